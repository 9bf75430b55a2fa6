"""The practice notebook's "Your turn" exercises: what they start from and the checks of the answers.

Each check computes the right answer itself (from the package, never a stored number), prints one
line, "정답" / "correct" or "아직" / "not yet" with a hint, in the notebook's language, and returns
whether the answer is right. It never raises on a wrong answer: the build runs the notebook as
committed, with its placeholder answers, and no error is allowed there.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from whybackprop._checks import check_positive
from whybackprop.blackbox import PARAMETER_NAMES, START_THETA, BlackBoxProblem, _four, make_problem
from whybackprop.descent import Status, gradient_descent
from whybackprop.gradient import count_calls
from whybackprop.regimes import boundary_learning_rate

# The step budget and learning-rate run of the convergence exercise (exact gradient, from START_THETA).
CONVERGENCE_STEPS = 3000
EVALUATION_STEPS = 50  # the run whose loss evaluations the reader predicts (central differences)
BUGGY_PARAMETER = "b"  # the partial derivative `buggy_gradient` gets wrong (it forgets the factor x)

WORDS: dict[str, dict[str, str]] = {
    "ko": {
        "correct": "정답",
        "not_yet": "아직",
        "central": "x = 1에서 sin의 미분값과 비교한 오차가 ε²처럼 줄어야 합니다 (ε을 10배 줄이면 오차는 100배 줄어야).",
        "buggy": "네 성분의 상대 오차를 비교해 보세요. 하나만 크게 어긋납니다.",
        "limit": "η를 조금씩 키우며 status가 CONVERGED인지 보세요. 경계를 0.01 안으로 찾으면 됩니다.",
        "count": "맨 처음 손실 1번, 그리고 스텝마다 중앙 차분 2N번과 옮긴 뒤의 손실 1번입니다.",
    },
    "en": {
        "correct": "correct",
        "not_yet": "not yet",
        "central": "Against the derivative of sin at x = 1, the error should shrink like ε² "
        "(ten times smaller ε, a hundred times smaller error).",
        "buggy": "Compare the relative errors of the four components: only one is far off.",
        "limit": "Raise η a little at a time and watch whether the status is CONVERGED; "
        "find the boundary to within 0.01.",
        "count": "One loss at the start, then at every step 2N for the central difference "
        "and one loss after the move.",
    },
}


def _verdict(ok: bool, hint: str, lang: str) -> bool:
    if lang not in WORDS:
        raise ValueError(f"lang must be one of {', '.join(map(repr, WORDS))}, got {lang!r}")
    words = WORDS[lang]
    print(words["correct"] if ok else f"{words['not_yet']}: {words[hint]}")
    return ok


def check_central_difference(
    central: Callable[[Callable[[float], float], float, float], float], lang: str = "ko"
) -> bool:
    """Check a reader's central difference `central(f, x, eps)` on sin at x = 1: error of order ε².

    ```python
    import math
    from whybackprop.exercises import check_central_difference

    assert check_central_difference(lambda f, x, eps: (f(x + eps) - f(x - eps)) / (2 * eps))
    assert not check_central_difference(lambda f, x, eps: (f(x + eps) - f(x)) / eps)  # forward
    ```

    Args:
        central: The reader's function of (f, x, eps).
        lang: "ko" or "en", the language of the printed line.

    Returns:
        Whether the errors at ε = 10⁻², 10⁻³ shrink a hundredfold and stay below 10⁻⁴.

    Raises:
        ValueError: An unknown `lang`.
    """
    errors = []
    for eps in (1e-2, 1e-3):
        try:
            value = float(central(np.sin, 1.0, eps))
        except Exception:  # a half-written answer: "not yet", not an error in the notebook
            value = float("nan")
        errors.append(abs(value - np.cos(1.0)))
    ok = bool(
        np.all(np.isfinite(errors)) and errors[0] < 1e-4 and 50 < errors[0] / max(errors[1], 1e-300) < 200
    )
    return _verdict(ok, "central", lang)


def buggy_gradient(theta: ArrayLike) -> NDArray[np.float64]:
    """The black box's chain-rule gradient on `make_problem()` with one bug: dL/db forgets its factor x.

    ```python
    import numpy as np
    from whybackprop import make_problem
    from whybackprop.blackbox import START_THETA
    from whybackprop.exercises import buggy_gradient

    right = make_problem().exact_gradient(START_THETA)
    assert np.allclose(buggy_gradient(START_THETA)[[0, 2, 3]], right[[0, 2, 3]])
    ```

    Args:
        theta: The four parameters (a, b, c, d).

    Returns:
        Four numbers, three right and the b component wrong.

    Raises:
        ValueError: `theta` does not hold four finite numbers.
    """
    problem = _problem()
    a, b, c, d = _four(theta)
    t = np.tanh(b * problem.x + c)
    residual = a * t + d - problem.y
    wrong = problem.exact_gradient(theta)
    wrong[PARAMETER_NAMES.index(BUGGY_PARAMETER)] = 2.0 * np.mean(residual * a * (1.0 - t**2))  # no x
    return wrong


def check_buggy_parameter(name: Any, lang: str = "ko") -> bool:
    """Check the reader's answer to "which partial derivative does `buggy_gradient` get wrong?".

    ```python
    from whybackprop.exercises import check_buggy_parameter

    assert check_buggy_parameter("b") and not check_buggy_parameter("a")
    ```

    Args:
        name: The reader's answer, one of "a", "b", "c", "d".
        lang: "ko" or "en", the language of the printed line.

    Returns:
        Whether `name` is the parameter whose component is wrong.

    Raises:
        ValueError: An unknown `lang`.
    """
    return _verdict(name == BUGGY_PARAMETER, "buggy", lang)


@cache
def convergence_limit(steps: int = CONVERGENCE_STEPS, resolution: float = 1e-3) -> float:
    """The largest learning rate (to `resolution`) with which the black box converges within `steps`.

    Gradient descent with the exact gradient from START_THETA; bisection between a rate that converges
    (0.5) and one that does not (1.0).

    ```python
    from whybackprop.exercises import convergence_limit

    assert 0.6 < convergence_limit() < 0.7
    ```

    Args:
        steps: The step budget of every run.
        resolution: How close the bisection brackets the boundary.

    Returns:
        The last learning rate found to converge.

    Raises:
        ValueError: `resolution` not positive.
    """
    check_positive(resolution, "resolution")
    return boundary_learning_rate(lambda eta: _converges(eta, steps), 0.5, 1.0, tol=resolution)


def check_convergence_limit(eta: Any, lang: str = "ko") -> bool:
    """Check the reader's learning rate at which training stops converging (within 0.01).

    ```python
    from whybackprop.exercises import check_convergence_limit, convergence_limit

    assert check_convergence_limit(round(convergence_limit(), 2))
    assert not check_convergence_limit(1.0)
    ```

    Args:
        eta: The reader's answer.
        lang: "ko" or "en", the language of the printed line.

    Returns:
        Whether |eta - convergence_limit()| <= 0.01.

    Raises:
        ValueError: An unknown `lang`.
    """
    ok = isinstance(eta, (int, float)) and abs(float(eta) - convergence_limit()) <= 0.01
    return _verdict(ok, "limit", lang)


def evaluation_count() -> int:
    """Loss evaluations of `EVALUATION_STEPS` steps of central-difference descent, counted by running.

    ```python
    from whybackprop.exercises import evaluation_count

    assert evaluation_count() == 1 + 50 * (2 * 4 + 1)
    ```

    Returns:
        The loss calls of the run (η = 0.1 from START_THETA, which does not converge in 50 steps).
    """
    loss = count_calls(_problem().loss)
    run = gradient_descent(loss, START_THETA, lr=0.1, steps=EVALUATION_STEPS, method="central")
    if run.status is not Status.MAX_STEPS:  # the prediction the exercise asks for assumes every step ran
        raise RuntimeError(f"the exercise's run stopped early: {run.message}")
    return loss.calls


def check_evaluation_count(predicted: Any, lang: str = "ko") -> bool:
    """Check the reader's prediction of `evaluation_count()`, made before running.

    ```python
    from whybackprop.exercises import check_evaluation_count

    assert check_evaluation_count(451) and not check_evaluation_count(251)
    ```

    Args:
        predicted: The reader's number.
        lang: "ko" or "en", the language of the printed line.

    Returns:
        Whether it equals the counted loss calls.

    Raises:
        ValueError: An unknown `lang`.
    """
    return _verdict(predicted == evaluation_count(), "count", lang)


@cache
def _problem() -> BlackBoxProblem:
    return make_problem()


def _converges(eta: float, steps: int) -> bool:
    problem = _problem()
    run = gradient_descent(problem.loss, START_THETA, lr=eta, steps=steps, grad=problem.exact_gradient)
    return run.status is Status.CONVERGED
