//! Remembering on this device, only when the user asks: the view's settings (and, if asked,
//! the data) in the browser's `localStorage`; and forgetting everything this site stored.

use super::link::is_chart_key;
use crate::state::{LinkData, Remember};
use pipelens_engine::share::LinkState;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

const SETTINGS: &str = "pipelens.settings";
const DATA: &str = "pipelens.data";
/// Where the boot script (web/boot.js) leaves the message of a stop, for the next start.
const CRASHED: &str = "pipelens.crashed";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

fn get(key: &str) -> Option<String> {
    storage()?.get_item(key).ok()?
}

/// What this device was asked to remember, read from its storage.
pub fn remembered_mode() -> Remember {
    match (get(SETTINGS).is_some(), get(DATA).is_some()) {
        (_, true) => Remember::SettingsAndData,
        (true, false) => Remember::Settings,
        _ => Remember::Nothing,
    }
}

/// The remembered view (bounded like any view that comes in) and data, if any.
pub fn remembered() -> Option<(LinkState, Option<LinkData>)> {
    let (link, _) = LinkState::from_json(&get(SETTINGS)?, is_chart_key).ok()?;
    Some((link, get(DATA).map(LinkData::Open)))
}

/// The message of the last stop of the app, if the page stopped since a view last rendered.
pub fn crashed() -> Option<String> {
    get(CRASHED)
}

/// Forgets the last stop: a view has rendered since.
pub fn clear_crashed() {
    if let Some(s) = storage() {
        let _ = s.remove_item(CRASHED);
    }
}

/// Stores the view.
pub fn save_settings(link: &LinkState) {
    if let (Some(s), Ok(json)) = (storage(), serde_json::to_string(link)) {
        let _ = s.set_item(SETTINGS, &json);
    }
}

/// Stores the packed data; fails when the browser's storage is full.
pub fn save_data(packed: &str) -> Result<(), String> {
    let s = storage().ok_or(crate::i18n::t(crate::i18n::messages::Message::NoStorage))?;
    s.set_item(DATA, packed).map_err(|_| {
        let mb = pipelens_engine::format::local::number(crate::i18n::current(), packed.len() as f64 / 1e6, 1);
        crate::i18n::tf(crate::i18n::messages::Message::TooLargeToRemember, &[("mb", mb)])
    })
}

/// Stops remembering the data (the settings stay).
pub fn forget_data() {
    if let Some(s) = storage() {
        let _ = s.remove_item(DATA);
    }
}

/// Clears everything this site stored in the browser: local and session storage, and the
/// service worker with its offline copy of the app's own files (both come back on the next
/// visit).
pub async fn forget_everything() {
    let Some(window) = web_sys::window() else { return };
    if let Ok(Some(s)) = window.local_storage() {
        let _ = s.clear();
    }
    if let Ok(Some(s)) = window.session_storage() {
        let _ = s.clear();
    }
    // Unregistered first, so no worker fills its cache again after it is deleted.
    let workers = window.navigator().service_worker();
    if let Ok(list) = JsFuture::from(workers.get_registrations()).await {
        for r in js_sys::Array::from(&list).iter() {
            let r: web_sys::ServiceWorkerRegistration = r.unchecked_into();
            if let Ok(p) = r.unregister() {
                let _ = JsFuture::from(p).await;
            }
        }
    }
    let Ok(caches) = window.caches() else { return };
    // A worker unregistered while it revalidated a file may still write that response into a
    // cache a moment later, making it again: a second pass, after a short wait, deletes that.
    for pass in 0..2 {
        if pass > 0 {
            wait_ms(&window, 300).await;
        }
        let Ok(keys) = JsFuture::from(caches.keys()).await else { return };
        for key in js_sys::Array::from(&keys).iter() {
            if let Some(name) = key.as_string() {
                let _ = JsFuture::from(caches.delete(&name)).await;
            }
        }
    }
}

/// Resolves after `ms` milliseconds.
async fn wait_ms(window: &web_sys::Window, ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = JsFuture::from(promise).await;
}
