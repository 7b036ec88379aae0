//! DuckDB SQL for `pipeline_change` and `slipped_deals`, for the SQL referee. Plain text
//! over two relations the caller names (the earlier and the later export), each with the
//! canonical columns `deal_id`, `status` (`'open'`, `'won'`, `'lost'` or NULL, as the
//! engine's `deals_with_status` gives it), `amount`, `close_date`, `created_date` and, when a
//! currency is chosen, `currency`. The rules are [`super::compare`]'s, clause for clause;
//! deal ids are assumed unique per export (the engine keeps the first row of a repeated id).
//! The CLI's text applies no segment filter; the KPI queries of `crate::sql` build the same
//! CTEs ([`pair_ctes`]) in every dialect, with the filters (a deal judged by its latest segment).

use crate::period::Period;
use crate::sql::dialect::Dialect;

/// A SQL date literal.
pub(crate) fn date(day: crate::day::Day) -> String {
    format!("DATE '{day}'")
}

/// ` AND <col> BETWEEN <from> AND <to>` for a period, empty for none.
pub(crate) fn within(col: &str, p: Option<Period>) -> String {
    p.map_or(String::new(), |p| format!(" AND {col} BETWEEN {} AND {}", date(p.from), date(p.to)))
}

/// One export as the comparison reads it: its relation (with `deal_id`, `status`, `amount`,
/// `close_date`, `created_date`), whether it has a `currency` column, and the segment columns
/// it carries.
pub(crate) struct Export<'a> {
    /// The relation's name.
    pub rel: &'a str,
    /// Whether it has a `currency` column (without one every amount counts).
    pub has_currency: bool,
    /// The segment columns (`owner`, `team`, ...) it has.
    pub dims: Vec<&'static str>,
}

/// The CTEs shared by the comparison's queries, in `d`: each export's deals with their scope
/// and cents (`change_earlier`, `change_later`), and the pairs by deal id (`change_pairs`).
/// `filters` are (segment column, values): a deal is judged by its segment in the later export,
/// the earlier one when it is gone; an export without the column does not filter by it.
pub(crate) fn pair_ctes(
    d: Dialect,
    earlier: &Export,
    later: &Export,
    window: Option<Period>,
    currency: Option<&str>,
    filters: &[(&'static str, Vec<String>)],
) -> [crate::history::Cte; 3] {
    let side = |e: &Export| {
        let cur = match currency {
            Some(c) if e.has_currency => format!(" AND currency IS NOT DISTINCT FROM {}", d.string(c)),
            _ => String::new(),
        };
        let dims: String = e.dims.iter().map(|f| format!(", {f}")).collect();
        format!(
            "SELECT trim(deal_id) AS deal_id, status, close_date, created_date{dims},\n       \
             CAST(round(coalesce(amount, 0) * 100) AS BIGINT) AS cents,\n       \
             coalesce(status = 'open'{cur}{}, false) AS in_scope\nFROM {}\nWHERE trim(deal_id) <> ''",
            within("close_date", window),
            e.rel
        )
    };
    let conds: Vec<String> = filters
        .iter()
        .map(|(field, values)| {
            let test = |e: &Export, alias: &str| {
                if e.dims.contains(field) {
                    format!("{alias}.{field} IN ({})", d.strings(values))
                } else {
                    "TRUE".to_owned()
                }
            };
            format!("(CASE WHEN b.deal_id IS NOT NULL THEN {} ELSE {} END)", test(later, "b"), test(earlier, "a"))
        })
        .collect();
    let filter = if conds.is_empty() { String::new() } else { format!("\nWHERE {}", conds.join("\n  AND ")) };
    [
        (
            "change_earlier",
            "the earlier export's deals: in scope when open (in the currency and window chosen)",
            side(earlier),
        ),
        ("change_later", "the later export's deals, the same way", side(later)),
        (
            "change_pairs",
            "each deal id with both sides (a: earlier, b: later); a deal is judged by its later segment",
            format!(
                "SELECT coalesce(b.deal_id, a.deal_id) AS deal_id,\n       \
                 a.deal_id IS NOT NULL AS in_a, b.deal_id IS NOT NULL AS in_b,\n       \
                 coalesce(a.in_scope, false) AS scope_a, coalesce(b.in_scope, false) AS scope_b,\n       \
                 a.status AS status_a, b.status AS status_b,\n       \
                 coalesce(a.cents, 0) AS cents_a, coalesce(b.cents, 0) AS cents_b,\n       \
                 a.close_date AS close_a, b.close_date AS close_b\n\
                 FROM change_earlier a FULL OUTER JOIN change_later b ON a.deal_id = b.deal_id{filter}"
            ),
        ),
    ]
}

/// The DuckDB pairs of two canonical relations, with no filter, as `WITH ...`.
fn pairs(earlier: &str, later: &str, window: Option<Period>, currency: Option<&str>) -> String {
    let e = |rel| Export { rel, has_currency: currency.is_some(), dims: Vec::new() };
    let ctes = pair_ctes(Dialect::DuckDb, &e(earlier), &e(later), window, currency, &[]);
    let parts: Vec<String> = ctes.iter().map(|(name, _, body)| format!("{name} AS (\n{body}\n)")).collect();
    format!("WITH {}", parts.join(",\n"))
}

/// The bucket of each pair in scope at either export, by the spec's precedence (`flow` NULL:
/// in scope at both, amount unchanged).
const BUCKETED: &str = "SELECT *,\n    CASE\n        \
     WHEN scope_a AND status_b = 'won' THEN 'won'\n        \
     WHEN scope_a AND (NOT in_b OR status_b = 'lost') THEN 'lost'\n        \
     WHEN scope_a AND NOT scope_b THEN 'pushed_out'\n        \
     WHEN scope_a AND cents_b > cents_a THEN 'increased'\n        \
     WHEN scope_a AND cents_b < cents_a THEN 'decreased'\n        \
     WHEN scope_a THEN NULL\n        \
     WHEN NOT in_a THEN 'new'\n        \
     ELSE 'pulled_in'\n    END AS flow\nFROM change_pairs\nWHERE scope_a OR scope_b";

/// The condition of a slipped deal on `change_pairs`.
pub(crate) const SLIPPED: &str =
    "(scope_a OR scope_b) AND status_a = 'open' AND status_b = 'open' AND close_b > close_a";

/// The waterfall of `pipeline_change`: one row per bar (`flow` as the `data-flow` ids, in
/// drawing order), with `amount` (exact: summed in cents) and `deals`. The headline is the
/// `end` amount minus the `start` amount.
pub fn pipeline_change_sql(earlier: &str, later: &str, window: Option<Period>, currency: Option<&str>) -> String {
    format!(
        "{},\nbucketed AS (\n{BUCKETED}\n),\nmoves AS (\n    \
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
         FROM change_pairs\nWHERE {SLIPPED}",
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
