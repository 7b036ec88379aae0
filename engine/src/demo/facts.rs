//! What the demo's other datasets read from its deals: one [`DealFact`] per deal, decoded
//! once from the deals table, and the independent random streams each dataset draws from.

use super::{Rng, REPS, SOURCES, TYPES};
use crate::column::DictColumn;
use crate::day::Day;
use crate::deals_table::{DealsTable, Dim};
use crate::stage::Status;

/// Index of the deal type "new" in the demo's deal types.
pub(super) const NEW: usize = 0;
/// Index of the deal type "renewal".
pub(super) const RENEWAL: usize = 2;

/// One demo deal as the other datasets see it.
#[derive(Clone, Copy, Debug)]
pub(super) struct DealFact {
    /// Row in the deals table.
    pub row: usize,
    /// Index of its owner among the reps.
    pub rep: usize,
    /// Index of its lead source.
    pub source: usize,
    /// Index of its deal type ([`NEW`], upsell, [`RENEWAL`]).
    pub kind: usize,
    /// Its amount.
    pub amount: f64,
    /// Its created date.
    pub created: Day,
    /// Its close date (none while open).
    pub close: Option<Day>,
    /// Open, won or lost.
    pub status: Status,
}

impl DealFact {
    /// The owner's team (0 Enterprise, 1 Mid-Market, 2 SMB).
    pub fn team(&self) -> usize {
        REPS[self.rep].team
    }

    /// The owner's region.
    pub fn region(&self) -> usize {
        REPS[self.rep].region
    }

    /// Whether the deal was won.
    pub fn won(&self) -> bool {
        self.status == Status::Won
    }
}

/// The facts of every deal of a demo deals table, in row order.
pub(super) fn deal_facts(t: &DealsTable) -> Vec<DealFact> {
    let rep = codes_to_index(t.dim(Dim::Owner), &REPS.map(|r| r.name));
    let source = codes_to_index(t.dim(Dim::LeadSource), &SOURCES.map(|s| s.0));
    let kind = codes_to_index(t.dim(Dim::DealType), &TYPES.map(|k| k.0));
    (0..t.len())
        .map(|row| DealFact {
            row,
            rep: rep(row),
            source: source(row),
            kind: kind(row),
            amount: t.amount.get(row).unwrap_or(0.0),
            created: t.created.get(row).unwrap_or(Day(0)),
            // An open deal's close date is its expected close, a plan: not a fact of its path.
            close: t.close.get(row).filter(|_| t.status[row].is_closed()),
            status: t.status[row],
        })
        .collect()
}

/// For a segment column, a lookup from row to the index of its value in `names` (0 when the
/// value is missing or unknown, which the demo never produces).
fn codes_to_index<'a>(col: Option<&'a DictColumn>, names: &[&str]) -> impl Fn(usize) -> usize + 'a {
    let by_code: Vec<usize> = col
        .map(|c| c.values.iter().map(|v| names.iter().position(|n| n == v).unwrap_or(0)).collect())
        .unwrap_or_default();
    move |row| col.and_then(|c| c.codes.get(row)).and_then(|&code| by_code.get(code as usize)).copied().unwrap_or(0)
}

/// The random stream of one part of the company (accounts, leads, ...): seeded from the demo
/// seed and a constant of that part, so adding or changing one part never shifts the draws of
/// another, least of all the deals'.
pub(super) fn stream(seed: u64, part: u64) -> Rng {
    Rng::new(Rng::new(seed ^ part).next_u64())
}

/// Stream constants, one per part.
pub(super) mod part {
    /// Account names and which customer an upsell or renewal belongs to.
    pub const ACCOUNTS: u64 = 0xA11C_0C0A_7E57_0001;
    /// The stage a lost deal was lost in.
    pub const LOST_STAGES: u64 = 0x1057_57A6_E500_0002;
    /// Customer lifetimes.
    pub const CUSTOMERS: u64 = 0xC057_0BE5_0000_0003;
    /// Leads and their touches.
    pub const LEADS: u64 = 0x1EAD_5EED_0000_0004;
    /// Activities on deals.
    pub const ACTIVITIES: u64 = 0xAC71_F171_E500_0005;
    /// Marketing and sales spend.
    pub const SPEND: u64 = 0x5BE4_D000_0000_0006;
    /// Quota planning errors.
    pub const QUOTAS: u64 = 0x9007_A5E7_0000_0008;
    /// Forecast errors.
    pub const FORECASTS: u64 = 0xF04E_CA57_0000_0007;
    /// The stage history of the deals.
    pub const HISTORY: u64 = 0x4157_0E1E_5000_0009;
    /// Which open deals the earlier export misses.
    pub const SNAPSHOT: u64 = 0x5A45_5407_0000_000A;
    /// The expected close dates of the deals still open.
    pub const EXPECTED_CLOSES: u64 = 0xE4EC_7ED0_C105_000B;
    /// How the expected closes of deals open in the earlier export have moved since.
    pub const SLIPS: u64 = 0x5119_5000_0000_000C;
}
