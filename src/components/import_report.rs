//! The data-quality report of a loaded file: how it was read, how columns were mapped, and
//! every row that was rejected (with line, column and reason).

use crate::io::download::download_text;
use crate::load::Loader;
use crate::state::FileEntry;
use leptos::prelude::*;
use pipelens_engine::export::problems_csv;
use pipelens_engine::format::grouped;
use pipelens_engine::ingest::{CodePage, Confidence, DateOrder, ImportReport};

/// Rejected rows rendered in the page; the count always covers all of them.
const SHOWN_ROWS: usize = 1000;

/// The report of one file.
#[component]
pub fn ImportReportView(
    /// The file, with what its import did.
    entry: FileEntry,
) -> impl IntoView {
    let loader = Loader::expect();
    let dataset = entry.kind.name();
    let report = entry.report.clone();
    let rejected = report.rejected.len();
    let delimiter = match report.delimiter {
        '\t' => "tab".to_owned(),
        c => format!("\"{c}\""),
    };
    let summary = format!(
        "{} rows read, {} kept, {} rejected · {} bytes, {}, delimiter {}",
        grouped(report.rows_read as f64, 0),
        grouped(report.rows_kept as f64, 0),
        grouped(rejected as f64, 0),
        grouped(report.bytes as f64, 0),
        report.encoding,
        delimiter
    );
    let code_page = code_page_line(&report, entry.clone(), loader);
    let columns = report
        .columns
        .iter()
        .map(|c| {
            let mapped = report.mapping.iter().find(|m| m.header == c.header);
            let field = mapped.map_or("–", |m| m.field);
            let dates = mapped.and_then(|m| m.dates.as_ref());
            let read_as = match dates.and_then(|d| Some((d.order?, d.assumed))) {
                Some((DateOrder::DayFirst, false)) if entry.date_order.is_some() => "day-first dates, as you chose",
                Some((DateOrder::MonthFirst, false)) if entry.date_order.is_some() => "month-first dates, as you chose",
                Some((DateOrder::DayFirst, false)) => "day-first dates (31/12/2024)",
                Some((DateOrder::MonthFirst, false)) => "month-first dates (12/31/2024)",
                Some((DateOrder::DayFirst, true)) => "day-first dates, assumed: no day above 12 told them apart",
                Some((DateOrder::MonthFirst, true)) => "month-first dates, assumed: no day above 12 told them apart",
                None if dates.is_some() => "year first or month names: unambiguous",
                None => "",
            };
            let assumed = dates.is_some_and(|d| d.assumed);
            let other = match dates.and_then(|d| d.order) {
                Some(DateOrder::DayFirst) => DateOrder::MonthFirst,
                _ => DateOrder::DayFirst,
            };
            let ask = (assumed || entry.date_order.is_some()).then(|| {
                let entry = entry.clone();
                let label = match other {
                    DateOrder::DayFirst => "Read them as day-first (31/12)",
                    DateOrder::MonthFirst => "Read them as month-first (12/31)",
                };
                view! { " " <button class="link" data-testid="flip-date-order" on:click=move |_| loader.set_date_order(entry.clone(), other)>{label}</button> }
            });
            view! {
                <tr data-column=c.header.clone()>
                    <th scope="row">{c.header.clone()}</th>
                    <td>{c.detected}</td>
                    <td class="num">{grouped(c.empty as f64, 0)}</td>
                    <td>{field}</td>
                    <td class:warn=assumed>{read_as}{ask}</td>
                </tr>
            }
        })
        .collect_view();
    let preamble = (!report.preamble.is_empty()).then(|| {
        let lines =
            report.preamble.iter().map(|(line, text)| format!("line {line}: {text}")).collect::<Vec<_>>().join(" · ");
        view! { <p class="muted" data-testid="preamble">"Skipped above the header (title or notes): " {lines}</p> }
    });
    let footer = (!report.footer.is_empty()).then(|| {
        let lines =
            report.footer.iter().map(|(line, text)| format!("line {line}: {text}")).collect::<Vec<_>>().join(" · ");
        view! { <p class="muted" data-testid="footer-lines">"Skipped below the data (totals, notes): " {lines}</p> }
    });
    let ids = report.ids_generated.clone().map(|why| view! { <p role="note" data-testid="ids-generated">{why}</p> });
    let rows = report
        .rejected
        .iter()
        .take(SHOWN_ROWS)
        .map(|r| {
            let col = r.column.map_or("–".to_owned(), |c| c.to_string());
            view! { <tr><td class="num">{r.line}</td><td class="num">{col}</td><td>{r.reason.clone()}</td></tr> }
        })
        .collect_view();
    let more = (rejected > SHOWN_ROWS).then(|| view! { <p class="muted">{format!("and {} more rejected rows", grouped((rejected - SHOWN_ROWS) as f64, 0))}</p> });
    let cells = report.cell_issues_total;
    let download = (rejected + cells > 0).then(|| {
        let name = format!("{}-problems.csv", report.file.trim_end_matches(".csv"));
        let text = problems_csv(&report);
        view! {
            <button class="button" data-testid="download-problems" on:click=move |_| { let _ = download_text(&name, "text/csv", &text); }>
                "Download the problems (CSV)"
            </button>
        }
    });
    let cell_rows = report
        .cell_issues
        .iter()
        .take(SHOWN_ROWS)
        .map(|c| view! { <tr><td class="num">{c.line}</td><td>{format!("{} ({})", c.header, c.column)}</td><td>{c.value.clone()}</td><td>{c.expected}</td></tr> })
        .collect_view();
    view! {
        <section class="card report" aria-label=format!("Data quality of {}", report.file) data-testid="import-report">
            <h2>{format!("Data quality: {} ({dataset})", report.file)}</h2>
            <p data-testid="import-summary" data-rows-kept=report.rows_kept data-rows-rejected=rejected>{summary}</p>
            {code_page}
            {preamble}
            {footer}
            {ids}
            {download}
            <h3>"Columns"</h3>
            <table class="data-table compact" data-testid="report-columns">
                <thead><tr>
                    <th scope="col">"Column in the file"</th><th scope="col">"Holds"</th><th scope="col" class="num">"Empty cells"</th>
                    <th scope="col">{format!("Used as ({dataset} field)")}</th><th scope="col">"Dates read as"</th>
                </tr></thead>
                <tbody>{columns}</tbody>
            </table>
            {(rejected > 0).then(|| view! {
                <h3>{format!("Rejected rows ({})", grouped(rejected as f64, 0))}</h3>
                <table class="data-table compact" data-testid="rejected-rows">
                    <thead><tr><th scope="col" class="num">"Line"</th><th scope="col" class="num">"Column"</th><th scope="col">"Reason"</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
                {more}
            })}
            {(cells > 0).then(|| view! {
                <h3>{format!("Unreadable cells ({}; their rows were kept)", grouped(cells as f64, 0))}</h3>
                <table class="data-table compact">
                    <thead><tr><th scope="col" class="num">"Line"</th><th scope="col">"Column"</th><th scope="col">"Value"</th><th scope="col">"Expected"</th></tr></thead>
                    <tbody>{cell_rows}</tbody>
                </table>
            })}
        </section>
    }
}

/// What the code-page line says of how sure the reader is.
fn confidence_words(confidence: Confidence) -> &'static str {
    match confidence {
        Confidence::Marked => "named by the file's byte-order mark",
        Confidence::Chosen => "as you chose",
        Confidence::High => "detected",
        Confidence::Low => {
            "a guess from little evidence: if names or headers look wrong, pick the code page the file was saved in"
        }
    }
}

/// The code page the file was read in, how sure that is, and a picker that reads the file
/// again in another one.
fn code_page_line(report: &ImportReport, entry: crate::state::FileEntry, loader: Loader) -> impl IntoView {
    let current = CodePage::from_name(report.encoding);
    let confidence = report.encoding_confidence;
    let text = format!("Code page: {} ({})", report.encoding_label, confidence_words(confidence));
    // The main candidates, and the one in use when it is not among them.
    let mut choices: Vec<CodePage> = CodePage::main().collect();
    if let Some(c) = current.filter(|c| !choices.contains(c) && !c.is_utf16()) {
        choices.push(c);
    }
    let options = choices
        .into_iter()
        .map(|c| view! { <option value=c.name() selected=Some(c) == current>{c.label()}</option> })
        .collect_view();
    // A byte-order mark decides: nothing to pick.
    let picker = (confidence != Confidence::Marked).then(|| {
        view! {
            " "
            <label>
                "Read it as "
                <select data-testid="code-page-picker" on:change=move |ev| {
                    if let Some(c) = CodePage::from_name(&event_target_value(&ev)) {
                        if Some(c) != current {
                            loader.set_code_page(entry.clone(), c);
                        }
                    }
                }>{options}</select>
            </label>
        }
    });
    view! {
        <p data-testid="code-page" data-encoding=report.encoding data-confidence=format!("{confidence:?}").to_lowercase()
            class:warn=confidence.is_low() role=confidence.is_low().then_some("alert")>
            {text}{picker}
        </p>
    }
}
