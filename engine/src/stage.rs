//! Deal status (open / won / lost) and the rules that derive it from stage names.

use crate::column::DictColumn;
use serde::{Deserialize, Serialize};

/// Where a deal stands.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[repr(u8)]
pub enum Status {
    /// Still being worked.
    Open,
    /// Closed and won.
    Won,
    /// Closed and lost.
    Lost,
    /// No stage or status in the file: left out of every KPI that needs the status.
    Unknown,
}

impl Status {
    /// Whether the deal is closed (won or lost).
    pub fn is_closed(self) -> bool {
        matches!(self, Status::Won | Status::Lost)
    }

    /// Reads a status cell (`open`, `won`, `lost`, and their translations); `None` when the text
    /// is no known status.
    pub fn parse(text: &str) -> Option<Status> {
        let t = normalise(text);
        match classify_normalised(&t) {
            Status::Open => OPEN_WORDS.contains(&t.as_str()).then_some(Status::Open),
            kind => Some(kind),
        }
    }
}

const OPEN_WORDS: &[&str] = &["open", "offen", "otwarta", "otwarty", "进行中", "跟进中"];

/// Stage names (whole, after lower-casing) that mean won.
const WON_NAMES: &[&str] = &[
    "won",
    "closed won",
    "closedwon",
    "closed - won",
    "win",
    "gewonnen",
    "abgeschlossen gewonnen",
    "wygrana",
    "wygrany",
    "wygrane",
    "zamknięta wygrana",
    "赢单",
    "成交",
    "已成交",
    "赢得",
];
/// Stage names (whole, after lower-casing) that mean lost.
const LOST_NAMES: &[&str] = &[
    "lost",
    "closed lost",
    "closedlost",
    "closed - lost",
    "loss",
    "verloren",
    "abgeschlossen verloren",
    "przegrana",
    "przegrany",
    "przegrane",
    "zamknięta przegrana",
    "输单",
    "丢单",
    "失败",
    "已丢失",
];

fn normalise(text: &str) -> String {
    text.trim().to_lowercase()
}

/// Whether a stage name means won, lost or (anything else) open, read the way a sales-ops
/// analyst reads it, in English, German, Polish, Spanish, French, Portuguese, Italian, Dutch
/// and Chinese: a word for won makes it won; a word for lost (or abandoned, dead) makes it
/// lost; and a stage that says closed without saying won is lost, not open pipeline.
///
/// ```
/// use pipelens_engine::{classify_stage_name, Status};
/// assert_eq!(classify_stage_name("Closed Won"), Status::Won);
/// assert_eq!(classify_stage_name("Verloren"), Status::Lost);
/// assert_eq!(classify_stage_name("Closed: abandoned"), Status::Lost);
/// assert_eq!(classify_stage_name("Zamknięta"), Status::Lost);
/// assert_eq!(classify_stage_name("Cerrada ganada"), Status::Won);
/// assert_eq!(classify_stage_name("Negotiation"), Status::Open);
/// ```
pub fn classify_stage_name(name: &str) -> Status {
    classify_normalised(&normalise(name))
}

/// [`classify_stage_name`] of a name already [`normalise`]d.
fn classify_normalised(n: &str) -> Status {
    if WON_NAMES.contains(&n) {
        return Status::Won;
    }
    if LOST_NAMES.contains(&n) {
        return Status::Lost;
    }
    // "Closed Won - Paid", "6. Won", "Abgeschlossen – verloren": words among others.
    let words: Vec<&str> = n.split(|c: char| !(c.is_alphanumeric() || c == '\'')).filter(|w| !w.is_empty()).collect();
    // Every CJK word is outside ASCII: a name in ASCII is not searched for them. Most names
    // a file's columns are profiled with (ids, dates, amounts, people) are ASCII, and the six
    // searches were most of the time a preview spent on them.
    let cjk = !n.is_ascii();
    let has = |list: &[&str]| {
        words.iter().any(|w| list.contains(w)) || (cjk && CJK.iter().any(|(c, l)| *l == list && n.contains(c)))
    };
    if has(WON_WORDS) {
        Status::Won
    } else if has(LOST_WORDS) || has(CLOSED_WORDS) {
        Status::Lost
    } else {
        Status::Open
    }
}

/// Words that say a deal was won.
const WON_WORDS: &[&str] = &[
    "won",
    "win",
    "gewonnen",
    "wygrana",
    "wygrany",
    "wygrane",
    "ganada",
    "ganado",
    "gagné",
    "gagnée",
    "gagne",
    "ganha",
    "ganho",
    "vinta",
    "vinto",
    "gewonnen",
    "signed",
    "unterschrieben",
    "podpisana",
];
/// Words that say a deal was lost or given up.
const LOST_WORDS: &[&str] = &[
    "lost",
    "loss",
    "verloren",
    "przegrana",
    "przegrany",
    "przegrane",
    "perdida",
    "perdido",
    "pérdida",
    "perdu",
    "perdue",
    "perdida",
    "perso",
    "persa",
    "abandoned",
    "abandonado",
    "abandonada",
    "abgebrochen",
    "dead",
    "disqualified",
    "rejected",
    "abgelehnt",
    "odrzucona",
    "rechazada",
    "cancelled",
    "canceled",
    "storniert",
    "anulowana",
];
/// Words that say a deal is closed (without saying how: then it was not won).
const CLOSED_WORDS: &[&str] = &[
    "closed",
    "geschlossen",
    "abgeschlossen",
    "zamknięta",
    "zamknięty",
    "zamknięte",
    "cerrada",
    "cerrado",
    "fermée",
    "fermé",
    "fechada",
    "fechado",
    "chiusa",
    "chiuso",
    "gesloten",
];
/// Chinese words, matched inside the name (no spaces between words).
const CJK: &[(&str, &[&str])] = &[
    ("赢", WON_WORDS),
    ("成交", WON_WORDS),
    ("输", LOST_WORDS),
    ("丢", LOST_WORDS),
    ("失败", LOST_WORDS),
    ("关闭", CLOSED_WORDS),
];

/// The key under which spellings of one stage are one stage: letters and digits only, lower
/// case ("Closed Won", "closed-won" and "CLOSED WON" give `closedwon`).
pub fn stage_key(name: &str) -> String {
    name.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// Usual pipeline order of common open-stage names, earliest first. A name is ranked by the
/// first keyword it contains.
const STAGE_ORDER_KEYWORDS: &[&str] = &[
    "lead",
    "new",
    "prospect",
    "discover",
    "engag",
    "contact",
    "qualif",
    "meeting",
    "demo",
    "needs",
    "analysis",
    "solution",
    "proposal",
    "quote",
    "angebot",
    "oferta",
    "negotiat",
    "verhandlung",
    "negocjac",
    "review",
    "commit",
    "contract",
    "vertrag",
    "umowa",
];

/// How each stage maps to a status, and the order of the open stages.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct StageRules {
    /// Status of each stage code of the deals table's `stage` column.
    pub status_of: Vec<Status>,
    /// Open stage codes, earliest first.
    pub open_order: Vec<u32>,
}

impl StageRules {
    /// Infers the rules from stage names: won / lost by name, every other stage open, open
    /// stages ordered by well-known pipeline keywords (unknown names keep file order, after them).
    pub fn infer(stages: &DictColumn) -> StageRules {
        let status_of: Vec<Status> = stages.values.iter().map(|s| classify_stage_name(s)).collect();
        let mut open_order: Vec<u32> =
            (0..stages.values.len() as u32).filter(|&c| status_of[c as usize] == Status::Open).collect();
        crate::sort::sort_by_key(&mut open_order, |&c| {
            let name = normalise(&stages.values[c as usize]);
            STAGE_ORDER_KEYWORDS.iter().position(|k| name.contains(k)).unwrap_or(usize::MAX)
        });
        StageRules { status_of, open_order }
    }

    /// The status of a stage code (Unknown for a missing stage).
    #[inline]
    pub fn status(&self, code: u32) -> Status {
        self.status_of.get(code as usize).copied().unwrap_or(Status::Unknown)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_cjk_word_is_ascii() {
        // What lets an ASCII name skip the CJK searches.
        assert!(CJK.iter().all(|(w, _)| !w.is_ascii()));
        assert_eq!(classify_stage_name("赢单 - 2024"), Status::Won);
        assert_eq!(Status::parse(" 已丢失 "), Some(Status::Lost));
        assert_eq!(Status::parse("OPEN"), Some(Status::Open));
        assert_eq!(Status::parse("Negotiation"), None);
    }

    #[test]
    fn classifies_stage_names_in_several_languages() {
        let cases = [
            ("Won", Status::Won),
            ("Closed Won", Status::Won),
            ("closed-won", Status::Won),
            ("Gewonnen", Status::Won),
            ("Wygrana", Status::Won),
            ("赢单", Status::Won),
            ("Lost", Status::Lost),
            ("Closed Lost", Status::Lost),
            ("Verloren", Status::Lost),
            ("Przegrana", Status::Lost),
            ("输单", Status::Lost),
            ("Prospecting", Status::Open),
            ("Engaging", Status::Open),
            ("Won't say", Status::Open),
            ("", Status::Open),
        ];
        for (name, want) in cases {
            assert_eq!(classify_stage_name(name), want, "{name:?}");
        }
    }

    #[test]
    fn parses_status_cells() {
        assert_eq!(Status::parse("open"), Some(Status::Open));
        assert_eq!(Status::parse("WON"), Some(Status::Won));
        assert_eq!(Status::parse("lost"), Some(Status::Lost));
        assert_eq!(Status::parse("maybe"), None);
    }

    #[test]
    fn orders_open_stages_by_pipeline_keywords() {
        let mut c = DictColumn::default();
        for s in ["Negotiation", "Won", "Proposal", "Prospecting", "Custom step", "Lost", "Qualification"] {
            c.push(Some(s));
        }
        let rules = StageRules::infer(&c);
        let names: Vec<&str> = rules.open_order.iter().map(|&k| c.value(k).unwrap()).collect();
        assert_eq!(names, ["Prospecting", "Qualification", "Proposal", "Negotiation", "Custom step"]);
        assert_eq!(rules.status(c.code_of("Won").unwrap()), Status::Won);
        assert_eq!(rules.status(c.code_of("Lost").unwrap()), Status::Lost);
    }

    #[test]
    fn maven_stages_order_prospecting_before_engaging() {
        let mut c = DictColumn::default();
        for s in ["Won", "Engaging", "Lost", "Prospecting"] {
            c.push(Some(s));
        }
        let rules = StageRules::infer(&c);
        let names: Vec<&str> = rules.open_order.iter().map(|&k| c.value(k).unwrap()).collect();
        assert_eq!(names, ["Prospecting", "Engaging"]);
    }

    #[test]
    fn outcomes_read_the_way_a_sales_ops_analyst_reads_them() {
        let cases = [
            ("Closed Won", Status::Won),
            ("closed-won", Status::Won),
            ("CLOSED WON", Status::Won),
            ("Closed Won - Paid", Status::Won),
            ("Cerrada ganada", Status::Won),
            ("Gagnée", Status::Won),
            ("赢单", Status::Won),
            ("已成交", Status::Won),
            ("Closed: abandoned", Status::Lost),
            ("Abgeschlossen – verloren", Status::Lost),
            ("Zamknięta", Status::Lost),
            ("Cerrada perdida", Status::Lost),
            ("Closed Lost", Status::Lost),
            ("已关闭", Status::Lost),
            ("Dead", Status::Lost),
            ("Prospecting", Status::Open),
            ("Contract sent", Status::Open),
            ("Negotiation/Review", Status::Open),
            ("谈判中", Status::Open),
        ];
        for (name, status) in cases {
            assert_eq!(classify_stage_name(name), status, "{name}");
        }
    }

    #[test]
    fn spellings_of_one_stage_are_one_stage() {
        let mut stages = DictColumn::default();
        for s in ["Closed Won", "Prospecting", "closed-won", "CLOSED WON", "Closed Lost", "prospecting"] {
            stages.push(Some(s));
        }
        stages.merge_variants(stage_key);
        assert_eq!(stages.values, ["Closed Won", "Prospecting", "Closed Lost"]);
        assert_eq!(stages.codes, [0, 1, 0, 0, 2, 1]);
        assert_eq!(stages.code_of("Closed Lost"), Some(2));
        assert_eq!(stages.code_of("closed-won"), None);
    }
}
