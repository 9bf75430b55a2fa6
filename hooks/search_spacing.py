"""Korean search that ignores spacing: 경사하강법 finds the text 경사 하강법.

Material's search splits text at spaces and matches each typed word as a prefix of an indexed word
(it appends `*`). Korean is often typed without the spaces the text has (경사하강법, 중앙차분), and
such a query matched nothing. After the search plugin has written its index, this hook adds to every
entry hidden fields holding, for each word of a run of Hangul words, that word joined to the words
after it without spaces (at most MAX_SYLLABLES syllables): every unspaced query that starts at a word
of the text is then the prefix of an indexed piece. Pieces that cross no space are left out: the
text's own words already match them. Particles still work: "경사 하강법을" gives 경사하강법을, whose
prefix is 경사하강법.

The pieces weigh a thousandth of the field they come from: a spaced query also matches them (경사*
is a prefix of 경사하강법) and must rank pages as without them, while among the pieces a title still
outweighs text as in Material's own fields.

Not matched without spaces: a query starting inside a word (박스 for 블랙박스; the same with spaces),
one longer than MAX_SYLLABLES, one with a particle the text does not write (경사하강법이란), and text
in code blocks (no pieces: it keeps the index small). The index grows by about half (gzipped).

Only Hangul text gets pieces; an index without Hangul (another language's edition) is left as the
search plugin wrote it. An index that is not in the format this hook knows fails the build.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

MAX_SYLLABLES = 8  # the longest unspaced query matched (블랙박스모델의 is 7)
# The hidden fields: source field -> field holding its pieces.
FIELDS = {"title": "title_unspaced", "text": "text_unspaced"}
# A hidden field's boost is its source field's times this (Material's defaults: title 1000 -> 1,
# text 1 -> 0.001). Not lower: lunr rounds a term's weight to 0.001, and text pieces would weigh 0.
BOOST_SCALE = 1e-3
HANGUL = re.compile(r"[\uac00-\ud7a3]")
# Words of Hangul syllables separated only by white space.
HANGUL_RUN = re.compile(r"[\uac00-\ud7a3]+(?:\s+[\uac00-\ud7a3]+)+")
TAG = re.compile(r"<[^>]*>")
# Inline tags join what they touch (<code>x</code>를); any other tag separates.
INLINE_TAG = re.compile(r"</?(?:code|a|strong|em|b|i|span|mark|sub|sup)\b[^>]*>")
PREFORMATTED = re.compile(r"<pre\b.*?</pre>", re.DOTALL)


def unspaced_pieces(markup: str, *, whole_run_twice: bool = False) -> list[str]:
    """For each word of each run of Hangul words, the run from that word on without its spaces,
    cut at MAX_SYLLABLES; only pieces that cross a space. Each once, in order of appearance, except
    that with `whole_run_twice` a piece holding a whole run comes twice."""
    # Code and program output are not prose: a reader does not search them without spaces.
    text = html.unescape(TAG.sub(" ", INLINE_TAG.sub("", PREFORMATTED.sub(" ", markup))))
    pieces: dict[str, int] = {}
    for run in HANGUL_RUN.findall(text):
        words = run.split()
        for i in range(len(words) - 1):
            piece = "".join(words[i:])[:MAX_SYLLABLES]
            if len(piece) > len(words[i]):
                whole = whole_run_twice and piece == "".join(words)
                pieces[piece] = max(pieces.get(piece, 1), 2 if whole else 1)
    return [piece for piece, count in pieces.items() for _ in range(count)]


def fail(path: Path, problem: str) -> PluginError:
    return PluginError(f"search_spacing: {path}: {problem}; this hook knows Material's search index format")


def check_format(index: Any, path: Path) -> None:
    """Material's index: {"config": {"separator", "fields": {...}}, "docs": [{"location", "title", "text"}]}."""
    if (
        not isinstance(index, dict)
        or not isinstance(index.get("config"), dict)
        or not isinstance(index.get("docs"), list)
    ):
        raise fail(path, "expected an object with 'config' and a 'docs' list")
    fields = index["config"].get("fields")
    if not isinstance(fields, dict) or not all(isinstance(fields.get(source), dict) for source in FIELDS):
        raise fail(path, f"config.fields must hold {sorted(FIELDS)}, found {fields!r}")
    for source in FIELDS:
        boost = fields[source].get("boost")
        if not isinstance(boost, (int, float)) or isinstance(boost, bool) or boost <= 0:
            raise fail(path, f"config.fields.{source}.boost must be a positive number, found {boost!r}")
    taken = set(FIELDS.values()) & set(fields)
    if taken:
        raise fail(path, f"config.fields already has {sorted(taken)} (was the index processed twice?)")
    separator = index["config"].get("separator")
    if not isinstance(separator, str):
        raise fail(path, f"config.separator must be a string, found {separator!r}")
    try:
        splits_pieces = re.split(separator, "경사하강법 중앙차분") != ["경사하강법", "중앙차분"]
    except re.error as error:
        raise fail(
            path, f"config.separator {separator!r} is not a regular expression Python reads ({error})"
        ) from error
    if splits_pieces:  # the pieces must reach the index whole, one word each
        raise fail(
            path,
            f"config.separator {separator!r} splits Hangul words, so the pieces would not be indexed whole",
        )
    for doc in index["docs"]:
        if not isinstance(doc, dict) or not all(
            isinstance(doc.get(key), str) for key in ("location", "title", "text")
        ):
            raise fail(
                path, f"every entry of 'docs' needs string location, title and text; found {str(doc)[:200]!r}"
            )


def add_unspaced_fields(index: dict[str, Any]) -> bool:
    """Add the hidden fields to `index` (in place). False, and `index` untouched, if it has no Hangul."""
    if not any(HANGUL.search(doc["title"] + doc["text"]) for doc in index["docs"]):
        return False
    for source, hidden in FIELDS.items():
        index["config"]["fields"][hidden] = {
            "boost": index["config"]["fields"][source]["boost"] * BOOST_SCALE
        }
        for doc in index["docs"]:
            # A title typed whole (수치적기울기) should find the page of that title before the pages
            # whose longer titles hold it (블랙박스 모델의 수치적 기울기): its piece counts twice.
            pieces = unspaced_pieces(doc[source], whole_run_twice=source == "title")
            if pieces:
                doc[hidden] = " ".join(pieces)
    return True


# After the search plugin, which writes the index in its own on_post_build (priority 0).
@event_priority(-100)
def on_post_build(config: MkDocsConfig) -> None:
    path = Path(config.site_dir) / "search" / "search_index.json"
    if not path.is_file():
        raise fail(
            path, "no search index; the search plugin must be enabled and write it before this hook runs"
        )
    try:
        index = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise fail(path, f"not JSON ({error})") from error
    check_format(index, path)
    if add_unspaced_fields(index):
        # UTF-8 rather than \uXXXX escapes: Hangul takes 3 bytes instead of 6.
        path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
