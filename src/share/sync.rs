//! Keeping the address (and, when asked, this device's storage) in step with the view: the
//! fragment is rewritten as the user works, and a fragment the user opens or pastes is applied.

use super::deflate;
use super::device;
use super::fragment::{pack_view, unpack_view, Fragment, VERSION};
use super::link::{files_match, view_settings};
use crate::load::{bundle_loaded, load_bundle};
use crate::state::{AppState, LinkData, Loaded, LockedLink, Remember, Shared, Source};
use leptos::prelude::*;
use pipelens_engine::share::{bundle, codec, notice, LinkState, Notice, Version};
use std::sync::Arc;

fn current_hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// Applies a view to what is loaded: theme, language, stage rules, filters, period, targets, board,
/// currency.
fn apply(state: AppState, link: &LinkState) {
    if let Some(dark) = link.dark() {
        state.view.dark.set(dark);
    }
    // Set only when it changes: a new language rebuilds the page (and closes open panels).
    if let Some(lang) = link.language().filter(|l| *l != state.view.lang.get_untracked()) {
        state.view.lang.set(lang);
    }
    let restaged = state.data.loaded.with_untracked(|l| {
        let mut workspace = l.workspace.clone();
        link.apply_stages(&mut workspace).then(|| Loaded { workspace, source: l.source, files: l.files.clone() })
    });
    if let Some(next) = restaged {
        state.data.loaded.set(Shared(Arc::new(next)));
    }
    state.view.view.update(|v| *v = view_settings(link, v));
    // A period far from the data is clamped to the years the data covers, and said so.
    let years = state.data.loaded.with_untracked(|l| l.workspace.data_years());
    if let (Some(asked), Some(years)) = (state.view.view.with_untracked(|v| v.period), years) {
        if let (shown, Some(notice)) = pipelens_engine::share::clamp_to(asked, years) {
            state.view.view.update(|v| v.period = Some(shown));
            let notice = notice::summary(&[notice]).unwrap_or_default();
            let said = match state.data.status.get_untracked() {
                crate::state::LoadStatus::Notice(before) => format!("{before} {notice}"),
                _ => notice,
            };
            state.data.notice(said);
        }
    }
    state.view.currency.set(state.data.loaded.with_untracked(|l| link.currency_code(&l.workspace)));
}

/// Opens a view and the data it carries: data in the link is read first; a locked one waits for
/// its passphrase; a view of files not loaded waits for them.
fn open(state: AppState, link: LinkState, data: Option<LinkData>) {
    match data {
        Some(data @ LinkData::Open(_)) => open_data(state, link, data, true),
        Some(LinkData::Locked(payload)) => state.share.locked.set(Some(LockedLink { payload, link })),
        None if state.data.loaded.with_untracked(|l| files_match(&link, l)) || link.files.is_empty() => {
            apply(state, &link)
        }
        None => state.share.awaiting.set(Some(link)),
    }
}

/// Reads packed (not locked) data, then shows it with `link`'s view; `in_address`: whether the
/// data stays in the address (it came from there).
fn open_data(state: AppState, link: LinkState, data: LinkData, in_address: bool) {
    let LinkData::Open(text) = &data else { return };
    let text = text.clone();
    leptos::task::spawn_local(async move {
        let files = match codec::decode(&text) {
            Ok(packed) => deflate::inflate(&packed).await.and_then(|b| bundle::read(&b)),
            Err(e) => Err(e),
        };
        match files {
            Ok(files) => open_files(state, files, link, in_address.then_some(data)),
            Err(e) => state
                .data
                .fail(crate::i18n::tf(crate::i18n::messages::Message::LinkDataUnreadable, &[("why", e.to_string())])),
        }
    });
}

/// Shows the files a link (or this device) carried, then the view.
fn open_files(
    state: AppState,
    files: Vec<pipelens_engine::share::BundledFile>,
    link: LinkState,
    data: Option<LinkData>,
) {
    state.share.awaiting.set(None);
    load_bundle(state, files, move |state| {
        state.share.link_data.set(data);
        apply(state, &link);
    });
}

/// Unlocks a locked link with `passphrase`; on success its data and view are shown.
async fn unlock(state: AppState, locked: LockedLink, passphrase: String) -> Result<(), String> {
    let sealed = codec::decode(&locked.payload).map_err(|e| e.to_string())?;
    let packed = super::crypto::unlock(&passphrase, &sealed).await.map_err(|e| e.to_string())?;
    let files = deflate::inflate(&packed).await.and_then(|b| bundle::read(&b)).map_err(|e| e.to_string())?;
    state.share.locked.set(None);
    open_files(state, files, locked.link, Some(LinkData::Locked(locked.payload)));
    Ok(())
}

/// The view on screen.
fn capture(state: AppState) -> LinkState {
    let dark = state.view.dark.get();
    let lang = state.view.lang.get();
    let code = state.view.currency.get();
    state.view.view.with(|v| {
        state.data.loaded.with(|l| {
            let currency = code.and_then(|c| {
                let deals = l.workspace.deals.as_ref()?;
                deals.currencies().into_iter().find(|x| x.0 == c).map(|x| x.1.to_owned())
            });
            super::link::capture(v, currency.as_deref(), dark, lang, l)
        })
    })
}

/// Opens the address the page was opened with (or what this device remembers), then keeps the
/// address current and follows addresses the user opens in this tab.
fn start(state: AppState) {
    // The address written last, and the one to write next (the same when none is waiting).
    let written = StoredValue::new((String::new(), String::new()));
    // Bumped when the address loses its view (a navigation link): it is written again.
    let rewrite = RwSignal::new(0u32);
    let first = Fragment::parse(&current_hash());
    // A page that stopped since a view last rendered does not apply what it remembers: that
    // view may be what stopped it. The user can try it again or forget it.
    let crashed_before = device::crashed();
    device::clear_crashed();
    let remembered = match crashed_before {
        Some(_) if device::remembered().is_some() => {
            state.share.recovering.set(true);
            None
        }
        _ => device::remembered(),
    };
    let address_view = first.view.as_deref().and_then(|v| unpack_view(v).ok()).map(|(v, _)| v);
    match remembered {
        // The files this device remembers, with the address's view when it is a view of them
        // (a reload) — but never put in the address, which may be copied and shared.
        Some((saved, Some(data)))
            if first.data.is_none() && address_view.as_ref().is_none_or(|v| v.same_files(&saved)) =>
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
        let page = state.view.page.get();
        let data = state.share.link_data.get();
        if state.share.remember.get() != Remember::Nothing {
            save_after_render(link.clone(), state.share.recovering);
        }
        // A view waiting for its files or passphrase keeps the address it came with.
        if state.share.awaiting.with(Option::is_some) || state.share.locked.with(Option::is_some) {
            return;
        }
        let fragment = Fragment { page, version: Version::of(VERSION), view: Some(pack_view(&link)), data }.compose();
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
                let data = f.data.clone().filter(|d| state.share.link_data.with_untracked(|l| l.as_ref() != Some(d)));
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
            .data
            .loaded
            .with(|l| state.share.awaiting.with_untracked(|a| a.as_ref().is_some_and(|link| files_match(link, l))));
        if let Some(link) = ready.then(|| state.share.awaiting.get_untracked()).flatten() {
            state.share.awaiting.set(None);
            apply(state, &link);
        }
    });

    // Remembered data follows the files loaded.
    Effect::new(move |_| {
        let files = state.data.loaded.with(|l| l.source == Source::Files);
        if state.share.remember.get() == Remember::SettingsAndData && files {
            leptos::task::spawn_local(async move { remember_data(state).await });
        }
    });
}

fn open_fragment(state: AppState, f: Fragment) {
    let mut notices: Vec<Notice> = f.version.notice().into_iter().collect();
    let link = match f.view.as_deref().map(unpack_view) {
        Some(Ok((link, dropped))) => {
            notices.extend(dropped);
            link
        }
        Some(Err(e)) => {
            state
                .data
                .notice(crate::i18n::tf(crate::i18n::messages::Message::LinkViewUnreadable, &[("why", e.to_string())]));
            LinkState::default()
        }
        None => LinkState::default(),
    };
    if let Some(text) = notice::summary(&notices) {
        state.data.notice(text);
    }
    open(state, link, f.data);
}

/// Remembers the view on this device once the page has drawn it: after the current task, and
/// only if the app did not stop while drawing (the boot script then records the stop). A view
/// that stops the app is never remembered, so it cannot stop the next start too. While the
/// user has not yet said what to do with settings that were not applied after a stop, they
/// are kept as they are.
fn save_after_render(link: LinkState, recovering: RwSignal<bool>) {
    let save = wasm_bindgen::closure::Closure::once_into_js(move || {
        if recovering.get_untracked() || device::crashed().is_some() {
            return;
        }
        device::save_settings(&link);
    });
    let _ =
        window().set_timeout_with_callback_and_timeout_and_arguments_0(wasm_bindgen::JsCast::unchecked_ref(&save), 0);
}

/// Stores the loaded files, packed, when the user asked to remember the data.
async fn remember_data(state: AppState) {
    let stored = match bundle_loaded(state).await {
        Ok(files) => match deflate::deflate(&bundle::write(&files)).await {
            Ok(packed) => device::save_data(&codec::encode(&packed)),
            Err(e) => Err(e),
        },
        Err(e) => Err(e),
    };
    if let Err(why) = stored {
        state.data.notice(why);
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

/// The share sync as a capability: what a component may ask of it (unlock a link, capture the
/// view, apply a settings file, remember the data), without holding the state it works on.
#[derive(Clone, Copy)]
pub struct Sharing(AppState);

impl Sharing {
    /// Starts the sync over `state` (see [`start`]) and provides it as a context.
    pub fn start(state: AppState) {
        start(state);
        provide_context(Sharing(state));
    }

    /// The share sync, from context.
    pub fn expect() -> Sharing {
        expect_context()
    }

    /// Unlocks a locked link (see [`unlock`]).
    pub async fn unlock(self, locked: LockedLink, passphrase: String) -> Result<(), String> {
        unlock(self.0, locked, passphrase).await
    }

    /// Applies the remembered settings that were held back after a stop.
    pub fn try_remembered_again(self) {
        self.0.share.recovering.set(false);
        self.0.data.status.set(crate::state::LoadStatus::Idle);
        match device::remembered() {
            Some((saved, Some(data))) => open_data(self.0, saved, data, false),
            Some((saved, None)) => open(self.0, saved, None),
            None => {}
        }
    }

    /// Forgets everything this device stored (after a stop, or when the user asks) and goes
    /// back to the demo with the default view.
    pub fn forget_everything(self) {
        self.0.share.recovering.set(false);
        self.0.share.remember.set(Remember::Nothing);
        leptos::task::spawn_local(device::forget_everything());
        self.reset();
    }

    /// Opens a view (see [`open`]).
    pub fn open(self, link: LinkState) {
        open(self.0, link, None);
    }

    /// The view on screen.
    pub fn capture(self) -> LinkState {
        capture(self.0)
    }

    /// Forgets everything this device stored and goes back to the demo with the default view.
    pub fn reset(self) {
        self.0.share.awaiting.set(None);
        self.0.share.locked.set(None);
        crate::load::show(self.0, Loaded::demo());
        self.0.view.view.set(crate::state::ViewSettings::default());
    }
}
