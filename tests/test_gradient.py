"""numerical_gradient: accuracy against exact gradients, exact call counts, input safety, errors."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from whybackprop import count_calls, numerical_gradient

# Normwise relative error allowed against the exact gradient (smooth functions, |theta| <= 10).
TOLERANCE = {"forward": 1e-6, "central": 1e-9}


def rel_err(approx: np.ndarray, exact: np.ndarray) -> float:
    return float(np.linalg.norm(approx - exact) / max(np.linalg.norm(exact), 1e-300))


def sin_cos_grad(t: np.ndarray) -> np.ndarray:
    g = np.cos(t)
    g.reshape(-1)[0] -= np.sin(t.reshape(-1)[0])
    return g


# (f, exact gradient) pairs on arrays of any shape.
FUNCTIONS = {
    "quadratic": (lambda t: float(np.sum(t**2)), lambda t: 2 * t),
    "sin-cos": (lambda t: float(np.sum(np.sin(t)) + np.cos(t.reshape(-1)[0])), sin_cos_grad),
    "exp-cubic": (
        lambda t: float(np.exp(0.3 * np.sum(t)) + np.sum(t**3) / 3),
        lambda t: 0.3 * np.exp(0.3 * np.sum(t)) + t**2,
    ),
    "log-sum-exp": (lambda t: float(np.log(np.sum(np.exp(t)))), lambda t: np.exp(t) / np.sum(np.exp(t))),
}


@pytest.mark.parametrize("method", ["forward", "central"])
@pytest.mark.parametrize("name", sorted(FUNCTIONS))
@pytest.mark.parametrize("shape", [(1,), (4,), (3, 2), (2, 2, 2)])
def test_matches_exact_gradient(name: str, shape: tuple[int, ...], method: Any) -> None:
    f, exact = FUNCTIONS[name]
    theta = np.random.default_rng(sum(shape)).uniform(-2, 2, size=shape)
    g = numerical_gradient(f, theta, method=method)
    assert g.shape == theta.shape and g.dtype == np.float64
    assert rel_err(g, exact(theta)) <= TOLERANCE[method]


@settings(max_examples=60, deadline=None)
@given(
    theta=hnp.arrays(
        np.float64, hnp.array_shapes(min_dims=1, max_dims=2, max_side=5), elements=st.floats(-10, 10)
    ),
    method=st.sampled_from(["forward", "central"]),
)
def test_property_quadratic_form(theta: np.ndarray, method: Any) -> None:
    # f(t) = sum(w * t^2) + sum(v * t): gradient 2 w t + v, for any shape and values in [-10, 10].
    rng = np.random.default_rng(theta.size)
    w, v = rng.uniform(0.5, 2, theta.shape), rng.uniform(-1, 1, theta.shape)
    g = numerical_gradient(lambda t: float(np.sum(w * t**2 + v * t)), theta, method=method)
    exact = 2 * w * theta + v
    # Absolute bound per entry: truncation |f''| h / 2 (forward) or 0 (central, f''' = 0) plus round-off
    # ~ eps * |f| / h, with |f| <= 2 * 100 * size + 10 * size and h >= the default step.
    scale = 1 + float(np.sum(w * theta**2 + np.abs(v * theta)))
    bound = {"forward": 1e-6 * scale, "central": 1e-9 * scale}[method]
    assert np.max(np.abs(g - exact)) <= bound


@pytest.mark.parametrize("method, expected", [("forward", lambda n: n + 1), ("central", lambda n: 2 * n)])
@pytest.mark.parametrize("n", [1, 4, 17])
def test_exact_call_counts(method: Any, expected: Any, n: int) -> None:
    f = count_calls(lambda t: float(np.sum(t**2)))
    numerical_gradient(f, np.ones(n), method=method)
    assert f.calls == expected(n)


def test_forward_with_known_value_saves_one_call() -> None:
    f = count_calls(lambda t: float(np.sum(t**2)))
    theta = np.arange(5.0)
    g = numerical_gradient(f, theta, f0=f(theta))
    assert f.calls == 1 + 5
    assert rel_err(g, 2 * theta) <= TOLERANCE["forward"]


def test_counting_function_reset_and_errors() -> None:
    f = count_calls(lambda t: 1.0)
    f(np.zeros(1))
    f.reset()
    assert f.calls == 0
    with pytest.raises(TypeError, match="f must be callable"):
        count_calls(3)


@pytest.mark.parametrize("method", ["forward", "central"])
def test_theta_is_never_mutated(method: Any) -> None:
    theta = np.array([[1.0, -2.0], [3.5, 0.25]])
    before = theta.copy()
    numerical_gradient(lambda t: float(np.sum(t**3)), theta, method=method)
    assert np.array_equal(theta, before)


@pytest.mark.parametrize("method", ["forward", "central"])
def test_theta_is_never_mutated_when_f_raises(method: Any) -> None:
    theta = np.array([1.0, 2.0, 3.0])
    before = theta.copy()
    calls = count_calls(lambda t: float(np.sum(t)))

    def fails_on_third_call(t: np.ndarray) -> float:
        if calls(t) and calls.calls == 3:
            raise RuntimeError("boom")
        return float(np.sum(t))

    with pytest.raises(RuntimeError, match="boom"):
        numerical_gradient(fails_on_third_call, theta, method=method)
    assert np.array_equal(theta, before)


def test_f_sees_exactly_one_perturbed_coordinate() -> None:
    theta = np.array([1.0, 2.0, 3.0])
    seen: list[np.ndarray] = []
    numerical_gradient(lambda t: seen.append(t.copy()) or 0.0, theta, eps=0.5)
    assert np.array_equal(seen[0], theta)
    for i, point in enumerate(seen[1:]):
        expected = theta.copy()
        expected[i] += 0.5
        assert np.array_equal(point, expected)


def test_lists_and_integers_are_computed_in_float() -> None:
    g_list = numerical_gradient(lambda t: float(np.sum(t**2)), [1, 2, 3])
    g_int = numerical_gradient(lambda t: float(np.sum(t**2)), np.array([1, 2, 3]))
    for g in (g_list, g_int):
        assert g.dtype == np.float64
        assert rel_err(g, np.array([2.0, 4.0, 6.0])) <= TOLERANCE["forward"]


def test_float32_keeps_its_precision_and_step() -> None:
    theta = np.array([0.5, -1.5], dtype=np.float32)
    g = numerical_gradient(lambda t: float(np.sum(t.astype(np.float64) ** 2)), theta)
    assert g.dtype == np.float32
    # Step sqrt(eps32) ~ 3.5e-4 gives truncation error ~ h: loose but bounded.
    assert rel_err(g.astype(np.float64), np.array([1.0, -3.0])) <= 1e-3


def test_scalar_theta_zero_dim() -> None:
    g = numerical_gradient(lambda t: float(t) ** 2, np.float64(3.0))
    assert g.shape == () and abs(float(g) - 6.0) <= 1e-6


def test_explicit_eps_is_the_step() -> None:
    # f(x) = x^2: forward difference ((x+h)^2 - x^2) / h = 2x + h exactly (up to round-off).
    g = numerical_gradient(lambda t: float(t[0] ** 2), [1.0], eps=0.5)
    assert g[0] == pytest.approx(2.5, abs=1e-12)
    g = numerical_gradient(lambda t: float(t[0] ** 2), [1.0], eps=0.5, method="central")
    assert g[0] == pytest.approx(2.0, abs=1e-12)


def test_divides_by_the_step_actually_taken() -> None:
    # At theta = 1e8 a step of 1e-8 cannot be represented; the default step is relative, and
    # the quotient uses (theta + h) - theta, so a linear f gives its slope to round-off.
    g = numerical_gradient(lambda t: 3.0 * float(t[0]), [1e8])
    assert g[0] == pytest.approx(3.0, rel=1e-7)


# --- errors -------------------------------------------------------------------------------


def test_unknown_method_lists_valid_ones() -> None:
    with pytest.raises(ValueError, match=r"method must be one of forward, central.*'backward'"):
        numerical_gradient(lambda t: 0.0, [1.0], method="backward")


@pytest.mark.parametrize("eps", [0.0, -1e-3, float("nan"), float("inf")])
def test_bad_eps(eps: float) -> None:
    with pytest.raises(ValueError, match="eps must be positive and finite"):
        numerical_gradient(lambda t: 0.0, [1.0], eps=eps)


@pytest.mark.parametrize("eps", ["1e-3", True, None.__class__])
def test_eps_of_wrong_type(eps: Any) -> None:
    with pytest.raises(TypeError, match="eps must be a real number"):
        numerical_gradient(lambda t: 0.0, [1.0], eps=eps)


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), -float("inf")])
def test_theta_must_be_finite(bad: float) -> None:
    with pytest.raises(ValueError, match=r"theta must be finite.*theta\[1\]"):
        numerical_gradient(lambda t: 0.0, [1.0, bad])


@pytest.mark.parametrize("theta", [[True, False], ["a"], [1 + 2j], [object()]])
def test_theta_of_wrong_type(theta: Any) -> None:
    with pytest.raises(TypeError, match="theta must hold real numbers"):
        numerical_gradient(lambda t: 0.0, theta)


@pytest.mark.parametrize("value", [np.zeros(2), [1.0, 2.0], "1.0", 1 + 0j, True, None])
def test_f_must_return_a_real_scalar(value: Any) -> None:
    with pytest.raises(TypeError, match="f must return a real scalar"):
        numerical_gradient(lambda t: value, [1.0])


def test_zero_dim_array_and_numpy_scalars_are_accepted() -> None:
    assert numerical_gradient(lambda t: np.array(np.sum(t**2)), [1.0])[0] == pytest.approx(2.0)
    assert numerical_gradient(lambda t: np.float32(np.sum(t)), np.float32([1.0]))[0] == pytest.approx(
        1.0, rel=1e-3
    )
    assert numerical_gradient(lambda t: int(round(1000 * t[0])), [1.0], eps=1.0)[0] == 1000.0


def test_lower_precision_value_than_theta_is_refused() -> None:
    # float32 rounding (~6e-8) swamps the float64 step (~1.5e-8): the result would be noise or 0.
    with pytest.raises(TypeError, match="f returned float32 while theta is float64"):
        numerical_gradient(lambda t: np.float32(np.sum(t)), [1.0])


@pytest.mark.parametrize("bad", [float("nan"), float("inf")])
def test_non_finite_value_at_theta(bad: float) -> None:
    with pytest.raises(ValueError, match=rf"f returned {bad} at theta$"):
        numerical_gradient(lambda t: bad, [1.0, 2.0])


@pytest.mark.parametrize("method", ["forward", "central"])
def test_non_finite_value_at_perturbed_point_names_the_parameter(method: Any) -> None:
    # Finite at theta, not finite once theta[1] moves off 2.
    def f(t: np.ndarray) -> float:
        return 0.0 if t[1] == 2.0 else float("inf")

    with pytest.raises(ValueError, match=r"f returned inf .*theta\[1\] shifted"):
        numerical_gradient(f, [0.0, 2.0], method=method)


def test_vanishing_step_is_reported() -> None:
    with pytest.raises(ValueError, match=r"step 1e-10 vanishes next to theta\[0\]"):
        numerical_gradient(lambda t: 0.0, [1e20], eps=1e-10)


def test_f0_only_with_forward() -> None:
    with pytest.raises(ValueError, match="f0 is only used by method='forward'"):
        numerical_gradient(lambda t: 0.0, [1.0], method="central", f0=0.0)
