"""The explorables' words: every widget has the same strings in Korean and English, the English ones
carry no Hangul, and the page's <html lang> picks them (read in Node, outside a browser)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "docs" / "assets" / "explorables" / "explorables.js"
HANGUL = re.compile(r"[\uac00-\ud7a3]")

# Loads the widget script with a page of the given language and no widget on it, then prints each
# language's strings: text as is, functions called with placeholder arguments (a0, a1, ...).
PROBE = """
const lang = process.argv[2];
globalThis.window = {};
globalThis.document = { readyState: "complete", documentElement: { lang }, querySelectorAll: () => [] };
require(process.argv[1]);
function flat(value) {
  if (typeof value === "function") return value(...Array.from({ length: value.length }, (_, i) => "a" + i));
  if (Array.isArray(value)) return value.map(flat);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, flat(v)]));
  return value;
}
console.log(JSON.stringify(flat(window.whyBackpropExplorables.text)));
"""


@pytest.fixture(scope="module")
def texts() -> dict:
    node = shutil.which("node")
    assert node, "node is needed (./dev installs it)"
    result = subprocess.run(
        [node, "-e", PROBE, str(SCRIPT), "en"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def keys(tree: object, prefix: str = "") -> set[str]:
    if isinstance(tree, dict):
        return set().union(*(keys(v, f"{prefix}.{k}") for k, v in tree.items())) | {prefix}
    return {prefix}


def strings(tree: object) -> list[str]:
    if isinstance(tree, dict):
        return [s for v in tree.values() for s in strings(v)]
    if isinstance(tree, list):
        return [s for v in tree for s in strings(v)]
    return [tree] if isinstance(tree, str) else []


def test_both_languages_have_the_same_strings(texts: dict) -> None:
    assert set(texts) == {"ko", "en"}
    assert keys(texts["en"]) == keys(texts["ko"])


def test_english_strings_carry_no_hangul_and_every_argument(texts: dict) -> None:
    assert not [s for s in strings(texts["en"]) if HANGUL.search(s)]
    # A function's sentence uses each of its arguments in both languages (a0 may touch Hangul: no \b).
    argument = re.compile(r"(?<![A-Za-z0-9])a\d(?!\d)")
    for widget, table in texts["ko"].items():
        for name, korean in table.items():
            if isinstance(korean, str) and argument.search(korean):
                used = set(argument.findall(korean))
                assert set(argument.findall(texts["en"][widget][name])) == used, f"{widget}.{name}"


def test_the_page_language_picks_the_strings() -> None:
    script = SCRIPT.read_text(encoding="utf-8")
    assert 'TEXTS[document.documentElement.lang === "en" ? "en" : "ko"]' in script
    assert not re.search(r"\bTEXT\.", script), "a string read from one language only"
