//! Export buttons: a table as CSV, a chart as PNG, the page to the printer (or a PDF). Files are
//! made in the tab and saved through a Blob URL ([`crate::io::download`]); nothing is sent.
//! The buttons carry the class `export`, which the print stylesheet hides.

use crate::i18n::charts::ChartCard;
use crate::i18n::{t, tf};
use crate::io::download::{download_canvas_png, download_text};
use crate::state::{DashState, ViewState};
use leptos::prelude::*;
use pipelens_engine::export::file_name;

/// `pipelens-<what>-<from>_<to>.<ext>` over the period on screen.
pub fn export_name(what: &str, ext: &str) -> String {
    let period = DashState::expect().dashboard.with_untracked(|d| d.as_ref().map(|d| d.scope.period));
    match period {
        Some(p) => file_name(what, p, ext),
        None => format!("pipelens-{}.{ext}", what.replace(|c: char| !c.is_ascii_alphanumeric(), "-")),
    }
}

/// A small "CSV" button that downloads the table `csv` builds when clicked (see
/// [`pipelens_engine::export::rows_csv`], which neutralises every cell), as a spreadsheet in
/// the page's language opens it ([`pipelens_engine::format::spreadsheet::localise`]).
#[component]
pub fn CsvButton<F>(
    /// What the table is, for the button's accessible name: "Won revenue by product".
    #[prop(into)]
    label: String,
    /// The file's subject, made into its name: `product-revenue` gives
    /// `pipelens-product-revenue-2024-01-01_2024-12-31.csv`.
    #[prop(into)]
    file: String,
    /// Builds the CSV text; runs on click only.
    csv: F,
) -> impl IntoView
where
    F: Fn() -> String + 'static,
{
    // The button is built once for every kind of table, not once per caller's `csv`.
    csv_button(label, file, Box::new(csv))
}

/// [`CsvButton`]'s button.
fn csv_button(label: String, file: String, csv: Box<dyn Fn() -> String>) -> AnyView {
    let name = tf(ChartCard::DownloadCsv, &[("what", label)]);
    // Built in the page's language: `;`, decimal commas and a BOM for German and Polish.
    let lang = crate::i18n::current();
    let on_click = move |_| {
        let text = pipelens_engine::format::spreadsheet::localise(&csv(), lang);
        let _ = download_text(&export_name(&file, "csv"), "text/csv", &text);
    };
    view! {
        <button type="button" class="button small export" data-testid="export-csv" aria-label=name.clone() title=name on:click=on_click>
            <span aria-hidden="true">"↓"</span>"CSV"
        </button>
    }
    .into_any()
}

/// A small "PNG" button that saves the first canvas inside `scope` (the chart's card) at its
/// device-pixel size, on the theme's chart background.
#[component]
pub fn PngButton(
    /// The chart's title, for the button's accessible name.
    #[prop(into)]
    label: String,
    /// The file's subject: the chart's key.
    #[prop(into)]
    file: String,
    /// The element the chart's canvas is in.
    scope: NodeRef<leptos::html::Figure>,
) -> impl IntoView {
    use wasm_bindgen::JsCast;
    let dark = ViewState::expect().dark;
    let name = tf(ChartCard::DownloadPng, &[("what", label.to_string())]);
    let on_click = move |_| {
        let Some(canvas) = scope
            .get_untracked()
            .and_then(|f| f.query_selector("canvas").ok().flatten())
            .and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok())
        else {
            return;
        };
        let scale = window().device_pixel_ratio().max(1.0);
        let bg = crate::theme::chart_style(dark.get_untracked(), scale).background;
        let colour = format!("#{:02x}{:02x}{:02x}", bg.0, bg.1, bg.2);
        let _ = download_canvas_png(&canvas, &colour, &export_name(&file, "png"));
    };
    view! {
        <button type="button" class="button small export" data-testid="export-png" aria-label=name.clone() title=name on:click=on_click>
            <span aria-hidden="true">"↓"</span>"PNG"
        </button>
    }
}

/// "Print": the browser's print dialog, where "Save as PDF" is one of the printers. Charts are
/// redrawn in the light theme first, so a dark screen still prints dark text on white paper.
#[component]
pub fn PrintButton() -> impl IntoView {
    let dark = ViewState::expect().dark;
    let on_click = move |_| {
        if !dark.get_untracked() {
            let _ = window().print();
            return;
        }
        dark.set(false);
        // The charts redraw in effects that run before a timeout does; print after them, then
        // give the screen its theme back.
        let print = wasm_bindgen::closure::Closure::once_into_js(move || {
            let _ = window().print();
            dark.set(true);
        });
        use wasm_bindgen::JsCast;
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(print.unchecked_ref(), 50);
    };
    view! {
        <button type="button" class="button small export" data-testid="print" aria-label=t(ChartCard::PrintHint) title=t(ChartCard::PrintHint) on:click=on_click>
            {t(ChartCard::Print)}
        </button>
    }
}
