//! The drawing surface every chart draws on: device-pixel primitives over a plotters drawing
//! area, text kept inside the canvas, the empty-chart message, and the hits collected on the way.

use super::hit::{Hit, Hits};
use super::style::{anchored, ChartStyle, LABEL_SIZE};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

/// What every chart drawing function returns: the hover / click regions of its marks.
pub type HitResult<DB> = Result<Vec<Hit>, DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

pub(crate) type Res<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// The message of a chart without data.
pub const NO_DATA: &str = "No data for this period";

/// Smallest canvas (CSS pixels) worth drawing a chart on; smaller ones are only filled.
const MIN_SIZE: (f64, f64) = (48.0, 32.0);

/// A chart being drawn: the area, its style and size in device pixels, and the hits so far.
pub(crate) struct Frame<'a, DB: DrawingBackend> {
    pub area: &'a DrawingArea<DB, Shift>,
    pub style: &'a ChartStyle,
    /// Width in device pixels.
    pub w: f64,
    /// Height in device pixels.
    pub h: f64,
    pub hits: Hits,
}

impl<'a, DB: DrawingBackend> Frame<'a, DB> {
    /// Fills the background; `None` when the area is too small to hold a chart.
    pub fn start(
        area: &'a DrawingArea<DB, Shift>,
        style: &'a ChartStyle,
    ) -> Result<Option<Self>, DrawingAreaErrorKind<DB::ErrorType>> {
        let (w, h) = area.dim_in_pixel();
        let (w, h) = (w as f64, h as f64);
        area.fill(&style.background)?;
        if w < style.d(MIN_SIZE.0) || h < style.d(MIN_SIZE.1) {
            return Ok(None);
        }
        let hits = Hits::new(area.get_base_pixel(), (w, h), style.s());
        Ok(Some(Frame { area, style, w, h, hits }))
    }

    /// The hits collected.
    pub fn finish(self) -> Vec<Hit> {
        self.hits.list
    }

    /// `css` CSS pixels in device pixels.
    pub fn d(&self, css: f64) -> f64 {
        self.style.d(css)
    }

    /// The centred "no data" message; no hits.
    pub fn message(self, text: &str) -> HitResult<DB> {
        let (w, h) = (self.w, self.h);
        let text = if text == NO_DATA { crate::i18n::t(crate::i18n::messages::Message::NoChartData) } else { text };
        self.text(text, w / 2.0, h / 2.0, HPos::Center, VPos::Center, LABEL_SIZE, self.style.muted_text)?;
        Ok(Vec::new())
    }

    /// Draws `text` at `(x, y)` anchored at `h`, `v`, moved just enough to stay inside the
    /// canvas by the estimated text extent.
    #[allow(clippy::too_many_arguments)]
    pub fn text(&self, text: &str, x: f64, y: f64, h: HPos, v: VPos, size: f64, colour: RGBColor) -> Res<DB> {
        if text.is_empty() {
            return Ok(());
        }
        let (x, y) = self.inside(text, x, y, h, v, size);
        let font = anchored(self.style.font_at(size, colour), h, v);
        self.area.draw(&Text::new(text.to_owned(), (x.round() as i32, y.round() as i32), font))
    }

    /// `text` cut to fit in `width` device pixels at `size` (see [`ChartStyle::fit`]).
    pub fn fit(&self, text: &str, width: f64, size: f64) -> String {
        self.style.fit(text, width, size)
    }

    /// `(x, y)` moved so that `text` anchored there stays inside the canvas.
    pub fn inside(&self, text: &str, x: f64, y: f64, h: HPos, v: VPos, size: f64) -> (f64, f64) {
        let tw = self.style.width_at(text, size);
        let th = self.style.d(size);
        let edge = 1.0;
        let (left_of, right_of) = match h {
            HPos::Left => (0.0, tw),
            HPos::Center => (tw / 2.0, tw / 2.0),
            HPos::Right => (tw, 0.0),
        };
        let (above, below) = match v {
            VPos::Top => (0.0, th),
            VPos::Center => (th / 2.0, th / 2.0),
            VPos::Bottom => (th, 0.0),
        };
        let fit = |p: f64, before: f64, after: f64, max: f64| {
            let p = if p.is_finite() { p } else { 0.0 };
            let p = p.min(max - edge - after);
            p.max(edge + before)
        };
        (fit(x, left_of, right_of, self.w), fit(y, above, below, self.h))
    }

    /// A filled rectangle between device corners (any order); nothing when it rounds to empty.
    pub fn rect(&self, x0: f64, y0: f64, x1: f64, y1: f64, style: impl Into<ShapeStyle>) -> Res<DB> {
        let r = |v: f64| if v.is_finite() { v.round() as i32 } else { 0 };
        let (ax, bx, ay, by) = (r(x0.min(x1)), r(x0.max(x1)), r(y0.min(y1)), r(y0.max(y1)));
        if ax == bx || ay == by {
            return Ok(());
        }
        self.area.draw(&Rectangle::new([(ax, ay), (bx, by)], style.into()))
    }

    /// A straight polyline.
    pub fn path(&self, points: &[(f64, f64)], colour: RGBColor, width: f64) -> Res<DB> {
        if points.len() < 2 {
            return Ok(());
        }
        let style = colour.stroke_width(width.round().max(1.0) as u32);
        self.area.draw(&PathElement::new(points.iter().map(|&p| round(p)).collect::<Vec<_>>(), style))
    }

    /// A dashed polyline: `on` device pixels drawn, `off` skipped.
    pub fn dashed(&self, points: &[(f64, f64)], colour: RGBColor, width: f64, on: f64, off: f64) -> Res<DB> {
        for dash in dashes(points, on, off) {
            self.path(&dash, colour, width)?;
        }
        Ok(())
    }

    /// A filled circle.
    pub fn dot(&self, x: f64, y: f64, r: f64, colour: RGBColor) -> Res<DB> {
        self.area.draw(&Circle::new(round((x, y)), r.round().max(1.0) as i32, colour.filled()))
    }

    /// A filled polygon.
    pub fn polygon(&self, points: &[(f64, f64)], style: impl Into<ShapeStyle>) -> Res<DB> {
        if points.len() < 3 {
            return Ok(());
        }
        self.area.draw(&Polygon::new(points.iter().map(|&p| round(p)).collect::<Vec<_>>(), style.into()))
    }

    /// Records a hit between device corners.
    pub fn hit(&mut self, x0: f64, y0: f64, x1: f64, y1: f64, text: String, drill: Option<String>) {
        self.hits.add(x0, y0, x1, y1, text, drill);
    }
}

fn round((x, y): (f64, f64)) -> (i32, i32) {
    let r = |v: f64| if v.is_finite() { v.round() as i32 } else { 0 };
    (r(x), r(y))
}

/// The dashes of a polyline: pieces `on` long with `off` gaps, continuing around corners.
pub(crate) fn dashes(points: &[(f64, f64)], on: f64, off: f64) -> Vec<Vec<(f64, f64)>> {
    let (on, off) = (on.max(1.0), off.max(0.0));
    let mut out = Vec::new();
    let mut current: Vec<(f64, f64)> = Vec::new();
    // Where in the on/off cycle the pen is, and whether it is down.
    let (mut left, mut down) = (on, true);
    if let Some(&first) = points.first() {
        current.push(first);
    }
    for w in points.windows(2) {
        let (a, b) = (w[0], w[1]);
        let len = ((b.0 - a.0).powi(2) + (b.1 - a.1).powi(2)).sqrt();
        if !len.is_finite() {
            continue;
        }
        let mut pos = 0.0;
        while len - pos > left {
            pos += left;
            let t = pos / len;
            let p = (a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t);
            if down {
                current.push(p);
                out.push(std::mem::take(&mut current));
                left = off;
            } else {
                current = vec![p];
                left = on;
            }
            down = !down;
        }
        left -= len - pos;
        if down {
            current.push(b);
        }
    }
    if down && current.len() >= 2 {
        out.push(current);
    }
    out.retain(|d| d.len() >= 2);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dashes_follow_the_path_around_corners() {
        let d = dashes(&[(0.0, 0.0), (20.0, 0.0)], 6.0, 4.0);
        assert_eq!(d, vec![vec![(0.0, 0.0), (6.0, 0.0)], vec![(10.0, 0.0), (16.0, 0.0)]]);
        let corner = dashes(&[(0.0, 0.0), (4.0, 0.0), (4.0, 4.0)], 6.0, 4.0);
        assert_eq!(corner[0], vec![(0.0, 0.0), (4.0, 0.0), (4.0, 2.0)]);
        assert!(dashes(&[(0.0, 0.0)], 6.0, 4.0).is_empty());
        assert!(dashes(&[], 6.0, 4.0).is_empty());
        assert_eq!(dashes(&[(0.0, 0.0), (f64::NAN, 1.0), (3.0, 0.0)], 6.0, 4.0).len(), 0);
    }
}
