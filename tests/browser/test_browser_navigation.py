"""Instant navigation: moving between pages without a reload still typesets the math there."""

from __future__ import annotations

from typing import Any

import pytest
from browsing import (
    INSPECT_JS,
    config_of,
    edition_of,
    follow_nav_link,
    new_context,
    wait_for_instant_navigation,
    wait_until_rendered,
)

from editions import KOREAN


def assert_math_typeset(page: Any, where: str) -> None:
    dom = page.evaluate(INSPECT_JS)
    assert dom["mathCount"] > 0, f"{where}: no formula found on the page"
    problems = dom["unrendered"] + dom["katexErrors"] + dom["rawTex"]
    assert not problems, f"{where}: math not typeset after instant navigation: {problems}"


def test_math_renders_after_instant_navigation(
    browser: Any, site_url: str, page_paths: list[str], built_site: Any
) -> None:
    with_math = [
        path
        for path in page_paths
        if path
        and edition_of(path) == KOREAN.lang  # the Korean pages besides home, linked from its nav
        and 'class="arithmatex' in (built_site.dir / path / "index.html").read_text(encoding="utf-8")
    ]
    assert len(with_math) >= 2, f"fewer than two pages with math besides home: {with_math}"
    context = new_context(browser, "desktop")
    page = context.new_page()
    page.goto(site_url)
    if "navigation.instant" not in config_of(page)["features"]:
        context.close()
        pytest.skip("navigation.instant is not enabled in mkdocs.yml")
    wait_until_rendered(page)  # a reader clicks a page that is drawn, fonts and all
    page.evaluate("window.sameDocument = true")  # a reload would drop it

    for path in with_math[:2]:
        follow_nav_link(page, site_url + path)  # as a reader does
        assert page.evaluate("window.sameDocument === true"), f"moving to /{path} reloaded the page"
        assert_math_typeset(page, f"/{path} reached by a click")

    page.go_back()
    page.wait_for_url(site_url + with_math[0])
    wait_until_rendered(page)
    assert page.evaluate("window.sameDocument === true"), "going back reloaded the page"
    assert_math_typeset(page, f"/{with_math[0]} reached by going back")
    context.close()


# Every change of a stylesheet link's href, and whether the page had a body by then.
WATCH_STYLESHEETS_JS = """
window.stylesheetChanges = [];
new MutationObserver((records) => {
    for (const r of records) {
        if (r.target.matches("link[rel=stylesheet]")) {
            window.stylesheetChanges.push({from: r.oldValue, to: r.target.getAttribute("href"), withBody: !!document.body});
        }
    }
}).observe(document, {subtree: true, attributes: true, attributeFilter: ["href"], attributeOldValue: true});
"""


@pytest.mark.parametrize("path", ["learning/", "en/glossary/"])
def test_no_stylesheet_link_changes_once_the_page_has_a_body(browser: Any, site_url: str, path: str) -> None:
    """Material's instant navigation makes every link absolute at start-up; on a stylesheet link
    that restyles the whole page. hooks/head_links.py does it first, while there is no body."""
    context = new_context(browser, "phone")
    context.add_init_script(WATCH_STYLESHEETS_JS)
    page = context.new_page()
    page.goto(site_url + path)
    wait_until_rendered(page)
    wait_for_instant_navigation(page)  # Material has started
    changes = page.evaluate("window.stylesheetChanges")
    context.close()
    assert [c for c in changes if not c["withBody"]], (
        f"/{path}: the links were not made absolute early: {changes}"
    )
    late = [c for c in changes if c["withBody"]]
    assert not late, f"/{path}: stylesheet links changed after the body was parsed: {late}"
