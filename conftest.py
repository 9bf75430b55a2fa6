"""Examples outside the chapter pages run as tests (pytest-markdown-docs, without --markdown-docs):
every ```python fence in the docstrings of src/whybackprop/ and in README.md and CONTRIBUTING.md.

The pages in docs/ have their own harness (tests/support/page_blocks.py), which understands includes,
admonitions and tabs."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytest_markdown_docs.plugin import MarkdownDocstringCodeModule, MarkdownTextFile

HERE = Path(__file__).resolve().parent
PACKAGE = HERE / "src" / "whybackprop"
MARKDOWN = {HERE / "README.md", HERE / "CONTRIBUTING.md"}


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    if file_path.suffix == ".py" and file_path.parent == PACKAGE:
        return MarkdownDocstringCodeModule.from_parent(parent, path=file_path)
    if file_path in MARKDOWN:
        return MarkdownTextFile.from_parent(parent, path=file_path)
    return None
