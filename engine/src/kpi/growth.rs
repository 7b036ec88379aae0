//! Revenue growth against the previous period and a year earlier, the revenue mix by deal
//! type, and revenue per rep.
//!
//! Each KPI's registry entry (`KpiDef`: id, name, unit, needs, explanation, SQL builder) sits
//! just above its compute function; `catalog.rs` lists the entries once.

use super::classes::DealClass;
use super::deals::{needs_deals, revenue, won_in};
use super::result::{KpiResult, Undefined};
use super::won_figures::won_figures;
use super::{Base, Gap, Omission};
use super::{Ctx, Direction, Explanation, Group, KpiDef, KpiId, Unit};
use crate::column::Amount;
use crate::deals_table::Dim;
use crate::ingest::DatasetKind;
use crate::pair_counts::{PairCounts, DENSE_COUNTS};
use crate::period::Period;
use crate::sql::kpis as sql;

/// Growth of revenue from `base` to the scope's period.
fn growth_against(ctx: &Ctx, base: Period, name: Base) -> KpiResult {
    let now = revenue(ctx);
    let before = revenue(&ctx.over(base));
    let r = match (now.number(), before.number()) {
        (Some(a), Some(b)) if b != 0.0 => KpiResult::value((a - b) / b),
        (Some(_), Some(_)) => {
            KpiResult::undefined(Undefined::ZeroDenominator(Gap::NoBaseRevenue { base: name, period: base }))
        }
        (None, _) => KpiResult::undefined(Undefined::NoRows(Gap::NoRevenueFigure(ctx.period()))),
        (_, None) => KpiResult::undefined(Undefined::NoRows(Gap::NoBaseDeals { base: name, period: base })),
    };
    let r = r.companion_in("previous revenue", Some(Unit::Currency), before.number());
    KpiResult { left_out: now.left_out, ..r }
}

/// The registry entry of `revenue_growth`.
pub(super) const REVENUE_GROWTH: KpiDef = KpiDef {
    id: KpiId::RevenueGrowth,
    name: "Revenue growth",
    unit: Unit::Percent,
    direction: Direction::Up,
    group: Group::Revenue,
    needs: "deals",
    datasets: &[DatasetKind::Deals],
    compute: revenue_growth,
    sql: sql::revenue_growth,
    explanation: Explanation {
        what: "How much revenue changed against the previous period of the same length.",
        formula: "(revenue of the period − revenue of the previous period) / revenue of the previous period. The previous period has the same number of days and ends the day before the period starts. Undefined when either revenue is undefined or the previous revenue is 0.",
        why: "For most companies sales bring in the bulk of revenue, so sales growth is a dependable sign of whether the whole business is growing. Following it period after period shows the trajectory early enough to act on it.",
        watch: "Short periods swing hard: one large deal or a quarter-end push in either period makes it jump, so check it against the year-on-year growth, which takes the season out. The previous period is counted in days, so for a calendar month it is not always exactly the previous calendar month.",
    },
};

/// `revenue_growth`: against the previous period of the same length.
pub fn revenue_growth(ctx: &Ctx) -> KpiResult {
    if ctx.ws.deals.is_none() {
        return needs_deals();
    }
    growth_against(ctx, ctx.period().previous(), Base::Previous)
}

/// The registry entry of `revenue_growth_yoy`.
pub(super) const REVENUE_GROWTH_YOY: KpiDef = KpiDef {
    id: KpiId::RevenueGrowthYoy,
    name: "Revenue growth (year on year)",
    unit: Unit::Percent,
    direction: Direction::Up,
    group: Group::Revenue,
    needs: "deals",
    datasets: &[DatasetKind::Deals],
    compute: revenue_growth_yoy,
    sql: sql::revenue_growth_yoy,
    explanation: Explanation {
        what: "How much revenue changed against the same period one year earlier.",
        formula: "(revenue of the period − revenue of the same period shifted back 12 months) / that earlier revenue. A period that ends on a month end maps to that month's end a year earlier (29 Feb ↔ 28 Feb). Undefined when either revenue is undefined or the earlier revenue is 0.",
        why: "Comparing with the same months a year ago removes the seasonal pattern that period-on-period growth carries, and shows the longer trajectory that growth plans and RevOps reviews are built on.",
        watch: "It needs more than a year of data; with less it stays –. Changes between the two years in products, pricing or the way deals are entered in the CRM make the comparison misleading, whatever the number says.",
    },
};

/// `revenue_growth_yoy`: against the same period a year earlier.
pub fn revenue_growth_yoy(ctx: &Ctx) -> KpiResult {
    if ctx.ws.deals.is_none() {
        return needs_deals();
    }
    growth_against(ctx, ctx.period().year_earlier(), Base::YearEarlier)
}

/// The registry entry of `revenue_mix`.
pub(super) const REVENUE_MIX: KpiDef = KpiDef {
    id: KpiId::RevenueMix,
    name: "Revenue mix (new business)",
    unit: Unit::Percent,
    direction: Direction::Neutral,
    group: Group::Revenue,
    needs: "deals.deal_type",
    datasets: &[DatasetKind::Deals],
    compute: revenue_mix,
    sql: sql::revenue_mix,
    explanation: Explanation {
        what: "How revenue won in the period splits into new business, upsell and renewals; the headline is the new-business share.",
        formula: "Revenue of deals won in the period per deal-type class / revenue of won deals whose type is new, upsell or renewal. The lower-cased deal_type is classed: containing \"renew\" → renewal; else \"upsell\", \"up-sell\", \"upgrade\", \"expansion\", \"cross\" or \"existing\" → upsell; else \"new\" → new. Unclassified or empty types are left out and counted. Undefined when the denominator is 0.",
        why: "Splitting revenue this way shows where it really comes from: first-time buyers, existing customers buying more or a better package, or contracts being renewed. Which share you push depends on the goal: renewals when customers drop off after a few months, upsell when the aim is more cross-selling.",
        watch: "The three shares always add up to 100 %, so when one rises the others fall even if their revenue did not shrink: read the amounts, not only the shares. Check the count of unclassified deals; a high one means the deal_type values need cleaning.",
    },
};

/// `revenue_mix`: the share of revenue from new business, with upsell and renewal beside it.
pub fn revenue_mix(ctx: &Ctx) -> KpiResult {
    let Some((d, _)) = ctx.deals() else { return needs_deals() };
    if d.dim(Dim::DealType).is_none() {
        return KpiResult::undefined(Undefined::NeedsData { dataset: "deals", fields: "deal_type" });
    }
    // Summed per class with the period's revenue (one walk for both).
    let Some(f) = won_figures(ctx, ctx.period()) else { return needs_deals() };
    let (sums, unclassified) = (f.mix, f.untyped);
    let total: f64 = sums.iter().sum();
    let mut r = KpiResult::ratio(sums[0], total, || Gap::NoTypedRevenue(ctx.period()));
    for class in DealClass::ALL {
        let share = if total == 0.0 { 0.0 } else { sums[class as usize] / total };
        r = r.row("deal_type", class.name(), share);
    }
    if total == 0.0 {
        r.breakdown.clear();
    }
    r.left_out(unclassified, Omission::WonUntyped)
}

/// The registry entry of `revenue_per_rep`.
pub(super) const REVENUE_PER_REP: KpiDef = KpiDef {
    id: KpiId::RevenuePerRep,
    name: "Revenue per rep",
    unit: Unit::Currency,
    direction: Direction::Up,
    group: Group::Revenue,
    needs: "deals.owner",
    datasets: &[DatasetKind::Deals],
    compute: revenue_per_rep,
    sql: sql::revenue_per_rep,
    explanation: Explanation {
        what: "Revenue won in the period per rep who closed deals in it, overall and per team.",
        formula: "Revenue / number of distinct non-empty owners of deals closed (won or lost) in the period. Per team: the team's revenue / the distinct owners in that team. Undefined when revenue is undefined or no deal closed in the period has an owner.",
        why: "It is a core measure of how productive the sales force is. Shown openly on the dashboard it keeps reps and teams focused on the target, and it lets leaders spot a team or rep who is slipping and offer help before the quarter is lost.",
        watch: "Only owners with a closed deal in the period count, so reps who are ramping up or closed nothing are not in the divisor. Compare teams that sell similar deal types and territories; a team on large enterprise deals will look better per head than one working many small deals.",
    },
};

/// `revenue_per_rep`: revenue / distinct owners of deals closed in the period; per team too.
pub fn revenue_per_rep(ctx: &Ctx) -> KpiResult {
    let Some((d, mask)) = ctx.deals() else { return needs_deals() };
    let Some(owner) = d.dim(Dim::Owner) else {
        return KpiResult::undefined(Undefined::NeedsData { dataset: "deals", fields: "owner" });
    };
    let p = ctx.period();
    let rev = revenue(ctx);
    let team = d.dim(Dim::Team);
    // Owners and teams are dictionary codes: a flag per owner, and per team its revenue and
    // its distinct owners (a pair counted the first time), instead of text keys per row.
    let (mut owner_seen, mut owners) = (vec![false; owner.values.len()], 0usize);
    let mut team_revenue: Vec<Option<f64>> = vec![None; team.map_or(0, |t| t.values.len())];
    let mut pairs = PairCounts::new(owner.values.len(), team_revenue.len(), DENSE_COUNTS);
    let mut reps_of = vec![0usize; team_revenue.len()];
    // Each owner's team when last counted: a rep's rows mostly share one team, counted once.
    let mut last_team = vec![None; owner.values.len()];
    let mut add = |i: usize| {
        let closed = matches!(d.status[i], crate::Status::Won | crate::Status::Lost);
        if !closed || !p.contains_raw(d.close.days[i]) {
            return;
        }
        let Some(&o) = owner.codes.get(i).filter(|&&o| o != crate::column::NO_CODE) else { return };
        if let Some(seen) = owner_seen.get_mut(o as usize).filter(|s| !**s) {
            *seen = true;
            owners += 1;
        }
        let t = team.and_then(|t| t.codes.get(i)).copied().unwrap_or(crate::column::NO_CODE);
        if let Some(sum) = team_revenue.get_mut(t as usize) {
            if let Some(last) = last_team.get_mut(o as usize).filter(|last| **last != Some(t)) {
                *last = Some(t);
                if let Some(n) = reps_of.get_mut(t as usize).filter(|_| pairs.add(o, t) == 1) {
                    *n += 1;
                }
            }
            let sum = sum.get_or_insert(0.0);
            if d.status[i] == crate::Status::Won {
                if let Amount::Value(a) = d.amount_in(i, ctx.scope.currency) {
                    *sum += a;
                }
            }
        }
    };
    crate::row_scan::for_each_closed_in(d, mask, p, &mut add);
    let mut r = match rev.number() {
        None => KpiResult { value: rev.value.clone(), ..KpiResult::value(0.0) },
        Some(v) => KpiResult::ratio(v, owners as f64, || Gap::NoOwnerClosed(p)),
    };
    // Rows in team-name order, as before.
    let mut teams: Vec<(&str, f64)> = team_revenue
        .iter()
        .enumerate()
        .filter_map(|(t, sum)| Some((team?.value(t as u32)?, (*sum)? / *reps_of.get(t)? as f64)))
        .collect();
    crate::sort::sort_by(&mut teams, |a, b| a.0.cmp(b.0));
    for (t, per_rep) in teams {
        r = r.row("team", t, per_rep);
    }
    r.left_out = rev.left_out;
    let no_owner = won_in(d, mask, p).filter(|&i| owner.get(i).is_none()).count();
    r.left_out(no_owner, Omission::WonNoOwner)
}
