"""Search results read as text: formulas as plain text (hooks/katex.py's index step), and no
notebook prompts or copy-button words (hooks/notebook.py), in both editions' built indexes."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from mkdocs.exceptions import PluginError

from editions import EDITIONS
from hook_module import load_hook

katex = load_hook("katex")
TEX = re.compile(r"\\[(\[]|\\[a-zA-Z]{2,}")  # \( \[ or a command such as \boldsymbol
CODE = re.compile(r"<pre\b.*?</pre>|<code\b.*?</code>", re.DOTALL)


@pytest.mark.parametrize(
    ("tex", "text"),
    [
        (
            r"\boldsymbol{\theta}_{n+1} \leftarrow \boldsymbol{\theta}_n - \eta \nabla L(\boldsymbol{\theta}_n)",
            "θₙ₊₁ ← θₙ − η∇L(θₙ)",
        ),
        (r"\frac{f(x + \varepsilon) - f(x)}{\varepsilon}", "(f(x + ε) − f(x))/ε"),
        (r"\frac{\partial L}{\partial a}", "∂L/∂a"),
        (r"y = a\tanh(bx + c) + d", "y = a tanh(bx + c) + d"),
        (r"\theta = (a, b, c, d)", "θ = (a, b, c, d)"),
        (r"\sqrt{\varepsilon}", "√ε"),
    ],
)
def test_a_formula_reads_as_plain_text(tex: str, text: str) -> None:
    (result,) = katex.render([{"tex": tex, "display": False}])
    assert katex.plain_text(result["html"]) == text


def test_formulas_in_code_stay_and_an_unknown_formula_fails() -> None:
    katex._plain.clear()
    katex._plain["x^2"] = "x²"
    text = r"<p>\(x^2\)</p><pre><code>re.compile(r'\(x\)')</code></pre>"
    assert katex.plain_index_text(text, "test") == r"<p>x²</p><pre><code>re.compile(r'\(x\)')</code></pre>"
    with pytest.raises(PluginError, match="did not render"):
        katex.plain_index_text(r"<p>\(y^3\)</p>", "test")


@pytest.mark.parametrize("edition", EDITIONS, ids=[e.lang for e in EDITIONS])
def test_the_built_index_has_no_tex_and_no_notebook_prompts(built_site: Any, edition: Any) -> None:
    index = json.loads((built_site.dir / edition.path / "search" / "search_index.json").read_text("utf-8"))
    problems = []
    for doc in index["docs"]:
        prose = CODE.sub(" ", doc["title"] + " " + doc["text"])
        problems += [f"{doc['location']}: TeX {m[0]!r}" for m in TEX.finditer(prose)]
        problems += [f"{doc['location']}: {w!r}" for w in ("Copied!", "In\xa0[", "Out[") if w in prose]
    assert not problems, f"{len(problems)} search entries show raw TeX or notebook prompts: {problems[:10]}"
