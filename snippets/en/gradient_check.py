"""Gradient check: compare the numerical gradient with the analytic gradient obtained by differentiating the formula."""

import numpy as np

from whybackprop import make_problem, numerical_gradient
from whybackprop.blackbox import START_THETA

TOLERANCE = 1e-6  # the relative error we accept
problem = make_problem()

exact = problem.exact_gradient(START_THETA)
print(f"analytic gradient  {exact.round(8)}")
for method, name in [("forward", "forward"), ("central", "central")]:
    numeric = numerical_gradient(problem.loss, START_THETA, method=method)
    rel_err = np.linalg.norm(numeric - exact) / np.linalg.norm(exact)
    print(f"{name} difference {numeric.round(8)}, relative error {rel_err:.1e}")
    assert rel_err < TOLERANCE, f"gradient check failed ({method}): relative error {rel_err:.2e}"
print(f"relative error < {TOLERANCE:g}: passed")
