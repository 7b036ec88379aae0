// Files the browser tests upload, made by the project: CSV exports shaped like three public
// CRM exports (the headers and the layout of the Maven CRM pipeline, the RavenStack
// subscriptions and a synthetic CRM's leads) with rows drawn from a fixed seed, written once
// per run into tests/e2e/artifacts/fixtures/. They carry the behaviours the tests look at (open
// deals without an amount, a stage per open deal, leads up to July 2025, subscriptions mostly
// still running), so the tests need nothing beside the repository.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Beside the screenshots (tests/e2e/artifacts, ignored by git); no import of the harness, so
// the files can be written without a browser: node -e "import('./tests/e2e/fixtures.mjs')..."
const DIR = join(dirname(fileURLToPath(import.meta.url)), 'artifacts', 'fixtures');

/** A small deterministic generator (mulberry32), so every run writes the same bytes. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (rnd, list) => list[Math.floor(rnd() * list.length)];
const day = (d) => d.toISOString().slice(0, 10);
const addDays = (iso, n) => day(new Date(Date.parse(iso) + n * 86400000));

/** Deals in the Maven CRM layout: won deals with a value, lost ones with 0, open ones
 * (Prospecting without an engage date, Engaging) with neither close date nor value. */
export function pipelineCsv(deals = 600) {
  const rnd = random(17);
  const agents = ['Ann Lee', 'Bo Chen', 'Cid Diaz', 'Dee Eve', 'Fay Gill', 'Gus Hay'];
  const products = [['GTX Basic', 550], ['GTX Pro', 4800], ['MG Special', 55], ['GTK 500', 26000]];
  const accounts = ['Acme', 'Initech', 'Umbrella', 'Globex', 'Hooli', 'Vandelay', 'Stark', 'Wayne'];
  const lines = ['opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value'];
  for (let i = 0; i < deals; i++) {
    const [product, price] = pick(rnd, products);
    const r = rnd();
    const stage = r < 0.48 ? 'Won' : r < 0.76 ? 'Lost' : r < 0.94 ? 'Engaging' : 'Prospecting';
    const engage = stage === 'Prospecting' ? '' : addDays('2016-10-20', Math.floor(rnd() * 420));
    const closed = stage === 'Won' || stage === 'Lost';
    const close = closed ? addDays(engage, 1 + Math.floor(rnd() * 130)) : '';
    const value = stage === 'Won' ? String(Math.round(price * (0.9 + rnd() * 0.2))) : stage === 'Lost' ? '0' : '';
    const account = stage === 'Prospecting' && rnd() < 0.5 ? '' : pick(rnd, accounts);
    const id = `O${String(i + 1).padStart(5, '0')}`;
    lines.push([id, pick(rnd, agents), product, account, stage, engage, close, value].join(','));
  }
  return lines.join('\n') + '\n';
}

/** 200 leads in the synthetic CRM's layout, created from August 2024 to July 2025. */
export function leadsCsv() {
  const rnd = random(29);
  const sources = ['Email Campaign', 'Referral', 'Event', 'Website', 'Cold Call'];
  const statuses = ['New', 'Working', 'Qualified', 'Lost'];
  const notes = ['Asked for a call back.', 'Met at the fair, wants a demo.', 'Price list sent.', 'No budget "this year".'];
  const lines = ['LeadID,ContactID,LeadSource,LeadStatus,CreatedDate,Notes'];
  for (let i = 0; i < 200; i++) {
    // The last lead is created on 28 July 2025, the latest date of the file.
    const created = i === 199 ? '2025-07-28' : addDays('2024-08-01', Math.floor(rnd() * 360));
    const note = pick(rnd, notes);
    const quoted = /[,"]/.test(note) ? `"${note.replaceAll('"', '""')}"` : note;
    lines.push([`L${String(i + 1).padStart(4, '0')}`, `C${String(1 + Math.floor(rnd() * 99)).padStart(3, '0')}`,
      pick(rnd, sources), pick(rnd, statuses), created, quoted].join(','));
  }
  return lines.join('\n') + '\n';
}

/** 5,000 subscriptions in the RavenStack layout, started in 2023 and 2024; 486 have ended
 * (by the end of 2024), so 4,514 end dates are empty. */
export function subscriptionsCsv() {
  const rnd = random(43);
  const tiers = [['Basic', 19], ['Pro', 49], ['Enterprise', 199]];
  const flag = (p) => (rnd() < p ? 'True' : 'False');
  const lines = ['subscription_id,account_id,start_date,end_date,plan_tier,seats,mrr_amount,arr_amount,is_trial,upgrade_flag,downgrade_flag,churn_flag,billing_frequency,auto_renew_flag'];
  for (let i = 0; i < 5000; i++) {
    const start = addDays('2023-01-12', Math.floor(rnd() * 700));
    const ended = i % 10 === 3 && i < 4860;
    const end = ended ? addDays(start, 1 + Math.floor(rnd() * Math.max(1, (Date.parse('2024-12-31') - Date.parse(start)) / 86400000 - 1))) : '';
    const [tier, price] = pick(rnd, tiers);
    const seats = 1 + Math.floor(rnd() * 30);
    const mrr = seats * price;
    lines.push([`S-${(i + 1).toString(16).padStart(6, '0')}`, `A-${(1 + Math.floor(rnd() * 500)).toString(16).padStart(6, '0')}`,
      start, end, tier, seats, mrr, mrr * 12, flag(0.1), flag(0.1), flag(0.05), ended ? 'True' : 'False',
      rnd() < 0.7 ? 'monthly' : 'annual', flag(0.8)].join(','));
  }
  return lines.join('\n') + '\n';
}

/** Writes the three files (under the names of the exports they are shaped like) and returns
 * their paths: { pipeline, leads, subscriptions }. */
export function projectFixtures() {
  mkdirSync(DIR, { recursive: true });
  const files = {
    pipeline: ['sales_pipeline.csv', pipelineCsv()],
    leads: ['Leads.csv', leadsCsv()],
    subscriptions: ['ravenstack_subscriptions.csv', subscriptionsCsv()],
  };
  const out = {};
  for (const [key, [name, text]] of Object.entries(files)) {
    out[key] = join(DIR, name);
    writeFileSync(out[key], text);
  }
  return out;
}
