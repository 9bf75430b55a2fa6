"""Figures as readers see them, on desktop and phone, in the light and the dark scheme: the variant
of the scheme is the one displayed, and its text is big enough. Recorded during the one visit of
each page (probes, see browsing.probe); the scheme is switched on the loaded page.

matplotlib draws text as glyph paths, so the SVG holds no font size: the build puts the smallest
font size it drew (in pt) on each image (`data-font-pt`), and the size shown is that size in CSS
px at the figure's natural size (1 pt = 4/3 px in matplotlib's SVG) times the rendered width over
the natural width. The notebook's figures are PNGs at `plotting.DPI` drawn with fonts of at least
`plotting.SMALL_FONT_SIZE`; on a desktop they take the column's width.
"""

from __future__ import annotations

import io
from typing import Any

import numpy as np
from browsing import SCHEMES, VIEWPORTS, Visit, edition_of, edition_page, probe, problems_report
from PIL import Image
from test_browser_palette import SETTLE_JS

from whybackprop import plotting

from editions import EDITIONS, pages_with_figures

SMALLEST_PX = {"desktop": 11.0, "phone": 9.0}

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
  for (const img of images) img.loading = 'eager';  // the notebook's figures load lazily
  await Promise.all(images.map(img => img.decode().catch(() => null)));
  return images.map(img => ({renderedWidth: img.getBoundingClientRect().width, naturalWidth: img.naturalWidth,
                             cellWidth: img.closest('.jp-Cell').getBoundingClientRect().width}));
}"""


WITH_FIGURES = {e.path + url for e in EDITIONS for url in pages_with_figures(e)}  # from the markers


@probe("figures", schemes=tuple(SCHEMES), where=lambda path, viewport: path in WITH_FIGURES)
def displayed_figures(page: Any, viewport: str, scheme: str) -> dict[str, Any]:
    """The page's scheme, and each figure as displayed (FIGURES_JS) with the mean brightness of its
    displayed image (0 black, 1 white)."""
    # A figure inside a closed fold (<details>) is seen once the reader opens it.
    page.evaluate(
        "() => { for (const f of document.querySelectorAll('figure.whybackprop-figure'))"
        " for (let d = f.closest('details'); d; d = d.parentElement.closest('details')) d.open = true; }"
    )
    figures = page.evaluate(FIGURES_JS)
    for f in figures:
        if f["visible"] == 1:
            image = page.locator(f"#{f['id']} img:visible")
            image.evaluate(SETTLE_JS)
            pixels = np.asarray(Image.open(io.BytesIO(image.screenshot())).convert("L"), dtype=float)
            f["brightness"] = pixels.mean() / 255
    return {"scheme": page.locator("body").get_attribute("data-md-color-scheme"), "figures": figures}


def figure_problems(viewport: str, scheme: str, record: dict[str, Any]) -> list[str]:
    problems = []
    if record["scheme"] != SCHEMES[scheme]:
        problems.append(f"the page is in Material's scheme {record['scheme']!r}, not {SCHEMES[scheme]!r}")
    for f in record["figures"]:
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
        if (scheme == "dark") != (f["brightness"] < 0.5):
            problems.append(f"{f['id']}: mean brightness {f['brightness']:.2f} in the {scheme} scheme")
    return problems


def test_the_schemes_variant_is_displayed_and_its_text_is_readable(
    visits: list[Visit], built_site: Any
) -> None:
    """Every page with a figure, in each edition (each draws its own), both viewports and schemes."""
    lang = edition_of(visits[0].path)  # the visits are one edition's
    in_html = {
        path
        for path in {v.path for v in visits}
        if 'class="whybackprop-figure"' in (built_site.dir / path / "index.html").read_text(encoding="utf-8")
    }
    marked = {path for path in WITH_FIGURES if edition_of(path) == lang}
    assert in_html == marked, (
        f"pages with a figure in the built HTML {sorted(in_html)}, with a figure marker {sorted(marked)}"
    )
    problems: dict[str, list[str]] = {}
    seen = {(viewport, scheme): 0 for viewport in VIEWPORTS for scheme in SCHEMES}
    for v in visits:
        if v.path not in WITH_FIGURES:
            continue
        records = v.probes.get("figures", {})
        assert set(records) == set(SCHEMES), f"{v.name}: figures recorded in {sorted(records)} only"
        for scheme, record in records.items():
            seen[(v.viewport, scheme)] += len(record["figures"])
            if found := figure_problems(v.viewport, scheme, record):
                problems[f"{v.name} in the {scheme} scheme"] = found
    assert min(seen.values()) >= 5, f"figures seen by viewport and scheme: {seen}"
    assert not problems, problems_report("figures as displayed:", problems)


def is_notebook(path: str, viewport: str) -> bool:
    return edition_page(path).startswith("notebook")


@probe("notebook_images", where=is_notebook)
def notebook_images(page: Any, viewport: str, scheme: str) -> list[dict[str, float]]:
    images: list[dict[str, float]] = page.evaluate(NOTEBOOK_JS)
    return images


def test_notebook_figures_text_is_readable(visits: list[Visit]) -> None:
    notebooks = [v for v in visits if is_notebook(v.path, v.viewport)]
    assert len(notebooks) == len(VIEWPORTS), f"one notebook page per edition: {[v.name for v in notebooks]}"
    font_px = plotting.SMALL_FONT_SIZE * plotting.DPI / 72  # at natural size
    for v in notebooks:
        images = v.probes["notebook_images"]["light"]
        assert len(images) >= 3, f"{v.name} shows {len(images)} figures"
        small = [
            f"{i['renderedWidth']:.0f} of {i['naturalWidth']} px wide: {font_px * i['renderedWidth'] / i['naturalWidth']:.1f} px"
            for i in images
            if not font_px * i["renderedWidth"] / i["naturalWidth"] >= SMALLEST_PX[v.viewport]
        ]
        assert not small, f"{v.name}: figures with text below {SMALLEST_PX[v.viewport]} px: {small}"
        if v.viewport == "desktop":  # the figure takes the column's width, not a phone's
            narrow = [
                f"{i['renderedWidth']:.0f} px in a {i['cellWidth']:.0f} px cell"
                for i in images
                if i["renderedWidth"] < 0.9 * i["cellWidth"]
            ]
            assert not narrow, f"{v.name}: figures narrower than the column: {narrow}"
