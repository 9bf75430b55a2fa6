"""Every snippet runs on its own, as a reader runs it, and every snippet is shown on a page."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


SNIPPETS = sorted((ROOT / "snippets").glob("*.py"))
# `--8<-- "snippets/x.py"` (optionally with a section or line range after a colon).
INCLUDE = re.compile(r"""--8<--\s+["']?(snippets/[^"':\s]+\.py)""")


def included_snippets() -> set[str]:
    pages = [*(ROOT / "docs").rglob("*.md")]
    return {match for page in pages for match in INCLUDE.findall(page.read_text(encoding="utf-8"))}


@pytest.fixture(scope="module")
def repository_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folders a snippet may read, laid out as in the repository (figures it saves land here)."""
    root = tmp_path_factory.mktemp("repository")
    for folder in ("snippets", "benchmarks"):
        shutil.copytree(ROOT / folder, root / folder, ignore=shutil.ignore_patterns("__pycache__"))
    return root


def test_there_are_snippets() -> None:
    assert SNIPPETS, "snippets/ holds no .py file"


@pytest.mark.parametrize("snippet", SNIPPETS, ids=[s.name for s in SNIPPETS])
def test_snippet_runs_standalone(snippet: Path, repository_copy: Path) -> None:
    # As the README says: `python snippets/NAME.py` from the repository's top folder.
    env = {**os.environ, "MPLBACKEND": "Agg"}
    env.pop("PYTHONPATH", None)  # only what is installed, like a reader's environment
    result = subprocess.run(
        [sys.executable, f"snippets/{snippet.name}"],
        cwd=repository_copy,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, f"python snippets/{snippet.name} failed:\n{result.stdout}\n{result.stderr}"


@pytest.mark.parametrize("snippet", SNIPPETS, ids=[s.name for s in SNIPPETS])
def test_snippet_is_embedded_by_a_page(snippet: Path) -> None:
    assert f"snippets/{snippet.name}" in included_snippets(), f"no page embeds snippets/{snippet.name}"
