//! Reporting periods and the time grains of trend series.

use crate::day::Day;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A closed range of whole days `[from, to]`: both ends are included.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Period {
    /// First day of the period.
    pub from: Day,
    /// Last day of the period; also the "as-of" date of stock KPIs such as the pipeline.
    pub to: Day,
}

impl Period {
    /// A period from `from` to `to`, or `None` when `to` is before `from`.
    pub fn new(from: Day, to: Day) -> Option<Period> {
        (from <= to).then_some(Period { from, to })
    }

    /// The default period of KPI_SPEC.md: the 12 calendar months that end with the month
    /// holding `latest` (that month included). It depends only on the data, never on a clock.
    ///
    /// ```
    /// use pipelens_engine::{Day, Period};
    /// let p = Period::default_for(Day::from_ymd(2017, 12, 31).unwrap());
    /// assert_eq!((p.from.to_string(), p.to.to_string()), ("2017-01-01".into(), "2017-12-31".into()));
    /// ```
    pub fn default_for(latest: Day) -> Period {
        let to = latest.month_end();
        let from = latest.month_start().add_months(-11);
        Period { from, to }
    }

    /// The period of the same length that ends the day before `from`.
    pub fn previous(self) -> Period {
        let len = self.len_days();
        Period { from: Day(self.from.0 - len), to: Day(self.from.0 - 1) }
    }

    /// The same period one year earlier (the "year over year" comparison). A day on a month's
    /// end maps to that month's end, so February 29 and February 28 answer each other.
    pub fn year_earlier(self) -> Period {
        let shift = |d: Day| {
            let s = d.add_months(-12);
            if d == d.month_end() {
                s.month_end()
            } else {
                s
            }
        };
        Period { from: shift(self.from), to: shift(self.to) }
    }

    /// The period of the same length that starts the day after `to`.
    pub fn next(self) -> Period {
        Period { from: Day(self.to.0 + 1), to: Day(self.to.0 + self.len_days()) }
    }

    /// The part of `self` that lies in `other`, if any.
    pub fn clip(self, other: Period) -> Option<Period> {
        Period::new(self.from.max(other.from), self.to.min(other.to))
    }

    /// Whether the whole of `[from, to]` lies in the period.
    pub fn holds(self, from: Day, to: Day) -> bool {
        from >= self.from && to <= self.to
    }

    /// Number of days in the period.
    pub fn len_days(self) -> i32 {
        self.to.0 - self.from.0 + 1
    }

    /// Whether a raw day number lies in the period. Missing days (`i32::MIN`) never do.
    #[inline]
    pub fn contains_raw(self, day: i32) -> bool {
        day >= self.from.0 && day <= self.to.0
    }

    /// Whether `day` lies in the period.
    pub fn contains(self, day: Day) -> bool {
        self.contains_raw(day.0)
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} – {}", self.from, self.to)
    }
}

/// The bucket size of a trend series.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Grain {
    /// ISO weeks, Monday to Sunday.
    Week,
    /// Calendar months.
    Month,
    /// Calendar quarters.
    Quarter,
    /// Calendar years.
    Year,
}

/// The words for a grain, one table for every caller (chart titles, the grain picker).
impl Grain {
    /// Every grain, finest first.
    pub const ALL: [Grain; 4] = [Grain::Week, Grain::Month, Grain::Quarter, Grain::Year];

    /// The grain as share links and settings store it (its serde form): `week`, `month`, ...
    pub fn key(self) -> &'static str {
        match self {
            Grain::Week => "week",
            Grain::Month => "month",
            Grain::Quarter => "quarter",
            Grain::Year => "year",
        }
    }

    /// The grain in words, as in "revenue per month".
    ///
    /// ```
    /// use pipelens_engine::Grain;
    /// assert_eq!((Grain::Month.noun(), Grain::Month.title()), ("month", "Month"));
    /// ```
    pub fn noun(self) -> &'static str {
        self.key()
    }

    /// The grain as a heading or a picker's option: `Week`, `Month`, ...
    pub fn title(self) -> &'static str {
        match self {
            Grain::Week => "Week",
            Grain::Month => "Month",
            Grain::Quarter => "Quarter",
            Grain::Year => "Year",
        }
    }

    /// The grain whose [`key`](Grain::key) is `key`.
    pub fn parse(key: &str) -> Option<Grain> {
        Grain::ALL.into_iter().find(|g| g.key() == key)
    }
}

impl Grain {
    /// The first day of the bucket that holds `day`.
    pub fn bucket_start(self, day: Day) -> Day {
        match self {
            Grain::Week => Day(day.0 - (day.0 + 3).rem_euclid(7)), // 1970-01-01 was a Thursday
            Grain::Month => day.month_start(),
            Grain::Quarter => {
                let (y, m, _) = day.ymd();
                Day::from_ymd(y, (m - 1) / 3 * 3 + 1, 1).unwrap_or(day)
            }
            Grain::Year => Day::from_ymd(day.ymd().0, 1, 1).unwrap_or(day),
        }
    }

    /// The first day of the bucket after the one that starts at `start`.
    pub fn next_start(self, start: Day) -> Day {
        match self {
            Grain::Week => Day(start.0 + 7),
            Grain::Month => start.add_months(1),
            Grain::Quarter => start.add_months(3),
            Grain::Year => start.add_months(12),
        }
    }

    /// A short label for the bucket that starts at `start`: `2017-W09`, `2017-03`, `2017-Q1`, `2017`.
    pub fn label(self, start: Day) -> String {
        let (y, m, _) = start.ymd();
        match self {
            Grain::Week => {
                let iso = chrono::Datelike::iso_week(&start.to_naive());
                format!("{}-W{:02}", iso.year(), iso.week())
            }
            Grain::Month => format!("{y}-{m:02}"),
            Grain::Quarter => format!("{y}-Q{}", (m - 1) / 3 + 1),
            Grain::Year => format!("{y}"),
        }
    }

    /// The buckets that overlap `period`, in order, as their start days.
    pub fn buckets(self, period: Period) -> Vec<Day> {
        let mut out = Vec::new();
        let mut start = self.bucket_start(period.from);
        while start <= period.to {
            out.push(start);
            start = self.next_start(start);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_grain_has_its_own_words_and_its_stored_key() {
        for g in Grain::ALL {
            assert_eq!(serde_json::to_string(&g).unwrap(), format!("\"{}\"", g.key()), "{g:?}");
            assert_eq!(Grain::parse(g.key()), Some(g));
            let mut c = g.noun().chars();
            let title: String = c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default();
            assert_eq!(g.title(), title, "{g:?}");
        }
        assert_eq!(Grain::parse("Month"), None);
    }

    fn day(y: i32, m: u32, d: u32) -> Day {
        Day::from_ymd(y, m, d).unwrap()
    }

    #[test]
    fn default_period_is_twelve_calendar_months_ending_with_latest_month() {
        let cases = [
            (day(2017, 12, 31), day(2017, 1, 1), day(2017, 12, 31)),
            (day(2017, 12, 1), day(2017, 1, 1), day(2017, 12, 31)),
            (day(2024, 2, 10), day(2023, 3, 1), day(2024, 2, 29)),
            (day(2026, 1, 15), day(2025, 2, 1), day(2026, 1, 31)),
        ];
        for (latest, from, to) in cases {
            assert_eq!(Period::default_for(latest), Period { from, to }, "latest {latest}");
        }
    }

    #[test]
    fn previous_period_has_same_length_and_ends_the_day_before() {
        let p = Period::new(day(2024, 1, 1), day(2024, 12, 31)).unwrap();
        let prev = p.previous();
        assert_eq!(prev.len_days(), 366);
        assert_eq!(prev.to, day(2023, 12, 31));
        // 2024 has 366 days, so the previous period starts a day before 2023-01-01.
        assert_eq!(prev.from, day(2022, 12, 31));
    }

    #[test]
    fn year_earlier_maps_month_ends_and_leap_days() {
        let p = Period::new(day(2024, 3, 1), day(2025, 2, 28)).unwrap();
        assert_eq!(p.year_earlier(), Period { from: day(2023, 3, 1), to: day(2024, 2, 29) });
        let p = Period::new(day(2024, 2, 29), day(2024, 12, 15)).unwrap();
        assert_eq!(p.year_earlier(), Period { from: day(2023, 2, 28), to: day(2023, 12, 15) });
        let p = Period::new(day(2024, 1, 1), day(2024, 12, 31)).unwrap();
        assert_eq!(p.next(), Period { from: day(2025, 1, 1), to: day(2026, 1, 1) });
        assert_eq!(p.clip(Period::new(day(2024, 12, 1), day(2025, 5, 1)).unwrap()).unwrap().from, day(2024, 12, 1));
        assert!(p.clip(p.next()).is_none());
    }

    #[test]
    fn contains_is_inclusive_and_rejects_missing() {
        let p = Period::new(day(2024, 1, 1), day(2024, 1, 31)).unwrap();
        assert!(p.contains(day(2024, 1, 1)) && p.contains(day(2024, 1, 31)));
        assert!(!p.contains(day(2024, 2, 1)));
        assert!(!p.contains_raw(i32::MIN));
        assert!(Period::new(day(2024, 2, 1), day(2024, 1, 1)).is_none());
    }

    #[test]
    fn buckets_cover_the_period() {
        let p = Period::new(day(2023, 11, 15), day(2024, 2, 3)).unwrap();
        let labels: Vec<_> = Grain::Month.buckets(p).into_iter().map(|d| Grain::Month.label(d)).collect();
        assert_eq!(labels, ["2023-11", "2023-12", "2024-01", "2024-02"]);
        let q: Vec<_> = Grain::Quarter.buckets(p).into_iter().map(|d| Grain::Quarter.label(d)).collect();
        assert_eq!(q, ["2023-Q4", "2024-Q1"]);
        let y: Vec<_> = Grain::Year.buckets(p).into_iter().map(|d| Grain::Year.label(d)).collect();
        assert_eq!(y, ["2023", "2024"]);
    }

    #[test]
    fn weeks_start_on_monday() {
        // 2024-01-03 is a Wednesday; its ISO week starts Monday 2024-01-01 (week 1).
        let start = Grain::Week.bucket_start(day(2024, 1, 3));
        assert_eq!(start, day(2024, 1, 1));
        assert_eq!(Grain::Week.label(start), "2024-W01");
        assert_eq!(Grain::Week.bucket_start(day(2024, 1, 7)), day(2024, 1, 1));
        assert_eq!(Grain::Week.bucket_start(day(2024, 1, 8)), day(2024, 1, 8));
    }
}
