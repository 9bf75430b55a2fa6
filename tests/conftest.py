"""Shared fixtures and the test run's grouping. The site (both editions) is built once per run and
shared by every site test; pytest-xdist sends the tests to its workers in groups (xdist_group)."""

from __future__ import annotations

import fcntl
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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
    build_seconds: float  # both editions, built side by side
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


def shared_folder(tmp_path_factory: pytest.TempPathFactory, name: str) -> Path:
    """A folder every pytest-xdist worker of this run sees (a run without workers: its own)."""
    if os.environ.get("PYTEST_XDIST_WORKER"):
        folder = tmp_path_factory.getbasetemp().parent / name  # the run's folder, above each worker's
        folder.mkdir(exist_ok=True)
        return folder
    return tmp_path_factory.mktemp(name)


def once_per_run(
    tmp_path_factory: pytest.TempPathFactory, name: str, make: Callable[[Path], Any]
) -> tuple[Path, Any]:
    """`make(folder)` once per test run: the first worker to ask runs it while the others wait on
    the lock, then all get the folder and what `make` returned (kept as JSON beside the folder), or
    all fail with the message it failed with."""
    folder = shared_folder(tmp_path_factory, name)
    with open(folder.parent / f"{folder.name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        record = folder.parent / f"{folder.name}.json"
        if not record.is_file():
            try:
                result = {"made": make(folder)}
            except (Exception, pytest.fail.Exception) as error:  # every worker fails with its message
                result = {"failed": str(error)}
            record.write_text(json.dumps(result), encoding="utf-8")
        result = json.loads(record.read_text(encoding="utf-8"))
    if "failed" in result:
        pytest.fail(result["failed"], pytrace=False)
    return folder, result["made"]


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """`mkdocs build --strict` of both editions, once per run; any warning fails it."""
    site = BASE_PATH.strip("/")
    root, seconds = once_per_run(tmp_path_factory, "served", lambda root: build_both_editions(root / site))
    return BuiltSite(
        root=root,
        dir=root / site,
        base_path=BASE_PATH,
        build_seconds=max(seconds.values()),
        edition_seconds=seconds,
    )


def build_both_editions(site_dir: Path) -> dict[str, float]:
    """Build the editions side by side, each into its own folder (a build empties its folder
    first), then put each where `./dev build` puts it; {lang: seconds}."""
    env = {**os.environ, "SITE_URL": f"http://127.0.0.1:8000{BASE_PATH}", "NO_MKDOCS_2_WARNING": "1"}
    apart = Path(tempfile.mkdtemp(prefix="editions-", dir=site_dir.parent.parent))
    builds = {}
    for edition in EDITIONS:
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(edition.config)]
        builds[edition] = subprocess.Popen(
            [*command, "--site-dir", str(apart / edition.lang)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
    start, seconds, failures = time.perf_counter(), {}, []
    for edition, build in builds.items():
        stdout, stderr = build.communicate()
        seconds[edition.lang] = time.perf_counter() - start
        if build.returncode != 0:
            failures.append(f"mkdocs build --strict -f {edition.config.name} failed:\n{stdout}\n{stderr}")
    if failures:
        pytest.fail("\n".join(failures), pytrace=False)
    # The root edition first: the others go inside it.
    for edition in sorted(EDITIONS, key=lambda e: len(e.path)):
        (apart / edition.lang).rename(site_dir / edition.path)
    apart.rmdir()
    return seconds


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
    """One strict build per run of the small copy holding every good control (small_site.good_small_site)."""

    def build(folder: Path) -> dict[str, str]:
        site = good_small_site(folder)
        return {"project": str(site.project), "output": site.output}

    _, site = once_per_run(tmp_path_factory, "good", build)
    return GoodSite(Path(site["project"]), site["output"])


# pytest-xdist (pyproject.toml: -n auto --dist loadfile) sends a file's tests to one worker, where they
# share the file's fixtures. The tests judging one edition's page visits come from several files, and
# the visits are made once per worker that needs them (tests/browser/conftest.py): they are a unit of
# their own, and the first ones sent, so the two editions' visits start side by side.
VISITS = re.compile(r"\[(?:.*-)?(visits-[a-z]+)(?:-.*)?\]$")  # the `visits` fixture's parameter ids


def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> Any:
    if config.getvalue("dist") != "loadfile":
        return None  # pytest-xdist's own choice
    from xdist.scheduler import LoadFileScheduling

    class ByFileAndEditionVisits(LoadFileScheduling):
        def _split_scope(self, nodeid: str) -> str:
            visits = VISITS.search(nodeid)
            return visits[1] if visits else super()._split_scope(nodeid)

    return ByFileAndEditionVisits(config, log)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    items.sort(key=lambda item: not VISITS.search(item.nodeid))  # stable: otherwise as collected
