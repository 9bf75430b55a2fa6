"""The chapter's figures: one function per figure, each returning a matplotlib Figure.

This module only draws. Every figure function takes two keywords:

- ``scheme="light"`` or ``"dark"``: the colours, drawn by matplotlib (a dark background with
  light text and lines for the dark scheme, not a filter over the light figure);
- ``narrow=False`` or ``True``: the layout, wide for a desktop column (``WIDE`` inches) or narrow
  for a phone (``NARROW`` inches, panels stacked), both with the same font sizes (``FONT_SIZE``,
  the smallest ``SMALL_FONT_SIZE``), so text stays readable once the browser scales the figure.

``save_png(fig, name)`` saves a figure as ``figures/NAME.png`` under the current folder (the
project ignores ``figures/``); a snippet calls it under ``if __name__ == "__main__":``. How a
figure reaches a page is the site build's business (``hooks/figures.py``); in a notebook, end a
cell with the Figure (after ``%matplotlib inline``) and Jupyter shows it.

Every figure function also takes ``lang="ko"`` (the default) or ``"en"``: the language of its
visible words, all of which sit in ``LABELS``, one table per language. Korean labels need a Hangul
font: the first installed of ``KOREAN_FONTS`` is used (Debian: ``apt install fonts-nanum``); English
figures are drawn with DejaVu Sans (matplotlib's own font) and need no other font. matplotlib is imported only when a figure is drawn:
``from whybackprop import plotting`` works without it.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
from numpy.typing import ArrayLike

from whybackprop.blackbox import PARAMETER_NAMES, START_THETA, TRUE_THETA, BlackBoxProblem, predict

if TYPE_CHECKING:
    from matplotlib.figure import Figure

Scheme = Literal["light", "dark"]

# Hangul fonts by platform: Debian/Ubuntu (fonts-nanum), Linux/Android (Noto), macOS, Windows.
KOREAN_FONTS: tuple[str, ...] = (
    "NanumGothic",
    "Noto Sans CJK KR",
    "Apple SD Gothic Neo",
    "AppleGothic",
    "Malgun Gothic",
)
MARKERS = ("o", "s", "^", "D")
# Widths in inches (96 CSS px each at natural size): WIDE fits the desktop text column without
# shrinking, NARROW a 375 px phone. With SMALL_FONT_SIZE pt = 12 CSS px at natural size, text
# stays at least 11 px on desktop and 9 px on a phone.
WIDE = 6.8
NARROW = 3.5
FONT_SIZE = 10.0
SMALL_FONT_SIZE = 9.0
DPI = 100  # PNG pixels per inch (notebook and save_png)


@dataclass(frozen=True)
class Palette:
    """The colours of one scheme: lines are told apart by shape too (MARKERS, line styles)."""

    background: str
    text: str
    frame: str
    grid: str
    muted: str  # data points
    lines: tuple[str, str, str, str]


PALETTES: dict[str, Palette] = {
    # Dark enough on white (at least 4.5:1).
    "light": Palette(
        "#ffffff", "#111111", "#333333", "#dddddd", "#555555", ("#1f4e9c", "#c2410c", "#15803d", "#7e22ce")
    ),
    # Material's slate background, hsl(225, 15%, 14%); light enough on it (at least 4.5:1).
    "dark": Palette(
        "#1e2129", "#e8e8ec", "#b4b8c4", "#3a3f4c", "#a8acb8", ("#8ab4ff", "#fb923c", "#4ade80", "#d8a4ff")
    ),
}


# Every visible word of the figures, per language (a figure function picks its table by `lang`).
LABELS: dict[str, dict[str, str]] = {
    "ko": {
        "role_a": "세로 크기",
        "role_b": "기울어짐",
        "role_c": "가로 이동",
        "role_d": "세로 이동",
        "input_x": "입력 $x$",
        "output_y": "출력 $y$",
        "one_at_a_time": "매개 변수 하나씩 바꾸기",
        "quadratic": "이차 함수",
        "parameter_theta": "매개 변수 $\\theta_n$",
        "black_box": "블랙박스 모델",
        "loss_theta": "손실 $L(\\theta_n)$",
        "step_n": "스텝 $n$",
        "step_eps": "간격 $\\varepsilon$",
        "relative_error": "상대 오차",
        "error_title": "수치적 기울기의 오차:",
        "error_title_2": "너무 커도, 너무 작아도 나쁘다",
        "data": "데이터",
        "before": "학습 전 (시작 값)",
        "after": "학습 후",
        "true_curve": "데이터를 만든 참값",
        "fit_title": "수치적 기울기로 학습한 블랙박스 모델",
        "numerical": "수치적 기울기 (전진 차분)",
        "backprop": "역전파",
        "growth": "증가 차수",
        "estimated": "추정값",
        "lecture_estimate": "강의의 어림 N(N+1)",
        "one_sample": "(샘플 1개 기준)",
        "seconds_axis": "기울기 한 번의 시간 (초)",
        "multiplications_axis": "기울기 한 번의 곱셈 수",
        "measured_title": "잰 시간",
        "counted_title": "세어 본 곱셈 수 (샘플 {batch}개)",
        "n_params_axis": "매개 변수 개수 N",
        "saved": "그림을 저장했습니다: {path}",
        "tangent": "접선: 참 기울기 $f'(x)$",
        "forward_secant": "전진 차분의 할선",
        "central_secant": "중앙 차분의 할선",
        "secant_title": "할선의 기울기로 접선의 기울기를 근사한다",
        "lowest_loss": "손실이 가장 작은 점",
        "contour_title": "손실의 등고선과 경사 하강법의 경로",
        "sweep_title": "샘플 하나의 계산 그래프",
        "sweep_key": "상자마다 위는 순전파의 값,\n아래(주황)는 역전파 한 번이 구한 $\\partial\\ell/\\partial$(노드)",
    },
    "en": {
        "role_a": "vertical scale",
        "role_b": "steepness",
        "role_c": "horizontal shift",
        "role_d": "vertical shift",
        "input_x": "input $x$",
        "output_y": "output $y$",
        "one_at_a_time": "one parameter at a time",
        "quadratic": "quadratic",
        "parameter_theta": "parameter $\\theta_n$",
        "black_box": "black-box model",
        "loss_theta": "loss $L(\\theta_n)$",
        "step_n": "step $n$",
        "step_eps": "step size $\\varepsilon$",
        "relative_error": "relative error",
        "error_title": "Error of the numerical gradient:",
        "error_title_2": "bad when too large and when too small",
        "data": "data",
        "before": "before training (start)",
        "after": "after training",
        "true_curve": "true values behind the data",
        "fit_title": "Black-box model trained with numerical gradients",
        "numerical": "numerical (forward difference)",
        "backprop": "backprop",
        "growth": "order",
        "estimated": "estimated",
        "lecture_estimate": "lecture's N(N+1)",
        "one_sample": "(1 sample)",
        "seconds_axis": "time per gradient (s)",
        "multiplications_axis": "multiplications per gradient",
        "measured_title": "Measured time",
        "counted_title": "Counted multiplications ({batch} samples)",
        "n_params_axis": "number of parameters N",
        "saved": "Saved the figure: {path}",
        "tangent": "tangent: true slope $f'(x)$",
        "forward_secant": "forward-difference secant",
        "central_secant": "central-difference secant",
        "secant_title": "A secant's slope approximates the tangent's slope",
        "lowest_loss": "lowest loss",
        "contour_title": "Loss contours and gradient-descent paths",
        "sweep_title": "Computational graph of one sample",
        "sweep_key": "each box: forward value (top)\nand $\\partial\\ell/\\partial$(node) from one backward sweep\n(bottom, orange)",
    },
}


def labels(lang: str) -> dict[str, str]:
    """The visible words of the figures in `lang` ("ko" or "en"); a clear error for anything else."""
    if lang not in LABELS:
        raise ValueError(f"lang must be one of {', '.join(map(repr, LABELS))}, got {lang!r}")
    return LABELS[lang]


def palette(scheme: str) -> Palette:
    """The colours of `scheme` ("light" or "dark"); a clear error for anything else."""
    if scheme not in PALETTES:
        raise ValueError(f"scheme must be one of {', '.join(map(repr, PALETTES))}, got {scheme!r}")
    return PALETTES[scheme]


def korean_font() -> str:
    """The first installed font of KOREAN_FONTS; a clear error if there is none."""
    from matplotlib import font_manager

    installed = {font.name for font in font_manager.fontManager.ttflist}
    for name in KOREAN_FONTS:
        if name in installed:
            return name
    raise RuntimeError(
        f"no Hangul font found (looked for {', '.join(KOREAN_FONTS)}); the figures' Korean labels "
        "need one: on Debian/Ubuntu run `apt install fonts-nanum`"
    )


@contextlib.contextmanager
def rendering(lang: str = "ko") -> Iterator[None]:
    """The settings matplotlib reads when it draws text (fonts, minus sign), the same for every scheme:
    wrap savefig in it, as save_png does (tick labels are made when the figure is drawn). English
    figures use DejaVu Sans only, so they need no Hangul font."""
    import matplotlib

    labels(lang)  # a clear error for an unknown language
    with matplotlib.rc_context(
        {
            "font.family": [korean_font(), "DejaVu Sans"] if lang == "ko" else ["DejaVu Sans"],
            "font.size": FONT_SIZE,
            "axes.unicode_minus": False,  # Hangul fonts may lack U+2212; use the ASCII hyphen
            "mathtext.fontset": "dejavusans",  # η, ε, θ in labels come from DejaVu
            "svg.hashsalt": "whybackprop",  # the same SVG ids on every build
        }
    ):
        yield


@contextlib.contextmanager
def _style(colors: Palette, lang: str) -> Iterator[None]:
    import matplotlib

    with (
        rendering(lang),
        matplotlib.rc_context(
            {
                "figure.facecolor": colors.background,
                "axes.facecolor": colors.background,
                "savefig.facecolor": colors.background,
                "text.color": colors.text,
                "axes.labelcolor": colors.text,
                "axes.edgecolor": colors.frame,
                "xtick.color": colors.frame,
                "ytick.color": colors.frame,
                "xtick.labelcolor": colors.text,
                "ytick.labelcolor": colors.text,
                "axes.grid": True,
                "grid.color": colors.grid,
                "legend.fontsize": SMALL_FONT_SIZE,
                "legend.facecolor": colors.background,
                "legend.edgecolor": colors.grid,
                "legend.labelcolor": colors.text,
                "axes.titlesize": FONT_SIZE,
                "figure.titlesize": FONT_SIZE + 1,
            }
        ),
    ):
        yield


def _figure(rows: int, cols: int, width: float, height: float, colors: Palette) -> tuple[Figure, Any]:
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), dpi=DPI, layout="constrained")
    axes = fig.subplots(rows, cols, squeeze=False)
    for ax in axes.flat:  # ticks made later, at draw time, keep these colours whatever the settings then
        ax.tick_params(which="both", color=colors.frame, labelcolor=colors.text, labelsize=FONT_SIZE)
        ax.grid(True, color=colors.grid)
    return fig, axes


def _decades(axis: Any) -> None:
    """Label a log axis $10^{k}$ in math fonts: matplotlib's own labels use the text font (\\mathdefault),
    and Hangul fonts have no U+2212 minus sign."""
    from matplotlib.ticker import FuncFormatter, NullFormatter

    def label(value: float, _position: int) -> str:
        k = np.log10(value) if value > 0 else np.nan
        return f"$10^{{{k:.0f}}}$" if np.isfinite(k) and abs(k - round(k)) < 1e-9 else ""

    axis.set_major_formatter(FuncFormatter(label))
    axis.set_minor_formatter(NullFormatter())


def parameter_effects_figure(
    values: Sequence[float] = (-1.0, 0.0, 1.0),
    *,
    scheme: Scheme = "light",
    narrow: bool = False,
    lang: str = "ko",
) -> Figure:
    """Four panels: the black box's output as one parameter moves by `values`, the others at TRUE_THETA."""
    colors = palette(scheme)
    words = labels(lang)
    x = np.linspace(-3.0, 3.0, 200)
    with _style(colors, lang):
        fig, axes = _figure(4, 1, NARROW, 10.4, colors) if narrow else _figure(2, 2, WIDE, 5.6, colors)
        for index, (ax, name) in enumerate(zip(axes.flat, PARAMETER_NAMES)):
            for k, delta in enumerate(values):
                theta = TRUE_THETA.copy()
                theta[index] += delta
                ax.plot(
                    x,
                    predict(theta, x),
                    color=colors.lines[k % 4],
                    linestyle=("--", "-", ":")[k % 3],
                    label=f"${name}$ = {theta[index]:g}",
                )
            ax.set_title(f"${name}$: {words['role_' + name]}")
            ax.set_xlabel(words["input_x"])
            ax.set_ylabel(words["output_y"])
            ax.legend(loc="upper left")
        fig.suptitle("$y = a\\,\\tanh(bx + c) + d$:" + ("\n" if narrow else " ") + words["one_at_a_time"])
    return fig


def learning_rate_figure(
    quadratic: Mapping[str, ArrayLike],
    black_box: Mapping[str, ArrayLike],
    *,
    first_steps: int = 12,
    scheme: Scheme = "light",
    narrow: bool = False,
    lang: str = "ko",
) -> Figure:
    """Left (top if narrow): θ_n on L = ½λθ² for each label (first steps); right: the black box's loss per step (log)."""
    if not quadratic or not black_box:
        raise ValueError("quadratic and black_box must each hold at least one run")
    from matplotlib.ticker import MaxNLocator

    colors = palette(scheme)
    words = labels(lang)
    with _style(colors, lang):
        fig, axes = _figure(2, 1, NARROW, 7.2, colors) if narrow else _figure(1, 2, WIDE, 3.9, colors)
        left, right = axes.flat
        for k, (label, thetas) in enumerate(quadratic.items()):
            y = np.asarray(thetas, dtype=float).reshape(-1)[: first_steps + 1]
            left.plot(
                np.arange(y.size),
                y,
                color=colors.lines[k % 4],
                marker=MARKERS[k % 4],
                markersize=4,
                label=label,
            )
        left.axhline(0.0, color=colors.frame, linewidth=0.8)
        left.set_title(
            words["quadratic"]
            + " $L = \\frac{1}{2}\\lambda\\theta^2$\n$\\theta_{n+1} = (1 - \\eta\\lambda)\\,\\theta_n$"
        )
        left.set_ylabel(words["parameter_theta"])
        for k, (label, losses) in enumerate(black_box.items()):
            y = np.asarray(losses, dtype=float)
            right.semilogy(
                np.arange(y.size),
                y,
                color=colors.lines[k % 4],
                marker=MARKERS[k % 4],
                markevery=max(1, y.size // 12),
                markersize=4,
                label=label,
            )
        _decades(right.yaxis)
        right.set_title(words["black_box"])
        right.set_ylabel(words["loss_theta"])
        for ax in (left, right):
            ax.xaxis.set_major_locator(MaxNLocator(integer=True))
            ax.set_xlabel(words["step_n"])
            ax.legend()
    return fig


def step_error_figure(
    steps: ArrayLike,
    errors: Mapping[str, ArrayLike],
    *,
    machine_eps: float,
    scheme: Scheme = "light",
    narrow: bool = False,
    lang: str = "ko",
) -> Figure:
    """Error of finite differences against the step ε (log-log), with the √eps and ∛eps marks."""
    from matplotlib.ticker import LogLocator

    colors = palette(scheme)
    words = labels(lang)
    h = np.asarray(steps, dtype=float)
    with _style(colors, lang):
        fig, axes = _figure(1, 1, NARROW if narrow else WIDE, 3.9 if narrow else 4.2, colors)
        ax = axes[0, 0]
        for k, (label, values) in enumerate(errors.items()):
            ax.loglog(
                h,
                np.asarray(values, dtype=float),
                color=colors.lines[k % 4],
                marker=MARKERS[k % 4],
                markersize=4,
                label=label,
            )
        marks = (
            (machine_eps**0.5, "$\\sqrt{\\varepsilon_{\\mathrm{mach}}}$ ", "right"),  # left of its line
            (machine_eps ** (1 / 3), " $\\sqrt[3]{\\varepsilon_{\\mathrm{mach}}}$", "left"),
        )  # right of it: no overlap
        for k, (mark, text, align) in enumerate(marks):
            ax.axvline(mark, color=colors.lines[k], linestyle=":", linewidth=1)
            ax.annotate(
                text, (mark, 0.02), xycoords=("data", "axes fraction"), color=colors.lines[k], ha=align
            )
        ax.xaxis.set_major_locator(LogLocator(numticks=5 if narrow else 9))
        _decades(ax.xaxis)
        _decades(ax.yaxis)
        ax.set_xlabel(words["step_eps"])
        ax.set_ylabel(words["relative_error"])
        ax.set_title(words["error_title"] + ("\n" if narrow else " ") + words["error_title_2"])
        ax.legend(loc="upper center")  # above the smallest errors, clear of the marks
    return fig


def fit_figure(
    problem: BlackBoxProblem,
    theta: ArrayLike,
    *,
    start: ArrayLike = START_THETA,
    scheme: Scheme = "light",
    narrow: bool = False,
    lang: str = "ko",
) -> Figure:
    """The data, the model at `start` and at the learned `theta`, and the true curve."""
    colors = palette(scheme)
    words = labels(lang)
    x = np.linspace(float(problem.x.min()), float(problem.x.max()), 200)
    with _style(colors, lang):
        fig, axes = _figure(1, 1, NARROW if narrow else WIDE, 4.2, colors)
        ax = axes[0, 0]
        ax.scatter(problem.x, problem.y, s=16, color=colors.muted, label=words["data"])
        ax.plot(x, predict(start, x), color=colors.lines[1], linestyle="--", label=words["before"])
        ax.plot(x, predict(theta, x), color=colors.lines[0], linewidth=2.2, label=words["after"])
        ax.plot(x, predict(TRUE_THETA, x), color=colors.lines[2], linestyle=":", label=words["true_curve"])
        ax.set_xlabel(words["input_x"])
        ax.set_ylabel(words["output_y"])
        ax.set_title(words["fit_title"])
        ax.legend(loc="upper left")
    return fig


# The deep-network page's figure: the results of benchmarks/cost_vs_n.py (its JSON as a dict).
COST_METHODS = ("numerical", "backprop")  # each one's label is LABELS[lang][method]


def fitted_line(n: np.ndarray, values: np.ndarray) -> np.ndarray:
    """The least-squares line through (log N, log value), at `n`: a power law c * N^slope."""
    slope, intercept = np.polyfit(np.log(n), np.log(values), 1)
    line: np.ndarray = np.exp(intercept) * n**slope
    return line


def cost_vs_n_figure(
    results: dict[str, Any], *, scheme: Scheme = "light", narrow: bool = False, lang: str = "ko"
) -> Figure:
    """Top: measured seconds of one gradient; bottom: its counted multiplications, with N(N+1)."""
    colors = palette(scheme)
    words = labels(lang)
    points, slopes = results["points"], results["slopes"]  # the slopes the benchmark fitted
    n = np.array([p["n_params"] for p in points], dtype=float)
    with _style(colors, lang):
        fig, axes = _figure(2, 1, NARROW if narrow else WIDE, 9.0 if narrow else 8.0, colors)
        time_ax, count_ax = axes[:, 0]
        for k, method in enumerate(COST_METHODS):
            label = words[method]
            color = colors.lines[k]
            seconds = np.array([p[method]["seconds"] for p in points])
            estimated = np.array([p[method]["estimated"] for p in points])
            time_ax.plot(n, fitted_line(n, seconds), color=color, linewidth=1, alpha=0.6)
            time_ax.plot(
                n[~estimated],
                seconds[~estimated],
                MARKERS[k],
                color=color,
                label=f"{label}: {words['growth']} {slopes[method]:.2f}",
            )
            if estimated.any():
                time_ax.plot(
                    n[estimated],
                    seconds[estimated],
                    MARKERS[k],
                    color=color,
                    markerfacecolor=colors.background,
                    label=f"{label}: {words['estimated']}",
                )
            counts = np.array([p["multiplications"][method] for p in points], dtype=float)
            count_ax.plot(
                n,
                counts,
                MARKERS[k] + "-",
                color=color,
                label=f"{label}: {words['growth']} {slopes[method + '_multiplications']:.2f}",
            )
        lecture = np.array([p["multiplications"]["lecture_n_n_plus_1"] for p in points], dtype=float)
        count_ax.plot(
            n,
            lecture,
            "--",
            color=colors.lines[3],
            label=words["lecture_estimate"] + ("\n" if narrow else " ") + words["one_sample"],
        )
        time_ax.set_ylabel(words["seconds_axis"])
        count_ax.set_ylabel(words["multiplications_axis"])
        time_ax.set_title(words["measured_title"])
        count_ax.set_title(words["counted_title"].format(batch=results["setup"]["batch"]))
        for ax in (time_ax, count_ax):
            ax.set_xscale("log")
            ax.set_yscale("log")
            ax.set_xlabel(words["n_params_axis"])
            _decades(ax.xaxis)
            _decades(ax.yaxis)
            ax.legend(loc="upper left")
    return fig


def save_png(fig: Figure, name: str, *, lang: str = "ko") -> Path:
    """Save `fig` (drawn in `lang`) as figures/NAME.png under the current folder, print where (in
    `lang`) and return the path."""
    words = labels(lang)
    if not re.fullmatch(r"[A-Za-z0-9_-]+", name):
        raise ValueError(f"name must be a plain file name (letters, digits, _ and -), got {name!r}")
    path = (Path("figures") / f"{name}.png").resolve()
    path.parent.mkdir(exist_ok=True)
    with rendering(lang):  # tick labels are made when drawn: draw with the figure's fonts
        fig.savefig(path, dpi=DPI * 1.5)
    print(words["saved"].format(path=path))
    return path


def secant_figure(
    f: Any,
    derivative: float,
    x: float,
    eps: float,
    *,
    scheme: Scheme = "light",
    narrow: bool = False,
    lang: str = "ko",
) -> Figure:
    """One curve `f` near `x`: its tangent (slope `derivative`), the forward secant through x and x + eps
    and the central secant through x - eps and x + eps. The slope of a secant is the difference quotient."""
    colors = palette(scheme)
    words = labels(lang)
    xs = np.linspace(x - 1.6 * eps, x + 1.6 * eps, 200)
    f_x, f_up, f_down = float(f(x)), float(f(x + eps)), float(f(x - eps))
    lines = [
        (words["tangent"], derivative, x, f_x, "-"),
        (words["forward_secant"], (f_up - f_x) / eps, x, f_x, "--"),
        (words["central_secant"], (f_up - f_down) / (2 * eps), x - eps, f_down, ":"),
    ]
    with _style(colors, lang):
        fig, axes = _figure(1, 1, NARROW if narrow else WIDE, 3.9 if narrow else 4.2, colors)
        ax = axes[0, 0]
        ax.plot(xs, f(xs), color=colors.text, linewidth=2, label="$f(x)$")
        for k, (label, slope, x0, y0, style) in enumerate(lines):
            ax.plot(
                xs,
                y0 + slope * (xs - x0),
                color=colors.lines[k],
                linestyle=style,
                linewidth=1.6,
                label=f"{label} ({slope:.3f})",
            )
        ax.plot([x - eps, x, x + eps], [f_down, f_x, f_up], "o", color=colors.text, markersize=5)
        for value, text in ((x - eps, "$x - \\varepsilon$"), (x, "$x$"), (x + eps, "$x + \\varepsilon$")):
            ax.axvline(value, color=colors.grid, linewidth=1)
            ax.annotate(
                text,
                (value, 0.97),
                xycoords=("data", "axes fraction"),
                ha="center",
                va="top",
                color=colors.text,
            )
        ax.set_ylim(float(np.min(f(xs))) - 0.3, float(np.max(f(xs))) + 0.5)
        ax.set_xlabel("$x$")
        ax.set_ylabel("$f(x)$")
        ax.set_title(words["secant_title"])
        ax.legend(loc="lower right")
    return fig


def contour_figure(
    loss: Any,
    paths: Mapping[str, ArrayLike],
    *,
    optimum: ArrayLike,
    names: tuple[str, str],
    xlim: tuple[float, float],
    ylim: tuple[float, float],
    scheme: Scheme = "light",
    narrow: bool = False,
    lang: str = "ko",
) -> Figure:
    """Contours of `loss` over two parameters (log-spaced levels) and each descent path in that plane."""
    colors = palette(scheme)
    words = labels(lang)
    grid_x, grid_y = np.meshgrid(np.linspace(*xlim, 121), np.linspace(*ylim, 121))
    values = np.array(
        [[loss(np.array([u, v])) for u, v in zip(row_x, row_y)] for row_x, row_y in zip(grid_x, grid_y)]
    )
    low = float(loss(np.asarray(optimum, dtype=float)))
    levels = low + (float(values.max()) - low) * np.geomspace(1e-3, 1.0, 14)
    with _style(colors, lang):
        fig, axes = _figure(1, 1, NARROW if narrow else WIDE, 4.2 if narrow else 4.8, colors)
        ax = axes[0, 0]
        ax.grid(False)
        ax.contour(grid_x, grid_y, values, levels=levels, colors=colors.muted, linewidths=0.8)
        for k, (label, path) in enumerate(paths.items()):
            points = np.asarray(path, dtype=float)
            inside = np.all((points >= [xlim[0], ylim[0]]) & (points <= [xlim[1], ylim[1]]), axis=1)
            shown = points[
                : int(np.argmin(inside)) if not inside.all() else len(points)
            ]  # up to leaving the frame
            ax.plot(
                shown[:, 0],
                shown[:, 1],
                MARKERS[k] + "-",
                color=colors.lines[k],
                markersize=4,
                linewidth=1.4,
                label=label,
                zorder=10 - k,
            )  # the first path on top
        ax.plot(
            *np.asarray(optimum, dtype=float),
            "*",
            color=colors.text,
            markersize=12,
            label=words["lowest_loss"],
        )
        ax.set_xlim(*xlim)
        ax.set_ylim(*ylim)
        ax.set_xlabel(f"${names[0]}$")
        ax.set_ylabel(f"${names[1]}$")
        ax.set_title(words["contour_title"])
        ax.legend(loc="upper left")
    return fig


from whybackprop._sweep_plot import sweep_figure as sweep_figure  # noqa: E402  (drawn with the helpers above)
