//! The statements that load the canonical CSV files (see [`super::tables`]) into the tables,
//! one per dialect's own CSV loader: DuckDB `read_csv`, PostgreSQL `\copy` (psql's, reading a
//! file on the user's machine), Spark SQL's CSV data source (`CREATE TABLE … USING csv`, in
//! [`super::ddl`]), BigQuery `LOAD DATA` from Cloud Storage. The files are plain enough (UTF-8, comma,
//! `"` quotes, header line, ISO dates, `YYYY-MM-DD HH:MM:SS` date-times in UTC, empty cells
//! missing) that each loader reads them with its defaults or a few explicit options.

use super::ddl::type_name;
use super::tables::CanonTable;
use crate::sql::Dialect;

/// Where the BigQuery script expects the files: a Cloud Storage folder the user replaces.
pub const BIGQUERY_FOLDER: &str = "gs://YOUR_BUCKET/pipelens/";

/// The statement that loads table `t` from its file, ending with a line break; `None` for
/// Spark SQL, whose table reads the file itself.
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
            "\\copy spend FROM 'spend.csv' WITH (FORMAT csv, HEADER true)\n"
        );
        let bq = load_statement(&t, Dialect::BigQuery).unwrap();
        assert!(
            bq.contains("uris = ['gs://YOUR_BUCKET/pipelens/spend.csv']") && bq.contains("skip_leading_rows = 1"),
            "{bq}"
        );
        assert_eq!(load_statement(&t, Dialect::Spark), None);
    }
}
