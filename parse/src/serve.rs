//! The worker's side: for each request `{blob, name, options}`, reads the file through a
//! [`Session`] in slices of [`SLICE_BYTES`], the next slice read by the browser while the
//! engine parses this one; posts `{rows, read}` every [`PROGRESS_MS`], and ends with
//! `{done: [ArrayBuffer, …]}` (the read file as a wire message in runs, transferred) or
//! `{failed: "why"}`.

use crate::js::{describe, field, object};
use crate::keys;
use crate::{warm_up, FIRST_SLICE_BYTES, PROGRESS_MS, SLICE_BYTES, STEP_ROWS};
use js_sys::{Array, ArrayBuffer, Object, Reflect, Uint8Array};
use pipelens_engine::ingest::{read_in_slices, DatasetKind, ReadOptions, Session, Step};
use pipelens_engine::wire::{self, Sink};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, DedicatedWorkerGlobalScope, MessageEvent};

/// Installs the message handler and the code-page decoders, and tells the page it is ready.
pub fn start() {
    crate::text_decoder::install();
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let replies = scope.clone();
    let handler = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let scope = replies.clone();
        if field(&event.data(), keys::WARM).as_bool() == Some(true) {
            let runs = warm();
            let _ = scope.post_message_with_transfer(&object(keys::WARMED, &runs.0), &runs.0);
            return;
        }
        wasm_bindgen_futures::spawn_local(async move {
            let (reply, transfer) = match answer(&scope, &event.data()).await {
                Ok(Runs(runs)) => (object(keys::DONE, &runs), runs),
                Err(why) => (object(keys::FAILED, &JsValue::from_str(&why)), Array::new()),
            };
            // A reply that cannot be posted leaves the page to its error handler; no one else to tell.
            let _ = scope.post_message_with_transfer(&reply, &transfer);
        });
    });
    scope.set_onmessage(Some(handler.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    handler.forget();
    let _ = scope.post_message(&object(keys::READY, &JsValue::TRUE));
}

/// The read file's message, as the runs the engine writes it in: each copied once out of the
/// worker's memory, and transferred to the page, never copied again.
struct Runs(Array);

impl Sink for Runs {
    fn write(&mut self, bytes: &[u8]) {
        self.0.push(&Uint8Array::from(bytes).buffer());
    }
}

/// Reads the [`warm_up`] file, at once (a read asked for meanwhile waits), in small steps, and
/// writes it as the page's message.
fn warm() -> Runs {
    let csv = warm_up::deals_csv(warm_up::ROWS);
    let mut runs = Runs(Array::new());
    // Made up to be read whole: a failure would only mean less of the code was warmed.
    let options = ReadOptions::new(DatasetKind::Deals);
    if let Ok(imported) = read_in_slices("warm-up.csv", csv.as_bytes(), warm_up::SLICE_BYTES, options) {
        wire::write_imported(&imported, &mut runs);
    }
    runs
}

/// A slice of the file being read by the browser: where it ends, and its bytes to come.
struct Pending {
    end: f64,
    bytes: JsFuture,
}

/// Starts reading the slice of `blob` from `start`: as long as all before it, from
/// [`FIRST_SLICE_BYTES`] up to [`SLICE_BYTES`].
fn read_from(blob: &Blob, start: f64) -> Result<Pending, JsValue> {
    let end = (start + start.clamp(FIRST_SLICE_BYTES, SLICE_BYTES)).min(blob.size());
    Ok(Pending { end, bytes: JsFuture::from(blob.slice_with_f64_and_f64(start, end)?.array_buffer()) })
}

/// Reads the file a request names: the read file as a wire message, or why it cannot be used.
async fn answer(scope: &DedicatedWorkerGlobalScope, request: &JsValue) -> Result<Runs, String> {
    let blob: Blob = field(request, keys::BLOB).dyn_into().map_err(|_| "the page sent no file".to_owned())?;
    let name = field(request, keys::NAME).as_string().unwrap_or_default();
    let options: ArrayBuffer =
        field(request, keys::OPTIONS).dyn_into().map_err(|_| "the page sent no read options".to_owned())?;
    let options = wire::decode_options(&Uint8Array::new(&options).to_vec()).map_err(|e| e.to_string())?;
    let unreadable = |e: JsValue| format!("{name}: the browser could not read the file ({}).", describe(&e));
    let size = blob.size();
    let mut session = Session::new(&name, size as u64, options);
    let mut next = Some(read_from(&blob, 0.0).map_err(unreadable)?);
    let mut said = js_sys::Date::now();
    loop {
        match session.step(STEP_ROWS) {
            Step::NeedInput => {
                let slice = match next.take() {
                    Some(slice) => slice,
                    // Asked for more after the last slice: the end again, empty.
                    None => {
                        session.push(&[], true);
                        continue;
                    }
                };
                let bytes = Uint8Array::new(&slice.bytes.await.map_err(unreadable)?).to_vec();
                if slice.end < size {
                    next = Some(read_from(&blob, slice.end).map_err(unreadable)?);
                }
                session.push(&bytes, slice.end >= size);
            }
            Step::Progress { .. } => {}
            // Never stopped: a file read whole does not pause.
            Step::Paused { .. } => session.resume(),
            Step::Restart => next = Some(read_from(&blob, 0.0).map_err(unreadable)?),
            Step::Done(imported) => {
                let mut runs = Runs(Array::new());
                wire::write_imported(&imported, &mut runs);
                return Ok(runs);
            }
            Step::Failed(e) => return Err(e.to_string()),
        }
        if js_sys::Date::now() - said >= PROGRESS_MS {
            let (rows, read) = session.progress();
            let progress = Object::new();
            let _ = Reflect::set(&progress, &JsValue::from_str(keys::ROWS), &JsValue::from_f64(rows as f64));
            let _ = Reflect::set(&progress, &JsValue::from_str(keys::READ), &JsValue::from_f64(read as f64));
            let _ = scope.post_message(&progress);
            said = js_sys::Date::now();
        }
    }
}
