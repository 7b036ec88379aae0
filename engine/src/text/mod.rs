//! The engine's words for people, in each [`Lang`]: KPI names and explanations, why a KPI has no
//! value, rows left out, import errors and share-link notices.
//!
//! English is the text beside each item (its `Display`, its registry entry); the other languages
//! are looked up here, so a UI that shows engine text calls these functions with the reader's
//! language and never the English source directly.
//!
//! Where each language lives: the KPI texts in `kpi_de.rs`, `kpi_pl.rs` and `kpi_zh.rs` (a
//! `match` over [`KpiId`]; the browser build fetches them as files instead, see [`pack`]), the messages in `phrases_de.rs`, `phrases_pl.rs` and `phrases_zh.rs`
//! (one type per language implementing every method of one trait, each a `match` without a
//! catch-all). A new KPI, [`Gap`](crate::kpi::Gap), [`Omission`](crate::kpi::Omission),
//! [`ImportError`] or [`Notice`] variant does not compile until every language words it.
//! Counts, days and periods inside the messages are written the local way ([`count`], [`day`],
//! [`period`]).

mod expected;
mod glossary;
mod ids;
#[cfg(feature = "kpi-texts")]
mod kpi_de;
#[cfg(feature = "kpi-texts")]
mod kpi_pl;
#[cfg(feature = "kpi-texts")]
mod kpi_zh;
mod local;
mod mapping;
mod pack;
mod phrases;
mod phrases_de;
mod phrases_pl;
mod phrases_zh;

pub use expected::cell_expected;
pub(crate) use expected::cell_phrases;
pub use glossary::{dim, dim_title, label};
pub use ids::ids_generated;
pub use local::{count, day, period};
pub use mapping::mapping_reason;
pub use pack::{
    install_kpi_pack, kpi_pack, kpi_pack_file, kpi_pack_json, kpi_texts_ready, KpiPack, PackEntry, PackError, PACKED,
};

use crate::ingest::DatasetKind;
use crate::kpi::{Explanation, Group, KpiId, LeftOut, Note, Undefined};
use crate::lang::Lang;
use crate::share::{Notice, ShareError};
use crate::ImportError;
use phrases::Phrases;

/// A KPI's words in one language: what the registry entry holds in English.
#[derive(Clone, Copy, Debug)]
struct KpiText {
    /// Display name.
    name: &'static str,
    /// The datasets and fields it needs.
    needs: &'static str,
    /// What it measures, its formula, why it matters, what to watch.
    explanation: Explanation,
}

/// The KPI's words in `lang`.
fn kpi_text(id: KpiId, lang: Lang) -> KpiText {
    match lang {
        Lang::En => {
            let def = id.def();
            KpiText { name: def.name, needs: def.needs, explanation: def.explanation }
        }
        #[cfg(feature = "kpi-texts")]
        Lang::De => kpi_de::text(id),
        #[cfg(feature = "kpi-texts")]
        Lang::Pl => kpi_pl::text(id),
        #[cfg(feature = "kpi-texts")]
        Lang::Zh => kpi_zh::text(id),
        // Without the compiled-in texts: the language's pack once the page has loaded it,
        // English until then.
        #[cfg(not(feature = "kpi-texts"))]
        _ => pack::installed(id, lang).unwrap_or_else(|| kpi_text(id, Lang::En)),
    }
}

/// The phrasebook of `lang`.
fn book(lang: Lang) -> &'static dyn Phrases {
    match lang {
        Lang::En => &phrases::English,
        Lang::De => &phrases_de::German,
        Lang::Pl => &phrases_pl::Polish,
        Lang::Zh => &phrases_zh::Chinese,
    }
}

/// The KPI's display name in `lang`.
///
/// ```
/// use pipelens_engine::{kpi::KpiId, lang::Lang, text::kpi_name};
/// assert_eq!(kpi_name(KpiId::WinRate, Lang::En), "Win rate");
/// assert_eq!(kpi_name(KpiId::WinRate, Lang::De), "Abschlussquote");
/// ```
pub fn kpi_name(id: KpiId, lang: Lang) -> &'static str {
    kpi_text(id, lang).name
}

/// What the KPI measures, its formula, why it matters and what to watch out for, in `lang`.
pub fn kpi_explanation(id: KpiId, lang: Lang) -> Explanation {
    kpi_text(id, lang).explanation
}

/// The datasets and fields the KPI needs, as shown when they are missing, in `lang`.
pub fn kpi_needs(id: KpiId, lang: Lang) -> &'static str {
    kpi_text(id, lang).needs
}

/// Why a data row was not kept, in `lang`.
///
/// ```
/// use pipelens_engine::{ingest::Rejection, lang::Lang, text::rejection};
/// let r = Rejection::FieldCount { found: 2, expected: 3 };
/// assert_eq!(rejection(&r, Lang::En), "has 2 fields but the header has 3");
/// assert_eq!(rejection(&r, Lang::De), "hat 2 Felder, die Kopfzeile aber 3");
/// ```
pub fn rejection(why: &crate::ingest::Rejection, lang: Lang) -> String {
    book(lang).rejection(why)
}

/// The data-quality report's CSV words in `lang`: its six column names, then what a rejected
/// row and an unreadable cell are (see [`crate::export::problems_csv`]).
pub fn problems_words(lang: Lang) -> ([&'static str; 6], [&'static str; 2]) {
    book(lang).problems_words()
}

/// An unreadable cell's reason in the report's CSV, in `lang`: what its column holds.
pub fn expected_reason(expected: &'static str, lang: Lang) -> String {
    book(lang).expected_reason(cell_expected(expected, lang))
}

/// Why a KPI has no value, in `lang`.
pub fn undefined(why: &Undefined, lang: Lang) -> String {
    book(lang).undefined(why)
}

/// Rows a KPI could not use and why ("3 won deals in the period have no amount"), in `lang`:
/// the count written the local way, the noun in the form the count takes.
///
/// ```
/// use pipelens_engine::{kpi::{KpiResult, Omission}, lang::Lang, text::left_out};
/// let r = KpiResult::value(1.0).left_out(12345, Omission::OpenNoAmount);
/// assert_eq!(left_out(&r.left_out[0], Lang::En), "12,345 open deals have no amount");
/// assert_eq!(left_out(&r.left_out[0], Lang::Pl), "12\u{a0}345 otwartych transakcji nie ma kwoty");
/// ```
pub fn left_out(rows: &LeftOut, lang: Lang) -> String {
    match lang {
        Lang::En => rows.to_string(),
        _ => book(lang).left_out(rows.reason, rows.count),
    }
}

/// An import error as the user reads it, in `lang`.
pub fn import_error(error: &ImportError, lang: Lang) -> String {
    // Each book called as itself, not through `book`: the parse worker words these errors and
    // nothing else, and one call through the trait object keeps every phrase of every book in
    // its wasm (about 200 KB gzip).
    match lang {
        Lang::En => phrases::English.import_error(error),
        Lang::De => phrases_de::German.import_error(error),
        Lang::Pl => phrases_pl::Polish.import_error(error),
        Lang::Zh => phrases_zh::Chinese.import_error(error),
    }
}

/// One share-link notice, as a clause (lower-case, no full stop), in `lang`.
pub fn notice(notice: &Notice, lang: Lang) -> String {
    book(lang).notice(notice)
}

/// All of a share link's notices as one sentence, `None` when there are none, in `lang`.
pub fn notices(notices: &[Notice], lang: Lang) -> Option<String> {
    if lang == Lang::En {
        return crate::share::notice::summary(notices);
    }
    let b = book(lang);
    let clauses: Vec<String> = notices.iter().map(|n| b.notice(n)).collect();
    (!clauses.is_empty()).then(|| b.sentence(&clauses))
}

/// A warning beside a KPI's value ("over 90 % of reps at quota: targets may be too easy"), in
/// `lang`.
pub fn note(note: &Note, lang: Lang) -> String {
    book(lang).note(note)
}

/// Why a share link could not be opened, in `lang`.
pub fn share_error(error: &ShareError, lang: Lang) -> String {
    book(lang).share_error(error)
}

/// A dataset's name in `lang`, as it reads inside a sentence (`deals`, `Deals`, `transakcje`,
/// `交易`): for lines such as "load customers to see churn".
pub fn dataset_name(kind: DatasetKind, lang: Lang) -> &'static str {
    book(lang).dataset(kind)
}

/// A catalog section's heading in `lang`.
pub fn group_title(group: Group, lang: Lang) -> &'static str {
    match (lang, group) {
        (Lang::En, g) => g.title(),
        (Lang::De, Group::Revenue) => "Umsatz und Wachstum",
        (Lang::De, Group::Deals) => "Deals und Pipeline",
        (Lang::De, Group::Leads) => "Leads und Aktivitäten",
        (Lang::De, Group::Customers) => "Kunden und Unit Economics",
        (Lang::Pl, Group::Revenue) => "Przychód i wzrost",
        (Lang::Pl, Group::Deals) => "Transakcje i lejek sprzedażowy",
        (Lang::Pl, Group::Leads) => "Leady i aktywność",
        (Lang::Pl, Group::Customers) => "Klienci i ekonomika jednostkowa",
        (Lang::Zh, Group::Revenue) => "收入与增长",
        (Lang::Zh, Group::Deals) => "交易与管道",
        (Lang::Zh, Group::Leads) => "线索与销售活动",
        (Lang::Zh, Group::Customers) => "客户与单位经济效益",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kpi::{Base, Gap, KpiResult, Omission};
    use crate::lang::Plural;
    use crate::share::notice::{Part, Reason};
    use crate::{Day, Grain, Period, Workspace};

    const OTHERS: [Lang; 3] = [Lang::De, Lang::Pl, Lang::Zh];

    /// Names that read the same in every language.
    const SAME_EVERYWHERE: &[&str] = &["MRR", "ARR", "CLV : CAC"];

    /// English words that never belong in a German, Polish or Chinese sentence of ours.
    const ENGLISH_WORDS: &[&str] = &[
        "the",
        "and",
        "of",
        "when",
        "is",
        "are",
        "with",
        "without",
        "or",
        "undefined",
        "deal",
        "deals",
        "won",
        "lost",
        "period",
        "revenue",
        "leads",
        "customers",
        "needs",
        "left",
        "out",
        "has",
        "have",
        "no",
        "not",
    ];

    /// The English words (letters of any script, `_` joins a column name into one word) left in
    /// `text`.
    fn english_words(text: &str) -> Vec<String> {
        text.split(|c: char| !(c.is_alphanumeric() || c == '_'))
            .filter(|w| ENGLISH_WORDS.contains(w))
            .map(str::to_owned)
            .collect()
    }

    /// The spec's column names (`deal_type`, `first_contact_at`) and symbols a formula uses.
    fn placeholders(text: &str) -> Vec<String> {
        let mut out: Vec<String> = text
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .filter(|w| w.contains('_') && w.len() > 2)
            .map(str::to_owned)
            .collect();
        for symbol in ["Σ", "×", "≥", "≤", "|A − F|", "max(0,", "A = 0", "A > 0", "k = 0, 1, …", "F ="] {
            if text.contains(symbol) {
                out.push(symbol.to_owned());
            }
        }
        out
    }

    fn iso(s: &str) -> Day {
        Day::parse_iso(s).unwrap()
    }

    fn q1() -> Period {
        Period::new(iso("2026-01-01"), iso("2026-03-31")).unwrap()
    }

    /// One of every [`Gap`] (the match below does not compile when one is added and not listed).
    fn every_gap() -> Vec<Gap> {
        let (p, d) = (q1(), iso("2026-03-31"));
        let inner = Undefined::ZeroDenominator(Gap::NoClosedDeals(p));
        let all = vec![
            Gap::NoClosedDeals(p),
            Gap::NoWonAmount { won: 12345, period: p },
            Gap::NoDealsWon(p),
            Gap::NoWonCreated { won: 2, period: p },
            Gap::NoOpenDeals(d),
            Gap::NoOpenAmount { open: 12345, other_currency: true },
            Gap::NoOpenAmount { open: 5, other_currency: false },
            Gap::NoBaseRevenue { base: Base::Previous, period: p },
            Gap::NoBaseRevenue { base: Base::YearEarlier, period: p },
            Gap::NoRevenueFigure(p),
            Gap::NoBaseDeals { base: Base::YearEarlier, period: p },
            Gap::NoTypedRevenue(p),
            Gap::NoOwnerClosed(p),
            Gap::NoQuotaAhead(p),
            Gap::PartUndefined { id: KpiId::WinRate, why: Box::new(inner) },
            Gap::ZeroCycle,
            Gap::NoForecastPeriod(p),
            Gap::NoForecastRevenue(p),
            Gap::NoOwnerQuota(p),
            Gap::NoQuotaNoTarget(p),
            Gap::ZeroDealSize,
            Gap::NoLeadConverted,
            Gap::NoOpenStages,
            Gap::NoDealCreated(p),
            Gap::NoProductRevenue(p),
            Gap::NoOwnerWithWins { min: 3, period: p },
            Gap::NoLeadsCreated(p),
            Gap::NoLeadsCreatedOrQualified(p),
            Gap::NoLeadContacted(p),
            Gap::NoLeadTouchpoints(p),
            Gap::NoActivities(p),
            Gap::NoActiveMrr(d),
            Gap::NoCustomerStarted(p),
            Gap::NoNewBusinessWon(p),
            Gap::NoCustomerBefore(d),
            Gap::NoNewCustomers(p),
            Gap::NoMonthChurn(p),
            Gap::NoChurn(p),
            Gap::NoAccountWon(d),
            Gap::ZeroCac,
            Gap::NoEndedSpells(p),
            Gap::NoStallBaseline(d),
            Gap::NoSnapshotDate,
            Gap::SnapshotsOutOfOrder { earlier: iso("2026-01-31"), later: d },
            Gap::SnapshotOutsidePeriod { as_of: iso("2026-04-30"), period: p },
        ];
        for g in &all {
            match g {
                Gap::NoClosedDeals(_)
                | Gap::NoWonAmount { .. }
                | Gap::NoDealsWon(_)
                | Gap::NoWonCreated { .. }
                | Gap::NoOpenDeals(_)
                | Gap::NoOpenAmount { .. }
                | Gap::NoBaseRevenue { .. }
                | Gap::NoRevenueFigure(_)
                | Gap::NoBaseDeals { .. }
                | Gap::NoTypedRevenue(_)
                | Gap::NoOwnerClosed(_)
                | Gap::NoQuotaAhead(_)
                | Gap::PartUndefined { .. }
                | Gap::ZeroCycle
                | Gap::NoForecastPeriod(_)
                | Gap::NoForecastRevenue(_)
                | Gap::NoOwnerQuota(_)
                | Gap::NoQuotaNoTarget(_)
                | Gap::ZeroDealSize
                | Gap::NoLeadConverted
                | Gap::NoOpenStages
                | Gap::NoDealCreated(_)
                | Gap::NoProductRevenue(_)
                | Gap::NoOwnerWithWins { .. }
                | Gap::NoLeadsCreated(_)
                | Gap::NoLeadsCreatedOrQualified(_)
                | Gap::NoLeadContacted(_)
                | Gap::NoLeadTouchpoints(_)
                | Gap::NoActivities(_)
                | Gap::NoActiveMrr(_)
                | Gap::NoCustomerStarted(_)
                | Gap::NoNewBusinessWon(_)
                | Gap::NoCustomerBefore(_)
                | Gap::NoNewCustomers(_)
                | Gap::NoMonthChurn(_)
                | Gap::NoChurn(_)
                | Gap::NoAccountWon(_)
                | Gap::ZeroCac
                | Gap::NoEndedSpells(_)
                | Gap::NoStallBaseline(_)
                | Gap::NoSnapshotDate
                | Gap::SnapshotsOutOfOrder { .. }
                | Gap::SnapshotOutsidePeriod { .. } => {}
            }
        }
        all
    }

    /// One of every [`ImportError`], with values to find again in every language's wording.
    fn every_import_error() -> Vec<(ImportError, Vec<&'static str>)> {
        let f = || "crm.csv".to_owned();
        vec![
            (ImportError::Empty { file: f() }, vec!["crm.csv"]),
            (ImportError::HeaderOnly { file: f() }, vec!["crm.csv"]),
            (ImportError::Spreadsheet { file: f() }, vec!["crm.csv", "CSV", "Excel", "LibreOffice"]),
            (ImportError::Json { file: f() }, vec!["crm.csv", "JSON", "CSV", "CRM"]),
            (ImportError::Binary { file: f() }, vec!["crm.csv", "CSV"]),
            (ImportError::CutShort { file: f(), encoding: "UTF-16LE" }, vec!["crm.csv", "UTF-16LE"]),
            (ImportError::SingleColumn { file: f(), header: "Deal;Betrag".into() }, vec!["crm.csv", "Deal;Betrag"]),
            (ImportError::UnclosedQuote { file: f(), line: 7 }, vec!["crm.csv", "7"]),
            (
                ImportError::MissingFields {
                    file: f(),
                    dataset: "deals",
                    missing: vec!["amount", "created_date"],
                    found: vec!["Id".into(), "Wert".into()],
                },
                vec!["crm.csv", "amount, created_date", "Id, Wert"],
            ),
            (
                ImportError::OtherDataset { file: f(), dataset: "leads", matched: vec!["lead_id", "created_at"] },
                vec!["crm.csv", "lead_id, created_at"],
            ),
            (
                ImportError::NoUsableRows {
                    file: f(),
                    rejected: 3,
                    first_line: 2,
                    first_reason: crate::ingest::Rejection::FieldCount { found: 7, expected: 9 },
                },
                vec!["crm.csv", "3", "2", "7", "9"],
            ),
        ]
    }

    /// One of every [`Notice`], each part with 1, 2, 5, 22 and 112 items.
    fn every_notice() -> Vec<Notice> {
        let parts = [
            Part::Period,
            Part::Files,
            Part::FilterValues,
            Part::Crumbs,
            Part::CrumbFilterValues,
            Part::BoardItems,
            Part::GrossMargin,
            Part::Targets,
            Part::Currency,
            Part::Theme,
            Part::Stages,
            Part::OpenStages,
        ];
        let reasons = [
            Reason::TooMany(64),
            Reason::TooLong(12000),
            Reason::Repeated,
            Reason::Unknown,
            Reason::OutOfRange,
            Reason::Unreadable,
        ];
        let mut all = Vec::new();
        for (i, &part) in parts.iter().enumerate() {
            for count in [1, 2, 5, 22, 112] {
                all.push(Notice::Dropped { part, count, reason: reasons[i % reasons.len()] });
            }
        }
        for reason in reasons {
            all.push(Notice::Dropped { part: Part::Files, count: 3, reason });
        }
        all.push(Notice::PeriodClamped {
            asked: Period::new(iso("0001-01-01"), iso("9999-12-31")).unwrap(),
            shown: Period::new(iso("1900-01-01"), iso("2200-12-31")).unwrap(),
        });
        all.push(Notice::CoarserGrain { asked: Grain::Week, used: Grain::Quarter });
        all.push(Notice::CoarserGrain { asked: Grain::Month, used: Grain::Year });
        all.push(Notice::NewerVersion);
        all.push(Notice::RememberedNotApplied);
        all
    }

    /// Every "needs …" the KPIs give: each KPI over no data, and over the demo company with each
    /// dataset and each optional deals column in turn missing.
    fn every_needs() -> Vec<Undefined> {
        let seed = crate::demo::DEMO_SEED;
        let full = crate::demo::demo_workspace(seed);
        let scope = full.default_scope().unwrap();
        let mut workspaces = vec![Workspace::default()];
        for kind in DatasetKind::ALL {
            let mut ws = full.clone();
            ws.remove(kind);
            workspaces.push(ws);
        }
        let mut seen = Vec::new();
        for ws in &workspaces {
            for (_, r) in crate::kpi::compute_all(ws, &scope) {
                if let Err(why @ Undefined::NeedsData { .. }) = r.value {
                    if !seen.contains(&why) {
                        seen.push(why);
                    }
                }
            }
        }
        seen
    }

    #[test]
    fn every_kpi_has_its_own_words_in_every_language() {
        for lang in OTHERS {
            for &id in KpiId::ALL {
                let (en, t) = (kpi_text(id, Lang::En), kpi_text(id, lang));
                let (a, b) = (en.explanation, t.explanation);
                if !SAME_EVERYWHERE.contains(&en.name) {
                    assert_ne!(t.name, en.name, "{lang:?} {id}: name");
                }
                for (field, en_text, text) in [
                    ("needs", en.needs, t.needs),
                    ("what", a.what, b.what),
                    ("formula", a.formula, b.formula),
                    ("why", a.why, b.why),
                    ("watch", a.watch, b.watch),
                ] {
                    assert_ne!(text, en_text, "{lang:?} {id}: {field} is the English");
                    assert!(!text.trim().is_empty(), "{lang:?} {id}: {field} is empty");
                    let left = english_words(text);
                    assert!(left.is_empty(), "{lang:?} {id}: {field} has English words {left:?}: {text}");
                }
                // Chinese says in one character what takes a word elsewhere.
                let least = if lang == Lang::Zh { 8 } else { 15 };
                for text in [b.what, b.formula, b.why, b.watch] {
                    assert!(text.chars().count() > least, "{lang:?} {id}: explanation too thin: {text}");
                }
            }
        }
    }

    #[test]
    fn formulas_keep_the_specs_column_names_and_symbols() {
        for lang in OTHERS {
            for &id in KpiId::ALL {
                let (en, local) = (kpi_explanation(id, Lang::En).formula, kpi_explanation(id, lang).formula);
                for p in placeholders(en) {
                    assert!(local.contains(&p), "{lang:?} {id}: formula lost {p:?}: {local}");
                }
            }
        }
    }

    #[test]
    fn names_are_distinct_within_each_language() {
        for lang in Lang::ALL {
            let mut names: Vec<&str> = KpiId::ALL.iter().map(|&id| kpi_name(id, lang)).collect();
            names.sort_unstable();
            let before = names.len();
            names.dedup();
            assert_eq!(names.len(), before, "{lang:?}: two KPIs share a name");
        }
    }

    #[test]
    fn english_is_the_registry_and_every_display_unchanged() {
        for &id in KpiId::ALL {
            assert_eq!(kpi_name(id, Lang::En), id.def().name);
            assert_eq!(kpi_needs(id, Lang::En), id.def().needs);
            assert_eq!(kpi_explanation(id, Lang::En).formula, id.def().explanation.formula);
        }
        for gap in every_gap() {
            let why = Undefined::NoRows(gap);
            assert_eq!(undefined(&why, Lang::En), why.to_string());
        }
        for why in every_needs() {
            assert_eq!(undefined(&why, Lang::En), why.to_string());
        }
        for (error, _) in every_import_error() {
            assert_eq!(import_error(&error, Lang::En), error.to_string());
        }
        let all = every_notice();
        assert_eq!(notices(&all, Lang::En), crate::share::notice::summary(&all));
        for &o in Omission::ALL {
            let r = KpiResult::value(1.0).left_out(2089, o);
            assert_eq!(left_out(&r.left_out[0], Lang::En), r.left_out[0].to_string());
        }
    }

    #[test]
    fn why_a_kpi_has_no_value_is_worded_in_every_language() {
        let p = q1();
        for lang in OTHERS {
            for gap in every_gap() {
                let english = gap.to_string();
                let text = undefined(&Undefined::ZeroDenominator(gap.clone()), lang);
                assert_ne!(text, english, "{lang:?}");
                assert!(english_words(&text).is_empty(), "{lang:?}: {text}");
                if english.contains(&p.to_string()) {
                    assert!(text.contains(&period(p, lang)), "{lang:?}: the period is lost: {text}");
                }
                if english.contains("12,345") {
                    assert!(text.contains(&count(12345, lang)), "{lang:?}: the count is lost: {text}");
                }
                if english.contains("2026-03-31") && !english.contains(&p.to_string()) {
                    assert!(text.contains(&day(p.to, lang)), "{lang:?}: the day is lost: {text}");
                }
            }
            let over = undefined(&Undefined::Overflow, lang);
            assert_ne!(over, Undefined::Overflow.to_string());
            let part = undefined(
                &Undefined::NoRows(Gap::PartUndefined {
                    id: KpiId::WinRate,
                    why: Box::new(Undefined::NoRows(Gap::ZeroCycle)),
                }),
                lang,
            );
            assert!(part.contains(kpi_name(KpiId::WinRate, lang)), "{lang:?}: {part}");
            assert!(part.contains(&undefined(&Undefined::NoRows(Gap::ZeroCycle), lang)), "{lang:?}: {part}");
        }
    }

    #[test]
    fn missing_data_names_local_datasets_and_keeps_the_columns() {
        let needs = every_needs();
        assert!(needs.len() >= 10, "the KPIs name at least ten different needs: {needs:?}");
        for lang in OTHERS {
            for why in &needs {
                let text = undefined(why, lang);
                assert_ne!(text, why.to_string(), "{lang:?}");
                assert!(english_words(&text).is_empty(), "{lang:?}: {text}");
                let Undefined::NeedsData { fields, .. } = why else { unreachable!() };
                for field in fields.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_')) {
                    if field.contains('_') {
                        assert!(text.contains(field), "{lang:?}: {field} is lost: {text}");
                    }
                }
            }
            for kind in DatasetKind::ALL {
                assert_ne!(dataset_name(kind, lang), kind.name(), "{lang:?}");
            }
        }
    }

    #[test]
    fn left_out_rows_take_the_local_count_and_plural() {
        for lang in OTHERS {
            for &o in Omission::ALL {
                for n in [1, 2, 5, 22, 112, 12345] {
                    let r = KpiResult::value(1.0).left_out(n, o);
                    let text = left_out(&r.left_out[0], lang);
                    assert_ne!(text, r.left_out[0].to_string(), "{lang:?} {o:?}");
                    assert!(text.starts_with(&format!("{} ", count(n, lang))), "{lang:?}: {text}");
                    assert!(english_words(&text).is_empty(), "{lang:?}: {text}");
                }
            }
        }
        let pl = |o: Omission, n: usize| book(Lang::Pl).omission(o, n);
        for &o in Omission::ALL {
            assert_eq!(Lang::Pl.plural(2), Plural::Few);
            assert_eq!(pl(o, 2), pl(o, 22), "{o:?}: 2 and 22 take the same form");
            assert_eq!(pl(o, 5), pl(o, 112), "{o:?}: 5 and 112 take the same form");
            assert_ne!(pl(o, 1), pl(o, 5), "{o:?}: 1 and 5 differ");
            assert_eq!(book(Lang::De).omission(o, 2), book(Lang::De).omission(o, 112), "{o:?}");
            assert_ne!(book(Lang::De).omission(o, 1), book(Lang::De).omission(o, 2), "{o:?}");
        }
        let won = |n| left_out(&KpiResult::value(1.0).left_out(n, Omission::WonNoClose).left_out[0], Lang::Pl);
        assert_eq!(won(1), "1 wygrana transakcja nie ma daty zamknięcia");
        assert_eq!(won(2), "2 wygrane transakcje nie mają daty zamknięcia");
        assert_eq!(won(5), "5 wygranych transakcji nie ma daty zamknięcia");
        assert_eq!(won(22), "22 wygrane transakcje nie mają daty zamknięcia");
        assert_eq!(won(112), "112 wygranych transakcji nie ma daty zamknięcia");
        let de = |n| left_out(&KpiResult::value(1.0).left_out(n, Omission::OpenNoAmount).left_out[0], Lang::De);
        assert_eq!(de(1), "1 offener Deal hat keinen Betrag");
        assert_eq!(de(2089), "2.089 offene Deals haben keinen Betrag");
        let zh = left_out(&KpiResult::value(1.0).left_out(2089, Omission::OpenNoAmount).left_out[0], Lang::Zh);
        assert_eq!(zh, "2,089 笔未结交易没有金额");
    }

    #[test]
    fn import_errors_keep_file_names_and_values_in_every_language() {
        for lang in OTHERS {
            for (error, kept) in every_import_error() {
                let text = import_error(&error, lang);
                assert_ne!(text, error.to_string(), "{lang:?}");
                for k in kept {
                    assert!(text.contains(k), "{lang:?}: {k:?} is lost: {text}");
                }
                let words: Vec<String> =
                    english_words(&text).into_iter().filter(|w| !["not", "a", "is"].contains(&w.as_str())).collect();
                let own = matches!(error, ImportError::NoUsableRows { .. });
                assert!(own || words.is_empty(), "{lang:?}: {words:?} in {text}");
            }
        }
    }

    #[test]
    fn reported_words_are_given_as_they_came_in_every_language() {
        let said = "crm.csv ist keine Textdatei (sie enthält Binärdaten). Laden Sie einen CSV-Export.";
        let error = ImportError::Reported { message: said.into() };
        for lang in OTHERS.into_iter().chain([Lang::En]) {
            assert_eq!(import_error(&error, lang), said, "{lang:?}");
        }
    }

    #[test]
    fn notices_read_in_every_language_with_local_counts_and_plurals() {
        for lang in OTHERS {
            for n in every_notice() {
                let text = notice(&n, lang);
                assert_ne!(text, n.to_string(), "{lang:?}");
                assert!(english_words(&text).is_empty(), "{lang:?}: {text}");
                if let Notice::Dropped { count: c, reason, .. } = n {
                    if n.to_string().starts_with(&c.to_string()) {
                        assert!(text.contains(&count(c, lang)), "{lang:?}: the count is lost: {text}");
                    }
                    if let Reason::TooLong(limit) = reason {
                        assert!(text.contains(&count(limit, lang)), "{lang:?}: {text}");
                    }
                }
            }
            let all = notices(&every_notice(), lang).unwrap();
            assert!(all.ends_with('.') || all.ends_with('。'), "{lang:?}");
            assert_eq!(notices(&[], lang), None);
        }
        let files = |n| notice(&Notice::Dropped { part: Part::Files, count: n, reason: Reason::Repeated }, Lang::Pl);
        assert_eq!(files(1), "pominięto 1 plik (powtórzenie)");
        assert_eq!(files(2), "pominięto 2 pliki (powtórzenie)");
        assert_eq!(files(5), "pominięto 5 plików (powtórzenie)");
        assert_eq!(files(22), "pominięto 22 pliki (powtórzenie)");
        assert_eq!(files(112), "pominięto 112 plików (powtórzenie)");
        assert_eq!(
            notices(&[Notice::NewerVersion], Lang::De).unwrap(),
            "Dies wurde mit einer neueren Version von pipelens erstellt; gezeigt wird, was diese Version versteht."
        );
        let zh = notices(
            &[Notice::Dropped { part: Part::Targets, count: 2, reason: Reason::Unknown }, Notice::NewerVersion],
            Lang::Zh,
        );
        assert_eq!(
            zh.unwrap(),
            "已省略 2 个目标（此版本无法识别）；此内容由更新版本的 pipelens 创建；这里只显示本版本能识别的部分。"
        );
    }

    #[test]
    fn group_titles_are_translated() {
        for lang in OTHERS {
            for g in Group::ALL {
                assert_ne!(group_title(g, lang), g.title(), "{lang:?}");
            }
        }
    }

    /// Every note, share error and label the KPIs give on the demo company: over its default
    /// scope, and filtered by a value of each dimension (which the customers and spend tables
    /// cannot take).
    fn demo_results() -> Vec<KpiResult> {
        let full = crate::demo::demo_workspace(crate::demo::DEMO_SEED);
        let scope = full.default_scope().unwrap();
        let mut scopes = vec![scope.clone()];
        for d in crate::Dim::ALL {
            if let Some(v) = crate::kpi::segment_values(&full, d, &[DatasetKind::Deals]).first() {
                scopes.push(crate::Scope { filters: scope.filters.with(d, v), ..scope.clone() });
            }
        }
        let mut out = Vec::new();
        for ws in [full.clone(), {
            let mut w = full.clone();
            w.remove(DatasetKind::Customers);
            w
        }] {
            for s in &scopes {
                out.extend(crate::kpi::compute_all(&ws, s).into_iter().map(|(_, r)| r));
            }
        }
        out
    }

    #[test]
    fn every_label_a_result_carries_is_in_the_glossary() {
        let mut labels: Vec<String> = Vec::new();
        for r in demo_results() {
            labels.extend(r.companions.iter().map(|c| c.label.to_owned()));
            for b in &r.breakdown {
                labels.push(b.dim.to_owned());
                if matches!(b.dim, "type" | "deal_type") || b.segment.starts_with('(') {
                    labels.push(b.segment.clone());
                }
            }
            if let Some(t) = &r.table {
                labels.push(t.label.clone());
                labels.extend(t.columns.iter().map(|c| c.label.clone()));
                let status = t.columns.iter().position(|c| c.key == "status");
                for row in &t.rows {
                    if let Some(crate::kpi::Cell::Text(s)) = status.and_then(|i| row.cells.get(i)) {
                        labels.push(s.clone());
                    }
                }
            }
        }
        labels.retain(|l| l.chars().any(char::is_alphabetic));
        labels.sort();
        labels.dedup();
        assert!(labels.len() > 30, "the demo shows many labels: {labels:?}");
        for lang in Lang::ALL {
            for l in &labels {
                assert!(glossary::lookup(l, lang).is_some(), "{lang:?}: no word for {l:?}");
            }
        }
        assert_eq!(label("won", Lang::Pl), "wygrana");
    }

    #[test]
    fn notes_and_share_errors_are_worded_in_every_language() {
        let mut notes: Vec<Note> = demo_results().into_iter().flat_map(|r| r.notes).collect();
        notes.dedup();
        assert!(notes.iter().any(|n| matches!(n, Note::Unfiltered { .. })), "{notes:?}");
        notes.extend([
            Note::SegmentOverflow("Ann".into()),
            Note::TargetsUnrealistic,
            Note::TargetsTooEasy,
            Note::NewFromDeals,
            Note::FunnelFromHistory,
            Note::LifetimeFromDeals,
        ]);
        let errors = [ShareError::NotBase64, ShareError::Corrupt, ShareError::TooLarge, ShareError::NewerFormat(9)];
        for lang in OTHERS {
            for n in &notes {
                let text = note(n, lang);
                assert_ne!(text, n.to_string(), "{lang:?}");
                assert!(english_words(&text).is_empty(), "{lang:?}: {text}");
            }
            for e in &errors {
                let text = share_error(e, lang);
                assert_ne!(text, e.to_string(), "{lang:?}");
                assert!(english_words(&text).is_empty(), "{lang:?}: {text}");
            }
            assert!(share_error(&ShareError::NewerFormat(9), lang).contains('9'));
            assert!(share_error(&ShareError::TooLarge, lang).contains("64"));
        }
        for n in &notes {
            assert_eq!(note(n, Lang::En), n.to_string());
        }
        let unfiltered = Note::Unfiltered { dataset: DatasetKind::Customers, dim: crate::Dim::LeadSource };
        assert_eq!(note(&unfiltered, Lang::Zh), "客户没有“线索来源”列：未按其筛选");
    }
}
