"""The three explorables (ε, η and N by slider): their data, exported from whybackprop at build.

A page asks for a widget with one empty element, e.g. ``<div class="explorable" data-explorable="epsilon"></div>``
(widgets: epsilon, descent, cost). On that page only, this hook

* points the element at its data (``data-src``, a JSON file written here from whybackprop, so the
  widget and the tests use the very same numbers), and
* adds the widgets' script right after it, inside the content. Material's instant navigation
  re-runs the scripts of the content it swaps in, so the script also arrives when a reader
  reaches the page by a link; it then builds the widgets on Material's ``document$``. The script
  adds the stylesheet (``data-style``) itself: a stylesheet <link> in the page would hold up the
  page's first rendering for a widget far below it.

The static figure and prose stay on the page for print, readers without JavaScript and screen
readers; the widgets only add to them.
"""

from __future__ import annotations

import inspect
import json
import re
from pathlib import Path
from typing import Any

import numpy as np
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from whybackprop import gradient_descent, make_problem
from whybackprop.blackbox import PARAMETER_NAMES, START_THETA
from whybackprop.timing import GRADIENTS, multiplication_rate

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results" / "cost_vs_n.json"
SITE_DIR = "assets/explorables"
SCRIPT, STYLE = f"{SITE_DIR}/explorables.js", f"{SITE_DIR}/explorables.css"
# The widget name -> the JSON it reads (None: it needs no data).
DATA = {"epsilon": None, "descent": f"{SITE_DIR}/black_box.json", "cost": f"{SITE_DIR}/cost.json"}
CONTAINER = re.compile(r'<div class="explorable" data-explorable="([a-z-]+)"></div>')
PLACED = re.compile(
    r'<div class="explorable" data-explorable="[a-z-]+"[^>]*></div>'
)  # after on_post_page's edit


def descent_data() -> dict[str, Any]:
    """The black box's data and the rules of `gradient_descent` the stepper must follow."""
    problem = make_problem()
    defaults = inspect.signature(gradient_descent).parameters
    return {
        "x": problem.x.tolist(),
        "y": problem.y.tolist(),
        "names": list(PARAMETER_NAMES),
        "start": START_THETA.tolist(),
        # numerical_gradient's default forward step is sqrt(machine eps) * max(1, |theta_i|).
        "step_base": float(np.finfo(np.float64).eps) ** 0.5,
        "tol": defaults["tol"].default,
        "explode": defaults["explode"].default,
    }


def cost_data() -> dict[str, Any]:
    """What `whybackprop.timing.predicted_seconds` needs: the network family and the measured rates."""
    results = json.loads(RESULTS.read_text(encoding="utf-8"))
    largest = max(results["points"], key=lambda point: point["n_params"])
    return {
        "width": results["setup"]["width"],
        "batch": results["setup"]["batch"],
        "rates": {gradient: multiplication_rate(results, gradient) for gradient in GRADIENTS},
        "measured_n": largest["n_params"],
        "measured_at": results["measured_at"],
        "cpu": results["machine"]["cpu_model"],
    }


EXPORTERS = {"descent": descent_data, "cost": cost_data}


def on_files(files: Files, config: MkDocsConfig) -> Files:
    # Only the widgets some page asks for: a site without them needs neither data nor script.
    used = set()
    for page in files.documentation_pages():
        if page.abs_src_path:
            used |= set(
                re.findall(
                    r'data-explorable="([a-z-]+)"', Path(page.abs_src_path).read_text(encoding="utf-8")
                )
            )
    if not used:
        return files
    for name in sorted(used & set(EXPORTERS)):
        content = json.dumps(EXPORTERS[name](), ensure_ascii=False)
        files.append(File.generated(config, str(DATA[name]), content=content))
    for uri in (SCRIPT, STYLE):
        if files.get_file_from_path(uri) is None:
            raise PluginError(f"the explorables need docs/{uri}, which is missing")
    return files


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    found = CONTAINER.findall(output)
    if not found:
        return output
    unknown = [name for name in found if name not in DATA]
    if unknown:
        raise PluginError(f"{page.file.src_uri}: unknown explorable {unknown}; known: {', '.join(DATA)}")

    def url(uri: str) -> str:
        return get_relative_url(uri, page.url)

    def widget(match: re.Match[str]) -> str:
        name, data = match[1], DATA[match[1]]
        source = f' data-src="{url(data)}"' if data else ""
        return f'<div class="explorable" data-explorable="{name}"{source} data-style="{url(STYLE)}" hidden></div>'

    output = CONTAINER.sub(widget, output)
    # Once per page, after the last widget: the script (deferred, so that it runs after Material's
    # bundle has defined document$ on a full load). It adds the stylesheet to <head> itself.
    assets = f'<script defer src="{url(SCRIPT)}"></script>'
    last = list(PLACED.finditer(output))[-1]
    return output[: last.end()] + assets + output[last.end() :]
