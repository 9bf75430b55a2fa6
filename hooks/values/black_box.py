"""The black-box page: the true parameters and what they make of the curve."""

from __future__ import annotations

from whybackprop.blackbox import PARAMETER_NAMES, TRUE_THETA


def values(lang: str) -> dict[str, str]:
    a, b, c, d = (float(v) for v in TRUE_THETA)
    return {
        "n_parameters": str(len(PARAMETER_NAMES)),
        "true_a": f"{a:g}",
        "true_b": f"{b:g}",
        "true_c": f"{c:g}",
        "true_d": f"{d:g}",
        "true_low": f"{d - abs(a):g}",
        "true_high": f"{d + abs(a):g}",
        "true_center": f"{-c / b:.3g}",
    }
