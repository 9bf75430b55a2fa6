"""The widgets' numerics (docs/assets/explorables/core.js), run in Node, against whybackprop.

Node and Chromium share V8, so Math.sin and Math.tanh are the same implementation in both and
the tolerances of tests/support/explorables_numerics.py carry over to the page. Each test sends many
inputs to one Node process and compares every answer with the package's.
"""

from __future__ import annotations

import inspect
import json
import math
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from whybackprop import cost, gradient_descent, numerical_gradient
from whybackprop.blackbox import START_THETA
from whybackprop.timing import predicted_seconds, stacked_depth

from explorables_numerics import PROBLEM, descent_tolerance, epsilon_tolerance, loss_error_bound

ROOT = Path(__file__).resolve().parent.parent
CORE = ROOT / "docs" / "assets" / "explorables" / "core.js"
RESULTS = json.loads((ROOT / "benchmarks/results/cost_vs_n.json").read_text(encoding="utf-8"))
RNG = np.random.default_rng(20261204)


def hook() -> Any:
    from hook_module import load_hook

    return load_hook("explorables")


def node(program: str, payload: Any) -> Any:
    """Run `program` in Node with `core` (core.js) and `input` (the JSON payload); it returns a value."""
    executable = shutil.which("node")
    assert executable, "node is needed (./dev installs it)"
    script = (
        f"const core = require({json.dumps(str(CORE))});\n"
        "const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));\n"
        f"const result = (() => {{ {program} }})();\n"
        "process.stdout.write(JSON.stringify(result, (k, v) => typeof v === 'bigint' ? v.toString() : v));"
    )
    done = subprocess.run(
        [executable, "-e", script], input=json.dumps(payload), capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def data() -> dict[str, Any]:
    """The stepper's data, as the hook exports it for the page."""
    return hook().descent_data()


# ---- finite differences ------------------------------------------------------------------------


def test_differences_match_numerical_gradient_over_the_whole_range() -> None:
    steps = [float(h) for h in np.logspace(-15, 0, 301)] + [float(h) for h in RNG.uniform(1e-9, 1e-3, 100)]
    shown = node("return input.map((h) => core.differences(Math.sin, 1, h));", steps)
    worst = 0.0
    for h, estimates in zip(steps, shown):
        for method in ("forward", "central"):
            expected = float(numerical_gradient(np.sin, 1.0, eps=h, method=method))
            tolerance, _ = epsilon_tolerance(h, method)
            assert abs(estimates[method] - expected) <= tolerance, (h, method, estimates[method], expected)
            worst = max(worst, abs(estimates[method] - expected) / tolerance)
    print(f"{len(steps)} steps; largest difference / derived tolerance {worst:.2f}")


# ---- the loss, the exact gradient and descent -----------------------------------------------------


def random_thetas(count: int) -> list[list[float]]:
    return (START_THETA + RNG.normal(0.0, 1.5, (count, 4))).tolist()


def test_loss_and_exact_gradient_match_the_package(data: dict[str, Any]) -> None:
    from explorables_numerics import exact_gradient_error_bound

    thetas = random_thetas(300)
    shown = node(
        "const loss = core.makeLoss(input.data), grad = core.makeExactGradient(input.data);"
        "return input.thetas.map((t) => [loss(t), grad(t)]);",
        {"data": data, "thetas": thetas},
    )
    equal = 0
    for theta, (loss, gradient) in zip(thetas, shown):
        expected = PROBLEM.loss(theta)
        assert abs(loss - expected) <= 2 * loss_error_bound(np.array(theta)), (theta, loss, expected)
        equal += loss == expected
        difference = np.abs(np.array(gradient) - PROBLEM.exact_gradient(theta))
        assert np.all(difference <= exact_gradient_error_bound(np.array(theta))), (theta, difference)
    print(f"{equal} of {len(thetas)} losses equal to the last bit")


DESCENT = """
const runs = [];
for (const [eta, steps, gradient] of input.runs) {
  const run = core.descentRun(input.data, eta, gradient);
  while (run.status === "running" && run.losses.length - 1 < steps) run.step();
  runs.push({ steps: run.losses.length - 1, status: run.status, theta: run.theta, loss: run.losses[run.losses.length - 1],
              evaluations: run.evaluations, rises: core.realRises(input.data, run.thetas, run.losses), counted: run.rises });
}
return runs;
"""
STATUS = {"converged": "converged", "diverged": "diverged", "max_steps": "running"}


def package_run(eta: float, steps: int, gradient: str) -> Any:
    grad = PROBLEM.exact_gradient if gradient == "exact" else None
    return gradient_descent(PROBLEM.loss, START_THETA, lr=eta, steps=steps, grad=grad)


@pytest.mark.parametrize("gradient", ["exact", "forward"])
def test_descent_follows_gradient_descent(data: dict[str, Any], gradient: str) -> None:
    runs = [
        (0.1, 40, gradient),
        (0.3, 200, gradient),
        (0.5, 2000, gradient),
        (0.8, 300, gradient),
        (2.0, 500, gradient),
    ]
    shown = node(DESCENT, {"data": data, "runs": runs})
    for (eta, steps, _), widget in zip(runs, shown):
        result = package_run(eta, steps, gradient)
        assert (widget["steps"], widget["status"]) == (result.steps, STATUS[result.status.value]), (
            eta,
            widget,
        )
        if gradient == "forward":
            assert widget["evaluations"] == result.loss_evaluations, (
                eta,
                widget["evaluations"],
                result.loss_evaluations,
            )
        if result.status.value == "diverged":
            continue
        bound = descent_tolerance(eta, result.history, gradient)
        difference = float(np.linalg.norm(np.array(widget["theta"]) - result.theta))
        assert difference <= bound, (eta, gradient, difference, bound)


def test_a_converged_numerical_run_counts_its_last_gradient(data: dict[str, Any]) -> None:
    """1 + (N + 1)·S, plus N for the gradient that found convergence: 1,590 after 317 steps at η = 0.5."""
    (widget,) = node(DESCENT, {"data": data, "runs": [(0.5, 3000, "forward")]})
    result = package_run(0.5, 3000, "forward")
    n = len(START_THETA)
    assert result.status.value == "converged"
    assert widget["evaluations"] == result.loss_evaluations == 1 + (n + 1) * result.steps + n
    assert node("return core.evaluationCount(4, 317, true);", None) == 1 + 5 * 317 + 4 == 1590


def test_the_step_budget_is_one_constant_with_the_page(data: dict[str, Any]) -> None:
    assert data["budget"] == hook().DESCENT_BUDGET == data["contour"]["budget"]
    defaults = inspect.signature(gradient_descent).parameters
    assert (data["tol"], data["explode"]) == (defaults["tol"].default, defaults["explode"].default)


def test_oscillation_needs_a_rise_above_round_off(data: dict[str, Any]) -> None:
    """At η = 0.1 the loss rises by ~10⁻¹⁷ near the end (round-off): no oscillation. In the 2-cycle
    regime (η = 0.8 with the exact gradient: neither converging nor diverging in the budget) the
    rises are real."""
    budget = data["budget"]
    small = package_run(0.1, budget, "exact")
    raw_rises = np.diff(small.losses)
    assert np.any(raw_rises > 0), "no round-off rise at η = 0.1: this test no longer checks the threshold"
    largest = float(raw_rises.max())
    assert all(
        rise <= loss_error_bound(small.history[k]) + loss_error_bound(small.history[k + 1])
        for k, rise in enumerate(raw_rises)
        if rise > 0
    ), "a rise at η = 0.1 above round-off"
    cycle = package_run(0.8, budget, "exact")
    assert cycle.status.value == "max_steps", "η = 0.8 is no longer in the 2-cycle regime"
    shown = node(
        DESCENT,
        {"data": data, "runs": [(0.1, budget, "exact"), (0.1, budget, "forward"), (0.8, budget, "exact")]},
    )
    assert shown[0]["rises"] == 0 and shown[1]["rises"] == 0, shown
    assert shown[2]["rises"] > 100, shown[2]
    assert [run["counted"] for run in shown] == [run["rises"] for run in shown], (
        "the stepper counts rises differently"
    )
    print(f"η = 0.1: largest raw rise {largest:.2g}; η = 0.8: {shown[2]['rises']} real rises")


# ---- the contour plane ------------------------------------------------------------------------------


def test_contour_plane_descent_and_levels_match_the_package(data: dict[str, Any]) -> None:
    c = data["contour"]
    best, plane = np.array(c["best"]), c["plane"]

    def full(u: Any) -> np.ndarray:
        theta = best.copy()
        theta[plane] = u
        return theta

    def loss(u: Any) -> float:
        return PROBLEM.loss(full(u))

    def grad(u: Any) -> np.ndarray:
        return PROBLEM.exact_gradient(full(u))[plane]

    starts = [c["start"], [0.6, -2.0], [3.4, 2.8], [2.0, 0.0], [1.2, 2.5]]
    runs = [(start, eta) for start in starts for eta in (0.3, c["eta"], 0.9, 1.2)]
    shown = node(
        """return input.runs.map(([start, eta]) => {
             const run = core.planeDescentRun(input.data, input.data.contour, eta, start);
             while (run.status === "running" && run.losses.length - 1 < input.data.contour.budget) run.step();
             return { steps: run.losses.length - 1, status: run.status, end: run.thetas[run.thetas.length - 1] };
           });""",
        {"data": data, "runs": runs},
    )
    for (start, eta), widget in zip(runs, shown):
        result = gradient_descent(loss, start, lr=eta, steps=c["budget"], grad=grad)
        assert (widget["steps"], widget["status"]) == (result.steps, STATUS[result.status.value]), (
            start,
            eta,
        )
        if result.status.value != "diverged":
            assert np.allclose(widget["end"], result.theta, rtol=0, atol=1e-12), (
                start,
                eta,
                widget["end"],
                result.theta,
            )
    # Every contour point lies on its level (the loss there is quadratic in a and d).
    ellipses = node(
        """return core.contourEllipses(input, input.contour).map((e) => ({ level: e.level,
             points: Array.from({ length: 12 }, (_, k) => e.point(k * Math.PI / 6)) }));""",
        data,
    )
    assert len(ellipses) >= 10
    for ellipse in ellipses:
        for u in ellipse["points"]:
            assert math.isclose(loss(u), ellipse["level"], rel_tol=1e-9), (u, loss(u), ellipse["level"])


# ---- cost ----------------------------------------------------------------------------------------


def test_cost_counts_and_times_match_the_package() -> None:
    width, batch = RESULTS["setup"]["width"], RESULTS["setup"]["batch"]
    ns = sorted(
        {
            100,
            109,
            110,
            111,
            165,
            220,
            275,
            12345,
            10**5,
            25_557_032,
            10**9,
            *RNG.integers(100, 10**9, 200).tolist(),
        }
    )
    rates = hook().cost_data()["rates"]
    shown = node(
        """return input.ns.map((n) => {
             const depth = core.stackedDepth(n, input.width), counts = core.stackedCounts(input.width, depth, input.batch);
             return { depth, counts, factor: core.lectureFactor(counts),
                      seconds: ["numerical", "backprop"].map((g) => Number(counts[g]) / input.rates[g]) };
           });""",
        {"ns": ns, "width": width, "batch": batch, "rates": rates},
    )
    for n, widget in zip(ns, shown):
        depth = stacked_depth(n, width)
        counts = cost.stacked_network_multiplications(width, depth, batch)
        assert int(widget["depth"]) == depth, n
        assert {k: int(v) for k, v in widget["counts"].items()} == counts, n
        # The same integer → float conversion and the same division: equal to the last bit.
        assert widget["seconds"] == [predicted_seconds(RESULTS, n, g) for g in ("numerical", "backprop")], n
        # Each integer converted to float64, then divided: as the widget does.
        lecture = counts["n_params"] * (counts["n_params"] + 1)
        assert widget["factor"] == float(counts["numerical"]) / float(lecture), n


def test_the_factor_over_the_lecture_count_comes_from_the_batch() -> None:
    """The line under the calculator says why the exact count is ≈ 14.5 × N(N + 1): 16 samples."""
    width, batch = RESULTS["setup"]["width"], RESULTS["setup"]["batch"]
    depth = stacked_depth(10**5, width)
    counts = cost.stacked_network_multiplications(width, depth, batch)
    factor = counts["numerical"] / (counts["n_params"] * (counts["n_params"] + 1))
    # Each of the batch's samples costs the weights' w² of every w² + w parameters.
    assert math.isclose(factor, batch * width / (width + 1), rel_tol=1e-3), factor


# ---- number formatting and parsing -------------------------------------------------------------------


def format_module() -> Any:
    """hooks/values/_format.py: the prose's rule for numbers and durations."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("_format", ROOT / "hooks" / "values" / "_format.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_durations_follow_the_prose_rule() -> None:
    """One rule for prose and widgets: the widget's duration() is the prose's, string for string."""
    duration = format_module().duration
    seconds = [float(s) for s in np.logspace(-7, 14, 2000)] + [float(s) for s in RNG.uniform(0, 7200, 300)]
    seconds += [
        59.99,
        60.0,
        99.5,
        100.0,
        3599.0,
        3600.0,
        2 * 86400.0,
        2 * 365.25 * 86400,
        1.0,
        0.9995,
        5.5,
        327.0,
        99.0,
    ]
    seconds += [
        predicted_seconds(RESULTS, n, g) * k
        for n in (100, 10**5, 10**9)
        for g in ("numerical", "backprop")
        for k in (1, 10_000)
    ]
    for lang in ("ko", "en"):
        shown = node(f"return input.map((s) => core.duration(s, {json.dumps(lang)}));", seconds)
        wrong = [(s, js, duration(s, lang)) for s, js in zip(seconds, shown) if js != duration(s, lang)]
        assert not wrong, f"{lang}: {len(wrong)} of {len(seconds)} differ, e.g. {wrong[:5]}"


def test_large_numbers_follow_the_prose_rule() -> None:
    large = format_module().large
    values = [float(v) for v in np.logspace(0, 15, 500)] + [9.995e6, 1.04e7, 99999.0, 1e8, 123456789.0]
    for lang in ("ko", "en"):
        shown = node(f"return input.map((v) => core.large(v, {json.dumps(lang)}));", values)
        assert shown == [large(v, lang) for v in values], lang


def test_short_integers_round_like_python() -> None:
    values = [
        10**9 - 1,
        10**9,
        14_545_454_430_090_908_951,
        145_443_008_951,
        1_005 * 10**16,
        1_015 * 10**16,
        9_995 * 10**20,
        999_500_000_000,
    ]
    values += [int(v) for v in RNG.integers(10**9, 2**62, 100)]
    shown = node("return input.map((v) => core.shortInteger(BigInt(v)));", [str(v) for v in values])
    for value, text in zip(values, shown):
        if value < 10**9:
            assert text == f"{value:,}"
            continue
        mantissa, exponent = f"{Decimal(value):.2e}".split("e")
        superscript = str(int(exponent)).translate(str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹"))
        assert text == f"{mantissa} × 10{superscript}", (value, text)


def test_format_g_is_pythons() -> None:
    values = [12.5, 0.125, 2.5, 0.5, 5.0, 99.5, 99.96, 0.000123, 1e-5, 38.0, 5.45, 1.75]
    values += [float(v) for v in RNG.uniform(0, 100, 300)] + [float(v) for v in np.logspace(-7, 2, 200)]
    for digits in (2, 3):
        shown = node(f"return input.map((v) => core.formatG(v, {digits}));", values)
        assert shown == [f"{v:.{digits}g}" for v in values]


def test_typed_numbers_are_read_as_written() -> None:
    cases = {
        "1e-8": 1e-8,
        "−1e-8": -1e-8,
        "-0.5": -0.5,
        "100,000": 100000.0,
        "1.3×10⁻⁸": 1.3e-8,
        "2 × 10^5": 2e5,
        ".25": 0.25,
        "abc": None,
        "1e": None,
        "": None,
    }
    shown = node(
        "return input.map((t) => { const v = core.parseNumber(t); return Number.isNaN(v) ? null : v; });",
        list(cases),
    )
    assert dict(zip(cases, shown)) == cases


def test_korean_particles_follow_the_reading() -> None:
    cases = {
        ("0.68", "이"): "0.68이",  # 영점육팔
        ("0.68", "로"): "0.68로",
        ("1", "로"): "1로",  # 일: ㄹ
        ("3", "로"): "3으로",  # 삼
        ("2", "은"): "2는",  # 이
        ("ε", "로"): "ε으로",  # 엡실론
        ("ε", "이"): "ε이",
        ("η", "를"): "η를",  # 에타
        ("N", "을"): "N을",  # 엔
        ("10", "로"): "10으로",  # 십
        ("100", "로"): "100으로",  # 백
        ("1,000", "가"): "1,000이",  # 천
        ("100,000,000", "는"): "100,000,000은",  # 억
        ("1×10⁻⁸", "로"): "1×10⁻⁸으로",  # …승
        ("5", "을"): "5를",  # 오
        ("7", "로"): "7로",  # 칠
        ("0", "이"): "0이",  # 영
        ("38일", "로"): "38일로",
        ("1.7분", "이"): "1.7분이",
    }
    shown = node("return input.map(([w, p]) => core.josa(w, p));", [list(k) for k in cases])
    assert dict(zip(cases, shown)) == cases
    with pytest.raises(AssertionError, match="unknown particle"):
        node("return core.josa('1', '와');", None)
