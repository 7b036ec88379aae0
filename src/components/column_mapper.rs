//! The mapping screen: which dataset a file holds and which column holds which field, with the
//! first values of each chosen column. For a loaded deals file it also edits what each stage
//! means (open / won / lost) and the order of the open stages.

use crate::components::stage_editor::StageEditor;
use crate::i18n::mapper::Mapper;
use crate::i18n::{t, tf};
use crate::load::Loader;
use crate::state::{DataState, PendingFile, Shared};
use leptos::prelude::*;
use pipelens_engine::ingest::DatasetKind;
use std::sync::Arc;

/// Dataset and columns for a file waiting in [`DataState::pending`].
#[component]
pub fn ColumnMapper(pending: Shared<PendingFile>) -> impl IntoView {
    let data = DataState::expect();
    let loader = Loader::expect();
    let p = Arc::clone(&pending.0);
    let kind = RwSignal::new(p.preview.kind);
    let choice = RwSignal::new(p.preview.mapping.clone());
    let missing = move || choice.with(|c| kind.get().missing_in(c));
    let reviewing = p.replaces.is_some();

    let kinds = {
        let p = Arc::clone(&p);
        DatasetKind::ALL
            .iter()
            .map(|&k| {
                let fit = p.preview.fits.iter().find(|f| f.kind == k);
                let note = match fit {
                    Some(f) if f.complete() => t(Mapper::HeadersMatch).to_owned(),
                    Some(f) if !f.matched.is_empty() => tf(Mapper::ColumnsMatch, &[("n", f.matched.len().to_string())]),
                    _ => String::new(),
                };
                view! { <option value=k.name() selected=k == p.preview.kind>{format!("{}{note}", crate::components::missing_data::dataset_name(k))}</option> }
            })
            .collect_view()
    };
    let on_kind = {
        let p = Arc::clone(&p);
        move |ev: leptos::ev::Event| {
            let name = event_target_value(&ev);
            if let Some(&k) = DatasetKind::ALL.iter().find(|k| k.name() == name) {
                choice.set(if k == p.preview.kind { p.preview.mapping.clone() } else { p.preview.mapping_for(k) });
                kind.set(k);
            }
        }
    };

    let rows = {
        let p = Arc::clone(&p);
        move || {
            let k = kind.get();
            let guess = choice.get_untracked();
            let auto = p.preview.mapping_for(k);
            let reasons = p.preview.reasons_for(k);
            k.fields()
                .iter()
                .enumerate()
                .map(|(i, field)| {
                    let options =
                        std::iter::once(view! { <option value="">{t(Mapper::NotInFile)}</option> }.into_any())
                            .chain(p.preview.headers.iter().enumerate().map(|(c, h)| {
                                let selected = guess.get(i).copied().flatten() == Some(c);
                                view! { <option value=c.to_string() selected=selected>{h.clone()}</option> }.into_any()
                            }))
                            .collect_view();
                    let on_change = move |ev: leptos::ev::Event| {
                        let column = event_target_value(&ev).parse::<usize>().ok();
                        choice.update(|c| {
                            if let Some(slot) = c.get_mut(i) {
                                *slot = column;
                            }
                        });
                    };
                    let sample = {
                        let p = Arc::clone(&p);
                        move || {
                            choice.with(|c| c.get(i).copied().flatten()).map_or(String::new(), |col| {
                                let values: Vec<String> =
                                    p.preview.rows.iter().filter_map(|r| r.get(col)).take(3).cloned().collect();
                                values.join(" · ")
                            })
                        }
                    };
                    let need = match field.one_of {
                        Some(group) => tf(Mapper::RequiredOf, &[("group", group.to_owned())]),
                        None if field.required => t(Mapper::Required).to_owned(),
                        None => String::new(),
                    };
                    let why = {
                        let auto_col = auto.get(i).copied().flatten();
                        let reason = reasons
                            .get(i)
                            .cloned()
                            .flatten()
                            .map(|r| pipelens_engine::text::mapping_reason(&r, crate::i18n::current()))
                            .unwrap_or_default();
                        move || match (choice.with(|c| c.get(i).copied().flatten()), auto_col) {
                            (None, _) => String::new(),
                            (Some(c), Some(a)) if c == a && !reason.is_empty() => reason.clone(),
                            (Some(c), Some(a)) if c == a => t(Mapper::ByName).to_owned(),
                            _ => t(Mapper::ByHand).to_owned(),
                        }
                    };
                    let label = tf(Mapper::ColumnFor, &[("field", field.name.to_owned())]);
                    view! {
                        <tr data-field=field.name>
                            <th scope="row">{field.name}<span class="need">{need}</span></th>
                            <td><select aria-label=label on:change=on_change>{options}</select></td>
                            <td class="sample">{sample}</td>
                            <td class="muted">{why}</td>
                        </tr>
                    }
                })
                .collect_view()
        }
    };

    let use_columns = {
        let pending = pending.clone();
        move |_| loader.read_pending(pending.clone(), kind.get_untracked(), choice.get_untracked())
    };
    let close = {
        let p = Arc::clone(&p);
        move |_| data.pending.update(|list| list.retain(|x| !Arc::ptr_eq(&x.0, &p)))
    };
    let intro = if reviewing {
        t(Mapper::IntroReview).to_owned()
    } else if !p.preview.unsure.is_empty() && p.preview.missing.is_empty() {
        unsure_intro(&p.preview.unsure)
    } else {
        t(Mapper::IntroAsk).to_owned()
    };
    let stages = (reviewing && p.preview.kind == DatasetKind::Deals)
        .then(|| view! { <Show when=move || kind.get() == DatasetKind::Deals><StageEditor/></Show> });
    view! {
        <section class="card mapper" aria-labelledby="mapper-title" data-testid="column-mapper">
            <h2 id="mapper-title">{tf(if reviewing { Mapper::ColumnsOf } else { Mapper::WhichColumn }, &[("name", p.name.clone())])}</h2>
            <p>{intro}</p>
            <p>
                <label>{t(Mapper::FileHolds)}" " <select data-testid="dataset-select" on:change=on_kind>{kinds}</select></label>
            </p>
            <table class="data-table compact">
                <thead><tr><th scope="col">{t(Mapper::Field)}</th><th scope="col">{t(Mapper::Column)}</th><th scope="col">{t(Mapper::FirstValues)}</th><th scope="col">{t(Mapper::Why)}</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
            <p class="mapper-actions">
                <button class="button primary" data-testid="use-columns" disabled=move || !missing().is_empty() on:click=use_columns>
                    {t(if reviewing { Mapper::ReadAgain } else { Mapper::UseColumns })}
                </button>
                <button class="button" on:click=close>{t(if reviewing { Mapper::Close } else { Mapper::Cancel })}</button>
                <span class="muted" data-testid="still-needed">
                    {move || { let m = missing(); if m.is_empty() { String::new() } else { tf(Mapper::StillNeeded, &[("fields", m.join(", "))]) } }}
                </span>
            </p>
            {stages}
        </section>
    }
}

/// The mapping screen's first line when every field found a column but two columns fit some
/// required field about equally well.
fn unsure_intro(fields: &[&str]) -> String {
    crate::i18n::tf(crate::i18n::sources::Status::UnsureIntro, &[("fields", fields.join(", "))])
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_unsure_intro_names_the_fields() {
        assert!(
            super::unsure_intro(&["amount", "created_date"]).starts_with("Two columns fit amount, created_date about")
        );
    }
}
