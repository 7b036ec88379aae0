//! Reads a leads, activities, customers, spend, quotas or forecasts CSV into a typed
//! [`Table`], a chunk of rows at a time, with its [`ImportReport`].

use super::datasets::DatasetKind;
use super::dates::{read_date, read_month, read_time, DateColumnBuilder, DateOrder};
use super::decode::Decoded;
use super::mapping::auto_map;
use super::profile::Profiler;
use super::report::{ImportReport, MappedField, RejectedRow};
use super::source::CsvSource;
use super::stream::{Feed, PushError};
use super::value::{is_empty_cell, parse_amount, parse_bool, read_cell, DATE_EXPECTED};
use crate::column::{AmountColumn, DictColumn, TextColumn};
use crate::error::ImportError;
use crate::table::{Column, FieldType, Table, TimestampColumn};
use std::collections::HashMap;

const MONTH_EXPECTED: &str = "a month or a date (2024-03, 03/2024, Mar 2024, 2024-03-01)";
const TIME_EXPECTED: &str = "a time (10:30, 10:30:00Z, 2:05 PM, 10:30+02:00); the date was kept";

/// A column being built.
enum Builder {
    Id(TextColumn),
    Category(DictColumn),
    Date(DateColumnBuilder, FieldType),
    Timestamp(DateColumnBuilder, Vec<i32>),
    Number(AmountColumn),
    Flag(Vec<Option<bool>>),
}

impl Builder {
    fn new(ty: FieldType) -> Builder {
        match ty {
            FieldType::Id => Builder::Id(TextColumn::default()),
            FieldType::Category => Builder::Category(DictColumn::default()),
            FieldType::Date | FieldType::Month => Builder::Date(DateColumnBuilder::default(), ty),
            FieldType::Timestamp => Builder::Timestamp(DateColumnBuilder::default(), Vec::new()),
            FieldType::Number => Builder::Number(AmountColumn::default()),
            FieldType::Flag => Builder::Flag(Vec::new()),
        }
    }
}

/// One mapped field: its name, its column in the file and its builder.
struct FieldColumn {
    field: &'static str,
    column: usize,
    builder: Builder,
}

/// Reads any dataset except deals (which has [`super::DealsReader`]).
pub struct TableReader {
    kind: DatasetKind,
    src: CsvSource,
    headers: Vec<String>,
    mapping: Vec<Option<usize>>,
    fields: Vec<FieldColumn>,
    /// Column of the dataset's key, and whether a row needs one.
    key: Option<(usize, bool)>,
    /// Line each key was first seen on (0: loaded earlier, from `known_from`).
    first_line_of: HashMap<String, u64>,
    known_from: String,
    /// The user's answer for date columns whose cells cannot tell day-first from month-first.
    date_order: Option<DateOrder>,
    report: ImportReport,
    profiler: Profiler,
}

impl TableReader {
    /// Sniffs the file, reads its header and maps its columns for `kind` (with the user's
    /// choice of column per field of `kind.fields()`, or automatically when `chosen` is `None`).
    pub fn open(
        kind: DatasetKind,
        file: &str,
        byte_len: usize,
        decoded: &Decoded<'_>,
        chosen: Option<&[Option<usize>]>,
    ) -> Result<TableReader, ImportError> {
        let feed = Feed::whole_text(file, byte_len as u64, decoded.text.to_string(), decoded.encoding);
        TableReader::from_feed(kind, file, feed, chosen)
    }

    /// Like [`TableReader::open`], from a feed that has been pushed the start of the file (see
    /// [`Feed::ready`]); push the rest with [`TableReader::push`].
    pub fn from_feed(
        kind: DatasetKind,
        file: &str,
        feed: Feed,
        chosen: Option<&[Option<usize>]>,
    ) -> Result<TableReader, ImportError> {
        let byte_len = feed.byte_len() as usize;
        let encoding = feed.encoding();
        let src = CsvSource::open(file, feed)?;
        let specs = kind.fields();
        let mapping: Vec<Option<usize>> = match chosen {
            Some(m) => {
                (0..specs.len()).map(|i| m.get(i).copied().flatten().filter(|&c| c < src.headers.len())).collect()
            }
            None => auto_map(specs, &src.headers),
        };
        let missing = kind.missing_in(&mapping);
        if !missing.is_empty() {
            return Err(ImportError::MissingFields {
                file: file.to_owned(),
                dataset: kind.name(),
                missing,
                found: src.headers.clone(),
            });
        }
        let fields: Vec<FieldColumn> = specs
            .iter()
            .zip(&mapping)
            .filter_map(|(spec, m)| {
                Some(FieldColumn { field: spec.name, column: (*m)?, builder: Builder::new(kind.field_type(spec.name)) })
            })
            .collect();
        let key = kind.key().and_then(|k| {
            let i = specs.iter().position(|s| s.name == k)?;
            Some((mapping[i]?, specs[i].required))
        });
        let report = ImportReport {
            file: file.to_owned(),
            bytes: byte_len,
            encoding,
            delimiter: src.dialect.delimiter as char,
            preamble: src.preamble.clone(),
            ..ImportReport::default()
        };
        Ok(TableReader {
            kind,
            headers: src.headers.clone(),
            profiler: Profiler::new(src.headers.len()),
            src,
            mapping,
            fields,
            key,
            first_line_of: HashMap::new(),
            known_from: String::new(),
            date_order: None,
            report,
        })
    }

    /// Keys already loaded from `file`: rows repeating one are rejected and say so.
    pub fn with_known_keys<'k>(&mut self, keys: impl IntoIterator<Item = &'k str>, file: &str) {
        if self.key.is_some() {
            self.first_line_of.extend(keys.into_iter().filter(|k| !k.is_empty()).map(|k| (k.to_owned(), 0)));
            self.known_from = file.to_owned();
        }
    }

    /// Reads date columns whose cells cannot tell day-first from month-first in `order` (the
    /// user's answer); columns whose cells prove an order keep it.
    pub fn with_date_order(&mut self, order: DateOrder) {
        self.date_order = Some(order);
    }

    /// Data rows read so far (kept and rejected).
    pub fn rows_read(&self) -> usize {
        self.report.rows_read
    }

    /// Bytes of the decoded text consumed so far.
    pub fn bytes_read(&self) -> u64 {
        self.src.bytes_read()
    }

    /// Bytes of the file consumed so far (estimated from the text): for progress.
    pub fn file_bytes_read(&self) -> u64 {
        self.src.file_bytes_read()
    }

    /// Appends the next slice of the file; `last` for the final one.
    pub fn push(&mut self, bytes: &[u8], last: bool) -> Result<(), PushError> {
        self.src.push(bytes, last)
    }

    /// The feed the file comes through.
    pub fn feed(&self) -> &Feed {
        self.src.feed()
    }

    /// Whether the last [`TableReader::read_chunk`] stopped for want of input.
    pub fn wants_input(&self) -> bool {
        self.src.starved()
    }

    /// Reads up to `max_rows` more rows; true when the file is done.
    pub fn read_chunk(&mut self, max_rows: usize) -> bool {
        let headers = &self.headers;
        for _ in 0..max_rows {
            let Some(next) = self.src.next_record() else { return !self.src.starved() };
            let report = &mut self.report;
            report.rows_read += 1;
            let line = match next {
                Ok(line) => line,
                Err(rejected) => {
                    report.rejected.push(rejected);
                    continue;
                }
            };
            let record = self.src.record();
            if let Some((c, required)) = self.key {
                let key = record[c].trim();
                let name = headers[c].as_str();
                if is_empty_cell(key) {
                    if required {
                        let reason = format!("no {} (column {name:?} is empty)", self.kind.key().unwrap_or("id"));
                        report.rejected.push(RejectedRow { line, column: Some(c + 1), reason });
                        continue;
                    }
                } else if let Some(&first) = self.first_line_of.get(key) {
                    let where_ = if first == 0 {
                        format!("already loaded from {}", self.known_from)
                    } else {
                        format!("first on line {first}")
                    };
                    let reason = format!("duplicate {name} {key:?} ({where_}); kept the first");
                    report.rejected.push(RejectedRow { line, column: Some(c + 1), reason });
                    continue;
                } else {
                    self.first_line_of.insert(key.to_owned(), line);
                }
            }
            self.profiler.observe(record.iter());
            for f in self.fields.iter_mut() {
                let cell = &record[f.column];
                let mut issue = |expected| report.note_cell(line, f.column, &headers[f.column], cell, expected);
                match &mut f.builder {
                    Builder::Id(c) => c.push(if is_empty_cell(cell) { "" } else { cell.trim() }),
                    Builder::Category(c) => c.push(Some(cell.trim()).filter(|s| !is_empty_cell(s))),
                    Builder::Date(b, FieldType::Month) => {
                        b.push_at(read_cell(cell, read_month, || issue(MONTH_EXPECTED)), line, cell)
                    }
                    Builder::Date(b, _) => b.push_at(read_cell(cell, read_date, || issue(DATE_EXPECTED)), line, cell),
                    Builder::Timestamp(b, seconds) => {
                        let date = read_cell(cell, read_date, || issue(DATE_EXPECTED));
                        let time = match date {
                            Some(_) => read_time(cell).unwrap_or_else(|| {
                                issue(TIME_EXPECTED);
                                0
                            }),
                            None => 0,
                        };
                        b.push_at(date, line, cell);
                        seconds.push(time);
                    }
                    Builder::Number(c) => c.push(read_cell(cell, parse_amount, || issue("a number"))),
                    Builder::Flag(c) => c.push(read_cell(cell, parse_bool, || issue("yes or no (true/false, 1/0)"))),
                }
            }
            report.rows_kept += 1;
        }
        false
    }

    /// Settles the date columns and hands over the table and its report.
    pub fn finish(mut self) -> Result<(Table, ImportReport), ImportError> {
        // The encoding may have changed to Windows-1252 since the start (see `Feed`).
        self.report.encoding = self.src.feed().encoding();
        let TableReader { kind, headers, mapping, fields, mut report, profiler, date_order, .. } = self;
        if report.rows_kept == 0 {
            return Err(no_rows(report));
        }
        let mut table = Table::new(kind);
        table.len = report.rows_kept;
        let hint = date_order.or_else(|| {
            fields.iter().find_map(|f| match &f.builder {
                Builder::Date(b, _) | Builder::Timestamp(b, _) => b.proven_order(),
                _ => None,
            })
        });
        for f in fields {
            let header = headers[f.column].clone();
            let (column, dates) = match f.builder {
                Builder::Id(c) => (Column::Id(c), None),
                Builder::Category(c) => (Column::Category(c), None),
                Builder::Date(b, _) => {
                    let (days, reading) = report.note_date_column(b, hint, f.column, &header);
                    (Column::Date(days), Some(reading))
                }
                Builder::Timestamp(b, seconds) => {
                    let (days, reading) = report.note_date_column(b, hint, f.column, &header);
                    (Column::Timestamp(TimestampColumn { days, seconds }), Some(reading))
                }
                Builder::Number(c) => (Column::Number(c), None),
                Builder::Flag(c) => (Column::Flag(c), None),
            };
            report.mapping.push(MappedField { field: f.field, header, empty: column.missing(), dates });
            table.columns.push((f.field, column));
        }
        crate::sort::sort_by_key(&mut report.cell_issues, |c| (c.line, c.column));
        report.unused_headers =
            headers.iter().enumerate().filter(|(i, _)| !mapping.contains(&Some(*i))).map(|(_, h)| h.clone()).collect();
        report.columns = profiler.finish(&headers);
        Ok((table, report))
    }
}

/// The error for a file none of whose rows could be kept.
pub(crate) fn no_rows(report: ImportReport) -> ImportError {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::day::Day;
    use crate::ingest::decode;

    fn read(kind: DatasetKind, csv: &str) -> Result<(Table, ImportReport), ImportError> {
        let decoded = decode("t.csv", csv.as_bytes())?;
        let mut r = TableReader::open(kind, "t.csv", csv.len(), &decoded, None)?;
        while !r.read_chunk(2) {}
        r.finish()
    }

    #[test]
    fn reads_leads_with_timestamps_in_zones() {
        let csv = "Lead ID,Created At,First Contact At,Source,Qualified\n\
                   L1,2024-03-01T10:00:00+01:00,2024-03-01T09:04:00Z,Web,yes\n\
                   L2,2024-03-02 08:00,,Referral,no\n\
                   ,2024-03-03,,Web,\n\
                   L1,2024-03-04,,Web,\n\
                   L3,someday,2024-03-05 25:00,,maybe\n";
        let (t, report) = read(DatasetKind::Leads, csv).unwrap();
        assert_eq!((t.len, report.rows_read, report.rows_kept, report.rejected.len()), (3, 5, 3, 2));
        assert_eq!(report.rejected[0].line, 4);
        assert!(report.rejected[0].reason.starts_with("no lead_id"), "{}", report.rejected[0].reason);
        assert!(report.rejected[1].reason.contains("first on line 2"), "{}", report.rejected[1].reason);
        let created = t.timestamps("created_at").unwrap();
        let contact = t.timestamps("first_contact_at").unwrap();
        // 10:00 at +01:00 is 09:00 UTC; the first contact came four minutes later.
        assert_eq!(contact.epoch_seconds(0).unwrap() - created.epoch_seconds(0).unwrap(), 240);
        assert_eq!(t.dates("created_at").unwrap().get(1), Day::from_ymd(2024, 3, 2));
        assert_eq!(t.flags("qualified").unwrap(), [Some(true), Some(false), None]);
        assert_eq!(t.category("source").unwrap().missing(), 1);
        // "someday", an unreadable time and "maybe": three cells, rows kept.
        let issues: Vec<(u64, usize)> = report.cell_issues.iter().map(|c| (c.line, c.column)).collect();
        assert_eq!(issues, [(6, 2), (6, 3), (6, 5)]);
        assert_eq!(report.cell_issues_total, 3);
        assert_eq!(report.columns.len(), 5);
    }

    #[test]
    fn reads_monthly_quotas_and_spend() {
        let (q, _) =
            read(DatasetKind::Quotas, "owner;month;quota\nAnn;2024-01;10.000,50\nBob;Feb 2024;8.000\n").unwrap();
        assert_eq!(q.dates("period_start").unwrap().get(1), Day::from_ymd(2024, 2, 1));
        assert_eq!(q.numbers("quota").unwrap().get(0), Some(10_000.5));
        let (s, _) = read(DatasetKind::Spend, "month,channel,spend\n03/2024,Ads,\"$1,200\"\n").unwrap();
        assert_eq!(s.dates("date").unwrap().get(0), Day::from_ymd(2024, 3, 1));
        assert_eq!(s.numbers("amount").unwrap().get(0), Some(1200.0));
    }

    #[test]
    fn customers_read_day_first_dates_from_the_whole_column() {
        let csv = "customer_id,start_date,end_date,mrr\nC1,03/04/2024,,100\nC2,25/04/2024,01/05/2024,50\n";
        let (t, report) = read(DatasetKind::Customers, csv).unwrap();
        assert_eq!(t.dates("start_date").unwrap().get(0), Day::from_ymd(2024, 4, 3));
        assert_eq!(t.dates("end_date").unwrap().get(1), Day::from_ymd(2024, 5, 1));
        let start = report.mapping.iter().find(|m| m.field == "start_date").unwrap();
        assert!(!start.dates.as_ref().unwrap().assumed);
        assert_eq!(report.mapping.iter().find(|m| m.field == "end_date").unwrap().empty, 1);
    }

    #[test]
    fn keys_loaded_before_are_duplicates() {
        let csv = "lead_id,created_at\nL1,2024-01-01\nL2,2024-01-02\n";
        let decoded = decode("b.csv", csv.as_bytes()).unwrap();
        let mut r = TableReader::open(DatasetKind::Leads, "b.csv", csv.len(), &decoded, None).unwrap();
        r.with_known_keys(["L1"], "a.csv");
        while !r.read_chunk(10) {}
        let (t, report) = r.finish().unwrap();
        assert_eq!(t.len, 1);
        assert_eq!(report.rejected[0].reason, "duplicate lead_id \"L1\" (already loaded from a.csv); kept the first");
    }

    #[test]
    fn missing_required_fields_and_empty_files_are_errors() {
        assert!(matches!(read(DatasetKind::Quotas, "owner,quota\nAnn,1\n"), Err(ImportError::MissingFields { .. })));
        assert!(matches!(read(DatasetKind::Leads, "lead_id,created_at\n"), Err(ImportError::HeaderOnly { .. })));
    }
}
