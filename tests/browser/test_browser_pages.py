"""Every page of the built site, at desktop and phone width, works for a reader."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from browsing import (
    SCHEMES,
    SHOW_JS,
    VIEWPORTS,
    Visit,
    edition_page,
    new_context,
    probe,
    problems_report,
    wait_until_rendered,
)

from editions import EDITIONS, page_url, pages_with_figures
from small_site import nav_pages

BLOCKING_IMPACTS = ("serious", "critical")


def assert_every_visit(visits: list[Visit], title: str, problems_of: Callable[[Visit], list[str]]) -> None:
    problems = {visit.name: found for visit in visits if (found := problems_of(visit))}
    assert not problems, problems_report(title, problems)


@probe("katex_fonts")
def katex_fonts(page: Any, viewport: str, scheme: str) -> dict[str, list[str]]:
    """The KaTeX fonts the page preloads, and those its stylesheet had to fetch itself because no
    preload had (a preloaded font is taken from the preload, with no fetch of its own)."""
    return page.evaluate(
        """() => ({
          preloaded: [...document.querySelectorAll('link[rel=preload][as=font]')].map(l => l.href),
          fetchedByStylesheet: performance.getEntriesByType('resource')
            .filter(r => r.name.includes('/katex/fonts/') && r.initiatorType === 'css').map(r => r.name),
        })"""
    )


def test_every_katex_font_a_page_draws_with_is_preloaded(visits: list[Visit]) -> None:
    """A font fetched only when the browser first lays out its text arrives after the first paint,
    and its glyphs move the rest of the line (a layout shift)."""
    fonts = [v.probes["katex_fonts"]["light"] for v in visits]
    assert any(f["preloaded"] for f in fonts), "no page preloads a KaTeX font: the check saw nothing"
    assert_every_visit(
        visits,
        "KaTeX fonts fetched by the stylesheet, not preloaded:",
        lambda v: v.probes["katex_fonts"]["light"]["fetchedByStylesheet"],
    )


def test_every_nav_page_is_in_the_sitemap_and_visited(page_paths: list[str]) -> None:
    """The visits cover whatever the sitemaps list; the navs (each edition's mkdocs*.yml) say what
    must be there, the notebook included."""
    expected = [e.path + page_url(src_uri) for e in EDITIONS for _, src_uri in nav_pages(e.config.name)]
    assert len(expected) >= 2 * 8, f"the navs list only {expected}"
    missing = [path for path in expected if path not in page_paths]
    assert not missing, f"nav pages missing from the sitemaps: {missing} (they list {page_paths})"
    for edition in EDITIONS:
        assert edition.path + "notebook/" in page_paths, f"no {edition.lang} notebook page in {page_paths}"


def test_every_page_answers_200(visits: list[Visit]) -> None:
    assert_every_visit(
        visits, "pages not served with HTTP 200:", lambda v: [] if v.status == 200 else [f"HTTP {v.status}"]
    )


def test_no_console_error(visits: list[Visit]) -> None:
    assert_every_visit(visits, "console errors:", lambda v: v.console_errors)


def test_no_failed_request(visits: list[Visit]) -> None:
    assert_every_visit(visits, "failed requests:", lambda v: v.failed_requests)


def test_no_request_leaves_the_site(visits: list[Visit]) -> None:
    assert all(v.requests for v in visits), "no request was recorded at all: the recorder is broken"
    assert_every_visit(
        visits, "requests to another origin (CDN, fonts, analytics...):", lambda v: v.foreign_requests
    )


def test_every_formula_is_typeset(visits: list[Visit]) -> None:
    def problems(v: Visit) -> list[str]:
        dom = v.dom
        return (
            [f"not typeset: {tex!r}" for tex in dom["unrendered"]]
            + [f"KaTeX error: {error}" for error in dom["katexErrors"]]
            + [f"raw TeX visible in the text: {tex!r}" for tex in dom["rawTex"]]
        )

    assert_every_visit(visits, "math problems:", problems)
    assert sum(v.dom["mathCount"] for v in visits) > 0, "no formula on any page: the math check saw nothing"


def test_every_image_and_figure_is_shown(visits: list[Visit]) -> None:
    def problems(v: Visit) -> list[str]:
        return [f"image not loaded: {src}" for src in v.dom["brokenImages"]] + [
            f"figure shows nothing: {figure!r}" for figure in v.dom["emptyFigures"]
        ]

    assert_every_visit(visits, "images and figures not shown:", problems)


def test_pages_that_place_a_figure_show_one(visits: list[Visit]) -> None:
    """A page with a figure marker (<!-- figure snippets/... -->) shows a figure."""
    marked = {e.path + url for e in EDITIONS for url in pages_with_figures(e)}
    assert len(marked) >= 2 * 3, f"only {sorted(marked)} have a figure marker"

    def problems(v: Visit) -> list[str]:
        if v.path not in marked or v.dom["figureCount"] and v.dom["svgFigureCount"] + v.dom["imageCount"]:
            return []
        return ["a figure marker in its source, and no figure with an image on the page"]

    assert_every_visit(visits, "figures missing:", problems)


def test_no_horizontal_scrolling_at_phone_width(visits: list[Visit]) -> None:
    def problems(v: Visit) -> list[str]:
        dom = v.dom
        if v.viewport != "phone" or dom["scrollWidth"] <= dom["innerWidth"]:
            return []
        return [f"page is {dom['scrollWidth']} px wide in a {dom['innerWidth']} px screen"] + dom[
            "overflowing"
        ]

    assert_every_visit(visits, "pages that scroll sideways:", problems)


def test_copy_button_puts_the_code_on_the_clipboard(visits: list[Visit]) -> None:
    """At desktop width (the clipboard code is Material's and does not depend on the width)."""
    clicked = [v for v in visits if v.copy_failures is not None]
    assert {v.path for v in clicked} == {v.path for v in visits}, "a page whose copy buttons were not clicked"
    assert any(v.dom["codeBlocks"] for v in clicked), "no code block on any page: the copy check saw nothing"
    assert_every_visit(clicked, "copy buttons that fail:", lambda v: v.copy_failures or [])


def test_a_code_block_gets_its_copy_button_when_it_comes_into_view(browser: Any, site_url: str) -> None:
    """content.lazy (mkdocs.yml): Material mounts each code block when it is first shown, not all of
    them at load, which measured every block and laid out the whole page."""
    context = new_context(browser, "phone")
    page = context.new_page()
    page.goto(site_url + "learning/")
    wait_until_rendered(page)
    last = page.locator(".md-content pre > code").last
    button = last.locator("xpath=..").locator("[data-clipboard-target]")
    assert button.count() == 0, (
        "the page's last code block, far below the first screen, had its copy button at load"
    )
    assert last.evaluate(SHOW_JS), "the last code block never stays on screen"
    button.wait_for(state="attached", timeout=5000)  # shown on hover, or when the block is tapped
    context.close()


# Where each of the glossary's tables and the block after it sit, and how often they are wrapped.
TABLES_JS = """async () => {
  await document.fonts.ready;
  return [...document.querySelectorAll('.md-typeset table')].map(table => {
    const wrapper = table.closest('.md-typeset__scrollwrap');
    const next = (wrapper || table).nextElementSibling;
    return [table.getBoundingClientRect().top, table.getBoundingClientRect().height,
            next && next.getBoundingClientRect().top, wrapper && wrapper.querySelectorAll('.md-typeset__scrollwrap').length];
  });
}"""


def test_a_table_is_where_material_puts_it_before_any_script_runs(browser: Any, site_url: str) -> None:
    """hooks/tables.py: the page as first painted (scripts not run) and the page after Material's
    start-up lay the glossary's tables out alike, so wrapping them moves nothing (no layout shift)."""
    layouts = []
    for scripts in (False, True):
        context = browser.new_context(viewport=VIEWPORTS["phone"], java_script_enabled=scripts)
        page = context.new_page()
        page.goto(site_url + "glossary/", wait_until="load")
        if scripts:
            wait_until_rendered(page)
        layouts.append(page.evaluate(TABLES_JS))
        context.close()
    assert layouts[0], "no table on the glossary"
    assert layouts[0] == layouts[1], (
        f"tables before scripts {layouts[0]}, after Material's start-up {layouts[1]}"
    )


# The visibility of each table and of the header's buttons as the page is, and while the parser is
# still inside them: a table's wrapper without its end marker, the header without the page after it.
WHILE_PARSED_JS = """() => {
  const seen = [];
  for (const end of document.querySelectorAll('.md-typeset__table > .md-table-end')) {
    const wrapper = end.parentElement;
    const parsed = getComputedStyle(wrapper).visibility;
    end.remove();
    seen.push(['table', parsed, getComputedStyle(wrapper).visibility]);
    wrapper.append(end);
  }
  const container = document.querySelector('.md-header ~ .md-container');
  const option = document.querySelector('.md-header__option');
  const parsed = getComputedStyle(option).visibility;
  const [parent, next] = [container.parentNode, container.nextSibling];
  container.remove();
  seen.push(['header', parsed, getComputedStyle(option).visibility]);
  parent.insertBefore(container, next);
  return seen;
}"""


def test_tables_and_header_buttons_are_drawn_only_once_parsed(browser: Any, site_url: str) -> None:
    """A table or the header painted while the parser is still inside it changes its layout as the
    rest arrives (the glossary's columns widened, the language button moved): layout shifts. So
    both are hidden until the parser is past them (hooks/tables.py, extra.css), and shown after."""
    context = browser.new_context(viewport=VIEWPORTS["phone"])
    page = context.new_page()
    page.goto(site_url + "glossary/", wait_until="load")
    seen = page.evaluate(WHILE_PARSED_JS)
    context.close()
    assert [kind for kind, *_ in seen].count("table") >= 2, (
        f"the glossary's tables have no end marker: {seen}"
    )
    wrong = [s for s in seen if s[1:] != ["visible", "hidden"]]
    assert not wrong, f"[what, visibility once parsed, while parsing]: {wrong}"


def test_no_serious_accessibility_violation(visits: list[Visit]) -> None:
    def problems(v: Visit) -> list[str]:
        return [
            f"[{violation['impact']}, {violation['scheme']} scheme] {violation['id']} ({violation['help']}) "
            f"on {len(violation['nodes'])} node(s): "
            + "; ".join(f"{node['target']} — {node['summary']}" for node in violation["nodes"][:3])
            for violation in v.axe_violations
            if violation["impact"] in BLOCKING_IMPACTS
        ]

    # Every page in both schemes at desktop width; at phone width the Korean pages at least.
    ran = {(v.path, v.viewport, scheme) for v in visits for scheme in v.axe_schemes}
    for v in visits:
        if v.viewport == "desktop" or edition_page(v.path) == v.path:
            needed = SCHEMES if v.viewport == "desktop" else ["light"]
            assert all((v.path, v.viewport, s) in ran for s in needed), f"axe did not run on {v.name}"
    assert_every_visit(visits, "axe-core serious/critical violations:", problems)
