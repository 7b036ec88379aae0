//! What the one row reader ([`super::Reader`]) hands a dataset: each accepted [`Row`], to a
//! [`ColumnSink`] that turns its cells into columns. The reader owns the record loop, the
//! line numbers, the key checks, rejected rows and progress; a sink owns only its columns.
//!
//! Deals fill a [`crate::DealsTable`] (`DealsSink`); every other dataset a
//! [`crate::table::Table`] (`TableSink`); [`super::sinks::Sink`] is whichever one a file is read
//! into. A new dataset with its own table type is a new sink, nothing more.

use super::dataset::Dataset;
use super::dates::DateOrder;
use super::fields::Fields;
use super::report::ImportReport;
use super::value::{is_empty_trimmed, read_cell, trim_cell};

/// One accepted row: its cells, its line, and where a sink notes a cell it cannot read (the
/// row is kept, the cell is listed in the report).
pub(crate) struct Row<'a> {
    /// Line of the row in the file (1-based, as an editor shows it).
    pub(crate) line: u64,
    record: Fields<'a>,
    headers: &'a [String],
    report: &'a mut ImportReport,
}

impl<'a> Row<'a> {
    /// A row read from `record` on `line`; cell problems go to `report`.
    pub(crate) fn new(line: u64, record: Fields<'a>, headers: &'a [String], report: &'a mut ImportReport) -> Row<'a> {
        Row { line, record, headers, report }
    }

    /// The cell in `column`, as written. The reader keeps only rows with a cell per header,
    /// and sinks ask only for mapped columns, which are headers.
    #[inline]
    pub(crate) fn cell(&self, column: usize) -> &'a str {
        self.record.get(column).unwrap_or_default()
    }

    /// The cell in `column` trimmed, or `None` when it is empty or a placeholder (`NULL`, `N/A`).
    #[inline]
    pub(crate) fn text(&self, column: usize) -> Option<&'a str> {
        Some(trim_cell(self.cell(column))).filter(|s| !is_empty_trimmed(s))
    }

    /// The cell in `column` read by `parse`: `None` when it is empty, and also when `parse`
    /// cannot read it, which is noted in the report as "expected `expected`".
    #[inline(always)]
    pub(crate) fn read<T>(
        &mut self,
        column: usize,
        parse: impl Fn(&str) -> Option<T>,
        expected: &'static str,
    ) -> Option<T> {
        let cell = self.cell(column);
        read_cell(cell, parse, || self.issue(column, expected))
    }

    /// Notes that the cell in `column` is not what was `expected` (the row is kept).
    #[cold]
    #[inline(never)]
    pub(crate) fn issue(&mut self, column: usize, expected: &'static str) {
        let header = self.headers.get(column).map_or("", String::as_str);
        self.report.note_cell(self.line, column, header, self.cell(column), expected);
    }
}

/// Columns of one dataset being filled a row at a time.
pub(crate) trait ColumnSink {
    /// Adds `row` to every column (a cell that cannot be read is noted through `row`).
    fn push_row(&mut self, row: &mut Row<'_>);

    /// Makes room for `more` rows: growing by doubling copies every column several times and,
    /// in the browser, leaves the old copies in a wasm heap that never shrinks.
    fn reserve(&mut self, more: usize);

    /// Settles the columns (date orders, stage rules) into the dataset, and notes in `report`
    /// each mapped field with its empty cells and date reading. `mapping` is the column of each
    /// field of the dataset; `date_order` the user's answer for dates that cannot tell.
    fn finish(
        self,
        report: &mut ImportReport,
        headers: &[String],
        mapping: &[Option<usize>],
        date_order: Option<DateOrder>,
    ) -> Dataset;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::parse_amount;

    #[test]
    fn a_row_reads_cells_and_notes_the_ones_it_cannot() {
        let record = crate::ingest::OwnedRecord::from_cells([" Ann ", "N/A", "12", "lots"]);
        let headers: Vec<String> = ["owner", "region", "n", "amount"].map(String::from).to_vec();
        let mut report = ImportReport::default();
        let mut row = Row::new(7, record.fields(), &headers, &mut report);
        let cases: [(usize, Option<&str>); 5] =
            [(0, Some("Ann")), (1, None), (2, Some("12")), (3, Some("lots")), (9, None)];
        for (column, text) in cases {
            assert_eq!(row.text(column), text, "column {column}");
        }
        assert_eq!(row.read(2, parse_amount, "a number"), Some(12.0));
        assert_eq!(row.read(1, parse_amount, "a number"), None);
        assert_eq!(row.read(3, parse_amount, "a number"), None);
        assert_eq!(report.cell_issues_total, 1);
        let issue = &report.cell_issues[0];
        assert_eq!((issue.line, issue.column, issue.header.as_str(), issue.value.as_str()), (7, 4, "amount", "lots"));
    }
}
