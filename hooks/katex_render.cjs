// Render formulas with the site's KaTeX (node_modules/katex, pinned by package-lock.json) in strict
// mode. stdin: JSON [{tex, display}]; stdout: JSON [{html} | {error}], one entry per formula.
// One process renders every formula of the build (hooks/katex.py).
const katex = require(require("path").join(__dirname, "..", "node_modules", "katex"));

let input = "";
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", () => {
  const results = JSON.parse(input).map(({ tex, display }) => {
    try {
      return { html: katex.renderToString(tex, { displayMode: display, throwOnError: true, strict: "error" }) };
    } catch (error) {
      return { error: String(error.message) };
    }
  });
  process.stdout.write(JSON.stringify(results));
});
