//! `<ChartCard/>`: a chart of the catalog in a card: title, summary, the canvas with tooltips
//! and drill-down, the same numbers as a table on demand, and both as downloads (PNG, CSV).

use super::canvas::ChartCanvas;
use super::catalog::{build, ChartData, ChartInput, DataTable, Palette};
use crate::components::export::{CsvButton, PngButton};
use crate::components::kpi_table::more_rows;
use crate::i18n::charts::ChartCard;
use crate::i18n::tf;
use crate::state::{ChartId, DashState, Dashboard, Shared, ViewState};
use leptos::prelude::*;
use pipelens_engine::export::{number_cell, rows_csv};
use pipelens_engine::format::display;
use pipelens_engine::period::MAX_BUCKETS;
use pipelens_engine::Scope;
use std::sync::Arc;

/// A chart over `scope` (the dashboard's, or narrower: the rep page adds the rep). The first
/// page of newly loaded big data shows its tiles first and works out and draws each chart in a
/// task of its own ([`DashState::in_own_task`]), so no single task holds the page for long.
#[component]
pub fn ChartCard(
    /// Which chart.
    id: ChartId,
    /// The dashboard: grain, comparison and segment colours.
    dashboard: Shared<Dashboard>,
    /// What the chart covers.
    scope: Scope,
) -> impl IntoView {
    let ready = DashState::expect().in_own_task();
    move || ready.get().then(|| card(id, dashboard.clone(), scope.clone()))
}

/// The card of [`ChartCard`], worked out now.
fn card(id: ChartId, dashboard: Shared<Dashboard>, scope: Scope) -> impl IntoView {
    let settings = ViewState::expect().view;
    let palette = Palette(dashboard.dims().to_vec());
    let data: ChartData = build(
        id,
        &ChartInput {
            ws: dashboard.workspace(),
            scope: &scope,
            grain: dashboard.grain,
            comparison: dashboard.comparison,
            palette: &palette,
            dashboard: (scope == dashboard.scope).then_some(&*dashboard),
        },
    );
    let key = id.key();
    let drill_dim = id.drill();
    let on_drill =
        drill_dim.map(|dim| Callback::new(move |segment: String| settings.update(|v| v.drill(dim, &segment))));
    let ChartData { drawing, summary, table } = data;
    let title = crate::i18n::charts::title(id);
    let figure = NodeRef::<leptos::html::Figure>::new();
    // Without a drawing the summary says why, once, in the empty frame, and there is nothing
    // to export.
    let caption = drawing.is_some().then(|| view! { <p class="chart-summary">{summary.clone()}</p> });
    let exports = drawing.is_some().then(|| {
        let t = table.clone();
        view! {
            <div class="export-tools" role="group" aria-label=tf(ChartCard::DownloadTitle, &[("title", title.clone())])>
                <PngButton label=tf(ChartCard::TheChart, &[("title", title.clone())]) file=key.clone() scope=figure/>
                <CsvButton label=tf(ChartCard::TheTable, &[("title", title.clone())]) file=key.clone() csv=move || table_csv(&t)/>
            </div>
        }
    });
    let body = match drawing {
        Some(drawing) => {
            let drawing = Arc::new(drawing);
            let draw = move |area: &_, style: &_| drawing.draw(area, style);
            let canvas = match on_drill {
                Some(cb) => view! { <ChartCanvas summary=summary.clone() draw=draw on_drill=cb/> }.into_any(),
                None => view! { <ChartCanvas summary=summary.clone() draw=draw/> }.into_any(),
            };
            view! {
                {canvas}
                <details class="as-table">
                    <summary>{crate::i18n::t(ChartCard::ShowAsTable)}</summary>
                    <DataTableView key=key.clone() title=title.clone() table=table drill=drill_dim.is_some()/>
                </details>
            }
            .into_any()
        }
        None => view! { <p class="chart-empty" data-testid="chart-empty">{summary.clone()}</p> }.into_any(),
    };
    view! {
        <figure class="card chart" node_ref=figure data-chart=key.clone() aria-labelledby=format!("chart-{key}")>
            <figcaption>
                <div class="chart-head">
                    <h3 id=format!("chart-{key}")>{title.clone()}</h3>
                    {exports}
                </div>
                {caption}
            </figcaption>
            {body}
        </figure>
    }
}

/// A chart's table as CSV: the same rows and columns as [`DataTableView`], numbers unrounded.
fn table_csv(t: &DataTable) -> String {
    let header = std::iter::once(t.label.clone()).chain(t.columns.iter().map(|c| c.0.clone())).collect();
    let rows = t
        .rows
        .iter()
        .map(|r| std::iter::once(r.label.clone()).chain(r.values.iter().map(|v| number_cell(*v))).collect());
    rows_csv(header, rows)
}

/// A chart's numbers: one row per category, drillable rows as buttons; the first
/// [`MAX_BUCKETS`] (every bucket a trend can have), the CSV download holding every row: a chart
/// of 3,000 products built a closed table of 12,000 elements, a third of a 110 ms task of the
/// first page.
#[component]
fn DataTableView(key: String, title: String, table: DataTable, drill: bool) -> impl IntoView {
    let settings = ViewState::expect().view;
    let chart = ChartId::parse(&key);
    let head = table.columns.iter().map(|(c, _)| view! { <th scope="col" class="num">{c.clone()}</th> }).collect_view();
    let units: Vec<_> = table.columns.iter().map(|c| c.1).collect();
    let columns: Vec<String> = table.columns.iter().map(|c| c.0.clone()).collect();
    let more = more_rows(table.rows.len(), MAX_BUCKETS);
    let rows = table
        .rows
        .into_iter()
        .take(MAX_BUCKETS)
        .map(|r| {
            let cells = r
                .values
                .iter()
                .enumerate()
                .map(|(i, v)| {
                    let col = columns.get(i).cloned().unwrap_or_default();
                    match (v, units.get(i)) {
                        (Some(v), Some(u)) => view! { <td class="num" data-col=col data-value=v.to_string()>{display(*u, *v)}</td> }.into_any(),
                        _ => view! { <td class="num" data-col=col data-value="">"–"</td> }.into_any(),
                    }
                })
                .collect_view();
            let label = r.label.clone();
            let head = match (drill, r.drill, chart.and_then(ChartId::drill)) {
                (true, Some(segment), Some(dim)) => view! {
                    <th scope="row">
                        <button class="link" data-drill=segment.clone() on:click=move |_| settings.update(|v| v.drill(dim, &segment))>{label}</button>
                    </th>
                }
                .into_any(),
                _ => view! { <th scope="row">{label}</th> }.into_any(),
            };
            view! { <tr data-row=r.label>{head}{cells}</tr> }
        })
        .collect_view();
    view! {
        <div class="kpi-table" role="region" aria-label=tf(ChartCard::AsTable, &[("title", title)]) tabindex="0">
            <table data-chart-table=key.clone()>
                <thead><tr><th scope="col">{table.label}</th>{head}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        {more}
    }
}
