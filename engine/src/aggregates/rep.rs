//! One rep beside the average rep of their team: the rep's view.

use super::{number, with_ctx};
use crate::deals_table::Dim;
use crate::filter::main_value_of_owners;
use crate::ingest::DatasetKind;
use crate::kpi::{segment_values, KpiId};
use crate::workspace::{Scope, Workspace};
use serde::Serialize;

/// The KPIs the rep's view compares by default: the rep page's rows and the CLI's `view rep`
/// without `--kpi`, which the browser tests compare against that page.
pub const REP_KPIS: [KpiId; 10] = [
    KpiId::Revenue,
    KpiId::DealsWon,
    KpiId::WinRate,
    KpiId::AvgDealSize,
    KpiId::SalesCycleDays,
    KpiId::PipelineValue,
    KpiId::LeadsCreated,
    KpiId::LeadConversionRate,
    KpiId::LeadResponseTime,
    KpiId::ActivityVolume,
];

/// One KPI of a [`RepComparison`].
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RepKpi {
    /// The KPI id.
    pub id: String,
    /// The KPI over the scope with the rep as the owner filter; `None` where undefined.
    pub rep: Option<f64>,
    /// The mean of the same KPI over each rep of the team (the rep included), reps whose value
    /// is undefined skipped; `None` when no rep of the team has a value (or the rep has no team).
    pub team_average: Option<f64>,
    /// How many reps of the team the average is over (those with a value).
    pub reps_in_team: usize,
}

/// A rep's KPIs beside the average rep of their team.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RepComparison {
    /// The rep.
    pub rep: String,
    /// The rep's main team: the team most of their deals carry (as a team filter reads it);
    /// `None` when their deals carry none.
    pub team: Option<String>,
    /// One row per KPI asked for, in that order.
    pub rows: Vec<RepKpi>,
}

/// The owners known in the deals, leads, activities or quotas, sorted: the reps the rep's view
/// offers.
///
/// ```
/// use pipelens_engine::{demo, aggregates};
/// let reps = aggregates::reps(&demo::demo_workspace(demo::DEMO_SEED));
/// assert_eq!((reps.len(), reps[0].as_str()), (12, "Ava Thompson"));
/// ```
pub fn reps(ws: &Workspace) -> Vec<String> {
    segment_values(
        ws,
        Dim::Owner,
        &[DatasetKind::Deals, DatasetKind::Leads, DatasetKind::Activities, DatasetKind::Quotas],
    )
}

/// The KPIs `ids` for `rep` (the scope's filters with `rep` as the owner filter) beside the
/// average over the reps of the rep's main team ([`main_value_of_owners`] of the deals by team),
/// each of them computed the same way. `ids` are [`KpiId`]s or string ids; string ids that are
/// not KPIs give rows without values.
///
/// ```
/// use pipelens_engine::{demo, aggregates};
/// let ws = demo::demo_workspace(demo::DEMO_SEED);
/// let scope = ws.default_scope().unwrap();
/// let c = aggregates::rep_vs_team(&ws, &scope, "Ava Thompson", &["revenue", "win_rate"]);
/// assert_eq!(c.team.as_deref(), Some("Enterprise"));
/// assert_eq!(c.rows[0].reps_in_team, 4);
/// ```
pub fn rep_vs_team<I: AsRef<str>>(ws: &Workspace, scope: &Scope, rep: &str, ids: &[I]) -> RepComparison {
    let values_of = |owner: &str| -> Vec<Option<f64>> {
        let s = Scope { filters: scope.filters.with(Dim::Owner, owner), ..scope.clone() };
        with_ctx(ws, &s, |ctx| ids.iter().map(|id| number(id.as_ref(), ctx)).collect())
    };
    let owners = ws.deals.as_ref().and_then(|d| main_value_of_owners(d, Dim::Team)).unwrap_or_default();
    let team = owners.get(rep).cloned();
    let mates: Vec<&String> = owners.iter().filter(|(_, t)| Some(*t) == team.as_ref()).map(|(o, _)| o).collect();
    let mine = values_of(rep);
    let theirs: Vec<Vec<Option<f64>>> =
        mates.iter().map(|&o| if o == rep { mine.clone() } else { values_of(o) }).collect();
    let rows = ids
        .iter()
        .enumerate()
        .map(|(k, id)| {
            let values: Vec<f64> = theirs.iter().filter_map(|v| v[k]).collect();
            RepKpi {
                id: id.as_ref().to_owned(),
                rep: mine[k],
                team_average: crate::stats::mean(&values),
                reps_in_team: values.len(),
            }
        })
        .collect();
    RepComparison { rep: rep.to_owned(), team, rows }
}
