//! The table a KPI carries (product performance, funnel steps, cohorts, per-rep figures),
//! formatted in each column's unit, and downloadable as CSV.

use crate::components::export::CsvButton;
use leptos::prelude::*;
use pipelens_engine::export::{number_cell, rows_csv};

use pipelens_engine::kpi::{Cell, KpiId, KpiTable};

/// A KPI's table as CSV: the same rows and columns as on screen, numbers unrounded.
fn table_csv(t: &KpiTable) -> String {
    let header = std::iter::once(t.label.clone()).chain(t.columns.iter().map(|c| c.label.clone())).collect();
    let rows = t.rows.iter().map(|r| {
        let cells = r.cells.iter().map(|c| match c {
            Cell::Number(v) => number_cell(*v),
            Cell::Text(t) => t.clone(),
        });
        std::iter::once(r.label.clone()).chain(cells).collect()
    });
    rows_csv(header, rows)
}

/// Rows of a table drawn in the page (a KPI's, the manager's people), in the table's order (the
/// largest first where it ranks them); the CSV download holds every row. The deal-size
/// outliers of a million deals are tens of thousands of rows, a company's reps thousands:
/// drawn whole, they held the page for seconds.
pub(crate) const SHOWN_ROWS: usize = 100;

/// The line under a table of `total` rows drawn with its first `shown`, when it has more.
pub(crate) fn more_rows(total: usize, shown: usize) -> Option<impl IntoView> {
    (total > shown).then(|| {
        let n = |v: usize| pipelens_engine::format::local::number(crate::i18n::current(), v as f64, 0);
        let text = crate::i18n::tf(crate::i18n::panels::Sql::FirstRows, &[("shown", n(shown)), ("n", n(total))]);
        view! { <p class="muted" data-testid="kpi-table-more">{text}</p> }
    })
}

/// A KPI's table, scrollable sideways when wide (cohorts), with its first [`SHOWN_ROWS`] rows.
#[component]
pub fn KpiTableView(
    /// The KPI's id, for the test hooks.
    id: KpiId,
    /// The table.
    table: KpiTable,
) -> impl IntoView {
    let name = pipelens_engine::text::kpi_name(id, crate::i18n::current());
    let for_csv = table.clone();
    let head = table
        .columns
        .iter()
        .map(|c| view! { <th scope="col" class:num=c.unit.is_some()>{pipelens_engine::text::label(&c.label, crate::i18n::current()).to_owned()}</th> })
        .collect_view();
    let columns = table.columns.clone();
    let more = more_rows(table.rows.len(), SHOWN_ROWS);
    let rows = table
        .rows
        .into_iter()
        .take(SHOWN_ROWS)
        .map(|r| {
            let cells = r
                .cells
                .iter()
                .zip(&columns)
                .map(|(cell, col)| match (cell, col.unit) {
                    (Cell::Number(Some(v)), Some(unit)) => {
                        view! { <td class="num" data-col=col.key.clone() data-value=v.to_string()>{pipelens_engine::format::local::display_in(crate::i18n::current(), unit, *v)}</td> }.into_any()
                    }
                    (Cell::Number(_), _) => view! { <td class="num" data-col=col.key.clone() data-value="">"–"</td> }.into_any(),
                    (Cell::Text(t), _) => view! { <td data-col=col.key.clone()>{pipelens_engine::text::label(t, crate::i18n::current()).to_owned()}</td> }.into_any(),
                })
                .collect_view();
            view! { <tr data-row=r.label.clone()><th scope="row">{pipelens_engine::text::label(&r.label, crate::i18n::current()).to_owned()}</th>{cells}</tr> }
        })
        .collect_view();
    view! {
        <div class="kpi-table" role="region" aria-label=crate::i18n::tf(crate::i18n::panels::Sql::KpiTable, &[("kpi", name.to_owned())]) tabindex="0">
            <table data-table=id.as_str()>
                <thead><tr><th scope="col">{pipelens_engine::text::label(&table.label, crate::i18n::current()).to_owned()}</th>{head}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        {more}
        <div class="table-tools">
            <CsvButton label=crate::i18n::tf(crate::i18n::charts::ChartCard::TheTable, &[("title", name.to_owned())]) file=id.as_str() csv=move || table_csv(&for_csv)/>
        </div>
    }
}
