//! The retention cohort matrix: per start month, the share of its customers still active k
//! months later (the table `retention_rate` carries).

use crate::kpi::{self, Cell};
use crate::workspace::{Scope, Workspace};
use serde::Serialize;

/// Customers by start month against months since (a heat map).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CohortMatrix {
    /// Start months (`2024-01`), one per row.
    pub rows: Vec<String>,
    /// Customers who started in each row's month.
    pub sizes: Vec<usize>,
    /// Months since the start: `+0`, `+1`, ...
    pub columns: Vec<String>,
    /// Per row and column: the share of the cohort active on the last day of month start + k;
    /// `None` for month ends after the as-of date and for empty cohorts.
    pub cells: Vec<Vec<Option<f64>>>,
}

/// The cohort table of `retention_rate` over the scope, as a matrix. `None` without customers
/// or when no customer started in a month of the period.
///
/// ```
/// use pipelens_engine::{demo, aggregates};
/// let ws = demo::demo_workspace(demo::DEMO_SEED);
/// let m = aggregates::cohort_matrix(&ws, &ws.default_scope().unwrap()).unwrap();
/// assert_eq!((m.rows.len(), m.columns.len(), m.columns[0].as_str()), (12, 12, "+0"));
/// assert!(m.cells[11][1].is_none()); // a month after the as-of date
/// ```
pub fn cohort_matrix(ws: &Workspace, scope: &Scope) -> Option<CohortMatrix> {
    let table = kpi::compute(kpi::KpiId::RetentionRate.def(), ws, scope).table?;
    let size_col = table.columns.iter().position(|c| c.key == "size")?;
    let share_cols: Vec<usize> = (0..table.columns.len()).filter(|&c| c != size_col).collect();
    let number = |cell: Option<&Cell>| match cell {
        Some(Cell::Number(v)) => *v,
        _ => None,
    };
    let m = CohortMatrix {
        rows: table.rows.iter().map(|r| r.label.clone()).collect(),
        sizes: table.rows.iter().map(|r| number(r.cells.get(size_col)).unwrap_or(0.0) as usize).collect(),
        columns: share_cols.iter().map(|&c| table.columns[c].label.clone()).collect(),
        cells: table.rows.iter().map(|r| share_cols.iter().map(|&c| number(r.cells.get(c))).collect()).collect(),
    };
    m.sizes.iter().any(|&n| n > 0).then_some(m)
}
