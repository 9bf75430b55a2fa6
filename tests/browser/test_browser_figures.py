"""Figures as readers see them, on desktop and phone, in the light and the dark scheme: the variant
of the scheme is the one displayed, and its text is big enough.

matplotlib draws text as glyph paths, so the SVG holds no font size: the build puts the smallest
font size it drew (in pt) on each image (`data-font-pt`), and the size shown is that size in CSS
px at the figure's natural size (1 pt = 4/3 px in matplotlib's SVG) times the rendered width over
the natural width. The notebook's figures are PNGs at `plotting.DPI` drawn with fonts of at least
`plotting.SMALL_FONT_SIZE`.
"""

from __future__ import annotations

import io
from typing import Any

import numpy as np
import pytest
from browsing import VIEWPORTS, edition_page, new_context, problems_report, wait_until_rendered
from PIL import Image
from test_browser_palette import SETTLE_JS

from whybackprop import plotting

SMALLEST_PX = {"desktop": 11.0, "phone": 9.0}
SCHEMES = {"light": "default", "dark": "slate"}  # prefers-color-scheme -> Material's scheme

# Every figure image: the displayed one per <figure>, its variant and the size of its smallest text.
FIGURES_JS = """async () => {
  const shown = el => el.getClientRects().length > 0;
  const result = [];
  for (const figure of document.querySelectorAll('figure.whybackprop-figure')) {
    figure.scrollIntoView();  // as a reader reaches it (off screen, blocks may skip layout)
    await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
    const images = [...figure.querySelectorAll('img')];
    for (const img of images) img.loading = 'eager';
    await Promise.all(images.map(img => img.decode().catch(() => null)));
    const visible = images.filter(shown);
    const entry = {id: figure.id, visible: visible.length, hiddenLoaded: images.filter(i => !shown(i) && i.currentSrc).map(i => i.currentSrc)};
    if (visible.length === 1) {
      const img = visible[0];
      const source = [...img.parentElement.querySelectorAll('source')].find(s => new URL(s.srcset, document.baseURI).href === img.currentSrc);
      entry.src = img.getAttribute('src');
      entry.currentSrc = img.currentSrc;
      entry.fontPt = parseFloat((source || img).dataset.fontPt);
      entry.renderedWidth = img.getBoundingClientRect().width;
      entry.naturalWidth = img.naturalWidth;
    }
    result.push(entry);
  }
  return result;
}"""

NOTEBOOK_JS = """async () => {
  const images = [...document.querySelectorAll('.jupyter-wrapper img')];
  await Promise.all(images.map(img => img.decode().catch(() => null)));
  return images.map(img => ({renderedWidth: img.getBoundingClientRect().width, naturalWidth: img.naturalWidth}));
}"""


def figure_problems(page: Any, viewport: str, scheme: str) -> list[str]:
    problems = []
    figures = page.evaluate(FIGURES_JS)
    for f in figures:
        if f["visible"] != 1:
            problems.append(f"{f['id']}: {f['visible']} images displayed, expected exactly one")
            continue
        if not f["src"].endswith(f"#only-{scheme}") or f"-{scheme}" not in f["currentSrc"]:
            problems.append(f"{f['id']}: shows {f['currentSrc']} (src {f['src']}) in the {scheme} scheme")
        narrow = "-narrow.svg" in f["currentSrc"]
        if narrow != (viewport == "phone"):
            problems.append(f"{f['id']}: {'narrow' if narrow else 'wide'} drawing shown on {viewport}")
        px = f["fontPt"] * 4 / 3 * f["renderedWidth"] / f["naturalWidth"]
        if not px >= SMALLEST_PX[viewport]:
            problems.append(
                f"{f['id']}: smallest text {px:.1f} px ({f['fontPt']} pt, {f['renderedWidth']:.0f} of "
                f"{f['naturalWidth']} px wide), below {SMALLEST_PX[viewport]} px"
            )
        image = page.locator(f"#{f['id']} img:visible")
        image.evaluate(SETTLE_JS)
        shot = image.screenshot()
        pixels = np.asarray(Image.open(io.BytesIO(shot)).convert("L"), dtype=float)
        mean = pixels.mean() / 255
        if (scheme == "dark") != (mean < 0.5):
            problems.append(f"{f['id']}: mean brightness {mean:.2f} in the {scheme} scheme")
    return problems


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_the_schemes_variant_is_displayed_and_its_text_is_readable(
    browser: Any, site_url: str, built_site: Any, page_paths: list[str], viewport: str, scheme: str
) -> None:
    # The pages whose built HTML has a figure, in both editions (each draws its own).
    with_figures = [
        path
        for path in page_paths
        if 'class="whybackprop-figure"' in (built_site.dir / path / "index.html").read_text(encoding="utf-8")
    ]
    context = new_context(browser, viewport)
    page = context.new_page()
    page.emulate_media(color_scheme=scheme)  # the palette's first option follows the system
    problems: dict[str, list[str]] = {}
    seen = 0
    for path in with_figures:
        page.goto(site_url + path)
        wait_until_rendered(page)
        assert page.locator("body").get_attribute("data-md-color-scheme") == SCHEMES[scheme]
        seen += page.locator("figure.whybackprop-figure").count()
        if found := figure_problems(page, viewport, scheme):
            problems[f"/{path}"] = found
    context.close()
    assert seen >= 5, f"only {seen} figures found on the site"
    assert not problems, problems_report(f"figures at {viewport} in the {scheme} scheme:", problems)


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_notebook_figures_text_is_readable(
    browser: Any, site_url: str, page_paths: list[str], viewport: str
) -> None:
    notebooks = [p for p in page_paths if edition_page(p).startswith("notebook")]
    assert len(notebooks) == 2, f"a notebook page in each edition: {notebooks}"
    context = new_context(browser, viewport)
    page = context.new_page()
    font_px = plotting.SMALL_FONT_SIZE * plotting.DPI / 72  # at natural size
    for path in notebooks:
        page.goto(site_url + path)
        wait_until_rendered(page)
        images = page.evaluate(NOTEBOOK_JS)
        assert len(images) >= 3, f"/{path} shows {len(images)} figures"
        small = [
            f"{i['renderedWidth']:.0f} of {i['naturalWidth']} px wide: {font_px * i['renderedWidth'] / i['naturalWidth']:.1f} px"
            for i in images
            if not font_px * i["renderedWidth"] / i["naturalWidth"] >= SMALLEST_PX[viewport]
        ]
        assert not small, (
            f"/{path}: figures with text below {SMALLEST_PX[viewport]} px at {viewport}: {small}"
        )
    context.close()
