//! The notice that two deals files look like two exports of the same deals, with the one-click
//! action that reads the later-loaded one as the earlier export (issue 19).

use crate::i18n::sources::Origin;
use crate::i18n::{current, tf};
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
            let lang = current();
            let share = match lang {
                // The English line as it always read: `97 %`.
                pipelens_engine::lang::Lang::En => format!("{:.0} %", h.share * 100.0),
                _ => pipelens_engine::format::local::percent(lang, h.share, 0),
            };
            let text = tf(Origin::SnapshotHint, &[("file", h.name.clone()), ("share", share), ("other", h.repeats.clone())]);
            view! {
                <p class="notice" role="status" data-testid="snapshot-hint">
                    {text}
                    <button class="button small" data-testid="as-earlier" on:click=move |_| loader.as_earlier_export(id)>
                        {tf(Origin::CompareThem, &[("file", h.name.clone())])}
                    </button>
                </p>
            }
        })
    }
}
