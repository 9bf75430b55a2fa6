"""The chapter's figures: one function per figure, each returning a matplotlib Figure.

How a figure reaches the reader (one rule, no configuration):

- A snippet draws its figure at the end, under ``if __name__ == "__main__":``, and hands it to
  ``show(fig, name, alt)``. Run as a script (``python snippets/NAME.py``), ``show`` saves
  ``NAME.png`` in the current folder and prints where.
- A page shows the figure with a hidden block ``print(plotting.embed("snippets/NAME.py"))``:
  ``embed`` runs the snippet as a script, keeps what it passes to ``show`` as inline SVG (in a
  ``<figure>`` with the Korean ``alt`` as caption and accessible name) and drops its printed text,
  which the page shows in its own block. Any warning while drawing (a missing Hangul glyph...)
  is an error there and in ``figure_html``, so a broken figure fails the build.
- In a notebook, a Figure shows itself: end a cell with it.

Korean labels need a Hangul font: the first installed of ``KOREAN_FONTS`` is used (Debian:
``apt install fonts-nanum``). Figures have an opaque white background and dark text, so they read
the same in the light and the dark scheme. matplotlib is imported only when a figure is drawn:
``from whybackprop import plotting`` works without it.
"""

from __future__ import annotations

import contextlib
import html
import io
import logging
import re
import runpy
import warnings
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import ArrayLike

from whybackprop.blackbox import PARAMETER_NAMES, START_THETA, TRUE_THETA, BlackBoxProblem, predict

if TYPE_CHECKING:
    from matplotlib.figure import Figure

# Hangul fonts by platform: Debian/Ubuntu (fonts-nanum), Linux/Android (Noto), macOS, Windows.
KOREAN_FONTS: tuple[str, ...] = ("NanumGothic", "Noto Sans CJK KR", "Apple SD Gothic Neo", "AppleGothic", "Malgun Gothic")
COLORS = ("#1f4e9c", "#c2410c", "#15803d", "#7e22ce")  # dark enough on white, told apart by shape too
MARKERS = ("o", "s", "^", "D")

_captured: list[str] | None = None  # set by embed(): show() collects SVG here instead of saving


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
def _style() -> Iterator[None]:
    import matplotlib

    with matplotlib.rc_context(
        {
            "font.family": [korean_font(), "DejaVu Sans"],
            "axes.unicode_minus": False,  # Hangul fonts may lack U+2212; use the ASCII hyphen
            "mathtext.fontset": "dejavusans",  # η, ε, θ in labels come from DejaVu
            "figure.facecolor": "white",
            "axes.facecolor": "white",
            "savefig.facecolor": "white",
            "text.color": "#111111",
            "axes.labelcolor": "#111111",
            "axes.edgecolor": "#333333",
            "xtick.color": "#333333",
            "ytick.color": "#333333",
            "axes.grid": True,
            "grid.color": "#dddddd",
            "font.size": 11,
            "svg.hashsalt": "whybackprop",  # the same SVG ids on every build
        }
    ):
        yield


@contextlib.contextmanager
def _strict() -> Iterator[None]:
    """Fail on any warning while drawing: a missing glyph is a warning, in math text a log record."""

    class Collect(logging.Handler):
        def __init__(self) -> None:
            super().__init__(logging.WARNING)
            self.messages: list[str] = []

        def emit(self, record: logging.LogRecord) -> None:
            self.messages.append(record.getMessage())

    collect = Collect()
    logger = logging.getLogger("matplotlib")
    logger.addHandler(collect)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            yield
    finally:
        logger.removeHandler(collect)
    if collect.messages:
        raise RuntimeError("matplotlib warned while drawing: " + "; ".join(sorted(set(collect.messages))))


def _figure(rows: int, cols: int, width: float, height: float) -> tuple[Figure, Any]:
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), layout="constrained")
    return fig, fig.subplots(rows, cols, squeeze=False)


def _decades(axis: Any) -> None:
    """Label a log axis $10^{k}$ in math fonts: matplotlib's own labels use the text font (\\mathdefault),
    and Hangul fonts have no U+2212 minus sign."""
    from matplotlib.ticker import FuncFormatter, NullFormatter

    def label(value: float, _position: int) -> str:
        k = np.log10(value) if value > 0 else np.nan
        return f"$10^{{{k:.0f}}}$" if np.isfinite(k) and abs(k - round(k)) < 1e-9 else ""

    axis.set_major_formatter(FuncFormatter(label))
    axis.set_minor_formatter(NullFormatter())


def parameter_effects_figure(values: Sequence[float] = (-1.0, 0.0, 1.0)) -> Figure:
    """Four panels: the black box's output as one parameter moves by `values`, the others at TRUE_THETA."""
    x = np.linspace(-3.0, 3.0, 200)
    roles = {"a": "세로 크기", "b": "기울어짐", "c": "가로 이동", "d": "세로 이동"}
    with _style():
        fig, axes = _figure(2, 2, 8.0, 6.0)
        for index, (ax, name) in enumerate(zip(axes.flat, PARAMETER_NAMES)):
            for k, delta in enumerate(values):
                theta = TRUE_THETA.copy()
                theta[index] += delta
                ax.plot(x, predict(theta, x), color=COLORS[k], linestyle=("--", "-", ":")[k % 3],
                        label=f"${name}$ = {theta[index]:g}")
            ax.set_title(f"${name}$: {roles[name]}")
            ax.set_xlabel("입력 $x$")
            ax.set_ylabel("출력 $y$")
            ax.legend(fontsize=9, loc="upper left")
        fig.suptitle("$y = a\\,\\tanh(bx + c) + d$: 매개 변수 하나씩 바꾸기")
    return fig


def learning_rate_figure(
    quadratic: Mapping[str, ArrayLike], black_box: Mapping[str, ArrayLike], *, first_steps: int = 12
) -> Figure:
    """Left: θ_n on L = ½λθ² for each label (first steps); right: the black box's loss per step (log)."""
    if not quadratic or not black_box:
        raise ValueError("quadratic and black_box must each hold at least one run")
    with _style():
        fig, axes = _figure(1, 2, 9.6, 4.2)
        left, right = axes.flat
        for k, (label, thetas) in enumerate(quadratic.items()):
            y = np.asarray(thetas, dtype=float).reshape(-1)[: first_steps + 1]
            left.plot(np.arange(y.size), y, color=COLORS[k % 4], marker=MARKERS[k % 4], markersize=4, label=label)
        left.axhline(0.0, color="#333333", linewidth=0.8)
        left.set_title("이차 함수 $L = \\frac{1}{2}\\lambda\\theta^2$: $\\theta_{n+1} = (1 - \\eta\\lambda)\\,\\theta_n$")
        left.set_ylabel("매개 변수 $\\theta_n$")
        for k, (label, losses) in enumerate(black_box.items()):
            y = np.asarray(losses, dtype=float)
            right.semilogy(np.arange(y.size), y, color=COLORS[k % 4], marker=MARKERS[k % 4],
                           markevery=max(1, y.size // 12), markersize=4, label=label)
        _decades(right.yaxis)
        right.set_title("블랙박스 모델")
        right.set_ylabel("손실 $L(\\theta_n)$")
        from matplotlib.ticker import MaxNLocator

        for ax in (left, right):
            ax.xaxis.set_major_locator(MaxNLocator(integer=True))
            ax.set_xlabel("스텝 $n$")
            ax.legend(fontsize=9)
    return fig


def step_error_figure(steps: ArrayLike, errors: Mapping[str, ArrayLike], *, machine_eps: float) -> Figure:
    """Error of finite differences against the step ε (log-log), with the √eps and ∛eps marks."""
    h = np.asarray(steps, dtype=float)
    with _style():
        fig, axes = _figure(1, 1, 7.0, 4.6)
        ax = axes[0, 0]
        for k, (label, values) in enumerate(errors.items()):
            ax.loglog(h, np.asarray(values, dtype=float), color=COLORS[k % 4], marker=MARKERS[k % 4],
                      markersize=4, label=label)
        for k, (mark, text) in enumerate(((machine_eps**0.5, "$\\sqrt{\\epsilon_{\\mathrm{mach}}}$"),
                                          (machine_eps ** (1 / 3), "$\\sqrt[3]{\\epsilon_{\\mathrm{mach}}}$"))):
            ax.axvline(mark, color=COLORS[k], linestyle=":", linewidth=1)
            ax.annotate(text, (mark, 0.02), xycoords=("data", "axes fraction"), color=COLORS[k],
                        ha="right", fontsize=10)
        _decades(ax.xaxis)
        _decades(ax.yaxis)
        ax.set_xlabel("간격 $\\epsilon$")
        ax.set_ylabel("상대 오차")
        ax.set_title("수치적 기울기의 오차: 너무 커도, 너무 작아도 나쁘다")
        ax.legend(fontsize=9)
    return fig


def fit_figure(problem: BlackBoxProblem, theta: ArrayLike, *, start: ArrayLike = START_THETA) -> Figure:
    """The data, the model at `start` and at the learned `theta`, and the true curve."""
    x = np.linspace(float(problem.x.min()), float(problem.x.max()), 200)
    with _style():
        fig, axes = _figure(1, 1, 7.0, 4.6)
        ax = axes[0, 0]
        ax.scatter(problem.x, problem.y, s=16, color="#555555", label="데이터")
        ax.plot(x, predict(start, x), color=COLORS[1], linestyle="--", label="학습 전 (시작 값)")
        ax.plot(x, predict(theta, x), color=COLORS[0], linewidth=2.2, label="학습 후")
        ax.plot(x, predict(TRUE_THETA, x), color=COLORS[2], linestyle=":", label="데이터를 만든 참값")
        ax.set_xlabel("입력 $x$")
        ax.set_ylabel("출력 $y$")
        ax.set_title("수치적 기울기로 학습한 블랙박스 모델")
        ax.legend(fontsize=9, loc="upper left")
    return fig


# The deep-network page's figure: the results of benchmarks/cost_vs_n.py (its JSON as a dict).
COST_METHODS = {"numerical": "수치적 기울기 (전진 차분)", "backprop": "역전파"}


def fitted_line(n: np.ndarray, values: np.ndarray) -> np.ndarray:
    """The least-squares line through (log N, log value), at `n`: a power law c * N^slope."""
    slope, intercept = np.polyfit(np.log(n), np.log(values), 1)
    return np.exp(intercept) * n**slope  # type: ignore[no-any-return]


def cost_vs_n_figure(results: dict[str, Any]) -> Figure:
    """Top: measured seconds of one gradient; bottom: its counted multiplications, with N(N+1)."""
    points, slopes = results["points"], results["slopes"]  # the slopes the benchmark fitted
    n = np.array([p["n_params"] for p in points], dtype=float)
    with _style():
        fig, axes = _figure(2, 1, 6.4, 8.4)
        time_ax, count_ax = axes[:, 0]
        for k, (method, label) in enumerate(COST_METHODS.items()):
            seconds = np.array([p[method]["seconds"] for p in points])
            estimated = np.array([p[method]["estimated"] for p in points])
            time_ax.plot(n, fitted_line(n, seconds), color=COLORS[k], linewidth=1, alpha=0.6)
            time_ax.plot(n[~estimated], seconds[~estimated], MARKERS[k], color=COLORS[k],
                         label=f"{label}: 증가 차수 {slopes[method]:.2f}")
            if estimated.any():
                time_ax.plot(n[estimated], seconds[estimated], MARKERS[k], color=COLORS[k],
                             markerfacecolor="white", label=f"{label}: 추정값")
            counts = np.array([p["multiplications"][method] for p in points], dtype=float)
            count_ax.plot(n, counts, MARKERS[k] + "-", color=COLORS[k],
                          label=f"{label}: 증가 차수 {slopes[method + '_multiplications']:.2f}")
        lecture = np.array([p["multiplications"]["lecture_n_n_plus_1"] for p in points], dtype=float)
        count_ax.plot(n, lecture, "--", color=COLORS[3], label="강의의 어림 N(N+1) (예제 1개 기준)")
        time_ax.set_ylabel("기울기 한 번의 시간 (초)")
        count_ax.set_ylabel("기울기 한 번의 곱셈 수")
        time_ax.set_title("잰 시간")
        count_ax.set_title(f"센 곱셈 수 (배치 {results['setup']['batch']}개)")
        for ax in (time_ax, count_ax):
            ax.set_xscale("log")
            ax.set_yscale("log")
            ax.set_xlabel("매개 변수 개수 N")
            _decades(ax.xaxis)
            _decades(ax.yaxis)
            ax.legend(fontsize=9, loc="upper left")
    return fig


def show(fig: Figure, name: str, alt: str) -> None:
    """Save `fig` as NAME.png (run as a script) or hand it to embed() as inline SVG (on a page)."""
    if not re.fullmatch(r"[A-Za-z0-9_-]+", name):
        raise ValueError(f"name must be a plain file name (letters, digits, _ and -), got {name!r}")
    if not alt.strip():
        raise ValueError("alt must describe the figure for readers who cannot see it")
    if _captured is not None:
        _captured.append(figure_html(fig, name, alt))
        return
    path = Path(f"{name}.png").resolve()
    with _style():  # tick labels are formatted when drawn: draw under the same style
        fig.savefig(path, dpi=150)
    print(f"그림을 저장했습니다: {path}")


def embed(path: str | Path) -> str:
    """Run the snippet at `path` as a script and return the figures it shows, as HTML."""
    global _captured
    script = Path(path)
    if not script.is_file():
        raise FileNotFoundError(f"no snippet at {script.resolve()} (paths are relative to the project root)")
    _captured = []
    try:
        with _strict(), contextlib.redirect_stdout(io.StringIO()):  # a missing glyph fails the build
            runpy.run_path(str(script), run_name="__main__")
        figures = _captured
    finally:
        _captured = None
    if not figures:
        raise RuntimeError(f"{script} showed no figure: it must call plotting.show() under if __name__ == '__main__'")
    return "\n".join(figures)


def figure_html(fig: Figure, name: str, alt: str) -> str:
    """`fig` as an inline, accessible SVG in a <figure> with `alt` as its caption."""
    buffer = io.StringIO()
    with _style(), _strict():
        fig.savefig(buffer, format="svg", metadata={"Date": None})
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg") :]  # drop the XML declaration and DOCTYPE: not allowed inline
    svg = re.sub(r"\s*<metadata>.*?</metadata>", "", svg, count=1, flags=re.DOTALL)  # RDF creator/date
    # Ids must be unique in the page: prefix them (several figures share glyph and clip ids).
    ids = set(re.findall(r'\bid="([^"]+)"', svg))
    svg = re.sub(r'(\bid="|#)([^"\s)]+)', lambda m: m.group(1) + (f"{name}-{m.group(2)}" if m.group(2) in ids else m.group(2)), svg)
    svg = re.sub(r'<svg ([^>]*?)width="[^"]*" height="[^"]*"', r"<svg \1", svg, count=1)
    title_id = f"{name}-title"
    svg = svg.replace(
        "<svg ",
        f'<svg role="img" aria-labelledby="{title_id}" style="width:100%;height:auto;max-width:{fig.get_figwidth() * 96:.0f}px" ',
        1,
    )
    svg = re.sub(r"(<svg[^>]*>)", lambda m: f'{m.group(1)}<title id="{title_id}">{html.escape(alt)}</title>', svg, count=1)
    return f'<figure class="whybackprop-figure" id="figure-{name}">\n{svg}\n<figcaption>{html.escape(alt)}</figcaption>\n</figure>'
