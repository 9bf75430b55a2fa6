"""The one way a figure is made and saved: a canvas in a scheme, a language and a layout (wide for a
desktop column, narrow for a phone), log axes labelled in powers of ten, and PNG files for scripts."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import numpy as np

from whybackprop.plotting.style import DPI, FONT_SIZE, NARROW, WIDE, Palette, palette, rendering, styled
from whybackprop.plotting.words import labels

if TYPE_CHECKING:
    from matplotlib.figure import Figure


@dataclass(frozen=True)
class Layout:
    """A grid of panels and the figure's height in inches (its width is WIDE or NARROW)."""

    rows: int
    cols: int
    height: float


class Canvas(NamedTuple):
    fig: Figure
    axes: list[Any]  # matplotlib Axes, row by row
    colors: Palette
    words: dict[str, str]


@contextlib.contextmanager
def canvas(
    scheme: str, lang: str, narrow: bool, wide: Layout, phone: Layout | None = None
) -> Iterator[Canvas]:
    """A new figure in `scheme`'s colours and `lang`'s words, laid out as `phone` if `narrow` (default:
    the `wide` layout) else `wide`. Draw inside the `with`: legends and titles read the settings when
    they are made."""
    from matplotlib.figure import Figure

    colors = palette(scheme)
    words = labels(lang)
    layout = (phone or wide) if narrow else wide
    with styled(colors, lang):
        fig = Figure(figsize=(NARROW if narrow else WIDE, layout.height), dpi=DPI, layout="constrained")
        axes = list(fig.subplots(layout.rows, layout.cols, squeeze=False).flat)
        for ax in axes:  # ticks made later, at draw time, keep these colours whatever the settings then
            ax.tick_params(which="both", color=colors.frame, labelcolor=colors.text, labelsize=FONT_SIZE)
            ax.grid(True, color=colors.grid)
        yield Canvas(fig, axes, colors, words)


def decades(axis: Any) -> None:
    """Label a log axis $10^{k}$ in math fonts: matplotlib's own labels use the text font (\\mathdefault),
    and Hangul fonts have no U+2212 minus sign."""
    from matplotlib.ticker import FuncFormatter, NullFormatter

    def label(value: float, _position: int) -> str:
        k = np.log10(value) if value > 0 else np.nan
        return f"$10^{{{k:.0f}}}$" if np.isfinite(k) and abs(k - round(k)) < 1e-9 else ""

    axis.set_major_formatter(FuncFormatter(label))
    axis.set_minor_formatter(NullFormatter())


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
