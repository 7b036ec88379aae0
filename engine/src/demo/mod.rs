//! The built-in demo company: a seeded, deterministic generator of a realistic deals table
//! ([`demo_deals`]) and of the whole company around it ([`demo_workspace`]).
//!
//! Three years of deals (2023-11-01 to 2026-10-31) for twelve reps in three teams and three
//! regions, five products and five lead sources; log-normal amounts and cycle lengths,
//! a summer and December slump, growth year on year, quarter-end pushes, and the deals still
//! open on the last day spread over four open stages, with expected closes over the next
//! two quarters. [`demo_workspace`] adds the accounts
//! and lost stages of those deals and the leads, activities, customers, spend, quotas and
//! forecasts of the same company (see the `company` module).

mod accounts;
mod activities;
/// The id of the lead at `index` in the final order.
fn lead_id(index: usize) -> String {
    format!("L-{:05}", index + 1)
}

#[cfg(test)]
mod checks;
mod clock;
mod company;
mod customers;
mod facts;
mod history;
mod leads;
mod plans;
mod rng;
mod spend;

pub use company::demo_workspace;
pub use history::{demo_history, demo_snapshot, snapshot_day};
pub use rng::Rng;

use crate::column::DictColumn;
use crate::day::Day;
use crate::deals_table::{DealsTable, Dim};
use crate::stage::StageRules;

/// The seed the app's demo uses.
pub const DEMO_SEED: u64 = 0x5EED_2026;

struct Rep {
    name: &'static str,
    team: usize,
    region: usize,
    /// Multiplies the win probability.
    skill: f64,
}

const TEAMS: [&str; 3] = ["Enterprise", "Mid-Market", "SMB"];
/// Amount multiplier and median cycle length (days) per team.
const TEAM_SIZE: [f64; 3] = [3.0, 1.0, 0.4];
const TEAM_CYCLE: [f64; 3] = [70.0, 42.0, 24.0];
const REGIONS: [&str; 3] = ["EMEA", "North America", "APAC"];

const REPS: [Rep; 12] = [
    Rep { name: "Ava Thompson", team: 0, region: 1, skill: 1.15 },
    Rep { name: "Ben Okafor", team: 0, region: 0, skill: 1.0 },
    Rep { name: "Chloé Martin", team: 0, region: 0, skill: 0.9 },
    Rep { name: "Daniel Kowalski", team: 0, region: 2, skill: 1.05 },
    Rep { name: "Elena Rossi", team: 1, region: 0, skill: 1.2 },
    Rep { name: "Farid Haddad", team: 1, region: 1, skill: 0.85 },
    Rep { name: "Grace Liu", team: 1, region: 2, skill: 1.1 },
    Rep { name: "Hannah Schmidt", team: 1, region: 0, skill: 0.95 },
    Rep { name: "Ivan Petrov", team: 2, region: 0, skill: 0.8 },
    Rep { name: "Julia Nowak", team: 2, region: 0, skill: 1.0 },
    Rep { name: "Kenji Sato", team: 2, region: 2, skill: 1.1 },
    Rep { name: "Lucas Silva", team: 2, region: 1, skill: 0.9 },
];

/// Product, median list amount, share of deals.
const PRODUCTS: [(&str, f64, f64); 5] = [
    ("Core Platform", 18_000.0, 0.30),
    ("Analytics Suite", 9_000.0, 0.25),
    ("Data Connectors", 4_000.0, 0.20),
    ("Premium Support", 3_000.0, 0.15),
    ("Training", 1_500.0, 0.10),
];

/// Lead source, share of deals, win probability.
const SOURCES: [(&str, f64, f64); 5] = [
    ("Inbound", 0.35, 0.32),
    ("Outbound", 0.25, 0.17),
    ("Referral", 0.12, 0.46),
    ("Partner", 0.13, 0.34),
    ("Events", 0.15, 0.24),
];

/// Deal type, share, win multiplier, amount multiplier, cycle multiplier.
const TYPES: [(&str, f64, f64, f64, f64); 3] =
    [("new", 0.62, 1.0, 1.0, 1.0), ("upsell", 0.24, 1.45, 0.6, 0.7), ("renewal", 0.14, 2.4, 0.85, 0.5)];

const OPEN_STAGES: [&str; 4] = ["Prospecting", "Qualification", "Proposal", "Negotiation"];

/// Deals created per month relative to the average (summer and December slumps).
const MONTH_FACTOR: [f64; 12] = [0.95, 1.0, 1.1, 1.05, 1.0, 0.9, 0.75, 0.8, 1.05, 1.15, 1.1, 0.85];

/// First and last day of the demo data.
pub fn demo_range() -> (Day, Day) {
    (Day::from_ymd(2023, 11, 1).unwrap_or(Day(19662)), Day::from_ymd(2026, 10, 31).unwrap_or(Day(20757)))
}

/// The demo deals table for `seed`. The same seed always gives the same table.
pub fn demo_deals(seed: u64) -> DealsTable {
    let mut rng = Rng::new(seed);
    let (start, end) = demo_range();
    let mut t = DealsTable { dims: Dim::ALL.map(|_| Some(DictColumn::default())), ..DealsTable::default() };
    // Fix the dictionary order so stage and segment codes are stable and readable.
    for s in OPEN_STAGES.iter().chain(&["Closed Won", "Closed Lost"]) {
        t.stage.intern(s);
    }
    let mut n = 0u32;
    for day in start.0..=end.0 {
        let date = Day(day);
        let (_, month, _) = date.ymd();
        let weekday = (day + 3).rem_euclid(7); // 0 = Monday
        let years_in = (day - start.0) as f64 / 365.25;
        let base = if weekday < 5 { 5.4 } else { 0.35 };
        let lambda = base * MONTH_FACTOR[month as usize - 1] * (1.0 + 0.18 * years_in);
        for _ in 0..rng.poisson(lambda) {
            n += 1;
            push_deal(&mut t, &mut rng, n, date, end);
        }
    }
    t.stage_rules = StageRules::infer(&t.stage);
    expected_closes(&mut t, seed, end);
    t
}

/// Days ahead of the last day within which an open deal in each open stage is expected to
/// close: two quarters for a new prospect, one for a deal in negotiation.
const EXPECTED_HORIZON: [u32; 4] = [182, 150, 120, 91];

/// Gives every open deal an expected close within the next two quarters after `end`, later
/// stages sooner. Drawn from a stream of its own, so every other draw of the demo is unchanged.
fn expected_closes(t: &mut DealsTable, seed: u64, end: Day) {
    let mut rng = facts::stream(seed, facts::part::EXPECTED_CLOSES);
    for row in 0..t.len() {
        if t.status.get(row) != Some(&crate::stage::Status::Open) {
            continue;
        }
        let stage = t.stage.get(row).and_then(|s| OPEN_STAGES.iter().position(|o| *o == s)).unwrap_or(0);
        let horizon = EXPECTED_HORIZON.get(stage).copied().unwrap_or(182);
        if let Some(day) = t.close.days.get_mut(row) {
            *day = end.0 + 1 + rng.below(horizon as usize) as i32;
        }
    }
}

fn push_deal(t: &mut DealsTable, rng: &mut Rng, n: u32, created: Day, end: Day) {
    let rep = &REPS[rng.weighted(&[1.0; 12])];
    let product = rng.weighted(&PRODUCTS.map(|p| p.2));
    let source = rng.weighted(&SOURCES.map(|s| s.1));
    let kind = rng.weighted(&TYPES.map(|k| k.1));
    let (_, _, type_win, type_amount, type_cycle) = TYPES[kind];

    let amount = rng.log_normal(PRODUCTS[product].1 * TEAM_SIZE[rep.team] * type_amount, 0.55);
    let amount = (amount / 10.0).round().max(1.0) * 10.0;
    let p_win = (SOURCES[source].2 * rep.skill * type_win).min(0.9);
    let won = rng.chance(p_win);
    let stalls = rng.chance(0.04);
    let mut cycle = rng.log_normal(TEAM_CYCLE[rep.team] * type_cycle, 0.5) * if won { 1.0 } else { 0.75 };
    if stalls {
        cycle *= 4.0;
    }
    let mut close = Day(created.0 + cycle.round().max(0.0) as i32);
    // Quarter-end push: a third of the wins due just after a quarter closes are pulled into it.
    let q_end = Day(crate::period::Grain::Quarter.bucket_start(close).0 - 1);
    if won && close.0 - q_end.0 <= 14 && q_end >= created && rng.chance(0.35) {
        close = Day(q_end.0 - rng.weighted(&[1.0; 5]) as i32);
        close = close.max(created);
    }

    let stage = if close > end {
        let progress = ((end.0 - created.0) as f64 / cycle.max(1.0)).clamp(0.0, 0.999);
        OPEN_STAGES[(progress * OPEN_STAGES.len() as f64) as usize]
    } else if won {
        "Closed Won"
    } else {
        "Closed Lost"
    };
    let is_open = close > end;

    t.deal_id.push(&format!("D-{n:05}"));
    t.amount.push(Some(amount));
    t.stage.push(Some(stage));
    t.created.push(Some(created));
    t.close.push((!is_open).then_some(close));
    t.status.push(crate::stage::classify_stage_name(stage));
    let values =
        [rep.name, TEAMS[rep.team], REGIONS[rep.region], PRODUCTS[product].0, SOURCES[source].0, TYPES[kind].0];
    for (col, v) in t.dims.iter_mut().zip(values) {
        if let Some(col) = col {
            col.push(Some(v));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kpi;
    use crate::stage::Status;
    use crate::workspace::Workspace;

    #[test]
    fn same_seed_gives_the_same_table() {
        assert_eq!(demo_deals(DEMO_SEED), demo_deals(DEMO_SEED));
        assert_ne!(demo_deals(DEMO_SEED).amount, demo_deals(DEMO_SEED + 1).amount);
    }

    #[test]
    fn demo_is_realistic() {
        let d = demo_deals(DEMO_SEED);
        assert!((3_000..=8_000).contains(&d.len()), "{} deals", d.len());
        let (start, end) = demo_range();
        assert!(d.created.days.iter().all(|&c| c >= start.0 && c <= end.0));
        assert_eq!(d.latest_day().map(|l| l.month_start()), Some(end.month_start()));
        for status in [Status::Open, Status::Won, Status::Lost] {
            assert!(d.status.iter().filter(|&&s| s == status).count() > 100, "{status:?}");
        }
        assert_eq!(d.dim(Dim::Owner).unwrap().values.len(), 12);
        let open: Vec<&str> = d.open_stages().map(|(_, s)| s).collect();
        assert_eq!(open, OPEN_STAGES);

        let ws = Workspace::with_deals(d);
        let scope = ws.default_scope().unwrap();
        let get = |id: &str| kpi::compute(kpi::find(id).unwrap(), &ws, &scope).number().unwrap();
        let win = get("win_rate");
        assert!((0.2..=0.4).contains(&win), "win rate {win}");
        let cycle = get("sales_cycle_days");
        assert!((20.0..=90.0).contains(&cycle), "cycle {cycle}");
        assert!(get("pipeline_count") > 100.0);
        assert!(get("revenue") > 1e6);
    }
}
