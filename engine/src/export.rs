//! Writing CSV for people to download: the demo data, a template, the problems of an import,
//! and every table the dashboard shows ([`rows_csv`]). Every cell that comes from a user's file
//! is neutralised against CSV injection.

use crate::deals_table::{DealsTable, Dim};
use crate::ingest::{DatasetKind, ImportReport};
use crate::lang::Lang;
use crate::table::{Column, Table};
use crate::text;

/// A cell that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab or
/// CR) gets a leading `'`, as OWASP recommends; plain numbers (`-5`, `+1.5`) and anything else
/// stay as they are.
///
/// ```
/// use pipelens_engine::export::neutralise;
/// assert_eq!(neutralise("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
/// assert_eq!(neutralise("Acme"), "Acme");
/// ```
pub fn neutralise(cell: &str) -> std::borrow::Cow<'_, str> {
    let plain_number = cell.parse::<f64>().is_ok_and(f64::is_finite);
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') if !plain_number => format!("'{cell}").into(),
        _ => cell.into(),
    }
}

fn to_csv(rows: impl IntoIterator<Item = Vec<String>>) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    for row in rows {
        // Writing to a Vec cannot fail.
        let _ = w.write_record(row.iter().map(|c| neutralise(c).into_owned()));
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// A table the dashboard shows (a chart's numbers, a KPI's table, the people table) as CSV:
/// `header`, then `rows`, every cell neutralised with [`neutralise`], so a segment named
/// `=HYPERLINK(…)` in the user's file stays text in a spreadsheet. Write numbers with
/// [`number_cell`] so they stay numbers.
///
/// ```
/// use pipelens_engine::export::{number_cell, rows_csv};
/// let csv = rows_csv(
///     vec!["Owner".into(), "Revenue".into()],
///     [vec!["@SUM(A1)".into(), number_cell(Some(-1500.5))], vec!["Ann".into(), number_cell(None)]],
/// );
/// assert_eq!(csv, "Owner,Revenue\n'@SUM(A1),-1500.5\nAnn,\n");
/// ```
pub fn rows_csv(header: Vec<String>, rows: impl IntoIterator<Item = Vec<String>>) -> String {
    to_csv(std::iter::once(header).chain(rows))
}

/// A number as a CSV cell: unrounded, with `.` and no grouping (`0.253`, `-1500.5`), so a
/// spreadsheet reads it as a number; empty when undefined or not finite.
pub fn number_cell(v: Option<f64>) -> String {
    v.filter(|v| v.is_finite()).map(|v| v.to_string()).unwrap_or_default()
}

/// The name of a file exported from the dashboard: `pipelens-<what>-<from>_<to>.<ext>`, with
/// `what` cut down to lowercase ASCII letters, digits and single dashes, so a segment name from
/// the user's file cannot make a path or a hidden file.
///
/// ```
/// use pipelens_engine::{export::file_name, Day, Period};
/// let p = Period::new(Day::parse_iso("2024-01-01").unwrap(), Day::parse_iso("2024-12-31").unwrap()).unwrap();
/// assert_eq!(file_name("trend:revenue", p, "png"), "pipelens-trend-revenue-2024-01-01_2024-12-31.png");
/// ```
pub fn file_name(what: &str, period: crate::Period, ext: &str) -> String {
    let mut slug = String::with_capacity(what.len());
    for c in what.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    let slug = if slug.is_empty() { "table" } else { slug };
    format!("pipelens-{slug}-{}_{}.{ext}", period.from, period.to)
}

/// Every rejected row and unreadable cell of an import, one per line: what a user needs to fix
/// the file, worded in `lang` as the report on the page is.
pub fn problems_csv(report: &ImportReport, lang: Lang) -> String {
    let (header, [rejected_row, unreadable_cell]) = text::problems_words(lang);
    let rejected = report.rejected.iter().map(|r| {
        let column = r.column.map(|c| c.to_string()).unwrap_or_default();
        let reason = text::rejection(&r.reason, lang);
        vec![rejected_row.into(), r.line.to_string(), column, String::new(), String::new(), reason]
    });
    let cells = report.cell_issues.iter().map(|c| {
        vec![
            unreadable_cell.into(),
            c.line.to_string(),
            c.column.to_string(),
            c.header.clone(),
            c.value.clone(),
            text::expected_reason(c.expected, lang),
        ]
    });
    to_csv(std::iter::once(header.map(String::from).to_vec()).chain(rejected).chain(cells))
}

/// A template for a dataset: its canonical headers and two example rows, so a user sees the
/// shape a file needs. Every template loads back as its dataset with no manual mapping (an
/// earlier export of the deals has the deals template, and loads as deals until given that role).
pub fn template(kind: DatasetKind) -> String {
    let rows: [&[&str]; 3] = match kind {
        // An earlier export of the deals has the deals' columns.
        DatasetKind::Deals | DatasetKind::EarlierDeals => [
            &[
                "deal_id",
                "amount",
                "stage",
                "created_date",
                "close_date",
                "owner",
                "team",
                "region",
                "product",
                "lead_source",
                "deal_type",
                "account",
                "currency",
            ],
            &[
                "D-001",
                "12000",
                "Closed Won",
                "2024-01-15",
                "2024-03-02",
                "Ann Lee",
                "Enterprise",
                "EMEA",
                "Core Platform",
                "Inbound",
                "new",
                "Acme GmbH",
                "EUR",
            ],
            &[
                "D-002",
                "4500",
                "Proposal",
                "2024-02-20",
                "",
                "Bo Chen",
                "SMB",
                "APAC",
                "Training",
                "Referral",
                "upsell",
                "Zen Ltd",
                "EUR",
            ],
        ],
        DatasetKind::Leads => [
            &[
                "lead_id",
                "created_at",
                "source",
                "owner",
                "first_contact_at",
                "qualified_at",
                "deal_id",
                "touchpoints_to_meeting",
            ],
            &[
                "L-001",
                "2024-01-10T09:12:00Z",
                "Inbound",
                "Ann Lee",
                "2024-01-10T09:15:00Z",
                "2024-01-12T14:00:00Z",
                "D-001",
                "3",
            ],
            &["L-002", "2024-01-11T16:40:00Z", "Webinar", "Bo Chen", "", "", "", ""],
        ],
        DatasetKind::Activities => [
            &["activity_id", "owner", "type", "date", "lead_id", "deal_id"],
            &["A-001", "Ann Lee", "call", "2024-01-10T09:15:00Z", "L-001", ""],
            &["A-002", "Ann Lee", "meeting", "2024-01-15T11:00:00Z", "L-001", "D-001"],
        ],
        DatasetKind::Customers => [
            &["customer_id", "start_date", "end_date", "mrr", "plan", "segment"],
            &["C-001", "2024-03-02", "", "1000", "Pro", "Enterprise"],
            &["C-002", "2023-06-01", "2024-02-29", "250", "Starter", "SMB"],
        ],
        DatasetKind::Spend => [
            &["date", "amount", "category", "channel"],
            &["2024-01", "8000", "marketing", "Paid search"],
            &["2024-01", "15000", "sales", "Salaries"],
        ],
        DatasetKind::Quotas => [
            &["owner", "period_start", "quota", "period_end"],
            &["Ann Lee", "2024-01-01", "50000", "2024-01-31"],
            &["Bo Chen", "2024-01-01", "40000", "2024-01-31"],
        ],
        DatasetKind::Forecasts => [
            &["period_start", "forecast", "owner", "period_end"],
            &["2024-01-01", "45000", "Ann Lee", "2024-01-31"],
            &["2024-01-01", "38000", "Bo Chen", "2024-01-31"],
        ],
        DatasetKind::History => [
            &["deal_id", "stage", "changed_at", "amount", "close_date"],
            &["D-001", "Qualification", "2024-01-15", "12000", "2024-03-31"],
            &["D-001", "Proposal", "2024-02-02", "12000", "2024-04-30"],
        ],
    };
    to_csv(rows.map(|r| r.iter().map(|c| c.to_string()).collect::<Vec<_>>()))
}

/// The deals template (see [`template`]).
pub fn deals_template() -> String {
    template(DatasetKind::Deals)
}

/// The deals table as CSV text with canonical headers: `deal_id, amount, stage, created_date,
/// close_date` and every segment column the table has. Reading it back gives the same table.
pub fn deals_csv(d: &DealsTable) -> String {
    let mut w = csv::Writer::from_writer(Vec::with_capacity(d.len() * 96));
    let mut labels: Vec<(&str, &crate::column::DictColumn)> =
        Dim::ALL.iter().filter_map(|&k| Some((k.field(), d.dim(k)?))).collect();
    for (field, col) in [("account", &d.account), ("lost_stage", &d.lost_stage), ("currency", &d.currency)] {
        if let Some(c) = col {
            labels.push((field, c));
        }
    }
    let mut header = vec!["deal_id", "amount", "stage", "created_date", "close_date"];
    header.extend(labels.iter().map(|(f, _)| *f));
    // Writing to a Vec cannot fail; a failed row would only shorten the output.
    let _ = w.write_record(&header);
    for i in 0..d.len() {
        let mut row = vec![
            d.deal_id.get(i).to_owned(),
            d.amount.get(i).map(|a| a.to_string()).unwrap_or_default(),
            d.stage.get(i).unwrap_or("").to_owned(),
            day_cell(d.created.get(i)),
            day_cell(d.close.get(i)),
        ];
        row.extend(labels.iter().map(|(_, c)| c.get(i).unwrap_or("").to_owned()));
        let _ = w.write_record(&row);
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

fn day_cell(d: Option<crate::Day>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

/// A loaded dataset other than deals as CSV with its canonical headers: dates as
/// `YYYY-MM-DD`, timestamps as `YYYY-MM-DDTHH:MM:SSZ` (UTC), flags as `yes` / `no`.
/// The file loads back as the same dataset.
pub fn table_csv(t: &Table) -> String {
    let mut w = csv::Writer::from_writer(Vec::with_capacity(t.len * 64));
    let _ = w.write_record(t.columns.iter().map(|(f, _)| *f));
    for i in 0..t.len {
        let row = t.columns.iter().map(|(_, c)| match c {
            Column::Id(c) => c.get(i).to_owned(),
            Column::Category(c) => c.get(i).unwrap_or("").to_owned(),
            Column::Date(c) => day_cell(c.get(i)),
            Column::Timestamp(c) => c.epoch_seconds(i).map_or(String::new(), utc_timestamp),
            Column::Number(c) => c.get(i).map(|v| v.to_string()).unwrap_or_default(),
            Column::Flag(c) => c.get(i).copied().flatten().map_or("", |b| if b { "yes" } else { "no" }).to_owned(),
        });
        let _ = w.write_record(row.map(|c| neutralise(&c).into_owned()));
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// A stage history as CSV with the canonical headers of the history dataset (`deal_id, stage,
/// changed_at, amount, close_date`), one row per change in the history's order (by deal, then
/// date). The file loads back as the same history.
pub fn history_csv(h: &crate::history::StageHistory) -> String {
    let mut w = csv::Writer::from_writer(Vec::with_capacity(h.events.len() * 48));
    let _ = w.write_record(["deal_id", "stage", "changed_at", "amount", "close_date"]);
    for e in &h.events {
        let row = [
            h.deal_ids.get(e.deal as usize).cloned().unwrap_or_default(),
            h.stage_name(e.stage).to_owned(),
            e.changed_at.to_string(),
            e.amount.map(|a| a.to_string()).unwrap_or_default(),
            day_cell(e.close),
        ];
        let _ = w.write_record(row.iter().map(|c| neutralise(c).into_owned()));
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// `YYYY-MM-DDTHH:MM:SSZ` for seconds since 1970-01-01 UTC.
fn utc_timestamp(secs: i64) -> String {
    let day = crate::Day(secs.div_euclid(86_400) as i32);
    let s = secs.rem_euclid(86_400);
    format!("{day}T{:02}:{:02}:{:02}Z", s / 3600, s / 60 % 60, s % 60)
}

#[cfg(test)]
mod tests {
    use super::*;
    use super::{deals_template, neutralise, problems_csv, template, DatasetKind};
    use crate::demo::{demo_deals, DEMO_SEED};
    use crate::ingest::read_deals;

    #[test]
    fn neutralises_formula_cells() {
        for (cell, want) in [
            ("=1+1", "'=1+1"),
            ("+1+2", "'+1+2"),
            ("-1+cmd", "'-1+cmd"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("\rx", "'\rx"),
            ("1-1", "1-1"),
            ("-5", "-5"),
            ("+1.5", "+1.5"),
            ("", ""),
        ] {
            assert_eq!(neutralise(cell), want);
        }
    }

    #[test]
    fn rows_csv_neutralises_every_cell_and_keeps_numbers() {
        let header = vec!["=Owner".to_owned(), "Revenue".to_owned(), "Growth".to_owned()];
        let rows = [
            ["=HYPERLINK(\"http://x\")", "12000", "-0.25"],
            ["+cmd", "-2+3", "+1.5"],
            ["-2+3", "1e3", "-5"],
            ["@SUM(A1)", "", "0"],
            ["\tTab", "\rCr", "Plain, with a comma"],
        ];
        let out = rows_csv(header, rows.iter().map(|r| r.iter().map(|c| c.to_string()).collect()));
        let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(out.as_bytes());
        let back: Vec<Vec<String>> = reader.records().map(|r| r.unwrap().iter().map(str::to_owned).collect()).collect();
        let want = [
            ["'=Owner", "Revenue", "Growth"],
            ["'=HYPERLINK(\"http://x\")", "12000", "-0.25"],
            ["'+cmd", "'-2+3", "+1.5"],
            ["'-2+3", "1e3", "-5"],
            ["'@SUM(A1)", "", "0"],
            ["'\tTab", "'\rCr", "Plain, with a comma"],
        ];
        assert_eq!(back, want.map(|r| r.map(str::to_owned).to_vec()).to_vec());
    }

    #[test]
    fn number_cells_are_plain_unrounded_numbers() {
        for (v, want) in [
            (Some(-1500.5), "-1500.5"),
            (Some(0.2534), "0.2534"),
            (Some(1e6), "1000000"),
            (Some(f64::NAN), ""),
            (Some(f64::INFINITY), ""),
            (None, ""),
        ] {
            assert_eq!(number_cell(v), want);
            // A number cell is never neutralised: it stays a number in a spreadsheet.
            assert_eq!(neutralise(&number_cell(v)), want);
        }
    }

    #[test]
    fn file_names_are_slugs_with_the_period() {
        let p = crate::Period::new(
            crate::Day::parse_iso("2023-07-01").unwrap(),
            crate::Day::parse_iso("2024-06-30").unwrap(),
        )
        .unwrap();
        for (what, want) in [
            ("trend:revenue", "pipelens-trend-revenue-2023-07-01_2024-06-30.csv"),
            ("people-owner", "pipelens-people-owner-2023-07-01_2024-06-30.csv"),
            ("rep-vs-team Chloé Martin", "pipelens-rep-vs-team-chlo-martin-2023-07-01_2024-06-30.csv"),
            ("../<script>alert(2)</script>", "pipelens-script-alert-2-script-2023-07-01_2024-06-30.csv"),
            ("", "pipelens-table-2023-07-01_2024-06-30.csv"),
        ] {
            assert_eq!(file_name(what, p, "csv"), want, "{what}");
        }
    }

    #[test]
    fn problems_list_every_rejected_row_and_cell() {
        let text = "deal_id,amount,stage,created_date\nA,=cmd|' /C calc'!A0,Won,2024-01-01\nB\n";
        let r = read_deals("bad.csv", text.as_bytes()).unwrap().report;
        // In the reader's language, as the report on the page: the same rows and cells (a
        // reason holding a comma is quoted).
        for (lang, header, rejected, cell, reason) in [
            (
                Lang::En,
                "problem,line,column,header,value,reason",
                "rejected row,3,,,,has 1 fields but the header has 4",
                "unreadable cell (row kept),2,2,amount,'=cmd",
                ",expected a number",
            ),
            (
                Lang::De,
                "Problem,Zeile,Spalte,Spaltenkopf,Wert,Grund",
                "abgelehnte Zeile,3,,,,\"hat 1 Felder, die Kopfzeile aber 4\"",
                "unlesbare Zelle (Zeile behalten),2,2,amount,'=cmd",
                ",erwartet: eine Zahl",
            ),
        ] {
            let out = problems_csv(&r, lang);
            let lines: Vec<&str> = out.lines().collect();
            assert_eq!((lines[0], lines[1]), (header, rejected), "{lang:?}");
            assert!(lines[2].starts_with(cell) && lines[2].ends_with(reason), "{lang:?}: {}", lines[2]);
        }
        for lang in [Lang::Pl, Lang::Zh] {
            let out = problems_csv(&r, lang);
            assert_eq!(out.lines().count(), 3, "{lang:?}");
            assert!(out.contains(&text::rejection(&r.rejected[0].reason, lang)), "{lang:?}: {out}");
        }
    }

    #[test]
    fn every_template_loads_as_its_dataset() {
        for kind in DatasetKind::ALL.into_iter().filter(|k| k.detectable()) {
            let text = template(kind);
            let p = crate::ingest::preview("t.csv", text.as_bytes(), 5, None).unwrap();
            assert_eq!((p.kind, p.complete()), (kind, true), "{}", kind.name());
            let imported = crate::ingest::read_file(kind, "t.csv", text.as_bytes(), None).unwrap();
            let r = &imported.report;
            assert_eq!(r.rows_kept, 2, "{}", kind.name());
            assert!(r.cell_issues.is_empty() && r.unused_headers.is_empty(), "{}: {r:?}", kind.name());
        }
    }

    #[test]
    fn the_demo_history_round_trips_through_csv() {
        let h = crate::demo::demo_history(crate::demo::DEMO_SEED);
        let text = history_csv(&h);
        let p = crate::ingest::preview("history.csv", text.as_bytes(), 5, None).unwrap();
        assert_eq!(p.kind, DatasetKind::History);
        let read = crate::ingest::read_file(DatasetKind::History, "history.csv", text.as_bytes(), None).unwrap();
        let crate::ingest::Dataset::Table(t) = read.data else { panic!("a history is a table") };
        let back = crate::history::StageHistory::from_table(&t).unwrap();
        assert_eq!((back.events.len(), back.deal_ids.len(), back.skipped), (h.events.len(), h.deal_ids.len(), 0));
        let key =
            |x: &crate::history::StageHistory| -> Vec<(String, String, crate::Day, Option<f64>, Option<crate::Day>)> {
                x.events
                    .iter()
                    .map(|e| {
                        (
                            x.deal_ids[e.deal as usize].clone(),
                            x.stage_name(e.stage).to_owned(),
                            e.changed_at,
                            e.amount,
                            e.close,
                        )
                    })
                    .collect()
            };
        assert_eq!(key(&back), key(&h));
    }

    #[test]
    fn the_earlier_export_template_is_the_deals_template() {
        assert_eq!(template(DatasetKind::EarlierDeals), deals_template());
        let imported = crate::ingest::read_file(DatasetKind::EarlierDeals, "t.csv", deals_template().as_bytes(), None);
        assert!(matches!(imported.unwrap().data, crate::ingest::Dataset::Deals(d) if d.len() == 2));
    }

    #[test]
    fn the_template_loads_as_deals() {
        let t = read_deals("template.csv", deals_template().as_bytes()).unwrap();
        assert_eq!(t.report.rows_kept, 2);
        assert!(t.report.cell_issues.is_empty() && t.report.unused_headers.is_empty());
    }

    #[test]
    fn demo_round_trips_through_csv() {
        let demo = demo_deals(DEMO_SEED);
        let text = deals_csv(&demo);
        let back = read_deals("demo.csv", text.as_bytes()).unwrap();
        assert_eq!(back.report.rows_kept, demo.len());
        assert!(back.report.rejected.is_empty() && back.report.cell_issues.is_empty());
        let t = back.table;
        assert_eq!(t.amount, demo.amount);
        assert_eq!(t.created, demo.created);
        assert_eq!(t.close, demo.close);
        assert_eq!(t.status, demo.status);
        for dim in Dim::ALL {
            assert_eq!(t.dim(dim).unwrap().codes.len(), demo.len());
            for i in (0..demo.len()).step_by(97) {
                assert_eq!(t.dim(dim).unwrap().get(i), demo.dim(dim).unwrap().get(i));
            }
        }
    }
}
