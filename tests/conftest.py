"""Shared fixtures. The site (both editions) is built once per test session and shared by every site test."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from editions import EDITIONS

from small_site import GoodSite, good_small_site

ROOT = Path(__file__).resolve().parent.parent
# The site is built as GitHub Pages serves it: under a sub-path of its origin.
BASE_PATH = "/whybackprop/"


@dataclass(frozen=True)
class BuiltSite:
    root: Path  # serve this folder: the site is at root / BASE_PATH
    dir: Path  # the built site itself (index.html, sitemap.xml, ...)
    base_path: str  # e.g. "/whybackprop/"
    build_seconds: float  # both editions
    edition_seconds: dict[str, float]  # by language

    def edition_dir(self, lang: str) -> Path:
        """Where an edition was built: dir for Korean, dir / "en" for English."""
        return self.dir / next(e.path for e in EDITIONS if e.lang == lang)


@pytest.fixture(scope="module")
def at_repository_root() -> Iterator[None]:
    """Run in the repository root, as the build does (hooks/values read the benchmark's results by path)."""
    previous = Path.cwd()
    os.chdir(ROOT)
    yield
    os.chdir(previous)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """`mkdocs build --strict` of both editions, once, as `./dev build` does (Korean first: it
    cleans the folder); any warning fails it."""
    import time

    root = tmp_path_factory.mktemp("served")
    site_dir = root / BASE_PATH.strip("/")
    env = {**os.environ, "SITE_URL": f"http://127.0.0.1:8000{BASE_PATH}", "NO_MKDOCS_2_WARNING": "1"}
    seconds = {}
    for edition in EDITIONS:
        start = time.perf_counter()
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(edition.config)]
        result = subprocess.run(
            [*command, "--site-dir", str(site_dir / edition.path)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
        )
        seconds[edition.lang] = time.perf_counter() - start
        if result.returncode != 0:
            pytest.fail(
                f"mkdocs build --strict -f {edition.config.name} failed:\n{result.stdout}\n{result.stderr}",
                pytrace=False,
            )
    return BuiltSite(
        root=root,
        dir=site_dir,
        base_path=BASE_PATH,
        build_seconds=sum(seconds.values()),
        edition_seconds=seconds,
    )


@pytest.fixture(scope="session")
def repository_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's folders a snippet or page block reads (snippets/, benchmarks/), laid out as
    in a clone; the figures they save land here, not in the working tree."""
    root = tmp_path_factory.mktemp("repository")
    for folder in ("snippets", "benchmarks"):
        shutil.copytree(ROOT / folder, root / folder, ignore=shutil.ignore_patterns("__pycache__"))
    return root


@pytest.fixture(scope="session")
def good_site(tmp_path_factory: pytest.TempPathFactory) -> GoodSite:
    """One strict build of the small copy holding every good control (small_site.good_small_site)."""
    return good_small_site(tmp_path_factory.mktemp("good"))
