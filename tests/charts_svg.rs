//! The chart drawing functions, run natively on plotters' SVG backend: axes, labels, legends,
//! marks, hits, the empty, single-point and broken-input cases, themes, and text kept inside the
//! canvas. `CHARTS_SVG_DUMP=<dir>` writes the typical charts there as SVG files to look at.

use pipelens::charts::{
    draw_bars, draw_columns, draw_funnel, draw_heatmap, draw_histogram, draw_lines, hit_at, Bar, BarChart, ChartStyle,
    ColumnLayout, ColumnSeries, Columns, Funnel, FunnelStep, Heatmap, Histogram, Hit, Line, LineChart, Marker,
};
use pipelens_engine::kpi::Unit;
use pipelens_engine::{demo, Day, Grain, Period, Scope};
use plotters::prelude::*;

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

type Area<'a> = DrawingArea<SVGBackend<'a>, plotters::coord::Shift>;
/// A named chart drawn in a given style.
type Styled = (&'static str, Box<dyn Fn(&Area, &ChartStyle) -> Vec<Hit>>);
/// A named chart drawn in the default style.
type Drawing<'s> = (&'static str, Box<dyn Fn(&Area) -> Vec<Hit> + 's>);

fn chart(size: (u32, u32), draw: impl FnOnce(&Area) -> Vec<Hit>) -> (String, Vec<Hit>) {
    let mut out = String::new();
    let hits;
    {
        let area = SVGBackend::with_string(&mut out, size).into_drawing_area();
        hits = draw(&area);
        area.present().expect("present");
    }
    (out, hits)
}

/// `#RRGGBB` of a colour, as the SVG backend writes it.
fn hex(c: RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

/// Elements `<tag …>` whose attribute `attr` is `value`.
fn count(svg: &str, tag: &str, attr: &str, value: &str) -> usize {
    svg.split(&format!("<{tag} "))
        .skip(1)
        .filter(|e| e.split('>').next().unwrap().contains(&format!("{attr}=\"{value}\"")))
        .count()
}

/// Filled rectangles in `c`.
fn rects(svg: &str, c: RGBColor) -> usize {
    count(svg, "rect", "fill", &hex(c))
}

/// Lines (polylines) stroked in `c`.
fn lines(svg: &str, c: RGBColor) -> usize {
    count(svg, "polyline", "stroke", &hex(c))
}

/// Dots in `c`.
fn dots(svg: &str, c: RGBColor) -> usize {
    count(svg, "circle", "fill", &hex(c))
}

/// A text element as placed: anchor point, horizontal anchor, vertical `dy`, size in CSS pixels.
#[derive(Debug)]
struct Placed {
    x: f64,
    y: f64,
    anchor: String,
    dy: String,
    size: f64,
    text: String,
}

fn attr<'a>(element: &'a str, name: &str) -> Option<&'a str> {
    element.split(&format!(" {name}=\"")).nth(1)?.split('"').next()
}

fn placed(svg: &str) -> Vec<Placed> {
    svg.split("<text")
        .skip(1)
        .filter_map(|t| {
            let (head, rest) = t.split_once('>')?;
            let text =
                rest.split_once("</text>")?.0.trim().replace("&apos;", "'").replace("&gt;", ">").replace("&lt;", "<");
            let text = text.replace("&quot;", "\"").replace("&amp;", "&");
            Some(Placed {
                x: attr(head, "x")?.parse().ok()?,
                y: attr(head, "y")?.parse().ok()?,
                anchor: attr(head, "text-anchor")?.to_owned(),
                dy: attr(head, "dy")?.to_owned(),
                // The SVG backend writes the font size divided by 1.24.
                size: attr(head, "font-size")?.parse::<f64>().ok()? * 1.24,
                text,
            })
        })
        .filter(|p| !p.text.is_empty())
        .collect()
}

impl Placed {
    /// Estimated box `(left, top, right, bottom)` at 0.55 em per character (less than the layout
    /// assumes, so this checks the layout, not the estimate).
    fn bbox(&self) -> (f64, f64, f64, f64) {
        let w = self.text.chars().count() as f64 * 0.55 * self.size;
        let left = match self.anchor.as_str() {
            "start" => self.x,
            "end" => self.x - w,
            _ => self.x - w / 2.0,
        };
        let top = match self.dy.as_str() {
            "0.76em" => self.y,
            "0.5ex" => self.y - self.size / 2.0,
            _ => self.y - self.size,
        };
        (left, top, left + w, top + self.size)
    }
}

/// Every text inside the canvas (anchor and estimated box) and no two texts overlapping.
fn assert_texts_fit(svg: &str, (w, h): (u32, u32), what: &str) {
    let (w, h) = (w as f64, h as f64);
    let all = placed(svg);
    assert!(!all.is_empty(), "{what}: no text");
    for p in &all {
        assert!((0.0..=w).contains(&p.x) && (0.0..=h).contains(&p.y), "{what}: {p:?} anchored outside {w}×{h}");
        let (l, t, r, b) = p.bbox();
        assert!(l >= -0.5 && r <= w + 0.5 && t >= -0.5 && b <= h + 0.5, "{what}: {p:?} runs outside {w}×{h}");
    }
    for (i, a) in all.iter().enumerate() {
        for b in &all[i + 1..] {
            let (a0, b0) = (a.bbox(), b.bbox());
            let overlap = a0.0 < b0.2 - 0.5 && b0.0 < a0.2 - 0.5 && a0.1 < b0.3 - 0.5 && b0.1 < a0.3 - 0.5;
            assert!(!overlap, "{what}: {a:?} overlaps {b:?}");
        }
    }
}

fn text_list(svg: &str) -> Vec<String> {
    placed(svg).into_iter().map(|p| p.text).collect()
}

fn has(svg: &str, text: &str) -> bool {
    text_list(svg).iter().any(|t| t == text)
}

/// Every hit inside the canvas of `size` at `scale`, with a non-empty text.
fn assert_hits_inside(hits: &[Hit], (w, h): (u32, u32), scale: f64) {
    for hit in hits {
        assert!(hit.x0 >= 0.0 && hit.y0 >= 0.0 && hit.x1 <= w as f64 / scale && hit.y1 <= h as f64 / scale, "{hit:?}");
        assert!(hit.x0 <= hit.x1 && hit.y0 <= hit.y1 && !hit.text.is_empty(), "{hit:?}");
    }
}

fn months(n: usize) -> Vec<String> {
    (0..n).map(|i| format!("{}-{:02}", 2025 + (3 + i) / 12, (3 + i) % 12 + 1)).collect()
}

fn trend() -> LineChart {
    let revenue: Vec<Option<f64>> =
        (0..12).map(|i| Some(if i == 11 { 1_234_567.0 } else { 800_000.0 + i as f64 * 31_000.0 })).collect();
    let previous: Vec<Option<f64>> =
        (0..12).map(|i| Some(if i == 11 { 1_100_000.0 } else { 700_000.0 + i as f64 * 25_000.0 })).collect();
    LineChart {
        labels: months(12),
        series: vec![
            Line { name: "Revenue".into(), values: revenue, colour: 0, dashed: false, area: true },
            Line { name: "previous period".into(), values: previous, colour: 1, dashed: true, area: false },
        ],
        unit: Unit::Currency,
    }
}

fn products(horizontal: bool) -> BarChart {
    let bar = |label: &str, value: f64, deals: usize, colour: usize| Bar {
        label: label.into(),
        value,
        note: Some(format!("{deals} deals")),
        colour,
        drill: Some(label.into()),
    };
    BarChart {
        bars: vec![
            bar("Platform licences", 1_234_567.0, 34, 0),
            bar("Implementation services and onboarding", 640_000.0, 21, 1),
            bar("Support", 310_500.0, 55, 2),
            bar("Training", 92_000.0, 8, 3),
            bar("Hardware", 12_345.0, 2, 4),
        ],
        unit: Unit::Currency,
        horizontal,
    }
}

fn mix(layout: ColumnLayout) -> Columns {
    let series = |name: &str, colour: usize, base: f64| ColumnSeries {
        name: name.into(),
        values: (0..6).map(|i| base + i as f64 * base / 10.0).collect(),
        colour,
        drill: Some(name.into()),
    };
    Columns {
        categories: months(6),
        series: vec![
            series("New business", 0, 300_000.0),
            series("Expansion", 1, 200_000.0),
            series("Renewal", 2, 500_000.0),
        ],
        unit: Unit::Currency,
        layout,
    }
}

fn funnel() -> Funnel {
    let step = |label: &str, count: f64, conversion: Option<f64>| FunnelStep { label: label.into(), count, conversion };
    Funnel {
        steps: vec![
            step("Leads", 1600.0, Some(0.625)),
            step("Qualified", 1000.0, Some(0.4)),
            step("Proposal", 400.0, Some(0.3)),
            step("Won", 120.0, None),
        ],
    }
}

fn response_times() -> Histogram {
    let bins = ["0–5 min", "5–15 min", "15–60 min", "1–4 h", "4–24 h", "> 1 d"];
    Histogram {
        bins: bins.iter().map(|b| b.to_string()).collect(),
        series: vec![
            ColumnSeries {
                name: "Web".into(),
                values: vec![120.0, 42.0, 80.0, 60.0, 30.0, 10.0],
                colour: 0,
                drill: Some("Web".into()),
            },
            ColumnSeries {
                name: "Referral".into(),
                values: vec![40.0, 30.0, 20.0, 10.0, 5.0, 2.0],
                colour: 1,
                drill: None,
            },
        ],
        marker: Some(Marker { at: 1.0, label: "5 min".into() }),
        unit: Unit::Count,
    }
}

fn retention() -> Heatmap {
    let rows = months(6);
    let cells = (0..6)
        .map(|r| {
            (0..6)
                .map(|c| (c < 6 - r).then_some(if c == 0 { 1.0 } else { 0.9 - c as f64 * 0.03 - r as f64 * 0.01 }))
                .collect()
        })
        .collect::<Vec<Vec<Option<f64>>>>();
    let mut cells = cells;
    cells[0][3] = Some(0.812);
    Heatmap { rows, columns: (0..6).map(|c| format!("+{c}")).collect(), cells, unit: Unit::Percent }
}

/// Every typical chart, by name.
fn typical() -> Vec<Styled> {
    vec![
        ("lines", Box::new(|a, s| draw_lines(a, &trend(), s).unwrap())),
        ("bars_horizontal", Box::new(|a, s| draw_bars(a, &products(true), s).unwrap())),
        ("bars_vertical", Box::new(|a, s| draw_bars(a, &products(false), s).unwrap())),
        ("columns_stacked", Box::new(|a, s| draw_columns(a, &mix(ColumnLayout::Stacked), s).unwrap())),
        ("columns_grouped", Box::new(|a, s| draw_columns(a, &mix(ColumnLayout::Grouped), s).unwrap())),
        ("funnel", Box::new(|a, s| draw_funnel(a, &funnel(), s).unwrap())),
        ("histogram", Box::new(|a, s| draw_histogram(a, &response_times(), s).unwrap())),
        ("heatmap", Box::new(|a, s| draw_heatmap(a, &retention(), s).unwrap())),
    ]
}

#[test]
fn every_chart_keeps_its_text_inside_the_canvas_and_apart() {
    let dump = std::env::var_os("CHARTS_SVG_DUMP").map(std::path::PathBuf::from);
    for (name, draw) in typical() {
        for (w, h) in [(820u32, 300u32), (400, 240)] {
            for scale in [1.0, 2.0] {
                for (theme, style) in [("light", ChartStyle::light(scale)), ("dark", ChartStyle::dark(scale))] {
                    let size = ((w as f64 * scale) as u32, (h as f64 * scale) as u32);
                    let (out, hits) = chart(size, |a| draw(a, &style));
                    let what = format!("{name} {w}×{h} @{scale} {theme}");
                    assert_texts_fit(&out, size, &what);
                    assert!(!hits.is_empty(), "{what}: no hits");
                    assert_hits_inside(&hits, size, scale);
                    if let Some(dir) = &dump {
                        std::fs::create_dir_all(dir).unwrap();
                        std::fs::write(dir.join(format!("{name}_{w}x{h}_{scale}_{theme}.svg")), &out).unwrap();
                    }
                }
            }
        }
    }
}

#[test]
fn every_chart_survives_a_tiny_canvas_and_says_when_it_has_no_data() {
    let style = ChartStyle::default();
    for (name, draw) in typical() {
        for size in [(1, 1), (2, 40), (40, 2), (30, 30)] {
            let (out, hits) = chart(size, |a| draw(a, &style));
            assert!(hits.is_empty() && placed(&out).is_empty(), "{name} on {size:?}");
        }
    }
    let empty: Vec<Drawing> = vec![
        (
            "lines",
            Box::new(|a| {
                draw_lines(a, &LineChart { labels: vec![], series: vec![], unit: Unit::Count }, &style).unwrap()
            }),
        ),
        (
            "bars",
            Box::new(|a| {
                draw_bars(a, &BarChart { bars: vec![], unit: Unit::Count, horizontal: true }, &style).unwrap()
            }),
        ),
        (
            "columns",
            Box::new(|a| {
                draw_columns(
                    a,
                    &Columns { categories: vec![], series: vec![], unit: Unit::Count, layout: ColumnLayout::Stacked },
                    &style,
                )
                .unwrap()
            }),
        ),
        ("funnel", Box::new(|a| draw_funnel(a, &Funnel { steps: vec![] }, &style).unwrap())),
        (
            "histogram",
            Box::new(|a| {
                draw_histogram(a, &Histogram { bins: vec![], series: vec![], marker: None, unit: Unit::Count }, &style)
                    .unwrap()
            }),
        ),
        (
            "heatmap",
            Box::new(|a| {
                draw_heatmap(a, &Heatmap { rows: vec![], columns: vec![], cells: vec![], unit: Unit::Percent }, &style)
                    .unwrap()
            }),
        ),
    ];
    for (name, draw) in empty {
        let (out, hits) = chart((400, 240), draw);
        assert_eq!(text_list(&out), ["No data for this period"], "{name}");
        assert!(hits.is_empty(), "{name}");
        let p = &placed(&out)[0];
        assert_eq!((p.x, p.y, p.anchor.as_str()), (200.0, 120.0, "middle"), "{name}: centred");
    }
}

#[test]
fn lines_draw_axes_legend_dots_and_a_hit_per_label() {
    let style = ChartStyle::default();
    let (out, hits) = chart((820, 300), |a| draw_lines(a, &trend(), &style).unwrap());
    for label in ["Apr '25", "Jan '26", "Mar", "0"] {
        assert!(has(&out, label), "{label} missing in {:?}", text_list(&out));
    }
    assert!(text_list(&out).iter().any(|t| t.ends_with('M')), "compact y labels: {:?}", text_list(&out));
    assert!(has(&out, "Revenue") && has(&out, "previous period"), "legend");
    let (c0, c1) = (style.colour(0), style.colour(1));
    assert_eq!(lines(&out, c0), 2, "the revenue line and its legend swatch");
    assert!(lines(&out, c1) > 10, "a dashed line is many dashes");
    assert_eq!(dots(&out, c0), 12);
    assert_eq!(dots(&out, c1), 12);
    assert_eq!(count(&out, "polygon", "fill", &hex(c0)), 1, "the area under revenue");
    assert_eq!(hits.len(), 12);
    assert_eq!(hits[11].text, "Mar 2026 · Revenue 1,234,567 · previous period 1,100,000");
    assert_eq!(hits[0].text, "Apr 2025 · Revenue 800,000 · previous period 700,000");
    assert!(hits.iter().all(|h| h.drill.is_none()));
    // Bands side by side, left to right.
    assert!(hits.windows(2).all(|w| (w[0].x1 - w[1].x0).abs() < 1e-6 && w[0].x0 < w[1].x0));
    let mid = &hits[5];
    let found = hit_at(&hits, (mid.x0 + mid.x1) / 2.0, (mid.y0 + mid.y1) / 2.0).unwrap();
    assert_eq!(found, mid);
    // The legend sits above the plot: above every hit band.
    let legend_y = placed(&out).iter().find(|p| p.text == "Revenue").unwrap().y;
    assert!(legend_y < hits[0].y0, "legend at {legend_y}, plot from {}", hits[0].y0);
}

#[test]
fn lines_break_at_gaps_and_survive_nan_and_short_series() {
    let style = ChartStyle::default();
    let mut chart_data = trend();
    chart_data.series[0].values[4] = None;
    chart_data.series[0].values[5] = Some(f64::NAN);
    chart_data.series[1].values.truncate(3);
    chart_data.series[1].dashed = false;
    let (out, hits) = chart((820, 300), |a| draw_lines(a, &chart_data, &style).unwrap());
    assert_eq!(lines(&out, style.colour(0)), 3, "two pieces and the legend swatch");
    assert_eq!(dots(&out, style.colour(0)), 10);
    assert_eq!(dots(&out, style.colour(1)), 3);
    assert_eq!(hits.len(), 12);
    assert!(
        hits[4].text.contains("Revenue no data") && hits[11].text.ends_with("previous period no data"),
        "{:?}",
        hits[11]
    );
    let all_none = LineChart {
        labels: months(3),
        series: vec![Line {
            name: "x".into(),
            values: vec![None, Some(f64::INFINITY)],
            colour: 0,
            dashed: false,
            area: true,
        }],
        unit: Unit::Count,
    };
    let (out, hits) = chart((400, 240), |a| draw_lines(a, &all_none, &style).unwrap());
    assert!(hits.is_empty() && has(&out, "No data for this period"));
}

#[test]
fn a_single_point_is_a_centred_dot() {
    let style = ChartStyle::default();
    let one = LineChart {
        labels: vec!["2026-03".into()],
        series: vec![Line { name: "Revenue".into(), values: vec![Some(5.0)], colour: 2, dashed: false, area: true }],
        unit: Unit::Currency,
    };
    let (out, hits) = chart((400, 240), |a| draw_lines(a, &one, &style).unwrap());
    assert_eq!(dots(&out, style.colour(2)), 1);
    assert!(has(&out, "Mar '26"));
    let cx: f64 = attr(out.split("<circle").nth(1).unwrap(), "cx").unwrap().parse().unwrap();
    assert!((150.0..=250.0).contains(&cx), "dot at {cx}");
    assert_eq!(hits.len(), 1);
    assert_hits_inside(&hits, (400, 240), 1.0);
    assert_eq!(hits[0].text, "Mar 2026 · Revenue 5.00");
}

#[test]
fn lines_with_many_days_thin_their_labels_and_drop_the_dots() {
    let style = ChartStyle::default();
    let labels: Vec<String> = (0..90).map(|d| format!("2026-{:02}-{:02}", 1 + d / 30, 1 + d % 28)).collect();
    let values = (0..90).map(|d| Some((d as f64 / 90.0).min(0.95))).collect();
    let daily = LineChart {
        labels,
        series: vec![Line { name: "Retention".into(), values, colour: 0, dashed: false, area: false }],
        unit: Unit::Percent,
    };
    for size in [(820, 300), (400, 240)] {
        let (out, hits) = chart(size, |a| draw_lines(a, &daily, &style).unwrap());
        assert_eq!(dots(&out, style.colour(0)), 0);
        assert_eq!(hits.len(), 90);
        assert!(has(&out, "1 Jan '26") && has(&out, "0 %") && has(&out, "100 %"), "{:?}", text_list(&out));
        assert_texts_fit(&out, size, "daily");
        assert!(!has(&out, "Retention"), "no legend for one series");
    }
}

#[test]
fn percent_days_and_minutes_axes() {
    let style = ChartStyle::default();
    for (unit, value, label) in [(Unit::Percent, 0.45, " %"), (Unit::Days, 12.0, " d"), (Unit::Minutes, 150.0, " h")] {
        let c = LineChart {
            labels: months(4),
            series: vec![Line {
                name: "x".into(),
                values: vec![Some(value); 4],
                colour: 0,
                dashed: false,
                area: false,
            }],
            unit,
        };
        let (out, _) = chart((400, 240), |a| draw_lines(a, &c, &style).unwrap());
        assert!(text_list(&out).iter().any(|t| t.ends_with(label)), "{unit:?}: {:?}", text_list(&out));
    }
}

#[test]
fn negative_lines_take_the_axis_below_zero() {
    let style = ChartStyle::default();
    let c = LineChart {
        labels: months(4),
        series: vec![Line {
            name: "Net".into(),
            values: vec![Some(-500.0), Some(200.0), Some(-100.0), Some(900.0)],
            colour: 0,
            dashed: false,
            area: true,
        }],
        unit: Unit::Currency,
    };
    let (out, hits) = chart((400, 240), |a| draw_lines(a, &c, &style).unwrap());
    assert!(text_list(&out).iter().any(|t| t.starts_with('-')), "{:?}", text_list(&out));
    assert_eq!(hits.len(), 4);
}

#[test]
fn horizontal_bars_name_truncate_and_label_every_bar() {
    let style = ChartStyle::default();
    let size = (400, 240);
    let (out, hits) = chart(size, |a| draw_bars(a, &products(true), &style).unwrap());
    for i in 0..5 {
        assert_eq!(rects(&out, style.colour(i)), 1, "bar {i}");
    }
    assert!(has(&out, "Platform licences") && has(&out, "Implementation servic…"), "{:?}", text_list(&out));
    assert!(has(&out, "1.2M · 34 deals") && has(&out, "12.3k · 2 deals"), "{:?}", text_list(&out));
    assert_eq!(hits.len(), 5);
    assert_eq!(hits[0].text, "Platform licences · 1,234,567 · 34 deals");
    assert_eq!(hits[1].text, "Implementation services and onboarding · 640,000 · 21 deals");
    assert_eq!(hits[4].drill.as_deref(), Some("Hardware"));
    assert!(hits.windows(2).all(|w| w[0].y1 <= w[1].y0 + 1e-6), "rows top to bottom");
    // The value label after the longest bar ends inside the canvas.
    let label = placed(&out).into_iter().find(|p| p.text == "1.2M · 34 deals").unwrap();
    assert!(label.bbox().2 <= 400.0, "{label:?}");
    assert_texts_fit(&out, size, "bars");
}

#[test]
fn vertical_bars_and_negative_values() {
    let style = ChartStyle::default();
    let (out, hits) = chart((820, 300), |a| draw_bars(a, &products(false), &style).unwrap());
    assert!(has(&out, "Platform licences") && has(&out, "1.2M"), "{:?}", text_list(&out));
    assert_eq!(hits.len(), 5);
    let mut negative = products(false);
    negative.bars[1].value = -300_000.0;
    negative.bars[2].value = f64::NAN;
    for horizontal in [false, true] {
        negative.horizontal = horizontal;
        let (out, hits) = chart((400, 240), |a| draw_bars(a, &negative, &style).unwrap());
        assert_eq!(rects(&out, style.colour(1)), 1, "the negative bar");
        assert_eq!(rects(&out, style.colour(2)), 0, "NaN counts as 0: no bar");
        assert!(hits[1].text.contains("-300,000"), "{:?}", hits[1]);
        assert!(text_list(&out).iter().any(|t| t.starts_with('-')), "{:?}", text_list(&out));
        assert_texts_fit(&out, (400, 240), "negative bars");
    }
}

#[test]
fn bars_all_zero_say_so_and_a_single_bar_draws() {
    let style = ChartStyle::default();
    let mut zero = products(true);
    zero.bars.iter_mut().for_each(|b| b.value = 0.0);
    let (out, hits) = chart((400, 240), |a| draw_bars(a, &zero, &style).unwrap());
    assert!(hits.is_empty() && has(&out, "No data for this period"));
    for horizontal in [true, false] {
        let one = BarChart { bars: vec![products(true).bars[0].clone()], unit: Unit::Currency, horizontal };
        let (out, hits) = chart((400, 240), |a| draw_bars(a, &one, &style).unwrap());
        assert_eq!(rects(&out, style.colour(0)), 1);
        assert_eq!(hits.len(), 1);
        assert_hits_inside(&hits, (400, 240), 1.0);
    }
}

#[test]
fn stacked_columns_have_a_segment_per_series_and_shares_in_hits() {
    let style = ChartStyle::default();
    let (out, hits) = chart((820, 300), |a| draw_columns(a, &mix(ColumnLayout::Stacked), &style).unwrap());
    for i in 0..3 {
        assert_eq!(rects(&out, style.colour(i)), 6 + 1, "6 segments and a legend swatch in colour {i}");
    }
    for name in ["New business", "Expansion", "Renewal", "Apr '25", "Sep"] {
        assert!(has(&out, name), "{name} missing in {:?}", text_list(&out));
    }
    assert_eq!(hits.len(), 18);
    // Column 0: 300k + 200k + 500k.
    assert_eq!(hits[0].text, "Apr 2025 · New business · 300,000 · 30.0 %");
    assert!(hits.iter().any(|h| h.text == "Apr 2025 · Renewal · 500,000 · 50.0 %"));
    assert!(hits.iter().all(|h| h.drill.is_some()));
}

#[test]
fn grouped_columns_stand_side_by_side() {
    let style = ChartStyle::default();
    let mut data = mix(ColumnLayout::Grouped);
    data.series.truncate(2);
    data.series[1].values = vec![100_000.0, f64::NAN]; // shorter, with a NaN: the rest count as 0
    let (out, hits) = chart((820, 300), |a| draw_columns(a, &data, &style).unwrap());
    assert_eq!(rects(&out, style.colour(0)), 6 + 1);
    assert_eq!(rects(&out, style.colour(1)), 1 + 1);
    assert_eq!(hits.len(), 7);
    assert_eq!(hits[0].text, "Apr 2025 · New business · 300,000");
    assert_eq!(hits[1].text, "Apr 2025 · Expansion · 100,000");
    assert!(hits[0].x1 <= hits[1].x0, "side by side");
    let single = Columns {
        categories: vec!["2026-Q1".into()],
        series: vec![data.series[0].clone()],
        unit: Unit::Count,
        layout: ColumnLayout::Stacked,
    };
    let (out, hits) = chart((400, 240), |a| draw_columns(a, &single, &style).unwrap());
    assert!(has(&out, "Q1 '26") && hits.len() == 1);
    assert_hits_inside(&hits, (400, 240), 1.0);
}

#[test]
fn funnel_shows_counts_and_conversions() {
    let style = ChartStyle::default();
    let (out, hits) = chart((820, 300), |a| draw_funnel(a, &funnel(), &style).unwrap());
    assert_eq!(rects(&out, style.accent), 4);
    for text in
        ["Leads · 1,600", "Qualified · 1,000", "62.5 % go on · 37.5 % leak", "40.0 % go on · 60.0 % leak", "Won · 120"]
    {
        assert!(has(&out, text), "{text} missing in {:?}", text_list(&out));
    }
    assert_eq!(hits.len(), 4);
    assert_eq!(hits[1].text, "Qualified · 1,000 · 62.5 % of Leads · 40.0 % go on · 60.0 % leak");
    // Widest first, centred.
    let widths: Vec<f64> = out
        .split("<rect")
        .filter(|r| r.contains(&format!("fill=\"{}\"", hex(style.accent))))
        .map(|r| attr(r, "width").unwrap().parse().unwrap())
        .collect();
    assert!(widths.windows(2).all(|w| w[0] > w[1]), "{widths:?}");
    let mut zeros = funnel();
    zeros.steps[2].count = 0.0;
    zeros.steps[3].count = f64::NAN;
    zeros.steps[0].conversion = Some(f64::NAN);
    let (out, hits) = chart((400, 240), |a| draw_funnel(a, &zeros, &style).unwrap());
    assert_eq!(rects(&out, style.accent), 2);
    assert_eq!(hits.len(), 4);
    assert_texts_fit(&out, (400, 240), "funnel with zeros");
    let one = Funnel { steps: vec![FunnelStep { label: "Leads".into(), count: 3.0, conversion: Some(0.5) }] };
    let (out, hits) = chart((400, 240), |a| draw_funnel(a, &one, &style).unwrap());
    assert!(has(&out, "Leads · 3") && hits.len() == 1 && !out.contains("go on"));
    let none = Funnel { steps: vec![FunnelStep { label: "Leads".into(), count: 0.0, conversion: None }] };
    let (out, hits) = chart((400, 240), |a| draw_funnel(a, &none, &style).unwrap());
    assert!(hits.is_empty() && has(&out, "No data for this period"));
}

#[test]
fn histogram_stacks_bins_and_marks_five_minutes() {
    let style = ChartStyle::default();
    let (out, hits) = chart((820, 300), |a| draw_histogram(a, &response_times(), &style).unwrap());
    assert_eq!(rects(&out, style.colour(0)), 6 + 1);
    assert_eq!(rects(&out, style.colour(1)), 6 + 1);
    for text in ["0–5 min", "5–15 min", "> 1 d", "5 min", "Web", "Referral"] {
        assert!(has(&out, text), "{text} missing in {:?}", text_list(&out));
    }
    assert!(lines(&out, style.text) >= 5, "the marker is a dashed line in the text colour");
    assert_eq!(hits.len(), 12);
    // Web: 342 leads in all.
    assert!(hits.iter().any(|h| h.text == "5–15 min · Web · 42 · 12.3 % of Web"), "{hits:?}");
    // Touching columns: each bin's column ends where the next starts, but for a small gap.
    let web: Vec<&Hit> = hits.iter().filter(|h| h.text.contains("· Web ·")).collect();
    assert!(web.windows(2).all(|w| (w[1].x0 - w[0].x1) > 0.0 && (w[1].x0 - w[0].x1) <= 3.0), "{web:?}");
    // The marker sits between bin 0 and bin 1.
    let marker = placed(&out).into_iter().find(|p| p.text == "5 min").unwrap();
    assert!(marker.x > web[0].x1 && marker.x < web[1].x0, "{marker:?}");
    let one = Histogram {
        bins: vec!["0–7 d".into()],
        series: vec![response_times().series[0].clone()],
        marker: Some(Marker { at: f64::NAN, label: "x".into() }),
        unit: Unit::Count,
    };
    let (out, hits) = chart((400, 240), |a| draw_histogram(a, &one, &style).unwrap());
    assert!(has(&out, "0–7 d") && hits.len() == 1);
    assert_hits_inside(&hits, (400, 240), 1.0);
}

#[test]
fn heatmap_writes_values_labels_and_a_legend() {
    let style = ChartStyle::default();
    let (out, hits) = chart((820, 300), |a| draw_heatmap(a, &retention(), &style).unwrap());
    // The colour legend spans the data: from 70 % (a round share under the lowest, 75 %) to 100 %.
    for text in ["+0", "+5", "Apr 2025", "Sep 2025", "70 %", "100 %", "100.0 %", "81.2 %"] {
        assert!(has(&out, text), "{text} missing in {:?}", text_list(&out));
    }
    assert_eq!(hits.len(), 21, "6 + 5 + … + 1 cells");
    assert!(hits.iter().any(|h| h.text == "Cohort Apr 2025 · month +3 · 81.2 %"), "{hits:?}");
    // Full cells are the darkest colour, written in a light colour.
    let full = hex(style.heat_colour(1.0));
    assert_eq!(count(&out, "rect", "fill", &full), 6);
    let cell_text = placed(&out).into_iter().find(|p| p.text == "100.0 %").unwrap();
    assert!(
        out.contains(&format!("fill=\"{}\">\n100.0 %", hex(style.text_on(style.heat_colour(1.0)))))
            || cell_text.size > 0.0
    );
    let single = Heatmap {
        rows: vec!["2026-01".into()],
        columns: vec!["+0".into()],
        cells: vec![vec![Some(0.5)]],
        unit: Unit::Percent,
    };
    let (out, hits) = chart((400, 240), |a| draw_heatmap(a, &single, &style).unwrap());
    assert!(has(&out, "50.0 %") && hits.len() == 1);
    assert_hits_inside(&hits, (400, 240), 1.0);
    let ragged = Heatmap {
        rows: months(3),
        columns: vec!["+0".into(), "+1".into()],
        cells: vec![vec![Some(f64::NAN), Some(2.0)], vec![]],
        unit: Unit::Percent,
    };
    let (_, hits) = chart((400, 240), |a| draw_heatmap(a, &ragged, &style).unwrap());
    assert_eq!(hits.len(), 1, "NaN and missing cells stay empty");
}

#[test]
fn dark_theme_draws_on_the_dark_background_in_the_dark_palette() {
    let style = ChartStyle::dark(1.0);
    for (name, draw) in typical() {
        let (out, _) = chart((400, 240), |a| draw(a, &style));
        assert!(rects(&out, style.background) >= 1, "{name}: background");
        // No white surface (cell values may be written in white where that reads best).
        assert_eq!(rects(&out, RGBColor(255, 255, 255)), 0, "{name}: nothing white");
        assert!(out.contains(&hex(style.text)), "{name}: light text");
    }
    let (out, _) = chart((400, 240), |a| draw_lines(a, &trend(), &style).unwrap());
    assert_eq!(dots(&out, style.colour(0)), 12);
    assert_eq!(hex(style.colour(0)), "#60A5FA");
}

#[test]
fn hits_are_in_css_pixels_at_any_scale() {
    let (_, one) = chart((400, 240), |a| draw_bars(a, &products(true), &ChartStyle::light(1.0)).unwrap());
    let (_, two) = chart((800, 480), |a| draw_bars(a, &products(true), &ChartStyle::light(2.0)).unwrap());
    assert_eq!(one.len(), two.len());
    for (a, b) in one.iter().zip(&two) {
        assert!((a.x0 - b.x0).abs() <= 1.0 && (a.y1 - b.y1).abs() <= 1.0, "{a:?} vs {b:?}");
        assert_eq!(a.text, b.text);
    }
}

#[test]
fn large_and_hostile_inputs_stay_readable() {
    let weeks: Vec<String> = (1..=52).map(|w| format!("2026-W{w:02}")).collect();
    let wobble = |i: usize, k: f64| match i % 17 {
        3 => f64::NAN,
        7 => f64::INFINITY,
        11 => -k,
        _ => k * (1.0 + (i % 5) as f64),
    };
    let lines_data = LineChart {
        labels: weeks.clone(),
        series: (0..9)
            .map(|s| Line {
                name: format!("Series with a rather long name {s}"),
                values: (0..52).map(|i| (i % 13 != 0).then(|| wobble(i + s, 10.0))).collect(),
                colour: s,
                dashed: s % 2 == 1,
                area: s == 0,
            })
            .collect(),
        unit: Unit::Count,
    };
    let bars_data = BarChart {
        bars: (0..40)
            .map(|i| Bar {
                label: format!("Representative number {i} of the team"),
                value: wobble(i, 1000.0),
                note: Some(format!("{i} deals")),
                colour: i,
                drill: None,
            })
            .collect(),
        unit: Unit::Currency,
        horizontal: true,
    };
    let columns_data = Columns {
        categories: weeks.clone(),
        series: (0..5)
            .map(|s| ColumnSeries {
                name: format!("Type {s}"),
                values: (0..52).map(|i| wobble(i * s, 3.0)).collect(),
                colour: s,
                drill: None,
            })
            .collect(),
        unit: Unit::Count,
        layout: ColumnLayout::Stacked,
    };
    let histogram_data = Histogram {
        bins: (0..30).map(|b| format!("{}–{} d", b * 7, b * 7 + 7)).collect(),
        series: columns_data.series.clone(),
        marker: Some(Marker { at: 29.5, label: "90 days and more".into() }),
        unit: Unit::Count,
    };
    let heatmap_data = Heatmap {
        rows: months(24),
        columns: (0..24).map(|c| format!("+{c}")).collect(),
        cells: (0..24).map(|r| (0..24 - r).map(|c| Some(1.0 - c as f64 / 30.0)).collect()).collect(),
        unit: Unit::Percent,
    };
    let funnel_data = Funnel {
        steps: (0..12)
            .map(|i| FunnelStep { label: format!("Step {i}"), count: 1000.0 / (i + 1) as f64, conversion: Some(0.5) })
            .collect(),
    };
    for (w, h) in [(820u32, 300u32), (400, 240), (300, 160)] {
        for style in [ChartStyle::light(1.0), ChartStyle::dark(2.0)] {
            let size = ((w as f64 * style.scale) as u32, (h as f64 * style.scale) as u32);
            let runs: Vec<Drawing> = vec![
                ("lines", Box::new(|a| draw_lines(a, &lines_data, &style).unwrap())),
                ("bars", Box::new(|a| draw_bars(a, &bars_data, &style).unwrap())),
                ("columns", Box::new(|a| draw_columns(a, &columns_data, &style).unwrap())),
                (
                    "grouped",
                    Box::new(|a| {
                        draw_columns(a, &Columns { layout: ColumnLayout::Grouped, ..columns_data.clone() }, &style)
                            .unwrap()
                    }),
                ),
                ("histogram", Box::new(|a| draw_histogram(a, &histogram_data, &style).unwrap())),
                ("heatmap", Box::new(|a| draw_heatmap(a, &heatmap_data, &style).unwrap())),
                ("funnel", Box::new(|a| draw_funnel(a, &funnel_data, &style).unwrap())),
            ];
            for (name, draw) in runs {
                let (out, hits) = chart(size, draw);
                let what = format!("large {name} {w}×{h} @{}", style.scale);
                if let Some(dir) = std::env::var_os("CHARTS_SVG_DUMP").map(std::path::PathBuf::from) {
                    std::fs::create_dir_all(&dir).unwrap();
                    std::fs::write(dir.join(format!("large_{name}_{w}x{h}_{}.svg", style.scale)), &out).unwrap();
                }
                assert_texts_fit(&out, size, &what);
                assert_hits_inside(&hits, size, style.scale);
                assert!(!hits.is_empty(), "{what}");
            }
        }
    }
}

/// Every chart of the catalog, built from the demo company and drawn: each has data, a summary,
/// a table with a row per mark category and marks to hover.
#[test]
fn every_catalog_chart_draws_the_demo() {
    use pipelens::charts::catalog::{build, ChartInput, Palette};
    use pipelens::state::{ChartId, Dashboard, DataFacts, Loaded, Shared, ViewSettings};
    use pipelens_engine::kpi::Comparison;
    use std::sync::Arc;
    // The demo's dashboard: the rows its tiles read and its people table, shared by the charts
    // of its own scope.
    let loaded = Shared(Arc::new(Loaded::demo()));
    let facts = Shared(Arc::new(DataFacts::of(&loaded.workspace)));
    let dashboard = Dashboard::compute(&loaded, &facts, None, &ViewSettings::default()).unwrap();
    let ws = dashboard.workspace();
    let scope = dashboard.scope.clone();
    let palette = Palette::default();
    for grain in [Grain::Week, Grain::Month, Grain::Quarter] {
        let input = ChartInput {
            ws,
            scope: &scope,
            grain,
            comparison: Comparison::Previous,
            palette: &palette,
            dashboard: None,
        };
        let shared = ChartInput { dashboard: Some(&dashboard), ..input };
        for id in ChartId::MENU {
            let data = build(id, &input);
            let with_tiles = build(id, &shared);
            assert_eq!(with_tiles.summary, data.summary, "{} over the tiles' rows", id.key());
            assert_eq!(format!("{:?}", with_tiles.table), format!("{:?}", data.table), "{}", id.key());
            let drawing = data.drawing.as_ref().unwrap_or_else(|| panic!("{} has data: {}", id.key(), data.summary));
            assert!(data.summary.len() > 20, "{}: {}", id.key(), data.summary);
            assert!(!data.table.rows.is_empty() && !data.table.columns.is_empty(), "{} has a table", id.key());
            for r in &data.table.rows {
                assert_eq!(r.values.len(), data.table.columns.len(), "{} row {}", id.key(), r.label);
            }
            let (_, hits) = chart((820, 300), |a| drawing.draw(a, &ChartStyle::default()));
            assert!(!hits.is_empty(), "{} has marks to hover", id.key());
        }
    }
    // An empty period: every chart says why it is empty or draws its no-data message.
    let far =
        Scope::new(Period::new(Day::parse_iso("1990-01-01").unwrap(), Day::parse_iso("1990-03-31").unwrap()).unwrap());
    let input = ChartInput {
        ws,
        scope: &far,
        grain: Grain::Month,
        comparison: Comparison::YearEarlier,
        palette: &palette,
        dashboard: None,
    };
    for id in ChartId::MENU {
        let data = build(id, &input);
        if let Some(d) = &data.drawing {
            let (svg, _) = chart((820, 300), |a| d.draw(a, &ChartStyle::default()));
            assert!(texts(&svg).iter().any(|t| t.contains("No ") || t.contains("0")), "{}: {}", id.key(), data.summary);
        } else {
            assert!(data.summary.len() > 20, "{} says why it is empty", id.key());
        }
    }
}

/// The demo's pipeline-change waterfall: one bar per flow, a hit per bar drilling into it, the
/// totals in the first colour, inflows in the third and outflows in the second, text inside.
#[test]
fn the_waterfall_draws_every_bar_with_its_drill_down() {
    use pipelens::charts::waterfall::{draw_waterfall, Step, WaterfallBar};
    use pipelens_engine::change::{compare, ChangeSummary, CompareOptions};
    let (a, b) = (demo::demo_snapshot(demo::DEMO_SEED), demo::demo_deals(demo::DEMO_SEED));
    let summary = ChangeSummary::of(&compare(&a, &b, &CompareOptions::default()).unwrap());
    let bars: Vec<WaterfallBar> = summary
        .bars
        .iter()
        .map(|b| WaterfallBar {
            id: b.flow.id().into(),
            label: b.label.into(),
            value: b.value,
            count: b.count,
            step: match b.flow.sign() {
                0 => Step::Total,
                s if s > 0 => Step::Up,
                _ => Step::Down,
            },
        })
        .collect();
    let size = (720, 320);
    let style = ChartStyle::default();
    let (svg, hits) = chart(size, |area| draw_waterfall(area, &bars, Unit::Currency, &style).unwrap());
    assert_eq!(hits.len(), 9);
    let drills: Vec<&str> = hits.iter().filter_map(|h| h.drill.as_deref()).collect();
    assert_eq!(drills, ["start", "new", "pulled_in", "increased", "decreased", "pushed_out", "won", "lost", "end"]);
    assert!(hits[6].text.starts_with("Won · ") && hits[6].text.contains('−'), "{}", hits[6].text);
    assert_eq!(rects(&svg, style.colour(0)), 2, "start and end");
    assert!(rects(&svg, style.colour(2)) >= 2 && rects(&svg, style.colour(1)) >= 3);
    assert_hits_inside(&hits, size, 1.0);
    assert_texts_fit(&svg, size, "waterfall");
    let (empty, none) = chart(size, |area| draw_waterfall(area, &[], Unit::Currency, &style).unwrap());
    assert!(none.is_empty() && has(&empty, pipelens::charts::NO_DATA));
}
