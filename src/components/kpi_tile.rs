//! A KPI tile: name, value in its unit (or "–" with the reason), companions, rows left out and
//! the explanation on demand. Carries the `data-kpi` / `data-value` test hooks.

use leptos::prelude::*;
use pipelens_engine::format::display;
use pipelens_engine::kpi::{KpiDef, KpiResult};

/// The `data-value` of a result: the unrounded number with `.`, empty when undefined.
pub fn data_value(r: &KpiResult) -> String {
    r.number().map(|v| v.to_string()).unwrap_or_default()
}

/// One KPI on the dashboard.
#[component]
pub fn KpiTile(
    /// The registry entry.
    def: &'static KpiDef,
    /// Its value over the current scope.
    result: KpiResult,
) -> impl IntoView {
    let (text, reason) = match &result.value {
        Ok(v) => (display(def.unit, *v), None),
        Err(why) => ("–".to_owned(), Some(why.to_string())),
    };
    let companions = result
        .companions
        .iter()
        .map(|c| view! { <p class="companion">{format!("{} {}", c.label, display(def.unit, c.value))}</p> })
        .collect_view();
    let left_out = result.left_out.iter().map(|l| view! { <li>{format!("{l}: left out")}</li> }).collect_view();
    let e = def.explanation;
    let undefined = reason.is_some();
    let title = reason.clone().unwrap_or_default();
    view! {
        <article class="tile" class:undefined=undefined>
            <h3 class="tile-name">{def.name}</h3>
            <p class="tile-value" data-kpi=def.id data-value=data_value(&result) title=title>
                {text}
            </p>
            {reason.map(|r| view! { <p class="reason">{r}</p> })}
            {companions}
            <ul class="left-out">{left_out}</ul>
            <details class="explain">
                <summary>"What is this?"</summary>
                <p>{e.what}</p>
                <p><strong>"Formula: "</strong>{e.formula}</p>
                <p><strong>"Why it matters: "</strong>{e.why}</p>
                <p><strong>"Watch out: "</strong>{e.watch}</p>
            </details>
        </article>
    }
}
