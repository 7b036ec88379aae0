//! A workbook's sheets, which one looks like the table, and a sheet as CSV bytes.

use crate::cell::{text, CellText};
use crate::csv_text::{push_row, BOM};
use crate::error::WorkbookError;
use crate::format::Format;
use calamine::{open_workbook_from_rs, Data, Ods, Range, Reader, SheetType, Sheets, Xls, Xlsb, Xlsx};
use std::io::Cursor;

/// One sheet as a sheet picker shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetInfo {
    /// The sheet's name, as the workbook spells it.
    pub name: String,
    /// Rows from the first to the last non-empty one.
    pub rows: usize,
    /// Columns from the first to the last non-empty one.
    pub cols: usize,
    /// Rows with at least one non-empty cell.
    pub filled_rows: usize,
}

/// One sheet as CSV.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetCsv {
    /// UTF-8 CSV (with a byte-order mark), comma-separated, one line per non-empty row.
    pub bytes: Vec<u8>,
    /// Rows written.
    pub rows: usize,
    /// Cells that held an error value (`#DIV/0!`, `#N/A`, …), written as empty fields.
    pub errors: usize,
}

/// A workbook read into memory: its worksheets' cells (formulas by their cached values).
#[derive(Debug, Clone)]
pub struct Book {
    format: Format,
    sheets: Vec<(SheetInfo, Range<Data>)>,
}

impl Book {
    /// Reads every worksheet of a workbook (chart and dialog sheets hold no table and are left
    /// out). A password-protected workbook is [`WorkbookError::Encrypted`]; a damaged one
    /// [`WorkbookError::Broken`].
    pub fn read(bytes: &[u8]) -> Result<Book, WorkbookError> {
        let format = Format::sniff(bytes)?;
        let cursor = Cursor::new(bytes);
        let mut book = match format {
            Format::Xlsx => {
                open_workbook_from_rs::<Xlsx<_>, _>(cursor).map(Sheets::Xlsx).map_err(calamine::Error::from)
            }
            Format::Xlsb => {
                open_workbook_from_rs::<Xlsb<_>, _>(cursor).map(Sheets::Xlsb).map_err(calamine::Error::from)
            }
            Format::Xls => open_workbook_from_rs::<Xls<_>, _>(cursor).map(Sheets::Xls).map_err(calamine::Error::from),
            Format::Ods => open_workbook_from_rs::<Ods<_>, _>(cursor).map(Sheets::Ods).map_err(calamine::Error::from),
        }
        .map_err(explain)?;
        let names: Vec<String> =
            book.sheets_metadata().iter().filter(|s| s.typ == SheetType::WorkSheet).map(|s| s.name.clone()).collect();
        let mut sheets = Vec::with_capacity(names.len());
        for name in names {
            let range = book.worksheet_range(&name).map_err(explain)?;
            let info = SheetInfo {
                rows: range.height(),
                cols: range.width(),
                filled_rows: range.rows().filter(|row| row.iter().any(|c| !is_blank(c))).count(),
                name,
            };
            sheets.push((info, range));
        }
        if sheets.is_empty() {
            return Err(WorkbookError::NoSheets);
        }
        Ok(Book { format, sheets })
    }

    /// The workbook's format.
    pub fn format(&self) -> Format {
        self.format
    }

    /// The worksheets in the workbook's order.
    pub fn sheets(&self) -> Vec<SheetInfo> {
        self.sheets.iter().map(|(info, _)| info.clone()).collect()
    }

    /// The sheet that looks like the table: the one with the most non-empty rows (the first
    /// of those when several tie), so a cover sheet or a notes sheet before it is passed over.
    pub fn default_sheet(&self) -> usize {
        let mut best = 0;
        for (i, (info, _)) in self.sheets.iter().enumerate() {
            if self.sheets.get(best).is_some_and(|(b, _)| info.filled_rows > b.filled_rows) {
                best = i;
            }
        }
        best
    }

    /// Sheet `index` as CSV: every row with a non-empty cell (empty rows, such as the gap under
    /// a title line, are left out); from the header (the first of the rows with the most
    /// non-empty cells) down, each as wide as the sheet's used range, and above it without
    /// trailing empty cells.
    pub fn csv(&self, index: usize) -> Result<SheetCsv, WorkbookError> {
        let (_, range) = self.sheets.get(index).ok_or(WorkbookError::NoSuchSheet(index))?;
        let mut out = String::from(BOM);
        let (mut rows, mut errors) = (0, 0);
        let mut fields = Vec::with_capacity(range.width());
        let filled = |row: &[Data]| row.iter().filter(|c| !is_blank(c)).count();
        // The header is taken to be the first of the fullest rows; the lines above it (a
        // report's title, its filters) are written without their trailing empty cells, the way
        // a title line reads in a CSV file, so the import sees them as lines above the table.
        let widest = range.rows().map(filled).max().unwrap_or(0);
        let header = range.rows().position(|row| filled(row) == widest).unwrap_or(0);
        for (at, row) in range.rows().enumerate() {
            if row.iter().all(is_blank) {
                continue;
            }
            let row = if at < header {
                let end = row.iter().rposition(|c| !is_blank(c)).map_or(0, |i| i + 1);
                row.get(..end).unwrap_or(row)
            } else {
                row
            };
            fields.clear();
            for cell in row {
                fields.push(match text(cell) {
                    CellText::Text(t) => t,
                    CellText::Error => {
                        errors += 1;
                        String::new()
                    }
                });
            }
            push_row(&mut out, &fields);
            rows += 1;
        }
        Ok(SheetCsv { bytes: out.into_bytes(), rows, errors })
    }
}

/// Whether a cell shows nothing (empty, or text of only spaces).
fn is_blank(cell: &Data) -> bool {
    match cell {
        Data::Empty => true,
        Data::String(s) => s.trim().is_empty(),
        _ => false,
    }
}

/// A reader's error in the user's terms.
fn explain(error: calamine::Error) -> WorkbookError {
    use calamine::{Error, OdsError, XlsError, XlsxError};
    match error {
        Error::Xlsx(XlsxError::Password) | Error::Xls(XlsError::Password) | Error::Ods(OdsError::Password) => {
            WorkbookError::Encrypted
        }
        other => WorkbookError::Broken(other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testbook::{ods, xlsx, Cell::*, Sheet};

    fn csv_text(book: &Book, index: usize) -> String {
        let csv = book.csv(index).expect("sheet exists");
        String::from_utf8(csv.bytes).expect("utf-8").trim_start_matches(BOM).to_owned()
    }

    #[test]
    fn an_xlsx_sheet_reads_as_csv() {
        let sheet = Sheet::new(
            "Deals",
            vec![
                vec![S("id"), S("owner"), S("amount"), S("created"), S("won"), S("margin")],
                vec![S("D-1"), S("Zażółć Gęślą"), N(1234.5), Date(45_366.0), B(true), F("C2*0.1", 123.45)],
                vec![S("D-2"), S("王小明"), N(0.1 + 0.2), DateTime(45_366.75), B(false), F("C3*2", 0.6000000000000001)],
                vec![S("D-3"), S("Smith, \"Jo\""), N(1e21), Date(60.0), Empty, Error("#N/A")],
            ],
        );
        let book = Book::read(&xlsx(&[sheet], false)).expect("reads");
        assert_eq!(book.format(), Format::Xlsx);
        assert_eq!(
            csv_text(&book, 0),
            "id,owner,amount,created,won,margin\r\n\
             D-1,Zażółć Gęślą,1234.5,2024-03-15,TRUE,123.45\r\n\
             D-2,王小明,0.3,2024-03-15T18:00:00,FALSE,0.6\r\n\
             D-3,\"Smith, \"\"Jo\"\"\",1000000000000000000000,1900-02-29,,\r\n"
        );
        let csv = book.csv(0).expect("sheet 0");
        assert_eq!((csv.rows, csv.errors), (4, 1));
        assert!(csv.bytes.starts_with(BOM.as_bytes()));
    }

    #[test]
    fn the_1904_date_system_gives_the_same_dates() {
        let sheet = Sheet::new(
            "Deals",
            vec![vec![S("created")], vec![Date(43_904.0)], vec![DateTime(43_904.5)], vec![Date(0.0)]],
        );
        let book = Book::read(&xlsx(&[sheet], true)).expect("reads");
        assert_eq!(csv_text(&book, 0), "created\r\n2024-03-15\r\n2024-03-15T12:00:00\r\n1904-01-01\r\n");
    }

    #[test]
    fn sheets_are_listed_and_the_table_is_chosen() {
        let notes = Sheet::new("Notizen", vec![vec![S("exported by the CRM")], vec![S("do not edit")]]);
        let deals = Sheet::new(
            "Umowy – 2024 年",
            vec![
                vec![S("Deals report, Q1")],
                vec![],
                vec![S("id"), S("amount")],
                vec![S("1"), N(10.0)],
                vec![S("2"), N(20.0)],
            ],
        );
        let empty = Sheet::new("Leer", vec![]);
        let book = Book::read(&xlsx(&[notes, deals, empty], false)).expect("reads");
        let sheets = book.sheets();
        let summary: Vec<(&str, usize, usize, usize)> =
            sheets.iter().map(|s| (s.name.as_str(), s.rows, s.cols, s.filled_rows)).collect();
        assert_eq!(summary, vec![("Notizen", 2, 1, 2), ("Umowy – 2024 年", 5, 2, 4), ("Leer", 0, 0, 0)]);
        assert_eq!(book.default_sheet(), 1);
        // The title line stays (the import skips it as it does in a CSV); the gap under it goes.
        assert_eq!(csv_text(&book, 1), "\"Deals report, Q1\"\r\nid,amount\r\n1,10\r\n2,20\r\n");
        assert_eq!(csv_text(&book, 2), "");
        assert_eq!(book.csv(3), Err(WorkbookError::NoSuchSheet(3)));
    }

    #[test]
    fn ties_go_to_the_first_sheet() {
        let a = Sheet::new("A", vec![vec![S("x")]]);
        let b = Sheet::new("B", vec![vec![S("y")]]);
        assert_eq!(Book::read(&xlsx(&[a, b], false)).expect("reads").default_sheet(), 0);
    }

    #[test]
    fn an_ods_sheet_reads_as_csv() {
        let sheet = Sheet::new(
            "Transakcje",
            vec![
                vec![S("id"), S("właściciel"), S("kwota"), S("utworzono"), S("wygrana")],
                vec![S("1"), S("Łukasz Żółw"), N(1500.25), Date(45_366.0), B(true)],
                vec![S("2"), S("李娜"), N(-3.0), DateTime(45_366.5), B(false)],
            ],
        );
        let cover = Sheet::new("Cover", vec![vec![S("Q1")]]);
        let book = Book::read(&ods(&[cover, sheet])).expect("reads");
        assert_eq!(book.format(), Format::Ods);
        assert_eq!(book.default_sheet(), 1);
        assert_eq!(
            csv_text(&book, 1),
            "id,właściciel,kwota,utworzono,wygrana\r\n1,Łukasz Żółw,1500.25,2024-03-15,TRUE\r\n2,李娜,-3,2024-03-15T12:00:00,FALSE\r\n"
        );
    }

    #[test]
    fn unreadable_workbooks_say_why() {
        let mut cut = xlsx(&[Sheet::new("A", vec![vec![S("x")]])], false);
        cut.truncate(cut.len() / 2);
        assert!(matches!(Book::read(&cut), Err(WorkbookError::Broken(_))));
        assert_eq!(Book::read(b"id,amount\n1,2\n").err(), Some(WorkbookError::NotAWorkbook));
        let mut encrypted = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        encrypted.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(Book::read(&encrypted).err(), Some(WorkbookError::Encrypted));
        let mut garbage_ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        garbage_ole.extend([7u8; 600]);
        assert!(matches!(Book::read(&garbage_ole), Err(WorkbookError::Broken(_))));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]
        /// Any bytes, and any damage to a real workbook, give a book or an error, never a panic
        /// (a panic would stop the worker).
        #[test]
        fn damaged_workbooks_never_panic(
            cut in 0usize..4000,
            flips in proptest::collection::vec((0usize..4000, proptest::prelude::any::<u8>()), 0..8),
            noise in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..300),
        ) {
            let sheet = Sheet::new("A", vec![vec![S("id"), S("amount")], vec![S("1"), N(2.5)], vec![S("2"), Date(45_000.0)]]);
            for mut bytes in [xlsx(&[sheet.clone()], false), ods(&[sheet])] {
                for (at, byte) in &flips {
                    let len = bytes.len();
                    if let Some(b) = bytes.get_mut(at % len) {
                        *b = *byte;
                    }
                }
                bytes.truncate(cut.max(4).min(bytes.len()));
                if let Ok(book) = Book::read(&bytes) {
                    for i in 0..book.sheets().len() {
                        proptest::prop_assert!(book.csv(i).is_ok());
                    }
                }
            }
            let mut zip_noise = b"PK\x03\x04".to_vec();
            zip_noise.extend(&noise);
            let _ = Book::read(&zip_noise);
            let _ = Book::read(&noise);
        }
    }
}
