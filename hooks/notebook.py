"""Adjustments to mkdocs-jupyter's notebook pages, so they behave like the other pages.

Markdown cells go through the site's own Markdown (mkdocs.yml: markdown_cell_processor: mkdocs), so
headings, permalinks and math are the other pages'. What is left to adjust:

- Figures: nbconvert gives every image the alt text "No description has been provided for this
  image", in English. A cell that draws a figure with `plotting.NAME(...)` gets the ALT of the
  edition's snippet that draws the same figure (snippets/ for Korean, snippets/en/ for English); a
  figure with no such snippet fails the build.
- Search: the In [n]: / Out[n]: prompts, the copy button's "Copied!" and the copy button's hidden
  copy of the code are left out of the search index (data-search-exclude), so results show code
  and prose only.
- Code cells scroll sideways on a phone: tabindex lets a keyboard scroll them too.
- mkdocs-jupyter appends a MathJax loader (fetched from a CDN) to every page; the site's math is
  rendered at build time by hooks/katex.py, so the loader is removed and nothing external is loaded.
- With include_source the .ipynb is copied beside the page; a link under the page's title makes
  it downloadable, and, when the site knows its GitHub repository (repo_url), a second link opens
  the committed notebook in Colab.
"""

from __future__ import annotations

import ast
import html
import re
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

ROOT = Path(__file__).resolve().parent.parent
SNIPPETS = {"ko": ROOT / "snippets", "en": ROOT / "snippets" / "en"}  # by theme.language
MATHJAX_LOADER = re.compile(r"<script data-mkdocs-jupyter-mathjax=[^>]*>.*?</script>\s*", re.DOTALL)
CODE_CELL = '<div class="highlight-ipynb hl-python">'
CELL_START = re.compile(r'(?=<div class="jp-Cell )')
PLACEHOLDER_ALT = 'alt="No description has been provided for this image"'
FIGURE_CALL = re.compile(r"\bplotting\.(\w+_figure)\(")
# Parts of a code cell that are not its code: prompts, the copy button and its hidden copy source.
NOT_SEARCHED = re.compile(
    r'<(div|span) class="(jp-InputPrompt|jp-OutputPrompt|zeroclipboard-container|clipboard-copy-txt)\b'
)
H1_END = "</h1>"
COLAB = "https://colab.research.google.com/github/{repository}/blob/{branch}/{path}"
BRANCH = "main"  # the branch the site is published from (.github/workflows/ci.yml)
WORDS = {  # the links' words, by theme.language
    "ko": {"download": "{name} 내려받기", "colab": "Colab에서 열기"},
    "en": {"download": "Download {name}", "colab": "Open in Colab"},
}


def is_notebook(page: Page) -> bool:
    return page.file.src_uri.endswith(".ipynb")


def language(config: MkDocsConfig) -> str:
    return str(config.theme.get("language", "ko"))


def figure_descriptions(snippets: Path) -> dict[str, str]:
    """plotting function name -> the ALT of the snippet that draws it with that function."""
    found: dict[str, str] = {}
    for path in sorted(snippets.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        alt = next(
            (
                node.value.value
                for node in tree.body
                if isinstance(node, ast.Assign)
                and any(isinstance(target, ast.Name) and target.id == "ALT" for target in node.targets)
                and isinstance(node.value, ast.Constant)
                and isinstance(node.value.value, str)
            ),
            None,
        )
        if alt is None:
            continue
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "plotting"
                and node.func.attr.endswith("_figure")
            ):
                found[node.func.attr] = alt
    return found


def with_figure_descriptions(html_text: str, page: Page, descriptions: dict[str, str]) -> str:
    """Each cell's images get the description of the figure its code draws."""
    cells = CELL_START.split(html_text)
    for index, cell in enumerate(cells):
        if PLACEHOLDER_ALT not in cell:
            continue
        code = html.unescape(re.sub(r"<[^>]+>", "", cell))
        names = sorted(set(FIGURE_CALL.findall(code)))
        if len(names) != 1 or names[0] not in descriptions:
            raise PluginError(
                f"{page.file.src_uri}: a cell's figure needs a description: its code calls "
                f"{names or 'no plotting.*_figure'}, and the snippets describe {sorted(descriptions)} "
                "(a figure is described by the ALT of the snippet that draws it)"
            )
        alt = html.escape(descriptions[names[0]])
        cells[index] = cell.replace(PLACEHOLDER_ALT, f'alt="{alt}"')
    return "".join(cells)


def colab_link(config: MkDocsConfig, page: Page) -> str | None:
    """Colab's address of the committed notebook, if the site's repository is on GitHub."""
    url = urlsplit(config.repo_url or "")
    if url.netloc != "github.com":
        return None
    path = Path(config.docs_dir).resolve().relative_to(ROOT) / page.file.src_uri
    return COLAB.format(repository=url.path.strip("/"), branch=BRANCH, path=path.as_posix())


NOTEBOOK_SEARCH_BOOST = 0.5


def on_page_content(html_text: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if not is_notebook(page):
        return html_text
    # The notebook walks through every page again: a term's teaching page ranks above it in search
    # (Material's per-page boost, as the API page's front matter sets; a notebook has no front matter).
    page.meta["search"] = {**page.meta.get("search", {}), "boost": NOTEBOOK_SEARCH_BOOST}
    lang = language(config)
    html_text = with_figure_descriptions(html_text, page, figure_descriptions(SNIPPETS[lang]))
    html_text = NOT_SEARCHED.sub(
        lambda match: match[0].replace(" class=", " data-search-exclude class=", 1), html_text
    )
    html_text = html_text.replace(CODE_CELL, CODE_CELL.replace(">", ' tabindex="0">'))
    name = Path(page.file.src_uri).name
    links = [f'<a class="md-button" href="{name}" download>{WORDS[lang]["download"].format(name=name)}</a>']
    colab = colab_link(config, page)
    if colab:
        links.append(f'<a class="md-button" href="{colab}">{WORDS[lang]["colab"]}</a>')
    buttons = f'<p class="notebook-links" data-search-exclude>{" ".join(links)}</p>'
    if H1_END not in html_text:
        raise PluginError(f"{page.file.src_uri}: the notebook has no title (# ...) to put its links under")
    return html_text.replace(H1_END, H1_END + buttons, 1)


@event_priority(-100)  # after mkdocs-jupyter has appended its loader
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return MATHJAX_LOADER.sub("", output)
