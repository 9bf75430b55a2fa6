"""The header's colour-scheme toggle is run by docs/javascripts/palette.js, not by Material.

Material mounts its palette component on the form marked `data-md-component="palette"`; at every
page load that component restyles the whole page three times (palette.js says how and why it does
without). Renaming the mark to `data-palette` keeps the form, its options and Material's styles, and
leaves the form to palette.js.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

MATERIAL_MARK = 'data-md-component="palette"'
OUR_MARK = "data-palette"


def hand_over(output: str, where: str) -> str:
    if output.count(MATERIAL_MARK) != 1:
        raise PluginError(
            f"{where}: expected one {MATERIAL_MARK} (the header's palette form), found {output.count(MATERIAL_MARK)}"
        )
    return output.replace(MATERIAL_MARK, OUR_MARK)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return hand_over(output, page.file.src_uri)


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    return hand_over(output, template_name) if template_name == "404.html" else output
