"""Count how many times one numerical gradient of the black-box model calls the loss function."""

from whybackprop import count_calls, gradient_descent, make_problem, numerical_gradient
from whybackprop.blackbox import PARAMETER_NAMES, START_THETA

problem = make_problem()
N = len(PARAMETER_NAMES)

loss = count_calls(problem.loss)  # every call adds 1 to loss.calls
gradient = numerical_gradient(loss, START_THETA)  # forward difference
print(f"parameters N = {N}, forward-difference gradient = {gradient.round(4)}")
print(f"loss evaluations = {loss.calls}  (N + 1 = {N + 1}: L(θ) once + once per parameter)")
assert loss.calls == N + 1

loss.reset()
numerical_gradient(loss, START_THETA, method="central")
print(f"central difference: {loss.calls} evaluations  (2N = {2 * N})")

# One run of gradient descent (η = 0.5, a 3,000-step budget): its evaluations
loss.reset()
run = gradient_descent(loss, START_THETA, lr=0.5, steps=3000)
if run.status.name == "CONVERGED":  # the last gradient, the one that passed the test, cost N evaluations too
    print(f"Converged ({run.steps} steps): {loss.calls:,} loss evaluations = 1 + {run.steps} × {N + 1} + {N}")
    assert loss.calls == run.loss_evaluations == 1 + run.steps * (N + 1) + N
