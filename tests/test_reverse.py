"""whybackprop.reverse: one backward sweep gives the black box's four partial derivatives."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from whybackprop import BlackBoxProblem, make_problem, numerical_gradient
from whybackprop.blackbox import START_THETA, TRUE_THETA
from whybackprop.reverse import NODES, reverse_sweep

finite = st.floats(-3.0, 3.0, allow_nan=False)


@given(st.tuples(finite, finite, finite, finite), finite, finite)
def test_the_sweep_is_the_exact_gradient_of_one_sample(theta: tuple, x: float, t: float) -> None:
    sweep = reverse_sweep(theta, x, t)
    one_sample = BlackBoxProblem(x=np.array([x]), y=np.array([t]))
    assert np.allclose(sweep.gradient, one_sample.exact_gradient(theta), rtol=1e-12, atol=1e-12)
    assert sweep.values["loss"] == pytest.approx(one_sample.loss(theta), rel=1e-12, abs=1e-300)


def test_the_mean_of_the_sweeps_over_the_data_is_the_full_gradient() -> None:
    problem = make_problem()
    for theta in (START_THETA, TRUE_THETA):
        mean = np.mean([reverse_sweep(theta, x, y).gradient for x, y in zip(problem.x, problem.y)], axis=0)
        assert np.allclose(mean, problem.exact_gradient(theta), rtol=1e-12)


def test_the_sweep_agrees_with_a_central_difference() -> None:
    sweep = reverse_sweep(START_THETA, 1.0, 2.0)
    numeric = numerical_gradient(
        lambda th: reverse_sweep(th, 1.0, 2.0).values["loss"], START_THETA, method="central"
    )
    assert np.allclose(sweep.gradient, numeric, atol=1e-8)


def test_every_node_has_a_value_and_every_node_but_the_data_an_adjoint() -> None:
    sweep = reverse_sweep(START_THETA, 0.5, 1.0)
    assert set(sweep.values) == set(NODES)
    assert set(sweep.adjoints) == set(NODES) - {"x"}
    assert sweep.adjoints["loss"] == 1.0
    # each adjoint is the consumer's adjoint times the local derivative (two spot checks)
    assert sweep.adjoints["a"] == sweep.adjoints["v"] * sweep.values["h"]
    assert sweep.adjoints["z"] == pytest.approx(sweep.adjoints["h"] * (1 - np.tanh(sweep.values["z"]) ** 2))


def test_the_backward_sweep_costs_twice_the_forward_multiplications() -> None:
    sweep = reverse_sweep(START_THETA, 0.5, 1.0)
    assert (sweep.forward_multiplications, sweep.backward_multiplications) == (3, 6)


@pytest.mark.parametrize(
    ("theta", "x", "t", "error", "match"),
    [
        ([1.0, 2.0, 3.0], 0.0, 0.0, ValueError, "four parameters"),
        ([1.0, np.nan, 0.0, 0.0], 0.0, 0.0, ValueError, "theta must be finite"),
        (START_THETA, float("inf"), 0.0, ValueError, "x must be finite"),
        (START_THETA, 0.0, "1", TypeError, "target must be a real scalar"),
        (START_THETA, [1.0, 2.0], 0.0, TypeError, "x must be a real scalar"),
    ],
)
def test_bad_input_is_named(theta, x, t, error, match) -> None:
    with pytest.raises(error, match=match):
        reverse_sweep(theta, x, t)
