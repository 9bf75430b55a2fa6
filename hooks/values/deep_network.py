"""The deep-network page: the lecture's counts, the benchmark's setup and results, and times predicted from them."""

from __future__ import annotations

from datetime import datetime

from whybackprop import MLP, lecture_step_multiplications, predicted_seconds

from ._format import DATE_FORMAT, benchmark_results, duration, integer, large, story

# A fact about the world, not a computed output: torchvision's ResNet-50 has 25,557,032 parameters
# (He et al. 2016, "Deep Residual Learning for Image Recognition"; torchvision.models.resnet50).
RESNET50_PARAMS = 25_557_032
TRAINING_STEPS = 10_000  # "10⁴ steps": a short training run, for the cost made concrete
MILLION = 10**6


def values(lang: str) -> dict[str, str]:
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
    )  # snippets/deep_timing.py's
    step_numerical = predicted_seconds(results, last["n_params"], "numerical")
    step_backprop = predicted_seconds(results, last["n_params"], "backprop")
    story(
        all(slopes[m] < slopes[f"{m}_multiplications"] for m in ("numerical", "backprop")),
        "the time grows with a slightly lower order than the multiplications (fixed costs at small N)",
    )
    story(last["numerical"]["estimated"], "the largest network's numerical-gradient time is estimated")
    return {
        "lecture_step_100k": large(lecture_step_multiplications(100_000), lang),
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
        "bench_blas": ", ".join(f"{b['internal_api']} {b['version']}" for b in machine["blas"]) or "?",
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
        "twin_n": integer(timing_twin["n_params"], lang),
        "twin_numerical": duration(timing_twin["numerical"]["seconds"], lang),
        "twin_backprop": duration(timing_twin["backprop"]["seconds"], lang),
        "last_numerical": duration(last["numerical"]["seconds"], lang),
        "last_backprop": duration(last["backprop"]["seconds"], lang),
        "last_ratio": integer(round(last["ratio"]), lang),
        "training_steps": large(TRAINING_STEPS, lang),
        "training_numerical": duration(TRAINING_STEPS * step_numerical, lang),
        "training_backprop": duration(TRAINING_STEPS * step_backprop, lang),
        "million_numerical": duration(predicted_seconds(results, MILLION, "numerical"), lang),
        "million_backprop": duration(predicted_seconds(results, MILLION, "backprop"), lang),
        "million_lecture": large(lecture_step_multiplications(MILLION), lang),
        "resnet50_n": large(RESNET50_PARAMS, lang),
        "resnet50_lecture": large(lecture_step_multiplications(RESNET50_PARAMS), lang),
        "resnet50_numerical": duration(predicted_seconds(results, RESNET50_PARAMS, "numerical"), lang),
    }
