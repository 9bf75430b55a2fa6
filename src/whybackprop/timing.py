"""How long one gradient takes for any N, predicted from a measured run of the cost benchmark.

`benchmarks/cost_vs_n.py` times one numerical gradient and one backprop gradient for networks of
width-10 layers stacked to reach N parameters. Its largest point gives a rate: multiplications per
second on that machine. The time for another N is that network's exact multiplication count divided
by the rate. Every time the site states (the deep-network page, its quiz, the cost calculator)
comes from this one function, so no two numbers on the site disagree.
"""

from __future__ import annotations

from typing import Any, Literal

from whybackprop._checks import check_choice, check_int
from whybackprop.cost import stacked_network_multiplications

Gradient = Literal["numerical", "backprop"]
GRADIENTS: tuple[Gradient, ...] = ("numerical", "backprop")


def stacked_depth(n_params: int, width: int = 10) -> int:
    """Layers of `width` units needed to reach about `n_params` parameters (at least one)."""
    n_params = check_int(n_params, "n_params", 1)
    return max(1, round(n_params / (width * width + width)))


def multiplication_rate(results: dict[str, Any], gradient: Gradient) -> float:
    """Multiplications per second of `gradient`, measured at the benchmark's largest N."""
    check_choice(gradient, "gradient", GRADIENTS)
    largest = max(results["points"], key=lambda point: point["n_params"])
    return float(largest["multiplications"][gradient]) / float(largest[gradient]["seconds"])


def predicted_seconds(results: dict[str, Any], n_params: int, gradient: Gradient) -> float:
    """Seconds of one `gradient` for the benchmark's network family with about `n_params` parameters."""
    setup = results["setup"]
    depth = stacked_depth(n_params, setup["width"])
    counts = stacked_network_multiplications(setup["width"], depth, setup["batch"])
    return counts[gradient] / multiplication_rate(results, gradient)
