"""Measure the learning-rate regimes of the black-box model: one start, the exact gradient, a 3,000-step budget."""

from whybackprop import Status, gradient_descent, make_problem
from whybackprop.blackbox import START_THETA
from whybackprop.regimes import boundary_learning_rate, two_cycle

problem = make_problem()
RATES = [0.5, 0.67, 0.68, 0.8, 0.94, 0.95, 0.9512, 1.0]
STEPS = 3000  # the step budget of every run


def run(lr):
    return gradient_descent(problem.loss, START_THETA, lr=lr, steps=STEPS, grad=problem.exact_gradient)


def outcome(result):
    """The outcome of one run in the page's words (two lines if long)."""
    cycle = two_cycle(result.losses)  # the two values the last losses alternate between, if they do
    if result.status is Status.CONVERGED:
        return f"converged in {result.steps} steps\n       L = {result.losses[-1]:.4f}, b = {result.theta[1]:.3g}"
    if result.status is Status.DIVERGED:
        return f"diverged (at step {result.steps})"
    if cycle:
        return f"bounces: L = {cycle[0]:.3g} ↔ {cycle[1]:.3g}"
    return f"not converged in {STEPS} steps\n       L = {result.losses[-1]:.3g}"


print(f"starting loss {problem.loss(START_THETA):.3g}")
print("η      outcome")
for lr in RATES:
    print(f"{lr:<6g} {outcome(run(lr))}")

# Each boundary by bisection: the property holds at the left end of the bracket and fails at the right
converge_edge = boundary_learning_rate(lambda lr: run(lr).status is Status.CONVERGED, 0.5, 0.8)
diverge_edge = boundary_learning_rate(lambda lr: run(lr).status is not Status.DIVERGED, 0.8, 1.2)
print(f"converging up to η ≈ {converge_edge:.3f} (in [0.5, 0.8])")
print(f"diverging from η ≈ {diverge_edge:.3f} (in [0.8, 1.2])")
