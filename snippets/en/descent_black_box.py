"""Train the black-box model by gradient descent (with the analytic gradient exact_gradient, from differentiating the formula)."""

from whybackprop import gradient_descent, make_problem
from whybackprop.blackbox import PARAMETER_NAMES, START_THETA, TRUE_THETA

problem = make_problem()
result = gradient_descent(problem.loss, START_THETA, lr=0.5, steps=3000, grad=problem.exact_gradient)

# Read the outcome from the fields of result (status, steps, losses). Stopping rule: gradient norm ≤ 1e-8
if result.status.name == "CONVERGED":
    print(f"Converged: stopped after {result.steps} steps, when the gradient norm fell to 1e-8 or below.")
else:
    print(f"Stopped at step {result.steps} (status: {result.status.name}).")
print(f"loss: {result.losses[0]:.6f} (start) → {result.losses[-1]:.6f} (after {result.steps} steps)")
print(f"for reference, the loss at the true values L(true) = {problem.loss(TRUE_THETA):.6f}")
for name, learned, true in zip(PARAMETER_NAMES, result.theta, TRUE_THETA):
    print(f"  {name}: learned {learned:+.4f}   true {true:+.4f}")
