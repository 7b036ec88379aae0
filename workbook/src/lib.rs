//! Reads Excel and OpenDocument workbooks (`.xlsx`, `.xlsm`, `.xlsb`, `.xls`, `.ods`) with
//! `calamine` and turns one sheet into CSV bytes that pipelens' CSV import reads like any other
//! file: UTF-8 with a byte-order mark, commas, fields quoted when they need it.
//!
//! The flow is bytes → [`Book::read`] (every sheet's cells, or a [`WorkbookError`] a user can
//! act on) → [`Book::sheets`] for a sheet picker and [`Book::default_sheet`] for the sheet that
//! looks like a table → [`Book::csv`] for the chosen sheet's CSV and the count of error cells.
//!
//! Plain Rust with no browser crates: tested natively. The web worker that runs it in the
//! browser is the thin `workbook_worker` binary (`src/bin/workbook_worker.rs`), built by Trunk
//! as a second wasm module that the page loads only when a workbook is dropped.

pub mod book;
pub mod cell;
pub mod csv_text;
pub mod error;
pub mod format;
pub mod number;

pub use book::{Book, SheetCsv, SheetInfo};
pub use error::WorkbookError;
pub use format::Format;

#[cfg(test)]
pub(crate) mod fixtures;
#[cfg(test)]
pub(crate) mod testbook;
