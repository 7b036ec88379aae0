//! KPIs that hold the deals against plans: quotas (attainment, coverage, leads needed) and
//! forecasts (accuracy), and the sales velocity built from the deal KPIs.
//!
//! Each KPI's registry entry (`KpiDef`: id, name, unit, needs, explanation, SQL builder) sits
//! just above its compute function; `catalog.rs` lists the entries once.

use super::deals::{needs_deals, won_in};
use super::result::{num, KpiResult, KpiTable, Undefined};
use super::{value_of, Ctx, Direction, Explanation, Group, KpiDef, KpiId, Unit};
use super::{Gap, Note, Omission};
use crate::column::Amount;
use crate::day::Day;
use crate::deals_table::Dim;
use crate::filter::{keeps, Mask};
use crate::ingest::DatasetKind;
use crate::period::Period;
use crate::sql::kpis as sql;
use crate::table::Table;
use std::collections::BTreeMap;

/// Share of reps at quota under which targets may be unrealistic.
pub const QUOTA_LOW_MARK: f64 = 0.6;
/// Share of reps at quota over which targets may be too easy.
pub const QUOTA_HIGH_MARK: f64 = 0.9;

/// A plan row (quota or forecast): its period, from `period_start` to `period_end` (default:
/// the end of the start's month).
fn plan_period(t: &Table, i: usize) -> Option<(Day, Day)> {
    let start = t.dates("period_start")?.get(i)?;
    let end = t.dates("period_end").and_then(|e| e.get(i)).unwrap_or(start.month_end());
    Some((start, end))
}

/// Rows of a plan dataset that pass `mask` and whose whole period lies in `p`, with their
/// amount in `field` (rows without one are skipped).
fn plans_inside<'a>(
    t: &'a Table,
    mask: &'a Mask,
    field: &'a str,
    p: Period,
) -> impl Iterator<Item = (usize, Day, Day, f64)> + 'a {
    let amounts = t.numbers(field);
    (0..t.len).filter(move |&i| keeps(mask, i)).filter_map(move |i| {
        let (start, end) = plan_period(t, i)?;
        let v = amounts?.get(i)?;
        p.holds(start, end).then_some((i, start, end, v))
    })
}

fn needs_quotas() -> KpiResult {
    KpiResult::undefined(Undefined::NeedsData { dataset: "quotas", fields: "owner, period_start, quota" })
}

/// Σ quota of the quota rows inside `p`, or `None` without quotas.
pub(crate) fn quota_total(ctx: &Ctx, p: Period) -> Option<f64> {
    let (t, mask) = ctx.table(DatasetKind::Quotas)?;
    Some(plans_inside(t, mask, "quota", p).map(|x| x.3).sum())
}

/// Σ quota of the quota rows inside `p` (passing the filters, with a quota) and how many rows
/// that is, or `None` without quotas.
pub(crate) fn quotas_inside(ctx: &Ctx, p: Period) -> Option<(f64, usize)> {
    let (t, mask) = ctx.table(DatasetKind::Quotas)?;
    let n = plans_inside(t, mask, "quota", p).count();
    Some((plans_inside(t, mask, "quota", p).map(|x| x.3).sum(), n))
}

/// [`quotas_inside`] for every owner of the quotas at once: per code of the quotas' owner
/// column, what it gives with that owner added to `ctx`'s filters (the sums added in table
/// order, as there). `None` without quotas or their owner column.
pub(crate) fn quotas_inside_by_owner(ctx: &Ctx, p: Period) -> Option<Vec<(f64, usize)>> {
    let (t, mask) = ctx.table(DatasetKind::Quotas)?;
    let owner = t.category("owner")?;
    let mut by = vec![(0.0, 0usize); owner.values.len()];
    for (i, _, _, v) in plans_inside(t, mask, "quota", p) {
        if let Some(sum) = owner.codes.get(i).and_then(|&o| by.get_mut(o as usize)) {
            sum.0 += v;
            sum.1 += 1;
        }
    }
    Some(by)
}

/// The registry entry of `pipeline_coverage`.
pub(super) const PIPELINE_COVERAGE: KpiDef = KpiDef {
    id: KpiId::PipelineCoverage,
    name: "Pipeline coverage",
    unit: Unit::Ratio,
    direction: Direction::Up,
    group: Group::Deals,
    needs: "deals, quotas",
    datasets: &[DatasetKind::Deals, DatasetKind::Quotas],
    compute: pipeline_coverage,
    sql: sql::pipeline_coverage,
    explanation: Explanation {
        what: "How many times the open pipeline covers the quota of the next period.",
        formula: "Pipeline value / Σ quota of quota rows whose period start lies in the next period (the day after the period's last day up to the same number of days later). Undefined when that quota sum is 0 or the pipeline value is undefined.",
        why: "It says ahead of time whether enough is in play to hit the next target. Since not every open deal will close, teams want coverage well above 1; a common yardstick is 1 / win rate, about 3× at a 33 % win rate.",
        watch: "Every open deal counts at full value whatever its stage or expected close date, so stale deals and deals that will close much later inflate it. The next period has the length of the chosen period: with 12 months selected, quota rows for the next 12 months must be loaded.",
    },
};

/// `pipeline_coverage`: pipeline value / Σ quota of the quota periods that start in the next
/// period (the one of the same length after the as-of date).
pub fn pipeline_coverage(ctx: &Ctx) -> KpiResult {
    if ctx.ws.deals.is_none() {
        return needs_deals();
    }
    let Some((t, mask)) = ctx.table(DatasetKind::Quotas) else { return needs_quotas() };
    let next = ctx.period().next();
    let quota: f64 = (0..t.len)
        .filter(|&i| keeps(mask, i))
        .filter_map(|i| {
            let (start, _) = plan_period(t, i)?;
            next.contains(start).then(|| t.numbers("quota")?.get(i)).flatten()
        })
        .sum();
    let pv = value_of(KpiId::PipelineValue, ctx);
    let r = match pv.number() {
        None => KpiResult { value: pv.value.clone(), ..KpiResult::value(0.0) },
        Some(v) => KpiResult::ratio(v, quota, || Gap::NoQuotaAhead(next)),
    };
    KpiResult { left_out: pv.left_out, ..r.companion_in("quota ahead", Some(Unit::Currency), Some(quota)) }
}

/// The registry entry of `sales_velocity`.
pub(super) const SALES_VELOCITY: KpiDef = KpiDef {
    id: KpiId::SalesVelocity,
    name: "Sales velocity",
    unit: Unit::CurrencyPerDay,
    direction: Direction::Up,
    group: Group::Deals,
    needs: "deals",
    datasets: &[DatasetKind::Deals],
    compute: sales_velocity,
    sql: sql::sales_velocity,
    explanation: Explanation {
        what: "The revenue per day the open pipeline is expected to turn into, at the current win rate, deal size and cycle.",
        formula: "Open deals × win rate × average deal size / sales cycle in days, each as defined for its own KPI. Undefined when any of the four is undefined or the cycle is 0 days.",
        why: "It shows how fast deals move through the pipeline into revenue: deals that stall or crawl point to a flawed process or a team that is not executing. It also tells when to expect the pipeline's revenue, which makes forecasts better founded.",
        watch: "It mixes a snapshot (open deals on the last day) with flows of the period (win rate, deal size, cycle), so find which of the four moved before acting on a change. Stale open deals and a few very large deals inflate it.",
    },
};

/// `sales_velocity`: open deals × win rate × average deal size / sales cycle, per day.
pub fn sales_velocity(ctx: &Ctx) -> KpiResult {
    if ctx.ws.deals.is_none() {
        return needs_deals();
    }
    // The means alone (no medians) from the figures of the period the revenue tiles share.
    let parts = [
        (KpiId::PipelineCount, value_of(KpiId::PipelineCount, ctx)),
        (KpiId::WinRate, value_of(KpiId::WinRate, ctx)),
        (KpiId::AvgDealSize, super::deals::mean_deal_size(ctx)),
        (KpiId::SalesCycleDays, super::deals::mean_sales_cycle(ctx)),
    ];
    let mut product = 1.0;
    for (i, (id, r)) in parts.iter().enumerate() {
        let Some(v) = r.number() else {
            let why = match r.value.clone() {
                Err(why) => why,
                Ok(_) => Undefined::Overflow,
            };
            return KpiResult::undefined(Undefined::NoRows(Gap::PartUndefined { id: *id, why: Box::new(why) }));
        };
        if i == 3 {
            if v == 0.0 {
                return KpiResult::undefined(Undefined::ZeroDenominator(Gap::ZeroCycle));
            }
            product /= v;
        } else {
            product *= v;
        }
    }
    KpiResult::value(product)
}

/// Revenue won in `p` (deals passing the filters), per owner code and in total.
fn revenue_by_owner(ctx: &Ctx, p: Period) -> (BTreeMap<String, f64>, f64) {
    let (mut by, mut total) = (BTreeMap::new(), 0.0);
    let Some((d, mask)) = ctx.deals() else { return (by, total) };
    let owner = d.dim(Dim::Owner);
    for i in won_in(d, mask, p) {
        if let Amount::Value(a) = d.amount_in(i, ctx.scope.currency) {
            total += a;
            if let Some(o) = owner.and_then(|o| o.get(i)) {
                *by.entry(o.to_owned()).or_insert(0.0) += a;
            }
        }
    }
    (by, total)
}

/// One forecast period inside the scope's period, with what was forecast and what was won.
pub(crate) struct ForecastPeriod {
    /// First day of the forecast period.
    pub(crate) from: Day,
    /// Last day of the forecast period.
    pub(crate) to: Day,
    /// Σ forecast of the rows for this period.
    pub(crate) forecast: f64,
    /// Σ forecast per owner, for rows that name one.
    pub(crate) forecast_by_owner: BTreeMap<String, f64>,
    /// Revenue won in the forecast period (deals passing the filters, in the scope's currency).
    pub(crate) actual: f64,
    /// That revenue per owner.
    pub(crate) actual_by_owner: BTreeMap<String, f64>,
}

/// The forecast periods `forecast_accuracy` scores: every distinct (start, end) of the forecast
/// rows that pass the filters and lie wholly inside the period, in order, with the revenue won
/// in each. `Err` holds the "needs" result when deals or forecasts are missing.
pub(crate) fn forecast_periods(ctx: &Ctx) -> Result<Vec<ForecastPeriod>, Box<KpiResult>> {
    if ctx.ws.deals.is_none() {
        return Err(Box::new(needs_deals()));
    }
    let Some((t, mask)) = ctx.table(DatasetKind::Forecasts) else {
        return Err(Box::new(KpiResult::undefined(Undefined::NeedsData {
            dataset: "forecasts",
            fields: "period_start, forecast",
        })));
    };
    let owner = t.category("owner");
    // Per period, in order (its rows in theirs): Σ forecast, and per owner Σ forecast.
    let mut rows: Vec<(usize, Day, Day, f64)> = plans_inside(t, mask, "forecast", ctx.period()).collect();
    crate::sort::sort_by_key(&mut rows, |&(_, start, end, _)| (start, end));
    Ok(rows
        .chunk_by(|a, b| (a.1, a.2) == (b.1, b.2))
        .map(|period| {
            let (from, to) = (period[0].1, period[0].2);
            let (mut forecast, mut forecast_by_owner) = (0.0, BTreeMap::new());
            for &(i, _, _, f) in period {
                forecast += f;
                if let Some(o) = owner.and_then(|o| o.get(i)) {
                    *forecast_by_owner.entry(o.to_owned()).or_insert(0.0) += f;
                }
            }
            let (actual_by_owner, actual) = revenue_by_owner(ctx, Period { from, to });
            ForecastPeriod { from, to, forecast, forecast_by_owner, actual, actual_by_owner }
        })
        .collect())
}

/// The registry entry of `forecast_accuracy`.
pub(super) const FORECAST_ACCURACY: KpiDef = KpiDef {
    id: KpiId::ForecastAccuracy,
    name: "Forecast accuracy",
    unit: Unit::Percent,
    direction: Direction::Up,
    group: Group::Deals,
    needs: "deals, forecasts",
    datasets: &[DatasetKind::Deals, DatasetKind::Forecasts],
    compute: forecast_accuracy,
    sql: sql::forecast_accuracy,
    explanation: Explanation {
        what: "How close the forecasts came to the revenue actually won.",
        formula: "Forecast rows whose period lies inside the period (start on or after its first day, end on or before its last day; a missing end means the end of the start's month) are grouped by forecast period: F = Σ forecast, A = revenue won in that forecast period. Accuracy = max(0, 1 − |A − F| / A); headline = mean over forecast periods; per owner when forecasts have owners. Forecast periods with A = 0 are left out and counted. Undefined when no forecast period has A > 0.",
        why: "Reliable forecasts let the company commit spending on key accounts, plan investments while growing fast, and give RevOps a basis for predicting total revenue.",
        watch: "One accurate period says little about the next: the figure means something only once enough history shows how accurate forecasts are over time, so build that benchmark before relying on it, and never rely on it alone. Over- and under-forecasting score the same, and a miss of 100 % or more scores 0 %.",
    },
};

/// `forecast_accuracy`: per forecast period inside P, max(0, 1 − |A − F| / A); the mean of
/// those. Per owner when forecasts have owners.
pub fn forecast_accuracy(ctx: &Ctx) -> KpiResult {
    let periods = match forecast_periods(ctx) {
        Ok(periods) => periods,
        Err(needs) => return *needs,
    };
    let accuracy = |a: f64, f: f64| (1.0 - (a - f).abs() / a).max(0.0);
    let (mut scores, mut no_revenue) = (Vec::new(), 0usize);
    // (owner, accuracy) of every forecast period an owner has both figures in.
    let mut per_owner: Vec<(&str, f64)> = Vec::new();
    let mut table = KpiTable::new(
        "Forecast period",
        &[
            ("forecast", "Forecast", Some(Unit::Currency)),
            ("actual", "Actual", Some(Unit::Currency)),
            ("accuracy", "Accuracy", Some(Unit::Percent)),
        ],
    );
    for fp in &periods {
        let (start, end, f, a) = (fp.from, fp.to, fp.forecast, fp.actual);
        let score = (a > 0.0).then(|| accuracy(a, f));
        match score {
            Some(s) => scores.push(s),
            None => no_revenue += 1,
        }
        table.push(format!("{start} – {end}"), vec![num(Some(f)), num(Some(a)), num(score)]);
        for (o, fo) in &fp.forecast_by_owner {
            if let Some(&ao) = fp.actual_by_owner.get(o).filter(|&&ao| ao > 0.0) {
                per_owner.push((o, accuracy(ao, *fo)));
            }
        }
    }
    let mean = crate::stats::mean(&scores);
    let mut r = KpiResult::from_option(mean, || {
        Undefined::NoRows(if periods.is_empty() {
            Gap::NoForecastPeriod(ctx.period())
        } else {
            Gap::NoForecastRevenue(ctx.period())
        })
    });
    // Per owner in name order, each owner's periods in their order: the mean of their scores.
    crate::sort::sort_by(&mut per_owner, |a, b| a.0.cmp(b.0));
    for run in per_owner.chunk_by(|a, b| a.0 == b.0) {
        let scores: Vec<f64> = run.iter().map(|&(_, s)| s).collect();
        r = r.row("owner", run[0].0, crate::stats::mean(&scores).unwrap_or(0.0));
    }
    r.with_table(table).left_out(no_revenue, Omission::ForecastNoRevenue)
}

/// The registry entry of `quota_attainment`.
pub(super) const QUOTA_ATTAINMENT: KpiDef = KpiDef {
    id: KpiId::QuotaAttainment,
    name: "Reps at quota",
    unit: Unit::Percent,
    direction: Direction::Up,
    group: Group::Deals,
    needs: "deals.owner, quotas",
    datasets: &[DatasetKind::Deals, DatasetKind::Quotas],
    compute: quota_attainment,
    sql: sql::quota_attainment,
    explanation: Explanation {
        what: "The share of reps who reached their quota in the period; the table shows each rep's attainment.",
        formula: "Quota rows inside the period (same rule as forecasts) are summed per owner; attainment = revenue that owner won in the period / that owner's Σ quota. Owners whose Σ quota is 0 or less are left out. Headline = share of owners with attainment ≥ 100 %. Undefined when no owner has quota in the period.",
        why: "It tells whether targets are pitched at the right level. It is a check on the target-setting as much as on the reps.",
        watch: "Hold the share against the 60 % and 90 % marks: under 60 % the targets may be unrealistic (or hiring, coaching and pay need a look); over 90 % they are probably too easy and the way targets are set should be revisited. A quota row counts only when its whole period lies inside the selected period, and owner names must match those on the deals.",
    },
};

/// `quota_attainment`: per owner, revenue won in P / Σ quota inside P; the headline is the
/// share of owners at or over 100 %, flagged under 60 % and over 90 %.
pub fn quota_attainment(ctx: &Ctx) -> KpiResult {
    if ctx.ws.deals.is_none() {
        return needs_deals();
    }
    let Some((t, mask)) = ctx.table(DatasetKind::Quotas) else { return needs_quotas() };
    let Some(owner) = t.category("owner") else { return needs_quotas() };
    let p = ctx.period();
    let mut quotas: BTreeMap<String, f64> = BTreeMap::new();
    for (i, _, _, q) in plans_inside(t, mask, "quota", p) {
        if let Some(o) = owner.get(i) {
            *quotas.entry(o.to_owned()).or_insert(0.0) += q;
        }
    }
    let (revenue, _) = revenue_by_owner(ctx, p);
    let mut table = KpiTable::new(
        "Owner",
        &[
            ("revenue", "Revenue", Some(Unit::Currency)),
            ("quota", "Quota", Some(Unit::Currency)),
            ("attainment", "Attainment", Some(Unit::Percent)),
        ],
    );
    let (mut at_quota, mut counted, mut no_quota) = (0usize, 0usize, 0usize);
    let mut rows = Vec::new();
    for (o, q) in &quotas {
        if *q <= 0.0 {
            no_quota += 1;
            continue;
        }
        let rev = revenue.get(o).copied().unwrap_or(0.0);
        let att = rev / q;
        counted += 1;
        at_quota += usize::from(att >= 1.0);
        rows.push((o.clone(), rev, *q, att));
    }
    crate::sort::sort_by(&mut rows, |a, b| b.3.total_cmp(&a.3).then(a.0.cmp(&b.0)));
    let mut r = KpiResult::ratio(at_quota as f64, counted as f64, || Gap::NoOwnerQuota(p));
    for (o, rev, q, att) in rows {
        r = r.row("owner", o.clone(), att);
        table.push(o, vec![num(Some(rev)), num(Some(q)), num(Some(att))]);
    }
    if let Some(share) = r.number() {
        if share < QUOTA_LOW_MARK {
            r.notes.push(Note::TargetsUnrealistic);
        } else if share > QUOTA_HIGH_MARK {
            r.notes.push(Note::TargetsTooEasy);
        }
    }
    r.with_table(table).left_out(no_quota, Omission::OwnerZeroQuota)
}

/// The registry entry of `leads_needed`.
pub(super) const LEADS_NEEDED: KpiDef = KpiDef {
    id: KpiId::LeadsNeeded,
    name: "Leads needed",
    unit: Unit::Count,
    direction: Direction::Neutral,
    group: Group::Deals,
    needs: "deals, leads (and quotas or a target)",
    datasets: &[DatasetKind::Deals, DatasetKind::Leads, DatasetKind::Quotas],
    compute: leads_needed,
    sql: sql::leads_needed,
    explanation: Explanation {
        what: "How many leads the target requires at the current deal size and lead conversion rate.",
        formula: "Target / average deal size / lead conversion rate; wins needed = target / average deal size is shown beside it. The target is the number you type, else Σ quota of quota rows inside the period. Undefined when any part is undefined or 0.",
        why: "It turns a revenue target into work for marketing and reps: a target of 800 M at an average deal of 10 M needs 80 wins, and at a 10 % lead conversion rate that means 800 leads.",
        watch: "It assumes new leads convert and size like past ones; a change in lead sources or market moves both. Recent leads still in progress pull the conversion rate down and the need up. Leads must arrive about one sales cycle before the revenue is due.",
    },
};

/// `leads_needed`: target / average deal size / lead conversion rate.
pub fn leads_needed(ctx: &Ctx) -> KpiResult {
    let target = match ctx.scope.settings.revenue_target {
        Some(t) => t,
        None => match quota_total(ctx, ctx.period()) {
            Some(q) if q > 0.0 => q,
            Some(_) => return KpiResult::undefined(Undefined::NoRows(Gap::NoQuotaNoTarget(ctx.period()))),
            None => return needs_quotas(),
        },
    };
    let avg = value_of(KpiId::AvgDealSize, ctx);
    let conv = value_of(KpiId::LeadConversionRate, ctx);
    let (Some(a), Some(c)) = (avg.number(), conv.number()) else {
        let missing = if avg.number().is_none() { avg } else { conv };
        return KpiResult { value: missing.value, ..KpiResult::value(0.0) };
    };
    if a == 0.0 || c == 0.0 {
        let what = if a == 0.0 { Gap::ZeroDealSize } else { Gap::NoLeadConverted };
        return KpiResult::undefined(Undefined::ZeroDenominator(what));
    }
    KpiResult::value(target / a / c)
        .companion_in("target", Some(Unit::Currency), Some(target))
        .companion("wins needed", Some(target / a))
}
