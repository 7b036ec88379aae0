//! The cumulative forecast roll-ups: `forecast_commit` (Closed + Commit) and
//! `forecast_best_case` (Closed + Commit + Best case).

use super::category::ForecastCategory;
use crate::column::Amount;
use crate::deals_table::DealsTable;
use crate::filter::Mask;
use crate::row_scan::{count_open_undated, for_each_closed_in};
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
/// Only the deals whose close date is in the period count toward the sums: they are looked up
/// in the close-date index when the period holds few of them (a month of a trend) and summed in
/// table order, as a walk over every deal sums them; the open deals without a close date are
/// counted from the status bits.
pub fn forecast_rollup(
    d: &DealsTable,
    mask: &Mask,
    scope: &Scope,
    category: impl Fn(usize) -> Option<ForecastCategory>,
) -> ForecastRollup {
    let category: &dyn Fn(usize) -> Option<ForecastCategory> = &category;
    let mut r = ForecastRollup { no_close: count_open_undated(d, mask), ..ForecastRollup::default() };
    for_each_closed_in(d, mask, scope.period, &mut |i| add_deal(&mut r, d, i, scope, category));
    r
}

/// Adds deal `i` (one the mask keeps) to the sums of the roll-up `r` of the scope's period: won
/// in it, or open and expected to close in it (an open deal without a close date is in no
/// period, and counted apart).
pub(super) fn add_deal(
    r: &mut ForecastRollup,
    d: &DealsTable,
    i: usize,
    scope: &Scope,
    category: &dyn Fn(usize) -> Option<ForecastCategory>,
) {
    let status = d.status.get(i).copied().unwrap_or(Status::Unknown);
    let in_p = d.close.get(i).is_some_and(|c| scope.period.contains(c));
    if !in_p || !matches!(status, Status::Won | Status::Open) {
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
    if status == Status::Won {
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
