"""Install commands: the home page's and the notebook's name the deploy's repository, or a clone
(in both editions: docs/ and docs_en/)."""

from __future__ import annotations

import contextlib
import io
import json
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from hook_module import load_hook
from page_blocks import collect_blocks
from site_html import html_of_page, parse

ROOT = Path(__file__).resolve().parent.parent
DOCS = {"ko": ROOT / "docs", "en": ROOT / "docs_en"}  # each edition's pages
NOTEBOOK = DOCS["ko"] / "notebook.ipynb"
NOTEBOOKS = [DOCS[lang] / "notebook.ipynb" for lang in DOCS]
URL = "https://github.com/someone/whybackprop"


hook = load_hook("notebook")


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
    assert home_page_command(monkeypatch, URL + "/", lang) == f'pip install "whybackprop[plot] @ git+{URL}"'


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


def run_install_cell(source: str, cwd: Path, installed: bool) -> subprocess.CompletedProcess[str]:
    """Run an install cell's `source` in `cwd`, with whybackprop `installed` or not; pip does not run:
    the cell prints each command it would have run."""
    code = "import importlib.util, subprocess\nsubprocess.run = lambda *a, **k: print(a[0])\n"
    if not installed:
        code += "importlib.util.find_spec = lambda name: None\n"
    return subprocess.run([sys.executable, "-c", code + source], cwd=cwd, capture_output=True, text=True)


def pip_install(source: str) -> str:
    return str([sys.executable, "-m", "pip", "install", "--quiet", source])


IDS = [n.parent.name for n in NOTEBOOKS]


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=IDS)
def test_the_install_cell_skips_an_installed_package(notebook: Path) -> None:
    # Where whybackprop imports (the build, ./dev), the cell must not run pip.
    result = run_install_cell("".join(install_cell(notebook)["source"]), notebook.parent, installed=True)
    assert (result.returncode, result.stdout) == (0, ""), result.stderr


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=IDS)
def test_in_a_clone_the_install_cell_installs_the_clone(notebook: Path) -> None:
    pointed = hook.with_repository(json.loads(notebook.read_text(encoding="utf-8")), URL, "x")
    (cell,) = [c for c in pointed["cells"] if any(line.startswith("REPOSITORY = ") for line in c["source"])]
    result = run_install_cell("".join(cell["source"]), notebook.parent, installed=False)
    assert result.stdout.strip() == pip_install("../[plot]"), result.stderr


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=IDS)
def test_elsewhere_the_install_cell_installs_from_its_repository(notebook: Path, tmp_path: Path) -> None:
    """Colab, or the downloaded copy: no clone around the notebook."""
    pointed = hook.with_repository(json.loads(notebook.read_text(encoding="utf-8")), URL, "x")
    (cell,) = [c for c in pointed["cells"] if any(line.startswith("REPOSITORY = ") for line in c["source"])]
    result = run_install_cell("".join(cell["source"]), tmp_path, installed=False)
    assert result.stdout.strip() == pip_install(f"whybackprop[plot] @ git+{URL}"), result.stderr


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=IDS)
def test_elsewhere_without_a_repository_the_install_cell_says_where_to_get_the_notebook(
    notebook: Path, tmp_path: Path
) -> None:
    unset = hook.with_repository(json.loads(notebook.read_text(encoding="utf-8")), "", "x")
    (cell,) = [c for c in unset["cells"] if any(line.startswith("REPOSITORY = ") for line in c["source"])]
    result = run_install_cell("".join(cell["source"]), tmp_path, installed=False)
    assert result.returncode != 0 and result.stdout == "", "pip ran without a source"
    assert "RuntimeError" in result.stderr and notebook.parent.name + "/" in result.stderr


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=IDS)
def test_the_install_cell_is_the_first_code_cell(notebook: Path) -> None:
    assert any(line.startswith("REPOSITORY = ") for line in install_cell(notebook)["source"])


def test_the_downloadable_copy_names_the_deploys_repository(tmp_path: Path) -> None:
    copy = tmp_path / "notebook" / "notebook.ipynb"
    copy.parent.mkdir()
    copy.write_text(NOTEBOOK.read_text(encoding="utf-8"), encoding="utf-8")
    hook.on_post_build(SimpleNamespace(repo_url=URL + "/", site_dir=str(tmp_path)))
    built = json.loads(copy.read_text(encoding="utf-8"))
    assert hook.committed_repository(built, "x") == URL
    committed = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    assert [len(c["source"]) for c in built["cells"]] == [len(c["source"]) for c in committed["cells"]]


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
