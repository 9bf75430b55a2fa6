"""Install commands: the home page's and the notebook's name the deploy's repository, or a clone
(in both editions: docs/ and docs_en/)."""

from __future__ import annotations

import contextlib
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from hook_module import load_hook
from mkdocs.exceptions import PluginError

from page_blocks import collect_blocks
from site_html import html_of_page, parse

ROOT = Path(__file__).resolve().parent.parent
DOCS = {"ko": ROOT / "docs", "en": ROOT / "docs_en"}  # each edition's pages
NOTEBOOK = DOCS["ko"] / "notebook.ipynb"
NOTEBOOKS = [DOCS[lang] / "notebook.ipynb" for lang in DOCS]
URL = "https://github.com/someone/whybackprop"


hook = load_hook("repository")


def home_page_command(monkeypatch: pytest.MonkeyPatch, repo_url: str | None, lang: str) -> str:
    if repo_url is None:
        monkeypatch.delenv("REPO_URL", raising=False)
    else:
        monkeypatch.setenv("REPO_URL", repo_url)
    (block,) = [b for b in collect_blocks(DOCS[lang] / "index.md") if "REPO_URL" in b.source]
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        exec(block.source, {"__name__": "index"})
    return output.getvalue().strip()


@pytest.mark.parametrize("lang", DOCS)
def test_home_page_installs_from_the_deploys_repository(monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    assert home_page_command(monkeypatch, URL + "/", lang) == f'pip install "{hook.install_source(URL)}"'
    assert hook.install_source(URL) == f"whybackprop[plot] @ git+{URL}"


@pytest.mark.parametrize("lang", DOCS)
def test_home_page_without_a_repository_shows_the_command_from_a_clone(
    monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    assert home_page_command(monkeypatch, None, lang).startswith('pip install -e ".[plot]"')


def install_cell(notebook: Path = NOTEBOOK) -> dict:
    cells = [
        cell
        for cell in json.loads(notebook.read_text(encoding="utf-8"))["cells"]
        if cell["cell_type"] == "code"
    ]
    return cells[0]


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[n.parent.name for n in NOTEBOOKS])
def test_the_notebook_opens_with_an_install_cell_that_skips_an_installed_package(notebook: Path) -> None:
    cell = install_cell(notebook)
    assert hook.SOURCE_LINE in cell["source"]
    # Where whybackprop imports (the build, ./dev), the cell must not run pip.
    code = (
        "import subprocess\ndef refuse(*a, **k): raise AssertionError('pip ran')\nsubprocess.run = refuse\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code + "".join(cell["source"])],
        cwd=notebook.parent,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    # Where it does not (a fresh Jupyter or Colab), it runs pip on SOURCE, once.
    code = (
        "import importlib.util, subprocess\ncalls = []\n"
        "importlib.util.find_spec = lambda name: None\nsubprocess.run = lambda *a, **k: calls.append(a[0])\n"
    )
    check = "\nprint(calls)"
    result = subprocess.run(
        [sys.executable, "-c", code + "".join(cell["source"]) + check], capture_output=True, text=True
    )
    assert result.stdout.strip() == str([[sys.executable, "-m", "pip", "install", "--quiet", "../[plot]"]])


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[n.parent.name for n in NOTEBOOKS])
def test_the_hook_points_the_install_cell_at_the_repository(path: Path) -> None:
    notebook = json.loads(path.read_text(encoding="utf-8"))
    cell = install_cell(path)
    pointed = hook.point_at_repository(notebook, URL)
    (line,) = [line for cell in pointed["cells"] for line in cell["source"] if line.startswith("SOURCE = ")]
    assert line == f'SOURCE = "whybackprop[plot] @ git+{URL}"\n'
    assert len(pointed["cells"][1]["source"]) == len(cell["source"])


def test_the_hook_fails_without_the_install_line() -> None:
    notebook = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    for cell in notebook["cells"]:
        cell["source"] = [line for line in cell["source"] if line != hook.SOURCE_LINE]
    with pytest.raises(PluginError, match="install cell"):
        hook.point_at_repository(notebook, URL)


@pytest.mark.parametrize("lang", DOCS)
def test_the_built_site_without_a_repository_offers_the_clone_commands(built_site, lang: str) -> None:
    edition = built_site.edition_dir(lang)
    home = html_of_page(edition, "index.md")
    commands = [line for block in parse(home).code_of("bash") for line in block.splitlines()]
    # one install path on the home page: the command is shown once, not in two sections
    assert sum(line.startswith('pip install -e ".[plot]"') for line in commands) == 1
    assert "저장소_주소" not in home.read_text(encoding="utf-8")
    downloads = [p for p in edition.rglob("notebook.ipynb") if p.parent.parent == edition]  # not en/'s
    (download,) = downloads
    assert json.loads(download.read_text(encoding="utf-8")) == json.loads(
        (DOCS[lang] / "notebook.ipynb").read_text(encoding="utf-8")
    )
