//! A KPI as SQL, for data that outgrows a browser tab: generated on demand for the current
//! period, filters and stage settings, in the dialect the user picks, with a copy button.

use crate::i18n::panels::Sql;
use crate::i18n::t;
use crate::state::DashState;
use leptos::prelude::*;
use pipelens_engine::kpi::KpiId;
use pipelens_engine::sql::{kpi_sql, Dialect};

/// The "SQL" disclosure of a KPI tile.
#[component]
pub fn SqlBox(
    /// The KPI's id.
    id: KpiId,
) -> impl IntoView {
    let dash = DashState::expect();
    let open = RwSignal::new(false);
    let dialect = RwSignal::new(Dialect::DuckDb);
    let copied = RwSignal::new(None::<&'static str>);
    let sql = Memo::new(move |_| {
        if !open.get() {
            return String::new();
        }
        let d = dialect.get();
        dash.dashboard.with(|x| x.as_ref().map(|x| kpi_sql(id, x.workspace(), &x.scope, d))).unwrap_or_default()
    });
    let options = Dialect::ALL
        .iter()
        .map(|d| view! { <option value=d.name() selected=*d == Dialect::DuckDb>{d.name()}</option> })
        .collect_view();
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
    view! {
        <details class="sql" on:toggle=move |ev| {
            use wasm_bindgen::JsCast;
            let is_open = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok()).is_some_and(|d| d.open());
            open.set(is_open);
        }>
            <summary>"SQL"</summary>
            <p class="muted">{t(Sql::Explains)}</p>
            <div class="sql-bar">
                <label>{t(Sql::Dialect)}" " <select data-testid=format!("sql-dialect-{id}") on:change=on_dialect>{options}</select></label>
                <button class="button small" data-testid=format!("copy-sql-{id}") on:click=copy>{t(Sql::CopySql)}</button>
                <span class="copied" role="status">{move || copied.get().unwrap_or("")}</span>
            </div>
            <pre class="sql-text" data-sql=id.as_str() tabindex="0">{move || sql.get()}</pre>
        </details>
    }
}
