"""Serve KaTeX from the site itself (no CDN).

KaTeX comes from npm (node_modules/katex, pinned by package-lock.json). Its script, stylesheet and
fonts are added to the build under assets/katex/; docs/javascripts/katex.js renders the math.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

KATEX_DIST = Path(__file__).resolve().parent.parent / "node_modules" / "katex" / "dist"
SITE_DIR = "assets/katex"
NEEDED = ("katex.min.js", "katex.min.css", "fonts")


def on_files(files: Files, config: MkDocsConfig) -> Files:
    missing = [name for name in NEEDED if not (KATEX_DIST / name).exists()]
    if missing:
        raise PluginError(
            f"KaTeX is missing from {KATEX_DIST} ({', '.join(missing)}): run `npm ci` "
            "(or ./dev serve, which does it) before building the site"
        )
    sources = [KATEX_DIST / name for name in NEEDED[:2]] + sorted((KATEX_DIST / "fonts").iterdir())
    for source in sources:
        uri = f"{SITE_DIR}/{source.relative_to(KATEX_DIST).as_posix()}"
        files.append(File.generated(config, uri, abs_src_path=str(source)))
    return files
