"""The deep-network page: the lecture's counts, the benchmark's setup and results, and times predicted from them."""

from __future__ import annotations

from datetime import datetime

from whybackprop import (
    MLP,
    backprop_multiplications,
    forward_multiplications,
    lecture_step_multiplications,
    predicted_seconds,
)
from whybackprop.blackbox import START_THETA, make_problem
from whybackprop.reverse import reverse_sweep
from whybackprop.timing import multiplication_rate

from ._format import DATE_FORMAT, benchmark_results, duration, integer, large, story

# A fact about the world, not a computed output: torchvision's ResNet-50 has 25,557,032 parameters
# (He et al. 2016, "Deep Residual Learning for Image Recognition"; torchvision.models.resnet50).
RESNET50_PARAMS = 25_557_032
# Also a fact from the literature: one forward pass of ResNet-50 on one 224 x 224 image takes 3.8 x 10^9
# multiply-adds (He et al. 2016, Table 1, the "FLOPs" row of the 50-layer column; the paper counts
# FLOPs as multiply-adds).
RESNET50_MULT_ADDS = 3.8e9
TRAINING_STEPS = 10_000  # "10⁴ steps": a short training run, for the cost made concrete
MILLION = 10**6
PARALLEL = 1000  # "a thousand processors": the parallelism objection made concrete
SIMPLE_MLP = [784, 128, 10]  # snippets/deep_counting.py's network (one hidden layer)


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
    rate = multiplication_rate(results, "numerical")
    resnet_lecture_seconds = lecture_step_multiplications(RESNET50_PARAMS) / rate
    resnet_image_seconds = (RESNET50_PARAMS + 1) * RESNET50_MULT_ADDS / rate
    story(
        RESNET50_MULT_ADDS / RESNET50_PARAMS > 100,
        "ResNet-50 multiplies each weight over a hundred times per image, so N(N+1) is far too low",
    )
    # The timing twin: the ratio is the robust result; the run on the page may differ in absolute time.
    twin_ratio = timing_twin["ratio"]
    story(100 <= twin_ratio < 1000, "the timing twin's numerical gradient is hundreds of times slower")
    # Backprop's multiplications per forward pass, for the benchmark's network at two sizes and a shallow MLP.
    mid = next(p for p in points if p["n_params"] == 10_010)
    bench_ratios = [
        backprop_multiplications([setup["width"]] * (p["depth"] + 1), setup["batch"])
        / forward_multiplications([setup["width"]] * (p["depth"] + 1), setup["batch"])
        for p in (mid, last)
    ]
    simple_ratio = backprop_multiplications(SIMPLE_MLP) / forward_multiplications(SIMPLE_MLP)
    story(
        all(3 < r < 3.3 for r in bench_ratios) and abs(bench_ratios[0] - bench_ratios[1]) < 0.05,
        "backprop costs about three forward passes on the benchmark network, at both sizes",
    )
    story(1.9 < simple_ratio < 2.1, "about two forward passes for the one-hidden-layer MLP")
    million_scaled = last["numerical"]["seconds"] * (MILLION / last["n_params"]) ** 2
    million_numerical = predicted_seconds(results, MILLION, "numerical")
    story(
        abs(million_scaled / million_numerical - 1) < 0.05,
        "scaling the largest measured time by (10^6 / N)^2 gives the prediction for N = 10^6",
    )
    backprop_scaled = last["backprop"]["seconds"] * MILLION / last["n_params"]
    story(
        abs(backprop_scaled / predicted_seconds(results, MILLION, "backprop") - 1) < 0.05,
        "scaling the largest backprop time by 10^6 / N gives the prediction for N = 10^6",
    )
    sweep = reverse_sweep_values()
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
        "twin_ratio": integer(round(twin_ratio), lang),
        "last_numerical": duration(last["numerical"]["seconds"], lang),
        "last_backprop": duration(last["backprop"]["seconds"], lang),
        "last_ratio": integer(round(last["ratio"]), lang),
        "training_steps": large(TRAINING_STEPS, lang),
        "training_numerical": duration(TRAINING_STEPS * step_numerical, lang),
        "training_backprop": duration(TRAINING_STEPS * step_backprop, lang),
        "million_numerical": duration(million_numerical, lang),
        "million_scale": integer(round((MILLION / last["n_params"]) ** 2), lang),
        "million_backprop_scale": f"{MILLION / last['n_params']:.0f}",
        "million_training": duration(TRAINING_STEPS * million_numerical, lang),
        "million_parallel": duration(million_numerical / PARALLEL, lang),
        "parallel": integer(PARALLEL, lang),
        "million_parallel_vs_backprop": integer(
            round(million_numerical / PARALLEL / predicted_seconds(results, MILLION, "backprop")), lang
        ),
        "million_backprop": duration(predicted_seconds(results, MILLION, "backprop"), lang),
        "million_lecture": large(lecture_step_multiplications(MILLION), lang),
        "resnet50_n": large(RESNET50_PARAMS, lang),
        "resnet50_lecture": large(lecture_step_multiplications(RESNET50_PARAMS), lang),
        "rate_numerical": large(rate, lang),
        "resnet50_lecture_time": duration(resnet_lecture_seconds, lang),
        "resnet50_mult_adds": large(RESNET50_MULT_ADDS, lang),
        "resnet50_per_param": integer(round(RESNET50_MULT_ADDS / RESNET50_PARAMS), lang),
        "resnet50_image_time": duration(resnet_image_seconds, lang),
        "ratio_mid_n": integer(mid["n_params"], lang),
        "ratio_mid": f"{bench_ratios[0]:.2f}",
        "ratio_mid_evals": integer(mid["n_params"] + 1, lang),
        "ratio_last_evals": integer(last["n_params"] + 1, lang),
        "ratio_last": f"{bench_ratios[1]:.2f}",
        "ratio_simple": f"{simple_ratio:.2f}",
        **sweep,
    }


def reverse_sweep_values() -> dict[str, str]:
    """The numbers of the graph figure (snippets/deep_reverse.py): its sample, loss and the four partials."""
    problem = make_problem()
    i = int(abs(problem.x - 1.0).argmin())  # the sample nearest x = 1, as in the snippet
    sweep = reverse_sweep(START_THETA, problem.x[i], problem.y[i])
    story(
        sweep.backward_multiplications == 2 * sweep.forward_multiplications,
        "the backward sweep of the graph takes twice the forward sweep's multiplications",
    )
    return {
        "sweep_forward_mult": str(sweep.forward_multiplications),
        "sweep_backward_mult": str(sweep.backward_multiplications),
        **{f"sweep_d{name}": f"{value:.3g}" for name, value in zip("abcd", sweep.gradient)},
    }
