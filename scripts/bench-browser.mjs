#!/usr/bin/env node
// Browser benchmark: a generated deals file picked on the executive page (#/executive) of the
// built app in headless Chromium, against the native engine on the very same bytes.
//
//   node scripts/bench-browser.mjs [--rows 10000,100000,1000000] [--runs 3] [--changes 6]
//                                  [--dist DIR] [--out DIR] [--json FILE] [--profile] [--profile-workers]
//                                  [--trace] [--file CSV]
//
// Builds nothing: it needs dist/ (`trunk build --release`, or a copy of another checkout's
// dist/) and the native bench (`cargo build --release -p pipelens_engine --bin pipelens-bench`,
// looked up in $CARGO_TARGET_DIR or target/). Not part of the test command: it prints figures
// beside the targets of the "million rows" issue and never fails on time.
//
// For each size it writes DIR/deals-<rows>.csv with `pipelens-bench --write-csv`; for each run
// it times the native engine on it (`pipelens-bench --file --json`: read, preview, decode,
// parse, finish, dashboard, executive charts, sparklines), then launches a fresh Chromium,
// opens #/executive, waits for the demo, and uploads the file with setInputFiles, the way a
// user's pick reaches the page. Measured in the page:
// - load: from the file input's `input`/`change` event to the first animation frame in which
//   `.app[data-state=ready]`, the source line names the file, every executive tile has been
//   rebuilt with its `data-kpi`/`data-value`, every chart (`[data-chart]`) has a drawn canvas
//   (its width set by the draw effect) or its empty-state text, and every sparkline is drawn;
//   "tiles+charts" is the same without the sparklines (they are computed one per task after
//   the page has drawn);
// - the longest main-thread task between pick and drawn (PerformanceObserver `longtask`,
//   installed with addInitScript before the app starts), and the progress bar: every change
//   of its text or value is logged with a MutationObserver, giving the longest time the bar
//   stood still while loading and the time from the bar's last move to the page drawn;
// - filter / period changes after the load: an owner checkbox toggled (on, off, another on, ...)
//   and the period preset switched (last quarter, last 12 months, ...), each from the event to
//   the frame in which every tile and chart has been rebuilt and drawn (sparklines separately);
// - memory: the Chromium renderer processes are found under the browser launched here
//   (descendants with `--type=renderer` in /proc/<pid>/cmdline); the tab's is the one with the
//   largest peak. Its VmHWM (the kernel's peak resident set, so no load-time spike is missed
//   between samples) is read after the load; VmRSS is also sampled every 50 ms. Linux only.
//   The wasm linear memory (never shrinks) is read through Trunk's TrunkApplicationStarted.
//   The renderer's minor page faults (/proc/<pid>/stat) from the pick to the page drawn say how
//   much memory the load touched for the first time (page and workers: threads of the renderer).
// - payload: gzip -9 of dist's .wasm and .js.
//
// --profile records a V8 CPU profile of one load per size (CDP Profiler), and another of its
// filter and period changes, and prints the
// functions with the most self time. The shipped wasm has no names (wasm-function[N]); for
// Rust names point --dist at a build that keeps them (below).
// --profile-workers records the parse workers' too (each worker's own CDP session,
// through Target.setAutoAttach), from the pick to the page drawn: the page ends a worker as soon
// as its message is in, so in that run `Worker.prototype.terminate` is held back until the
// profiles are taken (the workers' memory then goes a little later than it would).
// A build whose wasm keeps its function names: add `data-keep-debug` and `-g` to the
// `data-wasm-opt-params` of index.html's two rust links (the page's and parse_worker's), and
// build with CARGO_PROFILE_WEB_STRIP=none CARGO_PROFILE_RELEASE_STRIP=none in a
// CARGO_TARGET_DIR of its own.
// --file PATH (repeatable) measures that CSV instead of the generated ones.
// --settle MS waits MS after the first page is drawn before the pick, with no drag: the peer
// benchmark picks its file a second after the page is idle (`--settle 1000`), about when the
// page readies its workers on its own.
// --trace writes Chromium traces of one load per size and of its changes to the out dir (open
// in Perfetto).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import { ARTIFACTS, DIST, ROOT, launch, serveDist } from '../tests/e2e/harness.mjs';

const TARGETS = { ratio: 2, memory: 2.5, longTask: 200, change: 50, payloadKB: 800 };

function parseArgs(argv) {
  const o = { rows: [10_000, 100_000, 1_000_000], runs: 3, changes: 6, dist: DIST, out: join(ARTIFACTS, 'bench'), json: null, profile: false, trace: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => argv[++i];
    if (a === '--rows') o.rows = next().split(',').map((s) => Number(s.replace(/_/g, '').replace(/k$/i, '000').replace(/m$/i, '000000')));
    else if (a === '--runs') o.runs = Math.max(1, Number(next()));
    else if (a === '--changes') o.changes = Math.max(0, Number(next()));
    else if (a === '--dist') o.dist = resolve(next());
    else if (a === '--out') o.out = resolve(next());
    else if (a === '--json') o.json = resolve(next());
    else if (a === '--profile') o.profile = true;
    else if (a === '--profile-workers') o.profileWorkers = true;
    else if (a === '--trace') o.trace = true;
    else if (a === '--warm') o.warm = true;
    else if (a === '--settle') o.settle = Math.max(0, Number(next()));
    else if (a === '--file') (o.files ??= []).push(resolve(next()));
    else if (a === '-h' || a === '--help') {
      console.log(readFileSync(new URL(import.meta.url), 'utf8').split('\nimport ')[0]);
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  if (o.rows.some((r) => !Number.isFinite(r) || r <= 0)) throw new Error('--rows takes sizes such as 10000,100000,1000000');
  return o;
}

const median = (xs) => {
  const v = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return v.length ? v[Math.floor(v.length / 2)] : NaN;
};

// ---------------------------------------------------------------------------------------------
// The page side: installed before the app's own script runs.

function pageProbe() {
  const B = (window.__bench = { longTasks: [], progress: [], t0: null, wasm: null });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) B.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  addEventListener('TrunkApplicationStarted', (e) => (B.wasm = e.detail?.wasm ?? null));
  // The moment the pick reaches the page: the capture phase runs before the app's handler.
  const picked = (e) => {
    if (B.t0 === null && e.target?.matches?.('[data-testid=file-input]')) B.t0 = performance.now();
  };
  document.addEventListener('input', picked, true);
  document.addEventListener('change', picked, true);
  // Every change of the progress bar, as [time, value, text].
  let last = '';
  const note = () => {
    const p = document.querySelector('[data-testid=progress]');
    const key = p ? `${p.querySelector('progress')?.value ?? ''}|${p.textContent}` : '';
    if (key !== last) {
      last = key;
      B.progress.push([performance.now(), p ? Number(p.querySelector('progress')?.value ?? NaN) : null, p ? p.textContent.trim() : '']);
    }
  };
  new MutationObserver(note).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });

  // The executive page's tiles and charts as they are now; later "rebuilt" means new nodes.
  B.snapshot = () => {
    const old = new WeakSet();
    for (const el of document.querySelectorAll('[data-tile], [data-chart]')) old.add(el);
    return {
      old,
      tiles: [...document.querySelectorAll('[data-tile]')].map((e) => e.getAttribute('data-tile')),
      charts: [...document.querySelectorAll('figure[data-chart], [data-chart]:not(figure *)')].map((e) => e.getAttribute('data-chart')),
    };
  };
  // Whether the page shows `snap`'s tiles and charts rebuilt and drawn: [tiles+charts, with sparklines].
  B.drawn = (snap, fileName) => {
    const app = document.querySelector('.app');
    if (app?.getAttribute('data-state') !== 'ready') return [false, false];
    if (fileName && !document.querySelector('[data-testid=source]')?.textContent.includes(fileName)) return [false, false];
    // A tile whose datasets the new file lacks is gone (its KPI is named in the page's
    // missing-data lines instead); every tile still shown must be a rebuilt one, with its value.
    let rebuilt = 0;
    for (const id of snap.tiles) {
      const tile = document.querySelector(`[data-tile="${id}"]`);
      if (!tile) continue;
      if (snap.old.has(tile) || !tile.querySelector(`[data-kpi="${id}"][data-value]`)) return [false, false];
      rebuilt += 1;
    }
    if (snap.tiles.length && !rebuilt) return [false, false];
    for (const key of snap.charts) {
      const fig = document.querySelector(`[data-chart="${key}"]`);
      if (!fig) continue;
      if (snap.old.has(fig)) return [false, false];
      const canvas = fig.matches('canvas') ? fig : fig.querySelector('canvas');
      const painted = canvas ? canvas.hasAttribute('width') : !!fig.querySelector('[data-testid=chart-empty]');
      if (!painted) return [false, false];
    }
    // A sparkline placeholder is a bare div; the drawn one an svg (or nothing, for no trend).
    return [true, !document.querySelector('[data-tile] div.sparkline')];
  };
  // Resolves once drawn: { ready, full } in ms since `t0()` (called at each frame until known).
  B.waitDrawn = (snap, fileName, t0, timeoutMs) =>
    new Promise((done) => {
      let ready = null;
      const started = performance.now();
      const frame = () => {
        const now = performance.now();
        const [tilesCharts, full] = B.drawn(snap, fileName);
        const base = t0();
        if (tilesCharts && ready === null && base !== null) ready = now - base;
        if (full && base !== null) return done({ ready, full: now - base, t0: base, end: now });
        if (now - started > timeoutMs) return done({ ready, full: null, t0: base, end: now, timedOut: true });
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
  // Arms the measurement of a file load; the returned promise settles when it is drawn.
  B.armLoad = (fileName, timeoutMs) => {
    const snap = B.snapshot();
    B.t0 = null;
    B.longTasks.length = 0;
    B.progress.length = 0;
    B.loadDone = B.waitDrawn(snap, fileName, () => B.t0, timeoutMs);
    return { tiles: snap.tiles.length, charts: snap.charts.length };
  };
  // One filter or period change, timed from the event to the page rebuilt and drawn.
  B.change = async (kind, step) => {
    const snap = B.snapshot();
    let what;
    const t0 = performance.now();
    const before = B.longTasks.length;
    if (kind === 'owner') {
      const boxes = [...document.querySelectorAll('details[data-filter=owner] input[type=checkbox]')];
      if (!boxes.length) return { kind, skipped: 'no owner filter' };
      // on A, off A, on B, off B, ...: every other change narrows, the others widen again.
      const box = boxes[Math.floor(step / 2) % boxes.length];
      what = `${box.checked ? 'off' : 'on'} ${box.dataset.value}`;
      box.click();
    } else {
      const sel = document.querySelector('select[data-testid=period-preset]');
      if (!sel) return { kind, skipped: 'no period preset' };
      const keys = [...sel.options].filter((o) => !o.disabled).map((o) => o.value);
      const want = ['last-quarter', 'last-12-months', 'this-year', 'last-month'][step % 4];
      const value = keys.includes(want) ? want : keys[step % keys.length];
      what = value;
      sel.value = value;
      sel.dispatchEvent(new Event('change', { bubbles: true }));
    }
    const r = await B.waitDrawn(snap, null, () => t0, 30_000);
    // Long-task entries reach the observer a little after the task: let them arrive.
    await new Promise((ok) => setTimeout(ok, 100));
    const tasks = B.longTasks.slice(before).filter((t) => t.start + t.duration >= t0 && t.start <= r.end);
    return { kind, what, ready: r.ready, full: r.full, longest: Math.max(0, ...tasks.map((t) => t.duration)) };
  };
  B.memory = () => ({
    wasm: B.wasm?.memory?.buffer?.byteLength ?? null,
    jsHeap: performance.memory?.usedJSHeapSize ?? null,
  });
}

// ---------------------------------------------------------------------------------------------
// Processes: the renderers of the Chromium launched by this script.

/** A process's parent and its minor page faults (its threads', ended ones too, summed by the
 * kernel: each a 4 KiB page the process wrote or read for the first time). */
function procStat(pid) {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const after = s.slice(s.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(after[1]), minorFaults: Number(after[7]) };
  } catch {
    return null;
  }
}

function procStatusKB(pid, field) {
  try {
    const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

/** Pids of renderer processes descending from this node process (Chromium was launched by it). */
function rendererPids() {
  if (!existsSync('/proc/self')) return [];
  const parent = new Map();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    const st = procStat(d);
    if (st) parent.set(Number(d), st.ppid);
  }
  const descends = (pid) => {
    for (let p = parent.get(pid), hops = 0; p && hops < 10; p = parent.get(p), hops++) if (p === process.pid) return true;
    return false;
  };
  const out = [];
  for (const pid of parent.keys()) {
    if (!descends(pid)) continue;
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer')) out.push(pid);
    } catch {}
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// One load in a fresh browser.

/** CPU profiles of the page's parse workers. Attached before the page loads: every parse
 * worker it starts is known, and once `start` is called each is profiled from then on (a
 * worker started later, as soon as it attaches); `stop` returns the profiles. The page's
 * `Worker.prototype.terminate` is held back meanwhile (see `holdTerminate`). */
class WorkerProfiles {
  constructor(cdp) {
    this.cdp = cdp;
    this.workers = new Set(); // their DevTools sessions
    this.profiling = new Set();
    this.armed = false;
    this.pending = new Map();
    this.next = 0;
    cdp.on('Target.attachedToTarget', ({ sessionId, targetInfo }) => {
      if (targetInfo.type !== 'worker' || !/parse_worker/.test(targetInfo.url)) return;
      this.workers.add(sessionId);
      if (this.armed) this.profile(sessionId);
    });
    cdp.on('Target.detachedFromTarget', ({ sessionId }) => this.workers.delete(sessionId));
    cdp.on('Target.receivedMessageFromTarget', ({ message }) => {
      const m = JSON.parse(message);
      this.pending.get(m.id)?.(m);
      this.pending.delete(m.id);
    });
  }

  static async attach(cdp) {
    const profiles = new WorkerProfiles(cdp);
    await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
    return profiles;
  }

  send(sessionId, method, params = {}) {
    const id = ++this.next;
    const answer = new Promise((done) => this.pending.set(id, done));
    this.cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(() => this.pending.get(id)?.({ error: 'gone' }));
    return answer;
  }

  async profile(sessionId) {
    this.profiling.add(sessionId);
    await this.send(sessionId, 'Profiler.enable');
    await this.send(sessionId, 'Profiler.setSamplingInterval', { interval: 500 });
    await this.send(sessionId, 'Profiler.start');
  }

  async start() {
    this.armed = true;
    await Promise.all([...this.workers].map((s) => this.profile(s)));
  }

  async stop() {
    this.armed = false;
    const out = [];
    for (const s of this.profiling) {
      const answer = await this.send(s, 'Profiler.stop');
      if (answer.result?.profile) out.push(answer.result.profile);
    }
    this.profiling.clear();
    return out;
  }
}

/** Installed in the page after `pageProbe`: `terminate` is held back until
 * `window.__bench.releaseWorkers()`, so a worker's profile can be taken after its work. */
function holdTerminate() {
  const terminate = Worker.prototype.terminate;
  const held = [];
  Worker.prototype.terminate = function () {
    held.push(this);
  };
  window.__bench.releaseWorkers = () => held.splice(0).forEach((w) => terminate.call(w));
}

async function oneRun({ origin, file, fileName, changes, profile, profileWorkers, tracePath, warm, settle }) {
  const browser = await launch();
  const sampler = { peakRss: new Map(), peakAnon: new Map(), timer: null };
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addInitScript(pageProbe);
    let workerProfiles = null;
    if (profileWorkers) {
      await page.addInitScript(holdTerminate);
      workerProfiles = await WorkerProfiles.attach(await context.newCDPSession(page));
    }
    await page.goto(`${origin}/#/executive`);
    await page.waitForSelector('.app[data-state=ready]', { timeout: 60_000 });
    await page.waitForFunction(() => !document.querySelector('[data-tile] div.sparkline'), null, { timeout: 60_000 });
    const pids = rendererPids();
    const before = new Map(pids.map((p) => [p, procStatusKB(p, 'VmRSS')]));
    const anonBefore = new Map(pids.map((p) => [p, procStatusKB(p, 'RssAnon')]));
    const sample = () => {
      for (const p of pids) {
        const kb = procStatusKB(p, 'VmRSS');
        if (kb !== null) sampler.peakRss.set(p, Math.max(sampler.peakRss.get(p) ?? 0, kb));
        const anon = procStatusKB(p, 'RssAnon');
        if (anon !== null) sampler.peakAnon.set(p, Math.max(sampler.peakAnon.get(p) ?? 0, anon));
      }
    };
    sampler.timer = setInterval(sample, 50);
    if (warm) {
      // A file dragged over the page before it is dropped: the page starts its parse worker then.
      await page.evaluate(() => {
        const app = document.querySelector('.app');
        app.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true }));
        app.dispatchEvent(new DragEvent('dragleave', { bubbles: true }));
      });
      await page.waitForTimeout(1000);
    }
    if (settle) await page.waitForTimeout(settle);
    const memBefore = await page.evaluate(() => window.__bench.memory());
    const faults = () => new Map(pids.map((p) => [p, procStat(p)?.minorFaults ?? null]));
    const faultsBefore = faults();
    const layout = await page.evaluate(([n, t]) => window.__bench.armLoad(n, t), [fileName, 600_000]);
    let cdp = null;
    if (profile) {
      cdp = await context.newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
      await cdp.send('Profiler.start');
    }
    if (workerProfiles) await workerProfiles.start();
    if (tracePath) await browser.startTracing(page, { path: tracePath, screenshots: false });
    await page.setInputFiles('[data-testid=file-input]', file);
    const load = await page.evaluate(() => window.__bench.loadDone);
    if (tracePath) await browser.stopTracing();
    let cpuProfile = null;
    if (cdp) cpuProfile = (await cdp.send('Profiler.stop')).profile;
    const workerCpuProfiles = workerProfiles ? await workerProfiles.stop() : [];
    if (workerProfiles) await page.evaluate(() => window.__bench.releaseWorkers?.());
    sample();
    clearInterval(sampler.timer);
    const hwm = new Map(pids.map((p) => [p, procStatusKB(p, 'VmHWM')]));
    const faultsAfter = faults();
    // The tab's renderer: the one that peaked highest.
    const tab = pids.reduce((a, p) => ((hwm.get(p) ?? 0) > (hwm.get(a) ?? -1) ? p : a), pids[0]);
    await page.waitForTimeout(100); // the last long-task entries reach the observer late
    const inPage = await page.evaluate((r) => {
      const B = window.__bench;
      const t0 = r.t0, end = r.end;
      const tasks = B.longTasks.filter((t) => t.start + t.duration >= t0 && t.start <= end);
      const prog = B.progress.filter((p) => p[0] >= t0 && p[0] <= end);
      return { tasks, prog, memory: B.memory() };
    }, load);
    const changeResults = [];
    if (cdp) await cdp.send('Profiler.start');
    const changesTrace = tracePath?.replace(/\.json$/, '-changes.json');
    if (changesTrace) await browser.startTracing(page, { path: changesTrace, screenshots: false });
    for (let i = 0; i < changes; i++) {
      changeResults.push(await page.evaluate(([k, s]) => window.__bench.change(k, s), ['owner', i]));
      changeResults.push(await page.evaluate(([k, s]) => window.__bench.change(k, s), ['period', i]));
    }
    const changesProfile = cdp ? (await cdp.send('Profiler.stop')).profile : null;
    if (changesTrace) await browser.stopTracing();
    return {
      load,
      layout,
      tasks: inPage.tasks,
      progress: inPage.prog,
      memory: {
        renderers: pids.length,
        tabPid: tab,
        hwmKB: hwm.get(tab) ?? null,
        sampledPeakKB: sampler.peakRss.get(tab) ?? null,
        beforeKB: before.get(tab) ?? null,
        anonPeakKB: sampler.peakAnon.get(tab) ?? null,
        anonBeforeKB: anonBefore.get(tab) ?? null,
        // Pages the tab's renderer (page and workers) touched for the first time during the load.
        faults: (faultsAfter.get(tab) ?? NaN) - (faultsBefore.get(tab) ?? NaN),
        wasmBefore: memBefore.wasm,
        wasmAfter: inPage.memory.wasm,
        jsHeapAfter: inPage.memory.jsHeap,
      },
      changes: changeResults,
      cpuProfile,
      changesProfile,
      workerCpuProfiles,
      errors,
    };
  } finally {
    clearInterval(sampler.timer);
    await browser.close();
  }
}

/** Phases of a load read off the progress log: reading, analysing (parsing), after the bar. */
function phases(run) {
  const t0 = run.load.t0;
  const prog = run.progress.map(([t, v, text]) => ({ t: t - t0, v, text }));
  const firstParse = prog.find((p) => p.text.startsWith('Analysing'));
  const lastBar = [...prog].reverse().find((p) => p.text !== '');
  const barGone = prog.find((p) => p.text === '' && p.t > (lastBar?.t ?? 0));
  const moves = prog.filter((p) => p.text !== '');
  let maxGap = moves.length ? moves[0].t : NaN;
  for (let i = 1; i < moves.length; i++) maxGap = Math.max(maxGap, moves[i].t - moves[i - 1].t);
  return {
    reading: firstParse ? firstParse.t : NaN,
    parsing: firstParse && lastBar ? lastBar.t - firstParse.t : NaN,
    barGone: barGone ? barGone.t : NaN,
    afterBar: lastBar ? run.load.ready - lastBar.t : NaN,
    states: moves.length,
    maxStill: maxGap,
  };
}

/** A Rust symbol from a wasm name section, readable: `pipelens_engine::kpi::deals::closed_in`. */
function demangle(name) {
  let n = name.replace(/^\$/, '');
  const m = n.match(/^_ZN(.*)E$/);
  if (m) {
    const parts = [];
    let rest = m[1];
    while (rest.length) {
      const len = rest.match(/^\d+/);
      if (!len) break;
      rest = rest.slice(len[0].length);
      parts.push(rest.slice(0, Number(len[0])));
      rest = rest.slice(Number(len[0]));
    }
    if (/^h[0-9a-f]{16}$/.test(parts.at(-1) ?? '')) parts.pop();
    n = parts.join('::');
  }
  const escapes = { LT: '<', GT: '>', RF: '&', BP: '*', C: ',', u20: ' ', u27: "'", u5b: '[', u5d: ']', u7b: '{', u7d: '}', u3b: ';', u2b: '+', u22: '"' };
  return n
    .replace(/\$([A-Za-z0-9]+)\$/g, (all, e) => escapes[e] ?? all)
    .replace(/\.\./g, '::')
    .replace(/::h[0-9a-f]{16}$/, '')
    .replace(/\[[0-9a-f]{16}\]/g, '');
}

/** Where the work of a load goes, by sample. Engine work is named by the outermost engine
 * frame on the stack (DictColumn::intern inside the reader is parsing; the reader is never
 * inside a KPI); other work by the first frame from the leaf up that belongs to a part (memcpy
 * inside the app's file reading counts as reading). */
const ENGINE_PARTS = [
  ['parse (engine ingest, csv)', /pipelens_engine::ingest|^csv(_core)?::|encoding_rs/],
  ['KPIs, trends, views (engine)', /pipelens_engine::/],
];
const PARTS = [
  ['charts (plotters, drawing)', /plotters|pipelens::charts/],
  ['reading the file (wasm side)', /pipelens::io::file_input|pipelens::load::Load::bytes/],
  ['app: state, load, components', /^pipelens::/],
  ['Leptos, DOM bindings', /leptos|tachys|reactive_graph|web_sys|js_sys|wasm_bindgen|any_spawner/],
  ['allocator, memcpy', /dlmalloc|memcpy|memset|memmove|__rust_(alloc|dealloc|realloc)|__rdl_/],
];

function profileSummary(profile, n = 25) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const c of node.children ?? []) parent.set(c, node.id);
  const name = (node) => demangle(node.callFrame.functionName || '(anonymous)');
  const self = new Map();
  const parts = new Map();
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    total += dt;
    const leaf = byId.get(profile.samples[i]);
    const file = leaf.callFrame.url ? leaf.callFrame.url.split('/').pop() : '';
    const key = `${name(leaf)}${file && !file.endsWith('.wasm') ? ` (${file})` : ''}`;
    self.set(key, (self.get(key) ?? 0) + dt);
    let part = null;
    let engine = null;
    for (let id = leaf.id; id !== undefined; id = parent.get(id)) {
      const fn = name(byId.get(id));
      if (['(idle)', '(program)', '(garbage collector)'].includes(fn)) {
        part = fn;
        break;
      }
      engine = ENGINE_PARTS.find(([, re]) => re.test(fn))?.[0] ?? engine;
      part ??= PARTS.find(([, re]) => re.test(fn))?.[0] ?? null;
    }
    part = engine ?? part ?? (leaf.callFrame.url?.endsWith('.js') ? 'JS glue and browser APIs' : 'other');
    parts.set(part, (parts.get(part) ?? 0) + dt);
  }
  const sorted = (m) => [...m.entries()].sort((a, b) => b[1] - a[1]);
  return { total, parts: sorted(parts), top: sorted(self).slice(0, n) };
}

/** Self time per trace event name on the page's main thread between `from` and `to` (µs of
 * the trace clock are converted to ms): JS and wasm run inside FunctionCall / TimerFire / v8
 * events, the browser's own work is Layout, UpdateLayoutTree, Paint, GC, ... */
function traceSummary(path) {
  const events = JSON.parse(readFileSync(path, 'utf8')).traceEvents ?? [];
  const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  // The page's main thread: the renderer main thread with the most complete events.
  const count = new Map();
  for (const e of events) if (e.ph === 'X' && mains.has(`${e.pid}:${e.tid}`)) count.set(`${e.pid}:${e.tid}`, (count.get(`${e.pid}:${e.tid}`) ?? 0) + 1);
  const main = [...count.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const xs = events.filter((e) => e.ph === 'X' && `${e.pid}:${e.tid}` === main && e.dur !== undefined).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const self = new Map();
  const stack = [];
  let tasks = 0, busy = 0;
  const close = (until) => {
    while (stack.length && stack.at(-1).end <= until) {
      const done = stack.pop();
      self.set(done.name, (self.get(done.name) ?? 0) + done.self);
      if (stack.length) stack.at(-1).self -= done.dur;
    }
  };
  for (const e of xs) {
    close(e.ts);
    if (!stack.length) {
      tasks++;
      busy += e.dur;
    }
    stack.push({ name: e.name, end: e.ts + e.dur, dur: e.dur, self: e.dur });
  }
  close(Infinity);
  return { busy: busy / 1000, tasks, top: [...self.entries()].map(([n, t]) => [n, t / 1000]).sort((a, b) => b[1] - a[1]).slice(0, 15) };
}

// ---------------------------------------------------------------------------------------------

function nativeBench() {
  const dir = process.env.CARGO_TARGET_DIR ? resolve(process.env.CARGO_TARGET_DIR) : join(ROOT, 'target');
  const bin = join(dir, 'release', 'pipelens-bench');
  if (!existsSync(bin)) {
    throw new Error(`${bin} is missing: run cargo build --release -p pipelens_engine --bin pipelens-bench`);
  }
  return bin;
}

function payload(dist) {
  const files = readdirSync(dist).filter((f) => /\.(wasm|js)$/.test(f));
  const sizes = files.map((f) => {
    const buf = readFileSync(join(dist, f));
    return { file: f, raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
  });
  return { sizes, total: sizes.reduce((a, s) => a + s.gzip, 0) };
}

const fmt = (x, d = 0) => (Number.isFinite(x) ? x.toFixed(d) : '–');
const mark = (ok) => (ok === null ? ' ' : ok ? '✓' : '✗');

function table(rows) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
  return rows.map((r, i) => {
    const line = '| ' + r.map((cell, c) => String(cell).padEnd(widths[c])).join(' | ') + ' |';
    return i === 0 ? line + '\n|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|' : line;
  }).join('\n');
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  if (!existsSync(join(o.dist, 'index.html'))) {
    throw new Error(`${o.dist}/index.html is missing: build with trunk build --release (or copy a dist/ here)`);
  }
  const bin = nativeBench();
  mkdirSync(o.out, { recursive: true });
  const pay = payload(o.dist);
  const load = existsSync('/proc/loadavg') ? readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ') : 'unknown';
  console.log(`# pipelens browser benchmark: ${o.runs} run(s) per size, ${o.changes} owner + ${o.changes} period changes per run; load average ${load}`);
  const server = await serveDist({ dir: o.dist });
  const results = [];
  try {
    for (const item of o.files ?? o.rows) {
      const file = o.files ? item : execFileSync(bin, ['--write-csv', o.out, String(item)], { encoding: 'utf8' }).trim();
      const bytes = statSync(file).size;
      const fileName = file.split('/').pop();
      const tag = o.files ? fileName.replace(/\.csv$/i, '') : item;
      console.log(`# ${fileName}: ${(bytes / 1e6).toFixed(1)} MB`);
      const runs = [];
      for (let r = 0; r < o.runs; r++) {
        // The native engine on the same file just before each browser run, so each pair meets
        // the same load on a shared machine; the ratio is the median of the pairs' ratios.
        const nativeRun = JSON.parse(execFileSync(bin, ['--file', file, '--runs', '1', '--json'], { encoding: 'utf8', maxBuffer: 1 << 20 }));
        const tracePath = o.trace && r === 0 ? join(o.out, `trace-${tag}.json`) : null;
        const run = await oneRun({ origin: server.origin, file, fileName, changes: o.changes, profile: o.profile && r === 0, profileWorkers: o.profileWorkers && r === 0, tracePath, warm: o.warm, settle: o.settle });
        if (run.load.timedOut) console.log(`#   run ${r + 1}: timed out (${JSON.stringify(run.load)})`);
        console.log(`#   run ${r + 1}: native ${fmt(nativeRun.total_ms)} ms (parse ${fmt(nativeRun.parse_ms)})`);
        const ph = phases(run);
        console.log(
          `#   run ${r + 1}: drawn ${fmt(run.load.full)} ms (tiles+charts ${fmt(run.load.ready)}; reading ${fmt(ph.reading)}, parsing ${fmt(ph.parsing)}, ` +
            `after the bar ${fmt(ph.afterBar)}), longest task ${fmt(Math.max(0, ...run.tasks.map((t) => t.duration)))} ms, ` +
            `renderer peak ${fmt((run.memory.hwmKB ?? NaN) / 1024)} MB, wasm memory ${fmt((run.memory.wasmAfter ?? NaN) / 2 ** 20)} MiB` +
            (run.errors.length ? `; page errors: ${run.errors.join('; ')}` : ''),
        );
        if (tracePath && existsSync(tracePath)) {
          const t = traceSummary(tracePath);
          console.log(`#   trace of the load (${tracePath}): main thread busy ${fmt(t.busy)} ms in ${t.tasks} top-level events; self time by event:`);
          for (const [name, ms] of t.top) console.log(`#     ${fmt(ms, 1).padStart(8)} ms  ${name}`);
          const changesTrace = tracePath.replace(/\.json$/, '-changes.json');
          if (existsSync(changesTrace)) {
            const c = traceSummary(changesTrace);
            console.log(`#   trace of the ${run.changes.length} changes (${changesTrace}): main thread busy ${fmt(c.busy)} ms; self time by event:`);
            for (const [name, ms] of c.top) console.log(`#     ${fmt(ms, 1).padStart(8)} ms  ${name}`);
          }
        }
        if (run.cpuProfile) {
          const { total, parts, top } = profileSummary(run.cpuProfile);
          console.log(`#   CPU profile of the load (${fmt(total)} ms sampled, main thread), by part:`);
          for (const [name, t] of parts) console.log(`#     ${fmt(t, 1).padStart(8)} ms ${fmt((100 * t) / total, 1).padStart(5)} %  ${name}`);
          console.log('#   top self time:');
          for (const [name, t] of top) console.log(`#     ${fmt(t, 1).padStart(8)} ms ${fmt((100 * t) / total, 1).padStart(5)} %  ${name}`);
          writeFileSync(join(o.out, `profile-${tag}.cpuprofile`), JSON.stringify(run.cpuProfile));
        }
        run.workerCpuProfiles?.forEach((profile, w) => {
          // Only self time: the page's parts (`PARTS`) name what the page runs.
          const { total, parts, top } = profileSummary(profile, 15);
          const idle = parts.find(([name]) => name === '(idle)')?.[1] ?? 0;
          console.log(`#   CPU profile of parse worker ${w + 1} (${fmt(total)} ms sampled, ${fmt(total - idle)} ms busy), top self time:`);
          for (const [name, t] of top) console.log(`#     ${fmt(t, 1).padStart(8)} ms ${fmt((100 * t) / total, 1).padStart(5)} %  ${name}`);
          writeFileSync(join(o.out, `profile-${tag}-worker${w + 1}.cpuprofile`), JSON.stringify(profile));
        });
        if (run.changesProfile) {
          const { total, top } = profileSummary(run.changesProfile);
          console.log(`#   CPU profile of the ${run.changes.length} filter and period changes (${fmt(total)} ms sampled), top self time:`);
          for (const [name, t] of top) console.log(`#     ${fmt(t, 1).padStart(8)} ms ${fmt((100 * t) / total, 1).padStart(5)} %  ${name}`);
        }
        delete run.cpuProfile;
        delete run.changesProfile;
        delete run.workerCpuProfiles;
        runs.push({ ...run, phases: ph, native: nativeRun });
      }
      const native = Object.fromEntries(
        Object.entries(runs[0].native).map(([k, v]) => [k, typeof v === 'number' ? median(runs.map((r) => r.native[k])) : v]),
      );
      const full = median(runs.map((r) => r.load.full));
      const changes = runs.flatMap((r) => r.changes).filter((c) => !c.skipped);
      const of = (kind, key) => median(changes.filter((c) => c.kind === kind).map((c) => c[key]));
      results.push({
        rows: o.files ? native.rows : item,
        bytes,
        native,
        runs,
        median: {
          full,
          ready: median(runs.map((r) => r.load.ready)),
          mbps: bytes / 1e6 / (full / 1e3),
          ratio: median(runs.map((r) => r.load.full / r.native.total_ms)),
          hwmMB: median(runs.map((r) => (r.memory.hwmKB ?? NaN) / 1024)),
          deltaMB: median(runs.map((r) => ((r.memory.hwmKB ?? NaN) - (r.memory.beforeKB ?? NaN)) / 1024)),
          anonMB: median(runs.map((r) => (r.memory.anonPeakKB ?? NaN) / 1024)),
          wasmMB: median(runs.map((r) => (r.memory.wasmAfter ?? NaN) / 2 ** 20)),
          firstTouchMB: median(runs.map((r) => (r.memory.faults * 4) / 1024)),
          longest: median(runs.map((r) => Math.max(0, ...r.tasks.map((t) => t.duration)))),
          longCount: median(runs.map((r) => r.tasks.filter((t) => t.duration > 50).length)),
          progressStates: median(runs.map((r) => r.phases.states)),
          maxStill: median(runs.map((r) => r.phases.maxStill)),
          afterBar: median(runs.map((r) => r.phases.afterBar)),
          reading: median(runs.map((r) => r.phases.reading)),
          parsing: median(runs.map((r) => r.phases.parsing)),
          ownerReady: of('owner', 'ready'),
          ownerFull: of('owner', 'full'),
          periodReady: of('period', 'ready'),
          periodFull: of('period', 'full'),
          changeLongest: median(changes.map((c) => c.longest)),
        },
      });
    }
  } finally {
    await server.close();
  }

  const head = ['rows', 'file MB', 'pick → drawn ms', 'tiles+charts ms', 'MB/s', 'native ms', `ratio ≤${TARGETS.ratio}×`,
    'renderer peak MB: VmHWM / private', `÷ file ≤${TARGETS.memory}×`, `longest task ≤${TARGETS.longTask} ms`, 'bar still max ms',
    `owner filter ≤${TARGETS.change} ms`, `period preset ≤${TARGETS.change} ms`];
  const body = results.map(({ rows, bytes, native, median: m }) => {
    const memRatio = m.hwmMB / (bytes / 2 ** 20);
    const anonRatio = m.anonMB / (bytes / 2 ** 20);
    return [
      rows.toLocaleString('en-US'), fmt(bytes / 1e6, 1), fmt(m.full), fmt(m.ready), fmt(m.mbps, 1), fmt(native.total_ms),
      `${fmt(m.ratio, 2)} ${mark(m.ratio <= TARGETS.ratio)}`,
      `${fmt(m.hwmMB)} / ${fmt(m.anonMB)}`,
      `${fmt(memRatio, 2)} ${mark(memRatio <= TARGETS.memory)} / ${fmt(anonRatio, 2)} ${mark(anonRatio <= TARGETS.memory)}`,
      `${fmt(m.longest)} ${mark(m.longest <= TARGETS.longTask)}`, fmt(m.maxStill),
      `${fmt(m.ownerReady)} / ${fmt(m.ownerFull)} ${mark(m.ownerReady <= TARGETS.change)}`,
      `${fmt(m.periodReady)} / ${fmt(m.periodFull)} ${mark(m.periodReady <= TARGETS.change)}`,
    ];
  });
  console.log('\n## Browser against native, medians of the runs (machine load shown above)\n');
  console.log(table([head, ...body]));
  console.log('\nChanges: tiles+charts redrawn / with the sparklines too; the mark judges the first.');
  console.log('Renderer peak: VmHWM of the tab\'s renderer process (its whole life, demo included, with the');
  console.log('shared Chromium code it maps) / the peak of its private resident memory (RssAnon, sampled every 50 ms).');
  console.log('MB here are MiB (2^20 bytes), and so is the file size they are divided by.');
  console.log('First touched: the minor page faults of the tab\'s renderer (page and workers) during the load, in MiB:');
  console.log('memory written or read for the first time, which the system must hand over (about 0.6 ms/MiB natively');
  console.log('on the 2-core VM of 2026-12-07, 0.9 in the tab). Unlike the times, it repeats within a build.');

  console.log('\n## Where the time goes (browser phases from the progress bar; native steps of pipelens-bench --file)\n');
  const ph = [['rows', 'reading', 'analysing', 'after bar → tiles+charts', 'sparklines', 'long tasks >50 ms', 'bar states', 'Δ renderer MB', 'wasm memory MiB', 'first touched MiB',
    'native: read', 'parse', 'finish', 'dashboard', 'charts', 'sparklines', 'filter change', 'period change']];
  for (const { rows, native: n, median: m } of results) {
    ph.push([rows.toLocaleString('en-US'), fmt(m.reading), fmt(m.parsing), fmt(m.afterBar), fmt(m.full - m.ready), fmt(m.longCount), fmt(m.progressStates),
      fmt(m.deltaMB), fmt(m.wasmMB), fmt(m.firstTouchMB), fmt(n.read_ms + n.preview_ms + n.decode_ms), fmt(n.parse_ms), fmt(n.finish_ms), fmt(n.dashboard_ms),
      fmt(n.charts_ms), fmt(n.sparklines_ms), fmt(n.filter_change_ms), fmt(n.period_change_ms)]);
  }
  console.log(table(ph));

  console.log('\n## Shipped payload (gzip -9)\n');
  console.log(table([['file', 'raw KB', 'gzip KB'], ...pay.sizes.map((s) => [s.file, fmt(s.raw / 1024), fmt(s.gzip / 1024)]),
    ['total wasm + js', fmt(pay.sizes.reduce((a, s) => a + s.raw, 0) / 1024), `${fmt(pay.total / 1024)} ${mark(pay.total / 1024 <= TARGETS.payloadKB)} (≤${TARGETS.payloadKB})`]]));

  if (o.json) {
    writeFileSync(o.json, JSON.stringify({ loadavg: load, payload: pay, results }, null, 1));
    console.log(`\nRaw results: ${o.json}`);
  }
}

main().catch((e) => {
  console.error(e.stack ?? String(e));
  process.exit(1);
});
