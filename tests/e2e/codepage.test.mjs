// Exports saved by Excel in Poland (Windows-1250, semicolons, decimal commas) and China
// (GB18030), written here byte by byte: their people's names must reach the manager page
// intact, the import report must name the code page, and its picker must read the file again.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ARTIFACTS, serveDist, launch, watch, headlineValues, upload } from './harness.mjs';

// The few characters these files use beyond ASCII, in each code page (from the WHATWG indexes).
const CP1250 = { 'Ł': 0xA3, 'ł': 0xB3, 'Ż': 0xAF, 'ż': 0xBF, 'ó': 0xF3, 'ć': 0xE6, 'ę': 0xEA, 'ś': 0x9C, 'Ś': 0x8C, 'ą': 0xB9, 'ź': 0x9F, 'Ź': 0x8F, 'ń': 0xF1 };
const GB18030 = {
  '商': [0xC9, 0xCC], '机': [0xBB, 0xFA], '编': [0xB1, 0xE0], '号': [0xBA, 0xC5], '金': [0xBD, 0xF0], '额': [0xB6, 0xEE],
  '阶': [0xBD, 0xD7], '段': [0xB6, 0xCE], '创': [0xB4, 0xB4], '建': [0xBD, 0xA8], '日': [0xC8, 0xD5], '期': [0xC6, 0xDA],
  '成': [0xB3, 0xC9], '交': [0xBD, 0xBB], '负': [0xB8, 0xBA], '责': [0xD4, 0xF0], '人': [0xC8, 0xCB], '张': [0xD5, 0xC5],
  '伟': [0xCE, 0xB0], '王': [0xCD, 0xF5], '芳': [0xB7, 0xBC], '李': [0xC0, 0xEE], '娜': [0xC4, 0xC8], '刘': [0xC1, 0xF5],
  '洋': [0xD1, 0xF3],
};

/** `text` in a code page given by its table of non-ASCII characters. */
function encode(text, table) {
  const bytes = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) bytes.push(ch.charCodeAt(0));
    else if (ch in table) bytes.push(...[table[ch]].flat());
    else throw new Error(`no byte for ${ch}`);
  }
  return Buffer.from(bytes);
}

/** 40 deals over the first months of 2024, every third one open; returns the CSV and revenue. */
function deals(header, people, sep, decimalComma) {
  const lines = [header.join(sep)];
  let revenue = 0;
  for (let i = 0; i < 40; i++) {
    const cents = 100000 + 1370 * i + (i % 100);
    const stage = ['Closed Won', 'Closed Lost', 'Negotiation'][i % 3];
    if (i % 3 === 0) revenue += cents;
    let amount = (cents / 100).toFixed(2);
    if (decimalComma) amount = amount.replace('.', ',');
    const month = String(1 + (i % 5)).padStart(2, '0');
    const day = String(1 + (i % 27)).padStart(2, '0');
    const close = i % 3 === 2 ? '' : `2024-${String(2 + (i % 5)).padStart(2, '0')}-${day}`;
    lines.push([`D${i}`, amount, stage, `2024-${month}-${day}`, close, people[i % people.length]].join(sep));
  }
  return { csv: lines.join('\r\n') + '\r\n', revenue: revenue / 100 };
}

const POLES = ['Łukasz Żółć', 'Grzegorz Brzęczyszczykiewicz', 'Małgorzata Wiśniewska', 'Paweł Ślązak', 'Jędrzej Źdźbło'];
const POLISH = deals(['Identyfikator', 'Kwota', 'Etap', 'Data utworzenia', 'Data zamknięcia', 'Handlowiec'], POLES, ';', true);
const CHINESE_PEOPLE = ['张伟', '王芳', '李娜', '刘洋'];
const CHINESE = deals(['商机编号', '金额', '阶段', '创建日期', '成交日期', '负责人'], CHINESE_PEOPLE, ',', false);

let server, browser, page;
const log = { requests: [], errors: [] };

before(async () => {
  server = await serveDist();
  browser = await launch();
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  watch(context, log);
  page = await context.newPage();
  await page.goto(server.origin + '/');
  await page.waitForSelector('.app[data-state=ready]');
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function visit(slug) {
  await page.click(`nav.pages a[data-page=${slug}]`);
  await page.waitForSelector(`.page[data-page=${slug}]`);
  await page.waitForFunction(() => document.querySelector('.app')?.getAttribute('data-state') === 'ready');
}

/** The owners in the manager page's people table. */
async function owners() {
  await visit('manager');
  return page.$$eval('[data-table=people-owner] tbody tr[data-row]', (rows) => rows.map((r) => r.getAttribute('data-row')));
}

/** The code-page line of the (only) import report, below every page. */
async function report() {
  return page.locator('[data-testid=code-page]').first();
}

for (const [what, file, bytes, people, encoding, label] of [
  ['Polish Windows-1250', 'lejki.csv', encode(POLISH.csv, CP1250), POLES, 'windows-1250', /Central European \(Windows-1250\)/],
  ['Chinese GB18030', '商机.csv', encode(CHINESE.csv, GB18030), CHINESE_PEOPLE, 'gb18030', /Chinese Simplified \(GB18030\/GBK\)/],
]) {
  test(`a ${what} export shows its people's names intact and names its code page`, async () => {
    await upload(page, { name: file, mimeType: 'text/csv', buffer: bytes });
    assert.equal(await page.getAttribute('.app', 'data-state'), 'ready');
    const revenue = (what.startsWith('Polish') ? POLISH : CHINESE).revenue;
    assert.ok(Math.abs(Number((await headlineValues(page)).revenue.value) - revenue) < 1e-6, 'revenue');
    assert.deepEqual((await owners()).sort(), [...people].sort());
    const line = await report();
    assert.equal(await line.getAttribute('data-encoding'), encoding);
    assert.equal(await line.getAttribute('data-confidence'), 'high', await line.textContent());
    assert.match(await line.textContent(), label);
    await page.screenshot({ path: join(ARTIFACTS, `codepage-${encoding}.png`), fullPage: true });
  });
}

test('picking another code page in the report reads the file again with it', async () => {
  await upload(page, { name: 'lejki.csv', mimeType: 'text/csv', buffer: encode(POLISH.csv, CP1250) });
  await (await report()).locator('[data-testid=code-page-picker]').selectOption('windows-1252');
  await page.waitForFunction(() => document.querySelector('[data-testid=code-page]')?.getAttribute('data-encoding') === 'windows-1252');
  assert.match(await page.textContent('[data-testid=code-page]'), /as you chose/);
  // Read as Windows-1252, the Polish letters are others: the close-date header is no longer
  // recognised.
  assert.equal(await page.locator('[data-testid=report-columns] tr[data-column="Data zamkniêcia"]').count(), 1);
  await page.screenshot({ path: join(ARTIFACTS, 'codepage-picked-1252.png'), fullPage: true });
  await (await report()).locator('[data-testid=code-page-picker]').selectOption('windows-1250');
  await page.waitForFunction(() => document.querySelector('[data-testid=code-page]')?.getAttribute('data-encoding') === 'windows-1250');
  assert.equal(await page.locator('[data-testid=report-columns] tr[data-column="Data zamknięcia"]').count(), 1);
  assert.deepEqual((await owners()).sort(), [...POLES].sort());
  assert.deepEqual(log.errors, []);
});
