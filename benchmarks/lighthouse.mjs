#!/usr/bin/env node
// Lighthouse on every page of the built site and on the theme's floor, served locally under the
// site's sub-path as on GitHub Pages. Run by hand (not part of the tests; a run takes minutes):
//
//   node benchmarks/lighthouse.mjs                  build the site into a temporary folder first
//   node benchmarks/lighthouse.mjs --site DIR       use a site already built into DIR (any site_url)
//   node benchmarks/lighthouse.mjs --rounds 2       fewer rounds while iterating (default 5)
//   node benchmarks/lighthouse.mjs --pages learning/,deep-network/   only these pages (and the floor)
//   node benchmarks/lighthouse.mjs --desktop        desktop preset instead of the mobile default
//   node benchmarks/lighthouse.mjs --json FILE      also write every run's numbers to FILE
//
// The floor is a copy of one page (--floor, default learning/) with its article emptied but for
// its title: Material's own CSS and JavaScript with no content, what no page can beat on this
// machine. Pages and floor are measured interleaved, the order rotated each round, so a busy
// moment of a shared machine hits all of them; the table holds medians (single runs swing by
// about ±10 points). Exits 1 when a page misses a goal below.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createSecureServer } from "node:http2";
import { loadavg, tmpdir } from "node:os";
import { extname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";

// Performance within 10 points of the floor and LCP within 0.5 s of the floor's (their medians), on
// a phone (mobile preset): relative goals, since the floor itself swings with the machine's load.
const GOALS = { belowFloor: 10, lcpAboveFloor: 0.5, cls: 0, accessibility: 100, maxKilobytes: 600 };
const BASE_PATH = "/whybackprop/"; // where a site this script builds is served (as on GitHub Pages)
const ROOT = resolve(fileURLToPath(import.meta.url), "../..");
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
// The same flags as the browser tests, from the one file both read.
const CHROMIUM_FLAGS = JSON.parse(readFileSync(join(ROOT, "tests/browser/chromium-flags.json"), "utf8"));
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"];
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css",
  ".js": "text/javascript",
  ".mjs": "text/javascript",
  ".json": "application/json",
  ".xml": "application/xml",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".ttf": "font/ttf",
  ".ipynb": "application/x-ipynb+json",
  ".gz": "application/gzip",
};

function option(name) {
  const index = process.argv.indexOf(name);
  if (index < 0) return undefined;
  const value = process.argv[index + 1];
  if (!value || value.startsWith("--")) throw new Error(`${name} needs a value (a folder)`);
  return value;
}

function buildSite() {
  const root = mkdtempSync(join(tmpdir(), "lighthouse-site-"));
  const siteDir = join(root, BASE_PATH);
  console.error(`building the site into ${siteDir} ...`);
  // Both editions, as the deploy serves them: a page's language selector makes Material fetch the
  // other edition's sitemap, a 404 (and a console error) if only one edition were there.
  for (const [config, dir] of [["mkdocs.yml", siteDir], ["mkdocs.en.yml", join(siteDir, "en")]]) {
    execFileSync(join(ROOT, ".venv/bin/mkdocs"), ["build", "--strict", "--quiet", "-f", config, "--site-dir", dir], {
      cwd: ROOT,
      stdio: "inherit",
      env: { ...process.env, NO_MKDOCS_2_WARNING: "1", SITE_URL: `http://127.0.0.1:8000${BASE_PATH}` },
    });
  }
  return { siteDir, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

// The site's pages from its sitemap, and the sub-path it was built for: the path of its home page,
// the shortest entry ("/" when built with the default site_url, "/whybackprop/" for the deploy).
function sitemapOf(siteDir) {
  const sitemap = readFileSync(join(siteDir, "sitemap.xml"), "utf8");
  const paths = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1].trim()).pathname);
  if (paths.length === 0) throw new Error("sitemap.xml lists no page");
  const basePath = paths.reduce((a, b) => (b.length < a.length ? b : a));
  const outside = paths.filter((path) => !path.startsWith(basePath));
  if (outside.length) throw new Error(`sitemap entries outside ${basePath}: ${outside.join(", ")}`);
  return { basePath, pages: paths.map((path) => path.slice(basePath.length)) };
}

// The floor: `page` with the content of its <article> removed but for its <h1>, and without the
// preloads of the fonts its formulas used (content, not theme). It is served at a path as deep as
// the page's, so that its relative links to the theme's assets still resolve.
function floorOf(siteDir, page) {
  const html = readFileSync(join(siteDir, page, "index.html"), "utf8");
  const article = /(<article class="md-content__inner md-typeset">)([\s\S]*?)(<\/article>)/;
  const match = html.match(article);
  if (!match) throw new Error(`${page}index.html has no <article class="md-content__inner md-typeset">`);
  const title = match[2].match(/<h1[\s\S]*?<\/h1>/);
  const floorPath = page.replace(/[^/]+\/$/, "theme-floor/");
  const empty = html.replace(article, `$1${title ? title[0] : ""}$3`);
  return { path: floorPath, html: empty.replace(/<link rel="preload" href="[^"]*\/KaTeX_[^"]*"[^>]*>/g, "") };
}

// A static server for the folder, mounted at basePath, as GitHub Pages serves a site: over HTTPS
// and HTTP/2, with text compressed by gzip. Both change what Lighthouse's simulated phone predicts.
// Uncompressed, the bytes would be those of no real deployment. Over HTTP/1.1 its simulation keeps
// six requests in flight per origin, so a page's preloaded KaTeX fonts waited a round trip behind its
// stylesheets, which one HTTP/2 connection fetches together (the floor, without those fonts, was not
// delayed). The certificate is made for the run (openssl) and the browser told to accept it.
const COMPRESSED = new Set([".html", ".css", ".js", ".mjs", ".json", ".xml", ".svg", ".ipynb", ".ttf"]);

function certificate() {
  const dir = mkdtempSync(join(tmpdir(), "lighthouse-tls-"));
  try {
    execFileSync("openssl", ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
      "-subj", "/CN=127.0.0.1", "-days", "1", "-keyout", join(dir, "key.pem"), "-out", join(dir, "cert.pem")], { stdio: "ignore" });
    return { key: readFileSync(join(dir, "key.pem")), cert: readFileSync(join(dir, "cert.pem")) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function serve(siteDir, basePath, floor) {
  const server = createSecureServer(certificate(), (request, response) => {
    const path = decodeURIComponent(new URL(request.url, "http://localhost").pathname);
    const inSite = path.startsWith(basePath) ? path.slice(basePath.length) : null;
    let file = inSite === null ? null : join(siteDir, inSite);
    try {
      let body;
      if (inSite === floor.path) {
        body = Buffer.from(floor.html);
        file = "index.html";
      } else {
        if (statSync(file).isDirectory()) file = join(file, "index.html");
        body = readFileSync(file);
      }
      const headers = { "Content-Type": TYPES[extname(file)] || "application/octet-stream" };
      if (COMPRESSED.has(extname(file)) && /\bgzip\b/.test(request.headers["accept-encoding"] || "")) {
        body = gzipSync(body);
        headers["Content-Encoding"] = "gzip";
      }
      response.writeHead(200, headers);
      response.end(body);
    } catch {
      response.writeHead(404, { "Content-Type": "text/plain" });
      response.end("not found");
    }
  });
  return new Promise((done) => server.listen(0, "127.0.0.1", () => done(server)));
}

function measure(lhr) {
  const audit = (id) => lhr.audits[id].numericValue;
  const failing = (id) =>
    Object.values(lhr.audits)
      .filter((a) => lhr.categories[id].auditRefs.some((r) => r.id === a.id && r.weight > 0) && a.score !== null && a.score < 1)
      .map((a) => a.id);
  return {
    performance: Math.round(lhr.categories.performance.score * 100),
    lcp: audit("largest-contentful-paint") / 1000,
    tbt: audit("total-blocking-time"),
    cls: audit("cumulative-layout-shift"),
    accessibility: Math.round(lhr.categories.accessibility.score * 100),
    kilobytes: audit("total-byte-weight") / 1024,
    domElements: audit("dom-size"),
    benchmarkIndex: lhr.environment.benchmarkIndex,
    failing: [...failing("accessibility"), ...failing("best-practices"), ...failing("seo")],
    // What to look at when a goal is missed (in the --json file).
    failingNodes: failing("accessibility").flatMap((id) => (lhr.audits[id].details?.items ?? []).map((i) => `${id}: ${i.node?.selector}`)),
    layoutShifts: (lhr.audits["layout-shifts"]?.details?.items ?? []).map((i) => `${i.node?.selector ?? "?"} ${i.score?.toFixed(3)}`),
  };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

async function main() {
  const given = option("--site");
  const rounds = Number(option("--rounds") ?? 5);
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`--rounds must be a positive integer, got ${option("--rounds")}`);
  const { siteDir, cleanup } = given ? { siteDir: resolve(given), cleanup: () => {} } : buildSite();
  const { basePath, pages: allPages } = sitemapOf(siteDir);
  const chosen = option("--pages")?.split(",");
  const pages = chosen ?? allPages;
  for (const page of pages) if (!allPages.includes(page)) throw new Error(`--pages: ${page} is not in the sitemap (${allPages.join(" ")})`);
  const floorPage = option("--floor") ?? "learning/";
  if (!allPages.includes(floorPage)) throw new Error(`--floor: ${floorPage} is not in the sitemap`);
  const floor = floorOf(siteDir, floorPage);
  const preset = process.argv.includes("--desktop") ? "desktop" : "mobile";
  const server = await serve(siteDir, basePath, floor);
  const origin = `https://127.0.0.1:${server.address().port}`;
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: [...CHROMIUM_FLAGS, "--ignore-certificate-errors"] });
  const targets = [floor.path, ...pages];
  const runs = Object.fromEntries(targets.map((t) => [t, []]));
  const unscored = {};
  const loadBefore = loadavg();
  try {
    for (let round = 0; round < rounds; round++) {
      const order = targets.map((_, i) => targets[(i + round) % targets.length]); // rotated each round
      for (const target of order) {
        const url = origin + basePath + target;
        const flags = { port: chrome.port, output: "json", logLevel: "error", onlyCategories: CATEGORIES };
        const { lhr } = await lighthouse(url, flags, preset === "desktop" ? desktopConfig : undefined);
        if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.message}`);
        if (lhr.categories.performance.score === null) {
          // A run Lighthouse could not score (seen: no LCP recorded on a loaded machine): counted, left out.
          const errors = Object.values(lhr.audits).filter((a) => a.errorMessage).map((a) => `${a.id}: ${a.errorMessage}`);
          console.error(`round ${round + 1}/${rounds} /${target}: not scored (${errors.join("; ") || "no reason given"})`);
          unscored[target] = (unscored[target] ?? 0) + 1;
          continue;
        }
        const run = measure(lhr);
        runs[target].push(run);
        console.error(`round ${round + 1}/${rounds} /${target}: performance ${run.performance}, LCP ${run.lcp.toFixed(1)} s, ` +
          `TBT ${Math.round(run.tbt)} ms, benchmarkIndex ${Math.round(run.benchmarkIndex)}`);
      }
    }
  } finally {
    await chrome.kill();
    server.close();
    cleanup();
  }
  const loadAfter = loadavg();
  const json = option("--json");
  if (json) writeFileSync(json, JSON.stringify({ preset, rounds, floor: floorPage, runs, unscored }, null, 1));

  const summary = (target) => {
    const all = runs[target];
    const m = (key) => median(all.map((r) => r[key]));
    return {
      performance: m("performance"), lcp: m("lcp"), tbt: m("tbt"),
      all: all.map((r) => r.performance).join(",") + (unscored[target] ? `; ${unscored[target]} not scored` : ""),
      cls: m("cls"), accessibility: m("accessibility"), kilobytes: m("kilobytes"), domElements: m("domElements"),
      failing: [...new Set(all.flatMap((r) => r.failing))].join(", "),
    };
  };
  const floorRow = summary(floor.path);
  const benchmarkIndex = median(Object.values(runs).flat().map((r) => r.benchmarkIndex));
  console.log(`Lighthouse ${lhrVersion()} · ${preset} preset · ${rounds} rounds, interleaved · medians · ` +
    `benchmarkIndex ${Math.round(benchmarkIndex)} · load average ${loadBefore[0].toFixed(1)} before, ${loadAfter[0].toFixed(1)} after`);
  console.log(`Goals: performance ≥ floor − ${GOALS.belowFloor} (= ${floorRow.performance - GOALS.belowFloor}), LCP ≤ floor + ${GOALS.lcpAboveFloor} s ` +
    `(= ${(floorRow.lcp + GOALS.lcpAboveFloor).toFixed(2)} s), ` +
    `CLS ${GOALS.cls}, accessibility ${GOALS.accessibility}, first load ≤ ${GOALS.maxKilobytes} KB\n`);
  console.log("| page | performance (runs) | LCP (s) | TBT (ms) | CLS | accessibility | first load (KB) | DOM elements | failing audits (a11y, BP, SEO) |");
  console.log("|---|---:|---:|---:|---:|---:|---:|---:|---|");
  const line = (name, row, mark) =>
    console.log(
      `| ${name} | ${mark(row.performance >= floorRow.performance - GOALS.belowFloor, row.performance)} (${row.all}) | ` +
        `${mark(row.lcp <= floorRow.lcp + GOALS.lcpAboveFloor, row.lcp.toFixed(2))} | ${Math.round(row.tbt)} | ${mark(row.cls <= GOALS.cls, row.cls.toFixed(4))} | ` +
        `${mark(row.accessibility >= GOALS.accessibility, row.accessibility)} | ${mark(row.kilobytes <= GOALS.maxKilobytes, Math.round(row.kilobytes))} | ` +
        `${Math.round(row.domElements)} | ${row.failing} |`,
    );
  line(`floor: /${floorPage} with its article emptied`, floorRow, (_, value) => `${value}`);
  let missed = 0;
  for (const page of pages) line("/" + page, summary(page), (ok, value) => (ok ? `${value}` : (missed++, `**${value}** ✗`)));
  console.log(missed ? `\n${missed} goal(s) missed (marked ✗)` : "\nall goals met");
  process.exitCode = missed ? 1 : 0;
}

function lhrVersion() {
  return JSON.parse(readFileSync(join(ROOT, "node_modules/lighthouse/package.json"), "utf8")).version;
}

await main();
