"""Every number the prose states in words is checked against the code that it describes."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from whybackprop import count_calls, gradient_descent, make_problem, numerical_gradient
from whybackprop.blackbox import PARAMETER_NAMES, START_THETA, TRUE_THETA

DOCS = Path(__file__).resolve().parent.parent / "docs"
SNIPPETS = DOCS.parent / "snippets"


def page(name: str) -> str:
    return (DOCS / name).read_text(encoding="utf-8")


def test_four_parameters_and_n_plus_one_loss_calls() -> None:
    assert "$a, b, c, d$ 네 개" in page("black-box.md") and len(PARAMETER_NAMES) == 4
    assert "$N + 1$번 평가해야 합니다" in page("black-box-gradient.md")
    loss = count_calls(make_problem().loss)
    numerical_gradient(loss, START_THETA)
    assert loss.calls == len(PARAMETER_NAMES) + 1 == 5
    loss.reset()
    numerical_gradient(loss, START_THETA, method="central")
    assert "$2N$번" in page("black-box-gradient.md") and loss.calls == 2 * len(PARAMETER_NAMES)


def test_descent_costs_one_plus_steps_times_n_plus_one() -> None:
    assert "모두 $N + 1$번 손실을 평가하고" in page("black-box-gradient.md")
    result = gradient_descent(make_problem().loss, START_THETA, lr=0.5, steps=7)
    assert result.loss_evaluations == 1 + 7 * (len(PARAMETER_NAMES) + 1)


def test_learned_loss_is_below_the_loss_at_the_true_parameters() -> None:
    assert "참값에서의 손실보다 오히려\n작습니다" in page("learning.md")
    problem = make_problem()
    result = gradient_descent(problem.loss, START_THETA, lr=0.5, steps=1000, grad=problem.exact_gradient)
    assert result.losses[-1] < problem.loss(TRUE_THETA)
    assert not np.allclose(result.theta, TRUE_THETA) and np.allclose(result.theta, TRUE_THETA, atol=0.05)


@pytest.mark.parametrize(
    ("eta_lambda", "prose", "converges", "oscillates"),
    [(0.3, "$0 < \\eta\\lambda < 1$", True, False), (1.8, "$1 < \\eta\\lambda < 2$", True, True),
     (2.1, "$\\eta\\lambda > 2$", False, True), (0.9, None, True, False), (1.1, None, True, True), (2.01, None, False, True)],
)
def test_learning_rate_thresholds_on_the_quadratic(eta_lambda: float, prose: str | None, converges: bool, oscillates: bool) -> None:
    if prose:
        assert prose in page("learning.md")
    lam = 4.0
    run = gradient_descent(lambda t: 0.5 * lam * t[0] ** 2, [1.0], lr=eta_lambda / lam, steps=2000, grad=lambda t: lam * t)
    assert (run.status.name == "CONVERGED") is converges
    assert bool(np.any(np.diff(np.sign(run.history[:5, 0])))) is oscillates


def test_too_large_learning_rate_diverges_on_the_black_box() -> None:
    assert "lr=1.0" not in page("learning.md")  # the rates live in the snippet, not in the prose
    assert "for lr in [0.1, 0.5, 1.0]:" in (SNIPPETS / "learning_rate.py").read_text(encoding="utf-8")
    problem = make_problem()
    run = gradient_descent(problem.loss, START_THETA, lr=1.0, steps=300, grad=problem.exact_gradient)
    assert run.status.name == "DIVERGED" and "too large" in run.message


def test_machine_epsilon_statements() -> None:
    text = page("numerical-gradient.md")
    eps = np.finfo(np.float64).eps
    assert "유효 숫자가 약 16자리" in text and round(-np.log10(eps)) == 16
    assert "8자리\n정도만" in text and round(-np.log10(np.sqrt(eps))) == 8
    default_step = numerical_gradient(lambda t: t[0] ** 2, [1.0])  # default step √eps → error ≈ √eps
    assert abs(default_step[0] - 2.0) < 10 * np.sqrt(eps)


def test_central_difference_statements() -> None:
    text = page("numerical-gradient.md")
    assert "$h = 10^{-4}$" in text and "[1e-4, 0.5e-4]" in (SNIPPETS / "central_difference.py").read_text(encoding="utf-8")
    assert "약 $1/4$로 줄어듭니다(전진 차분은 $1/2$)" in text
    ratio = {}
    for method in ("forward", "central"):
        error = [abs(numerical_gradient(np.sin, 1.0, eps=h, method=method) - np.cos(1.0)) for h in (1e-4, 0.5e-4)]
        ratio[method] = error[0] / error[1]
    assert ratio["forward"] == pytest.approx(2, rel=0.01) and ratio["central"] == pytest.approx(4, rel=0.01)
    assert "$10^{-15}$부터 $1$까지" in text
    assert "np.logspace(-15, 0," in (SNIPPETS / "step_error.py").read_text(encoding="utf-8")


def test_gradient_check_tolerance() -> None:
    assert "TOLERANCE = 1e-6" in (SNIPPETS / "gradient_check.py").read_text(encoding="utf-8")
    problem = make_problem()
    exact = problem.exact_gradient(START_THETA)
    numeric = numerical_gradient(problem.loss, START_THETA)
    assert np.linalg.norm(numeric - exact) / np.linalg.norm(exact) < 1e-6


def test_hundred_thousand_parameters_cost_ten_billion_multiplications() -> None:
    assert "10만 개이면 한 스텝에 약 100억 번" in (DOCS / "notebook.ipynb").read_text(encoding="utf-8")
    n = 100_000
    assert round(n * (n + 1), -8) == 10**10
