"""Numerical gradient by finite differences, and a call counter to see its cost."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any, Literal

import numpy as np
from numpy.typing import ArrayLike, NDArray

Method = Literal["forward", "central"]
METHODS: tuple[str, ...] = ("forward", "central")

# Default step = machine_eps ** exponent * max(1, |theta_i|): the step that balances
# truncation error against round-off (forward: O(h) vs eps/h; central: O(h^2) vs eps/h).
_STEP_EXPONENT = {"forward": 1 / 2, "central": 1 / 3}

ScalarFunction = Callable[[NDArray[Any]], Any]


def as_parameters(theta: ArrayLike, name: str = "theta") -> NDArray[np.floating[Any]]:
    """Return a private float copy of `theta`, refusing what cannot be a parameter vector."""
    array = np.asarray(theta)
    if array.dtype == np.bool_ or not (
        np.issubdtype(array.dtype, np.integer) or np.issubdtype(array.dtype, np.floating)
    ):
        raise TypeError(f"{name} must hold real numbers, got dtype {array.dtype}")
    dtype = array.dtype if np.issubdtype(array.dtype, np.floating) else np.float64
    array = np.array(array, dtype=dtype, copy=True)
    bad = ~np.isfinite(array)
    if bad.any():
        index = _index(array, int(np.flatnonzero(bad)[0]))
        raise ValueError(f"{name} must be finite, but {_label(name, index)} = {array[index].item()}")
    return array


def numerical_gradient(
    f: ScalarFunction,
    theta: ArrayLike,
    *,
    eps: float | None = None,
    method: Method = "forward",
    f0: float | None = None,
) -> NDArray[np.floating[Any]]:
    """Finite-difference gradient of the scalar function `f` at `theta`.

    forward: (f(theta + h e_i) - f(theta)) / h, exactly N+1 calls of `f` (N if `f0` is given).
    central: (f(theta + h e_i) - f(theta - h e_i)) / 2h, exactly 2N calls of `f`.

    `eps` is the step h; by default h = sqrt(machine_eps) * max(1, |theta_i|) for forward and
    cbrt(machine_eps) * max(1, |theta_i|) for central. The difference is divided by the step
    actually taken, (theta_i + h) - theta_i, which removes the rounding of theta_i + h.
    `f0`, if given, is f(theta) already computed (forward only). `theta` is never mutated.
    """
    if method not in _STEP_EXPONENT:
        raise ValueError(f"method must be one of {', '.join(METHODS)}; got {method!r}")
    if eps is not None:
        check_positive(eps, "eps")
    if f0 is not None and method != "forward":
        raise ValueError("f0 is only used by method='forward'")
    x = as_parameters(theta)
    flat = x.reshape(-1)  # a view of our private copy: perturbed in place, restored after
    if eps is None:
        base = float(np.finfo(x.dtype).eps) ** _STEP_EXPONENT[method]
        steps = base * np.maximum(1.0, np.abs(flat))
    else:
        steps = np.full(flat.shape, eps)
    # Perturbed coordinates and the steps actually taken, rounded in theta's own dtype.
    ups = (flat + steps).astype(x.dtype)
    downs = flat if method == "forward" else (flat - steps).astype(x.dtype)
    taken = ups - downs
    if (taken == 0).any():
        _vanishing_step(x, int(np.flatnonzero(taken == 0)[0]), float(steps.max()))

    # The loop works on Python floats: indexing numpy scalars would cost more than a cheap f.
    # x is our private copy, so an exception from f mid-way leaves the caller's theta untouched.
    original, up_list, down_list = flat.tolist(), ups.tolist(), downs.tolist()
    f_up = [0.0] * flat.size
    if method == "forward":
        f_theta = _evaluate(f, x, None, 0.0) if f0 is None else _check_value(f0, "f0", x, None, 0.0)
        f_down = [f_theta] * flat.size
        for i in range(flat.size):
            flat[i] = up_list[i]
            f_up[i] = _evaluate(f, x, i, up_list[i] - original[i])
            flat[i] = original[i]
    else:
        f_down = [0.0] * flat.size
        for i in range(flat.size):
            flat[i] = up_list[i]
            f_up[i] = _evaluate(f, x, i, up_list[i] - original[i])
            flat[i] = down_list[i]
            f_down[i] = _evaluate(f, x, i, down_list[i] - original[i])
            flat[i] = original[i]
    # Differences of f in float64 (f's values are Python floats), then theta's dtype.
    gradient: NDArray[np.floating[Any]] = ((np.subtract(f_up, f_down) / taken).astype(x.dtype)).reshape(x.shape)
    return gradient


class CountingFunction:
    """Wraps `f` and counts its calls: `counted = count_calls(f); ...; counted.calls`."""

    def __init__(self, f: ScalarFunction) -> None:
        if not callable(f):
            raise TypeError(f"f must be callable, got {type(f).__name__}")
        self.f = f
        self.calls = 0

    def __call__(self, theta: NDArray[Any]) -> Any:
        self.calls += 1
        return self.f(theta)

    def reset(self) -> None:
        self.calls = 0


def count_calls(f: ScalarFunction) -> CountingFunction:
    """Return `f` wrapped so that `.calls` tells how many times it was evaluated."""
    return CountingFunction(f)


def _evaluate(f: ScalarFunction, x: NDArray[Any], i: int | None, step: float) -> float:
    value = f(x)
    if type(value) is float and math.isfinite(value):  # the common case, checked fast
        return value
    dtype = getattr(value, "dtype", None)
    if dtype is not None and dtype.kind == "f" and dtype.itemsize < x.dtype.itemsize:
        # A float32 loss of a float64 theta rounds away the tiny step: the gradient would be noise.
        raise TypeError(
            f"f returned {dtype} while theta is {x.dtype}; its rounding swamps the step. "
            f"Make f compute in {x.dtype}, or pass theta as {dtype}"
        )
    return _check_value(value, "f", x, i, step)


def _check_value(value: Any, name: str, x: NDArray[Any], i: int | None, step: float) -> float:
    if isinstance(value, (float, np.floating)) and not isinstance(value, bool):
        result = float(value)
    elif np.ndim(value) != 0 or isinstance(value, (bool, np.bool_, complex, np.complexfloating, str)):
        raise TypeError(
            f"{name} must return a real scalar, got {type(value).__name__}"
            + (f" of shape {np.shape(value)}" if np.ndim(value) else f" {value!r}")
        )
    else:
        try:
            result = float(value)
        except (TypeError, ValueError) as error:
            raise TypeError(f"{name} must return a real scalar, got {value!r}") from error
    if not math.isfinite(result):
        raise ValueError(f"{name} returned {result} {_where(x, i, step)}")
    return result


def _where(x: NDArray[Any], i: int | None, step: float) -> str:
    if i is None:
        return "at theta"
    index = _index(x, i)
    return f"at theta with {_label('theta', index)} shifted by {step:+.3g} (to {x[index].item()!r})"


def _vanishing_step(x: NDArray[Any], i: int, step: float) -> None:
    label = _label("theta", _index(x, i))
    raise ValueError(
        f"the step {step:.3g} vanishes next to {label} = {x.reshape(-1)[i].item()!r} "
        f"({label} + step == {label} in {x.dtype}); use a larger eps"
    )


def check_int(value: Any, name: str, minimum: int) -> int:
    """Return `value` as an int if it is an integer >= `minimum`; bools and floats are refused."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, np.integer)):
        raise TypeError(f"{name} must be an int, got {type(value).__name__} {value!r}")
    if value < minimum:
        raise ValueError(f"{name} must be at least {minimum}, got {value}")
    return int(value)


def check_positive(value: Any, name: str) -> None:
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise TypeError(f"{name} must be a real number, got {type(value).__name__}")
    if not (math.isfinite(value) and value > 0):
        raise ValueError(f"{name} must be positive and finite, got {value}")


def _index(x: NDArray[Any], flat_index: int) -> tuple[int, ...]:
    return tuple(int(k) for k in np.unravel_index(flat_index, x.shape))


def _label(name: str, index: tuple[int, ...]) -> str:
    return f"{name}[{', '.join(map(str, index))}]" if index else name
