//! A KPI over time (one value per week, month, quarter or year of the period) and against a
//! comparison period.

use super::{forecast, lifetime, run, tables, won_figures, Ctx, KpiDef, KpiId, KpiResult};
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
    trend_in(def, &Ctx { ws, scope: scope.clone(), sel: &sel }, grain)
}

/// [`trend`] over the context's selection: the filters are applied once for all the trends and
/// tiles of a page that share it, and the figures one counted (a bucket's revenue, a day's
/// pipeline) are read again by the others. The same points as [`trend`].
///
/// ```
/// use pipelens_engine::{demo, kpi, Grain, Selection, Workspace};
/// let ws = Workspace::with_deals(demo::demo_deals(demo::DEMO_SEED));
/// let scope = ws.default_scope().unwrap();
/// let sel = Selection::new(&ws, &scope.filters);
/// let ctx = kpi::Ctx { ws: &ws, scope: scope.clone(), sel: &sel };
/// for id in [kpi::KpiId::Revenue, kpi::KpiId::SalesVelocity] {
///     assert_eq!(kpi::trend_in(id.def(), &ctx, Grain::Month), kpi::trend(id.def(), &ws, &scope, Grain::Month));
/// }
/// ```
pub fn trend_in(def: &KpiDef, ctx: &Ctx, grain: Grain) -> Vec<TrendPoint> {
    let buckets = buckets(ctx.period(), grain);
    // The funnel of the deals created in each bucket: counted in one walk; the deal-size
    // outliers counted without their table.
    let values = match def.id {
        KpiId::FunnelConversion => tables::funnel_values(ctx, &buckets.iter().map(|(_, p)| *p).collect::<Vec<_>>()),
        KpiId::DealSizeOutliers => buckets.iter().map(|(_, p)| tables::outlier_count(&ctx.over(*p))).collect(),
        _ => Vec::new(),
    };
    if !values.is_empty() {
        return buckets
            .into_iter()
            .zip(values)
            .map(|((label, period), value)| TrendPoint { label, period, value })
            .collect();
    }
    // A stock KPI reads the pipeline on every bucket's last day: counted in one sweep.
    ctx.open_memo().plan(buckets.iter().map(|(_, p)| p.to.0));
    // A flow KPI reads the deals closed in each bucket (and in the periods growth compares it
    // with): counted in one sweep too.
    let periods: Vec<Period> = buckets.iter().flat_map(|(_, p)| won_periods(def.id, *p)).collect();
    debug_assert_eq!(periods, won_periods_of_trend(def.id, ctx.period(), grain));
    won_figures::sweep(ctx, &periods);
    // Lifetime value from the deals reads what was won up to each bucket's last day.
    if matches!(def.id, KpiId::Clv | KpiId::ClvCacRatio)
        && ctx.ws.table(crate::ingest::DatasetKind::Customers).is_none()
    {
        lifetime::sweep(ctx, &buckets.iter().map(|(_, p)| p.to.0).collect::<Vec<_>>());
    }
    // The weighted pipeline is read on every bucket's last day too: weighed in one pass.
    if def.id == KpiId::WeightedPipeline {
        forecast::sweep_weighted(ctx, &buckets.iter().map(|(_, p)| p.to.0).collect::<Vec<_>>());
    }
    buckets
        .into_iter()
        .map(|(label, period)| TrendPoint { label, period, value: (def.compute)(&ctx.over(period)).number() })
        .collect()
}

/// The periods whose closed deals the KPI `id` reads for its trend of `grain` over `p`.
pub(super) fn won_periods_of_trend(id: KpiId, p: Period, grain: Grain) -> Vec<Period> {
    buckets(p, grain).into_iter().flat_map(|(_, b)| won_periods(id, b)).collect()
}

/// The periods whose closed deals ([`won_figures::WonFigures`]) the KPI `id` reads when
/// computed over `p`; none for a KPI that reads no such figure.
pub(super) fn won_periods(id: KpiId, p: Period) -> Vec<Period> {
    match id {
        KpiId::Revenue | KpiId::DealsWon | KpiId::WinRate | KpiId::SalesVelocity | KpiId::RevenueMix => vec![p],
        KpiId::RevenueGrowth => vec![p, p.previous()],
        KpiId::RevenueGrowthYoy => vec![p, p.year_earlier()],
        _ => Vec::new(),
    }
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

    #[test]
    fn figures_without_a_filter_are_kept_across_selections_until_the_rows_change() {
        use crate::filter::Filters;
        let demo = crate::demo::demo_deals(crate::demo::DEMO_SEED);
        let mut ws = Workspace::with_deals(demo.clone());
        let scope = ws.default_scope().expect("the demo has dates");
        let ids = [KpiId::Revenue, KpiId::PipelineValue, KpiId::Clv];
        let values = |ws: &Workspace, scope: &Scope| -> Vec<KpiResult> {
            ids.iter().map(|id| crate::kpi::compute(id.def(), ws, scope)).collect()
        };
        let first = values(&ws, &scope);
        let kept = |ws: &Workspace| {
            let ix = ws.deals.as_ref().and_then(|d| d.close_index()).expect("an index");
            (ix.unfiltered_memo().len(), ix.unfiltered_open().counted())
        };
        let (figures, tallies) = kept(&ws);
        assert!(figures > 0 && tallies > 0, "counted once, kept with the table");
        // Another selection without a filter reads them: nothing new is counted.
        assert_eq!(values(&ws, &scope), first);
        assert_eq!(kept(&ws), (figures, tallies));
        // A filter's figures stay with its selection.
        let owner = ws.deals.as_ref().and_then(|d| d.dim(crate::Dim::Owner)).map(|c| c.values[0].clone());
        let filtered =
            Scope { filters: Filters::none().with(crate::Dim::Owner, &owner.expect("owners")), ..scope.clone() };
        values(&ws, &filtered);
        assert_eq!(kept(&ws), (figures, tallies));
        // New stage rules drop them with the index: the figures are those of the new statuses.
        let mut rules = demo.stage_rules.clone();
        let first_open = rules.open_order[0];
        rules.status_of[first_open as usize] = crate::stage::Status::Won;
        rules.open_order.retain(|&c| c != first_open);
        if let Some(d) = ws.deals.as_mut() {
            d.apply_stage_rules(rules.clone());
        }
        let mut fresh = demo;
        fresh.apply_stage_rules(rules);
        let after = values(&ws, &scope);
        assert_eq!(after, values(&Workspace::with_deals(fresh), &scope));
        assert_ne!(after, first, "the new rules change the figures");
    }

    /// A deals file of `rows`: (stage, created day, close day, amount, owner, deal type,
    /// currency, account), days counted from 2023-01-01.
    fn deals_csv(rows: &[(u8, Option<u16>, Option<u16>, Option<u32>, u8, u8, u8, u8)]) -> String {
        use crate::day::Day;
        let stages = ["Closed Won", "Closed Lost", "Prospecting", "Proposal", ""];
        let types = ["New Business", "Upsell", "Renewal", "Other", ""];
        let start = Day::from_ymd(2023, 1, 1).map_or(0, |d| d.0);
        let day = |n: Option<u16>| n.map_or(String::new(), |n| Day(start + i32::from(n)).to_string());
        let mut text = String::from("deal_id,amount,currency,stage,created_date,close_date,owner,deal_type,account\n");
        for (i, &(stage, created, close, amount, owner, kind, cur, account)) in rows.iter().enumerate() {
            let amount = amount.map_or(String::new(), |a| format!("{}.{:02}", a / 100, a % 100));
            text.push_str(&format!(
                "D{i},{amount},{},{},{},{},{},{},{}\n",
                ["EUR", "USD"][cur as usize % 2],
                stages[stage as usize % stages.len()],
                day(created),
                day(close),
                ["Ann", "Bo", "Cy"][owner as usize % 3],
                types[kind as usize % types.len()],
                ["Acme", "Bolt", "Cogs", "Dyno", ""][account as usize % 5],
            ));
        }
        text
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]
        /// A trend whose buckets are counted in one sweep, over a selection shared with other
        /// trends, gives each bucket the value the KPI has over that bucket alone.
        #[test]
        fn a_swept_trend_agrees_with_the_kpi_per_bucket(
            rows in proptest::collection::vec(
                (0u8..5, proptest::option::of(0u16..900), proptest::option::of(0u16..900), proptest::option::of(0u32..500_000), 0u8..3, 0u8..5, 0u8..2, 0u8..5),
                1..120,
            ),
            owner in proptest::option::of(0usize..3),
            by_currency in proptest::bool::ANY,
            grain in 0usize..3,
        ) {
            use crate::filter::Filters;
            use crate::ingest::read_deals;
            let Ok(read) = read_deals("t.csv", deals_csv(&rows).as_bytes()) else { return Ok(()) };
            let ws = Workspace::with_deals(read.table);
            // The figures each bucket is held to are computed over a second reading of the
            // file: without a filter, figures are kept with the table's index across
            // selections, and the sweep's must not be read back as their own reference.
            let Ok(again) = read_deals("t.csv", deals_csv(&rows).as_bytes()) else { return Ok(()) };
            let fresh = Workspace::with_deals(again.table);
            let Some(mut scope) = ws.default_scope() else { return Ok(()) };
            if let Some(o) = owner {
                scope.filters = Filters::none().with(crate::Dim::Owner, ["Ann", "Bo", "Cy"][o]);
            }
            if !by_currency {
                scope.currency = None;
            }
            let grain = [Grain::Week, Grain::Month, Grain::Quarter][grain];
            let sel = Selection::new(&ws, &scope.filters);
            let ctx = Ctx { ws: &ws, scope: scope.clone(), sel: &sel };
            for id in [
                KpiId::Revenue, KpiId::DealsWon, KpiId::WinRate, KpiId::SalesVelocity, KpiId::RevenueMix,
                KpiId::RevenueGrowth, KpiId::RevenueGrowthYoy, KpiId::AvgDealSize, KpiId::PipelineValue,
                KpiId::Clv, KpiId::ClvCacRatio, KpiId::WeightedPipeline, KpiId::ForecastCommit, KpiId::ForecastBestCase,
                KpiId::DealSizeOutliers, KpiId::FunnelConversion,
            ] {
                let def = id.def();
                let swept = trend_in(def, &ctx, grain);
                let alone: Vec<Option<f64>> = swept
                    .iter()
                    .map(|p| crate::kpi::compute(def, &fresh, &scope.over(p.period)).number())
                    .collect();
                let got: Vec<Option<f64>> = swept.iter().map(|p| p.value).collect();
                proptest::prop_assert_eq!(got, alone, "{:?}", id);
            }
            // A trend per segment over one selection per segment, swept with the period.
            for id in [KpiId::Revenue, KpiId::RevenueGrowth, KpiId::WinRate] {
                let def = id.def();
                let both = crate::kpi::segments_and_trends(def, &ws, &scope, crate::Dim::DealType, grain);
                let rows = crate::kpi::segments(def, &ws, &scope, crate::Dim::DealType);
                proptest::prop_assert_eq!(both.iter().map(|(r, _)| r.clone()).collect::<Vec<_>>(), rows);
                for (row, points) in &both {
                    let s = Scope { filters: scope.filters.with(crate::Dim::DealType, &row.segment), ..scope.clone() };
                    proptest::prop_assert_eq!(points, &trend(def, &fresh, &s, grain), "{:?} {}", id, row.segment);
                }
            }
            // Sales velocity multiplies the means alone: the same values the full KPIs give.
            for (label, period) in buckets(scope.period, grain) {
                let at = ctx.over(period);
                let size = (super::super::deals::mean_deal_size(&at).value, (KpiId::AvgDealSize.def().compute)(&at).value);
                proptest::prop_assert_eq!(size.0, size.1, "deal size {}", label);
                let cycle = (super::super::deals::mean_sales_cycle(&at).value, (KpiId::SalesCycleDays.def().compute)(&at).value);
                proptest::prop_assert_eq!(cycle.0, cycle.1, "cycle {}", label);
            }
        }
    }
}
