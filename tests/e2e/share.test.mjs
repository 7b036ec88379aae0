// Share links, the settings file and remembering on this device, as a user meets them: a view
// copied from one browser opens with identical figures in a fresh one (on the demo, on the
// user's files once loaded, and with the files inside the link, locked or not); the settings
// file carries the view; "forget everything" leaves the browser's storage empty. And through
// all of it, no request carries anything but the page's own files.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DIST, serveDist, launch, watch, headlineValues } from './harness.mjs';
import { projectFixtures } from './fixtures.mjs';

let server, browser;
const log = { requests: [], errors: [] };
const contexts = [];

// Deals, leads and subscriptions in the layouts of three public exports, made by the project.
const FIXTURES = projectFixtures();
const FILES = [FIXTURES.pipeline, FIXTURES.leads, FIXTURES.subscriptions];

before(async () => {
  server = await serveDist();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** A fresh browser profile (no storage, no history) on `url`, once the app settles in `settled`. */
async function fresh(url = server.origin + '/', settled = '.app[data-state=ready]') {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  watch(context, log);
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector(settled);
  return page;
}

/** Every KPI value on the page, the page shown and the theme: what must be identical. */
async function figures(page) {
  await page.waitForSelector('.app[data-state=ready]');
  const values = Object.fromEntries(Object.entries(await headlineValues(page)).map(([k, v]) => [k, v.value]));
  const shown = await page.$eval('.page', (el) => el.dataset.page);
  const theme = await page.$eval('html', (el) => el.dataset.theme);
  return { shown, theme, values };
}

/** Ticks the first `n` values of a filter (the owner's, else the first filter the data has). */
async function pickOwners(page, n) {
  const dim = (await page.$('details[data-filter=owner]')) ? 'owner' : await page.$eval('details[data-filter]', (d) => d.dataset.filter);
  await page.click(`details[data-filter=${dim}] summary`);
  const boxes = await page.$$(`details[data-filter=${dim}] input[type=checkbox]`);
  for (const b of boxes.slice(0, n)) await b.check();
  await page.click(`details[data-filter=${dim}] summary`);
}

async function openShare(page) {
  if (!(await page.$('[data-testid=share-panel]'))) await page.click('[data-testid=share]');
  await page.waitForSelector('[data-testid=share-panel]');
}

test('a view travels in the address: a fresh browser on the copied link shows the same figures', async () => {
  const page = await fresh(server.origin + '/#/manager');
  await page.selectOption('[data-testid=period-preset]', 'last-year');
  await page.selectOption('[data-testid=grain]', 'quarter');
  await page.selectOption('[data-testid=comparison]', 'year');
  await page.fill('[data-testid=gross-margin]', '60');
  await page.press('[data-testid=gross-margin]', 'Enter');
  await pickOwners(page, 2);
  await page.click('[data-testid=theme]');
  const before = await figures(page);
  await openShare(page);
  await page.click('[data-testid=copy-link]');
  await page.waitForFunction(() => document.querySelector('[data-testid=copy-status]').textContent.includes('Copied'));
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, page.url(), 'the address bar is kept current: it is the link');
  assert.match(copied, /#\/manager\?v=1&s=[\w-]+$/);
  assert.ok(!copied.split('#')[0].includes('?'), 'nothing of the view is in the part sent to the host');

  const other = await fresh(copied);
  assert.deepEqual(await figures(other), before);
  assert.equal(before.shown, 'manager');
  assert.equal(before.theme, 'dark');
  assert.equal(await other.$eval('[data-testid=grain]', (s) => s.value), 'quarter');
  assert.equal(await other.$eval('[data-testid=comparison]', (s) => s.value), 'year');
  assert.equal(await other.$$eval('details[data-filter=owner] input:checked', (l) => l.length), 2);
});

test('addresses of earlier versions still open their page', async () => {
  const page = await fresh(server.origin + '/#/pipeline');
  assert.equal(await page.$eval('.page', (el) => el.dataset.page), 'pipeline');
  const damaged = await fresh(server.origin + '/#/leads?v=1&s=%%%');
  assert.equal(await damaged.$eval('.page', (el) => el.dataset.page), 'leads');
  assert.match(await damaged.textContent('[data-testid=notice]'), /could not be read/);
});

let filesPage;

test('a view of the user\'s files asks for the same files, then shows the same figures', async () => {
  filesPage = await fresh();
  await filesPage.setInputFiles('[data-testid=file-input]', FILES);
  await filesPage.waitForFunction(() => document.querySelector('[data-testid=source]')?.textContent.includes('ravenstack'));
  await pickOwners(filesPage, 3);
  await filesPage.fill('[data-testid=gross-margin]', '75');
  await filesPage.press('[data-testid=gross-margin]', 'Enter');
  const before = await figures(filesPage);
  const link = filesPage.url();

  const other = await fresh(link);
  const asked = await other.textContent('[data-testid=awaiting-files]');
  for (const f of ['sales_pipeline.csv (deals)', 'Leads.csv (leads)', 'ravenstack_subscriptions.csv (customers)']) {
    assert.ok(asked.includes(f.split(' ')[0]) && asked.includes(f.split(' ')[1]), `asks for ${f}: ${asked}`);
  }
  assert.equal(new URL(other.url()).hash, new URL(link).hash, 'the waiting view keeps its address');
  await other.setInputFiles('[data-testid=file-input]', FILES);
  await other.waitForSelector('[data-testid=awaiting-files]', { state: 'detached' });
  assert.deepEqual(await figures(other), before);
});

test('share with the data: the files travel inside the link', async () => {
  const before = await figures(filesPage);
  await openShare(filesPage);
  await filesPage.click('[data-testid=share-with-data]');
  const url = await (await filesPage.waitForSelector('[data-testid=share-data-url]')).inputValue();
  const size = await filesPage.textContent('[data-testid=share-size]');
  assert.match(size, /Link: [\d.,]+ KB/);
  assert.match(url, /&d=[\w-]+$/);
  const chars = Number(await filesPage.$eval('[data-testid=share-size]', (e) => e.dataset.chars));
  assert.equal(chars, url.length);

  const other = await fresh(url);
  await other.waitForFunction(() => document.querySelector('[data-testid=source]')?.textContent.includes('ravenstack'));
  assert.deepEqual(await figures(other), before);
  // A reload reopens the data from the address.
  await other.reload();
  await other.waitForFunction(() => document.querySelector('[data-testid=source]')?.textContent.includes('ravenstack'));
  assert.deepEqual(await figures(other), before);
});

test('share with the data locked by a passphrase: a wrong one is refused clearly, the right one opens it', async () => {
  const before = await figures(filesPage);
  await openShare(filesPage);
  await filesPage.fill('[data-testid=share-passphrase]', 'correct horse battery');
  await filesPage.click('[data-testid=share-with-data]');
  await filesPage.waitForFunction(() => /&x=/.test(document.querySelector('[data-testid=share-data-url]')?.value ?? ''));
  const url = await filesPage.inputValue('[data-testid=share-data-url]');
  assert.match(await filesPage.textContent('[data-testid=share-size]'), /Locked/);

  const other = await fresh(url);
  await other.fill('[data-testid=unlock-passphrase]', 'correct horse');
  await other.click('[data-testid=unlock]');
  const error = await (await other.waitForSelector('[data-testid=unlock-error]')).textContent();
  assert.match(error, /passphrase does not open/);
  assert.match(await other.textContent('[data-testid=source]'), /Demo data/, 'nothing was opened');
  await other.fill('[data-testid=unlock-passphrase]', 'correct horse battery');
  await other.click('[data-testid=unlock]');
  await other.waitForFunction(() => document.querySelector('[data-testid=source]')?.textContent.includes('ravenstack'));
  assert.deepEqual(await figures(other), before);
});

test('a damaged link or one that would inflate to gigabytes is refused in words', async () => {
  const { deflateRawSync } = await import('node:zlib');
  const bomb = deflateRawSync(Buffer.alloc(80 << 20)).toString('base64url');
  const failed = '.app[data-state=error]';
  const page = await fresh(`${server.origin}/#/executive?v=1&s=e30&d=${bomb}`, failed);
  assert.match(await (await page.waitForSelector('[data-testid=error]')).textContent(), /more than 64 MB/);
  assert.match(await page.textContent('[data-testid=source]'), /Demo data/);
  const cut = await fresh(`${server.origin}/#/executive?v=1&s=e30&d=AAAAAAAA`, failed);
  assert.match(await (await cut.waitForSelector('[data-testid=error]')).textContent(), /damaged or cut short/);
});

test('data too large for a link is refused with the way out', async () => {
  const page = await fresh();
  // Incompressible amounts and ids: about 3 MB that no deflate shrinks under the limit.
  let csv = 'deal_id,amount,stage,created_date,close_date,owner\n';
  let x = 12345;
  for (let i = 0; i < 60_000; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    csv += `D${x.toString(36)}${i},${x % 100000}.${x % 97},Won,2024-01-${String(1 + (x % 28)).padStart(2, '0')},2024-03-01,O${x % 1000}\n`;
  }
  await page.setInputFiles('[data-testid=file-input]', { name: 'random.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.waitForFunction(() => document.querySelector('[data-testid=source]')?.textContent.includes('random.csv'));
  await openShare(page);
  await page.click('[data-testid=share-with-data]');
  const said = await (await page.waitForSelector('[data-testid=share-too-large]')).textContent();
  assert.match(said, /MB long; links over 1,?000(\.0)? KB|MB long; links over 1(\.0)? MB/);
  assert.match(said, /settings file/);
});

test('the settings file carries the view to a fresh browser', async () => {
  const page = await fresh(server.origin + '/#/executive');
  await page.selectOption('[data-testid=period-preset]', 'this-year');
  await pickOwners(page, 1);
  const before = await figures(page);
  await openShare(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-settings]')]);
  const json = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.equal(json.pipelens_settings, 1);
  assert.equal(Object.values(json.settings.filters)[0].length, 1);

  const other = await fresh(server.origin + '/#/executive');
  await openShare(other);
  await other.setInputFiles('[data-testid=import-settings]', { name: 'pipelens-settings.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(json)) });
  await other.waitForSelector('[data-testid=notice]');
  assert.deepEqual(await figures(other), before);
  await other.setInputFiles('[data-testid=import-settings]', { name: 'nope.json', mimeType: 'application/json', buffer: Buffer.from('{"a":1}') });
  assert.match(await (await other.waitForSelector('[data-testid=error]')).textContent(), /nope\.json is not a pipelens settings file/);
});

test('nothing is stored by default; remembered settings and data come back; forget everything empties storage', async () => {
  const page = await fresh();
  const stored = () =>
    page.evaluate(async () => ({
      local: localStorage.length,
      session: sessionStorage.length,
      idb: (await indexedDB.databases()).length,
    }));
  await pickOwners(page, 1);
  assert.deepEqual(await stored(), { local: 0, session: 0, idb: 0 }, 'nothing stored unasked');

  await openShare(page);
  await page.check('[data-testid=remember-settings]');
  await page.setInputFiles('[data-testid=file-input]', FILES.slice(1, 2));
  await page.waitForFunction(() => document.querySelector('[data-testid=source]')?.textContent.includes('Leads.csv'));
  await openShare(page);
  await page.check('[data-testid=remember-data]');
  await page.waitForFunction(() => localStorage.getItem('pipelens.data') !== null);
  // The demo's owner list was opened above; the new file's filter is a fresh one that answers.
  await pickOwners(page, 2);
  assert.equal(await page.textContent('details[data-filter] .chosen'), '2 selected');
  const before = await figures(page);

  // A reload, and the same browser opened without any address: the device remembers.
  await page.reload();
  await page.waitForFunction(() => document.querySelector('[data-testid=source]')?.textContent.includes('Leads.csv'));
  assert.deepEqual(await figures(page), before);
  await page.goto(server.origin + '/');
  await page.waitForFunction(() => document.querySelector('[data-testid=source]')?.textContent.includes('Leads.csv'));
  assert.deepEqual(await figures(page), before);
  assert.ok(!page.url().includes('&d='), 'remembered files never go into the address, which may be shared');

  await openShare(page);
  await page.click('[data-testid=forget-everything]');
  await page.waitForFunction(() => document.querySelector('[data-testid=forget-status]').textContent.includes('gone'));
  assert.deepEqual(await stored(), { local: 0, session: 0, idb: 0 });
  assert.equal(await page.evaluate(async () => (await caches.keys()).length), 0, 'the offline copy is gone');
  assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 0);
  assert.match(await page.textContent('[data-testid=source]'), /Demo data/);
  await page.goto(server.origin + '/');
  await page.waitForSelector('.app[data-state=ready]');
  assert.match(await page.textContent('[data-testid=source]'), /Demo data/, 'nothing came back');
});

test('every view of the loaded files, reached by its link, then exported', async () => {
  if (await filesPage.$('[data-testid=share-panel]')) await filesPage.click('[data-testid=share]');
  for (const slug of ['executive', 'manager', 'rep', 'pipeline', 'leads', 'customers', 'custom', 'all']) {
    await filesPage.click(`a[data-page=${slug}]`);
    await filesPage.waitForFunction((s) => document.querySelector('.page')?.dataset.page === s && location.hash.includes('?v=1&s='), slug);
    assert.ok((await filesPage.$$('[data-kpi][data-value]')).length > 0, slug);
    if (slug === 'pipeline') {
      // A chart as PNG and its numbers as CSV.
      const exported = {};
      for (const hook of ['export-png', 'export-csv']) {
        const button = `[data-chart=pipeline-by-stage] [data-testid=${hook}]`;
        const [file] = await Promise.all([filesPage.waitForEvent('download'), filesPage.click(button)]);
        exported[hook] = readFileSync(await file.path());
      }
      assert.equal(exported['export-png'].subarray(1, 4).toString(), 'PNG');
      assert.match(exported['export-csv'].toString(), /Engaging/);
    }
  }
  await openShare(filesPage);
  const [download] = await Promise.all([filesPage.waitForEvent('download'), filesPage.click('[data-testid=export-settings]')]);
  assert.ok(JSON.parse(readFileSync(await download.path(), 'utf8')).settings.files.length === 3);
});

test('through all of it, every request was for the page\'s own files and carried no data', async () => {
  const own = new Set(['/', '/index.html', ...(await import('node:fs')).readdirSync(DIST, { recursive: true }).map((f) => '/' + f)]);
  const data = FILES.map((f) => readFileSync(f, 'utf8').split('\n')[1].slice(0, 24));
  for (const r of log.requests) {
    const url = new URL(r.url);
    assert.equal(url.origin, server.origin, `request to another origin: ${r.url}`);
    assert.equal(r.method, 'GET', r.url);
    assert.ok(!r.body, `request with a body: ${r.url}`);
    assert.ok(own.has(url.pathname), `not a file of dist/: ${url.pathname}`);
    assert.equal(url.search, '', `a query string: ${r.url}`);
    for (const d of data) assert.ok(!decodeURIComponent(r.url).includes(d), `${r.url} carries data`);
  }
  for (const s of server.served) assert.ok(own.has(s.path), `the server was asked for ${s.path}`);
  assert.deepEqual(log.errors.filter((e) => !/Failed to load resource/.test(e)), []);
});
