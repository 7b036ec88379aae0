//! The deals open on each of several days, counted in one pass: what [`crate::kpi::pipeline`]
//! reads for one as-of date, swept at once for all the bucket ends of a trend.
//!
//! A deal is open on a day when its status is open and it was created on or before the day
//! (or has no created date), or when it was created on or before the day and won or lost
//! after it. Each deal is open on a run of consecutive days of a sorted list, found by two
//! binary searches, so a trend of twelve buckets walks the deals once instead of twelve times.
//! Each day's sums add the deals in table order, exactly as a walk for that day alone does.

use crate::column::Amount;
use crate::column::NO_CODE;
use crate::deals_table::DealsTable;
use crate::mask::Mask;
use crate::stage::Status;

pub use crate::pipeline_tally::OpenTally;

/// The deals of `d` that pass `mask` open on each of `days`, amounts in `currency` (`None`:
/// every amount counts): one [`OpenTally`] per day, in the order of `days` (any order, repeats
/// allowed), from one walk over the deals.
///
/// Each deal is open on a run `from..to` of the sorted days. Counts go in per-slot difference
/// arrays (one entry at each end of the run); amounts are added to each day of the run, the
/// days of a slot side by side in memory, so that each day's sum still adds its deals in table
/// order.
pub fn open_tallies(d: &DealsTable, mask: &Mask, days: &[i32], currency: Option<u32>) -> Vec<OpenTally> {
    let mut sorted = days.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    let (Some(&first), Some(&last)) = (sorted.first(), sorted.last()) else { return Vec::new() };
    let codes = d.stage.values.len();
    let (n, slots) = (sorted.len(), codes + 2);
    let (no_stage, closed_later) = (codes, codes + 1);
    // Per slot, `n + 1` entries: a count's difference array, or a day's sum (the last unused).
    let width = n + 1;
    let mut count = vec![0isize; slots * width];
    let mut with_amount = vec![0isize; slots * width];
    let mut value = vec![0.0f64; slots * width];
    let mut other = vec![0isize; width];
    // Open deals created after day `k - 1` (and on or before day `k`), per `k`.
    let mut created_at = vec![0usize; width];
    // The first of the sorted days on or after `day`.
    let rank = crate::day_rank::DayRank::new(&sorted);
    let from = |day: i32| rank.rank(day);
    crate::row_scan::for_each_open_within(d, mask, first, last, |i| {
        let created = d.created.days.get(i).copied().unwrap_or(crate::column::NO_DAY);
        let (open_on, slot) = match d.status.get(i) {
            Some(Status::Open) => {
                // Created after the days before `from(created)`; open on the others.
                let k = from(created);
                if let Some(c) = created_at.get_mut(k) {
                    *c += 1;
                }
                let slot = match d.stage.codes.get(i).copied().unwrap_or(NO_CODE) {
                    NO_CODE => no_stage,
                    code => code as usize,
                };
                (k..n, slot)
            }
            // Won or lost: open from its created day until the day before it closed (the scan
            // visits only those with a created date).
            _ => {
                let close = d.close.days.get(i).copied().unwrap_or(crate::column::NO_DAY);
                (from(created)..from(close), closed_later)
            }
        };
        if open_on.is_empty() || slot >= slots {
            return;
        }
        let (at, to) = (slot * width + open_on.start, slot * width + open_on.end);
        let mark = |diff: &mut [isize], at: usize, to: usize| {
            if let Some(x) = diff.get_mut(at) {
                *x += 1;
            }
            if let Some(x) = diff.get_mut(to) {
                *x -= 1;
            }
        };
        mark(&mut count, at, to);
        match d.amount_in(i, currency) {
            Amount::Value(a) => {
                mark(&mut with_amount, at, to);
                for v in value.get_mut(at..to).into_iter().flatten() {
                    *v += a;
                }
            }
            Amount::Missing => {}
            Amount::OtherCurrency => mark(&mut other, open_on.start, open_on.end),
        }
    });
    let mut tallies = vec![OpenTally::new(codes); n];
    let mut later: usize = created_at.iter().skip(1).sum();
    let mut running = vec![(0isize, 0isize); slots];
    let mut other_running = 0isize;
    for (k, t) in tallies.iter_mut().enumerate() {
        if k > 0 {
            later -= created_at.get(k).copied().unwrap_or(0).min(later);
        }
        t.created_later = later;
        other_running += other.get(k).copied().unwrap_or(0);
        t.other_currency = other_running.max(0) as usize;
        for (slot, run) in running.iter_mut().enumerate() {
            let at = slot * width + k;
            run.0 += count.get(at).copied().unwrap_or(0);
            run.1 += with_amount.get(at).copied().unwrap_or(0);
            t.count[slot] = run.0.max(0) as usize;
            t.with_amount[slot] = run.1.max(0) as usize;
            t.value[slot] = value.get(at).copied().unwrap_or(0.0);
        }
    }
    days.iter().filter_map(|day| tallies.get(from(*day)).cloned()).collect()
}

/// The deals of `d` that pass `mask` open on `day`, one [`OpenTally`] per value of a
/// dimension: `codes` are the deals' codes of it, `values` how many values it has. Entry `c` is
/// what [`open_tallies`] gives for `day` with the deals of code `c` alone passing `mask` (a deal
/// without a value is in no entry), its sums added in table order as that walk adds them: one
/// walk instead of a selection and a walk per value (every rep of a team beside the rep).
pub fn open_by_code(
    d: &DealsTable,
    mask: &Mask,
    day: i32,
    currency: Option<u32>,
    codes: &[u32],
    values: usize,
) -> Vec<OpenTally> {
    let mut out = vec![OpenTally::new(d.stage.values.len()); values];
    crate::row_scan::for_each_open_within(d, mask, day, day, |i| {
        let Some(t) = codes.get(i).and_then(|&c| out.get_mut(c as usize)) else { return };
        let created = d.created.days.get(i).copied().unwrap_or(crate::column::NO_DAY);
        let slot = match d.status.get(i) {
            // Open deals with no created date (NO_DAY, the smallest day) are open on every day.
            Some(Status::Open) if created > day => {
                t.created_later += 1;
                return;
            }
            Some(Status::Open) => match d.stage.codes.get(i).copied().unwrap_or(NO_CODE) {
                NO_CODE => t.no_stage(),
                code => code as usize,
            },
            // Won or lost: the scan visits only those created by the day and closed after it.
            _ => t.closed_later(),
        };
        t.add(slot, d.amount_in(i, currency));
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::column::{DictColumn, NO_DAY};
    use crate::filter::keeps;

    /// One day's tally, deal by deal, as the pipeline was read before the sweep.
    fn reference(d: &DealsTable, mask: &Mask, as_of: i32, currency: Option<u32>) -> OpenTally {
        let mut t = OpenTally::new(d.stage.values.len());
        let (no_stage, closed_later) = (t.no_stage(), t.closed_later());
        for i in (0..d.len()).filter(|&i| keeps(mask, i)) {
            let (created, close) = (d.created.days[i], d.close.days[i]);
            let slot = match d.status[i] {
                Status::Open if created > as_of => {
                    t.created_later += 1;
                    continue;
                }
                Status::Open => match d.stage.codes[i] {
                    NO_CODE => no_stage,
                    code => code as usize,
                },
                Status::Won | Status::Lost if close > as_of && created != NO_DAY && created <= as_of => closed_later,
                _ => continue,
            };
            t.add(slot, d.amount_in(i, currency));
        }
        t
    }

    type Row = (u8, Option<i32>, Option<i32>, Option<u8>, Option<f64>, u8);

    fn table(rows: &[Row]) -> DealsTable {
        let statuses = [Status::Open, Status::Won, Status::Lost, Status::Unknown];
        let mut d = DealsTable::default();
        let mut currency = DictColumn::default();
        for &(s, created, close, stage, amount, cur) in rows {
            d.status.push(statuses[s as usize % 4]);
            d.created.days.push(created.unwrap_or(NO_DAY));
            d.close.days.push(close.unwrap_or(NO_DAY));
            d.stage.push(stage.map(|s| ["Lead", "Demo", "Deal"][s as usize % 3]));
            d.amount.push(amount);
            currency.push(Some(["EUR", "USD"][cur as usize % 2]));
        }
        d.currency = Some(currency);
        d
    }

    #[test]
    fn a_trend_sweep_gives_each_days_own_tally() {
        // (status, created, close, stage, amount, currency)
        let rows: [Row; 7] = [
            (0, Some(1), None, Some(0), Some(10.0), 0),
            (0, Some(15), None, Some(1), Some(20.0), 0),
            (0, None, None, None, None, 0),
            (1, Some(3), Some(12), None, Some(40.0), 1),
            (2, Some(5), Some(30), Some(2), Some(80.0), 0),
            (1, None, Some(30), None, Some(160.0), 0),
            (3, Some(1), Some(30), None, Some(320.0), 0),
        ];
        let d = table(&rows);
        let days = [20, 10, 0, 10, 25];
        for currency in [None, Some(0)] {
            let swept = open_tallies(&d, &None, &days, currency);
            let one_by_one: Vec<OpenTally> = days.iter().map(|&day| reference(&d, &None, day, currency)).collect();
            assert_eq!(swept, one_by_one, "{currency:?}");
        }
        // Day 10: the first three open deals but the one created on day 15, the two in flight.
        let t = &open_tallies(&d, &None, &[10], None)[0];
        assert_eq!((t.count.iter().sum::<usize>(), t.created_later, t.count[t.closed_later()]), (4, 1, 2));
        assert_eq!(t.value.iter().sum::<f64>(), 130.0);
        assert!(open_tallies(&d, &None, &[], None).is_empty());
    }

    proptest::proptest! {
        /// For any deals, mask and days, the sweep gives what a walk per day gives.
        #[test]
        fn the_sweep_agrees_with_a_walk_per_day(
            rows in proptest::collection::vec(
                (0u8..4, proptest::option::of(0i32..60), proptest::option::of(0i32..60), proptest::option::of(0u8..3), proptest::option::of(0.0f64..100.0), 0u8..2),
                0..200,
            ),
            mask in proptest::option::of(proptest::collection::vec(proptest::bool::ANY, 200)),
            days in proptest::collection::vec(0i32..60, 1..14),
            by_currency in proptest::bool::ANY,
        ) {
            let d = table(&rows);
            let mask = mask.map(|m| m[..rows.len()].to_vec());
            let currency = by_currency.then_some(1);
            let swept = open_tallies(&d, &mask, &days, currency);
            let one_by_one: Vec<OpenTally> = days.iter().map(|&day| reference(&d, &mask, day, currency)).collect();
            proptest::prop_assert_eq!(swept, one_by_one);
        }

        /// Each value's tally of a day is what a walk over that value's deals alone gives.
        #[test]
        fn each_values_tally_is_its_deals_own(
            rows in proptest::collection::vec(
                (0u8..4, proptest::option::of(0i32..60), proptest::option::of(0i32..60), proptest::option::of(0u8..3), proptest::option::of(0.0f64..100.0), 0u8..2),
                0..200,
            ),
            codes in proptest::collection::vec(proptest::option::of(0u32..4), 200),
            mask in proptest::option::of(proptest::collection::vec(proptest::bool::ANY, 200)),
            day in 0i32..60,
            by_currency in proptest::bool::ANY,
        ) {
            let d = table(&rows);
            let codes: Vec<u32> = codes[..rows.len()].iter().map(|c| c.unwrap_or(NO_CODE)).collect();
            let mask = mask.map(|m| m[..rows.len()].to_vec());
            let currency = by_currency.then_some(1);
            let by_code = open_by_code(&d, &mask, day, currency, &codes, 4);
            for (c, t) in by_code.iter().enumerate() {
                let own: Mask = Some((0..rows.len()).map(|i| keeps(&mask, i) && codes[i] == c as u32).collect());
                proptest::prop_assert_eq!(t, &reference(&d, &own, day, currency), "value {}", c);
            }
        }
    }
}
