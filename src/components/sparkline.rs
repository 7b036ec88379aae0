//! A sparkline: the KPI's trend over the period as a small line, with a text alternative.

use crate::io::file_input::next_frame;
use crate::state::{Dashboard, Shared};
use leptos::prelude::*;
use pipelens_engine::kpi::{KpiDef, TrendPoint, Unit};

const W: f64 = 120.0;
const H: f64 = 28.0;

/// The SVG path of `values` scaled into the sparkline's box; undefined points break the line.
pub fn path(values: &[Option<f64>]) -> String {
    let defined = values.iter().flatten().copied().filter(|v| v.is_finite());
    let (lo, hi) = defined.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| (lo.min(v), hi.max(v)));
    if !lo.is_finite() {
        return String::new();
    }
    let span = if hi > lo { hi - lo } else { 1.0 };
    let n = values.len();
    let x = |i: usize| if n > 1 { 2.0 + i as f64 * (W - 4.0) / (n - 1) as f64 } else { W / 2.0 };
    let y = |v: f64| if hi > lo { H - 3.0 - (v - lo) / span * (H - 6.0) } else { H / 2.0 };
    let mut d = String::new();
    let mut pen_down = false;
    for (i, v) in values.iter().enumerate() {
        match v.filter(|v| v.is_finite()) {
            Some(v) => {
                d.push_str(&format!("{}{:.1},{:.1} ", if pen_down { "L" } else { "M" }, x(i), y(v)));
                pen_down = true;
            }
            None => pen_down = false,
        }
    }
    // A lone point is a dot: a zero-length line with round caps.
    if values.iter().flatten().count() == 1 {
        d.push_str("l0.01,0");
    }
    d.trim_end().to_owned()
}

/// A sentence for screen readers: first, lowest, highest and latest value.
fn summary(points: &[TrendPoint], unit: Unit) -> String {
    let defined: Vec<(&str, f64)> = points.iter().filter_map(|p| Some((p.label.as_str(), p.value?))).collect();
    let (Some(first), Some(last)) = (defined.first(), defined.last()) else {
        return crate::i18n::t(crate::i18n::charts::ChartCard::NoTrend).to_owned();
    };
    let lo = defined.iter().min_by(|a, b| a.1.total_cmp(&b.1)).unwrap_or(first);
    let hi = defined.iter().max_by(|a, b| a.1.total_cmp(&b.1)).unwrap_or(first);
    let display = |v: f64| pipelens_engine::format::local::display_in(crate::i18n::current(), unit, v);
    let at = |label: &str| crate::charts::long_label(label);
    crate::i18n::tf(
        crate::i18n::charts::ChartCard::TrendSentence,
        &[
            ("first", display(first.1)),
            ("first_at", at(first.0)),
            ("last", display(last.1)),
            ("last_at", at(last.0)),
            ("lo", display(lo.1)),
            ("lo_at", at(lo.0)),
            ("hi", display(hi.1)),
            ("hi_at", at(hi.0)),
        ],
    )
}

/// The sparkline of a KPI's trend.
#[component]
pub fn Sparkline(
    /// The KPI per bucket of the period.
    points: Vec<TrendPoint>,
    /// The KPI's unit, for the text alternative.
    unit: Unit,
) -> impl IntoView {
    let values: Vec<Option<f64>> = points.iter().map(|p| p.value).collect();
    let d = path(&values);
    let text = summary(&points, unit);
    (!d.is_empty()).then(|| {
        let label = text.clone();
        view! {
            <svg class="sparkline" viewBox=format!("0 0 {W} {H}") preserveAspectRatio="none" role="img" aria-label=label>
                <title>{text}</title>
                <path d=d fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round" vector-effect="non-scaling-stroke"/>
            </svg>
        }
    })
}

/// The sparkline of `def` over `scope`, computed after the page and its charts have drawn: a
/// trend costs one KPI computation per bucket, so each tile's runs as its own short task (on a
/// million rows the tiles and charts appear at once and their sparklines follow).
#[component]
pub fn TrendSparkline(
    /// The KPI.
    def: &'static KpiDef,
    /// The dashboard whose scope, grain and rows the trend covers.
    dashboard: Shared<Dashboard>,
) -> impl IntoView {
    let points = RwSignal::new(None::<Vec<TrendPoint>>);
    leptos::task::spawn_local(async move {
        // Twice: charts that wait a task to draw (on big data) go first.
        next_frame().await;
        next_frame().await;
        // The tile may be gone by now (the user moved on): then there is nothing to do.
        if points.try_get_untracked().is_none() {
            return;
        }
        let _ = points.try_set(Some(dashboard.trend(def)));
    });
    move || match points.get() {
        Some(p) => view! { <Sparkline points=p unit=def.unit/> }.into_any(),
        None => view! { <div class="sparkline" aria-hidden="true"></div> }.into_any(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gaps_break_the_line_and_a_flat_line_sits_in_the_middle() {
        assert_eq!(path(&[]), "");
        assert_eq!(path(&[None, None]), "");
        assert_eq!(path(&[Some(1.0), None, Some(3.0)]), "M2.0,25.0 M118.0,3.0");
        assert_eq!(path(&[Some(5.0), Some(5.0)]), "M2.0,14.0 L118.0,14.0");
        assert_eq!(path(&[Some(5.0)]), "M60.0,14.0 l0.01,0");
        assert_eq!(path(&[Some(f64::NAN), Some(1.0), Some(2.0)]), "M60.0,25.0 L118.0,3.0");
    }
}
