//! Branch-free passes over the deals' status and date columns, 64 rows to a word, in table
//! order: the deals that may be open on a day, and the deals closed in a period.
//!
//! The KPIs of one redraw read the pipeline on the last day of every bucket of a trend and of
//! the period and its comparison, and the deals closed in the period many times over: a dozen
//! walks and more over every deal. A row-by-row walk with a branch per row cost ~5 ms per read
//! on a million deals; these test 64 rows without a branch, keep the answers as bits, count them
//! with `count_ones`, and visit only the rows whose bit is set (open deals and deals in flight
//! on the day, or the deals won in the period).

use crate::close_index::in_table_order;
use crate::column::NO_DAY;
use crate::deals_table::DealsTable;
use crate::mask::{keeps, Mask};
use crate::period::Period;
#[cfg(test)]
use crate::stage::Status;
use crate::status_bits::{kept, pack, test_rows, WORD};

/// Calls `on_row(i)`, in table order, for each row of `d` that passes `mask` and may be open on
/// some day from `first` to `last`: every row whose status is open (created after those days
/// or not: the caller tells those apart), and every won or lost row created on or before `last`
/// (a created date is needed) and closed after `first`. Rows past the end of a column or of
/// the mask are skipped, as [`crate::filter::keeps`] skips rows past a mask's end.
///
/// It reads the table's status bits ([`crate::status_bits`]): per block, the open rows that
/// pass the mask are visited as they are, and only the won or lost ones with a close date have
/// their dates tested.
pub fn for_each_open_within(d: &DealsTable, mask: &Mask, first: i32, last: i32, mut on_row: impl FnMut(usize)) {
    let bits = d.status_bits();
    let n = d.status.len().min(d.created.days.len()).min(d.close.days.len()).min(bits.len());
    let n = mask.as_ref().map_or(n, |m| n.min(m.len()));
    let (created, close) = (&d.created.days[..n], &d.close.days[..n]);
    let mask = mask.as_ref().map(|m| &m[..n]);
    for (k, (cr, cl)) in created.chunks(WORD).zip(close.chunks(WORD)).enumerate() {
        let start = k * WORD;
        let keep = keep_of(mask, start, cl.len());
        if keep == 0 {
            continue;
        }
        let b = bits.block(k);
        let closed = (b.won | b.lost) & keep & !b.no_close;
        // `NO_DAY` is the lowest day: a missing created date is never on or before `last`
        // once it is told apart.
        let flies = |cr: i32, cl: i32| (cl > first) & (cr != NO_DAY) & (cr <= last);
        let in_flight = test_rows(
            closed,
            cl.len(),
            |j| flies(cr.get(j).copied().unwrap_or(NO_DAY), cl.get(j).copied().unwrap_or(NO_DAY)),
            || pack(cr.iter().zip(cl).map(|(&cr, &cl)| flies(cr, cl))),
        );
        for_each_bit((b.open & keep) | in_flight, |j| on_row(start + j));
    }
}

/// Calls `each(row)`, in table order, for every row that passes `mask` and may have closed in
/// `p`: the rows the close-date index has closed in `p` when they are few (a month or a quarter
/// of a longer history), else every row (the caller tests the status and the date either way).
pub fn for_each_closed_in(d: &DealsTable, mask: &Mask, p: Period, each: &mut dyn FnMut(usize)) {
    match d.close_index().map(|ix| ix.closed_in(p)).filter(|run| run.len() * 4 <= d.len()) {
        Some(run) => {
            let kept: Vec<u32> = run.iter().copied().filter(|&i| keeps(mask, i as usize)).collect();
            in_table_order(d.len(), kept).into_iter().for_each(each);
        }
        None => (0..d.len()).filter(|&i| keeps(mask, i)).for_each(each),
    }
}

/// The rows of `d` that pass `mask` whose status is open and that have no close date, counted
/// 64 at a time from the status bits (an open deal without an expected close date falls in no
/// period).
pub fn count_open_undated(d: &DealsTable, mask: &Mask) -> usize {
    let bits = d.status_bits();
    let n = mask.as_ref().map_or(bits.len(), |m| bits.len().min(m.len()));
    let mask = mask.as_ref().map(|m| &m[..n]);
    (0..n.div_ceil(WORD))
        .map(|k| {
            let (b, start) = (bits.block(k), k * WORD);
            (b.open & b.no_close & keep_of(mask, start, (n - start).min(WORD))).count_ones() as usize
        })
        .sum()
}

/// Bit `k` set for each row `start + k` (of a block of `len`) that `mask` keeps; every row of
/// the block without a mask.
#[inline]
fn keep_of(mask: Option<&[bool]>, start: usize, len: usize) -> u64 {
    match mask {
        Some(m) => kept(m.get(start..start + len).unwrap_or_default()),
        None if len >= WORD => u64::MAX,
        None => (1u64 << len) - 1,
    }
}

/// [`for_each_open_within`] reading every row's status, as it was before the status bits: what
/// the tests hold the bits to.
#[cfg(test)]
fn open_within_by_walk(d: &DealsTable, mask: &Mask, first: i32, last: i32, mut on_row: impl FnMut(usize)) {
    let n = d.status.len().min(d.created.days.len()).min(d.close.days.len());
    let n = mask.as_ref().map_or(n, |m| n.min(m.len()));
    let (status, created, close) = (&d.status[..n], &d.created.days[..n], &d.close.days[..n]);
    let mask = mask.as_ref().map(|m| &m[..n]);
    for (k, ((s, cr), cl)) in status.chunks(WORD).zip(created.chunks(WORD)).zip(close.chunks(WORD)).enumerate() {
        let start = k * WORD;
        let keep = mask.map_or(u64::MAX, |m| kept(m.get(start..start + s.len()).unwrap_or_default()));
        if keep == 0 {
            continue;
        }
        let bits = if sparse(keep, s.len()) {
            let mut bits = 0u64;
            for_each_bit(keep, |k| bits |= candidates(&s[k..=k], &cr[k..=k], &cl[k..=k], first, last) << k);
            bits
        } else {
            candidates(s, cr, cl, first, last) & keep
        };
        for_each_bit(bits, |k| on_row(start + k));
    }
}

/// The deals that pass a mask, by outcome and close date in a period (see [`count_closed`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ClosedCounts {
    /// Won with a close date in the period.
    pub won: usize,
    /// Lost with a close date in the period.
    pub lost: usize,
    /// Won without a close date.
    pub won_no_close: usize,
    /// Lost without a close date.
    pub lost_no_close: usize,
    /// Of unknown status.
    pub unknown: usize,
}

/// Counts the deals of `d` that pass `mask` by outcome and close date in `p`, calling
/// `on_won(i)`, in table order, for each one won in `p`. Rows past the end of a column or of
/// the mask are skipped.
///
/// It reads the table's status bits ([`crate::status_bits`]): the counts of each block are
/// those of its bits, and only the won or lost rows with a close date that pass the mask have
/// their date tested.
pub fn count_closed(d: &DealsTable, mask: &Mask, p: Period, mut on_won: impl FnMut(usize)) -> ClosedCounts {
    let bits = d.status_bits();
    let n = d.status.len().min(d.close.days.len()).min(bits.len());
    let n = mask.as_ref().map_or(n, |m| n.min(m.len()));
    let close = &d.close.days[..n];
    let mask = mask.as_ref().map(|m| &m[..n]);
    let mut c = ClosedCounts::default();
    for (k, cl) in close.chunks(WORD).enumerate() {
        let start = k * WORD;
        let keep = keep_of(mask, start, cl.len());
        if keep == 0 {
            continue;
        }
        let b = bits.block(k);
        let (won, lost) = (b.won & keep, b.lost & keep);
        c.won_no_close += (won & b.no_close).count_ones() as usize;
        c.lost_no_close += (lost & b.no_close).count_ones() as usize;
        c.unknown += (b.unknown & keep).count_ones() as usize;
        let in_p = test_rows(
            (won | lost) & !b.no_close,
            cl.len(),
            |j| cl.get(j).is_some_and(|&day| p.contains_raw(day)),
            || pack(cl.iter().map(|&day| p.contains_raw(day))),
        );
        let won_in = in_p & won;
        c.won += won_in.count_ones() as usize;
        c.lost += (in_p & lost).count_ones() as usize;
        for_each_bit(won_in, |j| on_won(start + j));
    }
    c
}

/// [`count_closed`] reading every row's status, as it was before the status bits: what the
/// tests hold the bits to.
#[cfg(test)]
fn closed_by_walk(d: &DealsTable, mask: &Mask, p: Period, mut on_won: impl FnMut(usize)) -> ClosedCounts {
    let n = d.status.len().min(d.close.days.len());
    let n = mask.as_ref().map_or(n, |m| n.min(m.len()));
    let (status, close) = (&d.status[..n], &d.close.days[..n]);
    let mask = mask.as_ref().map(|m| &m[..n]);
    let mut c = ClosedCounts::default();
    for (k, (s, cl)) in status.chunks(WORD).zip(close.chunks(WORD)).enumerate() {
        let start = k * WORD;
        let keep = mask.map_or(u64::MAX, |m| kept(m.get(start..start + s.len()).unwrap_or_default()));
        if keep == 0 {
            // A filter keeps few rows: most blocks have none.
            continue;
        }
        let (mut won, mut lost, mut won_no, mut lost_no, mut unknown) = (0u64, 0u64, 0u64, 0u64, 0u64);
        let mut row = |k: usize, s: Status, cl: i32| {
            // A missing close date (`NO_DAY`) is never in the period.
            let (in_p, no_close) = (p.contains_raw(cl), cl == NO_DAY);
            let (is_won, is_lost) = (s == Status::Won, s == Status::Lost);
            won |= u64::from(is_won & in_p) << k;
            lost |= u64::from(is_lost & in_p) << k;
            won_no |= u64::from(is_won & no_close) << k;
            lost_no |= u64::from(is_lost & no_close) << k;
            unknown |= u64::from(s == Status::Unknown) << k;
        };
        if sparse(keep, s.len()) {
            for_each_bit(keep, |k| row(k, s[k], cl[k]));
        } else {
            s.iter().zip(cl).enumerate().for_each(|(k, (&s, &cl))| row(k, s, cl));
        }
        let won = won & keep;
        c.won += won.count_ones() as usize;
        c.lost += (lost & keep).count_ones() as usize;
        c.won_no_close += (won_no & keep).count_ones() as usize;
        c.lost_no_close += (lost_no & keep).count_ones() as usize;
        c.unknown += (unknown & keep).count_ones() as usize;
        for_each_bit(won, |k| on_won(start + k));
    }
    c
}

/// Bit `k` set for row `k` of a block (at most 64 rows) that [`for_each_open_within`] visits.
#[cfg(test)]
#[inline]
fn candidates(status: &[Status], created: &[i32], close: &[i32], first: i32, last: i32) -> u64 {
    let mut bits = 0u64;
    for (k, ((&s, &cr), &cl)) in status.iter().zip(created).zip(close).enumerate() {
        let open = s == Status::Open;
        let closed = (s == Status::Won) | (s == Status::Lost);
        // `NO_DAY` is the lowest day: a missing close date is never after `first`.
        let in_flight = closed & (cl > first) & (cr != NO_DAY) & (cr <= last);
        bits |= u64::from(open | in_flight) << k;
    }
    bits
}

/// Whether a block of `len` rows with `keep` bits keeps so few of them (a filter on one owner
/// of fifty) that testing those alone beats testing all 64 without a branch.
#[cfg(test)]
#[inline]
fn sparse(keep: u64, len: usize) -> bool {
    (keep.count_ones() as usize) * 8 < len
}

/// Calls `f(k)` for each bit `k` set in `bits`, lowest first.
#[inline]
pub(crate) fn for_each_bit(mut bits: u64, mut f: impl FnMut(usize)) {
    while bits != 0 {
        f(bits.trailing_zeros() as usize);
        bits &= bits - 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::filter::keeps;

    /// The rows the scan must visit, one row at a time.
    fn reference(d: &DealsTable, mask: &Mask, first: i32, last: i32) -> Vec<usize> {
        (0..d.len())
            .filter(|&i| keeps(mask, i))
            .filter(|&i| match d.status[i] {
                Status::Open => true,
                Status::Won | Status::Lost => {
                    d.close.days[i] > first && d.created.days[i] != NO_DAY && d.created.days[i] <= last
                }
                Status::Unknown => false,
            })
            .collect()
    }

    /// The rows visited, the same whether read from the status bits or row by row.
    fn visited(d: &DealsTable, mask: &Mask, first: i32, last: i32) -> Vec<usize> {
        let mut rows = Vec::new();
        for_each_open_within(d, mask, first, last, |i| rows.push(i));
        let mut walked = Vec::new();
        open_within_by_walk(d, mask, first, last, |i| walked.push(i));
        assert_eq!(rows, walked, "bits and walk");
        rows
    }

    fn table(rows: &[(Status, i32, i32)]) -> DealsTable {
        let mut d = DealsTable::default();
        for &(s, cr, cl) in rows {
            d.status.push(s);
            d.created.days.push(cr);
            d.close.days.push(cl);
        }
        d
    }

    #[test]
    fn visits_open_deals_and_deals_in_flight_on_the_day() {
        use Status::*;
        // (status, created, close, visited on day 10)
        let cases = [
            (Open, 5, NO_DAY, true),
            (Open, 20, NO_DAY, true),
            (Open, NO_DAY, NO_DAY, true),
            (Won, 5, 11, true),
            (Lost, 10, 30, true),
            (Won, 5, 10, false),
            (Won, 11, 30, false),
            (Won, NO_DAY, 30, false),
            (Lost, 5, NO_DAY, false),
            (Unknown, 5, 30, false),
        ];
        let d = table(&cases.map(|(s, cr, cl, _)| (s, cr, cl)));
        let want: Vec<usize> = (0..cases.len()).filter(|&i| cases[i].3).collect();
        assert_eq!(visited(&d, &None, 10, 10), want);
        assert_eq!(visited(&d, &Some(vec![false; cases.len()]), 10, 10), Vec::<usize>::new());
        // A mask shorter than the table keeps nothing past its end.
        assert_eq!(visited(&d, &Some(vec![true; 4]), 10, 10), [0, 1, 2, 3]);
        // Over days 10 to 11, the deal created on day 11 is in flight too.
        assert_eq!(visited(&d, &None, 10, 11), [0, 1, 2, 3, 4, 6]);
    }

    /// The counts of [`count_closed`] and the won rows, one row at a time.
    fn closed_reference(d: &DealsTable, mask: &Mask, p: Period) -> (ClosedCounts, Vec<usize>) {
        let (mut c, mut rows) = (ClosedCounts::default(), Vec::new());
        for i in (0..d.len()).filter(|&i| keeps(mask, i)) {
            let (s, close) = (d.status[i], d.close.days[i]);
            match s {
                Status::Won if p.contains_raw(close) => {
                    c.won += 1;
                    rows.push(i);
                }
                Status::Lost if p.contains_raw(close) => c.lost += 1,
                Status::Won if close == NO_DAY => c.won_no_close += 1,
                Status::Lost if close == NO_DAY => c.lost_no_close += 1,
                Status::Unknown => c.unknown += 1,
                _ => {}
            }
        }
        (c, rows)
    }

    /// The counts and won rows, the same whether read from the status bits or row by row.
    fn closed(d: &DealsTable, mask: &Mask, p: Period) -> (ClosedCounts, Vec<usize>) {
        let mut rows = Vec::new();
        let c = count_closed(d, mask, p, |i| rows.push(i));
        let mut walked = Vec::new();
        let w = closed_by_walk(d, mask, p, |i| walked.push(i));
        assert_eq!((c, &rows), (w, &walked), "bits and walk");
        (c, rows)
    }

    #[test]
    fn a_mask_block_packs_into_its_bits() {
        for len in [0usize, 1, 7, 8, 9, 63, 64] {
            for seed in 0..20u64 {
                let mask: Vec<bool> = (0..len).map(|k| (seed.wrapping_mul(0x9e37_79b9) >> (k % 31)) & 1 == 1).collect();
                let want = mask.iter().enumerate().fold(0u64, |bits, (k, &keep)| bits | u64::from(keep) << k);
                assert_eq!(kept(&mask), want, "{mask:?}");
            }
        }
        assert_eq!(kept(&[true; 64]), u64::MAX);
    }

    #[test]
    fn counts_closed_deals_by_outcome() {
        use Status::*;
        let d = table(&[
            (Won, 1, 5),
            (Won, 1, 50),
            (Lost, 1, 7),
            (Won, 1, NO_DAY),
            (Lost, 1, NO_DAY),
            (Unknown, 1, 5),
            (Open, 1, 5),
            (Won, 1, 10),
        ]);
        let p = Period::new(crate::Day(5), crate::Day(10)).expect("a period");
        let want = ClosedCounts { won: 2, lost: 1, won_no_close: 1, lost_no_close: 1, unknown: 1 };
        assert_eq!(closed(&d, &None, p), (want, vec![0, 7]));
        let mask = Some(vec![false, true, true, true, true, true, true]);
        let want = ClosedCounts { won: 0, lost: 1, won_no_close: 1, lost_no_close: 1, unknown: 1 };
        assert_eq!(closed(&d, &mask, p), (want, vec![]));
    }

    proptest::proptest! {
        /// Over blocks of any length, with and without a mask, the counts and won rows are
        /// those of a row-by-row reading.
        #[test]
        fn closed_counts_agree_with_a_row_by_row_reading(
            rows in proptest::collection::vec((0u8..4, proptest::option::of(0i32..40)), 0..300),
            mask in proptest::option::of(proptest::collection::vec(proptest::bool::ANY, 0..300)),
            (from, len) in (0i32..40, 0i32..40),
        ) {
            let statuses = [Status::Open, Status::Won, Status::Lost, Status::Unknown];
            let rows: Vec<(Status, i32, i32)> =
                rows.iter().map(|&(s, cl)| (statuses[s as usize], 0, cl.unwrap_or(NO_DAY))).collect();
            let d = table(&rows);
            let p = Period::new(crate::Day(from), crate::Day(from + len)).expect("a period");
            proptest::prop_assert_eq!(closed(&d, &mask, p), closed_reference(&d, &mask, p));
        }

        /// Over blocks of any length, with and without a mask, the scan visits exactly the
        /// rows a row-by-row reading keeps, in table order.
        #[test]
        fn agrees_with_a_row_by_row_reading(
            rows in proptest::collection::vec((0u8..4, proptest::option::of(0i32..40), proptest::option::of(0i32..40)), 0..300),
            mask in proptest::option::of(proptest::collection::vec(proptest::bool::ANY, 0..300)),
            (first, len) in (0i32..40, 0i32..10),
        ) {
            let statuses = [Status::Open, Status::Won, Status::Lost, Status::Unknown];
            let rows: Vec<(Status, i32, i32)> = rows
                .iter()
                .map(|&(s, cr, cl)| (statuses[s as usize], cr.unwrap_or(NO_DAY), cl.unwrap_or(NO_DAY)))
                .collect();
            let d = table(&rows);
            let last = first + len;
            proptest::prop_assert_eq!(visited(&d, &mask, first, last), reference(&d, &mask, first, last));
        }
    }
}
