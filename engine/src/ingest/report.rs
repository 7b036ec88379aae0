//! What an import did: per file, what was read, kept and rejected, and where.

use serde::Serialize;

/// At most this many unreadable cells are listed one by one; all are counted.
pub const CELL_ISSUE_LIMIT: usize = 10_000;

/// A data row that was not kept, with its position in the file.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RejectedRow {
    /// 1-based line number where the row starts (the header is line 1 in a plain file).
    pub line: u64,
    /// 1-based column number the problem is in, when it is in one column.
    pub column: Option<usize>,
    /// Why the row was rejected.
    pub reason: super::Rejection,
}

/// A cell that could not be read; its row is kept and the KPIs that need the cell leave the
/// row out (and say so).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CellIssue {
    /// 1-based line number of the row.
    pub line: u64,
    /// 1-based column number.
    pub column: usize,
    /// Header of the column.
    pub header: String,
    /// The text that could not be read.
    pub value: String,
    /// What was expected (`a date like 2017-03-01`, `a number`).
    pub expected: &'static str,
}

/// A canonical field and the file column it was read from.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MappedField {
    /// Canonical field name.
    pub field: &'static str,
    /// Header of the column in the file.
    pub header: String,
    /// Rows whose cell is empty or a placeholder.
    pub empty: usize,
    /// For a date column: the day/month order used, and whether it had to be assumed.
    pub dates: Option<super::DateReading>,
}

/// The id a row gets when the file has none: its line, `row 2`, unique and stable.
pub(crate) fn generated_id(line: u64) -> String {
    format!("row {line}")
}

/// The line a [`generated_id`] names.
pub(crate) fn generated_line(id: &str) -> Option<u64> {
    id.strip_prefix("row ")?.parse().ok()
}

/// Why a deals file's ids were made from its line numbers (`row 2`, `row 3`, ...).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IdsGenerated {
    /// No column identifies a deal.
    NoColumn,
    /// The id column repeats most of its first values: it names deals rather than identifying
    /// them.
    Repeats {
        /// The column's header.
        header: String,
        /// Values among the first ones that repeat an earlier one.
        repeats: usize,
        /// The first filled values looked at.
        filled: usize,
    },
}

impl std::fmt::Display for IdsGenerated {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (a, b) = (generated_id(2), generated_id(3));
        match self {
            IdsGenerated::NoColumn => write!(f, "no column identifies a deal, so each row is named by its line ({a}, {b}, ...)"),
            IdsGenerated::Repeats { header, repeats, filled } => write!(
                f,
                "column {header:?} repeats {repeats} of its first {filled} values, so it names deals rather than identifying them: each row is named by its line ({a}, {b}, ...)"
            ),
        }
    }
}

/// Written as its English sentence.
impl Serialize for IdsGenerated {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// The data-quality report of one imported file.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ImportReport {
    /// File name as the user chose it.
    pub file: String,
    /// Size of the file in bytes.
    pub bytes: usize,
    /// Encoding the text was read with: its WHATWG name (`windows-1250`).
    pub encoding: &'static str,
    /// A label for the encoding a user recognises ("Central European (Windows-1250)").
    pub encoding_label: &'static str,
    /// How sure the choice of the encoding is: a low confidence is said, and the other code
    /// pages are offered.
    pub encoding_confidence: super::Confidence,
    /// Field delimiter.
    pub delimiter: char,
    /// Title or notes lines above the header that were skipped: `(line, text)`.
    pub preamble: Vec<(u64, String)>,
    /// Why each row was named by its line (`row 2`, `row 3`, ...) instead of by an id column:
    /// the file has no column that identifies a deal, or its only candidate repeats.
    pub ids_generated: Option<IdsGenerated>,
    /// Report footer lines below the data that were skipped (grand totals, "Confidential
    /// Information", copyright): `(line, text)`.
    pub footer: Vec<(u64, String)>,
    /// Data rows read (header and blank lines not counted).
    pub rows_read: usize,
    /// Rows kept.
    pub rows_kept: usize,
    /// Every rejected row.
    pub rejected: Vec<RejectedRow>,
    /// Cells that could not be read (their rows were kept), up to a limit.
    pub cell_issues: Vec<CellIssue>,
    /// Number of unreadable cells; only the first ones are listed in `cell_issues`.
    pub cell_issues_total: usize,
    /// How columns were mapped to canonical fields.
    pub mapping: Vec<MappedField>,
    /// Headers that no field uses.
    pub unused_headers: Vec<String>,
    /// Every column of the file: its detected type and empty cells.
    pub columns: Vec<super::ColumnProfile>,
    /// Why each field mapped automatically got its column: `(field, reason)`, as in
    /// [`super::Preview::reasons`]. Empty when the columns were chosen by hand.
    pub mapping_reasons: Vec<(&'static str, super::meaning::MappingReason)>,
}

impl ImportReport {
    /// Counts an unreadable cell, and lists it while fewer than [`CELL_ISSUE_LIMIT`]
    /// are listed. `column` is 0-based.
    pub fn note_cell(&mut self, line: u64, column: usize, header: &str, value: &str, expected: &'static str) {
        self.cell_issues_total += 1;
        if self.cell_issues.len() < CELL_ISSUE_LIMIT {
            self.cell_issues.push(CellIssue {
                line,
                column: column + 1,
                header: header.to_owned(),
                value: value.to_owned(),
                expected,
            });
        }
    }

    /// Says how a date column was read: its order, and how many cells were read against it by
    /// what they can only mean (mixed) or read in it for want of a cell telling (ambiguous).
    /// `hint` is the order another date column of the file proved, for a column that cannot
    /// tell by itself.
    pub fn note_date_column(
        &mut self,
        builder: super::DateColumnBuilder,
        hint: Option<super::DateOrder>,
        _column: usize,
        _header: &str,
    ) -> (crate::column::DateColumn, super::DateReading) {
        let (days, reading, _read_the_other_way, _count) = builder.finish_with(hint);
        (days, reading)
    }
}
