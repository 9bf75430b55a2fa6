"""The explorables' build side: the data they read is whybackprop's, and they stay small."""

from __future__ import annotations

import gzip
import inspect
import json
import re
from pathlib import Path
from typing import Any

from whybackprop import gradient_descent, make_problem
from whybackprop.blackbox import START_THETA
from whybackprop.timing import GRADIENTS, multiplication_rate

ROOT = Path(__file__).resolve().parent.parent
BUDGET = 30 * 1024  # all widget JavaScript and CSS, gzipped
WIDGET_PAGES = {"numerical-gradient": "epsilon", "learning": "descent", "deep-network": "cost"}


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
    for page, name in WIDGET_PAGES.items():
        html = (built_site.dir / page / "index.html").read_text(encoding="utf-8")
        assert re.findall(r'data-explorable="([a-z]+)"', html) == [name], page
        assert (
            html.count("explorables.js") == 1
            and html.count('data-style="../assets/explorables/explorables.css"') == 1
        ), page
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
    assert set(sizes) == {"explorables.js", "explorables.css"}
    assert total <= BUDGET, f"widget JS + CSS is {total} bytes gzipped, more than {BUDGET}"
