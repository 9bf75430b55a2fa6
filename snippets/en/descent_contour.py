"""Gradient descent on the loss contours: only the two parameters a and d move; b and c stay at their learned values."""

import numpy as np

from whybackprop import gradient_descent, make_problem, numerical_gradient, plotting
from whybackprop.blackbox import START_THETA

problem = make_problem()
best = gradient_descent(problem.loss, START_THETA, lr=0.5, steps=3000, grad=problem.exact_gradient).theta
PLANE = [0, 3]  # the parameters that move: a and d


def in_plane(u):
    """A point (a, d) of the plane → all four parameters (b and c as learned)."""
    theta = best.copy()
    theta[PLANE] = u
    return theta


def loss(u):
    return problem.loss(in_plane(u))


def grad(u):
    return problem.exact_gradient(in_plane(u))[PLANE]


# How sharply the loss curves in this plane: the largest eigenvalue of the Hessian (central differences of the gradient) at the minimum
hessian = np.array(
    [numerical_gradient(lambda u, j=j: grad(u)[j], best[PLANE], method="central") for j in range(2)]
)
lam_max = np.linalg.eigvalsh((hessian + hessian.T) / 2)[-1]
print(f"in this plane λ_max ≈ {lam_max:.2f}, stable learning rates η < 2/λ_max ≈ {2 / lam_max:.2f}")

runs = {}
for lr in [0.5, 1.2]:
    run = gradient_descent(loss, START_THETA[PLANE], lr=lr, steps=300, grad=grad)
    runs[lr] = run
    if run.status.name == "CONVERGED":
        print(f"η = {lr:g}: converged after {run.steps} steps at (a, d) = {run.theta.round(3)}")
    elif run.status.name == "DIVERGED":
        print(f"η = {lr:g}: diverged, by step {run.steps} the loss had grown to {run.losses[-1]:.3g}")
    else:
        print(f"η = {lr:g}: ran all {run.steps} steps without meeting the convergence criterion")
assert runs[0.5].status.name == "CONVERGED" and runs[1.2].status.name == "DIVERGED"
assert 0.5 < 2 / lam_max < 1.2  # the converging η is below the limit, the diverging one above it

CAPTION = "Loss contours in the (a, d) plane and the paths of two learning rates"  # shown under the figure
ALT = (
    "A contour plot: a on the horizontal axis, d on the vertical one, a star in the middle at the lowest loss. "
    "The path of the suitable learning rate heads straight from the start to the star; the path of the too-large "
    "learning rate bounces up and down along d, swinging wider each time, until it leaves the plot."
)  # for readers who cannot see the figure


# The loss on the plane, sampled once: figure() draws it four times (light, dark, wide, narrow).
surface = plotting.loss_surface(loss, optimum=best[PLANE], xlim=(0.5, 3.5), ylim=(-2.5, 3.0))


def figure(scheme: str = "light", narrow: bool = False):
    """The figure: scheme is "light" or "dark" (the page's colour scheme), narrow=True lays it out for a phone."""
    paths = {
        f"$\\eta$ = {lr:g} ({'converges' if run.status.name == 'CONVERGED' else 'diverges'})": run.history
        for lr, run in runs.items()
    }
    return plotting.contour_figure(
        surface,
        paths,
        names=("a", "d"),
        scheme=scheme,
        narrow=narrow,
        lang="en",
    )


if __name__ == "__main__":  # run as a script, it saves the figure as figures/descent_contour.png
    plotting.save_png(figure(), "descent_contour", lang="en")
