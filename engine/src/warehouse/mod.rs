//! The warehouse kit: everything a team needs to take pipelens' KPIs to its own database, in
//! one go. [`kit`] turns the loaded data and the scope on screen into
//!
//! - one script in the chosen [`Dialect`] ([`script`]): the canonical tables' DDL ([`ddl`]),
//!   the statements that load the data ([`load`]: DuckDB `read_csv`, PostgreSQL `\copy`, Spark
//!   SQL `CREATE TABLE … USING csv`, BigQuery `LOAD DATA`) and every KPI's query for the scope
//!   ([`crate::sql`]), each after a line `-- kpi: <id>`;
//! - the data the script loads ([`tables`]), in the script for PostgreSQL (`\copy … FROM stdin`)
//!   and in files beside it for the others: each dataset written as pipelens read it
//!   (mapping, code page, date order, stage rules already applied), in the plain CSV every
//!   loader reads. Loading the user's original files instead would need each database to redo
//!   what the app did while reading them (a day-first date column, a Windows-1252 file, a
//!   column called `Summe`), which no loader does the same way.
//!
//! The command line writes the files into a folder (`pipelens-cli warehouse --out DIR`); the
//! app offers them as one ZIP archive ([`Kit::zip`], [`zip`]). PostgreSQL and Spark SQL run the
//! kit in the project's tests (`tests/warehouse/`), which compare every KPI's value with the
//! engine's; the BigQuery script is parsed there, not run.
//!
//! ```
//! use pipelens_engine::{demo, sql::Dialect, warehouse};
//! let ws = demo::demo_workspace(demo::DEMO_SEED);
//! let kit = warehouse::kit(&ws, &ws.default_scope().unwrap(), Dialect::Postgres, &[]);
//! assert!(kit.script.contains("\\copy deals FROM stdin WITH (FORMAT csv, HEADER true)\ndeal_id,amount,"));
//! assert!(kit.script.contains("-- kpi: win_rate\n"));
//! // The PostgreSQL script holds its rows; the others load files written beside them.
//! assert_eq!(kit.files().len(), 1);
//! let spark = warehouse::kit(&ws, &ws.default_scope().unwrap(), Dialect::Spark, &[]);
//! assert_eq!(spark.files()[1].0, "deals.csv");
//! ```

pub mod ddl;
pub mod load;
pub mod script;
pub mod tables;
pub mod zip;

pub use script::{script_name, KitSource, BIGQUERY_DATASET, KPI_MARKER};
pub use tables::{canonical_tables, CanonTable, ColType};

use crate::sql::Dialect;
use crate::workspace::{Scope, Workspace};

/// A warehouse kit: the script and the data files it loads.
#[derive(Clone, Debug, PartialEq)]
pub struct Kit {
    /// The dialect the script is written in.
    pub dialect: Dialect,
    /// The script (see the [module documentation](self)).
    pub script: String,
    /// The tables the script loads, with their rows as CSV.
    pub tables: Vec<CanonTable>,
}

impl Kit {
    /// The script's file name, `pipelens-warehouse-<dialect>.sql`.
    pub fn script_name(&self) -> String {
        script_name(self.dialect)
    }

    /// Every file of the kit as (name, text): the script first, then `<dataset>.csv` per table
    /// the script loads from a file (PostgreSQL's script holds its rows itself, see
    /// [`load::inline`]).
    pub fn files(&self) -> Vec<(String, &str)> {
        let mut out = vec![(self.script_name(), self.script.as_str())];
        out.extend(
            self.tables.iter().filter(|t| !load::inline(t, self.dialect)).map(|t| (t.file_name(), t.csv.as_str())),
        );
        out
    }

    /// The name the app gives the archive: `pipelens-warehouse-<dialect>-<from>_<to>.zip`.
    pub fn zip_name(&self, scope: &Scope) -> String {
        crate::export::file_name(&format!("warehouse {}", self.dialect.key()), scope.period, "zip")
    }

    /// Every file of the kit in one ZIP archive.
    pub fn zip(&self) -> Result<Vec<u8>, zip::ZipError> {
        let files = self.files();
        let refs: Vec<(&str, &[u8])> = files.iter().map(|(n, t)| (n.as_str(), t.as_bytes())).collect();
        zip::stored_zip(&refs)
    }
}

/// The kit of `ws` over `scope` in `dialect`; `sources` (may be empty) are the files the data
/// was read from, named in the script's header.
pub fn kit(ws: &Workspace, scope: &Scope, dialect: Dialect, sources: &[KitSource]) -> Kit {
    let tables = canonical_tables(ws);
    let script = script::script(ws, scope, dialect, &tables, sources);
    Kit { dialect, script, tables }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_kit_names_its_files_after_the_dialect_and_the_period() {
        let ws = crate::demo::demo_workspace(crate::demo::DEMO_SEED);
        let scope = ws.default_scope().unwrap();
        for d in Dialect::ALL {
            let k = kit(&ws, &scope, d, &[]);
            let names: Vec<String> = k.files().into_iter().map(|(n, _)| n).collect();
            assert_eq!(names[0], format!("pipelens-warehouse-{}.sql", d.key()));
            let files = if d == Dialect::Postgres { 0 } else { k.tables.len() };
            assert_eq!(names.len(), 1 + files, "{d:?}");
            assert_eq!(
                k.zip_name(&scope),
                format!("pipelens-warehouse-{}-{}_{}.zip", d.key(), scope.period.from, scope.period.to)
            );
            assert!(k.zip().unwrap().starts_with(b"PK\x03\x04"));
        }
    }

    #[test]
    fn a_workspace_without_data_still_gives_a_script() {
        let ws = Workspace::default();
        let scope = Scope::new(crate::Period::default_for(crate::Day::from_ymd(2024, 6, 30).unwrap()));
        let k = kit(&ws, &scope, Dialect::Spark, &[]);
        assert!(k.tables.is_empty());
        assert!(k.script.contains("-- kpi: revenue\n"));
    }
}
