"""Every Python block of every page of both editions runs; the built site shows no Python block that
was not run; the blocks a reader sees run pasted into a notebook; and they show the lesson, in lines
that fit a phone (the last section)."""

from __future__ import annotations

import ast
import json
import os
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from editions import EDITIONS, Edition
from page_blocks import (
    PYTHON_LANGUAGES,
    ROOT,
    Block,
    PageBlockError,
    collect_blocks,
    page_run,
    pages,
    run_blocks,
)
from site_html import html_of_page, parse

CANARY = Path(__file__).parent / "canary"
PAGES = [page for edition in EDITIONS for page in pages(edition.docs)]  # docs/..., then docs_en/...
NOTEBOOKS = [notebook for edition in EDITIONS for notebook in sorted(edition.docs.rglob("*.ipynb"))]


def edition_of(path: Path) -> Edition:
    return next(edition for edition in EDITIONS if path.is_relative_to(edition.docs))


def page_id(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


@pytest.fixture
def clean_run(monkeypatch: pytest.MonkeyPatch) -> None:
    """Blocks run as the build runs them: from the project root (markdown-exec's working
    directory, so paths like "snippets/x.py" resolve), with no display."""
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("MPLBACKEND", "Agg")


def run_page(page: Path) -> tuple[tuple[Block, str], ...]:
    """The page's blocks run as the build runs them (once per process: page_run), each with its output."""
    failure = None
    try:
        return page_run(page)
    except PageBlockError as error:
        failure = str(error)
    pytest.fail(failure, pytrace=False)


@pytest.mark.usefixtures("clean_run")
@pytest.mark.parametrize("page", PAGES, ids=[page_id(p) for p in PAGES])
def test_every_python_block_of_the_page_runs(page: Path) -> None:
    run_page(page)


def rendered_python(html: Path) -> list[str]:
    parsed = parse(html)
    return [code for language in PYTHON_LANGUAGES for code in parsed.code_of(language)]


def test_built_pages_show_exactly_the_blocks_that_were_run_or_marked(built_site) -> None:
    """Count the Python blocks in the built HTML and match each, by its code, to a collected block."""
    rendered_total = shown_run = not_run = hidden_run = 0
    per_edition: Counter[str] = Counter()
    doc_html = set()
    for page in PAGES:
        edition = edition_of(page)
        src_uri = page.relative_to(edition.docs).as_posix()
        html = html_of_page(built_site.edition_dir(edition.lang), src_uri)
        doc_html.add(html)
        blocks = collect_blocks(page)
        shown = [b.shown_source for b in blocks if b.shown_source is not None]
        rendered = rendered_python(html)
        assert Counter(rendered) == Counter(shown), (
            f"{src_uri}: the built page shows {len(rendered)} Python blocks, the harness found "
            f"{len(shown)} shown ones; shown but not collected: {list(Counter(rendered) - Counter(shown))}; "
            f"collected but not shown: {list(Counter(shown) - Counter(rendered))}"
        )
        rendered_total += len(rendered)
        per_edition[edition.lang] += len(rendered)
        not_run += sum(b.not_run_reason is not None for b in blocks)
        shown_run += sum(b.not_run_reason is None and b.shown_source is not None for b in blocks)
        hidden_run += sum(b.shown_source is None for b in blocks)

    # Python blocks on a built page that is not a Markdown page (notebook cells are counted apart).
    for html in built_site.dir.rglob("*.html"):
        if html not in doc_html:
            assert not rendered_python(html), f"{html.relative_to(built_site.dir)} shows Python no test ran"

    print(
        f"\nPython blocks in the built pages: {rendered_total} = {shown_run} run + {not_run} marked not run; "
        f"plus {hidden_run} run with hidden source (figures, generated prose); by edition: {dict(per_edition)}"
    )
    assert rendered_total == shown_run + not_run
    assert shown_run + hidden_run > 0, "no Python block was found on any page"
    # The twins show the same code, in the reader's language: as many blocks in each edition.
    assert len(set(per_edition.values())) == 1 and len(per_edition) == len(EDITIONS), per_edition


def code_cells(notebook: Path) -> list[dict]:
    return [
        cell
        for cell in json.loads(notebook.read_text(encoding="utf-8"))["cells"]
        if cell["cell_type"] == "code"
    ]


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[page_id(n) for n in NOTEBOOKS])
def test_notebook_is_committed_without_outputs(notebook: Path) -> None:
    for number, cell in enumerate(code_cells(notebook), 1):
        assert cell.get("outputs") == [] and cell.get("execution_count") is None, (
            f"{notebook.name}: code cell {number} has stored outputs; the build makes them"
        )


def test_notebook_code_cells_are_all_executed_by_the_build(built_site) -> None:
    assert len(NOTEBOOKS) >= len(EDITIONS), f"a notebook in each edition: {NOTEBOOKS}"
    for notebook in NOTEBOOKS:
        cells = code_cells(notebook)
        edition = edition_of(notebook)
        site = built_site.edition_dir(edition.lang)
        built = parse(html_of_page(site, notebook.relative_to(edition.docs).as_posix())).notebook_code_cells
        assert len(built) == len(cells), f"{notebook.name}: {len(cells)} code cells, {len(built)} on the page"
        unexecuted = [n for n, cell in enumerate(built, 1) if not re.search(r"In\s*\[\d+\]:", cell.text)]
        assert not unexecuted, f"{notebook.name}: code cells {unexecuted} show no execution count"
        print(f"\n{page_id(notebook)}: {len(cells)} code cells, all executed by the build")


# Canaries: the harness must fail on the pages below, and pass on the control page.


@pytest.mark.usefixtures("clean_run")
def test_canary_control_page_passes_with_every_kind_of_block() -> None:
    blocks = collect_blocks(CANARY / "passing.md")
    ran = [block for block, _ in run_blocks(blocks)]
    assert [b.number for b in ran] == [1, 2, 3, 4]  # include, admonition, tab, details; 5 is notest
    assert blocks[0].source.strip() == (CANARY / "snippet.py").read_text().strip()
    assert blocks[4].not_run_reason


@pytest.mark.usefixtures("clean_run")
@pytest.mark.parametrize(
    ("page", "message"),
    [
        ("failing_block.md", r"Python block 2 failed:(.|\n)*ZeroDivisionError"),
        ("missing_include.md", r"no_such_snippet\.py"),
        ("notest_without_reason.md", r"needs a reason"),
    ],
)
def test_canary_harness_fails(page: str, message: str) -> None:
    with pytest.raises(PageBlockError, match=message):
        run_blocks(collect_blocks(CANARY / page))


# --- a reader pastes the page into Jupyter ---------------------------------------------------------

# Between two pages the shared kernel forgets everything a page defined and closes its figures,
# and goes back to the repository's root: what a fresh notebook starts from, but for the modules
# already imported (importing them again is free) and the global random state (no page reads it
# unseeded).
FORGET = """%reset -f
import sys as _sys
if "matplotlib.pyplot" in _sys.modules:
    _sys.modules["matplotlib.pyplot"].close("all")
del _sys
%cd {cwd}
"""


class Notebook:
    """One Jupyter kernel, started in `cwd` on first use, into which pages are pasted one after another."""

    def __init__(self, cwd: Path) -> None:
        self.cwd = cwd
        self.manager: Any = None
        self.client: Any = None

    def execute(self, code: str) -> dict[str, Any]:
        content: dict[str, Any] = self.client.execute_interactive(
            code, timeout=600, output_hook=lambda message: None
        )["content"]
        return content

    def paste(self, cells: list[str]) -> str | None:
        """Run `cells` in order as a fresh notebook would; the first error, or None."""
        from jupyter_client.manager import start_new_kernel

        if self.manager is None:
            self.manager, self.client = start_new_kernel(
                kernel_name="python3", cwd=str(self.cwd), env={**os.environ, "MPLBACKEND": "Agg"}
            )
        else:
            forgot = self.execute(FORGET.format(cwd=self.cwd))
            assert forgot["status"] == "ok", f"the kernel did not reset: {forgot}"
        for number, cell in enumerate(cells, 1):
            content = self.execute(cell)
            if content["status"] != "ok":
                trace = re.sub(r"\x1b\[[0-9;]*m", "", "\n".join(content.get("traceback", [])))
                self.close()  # the next page gets a new kernel, whatever state this one is in
                return f"cell {number} of {len(cells)} raised {content.get('ename')}: {content.get('evalue')}\n{cell}\n{trace}"
        return None

    def close(self) -> None:
        if self.manager is not None:
            self.client.stop_channels()
            self.manager.shutdown_kernel(now=True)
            self.manager = self.client = None


@pytest.fixture(scope="module")
def notebooks(repository_copy: Path) -> Iterator[dict[str, Notebook]]:
    """One kernel per edition, at the root of a copy of the repository."""
    kernels = {edition.lang: Notebook(repository_copy) for edition in EDITIONS}
    yield kernels
    for kernel in kernels.values():
        kernel.close()


def shown_cells(page: Path) -> list[str]:
    """The Python a reader sees on the page and can paste, in page order (blocks marked notest excluded)."""
    return [
        b.shown_source
        for b in collect_blocks(page)
        if b.shown_source is not None and b.not_run_reason is None
    ]


PAGES_WITH_CODE = [page for page in PAGES if shown_cells(page)]


def test_the_chapter_pages_show_code() -> None:
    for edition in EDITIONS:
        with_code = [p for p in PAGES_WITH_CODE if edition_of(p) == edition]
        assert len(with_code) >= 5, (edition.lang, [p.name for p in with_code])


@pytest.mark.parametrize("page", PAGES_WITH_CODE, ids=[page_id(p) for p in PAGES_WITH_CODE])
def test_the_blocks_a_reader_sees_run_pasted_into_a_fresh_notebook(
    page: Path, notebooks: dict[str, Notebook]
) -> None:
    """Every block the page shows, in page order, one cell per block, in a notebook at the repository root."""
    failure = notebooks[edition_of(page).lang].paste(shown_cells(page))
    if failure:
        pytest.fail(f"{page.relative_to(ROOT)}: {failure}", pytrace=False)


def test_a_pasted_page_does_not_see_what_the_previous_page_defined(repository_copy: Path) -> None:
    notebook = Notebook(repository_copy)
    try:
        assert (
            notebook.paste(["import numpy as np\nleft_over = np.zeros(2)", "import os\nos.chdir('snippets')"])
            is None
        )
        failure = notebook.paste(
            ["import os\nassert os.path.isdir('snippets'), os.getcwd()", "print(np, left_over)"]
        )
        assert failure is not None and "NameError" in failure and "'np' is not defined" in failure, failure
    finally:
        notebook.close()


# ---- What the code blocks show the reader ----------------------------------------------------------
#
# - The lesson, not the figure's plumbing: a snippet's CAPTION, ALT, figure() and __main__ part stay in
#   the file, out of the `lesson` section its page includes.
# - The lines a reader needs fit a 390 px phone without sideways scrolling. There a code block holds
#   PHONE_COLUMNS characters of the code font (43.7 measured in Chromium: 358 px of 8.18 px
#   characters), and a Hangul syllable is about 1.6 characters wide (1.56 measured). The rule: every
#   line of a loop (`for`/`while`, header and body) in a shown block, and every line a block prints
#   onto the page, is at most PHONE_COLUMNS wide. Other code may scroll.

PHONE_COLUMNS = 43
WIDE_CHARACTER = 1.6  # columns of a Hangul syllable (or any East Asian wide character) in the code font
PLUMBING = re.compile(r"^(CAPTION\s*=|ALT\s*=|def figure\(|if __name__ == .__main__.:)", re.MULTILINE)


@pytest.mark.parametrize("page", PAGES, ids=[page_id(p) for p in PAGES])
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


@pytest.mark.usefixtures("clean_run")
@pytest.mark.parametrize("page", PAGES, ids=[page_id(p) for p in PAGES])
def test_loops_and_printed_lines_fit_a_phone(page: Path) -> None:
    found = [line for block, output in run_page(page) for line in too_wide(block, output)]
    assert not found, f"{len(found)} lines wider than {PHONE_COLUMNS} columns:\n" + "\n".join(found)
