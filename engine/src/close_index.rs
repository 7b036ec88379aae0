//! The deals' rows in order of close date, and the open ones, so the deals closed in a short
//! period (a month of a trend, a quarter) or open on a day are found without walking every deal.
//!
//! Built on first use, in one counting-sort pass (two when the dates spread wider than the
//! table is long), and kept beside the table; every change to the rows or their statuses
//! drops it.

use crate::column::NO_DAY;
use crate::memo::Memo;
use crate::open_memo::OpenMemo;
use crate::period::Period;
use crate::stage::Status;
use crate::status_bits::{Block, StatusBits, WORD};
use std::sync::OnceLock;

/// Row numbers sorted by close date (missing dates first, then day by day, rows in table
/// order within a day), and the rows whose status is open or unknown.
#[derive(Debug)]
pub struct ByClose {
    /// Close day of each entry of `rows`, ascending.
    days: Vec<i32>,
    /// Row numbers, in close-date order.
    rows: Vec<u32>,
    /// Rows whose status is [`Status::Unknown`], in table order.
    unknown: Vec<u32>,
    /// Rows whose status is [`Status::Open`], in table order.
    open: Vec<u32>,
    /// Each row's status and whether it has a close date, 64 rows to a word.
    bits: StatusBits,
    /// Pipeline tallies counted over every deal (no filter), kept across selections.
    open_memo: OpenMemo,
    /// Figures computed over every deal (no filter), kept across selections.
    memo: Memo,
}

impl ByClose {
    /// Sorts the rows of a table with close days `close` and statuses `status`.
    pub fn build(close: &[i32], status: &[Status]) -> ByClose {
        let n = close.len().min(status.len()).min(u32::MAX as usize);
        let close = &close[..n];
        let bits = StatusBits::build(close, &status[..n]);
        // From the bits: a pass over a word per 64 rows, and a push per row listed.
        let with = |word: fn(&Block) -> u64| {
            let mut rows = Vec::new();
            for k in 0..n.div_ceil(WORD) {
                let mut left = word(&bits.block(k));
                while left != 0 {
                    rows.push((k * WORD) as u32 + left.trailing_zeros());
                    left &= left - 1;
                }
            }
            rows
        };
        let (unknown, open) = (with(|b| b.unknown), with(|b| b.open));
        let dated = close.iter().copied().filter(|&d| d != NO_DAY);
        let (lo, hi) = dated.fold((i32::MAX, i32::MIN), |(lo, hi), d| (lo.min(d), hi.max(d)));
        let span = if lo <= hi { (hi as i64 - lo as i64 + 1) as usize } else { 0 };
        let rows: Vec<u32> = if span <= 4 * n + 1024 {
            // Counting sort: slot 0 for missing dates, then one per day from `lo`.
            let slot = |d: i32| if d == NO_DAY { 0 } else { (d as i64 - lo as i64) as usize + 1 };
            let mut start = vec![0u32; span + 2];
            for &d in close {
                start[slot(d) + 1] += 1;
            }
            for s in 1..start.len() {
                start[s] += start[s - 1];
            }
            let mut rows = vec![0u32; n];
            for (i, &d) in close.iter().enumerate() {
                let at = &mut start[slot(d)];
                rows[*at as usize] = i as u32;
                *at += 1;
            }
            rows
        } else {
            // Dates spread wider than four days a row: a small table, or a few outlying dates.
            let mut rows: Vec<u32> = (0..n as u32).collect();
            crate::sort::sort_by_key(&mut rows, |&i| close[i as usize]);
            rows
        };
        let days = rows.iter().map(|&i| close[i as usize]).collect();
        ByClose { days, rows, unknown, open, bits, open_memo: OpenMemo::default(), memo: Memo::default() }
    }

    /// Number of rows indexed.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether no row is indexed.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The rows closed in `p`, in close-date order.
    pub fn closed_in(&self, p: Period) -> &[u32] {
        let from = self.days.partition_point(|&d| d < p.from.0);
        let to = self.days.partition_point(|&d| d <= p.to.0);
        &self.rows[from..to.max(from)]
    }

    /// The rows without a close date, in table order.
    pub fn without_close(&self) -> &[u32] {
        &self.rows[..self.days.partition_point(|&d| d == NO_DAY)]
    }

    /// The rows closed after `day`, in close-date order.
    pub fn closed_after(&self, day: i32) -> &[u32] {
        &self.rows[self.days.partition_point(|&d| d <= day)..]
    }

    /// The latest close date of a row whose status (in `status`, the table's) is won or lost.
    pub fn latest_closed(&self, status: &[Status]) -> Option<i32> {
        let dated = self.days.partition_point(|&d| d == NO_DAY);
        let rows = self.rows.get(dated..).unwrap_or_default();
        let last = rows.iter().rposition(|&r| status.get(r as usize).is_some_and(|s| s.is_closed()))?;
        self.days.get(dated + last).copied()
    }

    /// The rows whose status is unknown, in table order.
    pub fn unknown(&self) -> &[u32] {
        &self.unknown
    }

    /// The open rows, in table order.
    pub fn open(&self) -> &[u32] {
        &self.open
    }

    /// Each row's status and whether it has a close date, 64 rows to a word.
    pub fn bits(&self) -> &StatusBits {
        &self.bits
    }

    /// The pipeline tallies of the table's deals with no filter: kept with the index, so every
    /// view without a filter reads what an earlier one counted (a period preset reads the
    /// month ends the first page's sparklines counted). Dropped with the index whenever the
    /// rows or their statuses change.
    pub fn unfiltered_open(&self) -> &OpenMemo {
        &self.open_memo
    }

    /// The figures computed over the table's deals with no filter (a period's closed deals,
    /// what was won up to a day), kept like [`ByClose::unfiltered_open`].
    pub fn unfiltered_memo(&self) -> &Memo {
        &self.memo
    }
}

/// `rows` (any order, repeats allowed) in table order without repeats, for a table of `len`
/// rows: through a bitset, so it costs `len / 64` words plus the rows, not a sort.
pub fn in_table_order(len: usize, rows: impl IntoIterator<Item = u32>) -> Vec<usize> {
    let mut bits = vec![0u64; len.div_ceil(64)];
    let mut n = 0;
    for r in rows.into_iter().filter(|&r| (r as usize) < len) {
        if let Some(w) = bits.get_mut(r as usize / 64) {
            let bit = 1u64 << (r % 64);
            n += (*w & bit == 0) as usize;
            *w |= bit;
        }
    }
    let mut out = Vec::with_capacity(n);
    for (k, &w) in bits.iter().enumerate() {
        let mut w = w;
        while w != 0 {
            out.push(k * 64 + w.trailing_zeros() as usize);
            w &= w - 1;
        }
    }
    out
}

/// A [`ByClose`] built on first use. It is derived from the table, so two tables compare equal
/// whether or not either has built it.
#[derive(Clone, Debug, Default)]
pub struct CloseIndex(OnceLock<std::sync::Arc<ByClose>>);

impl PartialEq for CloseIndex {
    fn eq(&self, _: &CloseIndex) -> bool {
        true
    }
}

impl CloseIndex {
    /// The index of a table with close days `close` and statuses `status`, built now if it
    /// was not yet; `None` when the rows changed since it was built without it being dropped
    /// (callers then walk the table).
    pub fn get(&self, close: &[i32], status: &[Status]) -> Option<&ByClose> {
        let built = self.0.get_or_init(|| std::sync::Arc::new(ByClose::build(close, status)));
        (built.len() == close.len().min(status.len())).then_some(&**built)
    }

    /// The index if it has been built (and the rows have not changed since), not building it.
    pub fn built(&self, close: &[i32], status: &[Status]) -> Option<&ByClose> {
        self.0.get().filter(|b| b.len() == close.len().min(status.len())).map(|b| &**b)
    }

    /// Drops the index after the rows or their statuses changed.
    pub fn clear(&mut self) {
        self.0 = OnceLock::new();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::day::Day;

    fn period(a: i32, b: i32) -> Period {
        Period::new(Day(a), Day(b)).unwrap()
    }

    #[test]
    fn finds_the_rows_closed_in_a_period_in_date_then_row_order() {
        use Status::*;
        let close = [5, NO_DAY, 3, 5, 9, NO_DAY, 3];
        let status = [Won, Open, Lost, Unknown, Won, Unknown, Won];
        for wide in [false, true] {
            // The sparse path sorts; spread the days apart to take it.
            let close: Vec<i32> = close.iter().map(|&d| if wide && d != NO_DAY { d * 100_000 } else { d }).collect();
            let ix = ByClose::build(&close, &status);
            let k = if wide { 100_000 } else { 1 };
            assert_eq!(ix.closed_in(period(3 * k, 5 * k)), [2, 6, 0, 3]);
            assert_eq!(ix.closed_in(period(4 * k, 4 * k)), [] as [u32; 0]);
            assert_eq!(ix.closed_in(period(10 * k, 20 * k)), [] as [u32; 0]);
            assert_eq!(ix.without_close(), [1, 5]);
            assert_eq!(ix.unknown(), [3, 5]);
            assert_eq!(ix.open(), [1]);
            assert_eq!(ix.closed_after(4 * k), [0, 3, 4]);
            assert_eq!(ix.bits(), &StatusBits::build(&close, &status));
            assert_eq!(ix.latest_closed(&status), Some(9 * k));
            let mut later_open = status;
            later_open[4] = Open;
            assert_eq!(ix.latest_closed(&later_open), Some(5 * k), "an open deal's close is a plan");
        }
        assert_eq!(ByClose::build(&[NO_DAY, 4], &[Won, Open]).latest_closed(&[Won, Open]), None);
        assert!(ByClose::build(&[], &[]).is_empty());
        assert_eq!(ByClose::build(&[NO_DAY], &[Open]).without_close(), [0]);
    }

    #[test]
    fn puts_rows_back_in_table_order_once_each() {
        assert_eq!(in_table_order(200, [130, 3, 64, 3, 199, 0, 63]), [0, 3, 63, 64, 130, 199]);
        assert_eq!(in_table_order(10, [12, 2]), [2], "rows past the end are dropped");
        assert!(in_table_order(0, []).is_empty());
    }
}
