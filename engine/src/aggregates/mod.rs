//! The aggregates behind each page (executive, manager, rep, pipeline and funnel, leads and
//! activity, customers): serialisable data for its charts and tables, so the UI never walks a
//! row. ("View" in pipelens means what the user looks at — period, filters, board — and the
//! link that carries it; these are the figures, not the view.)
//!
//! Every figure is a KPI of [`crate::kpi`] or is collected with exactly the inclusion rules of
//! one: a per-rep revenue is `revenue` with that rep added to the filters, the histogram of
//! sales cycles counts exactly the deals `sales_cycle_days` averages, the activity series
//! exactly the activities `activity_volume` counts. An aggregate therefore never disagrees with the
//! KPI tile beside it, and leaves out the same rows.
//!
//! One idea per module:
//!
//! - [`segment_trend`]: a KPI's trend once per segment (revenue mix per month, revenue per team
//!   over time);
//! - [`mod@people`]: the manager's table, one row per rep or team;
//! - [`rep`]: one rep beside the average rep of their team;
//! - [`distribution`]: histograms of sales-cycle lengths and lead response times;
//! - [`activity`]: activities per type and week (or month, quarter, year);
//! - [`mod@pacing`]: cumulative won revenue across the period against a linear target;
//! - [`forecast`]: forecast against actual per forecast period;
//! - [`cohorts`]: the retention cohort matrix.

pub mod activity;
pub mod cohorts;
pub mod distribution;
pub mod forecast;
pub mod pacing;
pub mod people;
pub mod rep;
pub mod segment_trend;
#[cfg(test)]
mod test_data;

pub use activity::{activity_by, activity_by_week, ActivitySeries};
pub use cohorts::{cohort_matrix, CohortMatrix};
pub use distribution::{cycle_histogram, response_histogram, Bin, Histogram, FIVE_MINUTE_BINS};
pub use forecast::{forecast_vs_actual, ForecastRow};
pub use pacing::{elapsed_share, pacing, Pacing};
pub use people::{people, PeopleTable, PersonRow};
pub use rep::{rep_vs_team, reps, RepComparison, RepKpi, REP_KPIS};
pub use segment_trend::{segment_trends, SegmentTrend};

use crate::filter::Selection;
use crate::kpi::Ctx;
use crate::workspace::{Scope, Workspace};

/// Runs `f` with the KPI context of `scope` (its filters worked out once).
fn with_ctx<T>(ws: &Workspace, scope: &Scope, f: impl FnOnce(&Ctx) -> T) -> T {
    let sel = Selection::new(ws, &scope.filters);
    f(&Ctx { ws, scope: scope.clone(), sel: &sel })
}

/// `scope` without its filters on `dims`.
fn without(scope: &Scope, dims: &[crate::deals_table::Dim]) -> Scope {
    let mut filters = scope.filters.clone();
    for dim in dims {
        filters.0.remove(dim);
    }
    Scope { filters, ..scope.clone() }
}

/// The value of KPI `id` (a string id, or a [`crate::kpi::KpiId`]) in `ctx`, `None` when it is
/// undefined or there is no such KPI.
fn number(id: &str, ctx: &Ctx) -> Option<f64> {
    crate::kpi::find(id).and_then(|def| (def.compute)(ctx).number())
}
