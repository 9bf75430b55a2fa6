"""The learning page: the fitted optimum, the curvature there, and the learning-rate regimes measured by runs.

Every run here uses one step budget (STEPS) and one kind of gradient, the exact one
(`problem.exact_gradient`), and so do the page's snippets.
"""

from __future__ import annotations

import inspect
from functools import cache
from typing import Any

import numpy as np

from whybackprop import Status, gradient_descent, make_problem, numerical_gradient
from whybackprop.blackbox import START_THETA, TRUE_THETA
from whybackprop.regimes import boundary_learning_rate, two_cycle

from ._format import integer, story

NOISE = inspect.signature(make_problem).parameters["noise"].default  # the data's noise, as drawn

# Learning rates of snippets/learning_rate.py (a test checks the snippet uses the same ones).
GOOD_LR, TOO_LARGE_LR, SLOW_LR = 0.5, 1.0, 0.1
CLOSE = 1e-4  # "close to the lowest loss": L − L* below this (snippets/learning_rate.py prints the same)
STEPS = 3000  # the step budget of every black-box run on the page (snippets/learning_regimes.py too)
CONVERGE_BRACKET = (0.5, 0.8)  # bisection for the largest converging rate
DIVERGE_BRACKET = (0.8, 1.2)  # bisection for the divergence onset
CYCLE_LR = 0.94  # a rate near the top of the bouncing range (the snippet's table shows it)
START_COUNTEREXAMPLE = 0.8  # below 2/λ_max at the start, yet it does not converge
OTHER_LR = 0.9512  # a rate above the onset whose run settles somewhere else
NEIGHBOUR = 1e-4  # its neighbours this far away diverge
PLANE = [0, 3]  # the contour figure's parameters: a and d
FRESH_SEEDS = range(1, 101)  # new data sets from the same curve (the page's data is seed 0)


def hessian(gradient: Any, theta: np.ndarray) -> np.ndarray:
    """The Hessian at `theta`: central differences of the exact gradient, symmetrised."""
    rows = [
        numerical_gradient(lambda t, j=j: gradient(t)[j], theta, method="central") for j in range(theta.size)
    ]
    matrix = np.array(rows)
    return (matrix + matrix.T) / 2


def run(lr: float, steps: int = STEPS) -> Any:
    """One black-box run from the page's start with the exact gradient."""
    problem = make_problem()
    return gradient_descent(problem.loss, START_THETA, lr=lr, steps=steps, grad=problem.exact_gradient)


@cache
def learning_runs() -> dict[str, Any]:
    """The fitted optimum, the run that diverges, the curvature at the optimum and at the start."""
    problem = make_problem()
    fit = run(GOOD_LR)
    too_large = run(TOO_LARGE_LR)
    at_fit = hessian(problem.exact_gradient, fit.theta)
    lam_max = float(np.linalg.eigvalsh(at_fit)[-1])
    lam_start = float(np.linalg.eigvalsh(hessian(problem.exact_gradient, START_THETA))[-1])
    lam_plane = float(np.linalg.eigvalsh(at_fit[np.ix_(PLANE, PLANE)])[-1])
    return {
        "fit": fit,
        "too_large": too_large,
        "lam_max": lam_max,
        "eta_bound": 2 / lam_max,
        "lam_start": lam_start,
        "lam_plane": lam_plane,
        "d_curvature": float(at_fit[3, 3]),
    }


@cache
def regimes() -> dict[str, Any]:
    """The regime boundaries, measured by bisection, and the runs the page quotes."""
    converge_edge = boundary_learning_rate(lambda lr: run(lr).status is Status.CONVERGED, *CONVERGE_BRACKET)
    diverge_edge = boundary_learning_rate(lambda lr: run(lr).status is not Status.DIVERGED, *DIVERGE_BRACKET)
    return {
        "converge_edge": converge_edge,
        "diverge_edge": diverge_edge,
        "cycle": run(CYCLE_LR),
        "just_above": run(converge_edge + 0.01),
        "other": run(OTHER_LR),
        "neighbours": [run(OTHER_LR - NEIGHBOUR), run(OTHER_LR + NEIGHBOUR)],
    }


def quadratic_step(eta_lambda: float, theta0: float = 1.0, lam: float = 4.0, steps: int = 1) -> float:
    """θ after `steps` gradient-descent steps on ½λθ² with ηλ = `eta_lambda`."""
    result = gradient_descent(
        lambda t: 0.5 * lam * t[0] ** 2, [theta0], lr=eta_lambda / lam, steps=steps, grad=lambda t: lam * t
    )
    return float(result.history[-1][0])


def values(lang: str) -> dict[str, str]:
    runs, edges = learning_runs(), regimes()
    fit, too_large = runs["fit"], runs["too_large"]
    cycle, other = edges["cycle"], edges["other"]
    cycle_low, cycle_high = two_cycle(cycle.losses) or (float("nan"), float("nan"))
    start_loss = float(fit.losses[0])
    slow = run(SLOW_LR)
    lowest = min(float(slow.losses.min()), float(fit.losses.min()))
    steps_close = {
        lr: int(np.argmax(r.losses - lowest < CLOSE)) for lr, r in ((SLOW_LR, slow), (GOOD_LR, fit))
    }
    story(
        slow.status is Status.CONVERGED and steps_close[SLOW_LR] > 3 * steps_close[GOOD_LR],
        "the small rate 0.1 converges too, but takes several times as many steps to get close to L*",
    )
    story(
        fit.status is Status.CONVERGED and too_large.status is Status.DIVERGED,
        "the learning rate 0.5 converges and 1 diverges",
    )
    story(
        two_cycle(edges["just_above"].losses) is not None
        and edges["converge_edge"] < CYCLE_LR < edges["diverge_edge"],
        "just above the largest converging rate, and at 0.94, the loss bounces between two values",
    )
    story(start_loss < cycle_low, "at 0.94 both losses of the bounce are above the starting loss")
    story(
        0 < runs["eta_bound"] - edges["converge_edge"] < 0.01,
        "the largest converging rate is just below 2/λ_max at the minimum",
    )
    story(
        other.status is Status.CONVERGED
        and other.losses[-1] > 10 * fit.losses[-1]
        and abs(other.theta[1]) > 100
        and all(n.status is Status.DIVERGED for n in edges["neighbours"])
        and OTHER_LR > edges["diverge_edge"],
        "above the onset, 0.9512 settles elsewhere (tanh a step, |b| > 100, loss > 10× the minimum's) "
        "while its neighbours diverge",
    )
    story(
        2 / runs["lam_start"] > START_COUNTEREXAMPLE
        and run(START_COUNTEREXAMPLE).status is not Status.CONVERGED,
        "2/λ_max at the start would allow 0.8, yet 0.8 does not converge",
    )
    fresh = [make_problem(seed=seed) for seed in FRESH_SEEDS]
    story(
        np.mean([p.loss(TRUE_THETA) for p in fresh]) < np.mean([p.loss(fit.theta) for p in fresh]),
        "on fresh data from the same curve the true parameters have the smaller loss on average",
    )
    story(runs["lam_plane"] <= runs["lam_max"], "the slice's curvature is at most the full λ_max")
    return {
        "good_lr": f"{GOOD_LR:g}",
        "too_large_lr": f"{TOO_LARGE_LR:g}",
        "good_lr_steps": integer(fit.steps, lang),
        "too_large_lr_step": integer(too_large.steps, lang),
        "steps_budget": integer(STEPS, lang),
        "lam_max": f"{runs['lam_max']:.3g}",
        "eta_bound": f"{runs['eta_bound']:.3f}",
        "lam_start": f"{runs['lam_start']:.2f}",
        "eta_bound_start": f"{2 / runs['lam_start']:.2f}",
        "lam_plane": f"{runs['lam_plane']:.2f}",
        "d_curvature": f"{runs['d_curvature']:.2f}",
        "converge_edge": f"{edges['converge_edge']:.3f}",
        "diverge_edge": f"{edges['diverge_edge']:.3f}",
        "converge_bracket": f"[{CONVERGE_BRACKET[0]:g}, {CONVERGE_BRACKET[1]:g}]",
        "diverge_bracket": f"[{DIVERGE_BRACKET[0]:g}, {DIVERGE_BRACKET[1]:g}]",
        "cycle_lr": f"{CYCLE_LR:g}",
        "cycle_low": f"{cycle_low:.3g}",
        "cycle_high": f"{cycle_high:.3g}",
        "start_loss": f"{start_loss:.3g}",
        "other_lr": f"{OTHER_LR:g}",
        "other_b": f"{other.theta[1]:.0f}",
        "other_loss": f"{other.losses[-1]:.3f}",
        "other_neighbours": " · ".join(f"{OTHER_LR + s * NEIGHBOUR:g}" for s in (-1, 1)),
        "slow_lr": f"{SLOW_LR:g}",
        "slow_steps_close": integer(steps_close[SLOW_LR], lang),
        "good_steps_close": integer(steps_close[GOOD_LR], lang),
        "fit_loss": f"{fit.losses[-1]:.6f}",
        "fit_loss_short": f"{fit.losses[-1]:.4f}",
        "start_counterexample": f"{START_COUNTEREXAMPLE:g}",
        "n_samples": str(make_problem().x.size),
        "noise": f"{NOISE:g}",
        "noise_variance": f"{NOISE**2:g}",
        "true_loss": f"{make_problem().loss(TRUE_THETA):.6f}",
        "step_at_eta_lambda_1": f"{quadratic_step(1.0):g}",
        "step_at_eta_lambda_1_5": f"{quadratic_step(1.5):g}",
        "step_at_eta_lambda_2": " → ".join(f"{quadratic_step(2.0, steps=k):g}" for k in (1, 2, 3)),
        "quadratic_lr_limit": f"{2 / 4.0:g}",
    }
