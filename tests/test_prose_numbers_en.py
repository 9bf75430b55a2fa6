"""The English edition's numbers: the same placeholders as the Korean twin of each page, English
formats and sentences from hooks/prose_values.py, and every value on the built English page."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from test_prose_numbers import at_repository_root, placeholders, prose_numbers, prose_values  # noqa: F401 (at_repository_root: an autouse fixture)

from site_html import html_of_page, parse

ROOT = Path(__file__).resolve().parent.parent
DOCS, DOCS_EN = ROOT / "docs", ROOT / "docs_en"
HANGUL = re.compile(r"[\uac00-\ud7a3]")


PAGES = sorted(p.name for p in DOCS.glob("*.md"))


@pytest.fixture(scope="module")
def english() -> dict[str, str]:  # after the autouse at_repository_root, which it needs
    return prose_values.values("en")


@pytest.mark.parametrize("page", PAGES)
def test_the_english_page_states_the_same_numbers_as_its_korean_twin(page: str) -> None:
    korean, english = placeholders(DOCS / page), placeholders(DOCS_EN / page)
    assert english == korean, (
        f"docs_en/{page} lacks {sorted(korean - english)} and adds {sorted(english - korean)} against docs/{page}"
    )


def test_english_values_are_english(english: dict[str, str]) -> None:
    assert english.keys() == prose_values.values("ko").keys()
    assert not {name: text for name, text in english.items() if HANGUL.search(text)}
    assert english["lecture_step_100k"] == "10 billion"
    assert english["eta_bound_sentence"].startswith("The learning rate that converged")  # "the bound agrees"
    assert re.fullmatch(
        r"\d[\d,]* s \(about \d+ minutes\)|about [\d,]+ (hours|days)", english["last_numerical"]
    )


def test_the_english_notebook_states_the_lectures_number(english: dict[str, str]) -> None:
    assert english["lecture_step_100k"] in (DOCS_EN / "notebook.ipynb").read_text(encoding="utf-8")


def page_text(path: Path) -> str:
    raw = path.read_text(encoding="utf-8")
    raw = re.sub(r"<(script|style)\b.*?</\1>", " ", raw, flags=re.DOTALL)
    return html.unescape(re.sub(r"<[^>]+>", "", raw))


@pytest.mark.parametrize("page", PAGES)
def test_the_built_english_page_shows_its_values(built_site, english: dict[str, str], page: str) -> None:
    text = page_text(html_of_page(built_site.edition_dir("en"), page))
    assert "{{ " not in text, f"{page}: a placeholder was left unfilled"
    for name in placeholders(DOCS_EN / page):
        if not re.search(r"[$*`]", english[name]):  # Markdown and TeX are rendered; plain text is shown as is
            assert english[name] in text, (
                f"{page}: {{{{ {name} }}}} = {english[name]!r} is not on the built page"
            )


@pytest.mark.parametrize("page", ["learning.md", "black-box-gradient.md"])
def test_english_pages_report_runs_in_english(built_site, page: str) -> None:
    """The English snippets read the result fields and say the outcome in English, as the Korean ones do in Korean."""
    outputs = "\n".join(parse(html_of_page(built_site.edition_dir("en"), page)).code_of("text"))
    assert not HANGUL.search(outputs), f"{page}: Hangul in the printed output"
    assert re.search(r"Converged|diverged|Ran all \d+ steps", outputs), f"{page}: no English report of a run"
