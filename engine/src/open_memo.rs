//! The pipeline tallies a [`crate::Selection`] has counted, kept for the KPIs that read the
//! same day again: the pipeline value and the open-deal count of sales velocity read the same
//! tally, a tile and its sparkline's last point share one, and a trend announces its bucket
//! ends ([`OpenMemo::plan`]) so the first read counts all of them in one sweep
//! ([`crate::open_tally::open_tallies`]).

use crate::pipeline_tally::OpenTally;
use std::sync::{Arc, Mutex};

/// Most tallies kept (a tally is a few numbers per stage); past it the oldest go.
const KEEP: usize = 256;

/// Tallies counted for one selection, by day, currency and table length (see the module docs).
#[derive(Debug, Default)]
pub struct OpenMemo {
    inner: Mutex<Memo>,
}

/// A tally's day, currency and table length.
type Key = (i32, Option<u32>, usize);

#[derive(Debug, Default)]
struct Memo {
    /// Days a trend will read: counted together on the first read of any of them.
    planned: Vec<i32>,
    /// `((day, currency, rows), tally)`.
    tallies: Vec<(Key, Arc<OpenTally>)>,
}

impl Clone for OpenMemo {
    /// A fresh memo: a clone may be given other masks.
    fn clone(&self) -> OpenMemo {
        OpenMemo::default()
    }
}

impl OpenMemo {
    /// How many tallies are kept.
    pub fn counted(&self) -> usize {
        self.inner.lock().map_or(0, |m| m.tallies.len())
    }

    /// Announces days that are about to be read (a trend's bucket ends).
    pub fn plan(&self, days: impl IntoIterator<Item = i32>) {
        if let Ok(mut memo) = self.inner.lock() {
            memo.planned = days.into_iter().collect();
        }
    }

    /// The tally of `day`, amounts in `currency`, for a table of `rows` rows: kept from an
    /// earlier read, or counted now by `count` (the tallies of the days it is given, in their
    /// order: [`crate::open_tally::open_tallies`] over the selection's rows) with every planned
    /// day not counted yet and every day of `along` not counted yet: the days a page is about
    /// to read next (a tile's comparison periods' last days), in the same sweep.
    pub fn tally_along(
        &self,
        rows: usize,
        day: i32,
        currency: Option<u32>,
        along: &[i32],
        count: impl FnOnce(&[i32]) -> Vec<OpenTally>,
    ) -> Arc<OpenTally> {
        let Ok(mut memo) = self.inner.lock() else {
            // Only a panic while the lock was held poisons it, and none can: count afresh.
            return Arc::new(count(&[day]).pop().unwrap_or_default());
        };
        let key = (day, currency, rows);
        if let Some((_, t)) = memo.tallies.iter().find(|(k, _)| *k == key) {
            return Arc::clone(t);
        }
        let mut days = vec![day];
        let counted = |p: &i32| memo.tallies.iter().any(|(k, _)| *k == (*p, currency, rows));
        let planned = if memo.planned.contains(&day) { memo.planned.as_slice() } else { &[] };
        for &p in planned.iter().chain(along) {
            if !days.contains(&p) && !counted(&p) {
                days.push(p);
            }
        }
        let tallies = count(&days);
        let mut first = None;
        for (day, tally) in days.into_iter().zip(tallies) {
            let tally = Arc::new(tally);
            first.get_or_insert_with(|| Arc::clone(&tally));
            memo.tallies.push(((day, currency, rows), tally));
        }
        let excess = memo.tallies.len().saturating_sub(KEEP);
        memo.tallies.drain(..excess);
        first.unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deals_table::DealsTable;
    use crate::mask::Mask;
    use crate::open_tally::open_tallies;
    use crate::stage::Status;

    impl OpenMemo {
        /// [`OpenMemo::tally_along`] over `d`'s rows that pass `mask`, nothing along.
        fn tally(&self, d: &DealsTable, mask: &Mask, day: i32, currency: Option<u32>) -> Arc<OpenTally> {
            self.tally_along(d.len(), day, currency, &[], |days| open_tallies(d, mask, days, currency))
        }
    }

    fn deals() -> DealsTable {
        let mut d = DealsTable::default();
        for (s, created, close) in [(Status::Open, 1, i32::MIN), (Status::Won, 2, 9), (Status::Lost, 4, 6)] {
            d.status.push(s);
            d.created.days.push(created);
            d.close.days.push(close);
            d.stage.push(None);
            d.amount.push(Some(1.0));
        }
        d
    }

    #[test]
    fn planned_days_are_counted_together_and_kept() {
        let (d, memo) = (deals(), OpenMemo::default());
        memo.plan([3, 5, 7]);
        let five = memo.tally(&d, &None, 5, None);
        assert_eq!(*five, open_tallies(&d, &None, &[5], None)[0]);
        // The other planned days were counted in the same sweep.
        let counted: Vec<i32> = memo.inner.lock().unwrap().tallies.iter().map(|(k, _)| k.0).collect();
        assert_eq!(counted, [5, 3, 7]);
        for day in [3, 7, 8] {
            assert_eq!(*memo.tally(&d, &None, day, None), open_tallies(&d, &None, &[day], None)[0], "{day}");
        }
        assert!(Arc::ptr_eq(&five, &memo.tally(&d, &None, 5, None)), "read again, not counted again");
        assert_eq!(memo.inner.lock().unwrap().tallies.len(), 4);
        // Another currency is another sweep of the planned days.
        memo.tally(&d, &None, 5, Some(0));
        assert_eq!(memo.inner.lock().unwrap().tallies.len(), 7);
    }

    #[test]
    fn days_along_are_counted_in_the_same_sweep_once() {
        let (d, memo) = (deals(), OpenMemo::default());
        memo.tally(&d, &None, 3, None);
        let five = memo.tally_along(d.len(), 5, None, &[3, 7, 7, 5], |days| open_tallies(&d, &None, days, None));
        assert_eq!(*five, open_tallies(&d, &None, &[5], None)[0]);
        let counted: Vec<i32> = memo.inner.lock().unwrap().tallies.iter().map(|(k, _)| k.0).collect();
        assert_eq!(counted, [3, 5, 7], "3 was counted before, 7 along with 5, each once");
        assert_eq!(*memo.tally(&d, &None, 7, None), open_tallies(&d, &None, &[7], None)[0]);
        assert_eq!(memo.inner.lock().unwrap().tallies.len(), 3, "7 is read, not counted again");
        // A day already counted is read whatever comes along.
        assert!(Arc::ptr_eq(
            &five,
            &memo.tally_along(d.len(), 5, None, &[9], |days| open_tallies(&d, &None, days, None))
        ));
        assert_eq!(memo.inner.lock().unwrap().tallies.len(), 3);
    }

    #[test]
    fn at_most_keep_tallies_are_kept() {
        let (d, memo) = (deals(), OpenMemo::default());
        for day in 0..(KEEP as i32 + 40) {
            memo.tally(&d, &None, day, None);
        }
        assert_eq!(memo.inner.lock().unwrap().tallies.len(), KEEP);
    }
}
