//! Columns recognised by meaning: a header is cut into words ([`words`]), the words are scored
//! against each field's word lists (one file per concern: [`identity`], [`people`], [`when`],
//! [`money`], [`outcome`], [`segments`], [`forecast`]), a sample of the column's cells confirms or rules out
//! the guess ([`values`]), and [`assign`] gives each field its best column, no column twice,
//! with the reason in words.

pub mod assign;
#[cfg(test)]
mod crm_headers;
pub mod forecast;
pub mod identity;
pub mod money;
pub mod normalise;
pub mod outcome;
pub mod people;
pub mod reason;
pub mod segments;
pub mod values;
pub mod when;

pub use assign::{assign, Assignment, Choice};
pub use normalise::{words, Words};
pub use reason::{CellKind, Evidence, How, MappingReason};
pub use values::{ColumnValues, Expect, Verdict};

/// The words that say a column holds one field.
#[derive(Debug)]
pub struct Meaning {
    /// Canonical field name.
    pub field: &'static str,
    /// Phrases (folded words separated by spaces, see [`words`]) and how strongly each says the
    /// field, 1–10. A phrase matches when the header has each of its words.
    pub phrases: &'static [(&'static str, u8)],
    /// Words that rule the field out whatever else the header says ("Stage Duration").
    pub not: &'static [&'static str],
}

/// Every deals field with word lists.
pub const MEANINGS: &[&Meaning] = &[
    &identity::DEAL_ID,
    &money::AMOUNT,
    &money::CURRENCY,
    &outcome::STAGE,
    &outcome::STATUS,
    &outcome::IS_WON,
    &outcome::IS_CLOSED,
    &outcome::LOST_STAGE,
    &when::CREATED,
    &when::CLOSED,
    &when::WON,
    &when::LOST,
    &people::OWNER,
    &people::TEAM,
    &segments::REGION,
    &segments::PRODUCT,
    &segments::LEAD_SOURCE,
    &segments::DEAL_TYPE,
    &segments::ACCOUNT,
    &forecast::PROBABILITY,
    &forecast::FORECAST_CATEGORY,
];

/// Words that name the record type a CRM writes before its columns ("Deal - Value",
/// "Opportunity Owner"): they neither help nor hurt a match.
const NEUTRAL: &[&str] = &[
    "deal",
    "deals",
    "opportunity",
    "opportunities",
    "potential",
    "potentials",
    "chance",
    "chancen",
    "szansa",
    "szansy",
    "transakcja",
    "transakcji",
    "商机",
    "机会",
    "oportunidad",
    "opportunite",
    "oportunidade",
    "opportunita",
    "kans",
    "сделка",
    "сделки",
    "the",
    "of",
    "de",
    "der",
    "die",
    "des",
    "du",
    "la",
    "le",
    "el",
    "do",
    "da",
    "di",
    "van",
    "het",
    "am",
    "on",
    "at",
    "data",
    "date",
    "datum",
    "fecha",
    "日期",
    "dата",
    "дата",
    "name",
    "nazwa",
];

/// The word lists of `field`, if it has any.
pub fn meaning_of(field: &str) -> Option<&'static Meaning> {
    MEANINGS.iter().copied().find(|m| m.field == field)
}

/// What a field's cells must be.
pub fn expect_of(field: &str) -> Expect {
    match field {
        "deal_id" => Expect::Id,
        "amount" => Expect::Amount,
        "created_date" | "close_date" | "won_date" | "lost_date" => Expect::Date,
        "is_won" | "is_closed" => Expect::Flag,
        "status" => Expect::Outcome,
        "owner" => Expect::Person,
        _ => Expect::Text,
    }
}

/// How strongly a header's words say `meaning`'s field, and the phrase that said it: 10 per
/// point of the phrase's weight, plus 3 per word it covers, less 4 per other word (record-type
/// words aside). `None` when no phrase matches or a ruling-out word is there.
///
/// ```
/// use pipelens_engine::ingest::meaning::{score_words, words, when::CLOSED, outcome::STAGE};
/// let close = score_words(&CLOSED, &words("Close Date")).unwrap().0;
/// let expected = score_words(&CLOSED, &words("Expected Close Date")).unwrap().0;
/// assert!(close > expected);
/// assert_eq!(score_words(&STAGE, &words("Stage Duration")), None);
/// ```
pub fn score_words(meaning: &Meaning, header: &Words) -> Option<(u32, &'static str)> {
    if meaning.not.iter().any(|n| header.has(n).is_some()) {
        return None;
    }
    let mut best: Option<(u32, &'static str)> = None;
    for &(phrase, weight) in meaning.phrases {
        let mut covered = vec![false; header.words.len()];
        let mut all = true;
        for word in phrase.split(' ') {
            match header.has(word) {
                Some(i) => covered[i] = true,
                None => {
                    all = false;
                    break;
                }
            }
        }
        if !all {
            continue;
        }
        let mut score = u32::from(weight) * 10;
        for (i, w) in header.words.iter().enumerate() {
            if covered[i] {
                score += 3;
            } else if !NEUTRAL.contains(&w.as_str()) && !w.chars().all(|c| c.is_ascii_digit()) {
                score = score.saturating_sub(4);
            }
        }
        if score > 0 && best.is_none_or(|(b, _)| score > b) {
            best = Some((score, phrase));
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The field whose words score `header` highest, among all fields.
    fn best_field(header: &str) -> Option<&'static str> {
        let w = words(header);
        let mut best: Option<(u32, &str)> = None;
        for m in MEANINGS {
            if let Some((s, _)) = score_words(m, &w) {
                if best.is_none_or(|(b, _)| s > b) {
                    best = Some((s, m.field));
                }
            }
        }
        best.map(|(_, f)| f)
    }

    #[test]
    fn headers_in_many_languages_and_crms_mean_their_field() {
        let cases: &[(&str, Option<&str>)] = &[
            ("Potential Owner", Some("owner")),
            ("Opportunity Owner", Some("owner")),
            ("Deal owner", Some("owner")),
            ("User Name", Some("owner")),
            ("Handlowiec", Some("owner")),
            ("Verantwortlicher", Some("owner")),
            ("负责人", Some("owner")),
            ("Propietario", Some("owner")),
            ("Assigned To", Some("owner")),
            ("Salesperson", Some("owner")),
            ("Ответственный", Some("owner")),
            ("Created Time", Some("created_date")),
            ("Created On", Some("created_date")),
            ("add_time", Some("created_date")),
            ("deal_created_date", Some("created_date")),
            ("Data utworzenia", Some("created_date")),
            ("创建日期", Some("created_date")),
            ("Fecha de creación", Some("created_date")),
            ("Date de création", Some("created_date")),
            ("Data de criação", Some("created_date")),
            ("Data di creazione", Some("created_date")),
            ("Aanmaakdatum", Some("created_date")),
            ("Дата создания", Some("created_date")),
            ("Created By", None),
            ("创建人", None),
            ("Close Date", Some("close_date")),
            ("Closing Date", Some("close_date")),
            ("Actual Close Date", Some("close_date")),
            ("Fecha de cierre", Some("close_date")),
            ("Date de clôture", Some("close_date")),
            ("Data zamknięcia", Some("close_date")),
            ("Amount", Some("amount")),
            ("Amount (converted)", Some("amount")),
            ("Est. Revenue", Some("amount")),
            ("Expected Revenue", Some("amount")),
            ("Importe", Some("amount")),
            ("Montant", Some("amount")),
            ("Weighted Amount", None),
            ("Amount Currency", Some("currency")),
            ("Opportunity Name", Some("deal_id")),
            ("Deal - ID", Some("deal_id")),
            ("Stage", Some("stage")),
            ("Deal Stage", Some("stage")),
            ("Stage Duration", None),
            ("Etapa", Some("stage")),
            ("Status", Some("status")),
            ("Status Reason", None),
            ("Estado", Some("status")),
            ("Won time", Some("won_date")),
            ("Lost time", Some("lost_date")),
            ("Lead Source", Some("lead_source")),
            ("Fuente", Some("lead_source")),
            ("Opportunity Type", Some("deal_type")),
            ("Opportunity Record Type", None),
            ("Account Name", Some("account")),
            ("Organization", Some("account")),
            ("Account Owner", None),
            ("Sales Team", Some("team")),
            ("Territory", Some("region")),
            ("Product Name", Some("product")),
            ("Währung", Some("currency")),
            ("user_id", Some("owner")),
        ];
        for (header, want) in cases {
            assert_eq!(best_field(header), *want, "{header:?}");
        }
    }

    #[test]
    fn every_meaning_is_for_a_deals_field_and_its_phrases_are_folded() {
        for m in MEANINGS {
            assert!(super::super::DEAL_FIELDS.iter().any(|f| f.name == m.field), "{}", m.field);
            for (phrase, weight) in m.phrases {
                assert_eq!(words(phrase).words.join(" "), *phrase, "{}: {phrase}", m.field);
                assert!((1..=10).contains(weight));
            }
        }
    }
}
