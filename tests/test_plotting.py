"""The chapter's figures build without any warning, really use a Hangul font, and embed as valid SVG."""

from __future__ import annotations

import re
import warnings
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from whybackprop import make_problem, plotting
from whybackprop.blackbox import TRUE_THETA

ROOT = Path(__file__).resolve().parent.parent
SVG = "{http://www.w3.org/2000/svg}"

FIGURES: dict[str, Callable[[], object]] = {
    "parameter_effects": plotting.parameter_effects_figure,
    "learning_rate": lambda: plotting.learning_rate_figure(
        {"$\\eta\\lambda$ = 0.3": 0.7 ** np.arange(10), "$\\eta\\lambda$ = 2.1": (-1.1) ** np.arange(10)},
        {"$\\eta$ = 0.1": np.geomspace(1.0, 1e-3, 50)},
    ),
    "step_error": lambda: plotting.step_error_figure(
        np.logspace(-15, 0, 16), {"전진 차분": np.logspace(-1, -8, 16)}, machine_eps=np.finfo(float).eps
    ),
    "fit": lambda: plotting.fit_figure(make_problem(), TRUE_THETA),
}


@pytest.fixture(scope="module")
def figures_html() -> dict[str, str]:
    """Every figure drawn and rendered to HTML once, with every warning turned into an error."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # while building too (figure_html is strict while drawing)
        return {name: plotting.figure_html(make(), name, f"{name} 그림 설명") for name, make in FIGURES.items()}


@pytest.mark.parametrize("name", FIGURES)
def test_figure_is_valid_accessible_svg(figures_html: dict[str, str], name: str) -> None:
    figure = ET.fromstring(figures_html[name])
    assert figure.tag == "figure"
    svg = figure.find(f"{SVG}svg")
    assert svg is not None, "no inline <svg> in the <figure>"
    assert svg.get("role") == "img" and svg.get("aria-labelledby") == f"{name}-title"
    assert svg.find(f"{SVG}title").text == f"{name} 그림 설명"
    assert figure.find("figcaption").text == f"{name} 그림 설명"
    ids = [element.get("id") for element in svg.iter() if element.get("id")]
    assert all(i.startswith(f"{name}-") for i in ids), "ids not prefixed: two figures on a page would clash"
    references = re.findall(r'href="#([^"]+)"|url\(#([^)]+)\)', figures_html[name])
    assert references and all(ref in ids for pair in references for ref in pair if ref), "a reference to a missing id"


def test_hangul_font_is_really_used(figures_html: dict[str, str]) -> None:
    from matplotlib import font_manager

    font = plotting.korean_font()
    path = font_manager.findfont(font_manager.FontProperties(family=font), fallback_to_default=False)
    assert "nanum" in path.lower() or "cjk" in path.lower() or "gothic" in path.lower(), path
    # Text is drawn as glyph paths whose ids name their font; without it Hangul would be a missing-glyph error.
    for name, html in figures_html.items():
        assert f'id="{name}-{font.replace(" ", "")}-' in html, f"{name}: no glyph drawn from {font}"


def test_embed_runs_a_snippet_and_returns_only_its_figure() -> None:
    html = plotting.embed(ROOT / "snippets" / "fit_black_box.py")
    assert html.count("<figure") == 1 and "손실 평가 횟수" not in html  # the printed text stays out


def test_embed_fails_when_the_snippet_shows_no_figure(tmp_path: Path) -> None:
    script = tmp_path / "no_figure.py"
    script.write_text("print('숫자만')\n")
    with pytest.raises(RuntimeError, match="showed no figure"):
        plotting.embed(script)


def test_embed_turns_a_missing_glyph_into_an_error(tmp_path: Path) -> None:
    script = tmp_path / "bad_glyph.py"
    script.write_text(
        "from matplotlib.figure import Figure\nfrom whybackprop import plotting\n"
        "fig = Figure()\nfig.text(0.5, 0.5, '한글', family='DejaVu Sans')\n"
        "plotting.show(fig, 'bad', 'x')\n"
    )
    with pytest.raises(UserWarning, match="Glyph .* missing from font"):
        plotting.embed(script)


def test_figure_html_fails_on_math_text_missing_a_glyph() -> None:
    from matplotlib.figure import Figure

    fig = Figure()
    # The Hangul font has no U+2212 minus: math text logs that instead of warning.
    fig.text(0.5, 0.5, "$\\mathdefault{10^{-2}}$", family=plotting.korean_font())
    with pytest.raises(RuntimeError, match="does not have a glyph"):
        plotting.figure_html(fig, "bad", "설명")


def test_show_saves_a_png_outside_a_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    plotting.show(plotting.fit_figure(make_problem(), TRUE_THETA), "fit", "설명")
    assert (tmp_path / "fit.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert str(tmp_path / "fit.png") in capsys.readouterr().out


@pytest.mark.parametrize(("name", "alt", "message"), [("../x", "설명", "name must be"), ("ok", " ", "alt must")])
def test_show_refuses_bad_names_and_empty_alt(name: str, alt: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        plotting.show(plotting.parameter_effects_figure(), name, alt)
