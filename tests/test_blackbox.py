"""The black-box model: data, loss, exact gradient, and that descent fits it from START_THETA."""

from __future__ import annotations

import numpy as np
import pytest

from whybackprop import Status, count_calls, gradient_descent, make_problem, numerical_gradient, predict
from whybackprop.blackbox import PARAMETER_NAMES, START_THETA, TRUE_THETA


def test_each_parameter_changes_the_output() -> None:
    x = np.linspace(-3, 3, 61)
    base = predict(TRUE_THETA, x)
    for i, name in enumerate(PARAMETER_NAMES):
        moved = TRUE_THETA.copy()
        moved[i] += 0.5
        assert np.max(np.abs(predict(moved, x) - base)) > 0.1, name


def test_data_is_seeded_and_noisy_around_the_model() -> None:
    a, b = make_problem(seed=3), make_problem(seed=3)
    assert np.array_equal(a.x, b.x) and np.array_equal(a.y, b.y)
    assert not np.array_equal(a.y, make_problem(seed=4).y)
    residual = a.y - predict(TRUE_THETA, a.x)
    assert 0.05 < residual.std() < 0.15  # noise = 0.1
    assert np.all((-3 <= a.x) & (a.x <= 3)) and np.all(np.diff(a.x) >= 0)


def test_loss_is_mean_squared_error() -> None:
    problem = make_problem(n_samples=7, seed=1)
    theta = np.array([1.0, 0.5, 0.2, -0.1])
    expected = sum((predict(theta, [x])[0] - y) ** 2 for x, y in zip(problem.x, problem.y)) / 7
    assert problem.loss(theta) == pytest.approx(expected, rel=1e-12)


@pytest.mark.parametrize("seed", range(5))
def test_exact_gradient_matches_central_difference(seed: int) -> None:
    problem = make_problem(seed=seed)
    theta = np.random.default_rng(seed).uniform(-2, 2, 4)
    exact = problem.exact_gradient(theta)
    numeric = numerical_gradient(problem.loss, theta, method="central")
    assert np.linalg.norm(numeric - exact) <= 1e-8 * max(np.linalg.norm(exact), 1.0)


def test_numerical_gradient_costs_five_loss_calls() -> None:
    problem = make_problem()
    loss = count_calls(problem.loss)
    numerical_gradient(loss, START_THETA)
    assert loss.calls == len(PARAMETER_NAMES) + 1 == 5


def test_descent_fits_the_black_box_from_the_plain_start() -> None:
    problem = make_problem()
    result = gradient_descent(problem.loss, START_THETA, lr=0.2, steps=300)
    assert result.status is not Status.DIVERGED
    # The fit reaches the noise floor (noise 0.1 -> MSE ~ 0.01) and the hidden parameters.
    assert result.losses[-1] < 1.1 * problem.loss(TRUE_THETA)
    assert np.max(np.abs(result.theta - TRUE_THETA)) < 0.05


def test_bad_inputs() -> None:
    with pytest.raises(ValueError, match=r"theta must hold the four parameters"):
        predict([1.0, 2.0, 3.0], [0.0])
    with pytest.raises(ValueError, match="n_samples must be at least 1"):
        make_problem(n_samples=0)
    with pytest.raises(TypeError, match="n_samples must be an int"):
        make_problem(n_samples=2.5)
    with pytest.raises(ValueError, match="noise must be >= 0"):
        make_problem(noise=-1.0)
    with pytest.raises(ValueError, match="noise must be >= 0"):
        make_problem(noise=float("nan"))
