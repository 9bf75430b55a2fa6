"""What the pages' code blocks show the reader: the lesson, not the figure's plumbing (the snippet's
CAPTION, ALT, figure() and __main__ part stay in the file, out of the page's `lesson` section)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from editions import EDITIONS

from page_blocks import ROOT, collect_blocks, pages

PAGES = [page for edition in EDITIONS for page in pages(edition.docs)]
PLUMBING = re.compile(r"^(CAPTION\s*=|ALT\s*=|def figure\(|if __name__ == .__main__.:)", re.MULTILINE)


@pytest.mark.parametrize("page", PAGES, ids=[p.relative_to(ROOT).as_posix() for p in PAGES])
def test_no_code_block_shows_figure_plumbing(page: Path) -> None:
    shown = [block for block in collect_blocks(page) if block.shown_source is not None]
    plumbing = [
        f"{block.label}: {m.group(0)}" for block in shown for m in PLUMBING.finditer(block.shown_source or "")
    ]
    assert not plumbing, plumbing
