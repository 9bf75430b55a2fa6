# --8<-- [start:lesson]
"""Measure the error of the numerical gradient of f(x) = sin x as the step ε changes (the exact answer is cos x)."""

import numpy as np

from whybackprop import numerical_gradient


def relative_error(x, eps, method):
    """The relative error at x, |numerical gradient − cos x| / |cos x|."""
    slope = numerical_gradient(np.sin, x, eps=eps, method=method)
    return abs(slope - np.cos(x)) / abs(np.cos(x))


steps = np.logspace(-15, 0, 61)  # ε = 10⁻¹⁵ … 1 (1 + 10⁻¹⁶ is 1 in float64)
errors = {  # relative error at x = 1
    method: np.array([relative_error(1.0, h, method) for h in steps]) for method in ["forward", "central"]
}

print("relative error at x = 1")
print("        ε        forward        central")
rows = zip(steps, errors["forward"], errors["central"])
for h, forward, central in list(rows)[::6]:
    print(
        f"{h:9.1e}",
        f"{forward:14.2e}",
        f"{central:14.2e}",
    )

# The smallest error on a grid at one point may be luck: look at the median over many points at the good step ε*
machine_eps = np.finfo(float).eps
points = np.random.default_rng(0).uniform(-3, 3, 200)
best = {"forward": np.sqrt(machine_eps), "central": np.cbrt(machine_eps)}
median = {method: np.median([relative_error(p, eps, method) for p in points]) for method, eps in best.items()}
print("relative error at 200 random x, good ε*")
for method, eps in best.items():
    print(
        f"{method:>7}: ε* = {eps:.1e},",
        f"median {median[method]:.1e}",
    )
# --8<-- [end:lesson]

# From here on, the code that draws the figure. The page shows only the lesson above.
from whybackprop import plotting

CAPTION = (
    "Relative error of the numerical gradient at x = 1 against the step ε (log-log)"  # shown under the figure
)
ALT = (
    "A log-log plot: as the step ε shrinks, the error first falls (with log-log slope 1 for the forward "
    "difference and 2 for the central difference), then, when ε gets too small, rises again because of rounding "
    "error. The smallest error comes near √(machine epsilon) for the forward difference and near ∛(machine epsilon) "
    "for the central difference."
)  # for readers who cannot see the figure


def figure(scheme: str = "light", narrow: bool = False):
    """The figure: scheme is "light" or "dark" (the page's colour scheme), narrow=True lays it out for a phone."""
    return plotting.step_error_figure(
        steps,
        {"forward difference": errors["forward"], "central difference": errors["central"]},
        machine_eps=machine_eps,
        scheme=scheme,
        narrow=narrow,
        lang="en",
    )


if __name__ == "__main__":  # run as a script, it saves the figure as figures/step_error.png
    plotting.save_png(figure(), "step_error", lang="en")
