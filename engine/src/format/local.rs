//! Numbers, money, percentages, axis labels and dates the way each [`Lang`]'s readers write
//! them: the one formatting interface of the UI, driven natively by table tests.
//!
//! German, Polish and Chinese match what `Intl.NumberFormat` / `Intl.DateTimeFormat` write in
//! Chromium for `de-DE`, `pl-PL` and `zh-CN` (checked character by character, no-break spaces
//! included): `1.234.567,89`, `1 234 567,89` (no grouping under 10 000: `1234,56`),
//! `1,234,567.89`; `12,5 %`, `12,5%`, `12.5%`; `1.234,56 €`, `1234,56 zł`, `¥1,234.56`. English
//! keeps the app's own American-English forms (`63.1 %`, `1.2M`, ISO dates), which the existing
//! tests and the English catalog read.

use super::{compact, display};
use crate::kpi::Unit;
use crate::lang::Lang;
use crate::{Day, Grain};

/// No-break space, between a number and its unit and between Polish thousands.
const NBSP: char = '\u{a0}';

/// How a language writes a number's digits.
struct Digits {
    /// Between groups of three digits.
    group: char,
    /// Before the fraction.
    decimal: char,
    /// The fewest integer digits that are grouped at all (Polish: 5, so `1234` but `12 345`).
    min_grouped: usize,
}

fn digits(lang: Lang) -> Digits {
    match lang {
        Lang::En | Lang::Zh => Digits { group: ',', decimal: '.', min_grouped: 4 },
        Lang::De => Digits { group: '.', decimal: ',', min_grouped: 4 },
        Lang::Pl => Digits { group: NBSP, decimal: ',', min_grouped: 5 },
    }
}

/// `v` rounded to `decimals` decimals, grouped and with the decimal mark of `lang`.
///
/// ```
/// use pipelens_engine::{format::local::number, lang::Lang};
/// assert_eq!(number(Lang::De, 1234567.891, 2), "1.234.567,89");
/// assert_eq!(number(Lang::Pl, 1234.56, 2), "1234,56");
/// ```
pub fn number(lang: Lang, v: f64, decimals: usize) -> String {
    number_grouped_from(lang, v, decimals, digits(lang).min_grouped)
}

fn number_grouped_from(lang: Lang, v: f64, decimals: usize, min_grouped: usize) -> String {
    if !v.is_finite() {
        return if v.is_nan() {
            "–".into()
        } else if v > 0.0 {
            "∞".into()
        } else {
            "-∞".into()
        };
    }
    let d = digits(lang);
    let text = format!("{:.*}", decimals.min(12), v.abs());
    let (int, frac) = text.split_once('.').map_or((text.as_str(), None), |(i, f)| (i, Some(f)));
    let mut out = String::with_capacity(text.len() + int.len() / 2 + 2);
    if v < 0.0 && text.bytes().any(|b| (b'1'..=b'9').contains(&b)) {
        out.push('-');
    }
    let group = int.len() >= min_grouped;
    for (i, c) in int.chars().enumerate() {
        if group && i > 0 && (int.len() - i) % 3 == 0 {
            out.push(d.group);
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push(d.decimal);
        out.push_str(f);
    }
    out
}

/// A whole count, grouped the local way: `1.589`, `1589`, `12 345`.
pub fn int(lang: Lang, n: usize) -> String {
    number(lang, n as f64, 0)
}

/// A fraction 0..1 as a percentage with `decimals` decimals: `12.5 %` en, `12,5 %` de,
/// `12,5%` pl, `12.5%` zh.
pub fn percent(lang: Lang, ratio: f64, decimals: usize) -> String {
    let n = number(lang, ratio * 100.0, decimals);
    match lang {
        Lang::En => format!("{n} %"),
        Lang::De => format!("{n}{NBSP}%"),
        Lang::Pl | Lang::Zh => format!("{n}%"),
    }
}

/// The symbol `lang` writes for currency `code` (ISO 4217), `None` when it writes the code.
fn symbol(lang: Lang, code: &str) -> Option<&'static str> {
    Some(match (lang, code) {
        (_, "EUR") => "€",
        (Lang::Pl, "PLN") => "zł",
        (Lang::Pl, _) => return None,
        (Lang::Zh, "USD") => "US$",
        (_, "USD") => "$",
        (_, "GBP") => "£",
        (Lang::Zh, "CNY") => "¥",
        (_, "CNY") => "CN¥",
        (Lang::Zh, "JPY") => "JP¥",
        (_, "JPY") => "¥",
        _ => return None,
    })
}

/// An amount of money in currency `code` with `decimals` decimals, the symbol where `lang`
/// puts it: `€1,234.56`, `1.234,56 €`, `1234,56 zł`, `¥1,234.56`; an unknown code is written
/// out (`PLN 1,234.56`, `1.234,56 PLN`).
///
/// ```
/// use pipelens_engine::{format::local::money, lang::Lang};
/// assert_eq!(money(Lang::De, 1234.56, 2, "EUR"), "1.234,56\u{a0}€");
/// assert_eq!(money(Lang::Zh, 1234.56, 2, "CNY"), "¥1,234.56");
/// ```
pub fn money(lang: Lang, v: f64, decimals: usize, code: &str) -> String {
    let n = number(lang, v.abs(), decimals);
    let sign = if v < 0.0 && n.bytes().any(|b| (b'1'..=b'9').contains(&b)) { "-" } else { "" };
    match (lang, symbol(lang, code)) {
        (Lang::En | Lang::Zh, Some(s)) => format!("{sign}{s}{n}"),
        (Lang::En | Lang::Zh, None) => format!("{sign}{code}{NBSP}{n}"),
        (Lang::De | Lang::Pl, s) => format!("{sign}{n}{NBSP}{}", s.unwrap_or(code)),
    }
}

/// A KPI value as a tile shows it in `lang`: the number as [`display`] rounds it, with local
/// digits and unit words (`51,8 Tage`, `3,2 godz.`, `12 346 / dzień`). English is [`display`].
pub fn display_in(lang: Lang, unit: Unit, v: f64) -> String {
    if lang == Lang::En {
        return display(unit, v);
    }
    let w = unit_words(lang);
    match unit {
        // Nothing is nothing, as in `display`.
        Unit::Currency if v.abs() >= 1000.0 || v == 0.0 => number(lang, v + 0.0, 0),
        Unit::Currency => number(lang, v, 2),
        Unit::Percent => percent(lang, v, 1),
        Unit::Count => number(lang, v, if v.fract() == 0.0 { 0 } else { 1 }),
        Unit::Days => format!("{}{}{}", number(lang, v, 1), w.gap, w.days),
        Unit::Minutes if v.abs() < 60.0 => format!("{}{}{}", number(lang, v, 1), w.gap, w.min),
        Unit::Minutes if v.abs() < 48.0 * 60.0 => format!("{}{}{}", number(lang, v / 60.0, 1), w.gap, w.hours),
        Unit::Minutes => format!("{}{}{}", number(lang, v / 1440.0, 1), w.gap, w.days),
        Unit::Ratio => format!("{}×", number(lang, v, 2)),
        Unit::CurrencyPerDay => format!("{}{}", display_in(lang, Unit::Currency, v), w.per_day),
    }
}

/// A language's words for the units of [`display_in`].
struct UnitWords {
    /// Between the number and its unit.
    gap: &'static str,
    /// Days after a number with one decimal.
    days: &'static str,
    min: &'static str,
    hours: &'static str,
    per_day: &'static str,
}

fn unit_words(lang: Lang) -> UnitWords {
    match lang {
        Lang::En => UnitWords { gap: " ", days: "days", min: "min", hours: "h", per_day: " / day" },
        Lang::De => UnitWords { gap: "\u{a0}", days: "Tage", min: "Min.", hours: "Std.", per_day: " / Tag" },
        // A number with a decimal takes the genitive singular in Polish: "51,8 dnia".
        Lang::Pl => UnitWords { gap: "\u{a0}", days: "dnia", min: "min", hours: "godz.", per_day: " / dzień" },
        Lang::Zh => UnitWords { gap: "\u{a0}", days: "天", min: "分钟", hours: "小时", per_day: "/天" },
    }
}

/// A short axis label the way `Intl.NumberFormat`'s compact notation writes it: `1.2M` en,
/// `1,5 Mio.` de, `1,5 mln` pl, `150万` zh.
///
/// ```
/// use pipelens_engine::{format::local::compact_in, lang::Lang};
/// assert_eq!(compact_in(Lang::De, 1_500_000.0), "1,5\u{a0}Mio.");
/// assert_eq!(compact_in(Lang::Zh, 1_500_000.0), "150万");
/// ```
pub fn compact_in(lang: Lang, v: f64) -> String {
    if lang == Lang::En {
        return compact(v);
    }
    let a = v.abs();
    let steps: &[(f64, &str)] = match lang {
        Lang::En => &[],
        Lang::De => &[(1e9, "\u{a0}Mrd."), (1e6, "\u{a0}Mio.")],
        Lang::Pl => &[(1e9, "\u{a0}mld"), (1e6, "\u{a0}mln"), (1e3, "\u{a0}tys.")],
        Lang::Zh => &[(1e8, "亿"), (1e4, "万")],
    };
    for &(size, suffix) in steps {
        if a >= size {
            let scaled = v / size;
            let decimals = if scaled.abs() >= 100.0 || scaled.fract().abs() < 0.05 { 0 } else { 1 };
            // Scaled numbers are grouped from five digits, as Intl's compact notation does.
            return format!("{}{suffix}", number_grouped_from(lang, scaled, decimals, 5));
        }
    }
    let decimals = if a >= 100.0 || v.fract().abs() < 0.05 { 0 } else { 1 };
    number_grouped_from(lang, v, decimals, 5)
}

/// A day as a date: ISO in English (`2026-12-31`), `31.12.2026` de and pl, `2026/12/31` zh.
pub fn date(lang: Lang, day: Day) -> String {
    let (y, m, d) = day.ymd();
    match lang {
        Lang::En => day.to_string(),
        Lang::De | Lang::Pl => format!("{d:02}.{m:02}.{y}"),
        Lang::Zh => format!("{y}/{m:02}/{d:02}"),
    }
}

/// A day written out where a sentence reads better: `2026-12-31` en, `31.12.2026` de and pl,
/// `2026年12月31日` zh.
pub fn date_long(lang: Lang, day: Day) -> String {
    let (y, m, d) = day.ymd();
    match lang {
        Lang::Zh => format!("{y}年{m}月{d}日"),
        _ => date(lang, day),
    }
}

/// A trend bucket's short label: `2017-03` en (as [`Grain::label`]), `03.2017` de and pl,
/// `2017年3月` zh; weeks `KW 09/2017`, `tydz. 09/2017`, `2017年第9周`; quarters `Q1 2017`,
/// `I kw. 2017`, `2017年第1季度`.
pub fn bucket_label(lang: Lang, grain: Grain, start: Day) -> String {
    let (y, m, _) = start.ymd();
    let q = (m.saturating_sub(1)) / 3 + 1;
    let week = || {
        let iso = chrono::Datelike::iso_week(&start.to_naive());
        (iso.year(), iso.week())
    };
    match (lang, grain) {
        (Lang::En, _) => grain.label(start),
        (_, Grain::Year) if lang != Lang::Zh => format!("{y}"),
        (Lang::De, Grain::Week) => {
            let (wy, w) = week();
            format!("KW{NBSP}{w:02}/{wy}")
        }
        (Lang::Pl, Grain::Week) => {
            let (wy, w) = week();
            format!("tydz.{NBSP}{w:02}/{wy}")
        }
        (Lang::De | Lang::Pl, Grain::Month) => format!("{m:02}.{y}"),
        (Lang::De, Grain::Quarter) => format!("Q{q}{NBSP}{y}"),
        (Lang::Pl, Grain::Quarter) => {
            format!("{}{NBSP}kw.{NBSP}{y}", ["I", "II", "III", "IV"].get(q as usize - 1).copied().unwrap_or("I"))
        }
        (Lang::Zh, Grain::Week) => {
            let (wy, w) = week();
            format!("{wy}年第{w}周")
        }
        (Lang::Zh, Grain::Month) => format!("{y}年{m}月"),
        (Lang::Zh, Grain::Quarter) => format!("{y}年第{q}季度"),
        (_, Grain::Year) => format!("{y}年"),
    }
}

/// A number as a spreadsheet in `lang` reads it from a CSV cell: plain and unrounded, no
/// grouping, the decimal comma where the language writes one (`1234,5` de and pl, `1234.5` en
/// and zh).
pub fn plain(lang: Lang, v: f64) -> String {
    let text = v.to_string();
    match digits(lang).decimal {
        ',' => text.replace('.', ","),
        _ => text,
    }
}

/// The field separator of a CSV export in `lang`: `;` where the decimal mark is a comma (so a
/// German or Polish spreadsheet opens it in columns), `,` otherwise.
pub fn csv_separator(lang: Lang) -> u8 {
    if digits(lang).decimal == ',' {
        b';'
    } else {
        b','
    }
}

/// Whether a CSV export in `lang` starts with a UTF-8 byte-order mark (so Excel reads its
/// accents right): where the separator is `;`.
pub fn csv_bom(lang: Lang) -> bool {
    csv_separator(lang) == b';'
}

/// A count and the noun the caller chose for it (already in the right plural form):
/// `1.589 Deals`, `3笔` (Chinese writes no space before a measure word).
pub fn count_with(lang: Lang, n: usize, noun: &str) -> String {
    match lang {
        Lang::Zh => format!("{}{noun}", int(lang, n)),
        _ => format!("{} {noun}", int(lang, n)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// What Chromium 156's `Intl.NumberFormat(locale).format(v)` wrote (checked on this machine).
    #[test]
    fn numbers_match_intl() {
        let cases: &[(Lang, f64, usize, &str)] = &[
            (Lang::De, 1234567.891, 2, "1.234.567,89"),
            (Lang::De, 1234.56, 2, "1.234,56"),
            (Lang::De, -1500.0, 0, "-1.500"),
            (Lang::Pl, 1234567.891, 2, "1\u{a0}234\u{a0}567,89"),
            (Lang::Pl, 1234.56, 2, "1234,56"),
            (Lang::Pl, 12345.6, 1, "12\u{a0}345,6"),
            (Lang::Pl, -1500.0, 0, "-1500"),
            (Lang::Zh, 1234567.891, 2, "1,234,567.89"),
            (Lang::Zh, -1500.0, 0, "-1,500"),
            (Lang::En, 1234.5, 2, "1,234.50"),
            (Lang::De, -0.001, 2, "0,00"),
            (Lang::De, 999.0, 0, "999"),
        ];
        for &(lang, v, d, want) in cases {
            assert_eq!(number(lang, v, d), want, "{lang:?} {v}");
        }
    }

    #[test]
    fn percentages_and_money_match_intl() {
        let cases: &[(Lang, &str, &str, &str, &str, &str)] = &[
            (Lang::De, "12,5\u{a0}%", "1.234,56\u{a0}€", "1.234,56\u{a0}PLN", "1.234,56\u{a0}CN¥", "1.234,56\u{a0}$"),
            (Lang::Pl, "12,5%", "1234,56\u{a0}€", "1234,56\u{a0}zł", "1234,56\u{a0}CNY", "1234,56\u{a0}USD"),
            (Lang::Zh, "12.5%", "€1,234.56", "PLN\u{a0}1,234.56", "¥1,234.56", "US$1,234.56"),
            (Lang::En, "12.5 %", "€1,234.56", "PLN\u{a0}1,234.56", "CN¥1,234.56", "$1,234.56"),
        ];
        for &(lang, pct, eur, pln, cny, usd) in cases {
            assert_eq!(percent(lang, 0.125, 1), pct, "{lang:?}");
            let got = ["EUR", "PLN", "CNY", "USD"].map(|c| money(lang, 1234.56, 2, c));
            assert_eq!(got, [eur, pln, cny, usd], "{lang:?}");
        }
        assert_eq!(money(Lang::En, -1234.56, 2, "EUR"), "-€1,234.56");
        assert_eq!(money(Lang::De, -1234.56, 2, "EUR"), "-1.234,56\u{a0}€");
    }

    #[test]
    fn compact_labels_match_intl() {
        let cases: &[(Lang, f64, &str)] = &[
            (Lang::De, 1_500_000.0, "1,5\u{a0}Mio."),
            (Lang::De, 1_500_000_000.0, "1,5\u{a0}Mrd."),
            (Lang::De, 12_000.0, "12.000"),
            (Lang::De, 250_000.0, "250.000"),
            (Lang::De, 1500.0, "1500"),
            (Lang::Pl, 1_500_000.0, "1,5\u{a0}mln"),
            (Lang::Pl, 1_500_000_000.0, "1,5\u{a0}mld"),
            (Lang::Pl, 12_000.0, "12\u{a0}tys."),
            (Lang::Pl, 1500.0, "1,5\u{a0}tys."),
            (Lang::Pl, 250_000.0, "250\u{a0}tys."),
            (Lang::Zh, 1_500_000.0, "150万"),
            (Lang::Zh, 1_500_000_000.0, "15亿"),
            (Lang::Zh, 12_000.0, "1.2万"),
            (Lang::Zh, 250_000.0, "25万"),
            (Lang::Zh, 1500.0, "1500"),
            (Lang::En, 1_250_000.0, "1.2M"),
            (Lang::En, 12_000.0, "12k"),
            (Lang::De, 0.0, "0"),
        ];
        for &(lang, v, want) in cases {
            assert_eq!(compact_in(lang, v), want, "{lang:?} {v}");
        }
    }

    #[test]
    fn dates_per_language() {
        let day = Day::from_ymd(2026, 12, 31).unwrap();
        let jan = Day::from_ymd(2025, 1, 5).unwrap();
        for (lang, short, long, early) in [
            (Lang::En, "2026-12-31", "2026-12-31", "2025-01-05"),
            (Lang::De, "31.12.2026", "31.12.2026", "05.01.2025"),
            (Lang::Pl, "31.12.2026", "31.12.2026", "05.01.2025"),
            (Lang::Zh, "2026/12/31", "2026年12月31日", "2025/01/05"),
        ] {
            assert_eq!(
                (date(lang, day), date_long(lang, day), date(lang, jan)),
                (short.into(), long.into(), early.into())
            );
        }
    }

    #[test]
    fn bucket_labels_per_language() {
        let start = Day::from_ymd(2017, 2, 27).unwrap();
        for (lang, grain, want) in [
            (Lang::En, Grain::Week, "2017-W09"),
            (Lang::De, Grain::Week, "KW\u{a0}09/2017"),
            (Lang::Pl, Grain::Week, "tydz.\u{a0}09/2017"),
            (Lang::Zh, Grain::Week, "2017年第9周"),
            (Lang::En, Grain::Month, "2017-02"),
            (Lang::De, Grain::Month, "02.2017"),
            (Lang::Zh, Grain::Month, "2017年2月"),
            (Lang::De, Grain::Quarter, "Q1\u{a0}2017"),
            (Lang::Pl, Grain::Quarter, "I\u{a0}kw.\u{a0}2017"),
            (Lang::Zh, Grain::Quarter, "2017年第1季度"),
            (Lang::Pl, Grain::Year, "2017"),
            (Lang::Zh, Grain::Year, "2017年"),
        ] {
            assert_eq!(bucket_label(lang, grain, grain.bucket_start(start)), want, "{lang:?} {grain:?}");
        }
    }

    #[test]
    fn tiles_use_local_digits_and_unit_words() {
        let cases: &[(Lang, Unit, f64, &str)] = &[
            (Lang::De, Unit::Currency, 10_005_534.0, "10.005.534"),
            (Lang::Pl, Unit::Currency, 10_005_534.0, "10\u{a0}005\u{a0}534"),
            (Lang::Zh, Unit::Currency, 512.5, "512.50"),
            (Lang::En, Unit::Currency, 0.0, "0"),
            (Lang::De, Unit::Currency, -0.0, "0"),
            (Lang::De, Unit::Percent, 0.63149, "63,1\u{a0}%"),
            (Lang::De, Unit::Days, 51.7784, "51,8\u{a0}Tage"),
            (Lang::Pl, Unit::Minutes, 192.0, "3,2\u{a0}godz."),
            (Lang::Zh, Unit::Minutes, 4.5, "4.5\u{a0}分钟"),
            (Lang::De, Unit::Ratio, 3.14159, "3,14×"),
            (Lang::Pl, Unit::CurrencyPerDay, 12_345.6, "12\u{a0}346 / dzień"),
            (Lang::En, Unit::Days, 51.7784, "51.8 days"),
        ];
        for &(lang, unit, v, want) in cases {
            assert_eq!(display_in(lang, unit, v), want, "{lang:?} {unit:?}");
        }
    }

    #[test]
    fn csv_numbers_and_separators() {
        assert_eq!(
            (plain(Lang::De, 1234.5), plain(Lang::Pl, -0.25), plain(Lang::En, 1234.5)),
            ("1234,5".into(), "-0,25".into(), "1234.5".into())
        );
        assert_eq!(Lang::ALL.map(csv_separator), [b',', b';', b';', b',']);
        assert_eq!(Lang::ALL.map(csv_bom), [false, true, true, false]);
        assert_eq!(
            (count_with(Lang::De, 1589, "Deals"), count_with(Lang::Zh, 3, "笔")),
            ("1.589 Deals".into(), "3笔".into())
        );
    }

    proptest! {
        /// Stripping the grouping and reading the decimal mark back gives the rounded value.
        #[test]
        fn local_numbers_read_back(v in -1e12f64..1e12, d in 0usize..4) {
            for lang in Lang::ALL {
                let text = number(lang, v, d);
                let dig = digits(lang);
                let back: String = text.chars().filter(|&c| c != dig.group).map(|c| if c == dig.decimal { '.' } else { c }).collect();
                let want: f64 = format!("{:.*}", d, v).parse().unwrap();
                prop_assert_eq!(back.parse::<f64>().unwrap(), want, "{:?} {}", lang, text);
            }
        }

        /// Plain CSV numbers are unrounded: they read back to the same float.
        #[test]
        fn plain_numbers_are_unrounded(v in -1e12f64..1e12) {
            for lang in Lang::ALL {
                prop_assert_eq!(plain(lang, v).replace(',', ".").parse::<f64>().unwrap(), v);
            }
        }
    }
}
