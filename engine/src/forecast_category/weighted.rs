//! The `weighted_pipeline` KPI: Σ amount × probability over the open pipeline.

use super::probability::StageProbabilities;
use crate::column::NO_DAY;
use crate::deals_table::{Amount, DealsTable};
use crate::filter::{keeps, Mask};
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
#[derive(Clone, Debug, PartialEq)]
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
    let as_of = scope.as_of().0;
    let mut out = WeightedPipeline {
        value: 0.0,
        stages: Vec::new(),
        from_column: 0,
        from_default: 0,
        no_probability: 0,
        no_amount: 0,
        other_currency: 0,
        closed_since: 0,
    };
    let mut by_code: Vec<WeightedStage> = d
        .stage
        .values
        .iter()
        .chain(std::iter::once(&"(no stage)".to_owned()))
        .map(|s| WeightedStage { stage: s.clone(), count: 0, value: 0.0, weighted: 0.0 })
        .collect();
    let no_stage = d.stage.values.len();
    for i in 0..d.len() {
        let created = d.created.days.get(i).copied().unwrap_or(NO_DAY);
        match d.status.get(i) {
            Some(Status::Open) if created <= as_of => {}
            Some(Status::Won | Status::Lost)
                if created != NO_DAY && created <= as_of && d.close.days.get(i).is_some_and(|&c| c > as_of) =>
            {
                out.closed_since += usize::from(keeps(mask, i));
                continue;
            }
            _ => continue,
        }
        if !keeps(mask, i) {
            continue;
        }
        let amount = match d.amount_in(i, scope.currency) {
            Amount::Value(a) => a,
            Amount::Missing => {
                out.no_amount += 1;
                continue;
            }
            Amount::OtherCurrency => {
                out.other_currency += 1;
                continue;
            }
        };
        let stage = d.stage.get(i);
        let p = match (probability.and_then(|c| c.get(i).copied().flatten()), stage.and_then(|s| defaults.get(s))) {
            (Some(p), _) => {
                out.from_column += 1;
                p
            }
            (None, Some(p)) => {
                out.from_default += 1;
                p
            }
            (None, None) => {
                out.no_probability += 1;
                continue;
            }
        };
        let slot = d.stage.codes.get(i).map_or(no_stage, |&c| (c as usize).min(no_stage));
        if let Some(s) = by_code.get_mut(slot) {
            s.count += 1;
            s.value += amount;
            s.weighted += amount * p;
        }
        out.value += amount * p;
    }
    let mut order: Vec<usize> = d.stage_rules.open_order.iter().map(|&c| c as usize).collect();
    let rest: Vec<usize> = (0..=no_stage).filter(|c| !order.contains(c)).collect();
    order.extend(rest);
    out.stages = order
        .into_iter()
        .filter_map(|c| {
            by_code.get(c).filter(|s| s.count > 0 || d.stage_rules.open_order.contains(&(c as u32))).cloned()
        })
        .collect();
    out
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
