//! The parse worker as a program.
//!
//! In the browser (wasm32) it is a dedicated web worker that Trunk builds from this binary and
//! the page starts the first time it reads a file (see the crate's doc and `serve`); when no
//! worker can read a file, the page loads it on its own thread and calls `read_on_page`.
//!
//! Natively it measures what the worker adds to a read: `parse_worker FILE [DATASET]` reads the
//! file as the worker does, then writes and reads back the message the page would get, and
//! prints the rows, the message's size and the time of each step.

#[cfg(target_arch = "wasm32")]
fn main() {
    use wasm_bindgen::JsCast;
    // Loaded by the page itself (no worker could read a file): it calls `read_on_page`.
    if js_sys::global().is_instance_of::<web_sys::DedicatedWorkerGlobalScope>() {
        pipelens_parse::serve::start();
    } else {
        pipelens_parse::text_decoder::install();
    }
}

/// Reads a file on the page's own thread when no worker can (see `pipelens_parse::on_page`):
/// what [`pipelens_parse::serve::on_page`] says, as a promise of the read file's runs.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub async fn read_on_page(
    request: wasm_bindgen::JsValue,
    tell: js_sys::Function,
    keep_going: js_sys::Function,
) -> Result<js_sys::Array, wasm_bindgen::JsValue> {
    pipelens_parse::serve::on_page(request, tell, keep_going).await
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use pipelens_engine::ingest::{read_in_slices, DatasetKind, ReadOptions};
    use pipelens_engine::wire;
    use std::time::Instant;
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: parse_worker FILE [DATASET]   (DATASET: deals, leads, ...; deals by default)");
        return std::process::ExitCode::from(2);
    };
    let kind = match args.get(1) {
        Some(k) => match DatasetKind::ALL.into_iter().find(|d| d.name() == k) {
            Some(kind) => kind,
            None => {
                eprintln!("no dataset {k:?}");
                return std::process::ExitCode::from(2);
            }
        },
        None => DatasetKind::Deals,
    };
    let ms = |t: Instant| t.elapsed().as_secs_f64() * 1e3;
    let result = std::fs::read(path).map_err(|e| e.to_string()).and_then(|bytes| {
        let t = Instant::now();
        let read = read_in_slices(path, &bytes, pipelens_parse::SLICE_BYTES as usize, ReadOptions::new(kind))
            .map_err(|e| e.to_string())?;
        let parse = ms(t);
        let t = Instant::now();
        let message = wire::encode_imported(&read);
        let encode = ms(t);
        let t = Instant::now();
        let back = wire::decode_imported(&message).map_err(|e| e.to_string())?;
        let decode = ms(t);
        if back.data != read.data || back.report != read.report {
            return Err("the read did not survive the wire".into());
        }
        println!(
            "{path}: {} rows kept, {} bytes; parse {parse:.0} ms, message {} bytes, encode {encode:.0} ms, decode {decode:.0} ms",
            read.report.rows_kept,
            bytes.len(),
            message.len()
        );
        Ok(())
    });
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(why) => {
            eprintln!("{path}: {why}");
            std::process::ExitCode::FAILURE
        }
    }
}
