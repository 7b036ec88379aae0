//! Why a column was chosen for a field, typed so that the mapper can say it in the reader's
//! language (`text::mapping_reason`); its `Display` is the English.

use serde::{Serialize, Serializer};
use std::fmt;

/// What the cells of a column showed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Evidence {
    /// `n` of the `of` filled cells are `what`; for amounts, `money` of them carry a currency
    /// mark or grouping.
    Share {
        /// Cells of that kind.
        n: usize,
        /// Filled cells.
        of: usize,
        /// Their kind.
        what: CellKind,
        /// Amounts written as money.
        money: usize,
    },
    /// All `of` filled cells differ (an id).
    AllDiffer {
        /// Filled cells.
        of: usize,
    },
    /// The column has `distinct` different person-like values.
    People {
        /// Different values.
        distinct: usize,
    },
}

/// A kind of cell the evidence counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CellKind {
    /// Dates.
    Dates,
    /// Amounts of money.
    Amounts,
    /// Plain numbers.
    Numbers,
    /// Yes / no values.
    YesNo,
    /// Won, lost or open.
    Outcomes,
}

impl CellKind {
    fn english(self) -> &'static str {
        match self {
            CellKind::Dates => "dates",
            CellKind::Amounts => "amounts",
            CellKind::Numbers => "numbers",
            CellKind::YesNo => "yes/no",
            CellKind::Outcomes => "won, lost or open",
        }
    }
}

impl fmt::Display for Evidence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Evidence::Share { n, of, what, money } => {
                write!(f, "{n} of {of} values are {}", what.english())?;
                if *money > 0 {
                    write!(f, ", {money} with a currency mark or grouping")?;
                }
                Ok(())
            }
            Evidence::AllDiffer { of } => write!(f, "all {of} values differ"),
            Evidence::People { distinct } => write!(f, "{distinct} distinct person-like values"),
        }
    }
}

/// How a header points at a field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum How {
    /// The header is one of the field's known names.
    Names,
    /// The header's words say the field.
    Says,
    /// A history export's creation time is when the change was made (Salesforce's
    /// `CreatedDate` in `OpportunityHistory`).
    ChangedAt,
}

/// Why a column was chosen for a field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MappingReason {
    /// The column's header as the file has it.
    pub header: String,
    /// The field it was chosen for.
    pub field: &'static str,
    /// How the header points at the field.
    pub how: How,
    /// What the cells showed, when they showed it.
    pub evidence: Option<Evidence>,
}

impl fmt::Display for MappingReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.how {
            How::Names => write!(f, "header '{}' names {}", self.header, self.field)?,
            How::Says => write!(f, "header '{}' says {}", self.header, self.field)?,
            How::ChangedAt => write!(f, "header '{}' is when the change was made", self.header)?,
        }
        if let Some(e) = &self.evidence {
            write!(f, " and {e}")?;
        }
        Ok(())
    }
}

/// Written as its English sentence.
impl Serialize for MappingReason {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_sentences() {
        let r = |named, evidence| MappingReason {
            header: "Deal owner".into(),
            field: "owner",
            how: if named { How::Names } else { How::Says },
            evidence,
        };
        let cases = [
            (r(true, None), "header 'Deal owner' names owner"),
            (
                r(false, Some(Evidence::People { distinct: 2 })),
                "header 'Deal owner' says owner and 2 distinct person-like values",
            ),
            (
                r(true, Some(Evidence::Share { n: 9, of: 10, what: CellKind::Amounts, money: 3 })),
                "header 'Deal owner' names owner and 9 of 10 values are amounts, 3 with a currency mark or grouping",
            ),
            (r(true, Some(Evidence::AllDiffer { of: 5 })), "header 'Deal owner' names owner and all 5 values differ"),
        ];
        let at =
            MappingReason { header: "CreatedDate".into(), field: "changed_at", how: How::ChangedAt, evidence: None };
        assert_eq!(at.to_string(), "header 'CreatedDate' is when the change was made");
        for (reason, want) in cases {
            assert_eq!(reason.to_string(), want);
        }
    }
}
