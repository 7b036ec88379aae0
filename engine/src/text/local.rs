//! Counts, days and periods written the way each language writes them inside a sentence.
//!
//! A small stand-in for the UI's formatter (which uses the browser's `Intl`): the engine's
//! messages need only whole counts and calendar days, and native tests must drive them. The
//! rules follow `Intl.NumberFormat` / `Intl.DateTimeFormat` for de-DE, pl-PL and zh-CN.

use crate::lang::Lang;
use crate::{Day, Period};

/// The no-break space Polish groups thousands with.
const NBSP: char = '\u{a0}';

/// A whole count in `lang`: en `1,234`, de `1.234`, pl `1234` and `12 345` (grouped only from
/// ten thousand, with a no-break space), zh `1,234`.
///
/// ```
/// use pipelens_engine::{lang::Lang, text::count};
/// assert_eq!(count(1234567, Lang::De), "1.234.567");
/// assert_eq!(count(1234, Lang::Pl), "1234");
/// assert_eq!(count(12345, Lang::Pl), "12\u{a0}345");
/// assert_eq!(count(1234, Lang::Zh), "1,234");
/// ```
pub fn count(n: usize, lang: Lang) -> String {
    let digits = n.to_string();
    let (sep, from) = match lang {
        Lang::En | Lang::Zh => (',', 1_000),
        Lang::De => ('.', 1_000),
        Lang::Pl => (NBSP, 10_000),
    };
    if n < from {
        return digits;
    }
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 2);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// A calendar day in `lang`: en `2026-12-31` (as the app has always written it), de and pl
/// `31.12.2026`, zh `2026/12/31`.
///
/// ```
/// use pipelens_engine::{lang::Lang, text::day, Day};
/// let d = Day::from_ymd(2026, 1, 5).unwrap();
/// assert_eq!(day(d, Lang::De), "05.01.2026");
/// assert_eq!(day(d, Lang::Zh), "2026/01/05");
/// ```
pub fn day(d: Day, lang: Lang) -> String {
    let (y, m, dd) = d.ymd();
    match lang {
        Lang::En => d.to_string(),
        Lang::De | Lang::Pl => format!("{dd:02}.{m:02}.{y:04}"),
        Lang::Zh => format!("{y:04}/{m:02}/{dd:02}"),
    }
}

/// A period in `lang`: its first and last day joined by an en dash (`至` in Chinese).
///
/// ```
/// use pipelens_engine::{lang::Lang, text::period, Day, Period};
/// let p = Period::new(Day::from_ymd(2026, 1, 1).unwrap(), Day::from_ymd(2026, 12, 31).unwrap()).unwrap();
/// assert_eq!(period(p, Lang::Pl), "01.01.2026 – 31.12.2026");
/// assert_eq!(period(p, Lang::Zh), "2026/01/01至2026/12/31");
/// ```
pub fn period(p: Period, lang: Lang) -> String {
    match lang {
        Lang::En => p.to_string(),
        Lang::De | Lang::Pl => format!("{} – {}", day(p.from, lang), day(p.to, lang)),
        Lang::Zh => format!("{}至{}", day(p.from, lang), day(p.to, lang)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_group_the_local_way() {
        for (n, en, de, pl, zh) in [
            (0, "0", "0", "0", "0"),
            (999, "999", "999", "999", "999"),
            (1_000, "1,000", "1.000", "1000", "1,000"),
            (9_999, "9,999", "9.999", "9999", "9,999"),
            (10_000, "10,000", "10.000", "10\u{a0}000", "10,000"),
            (1_234_567, "1,234,567", "1.234.567", "1\u{a0}234\u{a0}567", "1,234,567"),
        ] {
            assert_eq!(count(n, Lang::En), en);
            assert_eq!(count(n, Lang::De), de);
            assert_eq!(count(n, Lang::Pl), pl);
            assert_eq!(count(n, Lang::Zh), zh);
        }
    }

    #[test]
    fn english_counts_match_the_engine_formatter() {
        for n in [0usize, 7, 1_000, 2_089, 10_339_460] {
            assert_eq!(count(n, Lang::En), crate::format::grouped(n as f64, 0));
        }
    }

    #[test]
    fn days_read_day_first_in_german_and_polish_and_year_first_in_chinese() {
        let d = Day::from_ymd(2026, 12, 31).unwrap();
        assert_eq!(day(d, Lang::En), "2026-12-31");
        assert_eq!(day(d, Lang::De), "31.12.2026");
        assert_eq!(day(d, Lang::Pl), "31.12.2026");
        assert_eq!(day(d, Lang::Zh), "2026/12/31");
        let p = Period::new(Day::from_ymd(2026, 1, 1).unwrap(), d).unwrap();
        assert_eq!(period(p, Lang::En), p.to_string());
        assert_eq!(period(p, Lang::De), "01.01.2026 – 31.12.2026");
    }

    proptest::proptest! {
        /// Every count reads back as its digits, in groups of three after the separator, and
        /// Polish groups only from ten thousand.
        #[test]
        fn counts_keep_their_digits_in_groups_of_three(n in proptest::prelude::any::<usize>()) {
            for lang in Lang::ALL {
                let text = count(n, lang);
                let digits: String = text.chars().filter(char::is_ascii_digit).collect();
                proptest::prop_assert_eq!(&digits, &n.to_string());
                let groups: Vec<&str> = text.split(|c: char| !c.is_ascii_digit()).collect();
                proptest::prop_assert!(groups.iter().skip(1).all(|g| g.len() == 3), "{}", text);
                proptest::prop_assert!(groups[0].len() <= 3 || groups.len() == 1, "{}", text);
                proptest::prop_assert_eq!(groups.len() == 1, n < if lang == Lang::Pl { 10_000 } else { 1_000 });
            }
        }
    }
}
