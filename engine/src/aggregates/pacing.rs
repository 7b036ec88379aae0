//! Pacing: won revenue accumulated across the period against a straight line to the target,
//! and where the period ends at the pace so far.

use super::with_ctx;
use crate::ingest::DatasetKind;
use crate::kpi::{self, quota_total};
use crate::period::{Grain, Period};
use crate::workspace::{Scope, Workspace};
use serde::Serialize;

/// The share of `period` that has elapsed by the data's latest day ([`Workspace::latest_day`]):
/// days from the period's start to the earlier of its end and that day, both included, over the
/// period's days, clamped to (0, 1]. It is 1 once the period is over (or when the data has no
/// date), and at least one day's share when the data ends before the period starts.
///
/// ```
/// use pipelens_engine::{demo, aggregates, Day, Period};
/// let ws = demo::demo_workspace(demo::DEMO_SEED); // the data ends on 2026-10-31
/// let day = |y, m, d| Day::from_ymd(y, m, d).unwrap();
/// assert_eq!(aggregates::elapsed_share(&ws, Period::new(day(2026, 1, 1), day(2026, 10, 31)).unwrap()), 1.0);
/// let october_to_december = Period::new(day(2026, 10, 1), day(2026, 12, 31)).unwrap();
/// assert_eq!(aggregates::elapsed_share(&ws, october_to_december), 31.0 / 92.0);
/// ```
pub fn elapsed_share(ws: &Workspace, period: Period) -> f64 {
    share_at(period, ws.latest_day().unwrap_or(period.to))
}

/// The share of `period` elapsed by the end of `day`, clamped to (0, 1].
fn share_at(period: Period, day: crate::Day) -> f64 {
    let days = (day.min(period.to).0 - period.from.0 + 1).max(1);
    (days as f64 / period.len_days() as f64).min(1.0)
}

/// Cumulative won revenue across the period against a linear target.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Pacing {
    /// Bucket labels (`2026-03`, `2026-W09`, ...), buckets clipped to the period as in
    /// [`kpi::trend`].
    pub labels: Vec<String>,
    /// Revenue won from the period's start to each bucket's end (the KPI `revenue` per bucket,
    /// an undefined bucket adding nothing); `None` for buckets that start after the data's
    /// latest day.
    pub actual: Vec<Option<f64>>,
    /// The target × the share of the period elapsed at each bucket's end: the straight line
    /// from 0 at the start to the target at the end.
    pub target_line: Vec<f64>,
    /// The revenue target of the period.
    pub target: f64,
    /// Where the target comes from: `"revenue target"` (typed in the settings) or `"quotas"`
    /// (Σ quota of the quota periods inside the period, as `revenue`'s derived target).
    pub target_source: &'static str,
    /// Revenue won so far / the elapsed share of the period ([`elapsed_share`]): where the
    /// period ends at the pace so far. Equals the revenue once the period is over; `None` when
    /// the revenue is undefined.
    pub projected: Option<f64>,
    /// The elapsed share of the period.
    pub elapsed: f64,
}

/// Won revenue accumulated bucket by bucket of `grain` against the target: the typed revenue
/// target (`scope.settings.revenue_target`), else Σ quota inside the period. `None` without
/// deals, without a target or with a target ≤ 0. The last defined cumulative value equals the
/// KPI `revenue` over the period.
///
/// ```
/// use pipelens_engine::{demo, kpi, aggregates, Grain};
/// let ws = demo::demo_workspace(demo::DEMO_SEED);
/// let scope = ws.default_scope().unwrap();
/// let p = aggregates::pacing(&ws, &scope, Grain::Month).unwrap();
/// assert_eq!((p.labels.len(), p.target_source), (12, "quotas"));
/// let revenue = kpi::compute(kpi::KpiId::Revenue.def(), &ws, &scope).number().unwrap();
/// assert!((p.actual[11].unwrap() - revenue).abs() < 1e-6 * revenue);
/// assert_eq!(p.target_line[11], p.target);
/// ```
pub fn pacing(ws: &Workspace, scope: &Scope, grain: Grain) -> Option<Pacing> {
    ws.deals.as_ref()?;
    let p = scope.period;
    let (target, target_source) = match scope.settings.revenue_target {
        Some(t) => (t, "revenue target"),
        // Without quotas there is no target: no rows to select for it.
        None if ws.table(DatasetKind::Quotas).is_none() => return None,
        None => (with_ctx(ws, scope, |ctx| quota_total(ctx, p))?, "quotas"),
    };
    if target.is_nan() || target <= 0.0 {
        return None;
    }
    let revenue = kpi::KpiId::Revenue.def();
    let points = kpi::trend(revenue, ws, scope, grain);
    let latest = ws.latest_day();
    let mut sum = 0.0;
    let mut actual = Vec::with_capacity(points.len());
    for point in &points {
        sum += point.value.unwrap_or(0.0);
        actual.push(latest.is_none_or(|d| point.period.from <= d).then_some(sum));
    }
    let elapsed = elapsed_share(ws, p);
    let total = kpi::compute(revenue, ws, scope).number();
    Some(Pacing {
        labels: points.iter().map(|x| x.label.clone()).collect(),
        actual,
        target_line: points.iter().map(|x| target * share_at(p, x.period.to)).collect(),
        target,
        target_source,
        projected: total.map(|r| r / elapsed),
        elapsed,
    })
}
