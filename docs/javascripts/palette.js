// The colour-scheme toggle in the header, in place of Material's palette component, which makes the
// browser restyle the whole page three times on every load: it marks <body> as switching (a rule then
// stops all transitions: a restyle), sets a color-scheme <meta> (the browser restyles on any change
// to one) and unmarks <body> (a third). On the larger pages each took 0.1-0.3 s on a phone (4x slower
// CPU, in a trace). The page has its colours by then: Material's inline script at the top of <body>
// set them from the reader's stored choice. So at load this only shows the right toggle; the marking
// happens when the colours change. The root's color-scheme (canvas, scrollbars), which Material set
// through the <meta>, comes from extra.css. hooks/palette.py hands the toggle to this script.
(() => {
  "use strict";
  const form = document.querySelector("form[data-palette]");
  if (!form) return;
  const inputs = [...form.querySelectorAll("input")];
  const themeColor = Object.assign(document.createElement("meta"), { name: "theme-color" });
  document.head.append(themeColor);

  // Material's choice at load: the stored one, else the first option whose media query matches.
  const stored = __md_get("__palette");
  const first = stored ? stored.index : inputs.findIndex((input) => matchMedia(input.dataset.mdColorMedia).matches);
  let index = Math.max(0, Math.min(first, inputs.length - 1));

  function colorsOf(input) {
    const media = input.dataset.mdColorMedia;
    if (media === "(prefers-color-scheme)") {
      // "Follow the system": the colours of the light or the dark option, whichever the system wants.
      const system = matchMedia("(prefers-color-scheme: light)").matches ? "light" : "dark";
      input = form.querySelector(`[data-md-color-media='(prefers-color-scheme: ${system})']`);
    }
    const { mdColorScheme: scheme, mdColorPrimary: primary, mdColorAccent: accent } = input.dataset;
    return { media, scheme, primary, accent };
  }

  function show() {
    const color = colorsOf(inputs[index]);
    const body = document.body;
    const switching = ["scheme", "primary", "accent"].some((key) => body.getAttribute(`data-md-color-${key}`) !== color[key]);
    // As Material does: no colour transitions while the colours change (a rule keyed on this mark).
    if (switching) body.setAttribute("data-md-color-switching", "");
    for (const [key, value] of Object.entries(color)) body.setAttribute(`data-md-color-${key}`, value);
    if (switching) setTimeout(() => body.removeAttribute("data-md-color-switching"));
    inputs.forEach((input, i) => {
      const label = input.nextElementSibling;
      if (label instanceof HTMLElement) label.hidden = i !== index;
    });
    __md_set("__palette", { index, color });
    // The browser's toolbar in the header's colour, as #rrggbb.
    const background = getComputedStyle(document.querySelector("[data-md-component=header]")).backgroundColor;
    themeColor.content = "#" + background.match(/\d+/g).slice(0, 3).map((c) => (+c).toString(16).padStart(2, "0")).join("");
  }

  for (const input of inputs)
    input.addEventListener("change", () => {
      index = inputs.indexOf(input);
      show();
    });
  // Enter on the focused toggle moves to the next option, as a click on its label does.
  form.addEventListener("keydown", (event) => {
    if (event.key !== "Enter") return;
    const next = inputs[(index + 1) % inputs.length];
    next.click();
    next.focus();
  });
  // "Follow the system" follows it live.
  matchMedia("(prefers-color-scheme: light)").addEventListener("change", show);
  show();
})();
