//! Bytes to text: byte-order marks, UTF-8, UTF-16 and the Windows-1252 fallback, plus the
//! recognisable non-CSV files (Excel, JSON, binary) that deserve their own message.

use crate::error::ImportError;
use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};
use std::borrow::Cow;

/// The text of a file and the encoding it was read with.
#[derive(Debug)]
pub struct Decoded<'a> {
    /// The file's text, without a byte-order mark.
    pub text: Cow<'a, str>,
    /// Name of the encoding used (`UTF-8`, `UTF-16LE`, `windows-1252`, ...).
    pub encoding: &'static str,
}

/// Decodes a file's bytes, or says why they are not a CSV file.
pub fn decode<'a>(file: &str, bytes: &'a [u8]) -> Result<Decoded<'a>, ImportError> {
    let file = file.to_owned();
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(ImportError::Empty { file });
    }
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(ImportError::Spreadsheet { file });
    }
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        if had_errors {
            return Err(ImportError::Binary { file });
        }
        return Ok(Decoded { text, encoding: encoding.name() });
    }
    let head = &bytes[..bytes.len().min(4096)];
    if looks_binary(head) {
        return Err(ImportError::Binary { file });
    }
    let first = bytes.iter().find(|b| !b.is_ascii_whitespace()).copied();
    if matches!(first, Some(b'{') | Some(b'[')) {
        return Err(ImportError::Json { file });
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Decoded { text: Cow::Borrowed(text), encoding: UTF_8.name() }),
        Err(_) => {
            // Not UTF-8: the usual culprit is a spreadsheet saved as "CSV" on Windows.
            let (text, _, _) = WINDOWS_1252.decode(bytes);
            Ok(Decoded { text, encoding: WINDOWS_1252.name() })
        }
    }
}

/// Many control bytes (other than tab, CR, LF and the odd NUL) mean this is no text file.
fn looks_binary(head: &[u8]) -> bool {
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

    #[test]
    fn falls_back_to_windows_1252() {
        let d = decode("f.csv", b"name\nM\xFCller\n").unwrap();
        assert_eq!((d.text.as_ref(), d.encoding), ("name\nMüller\n", "windows-1252"));
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
