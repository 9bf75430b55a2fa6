"""The explorables' build side: the data they read is whybackprop's, and they stay small."""

from __future__ import annotations

import ast
import gzip
import inspect
import json
import re
from pathlib import Path
from typing import Any

from whybackprop import gradient_descent, make_problem
from whybackprop.blackbox import START_THETA
from whybackprop.timing import GRADIENTS, multiplication_rate

from hook_module import load_hook

ROOT = Path(__file__).resolve().parent.parent
BUDGET = 30 * 1024  # all widget JavaScript and CSS, gzipped
# Each widget page and its widgets, in page order (data-gradient for a descent stepper).
WIDGET_PAGES = {
    "numerical-gradient": [("epsilon", None)],
    "learning": [("descent", "exact"), ("contour", None)],
    "black-box-gradient": [("descent", "forward")],
    "deep-network": [("cost", None)],
}


def read_json(built_site: Any, name: str) -> Any:
    return json.loads((built_site.dir / "assets/explorables" / name).read_text(encoding="utf-8"))


def test_the_stepper_reads_the_very_data_and_rules_of_whybackprop(built_site: Any) -> None:
    data, problem = read_json(built_site, "black_box.json"), make_problem()
    # JSON keeps every float64 exactly (shortest round-trip form), so equality is exact.
    assert data["x"] == problem.x.tolist() and data["y"] == problem.y.tolist()
    assert data["start"] == START_THETA.tolist()
    defaults = inspect.signature(gradient_descent).parameters
    assert (data["tol"], data["explode"]) == (defaults["tol"].default, defaults["explode"].default)


def test_the_calculator_reads_the_measured_rates(built_site: Any) -> None:
    data = read_json(built_site, "cost.json")
    results = json.loads((ROOT / "benchmarks/results/cost_vs_n.json").read_text(encoding="utf-8"))
    assert data["rates"] == {g: multiplication_rate(results, g) for g in GRADIENTS}
    assert (data["width"], data["batch"]) == (results["setup"]["width"], results["setup"]["batch"])


def test_each_widget_page_has_one_widget_and_loads_the_assets_once(built_site: Any) -> None:
    for page, widgets in WIDGET_PAGES.items():
        html = (built_site.dir / page / "index.html").read_text(encoding="utf-8")
        found = re.findall(r'data-explorable="([a-z]+)"(?: data-gradient="([a-z]+)")?', html)
        assert found == [(name, gradient or "") for name, gradient in widgets], page
        assert html.count("explorables.js") == 1 and html.count(
            'data-style="../assets/explorables/explorables.css"'
        ) == len(widgets), page
    others = [p for p in built_site.dir.rglob("index.html") if p.parent.name not in WIDGET_PAGES]
    assert others, "no other page to check"
    for path in others:
        assert "explorables" not in path.read_text(encoding="utf-8"), (
            f"{path} loads the widgets without using them"
        )


def test_widget_code_fits_the_budget(built_site: Any) -> None:
    folder = built_site.dir / "assets/explorables"
    sizes = {
        p.name: len(gzip.compress(p.read_bytes(), compresslevel=9))
        for p in sorted(folder.glob("*.[jc]s*"))
        if p.suffix in (".js", ".css")
    }
    total = sum(sizes.values())
    print(f"explorables gzipped: {sizes}, total {total} bytes of {BUDGET}")
    assert set(sizes) == {"explorables.js", "explorables.css", "core.js", "texts.js"}
    assert total <= BUDGET, f"widget JS + CSS is {total} bytes gzipped, more than {BUDGET}"


def test_the_hook_imports_the_package_only_when_it_runs() -> None:
    """`mkdocs serve` reloads hooks but not the packages they imported: a module-level import of
    whybackprop would keep the first build's package."""
    tree = ast.parse((ROOT / "hooks" / "explorables.py").read_text(encoding="utf-8"))
    top = [node for node in tree.body if isinstance(node, (ast.Import, ast.ImportFrom))]
    names = [alias.name for node in top if isinstance(node, ast.Import) for alias in node.names]
    names += [node.module or "" for node in top if isinstance(node, ast.ImportFrom)]
    assert not [n for n in names if n.split(".")[0] in ("whybackprop", "numpy")], names


def test_the_contour_widget_shows_the_figure_s_plane() -> None:
    """Its plane, frame and fitted point are those of snippets/descent_contour.py."""
    contour = load_hook("explorables").CONTOUR
    for snippet in ("snippets/descent_contour.py", "snippets/en/descent_contour.py"):
        tree = ast.parse((ROOT / snippet).read_text(encoding="utf-8"))
        # The call that samples the contour plane names its frame (xlim, ylim).
        figure = next(
            {k.arg: ast.literal_eval(k.value) for k in node.keywords if k.arg in ("xlim", "ylim")}
            for node in ast.walk(tree)
            if isinstance(node, ast.Call) and {"xlim", "ylim"} <= {k.arg for k in node.keywords}
        )
        assert [list(figure["xlim"]), list(figure["ylim"])] == [contour["xlim"], contour["ylim"]], snippet
        plane = next(
            ast.literal_eval(node.value)
            for node in tree.body
            if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "PLANE"
        )
        assert plane == contour["plane"], snippet
        fit = next(
            node
            for node in ast.walk(tree)
            if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "best"
        )
        keywords = {k.arg: k.value for k in fit.value.value.keywords}  # gradient_descent(...).theta
        assert ast.literal_eval(keywords["lr"]) == contour["fit_lr"], snippet
        assert ast.literal_eval(keywords["steps"]) == contour["fit_steps"], snippet


def test_the_widgets_and_the_learning_page_share_one_step_budget() -> None:
    """The learning page measures its regimes with the budget the steppers run (both: exact gradient)."""
    learning = load_hook("placeholders").values_module("learning.md")
    assert learning is not None and learning.STEPS == load_hook("explorables").DESCENT_BUDGET
