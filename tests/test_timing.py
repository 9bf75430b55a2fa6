import json
from pathlib import Path

import pytest

from whybackprop import cost
from whybackprop.timing import multiplication_rate, predicted_seconds, stacked_depth

RESULTS = json.loads(Path("benchmarks/results/cost_vs_n.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("depth", [1, 2, 7, 30])
@pytest.mark.parametrize("batch", [1, 16])
def test_stacked_counts_equal_the_general_counts(depth: int, batch: int) -> None:
    sizes = [10] * (depth + 1)
    counts = cost.stacked_network_multiplications(10, depth, batch)
    assert counts["numerical"] == cost.numerical_gradient_multiplications(sizes, batch)
    assert counts["backprop"] == cost.backprop_multiplications(sizes, batch)
    assert counts["n_params"] == 110 * depth


def test_prediction_reproduces_every_fully_measured_large_point() -> None:
    # The rate comes from the largest point; the other large points are predicted within 25 %.
    for point in RESULTS["points"]:
        if point["n_params"] < 10_000:
            continue  # small networks pay a fixed per-call cost the rate leaves out
        for gradient in ("numerical", "backprop"):
            ratio = predicted_seconds(RESULTS, point["n_params"], gradient) / point[gradient]["seconds"]
            assert 0.75 < ratio < 1.25, (point["n_params"], gradient, ratio)


def test_prediction_at_the_largest_point_is_the_measurement() -> None:
    largest = RESULTS["points"][-1]
    for gradient in ("numerical", "backprop"):
        assert predicted_seconds(RESULTS, largest["n_params"], gradient) == pytest.approx(
            largest[gradient]["seconds"], rel=1e-12
        )


def test_numerical_time_grows_as_n_squared_and_backprop_as_n() -> None:
    for gradient, power in (("numerical", 2), ("backprop", 1)):
        small, large = (predicted_seconds(RESULTS, n, gradient) for n in (10**6, 10**8))
        assert large / small == pytest.approx(100**power, rel=0.02)


def test_depth_and_rate_refuse_bad_input() -> None:
    assert stacked_depth(100) == 1 and stacked_depth(10**9) == 9_090_909
    with pytest.raises(ValueError, match="n_params"):
        stacked_depth(0)
    with pytest.raises(ValueError, match="gradient"):
        multiplication_rate(RESULTS, "central")
