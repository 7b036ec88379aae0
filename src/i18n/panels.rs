//! The words of the data panel, the load button, the link prompts, the SQL box, KPI tables
//! and the data-quality report.

catalog! {
    /// The data panel and the load button.
    Data {
        Load => ["Load CSV files", "CSV-Dateien laden", "Wczytaj pliki CSV", "载入 CSV 文件"],
        Heading => ["Data", "Daten", "Dane", "数据"],
        Datasets => ["Datasets (rows loaded)", "Datensätze (geladene Zeilen)", "Zbiory danych (wczytane wiersze)", "数据集（已载入行数）"],
        File => ["File", "Datei", "Plik", "文件"],
        ReadAs => ["Read as", "Gelesen als", "Odczytany jako", "读取为"],
        RowsKept => ["Rows kept", "Behaltene Zeilen", "Zachowane wiersze", "保留行数"],
        Rejected => ["Rejected", "Abgelehnt", "Odrzucone", "已拒绝"],
        Columns => ["Columns", "Spalten", "Kolumny", "列"],
        Remove => ["Remove", "Entfernen", "Usuń", "移除"],
        RemoveFile => ["Remove {name}", "{name} entfernen", "Usuń {name}", "移除 {name}"],
        DatasetOf => ["Dataset of {name}", "Datensatz von {name}", "Zbiór danych pliku {name}", "{name} 的数据集"],
        FurtherFile => ["A further file for a dataset that is loaded", "Eine weitere Datei für einen geladenen Datensatz", "Kolejny plik dla wczytanego zbioru danych", "已载入数据集的后续文件"],
        Replaces => ["replaces it", "ersetzt ihn", "zastępuje go", "替换它"],
        IsAdded => ["is added to it", "wird ergänzt", "jest do niego dodawany", "追加到其中"],
        Together => [
            " · files dropped together for one dataset are always added together; repeated ids are rejected and listed.",
            " · zusammen abgelegte Dateien eines Datensatzes werden immer zusammengeführt; doppelte IDs werden abgelehnt und aufgelistet.",
            " · pliki upuszczone razem dla jednego zbioru są zawsze łączone; powtórzone identyfikatory są odrzucane i wypisywane.",
            " · 同一数据集一起拖入的文件总是合并；重复的 ID 会被拒绝并列出。",
        ],
        Templates => ["Templates:", "Vorlagen:", "Szablony:", "模板："],
        Auto => ["mapped automatically — review", "automatisch zugeordnet — prüfen", "przypisane automatycznie — sprawdź", "已自动映射 — 检查"],
        ByHand => ["chosen by hand — review", "von Hand gewählt — prüfen", "wybrane ręcznie — sprawdź", "已手动选择 — 检查"],
    }
}

catalog! {
    /// Prompts a shared link opens with.
    Prompt {
        FilesNotLoaded => [
            "This link shows a view of files that are not loaded here. Load them (“Load CSV files”, or drop them on the page) and the view opens with the same columns and settings. The link carried no data.",
            "Dieser Link zeigt eine Ansicht von Dateien, die hier nicht geladen sind. Laden Sie sie („CSV-Dateien laden“ oder auf die Seite ziehen), dann öffnet sich die Ansicht mit denselben Spalten und Einstellungen. Der Link enthielt keine Daten.",
            "Ten link pokazuje widok plików, które nie są tu wczytane. Wczytaj je („Wczytaj pliki CSV” lub upuść na stronę), a widok otworzy się z tymi samymi kolumnami i ustawieniami. Link nie zawierał danych.",
            "此链接展示的是本机未载入文件的视图。载入这些文件（“载入 CSV 文件”或拖放到页面）后，视图将以相同的列和设置打开。链接本身不含数据。",
        ],
        Dismiss => ["Dismiss", "Schließen", "Zamknij", "关闭"],
        LockedData => ["This link carries data locked with a passphrase.", "Dieser Link enthält mit einer Passphrase gesperrte Daten.", "Ten link zawiera dane zablokowane hasłem.", "此链接包含用口令加密的数据。"],
        AskSender => [
            "It is opened here, in your browser; ask the sender for the passphrase.",
            "Er wird hier in Ihrem Browser geöffnet; fragen Sie den Absender nach der Passphrase.",
            "Zostanie otwarty tutaj, w Twojej przeglądarce; poproś nadawcę o hasło.",
            "它会在您的浏览器中打开；请向发送者索取口令。",
        ],
        Passphrase => ["Passphrase", "Kennwort", "Hasło", "口令"],
        Opening => ["Opening…", "Wird geöffnet…", "Otwieranie…", "正在打开…"],
        Open => ["Open", "Öffnen", "Otwórz", "打开"],
        ShowDemo => ["Show the demo instead", "Stattdessen die Demo zeigen", "Pokaż zamiast tego demo", "改为显示演示"],
    }
}

catalog! {
    /// The SQL box under a tile and KPI tables.
    Sql {
        Copied => ["Copied", "Kopiert", "Skopiowano", "已复制"],
        Blocked => ["Copying is blocked here: select the text and press Ctrl+C", "Kopieren ist hier gesperrt: Text markieren und Strg+C drücken", "Kopiowanie jest tu zablokowane: zaznacz tekst i naciśnij Ctrl+C", "此处无法复制：请选中文本并按 Ctrl+C"],
        Explains => [
            "The same figure over tables with the canonical columns, for the current period and filters. pipelens' tests run the DuckDB, PostgreSQL and Spark SQL texts and compare them with these figures; the BigQuery text is only checked to parse.",
            "Dieselbe Kennzahl über Tabellen mit den Standardspalten, für den aktuellen Zeitraum und die Filter. Die Tests von pipelens führen die Texte für DuckDB, PostgreSQL und Spark SQL aus und vergleichen sie mit diesen Zahlen; der BigQuery-Text wird nur auf Lesbarkeit geprüft.",
            "Ta sama wartość liczona na tabelach ze standardowymi kolumnami, dla bieżącego okresu i filtrów. Testy pipelens uruchamiają teksty DuckDB, PostgreSQL i Spark SQL i porównują je z tymi wartościami; tekst BigQuery jest tylko sprawdzany pod kątem składni.",
            "在具有标准列的表上计算同一数值，使用当前期间和筛选。pipelens 的测试会运行 DuckDB、PostgreSQL 和 Spark SQL 文本并与这些数值比较；BigQuery 文本仅检查能否解析。",
        ],
        Warehouse => ["Take these KPIs to your warehouse", "Diese KPIs ins eigene Data Warehouse mitnehmen", "Zabierz te KPI do swojej hurtowni danych", "把这些 KPI 带到您的数据仓库"],
        WarehouseExplains => [
            "One ZIP file, made here in your browser: a script in the chosen dialect that creates the tables, loads your data as pipelens read it and computes every KPI for this view, with the data files it loads.",
            "Eine ZIP-Datei, hier in Ihrem Browser erstellt: ein Skript im gewählten Dialekt, das die Tabellen anlegt, Ihre Daten so lädt, wie pipelens sie gelesen hat, und jede Kennzahl für diese Ansicht berechnet, samt den Datendateien, die es lädt.",
            "Jeden plik ZIP, utworzony tutaj w Twojej przeglądarce: skrypt w wybranym dialekcie, który tworzy tabele, wczytuje Twoje dane tak, jak odczytał je pipelens, i oblicza każdy KPI dla tego widoku, wraz z plikami danych, które wczytuje.",
            "一个在您的浏览器中生成的 ZIP 文件：所选方言的脚本会建表、按 pipelens 读取的方式载入您的数据，并计算此视图的每个 KPI，附带它载入的数据文件。",
        ],
        KitTooLarge => [
            "The data is too large for one ZIP file (4 GB): use pipelens-cli warehouse on your machine.",
            "Die Daten sind zu groß für eine ZIP-Datei (4 GB): Verwenden Sie pipelens-cli warehouse auf Ihrem Rechner.",
            "Dane są za duże na jeden plik ZIP (4 GB): użyj pipelens-cli warehouse na swoim komputerze.",
            "数据太大，无法放入一个 ZIP 文件（4 GB）：请在您的电脑上使用 pipelens-cli warehouse。",
        ],
        Dialect => ["Dialect", "Dialekt", "Dialekt", "方言"],
        CopySql => ["Copy SQL", "SQL kopieren", "Kopiuj SQL", "复制 SQL"],
        KpiTable => ["{kpi} table", "Tabelle {kpi}", "Tabela {kpi}", "{kpi}表格"],
        FirstRows => [
            "The first {shown} of {n} rows; the CSV holds all of them.",
            "Die ersten {shown} von {n} Zeilen; die CSV-Datei enthält alle.",
            "Pierwsze {shown} z {n} wierszy; plik CSV zawiera wszystkie.",
            "显示前 {shown} 行，共 {n} 行；CSV 文件包含全部。",
        ],
    }
}

catalog! {
    /// The data-quality report of a loaded file.
    Report {
        Summary => [
            "{read} rows read, {kept} kept, {rejected} rejected · {bytes} bytes, {encoding}, delimiter {delimiter}",
            "{read} Zeilen gelesen, {kept} behalten, {rejected} abgelehnt · {bytes} Bytes, {encoding}, Trennzeichen {delimiter}",
            "Wczytane wiersze: {read}, zachowane: {kept}, odrzucone: {rejected} · bajty: {bytes}, {encoding}, separator {delimiter}",
            "读取 {read} 行，保留 {kept} 行，拒绝 {rejected} 行 · {bytes} 字节，{encoding}，分隔符 {delimiter}",
        ],
        Tab => ["tab", "Tabulator", "tabulator", "制表符"],
        DayFirstChosen => ["day-first dates, as you chose", "Tag zuerst, wie gewählt", "najpierw dzień, jak wybrano", "日在前，按您的选择"],
        MonthFirstChosen => ["month-first dates, as you chose", "Monat zuerst, wie gewählt", "najpierw miesiąc, jak wybrano", "月在前，按您的选择"],
        DayFirst => ["day-first dates (31/12/2024)", "Tag zuerst (31/12/2024)", "najpierw dzień (31/12/2024)", "日在前（31/12/2024）"],
        MonthFirst => ["month-first dates (12/31/2024)", "Monat zuerst (12/31/2024)", "najpierw miesiąc (12/31/2024)", "月在前（12/31/2024）"],
        DayFirstAssumed => ["day-first dates, assumed: no day above 12 told them apart", "Tag zuerst, angenommen: kein Tag über 12 unterschied sie", "najpierw dzień, założono: żaden dzień powyżej 12 ich nie rozróżnił", "假定日在前：没有大于 12 的日期可供区分"],
        MonthFirstAssumed => ["month-first dates, assumed: no day above 12 told them apart", "Monat zuerst, angenommen: kein Tag über 12 unterschied sie", "najpierw miesiąc, założono: żaden dzień powyżej 12 ich nie rozróżnił", "假定月在前：没有大于 12 的日期可供区分"],
        Unambiguous => ["year first or month names: unambiguous", "Jahr zuerst oder Monatsnamen: eindeutig", "najpierw rok lub nazwy miesięcy: jednoznaczne", "年在前或月份名称：无歧义"],
        ReadDayFirst => ["Read them as day-first (31/12)", "Als Tag zuerst lesen (31/12)", "Czytaj jako najpierw dzień (31/12)", "按日在前读取（31/12）"],
        ReadMonthFirst => ["Read them as month-first (12/31)", "Als Monat zuerst lesen (12/31)", "Czytaj jako najpierw miesiąc (12/31)", "按月在前读取（12/31）"],
        Line => ["line {line}: {text}", "Zeile {line}: {text}", "wiersz {line}: {text}", "第 {line} 行：{text}"],
        SkippedAbove => ["Skipped above the header (title or notes):", "Über der Kopfzeile übersprungen (Titel oder Notizen):", "Pominięto nad nagłówkiem (tytuł lub notatki):", "表头上方已跳过（标题或备注）："],
        SkippedBelow => ["Skipped below the data (totals, notes):", "Unter den Daten übersprungen (Summen, Notizen):", "Pominięto pod danymi (sumy, notatki):", "数据下方已跳过（合计、备注）："],
        MoreRejected => ["and {n} more rejected rows", "und {n} weitere abgelehnte Zeilen", "i kolejne odrzucone wiersze: {n}", "另有 {n} 行被拒绝"],
        OtherRows => ["The other {n} rows", "Die übrigen {n} Zeilen", "Pozostałe wiersze ({n})", "其余 {n} 行"],
        DownloadProblems => ["Download the problems (CSV)", "Probleme herunterladen (CSV)", "Pobierz problemy (CSV)", "下载问题清单（CSV）"],
        QualityOf => ["Data quality of {file}", "Datenqualität von {file}", "Jakość danych: {file}", "{file} 的数据质量"],
        Heading => ["Data quality: {file} ({dataset})", "Datenqualität: {file} ({dataset})", "Jakość danych: {file} ({dataset})", "数据质量：{file}（{dataset}）"],
        Columns => ["Columns", "Spalten", "Kolumny", "列"],
        ColumnInFile => ["Column in the file", "Spalte in der Datei", "Kolumna w pliku", "文件中的列"],
        Holds => ["Holds", "Enthält", "Zawiera", "内容"],
        EmptyCells => ["Empty cells", "Leere Zellen", "Puste komórki", "空单元格"],
        UsedAs => ["Used as ({dataset} field)", "Verwendet als (Feld von {dataset})", "Użyta jako (pole: {dataset})", "用作（{dataset}字段）"],
        DatesReadAs => ["Dates read as", "Datumsangaben gelesen als", "Daty odczytane jako", "日期读取方式"],
        RejectedRows => ["Rejected rows ({n})", "Abgelehnte Zeilen ({n})", "Odrzucone wiersze ({n})", "被拒绝的行（{n}）"],
        LineCol => ["Line", "Zeile", "Wiersz", "行"],
        Column => ["Column", "Spalte", "Kolumna", "列"],
        Reason => ["Reason", "Grund", "Powód", "原因"],
        Unreadable => ["Unreadable cells ({n}; their rows were kept)", "Unlesbare Zellen ({n}; ihre Zeilen wurden behalten)", "Nieczytelne komórki ({n}; ich wiersze zachowano)", "无法读取的单元格（{n} 个；所在行已保留）"],
        Value => ["Value", "Wert", "Wartość", "值"],
        Expected => ["Expected", "Erwartet", "Oczekiwano", "预期"],
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
    fn every_panel_word_has_four_real_translations() {
        let mut bad = check(Data::ALL);
        bad.extend(check(Prompt::ALL));
        bad.extend(check(Sql::ALL));
        bad.extend(check(Report::ALL));
        assert!(bad.is_empty(), "{bad:#?}");
    }
}
