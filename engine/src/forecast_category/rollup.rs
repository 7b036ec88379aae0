//! The cumulative forecast roll-ups: `forecast_commit` (Closed + Commit) and
//! `forecast_best_case` (Closed + Commit + Best case).

use super::category::ForecastCategory;
use crate::close_index::in_table_order;
use crate::deals_table::{Amount, DealsTable};
use crate::filter::{keeps, Mask};
use crate::row_scan::count_open_undated;
use crate::stage::Status;
use crate::workspace::Scope;

/// The forecast of a period by category.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ForecastRollup {
    /// Revenue won in the period (the Closed part).
    pub won: f64,
    /// Σ amount of open deals in Commit closing in the period.
    pub commit_open: f64,
    /// Σ amount of open deals in Best case closing in the period.
    pub best_case_open: f64,
    /// Σ amount of open deals in Pipeline closing in the period (shown beside, not rolled up).
    pub pipeline_open: f64,
    /// Open deals with no expected close date (left out: no period to fall in).
    pub no_close: usize,
    /// Open or won deals with no amount, or with no category (left out).
    pub no_amount: usize,
    /// Deals with no category (stage not mapped, no column value), left out.
    pub no_category: usize,
    /// Deals in another currency (left out).
    pub other_currency: usize,
}

impl ForecastRollup {
    /// `forecast_commit`: revenue won in P + open Commit deals closing in P.
    pub fn commit(&self) -> f64 {
        self.won + self.commit_open
    }

    /// `forecast_best_case`: `forecast_commit` + open Best case deals closing in P.
    pub fn best_case(&self) -> f64 {
        self.commit() + self.best_case_open
    }
}

/// The roll-up over the scope's period for the deals `mask` keeps; `category(i)` is deal
/// `i`'s category ([`super::DealCategories::of`], or [`super::deal_categories`]' entry). An
/// open deal in category Closed counts as Commit (the roll-up is cumulative); Omitted deals
/// count nowhere.
///
/// Only the deals closed in the period and the open ones without a close date can count: when
/// the period holds few deals (a month of a trend) those closed in it are looked up in the
/// close-date index and summed in table order, as a walk over every deal sums them, and the
/// others counted from the status bits.
pub fn forecast_rollup(
    d: &DealsTable,
    mask: &Mask,
    scope: &Scope,
    category: impl Fn(usize) -> Option<ForecastCategory>,
) -> ForecastRollup {
    rollup(d, mask, scope, &category, true)
}

/// [`forecast_rollup`], walking every deal unless `indexed` (what the tests hold the index to).
pub(super) fn rollup(
    d: &DealsTable,
    mask: &Mask,
    scope: &Scope,
    category: &dyn Fn(usize) -> Option<ForecastCategory>,
    indexed: bool,
) -> ForecastRollup {
    let mut r = ForecastRollup::default();
    let add = |i: usize| add_deal(&mut r, d, i, scope, category);
    match d.close_index().filter(|_| indexed).map(|ix| ix.closed_in(scope.period)) {
        Some(run) if run.len() * 4 <= d.len() => {
            let kept: Vec<u32> = run.iter().copied().filter(|&i| keeps(mask, i as usize)).collect();
            in_table_order(d.len(), kept).into_iter().for_each(add);
            r.no_close = count_open_undated(d, mask);
        }
        _ => (0..d.len()).filter(|&i| keeps(mask, i)).for_each(add),
    }
    r
}

/// Adds deal `i` (one the mask keeps) to the roll-up `r` of the scope's period.
fn add_deal(
    r: &mut ForecastRollup,
    d: &DealsTable,
    i: usize,
    scope: &Scope,
    category: &dyn Fn(usize) -> Option<ForecastCategory>,
) {
    let status = d.status.get(i).copied().unwrap_or(Status::Unknown);
    let close = d.close.get(i);
    let in_p = close.is_some_and(|c| scope.period.contains(c));
    let won = status == Status::Won && in_p;
    if !(won || status == Status::Open) {
        return;
    }
    if status == Status::Open && close.is_none() {
        r.no_close += 1;
        return;
    }
    if !in_p {
        return;
    }
    let amount = match d.amount_in(i, scope.currency) {
        Amount::Value(a) => a,
        Amount::Missing => {
            r.no_amount += 1;
            return;
        }
        Amount::OtherCurrency => {
            r.other_currency += 1;
            return;
        }
    };
    if won {
        r.won += amount;
        return;
    }
    match category(i) {
        Some(ForecastCategory::Commit | ForecastCategory::Closed) => r.commit_open += amount,
        Some(ForecastCategory::BestCase) => r.best_case_open += amount,
        Some(ForecastCategory::Pipeline) => r.pipeline_open += amount,
        Some(ForecastCategory::Omitted) => {}
        None => r.no_category += 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::change::fixture::{day, deals, Row};
    use crate::forecast_category::{deal_categories, CategoryMap};
    use crate::period::Period;

    #[test]
    fn rolls_up_cumulatively_over_the_period() {
        let (c, q) = (Some("2024-01-01"), Some("2024-02-15"));
        let rows: Vec<Row> = vec![
            ("won", "Closed Won", Some(1000.0), c, q, None),
            ("won_before", "Closed Won", Some(5000.0), c, Some("2023-12-15"), None),
            ("lost", "Closed Lost", Some(700.0), c, q, None),
            ("commit", "Negotiation", Some(400.0), c, q, None),
            ("best", "Proposal", Some(300.0), c, q, None),
            ("pipe", "Prospecting", Some(200.0), c, q, None),
            ("later", "Negotiation", Some(800.0), c, Some("2024-06-01"), None),
            ("undated", "Negotiation", Some(800.0), c, None, None),
        ];
        let d = deals(&rows, &["Prospecting", "Proposal", "Negotiation"]);
        let cats = deal_categories(&d, None, &CategoryMap::defaults(&d));
        let scope = Scope::new(Period::new(day("2024-01-01"), day("2024-03-31")).unwrap());
        let r = forecast_rollup(&d, &None, &scope, |i| cats[i]);
        assert_eq!((r.won, r.commit_open, r.best_case_open, r.pipeline_open), (1000.0, 400.0, 300.0, 200.0));
        assert_eq!((r.commit(), r.best_case()), (1400.0, 1700.0));
        assert_eq!(r.no_close, 1);
        let mut promoted = cats.clone();
        promoted[5] = Some(ForecastCategory::Closed);
        assert_eq!(forecast_rollup(&d, &None, &scope, |i| promoted[i]).commit(), 1600.0);
    }
}
