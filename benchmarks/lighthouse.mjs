#!/usr/bin/env node
// Lighthouse scores of every page of the built site, served locally under its sub-path as on
// GitHub Pages. Run by hand (not part of the tests):
//
//   node benchmarks/lighthouse.mjs                  build the site into a temporary folder first
//   node benchmarks/lighthouse.mjs --site DIR       use a site already built into DIR
//   node benchmarks/lighthouse.mjs --desktop        desktop preset instead of the mobile default
//
// Prints performance, accessibility, best-practices and SEO per page, and the bytes transferred
// on a first (cold-cache) load. Exits 1 when a page misses a goal below.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { extname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";

const GOALS = { performance: 98, accessibility: 100, maxKilobytes: 600 };
const BASE_PATH = "/whybackprop/";
const ROOT = resolve(fileURLToPath(import.meta.url), "../..");
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
];
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
  execFileSync(join(ROOT, ".venv/bin/mkdocs"), ["build", "--strict", "--quiet", "--site-dir", siteDir], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, NO_MKDOCS_2_WARNING: "1", SITE_URL: `http://127.0.0.1:8000${BASE_PATH}` },
  });
  return { siteDir, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

// A static server for the folder, mounted at BASE_PATH, compressing text with gzip as GitHub
// Pages does (uncompressed, the bytes and timings would be those of no real deployment).
const COMPRESSED = new Set([".html", ".css", ".js", ".mjs", ".json", ".xml", ".svg", ".ipynb", ".ttf"]);

function serve(siteDir) {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url, "http://localhost").pathname);
    let file = path.startsWith(BASE_PATH) ? join(siteDir, path.slice(BASE_PATH.length)) : null;
    try {
      if (file && statSync(file).isDirectory()) file = join(file, "index.html");
      let body = readFileSync(file);
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

function pagesOf(siteDir) {
  const sitemap = readFileSync(join(siteDir, "sitemap.xml"), "utf8");
  const paths = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1].trim()).pathname);
  if (paths.length === 0) throw new Error("sitemap.xml lists no page");
  return paths.map((path) => path.slice(BASE_PATH.length));
}

async function main() {
  const given = option("--site");
  const { siteDir, cleanup } = given ? { siteDir: resolve(given), cleanup: () => {} } : buildSite();
  const preset = process.argv.includes("--desktop") ? "desktop" : "mobile";
  const server = await serve(siteDir);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROMIUM_FLAGS });
  const rows = [];
  try {
    for (const path of pagesOf(siteDir)) {
      const url = origin + BASE_PATH + path;
      const flags = { port: chrome.port, output: "json", logLevel: "error", onlyCategories: CATEGORIES };
      const { lhr } = await lighthouse(url, flags, preset === "desktop" ? desktopConfig : undefined);
      if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.message}`);
      const score = (id) => Math.round(lhr.categories[id].score * 100);
      const failing = (id) =>
        Object.values(lhr.audits)
          .filter((a) => lhr.categories[id].auditRefs.some((r) => r.id === a.id && r.weight > 0) && a.score !== null && a.score < 1)
          .map((a) => a.id);
      rows.push({
        page: "/" + path,
        performance: score("performance"),
        accessibility: score("accessibility"),
        bestPractices: score("best-practices"),
        seo: score("seo"),
        kilobytes: Math.round(lhr.audits["total-byte-weight"].numericValue / 1024),
        lcp: (lhr.audits["largest-contentful-paint"].numericValue / 1000).toFixed(1),
        tbt: Math.round(lhr.audits["total-blocking-time"].numericValue),
        cls: lhr.audits["cumulative-layout-shift"].numericValue.toFixed(3),
        notes: [...failing("accessibility"), ...failing("best-practices"), ...failing("seo")].join(", "),
      });
      console.error(`measured ${url}`);
    }
  } finally {
    await chrome.kill();
    server.close();
    cleanup();
  }

  console.log(`Lighthouse ${lhrVersion()} · ${preset} preset · goals: performance ≥ ${GOALS.performance}, ` +
    `accessibility ${GOALS.accessibility}, first load ≤ ${GOALS.maxKilobytes} KB\n`);
  console.log("| page | performance | accessibility | best-practices | SEO | first load (KB) | LCP (s) | TBT (ms) | CLS | failing audits (a11y, BP, SEO) |");
  console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
  let missed = 0;
  for (const row of rows) {
    const mark = (ok, value) => (ok ? `${value}` : (missed++, `**${value}** ✗`));
    console.log(
      `| ${row.page} | ${mark(row.performance >= GOALS.performance, row.performance)} | ` +
        `${mark(row.accessibility >= GOALS.accessibility, row.accessibility)} | ${row.bestPractices} | ${row.seo} | ` +
        `${mark(row.kilobytes <= GOALS.maxKilobytes, row.kilobytes)} | ${row.lcp} | ${row.tbt} | ${row.cls} | ${row.notes} |`,
    );
  }
  console.log(missed ? `\n${missed} goal(s) missed (marked ✗)` : "\nall goals met");
  process.exitCode = missed ? 1 : 0;
}

function lhrVersion() {
  return JSON.parse(readFileSync(join(ROOT, "node_modules/lighthouse/package.json"), "utf8")).version;
}

await main();
