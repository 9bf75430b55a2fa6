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
- Figure files: nbconvert embeds each PNG in the page (base64, about 200 KB of a 285 KB page,
  gzipped), which a phone must download before it can paint the first line. Each is written beside
  the page under the name of the figure it draws (NAME.png), with its size (no layout shift) and
  loading="lazy": the figures are further down, and arrive as the reader scrolls to them.
- Code cells scroll sideways on a phone: tabindex lets a keyboard scroll them too.
- mkdocs-jupyter appends a MathJax loader (fetched from a CDN) to every page; the site's math is
  rendered at build time by hooks/katex.py, so the loader is removed and nothing external is loaded.
- With include_source the .ipynb is copied beside the page; a link under the page's title makes
  it downloadable.
- The install cell (the first code cell) installs the package from the clone the notebook sits in,
  else from its `REPOSITORY = "..."` line (empty while the repository's public address is not
  set). When the deploy knows the repository (mkdocs.yml: repo_url, from REPO_URL):
  - the downloadable copy gets that address in its REPOSITORY line;
  - an "Open in Colab" link opens the committed notebook, but only if its REPOSITORY is that
    address: Colab has no clone, so a notebook that does not name its repository cannot install
    the package there (a fork that has not set the line yet gets no link; CONTRIBUTING.md).
  A notebook without the REPOSITORY line fails the build.
"""

from __future__ import annotations

import ast
import base64
import html
import json
import logging
import re
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.hooks.notebook")
ROOT = Path(__file__).resolve().parent.parent
SNIPPETS = {"ko": ROOT / "snippets", "en": ROOT / "snippets" / "en"}  # by theme.language
MATHJAX_LOADER = re.compile(r"<script data-mkdocs-jupyter-mathjax=[^>]*>.*?</script>\s*", re.DOTALL)
CODE_CELL = '<div class="highlight-ipynb hl-python">'
CELL_START = re.compile(r'(?=<div class="jp-Cell )')
PLACEHOLDER_ALT = 'alt="No description has been provided for this image"'
EMBEDDED_PNG = re.compile(r'src="data:image/png;base64,([A-Za-z0-9+/=\s]+)"')
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
FIGURE_CALL = re.compile(r"\bplotting\.(\w+_figure)\(")
# Parts of a code cell that are not its code: prompts, the copy button and its hidden copy source.
NOT_SEARCHED = re.compile(
    r'<(div|span) class="(jp-InputPrompt|jp-OutputPrompt|zeroclipboard-container|clipboard-copy-txt)\b'
)
H1_END = "</h1>"
COLAB = "https://colab.research.google.com/github/{repository}/blob/{branch}/{path}"
BRANCH = "main"  # the branch the site is published from (.github/workflows/ci.yml)
REPOSITORY_LINE = re.compile(r'REPOSITORY = "[^"\\]*"\n?')  # the install cell's, as committed
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


def with_figures(html_text: str, page: Page, descriptions: dict[str, str]) -> tuple[str, dict[str, bytes]]:
    """Each cell's image gets the description of the figure its code draws, and leaves the page for
    a file beside it, NAME.png, loaded lazily at its size: the page, and {NAME: its PNG}."""
    cells = CELL_START.split(html_text)
    figures: dict[str, bytes] = {}
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
        name = names[0]
        if name in figures:
            raise PluginError(f"{page.file.src_uri}: {name} is drawn by two cells; draw each figure once")
        images = EMBEDDED_PNG.findall(cell)
        if len(images) != 1 or cell.count(PLACEHOLDER_ALT) != 1:
            raise PluginError(
                f"{page.file.src_uri}: the cell drawing {name} shows {len(images)} PNG images and "
                f"{cell.count(PLACEHOLDER_ALT)} images in all; a figure cell shows one PNG"
            )
        png = base64.b64decode(images[0])
        if not png.startswith(PNG_SIGNATURE):
            raise PluginError(f"{page.file.src_uri}: the image of {name} is not a PNG")
        width, height = (int.from_bytes(png[at : at + 4], "big") for at in (16, 20))  # IHDR
        figures[name] = png
        alt = html.escape(descriptions[name])
        cell = cell.replace(PLACEHOLDER_ALT, f'alt="{alt}"')
        cells[index] = EMBEDDED_PNG.sub(
            f'src="{name}.png" width="{width}" height="{height}" loading="lazy" decoding="async"', cell
        )
    return "".join(cells), figures


def repository_line(notebook: dict, where: str) -> tuple[list[str], int]:
    """The install cell's lines and the index of its `REPOSITORY = "..."` line; an error if none."""
    for cell in notebook["cells"]:
        if cell["cell_type"] != "code":
            continue
        if isinstance(cell["source"], str):  # nbformat allows one string
            cell["source"] = cell["source"].splitlines(keepends=True)
        for index, line in enumerate(cell["source"]):
            if REPOSITORY_LINE.fullmatch(line):
                return cell["source"], index
    raise PluginError(
        f'{where}: no install cell with a line REPOSITORY = "..." (the repository\'s address, or "")'
    )


def committed_repository(notebook: dict, where: str) -> str:
    """The address in the notebook's REPOSITORY line ("" while not set)."""
    lines, index = repository_line(notebook, where)
    return str(ast.literal_eval(lines[index].split("=", 1)[1].strip()))


def with_repository(notebook: dict, repo_url: str, where: str) -> dict:
    """`notebook` with its REPOSITORY line set to `repo_url`; an error if it has none."""
    lines, index = repository_line(notebook, where)
    lines[index] = f"REPOSITORY = {json.dumps(repo_url)}\n"
    return notebook


def colab_link(repo_url: str | None, committed: str, path: Path) -> str | None:
    """Colab's address of the committed notebook at `path` (from the repository's root), if the
    site's repository is on GitHub and the notebook's REPOSITORY line names it (Colab installs the
    package from there)."""
    repo_url = (repo_url or "").rstrip("/")
    if urlsplit(repo_url).netloc != "github.com" or committed.rstrip("/") != repo_url:
        return None
    return COLAB.format(repository=urlsplit(repo_url).path.strip("/"), branch=BRANCH, path=path.as_posix())


NOTEBOOK_SEARCH_BOOST = 0.5


def on_page_content(html_text: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if not is_notebook(page):
        return html_text
    # The notebook walks through every page again: a term's teaching page ranks above it in search
    # (Material's per-page boost, as the API page's front matter sets; a notebook has no front matter).
    page.meta["search"] = {**page.meta.get("search", {}), "boost": NOTEBOOK_SEARCH_BOOST}
    lang = language(config)
    html_text, figures = with_figures(html_text, page, figure_descriptions(SNIPPETS[lang]))
    folder = PurePosixPath(page.file.dest_uri).parent  # the page's: its figures' src is NAME.png
    for name, png in figures.items():
        files.append(File.generated(config, f"{folder}/{name}.png", content=png))
    html_text = NOT_SEARCHED.sub(
        lambda match: match[0].replace(" class=", " data-search-exclude class=", 1), html_text
    )
    html_text = html_text.replace(CODE_CELL, CODE_CELL.replace(">", ' tabindex="0">'))
    name = Path(page.file.src_uri).name
    links = [f'<a class="md-button" href="{name}" download>{WORDS[lang]["download"].format(name=name)}</a>']
    source = Path(config.docs_dir).resolve() / page.file.src_uri
    committed = committed_repository(json.loads(source.read_text(encoding="utf-8")), page.file.src_uri)
    colab = colab_link(config.repo_url, committed, source.relative_to(ROOT))
    if colab:
        links.append(f'<a class="md-button" href="{colab}">{WORDS[lang]["colab"]}</a>')
    elif config.repo_url:  # a normal state (a fork before it sets the line), so not a warning
        log.info(
            f"{page.file.src_uri}: no Colab link: its REPOSITORY line is {committed!r}, the site's "
            f"repo_url {config.repo_url!r} (CONTRIBUTING.md, Notebook)"
        )
    buttons = f'<p class="notebook-links" data-search-exclude>{" ".join(links)}</p>'
    if H1_END not in html_text:
        raise PluginError(f"{page.file.src_uri}: the notebook has no title (# ...) to put its links under")
    return html_text.replace(H1_END, H1_END + buttons, 1)


@event_priority(-100)  # after mkdocs-jupyter has appended its loader
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return MATHJAX_LOADER.sub("", output)


def on_post_build(config: MkDocsConfig) -> None:
    """The downloadable copies install from the deploy's repository (a local build keeps the line)."""
    if not config.repo_url:
        return
    for path in Path(config.site_dir).rglob("*.ipynb"):
        notebook = with_repository(
            json.loads(path.read_text(encoding="utf-8")),
            config.repo_url.rstrip("/"),
            path.relative_to(config.site_dir).as_posix(),
        )
        path.write_text(json.dumps(notebook, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
