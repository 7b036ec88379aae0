// The app in German, Polish and Chinese, as a person whose browser speaks the language meets it:
// Chromium launched with --lang and the context's locale set shows every page in that language
// (no English UI word left: the words of the English pages, less the demo data's own words, the
// machine names formulas quote, an allow-list of words that are the same in every language and
// each language's own words spelled like English ones), the revenue tile formatted as
// `Intl.NumberFormat` formats its `data-value`, the period in local dates, no serious axe-core
// violation; the language travels in a share link to a fresh English browser; a German CSV
// export reads back in columns with `;`. Screenshots of each language's executive and Pipeline
// change pages (the demo carries an earlier export, so the change page is full) are saved in
// tests/e2e/artifacts/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { ARTIFACTS, ROOT, serveDist, watch } from './harness.mjs';

// Each language's own words that are spelled like English ones (German "also" is "so", Polish
// "do" is "to"), and the loanwords its sales people use as they are (German "Meeting" and
// "Customer Lifetime Value", Polish "churn" and "sales ops"): they are no English left behind.
const LANGS = [
  { code: 'de', tag: 'de-DE', own: ['also', 'so', 'will', 'fast', 'negative', 'trend', 'touchpoints', 'meeting', 'customer', 'lifetime', 'value', 'revops', 'still', 'plus', 'falls', 'crms'] },
  { code: 'pl', tag: 'pl-PL', own: ['go', 'do', 'to', 'by', 'on', 'we', 'plan', 'problem', 'segment', 'trend', 'zero', 'same', 'churn', 'ops', 'revops', 'plus', 'best', 'case'] },
  { code: 'zh', tag: 'zh-CN', own: ['revops'] },
];
const PAGES = ['executive', 'manager', 'rep', 'pipeline', 'change', 'leads', 'customers', 'custom', 'all'];
const AXE = join(ROOT, 'node_modules/axe-core/axe.min.js');

// Words that read the same in every language (brand and format names, abbreviations sales
// people keep, loanwords German and Polish use): the same list as src/i18n/mod.rs keeps.
// The allow-lists are matched in lower case (`In` at the start of a sentence is `in`).
const SAME = new Set(readFileSync(join(ROOT, 'src/i18n/mod.rs'), 'utf8')
  .split('pub const SAME_IN_EVERY_LANGUAGE')[1].split('];')[0].match(/"([^"]+)"/g).map((w) => w.slice(1, -1).toLowerCase()));

let server;
const log = { requests: [], errors: [] };
const browsers = [];

before(async () => {
  server = await serveDist();
});

after(async () => {
  for (const b of browsers) await b.close();
  await server?.close();
});

/** A browser whose language is `tag`, with the page open at `hash`, once the app is ready. */
async function openIn(tag, hash = '', url = null, contextOptions = {}) {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', `--lang=${tag}`],
  });
  browsers.push(browser);
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: tag, acceptDownloads: true, ...contextOptions });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  watch(context, log);
  const page = await context.newPage();
  await page.goto(url ?? server.origin + '/' + hash);
  await page.waitForSelector('.app[data-state=ready]');
  return page;
}

async function visit(page, slug) {
  await page.click(`nav.pages a[data-page=${slug}]`);
  await page.waitForSelector(`.page[data-page=${slug}]`);
  await page.waitForFunction(() => document.querySelector('.app')?.getAttribute('data-state') === 'ready');
}

const WORD = /\p{L}[\p{L}'’-]*\p{L}/gu;

/** A text's words, less the machine names the formulas quote, which read the same in
 * every language: column names (`first_contact_at`, `entered_<stage>`, and `mrr` as written),
 * functions (`max(`, Excel's `PERCENTILE.INC`) and single keywords a rule matches, in quotation
 * marks (“renew”, „termin“). */
function wordsOf(text, columns) {
  const plain = text
    .replace(/[\p{L}\d]+(?:_(?:[\p{L}\d]+|<[\p{L}\d]+>))+/gu, ' ')
    .replace(/\p{L}+\(/gu, ' ')
    .replace(/\b[A-Z]+\.[A-Z]+\b/g, ' ')
    .replace(/[“„"‘«]([^\s“”„"‘’«»]+)[”“"’»]/gu, ' ');
  // A column name counts as one as written, in lower case (`Σ mrr`); a capitalised `Owner` is a word.
  return new Set((plain.match(WORD) ?? []).filter((w) => !columns.has(w)));
}

// The columns a file maps to (engine/src/ingest/mapping.rs for deals, datasets.rs for the
// others) and the datasets' ids (`spend`): formulas name them as they are.
const COLUMNS = new Set(['mapping.rs', 'datasets.rs'].flatMap((f) => [...readFileSync(join(ROOT, 'engine/src/ingest', f), 'utf8')
  .matchAll(/(?:req|opt|field)\(\s*"([a-z_]+)"|DatasetKind::\w+ => "([a-z_]+)"/g)].map((m) => m[1] ?? m[2])));

/** Every word a reader meets in the app: its visible text with every disclosure open, and the
 * accessible names and tooltips of its elements; and, apart, the words of the data itself
 * (segments, filter values, table rows), which stay as the data has them. */
async function pageWords(page) {
  const { text, data } = await page.evaluate(() => {
    // Every disclosure open but the SQL boxes: SQL is code, its keywords are no UI words.
    for (const d of document.querySelectorAll('details')) d.open = !d.classList.contains('sql');
    const app = document.querySelector('.app');
    const attrs = [...app.querySelectorAll('[aria-label],[title],[placeholder]')]
      .flatMap((e) => ['aria-label', 'title', 'placeholder'].map((a) => e.getAttribute(a) ?? ''));
    // The language picker names each language in itself; SQL dialects are names.
    const options = [...app.querySelectorAll('option')].filter((o) => !o.closest('[data-testid=lang], .sql')).map((o) => o.textContent);
    const data = [...app.querySelectorAll('.seg, [data-filter] .options label, tbody th, tbody td, [data-testid=source]')].map((e) => e.textContent);
    const picker = app.querySelector('.lang-picker')?.innerText ?? '';
    return { text: [app.innerText.replace(picker, ''), ...attrs, ...options].join('\n'), data: data.join('\n') };
  });
  const words = wordsOf(text, COLUMNS);
  words.data = wordsOf(data, new Set());
  return words;
}

/** Words of the demo data itself (names, stages, products …): they stay as the data has them. */
async function dataWords(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=download-demo]')]);
  const csv = readFileSync(await download.path(), 'utf8');
  return wordsOf(csv, new Set());
}

let english = null;

/** Whether `w` is one of the English pages' words: as written, or, shown in capitals (a heading
 * with CSS text-transform), in any case. German nouns are capitalised, so `Problem` is no `problem`. */
function isEnglish(w, words) {
  if (words.has(w)) return true;
  if (w.length < 2 || w !== w.toUpperCase()) return false;
  words.lower ??= new Set([...words].map((e) => e.toLowerCase()));
  return words.lower.has(w.toLowerCase());
}

/** The English UI's words on every page, less the data's words and the allow-list. */
async function englishWords() {
  if (english) return english;
  const page = await openIn('en-US');
  const data = await dataWords(page);
  const words = new Set();
  for (const slug of PAGES) {
    await visit(page, slug);
    const shown = await pageWords(page);
    for (const w of shown.data) data.add(w);
    for (const w of shown) words.add(w);
  }
  for (const w of [...words]) if (!/[a-z]/i.test(w) || data.has(w) || SAME.has(w.toLowerCase())) words.delete(w);
  english = { words, data };
  return english;
}

for (const { code, tag, own } of LANGS) {
  test(`${tag}: every page speaks ${code}, numbers and dates the local way`, async () => {
    const { words, data } = await englishWords();
    const page = await openIn(tag);
    assert.equal(await page.getAttribute('html', 'lang'), code, '<html lang> follows the language');
    assert.equal(await page.inputValue('[data-testid=lang]'), code, 'the picker shows it');

    // The revenue tile as Intl.NumberFormat writes its data-value in this locale.
    const { text, value, intl } = await page.evaluate((tag) => {
      const el = document.querySelector('[data-tile=revenue] .tile-value');
      const v = Number(el.dataset.value);
      const intl = new Intl.NumberFormat(tag, Math.abs(v) >= 1000 ? { maximumFractionDigits: 0 } : { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(v);
      return { text: el.textContent.trim(), value: el.dataset.value, intl };
    }, tag);
    assert.ok(Number(value) > 0, 'data-value stays a plain number');
    assert.equal(text, intl, `revenue ${value} in ${tag}`);

    // The period in local dates.
    const period = await page.evaluate((tag) => {
      const s = document.querySelector('[data-testid=period] strong');
      const day = (iso) => new Date(`${iso}T00:00:00`);
      const opts = tag.startsWith('zh') ? { year: 'numeric', month: 'long', day: 'numeric' } : { year: 'numeric', month: '2-digit', day: '2-digit' };
      const f = new Intl.DateTimeFormat(tag, opts);
      return { text: s.textContent, want: `${f.format(day(s.dataset.from))} – ${f.format(day(s.dataset.to))}` };
    }, tag);
    assert.equal(period.text, period.want, 'the period in local dates');

    await page.screenshot({ path: join(ARTIFACTS, `lang-${code}-executive.png`), fullPage: false });
    const left = {};
    for (const slug of PAGES) {
      await visit(page, slug);
      const shown = await pageWords(page);
      if (slug === 'change') await page.screenshot({ path: join(ARTIFACTS, `lang-${code}-change.png`), fullPage: true });
      const english = [...shown].filter((w) => isEnglish(w, words) && !data.has(w) && !SAME.has(w.toLowerCase()) && !own.includes(w.toLowerCase()));
      if (english.length) left[slug] = english.sort();
      if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(readFileSync(AXE, 'utf8'));
      const bad = await page.evaluate(async () => {
        const r = await window.axe.run(document, { resultTypes: ['violations'] });
        return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ id: v.id, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
      });
      assert.deepEqual(bad, [], `${tag} ${slug}: axe-core violations`);
    }
    writeFileSync(join(ARTIFACTS, `lang-${code}-english-left.json`), JSON.stringify(left, null, 1));
    assert.deepEqual(left, {}, `${tag}: English UI words left on the pages`);
  });
}

test('the language travels in a share link to a fresh English browser', async () => {
  const page = await openIn('pl-PL', '#/pipeline');
  await page.click('[data-testid=share]');
  const url = await page.inputValue('[data-testid=share-url]');
  const other = await openIn('en-US', '', url);
  assert.equal(await other.getAttribute('html', 'lang'), 'pl');
  assert.equal(await other.textContent('nav.pages a[data-page=pipeline]'), await page.textContent('nav.pages a[data-page=pipeline]'));
  // Switching in the picker changes the words at once and keeps the figures.
  const before = await other.getAttribute('[data-tile=pipeline_value] .tile-value', 'data-value');
  await other.selectOption('[data-testid=lang]', 'en');
  await other.waitForFunction(() => document.documentElement.lang === 'en');
  assert.equal(await other.textContent('nav.pages a[data-page=pipeline]'), 'Pipeline & funnel');
  assert.equal(await other.getAttribute('[data-tile=pipeline_value] .tile-value', 'data-value'), before);
});

test('a German CSV export opens in columns: ";" between fields, decimal commas, a BOM', async () => {
  const page = await openIn('de-DE', '#/pipeline');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.click('[data-chart=product-revenue] [data-testid=export-csv]'),
  ]);
  const bytes = readFileSync(await download.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
  const lines = bytes.toString('utf8').slice(1).trim().split('\n');
  const rows = lines.map((l) => l.split(';'));
  assert.deepEqual(rows[0], ['Produkt', 'Gewonnener Umsatz']);
  assert.ok(rows.length > 2);
  for (const r of rows.slice(1)) {
    assert.equal(r.length, 2, `two columns: ${r}`);
    assert.ok(!r[1].includes('.'), `a decimal comma, no point: ${r[1]}`);
    assert.ok(Number.isFinite(Number(r[1].replace(',', '.'))), `a number: ${r[1]}`);
  }
});

test('a file\'s problems in German: rejected rows and unreadable cells, each reason in German', async () => {
  const page = await openIn('de-DE', '#/executive');
  const csv = [
    'deal_id,amount,stage,created_date,close_date,owner',
    'D1,1000,Closed Won,2024-01-02,2024-02-01,Anna',
    'D2,2000,Closed Won,2024-01-03,kein Datum,Ben',
    'D3,3000,Closed Won,2024-01-04',
    'D1,500,Closed Lost,2024-01-05,2024-02-03,Anna',
  ].join('\n');
  await page.setInputFiles('[data-testid=file-input]', { name: 'fehler.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.waitForFunction(() => document.querySelector('[data-testid=source]')?.textContent.includes('fehler.csv'));
  const rejected = await page.$$eval('[data-testid=rejected-rows] tbody tr', (rows) => rows.map((r) => r.cells[2].textContent));
  assert.deepEqual(rejected, [
    'hat 4 Felder, die Kopfzeile aber 6',
    'doppelte deal_id „D1“ (zuerst in Zeile 2); die erste wurde behalten',
  ]);
  const expected = await page.$$eval('[data-testid=cell-issues] tbody tr', (rows) => rows.map((r) => r.cells[3].textContent));
  assert.equal(expected.length, 1);
  assert.match(expected[0], /^ein Datum \(/);
  // The download says the same, in German.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=download-problems]')]);
  const lines = readFileSync(await download.path(), 'utf8').trim().split('\n');
  assert.equal(lines[0], 'Problem,Zeile,Spalte,Spaltenkopf,Wert,Grund');
  assert.deepEqual(lines.slice(1, 3), [
    'abgelehnte Zeile,4,,,,"hat 4 Felder, die Kopfzeile aber 6"',
    'abgelehnte Zeile,5,1,,,doppelte deal_id „D1“ (zuerst in Zeile 2); die erste wurde behalten',
  ]);
  assert.match(lines[3], /^unlesbare Zelle \(Zeile behalten\),3,5,close_date,kein Datum,"erwartet: ein Datum \(/);
  // The German KPI texts came from the site's own lang/ folder.
  assert.ok(log.requests.some((r) => r.url.endsWith('/lang/kpi-de.json')), 'kpi-de.json fetched');
  assert.equal(await page.textContent('[data-tile=revenue] .tile-name'), 'Umsatz');
});

test('a file it cannot use is explained in Polish, and the same deals loaded again are still known', async () => {
  const page = await openIn('pl-PL', '#/executive');
  const drop = async (name, text) => {
    await page.setInputFiles('[data-testid=file-input]', { name, mimeType: 'text/csv', buffer: Buffer.from(text) });
    await page.waitForFunction(() => ['ready', 'error'].includes(document.querySelector('.app')?.getAttribute('data-state')));
  };
  const problem = async () => {
    const text = await page.textContent('[data-testid=error]');
    await page.click('[data-testid=error] button');
    await page.waitForSelector('.app[data-state=ready]');
    return text;
  };
  // Its start cannot be used (worked out on the page) ...
  await drop('pusty.csv', '');
  assert.match(await problem(), /Plik pusty\.csv jest pusty\. Wyeksportuj dane z CRM ponownie/);
  // ... or it ends inside a character: a UTF-16 export cut short by one byte.
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('deal_id,amount\nD1,10\nD2,20\n', 'utf16le')]);
  await drop('ucięty.csv', utf16.subarray(0, utf16.length - 1));
  assert.match(await problem(), /Plik ucięty\.csv kończy się w połowie znaku: został ucięty \(to tekst UTF-16LE\)/);
  // ... or none of its rows (worked out by the parse worker).
  await drop('bez-id.csv', 'deal_id,amount,stage,created_date\n,100,Closed Won,2024-01-02\n,200,Closed Lost,2024-01-03\n');
  assert.match(await problem(), /bez-id\.csv: nie udało się użyć żadnego z wierszy \(łącznie 2; pierwszy problem w wierszu 2: brak deal_id/);
  // Every row repeats a loaded deal: read as the earlier export, whatever the language.
  const deals = 'deal_id,amount,stage,created_date,close_date,owner\nP1,100,Closed Won,2024-01-02,2024-02-01,Ala\nP2,200,Closed Lost,2024-01-03,2024-02-03,Ola\n';
  await drop('teraz.csv', deals);
  await page.selectOption('[data-testid=append-mode]', 'append');
  await drop('wczesniej.csv', deals);
  await page.waitForSelector('[data-dataset=earlier_deals][data-rows="2"]');
  assert.match(await page.textContent('[data-testid=notice]'), /wczesniej\.csv jako earlier_deals/);
  await page.close();
});

test('without its KPI texts file the page still switches: the KPI names stay English, nothing breaks', async () => {
  // No service worker: it would answer from the copy it keeps for offline use.
  const page = await openIn('en-US', '#/executive', null, { serviceWorkers: 'block' });
  const errorsBefore = log.errors.length;
  await page.route('**/lang/kpi-pl.json', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.selectOption('[data-testid=lang]', 'pl');
  await page.waitForFunction(() => document.documentElement.lang === 'pl');
  assert.equal(await page.getAttribute('.app', 'data-state'), 'ready');
  assert.equal(await page.textContent('[data-tile=revenue] .tile-name'), 'Revenue');
  // The refused file is the only error this test caused (the browser logs the 404).
  const caused = log.errors.splice(errorsBefore);
  assert.ok(caused.every((e) => /404/.test(e)), caused.join('\n'));
});

test('no page error, and no request but the page\'s own files', () => {
  assert.deepEqual(log.errors, []);
  const foreign = log.requests.filter((r) => !r.url.startsWith(server.origin) && !r.url.startsWith('data:') && !r.url.startsWith('blob:'));
  assert.deepEqual(foreign, []);
});
