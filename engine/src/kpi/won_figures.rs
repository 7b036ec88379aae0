//! What the deals closed in a period add up to, counted once per selection and period and read
//! by every KPI that needs a part of it: revenue, deals won, win rate, the means of deal size
//! and cycle length (sales velocity), the revenue mix and both growths.
//!
//! A trend announces its buckets ([`sweep`]): the figures of all of them are then counted in
//! one walk over the deals, each closed deal added to the bucket (or buckets, when the periods
//! overlap) its close date falls in. Each period's sums add its deals in table order, exactly
//! as a walk for that period alone does, so every figure is the same to the bit.

use super::classes::{deal_class, DealClass};
use super::deals::{closed_with, cycle_of, Closed};
use super::Ctx;
use crate::close_index::in_table_order;
use crate::column::NO_DAY;
use crate::deals_table::{Amount, DealsTable, Dim};
use crate::filter::{keeps, Mask};
use crate::memo::MemoKey;
use crate::period::Period;
use crate::stage::Status;
use std::sync::Arc;

/// The memo's name for [`WonFigures`].
const WHAT: &str = "won figures";

/// Most days a [`sweep`] spans (about 30 years); wider periods are counted one by one.
const MAX_SPAN: i64 = 11_000;

/// The deals of a period closed (won or lost), and the sums over those won.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct WonFigures {
    /// Won and lost counts, and the closed deals no period can hold.
    pub(super) closed: Closed,
    /// Σ amount (in the currency asked for) of the won deals with one, in table order.
    pub(super) sum: f64,
    /// Won deals with an amount in the currency asked for.
    pub(super) with_amount: usize,
    /// Won deals without an amount.
    pub(super) no_amount: usize,
    /// Won deals whose amount is in another currency.
    pub(super) other_currency: usize,
    /// Σ days from created to close of the won deals with both dates in order, in table order.
    pub(super) cycle_sum: f64,
    /// How many won deals `cycle_sum` adds.
    pub(super) cycles: usize,
    /// Won deals without a created date.
    pub(super) no_created: usize,
    /// Won deals that close before they were created.
    pub(super) closes_before_created: usize,
    /// Σ amount of the won deals per deal-type class ([`DealClass`] order), in table order.
    pub(super) mix: [f64; 3],
    /// Won deals with an amount whose deal type is in no class (or missing).
    pub(super) untyped: usize,
}

/// The deal-type class of each deal of a table, read through its dictionary: each distinct
/// type is classed once.
struct Classes<'a> {
    /// The deals' type codes (empty without the column).
    codes: &'a [u32],
    /// The class of each code.
    of_code: Vec<Option<DealClass>>,
}

impl<'a> Classes<'a> {
    /// The classes of `d`'s deal types.
    fn of(d: &'a DealsTable) -> Classes<'a> {
        match d.dim(Dim::DealType) {
            Some(t) => Classes { codes: &t.codes, of_code: t.values.iter().map(|v| deal_class(v)).collect() },
            None => Classes { codes: &[], of_code: Vec::new() },
        }
    }

    /// Deal `i`'s class (`None` without a type or for a type in no class).
    #[inline]
    fn of_row(&self, i: usize) -> Option<DealClass> {
        self.codes.get(i).and_then(|&c| self.of_code.get(c as usize).copied().flatten())
    }
}

impl WonFigures {
    /// Adds won deal `i` of `d`, amounts in `currency`, its deal type classed by `classes`.
    #[inline]
    fn add_won(&mut self, d: &DealsTable, i: usize, currency: Option<u32>, classes: &Classes) {
        match d.amount_in(i, currency) {
            Amount::Value(a) => {
                self.sum += a;
                self.with_amount += 1;
                match classes.of_row(i) {
                    Some(class) => self.mix[class as usize] += a,
                    None => self.untyped += 1,
                }
            }
            Amount::Missing => self.no_amount += 1,
            Amount::OtherCurrency => self.other_currency += 1,
        }
        let mut left_out = (0usize, 0usize);
        let (mut sum, mut n) = (self.cycle_sum, self.cycles);
        cycle_of(d, i, &mut left_out, &mut |_, days| {
            sum += days as f64;
            n += 1;
        });
        (self.cycle_sum, self.cycles) = (sum, n);
        self.no_created += left_out.0;
        self.closes_before_created += left_out.1;
    }

    /// The mean amount of the won deals with one (`None` when there is none).
    pub(super) fn mean_amount(&self) -> Option<f64> {
        (self.with_amount > 0).then(|| self.sum / self.with_amount as f64)
    }

    /// The mean cycle in days of the won deals with both dates in order (`None` when none).
    pub(super) fn mean_cycle(&self) -> Option<f64> {
        (self.cycles > 0).then(|| self.cycle_sum / self.cycles as f64)
    }
}

/// The memo key of the figures of `p` in `ctx`'s currency over `d`.
fn key(ctx: &Ctx, d: &DealsTable, p: Period) -> MemoKey {
    MemoKey { what: WHAT, from: p.from.0, to: p.to.0, currency: ctx.scope.currency, rows: d.len() }
}

/// The figures of the deals that pass the filters closed in `p`: kept from a [`sweep`] or an
/// earlier read, or counted now. `None` without deals.
pub(super) fn won_figures(ctx: &Ctx, p: Period) -> Option<Arc<WonFigures>> {
    let (d, mask) = ctx.deals()?;
    Some(ctx.sel.memo.get_or(key(ctx, d, p), || count(d, mask, p, ctx.scope.currency)))
}

/// The figures of `p` from one walk (or index lookup) over the deals.
pub(super) fn count(d: &DealsTable, mask: &Mask, p: Period, currency: Option<u32>) -> WonFigures {
    let classes = Classes::of(d);
    let mut f = WonFigures::default();
    let closed = closed_with(d, mask, p, |i| f.add_won(d, i, currency, &classes));
    WonFigures { closed, ..f }
}

/// Counts the figures of every period of `periods` not kept yet in one walk over the deals,
/// and keeps them (see the module docs). Periods may overlap and repeat. Periods spanning more
/// than [`MAX_SPAN`] days together are left to be counted one by one when read.
pub(super) fn sweep(ctx: &Ctx, periods: &[Period]) {
    let Some((d, mask)) = ctx.deals() else { return };
    let mut todo: Vec<Period> = Vec::new();
    for &p in periods {
        if !todo.contains(&p) && !ctx.sel.memo.has(key(ctx, d, p)) {
            todo.push(p);
        }
    }
    if todo.len() < 2 {
        // One period is one walk whether swept or not.
        return;
    }
    let Some(figures) = count_many(d, mask, &todo, ctx.scope.currency) else { return };
    for (p, f) in todo.into_iter().zip(figures) {
        ctx.sel.memo.get_or(key(ctx, d, p), || f);
    }
}

/// For each day from `lo`, the periods of `periods` that hold it (indices), as one flat list
/// with a start per day.
struct DayIndex {
    lo: i32,
    starts: Vec<u32>,
    holders: Vec<u32>,
}

impl DayIndex {
    /// The index of `periods`, or `None` when they spread over more than [`MAX_SPAN`] days.
    fn new(periods: &[Period]) -> Option<DayIndex> {
        let lo = periods.iter().map(|p| p.from.0).min()?;
        let hi = periods.iter().map(|p| p.to.0).max()?;
        let span = hi as i64 - lo as i64 + 1;
        if !(1..=MAX_SPAN).contains(&span) {
            return None;
        }
        let mut starts = Vec::with_capacity(span as usize + 1);
        let mut holders = Vec::new();
        for day in lo..=hi {
            starts.push(holders.len() as u32);
            holders.extend((0..periods.len() as u32).filter(|&k| periods[k as usize].contains_raw(day)));
        }
        starts.push(holders.len() as u32);
        Some(DayIndex { lo, starts, holders })
    }

    /// The periods that hold `day` (none outside the index).
    #[inline]
    fn holding(&self, day: i32) -> &[u32] {
        let at = day as i64 - self.lo as i64;
        if at < 0 {
            return &[];
        }
        let at = at as usize;
        match (self.starts.get(at), self.starts.get(at + 1)) {
            (Some(&a), Some(&b)) => self.holders.get(a as usize..b as usize).unwrap_or_default(),
            _ => &[],
        }
    }
}

/// The figures of each of `periods` (distinct), from one pass over the deals closed in any of
/// them, in table order. `None` when they spread too wide (see [`DayIndex::new`]).
fn count_many(d: &DealsTable, mask: &Mask, periods: &[Period], currency: Option<u32>) -> Option<Vec<WonFigures>> {
    let index = DayIndex::new(periods)?;
    let classes = Classes::of(d);
    let mut figures = vec![WonFigures::default(); periods.len()];
    let (mut won_no_close, mut lost_no_close, mut unknown) = (0usize, 0usize, 0usize);
    let mut visit = |i: usize, status: Status, close: i32| {
        for &k in index.holding(close) {
            let Some(f) = figures.get_mut(k as usize) else { continue };
            match status {
                Status::Won => {
                    f.closed.won += 1;
                    f.add_won(d, i, currency, &classes);
                }
                Status::Lost => f.closed.lost += 1,
                _ => {}
            }
        }
    };
    let n = d.status.len().min(d.close.days.len());
    let whole = periods
        .iter()
        .fold(None::<Period>, |a, p| Some(a.map_or(*p, |a| Period { from: a.from.min(p.from), to: a.to.max(p.to) })));
    let picked =
        whole.and_then(|w| d.close_index().map(|ix| (ix, ix.closed_in(w)))).filter(|(_, run)| run.len() * 4 <= n);
    match picked {
        Some((ix, run)) => {
            // Few deals closed in the periods: looked up in the close-date index, put back in
            // table order.
            let rows = run.iter().copied().filter(|&r| keeps(mask, r as usize));
            for i in in_table_order(n, rows) {
                visit(i, d.status[i], d.close.days[i]);
            }
            for i in ix.without_close().iter().map(|&r| r as usize).filter(|&i| keeps(mask, i)) {
                match d.status.get(i) {
                    Some(Status::Won) => won_no_close += 1,
                    Some(Status::Lost) => lost_no_close += 1,
                    _ => {}
                }
            }
            unknown = ix.unknown().iter().filter(|&&r| keeps(mask, r as usize)).count();
        }
        None => {
            for (i, (&status, &close)) in d.status.iter().zip(&d.close.days).enumerate() {
                if !keeps(mask, i) {
                    continue;
                }
                match status {
                    Status::Won | Status::Lost if close == NO_DAY => {
                        won_no_close += (status == Status::Won) as usize;
                        lost_no_close += (status == Status::Lost) as usize;
                    }
                    Status::Won | Status::Lost => visit(i, status, close),
                    Status::Unknown => unknown += 1,
                    Status::Open => {}
                }
            }
        }
    }
    for f in &mut figures {
        f.closed.won_no_close = won_no_close;
        f.closed.lost_no_close = lost_no_close;
        f.closed.unknown_status = unknown;
    }
    Some(figures)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::column::DictColumn;
    use crate::day::Day;

    type Row = (u8, Option<i32>, Option<i32>, Option<f64>, u8, Option<u8>);

    /// A table of `(status, created, close, amount, currency, deal type)` rows.
    fn table(rows: &[Row]) -> DealsTable {
        let statuses = [Status::Open, Status::Won, Status::Lost, Status::Unknown];
        let mut d = DealsTable::default();
        let (mut currency, mut types) = (DictColumn::default(), DictColumn::default());
        for &(s, created, close, amount, cur, kind) in rows {
            d.status.push(statuses[s as usize % 4]);
            d.created.days.push(created.unwrap_or(NO_DAY));
            d.close.days.push(close.unwrap_or(NO_DAY));
            d.stage.push(None);
            d.amount.push(amount);
            currency.push(Some(["EUR", "USD"][cur as usize % 2]));
            types.push(kind.map(|k| ["New business", "Upsell", "Renewal", "Other"][k as usize % 4]));
        }
        d.currency = Some(currency);
        if let Some(at) = Dim::ALL.iter().position(|&x| x == Dim::DealType) {
            d.dims[at] = Some(types);
        }
        d
    }

    fn period(a: i32, b: i32) -> Period {
        Period::new(Day(a.min(b)), Day(a.max(b))).unwrap_or(Period { from: Day(a), to: Day(a) })
    }

    #[test]
    fn figures_add_each_won_deal_once_per_period_holding_it() {
        // (status, created, close, amount, currency, type)
        let rows: [Row; 6] = [
            (1, Some(1), Some(10), Some(100.0), 0, Some(0)),
            (1, Some(12), Some(10), Some(50.0), 0, Some(1)), // closes before created
            (1, None, Some(20), None, 0, None),              // no created date, no amount
            (2, Some(1), Some(15), Some(7.0), 0, None),
            (1, Some(1), None, Some(9.0), 0, None), // no close date
            (3, Some(1), Some(12), Some(1.0), 0, None),
        ];
        let d = table(&rows);
        let f = count(&d, &None, period(10, 20), None);
        assert_eq!((f.closed.won, f.closed.lost, f.closed.won_no_close, f.closed.unknown_status), (3, 1, 1, 1));
        assert_eq!((f.sum, f.with_amount, f.no_amount), (150.0, 2, 1));
        assert_eq!((f.cycles, f.cycle_sum, f.no_created, f.closes_before_created), (1, 9.0, 1, 1));
        assert_eq!((f.mix, f.untyped), ([100.0, 50.0, 0.0], 0));
        assert_eq!(f.mean_amount(), Some(75.0));
        let periods = [period(10, 10), period(10, 20), period(16, 30)];
        let swept = count_many(&d, &None, &periods, None).unwrap();
        let alone: Vec<WonFigures> = periods.iter().map(|&p| count(&d, &None, p, None)).collect();
        assert_eq!(swept, alone);
        assert!(count_many(&d, &None, &[period(0, 1), period(0, 20_000)], None).is_none(), "too wide");
    }

    proptest::proptest! {
        /// For any deals, mask, currency and periods, one sweep gives each period's own figures.
        #[test]
        fn a_sweep_agrees_with_a_count_per_period(
            rows in proptest::collection::vec(
                (0u8..4, proptest::option::of(0i32..400), proptest::option::of(0i32..400), proptest::option::of(-50.0f64..1000.0), 0u8..2, proptest::option::of(0u8..4)),
                0..300,
            ),
            mask in proptest::option::of(proptest::collection::vec(proptest::bool::ANY, 300)),
            bounds in proptest::collection::vec((0i32..400, 0i32..400), 1..14),
            by_currency in proptest::bool::ANY,
        ) {
            let d = table(&rows);
            let mask = mask.map(|m| m[..rows.len()].to_vec());
            let currency = by_currency.then_some(1);
            let mut periods: Vec<Period> = bounds.iter().map(|&(a, b)| period(a, b)).collect();
            periods.dedup();
            let alone: Vec<WonFigures> = periods.iter().map(|&p| count(&d, &mask, p, currency)).collect();
            match count_many(&d, &mask, &periods, currency) {
                Some(swept) => proptest::prop_assert_eq!(swept, alone),
                None => proptest::prop_assert!(false, "the periods fit the span"),
            }
        }
    }
}
