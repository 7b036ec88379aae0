//! The words of the manager's, the rep's, the custom board's and the catalog's pages.

catalog! {
    /// The manager's page.
    Manager {
        Lead => ["Who is on track, who needs help, and is the target itself realistic?", "Wer liegt im Plan, wer braucht Unterstützung, und ist das Ziel selbst realistisch?", "Kto jest na dobrej drodze, kto potrzebuje pomocy i czy sam cel jest realny?", "谁在正轨上？谁需要帮助？目标本身是否现实？"],
        Reps => ["Reps", "Vertriebler", "Handlowcy", "销售代表"],
        Teams => ["Teams", "Teams", "Zespoły", "团队"],
        Rows => ["Rows", "Zeilen", "Wiersze", "行"],
        ByRep => ["By rep", "Nach Vertriebler", "Wg handlowca", "按销售代表"],
        ByTeam => ["By team", "Nach Team", "Wg zespołu", "按团队"],
        RepsTable => ["the reps table", "die Vertriebler-Tabelle", "tabelę handlowców", "销售代表表格"],
        TeamsTable => ["the teams table", "die Team-Tabelle", "tabelę zespołów", "团队表格"],
        Revenue => ["Revenue", "Umsatz", "Przychód", "销售额"],
        Quota => ["Quota", "Quote", "Plan", "配额"],
        Attainment => ["Attainment", "Erreichung", "Realizacja", "完成率"],
        OnPaceFor => ["On pace for", "Hochgerechnet", "Prognozowane tempo", "按进度预计"],
        WinRate => ["Win rate", "Abschlussquote", "Współczynnik wygranych", "成交率"],
        AvgDeal => ["Avg deal", "Ø Deal", "Śr. transakcja", "平均单笔"],
        AvgDealVsTeam => ["Avg deal vs team", "Ø Deal ggü. Team", "Śr. transakcja wzgl. zespołu", "平均单笔对比团队"],
        Cycle => ["Cycle", "Zyklus", "Cykl", "周期"],
        Activities => ["Activities", "Aktivitäten", "Aktywności", "活动"],
        Response => ["Response (median)", "Reaktion (Median)", "Reakcja (mediana)", "响应（中位数）"],
        AtQuota => [" ✓ at quota", " ✓ Quote erreicht", " ✓ plan osiągnięty", " ✓ 已达配额"],
        ShowOnly => ["Show only {name}", "Nur {name} zeigen", "Pokaż tylko {name}", "只显示{name}"],
        Paced => [
            "{share} of the period has passed by the data's latest day: “On pace for” is attainment divided by that share.",
            "{share} des Zeitraums sind bis zum jüngsten Datentag vergangen: „Hochgerechnet“ ist die Erreichung geteilt durch diesen Anteil.",
            "Do ostatniego dnia danych upłynęło {share} okresu: „Prognozowane tempo” to realizacja podzielona przez ten udział.",
            "截至数据最近一天，本期已过去 {share}：“按进度预计”为完成率除以该比例。",
        ],
        NoSegment => ["The data has no {dim}.", "Die Daten haben kein Feld {dim}.", "Dane nie mają pola {dim}.", "数据中没有{dim}。"],
        TableOf => ["{dim} table", "Tabelle {dim}", "Tabela: {dim}", "{dim}表格"],
    }
}

catalog! {
    /// The rep's page.
    RepText {
        Better => ["better than the team", "besser als das Team", "lepiej niż zespół", "优于团队"],
        Below => ["below the team", "unter dem Team", "poniżej zespołu", "低于团队"],
        NoOwners => ["The data has no owners, so there is no rep to show.", "Die Daten haben keine Verantwortlichen, daher gibt es keinen Vertriebler.", "Dane nie mają opiekunów, więc nie ma handlowca do pokazania.", "数据中没有负责人，因此没有可显示的销售代表。"],
        TeamAverage => ["Team average", "Team-Durchschnitt", "Średnia zespołu", "团队平均"],
        Compared => ["Compared", "Vergleich", "Porównanie", "对比"],
        TeamNote => [
            "Team average: the mean over the {n} reps of {team}, the team most of {rep}'s deals carry.",
            "Team-Durchschnitt: der Mittelwert über die {n} Vertriebler von {team}, dem Team der meisten Deals von {rep}.",
            "Średnia zespołu: średnia z {n} handlowców zespołu {team}, do którego należy większość transakcji {rep}.",
            "团队平均：{team}（{rep}的大多数商机所属团队）{n} 名销售代表的平均值。",
        ],
        NoTeam => ["No team: the deals carry no team column.", "Kein Team: Die Deals haben keine Team-Spalte.", "Brak zespołu: transakcje nie mają kolumny zespołu.", "无团队：商机没有团队列。"],
        Rep => ["Rep", "Vertriebler", "Handlowiec", "销售代表"],
        LeadTeam => ["{rep}: their numbers beside the {team} team's average.", "{rep}: die eigenen Zahlen neben dem Durchschnitt des Teams {team}.", "{rep}: wyniki obok średniej zespołu {team}.", "{rep}：其数据与{team}团队平均值对照。"],
        LeadAll => ["{rep}: their numbers beside everyone's.", "{rep}: die eigenen Zahlen neben denen aller.", "{rep}: wyniki obok wyników wszystkich.", "{rep}：其数据与所有人对照。"],
        AndTheTeam => ["{rep} and the team", "{rep} und das Team", "{rep} i zespół", "{rep}与团队"],
        TableOfRep => ["the table of {rep} and the team", "die Tabelle von {rep} und dem Team", "tabelę {rep} i zespołu", "{rep}与团队的表格"],
        RepAndTeam => ["Rep and team", "Vertriebler und Team", "Handlowiec i zespół", "销售代表与团队"],
    }
}

catalog! {
    /// The custom board and its editor.
    Board {
        Chart => ["Chart: {title}", "Diagramm: {title}", "Wykres: {title}", "图表：{title}"],
        Empty => ["The board is empty: use “Edit board” to add tiles and charts.", "Das Board ist leer: Fügen Sie mit „Board bearbeiten“ Kacheln und Diagramme hinzu.", "Tablica jest pusta: użyj „Edytuj tablicę”, aby dodać kafelki i wykresy.", "看板为空：使用“编辑看板”添加卡片和图表。"],
        Lead => ["Your own board: the tiles and charts you chose, in your order.", "Ihr eigenes Board: die gewählten Kacheln und Diagramme in Ihrer Reihenfolge.", "Twoja własna tablica: wybrane kafelki i wykresy w Twojej kolejności.", "您自己的看板：您选择的卡片和图表，按您的顺序排列。"],
        Done => ["Done", "Fertig", "Gotowe", "完成"],
        Edit => ["Edit board", "Board bearbeiten", "Edytuj tablicę", "编辑看板"],
        EditAria => ["Edit the board", "Das Board bearbeiten", "Edycja tablicy", "编辑看板"],
        MoveUp => ["Move {name} up", "{name} nach oben", "Przesuń {name} w górę", "上移{name}"],
        MoveDown => ["Move {name} down", "{name} nach unten", "Przesuń {name} w dół", "下移{name}"],
        Remove => ["Remove {name}", "{name} entfernen", "Usuń {name}", "移除{name}"],
        RemoveShort => ["Remove", "Entfernen", "Usuń", "移除"],
        AddKpi => ["Add a KPI tile", "KPI-Kachel hinzufügen", "Dodaj kafelek KPI", "添加 KPI 卡片"],
        AddChart => ["Add a chart", "Diagramm hinzufügen", "Dodaj wykres", "添加图表"],
        Choose => ["Choose…", "Auswählen…", "Wybierz…", "请选择…"],
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
    fn every_page_word_has_four_real_translations() {
        let mut bad = check(Manager::ALL);
        bad.extend(check(RepText::ALL));
        bad.extend(check(Board::ALL));
        assert!(bad.is_empty(), "{bad:#?}");
    }
}
