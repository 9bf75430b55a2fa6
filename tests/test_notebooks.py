"""The two practice notebooks: one program, and exercises whose checks answer "not yet" as committed
and "correct" once solved.

- Pair: docs_en/notebook.ipynb is docs/notebook.ipynb translated: the same cells, and the same code
  once strings, comments and `lang=` are set aside (as tests/test_snippet_pairs.py does for snippets).
- Exercises: the code cells run in order in a fresh Python, as committed and with each placeholder
  answer replaced by a solution; the check cells print the verdicts (whybackprop.exercises).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from test_snippet_pairs import program

from whybackprop.exercises import WORDS

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = {"ko": ROOT / "docs" / "notebook.ipynb", "en": ROOT / "docs_en" / "notebook.ipynb"}

# Each exercise's placeholder line, and a solution that computes the answer (no answer is typed in).
SOLUTIONS = {
    "eta_limit = 0.5": (
        "low, high = 0.5, 1.0\n"
        "while high - low > 0.004:\n"
        "    middle = (low + high) / 2\n"
        "    low, high = (middle, high) if converges(middle) else (low, middle)\n"
        "eta_limit = low"
    ),
    "return (f(x + eps) - f(x)) / eps": "return (f(x + eps) - f(x - eps)) / (2 * eps)",
    "wrong_parameter = None": (
        "relative = np.abs(buggy - numeric) / np.maximum(np.abs(buggy), np.abs(numeric))\n"
        "wrong_parameter = PARAMETER_NAMES[int(np.argmax(relative))]"
    ),
    "predicted = 0": "predicted = 1 + exercises.EVALUATION_STEPS * (2 * N + 1)",
}
EXERCISES = len(SOLUTIONS)


def cells(lang: str, kind: str) -> list[str]:
    notebook = json.loads(NOTEBOOKS[lang].read_text(encoding="utf-8"))
    return ["".join(cell["source"]) for cell in notebook["cells"] if cell["cell_type"] == kind]


def python_of(cell: str) -> str:
    """A code cell without its IPython magics (`%matplotlib inline`)."""
    return "\n".join(line for line in cell.splitlines() if not line.lstrip().startswith("%"))


def test_the_notebooks_have_the_same_cells() -> None:
    kinds = [
        [cell["cell_type"] for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]]
        for path in NOTEBOOKS.values()
    ]
    assert kinds[0] == kinds[1]


@pytest.mark.parametrize("index", range(len(cells("ko", "code"))))
def test_each_code_cell_is_the_same_program(index: int) -> None:
    korean, english = (python_of(cells(lang, "code")[index]) for lang in ("ko", "en"))
    assert program(english) == program(korean), f"code cell {index} differs between the two notebooks"


def test_a_changed_number_in_a_cell_is_caught() -> None:
    english = python_of(cells("en", "code")[-1])
    assert "problem.x[0]" in english
    assert program(english.replace("problem.x[0]", "problem.x[1]")) != program(
        python_of(cells("ko", "code")[-1])
    )


def solved(source: str, lines: dict[str, str]) -> str:
    for placeholder, solution in lines.items():
        assert source.count(placeholder) == 1, f"the notebook should hold {placeholder!r} once"
        indent = source.split(placeholder)[0].rsplit("\n", 1)[-1]
        source = source.replace(placeholder, solution.replace("\n", "\n" + indent))
    return source


def run_notebook(lang: str, lines: dict[str, str]) -> str:
    source = solved("\n\n".join(python_of(cell) for cell in cells(lang, "code")), lines)
    env = {**os.environ, "MPLBACKEND": "Agg"}
    result = subprocess.run(
        [sys.executable, "-c", source],
        cwd=NOTEBOOKS[lang].parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("lang", NOTEBOOKS)
def test_as_committed_every_check_says_not_yet(lang: str) -> None:
    verdicts = [
        line for line in run_notebook(lang, {}).splitlines() if line.startswith(WORDS[lang]["not_yet"])
    ]
    assert len(verdicts) == EXERCISES


@pytest.mark.parametrize("lang", NOTEBOOKS)
def test_solved_every_check_says_correct(lang: str) -> None:
    output = run_notebook(lang, SOLUTIONS).splitlines()
    assert output.count(WORDS[lang]["correct"]) == EXERCISES, "\n".join(output)
    assert not any(line.startswith(WORDS[lang]["not_yet"]) for line in output)
