"""The deep-network page's numbers about why backpropagation is cheap, checked against the package.

The timing sentence (the ratio is the robust result) is checked on the recorded benchmark in every
run; re-timing it on this machine is a measurement, so that test is marked `slow`.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from whybackprop import (
    MLP,
    BlackBoxProblem,
    backprop_multiplications,
    forward_multiplications,
    make_problem,
    predicted_seconds,
)
from whybackprop.blackbox import START_THETA

from hook_module import load_hook

ROOT = Path(__file__).resolve().parent.parent
placeholders_hook = load_hook("placeholders")
TIMING_TWIN = MLP([10] * 19).n_params  # snippets/deep_timing.py's network


pytestmark = pytest.mark.usefixtures(
    "at_repository_root"
)  # the values read files by their path from the root


def values(lang: str = "ko") -> dict[str, str]:
    return placeholders_hook.page_values("deep-network.md", lang)


def results() -> dict:
    return json.loads((ROOT / "benchmarks/results/cost_vs_n.json").read_text(encoding="utf-8"))


def test_the_graph_figure_numbers_are_the_sweep_of_the_sample_nearest_one() -> None:
    found, problem = values(), make_problem()
    i = int(np.argmin(abs(problem.x - 1.0)))
    exact = BlackBoxProblem(x=problem.x[i : i + 1], y=problem.y[i : i + 1]).exact_gradient(START_THETA)
    assert [float(found[f"sweep_d{name}"]) for name in "abcd"] == pytest.approx(exact, rel=5e-3)
    assert found["sweep_forward_mult"] == "3" and found["sweep_backward_mult"] == "6"


def test_backprops_multiple_of_a_forward_pass_does_not_grow_with_n() -> None:
    found = values()
    points = {p["n_params"]: p for p in results()["points"]}
    ratios = []
    for n in (10_010, 99_990):
        sizes = [10] * (points[n]["depth"] + 1)
        ratios.append(backprop_multiplications(sizes, 16) / forward_multiplications(sizes, 16))
    assert [float(found["ratio_mid"]), float(found["ratio_last"])] == pytest.approx(ratios, abs=0.005)
    assert abs(ratios[1] - ratios[0]) < 0.05  # N ten times larger, the multiple nearly the same
    assert found["ratio_mid_evals"] == "10,011" and found["ratio_last_evals"] == "99,991"  # N + 1


def test_parallel_processors_divide_the_time_not_the_multiplications() -> None:
    found, recorded = values("en"), results()
    numerical = predicted_seconds(recorded, 10**6, "numerical")
    backprop = predicted_seconds(recorded, 10**6, "backprop")
    assert found["parallel"] == "1,000"
    assert found["million_parallel_vs_backprop"] == f"{round(numerical / 1000 / backprop):,}"
    assert found["million_parallel_vs_backprop"] != "1"  # still slower than one backprop


def test_the_timing_sentence_holds_for_the_recorded_benchmark() -> None:
    """The page: on the benchmark machine the twin row was hundreds of times apart ({{ twin_ratio }})."""
    twin = next(p for p in results()["points"] if p["n_params"] == TIMING_TWIN)
    assert 100 <= twin["ratio"] < 1000
    assert values()["twin_ratio"] == f"{round(twin['ratio']):,}"
    assert twin["ratio"] == pytest.approx(twin["numerical"]["seconds"] / twin["backprop"]["seconds"])


@pytest.mark.slow
def test_the_timing_snippet_measures_the_recorded_ratio_within_a_factor_of_two() -> None:
    """What the page promises of a re-run: the ratio agrees with the recorded one within 2x."""
    run = subprocess.run(
        [sys.executable, "snippets/en/deep_timing.py"], cwd=ROOT, capture_output=True, text=True, timeout=600
    )
    assert run.returncode == 0, run.stderr
    (measured,) = re.findall(r"\(([\d,]+) times faster\)", run.stdout)
    twin = next(p for p in results()["points"] if p["n_params"] == TIMING_TWIN)
    assert 0.5 < float(measured.replace(",", "")) / twin["ratio"] < 2
