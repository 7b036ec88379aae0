//! Browser I/O: the only code that touches `web_sys::File`.

pub mod file_input;
