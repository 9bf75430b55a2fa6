"""whybackprop.cost: every formula against an independent count of the multiplications performed.

The independent count: a pure-Python MLP, written out loop by loop on `Tallied` numbers that
count each scalar multiplication and division as it happens. It computes the same loss and
gradient as `whybackprop.MLP` (checked), so its tally is the work that loss and gradient take.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
import pytest

from whybackprop import MLP, cost, numerical_gradient

ARCHITECTURES = [([1, 1], 1), ([3, 4, 2], 3), ([2, 5, 3, 1], 2), ([4, 3, 3, 3, 2], 5)]


class Tally:
    multiplications = 0


class Tallied:
    """A float that counts every multiplication and division it takes part in."""

    __slots__ = ("v",)

    def __init__(self, v: float) -> None:
        self.v = float(v)

    @staticmethod
    def value(x: Tallied | float) -> float:
        return x.v if isinstance(x, Tallied) else float(x)

    def __add__(self, other: Tallied | float) -> Tallied:
        return Tallied(self.v + self.value(other))

    __radd__ = __add__

    def __sub__(self, other: Tallied | float) -> Tallied:
        return Tallied(self.v - self.value(other))

    def __rsub__(self, other: float) -> Tallied:
        return Tallied(float(other) - self.v)

    def __mul__(self, other: Tallied | float) -> Tallied:
        Tally.multiplications += 1
        return Tallied(self.v * self.value(other))

    __rmul__ = __mul__

    def __truediv__(self, other: Tallied | float) -> Tallied:
        Tally.multiplications += 1
        return Tallied(self.v / self.value(other))

    def __rtruediv__(self, other: float) -> Tallied:
        Tally.multiplications += 1
        return Tallied(float(other) / self.v)


def tanh(x: Tallied) -> Tallied:
    return Tallied(math.tanh(x.v))


def layers(sizes: list[int], theta: list[Tallied]) -> list[tuple[list[list[Tallied]], list[Tallied]]]:
    """Cut theta into W (row by row) and b per layer, as the MLP's documented layout says."""
    out, k = [], 0
    for n_in, n_out in zip(sizes, sizes[1:]):
        W = [[theta[k + i * n_out + j] for j in range(n_out)] for i in range(n_in)]
        k += n_in * n_out
        out.append((W, theta[k : k + n_out]))
        k += n_out
    return out


def forward(sizes: list[int], theta: list[Tallied], X: np.ndarray) -> list[list[list[Tallied]]]:
    """Every layer's input, per example, and the output last."""
    params = layers(sizes, theta)
    result = []
    for x in X:
        h = [Tallied(v) for v in x]
        trace = [h]
        for k, (W, b) in enumerate(params):
            z = [sum((h[i] * W[i][j] for i in range(len(h))), Tallied(0.0)) + b[j] for j in range(len(b))]
            h = z if k == len(params) - 1 else [tanh(v) for v in z]
            trace.append(h)
        result.append(trace)
    return result


def loss(sizes: list[int], theta: list[Tallied], X: np.ndarray, Y: np.ndarray) -> Tallied:
    total = Tallied(0.0)
    for trace, y in zip(forward(sizes, theta, X), Y):
        for out, target in zip(trace[-1], y):
            r = out - target
            total = total + r * r
    return total / Y.size


def backprop(sizes: list[int], theta: list[Tallied], X: np.ndarray, Y: np.ndarray) -> list[float]:
    params = layers(sizes, theta)
    grads = [([[0.0] * len(b) for _ in W], [0.0] * len(b)) for W, b in params]
    scale = Tallied(2.0) / Y.size  # one division, as MLP.backprop does it
    for trace, y in zip(forward(sizes, theta, X), Y):
        g = [(out - target) * scale for out, target in zip(trace[-1], y)]
        for k in reversed(range(len(params))):
            W, _ = params[k]
            h = trace[k]
            dW, db = grads[k]
            for j in range(len(g)):
                db[j] += g[j].v
                for i in range(len(h)):
                    dW[i][j] += (h[i] * g[j]).v
            if k > 0:
                back = [sum((g[j] * W[i][j] for j in range(len(g))), Tallied(0.0)) for i in range(len(h))]
                g = [back[i] * (1.0 - h[i] * h[i]) for i in range(len(h))]
    flat: list[float] = []
    for dW, db in grads:
        flat += [v for row in dW for v in row] + db
    return flat


def tallied(theta: np.ndarray) -> list[Tallied]:
    return [Tallied(v) for v in theta]


def problem(sizes: list[int], batch: int) -> tuple[MLP, np.ndarray, np.ndarray, np.ndarray]:
    mlp = MLP(sizes)
    rng = np.random.default_rng(len(sizes) + batch)
    theta = mlp.init(seed=1) + rng.normal(scale=0.1, size=mlp.n_params)
    return mlp, theta, rng.normal(size=(batch, sizes[0])), rng.normal(size=(batch, sizes[-1]))


def count(compute: Callable[[], object]) -> int:
    Tally.multiplications = 0
    compute()
    return Tally.multiplications


@pytest.mark.parametrize(("sizes", "batch"), ARCHITECTURES, ids=str)
def test_reference_computes_what_the_mlp_computes(sizes: list[int], batch: int) -> None:
    mlp, theta, X, Y = problem(sizes, batch)
    assert loss(sizes, tallied(theta), X, Y).v == pytest.approx(mlp.loss(theta, X, Y), rel=1e-12)
    np.testing.assert_allclose(
        backprop(sizes, tallied(theta), X, Y), mlp.backprop(theta, X, Y), rtol=1e-10, atol=1e-14
    )


@pytest.mark.parametrize(("sizes", "batch"), ARCHITECTURES, ids=str)
def test_forward_and_loss_counts(sizes: list[int], batch: int) -> None:
    _, theta, X, Y = problem(sizes, batch)
    assert count(lambda: forward(sizes, tallied(theta), X)) == cost.forward_multiplications(sizes, batch)
    assert count(lambda: loss(sizes, tallied(theta), X, Y)) == cost.loss_multiplications(sizes, batch)


@pytest.mark.parametrize("method", ["forward", "central"])
@pytest.mark.parametrize(("sizes", "batch"), ARCHITECTURES, ids=str)
def test_numerical_gradient_count(sizes: list[int], batch: int, method: str) -> None:
    """whybackprop's own numerical_gradient, run on the tallied loss: its calls times their work."""
    _, theta, X, Y = problem(sizes, batch)
    performed = count(
        lambda: numerical_gradient(lambda t: loss(sizes, tallied(t), X, Y).v, theta, method=method)
    )
    assert performed == cost.numerical_gradient_multiplications(sizes, batch, method)
    n = len(theta)
    assert performed == cost.loss_evaluations(n, method) * cost.loss_multiplications(sizes, batch)


@pytest.mark.parametrize(("sizes", "batch"), ARCHITECTURES, ids=str)
def test_backprop_count(sizes: list[int], batch: int) -> None:
    _, theta, X, Y = problem(sizes, batch)
    assert count(lambda: backprop(sizes, tallied(theta), X, Y)) == cost.backprop_multiplications(sizes, batch)


def test_exact_count_next_to_the_lectures() -> None:
    """B = 1: N_bias fewer multiplications per evaluation than the lecture's N, n_L + 1 more for the loss."""
    sizes = [10, 10, 10, 10]
    mlp = MLP(sizes)
    n = mlp.n_params
    exact = cost.numerical_gradient_multiplications(sizes)
    assert exact == (n + 1) * (n - mlp.n_biases + sizes[-1] + 1)
    assert exact < cost.lecture_step_multiplications(n)
    assert cost.numerical_gradient_multiplications(sizes, batch=8) == (n + 1) * (
        8 * (n - mlp.n_biases + sizes[-1]) + 1
    )
    # Backprop stays about 3 + 2/width forward passes, whatever the depth: the chapter's point.
    for depth in (10, 100, 1000):
        deep = [10] * (depth + 1)
        assert 3 < cost.backprop_multiplications(deep) / cost.forward_multiplications(deep) < 3.2


def test_the_lectures_100_thousand_parameters() -> None:
    """10만 parameters -> N(N+1) = 10,000,100,000."""
    assert cost.lecture_step_multiplications(1) == 2
    assert cost.lecture_step_multiplications(100_000) == 10_000_100_000


def test_loss_evaluations() -> None:
    assert (cost.loss_evaluations(4), cost.loss_evaluations(4, "central")) == (5, 8)
    with pytest.raises(ValueError, match="method must be one of"):
        cost.loss_evaluations(4, "backward")


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda: cost.lecture_step_multiplications(0), ValueError, "n must be at least 1"),
        (lambda: cost.lecture_step_multiplications(1e5), TypeError, "n must be an int"),
        (lambda: cost.lecture_step_multiplications(True), TypeError, "n must be an int"),
        (lambda: cost.loss_evaluations(-3), ValueError, "n must be at least 1"),
        (lambda: cost.forward_multiplications([3], 1), ValueError, "layer_sizes needs at least 2"),
        (lambda: cost.loss_multiplications([3, 2], 0), ValueError, "batch must be at least 1"),
        (
            lambda: cost.backprop_multiplications([3, 0, 2]),
            ValueError,
            r"layer_sizes\[1\] must be at least 1",
        ),
        (
            lambda: cost.numerical_gradient_multiplications([3, 2], 1, "sideways"),
            ValueError,
            "method must be one of",
        ),
    ],
)
def test_bad_input(call: Callable[[], object], error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        call()
