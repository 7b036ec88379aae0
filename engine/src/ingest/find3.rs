//! Finding the first of three bytes in a text: the record splitter's hot loop (a cell ends at
//! a delimiter or a line break, a quoted cell at a quote or a line break). Cells are short, so
//! a search that starts quickly beats one that runs fast over long stretches: where the target
//! has 16-byte vectors in every build (SSE2 on x86-64, `simd128` in the browser's wasm build)
//! `memchr`'s inlined vector search for that target looks at 16 bytes at a time; elsewhere
//! plain `u64` arithmetic looks at eight ([`Needles::find_in_words`], tested on every target).

const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
const ONES: u64 = 0x0101_0101_0101_0101;

#[cfg(target_arch = "x86_64")]
type Vector = memchr::arch::x86_64::sse2::memchr::Three;
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
type Vector = memchr::arch::wasm32::simd128::memchr::Three;

/// Three bytes to look for.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Needles {
    bytes: [u8; 3],
    /// Each byte repeated over a word.
    words: [u64; 3],
    /// The target's vector search, where every build has one.
    #[cfg(any(target_arch = "x86_64", all(target_arch = "wasm32", target_feature = "simd128")))]
    vector: Option<Vector>,
}

impl Needles {
    /// Looks for `a`, `b` and `c`.
    pub(crate) fn new(a: u8, b: u8, c: u8) -> Needles {
        Needles {
            bytes: [a, b, c],
            words: [ONES * a as u64, ONES * b as u64, ONES * c as u64],
            #[cfg(any(target_arch = "x86_64", all(target_arch = "wasm32", target_feature = "simd128")))]
            vector: Vector::new(a, b, c),
        }
    }

    /// Whether `byte` is one of the three.
    #[inline(always)]
    pub(crate) fn is(&self, byte: u8) -> bool {
        byte == self.bytes[0] || byte == self.bytes[1] || byte == self.bytes[2]
    }

    /// The offset of the first of the three in `bytes` at or after `from`; `bytes.len()` when
    /// there is none (`from` when it is past the end).
    #[inline(always)]
    pub(crate) fn find(&self, bytes: &[u8], from: usize) -> usize {
        #[cfg(any(target_arch = "x86_64", all(target_arch = "wasm32", target_feature = "simd128")))]
        if let Some(vector) = &self.vector {
            let Some(rest) = bytes.get(from..) else { return from };
            return vector.find(rest).map_or(bytes.len(), |n| from + n);
        }
        self.find_in_words(bytes, from)
    }

    /// [`Needles::find`] eight bytes at a time with `u64` arithmetic.
    #[inline(always)]
    pub(crate) fn find_in_words(&self, bytes: &[u8], from: usize) -> usize {
        let mut i = from;
        while let Some(word) = bytes.get(i..).and_then(|rest| rest.first_chunk::<8>()) {
            let hits = self.hits(u64::from_le_bytes(*word));
            if hits != 0 {
                return i + (hits.trailing_zeros() / 8) as usize;
            }
            i += 8;
        }
        while let Some(&b) = bytes.get(i) {
            if self.is(b) {
                return i;
            }
            i += 1;
        }
        bytes.len().max(from)
    }

    /// The high bit of every byte of `word` that is one of the three (exact: no carries
    /// between bytes).
    #[inline(always)]
    fn hits(&self, word: u64) -> u64 {
        zero_bytes(word ^ self.words[0]) | zero_bytes(word ^ self.words[1]) | zero_bytes(word ^ self.words[2])
    }
}

/// The high bit of every zero byte of `x`.
#[inline(always)]
const fn zero_bytes(x: u64) -> u64 {
    !(((x & LOW7).wrapping_add(LOW7)) | x | LOW7)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Texts where the first of `,`, `\n` and `\r` from a start is known: (text, from, first).
    /// Every search for three bytes is held to them (see also `split::blocks`).
    pub(crate) const FIRST_OF_THREE: [(&[u8], usize, usize); 8] = [
        (b"", 0, 0),
        (b"abc", 0, 3),
        (b"abc,", 0, 3),
        (b"abcdefghijklmnop\nq", 0, 16),
        (b"abcdefgh,ijk", 3, 8),
        (b",,,", 1, 1),
        (b"\xc3\xa9\xe4\xb8\xad\x80\xff\x7f\x01\r", 0, 9),
        (b"abc", 5, 5),
    ];

    #[test]
    fn finds_the_first_of_three_bytes_from_any_start() {
        let needles = Needles::new(b',', b'\n', b'\r');
        for (text, from, want) in FIRST_OF_THREE {
            assert_eq!(needles.find(text, from), want, "{text:?} from {from}");
            assert_eq!(needles.find_in_words(text, from), want, "{text:?} from {from}");
        }
    }

    proptest::proptest! {
        /// The vector and the word-at-a-time searches find what a byte-by-byte one finds.
        #[test]
        fn agrees_with_a_bytewise_search(
            text in proptest::collection::vec(proptest::sample::select(b"a,;\t\"\r\n \x80\xff\x0c\x2d".to_vec()), 0..120),
            from in 0usize..130,
            which in 0usize..3,
        ) {
            let delimiter = [b',', b';', b'\t'][which];
            let needles = Needles::new(delimiter, b'\n', b'\r');
            let want = text.iter().enumerate().skip(from).find(|(_, &b)| b == delimiter || b == b'\n' || b == b'\r')
                .map_or(text.len().max(from), |(i, _)| i);
            proptest::prop_assert_eq!(needles.find(&text, from), want);
            proptest::prop_assert_eq!(needles.find_in_words(&text, from), want);
        }
    }
}
