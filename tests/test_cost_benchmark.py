"""The committed cost-vs-N results agree with the code that produced them.

The deep-network page draws its figure and its numbers from benchmarks/results/cost_vs_n.json.
These tests fail when that file no longer matches the code: wrong schema, counts that differ from
whybackprop.cost, slopes that do not follow from its own points. These run in the default suite.

A quick re-measurement at small N, whose growth orders (log-log slopes) must match the committed
ones, is a timing measurement that depends on the machine and its load: it is marked `slow` and
runs only with `./dev test -m slow`.
"""

from __future__ import annotations

import importlib.util
import json
import math
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np
import pytest

from whybackprop import MLP, cost

ROOT = Path(__file__).resolve().parent.parent


def load_benchmark() -> ModuleType:
    spec = importlib.util.spec_from_file_location("cost_vs_n", ROOT / "benchmarks" / "cost_vs_n.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


bench = load_benchmark()


@pytest.fixture(scope="module")
def committed() -> dict[str, Any]:
    return json.loads(bench.RESULTS.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def quick() -> dict[str, Any]:
    results: dict[str, Any] = bench.run(quick=True, log=lambda line: None)
    return results


def test_schema_and_provenance(committed: dict[str, Any]) -> None:
    assert committed["schema"] == 1 and committed["mode"] == "full"
    assert committed["command"] == "python benchmarks/cost_vs_n.py"
    for key in ("system", "architecture", "cpu_model", "logical_cpus", "python", "numpy", "blas"):
        assert committed["machine"][key], key
    assert all(blas["num_threads"] == 1 for blas in committed["machine"]["blas"])
    assert committed["measured_at"].endswith("+00:00")  # an ISO date in UTC
    assert committed["wall_seconds"] < 600  # the full run stays under 10 minutes


def test_setup_is_the_scripts(committed: dict[str, Any]) -> None:
    setup = committed["setup"]
    assert (setup["width"], setup["batch"], tuple(setup["depths"])) == (
        bench.WIDTH,
        bench.BATCH,
        bench.DEPTHS,
    )
    assert setup["blas_threads"] == 1 and setup["numerical_method"] == "forward"
    assert set(bench.QUICK_DEPTHS) <= set(bench.DEPTHS)  # the quick run re-measures committed points


def test_points_span_the_lectures_range(committed: dict[str, Any]) -> None:
    n = [p["n_params"] for p in committed["points"]]
    assert n == sorted(n) and n[0] < 200 and 90_000 <= n[-1] <= 110_000


def test_counts_are_whybackprops(committed: dict[str, Any]) -> None:
    """Every count in the file is what whybackprop.cost says today for that network."""
    batch = committed["setup"]["batch"]
    for point in committed["points"]:
        sizes = bench.layer_sizes(point["depth"])
        mlp = MLP(sizes)
        assert (point["n_params"], point["n_biases"]) == (mlp.n_params, mlp.n_biases)
        assert point["multiplications"] == {
            "lecture_n_n_plus_1": cost.lecture_step_multiplications(mlp.n_params),
            "forward_pass": cost.forward_multiplications(sizes, batch),
            "loss": cost.loss_multiplications(sizes, batch),
            "numerical": cost.numerical_gradient_multiplications(sizes, batch, "forward"),
            "backprop": cost.backprop_multiplications(sizes, batch),
        }


def test_every_time_is_a_median_and_estimates_say_how(committed: dict[str, Any]) -> None:
    for point in committed["points"]:
        for method in ("numerical", "backprop"):
            timing = point[method]
            assert timing["seconds"] > 0 and timing["how"]
            assert timing["seconds"] == pytest.approx(float(np.median(timing["repeats"])))
        if point["numerical"]["estimated"]:
            k, n = point["numerical"]["subset_size"], point["n_params"]
            assert 100 <= k < n and point["numerical"]["scale"] == pytest.approx((n + 1) / (k + 1))
            assert f"timed on {k} of the {n} coordinates" in point["numerical"]["how"]
        assert point["ratio"] == pytest.approx(point["numerical"]["seconds"] / point["backprop"]["seconds"])


def test_the_estimator_was_checked(committed: dict[str, Any]) -> None:
    """Estimated points are only as good as the estimator; it was compared with a full measurement."""
    check = committed["estimate_check"]
    measured = [p for p in committed["points"] if not p["numerical"]["estimated"]]
    assert check["n_params"] == measured[-1]["n_params"]
    assert 0.8 <= check["estimated_over_measured"] <= 1.25
    assert all(
        not p["numerical"]["estimated"] for p in committed["points"] if p["n_params"] < check["n_params"]
    )


def test_slopes_follow_from_the_points_and_meet_the_goals(committed: dict[str, Any]) -> None:
    slopes = committed["slopes"]
    assert slopes == pytest.approx(bench.slopes(committed["points"]), abs=1e-12)
    assert abs(slopes["numerical"] - 2.0) <= 0.15
    assert abs(slopes["backprop"] - 1.0) <= 0.15
    assert committed["points"][-1]["ratio"] >= 1e4
    assert all(committed["goals_met"].values())


# A quick run fits its slopes on N = 110 ... 1,980 (1.3 decades). On the machine that made the
# committed file, quick runs matched its slopes within 0.02 (CPU-time medians of interleaved runs,
# while other jobs ran); another machine may shift the balance of Python overhead and arithmetic,
# which bends the small-N slopes somewhat more. 0.15 leaves room for that and still catches a
# change of growth order (an O(N^2) backprop or an O(N^3) numerical gradient moves a slope by ~1).
SLOPE_TOLERANCE = 0.15
# numerical / backprop time, quick vs committed, as a geometric mean over the quick points (one
# point alone is noisier): a factor of 2 would mean twice the loss evaluations per gradient
# (e.g. central instead of forward differences) or a backprop twice as slow.
RATIO_TOLERANCE = 1.5


@pytest.mark.slow
def test_quick_remeasurement_agrees_with_the_committed_results(
    committed: dict[str, Any], quick: dict[str, Any]
) -> None:
    same_n = [p for p in committed["points"] if p["depth"] in bench.QUICK_DEPTHS]
    assert [p["n_params"] for p in quick["points"]] == [p["n_params"] for p in same_n]
    assert not any(p["numerical"]["estimated"] for p in quick["points"])
    then, now = bench.slopes(same_n), quick["slopes"]
    for method in ("numerical", "backprop"):
        assert abs(now[method] - then[method]) <= SLOPE_TOLERANCE, (method, now[method], then[method])
    assert now["numerical_multiplications"] == then["numerical_multiplications"]
    factors = [new["ratio"] / old["ratio"] for old, new in zip(same_n, quick["points"])]
    factor = math.exp(np.mean(np.log(factors)))
    assert 1 / RATIO_TOLERANCE <= factor <= RATIO_TOLERANCE, factors
