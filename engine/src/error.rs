//! Why a file could not be imported, in words a user can act on.

use thiserror::Error;

/// A file that cannot be used at all. Row-level problems are not errors: those rows are
/// reported in [`crate::ingest::ImportReport`] and the good rows are kept.
#[derive(Debug, Error, Clone, PartialEq)]
#[non_exhaustive]
pub enum ImportError {
    /// Zero bytes, or only whitespace.
    #[error("{file} is empty. Export the data from your CRM again and load the new file.")]
    Empty {
        /// File name.
        file: String,
    },
    /// A header line and nothing else.
    #[error("{file} has a header line but no data rows. Check the export's filters (a report with no matching records writes only its header) and export again.")]
    HeaderOnly {
        /// File name.
        file: String,
    },
    /// An Excel or other spreadsheet workbook.
    #[error("{file} is an Excel workbook, not a CSV file. Open it in Excel or LibreOffice and use \"Save as… CSV (UTF-8)\", then load the CSV.")]
    Spreadsheet {
        /// File name.
        file: String,
    },
    /// JSON instead of CSV.
    #[error("{file} is a JSON file, not CSV. Export the data from your CRM as CSV.")]
    Json {
        /// File name.
        file: String,
    },
    /// Bytes that are not text.
    #[error("{file} is not a text file (it contains binary data). Load a CSV export.")]
    Binary {
        /// File name.
        file: String,
    },
    /// Text that ends in the middle of a character: the file was cut short (a download or copy
    /// stopped early). Told for UTF-16 and UTF-8 (see `ingest::decode`).
    #[error("{file} ends in the middle of a character: the file was cut short (it is {encoding} text). Export it again, or copy the whole file.")]
    CutShort {
        /// File name.
        file: String,
        /// The encoding it is in.
        encoding: &'static str,
    },
    /// Only one column was found.
    #[error("{file} has only one column (\"{header}\"): it does not look like a CSV table with commas, semicolons, tabs or pipes between the fields. Save it from your spreadsheet as CSV and load that file.")]
    SingleColumn {
        /// File name.
        file: String,
        /// The only header.
        header: String,
    },
    /// The header line opens a quote that is never closed.
    #[error("{file}: a quote on line {line} is never closed, so the rest of the file reads as one cell. Fix the quote and load the file again.")]
    UnclosedQuote {
        /// File name.
        file: String,
        /// Line of the header.
        line: u64,
    },
    /// Required fields have no matching column.
    #[error("{file} cannot be read as {dataset}: no column found for {}. Columns in the file: {}. Choose the columns by hand in the mapping screen, or export the file with those columns.", missing.join(", "), found.join(", "))]
    MissingFields {
        /// File name.
        file: String,
        /// Dataset the file was read as.
        dataset: &'static str,
        /// Canonical names of the required fields that were not found.
        missing: Vec<&'static str>,
        /// The file's headers.
        found: Vec<String>,
    },
    /// The file was to be read as deals but plainly holds another dataset.
    #[error("{file} looks like a {dataset} file (columns for {}), not deals. Load it as {dataset}, or choose its deals columns by hand.", matched.join(", "))]
    OtherDataset {
        /// File name.
        file: String,
        /// The dataset it looks like.
        dataset: &'static str,
        /// Canonical fields its headers matched.
        matched: Vec<&'static str>,
    },
    /// Every data row was rejected.
    #[error("{file}: none of its {rejected} rows could be used (first problem, line {first_line}: {first_reason}). Fix that in the file, or choose other columns in the mapping screen, and load it again.")]
    NoUsableRows {
        /// File name.
        file: String,
        /// Number of rejected rows.
        rejected: usize,
        /// Line of the first rejected row.
        first_line: u64,
        /// Why it was rejected.
        first_reason: crate::ingest::Rejection,
    },
    /// An error already worked out elsewhere, carried as its words: the page's preview of a
    /// file's start, given to the parse module that reads the whole file to explain it (see
    /// [`crate::ingest::Session::explain`]).
    #[error("{message}")]
    Reported {
        /// The error's text.
        message: String,
    },
}

impl ImportError {
    /// Whether every row of a deals file repeated the id of a deal already loaded: most likely
    /// an earlier (or later) export of the same deals, appended by mistake. The app then offers
    /// to load it as the earlier export ([`crate::file_set::FileSet::snapshot_hint`] covers a
    /// file of which only most rows repeat).
    pub fn repeats_loaded_deals(&self) -> bool {
        matches!(self, ImportError::NoUsableRows { first_reason, .. } if first_reason.repeats_loaded_deal())
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_file_of_repeated_deal_ids_is_known() {
        let e = super::ImportError::NoUsableRows {
            file: "then.csv".into(),
            rejected: 2,
            first_line: 2,
            first_reason: crate::ingest::Rejection::DuplicateKey {
                field: "deal_id",
                value: "D1".into(),
                first: crate::ingest::FirstSeen::Loaded("now.csv".into()),
            },
        };
        assert!(e.repeats_loaded_deals());
        let other = super::ImportError::NoUsableRows {
            file: "then.csv".into(),
            rejected: 2,
            first_line: 2,
            first_reason: crate::ingest::Rejection::NoKey { field: "deal_id", header: None },
        };
        assert!(!other.repeats_loaded_deals());
    }
}
