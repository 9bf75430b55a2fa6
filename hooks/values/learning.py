"""The learning page: the fitted optimum, the curvature there and the learning rates that work."""

from __future__ import annotations

from functools import cache
from typing import Any

import numpy as np

from whybackprop import gradient_descent, make_problem, numerical_gradient
from whybackprop.blackbox import START_THETA, TRUE_THETA

from ._format import integer, story

# Learning rates of snippets/learning_rate.py (a test checks the snippet uses the same ones).
GOOD_LR, TOO_LARGE_LR = 0.5, 1.0


def hessian(gradient: Any, theta: np.ndarray) -> np.ndarray:
    """The Hessian at `theta`: central differences of the exact gradient, symmetrised."""
    rows = [
        numerical_gradient(lambda t, j=j: gradient(t)[j], theta, method="central") for j in range(theta.size)
    ]
    matrix = np.array(rows)
    return (matrix + matrix.T) / 2


@cache
def learning_runs() -> dict[str, Any]:
    """The fitted optimum, the run that diverges, the curvature at the optimum and the stable rates."""
    problem = make_problem()
    fit = gradient_descent(problem.loss, START_THETA, lr=GOOD_LR, steps=1000, grad=problem.exact_gradient)
    too_large = gradient_descent(
        problem.loss, START_THETA, lr=TOO_LARGE_LR, steps=300, grad=problem.exact_gradient
    )
    lam_max = float(np.linalg.eigvalsh(hessian(problem.exact_gradient, fit.theta))[-1])
    return {"fit": fit, "too_large": too_large, "lam_max": lam_max, "eta_bound": 2 / lam_max}


def quadratic_step(eta_lambda: float, theta0: float = 1.0, lam: float = 4.0) -> float:
    """θ after one gradient-descent step on ½λθ² with ηλ = `eta_lambda`."""
    run = gradient_descent(
        lambda t: 0.5 * lam * t[0] ** 2, [theta0], lr=eta_lambda / lam, steps=1, grad=lambda t: lam * t
    )
    return float(run.history[-1][0])


def values(lang: str) -> dict[str, str]:
    runs = learning_runs()
    fit, too_large = runs["fit"], runs["too_large"]
    story(
        GOOD_LR < runs["eta_bound"] < TOO_LARGE_LR
        and fit.status.name == "CONVERGED"
        and too_large.status.name == "DIVERGED",
        "the learning rate that converged is below 2/λ_max and the one that diverged is above it",
    )
    return {
        "good_lr": f"{GOOD_LR:g}",
        "too_large_lr": f"{TOO_LARGE_LR:g}",
        "good_lr_steps": integer(fit.steps, lang),
        "too_large_lr_step": integer(too_large.steps, lang),
        "lam_max": f"{runs['lam_max']:.3g}",
        "fit_loss": f"{fit.losses[-1]:.6f}",
        "true_loss": f"{make_problem().loss(TRUE_THETA):.6f}",
        "eta_bound": f"{runs['eta_bound']:.2g}",
        "step_at_eta_lambda_1": f"{quadratic_step(1.0):g}",
        "step_at_eta_lambda_1_5": f"{quadratic_step(1.5):g}",
        "quadratic_lr_limit": f"{2 / 4.0:g}",
    }
