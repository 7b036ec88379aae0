//! The legend above a chart with two or more series: a swatch and a name per series, in rows
//! that wrap at the chart's width.

use super::frame::{Frame, Res};
use super::labels::truncate;
use super::style::{ChartStyle, LEGEND_SIZE};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

/// How a series is shown in the legend.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Swatch {
    /// A filled square (bars, columns).
    Box,
    /// A short line, dashed or solid.
    Line { dashed: bool },
}

/// One legend entry.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct LegendItem {
    pub name: String,
    pub colour: RGBColor,
    pub swatch: Swatch,
}

/// Where each entry goes: `(item, x of the swatch, y of the row's centre)`, device pixels.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct LegendLayout {
    pub placed: Vec<(LegendItem, f64, f64)>,
    /// Height taken above the plot, including the gap under the legend; 0 without a legend.
    pub height: f64,
}

/// Swatch width, CSS pixels.
const SWATCH: f64 = 16.0;
/// Longest name shown, characters.
const MAX_NAME: usize = 28;

/// Lays `items` out in rows from `(x0, y0)`, `width` wide, at most `max_height` tall (entries
/// that do not fit are left out; their values are still in the tooltips). No legend for fewer
/// than two items.
pub(crate) fn layout(
    style: &ChartStyle,
    items: &[LegendItem],
    x0: f64,
    y0: f64,
    width: f64,
    max_height: f64,
) -> LegendLayout {
    if items.len() < 2 {
        return LegendLayout::default();
    }
    let row = style.d(LEGEND_SIZE + 6.0);
    let max_rows = ((max_height / row).floor() as usize).max(1);
    let gap = style.d(16.0);
    let (mut x, mut r) = (x0, 0usize);
    let mut placed = Vec::new();
    for item in items {
        let name = truncate(&item.name, MAX_NAME);
        let name = style.fit(&name, width - style.d(SWATCH + 5.0), LEGEND_SIZE);
        let w = style.d(SWATCH + 5.0) + style.width_at(&name, LEGEND_SIZE);
        if x > x0 && x + w > x0 + width {
            r += 1;
            x = x0;
        }
        if r >= max_rows {
            break;
        }
        placed.push((LegendItem { name, ..item.clone() }, x, y0 + (r as f64 + 0.5) * row));
        x += w + gap;
    }
    LegendLayout { placed, height: (r.min(max_rows - 1) + 1) as f64 * row + style.d(4.0) }
}

/// Draws a laid-out legend.
pub(crate) fn draw<DB: DrawingBackend>(f: &Frame<DB>, legend: &LegendLayout) -> Res<DB> {
    let style = f.style;
    for (item, x, y) in &legend.placed {
        let (x, y) = (*x, y.round());
        let w = f.d(SWATCH);
        match item.swatch {
            Swatch::Box => {
                let half = f.d(5.0);
                f.rect(x + f.d(3.0), y - half, x + f.d(3.0) + 2.0 * half, y + half, item.colour.filled())?;
            }
            Swatch::Line { dashed: false } => f.path(&[(x, y), (x + w, y)], item.colour, f.d(2.0))?,
            Swatch::Line { dashed: true } => {
                f.path(&[(x, y), (x + f.d(6.0), y)], item.colour, f.d(2.0))?;
                f.path(&[(x + f.d(10.0), y), (x + w, y)], item.colour, f.d(2.0))?;
            }
        }
        f.text(&item.name, x + w + f.d(5.0), y, HPos::Left, VPos::Center, LEGEND_SIZE, style.text)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(n: usize) -> Vec<LegendItem> {
        (0..n)
            .map(|i| LegendItem { name: format!("Series {i}"), colour: RGBColor(0, 0, 0), swatch: Swatch::Box })
            .collect()
    }

    #[test]
    fn no_legend_for_a_single_series() {
        assert_eq!(layout(&ChartStyle::default(), &items(1), 8.0, 8.0, 500.0, 100.0), LegendLayout::default());
    }

    #[test]
    fn rows_wrap_and_stay_within_the_width() {
        let style = ChartStyle::default();
        let one = layout(&style, &items(3), 8.0, 8.0, 800.0, 100.0);
        assert_eq!(one.placed.len(), 3);
        assert!(one.placed.iter().all(|p| p.2 == one.placed[0].2), "one row");
        let wrapped = layout(&style, &items(6), 8.0, 8.0, 200.0, 500.0);
        assert_eq!(wrapped.placed.len(), 6);
        assert!(wrapped.height > one.height);
        for (item, x, _) in &wrapped.placed {
            let right = x + style.d(SWATCH + 5.0) + style.width_at(&item.name, LEGEND_SIZE);
            assert!(right <= 208.0, "{} ends at {right}", item.name);
        }
        let capped = layout(&style, &items(20), 8.0, 8.0, 200.0, 40.0);
        assert!(capped.placed.len() < 20 && capped.height <= 44.0, "{capped:?}");
    }
}
