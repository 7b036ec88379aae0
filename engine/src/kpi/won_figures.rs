//! What the deals closed in a period add up to, counted once per selection and period and read
//! by every KPI that needs a part of it: revenue, deals won, win rate, the means of deal size
//! and cycle length (sales velocity), the revenue mix and both growths.
//!
//! A trend announces its buckets ([`sweep`]): the figures of all of them are then counted in
//! one walk over the deals, each closed deal added to the bucket (or buckets, when the periods
//! overlap) its close date falls in. Each period's sums add its deals in table order, exactly
//! as a walk for that period alone does, so every figure is the same to the bit.

use super::classes::{deal_class, DealClass};
use super::closed::{closed_with_undated, cycle_of, undated_from_index, Closed, Undated};
use super::Ctx;
use crate::close_index::ByClose;
use crate::column::Amount;
use crate::column::NO_DAY;
use crate::deals_table::{DealsTable, Dim};
use crate::filter::Mask;
use crate::memo::MemoKey;
use crate::period::Period;
use crate::stage::Status;
use crate::status_bits::{pack, test_rows};
use std::sync::Arc;

/// The memo's name for [`WonFigures`].
const WHAT: &str = "won figures";

/// The memo's name for the closed deals no period holds ([`Undated`]).
const UNDATED: &str = "closed deals without a close date";

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
    Some(ctx.deals_memo().get_or(key(ctx, d, p), || {
        // The deals no period holds are the same for every period: looked up once.
        let undated = |ix: &_| {
            let key = MemoKey { what: UNDATED, from: 0, to: 0, currency: None, rows: d.len() };
            *ctx.deals_memo().get_or(key, || undated_from_index(d, mask, ix))
        };
        count_with(d, mask, p, ctx.scope.currency, undated)
    }))
}

/// The figures of `p` from one walk (or index lookup) over the deals, nothing kept: what the
/// tests hold the sweep and the kept figures to.
#[cfg(test)]
pub(super) fn count(d: &DealsTable, mask: &Mask, p: Period, currency: Option<u32>) -> WonFigures {
    count_with(d, mask, p, currency, |ix| undated_from_index(d, mask, ix))
}

/// [`count`], the deals no period holds given by `undated` when the index is read.
fn count_with(
    d: &DealsTable,
    mask: &Mask,
    p: Period,
    currency: Option<u32>,
    undated: impl FnOnce(&ByClose) -> Undated,
) -> WonFigures {
    let classes = Classes::of(d);
    let mut f = WonFigures::default();
    let closed = closed_with_undated(d, mask, p, undated, |i| f.add_won(d, i, currency, &classes));
    WonFigures { closed, ..f }
}

/// The figures of `p` for each value of a dimension at once: `codes` are the deals' codes of
/// it, `values` how many values it has. Entry `c` is what [`count`] gives with the deals of
/// code `c` alone passing `mask` (a deal without a value is in no entry), each entry's sums
/// added in table order as that count adds them: one walk instead of a selection and a walk
/// per value.
pub(super) fn by_code(
    d: &DealsTable,
    mask: &Mask,
    p: Period,
    currency: Option<u32>,
    codes: &[u32],
    values: usize,
) -> Vec<WonFigures> {
    let classes = Classes::of(d);
    let mut out = vec![WonFigures::default(); values];
    let n = d.status.len().min(d.close.days.len()).min(codes.len());
    for i in (0..n).filter(|&i| crate::mask::keeps(mask, i)) {
        let Some(f) = codes.get(i).and_then(|&c| out.get_mut(c as usize)) else { continue };
        let close = d.close.days[i];
        match d.status[i] {
            Status::Won if p.contains_raw(close) => {
                f.closed.won += 1;
                f.add_won(d, i, currency, &classes);
            }
            Status::Won if close == NO_DAY => f.closed.won_no_close += 1,
            Status::Lost if p.contains_raw(close) => f.closed.lost += 1,
            Status::Lost if close == NO_DAY => f.closed.lost_no_close += 1,
            Status::Unknown => f.closed.unknown_status += 1,
            _ => {}
        }
    }
    out
}

/// Counts the figures of every period of `periods` not kept yet in one walk over the deals,
/// and keeps them (see the module docs). Periods may overlap and repeat. Nothing is counted
/// when looking the periods' deals up one period at a time in the close-date index visits
/// fewer than a quarter of the deals (short buckets of a long history: each read is then a
/// lookup), or when the periods span more than [`MAX_SPAN`] days together.
pub(super) fn sweep(ctx: &Ctx, periods: &[Period]) {
    let Some((d, mask)) = ctx.deals() else { return };
    let mut todo: Vec<Period> = Vec::new();
    for &p in periods {
        if !todo.contains(&p) && !ctx.deals_memo().has(key(ctx, d, p)) {
            todo.push(p);
        }
    }
    if todo.len() < 2 {
        // One period is one walk whether swept or not.
        return;
    }
    if let Some(ix) = d.close_index() {
        let looked_up: usize = todo.iter().map(|&p| ix.closed_in(p).len()).sum();
        if looked_up * 4 <= d.len() {
            return;
        }
    }
    let Some(figures) = count_many(d, mask, &todo, ctx.scope.currency) else { return };
    for (p, f) in todo.into_iter().zip(figures) {
        ctx.deals_memo().get_or(key(ctx, d, p), || f);
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

/// Rows per block of the scan in [`count_many`].
const BLOCK: usize = crate::status_bits::WORD;

/// For a block of rows with statuses `s` and close days `cl`, read row by row as the sweep did
/// before the status bits: the won or lost rows closed from `lo` to `hi`, the won and the lost
/// rows without a close date, and the rows of unknown status. What the tests hold the bits to.
#[cfg(test)]
fn block_by_walk(s: &[Status], cl: &[i32], lo: i32, hi: i32) -> (u64, u64, u64, u64) {
    let (mut closed, mut won_no, mut lost_no, mut unk) = (0u64, 0u64, 0u64, 0u64);
    for (j, (&st, &c)) in s.iter().zip(cl).enumerate() {
        let (won, lost) = (st == Status::Won, st == Status::Lost);
        let dated = c != NO_DAY;
        closed |= u64::from((won | lost) & dated & (c >= lo) & (c <= hi)) << j;
        won_no |= u64::from(won & !dated) << j;
        lost_no |= u64::from(lost & !dated) << j;
        unk |= u64::from(st == Status::Unknown) << j;
    }
    (closed, won_no, lost_no, unk)
}

/// The figures of each of `periods`, from one pass over the deals in table order: 64 rows at
/// a time are tested without a branch, and only the deals closed in the periods' span are
/// visited. `None` when the periods spread too wide (see [`DayIndex::new`]).
fn count_many(d: &DealsTable, mask: &Mask, periods: &[Period], currency: Option<u32>) -> Option<Vec<WonFigures>> {
    let index = DayIndex::new(periods)?;
    let (lo, hi) = (index.lo, index.lo + index.starts.len().saturating_sub(2) as i32);
    let classes = Classes::of(d);
    let mut figures = vec![WonFigures::default(); periods.len()];
    let (mut won_no_close, mut lost_no_close, mut unknown) = (0usize, 0usize, 0usize);
    let n = d.status.len().min(d.close.days.len());
    let n = mask.as_ref().map_or(n, |m| n.min(m.len()));
    let status_bits = d.status_bits();
    let (status, close) = (&d.status[..n], &d.close.days[..n]);
    for (k, (s, cl)) in status.chunks(BLOCK).zip(close.chunks(BLOCK)).enumerate() {
        let start = k * BLOCK;
        let keep = match mask {
            Some(m) => crate::status_bits::kept(m.get(start..start + s.len()).unwrap_or_default()),
            None => u64::MAX,
        };
        if keep == 0 {
            continue;
        }
        // The table's status bits: only the kept won or lost rows with a date are tested.
        let b = status_bits.block(k);
        let within = |c: i32| (c >= lo) & (c <= hi);
        let closed = test_rows(
            (b.won | b.lost) & keep & !b.no_close,
            cl.len(),
            |j| cl.get(j).is_some_and(|&c| within(c)),
            || pack(cl.iter().map(|&c| within(c))),
        );
        won_no_close += (b.won & b.no_close & keep).count_ones() as usize;
        lost_no_close += (b.lost & b.no_close & keep).count_ones() as usize;
        unknown += (b.unknown & keep).count_ones() as usize;
        let mut bits = closed & keep;
        while bits != 0 {
            let j = bits.trailing_zeros() as usize;
            bits &= bits - 1;
            let (Some(&st), Some(&c)) = (s.get(j), cl.get(j)) else { continue };
            let i = start + j;
            for &p in index.holding(c) {
                let Some(f) = figures.get_mut(p as usize) else { continue };
                if st == Status::Won {
                    f.closed.won += 1;
                    f.add_won(d, i, currency, &classes);
                } else {
                    f.closed.lost += 1;
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
        /// For any block of rows, reading statuses row by row gives what the status bits give.
        #[test]
        fn a_block_walked_agrees_with_its_status_bits(
            rows in proptest::collection::vec((0u8..4, proptest::option::of(0i32..40)), 0..=64),
            (lo, len) in (0i32..40, 0i32..40),
        ) {
            let statuses = [Status::Open, Status::Won, Status::Lost, Status::Unknown];
            let s: Vec<Status> = rows.iter().map(|r| statuses[r.0 as usize]).collect();
            let cl: Vec<i32> = rows.iter().map(|r| r.1.unwrap_or(NO_DAY)).collect();
            let b = crate::status_bits::StatusBits::build(&cl, &s).block(0);
            let hi = lo + len;
            let within = |c: i32| (c >= lo) & (c <= hi);
            let closed =
                test_rows((b.won | b.lost) & !b.no_close, cl.len(), |j| within(cl[j]), || pack(cl.iter().map(|&c| within(c))));
            let by_bits = (closed, b.won & b.no_close, b.lost & b.no_close, b.unknown);
            proptest::prop_assert_eq!(block_by_walk(&s, &cl, lo, hi), by_bits);
        }

        /// For any deals, values, mask, currency and period, the figures of every value at once
        /// are each value's own figures.
        #[test]
        fn the_figures_by_value_are_each_values_own(
            rows in proptest::collection::vec(
                ((0u8..4, proptest::option::of(0i32..400), proptest::option::of(0i32..400), proptest::option::of(-50.0f64..1000.0), 0u8..2, proptest::option::of(0u8..4)), proptest::option::of(0u32..5)),
                0..300,
            ),
            mask in proptest::option::of(proptest::collection::vec(proptest::bool::ANY, 300)),
            (a, b) in (0i32..400, 0i32..400),
            by_currency in proptest::bool::ANY,
        ) {
            let d = table(&rows.iter().map(|r| r.0).collect::<Vec<_>>());
            let codes: Vec<u32> = rows.iter().map(|r| r.1.unwrap_or(crate::column::NO_CODE)).collect();
            let mask = mask.map(|m| m[..rows.len()].to_vec());
            let (p, currency) = (period(a, b), by_currency.then_some(1));
            let grouped = by_code(&d, &mask, p, currency, &codes, 5);
            for (c, figures) in grouped.iter().enumerate() {
                let alone: Mask =
                    Some((0..rows.len()).map(|i| crate::mask::keeps(&mask, i) && codes[i] == c as u32).collect());
                proptest::prop_assert_eq!(figures, &count(&d, &alone, p, currency), "value {}", c);
            }
        }

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
