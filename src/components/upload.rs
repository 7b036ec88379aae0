//! Loading a file: the picker button, page-wide drag and drop, and the load itself: read in
//! slices, parsed in chunks of about 30 ms with the page free in between, cancellable.

use crate::io::file_input::{next_frame, read_bytes, ReadError};
use crate::state::{AppState, LoadStatus, Loaded, PendingFile, Shared, Source};
use leptos::prelude::*;
use leptos::task::spawn_local;
use pipelens_engine::ingest::{decode, preview_deals, DealsReader};
use pipelens_engine::{ImportError, Workspace};
use std::sync::Arc;

/// Time a parse chunk aims to take, in ms: short enough that clicks and paints go through.
const CHUNK_MS: f64 = 30.0;

/// Rows for the next chunk, from how long the last one took.
fn next_chunk(rows: usize, elapsed_ms: f64) -> usize {
    let scaled = rows as f64 * CHUNK_MS / elapsed_ms.max(1.0);
    (scaled as usize).clamp(500, 200_000)
}

/// Reads, parses and shows `files[0]` as the deals dataset. On failure the previous data stays
/// on screen and the reason is shown; a newer load or Cancel stops this one.
pub fn load_files(state: AppState, files: web_sys::FileList) {
    let Some(file) = files.get(0) else { return };
    let skipped = files.length().saturating_sub(1);
    let name = file.name();
    let load = state.begin_load();
    let current = move || state.load_id.get_untracked() == load;
    spawn_local(async move {
        let total = file.size();
        state.status.set(LoadStatus::Reading { file: name.clone(), done: 0.0, total });
        let progress = |done, total| state.status.set(LoadStatus::Reading { file: name.clone(), done, total });
        let bytes = match read_bytes(&file, progress, &current).await {
            Ok(b) => Arc::new(b),
            Err(ReadError::Cancelled) => return,
            Err(e) => return state.status.set(LoadStatus::Failed(format!("{name}: {e}."))),
        };
        analyse(state, load, name, bytes, None, skipped).await;
    });
}

/// Parses `bytes` in chunks of about 30 ms (with `mapping`, or mapping the headers
/// automatically) and shows the result. When the headers do not say which column is which,
/// the mapping screen opens instead.
pub async fn analyse(
    state: AppState,
    load: u64,
    name: String,
    bytes: Arc<Vec<u8>>,
    mapping: Option<Vec<Option<usize>>>,
    skipped: u32,
) {
    let current = move || state.load_id.get_untracked() == load;
    let parsing = |rows: usize, done: f64, total: f64| LoadStatus::Parsing { file: name.clone(), rows, done, total };
    state.status.set(parsing(0, 0.0, bytes.len() as f64));
    next_frame().await;
    if !current() {
        return;
    }
    // The decoded text borrows `bytes` and the reader borrows the text; all three live in
    // this future until the load ends.
    let text = match decode(&name, &bytes) {
        Ok(t) => t,
        Err(e) => return state.status.set(LoadStatus::Failed(e.to_string())),
    };
    let total = text.text.len() as f64;
    let mut reader = match DealsReader::open_mapped(&name, bytes.len(), &text, mapping.as_deref()) {
        Ok(r) => r,
        Err(ImportError::MissingFields { .. }) => {
            return match preview_deals(&name, &bytes, PREVIEW_ROWS) {
                Ok(preview) => {
                    state.status.set(LoadStatus::Idle);
                    state.pending.set(Some(Shared(Arc::new(PendingFile { name, bytes: Arc::clone(&bytes), preview }))));
                }
                Err(e) => state.status.set(LoadStatus::Failed(e.to_string())),
            };
        }
        Err(e) => return state.status.set(LoadStatus::Failed(e.to_string())),
    };
    let mut rows = 5_000;
    loop {
        let started = js_sys::Date::now();
        if reader.read_chunk(rows) {
            break;
        }
        rows = next_chunk(rows, js_sys::Date::now() - started);
        state.status.set(parsing(reader.rows_read(), reader.bytes_read() as f64, total));
        next_frame().await;
        if !current() {
            return;
        }
    }
    match reader.finish() {
        Ok(imported) => {
            state.pending.set(None);
            state.show(Loaded {
                workspace: Workspace { deals: Some(imported.table) },
                source: Source::File(name.clone()),
                report: Some(imported.report),
            });
            state.status.set(if skipped > 0 {
                LoadStatus::Notice(format!(
                    "Only one file is read at a time for now: loaded {name}, {skipped} more left out."
                ))
            } else {
                LoadStatus::Idle
            });
        }
        Err(e) => state.status.set(LoadStatus::Failed(e.to_string())),
    }
}

/// Rows shown in the mapping screen's preview.
const PREVIEW_ROWS: usize = 5;

/// The "Load deals CSV" button (a labelled file input, so it works from the keyboard too).
#[component]
pub fn UploadButton() -> impl IntoView {
    let state = expect_context::<AppState>();
    let on_change = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(files) = input.files() {
            load_files(state, files);
        }
        input.set_value("");
    };
    view! {
        <label class="button primary" data-testid="load-button">
            "Load deals CSV"
            <input type="file" accept=".csv,.tsv,.txt,text/csv" class="visually-hidden" data-testid="file-input" on:change=on_change/>
        </label>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_aim_at_thirty_milliseconds() {
        assert_eq!(next_chunk(5_000, 30.0), 5_000);
        assert_eq!(next_chunk(5_000, 60.0), 2_500);
        assert_eq!(next_chunk(5_000, 0.0), 150_000);
        assert_eq!(next_chunk(5_000, 10_000.0), 500);
        assert_eq!(next_chunk(200_000, 1.0), 200_000);
    }
}
