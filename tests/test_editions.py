"""The two editions (hooks/i18n.py): the same pages in both, each page's language links lead to its
twin, each edition speaks its own language (<html lang>, no stray Korean in English pages) and has
its own sitemap and search index. The clicks and searches themselves are in tests/browser/."""

from __future__ import annotations

import json
import posixpath
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest
from mkdocs.exceptions import PluginError

from editions import EDITIONS, ENGLISH, HANGUL, KOREAN, page_url
from hook_module import load_hook
from site_html import VOID, html_of_page
from small_site import GoodSite, nav_pages, small_copy_of_the_project, strict_build

SELECTOR_LINK = re.compile(r'<a href="([^"]*)" hreflang="([a-z]+)" lang="\2" class="md-select__link">')
PAGE_SUFFIXES = (".md", ".ipynb")


def page_sources(docs: Path) -> list[str]:
    return sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*") if p.suffix in PAGE_SUFFIXES)


def test_every_page_has_its_twin_with_the_same_file_name() -> None:
    korean, english = page_sources(KOREAN.docs), page_sources(ENGLISH.docs)
    assert korean, "no Korean page"
    assert korean == english, (
        f"only in docs/: {sorted(set(korean) - set(english))}; only in docs_en/: {sorted(set(english) - set(korean))}"
    )


def test_the_navs_list_the_same_pages_in_the_same_order() -> None:
    orders = {e.lang: [src_uri for _, src_uri in nav_pages(e.config.name)] for e in EDITIONS}
    assert orders[KOREAN.lang] == orders[ENGLISH.lang], orders


@pytest.mark.parametrize("edition", EDITIONS, ids=[e.lang for e in EDITIONS])
def test_every_page_says_its_language(built_site, edition) -> None:
    pages = [html_of_page(built_site.edition_dir(edition.lang), s) for s in page_sources(edition.docs)]
    pages.append(built_site.edition_dir(edition.lang) / "404.html")
    wrong = {
        str(page.relative_to(built_site.dir)): found
        for page in pages
        if (found := re.search(r"<html lang=\"([^\"]*)\"", page.read_text(encoding="utf-8"))) is None
        or found[1] != edition.lang
    }
    assert not wrong, f'pages without <html lang="{edition.lang}">: {wrong}'


@pytest.mark.parametrize("edition", EDITIONS, ids=[e.lang for e in EDITIONS])
def test_each_page_links_to_its_twin_in_the_other_edition_and_to_itself(built_site, edition) -> None:
    """The selector's links, as built: resolved from the page, each lands on the same page."""
    problems = []
    for src_uri in page_sources(edition.docs):
        url = edition.path + page_url(src_uri)  # relative to the Korean root
        html = html_of_page(built_site.edition_dir(edition.lang), src_uri).read_text(encoding="utf-8")
        links = dict((lang, href) for href, lang in SELECTOR_LINK.findall(html))
        if sorted(links) != sorted(e.lang for e in EDITIONS):
            problems.append(f"{url or 'home'}: language links {links}")
            continue
        for other in EDITIONS:
            target = posixpath.normpath(posixpath.join("/" + url, links[other.lang]))
            expected = posixpath.normpath("/" + other.path + page_url(src_uri))
            if target != expected:
                problems.append(
                    f"{url or 'home'}: the {other.lang} link {links[other.lang]} leads to {target}"
                )
            elif not html_of_page(built_site.edition_dir(other.lang), src_uri).is_file():
                problems.append(f"{url or 'home'}: the {other.lang} link leads to a page that was not built")
    assert not problems, "\n".join(problems)


class HangulOutsideKorean(HTMLParser):
    """Hangul in text or attribute values that no lang="ko" element holds (the nearest lang wins)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.langs: list[tuple[str, str | None]] = []  # (tag, its lang attribute) of the open elements
        self.found: list[str] = []

    def korean(self) -> bool:
        lang = next((lang for _, lang in reversed(self.langs) if lang is not None), None)
        return lang is not None and lang.lower().split("-")[0] == "ko"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        lang = values.get("lang")
        if tag not in VOID:
            self.langs.append((tag, lang))
        korean = self.korean() if tag not in VOID else (lang or "").startswith("ko") or self.korean()
        for name, value in attrs:
            if value and HANGUL.search(value) and not korean:
                self.found.append(f"<{tag} {name}={value[:80]!r}>")

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self.langs) - 1, -1, -1):
            if self.langs[index][0] == tag:
                del self.langs[index:]
                return

    def handle_data(self, data: str) -> None:
        if not self.korean():
            for match in HANGUL.finditer(data):
                start = max(0, match.start() - 30)
                self.found.append(repr(data[start : match.end() + 30].strip()))


def hangul_outside_korean(html: str) -> list[str]:
    parser = HangulOutsideKorean()
    parser.feed(html)
    parser.close()
    return parser.found


def test_the_hangul_check_sees_stray_korean_and_allows_marked_korean() -> None:
    page = '<html lang="en"><p title="검색">Gradient <span lang="ko">경사 하강법</span> 기울기</p></html>'
    assert hangul_outside_korean(page) == ["<p title='검색'>", "'기울기'"]
    assert hangul_outside_korean('<html lang="ko"><p>기울기 <b>경사</b></p></html>') == []
    assert hangul_outside_korean('<p lang="ko">기울기 <span lang="en">경사</span></p>') == ["'경사'"]


def test_english_pages_have_no_korean_outside_marked_korean_spans(built_site) -> None:
    """Allowed: Korean in an element with lang="ko" (the glossary's term pairs, the lecture's
    original title, the selector's 한국어), which screen readers then read as Korean."""
    site = built_site.edition_dir(ENGLISH.lang)
    problems = {}
    for html in sorted(site.rglob("*.html")):
        found = hangul_outside_korean(html.read_text(encoding="utf-8"))
        if found:
            problems[str(html.relative_to(site))] = found[:8] + (
                [f"... {len(found)} in all"] if len(found) > 8 else []
            )
    assert not problems, 'Korean outside lang="ko" on English pages:\n' + "\n".join(
        f"  {page}: {found}" for page, found in problems.items()
    )


def sitemap_paths(site: Path) -> list[str]:
    ns = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    root = ET.parse(site / "sitemap.xml").getroot()
    return [urlsplit((loc.text or "").strip()).path for loc in root.iterfind("sm:url/sm:loc", ns)]


def test_each_edition_has_its_own_sitemap_under_its_site_url(built_site) -> None:
    for edition in EDITIONS:
        paths = sitemap_paths(built_site.edition_dir(edition.lang))
        expected = sorted(
            built_site.base_path + edition.path + page_url(s) for s in page_sources(edition.docs)
        )
        assert sorted(paths) == expected, (edition.lang, paths)


def search_index(site: Path) -> dict:
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))


def test_each_edition_has_its_own_search_index(built_site) -> None:
    """Each index holds exactly its own edition's pages, under titles in its own language."""
    for edition in EDITIONS:
        docs = search_index(built_site.edition_dir(edition.lang))["docs"]
        titles = {doc["location"]: doc["title"] for doc in docs if "#" not in doc["location"]}
        assert set(titles) == {page_url(s) for s in page_sources(edition.docs)}, (edition.lang, titles)
        in_korean = {location for location, title in titles.items() if HANGUL.search(title)}
        assert in_korean == (set(titles) if edition == KOREAN else set()), (edition.lang, titles)


def test_korean_search_spacing_adds_nothing_for_english_text(built_site) -> None:
    """hooks/search_spacing.py only adds spacing-free Hangul pieces: English text gets none."""
    index = search_index(built_site.edition_dir(ENGLISH.lang))
    hidden = [key for doc in index["docs"] for key in doc if key.endswith("_unspaced")]
    for doc in index["docs"]:
        for key in ("title_unspaced", "text_unspaced"):
            if key in doc:
                source = doc[key.removesuffix("_unspaced")]
                assert HANGUL.search(source), f"{doc['location']}: {key} added to text without Hangul"
                assert all(HANGUL.fullmatch(piece) for piece in doc[key].split()), doc[key]
    print(f"\nEnglish index: {len(index['docs'])} entries, {len(hidden)} hidden Hangul fields")


def test_a_page_without_its_twin_fails_the_build(tmp_path: Path) -> None:
    """The wiring, once: a Korean page whose English twin is missing fails the Korean build."""
    project = small_copy_of_the_project(tmp_path)
    (project / "docs_en/learning.md").unlink()
    result = strict_build(project, "mkdocs.yml")
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "learning.md has no twin" in output, output


@pytest.mark.parametrize("edition", EDITIONS, ids=[e.lang for e in EDITIONS])
def test_the_hook_rejects_a_page_without_its_twin_in_either_edition(edition) -> None:
    """Called directly, in each edition: a page with no twin in the other edition is named."""
    i18n = load_hook("i18n")
    config = SimpleNamespace(theme={"language": edition.lang})
    page = SimpleNamespace(file=SimpleNamespace(src_uri="only-here.md"))
    with pytest.raises(PluginError, match=r"only-here\.md has no twin in the (ko|en) edition"):
        i18n.on_page_markdown("# 제목", page, config, None)
    twin = SimpleNamespace(file=SimpleNamespace(src_uri=page_sources(edition.docs)[0]))
    assert i18n.on_page_markdown("# 제목", twin, config, None) == "# 제목"


def test_an_english_page_shows_the_figure_of_its_english_snippet(good_site: GoodSite) -> None:
    """The shared good build draws snippets/en/tiny.py on the English black-box page; the pages that
    embed the other edition's snippet are rejected in tests/test_figures_hook.py."""
    html = (good_site.project / "site/en/black-box/index.html").read_text(encoding="utf-8")
    assert 'id="figure-tiny"' in html and 'alt="Data and the fitted curve"' in html, html
