//! The period and segment filters the dashboard is computed over.

use crate::state::{AppState, Dashboard};
use leptos::prelude::*;
use pipelens_engine::{Day, Period};

fn parse_day(s: &str) -> Option<Day> {
    Day::parse_iso(s)
}

/// Period inputs (any custom range, or the data's default) and one filter per dimension the
/// data has.
#[component]
pub fn ScopeBar(
    /// The dashboard being shown, for the current period and the filter values.
    dashboard: std::sync::Arc<Dashboard>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let p = dashboard.scope.period;
    let is_default = p == dashboard.default_period;
    let set_period = move |from: Option<Day>, to: Option<Day>| {
        state.view.update(|v| {
            let cur = v.period.unwrap_or(p);
            v.period = Period::new(from.unwrap_or(cur.from), to.unwrap_or(cur.to)).or(Some(cur));
        });
    };
    let filters = dashboard
        .dims
        .iter()
        .map(|(dim, values)| {
            let dim = *dim;
            let chosen = dashboard.scope.filters.0.get(&dim).and_then(|v| v.first().cloned()).unwrap_or_default();
            let options = values
                .iter()
                .map(|v| view! { <option value=v.clone() selected=*v == chosen>{v.clone()}</option> })
                .collect_view();
            let on_change = move |ev: leptos::ev::Event| {
                let v = event_target_value(&ev);
                state.view.update(|s| {
                    if v.is_empty() {
                        s.filters.0.remove(&dim);
                    } else {
                        s.filters.0.insert(dim, vec![v]);
                    }
                });
            };
            view! {
                <label class="filter">
                    <span>{capitalise(dim.label())}</span>
                    <select data-filter=dim.field() on:change=on_change>
                        <option value="" selected=chosen.is_empty()>"All"</option>
                        {options}
                    </select>
                </label>
            }
        })
        .collect_view();
    let filtered = !dashboard.scope.filters.is_empty();
    let margin = format!("{}", dashboard.scope.settings.gross_margin * 100.0);
    let set_margin = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev).trim().trim_end_matches('%').trim().replace(',', ".");
        if let Some(m) = v.parse::<f64>().ok().filter(|m| (0.0..=100.0).contains(m)) {
            state.view.update(|s| s.settings.gross_margin = m / 100.0);
        }
    };
    view! {
        <section class="scope-bar card" aria-label="Period and filters">
            <div class="period-inputs">
                <label>"From " <input type="date" data-testid="period-from" value=p.from.to_string() on:change=move |ev| set_period(parse_day(&event_target_value(&ev)), None)/></label>
                <label>"To " <input type="date" data-testid="period-to" value=p.to.to_string() on:change=move |ev| set_period(None, parse_day(&event_target_value(&ev)))/></label>
                {(!is_default).then(|| view! {
                    <button class="button small" data-testid="period-reset" on:click=move |_| state.view.update(|v| v.period = None)>"Back to the default period"</button>
                })}
            </div>
            <div class="filters">{filters}</div>
            <label class="filter">
                <span>"Gross margin for CLV (%)"</span>
                <input type="number" min="0" max="100" step="1" data-testid="gross-margin" value=margin on:change=set_margin/>
            </label>
            {filtered.then(|| view! {
                <button class="button small" data-testid="clear-filters" on:click=move |_| state.view.update(|v| v.filters = Default::default())>"Clear filters"</button>
            })}
        </section>
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}
