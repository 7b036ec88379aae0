//! KPI texts of one language as a file the page fetches when a reader picks that language.
//!
//! The German, Polish and Chinese names and explanations of every KPI are a third of the page's
//! data, and a reader needs one language of them. Native builds compile them in (feature
//! `kpi-texts`, on by default: the CLI, the tests). The browser build leaves them out and loads
//! `lang/kpi-<code>.json` from its own origin instead, written from the compiled-in texts by
//! `pipelens-cli kpi-texts web/lang` and kept current by a test ([`kpi_pack`] must equal the
//! committed file). Until a pack is installed, the KPI texts of that language fall back to
//! English.

use crate::kpi::{Explanation, KpiId};
use crate::lang::Lang;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;
use std::sync::OnceLock;

use super::KpiText;

/// The KPI texts of one language, as the pack file holds them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KpiPack {
    /// The language's code (`de`, `pl`, `zh`).
    pub lang: String,
    /// Every KPI's words, by KPI id.
    pub kpis: BTreeMap<String, PackEntry>,
}

/// One KPI's words in a pack.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PackEntry {
    /// Display name.
    pub name: String,
    /// The datasets and fields it needs.
    pub needs: String,
    /// What it measures.
    pub what: String,
    /// The formula, as implemented.
    pub formula: String,
    /// Why a sales team tracks it.
    pub why: String,
    /// What to watch out for.
    pub watch: String,
}

/// Why a pack file was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PackError {
    /// The file is not a pack (not JSON, or not its shape).
    Malformed(String),
    /// The pack names a language the app does not speak, or English (which is built in).
    Language(String),
    /// The pack lacks a KPI of this build (an older pack beside a newer app).
    MissingKpi(&'static str),
}

impl fmt::Display for PackError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PackError::Malformed(e) => write!(f, "the KPI texts file is damaged ({e})"),
            PackError::Language(code) => write!(f, "the KPI texts file is for an unknown language \"{code}\""),
            PackError::MissingKpi(id) => {
                write!(f, "the KPI texts file has no text for {id}; it belongs to another version")
            }
        }
    }
}

impl std::error::Error for PackError {}

/// The packs installed in this run, by language (index of [`Lang::ALL`]); English is built in.
static INSTALLED: [OnceLock<Vec<KpiText>>; 4] = [OnceLock::new(), OnceLock::new(), OnceLock::new(), OnceLock::new()];

fn slot(lang: Lang) -> &'static OnceLock<Vec<KpiText>> {
    let i = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
    &INSTALLED[i.min(INSTALLED.len() - 1)]
}

/// Whether `lang`'s KPI texts are here: English and, in a build with `kpi-texts`, every
/// language always; otherwise once [`install_kpi_pack`] has taken its file.
pub fn kpi_texts_ready(lang: Lang) -> bool {
    lang == Lang::En || cfg!(feature = "kpi-texts") || slot(lang).get().is_some()
}

/// Reads a pack file and makes its language's KPI texts the ones [`super::kpi_name`] and
/// friends return. Installing a language twice keeps the first pack. Returns the language.
///
/// ```
/// use pipelens_engine::{kpi::KpiId, lang::Lang, text::{install_kpi_pack, kpi_pack, kpi_texts_ready}};
/// let json = serde_json::to_string(&kpi_pack(Lang::Pl)).unwrap();
/// assert_eq!(install_kpi_pack(&json), Ok(Lang::Pl));
/// assert!(kpi_texts_ready(Lang::Pl));
/// assert!(install_kpi_pack("{").is_err());
/// ```
pub fn install_kpi_pack(json: &str) -> Result<Lang, PackError> {
    let pack: KpiPack = serde_json::from_str(json).map_err(|e| PackError::Malformed(e.to_string()))?;
    let lang = Lang::from_tag(&pack.lang)
        .filter(|l| *l != Lang::En)
        .ok_or_else(|| PackError::Language(pack.lang.chars().take(16).collect()))?;
    let mut texts = Vec::with_capacity(KpiId::ALL.len());
    for &id in KpiId::ALL {
        let e = pack.kpis.get(id.as_str()).ok_or(PackError::MissingKpi(id.as_str()))?;
        // Leaked once per language and run: the texts live as long as the page, like the
        // compiled-in ones they stand for.
        let keep = |s: &str| -> &'static str { Box::leak(s.to_owned().into_boxed_str()) };
        texts.push(KpiText {
            name: keep(&e.name),
            needs: keep(&e.needs),
            explanation: Explanation {
                what: keep(&e.what),
                formula: keep(&e.formula),
                why: keep(&e.why),
                watch: keep(&e.watch),
            },
        });
    }
    let _ = slot(lang).set(texts);
    Ok(lang)
}

/// The installed pack's text of `id` in `lang`, if that pack is here.
#[cfg_attr(feature = "kpi-texts", allow(dead_code))]
pub(super) fn installed(id: KpiId, lang: Lang) -> Option<KpiText> {
    let i = KpiId::ALL.iter().position(|k| *k == id)?;
    slot(lang).get()?.get(i).copied()
}

/// The pack of `lang` as this build's texts give it (what `pipelens-cli kpi-texts` writes).
pub fn kpi_pack(lang: Lang) -> KpiPack {
    let kpis = KpiId::ALL
        .iter()
        .map(|&id| {
            let t = super::kpi_text(id, lang);
            let e = t.explanation;
            let entry = PackEntry {
                name: t.name.into(),
                needs: t.needs.into(),
                what: e.what.into(),
                formula: e.formula.into(),
                why: e.why.into(),
                watch: e.watch.into(),
            };
            (id.as_str().to_owned(), entry)
        })
        .collect();
    KpiPack { lang: lang.code().to_owned(), kpis }
}

/// The pack file's text for `lang`: pretty JSON with a final newline, as committed in `web/lang/`.
pub fn kpi_pack_json(lang: Lang) -> String {
    let mut s = serde_json::to_string_pretty(&kpi_pack(lang)).unwrap_or_default();
    s.push('\n');
    s
}

/// The languages that ship as pack files (every one but English).
pub const PACKED: [Lang; 3] = [Lang::De, Lang::Pl, Lang::Zh];

/// The pack file's name for `lang` (`kpi-de.json`), inside the site's `lang/` folder.
pub fn kpi_pack_file(lang: Lang) -> String {
    format!("kpi-{}.json", lang.code())
}

#[cfg(all(test, feature = "kpi-texts"))]
mod tests {
    use super::*;

    /// The committed pack files are what this build's texts give, so the page never shows an
    /// older wording than the CLI.
    #[test]
    fn committed_packs_are_current() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../web/lang");
        for lang in PACKED {
            let path = dir.join(kpi_pack_file(lang));
            let committed = std::fs::read_to_string(&path).unwrap_or_default();
            assert!(
                committed == kpi_pack_json(lang),
                "{} is not current: run `cargo run -p pipelens_engine --bin pipelens-cli -- kpi-texts web/lang`",
                path.display()
            );
        }
    }

    #[test]
    fn a_pack_round_trips_and_bad_ones_are_refused_in_words() {
        let pack = kpi_pack(Lang::Zh);
        assert_eq!(pack.kpis.len(), KpiId::ALL.len());
        assert_eq!(install_kpi_pack(&kpi_pack_json(Lang::Zh)), Ok(Lang::Zh));
        let t = installed(KpiId::WinRate, Lang::Zh).map(|t| t.name);
        assert_eq!(t, Some(super::super::kpi_zh::text(KpiId::WinRate).name));

        let mut short = kpi_pack(Lang::De);
        short.kpis.remove("win_rate");
        let err = install_kpi_pack(&serde_json::to_string(&short).unwrap()).unwrap_err();
        assert_eq!(err, PackError::MissingKpi("win_rate"));
        assert!(err.to_string().contains("win_rate"));

        let mut english = kpi_pack(Lang::De);
        english.lang = "en".into();
        assert!(matches!(install_kpi_pack(&serde_json::to_string(&english).unwrap()), Err(PackError::Language(_))));
        assert!(matches!(install_kpi_pack("[1,2]"), Err(PackError::Malformed(_))));
    }
}
