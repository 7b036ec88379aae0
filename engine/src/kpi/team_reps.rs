//! How many distinct reps each team has among (team, owner) pairs met row by row, as
//! `revenue_per_rep` divides each team's revenue by. When a rep's deals are spread over teams,
//! almost every closed deal brings a pair: a million-deal file of 5,000 reps over 50 teams
//! listed 300,000 pairs per period and sorted them (88 ms of one task on the page). A flag per
//! (team, owner) counts them as they come instead, when that table is small enough.

/// Most (team, owner) flags kept in one table (4 MB): beyond, the pairs are listed and counted
/// once sorted.
pub(super) const DENSE_PAIRS: usize = 1 << 22;

/// Distinct owners per team (see the module docs).
pub(super) struct TeamReps {
    owners: usize,
    /// A flag per (team, owner), team-major; empty when the pairs are listed instead.
    seen: Vec<bool>,
    pairs: Vec<(u32, u32)>,
    counts: Vec<usize>,
}

impl TeamReps {
    /// Counts for `teams` teams and `owners` owners (dictionary codes below those), flagged when
    /// `teams × owners` is at most `dense_up_to`.
    pub(super) fn new(teams: usize, owners: usize, dense_up_to: usize) -> TeamReps {
        let cells = teams.saturating_mul(owners);
        let seen = if cells <= dense_up_to { vec![false; cells] } else { Vec::new() };
        TeamReps { owners, seen, pairs: Vec::new(), counts: vec![0; teams] }
    }

    /// Meets owner `o` in team `t` (codes out of range are ignored).
    pub(super) fn add(&mut self, t: u32, o: u32) {
        let (t, o) = (t as usize, o as usize);
        if t >= self.counts.len() || o >= self.owners {
            return;
        }
        if self.seen.is_empty() {
            self.pairs.push((t as u32, o as u32));
        } else if let Some(seen) = self.seen.get_mut(t * self.owners + o).filter(|s| !**s) {
            *seen = true;
            self.counts[t] += 1;
        }
    }

    /// Each team's distinct owners, by team code.
    pub(super) fn counts(mut self) -> Vec<usize> {
        if self.seen.is_empty() {
            crate::sort::sort_by_key(&mut self.pairs, |&pair| pair);
            self.pairs.dedup();
            for &(t, _) in &self.pairs {
                self.counts[t as usize] += 1;
            }
        }
        self.counts
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::BTreeSet;

    proptest! {
        /// Flagged or listed, each team counts the distinct owners met in it.
        #[test]
        fn each_team_counts_its_distinct_owners(
            pairs in proptest::collection::vec((0u32..7, 0u32..12), 0..300),
            teams in 1usize..6,
            owners in 1usize..10,
        ) {
            let want: Vec<usize> = (0..teams)
                .map(|t| {
                    let kept = pairs.iter().filter(|&&(pt, po)| pt as usize == t && (po as usize) < owners);
                    kept.map(|&(_, o)| o).collect::<BTreeSet<_>>().len()
                })
                .collect();
            for dense_up_to in [0, DENSE_PAIRS] {
                let mut reps = TeamReps::new(teams, owners, dense_up_to);
                pairs.iter().for_each(|&(t, o)| reps.add(t, o));
                prop_assert_eq!(&reps.counts(), &want, "dense up to {}", dense_up_to);
            }
        }
    }
}
