"""Material's search, its dialog and its header button, fixed without a template override.

The dialog gets an accessible name (axe: aria-dialog-name).

The button is in place from the first paint. Material marks the page `no-js`, which hides the
search button, and its script (at the end of <body>) swaps that for `js` only after the page is
first drawn: on a phone the button then appears and pushes the header's language selector 48 px to
the left, a layout shift on every page (Lighthouse's CLS). A script at the top of <head> that runs
makes the same swap before anything is drawn; with scripts off it does not run and `no-js` stays.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
LABEL = {"ko": "검색", "en": "Search"}  # by theme.language
HTML_TAG = '<html lang="{lang}" class="no-js">'
SWAP = '<script>document.documentElement.classList.replace("no-js","js")</script>'


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    language = str(config.theme.get("language", "ko"))
    # Material changed its markup: fix the pattern rather than lose what it does
    if DIALOG not in output:
        raise PluginError(f"{page.file.src_uri}: Material's search dialog ({DIALOG}) not found")
    html_tag = HTML_TAG.format(lang=language)
    if html_tag not in output or "<head>" not in output:
        raise PluginError(f"{page.file.src_uri}: Material's {html_tag} and <head> not found")
    output = output.replace("<head>", "<head>" + SWAP, 1)
    return output.replace(DIALOG, DIALOG.replace(">", f' aria-label="{LABEL[language]}">'), 1)
