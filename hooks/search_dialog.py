"""Give Material's search dialog an accessible name (axe: aria-dialog-name), without a template override."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
LABEL = {"ko": "검색", "en": "Search"}  # by theme.language


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    if DIALOG not in output:  # Material changed its markup: fix the pattern rather than lose the name
        raise PluginError(f"{page.file.src_uri}: Material's search dialog ({DIALOG}) not found")
    label = LABEL[str(config.theme.get("language", "ko"))]
    return output.replace(DIALOG, DIALOG.replace(">", f' aria-label="{label}">'), 1)
