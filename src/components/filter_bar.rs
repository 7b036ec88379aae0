//! The filter bar on every view: period preset or custom range, grain, comparison, one
//! multi-select per segment dimension, the gross margin CLV uses, and the drill-down
//! breadcrumb; and the Print button. On a phone the bar folds into a one-line summary of what
//! is applied, which opens the full bar on tap.

use crate::components::export::PrintButton;
use crate::i18n::words::Filter;
use crate::i18n::{engine_words, t, tf};
use crate::state::{DashState, ViewState};
use leptos::prelude::*;
use pipelens_engine::kpi::Comparison;
use pipelens_engine::preset::Preset;
use pipelens_engine::{Day, Dim, Filters, Grain, Period};

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

/// The filter bar: built once while there is a dashboard and kept, its fields and boxes
/// following the view as it changes. Leptos rebuilds an element in place by taking every
/// attribute off and putting it back: rebuilt with each filter, the bar's checkboxes became text
/// fields and checkboxes again and its selects changed option twice, and Chromium's autofill
/// then read the whole page's form fields again (10-16 ms a filter change at a million rows,
/// after the tiles were drawn).
#[component]
pub fn FilterBar() -> impl IntoView {
    let settings = ViewState::expect().view;
    let dashboard = DashState::expect().dashboard;
    // The period on screen and the data's latest day (presets are relative to it).
    let span = Memo::new(move |_| dashboard.with(|d| d.as_ref().map(|d| (d.scope.period, d.latest))));
    // The dimensions and their values: new with new data only.
    let facts = Memo::new(move |_| dashboard.with(|d| d.as_ref().map(|d| d.facts.clone())));
    let set_period = move |from: Option<Day>, to: Option<Day>| {
        let Some((p, _)) = span.get_untracked() else { return };
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
        if let (Some(x), Some((_, latest))) = (Preset::parse(&event_target_value(&ev)), span.get_untracked()) {
            settings.update(|v| v.period = (x != Preset::Last12Months).then(|| x.period(latest)));
        }
    };
    let (grain, comparison, first_margin) =
        settings.with_untracked(|v| (v.grain, v.comparison, v.settings.gross_margin));
    let first = span.get_untracked().and_then(|(p, latest)| Preset::matching(p, latest));
    let first_span = span.get_untracked().map_or(Period { from: Day(0), to: Day(0) }, |s| s.0);
    let presets = Preset::ALL
        .into_iter()
        .map(|x| view! { <option value=x.key() selected=first == Some(x)>{engine_words::preset(x)}</option> })
        .collect_view();
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
    // The fields follow the view (a share link, a drill-down, a preset) once built: written
    // where they differ, so a field being typed in is left alone.
    let selects: [NodeRef<leptos::html::Select>; 3] = Default::default();
    let inputs: [NodeRef<leptos::html::Input>; 3] = Default::default();
    Effect::new(move |_| {
        let Some((p, latest)) = span.get() else { return };
        let (grain, comparison, margin) = settings.with(|v| (v.grain, v.comparison, v.settings.gross_margin));
        let chosen = [
            Preset::matching(p, latest).map_or("custom", Preset::key),
            grain.key(),
            if comparison == Comparison::YearEarlier { "year" } else { "previous" },
        ];
        for (node, value) in selects.iter().zip(chosen) {
            if let Some(select) = node.get().filter(|s| s.value() != value) {
                select.set_value(value);
            }
        }
        let typed = [p.from.to_string(), p.to.to_string(), format!("{}", margin * 100.0)];
        for (node, value) in inputs.iter().zip(typed) {
            if let Some(input) = node.get().filter(|i| i.value() != value) {
                input.set_value(&value);
            }
        }
    });
    let set_margin = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev).trim().trim_end_matches('%').trim().replace(',', ".");
        if let Some(m) = v.parse::<f64>().ok().filter(|m| (0.0..=100.0).contains(m)) {
            settings.update(|s| s.settings.gross_margin = m / 100.0);
        }
    };
    let folded = move || {
        let (Some((p, latest)), Some(facts)) = (span.get(), facts.get()) else { return String::new() };
        let period_words = match Preset::matching(p, latest) {
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
        settings.with(|v| summary(&period_words, &facts.dims, &v.filters, v.comparison))
    };
    // Each new set of lists is a fresh build, not the last one rebuilt in place: rebuilt over
    // another file's (say an owner list the user had opened), Chromium left the checkboxes
    // unlaid-out and they stopped answering.
    let arm = StoredValue::new(false);
    let filters = move || {
        let facts = facts.get()?;
        let lists = facts
            .dims
            .iter()
            .map(|(dim, values)| view! { <MultiSelect dim=*dim values=values.clone()/> })
            .collect_view();
        arm.update_value(|a| *a = !*a);
        Some(
            if arm.get_value() { leptos::either::Either::Left(lists) } else { leptos::either::Either::Right(lists) }
                .into_any(),
        )
    };
    let filtered = move || settings.with(|v| !v.filters.is_empty());
    let open = RwSignal::new(false);
    view! {
        <section class="filter-bar card" class:open=move || open.get() aria-label=t(Filter::Bar)>
            // Shown on phones only: the bar folded to what is applied.
            <button
                class="filter-summary"
                data-testid="filter-summary"
                aria-expanded=move || open.get().to_string()
                aria-controls="filter-body"
                on:click=move |_| open.update(|o| *o = !*o)
            >
                <span class="visually-hidden">{t(Filter::Filters)}" "</span>
                <span class="words">{folded}</span>
                <span class="chevron" aria-hidden="true">"▾"</span>
            </button>
            <div class="filter-body" id="filter-body">
            <div class="row">
                <label class="field">
                    <span>{t(Filter::Period)}</span>
                    <select node_ref=selects[0] data-testid="period-preset" on:change=on_preset>
                        {presets}
                        <option value="custom" selected=first.is_none() disabled=true>{t(Filter::CustomRange)}</option>
                    </select>
                </label>
                <label class="field">
                    <span>{t(Filter::From)}</span>
                    <input type="date" node_ref=inputs[0] data-testid="period-from" value=first_span.from.to_string() on:change=move |ev| set_period(Day::parse_iso(&event_target_value(&ev)), None)/>
                </label>
                <label class="field">
                    <span>{t(Filter::To)}</span>
                    <input type="date" node_ref=inputs[1] data-testid="period-to" value=first_span.to.to_string() on:change=move |ev| set_period(None, Day::parse_iso(&event_target_value(&ev)))/>
                </label>
                <label class="field">
                    <span>{t(Filter::Grain)}</span>
                    <select node_ref=selects[1] data-testid="grain" on:change=on_grain>{grains}</select>
                </label>
                <label class="field">
                    <span>{t(Filter::CompareWith)}</span>
                    <select node_ref=selects[2] data-testid="comparison" on:change=on_comparison>
                        <option value="previous" selected=comparison == Comparison::Previous>{engine_words::comparison_title(Comparison::Previous)}</option>
                        <option value="year" selected=comparison == Comparison::YearEarlier>{engine_words::comparison_title(Comparison::YearEarlier)}</option>
                    </select>
                </label>
                <label class="field narrow">
                    <span>{t(Filter::GrossMargin)}</span>
                    <input type="number" min="0" max="100" step="1" node_ref=inputs[2] data-testid="gross-margin" value=format!("{}", first_margin * 100.0) on:change=set_margin title=t(Filter::GrossMarginHint)/>
                </label>
                <div class="page-tools">
                    <PrintButton/>
                </div>
            </div>
            <div class="row filters">
                {filters}
                {move || filtered().then(|| view! {
                    <button class="button small" data-testid="clear-filters" on:click=move |_| settings.update(|v| { v.filters = Default::default(); v.crumbs.clear(); })>{t(Filter::Clear)}</button>
                }.into_any())}
            </div>
            </div>
            <Breadcrumb/>
        </section>
    }
}

/// A filter list longer than this gets a search box and shows this many of the values it
/// finds: thousands of checkboxes are slow to draw, and no one scrolls through them.
const LISTED: usize = 50;

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
/// list, a search box over the first [`LISTED`] values it finds. Built once per set of values;
/// what is chosen follows the view.
#[component]
fn MultiSelect(dim: Dim, values: Vec<String>) -> impl IntoView {
    let settings = ViewState::expect().view;
    let chosen = Memo::new(move |_| settings.with(|v| v.filters.0.get(&dim).cloned().unwrap_or_default()));
    let summary = move || {
        chosen.with(|c| match c.as_slice() {
            [] => t(Filter::All).to_owned(),
            [one] => one.clone(),
            many => tf(Filter::Chosen, &[("n", many.len().to_string())]),
        })
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
    let active = move || chosen.with(|c| !c.is_empty());
    view! {
        <details class="multi" class:active=active data-filter=dim.field()>
            <summary>
                <span class="name">{engine_words::dim(dim)}</span>
                <span class="chosen">{summary}</span>
            </summary>
            <div class="options" role="group" aria-label=tf(Filter::ToShow, &[("dim", engine_words::dim(dim).to_owned())])>
                {move || active().then(|| view! {
                    <button class="link" on:click=move |_| settings.update(|v| { v.filters.0.remove(&dim); })>{t(Filter::ShowAll)}</button>
                }.into_any())}
                {listed(values, chosen, toggle)}
            </div>
        </details>
    }
}

/// A filter list's checkboxes: [`LISTED`] at most, showing the values a search box finds
/// when the list is longer, with a line saying how many it finds. Built once per set of values:
/// typing and ticking write into the same boxes (a tick keeps the keyboard where it was).
fn listed(
    values: Vec<String>,
    chosen: Memo<Vec<String>>,
    toggle: impl Fn(String, bool) + Copy + 'static,
) -> impl IntoView {
    use wasm_bindgen::JsCast;
    let total = values.len();
    let long = total > LISTED;
    let n = |v: usize| pipelens_engine::format::local::number(crate::i18n::current(), v as f64, 0);
    let line = move |(shown, all): &(Vec<usize>, usize), term: &str| match *all {
        _ if !long => String::new(),
        0 => tf(Filter::NoMatch, &[("term", term.trim().to_owned())]),
        all if all > shown.len() => tf(Filter::Listed, &[("shown", n(shown.len())), ("n", n(all))]),
        _ => String::new(),
    };
    let boxes = values
        .iter()
        .take(LISTED)
        .map(|value| {
            view! {
                <label class="option">
                    <input type="checkbox" data-value=value.clone() on:change=move |ev| {
                        let input: web_sys::HtmlInputElement = event_target(&ev);
                        if let Some(value) = input.get_attribute("data-value") {
                            toggle(value, input.checked());
                        }
                    }/>
                    <span>{value.clone()}</span>
                </label>
            }
        })
        .collect_view();
    let first_line = line(&matching(&values, "", LISTED), "");
    let typed = RwSignal::new(String::new());
    let window = NodeRef::<leptos::html::Div>::new();
    // What each box shows and whether it is ticked, written once built and whenever the
    // search or the filter changes.
    Effect::new(move |_| {
        let Some(window) = window.get() else { return };
        typed.with(|typed| {
            let found = matching(&values, typed, LISTED);
            chosen.with(|chosen| {
                let mut slot = window.first_element_child();
                for i in 0.. {
                    let Some(label) = slot else { break };
                    let value = found.0.get(i).map(|&j| values[j].as_str());
                    let _ = label.toggle_attribute_with_force("hidden", value.is_none());
                    let (input, span) = (label.first_element_child(), label.last_element_child());
                    if let (Some(input), Some(text)) = (input, span.and_then(|s| s.first_child())) {
                        let value = value.unwrap_or_default();
                        let _ = input.set_attribute("data-value", value);
                        input
                            .unchecked_ref::<web_sys::HtmlInputElement>()
                            .set_checked(chosen.iter().any(|c| c == value));
                        text.set_node_value(Some(value));
                    }
                    slot = label.next_element_sibling();
                }
            });
            if let Some(text) = window.next_element_sibling().and_then(|p| p.first_child()) {
                text.set_node_value(Some(&line(&found, typed)));
            }
        });
    });
    let find = long.then(|| {
        let label = tf(Filter::Find, &[("n", n(total))]);
        view! { <input type="search" class="find" data-testid="filter-find" aria-label=label.clone() placeholder=label on:input=move |ev| typed.set(event_target_value(&ev))/> }
    });
    view! {
        {find}
        <div class="window" node_ref=window>{boxes}</div>
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
