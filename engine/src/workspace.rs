//! Everything the user has loaded, and the scope KPIs are computed over.

use crate::day::Day;
use crate::deals_table::DealsTable;
use crate::filters::Filters;
use crate::history::StageHistory;
use crate::ingest::{Dataset, DatasetKind};
use crate::period::Period;
use crate::table::Table;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The loaded datasets.
#[derive(Clone, Debug, Default)]
pub struct Workspace {
    /// The deals table, if loaded.
    pub deals: Option<DealsTable>,
    /// The other datasets that are loaded (leads, activities, customers, ..., a stage history).
    pub tables: BTreeMap<DatasetKind, Table>,
    /// An earlier export of the deals, compared with `deals` on the Pipeline change page.
    pub earlier: Option<DealsTable>,
    /// The stage history: read from the history table when one is loaded (kept in step with
    /// it by [`Workspace::insert`] and [`Workspace::remove`]); without one, built from the
    /// deals' `entered_<stage>` dates when they have them; or given (the demo's).
    pub history: Option<StageHistory>,
    /// Whether [`Workspace::history`] was built from the deals' `entered_<stage>` dates (it is
    /// then rebuilt when the deals change, and a history table replaces it).
    pub history_from_deals: bool,
    /// The as-of dates the user typed for the two exports (else they are read off the data).
    pub as_of: AsOf,
}

/// The deals' own spelling of a stage an `entered_<stage>` header names (`entered_closed_won`
/// is the deals' "Closed Won"), compared by letters and digits only; the header's text when no
/// stage of the deals matches.
pub(crate) fn entered_stage_name<'a>(d: &'a DealsTable, header_stage: &'a str) -> &'a str {
    let key = crate::stage::stage_key(header_stage);
    d.stage.values.iter().find(|v| crate::stage::stage_key(v) == key).map_or(header_stage, String::as_str)
}

/// The as-of dates the user typed for the earlier and the current deals export; `None` reads
/// the date off the export ([`crate::change::snapshot_as_of`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct AsOf {
    /// The earlier export's date.
    pub earlier: Option<Day>,
    /// The current export's date.
    pub later: Option<Day>,
}

impl Workspace {
    /// A workspace holding only deals.
    pub fn with_deals(deals: DealsTable) -> Workspace {
        Workspace { deals: Some(deals), ..Workspace::default() }
    }

    /// A loaded dataset other than deals.
    pub fn table(&self, kind: DatasetKind) -> Option<&Table> {
        self.tables.get(&kind)
    }

    /// Rows of a dataset, if it is loaded.
    pub fn rows(&self, kind: DatasetKind) -> Option<usize> {
        match kind {
            DatasetKind::Deals => self.deals.as_ref().map(DealsTable::len),
            DatasetKind::EarlierDeals => self.earlier.as_ref().map(DealsTable::len),
            // A history given without a table (the demo's) counts its changes.
            DatasetKind::History => {
                self.table(kind).map(|t| t.len).or_else(|| self.history.as_ref().map(|h| h.events.len()))
            }
            _ => self.table(kind).map(|t| t.len),
        }
    }

    /// Rows of every loaded dataset together.
    pub fn total_rows(&self) -> usize {
        DatasetKind::ALL.iter().filter_map(|&k| self.rows(k)).sum()
    }

    /// Adds a dataset: it replaces what was loaded for that dataset, or with `append` joins it.
    pub fn insert(&mut self, data: Dataset, append: bool) {
        let kind = data.kind();
        self.insert_as(kind, data, append);
    }

    /// Adds a dataset read as `kind`: deals read as [`DatasetKind::EarlierDeals`] become the
    /// earlier export; a history table also gives [`Workspace::history`].
    pub fn insert_as(&mut self, kind: DatasetKind, data: Dataset, append: bool) {
        match data {
            Dataset::Deals(d) => {
                let slot = if kind == DatasetKind::EarlierDeals { &mut self.earlier } else { &mut self.deals };
                match (slot.as_mut(), append) {
                    (Some(mine), true) => mine.append(d),
                    _ => *slot = Some(d),
                }
                if kind == DatasetKind::Deals {
                    self.history_from_entered();
                }
            }
            Dataset::Table(t) => {
                let kind = t.kind;
                match (self.tables.get_mut(&kind), append) {
                    (Some(mine), true) => mine.append(t),
                    _ => {
                        self.tables.insert(kind, t);
                    }
                }
                if kind == DatasetKind::History {
                    self.history = self.table(kind).and_then(|t| StageHistory::from_table(t).ok());
                    self.history_from_deals = false;
                }
            }
        }
    }

    /// The keys (deal ids, lead ids, ...) of a loaded dataset, for rejecting repeats when
    /// another file is appended to it. Empty when it has no key or is not loaded.
    pub fn keys(&self, kind: DatasetKind) -> Vec<&str> {
        fn ids(d: &Option<DealsTable>) -> Vec<&str> {
            d.as_ref().map_or(Vec::new(), |d| (0..d.len()).map(|i| d.deal_id.get(i)).collect())
        }
        match kind {
            DatasetKind::Deals => ids(&self.deals),
            DatasetKind::EarlierDeals => ids(&self.earlier),
            _ => match (self.table(kind), kind.key()) {
                (Some(t), Some(key)) => t.ids(key).map_or(Vec::new(), |c| (0..c.len()).map(|i| c.get(i)).collect()),
                _ => Vec::new(),
            },
        }
    }

    /// Removes a dataset.
    pub fn remove(&mut self, kind: DatasetKind) {
        match kind {
            DatasetKind::Deals => {
                self.deals = None;
                self.history_from_entered();
            }
            DatasetKind::EarlierDeals => self.earlier = None,
            _ => {
                self.tables.remove(&kind);
                if kind == DatasetKind::History {
                    self.history = None;
                    self.history_from_entered();
                }
            }
        }
    }

    /// Without a history table, the history the deals' `entered_<stage>` dates give (or none,
    /// when the deals have no such columns; a history given by the demo stays).
    fn history_from_entered(&mut self) {
        if self.table(DatasetKind::History).is_some() || (self.history.is_some() && !self.history_from_deals) {
            return;
        }
        let built = self.deals.as_ref().filter(|d| !d.entered.is_empty()).map(|d| {
            let entered: Vec<(&str, &crate::column::DateColumn)> =
                d.entered.iter().map(|(stage, col)| (entered_stage_name(d, stage), col)).collect();
            StageHistory::from_entered_dates(d, &entered)
        });
        self.history_from_deals = built.is_some();
        self.history = built;
    }

    /// The latest date of what happened in the loaded data: the anchor of the default period.
    /// Quotas and forecasts are plans for periods that may lie ahead, and end dates may be
    /// scheduled; they anchor the period only when nothing else has a date.
    /// A stage history follows the deals (its close dates are expected ones) and does not
    /// anchor it; neither does an earlier export.
    pub fn latest_day(&self) -> Option<Day> {
        let is_plan = |t: &&Table| matches!(t.kind, DatasetKind::Quotas | DatasetKind::Forecasts);
        let actual =
            self.tables.values().filter(|t| !is_plan(t) && !t.kind.follows_deals()).filter_map(Table::latest_day);
        let actual = self.deals.as_ref().and_then(DealsTable::latest_day).into_iter().chain(actual).max();
        actual.or_else(|| self.tables.values().filter(is_plan).filter_map(Table::latest_day).max())
    }

    /// The whole years the data's dates fall in, from 1 January of its earliest year to 31
    /// December of its latest: a period a link or settings file asks for is clamped to them, so
    /// no view reaches far from the data (a period inside those years is never changed).
    pub fn data_years(&self) -> Option<Period> {
        let tables = self.tables.values().filter(|t| !t.kind.follows_deals()).filter_map(Table::earliest_day);
        let earliest = self.deals.as_ref().and_then(DealsTable::earliest_day).into_iter().chain(tables).min()?;
        let latest = self.latest_day()?.max(earliest);
        let (from, to) = (Day::from_ymd(earliest.ymd().0, 1, 1)?, Day::from_ymd(latest.ymd().0, 12, 31)?);
        Period::new(from, to)
    }

    /// The default scope of KPI_SPEC.md for this data, or `None` when no data has a date.
    pub fn default_scope(&self) -> Option<Scope> {
        self.latest_day().map(|d| self.default_scope_at(d))
    }

    /// [`Workspace::default_scope`] for data whose latest day ([`Workspace::latest_day`]) is
    /// `latest`, for a caller that has it already (each reads every deal).
    pub fn default_scope_at(&self, latest: Day) -> Scope {
        let currency = self.deals.as_ref().and_then(DealsTable::default_currency);
        Scope { currency, ..Scope::new(Period::default_for(latest)) }
    }
}

/// What a KPI is computed over: the period (its last day is the as-of date), the currency
/// amounts are counted in, the segment filters and the settings some KPIs take.
#[derive(Clone, Debug, PartialEq)]
pub struct Scope {
    /// The reporting period.
    pub period: Period,
    /// Code (in the deals' `currency` column) of the only currency whose amounts are added up;
    /// `None` adds every amount (the data has a single currency). Different currencies are never
    /// added together.
    pub currency: Option<u32>,
    /// Segment filters.
    pub filters: Filters,
    /// Settings of individual KPIs.
    pub settings: Settings,
}

/// Settings of individual KPIs, chosen by the user.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    /// Gross margin applied in `clv` (0..1; default 1, i.e. revenue counts as margin).
    pub gross_margin: f64,
    /// The revenue target of the period `leads_needed` works back from; `None` takes the sum of
    /// the quotas in the period.
    pub revenue_target: Option<f64>,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings { gross_margin: 1.0, revenue_target: None }
    }
}

impl Scope {
    /// A scope over `period` with every amount counted, no filter and default settings.
    pub fn new(period: Period) -> Scope {
        Scope { period, currency: None, filters: Filters::none(), settings: Settings::default() }
    }

    /// The as-of date of stock KPIs (pipeline, MRR): the last day of the period.
    pub fn as_of(&self) -> Day {
        self.period.to
    }

    /// The same scope over another period.
    pub fn over(&self, period: Period) -> Scope {
        Scope { period, ..self.clone() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::read_file;

    fn load(ws: &mut Workspace, kind: DatasetKind, csv: &str, append: bool) {
        ws.insert(read_file(kind, "t.csv", csv.as_bytes(), None).unwrap().data, append);
    }

    #[test]
    fn plans_anchor_the_period_only_without_actual_dates() {
        let mut ws = Workspace::default();
        load(&mut ws, DatasetKind::Quotas, "owner,month,quota\nAnn,2026-12,100\n", false);
        assert_eq!(ws.latest_day(), Day::from_ymd(2026, 12, 1));
        load(&mut ws, DatasetKind::Leads, "lead_id,created_at\nL1,2025-03-04 10:00\n", false);
        assert_eq!(ws.latest_day(), Day::from_ymd(2025, 3, 4));
        load(&mut ws, DatasetKind::Customers, "customer_id,start_date,end_date\nC1,2025-01-01,2027-01-01\n", false);
        assert_eq!(ws.latest_day(), Day::from_ymd(2025, 3, 4), "a scheduled end date does not count");
    }

    #[test]
    fn open_deals_expected_closes_next_year_do_not_move_the_default_period() {
        // A real CRM export: every open deal has an expected close, all of them next year.
        let csv = "deal_id,amount,stage,created_date,close_date\n\
                   D1,10,Closed Won,2026-03-02,2026-05-20\n\
                   D2,20,Closed Lost,2026-06-01,2026-11-03\n\
                   D3,30,Proposal,2026-11-20,2027-02-15\n\
                   D4,40,Negotiation,2026-10-01,2027-06-30\n";
        let mut ws = Workspace::default();
        load(&mut ws, DatasetKind::Deals, csv, false);
        assert_eq!(ws.latest_day(), Day::from_ymd(2026, 11, 20), "the latest created date");
        let period = ws.default_scope().map(|s| s.period);
        assert_eq!(
            period.map(|p| (p.from, p.to)),
            Some((Day::from_ymd(2025, 12, 1).unwrap(), Day::from_ymd(2026, 11, 30).unwrap()))
        );
        // A loss after the last created date moves the anchor; an open deal's close never does.
        let later = "deal_id,amount,stage,created_date,close_date\nD5,5,Closed Lost,2026-01-05,2026-12-10\nD6,5,Prospecting,2026-01-05,2028-01-01\n";
        load(&mut ws, DatasetKind::Deals, later, true);
        assert_eq!(ws.latest_day(), Day::from_ymd(2026, 12, 10));
        // Only open deals with dates: the created dates still anchor it.
        let mut open_only = Workspace::default();
        load(
            &mut open_only,
            DatasetKind::Deals,
            "deal_id,amount,stage,created_date,close_date\nD1,9,Proposal,2025-04-01,2027-01-01\n",
            false,
        );
        assert_eq!(open_only.latest_day(), Day::from_ymd(2025, 4, 1));
    }

    #[test]
    fn a_further_file_replaces_or_joins_its_dataset() {
        let mut ws = Workspace::default();
        let a = "deal_id,amount,stage,created_date,region\nD1,10,Won,2024-01-01,EMEA\n";
        let b = "deal_id,amount,stage,created_date,owner\nD2,20,Negotiation,2024-01-02,Ann\n";
        load(&mut ws, DatasetKind::Deals, a, false);
        load(&mut ws, DatasetKind::Deals, b, false);
        assert_eq!(ws.rows(DatasetKind::Deals), Some(1));
        load(&mut ws, DatasetKind::Deals, a, true);
        let d = ws.deals.as_ref().unwrap();
        assert_eq!(d.len(), 2);
        assert_eq!(ws.keys(DatasetKind::Deals), ["D2", "D1"]);
        // Each file's own columns, padded where the other file had none.
        assert_eq!(d.dim(crate::Dim::Owner).unwrap().get(0), Some("Ann"));
        assert_eq!(d.dim(crate::Dim::Owner).unwrap().get(1), None);
        assert_eq!(d.dim(crate::Dim::Region).unwrap().get(1), Some("EMEA"));
        assert_eq!(d.status, [crate::Status::Open, crate::Status::Won]);
        assert_eq!(d.open_stages().map(|(_, n)| n).collect::<Vec<_>>(), ["Negotiation"]);
        ws.remove(DatasetKind::Deals);
        assert_eq!(ws.rows(DatasetKind::Deals), None);
    }

    #[test]
    fn an_earlier_export_and_a_history_sit_beside_the_deals_and_anchor_nothing() {
        let mut ws = Workspace::default();
        load(&mut ws, DatasetKind::Deals, "deal_id,amount,stage,created_date\nD1,10,Proposal,2024-03-01\n", false);
        let earlier = "deal_id,amount,stage,created_date\nD1,8,Qualification,2024-03-01\n";
        let read = read_file(DatasetKind::EarlierDeals, "e.csv", earlier.as_bytes(), None).unwrap();
        ws.insert_as(DatasetKind::EarlierDeals, read.data, false);
        let history = "deal_id,stage,changed_at,close_date\nD1,Qualification,2024-03-01,2030-01-01\nD1,Proposal,2024-03-09,2030-02-01\n";
        load(&mut ws, DatasetKind::History, history, false);
        assert_eq!((ws.rows(DatasetKind::Deals), ws.rows(DatasetKind::EarlierDeals)), (Some(1), Some(1)));
        assert_eq!(ws.keys(DatasetKind::EarlierDeals), ["D1"]);
        assert_eq!(ws.history.as_ref().map(|h| h.events.len()), Some(2));
        assert_eq!(ws.latest_day(), Day::from_ymd(2024, 3, 1), "the history's expected closes do not count");
        ws.remove(DatasetKind::History);
        ws.remove(DatasetKind::EarlierDeals);
        assert!(ws.history.is_none() && ws.earlier.is_none() && ws.deals.is_some());
    }

    #[test]
    fn the_data_years_run_from_the_first_january_to_the_last_december() {
        let ws = crate::demo::demo_workspace(crate::demo::DEMO_SEED);
        let years = ws.data_years().unwrap();
        assert_eq!((years.from.ymd().1, years.from.ymd().2, years.to.ymd().1, years.to.ymd().2), (1, 1, 12, 31));
        assert!(years.to >= ws.latest_day().unwrap());
        assert_eq!(Workspace::default().data_years(), None);
        // The demo's earlier export and history are loaded datasets too.
        assert_eq!(ws.rows(DatasetKind::History), ws.history.as_ref().map(|h| h.events.len()));
        assert_eq!(ws.rows(DatasetKind::EarlierDeals), ws.earlier.as_ref().map(DealsTable::len));
    }
}
