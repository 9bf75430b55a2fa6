# --8<-- [start:lesson]
"""Measure the error of the numerical gradient of f(x) = sin x as the step ε changes (the exact answer is cos x)."""

import numpy as np

from whybackprop import numerical_gradient

x, exact = 1.0, np.cos(1.0)
steps = np.logspace(-15, 0, 61)  # ε = 10⁻¹⁵ … 1 (1 + 10⁻¹⁶ is 1 in float64)
errors = {  # relative error |numerical gradient − cos 1| / |cos 1|
    method: np.array(
        [abs(numerical_gradient(np.sin, x, eps=h, method=method) - exact) / abs(exact) for h in steps]
    )
    for method in ["forward", "central"]
}

print("relative error at x = 1")
print("      ε           forward        central")
for h, e_forward, e_central in list(zip(steps, errors["forward"], errors["central"]))[::6]:
    print(f"  {h:8.1e}   {e_forward:12.2e}   {e_central:12.2e}")

# The smallest error on a grid at one point may be luck: look at the median over many points at the good step ε*
machine_eps = np.finfo(float).eps
points = np.random.default_rng(0).uniform(-3, 3, 200)
for method, best in [("forward", np.sqrt(machine_eps)), ("central", np.cbrt(machine_eps))]:
    error = [
        abs(numerical_gradient(np.sin, p, eps=best, method=method) - np.cos(p)) / abs(np.cos(p))
        for p in points
    ]
    print(f"{method:>7}: at ε* = {best:.1e}, median relative error at 200 random x: {np.median(error):.1e}")
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
