"""A tiny copy of the project (its real mkdocs.yml and hooks around one-line pages) that builds in
seconds: for tests that must see the build itself fail."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from mkdocs.config import load_config

ROOT = Path(__file__).resolve().parent.parent


def nav_pages(config: str = "mkdocs.yml") -> list[tuple[str, str]]:
    """(title, src_uri) of every page in the nav of `config` (mkdocs.yml: Korean), in order."""
    found = []

    def walk(items: list) -> None:
        for item in items:
            if isinstance(item, str):
                found.append((item, item))
            else:
                for title, value in item.items():
                    walk(value) if isinstance(value, list) else found.append((title, value))

    walk(load_config(str(ROOT / config))["nav"])
    return found


def small_copy_of_the_project(tmp_path: Path) -> Path:
    """The project's real configuration and hooks around tiny pages: builds in seconds."""
    project = tmp_path / "project"
    docs = project / "docs"
    shutil.copytree(ROOT / "hooks", project / "hooks", ignore=shutil.ignore_patterns("__pycache__"))
    for config in ("mkdocs.yml", "mkdocs.en.yml"):
        shutil.copy(ROOT / config, project)
    shutil.copytree(ROOT / "docs" / "stylesheets", docs / "stylesheets")
    (project / "node_modules").mkdir()
    (project / "node_modules/katex").symlink_to(ROOT / "node_modules/katex")
    # Every page has its twin in docs_en/ (hooks/i18n.py requires it), with the same tiny text.
    for folder in (docs, project / "docs_en"):
        folder.mkdir(exist_ok=True)
        for title, src_uri in nav_pages():
            if src_uri.endswith(".ipynb"):
                cell = {"cell_type": "markdown", "metadata": {}, "source": [f"# {title}"]}
                notebook = {"cells": [cell], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
                (folder / src_uri).write_text(json.dumps(notebook), encoding="utf-8")
            else:
                (folder / src_uri).write_text(f"# {title}\n\n## 둘째 제목\n", encoding="utf-8")
    return project


def strict_build(project: Path, config: str = "mkdocs.yml") -> subprocess.CompletedProcess[str]:
    """Build the small copy's edition of `config` into its site/ (site/en/ for English)."""
    site = project / "site" / ("" if config == "mkdocs.yml" else "en")
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", config, "--site-dir", str(site)],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
    )
