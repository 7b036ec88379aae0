//! Spells in a stage and the `time_in_stage` KPI.
//!
//! A spell runs from a deal's first change into a stage to its next change into another
//! stage; consecutive rows of one stage (an amount or close-date edit) are one spell. The
//! last spell of a deal has not ended: it is open and not counted in time in stage.

use super::quantile::quantile;
use super::table::StageHistory;
use crate::day::Day;
use crate::filter::{keeps, Mask};
use crate::period::Period;
use crate::stage::Status;

/// One stay of a deal in a stage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Spell {
    /// History deal index.
    pub deal: u32,
    /// Stage code.
    pub stage: u32,
    /// The change into the stage.
    pub from: Day,
    /// The change into the next stage; `None` while the deal is still in this stage.
    pub to: Option<Day>,
}

impl Spell {
    /// Days in the stage, for an ended spell.
    pub fn days(&self) -> Option<i32> {
        self.to.map(|t| self.from.days_until(t))
    }
}

/// Every spell of the history, per deal in date order.
pub fn spells(h: &StageHistory) -> Vec<Spell> {
    let mut out: Vec<Spell> = Vec::with_capacity(h.events.len());
    for events in h.by_deal() {
        let first = out.len();
        for e in events {
            let same = out.len() > first && out.last().is_some_and(|s| s.stage == e.stage);
            if !same {
                out.push(Spell { deal: e.deal, stage: e.stage, from: e.changed_at, to: None });
            }
        }
        // Each spell ends where the next one of the same deal starts.
        for i in first..out.len().saturating_sub(1) {
            let next = out[i + 1].from;
            out[i].to = Some(next);
        }
    }
    out
}

/// Time in one stage.
#[derive(Clone, Debug, PartialEq)]
pub struct StageTime {
    /// The stage name (the `data-stage` of its row).
    pub stage: String,
    /// Won, lost or open.
    pub status: Status,
    /// Ended spells counted.
    pub spells: usize,
    /// Median days (`data-median-days`), `None` with no ended spell.
    pub median_days: Option<f64>,
    /// 90th percentile of days (`data-p90-days`, method of [`quantile`]).
    pub p90_days: Option<f64>,
}

/// The `time_in_stage` KPI: per stage and the headline.
#[derive(Clone, Debug, PartialEq)]
pub struct TimeInStage {
    /// One row per stage that has spells: open stages in pipeline order, then the others.
    pub stages: Vec<StageTime>,
    /// The headline: Σ of the open stages' medians; `None` when no open stage has one.
    pub total_median_days: Option<f64>,
}

/// The ended spells of kept deals whose end (the change out of the stage) lies in `period`
/// (`None`: all), in days, per stage code.
pub(crate) fn durations(h: &StageHistory, all: &[Spell], keep: &Mask, period: Option<Period>) -> Vec<Vec<f64>> {
    let mut per_stage = vec![Vec::new(); h.stages.values.len()];
    for s in all {
        let (Some(to), Some(days)) = (s.to, s.days()) else { continue };
        if !keeps(keep, s.deal as usize) || period.is_some_and(|p| !p.contains(to)) {
            continue;
        }
        if let Some(v) = per_stage.get_mut(s.stage as usize) {
            v.push(f64::from(days));
        }
    }
    per_stage
}

/// Stage codes in display order: the open stages in pipeline order, then the rest by code.
pub(crate) fn display_order(h: &StageHistory) -> Vec<u32> {
    let mut order = h.stage_rules.open_order.clone();
    order.extend((0..h.stages.values.len() as u32).filter(|c| !h.stage_rules.open_order.contains(c)));
    order
}

/// `time_in_stage` over the deals `keep` selects (from [`StageHistory::deal_mask`]) and the
/// spells that ended in `period` (`None`: every ended spell).
pub fn time_in_stage(h: &StageHistory, keep: &Mask, period: Option<Period>) -> TimeInStage {
    let mut per_stage = durations(h, &spells(h), keep, period);
    let mut stages = Vec::new();
    let mut total: Option<f64> = None;
    for code in display_order(h) {
        let Some(days) = per_stage.get_mut(code as usize) else { continue };
        if days.is_empty() {
            continue;
        }
        let (median, p90) = (quantile(days, 0.5), quantile(days, 0.9));
        let status = h.stage_rules.status(code);
        if status == Status::Open {
            if let Some(m) = median {
                *total.get_or_insert(0.0) += m;
            }
        }
        stages.push(StageTime {
            stage: h.stage_name(code).to_owned(),
            status,
            spells: days.len(),
            median_days: median,
            p90_days: p90,
        });
    }
    TimeInStage { stages, total_median_days: total }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::change::fixture::day;
    use crate::history::table::HistoryBuilder;

    /// The shared fixture: (deal, stage, date).
    pub(crate) fn history(rows: &[(&str, &str, &str)]) -> StageHistory {
        let mut b = HistoryBuilder::default();
        for &(id, stage, at) in rows {
            b.push(id, Some(stage), Some(day(at)), None, None);
        }
        b.finish()
    }

    #[test]
    fn consecutive_rows_of_one_stage_are_one_spell_and_the_last_is_open() {
        let h = history(&[
            ("A", "Prospecting", "2024-01-01"),
            ("A", "Prospecting", "2024-01-05"),
            ("A", "Proposal", "2024-01-11"),
            ("A", "Prospecting", "2024-01-20"),
            ("B", "Proposal", "2024-01-02"),
        ]);
        let got: Vec<(&str, Option<i32>)> = spells(&h).iter().map(|s| (h.stage_name(s.stage), s.days())).collect();
        assert_eq!(got, [("Prospecting", Some(10)), ("Proposal", Some(9)), ("Prospecting", None), ("Proposal", None)]);
    }

    #[test]
    fn medians_and_p90_per_stage_and_the_headline() {
        // Prospecting spells: 10, 20, 30, 40 days; Proposal: 5; Won is terminal (open spell).
        let h = history(&[
            ("A", "Prospecting", "2024-01-01"),
            ("A", "Proposal", "2024-01-11"),
            ("A", "Closed Won", "2024-01-16"),
            ("B", "Prospecting", "2024-01-01"),
            ("B", "Closed Lost", "2024-01-21"),
            ("C", "Prospecting", "2024-01-01"),
            ("C", "Closed Lost", "2024-01-31"),
            ("D", "Prospecting", "2024-01-01"),
            ("D", "Closed Lost", "2024-02-10"),
            ("E", "Proposal", "2024-03-01"),
        ]);
        let t = time_in_stage(&h, &None, None);
        let rows: Vec<(&str, usize, Option<f64>, Option<f64>)> =
            t.stages.iter().map(|s| (s.stage.as_str(), s.spells, s.median_days, s.p90_days)).collect();
        assert_eq!(rows, [("Prospecting", 4, Some(25.0), Some(37.0)), ("Proposal", 1, Some(5.0), Some(5.0))]);
        assert_eq!(t.total_median_days, Some(30.0));
        // Only spells ending in January; only deals A and B.
        let jan = Period::new(day("2024-01-01"), day("2024-01-31"));
        let t = time_in_stage(&h, &None, jan);
        assert_eq!(t.stages[0].spells, 3);
        let t = time_in_stage(&h, &Some(vec![true, true, false, false, false]), None);
        assert_eq!((t.stages[0].median_days, t.total_median_days), (Some(15.0), Some(20.0)));
        assert_eq!(time_in_stage(&StageHistory::default(), &None, None).total_median_days, None);
    }
}
