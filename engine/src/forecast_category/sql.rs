//! DuckDB SQL for `weighted_pipeline`, `forecast_commit` and `forecast_best_case`, for the
//! SQL referee. Plain text over a deals relation the caller names (filtered and in one
//! currency, as the engine's `deals_in_scope` gives it) with the canonical columns `status`,
//! `stage`, `amount`, `created_date`, `close_date`, and `probability` / `forecast_category`
//! when the export has them. Stage defaults are passed as the engine holds them
//! ([`super::StageProbabilities`], [`super::CategoryMap`]). `forecast_bias` is the mean of
//! (actual − forecast) / actual over the forecast periods `forecast_accuracy`'s SQL already
//! builds (`avg((actual - forecast) / actual) FILTER (WHERE actual > 0)`), so it is not here.

use super::{CategoryMap, ForecastCategory, StageProbabilities};
use crate::change::sql_text::date;
use crate::day::Day;
use crate::period::Period;
use crate::sql::dialect::Dialect;

/// `CASE stage WHEN ... END` of a stage map, or NULL when it is empty.
pub(crate) fn by_stage<T>(
    map: &std::collections::BTreeMap<String, T>,
    value: impl Fn(&T) -> String,
    d: Dialect,
) -> String {
    if map.is_empty() {
        return "NULL".to_owned();
    }
    let arms: Vec<String> = map.iter().map(|(s, v)| format!("WHEN {} THEN {}", d.string(s), value(v))).collect();
    format!("CASE stage {} END", arms.join(" "))
}

/// The stage defaults of `p` as a `CASE stage ...` of probabilities, in `d`.
pub(crate) fn probability_case(p: &StageProbabilities, d: Dialect) -> String {
    by_stage(&p.0, |v| format!("{v:?}"), d)
}

/// The stage map `m` as a `CASE stage ...` of category ids, in `d`.
pub(crate) fn category_case(m: &CategoryMap, d: Dialect) -> String {
    by_stage(&m.0, id, d)
}

/// `weighted_pipeline` on `as_of`: one row, `weighted_pipeline`. The probability column (if
/// `has_probability`) is read as percentages when any value exceeds 1, and a value outside
/// 0..1 after that counts as missing; missing ones take the stage default.
pub fn weighted_pipeline_sql(deals: &str, as_of: Day, has_probability: bool, defaults: &StageProbabilities) -> String {
    let column = if has_probability {
        "CASE WHEN max(probability) OVER () > 1 THEN probability / 100 ELSE probability END"
    } else {
        "CAST(NULL AS DOUBLE)"
    };
    let t = date(as_of);
    format!(
        "WITH read AS (\n    SELECT *, {column} AS p_column, {} AS p_default\n    FROM {deals}\n)\n\
         SELECT sum(amount * coalesce(CASE WHEN p_column BETWEEN 0 AND 1 THEN p_column END, p_default)) AS weighted_pipeline\n\
         FROM read\nWHERE status = 'open' AND (created_date IS NULL OR created_date <= {t}) AND amount IS NOT NULL",
        probability_case(defaults, Dialect::DuckDb)
    )
}

/// The category text of the engine's parser, in SQL: the cell letters and digits only,
/// lower-cased, mapped to `pipeline` / `best_case` / `commit` / `closed` / `omitted` (the
/// English words only: the engine also reads German, Polish and Chinese ones).
pub(crate) fn category_of_column(d: Dialect) -> String {
    let letters = match d {
        Dialect::DuckDb | Dialect::Postgres => "regexp_replace(lower(trim(forecast_category)), '[^a-z0-9]', '', 'g')",
        Dialect::BigQuery => "REGEXP_REPLACE(LOWER(TRIM(forecast_category)), r'[^a-z0-9]', '')",
        Dialect::Spark => "regexp_replace(lower(trim(forecast_category)), '[^a-z0-9]', '')",
    };
    format!(
        "CASE {letters}\n        \
     WHEN 'pipeline' THEN 'pipeline' WHEN 'pipe' THEN 'pipeline'\n        \
     WHEN 'bestcase' THEN 'best_case' WHEN 'best' THEN 'best_case' WHEN 'upside' THEN 'best_case'\n        \
     WHEN 'commit' THEN 'commit' WHEN 'committed' THEN 'commit' WHEN 'forecast' THEN 'commit'\n        \
     WHEN 'closed' THEN 'closed' WHEN 'closedwon' THEN 'closed' WHEN 'won' THEN 'closed'\n        \
     WHEN 'omitted' THEN 'omitted' WHEN 'omit' THEN 'omitted' WHEN 'notforecasted' THEN 'omitted'\n        \
     WHEN 'lost' THEN 'omitted' WHEN 'closedlost' THEN 'omitted'\n    END"
    )
}

fn id(c: &ForecastCategory) -> String {
    let s = match c {
        ForecastCategory::Pipeline => "pipeline",
        ForecastCategory::BestCase => "best_case",
        ForecastCategory::Commit => "commit",
        ForecastCategory::Closed => "closed",
        ForecastCategory::Omitted => "omitted",
    };
    format!("'{s}'")
}

/// `forecast_commit` and `forecast_best_case` over `period`: one row with both columns.
/// Revenue won in P, plus the open deals closing in P in Commit (or Closed), plus for the
/// best case those in Best case; the category from the column (if `has_column`), else the map.
pub fn forecast_rollup_sql(deals: &str, period: Period, has_column: bool, map: &CategoryMap) -> String {
    let column = if has_column { category_of_column(Dialect::DuckDb) } else { "CAST(NULL AS VARCHAR)".to_owned() };
    let (from, to) = (date(period.from), date(period.to));
    format!(
        "WITH cat AS (\n    SELECT *, coalesce({column}, {}) AS category\n    FROM {deals}\n    \
         WHERE close_date BETWEEN {from} AND {to} AND amount IS NOT NULL\n),\n\
         parts AS (\n    SELECT\n        \
         coalesce(sum(amount) FILTER (WHERE status = 'won'), 0) AS won,\n        \
         coalesce(sum(amount) FILTER (WHERE status = 'open' AND category IN ('commit', 'closed')), 0) AS commit_open,\n        \
         coalesce(sum(amount) FILTER (WHERE status = 'open' AND category = 'best_case'), 0) AS best_case_open\n    \
         FROM cat\n)\n\
         SELECT won + commit_open AS forecast_commit, won + commit_open + best_case_open AS forecast_best_case\nFROM parts",
        category_case(map, Dialect::DuckDb)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stage_defaults_become_case_arms() {
        let mut p = StageProbabilities::default();
        p.set("Negotiation", 0.8);
        p.set("Won't", 1.0);
        let sql = weighted_pipeline_sql("deals", Day(0), false, &p);
        assert!(sql.contains("CASE stage WHEN 'Negotiation' THEN 0.8 WHEN 'Won''t' THEN 1.0 END"), "{sql}");
        assert!(
            weighted_pipeline_sql("deals", Day(0), false, &StageProbabilities::default()).contains("NULL AS p_default")
        );
        let mut m = CategoryMap::default();
        m.set("Proposal", ForecastCategory::BestCase);
        let p = Period::new(Day(0), Day(30)).unwrap();
        let sql = forecast_rollup_sql("deals", p, true, &m);
        assert!(sql.contains("WHEN 'Proposal' THEN 'best_case'") && sql.contains("forecast_category"), "{sql}");
    }
}
