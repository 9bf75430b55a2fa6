"""The two editions in the browser: the language selector keeps the page both ways (also after
instant navigation), and the English edition searches its own pages only."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from browsing import edition_page, follow_nav_link, new_context, wait_until_rendered
from test_browser_search import open_search

from editions import ENGLISH, KOREAN, page_url
from small_site import nav_pages


def switch_to(page: Any, lang: str) -> None:
    """Open the language selector, as a reader does, and pick the language; wait for the new page."""
    old = page.evaluate("document.documentElement")  # a full page load replaces it
    page.locator(".md-header .md-select > button").hover()
    link = page.locator(f'.md-select__link[hreflang="{lang}"]')
    link.wait_for(state="visible")
    link.click()
    page.wait_for_function("old => !old.isConnected", arg=old)
    page.wait_for_load_state("load")
    wait_until_rendered(page)


@pytest.fixture(scope="module")
def desktop(browser: Any) -> Iterator[Any]:
    context = new_context(browser, "desktop")
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.errors = errors
    yield page
    context.close()


def switch_problems(desktop: Any, site_url: str, paths: list[str]) -> list[str]:
    """Click the selector on each Korean page to English and back; where it did not keep the page."""
    problems = []
    for path in paths:
        desktop.goto(site_url + path)
        wait_until_rendered(desktop)
        switch_to(desktop, ENGLISH.lang)
        if desktop.url != site_url + ENGLISH.path + path:
            problems.append(f"/{path} -> English: landed on {desktop.url}")
            continue
        if desktop.evaluate("document.documentElement.lang") != ENGLISH.lang:
            problems.append(f"/{ENGLISH.path}{path}: <html lang> is not {ENGLISH.lang}")
        switch_to(desktop, KOREAN.lang)
        if desktop.url != site_url + path:
            problems.append(f"/{ENGLISH.path}{path} -> Korean: landed on {desktop.url}")
    return problems


def korean_pages(page_paths: list[str]) -> list[str]:
    pages = [path for path in page_paths if not path.startswith(ENGLISH.path)]
    assert len(pages) >= 9, pages
    return pages


def test_the_language_switch_keeps_the_page_both_ways(
    desktop: Any, site_url: str, page_paths: list[str]
) -> None:
    """The home page and one page below it; every page's built links are checked statically
    (tests/test_editions.py), and the click on every page by the exhaustive test below."""
    pages = korean_pages(page_paths)
    sample = [pages[0], next(path for path in pages if path)]
    problems = switch_problems(desktop, site_url, sample)
    assert not problems, "\n".join(problems)
    assert not desktop.errors, desktop.errors


@pytest.mark.exhaustive
def test_the_language_switch_keeps_the_page_both_ways_on_every_page(
    desktop: Any, site_url: str, page_paths: list[str]
) -> None:
    problems = switch_problems(desktop, site_url, korean_pages(page_paths))
    assert not problems, "\n".join(problems)
    assert not desktop.errors, desktop.errors


@pytest.mark.parametrize("start", [KOREAN, ENGLISH], ids=lambda e: e.lang)
def test_the_switch_keeps_the_page_after_instant_navigation(desktop: Any, site_url: str, start: Any) -> None:
    """Material's instant navigation swaps the content, not the header that holds the selector."""
    other = ENGLISH if start == KOREAN else KOREAN
    desktop.goto(site_url + start.path)
    wait_until_rendered(desktop)
    desktop.evaluate("window.sameDocument = true")  # a reload would drop it
    # Two pages below the home page, from the nav (the same order in both editions).
    paths = [page_url(src_uri) for _, src_uri in nav_pages(start.config.name) if page_url(src_uri)][:2]
    assert len(paths) == 2, f"the nav of {start.config.name} has fewer than two pages below home"
    for path in paths:
        follow_nav_link(desktop, site_url + start.path + path)
    assert desktop.evaluate("window.sameDocument === true"), "the navigation reloaded the page"
    switch_to(desktop, other.lang)
    assert desktop.url == site_url + other.path + paths[-1]


# ---- search on the English edition ---------------------------------------------------------------

ENGLISH_TERMS = [
    "black-box model",
    "gradient descent",
    "numerical gradient",
    "central difference",
    "learning rate",
    "backpropagation",
]


def expected_pages(docs: list[dict[str, str]], term: str) -> set[str]:
    """Pages about the term (any case): their title holds it, or failing that a section heading."""
    term = term.lower()
    titled = {d["location"] for d in docs if "#" not in d["location"] and term in d["title"].lower()}
    if titled:
        return titled
    return {d["location"].split("#")[0] for d in docs if "#" in d["location"] and term in d["title"].lower()}


@pytest.fixture(scope="module")
def english_index(built_site: Any) -> list[dict[str, str]]:
    path = built_site.edition_dir(ENGLISH.lang) / "search" / "search_index.json"
    docs: list[dict[str, str]] = json.loads(path.read_text(encoding="utf-8"))["docs"]
    return docs


@pytest.fixture(scope="module")
def english_search(browser: Any, site_url: str, built_site: Any) -> Iterator[Any]:
    """Types into the English edition's search box; the result pages relative to the site's base."""
    context, results = open_search(browser, site_url + ENGLISH.path, built_site.base_path)
    yield results
    context.close()


@pytest.mark.parametrize("term", ENGLISH_TERMS)
def test_an_english_term_finds_its_english_page_first_and_english_pages_only(
    term: str, english_search: Any, english_index: list[dict[str, str]]
) -> None:
    expected = {ENGLISH.path + page for page in expected_pages(english_index, term)}
    assert expected, f"no English page has {term!r} in its title or a heading"
    found = english_search(term)
    assert found, f"searching {term!r} on the English edition found nothing"
    korean = [path for path in found if not path.startswith(ENGLISH.path)]
    assert not korean, f"searching {term!r} on the English edition lists Korean pages: {korean}"
    assert found[0] in expected, (
        f"{term!r}: /{found[0]} first; expected one of {sorted(expected)} (results: {found})"
    )


def test_a_korean_term_on_the_korean_edition_lists_korean_pages_only(
    browser: Any, site_url: str, built_site: Any
) -> None:
    context, results = open_search(browser, site_url, built_site.base_path)
    found = results("기울기")
    context.close()
    assert found and all(edition_page(path) == path for path in found), found
