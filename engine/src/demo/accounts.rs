//! The demo company's accounts, and where its lost deals were lost.
//!
//! Every "new" deal is pitched to a company of its own, named from seeded word lists with a
//! legal suffix of the owner's region ("Northwind Logistics GmbH", "Bluepeak Robotics Inc.").
//! Upsells and renewals go to existing customers active on the deal's created date, of the
//! same segment: those won in the data and those the company already had before it (who are
//! not in the customers table). Renewals go to customers of ten months or more not renewed in
//! as long, where there is one; accounts with fewer repeat deals so far are likelier picks.
//!
//! Lost deals were lost in one of the four open stages, early ones more often; a deal that
//! dragged on past its usual cycle tends to have got further.

use super::customers::{self, Customer};
use super::facts::{DealFact, NEW, RENEWAL};
use super::{Rng, OPEN_STAGES, TEAM_CYCLE, TYPES};
use crate::column::DictColumn;
use crate::day::Day;
use crate::stage::Status;

#[rustfmt::skip]
const NAME_HEADS: [&str; 90] = [
    "Northwind", "Bluepeak", "Crestline", "Ironbridge", "Silverleaf", "Redwood", "Brightwater", "Stonegate",
    "Clearview", "Harborline", "Evergreen", "Summit", "Oakridge", "Riverside", "Goldfield", "Lakeshore", "Westbrook",
    "Eastgate", "Highland", "Pinecrest", "Suncoast", "Maplewood", "Granite", "Falcon", "Aurora", "Zenith", "Vertex",
    "Horizon", "Meridian", "Polaris", "Atlas", "Orion", "Nimbus", "Cobalt", "Vantage", "Keystone", "Beacon",
    "Sterling", "Pioneer", "Landmark", "Frontier", "Cascade", "Quantum", "Helix", "Nova", "Apex", "Crescent",
    "Juniper", "Willow", "Cedar", "Aspen", "Birch", "Copper", "Emerald", "Sapphire", "Onyx", "Ivory", "Amber",
    "Coral", "Indigo", "Scarlet", "Saffron", "Bright", "Swift", "Bold", "True", "Prime", "Fusion", "Signal", "Lumen",
    "Kinetic", "Tandem", "Harbor", "Anchor", "Compass", "Lighthouse", "Riverbend", "Foxglove", "Kestrel", "Osprey",
    "Heron", "Lynx", "Otter", "Bison", "Mosaic", "Prism", "Quill", "Rune", "Tessera", "Vela",
];

#[rustfmt::skip]
const NAME_TAILS: [&str; 60] = [
    "Logistics", "Analytics", "Foods", "Energy", "Health", "Systems", "Robotics", "Retail", "Capital", "Labs",
    "Media", "Motors", "Pharma", "Textiles", "Insurance", "Foods Group", "Software", "Networks", "Airlines",
    "Shipping", "Construction", "Dental", "Clinics", "Hotels", "Brewing", "Farms", "Mining", "Metals", "Plastics",
    "Chemicals", "Furniture", "Apparel", "Outdoor", "Sports", "Travel", "Learning", "Academy", "Consulting",
    "Partners", "Legal", "Finance", "Payments", "Security", "Cloud", "Data", "Devices", "Instruments", "Optics",
    "Packaging", "Printing", "Studios", "Games", "Mobility", "Solar", "Water", "Bakeries", "Markets", "Properties",
    "Marine", "Aerospace",
];

/// Legal suffixes per region (indexed like the demo's regions).
const SUFFIXES: [&[&str]; 3] = [
    &["GmbH", "Ltd", "AG", "B.V.", "S.A.", "SE", "Sp. z o.o.", "AB", "Oy", "S.r.l."],
    &["Inc.", "LLC", "Corp.", "Co.", "Inc."],
    &["Pte Ltd", "Pty Ltd", "K.K.", "Ltd", "Co., Ltd"],
];

/// Customers per segment that the company had before the data begins.
const LEGACY_PER_TEAM: usize = 50;
/// A renewal goes to a customer of at least this many days, not renewed within as many, where
/// one exists.
const RENEWAL_TENURE_DAYS: i32 = 300;

/// Company names drawn without repetition from the word lists.
struct NamePool {
    order: Vec<u32>,
    next: usize,
}

impl NamePool {
    fn new(rng: &mut Rng) -> NamePool {
        let mut order: Vec<u32> = (0..(NAME_HEADS.len() * NAME_TAILS.len()) as u32).collect();
        for i in (1..order.len()).rev() {
            order.swap(i, rng.below(i + 1));
        }
        NamePool { order, next: 0 }
    }

    /// A fresh company name with a legal suffix of `region`.
    fn draw(&mut self, rng: &mut Rng, region: usize) -> String {
        let pair = self.order[self.next % self.order.len()] as usize;
        self.next += 1;
        let suffixes = SUFFIXES[region];
        let suffix = suffixes[rng.below(suffixes.len())];
        format!("{} {} {suffix}", NAME_HEADS[pair / NAME_TAILS.len()], NAME_TAILS[pair % NAME_TAILS.len()])
    }
}

/// A customer account that upsells and renewals can go to.
struct Account {
    name: String,
    team: usize,
    /// Customer since.
    since: Day,
    /// Churned on (none while active).
    until: Option<Day>,
    /// Upsells and renewals it has had so far.
    repeat_deals: u32,
    /// Its latest renewal.
    last_renewal: Option<Day>,
}

impl Account {
    fn active_on(&self, day: Day) -> bool {
        self.since <= day && self.until.is_none_or(|u| u > day)
    }

    /// Whether a renewal is due: a customer of some time not renewed within that time.
    fn renewal_due(&self, day: Day) -> bool {
        let long_enough = |from: Day| day.0 - from.0 >= RENEWAL_TENURE_DAYS;
        long_enough(self.since) && self.last_renewal.is_none_or(long_enough)
    }
}

/// The `account` column of the deals described by `facts`, given the customers they made.
pub(super) fn assign(rng: &mut Rng, facts: &[DealFact], customers: &[Customer], start: Day) -> DictColumn {
    let mut pool = NamePool::new(rng);
    let mut names: Vec<String> = vec![String::new(); facts.len()];
    for f in facts.iter().filter(|f| f.kind == NEW) {
        names[f.row] = pool.draw(rng, f.region());
    }
    let mut accounts = legacy_accounts(rng, &mut pool, start);
    accounts.extend(customers.iter().map(|c| Account {
        name: names[c.deal].clone(),
        team: c.team,
        since: c.start,
        until: c.end,
        repeat_deals: 0,
        last_renewal: None,
    }));
    for f in facts.iter().filter(|f| f.kind != NEW) {
        let Some(a) = pick_account(rng, f, &accounts) else { continue };
        let account = &mut accounts[a];
        account.repeat_deals += 1;
        if f.kind == RENEWAL {
            account.last_renewal = Some(f.created);
        }
        names[f.row] = account.name.clone();
    }
    let mut col = DictColumn::default();
    for name in &names {
        col.push(Some(name));
    }
    col
}

/// The customers the company had before the data begins ([`LEGACY_PER_TEAM`] per segment,
/// with customer since dates in the two years before and churning like the others). They buy
/// upsells and renewals but, like everything before the data, are not in the customers table.
fn legacy_accounts(rng: &mut Rng, pool: &mut NamePool, start: Day) -> Vec<Account> {
    let mut out = Vec::with_capacity(3 * LEGACY_PER_TEAM);
    for team in 0..3 {
        for i in 0..LEGACY_PER_TEAM {
            let since = Day(start.0 - 30 - rng.below(700) as i32);
            let until = customers::churn_date(rng, start, team);
            out.push(Account {
                name: pool.draw(rng, (team + i) % 3),
                team,
                since,
                until,
                repeat_deals: 0,
                last_renewal: None,
            });
        }
    }
    out
}

/// The account an upsell or renewal goes to: an active customer of the deal's segment
/// (for a renewal, one whose renewal is due, where there is one), those with fewer repeat
/// deals so far being likelier; an active customer of any segment when the segment has none.
fn pick_account(rng: &mut Rng, f: &DealFact, accounts: &[Account]) -> Option<usize> {
    let active: Vec<usize> = (0..accounts.len()).filter(|&a| accounts[a].active_on(f.created)).collect();
    let same_team: Vec<usize> = active.iter().copied().filter(|&a| accounts[a].team == f.team()).collect();
    let due: Vec<usize> = same_team.iter().copied().filter(|&a| accounts[a].renewal_due(f.created)).collect();
    let candidates = match () {
        _ if f.kind == RENEWAL && !due.is_empty() => due,
        _ if !same_team.is_empty() => same_team,
        _ => active,
    };
    let weights: Vec<f64> = candidates.iter().map(|&a| pick_weight(accounts[a].repeat_deals)).collect();
    (!candidates.is_empty()).then(|| candidates[rng.weighted(&weights)])
}

/// How likely an account with `repeat_deals` upsells and renewals so far is picked for the
/// next: 1 / (1 + n)².
fn pick_weight(repeat_deals: u32) -> f64 {
    let k = 1.0 + repeat_deals as f64;
    1.0 / (k * k)
}

/// Chance of being lost in each open stage, earliest first.
const LOST_STAGE_WEIGHTS: [f64; 4] = [0.38, 0.30, 0.20, 0.12];

/// The `lost_stage` column: for each lost deal the open stage it was lost in, empty for the
/// others. The four stages are the column's first codes, in order.
pub(super) fn lost_stages(rng: &mut Rng, facts: &[DealFact]) -> DictColumn {
    let mut col = DictColumn::default();
    for stage in OPEN_STAGES {
        col.intern(stage);
    }
    for f in facts {
        let stage = (f.status == Status::Lost).then(|| OPEN_STAGES[lost_stage_index(rng, f)]);
        col.push(stage);
    }
    col
}

/// The open stage a lost deal reached: drawn from [`LOST_STAGE_WEIGHTS`], moved one stage on
/// (half the time) when the deal took far longer than usual and one back when it was short.
fn lost_stage_index(rng: &mut Rng, f: &DealFact) -> usize {
    let mut stage = rng.weighted(&LOST_STAGE_WEIGHTS);
    let usual = TEAM_CYCLE[f.team()] * TYPES[f.kind].4 * 0.75;
    let took = f.close.map_or(0, |c| c.0 - f.created.0) as f64;
    let moved = rng.chance(0.5);
    if took > 1.5 * usual && moved {
        stage = (stage + 1).min(OPEN_STAGES.len() - 1);
    } else if took < 0.5 * usual && moved {
        stage = stage.saturating_sub(1);
    }
    stage
}
