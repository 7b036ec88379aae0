//! The languages the app speaks, and the one rule every translation needs from them: which plural
//! form a count takes.
//!
//! Text itself lives beside what it describes (the UI's catalog, the KPI texts, the engine's
//! messages); this module only names the languages so they all agree.

use serde::{Deserialize, Serialize};

/// A language the app is translated into.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English (the default, and the language of every test hook).
    #[default]
    En,
    /// German.
    De,
    /// Polish.
    Pl,
    /// Chinese, simplified script.
    Zh,
}

/// Which form of a noun a count takes (CLDR's cardinal categories, the ones our languages use).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Plural {
    /// 1 in English, German and Polish.
    One,
    /// Polish 2–4, 22–24, 32–34 … (not 12–14).
    Few,
    /// Polish 0, 5–21, 25–31 …
    Many,
    /// Every other count (English and German ≠ 1, every Chinese count, fractions).
    Other,
}

impl Lang {
    /// Every language, in the order the picker shows them.
    pub const ALL: [Lang; 4] = [Lang::En, Lang::De, Lang::Pl, Lang::Zh];

    /// The BCP 47 code used in `<html lang>`, share links and settings: `en`, `de`, `pl`, `zh`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
            Lang::Pl => "pl",
            Lang::Zh => "zh",
        }
    }

    /// The language's name in itself, as the picker shows it.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::De => "Deutsch",
            Lang::Pl => "Polski",
            Lang::Zh => "中文",
        }
    }

    /// The language a tag names (`de`, `de-AT`, `zh-Hans-CN`, `PL`), `None` for others
    /// (including traditional Chinese, `zh-TW` / `zh-Hant`, which we do not write).
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let tag = tag.trim().to_ascii_lowercase().replace('_', "-");
        let mut parts = tag.split('-');
        let lang = match parts.next()? {
            "en" => Lang::En,
            "de" => Lang::De,
            "pl" => Lang::Pl,
            "zh" => {
                if parts.any(|p| matches!(p, "hant" | "tw" | "hk" | "mo")) {
                    return None;
                }
                Lang::Zh
            }
            _ => return None,
        };
        Some(lang)
    }

    /// The first of the browser's preferred languages (`navigator.languages`) we speak, English
    /// when none is.
    ///
    /// ```
    /// use pipelens_engine::lang::Lang;
    /// assert_eq!(Lang::negotiate(["fr-FR", "de-CH", "en"]), Lang::De);
    /// assert_eq!(Lang::negotiate(["zh-TW", "ja"]), Lang::En);
    /// ```
    pub fn negotiate<'a>(preferred: impl IntoIterator<Item = &'a str>) -> Lang {
        preferred.into_iter().find_map(Lang::from_tag).unwrap_or_default()
    }

    /// The plural form `n` takes in this language.
    pub fn plural(self, n: u64) -> Plural {
        match self {
            Lang::En | Lang::De => {
                if n == 1 {
                    Plural::One
                } else {
                    Plural::Other
                }
            }
            Lang::Pl => {
                let (ten, hundred) = (n % 10, n % 100);
                if n == 1 {
                    Plural::One
                } else if (2..=4).contains(&ten) && !(12..=14).contains(&hundred) {
                    Plural::Few
                } else {
                    Plural::Many
                }
            }
            Lang::Zh => Plural::Other,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_name_our_languages() {
        for (tag, want) in [
            ("en-US", Some(Lang::En)),
            ("de", Some(Lang::De)),
            ("DE_at", Some(Lang::De)),
            ("pl-PL", Some(Lang::Pl)),
            ("zh-CN", Some(Lang::Zh)),
            ("zh-Hans-SG", Some(Lang::Zh)),
            ("zh-Hant", None),
            ("zh-TW", None),
            ("fr", None),
            ("", None),
        ] {
            assert_eq!(Lang::from_tag(tag), want, "{tag}");
        }
    }

    #[test]
    fn polish_counts_take_one_few_or_many() {
        let form = |n| Lang::Pl.plural(n);
        assert_eq!(form(1), Plural::One);
        for n in [2, 3, 4, 22, 23, 24, 102, 1004] {
            assert_eq!(form(n), Plural::Few, "{n}");
        }
        for n in [0, 5, 11, 12, 13, 14, 15, 21, 25, 111, 112, 1000] {
            assert_eq!(form(n), Plural::Many, "{n}");
        }
    }

    #[test]
    fn english_german_and_chinese_plurals() {
        assert_eq!(Lang::En.plural(1), Plural::One);
        assert_eq!(Lang::De.plural(0), Plural::Other);
        assert_eq!(Lang::Zh.plural(1), Plural::Other);
    }

    #[test]
    fn codes_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_tag(lang.code()), Some(lang));
        }
    }
}
