//! The Pipeline change page (issue 19): the waterfall from the open pipeline of an earlier
//! export of the deals to the current one, its bars' deals, the slipped deals, and beside it
//! the stage history (time in stage, conversions, pushes, stalled deals), the weighted
//! pipeline and the forecast-category roll-ups. The figures come from the engine
//! (`pipelens_engine::change`, `forecast_category`); these files only lay them out: the page
//! and its words here, the controls, the comparison, the history and the forecast apart.

mod comparison;
mod controls;
mod forecast;
mod history;

use crate::components::snapshot_hint::SnapshotHint;
use crate::i18n::change::{Change as W, Definition, Term};
use crate::i18n::t;
use crate::load::Loader;
use crate::state::{Dashboard, Shared};
use comparison::Comparison;
use controls::{AsOfDates, WindowPicker};
use forecast::forecast_view;
use history::HistoryView;
use leptos::prelude::*;
use pipelens_engine::change::{self, ChangeError, ChangeUnavailable, CompareOptions, Flow, HistorySummary};
use pipelens_engine::forecast_category::ForecastSummary;
use pipelens_engine::format::local::display_in;
use pipelens_engine::kpi::Unit;

/// The page.
#[component]
pub fn ChangePage(
    /// The dashboard: its workspace, filters and currency.
    dashboard: Shared<Dashboard>,
) -> impl IntoView {
    // The window is a view setting: share links and remembered views carry it.
    let view = crate::state::ViewState::expect().view;
    let window = Memo::new(move |_| view.with(|v| v.change_window));
    let picked = RwSignal::new(None::<Flow>);
    let d = dashboard.clone();
    let result = Memo::new(move |_| {
        let ws = d.workspace();
        let later = ws.as_of.later.or_else(|| ws.deals.as_ref().and_then(change::snapshot_as_of));
        let currency = d.scope.currency.and_then(|c| ws.deals.as_ref()?.currency.as_ref()?.value(c).map(str::to_owned));
        let choice = window.get();
        let opts = CompareOptions {
            window: later.and_then(|day| choice.resolve(day)),
            currency,
            filters: d.scope.filters.clone(),
            ..CompareOptions::default()
        };
        change::compare_workspace(ws, &opts)
    });
    let history = HistorySummary::of_workspace(dashboard.workspace(), &dashboard.scope.filters);
    let forecast = ForecastSummary::of_workspace(dashboard.workspace(), &dashboard.scope);
    let body = move || match result.get() {
        Ok(c) => view! { <Comparison change=c picked=picked/> }.into_any(),
        Err(why) => unavailable(&why),
    };
    view! {
        <p class="lead">{t(W::Lead)}</p>
        <SnapshotHint/>
        <AsOfDates dashboard=dashboard.clone()/>
        <WindowPicker view=view/>
        {body}
        <HistoryView history=history/>
        {forecast.map(|f| forecast_view(&f))}
        <details class="card what" data-testid="what-is-this">
            <summary>{t(W::What)}</summary>
            <dl>{Term::ALL.iter().zip(Definition::ALL).map(|(&term, &def)| view! { <dt>{t(term)}</dt><dd>{t(def)}</dd> }).collect_view()}</dl>
        </details>
    }
}

/// Why there is nothing to compare, in a card; exports in the wrong order can be swapped.
fn unavailable(why: &ChangeUnavailable) -> AnyView {
    let swap = matches!(why, ChangeUnavailable::Change(ChangeError::NotEarlier { .. })).then(|| {
        let loader = Loader::expect();
        view! { <button class="button small" data-testid="swap-exports" on:click=move |_| loader.swap_snapshots()>{t(W::Swap)}</button> }
    });
    view! { <p class="card" data-testid="change-unavailable" role="status">{crate::i18n::change::unavailable_text(why, crate::i18n::current())} " " {swap}</p> }.into_any()
}

/// An amount as the tiles show it.
fn money(v: f64) -> String {
    display_in(crate::i18n::current(), Unit::Currency, v)
}

/// A bar's amount with the way it goes: `+12,000` in, `−8,000` out, totals plain, and an empty
/// bar a plain `0` (not `+0.00`).
fn signed(flow: Flow, v: f64) -> String {
    if v.abs() < 0.005 {
        return "0".to_owned();
    }
    match flow.sign() {
        s if s > 0 => format!("+{}", money(v)),
        s if s < 0 => format!("−{}", money(v)),
        _ => money(v),
    }
}
