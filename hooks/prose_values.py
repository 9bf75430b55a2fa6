"""Every number the chapter's prose states, computed here from `whybackprop` and the benchmark results.

`values(lang)` returns {placeholder name: text}; hooks/prose_numbers.py puts the text where a page
writes `{{ name }}`. The numbers are computed once per build, in this one module, so a page, its quiz
and its tests cannot disagree. Where a sentence depends on a result, `SENTENCES` holds the written
alternatives and the code only picks one. Paths are relative to the repository root (the build and
the tests run there).

Formats depend on the language: Korean groups large numbers by 만/억/조, English by million/billion.
"""

from __future__ import annotations

import json
import math
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from whybackprop import (
    MLP,
    count_calls,
    gradient_descent,
    lecture_step_multiplications,
    make_problem,
    numerical_gradient,
    numerical_gradient_multiplications,
    predicted_seconds,
)
from whybackprop.blackbox import PARAMETER_NAMES, START_THETA, TRUE_THETA

RESULTS = Path("benchmarks/results/cost_vs_n.json")

# Learning rates of snippets/learning_rate.py (a test checks the snippet uses the same ones).
GOOD_LR, TOO_LARGE_LR = 0.5, 1.0
# A fact about the world, not a computed output: torchvision's ResNet-50 has 25,557,032 parameters
# (He et al. 2016, "Deep Residual Learning for Image Recognition"; torchvision.models.resnet50).
RESNET50_PARAMS = 25_557_032
TRAINING_STEPS = 10_000  # "10⁴ steps": a short training run, for the cost made concrete

UNITS = {
    "ko": ((10**12, "조"), (10**8, "억"), (10**4, "만")),
    "en": ((10**12, " trillion"), (10**9, " billion"), (10**6, " million")),
}
TIME_WORDS = {
    "ko": {"s": "초", "min": "분", "h": "시간", "day": "일", "about": "약 "},
    "en": {"s": " s", "min": " minutes", "h": " hours", "day": " days", "about": "about "},
}
BEFORE_PARENTHESIS = {"ko": "", "en": " "}  # "1,234초(약 21분)" but "1,234 s (about 21 minutes)"

DATE_FORMAT = {"ko": "%Y년 %m월 %d일", "en": "%d %B %Y"}

# Sentences that depend on a result: the code picks one, the writer writes both.
SENTENCES = {
    "ko": {
        "slope_fixed_cost": (
            "시간의 증가 차수가 곱셈 수의 것보다 조금 작은 까닭은, 작은 $N$에서는 곱셈보다 함수를 부르는 일 같은 "
            "고정 비용이 상대적으로 크기 때문입니다."
        ),
        "slope_no_fixed_cost": "시간의 증가 차수가 곱셈 수의 것과 거의 같습니다. 시간은 곱셈 수에 비례합니다.",
        "eta_bound_agrees": (
            "페이지 위에서 수렴한 학습률($\\eta = {good}$)은 이 한계보다 작고, 발산한 학습률($\\eta = {bad}$)은 이 한계보다 큽니다. "
            "이차 함수로 따진 조건이 블랙박스 모델에서도 그대로 맞습니다."
        ),
        "eta_bound_disagrees": (
            "이 한계는 최솟값 근처에서만 맞는 근사입니다. 페이지 위의 두 학습률($\\eta = {good}$, $\\eta = {bad}$)은 시작점이 "
            "최솟값에서 멀어 이 한계만으로는 설명되지 않습니다."
        ),
        "fit_max_steps": (
            "아래 실행은 {steps} 스텝을 모두 돌았습니다. 기울기의 크기는 아직 그 기준보다 크지만, 손실은 이미 거의 "
            "변하지 않습니다(출력 둘째 줄)."
        ),
        "fit_converged": "아래 실행은 {steps} 스텝 만에 기울기의 크기가 그 기준 아래로 내려가 멈췄습니다.",
        "estimated": "(추정)",
        "measured": "",
    },
    "en": {
        "slope_fixed_cost": (
            "The time grows with a slightly lower order than the multiplications because at small $N$ fixed "
            "costs, such as calling a function, weigh more than the multiplications themselves."
        ),
        "slope_no_fixed_cost": (
            "The time grows with almost the same order as the multiplications: time is proportional to the "
            "number of multiplications."
        ),
        "eta_bound_agrees": (
            "The learning rate that converged above ($\\eta = {good}$) is below this limit, and the one that diverged "
            "($\\eta = {bad}$) is above it. The condition worked out on a quadratic holds for the black-box model too."
        ),
        "eta_bound_disagrees": (
            "This limit is an approximation that holds only near the minimum. The two learning rates above "
            "($\\eta = {good}$, $\\eta = {bad}$) start far from the minimum, so the limit alone does not explain them."
        ),
        "fit_max_steps": (
            "The run below used all {steps} steps. The gradient norm is still above that threshold, but the loss "
            "hardly changes any more (second line of the output)."
        ),
        "fit_converged": "The run below stopped after {steps} steps, when the gradient norm fell below that threshold.",
        "estimated": " (estimated)",  # after a bold duration: "327 s (estimated)"
        "measured": "",
    },
}


def integer(value: int, lang: str = "ko") -> str:
    """1001 → "1,001" (both languages group by thousands in digits)."""
    return f"{value:,}"


def large(value: float, lang: str = "ko", digits: int = 3) -> str:
    """10_000_100_000 → "100억" (ko) or "10 billion" (en); below the first unit, digits with commas."""
    for size, name in UNITS[lang]:
        if abs(value) >= size:
            units = value / size
            return f"{units:,.0f}{name}" if abs(units) >= 10**digits else f"{units:.{digits}g}{name}"
    return f"{value:,.0f}"


def scientific(value: float, digits: int = 3) -> str:
    """2.220446e-16 → "2.22 × 10⁻¹⁶" (for prose; formulas write their own TeX)."""
    mantissa, exponent = f"{value:.{digits - 1}e}".split("e")
    superscript = str(int(exponent)).translate(str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹"))
    return f"{mantissa} × 10{superscript}"


def duration(seconds: float, lang: str = "ko") -> str:
    """A time a reader can picture: ms below a second, then s, minutes, hours or days."""
    words = TIME_WORDS[lang]
    if seconds < 1:
        return f"{seconds * 1e3:.3g} ms"
    if seconds < 60:
        return f"{seconds:.3g}{words['s']}"
    if seconds < 3600:
        return f"{seconds:,.0f}{words['s']}{BEFORE_PARENTHESIS[lang]}({words['about']}{seconds / 60:.0f}{words['min']})"
    if seconds < 2 * 86400:
        return f"{words['about']}{seconds / 3600:.0f}{words['h']}"
    return f"{words['about']}{seconds / 86400:,.0f}{words['day']}"


def benchmark_results() -> dict[str, Any]:
    return json.loads(RESULTS.read_text(encoding="utf-8"))


def hessian(gradient: Any, theta: np.ndarray) -> np.ndarray:
    """The Hessian at `theta`: central differences of the exact gradient, symmetrised."""
    rows = [
        numerical_gradient(lambda t, j=j: gradient(t)[j], theta, method="central") for j in range(theta.size)
    ]
    matrix = np.array(rows)
    return (matrix + matrix.T) / 2


def learning_values() -> dict[str, Any]:
    """The learning page: the fitted optimum, the curvature there and the stable learning rates."""
    problem = make_problem()
    fit = gradient_descent(problem.loss, START_THETA, lr=GOOD_LR, steps=1000, grad=problem.exact_gradient)
    too_large = gradient_descent(
        problem.loss, START_THETA, lr=TOO_LARGE_LR, steps=300, grad=problem.exact_gradient
    )
    lam_max = float(np.linalg.eigvalsh(hessian(problem.exact_gradient, fit.theta))[-1])
    return {"fit": fit, "too_large": too_large, "lam_max": lam_max, "eta_bound": 2 / lam_max}


def quadratic_step(eta_lambda: float, theta0: float = 1.0, lam: float = 4.0) -> float:
    """θ after one gradient-descent step on ½λθ² with ηλ = `eta_lambda`."""
    run = gradient_descent(
        lambda t: 0.5 * lam * t[0] ** 2, [theta0], lr=eta_lambda / lam, steps=1, grad=lambda t: lam * t
    )
    return float(run.history[-1][0])


def difference_errors(method: str, steps: tuple[float, ...], x: float = 1.0) -> list[float]:
    """|numerical − exact| of sin' at `x` for each step."""
    return [abs(float(numerical_gradient(np.sin, x, eps=h, method=method)) - math.cos(x)) for h in steps]


def evaluations(n: int, method: str) -> int:
    """Loss calls of one numerical gradient of an `n`-parameter function, counted."""
    f = count_calls(lambda t: float(np.sum(t**2)))
    numerical_gradient(f, np.ones(n), method=method)
    return f.calls


@cache
def values(lang: str = "ko") -> dict[str, str]:
    """{placeholder: text} for every page, in language `lang`."""
    sentences = SENTENCES[lang]
    out: dict[str, str] = {}
    n = len(PARAMETER_NAMES)

    # black-box
    a, b, c, d = (float(v) for v in TRUE_THETA)
    out |= {
        "n_parameters": str(n),
        "true_a": f"{a:g}",
        "true_b": f"{b:g}",
        "true_c": f"{c:g}",
        "true_d": f"{d:g}",
        "true_low": f"{d - abs(a):g}",
        "true_high": f"{d + abs(a):g}",
        "true_center": f"{-c / b:.3g}",
    }

    # learning
    learning = learning_values()
    fit, too_large = learning["fit"], learning["too_large"]
    good, bad = f"{GOOD_LR:g}", f"{TOO_LARGE_LR:g}"
    agrees = (
        GOOD_LR < learning["eta_bound"] < TOO_LARGE_LR
        and fit.status.name == "CONVERGED"
        and too_large.status.name == "DIVERGED"
    )
    out |= {
        "good_lr": good,
        "too_large_lr": bad,
        "good_lr_steps": integer(fit.steps, lang),
        "too_large_lr_step": integer(too_large.steps, lang),
        "lam_max": f"{learning['lam_max']:.3g}",
        "fit_loss": f"{fit.losses[-1]:.6f}",
        "true_loss": f"{make_problem().loss(TRUE_THETA):.6f}",
        "eta_bound": f"{learning['eta_bound']:.2g}",
        "eta_bound_sentence": sentences["eta_bound_agrees" if agrees else "eta_bound_disagrees"].format(
            good=good, bad=bad
        ),
        "step_at_eta_lambda_1": f"{quadratic_step(1.0):g}",
        "step_at_eta_lambda_1_5": f"{quadratic_step(1.5):g}",
        "quadratic_lr_limit": f"{2 / 4.0:g}",
    }

    # numerical-gradient
    eps_mach = float(np.finfo(np.float64).eps)
    forward_10x = difference_errors("forward", (1e-3, 1e-4))
    central_10x = difference_errors("central", (1e-2, 1e-3))
    out |= {
        "machine_eps": scientific(eps_mach),
        "machine_eps_log2": str(int(round(math.log2(eps_mach)))),
        "sqrt_machine_eps": scientific(math.sqrt(eps_mach)),
        "cbrt_machine_eps": scientific(eps_mach ** (1 / 3)),
        "float_digits": str(round(-math.log10(eps_mach))),
        "forward_digits": str(round(-math.log10(math.sqrt(eps_mach)))),
        "float32_digits": str(round(-math.log10(float(np.finfo(np.float32).eps)))),
        "float32_forward_digits": str(round(-math.log10(math.sqrt(float(np.finfo(np.float32).eps))))),
        "forward_shrink_10x": f"{forward_10x[0] / forward_10x[1]:.3g}",
        "central_shrink_10x": f"{central_10x[0] / central_10x[1]:.3g}",
        "roundoff_at_1e15": f"{eps_mach * math.sin(1.0) / 1e-15:.2g}",
        "x2_forward_01": f"{float(numerical_gradient(lambda t: t[0] ** 2, [3.0], eps=0.1)[0]):.6g}",
        "x2_central_01": f"{float(numerical_gradient(lambda t: t[0] ** 2, [3.0], eps=0.1, method='central')[0]):.6g}",
    }

    # black-box-gradient
    numeric_fit = gradient_descent(make_problem().loss, START_THETA, lr=GOOD_LR, steps=200)
    out |= {
        "forward_calls": str(evaluations(n, "forward")),
        "central_calls": str(evaluations(n, "central")),
        "central_step_calls": str(
            evaluations(n, "central") + 1
        ),  # the gradient's 2N and the loss after the move
        "forward_calls_1000": integer(evaluations(1000, "forward"), lang),
        "central_calls_1000": integer(evaluations(1000, "central"), lang),
        "fit_steps": integer(numeric_fit.steps, lang),
        "fit_stop_sentence": sentences[
            "fit_converged" if numeric_fit.status.name == "CONVERGED" else "fit_max_steps"
        ].format(steps=integer(numeric_fit.steps, lang)),
        "fit_evaluations": integer(numeric_fit.loss_evaluations, lang),
        "fit_central_evaluations": integer(
            gradient_descent(
                make_problem().loss, START_THETA, lr=GOOD_LR, steps=200, method="central"
            ).loss_evaluations,
            lang,
        ),
    }

    # deep-network
    results = benchmark_results()
    setup, machine, points, slopes = (
        results["setup"],
        results["machine"],
        results["points"],
        results["slopes"],
    )
    first, last = points[0], points[-1]
    estimated = [p for p in points if p["numerical"]["estimated"]]
    check = results["estimate_check"]
    timing_twin = next(
        p for p in points if p["n_params"] == MLP([10] * 19).n_params
    )  # snippets/deep_timing.py's network
    step_numerical = predicted_seconds(results, last["n_params"], "numerical")
    step_backprop = predicted_seconds(results, last["n_params"], "backprop")
    million = 10**6
    blas = ", ".join(f"{b['internal_api']} {b['version']}" for b in machine["blas"])
    fixed_cost = all(slopes[m] < slopes[f"{m}_multiplications"] for m in ("numerical", "backprop"))
    out |= {
        "lecture_step_100k": large(lecture_step_multiplications(100_000), lang),
        "mnist_n": integer(MLP([784, 128, 10]).n_params, lang),
        "mnist_exact_over_lecture": f"{numerical_gradient_multiplications([784, 128, 10], 1) / lecture_step_multiplications(MLP([784, 128, 10]).n_params):.4f}",
        "bench_width": str(setup["width"]),
        "bench_layer_params": str(setup["width"] ** 2 + setup["width"]),
        "bench_depth_first": integer(first["depth"], lang),
        "bench_depth_last": integer(last["depth"], lang),
        "bench_n_first": integer(first["n_params"], lang),
        "bench_n_last": integer(last["n_params"], lang),
        "bench_batch": str(setup["batch"]),
        "bench_max_measured": f"{setup['max_measured_seconds']:.0f}",
        "bench_date": f"{datetime.fromisoformat(results['measured_at']):{DATE_FORMAT[lang]}}",
        "bench_cpu": machine["cpu_model"],
        "bench_cpus": str(machine["logical_cpus"]),
        "bench_system": machine["system"],
        "bench_python": machine["python"],
        "bench_numpy": machine["numpy"],
        "bench_blas": blas or "?",
        "bench_estimated_n": ", ".join(f"$N$ = {integer(p['n_params'], lang)}" for p in estimated),
        "bench_subset": ", ".join(integer(p["numerical"]["subset_size"], lang) for p in estimated),
        "bench_subset_calls": ", ".join(integer(p["numerical"]["subset_size"] + 1, lang) for p in estimated),
        "bench_scale": ", ".join(f"{p['numerical']['scale']:.1f}" for p in estimated),
        "bench_check_n": integer(check["n_params"], lang),
        "bench_check_ratio": f"{check['estimated_over_measured']:.2f}",
        "slope_numerical": f"{slopes['numerical']:.2f}",
        "slope_numerical_mult": f"{slopes['numerical_multiplications']:.2f}",
        "slope_backprop": f"{slopes['backprop']:.2f}",
        "slope_backprop_mult": f"{slopes['backprop_multiplications']:.2f}",
        "slope_sentence": sentences["slope_fixed_cost" if fixed_cost else "slope_no_fixed_cost"],
        "twin_n": integer(timing_twin["n_params"], lang),
        "twin_numerical": duration(timing_twin["numerical"]["seconds"], lang),
        "twin_backprop": duration(timing_twin["backprop"]["seconds"], lang),
        "last_numerical": duration(last["numerical"]["seconds"], lang),
        "last_estimated": sentences["estimated" if last["numerical"]["estimated"] else "measured"],
        "last_backprop": duration(last["backprop"]["seconds"], lang),
        "last_ratio": integer(round(last["ratio"]), lang),
        "step_numerical": duration(step_numerical, lang),
        "step_backprop": duration(step_backprop, lang),
        "training_steps": large(TRAINING_STEPS, lang),
        "training_numerical": duration(TRAINING_STEPS * step_numerical, lang),
        "training_backprop": duration(TRAINING_STEPS * step_backprop, lang),
        "million_numerical": duration(predicted_seconds(results, million, "numerical"), lang),
        "million_backprop": duration(predicted_seconds(results, million, "backprop"), lang),
        "million_lecture": large(lecture_step_multiplications(million), lang),
        "resnet50_n": large(RESNET50_PARAMS, lang),
        "resnet50_lecture": large(lecture_step_multiplications(RESNET50_PARAMS), lang),
        "resnet50_numerical": duration(predicted_seconds(results, RESNET50_PARAMS, "numerical"), lang),
    }
    return out
