//! Funnels: centred bars as wide as each step's count, with the conversion to the next step
//! written between them.

use super::axis::finite_or;
use super::frame::{Frame, HitResult, NO_DATA};
use super::labels::{exact, share, truncate};
use super::model::Funnel;
use super::style::{ChartStyle, LABEL_SIZE};
use pipelens_engine::kpi::Unit;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

/// Draws `funnel`: per step a bar centred horizontally, its width proportional to the count
/// (the largest count spans the plot), `name · count` inside the bar when it fits, else beside
/// it; between consecutive bars `62.5 % go on · 37.5 % leak` in the muted colour (steps without a
/// conversion get none). One hit per step (its whole row). No steps or all-zero counts draw the
/// "no data" message.
pub fn draw_funnel<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    funnel: &Funnel,
    style: &ChartStyle,
) -> HitResult<DB> {
    let Some(mut f) = Frame::start(area, style)? else { return Ok(Vec::new()) };
    let counts: Vec<f64> = funnel.steps.iter().map(|s| finite_or(s.count, 0.0).max(0.0)).collect();
    let max = counts.iter().copied().fold(0.0, f64::max);
    if max <= 0.0 {
        return f.message(NO_DATA);
    }
    let n = counts.len();
    let m = f.d(8.0);
    let (left, right) = (m, f.w - m);
    let width = (right - left).max(1.0);
    let avail = (f.h - 2.0 * m).max(1.0);
    // Gaps between bars hold the conversion text; without room for it they shrink to a sliver.
    let text_gap = f.d(LABEL_SIZE + 8.0);
    let mut gap = text_gap;
    let mut bar = ((avail - (n - 1) as f64 * gap) / n as f64).min(f.d(40.0));
    if bar < f.d(14.0) {
        gap = f.d(3.0);
        bar = ((avail - (n - 1) as f64 * gap) / n as f64).min(f.d(40.0)).max(1.0);
    }
    let show_conversion = gap >= text_gap;
    // Centre the funnel vertically.
    let used = n as f64 * bar + (n - 1) as f64 * gap;
    let top = m + ((avail - used) / 2.0).max(0.0);
    let centre_x = (left + right) / 2.0;
    let first = counts[0];
    // Step labels need a row pitch of a text line; thin them when bars are thinner.
    let label_every = (f.d(LABEL_SIZE + 2.0) / (bar + gap)).ceil().max(1.0) as usize;
    for (i, step) in funnel.steps.iter().enumerate() {
        let y = top + i as f64 * (bar + gap);
        let count = counts[i];
        let bw = if count > 0.0 { (count / max * width).max(f.d(2.0)) } else { 0.0 };
        let (x0, x1) = (centre_x - bw / 2.0, centre_x + bw / 2.0);
        f.rect(x0, y, x1, y + bar, style.accent.filled())?;
        let label = format!("{} · {}", truncate(&step.label, 28), exact(Unit::Count, count));
        let cy = y + bar / 2.0;
        if i % label_every == 0 {
            let room = (right - x1 - f.d(6.0)).max(0.0);
            let inside = (bw - f.d(12.0)).max(0.0);
            let on_bar = style.text_on(style.accent);
            if style.label_width(&label) <= inside {
                f.text(&label, centre_x, cy, HPos::Center, VPos::Center, LABEL_SIZE, on_bar)?;
            } else if style.label_width(&label) <= room || room >= inside {
                let label = f.fit(&label, room, LABEL_SIZE);
                f.text(&label, x1 + f.d(6.0), cy, HPos::Left, VPos::Center, LABEL_SIZE, style.text)?;
            } else {
                let label = f.fit(&label, inside, LABEL_SIZE);
                f.text(&label, centre_x, cy, HPos::Center, VPos::Center, LABEL_SIZE, on_bar)?;
            }
        }
        let mut text = format!("{} · {}", step.label, exact(Unit::Count, count));
        if i > 0 && first > 0.0 {
            text.push_str(&format!(" · {} of {}", share(count, first), funnel.steps[0].label));
        }
        if let Some(c) = conversion(step.conversion) {
            if i + 1 < n {
                text.push_str(&format!(" · {}", go_on(c)));
                if show_conversion {
                    let gy = y + bar + gap / 2.0;
                    f.text(&go_on(c), centre_x, gy, HPos::Center, VPos::Center, LABEL_SIZE, style.muted_text)?;
                }
            }
        }
        f.hit(left, y, right, y + bar, text, None);
    }
    Ok(f.finish())
}

/// A conversion share clamped to 0..1; `None` when missing or not a number.
fn conversion(c: Option<f64>) -> Option<f64> {
    c.filter(|c| c.is_finite()).map(|c| c.clamp(0.0, 1.0))
}

/// `62.5 % go on · 37.5 % leak`.
fn go_on(c: f64) -> String {
    format!("{} go on · {} leak", exact(Unit::Percent, c), exact(Unit::Percent, 1.0 - c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conversion_text() {
        assert_eq!(go_on(0.625), "62.5 % go on · 37.5 % leak");
        assert_eq!(conversion(Some(1.7)), Some(1.0));
        assert_eq!(conversion(Some(f64::NAN)), None);
        assert_eq!(conversion(None), None);
    }
}
