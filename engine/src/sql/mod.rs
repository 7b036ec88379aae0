//! The KPIs as SQL over tables with the canonical columns.
//!
//! [`kpi_sql`] writes, for one KPI and the user's current scope, a query that computes the
//! KPI's headline value (for a table KPI the number KPI_SPEC.md's test hooks name) as one row
//! with one column, `value`, which is NULL where the engine shows the KPI as undefined. The
//! query reads tables named after the datasets (`deals`, `leads`, `activities`, `customers`,
//! `spend`, `quotas`, `forecasts`, and for the KPIs of KPI_SPEC_PIPELINE_CHANGE.md
//! `earlier_deals` and `history`, see `change_kpis.rs`) with the canonical column names of
//! KPI_SPEC.md, typed: dates
//! `DATE`, date-times `TIMESTAMP` (UTC), numbers `DOUBLE`, yes/no `BOOLEAN`, text `VARCHAR`.
//! Empty cells are NULL and text is trimmed, as the engine reads them.
//!
//! Everything the engine decides from the loaded data and the user's choices is written into
//! the query as literals: the period and the comparison periods (previous, a year earlier,
//! next, the month buckets), the segment filters (team and region reach leads, activities,
//! quotas and forecasts through the owner: `owner IN (SELECT owner FROM main_team_of_owner
//! WHERE team IN (...))`, each rep counted in the one team most of their deals carry), the
//! currency, the gross margin and revenue target settings, and the deal status: the `status`
//! column when the deals came with one, else a `CASE` over the workspace's current won and lost
//! stage names (so the query follows the user's stage edits), with the open-stage order for the
//! funnel. The query only names columns the loaded data has; a KPI whose data is not loaded
//! gets `SELECT NULL` and a comment saying what it needs.
//!
//! The queries are written for people to read and copy: a comment header, one CTE per idea,
//! each with a comment. DuckDB is the reference dialect. The PostgreSQL, BigQuery and Spark
//! variants differ only through the helpers of [`Dialect`] (date differences, epoch seconds,
//! medians, conditional aggregates, string escapes). The DuckDB queries are executed by the
//! referee (`tests/referee/referee.py`) against the engine's values, every headline, trend
//! point and segment; the PostgreSQL and Spark SQL queries are executed in a real PostgreSQL
//! and a local Spark by the warehouse tests (`tests/warehouse/`, over the kit of
//! [`crate::warehouse`]), headlines over one or two scopes per data set; the BigQuery queries are only
//! parsed (by sqlglot's BigQuery dialect), never run.
//!
//! Two differences from the engine by construction: a date-time is reduced to its date in UTC
//! (the engine takes the date as written in the file, in the file's own time zone), and
//! values are compared as the database compares text (the engine compares exact strings too).
//!
//! ```
//! use pipelens_engine::kpi::KpiId;
//! use pipelens_engine::sql::{kpi_sql, Dialect};
//! use pipelens_engine::{ingest, Workspace};
//! let csv = "deal_id,amount,stage,created_date,close_date\nD1,100,Won,2024-01-02,2024-02-01\n";
//! let deals = ingest::read_deals("d.csv", csv.as_bytes()).unwrap().table;
//! let ws = Workspace::with_deals(deals);
//! let sql = kpi_sql(KpiId::WinRate, &ws, &ws.default_scope().unwrap(), Dialect::DuckDb);
//! assert!(sql.starts_with("-- pipelens: Win rate (win_rate), period 2023-03-01 to 2024-02-29"));
//! assert!(sql.contains("WHEN stage IN ('Won') THEN 'won'"));
//! ```

pub(crate) mod change_kpis;
pub mod dialect;
mod history_relation;
pub(crate) mod kpis;
mod query;
#[cfg(test)]
mod tests;

pub use dialect::{comment_text, Dialect};

use crate::kpi::{self, KpiId};
use crate::workspace::{Scope, Workspace};
use query::{show, Query};

/// The SQL that computes KPI `id` over `scope` in `dialect`.
/// See the [module documentation](self) for the tables it reads.
pub fn kpi_sql(id: KpiId, ws: &Workspace, scope: &Scope, dialect: Dialect) -> String {
    let def = id.def();
    let mut q = Query::new(ws, scope, dialect);
    let built = (def.sql)(&mut q);
    let mut out = header(def, &q);
    match built {
        Ok(part) => {
            out.push_str("-- value: NULL where pipelens shows the KPI as undefined (–)\n");
            out.push_str(&q.finish(&part));
        }
        Err(missing) => {
            out.push_str(&format!("-- undefined: {}\n", comment_text(&missing)));
            out.push_str(&format!("SELECT {} AS value;\n", dialect.null_double()));
        }
    }
    out
}

/// The SQL of every KPI of the registry over `scope`, in registry order.
pub fn all_kpi_sql(ws: &Workspace, scope: &Scope, dialect: Dialect) -> Vec<(KpiId, String)> {
    kpi::CATALOG.iter().map(|k| (k.id, kpi_sql(k.id, ws, scope, dialect))).collect()
}

fn header(def: &kpi::KpiDef, q: &Query) -> String {
    let d = q.d;
    let filters: Vec<String> = q
        .scope
        .filters
        .active()
        .map(|(dim, values)| match values {
            [one] => format!("{} = {}", dim.field(), d.string(one)),
            many => format!("{} in ({})", dim.field(), d.strings(many)),
        })
        .collect();
    let filters = if filters.is_empty() { "none".to_owned() } else { filters.join(" and ") };
    let p = q.scope.period;
    let mut lines = vec![format!("pipelens: {} ({}), period {}, filters: {}", def.name, def.id, show(p), filters)];
    lines.push(def.explanation.formula.to_owned());
    let mut periods = vec![format!("as of {}", p.to)];
    periods.extend(q.periods.iter().map(|(what, per)| format!("{what} {}", show(*per))));
    lines.push(periods.join("; "));
    lines.extend(q.notes.iter().cloned());
    lines.push(match d {
        crate::sql::Dialect::DuckDb => {
            "dialect: DuckDB, the reference dialect (pipelens' referee runs these queries)".to_owned()
        }
        crate::sql::Dialect::BigQuery => {
            "dialect: BigQuery (written by the same rules as the DuckDB query; pipelens' tests parse it, they cannot run it)"
                .to_owned()
        }
        other => format!(
            "dialect: {} (written by the same rules as the DuckDB query; pipelens' warehouse tests run it)",
            other.name()
        ),
    });
    lines.push(format!(
        "tables: deals, leads, activities, customers, spend, quotas, forecasts with the canonical columns of KPI_SPEC.md, earlier_deals (an earlier export of the deals) and history (one row per change of a deal, with seq: the row's place in the export) of KPI_SPEC_PIPELINE_CHANGE.md (dates DATE, date-times TIMESTAMP in UTC, numbers {}, yes/no BOOLEAN, text {}; empty cells NULL)",
        d.double(),
        d.text()
    ));
    lines.iter().map(|l| format!("-- {}\n", comment_text(l))).collect()
}
