"""The explorables on the English edition speak English: labels, notes, statuses and durations.

Their numbers are the same code as on the Korean pages (tests/browser/test_browser_explorables.py
checks those against whybackprop); here the words: no Hangul anywhere in a widget, English reports
of a run, English units, and nothing failing, leaving the site or flagged by axe."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from browsing import recorded_page, wait_until_rendered
from test_browser_explorables import PAGES, Widget, check_fits_and_axe, press, set_rate, words_broken_inside

from editions import HANGUL

VIEWPORT = "phone"  # the narrowest: English labels are longer than Korean ones


@pytest.fixture
def opened_en(browser: Any, origin: str, site_url: str) -> Iterator[Any]:
    context, page, recorder = recorded_page(browser, VIEWPORT, origin)

    def open_widget(name: str) -> Widget:
        page.goto(site_url + "en/" + PAGES[name])
        wait_until_rendered(page)
        assert page.evaluate("document.documentElement.lang") == "en"
        return Widget(page, name)

    yield open_widget
    assert not recorder.console_errors, f"console errors: {recorder.console_errors}"
    assert not recorder.failed, f"failed requests: {recorder.failed}"
    assert not recorder.foreign_requests(), f"requests that left the site: {recorder.foreign_requests()}"
    check_fits_and_axe(page, VIEWPORT, ("light", "dark"))
    context.close()


def no_hangul(widget: Widget) -> None:
    shown = widget.root.inner_text() + " ".join(
        widget.root.locator("[aria-label]").evaluate_all("els => els.map(e => e.getAttribute('aria-label'))")
    )
    assert not HANGUL.search(shown), HANGUL.findall(shown)[:10]


def test_epsilon_widget_in_english(opened_en: Any) -> None:
    widget = opened_en("epsilon")
    assert "step ε" in widget.root.inner_text()
    assert "round-off error" in widget.root.inner_text()
    widget.type_value("abc")
    assert widget.note() == "You typed ‘abc’: not a number, so the value is unchanged."
    widget.type_value("5")
    assert widget.note() == "You typed ‘5’: out of range, so 1 is used."
    no_hangul(widget)
    assert not words_broken_inside(widget), f"words broken on a phone: {words_broken_inside(widget)}"


def test_descent_widget_reports_runs_in_english(opened_en: Any) -> None:
    widget = opened_en("descent")
    press(widget, "run", 1)
    widget.page.wait_for_function(
        "() => document.querySelector('[data-name=status]').dataset.status !== 'running'", timeout=60_000
    )
    assert re.fullmatch(r"Converged after [\d,]+ steps \(gradient norm ≤ .+\)\.", widget.text("status"))
    set_rate(widget, "2")
    press(widget, "run", 1)
    widget.page.wait_for_function(
        "() => document.querySelector('[data-name=status]').dataset.status === 'diverged'", timeout=30_000
    )
    assert widget.text("status").startswith("Diverged at step") and "learning rate" in widget.text("status")
    no_hangul(widget)
    assert not words_broken_inside(widget), f"words broken on a phone: {words_broken_inside(widget)}"


def test_cost_widget_uses_english_units(opened_en: Any) -> None:
    widget = opened_en("cost")
    number = r"[\d,.]+"
    forms = (
        rf"{number} ms",
        rf"{number} s",
        rf"{number} s \(about {number} minutes\)",
        rf"about {number} (hours?|days?)",
        rf"about {number}( (million|billion|trillion))? years?",
    )
    for name in ("numerical-seconds", "numerical-training", "backprop-seconds", "backprop-training"):
        assert any(re.fullmatch(form, widget.text(name)) for form in forms), widget.text(name)
    widget.type_value("1000000000")  # the largest N: numerical training takes many years
    assert re.search(r"(million|billion|trillion)? years$", widget.text("numerical-training"))
    assert widget.text("network").startswith("Nearest benchmark network:")
    assert "samples" in widget.text("factor")
    no_hangul(widget)
    assert not words_broken_inside(widget), f"words broken on a phone: {words_broken_inside(widget)}"
