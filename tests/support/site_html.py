"""Read what the built pages contain: code blocks by language, formulas, external references."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

# Elements whose text is not prose (for the search of math that was left unrendered).
NOT_PROSE = {"code", "pre", "script", "style", "textarea", "svg"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class Element:
    tag: str
    classes: set[str]
    text: str = ""
    inner_classes: set[str] = field(default_factory=set)  # classes of the elements inside


class PageParser(HTMLParser):
    """Collects highlighted code blocks, .arithmatex nodes, notebook cells and prose text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.code_blocks: list[Element] = []  # <div class="language-X highlight">
        self.formulas: list[Element] = []  # class="arithmatex"
        self.notebook_code_cells: list[Element] = []  # class="jp-CodeCell"
        self.prose: list[str] = []
        self.references: list[tuple[str, str, str]] = []  # (tag, attribute, url) that load something
        self.script_attributes: list[str] = []  # every attribute value of every <script>
        self.inline: dict[str, list[str]] = {"script": [], "style": []}  # inline code and CSS
        self.heading_ids: list[str] = []
        self._open: list[tuple[str, Element | None, bool]] = []  # (tag, collected element, skipped text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        classes = set(values.get("class", "").split())
        self._note_references(tag, values)
        if tag == "script":
            self.script_attributes += values.values()
        if tag in {"h1", "h2", "h3", "h4", "h5", "h6"} and "id" in values:
            self.heading_ids.append(values["id"])
        for _, outer, _ in self._open:
            if outer is not None:
                outer.inner_classes |= classes
        if tag in VOID:
            return
        element = None
        if tag == "div" and "highlight" in classes and any(c.startswith("language-") for c in classes):
            element = Element(tag, classes)
            self.code_blocks.append(element)
        elif "arithmatex" in classes:
            element = Element(tag, classes)
            self.formulas.append(element)
        elif "jp-CodeCell" in classes and not self._inside("jp-CodeCell"):
            # mkdocs-jupyter wraps each code cell in a second jp-CodeCell div: count the outer one.
            element = Element(tag, classes)
            self.notebook_code_cells.append(element)
        # Line numbers (linenums) are not code.
        skip = "linenos" in classes or "linenodiv" in classes
        self._open.append((tag, element, skip))

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self._open) - 1, -1, -1):
            if self._open[index][0] == tag:
                del self._open[index:]
                return

    def handle_data(self, data: str) -> None:
        if self._open and self._open[-1][0] in self.inline:
            self.inline[self._open[-1][0]].append(data)
        if any(skip for _, _, skip in self._open):
            return
        for _, element, _ in self._open:
            if element is not None:
                element.text += data
        tags = {tag for tag, _, _ in self._open}
        if not tags & NOT_PROSE and not self._inside("arithmatex"):
            self.prose.append(data)

    def _inside(self, css_class: str) -> bool:
        return any(element is not None and css_class in element.classes for _, element, _ in self._open)

    def _note_references(self, tag: str, values: dict[str, str]) -> None:
        loads = {
            "script": ["src"],
            "img": ["src"],
            "iframe": ["src"],
            "source": ["src", "srcset"],
            "audio": ["src"],
            "video": ["src", "poster"],
            "embed": ["src"],
            "object": ["data"],
        }
        for attribute in loads.get(tag, []):
            if values.get(attribute):
                self.references.append((tag, attribute, values[attribute]))
        if tag == "link" and values.get("href"):
            rel = values.get("rel", "").lower()
            if rel not in {"canonical", "alternate", "author", "license", "next", "prev", "search"}:
                self.references.append((tag, f"href (rel={rel})", values["href"]))

    def code_of(self, language: str) -> list[str]:
        return [block.text.strip() for block in self.code_blocks if f"language-{language}" in block.classes]


def parse(path: Path) -> PageParser:
    parser = PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser


def html_of_page(site_dir: Path, src_uri: str) -> Path:
    """The built HTML file of a docs page (use_directory_urls: foo.md -> foo/index.html)."""
    stem = src_uri.rsplit(".", 1)[0]
    if stem == "index" or stem.endswith("/index"):
        return site_dir / f"{stem}.html"
    return site_dir / stem / "index.html"
