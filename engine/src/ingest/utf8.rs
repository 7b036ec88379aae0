//! Checking that text is ASCII or UTF-8, fast where it is mostly ASCII: the standard
//! library's check reads four bytes at a time in wasm (it is built without wasm SIMD), these
//! read a block of 64 bytes as eight words.

/// Bytes [`ascii_len`] checks at once: eight words, or-ed together.
const ASCII_BLOCK: usize = 64;

/// Length of the ASCII start of `bytes`: [`ASCII_BLOCK`] bytes at a time, read as eight words
/// whose high bits are tested once (a few instructions a block, where a byte-by-byte search
/// took a tenth of a worker's parse), then byte by byte in the block past ASCII.
pub(crate) fn ascii_len(bytes: &[u8]) -> usize {
    let word = |b: &[u8]| b.try_into().map_or(u64::MAX, u64::from_le_bytes);
    let blocks = bytes
        .chunks_exact(ASCII_BLOCK)
        .take_while(|b| b.chunks_exact(8).fold(0, |a, w| a | word(w)) & 0x8080_8080_8080_8080 == 0)
        .count();
    let from = blocks * ASCII_BLOCK;
    let rest = bytes.get(from..).unwrap_or_default();
    from + rest.iter().position(|b| !b.is_ascii()).unwrap_or(rest.len())
}

/// Checks that `bytes` are UTF-8 as `std::str::from_utf8` does, answering its error's
/// `(valid_up_to, error_len)`. Runs of ASCII are skipped by [`ascii_len`]; only the bytes past
/// them, up to the next ASCII byte, go to the standard library, whose check reads four bytes at
/// a time in wasm: a German or Polish export, ASCII but for a name here and there, is checked
/// several times faster.
pub(crate) fn check_utf8(bytes: &[u8]) -> Result<(), (usize, Option<usize>)> {
    let mut at = 0;
    loop {
        at += ascii_len(bytes.get(at..).unwrap_or_default());
        let rest = bytes.get(at..).unwrap_or_default();
        if rest.is_empty() {
            return Ok(());
        }
        // An ASCII byte starts a character, so the run before it is checked on its own.
        let end = rest.iter().position(u8::is_ascii).unwrap_or(rest.len());
        if std::str::from_utf8(rest.get(..end).unwrap_or_default()).is_err() {
            // The error as a check of the whole rest reports it (the run may be cut short).
            return std::str::from_utf8(rest).map(|_| ()).map_err(|e| (at + e.valid_up_to(), e.error_len()));
        }
        at += end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// ASCII with characters, stray bytes and cut characters here and there: the check says
        /// what the standard library's does, to the byte.
        #[test]
        fn utf8_is_checked_as_the_standard_library_checks_it(
            pieces in proptest::collection::vec(
                prop_oneof![
                    "[a-z,0-9\n]{0,90}".prop_map(String::into_bytes),
                    "[äöüßłżźćńąęó€中文]{1,3}".prop_map(String::into_bytes),
                    proptest::collection::vec(0x80u8..=0xff, 1..3),
                    Just("€".as_bytes()[..2].to_vec()),
                ],
                0..12,
            ),
        ) {
            let bytes = pieces.concat();
            let std = std::str::from_utf8(&bytes).map(|_| ()).map_err(|e| (e.valid_up_to(), e.error_len()));
            prop_assert_eq!(check_utf8(&bytes), std);
        }

        #[test]
        fn the_ascii_start_is_found_wherever_the_first_other_byte_is(
            len in 0usize..200,
            at in 0usize..220,
            other in 0x80u8..=0xff,
        ) {
            let mut bytes: Vec<u8> = (0..len).map(|i| b' ' + (i % 90) as u8).collect();
            if let Some(b) = bytes.get_mut(at) {
                *b = other;
            }
            prop_assert_eq!(ascii_len(&bytes), bytes.iter().position(|b| !b.is_ascii()).unwrap_or(bytes.len()));
        }
    }
}
