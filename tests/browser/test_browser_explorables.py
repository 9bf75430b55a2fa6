"""The three explorables, driven by keyboard, against whybackprop's own numbers.

Each widget recomputes in the browser what whybackprop computes, with the same float64
operations in the same order. Where the two can still differ (Math.sin / Math.tanh against the C
library's and NumPy's), the tolerance is derived below from how far a last-bit difference can
travel, never picked to make a run pass. Every exact number a widget shows is also kept in the
element's data-value (JavaScript's shortest round-trip form), which Python reads back exactly.
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
    ROOT,
    VIEWPORTS,
    Visit,
    edition_page,
    follow_nav_link,
    recorded_page,
    wait_until_rendered,
)

from whybackprop import cost, gradient_descent, make_problem, numerical_gradient
from whybackprop.blackbox import START_THETA
from whybackprop.timing import predicted_seconds, stacked_depth

PAGES = {"epsilon": "numerical-gradient/", "descent": "learning/", "cost": "deep-network/"}
RESULTS = json.loads((ROOT / "benchmarks/results/cost_vs_n.json").read_text(encoding="utf-8"))
U = 2.0**-53  # unit roundoff of float64: a correctly rounded operation errs by at most U relative
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


def check_fits_and_axe(page: Any, viewport: str) -> None:
    """After the interaction (notes and statuses shown): no sideways scrolling, and axe finds
    nothing serious or critical in either colour scheme."""
    for scheme in ("light", "dark"):
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


def ulp(x: float) -> float:
    return math.ulp(abs(x))


def epsilon_tolerance(eps: float, method: str) -> tuple[float, float]:
    """How far the widget's estimate may honestly be from whybackprop's, and its relative error.

    JavaScript's Math.sin and the C library's sin are each faithfully rounded (error < 1 ulp),
    so they may return neighbouring floats: each sin value may differ by 1 ulp. The steps,
    x ± ε, and the step actually taken are the same IEEE operations on both sides, hence equal.
    So the difference of the two sin values may differ by ulp(sin up) + ulp(sin down), which the
    division by the step magnifies by 1/step (at ε = 10⁻¹⁵ that is about 0.2 of the estimate:
    the estimate itself is mostly round-off there). The subtraction and the division may then
    round differently: 1 ulp of the estimate each.
    """
    x = 1.0
    up = x + eps
    down = x if method == "forward" else x - eps
    taken = up - down
    estimate = float(numerical_gradient(np.sin, x, eps=eps, method=method))
    d_estimate = (ulp(math.sin(up)) + ulp(math.sin(down))) / taken + 2 * ulp(estimate)
    # relative error |estimate - cos 1| / |cos 1|: cos 1 itself may differ by 1 ulp
    d_error = (d_estimate + ulp(math.cos(x))) / abs(math.cos(x)) + 2 * ulp(abs(estimate - math.cos(x)))
    return d_estimate, d_error


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
    seen = [check_epsilon(widget, worst)]  # the initial ε
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
    assert float(widget.box.input_value()) == 1e-15 and "범위 밖" in widget.note()
    check_epsilon(widget, worst)
    widget.type_value("5")
    assert float(widget.box.input_value()) == 1.0 and "범위 밖" in widget.note()
    widget.type_value("abc")
    assert float(widget.box.input_value()) == 1.0 and "수가 아닙니다" in widget.note()
    assert widget.root.locator("circle").count() == 2, "the markers on the error curve are missing"


# ---- 2. gradient-descent stepper ----------------------------------------------------------------

PROBLEM = make_problem()
DEFAULTS = inspect.signature(gradient_descent).parameters


def loss_error_bound(theta: np.ndarray) -> float:
    """A bound on |computed L(θ) − exact L(θ)| for either side (the widget's or NumPy's).

    r_i = a·tanh(b x_i + c) + d − y_i: NumPy's SIMD tanh and V8's Math.tanh are each a few ulp
    from the exact tanh (we measured them up to 3 ulp apart); we allow 4 ulp on each side, and
    |tanh| < 1 makes an ulp at most U. The four other operations round by U of their result.
    Squaring doubles the relative error and rounds once more. The mean adds 50 squares in
    NumPy's pairwise order (which the widget copies: an addition chain at most 10 deep), each
    addition erring by U of its partial sum, and divides once.
    """
    a, b, c, d = theta
    u = b * PROBLEM.x + c
    t = np.tanh(u)
    r = a * t + d - PROBLEM.y
    d_r = abs(a) * 4 * U + U * (
        np.abs(b * PROBLEM.x) + np.abs(u) + np.abs(a * t) + np.abs(a * t + d) + np.abs(r)
    )
    d_squares = 2 * np.abs(r) * d_r + U * r**2
    loss = float(np.mean(r**2))
    return float(np.mean(d_squares)) + 11 * U * loss


def hessian(theta: np.ndarray) -> np.ndarray:
    """∂²L by central differences of the exact gradient (only used to bound how errors grow)."""
    h = 1e-5
    columns = []
    for j in range(4):
        step = np.zeros(4)
        step[j] = h
        columns.append(
            (PROBLEM.exact_gradient(theta + step) - PROBLEM.exact_gradient(theta - step)) / (2 * h)
        )
    matrix = np.array(columns)
    return (matrix + matrix.T) / 2


def descent_tolerance(lr: float, history: np.ndarray) -> float:
    """A first-order bound on |θ_widget − θ_whybackprop| after the run in `history`.

    At step s both sides compute the forward difference g_j = (L(θ + h_j e_j) − L(θ)) / h_j with
    h_j = √eps·max(1, |θ_j|) ≈ 1.5·10⁻⁸. Each L may err by e_s = loss_error_bound(θ_s) on either
    side, so each g_j may differ by 2·2e_s / h_j (the forward difference magnifies a last-bit
    difference of L by 1/h), plus the rounding of the quotient. A difference δ in θ already
    present is carried to the next step by the update map θ − η∇L(θ), whose Jacobian is I − ηH;
    ‖I − ηH_s‖₂ (H from the exact gradient) bounds how much it can grow. So
        B_{s+1} = ‖I − ηH_s‖₂·B_s + η·‖δg_s‖₂ + U·‖θ_{s+1}‖₂,   B_0 = 0.
    """
    bound = 0.0
    for theta, following in zip(history[:-1], history[1:]):
        steps = math.sqrt(float(np.finfo(float).eps)) * np.maximum(1.0, np.abs(theta))
        e = loss_error_bound(theta)
        g = PROBLEM.exact_gradient(theta)
        d_g = 4 * e / steps + 2 * U * np.abs(g)
        growth = float(np.linalg.norm(np.eye(4) - lr * hessian(theta), 2))
        bound = growth * bound + lr * float(np.linalg.norm(d_g)) + U * float(np.linalg.norm(following))
    return bound


STATUS = {"converged": "converged", "diverged": "diverged", "max_steps": "running"}


def check_descent(widget: Widget, lr: float, steps: int, report: list[str]) -> Any:
    """The widget after `steps` presses against gradient_descent(..., steps=steps)."""
    result = gradient_descent(PROBLEM.loss, START_THETA, lr=lr, steps=steps)
    assert int(widget.value("steps")) == result.steps, (lr, steps, widget.value("steps"), result.steps)
    assert int(widget.value("evaluations")) == result.loss_evaluations, (lr, steps, result.loss_evaluations)
    status = widget.root.locator('[data-name="status"]').get_attribute("data-status")
    assert status == STATUS[result.status.value], (lr, steps, status, result.status)
    if result.status.value == "diverged":
        return result
    bound = descent_tolerance(lr, result.history)
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


def test_descent_stepper_follows_gradient_descent(opened: Any) -> None:
    widget = opened("descent")
    check_keyboard_reach(widget.page, widget)
    report: list[str] = []
    # The defaults the widget uses are gradient_descent's own.
    data = json.loads(
        widget.page.evaluate(
            "fetch(document.querySelector('[data-explorable=descent]').dataset.src).then(r => r.text())"
        )
    )
    assert (data["tol"], data["explode"]) == (DEFAULTS["tol"].default, DEFAULTS["explode"].default)

    for lr, presses in (("0.1", [1, 6, 33]), ("0.3", [25]), ("0.5", [60])):
        set_rate(widget, lr)
        done = 0
        for k in presses:
            press(widget, "step", k - done)
            done = k
            check_descent(widget, float(lr), k, report)

    # η = 0.5 runs to convergence with the run button (Enter, then wait for the status).
    press(widget, "reset", 1)  # η is still 0.5: start over
    assert widget.value("steps") == "0"
    press(widget, "run", 1)
    widget.page.wait_for_function(
        "() => document.querySelector('[data-name=status]').dataset.status !== 'running'", timeout=60_000
    )
    result = check_descent(widget, 0.5, 2000, report)
    assert result.status.value == "converged" and "수렴" in widget.text("status")
    press(widget, "step", 1)  # a converged run takes no more steps and says so
    assert int(widget.value("steps")) == result.steps and widget.note()

    # η = 2 diverges: the run stops, says why, and prints no NaN or Infinity.
    set_rate(widget, "2")
    press(widget, "run", 1)
    widget.page.wait_for_function(
        "() => document.querySelector('[data-name=status]').dataset.status === 'diverged'", timeout=30_000
    )
    diverged = check_descent(widget, 2.0, 2000, report)
    assert diverged.status.value == "diverged"
    shown = widget.root.inner_text()
    assert "발산" in widget.text("status") and "학습률" in widget.text("status")
    assert not re.search(r"NaN|Infinity|∞", shown), shown

    # η = 0.8 oscillates: the loss goes up and down, and the widget says so.
    set_rate(widget, "0.8")
    press(widget, "step", 40)
    check_descent(widget, 0.8, 40, report)
    assert np.any(np.diff(gradient_descent(PROBLEM.loss, START_THETA, lr=0.8, steps=40).losses) > 0)
    assert "진동" in widget.text("wiggle")

    # The slider by arrow keys changes η and starts over; reset goes back to the start.
    widget.press_on_slider("ArrowLeft")
    assert float(widget.box.input_value()) < 0.8 and widget.value("steps") == "0"
    press(widget, "step", 3)
    press(widget, "reset", 1)
    assert widget.value("steps") == "0" and widget.value("evaluations") == "1"
    widget.type_value("100")
    assert float(widget.box.input_value()) == 10.0 and "범위 밖" in widget.note()
    print("descent stepper:", "; ".join(report))


# ---- 3. cost calculator -------------------------------------------------------------------------


def duration_ko(seconds: float) -> str:
    """The widget's rule for a duration in Korean units, written again here to check its text:
    the largest unit not above the value (1년 = 365일); one decimal below 10, whole numbers above
    (half up); years from 10⁴ on in 만/억/조 with three significant digits."""
    units = [
        (365 * 86400, "년"),
        (86400, "일"),
        (3600, "시간"),
        (60, "분"),
        (1, "초"),
        (1e-3, "밀리초"),
        (1e-6, "마이크로초"),
    ]
    index = next((i for i, (size, _) in enumerate(units) if seconds >= size), len(units) - 1)
    size, name = units[index]
    value = seconds / size

    def rounded(v: float, decimals: int) -> str:
        k = math.floor(v * 10**decimals + 0.5)
        whole, fraction = divmod(k, 10**decimals)
        return f"{whole:,}" + (f".{fraction:0{decimals}d}" if decimals else "")

    if index == 0:
        for big, word in ((1e12, "조"), (1e8, "억"), (1e4, "만")):
            if value >= big:
                m = value / big
                return rounded(m, 2 if m < 10 else 1 if m < 100 else 0) + word + " " + name
    return rounded(value, 1 if value < 10 else 0) + name


def check_cost(widget: Widget, n: int) -> None:
    setup = RESULTS["setup"]
    assert int(widget.value("evaluations")) == cost.loss_evaluations(n)
    assert widget.text("evaluations") == f"{cost.loss_evaluations(n):,}"
    assert int(widget.value("lecture")) == cost.lecture_step_multiplications(n)
    assert widget.text("lecture") == f"{cost.lecture_step_multiplications(n):,}"
    depth = stacked_depth(n, setup["width"])
    assert int(widget.root.locator('[data-name="network"]').get_attribute("data-depth")) == depth
    counts = cost.stacked_network_multiplications(setup["width"], depth, setup["batch"])
    for gradient in ("numerical", "backprop"):
        assert int(widget.value(f"{gradient}-multiplications")) == counts[gradient], (n, gradient)
        assert widget.text(f"{gradient}-multiplications") == f"{counts[gradient]:,}"
        seconds = predicted_seconds(RESULTS, n, gradient)
        # The same integer → float conversion and the same division: equal to the last bit.
        assert float(widget.value(f"{gradient}-seconds")) == seconds, (n, gradient)
        assert float(widget.value(f"{gradient}-training")) == 10_000 * seconds, (n, gradient)
        assert widget.text(f"{gradient}-seconds") == duration_ko(seconds)
        assert widget.text(f"{gradient}-training") == duration_ko(10_000 * seconds)


def test_duration_rule() -> None:
    assert duration_ko(38 * 86400 + 100) == "38일"
    assert duration_ko(3.25 * 3600) == "3.3시간"
    assert duration_ko(1.04e7 * 365 * 86400) == "1,040만 년"
    assert duration_ko(0.0099) == "9.9밀리초"


def test_cost_calculator_matches_whybackprop(opened: Any) -> None:
    widget = opened("cost")
    check_keyboard_reach(widget.page, widget)
    checked = []
    for typed in (
        "100",
        "165",
        "275",
        "12345",
        "100000",
        "99990",
        "3000000",
        "123456789",
        "987654321",
        "1000000000",
    ):
        widget.type_value(typed)
        n = int(widget.box.input_value().replace(",", ""))
        assert n == int(typed), (typed, n)
        check_cost(widget, n)
        checked.append(n)
    # Past 2⁵³ the counts stay exact (N = 10⁹: N(N+1) ≈ 10¹⁸ > 2⁵³ ≈ 9·10¹⁵).
    assert cost.lecture_step_multiplications(checked[-1]) > 2**53
    for keys in (["Home"], ["End"], ["Home", *["ArrowRight"] * 37], ["ArrowLeft"] * 5):
        widget.press_on_slider(*keys)
        n = int(widget.box.input_value().replace(",", ""))
        check_cost(widget, n)
        checked.append(n)
    assert checked[-4:-2] == [100, 10**9], f"Home/End do not reach 10² and 10⁹: {checked}"
    # Bad input: clamped, rounded or refused, and said so.
    widget.type_value("5")
    assert widget.box.input_value() == "100" and "범위 밖" in widget.note()
    widget.type_value("1e12")
    assert widget.box.input_value() == "1,000,000,000" and "범위 밖" in widget.note()
    widget.type_value("1234.6")
    assert widget.box.input_value() == "1,235" and "반올림" in widget.note()
    check_cost(widget, 1235)
    widget.type_value("many")
    assert widget.box.input_value() == "1,235" and "수가 아닙니다" in widget.note()
    print(f"cost calculator: N = {checked}")


# ---- all three: loading and instant navigation ----------------------------------------------------


def test_widgets_load_only_on_their_pages(visits: list[Visit]) -> None:
    for visit in visits:
        loads = [url for url in visit.requests if "/assets/explorables/" in url]
        if edition_page(visit.path) in PAGES.values():  # in either edition
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
