//! The KPI registry: one [`KpiDef`] per id of KPI_SPEC.md, each with its unit, direction,
//! needs, compute function and explanation.

mod catalog;
mod deals;
mod result;

pub use catalog::CATALOG;
pub use deals::{pipeline, Pipeline, StageTotal};
pub use result::{BreakdownRow, Companion, KpiResult, LeftOut, Undefined};

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
}

/// Which way is good.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Higher is better.
    Up,
    /// Lower is better.
    Down,
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
    /// Stable id (KPI_SPEC.md): used in `data-kpi`, tests and share links.
    pub id: &'static str,
    /// Display name.
    pub name: &'static str,
    /// Unit of the value.
    pub unit: Unit,
    /// Which way is good.
    pub direction: Direction,
    /// Datasets and fields it needs, as shown when they are missing.
    pub needs: &'static str,
    /// Computes the KPI.
    #[serde(skip)]
    pub compute: fn(&Workspace, &Scope) -> KpiResult,
    /// The in-app explanation.
    pub explanation: Explanation,
}

/// The registry entry for `id`.
///
/// ```
/// let def = pipelens_engine::kpi::find("win_rate").unwrap();
/// assert_eq!(def.name, "Win rate");
/// ```
pub fn find(id: &str) -> Option<&'static KpiDef> {
    CATALOG.iter().find(|k| k.id == id)
}

/// Computes every KPI of the registry over `scope`, in registry order.
pub fn compute_all(ws: &Workspace, scope: &Scope) -> Vec<(&'static KpiDef, KpiResult)> {
    CATALOG.iter().map(|k| (k, (k.compute)(ws, scope))).collect()
}
