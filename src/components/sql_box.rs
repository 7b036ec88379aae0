//! A KPI as SQL, for data that outgrows a browser tab: generated on demand for the current
//! period, filters and stage settings, in the dialect the user picks, with a copy button; and
//! the warehouse kit of every KPI for the same view (`pipelens_engine::warehouse`), made in the
//! tab and offered as one ZIP download ("Take these KPIs to your warehouse").

use crate::components::when_open::WhenOpen;
use crate::i18n::panels::Sql;
use crate::i18n::t;
use crate::io::download::download_blob;
use crate::state::{DashState, Dashboard, ViewState};
use leptos::prelude::*;
use pipelens_engine::kpi::KpiId;
use pipelens_engine::sql::{kpi_sql, Dialect};
use pipelens_engine::warehouse::{self, KitSource};
use wasm_bindgen::JsValue;

/// The warehouse kit of the dashboard's view in `dialect` as a ZIP archive: (file name, bytes).
fn kit_zip(x: &Dashboard, dialect: Dialect) -> (String, Result<Vec<u8>, warehouse::zip::ZipError>) {
    let loaded = x.loaded();
    let sources: Vec<KitSource> = loaded.user_files().iter().map(KitSource::from_loaded).collect();
    let kit = warehouse::kit(x.workspace(), &x.scope, dialect, &sources);
    (kit.zip_name(&x.scope), kit.zip())
}

/// Offers `bytes` as a ZIP download named `name`.
fn download_zip(name: &str, bytes: &[u8]) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/zip");
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)?;
    download_blob(name, &blob)
}

/// The "SQL" disclosure of a KPI tile; it opens under the tile, over the tiles below (as the
/// explanation does), and closes `other` (the tile's explanation) as it opens, so the two never
/// lie over each other. Whether it is open and the dialect chosen are kept in the view, so a
/// tile built again (a filter, a typed target) shows the box as it was.
#[component]
pub fn SqlBox(
    /// The KPI's id.
    id: KpiId,
    /// Whether the box is open: the tile's, so its explanation can close it.
    open: RwSignal<bool>,
    /// Whether the tile's other disclosure is open; set to `false` when this one opens.
    other: RwSignal<bool>,
) -> impl IntoView {
    let (dash, view) = (DashState::expect(), ViewState::expect());
    let dialect = view.dialect;
    let copied = RwSignal::new(None::<&'static str>);
    let sql = Memo::new(move |_| {
        if !open.get() {
            return String::new();
        }
        let d = dialect.get();
        dash.dashboard.with(|x| x.as_ref().map(|x| kpi_sql(id, x.workspace(), &x.scope, d))).unwrap_or_default()
    });
    let dialects = |chosen: Dialect| {
        Dialect::ALL
            .iter()
            .map(|d| view! { <option value=d.name() selected=*d == chosen>{d.name()}</option> })
            .collect_view()
    };
    let on_dialect = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        if let Some(d) = Dialect::ALL.iter().find(|d| d.name() == v) {
            dialect.set(*d);
            copied.set(None);
        }
    };
    let copy = move |_| {
        let text = sql.get_untracked();
        let Some(window) = web_sys::window() else { return };
        let promise = window.navigator().clipboard().write_text(&text);
        leptos::task::spawn_local(async move {
            let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
            copied.set(Some(t(if ok { Sql::Copied } else { Sql::Blocked })));
        });
    };
    let take_kit = move |_| {
        let d = dialect.get_untracked();
        let Some((name, zip)) = dash.dashboard.with_untracked(|x| x.as_ref().map(|x| kit_zip(x, d))) else { return };
        match zip {
            Ok(bytes) => {
                let _ = download_zip(&name, &bytes);
                copied.set(None);
            }
            Err(_) => copied.set(Some(t(Sql::KitTooLarge))),
        }
    };
    view! {
        <details class="sql" prop:open=move || open.get() on:toggle=move |ev| {
            use wasm_bindgen::JsCast;
            let is_open = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok()).is_some_and(|d| d.open());
            open.set(is_open);
            if is_open {
                other.set(false);
            }
            view.open_sql.update(|s| if is_open { s.insert(id); } else { s.remove(&id); });
        }>
            <summary>"SQL"</summary>
            <div class="sql-body">
            <p class="muted">{t(Sql::Explains)}</p>
            <div class="sql-bar">
                <WhenOpen open=open>
                    <label>{t(Sql::Dialect)}" " <select data-testid=format!("sql-dialect-{id}") on:change=on_dialect>{dialects(dialect.get_untracked())}</select></label>
                </WhenOpen>
                <button class="button small" data-testid=format!("copy-sql-{id}") on:click=copy>{t(Sql::CopySql)}</button>
                <span class="copied" role="status">{move || copied.get().unwrap_or("")}</span>
            </div>
            <pre class="sql-text" data-sql=id.as_str() tabindex="0">{move || sql.get()}</pre>
            <div class="sql-bar">
                <button class="button small" data-testid=format!("warehouse-kit-{id}") on:click=take_kit>{t(Sql::Warehouse)}</button>
                <span class="muted">{t(Sql::WarehouseExplains)}</span>
            </div>
            </div>
        </details>
    }
}
