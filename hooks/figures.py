"""Figures on pages: the marker `<!-- figure snippets/NAME.py -->` becomes image files of the built site.

A figure snippet is a module with this contract (it still runs on its own as a script):

- ``figure(scheme="light", narrow=False)`` returns a matplotlib Figure (drawn by whybackprop.plotting);
- ``CAPTION``: a short caption shown under the figure;
- ``ALT``: the long description, the image's alt text.

For every marker this hook imports the snippet once per build (its printed output is dropped:
the page shows it in its own markdown-exec block) and draws four SVG files, light and dark, wide
and narrow, written to ``figures/`` of the built site. The page gets one ``<figure>``: two
``<picture>`` elements whose ``<img>`` src ends in Material's ``#only-light`` / ``#only-dark``
(the theme hides the one that does not match the chosen scheme, manual toggle included), each
choosing the narrow drawing on a phone with ``<source media>``. Images are lazy, with width and
height (no layout shift), and ``data-font-pt``: the smallest font size drawn, for the browser tests.

A marker stands alone on its line, at column 0 or indented inside a block (an admonition such as
``???``/``!!!``, a ``<details markdown>`` fold): the figure is drawn where the marker stands. Raw HTML
indented inside a block would be wrapped in a paragraph, so the marker becomes a placeholder
paragraph in the Markdown and the placeholder becomes the ``<figure>`` in the page's HTML. A marker
the hook leaves (text on its line, or a placeholder that did not come out as its own paragraph, as
in a table cell or a code block) fails the build: a figure never silently vanishes.

Each edition draws its own figures: an English page (theme.language "en") embeds the English twin
of a snippet, snippets/en/NAME.py, whose figure() draws English labels; a Korean page embeds
snippets/NAME.py. A page of one edition that embeds the other's snippet fails the build, and the
files are drawn with the edition's fonts (plotting.rendering(lang)).

Strict: a warning while importing or drawing (a missing Hangul glyph...) or a snippet that breaks
the contract fails the build, naming the snippet and the page. Same marker style as Material's
own shortcode hook (`<!-- md:... -->`).
"""

from __future__ import annotations

import contextlib
import html
import importlib.util
import io
import logging
import re
import sys
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

MARKER = re.compile(r"^([ \t]*)<!--\s*figure\s+(\S+)\s*-->[ \t]*$", re.MULTILINE)
ANY_MARKER = re.compile(r"<!--\s*figure\b")  # what a reader may have meant as a marker
PLACEHOLDER = "WHYBACKPROPFIGURE{}X"  # letters only: no Markdown extension rewrites it
PLACED = re.compile(r"<p>(WHYBACKPROPFIGURE\d+X)</p>")
LEFT = re.compile(r"WHYBACKPROPFIGURE\d+X")
FOLDER = "figures"  # in the built site
NARROW_MEDIA = "(max-width: 37.5em)"  # 600 px: phones get the narrow drawing (panels stacked)
ENGLISH_FOLDER = "en"  # snippets/en/: the English edition's snippets
POINTS_PER_INCH = 72  # matplotlib's SVG size unit is the point: 1 pt = 4/3 CSS px


@dataclass(frozen=True)
class Drawing:
    """One SVG file of a figure."""

    path: str  # site-relative, e.g. figures/step_error-dark-narrow.svg
    svg: bytes
    width: int  # CSS px at natural size
    height: int
    smallest_font_pt: float


@dataclass(frozen=True)
class Figure:
    name: str
    caption: str
    alt: str
    drawings: dict[tuple[str, bool], Drawing]  # (scheme, narrow) -> drawing


_figures: dict[Path, Figure] = {}  # drawn in this build, by snippet path
_placed: dict[str, dict[str, str]] = {}  # page src_uri -> placeholder -> the page's <figure> HTML


# ---------------------------------------------------------------------------------------------
# Hooks
# ---------------------------------------------------------------------------------------------


def on_config(config: MkDocsConfig) -> None:
    _figures.clear()
    _placed.clear()
    # `mkdocs serve` rebuilds in the same process: forget the package so that a change in
    # src/whybackprop reaches this build's figures (and markdown-exec's blocks) instead of the
    # modules imported by the first build.
    for name in [m for m in sys.modules if m == "whybackprop" or m.startswith("whybackprop.")]:
        del sys.modules[name]


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    root = Path(config.config_file_path).parent
    lang = str(config.theme.get("language", "ko"))
    placed = _placed[page.file.src_uri] = {}

    def replace(match: re.Match[str]) -> str:
        indent, path = match.groups()
        snippet = (root / path).resolve()
        english = snippet.parent.name == ENGLISH_FOLDER
        if english != (lang == "en"):
            raise PluginError(
                f"figure {path} on {page.file.src_uri}: the {lang} edition draws its figures "
                f"from {'snippets/en/' if lang == 'en' else 'snippets/'}NAME.py (its own language's labels)"
            )
        try:
            figure = _figures.get(snippet) or _figures.setdefault(snippet, _draw(snippet, lang))
        except Exception as error:
            raise PluginError(f"figure {path} on {page.file.src_uri}: {error}") from error
        placeholder = PLACEHOLDER.format(len(placed))
        placed[placeholder] = _html(figure, page.url)
        # A paragraph of its own, at the marker's indentation: inside the marker's block.
        return f"\n{indent}{placeholder}\n"

    placeable = {match.end(1) for match in MARKER.finditer(markdown)}
    for found in ANY_MARKER.finditer(markdown):
        if found.start() not in placeable:
            line = markdown.count("\n", 0, found.start()) + 1
            text = markdown.splitlines()[line - 1].strip()
            raise PluginError(
                f"{page.file.src_uri}, line {line}: {text!r} is not a figure marker the build can place; "
                "write `<!-- figure snippets/NAME.py -->` alone on its line (indented inside a block is fine)"
            )
    return MARKER.sub(replace, markdown)


def on_page_content(html_text: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    placed = _placed.pop(page.file.src_uri, {})
    html_text = PLACED.sub(lambda match: placed.pop(match.group(1), match.group(0)), html_text)
    if unplaced := sorted({*placed, *LEFT.findall(html_text)}):
        raise PluginError(
            f"{page.file.src_uri}: {len(unplaced)} figure marker(s) did not come out as a paragraph of "
            "their own (inside a table cell, a list item's text or a code block?): put the marker on a "
            "line of its own, with blank lines around it"
        )
    return html_text


def on_post_build(config: MkDocsConfig) -> None:
    folder = Path(config.site_dir) / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    for figure in _figures.values():
        for drawing in figure.drawings.values():
            (Path(config.site_dir) / drawing.path).write_bytes(drawing.svg)


# ---------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------


def _draw(snippet: Path, lang: str) -> Figure:
    if not snippet.is_file():
        raise FileNotFoundError(f"no snippet at {snippet} (marker paths are relative to the project root)")
    with _strict():
        module = _import(snippet)
        draw, caption, alt = (getattr(module, name, None) for name in ("figure", "CAPTION", "ALT"))
        if (
            not callable(draw)
            or not isinstance(caption, str)
            or not isinstance(alt, str)
            or not caption
            or not alt
        ):
            raise TypeError(
                "a figure snippet defines figure(scheme, narrow), CAPTION and ALT (non-empty strings)"
            )
        drawings = {}
        for scheme in ("light", "dark"):
            for narrow in (False, True):
                suffix = "-narrow" if narrow else ""
                drawings[scheme, narrow] = _svg(
                    draw(scheme=scheme, narrow=narrow), f"{FOLDER}/{snippet.stem}-{scheme}{suffix}.svg", lang
                )
    return Figure(snippet.stem, caption, alt, drawings)


def _import(snippet: Path) -> ModuleType:
    """Run the snippet as a module (not as __main__: it saves no PNG), without its printed output."""
    spec = importlib.util.spec_from_file_location(f"figure_snippet_{snippet.stem}", snippet)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    with contextlib.redirect_stdout(io.StringIO()):
        spec.loader.exec_module(module)
    return module


def _svg(fig: Any, path: str, lang: str) -> Drawing:
    from matplotlib.text import Text

    from whybackprop import plotting

    buffer = io.BytesIO()
    with plotting.rendering(lang):
        fig.savefig(buffer, format="svg", metadata={"Date": None})
    svg = buffer.getvalue()
    # Drop matplotlib's RDF metadata (creator, version): the file is the same on every build.
    svg = re.sub(rb"\s*<metadata>.*?</metadata>", b"", svg, count=1, flags=re.DOTALL)
    texts = [t for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]
    width, height = fig.get_size_inches() * 96
    return Drawing(path, svg, round(width), round(height), min(t.get_fontsize() for t in texts))


def _html(figure: Figure, page_url: str) -> str:
    """The <figure>: a light and a dark <picture> (Material hides one of them), then the caption."""
    alt = html.escape(figure.alt)
    pictures = []
    for scheme in ("light", "dark"):
        wide, narrow = figure.drawings[scheme, False], figure.drawings[scheme, True]
        pictures.append(
            f'<picture><source media="{NARROW_MEDIA}" srcset="{get_relative_url(narrow.path, page_url)}" '
            f'width="{narrow.width}" height="{narrow.height}" data-font-pt="{narrow.smallest_font_pt:g}">'
            f'<img src="{get_relative_url(wide.path, page_url)}#only-{scheme}" width="{wide.width}" height="{wide.height}" '
            f'alt="{alt}" loading="lazy" decoding="async" data-font-pt="{wide.smallest_font_pt:g}"></picture>'
        )
    return (
        f'<figure class="whybackprop-figure" id="figure-{figure.name}">\n'
        + "\n".join(pictures)
        + f"\n<figcaption>{html.escape(figure.caption)}</figcaption>\n</figure>"
    )


@contextlib.contextmanager
def _strict() -> Iterator[None]:
    """Fail on any warning: a missing glyph is a warning, in math text a log record of matplotlib."""

    class Collect(logging.Handler):
        def __init__(self) -> None:
            super().__init__(logging.WARNING)
            self.messages: list[str] = []

        def emit(self, record: logging.LogRecord) -> None:
            self.messages.append(record.getMessage())

    collect = Collect()
    logger = logging.getLogger("matplotlib")
    logger.addHandler(collect)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            yield
    finally:
        logger.removeHandler(collect)
    if collect.messages:
        raise RuntimeError("matplotlib warned while drawing: " + "; ".join(sorted(set(collect.messages))))
