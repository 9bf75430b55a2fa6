"""Forward difference O(ε) and central difference O(ε²): halving ε cuts the error to about 1/2 and 1/4."""

import numpy as np

from whybackprop import numerical_gradient

x, exact = 1.0, np.cos(1.0)  # f(x) = sin x, f'(x) = cos x
for method in ["forward", "central"]:
    error = {h: abs(numerical_gradient(np.sin, x, eps=h, method=method) - exact) for h in [1e-4, 0.5e-4]}
    print(
        f"{method:>7}: ε = 1e-4 → absolute error {error[1e-4]:.2e}, ε = 5e-5 → absolute error {error[0.5e-4]:.2e}, "
        f"ratio {error[1e-4] / error[0.5e-4]:.2f}"
    )
