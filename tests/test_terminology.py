"""One term per concept, as the glossary promises: phrases the glossary replaced must not come back.

The test bans phrases, not words: 정답 is the title of every quiz answer and the word for a target, but
"정답 cos 1" names the exact value (참값); 배치 is a batch, so "배치 16개" (sixteen batches) must be
"샘플 16개" or "배치 크기 16". Each edition has its list, checked where a reader meets words:

- pages (docs/*.md, docs_en/*.md), quiz answer titles exempt;
- the practice notebooks (every cell);
- the widgets (docs/assets/explorables/*.js: the string literals, where their visible words are);
- the figures (the string constants of src/whybackprop/plotting*, labels and titles) and the
  snippets the pages show (snippets/*.py, snippets/en/*.py: code, comments, CAPTION and ALT).
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# phrase (a regular expression) -> the glossary's term to use instead
FORBIDDEN: dict[str, dict[str, str]] = {
    "ko": {
        r"정답\s*\|?\s*cos|정답은 cos": "미분값 f'(x)는 정답이 아니라 참값",
        r"참 기울기": "참값 f'(x), 또는 접선의 기울기",
        r"어림값": "근사로 얻은 값은 근삿값 (어림은 대강의 크기를 세는 것)",
        r"근사값": "근삿값",
        r"예제\s*(\d|\{|$)": "데이터 한 쌍은 샘플",
        r"배치\s*(\d+|\{[^}]*\})\s*개": "샘플 N개, 또는 배치 크기 N",
        r"좁은 배치": "배치는 batch: 좁은 그림 (휴대폰용)",
        r"센 곱셈": "세어 본 곱셈",
        r"(번|을|를) 부릅니다|불린 횟수|부르는 (일|횟수)": "함수는 호출",
        r"실수\(float64\)": "부동소수점 수(float64)",
    },
    "en": {
        r"(?i)rounding error": "round-off error",
        r"(?i)growth order": "log–log slope (empirical order), or order of accuracy",
        r"(?i)batch of (\d+|\{)": "N samples, or batch size N",
        r"(?i)true slope": "the exact value f'(x), or the tangent's slope",
        r"(?i)\b\d+ examples\b": "samples",
        r"(?i)times apart": "N times slower / faster",
        r"(?i)buys time with memory": "trades memory for speed",
    },
}
QUIZ_ANSWER_TITLE = re.compile(r'^\s*\?\?\?\+?\s+success\s+"[^"]*"\s*$')
JS_STRING = re.compile(r'"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|`(?:[^`\\]|\\.)*`')


def page_lines(path: Path) -> list[tuple[int, str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [(n, line) for n, line in enumerate(lines, 1) if not QUIZ_ANSWER_TITLE.match(line)]


def notebook_lines(path: Path) -> list[tuple[int, str]]:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return [(c, line) for c, cell in enumerate(cells, 1) for line in "".join(cell["source"]).splitlines()]


def js_strings(path: Path) -> list[tuple[int, str]]:
    found = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        found += [(n, literal[1:-1]) for literal in JS_STRING.findall(line)]
    return found


def python_strings(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    ]


def text_lines(path: Path) -> list[tuple[int, str]]:
    return list(enumerate(path.read_text(encoding="utf-8").splitlines(), 1))


def sources() -> list[tuple[str, Path, object]]:
    """(edition, file, how to read its words): every place a reader meets the chapter's words."""
    found: list[tuple[str, Path, object]] = []
    for lang, folder in (("ko", ROOT / "docs"), ("en", ROOT / "docs_en")):
        found += [(lang, p, page_lines) for p in sorted(folder.glob("*.md"))]
        found += [(lang, p, notebook_lines) for p in sorted(folder.glob("*.ipynb"))]
    found += [(lang, p, text_lines) for lang in ("ko",) for p in sorted((ROOT / "snippets").glob("*.py"))]
    found += [("en", p, text_lines) for p in sorted((ROOT / "snippets" / "en").glob("*.py"))]
    for lang in FORBIDDEN:  # widgets and figure labels hold both languages: each list applies
        found += [(lang, p, js_strings) for p in sorted((ROOT / "docs/assets/explorables").glob("*.js"))]
        figures = sorted((ROOT / "src/whybackprop").glob("plotting*.py"))
        figures += sorted((ROOT / "src/whybackprop").glob("plotting/*.py"))
        found += [(lang, p, python_strings) for p in figures]
    return found


def offences(lang: str, lines: list[tuple[int, str]], where: str) -> list[str]:
    return [
        f"{where}:{n}: {match.group(0)!r} (use: {instead})"
        for n, line in lines
        for phrase, instead in FORBIDDEN[lang].items()
        for match in [re.search(phrase, line)]
        if match
    ]


SOURCES = sources()


def test_every_kind_of_source_is_covered() -> None:
    kinds = {(lang, reader.__name__) for lang, _, reader in SOURCES}  # type: ignore[attr-defined]
    for lang in FORBIDDEN:
        assert {(lang, r) for r in ("page_lines", "notebook_lines", "js_strings", "python_strings")} <= kinds
    assert ("ko", "text_lines") in kinds and ("en", "text_lines") in kinds


@pytest.mark.parametrize(
    ("lang", "path", "reader"), SOURCES, ids=[f"{lang}-{p.relative_to(ROOT)}" for lang, p, _ in SOURCES]
)
def test_no_forbidden_phrase(lang: str, path: Path, reader) -> None:
    found = offences(lang, reader(path), str(path.relative_to(ROOT)))
    assert not found, "phrases the glossary replaced:\n" + "\n".join(found)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ko", "기울기(정답 cos 1)를 간격 ε으로 근사합니다"),
        ("ko", "접선: 참 기울기 $f'(x)$"),
        ("ko", "근삿값이 아니라 어림값"),
        ("ko", "세어 본 곱셈 수 (배치 16개)"),
        ("ko", 'f"배치 {batch}개"'),
        ("ko", "손실 함수를 N + 1번 부릅니다"),
        ("en", "Too small is bad too: Rounding error"),
        ("en", "log-log slope (growth order)"),
        ("en", "Counted multiplications (batch of 16)"),
        ("en", "the same gradient, 33,006 times apart"),
    ],
)
def test_a_forbidden_phrase_is_caught(lang: str, text: str) -> None:
    assert offences(lang, [(1, text)], "example")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ko", '??? success "정답"'),
        ("ko", "참값 cos 1과 비교한 근삿값"),
        ("ko", "샘플 16개, 배치 크기 16"),
        ("ko", "입력과 정답 한 쌍"),
        ("en", "round-off error"),
        ("en", "16 samples (batch size 16)"),
    ],
)
def test_the_right_terms_pass(lang: str, text: str) -> None:
    assert not offences(lang, page_lines_of(text), "example")


def page_lines_of(text: str) -> list[tuple[int, str]]:
    return [(n, line) for n, line in enumerate(text.splitlines(), 1) if not QUIZ_ANSWER_TITLE.match(line)]


def test_js_strings_are_read_without_comments() -> None:
    assert JS_STRING.findall('estimate: "어림값", // rounding error') == ['"어림값"']
