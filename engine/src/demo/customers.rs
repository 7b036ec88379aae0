//! The demo company's customers: every won "new" deal starts a subscription on its close date,
//! worth a twelfth of the deal amount a month. Subscriptions churn with a constant monthly
//! hazard per segment (Enterprise 1.1 %, Mid-Market 1.9 %, SMB 3.0 %), so the customer base
//! tilts towards Enterprise as it ages; a customer that has not churned by the last day of the
//! data is active (no end date).

use super::facts::{DealFact, NEW};
use super::{Rng, TEAMS};
use crate::column::{AmountColumn, DateColumn, DictColumn, TextColumn};
use crate::day::Day;
use crate::ingest::DatasetKind;
use crate::table::{Column, Table};

/// Monthly churn hazard per segment (indexed like the teams).
const MONTHLY_CHURN: [f64; 3] = [0.011, 0.019, 0.030];
/// Days in an average month.
const MONTH_DAYS: f64 = 30.44;
/// No customer leaves before its onboarding is over.
const MIN_LIFETIME_DAYS: f64 = 45.0;

/// One subscription of the demo company.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Customer {
    /// Row of the won "new" deal it came from.
    pub deal: usize,
    /// Segment: the team that sold it.
    pub team: usize,
    /// The deal's close date.
    pub start: Day,
    /// The churn date, when it lies within the data.
    pub end: Option<Day>,
    /// Monthly recurring revenue.
    pub mrr: f64,
}

/// The customers won from `facts`, ordered by start date; none ends after `last`.
pub(super) fn simulate(rng: &mut Rng, facts: &[DealFact], last: Day) -> Vec<Customer> {
    let mut out: Vec<Customer> = facts
        .iter()
        .filter(|f| f.kind == NEW && f.won())
        .filter_map(|f| {
            let start = f.close?;
            let end = churn_date(rng, start, f.team()).filter(|&e| e <= last);
            Some(Customer { deal: f.row, team: f.team(), start, end, mrr: mrr_of(f.amount) })
        })
        .collect();
    crate::sort::sort_by_key(&mut out, |c| (c.start, c.deal));
    out
}

/// A twelfth of the deal amount, in cents.
fn mrr_of(amount: f64) -> f64 {
    (amount / 12.0 * 100.0).round() / 100.0
}

/// When a customer of `team` that started on `start` churns: an exponential lifetime with the
/// segment's monthly hazard, at least the onboarding period.
pub(super) fn churn_date(rng: &mut Rng, start: Day, team: usize) -> Option<Day> {
    let months = -libm::log(1.0 - rng.unit()) / MONTHLY_CHURN[team];
    let days = (months * MONTH_DAYS).max(MIN_LIFETIME_DAYS);
    (days < 1e6).then(|| Day(start.0 + days.round() as i32))
}

/// The plan a customer of this MRR is on.
fn plan(mrr: f64) -> &'static str {
    match mrr {
        m if m < 400.0 => "Starter",
        m if m < 1_500.0 => "Growth",
        _ => "Scale",
    }
}

/// The customers table: `customer_id, start_date, end_date, mrr, plan, segment`.
pub(super) fn table(customers: &[Customer]) -> Table {
    let (mut id, mut start, mut end) = (TextColumn::default(), DateColumn::default(), DateColumn::default());
    let (mut mrr, mut plans, mut segment) = (AmountColumn::default(), DictColumn::default(), DictColumn::default());
    for (i, c) in customers.iter().enumerate() {
        id.push(&format!("C-{:05}", i + 1));
        start.push(Some(c.start));
        end.push(c.end);
        mrr.push(Some(c.mrr));
        plans.push(Some(plan(c.mrr)));
        segment.push(Some(TEAMS[c.team]));
    }
    Table {
        kind: DatasetKind::Customers,
        len: customers.len(),
        columns: vec![
            ("customer_id", Column::Id(id)),
            ("start_date", Column::Date(start)),
            ("end_date", Column::Date(end)),
            ("mrr", Column::Number(mrr)),
            ("plan", Column::Category(plans)),
            ("segment", Column::Category(segment)),
        ],
    }
}
