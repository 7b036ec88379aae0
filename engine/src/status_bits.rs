//! The deals' statuses as bits, 64 rows to a word, kept beside the table (in its close-date
//! index): what every scan of a filter or period change asks of each row before it looks at a
//! date. With them a scan over the rows a filter keeps tests only the kept rows' dates, instead
//! of decoding every row's status (an owner filter keeps a sixth of the rows of a file with six
//! reps).

use crate::column::NO_DAY;
use crate::stage::Status;

/// Rows per block.
pub const WORD: usize = 64;

/// The rows of one block of 64 (bit `k` for row `64 × block + k`) by status, and those
/// without a close date. Rows past the table's end have no bit.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Block {
    /// Status open.
    pub open: u64,
    /// Status won.
    pub won: u64,
    /// Status lost.
    pub lost: u64,
    /// Status unknown (no stage or status in the file).
    pub unknown: u64,
    /// No close date.
    pub no_close: u64,
}

/// Per block of 64 rows, a [`Block`] (see the module docs).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StatusBits {
    blocks: Vec<Block>,
    len: usize,
}

impl StatusBits {
    /// The bits of a table with close days `close` and statuses `status` (as many rows as the
    /// shorter has).
    pub fn build(close: &[i32], status: &[Status]) -> StatusBits {
        let len = close.len().min(status.len());
        let blocks = status[..len]
            .chunks(WORD)
            .zip(close[..len].chunks(WORD))
            .map(|(s, cl)| {
                let mut b = Block::default();
                for (k, (&s, &cl)) in s.iter().zip(cl).enumerate() {
                    b.open |= u64::from(s == Status::Open) << k;
                    b.won |= u64::from(s == Status::Won) << k;
                    b.lost |= u64::from(s == Status::Lost) << k;
                    b.unknown |= u64::from(s == Status::Unknown) << k;
                    b.no_close |= u64::from(cl == NO_DAY) << k;
                }
                b
            })
            .collect();
        StatusBits { blocks, len }
    }

    /// Rows described.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether no row is described.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Block `k` (rows `64k ..`); empty past the end.
    #[inline]
    pub fn block(&self, k: usize) -> Block {
        self.blocks.get(k).copied().unwrap_or_default()
    }
}

/// Of the rows whose bit is set in `candidates` (a block of at most 64 rows), those that pass.
/// When few are candidates (a filter keeps few rows of the block) only those are tested, with
/// `test(k)` for row `k`; else every row of the block is, with `every()` (the bits of all the
/// rows that pass: a loop over the block's columns without a branch, which the compiler does
/// several rows at a time, [`pack`]). `len` is the block's length: no row at or past it is kept.
#[inline]
pub fn test_rows(candidates: u64, len: usize, test: impl Fn(usize) -> bool, every: impl FnOnce() -> u64) -> u64 {
    let candidates = if len >= WORD { candidates } else { candidates & ((1u64 << len) - 1) };
    if candidates == 0 {
        return 0;
    }
    if candidates.count_ones() <= 16 {
        let (mut bits, mut left) = (0u64, candidates);
        while left != 0 {
            let k = left.trailing_zeros() as usize;
            left &= left - 1;
            bits |= u64::from(test(k)) << k;
        }
        return bits;
    }
    every() & candidates
}

/// Bit `k` set for each `true` among the first 64 answers of `answers`.
#[inline]
pub fn pack(answers: impl Iterator<Item = bool>) -> u64 {
    let mut bytes = [0u8; WORD];
    for (b, a) in bytes.iter_mut().zip(answers) {
        *b = u8::from(a);
    }
    gather(&bytes)
}

/// Bit `k` set for each kept row `k` of a block of a mask (at most 64 rows).
#[inline]
pub(crate) fn kept(mask: &[bool]) -> u64 {
    pack(mask.iter().copied())
}

/// Bit `i` set for each byte `i` that is 1 (each byte is 0 or 1), eight bytes at a time: the
/// multiplication gathers the low bit of byte `i` into bit `56 + i` (no two products overlap,
/// so nothing carries). The bytes are read as words, with no copy byte by byte: the page's
/// engine, built for size, is not vectorised, and copying them took a tenth of its first page.
#[inline]
fn gather(bytes: &[u8; WORD]) -> u64 {
    let mut bits = 0u64;
    for (j, eight) in bytes.chunks_exact(8).enumerate() {
        let word = eight.first_chunk::<8>().map_or(0, |w| u64::from_le_bytes(*w));
        bits |= (word.wrapping_mul(0x0102_0408_1020_4080) >> 56) << (8 * j);
    }
    bits
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_row_has_its_status_bit_and_no_bit_past_the_end() {
        use Status::*;
        let status = [Open, Won, Lost, Unknown, Won, Lost];
        let close = [NO_DAY, 5, NO_DAY, 7, NO_DAY];
        let b = StatusBits::build(&close, &status);
        assert_eq!(b.len(), 5, "as many rows as the shorter column");
        let want = Block { open: 0b1, won: 0b10010, lost: 0b100, unknown: 0b1000, no_close: 0b10101 };
        assert_eq!(b.block(0), want);
        assert_eq!(b.block(1), Block::default());
        assert!(StatusBits::build(&[], &[]).is_empty());
    }

    proptest::proptest! {
        /// For any block, candidates and length, the rows kept are the candidates below the
        /// length that pass, whichever way they are tested.
        #[test]
        fn test_rows_keeps_the_candidates_that_pass(
            passing in proptest::collection::vec(proptest::bool::ANY, 64),
            candidates in proptest::num::u64::ANY,
            sparse in proptest::bool::ANY,
            len in 0usize..=64,
        ) {
            // Few candidates or many: both ways of testing.
            let candidates = if sparse { candidates & 0x0101_0101_0101_0101 } else { candidates };
            let want = (0..len).filter(|&k| candidates >> k & 1 == 1 && passing[k]).fold(0u64, |b, k| b | 1 << k);
            let every = || pack(passing[..len].iter().copied());
            proptest::prop_assert_eq!(test_rows(candidates, len, |k| passing[k], every), want);
        }
    }
}
