"""The chapter's figures: one function per figure, each returning a matplotlib Figure.

This package only draws. Every figure function takes three keywords:

- ``scheme="light"`` or ``"dark"``: the colours, drawn by matplotlib (a dark background with
  light text and lines for the dark scheme, not a filter over the light figure);
- ``narrow=False`` or ``True``: the layout, wide for a desktop column (``WIDE`` inches) or narrow
  for a phone (``NARROW`` inches, panels stacked), both with the same font sizes (``FONT_SIZE``,
  the smallest ``SMALL_FONT_SIZE``), so text stays readable once the browser scales the figure;
- ``lang="ko"`` (the default) or ``"en"``: the language of its visible words, all of which sit in
  ``LABELS``, one table per language. Korean labels need a Hangul font: the first installed of
  ``KOREAN_FONTS`` is used (Debian: ``apt install fonts-nanum``); English figures are drawn with
  DejaVu Sans (matplotlib's own font) and need no other font.

``save_png(fig, name)`` saves a figure as ``figures/NAME.png`` under the current folder (the
project ignores ``figures/``); a snippet calls it under ``if __name__ == "__main__":``. How a
figure reaches a page is the site build's business (``hooks/figures.py``); in a notebook, end a
cell with the Figure (after ``%matplotlib inline``) and Jupyter shows it. matplotlib is imported
only when a figure is drawn: ``from whybackprop import plotting`` works without it.

Modules: ``style`` (colours, sizes, fonts), ``words`` (the labels of both languages), ``canvas``
(the one helper every figure is drawn on, and ``save_png``), ``figures`` (the figures, by page).
"""

from whybackprop.plotting.canvas import Canvas, Layout, canvas, decades, save_png
from whybackprop.plotting.figures import (
    COST_METHODS,
    LossSurface,
    contour_figure,
    cost_vs_n_figure,
    fit_figure,
    fitted_line,
    learning_rate_figure,
    loss_surface,
    parameter_effects_figure,
    secant_figure,
    step_error_figure,
    sweep_figure,
)
from whybackprop.plotting.style import (
    DPI,
    FONT_SIZE,
    KOREAN_FONTS,
    MARKERS,
    NARROW,
    PALETTES,
    SMALL_FONT_SIZE,
    WIDE,
    Palette,
    Scheme,
    korean_font,
    palette,
    rendering,
)
from whybackprop.plotting.words import LABELS, labels

__all__ = [
    "COST_METHODS",
    "DPI",
    "FONT_SIZE",
    "KOREAN_FONTS",
    "LABELS",
    "MARKERS",
    "NARROW",
    "PALETTES",
    "SMALL_FONT_SIZE",
    "WIDE",
    "Canvas",
    "Layout",
    "LossSurface",
    "Palette",
    "Scheme",
    "canvas",
    "contour_figure",
    "cost_vs_n_figure",
    "decades",
    "fit_figure",
    "fitted_line",
    "korean_font",
    "labels",
    "learning_rate_figure",
    "loss_surface",
    "palette",
    "parameter_effects_figure",
    "rendering",
    "save_png",
    "secant_figure",
    "step_error_figure",
    "sweep_figure",
]
