"""What the learning rate η does: converge / converge while oscillating / diverge."""

from whybackprop import gradient_descent, make_problem, plotting
from whybackprop.blackbox import START_THETA

# 1) The quadratic L(θ) = ½λθ², gradient λθ: one step is θ ← θ − ηλθ = (1 − ηλ)θ
lam = 4.0
WORDS = {
    "CONVERGED": "converges",
    "DIVERGED": "diverges",
    "MAX_STEPS": "ran out of steps",
}  # run.status in the page's words
quadratic = {}
for lr in [0.075, 0.45, 0.525]:
    run = gradient_descent(lambda t: 0.5 * lam * t[0] ** 2, [1.0], lr=lr, steps=100, grad=lambda t: lam * t)
    quadratic[f"$\\eta\\lambda$ = {lr * lam:g}"] = run.history[:, 0]
    first = ", ".join(f"{t:+.3f}" for t in run.history[:5, 0])
    print(f"η = {lr:g}, ηλ = {lr * lam:g}: θ = {first}, ... → {WORDS[run.status.name]} ({run.steps} steps)")

# 2) The black-box model: same data, same start, only the learning rate differs (a 3,000-step budget)
problem = make_problem()
black_box, runs = {}, {}
for lr in [0.1, 0.5, 1.0]:
    run = gradient_descent(problem.loss, START_THETA, lr=lr, steps=3000, grad=problem.exact_gradient)
    black_box[f"$\\eta$ = {lr:g}"] = run.losses
    runs[lr] = run
    if run.status.name == "CONVERGED":  # gradient norm 1e-8 or less
        print(f"black box η = {lr:g}: converged after {run.steps} steps, loss {run.losses[-1]:.6f}")
    elif run.status.name == "DIVERGED":  # loss above 1e8 times its start value
        print(
            f"black box η = {lr:g}: diverged, by step {run.steps} the loss grew from {run.losses[0]:.3g} to {run.losses[-1]:.3g}"
        )
    else:
        print(
            f"black box η = {lr:g}: ran all {run.steps} steps without meeting the convergence criterion, loss {run.losses[-1]:.6f}"
        )

# Equal losses can hide different speeds: compare the excess over the lowest loss, L − L* (the figure's right panel too)
lowest = min(losses.min() for losses in black_box.values())
excess = {label: losses - lowest for label, losses in black_box.items()}
for lr in [0.1, 0.5]:  # the two runs that converge
    print(f"black box η = {lr:g}: L − L* < 1e-4 after {(runs[lr].losses - lowest < 1e-4).argmax()} steps")

CAPTION = "Gradient descent at different learning rates: a quadratic and the black-box model"  # shown under the figure
ALT = (
    "Two plots (side by side on a wide screen, one above the other on a phone). First: on the quadratic, with ηλ "
    "below 1, θ approaches 0 from one side; between 1 and 2 it flips sign at every step while shrinking towards 0; "
    "above 2 the swings grow. Second: the black-box model's excess loss L − L* (log scale) falls "
    "at both converging learning rates, several times faster at η = 0.5 than at η = 0.1, and explodes at η = 1."
)  # for readers who cannot see the figure


def figure(scheme: str = "light", narrow: bool = False):
    """The figure: scheme is "light" or "dark" (the page's colour scheme), narrow=True lays it out for a phone."""
    return plotting.learning_rate_figure(
        quadratic, excess, excess=True, scheme=scheme, narrow=narrow, lang="en"
    )


if __name__ == "__main__":  # run as a script, it saves the figure as figures/learning_rate.png
    plotting.save_png(figure(), "learning_rate", lang="en")
