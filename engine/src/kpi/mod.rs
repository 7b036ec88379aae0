//! The KPI registry: one [`KpiDef`] per id of KPI_SPEC.md and KPI_SPEC_PIPELINE_CHANGE.md
//! ([`KpiId`]), each with its unit, direction, needs, compute function, SQL builder and
//! explanation.
//!
//! A KPI lives in one place: its entry is declared beside its compute function in its group's
//! file (`deals.rs`, `growth.rs`, `plans.rs`, `tables.rs`, `leads.rs`, `customers.rs`; the
//! pipeline-change KPIs in `change.rs`, `history.rs`, `forecast.rs`) and
//! registered once in `catalog.rs`. Its SQL builder is a field of the entry (the builders are
//! written in `crate::sql`'s family files). A new KPI: a variant of [`KpiId`] (in `id.rs`), a
//! compute function and its entry in the group file, a builder in `crate::sql`, one line in the
//! registry.

mod catalog;
mod change;
pub(crate) mod classes;
mod closed;
mod customers;
mod deals;
mod forecast;
mod gap;
mod growth;
mod history;
mod id;
mod leads;
mod lifetime;
mod note;
mod omission;
mod plans;
mod reach;
mod result;
mod segments;
mod tables;
mod target;
mod trend;
mod won_figures;

pub use catalog::CATALOG;
pub use classes::{activity_class, deal_class, ActivityClass, DealClass, ACTIVITY_WORDS, UPSELL_WORDS};
pub use deals::{pipeline, Pipeline, StageTotal};
pub use gap::{Base, Gap};
pub use id::KpiId;
pub use note::Note;
pub use omission::Omission;
pub use result::{BreakdownRow, Cell, Companion, KpiResult, KpiTable, LeftOut, TableColumn, TableRow, Undefined};
pub use segments::{segment_values, segments, segments_and_trends, SegmentRow};
pub use target::{derived_target, Rag, Target, TargetSource, DEFAULT_AMBER_BAND};
pub use trend::{buckets, compare, trend, trend_in, Comparison, TrendPoint};

// The row sets some KPIs aggregate, for the pages that show their distribution (crate::aggregates).
pub(crate) use deals::{mean_deal_size, values_by, won_cycles};
pub(crate) use leads::{counted_activities, is_fast_response, response_minutes, FAST_RESPONSE_SECS};
pub(crate) use plans::{forecast_periods, quota_total, quotas_inside, quotas_inside_by_owner};

use crate::deals_table::DealsTable;
use crate::filter::{keeps, Mask, Selection};
use crate::ingest::DatasetKind;
use crate::period::Period;
use crate::sql::kpis::Builder as SqlBuilder;
use crate::table::Table;
use crate::workspace::{Scope, Workspace};
use serde::Serialize;

/// The unit a KPI's value is in.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// An amount of money.
    Currency,
    /// A fraction 0..1, shown as a percentage.
    Percent,
    /// A count.
    Count,
    /// Days.
    Days,
    /// Minutes.
    Minutes,
    /// A plain ratio such as 3.2×.
    Ratio,
    /// An amount of money per day.
    CurrencyPerDay,
}

/// Which way is good.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Higher is better.
    Up,
    /// Lower is better.
    Down,
    /// Neither: a mix or a list to read, not to push one way.
    Neutral,
}

/// The section of KPI_SPEC.md's catalog a KPI belongs to.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Group {
    /// Revenue and growth.
    Revenue,
    /// Deals and pipeline.
    Deals,
    /// Leads and activity.
    Leads,
    /// Customers and unit economics.
    Customers,
}

impl Group {
    /// Every group, in catalog order.
    pub const ALL: [Group; 4] = [Group::Revenue, Group::Deals, Group::Leads, Group::Customers];

    /// Its heading.
    pub fn title(self) -> &'static str {
        match self {
            Group::Revenue => "Revenue and growth",
            Group::Deals => "Deals and pipeline",
            Group::Leads => "Leads and activity",
            Group::Customers => "Customers and unit economics",
        }
    }
}

/// What a KPI means, in our words, drawn from the source articles.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct Explanation {
    /// What it measures.
    pub what: &'static str,
    /// The formula, as implemented.
    pub formula: &'static str,
    /// Why a sales team tracks it.
    pub why: &'static str,
    /// What to watch out for when reading it.
    pub watch: &'static str,
}

/// One entry of the registry.
#[derive(Debug, Serialize)]
pub struct KpiDef {
    /// Stable id (KPI_SPEC.md); its string form is used in `data-kpi`, tests and share links.
    pub id: KpiId,
    /// Display name.
    pub name: &'static str,
    /// Unit of the value.
    pub unit: Unit,
    /// Which way is good.
    pub direction: Direction,
    /// The catalog section it belongs to.
    pub group: Group,
    /// Datasets and fields it needs, as shown when they are missing.
    pub needs: &'static str,
    /// The datasets it reads (filters reach it through these).
    pub datasets: &'static [DatasetKind],
    /// Computes the KPI.
    #[serde(skip)]
    pub compute: fn(&Ctx) -> KpiResult,
    /// Writes the KPI as SQL (`crate::sql::kpi_sql` wraps it in a header and the final
    /// `SELECT`).
    #[serde(skip)]
    pub(crate) sql: SqlBuilder,
    /// The in-app explanation.
    pub explanation: Explanation,
}

/// The registry entry whose string id is `id` (a share link's, a settings file's, the CLI's),
/// `None` when no KPI is called that. Code that names a KPI uses [`KpiId::def`].
///
/// ```
/// use pipelens_engine::kpi::{find, KpiId};
/// assert_eq!(find("win_rate").map(|d| d.id), Some(KpiId::WinRate));
/// assert!(find("Win rate").is_none());
/// ```
pub fn find(id: &str) -> Option<&'static KpiDef> {
    KpiId::parse(id).map(KpiId::def)
}

/// Everything a KPI computation reads: the data, the scope, and the rows the filters select.
pub struct Ctx<'a> {
    /// The loaded data.
    pub ws: &'a Workspace,
    /// Period, currency, filters and settings.
    pub scope: Scope,
    /// The rows the scope's filters select.
    pub sel: &'a Selection,
}

impl<'a> Ctx<'a> {
    /// The same data and filters over another period.
    pub fn over(&self, period: Period) -> Ctx<'a> {
        Ctx { ws: self.ws, scope: self.scope.over(period), sel: self.sel }
    }

    /// The period.
    pub fn period(&self) -> Period {
        self.scope.period
    }

    /// The deals and the mask of those that pass the filters.
    pub fn deals(&self) -> Option<(&'a DealsTable, &'a Mask)> {
        Some((self.ws.deals.as_ref()?, &self.sel.deals))
    }

    /// A dataset other than deals and the mask of its rows that pass the filters.
    pub fn table(&self, kind: DatasetKind) -> Option<(&'a Table, &'a Mask)> {
        Some((self.ws.table(kind)?, self.sel.of(kind)))
    }

    /// Where the pipeline tallies of the deals this context selects are kept: with the
    /// selection, or, when no filter narrows the deals, with the table's close-date index,
    /// across selections (a period change without a filter reads the days an earlier view
    /// counted). The tallies depend on the rows, the days and the currency alone.
    pub(crate) fn open_memo(&self) -> &'a crate::open_memo::OpenMemo {
        match (self.sel.deals.is_none(), self.ws.deals.as_ref().and_then(|d| d.close_index())) {
            (true, Some(ix)) => ix.unfiltered_open(),
            _ => &self.sel.open,
        }
    }

    /// Where figures over the deals this context selects are kept (a period's closed deals,
    /// what was won up to a day): like [`Ctx::open_memo`].
    pub(crate) fn deals_memo(&self) -> &'a crate::memo::Memo {
        match (self.sel.deals.is_none(), self.ws.deals.as_ref().and_then(|d| d.close_index())) {
            (true, Some(ix)) => ix.unfiltered_memo(),
            _ => &self.sel.memo,
        }
    }

    /// Indices of the rows of a dataset of `len` rows that pass `mask`.
    pub fn rows(mask: &'a Mask, len: usize) -> impl Iterator<Item = usize> + 'a {
        (0..len).filter(move |&i| keeps(mask, i))
    }
}

/// Computes one KPI over `scope`.
pub fn compute(def: &KpiDef, ws: &Workspace, scope: &Scope) -> KpiResult {
    let sel = Selection::new(ws, &scope.filters);
    run(def, &Ctx { ws, scope: scope.clone(), sel: &sel })
}

/// Computes every KPI of the registry over `scope`, in registry order.
pub fn compute_all(ws: &Workspace, scope: &Scope) -> Vec<(&'static KpiDef, KpiResult)> {
    let sel = Selection::new(ws, &scope.filters);
    let ctx = Ctx { ws, scope: scope.clone(), sel: &sel };
    CATALOG.iter().map(|k| (k, run(k, &ctx))).collect()
}

/// Computes `def` in `ctx` and notes the filters its datasets could not apply: for callers
/// that compute KPIs one at a time over one [`Selection`].
pub fn run(def: &KpiDef, ctx: &Ctx) -> KpiResult {
    let mut r = (def.compute)(ctx);
    for &kind in def.datasets {
        if ctx.ws.rows(kind).is_none() {
            continue;
        }
        for dim in ctx.sel.unapplied_to(kind) {
            r.notes.push(Note::Unfiltered { dataset: kind, dim });
        }
    }
    r
}

/// The KPI computed by id, for code that only needs one figure.
pub(crate) fn value_of(id: KpiId, ctx: &Ctx) -> KpiResult {
    (id.def().compute)(ctx)
}
