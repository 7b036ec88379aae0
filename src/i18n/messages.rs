//! Messages from the browser side of the app: shared links that cannot be opened, encryption
//! and storage the browser lacks, a chart without data.

catalog! {
    /// Errors and notices of links, encryption, storage and charts.
    Message {
        LinkDataUnreadable => ["This link's data cannot be opened: {why}.", "Die Daten dieses Links lassen sich nicht öffnen: {why}.", "Nie można otworzyć danych z tego linku: {why}.", "无法打开此链接中的数据：{why}。"],
        LinkViewUnreadable => ["This link's view could not be read ({why}); showing the default view.", "Die Ansicht dieses Links war nicht lesbar ({why}); es wird die Standardansicht gezeigt.", "Nie udało się odczytać widoku z tego linku ({why}); pokazano widok domyślny.", "无法读取此链接的视图（{why}）；显示默认视图。"],
        NoCompression => ["This browser cannot compress data (it lacks CompressionStream).", "Dieser Browser kann keine Daten komprimieren (ihm fehlt CompressionStream).", "Ta przeglądarka nie umie kompresować danych (brak CompressionStream).", "此浏览器无法压缩数据（缺少 CompressionStream）。"],
        NoEncryption => [
            "This browser offers no encryption on this page (it needs https or localhost), so a passphrase cannot be used here.",
            "Dieser Browser bietet auf dieser Seite keine Verschlüsselung (dafür braucht es https oder localhost), daher lässt sich hier keine Passphrase verwenden.",
            "Ta przeglądarka nie oferuje szyfrowania na tej stronie (wymaga https lub localhost), więc nie można tu użyć hasła.",
            "此浏览器在本页面不提供加密（需要 https 或 localhost），因此无法在此使用口令。",
        ],
        WrongPassphrase => [
            "That passphrase does not open this link's data. Check it (it is case-sensitive) and that the whole link was copied.",
            "Diese Passphrase öffnet die Daten des Links nicht. Prüfen Sie sie (Groß- und Kleinschreibung zählt) und ob der ganze Link kopiert wurde.",
            "To hasło nie otwiera danych z tego linku. Sprawdź je (wielkość liter ma znaczenie) i czy skopiowano cały link.",
            "该口令无法打开此链接的数据。请检查口令（区分大小写）以及是否复制了完整链接。",
        ],
        NoStorage => ["This browser keeps no storage for this page.", "Dieser Browser hält für diese Seite keinen Speicher bereit.", "Ta przeglądarka nie udostępnia pamięci dla tej strony.", "此浏览器没有为本页面提供存储。"],
        TooLargeToRemember => [
            "The data is too large to remember here ({mb} MB packed; browsers keep about 5 MB per site). The settings are remembered.",
            "Die Daten sind zu groß, um sie hier zu merken ({mb} MB gepackt; Browser behalten etwa 5 MB pro Website). Die Einstellungen werden gemerkt.",
            "Dane są za duże, by je tu zapamiętać ({mb} MB po spakowaniu; przeglądarki przechowują ok. 5 MB na stronę). Ustawienia zostały zapamiętane.",
            "数据太大，无法在此记住（打包后 {mb} MB；浏览器每个网站约保留 5 MB）。设置已记住。",
        ],
        NoChartData => ["No data for this period", "Keine Daten für diesen Zeitraum", "Brak danych dla tego okresu", "本期没有数据"],
        NoStageColumn => [
            "The deals have no stage column: their status comes from the status column.",
            "Die Deals haben keine Phasenspalte: Ihr Status kommt aus der Statusspalte.",
            "Transakcje nie mają kolumny etapu: ich status pochodzi z kolumny statusu.",
            "商机没有阶段列：其状态来自状态列。",
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
    fn every_message_has_four_real_translations() {
        let bad: Vec<String> = Message::ALL
            .iter()
            .flat_map(|&k| problems(&format!("{k:?}"), Lang::ALL.map(|l| k.text(l)), SAME_IN_EVERY_LANGUAGE))
            .collect();
        assert!(bad.is_empty(), "{bad:#?}");
    }
}
