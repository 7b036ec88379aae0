//! The open pipeline per stage as a table: the exact numbers behind the pipeline chart.

use leptos::prelude::*;
use pipelens_engine::format::{display, grouped};
use pipelens_engine::kpi::{StageTotal, Unit};

/// Stage, open deals and value per stage, with `data-kpi` breakdown hooks.
#[component]
pub fn PipelineTable(
    /// Stages in pipeline order.
    stages: Vec<StageTotal>,
) -> impl IntoView {
    let rows = stages
        .into_iter()
        .map(|s| {
            let segment = format!("stage:{}", s.stage);
            let value_text = if s.with_amount == 0 { "–".to_owned() } else { display(Unit::Currency, s.value) };
            let value_hook = if s.with_amount == 0 { String::new() } else { s.value.to_string() };
            view! {
                <tr>
                    <th scope="row">{s.stage}</th>
                    <td class="num" data-kpi="pipeline_count" data-segment=segment.clone() data-value=s.count.to_string()>{grouped(s.count as f64, 0)}</td>
                    <td class="num" data-kpi="pipeline_value" data-segment=segment data-value=value_hook>{value_text}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="data-table">
            <caption class="visually-hidden">"Open pipeline by stage"</caption>
            <thead><tr><th scope="col">"Stage"</th><th scope="col" class="num">"Open deals"</th><th scope="col" class="num">"Value"</th></tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
}
