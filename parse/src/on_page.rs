//! Reading a file on the page's own thread, when no worker can (one could not start, or broke
//! off): the page loads the workers' own module (its script, `parse_worker.js`, and the module
//! the page compiled for the workers, see [`crate::client`]) and calls its `read_on_page` export
//! with the request a worker would be posted ([`crate::serve::on_page`]). The read gives the
//! page a turn every 40 ms, so the progress bar and Cancel stay live.
//!
//! So the page's own wasm carries no reader of files (the engine's session and its column
//! parsers): about 26 KB gzip less on the first page.

use crate::client::{self, Outcome};
use crate::js::{describe, field, object};
use crate::keys;
use js_sys::{Array, Function, Object, Promise, Reflect};
use pipelens_engine::ingest::{Imported, ReadOptions};
use pipelens_engine::lang::Lang;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::Blob;

/// The workers' script, as Trunk names it, relative to the page.
const SCRIPT_URL: &str = "./parse_worker.js";

#[wasm_bindgen]
extern "C" {
    /// The workers' module's start function and exports, once its script has run on the page:
    /// wasm-bindgen's script for workers declares them as the global `wasm_bindgen`.
    #[wasm_bindgen(thread_local_v2, js_name = wasm_bindgen)]
    static EXPORTS: Option<JsValue>;
}

thread_local! {
    /// The workers' script added to the page, a promise of its load; let go when it failed, so
    /// the next read tries again.
    static SCRIPT: RefCell<Option<Promise>> = const { RefCell::new(None) };
}

/// Reads `blob` (named `name`) on the page's thread as `options` say, calling
/// `progress(rows, bytes)` as it goes and stopping once `keep_going()` turns false: what
/// [`client::read`] gives, with the same file read the same way.
pub async fn read(
    blob: &Blob,
    name: &str,
    lang: Lang,
    options: &ReadOptions,
    progress: impl FnMut(usize, f64) + 'static,
    keep_going: impl Fn() -> bool + 'static,
) -> Result<Imported, Outcome> {
    let request = client::request(blob, name, lang).map_err(|e| Outcome::Unavailable(describe(&e)))?;
    let _ = Reflect::set(&request, &JsValue::from_str(keys::OPTIONS), &client::options_buffer(options));
    let runs = run(&request, progress, keep_going).await?;
    client::read_back(&runs).await
}

/// Why `blob` (named `name`) cannot be used, its start having failed the preview with `why`
/// (in `lang`): reads the whole file on the page's thread, as a worker would read it whole, and
/// answers with what such a read reports first, bytes that do not decode, or else `why`.
pub async fn explain(
    blob: &Blob,
    name: &str,
    lang: Lang,
    why: &str,
    keep_going: impl Fn() -> bool + 'static,
) -> Outcome {
    let request = match client::request(blob, name, lang) {
        Ok(request) => request,
        Err(e) => return Outcome::Unavailable(describe(&e)),
    };
    let _ = Reflect::set(&request, &JsValue::from_str(keys::EXPLAIN), &JsValue::from_str(why));
    match run(&request, |_, _| {}, keep_going).await {
        // A file that reads (it cannot, its start having failed) is explained by its start.
        Ok(_) => Outcome::Failed(why.to_owned()),
        Err(outcome) => outcome,
    }
}

/// Has the workers' module answer `request` on the page's thread: the runs of the read file.
async fn run(
    request: &Object,
    mut progress: impl FnMut(usize, f64) + 'static,
    keep_going: impl Fn() -> bool + 'static,
) -> Result<Array, Outcome> {
    let read_on_page = exports().await.map_err(|e| Outcome::Unavailable(describe(&e)))?;
    // Alive until the read has answered; the module calls them only while it reads.
    let tell = Closure::<dyn FnMut(JsValue)>::new(move |said: JsValue| {
        if let (Some(rows), Some(read)) = (field(&said, keys::ROWS).as_f64(), field(&said, keys::READ).as_f64()) {
            progress(rows as usize, read);
        }
    });
    let keep_going = Rc::new(keep_going);
    let going = Closure::<dyn Fn() -> bool>::new({
        let keep_going = Rc::clone(&keep_going);
        move || keep_going()
    });
    let asked = read_on_page.call3(&JsValue::NULL, request, tell.as_ref(), going.as_ref());
    let answered = match asked.and_then(|p| p.dyn_into::<Promise>()) {
        Ok(promise) => JsFuture::from(promise).await,
        Err(e) => Err(e),
    };
    match answered {
        Ok(runs) => runs.dyn_into::<Array>().map_err(|_| Outcome::Unavailable("no read file came back".into())),
        Err(_) if !keep_going() => Err(Outcome::Cancelled),
        // Why the file cannot be used, as a worker says it; else the module broke.
        Err(e) => Err(client::failure(&e).unwrap_or_else(|| Outcome::Unavailable(describe(&e)))),
    }
}

/// The module's `read_on_page`, its script loaded and its module started (once; given the
/// module the page compiled for the workers, when it has one).
async fn exports() -> Result<Function, JsValue> {
    let loaded = SCRIPT.with(|s| s.borrow_mut().get_or_insert_with(add_script).clone());
    if JsFuture::from(loaded).await.is_err() {
        SCRIPT.with(|s| s.borrow_mut().take());
        return Err(JsValue::from_str("its script did not load"));
    }
    let start: Function = EXPORTS
        .with(Option::clone)
        .and_then(|e| e.dyn_into().ok())
        .ok_or_else(|| JsValue::from_str("its script declared no module"))?;
    let module = JsFuture::from(client::module()).await.unwrap_or_else(|_| JsValue::from_str(client::MODULE_URL));
    let started = start.call1(&JsValue::NULL, &object("module_or_path", &module))?;
    JsFuture::from(started.dyn_into::<Promise>()?).await?;
    Reflect::get(&start, &JsValue::from_str("read_on_page"))?.dyn_into()
}

/// Adds the workers' script to the page: a promise of its load.
fn add_script() -> Promise {
    Promise::new(&mut |resolve, reject| {
        let added = (|| -> Result<(), JsValue> {
            let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
            let script = document.create_element("script")?;
            script.set_attribute("src", SCRIPT_URL)?;
            Reflect::set(&script, &JsValue::from_str("onload"), &resolve)?;
            Reflect::set(&script, &JsValue::from_str("onerror"), &reject)?;
            let root = document.document_element().ok_or("no document element")?;
            root.append_child(&script).map(drop)
        })();
        if let Err(e) = added {
            let _ = reject.call1(&JsValue::NULL, &e);
        }
    })
}
