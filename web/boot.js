// Starts pipelens. Trunk's default loader is an inline <script>, which the page's
// Content-Security-Policy (script-src 'self') forbids; Trunk.toml's `pattern_script` replaces
// it with `<script type="module" src="./boot.js" data-js=… data-wasm=…>`, naming this build's
// wasm-bindgen glue and wasm module, which this file loads. Then it registers the service
// worker that keeps the app's own files for offline use (sw.js).
//
// No dead page, ever: if the WebAssembly module fails to load or stops (a Rust panic, which
// aborts the module, or any other trap), this file shows a plain-HTML panel, built without the
// module, saying what happened, with "Reload" and "Reset this site's stored data and reload".
// It learns of a stop in three ways: the module's start rejects; an uncaught
// `WebAssembly.RuntimeError` (an `error` or `unhandledrejection` event: a trap, `unreachable`
// after a panic); and `window.pipelensCrashed(message)`, which the app's panic hook calls with
// the panic message (src/main.rs). It also leaves `localStorage['pipelens.crashed']` (the
// message), so the next start can skip the remembered view that may have caused it.
//
// Test hook: the browser tests force a stop by serving a damaged module, by calling
// `window.pipelensCrashed('…')` as the panic hook does, and by raising a real WebAssembly trap
// on the page (tests/e2e/hostile.test.mjs). Nothing in the address or the app triggers one.

/** The key under which the last stop's message is left for the next start. */
const CRASHED = 'pipelens.crashed';

/** Clears everything this site stored, then reloads: local and session storage, the service
 * worker (unregistered first, so it fills no cache again) and its offline cache. */
async function resetAndReload() {
  try { localStorage.clear(); } catch { /* storage refused: nothing stored */ }
  try { sessionStorage.clear(); } catch { /* as above */ }
  try {
    const workers = await navigator.serviceWorker?.getRegistrations?.() ?? [];
    await Promise.all(workers.map((w) => w.unregister()));
  } catch { /* no service worker here */ }
  try {
    if (globalThis.caches) for (const key of await caches.keys()) await caches.delete(key);
  } catch { /* no cache storage here */ }
  location.reload();
}

function button(label, testid, onClick) {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'button';
  b.textContent = label;
  b.dataset.testid = testid;
  b.addEventListener('click', onClick);
  return b;
}

/** The crash panel's words in the app's languages (src/i18n has the app's own). */
const CRASH_TEXT = {
  en: ['pipelens stopped',
    'The app ran into an error it cannot recover from, so this page stopped working. ' +
    'Nothing was sent anywhere: your files and figures never left this device. ' +
    'Reload to try again. If it stops again, reset what this site stored in your browser ' +
    '(remembered settings and data) and reload.',
    'Reload', "Reset this site's stored data and reload"],
  de: ['pipelens wurde angehalten',
    'Die App ist auf einen Fehler gestoßen, von dem sie sich nicht erholen kann; diese Seite funktioniert daher nicht mehr. ' +
    'Es wurde nichts gesendet: Ihre Dateien und Zahlen haben dieses Gerät nie verlassen. ' +
    'Laden Sie neu, um es erneut zu versuchen. Hält sie wieder an, setzen Sie zurück, was diese Seite in Ihrem Browser gespeichert hat ' +
    '(gemerkte Einstellungen und Daten), und laden Sie neu.',
    'Neu laden', 'Gespeicherte Daten dieser Seite zurücksetzen und neu laden'],
  pl: ['pipelens zatrzymał się',
    'Aplikacja napotkała błąd, którego nie może naprawić, więc ta strona przestała działać. ' +
    'Nic nie zostało wysłane: Twoje pliki i liczby nigdy nie opuściły tego urządzenia. ' +
    'Odśwież, aby spróbować ponownie. Jeśli znów się zatrzyma, wyczyść to, co ta strona zapisała w przeglądarce ' +
    '(zapamiętane ustawienia i dane), i odśwież.',
    'Odśwież', 'Wyczyść dane zapisane przez tę stronę i odśwież'],
  zh: ['pipelens 已停止',
    '应用遇到无法恢复的错误，此页面已停止工作。' +
    '没有发送任何内容：您的文件和数据从未离开本设备。' +
    '请重新载入再试。如果再次停止，请清除此网站在浏览器中存储的内容（记住的设置和数据）并重新载入。',
    '重新载入', '清除此网站存储的数据并重新载入'],
};

/** The language the app chose (`data-app-lang`, set as it runs), else the browser's first
 * one we speak, else English. */
function crashText() {
  const tags = [document.documentElement.dataset.appLang, ...(navigator.languages ?? [])];
  for (const tag of tags) {
    const code = String(tag ?? '').toLowerCase().split(/[-_]/)[0];
    if (code === 'zh' && /hant|tw|hk|mo/i.test(tag)) continue;
    if (code in CRASH_TEXT) return CRASH_TEXT[code];
  }
  return CRASH_TEXT.en;
}

/** Shows the panel (once), whatever state the page is in. */
function showCrash(message) {
  const text = String(message ?? 'unknown error').slice(0, 2000);
  // The first report is the one to keep: a panic's message comes before the trap it ends in.
  if (document.querySelector('.crash')) return;
  try { localStorage.setItem(CRASHED, text); } catch { /* storage refused */ }
  const panel = document.createElement('section');
  panel.className = 'crash';
  panel.setAttribute('role', 'alert');
  panel.dataset.testid = 'crash';
  panel.dataset.state = 'error';
  const [heading, explanation, reload, reset] = crashText();
  const title = document.createElement('h1');
  title.textContent = heading;
  const what = document.createElement('p');
  what.textContent = explanation;
  const detail = document.createElement('pre');
  detail.className = 'crash-detail';
  detail.dataset.testid = 'crash-detail';
  detail.textContent = text;
  const actions = document.createElement('div');
  actions.className = 'crash-actions';
  actions.append(
    button(reload, 'crash-reload', () => location.reload()),
    button(reset, 'crash-reset', resetAndReload),
  );
  panel.append(title, what, detail, actions);
  document.body.classList.add('crashed');
  document.querySelector('.app')?.setAttribute('data-state', 'error');
  document.body.prepend(panel);
  actions.querySelector('button')?.focus();
}

/** Whether `e` is the module stopping: a trap (`unreachable` after a panic, memory out of
 * bounds, …), or the module failing to compile or link. */
function isWasmStop(e) {
  return e instanceof WebAssembly.RuntimeError || e instanceof WebAssembly.CompileError || e instanceof WebAssembly.LinkError;
}

window.pipelensCrashed = showCrash;
addEventListener('error', (ev) => {
  if (isWasmStop(ev.error)) showCrash(`${ev.error.name}: ${ev.error.message}`);
});
addEventListener('unhandledrejection', (ev) => {
  if (isWasmStop(ev.reason)) showCrash(`${ev.reason.name}: ${ev.reason.message}`);
});

try {
  const tag = document.querySelector('script[data-js][data-wasm]');
  // Relative to the page, so the app works at a domain root and under a sub-path alike.
  const glue = new URL(tag.dataset.js, document.baseURI);
  const wasm = new URL(tag.dataset.wasm, document.baseURI);
  const { default: init } = await import(glue.href);
  const exports = await init({ module_or_path: wasm });
  // As Trunk's own loader does: tools (the browser benchmark) read the wasm memory through it.
  dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm: exports } }));
  // Only an app that started is kept for offline use.
  if ('serviceWorker' in navigator) {
    // The worker's scope is the directory of sw.js: the page's own directory.
    navigator.serviceWorker
      .register(new URL('sw.js', document.baseURI))
      .catch((e) => console.warn(`pipelens works online only here: no service worker (${e.message})`));
  }
} catch (e) {
  showCrash(`pipelens could not start: ${e?.name ?? 'Error'}: ${e?.message ?? e}`);
}
