//! A KPI tile: name, value in its unit (or "–" with the reason), the change against the
//! comparison period, its target with a red / amber / green status, companions, notes, rows
//! left out, its table, and on demand its explanation and SQL. Carries the `data-kpi` /
//! `data-value` test hooks.

use crate::components::kpi_table::KpiTableView;
use crate::components::sparkline::TrendSparkline;
use crate::components::sql_box::SqlBox;
use crate::components::when_open::WhenOpen;
use crate::i18n::words::Tile;
use crate::i18n::{current, engine_words, t, tf};
use crate::state::{Dashboard, KpiView, Shared, ViewState};
use leptos::prelude::*;
use pipelens_engine::format::local::{display_in, number};
use pipelens_engine::kpi::{Direction, KpiResult, Rag, Target, TargetSource, Unit};
use pipelens_engine::text;

/// Breakdown rows a compact tile shows.
const COMPACT_BREAKDOWN: usize = 6;

/// The `data-value` of a result: the unrounded number with `.`, empty when undefined.
pub fn data_value(r: &KpiResult) -> String {
    r.number().map(|v| v.to_string()).unwrap_or_default()
}

/// The change from `before` to `now`, worded and judged in the KPI's direction: in percentage
/// points for a KPI that is itself a percentage, else relative.
/// Returns the text, the judgement (`good`, `bad`, `flat`) and an arrow for the sign.
fn delta(now: f64, before: f64, unit: Unit, direction: Direction, label: &str) -> (String, &'static str, &'static str) {
    let diff = now - before;
    let arrow = if diff > 0.0 {
        "▲"
    } else if diff < 0.0 {
        "▼"
    } else {
        "▬"
    };
    let sign = if diff >= 0.0 { "+" } else { "−" };
    let lang = current();
    let args = |n: String| [("sign", sign.to_owned()), ("n", n), ("label", label.to_owned())];
    let text = if unit == Unit::Percent {
        tf(Tile::PointsVs, &args(number(lang, diff.abs() * 100.0, 1)))
    } else if before != 0.0 {
        tf(Tile::PercentVs, &args(display_in(lang, Unit::Percent, (diff / before).abs())))
    } else {
        tf(if diff == 0.0 { Tile::NoChange } else { Tile::FromZero }, &args(String::new()))
    };
    let good = match direction {
        _ if diff == 0.0 => "flat",
        Direction::Up if diff > 0.0 => "good",
        Direction::Down if diff < 0.0 => "good",
        Direction::Neutral => "flat",
        _ => "bad",
    };
    (text, good, arrow)
}

/// One KPI on the dashboard.
#[component]
pub fn KpiTile(
    /// The KPI with its value, comparison and target.
    kpi: KpiView,
    /// The name of the comparison period ("previous period").
    compared_with: &'static str,
    /// The scope and grain of the sparkline (none without).
    #[prop(optional)]
    trend: Option<Shared<Dashboard>>,
    /// Keeps the tile small: its table (if any) opens on demand instead of widening the tile.
    #[prop(optional)]
    compact: bool,
) -> impl IntoView {
    let view_state = ViewState::expect();
    let KpiView { def, result, previous, target } = kpi;
    let lang = current();
    let display = move |unit, v| display_in(lang, unit, v);
    let (text, reason) = match &result.value {
        Ok(v) => (display(def.unit, *v), None),
        Err(why) => ("–".to_owned(), Some(text::undefined(why, lang))),
    };
    let value = result.number();
    let change = value.zip(previous).map(|(now, before)| delta(now, before, def.unit, def.direction, compared_with));
    let status = value.zip(target).and_then(|(v, t)| Some((t, t.status(def.direction, v)?)));
    let companions = result
        .companions
        .iter()
        .map(|c| view! { <p class="companion">{format!("{} {}", crate::i18n::words::companion_label(c.label), display(c.unit.unwrap_or(def.unit), c.value))}</p> })
        .collect_view();
    let notes = result.notes.iter().map(|n| view! { <li>{text::note(n, lang)}</li> }).collect_view();
    let left_out = result
        .left_out
        .iter()
        .map(|l| view! { <li>{tf(Tile::LeftOut, &[("what", text::left_out(l, lang))])}</li> })
        .collect_view();
    let table = result.table.clone().filter(|t| !t.rows.is_empty());
    let wide = table.is_some() && !compact;
    // The breakdown rows the tile shows: a compact tile its first six, a wide one none (its
    // table holds them), any other every row. The rest were built and hidden by the style
    // sheet: 9,000 elements for a file of 3,000 products.
    let shown = match (compact, wide) {
        (true, _) => COMPACT_BREAKDOWN,
        (false, true) => 0,
        (false, false) => usize::MAX,
    };
    let breakdown = result
        .breakdown
        .iter()
        .take(shown)
        .map(|b| {
            view! {
                <li>
                    <span class="seg">{b.segment.clone()}</span>
                    <span class="num" data-kpi=def.id.as_str() data-segment=format!("{}:{}", b.dim, b.segment) data-value=b.value.to_string()>
                        {display(def.unit, b.value)}
                    </span>
                </li>
            }
        })
        .collect_view();
    let has_breakdown = !result.breakdown.is_empty() && shown > 0;
    let e = text::kpi_explanation(def.id, lang);
    let undefined = reason.is_some();
    let title = reason.clone().unwrap_or_default();
    let typed = target.filter(|t| t.source == TargetSource::Typed).map(|t| t.value.to_string()).unwrap_or_default();
    let set_target = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev).trim().replace(',', "");
        view_state.view.update(|s| match v.parse::<f64>().ok().filter(|x| x.is_finite()) {
            Some(x) => {
                s.targets.insert(def.id, x);
            }
            None => {
                s.targets.remove(&def.id);
            }
        });
    };
    // Kept open across recomputations, so typing a target does not close it.
    let explain_open = RwSignal::new(view_state.open_explain.with_untracked(|s| s.contains(&def.id)));
    // At most one of the explanation and the SQL box is open: both open under the tile.
    let sql_open =
        RwSignal::new(view_state.open_sql.with_untracked(|s| s.contains(&def.id)) && !explain_open.get_untracked());
    let target_hint = t(match def.unit {
        Unit::Percent => Tile::TargetAsFraction,
        _ => Tile::TargetInUnit,
    });
    view! {
        <article class="tile" class:undefined=undefined class:wide=wide class:compact=compact data-tile=def.id.as_str()>
            <h3 class="tile-name">{text::kpi_name(def.id, lang)}</h3>
            <p class="tile-value" data-kpi=def.id.as_str() data-value=data_value(&result) title=title>
                {text}
            </p>
            {reason.map(|r| view! { <p class="reason">{r}</p> })}
            {trend.map(|dashboard| view! { <TrendSparkline def=def dashboard=dashboard/> })}
            {change.map(|(t, good, arrow)| {
                let verdict = match good {
                    "good" => format!(" {}", crate::i18n::t(Tile::Better)),
                    "bad" => format!(" {}", crate::i18n::t(Tile::Worse)),
                    _ => String::new(),
                };
                view! { <p class=format!("delta {good}") data-testid="delta"><span class="arrow" aria-hidden="true">{arrow}</span>" "{t}<span class="verdict">{verdict}</span></p> }
            })}
            {status.map(|(t, rag): (Target, Rag)| view! {
                <p class=format!("rag {}", rag.label().replace(' ', "-")) data-rag=format!("{rag:?}").to_lowercase()>
                    <span class="dot" aria-hidden="true"></span>
                    {format!(
                        "{}{}",
                        tf(Tile::TargetLine, &[("rag", engine_words::rag(rag).to_owned()), ("target", display(def.unit, t.value))]),
                        if t.source == TargetSource::Derived { crate::i18n::t(Tile::FromData) } else { "" }
                    )}
                </p>
            })}
            {companions}
            <ul class="notes">{notes}</ul>
            {has_breakdown.then(|| view! { <ul class="breakdown">{breakdown}</ul> })}
            {table.map(|t| if compact {
                let rows = t.rows.len();
                view! {
                    <details class="tile-table">
                        <summary>{tf(Tile::TableRows, &[("n", pipelens_engine::format::local::number(crate::i18n::current(), rows as f64, 0))])}</summary>
                        <KpiTableView id=def.id table=t/>
                    </details>
                }
                .into_any()
            } else {
                view! { <KpiTableView id=def.id table=t/> }.into_any()
            })}
            <ul class="left-out">{left_out}</ul>
            <details class="explain" prop:open=move || explain_open.get() on:toggle=move |ev| {
                use wasm_bindgen::JsCast;
                let open = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok()).is_some_and(|d| d.open());
                explain_open.set(open);
                if open {
                    sql_open.set(false);
                }
                view_state.open_explain.update(|s| if open { s.insert(def.id); } else { s.remove(&def.id); });
            }>
                <summary><span class="info-icon" aria-hidden="true">"i"</span>{t(Tile::WhatIsThis)}</summary>
                <div class="explain-body">
                <p>{e.what}</p>
                <p><strong>{t(Tile::Formula)}" "</strong>{e.formula}</p>
                <p><strong>{t(Tile::WhyItMatters)}" "</strong>{e.why}</p>
                <p><strong>{t(Tile::WatchOut)}" "</strong>{e.watch}</p>
                <p class="muted">{tf(Tile::Needs, &[("what", text::kpi_needs(def.id, lang).to_owned())])}</p>
                {(def.direction != Direction::Neutral).then(|| view! {
                    <WhenOpen open=explain_open>
                        <label class="target-input">
                            {tf(Tile::Target, &[("hint", target_hint.to_owned())])}" "
                            <input type="text" inputmode="decimal" data-testid=format!("target-{}", def.id) value=typed.clone() on:change=set_target/>
                        </label>
                    </WhenOpen>
                })}
                </div>
            </details>
            <SqlBox id=def.id open=sql_open other=explain_open/>
        </article>
    }
}
