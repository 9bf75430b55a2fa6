"""The numbers the prose states: hooks/prose_values.py computes them, and the built pages show them.

The checks are on values (what the code computes), not on sentences: a writer may reword a page
freely as long as it keeps its `{{ name }}` placeholders.
"""

from __future__ import annotations

import html
import inspect
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from hook_module import load_hook

from whybackprop import gradient_descent, lecture_step_multiplications, make_problem, predicted_seconds
from whybackprop.blackbox import PARAMETER_NAMES, START_THETA

from site_html import html_of_page, parse
from small_site import small_copy_of_the_project, strict_build

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
N = len(PARAMETER_NAMES)


prose_values = load_hook("prose_values")
prose_numbers = load_hook("prose_numbers")


@pytest.fixture(autouse=True, scope="module")
def at_repository_root() -> Iterator[None]:
    """The values module reads the results file by its path from the repository root, as the build does."""
    previous = Path.cwd()
    os.chdir(ROOT)
    yield
    os.chdir(previous)


@pytest.fixture(scope="module")
def values(at_repository_root: None) -> dict[str, str]:
    return prose_values.values("ko")


def placeholders(page: Path) -> set[str]:
    return set(prose_numbers.PLACEHOLDER.findall(page.read_text(encoding="utf-8")))


# --- the formatter ---------------------------------------------------------------------------


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
    assert prose_values.large(value, lang) == text


@pytest.mark.parametrize(
    ("seconds", "lang", "text"),
    [
        (0.00992, "ko", "9.92 ms"),
        (327.3, "ko", "327초(약 5분)"),
        (3.27e6, "ko", "약 38일"),
        (3.27e6, "en", "about 38 days"),
    ],
)
def test_durations_read_as_a_reader_pictures_them(seconds: float, lang: str, text: str) -> None:
    assert prose_values.duration(seconds, lang) == text


def test_scientific_notation_for_prose() -> None:
    assert prose_values.scientific(2.220446049250313e-16) == "2.22 × 10⁻¹⁶"


# --- the hook --------------------------------------------------------------------------------


def test_a_placeholder_is_replaced_and_tex_braces_are_left_alone() -> None:
    text = "$\\frac{a}{b}$, ${{x}}^{2}$, {{ n }}번"
    assert prose_numbers.fill(text, {"n": "5"}, "p.md") == "$\\frac{a}{b}$, ${{x}}^{2}$, 5번"


def test_an_unknown_placeholder_names_the_page_and_the_name() -> None:
    with pytest.raises(Exception, match=r"p\.md.*\{\{ nope \}\}"):
        prose_numbers.fill("{{ nope }}", {"n": "5"}, "p.md")


def test_an_unknown_placeholder_fails_the_build(tmp_path: Path) -> None:
    project = small_copy_of_the_project(tmp_path)
    shutil.copytree(ROOT / "benchmarks" / "results", project / "benchmarks" / "results")  # the values read it
    (project / "docs" / "black-box.md").write_text(
        "# 블랙박스 모델\n\n{{ no_such_number }}\n", encoding="utf-8"
    )
    result = strict_build(project)
    assert result.returncode != 0
    assert "black-box.md" in result.stderr and "no_such_number" in result.stderr


def test_every_placeholder_on_a_page_has_a_value(values: dict[str, str]) -> None:
    used = set().union(*(placeholders(page) for page in DOCS.glob("*.md")))
    assert used, "no page uses a placeholder"
    assert used <= set(values), f"no value for {sorted(used - set(values))}"


# --- the values are the code's -------------------------------------------------------------------


def test_loss_evaluation_counts(values: dict[str, str]) -> None:
    assert (values["forward_calls"], values["central_calls"]) == (str(N + 1), str(2 * N))
    assert (values["forward_calls_1000"], values["central_calls_1000"]) == ("1,001", "2,000")
    run = gradient_descent(make_problem().loss, START_THETA, lr=prose_values.GOOD_LR, steps=200)
    assert values["fit_evaluations"] == f"{run.loss_evaluations:,}" == f"{1 + run.steps * (N + 1):,}"
    assert values["fit_steps"] == str(run.steps)
    assert (
        values["fit_stop_sentence"].startswith("아래 실행은 200 스텝을 모두")
        and run.status.name == "MAX_STEPS"
    )
    assert inspect.signature(gradient_descent).parameters["tol"].default == 1e-8  # the page's stopping rule
    central = gradient_descent(
        make_problem().loss, START_THETA, lr=prose_values.GOOD_LR, steps=200, method="central"
    )
    assert (
        values["fit_central_evaluations"]
        == f"{central.loss_evaluations:,}"
        == f"{1 + run.steps * int(values['central_step_calls']):,}"
    )


def test_the_lecture_count_for_a_hundred_thousand_parameters(values: dict[str, str]) -> None:
    assert values["lecture_step_100k"] == "100억"
    assert round(lecture_step_multiplications(100_000), -8) == 100 * 10**8


def test_times_come_from_the_one_prediction_function(values: dict[str, str]) -> None:
    results = prose_values.benchmark_results()
    n = results["points"][-1]["n_params"]
    for gradient in ("numerical", "backprop"):
        seconds = predicted_seconds(results, n, gradient)
        assert values[f"step_{gradient}"] == prose_values.duration(seconds)
        assert values[f"training_{gradient}"] == prose_values.duration(prose_values.TRAINING_STEPS * seconds)
        assert values[f"million_{gradient}"] == prose_values.duration(
            predicted_seconds(results, 10**6, gradient)
        )
    # the rate is measured at the largest point, so there the prediction is the measurement
    assert predicted_seconds(results, n, "numerical") == pytest.approx(
        results["points"][-1]["numerical"]["seconds"]
    )


def test_slope_sentence_follows_the_results(values: dict[str, str]) -> None:
    slopes = prose_values.benchmark_results()["slopes"]
    fixed = all(slopes[m] < slopes[f"{m}_multiplications"] for m in ("numerical", "backprop"))
    assert (
        values["slope_sentence"]
        == prose_values.SENTENCES["ko"]["slope_fixed_cost" if fixed else "slope_no_fixed_cost"]
    )


# --- the built pages show them ---------------------------------------------------------------------


def page_text(path: Path) -> str:
    """The page's visible text, tags removed (math shows as KaTeX, so values with TeX are skipped)."""
    raw = path.read_text(encoding="utf-8")
    raw = re.sub(r"<(script|style)\b.*?</\1>", " ", raw, flags=re.DOTALL)
    return html.unescape(re.sub(r"<[^>]+>", "", raw))


@pytest.mark.parametrize("page", sorted(p.name for p in DOCS.glob("*.md")))
def test_the_built_page_shows_its_values(built_site, values: dict[str, str], page: str) -> None:
    text = page_text(html_of_page(built_site.dir, page))
    assert "{{ " not in text, f"{page}: a placeholder was left unfilled"
    for name in placeholders(DOCS / page):
        if not re.search(r"[$*`]", values[name]):  # Markdown and TeX are rendered; plain text is shown as is
            assert values[name] in text, (
                f"{page}: {{{{ {name} }}}} = {values[name]!r} is not on the built page"
            )


# --- the teaching pages' numbers -------------------------------------------------------------------


def test_the_learning_rates_and_the_stability_bound(values: dict[str, str]) -> None:
    snippet = (ROOT / "snippets" / "learning_rate.py").read_text(encoding="utf-8")
    assert (
        f"for lr in [0.1, {prose_values.GOOD_LR!r}, {prose_values.TOO_LARGE_LR!r}]:" in snippet
    )  # the page's runs
    learning = prose_values.learning_values()
    assert learning["fit"].status.name == "CONVERGED" and learning["too_large"].status.name == "DIVERGED"
    assert prose_values.GOOD_LR < learning["eta_bound"] < prose_values.TOO_LARGE_LR
    assert values["eta_bound_sentence"].startswith(
        "페이지 위에서 수렴한"
    )  # the sentence for "the bound agrees"
    # λ_max is the Hessian's: against an independent Hessian of the loss itself (central differences twice)
    problem, theta, h = make_problem(), learning["fit"].theta, 1e-4
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
    assert np.linalg.eigvalsh(second)[-1] == pytest.approx(learning["lam_max"], rel=1e-4)


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


def test_quadratic_quiz_values(values: dict[str, str]) -> None:
    assert values["step_at_eta_lambda_1"] == "0"  # ηλ = 1: the minimum in one step
    assert values["step_at_eta_lambda_1_5"] == "-0.5" and values["quadratic_lr_limit"] == "0.5"


def test_difference_quiz_values(values: dict[str, str]) -> None:
    assert (values["x2_forward_01"], values["x2_central_01"]) == ("6.1", "6")
    assert float(values["forward_shrink_10x"]) == pytest.approx(10, rel=0.01)
    assert float(values["central_shrink_10x"]) == pytest.approx(100, rel=0.01)
    errors = {m: prose_values.difference_errors(m, (1e-4, 0.5e-4)) for m in ("forward", "central")}
    assert errors["forward"][0] / errors["forward"][1] == pytest.approx(
        2, rel=0.01
    )  # central_difference.py's claim
    assert errors["central"][0] / errors["central"][1] == pytest.approx(4, rel=0.01)


def test_machine_epsilon_values(values: dict[str, str]) -> None:
    eps = np.finfo(np.float64).eps
    assert eps == 2.0 ** int(values["machine_eps_log2"]) == np.nextafter(1.0, 2.0) - 1.0
    assert 1.0 + 0.51 * eps != 1.0  # why "the smallest number that changes 1" is not ε_mach
    assert values["float_digits"] == "16" and values["forward_digits"] == "8"


def test_step_error_medians_are_of_the_order_the_prose_says() -> None:
    eps = np.finfo(np.float64).eps
    points = np.random.default_rng(0).uniform(-3, 3, 200)
    median = {
        m: np.median([prose_values.difference_errors(m, (h,), x)[0] / abs(np.cos(x)) for x in points])
        for m, h in (("forward", np.sqrt(eps)), ("central", np.cbrt(eps)))
    }  # relative, as step_error.py
    assert np.sqrt(eps) / 10 < median["forward"] < np.sqrt(eps) * 10  # "√ε_mach 정도"
    assert median["central"] < median["forward"] / 100  # "훨씬 작습니다"


def test_the_notebook_states_the_lectures_number(values: dict[str, str]) -> None:
    assert values["lecture_step_100k"] in (DOCS / "notebook.ipynb").read_text(encoding="utf-8")


ENGLISH_RUN_MESSAGES = re.compile(
    r"converged after|diverged at step|stopped after|without converging|MAX_STEPS|CONVERGED|DIVERGED"
)


@pytest.mark.parametrize("page", sorted(p.name for p in DOCS.glob("*.md")))
def test_korean_pages_report_runs_in_korean(built_site, page: str) -> None:
    """The package's messages stay English; a page's printed output says the result in Korean."""
    outputs = "\n".join(parse(html_of_page(built_site.dir, page)).code_of("text"))  # result="text" blocks
    found = [line for line in outputs.splitlines() if ENGLISH_RUN_MESSAGES.search(line)]
    assert not found, f"{page}: English run-time message in the output: {found[:3]}"
    if page in ("learning.md", "black-box-gradient.md"):
        assert re.search("수렴|발산|스텝을 모두 돌았습니다", outputs), f"{page}: no Korean report of a run"


def test_black_box_quiz_values(values: dict[str, str]) -> None:
    from whybackprop import predict
    from whybackprop.blackbox import TRUE_THETA

    y = predict(TRUE_THETA, np.linspace(-50, 50, 20001))
    assert float(values["true_low"]) == pytest.approx(y.min(), abs=1e-9)
    assert float(values["true_high"]) == pytest.approx(y.max(), abs=1e-9)
    center = float(values["true_center"])  # where tanh's input is 0: the output is d there
    assert predict(TRUE_THETA, [center])[0] == pytest.approx(TRUE_THETA[3], abs=1e-2)
    assert values["n_parameters"] == str(N)


def test_model_size_values(values: dict[str, str]) -> None:
    results = prose_values.benchmark_results()
    n = prose_values.RESNET50_PARAMS
    assert values["resnet50_n"] == "2,556만"  # 25,557,032 (torchvision's resnet50)
    assert values["resnet50_lecture"] == prose_values.large(lecture_step_multiplications(n))
    assert values["resnet50_numerical"] == prose_values.duration(predicted_seconds(results, n, "numerical"))
    assert values["million_lecture"] == "1조" and lecture_step_multiplications(10**6) == 10**12 + 10**6
