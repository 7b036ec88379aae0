//! The manager's table: one row per rep (or per team) with revenue against quota, the pace to
//! the period's end, win rate, deal size against the team, cycle, activity and response time.

use super::{number, with_ctx, without};
use crate::column::DictColumn;
use crate::deals_table::Dim;
use crate::filter::main_value_of_owners;
use crate::ingest::DatasetKind;
use crate::kpi::{counted_activities, mean_deal_size, quotas_inside, quotas_inside_by_owner, response_minutes};
use crate::kpi::{segment_values, values_by, Ctx, KpiId};
use crate::stats::median;
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
    let d = ws.deals.as_ref();
    let teams = match dim {
        Dim::Owner => d.and_then(|d| main_value_of_owners(d, Dim::Team)).unwrap_or_default(),
        _ => BTreeMap::new(),
    };
    // Quotas, activities and leads, when loaded: every owner's from one walk over each, a team
    // over a selection of its own (a team's owners are found through the deals).
    let others = DATASETS.iter().any(|&k| k != DatasetKind::Deals && ws.table(k).is_some());
    // The deals KPIs of every segment from one walk over the deals ([`values_by`]), not a
    // selection and a walk per segment (a table of thousands of reps took seconds). Reps: over
    // the scope without its owner filter (each rep's figures are their own either way), with
    // their quotas, activities and leads; other rows: over the scope, with its average deal
    // size, which a team's row is compared with.
    const DEALS: [KpiId; 4] = [KpiId::Revenue, KpiId::WinRate, KpiId::AvgDealSize, KpiId::SalesCycleDays];
    let (values, overall, mut by_owner) = match dim {
        Dim::Owner => with_ctx(ws, &without(scope, &[Dim::Owner]), |ctx| {
            (values_by(ctx, dim, &DEALS), None, others.then(|| NotDealsByOwner::new(ctx)))
        }),
        _ => with_ctx(ws, scope, |ctx| (values_by(ctx, dim, &DEALS), mean_deal_size(ctx).number(), None)),
    };
    // A rep's row is compared with their team's (the team filter instead of the owner's).
    let by_team = (dim == Dim::Owner).then(|| {
        with_ctx(ws, &without(scope, &[Dim::Owner, Dim::Team]), |ctx| {
            values_by(ctx, Dim::Team, &[KpiId::AvgDealSize]).pop().flatten()
        })
    });
    let code = |dim: Dim, value: &str| d?.dim(dim)?.code_of(value).map(|c| c as usize);
    let team_avg = |team: &str| *by_team.as_ref()?.as_ref()?.get(code(Dim::Team, team)?)?;
    let mut rows: Vec<PersonRow> = segment_values(ws, dim, &DATASETS)
        .into_iter()
        .filter(|v| chosen.is_none_or(|c| c.contains(v)))
        .map(|segment| {
            let at = |k: usize| *code(dim, &segment).and_then(|c| values[k].as_ref()?.get(c))?;
            let [revenue, win_rate, avg_deal_size, cycle_days] = [0, 1, 2, 3].map(at);
            let (quota, activities, response_minutes) = match (&mut by_owner, others) {
                (Some(by_owner), _) => by_owner.of(ws, &segment),
                (None, true) => {
                    with_ctx(ws, &Scope { filters: scope.filters.with(dim, &segment), ..scope.clone() }, |ctx| {
                        not_deals(ctx, dim)
                    })
                }
                (None, false) => (None, None, None),
            };
            let attainment = quota.filter(|&q| q > 0.0).map(|q| revenue.unwrap_or(0.0) / q);
            let team = teams.get(&segment);
            let versus = match dim {
                Dim::Owner => team.and_then(|t| team_avg(t)),
                _ => overall,
            };
            PersonRow {
                segment,
                team: team.cloned(),
                revenue,
                quota,
                attainment,
                projected: attainment.map(|a| a / elapsed),
                win_rate,
                avg_deal_size,
                avg_deal_size_vs_team: ratio(avg_deal_size, versus),
                cycle_days,
                activities,
                response_minutes,
            }
        })
        // Segments with no figure at all are left out.
        .filter(|row| row.kpis().iter().any(|k| k.1.is_some()) || row.quota.is_some())
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

/// The quota, activities and lead response time of the segment `ctx`'s filters select on
/// `dim`. A figure whose dataset cannot take a filter on `dim` is `None`, as
/// [`crate::kpi::segments`] gives no breakdown then.
fn not_deals(ctx: &Ctx, dim: Dim) -> NotDeals {
    let reaches = |kind: DatasetKind| !ctx.sel.unapplied_to(kind).contains(&dim);
    let kpi = |id: &str, kind: DatasetKind| number(id, ctx).filter(|_| reaches(kind));
    let quota = quotas_inside(ctx, ctx.period()).filter(|&(_, n)| n > 0 && reaches(DatasetKind::Quotas)).map(|q| q.0);
    (quota, kpi("activity_volume", DatasetKind::Activities), kpi("lead_response_time", DatasetKind::Leads))
}

/// [`not_deals`] of every owner at once: per code of each dataset's owner column, what it gives
/// with the owner added to `ctx`'s filters, from one walk over the quotas, the activities and
/// the leads instead of a selection per owner (5,000 reps with their quotas froze the tab for
/// 4 s, twice). A dataset without an owner column gives nothing, as the owner filter then does
/// not reach it.
struct NotDealsByOwner {
    quota: Option<Vec<(f64, usize)>>,
    activities: Option<Vec<usize>>,
    response: Option<Vec<Vec<f64>>>,
}

impl NotDealsByOwner {
    fn new(ctx: &Ctx) -> NotDealsByOwner {
        let owner = |kind: DatasetKind| ctx.table(kind).and_then(|(t, _)| t.category("owner"));
        // Adds row `i`'s figure to its owner's entry.
        fn add<T>(by: &mut [T], owner: &DictColumn, i: usize, f: impl FnOnce(&mut T)) {
            if let Some(x) = owner.codes.get(i).and_then(|&c| by.get_mut(c as usize)) {
                f(x);
            }
        }
        let activities = owner(DatasetKind::Activities).and_then(|o| {
            let mut n = vec![0usize; o.values.len()];
            counted_activities(ctx, &mut |i, _, _| add(&mut n, o, i, |n| *n += 1)).ok().map(|_| n)
        });
        let response = owner(DatasetKind::Leads).and_then(|o| {
            let mut minutes = vec![Vec::new(); o.values.len()];
            response_minutes(ctx, &mut |i, m| add(&mut minutes, o, i, |v| v.push(m))).ok().map(|_| minutes)
        });
        NotDealsByOwner { quota: quotas_inside_by_owner(ctx, ctx.period()), activities, response }
    }

    /// `owner`'s quota, activities and response time.
    fn of(&mut self, ws: &Workspace, owner: &str) -> NotDeals {
        let code = |kind: DatasetKind| ws.table(kind)?.category("owner")?.code_of(owner).map(|c| c as usize);
        let quota = self.quota.as_ref().and_then(|q| q.get(code(DatasetKind::Quotas)?)).filter(|q| q.1 > 0);
        let activities =
            self.activities.as_ref().and_then(|a| a.get(code(DatasetKind::Activities)?)).filter(|&&n| n > 0);
        let response = self.response.as_mut().and_then(|r| median(r.get_mut(code(DatasetKind::Leads)?)?));
        (quota.map(|q| q.0), activities.map(|&n| n as f64), response)
    }
}

/// A segment's quota, activities and lead response time.
type NotDeals = (Option<f64>, Option<f64>, Option<f64>);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kpi::{compute, segments, KpiId};

    /// Each KPI column is what the KPI gives with the row's value added to the filters (and
    /// nothing where [`segments`] gives no breakdown), and the deal size is compared with the
    /// team's or the scope's: over the demo's data, its deals alone, reps who work in more
    /// than one team, periods, filters (on the rows' dimension too) and currencies.
    #[test]
    fn each_column_is_its_kpi_over_the_row_and_the_team() {
        let (mut compared, mut quotas) = (0, 0);
        for ws in super::super::test_data::workspaces() {
            let d = ws.deals.as_ref().expect("deals");
            let scopes = super::super::test_data::scopes(&ws, 3);
            for scope in &scopes {
                for dim in [Dim::Owner, Dim::Team, Dim::Region] {
                    let table = people(&ws, scope, dim);
                    let column = |id: KpiId| segments(id.def(), &ws, scope, dim);
                    let columns: Vec<_> = [
                        KpiId::Revenue,
                        KpiId::WinRate,
                        KpiId::AvgDealSize,
                        KpiId::SalesCycleDays,
                        KpiId::ActivityVolume,
                        KpiId::LeadResponseTime,
                    ]
                    .into_iter()
                    .map(|id| (id, column(id)))
                    .collect();
                    let teams = main_value_of_owners(d, Dim::Team).unwrap_or_default();
                    for row in &table.rows {
                        for ((id, rows), (key, value)) in columns.iter().zip(row.kpis()) {
                            assert_eq!(id.as_str(), key);
                            let kpi = rows.iter().find(|r| r.segment == row.segment).and_then(|r| r.result.number());
                            assert_eq!(value, kpi, "{key} of {} by {dim:?} over {scope:?}", row.segment);
                        }
                        // Quota, activities and response time, each owner's from one walk: as a
                        // selection of the row's own gives them.
                        let own = Scope { filters: scope.filters.with(dim, &row.segment), ..scope.clone() };
                        let alone = with_ctx(&ws, &own, |ctx| not_deals(ctx, dim));
                        assert_eq!((row.quota, row.activities, row.response_minutes), alone, "{} {dim:?}", row.segment);
                        quotas += usize::from(row.quota.is_some());
                        let team = teams.get(&row.segment).filter(|_| dim == Dim::Owner);
                        let versus = match team {
                            Some(t) => Scope {
                                filters: without(scope, &[Dim::Owner]).filters.with(Dim::Team, t),
                                ..scope.clone()
                            },
                            None if dim == Dim::Owner => continue,
                            None => scope.clone(),
                        };
                        let versus = compute(KpiId::AvgDealSize.def(), &ws, &versus).number();
                        assert_eq!(
                            row.avg_deal_size_vs_team,
                            ratio(row.avg_deal_size, versus),
                            "{} {dim:?}",
                            row.segment
                        );
                        compared += usize::from(row.avg_deal_size_vs_team.is_some());
                    }
                }
            }
        }
        assert!(compared > 100, "{compared} rows compared with their team");
        assert!(quotas > 50, "{quotas} rows with a quota");
    }
}
