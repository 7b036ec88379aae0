//! One deals export with HubSpot's "Date entered" columns and no history file: the stage
//! history comes from those columns, so time in stage, the stage-to-stage moves and the
//! stalled deals work from the deals alone; a history file, once loaded, takes over.

use pipelens_engine::ingest::{read_file, DatasetKind};
use pipelens_engine::kpi::{self, KpiId};
use pipelens_engine::sql::{kpi_sql, Dialect};
use pipelens_engine::{Day, Period, Scope, Workspace};

/// HubSpot's labelled columns for two stages, its internal name for the won one. D2 was lost
/// with no column for its lost stage: its close date ends its last spell.
const DEALS: &str = "Deal ID,Amount,Deal Stage,Create Date,Close Date,Deal owner,\
Date entered \"Qualification (Sales Pipeline)\",Date entered \"Proposal (Sales Pipeline)\",hs_date_entered_closedwon\n\
D1,100,Closed Won,2024-01-01,2024-02-20,Ann,2024-01-01,2024-01-11,2024-02-20\n\
D2,200,Closed Lost,2024-01-02,2024-01-30,Bo,2024-01-02,,\n\
D3,300,Proposal,2024-01-05,2024-06-30,Ann,2024-01-05,2024-01-25,\n\
D4,400,Qualification,2024-03-01,2024-06-30,Bo,2024-03-01,,\n";

fn day(iso: &str) -> Day {
    Day::parse_iso(iso).unwrap()
}

fn q1() -> Scope {
    Scope::new(Period::new(day("2024-01-01"), day("2024-03-31")).unwrap())
}

fn workspace() -> Workspace {
    let mut ws = Workspace::default();
    ws.insert(read_file(DatasetKind::Deals, "hubspot.csv", DEALS.as_bytes(), None).unwrap().data, false);
    ws
}

fn value(ws: &Workspace, id: KpiId, scope: &Scope) -> Option<f64> {
    kpi::compute(id.def(), ws, scope).number()
}

#[test]
fn the_entered_dates_are_read_beside_the_mapped_fields() {
    let ws = workspace();
    let d = ws.deals.as_ref().unwrap();
    let stages: Vec<&str> = d.entered.iter().map(|(s, _)| s.as_str()).collect();
    assert_eq!(stages, ["Qualification", "Proposal", "closedwon"]);
    assert_eq!(d.entered[1].1.get(0), Some(day("2024-01-11")));
    assert_eq!(d.entered[1].1.get(1), None);
    assert_eq!(d.close.get(0), Some(day("2024-02-20")), "Close Date stays the close date");
    assert!(ws.history_from_deals);
    let h = ws.history.as_ref().unwrap();
    // closedwon is the deals' "Closed Won"; D2's lost stage has no column: its close date.
    let names: Vec<&str> = h.stages.values.iter().map(String::as_str).collect();
    assert_eq!(names, ["Qualification", "Proposal", "Closed Won", "Closed Lost"]);
    assert_eq!(h.events.len(), 8);
}

#[test]
fn time_in_stage_moves_and_stalled_deals_from_one_deals_file() {
    let ws = workspace();
    // Qualification spells 10 (D1), 28 (D2), 20 (D3) days: median 20; Proposal 40 (D1).
    assert_eq!(value(&ws, KpiId::TimeInStage, &q1()), Some(60.0));
    // D1 Q→P→Won, D2 Q→Lost, D3 Q→P.
    assert_eq!(value(&ws, KpiId::StageConversion, &q1()), Some(4.0));
    // On 03-31: D3 66 days in Proposal (p90 40), D4 30 days in Qualification (p90 26.4).
    assert_eq!(value(&ws, KpiId::StalledDeals, &q1()), Some(2.0));
    let ann = Scope { filters: pipelens_engine::Filters::none().with(pipelens_engine::Dim::Owner, "Ann"), ..q1() };
    assert_eq!(value(&ws, KpiId::TimeInStage, &ann), Some(15.0 + 40.0), "Qualification 10 and 20 days");
    // Slipped deals need close dates in the history, which these columns do not carry.
    assert_eq!(value(&ws, KpiId::SlippedDeals, &q1()), None);
}

#[test]
fn the_sql_turns_the_columns_into_history_rows() {
    let ws = workspace();
    let sql = kpi_sql(KpiId::TimeInStage, &ws, &q1(), Dialect::DuckDb);
    assert!(sql.contains("history_from_entered AS ("), "{sql}");
    assert!(sql.contains("'Closed Won' AS stage, entered_closedwon AS changed_at"), "{sql}");
    assert!(sql.contains("\"entered_Qualification\""), "{sql}");
    assert!(sql.contains("stage NOT IN ('Qualification', 'Proposal', 'Closed Won')"), "{sql}");
}

#[test]
fn a_history_file_takes_over_and_its_removal_falls_back_to_the_columns() {
    let mut ws = workspace();
    let history = "deal_id,stage,changed_at\nD1,Qualification,2024-01-01\nD1,Proposal,2024-01-21\n";
    ws.insert(read_file(DatasetKind::History, "h.csv", history.as_bytes(), None).unwrap().data, false);
    assert!(!ws.history_from_deals);
    assert_eq!(value(&ws, KpiId::TimeInStage, &q1()), Some(20.0));
    ws.remove(DatasetKind::History);
    assert!(ws.history_from_deals);
    assert_eq!(value(&ws, KpiId::TimeInStage, &q1()), Some(60.0));
    ws.remove(DatasetKind::Deals);
    assert!(ws.history.is_none() && !ws.history_from_deals);
    // A history given with the workspace (the demo's) is not replaced by deals without columns.
    let mut demo = pipelens_engine::demo::demo_workspace(pipelens_engine::demo::DEMO_SEED);
    let given = demo.history.clone();
    let plain = "deal_id,amount,stage,created_date\nX1,10,Proposal,2024-01-01\n";
    demo.insert(read_file(DatasetKind::Deals, "d.csv", plain.as_bytes(), None).unwrap().data, false);
    assert_eq!(demo.history, given);
}
