//! The rep's page: one rep's numbers beside their team's average, their open pipeline by stage,
//! their response times and the leads they need to reach their quota.

use super::board::tile;
use crate::charts::card::ChartCard;
use crate::components::export::CsvButton;
use crate::i18n::pages::RepText;
use crate::i18n::{t, tf};
use crate::route::go;
use crate::state::ChartId;
use crate::state::{Dashboard, Page, Shared, ViewSettings, ViewState};
use leptos::prelude::*;
use pipelens_engine::export::{number_cell, rows_csv};
use pipelens_engine::format::local::display_in;
use pipelens_engine::kpi::KpiId;
use pipelens_engine::{aggregates, kpi, Dim};
use std::sync::Arc;

/// Tiles for the rep.
const TILES: [KpiId; 6] = [
    KpiId::Revenue,
    KpiId::QuotaAttainment,
    KpiId::WinRate,
    KpiId::PipelineValue,
    KpiId::LeadResponseTime,
    KpiId::LeadsNeeded,
];

/// How the rep compares with the team on a KPI, in the KPI's direction; empty when equal,
/// unknown or neutral.
fn verdict(def: &kpi::KpiDef, rep: Option<f64>, team: Option<f64>) -> &'static str {
    match (rep, team) {
        (Some(a), Some(b)) if a != b && def.direction != kpi::Direction::Neutral => {
            let better = (a > b) == (def.direction == kpi::Direction::Up);
            t(if better { RepText::Better } else { RepText::Below })
        }
        _ => "",
    }
}

/// The rep's page.
#[component]
pub fn RepPage(
    /// The dashboard (the whole team).
    dashboard: Shared<Dashboard>,
    /// The rep chosen in the address, if any.
    rep: Option<String>,
) -> impl IntoView {
    let view_state = ViewState::expect();
    let reps = aggregates::reps(dashboard.workspace());
    let Some(rep) = rep.filter(|r| reps.contains(r)).or_else(|| reps.first().cloned()) else {
        return view! { <p class="card">{t(RepText::NoOwners)}</p> }.into_any();
    };
    let options =
        reps.iter().map(|r| view! { <option value=r.clone() selected=*r == rep>{r.clone()}</option> }).collect_view();
    let on_pick = move |ev: leptos::ev::Event| go(view_state.page, Page::Rep(Some(event_target_value(&ev))));
    // The rep's own dashboard: the same view with the rep as the owner filter.
    let mine = {
        let view = view_state
            .view
            .with_untracked(|v| ViewSettings { filters: dashboard.scope.filters.with(Dim::Owner, &rep), ..v.clone() });
        Dashboard::compute(dashboard.loaded(), &dashboard.facts, dashboard.scope.currency, &view)
    };
    let Some(mine) = mine.map(|d| Shared(Arc::new(d))) else { return ().into_any() };
    let comparison = aggregates::rep_vs_team(dashboard.workspace(), &dashboard.scope, &rep, &aggregates::REP_KPIS);
    let team = comparison.team.clone();
    // The table as CSV: the same rows, numbers unrounded.
    let csv = {
        let (comparison, rep) = (comparison.clone(), rep.clone());
        move || {
            let header =
                ["KPI", rep.as_str(), t(RepText::TeamAverage), t(RepText::Compared)].map(str::to_owned).to_vec();
            let rows = comparison.rows.iter().filter_map(|r| {
                let def = kpi::find(&r.id)?;
                Some(vec![
                    pipelens_engine::text::kpi_name(def.id, crate::i18n::current()).to_owned(),
                    number_cell(r.rep),
                    number_cell(r.team_average),
                    verdict(def, r.rep, r.team_average).to_owned(),
                ])
            });
            rows_csv(header, rows)
        }
    };
    let rows = comparison
        .rows
        .iter()
        .filter_map(|r| {
            let def = kpi::find(&r.id)?;
            let fmt = |v: Option<f64>| v.map_or("–".to_owned(), |v| display_in(crate::i18n::current(), def.unit, v));
            let verdict = verdict(def, r.rep, r.team_average);
            Some(view! {
                <tr data-row=def.id.as_str()>
                    <th scope="row">{pipelens_engine::text::kpi_name(def.id, crate::i18n::current())}</th>
                    <td class="num" data-col="rep" data-value=r.rep.map(|v| v.to_string()).unwrap_or_default()>{fmt(r.rep)}</td>
                    <td class="num" data-col="team" data-value=r.team_average.map(|v| v.to_string()).unwrap_or_default()>{fmt(r.team_average)}</td>
                    <td class=format!("verdict {}", if verdict == t(RepText::Better) { "good" } else if verdict.is_empty() { "" } else { "bad" })>{verdict}</td>
                </tr>
            })
        })
        .collect_view();
    let tiles = TILES.iter().filter_map(|&id| mine.kpi(id)).map(|k| tile(&mine, k, true)).collect_view();
    let team_note = match &team {
        Some(team) => tf(
            RepText::TeamNote,
            &[
                ("n", comparison.rows.first().map_or(0, |r| r.reps_in_team).to_string()),
                ("team", team.clone()),
                ("rep", rep.clone()),
            ],
        ),
        None => t(RepText::NoTeam).to_owned(),
    };
    let charts = [ChartId::PipelineByStage, ChartId::ResponseHistogram, ChartId::Trend(KpiId::Revenue)]
        .into_iter()
        .map(|id| view! { <ChartCard id=id dashboard=mine.clone() scope=mine.scope.clone()/> })
        .collect_view();
    view! {
        <div class="rep-head">
            <label class="field">
                <span>{t(RepText::Rep)}</span>
                <select data-testid="rep-select" on:change=on_pick>{options}</select>
            </label>
            <p class="lead">{match team.as_deref() {
                Some(team) => tf(RepText::LeadTeam, &[("rep", rep.clone()), ("team", team.to_owned())]),
                None => tf(RepText::LeadAll, &[("rep", rep.clone())]),
            }}</p>
        </div>
        <div class="tiles">{tiles}</div>
        <section class="card" aria-labelledby="vs-team-title">
            <div class="card-head">
                <h3 id="vs-team-title">{tf(RepText::AndTheTeam, &[("rep", rep.clone())])}</h3>
                <CsvButton label=tf(RepText::TableOfRep, &[("rep", rep.clone())]) file=format!("rep-vs-team-{rep}") csv=csv/>
            </div>
            <div class="kpi-table" role="region" aria-label=t(RepText::RepAndTeam) tabindex="0">
                <table data-table="rep-vs-team">
                    <thead><tr><th scope="col">"KPI"</th><th scope="col" class="num">{rep.clone()}</th><th scope="col" class="num">{t(RepText::TeamAverage)}</th><th scope="col">{t(RepText::Compared)}</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <p class="muted small">{team_note}</p>
        </section>
        <section class="charts">{charts}</section>
    }
    .into_any()
}
