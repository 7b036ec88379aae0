//! Two exports of the same deals: their as-of dates, whether they hold the same deals, and
//! the row of each deal id.

use crate::day::Day;
use crate::deals_table::DealsTable;
use crate::stage::Status;
use std::collections::HashMap;

/// The share of shared deal ids from which two deals files are offered as two snapshots of
/// the same deals (see [`Overlap::likely_same_deals`]).
pub const LIKELY_SNAPSHOT_SHARE: f64 = 0.5;

/// The as-of date a deals export shows by itself: the latest day something happened in it,
/// that is the latest created date or close date of a won or lost deal
/// ([`DealsTable::latest_day`], which also anchors the reporting period). The expected close
/// dates of open deals lie ahead of the export and do not count. `None` when no deal has such
/// a date; the user then types it.
pub fn snapshot_as_of(d: &DealsTable) -> Option<Day> {
    d.latest_day()
}

/// How many deal ids two exports share.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Overlap {
    /// Distinct non-empty deal ids in the earlier export.
    pub earlier_ids: usize,
    /// Distinct non-empty deal ids in the later export.
    pub later_ids: usize,
    /// Ids in both.
    pub shared: usize,
}

impl Overlap {
    /// Shared ids over the ids of the smaller export (0 when either has none): a later export
    /// holds every deal of the earlier one plus the new ones, so this is near 1 for snapshots.
    pub fn share(&self) -> f64 {
        let smaller = self.earlier_ids.min(self.later_ids);
        if smaller == 0 {
            0.0
        } else {
            self.shared as f64 / smaller as f64
        }
    }

    /// Whether the two files are likely two exports of the same deals (share ≥
    /// [`LIKELY_SNAPSHOT_SHARE`]) rather than two parts of one export.
    pub fn likely_same_deals(&self) -> bool {
        self.share() >= LIKELY_SNAPSHOT_SHARE
    }
}

/// The deal ids `a` and `b` share.
pub fn overlap(a: &DealsTable, b: &DealsTable) -> Overlap {
    let (ia, ib) = (IdIndex::new(a), IdIndex::new(b));
    let shared = ia.rows.keys().filter(|id| ib.rows.contains_key(*id)).count();
    Overlap { earlier_ids: ia.rows.len(), later_ids: ib.rows.len(), shared }
}

/// The first row of each non-empty deal id of a table.
pub(crate) struct IdIndex<'a> {
    /// Id → first row holding it.
    pub rows: HashMap<&'a str, usize>,
    /// Rows whose id was seen before (left out: a deal is compared once).
    pub duplicates: usize,
    /// Rows with an empty id (left out: they cannot be matched).
    pub no_id: usize,
}

impl<'a> IdIndex<'a> {
    /// Indexes the ids of `d`.
    pub fn new(d: &'a DealsTable) -> IdIndex<'a> {
        let mut ix = IdIndex { rows: HashMap::with_capacity(d.len()), duplicates: 0, no_id: 0 };
        for row in 0..d.len() {
            let id = d.deal_id.get(row).trim();
            if id.is_empty() {
                ix.no_id += 1;
            } else if ix.rows.contains_key(id) {
                ix.duplicates += 1;
            } else {
                ix.rows.insert(id, row);
            }
        }
        ix
    }
}

/// Whether every deal of `d` has an unknown status (no stage and no status column).
pub(crate) fn lacks_status(d: &DealsTable) -> bool {
    !d.is_empty() && d.status.iter().all(|&s| s == Status::Unknown)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::change::fixture::{deals, Row};

    fn table(ids: &[&str]) -> DealsTable {
        let rows: Vec<Row> = ids.iter().map(|&id| (id, "Won", Some(1.0), Some("2024-01-01"), None, None)).collect();
        deals(&rows, &[])
    }

    #[test]
    fn as_of_is_the_latest_event_not_an_expected_close() {
        let rows: Vec<Row> = vec![
            ("D1", "Won", Some(10.0), Some("2024-01-01"), Some("2024-02-10"), None),
            ("D2", "Proposal", Some(10.0), Some("2024-02-01"), Some("2024-09-30"), None),
            ("D3", "Lost", Some(5.0), Some("2024-01-05"), None, None),
        ];
        assert_eq!(snapshot_as_of(&deals(&rows, &["Proposal"])), Day::from_ymd(2024, 2, 10));
        assert_eq!(snapshot_as_of(&DealsTable::default()), None);
    }

    #[test]
    fn overlap_is_measured_on_the_smaller_export() {
        let a = table(&["D1", "D2", "D2", " "]);
        let b = table(&["D2", "D3", "D4"]);
        let o = overlap(&a, &b);
        assert_eq!(o, Overlap { earlier_ids: 2, later_ids: 3, shared: 1 });
        assert_eq!(o.share(), 0.5);
        assert!(o.likely_same_deals());
        assert!(!overlap(&a, &table(&["X1", "X2"])).likely_same_deals());
        assert_eq!(overlap(&a, &DealsTable::default()).share(), 0.0);
        let ix = IdIndex::new(&a);
        assert_eq!((ix.duplicates, ix.no_id), (1, 1));
    }
}
