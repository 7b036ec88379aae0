//! Fast lookups for the row reader's hot loop: the keys seen so far (to reject a repeated id
//! with the line it first appeared on) and a front for dictionary columns.
//!
//! The standard `HashMap<String, _>` with SipHash cost a quarter of the parse time of a large
//! deals file and allocated a `String` per row: here keys are packed into one buffer and found
//! through an open-addressing table of 8-byte slots, and category values through a table keyed
//! by their first and last 8 bytes. The hash is not keyed: a crafted file can slow down only the tab that loads it.

use crate::column::{DictColumn, NO_CODE};
use filter::KeyFilter;
use lines::Lines;
use std::hash::Hasher;

mod filter;
mod lines;

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

/// The high half of `key`'s hash: the table's tag (whose top bits are the key's home slot) and
/// what the filter records.
#[inline]
fn tag_of(key: &str) -> u32 {
    (hash_key(key) >> 32) as u32
}

/// A slot of the key table: `tag` in the high half, the key's index + 1 in the low.
#[inline]
fn entry(tag: u32, index: usize) -> u64 {
    u64::from(tag) << 32 | (index as u64 + 1)
}

/// New keys that wait to be placed in the table together (see [`SeenKeys::place_waiting`]).
const WAITING: usize = 128;

/// Slots whose loads are issued together when keys are placed or looked up in a batch: no
/// branch waits for them, so their misses overlap instead of each waiting for the one before
/// (wasm has no prefetch instruction; plain loads do the same there).
const BATCH: usize = 32;

/// log2 of the table's slots per filter word: 16 slots, so 6 to 12 keys (the table being three
/// eighths to three quarters full) per 64-bit word: 0.7 to 1.3 MB of filter for a million keys,
/// which the caches keep better than twice that (a 1M-row file of unsorted ids parsed in
/// 344–361 ms natively with it, 376–396 ms with 8 slots a word).
const SLOTS_PER_FILTER_WORD: u32 = 4;

/// Slots a table of `keys` keys needs: it is never more than three quarters full.
fn slots_for(keys: usize) -> usize {
    keys.saturating_mul(4).div_ceil(3).max(1).next_power_of_two()
}

/// Keys seen so far, each with the line it was first seen on (0: loaded earlier).
///
/// Most exports list their deals in id order (`D0000001`, `D0000002`, ... or `1` ... `10`):
/// while every key comes after the one before it in shortlex order (shorter first, then byte
/// by byte), a key after the last one is new without a lookup, so the keys are only appended.
/// The hash table is built from them the first time a key does not come after the last one,
/// and used from then on; a file in id order never builds it.
///
/// Out of order, a new key costs no lookup either: the table (16 bytes a key) outgrows the
/// caches, and a probe per row was a cache and TLB miss the row's parsing could not overlap (a
/// quarter of the parse time of a million-row file). A Bloom filter of every key, a sixteenth
/// of the table's size (1 MB for a million keys, which the caches keep), says in one load that
/// a key is new; new keys then wait, up to [`WAITING`] of them, to be placed in the table
/// together, their misses overlapping. Only a key the filter may hold (a repeat, or a new key
/// in about thirty) is looked up, among the waiting keys and in the table.
#[derive(Default)]
pub(crate) struct SeenKeys {
    /// Every key, end to end.
    text: String,
    /// End of each key in `text`.
    ends: Vec<usize>,
    /// Line of each key.
    lines: Lines,
    /// Open addressing, linear probing: 0 is empty, else an [`entry`]: the key's tag (whose
    /// top bits are the home slot, so growing needs no key) and index. A power of two long, at
    /// most 2^31, never more than three quarters full (counting the waiting keys). Empty while
    /// the keys are in order.
    slots: Vec<u64>,
    /// log2 of `slots.len()`.
    bits: u32,
    /// log2 of the table's length once it is built, as [`SeenKeys::reserve`] asked.
    reserved_bits: u32,
    /// Tags of the last keys appended, not yet in `slots`: the key at `len() - waiting.len() + j`
    /// has tag `waiting[j]`.
    waiting: Vec<u32>,
    /// The tag of every key, waiting or placed, once the table is built.
    filter: KeyFilter,
}

/// Whether `key` comes after `last` in shortlex order: shorter keys first, then byte by byte.
/// Distinct keys always compare one way or the other, so keys that each come after the one
/// before are all distinct.
#[inline]
fn after(key: &str, last: &str) -> bool {
    (key.len(), key.as_bytes()) > (last.len(), last.as_bytes())
}

/// The home slot of a key with `tag` in a table of `2^bits` slots: the tag's top bits.
#[inline]
fn home(tag: u32, bits: u32) -> usize {
    tag.checked_shr(32 - bits.min(32)).unwrap_or(0) as usize
}

/// Places `entries` (keys distinct from each other and from those in `slots`) in `slots`, a
/// table of `2^bits` with room for them, [`BATCH`] at a time.
fn place(slots: &mut [u64], bits: u32, entries: impl IntoIterator<Item = u64>) {
    let mut batch = [0u64; BATCH];
    let mut n = 0;
    for entry in entries {
        if let Some(b) = batch.get_mut(n) {
            *b = entry;
        }
        n += 1;
        if n == BATCH {
            place_batch(slots, bits, &batch);
            n = 0;
        }
    }
    place_batch(slots, bits, batch.get(..n).unwrap_or_default());
}

/// Places up to [`BATCH`] entries: the home slot of each is loaded before any is written, so
/// the loads are in flight together; each is then placed from its home, which is cached.
fn place_batch(slots: &mut [u64], bits: u32, entries: &[u64]) {
    let mask = slots.len().wrapping_sub(1);
    let home_of = |entry: u64| home((entry >> 32) as u32, bits);
    let mut taken = [false; BATCH];
    for (taken, &entry) in taken.iter_mut().zip(entries) {
        *taken = slots.get(home_of(entry)).is_some_and(|&s| s != 0);
    }
    for (&taken, &entry) in taken.iter().zip(entries) {
        // A slot once taken stays taken: a home seen taken is not looked at again.
        let mut at = if taken { (home_of(entry) + 1) & mask } else { home_of(entry) };
        // Bounded: the table is at most three quarters full, so an empty slot ends the probe.
        for _ in 0..slots.len() {
            match slots.get_mut(at) {
                Some(slot) if *slot == 0 => {
                    *slot = entry;
                    break;
                }
                Some(_) => at = (at + 1) & mask,
                None => break,
            }
        }
    }
}

impl SeenKeys {
    fn key(&self, i: usize) -> &str {
        let start = i.checked_sub(1).and_then(|p| self.ends.get(p)).copied().unwrap_or(0);
        let end = self.ends.get(i).copied().unwrap_or(start);
        self.text.get(start..end).unwrap_or_default()
    }

    /// Number of keys.
    pub(crate) fn len(&self) -> usize {
        self.ends.len()
    }

    /// Bytes of all the keys.
    pub(crate) fn key_bytes(&self) -> usize {
        self.text.len()
    }

    /// The index of `key` (whose tag is `tag`) when it is in the table (waiting keys are not).
    fn find(&self, key: &str, tag: u32) -> Option<usize> {
        let mask = self.slots.len().wrapping_sub(1);
        let mut at = home(tag, self.bits);
        // Bounded: the table is at most three quarters full, so an empty slot ends the probe.
        for _ in 0..self.slots.len() {
            let slot = *self.slots.get(at)?;
            if slot == 0 {
                return None;
            }
            let i = ((slot & 0xffff_ffff) as usize).wrapping_sub(1);
            if (slot >> 32) as u32 == tag && self.key(i) == key {
                return Some(i);
            }
            at = (at + 1) & mask;
        }
        None
    }

    /// Makes room for `more` keys of about `key_len` bytes each, so the table is not rebuilt
    /// (one random memory access per key, each time) as it fills; the keys' text for `kept`
    /// of them (more when they become a column, see [`SeenKeys::take_keys`]).
    pub(crate) fn reserve(&mut self, more: usize, kept: usize, key_len: usize) {
        let bits = slots_for(self.len() + more).trailing_zeros().clamp(10, 31);
        self.reserved_bits = self.reserved_bits.max(bits);
        if !self.slots.is_empty() && bits > self.bits {
            self.rebuild(bits);
        }
        self.text.reserve(kept.saturating_mul(key_len));
        self.ends.reserve(kept);
        self.lines.reserve(more);
    }

    /// The keys after the first `skip` (those loaded earlier), in the order seen, as a column:
    /// a deals file's ids, or the keys a tail hands its head; the set is left empty. Its text
    /// moves as it is when nothing was loaded earlier.
    pub(crate) fn take_keys(&mut self, skip: usize) -> crate::column::TextColumn {
        let SeenKeys { mut text, ends, .. } = std::mem::take(self);
        let from = skip.checked_sub(1).and_then(|i| ends.get(i)).copied().unwrap_or(0);
        text.drain(..from.min(text.len()));
        let ends = ends.into_iter().skip(skip).map(|end| (end - from) as u32).collect();
        crate::column::TextColumn::from_parts(text, ends).unwrap_or_default()
    }

    /// Builds the table and the filter from the keys appended in order so far (see the
    /// type's docs).
    fn index_all(&mut self) {
        let need = slots_for(self.len() + 1).trailing_zeros();
        let bits = need.max(self.reserved_bits).clamp(10, 31);
        let mut slots = vec![0u64; 1 << bits];
        let mut filter = KeyFilter::new(bits - SLOTS_PER_FILTER_WORD);
        let entries = (0..self.len()).map(|i| {
            let tag = tag_of(self.key(i));
            filter.insert(tag);
            entry(tag, i)
        });
        // The keys are distinct (see `after`).
        place(&mut slots, bits, entries);
        self.slots = slots;
        self.bits = bits;
        self.filter = filter;
        self.waiting.clear();
    }

    /// The index of `key` (whose tag is `tag`) when it is waiting: the tags are compared all
    /// at once (a loop without an exit, which compiles to vector compares), the keys only for
    /// a tag that is there.
    fn find_waiting(&self, key: &str, tag: u32) -> Option<usize> {
        if !self.waiting.iter().fold(false, |any, &t| any | (t == tag)) {
            return None;
        }
        let first = self.len().saturating_sub(self.waiting.len());
        let mut at = self.waiting.iter().enumerate().filter(|&(_, &t)| t == tag).map(|(j, _)| first + j);
        at.find(|&i| self.key(i) == key)
    }

    /// Places the waiting keys in the table.
    fn place_waiting(&mut self) {
        let first = self.len().saturating_sub(self.waiting.len());
        let entries = self.waiting.iter().enumerate().map(|(j, &tag)| entry(tag, first + j));
        place(&mut self.slots, self.bits, entries);
        self.waiting.clear();
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

    /// Moves every key, waiting or placed, to a table of `2^bits` slots and a filter to match.
    fn rebuild(&mut self, bits: u32) {
        self.place_waiting();
        let mut slots = vec![0u64; 1 << bits];
        let mut filter = KeyFilter::new(bits - SLOTS_PER_FILTER_WORD);
        let entries = self.slots.iter().copied().filter(|&s| s != 0).inspect(|&s| filter.insert((s >> 32) as u32));
        place(&mut slots, bits, entries);
        self.slots = slots;
        self.bits = bits;
        self.filter = filter;
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
        if slots_for(self.len() + 1) > self.slots.len() {
            self.grow();
        }
        let tag = tag_of(key);
        if self.filter.may_hold(tag) {
            if let Some(i) = self.find_waiting(key, tag).or_else(|| self.find(key, tag)) {
                return self.lines.get(i);
            }
        }
        self.append(key, line);
        self.filter.insert(tag);
        self.waiting.push(tag);
        if self.waiting.len() >= WAITING {
            self.place_waiting();
        }
        None
    }
}

/// Reading a file as two halves (see [`super::halves`]): whether the first half saw any of the
/// second half's keys.
impl SeenKeys {
    /// Whether any of `keys` is here. Keys in order after the last one here need no lookup;
    /// the others are looked up only when the filter may hold them, [`BATCH`] at a time.
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
        self.place_waiting();
        let mut batch = [(0u32, 0usize); BATCH];
        let mut n = 0;
        let mut tags = [0u32; BATCH];
        let mut words = [0u64; BATCH];
        for start in (0..keys.len()).step_by(BATCH) {
            let rows = start..keys.len().min(start + BATCH);
            for (tag, row) in tags.iter_mut().zip(rows.clone()) {
                *tag = tag_of(keys.get(row));
            }
            for (word, &tag) in words.iter_mut().zip(&tags) {
                *word = self.filter.word(tag);
            }
            for ((&word, &tag), row) in words.iter().zip(&tags).zip(rows) {
                if KeyFilter::word_holds(word, tag) {
                    if let Some(b) = batch.get_mut(n) {
                        *b = (tag, row);
                    }
                    n += 1;
                    if n == BATCH {
                        if self.holds_any(keys, &batch) {
                            return true;
                        }
                        n = 0;
                    }
                }
            }
        }
        self.holds_any(keys, batch.get(..n).unwrap_or_default())
    }

    /// Whether the table holds any of the keys of `batch` (each a tag and a row of `keys`):
    /// the home slots of all are loaded first, so the loads are in flight together, and a key
    /// whose home is empty is not there.
    fn holds_any(&self, keys: &crate::column::TextColumn, batch: &[(u32, usize)]) -> bool {
        let mut taken = [false; BATCH];
        for (taken, &(tag, _)) in taken.iter_mut().zip(batch) {
            *taken = self.slots.get(home(tag, self.bits)).is_some_and(|&s| s != 0);
        }
        taken.iter().zip(batch).any(|(&taken, &(tag, row))| taken && self.find(keys.get(row), tag).is_some())
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
    fn the_keys_seen_here_become_a_column_after_those_loaded_earlier() {
        for (loaded, keys) in
            [(0, vec!["b", "a", "ccc", "d"]), (2, vec!["k1", "k2", "x", "yy", "a"]), (3, vec!["p", "q", "r"])]
        {
            let mut seen = SeenKeys::default();
            for (i, k) in keys.iter().enumerate() {
                let line = if i < loaded { 0 } else { i as u64 + 2 };
                assert_eq!(seen.first_line_or_insert(k, line), None);
            }
            let column = seen.take_keys(loaded);
            let got: Vec<&str> = (0..column.len()).map(|i| column.get(i)).collect();
            assert_eq!(got, keys[loaded..], "{loaded} loaded");
            assert_eq!(seen.len(), 0, "the set gives its keys away");
        }
    }

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
        seen.reserve(100_000, 100_000, 6);
        let slots = seen.slots.len();
        assert!(3 * slots >= 4 * 103_000, "{slots} slots");
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
        seen.reserve(50_000, 50_000, 8);
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

    /// Keys as exports hold them and some they should not: ids that repeat, numbers that do
    /// not, non-ASCII, empty.
    fn some_key() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::strategy::Strategy;
        proptest::prop_oneof![
            (0u32..400).prop_map(|i| format!("D-{i}")),
            (0u32..100_000).prop_map(|i| format!("{i:07}")),
            "[ab0ż中😀]{0,3}",
            proptest::strategy::Just(String::new()),
        ]
    }

    /// Shortlex order, as [`after`] compares.
    fn shortlex(keys: &mut [String]) {
        keys.sort_by(|a, b| (a.len(), a).cmp(&(b.len(), b)));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(96))]
        /// Past the filter, the waiting keys and the table's growth, in order, out of order
        /// and in order for a while: the first line of each key is the one a plain map
        /// remembers, keys loaded earlier (line 0) included, and the keys seen here are those
        /// first seen on a line, in order.
        #[test]
        fn seen_keys_agree_with_a_map_at_any_size(
            loaded in proptest::collection::vec(some_key(), 0..40),
            keys in proptest::collection::vec(some_key(), 0..3000),
            sorted_share in 0.0f64..1.0,
            reserve_at in proptest::option::of((0usize..3000, 0usize..5000)),
        ) {
            let mut keys = keys;
            let sorted = (keys.len() as f64 * sorted_share) as usize;
            shortlex(&mut keys[..sorted]);
            let (mut seen, mut map) = (SeenKeys::default(), HashMap::new());
            for k in &loaded {
                map.entry(k.clone()).or_insert(0);
                seen.first_line_or_insert(k, 0);
            }
            let known = seen.len();
            let mut first_seen_here = Vec::new();
            for (i, k) in keys.iter().enumerate() {
                if let Some((_, more)) = reserve_at.filter(|&(at, _)| at == i) {
                    seen.reserve(more, more, 8);
                }
                let line = i as u64 + 1;
                let want = map.get(k).copied();
                if want.is_none() {
                    map.insert(k.clone(), line);
                    first_seen_here.push(k.as_str());
                }
                proptest::prop_assert_eq!(seen.first_line_or_insert(k, line), want, "{:?} on line {}", k, line);
            }
            proptest::prop_assert_eq!(seen.len(), map.len());
            let here = seen.take_keys(known);
            proptest::prop_assert_eq!((0..here.len()).map(|i| here.get(i)).collect::<Vec<_>>(), first_seen_here);
        }

        /// Whether a tail's keys repeat any of the head's, as a set says, whatever the order
        /// of either; the head's keys are found as before afterwards.
        #[test]
        fn contains_any_agrees_with_a_set(
            head in proptest::collection::vec(some_key(), 0..2500),
            tail in proptest::collection::vec(some_key(), 0..2500),
            head_sorted in proptest::bool::ANY,
            tail_sorted in proptest::bool::ANY,
            from_head_end in proptest::option::of(0usize..200),
        ) {
            let (mut head, mut tail) = (head, tail);
            if head_sorted {
                shortlex(&mut head);
            }
            // One of the head's last keys (perhaps still waiting to be placed) in the tail.
            if let Some(back) = from_head_end.filter(|_| !head.is_empty()) {
                tail.push(head[head.len() - 1 - back % head.len()].clone());
            }
            if tail_sorted {
                shortlex(&mut tail);
            }
            let mut seen = SeenKeys::default();
            let mut map = HashMap::new();
            for (i, k) in head.iter().enumerate() {
                seen.first_line_or_insert(k, i as u64 + 1);
                map.entry(k.as_str()).or_insert(i as u64 + 1);
            }
            let mut column = crate::column::TextColumn::default();
            for k in &tail {
                column.push(k);
            }
            let want = tail.iter().any(|k| map.contains_key(k.as_str()));
            proptest::prop_assert_eq!(seen.contains_any(&column), want);
            for k in &head {
                proptest::prop_assert_eq!(seen.first_line_or_insert(k, 0), map.get(k.as_str()).copied());
            }
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
    fn new_keys_wait_and_are_placed_together_and_repeats_are_found_waiting_or_placed() {
        let mut seen = SeenKeys::default();
        // Out of order from the second key: the table and the filter are built.
        for (i, key) in (0..1_000u64).rev().map(|i| (i, format!("K{i}"))) {
            assert_eq!(seen.first_line_or_insert(&key, 1_000 - i), None);
            assert!(seen.waiting.len() < WAITING);
        }
        assert!(!seen.slots.is_empty() && !seen.waiting.is_empty());
        let placed = seen.slots.iter().filter(|&&s| s != 0).count();
        assert_eq!(placed + seen.waiting.len(), 1_000);
        // The last key is waiting, the first placed; both are found.
        assert_eq!(seen.first_line_or_insert("K0", 0), Some(1_000));
        assert_eq!(seen.first_line_or_insert("K999", 0), Some(1));
        // A waiting key is found in a tail's keys.
        let mut tail = crate::column::TextColumn::default();
        tail.push("K0");
        assert!(!seen.waiting.is_empty());
        assert!(seen.contains_any(&tail));
        assert!(seen.waiting.is_empty());
        // Growing places every waiting key.
        seen.first_line_or_insert("K1000", 1_001);
        seen.reserve(10_000, 10_000, 5);
        assert!(seen.waiting.is_empty());
        assert_eq!(seen.slots.iter().filter(|&&s| s != 0).count(), 1_001);
        assert_eq!(seen.first_line_or_insert("K0", 0), Some(1_000));
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
