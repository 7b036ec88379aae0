//! The deals closed in a period, counted by outcome: looked up in the close-date index when the
//! period holds few of them, else counted over every deal 64 at a time; and a won deal's cycle.
//! Shared by the deals KPIs (`deals.rs`) and the counts a selection keeps (`won_figures.rs`).

use crate::close_index::{in_table_order, ByClose};
use crate::deals_table::DealsTable;
use crate::filter::{keeps, Mask};
use crate::period::Period;
use crate::stage::Status;

/// Deals closed in a period, split by outcome, and the closed deals that cannot be placed in
/// any period because they have no close date.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct Closed {
    pub(super) won: usize,
    pub(super) lost: usize,
    pub(super) won_no_close: usize,
    pub(super) lost_no_close: usize,
    pub(super) unknown_status: usize,
}

/// The deals closed in `p` from the close-date index, when they are few enough that looking
/// them up beats walking every deal (a month or a quarter of a longer history).
pub(super) fn few_closed_in(d: &DealsTable, p: Period) -> Option<(&[u32], &ByClose)> {
    let ix = d.close_index()?;
    let run = ix.closed_in(p);
    (run.len() * 4 <= d.len()).then_some((run, ix))
}

/// The closed deals that pass a mask and that no period can hold (no close date), and the
/// deals of unknown status: the same for every period, so a selection keeps them once.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(super) struct Undated {
    won_no_close: usize,
    lost_no_close: usize,
    unknown_status: usize,
}

/// [`Undated`] from the close-date index's lists of rows without a close date and of unknown
/// status.
pub(super) fn undated_from_index(d: &DealsTable, mask: &Mask, ix: &ByClose) -> Undated {
    let mut u = Undated::default();
    for i in ix.without_close().iter().map(|&r| r as usize).filter(|&i| keeps(mask, i)) {
        match d.status.get(i) {
            Some(Status::Won) => u.won_no_close += 1,
            Some(Status::Lost) => u.lost_no_close += 1,
            _ => {}
        }
    }
    u.unknown_status = ix.unknown().iter().filter(|&&r| keeps(mask, r as usize)).count();
    u
}

/// [`closed_with`] from the close-date index, calling `on_won(row)` for each deal that passes
/// `mask` and was won in `p`, in row order.
fn closed_from_index(d: &DealsTable, mask: &Mask, run: &[u32], u: Undated, on_won: impl FnMut(usize)) -> Closed {
    let mut c = Closed::default();
    let mut won = Vec::new();
    for i in run.iter().map(|&r| r as usize).filter(|&i| keeps(mask, i)) {
        match d.status[i] {
            Status::Won => won.push(i as u32),
            Status::Lost => c.lost += 1,
            _ => {}
        }
    }
    (c.won_no_close, c.lost_no_close, c.unknown_status) = (u.won_no_close, u.lost_no_close, u.unknown_status);
    c.won = won.len();
    in_table_order(d.len(), won).into_iter().for_each(on_won);
    c
}

/// `closed_with` (in `deals.rs`), taking the period-free counts from `undated` when the period's deals are
/// looked up in the index (a selection keeps them; a walk counts them anyway).
pub(super) fn closed_with_undated(
    d: &DealsTable,
    mask: &Mask,
    p: Period,
    undated: impl FnOnce(&ByClose) -> Undated,
    on_won: impl FnMut(usize),
) -> Closed {
    if let Some((run, ix)) = few_closed_in(d, p) {
        return closed_from_index(d, mask, run, undated(ix), on_won);
    }
    // 64 rows at a time without a branch; only the won rows are visited one by one.
    let c = crate::row_scan::count_closed(d, mask, p, on_won);
    Closed {
        won: c.won,
        lost: c.lost,
        won_no_close: c.won_no_close,
        lost_no_close: c.lost_no_close,
        unknown_status: c.unknown,
    }
}

/// Row `i`'s days from created to close for `won_cycles` (in `deals.rs`): passed to `each`, or counted in
/// `left_out` as (no created date, closed before created).
#[inline]
pub(super) fn cycle_of(d: &DealsTable, i: usize, left_out: &mut (usize, usize), each: &mut impl FnMut(usize, i32)) {
    let (Some(created), Some(close)) = (d.created.get(i), d.close.get(i)) else {
        left_out.0 += 1;
        return;
    };
    match created.days_until(close) {
        n if n < 0 => left_out.1 += 1,
        n => each(i, n),
    }
}
