"""Math rendered at build time with the site's own KaTeX (no CDN, no script in the page).

KaTeX comes from npm (node_modules/katex, pinned by package-lock.json). Every formula that
pymdownx.arithmatex (or mkdocs-jupyter, for the notebook) left as <span class="arithmatex">\\(...\\)</span>
or <div class="arithmatex">\\[...\\]</div> is collected from every page, rendered by ONE node process
per build in strict mode, and the KaTeX HTML is written into the page. A formula KaTeX rejects fails
the build, naming the page and the formula. The pages then need only KaTeX's stylesheet and fonts,
which are added to the build under assets/katex/.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

HERE = Path(__file__).resolve().parent
KATEX_DIST = HERE.parent / "node_modules" / "katex" / "dist"
RENDERER = HERE / "katex_render.cjs"
SITE_DIR = "assets/katex"
# The fonts nearly every formula uses: preloaded so that text does not shift when they arrive.
PRELOADED_FONTS = ("KaTeX_Main-Regular.woff2", "KaTeX_Math-Italic.woff2")
# arithmatex's generic output: the TeX, HTML-escaped, with no element inside.
ARITHMATEX = re.compile(r'<(span|div) class="arithmatex">(.*?)</\1>', re.DOTALL)
DELIMITERS = [("\\(", "\\)"), ("\\[", "\\]"), ("$$", "$$"), ("$", "$")]

_formulas: dict[str, list[dict]] = {}  # page src_uri -> [{tex, display}] in page order
_rendered: dict[str, list[str]] = {}  # page src_uri -> KaTeX HTML in page order


def strip_delimiters(text: str) -> str:
    """The TeX inside an .arithmatex node."""
    tex = text.strip()
    for opening, closing in DELIMITERS:
        if tex.startswith(opening) and tex.endswith(closing) and len(tex) >= len(opening) + len(closing):
            return tex[len(opening) : len(tex) - len(closing)]
    return tex  # e.g. a bare \begin{align}...\end{align}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _formulas.clear()  # `mkdocs serve` rebuilds in the same process
    _rendered.clear()
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    missing = [name for name in ("katex.min.css", "fonts") if not (KATEX_DIST / name).exists()]
    if missing:
        raise PluginError(
            f"KaTeX is missing from {KATEX_DIST} ({', '.join(missing)}): run `npm ci` "
            "(or ./dev serve, which does it) before building the site"
        )
    for source in [KATEX_DIST / "katex.min.css", *sorted((KATEX_DIST / "fonts").iterdir())]:
        uri = f"{SITE_DIR}/{source.relative_to(KATEX_DIST).as_posix()}"
        files.append(File.generated(config, uri, abs_src_path=str(source)))
    return files


def on_page_content(html_text: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    _formulas[page.file.src_uri] = [
        {"tex": strip_delimiters(html.unescape(match[2])), "display": match[1] == "div"}
        for match in ARITHMATEX.finditer(html_text)
    ]
    return html_text  # the search index keeps the TeX; the HTML is swapped in on_post_page


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """Every page has been read: render all their formulas in one node run."""
    batch = [formula for formulas in _formulas.values() for formula in formulas]
    results = iter(render(batch)) if batch else iter(())
    failures = []
    for src_uri, formulas in _formulas.items():
        _rendered[src_uri] = []
        for formula in formulas:
            result = next(results)
            if "error" in result:
                failures.append(f"  {src_uri}: {formula['tex']!r}: {result['error']}")
            else:
                _rendered[src_uri].append(result["html"])
    if failures:
        raise PluginError("KaTeX cannot render these formulas (strict mode):\n" + "\n".join(failures))
    return env


def render(formulas: list[dict]) -> list[dict]:
    node = shutil.which("node")
    if node is None:
        raise PluginError("node is needed to render the math with KaTeX at build time")
    result = subprocess.run(
        [node, str(RENDERER)], input=json.dumps(formulas), capture_output=True, text=True, timeout=300
    )
    if result.returncode != 0:
        raise PluginError(f"KaTeX renderer failed:\n{result.stderr}")
    results: list[dict] = json.loads(result.stdout)
    if len(results) != len(formulas):
        raise PluginError(f"KaTeX renderer returned {len(results)} results for {len(formulas)} formulas")
    return results


@event_priority(-50)  # after the other hooks and plugins have edited the page
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    expected = _rendered.get(page.file.src_uri, [])
    rendered = iter(expected)
    count = 0

    def swap(match: re.Match[str]) -> str:
        nonlocal count
        count += 1
        katex_html = next(rendered, "")  # a count that differs fails the build below
        # A wide display formula scrolls; tabindex lets a keyboard scroll it too.
        focus = ' tabindex="0"' if match[1] == "div" else ""
        return f'<{match[1]} class="arithmatex"{focus}>{katex_html}</{match[1]}>'

    output = ARITHMATEX.sub(swap, output)
    if count != len(expected):
        raise PluginError(f"{page.file.src_uri}: {count} formulas in the page, {len(expected)} rendered")
    if count:
        links = "".join(
            f'<link rel="preload" href="{get_relative_url(f"{SITE_DIR}/fonts/{font}", page.url)}" '
            'as="font" type="font/woff2" crossorigin>'
            for font in PRELOADED_FONTS
        )
        output = output.replace("</head>", f"{links}</head>", 1)
    return output
