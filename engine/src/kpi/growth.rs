//! Revenue growth against the previous period and a year earlier, the revenue mix by deal
//! type, and revenue per rep.

use super::classes::{deal_class, DealClass};
use super::deals::{needs_deals, revenue, won_in};
use super::result::{KpiResult, Undefined};
use super::{Ctx, Unit};
use crate::deals::{Amount, Dim};
use crate::period::Period;
use std::collections::{BTreeMap, HashSet};

/// Growth of revenue from `base` to the scope's period.
fn growth_against(ctx: &Ctx, base: Period, name: &str) -> KpiResult {
    let now = revenue(ctx);
    let before = revenue(&ctx.over(base));
    let r = match (now.number(), before.number()) {
        (Some(a), Some(b)) if b != 0.0 => KpiResult::value((a - b) / b),
        (Some(_), Some(_)) => {
            KpiResult::undefined(Undefined::ZeroDenominator(format!("no revenue in {name} ({base}) to grow from")))
        }
        (None, _) => KpiResult::undefined(Undefined::NoRows(format!("no revenue figure for {}", ctx.period()))),
        (_, None) => KpiResult::undefined(Undefined::NoRows(format!("no deals closed in {name} ({base})"))),
    };
    let r = r.companion_in("previous revenue", Some(Unit::Currency), before.number());
    KpiResult { left_out: now.left_out, ..r }
}

/// `revenue_growth`: against the previous period of the same length.
pub fn revenue_growth(ctx: &Ctx) -> KpiResult {
    if ctx.ws.deals.is_none() {
        return needs_deals();
    }
    growth_against(ctx, ctx.period().previous(), "the previous period")
}

/// `revenue_growth_yoy`: against the same period a year earlier.
pub fn revenue_growth_yoy(ctx: &Ctx) -> KpiResult {
    if ctx.ws.deals.is_none() {
        return needs_deals();
    }
    growth_against(ctx, ctx.period().year_earlier(), "the same period a year earlier")
}

/// `revenue_mix`: the share of revenue from new business, with upsell and renewal beside it.
pub fn revenue_mix(ctx: &Ctx) -> KpiResult {
    let Some((d, mask)) = ctx.deals() else { return needs_deals() };
    let Some(types) = d.dim(Dim::DealType) else {
        return KpiResult::undefined(Undefined::NeedsData { dataset: "deals", fields: "deal_type" });
    };
    let classes: Vec<Option<DealClass>> = types.values.iter().map(|v| deal_class(v)).collect();
    let (mut sums, mut unclassified) = ([0.0f64; 3], 0usize);
    for i in won_in(d, mask, ctx.period()) {
        let Amount::Value(a) = d.amount_in(i, ctx.scope.currency) else { continue };
        match types.codes.get(i).and_then(|&c| classes.get(c as usize).copied().flatten()) {
            Some(class) => sums[class as usize] += a,
            None => unclassified += 1,
        }
    }
    let total: f64 = sums.iter().sum();
    let mut r = KpiResult::ratio(sums[0], total, || format!("no revenue from typed deals in {}", ctx.period()));
    for class in DealClass::ALL {
        let share = if total == 0.0 { 0.0 } else { sums[class as usize] / total };
        r = r.row("deal_type", class.name(), share);
    }
    if total == 0.0 {
        r.breakdown.clear();
    }
    r.left_out(
        unclassified,
        "won deal has a deal type that is not new, upsell or renewal",
        "won deals have a deal type that is not new, upsell or renewal",
    )
}

/// `revenue_per_rep`: revenue / distinct owners of deals closed in the period; per team too.
pub fn revenue_per_rep(ctx: &Ctx) -> KpiResult {
    let Some((d, mask)) = ctx.deals() else { return needs_deals() };
    let Some(owner) = d.dim(Dim::Owner) else {
        return KpiResult::undefined(Undefined::NeedsData { dataset: "deals", fields: "owner" });
    };
    let p = ctx.period();
    let rev = revenue(ctx);
    let team = d.dim(Dim::Team);
    let mut owners = HashSet::new();
    // Per team: revenue and its distinct owners.
    let mut teams: BTreeMap<&str, (f64, HashSet<u32>)> = BTreeMap::new();
    for i in 0..d.len() {
        let closed = matches!(d.status[i], crate::Status::Won | crate::Status::Lost);
        if !closed || !p.contains_raw(d.close.days[i]) || !crate::filter::keeps(mask, i) {
            continue;
        }
        let Some(&o) = owner.codes.get(i).filter(|&&o| o != crate::column::NO_CODE) else { continue };
        owners.insert(o);
        if let Some(t) = team.and_then(|t| t.get(i)) {
            let e = teams.entry(t).or_default();
            e.1.insert(o);
            if d.status[i] == crate::Status::Won {
                if let Amount::Value(a) = d.amount_in(i, ctx.scope.currency) {
                    e.0 += a;
                }
            }
        }
    }
    let mut r = match rev.number() {
        None => KpiResult { value: rev.value.clone(), ..KpiResult::value(0.0) },
        Some(v) => KpiResult::ratio(v, owners.len() as f64, || format!("no deal closed in {p} has an owner")),
    };
    for (t, (sum, reps)) in teams {
        r = r.row("team", t, sum / reps.len() as f64);
    }
    r.left_out = rev.left_out;
    let no_owner = won_in(d, mask, p).filter(|&i| owner.get(i).is_none()).count();
    r.left_out(
        no_owner,
        "won deal has no owner (its revenue counts, it adds no rep)",
        "won deals have no owner (their revenue counts, they add no rep)",
    )
}
