//! One query builder per KPI. Each adds the CTEs it needs to the [`Query`] and returns the
//! one-row CTE and column that hold the headline value (NULL when the engine says undefined),
//! or why the data the KPI needs is not loaded. A KPI's entry in the registry
//! (`crate::kpi`) names its builder in its `sql` field.
//!
//! The builders follow the engine's code in `crate::kpi` rule for rule; where a rule is subtle
//! the CTE's comment says so.

use super::query::{show, Missing, Part, Query};
use crate::deals_table::Dim;
use crate::ingest::DatasetKind::{self, Activities, Customers, Forecasts, Leads, Quotas, Spend};
use crate::kpi::classes::{ActivityClass, ACTIVITY_WORDS, UPSELL_WORDS};
use crate::period::{Grain, Period};

type R = Result<Part, Missing>;

/// What a KPI's registry entry holds to write it as SQL (its `sql` field): adds the CTEs it
/// needs to the query and returns the one-row part holding its value, or what data it needs.
pub(crate) type Builder = fn(&mut Query) -> R;

// ----- shared pieces ----------------------------------------------------------------------------

fn need_deals(q: &Query) -> Result<(), Missing> {
    q.deals().map(|_| ()).ok_or_else(|| "needs deals: deal_id, amount, stage or status, created_date".to_owned())
}

fn need_dim(q: &Query, dim: Dim) -> Result<(), Missing> {
    need_deals(q)?;
    match q.deals().and_then(|d| d.dim(dim)) {
        Some(_) => Ok(()),
        None => Err(format!("needs deals: {}", dim.field())),
    }
}

fn need(q: &Query, kind: DatasetKind, fields: &[&str], says: &str) -> Result<(), Missing> {
    if q.loaded(kind) && fields.iter().all(|f| q.has(kind, f)) {
        Ok(())
    } else {
        Err(format!("needs {}: {says}", kind.name()))
    }
}

/// Words for a period tag in comments.
fn the(tag: &str) -> &'static str {
    match tag {
        "previous" => "the previous period",
        "year_earlier" => "the same period a year earlier",
        _ => "the period",
    }
}

/// The period a tag stands for (and notes it for the header).
fn period_of(q: &mut Query, tag: &str) -> Period {
    let p = q.scope.period;
    match tag {
        "previous" => {
            q.note_period("previous period", p.previous());
            p.previous()
        }
        "year_earlier" => {
            q.note_period("a year earlier", p.year_earlier());
            p.year_earlier()
        }
        _ => p,
    }
}

/// A one-row CTE computing `expr AS col` over the one-row `parts` (cross joined).
fn combine(q: &mut Query, name: &str, comment: &str, col: &str, expr: String, parts: &[&Part]) -> Part {
    let mut from: Vec<&str> = Vec::new();
    for p in parts {
        if !from.contains(&p.cte.as_str()) {
            from.push(&p.cte);
        }
    }
    let from = if from.is_empty() { String::new() } else { format!("\nFROM {}", from.join("\nCROSS JOIN ")) };
    Part::new(q.with(name, comment, format!("SELECT {expr} AS {col}{from}")), col)
}

/// Counts of the deals closed in a period: closed, won, won with an amount, and their Σ amount.
fn outcomes(q: &mut Query, tag: &str) -> String {
    let p = period_of(q, tag);
    let closed = q.closed_in(p, tag);
    let d = q.d;
    let body = format!(
        "SELECT\n    count(*) AS closed,\n    {} AS won,\n    {} AS won_with_amount,\n    {} AS won_amount\nFROM {closed}",
        d.count_if("status = 'won'"),
        d.count_if("status = 'won' AND amount IS NOT NULL"),
        d.sum_if("amount", "status = 'won'"),
    );
    q.with(&format!("outcomes_{tag}"), &format!("how the deals closed in {} {} ended", the(tag), show(p)), body)
}

// ----- revenue and growth -----------------------------------------------------------------------

/// Revenue over the period of `tag`.
fn revenue_of(q: &mut Query, tag: &str) -> R {
    need_deals(q)?;
    let o = outcomes(q, tag);
    let body = format!(
        "SELECT\n    CASE\n        WHEN closed = 0 THEN NULL\n        WHEN won > 0 AND won_with_amount = 0 THEN NULL\n        ELSE coalesce(won_amount, 0)\n    END AS revenue\nFROM {o}"
    );
    let name = q.with(
        &format!("revenue_{tag}"),
        &format!("revenue of {}: Σ amount won; undefined when no deal closed or no won deal has an amount", the(tag)),
        body,
    );
    Ok(Part::new(name, "revenue"))
}

/// The SQL of `revenue`.
pub(crate) fn revenue(q: &mut Query) -> R {
    revenue_of(q, "current")
}

/// The SQL of `revenue_growth`.
pub(crate) fn revenue_growth(q: &mut Query) -> R {
    growth(q, "previous")
}

/// The SQL of `revenue_growth_yoy`.
pub(crate) fn revenue_growth_yoy(q: &mut Query) -> R {
    growth(q, "year_earlier")
}

/// Revenue growth against the period of `base`.
fn growth(q: &mut Query, base: &str) -> R {
    let now = revenue_of(q, "current")?;
    let before = revenue_of(q, base)?;
    let col = if base == "previous" { "revenue_growth" } else { "revenue_growth_yoy" };
    let expr = format!("({} - {}) / NULLIF({}, 0)", now.at(), before.at(), before.at());
    Ok(combine(
        q,
        col,
        &format!("growth against {}; undefined when that revenue is 0 or undefined", the(base)),
        col,
        expr,
        &[&now, &before],
    ))
}

/// Won deals of a period with their deal-type class (new / upsell / renewal, else NULL).
fn won_by_class(q: &mut Query, tag: &str) -> String {
    let p = period_of(q, tag);
    let closed = q.closed_in(p, tag);
    let class = deal_class_case(q, "deal_type");
    let body = format!("SELECT\n    amount,\n    {class} AS deal_class\nFROM {closed}\nWHERE status = 'won'");
    q.with(
        &format!("won_by_class_{tag}"),
        "won deals with the class of their deal type: contains \"renew\" → renewal; else an upsell word → upsell; else contains \"new\" → new",
        body,
    )
}

/// The deal-type class of `col` as a CASE expression (`crate::kpi::deal_class`).
fn deal_class_case(q: &Query, col: &str) -> String {
    let d = q.d;
    let v = d.lower_trim(col);
    format!(
        "CASE\n        WHEN {} THEN 'renewal'\n        WHEN {} THEN 'upsell'\n        WHEN {} THEN 'new'\n    END",
        d.contains(&v, "renew"),
        d.contains_any(&v, &UPSELL_WORDS),
        d.contains(&v, "new")
    )
}

/// The SQL of `revenue_mix`.
pub(crate) fn revenue_mix(q: &mut Query) -> R {
    need_dim(q, Dim::DealType)?;
    let won = won_by_class(q, "current");
    let d = q.d;
    let body = format!(
        "SELECT\n    coalesce({}, 0)\n        / NULLIF(coalesce({}, 0), 0) AS new_share\nFROM {won}",
        d.sum_if("amount", "deal_class = 'new'"),
        d.sum_if("amount", "deal_class IS NOT NULL"),
    );
    let name = q.with(
        "revenue_mix",
        "share of new business in the revenue of classified won deals (unclassified types left out)",
        body,
    );
    Ok(Part::new(name, "new_share"))
}

/// Σ MRR of the customers active on the as-of date.
fn mrr_totals(q: &mut Query) -> String {
    let as_of = q.scope.as_of();
    let ends = if q.has(Customers, "end_date") {
        format!("\n  AND (end_date IS NULL OR end_date > {})", q.date(as_of))
    } else {
        String::new()
    };
    let active = q.with(
        "active_customers",
        &format!("customers active on the as-of date {as_of}: started by then and not ended"),
        format!("SELECT *\nFROM customers\nWHERE start_date <= {}{ends}", q.date(as_of)),
    );
    q.with(
        "mrr_totals",
        "Σ MRR of the active customers; undefined when none of them has an MRR",
        format!(
            "SELECT\n    count(mrr) AS with_mrr,\n    sum(mrr) AS mrr_sum,\n    CASE WHEN count(mrr) = 0 THEN NULL ELSE sum(mrr) END AS mrr\nFROM {active}"
        ),
    )
}

/// The SQL of `mrr`.
pub(crate) fn mrr(q: &mut Query) -> R {
    need(q, Customers, &["start_date", "mrr"], "customer_id, start_date, mrr")?;
    Ok(Part::new(mrr_totals(q), "mrr"))
}

/// The SQL of `arr`.
pub(crate) fn arr(q: &mut Query) -> R {
    let m = mrr(q)?;
    Ok(combine(q, "arr", "ARR = 12 × MRR", "arr", format!("12 * {}", m.at()), &[&m]))
}

/// The SQL of `revenue_per_rep`.
pub(crate) fn revenue_per_rep(q: &mut Query) -> R {
    need_dim(q, Dim::Owner)?;
    let p = q.scope.period;
    let rev = revenue_of(q, "current")?;
    let closed = q.closed_in(p, "current");
    let reps = q.with(
        "reps_current",
        "reps: distinct owners of the deals closed (won or lost) in the period",
        format!("SELECT count(DISTINCT owner) AS reps\nFROM {closed}\nWHERE owner IS NOT NULL"),
    );
    let reps = Part::new(reps, "reps");
    let expr = format!("{} / NULLIF({}, 0)", rev.at(), reps.at());
    Ok(combine(q, "revenue_per_rep", "revenue per rep", "revenue_per_rep", expr, &[&rev, &reps]))
}

// ----- deals and pipeline -----------------------------------------------------------------------

/// The SQL of `deals_won`.
pub(crate) fn deals_won(q: &mut Query) -> R {
    need_deals(q)?;
    let o = outcomes(q, "current");
    let name = q.with(
        "deals_won",
        "deals won; undefined when no deal closed in the period",
        format!("SELECT CASE WHEN closed = 0 THEN NULL ELSE won END AS deals_won\nFROM {o}"),
    );
    Ok(Part::new(name, "deals_won"))
}

fn win_rate_part(q: &mut Query, tag: &str) -> R {
    need_deals(q)?;
    let o = outcomes(q, tag);
    let won = q.d.to_double("won");
    let name = q.with(
        &format!("win_rate_{tag}"),
        "win rate: won / closed (won or lost)",
        format!("SELECT {won} / NULLIF(closed, 0) AS win_rate\nFROM {o}"),
    );
    Ok(Part::new(name, "win_rate"))
}

/// The SQL of `win_rate`.
pub(crate) fn win_rate(q: &mut Query) -> R {
    win_rate_part(q, "current")
}

fn avg_deal_size_part(q: &mut Query) -> R {
    need_deals(q)?;
    let p = q.scope.period;
    let closed = q.closed_in(p, "current");
    let name = q.with(
        "avg_deal_size_current",
        "mean amount of the deals won in the period (those without an amount left out)",
        format!("SELECT avg(amount) AS avg_deal_size\nFROM {closed}\nWHERE status = 'won'"),
    );
    Ok(Part::new(name, "avg_deal_size"))
}

/// The SQL of `avg_deal_size`.
pub(crate) fn avg_deal_size(q: &mut Query) -> R {
    avg_deal_size_part(q)
}

/// The SQL of `sales_cycle_days`.
pub(crate) fn sales_cycle_days(q: &mut Query) -> R {
    need_deals(q)?;
    let p = q.scope.period;
    let closed = q.closed_in(p, "current");
    let days = q.d.day_diff("created_date", "close_date");
    let name = q.with(
        "sales_cycle_current",
        "mean days from created to close over deals won in the period; deals closing before they were created are left out",
        format!(
            "SELECT avg({days}) AS sales_cycle_days\nFROM {closed}\nWHERE status = 'won'\n  AND created_date IS NOT NULL\n  AND created_date <= close_date"
        ),
    );
    Ok(Part::new(name, "sales_cycle_days"))
}

/// Deals whose status is open, not created after the as-of date (no created date counts).
fn open_deals(q: &mut Query) -> String {
    let deals = q.deals_in_scope();
    let as_of = q.scope.as_of();
    let body = format!(
        "SELECT *\nFROM {deals}\nWHERE status = 'open'\n  AND (created_date IS NULL OR created_date <= {})",
        q.date(as_of)
    );
    q.with(
        "open_deals",
        &format!("deals still open, not created after the as-of date {as_of} (one without a created date counts)"),
        body,
    )
}

/// Deals open on the as-of date: open ones (as [`open_deals`]) and those created by then that
/// were won or lost after it (`crate::kpi::pipeline`).
fn open_on_as_of(q: &mut Query) -> String {
    let deals = q.deals_in_scope();
    let as_of = q.scope.as_of();
    let t = q.date(as_of);
    let body = format!(
        "SELECT *\nFROM {deals}\nWHERE (status = 'open' AND (created_date IS NULL OR created_date <= {t}))\n   OR (status IN ('won', 'lost') AND created_date <= {t} AND close_date > {t})"
    );
    q.with(
        "open_on_as_of",
        &format!(
            "deals open on the as-of date {as_of}: open deals not created after it (no created date counts), and deals created by then that were won or lost after it"
        ),
        body,
    )
}

fn pipeline(q: &mut Query) -> String {
    let open = open_on_as_of(q);
    q.with(
        "pipeline",
        "the open pipeline: deals, deals with an amount, Σ amount",
        format!("SELECT\n    count(*) AS open_deals,\n    count(amount) AS with_amount,\n    coalesce(sum(amount), 0) AS amount\nFROM {open}"),
    )
}

/// The SQL of `pipeline_value`.
pub(crate) fn pipeline_value(q: &mut Query) -> R {
    need_deals(q)?;
    let pl = pipeline(q);
    let name = q.with(
        "pipeline_value",
        "pipeline value; undefined when no open deal has an amount",
        format!("SELECT CASE WHEN with_amount = 0 THEN NULL ELSE amount END AS pipeline_value\nFROM {pl}"),
    );
    Ok(Part::new(name, "pipeline_value"))
}

/// The SQL of `pipeline_count`.
pub(crate) fn pipeline_count(q: &mut Query) -> R {
    need_deals(q)?;
    Ok(Part::new(pipeline(q), "open_deals"))
}

/// The SQL of `pipeline_coverage`.
pub(crate) fn pipeline_coverage(q: &mut Query) -> R {
    need_deals(q)?;
    need(q, Quotas, &["period_start", "quota"], "owner, period_start, quota")?;
    let pv = pipeline_value(q)?;
    let next = q.scope.period.next();
    q.note_period("next period", next);
    let plans = q.plan_periods(Quotas, "quota");
    let ahead = q.with(
        "quota_ahead",
        &format!("Σ quota of the quota periods that start in the next period {}", show(next)),
        format!("SELECT coalesce(sum(quota), 0) AS quota\nFROM {plans}\nWHERE {}", q.within("period_start", next)),
    );
    let ahead = Part::new(ahead, "quota");
    let expr = format!("{} / NULLIF({}, 0)", pv.at(), ahead.at());
    Ok(combine(q, "pipeline_coverage", "pipeline value / quota ahead", "pipeline_coverage", expr, &[&pv, &ahead]))
}

/// The SQL of `sales_velocity`.
pub(crate) fn sales_velocity(q: &mut Query) -> R {
    let count = pipeline_count(q)?;
    let wr = win_rate_part(q, "current")?;
    let avg = avg_deal_size_part(q)?;
    let cycle = sales_cycle_days(q)?;
    let expr = format!("{} * {} * {}\n    / NULLIF({}, 0)", q.d.to_double(&count.at()), wr.at(), avg.at(), cycle.at());
    Ok(combine(
        q,
        "sales_velocity",
        "open deals × win rate × average deal size / sales cycle (per day); undefined when a part is",
        "sales_velocity",
        expr,
        &[&count, &wr, &avg, &cycle],
    ))
}

/// The SQL of `funnel_conversion`.
pub(crate) fn funnel_conversion(q: &mut Query) -> R {
    need_deals(q)?;
    let Some(deals) = q.deals() else { unreachable!() };
    let stages: Vec<String> = deals.open_stages().map(|(_, n)| n.to_owned()).collect();
    if stages.is_empty() {
        return Err("the deals have no open stages to build a funnel from".into());
    }
    let has_lost_stage = deals.lost_stage.is_some();
    let k = stages.len();
    q.note(format!("open stages in order: {}", stages.join(" → ")));
    let position = |col: &str| -> String {
        let arms: Vec<String> =
            stages.iter().enumerate().map(|(i, s)| format!("WHEN {} THEN {}", q.s(s), i + 1)).collect();
        format!("CASE {col}\n            {}\n        END", arms.join("\n            "))
    };
    let lost = if has_lost_stage { format!("coalesce({}, 1)", position("lost_stage")) } else { "1".to_owned() };
    let open = position("stage").replace("\n        END", "\n            ELSE 0\n        END");
    let p = q.scope.period;
    let deals = q.deals_in_scope();
    let created = q.with(
        "created_current",
        &format!("deals created in the period {} with a known status", show(p)),
        format!(
            "SELECT *\nFROM {deals}\nWHERE status IN ('open', 'won', 'lost')\n  AND {}",
            q.within("created_date", p)
        ),
    );
    let lost_comment =
        if has_lost_stage { "its lost_stage when that is an open stage, else the first" } else { "the first" };
    let by_state = format!(
        "CASE\n        WHEN status = 'won' THEN {}\n        WHEN status = 'open' THEN {open}\n        ELSE {lost}\n    END",
        k + 1
    );
    let (furthest, from, history_comment) = match history_reach(q, &stages) {
        Some(reach) => (
            format!("greatest({by_state}, coalesce(r.reach, 0))"),
            format!("{created} c\nLEFT JOIN {reach} r ON r.deal_id = trim(c.deal_id)"),
            "; with a stage history, also every stage the history shows the deal entered",
        ),
        None => (by_state, created, ""),
    };
    let furthest = q.with(
        "furthest_stage",
        &format!(
            "furthest stage reached (1..{k} the open stages in order, {} = won): won passed every stage, open is at its stage (0: outside the order), lost reached {lost_comment}{history_comment}",
            k + 1
        ),
        format!("SELECT\n    {furthest} AS furthest\nFROM {from}"),
    );
    let d = q.d;
    let won = d.to_double(&d.count_if(&format!("furthest = {}", k + 1)));
    let name = q.with(
        "funnel",
        "overall conversion: deals that reached won / deals that reached the first open stage",
        format!("SELECT {won}\n    / NULLIF({}, 0) AS funnel_conversion\nFROM {furthest}", d.count_if("furthest >= 1")),
    );
    Ok(Part::new(name, "funnel_conversion"))
}

/// With a stage history, the furthest funnel step each deal's history shows it entered (CTE
/// `history_reach`: `deal_id`, `reach`): 1.. for the open `stages` in order, the won step for a
/// won stage of the deals, 0 for any other stage. `None` without a history.
fn history_reach(q: &mut Query, stages: &[String]) -> Option<String> {
    q.ws.history.as_ref()?;
    let deals = q.deals()?;
    let won: Vec<&str> = (0..deals.stage.values.len() as u32)
        .filter(|&c| deals.stage_rules.status(c) == crate::stage::Status::Won)
        .filter_map(|c| deals.stage.value(c))
        .collect();
    let mut all: Vec<String> =
        stages.iter().enumerate().map(|(i, s)| format!("WHEN trim(stage) = {} THEN {}", q.s(s), i + 1)).collect();
    if !won.is_empty() {
        all.push(format!("WHEN trim(stage) IN ({}) THEN {}", q.d.strings(&won), stages.len() + 1));
    }
    let history = super::history_relation::history_relation(q);
    let body = format!(
        "SELECT trim(deal_id) AS deal_id, max(CASE {} ELSE 0 END) AS reach\nFROM {history}\n\
         WHERE trim(deal_id) <> '' AND trim(stage) <> '' AND changed_at IS NOT NULL\nGROUP BY trim(deal_id)",
        all.join(" ")
    );
    q.note("funnel: stages reached read from the stage history too".into());
    Some(q.with(
        "history_reach",
        "the furthest funnel step each deal's stage history shows it entered (0: none of the open or won stages)",
        body,
    ))
}

/// The SQL of `product_performance`.
pub(crate) fn product_performance(q: &mut Query) -> R {
    need_dim(q, Dim::Product)?;
    let p = q.scope.period;
    let closed = q.closed_in(p, "current");
    let sum = q.d.sum_if("amount", "status = 'won'");
    let per = q.with(
        "product_revenue",
        "revenue per product over the deals closed in the period",
        format!("SELECT\n    product,\n    coalesce({sum}, 0) AS revenue\nFROM {closed}\nWHERE product IS NOT NULL\nGROUP BY product"),
    );
    let name = q.with(
        "top_product_share",
        "the top product's share of product revenue; undefined when that revenue is 0",
        format!("SELECT max(revenue) / NULLIF(sum(revenue), 0) AS top_share\nFROM {per}"),
    );
    Ok(Part::new(name, "top_share"))
}

/// The SQL of `deal_size_outliers`.
pub(crate) fn deal_size_outliers(q: &mut Query) -> R {
    need_dim(q, Dim::Owner)?;
    let p = q.scope.period;
    let closed = q.closed_in(p, "current");
    let won = q.with(
        "won_with_owner",
        "won deals of the period with an owner and an amount",
        format!("SELECT owner, amount\nFROM {closed}\nWHERE status = 'won'\n  AND owner IS NOT NULL\n  AND amount IS NOT NULL"),
    );
    let medians = q.with(
        "owner_medians",
        "per owner: the median amount of their won deals (n = how many)",
        q.d.median_body(&won, "amount", Some("owner")),
    );
    let owners = q.with(
        "owners_compared",
        "owners with at least 3 won deals, the least a median needs here",
        format!("SELECT count(*) AS owners\nFROM {medians}\nWHERE n >= 3"),
    );
    let open = open_deals(q);
    let candidates = q.with(
        "outlier_candidates",
        "candidates: deals won in the period and deals still open on the as-of date",
        format!(
            "SELECT deal_id, owner, amount\nFROM {closed}\nWHERE status = 'won'\nUNION ALL\nSELECT deal_id, owner, amount\nFROM {open}"
        ),
    );
    let found = q.with(
        "outliers",
        "candidates whose amount is over 4 × their owner's median won deal",
        format!(
            "SELECT count(*) AS outliers\nFROM {candidates} c\nJOIN {medians} m ON m.owner = c.owner\nWHERE m.n >= 3\n  AND m.median_value > 0\n  AND c.amount > 4 * m.median_value"
        ),
    );
    let (owners, found) = (Part::new(owners, "owners"), Part::new(found, "outliers"));
    let expr = format!("CASE WHEN {} = 0 THEN NULL ELSE {} END", owners.at(), found.at());
    Ok(combine(
        q,
        "deal_size_outliers",
        "the number of outliers; undefined when no owner has 3 won deals",
        "deal_size_outliers",
        expr,
        &[&owners, &found],
    ))
}

/// Won deals in scope with an amount, any close date (forecast actuals look them up by period).
fn won_with_amount(q: &mut Query) -> String {
    let deals = q.deals_in_scope();
    q.with(
        "won_deals",
        "won deals with an amount (their close date places them in a plan period)",
        format!("SELECT *\nFROM {deals}\nWHERE status = 'won'\n  AND amount IS NOT NULL"),
    )
}

/// The SQL of `forecast_accuracy`.
pub(crate) fn forecast_accuracy(q: &mut Query) -> R {
    let actual = forecast_vs_actual(q)?;
    let name = q.with(
        "forecast_accuracy",
        "mean of max(0, 1 − |actual − forecast| / actual) over the periods with revenue",
        format!(
            "SELECT avg(CASE WHEN actual > 0 THEN greatest(0.0, 1 - abs(actual - forecast) / actual) END) AS forecast_accuracy\nFROM {actual}"
        ),
    );
    Ok(Part::new(name, "forecast_accuracy"))
}

/// The forecast periods lying wholly inside the period, each with its Σ forecast and the
/// revenue won in it (CTE `forecast_vs_actual`: `forecast`, `actual`): what `forecast_accuracy`
/// and `forecast_bias` score.
pub(crate) fn forecast_vs_actual(q: &mut Query) -> Result<String, Missing> {
    need_deals(q)?;
    need(q, Forecasts, &["period_start", "forecast"], "period_start, forecast")?;
    let p = q.scope.period;
    let plans = q.plan_periods(Forecasts, "forecast");
    let inside = q.with(
        "forecasts_inside",
        &format!("Σ forecast per forecast period lying wholly inside the period {}", show(p)),
        format!(
            "SELECT period_start, period_end, sum(forecast) AS forecast\nFROM {plans}\nWHERE period_start >= {}\n  AND period_end <= {}\nGROUP BY period_start, period_end",
            q.date(p.from),
            q.date(p.to)
        ),
    );
    let won = won_with_amount(q);
    let actual = q.with(
        "forecast_vs_actual",
        "per forecast period: the forecast and the revenue actually won in it",
        format!(
            "SELECT f.period_start, f.period_end, f.forecast, coalesce(sum(w.amount), 0) AS actual\nFROM {inside} f\nLEFT JOIN {won} w ON w.close_date BETWEEN f.period_start AND f.period_end\nGROUP BY f.period_start, f.period_end, f.forecast"
        ),
    );
    Ok(actual)
}

/// The SQL of `quota_attainment`.
pub(crate) fn quota_attainment(q: &mut Query) -> R {
    need_deals(q)?;
    need(q, Quotas, &["owner", "period_start", "quota"], "owner, period_start, quota")?;
    let p = q.scope.period;
    let plans = q.plan_periods(Quotas, "quota");
    let quota = q.with(
        "owner_quota",
        &format!("Σ quota per owner over the quota periods lying wholly inside the period {}", show(p)),
        format!(
            "SELECT owner, sum(quota) AS quota\nFROM {plans}\nWHERE owner IS NOT NULL\n  AND period_start >= {}\n  AND period_end <= {}\nGROUP BY owner",
            q.date(p.from),
            q.date(p.to)
        ),
    );
    let has_owner = q.deals().is_some_and(|d| d.dim(Dim::Owner).is_some());
    let attainment = if has_owner {
        let closed = q.closed_in(p, "current");
        let rev = q.with(
            "owner_revenue",
            "revenue won in the period per owner",
            format!(
                "SELECT owner, sum(amount) AS revenue\nFROM {closed}\nWHERE status = 'won'\n  AND owner IS NOT NULL\n  AND amount IS NOT NULL\nGROUP BY owner"
            ),
        );
        format!(
            "SELECT o.owner, coalesce(r.revenue, 0) / o.quota AS attainment\nFROM {quota} o\nLEFT JOIN {rev} r ON r.owner = o.owner\nWHERE o.quota > 0"
        )
    } else {
        q.note("the deals have no owner: every rep's revenue counts as 0".into());
        format!("SELECT owner, 0.0 / quota AS attainment\nFROM {quota}\nWHERE quota > 0")
    };
    let att = q.with("attainment", "attainment per owner with a quota above 0", attainment);
    let d = q.d;
    let name = q.with(
        "reps_at_quota",
        "share of owners at or over 100 % of quota",
        format!("SELECT {} / NULLIF(count(*), 0) AS share\nFROM {att}", d.to_double(&d.count_if("attainment >= 1"))),
    );
    Ok(Part::new(name, "share"))
}

/// The SQL of `leads_needed`.
pub(crate) fn leads_needed(q: &mut Query) -> R {
    let p = q.scope.period;
    let target = match q.scope.settings.revenue_target {
        Some(t) => {
            q.note(format!("target: {t} (typed)"));
            let lit = q.d.number(t);
            Part::new(
                q.with("revenue_target", "the revenue target the user typed", format!("SELECT {lit} AS target")),
                "target",
            )
        }
        None => {
            need(q, Quotas, &["period_start", "quota"], "owner, period_start, quota")?;
            let plans = q.plan_periods(Quotas, "quota");
            let name = q.with(
                "quota_target",
                &format!("target: Σ quota of the quota periods lying wholly inside the period {}; undefined unless above 0", show(p)),
                format!(
                    "SELECT CASE WHEN sum(quota) > 0 THEN sum(quota) END AS target\nFROM {plans}\nWHERE period_start >= {}\n  AND period_end <= {}",
                    q.date(p.from),
                    q.date(p.to)
                ),
            );
            Part::new(name, "target")
        }
    };
    let avg = avg_deal_size_part(q)?;
    let conv = lead_conversion_rate(q)?;
    let expr = format!("{} / NULLIF({}, 0) / NULLIF({}, 0)", target.at(), avg.at(), conv.at());
    Ok(combine(
        q,
        "leads_needed",
        "target / average deal size / lead conversion rate",
        "leads_needed",
        expr,
        &[&target, &avg, &conv],
    ))
}

// ----- leads and activity -----------------------------------------------------------------------

fn need_leads(q: &Query) -> Result<(), Missing> {
    need(q, Leads, &["lead_id", "created_at"], "lead_id, created_at")
}

/// Leads in scope created in the period.
fn leads_created_rows(q: &mut Query) -> String {
    let p = q.scope.period;
    let leads = q.in_scope(Leads);
    let day = q.day_of(Leads, "created_at");
    q.with(
        "leads_created_current",
        &format!("leads created in the period {}", show(p)),
        format!("SELECT *\nFROM {leads}\nWHERE {}", q.within(&day, p)),
    )
}

/// The SQL of `leads_created`.
pub(crate) fn leads_created(q: &mut Query) -> R {
    need_leads(q)?;
    let rows = leads_created_rows(q);
    let name = q.with(
        "leads_created",
        "their number; undefined when 0",
        format!("SELECT NULLIF(count(*), 0) AS leads_created\nFROM {rows}"),
    );
    Ok(Part::new(name, "leads_created"))
}

/// The SQL of `qualified_leads`.
pub(crate) fn qualified_leads(q: &mut Query) -> R {
    need_leads(q)?;
    let p = q.scope.period;
    let leads = q.in_scope(Leads);
    let created = q.within(&q.day_of(Leads, "created_at"), p);
    let d = q.d;
    let (qualified, how) = if q.has(Leads, "qualified_at") {
        (d.count_if(&q.within(&q.day_of(Leads, "qualified_at"), p)), "leads qualified in the period (by qualified_at)")
    } else if q.has(Leads, "qualified") {
        (d.count_if(&format!("{created} AND qualified = TRUE")), "leads created in the period and marked qualified")
    } else {
        return Err("needs leads: qualified_at or qualified".into());
    };
    let counts = q.with(
        "qualified_counts",
        &format!("{how}, and leads created in the period"),
        format!("SELECT\n    {qualified} AS qualified,\n    {} AS created\nFROM {leads}", d.count_if(&created)),
    );
    let name = q.with(
        "qualified_leads",
        "qualified leads; undefined when no lead was created or qualified in the period",
        format!("SELECT CASE WHEN qualified = 0 AND created = 0 THEN NULL ELSE qualified END AS qualified_leads\nFROM {counts}"),
    );
    Ok(Part::new(name, "qualified_leads"))
}

/// The SQL of `lead_to_opportunity`.
pub(crate) fn lead_to_opportunity(q: &mut Query) -> R {
    need_leads(q)?;
    let rows = leads_created_rows(q);
    let mut became = Vec::new();
    if q.has(Leads, "qualified_at") {
        became.push("qualified_at IS NOT NULL".to_owned());
    }
    if q.has(Leads, "qualified") {
        became.push("qualified = TRUE".to_owned());
    }
    if q.has(Leads, "deal_id") {
        became.push("trim(deal_id) <> ''".to_owned());
    }
    let d = q.d;
    let count = if became.is_empty() { "0".to_owned() } else { d.count_if(&became.join(" OR ")) };
    let name = q.with(
        "lead_to_opportunity",
        "leads created in the period that were qualified or linked to a deal / leads created in the period",
        format!("SELECT {} / NULLIF(count(*), 0) AS lead_to_opportunity\nFROM {rows}", d.to_double(&count)),
    );
    Ok(Part::new(name, "lead_to_opportunity"))
}

/// The SQL of `lead_conversion_rate`.
pub(crate) fn lead_conversion_rate(q: &mut Query) -> R {
    need_leads(q)?;
    need(q, Leads, &["deal_id"], "deal_id")?;
    need_deals(q)?;
    let rows = leads_created_rows(q);
    let deals = q.deals_with_status();
    let won = q.with(
        "won_deal_ids",
        "ids of every won deal, whatever the filters and the close date",
        format!("SELECT DISTINCT deal_id\nFROM {deals}\nWHERE status = 'won'"),
    );
    let d = q.d;
    let name = q.with(
        "lead_conversion_rate",
        "leads created in the period whose deal was won / leads created in the period",
        format!(
            "SELECT {} / NULLIF(count(*), 0) AS lead_conversion_rate\nFROM {rows} l\nLEFT JOIN {won} w ON w.deal_id = trim(l.deal_id)",
            d.to_double("count(w.deal_id)")
        ),
    );
    Ok(Part::new(name, "lead_conversion_rate"))
}

/// The SQL of `lead_response_time`.
pub(crate) fn lead_response_time(q: &mut Query) -> R {
    need_leads(q)?;
    if !(q.is_timestamp(Leads, "created_at") && q.is_timestamp(Leads, "first_contact_at")) {
        return Err("needs leads: created_at, first_contact_at (dates with times)".into());
    }
    let rows = leads_created_rows(q);
    let minutes = q.d.minutes_between("created_at", "first_contact_at");
    let gaps = q.with(
        "response_minutes",
        "minutes from created to first contact; contacts before creation are left out as data errors",
        format!(
            "SELECT {minutes} AS minutes\nFROM {rows}\nWHERE created_at IS NOT NULL\n  AND first_contact_at IS NOT NULL\n  AND first_contact_at >= created_at"
        ),
    );
    let median = q.with("response_median", "their median", q.d.median_body(&gaps, "minutes", None));
    let name = q.with(
        "lead_response_time",
        "the median, NULL when no lead was contacted",
        format!("SELECT (SELECT median_value FROM {median}) AS lead_response_time"),
    );
    Ok(Part::new(name, "lead_response_time"))
}

/// The SQL of `touchpoints_to_meeting`.
pub(crate) fn touchpoints_to_meeting(q: &mut Query) -> R {
    need_leads(q)?;
    let own = q.has(Leads, "touchpoints_to_meeting");
    let counted = q.loaded(Activities) && ["lead_id", "type", "date"].iter().all(|f| q.has(Activities, f));
    if !own && !counted {
        return Err("needs leads.touchpoints_to_meeting or activities: lead_id, type, date".into());
    }
    let rows = leads_created_rows(q);
    let value = if counted {
        let d = q.d;
        let day = q.day_of(Activities, "date");
        let date = q.id("date");
        let kind = q.id("type");
        let acts = q.with(
            "lead_activities",
            "activities that name a lead, with their day (every activity: the filters choose the leads)",
            format!(
                "SELECT trim(lead_id) AS lead_id, {kind}, {day} AS day\nFROM activities\nWHERE trim(lead_id) <> ''\n  AND {date} IS NOT NULL"
            ),
        );
        let words = ACTIVITY_WORDS.iter().find(|(c, _)| *c == ActivityClass::Meeting).map_or(&[][..], |(_, w)| *w);
        let meeting = d.contains_any(&d.lower_trim(&kind), words);
        let first = q.with(
            "first_meetings",
            &format!("each lead's first meeting day (a type containing {})", words.join(", ")),
            format!("SELECT lead_id, min(day) AS first_meeting\nFROM {acts}\nWHERE {meeting}\nGROUP BY lead_id"),
        );
        let touches = q.with(
            "touches_before_meeting",
            "per lead with a meeting: its activities on days before the first meeting",
            format!(
                "SELECT m.lead_id, count(a.lead_id) AS touches\nFROM {first} m\nLEFT JOIN {acts} a ON a.lead_id = m.lead_id AND a.day < m.first_meeting\nGROUP BY m.lead_id"
            ),
        );
        let v = if own { "coalesce(l.touchpoints_to_meeting, t.touches)" } else { "t.touches" };
        q.with(
            "lead_touchpoints",
            "each lead created in the period: its touchpoints_to_meeting cell, else the activities counted",
            format!("SELECT {v} AS touchpoints\nFROM {rows} l\nLEFT JOIN {touches} t ON t.lead_id = trim(l.lead_id)"),
        )
    } else {
        q.with(
            "lead_touchpoints",
            "each lead created in the period: its touchpoints_to_meeting cell",
            format!("SELECT touchpoints_to_meeting AS touchpoints\nFROM {rows}"),
        )
    };
    let name = q.with(
        "touchpoints_to_meeting",
        "mean over the leads that have a value",
        format!("SELECT avg(touchpoints) AS touchpoints_to_meeting\nFROM {value}"),
    );
    Ok(Part::new(name, "touchpoints_to_meeting"))
}

/// The SQL of `activity_volume`.
pub(crate) fn activity_volume(q: &mut Query) -> R {
    need(q, Activities, &["date"], "owner, type, date")?;
    let p = q.scope.period;
    let acts = q.in_scope(Activities);
    let day = q.day_of(Activities, "date");
    let name = q.with(
        "activity_volume",
        &format!("activities dated in the period {}; undefined when 0", show(p)),
        format!("SELECT NULLIF(count(*), 0) AS activity_volume\nFROM {acts}\nWHERE {}", q.within(&day, p)),
    );
    Ok(Part::new(name, "activity_volume"))
}

// ----- customers and unit economics -------------------------------------------------------------

fn has_customers(q: &Query) -> bool {
    q.loaded(Customers) && q.has(Customers, "start_date")
}

fn new_customers_part(q: &mut Query) -> R {
    let p = q.scope.period;
    if has_customers(q) {
        let name = q.with(
            "new_customers",
            &format!("customers who started in the period {}; undefined when 0", show(p)),
            format!("SELECT NULLIF(count(*), 0) AS new_customers\nFROM customers\nWHERE {}", q.within("start_date", p)),
        );
        return Ok(Part::new(name, "new_customers"));
    }
    need_deals(q).map_err(|_| "needs customers: customer_id, start_date (or deals with deal_type)".to_owned())?;
    need_dim(q, Dim::DealType)
        .map_err(|_| "needs customers: customer_id, start_date (or deals.deal_type)".to_owned())?;
    q.note("no customers loaded: new customers are the won deals of type new".into());
    let won = won_by_class(q, "current");
    let name = q.with(
        "new_customers",
        "won deals of the period whose type is new; undefined when 0",
        format!("SELECT NULLIF({}, 0) AS new_customers\nFROM {won}", q.d.count_if("deal_class = 'new'")),
    );
    Ok(Part::new(name, "new_customers"))
}

/// The SQL of `new_customers`.
pub(crate) fn new_customers(q: &mut Query) -> R {
    new_customers_part(q)
}

/// The SQL of `churn_rate`.
pub(crate) fn churn_rate(q: &mut Query) -> R {
    need(q, Customers, &["start_date", "end_date"], "customer_id, start_date, end_date")?;
    let p = q.scope.period;
    let before = crate::Day(p.from.0 - 1);
    let d = q.d;
    let counts = q.with(
        "churn_counts",
        &format!(
            "customers active on {before}, the day before the period, and those of them whose end date is in the period"
        ),
        format!(
            "SELECT\n    {} AS active_before,\n    {} AS churned\nFROM customers",
            d.count_if(&format!("start_date <= {0} AND (end_date IS NULL OR end_date > {0})", q.date(before))),
            d.count_if(&format!("start_date <= {0} AND {1}", q.date(before), q.within("end_date", p))),
        ),
    );
    let name = q.with(
        "churn_rate",
        "churned / active the day before; undefined when none was active",
        format!("SELECT {} / NULLIF(active_before, 0) AS churn_rate\nFROM {counts}", d.to_double("churned")),
    );
    Ok(Part::new(name, "churn_rate"))
}

/// The SQL of `retention_rate`.
pub(crate) fn retention_rate(q: &mut Query) -> R {
    let c = churn_rate(q)?;
    Ok(combine(q, "retention_rate", "retention = 1 − churn rate", "retention_rate", format!("1 - {}", c.at()), &[&c]))
}

/// The SQL of `cac`.
pub(crate) fn cac(q: &mut Query) -> R {
    need(q, Spend, &["date", "amount"], "date, amount")?;
    let p = q.scope.period;
    let day = q.day_of(Spend, "date");
    let category = if q.has(Spend, "category") {
        "\n  AND (category IS NULL OR lower(trim(category)) IN ('marketing', 'sales'))"
    } else {
        ""
    };
    let spend = q.with(
        "acquisition_spend",
        &format!("marketing and sales spend (or no category) dated in the period {}", show(p)),
        format!(
            "SELECT coalesce(sum(amount), 0) AS spend\nFROM spend\nWHERE {}\n  AND amount IS NOT NULL{category}",
            q.within(&day, p)
        ),
    );
    let spend = Part::new(spend, "spend");
    let n = new_customers_part(q)?;
    let expr = format!("{} / NULLIF({}, 0)", spend.at(), n.at());
    Ok(combine(q, "cac", "spend / new customers", "cac", expr, &[&spend, &n]))
}

/// The SQL of `clv`.
pub(crate) fn clv(q: &mut Query) -> R {
    if has_customers(q) {
        need(q, Customers, &["mrr", "end_date"], "mrr, end_date")?;
        return clv_from_customers(q);
    }
    need_deals(q).map_err(|_| "needs customers: customer_id, start_date, mrr".to_owned())?;
    if q.deals().is_some_and(|d| d.account.is_none()) {
        return Err("needs customers: customer_id, start_date, mrr (or deals.account)".into());
    }
    q.note("no customers loaded: CLV is the mean won revenue per account".into());
    let as_of = q.scope.as_of();
    let deals = q.deals_in_scope();
    let name = q.with(
        "clv",
        &format!("Σ amount of deals won on or before {as_of} / their distinct accounts"),
        format!(
            "SELECT coalesce(sum(amount), 0) / NULLIF(count(DISTINCT account), 0) AS clv\nFROM {deals}\nWHERE status = 'won'\n  AND close_date <= {}\n  AND account IS NOT NULL\n  AND amount IS NOT NULL",
            q.date(as_of)
        ),
    );
    Ok(Part::new(name, "clv"))
}

fn clv_from_customers(q: &mut Query) -> R {
    let p = q.scope.period;
    let totals = Part::new(mrr_totals(q), "mrr_sum");
    let months: Vec<Period> =
        Grain::Month.buckets(p).into_iter().filter_map(|m| Period::new(m, m.month_end())?.clip(p)).collect();
    let rows: Vec<String> = months
        .iter()
        .map(|m| {
            format!(
                "SELECT {} AS day_before, {} AS month_from, {} AS month_to",
                q.date(crate::Day(m.from.0 - 1)),
                q.date(m.from),
                q.date(m.to)
            )
        })
        .collect();
    let months = q.with(
        "months_in_period",
        "the calendar months of the period, clipped to it, each with the day before it",
        rows.join("\nUNION ALL\n"),
    );
    let d = q.d;
    let per_month = q.with(
        "monthly_churn",
        "per month: customers active the day before it, and those of them whose end date is in it",
        format!(
            "SELECT\n    m.month_from,\n    {} AS active_before,\n    {} AS churned\nFROM {months} m\nCROSS JOIN customers c\nGROUP BY m.month_from",
            d.count_if("c.start_date <= m.day_before AND (c.end_date IS NULL OR c.end_date > m.day_before)"),
            d.count_if("c.start_date <= m.day_before AND c.end_date BETWEEN m.month_from AND m.month_to"),
        ),
    );
    let mean = q.with(
        "mean_monthly_churn",
        "mean monthly churn rate (months with no active customer skipped)",
        format!("SELECT avg({} / NULLIF(active_before, 0)) AS monthly_churn\nFROM {per_month}", d.to_double("churned")),
    );
    let mean = Part::new(mean, "monthly_churn");
    let margin = q.scope.settings.gross_margin;
    q.note(format!("gross margin: {margin}"));
    let expr = format!(
        "{} / NULLIF({}.with_mrr, 0) * {}\n    / NULLIF({}, 0)",
        totals.at(),
        totals.cte,
        d.number(margin),
        mean.at()
    );
    Ok(combine(
        q,
        "clv",
        "CLV = ARPA (MRR / active customers with an MRR) × gross margin / mean monthly churn",
        "clv",
        expr,
        &[&totals, &mean],
    ))
}

/// The SQL of `clv_cac_ratio`.
pub(crate) fn clv_cac_ratio(q: &mut Query) -> R {
    let l = clv(q)?;
    let c = cac(q)?;
    let expr = format!("{} / NULLIF({}, 0)", l.at(), c.at());
    Ok(combine(q, "clv_cac_ratio", "CLV / CAC", "clv_cac_ratio", expr, &[&l, &c]))
}
