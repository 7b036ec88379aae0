//! Bytes to text: byte-order marks, UTF-8 and UTF-16 by hand, the legacy code pages a
//! spreadsheet writes (Windows-1250, GB18030, Big5, Shift_JIS, ...) detected by
//! [`super::detect`] and decoded by a [`super::TextDecode`], plus the recognisable non-CSV files
//! (Excel, JSON, binary) that deserve their own message. A whole file here decodes exactly as
//! the same bytes pushed in slices through a [`super::Feed`].
//!
//! Windows-1252 and UTF-16 are written with the standard library alone; the tests check every
//! byte against `encoding_rs`, the WHATWG reference.

use super::codepage::{CodePage, Confidence};
use super::detect::{detect, SAMPLE_BYTES};
use super::text_decoder::new_decoder;
use crate::error::ImportError;
use std::borrow::Cow;

/// One UTF-16 code unit from its two bytes.
pub(crate) fn utf16_units(pair: [u8; 2], little_endian: bool) -> u16 {
    if little_endian {
        u16::from_le_bytes(pair)
    } else {
        u16::from_be_bytes(pair)
    }
}

/// Whether a UTF-16 code unit opens a surrogate pair (its second unit is still to come).
pub(crate) fn is_high_surrogate(unit: u16) -> bool {
    (0xD800..0xDC00).contains(&unit)
}

/// UTF-16 bytes as text, or `None` for an odd length or an unpaired surrogate.
fn utf16(bytes: &[u8], little_endian: bool) -> Option<String> {
    if !bytes.len().is_multiple_of(2) {
        return None;
    }
    let units = bytes.chunks_exact(2).map(|p| utf16_units([p[0], p[1]], little_endian));
    char::decode_utf16(units).collect::<Result<String, _>>().ok()
}

/// UTF-16 text, or whether it is cut short (`Err(true)`: it decodes once a last odd byte or a
/// last lone high surrogate is dropped) rather than no UTF-16 at all (`Err(false)`).
fn utf16_or_cut(bytes: &[u8], little_endian: bool) -> Result<Cow<'static, str>, bool> {
    if let Some(text) = utf16(bytes, little_endian) {
        return Ok(Cow::Owned(text));
    }
    let mut whole = bytes.get(..bytes.len() - bytes.len() % 2).unwrap_or_default();
    if let Some(last) = whole.last_chunk::<2>() {
        if is_high_surrogate(utf16_units(*last, little_endian)) {
            whole = whole.get(..whole.len() - 2).unwrap_or_default();
        }
    }
    Err(whole.len() < bytes.len() && utf16(whole, little_endian).is_some())
}

/// The text of a file and the encoding it was read with.
#[derive(Debug)]
pub struct Decoded<'a> {
    /// The file's text, without a byte-order mark.
    pub text: Cow<'a, str>,
    /// WHATWG name of the encoding used (`UTF-8`, `UTF-16LE`, `windows-1250`, `gb18030`, ...).
    pub encoding: &'static str,
    /// How sure the choice of the encoding is.
    pub confidence: Confidence,
}

/// Decodes a file's bytes, detecting their code page, or says why they are not a CSV file.
pub fn decode<'a>(file: &str, bytes: &'a [u8]) -> Result<Decoded<'a>, ImportError> {
    decode_as(file, bytes, None)
}

/// Decodes a file's bytes in `code_page` when given (the user's choice; a byte-order mark
/// still wins), else as [`decode`] does.
pub fn decode_as<'a>(file: &str, bytes: &'a [u8], code_page: Option<CodePage>) -> Result<Decoded<'a>, ImportError> {
    let file = file.to_owned();
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(ImportError::Empty { file });
    }
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(ImportError::Spreadsheet { file });
    }
    let bom = match bytes {
        [0xEF, 0xBB, 0xBF, rest @ ..] => Some(match std::str::from_utf8(rest) {
            Ok(text) => (Ok(Cow::Borrowed(text)), "UTF-8"),
            // Incomplete at the end, nothing wrong before.
            Err(e) => (Err(e.error_len().is_none()), "UTF-8"),
        }),
        [0xFF, 0xFE, rest @ ..] => Some((utf16_or_cut(rest, true), "UTF-16LE")),
        [0xFE, 0xFF, rest @ ..] => Some((utf16_or_cut(rest, false), "UTF-16BE")),
        _ => None,
    };
    if let Some((text, encoding)) = bom {
        return match text {
            Ok(text) => Ok(Decoded { text, encoding, confidence: Confidence::Marked }),
            Err(true) => Err(ImportError::CutShort { file, encoding }),
            Err(false) => Err(ImportError::Binary { file }),
        };
    }
    let head = &bytes[..bytes.len().min(4096)];
    if looks_binary(head) {
        return Err(ImportError::Binary { file });
    }
    let first = bytes.iter().find(|b| !b.is_ascii_whitespace()).copied();
    if matches!(first, Some(b'{') | Some(b'[')) {
        return Err(ImportError::Json { file });
    }
    if let Some(code_page) = code_page {
        return Ok(decode_with(bytes, code_page, Confidence::Chosen));
    }
    let utf8 = || Decoded { text: Cow::Borrowed(""), encoding: CodePage::UTF_8.name(), confidence: Confidence::High };
    // ASCII is no evidence: the sample starts at the first byte past it, as a feed's does.
    let Some(first) = bytes.iter().position(|b| !b.is_ascii()) else {
        let text = std::str::from_utf8(bytes).map(Cow::Borrowed).unwrap_or_default();
        return Ok(Decoded { text, ..utf8() });
    };
    let sample = bytes.get(first..).unwrap_or_default();
    let end = sample.len() <= SAMPLE_BYTES;
    let cut = || ImportError::CutShort { file: file.clone(), encoding: CodePage::UTF_8.name() };
    if end && utf8_cut_short(sample) {
        return Err(cut());
    }
    let mut found = detect(sample, end, true);
    if found.code_page == CodePage::UTF_8 {
        match std::str::from_utf8(bytes) {
            Ok(text) => return Ok(Decoded { text: Cow::Borrowed(text), ..utf8() }),
            Err(e) if e.error_len().is_none() => return Err(cut()),
            // The sample was UTF-8, a later byte is not: as a feed reads it again.
            Err(_) => found = detect(sample, end, false),
        }
    }
    Ok(decode_with(bytes, found.code_page, found.confidence))
}

/// Whether `sample` (text from its first byte past ASCII on, to the end of the file) is UTF-8
/// cut short: valid up to a character its end cuts, after at least one whole character past
/// ASCII. A file whose only such byte is its last (`Café` in Windows-1252, no line break after
/// it) is read in its code page instead.
pub(crate) fn utf8_cut_short(sample: &[u8]) -> bool {
    std::str::from_utf8(sample).is_err_and(|e| e.error_len().is_none() && e.valid_up_to() > 0)
}

/// `bytes` decoded in `code_page` (Windows-1252, said to be a guess, when nothing here decodes
/// it), as a feed decodes them.
fn decode_with(bytes: &[u8], code_page: CodePage, confidence: Confidence) -> Decoded<'_> {
    let (mut decoder, code_page, confidence) = match new_decoder(code_page) {
        Some(decoder) => (decoder, code_page, confidence),
        None => (
            Box::new(super::text_decoder::Windows1252) as Box<dyn super::TextDecode>,
            CodePage::WINDOWS_1252,
            Confidence::Low,
        ),
    };
    let mut text = Vec::with_capacity(bytes.len());
    decoder.decode(bytes, true, &mut text);
    let text = String::from_utf8(text).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    Decoded { text: Cow::Owned(text), encoding: code_page.name(), confidence }
}

/// Many control bytes (other than tab, CR, LF and the odd NUL) mean this is no text file.
pub(crate) fn looks_binary(head: &[u8]) -> bool {
    let control = head.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C)).count();
    control * 10 > head.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_utf8_bom() {
        let d = decode("f.csv", b"\xEF\xBB\xBFa,b\n").unwrap();
        assert_eq!((d.text.as_ref(), d.encoding), ("a,b\n", "UTF-8"));
    }

    #[test]
    fn reads_utf16_with_bom() {
        let le: Vec<u8> =
            [0xFF, 0xFE].into_iter().chain("a,ż\n".encode_utf16().flat_map(|u| u.to_le_bytes())).collect();
        let d = decode("f.csv", &le).unwrap();
        assert_eq!((d.text.as_ref(), d.encoding), ("a,ż\n", "UTF-16LE"));
        let be: Vec<u8> =
            [0xFE, 0xFF].into_iter().chain("a,ż\n".encode_utf16().flat_map(|u| u.to_be_bytes())).collect();
        assert_eq!(decode("f.csv", &be).unwrap().encoding, "UTF-16BE");
    }

    #[cfg(feature = "codepages")]
    #[test]
    fn a_double_byte_file_cut_inside_its_last_character_keeps_its_code_page() {
        // Told the file ended inside a character, the detector ruled out the code page every
        // other byte fits, and the whole file was read as Windows-1252.
        for (name, text) in [
            ("gb18030", "负责人,金额,阶段\n张伟,1000,赢单\n王芳,2000,输单\n李娜,1500,进行中\n刘洋,3000,赢单"),
            ("Big5", "負責人,金額,階段\n陳大文,1000,贏單\n林美玲,2000,輸單\n黃志明,1500,進行中\n張家豪,3000,贏單"),
            ("Shift_JIS", "担当者,金額,段階\n山田太郎,1000,受注\n佐藤花子,2000,失注\n鈴木一郎,1500,商談中"),
        ] {
            let (bytes, _, _) = encoding_rs::Encoding::for_label(name.as_bytes()).unwrap().encode(text);
            let cut = &bytes[..bytes.len() - 1];
            let decoded = decode(&format!("{name}.csv"), cut).unwrap();
            assert_eq!(CodePage::from_name(decoded.encoding), CodePage::from_name(name), "{name}");
            // Every character but the cut one is read; that one is U+FFFD, and the guess unsure.
            let (whole, last) = text.split_at(text.len() - text.chars().last().unwrap().len_utf8());
            assert_eq!(decoded.text, format!("{whole}\u{FFFD}"), "{name} (its last character: {last})");
            assert_eq!(decoded.confidence, Confidence::Low, "{name}");
        }
    }

    #[test]
    fn falls_back_to_windows_1252() {
        let d = decode("f.csv", b"name\nM\xFCller\n").unwrap();
        assert_eq!((d.text.as_ref(), d.encoding), ("name\nMüller\n", "windows-1252"));
    }

    #[test]
    fn every_byte_decodes_as_the_whatwg_reference_says() {
        let all: Vec<u8> = (0..=255).collect();
        let (reference, _, _) = encoding_rs::WINDOWS_1252.decode(&all);
        let mut text = Vec::new();
        super::super::text_decoder::windows_1252_into(&all, &mut text);
        assert_eq!(String::from_utf8(text).unwrap(), reference);
        let units: Vec<u8> = (0..=u16::MAX).step_by(7).flat_map(|u| u.to_le_bytes()).collect();
        let (reference, errors) = encoding_rs::UTF_16LE.decode_without_bom_handling(&units);
        assert_eq!(utf16(&units, true).as_deref(), (!errors).then_some(reference.as_ref()));
        let pairs = "a,ż,😀\n".encode_utf16().flat_map(|u| u.to_be_bytes()).collect::<Vec<u8>>();
        assert_eq!(utf16(&pairs, false).as_deref(), Some("a,ż,😀\n"));
    }

    #[test]
    fn broken_unicode_after_a_bom_is_no_text_file() {
        assert!(matches!(decode("f", &[0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00]), Err(ImportError::Binary { .. })));
        assert!(matches!(decode("f", b"\xEF\xBB\xBFa\xFF"), Err(ImportError::Binary { .. })));
        // Broken before a cut end is broken.
        assert!(matches!(decode("f", &[0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00, 0x41]), Err(ImportError::Binary { .. })));
    }

    #[test]
    fn text_after_a_bom_that_ends_inside_a_character_was_cut_short() {
        let text = "deal_id,owner\nD1,Zoë 😀\nD2,Łukasz\n";
        let utf16 = |le: bool| {
            let bom: [u8; 2] = if le { [0xFF, 0xFE] } else { [0xFE, 0xFF] };
            let units = text.encode_utf16().flat_map(|u| if le { u.to_le_bytes() } else { u.to_be_bytes() });
            bom.into_iter().chain(units).collect::<Vec<u8>>()
        };
        let utf8 = [&[0xEF, 0xBB, 0xBF][..], text.as_bytes()].concat();
        // Cut after a last odd byte, inside the emoji's surrogate pair, inside a UTF-8 character.
        let emoji16 = 2 + 2 * text[..text.find('😀').unwrap()].encode_utf16().count();
        let emoji8 = 3 + text.find('😀').unwrap();
        for (bytes, cut, encoding) in [
            (utf16(true), utf16(true).len() - 1, "UTF-16LE"),
            (utf16(false), utf16(false).len() - 1, "UTF-16BE"),
            (utf16(true), emoji16 + 2, "UTF-16LE"),
            (utf16(false), emoji16 + 3, "UTF-16BE"),
            (utf8.clone(), emoji8 + 2, "UTF-8"),
        ] {
            let bytes = &bytes[..cut];
            let why = decode("f.csv", bytes).unwrap_err();
            assert_eq!(why, ImportError::CutShort { file: "f.csv".into(), encoding }, "{encoding} cut at {cut}");
            // Read in slices, as the parse worker reads, it is told alike.
            for slice in [1, 3, 64] {
                let sliced = crate::ingest::read_in_slices(
                    "f.csv",
                    bytes,
                    slice,
                    crate::ingest::ReadOptions::new(crate::ingest::DatasetKind::Deals),
                );
                assert_eq!(sliced.unwrap_err(), why, "{encoding} cut at {cut}, slices of {slice}");
            }
        }
    }

    #[test]
    fn utf8_without_a_bom_cut_inside_a_character_is_told_so_not_read_in_another_code_page() {
        let read = |bytes: &[u8]| {
            let whole = decode("f.csv", bytes).map(|d| (d.text.into_owned(), d.encoding));
            for slice in [3, 4096] {
                let options = crate::ingest::ReadOptions::new(crate::ingest::DatasetKind::Deals);
                let sliced = crate::ingest::read_in_slices("f.csv", bytes, slice, options);
                match &whole {
                    Err(why) => assert_eq!(sliced.as_ref().err(), Some(why), "slices of {slice}"),
                    Ok((_, encoding)) => {
                        assert_eq!(sliced.map(|r| r.report.encoding).ok(), Some(*encoding), "slices of {slice}")
                    }
                }
            }
            whole
        };
        let cut = ImportError::CutShort { file: "f.csv".into(), encoding: "UTF-8" };
        let head = "deal_id,amount,stage,created_date,close_date,owner\n";
        let row = |i: usize, owner: &str| format!("D{i},10,Closed Won,2024-01-02,2024-02-01,{owner}\n");
        // Small (detected from the whole rest) and past the detector's sample (decoded as UTF-8
        // from its start, the cut found at the end).
        for rows in [2, 30_000] {
            let mut text: String = head.to_owned() + &(0..rows).map(|i| row(i, "Łukasz")).collect::<String>();
            text.push_str(&row(rows, "Zoë"));
            let bytes = text.as_bytes();
            let at = text.rfind('ë').unwrap() + 1;
            assert_eq!(read(&bytes[..at]), Err(cut.clone()), "{rows} rows");
            // Whole, it is UTF-8.
            assert_eq!(read(bytes).map(|(_, e)| e), Ok("UTF-8"), "{rows} rows");
        }
        // A last byte past ASCII with none before it is a code page's character, not a cut.
        let cafe = [head.as_bytes(), b"D1,10,Closed Won,2024-01-02,2024-02-01,Caf\xE9"].concat();
        let (text, encoding) = read(&cafe).unwrap();
        assert!(text.ends_with("Café") && encoding != "UTF-8", "{encoding}");
        // Nor is a file whose bytes are no UTF-8 before its end.
        let cp1250 = [
            head.as_bytes(),
            b"D1,10,Closed Won,2024-01-02,2024-02-01,\xA3ukasz\nD2,10,Closed Won,2024-01-02,2024-02-01,Zo\xC3",
        ]
        .concat();
        assert!(read(&cp1250).is_ok());
    }

    #[test]
    fn recognises_files_that_are_not_csv() {
        assert!(matches!(decode("f", b""), Err(ImportError::Empty { .. })));
        assert!(matches!(decode("f", b" \r\n "), Err(ImportError::Empty { .. })));
        assert!(matches!(decode("f", b"PK\x03\x04rest"), Err(ImportError::Spreadsheet { .. })));
        assert!(matches!(decode("f", b"[{\"a\":1}]"), Err(ImportError::Json { .. })));
        assert!(matches!(decode("f", &[1, 2, 3, 4, 5, 6, 7, 8, 0, 0, 0]), Err(ImportError::Binary { .. })));
    }
}
