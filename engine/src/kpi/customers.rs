//! KPIs over customers and spend: MRR and ARR, new customers, churn and retention (with the
//! cohort table), acquisition cost and lifetime value.

use super::classes::{deal_class, DealClass};
use super::deals::won_in;
use super::result::{num, KpiResult, KpiTable, Undefined};
use super::{value_of, Ctx, Unit};
use crate::column::NO_DAY;
use crate::day::Day;
use crate::deals::{Amount, Dim};
use crate::filter::keeps;
use crate::ingest::DatasetKind;
use crate::period::Period;
use crate::table::Table;
use std::collections::{BTreeMap, HashSet};

fn needs_customers(fields: &'static str) -> KpiResult {
    KpiResult::undefined(Undefined::NeedsData { dataset: "customers", fields })
}

/// The customers table with its start and end dates.
struct Spells<'a> {
    t: &'a Table,
    start: &'a [i32],
    end: Option<&'a [i32]>,
}

impl<'a> Spells<'a> {
    fn of(ctx: &Ctx<'a>) -> Option<Spells<'a>> {
        let t = ctx.ws.table(DatasetKind::Customers)?;
        Some(Spells { t, start: &t.dates("start_date")?.days, end: t.dates("end_date").map(|e| e.days.as_slice()) })
    }

    /// Whether customer `i` is active on `day`: started on or before it and not ended by it.
    fn active_on(&self, i: usize, day: Day) -> bool {
        let s = self.start[i];
        let e = self.end.map_or(NO_DAY, |e| e[i]);
        s != NO_DAY && s <= day.0 && (e == NO_DAY || e > day.0)
    }

    fn ended_in(&self, i: usize, p: Period) -> bool {
        self.end.is_some_and(|e| p.contains_raw(e[i]))
    }

    fn active_count(&self, day: Day) -> usize {
        (0..self.t.len).filter(|&i| self.active_on(i, day)).count()
    }
}

/// Σ MRR of customers active on the as-of date, their count, and how many have no MRR.
fn mrr_on(s: &Spells, day: Day) -> (f64, usize, usize) {
    let mrr = s.t.numbers("mrr");
    let (mut sum, mut with, mut without) = (0.0, 0, 0);
    for i in (0..s.t.len).filter(|&i| s.active_on(i, day)) {
        match mrr.and_then(|m| m.get(i)) {
            Some(v) => {
                sum += v;
                with += 1;
            }
            None => without += 1,
        }
    }
    (sum, with, without)
}

/// `mrr`: Σ mrr of the customers active on the as-of date.
pub fn mrr(ctx: &Ctx) -> KpiResult {
    let Some(s) = Spells::of(ctx) else { return needs_customers("customer_id, start_date, mrr") };
    if s.t.numbers("mrr").is_none() {
        return needs_customers("mrr");
    }
    let day = ctx.scope.as_of();
    let (sum, with, without) = mrr_on(&s, day);
    let r = if with == 0 {
        KpiResult::undefined(Undefined::NoRows(format!("no customer with an MRR is active on {day}")))
    } else {
        KpiResult::value(sum)
    };
    r.companion_in("active customers", Some(Unit::Count), Some((with + without) as f64)).left_out(
        without,
        "active customer has no MRR",
        "active customers have no MRR",
    )
}

/// `arr`: 12 × MRR.
pub fn arr(ctx: &Ctx) -> KpiResult {
    let m = mrr(ctx);
    KpiResult { value: m.value.map(|v| 12.0 * v), ..m }
}

/// `new_customers`: customers who started in the period; without customers, deals of type
/// new won in the period.
pub fn new_customers(ctx: &Ctx) -> KpiResult {
    let p = ctx.period();
    if let Some(s) = Spells::of(ctx) {
        let n = s.start.iter().filter(|&&d| p.contains_raw(d)).count();
        let missing = s.start.iter().filter(|&&d| d == NO_DAY).count();
        let r = if n == 0 {
            KpiResult::undefined(Undefined::NoRows(format!("no customer started in {p}")))
        } else {
            KpiResult::value(n as f64)
        };
        return r.left_out(missing, "customer has no start date", "customers have no start date");
    }
    let Some((d, mask)) = ctx.deals() else {
        return needs_customers("customer_id, start_date (or deals with deal_type)");
    };
    let Some(types) = d.dim(Dim::DealType) else {
        return needs_customers("customer_id, start_date (or deals.deal_type)");
    };
    let n = won_in(d, mask, p).filter(|&i| types.get(i).and_then(deal_class) == Some(DealClass::New)).count();
    if n == 0 {
        return KpiResult::undefined(Undefined::NoRows(format!("no new-business deal was won in {p}")));
    }
    let mut r = KpiResult::value(n as f64);
    r.notes.push("counted from won deals of type new (no customers loaded)".into());
    r
}

/// Churn over `p`: of the customers active the day before it starts, the share whose end date
/// is in `p`. Customers who start and end inside `p` are not in that base, so they do not
/// count either: the rate stays in 0..1.
fn churn(s: &Spells, p: Period) -> Option<(f64, usize, usize)> {
    let before = Day(p.from.0 - 1);
    let base = s.active_count(before);
    let ended = (0..s.t.len).filter(|&i| s.active_on(i, before) && s.ended_in(i, p)).count();
    (base > 0).then(|| (ended as f64 / base as f64, ended, base))
}

/// `churn_rate`: of the customers active the day before the period, the share whose end date
/// is in the period.
pub fn churn_rate(ctx: &Ctx) -> KpiResult {
    let Some(s) = Spells::of(ctx) else { return needs_customers("customer_id, start_date, end_date") };
    if s.end.is_none() {
        return needs_customers("end_date");
    }
    let p = ctx.period();
    match churn(&s, p) {
        Some((rate, ended, base)) => KpiResult::value(rate)
            .companion_in("churned", Some(Unit::Count), Some(ended as f64))
            .companion_in("active at start", Some(Unit::Count), Some(base as f64)),
        None => KpiResult::undefined(Undefined::ZeroDenominator(format!(
            "no customer was active on {}, the day before the period",
            Day(p.from.0 - 1)
        ))),
    }
}

/// `retention_rate`: 1 − churn rate, with the cohort table: per start month in the period, the
/// share still active at the end of each following month up to the as-of date.
pub fn retention_rate(ctx: &Ctx) -> KpiResult {
    let c = churn_rate(ctx);
    let mut r = KpiResult { value: c.value.map(|v| 1.0 - v), ..c };
    if let Some(s) = Spells::of(ctx) {
        r = r.with_table(cohorts(&s, ctx.period()));
    }
    r
}

/// The cohort table: rows are start months overlapping `p`, column `k` the share of the cohort
/// active on the last day of month m + k, for month ends up to `p.to`.
fn cohorts(s: &Spells, p: Period) -> KpiTable {
    let months = crate::period::Grain::Month.buckets(p);
    let width = months.len();
    let cols: Vec<(String, String)> = (0..width).map(|k| (format!("m{k}"), format!("+{k}"))).collect();
    let mut columns: Vec<(&str, &str, Option<Unit>)> = vec![("size", "Customers", Some(Unit::Count))];
    columns.extend(cols.iter().map(|(k, l)| (k.as_str(), l.as_str(), Some(Unit::Percent))));
    let mut table = KpiTable::new("Start month", &columns);
    for &m in &months {
        let members: Vec<usize> =
            (0..s.t.len).filter(|&i| s.start[i] != NO_DAY && Day(s.start[i]).month_start() == m).collect();
        let mut cells = vec![num(Some(members.len() as f64))];
        for k in 0..width as i32 {
            let end = m.add_months(k).map(Day::month_end);
            let share = end
                .filter(|&end| end <= p.to && !members.is_empty())
                .map(|end| members.iter().filter(|&&i| s.active_on(i, end)).count() as f64 / members.len() as f64);
            cells.push(num(share));
        }
        table.push(crate::period::Grain::Month.label(m), cells);
    }
    table
}

/// Spend categories CAC adds up (empty counts too).
fn counts_as_acquisition(category: Option<&str>) -> bool {
    category.is_none_or(|c| matches!(c.trim().to_lowercase().as_str(), "marketing" | "sales"))
}

/// `cac`: marketing and sales spend in the period / new customers in the period.
pub fn cac(ctx: &Ctx) -> KpiResult {
    let Some(t) = ctx.ws.table(DatasetKind::Spend) else {
        return KpiResult::undefined(Undefined::NeedsData { dataset: "spend", fields: "date, amount" });
    };
    let (Some(date), Some(amount)) = (t.dates("date"), t.numbers("amount")) else {
        return KpiResult::undefined(Undefined::NeedsData { dataset: "spend", fields: "date, amount" });
    };
    let p = ctx.period();
    let category = t.category("category");
    let (mut spend, mut other) = (0.0, 0usize);
    let mut by: BTreeMap<String, f64> = BTreeMap::new();
    for i in (0..t.len).filter(|&i| p.contains_raw(date.days[i])) {
        let Some(a) = amount.get(i) else { continue };
        let cat = category.and_then(|c| c.get(i));
        if !counts_as_acquisition(cat) {
            other += 1;
            continue;
        }
        spend += a;
        *by.entry(cat.unwrap_or("(none)").trim().to_lowercase()).or_insert(0.0) += a;
    }
    let n = new_customers(ctx);
    let mut r = match n.number() {
        Some(c) => KpiResult::ratio(spend, c, || format!("no new customers in {p}")),
        None => KpiResult { value: n.value.clone(), ..KpiResult::value(0.0) },
    };
    for (c, v) in by {
        r = r.row("category", c, v);
    }
    r.companion("spend", Some(spend)).left_out(
        other,
        "spend row is neither marketing nor sales",
        "spend rows are neither marketing nor sales",
    )
}

/// `clv`: ARPA × gross margin / mean monthly churn; without customers, the mean total won
/// revenue per account.
pub fn clv(ctx: &Ctx) -> KpiResult {
    let p = ctx.period();
    let Some(s) = Spells::of(ctx) else { return clv_from_deals(ctx) };
    if s.t.numbers("mrr").is_none() || s.end.is_none() {
        return needs_customers("mrr, end_date");
    }
    let (sum, with, _) = mrr_on(&s, p.to);
    if with == 0 {
        return KpiResult::undefined(Undefined::NoRows(format!("no customer with an MRR is active on {}", p.to)));
    }
    let arpa = sum / with as f64;
    let monthly: Vec<f64> = crate::period::Grain::Month
        .buckets(p)
        .into_iter()
        .filter_map(|m| Period::new(m, m.month_end())?.clip(p))
        .filter_map(|m| churn(&s, m).map(|c| c.0))
        .collect();
    let Some(monthly_churn) = crate::stats::mean(&monthly) else {
        return KpiResult::undefined(Undefined::NoRows(format!("no month of {p} has a churn rate")));
    };
    if monthly_churn == 0.0 {
        return KpiResult::undefined(Undefined::ZeroDenominator(format!(
            "no customer churned in {p}: lifetime value has no bound"
        )));
    }
    KpiResult::value(arpa * ctx.scope.settings.gross_margin / monthly_churn).companion("ARPA", Some(arpa)).companion_in(
        "monthly churn",
        Some(Unit::Percent),
        Some(monthly_churn),
    )
}

fn clv_from_deals(ctx: &Ctx) -> KpiResult {
    let Some((d, mask)) = ctx.deals() else { return needs_customers("customer_id, start_date, mrr") };
    let Some(account) = d.account.as_ref() else {
        return needs_customers("customer_id, start_date, mrr (or deals.account)");
    };
    let as_of = ctx.scope.as_of().0;
    let (mut sum, mut accounts) = (0.0, HashSet::new());
    for i in 0..d.len() {
        let close = d.close.days[i];
        if d.status[i] != crate::Status::Won || close == NO_DAY || close > as_of || !keeps(mask, i) {
            continue;
        }
        let (Some(a), Amount::Value(v)) = (account.get(i), d.amount_in(i, ctx.scope.currency)) else { continue };
        sum += v;
        accounts.insert(a);
    }
    let mut r = KpiResult::ratio(sum, accounts.len() as f64, || {
        format!("no won deal with an account by {}", ctx.scope.as_of())
    });
    r.notes.push("mean won revenue per account (no customers loaded)".into());
    r
}

/// `clv_cac_ratio`: CLV / CAC.
pub fn clv_cac_ratio(ctx: &Ctx) -> KpiResult {
    let (l, c) = (value_of("clv", ctx), value_of("cac", ctx));
    match (l.number(), c.number()) {
        (Some(l), Some(c)) => KpiResult::ratio(l, c, || "acquisition cost is 0".into()),
        (None, _) => KpiResult { value: l.value, ..KpiResult::value(0.0) },
        (_, None) => KpiResult { value: c.value, ..KpiResult::value(0.0) },
    }
}
