//! One cell as CSV text: numbers plain, dates ISO, formulas by their cached value.

use crate::number::plain;
use calamine::{Data, ExcelDateTime};

/// Serial days Excel can show as a date in the 1900 system (up to 9999-12-31).
const MAX_SERIAL_1900: f64 = 2_958_466.0;
/// Serial days Excel can show as a date in the 1904 system (up to 9999-12-31).
const MAX_SERIAL_1904: f64 = MAX_SERIAL_1900 - 1462.0;

/// A cell's text, or that it holds an error (`#DIV/0!`, `#N/A`, …), which is written empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CellText {
    /// The text to write (empty for an empty cell).
    Text(String),
    /// An error value: written as an empty field and counted.
    Error,
}

/// The text of one cell. Formulas arrive as their cached values (what the workbook last
/// computed), so they read like the values a user sees. Dates become `YYYY-MM-DD`, or
/// `YYYY-MM-DDTHH:MM:SS` with a time part (a time alone is `HH:MM:SS`); durations read
/// `H:MM:SS`; booleans `TRUE` / `FALSE`, as Excel writes them in CSV.
pub fn text(cell: &Data) -> CellText {
    CellText::Text(match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => plain(*f),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_owned(),
        Data::DateTime(dt) => date_time(dt),
        Data::DateTimeIso(s) => iso(s),
        Data::DurationIso(s) => s.clone(),
        Data::Error(_) => return CellText::Error,
    })
}

/// An Excel serial date-time (either date system; the 1900 system's phantom 29 February 1900
/// included, as Excel counts it) as ISO text. A serial outside Excel's date range stays a number.
fn date_time(dt: &ExcelDateTime) -> String {
    let serial = dt.as_f64();
    if dt.is_duration() {
        return duration(serial);
    }
    let max = if is_1904(dt) { MAX_SERIAL_1904 } else { MAX_SERIAL_1900 };
    if !(0.0..max).contains(&serial) {
        return plain(serial);
    }
    let (year, month, day, hour, minute, second, _milli) = dt.to_ymd_hms_milli();
    let time = format!("{hour:02}:{minute:02}:{second:02}");
    if serial < 1.0 && !is_1904(dt) {
        // Day 0 of the 1900 system is no date: a time of day alone.
        return time;
    }
    let date = format!("{year:04}-{month:02}-{day:02}");
    if (hour, minute, second) == (0, 0, 0) {
        date
    } else {
        format!("{date}T{time}")
    }
}

/// Whether a date-time counts from 1904. calamine keeps the flag private, but compares it:
/// `dt` equals the date-time of the same value and type in the 1904 system only if it is one.
fn is_1904(dt: &ExcelDateTime) -> bool {
    *dt == ExcelDateTime::new(dt.as_f64(), calamine::ExcelDateTimeType::DateTime, true)
}

/// A duration in days as `H:MM:SS` (hours may pass 24), negative with a sign.
fn duration(days: f64) -> String {
    let total = (days.abs() * 86_400.0).round();
    if !total.is_finite() || total > 1e15 {
        return plain(days);
    }
    let total = total as u64;
    let sign = if days < 0.0 && total > 0 { "-" } else { "" };
    format!("{sign}{}:{:02}:{:02}", total / 3600, total / 60 % 60, total % 60)
}

/// An OpenDocument date or date-time (`2024-03-15`, `2024-03-15T10:30:00`): a midnight time
/// part is dropped, so a date reads as a date.
fn iso(s: &str) -> String {
    for midnight in ["T00:00:00", "T00:00:00.000", "T00:00:00.000000"] {
        if let Some(date) = s.strip_suffix(midnight) {
            return date.to_owned();
        }
    }
    s.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::{CellErrorType, ExcelDateTimeType};

    fn date(serial: f64, system_1904: bool) -> Data {
        Data::DateTime(ExcelDateTime::new(serial, ExcelDateTimeType::DateTime, system_1904))
    }

    fn t(cell: Data) -> String {
        match text(&cell) {
            CellText::Text(s) => s,
            CellText::Error => "<error>".to_owned(),
        }
    }

    #[test]
    fn cells_read_as_their_values() {
        let cases: Vec<(Data, &str)> = vec![
            (Data::Empty, ""),
            (Data::String("Zażółć 北京".into()), "Zażółć 北京"),
            (Data::Int(-12), "-12"),
            (Data::Float(1234.4999999999998), "1234.5"),
            (Data::Float(5e20), "500000000000000000000"),
            (Data::Bool(true), "TRUE"),
            (Data::Bool(false), "FALSE"),
            (Data::Error(CellErrorType::Div0), "<error>"),
            (Data::Error(CellErrorType::NA), "<error>"),
            (Data::DateTimeIso("2024-03-15".into()), "2024-03-15"),
            (Data::DateTimeIso("2024-03-15T00:00:00".into()), "2024-03-15"),
            (Data::DateTimeIso("2024-03-15T10:30:00".into()), "2024-03-15T10:30:00"),
            (Data::DurationIso("PT36H".into()), "PT36H"),
        ];
        for (cell, want) in cases {
            assert_eq!(t(cell.clone()), want, "{cell:?}");
        }
    }

    #[test]
    fn serial_dates_in_both_systems() {
        let cases = [
            // 1900 system.
            (45_366.0, false, "2024-03-15"),
            (45_366.5, false, "2024-03-15T12:00:00"),
            (45_366.75, false, "2024-03-15T18:00:00"),
            (1.0, false, "1900-01-01"),
            (59.0, false, "1900-02-28"),
            // Excel's phantom leap day, and the days after it.
            (60.0, false, "1900-02-29"),
            (61.0, false, "1900-03-01"),
            (367.0, false, "1901-01-01"),
            (2_958_465.0, false, "9999-12-31"),
            (0.25, false, "06:00:00"),
            // 1904 system: the same day is 1462 serial days less.
            (0.0, true, "1904-01-01"),
            (43_904.0, true, "2024-03-15"),
            (43_904.5, true, "2024-03-15T12:00:00"),
            (1.0, true, "1904-01-02"),
            // Out of range: the number, not a made-up date.
            (-3.0, false, "-3"),
            (3_000_000.0, false, "3000000"),
        ];
        for (serial, system_1904, want) in cases {
            assert_eq!(t(date(serial, system_1904)), want, "serial {serial} (1904: {system_1904})");
        }
    }

    #[test]
    fn durations_read_as_hours_minutes_seconds() {
        let d = |v: f64| Data::DateTime(ExcelDateTime::new(v, ExcelDateTimeType::TimeDelta, false));
        assert_eq!(t(d(1.5)), "36:00:00");
        assert_eq!(t(d(0.0)), "0:00:00");
        assert_eq!(t(d(-0.5)), "-12:00:00");
        assert_eq!(t(d(1.0 / 86_400.0 * 61.0)), "0:01:01");
    }

    proptest::proptest! {
        /// Every whole serial from 1 March 1900 to 9999 is the calendar's date in the 1900
        /// system, and the same day is 1462 serials less in the 1904 system.
        #[test]
        fn serials_are_calendar_dates(serial in 61u32..2_958_465) {
            let want = crate::fixtures::iso_date(f64::from(serial));
            proptest::prop_assert_eq!(t(date(f64::from(serial), false)), want.clone());
            if serial > 1462 {
                proptest::prop_assert_eq!(t(date(f64::from(serial - 1462), true)), want);
            }
        }
    }
}
