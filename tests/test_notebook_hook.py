"""hooks/notebook.py: the Colab link, the install cell's REPOSITORY line and the figures'
descriptions and files (the built pages are checked in tests/browser/test_browser_surfaces.py)."""

from __future__ import annotations

import ast
import base64
import json
import struct
import zlib
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
    config = SimpleNamespace(
        repo_url=repo_url,
        docs_dir=str(tmp_path / "docs_en"),
        theme={"language": "en"},
    )
    page = SimpleNamespace(
        file=SimpleNamespace(src_uri="notebook.ipynb", dest_uri="notebook/index.html"), meta={}
    )
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


def png(width: int, height: int) -> bytes:
    """A valid, blank PNG of that size."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\0" + b"\0" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        notebook.PNG_SIGNATURE
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def figure_cell(code: str, *images: bytes) -> str:
    shown = "".join(
        f'<img {notebook.PLACEHOLDER_ALT} class="" src="data:image/png;base64,{base64.b64encode(image).decode()}">'
        for image in images
    )
    return f'<div class="jp-Cell x"><pre>{code}</pre>{shown}</div>'


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a_figure_gets_its_description_and_moves_to_a_lazy_file(lang: str) -> None:
    descriptions = notebook.figure_descriptions(notebook.SNIPPETS[lang])
    image = png(7, 5)
    cells = figure_cell("print(1)") + figure_cell("plotting.step_error_figure(steps, errors)", image)
    described, figures = notebook.with_figures(cells, PAGE, descriptions)
    assert notebook.PLACEHOLDER_ALT not in described
    assert descriptions["step_error_figure"][:20] in described.replace("&#x27;", "'")
    assert "data:image" not in described
    assert 'src="step_error_figure.png" width="7" height="5" loading="lazy"' in described
    assert figures == {"step_error_figure": image}


def test_a_figure_no_snippet_describes_fails_the_build() -> None:
    cell = figure_cell("plt.plot(x)", png(2, 2))
    with pytest.raises(PluginError, match="needs a description"):
        notebook.with_figures(cell, PAGE, {"step_error_figure": "…"})


@pytest.mark.parametrize(
    ("cells", "error"),
    [
        (figure_cell("plotting.step_error_figure(s, e)", png(2, 2), png(3, 3)), "shows 2 PNG images"),
        (figure_cell("plotting.step_error_figure(s, e)", png(2, 2)) * 2, "drawn by two cells"),
    ],
    ids=["two-images", "drawn-twice"],
)
def test_a_figure_is_one_png_in_one_cell(cells: str, error: str) -> None:
    with pytest.raises(PluginError, match=error):
        notebook.with_figures(cells, PAGE, {"step_error_figure": "…"})


def test_an_image_that_is_not_a_png_fails_the_build() -> None:
    cell = figure_cell("plotting.step_error_figure(s, e)", b"GIF89a" + bytes(30))
    with pytest.raises(PluginError, match="not a PNG"):
        notebook.with_figures(cell, PAGE, {"step_error_figure": "…"})
