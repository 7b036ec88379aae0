//! The demo company's marketing and sales spend, month by month.
//!
//! The company budgets acquisition by payback: each month it spends about
//! [`PAYBACK_MONTHS`] months of the new MRR it is winning (the trend line through the new
//! MRR of its months, so the budget grows smoothly with the business), give or take a few
//! per cent. 45 % goes to marketing, split over the lead sources (inbound campaigns and events
//! take most), and the rest to the sales team.

use super::customers::Customer;
use super::{Rng, SOURCES};
use crate::column::{AmountColumn, DateColumn, DictColumn};
use crate::day::Day;
use crate::ingest::DatasetKind;
use crate::table::{Column, Table};

/// Months of new MRR spent on acquiring it.
const PAYBACK_MONTHS: f64 = 18.5;
/// Share of the budget that goes to marketing.
const MARKETING_SHARE: f64 = 0.45;
/// Share of the marketing budget per lead source (indexed like the sources).
const CHANNEL_SHARE: [f64; 5] = [0.40, 0.15, 0.08, 0.12, 0.25];
/// The channel of the sales budget.
const SALES_CHANNEL: &str = "Sales team";
/// The first months, while the first deals are still being worked, leave the trend out.
const RAMP_MONTHS: usize = 2;

/// The spend table (`date, amount, category, channel`) for every month from `start` to `end`:
/// one row per marketing channel and one for sales.
pub(super) fn table(rng: &mut Rng, customers: &[Customer], start: Day, end: Day) -> Table {
    let months = month_starts(start, end);
    let trend = new_mrr_trend(customers, &months);
    let (mut date, mut amount) = (DateColumn::default(), AmountColumn::default());
    let (mut category, mut channel) = (DictColumn::default(), DictColumn::default());
    let mut push = |month: Day, value: f64, cat: &str, chan: &str| {
        date.push(Some(month));
        amount.push(Some((value / 10.0).round() * 10.0));
        category.push(Some(cat));
        channel.push(Some(chan));
    };
    for (m, &month) in months.iter().enumerate() {
        let budget = PAYBACK_MONTHS * trend(m as f64) * (1.0 + 0.05 * rng.normal());
        let marketing = budget * MARKETING_SHARE;
        for (source, share) in SOURCES.iter().zip(CHANNEL_SHARE) {
            push(month, marketing * share * (1.0 + 0.08 * rng.normal()), "marketing", source.0);
        }
        push(month, budget - marketing, "sales", SALES_CHANNEL);
    }
    let len = months.len() * (SOURCES.len() + 1);
    Table {
        kind: DatasetKind::Spend,
        len,
        columns: vec![
            ("date", Column::Date(date)),
            ("amount", Column::Number(amount)),
            ("category", Column::Category(category)),
            ("channel", Column::Category(channel)),
        ],
    }
}

/// The first day of every month from `start`'s to `end`'s.
pub(super) fn month_starts(start: Day, end: Day) -> Vec<Day> {
    let mut out = vec![start.month_start()];
    while let Some(&last) = out.last() {
        let Some(next) = last.add_months(1) else { break };
        if next > end {
            break;
        }
        out.push(next);
    }
    out
}

/// The least-squares line through the new MRR won per month (after the ramp-up), as a
/// function of the month index; never below a quarter of the mean.
fn new_mrr_trend(customers: &[Customer], months: &[Day]) -> impl Fn(f64) -> f64 {
    let mut new_mrr = vec![0.0; months.len()];
    for c in customers {
        if let Some(m) = months.iter().rposition(|&s| s <= c.start) {
            new_mrr[m] += c.mrr;
        }
    }
    let points: Vec<(f64, f64)> = new_mrr.iter().enumerate().skip(RAMP_MONTHS).map(|(m, &v)| (m as f64, v)).collect();
    let n = points.len().max(1) as f64;
    let (mx, my) = (points.iter().map(|p| p.0).sum::<f64>() / n, points.iter().map(|p| p.1).sum::<f64>() / n);
    let sxx: f64 = points.iter().map(|p| (p.0 - mx) * (p.0 - mx)).sum();
    let sxy: f64 = points.iter().map(|p| (p.0 - mx) * (p.1 - my)).sum();
    let slope = if sxx > 0.0 { sxy / sxx } else { 0.0 };
    move |m| (my + slope * (m - mx)).max(0.25 * my)
}
