//! The rank of a day among a few sorted days (a trend's bucket ends): how many of them fall
//! before it. The sweeps over the deals ask it once or twice per deal, and a binary search
//! over a dozen days mispredicts a branch at almost every step; a table over the days' span
//! answers with one clamped lookup and no branch on the data.

/// Most days a [`DayRank`] table spans; wider lists are searched.
const MAX_TABLE: i64 = 8_192;

/// Ranks days among a sorted list of distinct days (see the module docs).
#[derive(Clone, Debug)]
pub struct DayRank<'a> {
    /// The days, ascending, without repeats.
    days: &'a [i32],
    /// First day of the table (the first of `days`).
    first: i32,
    /// `table[k]`: the rank of day `first + k - 1`; the first entry answers every day before
    /// `first`, the last every day after the last of `days`. Empty when the span is too wide.
    table: Vec<u32>,
}

impl<'a> DayRank<'a> {
    /// The ranks among `days` (ascending, distinct).
    pub fn new(days: &'a [i32]) -> DayRank<'a> {
        let (Some(&first), Some(&last)) = (days.first(), days.last()) else {
            return DayRank { days, first: 0, table: Vec::new() };
        };
        let span = last as i64 - first as i64 + 1;
        if !(1..=MAX_TABLE).contains(&span) || days.len() > u32::MAX as usize {
            return DayRank { days, first, table: Vec::new() };
        }
        let mut table = Vec::with_capacity(span as usize + 2);
        table.push(0);
        let mut rank = 0usize;
        for day in first..=last {
            while days.get(rank).is_some_and(|&d| d < day) {
                rank += 1;
            }
            table.push(rank as u32);
        }
        table.push(days.len() as u32);
        DayRank { days, first, table }
    }

    /// How many of the days are before `day`: the first of them on or after it.
    #[inline]
    pub fn rank(&self, day: i32) -> usize {
        if self.table.is_empty() {
            return self.days.partition_point(|&d| d < day);
        }
        let top = self.table.len() as i64 - 1;
        let at = (day as i64 - self.first as i64 + 1).clamp(0, top) as usize;
        self.table.get(at).map_or(0, |&r| r as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The table gives what a binary search gives, for any day, narrow or wide lists.
        #[test]
        fn ranks_agree_with_a_search(
            days in proptest::collection::vec(-20_000i32..20_000, 0..20),
            probes in proptest::collection::vec(proptest::num::i32::ANY, 0..40),
            near in proptest::collection::vec(-20_100i32..20_100, 0..40),
        ) {
            let mut days = days;
            days.sort_unstable();
            days.dedup();
            let rank = DayRank::new(&days);
            for day in probes.into_iter().chain(near) {
                proptest::prop_assert_eq!(rank.rank(day), days.partition_point(|&d| d < day), "{}", day);
            }
        }
    }

    #[test]
    fn ranks_around_a_few_days() {
        let days = [10, 12, 20];
        let rank = DayRank::new(&days);
        let got: Vec<usize> = [i32::MIN, 9, 10, 11, 12, 13, 20, 21, i32::MAX].iter().map(|&d| rank.rank(d)).collect();
        assert_eq!(got, [0, 0, 0, 1, 1, 2, 2, 3, 3]);
        assert!(!rank.table.is_empty(), "a narrow list has a table");
        assert_eq!(DayRank::new(&[]).rank(5), 0);
        assert_eq!(DayRank::new(&[0, 1_000_000]).rank(7), 1, "a wide list is searched");
    }
}
