//! What each deal stage means (open, won or lost) and the order of the open stages, as the
//! user sees fit. Applied to the loaded deals at once, without reading the file again.

use crate::i18n::mapper::Mapper;
use crate::i18n::{t, tf};
use crate::state::{DataState, Loaded, Shared};
use leptos::prelude::*;
use pipelens_engine::format::grouped;
use pipelens_engine::{StageRules, Status};
use std::sync::Arc;

/// The stage settings of the loaded deals.
#[component]
pub fn StageEditor() -> impl IntoView {
    let data = DataState::expect();
    // Stage names, deal counts and the current rules of the loaded deals.
    let current = data.loaded.with_untracked(|l| {
        l.workspace.deals.as_ref().map(|d| {
            let mut counts = vec![0usize; d.stage.values.len()];
            for &c in &d.stage.codes {
                if let Some(n) = counts.get_mut(c as usize) {
                    *n += 1;
                }
            }
            (d.stage.values.clone(), counts, d.stage_rules.clone(), d.status_from_column)
        })
    });
    let Some((names, counts, rules, from_column)) = current else { return ().into_any() };
    if names.is_empty() {
        return view! { <p class="muted">{t(crate::i18n::messages::Message::NoStageColumn)}</p> }.into_any();
    }
    let rules = RwSignal::new(rules);
    let names = Arc::new(names);

    let set_status = move |code: u32, status: Status| {
        rules.update(|r| {
            if let Some(s) = r.status_of.get_mut(code as usize) {
                *s = status;
            }
            r.open_order.retain(|&c| c != code);
            if status == Status::Open {
                r.open_order.push(code);
            }
        })
    };
    let move_open = move |code: u32, up: bool| {
        rules.update(|r| {
            let Some(i) = r.open_order.iter().position(|&c| c == code) else { return };
            let j = if up { i.checked_sub(1) } else { Some(i + 1).filter(|&j| j < r.open_order.len()) };
            if let Some(j) = j {
                r.open_order.swap(i, j);
            }
        })
    };
    let status_rows = {
        let names = Arc::clone(&names);
        (0..names.len() as u32)
            .map(|code| {
                let name = names[code as usize].clone();
                let status = rules.with_untracked(|r| r.status(code));
                let options = [Status::Open, Status::Won, Status::Lost]
                    .map(|s| {
                        let label = format!("{s:?}").to_lowercase();
                        let words = t(match s {
                            Status::Won => Mapper::Won,
                            Status::Lost => Mapper::Lost,
                            _ => Mapper::Open,
                        });
                        view! { <option value=label.clone() selected=s == status>{words}</option> }
                    })
                    .collect_view();
                let on_change = move |ev: leptos::ev::Event| {
                    let s = match event_target_value(&ev).as_str() {
                        "won" => Status::Won,
                        "lost" => Status::Lost,
                        _ => Status::Open,
                    };
                    set_status(code, s);
                };
                let label = tf(Mapper::StageMeans, &[("name", name.clone())]);
                view! {
                    <tr data-stage=name.clone()>
                        <th scope="row">{name.clone()}</th>
                        <td class="num">{grouped(counts[code as usize] as f64, 0)}</td>
                        <td><select aria-label=label disabled=from_column on:change=on_change>{options}</select></td>
                    </tr>
                }
            })
            .collect_view()
    };
    let order = {
        let names = Arc::clone(&names);
        move || {
            let open = rules.with(|r| r.open_order.clone());
            let last = open.len().saturating_sub(1);
            open.into_iter()
                .enumerate()
                .map(|(i, code)| {
                    let name = names.get(code as usize).cloned().unwrap_or_default();
                    view! {
                        <li data-open-stage=name.clone()>
                            <span>{name.clone()}</span>
                            <button class="button small" aria-label=tf(Mapper::Earlier, &[("name", name.clone())]) disabled=i == 0 on:click=move |_| move_open(code, true)>"↑"</button>
                            <button class="button small" aria-label=tf(Mapper::Later, &[("name", name.clone())]) disabled=i == last on:click=move |_| move_open(code, false)>"↓"</button>
                        </li>
                    }
                })
                .collect_view()
        }
    };
    let apply = move |_| {
        let new_rules: StageRules = rules.get_untracked();
        let next = data.loaded.with_untracked(|l| {
            let mut workspace = l.workspace.clone();
            if let Some(d) = workspace.deals.as_mut() {
                d.apply_stage_rules(new_rules);
            }
            Loaded { workspace, source: l.source, files: l.files.clone() }
        });
        data.loaded.set(Shared(Arc::new(next)));
    };
    view! {
        <section class="stage-editor" aria-labelledby="stages-title" data-testid="stage-editor">
            <h3 id="stages-title">{t(Mapper::Stages)}</h3>
            {from_column.then(|| view! { <p class="muted">{t(Mapper::FromColumn)}</p> })}
            <div class="stage-grid">
                <table class="data-table compact">
                    <thead><tr><th scope="col">{t(Mapper::Stage)}</th><th scope="col" class="num">{t(Mapper::Deals)}</th><th scope="col">{t(Mapper::Means)}</th></tr></thead>
                    <tbody>{status_rows}</tbody>
                </table>
                <div>
                    <h4>{t(Mapper::OpenOrder)}</h4>
                    <ol class="open-order" data-testid="open-order">{order}</ol>
                </div>
            </div>
            <p class="mapper-actions">
                <button class="button primary" data-testid="apply-stages" on:click=apply>{t(Mapper::Apply)}</button>
                <span class="muted">{t(Mapper::AppliesAtOnce)}</span>
            </p>
        </section>
    }
    .into_any()
}
