// Render every formula that pymdownx.arithmatex (and mkdocs-jupyter's markdown cells) left as
// <span class="arithmatex">\(...\)</span> or <div class="arithmatex">\[...\]</div>.
// Material's document$ emits on the first load and after every instant navigation.
(() => {
  const DELIMITERS = [["\\(", "\\)"], ["\\[", "\\]"], ["$$", "$$"], ["$", "$"]];

  const stripDelimiters = (text) => {
    const tex = text.trim();
    for (const [open, close] of DELIMITERS) {
      if (tex.startsWith(open) && tex.endsWith(close) && tex.length >= open.length + close.length) {
        return tex.slice(open.length, tex.length - close.length);
      }
    }
    return tex; // e.g. a bare \begin{align}...\end{align}
  };

  const renderMath = () => {
    for (const node of document.querySelectorAll(".arithmatex")) {
      if (node.dataset.katexRendered) continue;
      const tex = stripDelimiters(node.textContent);
      katex.render(tex, node, {
        displayMode: node.tagName === "DIV",
        throwOnError: false, // a reader sees the faulty formula in red; the tests are strict
      });
      node.dataset.katexRendered = "true";
    }
  };

  if (typeof document$ !== "undefined") {
    document$.subscribe(renderMath);
  } else {
    document.addEventListener("DOMContentLoaded", renderMath);
  }
})();
