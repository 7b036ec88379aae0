//! Histograms: touching columns over bins, stacked by series, with an optional vertical marker
//! such as the 5-minute lead-response target.

use super::axis::{category_layout, draw_category_labels, draw_y_grid, finite_or, CategorySpec};
use super::columns::{draw_stacked, legend_items, series_values, stacked_range};
use super::frame::{Frame, HitResult, NO_DATA};
use super::labels::{exact, share, truncate};
use super::legend;
use super::model::Histogram;
use super::style::{ChartStyle, LABEL_SIZE};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

/// Draws `chart`: a column per bin (1 CSS pixel apart), stacked by series with a legend for two
/// or more, the marker as a dashed vertical line in the text colour with its label above the
/// plot, and a hit per non-zero bin segment: `5–15 min · Web · 42 · 12.3 %`, the share being
/// of that series' total. No bins or all-zero counts draw the "no data" message.
pub fn draw_histogram<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &Histogram,
    style: &ChartStyle,
) -> HitResult<DB> {
    let Some(mut f) = Frame::start(area, style)? else { return Ok(Vec::new()) };
    let n = chart.bins.len();
    let values = series_values(&chart.series, n);
    if n == 0 || values.iter().flatten().all(|&v| v == 0.0) {
        return f.message(NO_DATA);
    }
    let (min, max) = stacked_range(&values, n);
    let items = legend_items(style, &chart.series);
    let labels = chart.bins.iter().map(|b| truncate(b, 16)).collect();
    let top_extra = if chart.marker.is_some() { f.d(20.0) } else { 0.0 };
    let spec = CategorySpec { labels, min, max, unit: chart.unit, legend: &items, top_extra, headroom: 0.0 };
    let layout = category_layout(&f, spec);
    draw_y_grid(&f, &layout.plot, &layout.axis)?;
    draw_category_labels(&f, &layout)?;
    legend::draw(&f, &layout.legend)?;
    let totals: Vec<f64> = values.iter().map(|v| v.iter().sum()).collect();
    let width = (layout.slot - f.d(2.0)).max(1.0);
    draw_stacked(&mut f, &layout, &chart.series, &values, width, |i, s, v| {
        let name = &chart.series[s].name;
        format!("{} · {name} · {} · {} of {name}", chart.bins[i], exact(chart.unit, v), share(v, totals[s]))
    })?;
    if let Some(marker) = &chart.marker {
        let at = finite_or(marker.at, 0.0).clamp(0.0, n as f64);
        let x = (layout.plot.left + at * layout.slot).round();
        let plot = layout.plot;
        f.dashed(&[(x, plot.top), (x, plot.bottom)], style.text, f.d(1.5), f.d(5.0), f.d(3.0))?;
        f.text(
            &truncate(&marker.label, 24),
            x,
            plot.top - f.d(4.0),
            HPos::Center,
            VPos::Bottom,
            LABEL_SIZE,
            style.text,
        )?;
    }
    Ok(f.finish())
}
