// The warehouse kit from the SQL box ("Take these KPIs to your warehouse"): one ZIP made in the
// tab for the view on screen, in the dialect picked, holding exactly the files the native
// `pipelens-cli warehouse --out DIR` writes for the same data and scope (the script, whose
// queries tests/warehouse runs in PostgreSQL and Spark SQL, and the data files it loads).
// Nothing is sent anywhere to make it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { CLI, ROOT, openApp } from './harness.mjs';

let server, browser, page;
const log = { requests: [], errors: [] };

before(async () => {
  ({ server, browser, page } = await openApp(log, undefined, '#/all'));
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** The files of a ZIP archive whose entries are stored (not compressed), by its central
 * directory, each checked against its CRC-32: { name: Buffer }. */
function unzipStored(zip) {
  const end = zip.length - 22;
  assert.equal(zip.readUInt32LE(end), 0x06054b50, 'the archive ends with its directory');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const files = {};
  for (let i = 0; i < count; i++) {
    assert.equal(zip.readUInt32LE(at), 0x02014b50);
    const method = zip.readUInt16LE(at + 10);
    const [crc, size, nameLen, local] = [zip.readUInt32LE(at + 16), zip.readUInt32LE(at + 24), zip.readUInt16LE(at + 28), zip.readUInt32LE(at + 42)];
    const name = zip.subarray(at + 46, at + 46 + nameLen).toString('utf8');
    assert.equal(method, 0, `${name} is stored`);
    const data = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    files[name] = zip.subarray(data, data + size);
    assert.equal(crc32(files[name]), crc, `${name}: its CRC-32`);
    at += 46 + nameLen;
  }
  return files;
}

/** The files `pipelens-cli warehouse` writes for `args`: { name: Buffer }. */
function nativeKit(...args) {
  const dir = mkdtempSync(join(tmpdir(), 'pipelens-kit-'));
  try {
    execFileSync(CLI, ['warehouse', ...args, '--out', dir], { stdio: ['ignore', 'ignore', 'pipe'] });
    return Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f))]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Picks `dialect` in win_rate's SQL box (opened if it is closed), clicks the kit button and
 * returns the download. */
async function takeKit(dialect) {
  if (!(await page.$eval('[data-tile=win_rate] details.sql', (d) => d.open))) await page.click('[data-tile=win_rate] .sql summary');
  await page.selectOption('[data-testid=sql-dialect-win_rate]', { label: dialect });
  const [d] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=warehouse-kit-win_rate]')]);
  return { name: d.suggestedFilename(), files: unzipStored(readFileSync(await d.path())) };
}

function assertSameFiles(got, want, what) {
  assert.deepEqual(Object.keys(got).sort(), Object.keys(want).sort(), `${what}: the same files`);
  for (const [name, bytes] of Object.entries(want)) assert.ok(got[name].equals(bytes), `${what}: ${name} is the same`);
}

test('the SQL box offers the kit of the view: the files the native CLI writes', async () => {
  await page.click('[data-tile=win_rate] .sql summary');
  const button = page.locator('[data-testid=warehouse-kit-win_rate]');
  assert.equal((await button.textContent()).trim(), 'Take these KPIs to your warehouse');
  const period = page.locator('[data-testid=period] strong');
  const [from, to] = [await period.getAttribute('data-from'), await period.getAttribute('data-to')];

  const pg = await takeKit('PostgreSQL');
  assert.equal(pg.name, `pipelens-warehouse-postgres-${from}_${to}.zip`);
  const script = pg.files['pipelens-warehouse-postgres.sql'].toString('utf8');
  assert.equal(script.match(/^-- kpi: /gm).length, 43, 'every KPI has its query');
  assert.ok(script.includes(`scope: period ${from} to ${to}`));
  // PostgreSQL's script holds every dataset's rows after its \copy: it is the whole kit.
  assert.deepEqual(Object.keys(pg.files), ['pipelens-warehouse-postgres.sql']);
  for (const dataset of ['deals', 'leads', 'activities', 'customers', 'spend', 'quotas', 'forecasts', 'earlier_deals', 'history']) {
    assert.match(script, new RegExp(`^\\\\copy ${dataset} FROM stdin WITH \\(FORMAT csv, HEADER true\\)$`, 'm'), `${dataset}'s rows`);
  }
  assertSameFiles(pg.files, nativeKit('--dialect', 'postgres', '--demo'), 'PostgreSQL, default period');

  // Another period and dialect: the kit follows the view.
  await page.fill('[data-testid=period-from]', '2026-01-01');
  await page.dispatchEvent('[data-testid=period-from]', 'change');
  await page.waitForFunction(() => document.querySelector('[data-testid=period] strong').dataset.from === '2026-01-01');
  // The tiles were built again for the new period: the box is still open, in the dialect
  // chosen, with the new period's SQL; another tile's box opens in that dialect too.
  const chosen = (id) => page.$eval(`[data-testid=sql-dialect-${id}]`, (s) => s.selectedOptions[0].textContent);
  assert.ok(await page.$eval('[data-tile=win_rate] details.sql', (d) => d.open), 'the SQL box stayed open');
  assert.equal(await chosen('win_rate'), 'PostgreSQL');
  await page.waitForFunction(() => document.querySelector('[data-sql=win_rate]').textContent.includes('2026-01-01'));
  await page.click('[data-tile=revenue] .sql summary');
  assert.equal(await chosen('revenue'), 'PostgreSQL');
  const spark = await takeKit('Spark SQL');
  assert.equal(spark.name, `pipelens-warehouse-spark-2026-01-01_${to}.zip`);
  for (const dataset of ['deals', 'leads', 'activities', 'customers', 'spend', 'quotas', 'forecasts', 'earlier_deals', 'history']) {
    assert.ok(spark.files[`${dataset}.csv`]?.length > 0, `${dataset}.csv is beside the Spark script`);
  }
  assertSameFiles(spark.files, nativeKit('--dialect', 'spark', '--period', '2026-01-01', to, '--demo'), 'Spark SQL, custom period');
});

test('no page errors, and the kit is made without a request leaving the tab', async () => {
  assert.deepEqual(log.errors, []);
  for (const r of log.requests) {
    assert.ok(r.url.startsWith('blob:') || new URL(r.url).origin === server.origin, `request to another origin: ${r.url}`);
    assert.equal(r.body, null, `a request carried a body: ${r.url}`);
  }
});
