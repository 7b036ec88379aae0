//! The words about where data came from and how it was read: load status lines, the code page
//! a file was read in, the workbook sheet it came from, the notice that two deals files are two
//! exports of the same deals, and the mapper's line when two columns fit a field equally well.

use pipelens_engine::ingest::CodePage;
use pipelens_engine::lang::Lang;

catalog! {
    /// The status lines a load writes (`src/load.rs`, `mod message`).
    Status {
        LoadedAs => ["{file} as {dataset}", "{file} als {dataset}", "{file} jako {dataset}", "{file} 作为{dataset}"],
        Gone => [
            "{file} is no longer available in this tab; load it again.",
            "{file} ist in diesem Tab nicht mehr verfügbar; laden Sie die Datei erneut.",
            "{file} nie jest już dostępny w tej karcie; wczytaj go ponownie.",
            "{file} 在此标签页中已不可用；请重新加载。",
        ],
        NotHeld => [
            "{file}: the browser could not hold the file. Close other tabs to free memory, then open the link again.",
            "{file}: Der Browser konnte die Datei nicht halten. Schließen Sie andere Tabs, um Speicher freizugeben, und öffnen Sie den Link erneut.",
            "{file}: przeglądarka nie mogła utrzymać pliku. Zamknij inne karty, aby zwolnić pamięć, i otwórz link ponownie.",
            "{file}：浏览器无法保存该文件。请关闭其他标签页以释放内存，然后重新打开链接。",
        ],
        BrowserRead => [
            "{file}: the browser could not read the file ({why}). If it was moved or changed, load it again.",
            "{file}: Der Browser konnte die Datei nicht lesen ({why}). Wurde sie verschoben oder geändert, laden Sie sie erneut.",
            "{file}: przeglądarka nie mogła odczytać pliku ({why}). Jeśli został przeniesiony lub zmieniony, wczytaj go ponownie.",
            "{file}：浏览器无法读取该文件（{why}）。如果文件已被移动或修改，请重新加载。",
        ],
        // The browser's reasons the page words itself, inside `BrowserRead`'s `{why}`.
        FileGone => [
            "it is no longer where it was picked from",
            "sie liegt nicht mehr dort, wo sie ausgewählt wurde",
            "nie ma go już tam, skąd został wybrany",
            "文件已不在选取时的位置",
        ],
        FileChanged => [
            "it changed after it was picked",
            "sie wurde nach der Auswahl geändert",
            "zmienił się po wybraniu",
            "文件在选取后已被更改",
        ],
        TooLarge => [
            "{file} is {mb} MB, more than this tab can hold in memory: split it, or filter the export.",
            "{file} ist {mb} MB groß, mehr als dieser Tab im Speicher halten kann: Teilen Sie die Datei oder filtern Sie den Export.",
            "{file} ma {mb} MB, więcej niż ta karta może pomieścić w pamięci: podziel plik albo zawęź eksport filtrami.",
            "{file} 大小为 {mb} MB，超出此标签页可容纳的内存：请拆分文件，或在导出时加筛选条件。",
        ],
        Unreadable => [
            "{file}: the page could not start its file reader ({why}). Reload the page and load the file again.",
            "{file}: Die Seite konnte ihren Dateileser nicht starten ({why}). Laden Sie die Seite neu und laden Sie die Datei erneut.",
            "{file}: strona nie mogła uruchomić czytnika plików ({why}). Odśwież stronę i wczytaj plik ponownie.",
            "{file}：页面无法启动文件读取器（{why}）。请刷新页面并重新加载该文件。",
        ],
        NoLongerLoaded => [
            "{file} is no longer loaded; load it again to set its date order.",
            "{file} ist nicht mehr geladen; laden Sie die Datei erneut, um ihre Datumsreihenfolge festzulegen.",
            "{file} nie jest już wczytany; wczytaj go ponownie, aby ustawić kolejność dat.",
            "{file} 已不再加载；请重新加载以设置其日期顺序。",
        ],
        WaitsOne => [
            "{file} waits for its columns to be chosen below.",
            "{file} wartet darauf, dass unten seine Spalten gewählt werden.",
            "{file} czeka na wybór kolumn poniżej.",
            "{file} 等待在下方选择其列。",
        ],
        WaitMany => [
            "{files} wait for their columns to be chosen below.",
            "{files} warten darauf, dass unten ihre Spalten gewählt werden.",
            "{files} czekają na wybór kolumn poniżej.",
            "{files} 等待在下方选择其列。",
        ],
        Loaded => ["Loaded {files}.", "Geladen: {files}.", "Wczytano: {files}.", "已加载：{files}。"],
        LoadedAsEarlier => [
            "{file} as earlier_deals (the same deals as the loaded ones: see Pipeline change)",
            "{file} als earlier_deals (dieselben Deals wie die geladenen: siehe Pipeline-Veränderung)",
            "{file} jako earlier_deals (te same transakcje co wczytane: zob. Zmiana lejka)",
            "{file} 作为 earlier_deals（与已加载的商机相同：见管道变化）",
        ],
        UnsureIntro => [
            "Two columns fit {fields} about equally well: the best guess is chosen below, with the reason. Check it and use these columns; the file stays in this tab.",
            "Zwei Spalten passen etwa gleich gut zu {fields}: Die beste Vermutung ist unten gewählt, mit Begründung. Prüfen Sie sie und verwenden Sie diese Spalten; die Datei bleibt in diesem Tab.",
            "Dwie kolumny pasują mniej więcej równie dobrze do {fields}: poniżej wybrano najlepsze przypuszczenie wraz z uzasadnieniem. Sprawdź je i użyj tych kolumn; plik zostaje w tej karcie.",
            "有两列与 {fields} 的匹配程度相当：下方已选出最佳猜测并附上理由。请检查后使用这些列；文件留在此标签页中。",
        ],
    }
}

catalog! {
    /// The code-page line of the data-quality report and its picker.
    CodePageWord {
        Line => ["Code page: {label} ({how})", "Zeichensatz: {label} ({how})", "Strona kodowa: {label} ({how})", "代码页：{label}（{how}）"],
        ReadAs => ["Read it as ", "Lesen als ", "Odczytaj jako ", "改用以下编码读取 "],
        Marked => [
            "named by the file's byte-order mark",
            "durch die Byte-Reihenfolge-Marke der Datei benannt",
            "wskazana przez znacznik kolejności bajtów pliku",
            "由文件的字节顺序标记指明",
        ],
        Chosen => ["as you chose", "wie von Ihnen gewählt", "zgodnie z Twoim wyborem", "按你的选择"],
        High => ["detected", "erkannt", "wykryta", "已检测"],
        Low => [
            "a guess from little evidence: if names or headers look wrong, pick the code page the file was saved in",
            "eine Vermutung aus wenigen Hinweisen: Sehen Namen oder Überschriften falsch aus, wählen Sie den Zeichensatz, in dem die Datei gespeichert wurde",
            "przypuszczenie na podstawie niewielu przesłanek: jeśli nazwy lub nagłówki wyglądają źle, wybierz stronę kodową, w której zapisano plik",
            "依据很少的猜测：如果名称或表头看起来不对，请选择文件保存时所用的代码页",
        ],
    }
}

catalog! {
    /// The scripts a code page is for, as its label names them (`CodePage::label`).
    Script {
        Unicode => ["Unicode", "Unicode", "Unicode", "Unicode"],
        Western => ["Western European", "Westeuropäisch", "Zachodnioeuropejska", "西欧"],
        Central => ["Central European", "Mitteleuropäisch", "Środkowoeuropejska", "中欧"],
        Cyrillic => ["Cyrillic", "Kyrillisch", "Cyrylica", "西里尔文"],
        Simplified => ["Chinese Simplified", "Chinesisch (vereinfacht)", "Chiński uproszczony", "简体中文"],
        Traditional => ["Chinese Traditional", "Chinesisch (traditionell)", "Chiński tradycyjny", "繁体中文"],
        Japanese => ["Japanese", "Japanisch", "Japoński", "日文"],
        Korean => ["Korean", "Koreanisch", "Koreański", "韩文"],
        Greek => ["Greek", "Griechisch", "Grecki", "希腊文"],
        Turkish => ["Turkish", "Türkisch", "Turecki", "土耳其文"],
        Hebrew => ["Hebrew", "Hebräisch", "Hebrajski", "希伯来文"],
        HebrewVisual => ["Hebrew, visual", "Hebräisch, visuell", "Hebrajski, wizualny", "希伯来文（视觉顺序）"],
        Arabic => ["Arabic", "Arabisch", "Arabski", "阿拉伯文"],
        Baltic => ["Baltic", "Baltisch", "Bałtycka", "波罗的海语"],
        Vietnamese => ["Vietnamese", "Vietnamesisch", "Wietnamski", "越南文"],
        Thai => ["Thai", "Thailändisch", "Tajski", "泰文"],
    }
}

/// A code page's label in `lang`: the engine's English label (`Central European
/// (Windows-1250)`) in English; elsewhere its script translated and the code page's own name
/// kept (`Mitteleuropäisch (Windows-1250)`).
pub fn code_page_label(page: CodePage, lang: Lang) -> String {
    use crate::i18n::Text;
    let label = page.label();
    let Some((script, name)) = label.split_once(" (") else { return label.to_owned() };
    let key = Script::ALL.iter().copied().find(|k| k.text(Lang::En) == script);
    match key {
        Some(k) if lang != Lang::En => format!("{} ({name}", k.text(lang)),
        _ => label.to_owned(),
    }
}

catalog! {
    /// The type the data-quality report detected in a column (`ColumnProfile::detected`).
    Detected {
        Empty => ["empty", "leer", "pusta", "空"],
        Date => ["date", "Datum", "data", "日期"],
        Flag => ["yes / no", "ja / nein", "tak / nie", "是 / 否"],
        Number => ["number", "Zahl", "liczba", "数字"],
        Text => ["text", "Text", "tekst", "文本"],
    }
}

/// A detected column type in `lang`; a type the catalog does not know stays as the engine wrote it.
pub fn detected_word(english: &'static str, lang: Lang) -> &'static str {
    use crate::i18n::Text;
    Detected::ALL.iter().find(|k| k.text(Lang::En) == english).map_or(english, |k| k.text(lang))
}

catalog! {
    /// The workbook sheet a file came from, and the notice of two exports of the same deals.
    Origin {
        FromSheet => ["from workbook {book}, sheet {sheet}", "aus Arbeitsmappe {book}, Blatt {sheet}", "ze skoroszytu {book}, arkusz {sheet}", "来自工作簿 {book}，工作表 {sheet}"],
        Sheet => [" · sheet ", " · Blatt ", " · arkusz ", " · 工作表 "],
        SheetOf => ["Sheet of {book}", "Blatt von {book}", "Arkusz skoroszytu {book}", "{book} 的工作表"],
        OneErrorCell => [
            " · 1 cell held an error value (such as #N/A) and reads as empty",
            " · 1 Zelle enthielt einen Fehlerwert (etwa #N/A) und wird als leer gelesen",
            " · 1 komórka zawierała wartość błędu (np. #N/A) i jest czytana jako pusta",
            " · 1 个单元格含错误值（如 #N/A），按空值读取",
        ],
        ErrorCells => [
            " · {n} cells held error values (such as #N/A) and read as empty",
            " · {n} Zellen enthielten Fehlerwerte (etwa #N/A) und werden als leer gelesen",
            " · {n} komórek zawierało wartości błędów (np. #N/A) i są czytane jako puste",
            " · {n} 个单元格含错误值（如 #N/A），按空值读取",
        ],
        SnapshotHint => [
            "{file} repeats {share} of the deal ids of {other}: it looks like another export of the same deals. ",
            "{file} wiederholt {share} der Deal-IDs von {other}: Es sieht nach einem weiteren Export derselben Deals aus. ",
            "{file} powtarza {share} identyfikatorów transakcji z {other}: wygląda na inny eksport tych samych transakcji. ",
            "{file} 重复了 {other} 中 {share} 的商机 ID：看起来是同一批商机的另一次导出。",
        ],
        CompareThem => [
            "Compare them: read {file} as the earlier export",
            "Vergleichen: {file} als früheren Export lesen",
            "Porównaj: wczytaj {file} jako wcześniejszy eksport",
            "比较两者：将 {file} 作为较早的导出读取",
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::catalog::check_keys as check;
    use crate::i18n::SAME_IN_EVERY_LANGUAGE;

    #[test]
    fn every_text_has_four_real_translations() {
        let unicode = [SAME_IN_EVERY_LANGUAGE, &["Unicode"]].concat();
        for bad in [
            check(Status::ALL, SAME_IN_EVERY_LANGUAGE),
            check(CodePageWord::ALL, SAME_IN_EVERY_LANGUAGE),
            check(Script::ALL, &unicode),
            check(Origin::ALL, SAME_IN_EVERY_LANGUAGE),
            check(Detected::ALL, SAME_IN_EVERY_LANGUAGE),
        ] {
            assert!(bad.is_empty(), "{bad:#?}");
        }
    }

    #[test]
    fn every_code_page_label_has_its_script_translated() {
        for page in CodePage::main() {
            assert_eq!(code_page_label(page, Lang::En), page.label());
            let (script, _) = page.label().split_once(" (").unwrap_or_default();
            for lang in [Lang::De, Lang::Pl, Lang::Zh] {
                let local = code_page_label(page, lang);
                assert!(local.ends_with(')'), "{local}");
                if script != "Unicode" {
                    assert!(!local.starts_with(script), "{lang:?}: {local}");
                }
            }
        }
    }

    #[test]
    fn detected_types_read_in_each_language() {
        let cases = [
            (Lang::En, "yes / no", "yes / no"),
            (Lang::De, "number", "Zahl"),
            (Lang::Pl, "date", "data"),
            (Lang::Zh, "empty", "空"),
            (Lang::De, "currency", "currency"),
        ];
        for (lang, english, want) in cases {
            assert_eq!(detected_word(english, lang), want, "{lang:?} {english}");
        }
    }

    #[test]
    fn a_labels_code_page_name_stays() {
        let cases = [
            (Lang::De, "windows-1250", "Mitteleuropäisch (Windows-1250)"),
            (Lang::Pl, "gb18030", "Chiński uproszczony (GB18030/GBK)"),
            (Lang::Zh, "ISO-8859-8", "希伯来文（视觉顺序） (ISO-8859-8)"),
        ];
        for (lang, name, want) in cases {
            let page = CodePage::from_name(name).map(|p| code_page_label(p, lang));
            assert_eq!(page.as_deref(), Some(want), "{name}");
        }
    }
}
