// A shared link opened on a phone (390 × 844, touch): on every page of the navigation the page
// never scrolls sideways, the first KPI tile starts on the first screen and at least four KPI
// values sit within the first two; the header is one row whose actions open from a menu, the
// navigation is one row, the filter bar is a one-line summary that opens the full bar; a first
// tap on a chart mark shows its tooltip and only a second tap (or the tooltip's "Drill down"
// button) drills; axe-core finds no serious or critical violation, target size included.
// Tablet and desktop keep the full header and filter bar. Screenshots of the first screen of
// each page are saved in tests/e2e/artifacts/mobile-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS, ROOT, serveDist, launch, watch } from './harness.mjs';

const PAGES = ['executive', 'manager', 'rep', 'pipeline', 'leads', 'customers', 'custom', 'all'];
const AXE = join(ROOT, 'node_modules/axe-core/axe.min.js');
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 };
const SCREEN = PHONE.viewport.height;

/** Runs axe-core in the page, with the WCAG 2.2 target-size rule on; fails on serious or
 * critical violations. Evaluated through the DevTools protocol, which the page's
 * Content-Security-Policy does not govern. */
async function assertAccessible(page, what) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(readFileSync(AXE, 'utf8'));
  const result = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'], rules: { 'target-size': { enabled: true } } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  const bad = result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad, [], `${what}: axe-core violations\n${JSON.stringify(bad, null, 1)}`);
}

/** Taps the navigation link of `slug` (the row scrolls it into view) and waits for its page. */
async function visit(page, slug) {
  await page.tap(`nav.pages a[data-page=${slug}]`);
  await page.waitForSelector(`.page[data-page=${slug}]`);
  await page.waitForFunction(() => document.querySelector('.app')?.getAttribute('data-state') === 'ready');
  await page.evaluate(() => window.scrollTo(0, 0));
  // Charts draw in an effect after mounting.
  await page.waitForTimeout(150);
}

/** Where things are, in page coordinates (from the top of the document). */
async function layout(page) {
  return page.evaluate(() => {
    const box = (el) => {
      const r = el.getBoundingClientRect();
      return { top: r.top + window.scrollY, bottom: r.bottom + window.scrollY, left: r.left, right: r.right, width: r.width, height: r.height };
    };
    const visible = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
    const tile = document.querySelector('[data-tile]');
    const values = [...document.querySelectorAll('[data-kpi][data-value]:not([data-segment])')].filter(visible).map(box);
    return {
      overflow: document.documentElement.scrollWidth - window.innerWidth,
      header: box(document.querySelector('header.topbar')),
      nav: box(document.querySelector('nav.pages')),
      navRows: new Set([...document.querySelectorAll('nav.pages a')].map((a) => Math.round(a.getBoundingClientRect().top))).size,
      tile: tile && box(tile),
      values,
    };
  });
}

/** The tooltip's anchor of a drillable mark of chart `chart`, in CSS pixels of its canvas: the
 * keyboard steps through the marks and the tooltip's inline position names the mark. */
async function drillableMark(page, chart) {
  const canvas = `figure[data-chart="${chart}"] canvas`;
  await page.focus(canvas);
  const n = await page.$$eval(`figure[data-chart="${chart}"] [data-chart-table] tbody tr`, (rows) => rows.length);
  for (let i = 0; i < Math.max(n, 1) * 3 + 3; i++) {
    await page.keyboard.press('ArrowRight');
    const tip = await page.$eval(`figure[data-chart="${chart}"] .chart-tip`, (t) => ({ text: t.textContent, x: parseFloat(t.style.left), y: parseFloat(t.style.top) }));
    if (/drill down/.test(tip.text)) {
      await page.keyboard.press('Escape');
      return tip;
    }
  }
  throw new Error(`${chart}: no drillable mark`);
}

let server, browser, context, page;
const log = { requests: [], errors: [] };

before(async () => {
  server = await serveDist();
  browser = await launch();
  context = await browser.newContext(PHONE);
  watch(context, log);
  page = await context.newPage();
  await page.goto(server.origin + '/');
  await page.waitForSelector('.app[data-state=ready]');
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('every page at 390 × 844: no sideways scrolling, numbers on the first screen, axe-core passes', async () => {
  for (const slug of PAGES) {
    await visit(page, slug);
    const at = await layout(page);
    assert.ok(at.overflow <= 0, `${slug}: no sideways scrolling (${at.overflow} px too wide)`);
    assert.ok(at.header.height <= 64, `${slug}: the header is one compact row (${at.header.height} px)`);
    assert.equal(at.navRows, 1, `${slug}: the navigation is a single row`);
    assert.ok(at.nav.height <= 56, `${slug}: the navigation row is low (${at.nav.height} px)`);
    assert.ok(at.tile, `${slug}: has a tile`);
    assert.ok(at.tile.top < SCREEN, `${slug}: the first tile starts on the first screen (at ${at.tile.top} px)`);
    assert.ok(at.values.length > 0 && at.values[0].bottom <= SCREEN, `${slug}: the first value is on the first screen (${at.values[0]?.bottom} px)`);
    const within = at.values.filter((v) => v.bottom <= 2 * SCREEN).length;
    assert.ok(within >= 4, `${slug}: ${within} KPI values within the first two screens, 4 wanted`);
    // Tiles two per row: the second tile sits beside the first.
    const [a, b] = await page.$$eval('.tiles [data-tile]:not(.wide)', (els) => els.slice(0, 2).map((e) => e.getBoundingClientRect().top));
    if (b !== undefined) assert.equal(Math.round(a), Math.round(b), `${slug}: two tiles per row`);
    // Every canvas fits the screen.
    const widths = await page.$$eval('canvas', (cs) => cs.map((c) => c.getBoundingClientRect().right));
    for (const w of widths) assert.ok(w <= 390, `${slug}: a chart fits the width (${w})`);
    // The filter bar is folded to its summary.
    assert.ok(await page.isVisible('[data-testid=filter-summary]'), `${slug}: the filter summary is shown`);
    assert.equal(await page.isVisible('[data-testid=period-preset]'), false, `${slug}: the full filter bar is folded`);
    await assertAccessible(page, `${slug} at 390`);
    await page.screenshot({ path: join(ARTIFACTS, `mobile-${slug}.png`) });
  }
  await page.screenshot({ path: join(ARTIFACTS, 'mobile-all-full.png'), fullPage: true });
  assert.deepEqual(log.errors, []);
});

test('the menu holds load, share and theme; the filter summary says what is applied and opens the bar', async () => {
  await visit(page, 'executive');
  assert.equal(await page.isVisible('[data-testid=theme]'), false, 'the theme button waits in the menu');
  await page.tap('[data-testid=menu]');
  assert.equal(await page.getAttribute('[data-testid=menu]', 'aria-expanded'), 'true');
  for (const id of ['load-button', 'share', 'theme']) assert.ok(await page.isVisible(`[data-testid=${id}]`), `${id} is in the open menu`);
  await page.screenshot({ path: join(ARTIFACTS, 'mobile-menu-open.png') });
  await page.tap('[data-testid=theme]');
  assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
  await page.tap('[data-testid=theme]');
  await page.tap('[data-testid=menu]');
  assert.equal(await page.isVisible('[data-testid=theme]'), false, 'the menu closes');

  const summary = '[data-testid=filter-summary]';
  assert.equal(await page.textContent(`${summary} .words`), 'Last 12 months · all data · vs previous period');
  assert.equal(await page.getAttribute(summary, 'aria-expanded'), 'false');
  await page.tap(summary);
  assert.equal(await page.getAttribute(summary, 'aria-expanded'), 'true');
  assert.ok(await page.isVisible('[data-testid=period-preset]'), 'the full bar opens');
  // A filter chosen in the open bar: the bar stays open and the summary counts it.
  await page.tap('details[data-filter=team] summary');
  const team = await page.getAttribute('details[data-filter=team] input[type=checkbox]', 'data-value');
  await page.tap(`details[data-filter=team] input[data-value="${team}"]`);
  await page.waitForFunction((t) => document.querySelector('[data-testid=filter-summary] .words')?.textContent.includes(`team ${t}`), team);
  assert.ok(await page.isVisible('[data-testid=period-preset]'), 'the bar stays open after a choice');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the open bar does not widen the page (${overflow} px)`);
  await page.screenshot({ path: join(ARTIFACTS, 'mobile-filters-open.png') });
  await page.tap('[data-testid=clear-filters]');
  await page.waitForFunction(() => document.querySelector('[data-testid=filter-summary] .words')?.textContent.includes('all data'));
  await page.tap(summary);
  assert.equal(await page.isVisible('[data-testid=period-preset]'), false, 'the bar folds again');
  assert.deepEqual(log.errors, []);
});

test('a first tap on a chart mark shows its tooltip, a second tap drills; the tooltip button drills too', async () => {
  for (const [slug, chart, how] of [['executive', 'revenue-mix', 'second tap'], ['pipeline', 'product-revenue', 'button']]) {
    await visit(page, slug);
    const fig = `figure[data-chart="${chart}"]`;
    const mark = await drillableMark(page, chart);
    await page.$eval(fig, (f) => f.scrollIntoView({ block: 'center' }));
    const box = await page.$eval(`${fig} canvas`, (c) => {
      const r = c.getBoundingClientRect();
      return { x: r.left, y: r.top };
    });
    const at = { x: box.x + mark.x, y: box.y + mark.y + 2 };
    await page.touchscreen.tap(at.x, at.y);
    await page.waitForSelector(`${fig} .chart-tip`);
    assert.match(await page.textContent(`${fig} .chart-tip`), /tap again to drill down/, `${chart}: the first tap shows the tooltip`);
    await page.waitForTimeout(200);
    assert.equal(await page.$('[data-testid=breadcrumb]'), null, `${chart}: the first tap does not drill`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${chart}: the tooltip stays on the screen (${overflow} px)`);
    await page.screenshot({ path: join(ARTIFACTS, `mobile-tooltip-${chart}.png`) });
    if (how === 'button') await page.tap(`${fig} [data-testid=tip-drill]`);
    else await page.touchscreen.tap(at.x, at.y);
    await page.waitForSelector('[data-testid=breadcrumb]');
    assert.match(await page.textContent('[data-testid=breadcrumb] [aria-current]'), /: /, `${chart}: the ${how} drills`);
    await page.tap('[data-testid=crumb-root]');
    await page.waitForSelector('[data-testid=breadcrumb]', { state: 'detached' });
  }
  assert.deepEqual(log.errors, []);
});

test('a link to the last page opens with its tab in view in the navigation row', async () => {
  const p = await context.newPage();
  try {
    await p.goto(server.origin + '/#/all');
    await p.waitForSelector('.app[data-state=ready]');
    await p.waitForTimeout(100);
    const tab = await p.$eval('nav.pages a[aria-current=page]', (a) => {
      const r = a.getBoundingClientRect();
      return { slug: a.dataset.page, left: r.left, right: r.right };
    });
    assert.equal(tab.slug, 'all');
    assert.ok(tab.left >= 0 && tab.right <= 390, `the current tab is in view (${tab.left}–${tab.right})`);
  } finally {
    await p.close();
  }
});

test('tablet and desktop keep the full header and filter bar', async () => {
  for (const width of [820, 1440]) {
    const ctx = await browser.newContext({ viewport: { width, height: 1000 } });
    const p = await ctx.newPage();
    try {
      await p.goto(server.origin + '/');
      await p.waitForSelector('.app[data-state=ready]');
      assert.equal(await p.isVisible('[data-testid=menu]'), false, `${width}: no menu button`);
      assert.equal(await p.isVisible('[data-testid=filter-summary]'), false, `${width}: no filter summary`);
      for (const id of ['theme', 'share', 'load-button', 'period-preset']) assert.ok(await p.isVisible(`[data-testid=${id}]`), `${width}: ${id} is shown`);
    } finally {
      await ctx.close();
    }
  }
});
