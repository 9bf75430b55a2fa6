"""Light and dark scheme: the toggle switches the scheme and every figure stays legible in both
(judged during the one visit of each page, see browsing.probe).

Legibility is measured on pixels, as a reader sees them: in a screenshot of each figure, the
pixels of its text regions (matplotlib's text groups or <text> of an inline SVG; the whole image
for the chapter's figure images, whose lines and text share the text colours) are pooled; the
background is their commonest colour and the ink their 2% most different pixels, which must
contrast by at least 4.5:1 (WCAG AA). Dark text on a transparent figure over the dark page fails
this; an opaque light figure or a dark variant passes. Lazy images are loaded first.
"""

from __future__ import annotations

import io
from typing import Any

import numpy as np
import pytest
from browsing import (
    NAV_LINKS,
    PALETTE,
    PALETTE_TOGGLE,
    SCHEMES,
    Visit,
    edition_of,
    new_context,
    probe,
    problems_report,
    wait_until_rendered,
)
from PIL import Image

from editions import KOREAN

TEXT_CONTRAST = 4.5  # WCAG AA for normal text
GRAPHICS_CONTRAST = 3.0  # WCAG for graphics, used for a figure without text elements (an <img>)

# Marks every figure of the page and returns where its text is, relative to the figure.
FIGURES_JS = """async () => {
  // Marks from a run in the other scheme go first: each scheme shows other images.
  for (const el of document.querySelectorAll('[data-legibility-figure]')) el.removeAttribute('data-legibility-figure');
  const content = document.querySelector('.md-content');
  const images = [...content.querySelectorAll('img')];
  for (const img of images) img.loading = 'eager';
  await Promise.all(images.map(img => img.decode().catch(() => null)));
  const figures = [...content.querySelectorAll('svg, img')].filter(el =>
    !el.parentElement.closest('svg, button, a, .md-icon, .twemoji, .katex') && el.getBoundingClientRect().width >= 100);
  return figures.map((figure, index) => {
    figure.setAttribute('data-legibility-figure', index);
    const box = figure.getBoundingClientRect();
    // <text>, or matplotlib's glyph groups ("text_3", or "<prefix>-text_3" when ids are prefixed).
    const texts = figure.tagName.toLowerCase() === 'svg'
      ? [...figure.querySelectorAll('text, g[id]')].filter(el => el.tagName === 'text' || /(^|[-_])text_[0-9]+$/.test(el.id))
      : [];
    const regions = texts.map(t => t.getBoundingClientRect()).filter(r => r.width >= 3 && r.height >= 3)
      .map(r => [r.left - box.left, r.top - box.top, r.right - box.left, r.bottom - box.top]);
    const drawnText = figure.matches('figure.whybackprop-figure img');  // text and lines in text colours
    return {index, label: figure.tagName.toLowerCase() + ' #' + index, regions, drawnText};
  });
}"""

# Scroll a figure to the middle of the screen and let layout settle first: blocks above it that were
# skipped off screen (content-visibility) take their real size when shown, which moves the figure.
SETTLE_JS = "el => { el.scrollIntoView({block: 'center'}); return new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done))); }"


def relative_luminance(rgb: np.ndarray) -> np.ndarray:
    """WCAG relative luminance of sRGB colours in 0..255."""
    c = rgb / 255.0
    linear = np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
    return linear @ np.array([0.2126, 0.7152, 0.0722])


def ink_contrast(pixels: np.ndarray) -> float:
    """Contrast between the background (the commonest colour) and the ink (the 2% most different pixels)."""
    flat = pixels.reshape(-1, 3)
    colours, counts = np.unique(flat, axis=0, return_counts=True)
    background = float(relative_luminance(colours[counts.argmax()].astype(float)))
    luminance = relative_luminance(flat.astype(float))
    distance = np.abs(luminance - background)
    ink = float(np.median(luminance[distance >= np.quantile(distance, 0.98)]))
    lighter, darker = max(ink, background), min(ink, background)
    return (lighter + 0.05) / (darker + 0.05)


def illegible_figures(page: Any) -> list[str]:
    """Figures whose text (all text regions together; else the whole figure) lacks contrast."""
    problems = []
    for figure in page.evaluate(FIGURES_JS):
        element = page.locator(f"[data-legibility-figure='{figure['index']}']")
        element.evaluate(SETTLE_JS)
        shot = element.screenshot()
        pixels = np.asarray(Image.open(io.BytesIO(shot)).convert("RGB"))
        height, width, _ = pixels.shape
        text = [
            pixels[
                max(0, int(top)) : min(height, int(np.ceil(bottom))),
                max(0, int(left)) : min(width, int(np.ceil(right))),
            ]
            for left, top, right, bottom in figure["regions"]
        ]
        text = [crop.reshape(-1, 3) for crop in text if crop.size]
        contrast = ink_contrast(np.concatenate(text) if text else pixels)
        needed = TEXT_CONTRAST if text or figure["drawnText"] else GRAPHICS_CONTRAST
        if contrast < needed:
            what = f"its text ({len(text)} text elements)" if text else "the figure (its text not located)"
            problems.append(
                f"{figure['label']}: {what} has contrast {contrast:.2f}:1 with its background, below {needed}:1"
            )
    return problems


def scheme(page: Any) -> str | None:
    value: str | None = page.locator("body").get_attribute("data-md-color-scheme")
    return value


def toggle_to_another_scheme(page: Any) -> str | None:
    """Click the toggle until the scheme changes (a toggle may cycle through "system", light, dark)."""
    before = scheme(page)
    toggle = page.locator(PALETTE_TOGGLE)
    assert toggle.count() == 1, "no palette toggle in the header"
    for _ in range(page.locator(f"{PALETTE} input").count()):
        toggle.click()
        if scheme(page) != before:
            break
    assert scheme(page) != before, f"the palette toggle never changes the colour scheme ({before})"
    return scheme(page)


def korean_desktop(path: str, viewport: str) -> bool:
    # The English figures are drawn by the same functions in the same colours: the Korean edition's
    # figures stand for both. Colours do not depend on the width.
    return viewport == "desktop" and edition_of(path) == KOREAN.lang


@probe("legibility", schemes=tuple(SCHEMES), where=korean_desktop)
def legibility(page: Any, viewport: str, scheme: str) -> dict[str, Any]:
    return {"figures": len(page.evaluate(FIGURES_JS)), "problems": illegible_figures(page)}


@pytest.mark.parametrize("visits", [KOREAN.lang], ids=[f"visits-{KOREAN.lang}"], indirect=True)
def test_figures_stay_legible_in_both_schemes(visits: list[Visit]) -> None:
    judged = [v for v in visits if korean_desktop(v.path, v.viewport)]
    with_figures = [v for v in judged if v.dom["svgFigureCount"] + v.dom["imageCount"]]
    assert with_figures, "no page has a figure: legibility cannot be checked"
    problems: dict[str, list[str]] = {}
    for v in judged:
        records = v.probes.get("legibility", {})
        assert set(records) == set(SCHEMES), f"{v.name}: legibility judged in {sorted(records)} only"
        for name, record in records.items():
            if v in with_figures:
                assert record["figures"], f"{v.name}: no figure found in the {name} scheme"
            if record["problems"]:
                problems[f"{v.name} in the {name} scheme"] = record["problems"]
    assert not problems, problems_report("figures hard to read:", problems)


def test_the_toggle_switches_the_scheme_and_the_next_page_keeps_it(browser: Any, site_url: str) -> None:
    """The reader's choice, not the system's: clicked in the header, remembered across pages."""
    context = new_context(browser, "desktop")
    page = context.new_page()
    page.goto(site_url)
    chosen = toggle_to_another_scheme(page)
    others = page.locator(NAV_LINKS).evaluate_all(
        "(links, here) => links.map(a => a.href).filter(h => h !== here)", page.url
    )
    assert others, "the navigation links to no other page"
    page.goto(others[0])
    wait_until_rendered(page)
    assert scheme(page) == chosen, f"the next page is in {scheme(page)}, the reader chose {chosen}"
    context.close()


# What the palette does at load that restyles the whole page, once the page's content is there: a
# colour mark on <body> that changes (data-md-color-switching, -scheme, -primary, -accent) or any
# color-scheme <meta> (the browser restyles on every change to one). Material's own component did
# three such things on every load (docs/javascripts/palette.js).
WATCH_PALETTE_JS = """
window.paletteRestyles = [];
new MutationObserver((records) => {
  if (!document.querySelector("footer")) return;  // before the content: costs nothing
  for (const r of records) {
    const t = r.target;
    if (r.type === "attributes" && t === document.body && r.attributeName !== "data-md-color-media"
        && r.oldValue !== t.getAttribute(r.attributeName))
      window.paletteRestyles.push(`<body ${r.attributeName}>: ${r.oldValue} -> ${t.getAttribute(r.attributeName)}`);
    for (const node of r.type === "childList" ? r.addedNodes : [t])
      if (node.nodeType === 1 && node.matches("meta[name=color-scheme]"))
        window.paletteRestyles.push(`a color-scheme meta: ${node.outerHTML}`);
  }
}).observe(document, {subtree: true, childList: true, attributes: true, attributeOldValue: true});
"""

HEADER_COLOUR_JS = """() => {
  const rgb = getComputedStyle(document.querySelector('[data-md-component=header]')).backgroundColor;
  return '#' + rgb.match(/\\d+/g).slice(0, 3).map(c => (+c).toString(16).padStart(2, '0')).join('');
}"""


@pytest.mark.parametrize("path", ["learning/", "en/glossary/"])
def test_the_palette_restyles_nothing_at_load_and_switches_on_demand(
    browser: Any, site_url: str, path: str
) -> None:
    """A first visit and a return in the dark scheme cost no whole-page restyle; a switch by click
    or by Enter still changes the colours, the page's canvas and the browser's toolbar colour."""
    context = new_context(browser, "phone")
    context.add_init_script(WATCH_PALETTE_JS)
    page = context.new_page()
    page.goto(site_url + path)
    wait_until_rendered(page)
    restyles = page.evaluate("window.paletteRestyles")
    assert not restyles, f"/{path}, a first visit restyled the whole page: {restyles}"

    assert toggle_to_another_scheme(page) == "slate", (
        "the toggle (from the light scheme) did not reach the dark one"
    )
    assert page.evaluate("getComputedStyle(document.documentElement).colorScheme") == "dark", (
        "the page's canvas and scrollbars stayed light in the dark scheme"
    )
    assert page.evaluate("document.body.hasAttribute('data-md-color-switching')") is False, (
        "the switch left its no-transitions mark on <body>"
    )
    assert page.locator("meta[name=theme-color]").get_attribute("content") == page.evaluate(HEADER_COLOUR_JS)

    page.reload()
    wait_until_rendered(page)
    assert scheme(page) == "slate", "the dark scheme was not remembered"
    restyles = page.evaluate("window.paletteRestyles")
    assert not restyles, f"/{path}, a return in the dark scheme restyled the whole page: {restyles}"

    page.locator(f"{PALETTE} input").first.focus()  # where Tab lands
    page.keyboard.press("Enter")
    assert scheme(page) != "slate", "Enter on the focused toggle did not move to the next option"
    context.close()
