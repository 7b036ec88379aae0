//! How often each pair of dictionary codes occurs on a table's rows (an owner and the team a
//! deal carries, say): a counter per pair in one table when it has at most a given number of
//! them, so a count is an index however many values a first code meets (5,000 reps whose deals
//! spread over 50 teams took 30 ms with lists); beyond, a short list per first code, found by
//! a scan (a rep's deals carry one team or a few). An owner's main team and each team's reps
//! are read from it.

/// How many counters one table holds at most (4 MB): beyond, a list per first code.
pub const DENSE_COUNTS: usize = 1 << 20;

/// Counts of (first, second) code pairs (see the module docs).
pub struct PairCounts {
    /// Second codes are below this.
    seconds: usize,
    counts: Counts,
}

/// A counter per pair, first code by first code, or per first code its (second code, count)
/// pairs.
enum Counts {
    Table(Vec<u32>),
    Lists(Vec<Vec<(u32, usize)>>),
}

impl PairCounts {
    /// No pair counted yet, codes below `firsts` and `seconds`; a table when it has at most
    /// `dense` counters.
    pub fn new(firsts: usize, seconds: usize, dense: usize) -> PairCounts {
        let counts = match firsts.checked_mul(seconds).filter(|&n| n <= dense) {
            Some(n) => Counts::Table(vec![0; n]),
            None => Counts::Lists(vec![Vec::new(); firsts]),
        };
        PairCounts { seconds, counts }
    }

    /// Counts the pair (`a`, `b`) once more and gives its count (1 the first time); a code out
    /// of range (none, `NO_CODE`) counts for no one and gives 0.
    pub fn add(&mut self, a: u32, b: u32) -> usize {
        if b as usize >= self.seconds {
            return 0;
        }
        match &mut self.counts {
            Counts::Table(counts) => {
                let at = (a as usize).checked_mul(self.seconds).map(|row| row + b as usize);
                at.and_then(|at| counts.get_mut(at)).map_or(0, |n| {
                    *n = n.saturating_add(1);
                    *n as usize
                })
            }
            Counts::Lists(lists) => {
                let Some(list) = lists.get_mut(a as usize) else { return 0 };
                match list.iter_mut().find(|(code, _)| *code == b) {
                    Some((_, n)) => {
                        *n += 1;
                        *n
                    }
                    None => {
                        list.push((b, 1));
                        1
                    }
                }
            }
        }
    }

    /// Calls `f(b, count)` for each second code `b` counted with `a`, in no set order.
    pub fn each(&self, a: usize, mut f: impl FnMut(u32, usize)) {
        match &self.counts {
            Counts::Table(counts) => {
                let start = a.saturating_mul(self.seconds);
                let row = counts.get(start..start.saturating_add(self.seconds)).unwrap_or_default();
                row.iter().enumerate().filter(|(_, &n)| n > 0).for_each(|(b, &n)| f(b as u32, n as usize));
            }
            Counts::Lists(lists) => lists.get(a).into_iter().flatten().for_each(|&(b, n)| f(b, n)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::BTreeMap;

    proptest! {
        /// In a table or in lists, each pair's count is how often it was added; codes out of
        /// range count for no one.
        #[test]
        fn each_pair_counts_its_rows(pairs in proptest::collection::vec((0u32..7, 0u32..12), 0..300)) {
            let (firsts, seconds) = (5usize, 9usize);
            let mut want: BTreeMap<(u32, u32), usize> = BTreeMap::new();
            for &(a, b) in pairs.iter().filter(|&&(a, b)| (a as usize) < firsts && (b as usize) < seconds) {
                *want.entry((a, b)).or_insert(0) += 1;
            }
            for dense in [0, DENSE_COUNTS] {
                let mut counts = PairCounts::new(firsts, seconds, dense);
                let mut firsts_added = 0;
                for &(a, b) in &pairs {
                    firsts_added += usize::from(counts.add(a, b) == 1);
                }
                prop_assert_eq!(firsts_added, want.len(), "a pair's first count is 1");
                let mut got: BTreeMap<(u32, u32), usize> = BTreeMap::new();
                for a in 0..firsts {
                    counts.each(a, |b, n| {
                        got.insert((a as u32, b), n);
                    });
                }
                prop_assert_eq!(&got, &want, "dense up to {}", dense);
            }
        }
    }
}
