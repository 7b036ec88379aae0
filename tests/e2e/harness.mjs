// Shared pieces of the browser tests: a static server for dist/, Debian Chromium through
// playwright-core, and a log of every request the pages make.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync } from 'node:fs';
import { extname, join, normalize, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = join(ROOT, 'dist');
export const ARTIFACTS = join(ROOT, 'tests/e2e/artifacts');
mkdirSync(ARTIFACTS, { recursive: true });

// The files kept beside the repository rather than in it (the CSV corpus) are found through
// one variable, PIPELENS_SHARED; unset, it is ../shared from the repository root (a relative
// value is read from the repository root too). Nothing else in the browser tests names it.
export const SHARED_VAR = 'PIPELENS_SHARED';
export const SHARED = resolve(ROOT, process.env[SHARED_VAR] || '../shared');

/** Says that `what` was skipped because `path` is missing: on stdout, and in the file
 * PIPELENS_SKIP_LOG names when set (scripts/test.sh sums those lines up at the end). */
export function skipped(what, path) {
  const line = `skipped: ${what}: ${path} is missing (${SHARED_VAR}=${SHARED})`;
  console.log(line);
  if (process.env.PIPELENS_SKIP_LOG) appendFileSync(process.env.PIPELENS_SKIP_LOG, line + '\n');
}

/** `rel` inside the shared corpus when it is there; otherwise null, after saying that `what`
 * was skipped. */
export function corpusFile(rel, what) {
  const path = join(SHARED, 'corpus', rel);
  if (existsSync(path)) return path;
  skipped(what, path);
  return null;
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
};

/** Serves `dir` (default dist/) on a free loopback port under the path `base` (default `/`;
 * `/pipelens/` serves it the way GitHub Pages serves a project site, redirecting `/pipelens`),
 * with extra response `headers`. Resolves to { origin, url (origin + base), served, close }. */
export async function serveDist({ base = '/', dir = DIST, headers = {} } = {}) {
  if (!base.startsWith('/') || !base.endsWith('/')) throw new Error(`base must start and end with /: ${base}`);
  const root = resolve(dir);
  const served = [];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    served.push({ method: req.method, path });
    if (base !== '/' && path === base.slice(0, -1)) return res.writeHead(301, { location: base }).end();
    if (!path.startsWith(base)) return res.writeHead(404).end();
    const rel = path.slice(base.length);
    const file = normalize(join(root, rel === '' ? 'index.html' : rel));
    if (!file.startsWith(root)) return res.writeHead(403).end();
    try {
      if (!(await stat(file)).isFile()) throw new Error('not a file');
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', ...headers });
      res.end(await readFile(file));
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  const close = () => {
    server.closeAllConnections();
    return new Promise((ok) => server.close(ok));
  };
  return { origin, url: origin + base, served, close };
}

/** Debian's Chromium, headless, with no background networking of its own. */
export function launch() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
}

/** Records every request, page error and console error of a browser context. */
export function watch(context, log) {
  context.on('request', (r) =>
    log.requests.push({ url: r.url(), method: r.method(), body: r.postDataBuffer(), serviceWorker: Boolean(r.serviceWorker()) }),
  );
  context.on('page', (page) => watchPage(page, log));
}

export function watchPage(page, log) {
  page.on('pageerror', (e) => log.errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') log.errors.push(`console: ${m.text()}`);
  });
}

/** Serves dist/, opens the app in a fresh Chromium at `viewport` with every request logged,
 * and waits for the demo dashboard; `hash` names the page (`#/all`: every KPI). */
export async function openApp(log, viewport = { width: 1440, height: 1000 }, hash = '') {
  const server = await serveDist();
  const browser = await launch();
  const context = await browser.newContext({ viewport });
  watch(context, log);
  const page = await context.newPage();
  await page.goto(server.origin + '/' + hash);
  await page.waitForSelector('.app[data-state=ready]');
  return { server, browser, context, page };
}

/** The native engine's command line, where cargo builds it ($CARGO_TARGET_DIR or target/). */
export const CLI = join(process.env.CARGO_TARGET_DIR ? resolve(process.env.CARGO_TARGET_DIR) : join(ROOT, 'target'), 'debug', 'pipelens-cli');

/** KPIs of the same data computed by the native engine ([`CLI`]). */
export function nativeKpis(...args) {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run cargo build -p pipelens_engine --bin pipelens-cli`);
  return JSON.parse(execFileSync(CLI, ['kpis', ...args], { encoding: 'utf8', maxBuffer: 64 << 20 }));
}

/** The headline data-value of every KPI on the page: the first element with a bare id. */
export async function headlineValues(page) {
  return page.$$eval('[data-kpi]:not([data-segment])', (els) => {
    const out = {};
    for (const el of els) {
      const id = el.getAttribute('data-kpi');
      if (!(id in out)) out[id] = { value: el.getAttribute('data-value'), text: el.textContent.trim(), title: el.getAttribute('title') };
    }
    return out;
  });
}

/** Share of each canvas's pixels that differ from its top-left (background) pixel. */
export async function canvasInk(page) {
  return page.$$eval('canvas', (canvases) =>
    canvases.map((c) => {
      const ctx = c.getContext('2d');
      const { data } = ctx.getImageData(0, 0, c.width, c.height);
      let ink = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (data[i] !== data[0] || data[i + 1] !== data[1] || data[i + 2] !== data[2]) ink++;
      }
      return { width: c.width, height: c.height, cssWidth: c.getBoundingClientRect().width, ink: ink / (c.width * c.height) };
    }),
  );
}

/** Loads a file through the page's file picker and waits for the app to settle. */
export async function upload(page, file) {
  await page.setInputFiles('[data-testid=file-input]', file);
  await page.waitForFunction(() => {
    const s = document.querySelector('.app')?.getAttribute('data-state');
    return s === 'ready' || s === 'error';
  });
}

export function close(a, b, rel = 1e-12) {
  return Math.abs(a - b) <= rel * Math.max(1, Math.abs(a), Math.abs(b));
}
