"""The computational-graph figure: one sample's forward values and backward adjoints (reverse mode)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from whybackprop.reverse import Sweep

if TYPE_CHECKING:
    from matplotlib.figure import Figure

# The graph: each step's node, what it computes, and the nodes it reads (parameters and data are leaves).
STEPS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("u", "$u = bx$", ("b", "x")),
    ("z", "$z = u + c$", ("u", "c")),
    ("h", "$h = \\tanh z$", ("z",)),
    ("v", "$v = ah$", ("h", "a")),
    ("y", "$y = v + d$", ("v", "d")),
    ("r", "$r = y - t$", ("y", "t")),
    ("loss", "$\\ell = r^2$", ("r",)),
)
# Where each leaf sits: beside the step that reads it; parameters on one side of the chain, data on the other.
LEAVES: dict[str, tuple[int, int]] = {
    "b": (0, 1),
    "c": (1, 1),
    "a": (3, 1),
    "d": (4, 1),
    "x": (0, -1),
    "t": (5, -1),
}
PARAMETERS = ("a", "b", "c", "d")


def _number(value: float) -> str:
    return f"{value:.3g}"


def sweep_figure(sweep: Sweep, *, scheme: str = "light", narrow: bool = False, lang: str = "ko") -> Figure:
    """The black box's computational graph for one sample, with every node's value and adjoint.

    Steps run left to right (top to bottom when `narrow`); each box shows the step, its forward value
    and, in the second colour, its adjoint d(loss)/d(node) from the one backward sweep. The four
    parameters' boxes, drawn in that colour, hold the four partial derivatives.

    ```python
    import numpy as np
    from whybackprop import plotting
    from whybackprop.blackbox import START_THETA
    from whybackprop.reverse import reverse_sweep

    fig = plotting.sweep_figure(reverse_sweep(START_THETA, x=1.0, target=2.0), narrow=True)
    assert len(fig.axes) == 1
    ```

    Args:
        sweep: A `reverse_sweep` result.
        scheme: "light" or "dark".
        narrow: The phone layout (the chain runs downward).
        lang: "ko" or "en", the language of the words.

    Returns:
        The figure.

    Raises:
        ValueError: An unknown `scheme` or `lang`.
    """
    from matplotlib.figure import Figure
    from matplotlib.patches import FancyBboxPatch

    from whybackprop.plotting import FONT_SIZE, NARROW, SMALL_FONT_SIZE, WIDE, _style, labels, palette

    colors, words = palette(scheme), labels(lang)
    forward, backward = colors.text, colors.lines[1]
    values = sweep.values | {"t": sweep.values["y"] - sweep.values["r"]}

    def place(along: float, across: float) -> tuple[float, float]:
        # Wide: the chain runs along x; narrow: down the page, parameters to its left.
        return (along * 1.25, across * 1.15) if not narrow else (-across * 1.25, -along * 1.05)

    with _style(colors, lang):
        width = NARROW if narrow else WIDE
        height = 6.6 if narrow else 3.7
        fig = Figure(figsize=(width, height), dpi=100, layout="constrained")
        ax = fig.add_subplot()
        ax.set_axis_off()
        box_w, box_h = 1.1, 0.86
        centres: dict[str, tuple[float, float]] = {}
        nodes = [(name, text, i, 0) for i, (name, text, _) in enumerate(STEPS)]
        nodes += [(name, f"${name}$", *LEAVES[name]) for name in LEAVES]
        for name, text, along, across in nodes:
            cx, cy = place(along, across)
            centres[name] = (cx, cy)
            edge = backward if name in PARAMETERS else colors.frame
            ax.add_patch(
                FancyBboxPatch(
                    (cx - box_w / 2, cy - box_h / 2),
                    box_w,
                    box_h,
                    boxstyle="round,pad=0.02",
                    facecolor=colors.background,
                    edgecolor=edge,
                    linewidth=2.0 if name in PARAMETERS else 1.0,
                )
            )
            ax.text(cx, cy + 0.24, text, ha="center", va="center", fontsize=FONT_SIZE, color=forward)
            ax.text(
                cx,
                cy,
                _number(values[name]),
                ha="center",
                va="center",
                fontsize=SMALL_FONT_SIZE,
                color=forward,
            )
            if name in sweep.adjoints:
                ax.text(
                    cx,
                    cy - 0.25,
                    _number(sweep.adjoints[name]),
                    ha="center",
                    va="center",
                    fontsize=SMALL_FONT_SIZE,
                    color=backward,
                )
        for name, _, inputs in STEPS:
            for source in inputs:
                ax.annotate(
                    "",
                    xy=centres[name],
                    xytext=centres[source],
                    arrowprops={"arrowstyle": "-|>", "color": colors.muted, "shrinkA": 26, "shrinkB": 26},
                )
        xs = [c[0] for c in centres.values()]
        ys = [c[1] for c in centres.values()]
        ax.set_xlim(min(xs) - box_w * 0.6, max(xs) + box_w * 0.6)
        ax.set_ylim(min(ys) - box_h * 0.6, max(ys) + box_h * 0.6)
        fig.suptitle(words["sweep_title"], color=forward)
        # The key sits in the axes' title, so the layout keeps room for it (it breaks lines only when narrow).
        key = words["sweep_key"] if narrow else words["sweep_key"].replace("\n", " ")
        ax.set_title(key, color=backward, fontsize=SMALL_FONT_SIZE)
    return fig
