//! What an unreadable cell should have held ("a date (2017-03-01, …)"), in the reader's
//! language. The import report records the English phrase the reading code uses
//! ([`crate::ingest::CellIssue::expected`]); this table words each one in the other languages,
//! keeping the examples as they are (they are what the cells may look like).

use crate::ingest::{DATE_EXPECTED, MONTH_EXPECTED, TIME_EXPECTED};
use crate::lang::Lang;

/// The phrases the reading code can record, each with its German, Polish and Chinese.
fn table() -> [(&'static str, [&'static str; 3]); 7] {
    [
        (
            DATE_EXPECTED,
            [
                "ein Datum (2017-03-01, 03/01/2017, 1.3.2017, 1 March 2017, 20170301)",
                "data (2017-03-01, 03/01/2017, 1.3.2017, 1 March 2017, 20170301)",
                "日期（2017-03-01、03/01/2017、1.3.2017、1 March 2017、20170301）",
            ],
        ),
        (
            MONTH_EXPECTED,
            [
                "ein Monat oder ein Datum (2024-03, 03/2024, Mar 2024, 2024-03-01)",
                "miesiąc lub data (2024-03, 03/2024, Mar 2024, 2024-03-01)",
                "月份或日期（2024-03、03/2024、Mar 2024、2024-03-01）",
            ],
        ),
        (
            TIME_EXPECTED,
            [
                "eine Uhrzeit (10:30, 10:30:00Z, 2:05 PM, 10:30+02:00); das Datum wurde behalten",
                "godzina (10:30, 10:30:00Z, 2:05 PM, 10:30+02:00); datę zachowano",
                "时间（10:30、10:30:00Z、2:05 PM、10:30+02:00）；日期已保留",
            ],
        ),
        ("a number", ["eine Zahl", "liczba", "数字"]),
        (
            "open, won or lost",
            [
                "offen, gewonnen oder verloren (open, won, lost)",
                "otwarta, wygrana lub przegrana (open, won, lost)",
                "进行中、赢单或输单（open、won、lost）",
            ],
        ),
        ("true or false", ["wahr oder falsch (true/false)", "prawda lub fałsz (true/false)", "是或否（true/false）"]),
        (
            "yes or no (true/false, 1/0)",
            ["ja oder nein (true/false, 1/0)", "tak lub nie (true/false, 1/0)", "是或否（true/false、1/0）"],
        ),
    ]
}

/// Every phrase the reading code can record, in English.
pub(crate) fn cell_phrases() -> impl Iterator<Item = &'static str> {
    table().into_iter().map(|(en, _)| en)
}

/// `expected` (a phrase of the import report) in `lang`; a phrase the table lacks stays English.
///
/// ```
/// use pipelens_engine::{lang::Lang, text::cell_expected};
/// assert_eq!(cell_expected("a number", Lang::De), "eine Zahl");
/// assert_eq!(cell_expected("a number", Lang::En), "a number");
/// ```
pub fn cell_expected(expected: &'static str, lang: Lang) -> &'static str {
    let column = match lang {
        Lang::En => return expected,
        Lang::De => 0,
        Lang::Pl => 1,
        Lang::Zh => 2,
    };
    table().iter().find(|(en, _)| *en == expected).map_or(expected, |(_, t)| t[column])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_phrase_is_worded_in_every_language() {
        for (en, _) in table() {
            for lang in [Lang::De, Lang::Pl, Lang::Zh] {
                let t = cell_expected(en, lang);
                assert!(!t.is_empty() && t != en, "{en:?} in {lang:?}");
            }
        }
    }
}
