# --8<-- [start:lesson]
"""What the learning rate η does: converge / converge while oscillating / diverge."""

from whybackprop import gradient_descent, make_problem
from whybackprop.blackbox import START_THETA

# 1) The quadratic L(θ) = ½λθ², gradient λθ: one step is θ ← θ − ηλθ = (1 − ηλ)θ
lam = 4.0
WORDS = {
    "CONVERGED": "converges",  # gradient norm 1e-8 or less
    "DIVERGED": "diverges",  # loss above 1e8 times its start
    "MAX_STEPS": "ran out of steps",
}  # run.status in the page's words


def quadratic_loss(t):
    return 0.5 * lam * t[0] ** 2


def quadratic_grad(t):
    return lam * t


quadratic = {}
for lr in [0.075, 0.45, 0.525]:
    run = gradient_descent(
        quadratic_loss,
        [1.0],
        lr=lr,
        steps=100,
        grad=quadratic_grad,
    )
    key = f"$\\eta\\lambda$ = {lr * lam:g}"
    quadratic[key] = run.history[:, 0]
    product = lr * lam
    word = WORDS[run.status.name]
    first = run.history[:5, 0]
    print(f"η = {lr:g}, ηλ = {product:g}")
    print(f"  θ = {first.round(2)} …")
    print(f"  → {word}, {run.steps} steps")

# 2) The black-box model: same data, same start, only the learning rate differs (a 3,000-step budget)
problem = make_problem()
black_box, runs = {}, {}
for lr in [0.1, 0.5, 1.0]:
    run = gradient_descent(
        problem.loss,
        START_THETA,
        lr=lr,
        steps=3000,
        grad=problem.exact_gradient,
    )
    key = f"$\\eta$ = {lr:g}"
    black_box[key] = run.losses
    runs[lr] = run
    word = WORDS[run.status.name]
    first = run.losses[0]
    last = run.losses[-1]
    print(f"black box η = {lr:g}: {word}")
    print(f"  {run.steps} steps")
    print(f"  L {first:.3g} → {last:.3g}")
# --8<-- [end:lesson]

# From here on, the code that draws the figure. The page shows only the lesson above.
from whybackprop import plotting

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
