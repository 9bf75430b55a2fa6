"""Measure the learning-rate regimes of the black-box model: one start, the exact gradient, a 3,000-step budget."""

from whybackprop import Status, gradient_descent, make_problem
from whybackprop.blackbox import START_THETA
from whybackprop.regimes import boundary_learning_rate, two_cycle

problem = make_problem()
STEPS = 3000  # the step budget of every run


def run(lr):
    return gradient_descent(problem.loss, START_THETA, lr=lr, steps=STEPS, grad=problem.exact_gradient)


print(f"starting loss {problem.loss(START_THETA):.3g}")
for lr in [0.5, 0.67, 0.68, 0.8, 0.94, 0.95, 0.9512, 1.0]:
    result = run(lr)
    cycle = two_cycle(result.losses)  # the two values the last losses alternate between, if they do
    if result.status is Status.CONVERGED:
        what = f"converged ({result.steps} steps), loss {result.losses[-1]:.4f}, b = {result.theta[1]:.3g}"
    elif result.status is Status.DIVERGED:
        what = f"diverged (at step {result.steps})"
    elif cycle:
        what = f"bounces between two losses: {cycle[0]:.3g} ↔ {cycle[1]:.3g}"
    else:
        what = f"not converged within {STEPS} steps, loss {result.losses[-1]:.3g}"
    print(f"η = {lr:<6g} {what}")

# Each boundary by bisection: the property holds at the left end of the bracket and fails at the right
converge_edge = boundary_learning_rate(lambda lr: run(lr).status is Status.CONVERGED, 0.5, 0.8)
diverge_edge = boundary_learning_rate(lambda lr: run(lr).status is not Status.DIVERGED, 0.8, 1.2)
print(f"largest converging η ≈ {converge_edge:.3f} (bracket [0.5, 0.8])")
print(f"divergence starts at η ≈ {diverge_edge:.3f} (bracket [0.8, 1.2])")
