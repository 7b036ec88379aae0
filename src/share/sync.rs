//! Keeping the address (and, when asked, this device's storage) in step with the view: the
//! fragment is rewritten as the user works, and a fragment the user opens or pastes is applied.

use super::deflate;
use super::device::{self, Remember};
use super::fragment::{pack_view, unpack_view, Data, Fragment, VERSION};
use super::link::{LinkState, LinkUi};
use crate::load::{bundle_loaded, load_bundle};
use crate::state::{AppState, LoadStatus, Loaded, Shared, Source};
use leptos::prelude::*;
use pipelens_engine::share::{bundle, codec};
use std::sync::Arc;

/// A link whose data waits for its passphrase.
#[derive(Clone, Debug, PartialEq)]
pub struct LockedLink {
    /// The locked data, base64url.
    pub payload: String,
    /// The view to show once it is open.
    pub link: LinkState,
}

fn current_hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// Applies a view to what is loaded: theme, stage rules, filters, period, targets, board,
/// currency.
pub fn apply(state: AppState, link: &LinkState) {
    if let Some(dark) = link.dark() {
        state.dark.set(dark);
    }
    let restaged = state.loaded.with_untracked(|l| {
        let mut workspace = l.workspace.clone();
        link.apply_stages(&mut workspace).then(|| Loaded { workspace, source: l.source, files: l.files.clone() })
    });
    if let Some(next) = restaged {
        state.loaded.set(Shared(Arc::new(next)));
    }
    state.view.update(|v| *v = link.view_settings(v));
    state.currency.set(state.loaded.with_untracked(|l| link.currency_code(&l.workspace)));
}

/// Opens a view and the data it carries: data in the link is read first; a locked one waits for
/// its passphrase; a view of files not loaded waits for them.
pub fn open(state: AppState, link: LinkState, data: Option<Data>) {
    match data {
        Some(data @ Data::Open(_)) => open_data(state, link, data, true),
        Some(Data::Locked(payload)) => state.locked.set(Some(LockedLink { payload, link })),
        None if state.loaded.with_untracked(|l| link.files_match(l)) || link.files.is_empty() => apply(state, &link),
        None => state.awaiting.set(Some(link)),
    }
}

/// Whether two views are of the same files (by name and dataset).
fn same_files(a: &LinkState, b: &LinkState) -> bool {
    a.files.len() == b.files.len()
        && a.files.iter().all(|f| b.files.iter().any(|g| g.name == f.name && g.kind == f.kind))
}

/// Reads packed (not locked) data, then shows it with `link`'s view; `in_address`: whether the
/// data stays in the address (it came from there).
fn open_data(state: AppState, link: LinkState, data: Data, in_address: bool) {
    let Data::Open(text) = &data else { return };
    let text = text.clone();
    leptos::task::spawn_local(async move {
        let files = match codec::decode(&text) {
            Ok(packed) => deflate::inflate(&packed).await.and_then(|b| bundle::read(&b)),
            Err(e) => Err(e),
        };
        match files {
            Ok(files) => open_files(state, files, link, in_address.then_some(data)),
            Err(e) => state.status.set(LoadStatus::Failed(format!("This link's data cannot be opened: {e}."))),
        }
    });
}

/// Shows the files a link (or this device) carried, then the view.
pub fn open_files(
    state: AppState,
    files: Vec<pipelens_engine::share::BundledFile>,
    link: LinkState,
    data: Option<Data>,
) {
    state.awaiting.set(None);
    load_bundle(state, files, move |state| {
        state.link_data.set(data);
        apply(state, &link);
    });
}

/// Unlocks a locked link with `passphrase`; on success its data and view are shown.
pub async fn unlock(state: AppState, locked: LockedLink, passphrase: String) -> Result<(), String> {
    let sealed = codec::decode(&locked.payload).map_err(|e| e.to_string())?;
    let packed = super::crypto::unlock(&passphrase, &sealed).await.map_err(|e| e.to_string())?;
    let files = deflate::inflate(&packed).await.and_then(|b| bundle::read(&b)).map_err(|e| e.to_string())?;
    state.locked.set(None);
    open_files(state, files, locked.link, Some(Data::Locked(locked.payload)));
    Ok(())
}

/// The view on screen.
pub fn capture(state: AppState) -> LinkState {
    let dark = state.dark.get();
    let code = state.currency.get();
    state.view.with(|v| {
        state.loaded.with(|l| {
            let currency = code.and_then(|c| {
                let deals = l.workspace.deals.as_ref()?;
                deals.currencies().into_iter().find(|x| x.0 == c).map(|x| x.1.to_owned())
            });
            LinkState::capture(v, currency.as_deref(), dark, l)
        })
    })
}

/// Opens the address the page was opened with (or what this device remembers), then keeps the
/// address current and follows addresses the user opens in this tab.
pub fn start(state: AppState) {
    // The address written last, and the one to write next (the same when none is waiting).
    let written = StoredValue::new((String::new(), String::new()));
    // Bumped when the address loses its view (a navigation link): it is written again.
    let rewrite = RwSignal::new(0u32);
    let first = Fragment::parse(&current_hash());
    let remembered = device::remembered();
    let address_view = first.view.as_deref().and_then(|v| unpack_view(v).ok());
    match remembered {
        // The files this device remembers, with the address's view when it is a view of them
        // (a reload) — but never put in the address, which may be copied and shared.
        Some((saved, Some(data)))
            if first.data.is_none() && address_view.as_ref().is_none_or(|v| same_files(v, &saved)) =>
        {
            open_data(state, address_view.unwrap_or(saved), data, false);
        }
        _ if first.view.is_some() || first.data.is_some() => open_fragment(state, first),
        Some((saved, _)) => open(state, saved, None),
        None => {}
    }

    Effect::new(move |_| {
        rewrite.track();
        let link = capture(state);
        let page = state.page.get();
        let data = state.link_data.get();
        if state.remember.get() != Remember::Nothing {
            device::save_settings(&link);
        }
        // A view waiting for its files or passphrase keeps the address it came with.
        if state.awaiting.with(Option::is_some) || state.locked.with(Option::is_some) {
            return;
        }
        let fragment = Fragment { page, version: VERSION, view: Some(pack_view(&link)), data }.compose();
        let scheduled = written.with_value(|w| w.0 != w.1);
        written.update_value(|w| w.1 = fragment);
        if !scheduled {
            write_address_soon(written);
        }
    });

    let listener = window_event_listener(leptos::ev::hashchange, move |_| {
        let hash = current_hash();
        if written.with_value(|w| hash != w.0 && hash != w.1) {
            let f = Fragment::parse(&hash);
            // An address naming only a page (the navigation's links) keeps the view.
            if f.view.is_some() {
                let data = f.data.clone().filter(|d| state.link_data.with_untracked(|l| l.as_ref() != Some(d)));
                open_fragment(state, Fragment { data, ..f });
            } else {
                rewrite.update(|n| *n += 1);
            }
        }
    });
    // The listener lives as long as the app.
    std::mem::forget(listener);

    // A view waiting for its files opens once they are all loaded.
    Effect::new(move |_| {
        let ready = state
            .loaded
            .with(|l| state.awaiting.with_untracked(|a| a.as_ref().is_some_and(|link| link.files_match(l))));
        if let Some(link) = ready.then(|| state.awaiting.get_untracked()).flatten() {
            state.awaiting.set(None);
            apply(state, &link);
        }
    });

    // Remembered data follows the files loaded.
    Effect::new(move |_| {
        let files = state.loaded.with(|l| l.source == Source::Files);
        if state.remember.get() == Remember::SettingsAndData && files {
            leptos::task::spawn_local(async move { remember_data(state).await });
        }
    });
}

fn open_fragment(state: AppState, f: Fragment) {
    let link = match f.view.as_deref().map(unpack_view) {
        Some(Ok(link)) => link,
        Some(Err(e)) => {
            state.status.set(LoadStatus::Notice(format!(
                "This link's view could not be read ({e}); showing the default view."
            )));
            LinkState::default()
        }
        None => LinkState::default(),
    };
    if f.version > VERSION {
        state.status.set(LoadStatus::Notice(
            "This link was made by a newer version of pipelens; it shows what this version understands.".into(),
        ));
    }
    open(state, link, f.data);
}

/// Stores the loaded files, packed, when the user asked to remember the data.
pub async fn remember_data(state: AppState) {
    let stored = match bundle_loaded(state).await {
        Ok(files) => match deflate::deflate(&bundle::write(&files)).await {
            Ok(packed) => device::save_data(&codec::encode(&packed)),
            Err(e) => Err(e),
        },
        Err(e) => Err(e),
    };
    if let Err(why) = stored {
        state.status.set(LoadStatus::Notice(why));
    }
}

/// Writes the address waiting in `written` after the current task. Every change of the view
/// writes the address, and Chromium lays the page out on each `replaceState` (to save the
/// scroll position): a filter change that updates the address many times while the page is
/// being rebuilt would lay it out as many times. Batched, it is written once, after the page.
fn write_address_soon(written: StoredValue<(String, String)>) {
    let write = wasm_bindgen::closure::Closure::once_into_js(move || {
        let next = written.with_value(|w| w.1.clone());
        if next != current_hash() {
            let _ = window()
                .history()
                .and_then(|h| h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&next)));
        }
        written.update_value(|w| w.0 = next);
    });
    let _ =
        window().set_timeout_with_callback_and_timeout_and_arguments_0(wasm_bindgen::JsCast::unchecked_ref(&write), 0);
}
