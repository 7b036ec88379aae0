//! A KPI over time (one value per week, month, quarter or year of the period) and against a
//! comparison period.

use super::{run, Ctx, KpiDef, KpiResult};
use crate::filter::Selection;
use crate::period::{Grain, Period};
use crate::workspace::{Scope, Workspace};
use serde::{Deserialize, Serialize};

/// One point of a trend.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TrendPoint {
    /// Bucket label: `2017-W09`, `2017-03`, `2017-Q1`, `2017`.
    pub label: String,
    /// The bucket, clipped to the period.
    #[serde(skip)]
    pub period: Period,
    /// The KPI over the bucket; `None` where it is undefined.
    pub value: Option<f64>,
}

/// The KPI once per bucket of `grain`, each bucket clipped to the scope's period (a stock KPI
/// such as the pipeline is read on the bucket's last day). At most
/// [`crate::period::MAX_BUCKETS`] points: a longer period is shown at a coarser grain.
///
/// ```
/// use pipelens_engine::{demo, kpi, Grain, Workspace};
/// let ws = Workspace::with_deals(demo::demo_deals(demo::DEMO_SEED));
/// let scope = ws.default_scope().unwrap();
/// let points = kpi::trend(kpi::KpiId::Revenue.def(), &ws, &scope, Grain::Quarter);
/// // Nov 2025 – Oct 2026: 2025-Q4 (two months) … 2026-Q4 (one month), clipped to the period.
/// assert_eq!(points.iter().map(|p| p.label.as_str()).collect::<Vec<_>>(), ["2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]);
/// ```
pub fn trend(def: &KpiDef, ws: &Workspace, scope: &Scope, grain: Grain) -> Vec<TrendPoint> {
    let sel = Selection::new(ws, &scope.filters);
    let ctx = Ctx { ws, scope: scope.clone(), sel: &sel };
    let buckets = buckets(scope.period, grain);
    // A stock KPI reads the pipeline on every bucket's last day: counted in one sweep.
    sel.open.plan(buckets.iter().map(|(_, p)| p.to.0));
    buckets
        .into_iter()
        .map(|(label, period)| TrendPoint { label, period, value: (def.compute)(&ctx.over(period)).number() })
        .collect()
}

/// The buckets of `grain` over `p`, labelled and clipped to `p`; of a coarser grain when `grain`
/// would need more than [`crate::period::MAX_BUCKETS`] of them ([`Grain::fitting`]: the UI
/// says so).
pub fn buckets(p: Period, grain: Grain) -> Vec<(String, Period)> {
    let grain = grain.fitting(p);
    grain
        .buckets(p)
        .into_iter()
        .filter_map(|start| Some((grain.label(start), Period::new(start, grain.bucket_end(start))?.clip(p)?)))
        .collect()
}

/// What a KPI is compared with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Comparison {
    /// The period of the same length just before.
    Previous,
    /// The same period a year earlier.
    YearEarlier,
}

impl Comparison {
    /// The comparison in words, as in "against the previous period".
    ///
    /// ```
    /// use pipelens_engine::kpi::Comparison;
    /// assert_eq!(Comparison::YearEarlier.noun(), "same period last year");
    /// assert_eq!(Comparison::Previous.title(), "Previous period");
    /// ```
    pub fn noun(self) -> &'static str {
        match self {
            Comparison::Previous => "previous period",
            Comparison::YearEarlier => "same period last year",
        }
    }

    /// The comparison as a heading, a legend entry or a picker's option.
    pub fn title(self) -> &'static str {
        match self {
            Comparison::Previous => "Previous period",
            Comparison::YearEarlier => "Same period last year",
        }
    }

    /// The period compared with `p`.
    pub fn period(self, p: Period) -> Period {
        match self {
            Comparison::Previous => p.previous(),
            Comparison::YearEarlier => p.year_earlier(),
        }
    }
}

/// The KPI over the comparison period, with the same filters and settings.
pub fn compare(def: &KpiDef, ws: &Workspace, scope: &Scope, with: Comparison) -> KpiResult {
    let sel = Selection::new(ws, &scope.filters);
    run(def, &Ctx { ws, scope: scope.over(with.period(scope.period)), sel: &sel })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn capitalised(s: &str) -> String {
        let mut c = s.chars();
        c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
    }

    #[test]
    fn a_comparison_has_its_own_distinct_words() {
        let all = [Comparison::Previous, Comparison::YearEarlier];
        for c in all {
            assert_eq!(c.title(), capitalised(c.noun()), "{c:?}");
        }
        assert_ne!(all[0].noun(), all[1].noun());
    }
}
