//! The manager's page: every rep (or team) in one table against quota with pacing, the share of
//! reps at quota, outliers and the leads needed to reach the target.

use super::board::{Charts, Tiles};
use crate::components::export::CsvButton;
use crate::state::ChartId;
use crate::state::{Dashboard, Shared, ViewState};
use leptos::prelude::*;
use pipelens_engine::export::{number_cell, rows_csv};
use pipelens_engine::format::display;
use pipelens_engine::kpi::{KpiId, Unit};
use pipelens_engine::{aggregates, Dim};

const TILES: [KpiId; 7] = [
    KpiId::QuotaAttainment,
    KpiId::Revenue,
    KpiId::RevenuePerRep,
    KpiId::WinRate,
    KpiId::AvgDealSize,
    KpiId::LeadsNeeded,
    KpiId::DealSizeOutliers,
];

/// The manager's page.
#[component]
pub fn ManagerPage(
    /// The dashboard.
    dashboard: Shared<Dashboard>,
) -> impl IntoView {
    let by = RwSignal::new(Dim::Owner);
    view! {
        <p class="lead">"Who is on track, who needs help, and is the target itself realistic?"</p>
        <Tiles dashboard=dashboard.clone() ids=TILES.to_vec()/>
        <section class="card people" aria-labelledby="people-title">
            <div class="card-head">
                <h3 id="people-title">{move || if by.get() == Dim::Owner { "Reps" } else { "Teams" }}</h3>
                <div class="card-tools">
                    <div class="segmented" role="group" aria-label="Rows">
                        <button class="button small" aria-pressed=move || (by.get() == Dim::Owner).to_string() data-testid="people-by-owner" on:click=move |_| by.set(Dim::Owner)>"By rep"</button>
                        <button class="button small" aria-pressed=move || (by.get() == Dim::Team).to_string() data-testid="people-by-team" on:click=move |_| by.set(Dim::Team)>"By team"</button>
                    </div>
                    {let d = dashboard.clone(); move || {
                        let (d, by) = (d.clone(), by.get());
                        let label = if by == Dim::Owner { "the reps table" } else { "the teams table" };
                        view! { <CsvButton label=label file=format!("people-{}", by.field()) csv=move || people_csv(&d, by)/> }
                    }}
                </div>
            </div>
            {let d = dashboard.clone(); move || view! { <PeopleTable dashboard=d.clone() by=by.get()/> }}
        </section>
        <Charts dashboard=dashboard ids=vec![ChartId::AttainmentByRep, ChartId::Pacing, ChartId::Trend(KpiId::RevenuePerRep)]/>
    }
}

/// Columns of the people table: key, header, unit.
const COLUMNS: [(&str, &str, Unit); 10] = [
    ("revenue", "Revenue", Unit::Currency),
    ("quota", "Quota", Unit::Currency),
    ("attainment", "Attainment", Unit::Percent),
    ("projected", "On pace for", Unit::Percent),
    ("win_rate", "Win rate", Unit::Percent),
    ("avg_deal_size", "Avg deal", Unit::Currency),
    ("avg_deal_size_vs_team", "Avg deal vs team", Unit::Ratio),
    ("cycle_days", "Cycle", Unit::Days),
    ("activities", "Activities", Unit::Count),
    ("response_minutes", "Response (median)", Unit::Minutes),
];

fn cell(r: &aggregates::PersonRow, key: &str) -> Option<f64> {
    match key {
        "revenue" => r.revenue,
        "quota" => r.quota,
        "attainment" => r.attainment,
        "projected" => r.projected,
        "win_rate" => r.win_rate,
        "avg_deal_size" => r.avg_deal_size,
        "avg_deal_size_vs_team" => r.avg_deal_size_vs_team,
        "cycle_days" => r.cycle_days,
        "activities" => r.activities,
        "response_minutes" => r.response_minutes,
        _ => None,
    }
}

/// The people table as CSV: the columns on screen, numbers unrounded.
fn people_csv(dashboard: &Dashboard, by: Dim) -> String {
    let table = aggregates::people(dashboard.workspace(), &dashboard.scope, by);
    let paced = table.elapsed < 1.0;
    let columns: Vec<_> = COLUMNS.iter().filter(|c| paced || c.0 != "projected").collect();
    let header = std::iter::once(by.title().to_owned()).chain(columns.iter().map(|c| c.1.to_owned())).collect();
    let rows = table
        .rows
        .iter()
        .map(|r| std::iter::once(r.segment.clone()).chain(columns.iter().map(|c| number_cell(cell(r, c.0)))).collect());
    rows_csv(header, rows)
}

/// One row per rep or team; a row's name drills down to it.
#[component]
fn PeopleTable(dashboard: Shared<Dashboard>, by: Dim) -> impl IntoView {
    let settings = ViewState::expect().view;
    let table = aggregates::people(dashboard.workspace(), &dashboard.scope, by);
    if table.rows.is_empty() {
        return view! { <p class="muted">{format!("The data has no {}.", by.label())}</p> }.into_any();
    }
    let paced = table.elapsed < 1.0;
    let head = COLUMNS
        .iter()
        .filter(|c| paced || c.0 != "projected")
        .map(|(_, h, _)| view! { <th scope="col" class="num">{*h}</th> })
        .collect_view();
    let rows = table
        .rows
        .iter()
        .map(|r| {
            let cells = COLUMNS
                .iter()
                .filter(|c| paced || c.0 != "projected")
                .map(|&(key, _, unit)| {
                    let v = cell(r, key);
                    let flag = match (key, v) {
                        ("attainment", Some(a)) if a >= 1.0 => "at",
                        ("attainment", Some(_)) => "under",
                        _ => "",
                    };
                    view! {
                        <td class=format!("num {flag}") data-col=key data-value=v.map(|v| v.to_string()).unwrap_or_default()>
                            {v.map_or("–".to_owned(), |v| display(unit, v))}
                            {(flag == "at").then(|| view! { <span class="tag">" ✓ at quota"</span> })}
                        </td>
                    }
                })
                .collect_view();
            let segment = r.segment.clone();
            let label = r.segment.clone();
            view! {
                <tr data-row=r.segment.clone()>
                    <th scope="row"><button class="link" title=format!("Show only {}", r.segment) on:click=move |_| settings.update(|v| v.drill(by, &segment))>{label}</button></th>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    let note = paced.then(|| {
        format!(
            "{} of the period has passed by the data's latest day: “On pace for” is attainment divided by that share.",
            display(Unit::Percent, table.elapsed)
        )
    });
    view! {
        <div class="kpi-table" role="region" aria-label=format!("{} table", by.title().to_owned()) tabindex="0">
            <table data-table=format!("people-{}", by.field())>
                <thead><tr><th scope="col">{by.title().to_owned()}</th>{head}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        {note.map(|n| view! { <p class="muted small">{n}</p> })}
    }
    .into_any()
}
