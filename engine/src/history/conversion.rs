//! The `stage_conversion` matrix: how many deals moved from each stage to each other stage.

use super::spells::{display_order, spells};
use super::table::StageHistory;
use crate::filter::{keeps, Mask};
use crate::period::Period;

/// From-stage × to-stage counts of the transitions in a period, backward moves included.
#[derive(Clone, Debug, PartialEq)]
pub struct StageConversion {
    /// Stage names, in the order of the rows and the columns: open stages in pipeline order,
    /// then the others.
    pub stages: Vec<String>,
    /// `counts[from][to]`: transitions from stage `from` into stage `to`.
    pub counts: Vec<Vec<usize>>,
    /// Transitions into an earlier open stage.
    pub backward: usize,
    /// Every transition counted.
    pub total: usize,
}

impl StageConversion {
    /// The count of transitions between two stages by name (0 when either is unknown).
    pub fn count(&self, from: &str, to: &str) -> usize {
        let at = |s: &str| self.stages.iter().position(|x| x == s);
        match (at(from), at(to)) {
            (Some(f), Some(t)) => self.counts.get(f).and_then(|r| r.get(t)).copied().unwrap_or(0),
            _ => 0,
        }
    }

    /// Transitions out of a stage (a row's sum), the denominator of its conversion shares.
    pub fn out_of(&self, from: &str) -> usize {
        self.stages.iter().position(|x| x == from).and_then(|f| self.counts.get(f)).map_or(0, |r| r.iter().sum())
    }
}

/// `stage_conversion`: the transitions (a spell's end into the next spell) dated in `period`
/// (`None`: all) of the deals `keep` selects.
pub fn stage_conversion(h: &StageHistory, keep: &Mask, period: Option<Period>) -> StageConversion {
    let order = display_order(h);
    let mut slot = vec![usize::MAX; h.stages.values.len()];
    for (i, &code) in order.iter().enumerate() {
        if let Some(s) = slot.get_mut(code as usize) {
            *s = i;
        }
    }
    let mut counts = vec![vec![0usize; order.len()]; order.len()];
    let (mut backward, mut total) = (0, 0);
    let all = spells(h);
    for pair in all.windows(2) {
        let [a, b] = pair else { continue };
        if a.deal != b.deal || !keeps(keep, a.deal as usize) || period.is_some_and(|p| !p.contains(b.from)) {
            continue;
        }
        let (Some(&f), Some(&t)) = (slot.get(a.stage as usize), slot.get(b.stage as usize)) else { continue };
        if let Some(c) = counts.get_mut(f).and_then(|r| r.get_mut(t)) {
            *c += 1;
            total += 1;
        }
        if let (Some(x), Some(y)) = (h.open_rank(a.stage), h.open_rank(b.stage)) {
            backward += usize::from(y < x);
        }
    }
    let stages = order.iter().map(|&c| h.stage_name(c).to_owned()).collect();
    StageConversion { stages, counts, backward, total }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::change::fixture::day;
    use crate::history::table::HistoryBuilder;

    fn history(rows: &[(&str, &str, &str)]) -> StageHistory {
        let mut b = HistoryBuilder::default();
        for &(id, stage, at) in rows {
            b.push(id, Some(stage), Some(day(at)), None, None);
        }
        b.finish()
    }

    #[test]
    fn counts_forward_and_backward_moves_in_the_period() {
        let h = history(&[
            ("A", "Prospecting", "2024-01-01"),
            ("A", "Proposal", "2024-01-10"),
            ("A", "Proposal", "2024-01-12"),
            ("A", "Prospecting", "2024-02-01"),
            ("A", "Proposal", "2024-02-05"),
            ("A", "Closed Won", "2024-03-01"),
            ("B", "Prospecting", "2024-01-03"),
            ("B", "Closed Lost", "2024-01-20"),
        ]);
        let m = stage_conversion(&h, &None, None);
        assert_eq!(m.stages, ["Prospecting", "Proposal", "Closed Won", "Closed Lost"]);
        assert_eq!(m.count("Prospecting", "Proposal"), 2);
        assert_eq!(m.count("Proposal", "Prospecting"), 1);
        assert_eq!(m.count("Proposal", "Closed Won"), 1);
        assert_eq!(m.count("Prospecting", "Closed Lost"), 1);
        assert_eq!((m.total, m.backward), (5, 1));
        assert_eq!(m.out_of("Prospecting"), 3);
        let feb = Period::new(day("2024-02-01"), day("2024-02-29"));
        let m = stage_conversion(&h, &None, feb);
        assert_eq!((m.total, m.backward, m.count("Prospecting", "Proposal")), (2, 1, 1));
        let only_b = stage_conversion(&h, &Some(vec![false, true]), None);
        assert_eq!((only_b.total, only_b.count("Unknown", "x")), (1, 0));
    }
}
