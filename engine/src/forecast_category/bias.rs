//! The `forecast_bias` KPI: the signed mean percentage error of the forecasts.

use crate::day::Day;

/// One forecast period: its dates, Σ forecast and the revenue actually won in it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ForecastPeriod {
    /// First day.
    pub from: Day,
    /// Last day.
    pub to: Day,
    /// Σ forecast (F).
    pub forecast: f64,
    /// Revenue won (A).
    pub actual: f64,
}

/// `forecast_bias` over forecast periods.
#[derive(Clone, Debug, PartialEq)]
pub struct ForecastBias {
    /// The KPI: mean of (A − F) / A as a fraction (0.1 = forecasts 10 % too low);
    /// `None` when no period had revenue.
    pub value: Option<f64>,
    /// Per period: (A − F) / A, `None` when A is 0 (undefined, left out).
    pub errors: Vec<Option<f64>>,
    /// Periods left out because nothing was won in them.
    pub no_revenue: usize,
}

/// `forecast_bias`: the mean over `periods` (those inside P, as `forecast_accuracy` takes
/// them) of (A − F) / A; positive means the forecasts were too low (under-forecast).
///
/// ```
/// use pipelens_engine::{Day, forecast_category::{forecast_bias, ForecastPeriod}};
/// let p = |forecast, actual| ForecastPeriod { from: Day(0), to: Day(30), forecast, actual };
/// assert_eq!(forecast_bias(&[p(80.0, 100.0), p(120.0, 100.0), p(90.0, 100.0)]).value, Some(0.1 / 3.0));
/// ```
pub fn forecast_bias(periods: &[ForecastPeriod]) -> ForecastBias {
    let errors: Vec<Option<f64>> = periods
        .iter()
        .map(|p| (p.actual > 0.0 && p.forecast.is_finite()).then(|| (p.actual - p.forecast) / p.actual))
        .collect();
    let defined: Vec<f64> = errors.iter().flatten().copied().collect();
    ForecastBias {
        value: crate::stats::mean(&defined),
        no_revenue: errors.iter().filter(|e| e.is_none()).count(),
        errors,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signed_mean_percentage_error() {
        let p = |forecast, actual| ForecastPeriod { from: Day(0), to: Day(30), forecast, actual };
        let cases: [(&[ForecastPeriod], Option<f64>, usize); 4] = [
            (&[], None, 0),
            (&[p(50.0, 100.0)], Some(0.5), 0),
            (&[p(150.0, 100.0), p(100.0, 0.0)], Some(-0.5), 1),
            (&[p(50.0, 100.0), p(150.0, 100.0)], Some(0.0), 0),
        ];
        for (periods, want, no_revenue) in cases {
            let b = forecast_bias(periods);
            assert_eq!((b.value, b.no_revenue), (want, no_revenue), "{periods:?}");
        }
    }
}
