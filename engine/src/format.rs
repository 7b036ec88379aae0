//! Number formatting for display: grouped thousands, units, compact axis labels. The English
//! forms live here; [`local`] writes them the way each language's readers do.

pub mod local;
pub mod spreadsheet;

use crate::kpi::Unit;

/// `v` with `decimals` decimals and `,` between thousands: `1234567.891, 2` → `1,234,567.89`.
///
/// ```
/// assert_eq!(pipelens_engine::format::grouped(10005534.0, 0), "10,005,534");
/// assert_eq!(pipelens_engine::format::grouped(-2360.914, 2), "-2,360.91");
/// ```
pub fn grouped(v: f64, decimals: usize) -> String {
    let text = format!("{:.*}", decimals, v.abs());
    let (int, frac) = text.split_once('.').map_or((text.as_str(), None), |(i, f)| (i, Some(f)));
    let mut out = String::with_capacity(text.len() + int.len() / 3 + 1);
    if v < 0.0 && text.bytes().any(|b| (b'1'..=b'9').contains(&b)) {
        out.push('-');
    }
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

/// A count with its noun in the right number: `1 deal`, `1,589 deals`.
///
/// ```
/// use pipelens_engine::format::count;
/// assert_eq!((count(1, "deal", "deals"), count(1589, "deal", "deals")), ("1 deal".into(), "1,589 deals".into()));
/// ```
pub fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{} {many}", grouped(n as f64, 0))
    }
}

/// A KPI value as shown on a tile: `10,005,534`, `2,360.91`, `63.2 %`, `51.8 days`.
pub fn display(unit: Unit, v: f64) -> String {
    match unit {
        // Nothing is nothing: `0`, not `0.00` (an empty waterfall bar, a segment without sales).
        Unit::Currency if v.abs() >= 1000.0 || v == 0.0 => grouped(v + 0.0, 0),
        Unit::Currency => grouped(v, 2),
        Unit::Percent => format!("{} %", grouped(v * 100.0, 1)),
        Unit::Count => grouped(v, if v.fract() == 0.0 { 0 } else { 1 }),
        Unit::Days => format!("{} days", grouped(v, 1)),
        Unit::Minutes => minutes(v),
        Unit::Ratio => format!("{}×", grouped(v, 2)),
        Unit::CurrencyPerDay => format!("{} / day", display(Unit::Currency, v)),
    }
}

/// A duration in minutes, in the unit that reads best: `4.5 min`, `3.2 h`, `2.1 days`.
fn minutes(v: f64) -> String {
    if v.abs() < 60.0 {
        format!("{} min", grouped(v, 1))
    } else if v.abs() < 48.0 * 60.0 {
        format!("{} h", grouped(v / 60.0, 1))
    } else {
        format!("{} days", grouped(v / 1440.0, 1))
    }
}

/// A short axis label: `950`, `12k`, `1.2M`, `3.4B`.
pub fn compact(v: f64) -> String {
    let a = v.abs();
    let (scaled, suffix) = if a >= 1e9 {
        (v / 1e9, "B")
    } else if a >= 1e6 {
        (v / 1e6, "M")
    } else if a >= 1e3 {
        (v / 1e3, "k")
    } else {
        (v, "")
    };
    let text = if scaled.abs() >= 100.0 || scaled.fract().abs() < 0.05 {
        format!("{scaled:.0}")
    } else {
        format!("{scaled:.1}")
    };
    format!("{text}{suffix}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_thousands() {
        let cases = [
            (0.0, 0, "0"),
            (999.0, 0, "999"),
            (1000.0, 0, "1,000"),
            (1234567.891, 2, "1,234,567.89"),
            (-0.001, 2, "0.00"),
            (-1500.0, 0, "-1,500"),
        ];
        for (v, d, want) in cases {
            assert_eq!(grouped(v, d), want, "{v}");
        }
    }

    #[test]
    fn displays_units() {
        assert_eq!(display(Unit::Currency, 10_005_534.0), "10,005,534");
        assert_eq!(display(Unit::Currency, 2360.9127), "2,361");
        assert_eq!(display(Unit::Currency, 512.5), "512.50");
        assert_eq!(display(Unit::Percent, 0.63149), "63.1 %");
        assert_eq!(display(Unit::Count, 4238.0), "4,238");
        assert_eq!(display(Unit::Days, 51.7784), "51.8 days");
        assert_eq!(display(Unit::Minutes, 4.5), "4.5 min");
        assert_eq!(display(Unit::Minutes, 192.0), "3.2 h");
        assert_eq!(display(Unit::Minutes, 4320.0), "3.0 days");
        assert_eq!(display(Unit::Ratio, 3.14159), "3.14×");
        assert_eq!(display(Unit::CurrencyPerDay, 12_345.6), "12,346 / day");
    }

    #[test]
    fn compacts_axis_labels() {
        for (v, want) in
            [(0.0, "0"), (950.0, "950"), (12_000.0, "12k"), (1_250_000.0, "1.2M"), (250_000.0, "250k"), (3.4e9, "3.4B")]
        {
            assert_eq!(compact(v), want, "{v}");
        }
    }
}
