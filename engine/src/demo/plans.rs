//! The demo company's plans: monthly quotas and forecasts per rep.
//!
//! Quotas are set per team and fiscal year (November to October), shared equally by the
//! team's reps and spread over the months with the seasons. Sales ops plans well: a year's
//! team quota is what the team then won, give or take a planning error of a few per cent
//! (seeded per team and year). The year after the data, for which the quotas also run (so
//! the pipeline can be set against next year's quota), asks for the last year's revenue plus
//! [`QUOTA_GROWTH`]. Because reps differ in skill while a team's quotas are equal, the
//! stronger reps of each team beat quota and the others miss it.
//!
//! Forecasts are each rep's call for each month of the data: what they then won, off by a
//! company-wide mood of the month (a little optimistic on average) and by their own error.

use super::facts::DealFact;
use super::spend::month_starts;
use super::{Rng, MONTH_FACTOR, REPS};
use crate::column::{AmountColumn, DateColumn, DictColumn};
use crate::day::Day;
use crate::ingest::DatasetKind;
use crate::table::{Column, Table};

/// The quota of the year after the data over the last year's revenue.
const QUOTA_GROWTH: f64 = 1.2;
/// The planning error of a team's yearly quota: log-normal bias and spread.
const PLANNING_ERROR: (f64, f64) = (0.02, 0.05);
/// Months the quotas run past the data.
const QUOTA_MONTHS_AHEAD: i32 = 12;
/// The company-wide forecast mood of a month: log-normal bias and spread.
const MOOD: (f64, f64) = (0.03, 0.17);
/// Spread (log-normal sigma) of a rep's own forecast error.
const REP_ERROR: f64 = 0.30;

/// Won revenue per rep (outer) and month of `months` (inner).
fn revenue_by_rep_month(facts: &[DealFact], months: &[Day]) -> Vec<Vec<f64>> {
    let mut rev = vec![vec![0.0; months.len()]; REPS.len()];
    for f in facts.iter().filter(|f| f.won()) {
        let Some(close) = f.close else { continue };
        if let Some(m) = months.iter().rposition(|&s| s <= close) {
            rev[f.rep][m] += f.amount;
        }
    }
    rev
}

/// How much of a year's revenue a calendar month (1–12) brings: the deals' seasonality a
/// month later, as deals take about a month to close.
fn revenue_weight(month: u32) -> f64 {
    MONTH_FACTOR[(month as usize + 10) % 12]
}

/// The quotas table (`owner, period_start, quota, period_end`): per rep and month from the
/// month of `start` to a year after `end`.
pub(super) fn quotas(rng: &mut Rng, facts: &[DealFact], start: Day, end: Day) -> Table {
    let data_months = month_starts(start, end);
    let rev = revenue_by_rep_month(facts, &data_months);
    let months = month_starts(start, end.add_months(QUOTA_MONTHS_AHEAD).unwrap_or(end));
    let years = months.len().div_ceil(12);
    let team_size = |t: usize| REPS.iter().filter(|r| r.team == t).count() as f64;
    // Team revenue per fiscal year of the data.
    let team_rev = |t: usize, y: usize| -> f64 {
        REPS.iter().zip(&rev).filter(|(r, _)| r.team == t).flat_map(|(_, m)| m.iter().skip(12 * y).take(12)).sum()
    };
    let data_years = data_months.len().div_ceil(12);
    let mut team_quota = |t: usize, y: usize| match y {
        y if y < data_years => team_rev(t, y) * libm::exp(PLANNING_ERROR.0 + PLANNING_ERROR.1 * rng.normal()),
        _ => team_rev(t, data_years - 1) * QUOTA_GROWTH,
    };
    let year_weight = |y: usize| months.iter().skip(12 * y).take(12).map(|d| revenue_weight(d.ymd().1)).sum::<f64>();
    let quotas: Vec<[f64; 3]> = (0..years).map(|y| [0, 1, 2].map(|t| team_quota(t, y) / team_size(t))).collect();
    let weights: Vec<f64> = (0..years).map(year_weight).collect();

    let (mut owner, mut period_start) = (DictColumn::default(), DateColumn::default());
    let (mut quota, mut period_end) = (AmountColumn::default(), DateColumn::default());
    for (m, &month) in months.iter().enumerate() {
        let y = m / 12;
        for rep in &REPS {
            let share = revenue_weight(month.ymd().1) / weights[y];
            owner.push(Some(rep.name));
            period_start.push(Some(month));
            quota.push(Some((quotas[y][rep.team] * share / 500.0).round() * 500.0));
            period_end.push(Some(month.month_end()));
        }
    }
    Table {
        kind: DatasetKind::Quotas,
        len: months.len() * REPS.len(),
        columns: vec![
            ("owner", Column::Category(owner)),
            ("period_start", Column::Date(period_start)),
            ("quota", Column::Number(quota)),
            ("period_end", Column::Date(period_end)),
        ],
    }
}

/// The forecasts table (`period_start, forecast, owner, period_end`): per rep and month of the
/// data.
pub(super) fn forecasts(rng: &mut Rng, facts: &[DealFact], start: Day, end: Day) -> Table {
    let months = month_starts(start, end);
    let rev = revenue_by_rep_month(facts, &months);
    let (mut period_start, mut forecast) = (DateColumn::default(), AmountColumn::default());
    let (mut owner, mut period_end) = (DictColumn::default(), DateColumn::default());
    for (m, &month) in months.iter().enumerate() {
        let mood = libm::exp(MOOD.0 + MOOD.1 * rng.normal());
        for (rep, r) in REPS.iter().zip(&rev) {
            let own = libm::exp(REP_ERROR * rng.normal());
            let call = forecast_base(r, m) * mood * own;
            period_start.push(Some(month));
            forecast.push(Some((call / 100.0).round() * 100.0));
            owner.push(Some(rep.name));
            period_end.push(Some(month.month_end()));
        }
    }
    Table {
        kind: DatasetKind::Forecasts,
        len: months.len() * REPS.len(),
        columns: vec![
            ("period_start", Column::Date(period_start)),
            ("forecast", Column::Number(forecast)),
            ("owner", Column::Category(owner)),
            ("period_end", Column::Date(period_end)),
        ],
    }
}

/// What a rep's forecast for month `m` is based on: the month's revenue, or, for a month
/// without a win, a quarter of their average month (nobody forecasts zero).
fn forecast_base(rep_revenue: &[f64], m: usize) -> f64 {
    match rep_revenue[m] {
        r if r > 0.0 => r,
        _ => 0.25 * rep_revenue.iter().sum::<f64>() / rep_revenue.len().max(1) as f64,
    }
}
