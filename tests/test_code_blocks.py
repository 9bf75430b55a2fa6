"""What the pages' code blocks show the reader.

- The lesson, not the figure's plumbing: a snippet's CAPTION, ALT, figure() and __main__ part stay in
  the file, out of the `lesson` section its page includes.
- The lines a reader needs fit a 390 px phone without sideways scrolling. There a code block holds
  PHONE_COLUMNS characters of the code font (43.7 measured in Chromium: 358 px of 8.18 px
  characters), and a Hangul syllable is about 1.6 characters wide (1.56 measured). The rule: every
  line of a loop (`for`/`while`, header and body) in a shown block, and every line a block prints
  onto the page, is at most PHONE_COLUMNS wide. Other code may scroll.
"""

from __future__ import annotations

import ast
import re
import unicodedata
from pathlib import Path

import pytest

from editions import EDITIONS
from page_blocks import ROOT, Block, _run, collect_blocks, pages

PAGES = [page for edition in EDITIONS for page in pages(edition.docs)]
PAGE_IDS = [page.relative_to(ROOT).as_posix() for page in PAGES]
PHONE_COLUMNS = 43
WIDE_CHARACTER = 1.6  # columns of a Hangul syllable (or any East Asian wide character) in the code font
PLUMBING = re.compile(r"^(CAPTION\s*=|ALT\s*=|def figure\(|if __name__ == .__main__.:)", re.MULTILINE)


@pytest.mark.parametrize("page", PAGES, ids=PAGE_IDS)
def test_no_code_block_shows_figure_plumbing(page: Path) -> None:
    shown = [block for block in collect_blocks(page) if block.shown_source is not None]
    plumbing = [
        f"{block.label}: {m.group(0)}" for block in shown for m in PLUMBING.finditer(block.shown_source or "")
    ]
    assert not plumbing, plumbing


def columns(line: str) -> float:
    """How wide `line` is in a code block, in columns of the code font."""
    return sum(WIDE_CHARACTER if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


def loop_lines(source: str) -> set[int]:
    """The 1-based numbers of the lines inside a `for` or `while` loop of `source`."""
    return {
        line
        for node in ast.walk(ast.parse(source))
        if isinstance(node, (ast.For, ast.While))
        for line in range(node.lineno, (node.end_lineno or node.lineno) + 1)
    }


def too_wide(block: Block, output: str) -> list[str]:
    found = []
    shown = block.shown_source
    if shown is not None:
        lines = shown.split("\n")
        found += [
            f"{block.label}, loop line {n} ({columns(lines[n - 1]):g} columns): {lines[n - 1]}"
            for n in sorted(loop_lines(shown))
            if columns(lines[n - 1]) > PHONE_COLUMNS
        ]
    if block.exec_at_build:  # markdown-exec shows what it printed
        found += [
            f"{block.label}, output ({columns(line):g} columns): {line}"
            for line in output.split("\n")
            if columns(line) > PHONE_COLUMNS
        ]
    return found


def test_the_column_count_reads_hangul_as_wide() -> None:
    assert columns("for x in xs:") == 12
    assert columns("손실 0.5") == 2 * WIDE_CHARACTER + 4
    assert loop_lines("a = 1\nfor i in range(2):\n    print(i)\nb = 2\n") == {2, 3}


@pytest.mark.parametrize("page", PAGES, ids=PAGE_IDS)
def test_loops_and_printed_lines_fit_a_phone(page: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # where the build runs the blocks
    monkeypatch.setenv("MPLBACKEND", "Agg")
    sessions: dict[str, dict] = {}
    found = []
    for block in collect_blocks(page):
        if block.not_run_reason is None:
            found += too_wide(block, _run(block, sessions))
    assert not found, f"{len(found)} lines wider than {PHONE_COLUMNS} columns:\n" + "\n".join(found)
