//! Header words: a header cut into the words it is made of, in one spelling, so that "Deal
//! owner", "DealOwner", "deal_owner", "deal-owner" and "DEAL OWNER" all read `deal owner`, and
//! "Fecha de creación" reads `fecha de creacion`.

/// A header as words: Latin, Greek and Cyrillic words lower-cased with their accents folded,
/// and runs of CJK characters kept whole (they are matched by containment, having no spaces).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Words {
    /// The words in order, CJK runs included.
    pub words: Vec<String>,
}

/// Prefixes CRMs write before a header that say nothing about the column: Dynamics 365's
/// "(Do Not Modify)" columns.
const NOISE: &[&[&str]] = &[&["do", "not", "modify"]];

/// Whether `c` is written without spaces between words (Chinese, Japanese, Korean).
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30ff | 0x3400..=0x4dbf | 0x4e00..=0x9fff | 0xac00..=0xd7af | 0xf900..=0xfaff | 0xff66..=0xff9f)
}

/// `c` without its accent (`é` → `e`, `ł` → `l`, `ß` → `ss`), lower-cased.
fn fold(c: char, out: &mut String) {
    let folded = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ą' | 'ā' | 'ă' => 'a',
        'ç' | 'ć' | 'č' | 'ĉ' => 'c',
        'ď' | 'đ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ę' | 'ě' | 'ē' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'ī' => 'i',
        'ł' | 'ľ' | 'ĺ' => 'l',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
        'ř' | 'ŕ' => 'r',
        'ś' | 'š' | 'ş' => 's',
        'ť' | 'ţ' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ů' | 'ū' | 'ű' => 'u',
        'ý' | 'ÿ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        'ё' => 'е',
        'ß' => {
            out.push_str("ss");
            return;
        }
        other => other,
    };
    out.push(folded);
}

/// Cuts `header` into its words. Word breaks are any character that is neither a letter nor a
/// digit, a lower-case letter followed by an upper-case one (`StageName`, `dealOwner`), an
/// upper-case run followed by a word (`IDNumber` → `id number`), and the edges of CJK runs.
///
/// ```
/// use pipelens_engine::ingest::meaning::words;
/// assert_eq!(words("Deal - Deal created").words, ["deal", "deal", "created"]);
/// assert_eq!(words("CloseDate").words, ["close", "date"]);
/// assert_eq!(words("Fecha de creación").words, ["fecha", "de", "creacion"]);
/// assert_eq!(words("商机 创建日期").words, ["商机", "创建日期"]);
/// assert_eq!(words("(Do Not Modify) Opportunity").words, ["opportunity"]);
/// ```
pub fn words(header: &str) -> Words {
    let chars: Vec<char> = header.trim().trim_start_matches('\u{feff}').chars().collect();
    let mut words: Vec<String> = Vec::new();
    let mut word = String::new();
    let mut word_cjk = false;
    let flush = |word: &mut String, words: &mut Vec<String>| {
        if !word.is_empty() {
            words.push(std::mem::take(word));
        }
    };
    for (i, &c) in chars.iter().enumerate() {
        if !c.is_alphanumeric() {
            flush(&mut word, &mut words);
            continue;
        }
        let cjk = is_cjk(c);
        let prev = i.checked_sub(1).and_then(|p| chars.get(p)).copied();
        let next = chars.get(i + 1).copied();
        let camel = !cjk
            && c.is_uppercase()
            && prev.is_some_and(|p| p.is_lowercase() || (p.is_uppercase() && next.is_some_and(|n| n.is_lowercase())));
        if !word.is_empty() && (cjk != word_cjk || camel) {
            flush(&mut word, &mut words);
        }
        word_cjk = cjk;
        for lower in c.to_lowercase() {
            fold(lower, &mut word);
        }
    }
    flush(&mut word, &mut words);
    for noise in NOISE {
        if words.len() > noise.len() && words.iter().zip(noise.iter()).all(|(w, n)| w == n) {
            words.drain(..noise.len());
        }
    }
    Words { words }
}

impl Words {
    /// Whether `word` is one of the words (a CJK `word` may be part of a CJK run).
    pub fn has(&self, word: &str) -> Option<usize> {
        if word.chars().next().is_some_and(is_cjk) {
            self.words.iter().position(|w| w.contains(word))
        } else {
            self.words.iter().position(|w| w == word)
        }
    }

    /// The words joined by `_`: the form exact synonyms are compared in.
    pub fn joined(&self) -> String {
        self.words.join("_")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_headers_into_folded_words() {
        let cases: &[(&str, &[&str])] = &[
            ("Deal owner", &["deal", "owner"]),
            ("DealOwner", &["deal", "owner"]),
            ("deal_owner", &["deal", "owner"]),
            ("deal-owner", &["deal", "owner"]),
            ("DEAL OWNER", &["deal", "owner"]),
            ("IsWon", &["is", "won"]),
            ("OwnerID", &["owner", "id"]),
            ("IDNumber", &["id", "number"]),
            ("Data zamknięcia", &["data", "zamkniecia"]),
            ("Währung", &["wahrung"]),
            ("Straße", &["strasse"]),
            ("Est. Revenue", &["est", "revenue"]),
            ("Probability (%)", &["probability"]),
            ("负责人", &["负责人"]),
            ("商机ID", &["商机", "id"]),
            ("Дата создания", &["дата", "создания"]),
            ("\u{feff}Record ID", &["record", "id"]),
            ("(Do Not Modify) Row Checksum", &["row", "checksum"]),
            ("Do Not Modify", &["do", "not", "modify"]),
            ("", &[]),
        ];
        for (header, want) in cases {
            assert_eq!(words(header).words, *want, "{header:?}");
        }
    }

    #[test]
    fn cjk_words_are_found_inside_runs() {
        let w = words("创建日期");
        assert_eq!(w.has("创建"), Some(0));
        assert_eq!(w.has("日期"), Some(0));
        assert_eq!(w.has("人"), None);
        assert_eq!(words("Created By").has("by"), Some(1));
    }
}
