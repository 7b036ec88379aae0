//! Properties every KPI keeps on random data: segments add up to the total, won + lost =
//! closed, rates stay in 0..1, and nothing is NaN or infinite.

use pipelens_engine::ingest::{read_file, DatasetKind};
use pipelens_engine::{kpi, Day, Dim, Period, Scope, Workspace};
use proptest::prelude::*;

const STAGES: [&str; 5] = ["Prospecting", "Proposal", "Negotiation", "Closed Won", "Closed Lost"];
const OWNERS: [&str; 4] = ["Ann", "Bo", "Cy", ""];
const TEAMS: [&str; 3] = ["East", "West", ""];

#[derive(Debug, Clone)]
struct Deal {
    amount: Option<u32>,
    stage: usize,
    created: Option<i32>,
    cycle: Option<i32>,
    owner: usize,
    team: usize,
}

fn deal() -> impl Strategy<Value = Deal> {
    (
        prop::option::weighted(0.9, 1u32..100_000),
        0..STAGES.len(),
        prop::option::weighted(0.9, 0i32..900),
        prop::option::weighted(0.9, 0i32..200),
        0..OWNERS.len(),
        0..TEAMS.len(),
    )
        .prop_map(|(amount, stage, created, cycle, owner, team)| Deal {
            amount,
            stage,
            created,
            cycle,
            owner,
            team,
        })
}

fn lead() -> impl Strategy<Value = (i32, Option<i32>, usize, bool, Option<usize>)> {
    (0i32..900, prop::option::of(-100i32..100_000), 0..OWNERS.len(), any::<bool>(), prop::option::of(0usize..40))
}

fn workspace(deals: &[Deal], leads: &[(i32, Option<i32>, usize, bool, Option<usize>)]) -> Workspace {
    let base = Day::from_ymd(2023, 1, 1).unwrap().0;
    let date = |d: i32| Day(base + d).to_string();
    let mut csv = String::from("deal_id,amount,stage,created_date,close_date,owner,team\n");
    for (i, d) in deals.iter().enumerate() {
        let closed = d.stage >= 3;
        let close = match (closed, d.created, d.cycle) {
            (true, Some(c), Some(n)) => date(c + n),
            (true, None, Some(n)) => date(300 + n),
            _ => String::new(),
        };
        csv.push_str(&format!(
            "D{i},{},{},{},{close},{},{}\n",
            d.amount.map(|a| a.to_string()).unwrap_or_default(),
            STAGES[d.stage],
            d.created.map(date).unwrap_or_default(),
            OWNERS[d.owner],
            TEAMS[d.team],
        ));
    }
    let mut ws = Workspace::default();
    if let Ok(i) = read_file(DatasetKind::Deals, "d.csv", csv.as_bytes(), None) {
        ws.insert(i.data, false);
    }
    let mut csv = String::from("lead_id,created_at,first_contact_at,owner,qualified,deal_id\n");
    for (i, (created, gap, owner, qualified, deal)) in leads.iter().enumerate() {
        let at = |d: i32, secs: i32| {
            let t = Day(base + d).0 as i64 * 86_400 + secs as i64;
            let day = Day(t.div_euclid(86_400) as i32);
            let s = t.rem_euclid(86_400);
            format!("{day} {:02}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
        };
        csv.push_str(&format!(
            "L{i},{},{},{},{},{}\n",
            at(*created, 36_000),
            gap.map(|g| at(*created, 36_000 + g)).unwrap_or_default(),
            OWNERS[*owner],
            if *qualified { "yes" } else { "no" },
            deal.map(|d| format!("D{d}")).unwrap_or_default(),
        ));
    }
    if let Ok(i) = read_file(DatasetKind::Leads, "l.csv", csv.as_bytes(), None) {
        ws.insert(i.data, false);
    }
    ws
}

fn scopes() -> impl Strategy<Value = Scope> {
    (0i32..800, 1i32..400).prop_map(|(from, len)| {
        let base = Day::from_ymd(2023, 1, 1).unwrap().0;
        Scope::new(Period::new(Day(base + from), Day(base + from + len)).unwrap())
    })
}

const RATES: [&str; 6] = [
    "win_rate",
    "lead_to_opportunity",
    "lead_conversion_rate",
    "funnel_conversion",
    "revenue_mix",
    "product_performance",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn kpis_keep_their_invariants(
        deals in prop::collection::vec(deal(), 0..40),
        leads in prop::collection::vec(lead(), 0..30),
        scope in scopes(),
    ) {
        let ws = workspace(&deals, &leads);
        let all = kpi::compute_all(&ws, &scope);
        let value = |id: &str| all.iter().find(|(d, _)| d.id.as_str() == id).and_then(|(_, r)| r.number());
        for (def, r) in &all {
            if let Some(v) = r.number() {
                prop_assert!(v.is_finite(), "{} is {}", def.id, v);
            }
            for row in &r.breakdown {
                prop_assert!(row.value.is_finite(), "{} row {}", def.id, row.segment);
            }
        }
        for id in RATES {
            if let Some(v) = value(id) {
                prop_assert!((0.0..=1.0).contains(&v), "{id} = {v}");
            }
        }
        // won + lost = closed: deals won / win rate gives back the closed deals, a whole number.
        if let (Some(won), Some(rate)) = (value("deals_won"), value("win_rate")) {
            if rate > 0.0 {
                let closed = won / rate;
                prop_assert!((closed - closed.round()).abs() < 1e-9 && closed >= won);
            }
        }
        // The segments of a dimension add up to the KPI over every row that has a segment
        // (rows with an empty owner or team belong to none).
        for id in ["revenue", "deals_won", "pipeline_value", "pipeline_count", "leads_created"] {
            let def = kpi::find(id).unwrap();
            if value(id).is_none() {
                continue;
            }
            for dim in [Dim::Owner, Dim::Team] {
                let values = kpi::segment_values(&ws, dim, def.datasets);
                if values.is_empty() {
                    continue;
                }
                let sum: f64 = kpi::segments(def, &ws, &scope, dim).iter().filter_map(|r| r.result.number()).sum();
                let mut union = scope.clone();
                union.filters.0.insert(dim, values);
                let whole = kpi::compute(def, &ws, &union).number().unwrap_or(0.0);
                prop_assert!((sum - whole).abs() <= 1e-6 * whole.abs().max(1.0), "{id} by {dim:?}: segments {sum}, all segments {whole}");
            }
        }
    }
}
