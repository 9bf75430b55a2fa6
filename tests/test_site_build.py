"""The strict build: every page is there, nothing is loaded from elsewhere, bad links are fatal."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.config import load_config

from site_html import html_of_page, parse

ROOT = Path(__file__).resolve().parent.parent

EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)  # http://, https://, //host
URL_IN_TEXT = re.compile(r"https?://(?!www\.w3\.org/)[^\s\"'`)<>]+")  # XML namespaces are names, not loads
CSS_LOADS = re.compile(r"(?:url\(\s*['\"]?|@import\s+['\"])((?:https?:)?//[^'\")\s]+)", re.IGNORECASE)
KATEX_FILES = ("assets/katex/katex.min.js", "assets/katex/katex.min.css", "javascripts/katex.js")


def nav_pages() -> list[tuple[str, str]]:
    """(title, src_uri) of every page in mkdocs.yml's nav, in order."""
    found = []

    def walk(items: list) -> None:
        for item in items:
            if isinstance(item, str):
                found.append((item, item))
            else:
                for title, value in item.items():
                    walk(value) if isinstance(value, list) else found.append((title, value))

    walk(load_config(str(ROOT / "mkdocs.yml"))["nav"])
    return found


def test_strict_build_passes(built_site) -> None:
    assert (built_site.dir / "index.html").is_file()
    assert (built_site.dir / "sitemap.xml").is_file()
    print(f"\nstrict build of the whole site: {built_site.build_seconds:.1f} s")


@pytest.mark.parametrize(("title", "src_uri"), nav_pages())
def test_every_nav_page_is_built(built_site, title: str, src_uri: str) -> None:
    assert (ROOT / "docs" / src_uri).is_file(), f"nav entry {title!r}: docs/{src_uri} does not exist"
    html = html_of_page(built_site.dir, src_uri)
    assert html.is_file(), f"nav entry {title!r}: {src_uri} was not built"
    assert title in (built_site.dir / "index.html").read_text(encoding="utf-8"), f"{title!r} is not in the navigation"


def test_headings_keep_their_hangul_anchors(built_site) -> None:
    ids = [i for html in built_site.dir.rglob("*.html") for i in parse(html).heading_ids]
    assert any(re.search("[가-힣]", i) for i in ids), "no heading anchor keeps its Hangul"
    assert not [i for i in ids if re.fullmatch(r"_\d+", i)], "Hangul was dropped from a heading anchor"


def test_notebook_page_is_built_with_its_download(built_site) -> None:
    notebooks = sorted((ROOT / "docs").rglob("*.ipynb"))
    assert notebooks
    for notebook in notebooks:
        src_uri = notebook.relative_to(ROOT / "docs").as_posix()
        page = html_of_page(built_site.dir, src_uri)
        text = page.read_text(encoding="utf-8")
        assert "jupyter-wrapper" in text, f"{src_uri} was not rendered as a notebook"
        assert f'href="{notebook.name}" download' in text, f"{src_uri}: no download link"
        copy = page.parent / notebook.name
        assert copy.is_file() and json.loads(copy.read_bytes()) == json.loads(notebook.read_bytes())


def test_every_page_renders_math_with_the_site_katex(built_site) -> None:
    for name in KATEX_FILES:
        assert (built_site.dir / name).is_file(), f"{name} is not in the build"
    assert list((built_site.dir / "assets/katex/fonts").glob("*.woff2")), "KaTeX fonts are not in the build"
    for html in built_site.dir.rglob("*.html"):
        loaded = {url.split("?")[0] for _, _, url in parse(html).references}
        for name in KATEX_FILES:
            assert any(url.endswith(name) for url in loaded), f"{html.relative_to(built_site.dir)} does not load {name}"


def test_nothing_is_loaded_from_another_origin(built_site) -> None:
    """No CDN: scripts, styles, fonts and images all come from the site itself."""
    problems = []
    for html in sorted(built_site.dir.rglob("*.html")):
        page = parse(html)
        where = html.relative_to(built_site.dir)
        problems += [f"{where}: <{tag} {attr}={url}>" for tag, attr, url in page.references if EXTERNAL.match(url)]
        problems += [f"{where}: <script> attribute names {url}" for value in page.script_attributes
                     for url in URL_IN_TEXT.findall(value)]
        problems += [f"{where}: inline script names {url}" for code in page.inline["script"]
                     for url in URL_IN_TEXT.findall(code)]
        problems += [f"{where}: inline style loads {url}" for css in page.inline["style"]
                     for url in CSS_LOADS.findall(css)]
        if 'class="mermaid"' in html.read_text(encoding="utf-8"):
            problems.append(f"{where}: a mermaid diagram makes Material load mermaid from unpkg.com")
    for css in built_site.dir.rglob("*.css"):
        problems += [f"{css.relative_to(built_site.dir)} loads {url}" for url in CSS_LOADS.findall(css.read_text())]
    # Other scripts name no other origin at all. (Material's own, under assets/javascripts/, name
    # unpkg.com only for mermaid, excluded above, and for a polyfill old browsers need.)
    for script in built_site.dir.rglob("*.js"):
        if script.is_relative_to(built_site.dir / "assets/javascripts"):
            continue
        problems += [f"{script.relative_to(built_site.dir)} names {url}" for url in URL_IN_TEXT.findall(script.read_text())]
    assert not problems, "the site loads from other origins:\n" + "\n".join(problems)


def small_copy_of_the_project(tmp_path: Path) -> Path:
    """The project's real configuration and hooks around tiny pages: builds in seconds."""
    project = tmp_path / "project"
    docs = project / "docs"
    shutil.copytree(ROOT / "hooks", project / "hooks", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", project)
    for folder in ("javascripts", "stylesheets"):
        shutil.copytree(ROOT / "docs" / folder, docs / folder)
    (project / "node_modules").mkdir()
    (project / "node_modules/katex").symlink_to(ROOT / "node_modules/katex")
    for title, src_uri in nav_pages():
        if src_uri.endswith(".ipynb"):
            cell = {"cell_type": "markdown", "metadata": {}, "source": [f"# {title}"]}
            notebook = {"cells": [cell], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
            (docs / src_uri).write_text(json.dumps(notebook), encoding="utf-8")
        else:
            (docs / src_uri).write_text(f"# {title}\n\n## 둘째 제목\n", encoding="utf-8")
    return project


def strict_build(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(project / "site")],
        cwd=project, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, capture_output=True, text=True,
    )


@pytest.mark.parametrize(
    ("link", "warning"),
    [
        ("[둘째](black-box.md#둘째-제목)", None),  # the control: a good Hangul anchor builds
        ("[없는 쪽](no-such-page.md)", "contains a link 'no-such-page.md', but the target"),
        ("[없는 제목](black-box.md#없는-제목)", "does not contain an anchor '#없는-제목'"),
    ],
    ids=["good-link", "missing-page", "missing-anchor"],
)
def test_strict_build_fails_on_a_broken_link(tmp_path: Path, link: str, warning: str | None) -> None:
    project = small_copy_of_the_project(tmp_path)
    with (project / "docs/index.md").open("a", encoding="utf-8") as page:
        page.write(f"\n{link}\n")
    result = strict_build(project)
    output = result.stdout + result.stderr
    if warning is None:
        assert result.returncode == 0, output
    else:
        assert result.returncode != 0 and warning in output and "Aborted with 1 warnings" in output, output
