"""The explorables in the browser: keyboard, pointer, accessibility and what they say.

Their numerics are tested in Node against whybackprop over many inputs (tests/test_explorables_core.py);
here a few values per widget check that the page shows those numbers, with the tolerances of
tests/support/explorables_numerics.py. Every exact number a widget shows is also kept in the element's
data-value (JavaScript's shortest round-trip form), which Python reads back exactly.
"""

from __future__ import annotations

import inspect
import json
import math
import re
from collections.abc import Iterator
from typing import Any

import numpy as np
import pytest
from browsing import (
    AXE_JS,
    READ_THROUGH_JS,
    ROOT,
    VIEWPORTS,
    Visit,
    edition_page,
    follow_nav_link,
    recorded_page,
    wait_until_rendered,
)

from whybackprop import cost, gradient_descent, numerical_gradient
from whybackprop.blackbox import START_THETA
from whybackprop.timing import predicted_seconds, stacked_depth

from explorables_numerics import PROBLEM, descent_tolerance, epsilon_tolerance, loss_error_bound

PAGES = {"epsilon": "numerical-gradient/", "descent": "learning/", "cost": "deep-network/"}
# Every page with a widget (the black-box-gradient page has the numerical-gradient stepper).
WIDGET_PATHS = {*PAGES.values(), "black-box-gradient/"}
RESULTS = json.loads((ROOT / "benchmarks/results/cost_vs_n.json").read_text(encoding="utf-8"))
SUPERSCRIPT = str.maketrans("⁻⁰¹²³⁴⁵⁶⁷⁸⁹", "-0123456789")


def parse_shown(text: str) -> float:
    """A number as the widgets print it: 0.5403, 1.23×10⁻⁸, 1,234."""
    text = text.replace(",", "")
    if "×10" in text:
        mantissa, exponent = text.split("×10")
        return float(mantissa) * 10.0 ** int(exponent.translate(SUPERSCRIPT))
    return float(text)


class Widget:
    """One widget on a page, read and driven by keyboard."""

    def __init__(self, page: Any, name: str) -> None:
        self.page = page
        self.root = page.locator(f'.explorable[data-explorable="{name}"]')
        self.root.locator("xpath=.").wait_for()
        page.wait_for_function(
            f"""() => document.querySelector('.explorable[data-explorable="{name}"]')?.dataset.ready === 'true'"""
        )
        self.range = self.root.locator("input[type=range]")
        self.box = self.root.locator("input[type=text]")

    def value(self, name: str) -> str:
        value = self.root.locator(f'dd[data-name="{name}"]').get_attribute("data-value")
        assert value is not None, f"{name} has no exact value"
        return value

    def text(self, name: str) -> str:
        return self.root.locator(f'[data-name="{name}"]').inner_text().strip()

    def note(self) -> str:
        return self.root.locator(".explorable__note").first.inner_text().strip()

    def type_value(self, text: str) -> None:
        """Focus the box by Tab from the slider, type, press Enter."""
        self.range.focus()
        self.page.keyboard.press("Tab")
        assert self.box.evaluate("el => el === document.activeElement"), (
            "Tab from the slider does not reach the box"
        )
        self.page.keyboard.press("Control+A")
        self.page.keyboard.type(text)
        self.page.keyboard.press("Enter")

    def press_on_slider(self, *keys: str) -> None:
        self.range.focus()
        for key in keys:
            self.page.keyboard.press(key)


@pytest.fixture(params=list(VIEWPORTS))
def viewport(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def opened(browser: Any, origin: str, site_url: str, viewport: str) -> Iterator[Any]:
    """open(name) loads the widget's page; after the test, nothing left the site and nothing was logged."""
    context, page, recorder = recorded_page(browser, viewport, origin)

    def open_widget(name: str) -> Widget:
        page.goto(site_url + PAGES[name])
        wait_until_rendered(page)
        return Widget(page, name)

    yield open_widget
    assert not recorder.console_errors, f"console errors: {recorder.console_errors}"
    assert not recorder.failed, f"failed requests: {recorder.failed}"
    assert not recorder.foreign_requests(), f"requests that left the site: {recorder.foreign_requests()}"
    check_fits_and_axe(page, viewport)
    context.close()


# Colours do not depend on the width, nor the layout on the scheme: a test run at both widths (every
# test using `opened`) is judged in the dark scheme on desktop and in the light one on a phone, so
# each state it reaches is judged in both schemes and at both widths.
SCHEME_AT = {"desktop": "dark", "phone": "light"}


def check_fits_and_axe(page: Any, viewport: str, schemes: tuple[str, ...] | None = None) -> None:
    """After the interaction (notes and statuses shown): no sideways scrolling, and axe finds
    nothing serious or critical, in `schemes` (default: SCHEME_AT[viewport]; a test run at one
    width passes both)."""
    for scheme in schemes or (SCHEME_AT[viewport],):
        page.emulate_media(color_scheme=scheme)
        widths = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert widths[0] <= widths[1], (
            f"{viewport}, {scheme}: the page is {widths[0]} px wide in {widths[1]} px"
        )
        if not page.evaluate("typeof axe !== 'undefined'"):
            page.add_script_tag(path=str(AXE_JS))
        violations = page.evaluate(
            """async () => (await axe.run('.explorable', {resultTypes: ['violations']})).violations
                 .filter(v => ['serious', 'critical'].includes(v.impact))
                 .map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ') + ' ' + n.failureSummary).join('; '))"""
        )
        assert not violations, f"{viewport}, {scheme}: axe: {violations}"


def check_keyboard_reach(page: Any, widget: Widget) -> None:
    """Tab from the last focusable element before the widget lands on its slider; every control
    has an accessible name."""
    # A reader tabbing here has scrolled past the code blocks above, which Material makes focusable
    # (a keyboard stop on one that scrolls) once shown (content.lazy): scroll through the page first.
    page.evaluate(READ_THROUGH_JS)
    page.evaluate(
        """root => {
          const all = [...document.querySelectorAll('a[href], button, input, [tabindex]')]
            .filter(el => el.tabIndex >= 0 && !el.closest('[hidden]') && el.getClientRects().length);
          const before = all.filter(el => root.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING);
          // the last one that really takes focus (an empty anchor does not)
          for (const el of before.reverse()) { el.focus(); if (document.activeElement === el) return; }
        }""",
        widget.root.element_handle(),
    )
    widget.page.keyboard.press("Tab")
    assert widget.range.evaluate("el => el === document.activeElement"), (
        "Tab does not reach the widget's slider"
    )
    outline = widget.range.evaluate(
        "el => [getComputedStyle(el).outlineStyle, getComputedStyle(el).outlineWidth]"
    )
    assert outline[0] != "none" and outline[1] != "0px", f"the focused slider shows no focus ring: {outline}"
    unnamed = widget.root.evaluate(
        """root => [...root.querySelectorAll('input, button')].filter(el =>
             !(el.labels && el.labels.length) && !el.getAttribute('aria-label') && !el.textContent.trim()).map(el => el.outerHTML)"""
    )
    assert not unnamed, f"controls without an accessible name: {unnamed}"
    assert widget.root.locator("[aria-live=polite]").count() >= 1, "nothing announces the changing numbers"


# ---- 1. ε explorer ------------------------------------------------------------------------------


def check_epsilon(widget: Widget, worst: dict[str, float]) -> float:
    eps = float(widget.box.input_value())
    exact = math.cos(1.0)
    for method in ("forward", "central"):
        expected = float(numerical_gradient(np.sin, 1.0, eps=eps, method=method))
        error = abs(expected - exact) / abs(exact)
        d_estimate, d_error = epsilon_tolerance(eps, method)
        shown, shown_error = float(widget.value(method)), float(widget.value(f"{method}-error"))
        assert abs(shown - expected) <= d_estimate, (eps, method, shown, expected, d_estimate)
        assert abs(shown_error - error) <= d_error, (eps, method, shown_error, error, d_error)
        # The printed text says the same (16 and 3 significant digits).
        assert abs(parse_shown(widget.text(method)) - shown) <= 1e-15 * abs(shown)
        assert abs(parse_shown(widget.text(f"{method}-error")) - shown_error) <= 5e-3 * shown_error
        if d_estimate:
            worst[method] = max(worst.get(method, 0.0), abs(shown - expected) / d_estimate)
    return eps


def test_epsilon_explorer_computes_what_whybackprop_computes(opened: Any) -> None:
    widget = opened("epsilon")
    check_keyboard_reach(widget.page, widget)
    worst: dict[str, float] = {}
    # It starts where the page's lesson shows: central differences far ahead of forward ones.
    first = check_epsilon(widget, worst)
    assert first == 1e-4 and float(widget.value("central-error")) < 1e-3 * float(
        widget.value("forward-error")
    )
    seen = [first]
    for keys in (["Home"], ["End"], ["Home", *["ArrowRight"] * 30], ["ArrowLeft"] * 7, ["PageUp"]):
        widget.press_on_slider(*keys)
        seen.append(check_epsilon(widget, worst))
    assert seen[1] == 1e-15 and seen[2] == 1.0, f"Home/End do not reach the ends of the range: {seen}"
    for typed in ("1e-8", "3.3e-11", "0.25", "1.5e-5"):
        widget.type_value(typed)
        assert float(widget.box.input_value()) == float(typed)
        seen.append(check_epsilon(widget, worst))
    assert len(set(seen)) >= 8, f"the slider did not move ε: {seen}"
    print(f"ε explorer: {len(seen)} values of ε; largest difference / derived tolerance: {worst}")
    # The last change is announced (politely, at most once a second) with the ε it was made for.
    widget.page.wait_for_function(
        "() => document.querySelector('.explorable__live').textContent.includes('1.5×10⁻⁵')", timeout=5000
    )

    # Typed values outside the range are clamped and said so; text that is no number changes nothing.
    widget.type_value("1e-20")
    assert float(widget.box.input_value()) == 1e-15 and "범위를 벗어나" in widget.note()
    check_epsilon(widget, worst)
    widget.type_value("5")
    assert float(widget.box.input_value()) == 1.0 and "1로 바꿨습니다" in widget.note()
    widget.type_value("abc")
    assert float(widget.box.input_value()) == 1.0 and "수가 아니어서" in widget.note()
    # The static figure's markers: a circle (forward) and a square (central) on the error curves,
    # and the two balancing steps √ε_mach and ∛ε_mach marked.
    assert widget.root.locator("circle.explorable__dot--a").count() == 1
    assert widget.root.locator("rect.explorable__dot--b").count() == 1
    assert widget.root.locator(".explorable__mark").count() == 2


def marker_x(widget: Widget) -> float:
    return float(widget.root.locator("circle.explorable__dot--a").get_attribute("cx") or "nan")


def test_epsilon_dot_is_dragged_along_the_curve(opened: Any) -> None:
    """Direct manipulation: a drag on the chart moves ε (and both dots) where the pointer goes;
    the arrow keys on the focused chart do the same, with the same announcement."""
    widget = opened("epsilon")
    chart = widget.root.locator("svg.explorable__chart")
    chart.scroll_into_view_if_needed()
    box = chart.bounding_box()
    assert box is not None
    dot = widget.root.locator("circle.explorable__dot--a").bounding_box()
    assert dot is not None
    start_x, y = dot["x"] + dot["width"] / 2, dot["y"] + dot["height"] / 2
    before = marker_x(widget)
    page = widget.page
    page.mouse.move(start_x, y)
    page.mouse.down()
    for k in range(1, 6):
        page.mouse.move(start_x - k * box["width"] * 0.05, y)
    page.mouse.up()
    eps = float(widget.box.input_value())
    # The frame spans the axis' decades (-15.2 … 0.2): where the pointer let go is the ε chosen.
    frame = widget.root.locator(".explorable__frame").bounding_box()
    assert frame is not None
    expected = -4 - 5 * 0.05 * box["width"] / frame["width"] * 15.4
    assert abs(math.log10(eps) - expected) <= 0.1, f"dragged to 10^{expected:.2f}, ε became {eps}"
    worst: dict[str, float] = {}
    check_epsilon(widget, worst)
    assert marker_x(widget) < before, "the dot did not follow the pointer"
    # Keyboard on the chart: one notch (a tenth of a decade) per arrow.
    chart.focus()
    page.keyboard.press("ArrowLeft")
    after = float(widget.box.input_value())
    assert math.isclose(math.log10(after), math.log10(eps) - 0.1, abs_tol=0.06), (eps, after)
    assert chart.get_attribute("aria-valuetext") and "ε =" in (chart.get_attribute("aria-valuetext") or "")
    check_epsilon(widget, worst)
    # The chart and the slider announce the same sentence.
    page.wait_for_function(
        "svg => document.querySelector('.explorable__live').textContent === svg.getAttribute('aria-valuetext')",
        arg=chart.element_handle(),
        timeout=5000,
    )


# ---- 2. gradient-descent stepper ----------------------------------------------------------------

DEFAULTS = inspect.signature(gradient_descent).parameters


STATUS = {"converged": "converged", "diverged": "diverged", "max_steps": "running"}


def check_descent(widget: Widget, lr: float, steps: int, gradient: str, report: list[str]) -> Any:
    """The widget after `steps` presses against gradient_descent(..., steps=steps)."""
    grad = PROBLEM.exact_gradient if gradient == "exact" else None
    result = gradient_descent(PROBLEM.loss, START_THETA, lr=lr, steps=steps, grad=grad)
    assert int(widget.value("steps")) == result.steps, (lr, steps, widget.value("steps"), result.steps)
    if gradient == "forward":
        assert int(widget.value("evaluations")) == result.loss_evaluations, (
            lr,
            steps,
            result.loss_evaluations,
        )
    else:
        assert widget.root.locator('[data-name="evaluations"]').count() == 0, (
            "the analytic stepper counts evaluations"
        )
    status = widget.root.locator('[data-name="status"]').get_attribute("data-status")
    assert status == STATUS[result.status.value], (lr, steps, status, result.status)
    if result.status.value == "diverged":
        return result
    bound = descent_tolerance(lr, result.history, gradient)
    theta = np.array([float(widget.value(name)) for name in "abcd"])
    difference = float(np.linalg.norm(theta - result.theta))
    assert difference <= bound, (
        f"η={lr}, k={steps}: θ differs by {difference:.3g} > derived bound {bound:.3g}"
    )
    loss_bound = float(np.linalg.norm(PROBLEM.exact_gradient(result.theta))) * bound + 2 * loss_error_bound(
        result.theta
    )
    assert abs(float(widget.value("loss")) - result.losses[-1]) <= loss_bound
    report.append(f"η={lr:g} k={result.steps}: |Δθ| = {difference:.2g} (bound {bound:.2g})")
    return result


def set_rate(widget: Widget, lr: str) -> None:
    widget.type_value(lr)
    assert float(widget.box.input_value()) == float(lr)
    assert widget.value("steps") == "0", "changing η does not start over"


def press(widget: Widget, button: str, times: int) -> None:
    widget.root.locator(f'button[data-name="{button}"]').focus()
    for _ in range(times):
        widget.page.keyboard.press("Enter")


def run_to_the_end(widget: Widget) -> None:
    press(widget, "run", 1)
    widget.page.wait_for_function(
        "root => root.querySelector('[data-name=status]').dataset.status !== 'running'"
        " || root.querySelector('button[data-name=step]').getAttribute('aria-disabled') === 'true'",
        arg=widget.root.element_handle(),
        timeout=60_000,
    )


def test_descent_stepper_follows_gradient_descent(opened: Any) -> None:
    """The learning page's stepper: the analytic gradient, no evaluation counter, and notes that
    say only what is true (no oscillation at η = 0.1, one in the 2-cycle regime, none once diverged)."""
    widget = opened("descent")
    check_keyboard_reach(widget.page, widget)
    assert widget.root.get_attribute("data-gradient") in (None, "exact")
    report: list[str] = []
    assert "한 스텝" in widget.root.locator(".explorable__empty").inner_text(), "the empty chart says nothing"
    for lr, presses in (("0.1", [1, 6]), ("0.5", [40])):
        set_rate(widget, lr)
        done = 0
        for k in presses:
            press(widget, "step", k - done)
            done = k
            check_descent(widget, float(lr), k, "exact", report)
    assert widget.root.locator(".explorable__empty").is_hidden()

    # η = 0.1 runs to convergence: its last steps wiggle by round-off only, so no oscillation note.
    set_rate(widget, "0.1")
    run_to_the_end(widget)
    result = check_descent(widget, 0.1, 3000, "exact", report)
    assert result.status.value == "converged" and "수렴" in widget.text("status")
    assert widget.text("wiggle") == "", widget.text("wiggle")
    press(widget, "step", 1)  # a converged run takes no more steps and says so
    assert int(widget.value("steps")) == result.steps and widget.note()
    disabled = widget.root.locator('button[data-name="step"]').evaluate("b => getComputedStyle(b).opacity")
    assert float(disabled) < 0.6, f"a disabled button does not look disabled (opacity {disabled})"

    # η = 0.8: neither converging nor diverging, a bounce between two losses: the note says so.
    set_rate(widget, "0.8")
    press(widget, "step", 60)
    check_descent(widget, 0.8, 60, "exact", report)
    assert "진동" in widget.text("wiggle")

    # η = 2 diverges: the run stops, says why, prints no NaN or Infinity, and no oscillation note.
    set_rate(widget, "2")
    run_to_the_end(widget)
    diverged = check_descent(widget, 2.0, 3000, "exact", report)
    assert diverged.status.value == "diverged"
    assert "발산" in widget.text("status") and "학습률" in widget.text("status")
    assert widget.text("wiggle") == "", "a diverged run is said to oscillate"
    assert not re.search(r"NaN|Infinity|∞", widget.root.inner_text())

    # The slider by arrow keys changes η and starts over; reset goes back to the start.
    widget.press_on_slider("ArrowLeft")
    assert float(widget.box.input_value()) < 2 and widget.value("steps") == "0"
    press(widget, "step", 3)
    press(widget, "reset", 1)
    assert widget.value("steps") == "0"
    widget.type_value("100")
    assert float(widget.box.input_value()) == 10.0 and "10으로 바꿨습니다" in widget.note()
    print("descent stepper:", "; ".join(report))


@pytest.mark.parametrize("edition", ["", "en/"])
def test_numerical_stepper_counts_evaluations_exactly(
    browser: Any, origin: str, site_url: str, edition: str
) -> None:
    """The black-box-gradient page's stepper: forward differences, and the package's count,
    including the final check of a run that stops by converging (1,590 after 317 steps at η = 0.5)."""
    context, page, recorder = recorded_page(browser, "phone", origin)
    page.goto(site_url + edition + "black-box-gradient/")
    wait_until_rendered(page)
    widget = Widget(page, "descent")
    assert widget.root.get_attribute("data-gradient") == "forward"
    report: list[str] = []
    press(widget, "step", 5)
    check_descent(widget, 0.5, 5, "forward", report)
    run_to_the_end(widget)
    result = check_descent(widget, 0.5, 3000, "forward", report)
    n = len(START_THETA)
    assert result.status.value == "converged"
    assert int(widget.value("evaluations")) == result.loss_evaluations == 1 + (n + 1) * result.steps + n
    label = widget.root.locator('dd[data-name="evaluations"]').evaluate(
        "dd => dd.previousElementSibling.textContent"
    )
    assert f"{n + 1}" in label and f"{n}" in label, label  # the label states the rule with its numbers
    assert not recorder.console_errors, recorder.console_errors
    check_fits_and_axe(page, "phone", ("light", "dark"))
    context.close()


# ---- 3. cost calculator -------------------------------------------------------------------------


def shown_integer(widget: Widget, name: str) -> str:
    """The integer as shown (without its toggle's words)."""
    return str(widget.root.locator(f'dd[data-name="{name}"]').evaluate("dd => dd.firstChild.textContent"))


def check_cost(widget: Widget, n: int) -> None:
    setup = RESULTS["setup"]
    assert int(widget.value("evaluations")) == cost.loss_evaluations(n)
    assert int(widget.value("lecture")) == cost.lecture_step_multiplications(n)
    depth = stacked_depth(n, setup["width"])
    assert int(widget.root.locator('[data-name="network"]').get_attribute("data-depth")) == depth
    counts = cost.stacked_network_multiplications(setup["width"], depth, setup["batch"])
    for gradient in ("numerical", "backprop"):
        exact = counts[gradient]
        assert int(widget.value(f"{gradient}-multiplications")) == exact, (n, gradient)
        shown = shown_integer(widget, f"{gradient}-multiplications")
        if exact < 10**9:
            assert shown == f"{exact:,}"
        else:  # 1.45 × 10¹¹: three significant digits
            assert math.isclose(parse_shown(shown.replace(" × ", "×")), exact, rel_tol=5e-3), (shown, exact)
        seconds = predicted_seconds(RESULTS, n, gradient)
        # The same integer → float conversion and the same division: equal to the last bit.
        assert float(widget.value(f"{gradient}-seconds")) == seconds, (n, gradient)
        assert float(widget.value(f"{gradient}-training")) == 10_000 * seconds, (n, gradient)
    # The line on the factor over the lecture's count carries the ratio of these very counts.
    factor = float(widget.root.locator('[data-name="factor"]').get_attribute("data-value") or "nan")
    assert factor == float(counts["numerical"]) / float(counts["n_params"] * (counts["n_params"] + 1))
    assert f"{factor:.3g}" in widget.text("factor") and str(setup["batch"]) in widget.text("factor")


def test_cost_calculator_matches_whybackprop(opened: Any) -> None:
    widget = opened("cost")
    check_keyboard_reach(widget.page, widget)
    assert "가장 가까운 벤치마크 신경망" in widget.text("network")
    checked = []
    for typed in ("100", "165", "275", "12345", "100000", "3000000", "987654321", "1000000000"):
        widget.type_value(typed)
        n = int(widget.box.input_value().replace(",", ""))
        assert n == int(typed), (typed, n)
        check_cost(widget, n)
        checked.append(n)
    # Past 2⁵³ the counts stay exact (N = 10⁹: N(N+1) ≈ 10¹⁸ > 2⁵³ ≈ 9·10¹⁵), one tap away.
    assert cost.lecture_step_multiplications(checked[-1]) > 2**53
    toggle = widget.root.locator('dd[data-name="lecture"] button')
    toggle.click()
    assert shown_integer(widget, "lecture") == f"{cost.lecture_step_multiplications(checked[-1]):,}"
    assert toggle.get_attribute("aria-pressed") == "true"
    toggle.click()
    assert "× 10" in shown_integer(widget, "lecture")
    for keys in (["Home"], ["End"], ["Home", *["ArrowRight"] * 37], ["ArrowLeft"] * 5):
        widget.press_on_slider(*keys)
        n = int(widget.box.input_value().replace(",", ""))
        check_cost(widget, n)
        checked.append(n)
    assert checked[-4:-2] == [100, 10**9], f"Home/End do not reach 10² and 10⁹: {checked}"
    # Bad input: clamped, rounded or refused, and said so.
    widget.type_value("5")
    assert widget.box.input_value() == "100" and "100으로 바꿨습니다" in widget.note()
    widget.type_value("1e12")
    assert widget.box.input_value() == "1,000,000,000" and "범위를 벗어나" in widget.note()
    widget.type_value("1234.6")
    assert widget.box.input_value() == "1,235" and "반올림" in widget.note()
    check_cost(widget, 1235)
    widget.type_value("many")
    assert widget.box.input_value() == "1,235" and "수가 아니어서" in widget.note()
    print(f"cost calculator: N = {checked}")


BROKEN_WORDS = """root => {
  const broken = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement.closest('svg, .explorable__live')) continue;
    for (const match of node.textContent.matchAll(/\\S+/g)) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
      if (tops.size > 1) broken.push(match[0]);
    }
  }
  return broken;
}"""


def words_broken_inside(widget: Widget) -> list[str]:
    """Words of the widget that a line break splits (a phone must wrap between words)."""
    broken: list[str] = widget.root.evaluate(BROKEN_WORDS)
    return broken


def test_cost_calculator_keeps_its_height_while_dragging(browser: Any, origin: str, site_url: str) -> None:
    """On a phone: the training times sit right under the slider, labels above values, no word
    broken inside, and dragging the slider over its whole range never changes the widget's height."""
    context, page, _ = recorded_page(browser, "phone", origin)
    page.goto(site_url + "deep-network/")
    wait_until_rendered(page)
    widget = Widget(page, "cost")
    widget.range.scroll_into_view_if_needed()
    heights = set()
    for value in range(200, 901, 25):
        widget.range.evaluate("(r, v) => { r.value = v / 100; r.dispatchEvent(new Event('input')); }", value)
        heights.add(round(widget.root.bounding_box()["height"]))  # type: ignore[index]
        assert not words_broken_inside(widget), f"words broken on a phone: {words_broken_inside(widget)}"
    assert len(heights) == 1, f"the widget's height changes while dragging: {sorted(heights)}"
    slider = widget.range.bounding_box()
    result = widget.root.locator('dd[data-name="numerical-training"]').bounding_box()
    assert slider and result and 0 < result["y"] - (slider["y"] + slider["height"]) < 200, (slider, result)
    label = widget.root.locator('dd[data-name="numerical-training"]').evaluate(
        "dd => [dd.previousElementSibling.getBoundingClientRect().bottom, dd.getBoundingClientRect().top]"
    )
    assert label[0] <= label[1] + 1, f"on a phone the label is not above its value: {label}"
    assert widget.range.evaluate("r => r.getBoundingClientRect().height") >= 44
    assert widget.box.get_attribute("inputmode") == "text"
    context.close()


# ---- 4. contour: start gradient descent where the reader clicks ----------------------------------


def open_fold(widget_page: Any) -> Any:
    """The contour widget, drawn once the fold around it is opened (if it has one)."""
    root = widget_page.locator('.explorable[data-explorable="contour"]')
    fold = root.locator("xpath=ancestor::details")
    if fold.count():
        assert root.locator("svg").count() == 0, "the contour widget drew inside a closed fold"
        fold.first.locator("summary").first.click()
    widget_page.wait_for_function(
        "() => document.querySelector('.explorable[data-explorable=contour] svg.explorable__chart')"
    )
    return root


def test_contour_descends_from_a_clicked_point(opened: Any) -> None:
    widget = opened("descent")  # the learning page
    page = widget.page
    root = open_fold(page)
    chart = root.locator("svg.explorable__chart")
    chart.scroll_into_view_if_needed()
    assert root.locator(".explorable__contour").count() >= 10, "no contour lines"
    box = chart.bounding_box()
    assert box is not None
    # Click near the lower left of the frame: the path must start there and reach the star.
    page.mouse.click(box["x"] + box["width"] * 0.25, box["y"] + box["height"] * 0.75)
    page.wait_for_function(
        "root => root.querySelector('[data-name=status]').dataset.status",
        arg=root.element_handle(),
    )
    status = root.locator('dd[data-name="status"]').get_attribute("data-status")
    start = [float(v) for v in root.locator('dd[data-name="start"]').inner_text().strip("()").split(", ")]
    end = json.loads(root.locator('dd[data-name="end"]').get_attribute("data-value") or "null")
    c = json.loads(
        page.evaluate(
            "fetch(document.querySelector('[data-explorable=contour]').dataset.src).then(r => r.text())"
        )
    )["contour"]
    assert c["xlim"][0] < start[0] < sum(c["xlim"]) / 2 and c["ylim"][0] < start[1] < sum(c["ylim"]) / 2, (
        start
    )
    best = np.array(c["best"])

    def full(u: Any) -> np.ndarray:
        theta = best.copy()
        theta[c["plane"]] = u
        return theta

    result = gradient_descent(
        lambda u: PROBLEM.loss(full(u)),
        start,
        lr=c["eta"],
        steps=c["budget"],
        grad=lambda u: PROBLEM.exact_gradient(full(u))[c["plane"]],
    )
    assert status == STATUS[result.status.value] == "converged", (status, result.status)
    assert np.allclose(end, result.theta, rtol=0, atol=1e-12), (end, result.theta)
    assert int(root.locator('dd[data-name="steps"]').get_attribute("data-value") or -1) == result.steps
    page.wait_for_function(
        "root => root.querySelector('.explorable__path').getAttribute('points').split(' ').length > 5",
        arg=root.element_handle(),
    )
    # Keyboard: the arrows move the starting point, Enter starts; the announcement says where.
    chart.focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowUp")
    page.keyboard.press("Enter")
    moved = [float(v) for v in root.locator('dd[data-name="start"]').inner_text().strip("()").split(", ")]
    assert moved[0] > start[0] and moved[1] > start[1], (start, moved)
    page.wait_for_function(
        "root => root.querySelector('.explorable__live').textContent.includes('a = ' + root.querySelector('[data-name=start]').textContent.slice(1).split(',')[0])",
        arg=root.element_handle(),
        timeout=5000,
    )
    # A large η leaves the frame and says so.
    root.locator("input[type=text]").fill("1.9")
    root.locator("input[type=text]").press("Enter")
    assert root.locator('dd[data-name="status"]').get_attribute("data-status") in ("diverged", "running")


# ---- charts: the figures' colours and markers, and 3:1 against the background ----------------------


CONTRAST = r"""root => {
  const rgb = (c) => c.match(/[\d.]+/g).slice(0, 3).map(Number);
  const lum = ([r, g, b]) => { const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
                               return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
  const ratio = (a, b) => { const [x, y] = [lum(rgb(a)), lum(rgb(b))].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  let node = root, background = 'rgba(0, 0, 0, 0)';
  while (node && /rgba\(0, 0, 0, 0\)|transparent/.test(background)) { background = getComputedStyle(node).backgroundColor; node = node.parentElement; }
  return [...root.querySelectorAll('.explorable__line, .explorable__dot')].map(el => ({
    what: el.getAttribute('class'), color: getComputedStyle(el).stroke, background,
    ratio: ratio(getComputedStyle(el).stroke, background) }));
}"""


def test_chart_colours_are_the_figures_and_contrast_3_to_1(browser: Any, origin: str, site_url: str) -> None:
    from whybackprop.plotting import palette

    context, page, _ = recorded_page(browser, "desktop", origin)
    page.goto(site_url + "numerical-gradient/")
    wait_until_rendered(page)
    widget = Widget(page, "epsilon")
    for scheme, material in (("light", "default"), ("dark", "slate")):
        page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{material}')")
        measured = widget.root.evaluate(CONTRAST)
        assert len(measured) == 4, measured  # two curves, two markers
        lines = palette(scheme).lines
        for item in measured:
            expected = lines[0] if "--a" in item["what"] else lines[1]
            r, g, b = (int(expected[i : i + 2], 16) for i in (1, 3, 5))
            assert item["color"] == f"rgb({r}, {g}, {b})", (scheme, item)
            assert item["ratio"] >= 3, (scheme, item)
    context.close()


# ---- all three: loading and instant navigation ----------------------------------------------------


def test_widgets_load_only_on_their_pages(visits: list[Visit]) -> None:
    for visit in visits:
        loads = [url for url in visit.requests if "/assets/explorables/" in url]
        if edition_page(visit.path) in WIDGET_PATHS:  # in either edition
            assert any(url.endswith("explorables.js") for url in loads), (
                f"{visit.name}: the widget script is not loaded"
            )
        else:
            assert not loads, f"{visit.name} loads the widgets without using them: {loads}"


def test_widgets_work_after_instant_navigation(browser: Any, origin: str, site_url: str) -> None:
    context, page, recorder = recorded_page(browser, "desktop", origin)
    page.goto(site_url)  # home: no widget, so no widget script yet
    wait_until_rendered(page)
    page.evaluate("window.sameDocument = true")  # a reload would drop it
    route = [
        "numerical-gradient/",
        "learning/",
        "black-box/",
        "deep-network/",
        "learning/",
        "numerical-gradient/",
    ]
    for path in route:
        follow_nav_link(page, site_url + path)
        assert page.evaluate("window.sameDocument === true"), f"moving to /{path} reloaded the page"
        name = (
            next(name for name, where in PAGES.items() if where == path) if path in PAGES.values() else None
        )
        if name is None:
            assert page.locator(".explorable").count() == 0
            continue
        widget = Widget(page, name)
        assert page.locator(f'.explorable[data-explorable="{name}"]').count() == 1
        before = widget.root.inner_text()
        if name == "descent":
            press(widget, "step", 2)
            assert widget.value("steps") == "2"
        else:
            widget.press_on_slider("ArrowLeft")
        assert widget.root.inner_text() != before, (
            f"/{path}: the widget does not react after instant navigation"
        )
    assert not recorder.console_errors, recorder.console_errors
    assert not recorder.foreign_requests(), recorder.foreign_requests()
    context.close()
