// Runs inside a rendered page and reports what a reader would see: math, images, figures,
// horizontal overflow and code blocks. The Python tests judge the result.
async () => {
  const content = document.querySelector(".md-content") || document.body;
  const describe = (el) =>
    el.tagName.toLowerCase() + (el.id ? `#${el.id}` : "") +
    (typeof el.className === "string" && el.className.trim() ? "." + el.className.trim().split(/\s+/).join(".") : "");

  // Math: every arithmatex node typeset by KaTeX, no KaTeX error, no TeX left in the visible text.
  const arithmatex = [...content.querySelectorAll(".arithmatex")];
  const unrendered = arithmatex.filter((el) => !el.querySelector(".katex")).map((el) => el.textContent.trim().slice(0, 80));
  const katexErrors = [...document.querySelectorAll(".katex-error")].map((el) => el.getAttribute("title") || el.textContent);
  const rawTex = [];
  const texPattern = /\$\$|\\[()[\]]|\\[a-zA-Z]{2,}|\$[^$\s][^$]*\$/;
  const walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.parentElement.closest("pre, code, script, style, .katex, .arithmatex script")
        ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_ACCEPT,
  });
  let fullText = "";
  for (let node = walker.nextNode(); node; node = walker.nextNode()) fullText += node.textContent + " ";
  const texMatch = fullText.match(new RegExp(texPattern.source, "g")) || [];
  for (const match of texMatch) rawTex.push(match.slice(0, 80));

  // Images: lazy ones are made eager so that every image is judged, not only those above the fold.
  const images = [...document.images];
  for (const img of images) img.loading = "eager";
  await Promise.all(images.map((img) => img.decode().catch(() => null)));
  const brokenImages = images.filter((img) => !(img.complete && img.naturalWidth > 0)).map((img) => img.currentSrc || img.src);

  // Figures: a <figure> must show an image or an inline SVG with a size and some drawing in it.
  const drawn = (el) => {
    const box = el.getBoundingClientRect();
    if (box.width < 1 || box.height < 1) return false;
    return el.tagName.toLowerCase() === "img" || el.querySelector("path, line, rect, circle, polyline, polygon, text, use, image") !== null;
  };
  const figures = [...content.querySelectorAll("figure")];
  const emptyFigures = figures
    .filter((fig) => ![...fig.querySelectorAll("img, svg")].some(drawn))
    .map((fig) => (fig.querySelector("figcaption")?.textContent || fig.outerHTML).trim().slice(0, 80));
  // Inline SVG figures: large SVGs in the text (icons and buttons are small or in the chrome).
  const svgFigures = [...content.querySelectorAll("svg")].filter(
    (svg) => !svg.parentElement.closest("svg, button, a, .md-icon, .twemoji, .katex") && svg.getBoundingClientRect().width >= 100,
  );

  // Horizontal overflow: the page must not scroll sideways. Elements inside their own scroll
  // container (a wide formula or table) are fine; the culprits are listed to help fixing it.
  const scroller = document.scrollingElement;
  const overflowing = [];
  if (scroller.scrollWidth > window.innerWidth) {
    const scrollsItself = (el) => {
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        if (/(auto|scroll|hidden|clip)/.test(getComputedStyle(a).overflowX)) return true;
      }
      return false;
    };
    for (const el of document.body.querySelectorAll("*")) {
      const box = el.getBoundingClientRect();
      if (box.right > window.innerWidth + 1 && box.width > 0 && !scrollsItself(el)) {
        overflowing.push(`${describe(el)} (right edge ${Math.round(box.right)} px): ${el.textContent.trim().slice(0, 50)}`);
        if (overflowing.length >= 5) break;
      }
    }
  }

  // Code blocks: their code (Material adds a copy button to each once it is shown).
  const codeBlocks = [...content.querySelectorAll("pre > code")].map((code, index) => ({ index, text: code.textContent }));

  return {
    title: document.title,
    h1: document.querySelector(".md-content h1")?.textContent.trim() || "",
    scheme: document.body.getAttribute("data-md-color-scheme"),
    mathCount: arithmatex.length,
    katexCount: content.querySelectorAll(".katex").length,
    unrendered,
    katexErrors,
    rawTex,
    imageCount: images.length,
    brokenImages,
    figureCount: figures.length,
    svgFigureCount: svgFigures.length,
    emptyFigures,
    scrollWidth: scroller.scrollWidth,
    innerWidth: window.innerWidth,
    overflowing,
    codeBlocks,
  };
};
