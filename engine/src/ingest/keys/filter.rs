//! A Bloom filter of the keys a [`super::SeenKeys`] holds, a sixteenth of the key table (1 MB
//! for a million keys, which the last-level cache keeps while the table, 16 bytes a key, costs
//! a cache and TLB miss a lookup): a key it does not hold is new, known without touching the
//! table.
//!
//! Blocked to one 64-bit word a key: one load answers, four bits of one word set or tested.
//! Filled from a key's tag (the high half of its hash, which the table keeps), so the filter
//! is rebuilt from the table alone when the table grows.

/// Bits set for each key in its word.
const PROBES: u32 = 4;

/// A blocked Bloom filter of 32-bit key tags; an empty one holds everything (no information).
#[derive(Default, Clone)]
pub(super) struct KeyFilter {
    /// A power of two long (at least 64), or empty.
    words: Vec<u64>,
    /// 64 minus log2 of `words.len()`: a spread tag shifted right by it is a word.
    shift: u32,
}

impl KeyFilter {
    /// An empty filter of `2^bits` words (`bits` is clamped to 6..=28).
    pub(super) fn new(bits: u32) -> KeyFilter {
        let bits = bits.clamp(6, 28);
        KeyFilter { words: vec![0; 1 << bits], shift: 64 - bits }
    }

    /// The word `tag` goes to and the bits it sets there, both from the tag spread over 64 bits
    /// (the tag is 32 bits; a word and four bit positions take up to 46): the word from its
    /// high bits, the bits from its low 24.
    #[inline]
    fn place(&self, tag: u32) -> (usize, u64) {
        let spread = super::mix(u64::from(tag));
        let word = spread.checked_shr(self.shift).unwrap_or(0) as usize;
        (word, Self::bits(spread))
    }

    /// The bits a tag whose spread is `spread` sets in its word.
    #[inline]
    fn bits(spread: u64) -> u64 {
        (0..PROBES).fold(0u64, |bits, i| bits | 1 << ((spread >> (6 * i)) & 63))
    }

    /// Records `tag`.
    #[inline]
    pub(super) fn insert(&mut self, tag: u32) {
        let (word, bits) = self.place(tag);
        if let Some(w) = self.words.get_mut(word) {
            *w |= bits;
        }
    }

    /// Whether `tag` may have been recorded: false only when it never was.
    #[inline]
    pub(super) fn may_hold(&self, tag: u32) -> bool {
        let (word, bits) = self.place(tag);
        self.words.get(word).is_none_or(|&w| w & bits == bits)
    }

    /// The word `tag` goes to (all ones when the filter is empty), for [`KeyFilter::word_holds`]:
    /// loads for many tags can be issued before any is tested.
    #[inline]
    pub(super) fn word(&self, tag: u32) -> u64 {
        let (word, _) = self.place(tag);
        self.words.get(word).copied().unwrap_or(u64::MAX)
    }

    /// Whether `word` ([`KeyFilter::word`] of `tag`) may hold `tag`.
    #[inline]
    pub(super) fn word_holds(word: u64, tag: u32) -> bool {
        let bits = Self::bits(super::mix(u64::from(tag)));
        word & bits == bits
    }

    /// Bytes the filter takes.
    #[cfg(test)]
    pub(super) fn bytes(&self) -> usize {
        self.words.len() * 8
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A well-mixed 32-bit tag per index, as the key table's hash gives.
    fn tag(i: u64) -> u32 {
        (super::super::hash_key(&format!("K-{i}")) >> 32) as u32
    }

    #[test]
    fn an_empty_filter_holds_everything_and_a_new_one_nothing() {
        let empty = KeyFilter::default();
        let fresh = KeyFilter::new(10);
        for i in 0..1000 {
            assert!(empty.may_hold(tag(i)));
            assert!(!fresh.may_hold(tag(i)));
        }
        assert_eq!((KeyFilter::new(0).bytes(), KeyFilter::new(40).bytes()), (64 * 8, (1 << 28) * 8));
    }

    #[test]
    fn false_positives_stay_rare() {
        // (words log2, keys, most false positives in 100,000 absent keys): 8 bits a key (the
        // table half full) gives about 3.4 %, 16 bits (a quarter full) about 0.5 %.
        let cases = [(10, 1 << 13, 4_000), (16, 1 << 19, 4_000), (14, 1 << 16, 800)];
        for (bits, keys, most) in cases {
            let mut filter = KeyFilter::new(bits);
            for i in 0..keys {
                filter.insert(tag(i));
            }
            assert!((0..keys).all(|i| filter.may_hold(tag(i))), "no false negatives");
            let false_positives = (keys..keys + 100_000).filter(|&i| filter.may_hold(tag(i))).count();
            assert!(false_positives <= most, "{bits}, {keys}: {false_positives}");
        }
    }

    proptest::proptest! {
        /// Every tag recorded is held, whatever else was recorded.
        #[test]
        fn no_false_negatives(tags in proptest::collection::vec(proptest::num::u32::ANY, 0..2000), bits in 6u32..12) {
            let mut filter = KeyFilter::new(bits);
            for &t in &tags {
                filter.insert(t);
            }
            proptest::prop_assert!(tags.iter().all(|&t| filter.may_hold(t)));
        }

        /// A word loaded ahead answers as the filter does, for tags recorded or not.
        #[test]
        fn a_word_loaded_ahead_answers_alike(recorded in proptest::collection::vec(proptest::num::u32::ANY, 0..500), asked in proptest::collection::vec(proptest::num::u32::ANY, 0..500), bits in 6u32..10) {
            let (mut filter, empty) = (KeyFilter::new(bits), KeyFilter::default());
            for &t in &recorded {
                filter.insert(t);
            }
            for &t in recorded.iter().chain(&asked) {
                proptest::prop_assert_eq!(KeyFilter::word_holds(filter.word(t), t), filter.may_hold(t));
                proptest::prop_assert!(KeyFilter::word_holds(empty.word(t), t));
            }
        }
    }
}
