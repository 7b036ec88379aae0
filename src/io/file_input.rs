//! Reads a `File` as bytes in slices: one slice at a time as a parse asks for it ([`Slices`],
//! so the file is never held whole), or all of it ([`read_bytes`], for a share link), yielding
//! to the page between slices. Never builds a JS string of the file.

use super::byob::ByobReader;
use js_sys::{Promise, Uint8Array};
use std::sync::Arc;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Bytes read per slice by [`read_bytes`] (a whole file, for a share link).
const SLICE: f64 = 4.0 * 1024.0 * 1024.0;

/// Why a file could not be read.
#[derive(Debug, Clone, PartialEq)]
pub enum ReadError {
    /// The browser refused to read the file (moved, deleted, permission).
    Browser(String),
    /// The user cancelled, or started another load.
    Cancelled,
    /// The file does not fit in memory.
    TooLarge {
        /// File size in bytes.
        bytes: f64,
    },
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::Browser(why) => write!(f, "the browser could not read the file ({why})"),
            ReadError::Cancelled => write!(f, "loading was cancelled"),
            ReadError::TooLarge { bytes } => write!(
                f,
                "the file is {:.0} MB, more than this tab can hold in memory; split it or filter the export",
                bytes / 1e6
            ),
        }
    }
}

fn js_error(e: JsValue) -> ReadError {
    ReadError::Browser(
        e.as_string()
            .or_else(|| js_sys::Error::from(e).message().as_string())
            .unwrap_or_else(|| "unknown error".into()),
    )
}

/// Largest file accepted: a wasm32 heap is at most 4 GiB and parsing needs room beside the bytes.
const MAX_BYTES: f64 = 1.5e9;

/// Reads `file` slice by slice, calling `progress(done, total)` after each slice and stopping
/// when `keep_going()` turns false.
pub async fn read_bytes(
    file: &web_sys::File,
    mut progress: impl FnMut(f64, f64),
    keep_going: &dyn Fn() -> bool,
) -> Result<Vec<u8>, ReadError> {
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
        // Not `resize` and `copy_to`: see `ByobReader::read_into`.
        bytes.extend_from_slice(&Uint8Array::new(&buffer).to_vec());
        start = end;
        if !keep_going() {
            return Err(ReadError::Cancelled);
        }
        progress(start, total);
    }
    Ok(bytes)
}

/// Bytes per slice when a file is parsed as it is read: small enough that the tab holds only a
/// few of them, large enough that the reads cost little.
pub const STREAM_SLICE: f64 = 2.0 * 1024.0 * 1024.0;

/// Where the slices come from.
enum Origin {
    /// A file's stream, read into one reused buffer.
    Stream(ByobReader),
    /// A file, read slice by slice (where the browser has no BYOB reader for files).
    File(web_sys::File),
    /// Bytes in memory.
    Memory(Arc<Vec<u8>>),
}

/// A file as a sequence of slices, each read from the `File` only when needed, with the next
/// one's read already under way while the current one is parsed.
pub struct Slices {
    origin: Origin,
    total: f64,
    /// Start of the next slice not yet asked for.
    start: f64,
    /// The read under way, and where its slice ends.
    ahead: Option<(JsFuture, f64)>,
    /// Whether the last slice has been handed out.
    finished: bool,
}

impl Slices {
    /// The slices of a `File`; fails for a file larger than the tab could hold parsed.
    pub fn of_file(file: web_sys::File) -> Result<Slices, ReadError> {
        let total = file.size();
        if total > MAX_BYTES {
            return Err(ReadError::TooLarge { bytes: total });
        }
        let origin = ByobReader::open(&file).map_or(Origin::File(file), Origin::Stream);
        Ok(Slices { origin, total, start: 0.0, ahead: None, finished: false })
    }

    /// Slices of bytes already in memory.
    pub fn of_bytes(bytes: Arc<Vec<u8>>) -> Slices {
        let total = bytes.len() as f64;
        Slices { origin: Origin::Memory(bytes), total, start: 0.0, ahead: None, finished: false }
    }

    /// The file's size in bytes.
    pub fn total(&self) -> f64 {
        self.total
    }

    /// Starts reading the next slice.
    fn ask(&mut self) -> Result<(), ReadError> {
        let Origin::File(file) = &self.origin else { return Ok(()) };
        if self.ahead.is_some() || self.start >= self.total {
            return Ok(());
        }
        let end = (self.start + STREAM_SLICE).min(self.total);
        let blob = file.slice_with_f64_and_f64(self.start, end).map_err(js_error)?;
        self.ahead = Some((JsFuture::from(blob.array_buffer()), end));
        self.start = end;
        Ok(())
    }

    /// The next slice and whether it is the last; `None` after the last.
    pub async fn next(&mut self) -> Result<Option<(Vec<u8>, bool)>, ReadError> {
        if self.finished {
            return Ok(None);
        }
        let (bytes, end) = match &mut self.origin {
            Origin::Memory(bytes) => {
                let start = self.start as usize;
                let end = (start + STREAM_SLICE as usize).min(bytes.len());
                self.start = end as f64;
                (bytes[start..end].to_vec(), end as f64)
            }
            Origin::Stream(reader) => {
                let mut bytes = Vec::with_capacity(STREAM_SLICE as usize);
                while (bytes.len() as f64) < STREAM_SLICE && reader.read_into(&mut bytes).await.map_err(js_error)? {}
                self.start += bytes.len() as f64;
                let end = if bytes.is_empty() { self.total } else { self.start };
                (bytes, end)
            }
            Origin::File(_) => {
                self.ask()?;
                match self.ahead.take() {
                    None => (Vec::new(), self.total),
                    Some((read, end)) => {
                        let buffer = read.await.map_err(js_error)?;
                        // The next slice is read while this one is parsed.
                        self.ask()?;
                        (Uint8Array::new(&buffer).to_vec(), end)
                    }
                }
            }
        };
        self.finished = end >= self.total;
        Ok(Some((bytes, self.finished)))
    }
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
