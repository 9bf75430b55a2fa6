"""The chapter's figures, in the order of the pages that show them: one function per figure, each
returning a matplotlib Figure drawn on a `canvas` (keywords `scheme`, `narrow`, `lang`)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import ArrayLike

from whybackprop.blackbox import PARAMETER_NAMES, START_THETA, TRUE_THETA, BlackBoxProblem, predict
from whybackprop.plotting.canvas import Layout, canvas, decades
from whybackprop.plotting.style import FONT_SIZE, MARKERS, SMALL_FONT_SIZE, Scheme
from whybackprop.reverse import Sweep

if TYPE_CHECKING:
    from matplotlib.figure import Figure


# --- black-box -------------------------------------------------------------------------------------


def parameter_effects_figure(
    values: Sequence[float] = (-1.0, 0.0, 1.0),
    *,
    scheme: Scheme = "light",
    narrow: bool = False,
    lang: str = "ko",
) -> Figure:
    """Four panels: the black box's output as one parameter moves by `values`, the others at TRUE_THETA."""
    x = np.linspace(-3.0, 3.0, 200)
    with canvas(scheme, lang, narrow, Layout(2, 2, 5.6), Layout(4, 1, 10.4)) as (fig, axes, colors, words):
        for index, (ax, name) in enumerate(zip(axes, PARAMETER_NAMES)):
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


# --- learning ----------------------------------------------------------------------------------------


def learning_rate_figure(
    quadratic: Mapping[str, ArrayLike],
    black_box: Mapping[str, ArrayLike],
    *,
    first_steps: int = 12,
    excess: bool = False,
    scheme: Scheme = "light",
    narrow: bool = False,
    lang: str = "ko",
) -> Figure:
    """Left (top if narrow): θ_n on L = ½λθ² for each label (first steps); right: the black box's loss
    per step (log). With `excess`, the right panel's values are L − L* (labelled so), and values that
    are not positive (a converged run at L*, up to rounding) are left out of the log scale."""
    if not quadratic or not black_box:
        raise ValueError("quadratic and black_box must each hold at least one run")
    from matplotlib.ticker import MaxNLocator

    with canvas(scheme, lang, narrow, Layout(1, 2, 3.9), Layout(2, 1, 7.2)) as (fig, axes, colors, words):
        left, right = axes
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
            if excess:
                y = np.where(y > 0, y, np.nan)
            right.semilogy(
                np.arange(y.size),
                y,
                color=colors.lines[k % 4],
                marker=MARKERS[k % 4],
                markevery=max(1, y.size // 12),
                markersize=4,
                label=label,
            )
        decades(right.yaxis)
        right.set_title(words["black_box"])
        right.set_ylabel(words["excess_loss" if excess else "loss_theta"])
        left.xaxis.set_major_locator(MaxNLocator(integer=True))
        right.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=4))  # its steps run to thousands
        for ax in (left, right):
            ax.set_xlabel(words["step_n"])
            ax.legend()
    return fig


@dataclass(frozen=True)
class LossSurface:
    """A loss over a plane of two parameters, sampled on a grid once (a figure drawn in four variants
    reuses it), with its lowest point."""

    x: np.ndarray  # grid coordinates, shape (points, points)
    y: np.ndarray
    values: np.ndarray  # the loss at each grid point
    optimum: np.ndarray  # (2,)
    lowest: float  # the loss at `optimum`
    xlim: tuple[float, float]
    ylim: tuple[float, float]


def loss_surface(
    loss: Callable[[np.ndarray], float],
    *,
    optimum: ArrayLike,
    xlim: tuple[float, float],
    ylim: tuple[float, float],
    points: int = 121,
) -> LossSurface:
    """Sample `loss` (a function of a point (u, v)) on a `points` × `points` grid over xlim × ylim."""
    grid_x, grid_y = np.meshgrid(np.linspace(*xlim, points), np.linspace(*ylim, points))
    values = np.array(
        [[loss(np.array([u, v])) for u, v in zip(row_x, row_y)] for row_x, row_y in zip(grid_x, grid_y)]
    )
    best = np.asarray(optimum, dtype=float)
    return LossSurface(grid_x, grid_y, values, best, float(loss(best)), xlim, ylim)


def contour_figure(
    surface: LossSurface,
    paths: Mapping[str, ArrayLike],
    *,
    names: tuple[str, str],
    scheme: Scheme = "light",
    narrow: bool = False,
    lang: str = "ko",
) -> Figure:
    """Contours of `surface` (log-spaced levels) and each descent path in its plane, up to where it
    leaves the frame."""
    (x0, x1), (y0, y1) = surface.xlim, surface.ylim
    levels = surface.lowest + (float(surface.values.max()) - surface.lowest) * np.geomspace(1e-3, 1.0, 14)
    with canvas(scheme, lang, narrow, Layout(1, 1, 4.8), Layout(1, 1, 4.2)) as (fig, axes, colors, words):
        (ax,) = axes
        ax.grid(False)
        ax.contour(surface.x, surface.y, surface.values, levels=levels, colors=colors.muted, linewidths=0.8)
        for k, (label, path) in enumerate(paths.items()):
            points = np.asarray(path, dtype=float)
            inside = np.all((points >= [x0, y0]) & (points <= [x1, y1]), axis=1)
            shown = points[: len(points) if inside.all() else int(np.argmin(inside))]
            ax.plot(
                shown[:, 0],
                shown[:, 1],
                MARKERS[k] + "-",
                color=colors.lines[k],
                markersize=4,
                linewidth=1.4,
                label=label,
                zorder=10 - k,  # the first path on top
            )
        ax.plot(*surface.optimum, "*", color=colors.text, markersize=12, label=words["lowest_loss"])
        ax.set_xlim(x0, x1)
        ax.set_ylim(y0, y1)
        ax.set_xlabel(f"${names[0]}$")
        ax.set_ylabel(f"${names[1]}$")
        ax.set_title(words["contour_title"])
        ax.legend(loc="upper left")
    return fig


# --- numerical-gradient --------------------------------------------------------------------------------


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
    xs = np.linspace(x - 1.6 * eps, x + 1.6 * eps, 200)
    f_x, f_up, f_down = float(f(x)), float(f(x + eps)), float(f(x - eps))
    with canvas(scheme, lang, narrow, Layout(1, 1, 4.2), Layout(1, 1, 3.9)) as (fig, axes, colors, words):
        (ax,) = axes
        lines = [
            (words["tangent"], derivative, x, f_x, "-"),
            (words["forward_secant"], (f_up - f_x) / eps, x, f_x, "--"),
            (words["central_secant"], (f_up - f_down) / (2 * eps), x - eps, f_down, ":"),
        ]
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

    h = np.asarray(steps, dtype=float)
    with canvas(scheme, lang, narrow, Layout(1, 1, 4.2), Layout(1, 1, 3.9)) as (fig, axes, colors, words):
        (ax,) = axes
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
            (machine_eps ** (1 / 3), " $\\sqrt[3]{\\varepsilon_{\\mathrm{mach}}}$", "left"),  # right of it
        )
        for k, (mark, text, align) in enumerate(marks):
            ax.axvline(mark, color=colors.lines[k], linestyle=":", linewidth=1)
            ax.annotate(
                text, (mark, 0.02), xycoords=("data", "axes fraction"), color=colors.lines[k], ha=align
            )
        ax.xaxis.set_major_locator(LogLocator(numticks=5 if narrow else 9))
        decades(ax.xaxis)
        decades(ax.yaxis)
        ax.set_xlabel(words["step_eps"])
        ax.set_ylabel(words["relative_error"])
        ax.set_title(words["error_title"] + ("\n" if narrow else " ") + words["error_title_2"])
        ax.legend(loc="upper center")  # above the smallest errors, clear of the marks
    return fig


# --- black-box-gradient --------------------------------------------------------------------------------


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
    x = np.linspace(float(problem.x.min()), float(problem.x.max()), 200)
    with canvas(scheme, lang, narrow, Layout(1, 1, 4.2)) as (fig, axes, colors, words):
        (ax,) = axes
        ax.scatter(problem.x, problem.y, s=16, color=colors.muted, label=words["data"])
        ax.plot(x, predict(start, x), color=colors.lines[1], linestyle="--", label=words["before"])
        ax.plot(x, predict(theta, x), color=colors.lines[0], linewidth=2.2, label=words["after"])
        ax.plot(x, predict(TRUE_THETA, x), color=colors.lines[2], linestyle=":", label=words["true_curve"])
        ax.set_xlabel(words["input_x"])
        ax.set_ylabel(words["output_y"])
        ax.set_title(words["fit_title"])
        ax.legend(loc="upper left")
    return fig


# --- deep-network: the results of benchmarks/cost_vs_n.py (its JSON as a dict) ------------------------

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
    points, slopes = results["points"], results["slopes"]  # the slopes the benchmark fitted
    n = np.array([p["n_params"] for p in points], dtype=float)
    with canvas(scheme, lang, narrow, Layout(2, 1, 8.0), Layout(2, 1, 9.0)) as (fig, axes, colors, words):
        time_ax, count_ax = axes
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
            decades(ax.xaxis)
            decades(ax.yaxis)
            ax.legend(loc="upper left")
    return fig


# --- deep-network: one sample's computational graph, forward values and backward adjoints -----------------

# Each step's node, its formula and the nodes it reads (parameters and data are leaves).
SWEEP_STEPS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("u", "$u = bx$", ("b", "x")),
    ("z", "$z = u + c$", ("u", "c")),
    ("h", "$h = \\tanh z$", ("z",)),
    ("v", "$v = ah$", ("h", "a")),
    ("y", "$y = v + d$", ("v", "d")),
    ("r", "$r = y - t$", ("y", "t")),
    ("loss", "$\\ell = r^2$", ("r",)),
)
# Each leaf beside the step that reads it: (step index, side), parameters on one side, data on the other.
SWEEP_LEAVES: dict[str, tuple[int, int]] = {
    "b": (0, 1),
    "c": (1, 1),
    "a": (3, 1),
    "d": (4, 1),
    "x": (0, -1),
    "t": (5, -1),
}


def sweep_figure(sweep: Sweep, *, scheme: Scheme = "light", narrow: bool = False, lang: str = "ko") -> Figure:
    """The black box's computational graph for one sample, with every node's value and adjoint.

    The steps run left to right (top to bottom when `narrow`). Each box shows its step, its forward
    value and, in the second line colour, its adjoint d(loss)/d(node) from the one backward sweep; the
    four parameters' boxes, framed in that colour, hold the four partial derivatives.

    ```python
    from whybackprop import plotting
    from whybackprop.blackbox import START_THETA
    from whybackprop.reverse import reverse_sweep

    fig = plotting.sweep_figure(reverse_sweep(START_THETA, x=1.0, target=2.0), narrow=True)
    assert len(fig.axes) == 1
    ```

    Args:
        sweep: A `whybackprop.reverse.reverse_sweep` result.
        scheme: "light" or "dark".
        narrow: The phone layout (the chain runs downward).
        lang: "ko" or "en", the language of the words.

    Returns:
        The figure.

    Raises:
        ValueError: An unknown `scheme` or `lang`.
    """
    from matplotlib.patches import FancyBboxPatch

    values = sweep.values | {"t": sweep.values["y"] - sweep.values["r"]}
    box_w, box_h = 1.1, 0.86

    def place(along: float, across: float) -> tuple[float, float]:
        # Wide: the chain runs along x, parameters above; narrow: down the page, parameters to its left.
        return (along * 1.25, across * 1.15) if not narrow else (-across * 1.25, -along * 1.05)

    with canvas(scheme, lang, narrow, Layout(1, 1, 3.7), Layout(1, 1, 6.6)) as (fig, axes, colors, words):
        (ax,) = axes
        ax.set_axis_off()
        forward, backward = colors.text, colors.lines[1]
        nodes = [(name, text, i, 0) for i, (name, text, _) in enumerate(SWEEP_STEPS)]
        nodes += [(name, f"${name}$", *SWEEP_LEAVES[name]) for name in SWEEP_LEAVES]
        centres: dict[str, tuple[float, float]] = {}
        for name, text, along, across in nodes:
            cx, cy = centres[name] = place(along, across)
            parameter = name in PARAMETER_NAMES
            ax.add_patch(
                FancyBboxPatch(
                    (cx - box_w / 2, cy - box_h / 2),
                    box_w,
                    box_h,
                    boxstyle="round,pad=0.02",
                    facecolor=colors.background,
                    edgecolor=backward if parameter else colors.frame,
                    linewidth=2.0 if parameter else 1.0,
                )
            )
            ax.text(cx, cy + 0.24, text, ha="center", va="center", fontsize=FONT_SIZE, color=forward)
            ax.text(
                cx,
                cy,
                f"{values[name]:.3g}",
                ha="center",
                va="center",
                fontsize=SMALL_FONT_SIZE,
                color=forward,
            )
            if name in sweep.adjoints:
                ax.text(
                    cx,
                    cy - 0.25,
                    f"{sweep.adjoints[name]:.3g}",
                    ha="center",
                    va="center",
                    fontsize=SMALL_FONT_SIZE,
                    color=backward,
                )
        for name, _, inputs in SWEEP_STEPS:
            for source in inputs:
                ax.annotate(
                    "",
                    xy=centres[name],
                    xytext=centres[source],
                    arrowprops={"arrowstyle": "-|>", "color": colors.muted, "shrinkA": 26, "shrinkB": 26},
                )
        xs, ys = zip(*centres.values())
        ax.set_xlim(min(xs) - box_w * 0.6, max(xs) + box_w * 0.6)
        ax.set_ylim(min(ys) - box_h * 0.6, max(ys) + box_h * 0.6)
        fig.suptitle(words["sweep_title"], color=forward)
        # The key is the axes' title, so the layout keeps room for it; it breaks lines only when narrow.
        key = words["sweep_key"] if narrow else words["sweep_key"].replace("\n", " ")
        ax.set_title(key, color=backward, fontsize=SMALL_FONT_SIZE)
    return fig
