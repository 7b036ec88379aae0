//! Streaming decoders from a code page to UTF-8, behind a small trait so that the engine stays
//! free of the browser and of a decoding crate's tables: native builds (feature `codepages`)
//! decode with `encoding_rs`; the browser app, which leaves that feature off to keep its wasm
//! small, installs decoders backed by the tab's own `TextDecoder` ([`install_decoders`]).
//! Windows-1252 needs no tables and is always built in.

use super::codepage::CodePage;
use std::sync::OnceLock;

/// Turns the bytes of one file, slice after slice, into UTF-8.
pub trait TextDecode: std::fmt::Debug {
    /// Decodes `bytes`, the next slice of the file, appending UTF-8 to `out`. Bytes that are
    /// no character of the code page become U+FFFD; a character split at the end of `bytes`
    /// waits for the next call; `last` says no more bytes follow (a pending partial
    /// character then becomes U+FFFD). Never panics, whatever the bytes.
    fn decode(&mut self, bytes: &[u8], last: bool, out: &mut Vec<u8>);
}

/// Makes a decoder for a code page, or `None` when it cannot decode that one.
pub type DecoderFactory = fn(CodePage) -> Option<Box<dyn TextDecode>>;

static INSTALLED: OnceLock<DecoderFactory> = OnceLock::new();

/// Installs the decoders every later read uses for code pages other than Windows-1252 (the
/// browser app calls this once at start-up with its `TextDecoder`-backed factory). Returns
/// `false` when decoders were installed before (the first ones stay).
pub fn install_decoders(factory: DecoderFactory) -> bool {
    INSTALLED.set(factory).is_ok()
}

/// A decoder for `code_page`: the built-in one for Windows-1252, else the installed ones,
/// else `encoding_rs` when compiled in; `None` when nothing here decodes it.
pub fn new_decoder(code_page: CodePage) -> Option<Box<dyn TextDecode>> {
    if code_page == CodePage::WINDOWS_1252 {
        return Some(Box::new(Windows1252));
    }
    if let Some(factory) = INSTALLED.get() {
        return factory(code_page);
    }
    native(code_page)
}

/// Windows-1252 without tables: every byte is a character.
#[derive(Debug)]
pub(crate) struct Windows1252;

impl TextDecode for Windows1252 {
    fn decode(&mut self, bytes: &[u8], _last: bool, out: &mut Vec<u8>) {
        windows_1252_into(bytes, out);
    }
}

#[cfg(feature = "codepages")]
fn native(code_page: CodePage) -> Option<Box<dyn TextDecode>> {
    let encoding = encoding_rs::Encoding::for_label(code_page.name().as_bytes())?;
    Some(Box::new(EncodingRs(encoding.new_decoder_without_bom_handling())))
}

#[cfg(not(feature = "codepages"))]
fn native(_: CodePage) -> Option<Box<dyn TextDecode>> {
    None
}

/// `encoding_rs`'s streaming decoder.
#[cfg(feature = "codepages")]
struct EncodingRs(encoding_rs::Decoder);

#[cfg(feature = "codepages")]
impl std::fmt::Debug for EncodingRs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "EncodingRs({})", self.0.encoding().name())
    }
}

#[cfg(feature = "codepages")]
impl TextDecode for EncodingRs {
    fn decode(&mut self, bytes: &[u8], last: bool, out: &mut Vec<u8>) {
        let guess = self.0.max_utf8_buffer_length(bytes.len()).unwrap_or(bytes.len().saturating_mul(3));
        let mut text = String::with_capacity(guess.saturating_add(16));
        let mut rest = bytes;
        // Every round either takes all the input or grows the output: it ends.
        loop {
            let (result, read, _) = self.0.decode_to_string(rest, &mut text, last);
            rest = rest.get(read..).unwrap_or_default();
            match result {
                encoding_rs::CoderResult::InputEmpty => break,
                encoding_rs::CoderResult::OutputFull => text.reserve(text.capacity().max(64)),
            }
        }
        out.extend_from_slice(text.as_bytes());
    }
}

/// What Windows-1252 maps bytes 0x80–0x9F to (WHATWG's index; the rest of the upper half is
/// Latin-1, the lower half ASCII).
const CP1252_HIGH: [char; 32] = [
    '\u{20AC}', '\u{0081}', '\u{201A}', '\u{0192}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}', '\u{02C6}',
    '\u{2030}', '\u{0160}', '\u{2039}', '\u{0152}', '\u{008D}', '\u{017D}', '\u{008F}', '\u{0090}', '\u{2018}',
    '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}', '\u{02DC}', '\u{2122}', '\u{0161}',
    '\u{203A}', '\u{0153}', '\u{009D}', '\u{017E}', '\u{0178}',
];

/// Appends Windows-1252 `bytes` to `text` as UTF-8.
pub(crate) fn windows_1252_into(bytes: &[u8], text: &mut Vec<u8>) {
    let mut buf = [0; 4];
    for &b in bytes {
        if b.is_ascii() {
            text.push(b);
        } else {
            let c = match b {
                0x80..=0x9F => CP1252_HIGH[(b - 0x80) as usize],
                _ => b as char,
            };
            text.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
        }
    }
}

#[cfg(all(test, feature = "codepages"))]
mod tests {
    use super::*;

    /// Decodes `bytes` through a fresh decoder in slices of `slice` bytes.
    fn sliced(code_page: CodePage, bytes: &[u8], slice: usize) -> String {
        let mut decoder = new_decoder(code_page).unwrap();
        let mut out = Vec::new();
        let chunks: Vec<&[u8]> = bytes.chunks(slice.max(1)).collect();
        for (i, chunk) in chunks.iter().enumerate() {
            decoder.decode(chunk, i + 1 == chunks.len(), &mut out);
        }
        if chunks.is_empty() {
            decoder.decode(&[], true, &mut out);
        }
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn every_code_page_decodes_alike_in_any_slices() {
        for cp in CodePage::all() {
            let text = "Łukasz Żółć, Jürgen Größ, 张伟, 陳大文, 山田太郎, Иван";
            let encoding = encoding_rs::Encoding::for_label(cp.name().as_bytes()).unwrap();
            let (bytes, _, _) = encoding.encode(text);
            let whole = sliced(cp, &bytes, usize::MAX);
            for slice in [1, 2, 3, 7] {
                assert_eq!(sliced(cp, &bytes, slice), whole, "{} in slices of {slice}", cp.name());
            }
        }
    }

    #[test]
    fn a_split_character_at_the_end_is_a_replacement_not_a_panic() {
        let cp = CodePage::from_name("gb18030").unwrap();
        assert_eq!(sliced(cp, &[0xD5], 1), "\u{FFFD}");
        assert_eq!(sliced(cp, &[0xD5, 0xC5], 1), "张");
    }

    proptest::proptest! {
        #[test]
        fn any_bytes_decode_without_panic(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..64), slice in 1usize..9) {
            for cp in CodePage::all() {
                let text = sliced(cp, &bytes, slice);
                proptest::prop_assert_eq!(text, sliced(cp, &bytes, usize::MAX));
            }
        }
    }
}
