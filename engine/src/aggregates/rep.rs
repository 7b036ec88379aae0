//! One rep beside the average rep of their team: the rep's view.

use super::{number, with_ctx, without};
use crate::deals_table::Dim;
use crate::filter::main_value_of_owners;
use crate::ingest::DatasetKind;
use crate::kpi::{segment_values, values_by, KpiId};
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
    let kpis: Vec<Option<KpiId>> = ids.iter().map(|id| KpiId::parse(id.as_ref())).collect();
    let owners = ws.deals.as_ref().and_then(|d| main_value_of_owners(d, Dim::Team)).unwrap_or_default();
    let team = owners.get(rep).cloned();
    let mut mates: Vec<&str> =
        owners.iter().filter(|(_, t)| Some(*t) == team.as_ref()).map(|(o, _)| o.as_str()).collect();
    if !mates.contains(&rep) {
        // Only the rep's own values are needed (a rep with no team, or none in the deals).
        mates.push(rep);
    }
    // The deals KPIs of every owner from one walk by owner ([`values_by`]) over the scope
    // without its owner filter, not a selection and a walk per teammate (a team of a hundred
    // reps in a million deals took 300 ms).
    let known: Vec<KpiId> = kpis.iter().flatten().copied().collect();
    let grouped = with_ctx(ws, &without(scope, &[Dim::Owner]), |ctx| values_by(ctx, Dim::Owner, &known));
    let by_owner: Vec<Option<&Vec<Option<f64>>>> =
        kpis.iter().map(|id| grouped.get(known.iter().position(|k| Some(*k) == *id)?)?.as_ref()).collect();
    // The other KPIs over a selection per owner; none for a KPI none of whose datasets is
    // loaded (it has no value), nor for a string that is no KPI.
    let loaded = |id: KpiId| id.def().datasets.iter().any(|&kind| ws.rows(kind).is_some());
    let alone: Vec<usize> = (0..ids.len()).filter(|&k| by_owner[k].is_none() && kpis[k].is_some_and(loaded)).collect();
    let code = |owner: &str| ws.deals.as_ref()?.dim(Dim::Owner)?.code_of(owner).map(|c| c as usize);
    let values_of = |owner: &str| -> Vec<Option<f64>> {
        let mut values: Vec<Option<f64>> = by_owner.iter().map(|&v| *v?.get(code(owner)?)?).collect();
        if !alone.is_empty() {
            let s = Scope { filters: scope.filters.with(Dim::Owner, owner), ..scope.clone() };
            with_ctx(ws, &s, |ctx| {
                for &k in &alone {
                    values[k] = number(ids[k].as_ref(), ctx);
                }
            });
        }
        values
    };
    let theirs: Vec<(&str, Vec<Option<f64>>)> = mates.iter().map(|&o| (o, values_of(o))).collect();
    let mine = theirs.iter().find(|(o, _)| *o == rep).map(|(_, v)| v.clone()).unwrap_or_default();
    let in_team = |o: &str| team.is_some() && owners.get(o) == team.as_ref();
    let rows = ids
        .iter()
        .enumerate()
        .map(|(k, id)| {
            let values: Vec<f64> = theirs.iter().filter(|(o, _)| in_team(o)).filter_map(|(_, v)| v[k]).collect();
            RepKpi {
                id: id.as_ref().to_owned(),
                rep: mine.get(k).copied().flatten(),
                team_average: crate::stats::mean(&values),
                reps_in_team: values.len(),
            }
        })
        .collect();
    RepComparison { rep: rep.to_owned(), team, rows }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::{demo_workspace, DEMO_SEED};
    use crate::kpi::CATALOG;

    /// The rep's view as it was first written: a selection and every KPI per teammate.
    fn reference<I: AsRef<str>>(ws: &Workspace, scope: &Scope, rep: &str, ids: &[I]) -> RepComparison {
        let values_of = |owner: &str| -> Vec<Option<f64>> {
            let s = Scope { filters: scope.filters.with(Dim::Owner, owner), ..scope.clone() };
            with_ctx(ws, &s, |ctx| ids.iter().map(|id| number(id.as_ref(), ctx)).collect())
        };
        let owners = ws.deals.as_ref().and_then(|d| main_value_of_owners(d, Dim::Team)).unwrap_or_default();
        let team = owners.get(rep).cloned();
        let mates: Vec<&String> = owners.iter().filter(|(_, t)| Some(*t) == team.as_ref()).map(|(o, _)| o).collect();
        let mine = values_of(rep);
        let theirs: Vec<Vec<Option<f64>>> = mates.iter().map(|o| values_of(o)).collect();
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

    /// The rep page's KPIs, a few others and a string that is no KPI, for a rep and their team,
    /// are what a selection per teammate gives: over the demo's data and its deals alone, reps
    /// who work in more than one team, reps of no deal, both periods, filters (on owners too)
    /// and currencies.
    #[test]
    fn the_rep_and_the_team_are_what_a_selection_per_teammate_gives() {
        let mut ids: Vec<&str> = REP_KPIS.iter().map(|k| k.as_str()).collect();
        ids.extend(["quota_attainment", "pipeline_count", "mrr", "not_a_kpi", "revenue"]);
        let mut compared = 0;
        for ws in super::super::test_data::workspaces() {
            let scopes = super::super::test_data::scopes(&ws, 1);
            let mut people = reps(&ws);
            people.truncate(4);
            people.push("Nobody".to_owned());
            for scope in &scopes {
                for rep in &people {
                    let got = rep_vs_team(&ws, scope, rep, &ids);
                    assert_eq!(got, reference(&ws, scope, rep, &ids), "{rep} over {scope:?}");
                    compared += got.rows.iter().filter(|r| r.team_average.is_some()).count();
                }
            }
        }
        assert!(compared > 300, "{compared} averages compared");
    }

    /// A KPI none of whose datasets is loaded has no value: the rep's view need not work it
    /// out per teammate.
    #[test]
    fn a_kpi_without_its_datasets_has_no_value() {
        let demo = demo_workspace(DEMO_SEED);
        let ws = Workspace::with_deals(demo.deals.clone().expect("demo deals"));
        let scope = ws.default_scope().expect("a scope");
        let mut skipped = 0;
        for def in CATALOG.iter().filter(|d| d.datasets.iter().all(|&k| ws.rows(k).is_none())) {
            assert_eq!(crate::kpi::compute(def, &ws, &scope).number(), None, "{}", def.id.as_str());
            skipped += 1;
        }
        assert!(skipped >= 10, "{skipped} KPIs need another dataset");
    }
}
