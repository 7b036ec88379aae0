//! The reader's language's KPI texts (names and "What is this?"), fetched from the site's own
//! `lang/` folder the first time that language is shown. The engine keeps German, Polish and
//! Chinese KPI texts out of the page's wasm (`pipelens_engine::text::install_kpi_pack`): a reader
//! needs one language of them, and they are a third of the page's data.

use pipelens_engine::lang::Lang;
use pipelens_engine::text;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Whether `lang`'s KPI texts are here (English always is).
pub fn ready(lang: Lang) -> bool {
    text::kpi_texts_ready(lang)
}

/// Fetches and installs `lang`'s KPI texts. An error says which file and why; the page then
/// shows those texts in English rather than no page.
pub async fn load(lang: Lang) -> Result<(), String> {
    if ready(lang) {
        return Ok(());
    }
    // Relative to the page, so the app works at a domain's root and under a sub-path alike.
    let url = format!("lang/{}", text::kpi_pack_file(lang));
    let window = web_sys::window().ok_or("no window")?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(&url))
        .await
        .ok()
        .and_then(|r| r.dyn_into().ok())
        .ok_or_else(|| format!("{url} could not be fetched"))?;
    if !response.ok() {
        return Err(format!("{url}: HTTP {}", response.status()));
    }
    let body = match response.text() {
        Ok(promise) => JsFuture::from(promise).await.ok().and_then(|t| t.as_string()),
        Err(_) => None,
    };
    let body = body.ok_or_else(|| format!("{url} could not be read"))?;
    text::install_kpi_pack(&body).map(|_| ()).map_err(|e| format!("{url}: {e}"))
}
