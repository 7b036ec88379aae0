//! A CSV file as a header and a stream of records, whatever its dialect: the layer every
//! dataset reader (and the import preview) sits on.

use super::csv_format::CsvFormat;
use super::decode;
use super::report::RejectedRow;
use super::stream::{Feed, PushError};
use crate::error::ImportError;
use std::collections::{HashMap, HashSet};

/// Records of one file, after its header. The text arrives through a [`Feed`], a run of
/// complete records at a time; line numbers, positions and the checks for unclosed quotes are
/// those of the whole text.
pub struct CsvSource {
    /// Column names: trimmed, whitespace runs collapsed, empty ones named `column_N`, repeated
    /// ones suffixed `_2`, `_3`, ...
    pub headers: Vec<String>,
    /// How the file is written.
    pub dialect: CsvFormat,
    /// Line the header is on.
    pub header_line: u64,
    /// Title or notes lines above the header, skipped: `(line, text)`.
    pub preamble: Vec<(u64, String)>,
    segments: Segments,
    record: csv::StringRecord,
}

/// The feed and the run of records being read from it.
struct Segments {
    feed: Feed,
    dialect: CsvFormat,
    /// A reader over the current run of records, and the offset of the run in the whole text.
    reader: csv::Reader<std::io::Cursor<Vec<u8>>>,
    base: u64,
    /// Whether the current run ends the file.
    last: bool,
    lines: LineCounter,
    /// Whether the last read stopped for want of input.
    starved: bool,
}

/// What reading a record gave.
enum Raw {
    Record,
    /// The end of the file.
    End,
    /// No complete record until more is pushed.
    Starved,
}

impl Segments {
    fn new(feed: Feed, dialect: CsvFormat) -> Segments {
        let reader = dialect.builder().from_reader(std::io::Cursor::new(Vec::new()));
        Segments { feed, dialect, reader, base: 0, last: false, lines: LineCounter { pos: 0, line: 1 }, starved: false }
    }

    fn text(&self) -> &[u8] {
        self.reader.get_ref().get_ref()
    }

    /// Reads the next record, moving on to the next run of records when this one is done.
    fn read(&mut self, record: &mut csv::StringRecord) -> Result<Raw, csv::Error> {
        loop {
            if self.reader.read_record(record)? {
                return Ok(Raw::Record);
            }
            if self.last {
                return Ok(Raw::End);
            }
            let Some((base, text, last)) = self.feed.next_segment() else {
                self.starved = true;
                return Ok(Raw::Starved);
            };
            self.starved = false;
            let end = self.base + self.text().len() as u64;
            self.lines.leave(self.reader.get_ref().get_ref(), self.base, end);
            self.reader = self.dialect.builder().from_reader(std::io::Cursor::new(text));
            self.base = base;
            self.last = last;
        }
    }

    /// Offset in the whole text the reader is at.
    fn position(&self) -> u64 {
        self.base + self.reader.position().byte()
    }

    fn line_of(&mut self, byte: u64) -> u64 {
        let text = self.reader.get_ref().get_ref();
        self.lines.line_of(text, self.base, byte)
    }

    /// Whether the record that starts at `start` ran to the end of the file inside a quoted
    /// field (an unclosed quote). Only a record that ends at the end of the file can have.
    fn swallowed_the_rest(&self, start: u64) -> bool {
        let text = self.text();
        if !self.last || self.reader.position().byte() < text.len() as u64 || self.dialect.backslash_escapes {
            return false;
        }
        let start = (start.saturating_sub(self.base) as usize).min(text.len());
        ends_inside_quotes(&text[start..], self.dialect.delimiter)
    }
}

/// Physical line numbers from byte offsets. The csv crate's own line count skips blank lines
/// and CR-only breaks, so it is not what a user sees in an editor; this counts `\r\n`, `\n` and
/// a lone `\r` as one line break each, incrementally (records arrive in order). Runs of records
/// never split a `\r\n`, so counting run by run counts the same.
struct LineCounter {
    /// Offset in the whole text counted up to.
    pos: u64,
    line: u64,
}

/// Line breaks in `chunk`.
fn breaks(chunk: &[u8]) -> u64 {
    chunk.iter().enumerate().filter(|&(i, &b)| b == b'\n' || (b == b'\r' && chunk.get(i + 1) != Some(&b'\n'))).count()
        as u64
}

impl LineCounter {
    /// The line of the record the csv reader reports at `byte` of the whole text (`text` is the
    /// run of records that starts at `base`): it may point at the line breaks before the record,
    /// so those are skipped first.
    fn line_of(&mut self, text: &[u8], base: u64, byte: u64) -> u64 {
        let mut start = (byte.saturating_sub(base) as usize).min(text.len());
        while start < text.len() && matches!(text[start], b'\r' | b'\n') {
            start += 1;
        }
        if base + (start as u64) < self.pos {
            return self.line;
        }
        let from = (self.pos.saturating_sub(base) as usize).min(start);
        self.line += breaks(&text[from..start]);
        self.pos = base + start as u64;
        self.line
    }

    /// Counts the rest of the run `text` (starting at `base`, ending at `end`) before the next.
    fn leave(&mut self, text: &[u8], base: u64, end: u64) {
        if self.pos < end {
            let from = (self.pos.saturating_sub(base) as usize).min(text.len());
            self.line += breaks(&text[from..]);
            self.pos = end;
        }
    }
}

impl CsvSource {
    /// Sniffs the dialect of a whole decoded text and reads its header. Fails when there is no
    /// header, or only one column.
    pub fn open_text(file: &str, text: &str, encoding: &'static str) -> Result<CsvSource, ImportError> {
        CsvSource::open(file, Feed::whole_text(file, text.len() as u64, text.to_owned(), encoding))
    }

    /// Reads the header from a feed that is [`Feed::ready`] (one that is not is read as if
    /// what it holds were the whole file). Fails when there is no header, or only one column.
    pub fn open(file: &str, mut feed: Feed) -> Result<CsvSource, ImportError> {
        if !feed.ready() {
            feed.assume_end().map_err(|e| match e {
                PushError::Import(e) => e,
                PushError::ReadAgainAsWindows1252 => ImportError::Empty { file: file.to_owned() },
            })?;
        }
        let dialect = feed.dialect().unwrap_or_default();
        let mut segments = Segments::new(feed, dialect);
        let mut record = csv::StringRecord::new();
        let mut preamble = Vec::new();
        let (headers, header_line) = loop {
            match segments.read(&mut record) {
                Ok(Raw::Record) if is_blank(&record) => continue,
                Ok(Raw::Record) if preamble.len() < dialect.skip_records => {
                    let line = segments.line_of(record.position().map_or(0, |p| p.byte()) + segments.base);
                    let text: Vec<&str> = record.iter().collect();
                    preamble.push((line, text.join(&(dialect.delimiter as char).to_string())));
                }
                Ok(Raw::Record) => {
                    let line = segments.line_of(record.position().map_or(0, |p| p.byte()) + segments.base);
                    break (unique_headers(&record), line);
                }
                Ok(_) | Err(_) => return Err(ImportError::Empty { file: file.to_owned() }),
            }
        };
        if headers.len() < 2 {
            let header = headers.into_iter().next().unwrap_or_default();
            return Err(ImportError::SingleColumn { file: file.to_owned(), header });
        }
        let start = record.position().map_or(0, |p| p.byte()) + segments.base;
        if segments.swallowed_the_rest(start) {
            return Err(ImportError::UnclosedQuote { file: file.to_owned(), line: header_line });
        }
        Ok(CsvSource { headers, dialect, header_line, preamble, segments, record })
    }

    /// Appends the next slice of the file; `last` for the final one.
    pub fn push(&mut self, bytes: &[u8], last: bool) -> Result<(), PushError> {
        self.segments.feed.push(bytes, last)
    }

    /// Whether the last [`CsvSource::next_record`] ended for want of input (push more).
    pub fn starved(&self) -> bool {
        self.segments.starved
    }

    /// The feed the text comes through.
    pub fn feed(&self) -> &Feed {
        &self.segments.feed
    }

    /// Advances to the next non-blank record and returns its line, or the reason it cannot be
    /// used; `None` at the end of the file, or when more input is needed ([`CsvSource::starved`]).
    /// A row with extra fields that are all empty (a trailing delimiter) is fine; any other
    /// field count that differs from the header's is rejected, since its cells cannot be trusted
    /// to sit under the right headers.
    pub fn next_record(&mut self) -> Option<Result<u64, RejectedRow>> {
        loop {
            let before = self.segments.position();
            match self.segments.read(&mut self.record) {
                Ok(Raw::End) | Ok(Raw::Starved) => return None,
                Err(e) => {
                    let line = self.segments.line_of(before);
                    return Some(Err(RejectedRow { line, column: None, reason: format!("unreadable row: {e}") }));
                }
                Ok(Raw::Record) if is_blank(&self.record) => continue,
                Ok(Raw::Record) => {
                    let base = self.segments.base;
                    let start = self.record.position().map_or(before, |p| p.byte() + base);
                    let line = self.segments.line_of(start);
                    if self.segments.swallowed_the_rest(start) {
                        // The reader ran to the end inside a quoted field: this record swallowed
                        // every line after it.
                        let reason = format!("a quote opened in this row is never closed, so every line after it was read into one cell (fix the quote on line {line} and load again)");
                        return Some(Err(RejectedRow { line, column: None, reason }));
                    }
                    let (n, want) = (self.record.len(), self.headers.len());
                    let extra_empty = n > want && self.record.iter().skip(want).all(|f| f.trim().is_empty());
                    if n != want && !extra_empty {
                        let reason = format!("has {n} fields but the header has {want}");
                        return Some(Err(RejectedRow { line, column: None, reason }));
                    }
                    return Some(Ok(line));
                }
            }
        }
    }

    /// Bytes of the text consumed so far.
    pub fn bytes_read(&self) -> u64 {
        self.segments.position()
    }

    /// Bytes of text in all (extrapolated until the whole file is in).
    pub fn text_len(&self) -> u64 {
        self.segments.feed.text_len_estimate()
    }

    /// Bytes of the file consumed so far, estimated from the text consumed: for progress.
    pub fn file_bytes_read(&self) -> u64 {
        let feed = &self.segments.feed;
        let share = self.bytes_read() as f64 / feed.decoded().max(1) as f64;
        ((share * feed.bytes_pushed() as f64) as u64).min(feed.byte_len())
    }

    /// The rows the whole text holds, estimated from the share read so far (`rows` rows): for
    /// sizing columns once instead of letting them double as they fill.
    pub fn estimate_rows(&self, rows: usize) -> usize {
        let read = self.bytes_read().max(1) as f64;
        let len = self.text_len();
        // A little over, so the estimate's error rarely costs a last doubling.
        let estimate = (len as f64 / read * rows as f64 * 1.02) as usize;
        estimate.min(len as usize / 2 + 1)
    }

    /// The cells of the record returned by the last [`CsvSource::next_record`].
    pub fn record(&self) -> &csv::StringRecord {
        &self.record
    }
}

/// Runs RFC 4180 quoting over `raw` (one record and whatever follows it): whether it ends
/// inside a quoted field. A quote inside an unquoted field (`12" screen`) is plain text.
fn ends_inside_quotes(raw: &[u8], delimiter: u8) -> bool {
    let (mut in_quotes, mut at_field_start, mut i) = (false, true, 0);
    while i < raw.len() {
        let b = raw[i];
        if in_quotes {
            if b == b'"' {
                if raw.get(i + 1) == Some(&b'"') {
                    i += 1;
                } else {
                    in_quotes = false;
                }
            }
        } else if b == b'"' && at_field_start {
            in_quotes = true;
        }
        at_field_start = !in_quotes && (b == delimiter || b == b'\n' || b == b'\r');
        i += 1;
    }
    in_quotes
}

fn is_blank(record: &csv::StringRecord) -> bool {
    record.iter().all(|f| f.trim().is_empty())
}

/// Trimmed headers with whitespace runs collapsed; empty ones named `column_N`, repeated ones
/// suffixed `_2`, `_3`, ... (never clashing with another header).
pub(crate) fn unique_headers(record: &csv::StringRecord) -> Vec<String> {
    let cleaned: Vec<String> = record
        .iter()
        .enumerate()
        .map(|(i, h)| {
            let h = h.trim_start_matches('\u{feff}').split_whitespace().collect::<Vec<_>>().join(" ");
            if h.is_empty() {
                format!("column_{}", i + 1)
            } else {
                h
            }
        })
        .collect();
    // Linear in the number of headers: each name's suffix count resumes where it stopped, so a
    // header repeated n times costs n steps, not n²/2. A candidate `{h}_{n}` names one (h, n)
    // only (n has no underscore), so every skipped candidate is skipped once.
    let mut taken: HashSet<String> = HashSet::with_capacity(cleaned.len());
    let mut next_suffix: HashMap<&str, usize> = HashMap::new();
    let mut out = Vec::with_capacity(cleaned.len());
    for h in &cleaned {
        let mut n = next_suffix.get(h.as_str()).copied().unwrap_or(1);
        let mut name = if n == 1 { h.clone() } else { format!("{h}_{n}") };
        while taken.contains(&name) {
            n += 1;
            name = format!("{h}_{n}");
        }
        next_suffix.insert(h, n);
        taken.insert(name.clone());
        out.push(name);
    }
    out
}

/// A whole file as text cells: for previews and conformance tests. Dataset readers stream
/// through [`CsvSource`] instead.
#[derive(Debug, Clone, PartialEq)]
pub struct RawTable {
    /// Encoding the bytes were read with.
    pub encoding: &'static str,
    /// How the file is written.
    pub dialect: CsvFormat,
    /// Column names.
    pub headers: Vec<String>,
    /// Title or notes lines skipped above the header.
    pub preamble: Vec<(u64, String)>,
    /// Kept rows with their line numbers; rows with a trailing delimiter are cut to the header.
    pub rows: Vec<(u64, Vec<String>)>,
    /// Rejected rows.
    pub rejected: Vec<RejectedRow>,
}

/// Reads a whole file as text cells.
pub fn read_table(file: &str, bytes: &[u8]) -> Result<RawTable, ImportError> {
    let decoded = decode(file, bytes)?;
    let mut src = CsvSource::open_text(file, &decoded.text, decoded.encoding)?;
    let (mut rows, mut rejected) = (Vec::new(), Vec::new());
    while let Some(next) = src.next_record() {
        match next {
            Ok(line) => rows.push((line, src.record().iter().take(src.headers.len()).map(str::to_owned).collect())),
            Err(r) => rejected.push(r),
        }
    }
    Ok(RawTable {
        encoding: decoded.encoding,
        dialect: src.dialect,
        headers: src.headers,
        preamble: src.preamble,
        rows,
        rejected,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unclosed_quote_is_reported_not_swallowed() {
        let t = read_table("t.csv", b"a,b\n1,2\n3,\"oops\n5,6\n7,8\n").unwrap();
        assert_eq!(t.rows.len(), 1);
        assert_eq!(t.rejected.len(), 1);
        assert_eq!(t.rejected[0].line, 3);
        assert!(t.rejected[0].reason.contains("never closed"));
        let err = read_table("t.csv", b"a,\"b\n1,2\n").unwrap_err();
        assert_eq!(err, ImportError::UnclosedQuote { file: "t.csv".into(), line: 1 });
        // A stray quote inside an unquoted field is text, not an open quote.
        let t = read_table("t.csv", b"size,name\n12\" screen,tv\n").unwrap();
        assert_eq!(t.rows[0].1, ["12\" screen", "tv"]);
        assert!(ends_inside_quotes(b"a,\"b\nc", b','));
        assert!(!ends_inside_quotes(b"a,\"b\"\"c\",d", b','));
        assert!(ends_inside_quotes(b"\"a\"\"", b','));
    }

    #[test]
    fn title_rows_are_kept_in_the_report() {
        let t = read_table("t.csv", b"Pipeline report\nQ3, all teams\nid,amount,stage\n1,2,Won\n").unwrap();
        assert_eq!(t.preamble, [(1, "Pipeline report".to_owned()), (2, "Q3, all teams".to_owned())]);
        assert_eq!(t.headers, ["id", "amount", "stage"]);
    }

    #[test]
    fn renames_duplicate_empty_and_messy_headers() {
        let rec = csv::StringRecord::from(vec!["Amount", "", "Amount", " x ", "start\t\u{b}\u{c}\r\nend", "Amount_2"]);
        assert_eq!(unique_headers(&rec), ["Amount", "column_2", "Amount_2", "x", "start end", "Amount_2_2"]);
    }

    /// The quadratic renaming this replaced: the reference for what names must come out.
    fn unique_headers_reference(cleaned: &[String]) -> Vec<String> {
        let mut taken = HashSet::new();
        cleaned
            .iter()
            .map(|h| {
                let (mut name, mut n) = (h.clone(), 1);
                while taken.contains(&name) {
                    n += 1;
                    name = format!("{h}_{n}");
                }
                taken.insert(name.clone());
                name
            })
            .collect()
    }

    #[test]
    fn renames_100_000_equal_headers_in_linear_time() {
        let rec = csv::StringRecord::from(vec!["Amount"; 100_000]);
        let started = std::time::Instant::now();
        let names = unique_headers(&rec);
        // Quadratic renaming takes minutes here; linear takes milliseconds even in a debug build.
        assert!(started.elapsed() < std::time::Duration::from_secs(20), "{:?}", started.elapsed());
        assert_eq!(names.len(), 100_000);
        assert_eq!(names[0], "Amount");
        assert_eq!(names[1], "Amount_2");
        assert_eq!(names[99_999], "Amount_100000");
        assert_eq!(names.iter().collect::<HashSet<_>>().len(), 100_000, "every name is unique");
    }

    #[test]
    fn renames_interleaved_repeats_and_suffix_clashes_in_linear_time() {
        // Headers that already look like the suffixes of others: "a", "a_2", "a", "a_2", ...
        let mut cells = Vec::new();
        for i in 0..50_000 {
            cells.push(if i % 2 == 0 { "a".to_owned() } else { format!("a_{}", i / 2 + 2) });
        }
        let names = unique_headers(&csv::StringRecord::from(cells.clone()));
        // A name depends only on the headers before it: the start matches the reference.
        assert_eq!(names[..2_000], unique_headers_reference(&cells[..2_000])[..]);
        assert_eq!(names.iter().collect::<HashSet<_>>().len(), names.len());
    }

    proptest::proptest! {
        #[test]
        fn renaming_matches_the_reference(cells in proptest::collection::vec("(a|b|a_2|a_3|b_2|a_2_2|)", 0..40)) {
            let names = unique_headers(&csv::StringRecord::from(cells.clone()));
            let cleaned: Vec<String> = cells
                .iter()
                .enumerate()
                .map(|(i, c)| if c.is_empty() { format!("column_{}", i + 1) } else { c.clone() })
                .collect();
            proptest::prop_assert_eq!(names, unique_headers_reference(&cleaned));
        }
    }

    #[test]
    fn line_numbers_count_every_kind_of_line_break() {
        for (text, want) in [
            ("a,b\n1,2\n\n4,5\n", [2, 4]),
            ("a,b\r\n1,2\r\n\r\n4,5\r\n", [2, 4]),
            ("a,b\r1,2\r\r4,5\r", [2, 4]),
            ("a,b\n\n\n1,2\r\n\r4,5", [4, 6]),
            ("a,b\n\"x\ny\",2\n4,5\n", [2, 4]),
        ] {
            let t = read_table("t.csv", text.as_bytes()).unwrap();
            let lines: Vec<u64> = t.rows.iter().map(|r| r.0).collect();
            assert_eq!(lines, want, "{text:?}");
        }
    }

    #[test]
    fn streams_records_with_line_numbers_and_rejects_ragged_rows() {
        let t = read_table("t.csv", b"Title line\na,b,c\n1,2,3\n\n4,5\n6,7,8,\n\"multi\nline\",9,10\n").unwrap();
        assert_eq!(t.headers, ["a", "b", "c"]);
        let lines: Vec<u64> = t.rows.iter().map(|r| r.0).collect();
        assert_eq!(lines, [3, 6, 7]);
        assert_eq!(t.rows[1].1, ["6", "7", "8"], "trailing delimiter is fine");
        assert_eq!(t.rows[2].1[0], "multi\nline");
        assert_eq!((t.rejected[0].line, t.rejected[0].reason.as_str()), (5, "has 2 fields but the header has 3"));
    }
}
