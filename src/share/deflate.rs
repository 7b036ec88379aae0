//! Raw deflate with the browser's own `CompressionStream` / `DecompressionStream`, so the app
//! ships no compressor of its own. Inflating stops at [`MAX_UNPACKED`] bytes: a link cannot
//! make the tab allocate gigabytes.

use js_sys::{Object, Reflect, Uint8Array};
use pipelens_engine::share::codec::MAX_UNPACKED;
use pipelens_engine::share::ShareError;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{ReadableStream, ReadableStreamDefaultReader, ReadableWritablePair, WritableStream};

fn stream_of(bytes: &[u8]) -> Result<ReadableStream, JsValue> {
    let parts = js_sys::Array::of1(&Uint8Array::from(bytes));
    Ok(web_sys::Blob::new_with_u8_array_sequence(&parts)?.stream())
}

/// Reads `stream` to its end, or fails once it passes `limit` bytes.
async fn read_all(stream: ReadableStream, limit: usize) -> Result<Vec<u8>, ShareError> {
    let reader: ReadableStreamDefaultReader = stream.get_reader().unchecked_into();
    let mut out = Vec::new();
    loop {
        let chunk: Object = JsFuture::from(reader.read()).await.map_err(|_| ShareError::Corrupt)?.unchecked_into();
        if Reflect::get(&chunk, &"done".into()).map(|d| d.is_truthy()).unwrap_or(true) {
            return Ok(out);
        }
        let value = Reflect::get(&chunk, &"value".into()).map_err(|_| ShareError::Corrupt)?;
        let bytes: Uint8Array = value.dyn_into().map_err(|_| ShareError::Corrupt)?;
        if out.len() + bytes.length() as usize > limit {
            let _ = reader.cancel();
            return Err(ShareError::TooLarge);
        }
        out.extend(bytes.to_vec());
    }
}

/// `bytes` piped through a new `CompressionStream` or `DecompressionStream` (`class`) in the
/// `deflate-raw` format. (web-sys keeps these classes behind its unstable flag, so they are
/// reached through `Reflect`.)
fn piped(class: &str, bytes: &[u8]) -> Result<ReadableStream, JsValue> {
    let constructor: js_sys::Function = Reflect::get(&js_sys::global(), &class.into())?.dyn_into()?;
    let transform = Reflect::construct(&constructor, &js_sys::Array::of1(&"deflate-raw".into()))?;
    let readable: ReadableStream = Reflect::get(&transform, &"readable".into())?.dyn_into()?;
    let writable: WritableStream = Reflect::get(&transform, &"writable".into())?.dyn_into()?;
    Ok(stream_of(bytes)?.pipe_through(&ReadableWritablePair::new(&readable, &writable)))
}

/// Compresses `bytes` with raw deflate.
pub async fn deflate(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let stream = piped("CompressionStream", bytes)
        .map_err(|_| crate::i18n::t(crate::i18n::messages::Message::NoCompression).to_owned())?;
    read_all(stream, usize::MAX).await.map_err(|e| e.to_string())
}

/// Undoes [`deflate`], refusing output over [`MAX_UNPACKED`].
pub async fn inflate(bytes: &[u8]) -> Result<Vec<u8>, ShareError> {
    read_all(piped("DecompressionStream", bytes).map_err(|_| ShareError::Corrupt)?, MAX_UNPACKED).await
}
