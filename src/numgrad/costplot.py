"""The deep-network page's figure: cost of one gradient vs the number of parameters N, log-log.

It draws the results of benchmarks/cost_vs_n.py (the dict stored in its JSON file) in the same
style as `numgrad.plotting`, whose `show`/`embed` bring it to the page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from numgrad.plotting import COLORS, MARKERS, _decades, _figure, _style

if TYPE_CHECKING:
    from matplotlib.figure import Figure

METHODS = {"numerical": "수치적 기울기 (전진 차분)", "backprop": "역전파"}


def fitted_line(n: np.ndarray, values: np.ndarray) -> np.ndarray:
    """The least-squares line through (log N, log value), at `n`: a power law c * N^slope."""
    slope, intercept = np.polyfit(np.log(n), np.log(values), 1)
    return np.exp(intercept) * n**slope  # type: ignore[no-any-return]


def cost_vs_n_figure(results: dict[str, Any]) -> Figure:
    """Top: measured seconds of one gradient; bottom: its counted multiplications, with N(N+1)."""
    points, slopes = results["points"], results["slopes"]  # the slopes the benchmark fitted
    n = np.array([p["n_params"] for p in points], dtype=float)
    with _style():
        fig, axes = _figure(2, 1, 6.4, 8.4)
        time_ax, count_ax = axes[:, 0]
        for k, (method, label) in enumerate(METHODS.items()):
            seconds = np.array([p[method]["seconds"] for p in points])
            estimated = np.array([p[method]["estimated"] for p in points])
            time_ax.plot(n, fitted_line(n, seconds), color=COLORS[k], linewidth=1, alpha=0.6)
            time_ax.plot(n[~estimated], seconds[~estimated], MARKERS[k], color=COLORS[k],
                         label=f"{label}: 증가 차수 {slopes[method]:.2f}")
            if estimated.any():
                time_ax.plot(n[estimated], seconds[estimated], MARKERS[k], color=COLORS[k],
                             markerfacecolor="white", label=f"{label}: 추정값")
            counts = np.array([p["multiplications"][method] for p in points], dtype=float)
            count_ax.plot(n, counts, MARKERS[k] + "-", color=COLORS[k],
                          label=f"{label}: 증가 차수 {slopes[method + '_multiplications']:.2f}")
        lecture = np.array([p["multiplications"]["lecture_n_n_plus_1"] for p in points], dtype=float)
        count_ax.plot(n, lecture, "--", color=COLORS[3], label="강의의 어림 N(N+1) (예제 1개 기준)")
        time_ax.set_ylabel("기울기 한 번의 시간 (초)")
        count_ax.set_ylabel("기울기 한 번의 곱셈 수")
        time_ax.set_title("잰 시간")
        count_ax.set_title(f"센 곱셈 수 (배치 {results['setup']['batch']}개)")
        for ax in (time_ax, count_ax):
            ax.set_xscale("log")
            ax.set_yscale("log")
            ax.set_xlabel("매개 변수 개수 N")
            _decades(ax.xaxis)
            _decades(ax.yaxis)
            ax.legend(fontsize=9, loc="upper left")
    return fig
