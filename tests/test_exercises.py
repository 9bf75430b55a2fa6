"""The notebook's exercises: each check accepts a solution, refuses a wrong answer, and never raises on one."""

from __future__ import annotations

import numpy as np
import pytest

from whybackprop import exercises as ex
from whybackprop import make_problem, numerical_gradient
from whybackprop.blackbox import PARAMETER_NAMES, START_THETA
from whybackprop.descent import Status, gradient_descent


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_central_difference(lang: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert ex.check_central_difference(lambda f, x, eps: (f(x + eps) - f(x - eps)) / (2 * eps), lang)
    assert capsys.readouterr().out.strip() == ex.WORDS[lang]["correct"]
    for wrong in (
        lambda f, x, eps: (f(x + eps) - f(x)) / eps,  # forward: O(ε)
        lambda f, x, eps: (f(x + eps) - f(x - eps)) / eps,  # twice the derivative
        lambda f, x, eps: 0.0,  # the notebook's placeholder
        lambda f, x, eps: 1 / 0,  # a half-written answer that raises
    ):
        assert not ex.check_central_difference(wrong, lang)
        assert capsys.readouterr().out.startswith(ex.WORDS[lang]["not_yet"])


def test_the_buggy_gradient_is_wrong_in_exactly_the_named_component() -> None:
    problem = make_problem()
    numeric = numerical_gradient(problem.loss, START_THETA, method="central")
    buggy = ex.buggy_gradient(START_THETA)
    relative = np.abs(buggy - numeric) / np.maximum(np.abs(buggy), np.abs(numeric))
    assert PARAMETER_NAMES[int(np.argmax(relative))] == ex.BUGGY_PARAMETER
    assert sorted(relative)[-2] < 1e-8 < 1e-2 < relative.max()  # three right, one far off
    assert ex.check_buggy_parameter(ex.BUGGY_PARAMETER)
    assert not any(ex.check_buggy_parameter(n) for n in ("a", "c", "d", None, "B"))


def test_the_convergence_limit_is_where_converging_stops() -> None:
    problem = make_problem()
    limit = ex.convergence_limit()

    def status(eta: float) -> Status:
        run = gradient_descent(
            problem.loss, START_THETA, lr=eta, steps=ex.CONVERGENCE_STEPS, grad=problem.exact_gradient
        )
        return run.status

    assert status(limit) is Status.CONVERGED and status(limit + 0.002) is not Status.CONVERGED
    assert ex.check_convergence_limit(round(limit, 2)) and ex.check_convergence_limit(limit + 0.009)
    assert not ex.check_convergence_limit(limit + 0.02)
    assert not ex.check_convergence_limit(0.0) and not ex.check_convergence_limit("0.67")


def test_the_evaluation_count_is_counted_and_the_formula_predicts_it() -> None:
    n = len(PARAMETER_NAMES)
    assert ex.evaluation_count() == 1 + ex.EVALUATION_STEPS * (2 * n + 1)
    assert ex.check_evaluation_count(1 + ex.EVALUATION_STEPS * (2 * n + 1))
    assert not ex.check_evaluation_count(1 + ex.EVALUATION_STEPS * (n + 1))  # forward's count
    assert not ex.check_evaluation_count(0)


def test_an_unknown_language_is_an_error() -> None:
    with pytest.raises(ValueError, match="lang must be one of"):
        ex.check_buggy_parameter("b", lang="fr")
    with pytest.raises(ValueError, match="resolution must be positive"):
        ex.convergence_limit(resolution=0.0)
