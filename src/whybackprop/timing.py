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
    """Layers of `width` units needed to reach about `n_params` parameters (at least one).

    ```python
    from whybackprop.timing import stacked_depth

    assert stacked_depth(100_000) == 909  # 909 layers of 10 x 10 weights and 10 biases
    ```

    Args:
        n_params: N, at least 1.
        width: Units per layer.

    Returns:
        round(N / (width^2 + width)), at least 1.

    Raises:
        ValueError: `n_params` < 1.
        TypeError: `n_params` is not an int.
    """
    n_params = check_int(n_params, "n_params", 1)
    return max(1, round(n_params / (width * width + width)))


def multiplication_rate(results: dict[str, Any], gradient: Gradient) -> float:
    """Multiplications per second of `gradient`, measured at the benchmark's largest N.

    ```python
    import json
    from pathlib import Path
    from whybackprop.timing import multiplication_rate

    results = json.loads(Path("benchmarks/results/cost_vs_n.json").read_text(encoding="utf-8"))
    assert multiplication_rate(results, "backprop") > 0
    ```

    Args:
        results: The cost benchmark's results (`benchmarks/results/cost_vs_n.json`, parsed).
        gradient: `"numerical"` or `"backprop"`.

    Returns:
        The exact multiplication count of that gradient divided by its measured seconds.

    Raises:
        ValueError: An unknown `gradient`.
    """
    check_choice(gradient, "gradient", GRADIENTS)
    largest = max(results["points"], key=lambda point: point["n_params"])
    return float(largest["multiplications"][gradient]) / float(largest[gradient]["seconds"])


def predicted_seconds(results: dict[str, Any], n_params: int, gradient: Gradient) -> float:
    """Seconds of one `gradient` for the benchmark's network family with about `n_params` parameters.

    ```python
    import json
    from pathlib import Path
    from whybackprop import predicted_seconds

    results = json.loads(Path("benchmarks/results/cost_vs_n.json").read_text(encoding="utf-8"))
    ratio = predicted_seconds(results, 10**6, "numerical") / predicted_seconds(results, 10**5, "numerical")
    assert 95 < ratio < 105  # ten times the parameters, about a hundred times the time
    ```

    Args:
        results: The cost benchmark's results (`benchmarks/results/cost_vs_n.json`, parsed).
        n_params: N, at least 1.
        gradient: `"numerical"` or `"backprop"`.

    Returns:
        That network's exact multiplication count divided by the measured rate.

    Raises:
        ValueError: `n_params` < 1 or an unknown `gradient`.
        TypeError: `n_params` is not an int.
    """
    setup = results["setup"]
    depth = stacked_depth(n_params, setup["width"])
    counts = stacked_network_multiplications(setup["width"], depth, setup["batch"])
    return counts[gradient] / multiplication_rate(results, gradient)
