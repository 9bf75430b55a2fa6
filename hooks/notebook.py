"""Two adjustments to mkdocs-jupyter's notebook pages.

- It appends a MathJax loader (fetched from a CDN) to every page; the site renders math with its own
  KaTeX (hooks/katex.py), so the loader is removed and nothing external is loaded.
- With include_source the .ipynb is copied beside the page; a link on the page makes it downloadable.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

MATHJAX_LOADER = re.compile(r"<script data-mkdocs-jupyter-mathjax=[^>]*>.*?</script>\s*", re.DOTALL)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if not page.file.src_uri.endswith(".ipynb"):
        return html
    name = Path(page.file.src_uri).name
    return f'<p><a class="md-button" href="{name}" download>{name} 내려받기</a></p>\n{html}'


@event_priority(-100)  # after mkdocs-jupyter has appended its loader
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return MATHJAX_LOADER.sub("", output)
