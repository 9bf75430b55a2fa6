# --8<-- [start:lesson]
"""The black-box model
y = a·tanh(b·x + c) + d: its output depends
on the parameters θ = (a, b, c, d)."""

import numpy as np

from whybackprop import predict
from whybackprop.blackbox import (
    PARAMETER_NAMES,
    START_THETA,
    TRUE_THETA,
)

names = ", ".join(PARAMETER_NAMES)
N = len(PARAMETER_NAMES)
print(f"parameters: {names} (N = {N})")

x = np.array([-2.0, 0.0, 2.0])
print(f"      x = {x}")
cases = [
    ("true", TRUE_THETA),
    ("start", START_THETA),
]
for label, theta in cases:
    y = predict(theta, x).round(3)
    print(f"{label:>5} θ = {theta}")
    print(f"      y = {y}")
# --8<-- [end:lesson]

# From here on, the code that draws the figure. The page shows only the lesson above.
from whybackprop import plotting

CAPTION = (
    "The black-box model's output as each of the parameters a, b, c, d changes"  # shown under the figure
)
ALT = (
    "Four plots: a stretches the curve vertically, b makes its middle steeper, "
    "c shifts it sideways and d moves the whole curve up or down."
)  # for readers who cannot see the figure


def figure(scheme: str = "light", narrow: bool = False):
    """The figure: scheme is "light" or "dark" (the page's colour scheme), narrow=True lays it out for a phone."""
    return plotting.parameter_effects_figure(scheme=scheme, narrow=narrow, lang="en")


if __name__ == "__main__":  # run as a script, it saves the figure as figures/parameter_effects.png
    plotting.save_png(figure(), "parameter_effects", lang="en")
