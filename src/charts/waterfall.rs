//! The pipeline-change waterfall: the open pipeline at the earlier export, the inflows and
//! outflows between the two exports as floating bars, and the pipeline at the later export.

use super::axis::{category_layout, draw_category_labels, draw_y_grid, CategorySpec};
use super::frame::{Frame, HitResult, NO_DATA};
use super::labels::{exact, short_label};
use super::style::ChartStyle;
use pipelens_engine::kpi::Unit;
use plotters::coord::Shift;
use plotters::prelude::*;

/// Which way a bar of the waterfall goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// A total standing on zero (start, end).
    Total,
    /// An inflow: the bar rises from the running level.
    Up,
    /// An outflow: the bar falls from the running level.
    Down,
}

/// One bar: its id (what a click drills into), label, amount (≥ 0), deals and direction.
#[derive(Clone, Debug, PartialEq)]
pub struct WaterfallBar {
    /// The bar's id (`data-flow`).
    pub id: String,
    /// Its label under the plot.
    pub label: String,
    /// Its amount, ≥ 0.
    pub value: f64,
    /// Its deals.
    pub count: usize,
    /// Which way it goes.
    pub step: Step,
}

/// The bottom and top of every bar: totals stand on zero, flows move the running level.
pub fn spans(bars: &[WaterfallBar]) -> Vec<(f64, f64)> {
    let mut level = 0.0;
    bars.iter()
        .map(|b| match b.step {
            Step::Total => {
                level = b.value;
                (0.0, b.value)
            }
            Step::Up => {
                let from = level;
                level += b.value;
                (from, level)
            }
            Step::Down => {
                let from = level;
                level -= b.value;
                (level, from)
            }
        })
        .collect()
}

/// Draws the waterfall in `unit` (currency), a hit per bar: `Won · 43 deals · 819,440`, with
/// the bar's id as its drill-down. No bars or every bar zero draws the "no data" message.
pub fn draw_waterfall<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    bars: &[WaterfallBar],
    unit: Unit,
    style: &ChartStyle,
) -> HitResult<DB> {
    let Some(mut f) = Frame::start(area, style)? else { return Ok(Vec::new()) };
    if bars.iter().all(|b| b.value == 0.0 || !b.value.is_finite()) {
        return f.message(NO_DATA);
    }
    let spans = spans(bars);
    let min = spans.iter().map(|s| s.0).fold(0.0, f64::min);
    let max = spans.iter().map(|s| s.1).fold(0.0, f64::max);
    let labels = bars.iter().enumerate().map(|(i, b)| short_label(&b.label, i == 0)).collect();
    let spec = CategorySpec { labels, min, max, unit, legend: &[], top_extra: 0.0, headroom: 0.0 };
    let layout = category_layout(&f, spec);
    draw_y_grid(&f, &layout.plot, &layout.axis)?;
    draw_category_labels(&f, &layout)?;
    let width = (layout.slot * 0.66).min(f.d(56.0));
    let line = style.px(1.0).max(1) as f64;
    for (i, (b, &(lo, hi))) in bars.iter().zip(&spans).enumerate() {
        let colour = match b.step {
            Step::Total => style.colour(0),
            Step::Up => style.colour(2),
            Step::Down => style.colour(1),
        };
        let (x0, x1) = (layout.centre(i) - width / 2.0, layout.centre(i) + width / 2.0);
        let (y_lo, y_hi) = (layout.plot.y(&layout.axis, lo), layout.plot.y(&layout.axis, hi));
        // A zero bar still shows as a hairline, so every bar can be hovered.
        let y_hi = if (y_lo - y_hi).abs() < line { y_lo - line } else { y_hi };
        f.rect(x0, y_lo, x1, y_hi, colour.filled())?;
        // The connector from this bar's level to the next bar.
        if i + 1 < bars.len() {
            let level = match b.step {
                Step::Down => y_lo,
                _ => layout.plot.y(&layout.axis, hi),
            };
            let next = layout.centre(i + 1) - width / 2.0;
            f.dashed(&[(x1, level), (next, level)], style.muted_text, line, f.d(3.0), f.d(3.0))?;
        }
        let deals = if b.count == 1 { "1 deal".to_owned() } else { format!("{} deals", b.count) };
        let sign = match b.step {
            Step::Up => "+",
            Step::Down => "−",
            Step::Total => "",
        };
        let text = format!("{} · {deals} · {sign}{}", b.label, exact(unit, b.value));
        f.hit(x0, y_lo.max(y_hi), x1, y_lo.min(y_hi), text, Some(b.id.clone()));
    }
    Ok(f.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bar(id: &str, value: f64, step: Step) -> WaterfallBar {
        WaterfallBar { id: id.into(), label: id.into(), value, count: 1, step }
    }

    #[test]
    fn spans_follow_the_running_level() {
        let bars = [
            bar("start", 100.0, Step::Total),
            bar("new", 30.0, Step::Up),
            bar("won", 50.0, Step::Down),
            bar("end", 80.0, Step::Total),
        ];
        assert_eq!(spans(&bars), [(0.0, 100.0), (100.0, 130.0), (80.0, 130.0), (0.0, 80.0)]);
    }
}
