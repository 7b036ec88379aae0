//! Deals tables built in code for the tests of the new modules (no CSV reader involved, so
//! they do not depend on how ingest maps columns).

use crate::day::Day;
use crate::deals_table::{DealsTable, Dim};
use crate::stage::StageRules;
use crate::workspace::Workspace;

/// One fixture deal: id, stage, amount, created, close date (ISO), owner.
pub(crate) type Row<'a> = (&'a str, &'a str, Option<f64>, Option<&'a str>, Option<&'a str>, Option<&'a str>);

/// An ISO date of a fixture; panics on a typo in the test itself.
pub(crate) fn day(iso: &str) -> Day {
    Day::parse_iso(iso).unwrap_or_else(|| panic!("bad fixture date {iso}"))
}

/// A deals table of `rows`, with statuses from stage names and the open stages ordered like
/// `open_order` (names), as a user's stage rules would.
pub(crate) fn deals(rows: &[Row], open_order: &[&str]) -> DealsTable {
    let mut t = DealsTable { dims: Dim::ALL.map(|d| (d == Dim::Owner).then(Default::default)), ..Default::default() };
    for s in open_order {
        t.stage.intern(s);
    }
    for &(id, stage, amount, created, close, owner) in rows {
        t.deal_id.push(id);
        t.amount.push(amount);
        t.stage.push(Some(stage));
        t.created.push(created.map(day));
        t.close.push(close.map(day));
        if let Some(Some(col)) = t.dims.first_mut() {
            col.push(owner);
        }
    }
    let mut rules = StageRules::infer(&t.stage);
    let rank = |c: &u32| open_order.iter().position(|s| t.stage.value(*c) == Some(s)).unwrap_or(usize::MAX);
    crate::sort::sort_by_key(&mut rules.open_order, rank);
    t.apply_stage_rules(rules);
    t
}

/// Two exports of four deals a few weeks apart: D1 won, D2 grown and pushed out, D3 lost, D4
/// new; the open stages Qualification then Proposal.
pub(crate) fn two_exports() -> Workspace {
    let a: Vec<Row> = vec![
        ("D1", "Proposal", Some(100.0), Some("2024-01-02"), Some("2024-03-10"), Some("Ann")),
        ("D2", "Qualification", Some(50.0), Some("2024-01-03"), Some("2024-02-20"), Some("Bo")),
        ("D3", "Proposal", Some(70.0), Some("2024-01-04"), Some("2024-02-25"), Some("Bo")),
    ];
    let b: Vec<Row> = vec![
        ("D1", "Won", Some(100.0), Some("2024-01-02"), Some("2024-03-01"), Some("Ann")),
        ("D2", "Proposal", Some(60.0), Some("2024-01-03"), Some("2024-04-20"), Some("Bo")),
        ("D3", "Lost", Some(70.0), Some("2024-01-04"), Some("2024-03-02"), Some("Bo")),
        ("D4", "Qualification", Some(30.0), Some("2024-02-20"), Some("2024-05-01"), Some("Ann")),
    ];
    let order = ["Qualification", "Proposal"];
    Workspace { earlier: Some(deals(&a, &order)), ..Workspace::with_deals(deals(&b, &order)) }
}
