"""The numerical-gradient page: machine epsilon, digits and how the two differences' errors shrink."""

from __future__ import annotations

import math

import numpy as np

from whybackprop import numerical_gradient

from ._format import scientific


def difference_errors(method: str, steps: tuple[float, ...], x: float = 1.0) -> list[float]:
    """|numerical − exact| of sin' at `x` for each step."""
    return [abs(float(numerical_gradient(np.sin, x, eps=h, method=method)) - math.cos(x)) for h in steps]


def values(lang: str) -> dict[str, str]:
    eps_mach = float(np.finfo(np.float64).eps)
    eps_single = float(np.finfo(np.float32).eps)
    # rows of snippets/step_error.py's table (ε = 10^(-15 + k/4), every sixth printed: 10^-1.5 steps)
    forward_table = difference_errors("forward", (1e-3, 1e-6))
    central_table = difference_errors("central", (10**-1.5, 1e-3))
    tiny = difference_errors("forward", (1e-15,))[0] / abs(math.cos(1.0))
    roundoff = eps_mach * math.sin(1.0) / 1e-15  # the round-off term ε_mach·|f|/ε, an absolute error
    float32_forward = -math.log10(math.sqrt(eps_single))
    x2_forward = float(numerical_gradient(lambda t: t[0] ** 2, [3.0], eps=0.1)[0])
    x2_central = float(numerical_gradient(lambda t: t[0] ** 2, [3.0], eps=0.1, method="central")[0])
    return {
        "machine_eps": scientific(eps_mach),
        "machine_eps_log2": str(int(round(math.log2(eps_mach)))),
        "sqrt_machine_eps": scientific(math.sqrt(eps_mach)),
        "float_digits": str(round(-math.log10(eps_mach))),
        "forward_digits": str(round(-math.log10(math.sqrt(eps_mach)))),
        "float32_digits": str(round(-math.log10(eps_single))),
        "float32_forward_digits": str(math.floor(float32_forward)),
        "float32_forward_digits_high": str(math.ceil(float32_forward)),
        "forward_shrink_table": f"{forward_table[0] / forward_table[1]:,.0f}",
        "central_shrink_table": f"{central_table[0] / central_table[1]:,.0f}",
        "roundoff_at_1e15": f"{roundoff:.2g}",
        "roundoff_relative_1e15": f"{roundoff / abs(math.cos(1.0)):.2g}",
        "forward_rel_error_1e15": scientific(tiny),
        "x2_forward_01": f"{x2_forward:.6g}",
        "x2_central_01": f"{x2_central:.6g}",
    }
