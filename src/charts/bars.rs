//! Sorted bars, one per category: horizontal with names on the left and values after the bar
//! ends, or vertical with names underneath and values above.

use super::axis::{
    category_layout, draw_category_labels, draw_x_grid, draw_y_grid, finite_or, CategorySpec, Plot, ValueAxis,
};
use super::frame::{Frame, HitResult, NO_DATA};
use super::labels::{exact, label_step, truncate, value_label};
use super::model::BarChart;
use super::style::{ChartStyle, LABEL_SIZE};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

/// Longest category name written beside a horizontal bar, characters.
const MAX_NAME: usize = 22;

/// Draws `chart`: one bar per entry in the given order, in its palette colour, labelled with
/// its compact value and note; one hit per bar (its row or column) with the exact value.
/// Negative values go left / down from 0; all zero (or no bars) draws the "no data" message.
pub fn draw_bars<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &BarChart,
    style: &ChartStyle,
) -> HitResult<DB> {
    let Some(f) = Frame::start(area, style)? else { return Ok(Vec::new()) };
    let values: Vec<f64> = chart.bars.iter().map(|b| finite_or(b.value, 0.0)).collect();
    if values.iter().all(|&v| v == 0.0) {
        return f.message(NO_DATA);
    }
    if chart.horizontal {
        horizontal(f, chart, &values)
    } else {
        vertical(f, chart, &values)
    }
}

/// The label written at a bar's end: `1.2M · 34 deals`.
fn bar_label(chart: &BarChart, i: usize, v: f64) -> String {
    let value = value_label(chart.unit, v);
    match &chart.bars[i].note {
        Some(note) if !note.is_empty() => format!("{value} · {note}"),
        _ => value,
    }
}

/// The tooltip of bar `i`: full name, exact value, note.
fn tooltip(chart: &BarChart, i: usize, v: f64) -> String {
    let bar = &chart.bars[i];
    let mut text = format!("{} · {}", bar.label, exact(chart.unit, v));
    if let Some(note) = bar.note.as_ref().filter(|n| !n.is_empty()) {
        text.push_str(" · ");
        text.push_str(note);
    }
    text
}

/// The smallest range `lo..hi` (containing 0 and every value) in which each label still fits
/// after its bar's right end within a plot `width` pixels wide. Labels of negative bars are
/// written right of the zero line, in their row's empty positive side.
fn stretch(values: &[f64], label_widths: &[f64], width: f64, gap: f64) -> (f64, f64) {
    let lo = values.iter().copied().fold(0.0, f64::min);
    let mut hi = values.iter().copied().fold(0.0, f64::max);
    if hi - lo <= 0.0 {
        hi = lo + 1.0;
    }
    for (&v, &lw) in values.iter().zip(label_widths) {
        // Share of the plot the label needs, capped so that bars keep most of the plot.
        let need = ((lw + gap) / width).min(0.6);
        // (end - lo) / (hi - lo) ≤ 1 - need
        hi = hi.max(lo + (v.max(0.0) - lo) / (1.0 - need));
    }
    (lo, hi)
}

fn horizontal<DB: DrawingBackend>(mut f: Frame<DB>, chart: &BarChart, values: &[f64]) -> HitResult<DB> {
    let style = f.style;
    let n = chart.bars.len();
    let m = f.d(8.0);
    let names: Vec<String> = chart.bars.iter().map(|b| truncate(&b.label, MAX_NAME)).collect();
    let longest = names.iter().map(|s| style.label_width(s)).fold(0.0, f64::max);
    let name_area = (longest + f.d(10.0)).clamp(f.d(24.0), (f.w * 0.42).max(f.d(24.0)));
    let names: Vec<String> = names.iter().map(|n| f.fit(n, name_area - f.d(8.0), LABEL_SIZE)).collect();
    let labels: Vec<String> = (0..n).map(|i| bar_label(chart, i, values[i])).collect();
    let label_widths: Vec<f64> = labels.iter().map(|l| style.label_width(l)).collect();
    let (top, bottom) = (m, (f.h - f.d(24.0)).max(m + 1.0));
    let left = m + name_area;
    // Room for the right-most tick label, centred on the plot's right edge.
    let right = (f.w - m - f.d(14.0)).max(left + 1.0);
    let plot = Plot { left, top, right, bottom };
    let gap = f.d(6.0);
    let (lo, hi) = stretch(values, &label_widths, plot.width(), gap);
    let target = (plot.width() / f.d(70.0)).floor().clamp(2.0, 6.0) as usize;
    let axis = ValueAxis::exact(lo, hi, target, chart.unit);
    draw_x_grid(&f, &plot, &axis)?;

    let row = plot.height() / n as f64;
    let thickness = (row * 0.72).min(f.d(30.0));
    let step = label_step(&vec![f.d(LABEL_SIZE + 2.0); n], row, 0.0);
    let x0 = plot.x(&axis, 0.0);
    for (i, bar) in chart.bars.iter().enumerate() {
        let centre = top + (i as f64 + 0.5) * row;
        let x1 = plot.x(&axis, values[i]);
        let colour = style.colour(bar.colour);
        f.rect(x0, centre - thickness / 2.0, x1, centre + thickness / 2.0, colour.filled())?;
        if i % step == 0 {
            f.text(&names[i], left - f.d(7.0), centre, HPos::Right, VPos::Center, LABEL_SIZE, style.text)?;
            let x = x1.max(x0) + gap;
            f.text(&labels[i], x, centre, HPos::Left, VPos::Center, LABEL_SIZE, style.text)?;
        }
        f.hit(
            m,
            top + i as f64 * row,
            right,
            top + (i + 1) as f64 * row,
            tooltip(chart, i, values[i]),
            bar.drill.clone(),
        );
    }
    Ok(f.finish())
}

fn vertical<DB: DrawingBackend>(mut f: Frame<DB>, chart: &BarChart, values: &[f64]) -> HitResult<DB> {
    let style = f.style;
    let min = values.iter().copied().fold(0.0, f64::min);
    let max = values.iter().copied().fold(0.0, f64::max);
    let labels = chart.bars.iter().map(|b| truncate(&b.label, MAX_NAME)).collect();
    let values_text: Vec<String> = values.iter().map(|&v| value_label(chart.unit, v)).collect();
    let spec = CategorySpec { labels, min, max, unit: chart.unit, legend: &[], top_extra: 0.0, headroom: f.d(18.0) };
    let layout = category_layout(&f, spec);
    let (plot, axis) = (layout.plot, &layout.axis);
    draw_y_grid(&f, &plot, axis)?;
    draw_category_labels(&f, &layout)?;
    // Value labels only when every one fits over its bar.
    let show_values = values_text.iter().all(|t| style.label_width(t) <= layout.slot - f.d(4.0));
    let width = (layout.slot * 0.72).min(f.d(64.0));
    let y0 = plot.y(axis, 0.0);
    for (i, bar) in chart.bars.iter().enumerate() {
        let (c, y1) = (layout.centre(i), plot.y(axis, values[i]));
        f.rect(c - width / 2.0, y0, c + width / 2.0, y1, style.colour(bar.colour).filled())?;
        if show_values {
            let (y, v) = if values[i] >= 0.0 { (y1 - f.d(4.0), VPos::Bottom) } else { (y1 + f.d(4.0), VPos::Top) };
            f.text(&values_text[i], c, y, HPos::Center, v, LABEL_SIZE, style.text)?;
        }
        f.hit(
            layout.start(i),
            plot.top,
            layout.start(i + 1),
            plot.bottom,
            tooltip(chart, i, values[i]),
            bar.drill.clone(),
        );
    }
    Ok(f.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stretch_leaves_room_for_every_label() {
        let width = 300.0;
        let (lo, hi) = stretch(&[100.0, 50.0], &[60.0, 120.0], width, 6.0);
        assert_eq!(lo, 0.0);
        for (v, lw) in [(100.0, 60.0), (50.0, 120.0)] {
            let end = (v - lo) / (hi - lo) * width;
            assert!(end + 6.0 + lw <= width + 1e-6, "{v}: {end} + {lw}");
        }
        let (lo, hi) = stretch(&[-40.0, 100.0], &[50.0, 150.0], width, 6.0);
        assert_eq!(lo, -40.0);
        let zero = (0.0 - lo) / (hi - lo) * width;
        assert!(zero + 6.0 + 50.0 <= width, "the negative bar's label fits right of 0: {zero}");
        let end = (100.0 - lo) / (hi - lo) * width;
        assert!(end + 6.0 + 150.0 <= width + 1e-6, "{end}");
        assert_eq!(stretch(&[], &[], width, 6.0), (0.0, 1.0));
        let (_, hi) = stretch(&[10.0], &[1000.0], width, 6.0);
        assert!(hi.is_finite() && hi <= 10.0 / 0.4 + 1e-9, "huge labels are capped: {hi}");
    }
}
