//! The UI's words in every [`Lang`]: one key per string, its English, German, Polish and
//! Chinese side by side in one line of a catalog file.
//!
//! - [`t`] gives a key's text in the current language, [`tf`] fills its `{placeholders}`,
//!   [`count`] writes a number with its noun in the plural form the language asks for
//!   ([`Lang::plural`]: Polish has one / few / many).
//! - The current language is [`current`]; the app sets it ([`set_current`]) from
//!   `ViewState::lang` and rebuilds the page under it (`app.rs`), so a `view!` may use `t(..)`
//!   directly, without a closure, and a language switch still reaches every word.
//! - Numbers, money, percentages, dates and axis labels are formatted by
//!   `pipelens_engine::format::local`; the engine's own words (KPI names, explanations, why a
//!   value is missing) come from `pipelens_engine::text`.
//!
//! ## Adding a string
//! Add one line to the area's catalog in this folder (or a new area file with one
//! `catalog!` block, declared below):
//! ```text
//! catalog! {
//!     /// The header's words.
//!     Header {
//!         Menu => ["Menu", "Menü", "Menu", "菜单"],
//!     }
//! }
//! ```
//! The four texts are one array, so a missing language does not compile; the native tests
//! then check that no text is empty, that every language has the same `{placeholders}`, that
//! German, Polish and Chinese are not left in English (unless the word is on the allow-list of
//! words that are the same, [`SAME_IN_EVERY_LANGUAGE`]), and that a plural noun has each
//! language's forms, separated by `|` (en and de two, pl three: one|few|many, zh one).

#[macro_use]
pub mod catalog;
pub mod bins;
pub mod change;
pub mod charts;
pub mod engine_words;
pub mod installed;
pub mod lang_state;
pub mod mapper;
pub mod messages;
pub mod packs;
pub mod pages;
pub mod panels;
pub mod share;
pub mod sources;
pub mod words;

pub use catalog::Text;
use pipelens_engine::lang::{Lang, Plural};
use std::cell::Cell;

thread_local! {
    static CURRENT: Cell<Lang> = const { Cell::new(Lang::En) };
}

/// The language the page is being built in.
pub fn current() -> Lang {
    CURRENT.with(Cell::get)
}

/// Sets the language the page is built in (the app does this before rebuilding the page).
pub fn set_current(lang: Lang) {
    CURRENT.with(|c| c.set(lang));
}

/// A key's text in the current language.
pub fn t(key: impl Text) -> &'static str {
    key.text(current())
}

/// A key's text in the current language with its `{name}` placeholders filled from `args`.
///
/// ```
/// use pipelens::i18n::{fill};
/// assert_eq!(fill("{n} of {all}", &[("n", "3".into()), ("all", "7".into())]), "3 of 7");
/// ```
pub fn tf(key: impl Text, args: &[(&str, String)]) -> String {
    fill(t(key), args)
}

/// `text` with its `{name}` placeholders filled from `args`; unknown placeholders stay.
pub fn fill(text: &str, args: &[(&str, String)]) -> String {
    let mut out = text.to_owned();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// The form of a plural noun (`one|other`, Polish `one|few|many`, Chinese one form) that `n`
/// takes in `lang`.
pub fn plural_form(forms: &'static str, lang: Lang, n: u64) -> &'static str {
    let mut parts = forms.split('|');
    let first = parts.next().unwrap_or(forms);
    let pick = match (lang, lang.plural(n)) {
        (_, Plural::One) => Some(first),
        (Lang::Pl, Plural::Few) => parts.next(),
        (Lang::Pl, _) => parts.nth(1),
        _ => parts.next(),
    };
    pick.unwrap_or(first)
}

/// `n` with its noun in the current language: `1 deal`, `1,589 deals`, `1.589 Deals`,
/// `22 transakcje`, `5 transakcji`, `3 笔交易`.
pub fn count(n: usize, noun: words::Noun) -> String {
    count_in(current(), n, noun)
}

/// [`count`] in `lang`.
pub fn count_in(lang: Lang, n: usize, noun: words::Noun) -> String {
    let word = plural_form(noun.text(lang), lang, n as u64);
    pipelens_engine::format::local::count_with(lang, n, word)
}

/// Words that read the same in every language and may stay as they are in a translation:
/// brand and file-format names, KPI ids, abbreviations sales people use untranslated.
pub const SAME_IN_EVERY_LANGUAGE: &[&str] = &[
    "pipelens",
    "Median",
    "ARPA",
    "Jan",
    "Feb",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Nov",
    "in",
    "an",
    "was",
    "vs",
    "Enter",
    "PDF",
    "Teams",
    "min",
    "Dashboards",
    "Dashboard",
    "Drill-down",
    "CSV",
    "SQL",
    "PNG",
    "Pipeline",
    "HubSpot",
    "Salesforce",
    "Pipedrive",
    "Maven",
    "CRM",
    "KPI",
    "KPIs",
    "CAC",
    "CLV",
    "ARR",
    "MRR",
    "LTV",
    "ID",
    "OK",
    "Menu",
    "Status",
    "Region",
    "Team",
    "Demo",
    "Filter",
    "Start",
    "Deals",
    "Deal",
    "Leads",
    "Lead",
    "Forecast",
    "Quota",
    "Quotas",
    "Win-Rate",
    "Best Case",
    "Commit",
    "Omitted",
];

/// Every language's name in itself, for the picker.
pub fn native_name(lang: Lang) -> &'static str {
    lang.native_name()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_take_each_languages_plural() {
        use words::Noun;
        let cases = [
            (Lang::En, 1, "1 deal"),
            (Lang::En, 1589, "1,589 deals"),
            (Lang::De, 1589, "1.589 Deals"),
            (Lang::Pl, 1, "1 transakcja"),
            (Lang::Pl, 22, "22 transakcje"),
            (Lang::Pl, 5, "5 transakcji"),
            (Lang::Pl, 12, "12 transakcji"),
            (Lang::Zh, 3, "3笔交易"),
        ];
        for (lang, n, want) in cases {
            assert_eq!(count_in(lang, n, Noun::Deal), want, "{lang:?} {n}");
        }
    }

    #[test]
    fn placeholders_are_filled() {
        assert_eq!(fill("{n} von {all}", &[("n", "3".into()), ("all", "7".into())]), "3 von 7");
        assert_eq!(fill("{x}", &[]), "{x}");
    }

    #[test]
    fn the_current_language_is_what_was_set() {
        set_current(Lang::Pl);
        assert_eq!(current(), Lang::Pl);
        assert_eq!(t(words::Header::Menu), "Menu");
        set_current(Lang::De);
        assert_eq!(t(words::Header::Menu), "Menü");
        set_current(Lang::En);
    }
}
