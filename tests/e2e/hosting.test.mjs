// dist/ on a static host, as GitHub Pages serves it: at a domain root and under a project
// sub-path, with the Content-Security-Policy holding on every page (no violation, not even
// for chart tooltips); offline after one visit, through the service worker; and a new
// deployment showing on the next load instead of a stale cached copy.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { ARTIFACTS, DIST, ROOT, serveDist, launch, watch, headlineValues, upload } from './harness.mjs';

const PAGES = ['executive', 'manager', 'rep', 'pipeline', 'leads', 'customers', 'custom', 'all'];
const CSP = {
  'default-src': "'self'",
  'script-src': "'self' 'wasm-unsafe-eval'",
  'style-src': "'self'",
  'img-src': "'self'",
  'connect-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'self'",
  'form-action': "'none'",
};
/** What GitHub Pages sends with every file: a browser may reuse it for 10 minutes. */
const PAGES_HEADERS = { 'cache-control': 'max-age=600' };

/** A deals export of `n` rows made here, so these tests need no file outside the repository
 * (the Pages workflow runs them): a third won, a third lost, a third open, all in 2024. */
function dealsExport(n) {
  const lines = ['deal_id,amount,stage,created_date,close_date,owner'];
  const want = { revenue: 0, won: 0, lost: 0 };
  for (let i = 0; i < n; i++) {
    const amount = 100 + i;
    const stage = ['Won', 'Lost', 'Negotiation'][i % 3];
    const created = `2024-01-${String(1 + (i % 28)).padStart(2, '0')}`;
    const closed = stage === 'Negotiation' ? '' : `2024-${String(2 + (i % 10)).padStart(2, '0')}-15`;
    lines.push(`D${i},${amount},${stage},${created},${closed},Rep ${i % 7}`);
    if (stage === 'Won') (want.revenue += amount), want.won++;
    if (stage === 'Lost') want.lost++;
  }
  return { file: { name: 'deals.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) }, want };
}

/** A browser context that records every request and, in each document, every CSP violation. */
async function openContext(browser, log) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  watch(context, log);
  await context.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  return context;
}

const violations = (page) => page.evaluate(() => window.cspViolations);
const ready = (page) => page.waitForSelector('.app[data-state=ready]');
const controlled = (page) => page.waitForFunction(() => navigator.serviceWorker.controller !== null);

/** Moves the mouse over the page's chart canvases until one shows a tooltip; returns the
 * tooltip's position as set (style.left, style.top) and as laid out, or null if none showed. */
async function hoverForTooltip(page) {
  for (const canvas of await page.$$('canvas.chart-canvas')) {
    await canvas.scrollIntoViewIfNeeded();
    const box = await canvas.boundingBox();
    for (const fy of [0.5, 0.75, 0.3, 0.9]) {
      for (let fx = 0.1; fx < 0.95; fx += 0.05) {
        await page.mouse.move(box.x + fx * box.width, box.y + fy * box.height);
        const tip = await page.$eval('body', () => {
          const el = document.querySelector('.chart-tip');
          return el && { left: el.style.left, top: el.style.top, position: getComputedStyle(el).left };
        });
        if (tip) return tip;
      }
    }
  }
  return null;
}

for (const base of ['/', '/pipelens/']) {
  test(`served at ${base}: every page ready with the demo KPIs, every request under ${base}, no CSP violation`, async () => {
    const log = { requests: [], errors: [] };
    const server = await serveDist({ base, headers: PAGES_HEADERS });
    const browser = await launch();
    try {
      const context = await openContext(browser, log);
      const page = await context.newPage();
      await page.goto(server.url);
      await ready(page);
      let tips = 0;
      for (const slug of PAGES) {
        await page.click(`nav.pages a[data-page=${slug}]`);
        await page.waitForSelector(`.page[data-page=${slug}]`);
        await ready(page);
        const kpis = await headlineValues(page);
        assert.ok(Object.values(kpis).some((k) => k.value !== '' && Number.isFinite(Number(k.value))), `${slug}: KPIs with values`);
        if (slug === 'all') assert.equal(Object.keys(kpis).length, 43, 'the catalog page shows every KPI');
        if ((await page.$$('canvas.chart-canvas')).length > 0) {
          const tip = await hoverForTooltip(page);
          assert.ok(tip, `${slug}: hovering a chart shows a tooltip`);
          // Positioned through the CSSOM: the style applies although the CSP forbids style attributes.
          assert.match(tip.left, /^\d+px$/, `${slug}: tooltip placed`);
          assert.equal(tip.position, tip.left, `${slug}: the tooltip's position is in effect`);
          tips++;
        }
        assert.deepEqual(await violations(page), [], `${slug}: no CSP violation`);
      }
      assert.ok(tips >= 6, `tooltips shown on the pages with charts (${tips})`);
      if (base !== '/') await page.screenshot({ path: join(ARTIFACTS, 'hosting-subpath.png') });
      // The service worker's precaching is part of the visit: wait for it before counting.
      await controlled(page);
      assert.deepEqual(log.errors, []);
      assert.ok(log.requests.length >= 5);
      for (const r of log.requests) assert.ok(r.url.startsWith(server.url), `request outside ${base}: ${r.url}`);
      for (const s of server.served) assert.ok(s.path.startsWith(base) && s.method === 'GET', `${s.method} ${s.path}`);
      const icon = server.served.find((s) => /icon-[0-9a-f]{8,16}\.svg$/.test(s.path));
      assert.ok(icon, 'the icon is a file of dist, fetched (and cached for offline use)');
    } finally {
      await browser.close();
      await server.close();
    }
  });
}

test('dist/index.html: the CSP meta with exactly our directives, no inline script or style, only relative URLs', () => {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const meta = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/);
  assert.ok(meta, 'the CSP meta is in dist/index.html');
  const directives = Object.fromEntries(
    meta[1].split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values.join(' ')]),
  );
  assert.deepEqual(directives, CSP);
  assert.ok(html.indexOf(meta[0]) < html.search(/<link|<script/), 'the policy comes before anything it governs');
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
  assert.ok(scripts.length >= 1);
  for (const [, attrs, body] of scripts) {
    assert.equal(body.trim(), '', 'no inline script body');
    assert.match(attrs, /\ssrc="\.\/[^"]+"/, 'every script is a file of dist');
  }
  assert.doesNotMatch(html, /<style|\sstyle=|\son[a-z]+=/i, 'no inline style or event handler');
  for (const [, url] of html.matchAll(/\s(?:href|src|data-js|data-wasm)="([^"]*)"/g)) {
    assert.match(url, /^\.\/[\w.-]+$/, `a relative URL of a file of dist: ${url}`);
  }
});

test('our scripts and the page\'s glue ship without their comments; the glue\'s preload integrity is its bytes', async () => {
  const { stripComments } = await import(join(ROOT, 'scripts/post-build.mjs'));
  assert.equal(stripComments('// a\n/** b\n * c */\nconst x = 1; // kept\n\n  /* d */ \nf(x);\n'), 'const x = 1; // kept\nf(x);\n');
  assert.equal(stripComments('const t = `one\n// two\n`;\n'), null, 'a template literal over lines is left alone');
  const index = readFileSync(join(DIST, 'index.html'), 'utf8');
  const glue = index.match(/data-js="\.\/([^"]+)"/)[1];
  for (const name of ['boot.js', 'sw.js', 'parse_worker_loader.js', glue]) {
    const lines = readFileSync(join(DIST, name), 'utf8').split('\n');
    assert.deepEqual(lines.filter((l) => /^\s*(\/\/|\/\*)/.test(l)), [], `${name} has no line of comment`);
  }
  const integrity = `sha384-${createHash('sha384').update(readFileSync(join(DIST, glue))).digest('base64')}`;
  assert.ok(index.includes(`href="./${glue}" crossorigin="anonymous" integrity="${integrity}"`), 'the preload names the shipped bytes');
});

test('sw.js lists exactly the files of dist/ (itself aside), the hashed ones as immutable', () => {
  const source = readFileSync(join(DIST, 'sw.js'), 'utf8');
  const build = JSON.parse(source.match(/^const BUILD = (.*);$/m)[1]);
  assert.match(build.version, /^[0-9a-f]{16}$/);
  const files = readdirSync(DIST, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(DIST, join(e.parentPath ?? e.path, e.name)).split(sep).join('/'))
    .filter((f) => f !== 'sw.js' && !f.startsWith('.'));
  assert.deepEqual([...build.revalidate, ...build.immutable].sort(), ['', ...files].sort());
  // The workers' files (the parse worker's and the workbook reader's) and the texts of each language carry no content hash
  // (Trunk names a worker's files after its binary, and the app asks for `lang/kpi-<code>.json` and `lang/ui-<code>.json`
  // by name): revalidated like boot.js.
  const worker = ['parse_worker.js', 'parse_worker_bg.wasm', 'parse_worker_loader.js', 'workbook_worker.js', 'workbook_worker_bg.wasm', 'workbook_worker_loader.js'];
  const packs = ['lang/kpi-de.json', 'lang/kpi-pl.json', 'lang/kpi-zh.json', 'lang/ui-de.json', 'lang/ui-pl.json', 'lang/ui-zh.json'];
  assert.deepEqual(build.revalidate, ['', 'boot.js', 'index.html', ...packs, ...worker]);
  for (const f of build.immutable) assert.match(f, /-[0-9a-f]{8,16}(_bg)?\.\w+$/);
});

test('offline after one visit: the reload works and a file is analysed with the network gone', async () => {
  const log = { requests: [], errors: [] };
  const server = await serveDist({ base: '/pipelens/', headers: PAGES_HEADERS });
  const browser = await launch();
  try {
    const context = await openContext(browser, log);
    const page = await context.newPage();
    await page.goto(server.url + '#/all');
    await ready(page);
    await controlled(page);
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    assert.equal(scope, server.url, 'the worker serves the app directory only');
    // The network goes away: the browser is offline and the server is gone too.
    await context.setOffline(true);
    await server.close();
    const seen = server.served.length;
    const started = Date.now();
    await page.reload();
    await ready(page);
    const reloadMs = Date.now() - started;
    assert.match(await page.textContent('[data-testid=source]'), /Demo data/);
    const { file, want } = dealsExport(3000);
    await upload(page, file);
    assert.equal(await page.getAttribute('.app', 'data-state'), 'ready');
    assert.match(await page.textContent('[data-testid=source]'), /deals\.csv/);
    const v = await headlineValues(page);
    assert.equal(Number(v.revenue.value), want.revenue, 'revenue computed offline');
    assert.equal(Number(v.deals_won.value), want.won);
    assert.equal(Number(v.win_rate.value), want.won / (want.won + want.lost));
    assert.equal(server.served.length, seen, 'nothing reached the server');
    assert.deepEqual(await violations(page), []);
    assert.deepEqual(log.errors, []);
    await page.screenshot({ path: join(ARTIFACTS, 'hosting-offline.png') });
    console.log(`offline reload to ready: ${reloadMs} ms`);
  } finally {
    await browser.close();
    await server.close();
  }
});

/** Replaces the stylesheet of the build in `dir` with one that adds `rule`, under a new hashed
 * name with its integrity, marks index.html with `build`, and re-stamps sw.js: a new deployment. */
function redeploy(dir, build, rule) {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const [, oldCss] = html.match(/href="\.\/(main-[0-9a-f]{8,16}\.css)"/);
  const css = readFileSync(join(dir, oldCss), 'utf8') + `\n${rule}\n`;
  const newCss = `main-${createHash('sha256').update(css).digest('hex').slice(0, 16)}.css`;
  rmSync(join(dir, oldCss));
  writeFileSync(join(dir, newCss), css);
  const integrity = `sha384-${createHash('sha384').update(css).digest('base64')}`;
  const next = html
    .replace(new RegExp(`href="\\./${oldCss}" integrity="[^"]*"`), `href="./${newCss}" integrity="${integrity}"`)
    .replace('<head>', `<head>\n    <meta name="pipelens-build" content="${build}" />`);
  writeFileSync(join(dir, 'index.html'), next);
  execFileSync('node', [join(ROOT, 'scripts/stamp-sw.mjs'), dir]);
}

test('a new deployment shows on the next load: no stale copy from the service worker or the HTTP cache', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pipelens-dist-'));
  cpSync(DIST, dir, { recursive: true });
  const log = { requests: [], errors: [] };
  const server = await serveDist({ base: '/pipelens/', dir, headers: PAGES_HEADERS });
  const browser = await launch();
  try {
    const context = await openContext(browser, log);
    const page = await context.newPage();
    await page.goto(server.url);
    await ready(page);
    await controlled(page);
    const cachesBefore = await page.evaluate(() => caches.keys());
    assert.equal(cachesBefore.length, 1);

    redeploy(dir, '2', ':root { --deployed-build: 2; }');
    // The next visit: an ordinary navigation, not a reload that bypasses caches.
    await page.goto('about:blank');
    await page.goto(server.url);
    await ready(page);
    const shown = await page.evaluate(() => [
      document.querySelector('meta[name=pipelens-build]')?.content,
      getComputedStyle(document.documentElement).getPropertyValue('--deployed-build').trim(),
    ]);
    assert.deepEqual(shown, ['2', '2'], 'the new index.html and its new stylesheet are in use');

    // The browser found the changed sw.js: the new worker caches the new build, the old cache goes.
    const stamped = JSON.parse(readFileSync(join(dir, 'sw.js'), 'utf8').match(/^const BUILD = (.*);$/m)[1]);
    let cachesAfter;
    for (const started = Date.now(); Date.now() - started < 10_000; await page.waitForTimeout(100)) {
      cachesAfter = await page.evaluate(() => caches.keys());
      if (cachesAfter.length === 1 && cachesAfter[0] !== cachesBefore[0]) break;
    }
    assert.deepEqual(cachesAfter, [cachesBefore[0].replace(/\S+$/, stamped.version)], `${cachesBefore} → ${cachesAfter}`);

    // And the new build is what works offline.
    await context.setOffline(true);
    await server.close();
    await page.reload();
    await ready(page);
    assert.equal(await page.getAttribute('meta[name=pipelens-build]', 'content'), '2');
    assert.deepEqual(await violations(page), []);
    assert.deepEqual(log.errors, []);
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
