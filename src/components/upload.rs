//! Loading a file: the picker button, page-wide drag and drop, and the load itself.

use crate::io::file_input::{next_frame, read_bytes};
use crate::state::{AppState, LoadStatus, Loaded, Source};
use leptos::prelude::*;
use leptos::task::spawn_local;
use pipelens_engine::{ingest, Workspace};

/// Reads, parses and shows `files[0]` as the deals dataset. On failure the previous data stays
/// on screen and the reason is shown.
pub fn load_files(state: AppState, files: web_sys::FileList) {
    let Some(file) = files.get(0) else { return };
    let skipped = files.length().saturating_sub(1);
    let name = file.name();
    spawn_local(async move {
        let total = file.size();
        state.status.set(LoadStatus::Reading { file: name.clone(), done: 0.0, total });
        let progress = |done, total| state.status.set(LoadStatus::Reading { file: name.clone(), done, total });
        let bytes = match read_bytes(&file, progress).await {
            Ok(b) => b,
            Err(e) => return state.status.set(LoadStatus::Failed(format!("{name}: {e}."))),
        };
        state.status.set(LoadStatus::Parsing { file: name.clone() });
        next_frame().await;
        match ingest::read_deals(&name, &bytes) {
            Ok(imported) => {
                state.show(Loaded {
                    workspace: Workspace { deals: Some(imported.table) },
                    source: Source::File(name.clone()),
                    report: Some(imported.report),
                });
                state.status.set(if skipped > 0 {
                    LoadStatus::Notice(format!("Only one file is read at a time for now: loaded {name}, {skipped} more left out."))
                } else {
                    LoadStatus::Idle
                });
            }
            Err(e) => state.status.set(LoadStatus::Failed(e.to_string())),
        }
    });
}

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
