//! Hover and click regions: every drawing function returns the marks it drew as [`Hit`]s, so the
//! page can show a tooltip and drill into a segment without knowing the chart's layout.

/// A hover / click region of a chart, in CSS pixels relative to the canvas's top-left corner
/// (device pixels divided by `ChartStyle::scale`).
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    /// Left edge.
    pub x0: f64,
    /// Top edge.
    pub y0: f64,
    /// Right edge (≥ `x0`).
    pub x1: f64,
    /// Bottom edge (≥ `y0`).
    pub y1: f64,
    /// The tooltip, with exact values: `Mar 2026 · Revenue 1,234,567 · previous period 1,100,000`.
    pub text: String,
    /// The segment value to filter to when the mark is clicked; `None` when not drillable.
    pub drill: Option<String>,
}

impl Hit {
    /// Does the region contain the point `(x, y)` (edges included)?
    pub fn contains(&self, x: f64, y: f64) -> bool {
        self.x0 <= x && x <= self.x1 && self.y0 <= y && y <= self.y1
    }

    fn area(&self) -> f64 {
        (self.x1 - self.x0) * (self.y1 - self.y0)
    }
}

/// The hit under the point `(x, y)` (CSS pixels, canvas top-left origin): the smallest region
/// containing it, so a small mark inside a larger band wins.
pub fn hit_at(hits: &[Hit], x: f64, y: f64) -> Option<&Hit> {
    hits.get(hit_index_at(hits, x, y)?)
}

/// The position in `hits` of [`hit_at`]'s mark, so a second tap can tell it is on the same mark.
pub fn hit_index_at(hits: &[Hit], x: f64, y: f64) -> Option<usize> {
    hits.iter()
        .enumerate()
        .filter(|(_, h)| h.contains(x, y))
        .min_by(|(_, a), (_, b)| a.area().total_cmp(&b.area()))
        .map(|(i, _)| i)
}

/// What a tap on a touch screen does: the first tap on a mark shows its tooltip, a second tap
/// on the same mark drills into its segment (when it has one); mice keep hover and click.
#[derive(Clone, Debug, PartialEq)]
pub enum Tap {
    /// Show the tooltip of the mark at this position in the list.
    Show(usize),
    /// Drill into this segment.
    Drill(String),
    /// Nothing under the finger: hide the tooltip.
    Clear,
}

/// The effect of a tap at `(x, y)` when the tooltip of mark `shown` is on screen.
pub fn tap(hits: &[Hit], shown: Option<usize>, x: f64, y: f64) -> Tap {
    let Some(i) = hit_index_at(hits, x, y) else { return Tap::Clear };
    match hits.get(i).and_then(|h| h.drill.clone()) {
        Some(segment) if shown == Some(i) => Tap::Drill(segment),
        _ => Tap::Show(i),
    }
}

/// Collects hits given in device pixels of a drawing area, converting them to CSS pixels of the
/// canvas.
pub(crate) struct Hits {
    base: (f64, f64),
    scale: f64,
    /// Size of the canvas in CSS pixels: regions are clamped to it.
    size: (f64, f64),
    pub(crate) list: Vec<Hit>,
}

impl Hits {
    /// Hits of an area whose top-left device pixel is `base` and whose size is `size` device
    /// pixels, at `scale` device pixels per CSS pixel.
    pub(crate) fn new(base: (i32, i32), size: (f64, f64), scale: f64) -> Self {
        let base = (base.0 as f64, base.1 as f64);
        let size = ((base.0 + size.0) / scale, (base.1 + size.1) / scale);
        Hits { base, scale, size, list: Vec::new() }
    }

    /// Adds the region between device corners `(x0, y0)` and `(x1, y1)` (in any order).
    pub(crate) fn add(&mut self, x0: f64, y0: f64, x1: f64, y1: f64, text: String, drill: Option<String>) {
        let conv = |v: f64, base: f64, max: f64| {
            let css = (base + v) / self.scale;
            if css.is_finite() {
                css.clamp(0.0, max)
            } else {
                0.0
            }
        };
        let (ax, bx) = (conv(x0, self.base.0, self.size.0), conv(x1, self.base.0, self.size.0));
        let (ay, by) = (conv(y0, self.base.1, self.size.1), conv(y1, self.base.1, self.size.1));
        self.list.push(Hit { x0: ax.min(bx), y0: ay.min(by), x1: ax.max(bx), y1: ay.max(by), text, drill });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hit(x0: f64, y0: f64, x1: f64, y1: f64, text: &str) -> Hit {
        Hit { x0, y0, x1, y1, text: text.into(), drill: None }
    }

    #[test]
    fn hit_at_prefers_the_smallest_region() {
        let hits = [hit(0.0, 0.0, 100.0, 100.0, "band"), hit(10.0, 10.0, 20.0, 20.0, "dot")];
        assert_eq!(hit_at(&hits, 15.0, 15.0).unwrap().text, "dot");
        assert_eq!(hit_at(&hits, 50.0, 50.0).unwrap().text, "band");
        assert_eq!(hit_at(&hits, 100.0, 100.0).unwrap().text, "band");
        assert!(hit_at(&hits, 101.0, 50.0).is_none());
        assert!(hit_at(&[], 1.0, 1.0).is_none());
    }

    #[test]
    fn a_first_tap_shows_the_tooltip_and_a_second_on_the_same_mark_drills() {
        let mut a = hit(0.0, 0.0, 10.0, 10.0, "a");
        a.drill = Some("Web".into());
        let hits = [a, hit(20.0, 0.0, 30.0, 10.0, "b")];
        let cases = [
            (None, 5.0, 5.0, Tap::Show(0)),
            (Some(0), 5.0, 5.0, Tap::Drill("Web".into())),
            (Some(1), 5.0, 5.0, Tap::Show(0)),
            (Some(1), 25.0, 5.0, Tap::Show(1)),
            (None, 25.0, 5.0, Tap::Show(1)),
            (Some(0), 50.0, 5.0, Tap::Clear),
        ];
        for (shown, x, y, want) in cases {
            assert_eq!(tap(&hits, shown, x, y), want, "tap at {x},{y} with {shown:?} shown");
        }
        assert_eq!(hit_index_at(&hits, 25.0, 5.0), Some(1));
    }

    #[test]
    fn hits_are_converted_to_css_pixels_and_clamped() {
        let mut h = Hits::new((10, 0), (200.0, 100.0), 2.0);
        h.add(30.0, 80.0, 10.0, 40.0, "a".into(), Some("Web".into()));
        h.add(-50.0, 0.0, 1000.0, f64::NAN, "b".into(), None);
        assert_eq!(
            h.list[0],
            Hit { x0: 10.0, y0: 20.0, x1: 20.0, y1: 40.0, text: "a".into(), drill: Some("Web".into()) }
        );
        assert_eq!((h.list[1].x0, h.list[1].x1, h.list[1].y1), (0.0, 105.0, 0.0));
    }
}
