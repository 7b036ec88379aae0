//! Activities per type over time: exactly the activities `activity_volume` counts, per week
//! (or month, quarter, year) of the period.

use super::with_ctx;
use crate::kpi::{self, counted_activities, ActivityClass};
use crate::period::Grain;
use crate::workspace::{Scope, Workspace};
use serde::Serialize;

/// Activity counts per type and bucket (a stacked bar chart).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ActivitySeries {
    /// The bucket size.
    pub grain: Grain,
    /// Bucket labels (`2026-W09`, `2026-03`, ...), the buckets clipped to the period as
    /// [`kpi::trend`]'s are.
    pub labels: Vec<String>,
    /// Per activity class (call, email, meeting, demo, other: all five, in that order, as the
    /// `activity_volume` breakdown lists them): its name and one count per bucket.
    pub types: Vec<(String, Vec<usize>)>,
    /// Σ of every count: `activity_volume`'s value.
    pub total: usize,
}

/// Activities per class and bucket of `grain`, over exactly the activities `activity_volume`
/// counts (dated in the period, passing the filters; the type read by [`kpi::activity_class`]).
/// `None` when there are none.
///
/// ```
/// use pipelens_engine::{demo, kpi, aggregates, Grain};
/// let ws = demo::demo_workspace(demo::DEMO_SEED);
/// let scope = ws.default_scope().unwrap();
/// let a = aggregates::activity_by(&ws, &scope, Grain::Month).unwrap();
/// let volume = kpi::compute(kpi::KpiId::ActivityVolume.def(), &ws, &scope).number().unwrap();
/// assert_eq!((a.labels.len(), a.total as f64), (12, volume));
/// ```
pub fn activity_by(ws: &Workspace, scope: &Scope, grain: Grain) -> Option<ActivitySeries> {
    let buckets = kpi::buckets(scope.period, grain);
    let mut counts = vec![[0usize; 5]; buckets.len()];
    with_ctx(ws, scope, |ctx| {
        counted_activities(ctx, &mut |_, day, class| {
            // Buckets are consecutive and cover the period: the last one starting on or before the day.
            let b = buckets.partition_point(|(_, p)| p.from <= day);
            if let Some(c) = b.checked_sub(1).and_then(|b| counts.get_mut(b)) {
                c[class as usize] += 1;
            }
        })
    })
    .ok()?;
    let total: usize = counts.iter().flatten().sum();
    let types = ActivityClass::ALL
        .iter()
        .map(|&c| (c.name().to_owned(), counts.iter().map(|b| b[c as usize]).collect()))
        .collect();
    let labels = buckets.into_iter().map(|(label, _)| label).collect();
    (total > 0).then_some(ActivitySeries { grain, labels, types, total })
}

/// [`activity_by`] per ISO week.
///
/// ```
/// use pipelens_engine::{demo, aggregates};
/// let ws = demo::demo_workspace(demo::DEMO_SEED);
/// let a = aggregates::activity_by_week(&ws, &ws.default_scope().unwrap()).unwrap();
/// assert_eq!(a.labels[0], "2025-W44"); // Saturday 2025-11-01 falls in ISO week 44
/// ```
pub fn activity_by_week(ws: &Workspace, scope: &Scope) -> Option<ActivitySeries> {
    activity_by(ws, scope, Grain::Week)
}
