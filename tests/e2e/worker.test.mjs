// The parse worker: a file is read off the page's thread by the engine built for speed, and
// when the worker cannot start the page reads the file itself, with the worker's own module,
// with the very same result (figures, rejected rows with their lines, unreadable cells).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS, serveDist, launch, watch, headlineValues, upload } from './harness.mjs';

const FILE = join(ARTIFACTS, 'worker-messy.csv');
const log = { requests: [], errors: [] };
let server, browser;

before(async () => {
  // Every kind of trouble the report lists: a title line, a short row, a row without an id,
  // a repeated id, an unreadable amount and a date that reads only day-first.
  writeFileSync(FILE, [
    'Pipeline export, all owners',
    'Opportunity ID,Amount,Stage,Created Date,Close Date,Owner',
    'A1,"1,000.50",Closed Won,2024-01-02,2024-02-01,Ann',
    'A2,2000,Closed Lost,2024-01-03,2024-02-10,Ann',
    'A3,oops,Closed Won,2024-01-04,2024-03-01,Bob',
    'A4,500',
    ',700,Closed Won,2024-01-05,2024-03-02,Bob',
    'A1,900,Closed Won,2024-01-06,2024-03-03,Bob',
    'A5,3000,Negotiation,2024-02-01,,Bob',
    'A6,1200,Closed Won,2024-02-03,25/03/2024,Cleo',
  ].join('\n') + '\n');
  server = await serveDist();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens the app in a fresh context (with `route` installed first), loads the file (with
 * `idle`, once the page has readied its worker on its own), and returns what the page shows of it. */
async function readThrough(route, { idle = false, file = FILE } = {}) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  const warnings = [];
  const debug = [];
  if (route) await context.route(...route);
  else watch(context, log);
  const page = await context.newPage();
  page.on('console', (m) => (m.type() === 'warning' ? warnings : m.type() === 'debug' ? debug : []).push(m.text()));
  const workerAsked = page.waitForRequest('**/parse_worker_bg.wasm', { timeout: 15_000 }).then(() => true, () => false);
  await page.goto(server.origin + '/#/all');
  await page.waitForSelector('.app[data-state=ready]');
  if (idle) {
    assert.ok(await workerAsked, 'the idle page fetched the worker before any file was picked');
    // Its warm-up read (a made-up file, a few tens of ms) ends before the file comes.
    await page.waitForTimeout(1_500);
  }
  await upload(page, file);
  assert.equal(await page.getAttribute('.app', 'data-state'), 'ready');
  const rows = (selector) =>
    page.$$eval(`[data-testid=${selector}] tbody tr`, (trs) => trs.map((r) => [...r.cells].map((c) => c.textContent.trim())));
  const seen = {
    values: Object.fromEntries(Object.entries(await headlineValues(page)).map(([id, v]) => [id, v.value])),
    kept: await page.$eval('[data-testid=import-summary]', (e) => e.dataset.rowsKept),
    rejected: await rows('rejected-rows'),
    report: await page.textContent('[data-testid=import-report]'),
  };
  if (file === FILE) await page.screenshot({ path: join(ARTIFACTS, route ? 'worker-fallback.png' : 'worker.png'), fullPage: true });
  await context.close();
  return { seen, warnings, debug };
}

let inWorker;

test('a file is read in the parse worker, its report and figures in full', async () => {
  const { seen, warnings } = await readThrough();
  inWorker = seen;
  const fetched = log.requests.map((r) => new URL(r.url).pathname);
  assert.ok(fetched.includes('/parse_worker_bg.wasm'), 'the worker module was loaded');
  assert.deepEqual(warnings.filter((w) => w.includes('on the page')), [], 'the page did not read it itself');
  assert.equal(seen.kept, '5');
  assert.deepEqual(seen.rejected.map((r) => r.slice(0, 2)), [['6', '–'], ['7', '1'], ['8', '1']]);
  assert.match(seen.rejected[2][2], /duplicate deal_id "A1" \(first on line 3\)/);
  assert.match(seen.report, /Pipeline export, all owners/, 'the skipped title line is listed');
  assert.match(seen.report, /oops/, 'the unreadable amount is listed');
  assert.equal(Number(seen.values.revenue), 1000.5 + 1200);
  assert.deepEqual(log.errors, []);
});

test('when the worker cannot start, the page reads the file itself with the same result', async () => {
  assert.ok(inWorker, 'the first test ran');
  const blocked = ['**/parse_worker_loader.js', (route) => route.fulfill({ status: 404, body: 'gone' })];
  const { seen, warnings } = await readThrough(blocked);
  assert.ok(warnings.some((w) => /reading worker-messy\.csv on the page/.test(w)), warnings.join('\n'));
  assert.deepEqual(seen, inWorker);
});

test('the idle page readies and warms the worker before a file comes; the file reads the same', async () => {
  assert.ok(inWorker, 'the first test ran');
  const before = log.errors.length;
  // The service worker's own fetches (its cache, and each fetch it answers) are not counted.
  const modules = () =>
    log.requests.filter((r) => !r.serviceWorker && new URL(r.url).pathname.endsWith('/parse_worker_bg.wasm')).length;
  const modulesBefore = modules();
  const { seen, warnings } = await readThrough(null, { idle: true });
  assert.deepEqual(warnings.filter((w) => w.includes('on the page')), [], 'the page did not read it itself');
  assert.deepEqual(seen, inWorker);
  assert.deepEqual(log.errors.slice(before), []);
  // Two workers were readied (a head and a tail); the page compiled their module once for both.
  assert.equal(modules() - modulesBefore, 1, 'the workers\' module was fetched once, by the page');
});

/** Writes a deals file of about 30 MB (read by two workers at once, each a half) with trouble
 * in both halves: a title line, short rows, unreadable amounts, ids that repeat within the
 * second half, dates that read only day-first there, a quoted line break, and, with
 * `repeatAcross`, an id of the first half repeated in the second. */
function writeHalvesFile(path, repeatAcross) {
  const rows = 340_000;
  const out = ['Pipeline export, all owners', 'Opportunity ID,Amount,Stage,Created Date,Close Date,Owner,Account,Notes'];
  const stages = ['Closed Won', 'Closed Lost', 'Prospecting', 'Proposal'];
  for (let i = 0; i < rows; i++) {
    const stage = stages[i % 4];
    const m = String(1 + (i % 12)).padStart(2, '0');
    const d = String(1 + (i % 28)).padStart(2, '0');
    const close = stage.startsWith('Closed') ? (i > rows * 0.8 && i % 97 === 0 ? `25/${m}/2024` : `2024-${m}-${d}`) : '';
    let id = `O-${i}`;
    if (i > rows * 0.7 && i % 5_003 === 0) id = `O-${i - 1}`; // repeats within the second half
    if (repeatAcross && i === Math.floor(rows * 0.9)) id = 'O-7'; // repeats a first-half id
    const amount = i % 10_007 === 0 ? 'n/a' : `${1000 + (i % 9000)}.25`;
    if (i % 50_021 === 0) out.push(`${id},${amount}`);
    else out.push(`${id},${amount},${stage},2023-${m}-${d},${close},Owner ${i % 9},Account ${i % 3000},"note ${i % 100 === 0 ? 'two\nlines' : 'one line'}"`);
  }
  writeFileSync(path, out.join('\n') + '\n');
}

for (const [name, repeatAcross, how] of [
  ['halves.csv', false, /halves\.csv read in two halves at once/],
  ['halves-repeat.csv', true, /halves-repeat\.csv read by one worker after its first half \(a key repeats across the halves\)/],
]) {
  test(`a big file read by two workers at once reads as the page reads it (${name})`, async () => {
    const file = join(ARTIFACTS, name);
    writeHalvesFile(file, repeatAcross);
    const before = log.errors.length;
    // The first file is picked on an idle page, so both workers begin on it at once, on a
    // guess (see the last test); the second the usual way.
    const halves = await readThrough(null, { file, idle: !repeatAcross });
    assert.ok(halves.debug.some((d) => how.test(d)), halves.debug.join('\n'));
    const guessed = halves.debug.filter((d) => d.endsWith(`${name}: the read begun on a guess goes on`));
    assert.equal(guessed.length, repeatAcross ? 0 : 2, halves.debug.join('\n'));
    const blocked = ['**/parse_worker_loader.js', (route) => route.fulfill({ status: 404, body: 'gone' })];
    const page = await readThrough(blocked, { file });
    assert.ok(page.warnings.some((w) => w.includes('on the page')), page.warnings.join('\n'));
    assert.deepEqual(halves.seen, page.seen);
    assert.ok(Number(halves.seen.kept) > 330_000, halves.seen.kept);
    assert.ok(halves.seen.rejected.length > 10, 'the rejected rows of both halves are listed');
    assert.deepEqual(log.errors.slice(before), []);
  });
}

test('with no worker, a big file read on the page shows how far it is and can be cancelled', async () => {
  // Written by the test above: 30 MB, about 2 s to read on the page.
  const file = join(ARTIFACTS, 'halves.csv');
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  await context.route('**/parse_worker_loader.js', (route) => route.fulfill({ status: 404, body: 'gone' }));
  const page = await context.newPage();
  const warnings = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  await page.goto(server.origin + '/#/all');
  await page.waitForSelector('.app[data-state=ready]');
  await page.evaluate(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => window.__longTasks.push(e.duration))).observe({ type: 'longtask' });
    // The counts of rows the bar shows, as it changes; Cancel is clicked once it has shown two
    // (the read takes well under a second on the page: too quick to click from here).
    window.__counts = new Set();
    new MutationObserver(() => {
      const count = document.querySelector('[data-testid=progress] p')?.textContent.match(/([\d,.]+) rows/)?.[1];
      if (!count || count === '0' || window.__counts.has(count) || window.__counts.size >= 2) return;
      window.__counts.add(count);
      if (window.__counts.size === 2) document.querySelector('[data-testid=cancel]').click();
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await page.setInputFiles('[data-testid=file-input]', file);
  await page.waitForFunction(() => window.__counts.size === 2);
  await page.waitForSelector('.app[data-state=ready]');
  const counts = await page.evaluate(() => [...window.__counts].map((c) => Number(c.replace(/\D/g, ''))));
  assert.ok(counts[0] < counts[1] && counts[1] < 340_000, `the bar moved, and the read was cancelled before its end: ${counts}`);
  assert.match(await page.textContent('[data-testid=source]'), /Demo data/, 'the demo is still on screen');
  assert.ok(warnings.some((w) => /reading halves\.csv on the page/.test(w)), warnings.join('\n'));
  const longTasks = await page.evaluate(() => window.__longTasks);
  console.log(`# read on the page: longest task ${Math.max(0, ...longTasks).toFixed(0)} ms, ${longTasks.length} over 50 ms`);
  await context.close();
});

test('a file changed on disk while the workers read it is told in the reader\'s language', async () => {
  // Three times the test above's file (about 90 MB), so the read is still going when it changes.
  const text = readFileSync(join(ARTIFACTS, 'halves.csv'), 'utf8');
  const rows = text.slice(text.indexOf('\n') + 1);
  const file = join(ARTIFACTS, 'changed.csv');
  writeFileSync(file, text + rows.replace(/^(\w+?)(\d)/gm, 'B$1$2') + rows.replace(/^(\w+?)(\d)/gm, 'C$1$2'));
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  watch(context, log);
  const page = await context.newPage();
  await page.goto(server.origin + '/#/executive');
  await page.waitForSelector('.app[data-state=ready]');
  await page.selectOption('[data-testid=lang]', 'de');
  await page.waitForFunction(() => document.documentElement.lang === 'de');
  await page.setInputFiles('[data-testid=file-input]', file);
  // Once the workers have read some rows, the file changes: the browser gives no more of it.
  await page.waitForFunction(() => /[1-9]/.test(document.querySelector('[data-testid=progress] p')?.textContent.match(/([\d.]+) Zeilen/)?.[1] ?? ''), null, { polling: 10 });
  appendFileSync(file, 'X1,1,Closed Won,2024-01-01,2024-01-02,Z\n');
  await page.waitForSelector('[data-testid=error]', { timeout: 30_000 });
  // The browser's reason (a NotReadableError) is worded in German too.
  assert.match(await page.textContent('[data-testid=error]'), /^changed\.csv: Der Browser konnte die Datei nicht lesen \(sie wurde nach der Auswahl geändert\)\. Wurde sie verschoben oder geändert, laden Sie sie erneut\./);
  assert.match(await page.textContent('[data-testid=source]'), /Demodaten|Demo/, 'the demo is still on screen');
  await context.close();
});

test('when neither a worker nor its module can start, the file gets a clear message, and the next read works', async () => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  const gone = (route) => route.fulfill({ status: 404, body: 'gone' });
  await context.route('**/parse_worker_loader.js', gone);
  await context.route('**/parse_worker.js', gone);
  const page = await context.newPage();
  const failures = [];
  page.on('pageerror', (e) => failures.push(e.message));
  await page.goto(server.origin + '/#/executive');
  await page.waitForSelector('.app[data-state=ready]');
  await upload(page, FILE);
  assert.equal(await page.getAttribute('.app', 'data-state'), 'error');
  assert.match(await page.textContent('[data-testid=error]'),
    /^worker-messy\.csv: the page could not start its file reader \(its script did not load\)\. Reload the page and load the file again\./);
  assert.equal(await page.$('[data-testid=crash]'), null, 'no crash panel');
  // The script is served again: the next read loads it and reads the file on the page.
  await context.unroute('**/parse_worker.js');
  await page.click('[data-testid=error] button');
  await upload(page, FILE);
  assert.equal(await page.getAttribute('.app', 'data-state'), 'ready');
  assert.equal(await page.$eval('[data-testid=import-summary]', (e) => e.dataset.rowsKept), inWorker.kept);
  assert.deepEqual(failures, []);
  await context.close();
});

/** A page in a fresh context, its requests and errors logged, with the console's debug lines. */
async function freshPage() {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  watch(context, log);
  const page = await context.newPage();
  const debug = [];
  page.on('console', (m) => m.type() === 'debug' && debug.push(m.text()));
  return { context, page, debug };
}

test('a read begun as the file is picked goes on when the page reads it that way, and begins again when not', async () => {
  const before = log.errors.length;
  const { context, page, debug } = await freshPage();
  const guesses = (name) => debug.filter((d) => d.startsWith(`pipelens: ${name}: the read begun on a guess`));
  const workerAsked = page.waitForRequest('**/parse_worker_bg.wasm', { timeout: 15_000 });
  await page.goto(server.origin + '/#/all');
  await page.waitForSelector('.app[data-state=ready]');
  await workerAsked;
  // The idle page readies and warms the workers; a file picked then is begun on at once.
  await page.waitForTimeout(1_500);
  await upload(page, FILE);
  assert.deepEqual(guesses('worker-messy.csv'), ['pipelens: worker-messy.csv: the read begun on a guess goes on']);
  assert.equal(await page.$eval('[data-testid=import-summary]', (e) => e.dataset.rowsKept), '5');
  assert.equal(Number((await headlineValues(page)).revenue.value), 1000.5 + 1200);

  // Joined to the loaded deals, the file is read with their ids known: not as guessed.
  await page.selectOption('[data-testid=append-mode]', 'append');
  const more = 'Opportunity ID,Amount,Stage,Created Date,Close Date,Owner\nA6,5,Closed Won,2024-02-03,2024-03-25,Cleo\nB1,800,Closed Won,2024-02-04,2024-03-26,Dee\n';
  await upload(page, { name: 'more.csv', mimeType: 'text/csv', buffer: Buffer.from(more) });
  assert.deepEqual(guesses('more.csv'), ['pipelens: more.csv: the read begun on a guess begins again: the page reads it otherwise']);
  const reasons = await page.$$eval('[aria-label="Data quality of more.csv"] [data-testid=rejected-rows] tbody tr', (rs) => rs.map((r) => r.cells[2].textContent));
  assert.deepEqual(reasons, ['duplicate deal_id "A6" (already loaded from worker-messy.csv); kept the first']);
  assert.equal(Number((await headlineValues(page)).revenue.value), 1000.5 + 1200 + 800);

  // Another dataset's file is read as the page decides, not as deals.
  await page.selectOption('[data-testid=append-mode]', 'replace');
  const plan = 'owner,period_start,quota\nAnn,2024-01-01,100\nBob,2024-01-01,80\n';
  await upload(page, { name: 'plan.csv', mimeType: 'text/csv', buffer: Buffer.from(plan) });
  assert.deepEqual(guesses('plan.csv'), ['pipelens: plan.csv: the read begun on a guess begins again: the page reads it otherwise']);
  await page.waitForFunction(() => document.querySelector('[data-dataset=quotas]')?.dataset.rows === '2');

  // A file the page must ask about is never answered on a guess: its workers are let go, and
  // the next file is read as usual.
  await upload(page, { name: 'odd.csv', mimeType: 'text/csv', buffer: Buffer.from('Ref;Spalte B\nX1;100\n') });
  await page.waitForSelector('[data-testid=column-mapper]');
  await page.click('[data-testid=column-mapper] >> text=Cancel');
  assert.deepEqual(guesses('odd.csv'), []);
  await upload(page, FILE);
  assert.equal(Number((await headlineValues(page)).revenue.value), 1000.5 + 1200);
  assert.deepEqual(log.errors.slice(before), []);
  await context.close();
});

test('a small file leaves the readied second worker for the next big file', async () => {
  const big = join(ARTIFACTS, 'halves-next.csv');
  writeHalvesFile(big, false);
  const before = log.errors.length;
  const { context, page, debug } = await freshPage();
  let started = 0;
  page.on('worker', () => started++);
  await page.goto(server.origin + '/#/all');
  await page.waitForSelector('.app[data-state=ready]');
  // The idle page readies a head and a tail worker.
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/parse_worker_bg.wasm')));
  await page.waitForTimeout(1_500);
  assert.equal(started, 2);
  await upload(page, FILE);
  assert.equal(await page.$eval('[data-testid=import-summary]', (e) => e.dataset.rowsKept), '5');
  await upload(page, big);
  assert.ok(debug.some((d) => /halves-next\.csv read in two halves at once/.test(d)), debug.join('\n'));
  assert.equal(started, 2, 'both reads were made by the two readied workers');
  assert.deepEqual(log.errors.slice(before), []);
  await context.close();
});
