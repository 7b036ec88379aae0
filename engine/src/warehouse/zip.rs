//! A ZIP archive of a few files, stored without compression: how the app hands over the kit
//! (the script and its data files) as one download. Only what any unzip reads: no ZIP64, so
//! each file and the whole archive stay under 4 GiB; names are UTF-8 (flag bit 11); every file
//! is dated 1980-01-01, the earliest date ZIP can write, so the same kit gives the same bytes.

/// Why the archive cannot be written.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ZipError {
    /// A file, or the archive, would pass the 4 GiB plain ZIP can describe.
    #[error("{0} is larger than the 4 GiB a ZIP archive without ZIP64 can hold")]
    TooLarge(String),
    /// More files than plain ZIP can count.
    #[error("more than 65535 files")]
    TooMany,
}

/// The CRC-32 (IEEE, as ZIP and gzip use it) lookup table.
const CRC_TABLE: [u32; 256] = {
    let mut table = [0u32; 256];
    let mut n = 0;
    while n < 256 {
        let mut c = n as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 == 1 { 0xEDB8_8320 ^ (c >> 1) } else { c >> 1 };
            k += 1;
        }
        table[n] = c;
        n += 1;
    }
    table
};

/// The CRC-32 of `bytes`.
pub fn crc32(bytes: &[u8]) -> u32 {
    !bytes.iter().fold(!0u32, |c, &b| CRC_TABLE[((c ^ b as u32) & 0xFF) as usize] ^ (c >> 8))
}

/// 1980-01-01 in MS-DOS date format (day 1, month 1, year 0).
const DOS_DATE: u16 = (1 << 5) | 1;
/// Names are UTF-8.
const UTF8_NAMES: u16 = 1 << 11;

fn u16le(out: &mut Vec<u8>, v: u16) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn u32le(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn size(what: &str, n: usize) -> Result<u32, ZipError> {
    u32::try_from(n).map_err(|_| ZipError::TooLarge(what.to_owned()))
}

/// A ZIP archive holding `files` (name, bytes) in order, uncompressed.
///
/// ```
/// let zip = pipelens_engine::warehouse::zip::stored_zip(&[("a.txt", b"hi".as_slice())]).unwrap();
/// assert_eq!(&zip[..4], b"PK\x03\x04");
/// ```
pub fn stored_zip(files: &[(&str, &[u8])]) -> Result<Vec<u8>, ZipError> {
    let count = u16::try_from(files.len()).map_err(|_| ZipError::TooMany)?;
    let total: usize = files.iter().map(|(n, b)| 30 + 46 + 2 * n.len() + b.len()).sum();
    let mut out = Vec::with_capacity(total + 22);
    let mut central = Vec::new();
    for (name, bytes) in files {
        let offset = size("the archive", out.len())?;
        let (crc, len, name_len) = (
            crc32(bytes),
            size(name, bytes.len())?,
            u16::try_from(name.len()).map_err(|_| ZipError::TooLarge((*name).to_owned()))?,
        );
        // Local file header.
        u32le(&mut out, 0x0403_4b50);
        for v in [20, UTF8_NAMES, 0, 0, DOS_DATE] {
            u16le(&mut out, v);
        }
        for v in [crc, len, len] {
            u32le(&mut out, v);
        }
        u16le(&mut out, name_len);
        u16le(&mut out, 0);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(bytes);
        // Its central directory entry.
        u32le(&mut central, 0x0201_4b50);
        for v in [20, 20, UTF8_NAMES, 0, 0, DOS_DATE] {
            u16le(&mut central, v);
        }
        for v in [crc, len, len] {
            u32le(&mut central, v);
        }
        for v in [name_len, 0, 0, 0, 0] {
            u16le(&mut central, v);
        }
        u32le(&mut central, 0);
        u32le(&mut central, offset);
        central.extend_from_slice(name.as_bytes());
    }
    let (cd_offset, cd_size) = (size("the archive", out.len())?, size("the archive", central.len())?);
    size("the archive", out.len() + central.len() + 22)?;
    out.extend_from_slice(&central);
    u32le(&mut out, 0x0605_4b50);
    for v in [0, 0, count, count] {
        u16le(&mut out, v);
    }
    u32le(&mut out, cd_size);
    u32le(&mut out, cd_offset);
    u16le(&mut out, 0);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_matches_the_standard_check_values() {
        for (input, want) in [
            (&b""[..], 0),
            (b"a", 0xE8B7_BE43),
            (b"123456789", 0xCBF4_3926),
            (b"The quick brown fox jumps over the lazy dog", 0x414F_A339),
        ] {
            assert_eq!(crc32(input), want, "{:?}", String::from_utf8_lossy(input));
        }
    }

    /// Reads the archive back by its central directory, as an unzip does.
    fn unzip(zip: &[u8]) -> Vec<(String, Vec<u8>)> {
        let le16 = |at: usize| u16::from_le_bytes([zip[at], zip[at + 1]]) as usize;
        let le32 = |at: usize| u32::from_le_bytes(zip[at..at + 4].try_into().unwrap()) as usize;
        let end = zip.len() - 22;
        assert_eq!(le32(end), 0x0605_4b50);
        let (count, mut at) = (le16(end + 10), le32(end + 16));
        let mut files = Vec::new();
        for _ in 0..count {
            assert_eq!(le32(at), 0x0201_4b50);
            let (crc, len, name_len, local) = (le32(at + 16), le32(at + 24), le16(at + 28), le32(at + 42));
            let name = String::from_utf8(zip[at + 46..at + 46 + name_len].to_vec()).unwrap();
            assert_eq!(le32(local), 0x0403_4b50);
            let data_at = local + 30 + le16(local + 26) + le16(local + 28);
            let data = zip[data_at..data_at + len].to_vec();
            assert_eq!(crc32(&data) as usize, crc);
            files.push((name, data));
            at += 46 + name_len;
        }
        files
    }

    #[test]
    fn files_read_back_in_order() {
        let files: [(&str, &[u8]); 3] =
            [("kit.sql", b"SELECT 1;\n"), ("empty.csv", b""), ("zoë.csv", "名,1\n".as_bytes())];
        let zip = stored_zip(&files).unwrap();
        let back = unzip(&zip);
        assert_eq!(back.len(), 3);
        for ((name, data), (want_name, want_data)) in back.iter().zip(files) {
            assert_eq!((name.as_str(), data.as_slice()), (want_name, want_data));
        }
        assert_eq!(stored_zip(&files).unwrap(), zip, "the same files give the same bytes");
        assert_eq!(unzip(&stored_zip(&[]).unwrap()).len(), 0);
    }

    proptest::proptest! {
        #[test]
        fn any_files_read_back(files in proptest::collection::vec(("[a-z]{1,8}\\.csv", proptest::collection::vec(0u8.., 0..300)), 0..6)) {
            let refs: Vec<(&str, &[u8])> = files.iter().map(|(n, b)| (n.as_str(), b.as_slice())).collect();
            let back = unzip(&stored_zip(&refs).unwrap());
            proptest::prop_assert_eq!(back, files);
        }
    }
}
