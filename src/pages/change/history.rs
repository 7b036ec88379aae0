//! The stage-history KPIs: time in stage per stage, the stage-to-stage matrix, pushes and
//! stalled deals.

use crate::i18n::change::Change as W;
use crate::i18n::{current, t};
use leptos::prelude::*;
use pipelens_engine::change::HistorySummary;
use pipelens_engine::format::local::{display_in, number};
use pipelens_engine::kpi::Unit;

/// The stage-history KPIs, or how to get them.
#[component]
pub(super) fn HistoryView(history: Option<HistorySummary>) -> impl IntoView {
    let Some(h) = history else {
        return view! { <section class="card" data-testid="history"><h3>{t(W::History)}</h3><p class="muted">{t(W::NoHistory)}</p></section> }.into_any();
    };
    let lang = current();
    let days = move |v: Option<f64>| v.map_or("–".to_owned(), |v| display_in(lang, Unit::Days, v));
    // A count as the language writes it (`5.736`, `5736`, `5,736`); the hooks keep the plain number.
    let whole = move |n: f64| number(lang, n, 0);
    let stages = h
        .time_in_stage
        .iter()
        .map(|s| {
            let attr = |v: Option<f64>| v.map(|v| v.to_string()).unwrap_or_default();
            view! {
                <tr data-stage=s.stage.clone() data-median-days=attr(s.median_days) data-p90-days=attr(s.p90_days)>
                    <th scope="row">{s.stage.clone()}</th>
                    <td class="num">{days(s.median_days)}</td>
                    <td class="num">{days(s.p90_days)}</td>
                    <td class="num">{whole(s.spells as f64)}</td>
                </tr>
            }
        })
        .collect_view();
    let m = &h.conversion;
    let head = m.stages.iter().map(|s| view! { <th scope="col" class="num">{s.clone()}</th> }).collect_view();
    let matrix = m
        .stages
        .iter()
        .zip(&m.counts)
        .map(|(from, row)| {
            let cells = row
                .iter()
                .zip(&m.stages)
                .map(|(n, to)| view! { <td class="num" data-to=to.clone() data-count=n.to_string()>{whole(*n as f64)}</td> })
                .collect_view();
            view! { <tr data-from=from.clone()><th scope="row">{from.clone()}</th>{cells}</tr> }
        })
        .collect_view();
    let stalled = if h.stalled_deals.is_empty() {
        view! { <p class="muted">{t(W::NoStalled)}</p> }.into_any()
    } else {
        let rows = h
            .stalled_deals
            .iter()
            .take(200)
            .map(|s| {
                view! {
                    <tr data-deal=s.deal_id.clone()>
                        <th scope="row">{s.deal_id.clone()}</th><td>{s.stage.clone()}</td>
                        <td class="num">{whole(s.days as f64)}</td><td class="num">{days(Some(s.p90_days))}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <div class="kpi-table" role="region" aria-label=t(W::Stalled) tabindex="0">
                <table data-table="stalled">
                    <thead><tr><th scope="col">{t(W::Deal)}</th><th scope="col">{t(W::StageName)}</th><th scope="col" class="num">{t(W::DaysInStage)}</th><th scope="col" class="num">{t(W::P90)}</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
        .into_any()
    };
    let total = h.time_in_stage_days.map(|v| v.to_string()).unwrap_or_default();
    view! {
        <section class="card" data-testid="history">
            <div class="card-head"><h3>{t(W::History)}</h3></div>
            <div class="tiles">
                <article class="tile"><h3 class="tile-name">{t(W::TimeInStage)}</h3>
                    <p class="tile-value" data-kpi="time_in_stage" data-value=total>{days(h.time_in_stage_days)}</p></article>
                <article class="tile"><h3 class="tile-name">{t(W::Stalled)}</h3>
                    <p class="tile-value" data-kpi="stalled_deals" data-value=h.stalled.to_string()>{whole(h.stalled as f64)}</p></article>
                <article class="tile"><h3 class="tile-name">{t(W::Pushes)}</h3>
                    <p class="tile-value" data-kpi="pushes" data-value=h.pushes.to_string()>{whole(h.pushes as f64)}</p></article>
            </div>
            <h4>{t(W::TimeInStage)}</h4>
            <div class="kpi-table" role="region" aria-label=t(W::TimeInStage) tabindex="0">
                <table data-table="time-in-stage">
                    <thead><tr><th scope="col">{t(W::StageName)}</th><th scope="col" class="num">{t(W::Median)}</th><th scope="col" class="num">{t(W::P90)}</th><th scope="col" class="num">{t(W::Spells)}</th></tr></thead>
                    <tbody>{stages}</tbody>
                </table>
            </div>
            <h4>{t(W::Conversion)}</h4>
            <div class="kpi-table" role="region" aria-label=t(W::Conversion) tabindex="0">
                <table data-table="stage-conversion">
                    <thead><tr><th scope="col">{t(W::FromTo)}</th>{head}</tr></thead>
                    <tbody>{matrix}</tbody>
                </table>
            </div>
            <h4>{t(W::Stalled)}</h4>
            {stalled}
        </section>
    }
    .into_any()
}
