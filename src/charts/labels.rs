//! Label text: short and long forms of period bucket labels, truncation, axis value labels per
//! unit, and the thinning of category labels so neighbours never overlap.

use crate::i18n::current;
use pipelens_engine::format::local::{compact_in, date, display_in, number, percent};
use pipelens_engine::format::{compact, grouped};
use pipelens_engine::kpi::Unit;
use pipelens_engine::lang::Lang;

pub(crate) const MONTHS: [&str; 12] =
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// Short month names in German, Polish and Chinese, as `Intl.DateTimeFormat`'s `month:
/// "short"` writes them (German without the dot, as on axes).
fn months(lang: Lang) -> [&'static str; 12] {
    match lang {
        Lang::En => MONTHS,
        Lang::De => ["Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez"],
        Lang::Pl => ["sty", "lut", "mar", "kwi", "maj", "cze", "lip", "sie", "wrz", "paź", "lis", "gru"],
        Lang::Zh => ["1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月"],
    }
}

/// Month `m` (1..=12) of year `y` in `lang`: `Aug 2026`, `Aug 2026`, `sie 2026`, `2026年8月`.
fn month_year(lang: Lang, y: &str, m: usize) -> String {
    let name = months(lang).get(m.wrapping_sub(1)).copied().unwrap_or("");
    match lang {
        Lang::Zh => format!("{y}年{name}"),
        _ => format!("{name} {y}"),
    }
}

/// A week or quarter of year `y` in `lang`: `Q1 2026`, `I kw. 2026`, `2026年第1季度`,
/// `KW 9/2026`, `tydz. 9/2026`, `2026年第9周`.
fn numbered(lang: Lang, y: &str, kind: char, n: u32) -> String {
    match (lang, kind) {
        (Lang::En, 'Q') | (Lang::De, 'Q') => format!("Q{n} {y}"),
        (Lang::En, _) => format!("Week {n}, {y}"),
        (Lang::De, _) => format!("KW {n}/{y}"),
        (Lang::Pl, 'Q') => format!("{} kw. {y}", roman(n)),
        (Lang::Pl, _) => format!("tydz. {n}/{y}"),
        (Lang::Zh, 'Q') => format!("{y}年第{n}季度"),
        (Lang::Zh, _) => format!("{y}年第{n}周"),
    }
}

/// A quarter's number as Polish writes it: `I` … `IV`.
fn roman(n: u32) -> &'static str {
    match n {
        1 => "I",
        2 => "II",
        3 => "III",
        _ => "IV",
    }
}

/// `2026-08` → `Aug 2026` (in the current language); other labels unchanged.
pub fn month_name(label: &str) -> String {
    match parse_month(label) {
        Some((y, m)) => month_year(current(), y, m),
        None => label.to_owned(),
    }
}

/// `YYYY-MM` → (year text, month 1..=12).
fn parse_month(label: &str) -> Option<(&str, usize)> {
    let (y, m) = label.split_once('-')?;
    let month: usize = m.parse().ok()?;
    (is_year(y) && m.len() == 2 && (1..=12).contains(&month)).then_some((y, month))
}

fn is_year(y: &str) -> bool {
    y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit())
}

fn two_digit_year(y: &str) -> &str {
    &y[y.len().saturating_sub(2)..]
}

/// `YYYY-MM-DD` → (year text, month 1..=12, day).
fn parse_day(label: &str) -> Option<(&str, usize, u32)> {
    let (ym, d) = label.rsplit_once('-')?;
    let (y, m) = parse_month(ym)?;
    let day: u32 = d.parse().ok()?;
    (d.len() == 2 && (1..=31).contains(&day)).then_some((y, m, day))
}

/// `YYYY-Qn` / `YYYY-Wnn` → (year text, 'Q' or 'W', number).
fn parse_numbered(label: &str) -> Option<(&str, char, u32)> {
    let (y, rest) = label.split_once('-')?;
    let mut chars = rest.chars();
    let kind = chars.next()?;
    let n: u32 = chars.as_str().parse().ok()?;
    let ok = match kind {
        'Q' => (1..=4).contains(&n) && rest.len() == 2,
        'W' => (1..=53).contains(&n) && rest.len() == 3,
        _ => false,
    };
    (is_year(y) && ok).then_some((y, kind, n))
}

/// Short month label for the bucket starting at `label` (`2026-01` → `Jan '26`); the year is
/// shown on January and on the first bucket only.
pub(crate) fn month_label(label: &str, first: bool) -> String {
    let Some((y, m)) = label.split_once('-') else { return label.to_owned() };
    let lang = current();
    let names = months(lang);
    let Some(name) = m.parse::<usize>().ok().and_then(|m| names.get(m.wrapping_sub(1))) else {
        return label.to_owned();
    };
    if lang == Lang::Zh {
        return if first || m == "01" { format!("{}年{name}", two_digit_year(y)) } else { (*name).to_owned() };
    }
    if first || m == "01" {
        format!("{name} '{}", two_digit_year(y))
    } else {
        (*name).to_owned()
    }
}

/// The short axis form of a bucket label: months `Mar` (`Jan '26` on January and the first
/// label), quarters `Q2` (`Q1 '26`), weeks `W09` (`W01 '26`), days `15 Mar` (`1 Jan '26`),
/// years as they are; anything else truncated to 22 characters.
pub fn short_label(label: &str, first: bool) -> String {
    if parse_month(label).is_some() {
        return month_label(label, first);
    }
    let lang = current();
    if let Some((y, m, d)) = parse_day(label) {
        let text = match lang {
            Lang::En => format!("{d} {}", MONTHS[m - 1]),
            Lang::De | Lang::Pl => format!("{d:02}.{m:02}."),
            Lang::Zh => format!("{m}/{d}"),
        };
        return if first || (m == 1 && d == 1) { format!("{text} '{}", two_digit_year(y)) } else { text };
    }
    if let Some((y, kind, n)) = parse_numbered(label) {
        let text = match (lang, kind) {
            (Lang::Pl, 'Q') => format!("{} kw.", roman(n)),
            (Lang::Zh, 'Q') => format!("第{n}季度"),
            (_, 'Q') => format!("Q{n}"),
            (Lang::De, _) => format!("KW{n:02}"),
            (Lang::Pl, _) => format!("T{n:02}"),
            (Lang::Zh, _) => format!("第{n}周"),
            (Lang::En, _) => format!("W{n:02}"),
        };
        return if first || n == 1 { format!("{text} '{}", two_digit_year(y)) } else { text };
    }
    truncate(label, 22)
}

/// The full form of a bucket label for tooltips: `Mar 2026`, `Q1 2026`, `Week 9, 2026`,
/// `15 Mar 2026`; anything else unchanged.
pub fn long_label(label: &str) -> String {
    if parse_month(label).is_some() {
        return month_name(label);
    }
    let lang = current();
    if let Some((y, m, d)) = parse_day(label) {
        return match (lang, y.parse().ok().and_then(|y| pipelens_engine::Day::from_ymd(y, m as u32, d))) {
            (Lang::En, _) | (_, None) => format!("{d} {} {y}", MONTHS[m - 1]),
            (_, Some(day)) => date(lang, day),
        };
    }
    if let Some((y, kind, n)) = parse_numbered(label) {
        return numbered(lang, y, kind, n);
    }
    label.to_owned()
}

/// `text` cut to at most `max` characters, ending in `…` when cut.
pub fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut out: String = text.chars().take(max.saturating_sub(1)).collect();
    out.truncate(out.trim_end().len());
    out.push('…');
    out
}

/// The smallest `step` such that labels `0, step, 2·step, …`, centred on slots `slot` pixels
/// apart, leave at least `gap` pixels between neighbours.
pub(crate) fn label_step(widths: &[f64], slot: f64, gap: f64) -> usize {
    (1..widths.len().max(1))
        .find(|&step| {
            let shown: Vec<f64> = widths.iter().step_by(step).copied().collect();
            shown.windows(2).all(|w| step as f64 * slot >= (w[0] + w[1]) / 2.0 + gap)
        })
        .unwrap_or(widths.len().max(1))
}

/// An axis tick label for `v` in `unit`, with enough decimals to tell ticks `step` apart:
/// `1.2M`, `45 %`, `12 d`, `90 min` / `2 h`, `1.5×`.
pub fn axis_label(unit: Unit, v: f64, step: f64) -> String {
    let v = if v.abs() < 1e-9 * step.abs().max(1e-300) || v == 0.0 { 0.0 } else { v };
    let lang = current();
    if lang != Lang::En {
        return match unit {
            Unit::Percent => percent(lang, v, decimals_for(step * 100.0)),
            Unit::Days => format!("{} {}", compact_in(lang, v), day_abbr(lang)),
            Unit::Minutes => compact_minutes(v),
            Unit::Ratio => format!("{}×", number(lang, v, decimals_for(step))),
            Unit::Currency | Unit::Count | Unit::CurrencyPerDay => compact_in(lang, v),
        };
    }
    match unit {
        Unit::Percent => format!("{} %", trimmed(v * 100.0, decimals_for(step * 100.0))),
        Unit::Days => format!("{} d", compact_for(v, step)),
        Unit::Minutes => compact_minutes(v),
        Unit::Ratio => format!("{}×", trimmed(v, decimals_for(step))),
        Unit::Currency | Unit::Count | Unit::CurrencyPerDay => compact_for(v, step),
    }
}

/// A compact amount (`750k`, `1.25M`) with as many decimals (up to 2) as tell multiples of
/// `step` apart, trailing zeros dropped (`1M`, not `1.00M`).
fn compact_for(v: f64, step: f64) -> String {
    let a = v.abs();
    let (div, suffix) = if a >= 1e9 {
        (1e9, "B")
    } else if a >= 1e6 {
        (1e6, "M")
    } else if a >= 1e3 {
        (1e3, "k")
    } else {
        (1.0, "")
    };
    let text = format!("{:.*}", decimals_for(step / div).min(2), v / div);
    let text = if text.contains('.') { text.trim_end_matches('0').trim_end_matches('.') } else { &text };
    let text = if text == "-0" { "0" } else { text };
    format!("{text}{suffix}")
}

/// Decimals needed to write multiples of `step` exactly (0..=3).
fn decimals_for(step: f64) -> usize {
    if !(step.is_finite() && step > 0.0) {
        return 0;
    }
    let mut d = 0;
    while d < 3 && ((step * 10f64.powi(d as i32)).round() - step * 10f64.powi(d as i32)).abs() > 1e-6 {
        d += 1;
    }
    d
}

fn trimmed(v: f64, decimals: usize) -> String {
    grouped(v, decimals)
}

/// The short word for days on an axis: `d`, `T.`, `dni`, `天`.
fn day_abbr(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "d",
        Lang::De => "T.",
        Lang::Pl => "dni",
        Lang::Zh => "天",
    }
}

/// A duration in minutes in the unit that reads best on an axis: `45 min`, `2 h`, `1.5 h`, `3 d`
/// (`1,5 Std.`, `1,5 godz.`, `1.5 小时` in German, Polish and Chinese).
pub fn compact_minutes(v: f64) -> String {
    let a = v.abs();
    let lang = current();
    let short = |x: f64| number(lang, x, if (x - x.round()).abs() < 0.05 { 0 } else { 1 });
    let (min, hours) = match lang {
        Lang::En => ("min", "h"),
        Lang::De => ("Min.", "Std."),
        Lang::Pl => ("min", "godz."),
        Lang::Zh => ("分钟", "小时"),
    };
    if a < 60.0 {
        format!("{} {min}", short(v))
    } else if a < 48.0 * 60.0 {
        format!("{} {hours}", short(v / 60.0))
    } else {
        format!("{} {}", short(v / 1440.0), day_abbr(lang))
    }
}

/// A value for a tooltip: [`display`], with `NaN` / infinite values shown as `–`.
pub(crate) fn exact(unit: Unit, v: f64) -> String {
    if v.is_finite() {
        display_in(current(), unit, v)
    } else {
        "–".to_owned()
    }
}

/// A short value label written on or beside a mark: compact amounts and counts, percentages
/// with one decimal.
pub(crate) fn value_label(unit: Unit, v: f64) -> String {
    let lang = current();
    if lang != Lang::En {
        return match unit {
            Unit::Percent => percent(lang, v, 1),
            Unit::Count | Unit::Ratio if v.abs() < 10_000.0 => exact(unit, v),
            Unit::Days => format!("{} {}", number(lang, v, 1), day_abbr(lang)),
            Unit::Minutes => compact_minutes(v),
            _ => compact_in(lang, v),
        };
    }
    match unit {
        Unit::Percent => format!("{} %", grouped(v * 100.0, 1)),
        Unit::Count if v.abs() < 10_000.0 => exact(unit, v),
        Unit::Days => format!("{} d", grouped(v, 1)),
        Unit::Minutes => compact_minutes(v),
        Unit::Ratio => exact(unit, v),
        _ => compact(v),
    }
}

/// A share 0..1 as `12.3 %`.
pub(crate) fn share(part: f64, total: f64) -> String {
    let s = if total.abs() > 0.0 && part.is_finite() && total.is_finite() { part / total } else { 0.0 };
    display_in(current(), Unit::Percent, s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn label_step_thins_only_as_much_as_needed() {
        assert_eq!(label_step(&[20.0; 12], 40.0, 8.0), 1);
        assert_eq!(label_step(&[20.0; 12], 20.0, 8.0), 2);
        assert_eq!(label_step(&[50.0, 20.0, 20.0], 45.0, 8.0), 1);
        assert_eq!(label_step(&[50.0, 20.0, 20.0], 40.0, 8.0), 2);
        assert_eq!(label_step(&[80.0, 20.0, 20.0], 40.0, 8.0), 2);
        assert_eq!(label_step(&[10.0], 5.0, 8.0), 1);
        assert_eq!(label_step(&[], 5.0, 8.0), 1);
    }

    #[test]
    fn month_labels_show_the_year_on_january_and_first() {
        assert_eq!(month_label("2025-11", true), "Nov '25");
        assert_eq!(month_label("2025-12", false), "Dec");
        assert_eq!(month_label("2026-01", false), "Jan '26");
        assert_eq!(month_label("junk", false), "junk");
        assert_eq!(month_label("2026-13", false), "2026-13");
        assert_eq!(month_name("2026-08"), "Aug 2026");
        assert_eq!(month_name("2026-Q1"), "2026-Q1");
    }

    #[test]
    fn short_labels_for_every_grain() {
        let cases = [
            ("2026-03", false, "Mar"),
            ("2026-03", true, "Mar '26"),
            ("2026-Q1", true, "Q1 '26"),
            ("2026-Q3", false, "Q3"),
            ("2026-W09", false, "W09"),
            ("2026-W01", false, "W01 '26"),
            ("2026", false, "2026"),
            ("2026-03-15", false, "15 Mar"),
            ("2026-03-15", true, "15 Mar '26"),
            ("2026-01-01", false, "1 Jan '26"),
            ("2026-02-30x", false, "2026-02-30x"),
            ("Enterprise software licences", false, "Enterprise software l…"),
            ("", false, ""),
        ];
        for (label, first, want) in cases {
            assert_eq!(short_label(label, first), want, "{label}");
        }
    }

    #[test]
    fn long_labels_for_tooltips() {
        assert_eq!(long_label("2026-03"), "Mar 2026");
        assert_eq!(long_label("2026-Q2"), "Q2 2026");
        assert_eq!(long_label("2026-W09"), "Week 9, 2026");
        assert_eq!(long_label("2026-03-15"), "15 Mar 2026");
        assert_eq!(long_label("2026"), "2026");
        assert_eq!(long_label("Web"), "Web");
    }

    #[test]
    fn truncation_keeps_short_text_and_marks_cuts() {
        assert_eq!(truncate("Short", 22), "Short");
        assert_eq!(truncate("abcdefghijklmnopqrstuv", 22), "abcdefghijklmnopqrstuv");
        assert_eq!(truncate("abcdefghijklmnopqrstuvw", 22), "abcdefghijklmnopqrstu…");
        assert_eq!(truncate("ab cd", 4), "ab…");
        assert_eq!(truncate("äöüäöü", 3), "äö…");
        assert_eq!(truncate("abc", 0), "…");
    }

    #[test]
    fn axis_labels_per_unit() {
        assert_eq!(axis_label(Unit::Currency, 0.0, 250_000.0), "0");
        assert_eq!(axis_label(Unit::Currency, 1_250_000.0, 250_000.0), "1.25M");
        assert_eq!(axis_label(Unit::Currency, 1_000_000.0, 250_000.0), "1M");
        assert_eq!(axis_label(Unit::Currency, 750_000.0, 250_000.0), "750k");
        assert_eq!(axis_label(Unit::Currency, -0.0, 250_000.0), "0");
        assert_eq!(axis_label(Unit::Currency, 2.5e9, 5e8), "2.5B");
        assert_eq!(axis_label(Unit::Count, 0.25, 0.25), "0.25");
        assert_eq!(axis_label(Unit::Percent, 0.45, 0.05), "45 %");
        assert_eq!(axis_label(Unit::Percent, 0.025, 0.005), "2.5 %");
        assert_eq!(axis_label(Unit::Days, 12.0, 2.0), "12 d");
        assert_eq!(axis_label(Unit::Minutes, 90.0, 30.0), "1.5 h");
        assert_eq!(axis_label(Unit::Minutes, 5.0, 5.0), "5 min");
        assert_eq!(axis_label(Unit::Minutes, 4320.0, 1440.0), "3 d");
        assert_eq!(axis_label(Unit::Count, 0.5, 0.5), "0.5");
        assert_eq!(axis_label(Unit::Count, 12_000.0, 2000.0), "12k");
        assert_eq!(axis_label(Unit::Ratio, 1.5, 0.5), "1.5×");
        assert_eq!(compact_minutes(-30.0), "-30 min");
    }

    #[test]
    fn labels_in_other_languages() {
        crate::i18n::set_current(Lang::De);
        let de =
            (long_label("2026-03"), short_label("2026-03", true), axis_label(Unit::Currency, 1_500_000.0, 500_000.0));
        crate::i18n::set_current(Lang::Pl);
        let pl = (long_label("2026-Q2"), axis_label(Unit::Percent, 0.125, 0.005), exact(Unit::Currency, 12_345.0));
        crate::i18n::set_current(Lang::Zh);
        let zh =
            (long_label("2026-W09"), short_label("2026-01", false), axis_label(Unit::Currency, 1_500_000.0, 500_000.0));
        crate::i18n::set_current(Lang::En);
        assert_eq!(de, ("Mär 2026".into(), "Mär '26".into(), "1,5\u{a0}Mio.".into()));
        assert_eq!(pl, ("II kw. 2026".into(), "12,5%".into(), "12\u{a0}345".into()));
        assert_eq!(zh, ("2026年第9周".into(), "26年1月".into(), "150万".into()));
    }

    #[test]
    fn exact_values_and_shares() {
        assert_eq!(exact(Unit::Currency, 1_234_567.0), "1,234,567");
        assert_eq!(exact(Unit::Currency, f64::NAN), "–");
        assert_eq!(share(1.0, 8.0), "12.5 %");
        assert_eq!(share(1.0, 0.0), "0.0 %");
        assert_eq!(value_label(Unit::Count, 42.0), "42");
        assert_eq!(value_label(Unit::Currency, 1_234_567.0), "1.2M");
    }
}
