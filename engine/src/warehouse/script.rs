//! The kit's script: a header that says what the script holds and how to run it, the canonical
//! tables' DDL, the statements that load the data files, and every KPI's query for the scope,
//! each after a line `-- kpi: <id>`.

use super::ddl::{create_table, SPARK_DATA_DIR};
use super::load::{self, load_statement, BIGQUERY_FOLDER};
use super::tables::CanonTable;
use crate::ingest::{DatasetKind, DateOrder, ImportReport};
use crate::sql::{all_kpi_sql, comment_text, Dialect};
use crate::workspace::{Scope, Workspace};

/// The marker line before each KPI's query: `-- kpi: ` and the KPI's id.
pub const KPI_MARKER: &str = "-- kpi: ";

/// The dataset BigQuery's tables are made in (`SET @@dataset_id`).
pub const BIGQUERY_DATASET: &str = "pipelens";

/// A file the data was read from, for the script's header: the file, the dataset it was read
/// as and how (code page, delimiter, columns, rows).
#[derive(Clone, Debug, PartialEq)]
pub struct KitSource {
    /// The file's name.
    pub file: String,
    /// The dataset it was read as.
    pub dataset: DatasetKind,
    /// How it was read, in words.
    pub how: String,
}

impl KitSource {
    /// A file as its import report describes it: code page, delimiter, each mapped column
    /// (`Ref → deal_id`, with the day order of its dates when it had to be chosen), rows kept.
    pub fn from_report(dataset: DatasetKind, report: &ImportReport) -> KitSource {
        let columns: Vec<String> = report
            .mapping
            .iter()
            .map(|m| {
                let order = match m.dates.as_ref().and_then(|r| r.order) {
                    Some(DateOrder::DayFirst) => " (dates day first)",
                    Some(DateOrder::MonthFirst) => " (dates month first)",
                    None => "",
                };
                if m.header == m.field {
                    format!("{}{order}", m.field)
                } else {
                    format!("{} → {}{order}", m.header, m.field)
                }
            })
            .collect();
        let how = format!(
            "{}, delimiter {:?}; columns {}; {} rows kept of {}",
            report.encoding,
            report.delimiter,
            columns.join(", "),
            report.rows_kept,
            report.rows_read
        );
        KitSource { file: report.file.clone(), dataset, how }
    }

    /// A file the app loaded: its report, and whether its columns or code page were chosen by
    /// hand rather than recognised.
    pub fn from_loaded(f: &crate::file_set::LoadedFile) -> KitSource {
        let mut source = KitSource::from_report(f.kind, &f.report);
        if !f.auto {
            source.how.push_str("; columns chosen by hand");
        }
        if f.code_page.is_some() {
            source.how.push_str("; code page chosen by hand");
        }
        source
    }
}

/// The script's file name: `pipelens-warehouse-<dialect>.sql`.
pub fn script_name(d: Dialect) -> String {
    format!("pipelens-warehouse-{}.sql", d.key())
}

/// How to run the script, per dialect (comment lines without the `-- `); `files`: whether it
/// reads data files beside it.
fn how_to_run(d: Dialect, files: bool) -> Vec<String> {
    let name = script_name(d);
    match d {
        Dialect::DuckDb => vec![format!("run it from the folder holding the files: duckdb pipelens.duckdb < {name}")],
        Dialect::Postgres => vec![
            format!(
                "run it with psql{}: psql -v ON_ERROR_STOP=1 -d DATABASE -f {name}",
                if files { " from the folder holding the files" } else { "" }
            ),
            "(\\copy sends the rows from your machine to the server; the tables are made in your search_path's first schema)".into(),
        ],
        Dialect::Spark => vec![
            format!("run it from the folder holding the files: spark-sql -f {name}"),
            format!("(the tables read the CSV files in place, in the folder the SET {SPARK_DATA_DIR} line below names: the one it is run"),
            "from, ${env:PWD}; the session time zone is set to UTC first, as the tables hold UTC date-times)".into(),
        ],
        Dialect::BigQuery => vec![
            format!("upload the .csv files to a Cloud Storage folder and replace {BIGQUERY_FOLDER} below with it; then run the script in BigQuery"),
            format!("(as one script: the console's editor or bq query --use_legacy_sql=false; it makes the dataset {BIGQUERY_DATASET} and its tables)"),
        ],
    }
}

/// The scope in words: period, filters, currency and settings.
fn scope_lines(ws: &Workspace, scope: &Scope, d: Dialect) -> Vec<String> {
    let filters: Vec<String> =
        scope.filters.active().map(|(dim, values)| format!("{} in ({})", dim.field(), d.strings(values))).collect();
    let mut lines = vec![format!(
        "scope: period {} to {}; filters: {}",
        scope.period.from,
        scope.period.to,
        if filters.is_empty() { "none".to_owned() } else { filters.join(" and ") }
    )];
    if let Some(name) = scope.currency.and_then(|c| ws.deals.as_ref()?.currency.as_ref()?.value(c)) {
        lines.push(format!("amounts: only deals in {name} are added up (as pipelens shows them)"));
    }
    if scope.settings.gross_margin != 1.0 {
        lines.push(format!("gross margin (clv): {}", scope.settings.gross_margin));
    }
    if let Some(t) = scope.settings.revenue_target {
        lines.push(format!("revenue target (leads_needed): {t}"));
    }
    lines
}

/// The whole script for `tables` (written from `ws`) over `scope` in `d`.
pub fn script(ws: &Workspace, scope: &Scope, d: Dialect, tables: &[CanonTable], sources: &[KitSource]) -> String {
    let kpis = all_kpi_sql(ws, scope, d);
    let mut head = vec![
        format!("pipelens warehouse kit for {}: every KPI of pipelens as SQL over your data", d.name()),
        String::new(),
    ];
    head.extend(scope_lines(ws, scope, d));
    head.push(String::new());
    let (inline, files): (Vec<&CanonTable>, Vec<&CanonTable>) = tables.iter().partition(|t| load::inline(t, d));
    head.push("what it holds: 1. the canonical tables (the columns of pipelens' KPI_SPEC.md), 2. the statements that load them".into());
    head.push(format!(
        "with the data pipelens read, 3. one query per KPI ({} of them), each after a line \"{}<id>\",",
        kpis.len(),
        KPI_MARKER
    ));
    head.push("giving one row with one column, value: the KPI's headline figure, NULL where pipelens shows it as undefined (–).".into());
    head.push(String::new());
    head.push(
        "the data: each dataset as pipelens read it, with the column mapping, code page, date order, stage rules and"
            .into(),
    );
    head.push("left-out rows (repeated keys, rows without a key) already applied: UTF-8, comma-separated, a header line, dates as".into());
    head.push(
        "YYYY-MM-DD, date-times as YYYY-MM-DD HH:MM:SS in UTC, empty cells for missing values, cells exactly as read"
            .into(),
    );
    head.push("(not guarded against spreadsheet formulas: this data is for a database).".into());
    if !inline.is_empty() {
        head.push("in this script, after each table's \\copy:".into());
        head.extend(inline.iter().map(|t| format!("  {} ({} rows)", t.name, t.rows)));
    }
    if !files.is_empty() {
        head.push("in the CSV files pipelens wrote beside this script (keep them there):".into());
        head.extend(files.iter().map(|t| format!("  {} ({} rows)", t.file_name(), t.rows)));
    }
    if !sources.is_empty() {
        head.push("read from:".into());
        for s in sources {
            head.push(format!("  {} as {}: {}", s.file, s.dataset.name(), s.how));
        }
    }
    head.push(String::new());
    head.extend(how_to_run(d, !files.is_empty()));
    head.push(String::new());
    head.push(
        "A date-time counts on its date in UTC (pipelens takes the date as written in the file's own time zone)."
            .into(),
    );
    let mut out: String = head
        .iter()
        .map(|l| if l.is_empty() { "--\n".to_owned() } else { format!("-- {}\n", comment_text(l)) })
        .collect();
    out.push('\n');
    match d {
        // The rows are UTF-8 whatever psql's locale says.
        Dialect::Postgres => out.push_str("SET client_encoding = 'UTF8';\nSET TIME ZONE 'UTC';\n\n"),
        Dialect::Spark => out.push_str(&format!("SET TIME ZONE 'UTC';\nSET {SPARK_DATA_DIR} = ${{env:PWD}};\n\n")),
        Dialect::BigQuery => out.push_str(&format!(
            "CREATE SCHEMA IF NOT EXISTS {BIGQUERY_DATASET};\nSET @@dataset_id = '{BIGQUERY_DATASET}';\n\n"
        )),
        Dialect::DuckDb => {}
    }
    out.push_str("-- 1. the canonical tables\n\n");
    for t in tables {
        out.push_str(&create_table(t, d));
        out.push('\n');
    }
    out.push_str("-- 2. the data\n\n");
    let loads: Vec<String> = tables.iter().filter_map(|t| load_statement(t, d)).collect();
    if loads.is_empty() {
        out.push_str("-- (the tables above read their files themselves)\n\n");
    }
    for l in loads {
        out.push_str(&l);
        out.push('\n');
    }
    out.push_str("-- 3. the KPIs\n\n");
    for (id, sql) in kpis {
        out.push_str(&format!("{KPI_MARKER}{id}\n{sql}\n", id = id.as_str()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kpi::CATALOG;
    use crate::warehouse::tables::canonical_tables;

    #[test]
    fn every_kpi_follows_its_marker_once_in_registry_order() {
        let ws = crate::demo::demo_workspace(crate::demo::DEMO_SEED);
        let scope = ws.default_scope().unwrap();
        let tables = canonical_tables(&ws);
        for d in Dialect::ALL {
            let text = script(&ws, &scope, d, &tables, &[]);
            let ids: Vec<&str> = text.lines().filter_map(|l| l.strip_prefix(KPI_MARKER)).collect();
            let want: Vec<&str> = CATALOG.iter().map(|k| k.id.as_str()).collect();
            assert_eq!(ids, want, "{d:?}");
            // The setup comes first, every table before the KPIs.
            let first_kpi = text.find(&format!("\n{KPI_MARKER}")).unwrap();
            for t in &tables {
                let create = text.find(&format!("TABLE {}", d.ident(t.name))).unwrap_or(usize::MAX);
                assert!(create < first_kpi, "{d:?} {}", t.name);
                let listed = if d == Dialect::Postgres { t.name.to_owned() } else { t.file_name() };
                assert!(text.contains(&format!("--   {listed} ({} rows)\n", t.rows)), "{d:?} {listed}");
            }
        }
    }

    #[test]
    fn a_source_says_how_its_file_was_read() {
        let text =
            "Nr,Betrag,stage,created_date,close_date\nA,1,Won,03/04/2024,05/04/2024\nB,2,Won,13/04/2024,14/04/2024\n";
        let imported = crate::ingest::read_file(DatasetKind::Deals, "d.csv", text.as_bytes(), None).unwrap();
        let s = KitSource::from_report(DatasetKind::Deals, &imported.report);
        assert_eq!((s.file.as_str(), s.dataset), ("d.csv", DatasetKind::Deals));
        assert!(s.how.contains("created_date (dates day first)"), "{}", s.how);
        assert!(s.how.ends_with("2 rows kept of 2"), "{}", s.how);
    }

    #[test]
    fn the_header_says_the_scope_and_how_to_run() {
        let ws = crate::demo::demo_workspace(crate::demo::DEMO_SEED);
        let mut scope = ws.default_scope().unwrap();
        scope.filters = crate::Filters::none().with(crate::Dim::Team, "O'Brien's\nteam");
        let text = script(&ws, &scope, Dialect::Postgres, &canonical_tables(&ws), &[]);
        let head: Vec<&str> = text.lines().take_while(|l| l.starts_with("--")).collect();
        assert!(head.iter().any(|l| l.contains("filters: team in ('O''Brien''s team')")), "{head:?}");
        assert!(head.iter().any(|l| l.contains("psql -v ON_ERROR_STOP=1")), "{head:?}");
        assert!(text.contains("\nSET client_encoding = 'UTF8';\n"), "the rows are read as UTF-8");
        // A value cannot end a comment line early.
        assert!(!text.lines().any(|l| l == "team'"));
    }
}
