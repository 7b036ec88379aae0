//! Why a data row was not kept: [`Rejection`], typed so that the report can say it in the
//! reader's language (`text::rejection`); its `Display` is the English.

use serde::{Serialize, Serializer};
use std::fmt;

/// Why a data row was not kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Rejection {
    /// A quote opened in the row (on `line`) is never closed, so every later line was read
    /// into one cell.
    UnclosedQuote {
        /// The row's line.
        line: u64,
    },
    /// The row has `found` fields where the header has `expected`.
    FieldCount {
        /// Fields in the row.
        found: usize,
        /// Fields in the header.
        expected: usize,
    },
    /// The row's required key cell is empty.
    NoKey {
        /// The key's canonical field (`deal_id`).
        field: &'static str,
        /// The file's column, when its header is not the field's own name.
        header: Option<String>,
    },
    /// The row's key repeats one seen before; the first row with it was kept.
    DuplicateKey {
        /// The key's canonical field.
        field: &'static str,
        /// The repeated key.
        value: String,
        /// Where the key was first seen.
        first: FirstSeen,
    },
}

/// Where a repeated key was first seen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FirstSeen {
    /// On this line of the same file.
    Line(u64),
    /// In a file loaded before (its name).
    Loaded(String),
}

impl Rejection {
    /// Whether the row repeats a deal id of a file loaded before (an earlier export of the same
    /// deals, appended by mistake).
    pub fn repeats_loaded_deal(&self) -> bool {
        matches!(self, Rejection::DuplicateKey { field: "deal_id", first: FirstSeen::Loaded(_), .. })
    }
}

impl fmt::Display for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Rejection::UnclosedQuote { line } => write!(
                f,
                "a quote opened in this row is never closed, so every line after it was read into one cell (fix the quote on line {line} and load again)"
            ),
            Rejection::FieldCount { found, expected } => write!(f, "has {found} fields but the header has {expected}"),
            Rejection::NoKey { field, header: None } => write!(f, "no {field}"),
            Rejection::NoKey { field, header: Some(h) } => write!(f, "no {field} (column {h:?} is empty)"),
            Rejection::DuplicateKey { field, value, first } => {
                write!(f, "duplicate {field} {value:?} (")?;
                match first {
                    FirstSeen::Line(l) => write!(f, "first on line {l}")?,
                    FirstSeen::Loaded(file) => write!(f, "already loaded from {file}")?,
                }
                write!(f, "); kept the first")
            }
        }
    }
}

/// Written as its English sentence (the CLI's JSON and the report's exports).
impl Serialize for Rejection {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_sentences() {
        let cases = [
            (Rejection::FieldCount { found: 2, expected: 3 }, "has 2 fields but the header has 3"),
            (Rejection::NoKey { field: "deal_id", header: None }, "no deal_id"),
            (Rejection::NoKey { field: "deal_id", header: Some("Id".into()) }, "no deal_id (column \"Id\" is empty)"),
            (
                Rejection::DuplicateKey {
                    field: "lead_id",
                    value: "L1".into(),
                    first: FirstSeen::Loaded("a.csv".into()),
                },
                "duplicate lead_id \"L1\" (already loaded from a.csv); kept the first",
            ),
            (
                Rejection::DuplicateKey { field: "deal_id", value: "D1".into(), first: FirstSeen::Line(2) },
                "duplicate deal_id \"D1\" (first on line 2); kept the first",
            ),
        ];
        for (r, want) in cases {
            assert_eq!(r.to_string(), want);
            assert_eq!(serde_json::to_value(&r).unwrap(), serde_json::Value::String(want.into()));
        }
        let loaded =
            Rejection::DuplicateKey { field: "deal_id", value: "D1".into(), first: FirstSeen::Loaded("x".into()) };
        assert!(loaded.repeats_loaded_deal());
        assert!(!Rejection::NoKey { field: "deal_id", header: None }.repeats_loaded_deal());
    }
}
