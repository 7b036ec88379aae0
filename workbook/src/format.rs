//! Which kind of workbook a file is, from its bytes (the name can lie; the bytes cannot).

use crate::error::WorkbookError;

/// The start of every zip archive (`.xlsx`, `.xlsm`, `.xlsb`, `.ods`).
const ZIP: &[u8] = b"PK\x03\x04";
/// The start of every OLE compound file (`.xls`, and any password-protected Office file).
const OLE: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
/// An OpenDocument spreadsheet's `mimetype` entry, stored uncompressed near the start.
const ODS_MIME: &[u8] = b"application/vnd.oasis.opendocument.spreadsheet";
/// The entry only a binary Excel workbook (`.xlsb`) has.
const XLSB_ENTRY: &[u8] = b"xl/workbook.bin";
/// The stream an encrypted Office Open XML file keeps its contents in (names are UTF-16LE).
const ENCRYPTED: &str = "EncryptedPackage";

/// A workbook format calamine reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Office Open XML (`.xlsx`, `.xlsm`).
    Xlsx,
    /// Binary Excel 2007+ (`.xlsb`).
    Xlsb,
    /// Excel 97–2003 (`.xls`).
    Xls,
    /// OpenDocument spreadsheet (`.ods`).
    Ods,
}

impl Format {
    /// The format of `bytes`; an encrypted Office file (an OLE container holding an
    /// `EncryptedPackage` stream) is [`WorkbookError::Encrypted`], anything else that is
    /// neither zip nor OLE is [`WorkbookError::NotAWorkbook`].
    pub fn sniff(bytes: &[u8]) -> Result<Format, WorkbookError> {
        if bytes.starts_with(ZIP) {
            let head = &bytes[..bytes.len().min(200)];
            Ok(if contains(head, ODS_MIME) {
                Format::Ods
            } else if contains(bytes, XLSB_ENTRY) {
                Format::Xlsb
            } else {
                Format::Xlsx
            })
        } else if bytes.starts_with(OLE) {
            let utf16: Vec<u8> = ENCRYPTED.encode_utf16().flat_map(u16::to_le_bytes).collect();
            if contains(bytes, &utf16) {
                Err(WorkbookError::Encrypted)
            } else {
                Ok(Format::Xls)
            }
        } else {
            Err(WorkbookError::NotAWorkbook)
        }
    }

    /// Whether a file name's extension names a workbook this crate reads.
    pub fn named(file: &str) -> bool {
        let lower = file.to_ascii_lowercase();
        [".xlsx", ".xlsm", ".xlsb", ".xls", ".ods"].iter().any(|ext| lower.ends_with(ext))
    }
}

/// Whether `needle` occurs in `haystack`.
fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty() && haystack.windows(needle.len()).any(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_told_by_their_bytes() {
        let mut ods = ZIP.to_vec();
        ods.extend_from_slice(b"\0\0\0\0mimetype");
        ods.extend_from_slice(ODS_MIME);
        let mut xlsb = ZIP.to_vec();
        xlsb.extend_from_slice(b"....xl/workbook.bin....");
        let mut xls = OLE.to_vec();
        xls.extend_from_slice(&[0; 64]);
        let mut encrypted = OLE.to_vec();
        encrypted.extend(ENCRYPTED.encode_utf16().flat_map(u16::to_le_bytes));
        let cases: Vec<(&[u8], Result<Format, WorkbookError>)> = vec![
            (b"PK\x03\x04[Content_Types].xml", Ok(Format::Xlsx)),
            (&ods, Ok(Format::Ods)),
            (&xlsb, Ok(Format::Xlsb)),
            (&xls, Ok(Format::Xls)),
            (&encrypted, Err(WorkbookError::Encrypted)),
            (b"id,name\n1,a\n", Err(WorkbookError::NotAWorkbook)),
            (b"", Err(WorkbookError::NotAWorkbook)),
            (b"PK", Err(WorkbookError::NotAWorkbook)),
        ];
        for (bytes, want) in cases {
            assert_eq!(Format::sniff(bytes), want, "{:?}", String::from_utf8_lossy(&bytes[..bytes.len().min(12)]));
        }
    }

    #[test]
    fn workbook_names() {
        for (name, is) in [("deals.xlsx", true), ("Q1.XLS", true), ("a.xlsm", true), ("b.ods", true), ("c.xlsb", true)]
            .into_iter()
            .chain([("deals.csv", false), ("xlsx", false), ("notes.txt", false)])
        {
            assert_eq!(Format::named(name), is, "{name}");
        }
    }
}
