//! The `catalog!` macro that turns a table of keys and their four texts into an enum, and the
//! completeness checks every catalog runs natively.

use pipelens_engine::lang::Lang;

/// A key of a catalog: its text in a language.
pub trait Text: Copy {
    /// The key's text in `lang`.
    fn text(self, lang: Lang) -> &'static str;
}

/// A whole catalog: its keys and the name its texts go by in a language file.
pub trait Catalog: Text + 'static {
    /// The catalog's path (`pipelens::i18n::words::Header`): its entry in `lang/ui-<code>.json`.
    const PATH: &'static str;
    /// Every key, in declaration order (a key's index is its place in the file's list).
    const ALL: &'static [Self];
}

/// Declares an enum of keys with `[en, de, pl, zh]` texts; a missing language is a compile
/// error (the four texts are one array). Each key's English is its doc comment.
///
/// Natively every text is compiled in. The page's wasm holds the English only: the other
/// languages come from `lang/ui-<code>.json` (written from these tables by a native test, see
/// `i18n::packs`), fetched the first time that language is shown (`i18n::installed` keeps
/// them); a text not found there
/// stays English.
macro_rules! catalog {
    ($(#[$meta:meta])* $name:ident { $($key:ident => [$en:expr, $de:expr, $pl:expr, $zh:expr $(,)?],)* }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum $name {
            $(#[doc = $en] $key,)*
        }

        impl $name {
            /// Every key of this catalog, for the completeness tests.
            pub const ALL: &'static [$name] = &[$($name::$key,)*];
        }

        impl $crate::i18n::catalog::Catalog for $name {
            const PATH: &'static str = concat!(module_path!(), "::", stringify!($name));
            const ALL: &'static [$name] = $name::ALL;
        }

        impl $crate::i18n::Text for $name {
            #[cfg(not(target_arch = "wasm32"))]
            fn text(self, lang: pipelens_engine::lang::Lang) -> &'static str {
                let [en, de, pl, zh]: [&'static str; 4] = match self {
                    $($name::$key => [$en, $de, $pl, $zh],)*
                };
                match lang {
                    pipelens_engine::lang::Lang::En => en,
                    pipelens_engine::lang::Lang::De => de,
                    pipelens_engine::lang::Lang::Pl => pl,
                    pipelens_engine::lang::Lang::Zh => zh,
                }
            }

            #[cfg(target_arch = "wasm32")]
            fn text(self, lang: pipelens_engine::lang::Lang) -> &'static str {
                let en: &'static str = match self {
                    $($name::$key => $en,)*
                };
                if lang == pipelens_engine::lang::Lang::En {
                    return en;
                }
                $crate::i18n::installed::ui_text(lang, <$name as $crate::i18n::catalog::Catalog>::PATH, self as usize).unwrap_or(en)
            }
        }
    };
}

/// The `{name}` placeholders of a text, sorted.
pub fn placeholders(text: &str) -> Vec<&str> {
    let mut out: Vec<&str> = text
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .filter(|name| !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
        .collect();
    out.sort_unstable();
    out
}

/// What is wrong with one key's four texts, if anything: an empty text, placeholders that differ
/// from the English ones, or a German / Polish / Chinese text left in English.
pub fn problems(name: &str, texts: [&str; 4], same_ok: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    let [en, ..] = texts;
    for (lang, text) in Lang::ALL.into_iter().zip(texts) {
        if text.trim().is_empty() {
            out.push(format!("{name}: empty in {}", lang.code()));
        }
        if placeholders(text) != placeholders(en) {
            out.push(format!("{name}: placeholders in {} differ from English", lang.code()));
        }
        if lang != Lang::En && text == en && !english_is_fine(en, same_ok) {
            out.push(format!("{name}: left in English in {}: {en:?}", lang.code()));
        }
    }
    out
}

/// Whether an English text may stand as it is in another language: every word of it is on the
/// allow-list or is no word (numbers, symbols, placeholders).
fn english_is_fine(en: &str, same_ok: &[&str]) -> bool {
    en.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '{' || c == '}' || c == '_'))
        .filter(|w| w.chars().any(char::is_alphabetic) && !(w.starts_with('{') && w.ends_with('}')))
        .all(|w| same_ok.contains(&w))
}

/// Every problem of the keys `all` (see [`problems`]), for the catalog files' tests.
#[cfg(test)]
pub fn check_keys<K: super::Text + std::fmt::Debug>(all: &[K], same_ok: &[&str]) -> Vec<String> {
    all.iter().flat_map(|&k| problems(&format!("{k:?}"), Lang::ALL.map(|l| k.text(l)), same_ok)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_found() {
        assert_eq!(placeholders("{n} of {all} {n}"), ["all", "n", "n"]);
        assert_eq!(placeholders("no {} {bad name} here"), Vec::<&str>::new());
    }

    #[test]
    fn problems_are_found() {
        let ok = ["CSV"];
        assert!(problems("k", ["{n} files", "{n} Dateien", "{n} plików", "{n} 个文件"], &ok).is_empty());
        assert!(problems("k", ["CSV", "CSV", "CSV", "CSV"], &ok).is_empty(), "allowed words");
        let bad = problems("k", ["{n} files", "", "files", "{n} files"], &ok);
        assert_eq!(bad.len(), 4, "{bad:?}");
    }
}
