//! The filter bar on every view: period preset or custom range, grain, comparison, one
//! multi-select per segment dimension, the gross margin CLV uses, and the drill-down
//! breadcrumb; and the Print button. On a phone the bar folds into a one-line summary of what
//! is applied, which opens the full bar on tap.

use crate::components::export::PrintButton;
use crate::i18n::words::Filter;
use crate::i18n::{engine_words, t, tf};
use crate::state::{Dashboard, ViewState};
use leptos::prelude::*;
use pipelens_engine::kpi::Comparison;
use pipelens_engine::preset::Preset;
use pipelens_engine::{Day, Dim, Filters, Grain, Period};
use std::cell::{Cell, RefCell};
use std::sync::Arc;

thread_local! {
    /// Whether the folded bar (phones) was last opened: the bar is rebuilt with each new
    /// dashboard, and choosing a filter must not fold it again.
    static OPEN: Cell<bool> = const { Cell::new(false) };
}

/// The folded bar's one line: the period, each filtered dimension with what is chosen of it,
/// and the comparison. `Last 12 months · all data · vs previous period`.
pub fn summary(period: &str, dims: &[(Dim, Vec<String>)], filters: &Filters, comparison: Comparison) -> String {
    let mut parts = vec![period.to_owned()];
    let chosen = dims.iter().filter_map(|(dim, values)| {
        let picked = filters.0.get(dim).filter(|v| !v.is_empty())?;
        Some(match picked.as_slice() {
            [one] => format!("{} {one}", dim_label(*dim)),
            many => tf(
                Filter::SomeOf,
                &[
                    ("dim", dim_label(*dim)),
                    ("n", many.len().to_string()),
                    ("all", values.len().max(many.len()).to_string()),
                ],
            ),
        })
    });
    parts.extend(chosen);
    if parts.len() == 1 {
        parts.push(t(Filter::AllDataLower).to_owned());
    }
    parts.push(tf(Filter::Versus, &[("what", engine_words::comparison_noun(comparison).to_owned())]));
    parts.join(" · ")
}

/// A dimension inside a sentence: `owner` in English (the engine's label), the heading's
/// word elsewhere (German nouns keep their capital).
fn dim_label(dim: Dim) -> String {
    match crate::i18n::current() {
        pipelens_engine::lang::Lang::En => dim.label().to_owned(),
        pipelens_engine::lang::Lang::De => engine_words::dim(dim).to_owned(),
        _ => engine_words::dim(dim).to_lowercase(),
    }
}

/// Which arm the filter bar's disclosures are built in: it flips whenever the dimensions or
/// their values differ from the last build's.
struct FilterSet;

thread_local! {
    static LAST_DIMS: Cell<(u64, bool)> = const { Cell::new((0, false)) };
}

impl FilterSet {
    /// The arm for `dims`, flipped when they differ from the previous call's.
    fn flips_for(dims: &[(Dim, Vec<String>)]) -> bool {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        dims.hash(&mut h);
        let key = h.finish();
        LAST_DIMS.with(|last| {
            let (before, arm) = last.get();
            let arm = if before == key {
                arm
            } else {
                // Another file's lists: what was typed to search the last ones is forgotten.
                TERMS.with(|t| t.borrow_mut().clear());
                !arm
            };
            last.set((key, arm));
            arm
        })
    }
}

/// The filter bar.
#[component]
pub fn FilterBar(
    /// The dashboard being shown, for the current period and the filter values.
    dashboard: Arc<Dashboard>,
) -> impl IntoView {
    let settings = ViewState::expect().view;
    let p = dashboard.scope.period;
    let latest = dashboard.latest;
    let preset = Preset::matching(p, latest);
    let set_period = move |from: Option<Day>, to: Option<Day>| {
        settings.update(|v| {
            let cur = v.period.unwrap_or(p);
            // A typed year is kept inside the calendar's sane range, like a link's.
            let typed = Period::new(from.unwrap_or(cur.from), to.unwrap_or(cur.to));
            v.period = typed
                .map(|t| pipelens_engine::share::clamp_to(t, pipelens_engine::share::sane_range()).0)
                .or(Some(cur));
        });
    };
    let on_preset = move |ev: leptos::ev::Event| {
        if let Some(x) = Preset::parse(&event_target_value(&ev)) {
            settings.update(|v| v.period = (x != Preset::Last12Months).then(|| x.period(latest)));
        }
    };
    let presets = Preset::ALL
        .into_iter()
        .map(|x| view! { <option value=x.key() selected=preset == Some(x)>{engine_words::preset(x)}</option> })
        .collect_view();
    let (grain, comparison) = settings.with_untracked(|v| (v.grain, v.comparison));
    let grains = Grain::ALL
        .iter()
        .map(|&g| view! { <option value=g.key() selected=g == grain>{engine_words::grain(g)}</option> })
        .collect_view();
    let on_grain = move |ev: leptos::ev::Event| {
        let key = event_target_value(&ev);
        if let Some(g) = Grain::parse(&key) {
            settings.update(|v| v.grain = g);
        }
    };
    let on_comparison = move |ev: leptos::ev::Event| {
        let with = if event_target_value(&ev) == "year" { Comparison::YearEarlier } else { Comparison::Previous };
        settings.update(|v| v.comparison = with);
    };
    let filters = dashboard
        .dims()
        .iter()
        .map(|(dim, values)| {
            let chosen = dashboard.scope.filters.0.get(dim).cloned().unwrap_or_default();
            view! { <MultiSelect dim=*dim values=values.clone() chosen=chosen/> }
        })
        .collect_view();
    // A filter change rebuilds the disclosures in place, so an open one stays open while boxes
    // are ticked. Another file's dimensions and values get new ones instead: rebuilt in place
    // over the previous file's (say an owner list the user had opened), Chromium left the
    // checkboxes unlaid-out and they stopped answering. Flipping between the two arms of an
    // `Either` when the dimensions change makes that rebuild a fresh build.
    let filters = if FilterSet::flips_for(dashboard.dims()) {
        leptos::either::Either::Left(filters)
    } else {
        leptos::either::Either::Right(filters)
    };
    let filtered = !dashboard.scope.filters.is_empty();
    let period_words = match preset {
        Some(x) => engine_words::preset(x).to_owned(),
        None => {
            let lang = crate::i18n::current();
            format!(
                "{} – {}",
                pipelens_engine::format::local::date(lang, p.from),
                pipelens_engine::format::local::date(lang, p.to)
            )
        }
    };
    let folded = summary(&period_words, dashboard.dims(), &dashboard.scope.filters, comparison);
    let open = RwSignal::new(OPEN.with(Cell::get));
    let toggle = move |_| {
        let now = !open.get_untracked();
        OPEN.with(|o| o.set(now));
        open.set(now);
    };
    let margin = format!("{}", dashboard.scope.settings.gross_margin * 100.0);
    let set_margin = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev).trim().trim_end_matches('%').trim().replace(',', ".");
        if let Some(m) = v.parse::<f64>().ok().filter(|m| (0.0..=100.0).contains(m)) {
            settings.update(|s| s.settings.gross_margin = m / 100.0);
        }
    };
    view! {
        <section class="filter-bar card" class:open=move || open.get() aria-label=t(Filter::Bar)>
            // Shown on phones only: the bar folded to what is applied.
            <button
                class="filter-summary"
                data-testid="filter-summary"
                aria-expanded=move || open.get().to_string()
                aria-controls="filter-body"
                on:click=toggle
            >
                <span class="visually-hidden">{t(Filter::Filters)}" "</span>
                <span class="words">{folded}</span>
                <span class="chevron" aria-hidden="true">"▾"</span>
            </button>
            <div class="filter-body" id="filter-body">
            <div class="row">
                <label class="field">
                    <span>{t(Filter::Period)}</span>
                    <select data-testid="period-preset" on:change=on_preset>
                        {presets}
                        <option value="custom" selected=preset.is_none() disabled=true>{t(Filter::CustomRange)}</option>
                    </select>
                </label>
                <label class="field">
                    <span>{t(Filter::From)}</span>
                    <input type="date" data-testid="period-from" value=p.from.to_string() on:change=move |ev| set_period(Day::parse_iso(&event_target_value(&ev)), None)/>
                </label>
                <label class="field">
                    <span>{t(Filter::To)}</span>
                    <input type="date" data-testid="period-to" value=p.to.to_string() on:change=move |ev| set_period(None, Day::parse_iso(&event_target_value(&ev)))/>
                </label>
                <label class="field">
                    <span>{t(Filter::Grain)}</span>
                    <select data-testid="grain" on:change=on_grain>{grains}</select>
                </label>
                <label class="field">
                    <span>{t(Filter::CompareWith)}</span>
                    <select data-testid="comparison" on:change=on_comparison>
                        <option value="previous" selected=comparison == Comparison::Previous>{engine_words::comparison_title(Comparison::Previous)}</option>
                        <option value="year" selected=comparison == Comparison::YearEarlier>{engine_words::comparison_title(Comparison::YearEarlier)}</option>
                    </select>
                </label>
                <label class="field narrow">
                    <span>{t(Filter::GrossMargin)}</span>
                    <input type="number" min="0" max="100" step="1" data-testid="gross-margin" value=margin on:change=set_margin title=t(Filter::GrossMarginHint)/>
                </label>
                <div class="page-tools">
                    <PrintButton/>
                </div>
            </div>
            <div class="row filters">
                {filters}
                {filtered.then(|| view! {
                    <button class="button small" data-testid="clear-filters" on:click=move |_| settings.update(|v| { v.filters = Default::default(); v.crumbs.clear(); })>{t(Filter::Clear)}</button>
                })}
            </div>
            </div>
            <Breadcrumb/>
        </section>
    }
}

/// A filter list longer than this gets a search box and shows this many of the values it
/// finds: thousands of checkboxes are slow to draw, and no one scrolls through them.
const LISTED: usize = 50;

thread_local! {
    /// What was typed in each long list's search box: a tick rebuilds the bar, the words stay
    /// (until another file's dimensions come in).
    static TERMS: RefCell<Vec<(Dim, String)>> = const { RefCell::new(Vec::new()) };
}

/// What was last typed to search `dim`'s list.
fn term(dim: Dim) -> String {
    TERMS.with(|t| t.borrow().iter().find(|(d, _)| *d == dim).map(|(_, t)| t.clone()).unwrap_or_default())
}

/// Remembers what was typed to search `dim`'s list.
fn set_term(dim: Dim, typed: String) {
    TERMS.with(|t| {
        let mut t = t.borrow_mut();
        t.retain(|(d, _)| *d != dim);
        t.push((dim, typed));
    });
}

/// Which of `values` `term` finds (case-insensitive, anywhere in the value): the positions of
/// the first `cap` of them, in the list's order, and how many it finds in all. An empty term
/// finds every value.
pub fn matching(values: &[String], term: &str, cap: usize) -> (Vec<usize>, usize) {
    let term = term.trim().to_lowercase();
    let mut shown = Vec::with_capacity(cap.min(values.len()));
    let mut found = 0;
    for (i, v) in values.iter().enumerate() {
        if term.is_empty() || v.to_lowercase().contains(&term) {
            if found < cap {
                shown.push(i);
            }
            found += 1;
        }
    }
    (shown, found)
}

/// A multi-select for one dimension: a disclosure with a checkbox per value, or, for a long
/// list, a search box over the first [`LISTED`] values it finds.
#[component]
fn MultiSelect(dim: Dim, values: Vec<String>, chosen: Vec<String>) -> impl IntoView {
    let settings = ViewState::expect().view;
    let summary = match chosen.len() {
        0 => t(Filter::All).to_owned(),
        1 => chosen[0].clone(),
        n => tf(Filter::Chosen, &[("n", n.to_string())]),
    };
    let toggle = move |value: String, on: bool| {
        settings.update(|v| {
            let list = v.filters.0.entry(dim).or_default();
            list.retain(|x| *x != value);
            if on {
                list.push(value);
                pipelens_engine::sort::sort_by(list, Ord::cmp);
            }
            if list.is_empty() {
                v.filters.0.remove(&dim);
            }
        });
    };
    let active = !chosen.is_empty();
    let list = listed(dim, values, chosen, toggle);
    view! {
        <details class="multi" class:active=active data-filter=dim.field()>
            <summary>
                <span class="name">{engine_words::dim(dim)}</span>
                <span class="chosen">{summary}</span>
            </summary>
            <div class="options" role="group" aria-label=tf(Filter::ToShow, &[("dim", engine_words::dim(dim).to_owned())])>
                {active.then(|| view! {
                    <button class="link" on:click=move |_| settings.update(|v| { v.filters.0.remove(&dim); })>{t(Filter::ShowAll)}</button>
                })}
                {list}
            </div>
        </details>
    }
}

/// A filter list's checkboxes: [`LISTED`] at most, showing the values a search box finds
/// when the list is longer, with a line saying how many it finds.
///
/// The boxes are the same elements from one build to the next (a tick keeps the keyboard where
/// it was); typing writes the values it finds into them. What a box shows depends only on what
/// was typed, which every build reads back, so the view and the writes agree; its tick is a
/// property, which every build sets (the attribute stops counting once the box is clicked).
fn listed(
    dim: Dim,
    values: Vec<String>,
    chosen: Vec<String>,
    toggle: impl Fn(String, bool) + Copy + 'static,
) -> impl IntoView {
    use wasm_bindgen::JsCast;
    let total = values.len();
    let long = total > LISTED;
    let typed = if long { term(dim) } else { String::new() };
    let n = |v: usize| pipelens_engine::format::local::number(crate::i18n::current(), v as f64, 0);
    let line = move |(shown, all): &(Vec<usize>, usize), term: &str| match *all {
        _ if !long => String::new(),
        0 => tf(Filter::NoMatch, &[("term", term.trim().to_owned())]),
        all if all > shown.len() => tf(Filter::Listed, &[("shown", n(shown.len())), ("n", n(all))]),
        _ => String::new(),
    };
    let found = matching(&values, &typed, LISTED);
    let boxes = (0..total.min(LISTED))
        .map(|i| {
            let value = found.0.get(i).map(|&j| values[j].clone());
            let (on, hidden) = (value.as_ref().is_some_and(|v| chosen.contains(v)), value.is_none());
            let value = value.unwrap_or_default();
            view! {
                <label class="option" hidden=hidden>
                    <input type="checkbox" data-value=value.clone() prop:checked=on on:change=move |ev| {
                        let input: web_sys::HtmlInputElement = event_target(&ev);
                        if let Some(value) = input.get_attribute("data-value") {
                            toggle(value, input.checked());
                        }
                    }/>
                    <span>{value}</span>
                </label>
            }
        })
        .collect_view();
    let first_line = line(&found, &typed);
    let find = long.then(|| {
        let label = tf(Filter::Find, &[("n", n(total))]);
        let on_input = move |ev: leptos::ev::Event| {
            let input: web_sys::Element = event_target(&ev);
            let typed = event_target_value(&ev);
            let found = matching(&values, &typed, LISTED);
            let mut slot = input.next_element_sibling().and_then(|w| w.first_element_child());
            for i in 0.. {
                let Some(label) = slot else { break };
                let value = found.0.get(i).map(|&j| values[j].as_str());
                let _ = label.toggle_attribute_with_force("hidden", value.is_none());
                let (input, span) = (label.first_element_child(), label.last_element_child());
                if let (Some(input), Some(text)) = (input, span.and_then(|s| s.first_child())) {
                    let value = value.unwrap_or_default();
                    let _ = input.set_attribute("data-value", value);
                    input.unchecked_ref::<web_sys::HtmlInputElement>().set_checked(chosen.iter().any(|c| c == value));
                    text.set_node_value(Some(value));
                }
                slot = label.next_element_sibling();
            }
            let text = input.next_element_sibling().and_then(|w| w.next_element_sibling()).and_then(|p| p.first_child());
            if let Some(text) = text {
                text.set_node_value(Some(&line(&found, &typed)));
            }
            set_term(dim, typed);
        };
        view! { <input type="search" class="find" data-testid="filter-find" aria-label=label.clone() placeholder=label value=typed on:input=on_input/> }
    });
    view! {
        {find}
        <div class="window">{boxes}</div>
        <p class="muted found" data-testid="filter-found" role="status">{first_line}</p>
    }
}

/// Where the drill-downs led, each step a way back.
#[component]
fn Breadcrumb() -> impl IntoView {
    let settings = ViewState::expect().view;
    move || {
        let crumbs = settings.with(|v| v.crumbs.clone());
        if crumbs.is_empty() {
            return ().into_any();
        }
        let last = crumbs.len() - 1;
        let steps = crumbs
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let label = c.label.clone();
                if i == last {
                    view! { <li aria-current="true"><span>{label}</span></li> }.into_any()
                } else {
                    view! { <li><button class="link" on:click=move |_| settings.update(|v| v.back_to(i + 1))>{label}</button></li> }.into_any()
                }
            })
            .collect_view();
        view! {
            <nav class="breadcrumb" aria-label=t(Filter::DrillDown) data-testid="breadcrumb">
                <ol>
                    <li><button class="link" data-testid="crumb-root" on:click=move |_| settings.update(|v| v.back_to(0))>{t(Filter::AllData)}</button></li>
                    {steps}
                </ol>
            </nav>
        }
        .into_any()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_names_the_period_each_filter_and_the_comparison() {
        let dims = vec![
            (Dim::Owner, vec!["Ann".to_owned(), "Bo".to_owned()]),
            (Dim::Team, vec!["East".to_owned(), "North".to_owned(), "West".to_owned()]),
        ];
        let team = |f: Filters| {
            let mut f = f;
            f.0.insert(Dim::Team, vec!["East".to_owned(), "West".to_owned()]);
            f
        };
        let cases = [
            (Filters::none(), Comparison::Previous, "Last 12 months · all data · vs previous period"),
            (
                Filters::none().with(Dim::Owner, "Ann"),
                Comparison::Previous,
                "Last 12 months · owner Ann · vs previous period",
            ),
            (
                team(Filters::none().with(Dim::Owner, "Bo")),
                Comparison::YearEarlier,
                "Last 12 months · owner Bo · team 2 of 3 · vs same period last year",
            ),
        ];
        for (filters, comparison, want) in cases {
            assert_eq!(summary("Last 12 months", &dims, &filters, comparison), want);
        }
    }

    #[test]
    fn a_search_finds_values_anywhere_in_them_whatever_the_case_and_shows_the_first_few() {
        let values: Vec<String> =
            ["Łucja Nowak", "Anna Kowalska", "Jan Nowak", "Müller", "MÜLLER GmbH", "王伟", "伟东"]
                .map(str::to_owned)
                .to_vec();
        assert_eq!(matching(&values, "", 50), ((0..7).collect(), 7), "an empty search finds everything");
        assert_eq!(matching(&values, "", 3), (vec![0, 1, 2], 7), "shows the first `cap`, counts them all");
        assert_eq!(matching(&values, "nowak", 50), (vec![0, 2], 2));
        assert_eq!(matching(&values, " NOWAK ", 1), (vec![0], 2), "case and spaces around do not matter");
        assert_eq!(matching(&values, "łuc", 50), (vec![0], 1));
        assert_eq!(matching(&values, "müller", 50), (vec![3, 4], 2));
        assert_eq!(matching(&values, "伟", 50), (vec![5, 6], 2));
        assert_eq!(matching(&values, "zz", 50), (vec![], 0));
    }
}
