//! The sheet picker of a file read from a workbook: which sheet of which workbook it is, and,
//! when the workbook has several sheets, a choice of another (read at once in its place).

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
        1 => " · 1 cell held an error value (such as #N/A) and reads as empty".to_owned(),
        n => format!(" · {n} cells held error values (such as #N/A) and read as empty"),
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
                " · sheet "
                <select aria-label=format!("Sheet of {book}") data-testid="sheet-picker" on:change=on_change>{options}</select>
            </label>
        }
    });
    let sheet = origin.sheets.get(origin.sheet).map(|s| s.name.clone()).unwrap_or_default();
    Some(view! {
        <span class="muted sheet-origin" data-testid="sheet-origin" data-workbook=book.clone() data-sheet=sheet.clone()>
            {format!("from workbook {book}, sheet {sheet}")}
            {picker}
            {errors}
        </span>
    })
}
