//! Every KPI of the catalog, in its four groups.

use super::board::{tile, worked_out};
use crate::state::{Dashboard, Shared};
use leptos::prelude::*;
use pipelens_engine::kpi::{Group, CATALOG};

/// Every tile by group, once worked out (see [`worked_out`]).
#[component]
pub fn CatalogPage(
    /// The dashboard.
    dashboard: Shared<Dashboard>,
) -> impl IntoView {
    let ready = worked_out(&dashboard, CATALOG.iter().map(|k| k.id).collect());
    move || ready.get().then(|| groups(&dashboard))
}

/// The tiles of every group.
fn groups(dashboard: &Shared<Dashboard>) -> impl IntoView {
    Group::ALL
        .iter()
        .map(|&g| {
            let tiles = dashboard.all().filter(|k| k.def.group == g).map(|k| tile(dashboard, k, false)).collect_view();
            view! {
                <section class="tile-group" aria-label=crate::i18n::engine_words::group(g)>
                    <h2 class="group-title">{crate::i18n::engine_words::group(g)}</h2>
                    <div class="tiles">{tiles}</div>
                </section>
            }
        })
        .collect_view()
}
