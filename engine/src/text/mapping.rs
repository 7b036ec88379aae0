//! Why the mapper chose a column for a field ([`MappingReason`]), in the reader's language.
//! Field names stay as the spec writes them (`owner`, `deal_id`): they are what the mapper's
//! rows are labelled with.

use super::count;
use crate::ingest::meaning::{CellKind, Evidence, How, MappingReason};
use crate::lang::Lang;

/// The reason in `lang`; numbers written the local way.
///
/// ```
/// use pipelens_engine::ingest::meaning::{Evidence, How, MappingReason};
/// use pipelens_engine::{lang::Lang, text::mapping_reason};
/// let r = MappingReason { header: "Betreuer".into(), field: "owner", how: How::Says, evidence: Some(Evidence::People { distinct: 1200 }) };
/// assert_eq!(mapping_reason(&r, Lang::En), "header 'Betreuer' says owner and 1,200 distinct person-like values");
/// assert_eq!(mapping_reason(&r, Lang::De), "Kopfzeile „Betreuer“ bedeutet owner und 1.200 verschiedene Personennamen");
/// ```
pub fn mapping_reason(r: &MappingReason, lang: Lang) -> String {
    let (h, field) = (&r.header, r.field);
    let head = match (lang, r.how) {
        (Lang::En, How::Names) => format!("header '{h}' names {field}"),
        (Lang::En, How::Says) => format!("header '{h}' says {field}"),
        (Lang::En, How::ChangedAt) => format!("header '{h}' is when the change was made"),
        (Lang::De, How::Names) => format!("Kopfzeile „{h}“ nennt {field}"),
        (Lang::De, How::Says) => format!("Kopfzeile „{h}“ bedeutet {field}"),
        (Lang::De, How::ChangedAt) => format!("Kopfzeile „{h}“ ist der Zeitpunkt der Änderung"),
        (Lang::Pl, How::Names) => format!("nagłówek „{h}” to {field}"),
        (Lang::Pl, How::Says) => format!("nagłówek „{h}” oznacza {field}"),
        (Lang::Pl, How::ChangedAt) => format!("nagłówek „{h}” to moment zmiany"),
        (Lang::Zh, How::Names) => format!("表头“{h}”即 {field}"),
        (Lang::Zh, How::Says) => format!("表头“{h}”表示 {field}"),
        (Lang::Zh, How::ChangedAt) => format!("表头“{h}”是变更发生的时间"),
    };
    let Some(e) = &r.evidence else { return head };
    let and = match lang {
        Lang::En => " and ",
        Lang::De => " und ",
        Lang::Pl => " i ",
        Lang::Zh => "，且",
    };
    format!("{head}{and}{}", evidence(e, lang))
}

/// What the cells showed, in `lang`.
fn evidence(e: &Evidence, lang: Lang) -> String {
    let n = |v: usize| count(v, lang);
    match (lang, e) {
        (Lang::En, e) => {
            // The English reads as the engine's own sentence, with local digit grouping.
            match e {
                Evidence::Share { n: k, of, what, money } => {
                    let money = if *money > 0 {
                        format!(", {} with a currency mark or grouping", n(*money))
                    } else {
                        String::new()
                    };
                    format!("{} of {} values are {}{money}", n(*k), n(*of), kind(*what, lang))
                }
                Evidence::AllDiffer { of } => format!("all {} values differ", n(*of)),
                Evidence::People { distinct } => format!("{} distinct person-like values", n(*distinct)),
            }
        }
        (Lang::De, Evidence::Share { n: k, of, what, money }) => {
            let money = if *money > 0 {
                format!(", {} mit Währungszeichen oder Tausendertrennzeichen", n(*money))
            } else {
                String::new()
            };
            format!("{} von {} Werten sind {}{money}", n(*k), n(*of), kind(*what, lang))
        }
        (Lang::De, Evidence::AllDiffer { of }) => format!("alle {} Werte sind verschieden", n(*of)),
        (Lang::De, Evidence::People { distinct }) => format!("{} verschiedene Personennamen", n(*distinct)),
        (Lang::Pl, Evidence::Share { n: k, of, what, money }) => {
            let money = if *money > 0 {
                format!(", {} ze znakiem waluty lub separatorem tysięcy", n(*money))
            } else {
                String::new()
            };
            format!("{} z {} wartości to {}{money}", n(*k), n(*of), kind(*what, lang))
        }
        (Lang::Pl, Evidence::AllDiffer { of }) => format!("wszystkie {} wartości są różne", n(*of)),
        (Lang::Pl, Evidence::People { distinct }) => {
            format!("{} różnych wartości wyglądających jak osoby", n(*distinct))
        }
        (Lang::Zh, Evidence::Share { n: k, of, what, money }) => {
            let money = if *money > 0 {
                format!("，其中 {} 个带货币符号或千位分隔符", n(*money))
            } else {
                String::new()
            };
            format!("{} 个值中有 {} 个是{}{money}", n(*of), n(*k), kind(*what, lang))
        }
        (Lang::Zh, Evidence::AllDiffer { of }) => format!("全部 {} 个值互不相同", n(*of)),
        (Lang::Zh, Evidence::People { distinct }) => format!("{} 个不同的人名", n(*distinct)),
    }
}

/// A kind of cell, in `lang`.
fn kind(k: CellKind, lang: Lang) -> &'static str {
    match (lang, k) {
        (Lang::En, CellKind::Dates) => "dates",
        (Lang::En, CellKind::Amounts) => "amounts",
        (Lang::En, CellKind::Numbers) => "numbers",
        (Lang::En, CellKind::YesNo) => "yes/no",
        (Lang::En, CellKind::Outcomes) => "won, lost or open",
        (Lang::De, CellKind::Dates) => "Datumsangaben",
        (Lang::De, CellKind::Amounts) => "Beträge",
        (Lang::De, CellKind::Numbers) => "Zahlen",
        (Lang::De, CellKind::YesNo) => "Ja/Nein",
        (Lang::De, CellKind::Outcomes) => "gewonnen, verloren oder offen",
        (Lang::Pl, CellKind::Dates) => "daty",
        (Lang::Pl, CellKind::Amounts) => "kwoty",
        (Lang::Pl, CellKind::Numbers) => "liczby",
        (Lang::Pl, CellKind::YesNo) => "tak/nie",
        (Lang::Pl, CellKind::Outcomes) => "wygrana, przegrana lub otwarta",
        (Lang::Zh, CellKind::Dates) => "日期",
        (Lang::Zh, CellKind::Amounts) => "金额",
        (Lang::Zh, CellKind::Numbers) => "数字",
        (Lang::Zh, CellKind::YesNo) => "是/否",
        (Lang::Zh, CellKind::Outcomes) => "赢单、输单或进行中",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// English is the engine's own sentence; every other language differs from it and keeps the
    /// header, the field and the counts.
    #[test]
    fn every_reason_in_every_language() {
        let kinds = [CellKind::Dates, CellKind::Amounts, CellKind::Numbers, CellKind::YesNo, CellKind::Outcomes];
        let mut evidence: Vec<Option<Evidence>> =
            vec![None, Some(Evidence::AllDiffer { of: 7 }), Some(Evidence::People { distinct: 7 })];
        evidence.extend(kinds.iter().map(|&what| Some(Evidence::Share { n: 7, of: 9, what, money: 3 })));
        for how in [How::Names, How::Says, How::ChangedAt] {
            for e in &evidence {
                let r = MappingReason { header: "Spalte X".into(), field: "owner", how, evidence: e.clone() };
                assert_eq!(mapping_reason(&r, Lang::En), r.to_string());
                for lang in [Lang::De, Lang::Pl, Lang::Zh] {
                    let t = mapping_reason(&r, lang);
                    assert_ne!(t, r.to_string(), "{lang:?}");
                    assert!(t.contains("Spalte X"), "{t}");
                    if how != How::ChangedAt {
                        assert!(t.contains("owner"), "{t}");
                    }
                    if e.is_some() {
                        assert!(t.contains('7'), "{t}");
                    }
                }
            }
        }
    }
}
