"""Scaffold a new chapter page in both editions: `./dev new-page SLUG "한국어 제목" "English title"`.

Writes, and refuses to overwrite:
- docs/SLUG.md and docs_en/SLUG.md: the page shape every chapter page has (a lesson block from a
  snippet, a sentence with a computed number, a figure, 핵심 정리 / Key points, 확인 문제 / Check
  yourself with a computed answer);
- snippets/NAME.py and snippets/en/NAME.py (NAME = SLUG with "_" for "-"): the same program, with a
  `lesson` section the page shows and the figure contract (CAPTION, ALT, figure(), __main__) below it;
- hooks/values/NAME.py: the page's numbers, computed from whybackprop;
- a nav entry in mkdocs.yml and mkdocs.en.yml, after the last chapter page (before the notebook).

The result builds strict at once; CONTRIBUTING.md ("Anatomy of a page") lists what to change next.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
NAV_ANCHOR = "notebook.ipynb"  # new chapter pages go before the notebook

PAGE_KO = """\
# {title_ko}

이 페이지가 답할 질문을 한두 문장으로 씁니다. 그림과 생각을 먼저, 식은 그다음에 씁니다.

```python exec="on" source="above" result="text"
--8<-- "snippets/{name}.py:lesson"
```

매개 변수가 {{{{ n_parameters }}}}개이면 전진 차분은 손실 함수를 {{{{ forward_calls }}}}번 호출합니다.

<!-- figure snippets/{name}.py -->

## 핵심 정리

- 이 페이지에서 기억할 점을 세 가지에서 다섯 가지로 씁니다.
- 수치는 자리 표시자로 씁니다: 전진 차분 한 번에 손실 평가 {{{{ forward_calls }}}}번.

## 확인 문제

!!! question "문제 1"
    매개 변수가 {{{{ n_parameters }}}}개일 때 전진 차분은 손실 함수를 몇 번 호출할까요?

??? success "정답"
    $N + 1$ = {{{{ forward_calls }}}}번입니다. 매개 변수마다 한 번, 그리고 현재 매개 변수에서 한 번입니다.
"""

PAGE_EN = """\
# {title_en}

State the question this page answers in a sentence or two. The picture and the idea first, the
algebra after.

```python exec="on" source="above" result="text"
--8<-- "snippets/en/{name}.py:lesson"
```

With {{{{ n_parameters }}}} parameters, a forward difference calls the loss {{{{ forward_calls }}}} times.

<!-- figure snippets/en/{name}.py -->

## Key points

- Write three to five things to remember from this page.
- Numbers come from placeholders: one forward difference costs {{{{ forward_calls }}}} loss evaluations.

## Check yourself

!!! question "Question 1"
    How many times does a forward difference call the loss for {{{{ n_parameters }}}} parameters?

??? success "Answer"
    $N + 1$ = {{{{ forward_calls }}}} times: once per parameter, and once at the current parameters.
"""

SNIPPET = '''\
# --8<-- [start:lesson]
"""{docstring}"""

import numpy as np

from whybackprop import count_calls, numerical_gradient

for n in [1, 2, 4, 8]:
    loss = count_calls(lambda t: float(np.sum(t**2)))
    numerical_gradient(loss, np.ones(n))
    print(f"N = {{n}}: {{loss.calls}} {calls_word}")
# --8<-- [end:lesson]

# {figure_comment}
from whybackprop import plotting

CAPTION = "{caption}"
ALT = "{alt}"


def figure(scheme: str = "light", narrow: bool = False):
    """{figure_doc}"""
    n = np.arange(1, 9)
    layout = plotting.Layout(rows=1, cols=1, height=3.0)
    with plotting.canvas(scheme, "{lang}", narrow, layout) as page:
        ax = page.axes[0]
        ax.plot(n, n + 1, marker="o", color=page.colors.lines[0])
        ax.set_xlabel("{xlabel}")
        ax.set_ylabel("{ylabel}")
        return page.fig


if __name__ == "__main__":
    plotting.save_png(figure(), "{name}"{save_lang})
'''

SNIPPET_WORDS = {
    "ko": {
        "docstring": "전진 차분 한 번에 손실 함수를 몇 번 호출하는지 센다.",
        "calls_word": "번 호출",
        "figure_comment": "여기부터는 그림을 그리는 코드다. 페이지에는 위의 lesson 부분만 나온다.",
        "caption": "매개 변수 개수 N에 따른 손실 평가 횟수",
        "alt": "매개 변수 개수 N이 1에서 8까지 늘 때 손실 평가 횟수 N + 1이 직선으로 늘어나는 그래프.",
        "figure_doc": '그림: scheme은 "light" 또는 "dark", narrow=True는 휴대폰용 좁은 배치.',
        "xlabel": "매개 변수 개수 N",
        "ylabel": "손실 평가 횟수",
        "save_lang": "",
    },
    "en": {
        "docstring": "Count how many times one forward difference calls the loss.",
        "calls_word": "calls",
        "figure_comment": "From here on: the figure's code. The page shows only the lesson above.",
        "caption": "Loss evaluations against the number of parameters N",
        "alt": "As the number of parameters N grows from 1 to 8, the loss evaluations N + 1 grow on a straight line.",
        "figure_doc": 'The figure: scheme is "light" or "dark", narrow=True lays it out for a phone.',
        "xlabel": "number of parameters N",
        "ylabel": "loss evaluations",
        "save_lang": ', lang="en"',
    },
}

VALUES = '''\
"""The {slug} page's numbers: computed from whybackprop, formatted for each language."""

from __future__ import annotations

import numpy as np

from whybackprop import count_calls, numerical_gradient
from whybackprop.blackbox import PARAMETER_NAMES

from ._format import integer


def values(lang: str) -> dict[str, str]:
    n = len(PARAMETER_NAMES)
    loss = count_calls(lambda t: float(np.sum(t**2)))
    numerical_gradient(loss, np.ones(n))
    return {{"n_parameters": str(n), "forward_calls": integer(loss.calls, lang)}}
'''


def fail(message: str) -> None:
    sys.exit(f"new-page: {message}")


def add_to_nav(config: Path, title: str, page: str) -> None:
    """Insert `- title: page` before the notebook's nav entry, with the same indentation."""
    lines = config.read_text(encoding="utf-8").splitlines(keepends=True)
    for index, line in enumerate(lines):
        if line.rstrip().endswith(f": {NAV_ANCHOR}"):
            indent = line[: len(line) - len(line.lstrip())]
            lines.insert(index, f"{indent}- {title}: {page}\n")
            config.write_text("".join(lines), encoding="utf-8")
            return
    fail(f"{config.name}: no nav entry for {NAV_ANCHOR} to insert the page before")


def scaffold(root: Path, slug: str, title_ko: str, title_en: str) -> list[Path]:
    """Write the new page's files under `root` and return them; nothing is written on bad input."""
    if not SLUG.fullmatch(slug):
        fail(f"SLUG must be lowercase letters and digits joined by '-', like 'chain-rule'; got {slug!r}")
    for label, title in (("Korean title", title_ko), ("English title", title_en)):
        if not title.strip() or "\n" in title or ":" in title:
            fail(f"the {label} must be one line without ':' (it goes into the nav); got {title!r}")
    if re.search(r"[\uac00-\ud7a3]", title_en):
        fail(f"the English title must not contain Hangul; got {title_en!r}")
    name = slug.replace("-", "_")
    files = {
        root / "docs" / f"{slug}.md": PAGE_KO.format(title_ko=title_ko, name=name),
        root / "docs_en" / f"{slug}.md": PAGE_EN.format(title_en=title_en, name=name),
        root / "snippets" / f"{name}.py": SNIPPET.format(name=name, lang="ko", **SNIPPET_WORDS["ko"]),
        root / "snippets" / "en" / f"{name}.py": SNIPPET.format(name=name, lang="en", **SNIPPET_WORDS["en"]),
        root / "hooks" / "values" / f"{name}.py": VALUES.format(slug=slug),
    }
    if existing := [str(path.relative_to(root)) for path in files if path.exists()]:
        fail(f"{slug!r} exists already: {', '.join(existing)}")
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    add_to_nav(root / "mkdocs.yml", title_ko, f"{slug}.md")
    add_to_nav(root / "mkdocs.en.yml", title_en, f"{slug}.md")
    return [*files, root / "mkdocs.yml", root / "mkdocs.en.yml"]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="./dev new-page", description=__doc__.splitlines()[0])
    parser.add_argument("slug", help="the page's file name without .md, e.g. chain-rule")
    parser.add_argument("title_ko", help="the Korean title (nav and heading)")
    parser.add_argument("title_en", help="the English title (nav and heading)")
    parser.add_argument(
        "--root", type=Path, default=Path(__file__).resolve().parent.parent, help=argparse.SUPPRESS
    )
    args = parser.parse_args(argv)
    for path in scaffold(args.root, args.slug, args.title_ko, args.title_en):
        print(f"wrote {path.relative_to(args.root)}")
    print("next: ./dev serve, then see CONTRIBUTING.md, 'Anatomy of a page'")


if __name__ == "__main__":
    main()
