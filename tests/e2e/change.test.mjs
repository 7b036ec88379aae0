// The Pipeline change page (issue 19): on the demo and on two exports of the same deals plus
// a stage history uploaded as a user would, every bar of the waterfall, the counts beside it,
// the slipped deals and the time in stage per stage equal what the native engine computes
// (`pipelens-cli change`).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { ARTIFACTS, ROOT, openApp, upload, close } from './harness.mjs';

/** The Pipeline change figures of the native engine (target/debug/pipelens-cli change). */
function nativeChange(...args) {
  const bin = join(ROOT, 'target/debug/pipelens-cli');
  return JSON.parse(execFileSync(bin, ['change', '--json', ...args], { encoding: 'utf8', maxBuffer: 64 << 20 }));
}

// Two exports of the same deals a month apart, and their stage history: every bucket but
// pulled in / pushed out has a deal over the whole pipeline, and next quarter's window pulls
// A7 in and pushes A4 out; one deal is missing from the earlier export, two slipped, one moved
// back a stage.
const EARLIER = [
  'deal_id,amount,stage,created_date,close_date,owner',
  'A1,1000,Proposal,2025-01-05,2025-03-20,Ann',
  'A2,2000,Qualification,2025-01-10,2025-04-15,Ann',
  'A3,1500,Negotiation,2025-01-12,2025-03-31,Bob',
  'A4,800,Proposal,2025-02-01,2025-04-30,Bob',
  'A5,3000,Qualification,2025-02-10,2025-06-30,Cy',
  'A6,500,Closed Won,2025-01-02,2025-02-20,Cy',
  'A7,1200,Proposal,2025-02-15,2025-07-10,Cy',
].join('\n');
const LATER = [
  'deal_id,amount,stage,created_date,close_date,owner',
  'A1,1000,Closed Won,2025-01-05,2025-03-18,Ann',
  'A2,2500,Proposal,2025-01-10,2025-05-20,Ann',
  'A3,1500,Closed Lost,2025-01-12,2025-03-25,Bob',
  'A4,600,Proposal,2025-02-01,2025-07-20,Bob',
  'A6,500,Closed Won,2025-01-02,2025-02-20,Cy',
  'A7,1200,Qualification,2025-02-15,2025-05-15,Cy',
  'A8,4000,Qualification,2025-03-20,2025-06-15,Ann',
  'A9,700,Prospecting,2025-02-20,2025-04-10,Bob',
].join('\n');
const HISTORY = [
  'deal_id,stage,changed_at,amount,close_date',
  'A1,Qualification,2025-01-05,1000,2025-03-20',
  'A1,Proposal,2025-02-01,1000,2025-03-20',
  'A1,Closed Won,2025-03-18,1000,2025-03-18',
  'A2,Qualification,2025-01-10,2000,2025-04-15',
  'A2,Proposal,2025-03-10,2500,2025-05-20',
  'A3,Qualification,2025-01-12,1500,2025-03-31',
  'A3,Negotiation,2025-02-12,1500,2025-03-31',
  'A3,Closed Lost,2025-03-25,1500,2025-03-25',
  'A4,Proposal,2025-02-01,800,2025-04-30',
  'A4,Proposal,2025-03-01,600,2025-04-30',
  'A7,Qualification,2025-02-15,1200,2025-05-15',
  'A7,Proposal,2025-02-25,1200,2025-05-15',
  'A7,Qualification,2025-03-05,1200,2025-05-15',
].join('\n');

const dir = mkdtempSync(join(tmpdir(), 'pipelens-change-'));
const FILES = { earlier: join(dir, 'deals-february.csv'), later: join(dir, 'deals-march.csv'), history: join(dir, 'opportunity-history.csv') };
writeFileSync(FILES.earlier, EARLIER);
writeFileSync(FILES.later, LATER);
writeFileSync(FILES.history, HISTORY);

let server, browser, page;
const log = { requests: [], errors: [] };

before(async () => {
  ({ server, browser, page } = await openApp(log, undefined, '#/change'));
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** The waterfall's bars as the page's table carries them. */
async function bars() {
  await page.waitForSelector('table[data-table=waterfall] tr[data-flow]');
  return page.$$eval('table[data-table=waterfall] tr[data-flow]', (rows) =>
    rows.map((r) => ({ flow: r.dataset.flow, value: Number(r.dataset.value), count: Number(r.dataset.count) })),
  );
}

/** Time in stage per stage as the page carries it. */
async function stages() {
  return page.$$eval('table[data-table=time-in-stage] tr[data-stage]', (rows) =>
    rows.map((r) => ({ stage: r.dataset.stage, median: r.dataset.medianDays, p90: r.dataset.p90Days })),
  );
}

function assertPageMatches(onPage, native, what) {
  assert.deepEqual(onPage.map((b) => b.flow), ['start', 'new', 'pulled_in', 'increased', 'decreased', 'pushed_out', 'won', 'lost', 'end'], what);
  for (const [i, bar] of native.change.bars.entries()) {
    assert.equal(onPage[i].count, bar.count, `${what}: ${bar.flow} count`);
    assert.ok(close(onPage[i].value, bar.value), `${what}: ${bar.flow} ${onPage[i].value} vs ${bar.value}`);
  }
  const v = Object.fromEntries(onPage.map((b) => [b.flow, b.value]));
  const sum = v.start + v.new + v.pulled_in + v.increased - v.decreased - v.pushed_out - v.won - v.lost;
  assert.ok(Math.abs(sum - v.end) < 0.005, `${what}: the bars add up (${sum} vs ${v.end})`);
}

async function assertStagesMatch(native, what) {
  const rows = await stages();
  const want = native.history.time_in_stage.map((s) => ({
    stage: s.stage,
    median: s.median_days === null ? '' : String(s.median_days),
    p90: s.p90_days === null ? '' : String(s.p90_days),
  }));
  assert.deepEqual(rows.map((r) => ({ ...r, median: r.median && String(Number(r.median)), p90: r.p90 && String(Number(r.p90)) })), want, what);
}

test('the demo opens the page alive: the waterfall and time in stage equal the native engine', async () => {
  const native = nativeChange('--demo');
  assertPageMatches(await bars(), native, 'demo');
  await assertStagesMatch(native, 'demo');
  assert.ok((await page.$$('canvas')).length >= 1, 'the waterfall is drawn');
  assert.equal(await page.getAttribute('[data-kpi=pipeline_change]', 'data-value'), String(native.change.pipeline_change));
  assert.equal(Number(await page.getAttribute('[data-kpi=stalled_deals]', 'data-value')), native.history.stalled);
  assert.ok(close(Number(await page.getAttribute('[data-kpi=weighted_pipeline]', 'data-value')), native.forecast.weighted_pipeline));
  // A bar drills down to its deals.
  await page.click('table[data-table=waterfall] tr[data-flow=won] button');
  await page.waitForSelector('[data-testid=drill][data-flow=won]');
  const drilled = await page.$$eval('[data-testid=drill] tr[data-deal]', (r) => r.length);
  assert.equal(drilled, native.change.bars.find((b) => b.flow === 'won').count);
  await page.screenshot({ path: join(ARTIFACTS, 'change-demo.png'), fullPage: true });
});

test('two exports and a history uploaded as a user would give the native figures', async () => {
  await upload(page, FILES.later);
  // The earlier export, added to the deals: its repeated ids are noticed and one click reads it
  // as the earlier export.
  await page.selectOption('[data-testid=append-mode]', 'append');
  await upload(page, FILES.earlier);
  await page.waitForSelector('[data-testid=snapshot-hint]');
  await page.click('[data-testid=as-earlier]');
  await page.waitForSelector('[data-dataset=earlier_deals][data-rows="7"]');
  await upload(page, FILES.history);
  await page.waitForSelector('[data-dataset=history][data-rows="13"]');
  await page.goto(server.origin + '/#/change');
  await page.waitForSelector('.app[data-state=ready]');
  const native = nativeChange(FILES.earlier, FILES.later, '--history', FILES.history);
  const onPage = await bars();
  assertPageMatches(onPage, native, 'files');
  // The hand-worked figures of these files.
  const v = Object.fromEntries(onPage.map((b) => [b.flow, [b.value, b.count]]));
  assert.deepEqual(v, {
    start: [9500, 6], new: [4700, 2], pulled_in: [0, 0], increased: [500, 1], decreased: [200, 1],
    pushed_out: [0, 0], won: [1000, 1], lost: [4500, 2], end: [9000, 5],
  });
  assert.deepEqual(
    await page.$$eval('[data-testid=slipped] tr[data-deal]', (r) => r.map((x) => [x.dataset.deal, x.dataset.slippedDays])),
    [['A4', '81'], ['A2', '35']],
  );
  assert.equal(await page.getAttribute('[data-beside=stage_back]', 'data-count'), '1');
  assert.equal(await page.getAttribute('[data-beside=missing_from_earlier]', 'data-count'), '1');
  await assertStagesMatch(native, 'files');
  assert.deepEqual((await stages()).map((s) => s.stage).slice(0, 3), ['Qualification', 'Proposal', 'Negotiation']);

  // Next quarter's close dates: deals moved into or out of it.
  await page.selectOption('[data-testid=change-window]', 'next');
  await page.waitForFunction(() => document.querySelector('table[data-table=waterfall] tr[data-flow=start]')?.dataset.value !== '9500');
  const next = await bars();
  assertPageMatches(next, nativeChange(FILES.earlier, FILES.later, '--history', FILES.history, '--quarter', 'next'), 'next quarter');
  const w = Object.fromEntries(next.map((b) => [b.flow, [b.value, b.count]]));
  assert.deepEqual([w.pulled_in, w.pushed_out], [[1200, 1], [800, 1]]);
  await page.screenshot({ path: join(ARTIFACTS, 'change-files.png'), fullPage: true });
  assert.deepEqual(log.errors, []);
});
