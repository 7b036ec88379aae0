//! KPIs over the deals table: revenue, win rate, deal size, cycle length and the pipeline.
//!
//! Every function walks the typed columns once, without allocating per row.
//!
//! Each KPI's registry entry (`KpiDef`: id, name, unit, needs, explanation, SQL builder) sits
//! just above its compute function; `catalog.rs` lists the entries once.

use super::closed::{closed_with_undated, cycle_of, few_closed_in, undated_from_index, Closed};
use super::result::{BreakdownRow, KpiResult, Undefined};
use super::won_figures::{won_figures, WonFigures};
use super::{Comparison, Ctx, Direction, Explanation, Group, KpiDef, KpiId, Unit};
use super::{Gap, Omission};
use crate::close_index::in_table_order;
use crate::column::Amount;
use crate::deals_table::{DealsTable, Dim};
use crate::filter::{keeps, Mask};
use crate::ingest::DatasetKind;
use crate::open_tally::{open_tallies, OpenTally};
use crate::period::Period;
use crate::sql::kpis as sql;
use crate::stage::Status;
use crate::stats::{mean, median};
use crate::workspace::Scope;

pub(super) fn needs_deals() -> KpiResult {
    KpiResult::undefined(Undefined::NeedsData {
        dataset: "deals",
        fields: "deal_id, amount, stage or status, created_date",
    })
}

/// The deals of `d` that pass `mask` closed in `p`, by outcome, calling `on_won(row)` in the
/// same pass for each deal that passes `mask` and was won in `p`, in row order (the rows
/// [`won_in`] gives): one walk over the deals instead of two for the KPIs that need both.
pub(super) fn closed_with(d: &DealsTable, mask: &Mask, p: Period, on_won: impl FnMut(usize)) -> Closed {
    closed_with_undated(d, mask, p, |ix| undated_from_index(d, mask, ix), on_won)
}

pub(super) fn no_closed_deals(p: Period) -> Undefined {
    Undefined::NoRows(Gap::NoClosedDeals(p))
}

/// Indices of deals that pass `mask` and were won with a close date in `p`.
pub(super) fn won_in<'a>(d: &'a DealsTable, mask: &'a Mask, p: Period) -> impl Iterator<Item = usize> + 'a {
    let picked = few_closed_in(d, p).map(|(run, _)| {
        let won = run.iter().copied().filter(|&r| d.status[r as usize] == Status::Won && keeps(mask, r as usize));
        in_table_order(d.len(), won)
    });
    let walk = picked.is_none().then(|| {
        d.status
            .iter()
            .zip(&d.close.days)
            .enumerate()
            // `&`, not `&&`: one well-predicted branch per row instead of three.
            .filter(move |(i, (&s, &close))| ((s == Status::Won) & p.contains_raw(close)) && keeps(mask, *i))
            .map(|(i, _)| i)
    });
    picked.into_iter().flatten().chain(walk.into_iter().flatten())
}

/// Notes shared by every KPI that needs the deal's status and close date.
pub(super) fn closed_notes(r: KpiResult, c: &Closed, won_only: bool) -> KpiResult {
    let r = r.left_out(c.won_no_close, Omission::WonNoClose);
    let r = if won_only { r } else { r.left_out(c.lost_no_close, Omission::LostNoClose) };
    r.left_out(c.unknown_status, Omission::NoStatus)
}

/// The registry entry of `revenue`.
pub(super) const REVENUE: KpiDef = KpiDef {
    id: KpiId::Revenue,
    name: "Revenue",
    unit: Unit::Currency,
    direction: Direction::Up,
    group: Group::Revenue,
    needs: "deals",
    datasets: &[DatasetKind::Deals],
    compute: revenue,
    sql: sql::revenue,
    explanation: Explanation {
        what: "Money from deals won in the period.",
        formula: "Σ amount of deals won (close date in the period), counting only amounts in the chosen currency. Undefined when no deal closed (won or lost) in the period, or when none of the won deals has an amount. Won deals without an amount, without a close date or in another currency are left out and counted.",
        why: "It is the headline result: every other sales number is judged by whether it moves revenue, and a fall from one month to the next is the cue to look into how the team works.",
        watch: "This is booked deal value as the CRM records it, not net of discounts given later or returns. One large deal or a quarter-end push moves it more than any trend, so read it beside the deal count and the average deal size.",
    },
};

/// `revenue`: Σ amount of deals won in P.
pub fn revenue(ctx: &Ctx) -> KpiResult {
    // Revenue of one period is read by several tiles of a page (revenue, both growths, their
    // comparisons, the mix, sales velocity): counted once per selection.
    let p = ctx.scope.period;
    let Some(f) = won_figures(ctx, p) else { return needs_deals() };
    revenue_of(&f, p)
}

/// `revenue` from the figures of `p`.
fn revenue_of(f: &WonFigures, p: Period) -> KpiResult {
    let c = &f.closed;
    let r = if c.won + c.lost == 0 {
        KpiResult::undefined(no_closed_deals(p))
    } else if c.won > 0 && f.with_amount == 0 {
        KpiResult::undefined(Undefined::NoRows(Gap::NoWonAmount { won: c.won, period: p }))
    } else {
        KpiResult::value(f.sum)
    };
    let r = r.left_out(f.no_amount, Omission::WonNoAmount);
    closed_notes(r.left_out(f.other_currency, Omission::WonOtherCurrency), c, true)
}

/// The registry entry of `deals_won`.
pub(super) const DEALS_WON: KpiDef = KpiDef {
    id: KpiId::DealsWon,
    name: "Deals won",
    unit: Unit::Count,
    direction: Direction::Up,
    group: Group::Deals,
    needs: "deals",
    datasets: &[DatasetKind::Deals],
    compute: deals_won,
    sql: sql::deals_won,
    explanation: Explanation {
        what: "How many deals were won in the period.",
        formula: "Count of deals won with a close date in the period. Undefined when no deal closed (won or lost) in the period; 0 wins beside some losses is a real 0. Won deals without a close date are left out and counted.",
        why: "Plans are made in wins: a target of 800 k at an average deal of 10 k means 80 deals to close. The count shows whether revenue comes from many customers or a few.",
        watch: "A count hides size and mix: more small wins can cover a drop in large ones, so read it with the average deal size.",
    },
};

/// `deals_won`: count of deals won in P.
pub fn deals_won(ctx: &Ctx) -> KpiResult {
    let p = ctx.scope.period;
    let Some(f) = won_figures(ctx, p) else { return needs_deals() };
    deals_won_of(&f, p)
}

/// `deals_won` from the figures of `p`.
fn deals_won_of(f: &WonFigures, p: Period) -> KpiResult {
    let c = &f.closed;
    let r = if c.won + c.lost == 0 { KpiResult::undefined(no_closed_deals(p)) } else { KpiResult::value(c.won as f64) };
    closed_notes(r, c, true)
}

/// The registry entry of `win_rate`.
pub(super) const WIN_RATE: KpiDef = KpiDef {
    id: KpiId::WinRate,
    name: "Win rate",
    unit: Unit::Percent,
    direction: Direction::Up,
    group: Group::Deals,
    needs: "deals",
    datasets: &[DatasetKind::Deals],
    compute: win_rate,
    sql: sql::win_rate,
    explanation: Explanation {
        what: "The share of closed deals that were won (the close ratio).",
        formula: "Deals won in the period / deals closed (won or lost) in the period. Open deals do not count. Undefined when no deal closed in the period; closed deals without a close date are left out and counted.",
        why: "It shows how well reps turn the opportunities they work into customers. Broken down by lead source and rep it tells a lead-quality problem from a selling problem.",
        watch: "It moves with the season and the market, not only with skill, and a move up-market lowers it for a while. Some reports divide by every deal, open ones included, which gives a lower figure (48 % instead of 63 % on the Maven sample): compare like with like, and on enough closed deals.",
    },
};

/// `win_rate`: won in P / closed in P.
pub fn win_rate(ctx: &Ctx) -> KpiResult {
    let p = ctx.scope.period;
    let Some(f) = won_figures(ctx, p) else { return needs_deals() };
    win_rate_of(&f, p)
}

/// `win_rate` from the figures of `p`.
fn win_rate_of(f: &WonFigures, p: Period) -> KpiResult {
    let c = &f.closed;
    let closed = c.won + c.lost;
    let r = if closed == 0 {
        KpiResult::undefined(Undefined::ZeroDenominator(Gap::NoClosedDeals(p)))
    } else {
        KpiResult::value(c.won as f64 / closed as f64)
    };
    closed_notes(r, c, false)
}

/// The registry entry of `avg_deal_size`.
pub(super) const AVG_DEAL_SIZE: KpiDef = KpiDef {
    id: KpiId::AvgDealSize,
    name: "Average deal size",
    unit: Unit::Currency,
    direction: Direction::Up,
    group: Group::Deals,
    needs: "deals",
    datasets: &[DatasetKind::Deals],
    compute: avg_deal_size,
    sql: sql::avg_deal_size,
    explanation: Explanation {
        what: "The mean amount of a deal won in the period; the median is shown beside it.",
        formula: "Σ amount / count over deals won in the period that have an amount in the chosen currency. Won deals without an amount or in another currency are left out and counted. Undefined when no deal won in the period has an amount.",
        why: "Watched month by month it shows whether contracts grow or shrink, how pricing lands, and how many deals the target needs. It should rise when the team moves up-market and may fall on purpose when it goes after many small customers.",
        watch: "A few very large deals pull the mean up: when mean and median are far apart, read the median. A rep far below the team's average may be chasing small, easy deals or discounting too much.",
    },
};

/// `avg_deal_size`: mean amount of deals won in P, with the median beside it.
pub fn avg_deal_size(ctx: &Ctx) -> KpiResult {
    let Some((d, mask)) = ctx.deals() else { return needs_deals() };
    let scope = &ctx.scope;
    let p = scope.period;
    let (mut amounts, mut no_amount, mut other) = (Vec::new(), 0usize, 0usize);
    let c = closed_with(d, mask, p, |i| match d.amount_in(i, scope.currency) {
        Amount::Value(a) => amounts.push(a),
        Amount::Missing => no_amount += 1,
        Amount::OtherCurrency => other += 1,
    });
    let r = deal_size_result(mean(&amounts), &c, p)
        .companion("median", median(&mut amounts))
        .left_out(no_amount, Omission::WonNoAmount)
        .left_out(other, Omission::WonOtherCurrency);
    closed_notes(r, &c, true)
}

/// `avg_deal_size`'s value from the mean amount of the deals won in `p` (`c` their counts).
fn deal_size_result(mean: Option<f64>, c: &Closed, p: Period) -> KpiResult {
    KpiResult::from_option(mean, || {
        Undefined::NoRows(if c.won == 0 { Gap::NoDealsWon(p) } else { Gap::NoWonAmount { won: c.won, period: p } })
    })
}

/// `avg_deal_size`'s value alone (no median, no notes), from the figures other KPIs of the
/// period share: what sales velocity multiplies, and a rep's deal size is compared with.
pub(crate) fn mean_deal_size(ctx: &Ctx) -> KpiResult {
    let p = ctx.scope.period;
    let Some(f) = won_figures(ctx, p) else { return needs_deals() };
    deal_size_result(f.mean_amount(), &f.closed, p)
}

/// For each KPI of `ids` that one walk over the deals gives for every value of `dim` at once
/// (`revenue`, `deals_won`, `win_rate`, `avg_deal_size`, `sales_cycle_days`,
/// `pipeline_value`), its value per dictionary code of `dim`: what the KPI gives with that value
/// added to `ctx`'s filters (the deal size and cycle as [`mean_deal_size`] and
/// [`mean_sales_cycle`] read them). `None` for the other KPIs, and for all without deals or
/// the column. For a table of every rep, or a rep beside each of their team, instead of a
/// selection and a walk per value (thousands of reps took seconds).
pub(crate) fn values_by(ctx: &Ctx, dim: Dim, ids: &[KpiId]) -> Vec<Option<Vec<Option<f64>>>> {
    let Some((d, mask, column)) = ctx.deals().and_then(|(d, mask)| Some((d, mask, d.dim(dim)?))) else {
        return vec![None; ids.len()];
    };
    let (p, currency, n) = (ctx.scope.period, ctx.scope.currency, column.values.len());
    let from_won = |id: &KpiId| {
        matches!(id, KpiId::Revenue | KpiId::DealsWon | KpiId::WinRate | KpiId::AvgDealSize | KpiId::SalesCycleDays)
    };
    let won = ids.iter().any(from_won).then(|| super::won_figures::by_code(d, mask, p, currency, &column.codes, n));
    let open = ids.contains(&KpiId::PipelineValue).then(|| {
        let tallies = crate::open_tally::open_by_code(d, mask, ctx.scope.as_of().0, currency, &column.codes, n);
        tallies.iter().map(|t| pipeline_value_of(&pipeline_from(d, t), &ctx.scope).number()).collect()
    });
    let each =
        |f: fn(&WonFigures, Period) -> KpiResult| won.as_ref().map(|w| w.iter().map(|x| f(x, p).number()).collect());
    ids.iter()
        .map(|id| match id {
            KpiId::Revenue => each(revenue_of),
            KpiId::DealsWon => each(deals_won_of),
            KpiId::WinRate => each(win_rate_of),
            KpiId::AvgDealSize => each(|f, p| deal_size_result(f.mean_amount(), &f.closed, p)),
            KpiId::SalesCycleDays => each(|f, p| sales_cycle_result(f.mean_cycle(), &f.closed, p)),
            KpiId::PipelineValue => open.clone(),
            _ => None,
        })
        .collect()
}

/// `sales_cycle_days`' value from the mean cycle of the deals won in `p` (`c` their counts).
fn sales_cycle_result(mean: Option<f64>, c: &Closed, p: Period) -> KpiResult {
    KpiResult::from_option(mean, || {
        Undefined::NoRows(if c.won == 0 { Gap::NoDealsWon(p) } else { Gap::NoWonCreated { won: c.won, period: p } })
    })
}

/// `sales_cycle_days`' value alone (no median, no notes), from the figures other KPIs of the
/// period share: what sales velocity divides by.
pub(super) fn mean_sales_cycle(ctx: &Ctx) -> KpiResult {
    let p = ctx.scope.period;
    let Some(f) = won_figures(ctx, p) else { return needs_deals() };
    sales_cycle_result(f.mean_cycle(), &f.closed, p)
}

/// The deals `sales_cycle_days` averages: won in `p`, passing `mask`, with a created date and
/// not closed before it. Calls `each(row, days from created to close)` for each, in row order,
/// and returns how many won deals of `p` were left out for having no created date and for
/// closing before they were created.
pub(crate) fn won_cycles(d: &DealsTable, mask: &Mask, p: Period, mut each: impl FnMut(usize, i32)) -> (usize, usize) {
    let mut left_out = (0usize, 0usize);
    for i in won_in(d, mask, p) {
        cycle_of(d, i, &mut left_out, &mut each);
    }
    left_out
}

/// The registry entry of `sales_cycle_days`.
pub(super) const SALES_CYCLE_DAYS: KpiDef = KpiDef {
    id: KpiId::SalesCycleDays,
    name: "Sales cycle",
    unit: Unit::Days,
    direction: Direction::Down,
    group: Group::Deals,
    needs: "deals",
    datasets: &[DatasetKind::Deals],
    compute: sales_cycle_days,
    sql: sql::sales_cycle_days,
    explanation: Explanation {
        what: "How many days a won deal took from creation to close; the median is shown beside the mean.",
        formula: "Mean of (close date − created date) in days over deals won in the period. Deals without a created date, and deals that close before they were created (data errors), are left out and counted. Undefined when no won deal in the period has usable dates.",
        why: "Knowing how long deals take makes forecasts predictable; a cycle that lengthens is an early warning of poorly qualified leads or reps who are not yet ready. In long cycles it also shows which stages add the most time.",
        watch: "It differs a lot by lead source, product and rep (and between B2B and B2C): segment it before you compare. It counts from the deal's created date, not from first contact, so it is shorter than a lead-to-close figure.",
    },
};

/// `sales_cycle_days`: mean of (close − created) in days over deals won in P, median beside it.
/// Deals whose close date is before their created date are left out as data errors.
pub fn sales_cycle_days(ctx: &Ctx) -> KpiResult {
    let Some((d, mask)) = ctx.deals() else { return needs_deals() };
    let scope = &ctx.scope;
    let p = scope.period;
    let mut days: Vec<f64> = Vec::new();
    let mut left_out = (0usize, 0usize);
    let c = closed_with(d, mask, p, |i| cycle_of(d, i, &mut left_out, &mut |_, n| days.push(n as f64)));
    let (no_created, negative) = left_out;
    let r = sales_cycle_result(mean(&days), &c, p)
        .companion("median", median(&mut days))
        .left_out(no_created, Omission::WonNoCreated)
        .left_out(negative, Omission::WonClosesBeforeCreated);
    closed_notes(r, &c, true)
}

/// The open pipeline on an as-of date, per stage.
#[derive(Clone, Debug, PartialEq)]
pub struct Pipeline {
    /// Per stage, in pipeline order: name, deal count, Σ amount, deals with an amount.
    pub stages: Vec<StageTotal>,
    /// Open deals created on or before the as-of date (or with no created date).
    pub count: usize,
    /// Σ amount of those with an amount.
    pub value: f64,
    /// How many of them have no amount.
    pub no_amount: usize,
    /// How many of them are in another currency than the scope's.
    pub other_currency: usize,
    /// Open deals left out because they were created after the as-of date.
    pub created_later: usize,
}

/// The pipeline row of deals that were open on the as-of date and have been won or lost
/// since: their stage on that day is not in the data.
pub const CLOSED_LATER: &str = "(won or lost since)";

/// One stage of the [`Pipeline`].
#[derive(Clone, Debug, PartialEq)]
pub struct StageTotal {
    /// Stage name (`(no stage)` for open deals without one).
    pub stage: String,
    /// Open deals in the stage.
    pub count: usize,
    /// Σ amount of those with an amount.
    pub value: f64,
    /// Deals in the stage with an amount in the scope's currency.
    pub with_amount: usize,
}

/// Deals open on the scope's as-of date: open deals created on or before it (an open deal
/// with no created date still counts, KPI_SPEC.md "Missing values"), and deals created on or
/// before it that were won or lost after it, so a past date shows the pipeline it had then.
/// Values are in the scope's currency.
pub fn pipeline(d: &DealsTable, mask: &Mask, scope: &Scope) -> Pipeline {
    let tally = open_tallies(d, mask, &[scope.as_of().0], scope.currency).pop().unwrap_or_default();
    pipeline_from(d, &tally)
}

/// [`pipeline`] over the context's selection, whose tally of the as-of date may be counted
/// already (by another KPI of the same day, or in one sweep with the rest of a trend).
fn pipeline_in(ctx: &Ctx) -> Option<Pipeline> {
    let (d, mask) = ctx.deals()?;
    // A tile reads its comparison's pipeline next (by default the previous period's last day):
    // counted in the same sweep. Not the year earlier's too: a day that far back widens the
    // sweep to every deal closed since (a quarter preset on the peer file: 3.4 -> 4.0 ms).
    let along = [ctx.scope.over(Comparison::Previous.period(ctx.period())).as_of().0];
    let currency = ctx.scope.currency;
    let tally = ctx
        .open_memo()
        .tally_along(d.len(), ctx.scope.as_of().0, currency, &along, |days| open_tallies(d, mask, days, currency));
    Some(pipeline_from(d, &tally))
}

/// The pipeline of a day's tally: stages in pipeline order, totals.
fn pipeline_from(d: &DealsTable, t: &OpenTally) -> Pipeline {
    let n_codes = d.stage.values.len();
    let (count, value, with_amount) = (&t.count, &t.value, &t.with_amount);
    let (no_stage, closed_later) = (t.no_stage(), t.closed_later());
    let (created_later, other_currency) = (t.created_later, t.other_currency);
    if count.len() != n_codes + 2 {
        // A tally of another table (cannot happen: tallies are keyed by the table's length).
        return Pipeline {
            stages: Vec::new(),
            count: 0,
            value: 0.0,
            no_amount: 0,
            other_currency: 0,
            created_later: 0,
        };
    }
    let mut order: Vec<usize> = d.stage_rules.open_order.iter().map(|&c| c as usize).collect();
    let others: Vec<usize> = (0..n_codes).filter(|c| count[*c] > 0 && !order.contains(c)).collect();
    order.extend(others);
    order.extend([no_stage, closed_later]);
    let stages: Vec<StageTotal> = order
        .into_iter()
        .filter(|&s| s < n_codes || count[s] > 0)
        .map(|s| StageTotal {
            stage: match s {
                _ if s == closed_later => CLOSED_LATER.to_owned(),
                _ => d.stage.value(s as u32).unwrap_or("(no stage)").to_owned(),
            },
            count: count[s],
            value: value[s],
            with_amount: with_amount[s],
        })
        .collect();
    let total: usize = count.iter().sum();
    let priced: usize = with_amount.iter().sum();
    Pipeline {
        stages,
        count: total,
        value: value.iter().sum(),
        no_amount: total - priced - other_currency,
        other_currency,
        created_later,
    }
}

/// The registry entry of `pipeline_value`.
pub(super) const PIPELINE_VALUE: KpiDef = KpiDef {
    id: KpiId::PipelineValue,
    name: "Pipeline value",
    unit: Unit::Currency,
    direction: Direction::Up,
    group: Group::Deals,
    needs: "deals",
    datasets: &[DatasetKind::Deals],
    compute: pipeline_value,
    sql: sql::pipeline_value,
    explanation: Explanation {
        what: "The value of the deals open on the last day of the period, per stage.",
        formula: "Σ amount of the deals open on the period's last day: deals still open (leaving out those created after that day; open deals with no created date still count), and deals created by that day that were won or lost after it, shown as \"(won or lost since)\". Open deals without an amount or in another currency are left out of the value and counted. Undefined when there is no open deal or none has an amount.",
        why: "It is the revenue the team can still win: against the target it says whether the team is on track, and stage by stage it shows where deals get stuck.",
        watch: "It is the big picture only: pair it with the per-stage, per-rep and per-source views to find causes. Old deals nobody closes inflate it. Status is read as it stands in the file, so for a past period deals that have closed since are missing from it.",
    },
};

/// `pipeline_value`: Σ amount of open deals on the as-of date, per open stage.
pub fn pipeline_value(ctx: &Ctx) -> KpiResult {
    let Some((d, mask)) = ctx.deals() else { return needs_deals() };
    let scope = &ctx.scope;
    pipeline_value_of(&pipeline_in(ctx).unwrap_or_else(|| pipeline(d, mask, scope)), scope)
}

/// `pipeline_value` from the pipeline of the scope's as-of date.
fn pipeline_value_of(pl: &Pipeline, scope: &Scope) -> KpiResult {
    let mut r = if pl.count == 0 {
        KpiResult::undefined(Undefined::NoRows(Gap::NoOpenDeals(scope.as_of())))
    } else if pl.count == pl.no_amount + pl.other_currency {
        KpiResult::undefined(Undefined::NoRows(Gap::NoOpenAmount {
            open: pl.count,
            other_currency: pl.other_currency > 0,
        }))
    } else {
        KpiResult::value(pl.value)
    };
    r.breakdown =
        pl.stages.iter().map(|s| BreakdownRow { dim: "stage", segment: s.stage.clone(), value: s.value }).collect();
    r.left_out(pl.no_amount, Omission::OpenNoAmount).left_out(pl.other_currency, Omission::OpenOtherCurrency)
}

/// The registry entry of `pipeline_count`.
pub(super) const PIPELINE_COUNT: KpiDef = KpiDef {
    id: KpiId::PipelineCount,
    name: "Open deals",
    unit: Unit::Count,
    direction: Direction::Up,
    group: Group::Deals,
    needs: "deals",
    datasets: &[DatasetKind::Deals],
    compute: pipeline_count,
    sql: sql::pipeline_count,
    explanation: Explanation {
        what: "How many deals are open on the last day of the period, per stage.",
        formula: "Count of the deals open on the period's last day: deals still open (leaving out those created after that day; open deals with no created date still count), and deals created by that day that were won or lost after it. Deals with no stage or status are left out and counted. Zero is a real count (everything is closed).",
        why: "The number of deals in play drives how many wins the coming months can bring; a pile-up in one stage shows where deals stall.",
        watch: "Stale deals that nobody updates inflate the count. A count says nothing about value: read it with the pipeline value.",
    },
};

/// `pipeline_count`: number of open deals on the as-of date, per open stage. Zero is a real
/// count here (every deal closed), so it is defined whenever deals are loaded.
pub fn pipeline_count(ctx: &Ctx) -> KpiResult {
    let Some((d, mask)) = ctx.deals() else { return needs_deals() };
    let scope = &ctx.scope;
    let pl = pipeline_in(ctx).unwrap_or_else(|| pipeline(d, mask, scope));
    let mut r = KpiResult::value(pl.count as f64);
    r.breakdown = pl
        .stages
        .iter()
        .map(|s| BreakdownRow { dim: "stage", segment: s.stage.clone(), value: s.count as f64 })
        .collect();
    // The rows of unknown status are listed in the close-date index (built once per table and
    // kept beside it): no second walk over every deal per read.
    let unknown = match d.close_index() {
        Some(ix) => ix.unknown().iter().filter(|&&i| keeps(mask, i as usize)).count(),
        None => (0..d.len()).filter(|&i| d.status[i] == Status::Unknown && keeps(mask, i)).count(),
    };
    r.left_out(unknown, Omission::NoStatus)
}

#[cfg(test)]
mod tests {
    use crate::ingest::read_deals;
    use crate::kpi::{compute, find, KpiId, KpiResult, Undefined};
    use crate::period::Period;
    use crate::workspace::{Scope, Workspace};
    use crate::Day;

    const HEADER: &str = "deal_id,amount,stage,created_date,close_date\n";

    fn ws(rows: &str) -> Workspace {
        let text = format!("{HEADER}{rows}");
        Workspace::with_deals(read_deals("t.csv", text.as_bytes()).expect("test CSV loads").table)
    }

    fn year_2024() -> Scope {
        let p = Period::new(Day::from_ymd(2024, 1, 1).unwrap(), Day::from_ymd(2024, 12, 31).unwrap()).unwrap();
        Scope::new(p)
    }

    fn get(ws: &Workspace, id: &str) -> KpiResult {
        compute(find(id).unwrap(), ws, &year_2024())
    }

    #[test]
    fn closed_counts_match_a_row_by_row_reading_with_and_without_masks() {
        use crate::column::NO_DAY;
        use crate::stage::Status;
        let mut d = crate::DealsTable::default();
        let statuses = [Status::Won, Status::Lost, Status::Open, Status::Unknown];
        for i in 0..200i32 {
            d.status.push(statuses[(i % 4) as usize]);
            d.close.days.push(if i % 5 == 0 { NO_DAY } else { 19_700 + i * 3 });
        }
        // A long period walks every deal; a short one is looked up in the close-date index.
        for p in [Period::new(Day(19_750), Day(19_950)), Period::new(Day(19_760), Day(19_790))] {
            let p = p.expect("a period");
            check_closed_counts(&d, p);
        }
    }

    fn check_closed_counts(d: &crate::DealsTable, p: Period) {
        use super::{closed_with, won_in, Closed};
        use crate::column::NO_DAY;
        use crate::stage::Status;
        let reference = |mask: &Option<Vec<bool>>| {
            let mut c = Closed::default();
            for i in 0..200 {
                if !crate::filter::keeps(mask, i) {
                    continue;
                }
                let (s, close) = (d.status[i], d.close.days[i]);
                match s {
                    Status::Won if close == NO_DAY => c.won_no_close += 1,
                    Status::Lost if close == NO_DAY => c.lost_no_close += 1,
                    Status::Won if p.contains_raw(close) => c.won += 1,
                    Status::Lost if p.contains_raw(close) => c.lost += 1,
                    Status::Unknown => c.unknown_status += 1,
                    _ => {}
                }
            }
            (c.won, c.lost, c.won_no_close, c.lost_no_close, c.unknown_status)
        };
        let won_rows = |mask: &Option<Vec<bool>>| -> Vec<usize> {
            (0..200)
                .filter(|&i| {
                    crate::filter::keeps(mask, i) && d.status[i] == Status::Won && p.contains_raw(d.close.days[i])
                })
                .collect()
        };
        let every_third: Vec<bool> = (0..200).map(|i| i % 3 == 0).collect();
        for mask in [None, Some(every_third), Some(vec![true; 120]), Some(Vec::new())] {
            // The figures every KPI of a period reads count the closed deals the same way.
            let c = crate::kpi::won_figures::count(d, &mask, p, None).closed;
            let got = (c.won, c.lost, c.won_no_close, c.lost_no_close, c.unknown_status);
            assert_eq!(got, reference(&mask), "mask of {:?} rows", mask.as_ref().map(Vec::len));
            let mut rows = Vec::new();
            let c = closed_with(d, &mask, p, |i| rows.push(i));
            let got = (c.won, c.lost, c.won_no_close, c.lost_no_close, c.unknown_status);
            assert_eq!(got, reference(&mask), "closed_with, mask of {:?} rows", mask.as_ref().map(Vec::len));
            assert_eq!(rows, won_rows(&mask), "the won rows, in order");
            assert_eq!(won_in(d, &mask, p).collect::<Vec<_>>(), won_rows(&mask), "won_in, in order");
        }
        assert!(reference(&None).0 > 0 && reference(&None).2 > 0, "the rows cover every case");
    }

    #[test]
    fn nothing_closed_in_the_period_leaves_flow_kpis_undefined() {
        let w = ws("A,100,Won,2022-01-01,2022-02-01\nB,50,Lost,2023-05-01,2023-06-01\n");
        for id in ["revenue", "deals_won", "win_rate", "avg_deal_size", "sales_cycle_days"] {
            let r = get(&w, id);
            assert_eq!(r.number(), None, "{id} must have no number");
            assert!(r.value.unwrap_err().to_string().contains("2024-01-01"), "{id}: reason names the period");
        }
        assert!(matches!(get(&w, "win_rate").value, Err(Undefined::ZeroDenominator(_))));
    }

    #[test]
    fn only_lost_deals_give_zero_revenue_but_no_average() {
        let w = ws("A,100,Lost,2024-01-01,2024-02-01\nB,50,Lost,2024-03-01,2024-04-01\n");
        assert_eq!(get(&w, "revenue").number(), Some(0.0));
        assert_eq!(get(&w, "deals_won").number(), Some(0.0));
        assert_eq!(get(&w, "win_rate").number(), Some(0.0));
        assert_eq!(get(&w, "avg_deal_size").number(), None);
        assert_eq!(get(&w, "sales_cycle_days").number(), None);
    }

    #[test]
    fn period_bounds_are_inclusive_and_cross_years() {
        let w = ws(concat!(
            "A,1,Won,2023-12-01,2023-12-31\n",     // before: out
            "B,10,Won,2023-12-15,2024-01-01\n",    // first day: in
            "C,100,Won,2024-02-28,2024-02-29\n",   // leap day: in
            "D,1000,Won,2024-12-31,2024-12-31\n",  // last day, same-day close: in
            "E,10000,Won,2024-06-01,2025-01-01\n", // after: out
        ));
        assert_eq!(get(&w, "revenue").number(), Some(1110.0));
        assert_eq!(get(&w, "deals_won").number(), Some(3.0));
        // Cycles 17, 1 and 0 days.
        assert_eq!(get(&w, "sales_cycle_days").number(), Some(6.0));
        assert_eq!(get(&w, "sales_cycle_days").companions[0].value, 1.0);
    }

    #[test]
    fn missing_cells_leave_rows_out_and_say_so() {
        let w = ws(concat!(
            "A,,Won,2024-01-01,2024-02-01\n",    // won, no amount
            "B,200,Won,,2024-02-01\n",           // won, no created date
            "C,300,Won,2024-03-05,2024-03-01\n", // closes before created
            "D,400,Won,2024-01-01,\n",           // won, no close date
            "E,500,Lost,2024-01-01,2024-01-10\n",
            "F,600,,2024-01-01,2024-01-10\n", // no stage
        ));
        let rev = get(&w, "revenue");
        assert_eq!(rev.number(), Some(500.0));
        let notes: Vec<String> = rev.left_out.iter().map(ToString::to_string).collect();
        assert_eq!(
            notes,
            ["1 won deal in the period has no amount", "1 won deal has no close date", "1 deal has no stage or status"]
        );
        assert_eq!(get(&w, "win_rate").number(), Some(3.0 / 4.0));
        let cycle = get(&w, "sales_cycle_days");
        assert_eq!(cycle.number(), Some(31.0), "only A has both dates in order");
        let notes: Vec<String> = cycle.left_out.iter().map(ToString::to_string).collect();
        assert!(notes.contains(&"1 won deal in the period has no created date".to_owned()));
        assert!(notes.contains(&"1 won deal in the period closes before it was created".to_owned()));
    }

    #[test]
    fn pipeline_keeps_undated_deals_and_drops_later_ones() {
        let w = ws(concat!(
            "A,100,Proposal,2024-05-01,\n",
            "B,200,Prospecting,,\n",        // no created date: still counts
            "C,400,Proposal,2025-01-05,\n", // created after the as-of date: out
            "D,,Proposal,2024-02-01,\n",    // no amount: counted, not valued
            "E,800,Won,2024-01-01,2024-02-01\n",
        ));
        let count = get(&w, "pipeline_count");
        assert_eq!(count.number(), Some(3.0));
        let rows: Vec<(&str, f64)> = count.breakdown.iter().map(|b| (b.segment.as_str(), b.value)).collect();
        assert_eq!(rows, [("Prospecting", 1.0), ("Proposal", 2.0)]);
        let value = get(&w, "pipeline_value");
        assert_eq!(value.number(), Some(300.0));
        assert_eq!(value.left_out[0].to_string(), "1 open deal has no amount");
    }

    #[test]
    fn empty_pipeline_counts_zero_but_has_no_value() {
        let w = ws("A,100,Won,2024-01-01,2024-02-01\n");
        assert_eq!(get(&w, "pipeline_count").number(), Some(0.0));
        assert_eq!(get(&w, "pipeline_value").number(), None);
    }

    #[test]
    fn different_currencies_are_never_added_together() {
        let text = "deal_id,amount,currency,stage,created_date,close_date\n\
            A,100,USD,Won,2024-01-01,2024-02-01\n\
            B,200,USD,Won,2024-01-01,2024-03-01\n\
            C,5000,EUR,Won,2024-01-01,2024-03-01\n\
            D,70,USD,Lost,2024-01-01,2024-03-01\n\
            E,300,EUR,Proposal,2024-02-01,\n\
            F,40,USD,Proposal,2024-02-01,\n";
        let w = Workspace::with_deals(read_deals("t.csv", text.as_bytes()).unwrap().table);
        let d = w.deals.as_ref().unwrap();
        let names: Vec<(&str, usize)> = d.currencies().iter().map(|c| (c.1, c.2)).collect();
        assert_eq!(names, [("USD", 4), ("EUR", 2)]);
        let usd = Scope { currency: d.default_currency(), ..year_2024() };
        let eur = Scope { currency: d.currency.as_ref().unwrap().code_of("EUR"), ..year_2024() };
        let at = |id: &str, s: &Scope| compute(find(id).unwrap(), &w, s);
        assert_eq!(at("revenue", &usd).number(), Some(300.0));
        assert_eq!(at("revenue", &usd).left_out[0].to_string(), "1 won deal in the period is in another currency");
        assert_eq!(at("revenue", &eur).number(), Some(5000.0));
        assert_eq!(at("avg_deal_size", &usd).number(), Some(150.0));
        assert_eq!(at("pipeline_value", &usd).number(), Some(40.0));
        assert_eq!(at("pipeline_value", &eur).number(), Some(300.0));
        // Counts and rates do not depend on the currency.
        assert_eq!(at("deals_won", &usd).number(), Some(3.0));
        assert_eq!(at("win_rate", &eur).number(), Some(0.75));
        assert_eq!(at("pipeline_count", &eur).number(), Some(2.0));
        // A single currency needs no choice.
        let one = ws("A,100,Won,2024-01-01,2024-02-01\n");
        assert_eq!(one.deals.unwrap().default_currency(), None);
    }

    #[test]
    fn kpis_without_data_say_what_they_need() {
        let w = Workspace::default();
        for def in crate::kpi::CATALOG {
            let r = compute(def, &w, &year_2024());
            assert!(matches!(r.value, Err(Undefined::NeedsData { .. })), "{}: {:?}", def.id, r.value);
            assert!(r.value.unwrap_err().to_string().starts_with("needs "), "{}", def.id);
        }
        assert_eq!(
            compute(KpiId::Revenue.def(), &w, &year_2024()).value.unwrap_err().to_string(),
            "needs deals: deal_id, amount, stage or status, created_date"
        );
    }
}
