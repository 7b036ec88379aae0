//! Line charts over x categories: trends with a comparison overlay, cumulative pacing against a
//! target, retention, lead counts.

use super::axis::{category_layout, draw_category_labels, draw_y_grid, CategorySpec};
use super::frame::{Frame, HitResult, NO_DATA};
use super::labels::{exact, long_label, short_label};
use super::legend::{self, LegendItem, Swatch};
use super::model::LineChart;
use super::style::ChartStyle;
use plotters::coord::Shift;
use plotters::prelude::*;

/// Most labels with a dot on every point.
const MAX_DOTS: usize = 24;

/// Draws `chart`: one line per series (dashed ones for comparisons, optionally with the area
/// under it filled), a dot per point when there are at most 24 labels, a legend above the plot
/// for two or more series, and one hit per x category listing every series' value there.
pub fn draw_lines<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &LineChart,
    style: &ChartStyle,
) -> HitResult<DB> {
    let Some(mut f) = Frame::start(area, style)? else { return Ok(Vec::new()) };
    let n = chart.labels.len();
    let value = |s: usize, i: usize| chart.series[s].values.get(i).copied().flatten().filter(|v| v.is_finite());
    let all: Vec<f64> = (0..chart.series.len()).flat_map(|s| (0..n).filter_map(move |i| value(s, i))).collect();
    if n == 0 || all.is_empty() {
        return f.message(NO_DATA);
    }
    let min = all.iter().copied().fold(f64::INFINITY, f64::min);
    let max = all.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let items: Vec<LegendItem> = chart
        .series
        .iter()
        .map(|s| LegendItem {
            name: s.name.clone(),
            colour: style.colour(s.colour),
            swatch: Swatch::Line { dashed: s.dashed },
        })
        .collect();
    let labels = chart.labels.iter().enumerate().map(|(i, l)| short_label(l, i == 0)).collect();
    let layout = category_layout(
        &f,
        CategorySpec { labels, min, max, unit: chart.unit, legend: &items, top_extra: 0.0, headroom: 0.0 },
    );
    let (plot, axis) = (layout.plot, &layout.axis);
    draw_y_grid(&f, &plot, axis)?;
    draw_category_labels(&f, &layout)?;
    legend::draw(&f, &layout.legend)?;

    // Runs of consecutive values: a `None` breaks the line.
    let runs = |s: usize| -> Vec<Vec<(f64, f64)>> {
        let mut runs = vec![Vec::new()];
        for i in 0..n {
            match value(s, i) {
                Some(v) => runs.last_mut().unwrap().push((layout.centre(i), plot.y(axis, v))),
                None if runs.last().is_some_and(|r| !r.is_empty()) => runs.push(Vec::new()),
                None => {}
            }
        }
        runs.retain(|r| !r.is_empty());
        runs
    };
    let y0 = plot.y(axis, 0.0);
    for (s, line) in chart.series.iter().enumerate() {
        if line.area {
            for run in runs(s).into_iter().filter(|r| r.len() >= 2) {
                let mut poly = run.clone();
                poly.push((run[run.len() - 1].0, y0));
                poly.push((run[0].0, y0));
                f.polygon(&poly, style.colour(line.colour).mix(0.14).filled())?;
            }
        }
    }
    let width = f.d(2.0);
    for (s, line) in chart.series.iter().enumerate() {
        let colour = style.colour(line.colour);
        for run in runs(s) {
            if line.dashed {
                f.dashed(&run, colour, width, f.d(6.0), f.d(4.0))?;
            } else {
                f.path(&run, colour, width)?;
            }
            // A lone point has no line: always show it as a dot.
            if n <= MAX_DOTS || run.len() == 1 {
                for &(x, y) in &run {
                    f.dot(x, y, f.d(3.0), colour)?;
                }
            }
        }
    }
    for i in 0..n {
        let mut text = long_label(&chart.labels[i]);
        for (s, line) in chart.series.iter().enumerate() {
            let v = value(s, i).map_or_else(|| "no data".to_owned(), |v| exact(chart.unit, v));
            text.push_str(&format!(" · {} {v}", line.name));
        }
        f.hit(layout.start(i), plot.top, layout.start(i + 1), plot.bottom, text, None);
    }
    Ok(f.finish())
}
