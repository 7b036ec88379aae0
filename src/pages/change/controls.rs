//! The page's controls: the two exports' as-of dates and the close-date window.

use crate::i18n::change::Change as W;
use crate::i18n::t;
use crate::load::Loader;
use crate::state::{Dashboard, Shared, ViewSettings};
use leptos::prelude::*;
use pipelens_engine::change::{self, WindowChoice};
use pipelens_engine::{AsOf, Day, Period};

/// The two exports' as-of dates, read off the data or typed (typing one overrides the data).
#[component]
pub(super) fn AsOfDates(dashboard: Shared<Dashboard>) -> impl IntoView {
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
            <label class="field"><span>{t(W::EarlierDated)}</span>
                <input type="date" data-testid="as-of-earlier" value=earlier on:change=move |ev| set("earlier", event_target_value(&ev))/></label>
            <label class="field"><span>{t(W::LaterDated)}</span>
                <input type="date" data-testid="as-of-later" value=later on:change=move |ev| set("later", event_target_value(&ev))/></label>
        </div>
    }
}

/// The close-date window: the whole pipeline, this or next quarter, or a custom range. It is a
/// view setting (`ViewSettings::change_window`), so share links and remembered views keep it.
#[component]
pub(super) fn WindowPicker(view: RwSignal<ViewSettings>) -> impl IntoView {
    let now = view.with_untracked(|v| v.change_window);
    let set = move |w: WindowChoice| {
        if view.with_untracked(|v| v.change_window != w) {
            view.update(|v| v.change_window = w);
        }
    };
    let custom = RwSignal::new(match now {
        WindowChoice::Custom(p) => (p.from.to_string(), p.to.to_string()),
        _ => (String::new(), String::new()),
    });
    let apply_custom = move || {
        let (from, to) = custom.get_untracked();
        if let (Some(f), Some(t)) = (Day::parse_iso(&from), Day::parse_iso(&to)) {
            if let Some(p) = Period::new(f.min(t), f.max(t)) {
                set(WindowChoice::Custom(p));
            }
        }
    };
    // The custom range applies once both dates are typed; until then the whole pipeline shows.
    let custom_mode = RwSignal::new(matches!(now, WindowChoice::Custom(_)));
    let on_pick = move |ev: leptos::ev::Event| {
        let mode = event_target_value(&ev);
        custom_mode.set(mode == "custom");
        match mode.as_str() {
            "this" => set(WindowChoice::ThisQuarter),
            "next" => set(WindowChoice::NextQuarter),
            "custom" => {
                set(WindowChoice::All);
                apply_custom();
            }
            _ => set(WindowChoice::All),
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
    let (from0, to0) = custom.get_untracked();
    view! {
        <div class="change-window">
            <label class="field">
                <span>{t(W::Window)}</span>
                <select data-testid="change-window" on:change=on_pick>
                    <option value="all" selected=now == WindowChoice::All>{t(W::All)}</option>
                    <option value="this" selected=now == WindowChoice::ThisQuarter>{t(W::ThisQuarter)}</option>
                    <option value="next" selected=now == WindowChoice::NextQuarter>{t(W::NextQuarter)}</option>
                    <option value="custom" selected=matches!(now, WindowChoice::Custom(_))>{t(W::Custom)}</option>
                </select>
            </label>
            <Show when=is_custom>
                <label class="field"><span>{t(W::From)}</span><input type="date" data-testid="change-from" value=from0.clone() on:change=on_from/></label>
                <label class="field"><span>{t(W::To)}</span><input type="date" data-testid="change-to" value=to0.clone() on:change=on_to/></label>
            </Show>
        </div>
    }
}
