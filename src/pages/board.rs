//! A page of KPI tiles (each with its sparkline) above a grid of charts.

use super::Layout;
use crate::charts::card::ChartCard;
use crate::components::kpi_tile::KpiTile;
use crate::components::missing_data::{is_loaded, missing, MissingData};
use crate::io::file_input::next_task;
use crate::state::ChartId;
use crate::state::{DashState, Dashboard, KpiView, Shared};
use leptos::prelude::*;
use pipelens_engine::kpi::KpiId;

/// One tile with the KPI's trend over the period at the chosen grain; `compact` tiles open
/// their table on demand.
pub fn tile(d: &Shared<Dashboard>, k: &KpiView, compact: bool) -> impl IntoView {
    view! { <KpiTile kpi=k.clone() compared_with=d.compared_with() trend=d.clone() compact=compact/> }
}

/// Whether the KPIs of `ids` are worked out: at once, except on the first page of newly
/// loaded big data, which works them out one KPI per task (see
/// [`DashState::spread_first_draw`]) so no single task holds the page for long; the page shows
/// them once all are (later redraws, a filter or a period, go at once).
pub fn worked_out(dashboard: &Shared<Dashboard>, ids: Vec<KpiId>) -> RwSignal<bool> {
    let dash = DashState::expect();
    let spread = dash.spread_first_draw.get_value();
    let ready = RwSignal::new(!spread);
    if spread {
        dash.working_out.update(|n| *n += 1);
        let dashboard = dashboard.clone();
        leptos::task::spawn_local(async move {
            // The deals' close-date index, which most tiles' figures start from, in a task of
            // its own: built in the first tile's task, the two took 54-76 ms at 1M rows.
            next_task().await;
            let _ = dashboard.workspace().deals.as_ref().and_then(|d| d.close_index());
            for id in ids {
                next_task().await;
                // Kept by the dashboard: the page finds it worked out.
                dashboard.kpi(id);
            }
            ready.try_set(true);
            // A page without charts (which end the first draw otherwise) ends it here.
            dash.spread_first_draw.try_set_value(false);
            dash.working_out.try_update(|n| *n = n.saturating_sub(1));
        });
    }
    ready
}

/// The tiles of `ids`, in order, once worked out (see [`worked_out`]).
#[component]
pub fn Tiles(
    /// The dashboard the values come from.
    dashboard: Shared<Dashboard>,
    /// KPI ids.
    ids: Vec<KpiId>,
) -> impl IntoView {
    let ready = worked_out(&dashboard, ids.clone());
    move || ready.get().then(|| tiles_of(&dashboard, &ids))
}

/// The tiles of `ids` with their values, and the line naming data that would show the others.
fn tiles_of(dashboard: &Shared<Dashboard>, ids: &[KpiId]) -> impl IntoView {
    let views: Vec<&KpiView> = ids.iter().filter_map(|&id| dashboard.kpi(id)).collect();
    let ws = dashboard.workspace();
    let gone = missing(views.iter().map(|k| (k.def.id, &k.result.value)), |kind| is_loaded(ws, kind));
    let unlocked_later = |id| gone.iter().any(|(_, ids)| ids.contains(&id));
    let tiles = views.iter().filter(|k| !unlocked_later(k.def.id)).map(|k| tile(dashboard, k, true)).collect_view();
    view! {
        <div class="tiles">{tiles}</div>
        {(!gone.is_empty()).then(|| view! { <MissingData missing=gone.clone()/> })}
    }
}

/// The charts of `ids`, in order, over the dashboard's scope.
#[component]
pub fn Charts(
    /// The dashboard whose scope the charts cover.
    dashboard: Shared<Dashboard>,
    /// Charts.
    ids: Vec<ChartId>,
) -> impl IntoView {
    let charts = ids
        .into_iter()
        .map(|id| view! { <ChartCard id=id dashboard=dashboard.clone() scope=dashboard.scope.clone()/> })
        .collect_view();
    view! { <section class="charts">{charts}</section> }
}

/// A page laid out as tiles then charts.
#[component]
pub fn BoardPage(
    /// The dashboard.
    dashboard: Shared<Dashboard>,
    /// What the page shows.
    layout: &'static Layout,
) -> impl IntoView {
    view! {
        <p class="lead">{crate::i18n::t(layout.lead)}</p>
        <Tiles dashboard=dashboard.clone() ids=layout.kpis.to_vec()/>
        <Charts dashboard=dashboard ids=layout.charts.to_vec()/>
    }
}
