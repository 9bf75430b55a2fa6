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
    forward_10x = difference_errors("forward", (1e-3, 1e-4))
    central_10x = difference_errors("central", (1e-2, 1e-3))
    x2_forward = float(numerical_gradient(lambda t: t[0] ** 2, [3.0], eps=0.1)[0])
    x2_central = float(numerical_gradient(lambda t: t[0] ** 2, [3.0], eps=0.1, method="central")[0])
    return {
        "machine_eps": scientific(eps_mach),
        "machine_eps_log2": str(int(round(math.log2(eps_mach)))),
        "sqrt_machine_eps": scientific(math.sqrt(eps_mach)),
        "float_digits": str(round(-math.log10(eps_mach))),
        "forward_digits": str(round(-math.log10(math.sqrt(eps_mach)))),
        "float32_digits": str(round(-math.log10(eps_single))),
        "float32_forward_digits": str(round(-math.log10(math.sqrt(eps_single)))),
        "forward_shrink_10x": f"{forward_10x[0] / forward_10x[1]:.3g}",
        "central_shrink_10x": f"{central_10x[0] / central_10x[1]:.3g}",
        "roundoff_at_1e15": f"{eps_mach * math.sin(1.0) / 1e-15:.2g}",
        "x2_forward_01": f"{x2_forward:.6g}",
        "x2_central_01": f"{x2_central:.6g}",
    }
