"""Shared helpers of the accessibility tests (tests/test_a11y_*.py): axe-core, page list, layout probes.

axe-core is vendored from npm (``tests/vendor/axe.min.js``, rebuilt by ``js/build-test-vendor.mjs``).
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from conftest import draw_charts, log_external

ROOT = Path(__file__).resolve().parents[1]
AXE = ROOT / "tests" / "vendor" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING = ("critical", "serious")
# Cumulative layout shift (issue 28): below 0.1, as Lighthouse's « good ». Pages at phone width are loaded
# with the CPU slowed 4 times through the Chrome DevTools Protocol, as Lighthouse's mobile preset does; its
# desktop preset does not slow the CPU.
CLS_LIMIT = 0.1
CPU_SLOWDOWN_PHONE = 4
CLS_QUIET_MS = 750  # late shifts (fonts, charts resized to their container): settled once none came for this long
# The shifts, summed by a PerformanceObserver from the page's start (an init script); shifts that follow
# an input are not counted, as in Lighthouse; a sum is stricter than Lighthouse's largest session window.
CLS_OBSERVER = """(() => {
  window.__cls = { total: 0, shifts: [] };
  const name = (n) => !n ? '?' : (n.id ? '#' + n.id : (n.className && typeof n.className === 'string'
    ? n.nodeName.toLowerCase() + '.' + n.className.trim().split(/\\s+/).slice(0, 2).join('.') : n.nodeName.toLowerCase()));
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.hadRecentInput) continue;
      window.__cls.total += e.value;
      window.__cls.shifts.push(`${e.value.toFixed(3)} ${(e.sources || []).map((s) => name(s.node)).slice(0, 3).join(', ')}`);
    }
  }).observe({ type: 'layout-shift', buffered: true });
})();"""


def settle_shifts(page, quiet_ms: int = CLS_QUIET_MS, most_ms: int = 5000) -> dict:
    """Wait until the page's fonts are loaded and no layout shift came for ``quiet_ms`` (at most ``most_ms``);
    return what :data:`CLS_OBSERVER` summed (``total``, ``shifts``)."""
    return page.evaluate(
        """async ([quiet, most]) => {
             await document.fonts.ready;
             const start = performance.now();
             let seen = -1;
             while (window.__cls.shifts.length !== seen && performance.now() - start < most) {
               seen = window.__cls.shifts.length;
               await new Promise((done) => setTimeout(done, quiet));
             }
             return window.__cls;
           }""",
        [quiet_ms, most_ms],
    )


def built_pages(html_root: Path) -> list[str]:
    """Every page of the built book, as paths relative to its root (theme assets excluded).

    ``PACTE_A11Y_PAGES=a,b`` keeps only the pages whose path contains ``a`` or ``b`` (to iterate fast).
    """
    only = [p for p in os.environ.get("PACTE_A11Y_PAGES", "").split(",") if p]
    pages = []
    for path in sorted(html_root.rglob("*.html")):
        rel = path.relative_to(html_root)
        if rel.parts[0] in ("_static", "_sources", "_images") or rel.parts[0].startswith("."):
            continue
        if not only or any(o in rel.as_posix() for o in only):
            pages.append(rel.as_posix())
    return pages


def pages_with_widgets(html_root: Path) -> dict[str, list[str]]:
    """Each page of :func:`built_pages` holding widgets, and the widget modules it holds (sorted)."""
    found = {}
    for rel in built_pages(html_root):
        modules = sorted(
            set(re.findall(r'data-pacte-module="([a-z_]+)"', (html_root / rel).read_text(encoding="utf-8")))
        )
        if modules:
            found[rel] = modules
    assert found, "no page with a widget"
    return found


def offline_context(browser, width: int, height: int = 900, **extra):
    """A browser context whose requests to any non-loopback host are aborted; returns (context, external)."""
    context = browser.new_context(viewport={"width": width, "height": height}, locale="fr-FR", **extra)
    external: list[str] = []
    log_external(context, external)
    context.set_default_navigation_timeout(90_000)  # a loaded CI machine
    context.set_default_timeout(60_000)
    return context, external


def wait_widgets(page, timeout: int = 120000, charts: bool = True) -> None:
    """Wait until every widget of the page is mounted and every chart drawn (or failed).

    A chart loads Vega and draws when it is about to be seen (widgets/static/chart.js): with
    ``charts`` (the default) each chart still pending is scrolled into view in turn, as a reader
    would, then the page goes back to its top; without, a pending chart counts as settled (what a
    reader who has not scrolled gets).
    """
    page.wait_for_function(
        """() => [...document.querySelectorAll('div.pacte-widget[data-pacte-module]')].every(
             (w) => w.querySelector('.pacte-widget-root > *') || w.querySelector('.pacte-error'))
           && [...document.querySelectorAll('figure.pacte-chart')].every((f) => f.dataset.rendered || f.dataset.pending)""",
        timeout=timeout,
    )
    if charts:
        draw_charts(page, timeout)


def run_axe(page, context: str = "document") -> list[dict]:
    """Run axe-core (WCAG 2.0/2.1 A and AA rules) and return its critical and serious violations, summarised.

    ``context`` is ``"document"`` or a CSS selector: axe then checks every element it matches (at least one).
    """
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    return page.evaluate(
        """async ([ctx, tags, blocking]) => {
             const target = ctx === 'document' ? document : document.querySelectorAll(ctx);
             if (target !== document && !target.length) throw new Error(`axe: nothing matches ${ctx}`);
             const r = await axe.run(target, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
             return r.violations.filter((v) => blocking.includes(v.impact)).map((v) => ({
               id: v.id, impact: v.impact, help: v.help,
               nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ') + ' :: ' + (n.failureSummary || '').slice(0, 200)) }));
           }""",
        [context, WCAG_TAGS, list(BLOCKING)],
    )


def describe(violations: list[dict]) -> str:
    return json.dumps(violations, ensure_ascii=False, indent=1)


# Layout probes at phone width, run in the page: page overflow, charts wider than their widget,
# SVG text under 12 px (rendered), overlapping labels of the same Vega axis.
LAYOUT_PROBE = """() => {
  const out = { overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
                wideCharts: [], smallText: [], overlaps: [] };
  for (const w of document.querySelectorAll('div.pacte-widget')) {
    const box = w.getBoundingClientRect();
    for (const svg of w.querySelectorAll('figure.pacte-chart svg')) {
      const r = svg.getBoundingClientRect();
      if (r.width > box.width + 1) out.wideCharts.push(`${svg.getAttribute('aria-label') || '?'}: ${Math.round(r.width)} > ${Math.round(box.width)}`);
    }
  }
  for (const t of document.querySelectorAll('svg text')) {
    if (!t.textContent.trim()) continue;
    const r = t.getBoundingClientRect();
    const cs = getComputedStyle(t);
    if (!r.width || !r.height || cs.visibility === 'hidden' || cs.display === 'none' || cs.opacity === '0' || t.getAttribute('opacity') === '0') continue;
    if (t.closest('[aria-hidden="true"][hidden], [hidden]')) continue;
    const ctm = t.getScreenCTM();
    const scale = ctm ? Math.hypot(ctm.a, ctm.b) : 1;
    const size = parseFloat(getComputedStyle(t).fontSize) * scale;
    if (size < 11.95) out.smallText.push(`${t.textContent.trim().slice(0, 40)}: ${size.toFixed(1)} px`);
  }
  for (const axis of document.querySelectorAll('figure.pacte-chart svg g.role-axis-label')) {
    const boxes = [...axis.querySelectorAll('text')].filter((t) => t.textContent.trim() && t.getAttribute('opacity') !== '0' && getComputedStyle(t).opacity !== '0')
      .map((t) => ({ t: t.textContent.trim(), r: t.getBoundingClientRect() }));
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i].r, b = boxes[j].r;
      const ox = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const oy = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (ox > 1 && oy > 1) out.overlaps.push(`${boxes[i].t} / ${boxes[j].t}`);
    }
  }
  return out;
}"""


# Drive every widget of the page: `round` 0 answers with the first option and invalid text,
# round 1 with the second option and valid numbers; then submits each form and presses the
# widget's validation buttons. A branching case is played to its end.
DRIVE = r"""async (round) => {
  const skip = /Recommencer|Rejouer|Revenir|Télécharger|Effacer|Réinitialiser|Monter|Descendre|Quitter|Copier/i;
  const pause = () => new Promise((r) => setTimeout(r, 30));
  const fire = (el, type) => el.dispatchEvent(new Event(type, { bubbles: true }));
  const answer = (scope) => {
    const groups = new Map();
    for (const r of scope.querySelectorAll('input[type=radio]')) {
      if (!groups.has(r.name)) groups.set(r.name, []);
      groups.get(r.name).push(r);
    }
    for (const rs of groups.values()) { const r = rs[Math.min(round, rs.length - 1)]; if (!r.disabled) r.click(); }
    const boxes = [...scope.querySelectorAll('input[type=checkbox]')];
    boxes.slice(0, round ? 3 : 1).forEach((b) => { if (!b.checked && !b.disabled) b.click(); });
    for (const t of scope.querySelectorAll('input[type=text], input[type=number], input:not([type])')) {
      if (t.closest('.pacte-live')) continue;
      t.value = round ? (t.dataset.default || t.getAttribute('value') || '3') : 'abc';
      fire(t, 'input'); fire(t, 'change');
    }
    for (const t of scope.querySelectorAll('textarea')) { t.value = 'Une réponse de test.'; fire(t, 'input'); }
    for (const s of scope.querySelectorAll('select')) {
      if (s.options.length > 1) { s.selectedIndex = (s.selectedIndex + 1) % s.options.length; fire(s, 'change'); fire(s, 'input'); }
    }
  };
  for (const root of document.querySelectorAll('.pacte-widget-root')) {
    if (root.closest('[data-pacte-module=chart]')) {
      for (const d of root.querySelectorAll('details')) d.open = true;
      answer(root);
      continue;
    }
    if (root.querySelector('.pacte-case')) {
      for (let i = 0; i < 12 && root.querySelector('.pacte-case-form'); i++) {
        const form = root.querySelector('.pacte-case-form');
        const radios = form.querySelectorAll('input[type=radio]');
        radios[Math.min(round, radios.length - 1)].click();
        form.requestSubmit();
        await pause();
      }
      continue;
    }
    answer(root);
    for (const form of root.querySelectorAll('form')) {
      if (form.closest('.pacte-live')) continue;
      const submit = form.querySelector('button[type=submit], button:not([type])');
      if (submit && !skip.test(submit.textContent)) { form.requestSubmit(submit); await pause(); }
    }
    for (const b of root.querySelectorAll('button')) {
      if (b.type === 'submit' || b.disabled || skip.test(b.textContent) || b.dataset.download || b.closest('form')?.querySelector('button[type=submit]') === b) continue;
      if (b.dataset.action === 'up' || b.dataset.action === 'down' || b.dataset.action === 'reset') continue;
      b.click();
      await pause();
    }
  }
}"""


def axe_findings(page) -> list[str]:
    """axe-core's critical and serious violations in ``page``, one line each."""
    return [f"axe: {v['id']} ({v['impact']}): {v['nodes'][:2]}" for v in run_axe(page)]


# Once Voilà moved the cells into its shell: the number of main landmarks, and the outputs outside the first.
VOILA_LANDMARKS = """() => {
  const mains = [...document.querySelectorAll('main, [role=main]')];
  const outputs = [...document.querySelectorAll('.jp-OutputArea-output')];
  return [mains.length, mains.length ? outputs.filter((o) => !mains[0].contains(o)).length : outputs.length];
}"""


def voila_view_findings(page, settle_ms: int = 1000) -> list[str]:
    """A Voilà view opened by ``conftest.open_voila``, once every cell ran: its CSP violations, a main
    landmark that is not the one holding every output, and axe-core's critical and serious violations,
    one line each (empty when clean).

    The module tests call it on the views they drive; tests/test_security_csp.py then audits only the
    views needed for the widgets those do not load (``AUDITED_BY_MODULE_TESTS``).
    """
    page.locator("#rendered_cells").first.wait_for(state="visible", timeout=120_000)  # shown once every cell ran
    page.wait_for_timeout(settle_ms)
    mains, outside = page.evaluate(VOILA_LANDMARKS)
    landmarks = [] if mains == 1 and not outside else [f"{mains} main landmark(s), {outside} output(s) outside"]
    return list(page.evaluate("window.__csp || []")) + landmarks + axe_findings(page)
