//! The segment filters a user chooses: plain data that scopes, links and settings carry. The
//! rows they select in a workspace are worked out by [`crate::filter::Selection`].

use crate::deals_table::Dim;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The chosen values per dimension; dimensions combine with AND, values within one with OR.
/// An empty filter set selects everything.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Filters(pub BTreeMap<Dim, Vec<String>>);

impl Filters {
    /// No filter.
    pub fn none() -> Filters {
        Filters::default()
    }

    /// These filters with `dim` narrowed to `value` alone (a drill-down into one segment).
    pub fn with(&self, dim: Dim, value: &str) -> Filters {
        let mut f = self.clone();
        f.0.insert(dim, vec![value.to_owned()]);
        f
    }

    /// Whether nothing is filtered.
    pub fn is_empty(&self) -> bool {
        self.0.values().all(Vec::is_empty)
    }

    /// The dimensions that are filtered, with their values.
    pub fn active(&self) -> impl Iterator<Item = (Dim, &[String])> {
        self.0.iter().filter(|(_, v)| !v.is_empty()).map(|(d, v)| (*d, v.as_slice()))
    }
}
