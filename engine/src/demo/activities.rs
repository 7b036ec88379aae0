//! The demo company's activities: the calls and emails that work a lead up to its first
//! meeting (drawn with the leads, see `leads.rs`), and the calls, emails, meetings, demos and
//! other tasks on every deal while it is open — more the longer it runs — with a closing
//! meeting on the day a deal is won. Everything happens in the owner's office hours, mostly
//! on weekdays, and nothing after the last day of the data.

use super::clock::{self, office_time, work_day};
use super::facts::DealFact;
use super::{Rng, REPS};
use crate::column::{DictColumn, TextColumn};
use crate::day::Day;
use crate::deals_table::DealsTable;
use crate::ingest::DatasetKind;
use crate::table::{Column, Table, TimestampColumn};

/// Activity types, in the order of KPI_SPEC.md.
pub(super) const ACTIVITY_TYPES: [&str; 5] = ["call", "email", "meeting", "demo", "other"];
/// Index of "meeting".
pub(super) const MEETING: usize = 2;

/// The mix of activity types while a deal is open.
const DEAL_MIX: [f64; 5] = [0.30, 0.38, 0.14, 0.10, 0.08];
/// Activities on a deal: this many, plus one per [`DAYS_PER_ACTIVITY`] days it is open.
const BASE_ACTIVITIES: f64 = 0.8;
/// See [`BASE_ACTIVITIES`].
const DAYS_PER_ACTIVITY: f64 = 7.0;
/// No deal gets more activities than this.
const MAX_DEAL_ACTIVITIES: u32 = 30;

/// One activity.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Activity {
    /// When it happened (seconds since 1970, UTC).
    pub ts: i64,
    /// Index of the rep.
    pub rep: usize,
    /// Index into [`ACTIVITY_TYPES`].
    pub kind: usize,
    /// Index of the lead it worked (in the final lead order), if any.
    pub lead: Option<usize>,
    /// Row of the deal it worked, if any.
    pub deal: Option<usize>,
}

/// The activities on the deals of `facts` up to `last` (the last day of the data).
pub(super) fn on_deals(rng: &mut Rng, facts: &[DealFact], last: Day) -> Vec<Activity> {
    let mut out = Vec::with_capacity(facts.len() * 8);
    for f in facts {
        let until = f.close.unwrap_or(last).min(last);
        let open_days = (until.0 - f.created.0).max(0) as f64;
        let n = rng.poisson(BASE_ACTIVITIES + open_days / DAYS_PER_ACTIVITY).min(MAX_DEAL_ACTIVITIES);
        for _ in 0..n {
            let kind = rng.weighted(&DEAL_MIX);
            let day = work_day(rng, f.created, until);
            out.push(deal_activity(rng, f, kind, day));
        }
        if f.won() && f.close.is_some_and(|c| c <= last) {
            out.push(deal_activity(rng, f, MEETING, until));
        }
    }
    out
}

/// An activity of `kind` by the deal's owner on `day`, in office hours.
fn deal_activity(rng: &mut Rng, f: &DealFact, kind: usize, day: Day) -> Activity {
    Activity { ts: office_time(rng, day, REPS[f.rep].region), rep: f.rep, kind, lead: None, deal: Some(f.row) }
}

/// The activities table (`activity_id, owner, type, date, lead_id, deal_id`), ordered by time
/// and numbered in that order.
pub(super) fn table(mut acts: Vec<Activity>, deals: &DealsTable) -> Table {
    crate::sort::sort_by_key(&mut acts, |a| a.ts); // stable: ties keep the order they were drawn in
    let (mut id, mut owner, mut kind) = (TextColumn::default(), DictColumn::default(), DictColumn::default());
    let (mut date, mut lead, mut deal) = (TimestampColumn::default(), TextColumn::default(), TextColumn::default());
    for name in ACTIVITY_TYPES {
        kind.intern(name);
    }
    for (i, a) in acts.iter().enumerate() {
        id.push(&format!("A-{:06}", i + 1));
        owner.push(Some(REPS[a.rep].name));
        kind.push(Some(ACTIVITY_TYPES[a.kind]));
        clock::push_stamp(&mut date, Some(a.ts));
        lead.push(&a.lead.map(super::lead_id).unwrap_or_default());
        deal.push(a.deal.map_or("", |row| deals.deal_id.get(row)));
    }
    Table {
        kind: DatasetKind::Activities,
        len: acts.len(),
        columns: vec![
            ("activity_id", Column::Id(id)),
            ("owner", Column::Category(owner)),
            ("type", Column::Category(kind)),
            ("date", Column::Timestamp(date)),
            ("lead_id", Column::Id(lead)),
            ("deal_id", Column::Id(deal)),
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_mix_covers_every_type() {
        assert_eq!(DEAL_MIX.len(), ACTIVITY_TYPES.len());
        assert_eq!(ACTIVITY_TYPES[MEETING], "meeting");
    }
}
