//! The reader's language's texts, fetched from the site's own `lang/` folder the first time that
//! language is shown: the KPI names and explanations (`lang/kpi-<code>.json`, written by
//! `pipelens-cli kpi-texts`, see `pipelens_engine::text::install_kpi_pack`) and the UI's own
//! words (`lang/ui-<code>.json`, written from the catalogs by this module's native test). The
//! page's wasm carries English only: a reader needs one language of the others, and together
//! they were a tenth of the first page's payload.
//!
//! Refreshing the UI file after a catalog changed:
//! `PIPELENS_WRITE_PACKS=1 cargo test -p pipelens --lib ui_packs`.

pub use super::installed::{install_ui_pack, ui_text};
use pipelens_engine::lang::Lang;
use pipelens_engine::text;

/// The file name of `lang`'s UI texts inside `lang/`.
pub fn ui_pack_file(lang: Lang) -> String {
    format!("ui-{}.json", lang.code())
}

/// Whether `lang`'s texts are here (English always is; natively every language is compiled in).
pub fn ready(lang: Lang) -> bool {
    let ui = lang == Lang::En || cfg!(not(target_arch = "wasm32")) || super::installed::ui_ready(lang);
    ui && text::kpi_texts_ready(lang)
}

/// Fetches and installs `lang`'s texts (both files at once). An error says which file and why;
/// the page then shows those texts in English rather than no page.
#[cfg(target_arch = "wasm32")]
pub async fn load(lang: Lang) -> Result<(), String> {
    if ready(lang) {
        return Ok(());
    }
    let kpi_url = format!("lang/{}", text::kpi_pack_file(lang));
    let ui_url = format!("lang/{}", ui_pack_file(lang));
    // Both requests leave before either answer is awaited.
    let (kpi, ui) = (request(&kpi_url), request(&ui_url));
    let (kpi, ui) = (body(&kpi_url, kpi).await, body(&ui_url, ui).await);
    let mut errors = Vec::new();
    if !text::kpi_texts_ready(lang) {
        if let Err(e) =
            kpi.and_then(|body| text::install_kpi_pack(&body).map(|_| ()).map_err(|e| format!("{kpi_url}: {e}")))
        {
            errors.push(e);
        }
    }
    if let Err(e) = ui.and_then(|body| install_ui_pack(lang, &body).map_err(|e| format!("{ui_url}: {e}"))) {
        errors.push(e);
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors.join("; "))
    }
}

/// Natively every language is compiled in: nothing to fetch.
#[cfg(not(target_arch = "wasm32"))]
pub async fn load(_lang: Lang) -> Result<(), String> {
    Ok(())
}

/// A request for the site's own file at `url`, sent now.
#[cfg(target_arch = "wasm32")]
fn request(url: &str) -> Option<js_sys::Promise> {
    Some(web_sys::window()?.fetch_with_str(url))
}

/// The body of the answer to `request`.
#[cfg(target_arch = "wasm32")]
async fn body(url: &str, request: Option<js_sys::Promise>) -> Result<String, String> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let request = request.ok_or_else(|| format!("{url} could not be fetched"))?;
    let response: web_sys::Response = JsFuture::from(request)
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
    body.ok_or_else(|| format!("{url} could not be read"))
}

/// Every catalog's texts in `lang`, as the UI file holds them (natively, where all are compiled in).
#[cfg(not(target_arch = "wasm32"))]
pub fn ui_pack(lang: Lang) -> std::collections::BTreeMap<&'static str, Vec<&'static str>> {
    use super::catalog::Catalog;
    use super::*;
    fn add<K: Catalog>(m: &mut std::collections::BTreeMap<&'static str, Vec<&'static str>>, lang: Lang) {
        m.insert(K::PATH, K::ALL.iter().map(|k| k.text(lang)).collect());
    }
    let mut m = std::collections::BTreeMap::new();
    let m_ = &mut m;
    add::<bins::BinWord>(m_, lang);
    add::<change::Change>(m_, lang);
    add::<change::FlowWord>(m_, lang);
    add::<change::CategoryWord>(m_, lang);
    add::<change::Term>(m_, lang);
    add::<change::Definition>(m_, lang);
    add::<charts::ChartTitle>(m_, lang);
    add::<charts::ChartCard>(m_, lang);
    add::<charts::Legend>(m_, lang);
    add::<charts::Summary>(m_, lang);
    add::<charts::GrainNoun>(m_, lang);
    add::<mapper::Mapper>(m_, lang);
    add::<messages::Message>(m_, lang);
    add::<pages::Manager>(m_, lang);
    add::<pages::RepText>(m_, lang);
    add::<pages::Board>(m_, lang);
    add::<panels::Data>(m_, lang);
    add::<panels::Prompt>(m_, lang);
    add::<panels::Sql>(m_, lang);
    add::<panels::Report>(m_, lang);
    add::<share::Share>(m_, lang);
    add::<sources::Status>(m_, lang);
    add::<sources::CodePageWord>(m_, lang);
    add::<sources::Script>(m_, lang);
    add::<sources::Detected>(m_, lang);
    add::<sources::Origin>(m_, lang);
    add::<words::Header>(m_, lang);
    add::<words::Status>(m_, lang);
    add::<words::Shell>(m_, lang);
    add::<words::Footer>(m_, lang);
    add::<words::PageName>(m_, lang);
    add::<words::Filter>(m_, lang);
    add::<words::Tile>(m_, lang);
    add::<words::CompanionLabel>(m_, lang);
    add::<words::Engine>(m_, lang);
    add::<words::Lead>(m_, lang);
    add::<words::Missing>(m_, lang);
    add::<words::Noun>(m_, lang);
    m
}

/// The UI file's text for `lang`: pretty JSON with a final newline, as committed in `web/lang/`.
#[cfg(not(target_arch = "wasm32"))]
pub fn ui_pack_json(lang: Lang) -> String {
    let mut s = serde_json::to_string_pretty(&ui_pack(lang)).unwrap_or_default();
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    const PACKED: [Lang; 3] = [Lang::De, Lang::Pl, Lang::Zh];

    /// The committed UI files are what the catalogs say, so the page never shows an older
    /// wording; `PIPELENS_WRITE_PACKS=1` rewrites them.
    #[test]
    fn ui_packs_are_current() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("web/lang");
        for lang in PACKED {
            let path = dir.join(ui_pack_file(lang));
            if std::env::var_os("PIPELENS_WRITE_PACKS").is_some() {
                std::fs::write(&path, ui_pack_json(lang)).unwrap();
            }
            let committed = std::fs::read_to_string(&path).unwrap_or_default();
            assert!(
                committed == ui_pack_json(lang),
                "{} is not current: run `PIPELENS_WRITE_PACKS=1 cargo test -p pipelens --lib ui_packs`",
                path.display()
            );
        }
    }

    /// Every `catalog!` of src/i18n is in the UI files: a catalog left out would stay English
    /// in the page.
    #[test]
    fn ui_packs_hold_every_catalog() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/i18n");
        let declared: usize = std::fs::read_dir(&dir)
            .unwrap()
            .filter_map(|e| e.ok())
            .map(|e| std::fs::read_to_string(e.path()).unwrap_or_default())
            .map(|src| src.lines().filter(|l| l.trim_start() == "catalog! {").count())
            .sum();
        assert_eq!(ui_pack(Lang::De).len(), declared);
    }

    #[test]
    fn an_installed_pack_answers_by_catalog_and_index() {
        let path = <crate::i18n::words::Header as crate::i18n::catalog::Catalog>::PATH;
        install_ui_pack(Lang::Pl, &format!("{{\"{path}\": [\"a\", \"b\"]}}")).unwrap();
        assert_eq!(ui_text(Lang::Pl, path, 1), Some("b"));
        assert_eq!(ui_text(Lang::Pl, path, 2), None);
        assert_eq!(ui_text(Lang::Zh, path, 0), None);
        assert!(install_ui_pack(Lang::Zh, "[").is_err());
    }
}
