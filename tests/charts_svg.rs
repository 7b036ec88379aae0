//! The chart drawing functions, run natively on plotters' SVG backend: axes, labels, and the
//! empty and single-point cases.

use pipelens::charts::draw::{
    draw_pipeline_by_stage, draw_revenue_by_month, pipeline_measure, ChartStyle, PipelineMeasure,
};
use pipelens_engine::kpi::{pipeline, StageTotal};
use pipelens_engine::series::{won_revenue_by, SeriesPoint};
use pipelens_engine::{demo, Day, Grain, Period, Scope};
use plotters::prelude::*;

fn svg(draw: impl FnOnce(&DrawingArea<SVGBackend, plotters::coord::Shift>)) -> String {
    svg_sized((640, 280), draw)
}

fn svg_sized(size: (u32, u32), draw: impl FnOnce(&DrawingArea<SVGBackend, plotters::coord::Shift>)) -> String {
    let mut out = String::new();
    {
        let area = SVGBackend::with_string(&mut out, size).into_drawing_area();
        draw(&area);
        area.present().expect("present");
    }
    out
}

/// The text of every `<text>` element, unescaped.
fn texts(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .filter_map(|t| {
            let body = t.split_once('>')?.1.split_once("</text>")?.0;
            Some(body.trim().replace("&apos;", "'").replace("&amp;", "&"))
        })
        .filter(|t| !t.is_empty())
        .collect()
}

/// Font sizes used by the text elements.
fn font_sizes(svg: &str) -> Vec<f64> {
    svg.split("font-size=\"").skip(1).filter_map(|t| t.split('"').next()?.parse().ok()).collect()
}

fn bars(svg: &str) -> usize {
    // Bars are filled rectangles in the accent colour.
    svg.matches("fill=\"#2563EB\"").count()
}

fn demo_period() -> (pipelens_engine::DealsTable, Period) {
    let d = demo::demo_deals(demo::DEMO_SEED);
    let p = Period::default_for(d.latest_day().unwrap());
    (d, p)
}

#[test]
fn revenue_chart_draws_a_bar_and_a_label_per_month() {
    let (d, p) = demo_period();
    let points = won_revenue_by(&d, &None, &Scope::new(p), Grain::Month);
    let out = svg(|a| draw_revenue_by_month(a, &points, &ChartStyle::default()).unwrap());
    assert_eq!(bars(&out), 12, "one bar per month");
    let t = texts(&out);
    for label in ["Nov '25", "Dec", "Jan '26", "Feb", "Oct"] {
        assert!(t.iter().any(|x| x == label), "x label {label} missing in {t:?}");
    }
    assert!(t.iter().any(|x| x == "0"), "y axis starts at 0");
    assert!(t.iter().any(|x| x.ends_with('M') || x.ends_with('k')), "y labels are compact amounts: {t:?}");
}

#[test]
fn revenue_chart_with_no_revenue_says_so() {
    let empty: Vec<SeriesPoint> = Vec::new();
    let out = svg(|a| draw_revenue_by_month(a, &empty, &ChartStyle::default()).unwrap());
    assert_eq!(texts(&out), ["No won revenue in this period"]);
    assert_eq!(bars(&out), 0);
    let zeros = vec![SeriesPoint { label: "2024-01".into(), start: Day(0), value: 0.0 }];
    let out = svg(|a| draw_revenue_by_month(a, &zeros, &ChartStyle::default()).unwrap());
    assert!(out.contains("No won revenue in this period"));
}

#[test]
fn revenue_chart_with_a_single_month() {
    let one = vec![SeriesPoint { label: "2024-03".into(), start: Day(0), value: 1234.0 }];
    let out = svg(|a| draw_revenue_by_month(a, &one, &ChartStyle::default()).unwrap());
    assert_eq!(bars(&out), 1);
    assert!(texts(&out).contains(&"Mar '24".to_owned()));
}

#[test]
fn pipeline_chart_labels_every_stage_with_value_and_count() {
    let (d, p) = demo_period();
    let stages = pipeline(&d, &None, &Scope::new(p)).stages;
    let out = svg(|a| draw_pipeline_by_stage(a, &stages, &ChartStyle::default()).unwrap());
    assert_eq!(bars(&out), 4);
    let t = texts(&out);
    for s in &stages {
        assert!(t.contains(&s.stage), "stage {} missing in {t:?}", s.stage);
        assert!(t.iter().any(|x| x.ends_with(&format!("· {} deals", s.count))), "count label of {} missing", s.stage);
    }
}

#[test]
fn pipeline_chart_falls_back_to_counts_without_amounts() {
    let stages = vec![
        StageTotal { stage: "Prospecting".into(), count: 500, value: 0.0, with_amount: 0 },
        StageTotal { stage: "Engaging".into(), count: 1589, value: 0.0, with_amount: 0 },
    ];
    assert_eq!(pipeline_measure(&stages), PipelineMeasure::Count);
    let out = svg(|a| draw_pipeline_by_stage(a, &stages, &ChartStyle::default()).unwrap());
    let t = texts(&out);
    assert!(t.contains(&"1,589 deals".to_owned()) && t.contains(&"500 deals".to_owned()), "{t:?}");
    assert!(t.contains(&"Prospecting".to_owned()) && t.contains(&"Engaging".to_owned()));
    assert_eq!(bars(&out), 2);
}

#[test]
fn pipeline_chart_with_no_open_deals_says_so() {
    let out = svg(|a| draw_pipeline_by_stage(a, &[], &ChartStyle::default()).unwrap());
    assert!(out.contains("No open deals"));
}

#[test]
fn high_dpi_scale_enlarges_text() {
    let (d, p) = demo_period();
    let points = won_revenue_by(&d, &None, &Scope::new(p), Grain::Month);
    let one = svg(|a| draw_revenue_by_month(a, &points, &ChartStyle::default()).unwrap());
    let two = svg(|a| draw_revenue_by_month(a, &points, &ChartStyle { scale: 2.0, ..ChartStyle::default() }).unwrap());
    // The same pixel canvas at 2x holds fewer labels, so compare the sizes used, not counts.
    let distinct = |v: Vec<f64>| {
        let mut v = v;
        v.sort_by(f64::total_cmp);
        v.dedup();
        v
    };
    let (a, b) = (distinct(font_sizes(&one)), distinct(font_sizes(&two)));
    assert!(!a.is_empty() && a.len() == b.len(), "{a:?} vs {b:?}");
    for (x, y) in a.iter().zip(&b) {
        assert!((y / x - 2.0).abs() < 1e-9, "{x} -> {y}");
    }
}

/// `(x, text)` of every text element.
fn placed_texts(svg: &str) -> Vec<(f64, String)> {
    svg.split("<text")
        .skip(1)
        .filter_map(|t| {
            let x = t.split("x=\"").nth(1)?.split('"').next()?.parse().ok()?;
            let body = t.split_once('>')?.1.split_once("</text>")?.0.trim().replace("&apos;", "'");
            (!body.is_empty()).then_some((x, body))
        })
        .collect()
}

#[test]
fn narrow_revenue_chart_thins_month_labels_so_they_do_not_overlap() {
    let (d, p) = demo_period();
    let points = won_revenue_by(&d, &None, &Scope::new(p), Grain::Month);
    let out = svg_sized((360, 260), |a| draw_revenue_by_month(a, &points, &ChartStyle::default()).unwrap());
    assert_eq!(bars(&out), 12, "every month still has its bar");
    let months = ["Nov '25", "Dec", "Jan '26", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct"];
    let mut xs: Vec<(f64, String)> =
        placed_texts(&out).into_iter().filter(|(_, t)| months.contains(&t.as_str())).collect();
    xs.sort_by(|a, b| a.0.total_cmp(&b.0));
    assert!(xs.len() >= 3 && xs.len() < 12, "labels thinned: {xs:?}");
    for w in xs.windows(2) {
        let room = w[1].0 - w[0].0;
        let need = (w[0].1.chars().count() + w[1].1.chars().count()) as f64 * 6.8 / 2.0;
        assert!(room >= need, "{w:?} overlap");
    }
}

#[test]
fn narrow_pipeline_chart_keeps_bar_labels_inside_the_canvas() {
    let (d, p) = demo_period();
    let stages = pipeline(&d, &None, &Scope::new(p)).stages;
    let width = 380.0;
    let out = svg_sized((width as u32, 260), |a| draw_pipeline_by_stage(a, &stages, &ChartStyle::default()).unwrap());
    let labels: Vec<(f64, String)> = placed_texts(&out).into_iter().filter(|(_, t)| t.ends_with(" deals")).collect();
    assert_eq!(labels.len(), stages.len());
    for (x, t) in labels {
        assert!(x + t.chars().count() as f64 * 6.8 <= width, "{t:?} at {x} runs past {width}");
    }
}

#[test]
fn single_stage_pipeline_draws_a_full_height_bar() {
    let stages = vec![StageTotal { stage: "Verhandlung".into(), count: 1, value: 750.0, with_amount: 1 }];
    let out = svg(|a| draw_pipeline_by_stage(a, &stages, &ChartStyle::default()).unwrap());
    let bar = out.split("<rect").find(|r| r.contains("fill=\"#2563EB\"")).expect("a bar");
    let height: f64 = bar.split("height=\"").nth(1).unwrap().split('"').next().unwrap().parse().unwrap();
    assert!(height > 60.0, "bar is {height}px tall in a 280px chart: {bar}");
    assert!(texts(&out).contains(&"750 · 1 deal".to_owned()), "{:?}", texts(&out));
}
