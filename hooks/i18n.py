"""Two editions of the site: Korean (mkdocs.yml, docs/ -> site/) and English (mkdocs.en.yml,
docs_en/ -> site/en/). The build's language is `theme.language`; this hook makes each edition a
full site of its own and links every page to its twin in the other edition.

- site_url: the deploy sets only SITE_URL (the Korean root); the English edition lives at its en/.
- Files: the English edition has only its pages in docs_en/; the stylesheets and assets (anything
  that is not a page) come from docs/ unless docs_en/ has its own.
- Language selector: Material's stock selector links to each edition's home, and its script, with
  Korean at the root, cannot find the current page in the other edition. Here each page's selector
  links to the same page in the other edition (written at build time, so it works without
  JavaScript), and a small script (language_switch.js) keeps the links right after Material's
  instant navigation, which does not redraw the header, and lets the click load the other edition
  in full (its own search index, its own language), out of reach of Material's handler.
- A page without a twin fails the build: every page exists in both editions.
- One colour scheme for both: Material keeps the reader's choice in localStorage under its
  `extra.scope` (by default each edition's own root), so both editions get the Korean root as
  their scope and switching language keeps dark mode.
- Words Material or Markdown leave in English: the permalink's tooltip, and the 404 page. GitHub
  Pages answers every missing address with the root 404.html (the Korean edition's); for an address
  under en/ it shows the English edition's 404 page instead.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = Path(__file__).resolve().parent / "language_switch.js"
SCRIPT_URI = "assets/language-switch.js"
PAGE_SUFFIXES = (".md", ".ipynb")


@dataclass(frozen=True)
class Edition:
    lang: str
    name: str  # in its own language, as the selector shows it
    docs_dir: str  # relative to the project root
    path: str  # its root, relative to the Korean root
    permalink: str  # the tooltip of a heading's ¶ link
    not_found: str  # the 404 page's heading


EDITIONS = (
    Edition("ko", "한국어", "docs", "", "이 제목의 고유 링크", "404 - 페이지를 찾을 수 없습니다"),
    Edition("en", "English", "docs_en", "en/", "Permanent link", "404 - Page not found"),
)
SELECTOR_LINK = re.compile(r'<a href="[^"]*" hreflang="([a-z]+)" class="md-select__link">')


def edition(config: MkDocsConfig) -> Edition:
    lang = str(config.theme.get("language", ""))
    for candidate in EDITIONS:
        if candidate.lang == lang:
            return candidate
    raise PluginError(f"theme.language is {lang!r}; the editions are {[e.lang for e in EDITIONS]}")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    this = edition(config)
    expected = (ROOT / this.docs_dir).resolve()
    if Path(config.docs_dir).resolve() != expected:
        raise PluginError(
            f"the {this.lang} edition's docs_dir must be {this.docs_dir}/, not {config.docs_dir}"
        )
    site_url = config.site_url or ""
    if site_url:
        # Both editions keep the reader's settings (the colour scheme) under the Korean root.
        config.extra["scope"] = urlsplit(site_url).path.rstrip("/") + "/"
    if this.path:
        config.site_url = (site_url if site_url.endswith("/") else site_url + "/") + this.path
    config.mdx_configs.setdefault("toc", {})["permalink_title"] = this.permalink
    # The selector, with each edition's home; on_post_page points it at the page's twin.
    config.extra["alternate"] = [
        {"name": other.name, "lang": other.lang, "link": root_link(this, other)} for other in EDITIONS
    ]
    return config


def root_link(this: Edition, other: Edition) -> str:
    """The other edition's root, relative to this edition's root."""
    return "../" * this.path.count("/") + other.path or "./"


@event_priority(100)  # before the other plugins (mkdocs-jupyter) see the files
def on_files(files: Files, config: MkDocsConfig) -> Files:
    this = edition(config)
    shared = ROOT / EDITIONS[0].docs_dir
    if this.docs_dir != EDITIONS[0].docs_dir:
        for path in sorted(p for p in shared.rglob("*") if p.is_file()):
            uri = path.relative_to(shared).as_posix()
            if path.suffix in PAGE_SUFFIXES or files.get_file_from_path(uri) is not None:
                continue
            files.append(File(uri, str(shared), config.site_dir, config.use_directory_urls))
    files.append(
        File.generated(config, SCRIPT_URI, abs_src_path=str(SCRIPT), inclusion=InclusionLevel.NOT_IN_NAV)
    )
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    this = edition(config)
    for other in EDITIONS:
        if other != this and not (ROOT / other.docs_dir / page.file.src_uri).is_file():
            raise PluginError(
                f"{page.file.src_uri} has no twin in the {other.lang} edition: "
                f"add {other.docs_dir}/{page.file.src_uri} (the language selector leads there)"
            )
    return markdown


@event_priority(-90)  # after the other hooks, before hooks/katex.py and notebook.py's last edits
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    this = edition(config)
    twins = {other.lang: twin_link(this, other, page.url) for other in EDITIONS}

    def relink(match: re.Match[str]) -> str:
        lang = match[1]
        if lang not in twins:
            raise PluginError(f"{page.file.src_uri}: a language link to {lang!r}, which is no edition")
        # lang="ko" on the Korean name (and "en" on English): screen readers read it right.
        return f'<a href="{twins[lang]}" hreflang="{lang}" lang="{lang}" class="md-select__link">'

    output, count = SELECTOR_LINK.subn(relink, output)
    if count != len(EDITIONS):
        raise PluginError(
            f"{page.file.src_uri}: {count} language links found, {len(EDITIONS)} expected "
            "(Material's selector markup changed: update SELECTOR_LINK)"
        )
    script = get_relative_url(SCRIPT_URI, page.url)
    return output.replace("</body>", f'<script src="{script}"></script>\n</body>', 1)


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    """404.html is no page and has no twin: its selector keeps the editions' homes, with their lang.
    Its heading is in the edition's language, and the root one (which GitHub Pages serves for every
    missing address) shows the other editions' 404 page for an address under their root."""
    if template_name != "404.html":
        return output
    output = SELECTOR_LINK.sub(lambda m: m[0].replace(" class=", f' lang="{m[1]}" class=', 1), output)
    this = edition(config)
    if NOT_FOUND_HEADING not in output:
        raise PluginError(
            f"404.html: Material's heading {NOT_FOUND_HEADING!r} not found (its template changed)"
        )
    output = output.replace(NOT_FOUND_HEADING, f"<h1>{this.not_found}</h1>", 1)
    if this == EDITIONS[0]:
        root = urlsplit(config.site_url or "/").path.rstrip("/") + "/"
        others = {other.lang: root + other.path for other in EDITIONS[1:]}
        script = NOT_FOUND_SCRIPT.replace("OTHERS", json.dumps(others))
        if CHARSET not in output:
            raise PluginError(f"404.html: no {CHARSET} to put the language script after")
        output = output.replace(CHARSET, f"{CHARSET}<script>{script}</script>", 1)
    return output


NOT_FOUND_HEADING = "<h1>404 - Not found</h1>"
CHARSET = '<meta charset="utf-8">'
# In the root 404.html: for an address under another edition's root, that edition's 404 page
# (hidden until it is written, so the Korean one does not flash; shown as is if it cannot load).
NOT_FOUND_SCRIPT = """(() => {
  const root = Object.values(OTHERS).find((path) => location.pathname.startsWith(path));
  if (!root) return;
  document.documentElement.style.visibility = "hidden";
  fetch(root + "404.html")
    .then((response) => (response.ok ? response.text() : Promise.reject(response.status)))
    .then((html) => { document.open(); document.write(html); document.close(); })
    .catch(() => { document.documentElement.style.visibility = ""; });
})();"""


def twin_link(this: Edition, other: Edition, page_url: str) -> str:
    """The link from the page at page_url (in this edition) to the same page in the other."""
    up = "../" * (page_url.count("/") + this.path.count("/"))
    return up + other.path + page_url or "./"


# ---------------------------------------------------------------------------------------------
# `mkdocs serve` of the Korean edition also serves the English one (./dev serve)
# ---------------------------------------------------------------------------------------------

_command: list[str] = []  # the mkdocs command of this process: "build", "serve", ...


def on_startup(command: str, dirty: bool) -> None:
    _command[:] = [command]


@event_priority(-200)  # last: the Korean edition is complete in site_dir
def on_post_build(config: MkDocsConfig) -> None:
    """When serving the Korean edition, build the English one into its en/ after every rebuild.

    `mkdocs serve` cleans and rebuilds its (temporary) site directory on every change, en/
    included, and reloads the browser once this build is over: both editions stay current.
    """
    if _command != ["serve"] or edition(config) != EDITIONS[0]:
        return
    for other in EDITIONS[1:]:
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"]
        command += ["-f", str(ROOT / f"mkdocs.{other.lang}.yml")]
        command += ["-d", str(Path(config.site_dir) / other.path)]
        env = {**os.environ, "SITE_URL": config.site_url or "/"}  # the served root
        result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
        if result.returncode != 0:
            raise PluginError(f"the {other.lang} edition failed to build:\n{result.stdout}{result.stderr}")
