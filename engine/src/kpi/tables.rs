//! KPIs that are tables over the deals: the funnel, product performance and deal-size outliers.
//!
//! Each KPI's registry entry (`KpiDef`: id, name, unit, needs, explanation, SQL builder) sits
//! just above its compute function; `catalog.rs` lists the entries once.

use super::deals::{needs_deals, won_in};
use super::result::{num, Cell, KpiResult, KpiTable, Undefined};
use super::{Ctx, Direction, Explanation, Group, KpiDef, KpiId, Unit};
use super::{Gap, Omission};
use crate::column::Amount;
use crate::column::NO_CODE;
use crate::deals_table::{DealsTable, Dim};
use crate::filter::keeps;
use crate::ingest::DatasetKind;
use crate::memo::MemoKey;
use crate::period::Period;
use crate::sql::kpis as sql;
use crate::stage::Status;
use crate::stats::median;

/// The registry entry of `funnel_conversion`.
pub(super) const FUNNEL_CONVERSION: KpiDef = KpiDef {
    id: KpiId::FunnelConversion,
    name: "Funnel conversion",
    unit: Unit::Percent,
    direction: Direction::Up,
    group: Group::Deals,
    needs: "deals",
    datasets: &[DatasetKind::Deals],
    compute: funnel_conversion,
    sql: sql::funnel_conversion,
    explanation: Explanation {
        what: "How deals created in the period move from stage to stage to won; the headline is the share that were won.",
        formula: "Over deals created in the period with a known status: reached(stage) = deals whose furthest stage is that stage or later. An open deal reached its current stage, a won deal passed every open stage, a lost deal reached its lost_stage when that column is mapped and names an open stage, else only the first stage. With a stage history (a history file or entered_<stage> columns), a deal also reached every stage its history shows it entered. Step conversion = reached(next) / reached(this), with won as the last step; leakage = 1 − conversion. Headline = won / deals created in the period. Undefined when no deal was created in the period or no open stages are known.",
        why: "Conversion per stage shows where prospects drop out fastest. If, say, 40 % agree to a call, half of those get to a trial and only 5 % buy, the steep last step points at rep skills, the customer's experience or negotiation, and that is where coaching pays off.",
        watch: "Deals created late in the period are often still open, so recent periods look worse until those deals close. Without a lost_stage column or a stage history every lost deal counts as lost at the first stage, which puts all the leakage there.",
    },
};

/// How far the deals created in one period got: `furthest[j]` deals whose furthest stage is
/// `j` (1..=k of the k open stages, k + 1 = won), and the open deals in no open stage.
struct Funnel {
    furthest: Vec<usize>,
    unplaced: usize,
}

impl Funnel {
    /// `reached[j]`: the deals that reached stage `j` or further (Σ furthest[j..]).
    fn reached(&self) -> Vec<usize> {
        let mut reached = vec![0usize; self.furthest.len()];
        for j in (1..self.furthest.len()).rev() {
            reached[j] = self.furthest[j] + reached.get(j + 1).copied().unwrap_or(0);
        }
        reached
    }

    /// The headline: won over created (reached the first stage).
    fn conversion(reached: &[usize], p: Period) -> KpiResult {
        let at = |j: usize| reached.get(j).copied().unwrap_or(0) as f64;
        KpiResult::ratio(at(reached.len().saturating_sub(1)), at(1), || Gap::NoDealCreated(p))
    }
}

/// The funnels of the deals created in each of `periods` (ascending, apart: a trend's buckets,
/// or one period) in one walk over the deals, and the deals without a created date (in none);
/// or the result that says why there is no funnel.
fn funnels(ctx: &Ctx, periods: &[Period]) -> Result<(Vec<Funnel>, usize), Box<KpiResult>> {
    let Some((d, mask)) = ctx.deals() else { return Err(Box::new(needs_deals())) };
    let order = &d.stage_rules.open_order;
    let k = order.len();
    if k == 0 {
        return Err(Box::new(KpiResult::undefined(Undefined::NoRows(Gap::NoOpenStages))));
    }
    // Position (1-based) of each stage code in the open order; 0 when not an open stage.
    let mut position = vec![0usize; d.stage.values.len()];
    for (i, &c) in order.iter().enumerate() {
        if let Some(p) = position.get_mut(c as usize) {
            *p = i + 1;
        }
    }
    // Lost stages are matched by name (the lost_stage column has its own dictionary).
    let lost_position: Vec<usize> = d.lost_stage.as_ref().map_or(Vec::new(), |ls| {
        ls.values
            .iter()
            .map(|v| d.stage.code_of(v).and_then(|c| position.get(c as usize).copied()).unwrap_or(0))
            .collect()
    });
    // With a stage history, a deal also reached every stage its history shows it entered.
    let reach = ctx.ws.history.as_ref().map(|h| (super::reach::history_reach(h, d, &position, k), h.link_to(d)));
    let mut out: Vec<Funnel> = periods.iter().map(|_| Funnel { furthest: vec![0; k + 2], unplaced: 0 }).collect();
    let ends: Vec<i32> = periods.iter().map(|p| p.to.0).collect();
    let rank = crate::day_rank::DayRank::new(&ends);
    let mut no_created = 0usize;
    for i in 0..d.len() {
        if !keeps(mask, i) || d.status[i] == Status::Unknown {
            continue;
        }
        let created = d.created.days[i];
        if created == crate::column::NO_DAY {
            no_created += 1;
            continue;
        }
        // The period that holds the created date: the first that ends on or after it.
        let b = rank.rank(created);
        let Some(f) = out.get_mut(b).filter(|_| periods[b].contains_raw(created)) else { continue };
        let at = match d.status[i] {
            Status::Won => k + 1,
            Status::Open => d.stage.codes.get(i).and_then(|&c| position.get(c as usize).copied()).unwrap_or(0),
            _ => d
                .lost_stage
                .as_ref()
                .and_then(|ls| ls.codes.get(i).filter(|&&c| c != NO_CODE))
                .and_then(|&c| lost_position.get(c as usize).copied())
                .filter(|&x| x > 0)
                .unwrap_or(1),
        };
        let entered = reach.as_ref().and_then(|(r, link)| r.get(*link.deal_of.get(i)? as usize).copied()).unwrap_or(0);
        match at.max(entered) {
            0 => f.unplaced += 1,
            at => f.furthest[at] += 1,
        }
    }
    Ok((out, no_created))
}

/// `funnel_conversion` over each of `periods` (a trend's buckets), from one walk.
pub(super) fn funnel_values(ctx: &Ctx, periods: &[Period]) -> Vec<Option<f64>> {
    match funnels(ctx, periods) {
        Ok((funnels, _)) => {
            funnels.iter().zip(periods).map(|(f, &p)| Funnel::conversion(&f.reached(), p).number()).collect()
        }
        Err(_) => vec![None; periods.len()],
    }
}

/// `funnel_conversion`: over deals created in the period, how many reached each open stage
/// (and won); conversion per step and overall.
pub fn funnel_conversion(ctx: &Ctx) -> KpiResult {
    let p = ctx.period();
    let (funnels, no_created) = match funnels(ctx, &[p]) {
        Ok(f) => f,
        Err(r) => return *r,
    };
    let (Some((d, _)), Some(funnel)) = (ctx.deals(), funnels.first()) else { return needs_deals() };
    let order = &d.stage_rules.open_order;
    let k = order.len();
    let reached = funnel.reached();
    let names: Vec<String> = order.iter().map(|&c| d.stage.value(c).unwrap_or("?").to_owned()).collect();
    let mut table = KpiTable::new(
        "Step",
        &[
            ("reached", "Reached", Some(Unit::Count)),
            ("next", "Went on", Some(Unit::Count)),
            ("conversion", "Conversion", Some(Unit::Percent)),
            ("leakage", "Leakage", Some(Unit::Percent)),
        ],
    );
    let mut r = Funnel::conversion(&reached, p);
    for j in 1..=k {
        let next_name = if j == k { "won".to_owned() } else { names[j].clone() };
        let conv = (reached[j] > 0).then(|| reached[j + 1] as f64 / reached[j] as f64);
        table.push(
            format!("{} → {next_name}", names[j - 1]),
            vec![num(Some(reached[j] as f64)), num(Some(reached[j + 1] as f64)), num(conv), num(conv.map(|c| 1.0 - c))],
        );
        if let Some(c) = conv {
            r = r.row("stage", names[j - 1].clone(), c);
        }
    }
    if ctx.ws.history.is_some() {
        r.notes.push(super::Note::FunnelFromHistory);
    }
    r.with_table(table)
        .left_out(no_created, Omission::DealNoCreated)
        .left_out(funnel.unplaced, Omission::OpenOutsideOrder)
}

/// The registry entry of `product_performance`.
pub(super) const PRODUCT_PERFORMANCE: KpiDef = KpiDef {
    id: KpiId::ProductPerformance,
    name: "Product performance (top product's share)",
    unit: Unit::Percent,
    direction: Direction::Neutral,
    group: Group::Deals,
    needs: "deals.product",
    datasets: &[DatasetKind::Deals],
    compute: product_performance,
    sql: sql::product_performance,
    explanation: Explanation {
        what: "Revenue, wins, win rate and deal size per product; the headline is the top product's share of revenue.",
        formula: "Per product over the period: revenue won, deals won, win rate (won / closed), average deal size and share of revenue. Headline = revenue of the top product / total revenue of all products. Undefined when that total is 0. Needs the deals' product column.",
        why: "It separates the products that sell from those that do not, and prompts the question why: missing training, an incentive plan that pays more for one product, or reps steering buyers to the product that is easiest to close.",
        watch: "Compare products on one consistent basis, or the numbers will steer reps to the wrong products. A viral campaign can flatter a weak product, and a cheap high-volume product can top the deal count while earning less than a high-ticket one: read revenue and win rate together.",
    },
};

/// `product_performance`: per product, revenue, deals won, win rate, average deal size and
/// share of revenue; the headline is the top product's share.
pub fn product_performance(ctx: &Ctx) -> KpiResult {
    let Some((d, mask)) = ctx.deals() else { return needs_deals() };
    let Some(product) = d.dim(Dim::Product) else {
        return KpiResult::undefined(Undefined::NeedsData { dataset: "deals", fields: "product" });
    };
    let p = ctx.period();
    #[derive(Clone, Default)]
    struct Acc {
        revenue: f64,
        won: usize,
        lost: usize,
        priced: usize,
    }
    // Per product code, summed in table order.
    let mut by = vec![Acc::default(); product.values.len()];
    let mut no_product = 0usize;
    let mut add = |i: usize| {
        let won = d.status[i] == Status::Won;
        if !(won || d.status[i] == Status::Lost) || !p.contains_raw(d.close.days[i]) {
            return;
        }
        let Some(a) = product.codes.get(i).and_then(|&c| by.get_mut(c as usize)) else {
            no_product += usize::from(won);
            return;
        };
        if won {
            a.won += 1;
            if let Amount::Value(v) = d.amount_in(i, ctx.scope.currency) {
                a.revenue += v;
                a.priced += 1;
            }
        } else {
            a.lost += 1;
        }
    };
    crate::row_scan::for_each_closed_in(d, mask, p, &mut add);
    let mut rows: Vec<(&str, Acc)> = by
        .into_iter()
        .enumerate()
        .filter(|(_, a)| a.won + a.lost > 0)
        .filter_map(|(c, a)| Some((product.value(c as u32)?, a)))
        .collect();
    // The total in the products' name order, then the rows by revenue.
    crate::sort::sort_by(&mut rows, |a, b| a.0.cmp(b.0));
    let total: f64 = rows.iter().map(|r| r.1.revenue).sum();
    crate::sort::sort_by(&mut rows, |a, b| b.1.revenue.total_cmp(&a.1.revenue).then(a.0.cmp(b.0)));
    let mut table = KpiTable::new(
        "Product",
        &[
            ("revenue", "Revenue", Some(Unit::Currency)),
            ("deals_won", "Deals won", Some(Unit::Count)),
            ("win_rate", "Win rate", Some(Unit::Percent)),
            ("avg_deal_size", "Avg deal size", Some(Unit::Currency)),
            ("share", "Share of revenue", Some(Unit::Percent)),
        ],
    );
    let top = rows.first().map_or(0.0, |r| r.1.revenue);
    let mut r = KpiResult::ratio(top, total, || Gap::NoProductRevenue(p));
    for (name, a) in &rows {
        let share = (total > 0.0).then(|| a.revenue / total);
        let closed = a.won + a.lost;
        table.push(
            *name,
            vec![
                num(Some(a.revenue)),
                num(Some(a.won as f64)),
                num((closed > 0).then(|| a.won as f64 / closed as f64)),
                num((a.priced > 0).then(|| a.revenue / a.priced as f64)),
                num(share),
            ],
        );
        if let Some(s) = share {
            r = r.row("product", *name, s);
        }
    }
    r.with_table(table).left_out(no_product, Omission::WonNoProduct)
}

/// How many times the owner's median a deal must exceed to be an outlier.
pub const OUTLIER_FACTOR: f64 = 4.0;
/// Won deals an owner needs in the period before their median means anything.
pub const OUTLIER_MIN_WON: usize = 3;

/// The registry entry of `deal_size_outliers`.
pub(super) const DEAL_SIZE_OUTLIERS: KpiDef = KpiDef {
    id: KpiId::DealSizeOutliers,
    name: "Deal-size outliers",
    unit: Unit::Count,
    direction: Direction::Neutral,
    group: Group::Deals,
    needs: "deals.owner",
    datasets: &[DatasetKind::Deals],
    compute: deal_size_outliers,
    sql: sql::deal_size_outliers,
    explanation: Explanation {
        what: "Deals much larger than what their owner usually wins; the headline is how many there are.",
        formula: "Candidates are deals won in the period and deals open on the period's last day. An owner's median is the median amount of that owner's deals won in the period with an amount, and needs at least 3 such deals. A deal is an outlier when its amount is more than 4 × its owner's median. Undefined when no owner has 3 won deals in the period.",
        why: "A deal several times a rep's usual size is a risk: it closes less often and takes longer. Flagging it lets a manager check that the rep's other deals are solid and that the rep is not betting the whole target on one deal.",
        watch: "Owners with fewer than 3 won deals in the period are not checked, so big deals of new reps do not show up. A large won outlier also distorts revenue and average deal size; a large open one distorts pipeline value and coverage.",
    },
};

/// The open deals of `d` in table order: listed by the close-date index, else found by a walk.
fn open_rows(d: &DealsTable) -> Box<dyn Iterator<Item = usize> + '_> {
    match d.close_index() {
        Some(ix) => Box::new(ix.open().iter().map(|&i| i as usize)),
        None => Box::new((0..d.len()).filter(|&i| d.status[i] == Status::Open)),
    }
}

/// `deal_size_outliers`: deals won in the period or open on the as-of date whose amount is
/// over 4 × the median of their owner's won deals in the period (owners with ≥ 3 of them).
pub fn deal_size_outliers(ctx: &Ctx) -> KpiResult {
    let mut found = match outliers(ctx) {
        Ok(found) => found,
        Err(r) => return *r,
    };
    let Some((d, owner)) = ctx.deals().and_then(|(d, _)| Some((d, d.dim(Dim::Owner)?))) else { return needs_deals() };
    let mut table = KpiTable::new(
        "Deal",
        &[
            ("owner", "Owner", None),
            ("status", "Status", None),
            ("amount", "Amount", Some(Unit::Currency)),
            ("owner_median", "Owner's median won deal", Some(Unit::Currency)),
            ("multiple", "× median", Some(Unit::Ratio)),
        ],
    );
    crate::sort::sort_by(&mut found, |a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    for &(multiple, i, a, m) in &found {
        let status = if d.status[i] == Status::Won { "won" } else { "open" };
        table.push(
            d.deal_id.get(i),
            vec![
                Cell::Text(owner.get(i).unwrap_or("").to_owned()),
                Cell::Text(status.into()),
                num(Some(a)),
                num(Some(m)),
                num(Some(multiple)),
            ],
        );
    }
    KpiResult::value(found.len() as f64).with_table(table)
}

/// `deal_size_outliers`' number alone, without its table (a trend's point: on a million deals
/// the table of one month held twenty thousand rows).
pub(super) fn outlier_count(ctx: &Ctx) -> Option<f64> {
    outliers(ctx).ok().map(|found| found.len() as f64)
}

/// An outlier: (multiple, row, amount, owner's median).
type Outlier = (f64, usize, f64, f64);

/// The outliers, in no order; or the result that says why there are none to look for.
fn outliers(ctx: &Ctx) -> Result<Vec<Outlier>, Box<KpiResult>> {
    let Some((d, mask)) = ctx.deals() else { return Err(Box::new(needs_deals())) };
    let Some(owner) = d.dim(Dim::Owner) else {
        return Err(Box::new(KpiResult::undefined(Undefined::NeedsData { dataset: "deals", fields: "owner" })));
    };
    let p = ctx.period();
    let cur = ctx.scope.currency;
    // Per owner code, the amounts of their deals won in the period.
    let mut won_amounts: Vec<Vec<f64>> = vec![Vec::new(); owner.values.len()];
    let mut won = Vec::new();
    for i in won_in(d, mask, p) {
        if let (Some(amounts), Amount::Value(a)) =
            (owner.codes.get(i).and_then(|&o| won_amounts.get_mut(o as usize)), d.amount_in(i, cur))
        {
            amounts.push(a);
            won.push(i);
        }
    }
    let medians: Vec<Option<f64>> =
        won_amounts.into_iter().map(|mut v| if v.len() >= OUTLIER_MIN_WON { median(&mut v) } else { None }).collect();
    if medians.iter().all(Option::is_none) {
        let gap = Gap::NoOwnerWithWins { min: OUTLIER_MIN_WON, period: p };
        return Err(Box::new(KpiResult::undefined(Undefined::NoRows(gap))));
    }
    let mut found = Vec::new();
    let mut consider = |i: usize| {
        let Some(m) = owner.codes.get(i).and_then(|&o| medians.get(o as usize).copied().flatten()) else { return };
        let Amount::Value(a) = d.amount_in(i, cur) else { return };
        if m > 0.0 && a > OUTLIER_FACTOR * m {
            found.push((a / m, i, a, m));
        }
    };
    won.into_iter().for_each(&mut consider);
    // And the deals open on the as-of date, unless no owner has an open deal that large (the
    // largest open amount per owner is kept for the selection: a trend asks once per bucket).
    let key = MemoKey { what: "largest open deal by owner", from: 0, to: 0, currency: cur, rows: d.len() };
    let largest = ctx.deals_memo().get_or(key, || {
        let mut largest = vec![f64::NEG_INFINITY; owner.values.len()];
        for i in open_rows(d).filter(|&i| keeps(mask, i)) {
            if let (Some(top), Amount::Value(a)) =
                (owner.codes.get(i).and_then(|&o| largest.get_mut(o as usize)), d.amount_in(i, cur))
            {
                *top = top.max(a);
            }
        }
        largest
    });
    let may_stand_out = |(m, top): (&Option<f64>, &f64)| m.is_some_and(|m| m > 0.0 && *top > OUTLIER_FACTOR * m);
    if medians.iter().zip(largest.iter()).any(may_stand_out) {
        let as_of = ctx.scope.as_of().0;
        open_rows(d).filter(|&i| d.created.days[i] <= as_of && keeps(mask, i)).for_each(consider);
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::change::fixture::{day, deals, Row};
    use crate::history::HistoryBuilder;
    use crate::kpi::{compute, Note};
    use crate::{Period, Scope, Workspace};

    #[test]
    fn outliers_are_won_or_open_deals_over_four_times_their_owners_median() {
        let (c, q) = (Some("2024-01-05"), Some("2024-02-10"));
        let rows: Vec<Row> = vec![
            ("A1", "Closed Won", Some(100.0), c, q, Some("Ann")),
            ("A2", "Closed Won", Some(90.0), c, q, Some("Ann")),
            ("A3", "Closed Won", Some(110.0), c, q, Some("Ann")),
            ("A4", "Closed Won", Some(450.0), c, q, Some("Ann")),
            ("A5", "Proposal", Some(500.0), c, None, Some("Ann")),
            ("A6", "Proposal", Some(900.0), Some("2024-06-01"), None, Some("Ann")),
            ("B1", "Closed Won", Some(100.0), c, q, Some("Bo")),
            ("B2", "Closed Won", Some(100.0), c, q, Some("Bo")),
            ("B3", "Closed Won", Some(100.0), c, q, Some("Bo")),
            ("B4", "Proposal", Some(300.0), c, None, Some("Bo")),
        ];
        let ws = Workspace::with_deals(deals(&rows, &["Proposal"]));
        let scope = Scope::new(Period::new(day("2024-01-01"), day("2024-03-31")).unwrap());
        let r = compute(KpiId::DealSizeOutliers.def(), &ws, &scope);
        // Ann's median is 105: A4 (won) and A5 (open) are over 420; A6 opens after the period.
        assert_eq!(r.value, Ok(2.0));
        let table = r.table.expect("the outliers' table");
        assert_eq!(table.rows.iter().map(|row| row.label.as_str()).collect::<Vec<_>>(), ["A5", "A4"]);
        // Bo's open deal is not over 4 × 100: no deal of his stands out.
        let bo = Scope { filters: crate::filter::Filters::none().with(Dim::Owner, "Bo"), ..scope.clone() };
        assert_eq!(compute(KpiId::DealSizeOutliers.def(), &ws, &bo).value, Ok(0.0));
        // Over a later period nobody won three deals: undefined.
        let later = Scope::new(Period::new(day("2024-07-01"), day("2024-09-30")).unwrap());
        assert!(compute(KpiId::DealSizeOutliers.def(), &ws, &later).value.is_err());
    }

    #[test]
    fn with_a_history_the_funnel_counts_every_stage_a_deal_entered() {
        let c = Some("2024-01-05");
        let rows: Vec<Row> = vec![
            ("L", "Closed Lost", Some(1.0), c, Some("2024-02-01"), None),
            ("B", "Qualification", Some(1.0), c, None, None),
            ("W", "Closed Won", Some(1.0), c, Some("2024-02-10"), None),
            ("N", "Qualification", Some(1.0), c, None, None),
        ];
        let mut ws = Workspace::with_deals(deals(&rows, &["Qualification", "Proposal", "Negotiation"]));
        let scope = Scope::new(Period::new(day("2024-01-01"), day("2024-03-31")).unwrap());
        let reached = |ws: &Workspace| {
            let r = compute(KpiId::FunnelConversion.def(), ws, &scope);
            let t = r.table.clone().unwrap();
            ((0..t.rows.len()).filter_map(|i| t.number(i, "reached")).collect::<Vec<f64>>(), r)
        };
        // By current state: L lost at the first stage, B and N in Qualification, W won.
        let (before, r) = reached(&ws);
        assert_eq!(before, [4.0, 1.0, 1.0]);
        assert!(!r.notes.contains(&Note::FunnelFromHistory));
        // L got to Negotiation before it was lost; B went to Proposal and back.
        let mut b = HistoryBuilder::default();
        for (id, stage, at) in [
            ("L", "Qualification", "2024-01-05"),
            ("L", "Negotiation", "2024-01-20"),
            ("L", "Closed Lost", "2024-02-01"),
            ("B", "Qualification", "2024-01-05"),
            ("B", "Proposal", "2024-01-15"),
            ("B", "Qualification", "2024-01-25"),
        ] {
            b.push(id, Some(stage), Some(day(at)), None, None);
        }
        ws.history = Some(b.finish());
        let (after, r) = reached(&ws);
        assert_eq!(after, [4.0, 3.0, 2.0]);
        assert_eq!(r.value, Ok(0.25), "the headline is still won / created");
        assert!(r.notes.contains(&Note::FunnelFromHistory));
    }
}
