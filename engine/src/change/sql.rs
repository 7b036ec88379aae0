//! DuckDB SQL for `pipeline_change` and `slipped_deals`, for the SQL referee. Plain text
//! over two relations the caller names (the earlier and the later export), each with the
//! canonical columns `deal_id`, `status` (`'open'`, `'won'`, `'lost'` or NULL, as the
//! engine's `deals_with_status` gives it), `amount`, `close_date`, `created_date` and, when a
//! currency is chosen, `currency`. The rules are [`super::compare`]'s, clause for clause;
//! deal ids are assumed unique per export (the engine keeps the first row of a repeated id).
//! Segment filters are not applied here (the engine judges a deal by its latest segment).

use crate::period::Period;

/// A SQL string literal.
pub(crate) fn lit(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

/// A SQL date literal.
pub(crate) fn date(day: crate::day::Day) -> String {
    format!("DATE '{day}'")
}

/// ` AND <col> BETWEEN <from> AND <to>` for a period, empty for none.
pub(crate) fn within(col: &str, p: Option<Period>) -> String {
    p.map_or(String::new(), |p| format!(" AND {col} BETWEEN {} AND {}", date(p.from), date(p.to)))
}

/// The CTEs shared by both queries: each export's deals with scope and cents, and the pairs.
fn pairs(earlier: &str, later: &str, window: Option<Period>, currency: Option<&str>) -> String {
    let cur = currency.map_or(String::new(), |c| format!(" AND currency IS NOT DISTINCT FROM {}", lit(c)));
    let side = |rel: &str| {
        format!(
            "SELECT trim(deal_id) AS deal_id, status, close_date, created_date,\n           \
             CAST(round(coalesce(amount, 0) * 100) AS BIGINT) AS cents,\n           \
             coalesce(status = 'open'{cur}{}, false) AS in_scope\n    FROM {rel}\n    WHERE trim(deal_id) <> ''",
            within("close_date", window)
        )
    };
    format!(
        "WITH a AS (\n    {}\n),\nb AS (\n    {}\n),\npairs AS (\n    \
         SELECT coalesce(b.deal_id, a.deal_id) AS deal_id,\n           \
         a.deal_id IS NOT NULL AS in_a, b.deal_id IS NOT NULL AS in_b,\n           \
         coalesce(a.in_scope, false) AS scope_a, coalesce(b.in_scope, false) AS scope_b,\n           \
         a.status AS status_a, b.status AS status_b,\n           \
         coalesce(a.cents, 0) AS cents_a, coalesce(b.cents, 0) AS cents_b,\n           \
         a.close_date AS close_a, b.close_date AS close_b\n    \
         FROM a FULL OUTER JOIN b ON a.deal_id = b.deal_id\n)",
        side(earlier),
        side(later)
    )
}

/// The waterfall of `pipeline_change`: one row per bar (`flow` as the `data-flow` ids, in
/// drawing order), with `amount` (exact: summed in cents) and `deals`. The headline is the
/// `end` amount minus the `start` amount.
pub fn pipeline_change_sql(earlier: &str, later: &str, window: Option<Period>, currency: Option<&str>) -> String {
    format!(
        "{},\nbucketed AS (\n    SELECT *,\n        CASE\n            \
         WHEN scope_a AND status_b = 'won' THEN 'won'\n            \
         WHEN scope_a AND (NOT in_b OR status_b = 'lost') THEN 'lost'\n            \
         WHEN scope_a AND NOT scope_b THEN 'pushed_out'\n            \
         WHEN scope_a AND cents_b > cents_a THEN 'increased'\n            \
         WHEN scope_a AND cents_b < cents_a THEN 'decreased'\n            \
         WHEN scope_a THEN NULL\n            \
         WHEN NOT in_a THEN 'new'\n            \
         ELSE 'pulled_in'\n        END AS flow\n    \
         FROM pairs\n    WHERE scope_a OR scope_b\n),\nmoves AS (\n    \
         SELECT 'start' AS flow, cents_a AS cents FROM bucketed WHERE scope_a\n    \
         UNION ALL SELECT 'end', cents_b FROM bucketed WHERE scope_b\n    \
         UNION ALL SELECT flow, CASE\n            WHEN flow IN ('new', 'pulled_in') THEN cents_b\n            \
         WHEN flow = 'increased' THEN cents_b - cents_a\n            \
         WHEN flow = 'decreased' THEN cents_a - cents_b\n            ELSE cents_a\n        END\n    \
         FROM bucketed WHERE flow IS NOT NULL\n),\n\
         flows(flow, pos) AS (VALUES ('start', 0), ('new', 1), ('pulled_in', 2), ('increased', 3), ('decreased', 4), \
         ('pushed_out', 5), ('won', 6), ('lost', 7), ('end', 8))\n\
         SELECT f.flow, CAST(coalesce(sum(m.cents), 0) AS DOUBLE) / 100 AS amount, count(m.cents) AS deals\n\
         FROM flows f LEFT JOIN moves m ON m.flow = f.flow\nGROUP BY f.flow, f.pos\nORDER BY f.pos",
        pairs(earlier, later, window, currency)
    )
}

/// `slipped_deals`: deals open at both exports (in scope at either) whose close date moved
/// later; one row with `slipped_deals` and `mean_days_slipped` (NULL when none slipped).
pub fn slipped_deals_sql(earlier: &str, later: &str, window: Option<Period>, currency: Option<&str>) -> String {
    format!(
        "{}\nSELECT count(*) AS slipped_deals, avg(date_diff('day', close_a, close_b)) AS mean_days_slipped\n\
         FROM pairs\nWHERE (scope_a OR scope_b) AND status_a = 'open' AND status_b = 'open' AND close_b > close_a",
        pairs(earlier, later, window, currency)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::day::Day;

    #[test]
    fn the_window_and_currency_enter_the_scope_and_quotes_are_escaped() {
        let w = Period::new(Day::from_ymd(2024, 4, 1).unwrap(), Day::from_ymd(2024, 6, 30).unwrap());
        let sql = pipeline_change_sql("deals_earlier", "deals", w, Some("O'EUR"));
        assert!(sql.contains("close_date BETWEEN DATE '2024-04-01' AND DATE '2024-06-30'"), "{sql}");
        assert!(sql.contains("currency IS NOT DISTINCT FROM 'O''EUR'"));
        assert!(sql.contains("FROM deals_earlier") && sql.contains("FROM deals\n"));
        for flow in crate::change::Flow::ALL {
            assert!(sql.contains(&format!("'{}'", flow.id())), "{flow:?}");
        }
        let plain = slipped_deals_sql("e", "l", None, None);
        assert!(!plain.contains("BETWEEN") && !plain.contains("currency"));
    }
}
