//! The share panel's words: links, the settings file and what this device remembers.

catalog! {
    /// The share panel.
    Share {
        Copied => ["Copied ✓", "Kopiert ✓", "Skopiowano ✓", "已复制 ✓"],
        CopyYourself => ["Select the link and copy it (Ctrl+C / ⌘C).", "Markieren Sie den Link und kopieren Sie ihn (Strg+C / ⌘C).", "Zaznacz link i skopiuj go (Ctrl+C / ⌘C).", "请选中链接并复制（Ctrl+C / ⌘C）。"],
        ShareAndSave => ["Share & save", "Teilen & speichern", "Udostępnij i zapisz", "分享与保存"],
        Close => ["Close", "Schließen", "Zamknij", "关闭"],
        LinkToView => ["Link to this view", "Link zu dieser Ansicht", "Link do tego widoku", "此视图的链接"],
        LinkCarries => [
            "The page, period, filters, targets, board, columns and stage rules; not the data.",
            "Seite, Zeitraum, Filter, Ziele, Board, Spalten und Phasenregeln; nicht die Daten.",
            "Strona, okres, filtry, cele, tablica, kolumny i reguły etapów; bez danych.",
            "页面、期间、筛选、目标、看板、列和阶段规则；不包括数据。",
        ],
        AskedForFiles => [
            "Whoever opens it is asked for the same files, and sees the same numbers once they load them.",
            "Wer ihn öffnet, wird nach denselben Dateien gefragt und sieht nach dem Laden dieselben Zahlen.",
            "Osoba, która go otworzy, zostanie poproszona o te same pliki i po ich wczytaniu zobaczy te same liczby.",
            "打开链接的人会被要求提供相同的文件，载入后即可看到相同的数字。",
        ],
        SameOnDemo => [
            "Whoever opens it sees the same numbers on the demo data.",
            "Wer ihn öffnet, sieht dieselben Zahlen auf den Demodaten.",
            "Osoba, która go otworzy, zobaczy te same liczby na danych demo.",
            "打开链接的人会在演示数据上看到相同的数字。",
        ],
        AfterHash => [
            "The part after # never reaches the server that hosts the page.",
            "Der Teil nach # erreicht nie den Server, der die Seite bereitstellt.",
            "Część po # nigdy nie trafia na serwer, który udostępnia stronę.",
            "# 之后的部分永远不会发送到托管页面的服务器。",
        ],
        CopyLink => ["Copy link", "Link kopieren", "Kopiuj link", "复制链接"],
        LinkWithData => ["Link with the data", "Link mit den Daten", "Link z danymi", "含数据的链接"],
        LongLink => [
            "Some mail and chat apps cut links this long: check it arrives whole, or send the files with the settings file.",
            "Manche Mail- und Chat-Programme kürzen so lange Links: Prüfen Sie, ob er vollständig ankommt, oder senden Sie die Dateien mit der Einstellungsdatei.",
            "Niektóre programy pocztowe i komunikatory obcinają tak długie linki: sprawdź, czy dociera w całości, albo wyślij pliki z plikiem ustawień.",
            "部分邮件和聊天应用会截断这么长的链接：请确认对方收到完整链接，或将文件与设置文件一起发送。",
        ],
        Locked => ["Locked: send the passphrase another way.", "Gesperrt: Senden Sie die Passphrase auf anderem Weg.", "Zablokowany: wyślij hasło inną drogą.", "已加密：请通过其他方式发送口令。"],
        Unlocked => [
            "Anyone with the link can read the data: add a passphrase to lock it.",
            "Jeder mit dem Link kann die Daten lesen: Fügen Sie eine Passphrase hinzu, um ihn zu sperren.",
            "Każdy, kto ma link, może odczytać dane: dodaj hasło, aby go zablokować.",
            "任何拿到链接的人都能读取数据：添加口令即可加密。",
        ],
        LinkSize => ["Link: {size} ({data} of files packed in).", "Link: {size} ({data} an Dateien eingepackt).", "Link: {size} (spakowane pliki: {data}).", "链接：{size}（已打包 {data} 的文件）。"],
        TooLarge => [
            "With the data the link would be {size} long; links over {max} do not open reliably. Send the files themselves with the settings file below: the view opens with the same columns once they are loaded.",
            "Mit den Daten wäre der Link {size} lang; Links über {max} öffnen nicht zuverlässig. Senden Sie die Dateien selbst mit der Einstellungsdatei unten: Die Ansicht öffnet sich nach dem Laden mit denselben Spalten.",
            "Z danymi link miałby {size}; linki dłuższe niż {max} nie otwierają się niezawodnie. Wyślij same pliki z plikiem ustawień poniżej: po ich wczytaniu widok otworzy się z tymi samymi kolumnami.",
            "包含数据的链接将长达 {size}；超过 {max} 的链接无法可靠打开。请将文件本身与下方的设置文件一起发送：载入后视图会以相同的列打开。",
        ],
        ShareWithData => ["Share with the data", "Mit den Daten teilen", "Udostępnij z danymi", "连同数据分享"],
        ShareWithDataText => [
            "For small files: the files go inside the link, compressed, and are read in the receiver's browser. A passphrase locks them with AES-256; it is never part of the link.",
            "Für kleine Dateien: Die Dateien kommen komprimiert in den Link und werden im Browser des Empfängers gelesen. Eine Passphrase sperrt sie mit AES-256; sie ist nie Teil des Links.",
            "Dla małych plików: pliki trafiają do linku w postaci skompresowanej i są czytane w przeglądarce odbiorcy. Hasło blokuje je szyfrem AES-256; nigdy nie jest częścią linku.",
            "适用于小文件：文件经压缩放入链接，在接收者的浏览器中读取。口令使用 AES-256 加密文件，且从不包含在链接中。",
        ],
        Passphrase => ["Passphrase (optional)", "Passphrase (freiwillig)", "Hasło (opcjonalnie)", "口令（可选）"],
        Packing => ["Packing…", "Wird gepackt…", "Pakowanie…", "正在打包…"],
        CreateLink => ["Create link with the data", "Link mit den Daten erstellen", "Utwórz link z danymi", "创建含数据的链接"],
        SettingsFile => ["Settings file", "Einstellungsdatei", "Plik ustawień", "设置文件"],
        SettingsFileText => [
            "Columns, stage rules, targets, board, period and filters as a JSON file, to keep or to send with the files.",
            "Spalten, Phasenregeln, Ziele, Board, Zeitraum und Filter als JSON-Datei, zum Aufbewahren oder zum Mitschicken mit den Dateien.",
            "Kolumny, reguły etapów, cele, tablica, okres i filtry jako plik JSON do zachowania lub wysłania razem z plikami.",
            "列、阶段规则、目标、看板、期间和筛选保存为 JSON 文件，可留存或随文件一起发送。",
        ],
        DownloadSettings => ["Download settings", "Einstellungen herunterladen", "Pobierz ustawienia", "下载设置"],
        ImportSettings => ["Import settings…", "Einstellungen importieren…", "Importuj ustawienia…", "导入设置…"],
        SettingsApplied => ["Settings from {name} applied.", "Einstellungen aus {name} übernommen.", "Zastosowano ustawienia z {name}.", "已应用 {name} 中的设置。"],
        CouldNotRead => ["{name} could not be read.", "{name} konnte nicht gelesen werden.", "Nie udało się odczytać {name}.", "无法读取 {name}。"],
        ThisDevice => ["This device", "Dieses Gerät", "To urządzenie", "本设备"],
        NothingStored => ["Nothing is stored unless you tick a box.", "Nichts wird gespeichert, solange Sie kein Häkchen setzen.", "Nic nie jest zapisywane, dopóki nie zaznaczysz pola.", "除非您勾选，否则不会存储任何内容。"],
        RememberSettings => ["Remember my settings on this device", "Meine Einstellungen auf diesem Gerät merken", "Zapamiętaj moje ustawienia na tym urządzeniu", "在本设备上记住我的设置"],
        RememberFiles => [
            "Also remember the loaded files (kept in this browser's storage, unencrypted)",
            "Auch die geladenen Dateien merken (im Speicher dieses Browsers, unverschlüsselt)",
            "Zapamiętaj też wczytane pliki (w pamięci tej przeglądarki, bez szyfrowania)",
            "同时记住已载入的文件（保存在此浏览器的存储中，未加密）",
        ],
        ForgetEverything => ["Forget everything", "Alles vergessen", "Zapomnij wszystko", "清除全部"],
        Forgotten => ["Everything this page stored in this browser is gone.", "Alles, was diese Seite in diesem Browser gespeichert hat, ist gelöscht.", "Wszystko, co ta strona zapisała w tej przeglądarce, zostało usunięte.", "此页面在本浏览器中存储的所有内容已清除。"],
        ForgetText => [
            "Forget everything clears this page's storage in this browser, including its offline copy of the app, and goes back to the demo data.",
            "„Alles vergessen“ leert den Speicher dieser Seite in diesem Browser, auch ihre Offline-Kopie der App, und kehrt zu den Demodaten zurück.",
            "„Zapomnij wszystko” czyści pamięć tej strony w tej przeglądarce, także jej kopię offline, i wraca do danych demo.",
            "“清除全部”会清空此页面在本浏览器中的存储（包括应用的离线副本），并返回演示数据。",
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
    fn every_share_word_has_four_real_translations() {
        let bad: Vec<String> = Share::ALL
            .iter()
            .flat_map(|&k| problems(&format!("{k:?}"), Lang::ALL.map(|l| k.text(l)), SAME_IN_EVERY_LANGUAGE))
            .collect();
        assert!(bad.is_empty(), "{bad:#?}");
    }
}
