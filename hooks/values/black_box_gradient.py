"""The black-box-gradient page: loss evaluations per gradient and per training run, counted."""

from __future__ import annotations

import numpy as np

from whybackprop import count_calls, gradient_descent, make_problem, numerical_gradient
from whybackprop.blackbox import PARAMETER_NAMES, START_THETA

from ._format import integer, story
from .learning import GOOD_LR

FIT_STEPS = 200  # the step budget of snippets/fit_black_box.py


def evaluations(n: int, method: str) -> int:
    """Loss calls of one numerical gradient of an `n`-parameter function, counted."""
    f = count_calls(lambda t: float(np.sum(t**2)))
    numerical_gradient(f, np.ones(n), method=method)
    return f.calls


def values(lang: str) -> dict[str, str]:
    n = len(PARAMETER_NAMES)
    fit = gradient_descent(make_problem().loss, START_THETA, lr=GOOD_LR, steps=FIT_STEPS)
    central = gradient_descent(
        make_problem().loss, START_THETA, lr=GOOD_LR, steps=FIT_STEPS, method="central"
    )
    story(fit.status.name == "MAX_STEPS", f"the run used all {FIT_STEPS} steps (it did not converge earlier)")
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
    }
