//! Reads a `File` as bytes: its start, for a preview ([`read_start`]; the parse worker reads
//! the rest), or all of it in slices ([`read_bytes`], for a share link), yielding to the page
//! between slices. Never builds a JS string of the file.

use js_sys::{Promise, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Bytes read per slice by [`read_bytes`] (a whole file, for a share link).
const SLICE: f64 = 4.0 * 1024.0 * 1024.0;

/// Why a file could not be read (the loader words it in the reader's language).
#[derive(Debug, Clone, PartialEq)]
pub enum ReadError {
    /// The browser refused to read the file (moved, deleted, permission): its reason
    /// ([`pipelens_parse::js::browser_reason`]).
    Browser(String),
    /// The file does not fit in memory.
    TooLarge {
        /// File size in bytes.
        bytes: f64,
    },
}

fn js_error(e: JsValue) -> ReadError {
    ReadError::Browser(pipelens_parse::js::browser_reason(&e))
}

/// Largest file accepted: a wasm32 heap is at most 4 GiB and parsing needs room beside the bytes.
const MAX_BYTES: f64 = 1.5e9;

/// Reads all of `file`, slice by slice.
pub async fn read_bytes(file: &web_sys::File) -> Result<Vec<u8>, ReadError> {
    let total = file.size();
    if total > MAX_BYTES {
        return Err(ReadError::TooLarge { bytes: total });
    }
    let mut bytes = Vec::new();
    bytes.try_reserve_exact(total as usize).map_err(|_| ReadError::TooLarge { bytes: total })?;
    let mut start = 0.0;
    while start < total {
        let end = (start + SLICE).min(total);
        let blob = file.slice_with_f64_and_f64(start, end).map_err(js_error)?;
        let buffer = JsFuture::from(blob.array_buffer()).await.map_err(js_error)?;
        // Copied, then appended: `resize` and `copy_to` would first zero the room a byte at a
        // time in the page's size-optimised build.
        bytes.extend_from_slice(&Uint8Array::new(&buffer).to_vec());
        start = end;
    }
    Ok(bytes)
}

/// Bytes of a file's start read for its preview ([`read_start`]): the rows the columns are
/// worked out from, with room for long lines.
pub const START_BYTES: f64 = 2.0 * 1024.0 * 1024.0;

/// The first [`START_BYTES`] of `file` (all of a smaller one), for its preview; fails for a file
/// larger than the tab could hold parsed.
pub async fn read_start(file: &web_sys::File) -> Result<Vec<u8>, ReadError> {
    let total = file.size();
    if total > MAX_BYTES {
        return Err(ReadError::TooLarge { bytes: total });
    }
    let blob = file.slice_with_f64_and_f64(0.0, START_BYTES.min(total)).map_err(js_error)?;
    let buffer = JsFuture::from(blob.array_buffer()).await.map_err(js_error)?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

/// Lets the browser handle input (and paint, when a frame is due) before the next piece of
/// work, and goes on at once after: `scheduler.yield()` where the browser has it (a chain of
/// timeouts waits at least 4 ms a link after the fifth), else a timeout.
pub async fn next_task() {
    let scheduler = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("scheduler")).ok();
    let yield_now = scheduler.as_ref().filter(|s| s.is_object()).and_then(|s| {
        let f = js_sys::Reflect::get(s, &JsValue::from_str("yield")).ok()?;
        Some((s.clone(), f.dyn_into::<js_sys::Function>().ok()?))
    });
    let promise = yield_now.and_then(|(s, f)| f.call0(&s).ok()).and_then(|p| p.dyn_into::<Promise>().ok());
    match promise {
        Some(p) => drop(JsFuture::from(p).await),
        None => next_frame().await,
    }
}

/// Lets the browser paint and handle input before the next piece of work.
pub async fn next_frame() {
    let promise = Promise::new(&mut |resolve, _| {
        let scheduled = web_sys::window()
            .map(|w| w.set_timeout_with_callback_and_timeout_and_arguments_0(resolve.unchecked_ref(), 0).is_ok());
        if scheduled != Some(true) {
            let _ = resolve.call0(&JsValue::NULL);
        }
    });
    let _ = JsFuture::from(promise).await;
}
