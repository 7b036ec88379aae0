//! A file fed in slices as it is read, so the whole file is never held: raw bytes are decoded
//! to UTF-8 as they arrive (split characters carried over), and a scanner that follows the csv
//! crate's quoting rules finds where complete records end, so each run of complete records can
//! be parsed on its own and give exactly what parsing the whole text at once gives.
//!
//! The encoding is decided as [`super::decode`] decides it for a whole file: byte-order marks,
//! the "not a CSV" checks on the first 4 KB, then the code page [`super::detect`] finds in the
//! bytes from the first one past ASCII (ASCII passes through meanwhile: it reads the same in
//! every candidate). When that sample is UTF-8 and a later byte is not, the whole file has to
//! be read again from its first byte with UTF-8 ruled out ([`PushError::ReadAgainWithoutUtf8`]).
//! A code page the user chose is used from the first byte, with no detection.

use super::codepage::{CodePage, Confidence};
use super::csv_format::{sniff, CsvFormat, SAMPLE_BYTES};
use super::decode::{is_high_surrogate, looks_binary, utf16_units, utf8_cut_short};
use super::detect::{detect, SAMPLE_BYTES as DETECT_BYTES};
use super::slice::Slice;
use super::text_decoder::{new_decoder, TextDecode};
use super::utf8::{ascii_len, check_utf8};
use crate::error::ImportError;

/// Why pushed bytes stop the read.
#[derive(Debug, Clone, PartialEq)]
pub enum PushError {
    /// The file cannot be used.
    Import(ImportError),
    /// Bytes past the start are not UTF-8 though the sample the code page was detected from
    /// was: read the file again from its first byte into a [`Feed::without_utf8`].
    ReadAgainWithoutUtf8,
}

impl From<ImportError> for PushError {
    fn from(e: ImportError) -> Self {
        PushError::Import(e)
    }
}

/// How raw bytes become text.
#[derive(Debug)]
enum Decoder {
    /// Not decided yet: the bytes so far (the checks need the first 4 KB and one non-blank byte).
    Undecided(Vec<u8>),
    /// No BOM, only ASCII so far: passed through until the first byte past ASCII.
    Ascii,
    /// No BOM: the bytes from the first one past ASCII, held until they make a sample
    /// ([`DETECT_BYTES`]) or the file ends, then the code page is detected from them.
    Sampling(Vec<u8>),
    /// UTF-8 as detected: `carry` holds a character split at the end of the last slice; a byte
    /// that is not UTF-8 asks to read the file again without UTF-8.
    Utf8 { carry: Vec<u8> },
    /// UTF-8 after a byte-order mark: anything else is no text file.
    Utf8Bom { carry: Vec<u8> },
    /// UTF-16 after a byte-order mark: an odd byte and a high surrogate may wait for the next slice.
    Utf16 { little_endian: bool, odd: Option<u8>, high: Option<u16> },
    /// Any other code page (detected or chosen): bytes that are no character become U+FFFD.
    Other(Box<dyn TextDecode>),
}

/// Where the boundary scanner is, in the terms of `csv_core`'s reader.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Scan {
    /// Before a record (line breaks here are blank lines).
    Record,
    /// After a delimiter.
    Field,
    /// In a field that did not start with a quote: quotes in it are text.
    Unquoted,
    /// In a quoted field.
    Quoted,
    /// After a quote in a quoted field: closes it unless another quote follows ("" escapes).
    QuoteInQuoted,
    /// After a backslash in a quoted field (backslash-escape dialect).
    Escaped,
    /// After a `\r` that ended a record: a `\n` right after belongs to it.
    Cr,
}

/// A file's bytes, pushed slice by slice, as runs of complete records (see the module docs).
#[derive(Debug)]
pub struct Feed {
    file: String,
    /// The file's size in bytes.
    byte_len: u64,
    /// Bytes pushed so far.
    pushed: u64,
    /// Whether the last slice was pushed.
    eof: bool,
    decoder: Decoder,
    encoding: &'static str,
    /// How sure the choice of `encoding` is.
    confidence: Confidence,
    /// Whether UTF-8 is still possible (not after [`PushError::ReadAgainWithoutUtf8`]).
    utf8: bool,
    /// The code page the user chose, used from the first byte.
    forced: Option<CodePage>,
    /// Decoded text not yet handed out as a segment (UTF-8 throughout).
    text: Vec<u8>,
    /// A buffer handed back after its segment was read ([`Feed::recycle`]): the next `text`,
    /// so a large file is read through a few buffers instead of a fresh allocation (and, in
    /// the browser, fresh wasm memory) per slice.
    spare: Vec<u8>,
    /// Offset in the whole decoded text of `text[0]`.
    base: u64,
    /// Decoded bytes so far.
    decoded: u64,
    /// The dialect, once the start of the text has been sniffed.
    dialect: Option<CsvFormat>,
    /// Scanner state after `text[..scanned]`, and the end of the last complete record in `text`.
    scan: Scan,
    scanned: usize,
    cut: usize,
    /// Whether the final segment has been handed out.
    done: bool,
    /// Whether the start holds the header (and the title rows above it) complete.
    header_ready: bool,
    /// Whether the text is dropped as soon as it is decoded (see [`Feed::check_only`]).
    check_only: bool,
    /// Whether the end is only assumed (see [`Feed::assume_end`]): a record cut there is dropped.
    drop_tail: bool,
    /// Offset in the whole text where ASCII pass-through ended (the first byte past ASCII),
    /// once it has: the text before it is the file's bytes as they are (see [`Feed::continuing`]).
    ascii_until: Option<u64>,
}

impl Feed {
    /// A feed for `file`, `byte_len` bytes long, whose encoding is decided from its bytes.
    pub fn new(file: &str, byte_len: u64) -> Feed {
        Feed {
            file: file.to_owned(),
            byte_len,
            pushed: 0,
            eof: false,
            decoder: Decoder::Undecided(Vec::new()),
            encoding: "",
            confidence: Confidence::High,
            utf8: true,
            forced: None,
            text: Vec::new(),
            spare: Vec::new(),
            base: 0,
            decoded: 0,
            dialect: None,
            scan: Scan::Record,
            scanned: 0,
            cut: 0,
            done: false,
            header_ready: false,
            check_only: false,
            drop_tail: false,
            ascii_until: None,
        }
    }

    /// A feed that only decodes, keeping no text: for finding whether a file whose header
    /// could not be used would have failed to decode first (a whole-file read reports that).
    pub fn check_only(self) -> Feed {
        Feed { check_only: true, ..self }
    }

    /// A feed that detects the code page with UTF-8 ruled out (after
    /// [`PushError::ReadAgainWithoutUtf8`]); the checks for files that are not CSV still apply.
    pub fn without_utf8(file: &str, byte_len: u64) -> Feed {
        Feed { utf8: false, ..Feed::new(file, byte_len) }
    }

    /// A feed of UTF-8 text written in `dialect`, with nothing to detect: for tests that push
    /// text in slices of their choosing and want records handed out as soon as they are complete.
    #[cfg(test)]
    pub(crate) fn utf8_in(file: &str, byte_len: u64, dialect: CsvFormat) -> Feed {
        Feed {
            decoder: Decoder::Utf8 { carry: Vec::new() },
            encoding: CodePage::UTF_8.name(),
            dialect: Some(dialect),
            ..Feed::new(file, byte_len)
        }
    }

    /// A feed that reads the file in `code_page` (the user's choice) from its first byte; a
    /// byte-order mark still wins, and the checks for files that are not CSV still apply.
    pub fn with_code_page(file: &str, byte_len: u64, code_page: CodePage) -> Feed {
        Feed { forced: Some(code_page), ..Feed::new(file, byte_len) }
    }

    /// A feed holding a whole decoded text.
    pub(crate) fn whole_text(
        file: &str,
        byte_len: u64,
        text: String,
        encoding: &'static str,
        confidence: Confidence,
    ) -> Feed {
        let decoded = text.len() as u64;
        let mut feed = Feed {
            eof: true,
            pushed: byte_len,
            decoder: Decoder::Ascii,
            encoding,
            confidence,
            text: text.into_bytes(),
            decoded,
            ..Feed::new(file, byte_len)
        };
        feed.sniff_if_possible();
        feed
    }

    /// Name of the encoding (empty until decided).
    pub fn encoding(&self) -> &'static str {
        self.encoding
    }

    /// How sure the choice of the encoding is.
    pub fn confidence(&self) -> Confidence {
        self.confidence
    }

    /// Whether the last slice has been pushed.
    pub fn complete(&self) -> bool {
        self.eof
    }

    /// Bytes of the file pushed so far.
    pub fn bytes_pushed(&self) -> u64 {
        self.pushed
    }

    /// The file's size in bytes.
    pub fn byte_len(&self) -> u64 {
        self.byte_len
    }

    /// Whether enough has been pushed to read the header: the encoding is decided, the dialect
    /// sniffed, and the header record complete (or the whole file is in).
    pub fn ready(&self) -> bool {
        self.eof || self.header_ready
    }

    /// Appends the next slice of the file; `last` for the final one.
    pub fn push<S: Slice + ?Sized>(&mut self, bytes: &S, last: bool) -> Result<(), PushError> {
        if self.eof {
            return Ok(());
        }
        self.pushed += bytes.len() as u64;
        self.eof = last;
        let before = self.text.len();
        self.decode(bytes)?;
        self.decoded += (self.text.len() - before) as u64;
        if self.check_only {
            self.text.clear();
            return Ok(());
        }
        if self.dialect.is_none() {
            self.sniff_if_possible();
        }
        if self.dialect.is_some() && !self.eof {
            self.scan();
            if !self.header_ready {
                self.header_ready = self.header_complete();
            }
        }
        Ok(())
    }

    /// Takes what has been pushed as the whole file, though it is only its start: a character
    /// split at the end is dropped, nothing is decided from the missing rest. For a preview.
    pub(crate) fn assume_end(&mut self) -> Result<(), PushError> {
        if self.eof {
            return Ok(());
        }
        self.eof = true;
        let before = self.text.len();
        if let Decoder::Undecided(head) = &mut self.decoder {
            let head = std::mem::take(head);
            self.decide(head)?;
        }
        if let Decoder::Sampling(held) = &mut self.decoder {
            // The sample is all there is: detect from it and decode it, the file going on past
            // it (a character cut at its end waits, and is dropped).
            let held = std::mem::take(held);
            self.eof = false;
            let chosen = self.choose(held, false);
            self.eof = true;
            chosen?;
        }
        self.decoded += (self.text.len() - before) as u64;
        if self.dialect.is_none() {
            self.sniff_if_possible();
        }
        self.scan();
        self.drop_tail = true;
        Ok(())
    }

    /// The next run of complete records as `(offset of its first byte in the whole text, its
    /// bytes, whether it ends the file, whether its bytes are known to be UTF-8)`; `None` until
    /// more is pushed (or after the last). Every run is UTF-8; it is *known* to be when each of
    /// its bytes was checked as it came (passed through as ASCII, [`ascii_len`], or read as
    /// UTF-8, [`check_utf8`]; a file read in another code page goes from ASCII to that code
    /// page, never back), or was given whole as a string ([`Feed::whole_text`]): then it need
    /// not be checked again.
    pub(crate) fn next_segment(&mut self) -> Option<(u64, Vec<u8>, bool, bool)> {
        if self.done || self.dialect.is_none() {
            return None;
        }
        let base = self.base;
        if self.eof {
            self.done = true;
            if self.drop_tail && self.cut > 0 {
                self.text.truncate(self.cut);
            }
            let text = std::mem::take(&mut self.text);
            self.base += text.len() as u64;
            return Some((base, text, true, self.checked_before(self.base)));
        }
        if self.cut == 0 {
            return None;
        }
        // The partial record after the cut moves to the spare buffer, which becomes the text.
        let mut rest = std::mem::take(&mut self.spare);
        rest.clear();
        rest.extend_from_slice(self.text.get(self.cut..).unwrap_or_default());
        self.text.truncate(self.cut);
        let segment = std::mem::replace(&mut self.text, rest);
        self.base += self.cut as u64;
        self.scanned -= self.cut;
        self.cut = 0;
        Some((base, segment, false, self.checked_before(self.base)))
    }

    /// Whether every byte of the text before offset `end` was checked as it came (see
    /// [`Feed::next_segment`]).
    fn checked_before(&self, end: u64) -> bool {
        matches!(self.decoder, Decoder::Ascii | Decoder::Utf8 { .. } | Decoder::Utf8Bom { .. })
            || self.ascii_until.is_some_and(|until| until >= end)
    }

    /// Hands back the buffer of a segment that has been read, to hold later text.
    pub(crate) fn recycle(&mut self, buffer: Vec<u8>) {
        if buffer.capacity() > self.spare.capacity() {
            self.spare = buffer;
        }
    }

    /// The dialect, once sniffed.
    pub(crate) fn dialect(&self) -> Option<CsvFormat> {
        self.dialect
    }

    /// The length of the whole decoded text: exact once every slice is in, else extrapolated
    /// from the bytes decoded so far.
    pub(crate) fn text_len_estimate(&self) -> u64 {
        if self.eof || self.pushed == 0 {
            return self.decoded;
        }
        (self.decoded as f64 / self.pushed as f64 * self.byte_len as f64) as u64
    }

    /// Decoded bytes so far.
    pub(crate) fn decoded(&self) -> u64 {
        self.decoded
    }

    fn sniff_if_possible(&mut self) {
        if matches!(self.decoder, Decoder::Undecided(_)) || !(self.eof || self.text.len() > SAMPLE_BYTES) {
            return;
        }
        let mut end = self.text.len().min(SAMPLE_BYTES + 4);
        // The sample is whole characters; `sniff` cuts it to its own length.
        let sample = loop {
            match std::str::from_utf8(&self.text[..end]) {
                Ok(s) => break s,
                Err(e) => end = e.valid_up_to(),
            }
        };
        let whole = end == self.text.len() && self.eof;
        // `sniff` looks at 64 KB and whether the text goes on: a sample one character longer says so.
        let dialect = if whole || sample.len() > SAMPLE_BYTES { sniff(sample) } else { CsvFormat::default() };
        self.dialect = Some(dialect);
    }

    /// Whether the complete records pushed so far hold the title rows and the header.
    fn header_complete(&self) -> bool {
        let Some(dialect) = self.dialect else { return false };
        let mut reader = dialect.builder().from_reader(&self.text[..self.cut]);
        let mut record = csv::ByteRecord::new();
        let mut non_blank = 0;
        while let Ok(true) = reader.read_byte_record(&mut record) {
            if !record.iter().all(is_blank_text) {
                non_blank += 1;
                if non_blank > dialect.skip_records {
                    return true;
                }
            }
        }
        false
    }

    /// Scans the text pushed since the last scan, moving `cut` to the end of the last complete
    /// record. Follows `csv_core`: a quote opens a quoted field only at the start of a field;
    /// `\r`, `\n` and `\r\n` end records; a `\r\n` is never split.
    fn scan(&mut self) {
        let Some(dialect) = self.dialect else { return };
        let (delimiter, backslash) = (dialect.delimiter, dialect.backslash_escapes);
        let text = &self.text;
        let (mut state, mut cut, mut i) = (self.scan, self.cut, self.scanned);
        // A byte-order mark opening the text is no part of the first field (the record
        // splitter skips it too), so a quote after it opens a quoted field.
        if self.base == 0 && i == 0 && text.starts_with("\u{feff}".as_bytes()) {
            i = 3;
        }
        while i < text.len() {
            if matches!(state, Scan::Record | Scan::Field | Scan::Unquoted) {
                // Outside quotes, only a quote at the start of a field changes how the bytes
                // read: jump to the next quote, the cut moving past the last line break before
                // it. A `\r` there is left to the byte-wise reading (its record ends with the
                // byte after it).
                let rest = text.get(i..).unwrap_or_default();
                let mut end = memchr::memchr(b'"', rest).map_or(text.len(), |n| i + n);
                if end > i && text.get(end - 1) == Some(&b'\r') {
                    end -= 1;
                }
                if let Some(stretch) = text.get(i..end).filter(|s| !s.is_empty()) {
                    if let Some(j) = memchr::memrchr2(b'\n', b'\r', stretch) {
                        cut = i + j + 1;
                    }
                    state = match stretch.last() {
                        Some(b'\n') => Scan::Record,
                        Some(&b) if b == delimiter => Scan::Field,
                        _ => Scan::Unquoted,
                    };
                    i = end;
                    continue;
                }
            }
            let b = text[i];
            state = match state {
                Scan::Cr => {
                    if b == b'\n' {
                        cut = i + 1;
                        i += 1;
                    } else {
                        cut = i;
                    }
                    state = Scan::Record;
                    continue;
                }
                Scan::Record | Scan::Field => {
                    if b == b'"' {
                        Scan::Quoted
                    } else if b == delimiter {
                        Scan::Field
                    } else if b == b'\n' {
                        cut = i + 1;
                        Scan::Record
                    } else if b == b'\r' {
                        Scan::Cr
                    } else {
                        Scan::Unquoted
                    }
                }
                Scan::Unquoted => {
                    // The bulk of any file: run to the next delimiter or line break.
                    let rest = &text[i..];
                    match rest.iter().position(|&c| c == delimiter || c == b'\n' || c == b'\r') {
                        None => {
                            i = text.len();
                            continue;
                        }
                        Some(n) => {
                            i += n;
                            match text[i] {
                                b'\n' => {
                                    cut = i + 1;
                                    Scan::Record
                                }
                                b'\r' => Scan::Cr,
                                _ => Scan::Field,
                            }
                        }
                    }
                }
                Scan::Quoted => {
                    let rest = &text[i..];
                    match rest.iter().position(|&c| c == b'"' || (backslash && c == b'\\')) {
                        None => {
                            i = text.len();
                            continue;
                        }
                        Some(n) => {
                            i += n;
                            if text[i] == b'"' {
                                Scan::QuoteInQuoted
                            } else {
                                Scan::Escaped
                            }
                        }
                    }
                }
                Scan::Escaped => Scan::Quoted,
                Scan::QuoteInQuoted => {
                    if !backslash && b == b'"' {
                        Scan::Quoted
                    } else if b == delimiter {
                        Scan::Field
                    } else if b == b'\n' {
                        cut = i + 1;
                        Scan::Record
                    } else if b == b'\r' {
                        Scan::Cr
                    } else {
                        Scan::Unquoted
                    }
                }
            };
            i += 1;
        }
        self.scan = state;
        self.cut = cut;
        self.scanned = i;
    }

    /// Decodes `bytes` onto `text`. ASCII and UTF-8 are appended to the text and checked there.
    fn decode<S: Slice + ?Sized>(&mut self, bytes: &S) -> Result<(), PushError> {
        let last = self.eof;
        make_room(&mut self.text, bytes.len());
        match &mut self.decoder {
            Decoder::Undecided(head) => {
                bytes.append_to(head);
                let non_blank = head.iter().any(|b| !b.is_ascii_whitespace());
                if last || (head.len() >= 4096 && non_blank) {
                    let head = std::mem::take(head);
                    self.decide(head)?;
                }
                Ok(())
            }
            Decoder::Ascii => {
                let start = self.text.len();
                bytes.append_to(&mut self.text);
                let plain = start + ascii_len(self.text.get(start..).unwrap_or_default());
                if plain == self.text.len() {
                    return Ok(());
                }
                let rest = self.text.split_off(plain);
                self.ascii_until = Some(self.base + plain as u64);
                self.decoder = Decoder::Sampling(Vec::new());
                self.decode(rest.as_slice())
            }
            Decoder::Sampling(held) => {
                bytes.append_to(held);
                if last || held.len() >= DETECT_BYTES {
                    let held = std::mem::take(held);
                    self.choose(held, last)?;
                }
                Ok(())
            }
            Decoder::Other(decoder) => {
                decoder.decode(&bytes.bytes(), last, &mut self.text);
                Ok(())
            }
            Decoder::Utf16 { little_endian, odd, high } => {
                let le = *little_endian;
                let bytes = bytes.bytes();
                let mut units = Vec::with_capacity(bytes.len() / 2 + 2);
                units.extend(high.take());
                let mut rest: &[u8] = &bytes;
                if let (Some(first), Some((&second, tail))) = (*odd, rest.split_first()) {
                    units.push(utf16_units([first, second], le));
                    rest = tail;
                    *odd = None;
                }
                let pairs = rest.chunks_exact(2);
                if let [b] = pairs.remainder() {
                    *odd = Some(*b);
                }
                units.extend(pairs.map(|p| utf16_units([p[0], p[1]], le)));
                if !last {
                    if let Some(&u) = units.last() {
                        if is_high_surrogate(u) {
                            *high = units.pop();
                        }
                    }
                }
                let binary = || PushError::Import(ImportError::Binary { file: self.file.clone() });
                // At the end, a last odd byte or a last lone high surrogate: the file was cut
                // short, if all before it decodes.
                let mut cut = last && odd.is_some();
                if last && units.last().is_some_and(|&u| is_high_surrogate(u)) {
                    units.pop();
                    cut = true;
                }
                let mut s = String::with_capacity(units.len());
                for c in char::decode_utf16(units) {
                    s.push(c.map_err(|_| binary())?);
                }
                if cut {
                    let encoding = if le { CodePage::UTF_16LE } else { CodePage::UTF_16BE }.name();
                    return Err(PushError::Import(ImportError::CutShort { file: self.file.clone(), encoding }));
                }
                self.text.extend_from_slice(s.as_bytes());
                Ok(())
            }
            Decoder::Utf8Bom { carry } => append_utf8(&mut self.text, carry, bytes, last).map_err(|cut| match cut {
                true => self.utf8_cut_short(),
                false => PushError::Import(ImportError::Binary { file: self.file.clone() }),
            }),
            // The sample was UTF-8, this is not: the file is in another code page (or it ends
            // inside a character: cut short).
            Decoder::Utf8 { carry } => append_utf8(&mut self.text, carry, bytes, last).map_err(|cut| match cut {
                true => self.utf8_cut_short(),
                false => PushError::ReadAgainWithoutUtf8,
            }),
        }
    }

    /// Chooses the decoder from the start of the file (`head`: all bytes so far) as
    /// [`super::decode`] does, and decodes `head`.
    fn decide(&mut self, head: Vec<u8>) -> Result<(), PushError> {
        let file = || self.file.clone();
        if self.eof && head.iter().all(|b| b.is_ascii_whitespace()) {
            return Err(ImportError::Empty { file: file() }.into());
        }
        if head.starts_with(b"PK\x03\x04") || head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
            return Err(ImportError::Spreadsheet { file: file() }.into());
        }
        let (decoder, code_page, skip) = match head.as_slice() {
            [0xEF, 0xBB, 0xBF, ..] => (Decoder::Utf8Bom { carry: Vec::new() }, CodePage::UTF_8, 3),
            [0xFF, 0xFE, ..] => (Decoder::Utf16 { little_endian: true, odd: None, high: None }, CodePage::UTF_16LE, 2),
            [0xFE, 0xFF, ..] => (Decoder::Utf16 { little_endian: false, odd: None, high: None }, CodePage::UTF_16BE, 2),
            _ => {
                if looks_binary(&head[..head.len().min(4096)]) {
                    return Err(ImportError::Binary { file: file() }.into());
                }
                let first = head.iter().find(|b| !b.is_ascii_whitespace()).copied();
                if matches!(first, Some(b'{') | Some(b'[')) {
                    return Err(ImportError::Json { file: file() }.into());
                }
                if let Some(code_page) = self.forced {
                    self.use_code_page(code_page, Confidence::Chosen);
                    return self.decode(head.as_slice());
                }
                // UTF-8 (ASCII so far) until a byte past ASCII says otherwise.
                self.decoder = Decoder::Ascii;
                self.encoding = CodePage::UTF_8.name();
                self.confidence = Confidence::High;
                return self.decode(head.as_slice());
            }
        };
        self.decoder = decoder;
        self.encoding = code_page.name();
        self.confidence = Confidence::Marked;
        self.decode(&head[skip..])
    }

    /// Detects the code page from `held` (the bytes from the first one past ASCII; `last`: they
    /// run to the end of the file) and decodes them with it.
    fn choose(&mut self, held: Vec<u8>, last: bool) -> Result<(), PushError> {
        let end = last && held.len() <= DETECT_BYTES;
        if end && self.utf8 && utf8_cut_short(&held) {
            return Err(self.utf8_cut_short());
        }
        let found = detect(&held, end, self.utf8);
        if found.code_page == CodePage::UTF_8 {
            self.decoder = Decoder::Utf8 { carry: Vec::new() };
            self.encoding = CodePage::UTF_8.name();
            self.confidence = found.confidence;
        } else {
            self.use_code_page(found.code_page, found.confidence);
        }
        self.decode(held.as_slice())
    }

    /// The file is UTF-8 that ends inside a character.
    fn utf8_cut_short(&self) -> PushError {
        PushError::Import(ImportError::CutShort { file: self.file.clone(), encoding: CodePage::UTF_8.name() })
    }

    /// Decodes the rest with `code_page` (Windows-1252, said to be a guess, when nothing here
    /// decodes it).
    fn use_code_page(&mut self, code_page: CodePage, confidence: Confidence) {
        let (decoder, code_page, confidence) = match new_decoder(code_page) {
            Some(decoder) => (decoder, code_page, confidence),
            None => match new_decoder(CodePage::WINDOWS_1252) {
                Some(decoder) => (decoder, CodePage::WINDOWS_1252, Confidence::Low),
                None => return,
            },
        };
        self.decoder = Decoder::Other(decoder);
        self.encoding = code_page.name();
        self.confidence = confidence;
    }
}

/// How the text a feed decodes relates to the file's bytes, for reading a file as two halves
/// (see [`super::halves`]): only text that is the file's bytes as they are can be split at a
/// file byte and carried on from there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TextBytes {
    /// ASCII passed through: the first byte past ASCII is still to come.
    Ascii,
    /// UTF-8, decided from a sample (strict from then on).
    Utf8,
    /// UTF-8 after a byte-order mark: the text starts 3 bytes into the file.
    Utf8Bom,
    /// Anything else (undecided, sampling, UTF-16, another code page): no split.
    Other,
}

impl Feed {
    /// How the text relates to the file's bytes now.
    pub(crate) fn text_bytes(&self) -> TextBytes {
        match self.decoder {
            Decoder::Ascii => TextBytes::Ascii,
            Decoder::Utf8 { .. } => TextBytes::Utf8,
            Decoder::Utf8Bom { .. } => TextBytes::Utf8Bom,
            _ => TextBytes::Other,
        }
    }

    /// Reads a code-page sample still being collected (the bytes from the first one past
    /// ASCII, [`DETECT_BYTES`] long before detection) as UTF-8 for now: for a tail given only
    /// the start of a file, whose head decides from the whole sample. The head's absorb takes
    /// the tail only when it decided UTF-8 too. An error when the bytes so far are not UTF-8.
    pub(crate) fn assume_utf8_sample(&mut self) -> Result<(), PushError> {
        let Decoder::Sampling(held) = &mut self.decoder else { return Ok(()) };
        let held = std::mem::take(held);
        self.decoder = Decoder::Utf8 { carry: Vec::new() };
        self.encoding = CodePage::UTF_8.name();
        let before = self.text.len();
        self.decode(held.as_slice())?;
        self.decoded += (self.text.len() - before) as u64;
        // Sniffs and scans what is now text, as a push does.
        self.push::<[u8]>(&[], false)
    }

    /// Where ASCII pass-through ended in the whole text (the first byte past ASCII), if it has.
    pub(crate) fn ascii_until(&self) -> Option<u64> {
        self.ascii_until
    }

    /// The file byte of `text` bytes into the whole text, when the text up to there is the
    /// file's bytes as they are (ASCII, UTF-8, or UTF-8 after its byte-order mark).
    pub(crate) fn file_byte_of(&self, text: u64) -> Option<u64> {
        let ascii_so_far = self.ascii_until.is_some_and(|end| end >= text);
        match self.text_bytes() {
            TextBytes::Utf8Bom => Some(text + 3),
            TextBytes::Ascii | TextBytes::Utf8 => Some(text),
            TextBytes::Other if ascii_so_far => Some(text),
            TextBytes::Other => None,
        }
    }

    /// A feed for the rest of a file (`byte_len` bytes) from a record boundary at `text` bytes
    /// into the whole text, decoding as this one does there, with its dialect and no header:
    /// `None` unless this one passes ASCII through there or decodes UTF-8 (see [`TextBytes`]).
    pub(crate) fn continuing(&self, byte_len: u64, text: u64) -> Option<Feed> {
        if self.ascii_until.is_some_and(|end| end >= text) {
            // Still ASCII there: the first byte past ASCII decides, as in the whole file.
            let ascii = Feed::new(&self.file, byte_len);
            return Some(Feed {
                decoder: Decoder::Ascii,
                encoding: CodePage::UTF_8.name(),
                confidence: Confidence::High,
                utf8: self.utf8,
                forced: self.forced,
                dialect: Some(self.dialect?),
                header_ready: true,
                ..ascii
            });
        }
        let decoder = match self.decoder {
            Decoder::Ascii => Decoder::Ascii,
            Decoder::Utf8 { .. } => Decoder::Utf8 { carry: Vec::new() },
            Decoder::Utf8Bom { .. } => Decoder::Utf8Bom { carry: Vec::new() },
            _ => return None,
        };
        Some(Feed {
            decoder,
            encoding: self.encoding,
            confidence: self.confidence,
            utf8: self.utf8,
            forced: self.forced,
            dialect: Some(self.dialect?),
            header_ready: true,
            ..Feed::new(&self.file, byte_len)
        })
    }
}

/// Room a fresh text buffer keeps past the slice it is made for: the partial record a later
/// slice of the same size carries over fits in it, so the buffers the feed recycles stop
/// growing once the slices stop growing.
const ROOM_MARGIN: usize = 64 << 10;

/// Makes room in `text` for `more` bytes. A grown `Vec` is reallocated, and wasm's allocator
/// then copies the whole old buffer, though only a partial record is left in it (the rest was
/// handed out as a segment): a fresh buffer takes only that. It is made as large as what it
/// holds and the slice need, plus [`ROOM_MARGIN`], and twice what it holds when that is more
/// (a text that no segment takes, such as a record longer than a slice, still grows by
/// doubling). Doubling the buffer's capacity instead made each buffer twice the slice it was
/// made for: memory the browser must first hand over (a 1M-row file's half read into 65 MiB
/// of fresh buffers instead of 34), which costs more than copying the bytes into it.
fn make_room(text: &mut Vec<u8>, more: usize) {
    if text.capacity() - text.len() >= more {
        return;
    }
    let mut fresh = Vec::with_capacity((text.len() + more + ROOM_MARGIN).max(2 * text.len()));
    fresh.extend_from_slice(text);
    *text = fresh;
}

/// Appends `carry` (a character split at the end of the slice before) and `bytes` to `text`,
/// checks that what was appended is UTF-8, and keeps a character split at its end in `carry`
/// for the next slice (unless it is the `last`). `Err` when it is not UTF-8, the text as before:
/// `Err(true)` when only the `last` slice's last character is cut short.
fn append_utf8<S: Slice + ?Sized>(text: &mut Vec<u8>, carry: &mut Vec<u8>, bytes: &S, last: bool) -> Result<(), bool> {
    let start = text.len();
    text.append(carry);
    bytes.append_to(text);
    match check_utf8(text.get(start..).unwrap_or_default()) {
        Ok(()) => Ok(()),
        Err((valid_up_to, None)) if !last => {
            let valid = start + valid_up_to;
            carry.extend_from_slice(text.get(valid..).unwrap_or_default());
            text.truncate(valid);
            Ok(())
        }
        Err((_, error_len)) => {
            text.truncate(start);
            Err(error_len.is_none())
        }
    }
}

/// Whether a field is blank the way `str::trim` sees it (Unicode whitespace too).
fn is_blank_text(field: &[u8]) -> bool {
    std::str::from_utf8(field).is_ok_and(|s| s.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn room_is_made_without_losing_the_text() {
        let mut text = Vec::with_capacity(8);
        text.extend_from_slice(b"partial");
        make_room(&mut text, 100);
        assert_eq!(text, b"partial");
        assert!(text.capacity() >= 107);
        let capacity = text.capacity();
        make_room(&mut text, 50);
        assert_eq!(text.capacity(), capacity, "room enough: the buffer is kept");
    }

    #[test]
    fn a_fresh_buffer_fits_its_slice_and_the_next_partial_record_not_twice_the_old_buffer() {
        const SLICE: usize = 8 << 20;
        // A recycled buffer made for a smaller slice, holding the partial record after its cut.
        let mut text = Vec::with_capacity(SLICE / 2 + ROOM_MARGIN);
        text.extend_from_slice(b"D1,partial");
        make_room(&mut text, SLICE);
        assert_eq!(text, b"D1,partial");
        assert_eq!(text.capacity(), 10 + SLICE + ROOM_MARGIN);
        // The next slice of the same size, after another partial record, fits the same buffer.
        text.clear();
        text.extend_from_slice(&[b'x'; 1000]);
        let capacity = text.capacity();
        make_room(&mut text, SLICE);
        assert_eq!(text.capacity(), capacity);
        // A text no segment takes (one long record) still doubles as it grows.
        let mut long = vec![b'x'; 4 * SLICE];
        make_room(&mut long, 1);
        assert_eq!(long.capacity(), 8 * SLICE);
    }

    /// The scanner read one byte at a time (as it was before the quote-to-quote jumps): the
    /// state after `text` and the end of its last complete record.
    fn bytewise(text: &[u8], delimiter: u8, backslash: bool) -> (Scan, usize) {
        let (mut state, mut cut, mut i) = (Scan::Record, 0, 0);
        while i < text.len() {
            let b = text[i];
            state = match state {
                Scan::Cr => {
                    cut = if b == b'\n' { i + 1 } else { i };
                    i += usize::from(b == b'\n');
                    state = Scan::Record;
                    continue;
                }
                Scan::Record | Scan::Field | Scan::Unquoted | Scan::QuoteInQuoted => {
                    let opens = match state {
                        Scan::QuoteInQuoted => !backslash,
                        _ => matches!(state, Scan::Record | Scan::Field),
                    };
                    if b == b'"' && opens {
                        Scan::Quoted
                    } else if b == delimiter {
                        Scan::Field
                    } else if b == b'\n' {
                        cut = i + 1;
                        Scan::Record
                    } else if b == b'\r' {
                        Scan::Cr
                    } else {
                        Scan::Unquoted
                    }
                }
                Scan::Quoted if b == b'"' => Scan::QuoteInQuoted,
                Scan::Quoted if backslash && b == b'\\' => Scan::Escaped,
                Scan::Quoted => Scan::Quoted,
                Scan::Escaped => Scan::Quoted,
            };
            i += 1;
        }
        (state, cut)
    }

    /// A feed whose text arrives in `pieces`, scanned after each.
    fn scanned_in_pieces(text: &[u8], cuts: &[usize], delimiter: u8, backslash: bool) -> Vec<(Scan, usize)> {
        let mut feed = Feed::new("t.csv", text.len() as u64);
        feed.decoder = Decoder::Ascii;
        feed.dialect = Some(CsvFormat { delimiter, backslash_escapes: backslash, skip_records: 0 });
        let mut at = 0;
        let mut states = Vec::new();
        for &end in cuts.iter().chain([&text.len()]) {
            let end = end.clamp(at, text.len());
            feed.text.extend_from_slice(&text[at..end]);
            at = end;
            feed.scan();
            states.push((feed.scan, feed.cut));
        }
        states
    }

    #[test]
    fn record_ends_are_found_across_quotes_and_line_breaks() {
        // (text, where the last complete record ends)
        let cases: [(&str, usize); 9] = [
            ("a,b\n1,2\n3", 8),
            ("a,b\r\n1,2\r\n", 10),
            ("a,b\r1,2\r3", 8),
            ("a,\"x\ny\"\n1", 8),
            ("a,\"x\"\"\n\"\n1", 9),
            ("12\" screen,tv\n1", 14),
            ("a,\"open\n1,2\n", 0),
            ("a,b\r", 0),
            ("\"q\"\r\"r\"\n", 8),
        ];
        for (text, cut) in cases {
            let whole = scanned_in_pieces(text.as_bytes(), &[], b',', false);
            assert_eq!(whole.last().map(|s| s.1), Some(cut), "{text:?}");
            assert_eq!(whole.last().copied(), Some(bytewise(text.as_bytes(), b',', false)), "{text:?}");
        }
    }

    #[test]
    fn a_quote_after_a_byte_order_mark_opens_a_quoted_field() {
        let text = "\u{feff}\"a\nb\"\nc";
        for cuts in [&[][..], &[1, 4, 6]] {
            assert_eq!(scanned_in_pieces(text.as_bytes(), cuts, b',', false).last().map(|s| s.1), Some(9), "{cuts:?}");
        }
        // Anywhere else the mark is text, and a quote after it too.
        assert_eq!(scanned_in_pieces("a\n\u{feff}\"b\nc".as_bytes(), &[], b',', false).last().map(|s| s.1), Some(8));
    }

    proptest::proptest! {
        /// Slice by slice, the scanner ends each slice in the state, and with the last complete
        /// record, that reading the text so far a byte at a time gives.
        #[test]
        fn jumps_agree_with_a_bytewise_reading(
            text in proptest::collection::vec(proptest::sample::select(b"ab,;\"\n\r\\ ".to_vec()), 0..300),
            mut cuts in proptest::collection::vec(0usize..300, 0..6),
            semicolon in proptest::bool::ANY,
            backslash in proptest::bool::ANY,
        ) {
            cuts.sort_unstable();
            let delimiter = if semicolon { b';' } else { b',' };
            let got = scanned_in_pieces(&text, &cuts, delimiter, backslash);
            let ends: Vec<usize> = cuts.iter().map(|&c| c.min(text.len())).chain([text.len()]).collect();
            let mut at = 0;
            for (state, end) in got.iter().zip(ends) {
                let end = end.max(at);
                at = end;
                proptest::prop_assert_eq!(*state, bytewise(&text[..end], delimiter, backslash), "{:?} up to {}", String::from_utf8_lossy(&text), end);
            }
        }
    }
}
