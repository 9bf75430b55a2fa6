"""Every formula of the built site was rendered at build time by KaTeX in strict mode (hooks/katex.py).

The build itself rejects a formula KaTeX cannot render strictly; these tests prove that it does
(a small build with broken formulas must fail, naming them) and that nothing reached the built
pages unrendered.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from editions import EDITIONS
from site_html import parse
from small_site import GOOD_MATH, GoodSite, append, math_markdown, small_copy_of_the_project, strict_build

KATEX_FONTS = Path(__file__).resolve().parent.parent / "node_modules/katex/dist/fonts"
# TeX left in prose means math that arithmatex did not pick up; it would show raw on the page.
RAW_TEX = re.compile(r"\\\(|\\\[|\$\$|\$\\[A-Za-z]")
# Known-bad formulas, one per page of a small build: each must fail it, named with its page.
BROKEN = {
    "black-box.md": r"\frac{1}{",  # unbalanced brace
    "learning.md": r"\nosuchmacro{x}",  # undefined macro
    "glossary.md": r"손실 = 1",  # Hangul outside \text{} (accepted unless strict)
}


def test_every_formula_is_typeset_in_the_built_pages(built_site) -> None:
    problems, count = [], 0
    for html in sorted(built_site.dir.rglob("*.html")):
        for node in parse(html).formulas:
            count += 1
            where = f"{html.relative_to(built_site.dir)}: {node.text.strip()[:60]!r}"
            expected = {"katex", "katex-display"} if node.tag == "div" else {"katex"}
            if not expected <= node.inner_classes:
                problems.append(f"{where} is not typeset ({' and '.join(sorted(expected))} missing)")
            if "katex-error" in node.inner_classes:
                problems.append(f"{where} is a KaTeX error")
    assert not problems, "formulas not rendered at build time:\n" + "\n".join(problems)
    assert count, "no formula found in the built site"
    print(f"\n{count} formulas rendered at build time")


def test_no_unrendered_tex_in_prose(built_site) -> None:
    found = []
    for html in sorted(built_site.dir.rglob("*.html")):
        prose = "".join(parse(html).prose)
        found += [
            f"{html.relative_to(built_site.dir)}: ...{prose[max(0, m.start() - 30) : m.end() + 30]}..."
            for m in RAW_TEX.finditer(prose)
        ]
    assert not found, "TeX outside math markup (shown raw):\n" + "\n".join(found)


class BracketedFormulas(HTMLParser):
    """The text of each <span class="math-bracketed"> (brackets, the formula's MathML and HTML)."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.texts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.depth:
            self.depth += 1
        elif tag == "span" and ("class", "math-bracketed") in attrs:
            self.depth = 1
            self.texts.append("")

    def handle_endtag(self, tag: str) -> None:
        if self.depth:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.texts[-1] += data


@pytest.mark.parametrize("edition", EDITIONS, ids=[e.lang for e in EDITIONS])
def test_an_inline_formula_keeps_its_brackets_on_its_line(built_site, edition) -> None:
    """ "batch size ($B$)" in a narrow glossary cell broke between "(" and the formula: the hook
    wraps a formula and the brackets right around it in one unbreakable span."""
    parser = BracketedFormulas()
    parser.feed((built_site.edition_dir(edition.lang) / "glossary/index.html").read_text(encoding="utf-8"))
    assert any(t.startswith("(") and t.endswith(")") for t in parser.texts), parser.texts
    odd = [t for t in parser.texts if not (t.startswith("(") or t.endswith(")"))]
    assert not odd, f"a wrapped formula with no bracket next to it: {odd}"


def test_each_page_preloads_the_katex_fonts_its_formulas_use(built_site) -> None:
    """A KaTeX font that arrives after the first paint changes its glyphs' widths and moves the rest
    of the line: a layout shift. Which classes use which font is read from KaTeX's own stylesheet
    (the browser's view is in tests/browser/test_browser_pages.py); a page must preload exactly the
    fonts its formulas use, the base font KaTeX_Main-Regular included."""
    css = (built_site.dir / "assets/katex/katex.min.css").read_text(encoding="utf-8")
    faces = {}  # (family, style, weight) -> woff2 file
    for face in re.findall(r"@font-face\{([^}]*)\}", css):
        family = re.search(r'font-family:"?(\w+)', face)[1]
        style, weight = re.search(r"font-style:(\w+)", face)[1], re.search(r"font-weight:(\d+)", face)[1]
        faces[family, style, weight] = re.search(r"url\(fonts/([\w-]+\.woff2)\)", face)[1]
    # ".katex .op-symbol.large-op{font-family:KaTeX_Size2}" -> ({"op-symbol", "large-op"}, "KaTeX_Size2-Regular.woff2")
    rules = []
    for group, body in re.findall(r"\.katex ([^{}@]+)\{([^}]*font-family:KaTeX_[^}]*)\}", css):
        family = re.search(r"font-family:(\w+)", body)[1]
        style = (re.search(r"font-style:(\w+)", body) or ["", "normal"])[1]
        weight = (re.search(r"font-weight:(\d+)", body) or ["", "400"])[1]
        for selector in group.split(",.katex "):
            classes = set(re.findall(r"\.([\w-]+)", selector.split()[-1].split(">")[0]))
            rules.append((classes, faces[family, style, weight]))
    assert len(rules) >= 20, f"KaTeX's stylesheet changed: font rules found: {rules}"
    problems, checked = [], 0
    for html in sorted(built_site.dir.rglob("*.html")):
        text = html.read_text(encoding="utf-8")
        if 'class="katex' not in text:
            continue
        used_classes = [set(c.split()) for c in re.findall(r'<span class="([^"]*)"', text)]
        needed = {"KaTeX_Main-Regular.woff2"} | {
            font for classes, font in rules if any(classes <= used for used in used_classes)
        }
        preloaded = set(re.findall(r'<link rel="preload" href="[^"]*/(KaTeX_[\w-]+\.woff2)"', text))
        checked += len(needed) > 2  # more than the base and Math-Italic
        if needed != preloaded:
            problems.append(
                f"{html.relative_to(built_site.dir)}: uses {sorted(needed)}, preloads {sorted(preloaded)}"
            )
    assert not problems, "KaTeX fonts not preloaded as used:\n" + "\n".join(problems)
    assert checked, "no page uses a KaTeX font beyond the base ones: the check checked little"


def test_good_math_is_rendered_into_the_page(good_site: GoodSite) -> None:
    formulas = parse(good_site.project / "site" / "index.html").formulas
    assert [f.tag for f in formulas] == ["span", "div"]
    assert all("katex" in f.inner_classes for f in formulas)
    assert "katex-display" in formulas[1].inner_classes


def test_a_formula_katex_rejects_fails_the_build(tmp_path: Path) -> None:
    project = small_copy_of_the_project(tmp_path)
    for page, tex in {"index.md": GOOD_MATH, **BROKEN}.items():
        append(project / "docs" / page, math_markdown(tex))
    result = strict_build(project)
    output = result.stdout + result.stderr
    assert result.returncode != 0, f"the build accepted broken formulas:\n{output}"
    for page, tex in BROKEN.items():
        assert f"{page}: {tex!r}" in output, f"the build error does not name {tex!r} on {page}:\n{output}"
    assert f"index.md: {GOOD_MATH!r}" not in output, f"the good formula was reported as broken:\n{output}"


class DrawnFormulaText(HTMLParser):
    """The characters inside KaTeX's <span class="katex-html"> (what its fonts draw)."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0  # open spans inside a katex-html span, itself included; 0 outside
        self.characters: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.depth and tag == "span":
            self.depth += 1
        elif tag == "span" and "katex-html" in (dict(attrs).get("class") or "").split():
            self.depth = 1

    def handle_endtag(self, tag: str) -> None:
        if self.depth and tag == "span":
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.characters |= set(data)


@pytest.mark.parametrize("edition", EDITIONS, ids=[e.lang for e in EDITIONS])
def test_the_cut_down_fonts_keep_every_character_the_formulas_show(built_site, edition) -> None:
    """The build cuts KaTeX's woff2 fonts down to the characters its formulas show; a character cut
    from its font would be drawn in a fallback font. Checked against the whole fonts in node_modules."""
    site = built_site.edition_dir(edition.lang)
    pages = [p for p in site.rglob("*.html") if edition.lang != "ko" or "en" not in p.relative_to(site).parts]
    shown = set()
    for page in pages:
        drawn = DrawnFormulaText()
        drawn.feed(page.read_text(encoding="utf-8"))
        shown |= drawn.characters
    assert {"θ", "∇", "∑", "ε"} <= shown, "the formulas' characters were not found"
    problems, smaller = [], 0
    for cut_path in sorted((site / "assets/katex/fonts").glob("*.woff2")):
        whole = set(TTFont(KATEX_FONTS / cut_path.name).getBestCmap())
        cut = set(TTFont(cut_path).getBestCmap())
        lost = sorted(chr(c) for c in whole & {ord(s) for s in shown} - cut)
        if lost:
            problems.append(f"{cut_path.name}: lost {lost}")
        smaller += cut_path.stat().st_size < (KATEX_FONTS / cut_path.name).stat().st_size / 2
    assert not problems, "characters the formulas show, cut from their fonts:\n" + "\n".join(problems)
    assert smaller >= 10, f"only {smaller} fonts were cut to less than half: is the build cutting them?"
