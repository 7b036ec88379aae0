//! Columns per category with several series, stacked or grouped: revenue mix per month by deal
//! type, activities per week by type, forecast against actual.

use super::axis::{category_layout, draw_category_labels, draw_y_grid, finite_or, CategoryLayout, CategorySpec};
use super::frame::{Frame, HitResult, Res, NO_DATA};
use super::labels::{exact, long_label, share, short_label};
use super::legend::{self, LegendItem, Swatch};
use super::model::{ColumnLayout, ColumnSeries, Columns};
use super::style::ChartStyle;
use plotters::coord::Shift;
use plotters::prelude::*;

/// Draws `chart`: per category one column with a segment per series (stacked) or one bar per
/// series side by side (grouped), a legend for two or more series, and a hit per non-zero
/// segment: `Mar 2026 · New business · 120,000 · 45.0 %` (the share of the column total for
/// stacked columns). No categories, no series or all zero draws the "no data" message.
pub fn draw_columns<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &Columns,
    style: &ChartStyle,
) -> HitResult<DB> {
    let Some(mut f) = Frame::start(area, style)? else { return Ok(Vec::new()) };
    let n = chart.categories.len();
    let values = series_values(&chart.series, n);
    if n == 0 || values.iter().flatten().all(|&v| v == 0.0) {
        return f.message(NO_DATA);
    }
    let (min, max) = match chart.layout {
        ColumnLayout::Stacked => stacked_range(&values, n),
        ColumnLayout::Grouped => {
            let all = values.iter().flatten().copied();
            (all.clone().fold(0.0, f64::min), all.fold(0.0, f64::max))
        }
    };
    let items = legend_items(style, &chart.series);
    let labels = chart.categories.iter().enumerate().map(|(i, l)| short_label(l, i == 0)).collect();
    let spec = CategorySpec { labels, min, max, unit: chart.unit, legend: &items, top_extra: 0.0, headroom: 0.0 };
    let layout = category_layout(&f, spec);
    draw_y_grid(&f, &layout.plot, &layout.axis)?;
    draw_category_labels(&f, &layout)?;
    legend::draw(&f, &layout.legend)?;
    let name = |i: usize| long_label(&chart.categories[i]);
    match chart.layout {
        ColumnLayout::Stacked => {
            let width = (layout.slot * 0.72).min(f.d(64.0));
            draw_stacked(&mut f, &layout, &chart.series, &values, width, |i, s, v| {
                let total: f64 = values.iter().map(|col| col[i]).sum();
                format!("{} · {} · {} · {}", name(i), chart.series[s].name, exact(chart.unit, v), share(v, total))
            })?;
        }
        ColumnLayout::Grouped => {
            let k = chart.series.len().max(1);
            let width = (layout.slot * 0.8).min(f.d(28.0) * k as f64);
            let sub = width / k as f64;
            let inset = if sub > f.d(5.0) { f.d(1.0) } else { 0.0 };
            let y0 = layout.plot.y(&layout.axis, 0.0);
            for i in 0..n {
                let left = layout.centre(i) - width / 2.0;
                for (s, (series, row)) in chart.series.iter().zip(&values).enumerate() {
                    let v = row[i];
                    if v == 0.0 {
                        continue;
                    }
                    let (x0, x1) = (left + s as f64 * sub + inset, left + (s + 1) as f64 * sub - inset);
                    let y1 = layout.plot.y(&layout.axis, v);
                    f.rect(x0, y0, x1, y1, style.colour(series.colour).filled())?;
                    let text = format!("{} · {} · {}", name(i), series.name, exact(chart.unit, v));
                    f.hit(x0, y0, x1, y1, text, series.drill.clone());
                }
            }
        }
    }
    Ok(f.finish())
}

/// Every series' value per category: finite, missing values as 0.
pub(crate) fn series_values(series: &[ColumnSeries], n: usize) -> Vec<Vec<f64>> {
    series.iter().map(|s| (0..n).map(|i| finite_or(s.values.get(i).copied().unwrap_or(0.0), 0.0)).collect()).collect()
}

/// Legend entries (squares) of `series`.
pub(crate) fn legend_items(style: &ChartStyle, series: &[ColumnSeries]) -> Vec<LegendItem> {
    series
        .iter()
        .map(|s| LegendItem { name: s.name.clone(), colour: style.colour(s.colour), swatch: Swatch::Box })
        .collect()
}

/// The lowest and highest ends of the stacks (0 included).
pub(crate) fn stacked_range(values: &[Vec<f64>], n: usize) -> (f64, f64) {
    (0..n).fold((0.0, 0.0), |(lo, hi), i| {
        let column: Vec<f64> = values.iter().map(|v| v[i]).collect();
        let ends = stack(&column);
        let low = ends.iter().map(|e| e.0.min(e.1)).fold(0.0, f64::min);
        let high = ends.iter().map(|e| e.0.max(e.1)).fold(0.0, f64::max);
        (f64::min(lo, low), f64::max(hi, high))
    })
}

/// The `(from, to)` of each value in a stack: positive values pile up from 0, negative ones
/// down from 0, each in order.
pub(crate) fn stack(values: &[f64]) -> Vec<(f64, f64)> {
    let (mut up, mut down) = (0.0, 0.0);
    values
        .iter()
        .map(|&v| {
            if v >= 0.0 {
                up += v;
                (up - v, up)
            } else {
                down += v;
                (down - v, down)
            }
        })
        .collect()
}

/// Draws one stacked column per category, `width` wide, a segment per non-zero value, each a
/// hit with the tooltip `text(category, series, value)`.
pub(crate) fn draw_stacked<DB: DrawingBackend>(
    f: &mut Frame<DB>,
    layout: &CategoryLayout,
    series: &[ColumnSeries],
    values: &[Vec<f64>],
    width: f64,
    text: impl Fn(usize, usize, f64) -> String,
) -> Res<DB> {
    let n = layout.labels.len();
    let sep = f.d(1.0);
    for i in 0..n {
        let column: Vec<f64> = values.iter().map(|v| v[i]).collect();
        let (x0, x1) = (layout.centre(i) - width / 2.0, layout.centre(i) + width / 2.0);
        for (s, (from, to)) in stack(&column).into_iter().enumerate() {
            if column[s] == 0.0 {
                continue;
            }
            let (ya, yb) = (layout.plot.y(&layout.axis, from), layout.plot.y(&layout.axis, to));
            // A hairline of background between stacked segments, when the segment has room.
            let ya = if from != 0.0 && (ya - yb).abs() > 3.0 * sep { ya - sep * (ya - yb).signum() } else { ya };
            f.rect(x0, ya, x1, yb, f.style.colour(series[s].colour).filled())?;
            f.hit(x0, ya, x1, yb, text(i, s, column[s]), series[s].drill.clone());
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stacks_pile_positive_up_and_negative_down() {
        assert_eq!(
            stack(&[1.0, 2.0, -3.0, 4.0, -1.0]),
            vec![(0.0, 1.0), (1.0, 3.0), (0.0, -3.0), (3.0, 7.0), (-3.0, -4.0)]
        );
        assert!(stack(&[]).is_empty());
        assert_eq!(stacked_range(&[vec![1.0, 5.0], vec![-2.0, 1.0]], 2), (-2.0, 6.0));
    }

    #[test]
    fn short_and_non_finite_series_count_as_zero() {
        let s = ColumnSeries { name: "a".into(), values: vec![1.0, f64::NAN], colour: 0, drill: None };
        assert_eq!(series_values(&[s], 3), vec![vec![1.0, 0.0, 0.0]]);
    }
}
