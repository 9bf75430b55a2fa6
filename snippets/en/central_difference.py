"""Forward difference O(ε) and central difference O(ε²): halving ε cuts the error to about 1/2 and 1/4."""

import numpy as np

from whybackprop import numerical_gradient

x, exact = 1.0, np.cos(1.0)  # f(x) = sin x, f'(x) = cos x


def error(method, eps):
    """The absolute error of the numerical gradient with step eps."""
    return abs(numerical_gradient(np.sin, x, eps=eps, method=method) - exact)


print("|error|   ε = 1e-4   ε = 5e-5  ratio")
for method in ["forward", "central"]:
    big = error(method, 1e-4)
    small = error(method, 0.5e-4)
    print(
        f"{method:>7}",
        f"{big:10.2e}",
        f"{small:10.2e}",
        f"{big / small:6.2f}",
    )
