//! The stage history as SQL reads it: the `history` table, or the deals' `entered_<stage>`
//! dates turned into its rows. Shared by the funnel (`kpis.rs`) and the history KPIs
//! (`change_kpis.rs`).

use super::query::Query;

/// The history relation: the table `history`, or, when the history comes from the deals'
/// `entered_<stage>` dates, those columns of the deals turned into rows (one per date, and
/// a closed deal's final stage on its close date when no column names that stage).
pub(crate) fn history_relation(q: &mut Query) -> String {
    let Some(d) = q.deals().filter(|d| q.ws.history_from_deals && !d.entered.is_empty()) else {
        return "history".into();
    };
    let deals = q.deals_with_status();
    let names: Vec<&str> = d.entered.iter().map(|(stage, _)| crate::workspace::entered_stage_name(d, stage)).collect();
    let mut parts: Vec<String> = d
        .entered
        .iter()
        .zip(&names)
        .enumerate()
        .map(|(k, ((header_stage, _), name))| {
            let col = q.id(&format!("entered_{header_stage}"));
            format!(
                "SELECT deal_id, {} AS stage, {col} AS changed_at, {k} AS seq\nFROM {deals}\nWHERE {col} IS NOT NULL",
                q.s(name)
            )
        })
        .collect();
    parts.push(format!(
        "SELECT deal_id, stage, close_date AS changed_at, {} AS seq\nFROM {deals}\n\
         WHERE status IN ('won', 'lost') AND close_date IS NOT NULL AND stage NOT IN ({})",
        names.len(),
        q.d.strings(&names)
    ));
    q.note("history: from the deals' entered_<stage> columns (each the day the deal last entered that stage)".into());
    q.with(
        "history_from_entered",
        "the stage history the deals' entered_<stage> dates give: one row per date, and a closed deal's final stage on its close date",
        parts.join("\nUNION ALL\n"),
    )
}
