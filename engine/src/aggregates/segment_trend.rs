//! A KPI's trend once per segment: revenue per deal type per month (a stacked mix), revenue per
//! team over time.

use crate::deals_table::Dim;
use crate::kpi::{self, KpiDef, TrendPoint};
use crate::period::Grain;
use crate::workspace::{Scope, Workspace};
use serde::Serialize;

/// One segment's trend.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SegmentTrend {
    /// The segment's value (`new`, `EMEA`, `Ann Lee`, ...).
    pub segment: String,
    /// The KPI per bucket with that segment added to the filters, exactly as [`kpi::trend`]
    /// computes it (same buckets, clipped to the period; `None` where undefined).
    pub points: Vec<TrendPoint>,
}

/// The trend of `def` once per value of `dim`: the segments are those of [`kpi::segments`]
/// (the values the KPI's datasets carry, narrowed to the values a filter on `dim` already
/// chooses; none when the KPI's datasets cannot take the dimension), each computed with
/// [`kpi::trend`] over the scope with that segment added to the filters. For an additive KPI
/// such as `revenue` the segments of a bucket add up to the bucket's total (deals without a
/// value of `dim` are in none of them).
///
/// ```
/// use pipelens_engine::{demo, kpi, aggregates, Dim, Grain};
/// let ws = demo::demo_workspace(demo::DEMO_SEED);
/// let scope = ws.default_scope().unwrap();
/// let revenue = kpi::KpiId::Revenue.def();
/// let mix = aggregates::segment_trends(revenue, &ws, &scope, Dim::DealType, Grain::Quarter);
/// let names: Vec<&str> = mix.iter().map(|s| s.segment.as_str()).collect();
/// assert_eq!(names, ["new", "renewal", "upsell"]);
/// assert!(mix.iter().all(|s| s.points.len() == 5)); // Nov 2025 – Oct 2026 touches five quarters
/// ```
pub fn segment_trends(def: &KpiDef, ws: &Workspace, scope: &Scope, dim: Dim, grain: Grain) -> Vec<SegmentTrend> {
    // One selection per segment for its row and its trend ([`kpi::segments_and_trends`]).
    kpi::segments_and_trends(def, ws, scope, dim, grain)
        .into_iter()
        .map(|(row, points)| SegmentTrend { points, segment: row.segment })
        .collect()
}
