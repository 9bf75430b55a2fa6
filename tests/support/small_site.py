"""A tiny copy of the project (its real mkdocs.yml and hooks around one-line pages) that builds in
seconds: for tests that must see the build itself fail, and one shared build (`good_small_site`)
holding every "good" control at once (a good link, good math, a figure in each edition), which the
tests of each hook read."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config import load_config

ROOT = Path(__file__).resolve().parents[2]


def nav_pages(config: str = "mkdocs.yml") -> list[tuple[str, str]]:
    """(title, src_uri) of every page in the nav of `config` (mkdocs.yml: Korean), in order."""
    found = []

    def walk(items: list) -> None:
        for item in items:
            if isinstance(item, str):
                found.append((item, item))
            else:
                for title, value in item.items():
                    walk(value) if isinstance(value, list) else found.append((title, value))

    walk(load_config(str(ROOT / config))["nav"])
    return found


def small_copy_of_the_project(tmp_path: Path) -> Path:
    """The project's real configuration and hooks around tiny pages: builds in seconds."""
    project = tmp_path / "project"
    docs = project / "docs"
    shutil.copytree(ROOT / "hooks", project / "hooks", ignore=shutil.ignore_patterns("__pycache__"))
    for config in ("mkdocs.yml", "mkdocs.en.yml"):
        shutil.copy(ROOT / config, project)
    shutil.copytree(ROOT / "docs" / "stylesheets", docs / "stylesheets")
    (project / "node_modules").mkdir()
    (project / "node_modules/katex").symlink_to(ROOT / "node_modules/katex")
    # Every page has its twin in docs_en/ (hooks/i18n.py requires it), with the same tiny text.
    for folder in (docs, project / "docs_en"):
        folder.mkdir(exist_ok=True)
        for title, src_uri in nav_pages():
            if src_uri.endswith(".ipynb"):
                title_cell = {"cell_type": "markdown", "metadata": {}, "source": [f"# {title}"]}
                # The install cell's line hooks/notebook.py requires (the repository's address, unknown here).
                install = {
                    "cell_type": "code",
                    "execution_count": None,
                    "metadata": {},
                    "source": ['REPOSITORY = ""\n'],
                    "outputs": [],
                }
                cells = [title_cell, install]
                notebook = {"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
                (folder / src_uri).write_text(json.dumps(notebook), encoding="utf-8")
            else:
                (folder / src_uri).write_text(f"# {title}\n\n## 둘째 제목\n", encoding="utf-8")
    return project


def strict_build(project: Path, config: str = "mkdocs.yml") -> subprocess.CompletedProcess[str]:
    """Build the small copy's edition of `config` into its site/ (site/en/ for English)."""
    site = project / "site" / ("" if config == "mkdocs.yml" else "en")
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", config, "--site-dir", str(site)],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
    )


# --- the shared good build --------------------------------------------------------------------

GOOD_LINK = "[둘째](black-box.md#둘째-제목)"  # a Hangul anchor the small pages have
GOOD_MATH = r"\text{손실} = \frac{1}{N}\sum_{i=1}^{N} (y_i - \hat{y}_i)^2"

# A Korean figure snippet that logs each import (the hook must draw a figure once per build) and
# prints (the output must not reach the page).
KOREAN_FIGURE = """\
from whybackprop import make_problem, plotting
from whybackprop.blackbox import TRUE_THETA

with open("imports.log", "a") as log:  # how often the build ran this module
    log.write("imported\\n")
print("이 출력은 그림 옆에 나오지 않는다")

CAPTION = "짧은 설명 <작게>"
ALT = "긴 설명: 데이터와 곡선"


def figure(scheme="light", narrow=False):
    return plotting.fit_figure(make_problem(), TRUE_THETA, scheme=scheme, narrow=narrow)
"""

ENGLISH_FIGURE = """\
from whybackprop import make_problem, plotting
from whybackprop.blackbox import TRUE_THETA

CAPTION = "Caption"
ALT = "Data and the fitted curve"


def figure(scheme="light", narrow=False):
    return plotting.fit_figure(make_problem(), TRUE_THETA, scheme=scheme, narrow=narrow, lang="en")
"""


# The Korean figure again, indented inside a fold (drawn once all the same).
FOLDED_FIGURE = (
    '??? note "더 알아보기"\n\n    접힌 글\n\n    <!-- figure snippets/tiny.py -->\n\n    접힌 글의 끝\n'
)


def math_markdown(tex: str) -> str:
    """`tex` inline and displayed."""
    return f"\n인라인 \\({tex}\\) 수식.\n\n$$\n{tex}\n$$\n"


def append(page: Path, text: str) -> None:
    with page.open("a", encoding="utf-8") as file:
        file.write(text)


def add_figure(project: Path, snippet: str, source: str, page: str) -> None:
    """Write the figure snippet `snippet` (e.g. "snippets/tiny.py") and mark it on `page` (e.g. "docs/black-box.md")."""
    (project / snippet).parent.mkdir(parents=True, exist_ok=True)
    (project / snippet).write_text(source, encoding="utf-8")
    append(project / page, f"\n<!-- figure {snippet} -->\n")


@dataclass(frozen=True)
class GoodSite:
    project: Path  # the small copy; its site/ holds both editions (English in site/en/)
    output: str  # both builds' stdout and stderr


def good_small_site(tmp_path: Path) -> GoodSite:
    """Both editions of a small copy with every good control: the home page links to a Hangul
    anchor and shows GOOD_MATH; black-box.md shows a figure in each edition, drawn from its own
    edition's snippet; learning.md shows the Korean one again inside a fold. Fails if either strict build fails."""
    project = small_copy_of_the_project(tmp_path)
    append(project / "docs/index.md", f"\n{GOOD_LINK}\n" + math_markdown(GOOD_MATH))
    add_figure(project, "snippets/tiny.py", KOREAN_FIGURE, "docs/black-box.md")
    append(project / "docs/learning.md", "\n" + FOLDED_FIGURE)
    add_figure(project, "snippets/en/tiny.py", ENGLISH_FIGURE, "docs_en/black-box.md")
    output = ""
    for config in ("mkdocs.yml", "mkdocs.en.yml"):
        result = strict_build(project, config)
        output += result.stdout + result.stderr
        assert result.returncode == 0, f"the small site's good build of {config} failed:\n{output}"
    return GoodSite(project, output)
