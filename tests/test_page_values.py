"""The numbers the prose states: each page's module in hooks/values/ computes them, the placeholder
hook puts them on the page, and the built pages of both editions show them.

The checks are on values (what the code computes), not on sentences: a writer may reword a page
freely as long as it keeps its `{{ name }}` placeholders.
"""

from __future__ import annotations

import html
import inspect
import re
import shutil
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest

from whybackprop import gradient_descent, lecture_step_multiplications, make_problem, predicted_seconds
from whybackprop.blackbox import PARAMETER_NAMES, START_THETA, TRUE_THETA
from whybackprop.timing import multiplication_rate

from editions import EDITIONS, HANGUL, KOREAN, Edition
from hook_module import load_hook
from site_html import html_of_page, parse
from small_site import small_copy_of_the_project, strict_build

ROOT = Path(__file__).resolve().parent.parent
N = len(PARAMETER_NAMES)

placeholders_hook = load_hook("placeholders")


def module(page: str) -> ModuleType:
    found = placeholders_hook.values_module(page)
    assert found is not None, f"no values module for {page}"
    return found


fmt = vars(module("_format"))  # the shared formats: hooks/values/_format.py
PAGES = sorted(p.name for p in KOREAN.docs.glob("*.md"))


pytestmark = pytest.mark.usefixtures(
    "at_repository_root"
)  # the values read files by their path from the root


def values(page: str, lang: str = "ko") -> dict[str, str]:
    return placeholders_hook.page_values(page, lang)


def placeholders(path: Path) -> set[str]:
    return set(placeholders_hook.PLACEHOLDER.findall(path.read_text(encoding="utf-8")))


# --- the formats -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "lang", "text"),
    [
        (10_000_100_000, "ko", "100억"),
        (10_000_100_000, "en", "10 billion"),
        (25_557_032, "ko", "2,556만"),
        (653_162_000_000_000, "ko", "653조"),
        (1001, "ko", "1,001"),
        (25_557_032, "en", "25.6 million"),
    ],
)
def test_large_numbers_use_the_units_of_the_language(value: int, lang: str, text: str) -> None:
    assert fmt["large"](value, lang) == text


@pytest.mark.parametrize(
    ("seconds", "lang", "text"),
    [
        (0.000186, "ko", "0.19 ms"),
        (0.00992, "ko", "9.9 ms"),
        (0.2896, "en", "290 ms"),
        (1.0, "en", "1 s"),
        (99.2, "ko", "99초(약 1.7분)"),
        (327.3, "ko", "327초(약 5.5분)"),
        (327.3, "en", "327 s (about 5.5 minutes)"),
        (3600, "en", "about 1 hour"),
        (32_700, "ko", "약 9.1시간"),
        (3.27e6, "ko", "약 38일"),
        (3.27e6, "en", "about 38 days"),
        (2.13e7, "ko", "약 247일"),
        (3.3e8, "ko", "약 10년"),
        (3.3e14, "ko", "약 1,046만 년"),
        (3.3e14, "en", "about 10.5 million years"),
    ],
)
def test_durations_follow_one_rule(seconds: float, lang: str, text: str) -> None:
    """Two significant digits below 100, whole numbers from 100 up, in the unit a reader pictures."""
    assert fmt["duration"](seconds, lang) == text


def test_scientific_notation_for_prose() -> None:
    assert fmt["scientific"](2.220446049250313e-16) == "2.22 × 10⁻¹⁶"


# --- the hook --------------------------------------------------------------------------------


def test_a_placeholder_is_replaced_and_tex_braces_are_left_alone() -> None:
    text = "$\\frac{a}{b}$, ${{x}}^{2}$, {{ n }}번"
    assert placeholders_hook.fill(text, {"n": "5"}, "p.md") == "$\\frac{a}{b}$, ${{x}}^{2}$, 5번"


def test_an_unknown_placeholder_names_the_page_and_the_name() -> None:
    with pytest.raises(Exception, match=r"p\.md.*\{\{ nope \}\}"):
        placeholders_hook.fill("{{ nope }} {{ n }}", {"n": "5"}, "p.md")


def test_a_value_the_page_never_uses_is_an_error() -> None:
    with pytest.raises(Exception, match=r"p\.md.*never used.*spare"):
        placeholders_hook.fill("{{ n }}", {"n": "5", "spare": "6"}, "p.md")


def test_a_result_that_changes_the_story_is_an_error() -> None:
    fmt["story"](True, "holds")
    with pytest.raises(fmt["StoryChanged"], match="rewrite the sentence: the run converged"):
        fmt["story"](False, "the run converged")


def test_an_unknown_placeholder_fails_the_build(tmp_path: Path) -> None:
    project = small_copy_of_the_project(tmp_path)
    shutil.copytree(ROOT / "benchmarks" / "results", project / "benchmarks" / "results")  # the values read it
    (project / "docs" / "black-box.md").write_text(
        "# 블랙박스 모델\n\n{{ no_such_number }}\n", encoding="utf-8"
    )
    result = strict_build(project)
    assert result.returncode != 0
    assert "black-box.md" in result.stderr and "no_such_number" in result.stderr


@pytest.mark.parametrize("edition", EDITIONS, ids=lambda e: e.lang)
def test_every_page_uses_exactly_its_values(edition: Edition) -> None:
    """A values module belongs to a page that uses every value it computes, in both editions."""
    modules = {p.stem.replace("_", "-") + ".md" for p in (ROOT / "hooks" / "values").glob("[!_]*.py")}
    assert modules <= set(PAGES), f"values modules without a page: {sorted(modules - set(PAGES))}"
    for page in PAGES:
        used = placeholders(edition.docs / page)
        assert used == set(values(page, edition.lang)), f"{edition.docs.name}/{page}"
        assert bool(used) == (page in modules), f"{page}: a page with numbers has a values module"


def test_english_values_are_english() -> None:
    for page in PAGES:
        english = values(page, "en")
        assert english.keys() == values(page, "ko").keys()
        assert not {name: text for name, text in english.items() if HANGUL.search(text)}, page
    assert values("deep-network.md", "en")["lecture_step_100k"] == "10 billion"


def page_text(path: Path) -> str:
    """The page's visible text, tags removed (math shows as KaTeX, so values with TeX are skipped)."""
    raw = path.read_text(encoding="utf-8")
    raw = re.sub(r"<(script|style)\b.*?</\1>", " ", raw, flags=re.DOTALL)
    return html.unescape(re.sub(r"<[^>]+>", "", raw))


@pytest.mark.parametrize("edition", EDITIONS, ids=lambda e: e.lang)
@pytest.mark.parametrize("page", PAGES)
def test_the_built_page_shows_its_values(built_site, edition: Edition, page: str) -> None:
    text = page_text(html_of_page(built_site.edition_dir(edition.lang), page))
    assert "{{ " not in text, f"{page}: a placeholder was left unfilled"
    page_values = values(page, edition.lang)
    for name in placeholders(edition.docs / page):
        if not re.search(
            r"[$*`]", page_values[name]
        ):  # Markdown and TeX are rendered; plain text is shown as is
            assert page_values[name] in text, (
                f"{page}: {{{{ {name} }}}} = {page_values[name]!r} is not on the built page"
            )


# --- the values are the code's -------------------------------------------------------------------


def test_loss_evaluation_counts() -> None:
    found = values("black-box-gradient.md")
    lr = module("black-box-gradient.md").GOOD_LR
    assert (found["forward_calls"], found["central_calls"]) == (str(N + 1), str(2 * N))
    assert (found["forward_calls_1000"], found["central_calls_1000"]) == ("1,001", "2,000")
    run = gradient_descent(make_problem().loss, START_THETA, lr=lr, steps=200)
    assert found["fit_evaluations"] == f"{run.loss_evaluations:,}" == f"{1 + run.steps * (N + 1):,}"
    assert found["fit_steps"] == str(run.steps) and run.status.name == "MAX_STEPS"
    assert inspect.signature(gradient_descent).parameters["tol"].default == 1e-8  # the page's stopping rule
    central = gradient_descent(make_problem().loss, START_THETA, lr=lr, steps=200, method="central")
    assert (
        found["fit_central_evaluations"]
        == f"{central.loss_evaluations:,}"
        == f"{1 + run.steps * int(found['central_step_calls']):,}"
    )


def test_a_run_that_converges_pays_its_last_gradient() -> None:
    """1 + S(N + 1) for a run that uses its S steps; a converged run adds N (2N with central differences)."""
    found, learning = values("black-box-gradient.md"), module("learning.md")
    run = gradient_descent(make_problem().loss, START_THETA, lr=learning.GOOD_LR, steps=learning.STEPS)
    assert run.status.name == "CONVERGED" and found["converged_steps"] == str(run.steps) == "317"
    assert found["converged_evaluations"] == f"{run.loss_evaluations:,}" == f"{1 + run.steps * (N + 1) + N:,}"
    assert found["converged_evaluations"] == "1,590"
    central = gradient_descent(
        make_problem().loss, START_THETA, lr=learning.GOOD_LR, steps=learning.STEPS, method="central"
    )
    assert central.status.name == "CONVERGED" and central.steps == run.steps
    expected = 1 + central.steps * (2 * N + 1) + 2 * N
    assert found["converged_central_evaluations"] == f"{central.loss_evaluations:,}" == f"{expected:,}"
    assert found["steps_budget"] == f"{learning.STEPS:,}" and found["good_lr"] == f"{learning.GOOD_LR:g}"


def test_gradient_check_values() -> None:
    from whybackprop import numerical_gradient, predict
    from whybackprop.gradcheck import relative_errors

    found, problem = values("black-box-gradient.md"), make_problem()
    exact = problem.exact_gradient(START_THETA)
    central = numerical_gradient(problem.loss, START_THETA, method="central")
    forward = numerical_gradient(problem.loss, START_THETA)
    # the max-denominator error, computed independently of the package
    mine = np.abs(central - exact) / np.maximum(np.abs(central), np.abs(exact))
    assert found["central_max_error"] == fmt["scientific"](mine.max(), 2)
    assert found["forward_max_error"] == fmt["scientific"](relative_errors(forward, exact).max(), 2)
    assert mine.max() < 1e-7 < 1e-4 < float(found["wrong_error"])  # the page's thresholds separate them
    assert float(found["wrong_error"]) == pytest.approx(0.5, rel=1e-6)  # half of ∂L/∂d: |x − x/2| / |x|
    assert found["relu_kink"] == "0.5"  # the average of the one-sided slopes 0 and 1
    residuals = predict(START_THETA, problem.x) - problem.y
    assert 2 * residuals.mean() == pytest.approx(exact[3], rel=1e-12)  # ∂L/∂d = (2/M)Σ r_i
    assert (found["mean_residual"], found["d_partial"]) == (f"{residuals.mean():.4f}", f"{exact[3]:.4f}")
    assert found["d_partial_numeric"] == f"{forward[3]:.4f}"


def test_the_lecture_count_for_a_hundred_thousand_parameters() -> None:
    assert values("deep-network.md")["lecture_step_100k"] == "100억"
    assert round(lecture_step_multiplications(100_000), -8) == 100 * 10**8


def test_times_come_from_the_one_prediction_function() -> None:
    found, deep = values("deep-network.md"), module("deep-network.md")
    results = fmt["benchmark_results"]()
    n = results["points"][-1]["n_params"]
    for gradient in ("numerical", "backprop"):
        seconds = predicted_seconds(results, n, gradient)
        assert found[f"training_{gradient}"] == fmt["duration"](deep.TRAINING_STEPS * seconds)
        assert found[f"million_{gradient}"] == fmt["duration"](predicted_seconds(results, 10**6, gradient))
    # the rate is measured at the largest point, so there the prediction is the measurement
    assert predicted_seconds(results, n, "numerical") == pytest.approx(
        results["points"][-1]["numerical"]["seconds"]
    )


def test_the_slope_sentence_holds() -> None:
    """The page says time grows with a slightly lower order than multiplications (fixed costs)."""
    slopes = fmt["benchmark_results"]()["slopes"]
    assert all(slopes[m] < slopes[f"{m}_multiplications"] for m in ("numerical", "backprop"))


def test_the_learning_rates_and_the_stability_bound() -> None:
    learning = module("learning.md")
    snippet = (ROOT / "snippets" / "learning_rate.py").read_text(encoding="utf-8")
    assert f"for lr in [0.1, {learning.GOOD_LR!r}, {learning.TOO_LARGE_LR!r}]:" in snippet  # the page's runs
    runs = learning.learning_runs()
    assert runs["fit"].status.name == "CONVERGED" and runs["too_large"].status.name == "DIVERGED"
    assert learning.GOOD_LR < runs["eta_bound"] < learning.TOO_LARGE_LR
    # λ_max is the Hessian's: against an independent Hessian of the loss itself (central differences twice)
    problem, theta, h = make_problem(), runs["fit"].theta, 1e-4
    eye = np.eye(4) * h
    second = np.array(
        [
            [
                (
                    problem.loss(theta + eye[i] + eye[j])
                    - problem.loss(theta + eye[i] - eye[j])
                    - problem.loss(theta - eye[i] + eye[j])
                    + problem.loss(theta - eye[i] - eye[j])
                )
                / (4 * h * h)
                for j in range(4)
            ]
            for i in range(4)
        ]
    )
    assert np.linalg.eigvalsh(second)[-1] == pytest.approx(runs["lam_max"], rel=1e-4)


def test_the_learning_rate_regimes_on_the_black_box() -> None:
    """The three regimes the learning page states, with one step budget and the exact gradient."""
    from whybackprop.regimes import two_cycle

    learning, found = module("learning.md"), values("learning.md")
    run = learning.run
    assert found["steps_budget"] == f"{learning.STEPS:,}" == "3,000"
    converge, diverge = float(found["converge_edge"]), float(found["diverge_edge"])
    edges = learning.regimes()
    # the largest converging rate: converges there, not 10⁻⁴ above, and the bound 2/λ_max is just above it
    assert run(edges["converge_edge"]).status.name == "CONVERGED"
    assert run(edges["converge_edge"] + 1e-4).status.name == "MAX_STEPS"
    assert converge == pytest.approx(0.674, abs=5e-4)
    bound = learning.learning_runs()["eta_bound"]
    assert 0 < bound - edges["converge_edge"] < 0.005 and found["eta_bound"] == f"{bound:.3f}"
    # ... and it tends to 2/λ_max with the budget: a rate above the 3,000-step edge converges in 10,000
    between = (edges["converge_edge"] + bound) / 2
    assert run(between).status.name == "MAX_STEPS" and run(between, 10_000).status.name == "CONVERGED"
    # the onset of divergence: a bounce there, divergence 10⁻⁴ above
    assert diverge == pytest.approx(0.946, abs=5e-4)
    assert two_cycle(run(edges["diverge_edge"]).losses) is not None
    assert run(edges["diverge_edge"] + 1e-4).status.name == "DIVERGED"
    # between them the loss bounces between two values; at 0.94 both are above the starting loss
    for lr in (converge + 0.01, 0.8, float(found["cycle_lr"])):
        assert two_cycle(run(lr).losses) is not None, lr
    low, high = two_cycle(run(float(found["cycle_lr"])).losses)
    start = make_problem().loss(START_THETA)
    assert (found["cycle_low"], found["cycle_high"], found["start_loss"]) == (
        f"{low:.3g}",
        f"{high:.3g}",
        f"{start:.3g}",
    )
    assert start < low < high
    # above the onset: 0.9512 converges elsewhere (tanh a step), its neighbours 10⁻⁴ away diverge
    other = run(float(found["other_lr"]))
    assert other.status.name == "CONVERGED" and found["other_b"] == f"{other.theta[1]:.0f}"
    assert found["other_loss"] == f"{other.losses[-1]:.3f}" and other.losses[-1] > 20 * 0.0100
    assert [run(float(x)).status.name for x in found["other_neighbours"].split(" · ")] == ["DIVERGED"] * 2


def test_curvature_at_the_start_and_on_the_contour_plane() -> None:
    learning, found = module("learning.md"), values("learning.md")
    problem, h = make_problem(), 1e-4
    eye = np.eye(4) * h

    def second(theta: np.ndarray) -> np.ndarray:  # the loss's own Hessian, central differences twice
        return np.array(
            [
                [
                    (
                        problem.loss(theta + eye[i] + eye[j])
                        - problem.loss(theta + eye[i] - eye[j])
                        - problem.loss(theta - eye[i] + eye[j])
                        + problem.loss(theta - eye[i] - eye[j])
                    )
                    / (4 * h * h)
                    for j in range(4)
                ]
                for i in range(4)
            ]
        )

    at_start = np.linalg.eigvalsh(second(START_THETA))[-1]
    assert found["lam_start"] == f"{at_start:.2f}" == "2.40"
    assert float(found["eta_bound_start"]) > float(found["start_counterexample"])
    assert learning.run(float(found["start_counterexample"])).status.name != "CONVERGED"
    fit = learning.learning_runs()["fit"].theta
    hess = second(fit)
    assert (
        hess[3, 3] == pytest.approx(2.0, abs=1e-6) and found["d_curvature"] == "2.00"
    )  # ∂²L/∂d² = 2 exactly
    plane = np.linalg.eigvalsh(hess[np.ix_([0, 3], [0, 3])])[-1]
    assert found["lam_plane"] == f"{plane:.2f}" and plane <= np.linalg.eigvalsh(hess)[-1]

    # "larger learning rates converge in this plane": one between 2/λ_max of the model and of the plane
    def in_plane(u: np.ndarray) -> np.ndarray:
        theta = fit.copy()
        theta[[0, 3]] = u
        return theta

    lr = (2 / np.linalg.eigvalsh(hess)[-1] + 2 / plane) / 2
    run = gradient_descent(
        lambda u: problem.loss(in_plane(u)),
        START_THETA[[0, 3]],
        lr=float(lr),
        steps=learning.STEPS,
        grad=lambda u: problem.exact_gradient(in_plane(u))[[0, 3]],
    )
    assert run.status.name == "CONVERGED" and learning.run(float(lr)).status.name != "CONVERGED"
    # the model is linear in a and d: along them the loss is exactly quadratic (a third difference is 0)
    for k in (0, 3):
        e = np.eye(4)[k] * 0.3
        third = [problem.loss(fit + m * e) for m in (-1.5, -0.5, 0.5, 1.5)]
        assert abs(third[3] - 3 * third[2] + 3 * third[1] - third[0]) < 1e-12


def test_the_noise_behind_the_data_and_fresh_data() -> None:
    learning, found = module("learning.md"), values("learning.md")
    assert (found["n_samples"], found["noise"], found["noise_variance"]) == ("50", "0.1", "0.01")
    fit = learning.learning_runs()["fit"].theta
    fresh = [make_problem(seed=s) for s in range(1, 101)]
    assert np.mean([p.loss(TRUE_THETA) for p in fresh]) < np.mean([p.loss(fit) for p in fresh])


@pytest.mark.parametrize(
    ("eta_lambda", "converges", "oscillates"),
    [
        (0.3, True, False),
        (0.9, True, False),
        (1.1, True, True),
        (1.8, True, True),
        (2.01, False, True),
        (2.1, False, True),
    ],
)
def test_learning_rate_thresholds_on_the_quadratic(
    eta_lambda: float, converges: bool, oscillates: bool
) -> None:
    lam = 4.0
    run = gradient_descent(
        lambda t: 0.5 * lam * t[0] ** 2, [1.0], lr=eta_lambda / lam, steps=2000, grad=lambda t: lam * t
    )
    assert (run.status.name == "CONVERGED") is converges
    assert bool(np.any(np.diff(np.sign(run.history[:5, 0])))) is oscillates


def test_quadratic_quiz_values() -> None:
    found = values("learning.md")
    assert found["step_at_eta_lambda_1"] == "0"  # ηλ = 1: the minimum in one step
    assert found["step_at_eta_lambda_1_5"] == "-0.5" and found["quadratic_lr_limit"] == "0.5"
    assert found["step_at_eta_lambda_2"] == "-1 → 1 → -1"  # ηλ = 2: neither converges nor diverges


def test_difference_quiz_values() -> None:
    found, numerical = values("numerical-gradient.md"), module("numerical-gradient.md")
    assert (found["x2_forward_01"], found["x2_central_01"]) == ("6.1", "6")
    # Q2 reads two pairs of rows of step_error.py's table; both errors shrink about 1,000-fold
    table = np.logspace(-15, 0, 61)[::6]
    assert any(np.isclose(table, 1e-3)) and any(np.isclose(table, 1e-6)) and any(np.isclose(table, 10**-1.5))
    assert float(found["forward_shrink_table"].replace(",", "")) == pytest.approx(1000, rel=0.01)
    assert float(found["central_shrink_table"].replace(",", "")) == pytest.approx(1000, rel=0.05)
    # Q3: the round-off estimate is absolute; relative to cos 1 it is larger than the table's top row
    rel = float(found["roundoff_relative_1e15"])
    assert rel == pytest.approx(float(found["roundoff_at_1e15"]) / np.cos(1.0), rel=0.05)
    top = numerical.difference_errors("forward", (1e-15,))[0] / np.cos(1.0)
    assert top < rel and found["forward_rel_error_1e15"] == fmt["scientific"](top)
    assert (found["float32_forward_digits"], found["float32_forward_digits_high"]) == ("3", "4")
    errors = {m: numerical.difference_errors(m, (1e-4, 0.5e-4)) for m in ("forward", "central")}
    assert errors["forward"][0] / errors["forward"][1] == pytest.approx(
        2, rel=0.01
    )  # central_difference.py's claim
    assert errors["central"][0] / errors["central"][1] == pytest.approx(4, rel=0.01)


def test_machine_epsilon_values() -> None:
    found = values("numerical-gradient.md")
    eps = np.finfo(np.float64).eps
    assert eps == 2.0 ** int(found["machine_eps_log2"]) == np.nextafter(1.0, 2.0) - 1.0
    assert 1.0 + 0.51 * eps != 1.0  # why "the smallest number that changes 1" is not ε_mach
    assert found["float_digits"] == "16" and found["forward_digits"] == "8"


def test_step_error_medians_are_of_the_order_the_prose_says() -> None:
    numerical = module("numerical-gradient.md")
    eps = np.finfo(np.float64).eps
    points = np.random.default_rng(0).uniform(-3, 3, 200)
    median = {
        m: np.median([numerical.difference_errors(m, (h,), x)[0] / abs(np.cos(x)) for x in points])
        for m, h in (("forward", np.sqrt(eps)), ("central", np.cbrt(eps)))
    }  # relative, as step_error.py
    assert np.sqrt(eps) / 10 < median["forward"] < np.sqrt(eps) * 10  # "√ε_mach 정도"
    assert median["central"] < median["forward"] / 100  # "훨씬 작습니다"


@pytest.mark.parametrize("edition", EDITIONS, ids=lambda e: e.lang)
def test_the_notebook_states_the_lectures_number(edition: Edition) -> None:
    number = values("deep-network.md", edition.lang)["lecture_step_100k"]
    assert number in (edition.docs / "notebook.ipynb").read_text(encoding="utf-8")


RUN_MESSAGES = {
    # the package's messages stay English; Korean output must say the result in Korean
    "ko": (
        re.compile(
            r"converged after|diverged at step|stopped after|without converging|MAX_STEPS|CONVERGED|DIVERGED"
        ),
        re.compile("수렴|발산|스텝을 모두 돌았습니다"),
    ),
    "en": (HANGUL, re.compile(r"Converged|diverged|Ran all \d+ steps")),
}


@pytest.mark.parametrize("edition", EDITIONS, ids=lambda e: e.lang)
@pytest.mark.parametrize("page", PAGES)
def test_pages_report_runs_in_their_language(built_site, edition: Edition, page: str) -> None:
    outputs = "\n".join(parse(html_of_page(built_site.edition_dir(edition.lang), page)).code_of("text"))
    foreign, own = RUN_MESSAGES[edition.lang]
    found = [line for line in outputs.splitlines() if foreign.search(line)]
    assert not found, f"{page}: run-time message in the other language: {found[:3]}"
    if page in ("learning.md", "black-box-gradient.md"):
        assert own.search(outputs), f"{page}: no report of a run in the page's language"


def test_black_box_quiz_values() -> None:
    from whybackprop import predict
    from whybackprop.blackbox import TRUE_THETA

    found = values("black-box.md")
    y = predict(TRUE_THETA, np.linspace(-50, 50, 20001))
    assert float(found["true_low"]) == pytest.approx(y.min(), abs=1e-9)
    assert float(found["true_high"]) == pytest.approx(y.max(), abs=1e-9)
    center = float(found["true_center"])  # where tanh's input is 0: the output is d there
    assert predict(TRUE_THETA, [center])[0] == pytest.approx(TRUE_THETA[3], abs=1e-2)
    assert found["n_parameters"] == str(N)
    assert found["n_plus_one"] == str(N + 1)  # question 4: one forward-difference gradient


def test_model_size_values() -> None:
    found, deep = values("deep-network.md"), module("deep-network.md")
    results = fmt["benchmark_results"]()
    n = deep.RESNET50_PARAMS
    assert found["resnet50_n"] == "2,556만"  # 25,557,032 (torchvision's resnet50)
    assert found["resnet50_lecture"] == fmt["large"](lecture_step_multiplications(n))
    # The lecture's count at the measured rate (not the benchmark network's time), and ResNet-50's own
    # count per image (He et al. 2016, Table 1): the first is a lower bound of the second.
    rate = multiplication_rate(results, "numerical")
    assert found["resnet50_lecture_time"] == fmt["duration"](lecture_step_multiplications(n) / rate)
    assert found["resnet50_image_time"] == fmt["duration"]((n + 1) * deep.RESNET50_MULT_ADDS / rate)
    assert lecture_step_multiplications(n) < (n + 1) * deep.RESNET50_MULT_ADDS
    assert found["resnet50_lecture_time"] == "약 17일"  # 6.53 × 10^14 / 4.44 × 10^8 per second
    assert found["million_lecture"] == "1조" and lecture_step_multiplications(10**6) == 10**12 + 10**6


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_home_page_states_the_deep_network_page_s_training_times(lang: str) -> None:
    home, deep = values("index.md", lang), values("deep-network.md", lang)
    assert (home["home_numerical"], home["home_backprop"]) == (
        deep["training_numerical"],
        deep["training_backprop"],
    )
    assert home["home_steps"] == deep["training_steps"]
    assert home["home_n"] == fmt["integer"](fmt["benchmark_results"]()["points"][-1]["n_params"], lang)


def test_too_small_a_learning_rate_is_slow() -> None:
    """The learning page's excess-loss sentence: both rates reach L*, 0.1 takes several times longer."""
    learning, found = module("learning.md"), values("learning.md")
    slow, good = learning.run(learning.SLOW_LR), learning.run(learning.GOOD_LR)
    assert slow.status.name == good.status.name == "CONVERGED"
    lowest = min(slow.losses.min(), good.losses.min())
    assert abs(slow.losses[-1] - good.losses[-1]) < 1e-12  # the same loss at the end
    first = {lr: int(np.flatnonzero(r.losses - lowest < 1e-4)[0]) for lr, r in ((0.1, slow), (0.5, good))}
    assert (found["slow_steps_close"], found["good_steps_close"]) == (str(first[0.1]), str(first[0.5]))
    assert first[0.1] > 3 * first[0.5]
    snippet = (ROOT / "snippets" / "learning_rate.py").read_text(encoding="utf-8")
    assert "< 1e-4" in snippet and learning.CLOSE == 1e-4  # the snippet prints the same counts
