//! The whole demo company: its deals and the six datasets around them, drawn from one seed.
//!
//! A software company selling five products through twelve reps in three teams (Enterprise,
//! Mid-Market, SMB) and three regions, November 2023 to October 2026. New business starts as
//! leads that the reps answer, work and meet; won new deals become subscription customers
//! (MRR = a twelfth of the deal) who churn a few per cent a month and buy upsells and
//! renewals; marketing and sales spend follows the new MRR the company wins; reps have
//! monthly quotas (a year past the data) and forecasts. Every dataset draws from a random
//! stream of its own, so the deals are exactly those of [`super::demo_deals`].

use super::facts::{deal_facts, part, stream};
use super::{accounts, activities, customers, demo_deals, demo_range, leads, plans, spend};
use crate::workspace::Workspace;

/// The demo company for `seed` with all seven datasets: the deals of
/// [`demo_deals`] with an `account` and a `lost_stage` column added, and
/// leads, activities, customers, spend, quotas and forecasts that agree with them, plus the
/// earlier export ([`super::demo_snapshot`]) and stage history ([`super::demo_history`]) of
/// the same deals. The same seed always gives the same workspace.
///
/// ```
/// use pipelens_engine::{demo, ingest::DatasetKind};
/// let ws = demo::demo_workspace(demo::DEMO_SEED);
/// assert_eq!(ws.tables.len(), 6);
/// assert!(ws.rows(DatasetKind::Leads).unwrap() > ws.rows(DatasetKind::Deals).unwrap());
/// ```
pub fn demo_workspace(seed: u64) -> Workspace {
    let (start, end) = demo_range();
    let mut deals = demo_deals(seed);
    let facts = deal_facts(&deals);
    let customers = customers::simulate(&mut stream(seed, part::CUSTOMERS), &facts, end);
    deals.account = Some(accounts::assign(&mut stream(seed, part::ACCOUNTS), &facts, &customers, start));
    deals.lost_stage = Some(accounts::lost_stages(&mut stream(seed, part::LOST_STAGES), &facts));

    let (leads, mut acts) = leads::simulate(&mut stream(seed, part::LEADS), &facts, start, end);
    acts.extend(activities::on_deals(&mut stream(seed, part::ACTIVITIES), &facts, end));
    let tables = [
        leads::table(&leads, &deals),
        activities::table(acts, &deals),
        customers::table(&customers),
        spend::table(&mut stream(seed, part::SPEND), &customers, start, end),
        plans::quotas(&mut stream(seed, part::QUOTAS), &facts, start, end),
        plans::forecasts(&mut stream(seed, part::FORECASTS), &facts, start, end),
    ];
    let tables = crate::sort::map_of(tables.into_iter().map(|t| (t.kind, t)));
    // The earlier export and the stage history of the same deals: the Pipeline change page is
    // alive on first visit.
    let (earlier, history) = (super::demo_snapshot(seed), super::demo_history(seed));
    Workspace { deals: Some(deals), tables, earlier: Some(earlier), history: Some(history), ..Workspace::default() }
}
