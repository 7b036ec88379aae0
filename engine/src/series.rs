//! Series ready for charts: already aggregated, so a chart never sees a row.

use crate::day::Day;
use crate::deals::{Amount, DealsTable};
use crate::filter::{keeps, Mask};
use crate::period::Grain;
use crate::stage::Status;
use crate::workspace::Scope;
use serde::Serialize;

/// One bucket of a trend series.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SeriesPoint {
    /// Bucket label: `2017-03`, `2017-Q1`, ...
    pub label: String,
    /// First day of the bucket.
    #[serde(skip)]
    pub start: Day,
    /// The value in the bucket.
    pub value: f64,
}

/// Won revenue of the deals passing `mask` per bucket of `grain` across the scope's period, in its currency (every bucket
/// present, zero when empty).
/// Buckets at the edges are clipped to the period.
///
/// ```
/// use pipelens_engine::{demo, series::won_revenue_by, Grain, Period, Scope};
/// let deals = demo::demo_deals(demo::DEMO_SEED);
/// let p = Period::default_for(deals.latest_day().unwrap());
/// assert_eq!(won_revenue_by(&deals, &None, &Scope::new(p), Grain::Month).len(), 12);
/// ```
pub fn won_revenue_by(d: &DealsTable, mask: &Mask, scope: &Scope, grain: Grain) -> Vec<SeriesPoint> {
    let period = scope.period;
    let starts = grain.buckets(period);
    let mut values = vec![0.0; starts.len()];
    for i in 0..d.len() {
        let close = d.close.days[i];
        if d.status[i] != Status::Won || !period.contains_raw(close) || !keeps(mask, i) {
            continue;
        }
        if let Amount::Value(a) = d.amount_in(i, scope.currency) {
            let b = starts.partition_point(|s| s.0 <= close) - 1;
            values[b] += a;
        }
    }
    starts
        .into_iter()
        .zip(values)
        .map(|(start, value)| SeriesPoint { label: grain.label(start), start, value })
        .collect()
}
