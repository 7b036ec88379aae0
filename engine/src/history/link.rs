//! Which row of the deals table each deal of a stage history is, worked out once per pair of
//! tables. A segment, a filter or a trend bucket reaches the history through the deals
//! ([`super::StageHistory::deal_mask`]), and the funnel reads how far each deal got by its
//! history; each of those hashed every deal id again before (a history of a million changes
//! over 215,000 deals: the CLI's KPIs by segment took 12.4 s, 0.5 s without the history).

use crate::deals_table::DealsTable;
use crate::rows_token::RowsToken;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

/// No row: the history's deal is not in the deals table (or the row's deal not in the history).
pub const NO_ROW: u32 = u32::MAX;

/// A history's deals linked to the rows of one deals table.
#[derive(Debug)]
pub struct Linked {
    /// The deals table's token when linked: held, so no later table can be given its address.
    token: Arc<()>,
    /// The deals table's rows when linked.
    rows: usize,
    /// Per history deal, its row in the deals table (the last row of its id), else [`NO_ROW`].
    pub row_of: Vec<u32>,
    /// Per deals row, its deal in the history, else [`NO_ROW`].
    pub deal_of: Vec<u32>,
}

/// The link of a history to the deals table it was last asked for with, made again when asked
/// for with other rows.
#[derive(Debug, Default)]
pub struct DealLink(Mutex<Option<Arc<Linked>>>);

impl Clone for DealLink {
    fn clone(&self) -> DealLink {
        DealLink(Mutex::new(self.0.lock().unwrap_or_else(PoisonError::into_inner).clone()))
    }
}

impl PartialEq for DealLink {
    fn eq(&self, _: &DealLink) -> bool {
        true
    }
}

impl DealLink {
    /// The link of the history deals `ids` (trimmed, each once) to `deals`.
    pub fn get(&self, ids: &[String], deals: &DealsTable) -> Arc<Linked> {
        let token = RowsToken::get(&deals.rows_token);
        let mut held = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(l) = held
            .as_ref()
            .filter(|l| Arc::ptr_eq(&l.token, &token) && l.rows == deals.len() && l.row_of.len() == ids.len())
        {
            return Arc::clone(l);
        }
        let l = Arc::new(link(ids, deals, token));
        *held = Some(Arc::clone(&l));
        l
    }
}

fn link(ids: &[String], deals: &DealsTable, token: Arc<()>) -> Linked {
    let index: HashMap<&str, u32> = ids.iter().enumerate().map(|(k, id)| (id.as_str(), k as u32)).collect();
    let mut row_of = vec![NO_ROW; ids.len()];
    let mut deal_of = vec![NO_ROW; deals.len()];
    for (i, of) in deal_of.iter_mut().enumerate() {
        if let Some(&k) = index.get(deals.deal_id.get(i).trim()) {
            if let Some(r) = row_of.get_mut(k as usize) {
                *r = i as u32;
            }
            *of = k;
        }
    }
    Linked { token, rows: deals.len(), row_of, deal_of }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::change::fixture::{deals, Row};

    fn ids(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn links_both_ways_and_is_made_once_per_rows() {
        let rows: Vec<Row> = ["A", "B", "C"].iter().map(|&id| (id, "Proposal", Some(1.0), None, None, None)).collect();
        let d = deals(&rows, &["Proposal"]);
        let link = DealLink::default();
        let h = ids(&["C", "X", "A"]);
        let l = link.get(&h, &d);
        assert_eq!((l.row_of.as_slice(), l.deal_of.as_slice()), ([2, NO_ROW, 0].as_slice(), [2, NO_ROW, 0].as_slice()));
        assert!(Arc::ptr_eq(&l, &link.get(&h, &d)), "asked again with the same rows, the link is kept");
        assert!(Arc::ptr_eq(&l, &link.clone().get(&h, &d)), "a copy of the history keeps it too");
    }

    #[test]
    fn other_rows_are_linked_again() {
        let row = |id| (id, "Proposal", Some(1.0), None, None, None);
        let d = deals(&[row("A"), row("B")], &["Proposal"]);
        let link = DealLink::default();
        let h = ids(&["B", "C"]);
        assert_eq!(link.get(&h, &d).row_of, [1, NO_ROW]);
        // Rows appended: the table's token is dropped.
        let mut more = d.clone();
        more.append(deals(&[row("C")], &["Proposal"]));
        assert_eq!(link.get(&h, &more).row_of, [1, 2]);
        // Another table of as many rows, other ids: its own token.
        let other = deals(&[row("C"), row("B")], &["Proposal"]);
        assert_eq!(link.get(&h, &other).row_of, [1, 0]);
        // A row pushed without a new token (a copy shares it): the count differs.
        let mut pushed = other.clone();
        pushed.deal_id.push("Z");
        pushed.status.push(crate::stage::Status::Open);
        assert_eq!(link.get(&h, &pushed).deal_of.len(), 3);
    }
}
