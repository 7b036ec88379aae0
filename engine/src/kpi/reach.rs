//! How far each deal got by its stage history: what the funnel reads when a history is there
//! (KPI_SPEC_PIPELINE_CHANGE.md: "the funnel uses the real history when it is there").

use crate::deals_table::DealsTable;
use crate::history::StageHistory;
use crate::stage::Status;

/// Per deal of the history (index of [`StageHistory::deal_ids`]), the furthest funnel step its
/// history shows it entered: 1..=k for the deals' open stages (`position[code]` of a deals
/// stage code, 0 outside the order), k + 1 for a stage the deals' rules call won, 0 when it
/// entered none of them. Stages are matched by name; a stage the deals do not know counts
/// nowhere.
pub(super) fn history_reach(h: &StageHistory, d: &DealsTable, position: &[usize], k: usize) -> Vec<usize> {
    let step: Vec<usize> = (0..h.stages.values.len() as u32)
        .map(|c| match d.stage.code_of(h.stage_name(c)) {
            Some(code) if d.stage_rules.status(code) == Status::Won => k + 1,
            Some(code) => position.get(code as usize).copied().unwrap_or(0),
            None => 0,
        })
        .collect();
    let mut reach = vec![0; h.deal_ids.len()];
    for e in &h.events {
        if let (Some(r), Some(&s)) = (reach.get_mut(e.deal as usize), step.get(e.stage as usize)) {
            *r = (*r).max(s);
        }
    }
    reach
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::change::fixture::{day, deals, Row};
    use crate::history::HistoryBuilder;

    #[test]
    fn the_furthest_open_stage_or_won_by_name() {
        let rows: Vec<Row> = vec![("D1", "Proposal", Some(1.0), Some("2024-01-01"), None, None)];
        let d = deals(&rows, &["Qualification", "Proposal"]);
        let mut b = HistoryBuilder::default();
        for (id, stage) in [("A", "Proposal"), ("A", "Qualification"), ("B", "Closed Won"), ("C", "Elsewhere")] {
            b.push(id, Some(stage), Some(day("2024-01-02")), None, None);
        }
        let h = b.finish();
        let mut position = vec![0; d.stage.values.len()];
        for (i, &c) in d.stage_rules.open_order.iter().enumerate() {
            position[c as usize] = i + 1;
        }
        let mut with_won = d.clone();
        with_won.stage.intern("Closed Won");
        with_won.apply_stage_rules(crate::stage::StageRules::infer(&with_won.stage));
        let of = |id: &str| h.deal_ids.iter().position(|x| x == id).unwrap();
        let r = history_reach(&h, &with_won, &position, 2);
        assert_eq!((r[of("A")], r[of("B")], r[of("C")]), (2, 3, 0), "a move back does not undo the stage reached");
        assert_eq!(history_reach(&h, &d, &position, 2)[of("B")], 0, "a stage the deals do not know");
    }
}
