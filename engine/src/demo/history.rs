//! The demo company's stage history and its earlier export, both read off one simulated
//! path per deal so they agree with each other and with [`super::demo_deals`].
//!
//! Each deal enters its first open stage on its created date and moves up the open stages
//! it reached (every one for a won deal, up to its lost stage for a lost one, up to its stage
//! today for an open one), a tenth of them stepping back once on the way (and some open
//! deals went a stage too far and came back to where they are); a closed deal's
//! last change is into Closed Won / Closed Lost on its close date. A third of the closed deals
//! had their expected close pushed (one or two extra rows in the same stage); three in ten had
//! their amount revised once. The earlier export is the state of every path on
//! [`snapshot_day`], a month before the data ends; the deals open then and now had the
//! expected close they have now, except a third that slipped since and a tenth pulled in (one
//! history row after the snapshot moved it).

use super::facts::{deal_facts, part, stream, DealFact};
use super::{accounts, demo_deals, demo_range, Rng, OPEN_STAGES};
use crate::column::DictColumn;
use crate::day::Day;
use crate::deals_table::{DealsTable, Dim};
use crate::history::{HistoryBuilder, StageHistory};
use crate::stage::{classify_stage_name, StageRules, Status};

/// One change on a deal's simulated path.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Step {
    stage: &'static str,
    /// A row that only pushes the expected close.
    push: bool,
    /// A row that only revises the amount.
    revise: bool,
    at: Day,
    amount: f64,
    close: Option<Day>,
}

/// The as-of date of the demo's earlier export: 30 days before the demo data ends.
pub fn snapshot_day() -> Day {
    Day(demo_range().1 .0 - 30)
}

/// The expected close on [`snapshot_day`] (`as_of`) of a deal open then and now, whose
/// expected close now is `now`: a third slipped since (it was expected two to ten weeks
/// earlier, though not before the day after `as_of`), one in ten was pulled in (expected two
/// to eight weeks later), the rest are unchanged.
fn expected_then(rng: &mut Rng, now: Option<Day>, as_of: Day) -> Option<Day> {
    let now = now?;
    let roll = rng.unit();
    let days = 14 + rng.below(43) as i32;
    Some(if roll < 0.33 {
        Day((now.0 - days).max(as_of.0 + 1).min(now.0))
    } else if roll < 0.43 {
        Day(now.0 + days)
    } else {
        now
    })
}

/// The open stages a deal passed through, in order, with at most one step back.
fn stages_reached(rng: &mut Rng, f: &DealFact, now: &str, lost_stage: Option<&str>) -> Vec<&'static str> {
    let index = |name: &str| OPEN_STAGES.iter().position(|s| *s == name);
    let top = match f.status {
        Status::Won => OPEN_STAGES.len() - 1,
        Status::Lost => lost_stage.and_then(index).unwrap_or(0),
        _ => index(now).unwrap_or(0),
    };
    let mut path: Vec<&'static str> = OPEN_STAGES.iter().take(top + 1).copied().collect();
    if f.status == Status::Open && top + 1 < OPEN_STAGES.len() && rng.chance(0.3) {
        // Went one stage too far and came back to where it is now.
        path.push(OPEN_STAGES[top + 1]);
        path.push(OPEN_STAGES[top]);
        return path;
    }
    if top >= 1 && rng.chance(0.1) {
        // Back one stage from stage `k` (1..=top), then on again.
        let k = 1 + rng.below(top);
        let mut with_back = path[..=k].to_vec();
        with_back.push(OPEN_STAGES[k - 1]);
        with_back.extend_from_slice(&path[k..]);
        path = with_back;
    }
    path
}

/// The simulated path of one deal; `now` is its stage in the later export.
fn path(rng: &mut Rng, f: &DealFact, now: &str, lost_stage: Option<&str>, end: Day) -> Vec<Step> {
    let stages = stages_reached(rng, f, now, lost_stage);
    let final_day = f.close.unwrap_or(end);
    let span = (final_day.0 - f.created.0).max(0);
    // Closed deals change once more, into their closed stage, on the close date.
    let moves = stages.len() + usize::from(f.close.is_some());
    let step = span as f64 / moves.max(1) as f64;
    let revised = rng.chance(0.3);
    let first_amount =
        if revised { (f.amount * (0.75 + 0.5 * rng.unit()) / 10.0).round().max(1.0) * 10.0 } else { f.amount };
    let revise_at = Day(f.created.0 + ((0.3 + 0.7 * rng.unit()) * span as f64).round() as i32);
    let pushes = if f.close.is_some() && rng.chance(0.33) { 1 + rng.below(2) } else { 0 };
    let push_days: Vec<i32> = (0..pushes).map(|_| 14 + rng.below(32) as i32).collect();
    // Expected close: the actual close less the pushes still to come.
    let expected = |pushed: usize| f.close.map(|c| Day(c.0 - push_days[pushed..].iter().sum::<i32>()));
    let mut steps = Vec::with_capacity(moves + pushes);
    let mut last = f.created;
    for (k, stage) in stages.iter().enumerate() {
        let jitter = if k == 0 { 0.0 } else { (rng.unit() - 0.5) * 0.4 * step };
        let at = Day((f.created.0 + (k as f64 * step + jitter).round() as i32).clamp(last.0, final_day.0));
        last = at;
        steps.push(Step { stage, push: false, revise: false, at, amount: first_amount, close: None });
    }
    // Pushes: rows in the stage the deal is in at a day inside the path.
    for n in 0..pushes {
        let at = Day(f.created.0 + ((n + 1) as f64 * span as f64 / (pushes + 2) as f64).round() as i32);
        let Some(current) = steps.iter().rev().find(|s| s.at <= at).copied() else { continue };
        steps.push(Step { at, push: true, revise: false, ..current });
    }
    if revised {
        if let Some(current) = steps.iter().rev().find(|s| s.at <= revise_at).copied() {
            steps.push(Step { at: revise_at, push: false, revise: true, ..current });
        }
    }
    crate::sort::sort_by_key(&mut steps, |s| s.at);
    // Each row carries the expected close after the pushes up to it, and the amount after
    // the revision if it came.
    let (mut pushed, mut after_revision) = (0, !revised);
    for s in &mut steps {
        pushed += usize::from(s.push);
        after_revision |= s.revise;
        s.close = expected(pushed.min(pushes));
        s.amount = if after_revision { f.amount } else { first_amount };
    }
    if let (Some(close), true) = (f.close, f.status.is_closed()) {
        let stage = if f.won() { "Closed Won" } else { "Closed Lost" };
        steps.push(Step { stage, push: false, revise: false, at: close, amount: f.amount, close: Some(close) });
    }
    steps
}

/// Every deal's path, in deal order, with the demo's deals (and their lost stages).
fn paths(seed: u64) -> (DealsTable, Vec<Vec<Step>>) {
    let deals = demo_deals(seed);
    let facts = deal_facts(&deals);
    // The same lost stages the demo workspace shows (same stream, same draws).
    let lost = accounts::lost_stages(&mut stream(seed, part::LOST_STAGES), &facts);
    let mut rng = stream(seed, part::HISTORY);
    let end = demo_range().1;
    let mut slips = stream(seed, part::SLIPS);
    let all = facts
        .iter()
        .map(|f| {
            let now = deals.stage.get(f.row).unwrap_or(OPEN_STAGES[0]);
            let mut steps = path(&mut rng, f, now, lost.get(f.row), end);
            if f.status == Status::Open {
                expected_closes_of_open(&mut slips, &mut steps, deals.close.get(f.row), end);
            }
            steps
        })
        .collect();
    (deals, all)
}

/// Gives the rows of a deal open today the expected close it had then: `now` (its close
/// date in the deals) from [`snapshot_day`] on, and before that the one [`expected_then`]
/// draws; when the two differ a row in the same stage, between the snapshot and `end`, moved
/// it (a push when it moved later, as in Salesforce's `OpportunityHistory`).
fn expected_closes_of_open(rng: &mut Rng, steps: &mut Vec<Step>, now: Option<Day>, end: Day) {
    let as_of = snapshot_day();
    let then = expected_then(rng, now, as_of);
    let moved_at = Day(as_of.0 + 1 + rng.below((end.0 - as_of.0).max(1) as usize) as i32);
    let open_then = steps.first().is_some_and(|s| s.at <= as_of);
    for s in steps.iter_mut() {
        s.close = if s.at <= as_of { then } else { now };
    }
    if open_then && then != now {
        if let Some(current) = steps.iter().rev().find(|s| s.at <= moved_at).copied() {
            for s in steps.iter_mut().filter(|s| s.at > as_of && s.at <= moved_at) {
                s.close = then;
            }
            steps.push(Step { at: moved_at, push: true, revise: false, close: now, ..current });
            crate::sort::sort_by_key(steps, |s| s.at);
        }
    }
}

/// The demo company's stage history for `seed` (deal_id, stage, changed_at, amount,
/// close_date per change), as a Salesforce `OpportunityHistory` export would give it. It
/// agrees with [`demo_deals`]: every deal's last row is its stage today, on its close date
/// when closed.
pub fn demo_history(seed: u64) -> StageHistory {
    let (deals, all) = paths(seed);
    let mut b = HistoryBuilder::default();
    for (row, steps) in all.iter().enumerate() {
        let id = deals.deal_id.get(row);
        for s in steps {
            b.push(id, Some(s.stage), Some(s.at), Some(s.amount), s.close);
        }
    }
    let mut h = b.finish();
    h.order_like(&deals);
    h
}

/// The demo's earlier export for `seed`: the deals as they stood on [`snapshot_day`], a month
/// before [`demo_deals`] (the later export) ends. Deals created since are absent, deals won
/// or lost since are still open with their stage, amount and expected close of that day, and
/// a few open deals are missing from it (as in a filtered export). Same seed, same table.
pub fn demo_snapshot(seed: u64) -> DealsTable {
    let (deals, all) = paths(seed);
    let as_of = snapshot_day();
    let mut rng = stream(seed, part::SNAPSHOT);
    let mut t = DealsTable { dims: Dim::ALL.map(|_| Some(DictColumn::default())), ..DealsTable::default() };
    for s in OPEN_STAGES.iter().chain(&["Closed Won", "Closed Lost"]) {
        t.stage.intern(s);
    }
    for (row, steps) in all.iter().enumerate() {
        let Some(state) = steps.iter().rev().find(|s| s.at <= as_of) else { continue };
        let status = classify_stage_name(state.stage);
        if status == Status::Open && rng.chance(0.02) {
            continue;
        }
        t.deal_id.push(deals.deal_id.get(row));
        t.amount.push(Some(state.amount));
        t.stage.push(Some(state.stage));
        t.status.push(status);
        t.created.push(deals.created.get(row));
        t.close.push(state.close);
        for (mine, theirs) in t.dims.iter_mut().zip(&deals.dims) {
            if let (Some(m), Some(c)) = (mine, theirs) {
                m.push(c.get(row));
            }
        }
    }
    t.stage_rules = StageRules::infer(&t.stage);
    t
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::change::{compare, CompareOptions, Flow};
    use crate::demo::DEMO_SEED;
    use crate::history::{pushes, stage_conversion, stalled_deals, time_in_stage};

    #[test]
    fn the_same_seed_gives_the_same_history_and_snapshot() {
        assert_eq!(demo_history(DEMO_SEED), demo_history(DEMO_SEED));
        assert_eq!(demo_snapshot(DEMO_SEED), demo_snapshot(DEMO_SEED));
        assert_ne!(demo_snapshot(DEMO_SEED).amount, demo_snapshot(DEMO_SEED + 1).amount);
    }

    #[test]
    fn the_history_ends_where_the_deals_stand() {
        let (deals, h) = (demo_deals(DEMO_SEED), demo_history(DEMO_SEED));
        assert_eq!(h.deal_ids.len(), deals.len());
        assert_eq!(h.skipped, 0);
        for (events, row) in h.by_deal().zip(0..) {
            let last = events.last().unwrap();
            assert_eq!(h.deal_ids[last.deal as usize], deals.deal_id.get(row));
            assert_eq!(Some(h.stage_name(last.stage)), deals.stage.get(row), "{}", deals.deal_id.get(row));
            assert_eq!(events.first().map(|e| e.changed_at), deals.created.get(row));
            if deals.status[row].is_closed() {
                assert_eq!(Some(last.changed_at), deals.close.get(row));
                assert_eq!(last.amount, deals.amount.get(row));
            }
            assert!(events.windows(2).all(|w| w[0].changed_at <= w[1].changed_at));
        }
    }

    #[test]
    fn the_pipeline_change_page_is_alive() {
        let (a, b) = (demo_snapshot(DEMO_SEED), demo_deals(DEMO_SEED));
        assert!(crate::change::overlap(&a, &b).likely_same_deals());
        let c = compare(&a, &b, &CompareOptions::default()).unwrap();
        assert_eq!(c.as_of_earlier, snapshot_day());
        assert_eq!(c.flows_to_end(), c.total(Flow::End).cents);
        for f in [Flow::Start, Flow::New, Flow::Increased, Flow::Decreased, Flow::Won, Flow::Lost, Flow::End] {
            assert!(c.total(f).count >= 3, "{f:?}: {:?}", c.total(f));
        }
        assert!(c.stage_forward > 10 && c.stage_back > 0, "{} / {}", c.stage_forward, c.stage_back);
        assert!(c.missing_from_earlier > 0);
        // The end bar is the later export's open pipeline.
        let open: f64 = (0..b.len()).filter(|&i| b.status[i] == Status::Open).filter_map(|i| b.amount.get(i)).sum();
        assert!((c.total(Flow::End).amount() - open).abs() < 0.5);
    }

    #[test]
    fn the_open_deals_expected_closes_make_the_window_views_alive() {
        let (a, b) = (demo_snapshot(DEMO_SEED), demo_deals(DEMO_SEED));
        let end = demo_range().1;
        // Every open deal has an expected close within two quarters after the last day.
        for i in (0..b.len()).filter(|&i| b.status[i] == Status::Open) {
            let c = b.close.get(i).unwrap();
            assert!(c > end && c.0 <= end.0 + 182, "{}: {c:?}", b.deal_id.get(i));
        }
        // ... which moves neither the period's anchor nor the earlier export's as-of date.
        assert_eq!(b.latest_day().map(|d| d.month_start()), Some(end.month_start()));
        assert_eq!(crate::change::snapshot_as_of(&a), Some(snapshot_day()));
        // The history agrees: each open deal's last row carries its expected close today.
        let h = demo_history(DEMO_SEED);
        for (events, row) in h.by_deal().zip(0..) {
            if b.status[row] == Status::Open {
                assert_eq!(events.last().and_then(|e| e.close), b.close.get(row), "{}", b.deal_id.get(row));
            }
        }
        let whole = compare(&a, &b, &CompareOptions::default()).unwrap();
        assert!(whole.slipped > 20 && whole.mean_days_slipped.unwrap() >= 14.0, "{}", whole.slipped);
        // The quarter after the last day: deals slipped out of it and pulled into it.
        let next_quarter = crate::period::Period::new(Day(end.0 + 1), Day(end.0 + 92)).unwrap();
        let o = CompareOptions { window: Some(next_quarter), ..CompareOptions::default() };
        let c = compare(&a, &b, &o).unwrap();
        assert_eq!(c.flows_to_end(), c.total(Flow::End).cents);
        for f in [Flow::PulledIn, Flow::PushedOut, Flow::Start, Flow::End] {
            assert!(c.total(f).count >= 3, "{f:?}: {:?}", c.total(f));
        }
    }

    #[test]
    fn the_history_kpis_are_alive() {
        let h = demo_history(DEMO_SEED);
        let t = time_in_stage(&h, &None, None);
        let names: Vec<&str> = t.stages.iter().map(|s| s.stage.as_str()).take(4).collect();
        assert_eq!(names, OPEN_STAGES);
        for s in &t.stages[..4] {
            let (m, p90) = (s.median_days.unwrap(), s.p90_days.unwrap());
            assert!(m > 1.0 && p90 > m && s.spells > 100, "{s:?}");
        }
        let m = stage_conversion(&h, &None, None);
        assert!(m.backward > 10 && m.count("Negotiation", "Closed Won") > 100);
        assert!(pushes(&h, &None, None).pushes > 100);
        let stalled = stalled_deals(&h, &None, demo_range().1);
        assert!(!stalled.deals.is_empty() && stalled.judged > 100);
    }
}
