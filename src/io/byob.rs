//! Reads a `File`'s stream into one reusable buffer ("bring your own buffer"), so a big file
//! read in slices leaves no garbage behind: each `Blob.arrayBuffer()` slice is a new buffer
//! the JS heap keeps until a collection comes round, tens of MB on a 100 MB file.

use js_sys::{ArrayBuffer, Function, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Size of the reused buffer: a read returns at most this much (often less).
const BUFFER: u32 = 1024 * 1024;

/// A BYOB reader over a `File`'s byte stream.
pub struct ByobReader {
    reader: JsValue,
    read: Function,
    /// The buffer between reads (a read takes it over and hands it back).
    buffer: Option<ArrayBuffer>,
}

impl ByobReader {
    /// A reader of `file`, or `None` where the browser has no BYOB reader for files.
    pub fn open(file: &web_sys::File) -> Option<ByobReader> {
        let stream: JsValue = file.stream().into();
        let get_reader: Function = Reflect::get(&stream, &"getReader".into()).ok()?.dyn_into().ok()?;
        let options = Object::new();
        Reflect::set(&options, &"mode".into(), &"byob".into()).ok()?;
        let reader = get_reader.call1(&stream, &options).ok()?;
        let read = Reflect::get(&reader, &"read".into()).ok()?.dyn_into().ok()?;
        Some(ByobReader { reader, read, buffer: Some(ArrayBuffer::new(BUFFER)) })
    }

    /// Appends the next bytes of the stream to `out`; false once the stream is done.
    pub async fn read_into(&mut self, out: &mut Vec<u8>) -> Result<bool, JsValue> {
        let buffer = self.buffer.take().ok_or_else(|| JsValue::from_str("a read is already under way"))?;
        let view = Uint8Array::new(&buffer);
        let promise: Promise = self.read.call1(&self.reader, &view)?.dyn_into()?;
        let result = JsFuture::from(promise).await?;
        let done = Reflect::get(&result, &"done".into())?.as_bool().unwrap_or(true);
        if let Ok(bytes) = Reflect::get(&result, &"value".into())?.dyn_into::<Uint8Array>() {
            // Copied, then appended (two block copies): `resize` and `copy_to` would first zero
            // the room a byte at a time in the page's size-optimised build (2 MiB: about 6 ms of
            // a file's first read).
            out.extend_from_slice(&bytes.to_vec());
            self.buffer = Some(bytes.buffer());
        }
        Ok(!done && self.buffer.is_some())
    }
}
