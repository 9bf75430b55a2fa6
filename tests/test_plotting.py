"""The chapter's figures draw without any warning in both schemes and layouts, really use a Hangul
font, keep their text at the package's font sizes, keep their legends clear of the data in both
languages, and save a PNG where the project ignores it. The English figures show only English
words, need no Hangul font, and every label exists in both languages.

The figures tested are the site's own: every snippet that defines `figure()` (the contract of
hooks/figures.py), imported as the build imports it. A new figure snippet is covered without
editing this file."""

from __future__ import annotations

import ast
import contextlib
import importlib.util
import io
import os
import subprocess
import warnings
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np
import pytest

from whybackprop import make_problem, plotting
from whybackprop.blackbox import TRUE_THETA
from whybackprop.plotting import style

from editions import EDITIONS, ENGLISH, HANGUL, KOREAN, Edition

ROOT = Path(__file__).resolve().parent.parent


def figure_snippets(folder: Path) -> list[Path]:
    """The snippets of `folder` that define a top-level `figure` function."""

    def defines_figure(path: Path) -> bool:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        return any(isinstance(node, ast.FunctionDef) and node.name == "figure" for node in tree.body)

    return [path for path in sorted(folder.glob("*.py")) if defines_figure(path)]


@cache
def snippet_module(path: Path) -> ModuleType:
    """The snippet imported once, as hooks/figures.py imports it (a module, not __main__, its printed
    output dropped), from the project root, where a snippet reads its files."""
    spec = importlib.util.spec_from_file_location(f"figure_snippet_{path.stem}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    here = Path.cwd()
    os.chdir(ROOT)
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            spec.loader.exec_module(module)
    finally:
        os.chdir(here)
    return module


def snippets_of(edition: Edition) -> Path:
    """An edition's snippets: snippets/ for Korean, snippets/en/ for English."""
    return ROOT / "snippets" / edition.path


KOREAN_FIGURES = figure_snippets(snippets_of(KOREAN))
ENGLISH_FIGURES = figure_snippets(snippets_of(ENGLISH))
VARIANTS = [
    (path, scheme, narrow)
    for path in KOREAN_FIGURES
    for scheme in ("light", "dark")
    for narrow in (False, True)
]


def variant_id(path: Path, scheme: str, narrow: bool) -> str:
    return f"{path.stem}-{scheme}{'-narrow' if narrow else ''}"


def drawn(fig: Any, lang: str = "ko") -> np.ndarray:
    """The figure as RGB pixels, drawn the way the site and save_png draw it."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = FigureCanvasAgg(fig)
    with plotting.rendering(lang):
        canvas.draw()
    return np.asarray(canvas.buffer_rgba())[..., :3]


def test_the_site_has_figure_snippets_in_both_editions() -> None:
    english = figure_snippets(ROOT / "snippets" / "en")
    assert len(KOREAN_FIGURES) >= 5, KOREAN_FIGURES
    assert [p.name for p in english] == [p.name for p in KOREAN_FIGURES], "each figure snippet has its twin"


@pytest.mark.parametrize(("path", "scheme", "narrow"), VARIANTS, ids=[variant_id(*v) for v in VARIANTS])
def test_figure_draws_without_warning_in_its_scheme_and_width(path: Path, scheme: str, narrow: bool) -> None:
    from matplotlib.text import Text

    module = snippet_module(path)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a missing glyph is a warning
        fig = module.figure(scheme=scheme, narrow=narrow)
        pixels = drawn(fig)
    assert fig.get_figwidth() == (plotting.NARROW if narrow else plotting.WIDE)
    texts = [t for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]
    assert min(t.get_fontsize() for t in texts) >= plotting.SMALL_FONT_SIZE
    # The commonest colour is the scheme's background: dark figures are really drawn dark.
    colours, counts = np.unique(pixels.reshape(-1, 3), axis=0, return_counts=True)
    background = "#{:02x}{:02x}{:02x}".format(*colours[counts.argmax()])
    assert background == plotting.palette(scheme).background


def legend_problems(fig: Any) -> list[str]:
    """Legends that leave the figure (clipped) or cover a data marker (a plotted point)."""
    from matplotlib.lines import Line2D

    renderer = fig.canvas.get_renderer()
    figure_box = fig.bbox
    problems = []
    for ax in fig.axes:
        legend = ax.get_legend()
        if legend is None:
            continue
        box = legend.get_window_extent(renderer)
        if not (
            figure_box.x0 <= box.x0
            and box.x1 <= figure_box.x1
            and figure_box.y0 <= box.y0
            and box.y1 <= figure_box.y1
        ):
            problems.append(
                f"the legend of {ax.get_title()!r} leaves the figure: {box.bounds} vs {figure_box.bounds}"
            )
        for line in ax.get_lines():
            if line.get_marker() in (None, "None", "", " ") or not isinstance(line, Line2D):
                continue
            points = ax.transData.transform(np.column_stack(line.get_data()).astype(float))
            covered = [tuple(p) for p in points if box.contains(*p)]
            if covered:
                problems.append(
                    f"the legend of {ax.get_title()!r} covers {len(covered)} point(s) of {line.get_label()!r}"
                )
    return problems


LAYOUTS = [  # the same in both schemes; English words are longer than Korean ones
    (edition.lang, path, narrow)
    for edition in EDITIONS
    for path in figure_snippets(snippets_of(edition))
    for narrow in (False, True)
]


@pytest.mark.parametrize(
    ("lang", "path", "narrow"), LAYOUTS, ids=[f"{lang}-{variant_id(p, 'light', n)}" for lang, p, n in LAYOUTS]
)
def test_no_legend_is_clipped_or_covers_a_data_point(lang: str, path: Path, narrow: bool) -> None:
    fig = snippet_module(path).figure(narrow=narrow)
    drawn(fig, lang)
    assert not legend_problems(fig)


def test_hangul_font_is_really_used() -> None:
    from matplotlib import font_manager

    font = plotting.korean_font()
    path = font_manager.findfont(font_manager.FontProperties(family=font), fallback_to_default=False)
    assert "nanum" in path.lower() or "cjk" in path.lower() or "gothic" in path.lower(), path
    buffer = io.StringIO()
    with plotting.rendering():
        plotting.fit_figure(make_problem(), TRUE_THETA, scheme="dark").savefig(buffer, format="svg")
    # Text is drawn as glyph paths whose ids name their font.
    assert f'id="{font.replace(" ", "")}-' in buffer.getvalue(), f"no glyph drawn from {font}"


def test_unknown_scheme_is_refused_by_name() -> None:
    with pytest.raises(ValueError, match="scheme must be one of 'light', 'dark', got 'sepia'"):
        plotting.parameter_effects_figure(scheme="sepia")


def test_the_loss_surface_is_sampled_once_for_all_four_variants() -> None:
    calls = 0

    def loss(u: np.ndarray) -> float:
        nonlocal calls
        calls += 1
        return float(u @ u)

    surface = plotting.loss_surface(loss, optimum=[0.0, 0.0], xlim=(-2.0, 2.0), ylim=(-2.0, 2.0), points=11)
    sampled = calls
    paths = {
        "$\\eta$ = 0.5": [[1.0, 1.0], [0.5, 0.5], [0.0, 0.0]],
        "$\\eta$ = 1.2": [[1.0, -1.0], [3.0, -3.0]],
    }
    for scheme in ("light", "dark"):
        for narrow in (False, True):
            plotting.contour_figure(surface, paths, names=("a", "d"), scheme=scheme, narrow=narrow)
    assert sampled == 11 * 11 + 1 and calls == sampled, "drawing a variant evaluated the loss again"


def test_save_png_writes_under_figures(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    path = plotting.save_png(plotting.fit_figure(make_problem(), TRUE_THETA), "fit")
    assert path == tmp_path / "figures" / "fit.png"
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert str(path) in capsys.readouterr().out


def test_save_png_refuses_a_path_as_name() -> None:
    with pytest.raises(ValueError, match="name must be a plain file name"):
        plotting.save_png(plotting.fit_figure(make_problem(), TRUE_THETA), "../x")


def test_a_figure_snippet_run_from_the_root_leaves_nothing_untracked() -> None:
    ignored = subprocess.run(
        ["git", "check-ignore", "--no-index", "figures/step_error.png"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert ignored.returncode == 0, "figures/*.png (saved by plotting.save_png) is not ignored by git"


# ---- English figures: every visible word English, no Hangul font needed ----------------------------


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
