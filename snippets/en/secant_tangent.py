# --8<-- [start:lesson]
"""Secants and the tangent: forward and central differences approximate the tangent's slope (the derivative) by a secant's slope."""

import numpy as np

x, eps = 1.0, 0.8  # a large step, so that the figure shows it
tangent = np.cos(x)  # the tangent's slope of f(x) = sin x (exact)
forward = (np.sin(x + eps) - np.sin(x)) / eps
central = (np.sin(x + eps) - np.sin(x - eps)) / (2 * eps)
print(f"slope of the tangent cos 1 = {tangent:.3f}")
print(f"forward (ε = {eps}) = {forward:.3f}, off by {forward - tangent:+.3f}")
print(f"central (ε = {eps}) = {central:.3f}, off by {central - tangent:+.3f}")
# --8<-- [end:lesson]

# From here on, the code that draws the figure. The page shows only the lesson above.
from whybackprop import plotting

CAPTION = "The tangent of f(x) = sin x and two secants: the central-difference secant is nearly parallel to the tangent"  # shown under the figure
ALT = (
    "Three points x − ε, x and x + ε on a sine curve, and three lines. The solid line is the tangent at x, the "
    "dashed line the forward-difference secant through x and x + ε, the dotted line the central-difference secant "
    "through x − ε and x + ε. The forward secant is visibly flatter than the tangent; the central secant is "
    "nearly parallel to it."
)  # for readers who cannot see the figure


def figure(scheme: str = "light", narrow: bool = False):
    """The figure: scheme is "light" or "dark" (the page's colour scheme), narrow=True lays it out for a phone."""
    return plotting.secant_figure(np.sin, tangent, x, eps, scheme=scheme, narrow=narrow, lang="en")


if __name__ == "__main__":  # run as a script, it saves the figure as figures/secant_tangent.png
    plotting.save_png(figure(), "secant_tangent", lang="en")
