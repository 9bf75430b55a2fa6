"""Gradient checking: test gradient code (e.g. backpropagation) against central differences of the loss."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from whybackprop._checks import as_float64_array, as_parameters, check_int
from whybackprop.gradient import ScalarFunction, numerical_gradient


def relative_errors(a: ArrayLike, b: ArrayLike) -> NDArray[np.float64]:
    """Element-wise |a − b| / max(|a|, |b|), and 0 where both are 0.

    The larger magnitude in the denominator keeps the error between 0 and 2 and treats the two
    arguments alike, so it does not blow up when one of them is (close to) zero.

    ```python
    from whybackprop.gradcheck import relative_errors

    errors = relative_errors([1.0, 0.0, 2.0], [1.001, 0.0, -2.0])
    assert abs(errors[0] - 0.001 / 1.001) < 1e-15 and errors[1] == 0.0 and errors[2] == 2.0
    ```

    Raises:
        ValueError: the shapes differ, or a value is not finite.
    """
    x, y = as_float64_array(a, "a"), as_float64_array(b, "b")
    if x.shape != y.shape:
        raise ValueError(f"a and b must have the same shape, got {x.shape} and {y.shape}")
    if not (np.isfinite(x).all() and np.isfinite(y).all()):
        raise ValueError("a and b must be finite")
    scale = np.maximum(np.abs(x), np.abs(y))
    diff = np.abs(x - y)
    return np.divide(diff, scale, out=np.zeros_like(diff), where=scale > 0)


@dataclass(frozen=True)
class GradientCheck:
    """What `check_gradient` returns: the coordinates it checked and the two gradients there.

    Attributes:
        indices: The flat indices of the checked parameters, in increasing order.
        numeric: The central-difference partial derivatives at those indices.
        analytic: The gradient under test at those indices.
        errors: `relative_errors(numeric, analytic)`.
    """

    indices: NDArray[np.intp]
    numeric: NDArray[np.float64]
    analytic: NDArray[np.float64]
    errors: NDArray[np.float64]


def check_gradient(
    loss: ScalarFunction,
    analytic: ArrayLike,
    theta: ArrayLike,
    *,
    coordinates: int | None = None,
    seed: int = 0,
    eps: float | None = None,
) -> GradientCheck:
    """Compare a computed gradient with central differences of `loss`, on all or some coordinates.

    Each checked coordinate costs two loss evaluations, so checking `coordinates` = k randomly chosen
    parameters costs 2k instead of 2N: the way to check a large network.

    ```python
    import numpy as np
    from whybackprop.gradcheck import check_gradient

    loss = lambda t: float(np.sum(t**3))
    theta = np.array([1.0, -2.0, 0.5])
    good = check_gradient(loss, 3 * theta**2, theta)
    assert good.errors.max() < 1e-8
    wrong = check_gradient(loss, 2 * theta**2, theta, coordinates=2, seed=1)  # a bug: 2 instead of 3
    assert len(wrong.indices) == 2 and wrong.errors.min() > 0.3
    ```

    Args:
        loss: The loss; returns one real number.
        analytic: The gradient to test, at `theta`, same shape as `theta`.
        theta: Where to check (never mutated).
        coordinates: How many parameters to check, chosen at random without repetition; None checks all.
        seed: The seed of the choice, so a check can be repeated.
        eps: The step of the central differences (see `numerical_gradient`).

    Raises:
        ValueError: shapes differ, `coordinates` < 1 or more than the parameters, non-finite values.
        TypeError: `coordinates` or `seed` not an int.
    """
    point = as_parameters(theta, "theta")
    computed = as_float64_array(analytic, "analytic")
    if computed.shape != point.shape:
        raise ValueError(f"analytic must have the shape of theta {point.shape}, got {computed.shape}")
    check_int(seed, "seed", 0)
    if coordinates is None:
        indices = np.arange(point.size)
    else:
        check_int(coordinates, "coordinates", 1)
        if coordinates > point.size:
            raise ValueError(f"coordinates must be at most the {point.size} parameters, got {coordinates}")
        indices = np.sort(np.random.default_rng(seed).choice(point.size, coordinates, replace=False))

    def along(u: NDArray[Any]) -> float:
        moved = point.copy().reshape(-1)
        moved[indices] = u
        return float(loss(moved.reshape(point.shape)))

    numeric = np.asarray(
        numerical_gradient(along, point.reshape(-1)[indices], method="central", eps=eps), dtype=np.float64
    )
    picked = computed.reshape(-1)[indices]
    return GradientCheck(indices, numeric, picked, relative_errors(numeric, picked))
