//! The UI texts of the languages fetched in this run (`lang/ui-<code>.json`, see
//! `i18n::packs`): what the wasm build's catalogs read for every language but English.

use pipelens_engine::lang::Lang;
use std::cell::RefCell;
use std::collections::HashMap;

thread_local! {
    /// The installed UI texts: per language, per catalog path, the texts in key order. Leaked
    /// once per language and run, like the compiled-in English they stand beside.
    static UI: RefCell<HashMap<(Lang, &'static str), &'static [&'static str]>> = RefCell::new(HashMap::new());
    /// The languages whose UI file is installed.
    static UI_READY: RefCell<Vec<Lang>> = const { RefCell::new(Vec::new()) };
}

/// The text of key `index` of catalog `path` in `lang`, if that language's file is installed
/// and has it (the wasm build's catalogs ask here for every language but English).
pub fn ui_text(lang: Lang, path: &'static str, index: usize) -> Option<&'static str> {
    UI.with(|m| m.borrow().get(&(lang, path)).and_then(|texts| texts.get(index).copied()))
}

/// Reads a UI texts file (`{"<catalog path>": [texts in key order], ...}`) for `lang`.
pub fn install_ui_pack(lang: Lang, json: &str) -> Result<(), String> {
    let pack: HashMap<String, Vec<String>> = serde_json::from_str(json).map_err(|e| e.to_string())?;
    let leak = |s: String| -> &'static str { Box::leak(s.into_boxed_str()) };
    UI.with(|m| {
        let mut m = m.borrow_mut();
        for (path, texts) in pack {
            let texts: Vec<&'static str> = texts.into_iter().map(leak).collect();
            m.insert((lang, leak(path)), Box::leak(texts.into_boxed_slice()));
        }
    });
    UI_READY.with(|r| r.borrow_mut().push(lang));
    Ok(())
}

/// Whether `lang`'s UI file is installed.
pub fn ui_ready(lang: Lang) -> bool {
    UI_READY.with(|r| r.borrow().contains(&lang))
}
