"""gradient_descent: convergence and divergence by the learning rate, counts, statuses, errors."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from whybackprop import Status, gradient_descent, numerical_gradient

# L(theta) = 1/2 * theta^T diag(lam) theta: curvature (Lipschitz constant of the gradient) max(lam).
LAM = np.array([4.0, 1.0, 0.25])
THETA0 = np.array([1.0, -2.0, 3.0])


def quadratic(theta: np.ndarray) -> float:
    return 0.5 * float(np.sum(LAM * theta**2))


def quadratic_grad(theta: np.ndarray) -> np.ndarray:
    return LAM * theta


@pytest.mark.parametrize("eta_l", [0.5, 1.0, 1.5, 1.9])
@pytest.mark.parametrize("grad", [None, quadratic_grad], ids=["numerical", "exact"])
def test_converges_when_eta_times_l_below_two(eta_l: float, grad: Any) -> None:
    result = gradient_descent(quadratic, THETA0, lr=eta_l / LAM.max(), steps=2000, grad=grad, tol=1e-6)
    assert result.status is Status.CONVERGED, result.message
    assert np.linalg.norm(result.theta) < 1e-5
    assert result.losses[-1] < result.losses[0]


@pytest.mark.parametrize("eta_l", [2.1, 3.0])
@pytest.mark.parametrize("grad", [None, quadratic_grad], ids=["numerical", "exact"])
def test_reports_divergence_when_eta_times_l_above_two(eta_l: float, grad: Any) -> None:
    lr = eta_l / LAM.max()
    result = gradient_descent(quadratic, THETA0, lr=lr, steps=5000, grad=grad)
    assert result.status is Status.DIVERGED
    assert f"lr={lr:g}" in result.message and "too large" in result.message
    assert np.isfinite(result.losses).all()  # stopped before a run of inf/nan
    assert result.steps < 5000


def test_oscillates_between_one_and_two() -> None:
    # 1 < eta*L < 2: theta along the stiffest axis flips sign every step while shrinking.
    result = gradient_descent(quadratic, [1.0, 0.0, 0.0], lr=1.5 / LAM.max(), steps=6, grad=quadratic_grad)
    first = result.history[:, 0]
    assert np.all(np.sign(first[1:]) == -np.sign(first[:-1]))
    assert np.all(np.abs(first[1:]) < np.abs(first[:-1]))


def test_nan_loss_is_divergence_not_a_silent_run() -> None:
    def loss(theta: np.ndarray) -> float:
        return float(np.sum(theta**2)) if abs(theta[0]) < 10 else float("nan")

    result = gradient_descent(loss, [1.0], lr=5.0, steps=100, grad=lambda t: 2 * t)
    assert result.status is Status.DIVERGED
    assert "nan" in result.message


def test_small_step_along_minus_gradient_lowers_the_loss() -> None:
    # The sign of the update: one tiny step from several points always goes downhill.
    rng = np.random.default_rng(0)
    for _ in range(20):
        theta = rng.normal(size=3)
        result = gradient_descent(quadratic, theta, lr=1e-3, steps=1)
        assert result.losses[1] < result.losses[0]


def test_update_rule_is_theta_minus_lr_grad() -> None:
    result = gradient_descent(quadratic, THETA0, lr=0.1, steps=1, grad=quadratic_grad)
    assert np.allclose(result.history[1], THETA0 - 0.1 * LAM * THETA0, rtol=0, atol=1e-15)


def test_result_shapes_and_forward_cost_is_n_plus_one_per_step() -> None:
    n, steps = THETA0.size, 7
    result = gradient_descent(quadratic, THETA0, lr=0.01, steps=steps)
    assert result.status is Status.MAX_STEPS and result.steps == steps
    assert result.losses.shape == (steps + 1,)
    assert result.history.shape == (steps + 1, n)
    assert np.array_equal(result.history[-1], result.theta)
    # Step k evaluates L(theta_k) once and L at N perturbed points: (N + 1) per step, plus L(theta_steps).
    assert result.loss_evaluations == steps * (n + 1) + 1


def test_central_cost_and_exact_gradient_cost() -> None:
    n, steps = THETA0.size, 4
    central = gradient_descent(quadratic, THETA0, lr=0.01, steps=steps, method="central")
    assert central.loss_evaluations == steps * (2 * n + 1) + 1
    exact = gradient_descent(quadratic, THETA0, lr=0.01, steps=steps, grad=quadratic_grad)
    assert exact.loss_evaluations == steps + 1


def test_history_matches_manual_numerical_steps() -> None:
    result = gradient_descent(quadratic, THETA0, lr=0.05, steps=3)
    theta = THETA0.copy()
    for k in range(3):
        theta = theta - 0.05 * numerical_gradient(quadratic, theta)
        assert np.array_equal(result.history[k + 1], theta)


def test_theta0_is_not_mutated_and_lists_work() -> None:
    theta0 = np.array([1.0, 2.0, 3.0])
    gradient_descent(quadratic, theta0, lr=0.1, steps=3)
    assert np.array_equal(theta0, [1.0, 2.0, 3.0])
    result = gradient_descent(quadratic, [1, 2, 3], lr=0.1, steps=3)
    assert result.theta.dtype == np.float64


def test_zero_steps() -> None:
    result = gradient_descent(quadratic, THETA0, lr=0.1, steps=0)
    assert result.status is Status.MAX_STEPS and result.steps == 0 and result.loss_evaluations == 1
    assert "steps=0" in result.message  # not "stopped after 0 steps without converging"


@pytest.mark.parametrize("lr", [0.0, -0.1, float("nan"), float("inf")])
def test_bad_learning_rate(lr: float) -> None:
    with pytest.raises(ValueError, match="lr must be positive and finite"):
        gradient_descent(quadratic, THETA0, lr=lr, steps=1)


@pytest.mark.parametrize("steps, error", [(-1, ValueError), (1.5, TypeError), (True, TypeError)])
def test_bad_steps(steps: Any, error: type[Exception]) -> None:
    with pytest.raises(error, match="steps must be"):
        gradient_descent(quadratic, THETA0, lr=0.1, steps=steps)


def test_bad_tol() -> None:
    with pytest.raises(ValueError, match="tol must be >= 0"):
        gradient_descent(quadratic, THETA0, lr=0.1, steps=1, tol=-1.0)


def test_non_finite_start_loss() -> None:
    with pytest.raises(ValueError, match="loss returned inf at theta0"):
        gradient_descent(lambda t: float("inf"), THETA0, lr=0.1, steps=1)


def test_bad_theta0() -> None:
    with pytest.raises(ValueError, match=r"theta0 must be finite.*theta0\[0\]"):
        gradient_descent(quadratic, [float("nan"), 1.0, 1.0], lr=0.1, steps=1)


def test_grad_of_wrong_shape_or_non_finite() -> None:
    with pytest.raises(ValueError, match=r"grad must return an array of shape \(3,\)"):
        gradient_descent(quadratic, THETA0, lr=0.1, steps=1, grad=lambda t: np.zeros(2))
    with pytest.raises(ValueError, match="grad returned a non-finite value"):
        gradient_descent(quadratic, THETA0, lr=0.1, steps=1, grad=lambda t: np.full(3, np.nan))


def test_loss_must_be_scalar() -> None:
    with pytest.raises(TypeError, match="loss must return a real scalar"):
        gradient_descent(lambda t: t, THETA0, lr=0.1, steps=1)
