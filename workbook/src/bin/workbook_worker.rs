//! The workbook reader as a program.
//!
//! In the browser (wasm32) it is a dedicated web worker that Trunk builds from this binary
//! and the page starts only when a workbook is dropped. It says `{ready: true}` once its
//! module runs; then, for each message `{bytes: ArrayBuffer, sheet: number | null}`, it
//! replies (the CSV's buffer transferred, not copied) with
//! `{ok: true, sheets: [{name, rows, cols}], sheet, csv: ArrayBuffer, rows, errors}` for the
//! sheet asked for (the table-like one when `sheet` is null), or
//! `{ok: false, encrypted, error}` with the reason in words a user can act on.
//!
//! Natively it reads a workbook file: `workbook_worker FILE [SHEET_NUMBER]` lists the sheets
//! on stderr and writes the sheet's CSV to stdout (used to make and check test fixtures).

#[cfg(target_arch = "wasm32")]
fn main() {
    worker::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use pipelens_workbook::Book;
    use std::io::Write;
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: workbook_worker FILE [SHEET_NUMBER]   (sheets count from 1)");
        return std::process::ExitCode::from(2);
    };
    let result = std::fs::read(path).map_err(|e| e.to_string()).and_then(|bytes| {
        let book = Book::read(&bytes).map_err(|e| e.to_string())?;
        for (i, s) in book.sheets().iter().enumerate() {
            eprintln!("sheet {}: {} ({} × {}, {} rows with data)", i + 1, s.name, s.rows, s.cols, s.filled_rows);
        }
        let sheet = match args.get(1) {
            Some(n) => n.parse::<usize>().map_err(|e| format!("sheet number {n}: {e}"))?.saturating_sub(1),
            None => book.default_sheet(),
        };
        let csv = book.csv(sheet).map_err(|e| e.to_string())?;
        eprintln!("sheet {}: {} rows written, {} error cells left empty", sheet + 1, csv.rows, csv.errors);
        std::io::stdout().write_all(&csv.bytes).map_err(|e| e.to_string())
    });
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(why) => {
            eprintln!("{path}: {why}");
            std::process::ExitCode::FAILURE
        }
    }
}

/// The worker's message loop (browser only).
#[cfg(target_arch = "wasm32")]
mod worker {
    use js_sys::{Array, Object, Reflect, Uint8Array};
    use pipelens_workbook::{Book, WorkbookError};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    /// Installs the message handler and tells the page the worker is ready.
    pub fn start() {
        let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
        let reply_scope = scope.clone();
        let handler = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let (reply, transfer) = answer(&event.data());
            // A reply that cannot be posted leaves the page waiting for an error event; there
            // is no one else to tell.
            let _ = reply_scope.post_message_with_transfer(&reply, &transfer);
        });
        scope.set_onmessage(Some(handler.as_ref().unchecked_ref()));
        // The handler lives as long as the worker.
        handler.forget();
        let ready = Object::new();
        set(&ready, "ready", &JsValue::TRUE);
        let _ = scope.post_message(&ready);
    }

    fn set(object: &Object, key: &str, value: &JsValue) {
        let _ = Reflect::set(object, &JsValue::from_str(key), value);
    }

    /// The reply to one request, and the buffers to transfer with it.
    fn answer(request: &JsValue) -> (JsValue, Array) {
        let reply = Object::new();
        let transfer = Array::new();
        let bytes = Reflect::get(request, &JsValue::from_str("bytes"))
            .ok()
            .filter(|b| b.is_instance_of::<js_sys::ArrayBuffer>());
        let sheet =
            Reflect::get(request, &JsValue::from_str("sheet")).ok().and_then(|s| s.as_f64()).map(|s| s as usize);
        let result = match bytes {
            Some(buffer) => read(&Uint8Array::new(&buffer).to_vec(), sheet),
            None => Err(WorkbookError::NotAWorkbook),
        };
        match result {
            Ok((book, index, csv)) => {
                set(&reply, "ok", &JsValue::TRUE);
                let sheets = Array::new();
                for s in book.sheets() {
                    let entry = Object::new();
                    set(&entry, "name", &JsValue::from_str(&s.name));
                    set(&entry, "rows", &JsValue::from_f64(s.rows as f64));
                    set(&entry, "cols", &JsValue::from_f64(s.cols as f64));
                    sheets.push(&entry);
                }
                set(&reply, "sheets", &sheets);
                set(&reply, "sheet", &JsValue::from_f64(index as f64));
                set(&reply, "rows", &JsValue::from_f64(csv.rows as f64));
                set(&reply, "errors", &JsValue::from_f64(csv.errors as f64));
                let buffer = Uint8Array::from(csv.bytes.as_slice()).buffer();
                set(&reply, "csv", &buffer);
                transfer.push(&buffer);
            }
            Err(e) => {
                set(&reply, "ok", &JsValue::FALSE);
                set(&reply, "encrypted", &JsValue::from_bool(e == WorkbookError::Encrypted));
                set(&reply, "error", &JsValue::from_str(&e.to_string()));
            }
        }
        (reply.into(), transfer)
    }

    /// The book, the sheet read (the one asked for, else the table-like one) and its CSV.
    fn read(bytes: &[u8], sheet: Option<usize>) -> Result<(Book, usize, pipelens_workbook::SheetCsv), WorkbookError> {
        let book = Book::read(bytes)?;
        let index = sheet.unwrap_or_else(|| book.default_sheet());
        let csv = book.csv(index)?;
        Ok((book, index, csv))
    }
}
