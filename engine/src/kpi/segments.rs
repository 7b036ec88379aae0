//! A KPI broken down by a segment dimension: computed once per segment, with that segment
//! added to the filters, so every row means exactly what the headline means.

use super::{compute, run, Ctx, KpiDef, KpiResult, Note, TrendPoint};
use crate::deals_table::Dim;
use crate::filter::Selection;
use crate::ingest::DatasetKind;
use crate::period::Grain;
use crate::workspace::{Scope, Workspace};
use std::collections::BTreeSet;

/// One segment of a breakdown.
#[derive(Clone, Debug, PartialEq)]
pub struct SegmentRow {
    /// The segment's value (`Ann Lee`, `EMEA`, ...).
    pub segment: String,
    /// The KPI over the segment.
    pub result: KpiResult,
}

/// The column that carries `dim` in a dataset, if any (team and region reach the datasets that
/// only know the owner through the deals; see [`crate::filter`]).
fn column_of(kind: DatasetKind, dim: Dim) -> Option<&'static str> {
    use DatasetKind::*;
    match (kind, dim) {
        (Deals, d) => Some(d.field()),
        (Leads, Dim::LeadSource) => Some("source"),
        (Leads | Activities | Quotas | Forecasts, Dim::Owner) => Some("owner"),
        _ => None,
    }
}

/// Whether a filter on `dim` reaches dataset `kind`.
pub fn reaches(kind: DatasetKind, dim: Dim) -> bool {
    column_of(kind, dim).is_some()
        || (matches!(dim, Dim::Team | Dim::Region)
            && matches!(
                kind,
                DatasetKind::Leads | DatasetKind::Activities | DatasetKind::Quotas | DatasetKind::Forecasts
            ))
}

/// The values of `dim` in the loaded datasets among `datasets`, sorted. Team and region come
/// from the deals.
pub fn segment_values(ws: &Workspace, dim: Dim, datasets: &[DatasetKind]) -> Vec<String> {
    let mut out = BTreeSet::new();
    for &kind in datasets.iter().filter(|&&k| reaches(k, dim)) {
        let column = match kind {
            DatasetKind::Deals => ws.deals.as_ref().and_then(|d| d.dim(dim)),
            _ => column_of(kind, dim).and_then(|f| ws.table(kind)?.category(f)),
        };
        let column =
            column.or_else(|| ws.deals.as_ref().and_then(|d| d.dim(dim)).filter(|_| kind != DatasetKind::Deals));
        if let Some(c) = column {
            out.extend(c.used_values().cloned());
        }
    }
    out.into_iter().collect()
}

/// The KPI per value of `dim` (each computed with that value added to the scope's filters).
/// Empty when none of the KPI's datasets carries the dimension.
///
/// ```
/// use pipelens_engine::{demo, kpi, Dim, Workspace};
/// let ws = Workspace::with_deals(demo::demo_deals(demo::DEMO_SEED));
/// let scope = ws.default_scope().unwrap();
/// let rows = kpi::segments(kpi::KpiId::Revenue.def(), &ws, &scope, Dim::Team);
/// let total: f64 = rows.iter().filter_map(|r| r.result.number()).sum();
/// let all = kpi::compute(kpi::KpiId::Revenue.def(), &ws, &scope).number().unwrap();
/// assert!((total - all).abs() < 1e-6 * all);
/// ```
pub fn segments(def: &KpiDef, ws: &Workspace, scope: &Scope, dim: Dim) -> Vec<SegmentRow> {
    let rows: Vec<SegmentRow> = segment_scopes(def, ws, scope, dim)
        .into_iter()
        .map(|(segment, s)| SegmentRow { result: compute(def, ws, &s), segment })
        .collect();
    if all_unfiltered(rows.iter(), dim) {
        return Vec::new();
    }
    rows
}

/// [`segments`], each row with the KPI's trend of `grain` over the segment beside it (the
/// points [`super::trend`] gives with the segment added to the filters). The filters are
/// applied once per segment for both, and the deals closed in the period and in its buckets
/// are counted in one sweep.
///
/// ```
/// use pipelens_engine::{demo, kpi, Dim, Grain};
/// let ws = demo::demo_workspace(demo::DEMO_SEED);
/// let scope = ws.default_scope().unwrap();
/// let revenue = kpi::KpiId::Revenue.def();
/// let both = kpi::segments_and_trends(revenue, &ws, &scope, Dim::DealType, Grain::Month);
/// let rows = kpi::segments(revenue, &ws, &scope, Dim::DealType);
/// assert_eq!(both.iter().map(|(r, _)| r.clone()).collect::<Vec<_>>(), rows);
/// for (row, points) in &both {
///     let s = pipelens_engine::Scope { filters: scope.filters.with(Dim::DealType, &row.segment), ..scope.clone() };
///     assert_eq!(points, &kpi::trend(revenue, &ws, &s, Grain::Month));
/// }
/// ```
pub fn segments_and_trends(
    def: &KpiDef,
    ws: &Workspace,
    scope: &Scope,
    dim: Dim,
    grain: Grain,
) -> Vec<(SegmentRow, Vec<TrendPoint>)> {
    let rows: Vec<(SegmentRow, Vec<TrendPoint>)> = segment_scopes(def, ws, scope, dim)
        .into_iter()
        .map(|(segment, s)| {
            let sel = Selection::new(ws, &s.filters);
            let ctx = Ctx { ws, scope: s, sel: &sel };
            let mut periods = super::trend::won_periods_of_trend(def.id, ctx.period(), grain);
            periods.extend(super::trend::won_periods(def.id, ctx.period()));
            super::won_figures::sweep(&ctx, &periods);
            let result = run(def, &ctx);
            let points = super::trend_in(def, &ctx, grain);
            (SegmentRow { result, segment }, points)
        })
        .collect();
    if all_unfiltered(rows.iter().map(|(r, _)| r), dim) {
        return Vec::new();
    }
    rows
}

/// The segments of [`segments`] and the scope of each (the segment added to the filters).
fn segment_scopes(def: &KpiDef, ws: &Workspace, scope: &Scope, dim: Dim) -> Vec<(String, Scope)> {
    let chosen = scope.filters.0.get(&dim).filter(|v| !v.is_empty());
    segment_values(ws, dim, def.datasets)
        .into_iter()
        .filter(|v| chosen.is_none_or(|c| c.contains(v)))
        .map(|segment| {
            let s = Scope { filters: scope.filters.with(dim, &segment), ..scope.clone() };
            (segment, s)
        })
        .collect()
}

/// Whether every row says it is shown without the filter on `dim`: a KPI read from datasets
/// that cannot take the dimension (new customers from the customers table, by owner) would
/// repeat its total on every row, so there is no breakdown then.
fn all_unfiltered<'a>(mut rows: impl Iterator<Item = &'a SegmentRow>, dim: Dim) -> bool {
    let unfiltered = |n: &Note| matches!(n, Note::Unfiltered { dim: d, .. } if *d == dim);
    rows.all(|r| r.result.notes.iter().any(unfiltered))
}
