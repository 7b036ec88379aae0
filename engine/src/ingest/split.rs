//! The record splitter: reads a run of complete records of decoded text one record at a time,
//! leaving each record's cells as bounds into the text ([`super::fields`]). It reads exactly as
//! the csv crate's reader reads with the engine's settings (flexible records, the dialect's
//! delimiter, `"` quotes doubled or, in the backslash dialect, escaped with `\`; `\r\n`, `\r`
//! and `\n` ending records; blank lines skipped), without copying a cell: only a cell with an
//! escaped quote, or text after its closing quote, is copied, unescaped, to a small buffer.
//! It also counts the lines an editor shows (`\r\n`, `\n` and a lone `\r` each end one) and
//! says when a record ran to the end of the text inside quotes.

use super::csv_format::CsvFormat;
use super::fields::{Fields, Span};
use super::find3::Needles;

mod blocks;

/// Where a record the splitter read lies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Split {
    /// Offset of its first byte (after the blank lines before it).
    pub(crate) start: usize,
    /// Offset just past it (and its line break).
    pub(crate) end: usize,
    /// Line it starts on (1-based).
    pub(crate) line: u64,
    /// Whether it ran to the end of the text inside a quoted cell.
    pub(crate) unclosed: bool,
}

/// Reads records from runs of text (see the module docs); the cells of the last one stay in
/// it until the next is read.
#[derive(Debug)]
pub(crate) struct Splitter {
    delimiter: u8,
    backslash: bool,
    /// What ends an unquoted cell.
    cell_end: Needles,
    /// The same bytes, for the walk over a record's blocks ([`blocks::Cursor`]).
    cell_end_bytes: [u8; 3],
    /// What a quoted cell has to stop at: its quote, and line breaks to count.
    quoted_stop: Needles,
    /// Line of the next byte to read.
    line: u64,
    /// Whether no text has been read yet: a byte-order mark opening the text is skipped, as
    /// the csv crate skips it.
    at_start: bool,
    spans: Vec<Span>,
    unescaped: String,
}

impl Splitter {
    /// The line the next record's search starts on (blank lines before it not yet counted).
    pub(crate) fn line(&self) -> u64 {
        self.line
    }

    /// A splitter for `dialect`, at line 1.
    pub(crate) fn new(dialect: CsvFormat) -> Splitter {
        Splitter {
            delimiter: dialect.delimiter,
            backslash: dialect.backslash_escapes,
            cell_end: Needles::new(dialect.delimiter, b'\n', b'\r'),
            cell_end_bytes: [dialect.delimiter, b'\n', b'\r'],
            quoted_stop: Needles::new(b'"', b'\n', b'\r'),
            line: 1,
            at_start: true,
            spans: Vec::new(),
            unescaped: String::new(),
        }
    }

    /// The cells of the last record read from `text`.
    #[inline]
    pub(crate) fn fields<'a>(&'a self, text: &'a str) -> Fields<'a> {
        Fields::new(text, &self.unescaped, &self.spans)
    }

    /// Reads the record of `text` at `*pos` (blank lines before it skipped), moving `*pos` past
    /// it; `None` when only blank lines are left. Runs of text must follow one another
    /// without a `\r\n` split between two (line numbers run on from one to the next).
    pub(crate) fn next(&mut self, text: &str, pos: &mut usize) -> Option<Split> {
        let bytes = text.as_bytes();
        let mut i = *pos;
        if self.at_start && i < bytes.len() {
            self.at_start = false;
            if bytes.get(i..).is_some_and(|rest| rest.starts_with("\u{feff}".as_bytes())) {
                i += 3;
            }
        }
        while let Some(&b) = bytes.get(i) {
            match b {
                b'\n' => self.line += 1,
                b'\r' => self.line += u64::from(bytes.get(i + 1) != Some(&b'\n')),
                _ => break,
            }
            i += 1;
        }
        if i >= bytes.len() {
            *pos = bytes.len().max(*pos);
            return None;
        }
        let (start, line) = (i, self.line);
        self.spans.clear();
        self.unescaped.clear();
        let mut unclosed = false;
        // Unquoted cells end at the next bit of their block's mask (see [`blocks`]).
        let mut cursor = blocks::Cursor::new(self.cell_end_bytes);
        loop {
            let end = if bytes.get(i) == Some(&b'"') {
                let (end, open) = self.quoted(text, i);
                unclosed = open;
                end
            } else {
                let end = cursor.find(bytes, i);
                self.spans.push(Span { start: i, end, unescaped: false });
                end
            };
            match bytes.get(end) {
                None => {
                    i = bytes.len().max(end);
                    break;
                }
                Some(&b) if b == self.delimiter => i = end + 1,
                Some(b'\n') => {
                    self.line += 1;
                    i = end + 1;
                    break;
                }
                Some(_) => {
                    // `\r`, and the `\n` after it if there is one.
                    self.line += 1;
                    i = end + 1 + usize::from(bytes.get(end + 1) == Some(&b'\n'));
                    break;
                }
            }
        }
        *pos = i;
        Some(Split { start, end: i, line, unclosed })
    }

    /// Reads the quoted cell that opens at `open` (its quote): the offset where it ends (a
    /// delimiter, a line break or the end of the text) and whether its quote was never
    /// closed. Counts the line breaks inside it.
    fn quoted(&mut self, text: &str, open: usize) -> (usize, bool) {
        let bytes = text.as_bytes();
        let mut plain = true;
        let mut i = open + 1;
        let close = if self.backslash {
            self.backslash_close(bytes, &mut i, &mut plain)
        } else {
            loop {
                let at = self.quoted_stop.find(bytes, i);
                match bytes.get(at) {
                    None => break None,
                    Some(b'\n') => self.line += 1,
                    Some(b'\r') => self.line += u64::from(bytes.get(at + 1) != Some(&b'\n')),
                    Some(_) if bytes.get(at + 1) == Some(&b'"') => {
                        plain = false;
                        i = at + 2;
                        continue;
                    }
                    Some(_) => break Some(at),
                }
                i = at + 1;
            }
        };
        let end = match close {
            // Text after the closing quote runs to the end of the cell, quotes and all.
            Some(q) => self.cell_end.find(bytes, q + 1),
            None => bytes.len(),
        };
        match close {
            Some(q) if plain && end == q + 1 => self.spans.push(Span { start: open + 1, end: q, unescaped: false }),
            None if plain => self.spans.push(Span { start: open + 1, end, unescaped: false }),
            _ => {
                let start = self.unescaped.len();
                unescape(text.get(open..end).unwrap_or_default(), self.backslash, &mut self.unescaped);
                self.spans.push(Span { start, end: self.unescaped.len(), unescaped: true });
            }
        }
        (end, close.is_none())
    }

    /// The closing quote of a quoted cell in the backslash dialect, from `*i` (just inside
    /// the opening quote): a `\` takes the byte after it as text. `None` when the text ends
    /// first. Counts the line breaks on the way.
    fn backslash_close(&mut self, bytes: &[u8], i: &mut usize, plain: &mut bool) -> Option<usize> {
        loop {
            let &b = bytes.get(*i)?;
            match b {
                b'"' => return Some(*i),
                b'\\' => {
                    *plain = false;
                    *i += 1;
                    // The escaped byte is text; a line break there still ends a line.
                    match bytes.get(*i) {
                        Some(b'\n') => self.line += 1,
                        Some(b'\r') => self.line += u64::from(bytes.get(*i + 1) != Some(&b'\n')),
                        _ => {}
                    }
                }
                b'\n' => self.line += 1,
                b'\r' => self.line += u64::from(bytes.get(*i + 1) != Some(&b'\n')),
                _ => {}
            }
            *i += 1;
        }
    }
}

/// Appends to `out` the value of the quoted cell `raw` (from its opening quote to its end):
/// `""` is one quote (`\x` is `x` in the backslash dialect), and text after the closing quote
/// is kept as it is.
fn unescape(raw: &str, backslash: bool, out: &mut String) {
    let bytes = raw.as_bytes();
    let piece = |from: usize, to: usize| raw.get(from..to).unwrap_or_default();
    let (mut run, mut i) = (1, 1);
    loop {
        match bytes.get(i) {
            None => {
                out.push_str(piece(run, bytes.len()));
                return;
            }
            Some(b'"') => {
                out.push_str(piece(run, i));
                if !backslash && bytes.get(i + 1) == Some(&b'"') {
                    // The second quote starts the next run of text.
                    run = i + 1;
                    i += 2;
                    continue;
                }
                out.push_str(piece(i + 1, bytes.len()));
                return;
            }
            Some(b'\\') if backslash => {
                out.push_str(piece(run, i));
                run = i + 1;
                i = (i + 2).min(bytes.len());
            }
            Some(_) => i += 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every record of `text` read by the splitter: its cells, line and whether it was left open.
    fn split_all(text: &str, dialect: CsvFormat) -> Vec<(Vec<String>, u64, bool)> {
        let mut splitter = Splitter::new(dialect);
        let (mut pos, mut out) = (0, Vec::new());
        while let Some(split) = splitter.next(text, &mut pos) {
            let cells = splitter.fields(text).iter().map(str::to_owned).collect();
            out.push((cells, split.line, split.unclosed));
            assert_eq!(pos, split.end);
        }
        assert_eq!(pos, text.len());
        out
    }

    /// The same records as the csv crate reads them with the engine's settings.
    fn csv_crate(text: &str, dialect: CsvFormat) -> Vec<Vec<String>> {
        let mut reader = dialect.reader(text);
        let mut record = csv::StringRecord::new();
        let mut out = Vec::new();
        while reader.read_record(&mut record).unwrap_or(false) {
            out.push(record.iter().map(str::to_owned).collect());
        }
        out
    }

    const COMMA: CsvFormat = CsvFormat { delimiter: b',', backslash_escapes: false, skip_records: 0 };

    #[test]
    fn splits_records_as_the_csv_crate_does() {
        // (text, cells, lines, unclosed)
        type Case = (&'static str, &'static [&'static [&'static str]], &'static [u64], bool);
        let cases: &[Case] = &[
            ("a,b\n1,2\n", &[&["a", "b"], &["1", "2"]], &[1, 2], false),
            ("a,b\r\n\r\n1,2", &[&["a", "b"], &["1", "2"]], &[1, 3], false),
            ("a\r\rb\n\nc", &[&["a"], &["b"], &["c"]], &[1, 3, 5], false),
            ("\"x\ny\",2\n3,\"\"\n", &[&["x\ny", "2"], &["3", ""]], &[1, 3], false),
            ("\"a\"\"b\",\"c\"d\"e,f", &[&["a\"b", "cd\"e", "f"]], &[1], false),
            ("12\" tv,x\n", &[&["12\" tv", "x"]], &[1], false),
            ("a,\"open\n1,2\n", &[&["a", "open\n1,2\n"]], &[1], true),
            ("a,\n,", &[&["a", ""], &["", ""]], &[1, 2], false),
            ("\"q\r\"\r\nz", &[&["q\r"], &["z"]], &[1, 3], false),
            ("é,中\n", &[&["é", "中"]], &[1], false),
            ("\n\r\n", &[], &[], false),
            // A byte-order mark opening the text is skipped; anywhere else it is text.
            ("\u{feff}a,b\n\u{feff}c,d", &[&["a", "b"], &["\u{feff}c", "d"]], &[1, 2], false),
            ("\u{feff}\n\nx", &[&["x"]], &[3], false),
        ];
        for &(text, cells, lines, unclosed) in cases {
            let got = split_all(text, COMMA);
            let want: Vec<Vec<String>> = cells.iter().map(|r| r.iter().map(|c| c.to_string()).collect()).collect();
            assert_eq!(got.iter().map(|r| r.0.clone()).collect::<Vec<_>>(), want, "{text:?}");
            assert_eq!(want, csv_crate(text, COMMA), "{text:?}");
            assert_eq!(got.iter().map(|r| r.1).collect::<Vec<_>>(), lines, "{text:?}");
            assert_eq!(got.last().is_some_and(|r| r.2), unclosed, "{text:?}");
        }
    }

    #[test]
    fn reads_the_backslash_dialect() {
        let dialect = CsvFormat { delimiter: b';', backslash_escapes: true, skip_records: 0 };
        for text in ["\"a\\\"b\";c\n", "\"a\"\"b\";c", "\"x\\\\\";\"y\\", "\"a\\\nb\";c\r\nd"] {
            let got: Vec<Vec<String>> = split_all(text, dialect).into_iter().map(|r| r.0).collect();
            assert_eq!(got, csv_crate(text, dialect), "{text:?}");
        }
        assert_eq!(split_all("\"a\\\nb\";c\r\nd", dialect).iter().map(|r| r.1).collect::<Vec<_>>(), [1, 3]);
    }
}
