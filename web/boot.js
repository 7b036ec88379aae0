// Starts pipelens. Trunk's default loader is an inline <script>, which the page's
// Content-Security-Policy (script-src 'self') forbids; Trunk.toml's `pattern_script` replaces
// it with `<script type="module" src="./boot.js" data-js=… data-wasm=…>`, naming this build's
// wasm-bindgen glue and wasm module, which this file loads. Then it registers the service
// worker that keeps the app's own files for offline use (sw.js).

const tag = document.querySelector('script[data-js][data-wasm]');
// Relative to the page, so the app works at a domain root and under a sub-path alike.
const glue = new URL(tag.dataset.js, document.baseURI);
const wasm = new URL(tag.dataset.wasm, document.baseURI);
const { default: init } = await import(glue.href);
const exports = await init({ module_or_path: wasm });
// As Trunk's own loader does: tools (the browser benchmark) read the wasm memory through it.
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm: exports } }));

if ('serviceWorker' in navigator) {
  // The worker's scope is the directory of sw.js: the page's own directory.
  navigator.serviceWorker
    .register(new URL('sw.js', document.baseURI))
    .catch((e) => console.warn(`pipelens works online only here: no service worker (${e.message})`));
}
