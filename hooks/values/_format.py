"""How the prose writes numbers, in each language, and the check that a result still fits its sentence.

Korean groups large numbers by 만/억/조, English by million/billion/trillion. Durations follow one rule,
which the widgets reproduce exactly (a test compares them): the shown number has two significant
digits below 100 and is a whole number from 100 up.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

# The benchmark's recorded results, by their path from the repository root (the build runs there).
RESULTS = Path("benchmarks/results/cost_vs_n.json")

UNITS = {
    "ko": ((10**12, "조"), (10**8, "억"), (10**4, "만")),
    "en": ((10**12, " trillion"), (10**9, " billion"), (10**6, " million")),
}
TIME_WORDS = {
    "ko": {"s": "초", "min": "분", "h": "시간", "day": "일", "year": "년", "about": "약 "},
    "en": {"s": " s", "min": " minutes", "h": " hours", "day": " days", "year": " years", "about": "about "},
}
BEFORE_PARENTHESIS = {"ko": "", "en": " "}  # "1,234초(약 21분)" but "1,234 s (about 21 minutes)"
DATE_FORMAT = {"ko": "%Y년 %m월 %d일", "en": "%d %B %Y"}
MINUTE, HOUR, DAY = 60, 3600, 86400
YEAR = 365.25 * DAY


class StoryChanged(Exception):
    """A result no longer fits the sentence the page writes about it."""


def story(holds: bool, sentence: str) -> None:
    """Fail unless the result the page's sentence states still holds: the writer must rewrite it."""
    if not holds:
        raise StoryChanged(f"the result changed the story, rewrite the sentence: {sentence}")


def integer(value: int, lang: str = "ko") -> str:
    """1001 → "1,001" (both languages group by thousands in digits)."""
    return f"{value:,}"


def large(value: float, lang: str = "ko", digits: int = 3) -> str:
    """10_000_100_000 → "100억" (ko) or "10 billion" (en); below the first unit, digits with commas."""
    for size, name in UNITS[lang]:
        if abs(value) >= size:
            units = value / size
            return f"{units:,.0f}{name}" if abs(units) >= 10**digits else f"{units:.{digits}g}{name}"
    return f"{value:,.0f}"


def scientific(value: float, digits: int = 3) -> str:
    """2.220446e-16 → "2.22 × 10⁻¹⁶" (for prose; formulas write their own TeX)."""
    mantissa, exponent = f"{value:.{digits - 1}e}".split("e")
    superscript = str(int(exponent)).translate(str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹"))
    return f"{mantissa} × 10{superscript}"


def figure(value: float, lang: str = "ko") -> str:
    """The number of a duration: 2 significant digits below 100 (5.5, 38), whole from 100 up (247, 1,234)."""
    rounded = float(f"{value:.2g}")
    return f"{rounded:g}" if rounded < 100 else large(value, lang)


def _unit(number: str, word: str, lang: str) -> str:
    if lang == "en" and number == "1" and word != " s":
        word = word.removesuffix("s")  # "about 1 hour"
    if lang == "ko" and number[-1] in "만억조":
        word = " " + word  # "1,038만 년"
    return number + word


def duration(seconds: float, lang: str = "ko") -> str:
    """A time a reader can picture: ms below a second, then s, minutes, hours, days or years."""
    words, about = TIME_WORDS[lang], TIME_WORDS[lang]["about"]
    if seconds < 1:
        return f"{figure(seconds * 1e3, lang)} ms"
    if seconds < MINUTE:
        return _unit(figure(seconds, lang), words["s"], lang)
    if seconds < HOUR:
        minutes = _unit(figure(seconds / MINUTE, lang), words["min"], lang)
        return f"{_unit(figure(seconds, lang), words['s'], lang)}{BEFORE_PARENTHESIS[lang]}({about}{minutes})"
    if seconds < 2 * DAY:
        return about + _unit(figure(seconds / HOUR, lang), words["h"], lang)
    if seconds < 2 * YEAR:
        return about + _unit(figure(seconds / DAY, lang), words["day"], lang)
    return about + _unit(figure(seconds / YEAR, lang), words["year"], lang)


def benchmark_results() -> dict[str, Any]:
    return json.loads(RESULTS.read_text(encoding="utf-8"))
