"""How many multiplications one gradient costs: the lecture's estimate and the exact count.

The lecture's argument: one loss evaluation of a deep network costs about N multiplications
(N = number of parameters); a forward-difference numerical gradient needs N+1 loss evaluations;
so one gradient-descent step costs about N(N+1) multiplications.

For `whybackprop.mlp.MLP` with layer sizes (n_0, ..., n_L) and a batch of B examples we can count
exactly. Only multiplications (and the few divisions) are counted; additions and tanh
evaluations are not. Two things make the exact count differ from the lecture's N:

* biases need no multiplication: H @ W + b multiplies every weight once per example and only
  adds b, so one forward pass on one example costs N - N_bias multiplications;
* a batch of B examples repeats that B times.

The mean squared error on top adds B * n_L squarings and one division by B * n_L.
"""

from __future__ import annotations

from collections.abc import Sequence

from whybackprop._checks import check_choice, check_int, check_layer_sizes
from whybackprop.gradient import METHODS


def lecture_step_multiplications(n: int) -> int:
    """The lecture's cost of one numerical-gradient step: N(N+1) multiplications.

    About N multiplications per loss evaluation, times the N+1 evaluations of a forward-difference
    gradient. For N = 100,000 parameters: 10,000,100,000 ~ 10^10 (ten billion).

    ```python
    from whybackprop import lecture_step_multiplications

    assert lecture_step_multiplications(100_000) == 10_000_100_000
    ```

    Args:
        n: N, the number of parameters, at least 1.

    Returns:
        N(N+1).

    Raises:
        ValueError: `n` < 1.
        TypeError: `n` is not an int.
    """
    n = check_int(n, "n", 1)
    return n * (n + 1)


def forward_multiplications(layer_sizes: Sequence[int], batch: int = 1) -> int:
    """One forward pass on `batch` examples: B * (N - N_bias) = B * sum(n_{l-1} * n_l).

    Each weight is used in exactly one multiplication per example (H @ W); a bias is only
    added. tanh is counted as a function evaluation, not as multiplications.

    ```python
    from whybackprop import forward_multiplications

    assert forward_multiplications([3, 4, 2], batch=10) == 10 * (3 * 4 + 4 * 2)
    ```

    Args:
        layer_sizes: (n_0, ..., n_L) of the network, as for `MLP`.
        batch: B, the number of examples, at least 1.

    Returns:
        B * (n_0 n_1 + ... + n_{L-1} n_L).

    Raises:
        ValueError: Fewer than two layer sizes, a size < 1, or `batch` < 1.
        TypeError: A size or `batch` that is not an int.
    """
    return check_int(batch, "batch", 1) * _weights(check_layer_sizes(layer_sizes))


def loss_multiplications(layer_sizes: Sequence[int], batch: int = 1) -> int:
    """One evaluation of the mean squared error: the forward pass, B * n_L squarings, 1 division.

    ```python
    from whybackprop import forward_multiplications, loss_multiplications

    assert loss_multiplications([3, 4, 2], batch=10) == forward_multiplications([3, 4, 2], 10) + 10 * 2 + 1
    ```

    Args:
        layer_sizes: (n_0, ..., n_L) of the network, as for `MLP`.
        batch: B, the number of examples, at least 1.

    Returns:
        B * (N - N_bias) + B * n_L + 1.

    Raises:
        ValueError: Fewer than two layer sizes, a size < 1, or `batch` < 1.
        TypeError: A size or `batch` that is not an int.
    """
    sizes, batch = check_layer_sizes(layer_sizes), check_int(batch, "batch", 1)
    return batch * (_weights(sizes) + sizes[-1]) + 1


def loss_evaluations(n: int, method: str = "forward") -> int:
    """Loss evaluations of one numerical gradient in N parameters: N+1 (forward) or 2N (central).

    ```python
    from whybackprop import loss_evaluations

    assert (loss_evaluations(4), loss_evaluations(4, "central")) == (5, 8)
    ```

    Args:
        n: N, the number of parameters, at least 1.
        method: `"forward"` or `"central"`.

    Returns:
        N+1 or 2N.

    Raises:
        ValueError: `n` < 1 or an unknown `method`.
        TypeError: `n` is not an int.
    """
    n = check_int(n, "n", 1)
    check_choice(method, "method", METHODS)
    return n + 1 if method == "forward" else 2 * n


def numerical_gradient_multiplications(
    layer_sizes: Sequence[int], batch: int = 1, method: str = "forward"
) -> int:
    """Multiplications in the loss evaluations of one numerical gradient.

    forward: (N+1) * loss; central: 2N * loss, where loss = B * (N - N_bias) + B * n_L + 1.
    Versus the lecture's N(N+1): per evaluation N_bias fewer multiplications, n_L + 1 more for
    the loss itself, and everything times B. The finite-difference bookkeeping (N step sizes,
    N divisions by the step) adds 2N more, O(N) next to O(N^2), and is left out as the lecture
    leaves it out.

    ```python
    from whybackprop import MLP, lecture_step_multiplications, numerical_gradient_multiplications

    n = MLP([10, 10, 10]).n_params
    assert numerical_gradient_multiplications([10, 10, 10]) < lecture_step_multiplications(n)
    ```

    Args:
        layer_sizes: (n_0, ..., n_L) of the network, as for `MLP`.
        batch: B, the number of examples, at least 1.
        method: `"forward"` or `"central"`.

    Returns:
        The loss evaluations times the multiplications of one loss.

    Raises:
        ValueError: Fewer than two layer sizes, a size < 1, `batch` < 1, or an unknown `method`.
        TypeError: A size or `batch` that is not an int.
    """
    sizes = check_layer_sizes(layer_sizes)
    n_params = _weights(sizes) + sum(sizes[1:])
    return loss_evaluations(n_params, method) * loss_multiplications(sizes, batch)


def backprop_multiplications(layer_sizes: Sequence[int], batch: int = 1) -> int:
    """Multiplications of one backpropagation gradient (`MLP.backprop`) on `batch` examples.

    With W = N - N_bias (the weights) and hidden = n_1 + ... + n_{L-1}:
      forward pass, keeping every layer's input          B * W
      dL/d(output) = residual * (2 / (B n_L))            B * n_L + 1
      dW_l = H_{l-1}^T G_l for every layer               B * W
      G_l W_l^T for every layer but the first            B * (W - n_0 n_1)
      times tanh' = 1 - H^2 (a square, a product)        2 * B * hidden
    About 3 forward passes, whatever N is: O(N), where the numerical gradient is O(N^2).

    ```python
    from whybackprop import backprop_multiplications, forward_multiplications

    deep = [10] * 101  # 100 layers of 10 units
    assert 3 < backprop_multiplications(deep) / forward_multiplications(deep) < 3.2
    ```

    Args:
        layer_sizes: (n_0, ..., n_L) of the network, as for `MLP`.
        batch: B, the number of examples, at least 1.

    Returns:
        The multiplications of one `MLP.backprop` call.

    Raises:
        ValueError: Fewer than two layer sizes, a size < 1, or `batch` < 1.
        TypeError: A size or `batch` that is not an int.
    """
    sizes, batch = check_layer_sizes(layer_sizes), check_int(batch, "batch", 1)
    hidden = sum(sizes[1:-1])
    return batch * (3 * _weights(sizes) - sizes[0] * sizes[1] + sizes[-1] + 2 * hidden) + 1


def stacked_network_multiplications(width: int, depth: int, batch: int = 1) -> dict[str, int]:
    """Counts for `depth` dense layers of `width` units (layer sizes [width] * (depth + 1)).

    The benchmark's network family, in closed form so that N = 10^9 costs no time to count:
    N = depth (width^2 + width); the same numbers as the functions above (a test checks it).

    ```python
    from whybackprop import backprop_multiplications, stacked_network_multiplications

    counts = stacked_network_multiplications(width=10, depth=3)
    assert counts["n_params"] == 3 * 110
    assert counts["backprop"] == backprop_multiplications([10] * 4)
    ```

    Args:
        width: Units in every layer, inputs included.
        depth: The number of dense layers.
        batch: B, the number of examples.

    Returns:
        `n_params`, and the multiplications of one forward-difference `numerical` gradient and of
        one `backprop` gradient on `batch` examples.

    Raises:
        ValueError: An argument < 1.
        TypeError: An argument that is not an int.
    """
    width, depth = check_int(width, "width", 1), check_int(depth, "depth", 1)
    batch = check_int(batch, "batch", 1)
    n_params = depth * (width * width + width)
    weights = depth * width * width
    loss = batch * weights + batch * width + 1
    hidden = (depth - 1) * width
    backprop = batch * (3 * weights - width * width + width + 2 * hidden) + 1
    return {"n_params": n_params, "numerical": (n_params + 1) * loss, "backprop": backprop}


def _weights(sizes: Sequence[int]) -> int:
    """N - N_bias: the number of weights, n_0 n_1 + n_1 n_2 + ... + n_{L-1} n_L."""
    return sum(n_in * n_out for n_in, n_out in zip(sizes, sizes[1:]))
