//! The sink of the dataset being read, as one type: deals or any other dataset, chosen once per
//! file, so the row loop takes one branch per row and none per cell.

use super::dataset::Dataset;
use super::dates::DateOrder;
use super::deals_sink::DealsSink;
use super::report::ImportReport;
use super::sink::{ColumnSink, Row};
use super::table_sink::TableSink;

/// The sink of the dataset being read: one branch per row, none per cell.
pub(crate) enum Sink {
    /// Deals.
    Deals(Box<DealsSink>),
    /// Any other dataset.
    Table(TableSink),
}

impl Sink {
    /// Names deals by their line instead of their id column (see [`DealsSink::generate_ids`]);
    /// other datasets have no generated keys.
    pub(crate) fn generate_ids(&mut self) {
        if let Sink::Deals(s) = self {
            s.generate_ids();
        }
    }
}

/// Reading a file as two halves (see [`super::halves`]).
impl Sink {
    /// The same columns with no rows yet: for the second half of the file.
    pub(crate) fn empty_like(&self) -> Sink {
        match self {
            Sink::Deals(s) => Sink::Deals(Box::new(s.empty_like())),
            Sink::Table(s) => Sink::Table(s.empty_like()),
        }
    }
}

impl ColumnSink for Sink {
    #[inline]
    fn push_row(&mut self, row: &mut Row<'_>) {
        match self {
            Sink::Deals(s) => s.push_row(row),
            Sink::Table(s) => s.push_row(row),
        }
    }

    fn reserve(&mut self, more: usize) {
        match self {
            Sink::Deals(s) => s.reserve(more),
            Sink::Table(s) => s.reserve(more),
        }
    }

    fn finish(
        self,
        report: &mut ImportReport,
        headers: &[String],
        mapping: &[Option<usize>],
        date_order: Option<DateOrder>,
    ) -> Dataset {
        match self {
            Sink::Deals(s) => s.finish(report, headers, mapping, date_order),
            Sink::Table(s) => s.finish(report, headers, mapping, date_order),
        }
    }
}
