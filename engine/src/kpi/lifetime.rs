//! What the accounts have been won for up to a day, the lifetime value `clv` reads from the
//! deals when no customers table is loaded: Σ amount of the deals won on or before the day and
//! the number of accounts they came from.
//!
//! Kept per selection and day (CLV and CLV : CAC read the same one), and counted for every
//! bucket end of a trend in one walk ([`sweep`]): each won deal is added to the days from its
//! close date on, in table order, so each day's sum is the one a walk for that day alone adds.

use super::Ctx;
use crate::column::Amount;
use crate::column::NO_CODE;
#[cfg(test)]
use crate::column::NO_DAY;
use crate::deals_table::DealsTable;
#[cfg(test)]
use crate::filter::keeps;
use crate::filter::Mask;
use crate::memo::MemoKey;
#[cfg(test)]
use crate::stage::Status;
use crate::status_bits::WORD;
use std::sync::Arc;

/// The memo's name for [`WonToDate`].
const WHAT: &str = "won to date";

/// The deals won on or before a day with an amount and an account.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(super) struct WonToDate {
    /// Σ amount (in the currency asked for), in table order.
    pub(super) sum: f64,
    /// Distinct accounts among them.
    pub(super) accounts: usize,
}

/// The memo key of the figure of `day` in `ctx`'s currency over `d`.
fn key(ctx: &Ctx, d: &DealsTable, day: i32) -> MemoKey {
    MemoKey { what: WHAT, from: day, to: day, currency: ctx.scope.currency, rows: d.len() }
}

/// The figure of `day` over the deals that pass the filters: kept from a [`sweep`] or an
/// earlier read, or counted now. `None` without deals or without an account column.
pub(super) fn won_to_date(ctx: &Ctx, day: i32) -> Option<Arc<WonToDate>> {
    let (d, mask) = ctx.deals()?;
    d.account.as_ref()?;
    Some(
        ctx.deals_memo()
            .get_or(key(ctx, d, day), || count(d, mask, &[day], ctx.scope.currency).pop().unwrap_or_default()),
    )
}

/// Counts the figures of every day of `days` not kept yet in one walk, and keeps them.
pub(super) fn sweep(ctx: &Ctx, days: &[i32]) {
    let Some((d, mask)) = ctx.deals() else { return };
    let mut todo: Vec<i32> = days.iter().copied().filter(|&day| !ctx.deals_memo().has(key(ctx, d, day))).collect();
    todo.sort_unstable();
    todo.dedup();
    if todo.len() < 2 || d.account.is_none() {
        return;
    }
    for (day, f) in todo.iter().zip(count(d, mask, &todo, ctx.scope.currency)) {
        ctx.deals_memo().get_or(key(ctx, d, *day), || f);
    }
}

/// The figure of each of `days` (sorted, distinct) over the deals of `d` that pass `mask`.
fn count(d: &DealsTable, mask: &Mask, days: &[i32], currency: Option<u32>) -> Vec<WonToDate> {
    let Some(account) = d.account.as_ref() else { return vec![WonToDate::default(); days.len()] };
    let n = days.len();
    let mut sums = vec![0.0f64; n];
    // Per account, the first of the days its won deals count on (`n`: none yet).
    let mut first = vec![n; account.values.len()];
    let rank = crate::day_rank::DayRank::new(days);
    for_each_won_dated(d, mask, |i, close| {
        let from = rank.rank(close);
        if from == n {
            return;
        }
        let code = account.codes.get(i).copied().unwrap_or(NO_CODE);
        let (Some(seen), Amount::Value(v)) = (first.get_mut(code as usize), d.amount_in(i, currency)) else {
            return;
        };
        *seen = (*seen).min(from);
        for s in sums.get_mut(from..).into_iter().flatten() {
            *s += v;
        }
    });
    let mut starting = vec![0usize; n + 1];
    for &k in &first {
        if let Some(c) = starting.get_mut(k) {
            *c += 1;
        }
    }
    let mut accounts = 0;
    sums.into_iter()
        .zip(starting)
        .map(|(sum, new)| {
            accounts += new;
            WonToDate { sum, accounts }
        })
        .collect()
}

/// Calls `each(row, close day)` for the rows of `d` that pass `mask`, were won and have a close
/// date, in table order, from the table's status bits: only those rows are visited.
fn for_each_won_dated(d: &DealsTable, mask: &Mask, mut each: impl FnMut(usize, i32)) {
    let bits = d.status_bits();
    let n = d.status.len().min(d.close.days.len());
    let n = mask.as_ref().map_or(n, |m| n.min(m.len()));
    for (k, cl) in d.close.days[..n].chunks(WORD).enumerate() {
        let start = k * WORD;
        let keep = match mask {
            Some(m) => crate::status_bits::kept(m.get(start..start + cl.len()).unwrap_or_default()),
            None if cl.len() == WORD => u64::MAX,
            None => (1u64 << cl.len()) - 1,
        };
        let b = bits.block(k);
        crate::row_scan::for_each_bit(b.won & !b.no_close & keep, |j| {
            if let Some(&day) = cl.get(j) {
                each(start + j, day);
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::column::DictColumn;

    type Row = (u8, Option<i32>, Option<f64>, Option<u8>, u8);

    /// A table of `(status, close, amount, account, currency)` rows.
    fn table(rows: &[Row]) -> DealsTable {
        let statuses = [Status::Open, Status::Won, Status::Lost, Status::Unknown];
        let mut d = DealsTable::default();
        let (mut account, mut currency) = (DictColumn::default(), DictColumn::default());
        for &(s, close, amount, acc, cur) in rows {
            d.status.push(statuses[s as usize % 4]);
            d.close.days.push(close.unwrap_or(NO_DAY));
            d.amount.push(amount);
            account.push(acc.map(|a| ["Acme", "Bolt", "Cogs", "Dyno"][a as usize % 4]));
            currency.push(Some(["EUR", "USD"][cur as usize % 2]));
        }
        d.account = Some(account);
        d.currency = Some(currency);
        d
    }

    /// One day's figure, deal by deal, as `clv` read it before the sweep.
    fn reference(d: &DealsTable, mask: &Mask, day: i32, currency: Option<u32>) -> WonToDate {
        let Some(account) = d.account.as_ref() else { return WonToDate::default() };
        let (mut sum, mut seen, mut accounts) = (0.0, vec![false; account.values.len()], 0);
        for i in 0..d.len() {
            let close = d.close.days[i];
            if d.status[i] != Status::Won || close == NO_DAY || close > day || !keeps(mask, i) {
                continue;
            }
            let (Some(s), Amount::Value(v)) = (seen.get_mut(account.codes[i] as usize), d.amount_in(i, currency))
            else {
                continue;
            };
            sum += v;
            if !*s {
                *s = true;
                accounts += 1;
            }
        }
        WonToDate { sum, accounts }
    }

    #[test]
    fn counts_each_account_from_its_first_won_deal_on() {
        // (status, close, amount, account, currency)
        let rows: [Row; 6] = [
            (1, Some(5), Some(10.0), Some(0), 0),
            (1, Some(9), Some(20.0), Some(0), 0),
            (1, Some(7), Some(40.0), Some(1), 0),
            (1, Some(3), None, Some(2), 0),        // no amount: not an account won
            (1, Some(3), Some(80.0), None, 0),     // no account: left out
            (2, Some(1), Some(160.0), Some(3), 0), // lost
        ];
        let d = table(&rows);
        let got = count(&d, &None, &[4, 5, 8, 9], None);
        let want = [(0.0, 0), (10.0, 1), (50.0, 2), (70.0, 2)];
        assert_eq!(got.iter().map(|f| (f.sum, f.accounts)).collect::<Vec<_>>(), want);
    }

    proptest::proptest! {
        /// For any deals, mask, currency and days, the sweep gives each day's own figure.
        #[test]
        fn the_sweep_agrees_with_a_walk_per_day(
            rows in proptest::collection::vec(
                (0u8..4, proptest::option::of(0i32..60), proptest::option::of(-20.0f64..100.0), proptest::option::of(0u8..4), 0u8..2),
                0..200,
            ),
            mask in proptest::option::of(proptest::collection::vec(proptest::bool::ANY, 200)),
            days in proptest::collection::vec(0i32..60, 1..14),
            by_currency in proptest::bool::ANY,
        ) {
            let d = table(&rows);
            let mask = mask.map(|m| m[..rows.len()].to_vec());
            let currency = by_currency.then_some(1);
            let mut days = days;
            days.sort_unstable();
            days.dedup();
            let swept = count(&d, &mask, &days, currency);
            let one_by_one: Vec<WonToDate> = days.iter().map(|&day| reference(&d, &mask, day, currency)).collect();
            proptest::prop_assert_eq!(swept, one_by_one);
        }
    }
}
