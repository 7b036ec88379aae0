// Workbooks: an .xlsx with two sheets and an .ods load like the same deals as CSV. The
// workbook is read in a web worker (a second wasm module) that the page starts only when a
// workbook is dropped: the first page never asks for it. The sheet that looks like the table
// is read first; the sheet picker reads the other in its place. The KPIs on the executive page
// must equal those of the same data loaded as CSV (tests/fixtures/, written by
// `cargo test -p pipelens_workbook`, which also checks each sheet reads as its CSV). A
// password-protected workbook says so and what to do.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, ROOT, openApp, headlineValues } from './harness.mjs';

const FIXTURES = join(ROOT, 'tests/fixtures');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ODS = 'application/vnd.oasis.opendocument.spreadsheet';
const WORKER = /workbook_worker/;

let server, browser, page;
const log = { requests: [], errors: [] };
/** The web workers the page started (the service worker is not one of them). */
const workers = [];

before(async () => {
  ({ server, browser, page } = await openApp(log));
  page.on('worker', (w) => workers.push(w.url()));
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Picks `name` from tests/fixtures/ in the file input and waits until the page shows
 * `shown` as the loaded file and has settled. */
async function load(name, mimeType, shown = name) {
  const buffer = readFileSync(join(FIXTURES, name));
  await page.setInputFiles('[data-testid=file-input]', { name, mimeType, buffer });
  await settled(shown);
}

async function settled(shown) {
  await page.waitForFunction(
    (shown) =>
      document.querySelector('[data-testid=source]')?.textContent.includes(shown) &&
      document.querySelector('.app')?.getAttribute('data-state') === 'ready',
    shown,
    { timeout: 60_000 },
  );
}

/** The value of every headline KPI on the page (the text and title name the file: left out). */
async function values() {
  assert.equal(await page.getAttribute('.page', 'data-page'), 'executive');
  const all = await headlineValues(page);
  return Object.fromEntries(Object.entries(all).map(([id, v]) => [id, v.value]));
}

let csv2024, csv2025;

test('the deals as CSV: the figures the workbooks must give', async () => {
  assert.deepEqual(workers, [], 'the first page starts no workbook reader');
  const fetched = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
  assert.ok(!fetched.some((u) => WORKER.test(u)), `the first page does not fetch the workbook reader: ${fetched}`);
  await load('deals-2024.csv', 'text/csv');
  csv2024 = await values();
  await load('deals-2025.csv', 'text/csv');
  csv2025 = await values();
  // With only deals loaded the executive page shows the tiles deals give (issue 17 item 5 groups
  // the others under the datasets they need), so the count of 12 it had before is no more.
  for (const id of ['revenue', 'revenue_growth', 'revenue_growth_yoy', 'win_rate', 'pipeline_value', 'sales_velocity', 'revenue_mix']) {
    assert.ok(id in csv2024, `the executive view has its ${id} tile`);
  }
  assert.notDeepEqual(csv2024, csv2025, 'the two years differ, so a wrong sheet would show');
});

test('an .xlsx with two sheets reads its larger sheet, and the picker reads the other', async () => {
  await load('deals-two-sheets.xlsx', XLSX, 'deals-two-sheets.xlsx (Pipeline 2024).csv');
  // The parse worker reads the sheet's CSV; one workbook reader read the workbook.
  assert.equal(workers.filter((u) => WORKER.test(u)).length, 1, 'one worker read the workbook');
  assert.deepEqual(await values(), csv2024);
  const origin = page.locator('[data-testid=sheet-origin]');
  assert.equal(await origin.getAttribute('data-workbook'), 'deals-two-sheets.xlsx');
  assert.equal(await origin.getAttribute('data-sheet'), 'Pipeline 2024');
  const options = await page.$$eval('[data-testid=sheet-picker] option', (os) => os.map((o) => o.textContent));
  assert.deepEqual(options, ['Pipeline 2024 (11 × 6)', 'Pipeline 2025 – Łódź 北京 (8 × 6)']);

  await page.selectOption('[data-testid=sheet-picker]', '1');
  await settled('deals-two-sheets.xlsx (Pipeline 2025 – Łódź 北京).csv');
  assert.deepEqual(await values(), csv2025);
  assert.equal(workers.filter((u) => WORKER.test(u)).length, 2, 'the other sheet was read by a new worker');
  assert.equal(await page.getAttribute('[data-testid=sheet-origin]', 'data-sheet'), 'Pipeline 2025 – Łódź 北京');
  // One file is loaded: the sheet read in place of the other, not beside it.
  assert.equal(await page.locator('[data-testid=loaded-files] tbody tr').count(), 1);
});

test('an .ods reads like its CSV, with no picker for its one sheet', async () => {
  await load('deals-2025.ods', ODS, 'deals-2025.ods (Umowy 2025).csv');
  assert.deepEqual(await values(), csv2025);
  assert.equal(await page.getAttribute('[data-testid=sheet-origin]', 'data-sheet'), 'Umowy 2025');
  assert.equal(await page.$('[data-testid=sheet-picker]'), null);
});

test('a password-protected workbook says so and what to do', async () => {
  // An encrypted Office file is an OLE container holding an "EncryptedPackage" stream.
  const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const buffer = Buffer.concat([ole, Buffer.alloc(504), Buffer.from('EncryptedPackage', 'utf16le'), Buffer.alloc(512)]);
  await page.setInputFiles('[data-testid=file-input]', { name: 'locked.xlsx', mimeType: XLSX, buffer });
  const error = await page.waitForSelector('[data-testid=error]', { timeout: 60_000 });
  const text = await error.textContent();
  assert.match(text, /locked\.xlsx/);
  assert.match(text, /encrypted: open it in Excel and save a copy without a password/);
  // What was loaded stays.
  assert.deepEqual(await values(), csv2025);
});

test('no page errors, and every request was for the page\'s own static files', () => {
  assert.deepEqual(log.errors, []);
  const own = new Set(readdirSync(DIST, { recursive: true }).map((f) => `/${f}`));
  own.add('/');
  for (const r of log.requests) {
    const url = new URL(r.url);
    if (url.protocol === 'blob:') continue;
    assert.equal(url.origin, server.origin, `request to another origin: ${r.url}`);
    assert.ok(own.has(url.pathname), `request for something that is not a static asset: ${r.url}`);
    assert.equal(r.method, 'GET', `only GETs: ${r.method} ${r.url}`);
  }
});
