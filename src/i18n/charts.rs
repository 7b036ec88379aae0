//! The charts' words: titles, the card's buttons, legends, table headings, tooltips and the
//! one-sentence summaries.

catalog! {
    /// Chart titles.
    ChartTitle {
        Pacing => ["Pacing: won revenue against the target", "Zielerreichung: gewonnener Umsatz gegenüber dem Ziel", "Tempo: wygrany przychód wobec celu", "进度：成交额对比目标"],
        RevenueMix => ["Revenue mix by deal type", "Umsatzmix nach Deal-Art", "Struktura przychodu wg typu transakcji", "按商机类型的销售额构成"],
        ForecastVsActual => ["Forecast vs actual", "Prognose vs. Ist", "Prognoza a wykonanie", "预测与实际"],
        PipelineByStage => ["Open pipeline by stage", "Offene Pipeline nach Phase", "Otwarty pipeline wg etapu", "按阶段的未结 Pipeline"],
        Funnel => ["Funnel: deals created in the period", "Trichter: im Zeitraum angelegte Deals", "Lejek sprzedaży: transakcje utworzone w okresie", "销售漏斗：本期创建的商机"],
        CycleHistogram => ["Sales cycle length by lead source", "Länge des Verkaufszyklus nach Lead-Quelle", "Długość cyklu sprzedaży wg źródła leada", "按线索来源的销售周期长度"],
        ProductRevenue => ["Won revenue by product", "Gewonnener Umsatz nach Produkt", "Wygrany przychód wg produktu", "按产品的成交额"],
        AttainmentByRep => ["Quota attainment by rep", "Quotenerreichung je Vertriebler", "Realizacja planu wg handlowca", "各销售代表的配额完成率"],
        LeadsTrend => ["Leads created and qualified", "Angelegte und qualifizierte Leads", "Leady utworzone i zakwalifikowane", "创建与合格的线索"],
        ResponseHistogram => ["Time to first contact", "Zeit bis zum Erstkontakt", "Czas do pierwszego kontaktu", "首次联系用时"],
        ActivityByType => ["Activities per week, by type", "Aktivitäten pro Woche nach Art", "Aktywności tygodniowo wg typu", "按类型的每周活动"],
        Cohorts => ["Cohort retention", "Kohortenbindung", "Retencja kohort", "同期群留存"],
    }
}

catalog! {
    /// A chart card: its buttons, table toggle and tooltips.
    ChartCard {
        ShowAsTable => ["Show as table", "Als Tabelle zeigen", "Pokaż jako tabelę", "以表格显示"],
        AsTable => ["{title} as a table", "{title} als Tabelle", "{title} jako tabela", "{title}（表格）"],
        DownloadTitle => ["Download {title}", "{title} herunterladen", "Pobierz: {title}", "下载{title}"],
        TheChart => ["the {title} chart", "das Diagramm {title}", "wykres {title}", "{title}图表"],
        TheTable => ["the {title} table", "die Tabelle {title}", "tabelę {title}", "{title}表格"],
        DownloadCsv => ["Download {what} as CSV", "{what} als CSV herunterladen", "Pobierz {what} jako CSV", "将{what}下载为 CSV"],
        DownloadPng => ["Download {what} as PNG", "{what} als PNG herunterladen", "Pobierz {what} jako PNG", "将{what}下载为 PNG"],
        Print => ["Print", "Drucken", "Drukuj", "打印"],
        PrintHint => ["Print this page or save it as PDF", "Diese Seite drucken oder als PDF speichern", "Drukuj tę stronę lub zapisz ją jako PDF", "打印此页或另存为 PDF"],
        ClickToDrill => [" · click to drill down", " · zum Drill-down klicken", " · kliknij, aby zagłębić", " · 点击下钻"],
        TapToDrill => [" · tap again to drill down", " · für Drill-down erneut tippen", " · dotknij ponownie, aby zagłębić", " · 再次轻点以下钻"],
        DrillDown => ["Drill down", "Drill-down", "Zagłęb", "下钻"],
        ReadValues => ["{summary} Use the arrow keys to read each value{enter}.", "{summary} Mit den Pfeiltasten lesen Sie jeden Wert{enter}.", "{summary} Strzałkami odczytasz każdą wartość{enter}.", "{summary} 使用方向键逐个读取数值{enter}。"],
        EnterToDrill => [", Enter to drill down", ", mit Enter zum Drill-down", ", Enter, aby zagłębić", "，按 Enter 下钻"],
        NoTrend => ["No trend: the KPI is undefined in every bucket", "Kein Verlauf: die KPI ist in keinem Abschnitt definiert", "Brak trendu: KPI nie ma wartości w żadnym przedziale", "无趋势：该 KPI 在每个区间都无定义"],
        TrendSentence => [
            "Trend from {first} ({first_at}) to {last} ({last_at}); lowest {lo} in {lo_at}, highest {hi} in {hi_at}",
            "Verlauf von {first} ({first_at}) bis {last} ({last_at}); niedrigster Wert {lo} in {lo_at}, höchster {hi} in {hi_at}",
            "Trend od {first} ({first_at}) do {last} ({last_at}); najniżej {lo} w {lo_at}, najwyżej {hi} w {hi_at}",
            "趋势从 {first}（{first_at}）到 {last}（{last_at}）；最低 {lo}（{lo_at}），最高 {hi}（{hi_at}）",
        ],
    }
}

catalog! {
    /// Legends and table headings of charts.
    Legend {
        ThisPeriod => ["This period", "Dieser Zeitraum", "Ten okres", "本期"],
        WonSoFar => ["Won so far", "Bisher gewonnen", "Wygrane dotąd", "截至目前成交"],
        LinearPath => ["Linear path to target", "Linearer Weg zum Ziel", "Liniowa ścieżka do celu", "达成目标的线性路径"],
        UpToEndOf => ["Up to the end of", "Bis zum Ende von", "Do końca", "截至"],
        LinearTarget => ["Linear target", "Lineares Ziel", "Cel liniowy", "线性目标"],
        Forecast => ["Forecast", "Prognose", "Prognoza", "预测"],
        Actual => ["Actual", "Ist", "Wykonanie", "实际"],
        ForecastPeriod => ["Forecast period", "Prognosezeitraum", "Okres prognozy", "预测期间"],
        Stage => ["Stage", "Phase", "Etap", "阶段"],
        Value => ["Value", "Wert", "Wartość", "金额"],
        Deals => ["Deals", "Deals", "Transakcje", "商机数"],
        Won => ["Won", "Gewonnen", "Wygrane", "赢单"],
        Reached => ["Reached", "Erreicht", "Osiągnięte", "到达"],
        GoOn => ["Go on to the next step", "Gehen zum nächsten Schritt", "Przechodzą do następnego etapu", "进入下一步"],
        CycleLength => ["Cycle length", "Zykluslänge", "Długość cyklu", "周期长度"],
        TimeToFirstContact => ["Time to first contact", "Zeit bis zum Erstkontakt", "Czas do pierwszego kontaktu", "首次联系用时"],
        Product => ["Product", "Produkt", "Produkt", "产品"],
        WonRevenue => ["Won revenue", "Gewonnener Umsatz", "Wygrany przychód", "成交额"],
        OtherProducts => ["{n} other products", "{n} weitere Produkte", "Inne produkty ({n})", "其他 {n} 个产品"],
        Rep => ["Rep", "Vertriebler", "Handlowiec", "销售代表"],
        Attainment => ["Attainment", "Erreichung", "Realizacja", "完成率"],
        OnPaceFor => ["On pace for", "Hochgerechnet", "Prognozowane tempo", "按进度预计"],
        OnPaceForValue => ["on pace for {value}", "hochgerechnet {value}", "w tym tempie {value}", "按进度预计 {value}"],
        Created => ["Created", "Angelegt", "Utworzone", "已创建"],
        Qualified => ["Qualified", "Qualifiziert", "Zakwalifikowane", "已合格"],
        Customers => ["Customers", "Kunden", "Klienci", "客户"],
        MonthN => ["Month {n}", "Monat {n}", "Miesiąc {n}", "第 {n} 月"],
        StartMonth => ["Start month", "Startmonat", "Miesiąc startu", "起始月份"],
        FiveMin => ["5 min", "5 Min.", "5 min", "5 分钟"],
        FromQuotas => ["quotas", "Quoten", "planów sprzedaży", "配额"],
        FromRevenueTarget => ["revenue target", "Umsatzziel", "celu przychodu", "销售额目标"],
    }
}

catalog! {
    /// The charts' one-sentence summaries, and why a chart is empty.
    Summary {
        Why => ["{kpi}: {why}.", "{kpi}: {why}.", "{kpi}: {why}.", "{kpi}：{why}。"],
        UndefinedEvery => ["{kpi} is undefined in every {grain} of the period.", "{kpi} ist in keinem Abschnitt ({grain}) des Zeitraums definiert.", "{kpi} nie ma wartości w żadnym przedziale ({grain}) okresu.", "{kpi} 在本期的每个{grain}都无定义。"],
        TrendPeak => [
            "{kpi} per {grain}: highest in {at} at {hi}, latest {last}. The dashed line is the {against}.",
            "{kpi} pro {grain}: am höchsten in {at} mit {hi}, zuletzt {last}. Die gestrichelte Linie ist die {against}.",
            "{kpi} na okres ({grain}): najwyżej w {at} – {hi}, ostatnio {last}. Linia przerywana to {against}.",
            "每{grain}的{kpi}：{at}最高，为 {hi}，最近为 {last}。虚线为{against}。",
        ],
        TrendPlain => ["{kpi} per {grain}.", "{kpi} pro {grain}.", "{kpi} na okres ({grain}).", "每{grain}的{kpi}。"],
        PacingNeedsTarget => [
            "Pacing needs a target: load quotas for the period, or type a revenue target on the revenue tile.",
            "Für die Zielerreichung braucht es ein Ziel: Laden Sie Quoten für den Zeitraum oder tragen Sie ein Umsatzziel in der Umsatz-Kachel ein.",
            "Tempo wymaga celu: wczytaj plany sprzedaży na ten okres albo wpisz cel przychodu na kafelku przychodu.",
            "进度需要一个目标：载入本期的配额，或在销售额卡片上输入销售额目标。",
        ],
        PacingWon => ["Won {won} of the {source} target of {target}{pace}.", "{won} vom Ziel ({source}) über {target} gewonnen{pace}.", "Wygrano {won} z celu ({source}) {target}{pace}.", "已成交 {won}，{source}目标为 {target}{pace}。"],
        PacingEnds => ["; at this pace the period ends at {value}", "; bei diesem Tempo endet der Zeitraum bei {value}", "; w tym tempie okres zakończy się na {value}", "；按此进度，本期将以 {value} 结束"],
        NoDealType => ["The deals have no deal type, so there is no mix to show.", "Die Deals haben keine Deal-Art, daher gibt es keinen Mix.", "Transakcje nie mają typu, więc nie ma struktury do pokazania.", "商机没有类型，因此无法显示构成。"],
        NoRevenueWon => ["No revenue was won in the period.", "Im Zeitraum wurde kein Umsatz gewonnen.", "W tym okresie nie wygrano przychodu.", "本期没有成交额。"],
        MixPer => ["Won revenue per {grain} by deal type: {parts}.", "Gewonnener Umsatz pro {grain} nach Deal-Art: {parts}.", "Wygrany przychód na okres ({grain}) wg typu transakcji: {parts}.", "每{grain}按商机类型的成交额：{parts}。"],
        NoForecast => [
            "No forecast period lies inside this period: load forecasts to compare them with what was won.",
            "Kein Prognosezeitraum liegt in diesem Zeitraum: Laden Sie Prognosen, um sie mit dem Gewonnenen zu vergleichen.",
            "Żaden okres prognozy nie mieści się w tym okresie: wczytaj prognozy, aby porównać je z wygranymi.",
            "本期内没有预测期间：载入预测以与实际成交比较。",
        ],
        ForecastAgainst => [
            "Forecast {forecast} against {actual} won over {n} forecast periods ({share} of forecast).",
            "Prognose {forecast} gegenüber {actual} gewonnen in {n} Prognosezeiträumen ({share} der Prognose).",
            "Prognoza {forecast} wobec wygranych {actual} w okresach prognozy: {n} ({share} prognozy).",
            "{n} 个预测期间内预测 {forecast}，实际成交 {actual}（达预测的 {share}）。",
        ],
        LoadDeals => ["Load deals to see the pipeline.", "Laden Sie Deals, um die Pipeline zu sehen.", "Wczytaj transakcje, aby zobaczyć pipeline.", "载入商机以查看 Pipeline。"],
        NoneOpen => ["No deal was open on the last day of the period.", "Am letzten Tag des Zeitraums war kein Deal offen.", "Ostatniego dnia okresu żadna transakcja nie była otwarta.", "本期最后一天没有未结商机。"],
        OpenIn => ["{value} open in {deals} across {n} stages; the largest stage is {stage}.", "{value} offen in {deals} über {n} Phasen; die größte Phase ist {stage}.", "{value} otwarte w: {deals}, etapów: {n}; największy etap to {stage}.", "{deals}未结，共 {value}，分布于 {n} 个阶段；最大的阶段是{stage}。"],
        OpenCounts => ["{deals} open across {n} stages (the deals have no amounts, so counts are shown).", "{deals} offen über {n} Phasen (die Deals haben keine Beträge, daher werden Anzahlen gezeigt).", "Otwarte: {deals}, etapów: {n} (transakcje nie mają kwot, więc pokazano liczby).", "{deals}未结，分布于 {n} 个阶段（商机没有金额，因此显示数量）。"],
        NoFunnel => ["No deal was created in the period, or the deals have no open stages.", "Im Zeitraum wurde kein Deal angelegt, oder die Deals haben keine offenen Phasen.", "W okresie nie utworzono transakcji albo transakcje nie mają otwartych etapów.", "本期没有创建商机，或商机没有未结阶段。"],
        FunnelWon => ["{won} of {first} deals created in the period were won ({share}){leak}.", "{won} von {first} im Zeitraum angelegten Deals wurden gewonnen ({share}){leak}.", "Wygrano {won} z {first} transakcji utworzonych w okresie ({share}){leak}.", "本期创建的 {first} 个商机中赢单 {won} 个（{share}）{leak}。"],
        FunnelLeak => ["; the leakiest step is after {stage}, where {share} leak", "; die größten Verluste gibt es nach {stage}, wo {share} verloren gehen", "; najwięcej odpada po etapie {stage}: {share}", "；流失最多的一步在{stage}之后，流失 {share}"],
        NoCycle => ["No deal won in the period has a created date to measure its cycle from.", "Kein im Zeitraum gewonnener Deal hat ein Anlagedatum, ab dem sich der Zyklus messen lässt.", "Żadna transakcja wygrana w okresie nie ma daty utworzenia, od której można mierzyć cykl.", "本期赢单的商机都没有创建日期，无法计算周期。"],
        CycleWon => ["{n} won deals by days from created to won{most}.", "{n} gewonnene Deals nach Tagen von Anlage bis Gewinn{most}.", "Wygrane transakcje ({n}) wg dni od utworzenia do wygranej{most}.", "{n} 个赢单商机按从创建到赢单的天数分布{most}。"],
        MostTook => ["; most took {bin}", "; die meisten dauerten {bin}", "; najwięcej trwało {bin}", "；大多数用时 {bin}"],
        LoadLeadsTimes => ["Load leads with their created and first-contact times to see how fast they are answered.", "Laden Sie Leads mit Anlage- und Erstkontaktzeit, um zu sehen, wie schnell sie beantwortet werden.", "Wczytaj leady z czasem utworzenia i pierwszego kontaktu, aby zobaczyć, jak szybko dostają odpowiedź.", "载入带有创建时间和首次联系时间的线索，查看响应速度。"],
        NoFirstContact => ["No lead created in the period has a first contact time.", "Kein im Zeitraum angelegter Lead hat eine Erstkontaktzeit.", "Żaden lead utworzony w okresie nie ma czasu pierwszego kontaktu.", "本期创建的线索都没有首次联系时间。"],
        ResponseSentence => ["{n} leads by time from created to first contact; {share} were answered within 5 minutes.", "{n} Leads nach Zeit von Anlage bis Erstkontakt; {share} wurden innerhalb von 5 Minuten beantwortet.", "Leady ({n}) wg czasu od utworzenia do pierwszego kontaktu; {share} dostało odpowiedź w ciągu 5 minut.", "{n} 条线索按从创建到首次联系的时间分布；{share} 在 5 分钟内得到响应。"],
        NoProduct => ["The deals have no product, or none was won in the period.", "Die Deals haben kein Produkt, oder im Zeitraum wurde keiner gewonnen.", "Transakcje nie mają produktu albo żadnej nie wygrano w okresie.", "商机没有产品，或本期没有赢单。"],
        ProductTop => ["{n} products; {top} brings {value} of won revenue ({share}).", "{n} Produkte; {top} bringt {value} des gewonnenen Umsatzes ({share}).", "Produktów: {n}; {top} daje {value} wygranego przychodu ({share}).", "{n} 个产品；{top}贡献成交额 {value}（{share}）。"],
        NoQuota => ["No rep has a quota inside this period: load quotas to see attainment.", "Kein Vertriebler hat eine Quote in diesem Zeitraum: Laden Sie Quoten, um die Erreichung zu sehen.", "Żaden handlowiec nie ma planu w tym okresie: wczytaj plany sprzedaży, aby zobaczyć realizację.", "本期没有销售代表有配额：载入配额以查看完成率。"],
        AttainmentSentence => ["{at} of {n} reps at or over quota; highest {top} ({top_share}), lowest {low} ({low_share}).", "{at} von {n} Vertrieblern erreichen oder übertreffen die Quote; am höchsten {top} ({top_share}), am niedrigsten {low} ({low_share}).", "{at} z {n} handlowców realizuje lub przekracza plan; najwyżej {top} ({top_share}), najniżej {low} ({low_share}).", "{n} 名销售代表中 {at} 名达到或超过配额；最高{top}（{top_share}），最低{low}（{low_share}）。"],
        LoadLeads => ["Load leads to see how many are created and qualified.", "Laden Sie Leads, um zu sehen, wie viele angelegt und qualifiziert werden.", "Wczytaj leady, aby zobaczyć, ile jest tworzonych i kwalifikowanych.", "载入线索以查看创建与合格数量。"],
        LeadsSentence => ["{created} leads created and {qualified} qualified in the period, per {grain}.", "{created} Leads angelegt und {qualified} qualifiziert im Zeitraum, pro {grain}.", "Leady w okresie: utworzone {created}, zakwalifikowane {qualified}, na okres ({grain}).", "本期创建线索 {created} 条，合格 {qualified} 条，按{grain}统计。"],
        LoadActivities => ["Load activities to see the team's calls, emails and meetings.", "Laden Sie Aktivitäten, um Anrufe, E-Mails und Termine des Teams zu sehen.", "Wczytaj aktywności, aby zobaczyć telefony, e-maile i spotkania zespołu.", "载入活动以查看团队的电话、邮件和会议。"],
        NoActivity => ["No activity was logged in the period.", "Im Zeitraum wurde keine Aktivität erfasst.", "W okresie nie zarejestrowano aktywności.", "本期没有记录任何活动。"],
        ActivitySentence => ["{n} activities per {grain}: {parts}.", "{n} Aktivitäten pro {grain}: {parts}.", "Aktywności ({n}) na okres ({grain}): {parts}.", "每{grain}共 {n} 项活动：{parts}。"],
        LoadCustomers => ["Load customers with start dates to see how each cohort is retained.", "Laden Sie Kunden mit Startdatum, um die Bindung jeder Kohorte zu sehen.", "Wczytaj klientów z datami startu, aby zobaczyć retencję każdej kohorty.", "载入带有开始日期的客户，查看各同期群的留存。"],
        CohortSentence => ["{n} monthly cohorts; {share} on average still active 3 months after starting.", "{n} Monatskohorten; im Schnitt {share} 3 Monate nach Start noch aktiv.", "Kohort miesięcznych: {n}; średnio {share} wciąż aktywnych 3 miesiące po starcie.", "{n} 个月度同期群；平均 {share} 在开始 3 个月后仍活跃。"],
        TooYoung => ["none is old enough to say how many are", "keine ist alt genug, um zu sagen, wie viele es sind", "żadna nie jest na tyle stara, by to ocenić", "没有足够早的同期群可供判断"],
    }
}

catalog! {
    /// A grain inside a sentence ("revenue per month").
    GrainNoun {
        Week => ["week", "Woche", "tydzień", "周"],
        Month => ["month", "Monat", "miesiąc", "月"],
        Quarter => ["quarter", "Quartal", "kwartał", "季度"],
        Year => ["year", "Jahr", "rok", "年"],
    }
}

/// A grain inside a sentence in the current language: `month`, `Monat`, `miesiąc`, `月`.
pub fn grain_noun(g: pipelens_engine::Grain) -> &'static str {
    use pipelens_engine::Grain;
    super::t(match g {
        Grain::Week => GrainNoun::Week,
        Grain::Month => GrainNoun::Month,
        Grain::Quarter => GrainNoun::Quarter,
        Grain::Year => GrainNoun::Year,
    })
}

/// A chart's title in the current language (a trend is titled by its KPI's name).
pub fn title(id: crate::state::ChartId) -> String {
    use crate::state::ChartId;
    let key = match id {
        ChartId::Trend(kpi) => return pipelens_engine::text::kpi_name(kpi, super::current()).to_owned(),
        ChartId::Pacing => ChartTitle::Pacing,
        ChartId::RevenueMix => ChartTitle::RevenueMix,
        ChartId::ForecastVsActual => ChartTitle::ForecastVsActual,
        ChartId::PipelineByStage => ChartTitle::PipelineByStage,
        ChartId::Funnel => ChartTitle::Funnel,
        ChartId::CycleHistogram => ChartTitle::CycleHistogram,
        ChartId::ProductRevenue => ChartTitle::ProductRevenue,
        ChartId::AttainmentByRep => ChartTitle::AttainmentByRep,
        ChartId::LeadsTrend => ChartTitle::LeadsTrend,
        ChartId::ResponseHistogram => ChartTitle::ResponseHistogram,
        ChartId::ActivityByType => ChartTitle::ActivityByType,
        ChartId::Cohorts => ChartTitle::Cohorts,
    };
    super::t(key).to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::catalog::check_keys;
    use crate::i18n::{Text, SAME_IN_EVERY_LANGUAGE};
    use crate::state::ChartId;
    use pipelens_engine::lang::Lang;

    fn check<K: Text + std::fmt::Debug>(all: &[K]) -> Vec<String> {
        check_keys(all, SAME_IN_EVERY_LANGUAGE)
    }

    #[test]
    fn every_chart_word_has_four_real_translations() {
        let mut bad = check(ChartTitle::ALL);
        bad.extend(check(ChartCard::ALL));
        bad.extend(check(Legend::ALL));
        bad.extend(check(Summary::ALL));
        bad.extend(check(GrainNoun::ALL));
        assert!(bad.is_empty(), "{bad:#?}");
    }

    #[test]
    fn english_titles_are_the_charts_own() {
        crate::i18n::set_current(Lang::En);
        for id in ChartId::MENU {
            assert_eq!(title(id), id.title());
        }
    }
}
