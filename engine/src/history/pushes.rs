//! Push counts: how often a deal's expected close date moved later.

use super::table::StageHistory;
use crate::day::Day;
use crate::filter::{keeps, Mask};
use crate::period::Period;

/// One deal's pushes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DealPushes {
    /// The deal id.
    pub deal_id: String,
    /// Times its close date moved later.
    pub pushes: usize,
    /// Days it moved later in total.
    pub days: i64,
}

/// Push counts over a history.
#[derive(Clone, Debug, PartialEq)]
pub struct Pushes {
    /// Every push counted.
    pub pushes: usize,
    /// The deals pushed at least once, most pushes first (ties by id).
    pub deals: Vec<DealPushes>,
    /// Mean pushes per pushed deal, `None` when none was pushed.
    pub mean_per_pushed_deal: Option<f64>,
    /// Whether the history records close dates at all (without them nothing can be pushed).
    pub has_close_dates: bool,
}

/// Counts the pushes dated in `period` (`None`: all) of the deals `keep` selects. A push is a
/// change whose close date is later than the deal's close date before it; a row without a
/// close date leaves the last known one in force.
pub fn pushes(h: &StageHistory, keep: &Mask, period: Option<Period>) -> Pushes {
    let mut deals = Vec::new();
    let mut total = 0;
    for events in h.by_deal() {
        let Some(first) = events.first() else { continue };
        if !keeps(keep, first.deal as usize) {
            continue;
        }
        let (mut last, mut n, mut days): (Option<Day>, usize, i64) = (None, 0, 0);
        for e in events {
            let Some(close) = e.close else { continue };
            if let Some(before) = last.filter(|&b| close > b) {
                if period.is_none_or(|p| p.contains(e.changed_at)) {
                    n += 1;
                    days += i64::from(before.days_until(close));
                }
            }
            last = Some(close);
        }
        if n > 0 {
            total += n;
            let deal_id = h.deal_ids.get(first.deal as usize).cloned().unwrap_or_default();
            deals.push(DealPushes { deal_id, pushes: n, days });
        }
    }
    crate::sort::sort_by(&mut deals, |a, b| b.pushes.cmp(&a.pushes).then_with(|| a.deal_id.cmp(&b.deal_id)));
    let mean = (!deals.is_empty()).then(|| total as f64 / deals.len() as f64);
    let has_close_dates = h.events.iter().any(|e| e.close.is_some());
    Pushes { pushes: total, deals, mean_per_pushed_deal: mean, has_close_dates }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::change::fixture::day;
    use crate::history::table::HistoryBuilder;

    #[test]
    fn counts_moves_later_and_carries_the_last_known_date() {
        let mut b = HistoryBuilder::default();
        let rows = [
            ("A", "2024-01-01", Some("2024-03-31")),
            ("A", "2024-01-10", Some("2024-04-30")), // +30
            ("A", "2024-01-20", None),
            ("A", "2024-02-01", Some("2024-04-15")), // earlier: pulled in
            ("A", "2024-02-10", Some("2024-05-15")), // +30
            ("B", "2024-01-01", Some("2024-03-31")),
            ("B", "2024-02-01", Some("2024-03-31")),
            ("C", "2024-01-05", Some("2024-02-01")),
            ("C", "2024-03-01", Some("2024-02-11")), // +10, in March
        ];
        for (id, at, close) in rows {
            b.push(id, Some("Proposal"), Some(day(at)), None, close.map(day));
        }
        let h = b.finish();
        let p = pushes(&h, &None, None);
        assert_eq!(p.pushes, 3);
        let got: Vec<(&str, usize, i64)> = p.deals.iter().map(|d| (d.deal_id.as_str(), d.pushes, d.days)).collect();
        assert_eq!(got, [("A", 2, 60), ("C", 1, 10)]);
        assert_eq!(p.mean_per_pushed_deal, Some(1.5));
        assert!(p.has_close_dates);
        let feb = Period::new(day("2024-02-01"), day("2024-02-29"));
        assert_eq!(pushes(&h, &None, feb).pushes, 1);
        assert_eq!(pushes(&h, &Some(vec![false, true, true]), None).pushes, 1);
        assert!(!pushes(&StageHistory::default(), &None, None).has_close_dates);
    }
}
