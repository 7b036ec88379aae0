//! Words for a deal's win probability and its forecast category: the headers that name them
//! (Salesforce `Probability (%)` and `ForecastCategoryName`, HubSpot `Deal probability` and
//! `hs_manual_forecast_category`, German, Polish and Chinese exports) and the words a
//! forecast-category cell is written in.

use super::Meaning;
use crate::forecast_category::ForecastCategory;

/// The win probability of a deal (0–100, 0–1 or with `%`).
pub const PROBABILITY: Meaning = Meaning {
    field: "probability",
    phrases: &[
        ("probability", 9),
        ("deal probability", 9),
        ("win probability", 9),
        ("stage probability", 8),
        ("likelihood", 7),
        ("wahrscheinlichkeit", 9),
        ("abschlusswahrscheinlichkeit", 9),
        ("prawdopodobienstwo", 9),
        ("szansa wygranej", 8),
        ("概率", 9),
        ("赢率", 9),
        ("成交概率", 9),
        ("赢单率", 8),
        ("probabilidad", 9),
        ("probabilite", 9),
    ],
    not: &["date", "time", "history", "changed", "previous", "last"],
};

/// The forecast category (Pipeline, Best case, Commit, Closed, Omitted).
pub const FORECAST_CATEGORY: Meaning = Meaning {
    field: "forecast_category",
    phrases: &[
        ("forecast category", 9),
        ("forecastcategoryname", 9),
        ("forecastcategory", 9),
        ("forecast category name", 9),
        ("manual forecast category", 9),
        ("hs manual forecast category", 9),
        ("prognosekategorie", 9),
        ("forecast kategorie", 9),
        ("kategorie prognose", 8),
        ("kategoria prognozy", 9),
        ("kategoria prognoza", 8),
        ("预测类别", 9),
        ("预测分类", 9),
        ("预测类型", 8),
    ],
    not: &["date", "time", "history", "changed", "previous", "amount", "value"],
};

/// Each category and the words a cell says it with, after folding (lower case, letters and
/// digits only; see [`fold`]): the Salesforce and HubSpot names, and the words German, Polish
/// and Chinese sales teams use.
pub const CATEGORY_WORDS: &[(ForecastCategory, &[&str])] = &[
    (
        ForecastCategory::Pipeline,
        &[
            "pipeline",
            "pipe",
            "trichter",
            "pipelineprognose",
            "lejek",
            "lejeksprzedaży",
            "管道",
            "漏斗",
            "销售管道",
            "管道中",
        ],
    ),
    (
        ForecastCategory::BestCase,
        &[
            "bestcase",
            "best",
            "upside",
            "bestfall",
            "besterfall",
            "optimistisch",
            "najlepszyscenariusz",
            "optymistyczny",
            "optymistycznie",
            "最佳情况",
            "最佳",
            "乐观",
        ],
    ),
    (
        ForecastCategory::Commit,
        &[
            "commit",
            "committed",
            "forecast",
            "zugesagt",
            "sicher",
            "verbindlich",
            "pewne",
            "pewna",
            "zobowiązanie",
            "zobowiazanie",
            "承诺",
            "确定",
            "必赢",
        ],
    ),
    (
        ForecastCategory::Closed,
        &[
            "closed",
            "closedwon",
            "won",
            "abgeschlossen",
            "gewonnen",
            "zamknięte",
            "zamkniete",
            "wygrane",
            "wygrana",
            "已成交",
            "成交",
            "赢单",
            "已关闭",
        ],
    ),
    (
        ForecastCategory::Omitted,
        &[
            "omitted",
            "omit",
            "notforecasted",
            "lost",
            "closedlost",
            "ausgeschlossen",
            "ausgelassen",
            "verloren",
            "pominięte",
            "pominiete",
            "wykluczone",
            "przegrane",
            "忽略",
            "排除",
            "不预测",
            "丢单",
        ],
    ),
];

/// A cell folded for [`CATEGORY_WORDS`]: lower case, letters and digits only.
pub fn fold(text: &str) -> String {
    text.trim().to_lowercase().chars().filter(|c| c.is_alphanumeric()).collect()
}

/// The category a cell's text names, if any word of [`CATEGORY_WORDS`] is the whole cell.
pub fn category_of(text: &str) -> Option<ForecastCategory> {
    let t = fold(text);
    CATEGORY_WORDS.iter().find(|(_, words)| words.contains(&t.as_str())).map(|(c, _)| *c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::meaning::{score_words, words};

    #[test]
    fn every_word_is_folded_and_names_one_category() {
        for (c, list) in CATEGORY_WORDS {
            for w in *list {
                assert_eq!(fold(w), *w, "{w} is not folded");
                let owners: Vec<_> = CATEGORY_WORDS.iter().filter(|(_, l)| l.contains(w)).map(|(c, _)| c).collect();
                assert_eq!(owners, [c], "{w}");
            }
        }
    }

    #[test]
    fn reads_the_crm_and_local_spellings() {
        use ForecastCategory::*;
        let cases = [
            ("Best Case", Some(BestCase)),
            ("best_case", Some(BestCase)),
            ("Commit", Some(Commit)),
            ("Omitted", Some(Omitted)),
            ("Not forecasted", Some(Omitted)),
            ("Zugesagt", Some(Commit)),
            ("Bester Fall", Some(BestCase)),
            ("Pewne", Some(Commit)),
            ("Najlepszy scenariusz", Some(BestCase)),
            ("Pominięte", Some(Omitted)),
            ("承诺", Some(Commit)),
            ("最佳情况", Some(BestCase)),
            ("管道", Some(Pipeline)),
            ("Closed", Some(Closed)),
            ("maybe", None),
            ("", None),
        ];
        for (text, want) in cases {
            assert_eq!(category_of(text), want, "{text:?}");
        }
    }

    #[test]
    fn the_crm_headers_score_their_field() {
        for (header, meaning) in [
            ("Probability (%)", &PROBABILITY),
            ("Deal probability", &PROBABILITY),
            ("Wahrscheinlichkeit (%)", &PROBABILITY),
            ("Prawdopodobieństwo", &PROBABILITY),
            ("赢率", &PROBABILITY),
            ("ForecastCategoryName", &FORECAST_CATEGORY),
            ("Forecast Category", &FORECAST_CATEGORY),
            ("hs_manual_forecast_category", &FORECAST_CATEGORY),
            ("Prognosekategorie", &FORECAST_CATEGORY),
            ("Kategoria prognozy", &FORECAST_CATEGORY),
            ("预测类别", &FORECAST_CATEGORY),
        ] {
            assert!(score_words(meaning, &words(header)).is_some(), "{header}");
        }
        assert!(score_words(&PROBABILITY, &words("Probability changed date")).is_none());
    }
}
