//! The catalogs of the page shell: header, status banners, period line, footer, navigation,
//! filter bar, KPI tiles, and the nouns counted in sentences. Each block is one area; add a
//! line to the area's block (see the module docs of [`crate::i18n`]).

use crate::i18n::Text;
use pipelens_engine::lang::Lang;

catalog! {
    /// The header: brand line, data source, actions and the language picker.
    Header {
        Menu => ["Menu", "Menü", "Menu", "菜单"],
        DarkTheme => ["Dark theme", "Dunkles Design", "Ciemny motyw", "深色主题"],
        BackToDemo => ["Back to demo", "Zurück zur Demo", "Wróć do demo", "返回演示数据"],
        Language => ["Language", "Sprache", "Język", "语言"],
        DemoBadge => ["Demo data", "Demodaten", "Dane demo", "演示数据"],
        DemoText => [
            "A generated company, not real figures. Load your own CSV to analyse it.",
            "Ein erzeugtes Unternehmen, keine echten Zahlen. Laden Sie Ihre eigene CSV-Datei, um sie auszuwerten.",
            "Wygenerowana firma, nie prawdziwe liczby. Wczytaj własny plik CSV, aby go przeanalizować.",
            "一家生成的示例公司，并非真实数据。载入您自己的 CSV 文件即可分析。",
        ],
        YourFile => ["Your file", "Ihre Datei", "Twój plik", "您的文件"],
        YourFiles => ["Your files", "Ihre Dateien", "Twoje pliki", "您的文件"],
        Dashboards => ["Dashboards", "Dashboards", "Pulpity", "仪表板"],
    }
}

catalog! {
    /// Loading progress, notices and errors.
    Status {
        Reading => ["Reading {file}: {done} of {total} MB", "Lese {file}: {done} von {total} MB", "Wczytywanie {file}: {done} z {total} MB", "正在读取 {file}：{done} / {total} MB"],
        Analysing => [
            "Analysing {file}: {rows} rows, {done} of {total} MB",
            "Analysiere {file}: {rows} Zeilen, {done} von {total} MB",
            "Analiza {file}: {rows} wierszy, {done} z {total} MB",
            "正在分析 {file}：{rows} 行，{done} / {total} MB",
        ],
        Dismiss => ["Dismiss", "Schließen", "Zamknij", "关闭"],
        ForgetThem => ["Forget them", "Verwerfen", "Zapomnij je", "忘记它们"],
        TryAgain => ["Try again", "Erneut versuchen", "Spróbuj ponownie", "重试"],
        LoadingProgress => ["Loading progress", "Ladefortschritt", "Postęp wczytywania", "载入进度"],
        Cancel => ["Cancel", "Abbrechen", "Anuluj", "取消"],
        MoreWaiting => [
            "{n} more file(s) wait for their columns after this one.",
            "Nach dieser warten noch {n} Datei(en) auf ihre Spaltenzuordnung.",
            "Po tym pliku na przypisanie kolumn czeka jeszcze plików: {n}.",
            "此文件之后还有 {n} 个文件等待列映射。",
        ],
        NoDates => [
            "The loaded data has no dates, so no period can be chosen.",
            "Die geladenen Daten enthalten keine Datumsangaben, daher lässt sich kein Zeitraum wählen.",
            "Wczytane dane nie zawierają dat, więc nie można wybrać okresu.",
            "载入的数据没有日期，因此无法选择期间。",
        ],
    }
}

catalog! {
    /// The period line and the currency picker above every page.
    Shell {
        Period => ["Period", "Zeitraum", "Okres", "期间"],
        DefaultPeriod => [
            "the 12 months ending with the latest month in the data",
            "die 12 Monate bis zum jüngsten Monat der Daten",
            "12 miesięcy kończących się ostatnim miesiącem w danych",
            "截至数据中最近一个月的 12 个月",
        ],
        ChosenPeriod => ["the period you chose", "der von Ihnen gewählte Zeitraum", "wybrany przez Ciebie okres", "您选择的期间"],
        PeriodNote => [
            "{which} · pipeline and MRR as of its last day · changes against the {compared}",
            "{which} · Pipeline und MRR zum letzten Tag · Veränderung gegenüber {compared}",
            "{which} · Pipeline i MRR na ostatni dzień · zmiany względem: {compared}",
            "{which} · Pipeline 和 MRR 按最后一天计 · 与{compared}相比的变化",
        ],
        AmountsIn => ["Amounts in", "Beträge in", "Kwoty w", "金额币种"],
        CurrencyOption => ["{name} ({deals})", "{name} ({deals})", "{name} ({deals})", "{name}（{deals}）"],
        Currencies => [
            " · the data holds {n} currencies; {deals} in other currencies are left out of amounts, never added to this one",
            " · die Daten enthalten {n} Währungen; {deals} in anderen Währungen fließen nicht in die Beträge ein und werden nie mit dieser addiert",
            " · dane zawierają walut: {n}; {deals} w innych walutach pominięto w kwotach, nigdy nie są dodawane do tej",
            " · 数据包含 {n} 种货币；其他货币的 {deals}不计入金额，绝不与本币相加",
        ],
        CurrenciesOne => [
            " · the data holds {n} currencies; {deals} in other currencies is left out of amounts, never added to this one",
            " · die Daten enthalten {n} Währungen; {deals} in anderen Währungen fließt nicht in die Beträge ein und wird nie mit dieser addiert",
            " · dane zawierają walut: {n}; {deals} w innych walutach pominięto w kwotach, nigdy nie jest dodawana do tej",
            " · 数据包含 {n} 种货币；其他货币的 {deals}不计入金额，绝不与本币相加",
        ],
    }
}

catalog! {
    /// The footer and the drop overlay.
    Footer {
        Private => ["Private by design.", "Datenschutz eingebaut.", "Prywatność w standardzie.", "隐私优先。"],
        RunsHere => [
            "Everything runs in this browser tab: files you load are read on this device and never uploaded. The page makes no request after loading its own files.",
            "Alles läuft in diesem Browser-Tab: Ihre Dateien werden auf diesem Gerät gelesen und nie hochgeladen. Nach dem Laden ihrer eigenen Dateien stellt die Seite keine Anfrage mehr.",
            "Wszystko działa w tej karcie przeglądarki: wczytane pliki są czytane na tym urządzeniu i nigdy nie są wysyłane. Po wczytaniu własnych plików strona nie wysyła żadnych żądań.",
            "一切都在此浏览器标签页中运行：您载入的文件只在本设备上读取，从不上传。页面载入自身文件后不再发出任何请求。",
        ],
        Recognised => [
            "Drop CSV files anywhere on the page, or use “Load CSV files”: deals, leads, activities, customers, spend, quotas and forecasts are recognised by their headers, including the names HubSpot, Salesforce, Pipedrive and the Maven CRM sample use.",
            "Legen Sie CSV-Dateien irgendwo auf der Seite ab oder nutzen Sie „CSV-Dateien laden“: Deals, Leads, Aktivitäten, Kunden, Ausgaben, Quoten und Prognosen werden an ihren Spaltenköpfen erkannt, auch mit den Namen aus HubSpot, Salesforce, Pipedrive und dem Maven-CRM-Beispiel.",
            "Upuść pliki CSV w dowolnym miejscu strony albo użyj „Wczytaj pliki CSV”: transakcje, leady, aktywności, klienci, wydatki, plany sprzedaży i prognozy są rozpoznawane po nagłówkach, także w nazewnictwie HubSpot, Salesforce, Pipedrive i przykładu Maven CRM.",
            "将 CSV 文件拖放到页面任意位置，或使用“载入 CSV 文件”：商机、线索、活动、客户、费用、配额和预测会按表头识别，包括 HubSpot、Salesforce、Pipedrive 和 Maven CRM 示例使用的列名。",
        ],
        DealsTemplate => ["Download a deals template", "Deal-Vorlage herunterladen", "Pobierz szablon transakcji", "下载商机模板"],
        DemoData => ["Download the demo data", "Demodaten herunterladen", "Pobierz dane demo", "下载演示数据"],
        DropHere => [
            "Drop the CSV files to analyse them here, on your device",
            "CSV-Dateien hier ablegen, um sie auf Ihrem Gerät auszuwerten",
            "Upuść pliki CSV, aby przeanalizować je tutaj, na Twoim urządzeniu",
            "将 CSV 文件拖放到此处，在您的设备上分析",
        ],
    }
}

catalog! {
    /// The pages' names in the navigation.
    PageName {
        Executive => ["Executive", "Geschäftsführung", "Zarząd", "管理层"],
        Manager => ["Manager", "Vertriebsleitung", "Kierownik", "销售经理"],
        Rep => ["Rep", "Vertriebler", "Handlowiec", "销售代表"],
        Pipeline => ["Pipeline & funnel", "Pipeline & Trichter", "Pipeline i lejek sprzedaży", "Pipeline 与销售漏斗"],
        Leads => ["Leads & activity", "Leads & Aktivitäten", "Leady i aktywności", "线索与活动"],
        Customers => ["Customers", "Kunden", "Klienci", "客户"],
        Custom => ["My board", "Mein Board", "Moja tablica", "我的看板"],
        Catalog => ["All KPIs", "Alle KPIs", "Wszystkie KPI", "全部 KPI"],
        Change => ["Pipeline change", "Pipeline-Veränderung", "Zmiany w lejku", "Pipeline 变化"],
    }
}

catalog! {
    /// The filter bar and the breadcrumb.
    Filter {
        Bar => ["Period and filters", "Zeitraum und Filter", "Okres i filtry", "期间与筛选"],
        Filters => ["Filters:", "Filter:", "Filtry:", "筛选："],
        Period => ["Period", "Zeitraum", "Okres", "期间"],
        CustomRange => ["Custom range", "Eigener Zeitraum", "Własny zakres", "自定义范围"],
        From => ["From", "Von", "Od", "从"],
        To => ["To", "Bis", "Do", "至"],
        Grain => ["Grain", "Raster", "Podział", "粒度"],
        CompareWith => ["Compare with", "Vergleichen mit", "Porównaj z", "对比"],
        GrossMargin => ["Gross margin %", "Bruttomarge %", "Marża brutto %", "毛利率 %"],
        GrossMarginHint => ["The gross margin CLV is computed with", "Die Bruttomarge, mit der der CLV berechnet wird", "Marża brutto, z którą liczony jest CLV", "计算 CLV 所用的毛利率"],
        Clear => ["Clear filters", "Filter zurücksetzen", "Wyczyść filtry", "清除筛选"],
        All => ["All", "Alle", "Wszystkie", "全部"],
        ShowAll => ["Show all", "Alle zeigen", "Pokaż wszystkie", "显示全部"],
        DrillDown => ["Drill-down", "Drill-down", "Zagłębienie", "下钻"],
        AllData => ["All data", "Alle Daten", "Wszystkie dane", "全部数据"],
        AllDataLower => ["all data", "alle Daten", "wszystkie dane", "全部数据"],
        Versus => ["vs {what}", "ggü. {what}", "wzgl. {what}", "对比{what}"],
        SomeOf => ["{dim} {n} of {all}", "{dim} {n} von {all}", "{dim} {n} z {all}", "{dim} {n}/{all}"],
        Chosen => ["{n} selected", "{n} ausgewählt", "wybrano: {n}", "已选 {n} 项"],
        Find => ["Find among {n}", "Unter {n} suchen", "Szukaj wśród {n}", "在 {n} 项中查找"],
        Listed => ["{shown} of {n} shown: type to narrow", "{shown} von {n} gezeigt: zum Eingrenzen tippen", "Pokazano {shown} z {n}: wpisz, by zawęzić", "显示 {n} 项中的 {shown} 项：输入以缩小范围"],
        NoMatch => ["Nothing matches “{term}”", "Nichts passt zu „{term}“", "Nic nie pasuje do „{term}”", "没有与“{term}”匹配的项"],
        ToShow => ["{dim} to show", "Anzuzeigende: {dim}", "{dim} do pokazania", "要显示的{dim}"],
    }
}

catalog! {
    /// A KPI tile: deltas, targets, explanation headings.
    Tile {
        Better => ["(better)", "(besser)", "(lepiej)", "（更好）"],
        Worse => ["(worse)", "(schlechter)", "(gorzej)", "（更差）"],
        PointsVs => ["{sign}{n} pts vs {label}", "{sign}{n} Pp. ggü. {label}", "{sign}{n} pp. wzgl. {label}", "与{label}相比 {sign}{n} 个百分点"],
        PercentVs => ["{sign}{n} vs {label}", "{sign}{n} ggü. {label}", "{sign}{n} wzgl. {label}", "与{label}相比 {sign}{n}"],
        NoChange => ["no change vs {label}", "keine Veränderung ggü. {label}", "bez zmian wzgl. {label}", "与{label}相比无变化"],
        FromZero => ["changed from 0 vs {label}", "von 0 aus verändert ggü. {label}", "zmiana od 0 wzgl. {label}", "与{label}相比从 0 变化"],
        TargetLine => ["{rag} · target {target}", "{rag} · Ziel {target}", "{rag} · cel {target}", "{rag} · 目标 {target}"],
        FromData => [" (from the data)", " (aus den Daten)", " (z danych)", "（来自数据）"],
        TableRows => ["Table ({n} rows)", "Tabelle ({n} Zeilen)", "Tabela (wiersze: {n})", "表格（{n} 行）"],
        WhatIsThis => ["What is this?", "Was ist das?", "Co to jest?", "这是什么？"],
        Formula => ["Formula:", "Formel:", "Wzór:", "公式："],
        WhyItMatters => ["Why it matters:", "Warum es zählt:", "Dlaczego to ważne:", "为何重要："],
        WatchOut => ["Watch out:", "Achtung:", "Uwaga:", "注意："],
        Needs => ["Needs: {what}", "Benötigt: {what}", "Wymaga: {what}", "需要：{what}"],
        Target => ["Target ({hint})", "Ziel ({hint})", "Cel ({hint})", "目标（{hint}）"],
        TargetAsFraction => ["as a fraction: 0.25 for 25 %", "als Anteil: 0,25 für 25 %", "jako ułamek: 0,25 dla 25%", "以小数表示：0.25 即 25%"],
        TargetInUnit => ["in the KPI's unit", "in der Einheit der KPI", "w jednostce KPI", "按该 KPI 的单位"],
        LeftOut => ["{what}: left out", "{what}: nicht berücksichtigt", "{what}: pominięto", "{what}：已排除"],
        OnTarget => ["on target", "im Ziel", "zgodnie z celem", "达标"],
        NearTarget => ["near target", "knapp am Ziel", "blisko celu", "接近目标"],
        OffTarget => ["off target", "Ziel verfehlt", "poniżej celu", "未达标"],
    }
}

catalog! {
    /// The labels of the secondary figures beside a tile's value (the engine's `Companion`).
    CompanionLabel {
        Arpa => ["ARPA", "ARPA", "ARPA", "ARPA"],
        Mean => ["mean", "Mittelwert", "średnia", "平均值"],
        Median => ["median", "Median", "mediana", "中位数"],
        Spend => ["spend", "Ausgaben", "wydatki", "费用"],
        WinsNeeded => ["wins needed", "nötige Abschlüsse", "potrzebne wygrane", "所需赢单数"],
        ActiveAtStart => ["active at start", "aktiv zu Beginn", "aktywni na starcie", "期初活跃"],
        ActiveCustomers => ["active customers", "aktive Kunden", "aktywni klienci", "活跃客户"],
        Churned => ["churned", "abgewandert", "odeszli", "已流失"],
        PreviousRevenue => ["previous revenue", "Vorperiodenumsatz", "poprzedni przychód", "上期销售额"],
        QuotaAhead => ["quota ahead", "kommende Quote", "nadchodzący plan", "后续配额"],
        Target => ["target", "Ziel", "cel", "目标"],
        Within5 => ["within 5 min", "binnen 5 Min.", "w ciągu 5 min", "5 分钟内"],
        MonthlyChurn => ["monthly churn", "monatliche Abwanderung", "miesięczny churn", "月流失率"],
    }
}

/// A companion's label in the current language: this table's, else the engine's glossary's
/// (`pipelens_engine::text::label`); a label neither knows stays as the engine wrote it.
pub fn companion_label(en: &str) -> &str {
    match CompanionLabel::ALL.iter().find(|k| k.text(Lang::En) == en) {
        Some(k) => crate::i18n::t(*k),
        None => pipelens_engine::text::label(en, crate::i18n::current()),
    }
}

catalog! {
    /// The engine's small words the UI shows: grains, comparisons, presets, segment dimensions,
    /// KPI groups.
    Engine {
        Week => ["Week", "Woche", "Tydzień", "周"],
        Month => ["Month", "Monat", "Miesiąc", "月"],
        Quarter => ["Quarter", "Quartal", "Kwartał", "季度"],
        Year => ["Year", "Jahr", "Rok", "年"],
        PreviousPeriod => ["Previous period", "Vorperiode", "Poprzedni okres", "上一期"],
        YearEarlier => ["Same period last year", "Vorjahreszeitraum", "Ten sam okres rok wcześniej", "去年同期"],
        PreviousPeriodNoun => ["previous period", "Vorperiode", "poprzedni okres", "上一期"],
        YearEarlierNoun => ["same period last year", "Vorjahreszeitraum", "ten sam okres rok wcześniej", "去年同期"],
        Last12Months => ["Last 12 months", "Letzte 12 Monate", "Ostatnie 12 miesięcy", "最近 12 个月"],
        ThisMonth => ["This month", "Dieser Monat", "Ten miesiąc", "本月"],
        ThisQuarter => ["This quarter", "Dieses Quartal", "Ten kwartał", "本季度"],
        ThisYear => ["This year", "Dieses Jahr", "Ten rok", "今年"],
        LastMonth => ["Last month", "Letzter Monat", "Poprzedni miesiąc", "上月"],
        LastQuarter => ["Last quarter", "Letztes Quartal", "Poprzedni kwartał", "上季度"],
        LastYear => ["Last year", "Letztes Jahr", "Poprzedni rok", "去年"],
        Owner => ["Owner", "Verantwortlich", "Opiekun", "负责人"],
        Team => ["Team", "Team", "Zespół", "团队"],
        Region => ["Region", "Region", "Region", "区域"],
        Product => ["Product", "Produkt", "Produkt", "产品"],
        LeadSource => ["Lead source", "Lead-Quelle", "Źródło leada", "线索来源"],
        DealType => ["Deal type", "Deal-Art", "Typ transakcji", "商机类型"],
        GroupRevenue => ["Revenue and growth", "Umsatz und Wachstum", "Przychód i wzrost", "销售额与增长"],
        GroupDeals => ["Deals and pipeline", "Deals und Pipeline", "Transakcje i pipeline", "商机与 Pipeline"],
        GroupLeads => ["Leads and activity", "Leads und Aktivitäten", "Leady i aktywności", "线索与活动"],
        GroupCustomers => ["Customers and unit economics", "Kunden und Unit Economics", "Klienci i ekonomika jednostkowa", "客户与单位经济"],
    }
}

catalog! {
    /// The question each page answers, under the navigation.
    Lead {
        Executive => [
            "Are we growing, will we hit the number, and is growth paying for itself?",
            "Wachsen wir, erreichen wir das Umsatzziel, und trägt sich das Wachstum selbst?",
            "Czy rośniemy, czy zrealizujemy plan sprzedaży i czy wzrost sam się finansuje?",
            "我们在增长吗？能完成销售目标吗？增长是否能自我造血？",
        ],
        Pipeline => [
            "Where deals are, where they stall and leak, how long they take and what sells.",
            "Wo die Deals stehen, wo sie hängen bleiben oder verloren gehen, wie lange sie dauern und was sich verkauft.",
            "Gdzie są transakcje, gdzie utykają i przepadają, ile trwają i co się sprzedaje.",
            "商机在哪个阶段、在哪里停滞和流失、需要多长时间、什么产品卖得好。",
        ],
        Leads => [
            "Is the top of the funnel full, are leads answered fast, and is the team busy on the right things?",
            "Ist der Trichter oben gut gefüllt, werden Leads schnell beantwortet, und arbeitet das Team an den richtigen Dingen?",
            "Czy góra lejka sprzedaży jest pełna, czy leady dostają szybką odpowiedź i czy zespół zajmuje się właściwymi rzeczami?",
            "销售漏斗顶部是否充足？线索是否得到快速响应？团队是否在做正确的事？",
        ],
        Customers => [
            "Who we win, who stays, and whether each customer is worth what they cost to win.",
            "Wen wir gewinnen, wer bleibt und ob jeder Kunde wert ist, was seine Gewinnung kostet.",
            "Kogo zdobywamy, kto zostaje i czy każdy klient jest wart kosztu jego pozyskania.",
            "我们赢得了谁、留住了谁，以及每位客户是否值得其获客成本。",
        ],
    }
}

catalog! {
    /// What a page would show with more data, and the datasets' names.
    Missing {
        Heading => ["More KPIs with more data", "Mehr KPIs mit mehr Daten", "Więcej KPI z większą ilością danych", "更多数据，更多 KPI"],
        Unlocks => ["Load {dataset} to see: {kpis}", "Laden Sie {dataset}, um zu sehen: {kpis}", "Wczytaj {dataset}, aby zobaczyć: {kpis}", "载入{dataset}即可查看：{kpis}"],
        Template => ["{dataset} template", "Vorlage {dataset}", "szablon: {dataset}", "{dataset}模板"],
        Deals => ["deals", "Deals", "transakcje", "商机"],
        Leads => ["leads", "Leads", "leady", "线索"],
        Activities => ["activities", "Aktivitäten", "aktywności", "活动"],
        Customers => ["customers", "Kunden", "klientów", "客户"],
        Spend => ["spend", "Ausgaben", "wydatki", "费用"],
        Quotas => ["quotas", "Quoten", "plany sprzedaży", "配额"],
        Forecasts => ["forecasts", "Prognosen", "prognozy", "预测"],
        EarlierDeals => ["earlier_deals", "frühere Deals", "wcześniejsze transakcje", "较早的商机导出"],
        History => ["history", "Phasenverlauf", "historię etapów", "阶段历史"],
    }
}

catalog! {
    /// Nouns counted in sentences, their plural forms separated by `|` (en, de: one|other;
    /// pl: one|few|many; zh: one form).
    Noun {
        Deal => ["deal|deals", "Deal|Deals", "transakcja|transakcje|transakcji", "笔交易"],
        Row => ["row|rows", "Zeile|Zeilen", "wiersz|wiersze|wierszy", "行"],
        File => ["file|files", "Datei|Dateien", "plik|pliki|plików", "个文件"],
        Lead => ["lead|leads", "Lead|Leads", "lead|leady|leadów", "条线索"],
        Customer => ["customer|customers", "Kunde|Kunden", "klient|klientów|klientów", "位客户"],
        Value => ["value|values", "Wert|Werte", "wartość|wartości|wartości", "个值"],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::catalog::check_keys;
    use crate::i18n::SAME_IN_EVERY_LANGUAGE;

    fn texts<K: Text>(k: K) -> [&'static str; 4] {
        Lang::ALL.map(|l| k.text(l))
    }

    fn check<K: Text + std::fmt::Debug>(all: &[K]) -> Vec<String> {
        check_keys(all, SAME_IN_EVERY_LANGUAGE)
    }

    #[test]
    fn every_key_has_four_real_translations() {
        let mut bad = Vec::new();
        bad.extend(check(Header::ALL));
        bad.extend(check(Status::ALL));
        bad.extend(check(Shell::ALL));
        bad.extend(check(Footer::ALL));
        bad.extend(check(PageName::ALL));
        bad.extend(check(Filter::ALL));
        bad.extend(check(Tile::ALL));
        bad.extend(check(Engine::ALL));
        bad.extend(check(Noun::ALL));
        bad.extend(check(Missing::ALL));
        bad.extend(check(Lead::ALL));
        bad.extend(check(CompanionLabel::ALL));
        assert!(bad.is_empty(), "{bad:#?}");
    }

    #[test]
    fn plural_nouns_have_each_languages_forms() {
        for &noun in Noun::ALL {
            let forms = texts(noun).map(|t| t.split('|').count());
            assert_eq!(forms, [2, 2, 3, 1], "{noun:?}");
        }
    }
}
