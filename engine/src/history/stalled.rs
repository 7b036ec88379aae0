//! The `stalled_deals` KPI: open deals longer in their stage than most deals stay there.

use super::quantile::quantile;
use super::spells::{durations, spells};
use super::table::StageHistory;
use crate::day::Day;
use crate::filter::{keeps, Mask};
use crate::stage::Status;

/// One stalled deal.
#[derive(Clone, Debug, PartialEq)]
pub struct StalledDeal {
    /// The deal id.
    pub deal_id: String,
    /// Its current stage.
    pub stage: String,
    /// Days in that stage so far.
    pub days: i32,
    /// The stage's 90th percentile it exceeds.
    pub p90_days: f64,
}

/// The stalled deals on a day.
#[derive(Clone, Debug, PartialEq)]
pub struct Stalled {
    /// The stalled deals, longest over first (ties by id).
    pub deals: Vec<StalledDeal>,
    /// Open deals in a stage with no ended spell to compare with (not judged).
    pub unjudged: usize,
    /// Open deals judged.
    pub judged: usize,
}

/// `stalled_deals` on `as_of`: deals (of those `keep` selects) whose last change put them in
/// an open stage on or before `as_of`, and whose current spell is longer than the 90th
/// percentile of the ended spells of that stage (ended on or before `as_of`, same deals).
pub fn stalled_deals(h: &StageHistory, keep: &Mask, as_of: Day) -> Stalled {
    let all: Vec<_> = spells(h).into_iter().filter(|s| s.from <= as_of).collect();
    // Spells that ended after the as-of date were still open on it.
    let ended: Vec<_> = all.iter().map(|s| super::spells::Spell { to: s.to.filter(|&t| t <= as_of), ..*s }).collect();
    let p90: Vec<Option<f64>> = durations(h, &ended, keep, None).iter_mut().map(|d| quantile(d, 0.9)).collect();
    let mut out = Stalled { deals: Vec::new(), unjudged: 0, judged: 0 };
    for s in ended.iter().filter(|s| s.to.is_none()) {
        if !keeps(keep, s.deal as usize) || h.stage_rules.status(s.stage) != Status::Open {
            continue;
        }
        let Some(limit) = p90.get(s.stage as usize).copied().flatten() else {
            out.unjudged += 1;
            continue;
        };
        out.judged += 1;
        let days = s.from.days_until(as_of);
        if f64::from(days) > limit {
            let deal_id = h.deal_ids.get(s.deal as usize).cloned().unwrap_or_default();
            out.deals.push(StalledDeal { deal_id, stage: h.stage_name(s.stage).to_owned(), days, p90_days: limit });
        }
    }
    crate::sort::sort_by(&mut out.deals, |a, b| {
        (f64::from(b.days) - b.p90_days)
            .total_cmp(&(f64::from(a.days) - a.p90_days))
            .then_with(|| a.deal_id.cmp(&b.deal_id))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::change::fixture::day;
    use crate::history::table::HistoryBuilder;

    #[test]
    fn open_deals_past_their_stage_p90_are_stalled() {
        let mut b = HistoryBuilder::default();
        // Proposal spells of 10, 10, 20 days → p90 = 18.
        let rows = [
            ("A", "Proposal", "2024-01-01"),
            ("A", "Closed Won", "2024-01-11"),
            ("B", "Proposal", "2024-01-01"),
            ("B", "Closed Lost", "2024-01-11"),
            ("C", "Proposal", "2024-01-01"),
            ("C", "Closed Won", "2024-01-21"),
            ("S", "Proposal", "2024-02-01"),    // 19 days on 02-20: stalled
            ("T", "Proposal", "2024-02-05"),    // 15 days: not
            ("U", "Prospecting", "2024-01-01"), // no ended Prospecting spell: unjudged
            ("V", "Proposal", "2024-01-01"),    // moved on after the as-of date: 50 days on it
            ("V", "Negotiation", "2024-03-01"),
        ];
        for (id, stage, at) in rows {
            b.push(id, Some(stage), Some(day(at)), None, None);
        }
        let h = b.finish();
        let s = stalled_deals(&h, &None, day("2024-02-20"));
        let got: Vec<(&str, i32, f64)> = s.deals.iter().map(|d| (d.deal_id.as_str(), d.days, d.p90_days)).collect();
        assert_eq!(got, [("V", 50, 18.0), ("S", 19, 18.0)]);
        assert_eq!((s.judged, s.unjudged), (3, 1));
        let none = stalled_deals(&h, &Some(vec![true; 6]), day("2024-02-20"));
        assert_eq!(none.deals.len(), 1, "only S among the first six deals");
    }
}
