"""Every page of the built site, at desktop and phone width, works for a reader."""

from __future__ import annotations

from collections.abc import Callable

from browsing import Visit, edition_page, problems_report
from editions import EDITIONS

# The chapter's pages (DESIGN.md); the tests themselves visit whatever the sitemap lists.
EXPECTED_PAGES = [
    "",
    "black-box/",
    "learning/",
    "numerical-gradient/",
    "black-box-gradient/",
    "deep-network/",
    "glossary/",
]
PAGES_WITH_FIGURES = ["black-box/", "numerical-gradient/", "deep-network/"]
BLOCKING_IMPACTS = ("serious", "critical")


def assert_every_visit(visits: list[Visit], title: str, problems_of: Callable[[Visit], list[str]]) -> None:
    problems = {visit.name: found for visit in visits if (found := problems_of(visit))}
    assert not problems, problems_report(title, problems)


def test_the_chapter_pages_and_the_notebook_exist(page_paths: list[str]) -> None:
    """In both editions (the English one under en/)."""
    missing = [e.path + path for e in EDITIONS for path in EXPECTED_PAGES if e.path + path not in page_paths]
    assert not missing, f"pages missing from the sitemaps: {missing} (they list {page_paths})"
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


def test_pages_that_explain_with_a_figure_show_one(visits: list[Visit]) -> None:
    def problems(v: Visit) -> list[str]:
        if (
            edition_page(v.path) not in PAGES_WITH_FIGURES
            or v.dom["svgFigureCount"] + v.dom["imageCount"] > 0
        ):
            return []
        return ["no inline SVG figure or image on a page whose topic needs one"]

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
    assert any(v.dom["codeBlocks"] for v in visits), "no code block on any page: the copy check saw nothing"
    assert_every_visit(visits, "copy buttons that fail:", lambda v: v.copy_failures)


def test_no_serious_accessibility_violation(visits: list[Visit]) -> None:
    def problems(v: Visit) -> list[str]:
        return [
            f"[{violation['impact']}, {violation['scheme']} scheme] {violation['id']} ({violation['help']}) "
            f"on {len(violation['nodes'])} node(s): "
            + "; ".join(f"{node['target']} — {node['summary']}" for node in violation["nodes"][:3])
            for violation in v.axe_violations
            if violation["impact"] in BLOCKING_IMPACTS
        ]

    assert_every_visit(visits, "axe-core serious/critical violations:", problems)


def test_screenshots_of_every_page(visits: list[Visit], page_paths: list[str]) -> None:
    assert len(visits) == 2 * len(page_paths)
    missing = [v.name for v in visits if not (v.screenshot.is_file() and v.screenshot.stat().st_size > 1000)]
    assert not missing, f"screenshots not written: {missing}"
