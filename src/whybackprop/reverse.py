"""One backward sweep of the chain rule (reverse mode) through the black box's computational graph.

The loss of one sample (x, t) is built from seven small steps, each a node of the graph:

    u = b x,  z = u + c,  h = tanh z,  v = a h,  y = v + d,  r = y - t,  loss = r^2

The forward sweep computes every node's value, in that order. The backward sweep then starts from
d(loss)/d(loss) = 1 and walks the nodes in reverse, giving each node its adjoint, d(loss)/d(node):
a node's adjoint is its consumer's adjoint times the local derivative of that one step (the chain
rule). When the sweep reaches the parameters it has all four partial derivatives at once, where
a numerical gradient would evaluate the loss N + 1 = 5 times.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from numpy.typing import ArrayLike

from whybackprop._checks import as_real_scalar
from whybackprop.blackbox import PARAMETER_NAMES, _four

NODES: tuple[str, ...] = ("x", "a", "b", "c", "d", "u", "z", "h", "v", "y", "r", "loss")
"""The graph's nodes: the input, the four parameters, then the seven steps in forward order."""


@dataclass(frozen=True)
class Sweep:
    """The values (forward sweep) and adjoints d(loss)/d(node) (backward sweep) of every node.

    Attributes:
        values: Each node's value, by name (see `NODES`).
        adjoints: Each node's adjoint d(loss)/d(node), by name (all but the data x); for "a".."d"
            the partial derivatives.
        forward_multiplications: Multiplications of the forward sweep (b x, a h, r^2).
        backward_multiplications: Multiplications of the backward sweep.
    """

    values: dict[str, float]
    adjoints: dict[str, float]
    forward_multiplications: int
    backward_multiplications: int

    @property
    def gradient(self) -> tuple[float, float, float, float]:
        """d(loss)/d(a, b, c, d): the parameters' adjoints, in theta's order."""
        a, b, c, d = (self.adjoints[name] for name in PARAMETER_NAMES)
        return a, b, c, d


def reverse_sweep(theta: ArrayLike, x: float, target: float) -> Sweep:
    """Forward then backward through y = a tanh(b x + c) + d and the loss (y - t)^2 of one sample.

    The four partial derivatives come out of one backward sweep; they equal the chain-rule gradient
    of a problem that holds only this sample.

    ```python
    import numpy as np
    from whybackprop import BlackBoxProblem
    from whybackprop.reverse import reverse_sweep

    sweep = reverse_sweep([1.0, 1.0, 0.0, 0.0], x=0.5, target=1.0)
    one_sample = BlackBoxProblem(x=np.array([0.5]), y=np.array([1.0]))
    assert np.allclose(sweep.gradient, one_sample.exact_gradient([1.0, 1.0, 0.0, 0.0]))
    assert sweep.adjoints["loss"] == 1.0  # where the backward sweep starts
    ```

    Args:
        theta: The four parameters (a, b, c, d).
        x: The sample's input, a finite real number.
        target: The sample's target t, a finite real number.

    Returns:
        Every node's value and adjoint, and how many multiplications each sweep took.

    Raises:
        ValueError: `theta` does not hold four finite numbers, or `x` or `target` is not finite.
        TypeError: `x` or `target` is not a real number.
    """
    a, b, c, d = (float(p) for p in _four(theta))
    x, target = (_finite(value, name) for value, name in ((x, "x"), (target, "target")))
    # Forward: every node's value, in graph order.
    u = b * x
    z = u + c
    h = math.tanh(z)
    v = a * h
    y = v + d
    r = y - target
    loss = r * r
    # Backward: each adjoint is the next node's adjoint times that step's local derivative.
    loss_bar = 1.0
    r_bar = 2.0 * r * loss_bar  # d(r^2)/dr = 2r (counted as one multiplication: 2r is reused)
    y_bar = r_bar  # r = y - t
    v_bar, d_bar = y_bar, y_bar  # y = v + d
    a_bar, h_bar = v_bar * h, v_bar * a  # v = a h
    z_bar = h_bar * (1.0 - h * h)  # h = tanh z, tanh' = 1 - tanh^2
    u_bar, c_bar = z_bar, z_bar  # z = u + c
    b_bar = u_bar * x  # u = b x (x is data: its adjoint is not needed)
    values = {"x": x, "a": a, "b": b, "c": c, "d": d, "u": u, "z": z, "h": h, "v": v, "y": y, "r": r}
    adjoints = {"a": a_bar, "b": b_bar, "c": c_bar, "d": d_bar, "u": u_bar, "z": z_bar}
    adjoints |= {"h": h_bar, "v": v_bar, "y": y_bar, "r": r_bar, "loss": loss_bar}
    return Sweep(
        values=values | {"loss": loss},
        adjoints=adjoints,
        forward_multiplications=3,  # b x, a h, r r
        backward_multiplications=6,  # 2r, v_bar h, v_bar a, h h, h_bar (1 - h^2), u_bar x
    )


def _finite(value: object, name: str) -> float:
    number = as_real_scalar(value, name, verb="be")
    if not math.isfinite(number):
        raise ValueError(f"{name} must be finite, got {number}")
    return number
