//! Gives each field its column: every (field, column) pair is scored from the header (a whole
//! synonym of the field's list beats any word match) and the column's cells, and the best pairs
//! are taken first, so no column serves two fields and each field gets its strongest column.

use super::super::mapping::FieldSpec;
use super::reason::{How, MappingReason};
use super::values::{ColumnValues, Verdict};
use super::{expect_of, meaning_of, score_words, words};

/// Score of a header equal to a field's first synonym; later synonyms score one less each.
const WHOLE_NAME: u32 = 1_000;

/// A field's column and why it was chosen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choice {
    /// Column index.
    pub column: usize,
    /// The score the choice won with.
    pub score: u32,
    /// The reason ("header 'Deal owner' names owner and 12 distinct person-like values").
    pub reason: MappingReason,
}

/// The columns chosen for a dataset's fields.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Assignment {
    /// Per field (in the order of the dataset's fields), its column, if one was found.
    pub chosen: Vec<Option<Choice>>,
    /// Required fields whose best column only narrowly beat another one: the user should look.
    pub unsure: Vec<&'static str>,
}

impl Assignment {
    /// The column of each field.
    pub fn mapping(&self) -> Vec<Option<usize>> {
        self.chosen.iter().map(|c| c.as_ref().map(|c| c.column)).collect()
    }

    /// The reason of each field's column.
    pub fn reasons(&self) -> Vec<Option<MappingReason>> {
        self.chosen.iter().map(|c| c.as_ref().map(|c| c.reason.clone())).collect()
    }
}

struct Candidate {
    score: u32,
    field: usize,
    column: usize,
    reason: MappingReason,
    whole: bool,
}

/// Chooses a column for each of `fields` from `headers` and, when given, `rows` (a sample of the
/// file's rows, cells in header order). Without rows the headers alone decide.
///
/// ```
/// use pipelens_engine::ingest::{meaning::assign, DEAL_FIELDS};
/// let headers: Vec<String> = ["Deal Name", "Deal owner", "Amount", "Deal Stage", "Create Date"].map(String::from).to_vec();
/// let rows: Vec<Vec<String>> = vec![
///     ["Acme", "Ann Lee", "100", "Won", "2024-01-02"].map(String::from).to_vec(),
///     ["Beta", "Bo Chen", "200", "Lost", "2024-01-03"].map(String::from).to_vec(),
///     ["Coda", "Ann Lee", "300", "Open", "2024-01-04"].map(String::from).to_vec(),
/// ];
/// let a = assign(DEAL_FIELDS, &headers, &rows);
/// let owner = DEAL_FIELDS.iter().position(|f| f.name == "owner").unwrap();
/// let choice = a.chosen[owner].as_ref().unwrap();
/// assert_eq!(choice.column, 1);
/// assert_eq!(choice.reason.to_string(), "header 'Deal owner' names owner and 2 distinct person-like values");
/// ```
pub fn assign(fields: &[FieldSpec], headers: &[String], rows: &[Vec<String>]) -> Assignment {
    let normalised: Vec<String> = headers.iter().map(|h| super::super::mapping::normalise_header(h)).collect();
    let header_words: Vec<_> = headers.iter().map(|h| words(h)).collect();
    let values: Vec<Option<ColumnValues>> = (0..headers.len())
        .map(|c| (!rows.is_empty()).then(|| ColumnValues::of(rows.iter().map(|r| r.get(c).map_or("", String::as_str)))))
        .collect();
    // The word lists are written for deals (the dataset whose key, deal_id, comes first): the
    // other datasets keep their whole names, so telling datasets apart does not change.
    let words_apply = fields.first().is_some_and(|f| f.name == "deal_id");
    let mut candidates = Vec::new();
    for (f, spec) in fields.iter().enumerate() {
        let meaning = meaning_of(spec.name).filter(|_| words_apply);
        for (c, header) in headers.iter().enumerate() {
            let joined = header_words[c].joined();
            let whole = spec
                .synonyms
                .iter()
                .position(|s| normalised[c] == *s || joined == *s)
                .map(|rank| (WHOLE_NAME - rank.min(500) as u32, true));
            let by_words = || {
                let (score, _) = score_words(meaning?, &header_words[c])?;
                Some((score, false))
            };
            let is_whole = whole.is_some();
            let Some((mut score, named)) = whole.or_else(by_words) else { continue };
            let how = if named { How::Names } else { How::Says };
            let mut reason = MappingReason { header: header.clone(), field: spec.name, how, evidence: None };
            match values[c].as_ref().map(|v| v.verdict(expect_of(spec.name))) {
                Some(Verdict::Fits(bonus, why)) => {
                    score += bonus;
                    reason.evidence = Some(why);
                }
                // A whole name stands even when its cells disagree: the report lists those cells.
                Some(Verdict::Contradicts(_)) if !is_whole => continue,
                _ => {}
            }
            candidates.push(Candidate { score, field: f, column: c, reason, whole: is_whole });
        }
    }
    // Best score first; on a tie the earlier field, then the earlier column.
    crate::sort::sort_by_key(&mut candidates, |c| (std::cmp::Reverse(c.score), c.field, c.column));
    let mut chosen: Vec<Option<Choice>> = vec![None; fields.len()];
    let mut taken = vec![false; headers.len()];
    for cand in &candidates {
        if chosen[cand.field].is_some() || taken[cand.column] {
            continue;
        }
        taken[cand.column] = true;
        chosen[cand.field] = Some(Choice { column: cand.column, score: cand.score, reason: cand.reason.clone() });
    }
    drop_planned_close(fields, &header_words, &mut chosen);
    // A required field is unsure when another free column scored within a few points by words.
    let mut unsure = Vec::new();
    for (f, spec) in fields.iter().enumerate() {
        let Some(choice) = chosen[f].as_ref().filter(|_| spec.required) else { continue };
        let rival = candidates.iter().any(|c| {
            c.field == f && c.column != choice.column && !taken[c.column] && !c.whole && c.score + 5 >= choice.score
        });
        if rival && choice.score < WHOLE_NAME {
            unsure.push(spec.name);
        }
    }
    Assignment { chosen, unsure }
}

/// A planned close date ("Expected close date") is no close date for a deal that was won or
/// lost: when the file has won or lost times, those place the closed deals instead.
fn drop_planned_close(fields: &[FieldSpec], header_words: &[super::Words], chosen: &mut [Option<Choice>]) {
    let at = |name: &str| fields.iter().position(|f| f.name == name);
    let has = |name: &str, chosen: &[Option<Choice>]| at(name).is_some_and(|i| chosen[i].is_some());
    let Some(close) = at("close_date") else { return };
    let planned = chosen[close].as_ref().is_some_and(|c| {
        header_words.get(c.column).is_some_and(|w| super::when::TENTATIVE.iter().any(|t| w.has(t).is_some()))
    });
    if planned && (has("won_date", chosen) || has("lost_date", chosen)) {
        chosen[close] = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::DEAL_FIELDS;

    fn strings(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    fn field_of(a: &Assignment, headers: &[String], field: &str) -> Option<String> {
        let i = DEAL_FIELDS.iter().position(|f| f.name == field)?;
        Some(headers[a.chosen[i].as_ref()?.column].clone())
    }

    #[test]
    fn cells_rule_out_a_header_that_only_sounds_right() {
        // "Value Date" sounds like an amount and a date; its cells are dates.
        let headers = strings(&["Deal ID", "Deal Value (text)", "Score", "Created"]);
        let rows: Vec<Vec<String>> =
            (0..5).map(|i| strings(&[&format!("D{i}"), "see notes", &format!("{}", i * 10), "2024-01-02"])).collect();
        let a = assign(DEAL_FIELDS, &headers, &rows);
        assert_eq!(field_of(&a, &headers, "amount"), None, "text is no amount");
        let a = assign(DEAL_FIELDS, &headers, &[]);
        assert_eq!(field_of(&a, &headers, "amount").as_deref(), Some("Deal Value (text)"), "headers alone");
    }

    #[test]
    fn no_column_serves_two_fields_and_the_stronger_claim_wins() {
        let headers = strings(&["Close Date", "Expected Close Date", "Created On", "Won time"]);
        let a = assign(DEAL_FIELDS, &headers, &[]);
        assert_eq!(field_of(&a, &headers, "close_date").as_deref(), Some("Close Date"));
        assert_eq!(field_of(&a, &headers, "created_date").as_deref(), Some("Created On"));
        assert_eq!(field_of(&a, &headers, "won_date").as_deref(), Some("Won time"));
        let used: Vec<usize> = a.mapping().into_iter().flatten().collect();
        let mut dedup = used.clone();
        dedup.sort();
        dedup.dedup();
        assert_eq!(used.len(), dedup.len());
    }

    #[test]
    fn other_datasets_keep_their_whole_names() {
        let headers = strings(&["Ref", "Summe"]);
        let spend = crate::ingest::DatasetKind::Spend.fields();
        assert!(assign(spend, &headers, &[]).mapping().iter().all(Option::is_none));
        assert_eq!(field_of(&assign(DEAL_FIELDS, &headers, &[]), &headers, "amount").as_deref(), Some("Summe"));
    }

    #[test]
    fn won_and_lost_times_beat_a_planned_close_date() {
        let headers = strings(&["Deal - Expected close date", "Deal - Won time", "Deal - Lost time"]);
        let a = assign(DEAL_FIELDS, &headers, &[]);
        assert_eq!(field_of(&a, &headers, "close_date"), None);
        assert_eq!(field_of(&a, &headers, "won_date").as_deref(), Some("Deal - Won time"));
        let headers = strings(&["Expected close date", "Created"]);
        let a = assign(DEAL_FIELDS, &headers, &[]);
        assert_eq!(field_of(&a, &headers, "close_date").as_deref(), Some("Expected close date"));
    }

    proptest::proptest! {
        #[test]
        fn any_headers_and_cells_give_each_column_to_one_field_at_most(
            headers in proptest::collection::vec("[ -~À-ɏ一-龥а-я_()%.#-]{0,24}", 0..14),
            cells in proptest::collection::vec(proptest::collection::vec("[ -~€zł¥0-9.,/-]{0,14}", 0..16), 0..12),
        ) {
            let a = assign(DEAL_FIELDS, &headers, &cells);
            proptest::prop_assert_eq!(a.chosen.len(), DEAL_FIELDS.len());
            let mut used: Vec<usize> = a.mapping().into_iter().flatten().collect();
            proptest::prop_assert!(used.iter().all(|&c| c < headers.len()));
            let n = used.len();
            used.sort_unstable();
            used.dedup();
            proptest::prop_assert_eq!(used.len(), n);
            for (choice, spec) in a.chosen.iter().zip(DEAL_FIELDS) {
                if let Some(c) = choice {
                    proptest::prop_assert!(c.reason.to_string().contains(spec.name), "{}", c.reason);
                }
            }
        }
    }

    #[test]
    fn two_equal_word_matches_for_a_required_field_are_unsure() {
        let headers = strings(&["Deal", "Auftragswert", "Importe", "Status", "Created"]);
        let a = assign(DEAL_FIELDS, &headers, &[]);
        assert_eq!(a.unsure, ["amount"]);
    }
}
