//! Why a deals file's ids were made from its line numbers ([`IdsGenerated`]), in the reader's
//! language. The generated ids themselves (`row 2`) are data and stay as they are.

use super::count;
use crate::ingest::IdsGenerated;
use crate::lang::Lang;

/// The note in `lang`.
///
/// ```
/// use pipelens_engine::{ingest::IdsGenerated, lang::Lang, text::ids_generated};
/// let why = IdsGenerated::Repeats { header: "Deal Name".into(), repeats: 36, filled: 40 };
/// assert_eq!(ids_generated(&why, Lang::En), why.to_string());
/// assert!(ids_generated(&why, Lang::De).starts_with("Spalte „Deal Name“ wiederholt 36 ihrer ersten 40 Werte"));
/// ```
pub fn ids_generated(why: &IdsGenerated, lang: Lang) -> String {
    let n = |v: usize| count(v, lang);
    match (lang, why) {
        (Lang::En, _) => why.to_string(),
        (Lang::De, IdsGenerated::NoColumn) => {
            "keine Spalte identifiziert einen Deal; jede Zeile heißt daher nach ihrer Zeilennummer (row 2, row 3, …)".into()
        }
        (Lang::De, IdsGenerated::Repeats { header, repeats, filled }) => format!(
            "Spalte „{header}“ wiederholt {} ihrer ersten {} Werte, benennt Deals also, statt sie zu identifizieren: jede Zeile heißt daher nach ihrer Zeilennummer (row 2, row 3, …)",
            n(*repeats),
            n(*filled)
        ),
        (Lang::Pl, IdsGenerated::NoColumn) => {
            "żadna kolumna nie identyfikuje transakcji, więc każdy wiersz nazwano jego numerem (row 2, row 3, …)".into()
        }
        (Lang::Pl, IdsGenerated::Repeats { header, repeats, filled }) => format!(
            "kolumna „{header}” powtarza {} z pierwszych {} wartości, więc nazywa transakcje, a nie je identyfikuje: każdy wiersz nazwano jego numerem (row 2, row 3, …)",
            n(*repeats),
            n(*filled)
        ),
        (Lang::Zh, IdsGenerated::NoColumn) => "没有能标识交易的列，因此每行以其行号命名（row 2、row 3 …）".into(),
        (Lang::Zh, IdsGenerated::Repeats { header, repeats, filled }) => format!(
            "“{header}”列的前 {} 个值中有 {} 个重复，它只是交易的名称而不是标识：每行以其行号命名（row 2、row 3 …）",
            n(*filled),
            n(*repeats)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_words_both_reasons() {
        let cases = [IdsGenerated::NoColumn, IdsGenerated::Repeats { header: "Name".into(), repeats: 7, filled: 9 }];
        for why in &cases {
            assert_eq!(ids_generated(why, Lang::En), why.to_string());
            for lang in [Lang::De, Lang::Pl, Lang::Zh] {
                let t = ids_generated(why, lang);
                assert_ne!(t, why.to_string());
                assert!(t.contains("row 2"), "{t}");
                if let IdsGenerated::Repeats { .. } = why {
                    assert!(t.contains("Name") && t.contains('7') && t.contains('9'), "{t}");
                }
            }
        }
    }
}
