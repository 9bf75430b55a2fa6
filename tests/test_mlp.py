"""whybackprop.mlp.MLP: layout, forward pass, loss, hand-written backprop, and clear errors."""

from __future__ import annotations

import numpy as np
import pytest

from whybackprop import MLP, numerical_gradient

ARCHITECTURES = [[1, 1], [3, 5, 2], [2, 4, 4, 1], [4, 8, 3, 6, 2]]
BATCHES = [1, 7, 32]


def data(mlp: MLP, batch: int, seed: int = 1) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    return rng.normal(size=(batch, mlp.n_inputs)), rng.normal(size=(batch, mlp.n_outputs))


def test_parameter_count_and_layout() -> None:
    mlp = MLP([3, 5, 2])
    assert (mlp.n_params, mlp.n_biases, mlp.n_weights) == (3 * 5 + 5 + 5 * 2 + 2, 7, 25)
    theta = np.arange(mlp.n_params, dtype=float)
    (W1, b1), (W2, b2) = mlp.unflatten(theta)
    # W_1 row by row, then b_1, then W_2, then b_2: one contiguous block each.
    assert W1.shape == (3, 5) and W1[0, 1] == 1 and W1[2, 4] == 14
    assert b1.tolist() == list(range(15, 20))
    assert W2.shape == (5, 2) and W2[0, 0] == 20 and b2.tolist() == [30, 31]


def test_forward_and_loss_match_a_plain_loop() -> None:
    mlp = MLP([2, 3, 1])
    theta = mlp.init(seed=4)
    X, Y = data(mlp, 5)
    (W1, b1), (W2, b2) = mlp.unflatten(theta)
    expected = []
    for x in X:  # one example at a time, written out
        hidden = [np.tanh(sum(x[i] * W1[i, j] for i in range(2)) + b1[j]) for j in range(3)]
        expected.append(sum(hidden[j] * W2[j, 0] for j in range(3)) + b2[0])
    out = mlp.forward(theta, X)
    assert out.shape == (5, 1)
    np.testing.assert_allclose(out[:, 0], expected, rtol=1e-13)
    assert mlp.loss(theta, X, Y) == pytest.approx(np.mean((np.array(expected) - Y[:, 0]) ** 2), rel=1e-13)


def test_init_is_seeded_and_biases_start_at_zero() -> None:
    mlp = MLP([4, 8, 2])
    a, b = mlp.init(seed=3), mlp.init(seed=3)
    np.testing.assert_array_equal(a, b)
    assert not np.array_equal(a, mlp.init(seed=4))
    assert all(not bias.any() for _, bias in mlp.unflatten(a))


@pytest.mark.parametrize("sizes", ARCHITECTURES, ids=str)
@pytest.mark.parametrize("batch", BATCHES)
def test_backprop_equals_central_difference(sizes: list[int], batch: int) -> None:
    """Normwise relative error ||backprop - central|| / ||central|| (2-norm) <= 1e-7.

    Central differences with whybackprop's default step (cbrt(machine eps) ~ 6e-6) are accurate to
    about 1e-10 here; a wrong backprop term (a missing tanh', a transposed W) is off by O(1).
    """
    mlp = MLP(sizes)
    theta = mlp.init(seed=batch)
    theta += np.random.default_rng(0).normal(scale=0.1, size=theta.shape)  # non-zero biases too
    X, Y = data(mlp, batch)
    exact = mlp.backprop(theta, X, Y)
    numeric = numerical_gradient(lambda t: mlp.loss(t, X, Y), theta, method="central")
    assert exact.shape == theta.shape
    assert np.linalg.norm(exact - numeric) <= 1e-7 * np.linalg.norm(numeric)


def test_backprop_does_not_change_theta() -> None:
    mlp = MLP([2, 3, 1])
    theta = mlp.init(seed=0)
    before = theta.copy()
    mlp.backprop(theta, *data(mlp, 4))
    np.testing.assert_array_equal(theta, before)


def test_accepts_lists_and_integers() -> None:
    mlp = MLP([2, 1])
    assert mlp.loss([1, 2, 3], [[1, 1]], [[0]]) == 36.0  # (1 + 2 + 3 - 0)^2
    np.testing.assert_array_equal(mlp.backprop([1, 2, 3], [[1, 1]], [[0]]), [12.0, 12.0, 12.0])


@pytest.mark.parametrize(
    ("sizes", "error", "message"),
    [
        ([3], ValueError, "at least 2 entries"),
        ([], ValueError, "at least 2 entries"),
        ([3, 0, 1], ValueError, r"layer_sizes\[1\] must be at least 1"),
        ([3, -2], ValueError, r"layer_sizes\[1\] must be at least 1"),
        ([3, 2.5], TypeError, r"layer_sizes\[1\] must be an int"),
        ([True, 2], TypeError, r"layer_sizes\[0\] must be an int"),
        ("32", TypeError, "sequence of ints, got str"),
        (5, TypeError, "sequence of ints, got int"),
    ],
)
def test_bad_layer_sizes(sizes: object, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        MLP(sizes)


def test_bad_shapes_name_the_argument() -> None:
    mlp = MLP([3, 4, 2])
    theta = mlp.init()
    X, Y = data(mlp, 5)
    with pytest.raises(ValueError, match=r"theta must be a flat vector of 26 parameters"):
        mlp.forward(theta[:-1], X)
    with pytest.raises(ValueError, match=r"theta must be a flat vector"):
        mlp.loss(theta.reshape(2, 13), X, Y)
    with pytest.raises(ValueError, match=r"X must have shape \(B, 3\)"):
        mlp.forward(theta, X[:, :2])
    with pytest.raises(ValueError, match=r"X must have shape \(B, 3\)"):
        mlp.forward(theta, X[0])
    with pytest.raises(ValueError, match=r"X must have shape \(B, 3\) with B >= 1"):
        mlp.forward(theta, X[:0])
    with pytest.raises(ValueError, match=r"Y must have shape \(B, 2\)"):
        mlp.loss(theta, X, Y[:, 0])
    with pytest.raises(ValueError, match=r"Y has 4 rows.*X has 5"):
        mlp.backprop(theta, X, Y[:4])
    with pytest.raises(TypeError, match="X must hold real numbers"):
        mlp.forward(theta, [["a", "b", "c"]])
    with pytest.raises(TypeError, match="theta must hold real numbers"):
        mlp.forward(theta.astype(complex), X)


def test_forward_multiplications_rejects_bad_batch() -> None:
    mlp = MLP([3, 4, 2])
    assert mlp.forward_multiplications(10) == 10 * (3 * 4 + 4 * 2)
    with pytest.raises(ValueError, match="batch must be at least 1"):
        mlp.forward_multiplications(0)
    with pytest.raises(TypeError, match="batch must be an int"):
        mlp.forward_multiplications(2.0)
