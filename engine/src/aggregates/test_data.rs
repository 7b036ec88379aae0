//! The workspaces and scopes the aggregates' tests compare over.

use crate::deals_table::Dim;
use crate::demo::{demo_workspace, DEMO_SEED};
use crate::kpi::Comparison;
use crate::workspace::{Scope, Workspace};

/// The demo's data, and its deals alone with every third deal of half the reps in another
/// team (reps who work in more than one team).
pub(super) fn workspaces() -> [Workspace; 2] {
    let demo = demo_workspace(DEMO_SEED);
    let mut deals = demo.deals.clone().expect("demo deals");
    let owners = deals.dim(Dim::Owner).expect("owners").codes.clone();
    let team_at = Dim::ALL.iter().position(|&x| x == Dim::Team).expect("a team dimension");
    let teams = deals.dims[team_at].as_mut().expect("teams");
    let n = teams.values.len() as u32;
    for (k, i) in (0..owners.len()).filter(|&i| owners[i].is_multiple_of(2)).enumerate().filter(|(k, _)| k % 3 == 0) {
        teams.codes[i] = (teams.codes[i] + 1 + k as u32 % 2) % n;
    }
    [demo, Workspace::with_deals(deals)]
}

/// `ws`'s default scope, its previous period, a filter on each of the first `per_dim` values of
/// the regions, the owners and the teams, and each currency.
pub(super) fn scopes(ws: &Workspace, per_dim: usize) -> Vec<Scope> {
    let base = ws.default_scope().expect("a scope");
    let d = ws.deals.as_ref().expect("deals");
    let mut scopes = vec![base.clone(), Scope { period: Comparison::Previous.period(base.period), ..base.clone() }];
    for dim in [Dim::Region, Dim::Owner, Dim::Team] {
        let values: Vec<String> = d.dim(dim).expect("a column").used_values().take(per_dim).cloned().collect();
        scopes.extend(values.iter().map(|v| Scope { filters: base.filters.with(dim, v), ..base.clone() }));
    }
    let currencies = d.currency.as_ref().map_or(0, |c| c.values.len()) as u32;
    scopes.extend((0..currencies).map(|c| Scope { currency: Some(c), ..base.clone() }));
    scopes
}
