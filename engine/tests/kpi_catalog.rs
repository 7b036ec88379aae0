//! Every KPI of the catalog on a small hand-checked company: seven datasets (with an earlier
//! export of the deals and a stage history), a period that
//! crosses a year and ends on a leap day, a same-day close, deals without created dates, leads
//! contacted before they were created, zero denominators. The expected values are worked out
//! by hand in the comments.

use pipelens_engine::kpi::{self, KpiResult, Undefined};
use pipelens_engine::{Day, Dim, Filters, Period, Scope, Workspace};

mod common;
use common::fixture;

fn day(y: i32, m: u32, d: u32) -> Day {
    Day::from_ymd(y, m, d).unwrap()
}

/// 2023-12-01 – 2024-02-29: 91 days across a year end, ending on a leap day.
fn scope() -> Scope {
    Scope::new(Period::new(day(2023, 12, 1), day(2024, 2, 29)).unwrap())
}

fn get(ws: &Workspace, s: &Scope, id: &str) -> KpiResult {
    kpi::compute(kpi::find(id).unwrap_or_else(|| panic!("no KPI {id}")), ws, s)
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * b.abs().max(1.0)
}

#[test]
fn every_kpi_matches_the_hand_computation() {
    let ws = fixture();
    let s = scope();
    let cases: &[(&str, Option<f64>)] = &[
        // Won in P: D1 100, D2 300 (same-day close), D7 400 (leap day), D9 60; lost: D3.
        ("revenue", Some(860.0)),
        // Previous period 2023-09-01 – 2023-11-30: D8 80.
        ("revenue_growth", Some((860.0 - 80.0) / 80.0)),
        // A year earlier 2022-12-01 – 2023-02-28: D6 1000.
        ("revenue_growth_yoy", Some((860.0 - 1000.0) / 1000.0)),
        // new: D1 100 + D9 60 of 860.
        ("revenue_mix", Some(160.0 / 860.0)),
        // Active on 2024-02-29: C1 100, C3 50 (C4 ends that day).
        ("mrr", Some(150.0)),
        ("arr", Some(1800.0)),
        // Owners of deals closed in P: Ann, Bo, Cy.
        ("revenue_per_rep", Some(860.0 / 3.0)),
        ("deals_won", Some(4.0)),
        ("win_rate", Some(0.8)),
        ("avg_deal_size", Some(215.0)),
        // Cycles 15, 0, 28 days; D9 has no created date.
        ("sales_cycle_days", Some(43.0 / 3.0)),
        // Open: D4 50 and D5 70 (no created date, still counted).
        ("pipeline_value", Some(120.0)),
        ("pipeline_count", Some(2.0)),
        // Quota of periods starting 2024-03-01 – 2024-05-30: 500 + 500.
        ("pipeline_coverage", Some(0.12)),
        ("sales_velocity", Some(2.0 * 0.8 * 215.0 / (43.0 / 3.0))),
        // Created in P: D2, D7 won; D3 lost in Proposal; D4 open in Proposal: 2 of 4 won.
        ("funnel_conversion", Some(0.5)),
        // P1: 100 + 400 of 860.
        ("product_performance", Some(500.0 / 860.0)),
        // Nobody has 3 won deals in P.
        ("deal_size_outliers", None),
        // Dec: F 100, A 100 → 1; Jan: F 400, A 360 → 1 − 40/360; Feb: F 300, A 400 → 0.75.
        ("forecast_accuracy", Some((1.0 + (1.0 - 40.0 / 360.0) + 0.75) / 3.0)),
        // Ann 100 / 300, Bo 700 / 600: one of two at quota.
        ("quota_attainment", Some(0.5)),
        // Σ quota in P 900 / 215 / 0.5.
        ("leads_needed", Some(900.0 / 215.0 / 0.5)),
        ("leads_created", Some(4.0)),
        // qualified_at in P: L1, and L5 (created before P).
        ("qualified_leads", Some(2.0)),
        ("lead_to_opportunity", Some(0.5)),
        ("lead_conversion_rate", Some(0.5)),
        // 3 and 120 minutes; L4 contacted before it was created is left out.
        ("lead_response_time", Some(61.5)),
        // L1: call, email before the meeting; L2: call, demo.
        ("touchpoints_to_meeting", Some(2.0)),
        ("activity_volume", Some(6.0)),
        ("new_customers", Some(2.0)),
        // Active on 2023-11-30: C1, C2, C5; of them C2 and C5 ended in P (C4 started in P).
        ("churn_rate", Some(2.0 / 3.0)),
        ("retention_rate", Some(1.0 / 3.0)),
        // (500 + 300) / 2; the "other" row is left out.
        ("cac", Some(400.0)),
        // ARPA 150 / 2; monthly churn (1/3 + 1/3 + 0) / 3: C4 ends in February but started in it.
        ("clv", Some(75.0 / (2.0 / 9.0))),
        ("clv_cac_ratio", Some(75.0 / (2.0 / 9.0) / 400.0)),
        // Exports dated 2024-01-20 and 2024-02-29 (in P). Start D4 40 + D5 70 + D10 90; end
        // D4 50 + D5 70: D4 increased 10, D10 is gone (lost 90).
        ("pipeline_change", Some(-80.0)),
        // D4 and D5 have no close date in the later export: nothing to compare.
        ("slipped_deals", Some(0.0)),
        // Spells ended in P: Qualification 10, 3, 22 days (median 10); Proposal 11, 15, 28 (15).
        ("time_in_stage", Some(25.0)),
        // D2 Q→P→Won, D3 Q→P→Lost, D4 Q→P, D7 P→Won.
        ("stage_conversion", Some(6.0)),
        // On 02-29 D4 has sat in Proposal 35 days; Proposal's p90 of 11, 15, 28 is 25.4.
        ("stalled_deals", Some(1.0)),
        // Two open stages, Qualification 1/3 and Proposal 2/3: D5 70 / 3 + D4 50 × 2 / 3.
        ("weighted_pipeline", Some(70.0 / 3.0 + 100.0 / 3.0)),
        // Won 860; D4 and D5 have no expected close date, so no open deal closes in P.
        ("forecast_commit", Some(860.0)),
        ("forecast_best_case", Some(860.0)),
        // Dec (100 − 100) / 100, Jan (360 − 400) / 360, Feb (400 − 300) / 400.
        ("forecast_bias", Some((0.0 - 40.0 / 360.0 + 0.25) / 3.0)),
    ];
    assert_eq!(cases.len(), kpi::CATALOG.len(), "every KPI is checked");
    for &(id, want) in cases {
        let got = get(&ws, &s, id);
        match (want, got.number()) {
            (Some(w), Some(g)) => assert!(close(g, w), "{id}: {g} != {w}"),
            (None, None) => {}
            _ => panic!("{id}: want {want:?}, got {:?}", got.value),
        }
    }
}

#[test]
fn companions_tables_and_notes() {
    let ws = fixture();
    let s = scope();
    let cycle = get(&ws, &s, "sales_cycle_days");
    assert_eq!(cycle.companions[0].value, 15.0, "median cycle");
    assert_eq!(cycle.left_out[0].to_string(), "1 won deal in the period has no created date");
    let avg = get(&ws, &s, "avg_deal_size");
    assert_eq!(avg.companions[0].value, 200.0, "median of 60, 100, 300, 400");
    let response = get(&ws, &s, "lead_response_time");
    let within = response.companions.iter().find(|c| c.label == "within 5 min").unwrap();
    assert_eq!(within.value, 0.5);
    assert_eq!(response.left_out[0].count, 1);
    let quota = get(&ws, &s, "quota_attainment");
    assert_eq!(quota.notes, ["under 60 % of reps at quota: targets may be unrealistic"]);
    let t = quota.table.unwrap();
    assert_eq!((t.rows[0].label.as_str(), t.number(0, "attainment")), ("Bo", Some(700.0 / 600.0)));
    let funnel = get(&ws, &s, "funnel_conversion").table.unwrap();
    let steps: Vec<(&str, Option<f64>)> =
        funnel.rows.iter().enumerate().map(|(i, r)| (r.label.as_str(), funnel.number(i, "conversion"))).collect();
    assert_eq!(steps, [("Qualification → Proposal", Some(1.0)), ("Proposal → won", Some(0.5))]);
    let mix: Vec<(String, f64)> =
        get(&ws, &s, "revenue_mix").breakdown.iter().map(|b| (b.segment.clone(), b.value)).collect();
    assert!((mix.iter().map(|m| m.1).sum::<f64>() - 1.0).abs() < 1e-12, "the mix sums to 1");
    let per_team: Vec<(String, f64)> =
        get(&ws, &s, "revenue_per_rep").breakdown.iter().map(|b| (b.segment.clone(), b.value)).collect();
    assert_eq!(per_team, [("East".to_owned(), 80.0), ("West".to_owned(), 700.0)]);
    let volume = get(&ws, &s, "activity_volume");
    let types: Vec<f64> = volume.breakdown.iter().map(|b| b.value).collect();
    assert_eq!(types, [2.0, 1.0, 2.0, 1.0, 0.0], "call, email, meeting, demo, other");
    let cohorts = get(&ws, &s, "retention_rate").table.unwrap();
    assert_eq!(cohorts.rows.iter().map(|r| r.label.as_str()).collect::<Vec<_>>(), ["2023-12", "2024-01", "2024-02"]);
    assert_eq!((cohorts.number(0, "size"), cohorts.number(0, "m2")), (Some(1.0), Some(1.0)));
    assert_eq!(cohorts.number(2, "m1"), None, "March is after the as-of date");
    let accuracy = get(&ws, &s, "forecast_accuracy");
    let owners: Vec<(String, f64)> = accuracy.breakdown.iter().map(|b| (b.segment.clone(), b.value)).collect();
    assert_eq!(owners, [("Ann".to_owned(), 0.5), ("Bo".to_owned(), 0.75)]);
}

#[test]
fn filters_reach_every_dataset_they_can() {
    let ws = fixture();
    let ann = Scope { filters: Filters::none().with(Dim::Owner, "Ann"), ..scope() };
    assert_eq!(get(&ws, &ann, "revenue").number(), Some(100.0));
    assert_eq!(get(&ws, &ann, "leads_created").number(), Some(2.0));
    assert_eq!(get(&ws, &ann, "activity_volume").number(), Some(3.0));
    assert_eq!(get(&ws, &ann, "quota_attainment").number(), Some(0.0));
    // Customers carry no owner: shown unfiltered, and said so.
    let mrr = get(&ws, &ann, "mrr");
    assert_eq!(mrr.number(), Some(150.0));
    assert_eq!(mrr.notes, ["customers has no owner: not filtered by it"]);
    // Team reaches leads through the owners' deals: Ann and Cy are in East.
    let east = Scope { filters: Filters::none().with(Dim::Team, "East"), ..scope() };
    assert_eq!(get(&ws, &east, "revenue").number(), Some(160.0));
    assert_eq!(get(&ws, &east, "leads_created").number(), Some(2.0));
}

#[test]
fn segments_add_up_to_the_total() {
    let ws = fixture();
    let s = scope();
    for id in ["revenue", "deals_won", "pipeline_value", "pipeline_count", "leads_created", "activity_volume"] {
        let def = kpi::find(id).unwrap();
        let total = kpi::compute(def, &ws, &s).number().unwrap();
        for dim in [Dim::Owner, Dim::Team] {
            let sum: f64 = kpi::segments(def, &ws, &s, dim).iter().filter_map(|r| r.result.number()).sum();
            assert!(close(sum, total), "{id} by {dim:?}: {sum} != {total}");
        }
    }
}

#[test]
fn trends_split_the_period_and_comparisons_shift_it() {
    let ws = fixture();
    let s = scope();
    let def = kpi::find("revenue").unwrap();
    let months = kpi::trend(def, &ws, &s, pipelens_engine::Grain::Month);
    let got: Vec<(&str, Option<f64>)> = months.iter().map(|p| (p.label.as_str(), p.value)).collect();
    assert_eq!(got, [("2023-12", Some(100.0)), ("2024-01", Some(360.0)), ("2024-02", Some(400.0))]);
    let weeks = kpi::trend(def, &ws, &s, pipelens_engine::Grain::Week);
    assert_eq!(weeks.first().unwrap().period.from, day(2023, 12, 1), "the first week is clipped to the period");
    assert_eq!(weeks.last().unwrap().period.to, day(2024, 2, 29));
    let prev = kpi::compare(def, &ws, &s, kpi::Comparison::Previous);
    assert_eq!(prev.number(), Some(80.0));
    let yoy = kpi::compare(def, &ws, &s, kpi::Comparison::YearEarlier);
    assert_eq!(yoy.number(), Some(1000.0));
}

#[test]
fn an_empty_period_leaves_flow_kpis_undefined_with_reasons() {
    let ws = fixture();
    let s = Scope::new(Period::new(day(2030, 1, 1), day(2030, 1, 31)).unwrap());
    for def in kpi::CATALOG {
        let r = kpi::compute(def, &ws, &s);
        if let Err(why) = &r.value {
            assert!(!why.to_string().is_empty(), "{}", def.id);
            assert!(!matches!(why, Undefined::NeedsData { .. }), "{}: every dataset is loaded", def.id);
        }
    }
    for id in ["revenue", "win_rate", "leads_created", "activity_volume", "new_customers", "cac", "forecast_accuracy"] {
        assert_eq!(get(&ws, &s, id).number(), None, "{id}");
    }
    // Stock figures are still defined on the as-of date.
    assert_eq!(get(&ws, &s, "pipeline_count").number(), Some(2.0));
    assert_eq!(get(&ws, &s, "mrr").number(), Some(150.0));
}

#[test]
fn a_past_as_of_date_shows_the_pipeline_open_on_that_day() {
    let ws = fixture();
    // On 2024-01-05: D4 (open), D5 (open, no created date) and D3 (created 01-02, lost 01-20).
    let s = Scope::new(Period::new(day(2024, 1, 1), day(2024, 1, 5)).unwrap());
    assert_eq!(get(&ws, &s, "pipeline_count").number(), Some(3.0));
    let value = get(&ws, &s, "pipeline_value");
    assert_eq!(value.number(), Some(320.0));
    let rows: Vec<(&str, f64)> = value.breakdown.iter().map(|b| (b.segment.as_str(), b.value)).collect();
    assert_eq!(rows, [("Qualification", 70.0), ("Proposal", 50.0), ("(won or lost since)", 200.0)]);
}
