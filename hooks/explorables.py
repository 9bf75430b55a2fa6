"""The explorables (ε, η, a starting point and N, by hand): their data, exported from whybackprop at build.

A page asks for a widget with one empty element, e.g. ``<div class="explorable" data-explorable="epsilon"></div>``
(widgets: epsilon, descent, contour, cost). The descent stepper takes ``data-gradient="exact"`` (the
analytic gradient, the default) or ``data-gradient="forward"`` (the numerical gradient, with its
loss evaluations counted). On that page only, this hook

* points the element at its data (``data-src``, a JSON file written here from whybackprop, so the
  widget and the tests use the very same numbers), and
* adds the widgets' script right after it, inside the content. Material's instant navigation
  re-runs the scripts of the content it swaps in, so the script also arrives when a reader
  reaches the page by a link; it then builds the widgets on Material's ``document$``. The script
  adds the stylesheet (``data-style``) itself: a stylesheet <link> in the page would hold up the
  page's first rendering for a widget far below it. The script loads its two halves itself: the
  numerics (core.js) and the words (texts.js).

whybackprop is imported inside the functions, so that `mkdocs serve` reloading the hooks uses the
package as it is now, not as it was at the first build.

The static figure and prose stay on the page for print, readers without JavaScript and screen
readers; the widgets only add to them.
"""

from __future__ import annotations

import inspect
import json
import re
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results" / "cost_vs_n.json"
SITE_DIR = "assets/explorables"
SCRIPT, STYLE = f"{SITE_DIR}/explorables.js", f"{SITE_DIR}/explorables.css"
MODULES = (f"{SITE_DIR}/core.js", f"{SITE_DIR}/texts.js")  # loaded by the script, next to it
# The widget name -> the JSON it reads (None: it needs no data).
DATA = {
    "epsilon": None,
    "descent": f"{SITE_DIR}/black_box.json",
    "contour": f"{SITE_DIR}/black_box.json",
    "cost": f"{SITE_DIR}/cost.json",
}
GRADIENT_KINDS = ("exact", "forward")  # data-gradient of the descent stepper
CONTAINER = re.compile(
    r'<div class="explorable" data-explorable="([a-z-]+)"( data-gradient="([a-z]+)")?></div>'
)
PLACED = re.compile(
    r'<div class="explorable" data-explorable="[a-z-]+"[^>]*></div>'
)  # after on_post_page's edit
# The most steps a stepper runs: the learning page's regimes are measured with this budget too.
DESCENT_BUDGET = 3000
# The contour widget's plane and frame: those of snippets/descent_contour.py (a test compares).
CONTOUR = {
    "plane": [0, 3],
    "xlim": [0.5, 3.5],
    "ylim": [-2.5, 3.0],
    "eta": 0.5,
    "fit_lr": 0.5,
    "fit_steps": 1000,
}


def descent_data() -> dict[str, Any]:
    """The black box's data and the rules of `gradient_descent` the stepper must follow."""
    import numpy as np

    from whybackprop import gradient_descent, make_problem
    from whybackprop.blackbox import PARAMETER_NAMES, START_THETA

    problem = make_problem()
    best = gradient_descent(
        problem.loss,
        START_THETA,
        lr=CONTOUR["fit_lr"],
        steps=CONTOUR["fit_steps"],
        grad=problem.exact_gradient,
    ).theta
    plane = CONTOUR["plane"]
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
        "budget": DESCENT_BUDGET,
        "contour": {
            "plane": plane,
            "best": best.tolist(),
            "start": START_THETA[plane].tolist(),
            "xlim": CONTOUR["xlim"],
            "ylim": CONTOUR["ylim"],
            "eta": CONTOUR["eta"],
            "budget": DESCENT_BUDGET,
        },
    }


def cost_data() -> dict[str, Any]:
    """What `whybackprop.timing.predicted_seconds` needs: the network family and the measured rates."""
    from whybackprop.timing import GRADIENTS, multiplication_rate

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


EXPORTERS = {"descent": descent_data, "contour": descent_data, "cost": cost_data}


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
    written = set()
    for name in sorted(used & set(EXPORTERS)):
        if DATA[name] in written:  # two widgets may share one file
            continue
        written.add(DATA[name])
        content = json.dumps(EXPORTERS[name](), ensure_ascii=False)
        files.append(File.generated(config, str(DATA[name]), content=content))
    for uri in (SCRIPT, STYLE, *MODULES):
        if files.get_file_from_path(uri) is None:
            raise PluginError(f"the explorables need docs/{uri}, which is missing")
    return files


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    found = CONTAINER.findall(output)
    if not found:
        if "data-explorable" in output:
            raise PluginError(
                f"{page.file.src_uri}: a widget marker this hook cannot read; write it as {CONTAINER.pattern}"
            )
        return output
    unknown = [name for name, _, _ in found if name not in DATA]
    if unknown:
        raise PluginError(f"{page.file.src_uri}: unknown explorable {unknown}; known: {', '.join(DATA)}")
    kinds = [kind for name, _, kind in found if kind and (name != "descent" or kind not in GRADIENT_KINDS)]
    if kinds:
        raise PluginError(
            f"{page.file.src_uri}: data-gradient={kinds} is not one of {GRADIENT_KINDS} on a descent widget"
        )

    def url(uri: str) -> str:
        return get_relative_url(uri, page.url)

    def widget(match: re.Match[str]) -> str:
        name, data = match[1], DATA[match[1]]
        source = f' data-src="{url(data)}"' if data else ""
        gradient = match[2] or ""
        return f'<div class="explorable" data-explorable="{name}"{gradient}{source} data-style="{url(STYLE)}" hidden></div>'

    output = CONTAINER.sub(widget, output)
    # Once per page, after the last widget: the script (deferred, so that it runs after Material's
    # bundle has defined document$ on a full load). It adds the stylesheet to <head> itself.
    assets = f'<script defer src="{url(SCRIPT)}"></script>'
    last = list(PLACED.finditer(output))[-1]
    return output[: last.end()] + assets + output[last.end() :]
