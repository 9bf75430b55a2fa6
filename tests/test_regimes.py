"""regimes: bisection for a learning-rate boundary, the 2-cycle detector, the one-word regime of a run."""

from __future__ import annotations

import numpy as np
import pytest

from whybackprop import Status, gradient_descent
from whybackprop.regimes import boundary_learning_rate, regime, two_cycle

LAM = 4.0  # L = ½·λ·θ²: converges for η < 2/λ = 0.5, bounces at 0.5, diverges above


def quadratic_run(lr: float, steps: int = 2000):
    return gradient_descent(
        lambda t: 0.5 * LAM * float(t[0] ** 2), [1.0], lr=lr, steps=steps, grad=lambda t: LAM * t
    )


def test_bisection_finds_the_quadratic_s_convergence_boundary() -> None:
    edge = boundary_learning_rate(lambda lr: quadratic_run(lr).status is Status.CONVERGED, 0.1, 0.9, tol=1e-5)
    assert edge < 2 / LAM
    assert edge > 2 / LAM - 0.01  # the factor |1 − ηλ| near 1 needs many steps: close, not exact
    assert quadratic_run(edge).status is Status.CONVERGED


def test_bisection_returns_a_rate_that_holds_within_tol_of_one_that_does_not() -> None:
    calls: list[float] = []

    def holds(lr: float) -> bool:
        calls.append(lr)
        return lr <= 0.3

    edge = boundary_learning_rate(holds, 0.0, 1.0, tol=1e-3)
    assert holds(edge) and not holds(edge + 1e-3)
    assert len(calls) <= 2 + 11 + 2  # the two ends, about log2(1/1e-3) halvings, the check above


@pytest.mark.parametrize(
    ("low", "high", "message"),
    [
        (0.5, 0.1, "low must be below high"),
        (0.6, 0.9, "holds\\(low\\) must be true"),
        (0.1, 0.2, "holds\\(high\\)"),
    ],
)
def test_bisection_refuses_a_bracket_that_does_not_straddle(low: float, high: float, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        boundary_learning_rate(lambda lr: lr < 0.5, low, high)


def test_bisection_refuses_a_non_positive_tol() -> None:
    with pytest.raises(ValueError, match="tol"):
        boundary_learning_rate(lambda lr: lr < 0.5, 0.0, 1.0, tol=0.0)


def test_two_cycle_reads_the_bounce_and_not_a_settled_or_growing_run() -> None:
    assert two_cycle([9.0, 1.0, 3.0, 1.0, 3.0]) == (1.0, 3.0)
    assert two_cycle([9.0, 2.0, 2.0, 2.0, 2.0]) is None  # settled on one value
    assert two_cycle([1.0, 2.0, 4.0, 8.0, 16.0]) is None  # growing
    assert two_cycle([1.0, 3.0, 1.0]) is None  # too short to tell
    assert two_cycle([1.0, 3.0, 1.0, float("inf")]) is None


def test_two_cycle_refuses_a_bad_window() -> None:
    with pytest.raises(ValueError, match="even"):
        two_cycle([1.0] * 8, window=5)
    with pytest.raises(ValueError, match="window"):
        two_cycle([1.0] * 8, window=2)


def test_regime_of_runs_on_a_nonlinear_loss() -> None:
    """L = (θ² − 1)²: curvature 8 at the minima θ = ±1, so 2/λ = 0.25; a 2-cycle just above it."""

    def loss(t: np.ndarray) -> float:
        return float((t[0] ** 2 - 1) ** 2)

    def grad(t: np.ndarray) -> np.ndarray:
        return 4 * t * (t**2 - 1)

    def at(lr: float):
        return gradient_descent(loss, [1.2], lr=lr, steps=3000, grad=grad)

    assert regime(at(0.2)) == "converged"
    assert regime(at(0.26)) == "two-cycle"
    low, high = two_cycle(at(0.26).losses)
    assert 0 < low < high
    assert regime(at(0.6)) == "diverged"
