"""The downloadable notebook installs whybackprop from the repository the site was built from.

The first code cell of docs/notebook.ipynb installs the package when it is missing (a fresh
Jupyter or Colab). In the repository its `SOURCE = ...` line names the clone the notebook sits in;
when the deploy knows the repository's address (mkdocs.yml: repo_url, from REPO_URL), this hook
writes a `pip install "whybackprop[plot] @ git+ADDRESS"` source into the copy the site offers.
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

SOURCE_LINE = 'SOURCE = "../[plot]"\n'


def install_source(repo_url: str) -> str:
    """What pip installs the package (with matplotlib) from, given the repository's address."""
    return f"whybackprop[plot] @ git+{repo_url}"


def point_at_repository(notebook: dict, repo_url: str) -> dict:
    """`notebook` with its install cell's SOURCE line set to the repository; an error if it has none."""
    for cell in notebook["cells"]:
        if cell["cell_type"] == "code" and SOURCE_LINE in cell["source"]:
            index = cell["source"].index(SOURCE_LINE)
            cell["source"][index] = f"SOURCE = {json.dumps(install_source(repo_url))}\n"
            return notebook
    raise PluginError(f"no install cell with the line {SOURCE_LINE.strip()!r} in the notebook")


def on_post_build(config: MkDocsConfig) -> None:
    if not config.repo_url:  # a local build: the notebook keeps the from-a-clone source
        return
    for path in Path(config.site_dir).rglob("*.ipynb"):
        notebook = point_at_repository(
            json.loads(path.read_text(encoding="utf-8")), config.repo_url.rstrip("/")
        )
        path.write_text(json.dumps(notebook, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
