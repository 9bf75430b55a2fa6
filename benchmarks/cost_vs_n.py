"""Time of ONE numerical gradient vs ONE backprop gradient as the network grows, N ~ 10^2 .. 10^5.

The networks are dense tanh MLPs of fixed width WIDTH, made deeper: layer sizes [WIDTH] * (depth+1),
so N = depth * (WIDTH^2 + WIDTH) and one forward pass costs exactly BATCH * depth * WIDTH^2
multiplications, proportional to N. For each N it measures
  numerical: whybackprop.numerical_gradient(loss, theta) (forward difference: N+1 loss evaluations)
  backprop:  MLP.backprop(theta, X, Y)
in process CPU time with BLAS pinned to one thread, fits log-log slopes (goals: numerical
2.0 +- 0.15, backprop 1.0 +- 0.15) and writes the results with the machine they were measured on.

Every backprop and every numerical gradient shorter than INTERLEAVED_SECONDS is the median of ROUNDS
interleaved runs; a longer numerical gradient is the median of 3 runs, up to MAX_REPEATED_SECONDS,
then a single run; one that would run longer than MAX_MEASURED_SECONDS is ESTIMATED, and marked so:
numerical_gradient is timed on a random subset of k coordinates (its k+1 loss evaluations are the
very same full-network evaluations it makes for all N) and scaled by (N+1)/(k+1). The estimator is
checked against a full measurement at the largest N measured in full (`estimate_check`).

    python benchmarks/cost_vs_n.py            # full run, a few minutes; writes benchmarks/results/cost_vs_n.json
    python benchmarks/cost_vs_n.py --quick    # small N only, seconds; prints, writes nothing unless --out
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
from threadpoolctl import threadpool_info, threadpool_limits

from whybackprop import (
    MLP,
    backprop_multiplications,
    forward_multiplications,
    lecture_step_multiplications,
    loss_multiplications,
    numerical_gradient,
    numerical_gradient_multiplications,
)

WIDTH = 10  # every layer: 10 -> 10, i.e. 110 parameters
BATCH = 16  # examples per loss evaluation
DEPTHS = (1, 2, 5, 9, 18, 46, 91, 182, 455, 909)  # N = 110 * depth: 110 ... 99,990
QUICK_DEPTHS = (1, 2, 5, 9, 18)  # N = 110 ... 1,980: the consistency test's re-measurement
MAX_REPEATED_SECONDS = 20.0  # a numerical gradient longer than this is measured once, not 3 times
MAX_MEASURED_SECONDS = 150.0  # one longer than this is estimated (keeps the full run under 10 minutes)
SUBSET_SECONDS = 3.0  # time budget of one subset timing for an estimate
ROUNDS = 7  # interleaved repeats of every backprop and of every numerical gradient shorter than:
INTERLEAVED_SECONDS = 5.0
MIN_REPEAT_SECONDS = 0.02  # fast calls are looped until one repeat takes at least this long
GOALS: dict[str, Any] = {"numerical": (2.0, 0.15), "backprop": (1.0, 0.15), "ratio_at_largest_n": 1e4}
CLOCK = time.process_time
RESULTS = Path(__file__).resolve().parent / "results" / "cost_vs_n.json"


def layer_sizes(depth: int) -> list[int]:
    return [WIDTH] * (depth + 1)


def timer(run: Callable[[], Any]) -> Callable[[], float]:
    """Warm `run` up; return a function that times one repeat of it, in CPU seconds per call.

    CPU time of this process, not wall time: with BLAS on one thread it is the time the work
    takes, and other programs on a shared machine change it much less than wall time.
    Calls shorter than MIN_REPEAT_SECONDS are looped within a repeat so the clock resolves them.
    """
    start = CLOCK()
    run()
    loops = max(1, int(MIN_REPEAT_SECONDS / max(CLOCK() - start, 1e-9)))

    def one_repeat() -> float:
        start = CLOCK()
        for _ in range(loops):
            run()
        return (CLOCK() - start) / loops

    return one_repeat


def timing(times: list[float], how: str, estimated: bool = False, scale: float = 1.0) -> dict[str, Any]:
    times = [t * scale for t in times]
    return {"seconds": float(np.median(times)), "repeats": times, "estimated": estimated, "how": how}


class Case:
    """One network of the series: its loss and both gradients, ready to time."""

    def __init__(self, depth: int) -> None:
        self.depth = depth
        self.mlp = MLP(layer_sizes(depth))
        rng = np.random.default_rng(depth)
        self.X, self.Y = rng.normal(size=(BATCH, WIDTH)), rng.normal(size=(BATCH, WIDTH))
        self.theta = self.mlp.init(seed=depth)
        start = CLOCK()
        self.loss(self.theta)
        self.predicted = (self.mlp.n_params + 1) * (CLOCK() - start)  # seconds of one numerical gradient

    def loss(self, theta: np.ndarray) -> float:
        return self.mlp.loss(theta, self.X, self.Y)

    def numerical(self) -> None:
        numerical_gradient(self.loss, self.theta)

    def backprop(self) -> None:
        self.mlp.backprop(self.theta, self.X, self.Y)

    def estimate_numerical(self) -> dict[str, Any]:
        """Time numerical_gradient on k random coordinates and scale its k+1 evaluations to N+1."""
        n = self.mlp.n_params
        k = int(min(n - 1, max(100, SUBSET_SECONDS / self.predicted * n)))
        subset = np.sort(np.random.default_rng(n).choice(n, size=k, replace=False))
        work = self.theta.copy()

        def restricted(phi: np.ndarray) -> float:  # the full loss; only theta[subset] moves
            work[subset] = phi
            return self.loss(work)

        one_repeat = timer(lambda: numerical_gradient(restricted, self.theta[subset]))
        scale = (n + 1) / (k + 1)
        how = (
            f"numerical_gradient timed on {k} of the {n} coordinates ({k + 1} full loss evaluations), "
            f"scaled by (N+1)/(k+1) = {scale:.2f}; median of 3 runs"
        )
        estimate = timing([one_repeat() for _ in range(3)], how, estimated=True, scale=scale)
        return {**estimate, "subset_size": k, "scale": scale}


def measure(depths: tuple[int, ...], log: Callable[[str], None]) -> list[dict[str, Any]]:
    """Time both gradients for every depth.

    Short timings are taken in interleaved rounds (every network once per round), so a burst of
    other work on a shared machine hits all sizes alike instead of bending the slope. A numerical
    gradient that is long is timed afterwards: 3 runs, 1 run, or estimated, by its length.
    """
    cases = [Case(depth) for depth in depths]
    backprop = {case.depth: timer(case.backprop) for case in cases}
    short = [case for case in cases if case.predicted < INTERLEAVED_SECONDS]
    numerical = {case.depth: timer(case.numerical) for case in short}
    rounds: dict[str, dict[int, list[float]]] = {"numerical": {}, "backprop": {}}
    for _ in range(ROUNDS):
        for case in cases:
            rounds["backprop"].setdefault(case.depth, []).append(backprop[case.depth]())
            if case in short:
                rounds["numerical"].setdefault(case.depth, []).append(numerical[case.depth]())
    interleaved = f"median of {ROUNDS} interleaved runs"
    points = []
    for case in cases:
        if case in short:
            numerical_timing = timing(rounds["numerical"][case.depth], interleaved)
        elif case.predicted <= MAX_REPEATED_SECONDS:
            one_repeat = timer(case.numerical)
            numerical_timing = timing([one_repeat() for _ in range(3)], "median of 3 runs")
        elif case.predicted <= MAX_MEASURED_SECONDS:
            start = CLOCK()
            case.numerical()
            numerical_timing = timing([CLOCK() - start], "a single run (too long to repeat)")
        else:
            numerical_timing = case.estimate_numerical()
        points.append(point(case, numerical_timing, timing(rounds["backprop"][case.depth], interleaved)))
        num, bp = points[-1]["numerical"], points[-1]["backprop"]
        log(
            f"N = {points[-1]['n_params']:>6}: numerical {num['seconds']:.4g} s"
            f"{' (estimated)' if num['estimated'] else ''}, backprop {bp['seconds'] * 1e3:.4g} ms, "
            f"ratio {points[-1]['ratio']:.3g}"
        )
    return points


def point(case: Case, numerical: dict[str, Any], backprop: dict[str, Any]) -> dict[str, Any]:
    sizes, n = list(case.mlp.layer_sizes), case.mlp.n_params
    return {
        "depth": case.depth,
        "layer_sizes": f"[{WIDTH}] * {case.depth + 1}",
        "n_params": n,
        "n_biases": case.mlp.n_biases,
        "multiplications": {
            "lecture_n_n_plus_1": lecture_step_multiplications(n),
            "forward_pass": forward_multiplications(sizes, BATCH),
            "loss": loss_multiplications(sizes, BATCH),
            "numerical": numerical_gradient_multiplications(sizes, BATCH, "forward"),
            "backprop": backprop_multiplications(sizes, BATCH),
        },
        "numerical": numerical,
        "backprop": backprop,
        "ratio": numerical["seconds"] / backprop["seconds"],
    }


def slope(points: list[dict[str, Any]], value: Callable[[dict[str, Any]], float]) -> float:
    """Least-squares slope of log(value) against log(N): the growth order."""
    n = [p["n_params"] for p in points]
    return float(np.polyfit(np.log(n), np.log([value(p) for p in points]), 1)[0])


def slopes(points: list[dict[str, Any]]) -> dict[str, float]:
    return {
        "numerical": slope(points, lambda p: p["numerical"]["seconds"]),
        "backprop": slope(points, lambda p: p["backprop"]["seconds"]),
        "numerical_multiplications": slope(points, lambda p: p["multiplications"]["numerical"]),
        "backprop_multiplications": slope(points, lambda p: p["multiplications"]["backprop"]),
    }


def machine() -> dict[str, Any]:
    cpu = platform.processor() or "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    blas = [
        {k: info.get(k) for k in ("internal_api", "version", "num_threads", "architecture")}
        for info in threadpool_info()
        if info.get("user_api") == "blas"
    ]
    return {
        "system": f"{platform.system()} {platform.release()}",
        "architecture": platform.machine(),
        "cpu_model": cpu,
        "logical_cpus": os.cpu_count(),
        "python": platform.python_version(),
        "numpy": np.__version__,
        "whybackprop": _version(),
        "blas": blas,
    }


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("whybackprop")
    except PackageNotFoundError:
        return "unknown"


def run(quick: bool = False, log: Callable[[str], None] = print) -> dict[str, Any]:
    """Measure every depth; return the results as a JSON-ready dict."""
    depths = QUICK_DEPTHS if quick else DEPTHS
    start = time.perf_counter()
    load_before = os.getloadavg()
    with threadpool_limits(limits=1, user_api="blas"):
        info = machine()  # inside the limit: records the one BLAS thread actually used
        points = measure(depths, log)
        estimate_check = None
        if not quick:  # the estimator against a full measurement, at the largest N measured in full
            largest = [p for p in points if not p["numerical"]["estimated"]][-1]
            estimate = Case(largest["depth"]).estimate_numerical()
            estimate_check = {
                "n_params": largest["n_params"],
                "measured_seconds": largest["numerical"]["seconds"],
                "estimated_seconds": estimate["seconds"],
                "estimated_over_measured": estimate["seconds"] / largest["numerical"]["seconds"],
                "how": estimate["how"],
            }
            log(
                f"estimator check at N = {largest['n_params']}: estimated / measured = "
                f"{estimate_check['estimated_over_measured']:.3f}"
            )
    fitted = slopes(points)
    largest = points[-1]
    results = {
        "schema": 1,
        "mode": "quick" if quick else "full",
        "command": "python benchmarks/cost_vs_n.py" + (" --quick" if quick else ""),
        "measured_at": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "machine": info,
        "load_average": {"before": list(load_before), "after": list(os.getloadavg())},
        "setup": {
            "width": WIDTH,
            "batch": BATCH,
            "depths": list(depths),
            "numerical_method": "forward",
            "blas_threads": 1,
            "max_repeated_seconds": MAX_REPEATED_SECONDS,
            "max_measured_seconds": MAX_MEASURED_SECONDS,
            "timing": "process CPU time (time.process_time), median of repeats, short ones in "
            f"interleaved rounds; calls shorter than {MIN_REPEAT_SECONDS} s looped within a repeat",
        },
        "points": points,
        "slopes": fitted,
        "goals": GOALS,
        "goals_met": {
            "numerical": abs(fitted["numerical"] - GOALS["numerical"][0]) <= GOALS["numerical"][1],
            "backprop": abs(fitted["backprop"] - GOALS["backprop"][0]) <= GOALS["backprop"][1],
            "ratio_at_largest_n": largest["ratio"] >= GOALS["ratio_at_largest_n"],
        },
        "noise": {  # (max - min) / median of the repeats, per point: how steady the machine was
            "numerical": [_spread(p["numerical"]["repeats"]) for p in points],
            "backprop": [_spread(p["backprop"]["repeats"]) for p in points],
        },
        "estimate_check": estimate_check,
        "wall_seconds": time.perf_counter() - start,
    }
    log(
        f"slopes: numerical {fitted['numerical']:.3f}, backprop {fitted['backprop']:.3f}; "
        f"ratio at N = {largest['n_params']}: {largest['ratio']:.3g}; {results['wall_seconds']:.0f} s"
    )
    return results


def _spread(times: list[float]) -> float:
    return float((max(times) - min(times)) / np.median(times))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help=f"only depths {QUICK_DEPTHS} (seconds)")
    parser.add_argument("--out", type=Path, help=f"results file (default for a full run: {RESULTS.name})")
    args = parser.parse_args(argv)
    results = run(quick=args.quick)
    out = args.out or (None if args.quick else RESULTS)
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
