// The parse worker's loader (parse/src/client.rs starts it). Its first message is the worker's
// module, compiled once by the page and sent to every worker it starts: the workers share its
// code, so the code the first worker's warm-up made fast (parse/src/warm_up.rs) is fast in
// every later one, instead of each compiling it again as it reads. Without a module (the page
// could not compile it) the worker fetches its own.
self.onmessage = (event) => {
  self.onmessage = null;
  importScripts('./parse_worker.js');
  wasm_bindgen({ module_or_path: (event.data && event.data.module) || './parse_worker_bg.wasm' });
};
