"""Serve KaTeX from the site itself (no CDN) and keep mkdocs-jupyter's MathJax loader out.

KaTeX comes from npm (node_modules/katex, pinned by package-lock.json). Its script, stylesheet and
fonts are added to the build under assets/katex/; docs/javascripts/katex.js renders the math.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

KATEX_DIST = Path(__file__).resolve().parent.parent / "node_modules" / "katex" / "dist"
SITE_DIR = "assets/katex"
NEEDED = ("katex.min.js", "katex.min.css")

# mkdocs-jupyter appends this script to every page; it would fetch MathJax from a CDN.
MATHJAX_LOADER = re.compile(r"<script data-mkdocs-jupyter-mathjax=[^>]*>.*?</script>\s*", re.DOTALL)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    missing = [name for name in (*NEEDED, "fonts") if not (KATEX_DIST / name).exists()]
    if missing:
        raise PluginError(
            f"KaTeX is missing from {KATEX_DIST} ({', '.join(missing)}): run `npm ci` "
            "(or ./dev serve, which does it) before building the site"
        )
    sources = [KATEX_DIST / name for name in NEEDED] + sorted((KATEX_DIST / "fonts").iterdir())
    for source in sources:
        uri = f"{SITE_DIR}/{source.relative_to(KATEX_DIST).as_posix()}"
        files.append(File.generated(config, uri, abs_src_path=str(source)))
    return files


@event_priority(-100)  # after mkdocs-jupyter has added its loader
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return MATHJAX_LOADER.sub("", output)
