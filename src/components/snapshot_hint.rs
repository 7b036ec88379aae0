//! The notice that two deals files look like two exports of the same deals, with the one-click
//! action that reads the later-loaded one as the earlier export (issue 19).

use crate::load::Loader;
use crate::state::DataState;
use leptos::prelude::*;
use pipelens_engine::file_set::snapshot_hint;

/// The notice, when the loaded files call for it.
#[component]
pub fn SnapshotHint() -> impl IntoView {
    let data = DataState::expect();
    let loader = Loader::expect();
    let hint = move || data.loaded.with(|l| snapshot_hint(l.user_files(), l.workspace.earlier.is_some()));
    move || {
        hint().map(|h| {
            let id = h.id;
            let text = format!(
                "{} repeats {:.0} % of the deal ids of {}: it looks like another export of the same deals. ",
                h.name,
                h.share * 100.0,
                h.repeats
            );
            view! {
                <p class="notice" role="status" data-testid="snapshot-hint">
                    {text}
                    <button class="button small" data-testid="as-earlier" on:click=move |_| loader.as_earlier_export(id)>
                        {format!("Compare them: read {} as the earlier export", h.name)}
                    </button>
                </p>
            }
        })
    }
}
