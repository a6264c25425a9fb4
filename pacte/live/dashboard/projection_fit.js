// @ts-check
// Fitting the projected activity to the screen: the type shrinks (down to a floor
// readable from the back of a room, see projection.css), then, if it still does not
// fit, the content is cut into pages at block boundaries that the trainer turns
// with the arrows. No text is ever cut in half or hidden under another block.

// The blocks a page never cuts: a line of results, a paragraph, a card.
const BLOCKS = [
  ".prompt",
  ".bar-row",
  ".survey-group > h4",
  ".survey-ns",
  ".survey-row",
  ".mean",
  ".note",
  ".empty",
  ".word-item",
  ".answer-card",
  ".round-title",
  ".projection-explanation",
  ".projection-source",
  ".consequence",
  ".reveal-title",
].join(", ");
const SCALES = [1, 0.94, 0.88, 0.82, 0.76]; // the floor: projection.css keeps every sub-label at 20 px or more
const GAP = 8; // px kept free above a page's first block

function overflows(viewport, inner) {
  return inner.scrollHeight > viewport.clientHeight + 1 || inner.scrollWidth > viewport.clientWidth + 1;
}

// Page starts (px from the top of ``inner``): a page ends before the first block that would cross its
// bottom (``height`` less the gap kept above a page's first block).
function pageStarts(blocks, height) {
  const usable = height - GAP;
  const starts = [0];
  for (const b of [...blocks].sort((x, y) => x.top - y.top)) {
    const start = starts[starts.length - 1];
    if (b.bottom - start > usable && b.top > start) starts.push(b.top);
  }
  return starts;
}

function measure(inner) {
  const origin = inner.getBoundingClientRect().top;
  return [...inner.querySelectorAll(BLOCKS)]
    .filter((el) => !el.parentElement.closest(BLOCKS)) // the outermost block only
    .map((el) => {
      const r = el.getBoundingClientRect();
      return { el, top: r.top - origin, bottom: r.bottom - origin };
    })
    .filter((b) => b.bottom > b.top);
}

/**
 * Fit ``box`` (the projected activity: ``.projection-pages`` > ``.projection-page-inner``):
 * the largest type that fits, else pages. Returns ``{ scale, pages, show(i) }``.
 * @param {HTMLElement} box
 */
export function fitProjection(box) {
  const viewport = box.querySelector(".projection-pages");
  const inner = viewport?.firstElementChild;
  const none = { scale: 1, pages: 1, show: () => 0 };
  if (!viewport || !inner) return none;
  inner.style.transform = "";
  for (const el of inner.querySelectorAll(".is-off-page")) el.classList.remove("is-off-page");
  let scale = SCALES[0];
  for (scale of SCALES) {
    box.style.setProperty("--fit", String(scale));
    if (!overflows(viewport, inner)) return { ...none, scale };
  }
  const height = viewport.clientHeight;
  const blocks = measure(inner);
  const starts = pageStarts(blocks, height);
  const show = (i) => {
    const page = Math.max(0, Math.min(starts.length - 1, i));
    const top = starts[page];
    const next = starts[page + 1] ?? Infinity;
    inner.style.transform = `translateY(${-Math.max(0, top - GAP)}px)`;
    for (const b of blocks) {
      const here = b.top >= top - 0.5 && b.top < next && (b.bottom <= top + height - GAP + 0.5 || b.top <= top + 0.5);
      b.el.classList.toggle("is-off-page", !here);
    }
    return page;
  };
  return { scale, pages: starts.length, show };
}
