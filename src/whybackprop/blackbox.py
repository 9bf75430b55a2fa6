"""The chapter's black-box model: y = a * tanh(b * x + c) + d, four parameters a, b, c, d.

Each parameter visibly changes the output: a stretches it vertically, b makes the step steeper,
c shifts it sideways, d lifts it. It is one neuron, the building block of the deep network at
the end of the chapter.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from whybackprop._checks import as_parameters, check_int

PARAMETER_NAMES: tuple[str, ...] = ("a", "b", "c", "d")
TRUE_THETA: NDArray[np.float64] = np.array([2.0, 1.5, -0.5, 0.5])  # the data's hidden parameters
START_THETA: NDArray[np.float64] = np.array([1.0, 1.0, 0.0, 0.0])  # a plain first guess


def predict(theta: ArrayLike, x: ArrayLike) -> NDArray[np.float64]:
    """The black box's output for inputs `x` under parameters theta = (a, b, c, d)."""
    a, b, c, d = _four(theta)
    result: NDArray[np.float64] = a * np.tanh(b * np.asarray(x, dtype=np.float64) + c) + d
    return result


@dataclass(frozen=True)
class BlackBoxProblem:
    """Data (x, y) and the mean squared error loss L(theta) of the black box on it."""

    x: NDArray[np.float64]
    y: NDArray[np.float64]

    def loss(self, theta: ArrayLike) -> float:
        """L(theta) = mean((predict(theta, x) - y)^2)."""
        residual = predict(theta, self.x) - self.y
        return float(np.mean(residual**2))

    def exact_gradient(self, theta: ArrayLike) -> NDArray[np.float64]:
        """dL/d(a, b, c, d) by the chain rule, to check numerical gradients against."""
        a, b, c, d = _four(theta)
        t = np.tanh(b * self.x + c)
        residual = a * t + d - self.y
        dt = a * (1.0 - t**2)  # d(a tanh(u))/du
        scale = 2.0 / self.x.size
        return scale * np.array(
            [np.sum(residual * t), np.sum(residual * dt * self.x), np.sum(residual * dt), np.sum(residual)]
        )


def make_problem(
    n_samples: int = 50, *, noise: float = 0.1, seed: int = 0, theta: ArrayLike = TRUE_THETA
) -> BlackBoxProblem:
    """Samples x ~ U(-3, 3) and y = predict(theta, x) + N(0, noise^2) from a seeded generator."""
    check_int(n_samples, "n_samples", 1)
    if not noise >= 0:
        raise ValueError(f"noise must be >= 0, got {noise!r}")
    rng = np.random.default_rng(seed)
    x = np.sort(rng.uniform(-3.0, 3.0, n_samples))
    y = predict(theta, x) + noise * rng.standard_normal(n_samples)
    return BlackBoxProblem(x=x, y=y)


def _four(theta: ArrayLike) -> NDArray[Any]:
    values = as_parameters(theta)
    if values.shape != (4,):
        raise ValueError(f"theta must hold the four parameters (a, b, c, d), got shape {values.shape}")
    return values
