// Export: every chart as PNG, every table as CSV, the page to the printer. The CSVs of a file
// whose owners, products, lead sources and accounts start with =, +, -, @, tab and CR hold those
// names as text ('=…), never as formulas, while numbers (negative ones too) stay numbers; a
// chart's PNG has the canvas's device-pixel size, an opaque background and the same ink as the
// canvas; names such as <img src=x onerror=…> are shown as text on every page and never run.
// Every file is made in the tab: no request leaves for anywhere.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS, openApp, upload, canvasInk, serveDist, launch, watch } from './harness.mjs';

const PAGES = ['executive', 'manager', 'rep', 'pipeline', 'leads', 'customers', 'custom', 'all'];

// Formula-like names, as a hostile or careless CRM export might hold them.
const OWNERS = ['=HYPERLINK("http://x")', '+cmd', '-2+3', '@SUM(A1)', '\tTabbed Rep', '\rReturned Rep', 'Plain Rep'];
const PRODUCTS = ['=1+1', '+Widget', '-Gadget', '@Thing', '\tTab Product', 'Plain Product'];
const SOURCES = ['=Source()', '+Ads', '-Referral', '@Event', '\rWebinar', 'Inbound'];
const ACCOUNTS = ['=Acct()', '@acct', '-acct', 'Plain Co'];
const TEAMS = ['=Team', 'East'];
const DANGEROUS = /^[=+\-@\t\r]/;

/** One CSV field, quoted (so tabs, CRs, quotes and commas survive). */
const field = (v) => `"${String(v).replaceAll('"', '""')}"`;

/** A deals file over 2024 in which every segment name is one of `names`' lists. */
function dealsCsv({ owners, products, sources, accounts, teams }, credit = false) {
  const head = ['deal_id', 'amount', 'stage', 'created_date', 'close_date', 'owner', 'team', 'product', 'lead_source', 'deal_type', 'account'];
  // Five stages against six or seven names of each kind: every name wins, loses and stays open.
  const stages = ['Closed Won', 'Closed Lost', 'Proposal', 'Closed Won', 'Prospecting'];
  const lines = [head.join(',')];
  for (let i = 0; i < 240; i++) {
    const stage = stages[i % stages.length];
    const month = 1 + (i % 12);
    const created = `2024-${String(month).padStart(2, '0')}-${String(1 + (i % 20)).padStart(2, '0')}`;
    const close = stage.startsWith('Closed') ? `2024-${String(month).padStart(2, '0')}-${String(8 + (i % 20)).padStart(2, '0')}` : '';
    // One deal in eleven is big, for every owner: the deal-size outliers table has rows.
    const amount = i % 11 === 5 ? 90000 + i : 1000 + (i % 13) * 250;
    lines.push(
      [`D-${i}`, amount, stage, created, close, owners[i % owners.length], teams[i % teams.length], products[i % products.length],
        sources[i % sources.length], i % 2 ? 'new' : 'upsell', accounts[i % accounts.length]].map(field).join(','),
    );
  }
  // A credit note: a won deal of a negative amount, so some exported figures are negative.
  if (credit) lines.push(['D-credit', -5000, 'Closed Won', '2024-06-03', '2024-06-20', owners.at(-1), teams[0], 'Credit notes', sources.at(-1), 'new', accounts.at(-1)].map(field).join(','));
  return lines.join('\r\n') + '\r\n';
}

/** RFC 4180 CSV text to rows of cells. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\n' || (c === '\r' && text[i + 1] === '\n')) {
      if (c === '\r') i++;
      row.push(cell), rows.push(row), (row = []), (cell = '');
    } else cell += c;
  }
  if (cell !== '' || row.length) row.push(cell), rows.push(row);
  return rows;
}

/** Clicks `selector` and returns the download's name and content. */
async function download(page, selector, how = 'click') {
  const [d] = await Promise.all([
    page.waitForEvent('download'),
    how === 'click' ? page.click(selector) : page.focus(selector).then(() => page.keyboard.press(how)),
  ]);
  return { name: d.suggestedFilename(), bytes: readFileSync(await d.path()) };
}

/** The period on screen, as the file names carry it. */
async function periodSlug(page) {
  const el = page.locator('[data-testid=period] strong');
  return `${await el.getAttribute('data-from')}_${await el.getAttribute('data-to')}`;
}

/** No cell of `rows` would run as a formula: any starting with =, +, -, @, tab or CR is a number. */
function assertInert(rows, what) {
  for (const [r, row] of rows.entries()) {
    for (const cell of row) {
      if (DANGEROUS.test(cell)) assert.ok(Number.isFinite(Number(cell)), `${what} row ${r}: ${JSON.stringify(cell)} would run as a formula`);
    }
  }
}

/** Every name of `names` that survives the import (leading tab / CR are trimmed on reading) is
 * in `rows`, neutralised with a leading '. */
function assertNeutralised(rows, names, what) {
  const cells = new Set(rows.flat());
  for (const name of names) {
    const kept = name.trim();
    if (!DANGEROUS.test(kept)) {
      assert.ok(cells.has(kept), `${what}: ${JSON.stringify(kept)} is exported as it is (${[...cells].slice(0, 12)})`);
    } else {
      assert.ok(cells.has(`'${kept}`), `${what}: ${JSON.stringify(kept)} is exported as '${kept}`);
      assert.ok(!cells.has(kept), `${what}: ${JSON.stringify(kept)} is never exported bare`);
    }
  }
}

let server, browser, page;
const log = { requests: [], errors: [] };
const files = {};

before(async () => {
  files.formulas = join(ARTIFACTS, 'export-formulas.csv');
  writeFileSync(files.formulas, dealsCsv({ owners: OWNERS, products: PRODUCTS, sources: SOURCES, accounts: ACCOUNTS, teams: TEAMS }, true));
  const html = ['<img src=x onerror=alert(1)>', '<script>alert(2)</script>', 'Plain Rep'];
  files.html = join(ARTIFACTS, 'export-html.csv');
  writeFileSync(files.html, dealsCsv({ owners: html, products: html, sources: html, accounts: html, teams: html }));
  ({ server, browser, page } = await openApp(log, { width: 1440, height: 1000 }, '#/pipeline'));
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('export buttons: labelled, keyboard-reachable, quiet in print', async () => {
  const chart = page.locator('[data-chart=product-revenue]');
  assert.equal(await chart.locator('[data-testid=export-png]').getAttribute('aria-label'), 'Download the Won revenue by product chart as PNG');
  assert.equal(await chart.locator('[data-testid=export-csv]').getAttribute('aria-label'), 'Download the Won revenue by product table as CSV');
  // Every chart of the page has both, and they are buttons a keyboard reaches.
  const charts = await page.$$eval('figure.chart', (els) =>
    els.map((f) => [...f.querySelectorAll('[data-testid^=export-]')].map((b) => `${b.tagName}:${b.dataset.testid}:${b.tabIndex}`).join(' ')),
  );
  assert.ok(charts.length >= 4);
  for (const c of charts) assert.equal(c, 'BUTTON:export-png:0 BUTTON:export-csv:0');
  // Enter on a focused button downloads, with the chart's slug and the period in the name.
  const slug = await periodSlug(page);
  const csv = await download(page, '[data-chart=product-revenue] [data-testid=export-csv]', 'Enter');
  assert.equal(csv.name, `pipelens-product-revenue-${slug}.csv`);
  const rows = parseCsv(csv.bytes.toString('utf8'));
  assert.deepEqual(rows[0], ['Product', 'Won revenue']);
  // The same numbers as the chart's table, unrounded.
  await chart.locator('.as-table summary').click();
  const shown = await chart.locator('[data-chart-table] tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [tr.dataset.row, tr.querySelector('td').dataset.value]),
  );
  assert.deepEqual(rows.slice(1), shown);
  await chart.locator('.as-table summary').click();

  await page.emulateMedia({ media: 'print' });
  const visible = await page.$$eval('.export, [data-testid=print]', (els) => els.filter((e) => e.getClientRects().length > 0).length);
  assert.equal(visible, 0, 'no export button is printed');
  await page.emulateMedia({ media: 'screen' });
});

test('a chart as PNG: the canvas at device-pixel size, on an opaque theme background', async () => {
  const local = { requests: [], errors: [] };
  const b = await launch();
  const s = await serveDist();
  try {
    const context = await b.newContext({ viewport: { width: 1440, height: 1000 }, deviceScaleFactor: 2 });
    watch(context, local);
    const p = await context.newPage();
    await p.goto(s.origin + '/#/pipeline');
    await p.waitForSelector('.app[data-state=ready]');
    await p.waitForTimeout(200);
    for (const theme of ['light', 'dark']) {
      if (theme === 'dark') {
        await p.click('[data-testid=theme]');
        await p.waitForTimeout(200);
      }
      const slug = await periodSlug(p);
      const { name, bytes } = await download(p, '[data-chart=product-revenue] [data-testid=export-png]');
      assert.equal(name, `pipelens-product-revenue-${slug}.png`);
      writeFileSync(join(ARTIFACTS, `export-chart-${theme}.png`), bytes);
      assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
      assert.equal(bytes.subarray(12, 16).toString('latin1'), 'IHDR');
      const [w, h] = [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
      const index = await p.$$eval('canvas', (cs) => cs.indexOf(document.querySelector('[data-chart=product-revenue] canvas')));
      const canvas = (await canvasInk(p))[index];
      assert.ok(w > 0 && h > 0);
      assert.deepEqual([w, h], [canvas.width, canvas.height], 'the PNG has the canvas size');
      assert.equal(w, Math.round(canvas.cssWidth * 2), 'device pixels: twice the CSS width at a 2× screen');
      // Decoded by the browser: opaque, many colours, the theme's background in the corner,
      // and the same share of ink as the canvas on screen.
      const img = await p.evaluate(async (b64) => {
        const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        const bmp = await createImageBitmap(new Blob([data], { type: 'image/png' }));
        const c = new OffscreenCanvas(bmp.width, bmp.height);
        const ctx = c.getContext('2d');
        ctx.drawImage(bmp, 0, 0);
        const px = ctx.getImageData(0, 0, bmp.width, bmp.height).data;
        const colours = new Set();
        let minAlpha = 255;
        let ink = 0;
        for (let i = 0; i < px.length; i += 4) {
          colours.add((px[i] << 16) | (px[i + 1] << 8) | px[i + 2]);
          minAlpha = Math.min(minAlpha, px[i + 3]);
          if (px[i] !== px[0] || px[i + 1] !== px[1] || px[i + 2] !== px[2]) ink++;
        }
        return { colours: colours.size, minAlpha, corner: [px[0], px[1], px[2]], ink: ink / (bmp.width * bmp.height) };
      }, bytes.toString('base64'));
      console.log(`# PNG ${theme}: ${w}×${h}, ${bytes.length} bytes, ${img.colours} colours, ink ${(img.ink * 100).toFixed(1)} % (canvas ${(canvas.ink * 100).toFixed(1)} %)`);
      assert.equal(img.minAlpha, 255, 'no transparent pixel');
      assert.deepEqual(img.corner, theme === 'light' ? [0xff, 0xff, 0xff] : [0x1e, 0x29, 0x3b], 'the theme background');
      assert.ok(img.colours > 20, `not blank: ${img.colours} colours`);
      assert.ok(img.ink > 0.02 && Math.abs(img.ink - canvas.ink) < 0.002, `same ink as the canvas: ${img.ink} vs ${canvas.ink}`);
    }
  } finally {
    await b.close();
    await s.close();
  }
  assert.deepEqual(local.errors, []);
  for (const r of local.requests) assert.ok(r.url.startsWith(s.origin) || r.url.startsWith('blob:'), `request left the tab: ${r.url}`);
});

test('Print opens the print dialog with the charts in the light theme, then restores the screen', async () => {
  await page.evaluate(() => {
    window.__printed = [];
    window.print = () => window.__printed.push(document.documentElement.dataset.theme);
  });
  assert.equal(await page.getAttribute('[data-testid=print]', 'aria-label'), 'Print this page or save it as PDF');
  await page.click('[data-testid=print]');
  await page.waitForFunction(() => window.__printed.length === 1);
  await page.click('[data-testid=theme]');
  await page.waitForSelector('html[data-theme=dark]');
  await page.focus('[data-testid=print]');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => window.__printed.length === 2);
  assert.deepEqual(await page.evaluate(() => window.__printed), ['light', 'light'], 'printed in the light theme');
  await page.waitForSelector('html[data-theme=dark]');
  await page.click('[data-testid=theme]');
  await page.waitForSelector('html[data-theme=light]');
});

test('CSV exports of formula-like names: every such cell starts with \', numbers stay numbers', async () => {
  await upload(page, files.formulas);
  assert.equal(await page.getAttribute('.app', 'data-state'), 'ready');
  const slug = await periodSlug(page);
  const got = {};

  // Pipeline: the product table of a KPI tile and two chart tables.
  await page.click('[data-tile=product_performance] details.tile-table summary');
  got.products = await download(page, '[data-tile=product_performance] [data-testid=export-csv]');
  assert.equal(got.products.name, `pipelens-product-performance-${slug}.csv`);
  got.productChart = await download(page, '[data-chart=product-revenue] [data-testid=export-csv]');
  got.cycle = await download(page, '[data-chart=cycle-histogram] [data-testid=export-csv]');

  // Manager: the people table by rep and by team, and the deal-size outliers (an owner column).
  await page.click('nav.pages a[data-page=manager]');
  await page.waitForSelector('[data-table=people-owner]');
  got.people = await download(page, '.people [data-testid=export-csv]');
  assert.equal(got.people.name, `pipelens-people-owner-${slug}.csv`);
  await page.click('[data-testid=people-by-team]');
  await page.waitForSelector('[data-table=people-team]');
  got.teams = await download(page, '.people [data-testid=export-csv]');
  assert.equal(got.teams.name, `pipelens-people-team-${slug}.csv`);
  await page.click('[data-tile=deal_size_outliers] details.tile-table summary');
  got.outliers = await download(page, '[data-tile=deal_size_outliers] [data-testid=export-csv]');

  // Rep: the rep-vs-team table of the rep called =HYPERLINK(…) (their name is a header).
  await page.click('nav.pages a[data-page=rep]');
  await page.waitForSelector('[data-table=rep-vs-team]');
  await page.selectOption('[data-testid=rep-select]', OWNERS[0]);
  await page.waitForFunction((rep) => document.querySelector('[data-table=rep-vs-team] thead')?.textContent.includes(rep), OWNERS[0]);
  got.rep = await download(page, 'section:has([data-table=rep-vs-team]) [data-testid=export-csv]');
  assert.match(got.rep.name, new RegExp(`^pipelens-rep-vs-team-hyperlink-http-x-${slug}\\.csv$`));

  const rows = Object.fromEntries(Object.entries(got).map(([k, v]) => [k, parseCsv(v.bytes.toString('utf8'))]));
  for (const [k, r] of Object.entries(rows)) {
    writeFileSync(join(ARTIFACTS, `export-${k}.csv`), got[k].bytes);
    assert.ok(r.length > 1, `${k}: has rows`);
    assertInert(r, k);
    console.log(`# ${k}: ${got[k].name}, ${r.length - 1} rows × ${r[0].length} columns`);
  }
  assertNeutralised(rows.products, PRODUCTS, 'product performance');
  assertNeutralised(rows.productChart, PRODUCTS, 'product revenue chart');
  assertNeutralised(rows.people, OWNERS, 'people by rep');
  assertNeutralised(rows.teams, TEAMS, 'people by team');
  // The cycle histogram has a column per lead source.
  assertNeutralised([rows.cycle[0]], SOURCES, 'cycle histogram header');
  assert.ok(rows.outliers.slice(1).some((r) => OWNERS.map((o) => `'${o}`).includes(r[1])), 'outliers: owners neutralised');
  assert.equal(rows.rep[0][1], `'${OWNERS[0]}`, 'the rep in the header is neutralised');

  // Numbers are plain and unrounded, negative ones too: the credit note's product lost 5,000.
  const credit = rows.products.find((r) => r[0] === 'Credit notes');
  assert.ok(credit, 'the credit-note product is listed');
  assert.equal(credit[1], '-5000', 'a negative amount stays a plain number');
  assert.equal(rows.productChart.find((r) => r[0] === 'Credit notes')?.[1], '-5000');
  for (const r of rows.people.slice(1)) for (const c of r.slice(1)) assert.ok(c === '' || Number.isFinite(Number(c)), `people: number cell ${c}`);
  // The figures are those on screen: the people table's revenue column.
  await page.click('nav.pages a[data-page=manager]');
  await page.waitForSelector('[data-table=people-owner]');
  const onScreen = await page.$$eval('[data-table=people-owner] tbody tr', (trs) =>
    trs.map((tr) => [tr.dataset.row, tr.querySelector('[data-col=revenue]').dataset.value]),
  );
  assert.deepEqual(rows.people.slice(1).map((r) => [r[0].replace(/^'/, ''), r[1]]), onScreen);
});

test('a KPI table of thousands of rows shows its first 100, and its CSV holds them all', async () => {
  // One rep wins three deals of 100 and holds 1,500 open deals of 1,000: 1,500 outliers.
  const lines = ['deal_id,amount,stage,created_date,close_date,owner'];
  for (let i = 0; i < 3; i++) lines.push(`W-${i},100,Closed Won,2024-03-0${i + 1},2024-05-1${i},Ann`);
  for (let i = 0; i < 1500; i++) lines.push(`O-${i},${1000 + i},Proposal,2024-04-${String(1 + (i % 28)).padStart(2, '0')},,Ann`);
  const file = join(ARTIFACTS, 'export-many-outliers.csv');
  writeFileSync(file, lines.join('\n') + '\n');
  await upload(page, file);
  await page.click('nav.pages a[data-page=manager]');
  const tile = '[data-tile=deal_size_outliers]';
  await page.waitForSelector('.app[data-state=ready]');
  await page.waitForSelector(`${tile} .tile-value`);
  assert.equal(await page.getAttribute(`${tile} .tile-value`, 'data-value'), '1500');
  assert.match(await page.textContent(`${tile} details.tile-table summary`), /\(1,500 rows\)/);
  await page.click(`${tile} details.tile-table summary`);
  assert.equal(await page.$$eval(`${tile} [data-table=deal_size_outliers] tbody tr`, (trs) => trs.length), 100);
  assert.match(await page.textContent(`${tile} [data-testid=kpi-table-more]`), /first 100 of 1,500 rows/);
  const csv = parseCsv((await download(page, `${tile} [data-testid=export-csv]`)).bytes.toString('utf8'));
  assert.equal(csv.length - 1, 1500, 'the CSV holds every row');
  // On screen, the largest first: the CSV's first rows.
  const shown = await page.$$eval(`${tile} [data-table=deal_size_outliers] tbody tr`, (trs) => trs.slice(0, 3).map((tr) => tr.dataset.row));
  assert.deepEqual(shown, csv.slice(1, 4).map((r) => r[0]));
});

test('the people table of a company of 250 reps shows its first 100, and its CSV holds them all', async () => {
  // 250 reps, each winning one deal more than the last: the table ranks them by revenue.
  const lines = ['deal_id,amount,stage,created_date,close_date,owner,team'];
  for (let r = 0; r < 250; r++) {
    for (let i = 0; i <= r % 7; i++) lines.push(`D-${r}-${i},${1000 + r},Closed Won,2024-03-01,2024-05-1${i % 9},Rep ${r},Team ${r % 5}`);
  }
  const file = join(ARTIFACTS, 'export-many-reps.csv');
  writeFileSync(file, lines.join('\n') + '\n');
  await upload(page, file);
  await page.click('nav.pages a[data-page=manager]');
  await page.waitForSelector('.app[data-state=ready]');
  await page.waitForSelector('[data-table=people-owner]');
  const rows = '[data-table=people-owner] tbody tr';
  assert.equal(await page.$$eval(rows, (trs) => trs.length), 100);
  assert.match(await page.textContent('.people [data-testid=kpi-table-more]'), /first 100 of 250 rows/);
  const csv = parseCsv((await download(page, '.people [data-testid=export-csv]')).bytes.toString('utf8'));
  assert.equal(csv.length - 1, 250, 'the CSV holds every rep');
  const shown = await page.$$eval(rows, (trs) => trs.map((tr) => tr.dataset.row));
  assert.deepEqual(shown, csv.slice(1, 101).map((r) => r[0]), 'on screen, the CSV\'s first rows');
  // By team: five rows, no note.
  await page.click('[data-testid=people-by-team]');
  await page.waitForSelector('[data-table=people-team]');
  assert.equal(await page.$$eval('[data-table=people-team] tbody tr', (trs) => trs.length), 5);
  assert.equal(await page.$('.people [data-testid=kpi-table-more]'), null);
});

test('names holding HTML are shown as text on every page and never run', async () => {
  const dialogs = [];
  page.on('dialog', async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  await upload(page, files.html);
  assert.equal(await page.getAttribute('.app', 'data-state'), 'ready');
  const NAMES = ['<img src=x onerror=alert(1)>', '<script>alert(2)</script>'];
  for (const slug of PAGES) {
    await page.click(`nav.pages a[data-page=${slug}]`);
    await page.waitForSelector(`.page[data-page=${slug}]`);
    // Open every filter list, table and breakdown there is.
    for (const d of await page.$$('details.multi, details.as-table, details.tile-table')) {
      await d.evaluate((el) => (el.open = true));
    }
    await page.waitForTimeout(100);
    const found = await page.evaluate((names) => {
      const text = document.body.textContent;
      return {
        names: names.map((n) => text.includes(n)),
        inFilter: names.map((n) => [...document.querySelectorAll('details[data-filter=owner] .option span')].some((s) => s.textContent === n)),
        imgs: document.querySelectorAll('img').length,
        scripts: [...document.querySelectorAll('script')].filter((s) => s.textContent.includes('alert')).length,
        xImg: document.querySelectorAll('img[src=x]').length,
      };
    }, NAMES);
    assert.deepEqual(found.names, [true, true], `${slug}: the names are shown literally`);
    assert.deepEqual(found.inFilter, [true, true], `${slug}: the owner filter lists the names as text`);
    assert.deepEqual([found.imgs, found.scripts, found.xImg], [0, 0, 0], `${slug}: no element was made from a name`);
    for (const d of await page.$$('details[open]')) await d.evaluate((el) => (el.open = false));
  }
  // On the rep page the rep picker and the table header carry the names as text too.
  await page.click('nav.pages a[data-page=rep]');
  await page.selectOption('[data-testid=rep-select]', NAMES[0]);
  await page.waitForFunction((n) => document.querySelector('[data-table=rep-vs-team] thead').textContent.includes(n), NAMES[0]);
  // The people table's CSV holds the names as they are (they start with <, not a formula).
  await page.click('nav.pages a[data-page=manager]');
  await page.waitForSelector('[data-table=people-owner]');
  const people = parseCsv((await download(page, '.people [data-testid=export-csv]')).bytes.toString('utf8'));
  for (const n of NAMES) assert.ok(people.some((r) => r[0] === n), `people CSV has ${n}`);
  await page.waitForTimeout(300);
  assert.deepEqual(dialogs, [], 'no dialog opened');
  const x = log.requests.filter((r) => new URL(r.url).pathname.endsWith('/x'));
  assert.deepEqual(x, [], 'nothing was fetched from /x');
});

test('no page errors, and no request left the tab', async () => {
  assert.deepEqual(log.errors, []);
  for (const r of log.requests) {
    const url = new URL(r.url);
    assert.ok(r.url.startsWith('blob:') || url.origin === server.origin, `request to another origin: ${r.url}`);
    assert.equal(r.body, null, `a request carried a body: ${r.url}`);
  }
  assert.ok(!log.requests.some((r) => r.url.includes('HYPERLINK') || r.url.includes('Widget')), 'no URL carries the data');
});
