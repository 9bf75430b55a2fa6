"""Gradient check: test gradient code (here exact_gradient) against central-difference numerical gradients."""

from whybackprop import make_problem, numerical_gradient
from whybackprop.blackbox import PARAMETER_NAMES, START_THETA
from whybackprop.gradcheck import check_gradient, relative_errors

SUSPICIOUS = 1e-4  # a component with a larger relative error makes the gradient code suspect
problem = make_problem()
exact = problem.exact_gradient(START_THETA)  # the value of the gradient code under test

forward = numerical_gradient(problem.loss, START_THETA)  # for comparison: the forward difference
print(f"against the forward difference: largest relative error {relative_errors(forward, exact).max():.1e}")
check = check_gradient(problem.loss, exact, START_THETA)  # central differences, every coordinate
print(f"against the central difference: largest relative error {check.errors.max():.1e}")
assert check.errors.max() < SUSPICIOUS, "gradient check failed"


def wrong_gradient(theta):
    """Gradient code with a planted bug: the 2 of ∂L/∂d = (2/M)Σ r_i is missing."""
    gradient = problem.exact_gradient(theta)
    gradient[3] /= 2
    return gradient


bad = check_gradient(problem.loss, wrong_gradient(START_THETA), START_THETA)
print("gradient code with the bug:")
for name, error in zip(PARAMETER_NAMES, bad.errors):
    print(f"  ∂L/∂{name}: relative error {error:.1e}" + ("  ← suspect" if error > SUSPICIOUS else ""))
assert bad.errors.max() > SUSPICIOUS
