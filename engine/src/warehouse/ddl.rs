//! The canonical tables' DDL in each dialect: one `CREATE TABLE` per loaded dataset, typed as
//! the KPI queries read the columns. Spark SQL's table is the CSV file itself
//! (`CREATE TABLE … USING csv`, [`spark_options`]); the other dialects create an empty table
//! that the load statements fill.

use super::tables::{CanonTable, ColType};
use crate::sql::Dialect;

/// The Spark setting that holds the folder of the data files; the script sets it to the folder
/// it is run from (`${env:PWD}`), as Spark reads a relative path from its warehouse folder.
pub const SPARK_DATA_DIR: &str = "pipelens.data";

/// Spark's CSV options for table `t`'s file (in the folder [`SPARK_DATA_DIR`] names; a value
/// that does not parse fails the query instead of turning into NULL).
pub fn spark_options(t: &CanonTable) -> String {
    format!(
        "path '${{{SPARK_DATA_DIR}}}/{}', header 'true', multiLine 'true', escape '\"', mode 'FAILFAST', dateFormat 'yyyy-MM-dd', timestampFormat 'yyyy-MM-dd HH:mm:ss'",
        t.file_name()
    )
}

/// The dialect's name for a column type.
pub fn type_name(t: ColType, d: Dialect) -> &'static str {
    match t {
        ColType::Text => d.text(),
        ColType::Double => d.double(),
        ColType::Integer => match d {
            Dialect::BigQuery => "INT64",
            _ => "BIGINT",
        },
        ColType::Date => "DATE",
        ColType::Timestamp => "TIMESTAMP",
        ColType::Boolean => match d {
            Dialect::BigQuery => "BOOL",
            _ => "BOOLEAN",
        },
    }
}

/// `(\n    name TYPE,\n    ...\n)`: the column list of a table, names quoted where a dialect
/// reserves them.
pub fn column_list(t: &CanonTable, d: Dialect) -> String {
    let cols: Vec<String> =
        t.columns.iter().map(|(name, ty)| format!("    {} {}", d.ident(name), type_name(*ty, d))).collect();
    format!("(\n{}\n)", cols.join(",\n"))
}

/// The statements that (re)create table `t`, each ending with `;` at the end of a line.
pub fn create_table(t: &CanonTable, d: Dialect) -> String {
    let name = d.ident(t.name);
    let cols = column_list(t, d);
    match d {
        Dialect::DuckDb | Dialect::BigQuery => format!("CREATE OR REPLACE TABLE {name} {cols};\n"),
        Dialect::Postgres => format!("DROP TABLE IF EXISTS {name};\nCREATE TABLE {name} {cols};\n"),
        Dialect::Spark => {
            format!(
                "DROP TABLE IF EXISTS {name};\nCREATE TABLE {name} {cols}\nUSING csv\nOPTIONS ({});\n",
                spark_options(t)
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> CanonTable {
        CanonTable {
            name: "activities",
            columns: vec![
                ("activity_id".into(), ColType::Text),
                ("date".into(), ColType::Timestamp),
                ("amount".into(), ColType::Double),
                ("qualified".into(), ColType::Boolean),
                ("seq".into(), ColType::Integer),
            ],
            rows: 0,
            csv: String::new(),
        }
    }

    #[test]
    fn each_dialect_types_and_quotes_its_own_way() {
        let t = table();
        let want = [
            (Dialect::DuckDb, "CREATE OR REPLACE TABLE activities (\n    activity_id VARCHAR,\n    \"date\" TIMESTAMP,\n    amount DOUBLE,\n    qualified BOOLEAN,\n    seq BIGINT\n);\n"),
            (Dialect::Postgres, "DROP TABLE IF EXISTS activities;\nCREATE TABLE activities (\n    activity_id TEXT,\n    \"date\" TIMESTAMP,\n    amount DOUBLE PRECISION,\n    qualified BOOLEAN,\n    seq BIGINT\n);\n"),
            (Dialect::BigQuery, "CREATE OR REPLACE TABLE activities (\n    activity_id STRING,\n    `date` TIMESTAMP,\n    amount FLOAT64,\n    qualified BOOL,\n    seq INT64\n);\n"),
        ];
        for (d, sql) in want {
            assert_eq!(create_table(&t, d), sql, "{d:?}");
        }
        let spark = create_table(&t, Dialect::Spark);
        assert!(spark.starts_with("DROP TABLE IF EXISTS activities;\nCREATE TABLE activities (\n    activity_id STRING,\n    `date` TIMESTAMP,"), "{spark}");
        assert!(
            spark.contains("\nUSING csv\nOPTIONS (path '${pipelens.data}/activities.csv', header 'true'"),
            "{spark}"
        );
        assert!(spark.ends_with(");\n"));
        assert!(spark_options(&t).starts_with("path '${pipelens.data}/activities.csv', header 'true'"));
    }

    #[test]
    fn every_statement_ends_a_line() {
        for d in Dialect::ALL {
            let sql = create_table(&table(), d);
            assert_eq!(sql.matches(';').count(), sql.matches(";\n").count(), "{d:?}");
        }
    }
}
