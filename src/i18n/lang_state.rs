//! Where the language comes from in the browser: `navigator.languages`, negotiated with
//! [`Lang::negotiate`]; and where it shows: `<html lang>`.

use pipelens_engine::lang::Lang;

/// The first of the browser's preferred languages the app speaks (English otherwise).
pub fn browser_lang() -> Lang {
    let Some(window) = web_sys::window() else { return Lang::En };
    let tags: Vec<String> = window.navigator().languages().iter().filter_map(|v| v.as_string()).take(32).collect();
    Lang::negotiate(tags.iter().map(String::as_str))
}

/// Sets `<html lang>` to `lang`, so screen readers, hyphenation and fonts follow the page, and
/// `data-app-lang`, which the boot script's crash panel reads (web/boot.js).
pub fn apply(lang: Lang) {
    if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = root.set_attribute("lang", lang.code());
        let _ = root.set_attribute("data-app-lang", lang.code());
    }
}
