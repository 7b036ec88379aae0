//! DuckDB SQL for `time_in_stage`, `stage_conversion` and `stalled_deals`, for the SQL
//! referee. Plain text over a history relation the caller names, with the canonical columns
//! `deal_id`, `stage`, `changed_at` (a date or timestamp; its date counts) and `seq` (the
//! row's position in the file: the engine keeps the file's order among changes of one day).
//! The open stages are passed by name, as the stage rules give them. The rules are
//! [`super::spells`]'s: consecutive rows of one stage are one spell, the last spell of a deal
//! is open and not counted, percentiles are `quantile_cont` (type 7, as [`super::quantile`]).
//! The pieces are written for every [`Dialect`]; the KPI queries of `crate::sql` use them too.

use crate::change::sql_text::within;
use crate::day::Day;
use crate::period::Period;
use crate::sql::dialect::Dialect;

/// One CTE: its name, what it holds, its body.
pub(crate) type Cte = (&'static str, &'static str, String);

/// The spells CTEs over `history` in `d`, ending in `spells(deal_id, stage, from_day, to_day,
/// next_stage)`: the usable rows, each row with the stage before it, the rows that start a
/// spell, and the spells.
pub(crate) fn spell_ctes(history: &str, d: Dialect) -> [Cte; 4] {
    let order = "OVER (PARTITION BY deal_id ORDER BY changed_day, seq)";
    [
        (
            "history_rows",
            "the history's usable rows: a deal id, a stage and a date (its date counts; seq is the row's place in the file)",
            format!(
                "SELECT trim(deal_id) AS deal_id, trim(stage) AS stage, {} AS changed_day, seq\n\
                 FROM {history}\nWHERE trim(deal_id) <> '' AND trim(stage) <> '' AND changed_at IS NOT NULL",
                d.to_date("changed_at")
            ),
        ),
        (
            "history_ordered",
            "each row with the stage of the row before it (same deal, by date, then file order)",
            format!("SELECT *, lag(stage) {order} AS prev_stage\nFROM history_rows"),
        ),
        (
            "spell_starts",
            "the rows that start a spell: consecutive rows of one stage are one spell",
            "SELECT deal_id, stage, changed_day, seq\nFROM history_ordered\nWHERE prev_stage IS NULL OR prev_stage <> stage"
                .to_owned(),
        ),
        (
            "spells",
            "every spell: from its first change into the stage to the next change into another (to_day NULL: still open)",
            format!(
                "SELECT deal_id, stage, changed_day AS from_day,\n       lead(changed_day) {order} AS to_day,\n       \
                 lead(stage) {order} AS next_stage\nFROM spell_starts"
            ),
        ),
    ]
}

/// `WITH a AS (...), b AS (...)` of `ctes`, without the final SELECT.
fn with(ctes: &[Cte]) -> String {
    let parts: Vec<String> = ctes.iter().map(|(name, _, body)| format!("{name} AS (\n{body}\n)")).collect();
    format!("WITH {}", parts.join(",\n"))
}

fn names(stages: &[&str], d: Dialect) -> String {
    if stages.is_empty() {
        "NULL".to_owned()
    } else {
        d.strings(stages)
    }
}

/// The body of a query giving per stage `stage, spells, median_days, p90_days` over the
/// ended spells of `spells` that satisfy `cond` (a condition on `to_day`, or `TRUE`).
/// Percentiles interpolate linearly (type 7); BigQuery has them only as window functions.
pub(crate) fn per_stage_body(spells: &str, cond: &str, d: Dialect) -> String {
    let days = format!(
        "SELECT stage, {} AS days\nFROM {spells}\nWHERE to_day IS NOT NULL AND {cond}",
        d.day_diff("from_day", "to_day")
    );
    let q = |p: &str| match d {
        Dialect::DuckDb => format!("quantile_cont(days, {p})"),
        Dialect::Postgres => format!("percentile_cont({p}) WITHIN GROUP (ORDER BY days)"),
        Dialect::Spark => format!("percentile(days, {p})"),
        Dialect::BigQuery => format!("PERCENTILE_CONT(days, {p}) OVER (PARTITION BY stage)"),
    };
    match d {
        Dialect::BigQuery => format!(
            "SELECT DISTINCT stage, COUNT(*) OVER (PARTITION BY stage) AS spells, {} AS median_days, {} AS p90_days\nFROM (\n{days}\n) AS ended",
            q("0.5"),
            q("0.9")
        ),
        _ => format!(
            "SELECT stage, count(*) AS spells, {} AS median_days, {} AS p90_days\nFROM (\n{days}\n) AS ended\nGROUP BY stage",
            q("0.5"),
            q("0.9")
        ),
    }
}

/// `to_day` in `period`, or `TRUE` for every spell.
pub(crate) fn ended_in(period: Option<Period>) -> String {
    match period {
        Some(_) => within("to_day", period).trim_start_matches(" AND ").to_owned(),
        None => "TRUE".to_owned(),
    }
}

/// Per stage (rows `stage`, `spells`, `median_days`, `p90_days`) of the spells that ended in
/// `period` (`None`: all). The headline `time_in_stage` is [`time_in_stage_sql`].
pub fn time_in_stage_by_stage_sql(history: &str, period: Option<Period>) -> String {
    let d = Dialect::DuckDb;
    format!(
        "{},\nper_stage AS (\n{}\n)\nSELECT * FROM per_stage ORDER BY stage",
        with(&spell_ctes(history, d)),
        per_stage_body("spells", &ended_in(period), d)
    )
}

/// The `time_in_stage` headline: Σ of the medians of the `open_stages` (one row, column
/// `time_in_stage`, NULL when none of them has an ended spell).
pub fn time_in_stage_sql(history: &str, period: Option<Period>, open_stages: &[&str]) -> String {
    let d = Dialect::DuckDb;
    format!(
        "{},\nper_stage AS (\n{}\n)\nSELECT sum(median_days) AS time_in_stage\nFROM per_stage\nWHERE stage IN ({})",
        with(&spell_ctes(history, d)),
        per_stage_body("spells", &ended_in(period), d),
        names(open_stages, d)
    )
}

/// `stage_conversion`: rows `from_stage`, `to_stage`, `transitions` for the transitions
/// dated in `period` (`None`: all), backward moves included.
pub fn stage_conversion_sql(history: &str, period: Option<Period>) -> String {
    format!(
        "{}\nSELECT stage AS from_stage, next_stage AS to_stage, count(*) AS transitions\nFROM spells\n\
         WHERE next_stage IS NOT NULL{}\nGROUP BY stage, next_stage\nORDER BY from_stage, to_stage",
        with(&spell_ctes(history, Dialect::DuckDb)),
        within("to_day", period)
    )
}

/// The CTEs of `stalled_deals` on `as_of` after the spells of `spells`: the spells cut at the
/// day, each stage's 90th percentile of the spells ended by then, the current spells of open
/// stages with their days and limit (`p90_days` NULL: no ended spell to judge by).
pub(crate) fn stalled_ctes(spells: &str, as_of: Day, open_stages: &[&str], d: Dialect) -> [Cte; 3] {
    let t = d.date(as_of);
    let per_stage = per_stage_body("stall_cut", "TRUE", d);
    [
        (
            "stall_cut",
            "the spells started by the day, as they stood on it (a spell that ended later was still open)",
            format!(
                "SELECT deal_id, stage, from_day, CASE WHEN to_day <= {t} THEN to_day END AS to_day\nFROM {spells}\nWHERE from_day <= {t}"
            ),
        ),
        ("stall_limits", "per stage: the 90th percentile of the days of the spells ended by the day", per_stage),
        (
            "stall_current",
            "the open stages' current spells on the day, with their days so far and their stage's limit",
            format!(
                "SELECT c.deal_id, c.stage, {} AS days, l.p90_days\nFROM stall_cut c\nLEFT JOIN stall_limits l ON l.stage = c.stage\n\
                 WHERE c.to_day IS NULL AND c.stage IN ({})",
                d.day_diff("c.from_day", &t),
                names(open_stages, d)
            ),
        ),
    ]
}

/// The count of stalled deals over `stall_current`: NULL when open deals are there but none
/// can be judged.
pub(crate) fn stalled_count(d: Dialect) -> String {
    format!(
        "SELECT CASE WHEN count(p90_days) = 0 AND count(*) > 0 THEN NULL ELSE {} END AS stalled_deals\nFROM stall_current",
        d.count_if("days > p90_days")
    )
}

/// `stalled_deals` on `as_of`: one row, `stalled_deals`, counting deals whose current spell
/// (started by `as_of`, not ended by it) is in an open stage and longer than the 90th
/// percentile of that stage's spells ended by `as_of`; NULL when open deals are there but
/// none of their stages has an ended spell to judge by.
pub fn stalled_deals_sql(history: &str, as_of: Day, open_stages: &[&str]) -> String {
    let d = Dialect::DuckDb;
    let mut ctes = spell_ctes(history, d).to_vec();
    ctes.extend(stalled_ctes("spells", as_of, open_stages, d));
    format!("{}\n{}", with(&ctes), stalled_count(d))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_open_stages_and_the_period() {
        let p = Period::new(Day::from_ymd(2024, 1, 1).unwrap(), Day::from_ymd(2024, 1, 31).unwrap());
        let sql = time_in_stage_sql("deal_history", p, &["Prospección", "Propuesta d'oro"]);
        assert!(sql.contains("stage IN ('Prospección', 'Propuesta d''oro')"), "{sql}");
        assert!(sql.contains("to_day BETWEEN DATE '2024-01-01' AND DATE '2024-01-31'"));
        assert!(stalled_deals_sql("h", Day(0), &[]).contains("stage IN (NULL)"));
        assert!(!stage_conversion_sql("h", None).contains("BETWEEN"));
    }
}
