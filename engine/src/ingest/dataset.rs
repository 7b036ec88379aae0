//! A loaded dataset: deals in their own table, any other dataset in a generic [`Table`]. What
//! a read gives and a sink builds (plain data; the reader and the sinks import it).

use super::datasets::DatasetKind;
use crate::deals_table::DealsTable;
use crate::table::Table;

/// A loaded dataset.
// One value per loaded file, moved a few times: the size difference costs nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq)]
pub enum Dataset {
    /// Deals, in their own table.
    Deals(DealsTable),
    /// Any other dataset.
    Table(Table),
}

impl Dataset {
    /// Which dataset it is.
    pub fn kind(&self) -> DatasetKind {
        match self {
            Dataset::Deals(_) => DatasetKind::Deals,
            Dataset::Table(t) => t.kind,
        }
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        match self {
            Dataset::Deals(d) => d.len(),
            Dataset::Table(t) => t.len,
        }
    }

    /// Whether it has no rows.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}
