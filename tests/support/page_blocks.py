"""Find and run every Python code block of a page, the way the site build reads the page.

A page is parsed by Python-Markdown with the extensions and settings of mkdocs.yml, so `--8<--`
includes are expanded by pymdownx.snippets itself (a missing file is an error) and fences inside
admonitions, details and tabs are found by pymdownx.superfences itself. Only the Python fences are
swapped for a collector; nothing else of the configuration changes.

Conventions (see CONTRIBUTING.md):
- ```python exec="on" ...```  run by markdown-exec at build; run here the same way
  (fresh globals per block unless `session="name"`, `print` captured, `__name__` not "__main__").
- ```python ...```             shown only; run here as a script (`__name__ == "__main__"`).
- ```{.python notest="why"}```  shown, deliberately not run; the reason is required.
- `::: whybackprop.module`      (mkdocstrings, the API page) shows the ```python examples of that
  module's docstrings; run here as scripts (they also run as docstring tests, see conftest.py).
"""

from __future__ import annotations

import importlib
import inspect
import io
import re
import sys
import traceback
from contextlib import redirect_stdout
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import markdown
from mkdocs.config import load_config

ROOT = Path(__file__).resolve().parents[2]
PYTHON_LANGUAGES = ("python", "py", "python3")
# markdown-exec's `source` values that put the source on the page as a code block of the language.
SOURCE_BESIDE_OUTPUT = {"above", "below", "block", "material-block", "tabbed-left", "tabbed-right"}
FALSE_WORDS = {"", "no", "off", "false", "0"}  # markdown-exec's reading of exec="..." / html="..."


class PageBlockError(Exception):
    """A page's Python block is malformed or failed to run."""


@dataclass(frozen=True)
class Block:
    page: str  # path relative to the project root
    number: int  # 1-based position among the page's Python blocks
    language: str
    source: str  # after include expansion
    options: dict[str, str] = field(default_factory=dict)

    @property
    def label(self) -> str:
        return f"{self.page}, Python block {self.number}"

    @property
    def exec_at_build(self) -> bool:
        return self.options.get("exec", "no").lower() not in FALSE_WORDS

    @property
    def not_run_reason(self) -> str | None:
        return self.options.get("notest")

    @property
    def shown_source(self) -> str | None:
        """The Python code the built page shows for this block (None: the source is hidden)."""
        if not self.exec_at_build:
            return self.source.strip()
        location = self.options.get("source", "")
        shown = "\n".join(line for line in self.source.split("\n") if "markdown-exec: hide" not in line)
        # Other values (none, "console": source and output in one block) show no Python block.
        return shown.strip() if location in SOURCE_BESIDE_OUTPUT else None


@cache
def _site_markdown_settings() -> tuple[list[Any], dict[str, dict[str, Any]]]:
    config = load_config(str(ROOT / "mkdocs.yml"))
    configs = {name: dict(settings) for name, settings in config.mdx_configs.items()}
    snippets = configs.setdefault("pymdownx.snippets", {})
    # Resolve include paths against the project, not the current directory.
    snippets["base_path"] = [str((ROOT / path).resolve()) for path in snippets.get("base_path", ["."])]
    return list(config.markdown_extensions), configs


def collect_blocks(page: Path) -> list[Block]:
    """Every Python fenced block of `page` (a Markdown file), in order."""
    page = page.resolve()
    label = page.relative_to(ROOT).as_posix() if page.is_relative_to(ROOT) else str(page)
    found: list[Block] = []

    def validator(language: str, inputs: dict[str, str], options: dict, attrs: dict, md: Any) -> bool:
        options.update(inputs)  # keep every option; attrs stay empty so the fence is accepted
        return True

    def collector(src: str, language: str, class_name: str, options: dict, md: Any, **kwargs: Any) -> str:
        block = Block(
            label, len(found) + 1, language, src, {k: "" if v is None else str(v) for k, v in options.items()}
        )
        found.append(block)
        return f"<pre>{block.label}</pre>"

    extensions, configs = _site_markdown_settings()
    configs = {**configs, "pymdownx.superfences": {**configs.get("pymdownx.superfences", {})}}
    configs["pymdownx.superfences"]["custom_fences"] = [
        {"name": name, "class": name, "validator": validator, "format": collector}
        for name in PYTHON_LANGUAGES
    ]
    md = markdown.Markdown(extensions=extensions, extension_configs=configs)
    try:
        md.convert(page.read_text(encoding="utf-8"))
    except Exception as error:  # e.g. pymdownx.snippets: a missing include
        raise PageBlockError(f"{label}: cannot be read as the site reads it: {error}") from error
    for module in API_DIRECTIVE.findall(page.read_text(encoding="utf-8")):
        for example in docstring_examples(module):
            found.append(Block(label, len(found) + 1, "python", example))
    for block in found:
        _check_marks(block)
    return found


API_DIRECTIVE = re.compile(r"^::: ([\w.]+)\s*$", re.MULTILINE)
DOCSTRING_FENCE = re.compile(r"^```(?:python|py|python3)\n(.*?)^```", re.MULTILINE | re.DOTALL)


def docstring_examples(module_name: str) -> list[str]:
    """The ```python fences in the docstrings of a module and of the classes, functions, methods
    and properties defined in it (what an API page renders from it)."""
    module = importlib.import_module(module_name)
    examples: list[str] = []
    seen: set[int] = set()

    def visit(obj: Any) -> None:
        if id(obj) in seen:
            return
        seen.add(id(obj))
        examples.extend(DOCSTRING_FENCE.findall(inspect.getdoc(obj) or ""))
        for _, member in inspect.getmembers(obj):
            if isinstance(member, property):
                visit(member)
            elif (inspect.isclass(member) or inspect.isfunction(member)) and member.__module__ == module_name:
                visit(member)

    visit(module)
    return examples


def _check_marks(block: Block) -> None:
    reason = block.not_run_reason
    if reason is None:
        return
    if not reason.strip() or reason.strip().lower() == "notest":
        raise PageBlockError(
            f'{block.label}: `notest` needs a reason: {{.python notest="why it is not run"}}'
        )
    if block.exec_at_build:
        raise PageBlockError(f"{block.label}: marked notest but also exec=on; it is run at build")


def run_blocks(blocks: list[Block]) -> list[tuple[Block, str]]:
    """Run the page's blocks in order (skipping notest ones); return each block run with what it
    printed. Raises PageBlockError naming the first block that fails.
    """
    sessions: dict[str, dict[str, Any]] = {}
    return [(block, _run(block, sessions)) for block in blocks if block.not_run_reason is None]


@cache
def page_run(page: Path) -> tuple[tuple[Block, str], ...]:
    """run_blocks of `page`, once per test process for every test that needs it."""
    return tuple(run_blocks(collect_blocks(page)))


def _run(block: Block, sessions: dict[str, dict[str, Any]]) -> str:
    """Run one block as the build does; return what it printed (the page shows it for exec blocks)."""
    session = block.options.get("session", "") if block.exec_at_build else ""
    namespace = sessions.setdefault(session, {}) if session else {}
    # markdown-exec runs a block as a module named after it, never as "__main__";
    # a block that is only shown is meant to be run by the reader as a script.
    module_name = re.sub(r"\W+", "_", f"page_block_{block.page}_{block.number}")
    namespace["__name__"] = module_name if block.exec_at_build else "__main__"
    sys.modules[module_name] = ModuleType(module_name)  # dataclasses and pickle look modules up
    printed = io.StringIO()
    try:
        code = compile(block.source, f"<{block.label}>", "exec")
        with redirect_stdout(printed):
            exec(code, namespace)
    except BaseException as error:  # SystemExit from a block is a failure too
        trace = "".join(traceback.format_exception(error))
        raise PageBlockError(f"{block.label} failed:\n{block.source}\n{trace}") from error
    finally:
        sys.modules.pop(module_name, None)
    return printed.getvalue()


def pages(docs_dir: Path = ROOT / "docs") -> list[Path]:
    return sorted(docs_dir.rglob("*.md"))
