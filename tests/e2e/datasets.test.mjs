// Several datasets at once: files dropped together are each recognised by their headers, a
// file can be re-read as another dataset or with other columns, stage meanings are editable,
// and a further file replaces or joins its dataset as the user chooses.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS, openApp, headlineValues, upload } from './harness.mjs';
import { projectFixtures } from './fixtures.mjs';

// Leads and subscriptions in the layouts of two public exports, made by the project.
const FIXTURES = projectFixtures();

let server, browser, page;
const log = { requests: [], errors: [] };

before(async () => {
  ({ server, browser, page } = await openApp(log, undefined, '#/all'));
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Rows loaded per dataset, as the data panel shows them (absent = not loaded). */
async function datasetRows() {
  return page.$$eval('[data-dataset]', (els) => Object.fromEntries(els.filter((e) => e.dataset.rows).map((e) => [e.dataset.dataset, Number(e.dataset.rows)])));
}

async function waitForRows(dataset, rows) {
  await page.waitForFunction(([d, r]) => document.querySelector(`[data-dataset=${d}]`)?.dataset.rows === String(r), [dataset, rows]);
}

const DEALS = [
  'deal_id,amount,stage,created_date,close_date,owner',
  'D1,1000,Won,2025-01-02,2025-02-01,Ann',
  'D2,2000,Lost,2025-01-03,2025-02-10,Ann',
  'D3,3000,Proposal,2025-02-01,2025-03-01,Bob',
  'D4,4000,Prospecting,2025-02-03,,Bob',
].join('\n');

test('files dropped together are each read as the dataset their headers name', async () => {
  const files = [
    { name: 'deals.csv', text: DEALS },
    { name: 'Leads.csv', text: readFileSync(FIXTURES.leads, 'utf8') },
    { name: 'subscriptions.csv', text: readFileSync(FIXTURES.subscriptions, 'utf8') },
    { name: 'quotas.csv', text: 'Owner;Month;Quota\nAnn;2024-01;5.000\nBob;2024-01;4.000\n' },
    { name: 'notes.csv', text: 'x' },
  ];
  const dataTransfer = await page.evaluateHandle((files) => {
    const dt = new DataTransfer();
    for (const f of files) dt.items.add(new File([f.text], f.name, { type: 'text/csv' }));
    return dt;
  }, files);
  await page.dispatchEvent('.app', 'drop', { dataTransfer });
  await page.waitForSelector('[data-testid=notice]');
  assert.deepEqual(await datasetRows(), { deals: 4, leads: 200, customers: 5000, quotas: 2 });
  const notice = await page.textContent('[data-testid=notice]');
  assert.match(notice, /notes\.csv/, 'the file it could not use is named');
  assert.match(notice, /Loaded deals\.csv as deals, Leads\.csv as leads, subscriptions\.csv as customers, quotas\.csv as quotas/);
  assert.match(await page.textContent('[data-testid=source]'), /deals\.csv, Leads\.csv, subscriptions\.csv, quotas\.csv/);
  // One data-quality report per file, each column with its detected type and empty cells.
  assert.equal((await page.$$('[data-testid=import-report]')).length, 4);
  const column = async (file, header) =>
    page.$eval(`[data-testid=import-report][aria-label="Data quality of ${file}"] tr[data-column="${header}"]`, (r) => [...r.cells].map((c) => c.textContent));
  assert.deepEqual((await column('subscriptions.csv', 'end_date')).slice(0, 4), ['end_date', 'date', '4,514', 'end_date']);
  assert.deepEqual((await column('subscriptions.csv', 'is_trial')).slice(0, 4), ['is_trial', 'yes / no', '0', '–']);
  assert.deepEqual((await column('Leads.csv', 'CreatedDate')).slice(0, 4), ['CreatedDate', 'date', '0', 'created_at']);
  assert.deepEqual((await column('quotas.csv', 'Quota')).slice(0, 4), ['Quota', 'number', '0', 'quota']);
  // The deals KPIs still come from the deals file, over the 12 months ending with the latest
  // date of all the data (the leads run to July 2025).
  assert.equal(await page.getAttribute('[data-testid=period] strong', 'data-to'), '2025-07-31');
  assert.equal(Number((await headlineValues(page)).revenue.value), 1000);
  await page.screenshot({ path: join(ARTIFACTS, 'several-datasets.png'), fullPage: true });
});

test('a loaded file is reviewed: what each stage means, the open-stage order and the columns', async () => {
  const row = 'tr[data-file="deals.csv"]';
  assert.match(await page.textContent(`${row} [data-testid=review-mapping]`), /mapped automatically — review/);
  await page.click(`${row} [data-testid=review-mapping]`);
  await page.waitForSelector('[data-testid=stage-editor]');
  assert.match(await page.textContent('#mapper-title'), /Columns of deals\.csv/);
  const order = () => page.$$eval('[data-open-stage]', (els) => els.map((e) => e.dataset.openStage));
  assert.deepEqual(await order(), ['Prospecting', 'Proposal']);
  await page.click('button[aria-label="Move Proposal earlier"]');
  assert.deepEqual(await order(), ['Proposal', 'Prospecting']);
  // "Proposal" here means a signed proposal: count it as won.
  await page.selectOption('tr[data-stage=Proposal] select', 'won');
  assert.deepEqual(await order(), ['Prospecting']);
  await page.click('[data-testid=apply-stages]');
  await page.waitForFunction(() => document.querySelector('[data-kpi=revenue]')?.getAttribute('data-value') === '4000');
  let v = await headlineValues(page);
  assert.equal(Number(v.deals_won.value), 2);
  assert.equal(Number(v.pipeline_count.value), 1);
  await page.screenshot({ path: join(ARTIFACTS, 'review-stages.png'), fullPage: true });
  // Now the columns: without the owner column the file is read again, chosen by hand.
  await page.selectOption('tr[data-field=owner] select', '');
  await page.click('[data-testid=use-columns]');
  await page.waitForFunction(() => !document.querySelector('[data-testid=column-mapper]'));
  await page.waitForSelector('.app[data-state=ready]');
  assert.match(await page.textContent(`${row} [data-testid=review-mapping]`), /chosen by hand — review/);
  const columns = await page.$eval('[aria-label="Data quality of deals.csv"] tr[data-column=owner]', (r) => r.cells[3].textContent);
  assert.equal(columns, '–', 'owner is no longer used');
  // Reading again re-infers the stages from their names.
  v = await headlineValues(page);
  assert.equal(Number(v.revenue.value), 1000);
  assert.deepEqual(await datasetRows(), { deals: 4, leads: 200, customers: 5000, quotas: 2 }, 'the other datasets stay');
});

test('a file is read as another dataset when the user says so', async () => {
  await page.click('text=Back to demo');
  await upload(page, { name: 'plan.csv', mimeType: 'text/csv', buffer: Buffer.from('owner,period_start,quota,forecast\nAnn,2024-01-01,100,90\nBob,2024-01-01,80,85\nCid,2024-02-01,70,60\n') });
  await waitForRows('quotas', 3);
  assert.equal((await datasetRows()).forecasts, undefined);
  await page.selectOption('tr[data-file="plan.csv"] [data-testid=file-dataset]', 'forecasts');
  await waitForRows('forecasts', 3);
  const rows = await datasetRows();
  assert.equal(rows.quotas, undefined, 'no longer counted as quotas');
  assert.equal(rows.deals, undefined, 'the demo deals are gone: the user works on their own files');
});

test('a further file for a loaded dataset replaces it, or joins it with repeated ids rejected', async () => {
  const a = { name: 'a.csv', mimeType: 'text/csv', buffer: Buffer.from('deal_id,amount,stage,created_date,close_date\nD1,10,Won,2024-01-01,2024-01-05\nD2,20,Won,2024-01-02,2024-01-05\n') };
  const b = { name: 'b.csv', mimeType: 'text/csv', buffer: Buffer.from('deal_id,amount,stage,created_date,close_date\nD2,20,Won,2024-01-02,2024-01-05\nD3,30,Won,2024-01-03,2024-01-06\nD4,40,Open,2024-01-04,\n') };
  await upload(page, a);
  await waitForRows('deals', 2);
  await upload(page, b);
  await waitForRows('deals', 3);
  assert.deepEqual(await page.$$eval('[data-testid=loaded-files] tbody tr', (rs) => rs.map((r) => r.dataset.file)), ['plan.csv', 'b.csv']);
  await page.selectOption('[data-testid=append-mode]', 'append');
  await upload(page, a);
  await waitForRows('deals', 4);
  const reasons = await page.$$eval('[aria-label="Data quality of a.csv"] [data-testid=rejected-rows] tbody tr', (rs) => rs.map((r) => r.cells[2].textContent));
  assert.deepEqual(reasons, ['duplicate deal_id "D2" (already loaded from b.csv); kept the first']);
  assert.equal(Number((await headlineValues(page)).revenue.value), 60);
  // Removing a file reads the rest of its dataset again.
  await page.click('button[aria-label="Remove b.csv"]');
  await waitForRows('deals', 2);
  assert.equal(Number((await headlineValues(page)).revenue.value), 30);
  assert.deepEqual(log.errors, []);
});

test('dates the file cannot tell apart are read as the user answers', async () => {
  const csv = 'deal_id,amount,stage,created_date,close_date\nA,100,Won,01/02/2024,03/02/2024\nB,50,Lost,02/02/2024,04/02/2024\n';
  await page.selectOption('[data-testid=append-mode]', 'replace');
  await upload(page, { name: 'ambiguous.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const report = '[aria-label="Data quality of ambiguous.csv"]';
  assert.match(await page.textContent(`${report} tr[data-column=created_date]`), /month-first dates, assumed/);
  // Month-first: 2 Jan → 2 Mar 2024 is 60 days.
  assert.equal(Number((await headlineValues(page)).sales_cycle_days.value), 60);
  await page.click(`${report} tr[data-column=created_date] [data-testid=flip-date-order]`);
  await page.waitForFunction(() => document.querySelector('[data-kpi=sales_cycle_days]')?.getAttribute('data-value') === '2');
  assert.match(await page.textContent(`${report} tr[data-column=close_date]`), /day-first dates, as you chose/);
  assert.deepEqual(log.errors, []);
});
