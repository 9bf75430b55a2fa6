# --8<-- [start:lesson]
"""Train the black-box model by gradient descent using nothing but numerical gradients (forward difference)."""

import numpy as np

from whybackprop import gradient_descent, make_problem, numerical_gradient
from whybackprop.blackbox import PARAMETER_NAMES, START_THETA, TRUE_THETA

problem = make_problem()
N = len(PARAMETER_NAMES)
result = gradient_descent(
    problem.loss, START_THETA, lr=0.5, steps=200
)  # without grad, the gradient is numerical

# Stopping rule: stop as 'converged' once the gradient norm is 1e-8 or less, otherwise run all the steps
norm = np.linalg.norm(numerical_gradient(problem.loss, result.theta))
if result.status.name == "CONVERGED":
    print(f"Converged: gradient norm 1e-8 or less after {result.steps} steps")
else:
    print(f"Ran all {result.steps} steps")
    print(f"gradient norm {norm:.1e} > threshold 1e-8")
print(f"loss {result.losses[0]:.6f} → {result.losses[-1]:.6f}")
print(f"decrease over the last 50 steps {result.losses[-51] - result.losses[-1]:.1e}")
rows = zip(PARAMETER_NAMES, result.theta, TRUE_THETA)
for name, learned, true in rows:
    print(
        f"{name}: learned {learned:+.4f}",
        f"  true {true:+.4f}",
    )
print(f"loss evaluations = {result.loss_evaluations}")
print(f"  = 1 + {result.steps} × (N + 1) = 1 + {result.steps} × {N + 1}")
assert result.loss_evaluations == 1 + result.steps * (N + 1)
# --8<-- [end:lesson]

# From here on, the code that draws the figure. The page shows only the lesson above.
from whybackprop import plotting

CAPTION = "The data and the black-box model trained with numerical gradients"  # shown under the figure
ALT = (
    "Data points and three curves: the flat curve of the start values, before training, is far from the data; "
    "the curve trained with numerical gradients almost covers the curve of the true values behind the data."
)  # for readers who cannot see the figure


def figure(scheme: str = "light", narrow: bool = False):
    """The figure: scheme is "light" or "dark" (the page's colour scheme), narrow=True lays it out for a phone."""
    return plotting.fit_figure(problem, result.theta, scheme=scheme, narrow=narrow, lang="en")


if __name__ == "__main__":  # run as a script, it saves the figure as figures/fit_black_box.png
    plotting.save_png(figure(), "fit_black_box", lang="en")
