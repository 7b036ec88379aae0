//! Deflate and base64url: the two steps between bytes and the text of a link.

use super::ShareError;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

/// The most a link's data may unpack to: a guard against a link that inflates to gigabytes.
pub const MAX_UNPACKED: usize = 64 << 20;

/// Compresses `bytes` with raw deflate at the best level.
pub fn deflate(bytes: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec(bytes, 9)
}

/// Undoes [`deflate`], refusing output over [`MAX_UNPACKED`].
pub fn inflate(bytes: &[u8]) -> Result<Vec<u8>, ShareError> {
    use miniz_oxide::inflate::TINFLStatus;
    miniz_oxide::inflate::decompress_to_vec_with_limit(bytes, MAX_UNPACKED).map_err(|e| match e.status {
        TINFLStatus::HasMoreOutput => ShareError::TooLarge,
        _ => ShareError::Corrupt,
    })
}

/// Writes `bytes` in the URL-safe base64 alphabet, without padding: safe in a fragment as is.
pub fn encode(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

/// Undoes [`encode`].
pub fn decode(text: &str) -> Result<Vec<u8>, ShareError> {
    URL_SAFE_NO_PAD.decode(text.trim()).map_err(|_| ShareError::NotBase64)
}

/// `bytes` deflated and encoded: the text a link carries.
pub fn pack(bytes: &[u8]) -> String {
    encode(&deflate(bytes))
}

/// Undoes [`pack`].
pub fn unpack(text: &str) -> Result<Vec<u8>, ShareError> {
    inflate(&decode(text)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packs_and_unpacks() {
        let csv = "deal_id,amount\n".to_owned() + &"D-1,100.50\n".repeat(1000);
        let text = pack(csv.as_bytes());
        assert!(text.len() < csv.len() / 10, "{} of {}", text.len(), csv.len());
        assert!(text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'), "{text}");
        assert_eq!(unpack(&text).unwrap(), csv.as_bytes());
        assert_eq!(unpack(&pack(b"")).unwrap(), b"");
    }

    #[test]
    fn a_damaged_link_is_an_error_not_a_panic() {
        let text = pack(&b"x".repeat(10_000));
        assert_eq!(unpack("not base64!"), Err(ShareError::NotBase64));
        assert_eq!(unpack(&text[..text.len() / 8 * 4]), Err(ShareError::Corrupt));
        assert_eq!(unpack("AAAA"), Err(ShareError::Corrupt));
    }

    #[test]
    fn a_link_that_inflates_too_far_is_refused() {
        let bomb = deflate(&vec![0u8; MAX_UNPACKED + 1]);
        assert!(bomb.len() < 100_000);
        assert_eq!(inflate(&bomb), Err(ShareError::TooLarge));
    }
}
