//! What is loaded: each file with the dataset it was read as (changeable), its rows, how its
//! columns were found (with a review link), and whether a further file replaces or joins a
//! dataset; plus a template for every dataset.

use crate::components::missing_data::dataset_name;
use crate::components::sheet_picker::SheetPicker;
use crate::components::snapshot_hint::SnapshotHint;
use crate::i18n::panels::Data;
use crate::i18n::{t, tf};
use crate::io::download::download_text;
use crate::load::Loader;
use crate::state::{DataState, FileEntry, Source};
use leptos::prelude::*;
use pipelens_engine::export::template;
use pipelens_engine::format::local::int;
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
                        Some(n) => format!("{} ({})", dataset_name(k), int(crate::i18n::current(), n)),
                        None => dataset_name(k).to_owned(),
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
            <h2 id="data-title">{t(Data::Heading)}</h2>
            <ul class="datasets" aria-label=t(Data::Datasets)>{datasets}</ul>
            <SnapshotHint/>
            <Show when=move || !demo()>
                <table class="data-table compact" data-testid="loaded-files">
                    <thead><tr>
                        <th scope="col">{t(Data::File)}</th><th scope="col">{t(Data::ReadAs)}</th><th scope="col" class="num">{t(Data::RowsKept)}</th>
                        <th scope="col" class="num">{t(Data::Rejected)}</th><th scope="col">{t(Data::Columns)}</th><th scope="col"><span class="visually-hidden">{t(Data::Remove)}</span></th>
                    </tr></thead>
                    <tbody>
                        <For each=files key=|f| (f.id, f.kind, f.report.rows_kept, f.auto) children=move |f| view! { <FileRow entry=f/> }/>
                    </tbody>
                </table>
            </Show>
            <p class="muted">
                <label>
                    {t(Data::FurtherFile)}" "
                    <select data-testid="append-mode" on:change=on_mode>
                        <option value="replace" selected=move || !data.append.get()>{t(Data::Replaces)}</option>
                        <option value="append" selected=move || data.append.get()>{t(Data::IsAdded)}</option>
                    </select>
                </label>
                {t(Data::Together)}
            </p>
            <p class="muted templates">
                {t(Data::Templates)}" "
                {DatasetKind::ALL.iter().map(|&k| view! {
                    <button class="link" data-testid=format!("template-{}", k.name()) on:click=move |_| {
                        let _ = download_text(&format!("pipelens-{}-template.csv", k.name()), "text/csv", &template(k));
                    }>{dataset_name(k)}</button>
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
    let how = t(if entry.auto { Data::Auto } else { Data::ByHand });
    view! {
        <tr data-file=entry.name.clone()>
            <th scope="row">{entry.name.clone()} <SheetPicker entry=entry.clone()/></th>
            <td><select aria-label=tf(Data::DatasetOf, &[("name", entry.name.clone())]) data-testid="file-dataset" on:change=on_kind>{kinds}</select></td>
            <td class="num">{int(crate::i18n::current(), entry.report.rows_kept)}</td>
            <td class="num">{int(crate::i18n::current(), entry.report.rejected.len())}</td>
            <td><button class="link" data-testid="review-mapping" on:click=on_review>{how}</button></td>
            <td><button class="button small" aria-label=tf(Data::RemoveFile, &[("name", entry.name.clone())]) on:click=move |_| loader.remove(id)>{t(Data::Remove)}</button></td>
        </tr>
    }
}
