"""The forward-difference numerical gradient in code: one loop that calls the loss N + 1 times."""

import numpy as np

from whybackprop import make_problem, numerical_gradient
from whybackprop.blackbox import START_THETA


def forward_difference(loss, theta, eps=1e-6):
    theta = np.array(theta, dtype=float)
    base = loss(theta)  # once: the loss at the current parameters
    gradient = np.zeros_like(theta)
    for i in range(theta.size):  # N times: move one parameter by ε and evaluate the loss again
        moved = theta.copy()
        moved[i] += eps
        gradient[i] = (loss(moved) - base) / eps
    return gradient


loss = make_problem().loss
mine = forward_difference(loss, START_THETA)
package = numerical_gradient(loss, START_THETA, eps=1e-6)
print("gradient from the loop       ", mine)
print("gradient of numerical_gradient", package)
print(f"largest difference {np.max(np.abs(mine - package)):.1e}")
# The package divides by the distance actually moved, (θ_i + ε) − θ_i, not by ε: θ_i + ε is rounded, so that distance differs slightly from ε
print(
    f"distance actually moved (θ_1 + ε) − θ_1 = {float((START_THETA[0] + 1e-6) - START_THETA[0])!r} (ε = 1e-06)"
)
assert np.allclose(mine, package, rtol=1e-8, atol=0)
