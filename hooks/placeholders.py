"""Numbers in the prose: `{{ name }}` in a page's Markdown is replaced by a value computed by code.

A writer edits sentences, not f-strings: the page says "한 스텝에 약 {{ lecture_step_100k }} 번의 곱셈",
and the page's values module, `hooks/values/<page>.py` (`learning.md` → `learning.py`,
`black-box-gradient.md` → `black_box_gradient.py`), computes the number with `whybackprop` and formats it
for the edition's language (`theme.language`). Both editions of a page use the same module.

The build fails, naming the page, when a page uses a name its module does not define, when the module
defines a value the page never uses, or when a result no longer fits the sentence written about it
(`values._format.story`).

Why a small hook and not mkdocs-macros-plugin: macros renders every page as a Jinja template. Its
delimiters can be changed, but that brings template semantics (and a dependency) into every page for
what is one pattern here: `{{ name }}` with exactly one space inside each brace pair, which TeX never
writes.
"""

from __future__ import annotations

import importlib
import importlib.util
import re
import sys
from functools import cache
from pathlib import Path
from types import ModuleType

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

VALUES = Path(__file__).resolve().parent / "values"
PACKAGE = "page_values"  # hooks/ is not on sys.path (its katex.py would shadow the real module)
PLACEHOLDER = re.compile(r"\{\{ ([A-Za-z_][A-Za-z0-9_]*) \}\}")


def _load_package() -> None:
    spec = importlib.util.spec_from_file_location(
        PACKAGE, VALUES / "__init__.py", submodule_search_locations=[str(VALUES)]
    )
    assert spec is not None and spec.loader is not None
    package = importlib.util.module_from_spec(spec)
    sys.modules[PACKAGE] = package
    spec.loader.exec_module(package)


def values_module(page_path: str) -> ModuleType | None:
    """The values module of a page (`learning.md` → `hooks/values/learning.py`), or None if it has none."""
    name = Path(page_path).stem.replace("-", "_")
    if not (VALUES / f"{name}.py").is_file():
        return None
    if PACKAGE not in sys.modules:
        _load_package()
    return importlib.import_module(f"{PACKAGE}.{name}")


@cache
def page_values(page_path: str, lang: str) -> dict[str, str]:
    """{placeholder: text} of a page in language `lang`; {} for a page without a values module."""
    module = values_module(page_path)
    if module is None:
        return {}
    try:
        return dict(module.values(lang))
    except sys.modules[f"{PACKAGE}._format"].StoryChanged as error:
        raise PluginError(f"{page_path}: {error} (hooks/values/{Path(module.__file__ or '').name})") from None


def fill(markdown: str, values: dict[str, str], where: str) -> str:
    """`markdown` with every `{{ name }}` replaced by `values[name]`; an unknown or unused name is an error."""
    used = set(PLACEHOLDER.findall(markdown))
    if unknown := sorted(used - values.keys()):
        names = ", ".join(f"{{{{ {name} }}}}" for name in unknown)
        raise PluginError(
            f"{where}: unknown placeholder {names} (the page's module in hooks/values/ defines the names)"
        )
    if unused := sorted(values.keys() - used):
        raise PluginError(
            f"{where}: values never used on the page: {', '.join(unused)} (use them or delete them)"
        )
    return PLACEHOLDER.sub(lambda match: values[match.group(1)], markdown)


def on_config(config: MkDocsConfig) -> None:
    # `mkdocs serve` rebuilds: recompute from the current code.
    page_values.cache_clear()
    for name in [n for n in sys.modules if n == PACKAGE or n.startswith(PACKAGE + ".")]:
        del sys.modules[name]


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if not PLACEHOLDER.search(markdown):
        return markdown  # the values are computed only for a page that asks for one
    language = str(config.theme.get("language", "ko"))
    return fill(markdown, page_values(page.file.src_path, language), page.file.src_path)
