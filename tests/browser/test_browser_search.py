"""Material's search, in Korean, as a reader types into it.

The expected page of a term is read from the built search index: the page whose title holds the
term, else the page with a section heading holding it. The first result must be one of those.

A glossary term of several words typed without its spaces (경사하강법 for 경사 하강법) must list the
page that teaches it first (TEACHING_PAGES); hooks/search_spacing.py adds the pieces that make it
match, and must not change which page a spaced query lists first.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from browsing import new_context

TERMS = ["기울기", "경사 하강법", "역전파", "블랙박스", "학습률", "중앙 차분"]
# Korean particles that follow a noun directly (조사); a stem written only with one of them must
# still be found by the stem alone.
PARTICLES = [
    "으로",
    "에서",
    "에게",
    "부터",
    "까지",
    "보다",
    "처럼",
    "를",
    "을",
    "는",
    "은",
    "가",
    "이",
    "의",
    "에",
    "로",
    "와",
    "과",
    "도",
    "만",
]


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
    raise AssertionError(
        f"no page writes one of {stems} only with a particle; the particle test has nothing to search"
    )


META = "document.querySelector('.md-search-result__meta')"  # "N개의 일치하는 문서", or the placeholder


def open_search(browser: Any, site_url: str, base_path: str, index_filter: Any = None) -> tuple[Any, Any]:
    """(context, results): results(query) types a query into the search box and returns the result
    pages, best first. `index_filter`, if given, rewrites the search index the page loads."""
    context = new_context(browser, "desktop")
    if index_filter is not None:

        def rewrite(route: Any) -> None:
            response = route.fetch()
            route.fulfill(response=response, body=json.dumps(index_filter(response.json())))

        context.route("**/search/search_index.json", rewrite)
    page = context.new_page()
    page.goto(site_url)
    placeholder = json.loads(page.locator("#__config").text_content())["translations"][
        "search.result.placeholder"
    ]
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
    return context, results


@pytest.fixture(scope="module")
def search(browser: Any, site_url: str, built_site: Any) -> Iterator[Any]:
    """A function that types a query into the search box and returns the result pages, best first."""
    context, results = open_search(browser, site_url, built_site.base_path)
    yield results
    context.close()


def unspaced_fields(index: dict[str, Any]) -> list[str]:
    return [field for field in index["config"]["fields"] if field.endswith("_unspaced")]


def without_unspaced_fields(index: dict[str, Any]) -> dict[str, Any]:
    """The index as the search plugin wrote it, before hooks/search_spacing.py added its fields."""
    for field in unspaced_fields(index):
        del index["config"]["fields"][field]
        for doc in index["docs"]:
            doc.pop(field, None)
    return index


@pytest.fixture(scope="module")
def search_without_unspaced_fields(browser: Any, site_url: str, built_site: Any) -> Iterator[Any]:
    """Like `search`, on the index without the spacing-free pieces."""
    index = json.loads((built_site.dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert unspaced_fields(index), (
        "the built search index has no *_unspaced fields: hooks/search_spacing.py did not run"
    )
    context, results = open_search(browser, site_url, built_site.base_path, without_unspaced_fields)
    yield results
    context.close()


@pytest.mark.parametrize("term", TERMS)
def test_a_term_finds_its_page_first(term: str, search: Any, search_index: list[dict[str, str]]) -> None:
    expected = expected_pages(search_index, term)
    assert expected, f"no page has {term!r} in its title or a heading: the term is not a topic of the site"
    found = search(term)
    assert found, f"searching {term!r} found nothing"
    assert found[0] in expected, (
        f"searching {term!r} lists /{found[0]} first; expected one of {sorted(expected)} (results: {found})"
    )


def test_a_stem_finds_the_word_with_its_particle(search: Any, search_index: list[dict[str, str]]) -> None:
    stem, word, page = stem_only_with_particle(search_index)
    found = search(stem)
    assert page in found, (
        f"searching {stem!r} does not list /{page}, where the text has only {word!r} (results: {found})"
    )


# Every glossary term of several words -> the page that teaches it (where the lecture defines and
# uses it; the glossary only lists it, the home page only announces it).
TEACHING_PAGES = {
    "블랙박스 모델": "black-box/",
    "매개 변수": "black-box/",
    "손실 함수": "learning/",
    "평균 제곱 오차": "learning/",
    "경사 하강법": "learning/",
    "해석적 기울기": "learning/",
    "헤세 행렬": "learning/",
    "수치적 기울기": "numerical-gradient/",
    "전진 차분": "numerical-gradient/",
    "중앙 차분": "numerical-gradient/",
    "절단 오차": "numerical-gradient/",
    "반올림 오차": "numerical-gradient/",
    "기계 엡실론": "numerical-gradient/",
    "기울기 검사": "black-box-gradient/",
    "증가 차수": "deep-network/",
    "심층 신경망": "deep-network/",
    "유한 차분": "numerical-gradient/",
    "부동소수점 수": "numerical-gradient/",
    "연쇄 법칙": "deep-network/",
    "자동 미분": "deep-network/",
    "계산 그래프": "deep-network/",
    "순방향 모드": "deep-network/",
    "역방향 모드": "deep-network/",
}
GLOSSARY = Path(__file__).resolve().parents[2] / "docs" / "glossary.md"


def unspaced(term: str) -> str:
    return "".join(term.split())


def test_every_multi_word_glossary_term_has_a_teaching_page() -> None:
    rows = re.findall(r"^\|\s*([^|]+?)\s*\|", GLOSSARY.read_text(encoding="utf-8"), re.MULTILINE)
    terms = {row for row in rows if " " in row and re.fullmatch(r"[가-힣 ]+", row)}
    assert terms, f"no multi-word Korean term found in {GLOSSARY.name}'s table"
    assert terms == set(TEACHING_PAGES), (
        f"glossary terms without a teaching page here: {sorted(terms - set(TEACHING_PAGES))}; "
        f"mapped terms not in the glossary: {sorted(set(TEACHING_PAGES) - terms)}"
    )


@pytest.mark.parametrize("term", sorted(TEACHING_PAGES))
def test_the_teaching_page_writes_the_term(term: str, search_index: list[dict[str, str]]) -> None:
    page = TEACHING_PAGES[term]
    text = " ".join(
        doc["title"] + " " + doc["text"] for doc in search_index if page_of(doc["location"]) == page
    )
    assert text, f"/{page} is not in the search index"
    assert term in " ".join(text.split()), f"/{page}, the teaching page of {term!r} here, no longer writes it"


@pytest.mark.parametrize("term", sorted(TEACHING_PAGES))
def test_a_term_typed_without_spaces_finds_its_teaching_page_first(term: str, search: Any) -> None:
    query = unspaced(term)
    found = search(query)
    assert found, f"searching {query!r} (for {term!r}) found nothing"
    assert found[0] == TEACHING_PAGES[term], (
        f"searching {query!r} (for {term!r}) lists /{found[0]} first; expected /{TEACHING_PAGES[term]} (results: {found})"
    )


@pytest.mark.parametrize("term", sorted(set(TERMS) | set(TEACHING_PAGES)))
def test_the_unspaced_fields_leave_spaced_queries_ranked_as_before(
    term: str, search: Any, search_without_unspaced_fields: Any
) -> None:
    before = list(dict.fromkeys(search_without_unspaced_fields(term)))
    after = list(dict.fromkeys(search(term)))
    assert before, f"searching {term!r} found nothing"
    assert after[0] == before[0], (
        f"searching {term!r} lists /{after[0]} first, /{before[0]} without the unspaced fields"
    )


def term_with_particle(docs: list[dict[str, str]]) -> tuple[str, str]:
    """(query, page): a glossary term written with a particle in the prose of its teaching page (not
    in code, which gets no unspaced pieces), typed unspaced."""
    for term, page in sorted(TEACHING_PAGES.items()):
        prose = [
            re.sub(r"<pre\b.*?</pre>", " ", doc["title"] + " " + doc["text"], flags=re.DOTALL)
            for doc in docs
            if page_of(doc["location"]) == page
        ]
        text = " ".join(" ".join(part.split()) for part in prose)
        for particle in PARTICLES:
            if re.search(re.escape(term + particle) + r"(?![가-힣])", text):
                return unspaced(term) + particle, page
    raise AssertionError(
        "no teaching page writes its term with a particle; the particle test has nothing to search"
    )


def test_a_term_typed_without_spaces_with_its_particle_finds_its_page(
    search: Any, search_index: list[dict[str, str]]
) -> None:
    query, page = term_with_particle(search_index)
    found = search(query)
    assert page in found, (
        f"searching {query!r} does not list /{page}, which writes it with spaces (results: {found})"
    )
