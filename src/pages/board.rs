//! A page of KPI tiles (each with its sparkline) above a grid of charts.

use super::Layout;
use crate::charts::card::ChartCard;
use crate::components::kpi_tile::KpiTile;
use crate::state::ChartId;
use crate::state::{Dashboard, KpiView, Shared};
use leptos::prelude::*;
use pipelens_engine::kpi::KpiId;

/// One tile with the KPI's trend over the period at the chosen grain; `compact` tiles open
/// their table on demand.
pub fn tile(d: &Dashboard, k: &KpiView, compact: bool) -> impl IntoView {
    let trend = (d.scope.clone(), d.grain);
    view! { <KpiTile kpi=k.clone() compared_with=d.compared_with() trend=trend compact=compact/> }
}

/// The tiles of `ids`, in order.
#[component]
pub fn Tiles(
    /// The dashboard the values come from.
    dashboard: Shared<Dashboard>,
    /// KPI ids.
    ids: Vec<KpiId>,
) -> impl IntoView {
    let tiles = ids.iter().filter_map(|&id| dashboard.kpi(id)).map(|k| tile(&dashboard, k, true)).collect_view();
    view! { <div class="tiles">{tiles}</div> }
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
        <p class="lead">{layout.lead}</p>
        <Tiles dashboard=dashboard.clone() ids=layout.kpis.to_vec()/>
        <Charts dashboard=dashboard ids=layout.charts.to_vec()/>
    }
}
