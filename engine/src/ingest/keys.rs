//! Fast lookups for the row reader's hot loop: the keys seen so far (to reject a repeated id
//! with the line it first appeared on) and a front for dictionary columns.
//!
//! The standard `HashMap<String, _>` with SipHash cost a quarter of the parse time of a large
//! deals file and allocated a `String` per row: here keys are packed into one buffer and found
//! through an open-addressing table of 8-byte slots, and category values through a table keyed
//! by their first and last 8 bytes. The hash is not keyed: a crafted file can slow down only the tab that loads it.

use crate::column::{DictColumn, NO_CODE};
use std::hash::Hasher;

const SEED: u64 = 0x517c_c1b7_2722_0a95;

/// Murmur3's finaliser: spreads every input bit over the whole word, so the low bits index
/// the table and the high bits tag it.
#[inline]
fn mix(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// A word-at-a-time multiplicative hash with a strong finaliser.
#[derive(Default, Clone, Copy)]
pub(crate) struct FastHasher(u64);

impl FastHasher {
    /// One word in: a multiplication carries each bit only upwards, so its high half is folded
    /// back into the low one before the next word. (FxHash's step, a rotation by 5 instead,
    /// let keys that differ in the top byte of one word and the low bits of the next cancel
    /// out: 26,260 of the million 9-digit ids `000000000` ... hashed like another, `000000009`
    /// like `000000082`.)
    #[inline]
    fn step(&mut self, word: u64) {
        let h = (self.0 ^ word).wrapping_mul(SEED);
        self.0 = h ^ (h >> 32);
    }
}

impl Hasher for FastHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.step(u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.step(u64::from_le_bytes(word) ^ ((rest.len() as u64) << 59));
        }
    }

    #[inline]
    fn write_u8(&mut self, b: u8) {
        self.step(u64::from(b) | 0x100);
    }

    #[inline]
    fn finish(&self) -> u64 {
        mix(self.0)
    }
}

/// The hash of a key, its length folded in first: [`FastHasher::write`] marks a last word of
/// fewer than 8 bytes with their count in its top bits, which an 8-byte word can hold too
/// ("K-12345" and "K-123458", "1234567" and "12345678" hashed alike: 1,224 of the million keys
/// `K-0` ...), and such keys fill one chain of the table and one word of its filter.
#[inline]
fn hash_key(key: &str) -> u64 {
    let mut h = FastHasher((key.len() as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15));
    h.write(key.as_bytes());
    h.finish()
}

/// Keys seen so far, each with the line it was first seen on (0: loaded earlier).
///
/// Most exports list their deals in id order (`D0000001`, `D0000002`, ... or `1` ... `10`):
/// while every key comes after the one before it in shortlex order (shorter first, then byte
/// by byte), a key after the last one is new without a lookup, so the keys are only appended.
/// The hash table is built from them the first time a key does not come after the last one,
/// and used from then on; a file in id order never builds it (a quarter of the parse time of a
/// million-row file was spent probing it, one cache miss per row).
#[derive(Default)]
pub(crate) struct SeenKeys {
    /// Every key, end to end.
    text: String,
    /// End of each key in `text`.
    ends: Vec<usize>,
    /// Line of each key.
    lines: Vec<u64>,
    /// Open addressing, linear probing: 0 is empty, else the hash's high half (whose top
    /// bits are the home slot, so growing needs no key) and the key's index + 1. A power of
    /// two long, at most 2^32, never more than half full. Empty while the keys are in order.
    slots: Vec<u64>,
    /// log2 of `slots.len()`.
    bits: u32,
    /// log2 of the table's length once it is built, as [`SeenKeys::reserve`] asked.
    reserved_bits: u32,
}

/// Whether `key` comes after `last` in shortlex order: shorter keys first, then byte by byte.
/// Distinct keys always compare one way or the other, so keys that each come after the one
/// before are all distinct.
#[inline]
fn after(key: &str, last: &str) -> bool {
    (key.len(), key.as_bytes()) > (last.len(), last.as_bytes())
}

impl SeenKeys {
    fn key(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        self.text.get(start..self.ends[i]).unwrap_or_default()
    }

    /// Number of keys.
    pub(crate) fn len(&self) -> usize {
        self.ends.len()
    }

    /// Bytes of all the keys.
    pub(crate) fn key_bytes(&self) -> usize {
        self.text.len()
    }

    /// The home slot of a key whose hash has `tag` as its high half.
    fn home(tag: u64, bits: u32) -> usize {
        (tag >> (32 - bits)) as usize
    }

    /// The slot where `key` is, or the empty slot where it would go.
    fn find(&self, key: &str, hash: u64) -> (usize, Option<usize>) {
        let mask = self.slots.len() - 1;
        let tag = hash >> 32;
        let mut at = Self::home(tag, self.bits);
        loop {
            let slot = self.slots[at];
            if slot == 0 {
                return (at, None);
            }
            let i = (slot & 0xffff_ffff) as usize - 1;
            if slot >> 32 == tag && self.key(i) == key {
                return (at, Some(i));
            }
            at = (at + 1) & mask;
        }
    }

    /// Makes room for `more` keys of about `key_len` bytes each, so the table is not rebuilt
    /// (one random memory access per key, each time) as it fills.
    pub(crate) fn reserve(&mut self, more: usize, key_len: usize) {
        let want = (self.len() + more).saturating_mul(2).max(1).next_power_of_two();
        let bits = want.trailing_zeros().clamp(10, 31);
        self.reserved_bits = self.reserved_bits.max(bits);
        if !self.slots.is_empty() && bits > self.bits {
            self.rebuild(bits);
        }
        self.text.reserve(more.saturating_mul(key_len));
        self.ends.reserve(more);
        self.lines.reserve(more);
    }

    /// Builds the table from the keys appended in order so far (see the type's docs).
    fn index_all(&mut self) {
        let need = (self.len() + 1).saturating_mul(2).next_power_of_two().trailing_zeros();
        let bits = need.max(self.reserved_bits).clamp(10, 31);
        let mut slots = vec![0u64; 1 << bits];
        let mask = slots.len() - 1;
        for i in 0..self.len() {
            // The keys are distinct: each goes to the first empty slot from its home.
            let tag = hash_key(self.key(i)) >> 32;
            let mut at = Self::home(tag, bits);
            while slots[at] != 0 {
                at = (at + 1) & mask;
            }
            slots[at] = tag << 32 | (i as u64 + 1);
        }
        self.slots = slots;
        self.bits = bits;
    }

    /// Appends a new `key` seen on `line`.
    fn append(&mut self, key: &str, line: u64) {
        self.text.push_str(key);
        self.ends.push(self.text.len());
        self.lines.push(line);
    }

    fn grow(&mut self) {
        self.rebuild((self.bits + 1).clamp(10, 31));
    }

    fn rebuild(&mut self, bits: u32) {
        let mut slots = vec![0u64; 1 << bits];
        let mask = slots.len() - 1;
        for &slot in self.slots.iter().filter(|&&s| s != 0) {
            let mut at = Self::home(slot >> 32, bits);
            while slots[at] != 0 {
                at = (at + 1) & mask;
            }
            slots[at] = slot;
        }
        self.slots = slots;
        self.bits = bits;
    }

    /// The line `key` was first seen on; when it is new, records it as seen on `line`.
    pub(crate) fn first_line_or_insert(&mut self, key: &str, line: u64) -> Option<u64> {
        if self.slots.is_empty() {
            let in_order = match self.len() {
                0 => true,
                n => after(key, self.key(n - 1)),
            };
            if in_order {
                self.append(key, line);
                return None;
            }
            self.index_all();
        }
        if (self.len() + 1) * 2 > self.slots.len() {
            self.grow();
        }
        let hash = hash_key(key);
        let (at, found) = self.find(key, hash);
        if let Some(i) = found {
            return Some(self.lines[i]);
        }
        self.append(key, line);
        self.slots[at] = (hash >> 32) << 32 | self.len() as u64;
        None
    }
}

/// Reading a file as two halves (see [`super::halves`]): the keys the second half saw, and
/// whether the first half saw any of them.
impl SeenKeys {
    /// The keys first seen on a line of this file (not loaded earlier), in the order seen.
    pub(crate) fn seen_here(&self) -> crate::column::TextColumn {
        let mut keys = crate::column::TextColumn::default();
        for i in (0..self.len()).filter(|&i| self.lines.get(i).is_some_and(|&l| l != 0)) {
            keys.push(self.key(i));
        }
        keys
    }

    /// Whether any of `keys` is here. Keys in order after the last one here need no lookup.
    pub(crate) fn contains_any(&mut self, keys: &crate::column::TextColumn) -> bool {
        if keys.is_empty() {
            return false;
        }
        if self.slots.is_empty() {
            let in_order = (0..keys.len()).all(|i| match i {
                0 => self.len() == 0 || after(keys.get(0), self.key(self.len() - 1)),
                _ => after(keys.get(i), keys.get(i - 1)),
            });
            if in_order {
                return false;
            }
            if self.len() == 0 {
                return false;
            }
            self.index_all();
        }
        (0..keys.len()).any(|i| {
            let key = keys.get(i);
            self.find(key, hash_key(key)).1.is_some()
        })
    }
}

/// The first and the last 8 bytes of `v` as words (zero-padded; the last word is 0 for values
/// of up to 8 bytes): with the length they identify any value of up to 16 bytes, and tell most
/// longer ones apart.
#[inline]
fn words(v: &str) -> (u64, u64) {
    let b = v.as_bytes();
    match (b.first_chunk::<8>(), b.last_chunk::<8>()) {
        (Some(head), Some(tail)) if b.len() > 8 => (u64::from_le_bytes(*head), u64::from_le_bytes(*tail)),
        (Some(head), _) => (u64::from_le_bytes(*head), 0),
        // Shorter: two reads that overlap (a copy of a variable length is a call to memcpy,
        // a byte-by-byte loop a branch per byte); the bytes they share are equal.
        _ => (short_word(b), 0),
    }
}

/// What the interner keys `v` by: its [`words`], the first mixed, in a value longer than they
/// hold, with the bytes between them, so values that share their ends ("Spółka 12 sp. z o.o.",
/// "Spółka 345 sp. z o.o.") find their own slots instead of one long chain of string
/// comparisons.
#[inline]
fn key(v: &str) -> (u64, u64) {
    let (head, tail) = words(v);
    let b = v.as_bytes();
    if b.len() <= WORDS_IDENTIFY {
        return (head, tail);
    }
    let middle = b.get(8..b.len() - 8).unwrap_or_default();
    let head =
        middle.chunks(8).fold(head, |h, c| (h.rotate_left(5) ^ short_word(c)).wrapping_mul(0x517c_c1b7_2722_0a95));
    (head, tail)
}

/// `b` (at most 8 bytes) as a zero-padded little-endian word.
#[inline]
fn short_word(b: &[u8]) -> u64 {
    let n = b.len();
    match (b.first_chunk::<4>(), b.last_chunk::<4>(), b.first_chunk::<2>(), b.last_chunk::<2>()) {
        (Some(lo), Some(hi), _, _) => {
            u64::from(u32::from_le_bytes(*lo)) | u64::from(u32::from_le_bytes(*hi)) << (8 * (n - 4))
        }
        (_, _, Some(lo), Some(hi)) => {
            u64::from(u16::from_le_bytes(*lo)) | u64::from(u16::from_le_bytes(*hi)) << (8 * (n - 2))
        }
        _ => b.first().map_or(0, |&x| u64::from(x)),
    }
}

/// Longest value [`words`] identifies alone: longer ones are compared with the column's value.
const WORDS_IDENTIFY: usize = 16;

/// One value an [`Interner`] knows: its [`words`], its length (0: an empty slot; values are
/// never empty) and its code.
#[derive(Clone, Copy, Default)]
struct Slot {
    head: u64,
    tail: u64,
    len: usize,
    code: u32,
}

/// A front for [`DictColumn::push`] while reading a file: finds the code of a value without
/// going to the column's own (SipHash) dictionary, except for values not seen before. Values
/// are found in an open-addressing table by their first and last 8 bytes and their length, so
/// a value of up to 16 bytes (every stage, owner, team, region, product and source of a usual
/// export) is found with a few integer comparisons and no string comparison.
#[derive(Default)]
pub(crate) struct Interner {
    /// Linear probing; a power of two long (or empty), never more than half full.
    slots: Vec<Slot>,
    /// Values in `slots`.
    len: usize,
    /// 64 minus log2 of `slots.len()`: a hash shifted right by it is a slot.
    shift: u32,
}

impl Interner {
    /// The home slot of a value with these words and length, in a table of `2^(64 - shift)`
    /// slots: Fibonacci hashing, one multiplication whose high bits are the slot. These tables
    /// hold a few dozen values and are probed for every cell of a column, so a short chain of
    /// instructions before the slot's load matters more than a thorough mix.
    #[inline]
    fn home(head: u64, tail: u64, len: usize, shift: u32) -> usize {
        ((head ^ tail.rotate_left(29) ^ len as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> shift) as usize
    }

    /// The slot where `v` is, or the empty slot where it would go (the table is not empty).
    #[inline]
    fn find(&self, column: &DictColumn, v: &str, head: u64, tail: u64) -> (usize, Option<u32>) {
        let mask = self.slots.len() - 1;
        let len = v.len();
        let mut at = Self::home(head, tail, len, self.shift) & mask;
        // Bounded: the table is at most half full, so an empty slot ends the probe.
        for _ in 0..self.slots.len() {
            let Some(slot) = self.slots.get(at) else { break };
            if slot.len == 0 {
                return (at, None);
            }
            if slot.head == head
                && slot.tail == tail
                && slot.len == len
                && (len <= WORDS_IDENTIFY || column.value(slot.code) == Some(v))
            {
                return (at, Some(slot.code));
            }
            at = (at + 1) & mask;
        }
        (at, None)
    }

    /// Doubles the table (or makes the first one), placing every value again.
    fn grow(&mut self) {
        let size = (self.slots.len() * 2).max(16);
        let mask = size - 1;
        let shift = 64 - size.trailing_zeros();
        let mut slots = vec![Slot::default(); size];
        for slot in self.slots.iter().filter(|s| s.len > 0) {
            let mut at = Self::home(slot.head, slot.tail, slot.len, shift) & mask;
            while slots.get(at).is_some_and(|s| s.len > 0) {
                at = (at + 1) & mask;
            }
            if let Some(free) = slots.get_mut(at) {
                *free = *slot;
            }
        }
        self.slots = slots;
        self.shift = shift;
    }

    /// Appends `value` to `column` exactly as `column.push(value)` would.
    #[inline]
    pub(crate) fn push(&mut self, column: &mut DictColumn, value: Option<&str>) {
        let code = match value {
            Some(v) if !v.is_empty() => {
                if (self.len + 1) * 2 > self.slots.len() {
                    self.grow();
                }
                let (head, tail) = key(v);
                match self.find(column, v, head, tail) {
                    (_, Some(c)) => c,
                    (at, None) => {
                        let code = column.intern(v);
                        if let Some(free) = self.slots.get_mut(at).filter(|s| s.len == 0) {
                            *free = Slot { head, tail, len: v.len(), code };
                            self.len += 1;
                        }
                        code
                    }
                }
            }
            _ => NO_CODE,
        };
        column.codes.push(code);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    #[test]
    fn seen_keys_remember_the_first_line_through_growth() {
        let mut seen = SeenKeys::default();
        for i in 0..5000u64 {
            assert_eq!(seen.first_line_or_insert(&format!("D-{i}"), i + 2), None);
        }
        assert_eq!(seen.len(), 5000);
        for i in (0..5000u64).step_by(7) {
            assert_eq!(seen.first_line_or_insert(&format!("D-{i}"), 99_999), Some(i + 2));
        }
        assert_eq!(seen.first_line_or_insert("", 1), None);
        assert_eq!(seen.first_line_or_insert("", 2), Some(1));
        assert_eq!(seen.first_line_or_insert("D-5000", 3), None);
        assert_eq!(seen.len(), 5002);
    }

    #[test]
    fn reserving_keeps_what_was_seen_and_sizes_the_table_once() {
        let mut seen = SeenKeys::default();
        // Out of order, so the table is built (keys in order need none, see below).
        for i in (0..3000u64).rev() {
            seen.first_line_or_insert(&format!("K{i}"), i + 1);
        }
        seen.reserve(100_000, 6);
        let slots = seen.slots.len();
        assert!(slots >= 2 * 103_000, "{slots} slots");
        for i in 3000..103_000u64 {
            assert_eq!(seen.first_line_or_insert(&format!("K{i}"), i + 1), None);
        }
        assert_eq!(seen.slots.len(), slots, "no rebuild while filling what was reserved");
        assert_eq!(seen.first_line_or_insert("K17", 0), Some(18));
        assert_eq!(seen.first_line_or_insert("K102999", 0), Some(103_000));
    }

    #[test]
    fn keys_in_order_need_no_table_until_one_is_out_of_order() {
        let mut seen = SeenKeys::default();
        seen.reserve(50_000, 8);
        // Zero-padded and plain numbers both come in shortlex order.
        for (i, key) in (1..=20_000u64).map(|i| (i, i.to_string())).chain((1..=20_000).map(|i| (i, format!("D{i:07}"))))
        {
            assert_eq!(seen.first_line_or_insert(&key, i + 1), None, "{key}");
        }
        assert!(seen.slots.is_empty(), "no table while the keys are in order");
        // A repeat is out of order: the table is built, sized as reserved, and finds it.
        assert_eq!(seen.first_line_or_insert("D0000007", 99), Some(8));
        assert!(seen.slots.len() >= 2 * 50_000, "{} slots", seen.slots.len());
        assert_eq!(seen.first_line_or_insert("19999", 99), Some(20_000));
        assert_eq!(seen.first_line_or_insert("20001", 7), None);
        assert_eq!(seen.first_line_or_insert("20001", 8), Some(7));
        assert_eq!(seen.len(), 40_001);
    }

    proptest::proptest! {
        /// Whatever the order, the first line of each key is the one a plain map remembers.
        #[test]
        fn seen_keys_agree_with_a_map(keys in proptest::collection::vec("[a-c0-9]{0,3}", 0..300), sorted in proptest::bool::ANY) {
            let mut keys = keys;
            if sorted {
                keys.sort_by(|a, b| (a.len(), a).cmp(&(b.len(), b)));
            }
            let (mut seen, mut map) = (SeenKeys::default(), HashMap::new());
            for (line, k) in keys.iter().enumerate() {
                let line = line as u64 + 1;
                let want = map.get(k).copied();
                map.entry(k.clone()).or_insert(line);
                proptest::prop_assert_eq!(seen.first_line_or_insert(k, line), want, "{:?}", k);
            }
            proptest::prop_assert_eq!(seen.len(), map.len());
        }
    }

    #[test]
    fn keys_whose_last_words_look_alike_hash_apart() {
        // A last word of 7 bytes was marked with its length where an 8-byte word has its last
        // byte, and a top byte's difference could cancel out against the next word's low bits.
        let pairs = [("K-12345", "K-123458"), ("1234567", "12345678"), ("000000009", "000000082")];
        for (a, b) in pairs {
            assert_ne!(hash_key(a), hash_key(b), "{a} {b}");
        }
        // Tags of structured keys collide about as often as random 32-bit numbers (about
        // n^2 / 2^33: 128 for a million, 2 for 131,072 keys).
        for keys in [
            (0..131_072).map(|i| format!("K-{i}")).collect::<Vec<_>>(),
            (0..131_072).map(|i| format!("D-{:05}-{}", i % 10_800, i / 10_800)).collect(),
            (0..131_072).map(|i| i.to_string()).collect(),
            (0..131_072).map(|i| format!("{i:09}")).collect(),
        ] {
            let tags: std::collections::HashSet<u64> = keys.iter().map(|k| hash_key(k) >> 32).collect();
            assert!(keys.len() - tags.len() <= 12, "{} of {} tags repeat", keys.len() - tags.len(), keys.len());
        }
    }

    #[test]
    fn keys_that_share_a_prefix_or_differ_in_length_stay_apart() {
        let mut seen = SeenKeys::default();
        let keys = ["a", "a\0", "ab", "abcdefgh", "abcdefgh\0", "abcdefghi", "żółw", "ŻÓŁW"];
        for (i, k) in keys.iter().enumerate() {
            assert_eq!(seen.first_line_or_insert(k, i as u64 + 1), None, "{k:?}");
        }
        for (i, k) in keys.iter().enumerate() {
            assert_eq!(seen.first_line_or_insert(k, 0), Some(i as u64 + 1), "{k:?}");
        }
    }

    #[test]
    fn the_interner_agrees_with_the_column_past_a_few_values_and_on_shared_prefixes() {
        let mut cells: Vec<String> = Vec::new();
        for i in 0..200 {
            // Long values sharing their first 8 bytes, short ones, and repeats.
            cells.push(format!("Account name {}", i % 70));
            cells.push(format!("A{}", i % 9));
            cells.push("Account name 1".to_owned());
        }
        let (mut plain, mut fronted, mut front) = (DictColumn::default(), DictColumn::default(), Interner::default());
        for c in &cells {
            plain.push(Some(c));
            front.push(&mut fronted, Some(c));
        }
        assert_eq!(plain, fronted);
        assert_eq!(fronted.values.len(), 79);
    }

    proptest::proptest! {
        /// Values that share their first or last 8 bytes, of every length around 8 and 16,
        /// get the codes the column's own dictionary gives them.
        #[test]
        fn the_interner_agrees_with_the_column(cells in proptest::collection::vec(("[ab]{0,3}", 0usize..20, proptest::bool::ANY), 0..400)) {
            let (mut plain, mut fronted, mut front) = (DictColumn::default(), DictColumn::default(), Interner::default());
            for (core, pad, some) in &cells {
                // Padded in the middle, so the first and last 8 bytes repeat across values.
                let value = format!("Owner {core}{}{core} Ltd", "x".repeat(*pad));
                let cell = some.then_some(value.as_str()).or(Some(core.as_str()));
                plain.push(cell);
                front.push(&mut fronted, cell);
            }
            proptest::prop_assert_eq!(plain, fronted);
        }
    }

    #[test]
    fn long_values_that_share_their_ends_get_their_own_words() {
        let names: Vec<String> = (0..4000).map(|i| format!("Spółka {i} sp. z o.o.")).collect();
        let keys: std::collections::HashSet<(u64, u64)> = names.iter().map(|n| key(n)).collect();
        assert_eq!(keys.len(), names.len());
        let mut column = DictColumn::default();
        let mut interner = Interner::default();
        for n in names.iter().chain(&names) {
            interner.push(&mut column, Some(n));
        }
        let codes: Vec<u32> = column.codes.clone();
        assert_eq!(codes[..4000], codes[4000..], "each value keeps its code");
        assert_eq!(column.value(codes[123]), Some(names[123].as_str()));
    }

    #[test]
    fn words_are_the_zero_padded_first_and_last_eight_bytes() {
        let padded = |b: &[u8]| {
            let mut word = [0u8; 8];
            word[..b.len()].copy_from_slice(b);
            u64::from_le_bytes(word)
        };
        for v in [
            "",
            "a",
            "NA",
            "SMB",
            "EMEA",
            "APAC!",
            "Closed",
            "abcdefg",
            "abcdefgh",
            "abcdefghi",
            "Closed Lost",
            "żółw i ŻÓŁW",
        ] {
            let b = v.as_bytes();
            let want = match b.len() {
                0..=8 => (padded(b), 0),
                n => (padded(&b[..8]), padded(&b[n - 8..])),
            };
            assert_eq!(words(v), want, "{v:?}");
        }
    }

    #[test]
    fn the_interner_pushes_what_the_column_would() {
        let cells = [Some("Won"), Some("Lost"), Some("Won"), None, Some(""), Some("won"), Some("Lost")];
        let (mut plain, mut fronted, mut front) = (DictColumn::default(), DictColumn::default(), Interner::default());
        for c in cells {
            plain.push(c);
            front.push(&mut fronted, c);
        }
        assert_eq!(plain, fronted);
        assert_eq!(fronted.code_of("won"), Some(2));
    }
}
