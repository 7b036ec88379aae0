//! Browser I/O: the only code that touches `web_sys::File`.

pub mod download;
pub mod file_input;
pub mod file_store;
pub mod workbook;
