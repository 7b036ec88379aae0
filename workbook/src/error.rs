//! Why a workbook could not be read, in words a user can act on.

use std::fmt;

/// A workbook that cannot be turned into CSV.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum WorkbookError {
    /// The workbook is protected by a password (its contents are encrypted).
    Encrypted,
    /// The bytes are not a workbook this reader knows (neither a zip nor an OLE container).
    NotAWorkbook,
    /// The container is a workbook, but it is damaged or incomplete; the reader's own words.
    Broken(String),
    /// The workbook has no sheet with any cell.
    NoSheets,
    /// The sheet asked for does not exist (an index past the last sheet).
    NoSuchSheet(usize),
}

impl fmt::Display for WorkbookError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WorkbookError::Encrypted => f.write_str(
                "this workbook is encrypted: open it in Excel and save a copy without a password, then load that copy",
            ),
            WorkbookError::NotAWorkbook => f.write_str(
                "this file is not an Excel or OpenDocument workbook: save it from your spreadsheet as .xlsx or CSV and load it again",
            ),
            WorkbookError::Broken(why) => write!(
                f,
                "this workbook is damaged and cannot be read ({why}): open it in Excel or LibreOffice and save a new copy",
            ),
            WorkbookError::NoSheets => f.write_str("this workbook has no sheet with any data"),
            WorkbookError::NoSuchSheet(i) => write!(f, "this workbook has no sheet number {}", i + 1),
        }
    }
}

impl std::error::Error for WorkbookError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_error_says_what_to_do_or_what_is_missing() {
        let cases = [
            (WorkbookError::Encrypted, "save a copy without a password"),
            (WorkbookError::NotAWorkbook, "save it from your spreadsheet"),
            (WorkbookError::Broken("zip: bad header".into()), "(zip: bad header)"),
            (WorkbookError::NoSheets, "no sheet with any data"),
            (WorkbookError::NoSuchSheet(2), "no sheet number 3"),
        ];
        for (error, words) in cases {
            let text = error.to_string();
            assert!(text.contains(words), "{text:?} lacks {words:?}");
        }
    }
}
