"""hooks/search_spacing.py on tiny search indexes: the pieces it adds, the index it leaves alone, the
index it refuses, and its place after the search plugin. The browser tests (tests/browser/
test_browser_search.py) check what a reader then finds."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError

from hook_module import load_hook

ROOT = Path(__file__).resolve().parent.parent
HOOK_PATH = ROOT / "hooks" / "search_spacing.py"


hook = load_hook("search_spacing")


def material_index(docs: list[dict[str, str]]) -> dict[str, Any]:
    """An index as Material's search plugin writes it (its default config)."""
    return {
        "config": {
            "lang": ["en"],
            "separator": "[\\s\\-]+",
            "pipeline": [" "],
            "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}, "tags": {"boost": 1000000.0}},
        },
        "docs": docs,
    }


KOREAN = [
    {"location": "", "title": "홈", "text": "<p>역전파, 기울기.</p>"},
    {
        "location": "numerical-gradient/#중앙-차분",
        "title": "중앙 차분: O(ε²)",
        "text": "<p>중앙 차분으로 어림합니다.</p>",
    },
    {
        "location": "learning/#경사-하강법",
        "title": "경사 하강법",
        "text": '<p><code>descend</code>로 경사 하강법을 씁니다.</p> <pre><code>print("경사 하강법 결과")\n</code></pre>',
    },
]


def build(tmp_path: Path, index: Any) -> Path:
    """A site folder holding `index` as its search index; returns the index's path."""
    path = tmp_path / "search" / "search_index.json"
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps(index) if not isinstance(index, str) else index, encoding="utf-8")
    return path


def run_hook(tmp_path: Path) -> None:
    hook.on_post_build(SimpleNamespace(site_dir=str(tmp_path)))


def test_pieces_join_the_words_from_each_word_on() -> None:
    # 경사 하강법을 씁니다 -> from 경사: 경사하강법을씁니 (cut at 8 syllables); from 하강법을: 하강법을씁니다.
    assert hook.unspaced_pieces("<p>경사 하강법을 씁니다.</p>") == ["경사하강법을씁니", "하강법을씁니다"]


def test_pieces_cross_a_space_and_skip_code_and_other_scripts() -> None:
    assert (
        hook.unspaced_pieces("<p>역전파. gradient descent 기울기</p>") == []
    )  # no two Hangul words in a row
    assert hook.unspaced_pieces("<pre><code># 경사 하강법\n</code></pre>") == []  # program text
    # An inline tag joins what it touches: <code>x</code>를 is the word "x를", not a Hangul word.
    assert hook.unspaced_pieces("<p><code>theta</code>를 매개 변수로</p>") == ["를매개변수로", "매개변수로"]
    assert hook.unspaced_pieces("<p>손실 &amp; 함수</p>") == []  # entities are text: & ends the run
    # A piece cut at MAX_SYLLABLES inside its first word crosses no space: the word itself matches.
    assert hook.unspaced_pieces("<p>가나다라마바사아자 차 카</p>") == ["차카"]


def test_a_whole_title_counts_twice() -> None:
    assert hook.unspaced_pieces("수치적 기울기", whole_run_twice=True) == ["수치적기울기", "수치적기울기"]
    assert hook.unspaced_pieces("블랙박스 모델의 수치적 기울기", whole_run_twice=True) == [
        "블랙박스모델의수",
        "모델의수치적기울",
        "수치적기울기",
    ]


def test_the_hook_adds_hidden_fields_to_a_korean_index(tmp_path: Path) -> None:
    path = build(tmp_path, material_index(copy.deepcopy(KOREAN)))
    run_hook(tmp_path)
    index = json.loads(path.read_text(encoding="utf-8"))
    assert index["config"]["fields"]["title_unspaced"] == {"boost": 1.0}
    assert index["config"]["fields"]["text_unspaced"] == {"boost": 1e-3}
    home, central, descent = index["docs"]
    assert "title_unspaced" not in home and "text_unspaced" not in home  # nothing crosses a space
    assert central["title_unspaced"] == "중앙차분 중앙차분"
    assert central["text_unspaced"] == "중앙차분으로어림 차분으로어림합니"
    assert descent["text_unspaced"] == "로경사하강법을씁 경사하강법을씁니 하강법을씁니다"
    for original, doc in zip(KOREAN, index["docs"]):  # what Material shows is unchanged
        assert {key: doc[key] for key in original} == original


def test_an_index_without_hangul_is_left_as_written(tmp_path: Path) -> None:
    english = material_index(
        [{"location": "", "title": "Gradient descent", "text": "<p>Central difference.</p>"}]
    )
    path = build(tmp_path, english)
    before = path.read_bytes()
    run_hook(tmp_path)
    assert path.read_bytes() == before


BOOST = {"boost": 1.0}


def test_english_entries_get_no_pieces(tmp_path: Path) -> None:
    # An English edition whose glossary keeps the Korean terms: only the Hangul gets pieces, so an
    # English query matches exactly what it matched before.
    english = [
        {
            "location": "",
            "title": "Why backpropagation",
            "text": "<p>Gradient descent needs the gradient.</p>",
        },
        {
            "location": "glossary/",
            "title": "Glossary",
            "text": "gradient descent 경사 하강법 central difference 중앙 차분",
        },
    ]
    path = build(tmp_path, material_index(copy.deepcopy(english)))
    run_hook(tmp_path)
    home, glossary = json.loads(path.read_text(encoding="utf-8"))["docs"]
    assert home == english[0]
    assert {key: glossary[key] for key in english[1]} == english[1]
    assert "title_unspaced" not in glossary
    assert glossary["text_unspaced"] == "경사하강법 중앙차분"


@pytest.mark.parametrize(
    ("index", "message"),
    [
        ("not json", "not JSON"),
        ({"docs": []}, "expected an object with 'config' and a 'docs' list"),
        ({"config": {"separator": " ", "fields": {"text": BOOST}}, "docs": []}, "config.fields must hold"),
        (
            {"config": {"separator": " ", "fields": {"title": {}, "text": BOOST}}, "docs": []},
            "title.boost must be a positive number",
        ),
        (
            {"config": {"fields": {"title": BOOST, "text": BOOST}}, "docs": []},
            "config.separator must be a string",
        ),
        (
            {
                "config": {"separator": "(?=[가-힣])|\\s+", "fields": {"title": BOOST, "text": BOOST}},
                "docs": [],
            },
            "splits",
        ),
        (
            {
                "config": {
                    "separator": "\\s+",
                    "fields": {"title": BOOST, "text": BOOST, "text_unspaced": BOOST},
                },
                "docs": [],
            },
            "already has",
        ),
        (
            {
                "config": {"separator": "\\s+", "fields": {"title": BOOST, "text": BOOST}},
                "docs": [{"location": "", "title": "홈"}],
            },
            "needs string location, title and text",
        ),
    ],
)
def test_an_index_in_another_format_fails_the_build(tmp_path: Path, index: Any, message: str) -> None:
    build(tmp_path, index)
    with pytest.raises(PluginError, match=message):
        run_hook(tmp_path)


def test_no_index_fails_the_build(tmp_path: Path) -> None:
    with pytest.raises(PluginError, match="no search index"):
        run_hook(tmp_path)


def test_the_hook_runs_after_the_search_plugin_wrote_the_index() -> None:
    config = load_config(str(ROOT / "mkdocs.yml"))
    order = [
        f"{handler.__module__}.{handler.__qualname__}" for handler in config.plugins.events["post_build"]
    ]
    search = order.index("material.plugins.search.plugin.SearchPlugin.on_post_build")
    spacing = order.index(f"{HOOK_PATH.relative_to(ROOT).as_posix()}.on_post_build")
    assert search < spacing, f"post_build order {order}: the hook must run after the search plugin"
