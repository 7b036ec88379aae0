//! Warnings read beside a KPI's value ([`Note`]), as typed cases so every language can word
//! them (`crate::text::note`); the `Display` here is the English wording, and a note serializes
//! as that wording.

use crate::deals_table::Dim;
use crate::ingest::DatasetKind;
use serde::{Serialize, Serializer};
use std::fmt;

/// A warning beside a KPI's value.
#[derive(Clone, Debug, PartialEq)]
pub enum Note {
    /// A dataset the KPI reads has no column for a filtered dimension, so the filter does not
    /// apply to it.
    Unfiltered {
        /// The dataset.
        dataset: DatasetKind,
        /// The dimension it cannot be filtered by.
        dim: Dim,
    },
    /// A breakdown row was left out: the segment's amounts add up to more than a number holds.
    SegmentOverflow(String),
    /// Under 60 % of reps reached quota: the targets may be unrealistic.
    TargetsUnrealistic,
    /// Over 90 % of reps reached quota: the targets may be too easy.
    TargetsTooEasy,
    /// New customers were counted from won deals of type new, as no customers are loaded.
    NewFromDeals,
    /// Lifetime value is the mean won revenue per account, as no customers are loaded.
    LifetimeFromDeals,
    /// The funnel counts the stages each deal entered by its stage history, not only its
    /// current stage.
    FunnelFromHistory,
}

impl fmt::Display for Note {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Note::Unfiltered { dataset, dim } => {
                write!(f, "{} has no {}: not filtered by it", dataset.name(), dim.label())
            }
            Note::SegmentOverflow(segment) => write!(f, "{segment}: {}", super::Undefined::Overflow),
            Note::TargetsUnrealistic => f.write_str("under 60 % of reps at quota: targets may be unrealistic"),
            Note::TargetsTooEasy => f.write_str("over 90 % of reps at quota: targets may be too easy"),
            Note::NewFromDeals => f.write_str("counted from won deals of type new (no customers loaded)"),
            Note::LifetimeFromDeals => f.write_str("mean won revenue per account (no customers loaded)"),
            Note::FunnelFromHistory => f.write_str(
                "stages reached read from the stage history: a deal counts at every stage it entered, not only at its current one",
            ),
        }
    }
}

/// A note reads as its English wording in tests and logs: `assert_eq!(r.notes, ["…"])`.
impl PartialEq<&str> for Note {
    fn eq(&self, other: &&str) -> bool {
        self.to_string() == *other
    }
}

/// A note serializes as its English wording, as the plain strings it replaced did.
impl Serialize for Note {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_wording_and_serialization_are_the_old_strings() {
        for (note, want) in [
            (
                Note::Unfiltered { dataset: DatasetKind::Customers, dim: Dim::LeadSource },
                "customers has no lead source: not filtered by it",
            ),
            (Note::SegmentOverflow("Ann".into()), "Ann: the amounts add up to more than can be represented"),
            (Note::TargetsTooEasy, "over 90 % of reps at quota: targets may be too easy"),
        ] {
            assert_eq!(note.to_string(), want);
            assert_eq!(note, want);
            assert_eq!(serde_json::to_string(&note).unwrap(), format!("\"{want}\""));
        }
        assert_ne!(Note::NewFromDeals, "mean won revenue per account (no customers loaded)");
    }
}
