//! The line each key was first seen on, in four bytes a key instead of eight: the low 32 bits of
//! each line, and the high bits once for every run of keys that shares them (lines pass 2^32
//! only in a file of more than 4 GiB, and then stay in one run for billions of lines).

/// Lines, one per key, in the order the keys were seen.
#[derive(Default)]
pub(crate) struct Lines {
    low: Vec<u32>,
    /// Where the high bits change: (first key with them, the high bits); none while zero.
    high: Vec<(usize, u32)>,
}

impl Lines {
    /// Appends the line of the next key.
    pub(crate) fn push(&mut self, line: u64) {
        let high = (line >> 32) as u32;
        if high != self.high.last().map_or(0, |h| h.1) {
            self.high.push((self.low.len(), high));
        }
        self.low.push(line as u32);
    }

    /// The line of key `i`.
    pub(crate) fn get(&self, i: usize) -> Option<u64> {
        let low = *self.low.get(i)?;
        let runs = self.high.partition_point(|h| h.0 <= i);
        let high = runs.checked_sub(1).and_then(|r| self.high.get(r)).map_or(0, |h| h.1);
        Some(u64::from(high) << 32 | u64::from(low))
    }

    /// Room for `more` keys' lines.
    pub(crate) fn reserve(&mut self, more: usize) {
        self.low.reserve(more);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Any lines, in any order, across any high bits: each reads back as pushed.
        #[test]
        fn lines_read_back_as_pushed(steps in proptest::collection::vec((0u64..3, 0u64..1 << 33), 0..200)) {
            let (mut lines, mut want) = (Lines::default(), Vec::new());
            for (kind, n) in steps {
                // Runs near a boundary of the high bits, and jumps anywhere.
                let line = match kind {
                    0 => want.last().copied().unwrap_or(0) + n % 3,
                    1 => (1u64 << 32) - 2 + n % 5,
                    _ => n * 3,
                };
                lines.push(line);
                want.push(line);
            }
            for (i, &line) in want.iter().enumerate() {
                proptest::prop_assert_eq!(lines.get(i), Some(line));
            }
            proptest::prop_assert_eq!(lines.get(want.len()), None);
        }
    }
}
