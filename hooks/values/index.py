"""The home page: the chapter's answer in one sentence, from the benchmark's largest network."""

from __future__ import annotations

from whybackprop import predicted_seconds

from ._format import benchmark_results, duration, integer, large
from .deep_network import TRAINING_STEPS


def values(lang: str) -> dict[str, str]:
    results = benchmark_results()
    n = results["points"][-1]["n_params"]
    return {
        "home_n": integer(n, lang),
        "home_steps": large(TRAINING_STEPS, lang),
        "home_numerical": duration(TRAINING_STEPS * predicted_seconds(results, n, "numerical"), lang),
        "home_backprop": duration(TRAINING_STEPS * predicted_seconds(results, n, "backprop"), lang),
    }
