"""Every formula of the built site renders with the site's KaTeX in strict mode."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from site_html import parse

RENDERER = Path(__file__).with_name("katex_render.cjs")
DELIMITERS = [("\\(", "\\)"), ("\\[", "\\]"), ("$$", "$$"), ("$", "$")]
# TeX left in prose means math that arithmatex did not pick up; it would show raw on the page.
RAW_TEX = re.compile(r"\\\(|\\\[|\$\$|\$\\[A-Za-z]")
# Known-bad formulas sent in the same node run: each must be rejected, or the check is blind.
BROKEN = {
    r"\frac{1}{": "unbalanced brace",
    r"\nosuchmacro{x}": "undefined macro",
    r"손실 = 1": "Hangul outside \\text{}",
}
GOOD_CONTROL = r"\text{손실} = \frac{1}{N}\sum_{i=1}^{N} (y_i - \hat{y}_i)^2"


def strip_delimiters(text: str) -> str:
    """The TeX inside an .arithmatex node (the same rule as docs/javascripts/katex.js)."""
    tex = text.strip()
    for opening, closing in DELIMITERS:
        if tex.startswith(opening) and tex.endswith(closing) and len(tex) >= len(opening) + len(closing):
            return tex[len(opening) : len(tex) - len(closing)]
    return tex


def render(formulas: list[dict]) -> list[str | None]:
    node = shutil.which("node")
    assert node, "node is needed to check formulas with KaTeX"
    result = subprocess.run(
        [node, str(RENDERER)], input=json.dumps(formulas), capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_every_formula_renders_in_strict_mode(built_site) -> None:
    formulas = []
    for html in sorted(built_site.dir.rglob("*.html")):
        for node in parse(html).formulas:
            formulas.append(
                {"page": html.relative_to(built_site.dir).as_posix(), "tex": strip_delimiters(node.text),
                 "display": node.tag == "div"}
            )
    checks = [{"tex": tex, "display": False} for tex in [*BROKEN, GOOD_CONTROL]]
    results = render(checks + [{"tex": f["tex"], "display": f["display"]} for f in formulas])

    canary_results, site_results = results[: len(checks)], results[len(checks) :]
    for (tex, why), error in zip(BROKEN.items(), canary_results):
        assert error, f"KaTeX accepted a broken formula ({why}): {tex}"
    assert canary_results[-1] is None, f"KaTeX rejected the control formula: {canary_results[-1]}"

    failures = [f"{f['page']}: {f['tex']!r}: {error}" for f, error in zip(formulas, site_results) if error]
    assert not failures, "formulas KaTeX cannot render:\n" + "\n".join(failures)
    pages = {f["page"] for f in formulas}
    print(f"\n{len(formulas)} formulas on {len(pages)} pages render with KaTeX (strict)")
    assert formulas, "no formula found in the built site"


def test_no_unrendered_tex_in_prose(built_site) -> None:
    found = []
    for html in sorted(built_site.dir.rglob("*.html")):
        prose = "".join(parse(html).prose)
        found += [f"{html.relative_to(built_site.dir)}: ...{prose[max(0, m.start() - 30) : m.end() + 30]}..."
                  for m in RAW_TEX.finditer(prose)]
    assert not found, "TeX outside math markup (shown raw):\n" + "\n".join(found)


@pytest.mark.parametrize("text", ["\\(a\\)", "\\[a\\]", "$$a$$", "a"])
def test_strip_delimiters(text: str) -> None:
    assert strip_delimiters(text) == "a"
