// The whole KPI catalog as a person uses it: every KPI of KPI_SPEC.md on the demo with its
// explanation and SQL, a custom period and segment filters that change the numbers exactly as
// the native engine says, a typed target with its status, and every request kept local.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ARTIFACTS, openApp, nativeKpis, headlineValues, close } from './harness.mjs';

let server, browser, page;
const log = { requests: [], errors: [] };

before(async () => {
  ({ server, browser, page } = await openApp(log, undefined, '#/all'));
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Every headline on the page equals the engine's value for the same scope (both may be undefined). */
async function assertMatches(native, what) {
  const shown = await headlineValues(page);
  for (const [id, r] of Object.entries(native.kpis)) {
    assert.ok(shown[id], `${what}: tile ${id} is on the page`);
    const got = shown[id].value === '' ? null : Number(shown[id].value);
    if (r.value === null) assert.equal(got, null, `${what}: ${id} is undefined (${r.undefined})`);
    else assert.ok(got !== null && close(got, r.value), `${what}: ${id} page ${got} vs engine ${r.value}`);
  }
}

test('every KPI is explained, formatted in its unit, and shows its SQL', async () => {
  const tiles = await page.$$eval('[data-tile]', (els) => els.map((e) => e.dataset.tile));
  assert.equal(tiles.length, 43);
  const groups = await page.$$eval('.tile-group h2', (els) => els.map((e) => e.textContent));
  assert.deepEqual(groups, ['Revenue and growth', 'Deals and pipeline', 'Leads and activity', 'Customers and unit economics']);
  for (const id of tiles) {
    const text = await page.$eval(`[data-tile=${id}] .explain`, (e) => e.textContent);
    assert.match(text, /Formula: .{20,}/, `${id} has its formula`);
    assert.match(text, /Watch out: .{20,}/, `${id} says what to watch out for`);
  }
  // Units: a percentage, minutes shown as a duration, a ratio.
  const text = async (id) => page.$eval(`[data-tile=${id}] .tile-value`, (e) => e.textContent.trim());
  assert.match(await text('win_rate'), /^\d+\.\d %$/);
  assert.match(await text('lead_response_time'), /^\d+\.\d (min|h|days)$/);
  assert.match(await text('clv_cac_ratio'), /^\d+\.\d\d×$/);
  // The SQL of a KPI, generated on demand for the current period.
  await page.click('[data-tile=win_rate] .sql summary');
  await page.waitForFunction(() => document.querySelector('[data-sql=win_rate]').textContent.length > 50);
  const sql = await page.textContent('[data-sql=win_rate]');
  const native = nativeKpis('--demo');
  assert.match(sql, /SELECT/i);
  assert.ok(sql.includes(native.period.from) && sql.includes(native.period.to), 'the SQL holds the period');
  await page.selectOption('[data-testid=sql-dialect-win_rate]', { index: 1 });
  await page.waitForFunction((old) => document.querySelector('[data-sql=win_rate]').textContent !== old, sql);
  // Tables: product performance, cohorts, the funnel and per-rep attainment are on the page.
  for (const id of ['product_performance', 'funnel_conversion', 'quota_attainment', 'retention_rate', 'lead_response_time', 'deal_size_outliers']) {
    const rows = await page.$$eval(`[data-table=${id}] tbody tr`, (els) => els.length);
    assert.ok(rows > 0, `${id} has table rows`);
  }
  const flag = await page.textContent('[data-tile=quota_attainment] .notes');
  assert.match(flag, /targets may be (unrealistic|too easy)/);
  await page.screenshot({ path: join(ARTIFACTS, 'catalog-1440.png'), fullPage: true });
});

test('a custom period and filters change every number as the engine says', async () => {
  await page.fill('[data-testid=period-from]', '2026-01-01');
  await page.dispatchEvent('[data-testid=period-from]', 'change');
  await page.waitForFunction(() => document.querySelector('[data-testid=period] strong').dataset.from === '2026-01-01');
  await page.fill('[data-testid=period-to]', '2026-06-30');
  await page.dispatchEvent('[data-testid=period-to]', 'change');
  await page.waitForFunction(() => document.querySelector('[data-testid=period] strong').dataset.to === '2026-06-30');
  await assertMatches(nativeKpis('--demo', '--period', '2026-01-01', '2026-06-30'), 'H1 2026');

  await page.click('details[data-filter=team] summary');
  await page.check('details[data-filter=team] input[data-value=Enterprise]');
  await page.waitForSelector('[data-testid=clear-filters]');
  await assertMatches(nativeKpis('--demo', '--period', '2026-01-01', '2026-06-30', '--filter', 'team=Enterprise'), 'Enterprise');
  const notes = await page.textContent('[data-tile=mrr] .notes');
  assert.match(notes, /customers has no team: not filtered by it/);
  await page.screenshot({ path: join(ARTIFACTS, 'catalog-filtered.png'), fullPage: true });

  await page.click('[data-testid=clear-filters]');
  await page.selectOption('[data-testid=period-preset]', 'last-12-months');
  await page.waitForFunction(() => document.querySelector('[data-testid=period-preset]').value === 'last-12-months');
  await assertMatches(nativeKpis('--demo'), 'back to the default');
});

test('a typed target gives a status in the KPI\'s direction', async () => {
  await page.click('[data-tile=churn_rate] .explain summary');
  await page.fill('[data-testid=target-churn_rate]', '0.9');
  await page.dispatchEvent('[data-testid=target-churn_rate]', 'change');
  await page.waitForSelector('[data-tile=churn_rate] [data-rag]');
  // Churn is far under 90 %: lower is better, so it is on target.
  assert.equal(await page.getAttribute('[data-tile=churn_rate] [data-rag]', 'data-rag'), 'green');
  await page.fill('[data-testid=target-churn_rate]', '0.01');
  await page.dispatchEvent('[data-testid=target-churn_rate]', 'change');
  await page.waitForSelector('[data-tile=churn_rate] [data-rag=red]');
  // Revenue carries the quotas of the period as its target.
  assert.match(await page.textContent('[data-tile=revenue] .rag'), /\(from the data\)/);
});

test('no request left the page\'s origin and nothing failed', () => {
  const foreign = log.requests.map((r) => r.url).filter((u) => !u.startsWith(server.origin));
  assert.deepEqual(foreign, []);
  assert.deepEqual(log.errors, []);
});
