"""The numbers the prose states: each page's module in hooks/values/ computes them, the placeholder
hook puts them on the page, and the built pages of both editions show them.

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
from types import ModuleType

import numpy as np
import pytest
from editions import EDITIONS, KOREAN, Edition
from hook_module import load_hook

from whybackprop import gradient_descent, lecture_step_multiplications, make_problem, predicted_seconds
from whybackprop.blackbox import PARAMETER_NAMES, START_THETA

from site_html import html_of_page, parse
from small_site import small_copy_of_the_project, strict_build

ROOT = Path(__file__).resolve().parent.parent
N = len(PARAMETER_NAMES)
HANGUL = re.compile(r"[\uac00-\ud7a3]")

placeholders_hook = load_hook("placeholders")


def module(page: str) -> ModuleType:
    found = placeholders_hook.values_module(page)
    assert found is not None, f"no values module for {page}"
    return found


fmt = vars(module("_format"))  # the shared formats: hooks/values/_format.py
PAGES = sorted(p.name for p in KOREAN.docs.glob("*.md"))


@pytest.fixture(autouse=True, scope="module")
def at_repository_root() -> Iterator[None]:
    """The values read the results file by its path from the repository root, as the build does."""
    previous = Path.cwd()
    os.chdir(ROOT)
    yield
    os.chdir(previous)


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


def test_difference_quiz_values() -> None:
    found, numerical = values("numerical-gradient.md"), module("numerical-gradient.md")
    assert (found["x2_forward_01"], found["x2_central_01"]) == ("6.1", "6")
    assert float(found["forward_shrink_10x"]) == pytest.approx(10, rel=0.01)
    assert float(found["central_shrink_10x"]) == pytest.approx(100, rel=0.01)
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


def test_model_size_values() -> None:
    found, deep = values("deep-network.md"), module("deep-network.md")
    results = fmt["benchmark_results"]()
    n = deep.RESNET50_PARAMS
    assert found["resnet50_n"] == "2,556만"  # 25,557,032 (torchvision's resnet50)
    assert found["resnet50_lecture"] == fmt["large"](lecture_step_multiplications(n))
    assert found["resnet50_numerical"] == fmt["duration"](predicted_seconds(results, n, "numerical"))
    assert found["million_lecture"] == "1조" and lecture_step_multiplications(10**6) == 10**12 + 10**6
