//! Calendar days stored as plain integers, so date columns are `Vec<i32>`.

use chrono::{Datelike, NaiveDate};
use std::fmt;

/// Days between 0001-01-01 (chrono's "common era" day 1) and 1970-01-01.
const EPOCH_FROM_CE: i32 = 719_163;

/// A calendar date, stored as the number of days since 1970-01-01 (negative before it).
///
/// ```
/// use pipelens_engine::Day;
/// let d = Day::from_ymd(2017, 3, 1).unwrap();
/// assert_eq!(d.to_string(), "2017-03-01");
/// assert_eq!(d.month_end(), Day::from_ymd(2017, 3, 31).unwrap());
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub struct Day(pub i32);

impl Day {
    /// The day for a year, month (1–12) and day of month, or `None` if it does not exist.
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Day> {
        // Years 1–9999 (every date a file holds) by arithmetic: this runs for every date cell
        // of a file. Others through chrono, whose range ends before any i32 year does.
        if (1..=9999).contains(&year) {
            return civil_day(year, month, day);
        }
        NaiveDate::from_ymd_opt(year, month, day).map(Day::from_naive)
    }

    /// Converts from chrono's date type.
    pub fn from_naive(date: NaiveDate) -> Day {
        Day(date.num_days_from_ce() - EPOCH_FROM_CE)
    }

    /// Converts to chrono's date type (saturating at chrono's range, which no real data reaches).
    pub fn to_naive(self) -> NaiveDate {
        NaiveDate::from_num_days_from_ce_opt(self.0.saturating_add(EPOCH_FROM_CE)).unwrap_or(if self.0 < 0 {
            NaiveDate::MIN
        } else {
            NaiveDate::MAX
        })
    }

    /// Parses an ISO date `YYYY-MM-DD` (as date inputs and the CLI write them).
    ///
    /// ```
    /// use pipelens_engine::Day;
    /// assert_eq!(Day::parse_iso("2024-02-29"), Day::from_ymd(2024, 2, 29));
    /// assert_eq!(Day::parse_iso("2023-02-29"), None);
    /// ```
    pub fn parse_iso(s: &str) -> Option<Day> {
        // By hand rather than chrono's `parse_from_str`, whose format parser would be about
        // 6 KB of the page's gzipped wasm for this one call; a property test holds the two
        // equal.
        let s = s.trim();
        // A year beyond four digits needs its sign, as chrono's `%Y` reads it.
        let (negative, rest, year_digits) = match s.as_bytes().first() {
            Some(b'-') => (true, &s[1..], 9),
            Some(b'+') => (false, &s[1..], 9),
            _ => (false, s, 4),
        };
        let mut parts = rest.splitn(3, '-');
        let digits = |p: &str, most: usize| {
            (!p.is_empty() && p.len() <= most && p.bytes().all(|b| b.is_ascii_digit()))
                .then(|| p.parse::<i64>().ok())?
        };
        let year = digits(parts.next()?, year_digits)?;
        let (month, day) = (digits(parts.next()?, 2)?, digits(parts.next()?, 2)?);
        let year = i32::try_from(if negative { -year } else { year }).ok()?;
        Day::from_ymd(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
    }

    /// Year, month (1–12) and day of month.
    pub fn ymd(self) -> (i32, u32, u32) {
        let d = self.to_naive();
        (d.year(), d.month(), d.day())
    }

    /// The earliest day the calendar holds (chrono's first date, in the year −262,144 or so).
    pub fn first() -> Day {
        Day::from_naive(NaiveDate::MIN)
    }

    /// The last day the calendar holds (chrono's last date, in the year 262,143 or so).
    pub fn last() -> Day {
        Day::from_naive(NaiveDate::MAX)
    }

    /// The date, or `None` for a day number outside the calendar's range.
    fn checked_naive(self) -> Option<NaiveDate> {
        NaiveDate::from_num_days_from_ce_opt(self.0.checked_add(EPOCH_FROM_CE)?)
    }

    /// The first day of this day's month; never after `self` (a day outside the calendar's
    /// range is its own month start).
    pub fn month_start(self) -> Day {
        let Some(d) = self.checked_naive() else { return self };
        Day::from_ymd(d.year(), d.month(), 1).unwrap_or(self)
    }

    /// The last day of this day's month; never before `self` (a day outside the calendar's
    /// range is its own month end). Found within the month itself, so the calendar's last
    /// month has an end too.
    pub fn month_end(self) -> Day {
        let Some(d) = self.checked_naive() else { return self };
        (28..=31).rev().find_map(|n| Day::from_ymd(d.year(), d.month(), n)).unwrap_or(self)
    }

    /// The same day of month `months` months later (or earlier when negative), clamped to the
    /// end of the target month (Jan 31 + 1 month = Feb 28 or 29). `None` when the target month
    /// lies outside the calendar's range (or `self` does): the answer is never `self` unless
    /// `months` is 0.
    ///
    /// ```
    /// use pipelens_engine::Day;
    /// let d = Day::from_ymd(2024, 1, 31).unwrap();
    /// assert_eq!(d.add_months(1), Day::from_ymd(2024, 2, 29));
    /// assert_eq!(Day::last().add_months(1), None);
    /// ```
    pub fn add_months(self, months: i32) -> Option<Day> {
        let date = self.checked_naive()?;
        let total = i64::from(date.year()) * 12 + i64::from(date.month0()) + i64::from(months);
        let year = i32::try_from(total.div_euclid(12)).ok()?;
        let month = u32::try_from(total.rem_euclid(12)).ok()? + 1;
        let first = Day::from_ymd(year, month, 1)?;
        let last = first.month_end();
        Some(Day(first.0.checked_add(date.day() as i32 - 1)?.min(last.0)))
    }

    /// The number of days from `self` to `later` (negative when `later` is earlier).
    pub fn days_until(self, later: Day) -> i32 {
        later.0 - self.0
    }
}

/// A day is written as its ISO date, `2024-02-29`, as [`Day`]'s `Display` writes it.
impl serde::Serialize for Day {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // ISO 8601 as chrono's `%Y-%m-%d` writes it (a sign and five digits outside 0..=9999),
        // without chrono's formatting machinery in the page's wasm.
        let (y, m, d) = self.ymd();
        if (0..=9999).contains(&y) {
            write!(f, "{y:04}-{m:02}-{d:02}")
        } else {
            write!(f, "{y:+05}-{m:02}-{d:02}")
        }
    }
}

/// The day of a date of the proleptic Gregorian calendar, or `None` when the month or the
/// day does not exist (days from civil, after Howard Hinnant's algorithm).
#[inline]
fn civil_day(year: i32, month: u32, day: u32) -> Option<Day> {
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days_in_month = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    if day == 0 || day > days_in_month {
        return None;
    }
    // Years starting in March, so the leap day ends a year; eras of 400 years.
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400;
    let m = month as i32;
    let day_of_year = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + day as i32 - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    // Day 0 is 1970-01-01; 719,468 days lie between 0000-03-01 and it.
    Some(Day(era * 146_097 + day_of_era - 719_468))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arithmetic_days_are_chronos_days() {
        let chrono_day = |y: i32, m: u32, d: u32| NaiveDate::from_ymd_opt(y, m, d).map(Day::from_naive);
        for year in (1..=9999).step_by(7).chain(1890..=2110).chain([1, 4, 100, 400, 1600, 1900, 2000, 2100, 9999]) {
            for month in 0..=13 {
                for day in 0..=32 {
                    assert_eq!(civil_day(year, month, day), chrono_day(year, month, day), "{year}-{month}-{day}");
                }
            }
        }
        assert_eq!(Day::from_ymd(0, 3, 1), chrono_day(0, 3, 1));
        assert_eq!(Day::from_ymd(10_000, 1, 1), chrono_day(10_000, 1, 1));
        assert_eq!(Day::from_ymd(i32::MAX, 1, 1), None);
    }

    #[test]
    fn epoch_is_day_zero() {
        assert_eq!(Day::from_ymd(1970, 1, 1), Some(Day(0)));
        assert_eq!(Day::from_ymd(1969, 12, 31), Some(Day(-1)));
        assert_eq!(Day(0).to_string(), "1970-01-01");
        // The same text as chrono's `%Y-%m-%d`, inside and outside four-digit years.
        for d in [Day::from_ymd(1, 1, 1), Day::from_ymd(9999, 12, 31), Day::from_ymd(2024, 2, 29)].into_iter().flatten()
        {
            assert_eq!(d.to_string(), d.to_naive().format("%Y-%m-%d").to_string());
        }
        for days in [-800_000, 3_000_000] {
            let d = Day(days);
            assert_eq!(d.to_string(), d.to_naive().format("%Y-%m-%d").to_string());
        }
    }

    #[test]
    fn rejects_impossible_dates() {
        assert_eq!(Day::from_ymd(2023, 2, 29), None);
        assert!(Day::from_ymd(2024, 2, 29).is_some());
        assert_eq!(Day::from_ymd(2024, 13, 1), None);
    }

    #[test]
    fn month_arithmetic() {
        let cases = [
            ((2024, 1, 31), 1, (2024, 2, 29)),
            ((2023, 1, 31), 1, (2023, 2, 28)),
            ((2024, 12, 15), 1, (2025, 1, 15)),
            ((2024, 3, 31), -1, (2024, 2, 29)),
            ((2024, 1, 1), -12, (2023, 1, 1)),
            ((2024, 1, 1), -13, (2022, 12, 1)),
        ];
        for ((y, m, d), n, (ey, em, ed)) in cases {
            let got = Day::from_ymd(y, m, d).unwrap().add_months(n).unwrap();
            assert_eq!(got.ymd(), (ey, em, ed), "{y}-{m}-{d} + {n} months");
        }
    }

    #[test]
    fn month_bounds() {
        let d = Day::from_ymd(2024, 2, 10).unwrap();
        assert_eq!(d.month_start().ymd(), (2024, 2, 1));
        assert_eq!(d.month_end().ymd(), (2024, 2, 29));
        assert_eq!(Day::from_ymd(2023, 12, 5).unwrap().month_end().ymd(), (2023, 12, 31));
    }

    #[test]
    fn round_trips_through_chrono() {
        for n in [-800_000, -1, 0, 1, 17_000, 800_000] {
            assert_eq!(Day::from_naive(Day(n).to_naive()), Day(n));
        }
    }

    #[test]
    fn month_arithmetic_at_the_calendars_edges_is_none_never_the_same_day() {
        let (first, last) = (Day::first(), Day::last());
        assert_eq!(last.add_months(1), None);
        assert_eq!(last.add_months(12), None);
        assert_eq!(first.add_months(-1), None);
        assert_eq!(first.add_months(i32::MIN), None);
        assert_eq!(last.add_months(i32::MAX), None);
        assert_eq!(last.month_end(), last, "the calendar's last month has an end");
        assert_eq!(first.month_start(), first);
        assert_eq!(last.add_months(-1).map(|d| d < last), Some(true));
        // Day numbers outside the calendar: no arithmetic, and month bounds stay put.
        for out in [Day(i32::MAX), Day(i32::MIN), Day(last.0 + 1), Day(first.0 - 1)] {
            assert_eq!(out.add_months(1), None, "{}", out.0);
            assert_eq!(out.month_end(), out);
            assert_eq!(out.month_start(), out);
        }
        // The years a hostile view names: 1, 9999, and ±100,000 (chrono reads those).
        for (y, m) in [(1, 1), (9999, 12), (100_000, 6), (-100_000, 1)] {
            let d = Day::from_ymd(y, m, 15).unwrap();
            assert_eq!(d.add_months(1).unwrap().ymd().1, m % 12 + 1, "{y}-{m}");
            assert_eq!(d.add_months(-1).unwrap().ymd().1, (m + 10) % 12 + 1, "{y}-{m}");
            assert!(d.month_start() <= d && d <= d.month_end());
        }
    }

    proptest::proptest! {
        #[test]
        fn iso_dates_read_as_chrono_reads_them(s in "[ +-]{0,2}[0-9]{0,10}-[+-]?[0-9]{0,3}-[+0-9]{0,3}[ x-]?") {
            let chrono = NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok().map(Day::from_naive);
            proptest::prop_assert_eq!(Day::parse_iso(&s), chrono, "{:?}", s);
        }

        #[test]
        fn moving_by_months_always_moves(n in i32::MIN..i32::MAX, months in proptest::prelude::any::<i32>()) {
            let d = Day(n);
            if let Some(moved) = d.add_months(months) {
                proptest::prop_assert_eq!(moved.cmp(&d), months.cmp(&0));
            }
            proptest::prop_assert!(d.month_start() <= d && d <= d.month_end());
        }
    }
}
