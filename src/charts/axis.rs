//! Axes: nice value ticks, the plot rectangle of category charts (lines, columns, histograms,
//! vertical bars), and the grid lines and labels drawn around it.

use super::frame::{Frame, Res};
use super::labels::{axis_label, label_step};
use super::legend::{self, LegendItem, LegendLayout};
use super::style::{mix, ChartStyle, LABEL_SIZE};
use pipelens_engine::kpi::Unit;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

/// The plot rectangle, device pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Plot {
    pub left: f64,
    pub top: f64,
    pub right: f64,
    pub bottom: f64,
}

impl Plot {
    pub fn width(&self) -> f64 {
        (self.right - self.left).max(1.0)
    }

    pub fn height(&self) -> f64 {
        (self.bottom - self.top).max(1.0)
    }

    /// The device y of value `v` on a vertical value axis.
    pub fn y(&self, axis: &ValueAxis, v: f64) -> f64 {
        self.bottom - axis.frac(v) * self.height()
    }

    /// The device x of value `v` on a horizontal value axis.
    pub fn x(&self, axis: &ValueAxis, v: f64) -> f64 {
        self.left + axis.frac(v) * self.width()
    }
}

/// A value axis: its range and tick step.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct ValueAxis {
    pub lo: f64,
    pub hi: f64,
    pub step: f64,
    pub unit: Unit,
}

/// A round step of about `span / target`: 1, 2, 2.5 or 5 times a power of ten (no 2.5 for
/// whole counts below 10).
pub(crate) fn nice_step(span: f64, target: usize, integer: bool) -> f64 {
    let raw = span / target.max(1) as f64;
    if !(raw.is_finite() && raw > 0.0) {
        return 1.0;
    }
    let mag = 10f64.powf(raw.log10().floor());
    let n = raw / mag;
    let f = [1.0, 2.0, 2.5, 5.0, 10.0]
        .into_iter()
        .filter(|&f| !(integer && f == 2.5 && mag < 10.0))
        .find(|&f| n <= f + 1e-9)
        .unwrap_or(10.0);
    let step = f * mag;
    if integer {
        step.max(1.0)
    } else {
        step
    }
}

impl ValueAxis {
    /// An axis from `min` to `max`, widened to include 0 and to whole steps, with about
    /// `target` ticks.
    pub fn nice(min: f64, max: f64, target: usize, unit: Unit) -> Self {
        let (mut lo, mut hi) = (finite_or(min, 0.0).min(0.0), finite_or(max, 0.0).max(0.0));
        if hi - lo <= 0.0 {
            hi = lo + if unit == Unit::Percent { 1.0 } else { 1.0_f64.max(lo.abs()) };
        }
        let step = nice_step(hi - lo, target, unit == Unit::Count);
        lo = (lo / step + 1e-9).floor() * step;
        hi = (hi / step - 1e-9).ceil() * step;
        if hi <= lo {
            hi = lo + step;
        }
        ValueAxis { lo, hi, step, unit }
    }

    /// An axis over exactly `lo..hi` with ticks at the multiples of a nice step inside.
    pub fn exact(lo: f64, hi: f64, target: usize, unit: Unit) -> Self {
        let (lo, mut hi) = (finite_or(lo, 0.0), finite_or(hi, 1.0));
        if hi <= lo {
            hi = lo + 1.0;
        }
        ValueAxis { lo, hi, step: nice_step(hi - lo, target, unit == Unit::Count), unit }
    }

    /// The tick values inside the range.
    pub fn ticks(&self) -> Vec<f64> {
        let first = (self.lo / self.step - 1e-9).ceil() as i64;
        let last = (self.hi / self.step + 1e-9).floor() as i64;
        (first..=last).take(64).map(|k| k as f64 * self.step).collect()
    }

    /// The tick label of `v`.
    pub fn label(&self, v: f64) -> String {
        axis_label(self.unit, v, self.step)
    }

    /// Where `v` sits in the range, 0..1 (clamped; non-finite values at 0).
    pub fn frac(&self, v: f64) -> f64 {
        let v = finite_or(v, 0.0);
        ((v - self.lo) / (self.hi - self.lo)).clamp(0.0, 1.0)
    }

    /// The width in device pixels of the widest tick label.
    pub fn widest_label(&self, style: &ChartStyle) -> f64 {
        self.ticks().iter().map(|&v| style.label_width(&self.label(v))).fold(0.0, f64::max)
    }
}

/// `v` when finite, else `default`.
pub(crate) fn finite_or(v: f64, default: f64) -> f64 {
    if v.is_finite() {
        v
    } else {
        default
    }
}

/// The layout of a chart with categories along x and values up the y axis.
pub(crate) struct CategoryLayout {
    pub plot: Plot,
    pub axis: ValueAxis,
    /// Width of one category, device pixels.
    pub slot: f64,
    /// The category labels written under the plot.
    pub labels: Vec<String>,
    /// Every `step`-th label is written.
    pub step: usize,
    pub legend: LegendLayout,
}

impl CategoryLayout {
    /// The centre x of category `i`.
    pub fn centre(&self, i: usize) -> f64 {
        self.plot.left + (i as f64 + 0.5) * self.slot
    }

    /// The left edge of category `i`.
    pub fn start(&self, i: usize) -> f64 {
        self.plot.left + i as f64 * self.slot
    }
}

/// What to lay out: the labels under the plot, the value range, the legend, and the room the
/// chart needs above the plot (`top_extra`, e.g. a marker label) and above / below its highest
/// / lowest mark inside the plot (`headroom`, e.g. value labels).
pub(crate) struct CategorySpec<'a> {
    pub labels: Vec<String>,
    pub min: f64,
    pub max: f64,
    pub unit: Unit,
    pub legend: &'a [LegendItem],
    pub top_extra: f64,
    pub headroom: f64,
}

/// Lays out a category chart on `f`.
pub(crate) fn category_layout<DB: DrawingBackend>(f: &Frame<DB>, spec: CategorySpec) -> CategoryLayout {
    let style = f.style;
    let m = f.d(8.0);
    let legend = legend::layout(style, spec.legend, m, m, f.w - 2.0 * m, f.h * 0.34);
    let top = m + legend.height + f.d(6.0).max(spec.top_extra);
    let bottom = (f.h - f.d(24.0)).max(top + 1.0);
    let ph = bottom - top;
    let target = (ph / f.d(44.0)).floor().clamp(2.0, 6.0) as usize;
    let mut axis = ValueAxis::nice(spec.min, spec.max, target, spec.unit);
    if spec.headroom > 0.0 {
        let (min, max) = (finite_or(spec.min, 0.0), finite_or(spec.max, 0.0));
        for _ in 0..4 {
            if max > 0.0 && (axis.hi - max) / (axis.hi - axis.lo) * ph < spec.headroom {
                axis.hi += axis.step;
            }
            if min < 0.0 && (min - axis.lo) / (axis.hi - axis.lo) * ph < spec.headroom {
                axis.lo -= axis.step;
            }
        }
    }
    let left = m + axis.widest_label(style) + f.d(8.0);
    let n = spec.labels.len().max(1);
    let widths: Vec<f64> = spec.labels.iter().map(|l| style.label_width(l)).collect();
    let last = widths.last().copied().unwrap_or(0.0);
    let slot_guess = ((f.w - m - left) / n as f64).max(1.0);
    let pad = (last / 2.0 - slot_guess / 2.0 + f.d(2.0)).max(m);
    let right = (f.w - pad).max(left + 1.0);
    let slot = (right - left) / n as f64;
    let step = label_step(&widths, slot, f.d(10.0));
    CategoryLayout { plot: Plot { left, top, right, bottom }, axis, slot, labels: spec.labels, step, legend }
}

/// The colour of the zero line: between the grid and the muted text.
fn baseline_colour(style: &ChartStyle) -> RGBColor {
    mix(style.grid, style.muted_text, 0.45)
}

/// Horizontal grid lines with value labels left of the plot, and the zero line.
pub(crate) fn draw_y_grid<DB: DrawingBackend>(f: &Frame<DB>, plot: &Plot, axis: &ValueAxis) -> Res<DB> {
    let style = f.style;
    let width = style.px(1.0).max(1) as f64;
    for v in axis.ticks() {
        let y = plot.y(axis, v).round();
        if v != 0.0 {
            f.path(&[(plot.left, y), (plot.right, y)], style.grid, width)?;
        }
        let label = axis.label(v);
        f.text(&label, plot.left - f.d(7.0), y, HPos::Right, VPos::Center, LABEL_SIZE, style.muted_text)?;
    }
    let y0 = plot.y(axis, 0.0).round();
    f.path(&[(plot.left, y0), (plot.right, y0)], baseline_colour(style), width)
}

/// Vertical grid lines with value labels under the plot, and the zero line.
pub(crate) fn draw_x_grid<DB: DrawingBackend>(f: &Frame<DB>, plot: &Plot, axis: &ValueAxis) -> Res<DB> {
    let style = f.style;
    let width = style.px(1.0).max(1) as f64;
    let ticks = axis.ticks();
    let widths: Vec<f64> = ticks.iter().map(|&v| style.label_width(&axis.label(v))).collect();
    let slot = if ticks.len() > 1 { plot.width() * axis.step / (axis.hi - axis.lo) } else { plot.width() };
    let step = label_step(&widths, slot, f.d(10.0));
    for (i, &v) in ticks.iter().enumerate() {
        let x = plot.x(axis, v).round();
        if v != 0.0 {
            f.path(&[(x, plot.top), (x, plot.bottom)], style.grid, width)?;
        }
        if i % step == 0 {
            let label = axis.label(v);
            f.text(&label, x, plot.bottom + f.d(6.0), HPos::Center, VPos::Top, LABEL_SIZE, style.muted_text)?;
        }
    }
    let x0 = plot.x(axis, 0.0).round();
    f.path(&[(x0, plot.top), (x0, plot.bottom)], baseline_colour(style), width)
}

/// The category labels under the plot, every `step`-th one, centred on its slot.
pub(crate) fn draw_category_labels<DB: DrawingBackend>(f: &Frame<DB>, layout: &CategoryLayout) -> Res<DB> {
    for (i, label) in layout.labels.iter().enumerate().step_by(layout.step.max(1)) {
        let y = layout.plot.bottom + f.d(6.0);
        f.text(label, layout.centre(i), y, HPos::Center, VPos::Top, LABEL_SIZE, f.style.muted_text)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nice_steps() {
        assert_eq!(nice_step(100.0, 5, false), 20.0);
        assert_eq!(nice_step(1.0, 4, false), 0.25);
        assert_eq!(nice_step(1.0, 4, true), 1.0);
        assert_eq!(nice_step(10.0, 4, true), 5.0);
        assert_eq!(nice_step(1_234_567.0, 5, false), 250_000.0);
        assert_eq!(nice_step(0.0, 5, false), 1.0);
        assert_eq!(nice_step(f64::NAN, 5, false), 1.0);
    }

    #[test]
    fn axes_include_zero_and_end_on_whole_steps() {
        let a = ValueAxis::nice(120.0, 980.0, 5, Unit::Currency);
        assert_eq!((a.lo, a.hi, a.step), (0.0, 1000.0, 200.0));
        assert_eq!(a.ticks(), vec![0.0, 200.0, 400.0, 600.0, 800.0, 1000.0]);
        let n = ValueAxis::nice(-30.0, 50.0, 4, Unit::Count);
        assert!(n.lo <= -30.0 && n.hi >= 50.0 && n.ticks().contains(&0.0));
        let z = ValueAxis::nice(0.0, 0.0, 4, Unit::Percent);
        assert_eq!((z.lo, z.hi), (0.0, 1.0));
        let bad = ValueAxis::nice(f64::NAN, f64::INFINITY, 4, Unit::Count);
        assert!(bad.hi > bad.lo && bad.ticks().len() >= 2);
        assert_eq!(a.frac(f64::NAN), 0.0);
        assert_eq!(a.frac(2000.0), 1.0);
        let e = ValueAxis::exact(0.0, 1130.0, 4, Unit::Currency);
        assert_eq!(e.ticks(), vec![0.0, 500.0, 1000.0]);
        assert_eq!(e.label(500.0), "500");
    }
}
