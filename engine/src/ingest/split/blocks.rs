//! Where a record's cells end, 64 bytes at a time: which bytes of a block are a delimiter or a
//! line break, as the bits of one word, and a cursor that walks those bits cell by cell.
//!
//! Searching for each cell's end on its own (a vector search from the cell's first byte) makes
//! every cell wait for the one before it: load, compare, find the first hit, and only then
//! the next cell's load. Here a block's mask depends only on where the block starts, so the
//! masks of a row are worked out side by side and each cell's end is one bit away: the record
//! splitter went from about 61 to about 44 ns a row (1M-row peer file, natively, as perf samples it).

/// Bytes one mask covers.
pub(crate) const BLOCK: usize = 64;

/// The bits of the bytes of `block` equal to one of `needles` (bit `i` for `block[i]`), with
/// the browser build's 128-bit vectors (`simd128`): a compare per needle and a `bitmask` for
/// each 16 bytes.
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
#[inline(always)]
pub(crate) fn mask(block: &[u8; BLOCK], needles: [u8; 3]) -> u64 {
    use core::arch::wasm32::{u64x2, u8x16_bitmask, u8x16_eq, u8x16_splat, v128_or};
    // A `#[target_feature]` function is no closure: each needle is splat by a call.
    let [a, b, c] = needles.map(|n| u8x16_splat(n));
    let mut mask = 0u64;
    for (k, sixteen) in block.chunks_exact(16).enumerate() {
        let word = |w: Option<&[u8; 8]>| w.map_or(0, |w| u64::from_le_bytes(*w));
        let v = u64x2(word(sixteen.first_chunk::<8>()), word(sixteen.last_chunk::<8>()));
        let hits = v128_or(v128_or(u8x16_eq(v, a), u8x16_eq(v, b)), u8x16_eq(v, c));
        mask |= u64::from(u8x16_bitmask(hits)) << (16 * k);
    }
    mask
}

/// The bits of the bytes of `block` equal to one of `needles` (bit `i` for `block[i]`),
/// without explicit vectors: a byte per hit (0 or 1), which the compiler turns into vector
/// compares where the target has them (SSE2 on x86-64), then each eight of them gathered into
/// eight bits by one multiplication.
#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
#[inline(always)]
pub(crate) fn mask(block: &[u8; BLOCK], needles: [u8; 3]) -> u64 {
    let mut hits = [0u8; BLOCK];
    for (hit, &b) in hits.iter_mut().zip(block) {
        *hit = u8::from((b == needles[0]) | (b == needles[1]) | (b == needles[2]));
    }
    let mut mask = 0u64;
    for (k, eight) in hits.chunks_exact(8).enumerate() {
        let word = eight.first_chunk::<8>().map_or(0, |w| u64::from_le_bytes(*w));
        mask |= gather(word) << (8 * k);
    }
    mask
}

/// The low bits of eight bytes that are each 0 or 1, as eight bits (byte `i` to bit `i`): the
/// multiplication adds every byte, shifted to its bit, into the top byte without carries.
#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
#[inline(always)]
fn gather(bytes01: u64) -> u64 {
    bytes01.wrapping_mul(0x0102_0408_1020_4080) >> 56
}

/// A walk over one text's cell ends: the mask of the block it is in, found again only when a
/// search leaves that block. A cursor serves one run of text (it knows nothing of its bytes
/// but the mask), so a reader makes a new one per record.
///
/// A search that starts right after the last hit (the next cell of a row) takes the next bit
/// and clears it: one step from one cell's end to the next, with nothing shifted by where the
/// cell starts.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Cursor {
    needles: [u8; 3],
    /// Offset of the block's first byte.
    start: usize,
    /// Its bytes that are needles (none past the text's end).
    mask: u64,
    /// Just past the last hit (`usize::MAX` before the first), and the mask's bits from there.
    after: usize,
    rest: u64,
}

impl Cursor {
    /// A cursor for `needles`, with no block yet.
    #[inline(always)]
    pub(crate) fn new(needles: [u8; 3]) -> Cursor {
        // No block: `start` is past any text, so the first search loads one.
        Cursor { needles, start: usize::MAX, mask: 0, after: usize::MAX, rest: 0 }
    }

    /// Makes the block at `start` of `bytes` the current one.
    #[inline(always)]
    fn load(&mut self, bytes: &[u8], start: usize) {
        self.start = start;
        let rest = bytes.get(start..).unwrap_or_default();
        self.mask = match rest.first_chunk::<BLOCK>() {
            Some(block) => mask(block, self.needles),
            None => {
                // The text's last bytes: padded, and the padding's bits cleared.
                let mut block = [0u8; BLOCK];
                if let Some(head) = block.get_mut(..rest.len()) {
                    head.copy_from_slice(rest);
                }
                mask(&block, self.needles) & ((1u64 << rest.len()) - 1)
            }
        };
    }

    /// The offset of the first needle in `bytes` at or after `from`; `bytes.len()` when there
    /// is none (`from` when it is past the end): what [`crate::ingest::find3::Needles::find`]
    /// answers.
    #[inline(always)]
    pub(crate) fn find(&mut self, bytes: &[u8], from: usize) -> usize {
        if from >= bytes.len() {
            return from.max(bytes.len());
        }
        let mut rest = if from == self.after {
            self.rest
        } else {
            if from < self.start || from - self.start >= BLOCK {
                self.load(bytes, from);
            }
            self.mask & u64::MAX.checked_shl(from.saturating_sub(self.start) as u32).unwrap_or(0)
        };
        // Bounded: each turn moves a block on, and the text ends.
        loop {
            if rest != 0 {
                let hit = self.start + rest.trailing_zeros() as usize;
                self.rest = rest & (rest - 1);
                self.after = hit + 1;
                return hit;
            }
            let next = self.start + BLOCK;
            if next >= bytes.len() {
                self.after = usize::MAX;
                return bytes.len();
            }
            self.load(bytes, next);
            rest = self.mask;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The bits a byte-by-byte look gives.
    fn bytewise(block: &[u8; BLOCK], needles: [u8; 3]) -> u64 {
        block.iter().enumerate().filter(|(_, b)| needles.contains(b)).fold(0, |m, (i, _)| m | 1 << i)
    }

    #[test]
    fn a_mask_has_a_bit_per_needle() {
        let needles = [b',', b'\n', b'\r'];
        for i in 0..BLOCK {
            for (needle, other) in [(b',', b'a'), (b'\n', 0xff), (b'\r', 0)] {
                let mut block = [other; BLOCK];
                block[i] = needle;
                assert_eq!(mask(&block, needles), 1 << i, "{needle} at {i}");
            }
        }
        assert_eq!(mask(&[b','; BLOCK], needles), u64::MAX);
        assert_eq!(mask(&[b';'; BLOCK], needles), 0);
    }

    #[test]
    fn the_cursor_finds_the_first_needle_from_any_start() {
        let needles = [b',', b'\n', b'\r'];
        let long = [&[b'x'; 130][..], b",y"].concat();
        let cases = crate::ingest::find3::tests::FIRST_OF_THREE.into_iter().chain([(&long[..], 1, 130)]);
        for (text, from, want) in cases {
            assert_eq!(Cursor::new(needles).find(text, from), want, "{text:?} from {from}");
        }
    }

    proptest::proptest! {
        /// A mask is the bytes equal to a needle, whatever the bytes.
        #[test]
        fn masks_agree_with_a_bytewise_look(
            bytes in proptest::collection::vec(proptest::sample::select(b"a,;\t\"\r\n \x80\xff\x00\x0c\x2d".to_vec()), BLOCK),
            which in 0usize..3,
        ) {
            let needles = [[b',', b';', b'\t'][which], b'\n', b'\r'];
            let block: [u8; BLOCK] = bytes.try_into().unwrap_or([0; BLOCK]);
            proptest::prop_assert_eq!(mask(&block, needles), bytewise(&block, needles));
        }

        /// One cursor walked over a text, from starts that go forward and back, finds what the
        /// vector search finds from each.
        #[test]
        fn the_cursor_agrees_with_the_vector_search(
            text in proptest::collection::vec(proptest::sample::select(b"a,;\t\"\r\n \x80\xff\x0c\x2d".to_vec()), 0..300),
            starts in proptest::collection::vec(0usize..310, 1..40),
            which in 0usize..3,
        ) {
            let delimiter = [b',', b';', b'\t'][which];
            let search = crate::ingest::find3::Needles::new(delimiter, b'\n', b'\r');
            let mut cursor = Cursor::new([delimiter, b'\n', b'\r']);
            for from in starts {
                proptest::prop_assert_eq!(cursor.find(&text, from), search.find(&text, from), "from {}", from);
                // And on from the hit, as the splitter walks.
                let hit = cursor.find(&text, from);
                proptest::prop_assert_eq!(cursor.find(&text, hit + 1), search.find(&text, hit + 1));
            }
        }
    }
}
