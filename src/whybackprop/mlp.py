"""A small dense neural network (MLP) whose parameters live in one flat vector.

Layer sizes (n_0, n_1, ..., n_L): n_0 inputs, n_L outputs, tanh on every hidden layer, a linear
output layer, and the mean squared error loss. Layer l maps a batch H (B x n_{l-1}) to
H @ W_l + b_l with W_l of shape (n_{l-1}, n_l) and b_l of length n_l. The flat vector theta holds
W_1, b_1, W_2, b_2, ... in this order, each W row by row, so `numerical_gradient(loss, theta)`
sees one parameter vector of N numbers, as the lecture does.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from whybackprop.gradient import check_int

Array = NDArray[np.float64]


def check_layer_sizes(layer_sizes: Sequence[int]) -> tuple[int, ...]:
    """Return the layer sizes as a tuple of ints, refusing anything that is not a network."""
    if isinstance(layer_sizes, (str, bytes)) or not isinstance(layer_sizes, Sequence):
        raise TypeError(f"layer_sizes must be a sequence of ints, got {type(layer_sizes).__name__}")
    if len(layer_sizes) < 2:
        raise ValueError(f"layer_sizes needs at least 2 entries (inputs, outputs), got {list(layer_sizes)}")
    return tuple(check_int(size, f"layer_sizes[{i}]", 1) for i, size in enumerate(layer_sizes))


class MLP:
    """Dense tanh network with a linear output; parameters as one flat vector theta."""

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
        return self.layer_sizes[0]

    @property
    def n_outputs(self) -> int:
        return self.layer_sizes[-1]

    def init(self, seed: int = 0) -> Array:
        """Random theta: W ~ N(0, 1/n_in) (keeps tanh units out of saturation in deep nets), b = 0."""
        rng = np.random.default_rng(seed)
        theta = np.zeros(self.n_params)
        for W, _ in self.unflatten(theta):
            W[...] = rng.normal(0.0, 1.0 / np.sqrt(W.shape[0]), size=W.shape)
        return theta

    def unflatten(self, theta: ArrayLike) -> list[tuple[Array, Array]]:
        """[(W_1, b_1), (W_2, b_2), ...] as views into theta (writing to them writes theta)."""
        theta = self._check_theta(theta)
        return [
            (
                theta[start : start + n_in * n_out].reshape(n_in, n_out),
                theta[start + n_in * n_out : start + n_in * n_out + n_out],
            )
            for start, n_in, n_out in self._layout
        ]

    def forward(self, theta: ArrayLike, X: ArrayLike) -> Array:
        """Outputs for a batch X of shape (B, n_0): an array of shape (B, n_L)."""
        layers = self.unflatten(theta)
        H = self._check_batch_array(X, "X", self.n_inputs)
        for W, b in layers[:-1]:
            H = np.tanh(H @ W + b)
        W, b = layers[-1]
        return H @ W + b

    def loss(self, theta: ArrayLike, X: ArrayLike, Y: ArrayLike) -> float:
        """Mean squared error over all B * n_L outputs: sum((forward - Y)^2) / (B * n_L)."""
        Y = self._check_targets(X, Y)
        residual = self.forward(theta, X) - Y
        # vdot = sum of the squared residuals (B * n_L products), cheaper to call than np.sum(r * r)
        return float(np.vdot(residual, residual)) / residual.size

    def backprop(self, theta: ArrayLike, X: ArrayLike, Y: ArrayLike) -> Array:
        """Gradient of `loss` by backpropagation, flat, in the same layout as theta."""
        layers = self.unflatten(theta)
        Y = self._check_targets(X, Y)
        H = self._check_batch_array(X, "X", self.n_inputs)
        activations = [H]  # the input of every layer
        for W, b in layers[:-1]:
            H = np.tanh(H @ W + b)
            activations.append(H)
        W, b = layers[-1]
        residual = H @ W + b - Y
        G = residual * (2.0 / residual.size)  # dL/d(output)

        gradient = np.empty(self.n_params)
        grad_layers = self.unflatten(gradient)  # views: filling them fills `gradient`
        for l in range(len(layers) - 1, -1, -1):
            H = activations[l]
            dW, db = grad_layers[l]
            dW[...] = H.T @ G
            db[...] = G.sum(axis=0)
            if l > 0:  # back through W_l, then through tanh: tanh' = 1 - tanh^2
                G = (G @ layers[l][0].T) * (1.0 - H * H)
        return gradient

    def forward_multiplications(self, batch: int = 1) -> int:
        """Exact scalar multiplications of one forward pass on `batch` examples: B * (N - N_bias).

        Each weight is used in exactly one multiplication per example (H @ W); a bias is only
        added. tanh is counted as a function evaluation, not as multiplications.
        """
        return check_int(batch, "batch", 1) * self.n_weights

    def _check_theta(self, theta: ArrayLike) -> Array:
        array = np.asarray(theta)
        if array.dtype != np.float64:
            _check_real(array, "theta")
            array = array.astype(np.float64)
        if array.shape != (self.n_params,):
            raise ValueError(
                f"theta must be a flat vector of {self.n_params} parameters for {self!r}, "
                f"got shape {array.shape}"
            )
        return array

    def _check_batch_array(self, A: ArrayLike, name: str, width: int) -> Array:
        array = np.asarray(A)
        if array.dtype != np.float64:
            _check_real(array, name)
            array = array.astype(np.float64)
        if array.ndim != 2 or array.shape[1] != width or array.shape[0] < 1:
            raise ValueError(f"{name} must have shape (B, {width}) with B >= 1, got shape {array.shape}")
        return array

    def _check_targets(self, X: ArrayLike, Y: ArrayLike) -> Array:
        Y = self._check_batch_array(Y, "Y", self.n_outputs)
        batch = np.shape(X)[0] if np.ndim(X) else None
        if Y.shape[0] != batch:
            raise ValueError(f"Y has {Y.shape[0]} rows but X has {batch}; they must match")
        return Y


def _check_real(array: NDArray[Any], name: str) -> None:
    if array.dtype == np.bool_ or not (
        np.issubdtype(array.dtype, np.integer) or np.issubdtype(array.dtype, np.floating)
    ):
        raise TypeError(f"{name} must hold real numbers, got dtype {array.dtype}")
