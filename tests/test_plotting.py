"""The chapter's figures draw without any warning in both schemes and layouts, really use a Hangul
font, keep their text at the package's font sizes, and save a PNG where the project ignores it.

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


KOREAN_FIGURES = figure_snippets(ROOT / "snippets")
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
