"""hooks/figures.py: a marker becomes light and dark image files, drawn once a build, also when it is
indented inside a fold; a snippet that warns or breaks the contract, or a marker the hook cannot place,
fails the build, naming it. And the real site's figures."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from small_site import small_copy_of_the_project, strict_build

ROOT = Path(__file__).resolve().parent.parent
MARKER = re.compile(r"^[ \t]*<!--\s*figure\s+(\S+)\s*-->", re.MULTILINE)  # indented inside a block too
FIGURE = re.compile(r'<figure class="whybackprop-figure".*?</figure>', re.DOTALL)

GOOD_SNIPPET = """\
from whybackprop import make_problem, plotting
from whybackprop.blackbox import TRUE_THETA

with open("imports.log", "a") as log:  # how often the build ran this module
    log.write("imported\\n")
print("이 출력은 그림 옆에 나오지 않는다")

CAPTION = "짧은 설명 <작게>"
ALT = "긴 설명: 데이터와 곡선"


def figure(scheme="light", narrow=False):
    return plotting.fit_figure(make_problem(), TRUE_THETA, scheme=scheme, narrow=narrow)
"""


def build_with(
    tmp_path: Path, snippet: str, page: str = "black-box.md", text: str = "<!-- figure snippets/tiny.py -->"
) -> tuple[Path, str, int]:
    """Build the small site with `snippet` as snippets/tiny.py and `text` (a marker) ending `page`."""
    project = small_copy_of_the_project(tmp_path)
    (project / "snippets").mkdir()
    (project / "snippets" / "tiny.py").write_text(snippet, encoding="utf-8")
    with (project / "docs" / page).open("a", encoding="utf-8") as markdown:
        markdown.write(f"\n{text}\n")
    result = strict_build(project)
    return project, result.stdout + result.stderr, result.returncode


def test_a_marker_becomes_a_light_and_a_dark_lazy_image_drawn_once(tmp_path: Path) -> None:
    project, output, code = build_with(tmp_path, GOOD_SNIPPET)
    assert code == 0, output
    site = project / "site"
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


@pytest.mark.parametrize(
    ("snippet", "message"),
    [
        # A glyph missing from the font: matplotlib warns, the build fails.
        (
            GOOD_SNIPPET.replace(
                "plotting.fit_figure(make_problem(), TRUE_THETA, scheme=scheme, narrow=narrow)",
                "plotting.fit_figure(make_problem(), TRUE_THETA, scheme=scheme, narrow=narrow)"
                ".text(0.5, 0.5, '한글', family='DejaVu Sans').figure",
            ),
            "missing from font",
        ),
        (GOOD_SNIPPET.replace("CAPTION =", "TITLE ="), "defines figure(scheme, narrow), CAPTION and ALT"),
        (GOOD_SNIPPET + "\nraise ValueError('데이터가 없다')\n", "데이터가 없다"),
    ],
    ids=["missing-glyph", "no-caption", "snippet-fails"],
)
def test_a_bad_figure_snippet_fails_the_build_naming_it(tmp_path: Path, snippet: str, message: str) -> None:
    _, output, code = build_with(tmp_path, snippet)
    assert code != 0, output
    assert "figure snippets/tiny.py on black-box.md" in output and message in output, output


def test_a_marker_indented_inside_a_fold_is_drawn_inside_it(tmp_path: Path) -> None:
    fold = (
        '??? note "더 알아보기"\n\n    접힌 글\n\n    <!-- figure snippets/tiny.py -->\n\n    접힌 글의 끝\n'
    )
    project, output, code = build_with(tmp_path, GOOD_SNIPPET, text=fold)
    assert code == 0, output
    html = (project / "site" / "black-box" / "index.html").read_text(encoding="utf-8")
    folded = re.search(r'<details class="note">.*?</details>', html, re.DOTALL)
    assert folded, html
    assert len(FIGURE.findall(folded.group(0))) == 1, folded.group(0)
    assert "<p><figure" not in html and "WHYBACKPROPFIGURE" not in html, folded.group(0)
    assert (project / "site" / "figures" / "tiny-dark-narrow.svg").is_file()


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
