"""The black-box-gradient page: loss evaluations per gradient and per training run, counted, and the gradient check."""

from __future__ import annotations

import numpy as np

from whybackprop import count_calls, gradient_descent, make_problem, numerical_gradient, predict
from whybackprop.blackbox import PARAMETER_NAMES, START_THETA
from whybackprop.gradcheck import check_gradient, relative_errors

from ._format import integer, scientific, story
from .learning import GOOD_LR, STEPS

FIT_STEPS = 200  # the step budget of snippets/fit_black_box.py
SUSPICIOUS = 1e-4  # the gradient check's threshold in snippets/gradient_check.py


def evaluations(n: int, method: str) -> int:
    """Loss calls of one numerical gradient of an `n`-parameter function, counted."""
    f = count_calls(lambda t: float(np.sum(t**2)))
    numerical_gradient(f, np.ones(n), method=method)
    return f.calls


def values(lang: str) -> dict[str, str]:
    n = len(PARAMETER_NAMES)
    problem = make_problem()
    fit = gradient_descent(problem.loss, START_THETA, lr=GOOD_LR, steps=FIT_STEPS)
    central = gradient_descent(problem.loss, START_THETA, lr=GOOD_LR, steps=FIT_STEPS, method="central")
    converged = gradient_descent(problem.loss, START_THETA, lr=GOOD_LR, steps=STEPS)
    converged_central = gradient_descent(problem.loss, START_THETA, lr=GOOD_LR, steps=STEPS, method="central")
    story(fit.status.name == "MAX_STEPS", f"the run used all {FIT_STEPS} steps (it did not converge earlier)")
    story(
        converged.status.name == converged_central.status.name == "CONVERGED",
        f"with a {STEPS}-step budget both runs converge (and pay the last gradient's N or 2N)",
    )
    exact = problem.exact_gradient(START_THETA)
    wrong = exact.copy()
    wrong[3] /= 2  # the snippet's planted bug: ∂L/∂d without its 2
    central_errors = check_gradient(problem.loss, exact, START_THETA).errors
    wrong_errors = check_gradient(problem.loss, wrong, START_THETA).errors
    forward_errors = relative_errors(numerical_gradient(problem.loss, START_THETA), exact)
    story(
        central_errors.max() < min(1e-7, forward_errors.max())
        and forward_errors.max() < SUSPICIOUS < wrong_errors.max(),
        "the correct code passes (central below 1e-7 and below forward), the planted bug fails",
    )
    relu_kink = float(numerical_gradient(lambda t: max(0.0, float(t[0])), [0.0], method="central")[0])
    story(
        relu_kink == 0.5,
        "at ReLU's kink the central difference is the average of the one-sided slopes 0 and 1",
    )
    residuals = predict(START_THETA, problem.x) - problem.y  # r_i, so that ∂L/∂d = (2/M)Σ r_i = 2·mean(r)
    return {
        "n_parameters": str(n),
        "forward_calls": str(evaluations(n, "forward")),
        "central_calls": str(evaluations(n, "central")),
        "central_step_calls": str(
            evaluations(n, "central") + 1
        ),  # the gradient's 2N and the loss after the move
        "forward_calls_1000": integer(evaluations(1000, "forward"), lang),
        "central_calls_1000": integer(evaluations(1000, "central"), lang),
        "fit_steps": integer(fit.steps, lang),
        "fit_evaluations": integer(fit.loss_evaluations, lang),
        "fit_central_evaluations": integer(central.loss_evaluations, lang),
        "steps_budget": integer(STEPS, lang),
        "good_lr": f"{GOOD_LR:g}",
        "converged_steps": integer(converged.steps, lang),
        "converged_evaluations": integer(converged.loss_evaluations, lang),
        "converged_central_evaluations": integer(converged_central.loss_evaluations, lang),
        "forward_max_error": scientific(float(forward_errors.max()), 2),
        "central_max_error": scientific(float(central_errors.max()), 2),
        "wrong_error": f"{wrong_errors.max():.2g}",
        "relu_kink": f"{relu_kink:g}",
        "mean_residual": f"{residuals.mean():.4f}",
        "d_partial": f"{exact[3]:.4f}",
        "d_partial_numeric": f"{numerical_gradient(problem.loss, START_THETA)[3]:.4f}",
    }
