//! KPIs of the weighted pipeline and the forecast categories (KPI_SPEC_PIPELINE_CHANGE.md):
//! `weighted_pipeline`, `forecast_commit`, `forecast_best_case` and `forecast_bias`.
//!
//! A deal's probability and category come from the export's `probability` and
//! `forecast_category` columns when the cell reads, else from its stage's default
//! ([`StageProbabilities::defaults`], [`CategoryMap::defaults`]), as on the Pipeline change page.

use super::deals::needs_deals;
use super::plans::forecast_periods;
use super::result::{num, KpiResult, KpiTable, Undefined};
use super::{Ctx, Direction, Explanation, Gap, Group, KpiDef, KpiId, Omission, Unit};
use crate::deals_table::DealsTable;
use crate::forecast_category::{
    forecast_bias as bias, forecast_rollup, weighted_pipeline as weighted, weighted_pipeline_on, CategoryMap,
    DealCategories, ForecastPeriod, ForecastRollup, StageProbabilities, WeightedPipeline,
};
use crate::ingest::DatasetKind;
use crate::memo::MemoKey;
use crate::sql::change_kpis as sql;
use std::sync::Arc;

/// The registry entry of `weighted_pipeline`.
pub(super) const WEIGHTED_PIPELINE: KpiDef = KpiDef {
    id: KpiId::WeightedPipeline,
    name: "Weighted pipeline",
    unit: Unit::Currency,
    direction: Direction::Up,
    group: Group::Deals,
    needs: "deals (probability, else stage defaults)",
    datasets: &[DatasetKind::Deals],
    compute: weighted_pipeline,
    sql: sql::weighted_pipeline,
    explanation: Explanation {
        what: "The open pipeline on the last day of the period with each deal counted at its chance of winning.",
        formula: "Σ amount × probability over the deals of pipeline_value that are still open (open on the period's last day, created by then). probability is the deal's own column (read as 0..1, or as 0..100 when any value is above 1), else its stage's default: with k open stages in pipeline order, stage i (1..k) gets i / (k + 1). Deals open on that day but won or lost since are left out (their probability on the day is not known), as are deals without an amount or in another currency. Undefined when no open deal has an amount.",
        why: "A pipeline of early-stage deals is worth less than the same amount in negotiation. Weighting by probability turns the pipeline into a rough expected value, a better basis for the forecast and for judging whether coverage is really enough.",
        watch: "The result is only as good as the probabilities: reps' own percentages are often optimistic, and stage defaults ignore everything but the stage. It is an expected value over many deals, not a promise for any one of them; with few large deals the real outcome will be far from it.",
    },
};

/// `weighted_pipeline`: Σ amount × probability over the open pipeline on the as-of date.
pub fn weighted_pipeline(ctx: &Ctx) -> KpiResult {
    let Some(w) = weighted_as_of(ctx) else { return needs_deals() };
    let scope = &ctx.scope;
    let weighed = w.from_column + w.from_default;
    let open = weighed + w.no_probability + w.no_amount + w.other_currency;
    let mut r = if open == 0 {
        KpiResult::undefined(Undefined::NoRows(Gap::NoOpenDeals(scope.as_of())))
    } else if open == w.no_amount + w.other_currency {
        KpiResult::undefined(Undefined::NoRows(Gap::NoOpenAmount { open, other_currency: w.other_currency > 0 }))
    } else {
        KpiResult::value(w.value)
    };
    for s in w.stages.iter().filter(|s| s.count > 0) {
        r = r.row("stage", s.stage.clone(), s.weighted);
    }
    r.left_out(w.no_amount, Omission::OpenNoAmount)
        .left_out(w.other_currency, Omission::OpenOtherCurrency)
        .left_out(w.no_probability, Omission::OpenNoProbability)
        .left_out(w.closed_since, Omission::OpenClosedSince)
}

/// The memo's name for the weighted pipeline of a day.
const WEIGHTED: &str = "weighted pipeline";

/// The memo key of the weighted pipeline on `day` in `ctx`'s currency over `d`.
fn weighted_key(ctx: &Ctx, d: &DealsTable, day: i32) -> MemoKey {
    MemoKey { what: WEIGHTED, from: day, to: day, currency: ctx.scope.currency, rows: d.len() }
}

/// The weighted pipeline on the scope's as-of date of the deals that pass the filters: kept
/// from a [`sweep_weighted`] or an earlier read, or weighed now. `None` without deals.
fn weighted_as_of(ctx: &Ctx) -> Option<Arc<WeightedPipeline>> {
    let (d, mask) = ctx.deals()?;
    Some(ctx.deals_memo().get_or(weighted_key(ctx, d, ctx.scope.as_of().0), || {
        weighted(d, mask, &ctx.scope, d.probability.as_deref(), &StageProbabilities::defaults(d))
    }))
}

/// Weighs the pipeline on every day of `days` (a trend's bucket ends) not kept yet in one pass
/// over the deals, and keeps each.
pub(super) fn sweep_weighted(ctx: &Ctx, days: &[i32]) {
    let Some((d, mask)) = ctx.deals() else { return };
    let mut todo: Vec<i32> =
        days.iter().copied().filter(|&day| !ctx.deals_memo().has(weighted_key(ctx, d, day))).collect();
    todo.sort_unstable();
    todo.dedup();
    if todo.len() < 2 {
        return;
    }
    let defaults = StageProbabilities::defaults(d);
    let weighed = weighted_pipeline_on(d, mask, ctx.scope.currency, &todo, d.probability.as_deref(), &defaults);
    for (&day, w) in todo.iter().zip(weighed) {
        ctx.deals_memo().get_or(weighted_key(ctx, d, day), || w);
    }
}

/// The roll-up of the period, each deal's category from its column or its stage's default.
fn rollup(ctx: &Ctx) -> Option<ForecastRollup> {
    let (d, mask) = ctx.deals()?;
    let categories = DealCategories::new(d, d.forecast_category.as_deref(), &CategoryMap::defaults(d));
    Some(forecast_rollup(d, mask, &ctx.scope, |i| categories.of(i)))
}

/// A roll-up figure with the rows the roll-up left out.
fn rolled(value: f64, r: &ForecastRollup) -> KpiResult {
    KpiResult::value(value)
        .left_out(r.no_close, Omission::OpenNoClose)
        .left_out(r.no_amount, Omission::ClosingNoAmount)
        .left_out(r.other_currency, Omission::ClosingOtherCurrency)
        .left_out(r.no_category, Omission::OpenNoCategory)
}

/// The registry entry of `forecast_commit`.
pub(super) const FORECAST_COMMIT: KpiDef = KpiDef {
    id: KpiId::ForecastCommit,
    name: "Commit forecast",
    unit: Unit::Currency,
    direction: Direction::Up,
    group: Group::Deals,
    needs: "deals (forecast_category, else stage defaults)",
    datasets: &[DatasetKind::Deals],
    compute: forecast_commit,
    sql: sql::forecast_commit,
    explanation: Explanation {
        what: "What the team can count on for the period: revenue already won plus the open deals committed to close in it.",
        formula: "Revenue won in the period + Σ amount of the open deals in category Commit (or Closed) whose expected close_date is in the period. A deal's category is its forecast_category column when that reads as Pipeline, Best case, Commit, Closed or Omitted, else its stage's default: won stages Closed, lost stages Omitted, open stages by their default probability (Commit from 75 %, Best case from 50 %, else Pipeline). Open deals without a close date, amount or category, and deals in another currency, are left out and counted.",
        why: "Commit is the number a sales leader puts their name to. Tracking it through the period shows whether the team is closing what it committed, and the gap to the quota is the work still to do.",
        watch: "A commit is a rep's judgement, and the categories are only as honest as the reps who set them. Without a forecast_category column the stage defaults decide, which treats every deal in a late stage as committed. Compare it with forecast_bias to see how reliable past commitments were.",
    },
};

/// `forecast_commit`: revenue won in P + open Commit deals closing in P.
pub fn forecast_commit(ctx: &Ctx) -> KpiResult {
    let Some(r) = rollup(ctx) else { return needs_deals() };
    rolled(r.commit(), &r).companion_in("won in the period", Some(Unit::Currency), Some(r.won))
}

/// The registry entry of `forecast_best_case`.
pub(super) const FORECAST_BEST_CASE: KpiDef = KpiDef {
    id: KpiId::ForecastBestCase,
    name: "Best-case forecast",
    unit: Unit::Currency,
    direction: Direction::Up,
    group: Group::Deals,
    needs: "deals (forecast_category, else stage defaults)",
    datasets: &[DatasetKind::Deals],
    compute: forecast_best_case,
    sql: sql::forecast_best_case,
    explanation: Explanation {
        what: "What the period could bring if the likely deals close too: the commit forecast plus the open deals in Best case.",
        formula: "forecast_commit + Σ amount of the open deals in category Best case whose expected close_date is in the period; categories as for forecast_commit. Open deals in Pipeline or Omitted do not count.",
        why: "The distance between commit and best case is the upside a team can still work on this period. A best case far above commit with little time left points at deals that need help now; a best case barely above commit means the period will be decided by the committed deals alone.",
        watch: "Best case is an upper bound, not a forecast: read it beside commit, never alone. Reps park hopeful deals here to avoid committing to them, so a growing best case with a flat commit deserves a question.",
    },
};

/// `forecast_best_case`: `forecast_commit` + open Best case deals closing in P.
pub fn forecast_best_case(ctx: &Ctx) -> KpiResult {
    let Some(r) = rollup(ctx) else { return needs_deals() };
    rolled(r.best_case(), &r).companion_in("commit", Some(Unit::Currency), Some(r.commit()))
}

/// The registry entry of `forecast_bias`.
pub(super) const FORECAST_BIAS: KpiDef = KpiDef {
    id: KpiId::ForecastBias,
    name: "Forecast bias",
    unit: Unit::Percent,
    direction: Direction::Neutral,
    group: Group::Deals,
    needs: "deals and forecasts",
    datasets: &[DatasetKind::Deals, DatasetKind::Forecasts],
    compute: forecast_bias,
    sql: sql::forecast_bias,
    explanation: Explanation {
        what: "Whether the forecasts were too low or too high on average, and by how much.",
        formula: "Over the forecast periods inside the period (as for forecast_accuracy; A = revenue won in the forecast period, F = Σ forecast): mean of (A − F) / A. Positive: forecasts were too low (under-forecast); negative: too high. Periods with A = 0 are left out and counted. Undefined when no forecast period inside the period had revenue.",
        why: "Accuracy says how far off the forecasts were; bias says which way. A team that always forecasts low sandbags, keeping targets easy; one that always forecasts high is hopeful. Both can be corrected once the direction is known.",
        watch: "Misses in both directions cancel out: a bias near 0 can hide large errors, so read it beside forecast_accuracy. One period with a small A gives a huge error that dominates the mean.",
    },
};

/// `forecast_bias`: mean (A − F) / A over the forecast periods inside the period.
pub fn forecast_bias(ctx: &Ctx) -> KpiResult {
    let periods = match forecast_periods(ctx) {
        Ok(periods) => periods,
        Err(needs) => return *needs,
    };
    let as_bias: Vec<ForecastPeriod> = periods
        .iter()
        .map(|p| ForecastPeriod { from: p.from, to: p.to, forecast: p.forecast, actual: p.actual })
        .collect();
    let b = bias(&as_bias);
    let p = ctx.period();
    let r = KpiResult::from_option(b.value, || {
        Undefined::NoRows(if periods.is_empty() { Gap::NoForecastPeriod(p) } else { Gap::NoForecastRevenue(p) })
    });
    let mut table = KpiTable::new(
        "Forecast period",
        &[
            ("forecast", "Forecast", Some(Unit::Currency)),
            ("actual", "Actual", Some(Unit::Currency)),
            ("bias", "Signed error", Some(Unit::Percent)),
        ],
    );
    for (fp, e) in as_bias.iter().zip(&b.errors) {
        table.push(format!("{} – {}", fp.from, fp.to), vec![num(Some(fp.forecast)), num(Some(fp.actual)), num(*e)]);
    }
    r.with_table(table).left_out(b.no_revenue, Omission::ForecastNoRevenue)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::change::fixture::{day, deals, Row};
    use crate::kpi::compute;
    use crate::{Period, Scope, Workspace};

    fn ws() -> Workspace {
        let rows: Vec<Row> = vec![
            ("D1", "Qualification", Some(100.0), Some("2024-01-02"), Some("2024-03-10"), Some("Ann")),
            ("D2", "Negotiation", Some(200.0), Some("2024-01-03"), Some("2024-03-20"), Some("Bo")),
            ("D3", "Won", Some(50.0), Some("2024-01-04"), Some("2024-02-25"), Some("Bo")),
            ("D4", "Proposal", Some(80.0), Some("2024-01-05"), Some("2024-03-05"), Some("Ann")),
            ("D5", "Discovery", Some(10.0), Some("2024-01-05"), Some("2024-03-05"), Some("Ann")),
            ("D6", "Proposal", None, Some("2024-01-05"), None, Some("Ann")),
        ];
        Workspace::with_deals(deals(&rows, &["Discovery", "Qualification", "Proposal", "Negotiation"]))
    }

    fn q1() -> Scope {
        Scope::new(Period::new(day("2024-01-01"), day("2024-03-31")).unwrap())
    }

    #[test]
    fn weighted_pipeline_weighs_each_open_deal_by_its_stage_default() {
        let ws = ws();
        let r = compute(KpiId::WeightedPipeline.def(), &ws, &q1());
        // Four open stages: 20, 40, 60, 80 %. D1 100 × 0.4 + D2 200 × 0.8 + D4 80 × 0.6 + D5 10 × 0.2.
        let want = 40.0 + 160.0 + 48.0 + 2.0;
        assert!((r.number().unwrap() - want).abs() < 1e-9, "{r:?}");
        assert_eq!(r.left_out[0].count, 1, "D6 has no amount");
        assert_eq!(r.breakdown.len(), 4);
        let ann = Scope { filters: crate::filters::Filters::none().with(crate::Dim::Owner, "Ann"), ..q1() };
        let r = compute(KpiId::WeightedPipeline.def(), &ws, &ann);
        assert!((r.number().unwrap() - 90.0).abs() < 1e-9);
        let before = Scope::new(Period::new(day("2023-01-01"), day("2023-12-31")).unwrap());
        let r = compute(KpiId::WeightedPipeline.def(), &ws, &before);
        assert!(matches!(r.value, Err(Undefined::NoRows(Gap::NoOpenDeals(_)))), "{r:?}");
    }

    #[test]
    fn commit_and_best_case_roll_up_cumulatively() {
        let ws = ws();
        // Pipeline, Pipeline, Best case, Commit: won 50, Commit D2 200, Best case D4 80.
        let commit = compute(KpiId::ForecastCommit.def(), &ws, &q1());
        assert_eq!(commit.value, Ok(250.0));
        assert_eq!(commit.companions[0].value, 50.0);
        assert_eq!(commit.left_out[0].count, 1, "D6 has no expected close date");
        let best = compute(KpiId::ForecastBestCase.def(), &ws, &q1());
        assert_eq!(best.value, Ok(330.0));
        let feb = Scope::new(Period::new(day("2024-02-01"), day("2024-02-29")).unwrap());
        assert_eq!(compute(KpiId::ForecastBestCase.def(), &ws, &feb).value, Ok(50.0), "only the won deal");
        assert!(compute(KpiId::ForecastCommit.def(), &Workspace::default(), &q1()).value.is_err());
    }

    #[test]
    fn the_demo_bias_is_the_mean_signed_error_of_its_forecast_periods() {
        let ws = crate::demo::demo_workspace(crate::demo::DEMO_SEED);
        let scope = ws.default_scope().unwrap();
        let summary = crate::forecast_category::ForecastSummary::of_workspace(&ws, &scope).unwrap();
        let r = compute(KpiId::ForecastBias.def(), &ws, &scope);
        assert_eq!(r.number(), summary.forecast_bias);
        assert!(r.number().is_some());
        let mut no_forecasts = ws.clone();
        no_forecasts.remove(DatasetKind::Forecasts);
        let r = compute(KpiId::ForecastBias.def(), &no_forecasts, &scope);
        assert!(matches!(r.value, Err(Undefined::NeedsData { .. })), "{r:?}");
        // The commit forecast equals the page's.
        let commit = compute(KpiId::ForecastCommit.def(), &ws, &scope).number();
        assert_eq!(commit, Some(summary.commit));
        let weighted = compute(KpiId::WeightedPipeline.def(), &ws, &scope).number();
        assert_eq!(weighted, Some(summary.weighted_pipeline));
    }
}
