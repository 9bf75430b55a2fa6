// Render formulas with the site's KaTeX in strict mode. stdin: JSON [{tex, display}];
// stdout: JSON [null | "error message"], one entry per formula. One process for the whole site.
const katex = require(require("path").join(__dirname, "..", "node_modules", "katex"));

let input = "";
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", () => {
  const results = JSON.parse(input).map(({ tex, display }) => {
    try {
      katex.renderToString(tex, { displayMode: display, throwOnError: true, strict: "error" });
      return null;
    } catch (error) {
      return String(error.message);
    }
  });
  process.stdout.write(JSON.stringify(results));
});
