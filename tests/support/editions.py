"""The site's two editions as the tests see them: the table of hooks/i18n.py, with their files."""

from __future__ import annotations

import importlib.util
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _hook_editions() -> tuple:
    spec = importlib.util.spec_from_file_location("i18n_hook_for_tests", ROOT / "hooks" / "i18n.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module.EDITIONS


@dataclass(frozen=True)
class Edition:
    lang: str  # "ko", "en": theme.language and <html lang>
    name: str  # as the language selector shows it
    docs: Path  # its pages
    config: Path  # its MkDocs configuration
    path: str  # where it is built, relative to the Korean root: "" or "en/"


EDITIONS = tuple(
    Edition(
        e.lang,
        e.name,
        ROOT / e.docs_dir,
        ROOT / ("mkdocs.yml" if not e.path else f"mkdocs.{e.lang}.yml"),
        e.path,
    )
    for e in _hook_editions()
)
KOREAN, ENGLISH = EDITIONS


HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]+")  # syllables and jamo: Korean text
FIGURE_MARKER = re.compile(r"^[ \t]*<!--\s*figure\s+(\S+)\s*-->", re.MULTILINE)  # hooks/figures.py's marker


def page_url(src_uri: str) -> str:
    """A page's URL relative to its edition's root: "index.md" -> "", "learning.md" -> "learning/"."""
    stem = src_uri.rsplit(".", 1)[0]
    if stem == "index":
        return ""
    return stem.removesuffix("/index") + "/"


def pages_with_figures(edition: Edition) -> list[str]:
    """URLs (relative to the edition) of the pages that place a figure with a figure marker."""
    return sorted(
        page_url(page.relative_to(edition.docs).as_posix())
        for page in edition.docs.rglob("*.md")
        if FIGURE_MARKER.search(page.read_text(encoding="utf-8"))
    )
