// The app as a person uses it, in headless Chromium: the demo on first load, a real CRM export
// uploaded through the picker and by drag and drop, files it cannot use, and a log proving
// that no request left for anywhere but the page's own static files.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  ARTIFACTS, DIST, corpusFile, serveDist, launch, watch, nativeKpis, headlineValues, canvasInk, upload, close,
} from './harness.mjs';
import { projectFixtures } from './fixtures.mjs';

const SLICE = ['revenue', 'deals_won', 'win_rate', 'avg_deal_size', 'sales_cycle_days', 'pipeline_value', 'pipeline_count'];
// The Maven CRM export from the shared corpus when it is there (its published reference values
// are checked too); otherwise the project-made export in the same layout.
const MAVEN_CORPUS = corpusFile('real/maven-crm/sales_pipeline.csv',
  'app.test.mjs: the Maven CRM export\'s published reference values (the project-made export in its layout runs instead)');
const MAVEN = MAVEN_CORPUS ?? projectFixtures().pipeline;

let server, browser, context, page;
const log = { requests: [], errors: [] };

before(async () => {
  server = await serveDist();
  browser = await launch();
  context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  watch(context, log);
  page = await context.newPage();
  await page.goto(server.origin + '/');
  await page.waitForSelector('.app[data-state=ready]');
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('the demo dashboard is live on first load, labelled as demo, with the engine\'s numbers', async () => {
  const source = await page.textContent('[data-testid=source]');
  assert.match(source, /Demo data/);
  const native = nativeKpis('--demo');
  const ids = Object.keys(native.kpis);
  assert.equal(ids.length, 43, 'the whole catalog of KPI_SPEC.md and KPI_SPEC_PIPELINE_CHANGE.md');
  // First the executive view, then every KPI on the catalog page.
  assert.equal(await page.getAttribute('.page', 'data-page'), 'executive');
  const matches = (shown, id) => {
    const want = native.kpis[id].value;
    assert.notEqual(want, null, `${id} is defined on the demo`);
    const got = Number(shown[id].value);
    assert.ok(shown[id].value !== '' && Number.isFinite(got), `${id} has a numeric data-value`);
    assert.ok(close(got, want), `${id}: page ${got} vs engine ${want}`);
  };
  const executive = await headlineValues(page);
  assert.ok(Object.keys(executive).length >= 12, 'the executive view has its tiles');
  for (const id of Object.keys(executive)) matches(executive, id);
  await page.screenshot({ path: join(ARTIFACTS, 'demo-1440.png'), fullPage: true });
  await page.click('nav.pages a[data-page=all]');
  await page.waitForSelector('.page[data-page=all]');
  const shown = await headlineValues(page);
  for (const id of ids) {
    assert.ok(shown[id], `tile ${id} is on the page`);
    matches(shown, id);
  }
  const period = await page.$eval('[data-testid=period] strong', (e) => [e.dataset.from, e.dataset.to]);
  assert.deepEqual(period, [native.period.from, native.period.to]);
  // Pipeline per stage: the breakdown rows match the engine's.
  const stages = await page.$$eval('[data-tile=pipeline_count] [data-kpi=pipeline_count][data-segment]', (els) => els.map((e) => [e.dataset.segment, Number(e.dataset.value)]));
  assert.deepEqual(stages, native.kpis.pipeline_count.breakdown.map((b) => [`stage:${b.segment}`, b.value]));
});

test('the charts are painted, at the device pixel ratio, and redrawn on resize', async () => {
  await page.click('nav.pages a[data-page=executive]');
  await page.waitForSelector('.page[data-page=executive] canvas');
  const before = await canvasInk(page);
  assert.equal(before.length, 4, 'the executive view has four charts');
  for (const c of before) {
    assert.ok(c.ink > 0.03, `canvas painted (${(c.ink * 100).toFixed(1)} % ink)`);
    assert.equal(c.width, Math.round(c.cssWidth), 'canvas backing store matches its CSS width at DPR 1');
  }
  await page.setViewportSize({ width: 820, height: 1100 });
  await page.waitForFunction((w) => document.querySelector('canvas').width !== w, before[0].width);
  const after = await canvasInk(page);
  for (const c of after) {
    assert.equal(c.width, Math.round(c.cssWidth), 'redrawn at the new width');
    assert.ok(c.ink > 0.03);
  }
  await page.screenshot({ path: join(ARTIFACTS, 'demo-820.png'), fullPage: true });
  await page.setViewportSize({ width: 1440, height: 1000 });

  const hidpi = await browser.newContext({ viewport: { width: 1200, height: 900 }, deviceScaleFactor: 2 });
  watch(hidpi, log);
  const p2 = await hidpi.newPage();
  await p2.goto(server.origin + '/');
  await p2.waitForSelector('.app[data-state=ready]');
  await p2.waitForFunction(() => document.querySelector('canvas').width > 0);
  for (const c of await canvasInk(p2)) {
    assert.equal(c.width, Math.round(c.cssWidth * 2), 'backing store is 2× the CSS size on a 2× screen');
    assert.ok(c.ink > 0.03);
  }
  await p2.screenshot({ path: join(ARTIFACTS, 'demo-hidpi.png') });
  await hidpi.close();
});

test('an open explanation or SQL box lies over the tiles below it and leaves its row as it was', async () => {
  const heights = () => page.$$eval('.page[data-page=executive] .tile', (ts) => ts.map((t) => Math.round(t.getBoundingClientRect().height)));
  // Where an open body lies: whether it is what the page shows at its middle (not a tile under
  // it), the tile's width less its own, whether it is below its tile, and which of its tile's
  // two boxes are open.
  const placed = (body) => body.evaluate((b) => {
    const r = b.getBoundingClientRect();
    const tile = b.closest('.tile');
    const t = tile.getBoundingClientRect();
    const top = document.elementFromPoint(r.x + r.width / 2, r.y + Math.min(r.height / 2, 150));
    const open = (what) => tile.querySelector(`details.${what}`).open;
    return { over: b.contains(top), width: Math.round(t.width - r.width), below: r.top >= t.bottom, explain: open('explain'), sql: open('sql') };
  });
  const closed = await heights();
  await page.click('[data-tile=win_rate] .explain summary');
  const body = page.locator('[data-tile=win_rate] .explain-body');
  await body.waitFor();
  await body.scrollIntoViewIfNeeded();
  assert.deepEqual(await heights(), closed, 'no tile grew');
  // Below its tile, as wide as the tile inside its border.
  assert.deepEqual(await placed(body), { over: true, width: 2, below: true, explain: true, sql: false });
  assert.match(await body.textContent(), /Formula:/);
  await page.screenshot({ path: join(ARTIFACTS, 'explain-open.png') });
  // The SQL box opens the same way, and closes the explanation: the two never lie over each
  // other. Opening the explanation again closes the SQL box.
  await page.click('[data-tile=win_rate] .sql summary');
  const sql = page.locator('[data-tile=win_rate] .sql-body');
  await sql.waitFor();
  await body.waitFor({ state: 'hidden' });
  await page.waitForFunction(() => document.querySelector('[data-sql=win_rate]').textContent.length > 50);
  await sql.scrollIntoViewIfNeeded();
  assert.deepEqual(await heights(), closed, 'no tile grew with the SQL box open');
  assert.deepEqual(await placed(sql), { over: true, width: 2, below: true, explain: false, sql: true });
  await page.screenshot({ path: join(ARTIFACTS, 'sql-open.png') });
  await page.click('[data-tile=win_rate] .explain summary');
  await body.waitFor();
  await sql.waitFor({ state: 'hidden' });
  await page.click('[data-tile=win_rate] .explain summary');
  await body.waitFor({ state: 'hidden' });
  // The tests below read KPIs from every group: the catalog page shows them all.
  await page.click('nav.pages a[data-page=all]');
  await page.waitForSelector('.page[data-page=all]');
});

test('uploading the Maven CRM export (or one in its layout) shows the engine\'s and the published values', async () => {
  await upload(page, MAVEN);
  assert.equal(await page.getAttribute('.app', 'data-state'), 'ready');
  assert.match(await page.textContent('[data-testid=source]'), /sales_pipeline\.csv/);
  const v = await headlineValues(page);
  const summary = await page.$eval('[data-testid=import-summary]', (e) => [e.dataset.rowsKept, e.dataset.rowsRejected]);
  // Open deals in this layout carry no amount: the value is undefined, shown as "–" with the reason.
  assert.equal(v.pipeline_value.value, '');
  assert.equal(v.pipeline_value.text, '–');
  if (MAVEN_CORPUS) {
    assert.equal(Number(v.revenue.value), 10005534);
    assert.equal(Number(v.deals_won.value), 4238);
    assert.equal((Number(v.win_rate.value) * 100).toFixed(2), '63.15');
    assert.equal(Number(v.avg_deal_size.value).toFixed(2), '2360.91');
    assert.equal(Number(v.sales_cycle_days.value).toFixed(2), '51.78');
    assert.equal(Number(v.pipeline_count.value), 2089);
    assert.match(v.pipeline_value.title, /none of the 2,089 open deals has an amount/);
    assert.deepEqual(summary, ['8800', '0']);
  } else {
    const rows = readFileSync(MAVEN, 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
    const open = rows.filter((r) => ['Prospecting', 'Engaging'].includes(r[4])).length;
    assert.equal(Number(v.pipeline_count.value), open);
    assert.match(v.pipeline_value.title, new RegExp(`none of the ${open.toLocaleString('en-US')} open deals has an amount`));
    assert.deepEqual(summary, [String(rows.length), '0']);
  }
  const native = nativeKpis(MAVEN);
  for (const id of SLICE) {
    const want = native.kpis[id].value;
    assert.equal(v[id].value === '' ? null : Number(v[id].value), want, `${id} equals the native engine`);
  }
  for (const c of await canvasInk(page)) assert.ok(c.ink > 0.03, 'charts repainted for the file');
  await page.screenshot({ path: join(ARTIFACTS, 'maven-1440.png'), fullPage: true });
});

test('a file dropped on the page is analysed, bad rows are listed with line and column', async () => {
  const csv = [
    'deal_id,amount,stage,created_date,close_date,owner',
    'A1,1000,Won,2024-01-02,2024-02-01,Ann',
    'A2,2000,Lost,2024-01-03,2024-02-10,Ann',
    'A3,oops,Won,2024-01-04,2024-03-01,Bob',
    'A4,500',
    ',700,Won,2024-01-05,2024-03-02,Bob',
    'A5,3000,Negotiation,2024-02-01,,Bob',
  ].join('\n');
  const dataTransfer = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'dropped.csv', { type: 'text/csv' }));
    dt.items.add(new File(['x'], 'second.csv', { type: 'text/csv' }));
    return dt;
  }, csv);
  await page.dispatchEvent('.app', 'dragover', { dataTransfer });
  await page.dispatchEvent('.app', 'drop', { dataTransfer });
  await page.waitForFunction(() => document.querySelector('[data-testid=source]')?.textContent.includes('dropped.csv'));
  await page.waitForSelector('.app[data-state=ready]');
  // Two files dropped: the good one is loaded and the user is told what was wrong with the other.
  const notice = await page.textContent('[data-testid=notice]');
  assert.match(notice, /second\.csv/);
  assert.match(notice, /Loaded dropped\.csv as deals/);
  const v = await headlineValues(page);
  assert.equal(Number(v.revenue.value), 1000, 'A3 is won but its amount is unreadable: left out of revenue');
  assert.equal(Number(v.deals_won.value), 2);
  assert.equal(Number(v.win_rate.value), 2 / 3);
  assert.equal(Number(v.pipeline_value.value), 3000);
  const rejected = await page.$$eval('[data-testid=rejected-rows] tbody tr', (rows) => rows.map((r) => [...r.cells].map((c) => c.textContent)));
  assert.deepEqual(rejected.map((r) => r.slice(0, 2)), [['5', '–'], ['6', '1']]);
  assert.match(rejected[0][2], /2 fields but the header has 6/);
  assert.match(rejected[1][2], /no deal_id/);
  const revenueTile = await page.$eval('[data-kpi=revenue]', (e) => e.closest('.tile').textContent);
  assert.match(revenueTile, /1 won deal in the period has no amount: left out/);
  await page.screenshot({ path: join(ARTIFACTS, 'dropped-report.png'), fullPage: true });

  // The problems can be downloaded, every one of them, with formula cells neutralised.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=download-problems]')]);
  assert.equal(download.suggestedFilename(), 'dropped-problems.csv');
  const lines = readFileSync(await download.path(), 'utf8').trim().split('\n');
  assert.deepEqual(lines, [
    'problem,line,column,header,value,reason',
    'rejected row,5,,,,has 2 fields but the header has 6',
    'rejected row,6,1,,,no deal_id',
    'unreadable cell (row kept),4,2,amount,oops,expected a number',
  ]);
});

test('a report with many problems shows the first hundred of each list, the rest folded away', async () => {
  // 150 rows too short to read and 120 unreadable amounts among 400 good rows.
  const lines = ['deal_id,amount,stage,created_date,close_date,owner'];
  for (let i = 0; i < 400; i++) lines.push(`M${i},${i < 120 ? 'oops' : 100 + i},Closed Won,2024-01-02,2024-02-03,Ann`);
  for (let i = 0; i < 150; i++) lines.push(`S${i},5`);
  const dataTransfer = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'many-problems.csv', { type: 'text/csv' }));
    return dt;
  }, lines.join('\n'));
  await page.dispatchEvent('.app', 'drop', { dataTransfer });
  await page.waitForFunction(() => document.querySelector('[data-testid=source]')?.textContent.includes('many-problems.csv'));
  await page.waitForSelector('.app[data-state=ready]');
  const lineNumbers = (list) => page.$$eval(`[data-testid=${list}] tbody tr`, (rows) => rows.map((r) => Number(r.cells[0].textContent)));
  assert.equal(await page.$eval('[data-testid=import-summary]', (e) => e.dataset.rowsRejected), '150');
  const [rejected, rejectedRest] = [await lineNumbers('rejected-rows'), await lineNumbers('rejected-rows-rest')];
  const [cells, cellsRest] = [await lineNumbers('cell-issues'), await lineNumbers('cell-issues-rest')];
  assert.deepEqual([rejected.length, rejectedRest.length, cells.length, cellsRest.length], [100, 50, 100, 20]);
  // Every problem is listed once, in line order: the short rows are lines 402-551.
  assert.deepEqual([...rejected, ...rejectedRest], Array.from({ length: 150 }, (_, i) => 402 + i));
  assert.deepEqual([...cells, ...cellsRest], Array.from({ length: 120 }, (_, i) => 2 + i));
  // The rest is folded until asked for, and says how many rows it holds.
  const rest = '[data-testid=rejected-rows-rest]';
  assert.equal(await page.textContent(`${rest} summary`), 'The other 50 rows');
  assert.equal(await page.isVisible(`${rest} tbody tr`), false);
  await page.click(`${rest} summary`);
  assert.equal(await page.isVisible(`${rest} tbody tr`), true);
  await page.screenshot({ path: join(ARTIFACTS, 'many-problems.png'), fullPage: true });
});

test('the deals template downloads and loads back as deals', async () => {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=download-template]')]);
  assert.equal(download.suggestedFilename(), 'pipelens-deals-template.csv');
  await upload(page, await download.path());
  assert.equal(await page.getAttribute('.app', 'data-state'), 'ready');
  const v = await headlineValues(page);
  assert.equal(Number(v.revenue.value), 12000);
  assert.equal(Number(v.pipeline_count.value), 1);
});

test('a European export (BOM, CRLF, title line, semicolons, day-first dates, decimal commas) loads', async () => {
  const csv = '\ufeff' + [
    'Export Vertriebschancen 2024',
    'deal_id;amount;stage;created_date;close_date;owner',
    'D1;1.234,50;Gewonnen;02.01.2024;15.02.2024;Anna',
    'D2;2.000,00;Verloren;10.01.2024;20.02.2024;Ben',
    'D3;500,25;Gewonnen;31.01.2024;01.03.2024;Anna',
    'D4;750,00;Verhandlung;01.02.2024;;Ben',
  ].join('\r\n');
  await upload(page, { name: 'chancen.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  assert.equal(await page.getAttribute('.app', 'data-state'), 'ready');
  const v = await headlineValues(page);
  assert.equal(Number(v.revenue.value), 1734.75);
  assert.equal(Number(v.deals_won.value), 2);
  assert.equal(Number(v.win_rate.value), 2 / 3);
  assert.equal(Number(v.pipeline_value.value), 750);
  // 2 Jan → 15 Feb is 44 days; 31 Jan → 1 Mar 2024 (a leap year) is 30.
  assert.equal(Number(v.sales_cycle_days.value), 37);
  assert.match(await page.textContent('[data-testid=import-report]'), /day-first dates/);
  assert.match(await page.textContent('[data-testid=preamble]'), /line 1: Export Vertriebschancen 2024/);
  await page.screenshot({ path: join(ARTIFACTS, 'european-report.png'), fullPage: true });
});

test('a file with unrecognised headers opens the mapping screen, and the chosen columns are used', async () => {
  // `Spalte B`: a header no language names an amount with (`Summe` is one since issue 16).
  const csv = 'Ref;Spalte B;Lage;Anfang;Ende\nX1;100;Won;2024-01-01;2024-02-01\nX2;50;Lost;2024-01-05;2024-02-03\nX3;70;Open;2024-02-01;\n';
  await upload(page, { name: 'odd.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.waitForSelector('[data-testid=column-mapper]');
  assert.equal(await page.getAttribute('.app', 'data-state'), 'ready', 'the previous dashboard stays usable');
  assert.ok(await page.isDisabled('[data-testid=use-columns]'));
  assert.match(await page.textContent('[data-testid=still-needed]'), /Still needed: deal_id, amount, stage or status, created_date/);
  const choose = async (field, header) => {
    const select = `tr[data-field=${field}] select`;
    const value = await page.$eval(select, (s, h) => [...s.options].find((o) => o.text === h).value, header);
    await page.selectOption(select, value);
  };
  await choose('deal_id', 'Ref');
  await choose('amount', 'Spalte B');
  await choose('stage', 'Lage');
  assert.equal(await page.textContent('tr[data-field=amount] .sample'), '100 · 50 · 70', 'the first values of the chosen column');
  await choose('created_date', 'Anfang');
  await choose('close_date', 'Ende');
  assert.ok(await page.isEnabled('[data-testid=use-columns]'));
  await page.screenshot({ path: join(ARTIFACTS, 'column-mapper.png'), fullPage: true });
  await page.click('[data-testid=use-columns]');
  await page.waitForFunction(() => document.querySelector('[data-testid=source]')?.textContent.includes('odd.csv'));
  await page.waitForSelector('.app[data-state=ready]');
  assert.equal(await page.$('[data-testid=column-mapper]'), null, 'the mapping screen closes');
  const v = await headlineValues(page);
  assert.equal(Number(v.revenue.value), 100);
  assert.equal(Number(v.win_rate.value), 0.5);
  assert.equal(Number(v.pipeline_value.value), 70);
});

test('amounts in different currencies are never added together', async () => {
  const csv = [
    'Opportunity ID,Amount,CurrencyIsoCode,StageName,CreatedDate,CloseDate',
    'A,100,USD,Closed Won,2024-01-01,2024-02-01',
    'B,200,USD,Closed Won,2024-01-01,2024-03-01',
    'C,5000,EUR,Closed Won,2024-01-01,2024-03-01',
    'D,70,USD,Closed Lost,2024-01-01,2024-03-01',
  ].join('\n');
  await upload(page, { name: 'multi.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  let v = await headlineValues(page);
  assert.equal(Number(v.revenue.value), 300, 'USD (the most common) only');
  assert.equal(Number(v.win_rate.value), 0.75, 'rates use every deal');
  assert.match(await page.textContent('[data-testid=currency]'), /1 deal in other currencies is left out of amounts/);
  const eur = await page.$eval('[data-testid=currency-select]', (s) => [...s.options].find((o) => o.text.startsWith('EUR')).value);
  await page.selectOption('[data-testid=currency-select]', eur);
  await page.waitForFunction(() => document.querySelector('[data-kpi=revenue]')?.getAttribute('data-value') === '5000');
  v = await headlineValues(page);
  assert.equal(Number(v.avg_deal_size.value), 5000);
  assert.equal(Number(v.deals_won.value), 3);
});

test('files it cannot use get a specific message and the app stays alive', async () => {
  const cases = [
    { name: 'pipeline.csv', buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4]), message: /Excel workbook.*Save as/ },
    { name: 'empty.csv', buffer: Buffer.from(''), message: /empty\.csv is empty/ },
    { name: 'export.json', buffer: Buffer.from('[{"deal_id": 1}]'), message: /JSON file, not CSV/ },
  ];
  for (const c of cases) {
    await upload(page, { name: c.name, mimeType: 'text/csv', buffer: c.buffer });
    assert.equal(await page.getAttribute('.app', 'data-state'), 'error', c.name);
    assert.match(await page.textContent('[data-testid=error]'), c.message);
    // The previous dashboard is still there and still works.
    assert.ok((await headlineValues(page)).revenue.value !== undefined);
    await page.click('[data-testid=error] button');
    await page.waitForSelector('.app[data-state=ready]');
  }
  // Columns it cannot place open the mapping screen; Cancel closes it and nothing changes.
  await upload(page, { name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from('name,amount\nx,1\n') });
  await page.waitForSelector('[data-testid=column-mapper]');
  await page.click('[data-testid=column-mapper] >> text=Cancel');
  assert.equal(await page.$('[data-testid=column-mapper]'), null);
  await page.click('text=Back to demo');
  await page.waitForFunction(() => document.querySelector('[data-testid=source]')?.textContent.includes('Demo data'));
});

test('no page errors, and every request was for the page\'s own static files', async () => {
  assert.deepEqual(log.errors, []);
  const own = new Set(readdirSync(DIST, { recursive: true }).map((f) => `/${f}`));
  own.add('/');
  assert.ok(log.requests.length >= 4, 'the log saw the page load');
  for (const r of log.requests) {
    const url = new URL(r.url);
    assert.equal(url.origin, server.origin, `request to another origin: ${r.url}`);
    assert.ok(own.has(url.pathname), `request for something that is not a static asset: ${r.url}`);
    assert.equal(r.method, 'GET', `only GETs: ${r.method} ${r.url}`);
    assert.equal(r.body, null, `a request carried a body: ${r.url}`);
  }
  // The server saw the same: nothing but GETs of files in dist/.
  for (const s of server.served) assert.ok(own.has(s.path) && s.method === 'GET', `${s.method} ${s.path}`);
  const maven = readFileSync(MAVEN, 'utf8').split('\n')[1].split(',')[0];
  assert.ok(!log.requests.some((r) => r.url.includes(maven)), 'no URL carries a byte of the loaded data');
});
