"""Material's search, in Korean, as a reader types into it.

The expected page of a term is read from the built search index: the page whose title holds the
term, else the page with a section heading holding it. The first result must be one of those.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest
from browsing import new_context

TERMS = ["기울기", "경사 하강법", "역전파", "블랙박스", "학습률", "중앙 차분"]
# Korean particles that follow a noun directly (조사); a stem written only with one of them must
# still be found by the stem alone.
PARTICLES = ["으로", "에서", "에게", "부터", "까지", "보다", "처럼", "를", "을", "는", "은", "가", "이", "의", "에", "로", "와", "과", "도", "만"]


@pytest.fixture(scope="module")
def search_index(built_site: Any) -> list[dict[str, str]]:
    index = json.loads((built_site.dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    docs: list[dict[str, str]] = index["docs"]
    return docs


def page_of(location: str) -> str:
    return location.split("#", 1)[0]


def expected_pages(docs: list[dict[str, str]], term: str) -> set[str]:
    """Pages about the term: their title holds it, or failing that one of their section headings."""
    titled = {doc["location"] for doc in docs if "#" not in doc["location"] and term in doc["title"]}
    if titled:
        return titled
    return {page_of(doc["location"]) for doc in docs if "#" in doc["location"] and term in doc["title"]}


def words_by_page(docs: list[dict[str, str]]) -> dict[str, set[str]]:
    words: dict[str, set[str]] = {}
    for doc in docs:
        text = html.unescape(re.sub(r"<[^>]+>", " ", doc["title"] + " " + doc["text"]))
        words.setdefault(page_of(doc["location"]), set()).update(re.findall(r"[가-힣]+", text))
    return words


def stem_only_with_particle(docs: list[dict[str, str]]) -> tuple[str, str, str]:
    """(stem, word, page): a term that appears on `page` only as `word` = stem + particle."""
    words = words_by_page(docs)
    stems = [term for term in TERMS if " " not in term]
    for stem in stems:
        for page, page_words in sorted(words.items()):
            if stem in page_words:
                continue
            for particle in PARTICLES:
                if stem + particle in page_words:
                    return stem, stem + particle, page
    raise AssertionError(f"no page writes one of {stems} only with a particle; the particle test has nothing to search")


META = "document.querySelector('.md-search-result__meta')"  # "N개의 일치하는 문서", or the placeholder


@pytest.fixture(scope="module")
def search(browser: Any, site_url: str, built_site: Any) -> Iterator[Any]:
    """A function that types a query into the search box and returns the result pages, best first."""
    base_path = built_site.base_path
    context = new_context(browser, "desktop")
    page = context.new_page()
    page.goto(site_url)
    placeholder = json.loads(page.locator("#__config").text_content())["translations"]["search.result.placeholder"]
    box = page.locator("input[data-md-component=search-query]")

    def results(query: str) -> list[str]:
        box.fill("")
        box.press("End")  # Material searches on keyup
        page.wait_for_function(f"{META}.textContent.trim() === {json.dumps(placeholder)}")
        box.fill(query)
        box.press("End")
        page.wait_for_function(f"{META}.textContent.trim() !== {json.dumps(placeholder)}")
        hrefs: list[str] = page.eval_on_selector_all(
            ".md-search-result__item > .md-search-result__link", "links => links.map(a => a.href)"
        )
        return [urlsplit(href).path[len(base_path) :] for href in hrefs]

    box.click()
    yield results
    context.close()


@pytest.mark.parametrize("term", TERMS)
def test_a_term_finds_its_page_first(term: str, search: Any, search_index: list[dict[str, str]]) -> None:
    expected = expected_pages(search_index, term)
    assert expected, f"no page has {term!r} in its title or a heading: the term is not a topic of the site"
    found = search(term)
    assert found, f"searching {term!r} found nothing"
    assert found[0] in expected, f"searching {term!r} lists /{found[0]} first; expected one of {sorted(expected)} (results: {found})"


def test_a_stem_finds_the_word_with_its_particle(search: Any, search_index: list[dict[str, str]]) -> None:
    stem, word, page = stem_only_with_particle(search_index)
    found = search(stem)
    assert page in found, f"searching {stem!r} does not list /{page}, where the text has only {word!r} (results: {found})"
