// Display formulas (and tables) wider than the column scroll sideways; stylesheets/extra.css draws
// the shadows that show a formula has more. A keyboard must reach such a block to scroll it, so the
// blocks that overflow at the current width, and only those, become tab stops with a name.
// Which ones overflow depends on the width, and a formula the browser is not laying out (skipped by
// content-visibility while off screen, or in a closed fold) has no width to measure: the formulas
// on show are checked after every page load (Material's instant navigation included) and resize,
// and the others when they are laid out (content-visibility's state change, a fold's toggle).
(() => {
  "use strict";
  const FORMULA = ".md-typeset div.arithmatex, .md-typeset .md-typeset__scrollwrap";
  const NAME = {
    ko: { formula: "수식, 옆으로 스크롤", table: "표, 옆으로 스크롤" },
    en: { formula: "Formula, scrolls sideways", table: "Table, scrolls sideways" },
  };

  function laidOut(formula) {
    return !formula.checkVisibility || formula.checkVisibility({ contentVisibilityAuto: true });
  }

  function check(formula) {
    if (!laidOut(formula)) return; // measured when it is
    if (formula.scrollWidth > formula.clientWidth + 1) {
      formula.tabIndex = 0;
      formula.setAttribute("role", "group");
      const names = NAME[document.documentElement.lang] || NAME.en;
      formula.setAttribute("aria-label", formula.matches(".arithmatex") ? names.formula : names.table);
    } else {
      formula.removeAttribute("tabindex");
      formula.removeAttribute("role");
      formula.removeAttribute("aria-label");
    }
  }

  function checkWithin(root) {
    requestAnimationFrame(() => {
      if (root.matches(FORMULA)) check(root);
      root.querySelectorAll(FORMULA).forEach(check);
    });
  }

  document.addEventListener(
    "contentvisibilityautostatechange",
    (event) => event.skipped || checkWithin(event.target),
    true,
  );
  document.addEventListener("toggle", (event) => checkWithin(event.target), true);
  let pending = false; // one check per frame, however many resize events it brings
  function checkAll() {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      document.querySelectorAll(FORMULA).forEach(check);
    });
  }

  addEventListener("resize", checkAll);
  if (typeof document$ !== "undefined") document$.subscribe(checkAll);
  else checkAll();
})();
