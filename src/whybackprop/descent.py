"""Gradient descent, theta_{n+1} <- theta_n - lr * grad L(theta_n), with an honest report."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from whybackprop._checks import as_parameters, as_real_scalar, check_int, check_positive
from whybackprop.gradient import Method, ScalarFunction, count_calls, numerical_gradient

GradientFunction = Callable[[NDArray[Any]], ArrayLike]


class Status(str, Enum):
    """How a run of `gradient_descent` ended.

    ```python
    from whybackprop import Status

    assert Status.CONVERGED == "converged"
    ```
    """

    CONVERGED = "converged"  # the gradient norm fell to `tol`
    DIVERGED = "diverged"  # the loss became non-finite or exploded
    MAX_STEPS = "max_steps"  # `steps` updates were made without either


@dataclass(frozen=True)
class DescentResult:
    """What `gradient_descent` returns: the path taken, its cost and how it ended.

    ```python
    from whybackprop import gradient_descent

    result = gradient_descent(lambda t: float(t[0] ** 2), [1.0], lr=0.1, steps=3)
    assert result.steps == 3 and len(result.losses) == 4
    assert result.loss_evaluations == 3 * (1 + 1) + 1  # N+1 per step, and the last loss
    ```

    Attributes:
        theta: The last parameters.
        losses: `losses[k]` is the loss after k updates.
        history: `history[k]` is theta after k updates.
        loss_evaluations: Calls of `loss`, including those of the numerical gradient.
        status: How the run ended.
        message: The same in a sentence, e.g. why it diverged.
    """

    theta: NDArray[np.floating[Any]]
    losses: NDArray[np.float64]
    history: NDArray[np.floating[Any]]
    loss_evaluations: int
    status: Status
    message: str

    @property
    def steps(self) -> int:
        """Number of updates made."""
        return len(self.losses) - 1


def gradient_descent(
    loss: ScalarFunction,
    theta0: ArrayLike,
    *,
    lr: float,
    steps: int,
    grad: GradientFunction | None = None,
    method: Method = "forward",
    eps: float | None = None,
    tol: float = 1e-8,
    explode: float = 1e8,
) -> DescentResult:
    """Minimise `loss` from `theta0` by updates theta <- theta - lr * gradient.

    The gradient is `grad(theta)` if given, else the numerical gradient of `loss` (so a forward
    step costs exactly N+1 loss calls: L(theta_n) itself and one per parameter).

    ```python
    from whybackprop import Status, gradient_descent

    result = gradient_descent(lambda t: float((t[0] - 3.0) ** 2), [0.0], lr=0.4, steps=100)
    assert result.status is Status.CONVERGED and abs(result.theta[0] - 3.0) < 1e-6

    too_large = gradient_descent(lambda t: float(t[0] ** 2), [1.0], lr=1.5, steps=100)
    assert too_large.status is Status.DIVERGED
    ```

    Args:
        loss: The function to minimise; returns one real number.
        theta0: The starting parameters (real and finite; never mutated).
        lr: The learning rate, positive.
        steps: The most updates to make (0 is allowed).
        grad: The exact gradient, if known; else the numerical gradient of `loss` is used.
        method: Finite differences for the numerical gradient: `"forward"` or `"central"`.
        eps: The step of the numerical gradient (see `numerical_gradient`).
        tol: Stop as CONVERGED once the gradient norm is <= `tol`.
        explode: Stop as DIVERGED once the loss exceeds `explode` times its start.

    Returns:
        The path, the number of loss evaluations and the status (CONVERGED, DIVERGED when the
        loss is not finite or explodes, MAX_STEPS otherwise) with a message.

    Raises:
        ValueError: `lr` or `explode` not positive and finite; `steps` < 0; `tol` < 0; a
            non-finite theta0 or loss at theta0; `grad` returning a wrong shape or non-finite values.
        TypeError: `steps` not an int; `loss` not returning a real scalar.
    """
    check_positive(lr, "lr")
    check_int(steps, "steps", 0)
    check_positive(explode, "explode")
    if not (math.isfinite(tol) and tol >= 0):
        raise ValueError(f"tol must be >= 0 and finite, got {tol}")
    counted = count_calls(loss)
    theta = as_parameters(theta0, "theta0")
    history = [theta.copy()]
    losses = [as_real_scalar(counted(theta), "loss", where=" at step 0")]
    if not math.isfinite(losses[0]):
        raise ValueError(f"loss returned {losses[0]} at theta0; start from a point where it is finite")
    limit = explode * max(abs(losses[0]), 1e-300)

    status = Status.MAX_STEPS
    message = f"stopped after {steps} steps without converging" if steps else "no steps requested (steps=0)"
    for step in range(steps):
        if grad is None:
            f0 = losses[-1] if method == "forward" else None
            g = numerical_gradient(counted, theta, eps=eps, method=method, f0=f0)
        else:
            g = _gradient_value(grad(theta.copy()), theta, step)
        if float(np.linalg.norm(g)) <= tol:
            status, message = Status.CONVERGED, f"converged after {step} steps (gradient norm <= {tol:g})"
            break
        theta = theta - lr * g
        history.append(theta.copy())
        losses.append(as_real_scalar(counted(theta), "loss", where=f" at step {step + 1}"))
        if not math.isfinite(losses[-1]) or abs(losses[-1]) > limit:
            status = Status.DIVERGED
            message = (
                f"diverged at step {step + 1}: the loss went from {losses[0]:.3g} to {losses[-1]:.3g}; "
                f"the learning rate lr={lr:g} is too large for this loss, try a smaller one"
            )
            break

    return DescentResult(
        theta=theta,
        losses=np.array(losses, dtype=np.float64),
        history=np.array(history),
        loss_evaluations=counted.calls,
        status=status,
        message=message,
    )


def _gradient_value(value: ArrayLike, theta: NDArray[Any], step: int) -> NDArray[Any]:
    g = np.asarray(value, dtype=theta.dtype)
    if g.shape != theta.shape:
        raise ValueError(
            f"grad must return an array of shape {theta.shape}, got shape {g.shape} at step {step}"
        )
    if not np.isfinite(g).all():
        raise ValueError(f"grad returned a non-finite value at step {step}: {g}")
    return g
