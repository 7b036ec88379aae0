//! Times of day for the demo company's timestamps.
//!
//! The reps work 08:00–18:00 in their region's time zone (EMEA UTC+1, North America UTC−5,
//! APAC UTC+8), mostly on weekdays; web forms arrive at any hour. Every stamp is kept as
//! seconds since 1970-01-01 UTC and lands on the UTC day it was drawn for, so a stamp drawn
//! for the last day of the data never spills past it.

use super::Rng;
use crate::day::Day;
use crate::table::TimestampColumn;

/// Seconds in a day.
pub(super) const DAY_SECS: i64 = 86_400;

/// Hours ahead of UTC, per region (indexed like the demo's regions).
const UTC_OFFSET_HOURS: [i64; 3] = [1, -5, 8];

/// Seconds since 1970 at the start of `day` (UTC).
pub(super) fn day_start(day: Day) -> i64 {
    day.0 as i64 * DAY_SECS
}

/// The last second of `day` (UTC).
pub(super) fn day_end(day: Day) -> i64 {
    day_start(day) + DAY_SECS - 1
}

/// The UTC day that holds the stamp `ts`.
pub(super) fn day_of(ts: i64) -> Day {
    Day(ts.div_euclid(DAY_SECS) as i32)
}

/// Day of the week, 0 = Monday.
pub(super) fn weekday(day: Day) -> i32 {
    (day.0 + 3).rem_euclid(7) // 1970-01-01 was a Thursday
}

/// A stamp on `day` during office hours (08:00–18:00 local time in `region`).
pub(super) fn office_time(rng: &mut Rng, day: Day, region: usize) -> i64 {
    let local = 8 * 3600 + (rng.unit() * 10.0 * 3600.0) as i64;
    stamp(day, local, region)
}

/// A stamp on `day` at any hour, office hours being the likeliest: when web forms arrive.
pub(super) fn any_time(rng: &mut Rng, day: Day, region: usize) -> i64 {
    if rng.chance(0.7) {
        office_time(rng, day, region)
    } else {
        stamp(day, (rng.unit() * DAY_SECS as f64) as i64, region)
    }
}

/// `local_secs` after local midnight in `region`, kept on the UTC day `day`.
fn stamp(day: Day, local_secs: i64, region: usize) -> i64 {
    let offset = UTC_OFFSET_HOURS.get(region).copied().unwrap_or(0) * 3600;
    day_start(day) + (local_secs - offset).rem_euclid(DAY_SECS)
}

/// A day in `[lo, hi]` (just `lo` when the range is empty), redrawn up to twice when it falls
/// on a weekend: most work happens Monday to Friday.
pub(super) fn work_day(rng: &mut Rng, lo: Day, hi: Day) -> Day {
    let span = (hi.0 - lo.0).max(0) as f64 + 1.0;
    let mut day = lo;
    for _ in 0..3 {
        day = Day(lo.0 + (rng.unit() * span) as i32);
        if weekday(day) < 5 {
            break;
        }
    }
    day.min(hi.max(lo))
}

/// A stamp in office hours on a working day of `[lo, hi]` that is later than `after`; when
/// the drawn time is not, a few minutes to two hours after `after` instead.
pub(super) fn office_time_after(rng: &mut Rng, after: i64, lo: Day, hi: Day, region: usize) -> i64 {
    let day = work_day(rng, lo, hi);
    let t = office_time(rng, day, region);
    if t > after {
        t
    } else {
        after + 300 + (rng.unit() * 6900.0) as i64
    }
}

/// Appends a stamp, or a missing cell for `None`, to a timestamp column.
pub(super) fn push_stamp(col: &mut TimestampColumn, ts: Option<i64>) {
    match ts {
        Some(t) => {
            col.days.push(Some(day_of(t)));
            col.seconds.push(t.rem_euclid(DAY_SECS) as i32);
        }
        None => {
            col.days.push(None);
            col.seconds.push(0);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamps_stay_on_their_day_and_in_office_hours() {
        let mut rng = Rng::new(3);
        let day = Day::from_ymd(2026, 10, 31).unwrap();
        for (region, offset) in UTC_OFFSET_HOURS.iter().enumerate() {
            for _ in 0..200 {
                let t = office_time(&mut rng, day, region);
                assert_eq!(day_of(t), day);
                let local = (t - day_start(day) + offset * 3600).rem_euclid(DAY_SECS);
                assert!((8 * 3600..18 * 3600).contains(&local), "{local}");
                assert_eq!(day_of(any_time(&mut rng, day, region)), day);
            }
        }
    }

    #[test]
    fn work_days_lie_in_range() {
        let mut rng = Rng::new(4);
        let (lo, hi) = (Day::from_ymd(2024, 3, 1).unwrap(), Day::from_ymd(2024, 3, 31).unwrap());
        let days: Vec<Day> = (0..500).map(|_| work_day(&mut rng, lo, hi)).collect();
        assert!(days.iter().all(|d| *d >= lo && *d <= hi));
        let weekend = days.iter().filter(|d| weekday(**d) >= 5).count();
        assert!(weekend < 40, "{weekend} weekend days");
        assert_eq!(work_day(&mut rng, hi, lo), hi);
    }
}
