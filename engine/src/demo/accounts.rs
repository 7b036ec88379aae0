//! The demo company's accounts, and where its lost deals were lost.
//!
//! Every "new" deal is pitched to a company of its own, named from seeded word lists with a
//! legal suffix of the owner's region ("Northwind Logistics GmbH", "Bluepeak Robotics Inc.").
//! Upsells and renewals go to existing customers: one active on the deal's created date,
//! from the same segment where possible (renewals prefer customers of at least ten months),
//! or one of the customers the company already had before the data begins.
//!
//! Lost deals were lost in one of the four open stages, early ones more often; a deal that
//! dragged on past its usual cycle tends to have got further.

use super::customers::Customer;
use super::facts::{DealFact, NEW, RENEWAL};
use super::{Rng, OPEN_STAGES, TEAM_CYCLE, TYPES};
use crate::column::DictColumn;
use crate::day::Day;
use crate::stage::Status;

const NAME_HEADS: [&str; 90] = [
    "Northwind", "Bluepeak", "Crestline", "Ironbridge", "Silverleaf", "Redwood", "Brightwater", "Stonegate",
    "Clearview", "Harborline", "Evergreen", "Summit", "Oakridge", "Riverside", "Goldfield", "Lakeshore",
    "Westbrook", "Eastgate", "Highland", "Pinecrest", "Suncoast", "Maplewood", "Granite", "Falcon",
    "Aurora", "Zenith", "Vertex", "Horizon", "Meridian", "Polaris", "Atlas", "Orion", "Nimbus", "Cobalt",
    "Vantage", "Keystone", "Beacon", "Sterling", "Pioneer", "Landmark", "Frontier", "Cascade", "Quantum",
    "Helix", "Nova", "Apex", "Crescent", "Juniper", "Willow", "Cedar", "Aspen", "Birch", "Copper",
    "Emerald", "Sapphire", "Onyx", "Ivory", "Amber", "Coral", "Indigo", "Scarlet", "Saffron", "Bright",
    "Swift", "Bold", "True", "Prime", "Fusion", "Signal", "Lumen", "Kinetic", "Tandem", "Harbor", "Anchor",
    "Compass", "Lighthouse", "Riverbend", "Foxglove", "Kestrel", "Osprey", "Heron", "Lynx", "Otter",
    "Bison", "Mosaic", "Prism", "Quill", "Rune", "Tessera", "Vela",
];

const NAME_TAILS: [&str; 60] = [
    "Logistics", "Analytics", "Foods", "Energy", "Health", "Systems", "Robotics", "Retail", "Capital",
    "Labs", "Media", "Motors", "Pharma", "Textiles", "Insurance", "Foods Group", "Software", "Networks",
    "Airlines", "Shipping", "Construction", "Dental", "Clinics", "Hotels", "Brewing", "Farms", "Mining",
    "Metals", "Plastics", "Chemicals", "Furniture", "Apparel", "Outdoor", "Sports", "Travel", "Learning",
    "Academy", "Consulting", "Partners", "Legal", "Finance", "Payments", "Security", "Cloud", "Data",
    "Devices", "Instruments", "Optics", "Packaging", "Printing", "Studios", "Games", "Mobility", "Solar",
    "Water", "Bakeries", "Markets", "Properties", "Marine", "Aerospace",
];

/// Legal suffixes per region (indexed like the demo's regions).
const SUFFIXES: [&[&str]; 3] = [
    &["GmbH", "Ltd", "AG", "B.V.", "S.A.", "SE", "Sp. z o.o.", "AB", "Oy", "S.r.l."],
    &["Inc.", "LLC", "Corp.", "Co.", "Inc."],
    &["Pte Ltd", "Pty Ltd", "K.K.", "Ltd", "Co., Ltd"],
];

/// Customers per segment that the company had before the data begins.
const LEGACY_PER_TEAM: usize = 40;
/// Monthly rate at which the pre-existing customers fade out of the candidates for upsells.
const LEGACY_FADE: f64 = 0.03;
/// A renewal goes to a customer of at least this many days where one exists.
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

/// The `account` column of the deals described by `facts`, given the customers they made.
pub(super) fn assign(rng: &mut Rng, facts: &[DealFact], customers: &[Customer], start: Day) -> DictColumn {
    let mut pool = NamePool::new(rng);
    let mut names: Vec<String> = vec![String::new(); facts.len()];
    for f in facts.iter().filter(|f| f.kind == NEW) {
        names[f.row] = pool.draw(rng, f.region());
    }
    let legacy: Vec<Vec<String>> =
        (0..3).map(|team| (0..LEGACY_PER_TEAM).map(|i| pool.draw(rng, (team + i) % 3)).collect()).collect();
    for f in facts.iter().filter(|f| f.kind != NEW) {
        names[f.row] = match existing_customer(rng, f, customers, start) {
            Some(c) => names[c.deal].clone(),
            None => legacy[f.team()][rng.below(LEGACY_PER_TEAM)].clone(),
        };
    }
    let mut col = DictColumn::default();
    for name in &names {
        col.push(Some(name));
    }
    col
}

/// The customer an upsell or renewal goes to: one active on its created date, of the same
/// segment where possible; `None` picks a customer from before the data (more likely early on,
/// when few customers have been won yet).
fn existing_customer<'a>(rng: &mut Rng, f: &DealFact, customers: &'a [Customer], start: Day) -> Option<&'a Customer> {
    let active: Vec<&Customer> = customers.iter().filter(|c| c.active_on(f.created) && c.deal != f.row).collect();
    let same_team: Vec<&Customer> = active.iter().copied().filter(|c| c.team == f.team()).collect();
    let months_in = (f.created.0 - start.0) as f64 / 30.44;
    let legacy = LEGACY_PER_TEAM as f64 * libm::exp(-LEGACY_FADE * months_in);
    if rng.chance(legacy / (legacy + same_team.len() as f64)) {
        return None;
    }
    let seasoned: Vec<&Customer> =
        same_team.iter().copied().filter(|c| f.created.0 - c.start.0 >= RENEWAL_TENURE_DAYS).collect();
    let candidates = match () {
        _ if f.kind == RENEWAL && !seasoned.is_empty() => seasoned,
        _ if !same_team.is_empty() => same_team,
        _ => active,
    };
    (!candidates.is_empty()).then(|| candidates[rng.below(candidates.len())])
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
