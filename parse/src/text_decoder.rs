//! The engine's code-page decoders backed by the browser's own `TextDecoder` (the page's and the
//! worker's): every WHATWG encoding with no decoding tables in the wasm (`encoding_rs` would add
//! about 135 KB gzip).

use pipelens_engine::ingest::{CodePage, TextDecode};

/// A `TextDecoder` for one file, fed its slices in streaming mode.
#[derive(Debug)]
struct TabDecoder(web_sys::TextDecoder);

impl TextDecode for TabDecoder {
    fn decode(&mut self, bytes: &[u8], last: bool, out: &mut Vec<u8>) {
        let options = web_sys::TextDecodeOptions::new();
        options.set_stream(!last);
        // Not fatal: bytes that are no character become U+FFFD, as the engine's contract says.
        match self.0.decode_with_u8_array_and_options(bytes, &options) {
            Ok(text) => out.extend_from_slice(text.as_bytes()),
            // A decoder that throws (it does not, unless fatal) loses the slice visibly.
            Err(_) if !bytes.is_empty() => out.extend_from_slice("\u{FFFD}".as_bytes()),
            Err(_) => {}
        }
    }
}

/// A decoder for `code_page`, or `None` when the browser does not know it.
fn tab_decoder(code_page: CodePage) -> Option<Box<dyn TextDecode>> {
    let decoder = web_sys::TextDecoder::new_with_label(code_page.name()).ok()?;
    Some(Box::new(TabDecoder(decoder)))
}

/// Makes every read decode its code page with the tab's `TextDecoder` (call once, at start).
pub fn install() {
    pipelens_engine::ingest::install_decoders(tab_decoder);
}
