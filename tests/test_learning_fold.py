"""The learning page folds its Hessian and contour material into an unindented <details> block, and
the figure hook still draws the contour figure inside it (the hook finds markers at column 0 only)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from editions import EDITIONS, Edition
from site_html import html_of_page

DETAILS = re.compile(r"<details>\s*<summary>(?P<summary>.*?)</summary>(?P<body>.*?)</details>", re.DOTALL)
FIGURE = re.compile(r'<figure class="whybackprop-figure".*?</figure>', re.DOTALL)
SUMMARY = {"ko": "더 알아보기", "en": "Going further"}


def fold_of(html: str, lang: str) -> str:
    folds = [m for m in DETAILS.finditer(html) if SUMMARY[lang] in m["summary"]]
    assert len(folds) == 1, f"expected one '{SUMMARY[lang]}' fold on the learning page, found {len(folds)}"
    return folds[0]["body"]


def check_learning_page(html: str, lang: str) -> None:
    """What a reader of the built page gets: the fold, its figure drawn, its Markdown rendered."""
    body = fold_of(html, lang)
    figures = FIGURE.findall(body)
    assert len(figures) == 1 and "descent_contour-light" in figures[0], (
        "the contour figure is not drawn in the fold"
    )
    assert "<!-- figure" not in html, "a figure marker was left in the page"
    assert 'class="arithmatex"' in body or "katex" in body, "the fold's formulas were not rendered"
    assert "```" not in body and "$$" not in body, "the fold's Markdown was not rendered"
    assert "language-text" in body, "the contour snippet's output is missing from the fold"
    outside = html.replace(body, "")
    assert "learning_rate-light" in outside and "learning_rate-light" not in body  # the main line's figure


@pytest.mark.parametrize("edition", EDITIONS, ids=lambda e: e.lang)
def test_the_contour_figure_is_drawn_inside_the_fold(built_site, edition: Edition) -> None:
    page: Path = html_of_page(built_site.edition_dir(edition.lang), "learning.md")
    check_learning_page(page.read_text(encoding="utf-8"), edition.lang)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_check_fails_when_the_figure_is_missing(lang: str) -> None:
    """The check is not vacuous: a fold without the figure (what an indented marker gives) fails it."""
    html = (
        f'<p>x</p><figure class="whybackprop-figure"><img src="../figures/learning_rate-light.svg"></figure>'
        f'<details>\n<summary>{SUMMARY[lang]}: ...</summary>\n<p class="arithmatex">x</p>'
        f'<div class="language-text highlight"></div></details>'
    )
    with pytest.raises(AssertionError, match="contour figure is not drawn"):
        check_learning_page(html, lang)
