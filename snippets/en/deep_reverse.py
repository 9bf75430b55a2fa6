# --8<-- [start:lesson]
"""Reverse mode on the black-box model's computational graph: one forward and one backward sweep give all four partials."""

import numpy as np

from whybackprop import BlackBoxProblem, make_problem
from whybackprop.blackbox import PARAMETER_NAMES, START_THETA
from whybackprop.reverse import reverse_sweep

problem = make_problem()
i = int(np.argmin(abs(problem.x - 1.0)))  # the sample of the data whose x is nearest 1
x, t = problem.x[i], problem.y[i]
sweep = reverse_sweep(START_THETA, x, t)
gradient = dict(zip(PARAMETER_NAMES, sweep.gradient))
print(f"sample (x, t) = ({x:.3f}, {t:.3f})")
print(f"start θ = {START_THETA}")
print(f"forward sweep ({sweep.forward_multiplications} multiplications):")
print(f"  loss ℓ = {sweep.values['loss']:.4f}")
print(f"one backward sweep ({sweep.backward_multiplications} multiplications):")
for name, partial in gradient.items():
    print(f"  ∂ℓ/∂{name} = {partial:8.4f}")

# The same as the analytic gradient of a problem holding only this sample.
one_sample = BlackBoxProblem(x=problem.x[i : i + 1], y=problem.y[i : i + 1])
assert np.allclose(sweep.gradient, one_sample.exact_gradient(START_THETA), rtol=1e-12)
print("Matches exact_gradient.")
# --8<-- [end:lesson]

# From here on, the code that draws the figure. The page shows only the lesson above.
from whybackprop import plotting

CAPTION = "The black-box model's computational graph: one sample's forward values and the partials from one backward sweep"  # shown under the figure
ALT = (
    "The computational graph of y = a·tanh(bx + c) + d and the loss (y − t)², in seven steps. Each box "
    "shows its forward value and the ∂ℓ/∂(node) that the backward sweep computed on its way down from "
    "the loss. The boxes of the parameters a, b, c, d collect all four partials at once: "
    + ", ".join(f"{name} {partial:.3g}" for name, partial in gradient.items())
    + "."
)  # for readers who cannot see the figure


def figure(scheme: str = "light", narrow: bool = False):
    """The figure: scheme is "light" or "dark", narrow=True gives the narrow layout for phones."""
    return plotting.sweep_figure(sweep, scheme=scheme, narrow=narrow, lang="en")


if __name__ == "__main__":  # run as a script, it saves the figure as figures/deep_reverse.png
    plotting.save_png(figure(), "deep_reverse", lang="en")
