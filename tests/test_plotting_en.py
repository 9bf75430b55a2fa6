"""English figures: every visible word is English, every label has both languages, and no Hangul font
is needed. The figures are the English edition's own (every snippets/en/ snippet defining figure())."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import pytest
from test_plotting import ROOT, drawn, figure_snippets, legend_problems, snippet_module

from whybackprop import make_problem, plotting
from whybackprop.blackbox import TRUE_THETA
from whybackprop.plotting import style

from editions import HANGUL

ENGLISH_FIGURES = figure_snippets(ROOT / "snippets" / "en")


def texts(fig: Any) -> list[str]:
    from matplotlib.text import Text

    return [t.get_text() for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]


def test_every_label_exists_in_both_languages() -> None:
    assert set(plotting.LABELS) == {"ko", "en"}
    assert plotting.LABELS["ko"].keys() == plotting.LABELS["en"].keys()
    assert not [word for word in plotting.LABELS["en"].values() if HANGUL.search(word)]


@pytest.mark.parametrize("path", ENGLISH_FIGURES, ids=[p.stem for p in ENGLISH_FIGURES])
@pytest.mark.parametrize("narrow", [False, True])
def test_english_figure_has_no_hangul_and_needs_no_hangul_font(
    path: Path, narrow: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_hangul_font() -> str:
        raise RuntimeError("no Hangul font found")

    module = snippet_module(path)
    monkeypatch.setattr(style, "korean_font", no_hangul_font)  # what rendering() would call
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a missing glyph is a warning
        fig = module.figure(narrow=narrow)
        words = texts(fig)
        assert not [t for t in words if HANGUL.search(t)], words
        drawn(fig, "en")


@pytest.mark.parametrize("path", ENGLISH_FIGURES, ids=[p.stem for p in ENGLISH_FIGURES])
@pytest.mark.parametrize("narrow", [False, True])
def test_no_english_legend_is_clipped_or_covers_a_data_point(path: Path, narrow: bool) -> None:
    fig = snippet_module(path).figure(narrow=narrow)  # English words are longer than Korean ones
    drawn(fig, "en")
    assert not legend_problems(fig)


def test_korean_is_still_the_default() -> None:
    words = texts(plotting.fit_figure(make_problem(), TRUE_THETA))
    assert any(HANGUL.search(t) for t in words)


def test_unknown_language_is_refused_by_name() -> None:
    with pytest.raises(ValueError, match="lang must be one of 'ko', 'en', got 'fr'"):
        plotting.fit_figure(make_problem(), TRUE_THETA, lang="fr")


def test_save_png_reports_in_the_figures_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    path = plotting.save_png(plotting.fit_figure(make_problem(), TRUE_THETA, lang="en"), "fit", lang="en")
    assert capsys.readouterr().out == f"Saved the figure: {path}\n"
