"""The links in <head> are made absolute while the page has no body yet, not by Material later.

Material's instant navigation compares <head> elements across pages, so at start-up its script (at
the end of <body>) rewrites every relative `href` and `src` in the document to an absolute URL. On a
`<link rel="stylesheet">` that counts as a new stylesheet: the browser restyles the whole page, which
on a phone (Lighthouse's 4x slower CPU) took 0.6 s on the learning page, in one long task. A script
at the end of <head> makes the same rewrite before the body exists, where a restyle costs nothing;
Material then finds these links absolute and leaves them alone.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

# The test is Material's own (integrations/instant: `resolve`): a value with a scheme or starting
# with // is absolute already.
SCRIPT = (
    "<script>for(const l of document.querySelectorAll('head link[href]'))"
    "if(!/^(?:[a-z]+:)?\\/\\//i.test(l.getAttribute('href')))l.href=l.href</script>"
)


@event_priority(-200)  # after every hook that adds links to <head> (katex.py's font preloads: -50)
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    if output.count("</head>") != 1:
        raise PluginError(f"{page.file.src_uri}: expected one </head>, found {output.count('</head>')}")
    return output.replace("</head>", SCRIPT + "</head>", 1)
