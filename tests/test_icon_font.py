"""No Font Awesome web font on any page (issue 28): the theme's CSS icons are SVG masks (pacte/site/a11y_font.py)."""

from __future__ import annotations

import re

import pytest
from a11y_support import offline_context, wait_widgets

from pacte.site.a11y_font import MARKER, THEME_CSS, icon_variables, mask_rules
from pacte.site.a11y_icons import icon_packs, theme_fontawesome

PAGE = "modules/panorama/compter-les-structures.html"  # admonitions (« En bref »), breadcrumbs, a chart


def test_every_css_icon_of_the_theme_gets_a_mask():
    source = theme_fontawesome()
    if source is None:
        pytest.skip("pydata-sphinx-theme's fontawesome.js not found")
    css = (
        ':root{--pst-icon-info-circle:"\\f05a";--pst-icon-admonition-note:var(--pst-icon-info-circle)}'
        ".admonition.note>.admonition-title:after{color:red;content:var(--pst-icon-admonition-note)}"
        "@font-face{font-family:x;src:url(../vendor/fontawesome/webfonts/fa-solid-900.woff2)}"
    )
    assert icon_variables(css) == {"--pst-icon-info-circle": 0xF05A, "--pst-icon-admonition-note": 0xF05A}
    rules = mask_rules(css, icon_packs(source.read_text(encoding="utf-8")))
    assert rules.startswith(':root{--pacte-fa-f05a:url("data:image/svg+xml,')
    assert '.admonition.note>.admonition-title:after{content:"";' in rules
    assert "mask:var(--pacte-fa-f05a) center/contain no-repeat" in rules


def test_the_built_theme_css_has_no_icon_font(built_book):
    css = (built_book / THEME_CSS).read_text(encoding="utf-8")
    assert MARKER in css, "the theme's CSS was not rewritten (pacte.site.a11y_font)"
    before, after = css.split(MARKER, 1)
    assert "fontawesome/webfonts" not in before, "a Font Awesome @font-face is left"
    drawn = set(re.findall(r"([^{}]+)\{[^{}]*content:var\(--pst-icon-admonition-[a-z-]+\)", before))
    assert drawn, "no admonition icon rule found in the theme's CSS"
    for selector in drawn:
        assert selector.strip() + '{content:"";' in after, selector


@pytest.mark.browser
def test_a_page_loads_no_font_and_still_shows_its_icons(browser, book_url):
    context, external = offline_context(browser, 390, 800)
    page = context.new_page()
    fonts: list[str] = []
    page.on("request", lambda r: fonts.append(r.url) if r.resource_type == "font" else None)
    try:
        page.goto(book_url + PAGE, wait_until="load")
        wait_widgets(page, charts=False)
        page.wait_for_timeout(500)
        assert [u for u in fonts if "fontawesome" in u] == []
        icon = page.evaluate(
            """() => { const t = document.querySelector('.admonition > .admonition-title');
                       const s = getComputedStyle(t, '::after');
                       return { mask: s.webkitMaskImage || s.maskImage, width: t ? parseFloat(s.width) : 0 }; }"""
        )
        assert icon["mask"].startswith('url("data:image/svg+xml'), icon
        assert icon["width"] > 8, icon
        # The header's <i class="fa-…"> icons became inline SVG (the subset script of a11y_icons).
        assert page.locator("svg.svg-inline--fa").count() > 0
        assert page.locator("i.fa-solid, i.fa-brands, i.fa-regular, i.fas, i.fab, i.far").count() == 0
        assert not external
    finally:
        context.close()
