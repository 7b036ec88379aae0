//! Workbooks (`.xlsx`, `.xlsm`, `.xlsb`, `.xls`, `.ods`): read in a web worker, a second wasm
//! module (the `workbook/` crate, built by Trunk) that the page starts only when a workbook is
//! dropped, so the first page's module does not carry a workbook reader. The page transfers
//! the file's bytes to the worker; the worker replies with the sheet list and one sheet as CSV
//! bytes (transferred back); the page makes of them a CSV `File` named
//! `<workbook> (<sheet>).csv`, which the import reads like any dropped CSV. Which workbook and
//! sheet each such file came from is remembered here, for the sheet picker.

use js_sys::{Array, Function, Object, Promise, Reflect, Uint8Array};
use pipelens_parse::js::describe;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The worker's loader, as Trunk names it (the binary's name; workers get no content hash),
/// relative to the page.
const WORKER_URL: &str = "./workbook_worker_loader.js";

/// File-name endings of the workbooks the worker reads.
const EXTENSIONS: [&str; 5] = [".xlsx", ".xlsm", ".xlsb", ".xls", ".ods"];

/// Whether a file name names a workbook (by its extension, in any case).
pub fn named(file: &str) -> bool {
    let lower = file.to_ascii_lowercase();
    EXTENSIONS.iter().any(|ext| lower.ends_with(ext))
}

/// The CSV file name of sheet `sheet` of workbook `workbook`: `deals.xlsx (Q1).csv`.
pub fn csv_name(workbook: &str, sheet: &str) -> String {
    format!("{workbook} ({sheet}).csv")
}

/// One sheet of a workbook, as the picker lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetEntry {
    /// Its name.
    pub name: String,
    /// Rows of its used range.
    pub rows: usize,
    /// Columns of its used range.
    pub cols: usize,
}

/// Where a CSV file made from a workbook came from.
#[derive(Clone)]
pub struct Origin {
    /// The workbook the user dropped.
    pub workbook: web_sys::File,
    /// Its sheets.
    pub sheets: Vec<SheetEntry>,
    /// The sheet the CSV holds.
    pub sheet: usize,
    /// Cells of that sheet that held an error value, read as empty.
    pub errors: usize,
}

thread_local! {
    static ORIGINS: RefCell<HashMap<u64, Origin>> = RefCell::new(HashMap::new());
}

/// Remembers that the file kept under `id` is a sheet of a workbook.
pub fn remember(id: u64, origin: Option<Origin>) {
    if let Some(origin) = origin {
        ORIGINS.with(|o| o.borrow_mut().insert(id, origin));
    }
}

/// The workbook and sheet the file kept under `id` came from, if it came from one.
pub fn origin(id: u64) -> Option<Origin> {
    ORIGINS.with(|o| o.borrow().get(&id).cloned())
}

/// Forgets the origins of files no longer kept.
pub fn retain(ids: &[u64]) {
    ORIGINS.with(|o| o.borrow_mut().retain(|id, _| ids.contains(id)));
}

/// `file` as the import should read it: a workbook becomes one of its sheets as CSV (`sheet`,
/// or the one that looks like a table), with where it came from; any other file stays as it is.
/// The error says what is wrong in words a user can act on, naming the file.
pub async fn as_csv(file: web_sys::File, sheet: Option<usize>) -> Result<(web_sys::File, Option<Origin>), String> {
    let name = file.name();
    if !named(&name) {
        return Ok((file, None));
    }
    let reply = ask_worker(&file, sheet).await.map_err(|why| format!("{name}: {why}."))?;
    let get = |key: &str| Reflect::get(&reply, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED);
    if get("ok").as_bool() != Some(true) {
        let why = get("error").as_string().unwrap_or_else(|| "the workbook could not be read".into());
        return Err(format!("{name}: {why}."));
    }
    let number = |v: JsValue| v.as_f64().unwrap_or(0.0) as usize;
    let sheets: Vec<SheetEntry> = Array::from(&get("sheets"))
        .iter()
        .map(|s| {
            let field = |k: &str| Reflect::get(&s, &JsValue::from_str(k)).unwrap_or(JsValue::UNDEFINED);
            SheetEntry {
                name: field("name").as_string().unwrap_or_default(),
                rows: number(field("rows")),
                cols: number(field("cols")),
            }
        })
        .collect();
    let index = number(get("sheet"));
    let sheet_name = sheets.get(index).map_or_else(|| format!("sheet {}", index + 1), |s| s.name.clone());
    let csv = Uint8Array::new(&get("csv"));
    let parts = Array::of1(&csv);
    let made = web_sys::File::new_with_u8_array_sequence(&parts, &csv_name(&name, &sheet_name))
        .map_err(|_| format!("{name}: the browser could not hold the sheet read from the workbook."))?;
    let origin = Origin { workbook: file, sheets, sheet: index, errors: number(get("errors")) };
    Ok((made, Some(origin)))
}

/// Starts a worker, waits for it to say it is ready, sends it the workbook's bytes (transferred)
/// and the sheet wanted, and returns its reply. The worker is ended once it has replied.
async fn ask_worker(file: &web_sys::File, sheet: Option<usize>) -> Result<JsValue, String> {
    let bytes = JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| format!("the browser could not read the file ({})", describe(&e)))?;
    let worker = web_sys::Worker::new(WORKER_URL)
        .map_err(|e| format!("the workbook reader could not start ({})", describe(&e)))?;
    // The promise's resolve and reject, handed to the handlers below once the promise exists.
    let settle: Rc<RefCell<Option<(Function, Function)>>> = Rc::new(RefCell::new(None));
    let on_message = {
        let (settle, worker, bytes) = (Rc::clone(&settle), worker.clone(), bytes.clone());
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let data = event.data();
            let ready = Reflect::get(&data, &JsValue::from_str("ready")).ok().and_then(|v| v.as_bool());
            if ready == Some(true) {
                let request = Object::new();
                let _ = Reflect::set(&request, &JsValue::from_str("bytes"), &bytes);
                let wanted = sheet.map_or(JsValue::NULL, |s| JsValue::from_f64(s as f64));
                let _ = Reflect::set(&request, &JsValue::from_str("sheet"), &wanted);
                if let Err(e) = worker.post_message_with_transfer(&request, &Array::of1(&bytes)) {
                    if let Some((_, reject)) = settle.borrow_mut().take() {
                        let _ = reject.call1(&JsValue::NULL, &e);
                    }
                }
            } else if let Some((resolve, _)) = settle.borrow_mut().take() {
                let _ = resolve.call1(&JsValue::NULL, &data);
            }
        })
    };
    let on_error = {
        let settle = Rc::clone(&settle);
        Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
            // Handled here: not an error of the page (web/boot.js would show its crash panel).
            event.prevent_default();
            let message = event
                .dyn_ref::<web_sys::ErrorEvent>()
                .map(|e| e.message())
                .filter(|m| !m.is_empty())
                .unwrap_or_else(|| "the workbook reader stopped".into());
            if let Some((_, reject)) = settle.borrow_mut().take() {
                let _ = reject.call1(&JsValue::NULL, &JsValue::from_str(&message));
            }
        })
    };
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    let promise = Promise::new(&mut |resolve, reject| {
        *settle.borrow_mut() = Some((resolve, reject));
    });
    let reply = JsFuture::from(promise).await;
    worker.terminate();
    drop((on_message, on_error));
    reply.map_err(|e| format!("the workbook could not be read: it may be damaged; open it in Excel or LibreOffice and save a new copy ({})", describe(&e)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workbooks_are_named_by_their_extension() {
        let cases = [
            ("deals.xlsx", true),
            ("DEALS.XLSM", true),
            ("old.xls", true),
            ("b.xlsb", true),
            ("calc.ods", true),
            ("deals.csv", false),
            ("deals.xlsx.csv", false),
            ("xlsx", false),
        ];
        for (name, is) in cases {
            assert_eq!(named(name), is, "{name}");
        }
    }

    #[test]
    fn a_sheet_is_named_after_its_workbook() {
        assert_eq!(csv_name("deals.xlsx", "Q1 2024"), "deals.xlsx (Q1 2024).csv");
        assert_eq!(csv_name("umowy.ods", "Umowy – 2024 年"), "umowy.ods (Umowy – 2024 年).csv");
    }
}
