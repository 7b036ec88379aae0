//! Sniffing how a CSV file is written (its [`CsvFormat`]; not to be confused with
//! [`crate::sql::Dialect`], the SQL flavour): the delimiter, backslash escapes, and title or notes
//! rows above the real header (common in CRM report exports).

use serde::Serialize;

/// How to read one file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct CsvFormat {
    /// Field delimiter.
    pub delimiter: u8,
    /// Whether quotes inside quoted fields are escaped as `\"` instead of `""`.
    pub backslash_escapes: bool,
    /// Non-blank records before the header (titles, notes) to skip.
    pub skip_records: usize,
}

impl Default for CsvFormat {
    fn default() -> Self {
        CsvFormat { delimiter: b',', backslash_escapes: false, skip_records: 0 }
    }
}

impl CsvFormat {
    /// A csv reader over `text` configured for this format (headers and skipping are the
    /// caller's job).
    pub fn reader<'a>(&self, text: &'a str) -> csv::Reader<&'a [u8]> {
        self.builder().from_reader(text.as_bytes())
    }

    /// A csv reader builder configured for this format.
    pub fn builder(&self) -> csv::ReaderBuilder {
        let mut b = csv::ReaderBuilder::new();
        b.has_headers(false).flexible(true).delimiter(self.delimiter);
        if self.backslash_escapes {
            b.escape(Some(b'\\')).double_quote(false);
        }
        b
    }
}

/// Delimiters tried, in order of preference when the evidence is equal.
pub const DELIMITERS: [u8; 5] = [b',', b';', b'\t', b'|', b':'];

/// How much of the file the sniffer reads.
pub(crate) const SAMPLE_BYTES: usize = 64 * 1024;
/// How many records it looks at.
const SAMPLE_RECORDS: usize = 60;

/// Field counts of the first non-blank records of `sample` read with `dialect`, and how many
/// parsed fields still hold a quote character (a sign the delimiter split a quoted field). The
/// last record is dropped when the sample was cut short, since it may be incomplete.
fn field_counts(sample: &str, dialect: &CsvFormat, truncated: bool) -> (Vec<usize>, usize) {
    let mut counts = Vec::new();
    let mut quoted = Vec::new();
    let mut record = csv::StringRecord::new();
    let mut reader = dialect.reader(sample);
    while counts.len() < SAMPLE_RECORDS + 1 {
        match reader.read_record(&mut record) {
            Ok(true) if record.iter().all(|f| f.trim().is_empty()) => continue,
            Ok(true) => {
                counts.push(record.len());
                quoted.push(record.iter().filter(|f| f.contains('"')).count());
            }
            _ => break,
        }
    }
    if truncated && counts.len() > SAMPLE_RECORDS {
        counts.pop();
        quoted.pop();
    }
    counts.truncate(SAMPLE_RECORDS);
    quoted.truncate(SAMPLE_RECORDS);
    (counts, quoted.iter().sum())
}

/// The most common field count (the larger on a tie), and how many records have it.
fn modal(counts: &[usize]) -> (usize, usize) {
    let mut best = (1, 0);
    for &c in counts {
        let n = counts.iter().filter(|&&x| x == c).count();
        if n > best.1 || (n == best.1 && c > best.0) {
            best = (c, n);
        }
    }
    best
}

/// Sniffs the dialect of a file from its first 64 KB.
///
/// For each candidate delimiter the sample is parsed and the records counted; the delimiter
/// whose modal field count (at least 2) covers the most records from the header on wins. Ties
/// go to the delimiter that leaves no quote characters inside fields, then to more fields,
/// then to the order of [`DELIMITERS`]. Records before the first one
/// with the modal count are title or notes rows and are skipped.
///
/// ```
/// use pipelens_engine::ingest::sniff;
/// let d = sniff("Deals report, exported 2024-05-01\n\nid;amount;stage\n1;1,5;Won\n2;2;Lost\n");
/// assert_eq!((d.delimiter, d.skip_records), (b';', 1));
/// ```
pub fn sniff(text: &str) -> CsvFormat {
    let mut end = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let (sample, truncated) = (&text[..end], end < text.len());
    let backslash_escapes = sample.contains("\\\"") && !sample.contains("\"\"");
    // Best so far: (consistent records, fewer fields holding stray quotes, fields, preference).
    type Score = (usize, std::cmp::Reverse<usize>, usize, usize);
    let mut best: Option<(Score, CsvFormat)> = None;
    for (priority, &delimiter) in DELIMITERS.iter().enumerate() {
        let dialect = CsvFormat { delimiter, backslash_escapes, skip_records: 0 };
        let (counts, stray_quotes) = field_counts(sample, &dialect, truncated);
        let (fields, _) = modal(&counts);
        if fields < 2 {
            continue;
        }
        let skip = counts.iter().position(|&c| c == fields).unwrap_or(0);
        let consistent = counts[skip..].iter().filter(|&&c| c == fields).count();
        let key = (consistent, std::cmp::Reverse(stray_quotes), fields, DELIMITERS.len() - priority);
        if best.as_ref().is_none_or(|(k, _)| key > *k) {
            best = Some((key, CsvFormat { skip_records: skip, ..dialect }));
        }
    }
    best.map_or(CsvFormat { backslash_escapes, ..CsvFormat::default() }, |(_, d)| d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_the_delimiter_that_splits_rows_consistently() {
        let cases: &[(&str, u8)] = &[
            ("a,b,c\n1,2,3\n4,5,6\n", b','),
            ("a;b;c\n1,5;2;3\n4;5,25;6\n", b';'),
            ("a\tb\tc\n1\t2\t3\n", b'\t'),
            ("a|b|c\n\"x|y\"|2|3\n", b'|'),
            ("a:b:c\n1:2:3\n", b':'),
            // Times hold colons, but only commas split every row the same way.
            ("id,created\n1,2024-01-01 10:00:00\n2,2024-01-02 11:30:00\n", b','),
            // Quoted commas do not count.
            ("\"a,1\";\"b,2\"\n\"c,3\";\"d,4\"\n", b';'),
            ("single\nvalue\n", b','),
            ("", b','),
        ];
        for (text, want) in cases {
            assert_eq!(sniff(text).delimiter as char, *want as char, "{text:?}");
        }
    }

    #[test]
    fn skips_title_and_notes_rows_above_the_header() {
        let text = "Opportunities report\nGenerated by CRM, 2024-05-01\n\ndeal_id,amount,stage\nA,1,Won\nB,2,Lost\n";
        let d = sniff(text);
        assert_eq!((d.delimiter, d.skip_records), (b',', 2));
        assert_eq!(sniff("a,b\n1,2\n").skip_records, 0);
    }

    #[test]
    fn detects_backslash_escaped_quotes() {
        let d = sniff("\"\\\"Hacksaw\\\" Jim\";1987\n\"Bret \\\"Hit Man\\\" Hart\";1984\n");
        assert!(d.backslash_escapes);
        assert_eq!(d.delimiter, b';');
        assert!(!sniff("\"a \"\"b\"\"\",c\n").backslash_escapes);
    }

    #[test]
    fn a_long_file_is_sniffed_from_its_start() {
        let mut text = String::from("a;b\n");
        for i in 0..20_000 {
            text.push_str(&format!("{i};x\n"));
        }
        assert_eq!(sniff(&text).delimiter, b';');
    }
}
