//! The mapping screen: when a file's headers do not say which column is which, the user picks
//! a column for each field, sees the first values it holds, and reads the file with that choice.

use crate::components::upload::analyse;
use crate::state::{AppState, PendingFile, Shared};
use leptos::prelude::*;
use leptos::task::spawn_local;
use pipelens_engine::ingest::{DatasetKind, DEAL_FIELDS};
use std::sync::Arc;

/// Columns for the file waiting in [`AppState::pending`].
#[component]
pub fn ColumnMapper(pending: Shared<PendingFile>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let p = Arc::clone(&pending.0);
    let guess = p.preview.mapping.clone();
    let choice = RwSignal::new(guess.clone());
    let headers = p.preview.headers.clone();
    let missing = move || choice.with(|c| DatasetKind::Deals.missing_in(c));

    let rows = DEAL_FIELDS
        .iter()
        .enumerate()
        .map(|(i, field)| {
            let options = std::iter::once(view! { <option value="">"— not in the file —"</option> }.into_any())
                .chain(headers.iter().enumerate().map(|(c, h)| {
                    let selected = guess[i] == Some(c);
                    view! { <option value=c.to_string() selected=selected>{h.clone()}</option> }.into_any()
                }))
                .collect_view();
            let on_change = move |ev: leptos::ev::Event| {
                let column = event_target_value(&ev).parse::<usize>().ok();
                choice.update(|c| c[i] = column);
            };
            let sample = {
                let p = Arc::clone(&p);
                move || {
                    choice.with(|c| c[i]).map_or(String::new(), |col| {
                        p.preview
                            .rows
                            .iter()
                            .filter_map(|r| r.get(col))
                            .take(3)
                            .cloned()
                            .collect::<Vec<_>>()
                            .join(" · ")
                    })
                }
            };
            let need = match field.one_of {
                Some(group) => format!("required ({group})"),
                None if field.required => "required".to_owned(),
                None => String::new(),
            };
            let why = if guess[i].is_some() { "matched by its name" } else { "" };
            let label = format!("Column for {}", field.name);
            view! {
                <tr data-field=field.name>
                    <th scope="row">{field.name}<span class="need">{need}</span></th>
                    <td><select aria-label=label on:change=on_change>{options}</select></td>
                    <td class="sample">{sample}</td>
                    <td class="muted">{why}</td>
                </tr>
            }
        })
        .collect_view();

    let use_columns = {
        let p = Arc::clone(&p);
        move |_| {
            let load = state.begin_load();
            let (name, bytes, mapping) = (p.name.clone(), Arc::clone(&p.bytes), choice.get_untracked());
            spawn_local(analyse(state, load, name, bytes, Some(mapping), 0));
        }
    };
    view! {
        <section class="card mapper" aria-labelledby="mapper-title" data-testid="column-mapper">
            <h2 id="mapper-title">{format!("Which column holds what in {}?", p.name)}</h2>
            <p>
                "The headers do not say which column is which. Choose a column for each field; the first values it holds are shown beside it. "
                "The file stays in this tab."
            </p>
            <table class="data-table compact">
                <thead><tr><th scope="col">"Field"</th><th scope="col">"Column"</th><th scope="col">"First values"</th><th scope="col">"Why"</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
            <p class="mapper-actions">
                <button class="button primary" data-testid="use-columns" disabled=move || !missing().is_empty() on:click=use_columns>
                    "Use these columns"
                </button>
                <button class="button" on:click=move |_| state.pending.set(None)>"Cancel"</button>
                <span class="muted" data-testid="still-needed">
                    {move || { let m = missing(); if m.is_empty() { String::new() } else { format!("Still needed: {}", m.join(", ")) } }}
                </span>
            </p>
        </section>
    }
}
