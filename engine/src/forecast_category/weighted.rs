//! The `weighted_pipeline` KPI: Σ amount × probability over the open pipeline.

use super::probability::StageProbabilities;
use crate::column::Amount;
use crate::column::NO_DAY;
use crate::day_rank::DayRank;
use crate::deals_table::DealsTable;
use crate::filter::{keeps, Mask};
use crate::row_scan::for_each_open_within;
use crate::stage::Status;
use crate::workspace::Scope;

/// One stage of the weighted pipeline.
#[derive(Clone, Debug, PartialEq)]
pub struct WeightedStage {
    /// The stage name (`(no stage)` for open deals without one).
    pub stage: String,
    /// Open deals in it.
    pub count: usize,
    /// Σ amount.
    pub value: f64,
    /// Σ amount × probability.
    pub weighted: f64,
}

/// The weighted pipeline on the scope's as-of date.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WeightedPipeline {
    /// The KPI: Σ amount × probability.
    pub value: f64,
    /// Per stage, open stages in pipeline order, then the rest.
    pub stages: Vec<WeightedStage>,
    /// Deals weighted by the probability column.
    pub from_column: usize,
    /// Deals weighted by their stage's default.
    pub from_default: usize,
    /// Open deals with neither (left out).
    pub no_probability: usize,
    /// Open deals with no amount (left out).
    pub no_amount: usize,
    /// Open deals in another currency (left out).
    pub other_currency: usize,
    /// Deals open on a past as-of date and won or lost since: their probability on that day
    /// is not in the export (left out, unlike in `pipeline_value`).
    pub closed_since: usize,
}

/// `weighted_pipeline` over the deals of `pipeline_value` (open on the scope's as-of date,
/// passing `mask`, in the scope's currency). `probability` is the export's column already
/// read as fractions ([`super::probabilities`]), rows like the deals'; `None` when it has none.
pub fn weighted_pipeline(
    d: &DealsTable,
    mask: &Mask,
    scope: &Scope,
    probability: Option<&[Option<f64>]>,
    defaults: &StageProbabilities,
) -> WeightedPipeline {
    let mut on = weighted_pipeline_on(d, mask, scope.currency, &[scope.as_of().0], probability, defaults);
    on.pop().unwrap_or_default()
}

/// [`weighted_pipeline`] on each of `days` (ascending, distinct: a trend's bucket ends) in one
/// pass over the deals: each deal is weighed once and added to every day it is open on, in
/// table order, so each day's sums are the ones a pass for that day alone adds.
pub fn weighted_pipeline_on(
    d: &DealsTable,
    mask: &Mask,
    currency: Option<u32>,
    days: &[i32],
    probability: Option<&[Option<f64>]>,
    defaults: &StageProbabilities,
) -> Vec<WeightedPipeline> {
    let (Some(&first), Some(&last)) = (days.first(), days.last()) else { return Vec::new() };
    // Only open deals and deals closed after the first day count: the status bits give them 64
    // rows at a time, in table order, so the sums are a walk's.
    weigh(d, mask, currency, days, probability, defaults, |visit| for_each_open_within(d, mask, first, last, visit))
}

/// A stage's figures on one day.
#[derive(Clone, Copy, Debug, Default)]
struct Tally {
    count: usize,
    value: f64,
    weighted: f64,
}

/// The stages of a weighed day from its tallies (one per stage code, then one for deals without
/// a stage): the open stages in pipeline order, then the others that hold a deal.
fn stages_of(d: &DealsTable, by_code: &[Tally]) -> Vec<WeightedStage> {
    let no_stage = d.stage.values.len();
    let open = &d.stage_rules.open_order;
    let mut order: Vec<usize> = open.iter().map(|&c| c as usize).collect();
    order.extend((0..=no_stage).filter(|c| !open.contains(&(*c as u32))));
    order
        .into_iter()
        .filter_map(|c| {
            let t = by_code.get(c).filter(|t| t.count > 0 || open.contains(&(c as u32)))?;
            let stage = d.stage.value(c as u32).unwrap_or("(no stage)").to_owned();
            Some(WeightedStage { stage, count: t.count, value: t.value, weighted: t.weighted })
        })
        .collect()
}

/// [`weighted_pipeline_on`] over the deals `rows` visits, in table order: every open deal and
/// every deal closed after the first day must be among them (a walk over every deal is what the
/// tests hold the status bits to).
pub(super) fn weigh(
    d: &DealsTable,
    mask: &Mask,
    currency: Option<u32>,
    days: &[i32],
    probability: Option<&[Option<f64>]>,
    defaults: &StageProbabilities,
    rows: impl FnOnce(&mut dyn FnMut(usize)),
) -> Vec<WeightedPipeline> {
    let no_stage = d.stage.values.len();
    let mut outs = vec![WeightedPipeline::default(); days.len()];
    let mut tallies = vec![vec![Tally::default(); no_stage + 1]; days.len()];
    let default_of: Vec<Option<f64>> = d.stage.values.iter().map(|s| defaults.get(s)).collect();
    let rank = DayRank::new(days);
    let mut visit = |i: usize| {
        let created = d.created.days.get(i).copied().unwrap_or(NO_DAY);
        // The days the deal is open on: from its creation (every day without a created date).
        let from = rank.rank(created);
        match d.status.get(i) {
            Some(Status::Open) => {}
            Some(Status::Won | Status::Lost) if created != NO_DAY => {
                // Open on the days from its creation to before its close, and won or lost since.
                let to = d.close.days.get(i).map_or(0, |&c| rank.rank(c));
                if keeps(mask, i) {
                    outs.get_mut(from..to).into_iter().flatten().for_each(|o| o.closed_since += 1);
                }
                return;
            }
            _ => return,
        }
        let open_on = outs.get_mut(from..).unwrap_or_default();
        if open_on.is_empty() || !keeps(mask, i) {
            return;
        }
        let amount = match d.amount_in(i, currency) {
            Amount::Value(a) => a,
            Amount::Missing => return open_on.iter_mut().for_each(|o| o.no_amount += 1),
            Amount::OtherCurrency => return open_on.iter_mut().for_each(|o| o.other_currency += 1),
        };
        let code = d.stage.codes.get(i).copied();
        let default = code.and_then(|c| default_of.get(c as usize).copied().flatten());
        let (p, from_column) = match (probability.and_then(|c| c.get(i).copied().flatten()), default) {
            (Some(p), _) => (p, true),
            (None, Some(p)) => (p, false),
            (None, None) => return open_on.iter_mut().for_each(|o| o.no_probability += 1),
        };
        let slot = code.map_or(no_stage, |c| (c as usize).min(no_stage));
        for (o, t) in open_on.iter_mut().zip(tallies.get_mut(from..).unwrap_or_default()) {
            if from_column {
                o.from_column += 1;
            } else {
                o.from_default += 1;
            }
            if let Some(s) = t.get_mut(slot) {
                s.count += 1;
                s.value += amount;
                s.weighted += amount * p;
            }
            o.value += amount * p;
        }
    };
    rows(&mut visit);
    outs.into_iter().zip(tallies).map(|(o, t)| WeightedPipeline { stages: stages_of(d, &t), ..o }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::change::fixture::{day, deals, Row};
    use crate::period::Period;

    #[test]
    fn weighs_by_the_column_else_the_stage_default() {
        let rows: Vec<Row> = vec![
            ("A", "Proposal", Some(1000.0), Some("2024-01-01"), None, None),
            ("B", "Proposal", Some(500.0), Some("2024-01-01"), None, None),
            ("C", "Prospecting", Some(200.0), Some("2024-01-01"), None, None),
            ("D", "Prospecting", None, Some("2024-01-01"), None, None),
            ("E", "Closed Won", Some(900.0), Some("2024-01-01"), Some("2024-03-15"), None),
            ("F", "Prospecting", Some(100.0), Some("2024-04-01"), None, None),
            ("G", "Custom", Some(100.0), Some("2024-01-01"), None, None),
        ];
        let d = deals(&rows, &["Prospecting", "Proposal"]);
        let mut defaults = StageProbabilities::defaults(&d);
        defaults.0.remove("Custom");
        let scope = Scope::new(Period::new(day("2024-01-01"), day("2024-02-29")).unwrap());
        let column = [Some(0.9), None, None, None, None, None, None];
        let w = weighted_pipeline(&d, &None, &scope, Some(&column), &defaults);
        // Three open stages (Custom is one): defaults 1/4, 2/4, 3/4, and Custom's removed.
        // A: 1000 × 0.9 from the column; B: 500 × 0.5; C: 200 × 0.25; G has no probability.
        let want = 900.0 + 250.0 + 50.0;
        assert!((w.value - want).abs() < 1e-9, "{}", w.value);
        assert_eq!((w.from_column, w.from_default, w.no_probability, w.no_amount, w.closed_since), (1, 2, 1, 1, 1));
        let names: Vec<(&str, usize)> = w.stages.iter().map(|s| (s.stage.as_str(), s.count)).collect();
        assert_eq!(names, [("Prospecting", 1), ("Proposal", 2), ("Custom", 0)]);
        let only_a = weighted_pipeline(&d, &Some(vec![true]), &scope, Some(&column), &defaults);
        assert_eq!(only_a.value, 900.0);
    }
}
