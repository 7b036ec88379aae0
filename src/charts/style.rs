//! The look of every chart: theme colours, the categorical palette, the sequential colour scale,
//! fonts, and the text-width estimate used to lay labels out without measuring them.

use super::labels::truncate;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Colours, font and pixel scale (device pixels per CSS pixel) of a chart.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartStyle {
    /// Device pixels per CSS pixel: every size is multiplied by it.
    pub scale: f64,
    /// Chart background (the card the canvas sits on).
    pub background: RGBColor,
    /// Axis labels, legend names, value labels.
    pub text: RGBColor,
    /// Secondary text: messages, funnel conversions.
    pub muted_text: RGBColor,
    /// Grid lines and axes.
    pub grid: RGBColor,
    /// The single-series colour (funnel bars, the legacy charts).
    pub accent: RGBColor,
    /// The categorical palette: colour-blind-safe hues with a contrast of at least 3:1 against
    /// `background`. Series pick a colour by index through [`ChartStyle::colour`].
    pub palette: [RGBColor; 8],
    /// The ends of the sequential scale of heatmaps: the colour of 0 and the colour of 1.
    pub heat: [RGBColor; 2],
    /// Font family for all text.
    pub font: &'static str,
}

/// Light-theme palette: Okabe–Ito hues, darkened to ≥ 3.8:1 on white.
const LIGHT_PALETTE: [RGBColor; 8] = [
    RGBColor(0x25, 0x63, 0xEB), // blue
    RGBColor(0xD5, 0x5E, 0x00), // vermillion
    RGBColor(0x00, 0x8A, 0x63), // bluish green
    RGBColor(0xA8, 0x6F, 0x00), // ochre
    RGBColor(0xB5, 0x47, 0x8F), // reddish purple
    RGBColor(0x0E, 0x7C, 0x9E), // sky blue, darkened
    RGBColor(0x7B, 0x52, 0xC7), // violet
    RGBColor(0x5B, 0x64, 0x72), // slate
];

/// Dark-theme palette: the same hues, lightened to ≥ 5.7:1 on the dark card colour.
const DARK_PALETTE: [RGBColor; 8] = [
    RGBColor(0x60, 0xA5, 0xFA),
    RGBColor(0xFF, 0x8A, 0x4C),
    RGBColor(0x34, 0xD3, 0x99),
    RGBColor(0xF2, 0xC2, 0x30),
    RGBColor(0xF0, 0x8C, 0xC0),
    RGBColor(0x4F, 0xD1, 0xE8),
    RGBColor(0xB3, 0x9B, 0xFA),
    RGBColor(0xA3, 0xAE, 0xBD),
];

impl Default for ChartStyle {
    /// The light theme at scale 1.
    fn default() -> Self {
        ChartStyle::light(1.0)
    }
}

impl ChartStyle {
    /// The light theme (white card, slate text) at `scale` device pixels per CSS pixel.
    pub fn light(scale: f64) -> Self {
        ChartStyle {
            scale,
            background: RGBColor(0xFF, 0xFF, 0xFF),
            text: RGBColor(0x33, 0x41, 0x55),
            muted_text: RGBColor(0x64, 0x74, 0x8B),
            grid: RGBColor(0xE2, 0xE8, 0xF0),
            accent: RGBColor(0x25, 0x63, 0xEB),
            palette: LIGHT_PALETTE,
            heat: [RGBColor(0xEF, 0xF6, 0xFF), RGBColor(0x1E, 0x3A, 0x8A)],
            font: "sans-serif",
        }
    }

    /// The dark theme (slate-800 card `#1e293b`, light text) at `scale`.
    pub fn dark(scale: f64) -> Self {
        ChartStyle {
            scale,
            background: RGBColor(0x1E, 0x29, 0x3B),
            text: RGBColor(0xE2, 0xE8, 0xF0),
            muted_text: RGBColor(0x94, 0xA3, 0xB8),
            grid: RGBColor(0x33, 0x41, 0x55),
            accent: RGBColor(0x60, 0xA5, 0xFA),
            palette: DARK_PALETTE,
            heat: [RGBColor(0x24, 0x33, 0x4A), RGBColor(0x93, 0xC5, 0xFD)],
            font: "sans-serif",
        }
    }

    /// Palette colour `index`, wrapping around after the last one.
    pub fn colour(&self, index: usize) -> RGBColor {
        self.palette[index % self.palette.len()]
    }

    /// `scale`, or 1 when it is not a positive finite number.
    pub(crate) fn s(&self) -> f64 {
        if self.scale.is_finite() && self.scale > 0.0 {
            self.scale
        } else {
            1.0
        }
    }

    /// `css` CSS pixels in device pixels.
    pub(crate) fn d(&self, css: f64) -> f64 {
        css * self.s()
    }

    /// `css` CSS pixels in whole device pixels.
    pub(crate) fn px(&self, css: f64) -> i32 {
        (css * self.s()).round() as i32
    }

    /// Conservative width in device pixels of `text` at `size` CSS pixels.
    pub(crate) fn width_at(&self, text: &str, size: f64) -> f64 {
        text_em(text) * size * self.s()
    }

    /// `text`, cut (ending in `…`) to fit in `width` device pixels at `size` CSS pixels; empty
    /// when not even one character and the ellipsis fit.
    pub(crate) fn fit(&self, text: &str, width: f64, size: f64) -> String {
        let chars = text.chars().count();
        (2..=chars)
            .rev()
            .map(|n| if n == chars { text.to_owned() } else { truncate(text, n) })
            .find(|t| self.width_at(t, size) <= width)
            .unwrap_or_default()
    }

    /// Width in device pixels of `text` in the label font.
    pub(crate) fn label_width(&self, text: &str) -> f64 {
        self.width_at(text, LABEL_SIZE)
    }

    /// The font at `size` CSS pixels in `colour`.
    pub(crate) fn font_at(&self, size: f64, colour: RGBColor) -> TextStyle<'static> {
        (self.font, size * self.s()).into_font().color(&colour)
    }

    /// Is this a dark theme (dark background)?
    pub fn is_dark(&self) -> bool {
        luminance(self.background) < 0.2
    }

    /// The colour of `v` (0..1, clamped; NaN counts as 0) on the heatmap's sequential scale.
    pub fn heat_colour(&self, v: f64) -> RGBColor {
        let t = if v.is_finite() { v.clamp(0.0, 1.0) } else { 0.0 };
        mix(self.heat[0], self.heat[1], t)
    }

    /// The text colour readable on `fill` (at least 4.5:1): the theme's text or background
    /// colour when one is, else white, near-black or black, whichever contrasts most.
    pub fn text_on(&self, fill: RGBColor) -> RGBColor {
        let candidates =
            [self.text, self.background, RGBColor(0xFF, 0xFF, 0xFF), RGBColor(0x0F, 0x17, 0x2A), RGBColor(0, 0, 0)];
        let mut best = candidates[0];
        for c in candidates {
            if contrast(c, fill) >= 4.5 {
                return c;
            }
            if contrast(c, fill) > contrast(best, fill) {
                best = c;
            }
        }
        best
    }
}

/// Label font size, CSS pixels.
pub(crate) const LABEL_SIZE: f64 = 12.0;
/// Legend font size, CSS pixels.
pub(crate) const LEGEND_SIZE: f64 = 13.0;

/// A text style anchored at `h`, `v`.
pub(crate) fn anchored(font: TextStyle<'static>, h: HPos, v: VPos) -> TextStyle<'static> {
    font.pos(Pos::new(h, v))
}

/// Estimated width of `text` in ems of a proportional sans-serif font, on the wide side so that
/// laid-out labels never touch (no font measurement exists on every backend).
pub(crate) fn text_em(text: &str) -> f64 {
    let em: f64 = text
        .chars()
        .map(|c| match c {
            'i' | 'j' | 'l' | '\'' | '.' | ',' | ':' | ';' | '|' | '!' | '·' | 'I' => 0.3,
            ' ' | 'f' | 't' | 'r' | '(' | ')' | '[' | ']' | '/' | '-' => 0.38,
            '0'..='9' | '+' | '–' | '$' | '€' | '£' | '=' | '<' | '>' | '~' => 0.58,
            'm' | 'w' | '%' => 0.9,
            'M' | 'W' | '@' | '—' | '…' => 1.0,
            'A'..='Z' => 0.72,
            'a'..='z' | '_' | '#' | '&' | '?' | '*' => 0.58,
            c if (c as u32) >= 0x2E80 => 1.0,
            _ => 0.72,
        })
        .sum();
    em * 1.04
}

/// Relative luminance (WCAG) of `c`.
pub fn luminance(c: RGBColor) -> f64 {
    let f = |v: u8| {
        let v = v as f64 / 255.0;
        if v <= 0.03928 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * f(c.0) + 0.7152 * f(c.1) + 0.0722 * f(c.2)
}

/// WCAG contrast ratio of two colours (1 ..= 21).
pub fn contrast(a: RGBColor, b: RGBColor) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// `a` blended towards `b` by `t` (0 = a, 1 = b).
pub(crate) fn mix(a: RGBColor, b: RGBColor, t: f64) -> RGBColor {
    let t = if t.is_finite() { t.clamp(0.0, 1.0) } else { 0.0 };
    let m = |x: u8, y: u8| (x as f64 + (y as f64 - x as f64) * t).round().clamp(0.0, 255.0) as u8;
    RGBColor(m(a.0, b.0), m(a.1, b.1), m(a.2, b.2))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn palettes_contrast_at_least_3_to_1_with_their_background() {
        for style in [ChartStyle::light(1.0), ChartStyle::dark(1.0)] {
            for (i, c) in style.palette.iter().enumerate() {
                let r = contrast(*c, style.background);
                assert!(r >= 3.0, "palette colour {i} {c:?}: {r:.2}:1");
            }
            assert!(contrast(style.text, style.background) >= 7.0);
            assert!(contrast(style.muted_text, style.background) >= 4.5);
        }
    }

    #[test]
    fn colour_wraps_around_the_palette() {
        let s = ChartStyle::default();
        assert_eq!(s.colour(0), s.palette[0]);
        assert_eq!(s.colour(9), s.palette[1]);
        assert_eq!(s.colour(usize::MAX), s.palette[usize::MAX % 8]);
    }

    #[test]
    fn themes() {
        assert_eq!(ChartStyle::default(), ChartStyle::light(1.0));
        assert!(!ChartStyle::light(2.0).is_dark());
        assert!(ChartStyle::dark(1.0).is_dark());
        assert_eq!(ChartStyle::dark(1.0).background, RGBColor(0x1E, 0x29, 0x3B));
        assert_eq!(ChartStyle { scale: f64::NAN, ..ChartStyle::default() }.px(10.0), 10);
        assert_eq!(ChartStyle::light(2.0).px(10.0), 20);
    }

    #[test]
    fn heat_scale_runs_light_to_dark_in_light_theme_and_dark_to_bright_in_dark_theme() {
        let l = ChartStyle::light(1.0);
        assert_eq!(l.heat_colour(0.0), l.heat[0]);
        assert_eq!(l.heat_colour(1.0), l.heat[1]);
        assert_eq!(l.heat_colour(7.0), l.heat[1]);
        assert_eq!(l.heat_colour(f64::NAN), l.heat[0]);
        let steps: Vec<f64> = (0..=10).map(|i| luminance(l.heat_colour(i as f64 / 10.0))).collect();
        assert!(steps.windows(2).all(|w| w[1] < w[0]), "light: darker as values grow {steps:?}");
        let d = ChartStyle::dark(1.0);
        let steps: Vec<f64> = (0..=10).map(|i| luminance(d.heat_colour(i as f64 / 10.0))).collect();
        assert!(steps.windows(2).all(|w| w[1] > w[0]), "dark: brighter as values grow {steps:?}");
    }

    #[test]
    fn text_on_a_cell_is_readable() {
        for style in [ChartStyle::light(1.0), ChartStyle::dark(1.0)] {
            for i in 0..=10 {
                let fill = style.heat_colour(i as f64 / 10.0);
                assert!(contrast(style.text_on(fill), fill) >= 4.5, "{fill:?}");
            }
            for c in style.palette {
                assert!(contrast(style.text_on(c), c) >= 3.0, "{c:?}");
            }
        }
    }

    #[test]
    fn fit_cuts_text_to_a_width() {
        let s = ChartStyle::default();
        assert_eq!(s.fit("Platform", 1000.0, 12.0), "Platform");
        let cut = s.fit("Representative number 12", 100.0, 12.0);
        assert!(cut.ends_with('…') && s.width_at(&cut, 12.0) <= 100.0, "{cut}");
        assert_eq!(s.fit("Platform", 1.0, 12.0), "");
        assert_eq!(s.fit("", 10.0, 12.0), "");
    }

    #[test]
    fn text_width_estimate_is_generous() {
        // 12 px Arial/Helvetica digits are 6.67 px wide; upper case up to 11 px.
        let s = ChartStyle::default();
        assert!(s.label_width("1,234,567") >= 9.0 * 6.0);
        assert!(s.label_width("MWM") >= 3.0 * 11.0);
        assert!(s.width_at("abc", 13.0) > s.width_at("abc", 12.0));
        assert_eq!(s.label_width(""), 0.0);
    }
}
