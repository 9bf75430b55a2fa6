"""Each English snippet (snippets/en/NAME.py) is the same program as its Korean twin (snippets/NAME.py).

Two checks keep the pair from drifting apart:

- the same syntax tree once what is language is set aside: strings (docstrings, messages, labels,
  the literal text of f-strings), comments, the format specs of f-string fields (``{x:>4}``: how a
  number is laid out, not which number) and ``lang=`` keyword arguments (the language of a figure);
- the same numbers printed, in the same order, line by line. Numbers glued to a unit word count with
  it: Korean 만/억/조 and English ``× 10⁸`` are factors, so "100억" and "100 × 10⁸" are one number.

Measured timings: both snippets of a pair run with the same fake clock (``time.process_time``,
``time.perf_counter`` and ``time.time`` step by one millisecond per call), so a measured time is
the same number in both runs, and a changed number next to it still shows.
"""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
KOREAN = sorted((ROOT / "snippets").glob("*.py"))
ENGLISH = sorted((ROOT / "snippets" / "en").glob("*.py"))

# Runs a snippet as `python snippets/.../NAME.py` would (its folder first on sys.path, argv, __main__),
# with a clock that counts calls instead of time.
FAKE_CLOCK_RUNNER = """
import itertools, os, runpy, sys, time
_ticks = itertools.count()
def _clock():
    return next(_ticks) * 0.001
time.process_time = time.perf_counter = time.time = _clock
path = sys.argv[1]
sys.argv = [path]
sys.path[0] = os.path.dirname(os.path.abspath(path))
runpy.run_path(path, run_name="__main__")
"""

SUPERSCRIPT = str.maketrans("⁻⁰¹²³⁴⁵⁶⁷⁸⁹", "-0123456789")
KOREAN_UNITS = {"만": 10**4, "억": 10**8, "조": 10**12}
# A number not glued to a Latin letter, digit, underscore or point before it (float64, θ_1, x2 are names),
# then an optional unit: a Korean 만/억/조 or "× 10ⁿ".
NUMBER = re.compile(
    r"(?<![A-Za-z_\d.])(?P<value>[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:[eE][-+]?\d+)?)"
    r"(?:\s*(?P<unit>[만억조])|\s*× 10(?P<power>[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+))?"
)


class _SetAside(ast.NodeTransformer):
    """Replace what a translation may change by fixed placeholders."""

    def visit_Constant(self, node: ast.Constant) -> ast.AST:
        return ast.Constant("<text>") if isinstance(node.value, str) else node

    def visit_JoinedStr(self, node: ast.JoinedStr) -> ast.AST:
        # An f-string: only its fields, in order, each without its format spec.
        fields = [self.visit(v.value) for v in node.values if isinstance(v, ast.FormattedValue)]
        return ast.Call(ast.Name("f_string", ast.Load()), fields, [])

    def visit_Call(self, node: ast.Call) -> ast.AST:
        node.keywords = [k for k in node.keywords if k.arg != "lang"]
        return self.generic_visit(node)


def program(source: str) -> str:
    """The syntax tree of `source` with the language set aside, as text."""
    return ast.dump(_SetAside().visit(ast.parse(source)))


def numbers(output: str) -> list[list[float]]:
    """The numbers of each printed line (empty lines dropped), units applied."""
    lines = []
    for line in output.splitlines():
        found = []
        for match in NUMBER.finditer(line):
            value = float(match["value"].replace(",", ""))
            if match["unit"]:
                value *= KOREAN_UNITS[match["unit"]]
            if match["power"]:
                value *= 10 ** int(match["power"].translate(SUPERSCRIPT))
            found.append(value)
        if line.strip():
            lines.append(found)
    return lines


def run(relative: str, root: Path) -> subprocess.CompletedProcess[str]:
    """`python relative` in `root` with only what is installed (a reader's environment), fake clock."""
    env = {**os.environ, "MPLBACKEND": "Agg"}
    env.pop("PYTHONPATH", None)
    return subprocess.run(
        [sys.executable, "-c", FAKE_CLOCK_RUNNER, relative],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_every_snippet_has_its_twin() -> None:
    assert [p.name for p in KOREAN] == [p.name for p in ENGLISH], (
        "snippets/ and snippets/en/ differ in file names"
    )


@pytest.mark.parametrize("name", [p.name for p in KOREAN])
def test_the_pair_is_the_same_program(name: str) -> None:
    korean = (ROOT / "snippets" / name).read_text(encoding="utf-8")
    english = (ROOT / "snippets" / "en" / name).read_text(encoding="utf-8")
    assert program(english) == program(korean), (
        f"snippets/en/{name} is not the same program as snippets/{name}"
    )


@pytest.mark.parametrize("name", [p.name for p in KOREAN])
def test_each_snippet_runs_standalone_and_the_pair_prints_the_same_numbers(
    name: str, repository_copy: Path
) -> None:
    """Each of the pair runs as a reader runs it (`python snippets/NAME.py` from the repository's
    top folder); then their numbers are compared."""
    paths = (f"snippets/{name}", f"snippets/en/{name}")
    results = {path: run(path, repository_copy) for path in paths}
    failed = [
        f"python {path} failed:\n{result.stdout}\n{result.stderr}"
        for path, result in results.items()
        if result.returncode != 0
    ]
    assert not failed, "\n\n".join(failed)
    korean, english = (numbers(results[path].stdout) for path in paths)
    assert korean, f"snippets/{name} printed no line"
    assert english == korean, f"snippets/en/{name} prints other numbers than snippets/{name}"


# --- the checks catch a drift (each case below is a real pair with one number changed) -------------


def test_a_changed_number_in_the_code_is_caught() -> None:
    korean = (ROOT / "snippets" / "hand_table.py").read_text(encoding="utf-8")
    english = (ROOT / "snippets" / "en" / "hand_table.py").read_text(encoding="utf-8")
    assert "0.001]" in english
    assert program(english.replace("0.001]", "0.002]")) != program(korean)
    # ...while rewording and re-laying out the numbers is not a change of program:
    assert program(
        english.replace("forward     central", "fwd central").replace(":9.6f", ":10.5f")
    ) == program(korean)


def test_a_changed_printed_number_is_caught() -> None:
    assert numbers("손실 0.5에서 100억 번") == numbers("loss 0.5, 100 × 10⁸ times") == [[0.5, 1e10]]
    assert numbers("N = 1,980, 손실 평가 1,981번") != numbers("N = 1,980, 1,982 loss evaluations")
    assert numbers("float64 θ_1 = 3") == [[3.0]]
