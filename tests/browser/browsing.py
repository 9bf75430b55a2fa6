"""Helpers for the browser tests: launching Chromium, recording a page visit, reporting."""

from __future__ import annotations

import http.server
import json
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from editions import EDITIONS

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
INSPECT_JS = (HERE / "inspect_page.js").read_text(encoding="utf-8")
SCREENSHOTS = ROOT / "screenshots"  # written with SCREENSHOTS=1 (for looking; no test needs them)

# Debian's chromium; elsewhere (e.g. CI runners) the one on PATH; CHROMIUM=path overrides both.
CHROMIUM = os.environ.get("CHROMIUM") or (
    "/usr/bin/chromium"
    if Path("/usr/bin/chromium").is_file()
    else shutil.which("chromium") or "/usr/bin/chromium"
)
# The flags live in one file that benchmarks/lighthouse.mjs reads too.
CHROMIUM_ARGS = json.loads((Path(__file__).parent / "chromium-flags.json").read_text(encoding="utf-8"))
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 375, "height": 812}}


def edition_page(path: str) -> str:
    """A page's path within its edition: "en/learning/" -> "learning/" (twins share it)."""
    for edition in EDITIONS:
        if edition.path and path.startswith(edition.path):
            return path[len(edition.path) :]
    return path


def edition_of(path: str) -> str:
    """The language of the edition a page belongs to: "en/learning/" -> "en"."""
    prefix = path[: len(path) - len(edition_page(path))]
    return next(e.lang for e in EDITIONS if e.path == prefix)


def unavailable(reason: str) -> None:
    """In CI a missing browser is a failure; on a developer's machine the browser tests skip."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"browser tests cannot run in CI: {reason}", pytrace=False)
    pytest.skip(f"browser tests skipped: {reason} (install Debian's chromium; `./dev test` does)")


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site quietly. The sitemap's URLs are those of `site_url` at build time;
    they are rewritten to the origin actually serving the site, as on a deployment, because
    Material's instant navigation only intercepts links to URLs listed in the sitemap."""

    built_origin = ""  # scheme://host:port the site was built for
    served_origin = ""  # scheme://host:port it is served from

    def do_GET(self) -> None:
        if not self.path.split("?", 1)[0].endswith("/sitemap.xml"):
            return super().do_GET()
        path = Path(self.translate_path(self.path))
        if not path.is_file():
            return super().do_GET()
        body = path.read_bytes().replace(self.built_origin.encode(), self.served_origin.encode())
        self.send_response(200)
        self.send_header("Content-Type", "application/xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:  # the test report says what failed
        pass


def new_context(browser: Any, viewport: str) -> Any:
    context = browser.new_context(
        viewport=VIEWPORTS[viewport],
        permissions=["clipboard-read", "clipboard-write"],
        reduced_motion="reduce",
    )
    context.set_default_timeout(10_000)  # a local site answers in milliseconds; fail fast
    return context


@dataclass
class Recorder:
    """Everything the browser did for one page: requests, failures and console errors."""

    origin: str
    requests: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)

    def attach(self, context: Any, page: Any) -> None:
        # Context-level request events include requests from workers (the search index).
        context.on("request", lambda request: self.requests.append(request.url))
        context.on("requestfailed", lambda request: self.failed.append(f"{request.url} ({request.failure})"))
        context.on("response", self.on_response)
        page.on("console", self.on_console)
        page.on("pageerror", lambda error: self.console_errors.append(f"uncaught: {error}"))

    def on_console(self, message: Any) -> None:
        if message.type == "error":
            self.console_errors.append(message.text)

    def on_response(self, response: Any) -> None:
        if response.status >= 400:
            self.failed.append(f"{response.url} (HTTP {response.status})")

    def clear(self) -> None:
        self.requests.clear()
        self.failed.clear()
        self.console_errors.clear()

    def foreign_requests(self) -> list[str]:
        """Requests that leave the site's origin (data: and blob: URLs stay in the page)."""
        return [
            url
            for url in self.requests
            if urlsplit(url).scheme not in ("data", "blob") and not url.startswith(self.origin + "/")
        ]


def recorded_page(browser: Any, viewport: str, origin: str) -> tuple[Any, Any, Recorder]:
    """A new context at `viewport` with one page, whose requests and console a Recorder keeps."""
    context = new_context(browser, viewport)
    page = context.new_page()
    recorder = Recorder(origin)
    recorder.attach(context, page)
    return context, page, recorder


SCHEMES = {"light": "default", "dark": "slate"}  # prefers-color-scheme -> Material's data-md-color-scheme
PALETTE = "form[data-palette]"  # the header's colour-scheme options (docs/javascripts/palette.js)
PALETTE_TOGGLE = f"{PALETTE} label:not([hidden])"  # the one showing: a click moves to the next option


@dataclass(frozen=True)
class Probe:
    """A judgment that needs the live page, run during the one visit of each page and viewport."""

    name: str
    run: Callable[[Any, str, str], Any]  # (page, viewport, scheme) -> a record the tests judge
    where: Callable[[str, str], bool]  # (path, viewport) -> whether to run it on that visit
    schemes: tuple[str, ...]


PROBES: dict[str, Probe] = {}


def probe(
    name: str,
    *,
    schemes: tuple[str, ...] = ("light",),
    where: Callable[[str, str], bool] = lambda path, viewport: True,
) -> Callable[[Callable[[Any, str, str], Any]], Callable[[Any, str, str], Any]]:
    """Add a judgment to the single visit instead of loading the pages again. In a test module:

        @probe("headings", schemes=("light", "dark"), where=lambda path, viewport: viewport == "desktop")
        def headings(page, viewport, scheme):
            return page.evaluate("[...document.querySelectorAll('h2')].map(h => h.id)")

        def test_headings(visits):
            for v in visits:
                for scheme, ids in v.probes.get("headings", {}).items(): ...

    The function runs with the page rendered in `scheme` (switched with emulate_media, no reload:
    Material's palette follows the system's scheme); what it returns is kept in
    `Visit.probes[name][scheme]`. Register at import time: the `visits` fixture runs every probe
    registered when it starts, and test modules are imported before any test runs.
    """

    def register(function: Callable[[Any, str, str], Any]) -> Callable[[Any, str, str], Any]:
        assert name not in PROBES or PROBES[name].run.__qualname__ == function.__qualname__, (
            f"two probes named {name!r}"
        )
        unknown = set(schemes) - set(SCHEMES)
        assert not unknown, f"probe {name!r}: unknown schemes {unknown}; the schemes are {list(SCHEMES)}"
        PROBES[name] = Probe(name, function, where, schemes)
        return function

    return register


@dataclass
class Visit:
    """What one page looked like at one viewport."""

    path: str
    viewport: str
    url: str
    status: int | None
    requests: list[str]
    foreign_requests: list[str]
    failed_requests: list[str]
    console_errors: list[str]
    dom: dict[str, Any]  # see inspect_page.js
    axe_violations: list[dict[str, Any]]
    axe_schemes: list[str]  # the schemes axe ran in on this visit (see axe_schemes())
    copy_failures: list[str] | None  # None: the copy buttons are clicked at desktop width only
    screenshot: Path | None  # None unless SCREENSHOTS=1
    probes: dict[str, dict[str, Any]] = field(default_factory=dict)  # name -> scheme -> record

    @property
    def name(self) -> str:
        return f"/{self.path} @ {self.viewport}"


# Readiness instead of waiting for the network to be quiet: web fonts loaded, every image that is
# not lazy decoded, every formula typeset (the build typesets them; this also covers a page whose
# KaTeX failed) and every explorable set up. Lazy images are the inspector's (inspect_page.js).
READY_JS = """() => document.fonts.status === 'loaded'
  && [...document.images].every(img => img.complete || img.loading === 'lazy')
  && [...document.querySelectorAll('.arithmatex')].every(el => el.querySelector('.katex, .katex-error'))
  && [...document.querySelectorAll('[data-explorable]')].every(el => el.dataset.ready === 'true')"""


def wait_until_rendered(page: Any) -> None:
    """Fonts loaded, images decoded, every formula typeset and every explorable ready (or given up
    on after 5 s, which the tests then report with the page's details)."""
    try:
        page.wait_for_function(READY_JS, timeout=5000)
    except Exception:  # unrendered math, a broken image or a widget not ready is reported by its test
        pass


def axe_schemes(path: str, viewport: str) -> list[str]:
    """Where axe runs. Colours do not depend on the width: the dark scheme at desktop width only.
    At phone width the English pages share the Korean pages' templates and CSS, so only CI
    (CI=true) runs axe on them too; English-specific risk (Hangul outside lang="ko") is checked
    statically in tests/test_editions.py."""
    if viewport == "desktop":
        return list(SCHEMES)
    english = edition_page(path) != path
    return ["light"] if not english or os.environ.get("CI") == "true" else []


def use_scheme(page: Any, scheme: str) -> None:
    """Switch the system colour scheme; Material's "follow the system" palette follows it live."""
    page.emulate_media(color_scheme=scheme)
    page.wait_for_function(
        f"document.body.getAttribute('data-md-color-scheme') === {SCHEMES[scheme]!r}", timeout=5000
    )


# Scroll through the page a screen at a time, then back to the top, as a reader does before axe
# judges it. Blocks off screen are skipped by content-visibility, so formula_scroll.js can only tell
# which of their formulas overflow (and make those tab stops) once they are shown; axe measuring a
# skipped formula would otherwise see a scrollable region that no reader reaches without the block.
READ_THROUGH_JS = """async () => {
    const frame = () => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
    for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight) {
        scrollTo({top: y, behavior: "instant"});
        await frame();
    }
    scrollTo({top: 0, behavior: "instant"});
    await frame();
}"""


def run_axe(page: Any) -> list[dict[str, Any]]:
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_JS))
    violations: list[dict[str, Any]] = page.evaluate(
        """async () => (await axe.run(document, {resultTypes: ['violations']})).violations.map(v => ({
            id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.map(n => ({target: n.target.join(' '),
                                      summary: n.failureSummary.split('\\n').slice(1).join(' ').trim()}))}))"""
    )
    return violations


# Bring an element into view as a reader would: scroll to each closed fold around it and open it,
# then scroll to the element until it stays on screen a while. (A fold opened off screen keeps its
# closed height, as blocks skipped off screen by content-visibility keep their last size; blocks
# above take their real height once shown, and a widget in an opened fold grows once built: both
# move the element.) True once it stayed on screen.
SHOW_JS = """async el => {
  const settle = () => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 100))));
  const folds = [];
  for (let d = el.closest('details'); d; d = d.parentElement.closest('details')) folds.unshift(d);
  for (const fold of folds.filter(d => !d.open)) {
    fold.scrollIntoView({block: 'center', behavior: 'instant'});
    await settle();
    fold.open = true;
  }
  let onScreen = 0;
  for (let i = 0; i < 40 && onScreen < 3; i++) {
    const box = el.getBoundingClientRect();
    if (box.bottom > 0 && box.top < innerHeight) onScreen += 1;
    else { onScreen = 0; el.scrollIntoView({block: 'center', behavior: 'instant'}); }
    await settle();
  }
  return onScreen >= 3;
}"""


def check_copy_buttons(page: Any, blocks: list[dict[str, Any]]) -> list[str]:
    """Go to each code block as a reader does (opening its folds) and click its copy button; the
    clipboard must then hold exactly the block's code. Material mounts a block's button when the
    block first comes into view (content.lazy in mkdocs.yml), so a block never shown has none."""
    failures = []
    codes = page.locator(".md-content pre > code")
    for block in blocks:
        code = codes.nth(block["index"])
        if not code.evaluate(SHOW_JS):
            failures.append(f"code block #{block['index']} never stays on screen: {block['text'][:60]!r}")
            continue
        button = code.locator("xpath=..").locator("[data-clipboard-target]")
        try:
            button.wait_for(state="visible", timeout=5000)
        except PlaywrightTimeoutError:
            failures.append(
                f"code block #{block['index']} has no copy button once shown: {block['text'][:60]!r}"
            )
            continue
        page.evaluate("navigator.clipboard.writeText('(clipboard not written)')")
        button.click()
        copied = page.evaluate("navigator.clipboard.readText()")
        if copied != block["text"].rstrip():
            failures.append(
                f"copy button of block #{block['index']} put {copied[:80]!r}, expected {block['text'][:80]!r}"
            )
    return failures


def screenshot_path(path: str, viewport: str) -> Path:
    page = edition_page(path)
    return SCREENSHOTS / edition_of(path) / viewport / f"{page.strip('/').replace('/', '__') or 'index'}.png"


def visit(page: Any, recorder: Recorder, site_url: str, path: str, viewport: str) -> Visit:
    """Load the page once in the light scheme and record everything the tests judge; then, where a
    probe or axe needs it, switch to the dark scheme on the same load. Where axe runs, the page is
    first scrolled through once (READ_THROUGH_JS): axe and the probes judge a page that was read."""
    recorder.clear()
    url = site_url + path
    page.emulate_media(color_scheme="light")  # a previous visit may have left the page dark
    response = page.goto(url, wait_until="load")
    wait_until_rendered(page)
    dom: dict[str, Any] = page.evaluate(INSPECT_JS)
    screenshot = None
    if os.environ.get("SCREENSHOTS") == "1":
        # Before the clicks, which scroll the page and leave a button focused.
        screenshot = screenshot_path(path, viewport)
        page.screenshot(path=str(screenshot), full_page=True)
    # Material's clipboard code does not depend on the width: every block is checked at desktop width.
    copy_failures = check_copy_buttons(page, dom["codeBlocks"]) if viewport == "desktop" else None
    axe_in = axe_schemes(path, viewport)
    probes = [p for p in PROBES.values() if p.where(path, viewport)]
    records: dict[str, dict[str, Any]] = {}
    axe_violations: list[dict[str, Any]] = []
    if axe_in:
        page.evaluate(READ_THROUGH_JS)
    for scheme in SCHEMES:
        wanted = [p for p in probes if scheme in p.schemes]
        if not wanted and scheme not in axe_in:
            continue
        if scheme != "light":
            use_scheme(page, scheme)
        for p in wanted:
            records.setdefault(p.name, {})[scheme] = p.run(page, viewport, scheme)
        if scheme in axe_in:
            axe_violations += [dict(v, scheme=scheme) for v in run_axe(page)]
    return Visit(
        path=path,
        viewport=viewport,
        url=url,
        status=response.status if response else None,
        requests=list(recorder.requests),
        foreign_requests=recorder.foreign_requests(),
        failed_requests=list(recorder.failed),
        console_errors=list(recorder.console_errors),
        dom=dom,
        axe_violations=axe_violations,
        axe_schemes=axe_in,
        copy_failures=copy_failures,
        screenshot=screenshot,
        probes=records,
    )


def problems_report(title: str, problems: dict[str, list[str]]) -> str:
    """One readable failure message: each page with what is wrong there."""
    lines = [title]
    for name, items in problems.items():
        lines.append(f"  {name}:")
        lines.extend(f"    - {item}" for item in items)
    return "\n".join(lines)


def config_of(page: Any) -> dict[str, Any]:
    """Material's page configuration (features, search worker, ...)."""
    config: dict[str, Any] = json.loads(page.locator("#__config").text_content())
    return config


NAV_LINKS = ".md-sidebar--primary a.md-nav__link"


def wait_for_instant_navigation(page: Any) -> None:
    """Wait until a click on a link can be an instant navigation: Material intercepts only links to
    pages in its sitemap, which it fetches after the page loaded. A click before that is left to
    the browser (a full reload), or is taken over late, while the browser already navigates."""
    page.wait_for_function(
        "performance.getEntriesByType('resource').some(e => e.name.endsWith('/sitemap.xml'))"
    )


def follow_nav_link(page: Any, url: str) -> None:
    """Click the primary nav's link to `url` (instant navigation) and wait for the new content."""
    wait_for_instant_navigation(page)
    links = page.locator(NAV_LINKS)
    index = links.evaluate_all("(links, url) => links.findIndex(a => a.href === url)", url)
    assert index >= 0, f"no navigation link to {url}"
    old = page.locator("[data-md-component=container]").element_handle()
    links.nth(index).click()
    page.wait_for_url(url)
    page.wait_for_function("old => !old.isConnected", arg=old)  # the URL changes before the content
    wait_until_rendered(page)
