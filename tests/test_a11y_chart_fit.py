"""At 390 px, every chart fits its widget and no two of its labels overlap (issue 28).

On the four pages where a phone showed charts wider than their widget and overlapping labels, the
test measures every drawn text of each chart's SVG (``getBoundingClientRect``) in every state its
selectors offer, and the SVG's width against its figure's.
"""

from __future__ import annotations

import json

import pytest
from a11y_support import offline_context, wait_widgets

PHONE = 390
PAGES = [
    "modules/dynamiques/ce-que-dit-l-enquete",
    "modules/financement/simulateur-aci-msp",
    "modules/metier/qui-sont-les-coordinateurs",
    "modules/panorama/compter-les-structures",
]
# The labels of every chart of the page that overlap by more than 1 px both ways, and its widths.
MEASURE = """() => [...document.querySelectorAll('figure.pacte-chart')].map((fig, i) => {
  const svg = fig.querySelector('.pacte-chart-view svg');
  if (!svg) return { i, missing: true };
  const boxes = [...svg.querySelectorAll('text')]
    .filter((t) => t.textContent.trim() && Number(t.getAttribute('opacity') ?? 1) > 0
      && getComputedStyle(t).visibility !== 'hidden')
    .map((t) => ({ text: t.textContent.trim().slice(0, 40), r: t.getBoundingClientRect() }))
    .filter((b) => b.r.width > 0 && b.r.height > 0);
  const overlaps = [];
  for (let a = 0; a < boxes.length; a++) for (let b = a + 1; b < boxes.length; b++) {
    const A = boxes[a].r, B = boxes[b].r;
    const x = Math.min(A.right, B.right) - Math.max(A.left, B.left);
    const y = Math.min(A.bottom, B.bottom) - Math.max(A.top, B.top);
    if (x > 1 && y > 1) overlaps.push(`« ${boxes[a].text} » / « ${boxes[b].text} »`);
  }
  return { i, figure: fig.getBoundingClientRect().width, svg: svg.getBoundingClientRect().width,
           scroll: fig.querySelector('.pacte-chart-view').scrollWidth - fig.querySelector('.pacte-chart-view').clientWidth,
           overlaps };
})"""
# Every option of every selector bound to a chart, in turn (Vega listens to « change » and redraws
# within its run, before the next frames).
STATES = """() => [...document.querySelectorAll('figure.pacte-chart .vega-bind select')]
  .flatMap((s, i) => [...s.options].map((o) => [i, o.value]))"""
CHOOSE = """async ([i, value]) => {
  const s = document.querySelectorAll('figure.pacte-chart .vega-bind select')[i];
  s.value = value;
  s.dispatchEvent(new Event('change', { bubbles: true }));
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
}"""


def problems(page, state: str) -> list[str]:
    """What is wrong with the page's charts as drawn now: too wide, or labels overlapping."""
    found = []
    for chart in page.evaluate(MEASURE):
        if chart.get("missing"):
            found.append(f"{state}: chart {chart['i']} not drawn")
            continue
        if chart["svg"] > chart["figure"] + 1 or chart["scroll"] > 1:
            found.append(f"{state}: chart {chart['i']} is {chart['svg']:.0f} px wide in {chart['figure']:.0f} px")
        found += [f"{state}: chart {chart['i']}: {o}" for o in chart["overlaps"]]
    return found


def test_the_measure_sees_overlapping_labels(browser):
    context, _ = offline_context(browser, PHONE)
    page = context.new_page()
    try:
        page.set_content(
            '<figure class="pacte-chart" style="width:300px"><div class="pacte-chart-view">'
            '<svg width="420" height="60"><text x="10" y="30">Maisons de santé</text>'
            '<text x="40" y="34">Centres de santé</text></svg></div></figure>'
        )
        found = problems(page, "probe")
        assert any("420 px wide" in p for p in found), found
        assert any("Maisons de santé" in p and "Centres de santé" in p for p in found), found
    finally:
        context.close()


@pytest.mark.parametrize("path", PAGES)
def test_charts_fit_a_phone_without_overlapping_labels(browser, book_url, path):
    context, external = offline_context(browser, PHONE, 844, is_mobile=True, has_touch=True, device_scale_factor=2)
    page = context.new_page()
    try:
        page.goto(f"{book_url}{path}.html")
        wait_widgets(page)
        assert page.locator("figure.pacte-chart").count(), "no chart on the page"
        found = problems(page, "as loaded")
        for i, value in page.evaluate(STATES):
            page.evaluate(CHOOSE, [i, value])
            found += problems(page, f"select {i} = {value!r}")
        assert not found, json.dumps(found, ensure_ascii=False, indent=1)
        assert not external
    finally:
        context.close()
