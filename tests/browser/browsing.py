"""Helpers for the browser tests: launching Chromium, recording a page visit, reporting."""

from __future__ import annotations

import http.server
import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from editions import EDITIONS

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
INSPECT_JS = (HERE / "inspect_page.js").read_text(encoding="utf-8")
SCREENSHOTS = ROOT / "screenshots"

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
    copy_failures: list[str]
    screenshot: Path

    @property
    def name(self) -> str:
        return f"/{self.path} @ {self.viewport}"


def wait_until_rendered(page: Any) -> None:
    """Network quiet, fonts loaded and every formula typeset (or given up on, which the tests report)."""
    page.wait_for_load_state("networkidle")
    page.evaluate("document.fonts.ready.then(() => true)")
    try:
        page.wait_for_function(
            "() => [...document.querySelectorAll('.arithmatex')].every(el => el.querySelector('.katex, .katex-error'))",
            timeout=5000,
        )
    except Exception:  # unrendered math is reported by the math test, with the formulas
        pass


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


def run_axe_in_schemes(page: Any, dark_too: bool) -> list[dict[str, Any]]:
    """axe in the light scheme, then (`dark_too`) in the dark one (Material's palette switches the
    body's data-md-color-scheme; the CSS follows that attribute), each violation tagged with its scheme."""
    light = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    violations = [dict(v, scheme=light) for v in run_axe(page)]
    if not dark_too:
        return violations
    page.evaluate("document.body.setAttribute('data-md-color-scheme', 'slate')")
    try:
        violations += [dict(v, scheme="slate") for v in run_axe(page)]
    finally:
        page.evaluate(f"document.body.setAttribute('data-md-color-scheme', {light!r})")
    return violations


def check_copy_buttons(page: Any, blocks: list[dict[str, Any]]) -> list[str]:
    """Click each code block's copy button; the clipboard must then hold exactly the block's code."""
    failures = []
    for block in blocks:
        if not block["button"]:
            failures.append(f"code block #{block['index']} has no copy button: {block['text'][:60]!r}")
            continue
        page.evaluate("navigator.clipboard.writeText('(clipboard not written)')")
        button = page.locator(f"[data-clipboard-target='{block['button']}']")
        button.click()
        copied = page.evaluate("navigator.clipboard.readText()")
        if copied != block["text"].rstrip():
            failures.append(
                f"copy button of block #{block['index']} put {copied[:80]!r}, expected {block['text'][:80]!r}"
            )
    return failures


def visit(page: Any, recorder: Recorder, site_url: str, path: str, viewport: str) -> Visit:
    recorder.clear()
    url = site_url + path
    response = page.goto(url, wait_until="load")
    wait_until_rendered(page)
    dom: dict[str, Any] = page.evaluate(INSPECT_JS)
    # The screenshot comes before the clicks, which scroll the page and leave a button focused.
    screenshot = SCREENSHOTS / viewport / f"{path.strip('/').replace('/', '__') or 'index'}.png"
    page.screenshot(path=str(screenshot), full_page=True)
    copy_failures = check_copy_buttons(page, dom["codeBlocks"])
    # Colours do not depend on the width: the dark scheme is checked once, at desktop width.
    axe_violations = run_axe_in_schemes(page, dark_too=viewport == "desktop")
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
        copy_failures=copy_failures,
        screenshot=screenshot,
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


def follow_nav_link(page: Any, url: str) -> None:
    """Click the primary nav's link to `url` (instant navigation) and wait for the new content."""
    links = page.locator(NAV_LINKS)
    index = links.evaluate_all("(links, url) => links.findIndex(a => a.href === url)", url)
    assert index >= 0, f"no navigation link to {url}"
    old = page.locator("[data-md-component=container]").element_handle()
    links.nth(index).click()
    page.wait_for_url(url)
    page.wait_for_function("old => !old.isConnected", arg=old)  # the URL changes before the content
    wait_until_rendered(page)
