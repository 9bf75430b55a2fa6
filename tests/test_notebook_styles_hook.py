"""hooks/notebook_styles.py: which of JupyterLab's rules the notebook page keeps (the built page is
checked in a browser in tests/browser/test_browser_surfaces.py: no computed style changes)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
import tinycss2
from bs4 import BeautifulSoup
from mkdocs.exceptions import PluginError

from hook_module import load_hook

styles = load_hook("notebook_styles")
NOTEBOOK = SimpleNamespace(file=SimpleNamespace(src_uri="notebook.ipynb"))
PAGE = BeautifulSoup(
    '<html><body data-md-color-scheme="default"><div class="wrapper">'
    '<div class="cell"><pre>code</pre></div><img class="figure" alt="a figure"></div></body></html>',
    "html.parser",
)


def selector(text: str) -> str:
    (tokens,) = styles.selectors(tinycss2.parse_component_value_list(text))
    return str(styles.static_selector(tokens))


@pytest.mark.parametrize(
    ("given", "static"),
    [
        (".cell:hover", ".cell"),
        (".cell::before", ".cell"),
        (".wrapper > :focus-visible", ".wrapper > *"),
        ("[data-md-color-scheme=slate] .cell", "* .cell"),  # the scheme changes after load
        (".cell[hidden] pre", ".cell pre"),
        (".cell:not(.active)", ".cell:not(.active)"),  # structural: evaluated
        (".cell:not(:hover)", ".cell"),  # holds a state: dropped whole
        (".wrapper :root", ".wrapper :root"),  # matches nothing, as in JupyterLab's stylesheet
        (".cell:nth-child(odd)", ".cell:nth-child(odd)"),
        ("::-webkit-scrollbar", "*"),
    ],
)
def test_a_selector_loses_what_can_change_after_load(given: str, static: str) -> None:
    assert selector(given) == static


def test_the_rules_kept_are_those_that_can_match_the_page_in_their_order() -> None:
    css = (
        '@charset "UTF-8";'
        ".wrapper{--x:1}"
        ".toolbar{color:red}"  # JupyterLab's interface: no such element
        ".wrapper :root{--y:2}"
        "@media print{.cell{color:black}.menu{color:blue}}"
        "@media screen{.menu{color:blue}}"
        "@keyframes spin{to{transform:rotate(1turn)}}"
        "[data-md-color-scheme=slate] .wrapper{--x:3}"
        ".cell pre:hover,.toolbar pre{color:green}"
        ".wrapper .figure:not(.cell){width:100%}"
        ".cell:not(.cell){color:red}"
    )
    assert styles.used_rules(css, PAGE) == (
        '@charset "UTF-8";'
        ".wrapper{--x:1}"
        "@media print{.cell{color:black}}"
        "@keyframes spin{to{transform:rotate(1turn)}}"
        "[data-md-color-scheme=slate] .wrapper{--x:3}"
        ".cell pre:hover,.toolbar pre{color:green}"
        ".wrapper .figure:not(.cell){width:100%}"
    )


def test_a_selector_the_matcher_cannot_read_fails_the_build() -> None:
    with pytest.raises(ValueError, match=r"\.cell::"):
        styles.used_rules(".cell:::x{color:red}", PAGE)


def test_a_notebook_page_without_jupyterlabs_stylesheet_fails_the_build() -> None:
    with pytest.raises(PluginError, match="holds JupyterLab's stylesheet 0 times"):
        styles.on_post_page("<html><style>.cell{}</style></html>", NOTEBOOK, None)


def test_other_pages_are_left_alone() -> None:
    page = SimpleNamespace(file=SimpleNamespace(src_uri="learning.md"))
    assert styles.on_post_page("<html><style>.x{}</style></html>", page, None) == (
        "<html><style>.x{}</style></html>"
    )


def test_the_notebook_page_keeps_the_rules_it_uses() -> None:
    whole = styles.JUPYTERLAB_CSS.read_text(encoding="utf-8")
    page = f'<html><body><div class="jupyter-wrapper"><style type="text/css">\n{whole}\n</style><div class="jp-Cell"></div></div></body></html>'
    output = styles.on_post_page(page, NOTEBOOK, None)
    kept = output.split("<style", 1)[1].split("</style>", 1)[0]
    assert ".jupyter-wrapper .jp-Cell" in kept
    assert ".jp-Toolbar" not in kept and ":root" not in kept
    assert len(kept) < len(whole) / 10
