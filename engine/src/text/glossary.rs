//! The short words a KPI result carries beside its sentences: companion labels ("median"),
//! table headers ("Win rate"), breakdown dimensions ("owner"), class names ("renewal"), status
//! cells ("won") and the stage placeholders of the pipeline. One row per word with all four
//! languages, so a word cannot be added without its translations.

use crate::deals_table::Dim;
use crate::lang::Lang;

/// `(English, German, Polish, Chinese)`.
type Row = (&'static str, &'static str, &'static str, &'static str);

/// Every word the KPI results use, by its English form.
const WORDS: &[Row] = &[
    // Companion labels.
    ("median", "Median", "mediana", "中位数"),
    ("mean", "Mittelwert", "średnia", "平均值"),
    ("quota ahead", "Quote im nächsten Zeitraum", "plan na następny okres", "下一期间配额"),
    ("target", "Ziel", "cel", "目标"),
    ("wins needed", "benötigte Abschlüsse", "potrzebne wygrane", "所需赢单数"),
    ("within 5 min", "innerhalb von 5 Min.", "w ciągu 5 min", "5 分钟内"),
    ("active customers", "aktive Kunden", "aktywni klienci", "活跃客户"),
    ("churned", "abgewandert", "utraceni", "已流失"),
    ("active at start", "aktiv zu Beginn", "aktywni na początku", "期初活跃"),
    ("spend", "Ausgaben", "wydatki", "费用"),
    ("ARPA", "ARPA", "ARPA", "ARPA"),
    ("monthly churn", "monatliche Abwanderung", "miesięczny odpływ", "月流失率"),
    ("previous revenue", "Umsatz im Vorzeitraum", "przychód poprzedniego okresu", "上期收入"),
    ("mean days slipped", "mittlere Verschiebung in Tagen", "średnie dni przesunięcia", "平均推迟天数"),
    ("backward moves", "Rückschritte", "cofnięcia", "倒退次数"),
    ("deals judged", "beurteilte Deals", "ocenione transakcje", "已判断交易"),
    ("won in the period", "im Zeitraum gewonnen", "wygrane w okresie", "本期赢单"),
    ("commit", "Commit", "zobowiązanie (commit)", "承诺"),
    // Table headers.
    ("Start month", "Startmonat", "Miesiąc rozpoczęcia", "开始月份"),
    ("Customers", "Kunden", "Klienci", "客户数"),
    ("Owner", "Inhaber", "Opiekun", "负责人"),
    ("Leads contacted", "Kontaktierte Leads", "Leady z kontaktem", "已联系线索"),
    ("Median", "Median", "Mediana", "中位数"),
    ("Mean", "Mittelwert", "Średnia", "平均值"),
    ("Within 5 min", "Innerhalb von 5 Min.", "W ciągu 5 min", "5 分钟内"),
    ("Forecast period", "Prognosezeitraum", "Okres prognozy", "预测期间"),
    ("Forecast", "Prognose", "Prognoza", "预测"),
    ("Actual", "Ist", "Wykonanie", "实际"),
    ("Accuracy", "Genauigkeit", "Trafność", "准确性"),
    ("Revenue", "Umsatz", "Przychód", "收入"),
    ("Quota", "Quote", "Plan", "配额"),
    ("Attainment", "Zielerreichung", "Wykonanie planu", "完成率"),
    ("Step", "Schritt", "Krok", "步骤"),
    ("Reached", "Erreicht", "Osiągnęło", "到达"),
    ("Went on", "Weiter", "Przeszło dalej", "进入下一步"),
    ("Conversion", "Konversion", "Konwersja", "转化率"),
    ("Leakage", "Schwund", "Wyciek", "漏损率"),
    ("Product", "Produkt", "Produkt", "产品"),
    ("Deals won", "Gewonnene Deals", "Wygrane transakcje", "赢单数"),
    ("Win rate", "Abschlussquote", "Współczynnik wygranych", "赢率"),
    ("Avg deal size", "Ø Dealgröße", "Średnia wielkość transakcji", "平均交易规模"),
    ("Share of revenue", "Umsatzanteil", "Udział w przychodzie", "收入占比"),
    ("Deal", "Deal", "Transakcja", "交易"),
    ("Status", "Status", "Status", "状态"),
    ("Amount", "Betrag", "Kwota", "金额"),
    (
        "Owner's median won deal",
        "Median der gewonnenen Deals des Inhabers",
        "Mediana wygranych transakcji opiekuna",
        "负责人赢单中位数",
    ),
    ("× median", "× Median", "× mediana", "× 中位数"),
    ("total", "gesamt", "razem", "合计"),
    ("Bar", "Balken", "Słupek", "柱"),
    // The waterfall's bars, as `pipeline_change`'s table names them (the page's own words).
    ("Start", "Anfang", "Początek", "期初"),
    ("New", "Neu", "Nowe", "新增"),
    ("Pulled in", "Vorgezogen", "Przyspieszone", "提前"),
    ("Amount increased", "Betrag erhöht", "Kwota wzrosła", "金额增加"),
    ("Amount decreased", "Betrag gesenkt", "Kwota spadła", "金额减少"),
    ("Pushed out", "Verschoben", "Odsunięte", "推迟"),
    ("Won", "Gewonnen", "Wygrane", "赢单"),
    ("Lost", "Verloren", "Przegrane", "输单"),
    ("End", "Ende", "Koniec", "期末"),
    ("Deals", "Anzahl Deals", "Transakcje", "交易数"),
    ("Stage", "Phase", "Etap", "阶段"),
    ("Spells", "Aufenthalte", "Pobyty", "停留次数"),
    ("90th percentile", "90. Perzentil", "90. percentyl", "第 90 百分位"),
    ("Move", "Übergang", "Przejście", "流转"),
    ("From", "Von", "Z etapu", "来源阶段"),
    ("To", "Nach", "Na etap", "目标阶段"),
    ("Moves", "Übergänge", "Przejścia", "流转次数"),
    ("Share of moves out", "Anteil an den Übergängen aus der Phase", "Udział w przejściach z etapu", "占流出比例"),
    ("Days in stage", "Tage in der Phase", "Dni na etapie", "阶段停留天数"),
    ("Signed error", "Fehler mit Vorzeichen", "Błąd ze znakiem", "带符号误差"),
    // Breakdown dimensions.
    ("owner", "Inhaber", "opiekun", "负责人"),
    ("team", "Team", "zespół", "团队"),
    ("region", "Region", "region", "区域"),
    ("product", "Produkt", "produkt", "产品"),
    ("stage", "Phase", "etap", "阶段"),
    ("type", "Typ", "typ", "类型"),
    ("category", "Kategorie", "kategoria", "类别"),
    ("deal_type", "Deal-Typ", "typ transakcji", "交易类型"),
    ("lead source", "Lead-Quelle", "źródło leada", "线索来源"),
    ("deal type", "Deal-Typ", "typ transakcji", "交易类型"),
    ("bar", "Balken", "słupek", "柱"),
    // Deal classes, activity classes, statuses and placeholders.
    ("new", "Neugeschäft", "nowa sprzedaż", "新业务"),
    ("upsell", "Upsell", "upsell", "追加销售"),
    ("renewal", "Verlängerung", "odnowienie", "续约"),
    ("call", "Anruf", "rozmowa", "电话"),
    ("email", "E-Mail", "e-mail", "邮件"),
    ("meeting", "Meeting", "spotkanie", "会议"),
    ("demo", "Demo", "prezentacja", "演示"),
    ("other", "Sonstiges", "inne", "其他"),
    ("won", "gewonnen", "wygrana", "赢单"),
    ("open", "offen", "otwarta", "未结"),
    (
        "(won or lost since)",
        "(seitdem gewonnen oder verloren)",
        "(wygrane lub przegrane od tego czasu)",
        "（之后已赢单或输单）",
    ),
    ("(no stage)", "(keine Phase)", "(brak etapu)", "（无阶段）"),
    ("(none)", "(keine)", "(brak)", "（无）"),
];

/// Words that read the same in a language as in English (names, and words German and Polish
/// borrowed): the tests allow these.
#[cfg(test)]
pub(super) const SAME_AS_ENGLISH: &[&str] = &["ARPA", "Deal", "Status", "upsell", "region", "Region", "Median", "Team"];

/// The word `english` in `lang`, `None` when the glossary does not hold it.
pub(super) fn lookup(english: &str, lang: Lang) -> Option<&'static str> {
    let row = WORDS.iter().find(|r| r.0 == english)?;
    Some(match lang {
        Lang::En => row.0,
        Lang::De => row.1,
        Lang::Pl => row.2,
        Lang::Zh => row.3,
    })
}

/// A label of a KPI result in `lang`: a companion label, a table header, a breakdown dimension,
/// a deal or activity class, a status cell. Anything else (an owner's name, a product, a stage
/// from the data) comes back unchanged, so the UI can pass every label through here.
///
/// ```
/// use pipelens_engine::{lang::Lang, text::label};
/// assert_eq!(label("median", Lang::De), "Median");
/// assert_eq!(label("renewal", Lang::Zh), "续约");
/// assert_eq!(label("Anna Kowalska", Lang::Pl), "Anna Kowalska");
/// ```
pub fn label(english: &str, lang: Lang) -> &str {
    lookup(english, lang).unwrap_or(english)
}

/// A filter and breakdown dimension in `lang`, as it reads inside a sentence (`owner`,
/// `lead source`).
pub fn dim(d: Dim, lang: Lang) -> &'static str {
    lookup(d.label(), lang).unwrap_or(d.label())
}

/// A filter and breakdown dimension in `lang`, as a heading (`Owner`, `Lead source`).
pub fn dim_title(d: Dim, lang: Lang) -> &'static str {
    match (lang, d) {
        (Lang::En, d) => d.title(),
        (Lang::De, d) => dim(d, lang),
        (Lang::Pl, Dim::Owner) => "Opiekun",
        (Lang::Pl, Dim::Team) => "Zespół",
        (Lang::Pl, Dim::Region) => "Region",
        (Lang::Pl, Dim::Product) => "Produkt",
        (Lang::Pl, Dim::LeadSource) => "Źródło leada",
        (Lang::Pl, Dim::DealType) => "Typ transakcji",
        (Lang::Zh, d) => dim(d, lang),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn every_word_is_listed_once_and_translated() {
        let mut seen = HashSet::new();
        for &(en, de, pl, zh) in WORDS {
            assert!(seen.insert(en), "{en} twice");
            for local in [de, pl, zh] {
                assert!(!local.trim().is_empty(), "{en}");
                assert!(local != en || SAME_AS_ENGLISH.contains(&en), "{en} is not translated");
            }
        }
    }

    #[test]
    fn dimensions_have_words_and_titles_in_every_language() {
        for lang in [Lang::De, Lang::Pl, Lang::Zh] {
            for d in Dim::ALL {
                assert!(lookup(d.label(), lang).is_some(), "{d:?}");
                assert!(dim_title(d, lang) != d.title() || SAME_AS_ENGLISH.contains(&d.title()), "{lang:?} {d:?}");
            }
        }
        assert_eq!(dim_title(Dim::LeadSource, Lang::En), "Lead source");
        assert_eq!(dim(Dim::LeadSource, Lang::Pl), "źródło leada");
    }
}
