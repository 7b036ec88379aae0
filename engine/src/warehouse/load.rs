//! The statements that load the canonical CSV files (see [`super::tables`]) into the tables,
//! one per dialect's own CSV loader: DuckDB `read_csv`, PostgreSQL `\copy` (psql's; the rows
//! follow it in the script itself, `FROM stdin`, so the PostgreSQL kit is one file that
//! `psql -f` loads from anywhere), Spark SQL's CSV data source (`CREATE TABLE … USING csv`, in
//! [`super::ddl`]), BigQuery `LOAD DATA` from Cloud Storage. The files are plain enough (UTF-8, comma,
//! `"` quotes, header line, ISO dates, `YYYY-MM-DD HH:MM:SS` date-times in UTC, empty cells
//! missing) that each loader reads them with its defaults or a few explicit options.

use super::ddl::type_name;
use super::tables::CanonTable;
use crate::sql::Dialect;

/// Where the BigQuery script expects the files: a Cloud Storage folder the user replaces.
pub const BIGQUERY_FOLDER: &str = "gs://YOUR_BUCKET/pipelens/";

/// Whether table `t`'s rows can follow a `\copy … FROM stdin` in `d`'s script: only in
/// PostgreSQL, and only when no line of the text starts with `\.` (psql ends the rows at such a
/// line, whatever CSV quoting it is in, and would run the rest of a cell as SQL). A table that
/// cannot is loaded from its file instead.
pub fn inline(t: &CanonTable, d: Dialect) -> bool {
    d == Dialect::Postgres && !t.csv.split(['\n', '\r']).any(|line| line.starts_with("\\."))
}

/// The statement that loads table `t`, ending with a line break: from its file, or for an
/// [`inline`] table its `\copy` followed by its rows and the end line `\.`; `None` for Spark
/// SQL, whose table reads the file itself.
pub fn load_statement(t: &CanonTable, d: Dialect) -> Option<String> {
    let name = d.ident(t.name);
    let file = t.file_name();
    match d {
        Dialect::DuckDb => {
            let cols: Vec<String> =
                t.columns.iter().map(|(c, ty)| format!("{}: '{}'", d.string(c), type_name(*ty, d))).collect();
            Some(format!(
                "INSERT INTO {name}\nSELECT *\nFROM read_csv('{file}', header = true, auto_detect = false, delim = ',', quote = '\"', escape = '\"',\n    columns = {{{}}});\n",
                cols.join(", ")
            ))
        }
        // psql's meta-command: one line, no semicolon; the path is relative to psql's directory.
        Dialect::Postgres if inline(t, d) => {
            Some(format!("\\copy {name} FROM stdin WITH (FORMAT csv, HEADER true)\n{}\\.\n", t.csv))
        }
        Dialect::Postgres => Some(format!("\\copy {name} FROM '{file}' WITH (FORMAT csv, HEADER true)\n")),
        Dialect::BigQuery => Some(format!(
            "LOAD DATA INTO {name}\nFROM FILES (format = 'CSV', uris = ['{BIGQUERY_FOLDER}{file}'], skip_leading_rows = 1, allow_quoted_newlines = true);\n"
        )),
        Dialect::Spark => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::warehouse::tables::ColType;

    fn table() -> CanonTable {
        CanonTable {
            name: "spend",
            columns: vec![("date".into(), ColType::Date), ("amount".into(), ColType::Double)],
            rows: 1,
            csv: "date,amount\n2024-01-01,5\n".into(),
        }
    }

    #[test]
    fn each_dialect_loads_the_file_beside_the_script() {
        let t = table();
        assert_eq!(
            load_statement(&t, Dialect::DuckDb).unwrap(),
            "INSERT INTO spend\nSELECT *\nFROM read_csv('spend.csv', header = true, auto_detect = false, delim = ',', quote = '\"', escape = '\"',\n    columns = {'date': 'DATE', 'amount': 'DOUBLE'});\n"
        );
        assert_eq!(
            load_statement(&t, Dialect::Postgres).unwrap(),
            "\\copy spend FROM stdin WITH (FORMAT csv, HEADER true)\ndate,amount\n2024-01-01,5\n\\.\n"
        );
        let bq = load_statement(&t, Dialect::BigQuery).unwrap();
        assert!(
            bq.contains("uris = ['gs://YOUR_BUCKET/pipelens/spend.csv']") && bq.contains("skip_leading_rows = 1"),
            "{bq}"
        );
        assert_eq!(load_statement(&t, Dialect::Spark), None);
    }

    #[test]
    fn a_cell_that_would_end_psqls_rows_sends_the_table_to_its_file() {
        for (cell, inline_ok) in [
            ("plain", true),
            ("a \\. inside", true),
            ("\"two\nlines\"", true),
            ("\"x\n\\.\nDROP TABLE deals;\"", false),
            ("\"x\r\\.\"", false),
            ("\\.", true),
            ("\"a\n\\.x\"", false),
        ] {
            let t = CanonTable { csv: format!("date,category\n2024-01-01,{cell}\n"), ..table() };
            assert_eq!(inline(&t, Dialect::Postgres), inline_ok, "{cell:?}");
            let sql = load_statement(&t, Dialect::Postgres).unwrap();
            assert_eq!(sql.contains("FROM stdin"), inline_ok, "{sql}");
            assert!(!inline(&t, Dialect::DuckDb));
        }
    }
}
