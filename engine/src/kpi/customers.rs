//! KPIs over customers and spend: MRR and ARR, new customers, churn and retention (with the
//! cohort table), acquisition cost and lifetime value.
//!
//! Each KPI's registry entry (`KpiDef`: id, name, unit, needs, explanation, SQL builder) sits
//! just above its compute function; `catalog.rs` lists the entries once.

use super::classes::{deal_class, DealClass};
use super::deals::won_in;
use super::lifetime::won_to_date;
use super::result::{num, KpiResult, KpiTable, Undefined};
use super::{value_of, Ctx, Direction, Explanation, Group, KpiDef, KpiId, Unit};
use super::{Gap, Note, Omission};
use crate::column::NO_DAY;
use crate::day::Day;
use crate::deals_table::Dim;
use crate::ingest::DatasetKind;
use crate::period::Period;
use crate::sql::kpis as sql;
use crate::table::Table;
use std::collections::BTreeMap;

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

/// The registry entry of `mrr`.
pub(super) const MRR: KpiDef = KpiDef {
    id: KpiId::Mrr,
    name: "MRR",
    unit: Unit::Currency,
    direction: Direction::Up,
    group: Group::Revenue,
    needs: "customers.mrr",
    datasets: &[DatasetKind::Customers],
    compute: mrr,
    sql: sql::mrr,
    explanation: Explanation {
        what: "Monthly recurring revenue of the customers active on the period's last day.",
        formula: "Σ mrr of customers whose start date is on or before the period's last day and whose end date is empty or after that day. Customers without an mrr value are left out and counted. Undefined when no customer is active on that day.",
        why: "For a subscription business it is the revenue the company can count on every month before it sells anything new; it grows with new customers and upgrades and shrinks with churn and downgrades.",
        watch: "It is a snapshot on one day, not a sum over the period, so a longer period does not make it larger. It comes from the customers file only: one-off deal revenue is not in it, and the owner, team and other filters do not apply to it.",
    },
};

/// `mrr`: Σ mrr of the customers active on the as-of date.
pub fn mrr(ctx: &Ctx) -> KpiResult {
    let Some(s) = Spells::of(ctx) else { return needs_customers("customer_id, start_date, mrr") };
    if s.t.numbers("mrr").is_none() {
        return needs_customers("mrr");
    }
    let day = ctx.scope.as_of();
    let (sum, with, without) = mrr_on(&s, day);
    let r =
        if with == 0 { KpiResult::undefined(Undefined::NoRows(Gap::NoActiveMrr(day))) } else { KpiResult::value(sum) };
    r.companion_in("active customers", Some(Unit::Count), Some((with + without) as f64))
        .left_out(without, Omission::ActiveNoMrr)
}

/// The registry entry of `arr`.
pub(super) const ARR: KpiDef = KpiDef {
    id: KpiId::Arr,
    name: "ARR",
    unit: Unit::Currency,
    direction: Direction::Up,
    group: Group::Revenue,
    needs: "customers.mrr",
    datasets: &[DatasetKind::Customers],
    compute: arr,
    sql: sql::arr,
    explanation: Explanation {
        what: "Annual recurring revenue: the MRR on the period's last day, scaled to a year.",
        formula: "12 × MRR, where MRR is Σ mrr of customers active on the period's last day (customers without an mrr are left out). Undefined when MRR is undefined.",
        why: "It is the yearly figure subscription businesses plan and report with. For example, 30 customers paying 10 k a month on average give an MRR of 300 k and an ARR of 3.6 M.",
        watch: "It is a run rate, not a forecast: it assumes every current customer stays a full year at today's price, so churn, downgrades and price changes are not in it. Do not add it to revenue from one-off deals.",
    },
};

/// `arr`: 12 × MRR.
pub fn arr(ctx: &Ctx) -> KpiResult {
    let m = mrr(ctx);
    KpiResult { value: m.value.map(|v| 12.0 * v), ..m }
}

/// The registry entry of `new_customers`.
pub(super) const NEW_CUSTOMERS: KpiDef = KpiDef {
    id: KpiId::NewCustomers,
    name: "New customers",
    unit: Unit::Count,
    direction: Direction::Up,
    group: Group::Customers,
    needs: "customers (or deals.deal_type)",
    datasets: &[DatasetKind::Customers, DatasetKind::Deals],
    compute: new_customers,
    sql: sql::new_customers,
    explanation: Explanation {
        what: "How many new customers started in the period.",
        formula: "Customers with a start date in the period. Without a customers file: deals won in the period whose deal type is classed as new (needs the deal_type column). Undefined when the count is 0.",
        why: "It is the growth of the customer base and the divisor of CAC, so it links sales effort to what acquisition costs.",
        watch: "The two sources differ: a \"new\" deal can be a new contract with an existing customer, and a customer who returns may get a new start date. Customers carry no owner, team or region, so the filters do not apply to them.",
    },
};

/// `new_customers`: customers who started in the period; without customers, deals of type
/// new won in the period.
pub fn new_customers(ctx: &Ctx) -> KpiResult {
    let p = ctx.period();
    if let Some(s) = Spells::of(ctx) {
        let n = s.start.iter().filter(|&&d| p.contains_raw(d)).count();
        let missing = s.start.iter().filter(|&&d| d == NO_DAY).count();
        let r = if n == 0 {
            KpiResult::undefined(Undefined::NoRows(Gap::NoCustomerStarted(p)))
        } else {
            KpiResult::value(n as f64)
        };
        return r.left_out(missing, Omission::CustomerNoStart);
    }
    let Some((d, mask)) = ctx.deals() else {
        return needs_customers("customer_id, start_date (or deals with deal_type)");
    };
    let Some(types) = d.dim(Dim::DealType) else {
        return needs_customers("customer_id, start_date (or deals.deal_type)");
    };
    let n = won_in(d, mask, p).filter(|&i| types.get(i).and_then(deal_class) == Some(DealClass::New)).count();
    if n == 0 {
        return KpiResult::undefined(Undefined::NoRows(Gap::NoNewBusinessWon(p)));
    }
    let mut r = KpiResult::value(n as f64);
    r.notes.push(Note::NewFromDeals);
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

/// The registry entry of `churn_rate`.
pub(super) const CHURN_RATE: KpiDef = KpiDef {
    id: KpiId::ChurnRate,
    name: "Churn rate",
    unit: Unit::Percent,
    direction: Direction::Down,
    group: Group::Customers,
    needs: "customers.end_date",
    datasets: &[DatasetKind::Customers],
    compute: churn_rate,
    sql: sql::churn_rate,
    explanation: Explanation {
        what: "The share of customers lost during the period, measured against those active when it began.",
        formula: "Of the customers active on the day before the period starts (start date on or before that day and no end date or an end date after it), the share whose end date is in the period. Customers who start and end inside the period are not in that base and do not count, so the rate stays between 0 and 100 %. Undefined when no customer was active on that day.",
        why: "High churn, above all soon after signing, can point to a sales problem: reps over-promising to close, and customers leaving once they see what they actually bought. Keeping customers is also one of the cheapest ways to raise profit.",
        watch: "Unless sales also owns retention, its effort is usually better spent on other KPIs. The rate grows with the length of the period, so compare like periods. Customers who start and leave within the period count above the line but not below it.",
    },
};

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
        None => KpiResult::undefined(Undefined::ZeroDenominator(Gap::NoCustomerBefore(Day(p.from.0 - 1)))),
    }
}

/// The registry entry of `retention_rate`.
pub(super) const RETENTION_RATE: KpiDef = KpiDef {
    id: KpiId::RetentionRate,
    name: "Retention rate",
    unit: Unit::Percent,
    direction: Direction::Up,
    group: Group::Customers,
    needs: "customers.end_date",
    datasets: &[DatasetKind::Customers],
    compute: retention_rate,
    sql: sql::retention_rate,
    explanation: Explanation {
        what: "The share of customers kept through the period, with a cohort table by start month.",
        formula: "1 − churn rate. Cohort table: customers grouped by start month (months overlapping the period); for k = 0, 1, … the share of a cohort still active on the last day of the k-th month after its start month (no end date or an end date after that day), as long as that day is not after the period's last day.",
        why: "Retention and churn are two sides of one coin. They matter to every business and most to subscription ones, whose revenue depends on customers renewing month after month.",
        watch: "The headline has the same limits as churn rate. In the cohort table the latest cohorts have only a few months and small cohorts swing with each customer who leaves.",
    },
};

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

/// The registry entry of `cac`.
pub(super) const CAC: KpiDef = KpiDef {
    id: KpiId::Cac,
    name: "Customer acquisition cost",
    unit: Unit::Currency,
    direction: Direction::Down,
    group: Group::Customers,
    needs: "spend, customers (or deals)",
    datasets: &[DatasetKind::Spend, DatasetKind::Customers, DatasetKind::Deals],
    compute: cac,
    sql: sql::cac,
    explanation: Explanation {
        what: "The average sales and marketing spend it takes to win one new customer.",
        formula: "Σ spend dated in the period with category marketing, sales or empty / new customers in the period. Spend in other categories is left out and counted; the breakdown is per category. Undefined when new customers is undefined or 0.",
        why: "It is a core unit-economics number: it shows whether selling is profitable, how far the business is from break-even and where costs can be cut. Acquisition costs that run away are one of the most common reasons young companies fail.",
        watch: "Do not judge it only against the product price: a CAC close to the average order can still pay off when lifetime value exceeds it. It fluctuates and differs by industry, so read it over long periods, and remember spend often wins customers a period or two later.",
    },
};

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
        Some(c) => KpiResult::ratio(spend, c, || Gap::NoNewCustomers(p)),
        None => KpiResult { value: n.value.clone(), ..KpiResult::value(0.0) },
    };
    for (c, v) in by {
        r = r.row("category", c, v);
    }
    r.companion("spend", Some(spend)).left_out(other, Omission::SpendOtherCategory)
}

/// The registry entry of `clv`.
pub(super) const CLV: KpiDef = KpiDef {
    id: KpiId::Clv,
    name: "Customer lifetime value",
    unit: Unit::Currency,
    direction: Direction::Up,
    group: Group::Customers,
    needs: "customers.mrr, customers.end_date (or deals.account)",
    datasets: &[DatasetKind::Customers, DatasetKind::Deals],
    compute: clv,
    sql: sql::clv,
    explanation: Explanation {
        what: "How much a customer brings in on average over the whole relationship.",
        formula: "With customers: ARPA × gross margin / monthly churn, where ARPA = MRR / active customers with an mrr on the period's last day, and monthly churn = mean churn rate of the calendar months that overlap the period, each clipped to the period (months whose churn is undefined are skipped). Gross margin is a setting, 100 % by default. Undefined when monthly churn is 0 or undefined. Without customers: Σ amount of won deals closed on or before the period's last day / distinct accounts of those deals (needs the account column).",
        why: "Set against CAC it shows what each customer is worth after the cost of winning them. It also shows where sales effort pays best: the products and customer segments that bring the most revenue over time.",
        watch: "It is unreliable on a small customer base, where a few outliers skew it, and a month with almost no churn makes it explode. On its own it is more a RevOps number; for sales it is useful next to CAC or the average order value. With the default 100 % margin it is revenue, not profit.",
    },
};

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
        return KpiResult::undefined(Undefined::NoRows(Gap::NoActiveMrr(p.to)));
    }
    let arpa = sum / with as f64;
    let monthly: Vec<f64> = crate::period::Grain::Month
        .buckets(p)
        .into_iter()
        .filter_map(|m| Period::new(m, m.month_end())?.clip(p))
        .filter_map(|m| churn(&s, m).map(|c| c.0))
        .collect();
    let Some(monthly_churn) = crate::stats::mean(&monthly) else {
        return KpiResult::undefined(Undefined::NoRows(Gap::NoMonthChurn(p)));
    };
    if monthly_churn == 0.0 {
        return KpiResult::undefined(Undefined::ZeroDenominator(Gap::NoChurn(p)));
    }
    KpiResult::value(arpa * ctx.scope.settings.gross_margin / monthly_churn).companion("ARPA", Some(arpa)).companion_in(
        "monthly churn",
        Some(Unit::Percent),
        Some(monthly_churn),
    )
}

fn clv_from_deals(ctx: &Ctx) -> KpiResult {
    if ctx.deals().is_none() {
        return needs_customers("customer_id, start_date, mrr");
    }
    // Kept per day: CLV : CAC reads the same figure, a trend counts all its days in one walk.
    let Some(won) = won_to_date(ctx, ctx.scope.as_of().0) else {
        return needs_customers("customer_id, start_date, mrr (or deals.account)");
    };
    let (sum, accounts) = (won.sum, won.accounts);
    let mut r = KpiResult::ratio(sum, accounts as f64, || Gap::NoAccountWon(ctx.scope.as_of()));
    r.notes.push(Note::LifetimeFromDeals);
    r
}

/// The registry entry of `clv_cac_ratio`.
pub(super) const CLV_CAC_RATIO: KpiDef = KpiDef {
    id: KpiId::ClvCacRatio,
    name: "CLV : CAC",
    unit: Unit::Ratio,
    direction: Direction::Up,
    group: Group::Customers,
    needs: "as clv and cac",
    datasets: &[DatasetKind::Spend, DatasetKind::Customers, DatasetKind::Deals],
    compute: clv_cac_ratio,
    sql: sql::clv_cac_ratio,
    explanation: Explanation {
        what: "How many times a customer's lifetime value covers the cost of winning that customer.",
        formula: "CLV / CAC, each as defined for its own KPI. Undefined when either is undefined or CAC is 0.",
        why: "It answers whether acquisition spend pays back: below 1 every new customer loses money, and many teams aim for about 3 before spending more on growth.",
        watch: "It carries the weaknesses of both parts: CLV is shaky on small customer bases and CAC fluctuates. Customers and spend are not filtered by owner, team or region, so a segment filter does not give a per-segment ratio.",
    },
};

/// `clv_cac_ratio`: CLV / CAC.
pub fn clv_cac_ratio(ctx: &Ctx) -> KpiResult {
    let (l, c) = (value_of(KpiId::Clv, ctx), value_of(KpiId::Cac, ctx));
    match (l.number(), c.number()) {
        (Some(l), Some(c)) => KpiResult::ratio(l, c, || Gap::ZeroCac),
        (None, _) => KpiResult { value: l.value, ..KpiResult::value(0.0) },
        (_, None) => KpiResult { value: c.value, ..KpiResult::value(0.0) },
    }
}
