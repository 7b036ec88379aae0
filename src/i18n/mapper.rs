//! The column mapper's and the stage editor's words.

catalog! {
    /// Which column holds what.
    Mapper {
        HeadersMatch => [" (headers match)", " (Spaltenköpfe passen)", " (nagłówki pasują)", "（表头匹配）"],
        ColumnsMatch => [" ({n} columns match)", " ({n} Spalten passen)", " (pasujące kolumny: {n})", "（{n} 列匹配）"],
        NotInFile => ["— not in the file —", "— nicht in der Datei —", "— brak w pliku —", "— 文件中没有 —"],
        RequiredOf => ["required ({group})", "erforderlich ({group})", "wymagane ({group})", "必填（{group}）"],
        Required => ["required", "erforderlich", "wymagane", "必填"],
        ByName => ["matched by its name", "am Namen erkannt", "dopasowane po nazwie", "按名称匹配"],
        ByHand => ["chosen by hand", "von Hand gewählt", "wybrane ręcznie", "手动选择"],
        ColumnFor => ["Column for {field}", "Spalte für {field}", "Kolumna dla {field}", "{field} 对应的列"],
        IntroReview => [
            "These are the columns the file was read with. Change any of them and read the file again; the file stays in this tab.",
            "Mit diesen Spalten wurde die Datei gelesen. Ändern Sie beliebige und lesen Sie die Datei erneut; die Datei bleibt in diesem Tab.",
            "Z tymi kolumnami plik został wczytany. Zmień dowolne i wczytaj plik ponownie; plik pozostaje w tej karcie.",
            "文件是按这些列读取的。可修改任意一列并重新读取；文件始终留在此标签页中。",
        ],
        IntroAsk => [
            "The headers do not say which column holds what. Choose the dataset and a column for each field; the first values it holds are shown beside it. The file stays in this tab.",
            "Die Spaltenköpfe sagen nicht, welche Spalte was enthält. Wählen Sie den Datensatz und für jedes Feld eine Spalte; daneben stehen ihre ersten Werte. Die Datei bleibt in diesem Tab.",
            "Nagłówki nie mówią, która kolumna co zawiera. Wybierz zbiór danych i kolumnę dla każdego pola; obok widać jej pierwsze wartości. Plik pozostaje w tej karcie.",
            "表头无法说明每列的内容。请选择数据集并为每个字段选择一列，旁边会显示该列的前几个值。文件始终留在此标签页中。",
        ],
        ColumnsOf => ["Columns of {name}", "Spalten von {name}", "Kolumny pliku {name}", "{name} 的列"],
        WhichColumn => ["Which column holds what in {name}", "Welche Spalte enthält was in {name}", "Która kolumna co zawiera w {name}", "{name} 中每列的内容"],
        FileHolds => ["The file holds", "Die Datei enthält", "Plik zawiera", "文件内容为"],
        Field => ["Field", "Feld", "Pole", "字段"],
        Column => ["Column", "Spalte", "Kolumna", "列"],
        FirstValues => ["First values", "Erste Werte", "Pierwsze wartości", "前几个值"],
        Why => ["Why", "Warum", "Dlaczego", "原因"],
        ReadAgain => ["Read again with these columns", "Mit diesen Spalten neu lesen", "Wczytaj ponownie z tymi kolumnami", "按这些列重新读取"],
        UseColumns => ["Use these columns", "Diese Spalten verwenden", "Użyj tych kolumn", "使用这些列"],
        Close => ["Close", "Schließen", "Zamknij", "关闭"],
        Cancel => ["Cancel", "Abbrechen", "Anuluj", "取消"],
        StillNeeded => ["Still needed: {fields}", "Noch nötig: {fields}", "Jeszcze potrzebne: {fields}", "仍需：{fields}"],
        Stages => ["Stages", "Phasen", "Etapy", "阶段"],
        FromColumn => [
            "Open, won and lost come from the file's status column; here you order the open stages.",
            "Offen, gewonnen und verloren kommen aus der Statusspalte der Datei; hier ordnen Sie die offenen Phasen.",
            "Otwarte, wygrane i przegrane pochodzą z kolumny statusu w pliku; tutaj ustalasz kolejność otwartych etapów.",
            "未结、赢单和输单来自文件的状态列；您可在此排列未结阶段的顺序。",
        ],
        Stage => ["Stage", "Phase", "Etap", "阶段"],
        Deals => ["Deals", "Deals", "Transakcje", "商机数"],
        Means => ["Means", "Bedeutet", "Oznacza", "含义"],
        StageMeans => ["{name} means", "{name} bedeutet", "{name} oznacza", "{name} 的含义"],
        Open => ["open", "offen", "otwarty", "未结"],
        Won => ["won", "gewonnen", "wygrany", "赢单"],
        Lost => ["lost", "verloren", "przegrany", "输单"],
        OpenOrder => ["Open stages, earliest first", "Offene Phasen, früheste zuerst", "Otwarte etapy, od najwcześniejszego", "未结阶段，从早到晚"],
        Earlier => ["Move {name} earlier", "{name} nach vorn", "Przesuń {name} wcześniej", "将{name}提前"],
        Later => ["Move {name} later", "{name} nach hinten", "Przesuń {name} później", "将{name}延后"],
        Apply => ["Apply to the dashboard", "Auf das Dashboard anwenden", "Zastosuj do pulpitu", "应用到仪表板"],
        AppliesAtOnce => [
            "Applies at once, without reading the file again. Reading the file again starts over from the stage names.",
            "Gilt sofort, ohne die Datei neu zu lesen. Erneutes Lesen beginnt wieder bei den Phasennamen.",
            "Działa od razu, bez ponownego wczytywania pliku. Ponowne wczytanie zaczyna od nazw etapów.",
            "立即生效，无需重新读取文件。重新读取文件会从阶段名称重新开始。",
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::catalog::problems;
    use crate::i18n::{Text, SAME_IN_EVERY_LANGUAGE};
    use pipelens_engine::lang::Lang;

    #[test]
    fn every_mapper_word_has_four_real_translations() {
        let bad: Vec<String> = Mapper::ALL
            .iter()
            .flat_map(|&k| problems(&format!("{k:?}"), Lang::ALL.map(|l| k.text(l)), SAME_IN_EVERY_LANGUAGE))
            .collect();
        assert!(bad.is_empty(), "{bad:#?}");
    }
}
