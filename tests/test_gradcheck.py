"""gradcheck: the max-denominator relative error, and checking all or a random subset of coordinates."""

from __future__ import annotations

import numpy as np
import pytest

from whybackprop import count_calls, make_problem
from whybackprop.blackbox import START_THETA
from whybackprop.gradcheck import check_gradient, relative_errors


def test_relative_error_uses_the_larger_magnitude_and_is_symmetric() -> None:
    a, b = np.array([1.0, -3.0, 0.0, 1e-20]), np.array([2.0, 3.0, 0.0, 0.0])
    errors = relative_errors(a, b)
    assert errors.tolist() == [0.5, 2.0, 0.0, 1.0]
    assert relative_errors(b, a).tolist() == errors.tolist()


def test_relative_error_refuses_mismatched_or_non_finite_input() -> None:
    with pytest.raises(ValueError, match="same shape"):
        relative_errors([1.0, 2.0], [1.0])
    with pytest.raises(ValueError, match="finite"):
        relative_errors([np.nan], [1.0])


def test_the_black_box_s_exact_gradient_passes_and_a_wrong_one_fails() -> None:
    problem = make_problem()
    exact = problem.exact_gradient(START_THETA)
    assert check_gradient(problem.loss, exact, START_THETA).errors.max() < 1e-9
    wrong = exact.copy()
    wrong[3] /= 2  # ∂L/∂d without its factor 2
    found = check_gradient(problem.loss, wrong, START_THETA)
    assert found.errors[3] == pytest.approx(0.5, rel=1e-6)
    assert found.errors[:3].max() < 1e-9


def test_a_subset_of_k_coordinates_costs_2k_evaluations() -> None:
    theta = np.linspace(-1, 1, 50)
    loss = count_calls(lambda t: float(np.sum(np.sin(t))))
    found = check_gradient(loss, np.cos(theta), theta, coordinates=7, seed=3)
    assert loss.calls == 2 * 7
    assert len(set(found.indices.tolist())) == 7 and found.errors.max() < 1e-9
    again = check_gradient(loss, np.cos(theta), theta, coordinates=7, seed=3)
    assert again.indices.tolist() == found.indices.tolist()  # the seed repeats the choice


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"coordinates": 0}, ValueError, "coordinates"),
        ({"coordinates": 4}, ValueError, "at most the 3"),
        ({"coordinates": 1.5}, TypeError, "coordinates"),
        ({"seed": -1}, ValueError, "seed"),
    ],
)
def test_check_gradient_refuses_bad_arguments(kwargs: dict, error: type, message: str) -> None:
    with pytest.raises(error, match=message):
        check_gradient(lambda t: float(np.sum(t)), np.ones(3), np.zeros(3), **kwargs)


def test_check_gradient_refuses_a_gradient_of_the_wrong_shape() -> None:
    with pytest.raises(ValueError, match="shape"):
        check_gradient(lambda t: float(np.sum(t)), np.ones(2), np.zeros(3))
