//! The words of the Pipeline change page (issue 19): its headings, table heads, window choices,
//! the waterfall's bars and the definitions under "What is this?".

use pipelens_engine::change::{ChangeError, ChangeUnavailable, Flow};
use pipelens_engine::lang::Lang;

catalog! {
    /// The Pipeline change page's headings, table heads, controls and notes.
    Change {
        Lead => [
            "What moved in the open pipeline between two exports of the deals, and where deals stall.",
            "Was sich in der offenen Pipeline zwischen zwei Exporten der Deals bewegt hat und wo Deals hängen bleiben.",
            "Co zmieniło się w otwartym lejku między dwoma eksportami transakcji i gdzie transakcje utykają.",
            "两次商机导出之间开放管道中的变动，以及商机在哪里停滞。",
        ],
        PipelineChange => ["Pipeline change", "Pipeline-Veränderung", "Zmiana lejka", "管道变化"],
        Waterfall => ["From the earlier export to this one", "Vom früheren Export zu diesem", "Od wcześniejszego eksportu do tego", "从较早的导出到本次导出"],
        WaterfallAlt => ["Waterfall from {from} to {to}: {bars}", "Wasserfall von {from} bis {to}: {bars}", "Wykres kaskadowy od {from} do {to}: {bars}", "从 {from} 到 {to} 的瀑布图：{bars}"],
        Window => ["Close dates", "Abschlussdaten", "Daty zamknięcia", "成交日期"],
        All => ["Whole open pipeline", "Gesamte offene Pipeline", "Cały otwarty lejek", "全部开放管道"],
        ThisQuarter => ["This quarter", "Dieses Quartal", "Ten kwartał", "本季度"],
        NextQuarter => ["Next quarter", "Nächstes Quartal", "Następny kwartał", "下季度"],
        Custom => ["Custom range", "Eigener Zeitraum", "Własny zakres", "自定义范围"],
        From => ["From", "Von", "Od", "从"],
        To => ["To", "Bis", "Do", "到"],
        Bar => ["Bar", "Balken", "Słupek", "柱"],
        Amount => ["Amount", "Betrag", "Kwota", "金额"],
        Deals => ["Deals", "Anzahl Deals", "Transakcje", "商机数"],
        ShowDeals => ["Show its deals", "Seine Deals zeigen", "Pokaż jego transakcje", "显示其商机"],
        DealsOf => ["the deals of {bar}", "die Deals von {bar}", "transakcje: {bar}", "{bar}的商机"],
        Slipped => ["Slipped deals", "Verschobene Deals", "Przesunięte transakcje", "延期的商机"],
        MeanSlip => ["mean days slipped", "Tage im Mittel verschoben", "śr. dni przesunięcia", "平均延期天数"],
        Forward => ["Stage moved forward", "Phase vorgerückt", "Etap przesunięty do przodu", "阶段前移"],
        Back => ["Stage moved back", "Phase zurückgefallen", "Etap cofnięty", "阶段后退"],
        Missing => [
            "New deals created before the earlier export (missing from it)",
            "Neue Deals, die vor dem früheren Export angelegt wurden (fehlen darin)",
            "Nowe transakcje utworzone przed wcześniejszym eksportem (brak ich w nim)",
            "在较早导出之前创建的新商机（其中缺失）",
        ],
        ExpectedClose => [" · expected close {from} – {to}", " · erwarteter Abschluss {from} – {to}", " · oczekiwane zamknięcie {from} – {to}", " · 预计成交 {from} – {to}"],
        Deal => ["Deal", "Deal", "Transakcja", "商机"],
        Owner => ["Owner", "Verantwortlich", "Właściciel", "负责人"],
        Stage => ["Stage then → now", "Phase damals → jetzt", "Etap wtedy → teraz", "阶段 之前 → 现在"],
        Amounts => ["Amount then → now", "Betrag damals → jetzt", "Kwota wtedy → teraz", "金额 之前 → 现在"],
        Close => ["Close then → now", "Abschluss damals → jetzt", "Zamknięcie wtedy → teraz", "成交日 之前 → 现在"],
        DaysSlipped => ["Days slipped", "Tage verschoben", "Dni przesunięcia", "延期天数"],
        NoSlipped => [
            "No open deal's expected close moved later.",
            "Bei keinem offenen Deal hat sich der erwartete Abschluss nach hinten verschoben.",
            "Żadnej otwartej transakcji nie przesunięto oczekiwanej daty zamknięcia na później.",
            "没有开放商机的预计成交日期推后。",
        ],
        History => ["Stage history", "Phasenverlauf", "Historia etapów", "阶段历史"],
        NoHistory => [
            "Load a stage history (one row per change: deal id, stage, changed at) to see time in stage, conversions, pushes and stalled deals.",
            "Laden Sie einen Phasenverlauf (eine Zeile je Änderung: Deal-ID, Phase, geändert am), um Verweildauer, Umwandlungen, Verschiebungen und hängende Deals zu sehen.",
            "Wczytaj historię etapów (jeden wiersz na zmianę: id transakcji, etap, data zmiany), aby zobaczyć czas w etapie, konwersje, przesunięcia i utknięte transakcje.",
            "加载阶段历史（每次变更一行：商机 ID、阶段、变更时间），即可查看阶段停留时间、转化、推迟和停滞的商机。",
        ],
        TimeInStage => ["Time in stage", "Verweildauer in der Phase", "Czas w etapie", "阶段停留时间"],
        Median => ["Median days", "Median in Tagen", "Mediana dni", "中位天数"],
        P90 => ["90th percentile", "90. Perzentil", "90. percentyl", "第 90 百分位"],
        Spells => ["Spells", "Aufenthalte", "Pobyty", "停留次数"],
        Conversion => ["Stage to stage", "Von Phase zu Phase", "Z etapu do etapu", "阶段间转化"],
        FromTo => ["From \\ to", "Von \\ nach", "Z \\ do", "从 \\ 到"],
        Pushes => ["Close dates pushed", "Verschobene Abschlussdaten", "Przesunięte daty zamknięcia", "推迟的成交日期"],
        Stalled => ["Stalled deals", "Hängende Deals", "Utknięte transakcje", "停滞的商机"],
        DaysInStage => ["Days in stage", "Tage in der Phase", "Dni w etapie", "阶段天数"],
        NoStalled => [
            "No open deal is longer in its stage than 9 in 10 deals were.",
            "Kein offener Deal ist länger in seiner Phase, als es 9 von 10 Deals waren.",
            "Żadna otwarta transakcja nie jest w swoim etapie dłużej niż 9 na 10 transakcji.",
            "没有开放商机在其阶段停留的时间超过九成商机。",
        ],
        Forecast => ["Weighted pipeline and forecast categories", "Gewichtete Pipeline und Prognosekategorien", "Lejek ważony i kategorie prognozy", "加权管道与预测类别"],
        Probability => ["Probability", "Wahrscheinlichkeit", "Prawdopodobieństwo", "概率"],
        Category => ["Category", "Kategorie", "Kategoria", "类别"],
        Weighted => ["Weighted", "Gewichtet", "Ważona", "加权"],
        WeightedPipeline => ["Weighted pipeline", "Gewichtete Pipeline", "Lejek ważony", "加权管道"],
        Commit => ["Commit", "Commit", "Pewne", "承诺"],
        BestCase => ["Best case", "Bestenfalls", "Najlepszy scenariusz", "最佳情况"],
        What => ["What is this?", "Was ist das?", "Co to jest?", "这是什么？"],
        Bias => ["Forecast bias", "Prognoseabweichung", "Odchylenie prognozy", "预测偏差"],
        StageName => ["Stage", "Phase", "Etap", "阶段"],
        Swap => ["Swap the two exports", "Die beiden Exporte tauschen", "Zamień oba eksporty", "交换两次导出"],
        NoDeals => [
            "Load a deals export first; then load an earlier export of the same deals to compare them.",
            "Laden Sie zuerst einen Export der Deals, dann einen früheren Export derselben Deals, um beide zu vergleichen.",
            "Najpierw wczytaj eksport transakcji, potem wcześniejszy eksport tych samych transakcji, aby je porównać.",
            "请先加载商机导出，再加载同一批商机的较早导出，以便比较。",
        ],
        NoEarlier => [
            "Load an earlier export of these deals (read it as \"earlier_deals\") to see what changed since.",
            "Laden Sie einen früheren Export dieser Deals (als „earlier_deals“ gelesen), um zu sehen, was sich seitdem geändert hat.",
            "Wczytaj wcześniejszy eksport tych transakcji (jako „earlier_deals”), aby zobaczyć, co się od tego czasu zmieniło.",
            "加载这些商机的较早导出（作为“earlier_deals”读取），即可查看此后的变化。",
        ],
        NoAsOf => [
            "The {which} export has no created or close dates to tell its date; type the date it was exported.",
            "Der {which} Export hat keine Anlage- oder Abschlussdaten, die sein Datum verraten; geben Sie das Exportdatum ein.",
            "Eksport {which} nie ma dat utworzenia ani zamknięcia, z których można odczytać jego datę; wpisz datę eksportu.",
            "{which}导出没有创建或成交日期可推断其日期；请输入导出日期。",
        ],
        NotEarlier => [
            "The earlier export ({earlier}) must be dated before the later one ({later}); swap them or type their dates.",
            "Der frühere Export ({earlier}) muss vor dem späteren ({later}) datiert sein; tauschen Sie sie oder geben Sie ihre Daten ein.",
            "Wcześniejszy eksport ({earlier}) musi mieć datę przed późniejszym ({later}); zamień je lub wpisz ich daty.",
            "较早的导出（{earlier}）必须早于较晚的导出（{later}）；请交换它们或输入其日期。",
        ],
        NoStatus => [
            "The {which} export has no stage or status column, so its open deals are unknown.",
            "Der {which} Export hat keine Phasen- oder Statusspalte, daher sind seine offenen Deals unbekannt.",
            "Eksport {which} nie ma kolumny etapu ani statusu, więc jego otwarte transakcje są nieznane.",
            "{which}导出没有阶段或状态列，因此无法得知其开放商机。",
        ],
        Earlier => ["earlier", "frühere", "wcześniejszy", "较早的"],
        Later => ["later", "spätere", "późniejszy", "较晚的"],
        EarlierDated => ["Earlier export dated", "Früherer Export vom", "Wcześniejszy eksport z dnia", "较早导出的日期"],
        LaterDated => ["This export dated", "Dieser Export vom", "Ten eksport z dnia", "本次导出的日期"],
    }
}

/// Why there is nothing to compare, in `lang`: the engine's English words in English.
pub fn unavailable_text(why: &ChangeUnavailable, lang: Lang) -> String {
    use crate::i18n::{fill, Text};
    use pipelens_engine::format::local::date;
    if lang == Lang::En {
        return why.to_string();
    }
    let which = |w: &str| if w == "earlier" { Change::Earlier.text(lang) } else { Change::Later.text(lang) }.to_owned();
    match why {
        ChangeUnavailable::NoDeals => Change::NoDeals.text(lang).to_owned(),
        ChangeUnavailable::NoEarlier => Change::NoEarlier.text(lang).to_owned(),
        ChangeUnavailable::Change(ChangeError::NoAsOf { which: w }) => {
            fill(Change::NoAsOf.text(lang), &[("which", which(w))])
        }
        ChangeUnavailable::Change(ChangeError::NoStatus { which: w }) => {
            fill(Change::NoStatus.text(lang), &[("which", which(w))])
        }
        ChangeUnavailable::Change(ChangeError::NotEarlier { earlier, later }) => {
            fill(Change::NotEarlier.text(lang), &[("earlier", date(lang, *earlier)), ("later", date(lang, *later))])
        }
    }
}

catalog! {
    /// The waterfall's bars (`pipelens_engine::change::Flow`); English is the engine's label.
    FlowWord {
        Start => ["Start", "Anfang", "Początek", "期初"],
        New => ["New", "Neu", "Nowe", "新增"],
        PulledIn => ["Pulled in", "Vorgezogen", "Przyspieszone", "提前"],
        Increased => ["Amount increased", "Betrag erhöht", "Kwota wzrosła", "金额增加"],
        Decreased => ["Amount decreased", "Betrag gesenkt", "Kwota spadła", "金额减少"],
        PushedOut => ["Pushed out", "Verschoben", "Odsunięte", "推迟"],
        Won => ["Won", "Gewonnen", "Wygrane", "赢单"],
        Lost => ["Lost", "Verloren", "Przegrane", "输单"],
        End => ["End", "Ende", "Koniec", "期末"],
    }
}

/// A bar's word: the engine's English label in English, the catalog's in the other languages.
pub fn flow_word(flow: Flow, lang: Lang) -> &'static str {
    use crate::i18n::Text;
    let key = match flow {
        Flow::Start => FlowWord::Start,
        Flow::New => FlowWord::New,
        Flow::PulledIn => FlowWord::PulledIn,
        Flow::Increased => FlowWord::Increased,
        Flow::Decreased => FlowWord::Decreased,
        Flow::PushedOut => FlowWord::PushedOut,
        Flow::Won => FlowWord::Won,
        Flow::Lost => FlowWord::Lost,
        Flow::End => FlowWord::End,
    };
    match lang {
        Lang::En => flow.label(),
        _ => key.text(lang),
    }
}

catalog! {
    /// The forecast categories (`ForecastCategory::label`): Salesforce's names in English.
    CategoryWord {
        Pipeline => ["Pipeline", "Pipeline", "Lejek", "管道"],
        BestCase => ["Best case", "Bestenfalls", "Najlepszy scenariusz", "最佳情况"],
        Commit => ["Commit", "Commit", "Pewne", "承诺"],
        Closed => ["Closed", "Abgeschlossen", "Zamknięte", "已关闭"],
        Omitted => ["Omitted", "Ausgelassen", "Pominięte", "已忽略"],
    }
}

/// A forecast category's label in `lang`; a label the catalog does not know stays as it is.
pub fn category_word(english: &'static str, lang: Lang) -> &'static str {
    use crate::i18n::Text;
    CategoryWord::ALL.iter().find(|k| k.text(Lang::En) == english).map_or(english, |k| k.text(lang))
}

catalog! {
    /// The terms defined under "What is this?" (KPI_SPEC_PIPELINE_CHANGE.md, in our words).
    Term {
        StartEnd => ["Start / End", "Anfang / Ende", "Początek / koniec", "期初 / 期末"],
        Won => ["Won", "Gewonnen", "Wygrane", "赢单"],
        Lost => ["Lost", "Verloren", "Przegrane", "输单"],
        PushedOut => ["Pushed out", "Verschoben", "Odsunięte", "推迟"],
        New => ["New", "Neu", "Nowe", "新增"],
        PulledIn => ["Pulled in", "Vorgezogen", "Przyspieszone", "提前"],
        Amount => ["Amount increased / decreased", "Betrag erhöht / gesenkt", "Kwota wzrosła / spadła", "金额增加 / 减少"],
        Once => ["Each deal counts once", "Jeder Deal zählt einmal", "Każda transakcja liczy się raz", "每个商机只计一次"],
        Slipped => ["Slipped", "Verschoben (Abschluss)", "Przesunięte", "延期"],
        TimeInStage => ["Time in stage", "Verweildauer in der Phase", "Czas w etapie", "阶段停留时间"],
        Stalled => ["Stalled", "Hängend", "Utknięte", "停滞"],
        Weighted => ["Weighted pipeline", "Gewichtete Pipeline", "Lejek ważony", "加权管道"],
        CommitBest => ["Commit / Best case", "Commit / Bestenfalls", "Pewne / najlepszy scenariusz", "承诺 / 最佳情况"],
        Bias => ["Forecast bias", "Prognoseabweichung", "Odchylenie prognozy", "预测偏差"],
    }
}

catalog! {
    /// What each [`Term`] means, in the same order.
    Definition {
        StartEnd => [
            "The open pipeline (Σ amount of open deals, in the window when one is chosen) at the earlier and at the current export.",
            "Die offene Pipeline (Σ Betrag der offenen Deals, im gewählten Zeitfenster, falls eines gewählt ist) beim früheren und beim aktuellen Export.",
            "Otwarty lejek (Σ kwot otwartych transakcji, w wybranym oknie, jeśli je wybrano) we wcześniejszym i w bieżącym eksporcie.",
            "较早导出和本次导出时的开放管道（开放商机金额之和；如选了时间窗口，则只计窗口内）。",
        ],
        Won => [
            "Open and in scope at the earlier export, won at the current one: its earlier amount.",
            "Beim früheren Export offen und im Umfang, beim aktuellen gewonnen: sein früherer Betrag.",
            "Otwarta i w zakresie we wcześniejszym eksporcie, wygrana w bieżącym: jej wcześniejsza kwota.",
            "较早导出时开放且在范围内，本次导出时已赢单：计其较早的金额。",
        ],
        Lost => [
            "Open and in scope at the earlier export, lost at the current one or missing from it: its earlier amount.",
            "Beim früheren Export offen und im Umfang, beim aktuellen verloren oder darin fehlend: sein früherer Betrag.",
            "Otwarta i w zakresie we wcześniejszym eksporcie, przegrana w bieżącym lub w nim nieobecna: jej wcześniejsza kwota.",
            "较早导出时开放且在范围内，本次导出时输单或已缺失：计其较早的金额。",
        ],
        PushedOut => [
            "In scope at the earlier export, still open, but its expected close left the window.",
            "Beim früheren Export im Umfang, weiter offen, aber sein erwarteter Abschluss liegt nicht mehr im Zeitfenster.",
            "W zakresie we wcześniejszym eksporcie, nadal otwarta, ale jej oczekiwane zamknięcie wypadło z okna.",
            "较早导出时在范围内，仍然开放，但预计成交日期已移出时间窗口。",
        ],
        New => [
            "Absent from the earlier export, in scope at the current one: its current amount.",
            "Im früheren Export nicht vorhanden, im aktuellen im Umfang: sein aktueller Betrag.",
            "Nieobecna we wcześniejszym eksporcie, w zakresie w bieżącym: jej bieżąca kwota.",
            "较早导出中没有，本次导出时在范围内：计其当前金额。",
        ],
        PulledIn => [
            "In the earlier export but out of scope there (its close was outside the window), in scope now.",
            "Im früheren Export vorhanden, dort aber außerhalb des Umfangs (Abschluss außerhalb des Zeitfensters), jetzt im Umfang.",
            "We wcześniejszym eksporcie, ale poza zakresem (zamknięcie poza oknem), teraz w zakresie.",
            "在较早导出中但当时不在范围内（成交日期在窗口外），现在在范围内。",
        ],
        Amount => [
            "In scope at both: the rise or fall of its amount.",
            "In beiden im Umfang: Anstieg oder Rückgang seines Betrags.",
            "W zakresie w obu: wzrost lub spadek jej kwoty.",
            "两次都在范围内：其金额的增加或减少。",
        ],
        Once => [
            "The first rule that fits decides (won, lost, pushed out, new, pulled in, changed amount), so start + inflows − outflows = end exactly.",
            "Die erste passende Regel entscheidet (gewonnen, verloren, verschoben, neu, vorgezogen, Betrag geändert), daher gilt Anfang + Zuflüsse − Abflüsse = Ende genau.",
            "Decyduje pierwsza pasująca reguła (wygrana, przegrana, odsunięta, nowa, przyspieszona, zmiana kwoty), więc początek + wpływy − odpływy = koniec dokładnie.",
            "按第一条符合的规则归类（赢单、输单、推迟、新增、提前、金额变化），因此期初 + 流入 − 流出 = 期末，分毫不差。",
        ],
        Slipped => [
            "Open at both exports, its expected close moved later (counted beside the bars).",
            "Bei beiden Exporten offen, der erwartete Abschluss hat sich nach hinten verschoben (neben den Balken gezählt).",
            "Otwarta w obu eksportach, jej oczekiwane zamknięcie przesunęło się na później (liczone obok słupków).",
            "两次导出时都开放，预计成交日期推后（在柱旁单独计数）。",
        ],
        TimeInStage => [
            "From the first change into a stage to the next change into another stage; the median and 90th percentile per stage over finished spells.",
            "Vom ersten Wechsel in eine Phase bis zum nächsten Wechsel in eine andere; Median und 90. Perzentil je Phase über abgeschlossene Aufenthalte.",
            "Od pierwszej zmiany na dany etap do następnej zmiany na inny etap; mediana i 90. percentyl na etap z zakończonych pobytów.",
            "从首次进入某阶段到下一次进入其他阶段；按阶段统计已结束停留的中位数和第 90 百分位。",
        ],
        Stalled => [
            "Open deals whose current stay in their stage is longer than that stage's 90th percentile.",
            "Offene Deals, deren aktueller Aufenthalt in ihrer Phase länger ist als das 90. Perzentil dieser Phase.",
            "Otwarte transakcje, których obecny pobyt w etapie jest dłuższy niż 90. percentyl tego etapu.",
            "当前在所处阶段停留时间超过该阶段第 90 百分位的开放商机。",
        ],
        Weighted => [
            "Σ amount × probability of the open deals; the probability of a stage is its default until you set one.",
            "Σ Betrag × Wahrscheinlichkeit der offenen Deals; die Wahrscheinlichkeit einer Phase ist ihr Standardwert, bis Sie einen setzen.",
            "Σ kwota × prawdopodobieństwo otwartych transakcji; prawdopodobieństwo etapu to jego wartość domyślna, dopóki nie ustawisz własnej.",
            "开放商机的 Σ 金额 × 概率；阶段的概率在你设置之前取其默认值。",
        ],
        CommitBest => [
            "Commit = won in the period + open Commit deals closing in it; Best case adds the open Best case deals.",
            "Commit = im Zeitraum gewonnen + offene Commit-Deals, die darin abschließen; Bestenfalls addiert die offenen Best-Case-Deals.",
            "Pewne = wygrane w okresie + otwarte transakcje Commit zamykane w nim; najlepszy scenariusz dodaje otwarte transakcje Best case.",
            "承诺 = 本期赢单 + 本期成交的开放承诺类商机；最佳情况再加上开放的最佳情况类商机。",
        ],
        Bias => [
            "The mean over the forecast periods of (actual − forecast) / actual: positive when the forecasts were too low.",
            "Der Mittelwert über die Prognosezeiträume von (Ist − Prognose) / Ist: positiv, wenn die Prognosen zu niedrig waren.",
            "Średnia z okresów prognozy z (wynik − prognoza) / wynik: dodatnia, gdy prognozy były za niskie.",
            "各预测期 (实际 − 预测) / 实际 的平均值：预测偏低时为正。",
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::catalog::check_keys;
    use crate::i18n::{Text, SAME_IN_EVERY_LANGUAGE};

    fn check<K: Text + std::fmt::Debug>(all: &[K]) -> Vec<String> {
        check_keys(all, SAME_IN_EVERY_LANGUAGE)
    }

    #[test]
    fn every_word_has_four_real_translations() {
        for bad in [
            check(Change::ALL),
            check(FlowWord::ALL),
            check(CategoryWord::ALL),
            check(Term::ALL),
            check(Definition::ALL),
        ] {
            assert!(bad.is_empty(), "{bad:#?}");
        }
    }

    #[test]
    fn every_forecast_category_has_its_words() {
        use pipelens_engine::forecast_category::ForecastCategory;
        for c in ForecastCategory::ALL {
            assert_eq!(category_word(c.label(), Lang::En), c.label());
            assert!(CategoryWord::ALL.iter().any(|k| crate::i18n::Text::text(*k, Lang::En) == c.label()), "{c:?}");
        }
        assert_eq!(category_word("Best case", Lang::Pl), "Najlepszy scenariusz");
    }

    #[test]
    fn every_term_has_a_definition() {
        assert_eq!(Term::ALL.len(), Definition::ALL.len());
    }

    #[test]
    fn a_bar_reads_as_the_engine_in_english_and_translated_elsewhere() {
        for flow in Flow::ALL {
            assert_eq!(flow_word(flow, Lang::En), flow.label());
            for lang in [Lang::De, Lang::Pl, Lang::Zh] {
                assert_ne!(flow_word(flow, lang), flow.label(), "{flow:?} {lang:?}");
            }
        }
    }
}
