"""Math rendered at build time with the site's own KaTeX (no CDN, no script in the page).

KaTeX comes from npm (node_modules/katex, pinned by package-lock.json). Every formula that
pymdownx.arithmatex (or mkdocs-jupyter, for the notebook) left as <span class="arithmatex">\\(...\\)</span>
or <div class="arithmatex">\\[...\\]</div> is collected from every page, rendered by ONE node process
per build in strict mode, and the KaTeX HTML is written into the page. A formula KaTeX rejects fails
the build, naming the page and the formula. The pages then need only KaTeX's stylesheet and fonts,
which are added to the build under assets/katex/. Each woff2 font is cut down to the characters the
edition's formulas show (Main-Regular from 26 to 7 KB): the fonts a page uses are preloaded, ahead
of its first paint, and every kilobyte of them delays that paint on a slow phone connection.

The search index is written from the pages before their formulas are swapped in, so it holds the
TeX (\\(\\nabla L(\\boldsymbol{\\theta})\\)), which search results would show as is. After the search
plugin has written it, every formula in it becomes plain text read from KaTeX's MathML (∇L(θ)),
in both editions' indexes. A formula in the index that KaTeX did not render fails the build.
"""

from __future__ import annotations

import functools
import html
import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont
from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

HERE = Path(__file__).resolve().parent
KATEX_DIST = HERE.parent / "node_modules" / "katex" / "dist"
RENDERER = HERE / "katex_render.cjs"
SITE_DIR = "assets/katex"
# Makes the display formulas (and tables) that overflow at the reader's width keyboard stops (every page:
# instant navigation does not run the scripts of the page it moves to).
SCROLL_SCRIPT = HERE / "formula_scroll.js"
SCROLL_SCRIPT_URI = "assets/formula-scroll.js"  # not under assets/katex/: no KaTeX script is loaded
# Every KaTeX font a page's formulas use is preloaded: one that arrives after the first paint
# changes its glyphs' widths and moves the rest of the line (a layout shift). Main-Regular is every
# formula's base font; the others come with classes (katex.css: mathnormal is Math-Italic,
# boldsymbol Math-BoldItalic, large-op Size2, delimsizing size3 Size3, ...), read from KaTeX's own
# stylesheet. Each font is 5-30 KB, fetched only by the pages that use it.
BASE_FONT = "KaTeX_Main-Regular.woff2"
FONT_RULE = re.compile(r"\.katex ([^{}@]+)\{([^}]*font-family:KaTeX_[^}]*)\}")
FONT_FACE = re.compile(r"@font-face\{([^}]*)\}")
# arithmatex's generic output: the TeX, HTML-escaped, with no element inside; with the bracket right
# before or after it, if any ("batch size ($B$)" must not break between "(" and the formula).
ARITHMATEX = re.compile(
    r'(?P<opening>\(?)<(?P<tag>span|div) class="arithmatex">(?P<tex>.*?)</(?P=tag)>(?P<closing>\)?)',
    re.DOTALL,
)
DELIMITERS = [("\\(", "\\)"), ("\\[", "\\]"), ("$$", "$$"), ("$", "$")]

_formulas: dict[str, list[dict]] = {}  # page src_uri -> [{tex, display}] in page order
_rendered: dict[str, list[str]] = {}  # page src_uri -> KaTeX HTML in page order
_plain: dict[str, str] = {}  # TeX (white space collapsed) -> its plain text, for the search index


def strip_delimiters(text: str) -> str:
    """The TeX inside an .arithmatex node."""
    tex = text.strip()
    for opening, closing in DELIMITERS:
        if tex.startswith(opening) and tex.endswith(closing) and len(tex) >= len(opening) + len(closing):
            return tex[len(opening) : len(tex) - len(closing)]
    return tex  # e.g. a bare \begin{align}...\end{align}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _formulas.clear()  # `mkdocs serve` rebuilds in the same process
    _rendered.clear()
    _plain.clear()
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    missing = [name for name in ("katex.min.css", "fonts") if not (KATEX_DIST / name).exists()]
    if missing:
        raise PluginError(
            f"KaTeX is missing from {KATEX_DIST} ({', '.join(missing)}): run `npm ci` "
            "(or ./dev serve, which does it) before building the site"
        )
    for source in [KATEX_DIST / "katex.min.css", *sorted((KATEX_DIST / "fonts").iterdir())]:
        uri = f"{SITE_DIR}/{source.relative_to(KATEX_DIST).as_posix()}"
        files.append(File.generated(config, uri, abs_src_path=str(source)))
    files.append(File.generated(config, SCROLL_SCRIPT_URI, abs_src_path=str(SCROLL_SCRIPT)))
    return files


def on_page_content(html_text: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    _formulas[page.file.src_uri] = [
        {"tex": strip_delimiters(html.unescape(match["tex"])), "display": match["tag"] == "div"}
        for match in ARITHMATEX.finditer(html_text)
    ]
    return html_text  # the search index keeps the TeX; the HTML is swapped in on_post_page


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """Every page has been read: render all their formulas in one node run."""
    batch = [formula for formulas in _formulas.values() for formula in formulas]
    results = iter(render(batch)) if batch else iter(())
    failures = []
    for src_uri, formulas in _formulas.items():
        _rendered[src_uri] = []
        for formula in formulas:
            result = next(results)
            if "error" in result:
                failures.append(f"  {src_uri}: {formula['tex']!r}: {result['error']}")
            else:
                _rendered[src_uri].append(result["html"])
                _plain[" ".join(formula["tex"].split())] = plain_text(result["html"])
    if failures:
        raise PluginError("KaTeX cannot render these formulas (strict mode):\n" + "\n".join(failures))
    return env


def render(formulas: list[dict]) -> list[dict]:
    node = shutil.which("node")
    if node is None:
        raise PluginError("node is needed to render the math with KaTeX at build time")
    result = subprocess.run(
        [node, str(RENDERER)], input=json.dumps(formulas), capture_output=True, text=True, timeout=300
    )
    if result.returncode != 0:
        raise PluginError(f"KaTeX renderer failed:\n{result.stderr}")
    results: list[dict] = json.loads(result.stdout)
    if len(results) != len(formulas):
        raise PluginError(f"KaTeX renderer returned {len(results)} results for {len(formulas)} formulas")
    return results


@event_priority(-50)  # after the other hooks and plugins have edited the page
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    expected = _rendered.get(page.file.src_uri, [])
    rendered = iter(expected)
    count = 0

    def swap(match: re.Match[str]) -> str:
        nonlocal count
        count += 1
        opening, tag, closing = match["opening"], match["tag"], match["closing"]
        katex_html = next(rendered, "")  # a count that differs fails the build below
        formula = f'<{tag} class="arithmatex">{katex_html}</{tag}>'
        if tag == "span" and (opening or closing):  # a browser may break between "(" and the formula
            return f'<span class="math-bracketed">{opening}{formula}{closing}</span>'
        return opening + formula + closing

    output = ARITHMATEX.sub(swap, output)
    if count != len(expected):
        raise PluginError(f"{page.file.src_uri}: {count} formulas in the page, {len(expected)} rendered")
    if count:
        fonts = fonts_used("".join(expected))
        links = "".join(
            f'<link rel="preload" href="{get_relative_url(f"{SITE_DIR}/fonts/{font}", page.url)}" '
            'as="font" type="font/woff2" crossorigin>'
            for font in fonts
        )
        output = output.replace("</head>", f"{links}</head>", 1)
    script = get_relative_url(SCROLL_SCRIPT_URI, page.url)
    return output.replace("</body>", f'<script src="{script}"></script>\n</body>', 1)


def declarations(text: str) -> dict[str, str]:
    """'font-family:"KaTeX_Math";font-style:italic' -> {'font-family': 'KaTeX_Math', ...}"""
    pairs = (part.split(":", 1) for part in text.split(";") if ":" in part)
    return {name: value.strip('"') for name, value in pairs}


@functools.cache
def font_rules() -> tuple[tuple[frozenset[str], str], ...]:
    """(classes, font file) for each rule of KaTeX's stylesheet that sets a font: the classes an
    element needs for the rule to apply to it (".katex .op-symbol.large-op" -> op-symbol, large-op)."""
    css = (KATEX_DIST / "katex.min.css").read_text(encoding="utf-8")
    files = {}
    for face in FONT_FACE.findall(css):
        found = declarations(face)
        woff2 = re.search(r"url\(fonts/([\w-]+\.woff2)\)", found["src"])
        if not woff2:
            raise PluginError(f"KaTeX's stylesheet changed: no woff2 font in @font-face {{{face}}}")
        files[found["font-family"], found.get("font-style", "normal"), found.get("font-weight", "400")] = (
            woff2[1]
        )
    rules = []
    for selectors, body in FONT_RULE.findall(css):
        found = declarations(body)
        face = (found["font-family"], found.get("font-style", "normal"), found.get("font-weight", "400"))
        if face not in files:
            raise PluginError(
                f"KaTeX's stylesheet changed: {selectors} uses {face}, which no @font-face declares"
            )
        for selector in selectors.split(",.katex "):
            # the last element of the selector; ".delimsizing.mult .delim-size1>span" -> delim-size1
            classes = frozenset(re.findall(r"\.([\w-]+)", selector.split()[-1].split(">")[0]))
            rules.append((classes, files[face]))
    if not any(font == "KaTeX_Math-Italic.woff2" for _, font in rules):
        raise PluginError(f"KaTeX's stylesheet changed: no rule sets KaTeX_Math italic: {rules}")
    return tuple(rules)


def fonts_used(katex_html: str) -> list[str]:
    """The font files the rendered formulas use, the base font first."""
    elements = {frozenset(classes.split()) for classes in re.findall(r'class="([^"]*)"', katex_html)}
    used = {font for classes, font in font_rules() if any(classes <= element for element in elements)}
    return [BASE_FONT, *sorted(used - {BASE_FONT})]


# ---------------------------------------------------------------------------------------------
# The search index: formulas as plain text
# ---------------------------------------------------------------------------------------------

MATHML = re.compile(r"<math\b.*?</math>", re.DOTALL)
SUPERSCRIPTS = dict(zip("0123456789+−-=()ni", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ⁿⁱ", strict=True))
SUBSCRIPTS = dict(zip("0123456789+−-=()aeiknmt", "₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎ₐₑᵢₖₙₘₜ", strict=True))
SPACED = set("=≈≠<>≤≥⟹⇒→←↦∈+−×±")  # operators read with a space on each side
INVISIBLE = set("\u2061\u2062\u2063")  # function application, invisible times and separator
# A formula in the index: \(...\) or \[...\], outside code (a regular expression in a code block
# may hold the same characters).
INDEX_FORMULA = re.compile(r"\\\((.*?)\\\)|\\\[(.*?)\\\]", re.DOTALL)
INDEX_CODE = re.compile(r"(<pre\b.*?</pre>|<code\b.*?</code>)", re.DOTALL)


def plain_text(katex_html: str) -> str:
    """The text a reader would say for a formula, from KaTeX's MathML: θₙ₊₁ = θₙ − η∇L(θₙ)."""
    match = MATHML.search(katex_html)
    if match is None:
        raise PluginError(f"KaTeX's output has no MathML: {katex_html[:200]!r}")
    text = " ".join(_mathml_text(ET.fromstring(match[0])).split())
    return re.sub(r"(\w) \(", r"\1(", text)  # tanh(x), not tanh (x)


def _script(text: str, table: dict[str, str], mark: str) -> str:
    text = text.replace(" ", "")
    if text and all(char in table for char in text):
        return "".join(table[char] for char in text)
    return mark + _grouped(text)


def _grouped(text: str) -> str:
    """`text`, in parentheses if it has several terms (a fraction's numerator, an exponent)."""
    text = text.strip()
    return f"({text})" if any(char.isspace() or char in SPACED or char == "/" for char in text) else text


def _mathml_text(element: ET.Element) -> str:
    tag = element.tag.rsplit("}", 1)[-1]
    children = list(element)
    parts = [_mathml_text(child) for child in children]
    if tag == "annotation":
        return ""
    if tag == "mfrac" and len(parts) == 2:
        return f"{_grouped(parts[0])}/{_grouped(parts[1])}"
    if tag in ("msup", "mover") and len(parts) == 2:
        if tag == "mover" and element.get("accent") == "true":
            return parts[0]  # \hat x, \bar x: the letter
        return parts[0] + _script(parts[1], SUPERSCRIPTS, "^")
    if tag in ("msub", "munder") and len(parts) == 2:
        return parts[0] + _script(parts[1], SUBSCRIPTS, "_")
    if tag in ("msubsup", "munderover") and len(parts) == 3:
        scripts = _script(parts[1], SUBSCRIPTS, "_") + _script(parts[2], SUPERSCRIPTS, "^")
        return parts[0] + scripts + (" " if tag == "munderover" else "")  # ∑ᵢ₌₁^M xᵢ
    if tag == "msqrt":
        return "√" + _grouped("".join(parts))
    if tag == "mroot" and len(parts) == 2:
        return _script(parts[1], SUPERSCRIPTS, "^") + "√" + _grouped(parts[0])
    if tag == "mtr":
        return " ".join(parts)
    if tag == "mtable":
        return "; ".join(part.strip() for part in parts)
    if tag == "mspace":
        return " "
    own = "".join(char for char in element.text or "" if char not in INVISIBLE)
    if tag == "mo" and own.strip() in SPACED:
        own = f" {own.strip()} "
    elif tag == "mo" and own == ",":
        own = ", "
    elif tag == "mi" and len(own) > 1:  # a function's name (sin, tanh, max): a word of its own
        own = f" {own} "
    return own + "".join(part + (child.tail or "") for part, child in zip(parts, children, strict=True))


def plain_index_text(text: str, where: str) -> str:
    """`text` (HTML of a search index entry) with each formula outside code as plain text."""

    def plain(match: re.Match[str]) -> str:
        tex = " ".join(html.unescape(match[1] if match[1] is not None else match[2]).split())
        if tex not in _plain:
            raise PluginError(f"{where}: the search index holds a formula KaTeX did not render: {tex!r}")
        return html.escape(_plain[tex], quote=False)

    pieces = INDEX_CODE.split(text)
    return "".join(
        piece if index % 2 else INDEX_FORMULA.sub(plain, piece) for index, piece in enumerate(pieces)
    )


def shown_characters(katex_html: str) -> str:
    """The characters KaTeX's HTML draws (its MathML, for screen readers, is not drawn)."""
    return "".join(sorted(set(html.unescape(re.sub(r"<[^>]+>", "", MATHML.sub("", katex_html))))))


def subset_fonts(fonts: Path, characters: str) -> None:
    """Cut each woff2 font in `fonts` down to `characters` (those it has). The .woff and .ttf copies,
    for browsers without woff2, stay whole."""
    for path in sorted(fonts.glob("*.woff2")):
        font = TTFont(path)
        options = subset.Options()
        options.flavor = "woff2"
        options.layout_features = ["*"]  # kerning and the rest, as KaTeX's fonts have them
        options.hinting = False  # hints are for small text on low-resolution screens; half the size
        subsetter = subset.Subsetter(options)
        subsetter.populate(text=characters)
        subsetter.subset(font)
        font.save(path)


@event_priority(-90)  # after the search plugin has written the index (0), before hooks/search_spacing.py
def on_post_build(config: MkDocsConfig) -> None:
    formulas = "".join(katex_html for page in _rendered.values() for katex_html in page)
    subset_fonts(Path(config.site_dir) / SITE_DIR / "fonts", shown_characters(formulas))
    path = Path(config.site_dir) / "search" / "search_index.json"
    if not path.is_file():
        raise PluginError(f"{path}: no search index to write the formulas of as text")
    index = json.loads(path.read_text(encoding="utf-8"))
    for doc in index["docs"]:
        for field in ("title", "text"):
            doc[field] = plain_index_text(doc[field], f"{path.name} ({doc['location']})")
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
