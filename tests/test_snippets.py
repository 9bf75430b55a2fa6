"""Every snippet runs on its own, as a reader runs it, and every snippet is shown on a page."""

from __future__ import annotations

import os
import re
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


def test_there_are_snippets() -> None:
    assert SNIPPETS, "snippets/ holds no .py file"


@pytest.mark.parametrize("snippet", SNIPPETS, ids=[s.name for s in SNIPPETS])
def test_snippet_runs_standalone(snippet: Path, tmp_path: Path) -> None:
    env = {**os.environ, "MPLBACKEND": "Agg"}
    env.pop("PYTHONPATH", None)  # only what is installed, like a reader's environment
    result = subprocess.run(
        [sys.executable, str(snippet)], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, f"python snippets/{snippet.name} failed:\n{result.stdout}\n{result.stderr}"


@pytest.mark.parametrize("snippet", SNIPPETS, ids=[s.name for s in SNIPPETS])
def test_snippet_is_embedded_by_a_page(snippet: Path) -> None:
    assert f"snippets/{snippet.name}" in included_snippets(), f"no page embeds snippets/{snippet.name}"
