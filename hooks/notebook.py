"""Adjustments to mkdocs-jupyter's notebook pages, so they behave like the other pages.

- Headings: nbconvert gives them ids without their Hangul ("", "1", ...) and an "¶" anchor link that
  the search index takes for part of the title. They get the ids the other pages get (the toc
  extension's slugify in mkdocs.yml), and the anchor link becomes a permalink that search skips.
- Code cells scroll sideways on a phone: tabindex lets a keyboard scroll them too.
- It appends a MathJax loader (fetched from a CDN) to every page; the site's math is rendered at
  build time by hooks/katex.py, so the loader is removed and nothing external is loaded.
- With include_source the .ipynb is copied beside the page; a link on the page makes it downloadable.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

MATHJAX_LOADER = re.compile(r"<script data-mkdocs-jupyter-mathjax=[^>]*>.*?</script>\s*", re.DOTALL)
HEADING = re.compile(
    r'<h([1-6]) id="([^"]*)">(.*?)<a class="anchor-link" href="#[^"]*">¶</a></h\1>', re.DOTALL
)
CODE_CELL = '<div class="highlight-ipynb hl-python">'
DOWNLOAD = {"ko": "{name} 내려받기", "en": "Download {name}"}  # the link's words, by theme.language


def is_notebook(page: Page) -> bool:
    return page.file.src_uri.endswith(".ipynb")


def on_page_content(html_text: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if not is_notebook(page):
        return html_text
    html_text = with_page_heading_ids(html_text, page, config)
    html_text = html_text.replace(CODE_CELL, CODE_CELL.replace(">", ' tabindex="0">'))
    name = Path(page.file.src_uri).name
    words = DOWNLOAD[str(config.theme.get("language", "ko"))].format(name=name)
    return f'<p><a class="md-button" href="{name}" download>{words}</a></p>\n{html_text}'


def with_page_heading_ids(html_text: str, page: Page, config: MkDocsConfig) -> str:
    """Slugify the notebook's headings as the other pages' are, in the HTML and in the page's toc."""
    slugify = config.mdx_configs["toc"]["slugify"]
    toc_items = list(flatten(page.toc.items))
    used: set[str] = set()

    def new_heading(match: re.Match[str]) -> str:
        level, old_id, inner = match[1], match[2], match[3]
        base = slugify(html.unescape(re.sub(r"<[^>]+>", "", inner)).strip(), "-") or "section"
        new_id, n = base, 1
        while new_id in used:
            new_id, n = f"{base}_{n}", n + 1
        used.add(new_id)
        item = next((item for item in toc_items if item.id == old_id), None)
        if item is None:
            raise PluginError(
                f"{page.file.src_uri}: heading #{old_id} is not in the page's table of contents"
            )
        toc_items.remove(item)
        item.id = new_id
        return (
            f'<h{level} id="{new_id}">{inner}<a class="headerlink" href="#{new_id}" '
            f'title="Permanent link">¶</a></h{level}>'
        )

    return HEADING.sub(new_heading, html_text)


def flatten(items: list) -> Iterator:
    for item in items:
        yield item
        yield from flatten(item.children)


@event_priority(-100)  # after mkdocs-jupyter has appended its loader
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return MATHJAX_LOADER.sub("", output)
