//! Segment filters (owner, team, region, product, lead source, deal type) and the rows of each
//! dataset they select.
//!
//! A filter is applied to a dataset through the column that carries its dimension: deals have
//! all six; leads carry `owner` and `source` (the lead source); activities, quotas and
//! forecasts carry `owner`. A team or region filter reaches the datasets that only know the
//! owner through the deals: a rep belongs to the team (region) most of their deals carry. Filters a
//! dataset cannot apply are listed, so a KPI can say it is shown unfiltered.

use crate::column::DictColumn;
use crate::deals_table::{DealsTable, Dim};
pub use crate::filters::Filters;
use crate::ingest::DatasetKind;
use crate::pair_counts::{PairCounts, DENSE_COUNTS};
use crate::workspace::Workspace;
use std::collections::{BTreeMap, HashSet};

pub use crate::mask::{keeps, Mask};

/// The rows of every loaded dataset that pass a set of filters.
#[derive(Clone, Debug, Default)]
pub struct Selection {
    /// Deals that pass.
    pub deals: Mask,
    /// Rows of the other datasets that pass.
    pub tables: BTreeMap<DatasetKind, Mask>,
    /// Filters a dataset has no column for, and which it is therefore shown without.
    pub unapplied: Vec<(DatasetKind, Dim)>,
    /// Pipeline tallies counted over `deals`, kept for the KPIs that read the same day again.
    /// A clone starts empty; replacing `deals` in place would leave it stale (nothing does:
    /// a selection is built whole by [`Selection::new`]). Unused when no filter narrows the
    /// deals: those tallies are kept with the deals' close-date index, across selections
    /// (`kpi::Ctx::open_memo`); the same for `memo`.
    pub open: crate::open_memo::OpenMemo,
    /// Other figures computed over these rows (revenue of a period), kept the same way.
    pub memo: crate::memo::Memo,
}

impl Selection {
    /// Works out the rows `filters` select in `ws`.
    pub fn new(ws: &Workspace, filters: &Filters) -> Selection {
        let mut sel = Selection::default();
        if filters.is_empty() {
            return sel;
        }
        if let Some(d) = &ws.deals {
            sel.deals = deals_mask(d, filters, &mut sel.unapplied);
        }
        // A stage history is filtered through its deals (see `StageHistory::deal_mask`).
        for (kind, t) in ws.tables.iter().filter(|(k, _)| !k.follows_deals()) {
            let mut mask: Option<Vec<bool>> = None;
            for (dim, values) in filters.active() {
                let column = match (dim, *kind) {
                    (Dim::Owner, DatasetKind::Leads | DatasetKind::Activities)
                    | (Dim::Owner, DatasetKind::Quotas | DatasetKind::Forecasts) => t.category("owner"),
                    (Dim::LeadSource, DatasetKind::Leads) => t.category("source"),
                    (Dim::Team | Dim::Region, DatasetKind::Leads | DatasetKind::Activities)
                    | (Dim::Team | Dim::Region, DatasetKind::Quotas | DatasetKind::Forecasts) => {
                        match (t.category("owner"), owners_in(ws.deals.as_ref(), dim, values)) {
                            (Some(owner), Some(owners)) => {
                                narrow(&mut mask, owner, t.len, |v| owners.contains(v));
                                continue;
                            }
                            _ => None,
                        }
                    }
                    _ => None,
                };
                match column {
                    Some(c) => narrow(&mut mask, c, t.len, |v| values.iter().any(|x| x == v)),
                    None => sel.unapplied.push((*kind, dim)),
                }
            }
            sel.tables.insert(*kind, mask);
        }
        sel
    }

    /// The mask of a dataset other than deals (`None` = every row).
    pub fn of(&self, kind: DatasetKind) -> &Mask {
        static ALL: Mask = None;
        self.tables.get(&kind).unwrap_or(&ALL)
    }

    /// Whether `kind` is shown without some filter, and which.
    pub fn unapplied_to(&self, kind: DatasetKind) -> Vec<Dim> {
        self.unapplied.iter().filter(|(k, _)| *k == kind).map(|(_, d)| *d).collect()
    }
}

fn deals_mask(d: &DealsTable, filters: &Filters, unapplied: &mut Vec<(DatasetKind, Dim)>) -> Mask {
    let mut mask = None;
    for (dim, values) in filters.active() {
        match d.dim(dim) {
            Some(c) => narrow(&mut mask, c, d.len(), |v| values.iter().any(|x| x == v)),
            None => unapplied.push((DatasetKind::Deals, dim)),
        }
    }
    mask
}

/// The owners whose team (or region) is one of `values`. A rep's team is the one most of
/// their deals carry (ties go to the name first in alphabetical order), so every rep is in
/// exactly one team and a breakdown by team adds up.
fn owners_in(deals: Option<&DealsTable>, dim: Dim, values: &[String]) -> Option<HashSet<String>> {
    Some(main_value_of_owners(deals?, dim)?.into_iter().filter(|(_, v)| values.contains(v)).map(|(o, _)| o).collect())
}

/// Each owner's main value of `dim` (team or region) in the deals.
pub fn main_value_of_owners(d: &DealsTable, dim: Dim) -> Option<BTreeMap<String, String>> {
    Some(main_values(d.dim(Dim::Owner)?, d.dim(dim)?, DENSE_COUNTS))
}

/// Each owner's most frequent value of `by` on their rows, ties to the value first in byte
/// order; the (owner, value) pairs counted in a table of at most `dense` counters
/// ([`PairCounts`]).
fn main_values(owner: &DictColumn, by: &DictColumn, dense: usize) -> BTreeMap<String, String> {
    let mut counts = PairCounts::new(owner.values.len(), by.values.len(), dense);
    for (&o, &v) in owner.codes.iter().zip(&by.codes) {
        counts.add(o, v);
    }
    // The most frequent value, ties to the one first in byte order.
    let name = |code: u32| by.values.get(code as usize).map_or("", String::as_str);
    let pairs = owner.values.iter().enumerate().filter_map(|(o, owner)| {
        let mut main: Option<(u32, usize)> = None;
        counts.each(o, |v, n| {
            if main.is_none_or(|(m, k)| n > k || (n == k && name(v) < name(m))) {
                main = Some((v, n));
            }
        });
        Some((owner.clone(), name(main?.0).to_owned()))
    });
    crate::sort::map_of(pairs)
}

/// Clears the rows of `mask` whose value in `c` does not satisfy `pass` (a missing value never
/// does). Decides once per dictionary value, not once per row: each row then reads its code's
/// answer from a table (one slot per value, and a last one, never passing, for a missing value
/// or a code past the dictionary), without a branch. The first filter writes the mask in that
/// pass instead of first setting every row.
fn narrow(mask: &mut Mask, c: &DictColumn, len: usize, pass: impl Fn(&str) -> bool) {
    let mut ok: Vec<bool> = c.values.iter().map(|v| pass(v)).collect();
    let mut passing = ok.iter().enumerate().filter(|(_, &ok)| ok).map(|(code, _)| code as u32);
    if let (Some(code), None) = (passing.next(), passing.next()) {
        // One value passes (a filter on one owner): a row passes when it has its code, a
        // comparison the compiler does many rows at a time.
        return narrow_to(mask, &c.codes, len, |c| c == code);
    }
    let missing = ok.len();
    ok.push(false);
    narrow_to(mask, &c.codes, len, |code| ok.get((code as usize).min(missing)).copied().unwrap_or(false))
}

/// Clears the rows of `mask` whose code in `codes` does not satisfy `passes`; the first filter
/// writes the mask.
#[inline]
fn narrow_to(mask: &mut Mask, codes: &[u32], len: usize, passes: impl Fn(u32) -> bool) {
    match mask {
        Some(m) => {
            for (keep, &code) in m.iter_mut().zip(codes) {
                *keep &= passes(code);
            }
        }
        None => {
            // Rows past the end of the column (none in a table read whole) are left kept, as
            // they are by the `&=` above.
            let mut m: Vec<bool> = codes.iter().take(len).map(|&code| passes(code)).collect();
            m.resize(len, true);
            *mask = Some(m);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::column::NO_CODE;
    use crate::ingest::read_file;

    fn ws() -> Workspace {
        let mut ws = Workspace::default();
        let deals = "deal_id,amount,stage,created_date,owner,team\n\
                     D1,10,Won,2024-01-01,Ann,East\nD2,20,Won,2024-01-02,Bo,West\nD3,30,Won,2024-01-03,,East\n";
        let leads =
            "lead_id,created_at,owner,source\nL1,2024-01-01,Ann,Web\nL2,2024-01-01,Bo,Web\nL3,2024-01-01,Cy,Ads\n";
        ws.insert(read_file(DatasetKind::Deals, "d.csv", deals.as_bytes(), None).unwrap().data, false);
        ws.insert(read_file(DatasetKind::Leads, "l.csv", leads.as_bytes(), None).unwrap().data, false);
        ws
    }

    proptest::proptest! {
        /// Each owner's main team is the team most of their deals carry, ties to the name
        /// first in byte order, as a count of every (owner, team) pair in a map gives it.
        #[test]
        fn an_owners_main_team_is_their_most_frequent(
            rows in proptest::collection::vec((proptest::option::of(0u8..6), proptest::option::of(0u8..5)), 0..200),
        ) {
            let mut d = DealsTable::default();
            let (mut owners, mut teams) = (DictColumn::default(), DictColumn::default());
            for &(o, t) in &rows {
                // Names out of code order, so ties are broken by name, not by code.
                owners.push(o.map(|o| ["Zoe", "Ann", "Bo", "Cy", "Di", "Ed"][o as usize]));
                teams.push(t.map(|t| ["West", "East", "North", "Alpha", "Beta"][t as usize]));
            }
            for (dim, column) in [(Dim::Owner, owners), (Dim::Team, teams)] {
                let at = Dim::ALL.iter().position(|&x| x == dim).expect("a dimension");
                d.dims[at] = Some(column);
            }
            let mut counts: BTreeMap<(String, String), usize> = BTreeMap::new();
            let (o, t) = (d.dim(Dim::Owner).expect("owners"), d.dim(Dim::Team).expect("teams"));
            for i in 0..rows.len() {
                if let (Some(o), Some(t)) = (o.get(i), t.get(i)) {
                    *counts.entry((o.to_owned(), t.to_owned())).or_insert(0) += 1;
                }
            }
            let mut expected: BTreeMap<String, (usize, String)> = BTreeMap::new();
            for ((o, t), n) in counts {
                let e = expected.entry(o).or_insert((0, String::new()));
                if n > e.0 || (n == e.0 && t < e.1) {
                    *e = (n, t);
                }
            }
            let expected: BTreeMap<String, String> = expected.into_iter().map(|(o, (_, t))| (o, t)).collect();
            // Counted in a table, and in lists (as past the table's size).
            proptest::prop_assert_eq!(main_value_of_owners(&d, Dim::Team), Some(expected.clone()));
            proptest::prop_assert_eq!(main_values(o, t, 0), expected);
        }
    }

    #[test]
    fn no_filter_selects_everything_without_a_mask() {
        let sel = Selection::new(&ws(), &Filters::none());
        assert!(sel.deals.is_none() && sel.tables.is_empty() && sel.unapplied.is_empty());
    }

    #[test]
    fn filters_reach_each_dataset_through_its_own_column_or_the_owner() {
        let w = ws();
        let sel = Selection::new(&w, &Filters::none().with(Dim::Team, "East"));
        assert_eq!(sel.deals, Some(vec![true, false, true]));
        // Ann is in East through her deal; Cy has no deal, so no team.
        assert_eq!(sel.of(DatasetKind::Leads), &Some(vec![true, false, false]));
        let sel = Selection::new(&w, &Filters::none().with(Dim::Owner, "Bo").with(Dim::Product, "X"));
        assert_eq!(sel.deals, Some(vec![false, true, false]));
        assert_eq!(sel.of(DatasetKind::Leads), &Some(vec![false, true, false]));
        assert_eq!(sel.unapplied, [(DatasetKind::Deals, Dim::Product), (DatasetKind::Leads, Dim::Product)]);
        let sel = Selection::new(&w, &Filters::none().with(Dim::LeadSource, "Ads"));
        assert_eq!(sel.of(DatasetKind::Leads), &Some(vec![false, false, true]));
    }

    /// `narrow` as it was written first: every row set, then cleared row by row.
    fn narrow_reference(mask: &mut Mask, c: &DictColumn, len: usize, pass: impl Fn(&str) -> bool) {
        let ok: Vec<bool> = c.values.iter().map(|v| pass(v)).collect();
        let m = mask.get_or_insert_with(|| vec![true; len]);
        for (keep, &code) in m.iter_mut().zip(&c.codes) {
            *keep &= code != NO_CODE && ok.get(code as usize).copied().unwrap_or(false);
        }
    }

    proptest::proptest! {
        /// For any codes (missing ones and codes past the dictionary included), any earlier
        /// mask and any table length, the table-driven `narrow` keeps the rows the row-by-row
        /// one keeps.
        #[test]
        fn narrow_agrees_with_a_row_by_row_reading(
            values in proptest::collection::vec(0u8..6, 0..6),
            codes in proptest::collection::vec(proptest::option::of(0u32..8), 0..150),
            before in proptest::option::of(proptest::collection::vec(proptest::bool::ANY, 0..150)),
            extra in 0usize..4,
            passing in proptest::collection::vec(0u8..6, 0..3),
        ) {
            let mut c = DictColumn::default();
            c.values = values.iter().map(|v| format!("v{v}")).collect();
            c.codes = codes.iter().map(|c| c.unwrap_or(NO_CODE)).collect();
            let len = codes.len().saturating_sub(1) + extra;
            let pass = |v: &str| passing.iter().any(|p| v == format!("v{p}"));
            let (mut got, mut want) = (before.clone(), before);
            narrow(&mut got, &c, len, pass);
            narrow_reference(&mut want, &c, len, pass);
            proptest::prop_assert_eq!(got, want);
        }
    }

    #[test]
    fn values_within_a_dimension_are_alternatives() {
        let mut f = Filters::none();
        f.0.insert(Dim::Owner, vec!["Ann".into(), "Bo".into()]);
        assert_eq!(Selection::new(&ws(), &f).deals, Some(vec![true, true, false]));
    }
}
