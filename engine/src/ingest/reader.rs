//! The one row reader: reads a file as one dataset, a chunk of rows at a time. It owns the
//! record loop, the line numbers, the key checks (a row without its id, or repeating one), the
//! rejected rows and the progress, and hands each accepted row to the dataset's
//! [`ColumnSink`]: deals fill their own table, the others a [`Table`].
//!
//! One way in per job: a file read whole, [`read_file`]; a file read in slices while its bytes
//! arrive, a [`super::Session`] (which pumps a [`Reader`]).

use super::dataset::Dataset;
use super::datasets::{detect_datasets, DatasetKind};
use super::dates::DateOrder;
use super::deals_sink::DealsSink;
use super::decode::{decode, Decoded};
use super::fields::{Fields, OwnedRecord};
use super::keys::SeenKeys;
use super::profile::Profiler;
use super::report::{ImportReport, RejectedRow};
use super::sink::{ColumnSink, Row};
use super::sinks::Sink;
use super::slice::Slice;
use super::source::CsvSource;
use super::stream::{Feed, PushError};
use super::table_sink::TableSink;
use super::value::{is_empty_trimmed, trim_cell};
use super::{FirstSeen, IdsGenerated, Rejection};
use crate::deals_table::DealsTable;
use crate::error::ImportError;

mod halves;
pub(crate) use halves::HeadRows;

/// Rows read before the columns are sized for the whole file (see [`Reader::presize`]).
const PRESIZE_AFTER: usize = 2_000;

/// A file read as one dataset, with its data-quality report.
#[derive(Clone, Debug)]
pub struct Imported {
    /// The kept rows.
    pub data: Dataset,
    /// What happened to every row.
    pub report: ImportReport,
}

/// The dataset's key column: rows need it filled (when `required`) and may not repeat it.
#[derive(Clone)]
struct Key {
    column: usize,
    /// Position of the key's field in the dataset's fields (and in the mapping).
    index: usize,
    field: &'static str,
    required: bool,
    /// Whether the column may turn out to be a name rather than an id (see [`PROBE_ROWS`]).
    probe: bool,
}

/// Rows looked at, before reading, for what each column holds (see [`super::auto_map_rows`]).
pub(crate) const SAMPLE_ROWS: usize = 200;

/// Rows held back to tell whether an automatically matched deal id column is an id.
const PROBE_ROWS: usize = 1_000;

/// Fewest filled cells among the held-back rows for their repeats to say anything.
const PROBE_MIN_FILLED: usize = 20;

/// Share of repeating filled cells (in percent) above which a column names deals rather than
/// identifying them.
const PROBE_MAX_REPEAT_PERCENT: usize = 5;

/// Whether a header says its column holds ids (`Deal ID`, `Opportunity Id`, `Nr`, `编号`):
/// repeats in such a column are true repeats, rejected and listed.
fn header_says_id(header: &str) -> bool {
    let lower = header.to_lowercase();
    let words = lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty());
    let id_words = ["id", "nr", "no", "number", "key", "ref", "identyfikator", "numer", "nummer", "código", "code"];
    lower.ends_with("id") && lower.len() > 2 && !lower.ends_with("paid")
        || words.into_iter().any(|w| id_words.contains(&w))
        || ["编号", "号", "#"].iter().any(|m| lower.contains(m))
}

/// Reads a file as one dataset, a chunk of rows at a time.
///
/// ```
/// use pipelens_engine::ingest::{decode, DatasetKind, Reader};
/// let csv = b"owner,month,quota\nAnn,2024-01,1000\n";
/// let text = decode("q.csv", csv).unwrap();
/// let mut reader = Reader::open(DatasetKind::Quotas, "q.csv", csv.len(), &text, None).unwrap();
/// while !reader.read_chunk(1000) {}
/// assert_eq!(reader.finish().unwrap().data.len(), 1);
/// ```
pub struct Reader {
    src: CsvSource,
    headers: Vec<String>,
    /// The column of each field of the dataset.
    mapping: Vec<Option<usize>>,
    key: Option<Key>,
    /// Line each key was first seen on (0: loaded earlier, from `known_from`).
    first_line_of: SeenKeys,
    known_from: String,
    /// Keys loaded earlier, the first of `first_line_of`.
    known_keys: usize,
    /// The user's answer for date columns whose cells cannot tell day-first from month-first.
    date_order: Option<DateOrder>,
    /// Whether the columns have been sized for the whole file.
    presized: bool,
    /// The first rows, held back while the key column (matched by its header, not named as an
    /// id) is tried for repeats: `None` once settled (see [`Reader::settle_probe`]).
    probe: Option<Vec<(u64, OwnedRecord)>>,
    report: ImportReport,
    profiler: Profiler,
    sink: Sink,
    /// Where a file read as two halves stands (see [`super::halves`]).
    halves: halves::Halves,
}

impl Reader {
    /// Opens `decoded` as `kind`, with the user's column per field of `kind.fields()`, or
    /// mapping the headers automatically when `mapping` is `None`.
    pub fn open(
        kind: DatasetKind,
        file: &str,
        byte_len: usize,
        decoded: &Decoded<'_>,
        mapping: Option<&[Option<usize>]>,
    ) -> Result<Reader, ImportError> {
        let feed =
            Feed::whole_text(file, byte_len as u64, decoded.text.to_string(), decoded.encoding, decoded.confidence);
        Reader::from_feed(kind, file, feed, mapping)
    }

    /// Opens a file as `kind` while it is being read: `feed` has been pushed the start of the
    /// file until [`Feed::ready`]; push the rest with [`Reader::push`] whenever
    /// [`Reader::wants_input`] says so.
    ///
    /// ```
    /// use pipelens_engine::ingest::{DatasetKind, Feed, Reader};
    /// let csv = b"owner,month,quota\nAnn,2024-01,1000\nBob,2024-01,900\n";
    /// let mut slices = csv.chunks(7);
    /// let mut feed = Feed::new("q.csv", csv.len() as u64);
    /// while !feed.ready() {
    ///     let slice = slices.next().unwrap();
    ///     feed.push(slice, feed.bytes_pushed() + slice.len() as u64 == csv.len() as u64).unwrap();
    /// }
    /// let mut reader = Reader::from_feed(DatasetKind::Quotas, "q.csv", feed, None).unwrap();
    /// while !reader.read_chunk(1000) {
    ///     if reader.wants_input() {
    ///         let slice = slices.next().unwrap();
    ///         let last = reader.file_bytes_pushed() + slice.len() as u64 == csv.len() as u64;
    ///         reader.push(slice, last).unwrap();
    ///     }
    /// }
    /// assert_eq!(reader.finish().unwrap().data.len(), 2);
    /// ```
    pub fn from_feed(
        kind: DatasetKind,
        file: &str,
        feed: Feed,
        chosen: Option<&[Option<usize>]>,
    ) -> Result<Reader, ImportError> {
        let byte_len = feed.byte_len() as usize;
        let encoding = feed.encoding();
        let mut src = CsvSource::open(file, feed)?;
        let specs = kind.fields();
        let mut mapping_reasons = Vec::new();
        let mapping: Vec<Option<usize>> = match chosen {
            // Keep only columns that exist, one per field.
            Some(m) => {
                (0..specs.len()).map(|i| m.get(i).copied().flatten().filter(|&c| c < src.headers.len())).collect()
            }
            None => {
                let sample = src.peek(SAMPLE_ROWS);
                let guess = kind.assign(&src.headers, &sample);
                for (spec, reason) in specs.iter().zip(guess.reasons()) {
                    if let Some(reason) = reason {
                        mapping_reasons.push((spec.name, reason));
                    }
                }
                guess.mapping()
            }
        };
        let mut missing = kind.missing_in(&mapping);
        // Headers mapped automatically that find every field but the id: the rows are numbered.
        let generate_ids = kind.is_deals() && chosen.is_none() && missing == ["deal_id"];
        if generate_ids {
            missing.clear();
        }
        let sink = match kind {
            DatasetKind::Deals | DatasetKind::EarlierDeals => DealsSink::new(&mapping, generate_ids)
                .map(|s| Sink::Deals(Box::new(s.with_entered(&src.headers, &mapping)))),
            _ => Some(Sink::Table(TableSink::new(kind, &mapping))),
        };
        let Some(mut sink) = sink.filter(|_| missing.is_empty()) else {
            return Err(unusable(kind, file, &src.headers, missing, chosen.is_none()));
        };
        let key = kind.key().and_then(|field| {
            let i = specs.iter().position(|s| s.name == field)?;
            let column = mapping.get(i).copied().flatten()?;
            // Only a column matched by its header and not named as an id is tried for repeats.
            let probe =
                kind.is_deals() && chosen.is_none() && !src.headers.get(column).is_some_and(|h| header_says_id(h));
            Some(Key { column, index: i, field, required: specs[i].required, probe })
        });
        let report = ImportReport {
            file: file.to_owned(),
            bytes: byte_len,
            encoding,
            delimiter: src.dialect.delimiter as char,
            preamble: src.preamble.clone(),
            ids_generated: generate_ids.then_some(IdsGenerated::NoColumn),
            mapping_reasons,
            ..ImportReport::default()
        };
        let probe = key.as_ref().is_some_and(|k| k.probe).then(Vec::new);
        // Every kept row's id is a key the key set holds: the ids are held there only.
        if let (Some(k), Sink::Deals(s)) = (&key, &mut sink) {
            s.ids_in_keys = k.required && s.cols.id == Some(k.column);
        }
        Ok(Reader {
            probe,
            headers: src.headers.clone(),
            profiler: Profiler::new(src.headers.len()),
            src,
            mapping,
            key,
            first_line_of: SeenKeys::default(),
            known_from: String::new(),
            known_keys: 0,
            date_order: None,
            presized: false,
            report,
            sink,
            halves: halves::Halves::default(),
        })
    }

    /// Appends the next slice of the file; `last` for the final one.
    pub fn push<S: Slice + ?Sized>(&mut self, bytes: &S, last: bool) -> Result<(), PushError> {
        self.src.push(bytes, last)
    }

    /// Whether the last [`Reader::read_chunk`] stopped for want of input: push the next slice.
    pub fn wants_input(&self) -> bool {
        self.src.starved()
    }

    /// Bytes of the file consumed so far (estimated from the text): for progress.
    pub fn file_bytes_read(&self) -> u64 {
        self.src.file_bytes_read()
    }

    /// Bytes of the file pushed so far.
    pub fn file_bytes_pushed(&self) -> u64 {
        self.src.feed().bytes_pushed()
    }

    /// Keys (deal ids, lead ids, ...) already loaded from `file`, for appending: rows that
    /// repeat one are rejected and say so.
    pub fn with_known_keys<'k>(&mut self, keys: impl IntoIterator<Item = &'k str>, file: &str) {
        if self.key.is_some() {
            for k in keys.into_iter().filter(|k| !k.is_empty()) {
                self.first_line_of.first_line_or_insert(k, 0);
            }
            self.known_keys = self.first_line_of.len();
            self.known_from = file.to_owned();
        }
    }

    /// Reads date columns whose cells cannot tell day-first from month-first in `order` (the
    /// user's answer); columns whose cells prove an order keep it.
    pub fn with_date_order(&mut self, order: DateOrder) {
        self.date_order = Some(order);
    }

    /// Reads up to `max_rows` more rows; true when the file is done. False also when it needs
    /// more input ([`Reader::wants_input`]).
    pub fn read_chunk(&mut self, max_rows: usize) -> bool {
        if self.halves.absorbed {
            return true;
        }
        for _ in 0..max_rows {
            if !self.presized && self.report.rows_read >= PRESIZE_AFTER {
                self.presize();
            }
            let Some(next) = self.src.next_record() else {
                let done = !self.src.starved() && !self.src.paused();
                if done {
                    self.settle_probe();
                }
                return done;
            };
            self.report.rows_read += 1;
            let line = match next {
                Ok(line) => line,
                Err(rejected) => {
                    self.report.rejected.push(rejected);
                    continue;
                }
            };
            if let Some(held) = &mut self.probe {
                held.push((line, self.src.record().to_owned_record()));
                if held.len() >= PROBE_ROWS {
                    self.settle_probe();
                }
                continue;
            }
            self.accept(line, None);
        }
        false
    }

    /// Checks the row on `line` (the current record, or `held`) for its key and hands it to
    /// the sink.
    fn accept(&mut self, line: u64, held: Option<&OwnedRecord>) {
        let record = held.map_or_else(|| self.src.record(), OwnedRecord::fields);
        let report = &mut self.report;
        if let Some(key) = &self.key {
            if let Some(reason) = key.reject(&mut self.first_line_of, record, line, &self.headers, &self.known_from) {
                report.rejected.push(RejectedRow { line, column: Some(key.column + 1), reason });
                return;
            }
        }
        self.profiler.observe_record(record);
        self.sink.push_row(&mut Row::new(line, record, &self.headers, report));
        report.rows_kept += 1;
    }

    /// Decides from the held-back rows whether the key column is an id: when more than
    /// [`PROBE_MAX_REPEAT_PERCENT`] of its filled cells repeat, it names deals, and the rows
    /// are numbered by their line instead (and the report says why). Then reads the rows.
    fn settle_probe(&mut self) {
        let Some(held) = self.probe.take() else { return };
        if let Some(key) = &self.key {
            let mut seen = std::collections::HashSet::new();
            let (mut filled, mut repeats) = (0usize, 0usize);
            for (_, record) in &held {
                let value = trim_cell(record.fields().get(key.column).unwrap_or_default());
                if !is_empty_trimmed(value) {
                    filled += 1;
                    repeats += usize::from(!seen.insert(value));
                }
            }
            if filled >= PROBE_MIN_FILLED && repeats * 100 > filled * PROBE_MAX_REPEAT_PERCENT {
                let header = self.headers.get(key.column).cloned().unwrap_or_default();
                self.report.ids_generated = Some(IdsGenerated::Repeats { header, repeats, filled });
                if let Some(m) = self.mapping.get_mut(key.index) {
                    *m = None;
                }
                self.key = None;
                self.sink.generate_ids();
            }
        }
        for (line, record) in &held {
            self.accept(*line, Some(record));
        }
    }

    /// Data rows read so far (kept and rejected).
    pub fn rows_read(&self) -> usize {
        self.report.rows_read
    }

    /// Bytes of decoded text consumed so far.
    pub fn bytes_read(&self) -> u64 {
        self.src.bytes_read()
    }

    /// Sizes the columns and the key table for the rows the whole file holds, estimated from
    /// the rows read so far (see [`ColumnSink::reserve`]).
    fn presize(&mut self) {
        self.presized = true;
        let rows = self.report.rows_read;
        let more = self.src.estimate_rows(rows).saturating_sub(rows);
        if self.key.is_some() {
            // The head of a file read as two halves keeps its half's keys only (the tail's are
            // checked against them, never kept), and its key table, touched all over as keys
            // land in it, is sized for them: at 10M unsorted ids, 128 MiB instead of 256.
            let keys = self.src.estimate_rows_to_stop(rows).saturating_sub(rows);
            // Ids the key set holds for the deals are the whole file's, the tail's appended.
            let kept = if matches!(&self.sink, Sink::Deals(s) if s.ids_in_keys) { more } else { keys };
            let key_len = self.first_line_of.key_bytes() / self.first_line_of.len().max(1) + 1;
            self.first_line_of.reserve(keys, kept, key_len);
        }
        self.sink.reserve(more);
    }

    /// The dataset and its report.
    pub fn finish(mut self) -> Result<Imported, ImportError> {
        // Rows still held back (a read stopped before the end) are read now.
        self.settle_probe();
        // Rows held back were checked after later rows were rejected: back in line order.
        crate::sort::sort_by_key(&mut self.report.rejected, |r| r.line);
        self.report.footer = self.src.footer.clone();
        // The encoding is detected once the first bytes past ASCII are in (see `Feed`).
        let feed = self.src.feed();
        let (encoding, confidence) = self.halves.encoding.unwrap_or((feed.encoding(), feed.confidence()));
        self.report.encoding = encoding;
        let code_page = super::CodePage::from_name(encoding);
        self.report.encoding_label = code_page.map_or(encoding, super::CodePage::label);
        self.report.encoding_confidence = confidence;
        if let Sink::Deals(s) = &mut self.sink {
            s.ids_from(&mut self.first_line_of, self.known_keys);
        }
        let Reader { headers, mapping, mut report, profiler, date_order, sink, .. } = self;
        if report.rows_kept == 0 {
            return Err(no_rows(report));
        }
        let data = sink.finish(&mut report, &headers, &mapping, date_order);
        crate::sort::sort_by_key(&mut report.cell_issues, |c| (c.line, c.column));
        report.unused_headers =
            headers.iter().enumerate().filter(|(i, _)| !mapping.contains(&Some(*i))).map(|(_, h)| h.clone()).collect();
        report.columns = profiler.finish(&headers);
        Ok(Imported { data, report })
    }
}

impl Key {
    /// Why the row with `record` on `line` is rejected for its key cell: empty when the key
    /// is required, or repeating one in `seen` (where a new key is recorded).
    fn reject(
        &self,
        seen: &mut SeenKeys,
        record: Fields<'_>,
        line: u64,
        headers: &[String],
        known_from: &str,
    ) -> Option<Rejection> {
        let value = trim_cell(record.get(self.column).unwrap_or_default());
        let field = self.field;
        if is_empty_trimmed(value) {
            let header = headers.get(self.column).map_or("", String::as_str);
            // The column is named only when its header is not the field's own name.
            return self
                .required
                .then(|| Rejection::NoKey { field, header: (header != field).then(|| header.to_owned()) });
        }
        let first = seen.first_line_or_insert(value, line)?;
        let first = if first == 0 { FirstSeen::Loaded(known_from.to_owned()) } else { FirstSeen::Line(first) };
        Some(Rejection::DuplicateKey { field, value: value.to_owned(), first })
    }
}

/// The error for a file whose `headers` leave `missing` fields of `kind` without a column.
fn unusable(kind: DatasetKind, file: &str, headers: &[String], missing: Vec<&'static str>, auto: bool) -> ImportError {
    let file = file.to_owned();
    // A file that is plainly another dataset, read as deals with its headers mapped
    // automatically, deserves to hear so.
    if kind == DatasetKind::Deals && auto {
        if let Some(other) = detect_datasets(headers).into_iter().find(|f| f.complete() && f.kind != kind) {
            return ImportError::OtherDataset { file, dataset: other.kind.name(), matched: other.matched };
        }
    }
    ImportError::MissingFields { file, dataset: kind.name(), missing, found: headers.to_vec() }
}

/// The error for a file none of whose rows could be kept.
fn no_rows(report: ImportReport) -> ImportError {
    let file = report.file;
    match report.rejected.first() {
        None => ImportError::HeaderOnly { file },
        Some(first) => ImportError::NoUsableRows {
            file,
            rejected: report.rejected.len(),
            first_line: first.line,
            first_reason: first.reason.clone(),
        },
    }
}

/// Reads a whole file as `kind` (mapping its headers automatically when `mapping` is `None`).
pub fn read_file(
    kind: DatasetKind,
    file: &str,
    bytes: &[u8],
    mapping: Option<&[Option<usize>]>,
) -> Result<Imported, ImportError> {
    let decoded = decode(file, bytes)?;
    let mut reader = Reader::open(kind, file, bytes.len(), &decoded, mapping)?;
    while !reader.read_chunk(usize::MAX) {}
    reader.finish()
}

/// A file read as deals: the table and what happened to every row.
#[derive(Debug)]
pub struct ImportedDeals {
    /// The kept rows.
    pub table: DealsTable,
    /// The data-quality report.
    pub report: ImportReport,
}

/// Reads a whole file as deals, its headers mapped automatically: [`read_file`] for the many
/// callers (tests, the benchmark, examples) that want a [`DealsTable`]. Returns an error only
/// when the file as a whole cannot be used; bad rows are rejected one by one and listed in
/// the report, with their line and column.
///
/// ```
/// let csv = b"deal_id,amount,stage,created_date,close_date\nD1,100,Won,2024-01-02,2024-02-01\n";
/// let imported = pipelens_engine::ingest::read_deals("deals.csv", csv).unwrap();
/// assert_eq!(imported.table.len(), 1);
/// assert_eq!(imported.report.rows_kept, 1);
/// ```
pub fn read_deals(file: &str, bytes: &[u8]) -> Result<ImportedDeals, ImportError> {
    let Imported { data, report } = read_file(DatasetKind::Deals, file, bytes, None)?;
    match data {
        Dataset::Deals(table) => Ok(ImportedDeals { table, report }),
        // A deals read always gives deals.
        Dataset::Table(_) => Err(ImportError::HeaderOnly { file: file.to_owned() }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::day::Day;

    #[test]
    fn the_report_says_why_each_column_was_chosen() {
        let csv = b"Deal - ID,Deal - Value,Deal - Status,Deal - Deal created,Deal - Owner\n1,100,won,2024-01-02,Ann Lee\n2,50,lost,2024-01-03,Bo Chen\n3,70,open,2024-01-04,Ann Lee\n";
        let read = read_deals("pipedrive.csv", csv).unwrap();
        let why: Vec<(&str, String)> = read.report.mapping_reasons.iter().map(|(f, r)| (*f, r.to_string())).collect();
        let why: Vec<(&str, &str)> = why.iter().map(|(f, r)| (*f, r.as_str())).collect();
        assert!(
            why.contains(&("amount", "header 'Deal - Value' names amount and 3 of 3 values are amounts")),
            "{why:?}"
        );
        assert!(
            why.contains(&("owner", "header 'Deal - Owner' names owner and 2 distinct person-like values")),
            "{why:?}"
        );
        let m: Vec<Option<usize>> = crate::ingest::auto_map(
            DatasetKind::Deals.fields(),
            &read.report.columns.iter().map(|c| c.header.clone()).collect::<Vec<_>>(),
        );
        let by_hand = read_file(DatasetKind::Deals, "pipedrive.csv", csv, Some(&m)).unwrap();
        assert!(by_hand.report.mapping_reasons.is_empty());
    }

    #[test]
    fn the_users_date_order_settles_columns_that_cannot_tell() {
        let csv = b"deal_id,amount,stage,created_date,close_date\nA,1,Won,03/04/2024,05/06/2024\n";
        let read = |order: Option<DateOrder>| {
            let text = decode("d.csv", csv).unwrap();
            let mut r = Reader::open(DatasetKind::Deals, "d.csv", csv.len(), &text, None).unwrap();
            if let Some(o) = order {
                r.with_date_order(o);
            }
            while !r.read_chunk(10) {}
            match r.finish().unwrap() {
                Imported { data: Dataset::Deals(d), report } => {
                    (d.created.get(0), report.mapping[3].dates.clone().unwrap())
                }
                _ => unreachable!(),
            }
        };
        let (day, reading) = read(None);
        assert_eq!((day, reading.assumed), (Day::from_ymd(2024, 3, 4), true));
        let (day, reading) = read(Some(DateOrder::DayFirst));
        assert_eq!((day, reading.assumed), (Day::from_ymd(2024, 4, 3), false));
    }

    #[test]
    fn a_row_without_its_id_names_the_column_when_its_header_is_another_name() {
        let cases: [(DatasetKind, &[u8], &str); 2] = [
            (
                DatasetKind::Deals,
                b"deal_id,amount,stage,created_date\n,1,Won,2024-01-02\nA,1,Won,2024-01-02\n",
                "no deal_id",
            ),
            (
                DatasetKind::Deals,
                b"Opportunity ID,amount,stage,created_date\n,1,Won,2024-01-02\nA,1,Won,2024-01-02\n",
                "no deal_id (column \"Opportunity ID\" is empty)",
            ),
        ];
        for (kind, csv, reason) in cases {
            let read = read_file(kind, "d.csv", csv, None).unwrap();
            assert_eq!(read.report.rejected.len(), 1);
            assert_eq!(read.report.rejected[0].reason.to_string(), reason);
        }
    }

    /// Reads a deals file automatically, seven rows at a time: its ids, whether they were
    /// generated, and the lines rejected.
    fn read_deal_ids(csv: &str) -> (Vec<String>, Option<String>, Vec<u64>) {
        let text = decode("d.csv", csv.as_bytes()).unwrap();
        let mut r = Reader::open(DatasetKind::Deals, "d.csv", csv.len(), &text, None).unwrap();
        while !r.read_chunk(7) {}
        match r.finish().unwrap() {
            Imported { data: Dataset::Deals(d), report } => (
                (0..d.len()).map(|i| d.deal_id.get(i).to_owned()).collect(),
                report.ids_generated.map(|x| x.to_string()),
                report.rejected.iter().map(|x| x.line).collect(),
            ),
            _ => unreachable!(),
        }
    }

    /// A deals file with `rows` rows whose first column, headed `header`, holds `cell(i)`.
    fn deals_with(header: &str, rows: usize, cell: impl Fn(usize) -> String) -> String {
        let mut csv = format!("{header},amount,stage,created_date\n");
        for i in 0..rows {
            csv += &format!("{},{i},Won,2024-01-02\n", cell(i));
        }
        csv
    }

    #[test]
    fn rows_are_numbered_when_no_column_identifies_a_deal() {
        let row_ids = |rows: usize| (2..rows as u64 + 2).map(|l| format!("row {l}")).collect::<Vec<_>>();
        let names = |i: usize| format!("Deal {i}");
        // (file, ids wanted, generated, rejected lines)
        let cases: Vec<(String, Vec<String>, bool, Vec<u64>)> = vec![
            // No id column at all.
            ("amount,stage,created_date\n1,Won,2024-01-02\n2,Lost,2024-01-03\n".into(), row_ids(2), true, vec![]),
            // A name column that repeats more than a few percent of its values.
            (deals_with("Deal Name", 30, |i| format!("Renewal {}", i % 10)), row_ids(30), true, vec![]),
            (deals_with("Opportunity", 1_500, |i| format!("Deal {}", i % 900)), row_ids(1_500), true, vec![]),
            // A name column whose values are all different is the id, as before.
            (deals_with("Deal Name", 30, names), (0..30).map(names).collect(), false, vec![]),
            // Too few rows to tell: a repeat is rejected, as before.
            (
                deals_with("Deal Name", 4, |i| format!("D{}", i % 3)),
                (0..3).map(|i| format!("D{i}")).collect(),
                false,
                vec![5],
            ),
            // A column named as an id keeps rejecting its repeats, however many.
            (
                deals_with("deal_id", 30, |i| format!("D{}", i % 20)),
                (0..20).map(|i| format!("D{i}")).collect(),
                false,
                (22..32).collect(),
            ),
            (
                deals_with("Opportunity ID", 30, |i| format!("D{}", i % 20)),
                (0..20).map(|i| format!("D{i}")).collect(),
                false,
                (22..32).collect(),
            ),
        ];
        for (csv, ids, generated, rejected) in cases {
            let head = csv.lines().next().unwrap_or_default().to_owned();
            let (got, why, lines) = read_deal_ids(&csv);
            assert_eq!(got, ids, "{head}");
            assert_eq!(why.is_some(), generated, "{head}: {why:?}");
            assert_eq!(lines, rejected, "{head}");
        }
    }

    #[test]
    fn generated_ids_say_why_and_free_the_column() {
        let csv = deals_with("Deal Name", 40, |i| format!("Renewal {}", i % 4));
        let read = read_file(DatasetKind::Deals, "d.csv", csv.as_bytes(), None).unwrap();
        let why = read.report.ids_generated.unwrap().to_string();
        assert!(why.contains("\"Deal Name\" repeats 36 of its first 40 values") && why.contains("row 2"), "{why}");
        assert!(read.report.mapping.iter().all(|m| m.field != "deal_id"));
        assert!(read.report.unused_headers.contains(&"Deal Name".to_owned()));
        let no_id = read_file(DatasetKind::Deals, "d.csv", b"amount,stage,created_date\n1,Won,2024-01-02\n", None);
        assert_eq!(no_id.unwrap().report.ids_generated, Some(IdsGenerated::NoColumn));
        // The preview lets such a file through without the column mapper.
        let p = crate::ingest::preview("d.csv", b"amount,stage,created_date\n1,Won,2024-01-02\n", 5, None).unwrap();
        assert_eq!((p.kind, p.complete(), p.missing), (DatasetKind::Deals, true, vec!["deal_id"]));
        // An id column chosen by the user keeps its rows' ids.
        let ids =
            read_file(DatasetKind::Deals, "d.csv", b"deal_id,amount,stage,created_date\nA,1,Won,2024-01-02\n", None);
        assert_eq!(ids.unwrap().report.ids_generated, None);
    }

    #[test]
    fn id_headers() {
        let cases = [
            ("Deal ID", true),
            ("deal_id", true),
            ("Opportunity Id", true),
            ("OpportunityID", true),
            ("Record ID", true),
            ("Nr", true),
            ("Deal No.", true),
            ("商机编号", true),
            ("Deal Name", false),
            ("Opportunity", false),
            ("Deal - Title", false),
            ("Amount Paid", false),
            ("商机名称", false),
        ];
        for (header, want) in cases {
            assert_eq!(header_says_id(header), want, "{header}");
        }
    }

    #[test]
    fn a_footer_read_in_slices_is_listed_not_rejected() {
        let csv = b"deal_id,amount,stage,created_date\nA,1,Won,2024-01-02\nB,2,Lost,2024-01-03\n\nTotal,3,,\nConfidential Information\n";
        for size in [1, 5, 17, csv.len()] {
            let mut slices = csv.chunks(size);
            let mut feed = Feed::new("d.csv", csv.len() as u64);
            while !feed.ready() {
                let slice = slices.next().unwrap();
                feed.push(slice, feed.bytes_pushed() + slice.len() as u64 == csv.len() as u64).unwrap();
            }
            let mut reader = Reader::from_feed(DatasetKind::Deals, "d.csv", feed, None).unwrap();
            while !reader.read_chunk(1) {
                if reader.wants_input() {
                    let slice = slices.next().unwrap();
                    let last = reader.file_bytes_pushed() + slice.len() as u64 == csv.len() as u64;
                    reader.push(slice, last).unwrap();
                }
            }
            let report = reader.finish().unwrap().report;
            assert_eq!((report.rows_read, report.rows_kept, report.rejected.len()), (2, 2, 0), "{size}");
            assert_eq!(
                report.footer,
                [(5, "Total,3".to_owned()), (6, "Confidential Information".to_owned())],
                "{size}"
            );
        }
    }
}
