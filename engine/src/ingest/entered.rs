//! The `entered_<stage>` columns of a deals export: the day each deal last entered each stage
//! (KPI_SPEC.md lists them; HubSpot exports them as `date_entered_<stage>` properties, or as
//! "Date entered "Stage (Pipeline)"" in its labelled exports). Read beside the canonical deal
//! fields, they give a stage history when no history file is loaded
//! ([`crate::history::StageHistory::from_entered_dates`]).

use super::dates::{read_date, DateColumnBuilder, DateOrder};
use super::sink::Row;
use crate::column::DateColumn;

/// Prefixes of the snake-case headers, longest first (compared lower-cased).
const PREFIXES: [&str; 4] = ["hs_v2_date_entered_", "hs_date_entered_", "date_entered_", "entered_"];

/// The stage an `entered_<stage>` header names, `None` for any other header.
///
/// ```
/// use pipelens_engine::ingest::entered_stage;
/// assert_eq!(entered_stage("entered_Proposal").as_deref(), Some("Proposal"));
/// assert_eq!(entered_stage("date_entered_closedwon").as_deref(), Some("closedwon"));
/// assert_eq!(entered_stage("Date entered \"Contract Sent (Sales Pipeline)\"").as_deref(), Some("Contract Sent"));
/// assert_eq!(entered_stage("created_date"), None);
/// ```
pub fn entered_stage(header: &str) -> Option<String> {
    let h = header.trim();
    let lower = h.to_lowercase();
    for p in PREFIXES {
        if lower.starts_with(p) && h.len() > p.len() && h.is_char_boundary(p.len()) {
            return Some(h[p.len()..].trim().to_owned()).filter(|s| !s.is_empty());
        }
    }
    // HubSpot's labelled export: `Date entered "Stage (Pipeline)"`, quotes of any kind.
    const LABEL: &str = "date entered";
    if !lower.starts_with(LABEL) || !h.is_char_boundary(LABEL.len()) {
        return None;
    }
    let rest = h[LABEL.len()..].trim().trim_matches(|c: char| matches!(c, '"' | '\'' | '“' | '”' | '‘' | '’' | ':'));
    let rest = rest.trim();
    // A trailing "(Pipeline name)" names the pipeline, not the stage.
    let stage = match rest.rfind(" (") {
        Some(i) if rest.ends_with(')') => &rest[..i],
        _ => rest,
    };
    Some(stage.trim().to_owned()).filter(|s| !s.is_empty())
}

/// The `entered_<stage>` columns of one file being read, outside the `skip` columns (those
/// mapped to a canonical field).
#[derive(Default)]
pub(crate) struct EnteredColumns {
    /// (column, stage named by its header).
    pub(crate) cols: Vec<(usize, String)>,
    pub(crate) dates: Vec<DateColumnBuilder>,
}

impl EnteredColumns {
    /// The columns of `headers` that name an entered stage, except those in `skip`.
    pub(crate) fn of(headers: &[String], skip: &[Option<usize>]) -> EnteredColumns {
        let cols: Vec<(usize, String)> = headers
            .iter()
            .enumerate()
            .filter(|(i, _)| !skip.contains(&Some(*i)))
            .filter_map(|(i, h)| Some((i, entered_stage(h)?)))
            .collect();
        let dates = cols.iter().map(|_| DateColumnBuilder::default()).collect();
        EnteredColumns { cols, dates }
    }

    /// Reads the row's cells of these columns (an unreadable date is no date: these columns
    /// are optional and never reject a row).
    #[inline]
    pub(crate) fn push(&mut self, row: &Row<'_>) {
        for ((c, _), b) in self.cols.iter().zip(self.dates.iter_mut()) {
            b.push(read_date(row.cell(*c)));
        }
    }

    /// The stage names with their dates, each column read in the order its cells prove, else
    /// in `hint` (the order the file's other dates proved).
    pub(crate) fn finish(self, hint: Option<DateOrder>) -> Vec<(String, DateColumn)> {
        self.cols.into_iter().zip(self.dates).map(|((_, stage), b)| (stage, b.finish_with(hint).0)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_of_every_crm_spelling() {
        let cases = [
            ("entered_Qualification", Some("Qualification")),
            ("ENTERED_proposal", Some("proposal")),
            ("hs_date_entered_appointmentscheduled", Some("appointmentscheduled")),
            ("hs_v2_date_entered_closedwon", Some("closedwon")),
            ("Date entered \"Decision maker bought-in (Sales Pipeline)\"", Some("Decision maker bought-in")),
            ("Date entered 'Negotiation'", Some("Negotiation")),
            ("Date entered: Proposal", Some("Proposal")),
            ("entered_", None),
            ("Date entered", None),
            ("date_entered", None),
            ("entered", None),
            ("stage", None),
            ("entered_é", Some("é")),
        ];
        for (header, want) in cases {
            assert_eq!(entered_stage(header).as_deref(), want, "{header}");
        }
    }

    #[test]
    fn skipped_columns_are_not_read() {
        let headers: Vec<String> = ["deal_id", "entered_A", "entered_B"].map(str::to_owned).to_vec();
        let e = EnteredColumns::of(&headers, &[Some(0), Some(2)]);
        assert_eq!(e.cols, [(1, "A".to_owned())]);
    }
}
