//! The engine's messages as one interface per language ([`Phrases`]): why a KPI has no value,
//! rows left out, import errors and share-link notices. A language is a type that implements
//! every method, so a language missing a message does not compile; each method matches its
//! enum without a catch-all arm, so a new case does not compile until every language words it.

use crate::ingest::{DatasetKind, Rejection};
use crate::kpi::{Gap, Note, Omission, Undefined};
use crate::lang::Lang;
use crate::share::{Notice, ShareError};
use crate::ImportError;

/// One language's wording of the engine's messages.
pub(super) trait Phrases {
    /// The language, for counts, days and KPI names inside the messages.
    fn lang(&self) -> Lang;

    /// A dataset's name as it reads inside a sentence ("needs deals: …").
    fn dataset(&self, kind: DatasetKind) -> &'static str;

    /// The word joining alternatives ("stage or status").
    fn or(&self) -> &'static str;

    /// The remaining English words of field lists (`(dates with times)`) and their wording.
    fn field_words(&self) -> &'static [(&'static str, &'static str)];

    /// "needs {dataset}: {fields}", both already in this language.
    fn needs(&self, dataset: &str, fields: &str) -> String;

    /// A case with nothing to compute over, or a zero denominator.
    fn gap(&self, gap: &Gap) -> String;

    /// The value is not a finite number.
    fn overflow(&self) -> &'static str;

    /// What `count` left-out rows lack, phrased to follow the count.
    fn omission(&self, omission: Omission, count: usize) -> &'static str;

    /// A whole left-out line: the count and what the rows lack.
    fn left_out(&self, omission: Omission, count: usize) -> String {
        format!("{} {}", super::count(count, self.lang()), self.omission(omission, count))
    }

    /// An import error, as full sentences.
    fn import_error(&self, error: &ImportError) -> String;

    /// Why a data row was not kept.
    fn rejection(&self, why: &Rejection) -> String;

    /// One notice, as a clause of the notice bar's sentence.
    fn notice(&self, notice: &Notice) -> String;

    /// The notice clauses as one sentence.
    fn sentence(&self, clauses: &[String]) -> String;

    /// A warning beside a KPI's value.
    fn note(&self, note: &Note) -> String;

    /// The data-quality report's CSV: its six column names (the problem, line, column, header,
    /// value and reason), then what a rejected row and an unreadable cell are.
    fn problems_words(&self) -> ([&'static str; 6], [&'static str; 2]);

    /// An unreadable cell's reason in that CSV, from what its column holds (already worded).
    fn expected_reason(&self, expected: &str) -> String;

    /// Why a share link could not be opened.
    fn share_error(&self, error: &ShareError) -> String;

    /// Why a KPI has no value.
    fn undefined(&self, why: &Undefined) -> String {
        match why {
            Undefined::NeedsData { dataset, fields } => self.needs(&self.datasets(dataset), &self.fields(fields)),
            Undefined::NoRows(gap) | Undefined::ZeroDenominator(gap) => self.gap(gap),
            Undefined::Overflow => self.overflow().to_owned(),
        }
    }

    /// A dataset list as the KPI functions name it (`leads.touchpoints_to_meeting or
    /// activities`): each dataset's name in this language, fields kept, `or` translated.
    fn datasets(&self, text: &str) -> String {
        let parts: Vec<String> = text
            .split(" or ")
            .map(|part| {
                let (name, field) = part.split_once('.').map_or((part, None), |(n, f)| (n, Some(f)));
                let local =
                    DatasetKind::ALL.iter().find(|k| k.name() == name.trim()).map_or(name.trim(), |&k| self.dataset(k));
                match field {
                    Some(f) => format!("{local}.{f}"),
                    None => local.to_owned(),
                }
            })
            .collect();
        parts.join(&format!(" {} ", self.or()))
    }

    /// A field list as the KPI functions name it: canonical field names kept, the English
    /// words between them in this language.
    fn fields(&self, text: &str) -> String {
        let mut out = text.to_owned();
        for (en, local) in self.field_words() {
            out = out.replace(en, local);
        }
        out.replace(" or ", &format!(" {} ", self.or()))
    }
}

/// The English phrases: every message's own `Display`, so English text stays where it is made.
pub(super) struct English;

impl Phrases for English {
    fn lang(&self) -> Lang {
        Lang::En
    }

    fn dataset(&self, kind: DatasetKind) -> &'static str {
        kind.name()
    }

    fn or(&self) -> &'static str {
        "or"
    }

    fn field_words(&self) -> &'static [(&'static str, &'static str)] {
        &[]
    }

    fn needs(&self, dataset: &str, fields: &str) -> String {
        format!("needs {dataset}: {fields}")
    }

    fn gap(&self, gap: &Gap) -> String {
        gap.to_string()
    }

    fn overflow(&self) -> &'static str {
        "the amounts add up to more than can be represented"
    }

    fn omission(&self, omission: Omission, count: usize) -> &'static str {
        omission.english(count)
    }

    fn import_error(&self, error: &ImportError) -> String {
        error.to_string()
    }

    fn rejection(&self, why: &Rejection) -> String {
        why.to_string()
    }

    fn notice(&self, notice: &Notice) -> String {
        notice.to_string()
    }

    fn sentence(&self, clauses: &[String]) -> String {
        capitalised_sentence(clauses, "; ", ".")
    }

    fn undefined(&self, why: &Undefined) -> String {
        why.to_string()
    }

    fn note(&self, note: &Note) -> String {
        note.to_string()
    }

    fn problems_words(&self) -> ([&'static str; 6], [&'static str; 2]) {
        (["problem", "line", "column", "header", "value", "reason"], ["rejected row", "unreadable cell (row kept)"])
    }

    fn expected_reason(&self, expected: &str) -> String {
        format!("expected {expected}")
    }

    fn share_error(&self, error: &ShareError) -> String {
        error.to_string()
    }
}

/// `clauses` joined by `sep`, the first letter upper-cased, ending with `end`; empty when there
/// are no clauses.
pub(super) fn capitalised_sentence(clauses: &[String], sep: &str, end: &str) -> String {
    let text = clauses.join(sep);
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => format!("{}{}{end}", first.to_uppercase(), chars.as_str()),
        None => String::new(),
    }
}

/// A list of names joined by `, ` (the engine's English lists are joined the same way).
pub(super) fn list<S: AsRef<str>>(items: &[S]) -> String {
    items.iter().map(AsRef::as_ref).collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_needs_is_the_display() {
        let why = Undefined::NeedsData {
            dataset: "leads.touchpoints_to_meeting or activities",
            fields: "lead_id, type, date",
        };
        assert_eq!(English.undefined(&why), why.to_string());
        assert_eq!(
            English.datasets("leads.touchpoints_to_meeting or activities"),
            "leads.touchpoints_to_meeting or activities"
        );
        assert_eq!(English.fields("stage or status"), "stage or status");
    }

    #[test]
    fn sentences_start_upper_case_and_end_once() {
        assert_eq!(capitalised_sentence(&["ärger".into(), "b".into()], "; ", "."), "Ärger; b.");
        assert_eq!(capitalised_sentence(&[], "; ", "."), "");
    }
}
