//! The demo company's leads and the touches that work them.
//!
//! Every "new" deal began as a lead of the same owner and source, created about a week before
//! the deal (log-normal, median five days): the rep answered it, called and emailed two to
//! eight times in all, and held a first meeting on the day the deal was opened, when the lead
//! was qualified. Around them arrive about twice as many leads that never become deals, more
//! from inbound, outbound and events than from referrals; a few are qualified after a meeting
//! but go no further, most get a call or an email or four, and some are never contacted.
//!
//! Reps answer part of their leads within minutes (speed-to-lead) and the rest after hours or
//! days (log-normal, median a few hours); each rep has a share and a pace of their own. A lead
//! whose answer would come after the last day of the data is still waiting.

use super::activities::{Activity, MEETING};
use super::clock::{self, any_time, day_of, day_start, office_time, office_time_after, work_day, DAY_SECS};
use super::facts::{DealFact, NEW};
use super::{lead_id, Rng, MONTH_FACTOR, REPS, SOURCES};
use crate::column::{DictColumn, TextColumn};
use crate::day::Day;
use crate::deals_table::DealsTable;
use crate::ingest::DatasetKind;
use crate::table::{Column, Table, TimestampColumn};

/// Per rep: the share of leads answered within minutes, and the median answer time of the
/// others in minutes.
const RESPONSE: [(f64, f64); 12] = [
    (0.35, 180.0),
    (0.25, 240.0),
    (0.20, 300.0),
    (0.30, 200.0),
    (0.45, 150.0),
    (0.15, 360.0),
    (0.30, 210.0),
    (0.25, 240.0),
    (0.40, 180.0),
    (0.35, 200.0),
    (0.30, 220.0),
    (0.20, 280.0),
];
/// Median seconds of a quick answer.
const QUICK_MEDIAN_SECS: f64 = 100.0;
/// Spread (log-normal sigma) of the slow answers.
const SLOW_SIGMA: f64 = 1.3;
/// No lead waits longer than this for an answer.
const MAX_RESPONSE_SECS: f64 = 10.0 * DAY_SECS as f64;

/// Median days from a lead to the deal it becomes.
const LEAD_TO_DEAL_MEDIAN_DAYS: f64 = 5.0;
/// Leads that never become deals, per day, on weekdays and weekends (before seasonality and
/// growth).
const STRAY_PER_DAY: [f64; 2] = [6.9, 1.2];
/// How many leads that go nowhere each source brings per deal-making lead.
const STRAY_PER_SOURCE: [f64; 5] = [2.6, 2.2, 0.6, 1.2, 2.5];
/// Share of leads that go nowhere and are never contacted.
const NEVER_CONTACTED: f64 = 0.08;
/// Share of the contacted leads that go nowhere yet are qualified after a meeting.
const QUALIFIED_NO_DEAL: f64 = 0.065;
/// The mix of activity types that work a lead before its first meeting.
const TOUCH_MIX: [f64; 5] = [0.55, 0.40, 0.0, 0.0, 0.05];

/// One lead.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Lead {
    /// When it came in (seconds since 1970, UTC).
    pub created: i64,
    /// Index of its owner.
    pub rep: usize,
    /// Index of its source.
    pub source: usize,
    /// When the owner first answered it, if they have.
    pub contact: Option<i64>,
    /// When it was qualified, if it was.
    pub qualified: Option<i64>,
    /// Row of the deal it became, if any.
    pub deal: Option<usize>,
}

/// Leads and the activities on them, as they are drawn.
#[derive(Default)]
struct Drafts {
    leads: Vec<Lead>,
    touches: Vec<Activity>,
}

impl Drafts {
    /// Adds a lead and returns its index.
    fn add(&mut self, lead: Lead) -> usize {
        self.leads.push(lead);
        self.leads.len() - 1
    }

    /// Adds an activity on lead `lead` (and deal `deal`).
    fn touch(&mut self, ts: i64, lead: usize, kind: usize, deal: Option<usize>) {
        let rep = self.leads[lead].rep;
        self.touches.push(Activity { ts, rep, kind, lead: Some(lead), deal });
    }
}

/// The leads from `start` to `end` behind the deals of `facts` and around them, ordered by
/// their created time, with the activities on them (whose `lead` is an index into the leads).
pub(super) fn simulate(rng: &mut Rng, facts: &[DealFact], start: Day, end: Day) -> (Vec<Lead>, Vec<Activity>) {
    let mut drafts = Drafts::default();
    for f in facts.iter().filter(|f| f.kind == NEW) {
        deal_lead(rng, f, start, &mut drafts);
    }
    stray_leads(rng, start, end, &mut drafts);
    in_created_order(drafts)
}

/// How long a rep takes to answer a lead, in seconds.
fn response_secs(rng: &mut Rng, rep: usize) -> i64 {
    let (quick_share, slow_median_min) = RESPONSE[rep];
    let secs = if rng.chance(quick_share) {
        rng.log_normal(QUICK_MEDIAN_SECS, 0.6).max(20.0)
    } else {
        rng.log_normal(slow_median_min * 60.0, SLOW_SIGMA)
    };
    secs.min(MAX_RESPONSE_SECS).round() as i64
}

/// The lead a "new" deal came from: created some days before the deal, answered, worked with
/// two to eight touches, and qualified at a first meeting on the deal's created date.
fn deal_lead(rng: &mut Rng, f: &DealFact, start: Day, drafts: &mut Drafts) {
    let (region, deal_day) = (f.region(), f.created);
    let resp = response_secs(rng, f.rep);
    let time_of_day = any_time(rng, Day(0), region);
    // The answer must come before the meeting day; nothing starts before the data does.
    let needed = ((time_of_day + resp) / DAY_SECS + 1) as i32;
    let drawn = rng.log_normal(LEAD_TO_DEAL_MEDIAN_DAYS, 0.7).round() as i32;
    let lag = drawn.max(needed).min(deal_day.0 - start.0).max(0);
    let created = day_start(Day(deal_day.0 - lag)) + time_of_day;
    let meeting_day_start = day_start(deal_day);
    let mut contact = created + resp;
    if contact >= meeting_day_start {
        contact = if created < meeting_day_start {
            created + ((meeting_day_start - created) as f64 * rng.unit()) as i64
        } else {
            created + resp.min(1800)
        };
    }
    let meeting = office_time(rng, deal_day, region).max(contact + 1800);
    let lead = drafts.add(Lead {
        created,
        rep: f.rep,
        source: f.source,
        contact: Some(contact),
        qualified: Some(meeting),
        deal: Some(f.row),
    });
    let extra = rng.poisson(0.6 + lag as f64 / 5.0).min(6) as usize;
    drafts.touch(contact, lead, touch_kind(rng), None);
    for _ in 0..1 + extra {
        let t = office_time_after(rng, contact, day_of(contact), Day(deal_day.0 - 1), region);
        let t = t.min(meeting_day_start - 60).max(contact + 60);
        drafts.touch(t, lead, touch_kind(rng), None);
    }
    drafts.touch(meeting, lead, MEETING, Some(f.row));
}

/// A call, email or other touch.
fn touch_kind(rng: &mut Rng) -> usize {
    rng.weighted(&TOUCH_MIX)
}

/// The leads that never become deals, day by day with the deals' weekly, seasonal and growth
/// pattern.
fn stray_leads(rng: &mut Rng, start: Day, end: Day, drafts: &mut Drafts) {
    let sources: Vec<f64> = SOURCES.iter().zip(STRAY_PER_SOURCE).map(|(s, k)| s.1 * k).collect();
    for day in start.0..=end.0 {
        let date = Day(day);
        let month = date.ymd().1 as usize;
        let years_in = (day - start.0) as f64 / 365.25;
        let base = STRAY_PER_DAY[usize::from(clock::weekday(date) >= 5)];
        let lambda = base * MONTH_FACTOR[month - 1] * (1.0 + 0.18 * years_in);
        for _ in 0..rng.poisson(lambda) {
            let rep = rng.below(REPS.len());
            let source = rng.weighted(&sources);
            stray_lead(rng, date, rep, source, end, drafts);
        }
    }
}

/// One lead that goes nowhere: never answered, or answered and touched a few times, or (a
/// few) qualified at a meeting and then dropped. Nothing is dated after `end`.
fn stray_lead(rng: &mut Rng, day: Day, rep: usize, source: usize, end: Day, drafts: &mut Drafts) {
    let region = REPS[rep].region;
    let created = any_time(rng, day, region);
    let contact =
        Some(created + response_secs(rng, rep)).filter(|&c| !rng.chance(NEVER_CONTACTED) && c <= clock::day_end(end));
    let lead = drafts.add(Lead { created, rep, source, contact, qualified: None, deal: None });
    let Some(contact) = contact else { return };
    drafts.touch(contact, lead, touch_kind(rng), None);
    let first = day_of(contact);
    if rng.chance(QUALIFIED_NO_DEAL) {
        let extra = 1 + rng.poisson(1.5).min(6);
        let mut latest = contact;
        for _ in 0..extra {
            let t = office_time_after(rng, contact, first, Day(first.0 + 14), region);
            if day_of(t) <= end {
                drafts.touch(t, lead, touch_kind(rng), None);
                latest = latest.max(t);
            }
        }
        let after = Day(day_of(latest).0 + 1);
        let meeting_day = work_day(rng, after, Day(after.0 + 4));
        if meeting_day <= end {
            let meeting = office_time(rng, meeting_day, region);
            drafts.touch(meeting, lead, MEETING, None);
            drafts.leads[lead].qualified = Some(meeting);
        }
    } else {
        for _ in 0..rng.poisson(0.8).min(3) {
            let t = office_time_after(rng, contact, Day(first.0 + 1), Day(first.0 + 21), region);
            if day_of(t) <= end {
                drafts.touch(t, lead, touch_kind(rng), None);
            }
        }
    }
}

/// The leads sorted by created time (ties in the order drawn), with the activities' lead
/// indices moved along.
fn in_created_order(drafts: Drafts) -> (Vec<Lead>, Vec<Activity>) {
    let Drafts { leads, mut touches } = drafts;
    let mut order: Vec<usize> = (0..leads.len()).collect();
    crate::sort::sort_by_key(&mut order, |&i| (leads[i].created, i));
    let mut rank = vec![0usize; leads.len()];
    for (new, &old) in order.iter().enumerate() {
        rank[old] = new;
    }
    for a in &mut touches {
        a.lead = a.lead.map(|old| rank[old]);
    }
    (order.iter().map(|&i| leads[i]).collect(), touches)
}

/// The leads table: `lead_id, created_at, source, owner, first_contact_at, qualified_at,
/// deal_id`. It has no `touchpoints_to_meeting`: that KPI is counted from the activities.
pub(super) fn table(leads: &[Lead], deals: &DealsTable) -> Table {
    let (mut id, mut created, mut source) = (TextColumn::default(), TimestampColumn::default(), DictColumn::default());
    let (mut owner, mut contact, mut qualified) =
        (DictColumn::default(), TimestampColumn::default(), TimestampColumn::default());
    let mut deal = TextColumn::default();
    SOURCES.iter().for_each(|s| _ = source.intern(s.0));
    REPS.iter().for_each(|r| _ = owner.intern(r.name));
    for (i, l) in leads.iter().enumerate() {
        id.push(&lead_id(i));
        clock::push_stamp(&mut created, Some(l.created));
        source.push(Some(SOURCES[l.source].0));
        owner.push(Some(REPS[l.rep].name));
        clock::push_stamp(&mut contact, l.contact);
        clock::push_stamp(&mut qualified, l.qualified);
        deal.push(l.deal.map_or("", |row| deals.deal_id.get(row)));
    }
    Table {
        kind: DatasetKind::Leads,
        len: leads.len(),
        columns: vec![
            ("lead_id", Column::Id(id)),
            ("created_at", Column::Timestamp(created)),
            ("source", Column::Category(source)),
            ("owner", Column::Category(owner)),
            ("first_contact_at", Column::Timestamp(contact)),
            ("qualified_at", Column::Timestamp(qualified)),
            ("deal_id", Column::Id(deal)),
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::super::activities::ACTIVITY_TYPES;
    use super::*;

    #[test]
    fn touch_mix_is_calls_emails_and_other() {
        assert_eq!(TOUCH_MIX.len(), ACTIVITY_TYPES.len());
        assert_eq!(TOUCH_MIX[MEETING], 0.0);
    }
}
