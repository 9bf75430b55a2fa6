"""The built site in headless Chromium, as readers see it.

One browser per test worker. The folder served holds both editions (Korean at the site's root,
English in its en/), as the deploy does. Every page of both (from their sitemaps) is visited once per
viewport, an edition at a time (the `visits` fixture is parametrized by edition); each visit records
what the page requested, logged and rendered, clicks the copy buttons (desktop), runs axe-core and
every registered probe (browsing.probe), in the light scheme and, where needed, in the dark one on
the same load; SCREENSHOTS=1 also saves a full-page screenshot (screenshots/LANG/VIEWPORT/). The
tests then judge these records, so adding a check costs no page load.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from browsing import (
    AXE_JS,
    CHROMIUM,
    CHROMIUM_ARGS,
    SCREENSHOTS,
    VIEWPORTS,
    SiteHandler,
    Visit,
    edition_of,
    recorded_page,
    unavailable,
    visit,
)

from editions import EDITIONS


@pytest.fixture(scope="session")
def origin(built_site: Any) -> Iterator[str]:
    """Serve the folder holding the site, so the site lives under its sub-path as on GitHub Pages."""

    class Handler(SiteHandler):
        pass

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Handler, directory=str(built_site.root))
    )
    Handler.built_origin = built_origin(built_site)
    Handler.served_origin = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield Handler.served_origin
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def site_url(origin: str, built_site: Any) -> str:
    return origin + built_site.base_path


def sitemap_urls(built_site: Any, edition_path: str = "") -> list[str]:
    """The pages an edition's sitemap lists (edition_path "": Korean, "en/": English)."""
    sitemap = built_site.dir / edition_path / "sitemap.xml"
    assert sitemap.is_file(), "the built site has no sitemap.xml to list its pages"
    ns = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    urls = [(loc.text or "").strip() for loc in ET.parse(sitemap).getroot().iterfind("sm:url/sm:loc", ns)]
    assert urls, "sitemap.xml lists no page"
    return urls


def built_origin(built_site: Any) -> str:
    """scheme://host:port of the `site_url` the site was built for."""
    url = urlsplit(sitemap_urls(built_site)[0])
    return f"{url.scheme}://{url.netloc}"


@pytest.fixture(scope="session")
def page_paths(built_site: Any) -> list[str]:
    """Every page of both editions, relative to the site's base (e.g. "" for home, "learning/",
    "en/learning/")."""
    paths = []
    for url in [url for edition in EDITIONS for url in sitemap_urls(built_site, edition.path)]:
        path = urlsplit(url).path
        assert path.startswith(built_site.base_path), f"sitemap entry {url} is outside {built_site.base_path}"
        paths.append(path[len(built_site.base_path) :])
    return paths


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError as error:
        unavailable(f"Playwright is not installed ({error})")
    if not Path(CHROMIUM).is_file():
        unavailable(f"no Chromium at {CHROMIUM}")
    with sync_playwright() as playwright:
        try:
            # Playwright gives every launch a fresh temporary profile (--user-data-dir).
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        except Error as error:
            unavailable(f"Chromium at {CHROMIUM} does not start: {error.message.splitlines()[0]}")
        yield browser
        browser.close()


@pytest.fixture(
    scope="session",
    params=[edition.lang for edition in EDITIONS],
    ids=[f"visits-{edition.lang}" for edition in EDITIONS],  # tests/conftest.py schedules by these
)
def visits(
    request: pytest.FixtureRequest, browser: Any, origin: str, site_url: str, page_paths: list[str]
) -> list[Visit]:
    """Every page of one edition at every viewport, visited once in one context per viewport. One
    set per edition: each test that judges visits runs once per edition, and pytest-xdist runs the
    two sets on two workers side by side (tests/conftest.py: VISITS)."""
    assert AXE_JS.is_file(), f"axe-core is missing ({AXE_JS}); run `npm ci`"
    edition = next(e for e in EDITIONS if e.lang == request.param)
    paths = [path for path in page_paths if edition_of(path) == edition.lang]
    results = []
    for viewport in VIEWPORTS:
        folder = SCREENSHOTS / edition.lang / viewport
        if os.environ.get("SCREENSHOTS") == "1":
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir(parents=True)
        context, page, recorder = recorded_page(browser, viewport, origin)
        for path in paths:
            results.append(visit(page, recorder, site_url, path, viewport))
        context.close()
    return results
