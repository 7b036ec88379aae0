//! Which code page a file without a byte-order mark is written in, decided from a sample that
//! starts at its first byte past ASCII (ASCII reads the same in every candidate, so it is no
//! evidence): UTF-8 when the sample is valid UTF-8, else the guess of `chardetng`, Firefox's
//! detector, with a confidence of its own measure (see [`detect`]).

use super::codepage::{CodePage, Confidence, Detection};

/// At most this many bytes from the first byte past ASCII are looked at: enough for a detector
/// to be sure, and held back only while the start of a file is read.
pub const SAMPLE_BYTES: usize = 1 << 20;

/// Below this many bytes past ASCII a legacy guess stays [`Confidence::Low`]: a few accented
/// letters fit several code pages equally.
#[cfg(feature = "codepages")]
const MIN_EVIDENCE: usize = 8;

/// The code page of a file whose bytes past ASCII start with `sample` (`end`: the sample runs
/// to the end of the file). `utf8` says whether UTF-8 is still possible (it is not when a
/// later part of the file was not UTF-8). Only the first [`SAMPLE_BYTES`] are looked at.
///
/// UTF-8 when the sample is valid UTF-8 (a character cut at its end is fine unless `end`);
/// otherwise the legacy code page `chardetng` guesses without a top-level-domain hint, with
/// [`Confidence::High`] only when there are at least a few bytes past ASCII, the sample decodes
/// without a byte that is no character, and none of the hints for the languages whose code
/// pages compete (Polish, Czech, German, Chinese, Taiwanese, Japanese, Russian, Greek, Turkish)
/// would change the guess.
pub fn detect(sample: &[u8], end: bool, utf8: bool) -> Detection {
    let (sample, end) = match sample.get(..SAMPLE_BYTES) {
        Some(cut) if cut.len() < sample.len() => (cut, false),
        _ => (sample, end),
    };
    if utf8 && valid_utf8(sample, end) {
        return Detection { code_page: CodePage::UTF_8, confidence: Confidence::High };
    }
    legacy(sample, end)
}

/// Whether `bytes` are UTF-8, allowing a character cut at the end unless `end`.
fn valid_utf8(bytes: &[u8], end: bool) -> bool {
    match super::utf8::check_utf8(bytes) {
        Ok(()) => true,
        Err((_, error_len)) => !end && error_len.is_none(),
    }
}

#[cfg(feature = "codepages")]
fn legacy(sample: &[u8], end: bool) -> Detection {
    use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
    // Hints for the languages whose code pages compete: each names the guess a reader from
    // there would get, and those are the alternatives the guess must read better than.
    const HINTS: [&[u8]; 12] = [b"pl", b"cz", b"hu", b"de", b"cn", b"tw", b"jp", b"kr", b"ru", b"gr", b"tr", b"il"];
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(sample, false);
    let going_on = detector.guess(None, Utf8Detection::Deny);
    detector.feed(&[], end);
    let mut guess = detector.guess(None, Utf8Detection::Deny);
    // A file cut inside its last character (a lead byte of GBK, Big5 or Shift_JIS at its very
    // end): told the sample ended there, the detector rules out the multi-byte code page every
    // other byte fits, and the whole file was read as Windows-1252. That code page is kept when
    // all but the cut character decodes in it; the cut character becomes U+FFFD when the file
    // is decoded, and the guess is of low confidence.
    if end && going_on != guess && !going_on.is_single_byte() && decodes_but_for_its_end(going_on, sample) {
        guess = going_on;
    }
    let code_page = CodePage::from_name(guess.name()).unwrap_or(CodePage::WINDOWS_1252);
    let evidence = sample.iter().filter(|b| !b.is_ascii()).count();
    // A character cut at the end of a sample that goes on is no fault of the guess.
    let sample = if end { sample } else { trim_partial(sample) };
    let (text, malformed) = guess.decode_without_bom_handling(sample);
    let score = super::lite_detect::score(&text);
    let unrivalled = HINTS.iter().all(|tld| {
        let other = detector.guess(Some(tld), Utf8Detection::Deny);
        let (other_text, other_malformed) = other.decode_without_bom_handling(sample);
        other == guess || other_malformed || other_text == text || super::lite_detect::score(&other_text) <= score
    });
    let confidence =
        if evidence >= MIN_EVIDENCE && !malformed && unrivalled { Confidence::High } else { Confidence::Low };
    Detection { code_page, confidence }
}

/// Whether `sample` reads in `encoding` with no byte that is no character, but for a character
/// cut at its end.
#[cfg(feature = "codepages")]
fn decodes_but_for_its_end(encoding: &'static encoding_rs::Encoding, sample: &[u8]) -> bool {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let room = decoder.max_utf8_buffer_length(sample.len()).unwrap_or(usize::MAX);
    let mut text = String::new();
    if text.try_reserve(room).is_err() {
        return false;
    }
    let (result, _, replaced) = decoder.decode_to_string(sample, &mut text, false);
    result == encoding_rs::CoderResult::InputEmpty && !replaced
}

/// `sample` without its last few bytes past ASCII (a multi-byte character may be cut there).
#[cfg(feature = "codepages")]
fn trim_partial(sample: &[u8]) -> &[u8] {
    let keep = sample.len().saturating_sub(3);
    sample.get(..keep).unwrap_or_default()
}

/// Without `chardetng` (the browser app keeps its wasm small): the candidate whose reading
/// through the decoders at hand reads most like words (see [`super::lite_detect`]).
#[cfg(not(feature = "codepages"))]
fn legacy(sample: &[u8], end: bool) -> Detection {
    super::lite_detect::detect(sample, end)
}

#[cfg(all(test, feature = "codepages"))]
mod tests {
    use super::*;

    fn encode(name: &str, text: &str) -> Vec<u8> {
        let encoding = encoding_rs::Encoding::for_label(name.as_bytes()).unwrap();
        let (bytes, _, unmappable) = encoding.encode(text);
        assert!(!unmappable, "{text} in {name}");
        bytes.into_owned()
    }

    #[test]
    fn utf8_wins_when_the_sample_is_utf8() {
        let d = detect("Żółć".as_bytes(), true, true);
        assert_eq!((d.code_page, d.confidence), (CodePage::UTF_8, Confidence::High));
        // Cut inside a character: still UTF-8 while the file goes on, not at its end.
        let cut = &"Żółć".as_bytes()[..3];
        assert_eq!(detect(cut, false, true).code_page, CodePage::UTF_8);
        assert_ne!(detect(cut, true, true).code_page, CodePage::UTF_8);
        // Not allowed any more: a legacy guess.
        assert_ne!(detect("Żółć".as_bytes(), true, false).code_page, CodePage::UTF_8);
    }

    #[test]
    fn a_few_accents_are_a_low_confidence_guess() {
        let d = detect(b"\xe9e,1\n", true, true);
        assert_eq!(d.confidence, Confidence::Low);
    }

    #[test]
    fn the_languages_of_our_users_are_recognised_with_high_confidence() {
        let cases = [
            ("windows-1250", "Łukasz Żółć;Grzegorz Brzęczyszczykiewicz;Wygrana;Zamknięta;Małgorzata Kowalczyk;Paweł Wiśniewski;Szczęsny Źdźbło;Jędrzej Ślązak\n"),
            ("gb18030", "负责人,金额,阶段,创建日期\n张伟,1000,赢单,2024-01-02\n王芳,2000,输单,2024-02-03\n李娜,1500,进行中,2024-03-04\n刘洋,3000,赢单,2024-04-05\n"),
            ("windows-1252", "Jürgen Größ;Björn Müller;Käthe Weiß;Günther Schäfer;Dörte Bräuer;Verantwortlicher;Gewonnen;Straße\n"),
            ("windows-1251", "Иван Петров,Мария Смирнова,Сергей Кузнецов,Выиграна,Проиграна,Ответственный\n"),
            ("Shift_JIS", "担当者,金額,段階\n山田太郎,1000,受注\n佐藤花子,2000,失注\n鈴木一郎,1500,商談中\nたなか,ひらがな,カタカナ\n"),
            ("Big5", "負責人,金額,階段\n陳大文,1000,贏單\n林美玲,2000,輸單\n黃志明,1500,進行中\n張家豪,3000,贏單\n"),
        ];
        for (name, text) in cases {
            let bytes = encode(name, text);
            let d = detect(&bytes, true, true);
            assert_eq!(d.code_page, CodePage::from_name(name).unwrap(), "{name}");
            assert_eq!(d.confidence, Confidence::High, "{name}");
        }
    }

    #[test]
    fn a_file_ending_in_a_whole_character_of_a_one_byte_code_page_is_no_cut_file() {
        // Fed as a file that goes on (a double-byte character may be cut at its end), the
        // detector guesses ISO-8859-2 for this one; a double-byte code page does not fit it.
        assert_eq!(detect(b"a,b,c\n1,2,3\n4,5,\xa9", true, true).code_page, CodePage::WINDOWS_1252);
    }

    proptest::proptest! {
        #[test]
        fn any_bytes_give_a_code_page(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..256), end: bool, utf8: bool) {
            let d = detect(&bytes, end, utf8);
            proptest::prop_assert!(utf8 || d.code_page != CodePage::UTF_8);
            proptest::prop_assert!(!d.code_page.is_utf16());
        }
    }
}
