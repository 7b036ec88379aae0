//! The figures the pages show, derived from what is loaded and the view: the dashboard handle.

use super::data::{DataState, Loaded};
use super::view::{ViewSettings, ViewState};
use super::Shared;
use leptos::prelude::*;
use pipelens_engine::aggregates::{self, PeopleTable};
use pipelens_engine::ingest::DatasetKind;
use pipelens_engine::kpi::{self, Comparison, KpiDef, KpiId, KpiResult, Target, TrendPoint};
use pipelens_engine::{Dim, Grain, Period, Scope, Selection, Workspace};
use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

/// One KPI as the dashboard shows it.
#[derive(Clone, Debug)]
pub struct KpiView {
    /// The registry entry.
    pub def: &'static KpiDef,
    /// Its value over the scope.
    pub result: KpiResult,
    /// Its value over the previous period, for the change shown on the tile.
    pub previous: Option<f64>,
    /// Its target: typed by the user, else derived from the data.
    pub target: Option<Target>,
}

/// What the filters and the currency picker offer: it depends on the loaded data alone, so it
/// is worked out once per load, not on every filter or period change.
#[derive(Debug)]
pub struct DataFacts {
    /// The deals' currencies (code, name, deals), most frequent first; empty without a
    /// currency column.
    pub currencies: Vec<(u32, String, usize)>,
    /// Values each segment dimension takes in the data, for the filters.
    pub dims: Vec<(Dim, Vec<String>)>,
    /// The scope the data is seen in by default ([`Workspace::default_scope`]) and its latest
    /// day, or `None` when it has no dates: each reads every deal, so once per load too.
    pub default: Option<(Scope, pipelens_engine::Day)>,
}

impl DataFacts {
    /// The facts of `ws`.
    pub fn of(ws: &Workspace) -> DataFacts {
        let currencies = ws
            .deals
            .as_ref()
            .map_or(Vec::new(), |d| d.currencies().into_iter().map(|(c, n, k)| (c, n.to_owned(), k)).collect());
        let all_datasets = DatasetKind::ALL;
        let dims = Dim::ALL
            .into_iter()
            .map(|d| (d, kpi::segment_values(ws, d, &all_datasets)))
            .filter(|(_, v)| !v.is_empty())
            .collect();
        let default = ws.latest_day().map(|latest| (ws.default_scope_at(latest), latest));
        DataFacts { currencies, dims, default }
    }
}

/// Everything the dashboard shows over the user's view. A KPI is computed the first time a
/// page asks for it (with its comparison and target) and kept: a page computes only its own
/// tiles, and a filter or period change recomputes only what is on screen.
#[derive(Debug)]
pub struct Dashboard {
    /// The period, currency, filters and settings the figures are computed over.
    pub scope: Scope,
    /// The period of the data by default (the user may pick another).
    pub default_period: Period,
    /// The data's latest day: presets such as "this quarter" are relative to it.
    pub latest: pipelens_engine::Day,
    /// The bucket size of trends.
    pub grain: Grain,
    /// What the tiles compare with.
    pub comparison: Comparison,
    /// The currencies and the filters' values.
    pub facts: Shared<DataFacts>,
    /// The data the figures come from.
    loaded: Shared<Loaded>,
    /// The rows the scope's filters select, worked out once for every KPI.
    selection: Selection,
    /// Targets the user typed, by KPI id.
    typed: BTreeMap<KpiId, f64>,
    /// One slot per KPI of the registry, in registry order, filled on first use.
    kpis: Vec<OnceLock<KpiView>>,
    /// The people table by rep and by team, worked out on first use (the Manager page's
    /// table and its attainment chart read the same one).
    people: [OnceLock<PeopleTable>; 2],
}

impl Dashboard {
    /// The KPI with `id`, computed on first use.
    pub fn kpi(&self, id: KpiId) -> Option<&KpiView> {
        let i = kpi::CATALOG.iter().position(|k| k.id == id)?;
        Some(self.kpis[i].get_or_init(|| self.compute_kpi(&kpi::CATALOG[i])))
    }

    /// Every KPI of the registry, in registry order.
    pub fn all(&self) -> impl Iterator<Item = &KpiView> {
        kpi::CATALOG.iter().zip(&self.kpis).map(|(def, slot)| slot.get_or_init(|| self.compute_kpi(def)))
    }

    /// The people table by rep ([`Dim::Owner`]) or by team (any other dimension), worked out
    /// on first use.
    pub fn people(&self, by: Dim) -> &PeopleTable {
        let slot = usize::from(by != Dim::Owner);
        let by = if by == Dim::Owner { Dim::Owner } else { Dim::Team };
        self.people[slot].get_or_init(|| aggregates::people(self.workspace(), &self.scope, by))
    }

    /// The values each segment dimension takes, for the filters.
    pub fn dims(&self) -> &[(Dim, Vec<String>)] {
        &self.facts.dims
    }

    /// `def` over the scope and the comparison period, with its target.
    fn compute_kpi(&self, def: &'static KpiDef) -> KpiView {
        let ws = &self.loaded.workspace;
        let ctx = kpi::Ctx { ws, scope: self.scope.clone(), sel: &self.selection };
        let previous = kpi::run(def, &ctx.over(self.comparison.period(self.scope.period))).number();
        let target =
            self.typed.get(&def.id).map(|&v| Target::typed(v)).or_else(|| kpi::derived_target(def, ws, &self.scope));
        KpiView { def, result: kpi::run(def, &ctx), previous, target }
    }

    /// The trend of `def` over the scope at the dashboard's grain, over the rows its tiles
    /// read (the selection and its counts are shared, not worked out again per sparkline).
    pub fn trend(&self, def: &'static KpiDef) -> Vec<TrendPoint> {
        let ctx = kpi::Ctx { ws: &self.loaded.workspace, scope: self.scope.clone(), sel: &self.selection };
        kpi::trend_in(def, &ctx, self.grain)
    }

    /// The rows the scope's filters select, with the counts its tiles share.
    pub fn selection(&self) -> &Selection {
        &self.selection
    }

    /// How the comparison is named on tiles: `previous period`, `same period last year`.
    pub fn compared_with(&self) -> &'static str {
        crate::i18n::engine_words::comparison_noun(self.comparison)
    }

    /// The data the figures are computed from.
    pub fn workspace(&self) -> &Workspace {
        &self.loaded.workspace
    }

    /// The loaded data, with its origin and files.
    pub fn loaded(&self) -> &Shared<Loaded> {
        &self.loaded
    }

    /// The dashboard of `loaded` with amounts in `currency` (the data's default when `None` or
    /// unknown) over the user's view, or `None` when the data has no dates at all. Cheap: the
    /// KPIs are computed when asked for.
    pub fn compute(
        loaded: &Shared<Loaded>,
        facts: &Shared<DataFacts>,
        currency: Option<u32>,
        view: &ViewSettings,
    ) -> Option<Dashboard> {
        let ws = &loaded.workspace;
        let (mut scope, latest) = facts.default.clone()?;
        let default_period = scope.period;
        let currencies = &facts.currencies;
        if currencies.len() > 1 && currency.is_some_and(|c| currencies.iter().any(|x| x.0 == c)) {
            scope.currency = currency;
        }
        if let Some(p) = view.period {
            scope.period = p;
        }
        scope.filters = view.filters.clone();
        scope.settings = view.settings;
        // A revenue target the user typed is the target leads_needed works back from.
        if let Some(&t) = view.targets.get(&KpiId::Revenue) {
            scope.settings.revenue_target = Some(t);
        }
        Some(Dashboard {
            default_period,
            latest,
            grain: view.grain,
            comparison: view.comparison,
            facts: facts.clone(),
            selection: Selection::new(ws, &scope.filters),
            typed: view.targets.clone(),
            kpis: kpi::CATALOG.iter().map(|_| OnceLock::new()).collect(),
            people: Default::default(),
            loaded: loaded.clone(),
            scope,
        })
    }
}

/// Rows loaded above which the first page drawn spreads its tiles and charts over tasks: at
/// 100,000 rows the first page in one task took 53-67 ms; spread, no task is over 50 ms and the
/// page is drawn as soon.
pub const BIG_ROWS: usize = 50_000;

/// The dashboard handle: the figures, recomputed when the data, the currency or a view setting
/// they depend on changes (not the breadcrumb or the board's layout).
#[derive(Clone, Copy)]
pub struct DashState {
    /// The figures derived from the data and the view; `None` when the data has no dates.
    pub dashboard: Memo<Option<Shared<Dashboard>>>,
    /// Whether the next page drawn spreads its charts over tasks of their own: set when big
    /// data is shown, cleared once they are drawn.
    pub spread_first_draw: StoredValue<bool>,
    /// Views of such a first page still working out their KPIs: the page is loading until
    /// none is (the root's `data-state` says so, and tests and benchmarks wait for it).
    pub working_out: RwSignal<usize>,
}

impl DashState {
    /// Whether a part of a page may be worked out and drawn: at once, except on the first page
    /// of newly loaded big data (see [`DashState::spread_first_draw`]), where it waits for a
    /// task of its own after those before it, the page loading until it is drawn. Later
    /// redraws (a filter, a period) go at once.
    pub fn in_own_task(self) -> RwSignal<bool> {
        let deferred = self.spread_first_draw.get_value();
        let ready = RwSignal::new(!deferred);
        if deferred {
            self.working_out.update(|n| *n += 1);
            set_timeout(
                move || {
                    ready.try_set(true);
                    self.spread_first_draw.try_set_value(false);
                    self.working_out.try_update(|n| *n = n.saturating_sub(1));
                },
                std::time::Duration::ZERO,
            );
        }
        ready
    }

    /// The figures of `data` over `view`.
    pub fn new(data: DataState, view: ViewState) -> DashState {
        let (loaded, settings, currency) = (data.loaded, view.view, view.currency);
        let inputs = Memo::new(move |_| settings.with(ViewSettings::figures_inputs));
        let facts = Memo::new(move |_| loaded.with(|l| Shared(Arc::new(DataFacts::of(&l.workspace)))));
        let dashboard = Memo::new(move |_| {
            let c = currency.get();
            let facts = facts.get();
            inputs.with(|v| loaded.with(|l| Dashboard::compute(l, &facts, c, v).map(|d| Shared(Arc::new(d)))))
        });
        DashState { dashboard, spread_first_draw: StoredValue::new(false), working_out: RwSignal::new(0) }
    }
}
