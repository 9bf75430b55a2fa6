"""The widgets survive Material's instant navigation as a reader uses it.

A link to a heading of the same page (in the table of contents, a heading's ¶, the table of
contents in the phone's drawer) makes Material fetch the page again, swap the article and re-sync
<head>, which drops any stylesheet it did not put there. After each such click, and after the
footer's "next" between two widget pages, every widget must be styled, keep the values the reader
set, and leave the heading the reader asked for in view.
"""

from __future__ import annotations

import time
from typing import Any
from urllib.parse import urljoin

import pytest
from browsing import recorded_page, wait_for_instant_navigation, wait_until_rendered
from test_browser_explorables import Widget

# A heading after the widget on each page (moving the widget above it must not push it away).
PAGES = {"learning/": "descent", "numerical-gradient/": "epsilon", "deep-network/": "cost"}


def styled(page: Any) -> list[str]:
    """Widgets whose stylesheet is missing (its rules then have no effect), by name."""
    return page.evaluate(
        """() => [...document.querySelectorAll('.explorable[data-ready=true]')].filter(root => {
             const knob = root.querySelector('.explorable__knob');
             const frame = root.querySelector('.explorable__frame');
             return (knob && getComputedStyle(knob).display !== 'grid')
                 || (frame && getComputedStyle(frame).fill !== 'none');
           }).map(root => root.dataset.explorable)"""
    )


def wait_for_new_widgets(page: Any, old: Any) -> None:
    page.wait_for_function("old => !old.isConnected", arg=old)
    wait_until_rendered(page)
    page.wait_for_function(
        "() => [...document.querySelectorAll('.explorable')].every(root => root.dataset.ready === 'true')"
    )
    page.wait_for_timeout(300)  # the stylesheet, if re-added, loads; a late scroll would show now


def in_view(page: Any, anchor: str) -> dict[str, float]:
    return page.evaluate(
        """id => { const r = document.getElementById(id).getBoundingClientRect();
                   return {top: r.top, bottom: r.bottom, height: innerHeight}; }""",
        anchor,
    )


def assert_in_view(page: Any, anchor: str, how: str) -> None:
    box = in_view(page, anchor)
    assert 0 <= box["top"] and box["bottom"] <= box["height"], f"{how}: #{anchor} is not in view: {box}"


def link_to(page: Any, links: str, anchor: str) -> Any:
    """The visible link among `links` to #anchor (hrefs percent-encode Hangul)."""
    locator = page.locator(links)
    index = locator.evaluate_all(
        """(links, id) => links.findIndex(a => a.hash && decodeURIComponent(a.hash.slice(1)) === id
                                            && a.getClientRects().length)""",
        anchor,
    )
    assert index >= 0, f"no visible link to #{anchor} in {links}"
    return locator.nth(index)


def set_reader_values(widget: Widget, name: str) -> str:
    """Change the widget as a reader would; returns what must survive."""
    if name == "descent":
        widget.type_value("0.3")
        widget.root.locator('button[data-name="step"]').click()
        widget.root.locator('button[data-name="step"]').click()
        return "0.3|2"
    widget.type_value({"epsilon": "1e-7", "cost": "12345"}[name])
    return widget.box.input_value()


def reader_values(widget: Widget, name: str) -> str:
    if name == "descent":
        return f"{widget.box.input_value()}|{widget.value('steps')}"
    return widget.box.input_value()


def heading_after(page: Any, name: str) -> str:
    """The id of the first h2 after the widget."""
    anchor: str = page.evaluate(
        """name => { const root = document.querySelector(`.explorable[data-explorable="${name}"]`);
             return [...document.querySelectorAll('article h2[id]')].find(h =>
               root.compareDocumentPosition(h) & Node.DOCUMENT_POSITION_FOLLOWING).id; }""",
        name,
    )
    return anchor


@pytest.mark.parametrize("how", ["toc", "headerlink"])
def test_a_same_page_link_keeps_widgets_styled_and_in_place(
    browser: Any, origin: str, site_url: str, how: str
) -> None:
    context, page, recorder = recorded_page(browser, "desktop", origin)
    for path, name in PAGES.items():
        page.goto(site_url + path)
        wait_until_rendered(page)
        widget = Widget(page, name)
        kept = set_reader_values(widget, name)
        anchor = heading_after(page, name)
        old = widget.root.element_handle()
        if how == "toc":
            link_to(page, ".md-sidebar--secondary a.md-nav__link", anchor).click()
        else:
            heading = page.locator(f'[id="{anchor}"]')
            heading.scroll_into_view_if_needed()
            heading.locator("a.headerlink").click()
        wait_for_new_widgets(page, old)
        assert not styled(page), f"/{path} after a {how} click: unstyled widgets {styled(page)}"
        assert reader_values(Widget(page, name), name) == kept, f"/{path} after a {how} click: values lost"
        assert_in_view(page, anchor, f"/{path} {how}")
    assert not recorder.console_errors, recorder.console_errors
    context.close()


def test_the_phone_drawer_table_of_contents_keeps_widgets_styled(
    browser: Any, origin: str, site_url: str
) -> None:
    context, page, recorder = recorded_page(browser, "phone", origin)
    path, name = "deep-network/", "cost"
    page.goto(site_url + path)
    wait_until_rendered(page)
    widget = Widget(page, name)
    kept = set_reader_values(widget, name)
    anchor = heading_after(page, name)
    old = widget.root.element_handle()
    page.locator('label.md-header__button[for="__drawer"]').click()
    page.locator('.md-sidebar--primary label.md-nav__link[for="__toc"]').click()
    link_to(page, ".md-sidebar--primary .md-nav--secondary a.md-nav__link", anchor).click()
    wait_for_new_widgets(page, old)
    assert not styled(page), f"after the drawer's TOC: unstyled widgets {styled(page)}"
    assert reader_values(Widget(page, name), name) == kept
    assert_in_view(page, anchor, "drawer")
    assert not recorder.console_errors, recorder.console_errors
    context.close()


def test_footer_next_between_two_widget_pages(browser: Any, origin: str, site_url: str) -> None:
    context, page, recorder = recorded_page(browser, "desktop", origin)
    page.goto(site_url + "learning/")
    wait_until_rendered(page)
    Widget(page, "descent")
    page.evaluate("window.sameDocument = true")
    nxt = page.locator("a.md-footer__link--next")
    target = nxt.get_attribute("href")
    old = page.locator(".explorable").first.element_handle()
    wait_for_instant_navigation(page)
    # The next page arrives 300 ms after the click, as on a slow network, and the click follows the
    # scroll down to the footer at once: Material stores the old page's offset 100 ms after that
    # scroll, into the new page's history entry by then (page_top.js keeps the new page at its top).
    page.route(urljoin(site_url + "learning/", target), lambda route: (time.sleep(0.3), route.continue_()))
    nxt.click()
    wait_for_new_widgets(page, old)
    assert page.evaluate("window.sameDocument === true"), "the footer link reloaded the page"
    assert page.locator(".explorable").count() >= 1, f"{target}: the next page has no widget to check"
    assert not styled(page), f"after footer-next to {target}: unstyled widgets {styled(page)}"
    # Material scrolls the new page to its top after swapping the content: wait for it (a slow
    # machine measures before it), then judge where the title is.
    title_top = "document.querySelector('article h1').getBoundingClientRect().top"
    try:
        page.wait_for_function(
            f"(() => {{ const top = {title_top}; return 0 <= top && top < 400; }})()", timeout=5000
        )
    except Exception:  # judged below, with the position measured
        pass
    h1 = page.evaluate(title_top)
    assert 0 <= h1 < 400, f"after footer-next the page's title is not in view (top {h1})"
    assert not recorder.console_errors, recorder.console_errors
    context.close()
