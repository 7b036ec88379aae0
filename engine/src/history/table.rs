//! The typed stage history: one event per change (deal, stage, changed at, amount, close
//! date), built from a history table or from the `entered_<stage>` dates of the deals.

use super::link::{DealLink, Linked, NO_ROW};
use crate::column::{DateColumn, DictColumn};
use crate::day::Day;
use crate::deals_table::DealsTable;
use crate::filter::{keeps, Mask};
use crate::stage::{StageRules, Status};
use crate::table::{Column, Table};
use std::collections::HashMap;
use std::sync::Arc;
use thiserror::Error;

/// One change of a deal.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct HistoryEvent {
    /// Index of the deal in [`StageHistory::deal_ids`].
    pub deal: u32,
    /// Code of the stage in [`StageHistory::stages`].
    pub stage: u32,
    /// When the change happened.
    pub changed_at: Day,
    /// The deal's amount after the change, when recorded.
    pub amount: Option<f64>,
    /// The deal's expected close date after the change, when recorded.
    pub close: Option<Day>,
}

/// Why a table cannot be read as a stage history.
#[derive(Debug, Error, Clone, PartialEq)]
pub enum HistoryError {
    /// A required column is missing.
    #[error("The history table has no {field} column; a history needs deal_id, stage and changed_at.")]
    MissingColumn {
        /// The canonical field.
        field: &'static str,
    },
}

/// A stage history, its events ordered by deal, then by date (the file's order on a tie).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StageHistory {
    /// The deal ids, in order of first appearance.
    pub deal_ids: Vec<String>,
    /// The stage names.
    pub stages: DictColumn,
    /// Every usable change, by deal then date.
    pub events: Vec<HistoryEvent>,
    /// Won / lost / open per stage code, and the order of the open stages.
    pub stage_rules: StageRules,
    /// Rows left out because they lack a deal id, a stage or a date.
    pub skipped: usize,
    /// Its deals linked to the rows of the deals table last asked for ([`StageHistory::link_to`]).
    link: DealLink,
}

/// Collects history rows in any order; [`HistoryBuilder::finish`] sorts them.
#[derive(Default)]
pub struct HistoryBuilder {
    history: StageHistory,
    ids: HashMap<String, u32>,
}

impl HistoryBuilder {
    /// Adds one change; a row without a deal id, a stage or a date is counted as skipped.
    pub fn push(
        &mut self,
        deal_id: &str,
        stage: Option<&str>,
        changed_at: Option<Day>,
        amount: Option<f64>,
        close: Option<Day>,
    ) {
        let (id, stage) = (deal_id.trim(), stage.map(str::trim).unwrap_or(""));
        let (false, false, Some(changed_at)) = (id.is_empty(), stage.is_empty(), changed_at) else {
            self.history.skipped += 1;
            return;
        };
        // A history lists a deal's changes together, mostly: the deal of the row before is
        // tried first, then the table (a new deal's id is copied once, not every row's).
        let last = self.history.events.last().map(|e| e.deal);
        let deal = match last.filter(|&d| self.history.deal_ids.get(d as usize).is_some_and(|x| x == id)) {
            Some(d) => d,
            None => match self.ids.get(id) {
                Some(&d) => d,
                None => {
                    let next = self.history.deal_ids.len() as u32;
                    self.ids.insert(id.to_owned(), next);
                    self.history.deal_ids.push(id.to_owned());
                    next
                }
            },
        };
        let stage = self.history.stages.intern(stage);
        let amount = amount.filter(|a| a.is_finite());
        self.history.events.push(HistoryEvent { deal, stage, changed_at, amount, close });
    }

    /// The history, events sorted (stably) by deal and date, stage rules inferred from names.
    pub fn finish(mut self) -> StageHistory {
        self.history.events.sort_by_key(|e| (e.deal, e.changed_at));
        self.history.stage_rules = StageRules::infer(&self.history.stages);
        self.history
    }
}

impl StageHistory {
    /// Reads a history table with the canonical columns `deal_id`, `stage`, `changed_at`
    /// (required) and `amount`, `close_date` (optional), e.g. Salesforce `OpportunityHistory`.
    pub fn from_table(t: &Table) -> Result<StageHistory, HistoryError> {
        let id = t.column("deal_id").ok_or(HistoryError::MissingColumn { field: "deal_id" })?;
        let stage = t.category("stage").ok_or(HistoryError::MissingColumn { field: "stage" })?;
        let at = t.dates("changed_at").ok_or(HistoryError::MissingColumn { field: "changed_at" })?;
        let (amount, close) = (t.numbers("amount"), t.dates("close_date"));
        let mut b = HistoryBuilder::default();
        for row in 0..t.len {
            let deal = match id {
                Column::Id(c) => c.get(row),
                Column::Category(c) => c.get(row).unwrap_or(""),
                _ => "",
            };
            b.push(deal, stage.get(row), at.get(row), amount.and_then(|a| a.get(row)), close.and_then(|c| c.get(row)));
        }
        Ok(b.finish())
    }

    /// The history the `entered_<stage>` dates of the deals give: one event per stage date,
    /// and, for a won or lost deal whose final stage has no such column, an event into that
    /// stage on its close date (so the spell before it ends). Those columns keep only the
    /// last entry into each stage, so a deal that went back and forth shows its last pass.
    /// `entered` pairs a stage name with its column (rows like the deals').
    pub fn from_entered_dates(deals: &DealsTable, entered: &[(&str, &DateColumn)]) -> StageHistory {
        let mut b = HistoryBuilder::default();
        for row in 0..deals.len() {
            let id = deals.deal_id.get(row);
            for (stage, col) in entered {
                if let Some(day) = col.get(row) {
                    b.push(id, Some(stage), Some(day), None, None);
                }
            }
            let stage = deals.stage.get(row);
            let status = deals.status.get(row).copied().unwrap_or(Status::Unknown);
            if let (true, Some(name), Some(close)) = (status.is_closed(), stage, deals.close.get(row)) {
                if !entered.iter().any(|(s, _)| *s == name) {
                    b.push(id, Some(name), Some(close), None, None);
                }
            }
        }
        let mut h = b.finish();
        h.order_like(deals);
        h
    }

    /// Orders the open stages like the deals' stage rules (the ones the user edits), by name;
    /// stages the deals do not have keep their inferred place after them. Won / lost follow
    /// the deals' rules too.
    pub fn order_like(&mut self, deals: &DealsTable) {
        let names: Vec<&str> = deals.open_stages().map(|(_, n)| n).collect();
        for (code, name) in self.stages.values.iter().enumerate() {
            if let Some(s) = deals.stage.code_of(name).map(|c| deals.stage_rules.status(c)) {
                if let Some(slot) = self.stage_rules.status_of.get_mut(code) {
                    *slot = s;
                }
            }
        }
        let status_of = &self.stage_rules.status_of;
        let mut open: Vec<u32> = (0..self.stages.values.len() as u32)
            .filter(|&c| status_of.get(c as usize) == Some(&Status::Open))
            .collect();
        let inferred = |c: u32| self.stage_rules.open_order.iter().position(|&o| o == c).unwrap_or(usize::MAX);
        let rank = |c: &u32| {
            let name = self.stages.value(*c).unwrap_or("");
            (names.iter().position(|n| *n == name).unwrap_or(usize::MAX), inferred(*c))
        };
        crate::sort::sort_by_key(&mut open, rank);
        self.stage_rules.open_order = open;
    }

    /// The stage's name.
    pub fn stage_name(&self, code: u32) -> &str {
        self.stages.value(code).unwrap_or("")
    }

    /// The events of each deal, as one slice per deal (in deal index order of appearance
    /// among the sorted events).
    pub fn by_deal(&self) -> impl Iterator<Item = &[HistoryEvent]> + '_ {
        self.events.chunk_by(|x, y| x.deal == y.deal)
    }

    /// Which history deals the deals table's filter keeps: a deal is kept when its id is a
    /// deal of `deals` that passes `mask`; with no filter (`mask` is `None`) every deal is.
    pub fn deal_mask(&self, deals: &DealsTable, mask: &Mask) -> Mask {
        mask.as_ref()?;
        Some(self.link_to(deals).row_of.iter().map(|&i| i != NO_ROW && keeps(mask, i as usize)).collect())
    }

    /// Its deals linked to the rows of `deals`: made once, then kept until asked with other
    /// rows.
    pub fn link_to(&self, deals: &DealsTable) -> Arc<Linked> {
        self.link.get(&self.deal_ids, deals)
    }

    /// The rank of an open stage in the open-stage order, `None` for won, lost or unordered.
    pub fn open_rank(&self, code: u32) -> Option<usize> {
        self.stage_rules.open_order.iter().position(|&c| c == code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::change::fixture::{day, deals, Row};
    use crate::ingest::DatasetKind;
    use crate::table::TimestampColumn;

    #[test]
    fn builds_sorted_events_and_skips_incomplete_rows() {
        let mut b = HistoryBuilder::default();
        b.push("B", Some("Proposal"), Some(day("2024-01-05")), Some(10.0), None);
        b.push("A", Some("Prospecting"), Some(day("2024-01-03")), None, None);
        b.push("B", Some("Prospecting"), Some(day("2024-01-01")), Some(f64::NAN), None);
        b.push("", Some("Proposal"), Some(day("2024-01-01")), None, None);
        b.push("C", None, Some(day("2024-01-01")), None, None);
        b.push("C", Some("Proposal"), None, None, None);
        let h = b.finish();
        assert_eq!(h.skipped, 3);
        assert_eq!(h.deal_ids, ["B", "A"]);
        let seq: Vec<(u32, &str, Option<f64>)> =
            h.events.iter().map(|e| (e.deal, h.stage_name(e.stage), e.amount)).collect();
        assert_eq!(seq, [(0, "Prospecting", None), (0, "Proposal", Some(10.0)), (1, "Prospecting", None)]);
        assert_eq!(h.by_deal().count(), 2);
    }

    #[test]
    fn reads_a_history_table_and_names_a_missing_column() {
        let mut ids = crate::column::TextColumn::default();
        let mut stage = DictColumn::default();
        let mut at = TimestampColumn::default();
        for (id, s, d) in [("O1", "Prospección", "2024-01-01"), ("O1", "Cerrada ganada", "2024-01-20")] {
            ids.push(id);
            stage.push(Some(s));
            at.days.push(Some(day(d)));
            at.seconds.push(0);
        }
        let mut t = Table::new(DatasetKind::Activities);
        t.len = 2;
        t.columns = vec![("deal_id", Column::Id(ids)), ("stage", Column::Category(stage))];
        assert_eq!(StageHistory::from_table(&t), Err(HistoryError::MissingColumn { field: "changed_at" }));
        t.columns.push(("changed_at", Column::Timestamp(at)));
        let h = StageHistory::from_table(&t).unwrap();
        assert_eq!(h.events.len(), 2);
        assert_eq!(h.events[1].changed_at, day("2024-01-20"));
    }

    #[test]
    fn entered_dates_give_events_and_close_the_last_spell() {
        let rows: Vec<Row> = vec![
            ("D1", "Closed Won", Some(1.0), Some("2024-01-01"), Some("2024-02-01"), None),
            ("D2", "Proposal", Some(1.0), Some("2024-01-01"), None, None),
        ];
        let d = deals(&rows, &["Qualification", "Proposal"]);
        let mut q = DateColumn::default();
        q.push(Some(day("2024-01-02")));
        q.push(Some(day("2024-01-03")));
        let mut p = DateColumn::default();
        p.push(Some(day("2024-01-10")));
        p.push(None);
        let h = StageHistory::from_entered_dates(&d, &[("Qualification", &q), ("Proposal", &p)]);
        let seq: Vec<(&str, &str, Day)> = h
            .events
            .iter()
            .map(|e| (h.deal_ids[e.deal as usize].as_str(), h.stage_name(e.stage), e.changed_at))
            .collect();
        assert_eq!(
            seq,
            [
                ("D1", "Qualification", day("2024-01-02")),
                ("D1", "Proposal", day("2024-01-10")),
                ("D1", "Closed Won", day("2024-02-01")),
                ("D2", "Qualification", day("2024-01-03")),
            ]
        );
        let open: Vec<&str> = h.stage_rules.open_order.iter().map(|&c| h.stage_name(c)).collect();
        assert_eq!(open, ["Qualification", "Proposal"]);
        let mask = Some(vec![false, true]);
        assert_eq!(h.deal_mask(&d, &mask), Some(vec![false, true]));
        assert_eq!(h.deal_mask(&d, &None), None);
    }
}
