//! A small detector for builds without `chardetng` (the browser app, whose wasm budget has no
//! room for its tables): each candidate code page decodes the sample through the decoders at
//! hand (the tab's `TextDecoder`), and the text that reads most like words wins. It tells
//! Central European from Western and Cyrillic, and Chinese from Japanese; what it cannot tell
//! apart (GB18030 from Big5) it says is a guess.
#![cfg_attr(feature = "codepages", allow(dead_code))]

use super::codepage::{CodePage, Confidence, Detection};
use super::text_decoder::new_decoder;

/// The candidates, in the order that wins a tie.
const CANDIDATES: [&str; 7] =
    ["windows-1252", "windows-1250", "gb18030", "Shift_JIS", "Big5", "windows-1251", "ISO-8859-2"];

/// Frequent Han characters (simplified and traditional: the commonest words, surnames, and a
/// sales export's headers and stages). Read in the right code page, a Chinese text is full of
/// them; read in the other one, its bytes give rare characters.
const COMMON_HAN: &str = "的一是不了人我在有他这這为為之大来來以个個中上们們到说說国國和地也子时時道出而要于就下得可你年生自会會那后後能对對着事其里裡所去行过過家十用发發天如然作方成者多日都三小二无無同么經经法当當起与與好看学學进進种種将將还還分此心前面又定见見只主没沒公从從王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何高林罗羅郑鄭梁谢謝宋唐许許韩韓冯馮邓鄧曹彭曾萧蕭田董潘袁蔡蒋蔣余于杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鍾谭譚陆陸汪范金石廖贾賈夏韦韋傅方白邹鄒孟熊秦邱江尹薛闫閻段雷侯龙龍史陶黎贺賀顾顧毛郝龚龔邵万萬钱錢严嚴覃武戴莫孔向汤湯伟偉芳娜敏静靜丽麗强強磊军軍洋勇艳豔杰傑娟涛濤明超秀霞平刚剛桂英华華文玲志豪美大金额額单單客户戶销銷售阶階段创創建期负負责責交商机機合同赢贏输輸订訂货貨产產品数數量价價格名称稱编編号號状狀态態备備注计計划劃区區域部门門公司联聯系电電话話地址邮郵箱";

/// Below this many bytes past ASCII a guess stays low-confidence.
const MIN_EVIDENCE: usize = 8;

/// The code page whose reading of `sample` (bytes from the first past ASCII; `end`: to the end
/// of the file) reads most like words, and how clearly it wins.
pub fn detect(sample: &[u8], end: bool) -> Detection {
    let mut scored: Vec<(i64, CodePage, String)> = CANDIDATES
        .iter()
        .filter_map(|name| CodePage::from_name(name))
        .filter_map(|cp| {
            let mut decoder = new_decoder(cp)?;
            let mut text = Vec::new();
            decoder.decode(sample, end, &mut text);
            let text = String::from_utf8_lossy(&text).into_owned();
            Some((score(&text), cp, text))
        })
        .collect();
    // Stable: a tie keeps the candidates' order.
    crate::sort::sort_by_key(&mut scored, |(s, _, _)| std::cmp::Reverse(*s));
    let evidence = sample.iter().filter(|b| !b.is_ascii()).count();
    match scored.as_slice() {
        [(best, cp, text), rest @ ..] => {
            // A candidate that reads the same text is no rival (Windows-1250 and ISO-8859-2
            // agree on most Polish letters).
            let runner_up = rest.iter().find(|(_, _, t)| t != text).map_or(i64::MIN, |(s, _, _)| *s);
            let clear = *best > 0 && runner_up < *best - (*best / 4).max(2);
            let confidence = if clear && evidence >= MIN_EVIDENCE { Confidence::High } else { Confidence::Low };
            Detection { code_page: *cp, confidence }
        }
        [] => Detection { code_page: CodePage::WINDOWS_1252, confidence: Confidence::Low },
    }
}

/// How much `text` reads like words: letters of one script together score, symbols inside
/// words, control characters and replacement characters cost.
pub(crate) fn score(text: &str) -> i64 {
    let mut total = 0i64;
    // Latin words with letters past ASCII: how many, how many have no ASCII letter, and
    // their letters past ASCII.
    let (mut accented_words, mut accented_only, mut accents) = (0i64, 0i64, 0i64);
    for word in text.split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '\t' | '"' | '|')) {
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        let ascii_letters = word.chars().filter(|c| c.is_ascii_alphabetic()).count();
        let mut latin_extra = 0i64;
        for c in word.chars().filter(|c| !c.is_ascii()) {
            let u = c as u32;
            total += match c {
                '\u{FFFD}' => -20,
                '\u{80}'..='\u{9F}' => -10,
                // Two bytes each in the code pages that write them: worth two letters and more.
                '\u{3040}'..='\u{30FF}' => 6,
                '\u{4E00}'..='\u{9FFF}' if COMMON_HAN.contains(c) => 7,
                '\u{4E00}'..='\u{9FFF}' => 4,
                '\u{0400}'..='\u{04FF}' => 2,
                _ if c.is_alphabetic() && (0xC0..0x250).contains(&u) => {
                    latin_extra += 1;
                    2
                }
                _ if c.is_alphabetic() => 0,
                // A symbol inside a word (`£ukasz`, `¯ó³æ`) is a letter of another code page.
                _ if letters > 0 => -6,
                _ => 0,
            };
        }
        // Capitals follow capitals or start words: `ХаЕЯ` is bytes of another code page.
        let flips =
            word.chars().zip(word.chars().skip(1)).filter(|(a, b)| a.is_lowercase() && b.is_uppercase()).count();
        total -= 4 * flips as i64;
        if latin_extra > 0 {
            accented_words += 1;
            accents += latin_extra;
            if ascii_letters == 0 && latin_extra >= 3 {
                accented_only += 1;
            }
        }
        // Nor do words mix Latin letters with Cyrillic, Greek or Han ones (`Јukasz`, `J乺gen`).
        let foreign = word.chars().filter(|c| matches!(c, '\u{0370}'..='\u{04FF}')).count() as i64;
        let han =
            word.chars().filter(|c| matches!(c, '\u{3040}'..='\u{30FF}' | '\u{4E00}'..='\u{9FFF}')).count() as i64;
        if ascii_letters > 0 {
            total -= 6 * foreign + 10 * han;
        }
    }
    // Latin words are mostly ASCII letters: when most words are accented letters only, the
    // text is another script read in a Latin code page (`Èâàí Ïåòðîâ`).
    if accented_only * 2 > accented_words {
        total -= 3 * accents;
    }
    total
}

#[cfg(all(test, feature = "codepages"))]
mod tests {
    use super::*;

    #[test]
    fn tells_the_code_pages_of_our_users_apart() {
        let cases = [
            (
                "windows-1250",
                "Łukasz Żółć;Grzegorz Brzęczyszczykiewicz;Wygrana;Zamknięta;Małgorzata Kowalczyk;Paweł Wiśniewski\n",
            ),
            ("windows-1252", "Jürgen Größ;Björn Müller;Käthe Weiß;Günther Schäfer;Dörte Bräuer;Straße\n"),
            ("gb18030", "负责人,金额,阶段,创建日期\n张伟,1000,赢单\n王芳,2000,输单\n李娜,1500,进行中\n"),
            ("Shift_JIS", "担当者,金額,段階\n山田太郎,1000,受注\nたなか,ひらがな,カタカナ\n"),
            ("windows-1251", "Иван Петров,Мария Смирнова,Сергей Кузнецов,Выиграна,Проиграна\n"),
        ];
        for (name, text) in cases {
            let encoding = encoding_rs::Encoding::for_label(name.as_bytes()).unwrap();
            let (bytes, _, _) = encoding.encode(text);
            let first = bytes.iter().position(|b| !b.is_ascii()).unwrap();
            let d = detect(&bytes[first..], true);
            assert_eq!(d.code_page.name(), CodePage::from_name(name).unwrap().name(), "{name}");
            assert_eq!(d.confidence, Confidence::High, "{name}");
        }
    }

    #[test]
    fn a_lone_accent_is_a_low_confidence_guess() {
        assert_eq!(detect(b"\xe9e\n", true).confidence, Confidence::Low);
    }
}
