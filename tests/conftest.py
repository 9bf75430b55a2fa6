"""Shared fixtures. The site is built once per test session and shared by every site test."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# The site is built as GitHub Pages serves it: under a sub-path of its origin.
BASE_PATH = "/whybackprop/"


@dataclass(frozen=True)
class BuiltSite:
    root: Path  # serve this folder: the site is at root / BASE_PATH
    dir: Path  # the built site itself (index.html, sitemap.xml, ...)
    base_path: str  # e.g. "/whybackprop/"
    build_seconds: float


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """`mkdocs build --strict` of the whole site, once; any warning fails it."""
    import time

    root = tmp_path_factory.mktemp("served")
    site_dir = root / BASE_PATH.strip("/")
    env = {**os.environ, "SITE_URL": f"http://127.0.0.1:8000{BASE_PATH}", "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}", pytrace=False)
    return BuiltSite(root=root, dir=site_dir, base_path=BASE_PATH, build_seconds=seconds)
