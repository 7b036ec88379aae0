//! The Pipeline change page (issue 19): the waterfall from the open pipeline of an earlier
//! export of the deals to the current one, its bars' deals, the slipped deals, and beside it
//! the stage history (time in stage, conversions, pushes, stalled deals), the weighted
//! pipeline and the forecast-category roll-ups. The figures come from the engine
//! (`pipelens_engine::change`, `forecast_category`); this file only lays them out.

use crate::charts::canvas::ChartCanvas;
use crate::charts::waterfall::{draw_waterfall, Step, WaterfallBar};
use crate::components::export::CsvButton;
use crate::components::snapshot_hint::SnapshotHint;
use crate::load::Loader;
use crate::state::{Dashboard, Shared};
use leptos::prelude::*;
use pipelens_engine::change::{
    self, ChangeError, ChangeSummary, ChangeUnavailable, CompareOptions, DealRow, Flow, HistorySummary, PipelineChange,
    WindowChoice,
};
use pipelens_engine::forecast_category::ForecastSummary;
use pipelens_engine::format::display;
use pipelens_engine::kpi::Unit;
use pipelens_engine::{AsOf, Day, Period};

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

/// The two exports' as-of dates, read off the data or typed (typing one overrides the data).
#[component]
fn AsOfDates(dashboard: Shared<Dashboard>) -> impl IntoView {
    let ws = dashboard.workspace();
    let typed = ws.as_of;
    let read = |d: Option<&pipelens_engine::DealsTable>| d.and_then(change::snapshot_as_of);
    let shown = |t: Option<Day>, r: Option<Day>| t.or(r).map(|d| d.to_string()).unwrap_or_default();
    let (earlier, later) =
        (shown(typed.earlier, read(ws.earlier.as_ref())), shown(typed.later, read(ws.deals.as_ref())));
    let loader = Loader::expect();
    let set = move |which: &'static str, value: String| {
        let day = Day::parse_iso(&value);
        let as_of = match which {
            "earlier" => AsOf { earlier: day, ..typed },
            _ => AsOf { later: day, ..typed },
        };
        loader.set_as_of(as_of);
    };
    view! {
        <div class="change-dates">
            <label class="field"><span>{words::EARLIER_DATED}</span>
                <input type="date" data-testid="as-of-earlier" value=earlier on:change=move |ev| set("earlier", event_target_value(&ev))/></label>
            <label class="field"><span>{words::LATER_DATED}</span>
                <input type="date" data-testid="as-of-later" value=later on:change=move |ev| set("later", event_target_value(&ev))/></label>
        </div>
    }
}

/// The close-date window: the whole pipeline, this or next quarter, or a custom range.
#[component]
fn WindowPicker(window: RwSignal<WindowChoice>, custom: RwSignal<(String, String)>) -> impl IntoView {
    let apply_custom = move || {
        let (from, to) = custom.get_untracked();
        if let (Some(f), Some(t)) = (Day::parse_iso(&from), Day::parse_iso(&to)) {
            if let Some(p) = Period::new(f.min(t), f.max(t)) {
                window.set(WindowChoice::Custom(p));
            }
        }
    };
    // The custom range applies once both dates are typed; until then the whole pipeline shows.
    let custom_mode = RwSignal::new(false);
    let on_pick = move |ev: leptos::ev::Event| {
        let mode = event_target_value(&ev);
        custom_mode.set(mode == "custom");
        match mode.as_str() {
            "this" => window.set(WindowChoice::ThisQuarter),
            "next" => window.set(WindowChoice::NextQuarter),
            "custom" => {
                window.set(WindowChoice::All);
                apply_custom();
            }
            _ => window.set(WindowChoice::All),
        }
    };
    let is_custom = move || custom_mode.get();
    let on_from = move |ev: leptos::ev::Event| {
        custom.update(|c| c.0 = event_target_value(&ev));
        apply_custom();
    };
    let on_to = move |ev: leptos::ev::Event| {
        custom.update(|c| c.1 = event_target_value(&ev));
        apply_custom();
    };
    view! {
        <div class="change-window">
            <label class="field">
                <span>{words::WINDOW}</span>
                <select data-testid="change-window" on:change=on_pick>
                    <option value="all" selected=true>{words::ALL}</option>
                    <option value="this">{words::THIS_QUARTER}</option>
                    <option value="next">{words::NEXT_QUARTER}</option>
                    <option value="custom">{words::CUSTOM}</option>
                </select>
            </label>
            <Show when=is_custom>
                <label class="field"><span>{words::FROM}</span><input type="date" data-testid="change-from" on:change=on_from/></label>
                <label class="field"><span>{words::TO}</span><input type="date" data-testid="change-to" on:change=on_to/></label>
            </Show>
        </div>
    }
}

/// The waterfall, its table, the counts beside it, the drill-down and the slipped deals.
#[component]
fn Comparison(change: PipelineChange, picked: RwSignal<Option<Flow>>) -> impl IntoView {
    let summary = ChangeSummary::of(&change);
    let bars: Vec<WaterfallBar> = summary
        .bars
        .iter()
        .map(|b| WaterfallBar {
            id: b.flow.id().to_owned(),
            label: b.label.to_owned(),
            value: b.value,
            count: b.count,
            step: match b.flow.sign() {
                0 => Step::Total,
                s if s > 0 => Step::Up,
                _ => Step::Down,
            },
        })
        .collect();
    let alt = format!(
        "Waterfall from {} to {}: {}",
        summary.as_of_earlier,
        summary.as_of_later,
        summary.bars.iter().map(|b| format!("{} {}", b.label, money(b.value))).collect::<Vec<_>>().join(", ")
    );
    let draw = move |area: &_, style: &_| draw_waterfall(area, &bars, Unit::Currency, style).unwrap_or_default();
    let on_drill = Callback::new(move |id: String| picked.set(Flow::from_id(&id)));
    let rows = summary
        .bars
        .iter()
        .map(|b| {
            let flow = b.flow;
            view! {
                <tr data-flow=flow.id() data-value=b.value.to_string() data-count=b.count.to_string()>
                    <th scope="row"><button class="link" data-drill=flow.id() title=words::SHOW_DEALS on:click=move |_| picked.set(Some(flow))>{b.label}</button></th>
                    <td class="num">{signed(flow, b.value)}</td>
                    <td class="num">{b.count.to_string()}</td>
                </tr>
            }
        })
        .collect_view();
    let slip = summary.mean_days_slipped.map_or(String::new(), |m| format!(" ({m:.1} {})", words::MEAN_SLIP));
    let beside = [
        ("slipped", words::SLIPPED, summary.slipped, slip),
        ("stage_forward", words::FORWARD, summary.stage_forward, String::new()),
        ("stage_back", words::BACK, summary.stage_back, String::new()),
        ("missing_from_earlier", words::MISSING, summary.missing_from_earlier, String::new()),
    ]
    .into_iter()
    .map(|(id, label, n, extra)| view! { <li data-beside=id data-count=n.to_string()>{format!("{label}: {n}{extra}")}</li> })
    .collect_view();
    let headline =
        format!("{}{}", if summary.pipeline_change >= 0.0 { "+" } else { "−" }, money(summary.pipeline_change.abs()));
    let dates = format!("{} → {}", summary.as_of_earlier, summary.as_of_later);
    let window_note = summary.window.map(|[f, t]| format!(" · expected close {f} – {t}"));
    let drill = move || {
        picked.get().map(|flow| {
            let rows = change::drill_down(&change, flow);
            let csv = {
                let rows = rows.clone();
                move || change::deals_csv(&rows)
            };
            view! {
                <section class="card" data-testid="drill" data-flow=flow.id()>
                    <div class="card-head">
                        <h3>{format!("{} · {}", flow.label(), rows.len())}</h3>
                        <CsvButton label=format!("the deals of {}", flow.label()) file=format!("pipeline-change-{}", flow.id()) csv=csv/>
                    </div>
                    {deal_table(&rows, false)}
                </section>
            }
        })
    };
    let slipped = summary.slipped_deals.clone();
    let bars_csv = {
        let summary = summary.clone();
        move || summary.bars_csv()
    };
    let slipped_csv = {
        let rows = slipped.clone();
        move || change::deals_csv(&rows)
    };
    view! {
        <div class="tiles">
            <article class="tile">
                <h3 class="tile-name">"Pipeline change"</h3>
                <p class="tile-value" data-kpi="pipeline_change" data-value=summary.pipeline_change.to_string()>{headline}</p>
                <p class="muted small">{dates}</p>
            </article>
            <article class="tile">
                <h3 class="tile-name">{words::SLIPPED}</h3>
                <p class="tile-value" data-kpi="slipped_deals" data-value=summary.slipped.to_string()>{summary.slipped.to_string()}</p>
            </article>
        </div>
        <figure class="card chart" data-chart="pipeline_change" aria-labelledby="chart-pipeline-change">
            <figcaption>
                <div class="chart-head">
                    <h3 id="chart-pipeline-change">{words::WATERFALL}</h3>
                    <CsvButton label=words::WATERFALL file="pipeline-change" csv=bars_csv/>
                </div>
                <p class="muted small">{window_note}</p>
            </figcaption>
            <ChartCanvas summary=alt draw=draw on_drill=on_drill/>
            <div class="kpi-table" role="region" aria-label=words::WATERFALL tabindex="0">
                <table data-table="waterfall">
                    <thead><tr><th scope="col">{words::BAR}</th><th scope="col" class="num">{words::AMOUNT}</th><th scope="col" class="num">{words::DEALS}</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <ul class="beside">{beside}</ul>
        </figure>
        {drill}
        <section class="card" data-testid="slipped">
            <div class="card-head"><h3>{words::SLIPPED}</h3><CsvButton label=words::SLIPPED file="slipped-deals" csv=slipped_csv/></div>
            {if slipped.is_empty() { view! { <p class="muted">{words::NO_SLIPPED}</p> }.into_any() } else { deal_table(&slipped, true) }}
        </section>
    }
}

/// A deals table: then → now per deal; with `slipped`, the days slipped too.
fn deal_table(rows: &[DealRow], slipped: bool) -> AnyView {
    let pair = |a: Option<String>, b: Option<String>| {
        format!("{} → {}", a.unwrap_or_else(|| "–".into()), b.unwrap_or_else(|| "–".into()))
    };
    let body = rows
        .iter()
        .map(|r| {
            let amounts = pair(r.amount_then.map(money), r.amount_now.map(money));
            let closes = pair(r.close_then.map(|d| d.to_string()), r.close_now.map(|d| d.to_string()));
            let days = slipped.then(|| view! { <td class="num">{r.slipped_days.map_or(String::new(), |d| d.to_string())}</td> });
            view! {
                <tr data-deal=r.deal_id.clone() data-slipped-days=r.slipped_days.map(|d| d.to_string()).unwrap_or_default()>
                    <th scope="row">{r.deal_id.clone()}</th>
                    <td>{r.owner.clone().unwrap_or_default()}</td>
                    <td>{pair(r.stage_then.clone(), r.stage_now.clone())}</td>
                    <td class="num">{amounts}</td>
                    <td>{closes}</td>
                    {days}
                </tr>
            }
        })
        .collect_view();
    let days_head = slipped.then(|| view! { <th scope="col" class="num">{words::DAYS_SLIPPED}</th> });
    view! {
        <div class="kpi-table" role="region" aria-label=words::DEALS tabindex="0">
            <table data-table=if slipped { "slipped" } else { "drill" }>
                <thead><tr>
                    <th scope="col">{words::DEAL}</th><th scope="col">{words::OWNER}</th><th scope="col">{words::STAGE}</th>
                    <th scope="col" class="num">{words::AMOUNTS}</th><th scope="col">{words::CLOSE}</th>{days_head}
                </tr></thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
    .into_any()
}

/// The stage-history KPIs, or how to get them.
#[component]
fn HistoryView(history: Option<HistorySummary>) -> impl IntoView {
    let Some(h) = history else {
        return view! { <section class="card" data-testid="history"><h3>{words::HISTORY}</h3><p class="muted">{words::NO_HISTORY}</p></section> }.into_any();
    };
    let days = |v: Option<f64>| v.map_or("–".to_owned(), |v| display(Unit::Days, v));
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
                    <td class="num">{s.spells.to_string()}</td>
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
                .map(|(n, to)| view! { <td class="num" data-to=to.clone() data-count=n.to_string()>{n.to_string()}</td> })
                .collect_view();
            view! { <tr data-from=from.clone()><th scope="row">{from.clone()}</th>{cells}</tr> }
        })
        .collect_view();
    let stalled = if h.stalled_deals.is_empty() {
        view! { <p class="muted">{words::NO_STALLED}</p> }.into_any()
    } else {
        let rows = h
            .stalled_deals
            .iter()
            .take(200)
            .map(|s| {
                view! {
                    <tr data-deal=s.deal_id.clone()>
                        <th scope="row">{s.deal_id.clone()}</th><td>{s.stage.clone()}</td>
                        <td class="num">{s.days.to_string()}</td><td class="num">{days(Some(s.p90_days))}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <div class="kpi-table" role="region" aria-label=words::STALLED tabindex="0">
                <table data-table="stalled">
                    <thead><tr><th scope="col">{words::DEAL}</th><th scope="col">{words::STAGE_NAME}</th><th scope="col" class="num">{words::DAYS_IN_STAGE}</th><th scope="col" class="num">{words::P90}</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
        .into_any()
    };
    let total = h.time_in_stage_days.map(|v| v.to_string()).unwrap_or_default();
    view! {
        <section class="card" data-testid="history">
            <div class="card-head"><h3>{words::HISTORY}</h3></div>
            <div class="tiles">
                <article class="tile"><h3 class="tile-name">{words::TIME_IN_STAGE}</h3>
                    <p class="tile-value" data-kpi="time_in_stage" data-value=total>{days(h.time_in_stage_days)}</p></article>
                <article class="tile"><h3 class="tile-name">{words::STALLED}</h3>
                    <p class="tile-value" data-kpi="stalled_deals" data-value=h.stalled.to_string()>{h.stalled.to_string()}</p></article>
                <article class="tile"><h3 class="tile-name">{words::PUSHES}</h3>
                    <p class="tile-value" data-kpi="pushes" data-value=h.pushes.to_string()>{h.pushes.to_string()}</p></article>
            </div>
            <h4>{words::TIME_IN_STAGE}</h4>
            <div class="kpi-table" role="region" aria-label=words::TIME_IN_STAGE tabindex="0">
                <table data-table="time-in-stage">
                    <thead><tr><th scope="col">{words::STAGE_NAME}</th><th scope="col" class="num">{words::MEDIAN}</th><th scope="col" class="num">{words::P90}</th><th scope="col" class="num">{words::SPELLS}</th></tr></thead>
                    <tbody>{stages}</tbody>
                </table>
            </div>
            <h4>{words::CONVERSION}</h4>
            <div class="kpi-table" role="region" aria-label=words::CONVERSION tabindex="0">
                <table data-table="stage-conversion">
                    <thead><tr><th scope="col">{words::FROM_TO}</th>{head}</tr></thead>
                    <tbody>{matrix}</tbody>
                </table>
            </div>
            <h4>{words::STALLED}</h4>
            {stalled}
        </section>
    }
    .into_any()
}

/// The weighted pipeline per stage and the forecast roll-ups.
fn forecast_view(f: &ForecastSummary) -> impl IntoView {
    let rows = f
        .stages
        .iter()
        .map(|s| {
            view! {
                <tr data-stage=s.stage.clone()>
                    <th scope="row">{s.stage.clone()}</th>
                    <td class="num">{s.probability.map_or("–".to_owned(), |p| display(Unit::Percent, p))}</td>
                    <td>{s.category.unwrap_or("–")}</td>
                    <td class="num">{s.count.to_string()}</td>
                    <td class="num">{money(s.value)}</td>
                    <td class="num">{money(s.weighted)}</td>
                </tr>
            }
        })
        .collect_view();
    let tile = |id: &'static str, name: &'static str, v: f64| {
        view! { <article class="tile"><h3 class="tile-name">{name}</h3><p class="tile-value" data-kpi=id data-value=v.to_string()>{money(v)}</p></article> }
    };
    view! {
        <section class="card" data-testid="forecast">
            <div class="card-head"><h3>{words::FORECAST}</h3></div>
            <div class="tiles">
                {tile("weighted_pipeline", "Weighted pipeline", f.weighted_pipeline)}
                {tile("forecast_commit", "Commit", f.commit)}
                {tile("forecast_best_case", "Best case", f.best_case)}
                <article class="tile"><h3 class="tile-name">{words::BIAS}</h3>
                    <p class="tile-value" data-kpi="forecast_bias" data-value=f.forecast_bias.map(|b| b.to_string()).unwrap_or_default()>
                        {f.forecast_bias.map_or("–".to_owned(), |b| display(Unit::Percent, b))}</p></article>
            </div>
            <div class="kpi-table" role="region" aria-label=words::FORECAST tabindex="0">
                <table data-table="weighted">
                    <thead><tr><th scope="col">{words::STAGE_NAME}</th><th scope="col" class="num">{words::PROBABILITY}</th><th scope="col">{words::CATEGORY}</th>
                        <th scope="col" class="num">{words::DEALS}</th><th scope="col" class="num">{words::AMOUNT}</th><th scope="col" class="num">{words::WEIGHTED}</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
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
