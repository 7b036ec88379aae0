//! Heatmaps: a grid of shares 0..1 on a sequential single-hue scale, such as cohort retention.

use super::axis::finite_or;
use super::frame::{Frame, HitResult, NO_DATA};
use super::labels::{axis_label, exact, label_step, long_label, truncate};
use super::model::Heatmap;
use super::style::{ChartStyle, LABEL_SIZE};
use pipelens_engine::format::grouped;
use pipelens_engine::kpi::Unit;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

/// Steps of the colour legend's gradient.
const LEGEND_STEPS: usize = 16;

/// Draws `map`: a cell per row and column coloured by its value (light to dark accent on the
/// light theme, dark to bright on the dark one), empty cells left blank, the value written in
/// each cell wide and tall enough (in the colour that contrasts with the cell), row labels on the
/// left (`Mar 2026` for cohort months), column labels on top, a colour legend (lowest … highest)
/// underneath, and a hit per non-empty cell: `Cohort Mar 2026 · month +3 · 81.2 %`. No rows,
/// no columns or no values draw the "no data" message.
pub fn draw_heatmap<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    map: &Heatmap,
    style: &ChartStyle,
) -> HitResult<DB> {
    let Some(mut f) = Frame::start(area, style)? else { return Ok(Vec::new()) };
    let (rows, cols) = (map.rows.len(), map.columns.len());
    let cell =
        |r: usize, c: usize| map.cells.get(r).and_then(|row| row.get(c)).copied().flatten().filter(|v| v.is_finite());
    if rows == 0 || cols == 0 || !(0..rows).any(|r| (0..cols).any(|c| cell(r, c).is_some())) {
        return f.message(NO_DATA);
    }
    // The colour scale spans the data, from a round share below the lowest value to the highest
    // (retention clusters near the top: a 0–100 % scale would paint every cell alike).
    let (min, max) = (0..rows)
        .flat_map(|r| (0..cols).filter_map(move |c| cell(r, c)))
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let lo = ((min * 10.0).floor() / 10.0).max(0.0);
    let hi = if max > lo { max } else { lo + 1.0 };
    // The lowest value keeps some colour, so it never looks like an empty cell.
    let shade = |v: f64| style.heat_colour(0.15 + 0.85 * (v - lo) / (hi - lo));
    let m = f.d(8.0);
    let row_labels: Vec<String> = map.rows.iter().map(|r| truncate(&long_label(r), 18)).collect();
    let col_labels: Vec<String> = map.columns.iter().map(|c| truncate(c, 10)).collect();
    let longest = row_labels.iter().map(|l| style.label_width(l)).fold(0.0, f64::max);
    let left = m + (longest + f.d(8.0)).min(f.w * 0.35);
    let row_labels: Vec<String> = row_labels.iter().map(|l| f.fit(l, left - m - f.d(8.0), LABEL_SIZE)).collect();
    let right = (f.w - m).max(left + 1.0);
    let top = m + f.d(LABEL_SIZE + 6.0);
    let legend_h = f.d(LABEL_SIZE + 12.0);
    let bottom_max = (f.h - m - legend_h).max(top + 1.0);
    let cw = (right - left) / cols as f64;
    let ch = ((bottom_max - top) / rows as f64).min(f.d(34.0));
    let bottom = top + ch * rows as f64;
    let inset = f.d(0.5).max(0.5);

    // Column labels on top, row labels on the left, thinned so they never overlap.
    let col_widths: Vec<f64> = col_labels.iter().map(|l| style.label_width(l)).collect();
    let col_step = label_step(&col_widths, cw, f.d(6.0));
    for (c, label) in col_labels.iter().enumerate().step_by(col_step) {
        let x = left + (c as f64 + 0.5) * cw;
        f.text(label, x, top - f.d(5.0), HPos::Center, VPos::Bottom, LABEL_SIZE, style.muted_text)?;
    }
    let row_step = label_step(&vec![f.d(LABEL_SIZE); rows], ch, f.d(2.0));
    for (r, label) in row_labels.iter().enumerate().step_by(row_step) {
        let y = top + (r as f64 + 0.5) * ch;
        f.text(label, left - f.d(8.0), y, HPos::Right, VPos::Center, LABEL_SIZE, style.text)?;
    }

    // One form of the value text for every cell (`81.2 %` or `81%`), the longest that fits all.
    let fits = |t: &str| style.label_width(t) + f.d(6.0) <= cw;
    let all_cells = || (0..rows).flat_map(|r| (0..cols).filter_map(move |c| cell(r, c)));
    let form = (0..FORMS).find(|&k| all_cells().all(|v| fits(&cell_text(map.unit, v, k))));
    let form = form.filter(|_| ch >= f.d(LABEL_SIZE + 3.0));
    for r in 0..rows {
        for c in 0..cols {
            let Some(v) = cell(r, c) else { continue };
            let (x0, y0) = (left + c as f64 * cw, top + r as f64 * ch);
            let (x1, y1) = (x0 + cw, y0 + ch);
            let fill = shade(v);
            f.rect(x0 + inset, y0 + inset, x1 - inset, y1 - inset, fill.filled())?;
            if let Some(k) = form {
                let (x, y) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
                f.text(&cell_text(map.unit, v, k), x, y, HPos::Center, VPos::Center, LABEL_SIZE, style.text_on(fill))?;
            }
            let tooltip =
                format!("{} · {} · {}", row_name(&map.rows[r]), column_name(&map.columns[c]), exact(map.unit, v));
            f.hit(x0, y0, x1, y1, tooltip, None);
        }
    }

    // The colour legend under the grid: `60 %` ▭▭▭ `100 %`.
    let ly = (bottom + f.d(8.0) + f.d(LABEL_SIZE) / 2.0).round();
    let (lo_text, hi_text) = (axis_label(map.unit, lo, 0.1), axis_label(map.unit, hi, 0.1));
    let bar_w = f.d(120.0).min((right - left) * 0.5);
    let mut x = left;
    f.text(&lo_text, x, ly, HPos::Left, VPos::Center, LABEL_SIZE, style.muted_text)?;
    x += style.label_width(&lo_text) + f.d(6.0);
    let piece = bar_w / LEGEND_STEPS as f64;
    for i in 0..LEGEND_STEPS {
        let colour = shade(lo + (hi - lo) * (i as f64 + 0.5) / LEGEND_STEPS as f64);
        let (a, b) = (x + i as f64 * piece, x + (i + 1) as f64 * piece);
        f.rect(a, ly - f.d(5.0), b.ceil(), ly + f.d(5.0), colour.filled())?;
    }
    f.text(&hi_text, x + bar_w + f.d(6.0), ly, HPos::Left, VPos::Center, LABEL_SIZE, style.muted_text)?;
    Ok(f.finish())
}

/// `Cohort Mar 2026` for a cohort month, else the row label as it is.
fn row_name(label: &str) -> String {
    let long = long_label(label);
    if long != label {
        format!("Cohort {long}")
    } else {
        label.to_owned()
    }
}

/// `month +3` for a `+3` column, else the column label as it is.
fn column_name(label: &str) -> String {
    if label.starts_with('+') {
        format!("month {label}")
    } else {
        label.to_owned()
    }
}

/// How many forms [`cell_text`] has.
const FORMS: usize = 2;

/// Form `k` (0 = longest) of the text written in a cell of value `v`: `81.2 %`, `81%`.
fn cell_text(unit: Unit, v: f64, k: usize) -> String {
    let v = finite_or(v, 0.0);
    match (unit, k) {
        (Unit::Percent, 0) => format!("{} %", grouped(v * 100.0, 1)),
        (Unit::Percent, _) => format!("{}%", grouped(v * 100.0, 0)),
        (_, 0) => exact(unit, v),
        _ => axis_label(unit, v, 1.0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_in_tooltips() {
        assert_eq!(row_name("2026-03"), "Cohort Mar 2026");
        assert_eq!(row_name("Web"), "Web");
        assert_eq!(column_name("+3"), "month +3");
        assert_eq!(column_name("Q1"), "Q1");
    }

    #[test]
    fn cell_text_forms() {
        assert_eq!(cell_text(Unit::Percent, 0.8125, 0), "81.2 %");
        assert_eq!(cell_text(Unit::Percent, 0.8125, 1), "81%");
        assert_eq!(cell_text(Unit::Percent, f64::NAN, 1), "0%");
        assert_eq!(cell_text(Unit::Count, 12.0, 0), "12");
        assert_eq!(cell_text(Unit::Currency, 12_500.0, 1), "12.5k");
    }
}
