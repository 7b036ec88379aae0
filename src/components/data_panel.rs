//! What is loaded: each file with the dataset it was read as (changeable), its rows, how its
//! columns were found (with a review link), and whether a further file replaces or joins a
//! dataset; plus a template for every dataset.

use crate::components::sheet_picker::SheetPicker;
use crate::components::snapshot_hint::SnapshotHint;
use crate::io::download::download_text;
use crate::load::Loader;
use crate::state::{DataState, FileEntry, Source};
use leptos::prelude::*;
use pipelens_engine::export::template;
use pipelens_engine::format::grouped;
use pipelens_engine::ingest::DatasetKind;

/// The loaded files and datasets.
#[component]
pub fn DataPanel() -> impl IntoView {
    let data = DataState::expect();
    let files = move || data.loaded.with(|l| l.files.clone());
    let datasets = move || {
        data.loaded.with(|l| {
            DatasetKind::ALL
                .iter()
                .map(|&k| {
                    let rows = l.workspace.rows(k);
                    let text = match rows {
                        Some(n) => format!("{} ({})", k.name(), grouped(n as f64, 0)),
                        None => k.name().to_owned(),
                    };
                    view! { <li class:loaded=rows.is_some() data-dataset=k.name() data-rows=rows.map(|n| n.to_string())>{text}</li> }
                })
                .collect_view()
        })
    };
    let demo = move || data.loaded.with(|l| l.source == Source::Demo);
    let on_mode = move |ev: leptos::ev::Event| data.append.set(event_target_value(&ev) == "append");
    view! {
        <section class="card data-panel" aria-labelledby="data-title" data-testid="data-panel">
            <h2 id="data-title">"Data"</h2>
            <ul class="datasets" aria-label="Datasets (rows loaded)">{datasets}</ul>
            <SnapshotHint/>
            <Show when=move || !demo()>
                <table class="data-table compact" data-testid="loaded-files">
                    <thead><tr>
                        <th scope="col">"File"</th><th scope="col">"Read as"</th><th scope="col" class="num">"Rows kept"</th>
                        <th scope="col" class="num">"Rejected"</th><th scope="col">"Columns"</th><th scope="col"><span class="visually-hidden">"Remove"</span></th>
                    </tr></thead>
                    <tbody>
                        <For each=files key=|f| (f.id, f.kind, f.report.rows_kept, f.auto) children=move |f| view! { <FileRow entry=f/> }/>
                    </tbody>
                </table>
            </Show>
            <p class="muted">
                <label>
                    "A further file for a dataset that is loaded "
                    <select data-testid="append-mode" on:change=on_mode>
                        <option value="replace" selected=move || !data.append.get()>"replaces it"</option>
                        <option value="append" selected=move || data.append.get()>"is added to it"</option>
                    </select>
                </label>
                " · files dropped together for one dataset are always added together; repeated ids are rejected and listed."
            </p>
            <p class="muted templates">
                "Templates: "
                {DatasetKind::ALL.iter().map(|&k| view! {
                    <button class="link" data-testid=format!("template-{}", k.name()) on:click=move |_| {
                        let _ = download_text(&format!("pipelens-{}-template.csv", k.name()), "text/csv", &template(k));
                    }>{k.name()}</button>
                    " "
                }).collect_view()}
            </p>
        </section>
    }
}

/// One loaded file.
#[component]
fn FileRow(entry: FileEntry) -> impl IntoView {
    let loader = Loader::expect();
    let kinds = DatasetKind::ALL
        .iter()
        .map(|&k| view! { <option value=k.name() selected=k == entry.kind>{k.name()}</option> })
        .collect_view();
    let on_kind = {
        let entry = entry.clone();
        move |ev: leptos::ev::Event| {
            let name = event_target_value(&ev);
            if let Some(&k) = DatasetKind::ALL.iter().find(|k| k.name() == name) {
                loader.review(entry.clone(), Some(k));
            }
        }
    };
    let on_review = {
        let entry = entry.clone();
        move |_| loader.review(entry.clone(), None)
    };
    let id = entry.id;
    let how = if entry.auto { "mapped automatically — review" } else { "chosen by hand — review" };
    view! {
        <tr data-file=entry.name.clone()>
            <th scope="row">{entry.name.clone()} <SheetPicker entry=entry.clone()/></th>
            <td><select aria-label=format!("Dataset of {}", entry.name) data-testid="file-dataset" on:change=on_kind>{kinds}</select></td>
            <td class="num">{grouped(entry.report.rows_kept as f64, 0)}</td>
            <td class="num">{grouped(entry.report.rejected.len() as f64, 0)}</td>
            <td><button class="link" data-testid="review-mapping" on:click=on_review>{how}</button></td>
            <td><button class="button small" aria-label=format!("Remove {}", entry.name) on:click=move |_| loader.remove(id)>"Remove"</button></td>
        </tr>
    }
}
