//! What the app tells the user about a view it changed on the way in: parts dropped or
//! clamped, a coarser trend grain, a view made by a newer version. Typed, so the UI can word
//! (and later translate) them; [`Notice`]'s `Display` is the plain-English wording.

use crate::{Grain, Period};
use std::fmt;

/// A part of a view that a bound can drop.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Part {
    /// The custom period.
    Period,
    /// Files the view names.
    Files,
    /// Filter values.
    FilterValues,
    /// Drill-down steps.
    Crumbs,
    /// Filter values inside drill-down steps.
    CrumbFilterValues,
    /// Board items.
    BoardItems,
    /// The gross margin.
    GrossMargin,
    /// Targets.
    Targets,
    /// The currency.
    Currency,
    /// The theme.
    Theme,
    /// Stage names with a status.
    Stages,
    /// Open stages in order.
    OpenStages,
}

impl Part {
    /// The part in words, for `count` items of it.
    fn words(self, count: usize) -> &'static str {
        let one = count == 1;
        match self {
            Part::Period => "the period",
            Part::Files if one => "file",
            Part::Files => "files",
            Part::FilterValues if one => "filter value",
            Part::FilterValues => "filter values",
            Part::Crumbs if one => "drill-down step",
            Part::Crumbs => "drill-down steps",
            Part::CrumbFilterValues if one => "filter value of a drill-down step",
            Part::CrumbFilterValues => "filter values of drill-down steps",
            Part::BoardItems if one => "board item",
            Part::BoardItems => "board items",
            Part::GrossMargin => "the gross margin",
            Part::Targets if one => "target",
            Part::Targets => "targets",
            Part::Currency => "the currency",
            Part::Theme => "the theme",
            Part::Stages if one => "stage rule",
            Part::Stages => "stage rules",
            Part::OpenStages if one => "open stage in the order",
            Part::OpenStages => "open stages in the order",
        }
    }

    /// Whether the part is one value (no count is written).
    fn single(self) -> bool {
        matches!(self, Part::Period | Part::GrossMargin | Part::Currency | Part::Theme)
    }
}

/// Why something was dropped.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Reason {
    /// More than the limit (the number).
    TooMany(usize),
    /// Longer than the limit in characters.
    TooLong(usize),
    /// Listed more than once.
    Repeated,
    /// Not something this version knows.
    Unknown,
    /// A number out of its range, or not finite.
    OutOfRange,
    /// Not readable (a date that is not one, or an end before the start).
    Unreadable,
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reason::TooMany(n) => write!(f, "more than {n}"),
            Reason::TooLong(n) => write!(f, "longer than {n} characters"),
            Reason::Repeated => write!(f, "listed more than once"),
            Reason::Unknown => write!(f, "not known to this version"),
            Reason::OutOfRange => write!(f, "out of range"),
            Reason::Unreadable => write!(f, "not readable"),
        }
    }
}

/// Something the app changed in a view on the way in, or has to say about it.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// `count` items of `part` were left out, for `reason`.
    Dropped {
        /// What was dropped.
        part: Part,
        /// How many.
        count: usize,
        /// Why.
        reason: Reason,
    },
    /// The period was clamped to the range the app shows.
    PeriodClamped {
        /// The period asked for.
        asked: Period,
        /// The period shown.
        shown: Period,
    },
    /// Trends are shown at a coarser grain, so they have at most
    /// [`crate::period::MAX_BUCKETS`] points.
    CoarserGrain {
        /// The grain asked for.
        asked: Grain,
        /// The grain used.
        used: Grain,
    },
    /// The link or settings file was made by a newer version of pipelens.
    NewerVersion,
    /// The app stopped while showing the remembered view, so this start did not apply it.
    RememberedNotApplied,
}

impl Notice {
    /// The notice for trends of `asked` over `period`, when they are shown at a coarser grain
    /// ([`Grain::fitting`]); for views the filter bar makes, which no link bounded.
    ///
    /// ```
    /// use pipelens_engine::{share::Notice, Day, Grain, Period};
    /// let p = Period::new(Day::from_ymd(1990, 1, 1).unwrap(), Day::from_ymd(2024, 12, 31).unwrap()).unwrap();
    /// assert_eq!(Notice::for_grain(Grain::Week, p), Some(Notice::CoarserGrain { asked: Grain::Week, used: Grain::Quarter }));
    /// assert_eq!(Notice::for_grain(Grain::Year, p), None);
    /// ```
    pub fn for_grain(asked: Grain, period: Period) -> Option<Notice> {
        let used = asked.fitting(period);
        (used != asked).then_some(Notice::CoarserGrain { asked, used })
    }
}

fn grain_words(g: Grain) -> &'static str {
    match g {
        Grain::Week => "weeks",
        Grain::Month => "months",
        Grain::Quarter => "quarters",
        Grain::Year => "years",
    }
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Notice::Dropped { part, count, reason } if part.single() => {
                let _ = count;
                write!(f, "{} was left out ({reason})", part.words(1))
            }
            Notice::Dropped { part, count, reason } => {
                write!(f, "{count} {} left out ({reason})", part.words(*count))
            }
            Notice::PeriodClamped { asked, shown } => {
                write!(f, "the period {asked} is shown as {shown}, the range available")
            }
            Notice::CoarserGrain { asked, used } => write!(
                f,
                "trends are shown by {} instead of {}, so they have at most {} points",
                grain_words(*used),
                grain_words(*asked),
                crate::period::MAX_BUCKETS
            ),
            Notice::NewerVersion => {
                write!(f, "this was made by a newer version of pipelens; it shows what this version understands")
            }
            Notice::RememberedNotApplied => {
                write!(f, "the last view could not be shown; your remembered settings were not applied")
            }
        }
    }
}

/// All `notices` as one sentence for the notice bar, or `None` when there are none.
///
/// ```
/// use pipelens_engine::share::{notice::summary, Notice};
/// assert_eq!(summary(&[]), None);
/// assert_eq!(summary(&[Notice::NewerVersion]).unwrap(), "This was made by a newer version of pipelens; it shows what this version understands.");
/// ```
pub fn summary(notices: &[Notice]) -> Option<String> {
    let text = notices.iter().map(Notice::to_string).collect::<Vec<_>>().join("; ");
    let mut chars = text.chars();
    let first = chars.next()?;
    Some(format!("{}{}.", first.to_uppercase(), chars.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Day;

    #[test]
    fn notices_read_as_plain_english() {
        let day = |s| Day::parse_iso(s).unwrap();
        let cases = [
            (
                Notice::Dropped { part: Part::BoardItems, count: 3, reason: Reason::TooMany(64) },
                "3 board items left out (more than 64)",
            ),
            (
                Notice::Dropped { part: Part::OpenStages, count: 1, reason: Reason::Repeated },
                "1 open stage in the order left out (listed more than once)",
            ),
            (
                Notice::Dropped { part: Part::GrossMargin, count: 1, reason: Reason::OutOfRange },
                "the gross margin was left out (out of range)",
            ),
            (
                Notice::PeriodClamped {
                    asked: Period::new(day("0001-01-01"), day("9999-12-31")).unwrap(),
                    shown: Period::new(day("1900-01-01"), day("2200-12-31")).unwrap(),
                },
                "the period 0001-01-01 – 9999-12-31 is shown as 1900-01-01 – 2200-12-31, the range available",
            ),
            (
                Notice::CoarserGrain { asked: Grain::Week, used: Grain::Year },
                "trends are shown by years instead of weeks, so they have at most 400 points",
            ),
            (
                Notice::RememberedNotApplied,
                "the last view could not be shown; your remembered settings were not applied",
            ),
        ];
        for (notice, words) in cases {
            assert_eq!(notice.to_string(), words);
        }
        let both = summary(&[cases_first(), Notice::NewerVersion]).unwrap();
        assert!(both.starts_with("2 targets left out (not known to this version); this was made"), "{both}");
        assert!(both.ends_with('.'));
    }

    fn cases_first() -> Notice {
        Notice::Dropped { part: Part::Targets, count: 2, reason: Reason::Unknown }
    }
}
