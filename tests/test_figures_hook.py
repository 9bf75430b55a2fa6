"""hooks/figures.py: a marker becomes light and dark image files, drawn once a build, also when it is
indented inside a fold; a snippet that warns or breaks the contract, belongs to the other edition, or
a marker the hook cannot place, fails the build, naming it. The hook's judgments are tested by calling
it; one small build proves that its error fails the build. And the real site's figures."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from mkdocs.exceptions import PluginError

from hook_module import load_hook
from small_site import (
    ENGLISH_FIGURE,
    KOREAN_FIGURE,
    GoodSite,
    add_figure,
    small_copy_of_the_project,
    strict_build,
)

ROOT = Path(__file__).resolve().parent.parent
MARKER = re.compile(r"^[ \t]*<!--\s*figure\s+(\S+)\s*-->", re.MULTILINE)  # indented inside a block too
FIGURE = re.compile(r'<figure class="whybackprop-figure".*?</figure>', re.DOTALL)


def test_a_marker_becomes_a_light_and_a_dark_lazy_image_drawn_once(good_site: GoodSite) -> None:
    project, site = good_site.project, good_site.project / "site"
    assert (project / "imports.log").read_text().count("imported") == 1, "the snippet ran more than once"
    for name in ("tiny-light", "tiny-dark", "tiny-light-narrow", "tiny-dark-narrow"):
        assert (site / "figures" / f"{name}.svg").read_bytes().startswith(b"<?xml"), name
    html = (site / "black-box" / "index.html").read_text(encoding="utf-8")
    figures = FIGURE.findall(html)
    assert len(figures) == 1, html
    figure = figures[0]
    assert "이 출력은" not in html, "the snippet's printed output leaked into the page"
    for scheme in ("light", "dark"):
        img = re.search(rf'<img src="../figures/tiny-{scheme}.svg#only-{scheme}"[^>]*>', figure)
        assert img, figure
        for attribute in (
            'loading="lazy"',
            'decoding="async"',
            'alt="긴 설명: 데이터와 곡선"',
            'width="',
            'height="',
            "data-font-pt=",
        ):
            assert attribute in img.group(0), f"{attribute} missing: {img.group(0)}"
        assert f'srcset="../figures/tiny-{scheme}-narrow.svg"' in figure
    assert "<figcaption>짧은 설명 &lt;작게&gt;</figcaption>" in figure


def fake_page(src_uri: str) -> Any:
    """What on_page_markdown reads of a Page: its source path and URL."""
    return SimpleNamespace(file=SimpleNamespace(src_uri=src_uri), url=src_uri.removesuffix(".md") + "/")


def fake_config(project: Path, lang: str) -> Any:
    """What on_page_markdown reads of the configuration: where it is (marker paths are relative to
    it) and the edition's language."""
    return SimpleNamespace(config_file_path=str(project / "mkdocs.yml"), theme={"language": lang})


def place_figure(tmp_path: Path, snippet: str, source: str, lang: str = "ko") -> list[str]:
    """Run the hook on a page holding one marker of `snippet`: the HTML of the figures it placed."""
    (tmp_path / snippet).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / snippet).write_text(source, encoding="utf-8")
    figures = load_hook("figures")  # a fresh module: nothing drawn yet
    page = fake_page("black-box.md")
    markdown = figures.on_page_markdown(
        f"# 제목\n\n<!-- figure {snippet} -->\n", page, fake_config(tmp_path, lang), None
    )
    html = "".join(f"<p>{line.strip()}</p>" for line in markdown.splitlines() if line.strip())
    placed: str = figures.on_page_content(html, page, fake_config(tmp_path, lang), None)
    return FIGURE.findall(placed)


def test_the_hook_called_directly_draws_the_figure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The control of the direct calls below: the good snippet becomes one <figure>."""
    monkeypatch.chdir(tmp_path)  # the snippet writes imports.log into the working directory
    placed = place_figure(tmp_path, "snippets/tiny.py", KOREAN_FIGURE)
    assert len(placed) == 1 and 'alt="긴 설명: 데이터와 곡선"' in placed[0], placed


BAD_SNIPPETS = {
    # A glyph missing from the font: matplotlib warns, the build fails.
    "missing-glyph": (
        KOREAN_FIGURE.replace(
            "plotting.fit_figure(make_problem(), TRUE_THETA, scheme=scheme, narrow=narrow)",
            "plotting.fit_figure(make_problem(), TRUE_THETA, scheme=scheme, narrow=narrow)"
            ".text(0.5, 0.5, '한글', family='DejaVu Sans').figure",
        ),
        "missing from font",
    ),
    "no-caption": (
        KOREAN_FIGURE.replace("CAPTION =", "TITLE ="),
        "defines figure(scheme, narrow), CAPTION and ALT",
    ),
    "snippet-fails": (KOREAN_FIGURE + "\nraise ValueError('데이터가 없다')\n", "데이터가 없다"),
}


@pytest.mark.parametrize("case", BAD_SNIPPETS)
def test_a_bad_figure_snippet_is_rejected_naming_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str
) -> None:
    snippet, message = BAD_SNIPPETS[case]
    assert snippet != KOREAN_FIGURE, "the case changes nothing"
    monkeypatch.chdir(tmp_path)
    with pytest.raises(PluginError) as error:
        place_figure(tmp_path, "snippets/tiny.py", snippet)
    assert "figure snippets/tiny.py on black-box.md" in str(error.value) and message in str(error.value), (
        error.value
    )


def test_a_bad_figure_snippet_fails_the_build_naming_it(tmp_path: Path) -> None:
    """The wiring: the hook's error fails the strict build and reaches its output."""
    project = small_copy_of_the_project(tmp_path)
    snippet, message = BAD_SNIPPETS["snippet-fails"]
    add_figure(project, "snippets/tiny.py", snippet, "docs/black-box.md")
    result = strict_build(project)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "figure snippets/tiny.py on black-box.md" in output and message in output, output


@pytest.mark.parametrize(
    ("lang", "snippet"),
    [("en", "snippets/tiny.py"), ("ko", "snippets/en/tiny.py")],
    ids=["english-page-korean-figure", "korean-page-english-figure"],
)
def test_a_page_draws_its_figures_from_its_own_editions_snippets(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, snippet: str
) -> None:
    """The control, an English page drawing snippets/en/, is in the shared good build
    (tests/test_editions.py); the hook rejects the other edition's snippet before running it."""
    monkeypatch.chdir(tmp_path)
    with pytest.raises(PluginError, match="draws its figures from"):
        place_figure(tmp_path, snippet, ENGLISH_FIGURE if "/en/" in snippet else KOREAN_FIGURE, lang)


def test_a_marker_indented_inside_a_fold_is_drawn_inside_it(good_site: GoodSite) -> None:
    """The shared good build places the Korean figure inside a fold on learning.md too."""
    html = (good_site.project / "site" / "learning" / "index.html").read_text(encoding="utf-8")
    folded = re.search(r'<details class="note">.*?</details>', html, re.DOTALL)
    assert folded, html
    assert len(FIGURE.findall(folded.group(0))) == 1, folded.group(0)
    assert "<p><figure" not in html and "WHYBACKPROPFIGURE" not in html, folded.group(0)


@pytest.mark.parametrize(
    ("markdown", "message"),
    [
        ("그림: <!-- figure snippets/tiny.py -->", "is not a figure marker the build can place"),
        ("<!-- figure snippets/tiny.py --> 그림", "is not a figure marker the build can place"),
        ("```text\n<!-- figure snippets/tiny.py -->\n```", "did not come out as a paragraph of their own"),
    ],
    ids=["text-before", "text-after", "in-a-code-block"],
)
def test_a_marker_the_hook_cannot_place_fails_the_build(markdown: str, message: str) -> None:
    """Hook-level: the page's Markdown through the hook, the site's Markdown settings and the hook again."""
    import markdown as python_markdown

    from hook_module import load_hook
    from page_blocks import _site_markdown_settings

    hook = load_hook("figures")
    hook._draw = lambda snippet, lang: hook.Figure("tiny", "caption", "alt", {})  # no drawing needed
    hook._html = lambda figure, url: '<figure class="whybackprop-figure"></figure>'
    page = SimpleNamespace(file=SimpleNamespace(src_uri="black-box.md"), url="black-box/")
    config = SimpleNamespace(config_file_path=str(ROOT / "mkdocs.yml"), theme={"language": "ko"})
    extensions, settings = _site_markdown_settings()
    with pytest.raises(PluginError, match=message):
        text = hook.on_page_markdown(f"# 제목\n\n{markdown}\n", page, config, None)
        html = python_markdown.Markdown(extensions=extensions, extension_configs=settings).convert(text)
        hook.on_page_content(html, page, config, None)


def test_the_site_shows_every_marked_figure_as_files_and_no_big_inline_svg(built_site) -> None:
    marked = {
        m for page in (ROOT / "docs").glob("*.md") for m in MARKER.findall(page.read_text(encoding="utf-8"))
    }
    assert len(marked) >= 5, marked
    shown = set()
    for page in built_site.dir.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        big = [len(svg) for svg in re.findall(r"<svg.*?</svg>", html, re.DOTALL) if len(svg.encode()) > 5000]
        assert not big, f"{page.relative_to(built_site.dir)}: inline <svg> over 5 KB ({big} bytes)"
        for figure in FIGURE.findall(html):
            sources = re.findall(r'(?:src|srcset)="([^"#]+)', figure)
            assert len(sources) == 4, figure
            for source in sources:
                assert (page.parent / source).resolve().is_file(), f"{page}: {source} was not written"
            shown.add(re.search(r'id="figure-([^"]+)"', figure).group(1))
    assert shown == {Path(m).stem for m in marked}
