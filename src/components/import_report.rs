//! The data-quality report of a loaded file: how it was read, how columns were mapped, and
//! every row that was rejected (with line, column and reason).

use crate::i18n::panels::Report;
use crate::i18n::sources::{code_page_label, detected_word, CodePageWord};
use crate::i18n::{t, tf};
use crate::io::download::download_text;
use crate::load::Loader;
use crate::state::FileEntry;
use leptos::prelude::*;
use pipelens_engine::export::problems_csv;
use pipelens_engine::ingest::{CellIssue, CodePage, Confidence, DateOrder, ImportReport, RejectedRow};

/// Rows of each list of problems rendered in the page (the first [`FIRST_ROWS`] shown, the rest
/// folded); the counts always cover all of them.
const SHOWN_ROWS: usize = 1000;

/// Rows of each list shown at first; the rest, up to [`SHOWN_ROWS`], in a closed `<details>`,
/// which the browser does not lay out until it is opened (a thousand rows laid out with the
/// dashboard's first page held the page for 80 ms).
const FIRST_ROWS: usize = 100;

/// The report of one file.
#[component]
pub fn ImportReportView(
    /// The file, with what its import did.
    entry: FileEntry,
) -> impl IntoView {
    let loader = Loader::expect();
    let dataset = crate::components::missing_data::dataset_name(entry.kind);
    let lang = crate::i18n::current();
    let grouped = move |v: f64, d: usize| pipelens_engine::format::local::number(lang, v, d);
    // Shared with the download button's handler, which writes the problems when clicked.
    let report = std::rc::Rc::new(entry.report.clone());
    let rejected = report.rejected.len();
    let delimiter = match report.delimiter {
        '\t' => t(Report::Tab).to_owned(),
        c => format!("\"{c}\""),
    };
    let summary = tf(
        Report::Summary,
        &[
            ("read", grouped(report.rows_read as f64, 0)),
            ("kept", grouped(report.rows_kept as f64, 0)),
            ("rejected", grouped(rejected as f64, 0)),
            ("bytes", grouped(report.bytes as f64, 0)),
            ("encoding", report.encoding.to_string()),
            ("delimiter", delimiter),
        ],
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
                Some((DateOrder::DayFirst, false)) if entry.date_order.is_some() => t(Report::DayFirstChosen),
                Some((DateOrder::MonthFirst, false)) if entry.date_order.is_some() => t(Report::MonthFirstChosen),
                Some((DateOrder::DayFirst, false)) => t(Report::DayFirst),
                Some((DateOrder::MonthFirst, false)) => t(Report::MonthFirst),
                Some((DateOrder::DayFirst, true)) => t(Report::DayFirstAssumed),
                Some((DateOrder::MonthFirst, true)) => t(Report::MonthFirstAssumed),
                None if dates.is_some() => t(Report::Unambiguous),
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
                    DateOrder::DayFirst => t(Report::ReadDayFirst),
                    DateOrder::MonthFirst => t(Report::ReadMonthFirst),
                };
                view! { " " <button class="link" data-testid="flip-date-order" on:click=move |_| loader.set_date_order(entry.clone(), other)>{label}</button> }
            });
            view! {
                <tr data-column=c.header.clone()>
                    <th scope="row">{c.header.clone()}</th>
                    <td>{detected_word(c.detected, crate::i18n::current())}</td>
                    <td class="num">{grouped(c.empty as f64, 0)}</td>
                    <td>{field}</td>
                    <td class:warn=assumed>{read_as}{ask}</td>
                </tr>
            }
        })
        .collect_view();
    let preamble = (!report.preamble.is_empty()).then(|| {
        let lines = report
            .preamble
            .iter()
            .map(|(line, text)| tf(Report::Line, &[("line", line.to_string()), ("text", text.clone())]))
            .collect::<Vec<_>>()
            .join(" · ");
        view! { <p class="muted" data-testid="preamble">{t(Report::SkippedAbove)}" " {lines}</p> }
    });
    let footer = (!report.footer.is_empty()).then(|| {
        let lines = report
            .footer
            .iter()
            .map(|(line, text)| tf(Report::Line, &[("line", line.to_string()), ("text", text.clone())]))
            .collect::<Vec<_>>()
            .join(" · ");
        view! { <p class="muted" data-testid="footer-lines">{t(Report::SkippedBelow)}" " {lines}</p> }
    });
    let ids = report
        .ids_generated
        .as_ref()
        .map(|why| view! { <p role="note" data-testid="ids-generated">{pipelens_engine::text::ids_generated(why, lang)}</p> });
    let rejected_row = |r: &RejectedRow| {
        let col = r.column.map_or("–".to_owned(), |c| c.to_string());
        view! { <tr><td class="num">{r.line}</td><td class="num">{col}</td><td>{pipelens_engine::text::rejection(&r.reason, lang)}</td></tr> }
    };
    let mut rows: Vec<_> = report.rejected.iter().take(SHOWN_ROWS).map(rejected_row).collect();
    let rows_rest = rows.split_off(FIRST_ROWS.min(rows.len()));
    let more = (rejected > SHOWN_ROWS).then(|| view! { <p class="muted">{tf(Report::MoreRejected, &[("n", grouped((rejected - SHOWN_ROWS) as f64, 0))])}</p> });
    let cells = report.cell_issues_total;
    let download = (rejected + cells > 0).then(|| {
        let name = format!("{}-problems.csv", report.file.trim_end_matches(".csv"));
        // Written when asked for: a file with many rejected rows need not build it to be shown.
        let report = std::rc::Rc::clone(&report);
        view! {
            <button class="button" data-testid="download-problems" on:click=move |_| { let _ = download_text(&name, "text/csv", &problems_csv(&report, lang)); }>
                {t(Report::DownloadProblems)}
            </button>
        }
    });
    let cell_row = |c: &CellIssue| view! { <tr><td class="num">{c.line}</td><td>{format!("{} ({})", c.header, c.column)}</td><td>{c.value.clone()}</td><td>{pipelens_engine::text::cell_expected(c.expected, lang)}</td></tr> };
    let mut cell_rows: Vec<_> = report.cell_issues.iter().take(SHOWN_ROWS).map(cell_row).collect();
    let cell_rows_rest = cell_rows.split_off(FIRST_ROWS.min(cell_rows.len()));
    // The summary of the rows of a list past its first [`FIRST_ROWS`] (a closed `<details>`).
    let other_rows = move |rest: usize| tf(Report::OtherRows, &[("n", grouped(rest as f64, 0))]);
    view! {
        <section class="card report" aria-label=tf(Report::QualityOf, &[("file", report.file.clone())]) data-testid="import-report">
            <h2>{tf(Report::Heading, &[("file", report.file.clone()), ("dataset", dataset.to_owned())])}</h2>
            <p data-testid="import-summary" data-rows-kept=report.rows_kept data-rows-rejected=rejected>{summary}</p>
            {code_page}
            {preamble}
            {footer}
            {ids}
            {download}
            <h3>{t(Report::Columns)}</h3>
            <table class="data-table compact" data-testid="report-columns">
                <thead><tr>
                    <th scope="col">{t(Report::ColumnInFile)}</th><th scope="col">{t(Report::Holds)}</th><th scope="col" class="num">{t(Report::EmptyCells)}</th>
                    <th scope="col">{tf(Report::UsedAs, &[("dataset", dataset.to_owned())])}</th><th scope="col">{t(Report::DatesReadAs)}</th>
                </tr></thead>
                <tbody>{columns}</tbody>
            </table>
            {(rejected > 0).then(|| view! {
                <h3>{tf(Report::RejectedRows, &[("n", grouped(rejected as f64, 0))])}</h3>
                <table class="data-table compact problems" data-testid="rejected-rows">
                    <thead><tr><th scope="col" class="num">{t(Report::LineCol)}</th><th scope="col" class="num">{t(Report::Column)}</th><th scope="col">{t(Report::Reason)}</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
                {(!rows_rest.is_empty()).then(|| view! {
                    <details class="more-rows" data-testid="rejected-rows-rest">
                        <summary>{other_rows(rows_rest.len())}</summary>
                        <table class="data-table compact problems"><tbody>{rows_rest}</tbody></table>
                    </details>
                })}
                {more}
            })}
            {(cells > 0).then(|| view! {
                <h3>{tf(Report::Unreadable, &[("n", grouped(cells as f64, 0))])}</h3>
                <table class="data-table compact problems" data-testid="cell-issues">
                    <thead><tr><th scope="col" class="num">{t(Report::LineCol)}</th><th scope="col">{t(Report::Column)}</th><th scope="col">{t(Report::Value)}</th><th scope="col">{t(Report::Expected)}</th></tr></thead>
                    <tbody>{cell_rows}</tbody>
                </table>
                {(!cell_rows_rest.is_empty()).then(|| view! {
                    <details class="more-rows" data-testid="cell-issues-rest">
                        <summary>{other_rows(cell_rows_rest.len())}</summary>
                        <table class="data-table compact problems"><tbody>{cell_rows_rest}</tbody></table>
                    </details>
                })}
            })}
        </section>
    }
}

/// What the code-page line says of how sure the reader is.
fn confidence_words(confidence: Confidence) -> &'static str {
    t(match confidence {
        Confidence::Marked => CodePageWord::Marked,
        Confidence::Chosen => CodePageWord::Chosen,
        Confidence::High => CodePageWord::High,
        Confidence::Low => CodePageWord::Low,
    })
}

/// The code page the file was read in, how sure that is, and a picker that reads the file
/// again in another one.
fn code_page_line(report: &ImportReport, entry: crate::state::FileEntry, loader: Loader) -> impl IntoView {
    let current = CodePage::from_name(report.encoding);
    let confidence = report.encoding_confidence;
    let lang = crate::i18n::current();
    let label = current.map_or_else(|| report.encoding_label.to_string(), |c| code_page_label(c, lang));
    let text = tf(CodePageWord::Line, &[("label", label), ("how", confidence_words(confidence).to_owned())]);
    // The main candidates, and the one in use when it is not among them.
    let mut choices: Vec<CodePage> = CodePage::main().collect();
    if let Some(c) = current.filter(|c| !choices.contains(c) && !c.is_utf16()) {
        choices.push(c);
    }
    let options = choices
        .into_iter()
        .map(|c| view! { <option value=c.name() selected=Some(c) == current>{code_page_label(c, lang)}</option> })
        .collect_view();
    // A byte-order mark decides: nothing to pick.
    let picker = (confidence != Confidence::Marked).then(|| {
        view! {
            " "
            <label>
                {t(CodePageWord::ReadAs)}
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
