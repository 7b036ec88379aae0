//! The words of the histograms the engine bins (`pipelens_engine::aggregates`): the units of its
//! bin labels (`7–13 d`, `1–3 days`) and its catch-all series (`All deals`, `(none)`).

use pipelens_engine::lang::Lang;

catalog! {
    /// A bin label's unit, after its number, and the histograms' catch-all series.
    BinWord {
        Days => [" days", " Tage", " dni", " 天"],
        D => [" d", " T", " dni", " 天"],
        Hours => [" h", " Std.", " godz.", " 小时"],
        Minutes => [" min", " Min.", " min", " 分钟"],
        AllDeals => ["All deals", "Alle Deals", "Wszystkie transakcje", "全部商机"],
        NoSource => ["(none)", "(keine)", "(brak)", "（无）"],
    }
}

/// A bin label in `lang`: its numbers kept, its unit translated (`7–13 d` → `7–13 T`); the
/// catch-all series names translated too; anything else comes back unchanged.
pub fn bin_label(english: &str, lang: Lang) -> String {
    use crate::i18n::Text;
    if lang == Lang::En {
        return english.to_owned();
    }
    for key in [BinWord::AllDeals, BinWord::NoSource] {
        if english == key.text(Lang::En) {
            return key.text(lang).to_owned();
        }
    }
    // `days` before `d`: the longer unit first.
    for key in [BinWord::Days, BinWord::D, BinWord::Hours, BinWord::Minutes] {
        if let Some(number) = english.strip_suffix(key.text(Lang::En)) {
            return format!("{number}{}", key.text(lang));
        }
    }
    english.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::catalog::problems;
    use crate::i18n::{Text, SAME_IN_EVERY_LANGUAGE};

    #[test]
    fn every_word_has_four_real_translations() {
        let same = [SAME_IN_EVERY_LANGUAGE, &["min"]].concat();
        let bad: Vec<String> = BinWord::ALL
            .iter()
            .flat_map(|&k| problems(&format!("{k:?}"), Lang::ALL.map(|l| k.text(l)), &same))
            .collect();
        assert!(bad.is_empty(), "{bad:#?}");
    }

    #[test]
    fn bin_labels_keep_their_numbers_and_translate_their_unit() {
        let cases = [
            (Lang::En, "1–3 days", "1–3 days"),
            (Lang::De, "1–3 days", "1–3 Tage"),
            (Lang::De, "7–13 d", "7–13 T"),
            (Lang::Pl, "180+ d", "180+ dni"),
            (Lang::Zh, "4–24 h", "4–24 小时"),
            (Lang::De, "≤ 5 min", "≤ 5 Min."),
            (Lang::Pl, "All deals", "Wszystkie transakcje"),
            (Lang::Zh, "(none)", "（无）"),
            (Lang::De, "Webinar", "Webinar"),
        ];
        for (lang, english, want) in cases {
            assert_eq!(bin_label(english, lang), want, "{lang:?} {english}");
        }
    }
}
