//! The code pages a text file may be written in: their WHATWG names, a label a user
//! recognises ("Central European (Windows-1250)"), and how sure the reader is of the one it
//! used.

use serde::{Serialize, Serializer};

/// A character encoding, named as the WHATWG Encoding Standard names it (`windows-1250`,
/// `gb18030`, `Shift_JIS`). Only the encodings in [`CodePage::ALL`] exist.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct CodePage(&'static str);

/// Each code page with its label, in the order a picker lists them: the ones spreadsheets
/// write first, then the rest a detector may name.
const TABLE: [(&str, &str); 30] = [
    ("UTF-8", "Unicode (UTF-8)"),
    ("windows-1252", "Western European (Windows-1252)"),
    ("windows-1250", "Central European (Windows-1250)"),
    ("ISO-8859-2", "Central European (ISO-8859-2)"),
    ("windows-1251", "Cyrillic (Windows-1251)"),
    ("gb18030", "Chinese Simplified (GB18030/GBK)"),
    ("Big5", "Chinese Traditional (Big5)"),
    ("Shift_JIS", "Japanese (Shift_JIS)"),
    ("EUC-JP", "Japanese (EUC-JP)"),
    ("EUC-KR", "Korean (EUC-KR)"),
    ("windows-1253", "Greek (Windows-1253)"),
    ("windows-1254", "Turkish (Windows-1254)"),
    ("windows-1255", "Hebrew (Windows-1255)"),
    ("windows-1256", "Arabic (Windows-1256)"),
    ("windows-1257", "Baltic (Windows-1257)"),
    ("windows-1258", "Vietnamese (Windows-1258)"),
    ("windows-874", "Thai (Windows-874)"),
    ("ISO-8859-4", "Baltic (ISO-8859-4)"),
    ("ISO-8859-5", "Cyrillic (ISO-8859-5)"),
    ("ISO-8859-6", "Arabic (ISO-8859-6)"),
    ("ISO-8859-7", "Greek (ISO-8859-7)"),
    ("ISO-8859-8", "Hebrew, visual (ISO-8859-8)"),
    ("ISO-8859-13", "Baltic (ISO-8859-13)"),
    ("ISO-8859-15", "Western European (ISO-8859-15)"),
    ("KOI8-R", "Cyrillic (KOI8-R)"),
    ("KOI8-U", "Cyrillic (KOI8-U)"),
    ("IBM866", "Cyrillic (DOS 866)"),
    ("macintosh", "Western European (Mac OS Roman)"),
    ("UTF-16LE", "Unicode (UTF-16LE)"),
    ("UTF-16BE", "Unicode (UTF-16BE)"),
];

impl CodePage {
    /// UTF-8.
    pub const UTF_8: CodePage = CodePage("UTF-8");
    /// Windows-1252, Western European: what a file that fits nothing better is read as.
    pub const WINDOWS_1252: CodePage = CodePage("windows-1252");
    /// UTF-16, little-endian (only after a byte-order mark).
    pub const UTF_16LE: CodePage = CodePage("UTF-16LE");
    /// UTF-16, big-endian (only after a byte-order mark).
    pub const UTF_16BE: CodePage = CodePage("UTF-16BE");

    /// The code pages a user may pick for a file (UTF-16 is only read after its byte-order
    /// mark, so it is not offered).
    pub fn all() -> impl Iterator<Item = CodePage> {
        TABLE.iter().map(|&(name, _)| CodePage(name)).filter(|c| !c.is_utf16())
    }

    /// The main candidates, for a short picker: UTF-8 and the code pages spreadsheets write.
    pub fn main() -> impl Iterator<Item = CodePage> {
        CodePage::all().take(8)
    }

    /// The code page named `name` (a WHATWG name, any case; `GBK` is read as `gb18030`,
    /// which decodes every GBK file the same way and more).
    pub fn from_name(name: &str) -> Option<CodePage> {
        let name = if name.eq_ignore_ascii_case("gbk") { "gb18030" } else { name };
        TABLE.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|&(n, _)| CodePage(n))
    }

    /// The WHATWG name (`windows-1250`): what a `TextDecoder` and `encoding_rs` take.
    pub fn name(self) -> &'static str {
        self.0
    }

    /// A label a user recognises: "Central European (Windows-1250)".
    pub fn label(self) -> &'static str {
        TABLE.iter().find(|(n, _)| *n == self.0).map_or(self.0, |&(_, label)| label)
    }

    /// Whether this is UTF-16 (read only after a byte-order mark).
    pub fn is_utf16(self) -> bool {
        self.0.starts_with("UTF-16")
    }
}

impl Default for CodePage {
    fn default() -> Self {
        CodePage::UTF_8
    }
}

impl std::fmt::Display for CodePage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

impl Serialize for CodePage {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.0)
    }
}

/// How the code page of a file was settled.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    /// The file starts with a byte-order mark, which names it.
    Marked,
    /// The user chose it.
    Chosen,
    /// The bytes leave no reasonable doubt: valid UTF-8 (or plain ASCII), or a legacy code
    /// page whose guess no language hint changes.
    #[default]
    High,
    /// A guess from little or ambiguous evidence: the report says so and offers the others.
    Low,
}

impl Confidence {
    /// Whether the user should be told to check the text.
    pub fn is_low(self) -> bool {
        self == Confidence::Low
    }
}

/// A code page and how sure the choice is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Detection {
    /// The code page.
    pub code_page: CodePage,
    /// How sure.
    pub confidence: Confidence,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_labels_and_lookups_agree() {
        for (name, label) in [
            ("windows-1250", "Central European (Windows-1250)"),
            ("GBK", "Chinese Simplified (GB18030/GBK)"),
            ("gb18030", "Chinese Simplified (GB18030/GBK)"),
            ("shift_jis", "Japanese (Shift_JIS)"),
            ("utf-8", "Unicode (UTF-8)"),
        ] {
            let cp = CodePage::from_name(name).unwrap_or_else(|| panic!("{name}"));
            assert_eq!(cp.label(), label, "{name}");
            assert_eq!(CodePage::from_name(cp.name()), Some(cp));
        }
        assert_eq!(CodePage::from_name("klingon"), None);
        assert!(CodePage::all().all(|c| !c.is_utf16()));
        let main: Vec<&str> = CodePage::main().map(CodePage::name).collect();
        for want in
            ["UTF-8", "windows-1250", "windows-1252", "gb18030", "Big5", "Shift_JIS", "ISO-8859-2", "windows-1251"]
        {
            assert!(main.contains(&want), "{want} in {main:?}");
        }
    }

    #[test]
    fn serialises_as_its_whatwg_name() {
        assert_eq!(serde_json::to_string(&CodePage::from_name("big5")).unwrap(), "\"Big5\"");
        assert_eq!(serde_json::to_string(&Confidence::Low).unwrap(), "\"low\"");
    }
}
