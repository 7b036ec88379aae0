//! KPIs over leads and activities: volumes, qualification, conversion, response time,
//! touchpoints and activity volume.
//!
//! Each KPI's registry entry (`KpiDef`: id, name, unit, needs, explanation, SQL builder) sits
//! just above its compute function; `catalog.rs` lists the entries once.

use super::classes::{activity_class, ActivityClass};
use super::result::{num, KpiResult, KpiTable, Undefined};
use super::{Ctx, Direction, Explanation, Group, KpiDef, KpiId, Unit};
use super::{Gap, Omission};
use crate::column::DictColumn;
use crate::day::Day;
use crate::filter::{keeps, Mask};
use crate::ingest::DatasetKind;
use crate::sql::kpis as sql;
use crate::stage::Status;
use crate::stats::{mean, median};
use crate::table::Table;
use std::collections::{HashMap, HashSet};

fn needs_leads() -> KpiResult {
    KpiResult::undefined(Undefined::NeedsData { dataset: "leads", fields: "lead_id, created_at" })
}

fn needs(dataset: &'static str, fields: &'static str) -> KpiResult {
    KpiResult::undefined(Undefined::NeedsData { dataset, fields })
}

/// Leads created in the period that pass the filters.
fn created_in<'a>(ctx: &Ctx, t: &'a Table, mask: &'a Mask) -> Vec<usize> {
    let p = ctx.period();
    let Some(created) = t.dates("created_at") else { return Vec::new() };
    (0..t.len).filter(|&i| keeps(mask, i) && p.contains_raw(created.days[i])).collect()
}

fn no_leads(ctx: &Ctx) -> Undefined {
    Undefined::NoRows(Gap::NoLeadsCreated(ctx.period()))
}

fn none_created(ctx: &Ctx) -> Gap {
    Gap::NoLeadsCreated(ctx.period())
}

/// The registry entry of `leads_created`.
pub(super) const LEADS_CREATED: KpiDef = KpiDef {
    id: KpiId::LeadsCreated,
    name: "Leads created",
    unit: Unit::Count,
    direction: Direction::Up,
    group: Group::Leads,
    needs: "leads",
    datasets: &[DatasetKind::Leads],
    compute: leads_created,
    sql: sql::leads_created,
    explanation: Explanation {
        what: "How many leads came in during the period.",
        formula: "Count of leads with a created date in the period. Undefined when it is 0.",
        why: "It is the top of the funnel: everything later depends on it. Set against leads needed it shows early whether the target is reachable with the current inflow.",
        watch: "Volume is not quality: read it with qualified leads and lead-to-opportunity. Duplicates and bulk-imported lists inflate it.",
    },
};

/// `leads_created`: leads with created_at in the period.
pub fn leads_created(ctx: &Ctx) -> KpiResult {
    let Some((t, mask)) = ctx.table(DatasetKind::Leads) else { return needs_leads() };
    let n = created_in(ctx, t, mask).len();
    let missing =
        t.dates("created_at").map_or(0, |c| (0..t.len).filter(|&i| keeps(mask, i) && c.get(i).is_none()).count());
    let r = if n == 0 { KpiResult::undefined(no_leads(ctx)) } else { KpiResult::value(n as f64) };
    r.left_out(missing, Omission::LeadNoCreated)
}

/// Whether lead `i` counts as qualified at all (a qualified date, or qualified = yes).
fn is_qualified(t: &Table, i: usize) -> bool {
    t.dates("qualified_at").and_then(|q| q.get(i)).is_some()
        || t.flags("qualified").and_then(|q| q.get(i).copied().flatten()).unwrap_or(false)
}

/// The registry entry of `qualified_leads`.
pub(super) const QUALIFIED_LEADS: KpiDef = KpiDef {
    id: KpiId::QualifiedLeads,
    name: "Qualified leads",
    unit: Unit::Count,
    direction: Direction::Up,
    group: Group::Leads,
    needs: "leads.qualified_at or leads.qualified",
    datasets: &[DatasetKind::Leads],
    compute: qualified_leads,
    sql: sql::qualified_leads,
    explanation: Explanation {
        what: "How many leads were qualified in the period.",
        formula: "With a qualified_at column: leads whose qualified date is in the period. Without it: leads created in the period marked qualified = yes. Undefined when no lead was created and none was qualified in the period.",
        why: "Reps lose a lot of time on leads that were never qualified. This count tells whether lead generation, usually run with marketing, brings real prospects, and how to spread the qualified queue across reps or whether to hire more.",
        watch: "It depends on the scoring and qualification rules: a change in the rules moves it without any change in demand. With qualified_at a lead counts when it was qualified, which may be after the period it was created in, so do not divide it by leads created.",
    },
};

/// `qualified_leads`: leads qualified in the period (by `qualified_at`), or created in it and
/// marked qualified when the file has only a yes/no column.
pub fn qualified_leads(ctx: &Ctx) -> KpiResult {
    let Some((t, mask)) = ctx.table(DatasetKind::Leads) else { return needs_leads() };
    let created = created_in(ctx, t, mask);
    let p = ctx.period();
    let n = if let Some(q) = t.dates("qualified_at") {
        (0..t.len).filter(|&i| keeps(mask, i) && p.contains_raw(q.days[i])).count()
    } else if let Some(flags) = t.flags("qualified") {
        created.iter().filter(|&&i| flags.get(i).copied().flatten() == Some(true)).count()
    } else {
        return needs("leads", "qualified_at or qualified");
    };
    if n == 0 && created.is_empty() {
        return KpiResult::undefined(Undefined::NoRows(Gap::NoLeadsCreatedOrQualified(p)));
    }
    KpiResult::value(n as f64)
}

/// The registry entry of `lead_to_opportunity`.
pub(super) const LEAD_TO_OPPORTUNITY: KpiDef = KpiDef {
    id: KpiId::LeadToOpportunity,
    name: "Lead to opportunity",
    unit: Unit::Percent,
    direction: Direction::Up,
    group: Group::Leads,
    needs: "leads",
    datasets: &[DatasetKind::Leads],
    compute: lead_to_opportunity,
    sql: sql::lead_to_opportunity,
    explanation: Explanation {
        what: "The share of new leads that became an opportunity.",
        formula: "Leads created in the period that are qualified (a qualified date present, or qualified = yes) or linked to a deal (non-empty deal_id) / leads created in the period. Undefined when no lead was created in the period.",
        why: "Where sales ops helps qualify leads, this ratio measures that work. Far below target it points at lead quality, and is a reason to check whether marketing and sales agree on what a good lead is.",
        watch: "Find the cause before assigning blame: poor leads are easy to pin on marketing, but the sales team may be failing to qualify good ones. Leads from the last days of the period have had little time to qualify.",
    },
};

/// `lead_to_opportunity`: leads created in the period that were qualified or linked to a deal,
/// over leads created in the period.
pub fn lead_to_opportunity(ctx: &Ctx) -> KpiResult {
    let Some((t, mask)) = ctx.table(DatasetKind::Leads) else { return needs_leads() };
    let created = created_in(ctx, t, mask);
    let deal = t.ids("deal_id");
    let became =
        created.iter().filter(|&&i| is_qualified(t, i) || deal.is_some_and(|d| !d.get(i).trim().is_empty())).count();
    KpiResult::ratio(became as f64, created.len() as f64, || none_created(ctx))
}

/// The won deal ids of the workspace (all deals: the lead's own filters decide).
fn won_deal_ids<'a>(ctx: &Ctx<'a>) -> Option<HashSet<&'a str>> {
    let d = ctx.ws.deals.as_ref()?;
    Some((0..d.len()).filter(|&i| d.status[i] == Status::Won).map(|i| d.deal_id.get(i)).collect())
}

/// The registry entry of `lead_conversion_rate`.
pub(super) const LEAD_CONVERSION_RATE: KpiDef = KpiDef {
    id: KpiId::LeadConversionRate,
    name: "Lead conversion rate",
    unit: Unit::Percent,
    direction: Direction::Up,
    group: Group::Leads,
    needs: "leads.deal_id, deals",
    datasets: &[DatasetKind::Leads],
    compute: lead_conversion_rate,
    sql: sql::lead_conversion_rate,
    explanation: Explanation {
        what: "The share of new leads that ended in a won deal.",
        formula: "Leads created in the period whose deal_id names a deal with status won (closed at any date) / leads created in the period. The linked deal is looked up among all deals, ignoring the filters. Undefined when no lead was created in the period.",
        why: "It is one of the simplest checks on the whole process, from lead to closed deal, and so on whether the sales strategy is sound and the team effective: 500 leads a month of which 50 buy is a 10 % rate. It is also the rate that turns a target into leads needed.",
        watch: "A good rate differs a lot by industry and business model, so benchmark against your own history. Recent leads have not had time to close, so the last periods look low until their deals are won.",
    },
};

/// `lead_conversion_rate`: leads created in the period whose deal was won, over leads created.
pub fn lead_conversion_rate(ctx: &Ctx) -> KpiResult {
    let Some((t, mask)) = ctx.table(DatasetKind::Leads) else { return needs_leads() };
    let Some(deal) = t.ids("deal_id") else { return needs("leads", "deal_id") };
    let Some(won) = won_deal_ids(ctx) else { return super::deals::needs_deals() };
    let created = created_in(ctx, t, mask);
    let converted = created.iter().filter(|&&i| won.contains(deal.get(i).trim())).count();
    KpiResult::ratio(converted as f64, created.len() as f64, || none_created(ctx))
}

/// Seconds within which a response counts as "within 5 minutes".
pub const FAST_RESPONSE_SECS: i64 = 300;

/// Whether a response after `minutes` counts as "within 5 minutes": at most
/// [`FAST_RESPONSE_SECS`], the bound included.
pub(crate) fn is_fast_response(minutes: f64) -> bool {
    minutes * 60.0 <= FAST_RESPONSE_SECS as f64
}

/// The leads `lead_response_time` takes: created in the period, passing the filters, with a
/// first contact that is not before their creation. Calls `each(row, minutes from created to
/// first contact)` for each, in row order, and returns how many were left out for being
/// contacted before they were created; `Err` holds the "needs" result when the leads or their
/// timestamps are missing.
pub(crate) fn response_minutes(ctx: &Ctx, each: &mut dyn FnMut(usize, f64)) -> Result<usize, Box<KpiResult>> {
    let Some((t, mask)) = ctx.table(DatasetKind::Leads) else { return Err(Box::new(needs_leads())) };
    let (Some(created), Some(first)) = (t.timestamps("created_at"), t.timestamps("first_contact_at")) else {
        return Err(Box::new(needs("leads", "created_at, first_contact_at (dates with times)")));
    };
    let mut negative = 0usize;
    for i in created_in(ctx, t, mask) {
        let (Some(a), Some(b)) = (created.epoch_seconds(i), first.epoch_seconds(i)) else { continue };
        if b < a {
            negative += 1;
            continue;
        }
        each(i, (b - a) as f64 / 60.0);
    }
    Ok(negative)
}

/// The registry entry of `lead_response_time`.
pub(super) const LEAD_RESPONSE_TIME: KpiDef = KpiDef {
    id: KpiId::LeadResponseTime,
    name: "Lead response time",
    unit: Unit::Minutes,
    direction: Direction::Down,
    group: Group::Leads,
    needs: "leads.first_contact_at",
    datasets: &[DatasetKind::Leads],
    compute: lead_response_time,
    sql: sql::lead_response_time,
    explanation: Explanation {
        what: "How many minutes it takes to first contact a new lead (median).",
        formula: "Minutes from created_at to first_contact_at, on the full timestamps with time zones applied, over leads created in the period that have both; negative gaps are left out and counted. Headline = median; the mean and the share contacted within 5 minutes (300 seconds or less) are beside it, with a table per owner. Undefined when no lead was contacted.",
        why: "Speed is one of the strongest drivers of turning a lead into a deal: contact rates fall off sharply after the first 5 minutes, and the odds of qualifying a lead drop about 21-fold between 5 and 30 minutes. Tracking it also keeps the team aware that fast replies matter.",
        watch: "Look at each rep, not only the company figure: response time is personal and reps fall behind for different reasons, which the per-owner table helps find. Leads never contacted are not in it at all, so compare the contacted count with leads created.",
    },
};

/// The figures kept per code of `column` that `kept` keeps, with the codes' values, in the
/// values' order (rows of a per-owner table).
fn by_name<T>(column: Option<&DictColumn>, per_code: Vec<T>, kept: impl Fn(&T) -> bool) -> Vec<(&str, T)> {
    let mut rows: Vec<(&str, T)> = per_code
        .into_iter()
        .enumerate()
        .filter(|(_, v)| kept(v))
        .filter_map(|(c, v)| Some((column?.value(c as u32)?, v)))
        .collect();
    crate::sort::sort_by(&mut rows, |a, b| a.0.cmp(b.0));
    rows
}

/// `lead_response_time`: median minutes from created to first contact over leads created in
/// the period that were contacted; mean and the share within 5 minutes beside it; per owner.
pub fn lead_response_time(ctx: &Ctx) -> KpiResult {
    let owner = ctx.table(DatasetKind::Leads).and_then(|(t, _)| t.category("owner"));
    let mut all = Vec::new();
    // Per owner code.
    let mut by_owner: Vec<Vec<f64>> = vec![Vec::new(); owner.map_or(0, |o| o.values.len())];
    let negative = match response_minutes(ctx, &mut |i, minutes| {
        all.push(minutes);
        if let Some(v) = owner.and_then(|o| o.codes.get(i)).and_then(|&c| by_owner.get_mut(c as usize)) {
            v.push(minutes);
        }
    }) {
        Ok(negative) => negative,
        Err(needs) => return *needs,
    };
    let fast = |v: &[f64]| v.iter().filter(|&&m| is_fast_response(m)).count() as f64 / v.len() as f64;
    let within = (!all.is_empty()).then(|| fast(&all));
    let avg = mean(&all);
    let mut r = KpiResult::from_option(median(&mut all), || Undefined::NoRows(Gap::NoLeadContacted(ctx.period())))
        .companion("mean", avg)
        .companion_in("within 5 min", Some(Unit::Percent), within);
    let mut table = KpiTable::new(
        "Owner",
        &[
            ("contacted", "Leads contacted", Some(Unit::Count)),
            ("median", "Median", Some(Unit::Minutes)),
            ("mean", "Mean", Some(Unit::Minutes)),
            ("within_5_min", "Within 5 min", Some(Unit::Percent)),
        ],
    );
    for (o, mut v) in by_name(owner, by_owner, |v| !v.is_empty()) {
        let (n, m, f) = (v.len() as f64, mean(&v), fast(&v));
        let med = median(&mut v);
        table.push(o, vec![num(Some(n)), num(med), num(m), num(Some(f))]);
        r = r.row("owner", o, med.unwrap_or(0.0));
    }
    r.with_table(table).left_out(negative, Omission::LeadContactedEarly)
}

/// The registry entry of `touchpoints_to_meeting`.
pub(super) const TOUCHPOINTS_TO_MEETING: KpiDef = KpiDef {
    id: KpiId::TouchpointsToMeeting,
    name: "Touchpoints to first meeting",
    unit: Unit::Count,
    direction: Direction::Down,
    group: Group::Leads,
    needs: "leads, activities",
    datasets: &[DatasetKind::Leads, DatasetKind::Activities],
    compute: touchpoints_to_meeting,
    sql: sql::touchpoints_to_meeting,
    explanation: Explanation {
        what: "The average number of touches it takes to book a first meeting with a lead.",
        formula: "Over leads created in the period: a lead's value is its touchpoints_to_meeting cell when present, else (activities loaded with lead_id) the number of its activities dated strictly before the date of its first meeting-type activity, for leads that have one. Headline = mean. Undefined when no lead has a value.",
        why: "It helps sales and marketing alike: it shows how well the materials move people towards a conversation, and how good reps are at getting the first meeting or call booked.",
        watch: "It matters for B2B and long-cycle products and hardly at all for small, quick sales. If marketing does all the warming up and the rep only books the meeting, the figure measures marketing, not sales. Leads that never got a meeting are not in it.",
    },
};

/// `touchpoints_to_meeting`: mean touchpoints before the first meeting over leads created in
/// the period: the lead's own field, else its activities before its first meeting.
pub fn touchpoints_to_meeting(ctx: &Ctx) -> KpiResult {
    let Some((t, mask)) = ctx.table(DatasetKind::Leads) else { return needs_leads() };
    let field = t.numbers("touchpoints_to_meeting");
    let counted = activity_touchpoints(ctx);
    if field.is_none() && counted.is_none() {
        return needs("leads.touchpoints_to_meeting or activities", "lead_id, type, date");
    }
    let ids = t.ids("lead_id");
    let mut values = Vec::new();
    for i in created_in(ctx, t, mask) {
        let own = field.and_then(|f| f.get(i));
        let from_activities = || counted.as_ref().and_then(|c| ids.and_then(|ids| c.get(ids.get(i).trim()).copied()));
        if let Some(v) = own.or_else(from_activities) {
            values.push(v);
        }
    }
    KpiResult::from_option(mean(&values), || Undefined::NoRows(Gap::NoLeadTouchpoints(ctx.period())))
}

/// Per lead id: the number of its activities dated before its first meeting, for leads that
/// had a meeting. `None` without activities that name leads.
fn activity_touchpoints<'a>(ctx: &Ctx<'a>) -> Option<HashMap<&'a str, f64>> {
    let t = ctx.ws.table(DatasetKind::Activities)?;
    let (lead, kind, date) = (t.ids("lead_id")?, t.category("type")?, t.dates("date")?);
    let meeting: Vec<bool> = kind.values.iter().map(|v| activity_class(v) == ActivityClass::Meeting).collect();
    let mut first_meeting: HashMap<&str, i32> = HashMap::new();
    for i in 0..t.len {
        let (l, d) = (lead.get(i).trim(), date.days[i]);
        if l.is_empty() || d == crate::column::NO_DAY {
            continue;
        }
        if kind.codes.get(i).is_some_and(|&c| meeting.get(c as usize).copied().unwrap_or(false)) {
            let e = first_meeting.entry(l).or_insert(d);
            *e = (*e).min(d);
        }
    }
    let mut before: HashMap<&str, f64> = first_meeting.keys().map(|&l| (l, 0.0)).collect();
    for i in 0..t.len {
        let (l, d) = (lead.get(i).trim(), date.days[i]);
        if let (Some(&m), Some(n)) = (first_meeting.get(l), before.get_mut(l)) {
            if d != crate::column::NO_DAY && d < m {
                *n += 1.0;
            }
        }
    }
    Some(before)
}

/// The activities `activity_volume` counts: dated in the period and passing the filters. Calls
/// `each(row, date, class)` for each, in row order (the type read by [`activity_class`]; no type
/// is "other"), and returns how many activities passing the filters have no date; `Err` holds
/// the "needs" result when the activities or their dates are missing.
pub(crate) fn counted_activities(
    ctx: &Ctx,
    each: &mut dyn FnMut(usize, Day, ActivityClass),
) -> Result<usize, Box<KpiResult>> {
    let Some((t, mask)) = ctx.table(DatasetKind::Activities) else {
        return Err(Box::new(needs("activities", "owner, type, date")));
    };
    let Some(date) = t.dates("date") else { return Err(Box::new(needs("activities", "date"))) };
    let p = ctx.period();
    let kind = t.category("type");
    let classes: Vec<ActivityClass> = kind.map_or(Vec::new(), |k| k.values.iter().map(|v| activity_class(v)).collect());
    let class_of = |i: usize| {
        kind.and_then(|k| k.codes.get(i))
            .and_then(|&c| classes.get(c as usize).copied())
            .unwrap_or(ActivityClass::Other)
    };
    let missing = (0..t.len).filter(|&i| keeps(mask, i) && date.days[i] == crate::column::NO_DAY).count();
    for i in (0..t.len).filter(|&i| keeps(mask, i) && p.contains_raw(date.days[i])) {
        each(i, Day(date.days[i]), class_of(i));
    }
    Ok(missing)
}

/// The registry entry of `activity_volume`.
pub(super) const ACTIVITY_VOLUME: KpiDef = KpiDef {
    id: KpiId::ActivityVolume,
    name: "Activity volume",
    unit: Unit::Count,
    direction: Direction::Up,
    group: Group::Leads,
    needs: "activities",
    datasets: &[DatasetKind::Activities],
    compute: activity_volume,
    sql: sql::activity_volume,
    explanation: Explanation {
        what: "How many sales activities (calls, emails, meetings, demos) were logged in the period.",
        formula: "Count of activities dated in the period, per type class, per owner and per week. The type is classed in this order: containing \"meet\", \"termin\", \"spotkanie\" or \"会议\" → meeting; \"demo\", \"präsentation\", \"prezentacja\" or \"演示\" → demo; \"call\", \"phone\", \"anruf\", \"telefon\" or \"电话\" → call; \"mail\" or \"邮件\" → email; else other. Undefined when the count is 0.",
        why: "It lets managers follow productivity day to day and see how well the team works the sales process, down to a single rep when needed. Decide which activities matter most in your process and watch those.",
        watch: "Activity is effort, not outcome: more calls do not mean more wins, so read it with conversion. It only counts what is logged; auto-logged emails inflate it and reps who log little look idle.",
    },
};

/// `activity_volume`: activities dated in the period, per type and per owner.
pub fn activity_volume(ctx: &Ctx) -> KpiResult {
    let p = ctx.period();
    let owner = ctx.table(DatasetKind::Activities).and_then(|(t, _)| t.category("owner"));
    let mut per_class = [0usize; 5];
    // Per owner code.
    let mut per_owner = vec![[0usize; 5]; owner.map_or(0, |o| o.values.len())];
    let mut total = 0usize;
    let missing = match counted_activities(ctx, &mut |i, _, class| {
        let c = class as usize;
        per_class[c] += 1;
        total += 1;
        if let Some(counts) = owner.and_then(|o| o.codes.get(i)).and_then(|&o| per_owner.get_mut(o as usize)) {
            counts[c] += 1;
        }
    }) {
        Ok(missing) => missing,
        Err(needs) => return *needs,
    };
    let mut r = if total == 0 {
        KpiResult::undefined(Undefined::NoRows(Gap::NoActivities(p)))
    } else {
        KpiResult::value(total as f64)
    };
    for c in ActivityClass::ALL {
        r = r.row("type", c.name(), per_class[c as usize] as f64);
    }
    let mut cols: Vec<(&str, &str, Option<Unit>)> =
        ActivityClass::ALL.iter().map(|c| (c.name(), c.name(), Some(Unit::Count))).collect();
    cols.push(("total", "total", Some(Unit::Count)));
    let mut table = KpiTable::new("Owner", &cols);
    for (o, counts) in by_name(owner, per_owner, |c| c.iter().any(|&n| n > 0)) {
        let mut cells: Vec<_> = counts.iter().map(|&n| num(Some(n as f64))).collect();
        cells.push(num(Some(counts.iter().sum::<usize>() as f64)));
        table.push(o, cells);
    }
    r.with_table(table).left_out(missing, Omission::ActivityNoDate)
}
