//! DuckDB SQL for `time_in_stage`, `stage_conversion` and `stalled_deals`, for the SQL
//! referee. Plain text over a history relation the caller names, with the canonical columns
//! `deal_id`, `stage`, `changed_at` (a date or timestamp; its date counts) and `seq` (the
//! row's position in the file: the engine keeps the file's order among changes of one day).
//! The open stages are passed by name, as the stage rules give them. The rules are
//! [`super::spells`]'s: consecutive rows of one stage are one spell, the last spell of a deal
//! is open and not counted, percentiles are `quantile_cont` (type 7, as [`super::quantile`]).

use crate::change::sql_text::{date, lit, within};
use crate::day::Day;
use crate::period::Period;

/// The spells CTEs: `spells(deal_id, stage, from_day, to_day, next_stage)`.
fn spells(history: &str) -> String {
    format!(
        "WITH rows AS (\n    \
         SELECT trim(deal_id) AS deal_id, trim(stage) AS stage, CAST(changed_at AS DATE) AS day, seq\n    \
         FROM {history}\n    \
         WHERE trim(deal_id) <> '' AND trim(stage) <> '' AND changed_at IS NOT NULL\n),\n\
         ordered AS (\n    \
         SELECT *, lag(stage) OVER (PARTITION BY deal_id ORDER BY day, seq) AS prev FROM rows\n),\n\
         starts AS (\n    SELECT deal_id, stage, day, seq FROM ordered WHERE prev IS NULL OR prev <> stage\n),\n\
         spells AS (\n    \
         SELECT deal_id, stage, day AS from_day,\n           \
         lead(day) OVER (PARTITION BY deal_id ORDER BY day, seq) AS to_day,\n           \
         lead(stage) OVER (PARTITION BY deal_id ORDER BY day, seq) AS next_stage\n    \
         FROM starts\n)"
    )
}

fn names(stages: &[&str]) -> String {
    if stages.is_empty() {
        "NULL".to_owned()
    } else {
        stages.iter().map(|s| lit(s)).collect::<Vec<_>>().join(", ")
    }
}

/// Per stage (rows `stage`, `spells`, `median_days`, `p90_days`) of the spells that ended in
/// `period` (`None`: all). The headline `time_in_stage` is [`time_in_stage_sql`].
pub fn time_in_stage_by_stage_sql(history: &str, period: Option<Period>) -> String {
    format!(
        "{},\nper_stage AS (\n    \
         SELECT stage, count(*) AS spells,\n           \
         quantile_cont(date_diff('day', from_day, to_day), 0.5) AS median_days,\n           \
         quantile_cont(date_diff('day', from_day, to_day), 0.9) AS p90_days\n    \
         FROM spells\n    WHERE to_day IS NOT NULL{}\n    GROUP BY stage\n)\nSELECT * FROM per_stage ORDER BY stage",
        spells(history),
        within("to_day", period)
    )
}

/// The `time_in_stage` headline: Σ of the medians of the `open_stages` (one row, column
/// `time_in_stage`, NULL when none of them has an ended spell).
pub fn time_in_stage_sql(history: &str, period: Option<Period>, open_stages: &[&str]) -> String {
    format!(
        "WITH by_stage AS (\n{}\n)\nSELECT sum(median_days) AS time_in_stage\nFROM by_stage\nWHERE stage IN ({})",
        time_in_stage_by_stage_sql(history, period),
        names(open_stages)
    )
}

/// `stage_conversion`: rows `from_stage`, `to_stage`, `transitions` for the transitions
/// dated in `period` (`None`: all), backward moves included.
pub fn stage_conversion_sql(history: &str, period: Option<Period>) -> String {
    format!(
        "{}\nSELECT stage AS from_stage, next_stage AS to_stage, count(*) AS transitions\nFROM spells\n\
         WHERE next_stage IS NOT NULL{}\nGROUP BY stage, next_stage\nORDER BY from_stage, to_stage",
        spells(history),
        within("to_day", period)
    )
}

/// `stalled_deals` on `as_of`: one row, `stalled_deals`, counting deals whose current spell
/// (started by `as_of`, not ended by it) is in an open stage and longer than the 90th
/// percentile of that stage's spells ended by `as_of`.
pub fn stalled_deals_sql(history: &str, as_of: Day, open_stages: &[&str]) -> String {
    let t = date(as_of);
    format!(
        "{},\ncut AS (\n    \
         SELECT deal_id, stage, from_day, CASE WHEN to_day <= {t} THEN to_day END AS to_day\n    \
         FROM spells WHERE from_day <= {t}\n),\n\
         limits AS (\n    \
         SELECT stage, quantile_cont(date_diff('day', from_day, to_day), 0.9) AS p90_days\n    \
         FROM cut WHERE to_day IS NOT NULL GROUP BY stage\n)\n\
         SELECT count(*) AS stalled_deals\nFROM cut JOIN limits USING (stage)\n\
         WHERE cut.to_day IS NULL AND stage IN ({}) AND date_diff('day', from_day, {t}) > p90_days",
        spells(history),
        names(open_stages)
    )
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
