// The Pipeline change page (issue 19): on the demo and on two exports of the same deals plus
// a stage history uploaded as a user would, every bar of the waterfall, the counts beside it,
// the slipped deals and the time in stage per stage equal what the native engine computes
// (`pipelens-cli change`), and the hand-worked figures of engine/tests/change_files.rs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { ARTIFACTS, CLI, ROOT, openApp, upload, close, watch } from './harness.mjs';

/** The Pipeline change figures of the native engine (`pipelens-cli change`). */
function nativeChange(...args) {
  const bin = CLI;
  return JSON.parse(execFileSync(bin, ['change', '--json', ...args], { encoding: 'utf8', maxBuffer: 64 << 20 }));
}

// Two exports of the same deals a month apart and their stage history, shared with the engine's
// hand-worked test (engine/tests/change_files.rs): every bucket but pulled in / pushed out has a
// deal over the whole pipeline, and next quarter's window pulls A7 in and pushes A4 out; one
// deal is missing from the earlier export, two slipped, one moved back a stage.
const DIR = join(ROOT, 'engine/tests/fixtures/change');
const FILES = {
  earlier: join(DIR, 'deals-february.csv'),
  later: join(DIR, 'deals-march.csv'),
  history: join(DIR, 'opportunity-history.csv'),
};

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

/** axe-core in the page (WCAG 2.2 target size on): no serious or critical violation. */
async function assertAccessible(what) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8'));
  const bad = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'], rules: { 'target-size': { enabled: true } } });
    return r.violations.filter((v) => ['serious', 'critical'].includes(v.impact)).map((v) => ({ id: v.id, nodes: v.nodes.slice(0, 3).map((n) => n.target) }));
  });
  assert.deepEqual(bad, [], `${what}: axe-core violations\n${JSON.stringify(bad, null, 1)}`);
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
  await assertAccessible('demo');
  await page.screenshot({ path: join(ARTIFACTS, 'change-demo.png'), fullPage: true });
});

test('the close-date window travels in a share link: a fresh browser opens the same waterfall', async () => {
  const whole = await bars();
  await page.selectOption('[data-testid=change-window]', 'this');
  await page.waitForFunction((v) => document.querySelector('table[data-table=waterfall] tr[data-flow=start]')?.dataset.value !== v,
    String(whole[0].value));
  const thisQuarter = await bars();
  await page.click('[data-testid=share]');
  const url = await page.inputValue('[data-testid=share-url]');
  await page.keyboard.press('Escape');
  const other = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  watch(other, log);
  const fresh = await other.newPage();
  await fresh.goto(url);
  await fresh.waitForSelector('.app[data-state=ready]');
  if (!(await fresh.$('.page[data-page=change]'))) await fresh.click('nav.pages a[data-page=change]');
  await fresh.waitForSelector('table[data-table=waterfall] tr[data-flow]');
  assert.equal(await fresh.$eval('[data-testid=change-window]', (s) => s.value), 'this');
  const shared = await fresh.$$eval('table[data-table=waterfall] tr[data-flow]', (rows) =>
    rows.map((r) => ({ flow: r.dataset.flow, value: Number(r.dataset.value), count: Number(r.dataset.count) })));
  assert.deepEqual(shared, thisQuarter);
  await other.close();
  // Back to the whole pipeline for the tests that follow.
  await page.selectOption('[data-testid=change-window]', 'all');
  await page.waitForFunction((v) => document.querySelector('table[data-table=waterfall] tr[data-flow=start]')?.dataset.value === v,
    String(whole[0].value));
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
  await page.click('nav.pages a[data-page=change]');
  await page.waitForSelector('.page[data-page=change]');
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

  // The waterfall as CSV: outflows negative, so the amounts add up from start to end.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.click('[data-chart=pipeline_change] [data-testid=export-csv]'),
  ]);
  const csv = readFileSync(await download.path(), 'utf8').trim().split('\n');
  assert.equal(csv[0], 'bar,amount,deals');
  assert.deepEqual(csv.slice(1).map((l) => l.split(',')[0]), ['start', 'new', 'pulled_in', 'increased', 'decreased', 'pushed_out', 'won', 'lost', 'end']);
  assert.equal(csv[7], 'won,-1000,1');

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

test('an earlier export whose deals are all in the current one is read as the earlier export', async () => {
  const back = await page.$('button:has-text("Back to demo")');
  if (back) await back.click();
  await page.waitForSelector('[data-dataset=deals][data-rows="5392"]');
  await upload(page, FILES.later);
  await page.selectOption('[data-testid=append-mode]', 'append');
  // February's export without A5 (deleted since): every id repeats a loaded deal.
  const subset = join(mkdtempSync(join(tmpdir(), 'pipelens-change-')), 'deals-february-subset.csv');
  writeFileSync(subset, readFileSync(FILES.earlier, 'utf8').split('\n').filter((l) => !l.startsWith('A5,')).join('\n'));
  await upload(page, subset);
  await page.waitForSelector('[data-dataset=earlier_deals][data-rows="6"]');
  assert.match(await page.textContent('[data-testid=notice]'), /deals-february-subset\.csv as earlier_deals/);
  assert.equal(await page.getAttribute('[data-dataset=deals]', 'data-rows'), '8');
  await page.click('nav.pages a[data-page=change]');
  await page.selectOption('[data-testid=change-window]', 'all');
  const native = nativeChange(subset, FILES.later);
  assertPageMatches(await bars(), native, 'subset');
  assert.deepEqual(log.errors, []);
});
