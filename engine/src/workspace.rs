//! Everything the user has loaded, and the scope KPIs are computed over.

use crate::day::Day;
use crate::deals::DealsTable;
use crate::period::Period;

/// The loaded datasets. More datasets (leads, activities, ...) join this struct as they land.
#[derive(Clone, Debug, Default)]
pub struct Workspace {
    /// The deals table, if loaded.
    pub deals: Option<DealsTable>,
}

impl Workspace {
    /// The latest date anywhere in the loaded data: the anchor of the default period.
    pub fn latest_day(&self) -> Option<Day> {
        self.deals.as_ref().and_then(DealsTable::latest_day)
    }

    /// The default scope of KPI_SPEC.md for this data, or `None` when no data has a date.
    pub fn default_scope(&self) -> Option<Scope> {
        let currency = self.deals.as_ref().and_then(DealsTable::default_currency);
        self.latest_day().map(|d| Scope { period: Period::default_for(d), currency })
    }
}

/// What a KPI is computed over: the period (its last day is the as-of date) and the currency
/// amounts are counted in. Segment filters join this struct with the filter bar.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scope {
    /// The reporting period.
    pub period: Period,
    /// Code (in the deals' `currency` column) of the only currency whose amounts are added up;
    /// `None` adds every amount (the data has a single currency). Different currencies are never
    /// added together.
    pub currency: Option<u32>,
}

impl Scope {
    /// The as-of date of stock KPIs (pipeline, MRR): the last day of the period.
    pub fn as_of(&self) -> Day {
        self.period.to
    }
}
