//! The deals sink of the row reader: fills a [`DealsTable`] from each accepted row.

use super::dataset::Dataset;
use super::dates::{read_date, DateColumnBuilder, DateOrder};
use super::entered::EnteredColumns;
use super::keys::{Interner, SeenKeys};
use super::mapping::DEAL_FIELDS;
use super::report::{ImportReport, MappedField};
use super::sink::{ColumnSink, Row};
use super::value::{is_empty_cell, parse_amount, parse_bool, trim_cell, DATE_EXPECTED};
use crate::column::{DictColumn, TextColumn};
use crate::deals_table::{DealsTable, Dim};
use crate::forecast_category::{probabilities, ForecastCategory};
use crate::stage::{StageRules, Status};

/// Column positions of the canonical deal fields in one file.
#[derive(Clone, PartialEq)]
pub(crate) struct Columns {
    pub(crate) id: Option<usize>,
    pub(crate) amount: usize,
    pub(crate) stage: Option<usize>,
    pub(crate) status: Option<usize>,
    /// Salesforce-style `IsWon` + `IsClosed` flags.
    pub(crate) won_closed: Option<(usize, usize)>,
    pub(crate) created: usize,
    /// `close_date`, else Pipedrive-style won / lost times.
    pub(crate) close: [Option<usize>; 3],
    pub(crate) dims: [Option<usize>; 6],
    pub(crate) account: Option<usize>,
    pub(crate) lost_stage: Option<usize>,
    pub(crate) currency: Option<usize>,
    pub(crate) probability: Option<usize>,
    pub(crate) forecast_category: Option<usize>,
}

impl Columns {
    /// The columns `m` places; `None` when it lacks the amount, the created date, or the id
    /// while ids are not `generated_ids`.
    fn from_mapping(m: &[Option<usize>], generated_ids: bool) -> Option<Columns> {
        let at = |name: &str| DEAL_FIELDS.iter().position(|f| f.name == name).and_then(|i| m.get(i).copied().flatten());
        Some(Columns {
            id: match at("deal_id") {
                Some(c) => Some(c),
                None if generated_ids => None,
                None => return None,
            },
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
            probability: at("probability"),
            forecast_category: at("forecast_category"),
        })
    }
}

/// The deals' columns being filled (see [`ColumnSink`]).
pub(crate) struct DealsSink {
    pub(crate) cols: Columns,
    pub(crate) table: DealsTable,
    pub(crate) dims: [Option<DictColumn>; 6],
    pub(crate) account: Option<DictColumn>,
    pub(crate) lost_stage: Option<DictColumn>,
    pub(crate) currency: Option<DictColumn>,
    /// `probability` cells as read (percent or fraction), and whether any had a `%` sign.
    pub(crate) probability: Option<(Vec<Option<f64>>, bool)>,
    pub(crate) forecast_category: Option<Vec<Option<ForecastCategory>>>,
    pub(crate) status_cells: Vec<Status>,
    pub(crate) created: DateColumnBuilder,
    pub(crate) close: DateColumnBuilder,
    /// The `entered_<stage>` columns, if the file has any (see [`DealsSink::with_entered`]).
    pub(crate) entered: EnteredColumns,
    /// Fronts for the dictionary columns: `dims` by position, then account, lost stage,
    /// currency and stage.
    pub(crate) interners: [Interner; 10],
    /// Whether the ids are not pushed to `table.deal_id` but kept by the reader's key set,
    /// which holds each kept row's id already, and become the column when the read is done
    /// (see `SeenKeys::take_keys`): a big file's ids are then held once. Never while the ids
    /// are generated (see [`DealsSink::generate_ids`]).
    pub(crate) ids_in_keys: bool,
}

impl DealsSink {
    /// Empty columns for the deal fields `mapping` places (a column per field of
    /// [`DEAL_FIELDS`]); `None` when it lacks the id (unless `generated_ids`: each row is then
    /// named by its line, `row 2`), the amount or the created date.
    pub(crate) fn new(mapping: &[Option<usize>], generated_ids: bool) -> Option<DealsSink> {
        Columns::from_mapping(mapping, generated_ids).map(DealsSink::with_columns)
    }

    /// Empty columns for the deal fields `cols` places, no `entered_<stage>` columns.
    pub(crate) fn with_columns(cols: Columns) -> DealsSink {
        DealsSink {
            table: DealsTable {
                status_from_column: cols.status.is_some() || cols.won_closed.is_some(),
                ..DealsTable::default()
            },
            dims: cols.dims.map(|c| c.map(|_| DictColumn::default())),
            account: cols.account.map(|_| DictColumn::default()),
            lost_stage: cols.lost_stage.map(|_| DictColumn::default()),
            currency: cols.currency.map(|_| DictColumn::default()),
            probability: cols.probability.map(|_| (Vec::new(), false)),
            forecast_category: cols.forecast_category.map(|_| Vec::new()),
            cols,
            status_cells: Vec::new(),
            created: DateColumnBuilder::default(),
            close: DateColumnBuilder::default(),
            entered: EnteredColumns::default(),
            interners: Default::default(),
            ids_in_keys: false,
        }
    }

    /// Also reads the `entered_<stage>` columns among `headers` that `mapping` leaves unmapped.
    pub(crate) fn with_entered(self, headers: &[String], mapping: &[Option<usize>]) -> DealsSink {
        self.with_entered_columns(EnteredColumns::of(headers, mapping))
    }

    /// Also fills the `entered` columns.
    pub(crate) fn with_entered_columns(mut self, entered: EnteredColumns) -> DealsSink {
        self.entered = entered;
        self
    }
}

impl DealsSink {
    /// Fills the id column from the reader's key set, when it holds the ids (see
    /// [`DealsSink::ids_in_keys`]; the keys after the first `loaded`, loaded earlier).
    pub(crate) fn ids_from(&mut self, keys: &mut SeenKeys, loaded: usize) {
        if std::mem::take(&mut self.ids_in_keys) {
            self.table.deal_id = keys.take_keys(loaded);
        }
    }

    /// Names every row by its line from now on instead of reading the id column (call before
    /// the first row).
    pub(crate) fn generate_ids(&mut self) {
        self.cols.id = None;
        self.ids_in_keys = false;
    }
}

/// Reading a file as two halves (see [`super::halves`]).
impl DealsSink {
    /// The same columns with no rows yet: for the second half of the file.
    pub(crate) fn empty_like(&self) -> DealsSink {
        DealsSink { ids_in_keys: self.ids_in_keys, ..DealsSink::shaped(self.shape()) }
    }
}

impl ColumnSink for DealsSink {
    #[inline]
    fn push_row(&mut self, row: &mut Row<'_>) {
        let cols = &self.cols;
        let amount = row.read(cols.amount, parse_amount, "a number");
        let created = row.read(cols.created, read_date, DATE_EXPECTED);
        self.created.push_at(created, row.line, row.cell(cols.created));
        // The first close-date column with a value: close_date, else won time, else lost time.
        let close_col = cols.close.iter().flatten().copied().find(|&c| !is_empty_cell(row.cell(c)));
        let close = close_col.and_then(|c| row.read(c, read_date, DATE_EXPECTED));
        self.close.push_at(close, row.line, close_col.map_or("", |c| row.cell(c)));
        if let Some(c) = cols.status {
            let s = row.read(c, Status::parse, "open, won or lost");
            self.status_cells.push(s.unwrap_or(Status::Unknown));
        } else if let Some((w, c)) = cols.won_closed {
            let won = row.read(w, parse_bool, "true or false");
            let closed = row.read(c, parse_bool, "true or false");
            self.status_cells.push(match (closed, won) {
                (Some(false), _) => Status::Open,
                (Some(true), Some(true)) => Status::Won,
                (Some(true), Some(false)) => Status::Lost,
                _ => Status::Unknown,
            });
        }
        if let (Some(c), Some((values, percent))) = (cols.probability, self.probability.as_mut()) {
            let (value, has_percent) = read_probability(row.cell(c));
            *percent |= has_percent;
            values.push(value);
        }
        if let (Some(c), Some(values)) = (cols.forecast_category, self.forecast_category.as_mut()) {
            values.push(ForecastCategory::parse(row.cell(c)));
        }
        self.entered.push(row);
        let table = &mut self.table;
        match cols.id {
            Some(_) if self.ids_in_keys => {}
            Some(c) => table.deal_id.push(trim_cell(row.cell(c))),
            None => table.deal_id.push(&super::report::generated_id(row.line)),
        }
        table.amount.push(amount);
        let [d0, d1, d2, d3, d4, d5, account, lost_stage, currency, stage] = &mut self.interners;
        stage.push(&mut table.stage, cols.stage.and_then(|c| row.text(c)));
        let fronts = [d0, d1, d2, d3, d4, d5];
        for ((col, dict), front) in cols.dims.iter().zip(self.dims.iter_mut()).zip(fronts) {
            if let (Some(c), Some(d)) = (col, dict) {
                front.push(d, row.text(*c));
            }
        }
        for (col, dict, front) in [
            (cols.account, self.account.as_mut(), account),
            (cols.lost_stage, self.lost_stage.as_mut(), lost_stage),
            (cols.currency, self.currency.as_mut(), currency),
        ] {
            if let (Some(c), Some(d)) = (col, dict) {
                front.push(d, row.text(c));
            }
        }
    }

    fn reserve(&mut self, more: usize) {
        let t = &mut self.table;
        if !self.ids_in_keys {
            t.deal_id = reserved_text(std::mem::take(&mut t.deal_id), more);
        }
        t.amount.values.reserve(more);
        t.stage.codes.reserve(more);
        for d in self.dims.iter_mut().chain([&mut self.account, &mut self.lost_stage, &mut self.currency]).flatten() {
            d.codes.reserve(more);
        }
        if self.cols.status.is_some() || self.cols.won_closed.is_some() {
            self.status_cells.reserve(more);
        }
        if let Some((values, _)) = self.probability.as_mut() {
            values.reserve(more);
        }
        if let Some(values) = self.forecast_category.as_mut() {
            values.reserve(more);
        }
        self.created.reserve(more);
        self.close.reserve(more);
    }

    /// Settles the date columns and the stage rules.
    fn finish(
        self,
        report: &mut ImportReport,
        headers: &[String],
        mapping: &[Option<usize>],
        date_order: Option<DateOrder>,
    ) -> Dataset {
        let DealsSink {
            cols,
            mut table,
            dims,
            account,
            lost_stage,
            currency,
            probability,
            forecast_category,
            status_cells,
            created,
            close,
            entered,
            ..
        } = self;
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
        table.dims = dims;
        table.account = account;
        table.lost_stage = lost_stage;
        table.currency = currency;
        table.probability = probability.map(|(values, percent)| probability_column(&values, percent));
        table.forecast_category = forecast_category;
        table.entered = entered.finish(hint);
        if table.status_from_column {
            table.status = status_cells;
        }
        table.stage.merge_variants(crate::stage::stage_key);
        table.apply_stage_rules(StageRules::infer(&table.stage));
        report.mapping = mapped_fields(mapping, headers, &table);
        for m in report.mapping.iter_mut() {
            m.dates = match m.field {
                "created_date" => readings.first().cloned(),
                "close_date" => readings.get(1).cloned(),
                _ => None,
            };
        }
        Dataset::Deals(table)
    }
}

/// `column` with room for `more` rows as long as its rows so far (a little over): the id
/// column is the largest a deals file fills, and doubling it as it grows copied it over and
/// over (in the browser, into fresh wasm memory each time, the old copies left behind).
fn reserved_text(column: TextColumn, more: usize) -> TextColumn {
    let (text, ends) = column.parts();
    let per_row = text.len() / ends.len().max(1) + 1;
    let mut bytes = String::with_capacity(text.len() + more.saturating_mul(per_row));
    bytes.push_str(text);
    let mut offsets = Vec::with_capacity(ends.len() + more);
    offsets.extend_from_slice(ends);
    // The same parts, so always whole; kept as it was otherwise.
    TextColumn::from_parts(bytes, offsets).unwrap_or(column)
}

/// A `probability` cell: its number (`20`, `0.2`, `20 %`, `20,5%`) and whether it had a
/// percent sign. An empty or unreadable cell is `None`.
pub(crate) fn read_probability(cell: &str) -> (Option<f64>, bool) {
    let t = cell.trim();
    let stripped = t.strip_suffix('%').or_else(|| t.strip_suffix('％'));
    let number = stripped.unwrap_or(t).trim();
    // A probability has no thousands: a comma is the decimal mark (`20,5`).
    let value = if number.contains(',') && !number.contains('.') {
        parse_amount(&number.replacen(',', ".", 1))
    } else {
        parse_amount(number)
    };
    (value, stripped.is_some())
}

/// A `probability` column as fractions 0..1: percentages when any cell had a `%` sign or any
/// value is above 1, fractions otherwise ([`probabilities`]); out of range is `None`.
pub fn probability_column(values: &[Option<f64>], percent: bool) -> Vec<Option<f64>> {
    if percent {
        values.iter().map(|v| v.map(|v| v / 100.0).filter(|p| (0.0..=1.0).contains(p))).collect()
    } else {
        probabilities(values)
    }
}

fn mapped_fields(mapping: &[Option<usize>], headers: &[String], table: &DealsTable) -> Vec<MappedField> {
    DEAL_FIELDS
        .iter()
        .zip(mapping)
        .filter_map(|(f, m)| {
            // Only a mapped field is counted: each count is a pass over every row.
            let header = headers.get((*m)?)?.clone();
            let empty = match f.name {
                "amount" => table.amount.values.iter().filter(|v| v.is_nan()).count(),
                "created_date" => table.created.missing(),
                "close_date" => table.close.missing(),
                "stage" => table.stage.missing(),
                "status" => table.status.iter().filter(|&&s| s == Status::Unknown).count(),
                "account" => table.account.as_ref().map_or(0, DictColumn::missing),
                "lost_stage" => table.lost_stage.as_ref().map_or(0, DictColumn::missing),
                "currency" => table.currency.as_ref().map_or(0, DictColumn::missing),
                "probability" => table.probability.as_ref().map_or(0, |v| v.iter().filter(|p| p.is_none()).count()),
                "forecast_category" => {
                    table.forecast_category.as_ref().map_or(0, |v| v.iter().filter(|c| c.is_none()).count())
                }
                "deal_id" => 0,
                name => Dim::ALL
                    .iter()
                    .find(|d| d.field() == name)
                    .and_then(|&d| table.dim(d))
                    .map_or(0, DictColumn::missing),
            };
            Some(MappedField { field: f.name, header, empty, dates: None })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::day::Day;
    use crate::error::ImportError;
    use crate::ingest::{read_deals, DatasetKind, ImportedDeals};

    fn read(text: &str) -> ImportedDeals {
        read_deals("t.csv", text.as_bytes()).expect("readable")
    }

    #[test]
    fn the_id_column_is_sized_once_and_keeps_its_rows() {
        let mut column = TextColumn::default();
        for id in ["D1", "D22", "", "D333"] {
            column.push(id);
        }
        let mut reserved = super::reserved_text(column.clone(), 1_000);
        assert_eq!(reserved, column);
        let (text, ends) = reserved.parts();
        let (text_room, ends_room) = (text.len(), ends.len());
        let before = (reserved.parts().0.as_ptr(), reserved.parts().1.as_ptr());
        // Ids as long as the ones so far, on average and a byte over.
        for _ in 0..1_000 {
            reserved.push("D12");
        }
        assert_eq!((text_room, ends_room), (9, 4));
        assert_eq!(before, (reserved.parts().0.as_ptr(), reserved.parts().1.as_ptr()), "no reallocation");
        assert_eq!(reserved.get(2), "");
        assert_eq!((reserved.len(), reserved.get(1003)), (1_004, "D12"));
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
        assert!(t.report.rejected[0].reason.to_string().contains("2 fields"));
        assert!(t.report.rejected[2].reason.to_string().contains("duplicate"));
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
        // "Summe" (sum) is an amount by its word; the others say nothing a deal field needs.
        assert_eq!(p.missing, ["deal_id", "stage or status", "created_date"]);
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
        // C's date only reads month-first: it is read by what it can only mean, and the
        // report counts it as mixed (it used to be left empty and listed).
        assert_eq!(t.table.created.get(2), Day::from_ymd(2024, 1, 15));
        assert!(t.report.cell_issues.is_empty());
        assert_eq!(created.dates.as_ref().unwrap().mixed, 1);
    }

    #[test]
    fn reads_semicolons_crlf_bom_and_no_final_newline() {
        let t = read("\u{feff}deal_id;amount;stage;created_date\r\nA;1.234,50;Won;2024-01-01\r\nB;7;Lost;2024-01-02");
        assert_eq!(t.table.len(), 2);
        assert_eq!(t.table.amount.get(0), Some(1234.5));
        assert_eq!(t.report.delimiter, ';');
    }

    #[test]
    fn probability_cells_read_as_fractions_on_one_scale_per_column() {
        let cases: [(&str, (Option<f64>, bool)); 7] = [
            ("20", (Some(20.0), false)),
            ("0.2", (Some(0.2), false)),
            ("20 %", (Some(20.0), true)),
            ("20,5%", (Some(20.5), true)),
            ("75％", (Some(75.0), true)),
            ("", (None, false)),
            ("high", (None, false)),
        ];
        for (cell, want) in cases {
            assert_eq!(super::read_probability(cell), want, "{cell:?}");
        }
        // `1` is 100 % in a column of fractions and 1 % in a column with a percent sign.
        assert_eq!(super::probability_column(&[Some(1.0), Some(0.5)], false), [Some(1.0), Some(0.5)]);
        assert_eq!(super::probability_column(&[Some(1.0), Some(50.0)], true), [Some(0.01), Some(0.5)]);
        assert_eq!(super::probability_column(&[Some(150.0), Some(-5.0)], true), [None, None]);
    }
}
