"""How much does whybackprop.numerical_gradient add on top of the N+1 loss calls it must make?

Prints, measured in one run on the same inputs, for N = 10, 100, 1000 and a cheap and a costly f:
  overhead = numerical_gradient time / time of the bare N+1 calls of f on the same points (goal <= 1.05)
  vs scipy = numerical_gradient time / scipy.optimize.approx_fprime time, both N+1 calls (goal <= 1.0)
and the accuracy of forward and central differences against the exact gradient.
Timings are medians of interleaved repeats, BLAS pinned to one thread.

    python benchmarks/numerical_gradient.py [--repeats 31]
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from typing import Any

import numpy as np
from scipy.optimize import approx_fprime
from threadpoolctl import threadpool_limits

from whybackprop import count_calls, numerical_gradient

Problem = tuple[Callable[[np.ndarray], float], Callable[[np.ndarray], np.ndarray]]


def cheap(n: int) -> Problem:
    """f = sum(theta^2): a few hundred nanoseconds, so any per-call overhead shows."""
    return (lambda t: float(t @ t)), (lambda t: 2 * t)


def costly(n: int) -> Problem:
    """f = sum(tanh(A theta)) with A of shape 200 x N: a small dense layer, like a model's loss."""
    a = np.random.default_rng(n).normal(size=(200, n)) / np.sqrt(n)
    return (lambda t: float(np.sum(np.tanh(a @ t)))), (lambda t: a.T @ (1 - np.tanh(a @ t) ** 2))


def median_seconds(run: Callable[[], Any], repeats: int) -> list[float]:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return times


def measure(f: Callable[[np.ndarray], float], theta: np.ndarray, repeats: int) -> dict[str, float]:
    # The exact points numerical_gradient evaluates, so the bare loop makes the very same calls.
    points: list[np.ndarray] = []
    numerical_gradient(lambda t: points.append(t.copy()) or f(t), theta)
    counted = count_calls(f)
    approx_fprime(theta, counted, np.sqrt(np.finfo(float).eps))
    assert counted.calls == len(points) == theta.size + 1, (counted.calls, len(points))

    def bare() -> None:
        for p in points:
            f(p)

    runs = {
        "whybackprop": lambda: numerical_gradient(f, theta),
        "bare": bare,
        "scipy": lambda: approx_fprime(theta, f, np.sqrt(np.finfo(float).eps)),
    }
    samples: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(repeats):  # interleave so that machine noise hits all three alike
        for name, run in runs.items():
            samples[name] += median_seconds(run, 1)
    return {name: float(np.median(times)) for name, times in samples.items()}


def relative_error(approx: np.ndarray, exact: np.ndarray) -> float:
    return float(np.linalg.norm(approx - exact) / np.linalg.norm(exact))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=31)
    args = parser.parse_args()

    print(f"numpy {np.__version__}; medians of {args.repeats} interleaved repeats; BLAS on 1 thread\n")
    print(
        f"{'f':7} {'N':>5} {'whybackprop':>10} {'bare N+1':>10} {'scipy':>10} {'overhead':>9} {'vs scipy':>9}"
        f" {'fwd err':>9} {'ctr err':>9} {'scipy err':>9}"
    )
    with threadpool_limits(limits=1):
        for name, make in (("cheap", cheap), ("costly", costly)):
            for n in (10, 100, 1000):
                f, exact = make(n)
                theta = np.random.default_rng(0).uniform(-1, 1, n)
                t = measure(f, theta, args.repeats)
                g = exact(theta)
                errors = (
                    relative_error(numerical_gradient(f, theta), g),
                    relative_error(numerical_gradient(f, theta, method="central"), g),
                    relative_error(approx_fprime(theta, f, np.sqrt(np.finfo(float).eps)), g),
                )
                print(
                    f"{name:7} {n:5d} {t['whybackprop'] * 1e3:8.3f}ms {t['bare'] * 1e3:8.3f}ms {t['scipy'] * 1e3:8.3f}ms"
                    f" {t['whybackprop'] / t['bare']:9.3f} {t['whybackprop'] / t['scipy']:9.3f}"
                    + "".join(f" {e:9.1e}" for e in errors)
                )


if __name__ == "__main__":
    main()
