//! The audience views against the KPIs they are built from, on the demo company and on the
//! small hand-checked fixture of `kpi_catalog.rs` (period 2023-12-01 – 2024-02-29). Expected
//! fixture values are worked out by hand in the comments.

use pipelens_engine::aggregates::{self, Histogram};
use pipelens_engine::kpi::{self, KpiResult};
use pipelens_engine::{demo, Day, Dim, Filters, Grain, Period, Scope, Workspace};

mod common;
use common::fixture;

fn day(y: i32, m: u32, d: u32) -> Day {
    Day::from_ymd(y, m, d).unwrap()
}

fn period(from: Day, to: Day) -> Scope {
    Scope::new(Period::new(from, to).unwrap())
}

/// 2023-12-01 – 2024-02-29.
fn scope() -> Scope {
    period(day(2023, 12, 1), day(2024, 2, 29))
}

fn demo() -> (Workspace, Scope) {
    let ws = demo::demo_workspace(demo::DEMO_SEED);
    let s = ws.default_scope().unwrap();
    (ws, s)
}

fn get(ws: &Workspace, s: &Scope, id: &str) -> KpiResult {
    kpi::compute(kpi::find(id).unwrap(), ws, s)
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * b.abs().max(1.0)
}

/// Every KPI column of the people table equals `kpi::segments` for that KPI and segment, and
/// the attainment of a rep equals `quota_attainment`'s row for them.
fn check_people(ws: &Workspace, s: &Scope, dim: Dim) {
    let table = aggregates::people(ws, s, dim);
    assert!(!table.rows.is_empty(), "{dim:?}");
    let ids = ["revenue", "win_rate", "avg_deal_size", "sales_cycle_days", "activity_volume", "lead_response_time"];
    for id in ids {
        let segments = kpi::segments(kpi::find(id).unwrap(), ws, s, dim);
        assert!(!segments.is_empty(), "{id} by {dim:?}");
        for seg in &segments {
            let want = seg.result.number();
            match table.rows.iter().find(|r| r.segment == seg.segment) {
                Some(row) => {
                    let got = row.kpis().iter().find(|k| k.0 == id).unwrap().1;
                    assert_eq!(got, want, "{id} of {dim:?} {}", seg.segment);
                }
                None => assert_eq!(want, None, "{id}: {} has a value but no row", seg.segment),
            }
        }
    }
    if dim == Dim::Owner {
        let quota = get(ws, s, "quota_attainment");
        for b in &quota.breakdown {
            let row = table.rows.iter().find(|r| r.segment == b.segment).unwrap();
            assert_eq!(row.attainment, Some(b.value), "attainment of {}", b.segment);
        }
    }
    // By revenue, highest first, undefined last.
    let revenues: Vec<f64> = table.rows.iter().map(|r| r.revenue.unwrap_or(f64::NEG_INFINITY)).collect();
    assert!(revenues.windows(2).all(|w| w[0] >= w[1]), "{revenues:?}");
}

#[test]
fn people_rows_are_the_kpis_per_segment() {
    let (ws, s) = demo();
    for dim in [Dim::Owner, Dim::Team] {
        check_people(&ws, &s, dim);
        check_people(&fixture(), &scope(), dim);
    }
    // With a filter on another dimension, and on the rows' own dimension.
    let east = Scope { filters: Filters::none().with(Dim::Region, "EMEA"), ..s.clone() };
    check_people(&ws, &east, Dim::Owner);
    let two =
        aggregates::people(&ws, &Scope { filters: Filters::none().with(Dim::Team, "SMB"), ..s.clone() }, Dim::Team);
    assert_eq!(two.rows.iter().map(|r| r.segment.as_str()).collect::<Vec<_>>(), ["SMB"]);
}

#[test]
fn people_on_the_fixture_match_the_hand_computation() {
    let ws = fixture();
    let t = aggregates::people(&ws, &scope(), Dim::Owner);
    // The data's latest day (activity A7, 2024-03-05) is after the period: it is over.
    assert_eq!(t.elapsed, 1.0);
    let names: Vec<&str> = t.rows.iter().map(|r| r.segment.as_str()).collect();
    assert_eq!(names, ["Bo", "Ann", "Cy"], "by revenue 700, 100, 60");
    let bo = &t.rows[0];
    // Won D2 300 (same day) and D7 400 (28 days); quota 3 × 200; West is Bo alone.
    assert_eq!(bo.team.as_deref(), Some("West"));
    assert_eq!((bo.revenue, bo.quota, bo.attainment), (Some(700.0), Some(600.0), Some(700.0 / 600.0)));
    assert_eq!(bo.projected, bo.attainment, "the period is over");
    assert_eq!((bo.win_rate, bo.avg_deal_size, bo.avg_deal_size_vs_team), (Some(1.0), Some(350.0), Some(1.0)));
    // A4, A5, A6; L2 after 120 minutes (L4, contacted before it was created, is left out).
    assert_eq!((bo.cycle_days, bo.activities, bo.response_minutes), (Some(14.0), Some(3.0), Some(120.0)));
    let ann = &t.rows[1];
    // D1 100 won, D3 lost; East's won deals D1 100 and D9 60 average 80.
    assert_eq!((ann.revenue, ann.quota, ann.attainment), (Some(100.0), Some(300.0), Some(100.0 / 300.0)));
    assert_eq!((ann.win_rate, ann.avg_deal_size_vs_team), (Some(0.5), Some(100.0 / 80.0)));
    assert_eq!((ann.cycle_days, ann.activities, ann.response_minutes), (Some(15.0), Some(3.0), Some(3.0)));
    let cy = &t.rows[2];
    // D9 60 has no created date: no cycle; Cy has no quota, no activity, no lead.
    assert_eq!((cy.revenue, cy.avg_deal_size_vs_team, cy.cycle_days), (Some(60.0), Some(60.0 / 80.0), None));
    assert_eq!((cy.quota, cy.attainment, cy.activities, cy.response_minutes), (None, None, None, None));

    let teams = aggregates::people(&ws, &scope(), Dim::Team);
    let east = teams.rows.iter().find(|r| r.segment == "East").unwrap();
    // East: D1 100 + D9 60 of 3 closed; Ann's quota 300; vs the average deal of all, 215.
    assert_eq!((east.revenue, east.quota, east.win_rate), (Some(160.0), Some(300.0), Some(2.0 / 3.0)));
    assert_eq!(east.avg_deal_size_vs_team, Some(80.0 / 215.0));
    assert_eq!(east.team, None);
}

#[test]
fn projected_attainment_follows_the_elapsed_share() {
    let ws = fixture();
    // 2024-01-01 – 2024-06-30 (182 days); the data ends 2024-03-05: 65 days elapsed.
    let s = period(day(2024, 1, 1), day(2024, 6, 30));
    let elapsed = 65.0 / 182.0;
    assert_eq!(aggregates::elapsed_share(&ws, s.period), elapsed);
    let t = aggregates::people(&ws, &s, Dim::Owner);
    assert_eq!(t.elapsed, elapsed);
    let bo = t.rows.iter().find(|r| r.segment == "Bo").unwrap();
    // Bo: D2 300 + D7 400 against Jan + Feb 200 each and April 500.
    assert_eq!(bo.attainment, Some(700.0 / 900.0));
    assert_eq!(bo.projected, Some(700.0 / 900.0 / elapsed));
    // A period wholly after the data: one day's share, never 0.
    assert_eq!(aggregates::elapsed_share(&ws, Period::new(day(2030, 1, 1), day(2030, 1, 10)).unwrap()), 0.1);
}

/// Σ of a histogram's counts per series equals its total, and it has as many series as names.
fn check_histogram(h: &Histogram) {
    assert_eq!(h.series.iter().map(|s| s.1.iter().sum::<usize>()).sum::<usize>(), h.total);
    assert!(h.series.iter().all(|s| s.1.len() == h.bins.len()));
    assert_eq!(h.counts().iter().sum::<usize>(), h.total);
}

/// The won deals `sales_cycle_days` averages: deals won less those it left out in the period.
fn cycle_n(ws: &Workspace, s: &Scope) -> usize {
    let won = get(ws, s, "deals_won").number().unwrap() as usize;
    let out: usize = get(ws, s, "sales_cycle_days")
        .left_out
        .iter()
        .filter(|l| l.why.contains("in the period"))
        .map(|l| l.count)
        .sum();
    won - out
}

#[test]
fn cycle_histogram_counts_the_deals_the_kpi_averages() {
    let ws = fixture();
    let h = aggregates::cycle_histogram(&ws, &scope()).unwrap();
    check_histogram(&h);
    // D2 (Ads) 0 days, D7 (Ads) 28 days, D1 (Web) 15 days; D9 has no created date.
    assert_eq!(h.total, 3);
    assert_eq!(h.total, cycle_n(&ws, &scope()));
    assert_eq!(
        h.series,
        [("Ads".to_owned(), vec![1, 0, 1, 0, 0, 0, 0]), ("Web".to_owned(), vec![0, 0, 1, 0, 0, 0, 0])]
    );
    let labels: Vec<&str> = h.bins.iter().map(|b| b.label).collect();
    assert_eq!(labels, ["0–6 d", "7–13 d", "14–29 d", "30–59 d", "60–89 d", "90–179 d", "180+ d"]);
    let (ws, s) = demo();
    let h = aggregates::cycle_histogram(&ws, &s).unwrap();
    check_histogram(&h);
    assert_eq!(h.total, cycle_n(&ws, &s));
    let team = Scope { filters: Filters::none().with(Dim::Team, "SMB"), ..s.clone() };
    assert_eq!(aggregates::cycle_histogram(&ws, &team).unwrap().total, cycle_n(&ws, &team));
}

#[test]
fn cycle_histogram_without_lead_sources_has_one_series() {
    let text = "deal_id,amount,stage,created_date,close_date\nA,10,Won,2024-01-01,2024-01-31\nB,10,Won,2024-01-01,2024-03-01\n";
    let ws = Workspace::with_deals(pipelens_engine::ingest::read_deals("d.csv", text.as_bytes()).unwrap().table);
    let h = aggregates::cycle_histogram(&ws, &period(day(2024, 1, 1), day(2024, 12, 31))).unwrap();
    assert_eq!(h.series, [("All deals".to_owned(), vec![0, 0, 0, 1, 1, 0, 0])], "30 and 60 days");
}

#[test]
fn response_histogram_counts_the_leads_the_kpi_takes() {
    let within = |ws: &Workspace, s: &Scope| {
        get(ws, s, "lead_response_time").companions.iter().find(|c| c.label == "within 5 min").map(|c| c.value)
    };
    let ws = fixture();
    let h = aggregates::response_histogram(&ws, &scope()).unwrap();
    check_histogram(&h);
    // L1 after 3 minutes, L2 after 120; L3 not contacted, L4 before it was created, L5 created
    // before the period.
    assert_eq!(h.series, [("Leads".to_owned(), vec![1, 0, 0, 1, 0, 0, 0])]);
    assert_eq!(h.share_below(aggregates::FIVE_MINUTE_BINS), within(&ws, &scope()));
    assert_eq!(h.share_below(aggregates::FIVE_MINUTE_BINS), Some(0.5));
    let (ws, s) = demo();
    let h = aggregates::response_histogram(&ws, &s).unwrap();
    check_histogram(&h);
    assert_eq!(h.share_below(aggregates::FIVE_MINUTE_BINS), within(&ws, &s));
    // The KPI's per-owner table counts the contacted leads of each owner.
    let r = get(&ws, &s, "lead_response_time");
    let t = r.table.unwrap();
    let contacted: f64 = (0..t.rows.len()).filter_map(|i| t.number(i, "contacted")).sum();
    assert_eq!(h.total as f64, contacted);
    for rep in ["Ava Thompson", "Ivan Petrov"] {
        let one = Scope { filters: Filters::none().with(Dim::Owner, rep), ..s.clone() };
        let h = aggregates::response_histogram(&ws, &one).unwrap();
        assert_eq!(h.share_below(aggregates::FIVE_MINUTE_BINS), within(&ws, &one), "{rep}");
    }
}

#[test]
fn activity_counts_add_up_to_activity_volume() {
    let ws = fixture();
    let a = aggregates::activity_by(&ws, &scope(), Grain::Month).unwrap();
    assert_eq!(a.labels, ["2023-12", "2024-01", "2024-02"]);
    // December: A1 call, A2 email, A3 meeting; January: A4 call, A5 demo, A6 meeting.
    let want: Vec<(String, Vec<usize>)> = [
        ("call", vec![1, 1, 0]),
        ("email", vec![1, 0, 0]),
        ("meeting", vec![1, 1, 0]),
        ("demo", vec![0, 1, 0]),
        ("other", vec![0, 0, 0]),
    ]
    .into_iter()
    .map(|(n, v)| (n.to_owned(), v))
    .collect();
    assert_eq!(a.types, want);
    assert_eq!(a.total, 6);
    let weeks = aggregates::activity_by_week(&ws, &scope()).unwrap();
    assert_eq!(weeks.labels.len(), kpi::buckets(scope().period, Grain::Week).len());
    assert_eq!(weeks.labels[0], "2023-W48", "the week of Monday 2023-11-27, clipped to the period");

    let (ws, s) = demo();
    let filtered = Scope { filters: Filters::none().with(Dim::Team, "Enterprise"), ..s.clone() };
    for scope in [&s, &filtered] {
        let volume = get(&ws, scope, "activity_volume");
        for grain in [Grain::Week, Grain::Month, Grain::Quarter, Grain::Year] {
            let a = aggregates::activity_by(&ws, scope, grain).unwrap();
            let sum: usize = a.types.iter().flat_map(|t| t.1.iter()).sum();
            assert_eq!((sum, a.total as f64), (a.total, volume.number().unwrap()), "{grain:?}");
            // Per type, the KPI's breakdown.
            for (name, counts) in &a.types {
                let b = volume.breakdown.iter().find(|b| &b.segment == name).unwrap();
                assert_eq!(counts.iter().sum::<usize>() as f64, b.value, "{name}");
            }
            let trend: Vec<String> = kpi::buckets(scope.period, grain).into_iter().map(|b| b.0).collect();
            assert_eq!(a.labels, trend);
        }
        // Per month, the KPI's trend.
        let a = aggregates::activity_by(&ws, scope, Grain::Month).unwrap();
        let trend = kpi::trend(kpi::find("activity_volume").unwrap(), &ws, scope, Grain::Month);
        for (k, p) in trend.iter().enumerate() {
            let n: usize = a.types.iter().map(|t| t.1[k]).sum();
            assert_eq!(p.value.unwrap_or(0.0), n as f64, "{}", p.label);
        }
    }
}

#[test]
fn pacing_accumulates_to_revenue() {
    let ws = fixture();
    let p = aggregates::pacing(&ws, &scope(), Grain::Month).unwrap();
    // Dec 100; Jan D2 300 + D9 60; Feb D7 400. Quotas inside: Ann 3 × 100, Bo 3 × 200.
    assert_eq!(p.actual, [Some(100.0), Some(460.0), Some(860.0)]);
    assert_eq!((p.target, p.target_source, p.projected), (900.0, "quotas", Some(860.0)));
    assert_eq!(p.target_line, [900.0 * 31.0 / 91.0, 900.0 * 62.0 / 91.0, 900.0]);
    // A typed target wins over the quotas.
    let typed =
        Scope { settings: pipelens_engine::Settings { revenue_target: Some(1000.0), ..Default::default() }, ..scope() };
    let p = aggregates::pacing(&ws, &typed, Grain::Quarter).unwrap();
    assert_eq!((p.target, p.target_source), (1000.0, "revenue target"));
    assert_eq!(p.labels, ["2023-Q4", "2024-Q1"]);
    assert_eq!(p.actual, [Some(100.0), Some(860.0)]);
    // Past the data's latest day (2024-03-05): no actual; the projection scales by 65 / 182.
    let s = period(day(2024, 1, 1), day(2024, 6, 30));
    let p = aggregates::pacing(&ws, &s, Grain::Month).unwrap();
    assert_eq!(p.actual, [Some(360.0), Some(760.0), Some(760.0), None, None, None]);
    // Quotas inside: Jan and Feb 300 each, Ann March 500, Bo April 500, Ann 2024-06-15 999.
    assert_eq!(p.target, 2599.0);
    assert_eq!(p.projected, Some(760.0 / (65.0 / 182.0)));

    let (ws, s) = demo();
    let revenue = get(&ws, &s, "revenue").number().unwrap();
    for grain in [Grain::Week, Grain::Month, Grain::Quarter, Grain::Year] {
        let p = aggregates::pacing(&ws, &s, grain).unwrap();
        let last = p.actual.iter().rev().find_map(|a| *a).unwrap();
        assert!(close(last, revenue), "{grain:?}: {last} != {revenue}");
        assert_eq!(*p.target_line.last().unwrap(), p.target);
        assert!(p.actual.windows(2).all(|w| w[1].is_none() || w[0] <= w[1]));
    }
}

#[test]
fn rep_vs_team_averages_the_reps_of_the_team() {
    let ws = fixture();
    let c = aggregates::rep_vs_team(&ws, &scope(), "Ann", &["revenue", "win_rate", "sales_cycle_days", "mrr_x"]);
    assert_eq!(c.team.as_deref(), Some("East"));
    let rows: Vec<(&str, Option<f64>, Option<f64>, usize)> =
        c.rows.iter().map(|r| (r.id.as_str(), r.rep, r.team_average, r.reps_in_team)).collect();
    assert_eq!(
        rows,
        [
            // East is Ann (D1 100) and Cy (D9 60).
            ("revenue", Some(100.0), Some(80.0), 2),
            // Ann 1 of 2, Cy 1 of 1.
            ("win_rate", Some(0.5), Some(0.75), 2),
            // Cy's only deal has no created date: Ann alone.
            ("sales_cycle_days", Some(15.0), Some(15.0), 1),
            ("mrr_x", None, None, 0),
        ]
    );
    assert_eq!(aggregates::reps(&ws), ["Ann", "Bo", "Cy"]);
    let nobody = aggregates::rep_vs_team(&ws, &scope(), "Nobody", &["revenue"]);
    assert_eq!((nobody.team, nobody.rows[0].rep, nobody.rows[0].reps_in_team), (None, None, 0));

    // On the demo: the mean of the per-owner segments of the team's reps.
    let (ws, s) = demo();
    let teams = pipelens_engine::filter::main_value_of_owners(ws.deals.as_ref().unwrap(), Dim::Team).unwrap();
    let c = aggregates::rep_vs_team(&ws, &s, "Elena Rossi", &aggregates::REP_KPIS);
    assert_eq!(c.team.as_deref(), Some("Mid-Market"));
    for row in &c.rows {
        let segments = kpi::segments(kpi::find(&row.id).unwrap(), &ws, &s, Dim::Owner);
        let values: Vec<f64> = segments
            .iter()
            .filter(|r| teams.get(&r.segment).map(String::as_str) == Some("Mid-Market"))
            .filter_map(|r| r.result.number())
            .collect();
        let own = segments.iter().find(|r| r.segment == "Elena Rossi").and_then(|r| r.result.number());
        assert_eq!(row.rep, own, "{}", row.id);
        assert_eq!(row.reps_in_team, values.len(), "{}", row.id);
        assert!(close(row.team_average.unwrap(), values.iter().sum::<f64>() / values.len() as f64), "{}", row.id);
    }
}

#[test]
fn segment_trends_add_up_to_the_total_trend() {
    let revenue = kpi::find("revenue").unwrap();
    let (demo_ws, demo_scope) = demo();
    for (ws, s) in [(fixture(), scope()), (demo_ws, demo_scope)] {
        for (dim, grain) in [(Dim::DealType, Grain::Month), (Dim::Team, Grain::Week), (Dim::Owner, Grain::Quarter)] {
            let total = kpi::trend(revenue, &ws, &s, grain);
            let parts = aggregates::segment_trends(revenue, &ws, &s, dim, grain);
            assert!(!parts.is_empty());
            for (k, point) in total.iter().enumerate() {
                let sum: f64 = parts.iter().filter_map(|p| p.points[k].value).sum();
                assert!(close(sum, point.value.unwrap_or(0.0)), "{dim:?} {}: {sum} != {:?}", point.label, point.value);
                assert!(parts.iter().all(|p| p.points[k].label == point.label));
            }
        }
    }
    // Fixture by deal type: new D1 100 (Dec), D9 60 (Jan); upsell D2 300 (Jan); renewal D7 400 (Feb).
    let mix = aggregates::segment_trends(revenue, &fixture(), &scope(), Dim::DealType, Grain::Month);
    let got: Vec<(&str, Vec<Option<f64>>)> =
        mix.iter().map(|m| (m.segment.as_str(), m.points.iter().map(|p| p.value).collect())).collect();
    assert_eq!(
        got,
        [
            ("new", vec![Some(100.0), Some(60.0), None]),
            ("renewal", vec![None, None, Some(400.0)]),
            ("upsell", vec![None, Some(300.0), None]),
        ]
    );
    // A filter on the dimension keeps only its values.
    let upsell = Scope { filters: Filters::none().with(Dim::DealType, "upsell"), ..scope() };
    let mix = aggregates::segment_trends(revenue, &fixture(), &upsell, Dim::DealType, Grain::Month);
    assert_eq!(mix.iter().map(|m| m.segment.as_str()).collect::<Vec<_>>(), ["upsell"]);
}

#[test]
fn forecast_and_cohorts_are_the_kpi_tables() {
    let ws = fixture();
    let rows = aggregates::forecast_vs_actual(&ws, &scope());
    let got: Vec<(&str, f64, f64, Option<f64>)> =
        rows.iter().map(|r| (r.period.as_str(), r.forecast, r.actual, r.accuracy)).collect();
    assert_eq!(
        got,
        [
            ("2023-12-01 – 2023-12-31", 100.0, 100.0, Some(1.0)),
            ("2024-01-01 – 2024-01-31", 400.0, 360.0, Some(1.0 - 40.0 / 360.0)),
            ("2024-02-01 – 2024-02-29", 300.0, 400.0, Some(0.75)),
        ]
    );
    assert_eq!((rows[2].from, rows[2].to), (day(2024, 2, 1), day(2024, 2, 29)));
    let (demo_ws, demo_scope) = demo();
    for (ws, s) in [(fixture(), scope()), (demo_ws, demo_scope)] {
        let r = get(&ws, &s, "forecast_accuracy");
        let t = r.table.unwrap();
        let rows = aggregates::forecast_vs_actual(&ws, &s);
        assert_eq!(rows.len(), t.rows.len());
        for (i, row) in rows.iter().enumerate() {
            assert_eq!(row.period, t.rows[i].label);
            assert_eq!(
                (Some(row.forecast), Some(row.actual), row.accuracy),
                (t.number(i, "forecast"), t.number(i, "actual"), t.number(i, "accuracy"))
            );
        }
        let accuracies: Vec<f64> = rows.iter().filter_map(|r| r.accuracy).collect();
        assert!(close(r.value.unwrap(), accuracies.iter().sum::<f64>() / accuracies.len() as f64));
    }

    let m = aggregates::cohort_matrix(&ws, &scope()).unwrap();
    // C3 started in December and is still active; nobody in January; C4 in February, gone by its end.
    assert_eq!(
        (m.rows.clone(), m.sizes.clone()),
        (vec!["2023-12".into(), "2024-01".into(), "2024-02".into()], vec![1, 0, 1])
    );
    assert_eq!(m.columns, ["+0", "+1", "+2"]);
    assert_eq!(m.cells, [vec![Some(1.0), Some(1.0), Some(1.0)], vec![None, None, None], vec![Some(0.0), None, None]]);
}

#[test]
fn empty_periods_and_filters_that_match_nothing_give_nothing() {
    let ws = fixture();
    let empty = period(day(2030, 1, 1), day(2030, 3, 31));
    let nobody = Scope { filters: Filters::none().with(Dim::Owner, "Nobody"), ..scope() };
    let (demo_ws, demo_scope) = demo();
    let demo_nobody = Scope { filters: Filters::none().with(Dim::Team, "Nobody"), ..demo_scope };
    for (ws, s) in [(&ws, &empty), (&ws, &nobody), (&demo_ws, &demo_nobody)] {
        assert!(aggregates::people(ws, s, Dim::Owner).rows.is_empty(), "{s:?}");
        assert!(aggregates::people(ws, s, Dim::Team).rows.is_empty(), "{s:?}");
        assert_eq!(aggregates::cycle_histogram(ws, s), None);
        assert_eq!(aggregates::response_histogram(ws, s), None);
        assert_eq!(aggregates::activity_by_week(ws, s), None);
        assert_eq!(aggregates::activity_by(ws, s, Grain::Year), None);
        assert_eq!(aggregates::pacing(ws, s, Grain::Month), None, "no quota inside");
        assert!(aggregates::forecast_vs_actual(ws, s).is_empty());
        let revenue = kpi::find("revenue").unwrap();
        for t in aggregates::segment_trends(revenue, ws, s, Dim::DealType, Grain::Month) {
            assert!(t.points.iter().all(|p| p.value.is_none()));
        }
    }
    // The rep replaces an owner filter, but not the period or a team filter.
    assert_eq!(aggregates::rep_vs_team(&ws, &empty, "Bo", &["revenue"]).rows[0].rep, None);
    assert_eq!(aggregates::rep_vs_team(&ws, &nobody, "Bo", &["revenue"]).rows[0].rep, Some(700.0));
    let ava = aggregates::rep_vs_team(&demo_ws, &demo_nobody, "Ava Thompson", &["revenue"]);
    assert_eq!((ava.rows[0].rep, ava.rows[0].team_average), (None, None));
    assert_eq!(aggregates::cohort_matrix(&ws, &empty), None, "nobody started in 2030");
    // A typed target over an empty period: the line, but no actual and no projection.
    let typed =
        Scope { settings: pipelens_engine::Settings { revenue_target: Some(100.0), ..Default::default() }, ..empty };
    let p = aggregates::pacing(&ws, &typed, Grain::Month).unwrap();
    assert_eq!((p.actual, p.projected), (vec![None, None, None], None));
    // Nothing loaded at all.
    let none = Workspace::default();
    assert!(aggregates::people(&none, &scope(), Dim::Owner).rows.is_empty());
    assert!(aggregates::reps(&none).is_empty());
    assert_eq!(aggregates::pacing(&none, &scope(), Grain::Month), None);
    assert_eq!(aggregates::cohort_matrix(&none, &scope()), None);
}

#[test]
fn views_serialise_to_json() {
    let (ws, s) = demo();
    let h = aggregates::response_histogram(&ws, &s).unwrap();
    let v = serde_json::to_value(&h).unwrap();
    assert_eq!(v["bins"][0]["label"], "≤ 5 min");
    assert_eq!(v["bins"][6]["to"], serde_json::Value::Null, "an infinite bound is null");
    let f = serde_json::to_value(aggregates::forecast_vs_actual(&ws, &s)).unwrap();
    assert_eq!(f[0]["from"], "2025-11-01");
    let p = serde_json::to_value(aggregates::people(&ws, &s, Dim::Owner)).unwrap();
    assert_eq!(p["dim"], "owner");
    assert_eq!(p["rows"].as_array().unwrap().len(), 12);
}
