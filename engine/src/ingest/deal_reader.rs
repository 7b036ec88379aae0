//! Reads a deals CSV into a [`DealsTable`] and its [`ImportReport`].

use super::datasets::{detect_datasets, DatasetKind};
use super::dates::{read_date, DateColumnBuilder, DateOrder};
use super::decode::{decode, Decoded};
use super::keys::{Interner, SeenKeys};
use super::mapping::{auto_map, DEAL_FIELDS};
use super::profile::Profiler;
use super::report::{ImportReport, MappedField, RejectedRow};
use super::source::CsvSource;
use super::stream::{Feed, PushError};
use super::value::{is_empty_cell, parse_amount, parse_bool, read_cell, trim_cell, DATE_EXPECTED};
use crate::column::DictColumn;
use crate::deals_table::{DealsTable, Dim};
use crate::error::ImportError;
use crate::stage::{StageRules, Status};

/// Rows read before the columns are sized for the whole file (see [`DealsReader::presize`]).
const PRESIZE_AFTER: usize = 2_000;

/// A file read as deals: the table and what happened to every row.
#[derive(Debug)]
pub struct ImportedDeals {
    /// The kept rows.
    pub table: DealsTable,
    /// The data-quality report.
    pub report: ImportReport,
}

/// Column positions of the canonical deal fields in one file.
struct Columns {
    id: usize,
    amount: usize,
    stage: Option<usize>,
    status: Option<usize>,
    /// Salesforce-style `IsWon` + `IsClosed` flags.
    won_closed: Option<(usize, usize)>,
    created: usize,
    /// `close_date`, else Pipedrive-style won / lost times.
    close: [Option<usize>; 3],
    dims: [Option<usize>; 6],
    account: Option<usize>,
    lost_stage: Option<usize>,
    currency: Option<usize>,
}

impl Columns {
    fn from_mapping(m: &[Option<usize>]) -> Option<Columns> {
        let at = |name: &str| DEAL_FIELDS.iter().position(|f| f.name == name).and_then(|i| m[i]);
        Some(Columns {
            id: at("deal_id")?,
            amount: at("amount")?,
            stage: at("stage"),
            status: at("status"),
            won_closed: at("is_won").zip(at("is_closed")),
            created: at("created_date")?,
            close: [at("close_date"), at("won_date"), at("lost_date")],
            dims: Dim::ALL.map(|d| at(d.field())),
            account: at("account"),
            lost_stage: at("lost_stage"),
            currency: at("currency"),
        })
    }
}

/// Reads a deals CSV. Returns an error only when the file as a whole cannot be used; bad rows
/// are rejected one by one and listed in the report, with their line and column.
///
/// ```
/// let csv = b"deal_id,amount,stage,created_date,close_date\nD1,100,Won,2024-01-02,2024-02-01\n";
/// let imported = pipelens_engine::ingest::read_deals("deals.csv", csv).unwrap();
/// assert_eq!(imported.table.len(), 1);
/// assert_eq!(imported.report.rows_kept, 1);
/// ```
pub fn read_deals(file: &str, bytes: &[u8]) -> Result<ImportedDeals, ImportError> {
    let decoded = decode(file, bytes)?;
    let mut reader = DealsReader::open(file, bytes.len(), &decoded)?;
    while !reader.read_chunk(usize::MAX) {}
    reader.finish()
}

/// Reads a deals CSV a chunk of rows at a time: the deals side of [`super::Reader`], which is
/// the one way in (a file read whole: [`super::read_file`]; in slices: [`super::Session`]).
pub struct DealsReader {
    src: CsvSource,
    headers: Vec<String>,
    mapping: Vec<Option<usize>>,
    cols: Columns,
    report: ImportReport,
    table: DealsTable,
    dims: [Option<DictColumn>; 6],
    account: Option<DictColumn>,
    lost_stage: Option<DictColumn>,
    currency: Option<DictColumn>,
    status_cells: Vec<Status>,
    created: DateColumnBuilder,
    close: DateColumnBuilder,
    /// Line each deal id was first seen on (0: loaded earlier, from `known_from`).
    first_line_of: SeenKeys,
    /// Fronts for the dictionary columns: `dims` by position, then account, lost stage,
    /// currency and stage.
    interners: [Interner; 10],
    /// Whether the columns have been sized for the whole file.
    presized: bool,
    known_from: String,
    /// The user's answer for date columns whose cells cannot tell day-first from month-first.
    date_order: Option<DateOrder>,
    profiler: Profiler,
}

impl DealsReader {
    /// Sniffs the file, reads its header and maps its columns. Fails when the file cannot be
    /// read as deals at all.
    pub fn open(file: &str, byte_len: usize, decoded: &Decoded<'_>) -> Result<DealsReader, ImportError> {
        DealsReader::open_mapped(file, byte_len, decoded, None)
    }

    /// Like [`DealsReader::open`], with the user's choice of column for each field of
    /// [`DEAL_FIELDS`] (`None`: map the headers automatically).
    pub fn open_mapped(
        file: &str,
        byte_len: usize,
        decoded: &Decoded<'_>,
        chosen: Option<&[Option<usize>]>,
    ) -> Result<DealsReader, ImportError> {
        let feed = Feed::whole_text(file, byte_len as u64, decoded.text.to_string(), decoded.encoding);
        DealsReader::from_feed(file, feed, chosen)
    }

    /// Like [`DealsReader::open_mapped`], from a feed that has been pushed the start of the
    /// file (see [`Feed::ready`]); push the rest with [`DealsReader::push`].
    pub fn from_feed(file: &str, feed: Feed, chosen: Option<&[Option<usize>]>) -> Result<DealsReader, ImportError> {
        let byte_len = feed.byte_len() as usize;
        let encoding = feed.encoding();
        let src = CsvSource::open(file, feed)?;
        let mapping = match chosen {
            // Keep only columns that exist, one per field.
            Some(m) => {
                (0..DEAL_FIELDS.len()).map(|i| m.get(i).copied().flatten().filter(|&c| c < src.headers.len())).collect()
            }
            None => auto_map(DEAL_FIELDS, &src.headers),
        };
        let missing = DatasetKind::Deals.missing_in(&mapping);
        let Some(cols) = Columns::from_mapping(&mapping).filter(|_| missing.is_empty()) else {
            let file = file.to_owned();
            // A file that is plainly another dataset deserves to hear so.
            let fits = detect_datasets(&src.headers);
            if let Some(other) =
                fits.into_iter().find(|f| chosen.is_none() && f.complete() && f.kind != DatasetKind::Deals)
            {
                return Err(ImportError::OtherDataset { file, dataset: other.kind.name(), matched: other.matched });
            }
            return Err(ImportError::MissingFields { file, dataset: "deals", missing, found: src.headers.clone() });
        };
        let report = ImportReport {
            file: file.to_owned(),
            bytes: byte_len,
            encoding,
            delimiter: src.dialect.delimiter as char,
            preamble: src.preamble.clone(),
            ..ImportReport::default()
        };
        Ok(DealsReader {
            table: DealsTable {
                status_from_column: cols.status.is_some() || cols.won_closed.is_some(),
                ..DealsTable::default()
            },
            dims: cols.dims.map(|c| c.map(|_| DictColumn::default())),
            account: cols.account.map(|_| DictColumn::default()),
            lost_stage: cols.lost_stage.map(|_| DictColumn::default()),
            currency: cols.currency.map(|_| DictColumn::default()),
            headers: src.headers.clone(),
            profiler: Profiler::new(src.headers.len()),
            src,
            mapping,
            cols,
            report,
            status_cells: Vec::new(),
            created: DateColumnBuilder::default(),
            close: DateColumnBuilder::default(),
            first_line_of: SeenKeys::default(),
            interners: Default::default(),
            presized: false,
            known_from: String::new(),
            date_order: None,
        })
    }

    /// Deal ids already loaded from `file`: rows repeating one are rejected and say so.
    pub fn with_known_keys<'k>(&mut self, keys: impl IntoIterator<Item = &'k str>, file: &str) {
        for k in keys.into_iter().filter(|k| !k.is_empty()) {
            self.first_line_of.first_line_or_insert(k, 0);
        }
        self.known_from = file.to_owned();
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

    /// Whether the last [`DealsReader::read_chunk`] stopped for want of input.
    pub fn wants_input(&self) -> bool {
        self.src.starved()
    }

    /// Reads up to `max_rows` more rows; true when the file is done.
    pub fn read_chunk(&mut self, max_rows: usize) -> bool {
        for _ in 0..max_rows {
            if !self.presized && self.report.rows_read >= PRESIZE_AFTER {
                self.presize();
            }
            let (cols, headers) = (&self.cols, &self.headers);
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
            let id = trim_cell(&record[cols.id]);
            if is_empty_cell(id) {
                report.rejected.push(RejectedRow { line, column: Some(cols.id + 1), reason: "no deal_id".into() });
                continue;
            }
            if let Some(first) = self.first_line_of.first_line_or_insert(id, line) {
                let where_ = if first == 0 {
                    format!("already loaded from {}", self.known_from)
                } else {
                    format!("first on line {first}")
                };
                report.rejected.push(RejectedRow {
                    line,
                    column: Some(cols.id + 1),
                    reason: format!("duplicate deal_id {id:?} ({where_}); kept the first"),
                });
                continue;
            }

            self.profiler.observe(record.iter());
            let mut issue = |column: usize, expected: &'static str| {
                report.note_cell(line, column, &headers[column], &record[column], expected);
            };
            let amount = read_cell(&record[cols.amount], parse_amount, || issue(cols.amount, "a number"));
            let created_cell = &record[cols.created];
            self.created.push_at(
                read_cell(created_cell, read_date, || issue(cols.created, DATE_EXPECTED)),
                line,
                created_cell,
            );
            // The first close-date column with a value: close_date, else won time, else lost time.
            let close_col = cols.close.iter().flatten().copied().find(|&c| !is_empty_cell(&record[c]));
            let close_cell = close_col.map_or("", |c| &record[c]);
            self.close.push_at(
                close_col.and_then(|c| read_cell(close_cell, read_date, || issue(c, DATE_EXPECTED))),
                line,
                close_cell,
            );
            if let Some(c) = cols.status {
                let s = read_cell(&record[c], Status::parse, || issue(c, "open, won or lost"));
                self.status_cells.push(s.unwrap_or(Status::Unknown));
            } else if let Some((w, c)) = cols.won_closed {
                let won = read_cell(&record[w], parse_bool, || issue(w, "true or false"));
                let closed = read_cell(&record[c], parse_bool, || issue(c, "true or false"));
                self.status_cells.push(match (closed, won) {
                    (Some(false), _) => Status::Open,
                    (Some(true), Some(true)) => Status::Won,
                    (Some(true), Some(false)) => Status::Lost,
                    _ => Status::Unknown,
                });
            }
            let table = &mut self.table;
            table.deal_id.push(id);
            table.amount.push(amount);
            let cell = |c: usize| Some(trim_cell(&record[c])).filter(|s| !is_empty_cell(s));
            let [d0, d1, d2, d3, d4, d5, account, lost_stage, currency, stage] = &mut self.interners;
            stage.push(&mut table.stage, cols.stage.and_then(cell));
            let fronts = [d0, d1, d2, d3, d4, d5];
            for ((col, dict), front) in cols.dims.iter().zip(self.dims.iter_mut()).zip(fronts) {
                if let (Some(c), Some(d)) = (col, dict) {
                    front.push(d, cell(*c));
                }
            }
            for (col, dict, front) in [
                (cols.account, self.account.as_mut(), account),
                (cols.lost_stage, self.lost_stage.as_mut(), lost_stage),
                (cols.currency, self.currency.as_mut(), currency),
            ] {
                if let (Some(c), Some(d)) = (col, dict) {
                    front.push(d, cell(c));
                }
            }
            report.rows_kept += 1;
        }
        false
    }

    /// Sizes the columns and the id table for the rows the whole file holds, estimated from
    /// the rows read so far: growing by doubling copies every column several times and, in the
    /// browser, leaves the old copies in a wasm heap that never shrinks.
    fn presize(&mut self) {
        self.presized = true;
        let rows = self.report.rows_read;
        let more = self.src.estimate_rows(rows).saturating_sub(rows);
        let key_len = self.first_line_of.key_bytes() / self.first_line_of.len().max(1) + 1;
        self.first_line_of.reserve(more, key_len);
        let t = &mut self.table;
        t.amount.values.reserve(more);
        t.stage.codes.reserve(more);
        for d in self.dims.iter_mut().chain([&mut self.account, &mut self.lost_stage, &mut self.currency]).flatten() {
            d.codes.reserve(more);
        }
        if self.cols.status.is_some() || self.cols.won_closed.is_some() {
            self.status_cells.reserve(more);
        }
        self.created.reserve(more);
        self.close.reserve(more);
    }

    /// Settles the date columns and stage rules and hands over the table and its report.
    pub fn finish(mut self) -> Result<ImportedDeals, ImportError> {
        // The encoding may have changed to Windows-1252 since the start (see `Feed`).
        self.report.encoding = self.src.feed().encoding();
        let DealsReader {
            headers,
            mapping,
            cols,
            mut report,
            mut table,
            dims,
            account,
            lost_stage,
            currency,
            status_cells,
            created,
            close,
            profiler,
            date_order,
            ..
        } = self;
        if report.rows_kept == 0 {
            return Err(super::table_reader::no_rows(report));
        }
        let mut readings = Vec::new();
        let close_col = cols.close.iter().flatten().copied().next();
        let hint = date_order.or(created.proven_order()).or(close.proven_order());
        for (col, builder, target) in
            [(Some(cols.created), created, &mut table.created), (close_col, close, &mut table.close)]
        {
            let c = col.unwrap_or(0);
            let (days, reading) = report.note_date_column(builder, hint, c, headers.get(c).map_or("", String::as_str));
            *target = days;
            readings.push(reading);
        }
        crate::sort::sort_by_key(&mut report.cell_issues, |c| (c.line, c.column));
        table.dims = dims;
        table.account = account;
        table.lost_stage = lost_stage;
        table.currency = currency;
        if table.status_from_column {
            table.status = status_cells;
        }
        table.apply_stage_rules(StageRules::infer(&table.stage));
        report.mapping = mapped_fields(&mapping, &headers, &table);
        for m in report.mapping.iter_mut() {
            m.dates = match m.field {
                "created_date" => readings.first().cloned(),
                "close_date" => readings.get(1).cloned(),
                _ => None,
            };
        }
        report.unused_headers =
            headers.iter().enumerate().filter(|(i, _)| !mapping.contains(&Some(*i))).map(|(_, h)| h.clone()).collect();
        report.columns = profiler.finish(&headers);
        Ok(ImportedDeals { table, report })
    }
}

fn mapped_fields(mapping: &[Option<usize>], headers: &[String], table: &DealsTable) -> Vec<MappedField> {
    DEAL_FIELDS
        .iter()
        .zip(mapping)
        .filter_map(|(f, m)| {
            let empty = match f.name {
                "amount" => table.amount.values.iter().filter(|v| v.is_nan()).count(),
                "created_date" => table.created.missing(),
                "close_date" => table.close.missing(),
                "stage" => table.stage.missing(),
                "status" => table.status.iter().filter(|&&s| s == Status::Unknown).count(),
                "account" => table.account.as_ref().map_or(0, DictColumn::missing),
                "lost_stage" => table.lost_stage.as_ref().map_or(0, DictColumn::missing),
                "currency" => table.currency.as_ref().map_or(0, DictColumn::missing),
                "deal_id" => 0,
                name => Dim::ALL
                    .iter()
                    .find(|d| d.field() == name)
                    .and_then(|&d| table.dim(d))
                    .map_or(0, DictColumn::missing),
            };
            Some(MappedField { field: f.name, header: headers[(*m)?].clone(), empty, dates: None })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::day::Day;

    fn read(text: &str) -> ImportedDeals {
        read_deals("t.csv", text.as_bytes()).expect("readable")
    }

    #[test]
    fn reads_typed_columns() {
        let t = read("deal_id,amount,stage,created_date,close_date,owner\nA,100,Won,2024-01-02,2024-02-01,Ann\nB,,Prospecting,2024-01-05,,Bob\n");
        let d = &t.table;
        assert_eq!(d.len(), 2);
        assert_eq!(d.deal_id.get(1), "B");
        assert_eq!(d.amount.get(0), Some(100.0));
        assert_eq!(d.amount.get(1), None);
        assert_eq!(d.status, [Status::Won, Status::Open]);
        assert_eq!(d.created.get(0), Day::from_ymd(2024, 1, 2));
        assert_eq!(d.close.get(1), None);
        assert_eq!(d.dim(Dim::Owner).unwrap().get(1), Some("Bob"));
        assert!(d.dim(Dim::Region).is_none());
        assert_eq!((t.report.rows_read, t.report.rows_kept), (2, 2));
        assert!(t.report.rejected.is_empty() && t.report.cell_issues.is_empty());
    }

    #[test]
    fn rejects_ragged_rows_and_keeps_the_rest_with_positions() {
        let t = read("deal_id,amount,stage,created_date\nA,1,Won,2024-01-01\nB,2\nC,3,Lost,2024-01-03\n,4,Won,2024-01-04\nA,5,Won,2024-01-05\n");
        assert_eq!(t.report.rows_read, 5);
        assert_eq!(t.report.rows_kept, 2);
        let lines: Vec<(u64, Option<usize>)> = t.report.rejected.iter().map(|r| (r.line, r.column)).collect();
        assert_eq!(lines, [(3, None), (5, Some(1)), (6, Some(1))]);
        assert!(t.report.rejected[0].reason.contains("2 fields"));
        assert!(t.report.rejected[2].reason.contains("duplicate"));
    }

    #[test]
    fn keeps_rows_with_unreadable_cells_and_lists_the_cells() {
        let t = read("deal_id,amount,stage,created_date\nA,lots,Won,2024-01-01\nB,5,Won,someday\n");
        assert_eq!(t.report.rows_kept, 2);
        let issues: Vec<(u64, usize, &str)> =
            t.report.cell_issues.iter().map(|c| (c.line, c.column, c.value.as_str())).collect();
        assert_eq!(issues, [(2, 2, "lots"), (3, 4, "someday")]);
        assert_eq!(t.report.cell_issues_total, 2);
        assert_eq!(t.table.amount.get(0), None);
        assert_eq!(t.table.created.get(1), None);
    }

    #[test]
    fn placeholders_are_empty_not_errors() {
        let t = read("deal_id,amount,stage,created_date\nA,N/A,Won,NULL\n");
        assert!(t.report.cell_issues.is_empty());
        assert_eq!(t.report.mapping.iter().find(|m| m.field == "amount").unwrap().empty, 1);
    }

    #[test]
    fn status_column_wins_over_stage_names() {
        let t = read("deal_id,amount,status,stage,created_date\nA,1,won,Contract,2024-01-01\nB,1,open,Contract,2024-01-01\nC,1,maybe,Contract,2024-01-01\n");
        assert_eq!(t.table.status, [Status::Won, Status::Open, Status::Unknown]);
        assert_eq!(t.report.cell_issues.len(), 1);
    }

    #[test]
    fn a_hand_made_mapping_reads_odd_headers() {
        let text = b"Ref;Summe;Lage;Anfang;Ende\nX1;100;Won;2024-01-01;2024-02-01\nX2;50;Open;2024-01-05;\n";
        assert!(matches!(read_deals("odd.csv", text), Err(ImportError::MissingFields { .. })));
        let p = crate::ingest::preview("odd.csv", text, 5, Some(DatasetKind::Deals)).unwrap();
        assert_eq!(p.headers, ["Ref", "Summe", "Lage", "Anfang", "Ende"]);
        assert_eq!(p.rows.len(), 2);
        assert_eq!(p.missing, ["deal_id", "amount", "stage or status", "created_date"]);
        let mut m = vec![None; DEAL_FIELDS.len()];
        for (field, col) in [("deal_id", 0), ("amount", 1), ("stage", 2), ("created_date", 3), ("close_date", 4)] {
            m[DEAL_FIELDS.iter().position(|f| f.name == field).unwrap()] = Some(col);
        }
        let read_mapped = |m: &[Option<usize>]| crate::ingest::read_file(DatasetKind::Deals, "odd.csv", text, Some(m));
        let Ok(crate::ingest::Imported { data: crate::ingest::Dataset::Deals(t), .. }) = read_mapped(&m) else {
            panic!("reads as deals")
        };
        assert_eq!(t.status, [Status::Won, Status::Open]);
        assert_eq!(t.amount.get(0), Some(100.0));
        // A mapping that still lacks a required field says which.
        m[0] = None;
        let err = read_mapped(&m).unwrap_err();
        assert!(matches!(err, ImportError::MissingFields { missing, .. } if missing == ["deal_id"]));
    }

    #[test]
    fn another_dataset_is_named() {
        let err = read_deals("leads.csv", b"LeadID,LeadSource,CreatedDate\nL1,Web,2024-01-01\n").unwrap_err();
        let matched = vec!["lead_id", "created_at", "source"];
        assert_eq!(err, ImportError::OtherDataset { file: "leads.csv".into(), dataset: "leads", matched });
        assert!(err
            .to_string()
            .starts_with("leads.csv looks like a leads file (columns for lead_id, created_at, source), not deals."));
    }

    #[test]
    fn whole_file_errors_are_specific() {
        let err = |s: &str| read_deals("f.csv", s.as_bytes()).unwrap_err();
        assert!(matches!(err("deal_id,amount,stage,created_date\n"), ImportError::HeaderOnly { .. }));
        assert!(matches!(err("deal_id,amount,stage,created_date\n\n\n"), ImportError::HeaderOnly { .. }));
        assert!(matches!(err("just one column\nx\n"), ImportError::SingleColumn { .. }));
        let missing = err("name,amount\nx,1\n");
        assert!(
            matches!(&missing, ImportError::MissingFields { missing, .. } if missing == &["deal_id", "stage or status", "created_date"])
        );
        assert!(missing.to_string().contains("Columns in the file: name, amount"));
        assert!(matches!(
            err("deal_id,amount,stage,created_date\n,1,Won,2024-01-01\n"),
            ImportError::NoUsableRows { first_line: 2, .. }
        ));
    }

    #[test]
    fn salesforce_flags_give_the_status() {
        let t = read("Opportunity ID,Amount,StageName,CreatedDate,CloseDate,IsWon,IsClosed\nA,1,Closed Won,2024-01-01,2024-02-01,true,true\nB,1,Closed Lost,2024-01-01,2024-02-01,false,true\nC,1,Negotiation,2024-01-01,,false,false\nD,1,Odd,2024-01-01,,maybe,true\n");
        assert_eq!(t.table.status, [Status::Won, Status::Lost, Status::Open, Status::Unknown]);
        assert_eq!(t.report.cell_issues.len(), 1);
        let t = read("Id,Amount,CreatedDate,IsWon,IsClosed\nA,1,2024-01-01,1,1\n");
        assert_eq!(t.table.status, [Status::Won]);
    }

    #[test]
    fn pipedrive_won_and_lost_times_are_close_dates() {
        let t = read("Deal - ID,Deal - Value,Deal - Status,Deal - Deal created,Deal - Won time,Deal - Lost time\n1,100,won,2024-01-01,2024-02-03 10:00:00,\n2,50,lost,2024-01-01,,2024-03-04 09:00:00\n3,70,open,2024-01-05,,\n");
        assert_eq!(t.table.status, [Status::Won, Status::Lost, Status::Open]);
        assert_eq!(t.table.close.get(0), Day::from_ymd(2024, 2, 3));
        assert_eq!(t.table.close.get(1), Day::from_ymd(2024, 3, 4));
        assert_eq!(t.table.close.get(2), None);
    }

    #[test]
    fn day_first_dates_are_settled_by_the_whole_column() {
        let t = read("deal_id;amount;stage;created_date;close_date\nA;1;Won;02.01.2024;05.03.2024\nB;2;Lost;31.01.2024;13.02.2024\nC;3;Won;01/15/2024;\n");
        assert_eq!(t.table.created.get(0), Day::from_ymd(2024, 1, 2));
        assert_eq!(t.table.close.get(0), Day::from_ymd(2024, 3, 5));
        let created = t.report.mapping.iter().find(|m| m.field == "created_date").unwrap();
        assert_eq!(created.dates.as_ref().unwrap().order, Some(DateOrder::DayFirst));
        // C's date only reads month-first: it contradicts the column and is listed.
        assert_eq!(t.table.created.get(2), None);
        let issue = &t.report.cell_issues[0];
        assert_eq!((issue.line, issue.column, issue.value.as_str()), (4, 4, "01/15/2024"));
        assert!(issue.expected.contains("day-first"));
    }

    #[test]
    fn reads_semicolons_crlf_bom_and_no_final_newline() {
        let t = read("\u{feff}deal_id;amount;stage;created_date\r\nA;1.234,50;Won;2024-01-01\r\nB;7;Lost;2024-01-02");
        assert_eq!(t.table.len(), 2);
        assert_eq!(t.table.amount.get(0), Some(1234.5));
        assert_eq!(t.report.delimiter, ';');
    }
}
