"""Numbers in the prose: `{{ name }}` in a page's Markdown is replaced by a value computed by code.

A writer edits sentences, not f-strings: the page says "한 스텝에 약 {{ lecture_step_100k }} 번의 곱셈",
and `hooks/prose_values.py` (the one module that computes every value) supplies the number, formatted
for the site's language (`theme.language`). A name the module does not know fails the build, naming
the page and the placeholder.

Why a small hook and not mkdocs-macros-plugin: macros renders every page as a Jinja template, and
the pages are full of LaTeX braces (`\\frac{a}{b}`, `{\\text{...}}`, `^{k}`); Jinja reads `{{`, `{%`
and `{#` in formulas as its own syntax, so every formula would need escaping or a `{% raw %}` guard.
This hook knows one pattern only, `{{ name }}` with exactly one space inside each brace pair, which
TeX never writes.
"""

from __future__ import annotations

import importlib.util
import re
from functools import cache
from pathlib import Path
from types import ModuleType

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

VALUES_MODULE = Path(__file__).resolve().parent / "prose_values.py"
PLACEHOLDER = re.compile(r"\{\{ ([A-Za-z_][A-Za-z0-9_]*) \}\}")


@cache
def _values_module() -> ModuleType:
    # hooks/ is not a package on sys.path (its katex.py and notebook.py would shadow real modules).
    spec = importlib.util.spec_from_file_location("prose_values", VALUES_MODULE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def fill(markdown: str, values: dict[str, str], where: str) -> str:
    """`markdown` with every `{{ name }}` replaced by `values[name]`; an unknown name is an error."""
    unknown = sorted({name for name in PLACEHOLDER.findall(markdown) if name not in values})
    if unknown:
        names = ", ".join(f"{{{{ {name} }}}}" for name in unknown)
        raise PluginError(f"{where}: unknown placeholder {names} (hooks/prose_values.py defines the names)")
    return PLACEHOLDER.sub(lambda match: values[match.group(1)], markdown)


def on_config(config: MkDocsConfig) -> None:
    _values_module().values.cache_clear()  # `mkdocs serve` rebuilds: recompute from the current code


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if not PLACEHOLDER.search(markdown):
        return markdown  # the values are computed only when a page asks for one
    language = str(config.theme.get("language", "ko"))
    return fill(markdown, _values_module().values(language), page.file.src_path)
