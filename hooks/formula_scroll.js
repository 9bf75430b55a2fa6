// Display formulas wider than the column scroll sideways; stylesheets/extra.css draws the shadows
// that show there is more. A keyboard must reach such a formula to scroll it, so the formulas that
// overflow at the current width, and only those, become tab stops named as formulas. Which ones
// overflow depends on the width: checked after every page load (Material's instant navigation
// included) and again when the window is resized.
(() => {
  "use strict";
  const NAME = { ko: "수식, 옆으로 스크롤", en: "Formula, scrolls sideways" };

  function check() {
    const name = NAME[document.documentElement.lang] || NAME.en;
    for (const formula of document.querySelectorAll(".md-typeset div.arithmatex")) {
      if (formula.scrollWidth > formula.clientWidth + 1) {
        formula.tabIndex = 0;
        formula.setAttribute("role", "group");
        formula.setAttribute("aria-label", name);
      } else {
        formula.removeAttribute("tabindex");
        formula.removeAttribute("role");
        formula.removeAttribute("aria-label");
      }
    }
  }

  let frame = 0;
  function schedule() {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(check);
  }

  addEventListener("resize", schedule);
  if (typeof document$ !== "undefined") document$.subscribe(schedule);
  else schedule();
})();
