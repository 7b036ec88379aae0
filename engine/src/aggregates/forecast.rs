//! Forecast against actual revenue per forecast period: the rows of `forecast_accuracy`'s
//! table, with their dates.

use super::with_ctx;
use crate::day::Day;
use crate::ingest::DatasetKind;
use crate::kpi::forecast_periods;
use crate::workspace::{Scope, Workspace};
use serde::Serialize;

/// One forecast period.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ForecastRow {
    /// The period as `forecast_accuracy`'s table labels it: `2024-01-01 – 2024-01-31`.
    pub period: String,
    /// Its first day.
    pub from: Day,
    /// Its last day.
    pub to: Day,
    /// Σ forecast for the period (rows passing the filters).
    pub forecast: f64,
    /// Revenue won in the period (deals passing the filters, in the scope's currency).
    pub actual: f64,
    /// max(0, 1 − |actual − forecast| / actual); `None` when the actual is 0, as in the KPI.
    pub accuracy: Option<f64>,
}

/// The forecast periods `forecast_accuracy` scores (those wholly inside the scope's period), in
/// order: the same rows as its table. Empty without deals, without forecasts or when no forecast
/// period lies inside the period.
///
/// ```
/// use pipelens_engine::{demo, aggregates};
/// let ws = demo::demo_workspace(demo::DEMO_SEED);
/// let rows = aggregates::forecast_vs_actual(&ws, &ws.default_scope().unwrap());
/// assert_eq!(rows.len(), 12);
/// assert_eq!(rows[0].period, "2025-11-01 – 2025-11-30");
/// ```
pub fn forecast_vs_actual(ws: &Workspace, scope: &Scope) -> Vec<ForecastRow> {
    if ws.deals.is_none() || ws.table(DatasetKind::Forecasts).is_none() {
        // No rows either way (`forecast_periods` says why): no rows to select.
        return Vec::new();
    }
    let periods = with_ctx(ws, scope, |ctx| forecast_periods(ctx).unwrap_or_default());
    periods
        .into_iter()
        .map(|p| ForecastRow {
            period: format!("{} – {}", p.from, p.to),
            from: p.from,
            to: p.to,
            forecast: p.forecast,
            actual: p.actual,
            accuracy: (p.actual > 0.0).then(|| (1.0 - (p.actual - p.forecast).abs() / p.actual).max(0.0)),
        })
        .collect()
}
