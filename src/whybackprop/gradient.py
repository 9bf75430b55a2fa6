"""Numerical gradient by finite differences, and a call counter to see its cost."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any, Literal, get_args

import numpy as np
from numpy.typing import ArrayLike, NDArray

from whybackprop._checks import as_parameters, as_real_scalar, check_choice, check_positive, label

Method = Literal["forward", "central"]
METHODS: tuple[Method, ...] = get_args(Method)
"""The finite-difference methods: `("forward", "central")`."""

# Default step = machine_eps ** exponent * max(1, |theta_i|): the step that balances
# truncation error against round-off (forward: O(h) vs eps/h; central: O(h^2) vs eps/h).
_STEP_EXPONENT: dict[Method, float] = {"forward": 1 / 2, "central": 1 / 3}

ScalarFunction = Callable[[NDArray[Any]], Any]


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

    The difference is divided by the step actually taken, (theta_i + h) - theta_i, which removes
    the rounding of theta_i + h. `theta` is never mutated, even when `f` raises.

    ```python
    import numpy as np
    from whybackprop import numerical_gradient

    g = numerical_gradient(lambda t: float(np.sum(t**2)), [1.0, -2.0])
    assert np.allclose(g, [2.0, -4.0])
    ```

    Args:
        f: The function, called with a float array of theta's shape; it returns one real number.
        theta: The point: any shape, real and finite (integers and lists are taken as float64).
        eps: The step h. By default h = sqrt(machine_eps) * max(1, |theta_i|) for forward and
            cbrt(machine_eps) * max(1, |theta_i|) for central differences.
        method: `"forward"` or `"central"` (see `METHODS`).
        f0: f(theta) if it is already known (forward only): saves one call.

    Returns:
        The gradient, of theta's shape and float dtype.

    Raises:
        ValueError: An unknown `method`; `eps` not positive and finite; `f0` with central
            differences; `theta` not finite; a step that vanishes next to theta_i; `f` returning
            a non-finite value (the message names the shifted coordinate).
        TypeError: `theta` not real; `f` not returning a real scalar, or returning a lower
            precision than theta's (float32 for a float64 theta).
    """
    check_choice(method, "method", METHODS)
    if eps is not None:
        check_positive(eps, "eps")
    if f0 is not None and method != "forward":
        raise ValueError("f0 is only used by method='forward'")
    x = as_parameters(theta)
    flat = x.reshape(-1)  # a view of our private copy: perturbed in place, restored after
    ups, downs = _perturbed_coordinates(x, eps, method)
    # The loop works on Python floats: indexing numpy scalars would cost more than a cheap f.
    original = flat.tolist()

    def f_with(i: int, value: float) -> float:
        """f at theta with coordinate i set to `value`; the coordinate is restored even if f raises."""
        flat[i] = value
        try:
            return _evaluate(f, x, i, value - original[i])
        finally:
            flat[i] = original[i]

    if method == "forward":
        f_theta = (
            _evaluate(f, x, None, 0.0) if f0 is None else _finite(as_real_scalar(f0, "f0", "be"), "f0", x)
        )
        f_up = [f_with(i, up) for i, up in enumerate(ups.tolist())]
        f_down = [f_theta] * flat.size
    else:
        pairs = [
            (f_with(i, up), f_with(i, down)) for i, (up, down) in enumerate(zip(ups.tolist(), downs.tolist()))
        ]
        f_up, f_down = [up for up, _ in pairs], [down for _, down in pairs]
    # Differences of f in float64 (f's values are Python floats), divided by the steps actually taken.
    return (np.subtract(f_up, f_down) / (ups - downs)).astype(x.dtype).reshape(x.shape)


def _perturbed_coordinates(
    x: NDArray[np.floating[Any]], eps: float | None, method: Method
) -> tuple[NDArray[np.floating[Any]], NDArray[np.floating[Any]]]:
    """theta_i + h and theta_i - h (forward: theta_i itself), rounded in theta's own dtype."""
    flat = x.reshape(-1)
    if eps is None:
        base = float(np.finfo(x.dtype).eps) ** _STEP_EXPONENT[method]
        steps = base * np.maximum(1.0, np.abs(flat))
    else:
        steps = np.full(flat.shape, eps)
    ups = (flat + steps).astype(x.dtype)
    downs = flat.copy() if method == "forward" else (flat - steps).astype(x.dtype)
    vanished = np.flatnonzero(ups == downs)
    if vanished.size:
        name = label("theta", x, int(vanished[0]))
        raise ValueError(
            f"the step {float(steps.max()):.3g} vanishes next to {name} = {flat[vanished[0]].item()!r} "
            f"({name} + step == {name} in {x.dtype}); use a larger eps"
        )
    return ups, downs


class CountingFunction:
    """`f` with a counter: each call adds one to `calls`. Made by `count_calls`.

    ```python
    from whybackprop import CountingFunction

    double = CountingFunction(lambda t: 2.0 * t)
    double(1.0), double(2.0)
    assert double.calls == 2
    double.reset()
    assert double.calls == 0
    ```

    Args:
        f: The function to count.

    Raises:
        TypeError: `f` is not callable.
    """

    def __init__(self, f: ScalarFunction) -> None:
        if not callable(f):
            raise TypeError(f"f must be callable, got {type(f).__name__}")
        self.f = f
        self.calls = 0

    def __call__(self, theta: NDArray[Any]) -> Any:
        """Count one call and return `f(theta)`."""
        self.calls += 1
        return self.f(theta)

    def reset(self) -> None:
        """Set `calls` back to 0."""
        self.calls = 0


def count_calls(f: ScalarFunction) -> CountingFunction:
    """Return `f` wrapped so that `.calls` tells how many times it was evaluated.

    ```python
    import numpy as np
    from whybackprop import count_calls, numerical_gradient

    loss = count_calls(lambda t: float(np.sum(t**2)))
    numerical_gradient(loss, np.zeros(4))
    assert loss.calls == 4 + 1  # N+1 evaluations for N = 4 parameters
    ```

    Args:
        f: The function to count.

    Returns:
        A callable that passes its argument on to `f` and counts the calls in `.calls`.

    Raises:
        TypeError: `f` is not callable.
    """
    return CountingFunction(f)


def _evaluate(f: ScalarFunction, x: NDArray[Any], i: int | None, step: float) -> float:
    """f(x) as a finite float; `i` and `step` say which coordinate was moved, for the error message."""
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
    return _finite(as_real_scalar(value, "f"), "f", x, i, step)


def _finite(value: float, name: str, x: NDArray[Any], i: int | None = None, step: float = 0.0) -> float:
    if math.isfinite(value):
        return value
    if i is None:
        raise ValueError(f"{name} returned {value} at theta")
    shifted = label("theta", x, i)
    raise ValueError(
        f"{name} returned {value} at theta with {shifted} shifted by {step:+.3g} (to {x.reshape(-1)[i].item()!r})"
    )
