"""hooks/notebook.py: the Colab link, the install cell's REPOSITORY line and the figures'
descriptions (the built pages are checked in tests/browser/test_browser_surfaces.py)."""

from __future__ import annotations

import ast
import json
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from hook_module import load_hook

notebook = load_hook("notebook")
ROOT = Path(__file__).resolve().parent.parent
PAGE = SimpleNamespace(file=SimpleNamespace(src_uri="notebook.ipynb"))


URL = "https://github.com/owner/whybackprop"
NOTEBOOKS = {"ko": ROOT / "docs" / "notebook.ipynb", "en": ROOT / "docs_en" / "notebook.ipynb"}


@pytest.mark.parametrize(
    ("repo_url", "committed", "link"),
    [
        (
            URL,
            URL,
            "https://colab.research.google.com/github/owner/whybackprop/blob/main/docs_en/notebook.ipynb",
        ),
        (
            URL + "/",
            URL,
            "https://colab.research.google.com/github/owner/whybackprop/blob/main/docs_en/notebook.ipynb",
        ),
        (URL, "", None),  # the notebook does not name its repository yet: Colab could not install
        (URL, "https://github.com/upstream/whybackprop", None),  # a fork's site, upstream's notebook
        ("https://gitlab.com/owner/whybackprop", "https://gitlab.com/owner/whybackprop", None),  # GitHub only
        (None, URL, None),  # a local build: no repository known
    ],
)
def test_the_colab_link_appears_when_the_committed_notebook_installs_from_the_sites_repository(
    repo_url: str | None, committed: str, link: str | None
) -> None:
    assert notebook.colab_link(repo_url, committed, Path("docs_en/notebook.ipynb")) == link


@pytest.mark.parametrize("lang", NOTEBOOKS)
def test_the_committed_repository_is_read_from_the_install_cell(lang: str) -> None:
    committed = json.loads(NOTEBOOKS[lang].read_text(encoding="utf-8"))
    (line,) = [
        line for cell in committed["cells"] for line in cell["source"] if line.startswith("REPOSITORY = ")
    ]
    assert notebook.committed_repository(committed, "x") == ast.literal_eval(line.split("=", 1)[1].strip())
    pointed = notebook.with_repository(committed, URL, "x")
    assert notebook.committed_repository(pointed, "x") == URL


def page_links(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, committed: str, repo_url: str) -> str:
    """The links the hook puts under the title of the English notebook with `committed` in its
    REPOSITORY line, in a site whose repo_url is `repo_url`."""
    monkeypatch.setattr(notebook, "ROOT", tmp_path)
    source = json.loads(NOTEBOOKS["en"].read_text(encoding="utf-8"))
    (tmp_path / "docs_en").mkdir()
    (tmp_path / "docs_en" / "notebook.ipynb").write_text(
        json.dumps(notebook.with_repository(source, committed, "x")), encoding="utf-8"
    )
    config = SimpleNamespace(repo_url=repo_url, docs_dir=str(tmp_path / "docs_en"), theme={"language": "en"})
    page = SimpleNamespace(file=SimpleNamespace(src_uri="notebook.ipynb"), meta={})
    return notebook.on_page_content("<h1>Practice notebook</h1>", page, config, None)


def test_the_page_links_to_colab_only_when_its_notebook_names_the_sites_repository(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    linked = page_links(monkeypatch, tmp_path, URL, URL + "/")
    assert (
        'href="https://colab.research.google.com/github/owner/whybackprop/blob/main/docs_en/notebook.ipynb"'
        in linked
    )
    assert 'href="notebook.ipynb" download' in linked


def test_the_page_has_no_colab_link_when_its_notebook_names_no_repository(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    unlinked = page_links(monkeypatch, tmp_path, "", URL)
    assert "colab" not in unlinked and 'href="notebook.ipynb" download' in unlinked


def test_a_notebook_without_the_repository_line_fails_the_build() -> None:
    source = json.loads(NOTEBOOKS["ko"].read_text(encoding="utf-8"))
    for cell in source["cells"]:
        cell["source"] = [line for line in cell["source"] if not line.startswith("REPOSITORY = ")]
    with pytest.raises(PluginError, match="no install cell with a line REPOSITORY"):
        notebook.committed_repository(source, "notebook.ipynb")
    with pytest.raises(PluginError, match="no install cell with a line REPOSITORY"):
        notebook.with_repository(source, URL, "notebook.ipynb")


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a_figure_gets_the_description_of_the_snippet_that_draws_it(lang: str) -> None:
    descriptions = notebook.figure_descriptions(notebook.SNIPPETS[lang])
    cell = (
        '<div class="jp-Cell x"><pre>plotting.step_error_figure(steps, errors)</pre>'
        f'<img {notebook.PLACEHOLDER_ALT} src="x.png"></div>'
    )
    described = notebook.with_figure_descriptions(cell, PAGE, descriptions)
    assert notebook.PLACEHOLDER_ALT not in described
    assert descriptions["step_error_figure"][:20] in described.replace("&#x27;", "'")


def test_a_figure_no_snippet_describes_fails_the_build() -> None:
    cell = f'<div class="jp-Cell x"><pre>plt.plot(x)</pre><img {notebook.PLACEHOLDER_ALT}></div>'
    with pytest.raises(PluginError, match="needs a description"):
        notebook.with_figure_descriptions(cell, PAGE, {"step_error_figure": "…"})
