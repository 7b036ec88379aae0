//! DuckDB SQL for `weighted_pipeline`, `forecast_commit` and `forecast_best_case`, for the
//! SQL referee, and the reading of a `forecast_category` cell in every dialect. Plain text
//! over a deals relation the caller names (filtered and in one currency, as the engine's
//! `deals_in_scope` gives it) with the canonical columns `status`, `stage`, `amount`,
//! `created_date`, `close_date`, and `probability` / `forecast_category` when the export has
//! them. Stage defaults are passed as the engine holds them ([`super::StageProbabilities`],
//! [`super::CategoryMap`]). `forecast_bias` is the mean of (actual − forecast) / actual over
//! the forecast periods `forecast_accuracy`'s SQL already builds
//! (`avg((actual - forecast) / actual) FILTER (WHERE actual > 0)`), so it is not here.

use super::{CategoryMap, ForecastCategory, StageProbabilities};
use crate::change::sql_text::date;
use crate::day::Day;
use crate::ingest::meaning::forecast::CATEGORY_WORDS;
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

/// The category the engine reads in a `forecast_category` cell ([`ForecastCategory::parse`]),
/// in SQL: the cell folded as the engine folds it (lower case, letters and digits only) and
/// looked up among the words of every language the engine reads ([`CATEGORY_WORDS`]), giving
/// `pipeline`, `best_case`, `commit`, `closed` or `omitted`, else NULL. DuckDB, BigQuery and
/// Spark keep Unicode letters and digits; PostgreSQL drops spaces and punctuation instead, so
/// a database in the C locale, where only ASCII counts as a letter, keeps `zobowiązanie` and
/// `最佳情况` whole (its `lower` folds ASCII only there: a category in capitals with accents
/// is not found).
pub(crate) fn category_of_column(d: Dialect) -> String {
    let folded = match d {
        Dialect::DuckDb => r"regexp_replace(lower(forecast_category), '[^\p{L}\p{N}]', '', 'g')",
        Dialect::Postgres => "regexp_replace(lower(forecast_category), '[[:space:][:punct:]]', '', 'g')",
        Dialect::BigQuery => r"REGEXP_REPLACE(LOWER(forecast_category), r'[^\p{L}\p{N}]', '')",
        // Spark SQL reads `\\` in a string as one backslash, which its Java regex then reads.
        Dialect::Spark => r"regexp_replace(lower(forecast_category), '[^\\p{L}\\p{N}]', '')",
    };
    let lines: Vec<String> = CATEGORY_WORDS
        .iter()
        .map(|(c, words)| {
            let then = id(c);
            words.iter().map(|w| format!("WHEN {} THEN {then}", d.string(w))).collect::<Vec<_>>().join(" ")
        })
        .collect();
    format!("CASE {folded}\n        {}\n    END", lines.join("\n        "))
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

    #[test]
    fn the_column_reads_every_word_the_engine_reads_in_every_dialect() {
        for d in [Dialect::DuckDb, Dialect::Postgres, Dialect::BigQuery, Dialect::Spark] {
            let sql = category_of_column(d);
            for (c, words) in CATEGORY_WORDS {
                for w in *words {
                    assert_eq!(ForecastCategory::parse(w), Some(*c));
                    let arm = format!("WHEN {} THEN {}", d.string(w), id(c));
                    assert!(sql.contains(&arm), "{d:?} lacks {arm}");
                }
            }
        }
    }
}
