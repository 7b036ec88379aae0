//! Chart drawing, generic over any plotters [`DrawingBackend`]: the page draws on a canvas,
//! tests draw on an SVG string. Inputs are already-aggregated series, never rows.

use pipelens_engine::format::{compact, count};
use pipelens_engine::kpi::StageTotal;
use pipelens_engine::series::SeriesPoint;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Result of drawing on backend `DB`.
pub type DrawResult<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// Colours and the pixel scale (device pixels per CSS pixel) of a chart.
#[derive(Clone, Debug)]
pub struct ChartStyle {
    /// Device pixels per CSS pixel: every size below is multiplied by it.
    pub scale: f64,
    /// Page background.
    pub background: RGBColor,
    /// Axis labels and captions.
    pub text: RGBColor,
    /// Grid lines.
    pub grid: RGBColor,
    /// Bars.
    pub accent: RGBColor,
    /// Font family for all text.
    pub font: &'static str,
}

impl Default for ChartStyle {
    fn default() -> Self {
        ChartStyle {
            scale: 1.0,
            background: RGBColor(255, 255, 255),
            text: RGBColor(51, 65, 85),
            grid: RGBColor(226, 232, 240),
            accent: RGBColor(37, 99, 235),
            font: "sans-serif",
        }
    }
}

impl ChartStyle {
    fn px(&self, css: f64) -> i32 {
        (css * self.scale).round() as i32
    }

    /// Rough width in device pixels of `text` in the label font: enough to lay labels out
    /// without measuring (labels are short and mostly digits).
    fn text_width(&self, text: &str) -> f64 {
        text.chars().count() as f64 * 6.8 * self.scale
    }

    /// Grid lines and axes: one device pixel at least.
    fn grid_line(&self) -> ShapeStyle {
        self.grid.stroke_width(self.px(1.0).max(1) as u32)
    }

    fn label_font(&self) -> TextStyle<'static> {
        (self.font, 12.0 * self.scale).into_font().color(&self.text)
    }
}

/// `2026-08` → `Aug 2026`; other labels unchanged.
pub fn month_name(label: &str) -> String {
    match label.split_once('-').and_then(|(y, m)| Some((y, MONTHS.get(m.parse::<usize>().ok()?.checked_sub(1)?)?))) {
        Some((y, name)) => format!("{name} {y}"),
        None => label.to_owned(),
    }
}

const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// Short month label for the bucket starting at `label` (`2026-01` → `Jan '26`); the year is
/// shown on January and on the first bucket only.
fn month_label(label: &str, first: bool) -> String {
    let Some((y, m)) = label.split_once('-') else { return label.to_owned() };
    let Some(name) = m.parse::<usize>().ok().and_then(|m| MONTHS.get(m.wrapping_sub(1))) else {
        return label.to_owned();
    };
    if first || m == "01" {
        format!("{name} '{}", &y[y.len().saturating_sub(2)..])
    } else {
        (*name).to_owned()
    }
}

/// The smallest `step` such that labels `0, step, 2·step, …`, centred on slots `slot` pixels
/// apart, leave at least `gap` pixels between neighbours.
fn label_step(widths: &[f64], slot: f64, gap: f64) -> usize {
    (1..widths.len().max(1))
        .find(|&step| {
            let shown: Vec<f64> = widths.iter().step_by(step).copied().collect();
            shown.windows(2).all(|w| step as f64 * slot >= (w[0] + w[1]) / 2.0 + gap)
        })
        .unwrap_or(widths.len().max(1))
}

fn draw_message<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    message: &str,
    style: &ChartStyle,
) -> DrawResult<DB> {
    let (w, h) = area.dim_in_pixel();
    let font = style.label_font().pos(Pos::new(HPos::Center, VPos::Center));
    area.draw(&Text::new(message.to_owned(), (w as i32 / 2, h as i32 / 2), font))
}

/// Columns of won revenue per month, with compact value labels on the y axis.
pub fn draw_revenue_by_month<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    points: &[SeriesPoint],
    style: &ChartStyle,
) -> DrawResult<DB> {
    area.fill(&style.background)?;
    let max = points.iter().map(|p| p.value).fold(0.0, f64::max);
    if points.is_empty() || max <= 0.0 {
        return draw_message(area, "No won revenue in this period", style);
    }
    let n = points.len();
    let (y_axis, margin) = (style.px(48.0), style.px(8.0));
    // Show every `step`-th month label, so labels never overlap.
    let plot_w = (area.dim_in_pixel().0 as f64 - (y_axis + 3 * margin) as f64).max(1.0);
    let labels: Vec<String> = points.iter().enumerate().map(|(i, p)| month_label(&p.label, i == 0)).collect();
    let widths: Vec<f64> = labels.iter().map(|l| style.text_width(l)).collect();
    let step = label_step(&widths, plot_w / n as f64, 8.0 * style.scale);
    let mut chart = ChartBuilder::on(area)
        .margin(margin)
        .margin_right(margin * 2)
        .x_label_area_size(style.px(26.0))
        .y_label_area_size(y_axis)
        .build_cartesian_2d(0.0..n as f64, 0.0..max * 1.08)?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .light_line_style(TRANSPARENT)
        .bold_line_style(style.grid_line())
        .axis_style(style.grid_line())
        .y_labels(5)
        .y_label_formatter(&|v| compact(*v))
        // Month labels are drawn below, centred under their bars.
        .x_labels(0)
        .x_label_formatter(&|_| String::new())
        .label_style(style.label_font())
        .draw()?;
    let gap = BAR_GAP;
    chart.draw_series(points.iter().enumerate().map(|(i, p)| {
        Rectangle::new([(i as f64 + gap, 0.0), (i as f64 + 1.0 - gap, p.value)], style.accent.filled())
    }))?;
    let font = style.label_font().pos(Pos::new(HPos::Center, VPos::Top));
    for (i, label) in labels.into_iter().enumerate().step_by(step) {
        let (x, y) = chart.backend_coord(&(i as f64 + 0.5, 0.0));
        area.draw(&Text::new(label, (x, y + style.px(6.0)), font.clone()))?;
    }
    Ok(())
}

/// Share of a category's slot left empty on each side of its bar.
const BAR_GAP: f64 = 0.14;

/// What the pipeline chart measures: money when the deals have amounts, else deal counts.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum PipelineMeasure {
    /// Σ amount per stage.
    Value,
    /// Number of deals per stage.
    Count,
}

/// The measure to chart: value when any open deal has an amount, else the count.
pub fn pipeline_measure(stages: &[StageTotal]) -> PipelineMeasure {
    if stages.iter().any(|s| s.with_amount > 0) {
        PipelineMeasure::Value
    } else {
        PipelineMeasure::Count
    }
}

/// Horizontal bars of the open pipeline per stage, earliest stage on top, each bar labelled
/// with its value and deal count.
pub fn draw_pipeline_by_stage<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    stages: &[StageTotal],
    style: &ChartStyle,
) -> DrawResult<DB> {
    area.fill(&style.background)?;
    if stages.iter().all(|s| s.count == 0) {
        return draw_message(area, "No open deals on the last day of the period", style);
    }
    let measure = pipeline_measure(stages);
    let value = |s: &StageTotal| match measure {
        PipelineMeasure::Value => s.value,
        PipelineMeasure::Count => s.count as f64,
    };
    let deals = |n: usize| count(n, "deal", "deals");
    let bar_label = |s: &StageTotal| match measure {
        PipelineMeasure::Value => format!("{} · {}", compact(s.value), deals(s.count)),
        PipelineMeasure::Count => deals(s.count),
    };
    let max = stages.iter().map(value).fold(0.0, f64::max).max(1.0);
    let n = stages.len();
    let longest = stages.iter().map(|s| style.text_width(&s.stage)).fold(0.0, f64::max);
    let y_axis = (longest + 14.0 * style.scale).clamp(48.0 * style.scale, 160.0 * style.scale) as i32;
    let margin = style.px(8.0);
    // Stretch the x range so the label after the longest bar still fits inside the plot.
    let plot_w = (area.dim_in_pixel().0 as f64 - (y_axis + 3 * margin) as f64).max(1.0);
    let gap_px = 6.0 * style.scale;
    let x_max = stages
        .iter()
        .map(|s| value(s) * plot_w / (plot_w - style.text_width(&bar_label(s)) - gap_px).max(plot_w * 0.3))
        .fold(max, f64::max);
    let mut chart = ChartBuilder::on(area)
        .margin(margin)
        .margin_right(margin * 2)
        .x_label_area_size(style.px(24.0))
        .y_label_area_size(y_axis)
        .build_cartesian_2d(0.0..x_max, 0.0..n as f64)?;
    chart
        .configure_mesh()
        .disable_y_mesh()
        .light_line_style(TRANSPARENT)
        .bold_line_style(style.grid_line())
        .axis_style(style.grid_line())
        .x_labels(5)
        .x_label_formatter(&|v| compact(*v))
        // Stage names are drawn beside their bars below.
        .y_labels(0)
        .y_label_formatter(&|_| String::new())
        .label_style(style.label_font())
        .draw()?;
    // Stage 0 (the earliest) on top: row i spans [n-1-i, n-i) on the y axis.
    let row = |i: usize| (n - 1 - i) as f64;
    let gap = BAR_GAP.max(if n == 1 { 0.3 } else { 0.0 });
    chart.draw_series(
        stages
            .iter()
            .enumerate()
            .map(|(i, s)| Rectangle::new([(0.0, row(i) + gap), (value(s), row(i) + 1.0 - gap)], style.accent.filled())),
    )?;
    let gap_x = x_max * gap_px / plot_w;
    let value_font = style.label_font().pos(Pos::new(HPos::Left, VPos::Center));
    chart.draw_series(
        stages
            .iter()
            .enumerate()
            .map(|(i, s)| Text::new(bar_label(s), (value(s) + gap_x, row(i) + 0.5), value_font.clone())),
    )?;
    let name_font = style.label_font().pos(Pos::new(HPos::Right, VPos::Center));
    for (i, s) in stages.iter().enumerate() {
        let (x, y) = chart.backend_coord(&(0.0, row(i) + 0.5));
        area.draw(&Text::new(s.stage.clone(), (x - style.px(6.0), y), name_font.clone()))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn label_step_thins_only_as_much_as_needed() {
        assert_eq!(label_step(&[20.0; 12], 40.0, 8.0), 1);
        assert_eq!(label_step(&[20.0; 12], 20.0, 8.0), 2);
        assert_eq!(label_step(&[50.0, 20.0, 20.0], 45.0, 8.0), 1);
        assert_eq!(label_step(&[50.0, 20.0, 20.0], 40.0, 8.0), 2);
        assert_eq!(label_step(&[80.0, 20.0, 20.0], 40.0, 8.0), 2);
        assert_eq!(label_step(&[10.0], 5.0, 8.0), 1);
        assert_eq!(label_step(&[], 5.0, 8.0), 1);
    }

    #[test]
    fn month_labels_show_the_year_on_january_and_first() {
        assert_eq!(month_label("2025-11", true), "Nov '25");
        assert_eq!(month_label("2025-12", false), "Dec");
        assert_eq!(month_label("2026-01", false), "Jan '26");
        assert_eq!(month_label("junk", false), "junk");
        assert_eq!(month_label("2026-13", false), "2026-13");
        assert_eq!(month_name("2026-08"), "Aug 2026");
        assert_eq!(month_name("2026-Q1"), "2026-Q1");
    }
}
