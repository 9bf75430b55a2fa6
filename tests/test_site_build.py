"""The strict build of both editions: every page is there, nothing is loaded from elsewhere, bad
links are fatal. (The site's folder holds the English edition in en/: checks over every built file
cover both.)"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from editions import EDITIONS
from hook_module import load_hook
from site_html import html_of_page, parse
from small_site import GoodSite, append, nav_pages, small_copy_of_the_project, strict_build

ROOT = Path(__file__).resolve().parent.parent

EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)  # http://, https://, //host
URL_IN_TEXT = re.compile(r"https?://(?!www\.w3\.org/)[^\s\"'`)<>]+")  # XML namespaces are names, not loads
KATEX_CSS = "assets/katex/katex.min.css"
CSS_LOADS = re.compile(r"(?:url\(\s*['\"]?|@import\s+['\"])((?:https?:)?//[^'\")\s]+)", re.IGNORECASE)


def test_strict_build_passes(built_site) -> None:
    for edition in EDITIONS:
        assert (built_site.edition_dir(edition.lang) / "index.html").is_file(), edition.lang
        assert (built_site.edition_dir(edition.lang) / "sitemap.xml").is_file(), edition.lang
    seconds = ", ".join(f"{lang} {s:.1f} s" for lang, s in built_site.edition_seconds.items())
    print(f"\nstrict build of the whole site: {built_site.build_seconds:.1f} s ({seconds})")


NAV_PAGES = [(e.lang, title, src_uri) for e in EDITIONS for title, src_uri in nav_pages(e.config.name)]


@pytest.mark.parametrize(("lang", "title", "src_uri"), NAV_PAGES)
def test_every_nav_page_is_built(built_site, lang: str, title: str, src_uri: str) -> None:
    edition = next(e for e in EDITIONS if e.lang == lang)
    assert (edition.docs / src_uri).is_file(), f"nav entry {title!r}: {edition.docs}/{src_uri} does not exist"
    html = html_of_page(built_site.edition_dir(lang), src_uri)
    assert html.is_file(), f"nav entry {title!r}: {src_uri} was not built"
    assert title in (built_site.edition_dir(lang) / "index.html").read_text(encoding="utf-8"), (
        f"{title!r} is not in the navigation"
    )


def test_headings_keep_their_hangul_anchors(built_site) -> None:
    ids = [i for html in built_site.dir.rglob("*.html") for i in parse(html).heading_ids]
    assert any(re.search("[가-힣]", i) for i in ids), "no heading anchor keeps its Hangul"
    dropped = [i for i in ids if re.fullmatch(r"_?\d*", i)]  # e.g. "_1", "1" or ""
    assert not dropped, f"Hangul was dropped from heading anchors: {dropped}"


@pytest.mark.parametrize("edition", EDITIONS, ids=[e.lang for e in EDITIONS])
def test_notebook_page_is_built_with_its_download(built_site, edition) -> None:
    notebooks = sorted(edition.docs.rglob("*.ipynb"))
    assert notebooks
    for notebook in notebooks:
        src_uri = notebook.relative_to(edition.docs).as_posix()
        page = html_of_page(built_site.edition_dir(edition.lang), src_uri)
        text = page.read_text(encoding="utf-8")
        assert "jupyter-wrapper" in text, f"{src_uri} was not rendered as a notebook"
        assert f'href="{notebook.name}" download' in text, f"{src_uri}: no download link"
        copy = page.parent / notebook.name
        assert copy.is_file() and json.loads(copy.read_bytes()) == json.loads(notebook.read_bytes())


def test_every_page_has_the_katex_stylesheet_and_fonts(built_site) -> None:
    """Math is rendered at build time (tests/test_katex.py): pages need KaTeX's CSS and fonts only."""
    assert (built_site.dir / KATEX_CSS).is_file(), f"{KATEX_CSS} is not in the build"
    assert list((built_site.dir / "assets/katex/fonts").glob("*.woff2")), "KaTeX fonts are not in the build"
    for html in built_site.dir.rglob("*.html"):
        loaded = {url.split("?")[0] for _, _, url in parse(html).references}
        assert any(url.endswith(KATEX_CSS) for url in loaded), (
            f"{html.relative_to(built_site.dir)} does not load {KATEX_CSS}"
        )
        assert not [url for url in loaded if "katex" in url and url.endswith(".js")], (
            "KaTeX's script is loaded"
        )


def built_pages(built_site, with_404: bool) -> list[tuple[Path, str]]:
    """Every built HTML page but the redirects (no <head>): its path in the site and its text. The
    404 pages come from a template, so the page hooks (on_post_page) do not run on them."""
    pages = []
    for html in sorted(built_site.dir.rglob("*.html")):
        text = html.read_text(encoding="utf-8")
        if "<head>" in text and (with_404 or html.name != "404.html"):
            pages.append((html.relative_to(built_site.dir), text))
    return pages


head_links = load_hook("head_links")


def test_every_page_makes_its_head_links_absolute_after_the_last_of_them(built_site) -> None:
    """hooks/head_links.py: a link after the script would be left to Material's start-up, which
    rewrites it once the page is drawn (for a stylesheet, a whole-page restyle)."""
    problems = []
    for where, text in built_pages(built_site, with_404=False):
        head = text[: text.index("</head>")]
        script = head.rfind(head_links.SCRIPT)
        if script < 0:
            problems.append(f"{where}: no script makes the links absolute")
        elif head.rfind("<link") > script:
            problems.append(f"{where}: a <link> comes after the script")
    assert not problems, "\n".join(problems)


palette = load_hook("palette")


def test_every_page_leaves_its_colour_toggle_to_our_script(built_site) -> None:
    """hooks/palette.py: Material's palette component, which restyles the whole page three times at
    every load, finds no form to mount on; docs/javascripts/palette.js runs the toggle instead."""
    problems = []
    for where, text in built_pages(built_site, with_404=True):
        if (
            palette.MATERIAL_MARK in text
            or f'<form class="md-header__option" {palette.OUR_MARK}>' not in text
        ):
            problems.append(f"{where}: the palette form is still Material's")
        if not re.search(r'<script[^>]*\ssrc="[^"]*javascripts/palette\.js"', text):
            problems.append(f"{where}: javascripts/palette.js is not loaded")
    assert not problems, "\n".join(problems)


def test_the_palette_hook_fails_on_a_page_without_materials_form() -> None:
    with pytest.raises(Exception, match='expected one data-md-component="palette"'):
        palette.hand_over("<html><body><form></form></body></html>", "some.md")


deferred_scripts = load_hook("deferred_scripts")


def test_every_script_file_waits_for_the_parsed_page_and_material_comes_first(built_site) -> None:
    """hooks/deferred_scripts.py: a script file without `defer` (or `async`) holds up the first paint
    behind Material's start-up; ours use Material's document$, so its bundle comes before them."""
    problems = []
    for where, text in built_pages(built_site, with_404=False):
        scripts = re.findall(r"(<script[^>]*\ssrc=\"([^\"]*)\"[^>]*>)", text)
        tags = [src for _, src in scripts]
        blocking = [tag for tag, _ in scripts if not re.search(r"\s(defer|async)\b", tag)]
        if blocking:
            problems.append(f"{where}: not deferred: {blocking}")
        bundle = [
            i
            for i, src in enumerate(tags)
            if re.search(r"assets/javascripts/bundle\.[0-9a-f]+\.min\.js$", src)
        ]
        ours = [
            i
            for i, src in enumerate(tags)
            if src.endswith(("page_top.js", "palette.js", "formula-scroll.js", "language-switch.js"))
        ]
        if len(bundle) != 1 or len(ours) != 4 or min(ours) < bundle[0]:
            problems.append(f"{where}: Material's bundle does not come before our scripts: {tags}")
    assert not problems, "\n".join(problems)


def test_the_deferring_hook_fails_on_an_inline_script_after_materials_bundle() -> None:
    page = '<body><script src="assets/javascripts/bundle.0123abcd.min.js"></script><script>document$</script></body>'
    with pytest.raises(Exception, match="an inline script after Material's bundle would run before it"):
        deferred_scripts.deferred(page, "some.md")
    assert (
        deferred_scripts.deferred(page.replace("<script>document$</script>", ""), "some.md").count(
            " defer src="
        )
        == 1
    )


tables = load_hook("tables")


def test_every_table_comes_wrapped_and_styled_by_materials_own_rules(built_site) -> None:
    """hooks/tables.py: each table sits in Material's two wrappers with the class Material's start-up
    skips, and tables.css (Material's table rules for that class) comes before extra.css."""
    problems, seen = [], 0
    for where, text in built_pages(built_site, with_404=True):  # redirects have no table
        for table in re.finditer(r"<table[^>]*>", text):
            seen += 1
            before = text[: table.start()]
            if table[0] != f'<table class="{tables.CLASS}">' or not before.endswith(
                '<div class="md-typeset__scrollwrap"><div class="md-typeset__table">'
            ):
                problems.append(f"{where}: {table[0]} not wrapped as Material would")
            if not text[table.start() :].split("</table>", 1)[1].startswith(tables.END + "</div></div>"):
                problems.append(f"{where}: {table[0]} does not end its wrapper with {tables.END}")
        if "<table" in text:
            links = re.findall(
                r'<link rel="stylesheet" href="[^"]*?((?:assets/)?stylesheets/[^"/]+\.css)"', text
            )
            if tables.STYLESHEET not in links or links.index(tables.STYLESHEET) > links.index(
                "stylesheets/extra.css"
            ):
                problems.append(f"{where}: {tables.STYLESHEET} missing or after extra.css: {links}")
    assert seen, "no table in the site: the check saw nothing"
    for edition in ("", "en/"):
        css = (built_site.dir / edition / tables.STYLESHEET).read_text(encoding="utf-8")
        if css.count("table.md-table") < 10 or "table:not([class])" in css or tables.UNTIL_PARSED not in css:
            problems.append(f"{edition}{tables.STYLESHEET}: not Material's table rules for .md-table:\n{css}")
    assert not problems, "\n".join(problems)


def test_the_table_rules_keep_their_media_queries() -> None:
    css = "a{x:1}@media print{.md-typeset table:not([class]){display:table}}.md-typeset table:not([class]) td{p:1}"
    assert tables.table_rules(css) == (
        "@media print{.md-typeset table.md-table{display:table}}\n.md-typeset table.md-table td{p:1}\n"
    )


def test_nothing_is_loaded_from_another_origin(built_site) -> None:
    """No CDN: scripts, styles, fonts and images all come from the site itself."""
    problems = []
    for html in sorted(built_site.dir.rglob("*.html")):
        page = parse(html)
        where = html.relative_to(built_site.dir)
        problems += [
            f"{where}: <{tag} {attr}={url}>" for tag, attr, url in page.references if EXTERNAL.match(url)
        ]
        problems += [
            f"{where}: <script> attribute names {url}"
            for value in page.script_attributes
            for url in URL_IN_TEXT.findall(value)
        ]
        problems += [
            f"{where}: inline script names {url}"
            for code in page.inline["script"]
            for url in URL_IN_TEXT.findall(code)
        ]
        problems += [
            f"{where}: inline style loads {url}"
            for css in page.inline["style"]
            for url in CSS_LOADS.findall(css)
        ]
        if 'class="mermaid"' in html.read_text(encoding="utf-8"):
            problems.append(f"{where}: a mermaid diagram makes Material load mermaid from unpkg.com")
    for css in built_site.dir.rglob("*.css"):
        problems += [
            f"{css.relative_to(built_site.dir)} loads {url}" for url in CSS_LOADS.findall(css.read_text())
        ]
    # Other scripts name no other origin at all. (Material's own, under assets/javascripts/, name
    # unpkg.com only for mermaid, excluded above, and for a polyfill old browsers need.)
    for script in built_site.dir.rglob("*.js"):
        if any(script.is_relative_to(built_site.dir / e.path / "assets/javascripts") for e in EDITIONS):
            continue
        problems += [
            f"{script.relative_to(built_site.dir)} names {url}"
            for url in URL_IN_TEXT.findall(script.read_text())
        ]
    assert not problems, "the site loads from other origins:\n" + "\n".join(problems)


def test_a_good_hangul_anchor_link_builds(good_site: GoodSite) -> None:
    """The control of the broken links below: the shared small build links to a Hangul anchor."""
    html = (good_site.project / "site" / "index.html").read_text(encoding="utf-8")
    assert 'href="black-box/#둘째-제목"' in html, "the good link is not in the built page"


def test_strict_build_fails_on_a_broken_link(tmp_path: Path) -> None:
    """Both kinds at once: each is reported, and the two warnings abort the strict build."""
    project = small_copy_of_the_project(tmp_path)
    append(project / "docs/index.md", "\n[없는 쪽](no-such-page.md)\n\n[없는 제목](black-box.md#없는-제목)\n")
    result = strict_build(project)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    for warning in (
        "contains a link 'no-such-page.md', but the target",
        "does not contain an anchor '#없는-제목'",
    ):
        assert warning in output, f"not reported: {warning!r}\n{output}"
    assert "Aborted with 2 warnings" in output, output
