// The language selector leads to the same page in the other edition (see hooks/i18n.py).
// The build writes each page's links; Material's instant navigation swaps the content but not the
// header, so after it the links are set again here, from the editions' roots that the page's
// <link rel="alternate" hreflang> elements give. A click on them loads the other edition in full,
// unseen by Material's own handler: that one picks an edition root by the order its sitemaps
// arrived in and, when the page's URL is not found as written in that sitemap (a site served at
// another address than site_url, as by the tests), lands on the other edition's home.
(function () {
  "use strict";
  const SELECTOR = "a.md-select__link[hreflang]";

  function roots() {
    const found = {};
    for (const link of document.querySelectorAll('head link[rel="alternate"][hreflang]')) {
      found[link.hreflang] = new URL(link.href);
    }
    return found;
  }

  function update() {
    const all = roots();
    const here = all[document.documentElement.lang];
    if (!here || !location.pathname.startsWith(here.pathname)) return; // keep the build's links
    const page = location.pathname.slice(here.pathname.length);
    for (const link of document.querySelectorAll(SELECTOR)) {
      const root = all[link.hreflang];
      if (root) link.href = new URL(page, root).href;
    }
  }

  document.addEventListener(
    "click",
    (event) => {
      const link = event.target instanceof Element ? event.target.closest(SELECTOR) : null;
      if (link) event.stopPropagation(); // the browser follows the link: a full page load
    },
    true,
  );
  if (typeof document$ !== "undefined") document$.subscribe(update);
  else update();
})();
