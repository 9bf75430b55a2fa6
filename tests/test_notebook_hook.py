"""hooks/notebook.py: the Colab link and the figures' descriptions (the built pages are checked in
tests/browser/test_browser_surfaces.py)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from hook_module import load_hook
from mkdocs.exceptions import PluginError

notebook = load_hook("notebook")
ROOT = Path(__file__).resolve().parent.parent
PAGE = SimpleNamespace(file=SimpleNamespace(src_uri="notebook.ipynb"))


@pytest.mark.parametrize(
    ("repo_url", "docs_dir", "link"),
    [
        (
            "https://github.com/owner/whybackprop",
            "docs_en",
            "https://colab.research.google.com/github/owner/whybackprop/blob/main/docs_en/notebook.ipynb",
        ),
        ("https://gitlab.com/owner/whybackprop", "docs", None),  # Colab opens GitHub files only
        (None, "docs", None),  # a local build: no repository known
    ],
)
def test_the_colab_link_opens_the_committed_notebook(
    repo_url: str | None, docs_dir: str, link: str | None
) -> None:
    config = SimpleNamespace(repo_url=repo_url, docs_dir=str(ROOT / docs_dir))
    assert notebook.colab_link(config, PAGE) == link


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
