"""Learning-rate regimes of gradient descent, measured by runs: where convergence ends, where divergence starts."""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
from numpy.typing import ArrayLike

from whybackprop._checks import check_int, check_positive
from whybackprop.descent import DescentResult, Status


def boundary_learning_rate(
    holds: Callable[[float], bool], low: float, high: float, *, tol: float = 1e-4
) -> float:
    """The learning rate where `holds` stops being true, found by bisection in [`low`, `high`].

    `holds(low)` must be true and `holds(high)` false; the answer is the last rate seen where it
    holds, within `tol` of a rate where it does not. Bisection finds one crossing: if `holds`
    changes more than once in the interval, it finds one of them (which depends on the interval).

    ```python
    from whybackprop.regimes import boundary_learning_rate

    edge = boundary_learning_rate(lambda lr: lr < 0.3, 0.0, 1.0, tol=1e-6)
    assert 0.3 - 1e-6 <= edge < 0.3
    ```

    Args:
        holds: Whether a run with the given learning rate has the property (e.g. it converges).
        low: A rate where `holds` is true.
        high: A rate where `holds` is false, greater than `low`.
        tol: The width of the final bracket, positive.

    Raises:
        ValueError: `low` >= `high`, `tol` not positive, or `holds` not true at `low` and false at `high`.
    """
    check_positive(tol, "tol")
    if not (math.isfinite(low) and math.isfinite(high) and low < high):
        raise ValueError(f"low must be below high (both finite), got low={low}, high={high}")
    if not holds(low):
        raise ValueError(
            f"holds(low) must be true at low={low}: the bracket does not start inside the regime"
        )
    if holds(high):
        raise ValueError(
            f"holds(high) must be false at high={high}: the bracket does not reach past the regime"
        )
    while high - low > tol:
        middle = (low + high) / 2
        if holds(middle):
            low = middle
        else:
            high = middle
    return low


def two_cycle(losses: ArrayLike, *, rtol: float = 1e-9, window: int = 4) -> tuple[float, float] | None:
    """The two losses a run bounces between at its end, or None if it does not end in a 2-cycle.

    A 2-cycle: over the last `window` losses every second value repeats (within `rtol`), while
    neighbours differ by more than that; a run that settles on one value is not a cycle.

    ```python
    from whybackprop.regimes import two_cycle

    assert two_cycle([5.0, 1.0, 2.0, 1.0, 2.0]) == (1.0, 2.0)
    assert two_cycle([5.0, 1.0, 1.0, 1.0, 1.0]) is None
    ```

    Args:
        losses: The losses of a run, in order (e.g. `DescentResult.losses`).
        rtol: The relative difference below which two losses count as equal.
        window: How many final losses must show the pattern, an even number >= 4.

    Raises:
        ValueError: `rtol` not positive, `window` odd or below 4.
    """
    check_positive(rtol, "rtol")
    check_int(window, "window", 4)
    if window % 2:
        raise ValueError(f"window must be even, got {window}")
    tail = [float(x) for x in np.asarray(losses, dtype=np.float64).reshape(-1)[-window:]]
    if len(tail) < window or not all(math.isfinite(x) for x in tail):
        return None

    def same(x: float, y: float) -> bool:
        return abs(x - y) <= rtol * max(abs(x), abs(y))

    repeats = all(same(tail[k], tail[k + 2]) for k in range(window - 2))
    if not repeats or same(tail[-1], tail[-2]):
        return None
    low, high = sorted(tail[-2:])
    return low, high


def regime(result: DescentResult) -> str:
    """How a run ended, in one word: "converged", "two-cycle", "diverged" or "other".

    ```python
    from whybackprop import gradient_descent
    from whybackprop.regimes import regime

    square = lambda t: float(t[0] ** 2)
    grad = lambda t: 2 * t
    assert regime(gradient_descent(square, [1.0], lr=0.1, steps=500, grad=grad)) == "converged"
    assert regime(gradient_descent(square, [1.0], lr=1.0, steps=50, grad=grad)) == "other"  # θ = ±1: L stays 1
    assert regime(gradient_descent(square, [1.0], lr=1.5, steps=500, grad=grad)) == "diverged"
    ```
    """
    if result.status is Status.CONVERGED:
        return "converged"
    if result.status is Status.DIVERGED:
        return "diverged"
    return "two-cycle" if two_cycle(result.losses) is not None else "other"
