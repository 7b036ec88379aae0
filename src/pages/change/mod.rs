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
use crate::load::Loader;
use crate::state::{Dashboard, Shared};
use comparison::Comparison;
use controls::{AsOfDates, WindowPicker};
use forecast::forecast_view;
use history::HistoryView;
use leptos::prelude::*;
use pipelens_engine::change::{
    self, ChangeError, ChangeUnavailable, CompareOptions, Flow, HistorySummary, WindowChoice,
};
use pipelens_engine::forecast_category::ForecastSummary;
use pipelens_engine::format::display;
use pipelens_engine::kpi::Unit;

/// Every English string of the page, in one place (the translations replace these).
mod words {
    pub const LEAD: &str = "What moved in the open pipeline between two exports of the deals, and where deals stall.";
    pub const WATERFALL: &str = "From the earlier export to this one";
    pub const WINDOW: &str = "Close dates";
    pub const ALL: &str = "Whole open pipeline";
    pub const THIS_QUARTER: &str = "This quarter";
    pub const NEXT_QUARTER: &str = "Next quarter";
    pub const CUSTOM: &str = "Custom range";
    pub const FROM: &str = "From";
    pub const TO: &str = "To";
    pub const BAR: &str = "Bar";
    pub const AMOUNT: &str = "Amount";
    pub const DEALS: &str = "Deals";
    pub const SHOW_DEALS: &str = "Show its deals";
    pub const SLIPPED: &str = "Slipped deals";
    pub const MEAN_SLIP: &str = "mean days slipped";
    pub const FORWARD: &str = "Stage moved forward";
    pub const BACK: &str = "Stage moved back";
    pub const MISSING: &str = "New deals created before the earlier export (missing from it)";
    pub const DEAL: &str = "Deal";
    pub const OWNER: &str = "Owner";
    pub const STAGE: &str = "Stage then → now";
    pub const AMOUNTS: &str = "Amount then → now";
    pub const CLOSE: &str = "Close then → now";
    pub const DAYS_SLIPPED: &str = "Days slipped";
    pub const NO_SLIPPED: &str = "No open deal's expected close moved later.";
    pub const HISTORY: &str = "Stage history";
    pub const NO_HISTORY: &str = "Load a stage history (one row per change: deal id, stage, changed at) to see time in stage, conversions, pushes and stalled deals.";
    pub const TIME_IN_STAGE: &str = "Time in stage";
    pub const MEDIAN: &str = "Median days";
    pub const P90: &str = "90th percentile";
    pub const SPELLS: &str = "Spells";
    pub const CONVERSION: &str = "Stage to stage";
    pub const FROM_TO: &str = "From \\ to";
    pub const PUSHES: &str = "Close dates pushed";
    pub const STALLED: &str = "Stalled deals";
    pub const DAYS_IN_STAGE: &str = "Days in stage";
    pub const NO_STALLED: &str = "No open deal is longer in its stage than 9 in 10 deals were.";
    pub const FORECAST: &str = "Weighted pipeline and forecast categories";
    pub const PROBABILITY: &str = "Probability";
    pub const CATEGORY: &str = "Category";
    pub const WEIGHTED: &str = "Weighted";
    pub const WHAT: &str = "What is this?";
    pub const BIAS: &str = "Forecast bias";
    pub const STAGE_NAME: &str = "Stage";
    pub const SWAP: &str = "Swap the two exports";
    pub const EARLIER_DATED: &str = "Earlier export dated";
    pub const LATER_DATED: &str = "This export dated";
}

/// The definitions under "What is this?" (KPI_SPEC_PIPELINE_CHANGE.md, in our words).
const DEFINITIONS: &[(&str, &str)] = &[
    ("Start / End", "The open pipeline (Σ amount of open deals, in the window when one is chosen) at the earlier and at the current export."),
    ("Won", "Open and in scope at the earlier export, won at the current one: its earlier amount."),
    ("Lost", "Open and in scope at the earlier export, lost at the current one or missing from it: its earlier amount."),
    ("Pushed out", "In scope at the earlier export, still open, but its expected close left the window."),
    ("New", "Absent from the earlier export, in scope at the current one: its current amount."),
    ("Pulled in", "In the earlier export but out of scope there (its close was outside the window), in scope now."),
    ("Amount increased / decreased", "In scope at both: the rise or fall of its amount."),
    ("Each deal counts once", "The first rule that fits decides (won, lost, pushed out, new, pulled in, changed amount), so start + inflows − outflows = end exactly."),
    ("Slipped", "Open at both exports, its expected close moved later (counted beside the bars)."),
    ("Time in stage", "From the first change into a stage to the next change into another stage; the median and 90th percentile per stage over finished spells."),
    ("Stalled", "Open deals whose current stay in their stage is longer than that stage's 90th percentile."),
    ("Weighted pipeline", "Σ amount × probability of the open deals; the probability of a stage is its default until you set one."),
    ("Commit / Best case", "Commit = won in the period + open Commit deals closing in it; Best case adds the open Best case deals."),
    ("Forecast bias", "The mean over the forecast periods of (actual − forecast) / actual: positive when the forecasts were too low."),
];

/// The page.
#[component]
pub fn ChangePage(
    /// The dashboard: its workspace, filters and currency.
    dashboard: Shared<Dashboard>,
) -> impl IntoView {
    let window = RwSignal::new(WindowChoice::All);
    let custom = RwSignal::new((String::new(), String::new()));
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
        <p class="lead">{words::LEAD}</p>
        <SnapshotHint/>
        <AsOfDates dashboard=dashboard.clone()/>
        <WindowPicker window=window custom=custom/>
        {body}
        <HistoryView history=history/>
        {forecast.map(|f| forecast_view(&f))}
        <details class="card what" data-testid="what-is-this">
            <summary>{words::WHAT}</summary>
            <dl>{DEFINITIONS.iter().map(|(t, d)| view! { <dt>{*t}</dt><dd>{*d}</dd> }).collect_view()}</dl>
        </details>
    }
}

/// Why there is nothing to compare, in a card; exports in the wrong order can be swapped.
fn unavailable(why: &ChangeUnavailable) -> AnyView {
    let swap = matches!(why, ChangeUnavailable::Change(ChangeError::NotEarlier { .. })).then(|| {
        let loader = Loader::expect();
        view! { <button class="button small" data-testid="swap-exports" on:click=move |_| loader.swap_snapshots()>{words::SWAP}</button> }
    });
    view! { <p class="card" data-testid="change-unavailable" role="status">{why.to_string()} " " {swap}</p> }.into_any()
}

/// An amount as the tiles show it.
fn money(v: f64) -> String {
    display(Unit::Currency, v)
}

/// A bar's amount with the way it goes: `+12,000` in, `−8,000` out, totals plain.
fn signed(flow: Flow, v: f64) -> String {
    match flow.sign() {
        s if s > 0 => format!("+{}", money(v)),
        s if s < 0 => format!("−{}", money(v)),
        _ => money(v),
    }
}
