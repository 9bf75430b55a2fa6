"""A small dense neural network (MLP) whose parameters live in one flat vector.

Layer sizes (n_0, n_1, ..., n_L): n_0 inputs, n_L outputs, tanh on every hidden layer, a linear
output layer, and the mean squared error loss. Layer l maps a batch H (B x n_{l-1}) to
H @ W_l + b_l with W_l of shape (n_{l-1}, n_l) and b_l of length n_l. The flat vector theta holds
W_1, b_1, W_2, b_2, ... in this order, each W row by row, so `numerical_gradient(loss, theta)`
sees one parameter vector of N numbers, as the lecture does.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import ArrayLike, NDArray

from whybackprop import cost
from whybackprop._checks import as_float64_array, check_layer_sizes

Array = NDArray[np.float64]
Layers = list[tuple[Array, Array]]


class MLP:
    """Dense tanh network with a linear output; parameters as one flat vector theta.

    ```python
    import numpy as np
    from whybackprop import MLP

    mlp = MLP([3, 4, 2])  # 3 inputs, 4 hidden tanh units, 2 outputs
    assert (mlp.n_params, mlp.n_weights, mlp.n_biases) == (26, 20, 6)
    theta = mlp.init(seed=0)
    X, Y = np.ones((5, 3)), np.zeros((5, 2))
    assert mlp.forward(theta, X).shape == (5, 2)
    assert mlp.backprop(theta, X, Y).shape == theta.shape
    ```

    Args:
        layer_sizes: (n_0, n_1, ..., n_L): inputs, hidden layers, outputs; at least two ints >= 1.

    Attributes:
        layer_sizes: The layer sizes as a tuple.
        n_params: N, the length of theta: every weight and bias.
        n_weights: The weights alone, n_0 n_1 + ... + n_{L-1} n_L.
        n_biases: The biases alone, n_1 + ... + n_L.

    Raises:
        TypeError: `layer_sizes` is not a sequence of ints.
        ValueError: Fewer than two sizes, or a size < 1.
    """

    def __init__(self, layer_sizes: Sequence[int]) -> None:
        self.layer_sizes = check_layer_sizes(layer_sizes)
        # Where each layer's W and b sit in theta: (start, n_in, n_out).
        self._layout: list[tuple[int, int, int]] = []
        start = 0
        for n_in, n_out in zip(self.layer_sizes, self.layer_sizes[1:]):
            self._layout.append((start, n_in, n_out))
            start += n_in * n_out + n_out
        self.n_params = start
        self.n_biases = sum(self.layer_sizes[1:])
        self.n_weights = self.n_params - self.n_biases

    def __repr__(self) -> str:
        return f"MLP({list(self.layer_sizes)}, n_params={self.n_params})"

    @property
    def n_inputs(self) -> int:
        """n_0, the width of an input row."""
        return self.layer_sizes[0]

    @property
    def n_outputs(self) -> int:
        """n_L, the width of an output row."""
        return self.layer_sizes[-1]

    def init(self, seed: int = 0) -> Array:
        """Random theta: W ~ N(0, 1/n_in) (keeps tanh units out of saturation in deep nets), b = 0.

        ```python
        import numpy as np
        from whybackprop import MLP

        mlp = MLP([2, 3, 1])
        assert np.array_equal(mlp.init(seed=1), mlp.init(seed=1))
        ```

        Args:
            seed: The seed of the random generator.

        Returns:
            A new theta of length `n_params`.
        """
        rng = np.random.default_rng(seed)
        theta = np.zeros(self.n_params)
        for W, _ in self.unflatten(theta):
            W[...] = rng.normal(0.0, 1.0 / np.sqrt(W.shape[0]), size=W.shape)
        return theta

    def unflatten(self, theta: ArrayLike) -> Layers:
        """[(W_1, b_1), (W_2, b_2), ...] as views into theta (writing to them writes theta).

        ```python
        import numpy as np
        from whybackprop import MLP

        theta = np.arange(9.0)
        (W1, b1), (W2, b2) = MLP([2, 2, 1]).unflatten(theta)
        assert W1.tolist() == [[0.0, 1.0], [2.0, 3.0]] and b1.tolist() == [4.0, 5.0]
        assert W2.shape == (2, 1) and b2.tolist() == [8.0]
        ```

        Args:
            theta: A flat float64 vector of length `n_params` (other real dtypes are converted, copied).

        Returns:
            For every layer, W of shape (n_{l-1}, n_l) and b of length n_l.

        Raises:
            ValueError: `theta` is not a flat vector of `n_params` numbers.
            TypeError: `theta` is not real.
        """
        theta = self._check_theta(theta)
        return [
            (
                theta[start : start + n_in * n_out].reshape(n_in, n_out),
                theta[start + n_in * n_out : start + n_in * n_out + n_out],
            )
            for start, n_in, n_out in self._layout
        ]

    def forward(self, theta: ArrayLike, X: ArrayLike) -> Array:
        """Outputs for a batch X of shape (B, n_0): an array of shape (B, n_L).

        ```python
        from whybackprop import MLP

        mlp = MLP([2, 1])  # no hidden layer: y = x W + b
        assert mlp.forward([1.0, 2.0, 0.5], [[1.0, 1.0]]).tolist() == [[3.5]]
        ```

        Args:
            theta: The parameters, a flat vector of length `n_params`.
            X: The inputs, one example per row.

        Returns:
            The outputs, one row per example.

        Raises:
            ValueError: `theta` or `X` of the wrong shape.
            TypeError: `theta` or `X` not real.
        """
        return self._activations(self.unflatten(theta), X)[-1]

    def loss(self, theta: ArrayLike, X: ArrayLike, Y: ArrayLike) -> float:
        """Mean squared error over all B * n_L outputs: sum((forward - Y)^2) / (B * n_L).

        ```python
        from whybackprop import MLP

        mlp = MLP([2, 1])
        assert mlp.loss([1.0, 2.0, 0.5], [[1.0, 1.0]], [[1.5]]) == 4.0  # (3.5 - 1.5)^2
        ```

        Args:
            theta: The parameters, a flat vector of length `n_params`.
            X: The inputs, shape (B, n_0).
            Y: The targets, shape (B, n_L).

        Returns:
            The loss.

        Raises:
            ValueError: A wrong shape, or X and Y with different numbers of rows.
            TypeError: An argument that is not real.
        """
        Y = self._check_targets(X, Y)
        residual = self.forward(theta, X) - Y
        # vdot = sum of the squared residuals (B * n_L products), cheaper to call than np.sum(r * r)
        return float(np.vdot(residual, residual)) / residual.size

    def backprop(self, theta: ArrayLike, X: ArrayLike, Y: ArrayLike) -> Array:
        """Gradient of `loss` by backpropagation, flat, in the same layout as theta.

        ```python
        import numpy as np
        from whybackprop import MLP, numerical_gradient

        mlp = MLP([2, 3, 1])
        theta, X, Y = mlp.init(seed=0), np.ones((4, 2)), np.zeros((4, 1))
        numeric = numerical_gradient(lambda t: mlp.loss(t, X, Y), theta, method="central")
        assert np.allclose(mlp.backprop(theta, X, Y), numeric, atol=1e-8)
        ```

        Args:
            theta: The parameters, a flat vector of length `n_params`.
            X: The inputs, shape (B, n_0).
            Y: The targets, shape (B, n_L).

        Returns:
            dL/dtheta, a new flat vector of length `n_params`.

        Raises:
            ValueError: A wrong shape, or X and Y with different numbers of rows.
            TypeError: An argument that is not real.
        """
        layers = self.unflatten(theta)
        Y = self._check_targets(X, Y)
        activations = self._activations(layers, X)  # the input of every layer, then the output
        residual = activations[-1] - Y
        G = residual * (2.0 / residual.size)  # dL/d(output)

        gradient = np.empty(self.n_params)
        grad_layers = self.unflatten(gradient)  # views: filling them fills `gradient`
        for k in reversed(range(len(layers))):
            H = activations[k]
            dW, db = grad_layers[k]
            dW[...] = H.T @ G
            db[...] = G.sum(axis=0)
            if k > 0:  # back through W_k, then through tanh: tanh' = 1 - tanh^2
                G = (G @ layers[k][0].T) * (1.0 - H * H)
        return gradient

    def forward_multiplications(self, batch: int = 1) -> int:
        """Multiplications of one forward pass on `batch` examples: `cost.forward_multiplications`.

        ```python
        from whybackprop import MLP

        assert MLP([3, 4, 2]).forward_multiplications(batch=10) == 10 * (3 * 4 + 4 * 2)
        ```

        Args:
            batch: B, the number of examples, at least 1.

        Returns:
            B * n_weights.

        Raises:
            ValueError: `batch` < 1.
            TypeError: `batch` is not an int.
        """
        return cost.forward_multiplications(self.layer_sizes, batch)

    def _activations(self, layers: Layers, X: ArrayLike) -> list[Array]:
        """The forward pass: [X, tanh(X W_1 + b_1), ..., H_{L-1} W_L + b_L], every layer's input and the output."""
        H = self._check_batch_array(X, "X", self.n_inputs)
        activations = [H]
        for W, b in layers[:-1]:
            H = np.tanh(H @ W + b)
            activations.append(H)
        W, b = layers[-1]
        activations.append(H @ W + b)
        return activations

    def _check_theta(self, theta: ArrayLike) -> Array:
        array = as_float64_array(theta, "theta")
        if array.shape != (self.n_params,):
            raise ValueError(
                f"theta must be a flat vector of {self.n_params} parameters for {self!r}, "
                f"got shape {array.shape}"
            )
        return array

    def _check_batch_array(self, A: ArrayLike, name: str, width: int) -> Array:
        array = as_float64_array(A, name)
        if array.ndim != 2 or array.shape[1] != width or array.shape[0] < 1:
            raise ValueError(f"{name} must have shape (B, {width}) with B >= 1, got shape {array.shape}")
        return array

    def _check_targets(self, X: ArrayLike, Y: ArrayLike) -> Array:
        Y = self._check_batch_array(Y, "Y", self.n_outputs)
        batch = np.shape(X)[0] if np.ndim(X) else None
        if Y.shape[0] != batch:
            raise ValueError(f"Y has {Y.shape[0]} rows but X has {batch}; they must match")
        return Y
