"""The black-box page: the true parameters and what they make of the curve."""

from __future__ import annotations

from whybackprop import count_calls, make_problem, numerical_gradient
from whybackprop.blackbox import PARAMETER_NAMES, START_THETA, TRUE_THETA


def loss_calls_per_gradient() -> int:
    """Loss calls of one forward-difference gradient of the black-box loss, counted."""
    loss = count_calls(make_problem().loss)
    numerical_gradient(loss, START_THETA)
    return loss.calls


def values(lang: str) -> dict[str, str]:
    a, b, c, d = (float(v) for v in TRUE_THETA)
    return {
        "n_parameters": str(len(PARAMETER_NAMES)),
        "n_plus_one": str(loss_calls_per_gradient()),
        "true_a": f"{a:g}",
        "true_b": f"{b:g}",
        "true_c": f"{c:g}",
        "true_d": f"{d:g}",
        "true_low": f"{d - abs(a):g}",
        "true_high": f"{d + abs(a):g}",
        "true_center": f"{-c / b:.3g}",
    }
