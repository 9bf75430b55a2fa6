"""Every snippet is shown on a page of its edition: snippets/NAME.py on a Korean page (docs/),
snippets/en/NAME.py on an English one (docs_en/). That every snippet runs on its own, as a reader
runs it (`python snippets/NAME.py`), is proved by tests/test_snippet_pairs.py, which runs each pair
that way to compare their numbers."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


KOREAN = sorted((ROOT / "snippets").glob("*.py"))
ENGLISH = sorted((ROOT / "snippets" / "en").glob("*.py"))
SNIPPETS = KOREAN + ENGLISH
PAGES = {"snippets": "docs", "snippets/en": "docs_en"}  # each edition's snippets and the folder of its pages
# `--8<-- "snippets/x.py"` (optionally with a section or line range after a colon).
INCLUDE = re.compile(r"""--8<--\s+["']?(snippets/[^"':\s]+\.py)""")


def relative(snippet: Path) -> str:
    return snippet.relative_to(ROOT).as_posix()


def included_snippets(pages_folder: str) -> set[str]:
    pages = [*(ROOT / pages_folder).rglob("*.md")]
    return {match for page in pages for match in INCLUDE.findall(page.read_text(encoding="utf-8"))}


def test_there_are_snippets() -> None:
    assert KOREAN, "snippets/ holds no .py file"
    assert ENGLISH, "snippets/en/ holds no .py file"


@pytest.mark.parametrize("snippet", SNIPPETS, ids=[relative(s) for s in SNIPPETS])
def test_snippet_is_embedded_by_a_page_of_its_edition(snippet: Path) -> None:
    pages = PAGES[snippet.parent.relative_to(ROOT).as_posix()]
    assert relative(snippet) in included_snippets(pages), f"no page in {pages}/ embeds {relative(snippet)}"


@pytest.mark.parametrize("pages", PAGES.values())
def test_pages_embed_only_their_own_edition_s_snippets(pages: str) -> None:
    folder = next(snippets for snippets, docs in PAGES.items() if docs == pages)
    foreign = sorted(path for path in included_snippets(pages) if path.rpartition("/")[0] != folder)
    assert not foreign, f"{pages}/ embeds snippets of the other edition: {foreign}"
