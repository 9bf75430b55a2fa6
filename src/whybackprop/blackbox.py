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
"""The names of the four parameters, in theta's order."""
TRUE_THETA: NDArray[np.float64] = np.array([2.0, 1.5, -0.5, 0.5])
"""The data's hidden parameters."""
START_THETA: NDArray[np.float64] = np.array([1.0, 1.0, 0.0, 0.0])
"""A plain first guess, where the chapter starts learning."""


def predict(theta: ArrayLike, x: ArrayLike) -> NDArray[np.float64]:
    """The black box's output a * tanh(b * x + c) + d for inputs `x` under theta = (a, b, c, d).

    ```python
    from whybackprop import predict

    assert predict([2.0, 1.0, 0.0, 0.5], [0.0]).tolist() == [0.5]  # tanh(0) = 0, so y = d
    ```

    Args:
        theta: The four parameters (a, b, c, d).
        x: The inputs, any shape.

    Returns:
        The outputs, of x's shape.

    Raises:
        ValueError: `theta` does not hold four finite numbers.
        TypeError: `theta` is not real.
    """
    a, b, c, d = _four(theta)
    result: NDArray[np.float64] = a * np.tanh(b * np.asarray(x, dtype=np.float64) + c) + d
    return result


@dataclass(frozen=True)
class BlackBoxProblem:
    """Data (x, y) and the mean squared error loss L(theta) of the black box on it.

    ```python
    import numpy as np
    from whybackprop import BlackBoxProblem, predict

    x = np.linspace(-1.0, 1.0, 5)
    problem = BlackBoxProblem(x=x, y=predict([1.0, 1.0, 0.0, 0.0], x))
    assert problem.loss([1.0, 1.0, 0.0, 0.0]) == 0.0
    ```

    Attributes:
        x: The inputs.
        y: The targets, one per input.
    """

    x: NDArray[np.float64]
    y: NDArray[np.float64]

    def loss(self, theta: ArrayLike) -> float:
        """L(theta) = mean((predict(theta, x) - y)^2).

        ```python
        from whybackprop import make_problem
        from whybackprop.blackbox import START_THETA, TRUE_THETA

        problem = make_problem()
        assert problem.loss(TRUE_THETA) < problem.loss(START_THETA)
        ```

        Args:
            theta: The four parameters (a, b, c, d).

        Returns:
            The mean squared error over the data.

        Raises:
            ValueError: `theta` does not hold four finite numbers.
        """
        residual = predict(theta, self.x) - self.y
        return float(np.mean(residual**2))

    def exact_gradient(self, theta: ArrayLike) -> NDArray[np.float64]:
        """dL/d(a, b, c, d) by the chain rule, to check numerical gradients against.

        ```python
        import numpy as np
        from whybackprop import make_problem, numerical_gradient
        from whybackprop.blackbox import START_THETA

        problem = make_problem()
        numeric = numerical_gradient(problem.loss, START_THETA, method="central")
        assert np.allclose(problem.exact_gradient(START_THETA), numeric, atol=1e-8)
        ```

        Args:
            theta: The four parameters (a, b, c, d).

        Returns:
            The gradient, four numbers in theta's order.

        Raises:
            ValueError: `theta` does not hold four finite numbers.
        """
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
    """Samples x ~ U(-3, 3) and y = predict(theta, x) + N(0, noise^2) from a seeded generator.

    ```python
    from whybackprop import make_problem

    problem = make_problem(n_samples=20, seed=1)
    assert problem.x.shape == problem.y.shape == (20,)
    ```

    Args:
        n_samples: How many (x, y) pairs, at least 1.
        noise: The standard deviation of the noise added to y, >= 0.
        seed: The seed of the random generator: the same seed gives the same data.
        theta: The hidden parameters the data follow.

    Returns:
        The data, x sorted, with its loss.

    Raises:
        ValueError: `n_samples` < 1 or `noise` < 0.
        TypeError: `n_samples` is not an int.
    """
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
