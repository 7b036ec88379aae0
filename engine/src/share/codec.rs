//! base64url: the text form of a link's bytes. (Compression is the browser's own
//! `CompressionStream`, raw deflate.)

use super::ShareError;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

/// The most a link's data may unpack to: a guard against a link that inflates to gigabytes.
pub const MAX_UNPACKED: usize = 64 << 20;

/// Writes `bytes` in the URL-safe base64 alphabet, without padding: safe in a fragment as is.
pub fn encode(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

/// Undoes [`encode`].
pub fn decode(text: &str) -> Result<Vec<u8>, ShareError> {
    URL_SAFE_NO_PAD.decode(text.trim()).map_err(|_| ShareError::NotBase64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_in_the_url_safe_alphabet() {
        let bytes: Vec<u8> = (0..=255).collect();
        let text = encode(&bytes);
        assert!(text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'), "{text}");
        assert_eq!(decode(&text).unwrap(), bytes);
        assert_eq!(decode(""), Ok(vec![]));
    }

    #[test]
    fn damaged_text_is_an_error_not_a_panic() {
        assert_eq!(decode("not base64!"), Err(ShareError::NotBase64));
        assert_eq!(decode("A"), Err(ShareError::NotBase64));
    }
}
