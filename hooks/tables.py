"""Tables are wrapped at build time, the way Material's start-up would wrap them.

Material's start-up takes every class-less table out of the page and puts it back inside two
wrappers (`.md-typeset__scrollwrap > .md-typeset__table`, which let it scroll sideways on a phone).
That restyles the whole table, the glossary's largest start-up task (Lighthouse TBT 528 -> 109 ms
side by side, 3 rounds), and when it comes after the first paint it moves everything below the table
(10 px on the glossary at a phone's width). Here each table has the wrappers in the HTML and the
class `md-table`, so Material's start-up, which wraps `table:not([class])` only, leaves it alone.

While the parser is still inside a table, Chromium may paint the rows it has so far; the later rows
then widen its columns, which moves every row painted before them (a layout shift of 0.035 on the
glossary at a phone's width, in about half of the loads at 4x CPU). So each table ends with an empty,
hidden marker inside its wrapper, and a wrapper without it yet is not drawn: the table appears once
the parser is past it, laid out with all its rows.

Material's table styles select `table:not([class])` too. They are taken from the theme's own
stylesheet at each build, with that selector turned into `table.md-table`, into `tables.css`: no
copy to keep in step with the theme, and the build fails if the theme no longer has them.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

CLASS = "md-table"
STYLESHEET = "assets/stylesheets/tables.css"
MATERIAL_SELECTOR = "table:not([class])"
END = '<span class="md-table-end" hidden></span>'  # the last thing in a table's wrapper
# Not drawn while the parser is inside the table (`:has`, unlike `:last-child`, is re-checked as the
# parser adds elements).
UNTIL_PARSED = ".md-typeset__table:not(:has(> .md-table-end)){visibility:hidden}"
TABLE = re.compile(r"<table>(.*?)</table>", re.DOTALL)  # Markdown's tables: no attributes, never nested
RULE = re.compile(r"[^{}]*table:not\(\[class\]\)[^{}]*\{[^{}]*\}")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # First of the extra stylesheets, where Material's own rules would be: extra.css overrides them.
    if STYLESHEET not in config.extra_css:
        config.extra_css.insert(0, STYLESHEET)
    return config


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return TABLE.sub(
        lambda m: (
            f'<div class="md-typeset__scrollwrap"><div class="md-typeset__table">'
            f'<table class="{CLASS}">{m[1]}</table>{END}</div></div>'
        ),
        html,
    )


def table_rules(css: str) -> str:
    """Material's rules for class-less tables, inside the at-rules that hold them, for `table.md-table`."""
    rules = []
    for match in RULE.finditer(css):
        # The blocks open around the rule: their headers, outermost first (@media print, ...).
        headers: list[str] = []
        start = 0
        for brace in re.finditer(r"[{}]", css[: match.start()]):
            if brace[0] == "{":
                headers.append(css[start : brace.start()].split("}")[-1].strip())
            else:
                headers.pop()
            start = brace.end()
        rule = match[0].strip().replace(MATERIAL_SELECTOR, f"table.{CLASS}")
        for header in reversed(headers):
            rule = f"{header}{{{rule}}}"
        rules.append(rule)
    return "\n".join(rules) + "\n"


def on_post_build(config: MkDocsConfig) -> None:
    sheets = list((Path(config.site_dir) / "assets/stylesheets").glob("main.*.min.css"))
    if len(sheets) != 1:
        raise PluginError(
            f"tables.py: expected one Material main stylesheet, found {[s.name for s in sheets]}"
        )
    rules = table_rules(sheets[0].read_text(encoding="utf-8"))
    if rules.count(f"table.{CLASS}") < 10:
        raise PluginError(f"tables.py: Material's stylesheet has too few {MATERIAL_SELECTOR} rules:\n{rules}")
    (Path(config.site_dir) / STYLESHEET).write_text(rules + UNTIL_PARSED + "\n", encoding="utf-8")
