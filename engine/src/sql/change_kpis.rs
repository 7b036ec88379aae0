//! The SQL of the KPIs of KPI_SPEC_PIPELINE_CHANGE.md, one builder per KPI, written like the
//! others ([`super::kpis`]): CTEs added to the [`Query`], a one-row part holding the value.
//!
//! They reuse the queries of the modules that compute them: the pairs of the two exports of
//! `crate::change` (tables `earlier_deals` and `deals`), the spells of `crate::history` (table
//! `history`: `deal_id`, `stage`, `changed_at`, `close_date` and `seq`, the row's place in the
//! export, which orders the changes of one day as the engine does; or, without a history file,
//! the deals' `entered_<stage>` date columns, named `entered_` and the stage their header
//! names, e.g. `entered_Proposal` for HubSpot's `Date entered "Proposal (Sales Pipeline)"`)
//! and the stage defaults of
//! `crate::forecast_category`. Segment filters reach the history through the deals that pass
//! them; the comparison judges a deal by its segment in the later export.

use super::history_relation::history_relation;
use super::kpis::forecast_vs_actual;
use super::query::{show, Missing, Part, Query};
use crate::change::snapshot_as_of;
use crate::change::sql_text::{pair_ctes, Export, SLIPPED};
use crate::day::Day;
use crate::deals_table::{DealsTable, Dim};
use crate::forecast_category::{category_case, category_of_column, probability_case, CategoryMap, StageProbabilities};
use crate::history::{ended_in, per_stage_body, spell_ctes, stalled_count, stalled_ctes, Cte, StageHistory};
use crate::stage::Status;

type R = Result<Part, Missing>;

/// Adds CTEs to the query in order.
fn add(q: &mut Query, ctes: impl IntoIterator<Item = Cte>) {
    for (name, comment, body) in ctes {
        q.with(name, comment, body);
    }
}

fn no_status(d: &DealsTable) -> bool {
    !d.is_empty() && d.status.iter().all(|&s| s == Status::Unknown)
}

// ----- two exports ------------------------------------------------------------------------------

/// The pairs of the two exports (CTE `change_pairs`), or what is missing; the later export's
/// date, which must lie in the period for the change to count in it.
fn change_pairs(q: &mut Query) -> Result<Day, Missing> {
    let Some(later) = q.deals() else { return Err(NEEDS_DEALS.into()) };
    let Some(earlier) = q.ws.earlier.as_ref() else {
        return Err("needs earlier_deals: deal_id, amount, stage, close_date".into());
    };
    if no_status(earlier) || no_status(later) {
        return Err("needs deals or earlier_deals: stage or status".into());
    }
    let dated = |typed: Option<Day>, d: &DealsTable| typed.or_else(|| snapshot_as_of(d));
    let (Some(a), Some(b)) = (dated(q.ws.as_of.earlier, earlier), dated(q.ws.as_of.later, later)) else {
        return Err("an export has no created or close dates to tell its date; type the date it was exported".into());
    };
    if a >= b {
        return Err(format!("the earlier export ({a}) must be dated before the later one ({b})"));
    }
    let currency = q.scope.currency.and_then(|c| later.currency.as_ref()?.value(c)).map(str::to_owned);
    let mut filters = Vec::new();
    for (dim, values) in q.scope.filters.active() {
        if later.dim(dim).is_some() || earlier.dim(dim).is_some() {
            filters.push((dim.field(), values.to_vec()));
        } else {
            q.note(format!("the exports have no {}: not filtered by it", dim.label()));
        }
    }
    let b_rel = q.export_with_status("deals", later);
    let a_rel = q.export_with_status("earlier_deals", earlier);
    let export = |rel, d: &DealsTable| Export {
        rel,
        has_currency: d.currency.is_some(),
        dims: Dim::ALL.into_iter().filter(|&dim| d.dim(dim).is_some()).map(Dim::field).collect(),
    };
    let ctes = pair_ctes(q.d, &export(&a_rel, earlier), &export(&b_rel, later), None, currency.as_deref(), &filters);
    add(q, ctes);
    q.note(format!("the exports are dated {a} (earlier) and {b} (later)"));
    Ok(b)
}

/// `CASE WHEN <the later export's date is in the period> THEN expr END`.
fn when_in_period(q: &Query, as_of: Day, expr: &str) -> String {
    format!("CASE WHEN {} THEN {expr} END", q.within(&q.date(as_of), q.scope.period))
}

/// The SQL of `pipeline_change`.
pub(crate) fn pipeline_change(q: &mut Query) -> R {
    let as_of = change_pairs(q)?;
    let cents = "coalesce(sum(CASE WHEN scope_b THEN cents_b ELSE 0 END), 0) - coalesce(sum(CASE WHEN scope_a THEN cents_a ELSE 0 END), 0)";
    let value = format!("{} / 100", q.d.to_double(cents));
    let body = format!("SELECT {} AS pipeline_change\nFROM change_pairs", when_in_period(q, as_of, &value));
    let name = q.with(
        "pipeline_change",
        "end − start: the open pipeline in scope at the later export minus at the earlier one, summed in cents; NULL when the later export's date lies outside the period",
        body,
    );
    Ok(Part::new(name, "pipeline_change"))
}

/// The SQL of `slipped_deals`: from the two exports, else from the history's close dates.
pub(crate) fn slipped_deals(q: &mut Query) -> R {
    if q.ws.earlier.is_some() {
        let as_of = change_pairs(q)?;
        let count = q.d.count_if(SLIPPED);
        let body = format!("SELECT {} AS slipped_deals\nFROM change_pairs", when_in_period(q, as_of, &count));
        let name = q.with(
            "slipped_deals",
            "deals open at both exports (in scope at either) whose close date moved later; NULL when the later export's date lies outside the period",
            body,
        );
        return Ok(Part::new(name, "slipped_deals"));
    }
    let needs = "needs earlier_deals or history.close_date: deal_id, stage, close_date";
    let h = q.ws.history.as_ref().ok_or_else(|| needs.to_owned())?;
    if !h.events.iter().any(|e| e.close.is_some()) || !q.has(crate::ingest::DatasetKind::History, "close_date") {
        return Err(needs.into());
    }
    let rel = history_in_scope(q)?;
    let order = "OVER (PARTITION BY deal_id ORDER BY changed_day, seq)";
    let body = format!(
        "SELECT deal_id, changed_day, close_day, lag(close_day) {order} AS prev_close\nFROM (\n    \
         SELECT trim(deal_id) AS deal_id, {} AS changed_day, seq, close_date AS close_day\n    FROM {rel}\n    \
         WHERE trim(deal_id) <> '' AND trim(stage) <> '' AND changed_at IS NOT NULL AND close_date IS NOT NULL\n) AS dated",
        q.d.to_date("changed_at")
    );
    let dated = q.with(
        "close_changes",
        "the history's changes that carry a close date, each with the close date known before it",
        body,
    );
    let p = q.scope.period;
    let body = format!(
        "SELECT count(DISTINCT deal_id) AS slipped_deals\nFROM {dated}\nWHERE close_day > prev_close\n  AND {}",
        q.within("changed_day", p)
    );
    let name = q.with(
        "slipped_deals",
        &format!("deals with a change in the period {} that moved their close date later", show(p)),
        body,
    );
    Ok(Part::new(name, "slipped_deals"))
}

// ----- stage history ----------------------------------------------------------------------------

/// The history rows of the deals the filters keep (the history relation itself without a
/// filter that reaches the deals).
fn history_in_scope(q: &mut Query) -> Result<String, Missing> {
    if q.ws.history.is_none() {
        return Err("needs history or deals.entered_<stage>: deal_id, stage, changed_at".into());
    }
    let history = history_relation(q);
    if q.scope.filters.is_empty() {
        return Ok(history);
    }
    if q.deals().is_none() {
        q.note("history: not filtered (no deals are loaded to carry the filters)".into());
        return Ok(history);
    }
    let deals = q.deals_in_scope();
    if deals == "deals_with_status" {
        return Ok(history);
    }
    let body = format!("SELECT *\nFROM {history}\nWHERE trim(deal_id) IN (SELECT trim(deal_id) FROM {deals})");
    Ok(q.with("history_in_scope", "the history of the deals the filters select", body))
}

/// The names of the history's open stages (by its stage rules, which follow the deals').
fn open_stages(h: &StageHistory) -> Vec<&str> {
    (0..h.stages.values.len() as u32)
        .filter(|&c| h.stage_rules.status(c) == Status::Open)
        .map(|c| h.stage_name(c))
        .collect()
}

/// The spells of the deals in scope (CTE `spells`).
fn spells(q: &mut Query) -> Result<Vec<String>, Missing> {
    let rel = history_in_scope(q)?;
    let ctes = spell_ctes(&rel, q.d);
    add(q, ctes);
    let h = q.ws.history.as_ref().ok_or_else(|| "needs history".to_owned())?;
    Ok(open_stages(h).into_iter().map(str::to_owned).collect())
}

fn in_list(q: &Query, names: &[String]) -> String {
    if names.is_empty() {
        "NULL".into()
    } else {
        q.d.strings(names)
    }
}

/// The SQL of `time_in_stage`.
pub(crate) fn time_in_stage(q: &mut Query) -> R {
    let open = spells(q)?;
    let p = q.scope.period;
    let body = per_stage_body("spells", &ended_in(Some(p)), q.d);
    let per_stage = q.with(
        "stage_times",
        &format!("per stage: spells ended in the period {}, their median and 90th percentile of days", show(p)),
        body,
    );
    let body =
        format!("SELECT sum(median_days) AS time_in_stage\nFROM {per_stage}\nWHERE stage IN ({})", in_list(q, &open));
    let name = q.with("time_in_stage", "Σ of the open stages' medians; NULL when none has an ended spell", body);
    Ok(Part::new(name, "time_in_stage"))
}

/// The SQL of `stage_conversion`: the number of moves in the period.
pub(crate) fn stage_conversion(q: &mut Query) -> R {
    spells(q)?;
    let p = q.scope.period;
    let body = format!(
        "SELECT count(*) AS stage_conversion\nFROM spells\nWHERE next_stage IS NOT NULL\n  AND {}",
        q.within("to_day", p)
    );
    let name = q.with(
        "stage_conversion",
        &format!("moves from one stage into another dated in the period {}, backward ones included", show(p)),
        body,
    );
    Ok(Part::new(name, "stage_conversion"))
}

/// The SQL of `stalled_deals` on the period's last day.
pub(crate) fn stalled_deals(q: &mut Query) -> R {
    let open = spells(q)?;
    let names: Vec<&str> = open.iter().map(String::as_str).collect();
    let ctes = stalled_ctes("spells", q.scope.as_of(), &names, q.d);
    add(q, ctes);
    let name = q.with(
        "stalled_deals",
        "current spells longer than their stage's 90th percentile; NULL when open deals are there but none can be judged",
        stalled_count(q.d),
    );
    Ok(Part::new(name, "stalled_deals"))
}

// ----- weighted pipeline and forecast categories ------------------------------------------------

const NEEDS_DEALS: &str = "needs deals: deal_id, amount, stage or status, created_date";

/// The SQL of `weighted_pipeline`.
pub(crate) fn weighted_pipeline(q: &mut Query) -> R {
    let Some(d) = q.deals() else { return Err(NEEDS_DEALS.into()) };
    let column = if d.probability.is_some() {
        "CASE WHEN (SELECT max(probability) FROM deals) > 1 THEN probability / 100 ELSE probability END".to_owned()
    } else {
        q.d.null_double()
    };
    let defaults = probability_case(&StageProbabilities::defaults(d), q.d);
    let deals = q.deals_in_scope();
    let read = q.with(
        "deal_probability",
        "each deal's probability: its column (as percentages when any value is above 1) when in 0..1, else its stage's default",
        format!(
            "SELECT status, amount, created_date,\n       coalesce(CASE WHEN p_column BETWEEN 0 AND 1 THEN p_column END, p_default) AS probability\n\
             FROM (\n    SELECT status, amount, created_date, {column} AS p_column, {defaults} AS p_default\n    FROM {deals}\n) AS read"
        ),
    );
    let t = q.date(q.scope.as_of());
    let body = format!(
        "SELECT CASE WHEN count(*) = 0 THEN NULL ELSE coalesce(sum(amount * probability), 0) END AS weighted_pipeline\n\
         FROM {read}\nWHERE status = 'open'\n  AND (created_date IS NULL OR created_date <= {t})\n  AND amount IS NOT NULL"
    );
    let name = q.with(
        "weighted_pipeline",
        "Σ amount × probability over the deals still open and created by the as-of date; NULL when none has an amount",
        body,
    );
    Ok(Part::new(name, "weighted_pipeline"))
}

/// The CTE `forecast_parts` (won, commit_open, best_case_open over the period).
fn forecast_parts(q: &mut Query) -> Result<String, Missing> {
    let Some(d) = q.deals() else { return Err(NEEDS_DEALS.into()) };
    let column =
        if d.forecast_category.is_some() { category_of_column(q.d) } else { format!("CAST(NULL AS {})", q.d.text()) };
    let defaults = category_case(&CategoryMap::defaults(d), q.d);
    let deals = q.deals_in_scope();
    let p = q.scope.period;
    let cat = q.with(
        "forecast_category_of_deal",
        &format!(
            "deals closing in the period {} with an amount, each with its forecast category: the column's, else its stage's default",
            show(p)
        ),
        format!(
            "SELECT status, amount, coalesce({column}, {defaults}) AS category\nFROM {deals}\nWHERE {}\n  AND amount IS NOT NULL",
            q.within("close_date", p)
        ),
    );
    let sum = |cond: &str| format!("coalesce({}, 0)", q.d.sum_if("amount", cond));
    let body = format!(
        "SELECT\n    {} AS won,\n    {} AS commit_open,\n    {} AS best_case_open\nFROM {cat}",
        sum("status = 'won'"),
        sum("status = 'open' AND category IN ('commit', 'closed')"),
        sum("status = 'open' AND category = 'best_case'")
    );
    Ok(q.with("forecast_parts", "revenue won, and the open deals in Commit (or Closed) and in Best case", body))
}

/// The SQL of `forecast_commit`.
pub(crate) fn forecast_commit(q: &mut Query) -> R {
    let parts = forecast_parts(q)?;
    let name = q.with(
        "forecast_commit",
        "won + open Commit",
        format!("SELECT won + commit_open AS forecast_commit\nFROM {parts}"),
    );
    Ok(Part::new(name, "forecast_commit"))
}

/// The SQL of `forecast_best_case`.
pub(crate) fn forecast_best_case(q: &mut Query) -> R {
    let parts = forecast_parts(q)?;
    let name = q.with(
        "forecast_best_case",
        "won + open Commit + open Best case",
        format!("SELECT won + commit_open + best_case_open AS forecast_best_case\nFROM {parts}"),
    );
    Ok(Part::new(name, "forecast_best_case"))
}

/// The SQL of `forecast_bias`.
pub(crate) fn forecast_bias(q: &mut Query) -> R {
    let actual = forecast_vs_actual(q)?;
    let name = q.with(
        "forecast_bias",
        "mean of (actual − forecast) / actual over the forecast periods with revenue (positive: forecasts too low)",
        format!(
            "SELECT avg(CASE WHEN actual > 0 THEN (actual - forecast) / actual END) AS forecast_bias\nFROM {actual}"
        ),
    );
    Ok(Part::new(name, "forecast_bias"))
}
