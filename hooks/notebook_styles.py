"""The notebook page keeps only the part of JupyterLab's stylesheet that can style it.

mkdocs-jupyter inlines JupyterLab's whole stylesheet (its `index.css`, 575 KB) into the notebook
page: 86 of the page's 107 KB gzipped, which a phone downloads and parses before it paints the first
line. Almost all of it styles JupyterLab's own interface (toolbars, menus, dialogs), and 80 KB sit
under `.jupyter-wrapper :root`, which matches nothing. Here it is cut to the rules that can match an
element of the built page (36 KB, 6 KB gzipped); the rest is kept in its order.

A rule is kept when one of its selectors, without what can change after load, matches an element of
the page: pseudo-classes other than the structural ones (:hover, :focus, ...), pseudo-elements and
attribute tests are dropped from it, and so is a functional pseudo-class holding one of them
(`:not(:hover)`), so a rule is never dropped for a state the page may reach later (the colour scheme
is an attribute of <body>). At-rules other than @media (keyframes, @charset) are kept whole.

The build fails if the notebook page does not hold the stylesheet: a new mkdocs-jupyter that inlines
it differently must be looked at, not shipped 575 KB heavier. tests/browser/test_browser_surfaces.py
puts the whole stylesheet back in a browser and checks that no element's computed style changes.
"""

from __future__ import annotations

import re
from importlib.resources import files as package_files

import soupsieve
import tinycss2
from bs4 import BeautifulSoup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page
from tinycss2.ast import FunctionBlock, IdentToken, LiteralToken, Node, SquareBracketsBlock

JUPYTERLAB_CSS = package_files("mkdocs_jupyter").joinpath("templates/mkdocs_html/assets/index.css")
STYLE = re.compile(r"(<style[^>]*>)(.*?)(</style>)", re.DOTALL)
# Pseudo-classes that depend on the document's structure only, not on what the reader does.
STRUCTURAL = {
    "not", "is", "where", "has", "root", "first-child", "last-child", "only-child", "nth-child",
    "nth-last-child", "first-of-type", "last-of-type", "only-of-type", "nth-of-type", "nth-last-of-type",
}  # fmt: skip
COMBINATOR = re.compile(r"(^|[\s>+~])\0+")  # a compound of which everything was dropped


def is_dynamic(tokens: list[Node]) -> bool:
    """Whether a selector holds a pseudo-class, a pseudo-element or an attribute test."""
    return any(
        (isinstance(t, LiteralToken) and t.value == ":") or isinstance(t, SquareBracketsBlock) for t in tokens
    )


def static_selector(tokens: list[Node]) -> str:
    """The selector without what can change after load; `*` where a compound is left with nothing."""
    parts: list[str] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if isinstance(token, SquareBracketsBlock):
            parts.append("\0")  # an attribute test
            i += 1
        elif isinstance(token, LiteralToken) and token.value == ":":
            double = (
                i + 1 < len(tokens) and isinstance(tokens[i + 1], LiteralToken) and tokens[i + 1].value == ":"
            )
            name = tokens[i + 2] if double else tokens[i + 1] if i + 1 < len(tokens) else None
            if isinstance(name, IdentToken):
                lower, arguments = name.lower_value, []
            elif isinstance(name, FunctionBlock):
                lower, arguments = name.lower_name, name.arguments
            else:
                raise ValueError(f"a ':' not followed by a name in {tinycss2.serialize(tokens)!r}")
            if not double and lower in STRUCTURAL and not is_dynamic(arguments):
                parts.append(":" + name.serialize())
            else:
                parts.append("\0")
            i += 3 if double else 2
        else:
            parts.append(token.serialize())
            i += 1
    text = COMBINATOR.sub(lambda m: m[1] + "*", "".join(parts)).replace("\0", "").strip()
    return text or "*"


def selectors(prelude: list[Node]) -> list[list[Node]]:
    """A rule's selector list, split at its top-level commas."""
    found: list[list[Node]] = [[]]
    for token in prelude:
        if isinstance(token, LiteralToken) and token.value == ",":
            found.append([])
        else:
            found[-1].append(token)
    return found


def classes_of(tokens: list[Node]) -> set[str]:
    """The classes a selector requires (outside its functional pseudo-classes)."""
    return {
        t.value
        for before, t in zip(tokens, tokens[1:])
        if isinstance(t, IdentToken) and isinstance(before, LiteralToken) and before.value == "."
    }


def matches(selector: list[Node], present: set[str], page: BeautifulSoup) -> bool:
    if not classes_of(selector) <= present:
        return False  # a quick no: a class no element has
    static = static_selector(selector)
    try:
        return page.select_one(static) is not None
    except soupsieve.SelectorSyntaxError as error:
        raise ValueError(f"{tinycss2.serialize(selector)!r} (as {static!r}): {error}") from error


def used_rules(css: str, page: BeautifulSoup) -> str:
    """The rules of `css` that can match an element of `page`, in their order."""
    present = {name for element in page.find_all(class_=True) for name in element["class"]}
    kept = []
    for rule in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True):
        if rule.type == "qualified-rule":
            if any(matches(selector, present, page) for selector in selectors(rule.prelude)):
                kept.append(rule.serialize())
        elif rule.type == "at-rule" and rule.lower_at_keyword == "media" and rule.content is not None:
            inner = used_rules(tinycss2.serialize(rule.content), page)
            if inner:
                kept.append(f"@media{tinycss2.serialize(rule.prelude)}{{{inner}}}")
        elif rule.type == "error":
            raise ValueError(f"a CSS parse error: {rule.message}")
        else:
            kept.append(rule.serialize())
    return "".join(kept)


@event_priority(-400)  # last: after every hook that adds classes or elements to the page
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    if not page.file.src_uri.endswith(".ipynb"):
        return output
    jupyterlab = JUPYTERLAB_CSS.read_text(encoding="utf-8").strip()
    styles = [m for m in STYLE.finditer(output) if m[2].strip() == jupyterlab]
    if len(styles) != 1:
        raise PluginError(
            f"notebook_styles.py: {page.file.src_uri} holds JupyterLab's stylesheet {len(styles)} times, "
            "not once; has mkdocs-jupyter changed how it inlines it?"
        )
    (style,) = styles
    soup = BeautifulSoup(output[: style.start()] + output[style.end() :], "html.parser")
    try:
        used = used_rules(jupyterlab, soup)
    except ValueError as error:
        raise PluginError(f"notebook_styles.py: JupyterLab's stylesheet: {error}") from error
    return output[: style.start(2)] + used + output[style.end(2) :]
