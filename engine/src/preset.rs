//! Period presets: this month, quarter or year, the last ones, and the last 12 months, all
//! relative to the data's latest day (the data's "today": an export from last week shows last
//! week's month as "this month").

use crate::day::Day;
use crate::period::{Grain, Period};
use serde::{Deserialize, Serialize};

/// A named period relative to the data's latest day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Preset {
    /// The 12 whole months ending with the latest day's month: the default period.
    Last12Months,
    /// The calendar month of the latest day, to its end.
    ThisMonth,
    /// The calendar quarter of the latest day, to its end.
    ThisQuarter,
    /// The calendar year of the latest day, to its end.
    ThisYear,
    /// The month before.
    LastMonth,
    /// The quarter before.
    LastQuarter,
    /// The year before.
    LastYear,
}

impl Preset {
    /// Every preset, in menu order.
    pub const ALL: [Preset; 7] = [
        Preset::Last12Months,
        Preset::ThisMonth,
        Preset::ThisQuarter,
        Preset::ThisYear,
        Preset::LastMonth,
        Preset::LastQuarter,
        Preset::LastYear,
    ];

    /// The name in the menu.
    pub fn label(self) -> &'static str {
        match self {
            Preset::Last12Months => "Last 12 months",
            Preset::ThisMonth => "This month",
            Preset::ThisQuarter => "This quarter",
            Preset::ThisYear => "This year",
            Preset::LastMonth => "Last month",
            Preset::LastQuarter => "Last quarter",
            Preset::LastYear => "Last year",
        }
    }

    /// A stable key: `last-12-months`, `this-quarter`, …
    pub fn key(self) -> &'static str {
        match self {
            Preset::Last12Months => "last-12-months",
            Preset::ThisMonth => "this-month",
            Preset::ThisQuarter => "this-quarter",
            Preset::ThisYear => "this-year",
            Preset::LastMonth => "last-month",
            Preset::LastQuarter => "last-quarter",
            Preset::LastYear => "last-year",
        }
    }

    /// The preset with `key`.
    pub fn parse(key: &str) -> Option<Preset> {
        Preset::ALL.into_iter().find(|p| p.key() == key)
    }

    /// The period of the preset when the data's latest day is `latest`.
    ///
    /// ```
    /// use pipelens_engine::{preset::Preset, Day};
    /// let latest = Day::parse_iso("2026-10-17").unwrap();
    /// assert_eq!(Preset::ThisQuarter.period(latest).to_string(), "2026-10-01 – 2026-12-31");
    /// assert_eq!(Preset::LastMonth.period(latest).to_string(), "2026-09-01 – 2026-09-30");
    /// ```
    pub fn period(self, latest: Day) -> Period {
        let span = |grain: Grain, back: i32| {
            let mut start = grain.bucket_start(latest);
            for _ in 0..back {
                start = grain.bucket_start(Day(start.0 - 1));
            }
            Period { from: start, to: grain.bucket_end(start) }
        };
        match self {
            Preset::Last12Months => Period::default_for(latest),
            Preset::ThisMonth => span(Grain::Month, 0),
            Preset::ThisQuarter => span(Grain::Quarter, 0),
            Preset::ThisYear => span(Grain::Year, 0),
            Preset::LastMonth => span(Grain::Month, 1),
            Preset::LastQuarter => span(Grain::Quarter, 1),
            Preset::LastYear => span(Grain::Year, 1),
        }
    }

    /// The preset whose period is `p`, if any.
    pub fn matching(p: Period, latest: Day) -> Option<Preset> {
        Preset::ALL.into_iter().find(|x| x.period(latest) == p)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Day {
        Day::parse_iso(s).unwrap()
    }

    #[test]
    fn presets_follow_the_calendar_around_the_latest_day() {
        let latest = day("2024-02-29");
        let p = |x: Preset| x.period(latest).to_string();
        assert_eq!(p(Preset::Last12Months), "2023-03-01 – 2024-02-29");
        assert_eq!(p(Preset::ThisMonth), "2024-02-01 – 2024-02-29");
        assert_eq!(p(Preset::ThisQuarter), "2024-01-01 – 2024-03-31");
        assert_eq!(p(Preset::ThisYear), "2024-01-01 – 2024-12-31");
        assert_eq!(p(Preset::LastMonth), "2024-01-01 – 2024-01-31");
        assert_eq!(p(Preset::LastQuarter), "2023-10-01 – 2023-12-31");
        assert_eq!(p(Preset::LastYear), "2023-01-01 – 2023-12-31");
        assert_eq!(Preset::matching(Preset::LastQuarter.period(latest), latest), Some(Preset::LastQuarter));
        assert_eq!(Preset::matching(Period { from: day("2024-01-02"), to: latest }, latest), None);
        for x in Preset::ALL {
            assert_eq!(Preset::parse(x.key()), Some(x));
        }
    }
}
