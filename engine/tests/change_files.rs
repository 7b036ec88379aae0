//! Two exports of the same deals a month apart and their stage history
//! (`tests/fixtures/change/*.csv`), read as a user loads them, against figures worked out by
//! hand: every bar of the waterfall over the whole pipeline and over next quarter's close
//! dates, the slipped deals, the stage moves and the time in stage. The browser test
//! (`tests/e2e/change.test.mjs`) loads the same files.

use pipelens_engine::change::{compare_workspace, ChangeSummary, CompareOptions, Flow, HistorySummary, WindowChoice};
use pipelens_engine::ingest::{preview, read_file, DatasetKind};
use pipelens_engine::{Day, Filters, Workspace};

fn read(ws: &mut Workspace, name: &str, kind: DatasetKind) {
    let path = format!("{}/tests/fixtures/change/{name}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).unwrap();
    ws.insert_as(kind, read_file(kind, name, &bytes, None).unwrap().data, false);
}

fn workspace() -> Workspace {
    let mut ws = Workspace::default();
    read(&mut ws, "deals-february.csv", DatasetKind::EarlierDeals);
    read(&mut ws, "deals-march.csv", DatasetKind::Deals);
    read(&mut ws, "opportunity-history.csv", DatasetKind::History);
    ws
}

fn bars(s: &ChangeSummary) -> Vec<(&'static str, f64, usize)> {
    s.bars.iter().map(|b| (b.flow.id(), b.value, b.count)).collect()
}

#[test]
fn the_history_file_is_recognised_by_its_headers() {
    let path = format!("{}/tests/fixtures/change/opportunity-history.csv", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(path).unwrap();
    assert_eq!(preview("h.csv", &bytes, 3, None).unwrap().kind, DatasetKind::History);
}

#[test]
fn the_whole_pipeline_by_hand() {
    let ws = workspace();
    let s = ChangeSummary::of(&compare_workspace(&ws, &CompareOptions::default()).unwrap());
    assert_eq!(
        (s.as_of_earlier, s.as_of_later),
        (Day::from_ymd(2025, 2, 20).unwrap(), Day::from_ymd(2025, 3, 25).unwrap())
    );
    // start: A1 1000 + A2 2000 + A3 1500 + A4 800 + A5 3000 + A7 1200 (A6 was already won);
    // new: A8 4000 + A9 700; A2 +500; A4 −200; won A1; lost A3 and A5 (gone from March).
    let want = [
        ("start", 9500.0, 6),
        ("new", 4700.0, 2),
        ("pulled_in", 0.0, 0),
        ("increased", 500.0, 1),
        ("decreased", 200.0, 1),
        ("pushed_out", 0.0, 0),
        ("won", 1000.0, 1),
        ("lost", 4500.0, 2),
        ("end", 9000.0, 5),
    ];
    assert_eq!(bars(&s), want);
    assert_eq!(s.pipeline_change, -500.0);
    // A4's close moved from 30 April to 20 July, A2's from 15 April to 20 May.
    let slipped: Vec<(&str, Option<i32>)> =
        s.slipped_deals.iter().map(|d| (d.deal_id.as_str(), d.slipped_days)).collect();
    assert_eq!(slipped, [("A4", Some(81)), ("A2", Some(35))]);
    assert_eq!((s.stage_forward, s.stage_back, s.unchanged), (1, 1, 1));
    // A9 was created on 20 February, the earlier export's date, yet is not in it.
    assert_eq!(s.missing_from_earlier, 1);
    assert!(s.bars.iter().any(|b| b.flow == Flow::End && b.count == 5));
}

#[test]
fn next_quarter_pulls_in_and_pushes_out() {
    let ws = workspace();
    let as_of = Day::from_ymd(2025, 3, 25).unwrap();
    let opts = CompareOptions { window: WindowChoice::NextQuarter.resolve(as_of), ..CompareOptions::default() };
    let s = ChangeSummary::of(&compare_workspace(&ws, &opts).unwrap());
    // In scope in February: A2, A4, A5 (closing April–June); A7 moved from July into May,
    // A4 from April out to July.
    let want = [
        ("start", 5800.0, 3),
        ("new", 4700.0, 2),
        ("pulled_in", 1200.0, 1),
        ("increased", 500.0, 1),
        ("decreased", 0.0, 0),
        ("pushed_out", 800.0, 1),
        ("won", 0.0, 0),
        ("lost", 3000.0, 1),
        ("end", 8400.0, 4),
    ];
    assert_eq!(bars(&s), want);
}

#[test]
fn time_in_stage_from_the_history_file() {
    let ws = workspace();
    let h = HistorySummary::of_workspace(&ws, &Filters::none()).unwrap();
    let rows: Vec<(&str, usize, Option<f64>)> =
        h.time_in_stage.iter().map(|r| (r.stage.as_str(), r.spells, r.median_days)).collect();
    // Qualification: A1 27, A2 59, A3 31, A7 10 days → median 29; Proposal: A1 45 (to Closed
    // Won), A7 8 → 26.5; Negotiation: A3 41. A4's second Proposal row is the same spell.
    assert_eq!(
        rows[..3],
        [("Qualification", 4, Some(29.0)), ("Proposal", 2, Some(26.5)), ("Negotiation", 1, Some(41.0))]
    );
    assert_eq!(h.conversion.backward, 1, "A7 back from Proposal to Qualification");
    assert_eq!(h.pushes, 1, "A2's close moved later once");
}
