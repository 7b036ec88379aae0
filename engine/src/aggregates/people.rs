//! The manager's table: one row per rep (or per team) with revenue against quota, the pace to
//! the period's end, win rate, deal size against the team, cycle, activity and response time.

use super::{number, with_ctx};
use crate::deals_table::Dim;
use crate::filter::{main_value_of_owners, Filters};
use crate::ingest::DatasetKind;
use crate::kpi::{quotas_inside, segment_values, Ctx};
use crate::workspace::{Scope, Workspace};
use serde::Serialize;
use std::collections::BTreeMap;

/// One rep or team of the [`PeopleTable`]. Every figure is `None` where it is undefined.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PersonRow {
    /// The rep's (or team's) name.
    pub segment: String,
    /// For a rep: their main team (the team most of their deals carry, as a team filter reads
    /// it); `None` for team rows and for reps without one.
    pub team: Option<String>,
    /// The KPI `revenue` for the segment.
    pub revenue: Option<f64>,
    /// Σ quota of the segment's quota periods inside the period (the rule of
    /// `quota_attainment`; a team's quotas are those of its reps); `None` when no quota period
    /// of the segment lies inside the period or no quotas are loaded.
    pub quota: Option<f64>,
    /// Revenue / quota, as `quota_attainment` computes it per owner (no revenue counts as 0);
    /// `None` without a quota above 0.
    pub attainment: Option<f64>,
    /// Attainment / the elapsed share of the period ([`PeopleTable::elapsed`]): the attainment at
    /// the period's end at the pace so far. Equals `attainment` once the period is over.
    pub projected: Option<f64>,
    /// The KPI `win_rate` for the segment.
    pub win_rate: Option<f64>,
    /// The KPI `avg_deal_size` for the segment.
    pub avg_deal_size: Option<f64>,
    /// `avg_deal_size` / the average deal size of the row's team: for a rep, `avg_deal_size`
    /// with their main team as the team filter (and no owner filter: all of the team's reps);
    /// for a team, `avg_deal_size` over the whole scope.
    pub avg_deal_size_vs_team: Option<f64>,
    /// The KPI `sales_cycle_days` for the segment.
    pub cycle_days: Option<f64>,
    /// The KPI `activity_volume` for the segment.
    pub activities: Option<f64>,
    /// The KPI `lead_response_time` (the median, in minutes) for the segment.
    pub response_minutes: Option<f64>,
}

impl PersonRow {
    /// The KPI id each KPI column of the row is, with its value (`quota`, `attainment`,
    /// `projected` and `avg_deal_size_vs_team` are not KPIs of the catalog).
    pub fn kpis(&self) -> [(&'static str, Option<f64>); 6] {
        [
            ("revenue", self.revenue),
            ("win_rate", self.win_rate),
            ("avg_deal_size", self.avg_deal_size),
            ("sales_cycle_days", self.cycle_days),
            ("activity_volume", self.activities),
            ("lead_response_time", self.response_minutes),
        ]
    }
}

/// The per-rep or per-team table of the manager's view.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PeopleTable {
    /// The dimension of the rows (`owner` or `team`).
    pub dim: Dim,
    /// One row per segment, by revenue (highest first, undefined last), then by name.
    pub rows: Vec<PersonRow>,
    /// The share of the period elapsed by the data's latest day ([`super::elapsed_share`]).
    pub elapsed: f64,
}

/// The datasets whose owners (or teams) make the rows.
const DATASETS: [DatasetKind; 4] =
    [DatasetKind::Deals, DatasetKind::Leads, DatasetKind::Activities, DatasetKind::Quotas];

/// One row per value of `dim` (meant for [`Dim::Owner`] or [`Dim::Team`]; any dimension works)
/// found in the deals, leads, activities or quotas, narrowed to the values a filter on `dim`
/// already chooses. Each KPI column is the KPI with the segment added to the scope's filters, so
/// it equals [`crate::kpi::segments`] for that KPI and segment. Segments with no figure at all
/// are left out.
///
/// ```
/// use pipelens_engine::{demo, kpi, aggregates, Dim};
/// let ws = demo::demo_workspace(demo::DEMO_SEED);
/// let scope = ws.default_scope().unwrap();
/// let table = aggregates::people(&ws, &scope, Dim::Team);
/// assert_eq!(table.rows.len(), 3);
/// let by_kpi = kpi::segments(kpi::KpiId::WinRate.def(), &ws, &scope, Dim::Team);
/// let first = by_kpi.iter().find(|s| s.segment == table.rows[0].segment).unwrap();
/// assert_eq!(first.result.number(), table.rows[0].win_rate);
/// ```
pub fn people(ws: &Workspace, scope: &Scope, dim: Dim) -> PeopleTable {
    let elapsed = super::elapsed_share(ws, scope.period);
    let chosen = scope.filters.0.get(&dim).filter(|v| !v.is_empty());
    let teams = match dim {
        Dim::Owner => ws.deals.as_ref().and_then(|d| main_value_of_owners(d, Dim::Team)).unwrap_or_default(),
        _ => BTreeMap::new(),
    };
    // The average deal size each row is compared with, per team (`None`: the whole scope).
    let mut team_avg: BTreeMap<Option<String>, Option<f64>> = BTreeMap::new();
    let mut avg_of = |team: Option<&String>| {
        *team_avg.entry(team.cloned()).or_insert_with(|| {
            let s = match team {
                Some(t) => {
                    let mut f: Filters = scope.filters.clone();
                    f.0.remove(&Dim::Owner);
                    Scope { filters: f.with(Dim::Team, t), ..scope.clone() }
                }
                None => scope.clone(),
            };
            with_ctx(ws, &s, |ctx| number("avg_deal_size", ctx))
        })
    };
    let mut rows: Vec<PersonRow> = segment_values(ws, dim, &DATASETS)
        .into_iter()
        .filter(|v| chosen.is_none_or(|c| c.contains(v)))
        .filter_map(|segment| {
            let s = Scope { filters: scope.filters.with(dim, &segment), ..scope.clone() };
            let mut row = with_ctx(ws, &s, |ctx| row_of(ctx, dim, segment.clone(), elapsed));
            let team = teams.get(&segment);
            let versus = match dim {
                Dim::Owner => team.and_then(|t| avg_of(Some(t))),
                _ => avg_of(None),
            };
            row.avg_deal_size_vs_team = ratio(row.avg_deal_size, versus);
            row.team = team.cloned();
            (row.kpis().iter().any(|k| k.1.is_some()) || row.quota.is_some()).then_some(row)
        })
        .collect();
    crate::sort::sort_by(&mut rows, |a, b| match (a.revenue, b.revenue) {
        (Some(x), Some(y)) => y.total_cmp(&x).then_with(|| a.segment.cmp(&b.segment)),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => a.segment.cmp(&b.segment),
    });
    PeopleTable { dim, rows, elapsed }
}

/// `a / b` when both are defined and `b` is not 0.
fn ratio(a: Option<f64>, b: Option<f64>) -> Option<f64> {
    match (a, b) {
        (Some(a), Some(b)) if b != 0.0 => Some(a / b),
        _ => None,
    }
}

/// The row of the segment `ctx`'s filters select on `dim` (all but the team comparison). A
/// figure whose dataset cannot take a filter on `dim` is `None`, as [`crate::kpi::segments`]
/// gives no breakdown then.
fn row_of(ctx: &Ctx, dim: Dim, segment: String, elapsed: f64) -> PersonRow {
    let reaches = |kind: DatasetKind| !ctx.sel.unapplied_to(kind).contains(&dim);
    let kpi = |id: &str, kind: DatasetKind| number(id, ctx).filter(|_| reaches(kind));
    let revenue = kpi("revenue", DatasetKind::Deals);
    let quota = quotas_inside(ctx, ctx.period()).filter(|&(_, n)| n > 0 && reaches(DatasetKind::Quotas)).map(|q| q.0);
    let attainment = quota.filter(|&q| q > 0.0).map(|q| revenue.unwrap_or(0.0) / q);
    PersonRow {
        segment,
        team: None,
        revenue,
        quota,
        attainment,
        projected: attainment.map(|a| a / elapsed),
        win_rate: kpi("win_rate", DatasetKind::Deals),
        avg_deal_size: kpi("avg_deal_size", DatasetKind::Deals),
        avg_deal_size_vs_team: None,
        cycle_days: kpi("sales_cycle_days", DatasetKind::Deals),
        activities: kpi("activity_volume", DatasetKind::Activities),
        response_minutes: kpi("lead_response_time", DatasetKind::Leads),
    }
}
