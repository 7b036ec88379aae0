//! The sheet picker of a file read from a workbook: which sheet of which workbook it is, and,
//! when the workbook has several sheets, a choice of another (read at once in its place).

use crate::i18n::sources::Origin;
use crate::i18n::{current, t, tf};
use crate::io::workbook;
use crate::load::Loader;
use crate::state::FileEntry;
use leptos::prelude::*;

/// The workbook and sheet a loaded file came from, with a picker when there are several
/// sheets; nothing for a file that did not come from a workbook.
#[component]
pub fn SheetPicker(
    /// The loaded file.
    entry: FileEntry,
) -> impl IntoView {
    let origin = workbook::origin(entry.id)?;
    let loader = Loader::expect();
    let book = origin.workbook.name();
    let errors = match origin.errors {
        0 => String::new(),
        1 => t(Origin::OneErrorCell).to_owned(),
        n => tf(Origin::ErrorCells, &[("n", pipelens_engine::format::local::int(current(), n))]),
    };
    let picker = (origin.sheets.len() > 1).then(|| {
        let options = origin
            .sheets
            .iter()
            .enumerate()
            .map(|(i, s)| {
                view! {
                    <option value=i.to_string() selected=i == origin.sheet>
                        {format!("{} ({} × {})", s.name, s.rows, s.cols)}
                    </option>
                }
            })
            .collect_view();
        let current = origin.sheet;
        let on_change = move |ev: leptos::ev::Event| {
            if let Ok(sheet) = event_target_value(&ev).parse::<usize>() {
                if sheet != current {
                    loader.pick_sheet(entry.clone(), sheet);
                }
            }
        };
        view! {
            <label>
                {t(Origin::Sheet)}
                <select aria-label=tf(Origin::SheetOf, &[("book", book.clone())]) data-testid="sheet-picker" on:change=on_change>{options}</select>
            </label>
        }
    });
    let sheet = origin.sheets.get(origin.sheet).map(|s| s.name.clone()).unwrap_or_default();
    Some(view! {
        <span class="muted sheet-origin" data-testid="sheet-origin" data-workbook=book.clone() data-sheet=sheet.clone()>
            {tf(Origin::FromSheet, &[("book", book.clone()), ("sheet", sheet.clone())])}
            {picker}
            {errors}
        </span>
    })
}
