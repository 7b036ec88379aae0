//! The weighted pipeline and the forecast-category roll-ups of a workspace in plain numbers,
//! as the Pipeline change page and `pipelens-cli change` show them. A deal's probability and
//! category come from the export's `probability` and `forecast_category` columns when it has
//! them and the cell reads, else from the per-stage defaults (which the user will edit beside
//! the stage rules).

use super::bias::{forecast_bias, ForecastPeriod};
use super::category::{CategoryMap, DealCategories, ForecastCategory};
use super::probability::StageProbabilities;
use super::rollup::forecast_rollup;
use super::weighted::weighted_pipeline;
use crate::filter::Selection;
use crate::workspace::{Scope, Workspace};
use serde::Serialize;

/// One stage of the weighted pipeline, with its probability and forecast category.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct WeightedRow {
    /// The stage.
    pub stage: String,
    /// The probability deals in it are weighted by (the stage default).
    pub probability: Option<f64>,
    /// Its forecast category.
    pub category: Option<&'static str>,
    /// Open deals in it.
    pub count: usize,
    /// Σ amount.
    pub value: f64,
    /// Σ amount × probability.
    pub weighted: f64,
}

/// `weighted_pipeline`, `forecast_commit` and `forecast_best_case` over a scope.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ForecastSummary {
    /// `weighted_pipeline` on the scope's as-of date.
    pub weighted_pipeline: f64,
    /// Per stage.
    pub stages: Vec<WeightedRow>,
    /// Revenue won in the period (Closed).
    pub won: f64,
    /// `forecast_commit`: Closed + open Commit deals closing in the period.
    pub commit: f64,
    /// `forecast_best_case`: Commit + open Best case deals closing in the period.
    pub best_case: f64,
    /// Open Pipeline deals closing in the period (beside, not rolled up).
    pub pipeline_open: f64,
    /// Open deals with no expected close date (in no period).
    pub no_close: usize,
    /// `forecast_bias`: mean (A − F) / A over the forecast periods inside the period
    /// (positive: forecasts were too low); `None` without forecasts or revenue.
    pub forecast_bias: Option<f64>,
}

impl ForecastSummary {
    /// The summary of the workspace's deals over `scope` (its filters and currency), with each
    /// deal's probability and category from the export's columns, else the defaults of its
    /// stage; `None` without deals.
    pub fn of_workspace(ws: &Workspace, scope: &Scope) -> Option<ForecastSummary> {
        let d = ws.deals.as_ref()?;
        let mask = Selection::new(ws, &scope.filters).deals;
        let probabilities = StageProbabilities::defaults(d);
        let map = CategoryMap::defaults(d);
        let w = weighted_pipeline(d, &mask, scope, d.probability.as_deref(), &probabilities);
        let categories = DealCategories::new(d, d.forecast_category.as_deref(), &map);
        let r = forecast_rollup(d, &mask, scope, |i| categories.of(i));
        let label = |c: ForecastCategory| c.label();
        Some(ForecastSummary {
            weighted_pipeline: w.value,
            stages: w
                .stages
                .into_iter()
                .map(|s| WeightedRow {
                    probability: probabilities.get(&s.stage),
                    category: map.get(&s.stage).map(label),
                    stage: s.stage,
                    count: s.count,
                    value: s.value,
                    weighted: s.weighted,
                })
                .collect(),
            won: r.won,
            commit: r.commit(),
            best_case: r.best_case(),
            pipeline_open: r.pipeline_open,
            no_close: r.no_close,
            forecast_bias: forecast_bias(
                &crate::aggregates::forecast_vs_actual(ws, scope)
                    .into_iter()
                    .map(|p| ForecastPeriod { from: p.from, to: p.to, forecast: p.forecast, actual: p.actual })
                    .collect::<Vec<_>>(),
            )
            .value,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::change::fixture::{day, deals, Row};
    use crate::period::Period;

    #[test]
    fn the_demo_forecast_bias_is_the_mean_signed_error_of_its_forecast_periods() {
        let ws = crate::demo::demo_workspace(crate::demo::DEMO_SEED);
        let scope = ws.default_scope().unwrap();
        let rows = crate::aggregates::forecast_vs_actual(&ws, &scope);
        let errors: Vec<f64> =
            rows.iter().filter(|r| r.actual > 0.0).map(|r| (r.actual - r.forecast) / r.actual).collect();
        let want = errors.iter().sum::<f64>() / errors.len() as f64;
        let got = ForecastSummary::of_workspace(&ws, &scope).unwrap().forecast_bias.unwrap();
        assert!((got - want).abs() < 1e-12 && !errors.is_empty(), "{got} vs {want}");
    }

    #[test]
    fn defaults_weight_the_open_stages_and_roll_up_cumulatively() {
        let rows: Vec<Row> = vec![
            ("D1", "Qualification", Some(100.0), Some("2024-01-02"), Some("2024-03-10"), Some("Ann")),
            ("D2", "Negotiation", Some(200.0), Some("2024-01-03"), Some("2024-03-20"), Some("Bo")),
            ("D3", "Won", Some(50.0), Some("2024-01-04"), Some("2024-02-25"), Some("Bo")),
            ("D4", "Proposal", Some(80.0), Some("2024-01-05"), Some("2024-03-05"), Some("Ann")),
            ("D5", "Discovery", Some(10.0), Some("2024-01-05"), Some("2024-03-05"), Some("Ann")),
        ];
        let ws = Workspace::with_deals(deals(&rows, &["Discovery", "Qualification", "Proposal", "Negotiation"]));
        let scope = Scope::new(Period::new(day("2024-01-01"), day("2024-03-31")).unwrap());
        let s = ForecastSummary::of_workspace(&ws, &scope).unwrap();
        // Four open stages: Pipeline, Pipeline, Best case, Commit (CategoryMap::defaults).
        assert_eq!(s.won, 50.0);
        assert_eq!(s.commit, 250.0);
        assert_eq!(s.best_case, 330.0);
        assert_eq!(s.pipeline_open, 110.0);
        let expected: f64 = s.stages.iter().map(|r| r.value * r.probability.unwrap_or(0.0)).sum();
        assert!((s.weighted_pipeline - expected).abs() < 1e-9, "{s:?}");
        assert!(s.weighted_pipeline > 0.0 && s.weighted_pipeline < 390.0);
        let neg = s.stages.iter().find(|r| r.stage == "Negotiation").unwrap();
        assert_eq!((neg.category, neg.count, neg.value), (Some("Commit"), 1, 200.0));
        assert_eq!(s.forecast_bias, None, "no forecasts loaded");
        assert_eq!(ForecastSummary::of_workspace(&Workspace::default(), &scope), None);
    }

    #[test]
    fn the_exports_probability_and_category_columns_win_over_the_stage_defaults() {
        // Salesforce headers; D2's probability cell is empty and D4's category unreadable: their
        // stage defaults stand in.
        let csv = "Id,Amount,StageName,CreatedDate,CloseDate,Probability (%),ForecastCategoryName\n\
                   D1,100,Qualification,2024-01-02,2024-03-10,90%,Commit\n\
                   D2,200,Negotiation,2024-01-03,2024-03-20,,Best Case\n\
                   D3,50,Closed Won,2024-01-04,2024-02-25,100%,Closed\n\
                   D4,80,Proposal,2024-01-05,2024-03-05,10 %,sometime\n";
        let read = crate::ingest::read_file(crate::ingest::DatasetKind::Deals, "sf.csv", csv.as_bytes(), None).unwrap();
        let crate::ingest::Dataset::Deals(d) = read.data else { panic!("not deals") };
        assert_eq!(d.probability.as_deref(), Some(&[Some(0.9), None, Some(1.0), Some(0.1)][..]));
        use ForecastCategory::*;
        assert_eq!(d.forecast_category.as_deref(), Some(&[Some(Commit), Some(BestCase), Some(Closed), None][..]));
        let defaults = StageProbabilities::defaults(&d);
        let ws = Workspace::with_deals(d);
        let scope = Scope::new(Period::new(day("2024-01-01"), day("2024-03-31")).unwrap());
        let s = ForecastSummary::of_workspace(&ws, &scope).unwrap();
        let negotiation = defaults.get("Negotiation").unwrap();
        let want = 100.0 * 0.9 + 200.0 * negotiation + 80.0 * 0.1;
        assert!((s.weighted_pipeline - want).abs() < 1e-9, "{} vs {want}", s.weighted_pipeline);
        // Commit: won 50 + D1 (Commit by its column, though Qualification defaults to Pipeline).
        assert_eq!((s.won, s.commit), (50.0, 150.0));
        // Best case adds D2 (Best case by its column, though Negotiation defaults to Commit) and
        // D4 (Proposal's default, Best case, since its cell reads as no category).
        assert_eq!(s.best_case, 430.0);
    }
}
