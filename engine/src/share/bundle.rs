//! The loaded files in one blob: a small JSON header naming each file, its dataset, its
//! columns and date order, then the files' bytes one after another, exactly as they were
//! loaded, so the receiver reads them the same way and sees the same numbers.
//!
//! Layout: `PLB` + format byte (1), the header's length (u32, little-endian), the header, the
//! bytes.

use super::ShareError;
use crate::ingest::{DatasetKind, DateOrder};
use serde::{Deserialize, Serialize};

const MAGIC: &[u8; 3] = b"PLB";
const FORMAT: u8 = 1;

/// A loaded file as a link carries it.
#[derive(Clone, Debug, PartialEq)]
pub struct BundledFile {
    /// The file's name.
    pub name: String,
    /// The dataset it was read as.
    pub kind: DatasetKind,
    /// The column of each field of `kind.fields()`.
    pub mapping: Vec<Option<usize>>,
    /// The answer for ambiguous all-numeric dates, if the user gave one.
    pub date_order: Option<DateOrder>,
    /// The file's bytes.
    pub bytes: Vec<u8>,
}

/// The header entry of a file: everything but its bytes, and their length.
#[derive(Serialize, Deserialize)]
struct Entry {
    name: String,
    kind: DatasetKind,
    mapping: Vec<Option<usize>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    date_order: Option<DateOrder>,
    len: usize,
}

/// Writes the files into one blob.
pub fn write(files: &[BundledFile]) -> Vec<u8> {
    let entries: Vec<Entry> = files
        .iter()
        .map(|f| Entry {
            name: f.name.clone(),
            kind: f.kind,
            mapping: f.mapping.clone(),
            date_order: f.date_order,
            len: f.bytes.len(),
        })
        .collect();
    // Serialising plain strings, numbers and enums cannot fail.
    let header = serde_json::to_vec(&entries).unwrap_or_default();
    let body: usize = files.iter().map(|f| f.bytes.len()).sum();
    let mut out = Vec::with_capacity(8 + header.len() + body);
    out.extend_from_slice(MAGIC);
    out.push(FORMAT);
    out.extend_from_slice(&(header.len() as u32).to_le_bytes());
    out.extend_from_slice(&header);
    for f in files {
        out.extend_from_slice(&f.bytes);
    }
    out
}

/// Reads a blob written by [`write`].
pub fn read(blob: &[u8]) -> Result<Vec<BundledFile>, ShareError> {
    if blob.len() < 8 || &blob[..3] != MAGIC {
        return Err(ShareError::Corrupt);
    }
    if blob[3] != FORMAT {
        return Err(ShareError::NewerFormat(blob[3]));
    }
    let header_len = u32::from_le_bytes([blob[4], blob[5], blob[6], blob[7]]) as usize;
    let header = blob.get(8..8usize.saturating_add(header_len)).ok_or(ShareError::Corrupt)?;
    let header = std::str::from_utf8(header).map_err(|_| ShareError::Corrupt)?;
    let entries: Vec<Entry> = serde_json::from_str(header).map_err(|_| ShareError::Corrupt)?;
    let mut rest = &blob[8 + header_len..];
    let mut files = Vec::with_capacity(entries.len());
    for Entry { name, kind, mapping, date_order, len } in entries {
        if len > rest.len() {
            return Err(ShareError::Corrupt);
        }
        let (bytes, tail) = rest.split_at(len);
        rest = tail;
        files.push(BundledFile { name, kind, mapping, date_order, bytes: bytes.to_vec() });
    }
    if !rest.is_empty() {
        return Err(ShareError::Corrupt);
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn files() -> Vec<BundledFile> {
        vec![
            BundledFile {
                name: "deals ✓.csv".into(),
                kind: DatasetKind::Deals,
                mapping: vec![Some(0), None, Some(2)],
                date_order: Some(DateOrder::DayFirst),
                bytes: b"id,amount\n1,2\n".to_vec(),
            },
            BundledFile {
                name: "leads.csv".into(),
                kind: DatasetKind::Leads,
                mapping: vec![Some(1)],
                date_order: None,
                bytes: vec![0xff, 0xfe, 0, 1],
            },
        ]
    }

    #[test]
    fn files_round_trip_byte_for_byte() {
        assert_eq!(read(&write(&files())).unwrap(), files());
        assert_eq!(read(&write(&[])).unwrap(), vec![]);
    }

    #[test]
    fn damaged_bundles_are_refused() {
        let blob = write(&files());
        assert_eq!(read(&blob[..blob.len() - 1]), Err(ShareError::Corrupt));
        assert_eq!(read(&[blob.as_slice(), b"x"].concat()), Err(ShareError::Corrupt));
        assert_eq!(read(b"PLB\x07\0\0\0\0"), Err(ShareError::NewerFormat(7)));
        assert_eq!(read(b"zip"), Err(ShareError::Corrupt));
    }

    proptest! {
        #[test]
        fn any_bytes_read_without_panic(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
            let _ = read(&bytes);
            let mut framed = b"PLB\x01".to_vec();
            framed.extend_from_slice(&bytes);
            let _ = read(&framed);
        }
    }
}
