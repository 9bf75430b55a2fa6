"""The explorables' words: every widget has the same strings in Korean and English, the English ones
carry no Hangul, and the page's <html lang> picks them (read in Node, outside a browser)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from editions import HANGUL

ROOT = Path(__file__).resolve().parent.parent
TEXTS = ROOT / "docs" / "assets" / "explorables" / "texts.js"
CORE = ROOT / "docs" / "assets" / "explorables" / "core.js"

# Loads the widgets' words (texts.js) and prints each language's strings: text as is, functions
# called with placeholder arguments (a0, a1, ...; a Korean particle helper when one is asked for).
PROBE = """
const texts = require(process.argv[1]);
const core = require(process.argv[2]);
function flat(value) {
  if (typeof value === "function") {
    // (typed, used, josa): the value used is a number, so that its particle can be picked
    if (/^\\(typed, used/.test(String(value))) return value("a0", "1", core.josa);
    return value(...Array.from({ length: value.length }, (_, i) => "a" + i));
  }
  if (Array.isArray(value)) return value.map(flat);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, flat(v)]));
  return value;
}
console.log(JSON.stringify(flat(texts)));
"""


@pytest.fixture(scope="module")
def texts() -> dict:
    node = shutil.which("node")
    assert node, "node is needed (./dev installs it)"
    result = subprocess.run(
        [node, "-e", PROBE, str(TEXTS), str(CORE)], capture_output=True, text=True, timeout=60
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


def test_the_glossary_words(texts: dict) -> None:
    """One term per concept, as the glossary promises (근삿값, 참값, 샘플; round-off error)."""
    korean, english = " ".join(strings(texts["ko"])), " ".join(strings(texts["en"]))
    for phrase in ("어림값", "정답 cos", "예제 16", "배치 16", "부르"):
        assert phrase not in korean, phrase
    assert "rounding error" not in english
    assert "근삿값" in korean and "참값 cos 1" in korean and "round-off error" in english


def test_messages_quoting_the_reader_need_no_particle(texts: dict) -> None:
    """What the reader typed is quoted as ‘…’ and followed by punctuation, not by a particle;
    the particle after the value used comes from the reading ("1" is 일: 1로)."""
    common = texts["ko"]["common"]
    for name in ("clamped", "notNumber", "rounded"):
        assert re.search(r"‘a0’[.:]", common[name]), common[name]
    assert "1로" in common["clamped"] and "(으)" not in common["clamped"]
    assert not [
        s for s in strings(texts["ko"]) if re.search(r"\((으|이|은|을)\)|이\(가\)|은\(는\)|을\(를\)", s)
    ]
