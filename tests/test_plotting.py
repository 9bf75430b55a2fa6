"""The chapter's figures draw without any warning in both schemes and layouts, really use a Hangul
font, keep their text at the module's font sizes, and save a PNG where the project ignores it."""

from __future__ import annotations

import subprocess
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from whybackprop import make_problem, plotting
from whybackprop.blackbox import TRUE_THETA

ROOT = Path(__file__).resolve().parent.parent

FIGURES: dict[str, Callable[..., Any]] = {
    "parameter_effects": plotting.parameter_effects_figure,
    "learning_rate": lambda **kw: plotting.learning_rate_figure(
        {"$\\eta\\lambda$ = 0.3": 0.7 ** np.arange(10), "$\\eta\\lambda$ = 2.1": (-1.1) ** np.arange(10)},
        {"$\\eta$ = 0.1": np.geomspace(1.0, 1e-3, 50)},
        **kw,
    ),
    "step_error": lambda **kw: plotting.step_error_figure(
        np.logspace(-15, 0, 16), {"전진 차분": np.logspace(-1, -8, 16)}, machine_eps=np.finfo(float).eps, **kw
    ),
    "fit": lambda **kw: plotting.fit_figure(make_problem(), TRUE_THETA, **kw),
    "secant": lambda **kw: plotting.secant_figure(np.sin, np.cos(1.0), 1.0, 0.8, **kw),
    "contour": lambda **kw: plotting.contour_figure(
        lambda u: float(u @ u),
        {
            "$\\eta$ = 0.5": [[1.0, 1.0], [0.5, 0.5], [0.0, 0.0]],
            "$\\eta$ = 1.2": [[1.0, -1.0], [-1.4, 1.4], [3.0, -3.0]],
        },
        optimum=[0.0, 0.0],
        names=("a", "d"),
        xlim=(-2.0, 2.0),
        ylim=(-2.0, 2.0),
        **kw,
    ),
}
VARIANTS = [
    (name, scheme, narrow) for name in FIGURES for scheme in ("light", "dark") for narrow in (False, True)
]


def drawn(fig: Any) -> np.ndarray:
    """The figure as RGB pixels, drawn the way the site and save_png draw it."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = FigureCanvasAgg(fig)
    with plotting.rendering():
        canvas.draw()
    return np.asarray(canvas.buffer_rgba())[..., :3]


@pytest.mark.parametrize(("name", "scheme", "narrow"), VARIANTS)
def test_figure_draws_without_warning_in_its_scheme_and_width(name: str, scheme: str, narrow: bool) -> None:
    from matplotlib.text import Text

    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a missing glyph is a warning
        fig = FIGURES[name](scheme=scheme, narrow=narrow)
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
    import io

    buffer = io.StringIO()
    with plotting.rendering():
        FIGURES["fit"](scheme="dark").savefig(buffer, format="svg")
    # Text is drawn as glyph paths whose ids name their font.
    assert f'id="{font.replace(" ", "")}-' in buffer.getvalue(), f"no glyph drawn from {font}"


def test_unknown_scheme_is_refused_by_name() -> None:
    with pytest.raises(ValueError, match="scheme must be one of 'light', 'dark', got 'sepia'"):
        plotting.parameter_effects_figure(scheme="sepia")


def test_save_png_writes_under_figures(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    path = plotting.save_png(FIGURES["fit"](), "fit")
    assert path == tmp_path / "figures" / "fit.png"
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert str(path) in capsys.readouterr().out


def test_save_png_refuses_a_path_as_name() -> None:
    with pytest.raises(ValueError, match="name must be a plain file name"):
        plotting.save_png(FIGURES["fit"](), "../x")


def test_a_figure_snippet_run_from_the_root_leaves_nothing_untracked() -> None:
    ignored = subprocess.run(
        ["git", "check-ignore", "--no-index", "figures/step_error.png"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert ignored.returncode == 0, "figures/*.png (saved by plotting.save_png) is not ignored by git"
