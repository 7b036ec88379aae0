//! Cell parsers: placeholders, amounts and dates. Each returns `None` for a cell it cannot read;
//! the caller decides whether that is "empty" or "unparseable".

use crate::day::Day;

/// What a date cell should look like, for the report.
pub(crate) const DATE_EXPECTED: &str = "a date (2017-03-01, 03/01/2017, 1.3.2017, 1 March 2017, 20170301)";

/// Whether a cell counts as empty: blank, or one of the placeholders of KPI_SPEC.md
/// (`null`, `NA`, `N/A`, `NaN`, `#N/A`, `-`), in any letter case.
///
/// ```
/// use pipelens_engine::ingest::is_empty_cell;
/// assert!(is_empty_cell(" ") && is_empty_cell("N/A") && is_empty_cell("null"));
/// assert!(!is_empty_cell("0"));
/// ```
#[inline(always)]
pub fn is_empty_cell(cell: &str) -> bool {
    is_empty_trimmed(trim_cell(cell))
}

/// [`is_empty_cell`] for a cell already trimmed ([`trim_cell`]): the row path trims each cell
/// once, not once per check.
#[inline(always)]
pub(crate) fn is_empty_trimmed(t: &str) -> bool {
    // Every placeholder is at most 4 bytes: longer cells skip the comparisons.
    // Each placeholder opens with `n`, `#` or `-`: other short cells (`SMB`, `EMEA`) skip the
    // comparisons too.
    t.is_empty()
        || (t.len() <= 4
            && matches!(t.as_bytes().first(), Some(b'n' | b'N' | b'#' | b'-'))
            && ["null", "na", "n/a", "nan", "#n/a", "-"].iter().any(|p| t.eq_ignore_ascii_case(p)))
}

/// `cell.trim()`, without walking the characters when the cell starts and ends with a
/// printable ASCII character (almost every cell): those are never whitespace.
#[inline]
pub(crate) fn trim_cell(cell: &str) -> &str {
    let printable = |b: Option<&u8>| b.is_some_and(|&b| b > b' ' && b < 0x7f);
    if printable(cell.as_bytes().first()) && printable(cell.as_bytes().last()) {
        cell
    } else {
        cell.trim()
    }
}

/// Reads a yes/no cell: `true/false`, `yes/no`, `y/n`, `1/0`, `ja/nein`, `tak/nie`,
/// `wahr/falsch`, `是/否`, in any letter case. `None` for anything else.
///
/// ```
/// use pipelens_engine::ingest::parse_bool;
/// assert_eq!((parse_bool("TRUE"), parse_bool("nein"), parse_bool("maybe")), (Some(true), Some(false), None));
/// ```
pub fn parse_bool(cell: &str) -> Option<bool> {
    let t = cell.trim();
    // The longest word is six characters. Lowercasing never makes a text fewer characters,
    // and a character is at most four bytes: a cell of more (a name, a note) is none of them,
    // found without lowercasing a copy of it.
    if t.len() > 24 {
        return None;
    }
    let t = t.to_lowercase();
    match t.as_str() {
        "true" | "yes" | "y" | "1" | "ja" | "tak" | "wahr" | "是" | "t" => Some(true),
        "false" | "no" | "n" | "0" | "nein" | "nie" | "falsch" | "否" | "f" => Some(false),
        _ => None,
    }
}

/// Currency symbols and codes that may precede or follow an amount.
/// Longer marks come first, so `R$` is not read as `$` after an `R`.
const CURRENCY_MARKS: &[&str] = &[
    "USD", "EUR", "GBP", "PLN", "CHF", "CNY", "RMB", "JPY", "BRL", "CZK", "SEK", "NOK", "DKK", "HUF", "RON", "RUB",
    "INR", "AUD", "CAD", "NZD", "HKD", "SGD", "MXN", "KRW", "TRY", "ZAR", "TWD", "US$", "HK$", "NT$", "MX$", "NZ$",
    "A$", "C$", "S$", "R$", "zł", "Kč", "kr.", "kr", "Ft", "lei", "руб.", "руб", "лв", "元", "$", "€", "£", "¥", "￥",
    "₹", "₽", "₩", "₺", "₫", "₪",
];

/// Reads an amount: `1054`, `1054.0`, `1,234.50`, `$1,234`, `(250)`, `-3.5`, `12 345,67 zł`,
/// `1.234,50 €`. Returns `None` for empty or unreadable cells.
///
/// A lone comma followed by exactly three digits (`1,234`) is read as a thousands separator;
/// any other lone comma (`12,5`) as a decimal comma.
///
/// An amount has one reading or none: it carries at most one sign marker (a leading `-`, before
/// or after the currency, or parentheses around it). `--5`, `(-5)`, `-(5)`, `-$-5` or `+-5` are
/// unreadable, never read with their signs cancelled; a trailing minus (`5-`) is not read.
///
/// ```
/// use pipelens_engine::ingest::parse_amount;
/// assert_eq!((parse_amount("(5)"), parse_amount("-$5")), (Some(-5.0), Some(-5.0)));
/// assert_eq!((parse_amount("--5"), parse_amount("(-5)")), (None, None));
/// ```
pub fn parse_amount(cell: &str) -> Option<f64> {
    let (t, markers) = match amount_opening(cell) {
        Ok(rest) => rest,
        Err(answer) => return answer,
    };
    let (t, negative) = sign_after_marks(strip_marks(t), markers)?;
    // Only digits, points, commas and group separators are left of an amount: any other
    // character (a date's dashes, a word) stays in the text checked below, so it is no amount
    // (found here, before the copies).
    if !t.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',' || is_group(c)) {
        return None;
    }
    amount_of_digits(t, negative)
}

/// The first steps of [`parse_amount`]: `Err` with the answer when they settle it (a plain
/// decimal, a cell without a digit, a number as Rust reads it), else the trimmed cell without
/// its parentheses and leading minus, and how many sign markers those were.
#[inline]
fn amount_opening(cell: &str) -> Result<(&str, usize), Option<f64>> {
    if let Some(v) = plain_decimal(cell.as_bytes()) {
        return Err(Some(v));
    }
    // An amount has a digit: text cells (names, stages) end here, before the currency marks
    // are tried one by one.
    if is_empty_cell(cell) || !cell.bytes().any(|b| b.is_ascii_digit()) {
        return Err(None);
    }
    let mut t = cell.trim();
    if let Ok(v) = t.parse::<f64>() {
        return Err(v.is_finite().then_some(v));
    }
    // Sign markers seen: more than one makes the cell unreadable.
    let mut markers = 0;
    if let Some(inner) = t.strip_prefix('(').and_then(|s| s.strip_suffix(')')) {
        markers += 1;
        t = inner.trim();
    }
    if let Some(rest) = t.strip_prefix('-') {
        markers += 1;
        t = rest.trim_start();
    }
    Ok((t, markers))
}

/// `t`, trimmed, without the currency marks at its ends (twice over: `US$ 5 USD`).
#[inline]
fn strip_marks(mut t: &str) -> &str {
    // No mark begins or ends with a digit: a cell that does (a date, an id) keeps its ends.
    let bare = |b: Option<&u8>| b.is_some_and(u8::is_ascii_digit);
    let marked = !(bare(t.as_bytes().first()) && bare(t.as_bytes().last()));
    // `t` is trimmed: when no mark begins or ends it, the loop below strips nothing. Most
    // cells with a digit that reach here are ids and dates, tried this way in every column's
    // profile and preview: a look at their ends instead of 240 strips and trims.
    let at_an_end = |t: &str| {
        let (first, last) = (t.as_bytes().first(), t.as_bytes().last());
        CURRENCY_MARKS.iter().any(|m| {
            let m = m.as_bytes();
            (m.first() == first && t.as_bytes().starts_with(m)) || (m.last() == last && t.as_bytes().ends_with(m))
        })
    };
    for _ in 0..if marked && at_an_end(t) { 2 } else { 0 } {
        for mark in CURRENCY_MARKS {
            // `t` stays trimmed: only what a strip leaves needs a trim.
            if let Some(rest) = t.strip_prefix(mark) {
                t = rest.trim();
            }
            if let Some(rest) = t.strip_suffix(mark) {
                t = rest.trim();
            }
        }
    }
    t
}

/// A minus after the currency mark (`$-5`) counted with the `markers` before it: the rest and
/// whether the amount is negative, or `None` for more than one sign marker.
#[inline]
fn sign_after_marks(mut t: &str, mut markers: usize) -> Option<(&str, bool)> {
    if let Some(rest) = t.strip_prefix('-') {
        markers += 1;
        t = rest;
    }
    (markers <= 1).then_some((t, markers == 1))
}

/// Group separators: spaces (plain, no-break, narrow no-break, thin) and Swiss apostrophes.
fn is_group(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\'' | '\u{2019}')
}

/// The amount the digits, points, commas and group separators of `t` write, negated when
/// `negative`: the decimal mark is the last of a point and a comma, or a lone one that is no
/// thousands separator.
fn amount_of_digits(t: &str, negative: bool) -> Option<f64> {
    let digits: String = t.chars().filter(|&c| !is_group(c)).collect();
    let normalised = match (digits.rfind('.'), digits.rfind(',')) {
        (Some(dot), Some(comma)) if comma > dot => digits.replace('.', "").replace(',', "."),
        (Some(_), Some(_)) => digits.replace(',', ""),
        (None, Some(_)) if is_thousands_grouped(&digits, ',') => digits.replace(',', ""),
        (None, Some(_)) if digits.matches(',').count() == 1 => digits.replace(',', "."),
        (Some(_), None) if digits.matches('.').count() > 1 && is_thousands_grouped(&digits, '.') => {
            digits.replace('.', "")
        }
        _ => digits,
    };
    if !normalised.bytes().all(|b| b.is_ascii_digit() || b == b'.') || !normalised.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let v: f64 = normalised.parse().ok()?;
    v.is_finite().then_some(if negative { -v } else { v })
}

/// Powers of ten a `f64` holds exactly.
const EXACT_POWERS_OF_TEN: [f64; 16] =
    [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/// Most digits [`plain_decimal`] reads: any 15-digit integer is below 2^53, so exact in a `f64`.
const PLAIN_MAX_DIGITS: usize = 15;

/// The usual amount cell, `36857.60` or `-250` (an optional minus, digits, optionally a dot and
/// more digits, at most 15 digits in all), read without the general path's trims and searches.
/// The digits make an integer below 2^53 and the power of ten dividing it is exact, so the one
/// rounding of the division gives the correctly rounded value `str::parse::<f64>` gives.
/// `None` for any other cell (the general path reads it).
#[inline]
fn plain_decimal(cell: &[u8]) -> Option<f64> {
    let (negative, body) = match cell.split_first() {
        Some((b'-', rest)) => (true, rest),
        _ => (false, cell),
    };
    // One pass: digits into the mantissa (wrapping: a cell too long for it is refused below),
    // and where the one dot is.
    let (mut mantissa, mut dot) = (0u64, None);
    for (i, &b) in body.iter().enumerate() {
        match b {
            b'0'..=b'9' => mantissa = mantissa.wrapping_mul(10).wrapping_add(u64::from(b - b'0')),
            b'.' if dot.is_none() => dot = Some(i),
            _ => return None,
        }
    }
    let frac = match dot {
        // Digits on both sides of the dot.
        Some(at) if at == 0 || at + 1 == body.len() => return None,
        Some(at) => body.len() - at - 1,
        None if body.is_empty() => return None,
        None => 0,
    };
    if body.len() - usize::from(dot.is_some()) > PLAIN_MAX_DIGITS {
        return None;
    }
    let v = mantissa as f64 / EXACT_POWERS_OF_TEN.get(frac)?;
    Some(if negative { -v } else { v })
}

/// `1,234,567` style: groups of exactly three digits after the first separator.
fn is_thousands_grouped(s: &str, sep: char) -> bool {
    let mut parts = s.split(sep);
    let first = parts.next().unwrap_or("");
    !first.is_empty()
        && first.len() <= 3
        && first.bytes().all(|b| b.is_ascii_digit())
        && parts.all(|p| p.len() == 3 && p.bytes().all(|b| b.is_ascii_digit()))
}

/// Reads an ISO date, with or without a time part: `2017-03-01`, `2017-03-01 14:05`,
/// `2017-03-01T14:05:00Z`, `2017-03-01T14:05:00+02:00`, `2017/03/01`. A date-time is reduced to
/// the date as written (the spec's "in the time zone written in the file").
///
/// ```
/// use pipelens_engine::{ingest::parse_date, Day};
/// assert_eq!(parse_date("2017-03-01T23:30:00-05:00"), Day::from_ymd(2017, 3, 1));
/// assert_eq!(parse_date("03/01/2017"), None); // not ISO: read by the import wizard
/// ```
pub fn parse_date(cell: &str) -> Option<Day> {
    let t = cell.trim().as_bytes();
    let (date, rest) = t.split_at_checked(10)?;
    if !rest.is_empty() && !time_suffix_ok(rest) {
        return None;
    }
    iso_day(date)
}

/// The date of exactly `yyyy-mm-dd` or `yyyy/mm/dd` (10 bytes, nothing around them): the
/// usual date cell, read with no trim or search. `None` for anything else.
#[inline]
pub(crate) fn iso_day(date: &[u8]) -> Option<Day> {
    let &[y0, y1, y2, y3, s1, m0, m1, s2, d0, d1] = date else { return None };
    if !(s1 == s2 && (s1 == b'-' || s1 == b'/')) {
        return None;
    }
    let num = |s: &[u8]| -> Option<u32> {
        s.iter().try_fold(0u32, |acc, &b| b.is_ascii_digit().then(|| acc * 10 + (b - b'0') as u32))
    };
    let (y, m, d) = (num(&[y0, y1, y2, y3])?, num(&[m0, m1])?, num(&[d0, d1])?);
    Day::from_ymd(y as i32, m, d)
}

/// Accepts `T14:05`, ` 14:05:00`, `T14:05:00.123Z`, `T14:05:00+02:00` after the date.
fn time_suffix_ok(rest: &[u8]) -> bool {
    let Some((&sep, time)) = rest.split_first() else { return true };
    (sep == b'T' || sep == b' ')
        && time.len() >= 5
        && time[0].is_ascii_digit()
        && time[1].is_ascii_digit()
        && time[2] == b':'
        && time.iter().all(|b| b.is_ascii_digit() || b":.+-Z ".contains(b))
}

/// Reads a cell with `parse`: `None` for an empty cell, `None` plus `on_error()` for one that
/// cannot be read.
pub(crate) fn read_cell<T>(cell: &str, parse: impl Fn(&str) -> Option<T>, on_error: impl FnOnce()) -> Option<T> {
    let cell = trim_cell(cell);
    if is_empty_trimmed(cell) {
        return None;
    }
    let value = parse(cell);
    if value.is_none() {
        on_error();
    }
    value
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_empty() {
        for cell in ["", " ", "null", "NULL", "NA", "N/A", "NaN", "#N/A", "-", " n/a "] {
            assert!(is_empty_cell(cell), "{cell:?}");
        }
        for cell in ["0", "none", "Nancy", "--5"] {
            assert!(!is_empty_cell(cell), "{cell:?}");
        }
    }

    proptest::proptest! {
        /// The row path's shortcuts (`trim_cell` skipping the trim, `is_empty_trimmed` skipping
        /// the placeholders) answer what a plain trim and a look through the placeholders
        /// answer, for cells of every length around the placeholders' and every kind of end.
        #[test]
        fn empty_cells_are_what_a_plain_trim_says(
            cell in proptest::collection::vec(proptest::sample::select(vec![
                "n", "N", "a", "A", "/", "#", "-", "u", "l", "L", " ", "\t", "\u{a0}", "é", "x", "1", "~", "\u{7f}",
            ]), 0..7),
        ) {
            let cell: String = cell.concat();
            let t = cell.trim();
            let want = t.is_empty() || ["null", "na", "n/a", "nan", "#n/a", "-"].iter().any(|p| t.eq_ignore_ascii_case(p));
            proptest::prop_assert_eq!(trim_cell(&cell), t, "{:?}", cell);
            proptest::prop_assert_eq!(is_empty_cell(&cell), want, "{:?}", cell);
        }
    }

    #[test]
    fn amounts() {
        let cases: &[(&str, Option<f64>)] = &[
            ("1054", Some(1054.0)),
            ("1054.0", Some(1054.0)),
            (" 0 ", Some(0.0)),
            ("-3.5", Some(-3.5)),
            ("1,234", Some(1234.0)),
            ("1,234,567.89", Some(1_234_567.89)),
            ("1.234,50", Some(1234.5)),
            ("12,5", Some(12.5)),
            ("$1,234", Some(1234.0)),
            ("1234 USD", Some(1234.0)),
            ("€ 99,90", Some(99.9)),
            ("12 345,67 zł", Some(12345.67)),
            ("(250)", Some(-250.0)),
            ("-$5", Some(-5.0)),
            ("1.234.567", Some(1_234_567.0)),
            ("1e3", Some(1000.0)),
            ("", None),
            ("N/A", None),
            ("abc", None),
            ("$", None),
            ("1.2.3,4,5", None),
            ("inf", None),
            ("NaN", None),
        ];
        for (cell, want) in cases {
            assert_eq!(parse_amount(cell), *want, "{cell:?}");
        }
    }

    #[test]
    fn local_amounts_with_their_currency_before_or_after() {
        let cases: &[(&str, Option<f64>)] = &[
            ("€1.234,50", Some(1234.5)),
            ("1.234,50 €", Some(1234.5)),
            ("1 234,50 €", Some(1234.5)),
            ("1\u{a0}234,50\u{a0}€", Some(1234.5)),
            ("1\u{202f}234,50 €", Some(1234.5)),
            ("1\u{2009}234\u{2009}567", Some(1_234_567.0)),
            ("¥1,200", Some(1200.0)),
            ("￥1,200", Some(1200.0)),
            ("1,200元", Some(1200.0)),
            ("12 345,67 zł", Some(12345.67)),
            ("12\u{a0}345,67\u{a0}zł", Some(12345.67)),
            ("-12 345,67 zł", Some(-12345.67)),
            ("R$ 1.234,56", Some(1234.56)),
            ("R$1.234,56", Some(1234.56)),
            ("CHF 1'234.50", Some(1234.5)),
            ("CHF 1’234.50", Some(1234.5)),
            ("1'234.50 CHF", Some(1234.5)),
            ("₹1,234", Some(1234.0)),
            ("1 234 Kč", Some(1234.0)),
            ("1.234,00 kr", Some(1234.0)),
            ("(€1.234,50)", Some(-1234.5)),
            ("US$1,234.50", Some(1234.5)),
            ("HK$ 1,000", Some(1000.0)),
            ("1.234,50 kr.", Some(1234.5)),
            ("12 345 Ft", Some(12345.0)),
            ("1\u{a0}234,50\u{a0}PLN", Some(1234.5)),
            ("PLN 1 234,50", Some(1234.5)),
            ("1 234 руб.", Some(1234.0)),
            ("₩1,200,000", Some(1_200_000.0)),
            ("CHF\u{a0}1’234.50", Some(1234.5)),
            ("¥ 1,234", Some(1234.0)),
            ("1.234,00 lei", Some(1234.0)),
            ("R$", None),
            ("R 5", None),
            ("zł zł", None),
        ];
        for (cell, want) in cases {
            assert_eq!(parse_amount(cell), *want, "{cell:?}");
        }
    }

    #[test]
    fn one_sign_marker_or_the_cell_is_unreadable() {
        // Every placement of zero, one or two markers around 5 and $5.
        let cases: &[(&str, Option<f64>)] = &[
            ("5", Some(5.0)),
            ("-5", Some(-5.0)),
            ("+5", Some(5.0)),
            ("(5)", Some(-5.0)),
            ("( 5 )", Some(-5.0)),
            ("- 5", Some(-5.0)),
            ("-$5", Some(-5.0)),
            ("$-5", Some(-5.0)),
            ("($5)", Some(-5.0)),
            ("(5 €)", Some(-5.0)),
            ("-5 €", Some(-5.0)),
            ("--5", None),
            ("- -5", None),
            ("(-5)", None),
            ("-(5)", None),
            ("((5))", None),
            ("(5)-", None),
            ("-5-", None),
            ("5-", None),
            ("+-5", None),
            ("-+5", None),
            ("++5", None),
            ("-$-5", None),
            ("($-5)", None),
            ("(-$5)", None),
            ("-($5)", None),
            ("--1,234.50", None),
            ("(-1.234,50 €)", None),
            ("(5", None),
            ("5)", None),
        ];
        for (cell, want) in cases {
            assert_eq!(parse_amount(cell), *want, "{cell:?}");
        }
    }

    /// `parse_amount` as it was before its two short-cuts (no mark at either end: the marks are
    /// not tried; a character no amount has: no copies), kept to hold them exact: every mark
    /// stripped and trimmed at both ends, twice, and every cell's digits copied out.
    fn parse_amount_before(cell: &str) -> Option<f64> {
        let (mut t, markers) = match amount_opening(cell) {
            Ok(rest) => rest,
            Err(answer) => return answer,
        };
        let bare = |b: Option<&u8>| b.is_some_and(u8::is_ascii_digit);
        let marked = !(bare(t.as_bytes().first()) && bare(t.as_bytes().last()));
        for _ in 0..if marked { 2 } else { 0 } {
            for mark in CURRENCY_MARKS {
                t = t.strip_prefix(mark).unwrap_or(t).trim();
                t = t.strip_suffix(mark).unwrap_or(t).trim();
            }
        }
        let (t, negative) = sign_after_marks(t, markers)?;
        amount_of_digits(t, negative)
    }

    proptest::proptest! {
        /// The short-cuts change no answer: cells made of digits, separators, signs, currency
        /// marks, letters and dates read as they read before, and so do yes / no cells.
        #[test]
        fn the_short_cuts_read_every_cell_as_before(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "0", "1", "7", "12", "345", ".", ",", "-", "(", ")", " ", "\u{a0}", "\u{202f}", "'", "\u{2019}",
                "\t", "$", "€", "USD", "US$", "R$", "zł", "kr.", "kr", "руб.", "元", "D", "e", "K", "k", "x",
                "2024-07-25", "1,234.50", "TA\u{212a}", "ja", "NEIN", "falsch", "Yes", "是", "name of ten",
            ]), 0..9),
        ) {
            let cell: String = parts.concat();
            proptest::prop_assert_eq!(
                parse_amount(&cell).map(f64::to_bits),
                parse_amount_before(&cell).map(f64::to_bits),
                "{:?}", cell
            );
            let bool_before = match cell.trim().to_lowercase().as_str() {
                "true" | "yes" | "y" | "1" | "ja" | "tak" | "wahr" | "是" | "t" => Some(true),
                "false" | "no" | "n" | "0" | "nein" | "nie" | "falsch" | "否" | "f" => Some(false),
                _ => None,
            };
            proptest::prop_assert_eq!(parse_bool(&cell), bool_before, "{:?}", cell);
        }
    }

    proptest::proptest! {
        #[test]
        fn a_finite_amount_with_one_marker_reads_back_exactly(
            v in proptest::num::f64::NORMAL | proptest::num::f64::SUBNORMAL | proptest::num::f64::ZERO,
            marker in 0usize..4,
            currency in proptest::sample::select(vec!["", "$", "€", "USD"]),
            after in proptest::bool::ANY,
        ) {
            let magnitude = v.abs();
            let body = if after { format!("{magnitude} {currency}") } else { format!("{currency}{magnitude}") };
            let (cell, want) = match marker {
                0 => (body, magnitude),
                1 => (format!("-{body}"), -magnitude),
                2 => (format!("({body})"), -magnitude),
                _ => (format!("{currency}-{magnitude}"), -magnitude),
            };
            proptest::prop_assert_eq!(parse_amount(&cell), Some(want), "{}", cell);
            // A second marker makes any of them unreadable.
            if marker != 0 {
                for twice in [format!("-{cell}"), format!("({cell})"), format!("{cell}-")] {
                    proptest::prop_assert_eq!(parse_amount(&twice), None, "{}", twice);
                }
            }
        }
    }

    #[test]
    fn iso_dates() {
        let d = Day::from_ymd(2017, 3, 1);
        let cases: &[(&str, Option<Day>)] = &[
            ("2017-03-01", d),
            (" 2017-03-01 ", d),
            ("2017/03/01", d),
            ("2017-03-01 14:05", d),
            ("2017-03-01T14:05:00Z", d),
            ("2017-03-01T23:59:59.999+09:00", d),
            ("2017-02-29", None),
            ("2016-02-29", Day::from_ymd(2016, 2, 29)),
            ("2017-3-1", None),
            ("2017-03-01x", None),
            ("2017-03/01", None),
            ("", None),
            ("yesterday!!", None),
        ];
        for (cell, want) in cases {
            assert_eq!(parse_date(cell), *want, "{cell:?}");
        }
    }

    #[test]
    fn plain_decimals_read_as_the_standard_parser_reads_them() {
        // (cell, whether the fast path takes it)
        let cases = [
            ("36857.60", true),
            ("-250", true),
            ("0.1", true),
            ("-0", true),
            ("999999999999999", true),
            ("99999999.9999999", true),
            ("0000000000000001", false),
            ("1.", false),
            (".5", false),
            ("-", false),
            ("", false),
            ("1e5", false),
            ("+5", false),
            ("1,234", false),
            (" 5", false),
            ("1.2.3", false),
        ];
        for (cell, fast) in cases {
            let got = plain_decimal(cell.as_bytes());
            assert_eq!(got.is_some(), fast, "{cell:?}");
            if let Some(v) = got {
                assert_eq!(Some(v.to_bits()), cell.parse::<f64>().ok().map(f64::to_bits), "{cell:?}");
            }
        }
    }

    proptest::proptest! {
        /// Whatever the fast path reads, it reads to the bit as `str::parse` does.
        #[test]
        fn the_fast_amount_path_agrees_with_the_standard_parser(cell in "-?[0-9]{0,12}(\\.[0-9]{0,8})?") {
            if let Some(v) = plain_decimal(cell.as_bytes()) {
                proptest::prop_assert_eq!(Some(v.to_bits()), cell.parse::<f64>().ok().map(f64::to_bits), "{:?}", cell);
            }
            proptest::prop_assert_eq!(parse_amount(&cell).map(f64::to_bits), {
                let general = if is_empty_cell(&cell) { None } else { cell.parse::<f64>().ok() };
                general.map(f64::to_bits)
            });
        }

        /// A bare ten-byte date reads as `parse_date` reads it.
        #[test]
        fn bare_iso_dates_read_as_parse_date_reads_them(cell in "[0-9]{4}[-/.][0-9]{2}[-/.][0-9]{1,3}") {
            if cell.len() == 10 {
                proptest::prop_assert_eq!(iso_day(cell.as_bytes()), parse_date(&cell));
            } else {
                proptest::prop_assert_eq!(iso_day(cell.as_bytes()), None);
            }
        }
    }
}
