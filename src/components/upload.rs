//! The "Load CSV files" button (a labelled file input, so it works from the keyboard too).

use crate::load::Loader;
use leptos::prelude::*;

/// Picks one or more CSV files.
#[component]
pub fn UploadButton() -> impl IntoView {
    let loader = Loader::expect();
    let on_change = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(files) = input.files() {
            loader.files(files);
        }
        input.set_value("");
    };
    view! {
        <label class="button primary" data-testid="load-button" on:click=move |_| loader.expect_files()>
            {crate::i18n::t(crate::i18n::panels::Data::Load)}
            <input type="file" multiple=true accept=".csv,.tsv,.txt,text/csv" class="visually-hidden" data-testid="file-input" on:change=on_change/>
        </label>
    }
}
