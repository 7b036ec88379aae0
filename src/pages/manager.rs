//! The manager's page: every rep (or team) in one table against quota with pacing, the share of
//! reps at quota, outliers and the leads needed to reach the target.

use super::board::{Charts, Tiles};
use crate::components::export::CsvButton;
use crate::components::kpi_table::{more_rows, SHOWN_ROWS};
use crate::i18n::pages::Manager;
use crate::i18n::{engine_words, t, tf};
use crate::state::ChartId;
use crate::state::{DashState, Dashboard, Shared, ViewState};
use leptos::prelude::*;
use pipelens_engine::export::{number_cell, rows_csv};
use pipelens_engine::format::local::display_in;
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
        <p class="lead">{t(Manager::Lead)}</p>
        <Tiles dashboard=dashboard.clone() ids=TILES.to_vec()/>
        <section class="card people" aria-labelledby="people-title">
            <div class="card-head">
                <h3 id="people-title">{move || t(if by.get() == Dim::Owner { Manager::Reps } else { Manager::Teams })}</h3>
                <div class="card-tools">
                    <div class="segmented" role="group" aria-label=t(Manager::Rows)>
                        <button class="button small" aria-pressed=move || (by.get() == Dim::Owner).to_string() data-testid="people-by-owner" on:click=move |_| by.set(Dim::Owner)>{t(Manager::ByRep)}</button>
                        <button class="button small" aria-pressed=move || (by.get() == Dim::Team).to_string() data-testid="people-by-team" on:click=move |_| by.set(Dim::Team)>{t(Manager::ByTeam)}</button>
                    </div>
                    {let d = dashboard.clone(); move || {
                        let (d, by) = (d.clone(), by.get());
                        let label = t(if by == Dim::Owner { Manager::RepsTable } else { Manager::TeamsTable });
                        view! { <CsvButton label=label file=format!("people-{}", by.field()) csv=move || people_csv(&d, by)/> }
                    }}
                </div>
            </div>
            // In a task of its own on the first page of big data: a table of thousands of reps is
            // worked out over every deal.
            {let (d, ready) = (dashboard.clone(), DashState::expect().in_own_task());
             move || ready.get().then(|| view! { <PeopleTable dashboard=d.clone() by=by.get()/> })}
        </section>
        <Charts dashboard=dashboard ids=vec![ChartId::AttainmentByRep, ChartId::Pacing, ChartId::Trend(KpiId::RevenuePerRep)]/>
    }
}

/// Columns of the people table: key, header, unit.
const COLUMNS: [(&str, Manager, Unit); 10] = [
    ("revenue", Manager::Revenue, Unit::Currency),
    ("quota", Manager::Quota, Unit::Currency),
    ("attainment", Manager::Attainment, Unit::Percent),
    ("projected", Manager::OnPaceFor, Unit::Percent),
    ("win_rate", Manager::WinRate, Unit::Percent),
    ("avg_deal_size", Manager::AvgDeal, Unit::Currency),
    ("avg_deal_size_vs_team", Manager::AvgDealVsTeam, Unit::Ratio),
    ("cycle_days", Manager::Cycle, Unit::Days),
    ("activities", Manager::Activities, Unit::Count),
    ("response_minutes", Manager::Response, Unit::Minutes),
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
    let table = dashboard.people(by);
    let paced = table.elapsed < 1.0;
    let columns: Vec<_> = COLUMNS.iter().filter(|c| paced || c.0 != "projected").collect();
    let header =
        std::iter::once(engine_words::dim(by).to_owned()).chain(columns.iter().map(|c| t(c.1).to_owned())).collect();
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
    let table = dashboard.people(by);
    if table.rows.is_empty() {
        return view! { <p class="muted">{tf(Manager::NoSegment, &[("dim", engine_words::dim(by).to_owned())])}</p> }
            .into_any();
    }
    let paced = table.elapsed < 1.0;
    let head = COLUMNS
        .iter()
        .filter(|c| paced || c.0 != "projected")
        .map(|(_, h, _)| view! { <th scope="col" class="num">{t(*h)}</th> })
        .collect_view();
    let rows = table
        .rows
        .iter()
        .take(SHOWN_ROWS)
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
                            {v.map_or("–".to_owned(), |v| display_in(crate::i18n::current(), unit, v))}
                            {(flag == "at").then(|| view! { <span class="tag">{t(Manager::AtQuota)}</span> })}
                        </td>
                    }
                })
                .collect_view();
            let segment = r.segment.clone();
            let label = r.segment.clone();
            view! {
                <tr data-row=r.segment.clone()>
                    <th scope="row"><button class="link" title=tf(Manager::ShowOnly, &[("name", r.segment.clone())]) on:click=move |_| settings.update(|v| v.drill(by, &segment))>{label}</button></th>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    let note = paced
        .then(|| tf(Manager::Paced, &[("share", display_in(crate::i18n::current(), Unit::Percent, table.elapsed))]));
    view! {
        <div class="kpi-table" role="region" aria-label=tf(Manager::TableOf, &[("dim", engine_words::dim(by).to_owned())]) tabindex="0">
            <table data-table=format!("people-{}", by.field())>
                <thead><tr><th scope="col">{engine_words::dim(by)}</th>{head}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        {more_rows(table.rows.len(), SHOWN_ROWS)}
        {note.map(|n| view! { <p class="muted small">{n}</p> })}
    }
    .into_any()
}
