"""The reader's surfaces around the lesson, in both editions: search results as text, one colour
scheme across the language switch, wide formulas on a phone, the notebook's figures in the dark
scheme, the self-check, Korean type, the 404 page and focus under the sticky header."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from typing import Any

import numpy as np
import pytest
from browsing import PALETTE_TOGGLE, SCHEMES, use_scheme, wait_until_rendered
from PIL import Image

from editions import EDITIONS, ENGLISH, KOREAN
from hook_module import load_hook

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
RAW_TEX = ("\\(", "\\[", "\\boldsymbol", "\\frac", "\\varepsilon", "\\theta")
NOTEBOOK_LEFTOVERS = ("Copied!", "In [", "In\xa0[", "Out[")
# Queries whose results include formulas (and the notebook) in each edition.
QUERIES = {"ko": ["경사 하강법", "기울기", "노트북"], "en": ["gradient descent", "epsilon", "notebook"]}
PLACEHOLDER_ALT = "No description has been provided for this image"
# The stylesheet mkdocs-jupyter inlines whole and hooks/notebook_styles.py cuts to what the page uses.
JUPYTERLAB_CSS = load_hook("notebook_styles").JUPYTERLAB_CSS


@pytest.fixture
def context(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport=DESKTOP, reduced_motion="reduce")
    context.set_default_timeout(10_000)
    yield context
    context.close()


def scheme(page: Any) -> str:
    return str(page.evaluate("document.body.getAttribute('data-md-color-scheme')"))


@pytest.mark.parametrize("edition", EDITIONS, ids=[e.lang for e in EDITIONS])
def test_search_results_show_no_tex_and_no_notebook_prompts(
    context: Any, site_url: str, edition: Any
) -> None:
    page = context.new_page()
    page.goto(site_url + edition.path)
    box = page.locator("input[data-md-component=search-query]")
    box.click()
    problems = []
    for query in QUERIES[edition.lang]:
        box.fill(query)
        box.press("End")  # Material searches on keyup
        page.wait_for_function("document.querySelectorAll('.md-search-result__item').length > 0")
        # Material shows the first results and folds the rest of a page's sections ("more"): open them.
        page.evaluate("document.querySelectorAll('.md-search-result details').forEach(d => d.open = true)")
        text = page.locator(".md-search-result__list").inner_text()
        problems += [
            f"{query!r} shows {leftover!r}" for leftover in RAW_TEX + NOTEBOOK_LEFTOVERS if leftover in text
        ]
    assert not problems, f"search results ({edition.lang}): {problems}"


def test_the_colour_scheme_is_kept_across_the_language_switch(context: Any, site_url: str) -> None:
    page = context.new_page()
    page.goto(site_url + "learning/")
    for _ in range(3):  # Material's toggle cycles: system -> light -> dark
        if scheme(page) == "slate":
            break
        page.locator(PALETTE_TOGGLE).click()
    assert scheme(page) == "slate", "the palette toggle never reached the dark scheme"
    for edition in (ENGLISH, KOREAN):  # there and back
        link = page.locator(f"a.md-select__link[hreflang={edition.lang}]")
        with page.expect_navigation():
            link.evaluate("a => a.click()")  # the selector is a hover menu: click it as a script would
        page.wait_for_load_state()
        assert page.evaluate("document.documentElement.lang") == edition.lang
        assert scheme(page) == "slate", (
            f"the {edition.lang} edition forgot the dark scheme chosen in the other"
        )


# Each formula as the reader meets it: scrolled to, then measured (off screen, content-visibility
# skips its layout and it has no width to measure).
OVERFLOW_JS = """async () => {
  const frame = () => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
  const found = [];
  for (const f of document.querySelectorAll('.md-typeset div.arithmatex')) {
    f.scrollIntoView({block: 'center'});
    await frame();
    await new Promise(done => setTimeout(done, 50));
    found.push({
      overflows: f.scrollWidth > f.clientWidth + 1,
      tabindex: f.getAttribute('tabindex'),
      label: f.getAttribute('aria-label'),
      shadow: getComputedStyle(f).backgroundImage.includes('radial-gradient'),
      tex: f.querySelector('annotation') ? f.querySelector('annotation').textContent.slice(0, 60) : '',
    });
  }
  return found;
}"""


def formula_problems(page: Any, where: str) -> tuple[int, list[str]]:
    """(formulas that overflow, problems): only overflowing formulas are named keyboard stops."""
    formulas = page.evaluate(OVERFLOW_JS)
    problems = []
    for f in formulas:
        if f["overflows"] and (f["tabindex"] != "0" or not f["label"] or not f["shadow"]):
            problems.append(f"{where}: {f['tex']!r} overflows but is no named keyboard stop with a shadow")
        if not f["overflows"] and f["tabindex"] is not None:
            problems.append(f"{where}: {f['tex']!r} fits but is a keyboard stop")
    return sum(f["overflows"] for f in formulas), problems


@pytest.mark.parametrize("edition", EDITIONS, ids=[e.lang for e in EDITIONS])
def test_only_formulas_that_overflow_are_keyboard_stops(browser: Any, site_url: str, edition: Any) -> None:
    context = browser.new_context(viewport=PHONE, reduced_motion="reduce")
    try:
        page = context.new_page()
        page.goto(site_url + edition.path + "numerical-gradient/")
        wait_until_rendered(page)
        overflowing, problems = formula_problems(page, "phone")
        assert overflowing, "no formula overflows on a phone: the test has nothing to check"
        page.set_viewport_size(DESKTOP)  # the same page, wider: re-checked on resize
        wider, more = formula_problems(page, "desktop")
        assert wider < overflowing, "widening the window did not let any formula fit"
        # Instant navigation to another page with formulas, at phone width again.
        page.set_viewport_size(PHONE)
        old = page.locator("[data-md-component=container]").element_handle()
        page.evaluate(f"location$.next(new URL({json.dumps(site_url + edition.path + 'learning/')}))")
        page.wait_for_function("old => !old.isConnected", arg=old)
        wait_until_rendered(page)
        _, after = formula_problems(page, "after instant navigation")
        assert not problems + more + after, "\n".join(problems + more + after)
    finally:
        context.close()


def background_luminance(png: bytes) -> float:
    """Relative luminance (WCAG) of an image's commonest colour."""
    pixels = np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).reshape(-1, 3)
    colours, counts = np.unique(pixels, axis=0, return_counts=True)
    c = colours[counts.argmax()] / 255.0
    linear = np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
    return float(linear @ np.array([0.2126, 0.7152, 0.0722]))


@pytest.mark.parametrize("edition", EDITIONS, ids=[e.lang for e in EDITIONS])
def test_notebook_figures_follow_the_dark_scheme_and_are_described(
    browser: Any, site_url: str, edition: Any
) -> None:
    context = browser.new_context(viewport=DESKTOP, color_scheme="dark", reduced_motion="reduce")
    try:
        page = context.new_page()
        page.goto(site_url + edition.path + "notebook/")
        wait_until_rendered(page)
        assert scheme(page) == "slate"
        figures = page.locator(".jupyter-wrapper .jp-RenderedImage img")
        assert figures.count() >= 1, "the notebook shows no figure"
        # Lazy figures: each is loaded before it is judged (an unloaded one shows the dark page).
        assert figures.evaluate_all(
            "async images => { for (const img of images) img.loading = 'eager';"
            " await Promise.all(images.map(img => img.decode()));"
            " return images.every(img => img.naturalWidth > 0); }"
        ), "a notebook figure did not load"
        problems = []
        for index in range(figures.count()):
            figure = figures.nth(index)
            figure.scroll_into_view_if_needed()
            alt = figure.get_attribute("alt") or ""
            if alt == PLACEHOLDER_ALT or len(alt) < 20:
                problems.append(f"figure {index}: alt text {alt!r} does not describe it")
            if edition.lang == "ko" and not any("가" <= char <= "힣" for char in alt):
                problems.append(f"figure {index}: alt text {alt[:40]!r} is not Korean")
            luminance = background_luminance(figure.screenshot())
            if luminance > 0.05:
                problems.append(
                    f"figure {index}: a light card (background luminance {luminance:.2f}) on the dark page"
                )
        assert not problems, "\n".join(problems)
    finally:
        context.close()


# The page's cut JupyterLab stylesheet: the largest <style> all of whose rules are JupyterLab's,
# unchanged (the light theme's few rules, inlined after it, are JupyterLab's too). `use` puts the cut
# or the whole stylesheet in it and waits for the page to be drawn with it; the number of rules of each.
JUPYTERLAB_STYLE_JS = """async ([whole, use]) => {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(whole);
  const jupyterlab = new Set([...sheet.cssRules].map(rule => rule.cssText));
  window.jupyterlabStyle ??= [...document.querySelectorAll('style')]
    .filter(style => [...style.sheet.cssRules].every(rule => jupyterlab.has(rule.cssText)))
    .sort((a, b) => b.sheet.cssRules.length - a.sheet.cssRules.length)[0];
  window.cutJupyterlab ??= window.jupyterlabStyle.textContent;
  window.jupyterlabStyle.textContent = use === 'whole' ? whole : window.cutJupyterlab;
  await new Promise(drawn => requestAnimationFrame(() => requestAnimationFrame(drawn)));
  return {whole: sheet.cssRules.length, used: window.jupyterlabStyle.sheet.cssRules.length};
}"""


def computed_styles(cdp: Any, properties: list[str]) -> dict[str, list[str]]:
    """Each laid-out node's (pseudo-elements included) computed value of each property, in one call."""
    snapshot = cdp.send("DOMSnapshot.captureSnapshot", {"computedStyles": properties})
    strings, (document, *_) = snapshot["strings"], snapshot["documents"]
    nodes, layout = document["nodes"], document["layout"]
    styles = {}
    for node, values in zip(layout["nodeIndex"], layout["styles"]):
        attributes = nodes["attributes"][node]
        names = dict(zip(attributes[::2], attributes[1::2]))
        described = strings[nodes["nodeName"][node]].lower()
        classes = [strings[value] for name, value in names.items() if strings[name] == "class"]
        key = f"{node} {described}{''.join('.' + c for c in ' '.join(classes).split())}"
        styles[key] = [f"{p}: {strings[v]}" for p, v in zip(properties, values)]
    return styles


def settled_styles(cdp: Any, properties: list[str]) -> dict[str, list[str]]:
    """computed_styles once two captures in a row agree. Right after a swap of stylesheets the header
    was seen, now and then, with its auto margins at 0px in one capture and 30px in the next."""
    last = computed_styles(cdp, properties)
    for _ in range(5):
        current = computed_styles(cdp, properties)
        if current == last:
            return current
        last = current
    raise AssertionError("the page's computed styles kept changing across six captures")


@pytest.mark.parametrize("edition", EDITIONS, ids=[e.lang for e in EDITIONS])
def test_the_notebook_looks_the_same_with_jupyterlabs_whole_stylesheet(
    context: Any, site_url: str, edition: Any
) -> None:
    """hooks/notebook_styles.py keeps only the rules that can style the page: putting the whole
    stylesheet back changes no computed style of any element, in either scheme."""
    page = context.new_page()
    page.goto(site_url + edition.path + "notebook/")
    wait_until_rendered(page)
    page.add_style_tag(content="* { content-visibility: visible !important; }")  # every element styled
    properties = page.evaluate("[...getComputedStyle(document.body)].filter(name => !name.startsWith('--'))")
    cdp = context.new_cdp_session(page)
    whole = JUPYTERLAB_CSS.read_text(encoding="utf-8")
    for scheme in SCHEMES:
        use_scheme(page, scheme)
        rules = page.evaluate(JUPYTERLAB_STYLE_JS, [whole, "cut"])
        cut = settled_styles(cdp, properties)
        page.evaluate(JUPYTERLAB_STYLE_JS, [whole, "whole"])
        with_whole = settled_styles(cdp, properties)
        assert rules["used"] < rules["whole"] / 5, f"the page's JupyterLab stylesheet is not cut: {rules}"
        assert len(cut) > 1000 and cut.keys() == with_whole.keys(), "elements appear or vanish"
        differences = [
            f"{node}: {sorted(set(cut[node]) - set(with_whole[node]))[:3]}"
            for node in cut
            if cut[node] != with_whole[node]
        ]
        assert not differences, f"{scheme}: computed styles change with the whole stylesheet:\n" + "\n".join(
            differences[:20]
        )


@pytest.mark.parametrize("edition", EDITIONS, ids=[e.lang for e in EDITIONS])
def test_each_question_and_its_answer_read_as_one_exercise(context: Any, site_url: str, edition: Any) -> None:
    page = context.new_page()
    page.goto(site_url + edition.path + "learning/")
    exercises = page.evaluate(
        """() => [...document.querySelectorAll('.md-typeset .admonition.question')].map(q => {
          const answer = q.nextElementSibling;
          const body = getComputedStyle(document.querySelector('.md-typeset > p')).fontSize;
          return {title: q.querySelector('.admonition-title').textContent.trim(), body,
                  question: getComputedStyle(q).fontSize,
                  answer: answer && answer.matches('details') ? getComputedStyle(answer).fontSize : null,
                  gap: answer ? answer.getBoundingClientRect().top - q.getBoundingClientRect().bottom : null};
        })"""
    )
    assert exercises, "the page has no self-check question"
    problems = []
    for number, e in enumerate(exercises, 1):
        if str(number) not in e["title"]:
            problems.append(f"question {number} is titled {e['title']!r}, without its number")
        if e["question"] != e["body"] or e["answer"] != e["body"]:
            problems.append(
                f"{e['title']}: text {e['question']} / answer {e['answer']}, body text {e['body']}"
            )
        if e["gap"] is None or abs(e["gap"]) > 1:
            problems.append(f"{e['title']}: the answer is {e['gap']} px from its question, not attached")
    assert not problems, "\n".join(problems)


def test_korean_captions_and_headings_have_no_synthetic_styles(context: Any, site_url: str) -> None:
    page = context.new_page()
    page.goto(site_url + "numerical-gradient/")
    styles = page.evaluate(
        """() => ({captions: [...document.querySelectorAll('.md-typeset figcaption')].map(c => getComputedStyle(c).fontStyle),
                  headings: [...document.querySelectorAll('.md-typeset h1, .md-typeset h2')].map(h => getComputedStyle(h).fontWeight)})"""
    )
    assert styles["captions"], "the page has no figure caption"
    assert set(styles["captions"]) == {"normal"}, f"Korean captions are slanted: {styles['captions']}"
    assert set(styles["headings"]) == {"400"}, f"Korean headings mix weights: {styles['headings']}"


@pytest.mark.parametrize("edition", EDITIONS, ids=[e.lang for e in EDITIONS])
def test_a_focused_element_is_not_hidden_under_the_header(context: Any, site_url: str, edition: Any) -> None:
    page = context.new_page()
    page.goto(site_url + edition.path + "learning/")
    # A permalink far down the page, focused while the page is scrolled past it (as reverse Tab does).
    link = page.locator(".md-typeset h2 .headerlink").nth(2)
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    link.focus()
    header = page.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")
    top = link.evaluate("a => a.closest('h2').getBoundingClientRect().top")
    assert top >= header, (
        f"the focused heading's top ({top} px) is under the sticky header (bottom {header} px)"
    )


@pytest.mark.parametrize("edition", EDITIONS, ids=[e.lang for e in EDITIONS])
def test_permalinks_are_named_in_the_pages_language(context: Any, site_url: str, edition: Any) -> None:
    page = context.new_page()
    page.goto(site_url + edition.path + "learning/")
    titles = set(page.eval_on_selector_all(".headerlink", "links => links.map(a => a.title)"))
    expected = {"ko": {"이 제목의 고유 링크"}, "en": {"Permanent link"}}[edition.lang]
    assert titles == expected


def test_the_404_page_speaks_the_language_of_the_address(
    context: Any, site_url: str, built_site: Any
) -> None:
    """GitHub Pages answers any missing address with the root 404.html: so does this route."""
    body = (built_site.dir / "404.html").read_bytes()
    context.route(
        "**/missing-page/", lambda route: route.fulfill(status=404, body=body, content_type="text/html")
    )
    page = context.new_page()
    for edition, heading in ((KOREAN, "404 - 페이지를 찾을 수 없습니다"), (ENGLISH, "404 - Page not found")):
        page.goto(site_url + edition.path + "missing-page/")
        page.wait_for_function(f"document.documentElement.lang === {json.dumps(edition.lang)}")
        assert page.locator(".md-content h1").inner_text() == heading
        assert page.evaluate("document.documentElement.style.visibility") == ""


@pytest.mark.parametrize("edition", EDITIONS, ids=[e.lang for e in EDITIONS])
def test_the_phone_header_is_complete_before_materials_script_runs(
    browser: Any, site_url: str, edition: Any
) -> None:
    """Material shows the header's search button only once its script (at the end of the page) has
    run; on a phone the button then pushed the language selector aside, a layout shift on every
    page. With that script held back, the header must already hold the button where it ends up."""
    context = browser.new_context(viewport=PHONE, reduced_motion="reduce")
    try:
        page = context.new_page()
        page.route("**/assets/javascripts/bundle.*.js", lambda route: route.abort())
        page.goto(site_url + edition.path + "learning/")
        header = page.evaluate(
            """() => ({classes: document.documentElement.className,
                      search: document.querySelector('.md-header__button[for=__search]').getBoundingClientRect().width,
                      language: document.querySelector('.md-header .md-select').getBoundingClientRect().right})"""
        )
    finally:
        context.close()
    assert header["classes"].split() == ["js"], (
        f"<html class> before Material's script: {header['classes']!r}"
    )
    assert header["search"] > 0, "the search button is hidden until Material's script runs"
    assert header["language"] <= PHONE["width"] - header["search"], (
        f"the language selector is not left of the search button: {header}"
    )
