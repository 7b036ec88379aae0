//! The canonical tables of a workspace as the warehouse loads them: one table per loaded
//! dataset, with the canonical columns of KPI_SPEC.md typed as the KPI queries read them, and
//! the rows as pipelens read them, written as plain CSV (UTF-8, comma, ISO dates, date-times in
//! UTC, empty cells for missing values). Whatever the app applied while reading the user's
//! files (column mapping, code page, date order, stage rules, repeated keys left out) is
//! already in these rows, so every database's plain CSV loader reads them the same way.

use crate::column::DateColumn;
use crate::deals_table::{DealsTable, Dim};
use crate::forecast_category::ForecastCategory;
use crate::history::StageHistory;
use crate::ingest::DatasetKind;
use crate::stage::Status;
use crate::table::{Column, Table};
use crate::workspace::Workspace;

/// The SQL type of a canonical column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColType {
    /// Text (`VARCHAR`, `TEXT`, `STRING`).
    Text,
    /// A 64-bit float.
    Double,
    /// A whole number (the history's `seq`).
    Integer,
    /// A calendar date.
    Date,
    /// A date-time in UTC.
    Timestamp,
    /// Yes / no.
    Boolean,
}

/// One canonical table: its name (the dataset's), typed columns and its rows as CSV text.
#[derive(Clone, Debug, PartialEq)]
pub struct CanonTable {
    /// The table's name: `deals`, `leads`, ..., `earlier_deals`, `history`.
    pub name: &'static str,
    /// The columns in file order, with their types.
    pub columns: Vec<(String, ColType)>,
    /// The number of data rows.
    pub rows: usize,
    /// The rows as CSV with a header line of the column names.
    pub csv: String,
}

impl CanonTable {
    /// The file the rows are written to: `<name>.csv`.
    pub fn file_name(&self) -> String {
        format!("{}.csv", self.name)
    }
}

/// Every loaded dataset of `ws` as a canonical table, in the order of [`DatasetKind::ALL`]
/// (deals first). The stage history is written from the engine's reading of it (one row per
/// usable change, `seq` its place), and is left out when it comes from the deals'
/// `entered_<stage>` dates (the queries read those columns of the deals instead).
pub fn canonical_tables(ws: &Workspace) -> Vec<CanonTable> {
    let mut out = Vec::new();
    for kind in DatasetKind::ALL {
        let table = match kind {
            DatasetKind::Deals => ws.deals.as_ref().map(|d| deals_table("deals", d)),
            DatasetKind::EarlierDeals => ws.earlier.as_ref().map(|d| deals_table("earlier_deals", d)),
            DatasetKind::History => ws.history.as_ref().filter(|_| !ws.history_from_deals).map(history_table),
            other => ws.table(other).map(|t| other_table(other.name(), t)),
        };
        out.extend(table);
    }
    out
}

/// A CSV writer over a growing buffer; a record that fails to write (it cannot, into a Vec)
/// would only be left out.
struct Rows {
    w: csv::Writer<Vec<u8>>,
    rows: usize,
}

impl Rows {
    fn new(header: &[(String, ColType)], capacity: usize) -> Rows {
        let mut w =
            csv::WriterBuilder::new().terminator(csv::Terminator::Any(b'\n')).from_writer(Vec::with_capacity(capacity));
        let _ = w.write_record(header.iter().map(|(name, _)| name.as_str()));
        Rows { w, rows: 0 }
    }

    fn push<I: IntoIterator<Item = String>>(&mut self, cells: I) {
        let _ = self.w.write_record(cells.into_iter().map(String::into_bytes));
        self.rows += 1;
    }

    fn finish(self, name: &'static str, columns: Vec<(String, ColType)>) -> CanonTable {
        let bytes = self.w.into_inner().unwrap_or_default();
        CanonTable { name, columns, rows: self.rows, csv: String::from_utf8(bytes).unwrap_or_default() }
    }
}

fn day(d: Option<crate::Day>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

fn number(v: Option<f64>) -> String {
    v.filter(|v| v.is_finite()).map(|v| v.to_string()).unwrap_or_default()
}

fn text(v: Option<&str>) -> String {
    v.unwrap_or("").to_owned()
}

/// `YYYY-MM-DD HH:MM:SS` in UTC for seconds since 1970-01-01 UTC: the one date-time layout
/// every loader here reads without options.
pub fn utc_timestamp(secs: i64) -> String {
    let day = crate::Day(secs.div_euclid(86_400).clamp(i32::MIN as i64, i32::MAX as i64) as i32);
    let s = secs.rem_euclid(86_400);
    format!("{day} {:02}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
}

fn category_id(c: ForecastCategory) -> &'static str {
    match c {
        ForecastCategory::Pipeline => "pipeline",
        ForecastCategory::BestCase => "best_case",
        ForecastCategory::Commit => "commit",
        ForecastCategory::Closed => "closed",
        ForecastCategory::Omitted => "omitted",
    }
}

/// A deals export: `deal_id, amount, stage, [status], created_date, close_date`, the segment
/// columns, `account`, `lost_stage`, `currency`, `probability` (a fraction), `forecast_category`
/// (its id) and the `entered_<stage>` dates, each only when the deals have it. `status` (when
/// the deals came with a status column) is `open`, `won`, `lost` or empty, as pipelens read it.
fn deals_table(name: &'static str, d: &DealsTable) -> CanonTable {
    use ColType::*;
    let mut columns: Vec<(String, ColType)> =
        vec![("deal_id".into(), Text), ("amount".into(), Double), ("stage".into(), Text)];
    if d.status_from_column {
        columns.push(("status".into(), Text));
    }
    columns.extend([("created_date".into(), Date), ("close_date".into(), Date)]);
    let dims: Vec<(Dim, &crate::column::DictColumn)> = Dim::ALL.iter().filter_map(|&k| Some((k, d.dim(k)?))).collect();
    columns.extend(dims.iter().map(|(k, _)| (k.field().to_owned(), Text)));
    let labels: Vec<(&str, &crate::column::DictColumn)> =
        [("account", &d.account), ("lost_stage", &d.lost_stage), ("currency", &d.currency)]
            .into_iter()
            .filter_map(|(f, c)| Some((f, c.as_ref()?)))
            .collect();
    columns.extend(labels.iter().map(|(f, _)| ((*f).to_owned(), Text)));
    if d.probability.is_some() {
        columns.push(("probability".into(), Double));
    }
    if d.forecast_category.is_some() {
        columns.push(("forecast_category".into(), Text));
    }
    let entered: Vec<&DateColumn> = d.entered.iter().map(|(_, c)| c).collect();
    columns.extend(d.entered.iter().map(|(stage, _)| (format!("entered_{stage}"), Date)));
    let mut rows = Rows::new(&columns, d.len() * 96);
    for i in 0..d.len() {
        let mut row = vec![d.deal_id.get(i).to_owned(), number(d.amount.get(i)), text(d.stage.get(i))];
        if d.status_from_column {
            let status = match d.status.get(i) {
                Some(Status::Open) => "open",
                Some(Status::Won) => "won",
                Some(Status::Lost) => "lost",
                Some(Status::Unknown) | None => "",
            };
            row.push(status.to_owned());
        }
        row.extend([day(d.created.get(i)), day(d.close.get(i))]);
        row.extend(dims.iter().map(|(_, c)| text(c.get(i))));
        row.extend(labels.iter().map(|(_, c)| text(c.get(i))));
        if let Some(p) = &d.probability {
            row.push(number(p.get(i).copied().flatten()));
        }
        if let Some(f) = &d.forecast_category {
            row.push(f.get(i).copied().flatten().map_or(String::new(), |c| category_id(c).to_owned()));
        }
        row.extend(entered.iter().map(|c| day(c.get(i))));
        rows.push(row);
    }
    rows.finish(name, columns)
}

/// A dataset other than deals with the canonical columns it was read with.
fn other_table(name: &'static str, t: &Table) -> CanonTable {
    let columns: Vec<(String, ColType)> = t
        .columns
        .iter()
        .map(|(f, c)| {
            let ty = match c {
                Column::Id(_) | Column::Category(_) => ColType::Text,
                Column::Date(_) => ColType::Date,
                Column::Timestamp(_) => ColType::Timestamp,
                Column::Number(_) => ColType::Double,
                Column::Flag(_) => ColType::Boolean,
            };
            ((*f).to_owned(), ty)
        })
        .collect();
    let mut rows = Rows::new(&columns, t.len * 64);
    for i in 0..t.len {
        rows.push(t.columns.iter().map(|(_, c)| match c {
            Column::Id(c) => c.get(i).to_owned(),
            Column::Category(c) => text(c.get(i)),
            Column::Date(c) => day(c.get(i)),
            Column::Timestamp(c) => c.epoch_seconds(i).map_or(String::new(), utc_timestamp),
            Column::Number(c) => number(c.get(i)),
            Column::Flag(c) => c.get(i).copied().flatten().map_or("", |b| if b { "true" } else { "false" }).to_owned(),
        }));
    }
    rows.finish(name, columns)
}

/// The stage history: `deal_id, stage, changed_at, amount, close_date, seq`, one row per change
/// pipelens uses, in its order (by deal, then date), `seq` numbering them from 0.
fn history_table(h: &StageHistory) -> CanonTable {
    use ColType::*;
    let columns: Vec<(String, ColType)> = [
        ("deal_id", Text),
        ("stage", Text),
        ("changed_at", Date),
        ("amount", Double),
        ("close_date", Date),
        ("seq", Integer),
    ]
    .into_iter()
    .map(|(n, t)| (n.to_owned(), t))
    .collect();
    let mut rows = Rows::new(&columns, h.events.len() * 48);
    for (seq, e) in h.events.iter().enumerate() {
        rows.push([
            h.deal_ids.get(e.deal as usize).cloned().unwrap_or_default(),
            h.stage_name(e.stage).to_owned(),
            e.changed_at.to_string(),
            number(e.amount),
            day(e.close),
            seq.to_string(),
        ]);
    }
    rows.finish("history", columns)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::read_file;

    fn ws_of(files: &[(DatasetKind, &str)]) -> Workspace {
        let mut ws = Workspace::default();
        for (kind, text) in files {
            ws.insert_as(*kind, read_file(*kind, "t.csv", text.as_bytes(), None).unwrap().data, false);
        }
        ws
    }

    #[test]
    fn timestamps_are_utc_with_a_space() {
        for (secs, want) in [
            (0, "1970-01-01 00:00:00"),
            (86_399, "1970-01-01 23:59:59"),
            (-1, "1969-12-31 23:59:59"),
            (1_704_445_200, "2024-01-05 09:00:00"),
        ] {
            assert_eq!(utc_timestamp(secs), want);
        }
        // Far outside the calendar: still a line, never a panic.
        let _ = utc_timestamp(i64::MAX);
        let _ = utc_timestamp(i64::MIN);
    }

    #[test]
    fn the_deals_are_written_as_pipelens_read_them() {
        // Day-first dates, a repeated key, a mapped status column in German, a placeholder amount.
        let ws = ws_of(&[(
            DatasetKind::Deals,
            "deal_id,Summe,status,stage,created_date,close_date,owner\n\
             D1,\"1,5\",Gewonnen,Vertrag,2024-01-10,2024-02-01,Ann\n\
             D2,NA,offen,Demo,2024-02-01,,Bo\n\
             D1,9,lost,Demo,2024-01-10,2024-02-01,Ann\n",
        )]);
        let t = canonical_tables(&ws);
        assert_eq!(t.len(), 1);
        let deals = &t[0];
        assert_eq!(deals.name, "deals");
        let names: Vec<&str> = deals.columns.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["deal_id", "amount", "stage", "status", "created_date", "close_date", "owner"]);
        let lines: Vec<&str> = deals.csv.lines().collect();
        assert_eq!(lines.len(), 1 + deals.rows);
        assert_eq!(deals.rows, ws.deals.as_ref().unwrap().len());
        assert!(lines[1].starts_with("D1,") && lines[1].contains(",won,2024-01-10,2024-02-01,Ann"), "{}", lines[1]);
        assert!(lines[2].starts_with("D2,,Demo,open,2024-02-01,,Bo"), "{}", lines[2]);
    }

    #[test]
    fn other_datasets_keep_their_types() {
        let ws = ws_of(&[
            (
                DatasetKind::Leads,
                "lead_id,created_at,source,qualified\nL1,2024-01-05T10:00:00+02:00,Web,yes\nL2,2024-01-06,,no\n",
            ),
            (DatasetKind::Spend, "date,amount,category\n2024-01,500,marketing\n"),
        ]);
        let t = canonical_tables(&ws);
        let names: Vec<&str> = t.iter().map(|t| t.name).collect();
        assert_eq!(names, ["leads", "spend"]);
        let leads = &t[0];
        assert_eq!(
            leads.columns,
            [
                ("lead_id".to_owned(), ColType::Text),
                ("created_at".to_owned(), ColType::Timestamp),
                ("source".to_owned(), ColType::Text),
                ("qualified".to_owned(), ColType::Boolean)
            ]
        );
        assert_eq!(
            leads.csv,
            "lead_id,created_at,source,qualified\nL1,2024-01-05 08:00:00,Web,true\nL2,2024-01-06 00:00:00,,false\n"
        );
        assert_eq!(t[1].csv, "date,amount,category\n2024-01-01,500,marketing\n");
    }

    #[test]
    fn the_demo_has_every_dataset_and_its_history() {
        let ws = crate::demo::demo_workspace(crate::demo::DEMO_SEED);
        let t = canonical_tables(&ws);
        let names: Vec<&str> = t.iter().map(|t| t.name).collect();
        for want in
            ["deals", "leads", "activities", "customers", "spend", "quotas", "forecasts", "earlier_deals", "history"]
        {
            assert!(names.contains(&want), "{want} missing from {names:?}");
        }
        for table in &t {
            // Every row has as many cells as the header: the CSV reads back.
            let mut r = csv::Reader::from_reader(table.csv.as_bytes());
            let n = r.records().map(|rec| assert_eq!(rec.unwrap().len(), table.columns.len())).count();
            assert_eq!(n, table.rows, "{}", table.name);
        }
        let h = t.iter().find(|t| t.name == "history").unwrap();
        assert_eq!(h.rows, ws.history.as_ref().unwrap().events.len());
    }

    proptest::proptest! {
        /// Whatever text the deals hold (quotes, commas, line breaks, non-ASCII), the kit's CSV
        /// reads back, as any CSV loader reads it, to the very values pipelens holds.
        #[test]
        fn the_deals_csv_reads_back_to_the_table(
            rows in proptest::collection::vec(
                ("[A-Za-z0-9]{1,6}", proptest::option::of(-1e6f64..1e6), "[ -~ÄéŁ名\n\"]{0,12}", 0i32..3000, "[ -~ö\"\r\n]{0,10}"),
                1..25,
            )
        ) {
            let mut deals = crate::DealsTable::default();
            let mut owners = crate::column::DictColumn::default();
            for (k, (id, amount, stage, day, owner)) in rows.iter().enumerate() {
                deals.deal_id.push(&format!("{id}-{k}"));
                deals.amount.push(*amount);
                deals.stage.push(Some(stage.trim()).filter(|s| !s.is_empty()));
                deals.created.push(Some(crate::Day(day + 19_000)));
                deals.close.push(None);
                deals.status.push(Status::Open);
                owners.push(Some(owner.trim()).filter(|s| !s.is_empty()));
            }
            deals.dims[0] = Some(owners);
            let t = deals_table("deals", &deals);
            let mut r = csv::Reader::from_reader(t.csv.as_bytes());
            let back: Vec<csv::StringRecord> = r.records().map(|x| x.unwrap()).collect();
            proptest::prop_assert_eq!(back.len(), deals.len());
            for (i, rec) in back.iter().enumerate() {
                proptest::prop_assert_eq!(&rec[0], deals.deal_id.get(i));
                let amount = (!rec[1].is_empty()).then(|| rec[1].parse::<f64>().unwrap());
                proptest::prop_assert_eq!(amount, deals.amount.get(i));
                proptest::prop_assert_eq!(&rec[2], deals.stage.get(i).unwrap_or(""));
                proptest::prop_assert_eq!(&rec[3], deals.created.get(i).unwrap().to_string());
                proptest::prop_assert_eq!(&rec[4], "");
                proptest::prop_assert_eq!(&rec[5], deals.dim(Dim::Owner).unwrap().get(i).unwrap_or(""));
            }
        }
    }

    #[test]
    fn a_history_from_entered_dates_stays_in_the_deals() {
        let ws = ws_of(&[(
            DatasetKind::Deals,
            "deal_id,amount,stage,created_date,close_date,entered_Proposal\nD1,1,Proposal,2024-01-01,,2024-01-05\n",
        )]);
        assert!(ws.history_from_deals);
        let t = canonical_tables(&ws);
        assert_eq!(t.iter().map(|t| t.name).collect::<Vec<_>>(), ["deals"]);
        assert!(t[0].columns.contains(&("entered_Proposal".to_owned(), ColType::Date)));
        assert!(t[0].csv.ends_with(",2024-01-05\n"), "{}", t[0].csv);
    }
}
