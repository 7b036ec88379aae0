//! The app's state: what is loaded, what is being loaded, and the figures derived from it.

use crate::route::Page;
use leptos::prelude::*;
use pipelens_engine::ingest::{DatasetKind, DateOrder, ImportReport, Preview};
use pipelens_engine::kpi::{self, Comparison, KpiDef, KpiId, KpiResult, Target};
use pipelens_engine::{demo, Dim, Filters, Grain, Period, Scope, Selection, Settings, Workspace};
use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

/// Where the loaded data came from.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Source {
    /// The built-in demo company.
    Demo,
    /// Files the user loaded.
    Files,
}

/// A file the user loaded, and how it was read.
#[derive(Clone, Debug)]
pub struct FileEntry {
    /// Id of its handle in [`crate::io::file_store`].
    pub id: u64,
    /// File name.
    pub name: String,
    /// The dataset it was read as.
    pub kind: DatasetKind,
    /// The column of each field of `kind.fields()`.
    pub mapping: Vec<Option<usize>>,
    /// Whether the columns were recognised by their names (nobody chose them by hand).
    pub auto: bool,
    /// The user's answer for date columns that cannot tell day-first from month-first.
    pub date_order: Option<DateOrder>,
    /// Its data-quality report.
    pub report: ImportReport,
}

/// A loaded workspace with its origin and the files it was read from.
#[derive(Debug)]
pub struct Loaded {
    /// The datasets.
    pub workspace: Workspace,
    /// Where they came from.
    pub source: Source,
    /// The files, in the order they were loaded (none for the demo).
    pub files: Vec<FileEntry>,
}

impl Loaded {
    /// The demo company.
    pub fn demo() -> Loaded {
        Loaded { workspace: demo::demo_workspace(demo::DEMO_SEED), source: Source::Demo, files: Vec::new() }
    }

    /// The user's files loaded for `kind`.
    pub fn files_of(&self, kind: DatasetKind) -> impl Iterator<Item = &FileEntry> {
        self.files.iter().filter(move |f| f.kind == kind)
    }
}

/// An `Arc` compared by identity, so memos over big values stay cheap.
#[derive(Debug)]
pub struct Shared<T>(pub Arc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(Arc::clone(&self.0))
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// A file whose columns the user chooses (or reviews) before it is read.
#[derive(Debug)]
pub struct PendingFile {
    /// Id of its handle in [`crate::io::file_store`]: the file is read from it, in slices, when
    /// its columns are chosen (its bytes are not kept meanwhile).
    pub id: u64,
    /// File name.
    pub name: String,
    /// Headers, first rows, the dataset it seems to hold and the column guess.
    pub preview: Preview,
    /// The loaded file this one replaces once read (a review or a change of dataset).
    pub replaces: Option<u64>,
}

/// What the loader is doing.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadStatus {
    /// Nothing in progress.
    Idle,
    /// Reading a file: bytes done of total.
    Reading {
        /// File name.
        file: String,
        /// Bytes read so far.
        done: f64,
        /// File size.
        total: f64,
    },
    /// Parsing a file that has been read.
    Parsing {
        /// File name.
        file: String,
        /// Data rows parsed so far.
        rows: usize,
        /// Bytes of the file parsed so far.
        done: f64,
        /// File size.
        total: f64,
    },
    /// The last file could not be used; the previous data stays on screen.
    Failed(String),
    /// The file loaded, with something the user should know.
    Notice(String),
}

/// A step of a drill-down: the filters before it, to go back to, and what it narrowed to.
#[derive(Clone, Debug, PartialEq)]
pub struct Crumb {
    /// The filters before the step.
    pub before: Filters,
    /// `Team: East`.
    pub label: String,
}

/// An item of the custom board: a KPI tile or a chart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BoardItem {
    /// A KPI tile, by id.
    Kpi(KpiId),
    /// A chart.
    Chart(crate::charts::catalog::ChartId),
}

/// What the user chose to look at: the period, grain, comparison, filters, KPI settings,
/// typed targets and the custom board.
#[derive(Clone, Debug, PartialEq)]
pub struct ViewSettings {
    /// A custom period; `None` takes the default period of the data.
    pub period: Option<Period>,
    /// The bucket size of trends and sparklines.
    pub grain: Grain,
    /// What tiles and trends are compared with.
    pub comparison: Comparison,
    /// Segment filters.
    pub filters: Filters,
    /// The drill-down steps taken, oldest first (the breadcrumb).
    pub crumbs: Vec<Crumb>,
    /// The custom board's items, in order.
    pub board: Vec<BoardItem>,
    /// KPI settings (gross margin, revenue target).
    pub settings: Settings,
    /// Targets typed by the user, per KPI id.
    pub targets: BTreeMap<KpiId, f64>,
}

impl Default for ViewSettings {
    fn default() -> Self {
        ViewSettings {
            period: None,
            grain: Grain::Month,
            comparison: Comparison::Previous,
            filters: Filters::none(),
            crumbs: Vec::new(),
            board: crate::charts::catalog::default_board(),
            settings: Settings::default(),
            targets: BTreeMap::new(),
        }
    }
}

impl ViewSettings {
    /// Narrows the filters to one segment, remembering the step for the breadcrumb.
    pub fn drill(&mut self, dim: Dim, value: &str) {
        if self.filters.0.get(&dim).is_some_and(|v| v.len() == 1 && v[0] == value) {
            return;
        }
        let label = format!("{}: {value}", dim.title());
        self.crumbs.push(Crumb { before: self.filters.clone(), label });
        self.filters = self.filters.with(dim, value);
    }

    /// Goes back to the filters before drill-down step `step` (0: before any).
    pub fn back_to(&mut self, step: usize) {
        if let Some(c) = self.crumbs.get(step) {
            self.filters = c.before.clone();
            self.crumbs.truncate(step);
        }
    }
}

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
        DataFacts { currencies, dims }
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

    /// How the comparison is named on tiles: `previous period`, `same period last year`.
    pub fn compared_with(&self) -> &'static str {
        self.comparison.noun()
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
        let mut scope = ws.default_scope()?;
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
            latest: ws.latest_day()?,
            grain: view.grain,
            comparison: view.comparison,
            facts: facts.clone(),
            selection: Selection::new(ws, &scope.filters),
            typed: view.targets.clone(),
            kpis: kpi::CATALOG.iter().map(|_| OnceLock::new()).collect(),
            loaded: loaded.clone(),
            scope,
        })
    }
}

/// Rows loaded above which the first page drawn spreads its charts over tasks.
const BIG_ROWS: usize = 200_000;

/// Bumped on every window resize, so charts redraw at the new size.
#[derive(Clone, Copy)]
pub struct ResizeTick(pub RwSignal<u32>);

/// The app's shared state, provided as context.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The loaded data.
    pub loaded: RwSignal<Shared<Loaded>>,
    /// The loader's progress or last error.
    pub status: RwSignal<LoadStatus>,
    /// The currency the user picked for amounts (`None`: the data's default).
    pub currency: RwSignal<Option<u32>>,
    /// The period, filters, settings and targets the user chose.
    pub view: RwSignal<ViewSettings>,
    /// The page on screen.
    pub page: RwSignal<Page>,
    /// Whether the dark theme is on.
    pub dark: RwSignal<bool>,
    /// Tiles whose explanation is open, kept across recomputations.
    pub open_explain: RwSignal<std::collections::BTreeSet<KpiId>>,
    /// Id of the load in progress: a load whose id is no longer current stops.
    pub load_id: RwSignal<u64>,
    /// Files waiting for the user to choose (or review) their columns, first shown first.
    pub pending: RwSignal<Vec<Shared<PendingFile>>>,
    /// Whether a file for a dataset that is already loaded joins it (true) or replaces it.
    pub append: RwSignal<bool>,
    /// The figures derived from `loaded`.
    pub dashboard: Memo<Option<Shared<Dashboard>>>,
    /// A shared view waiting for the files it was made on to be loaded.
    pub awaiting: RwSignal<Option<crate::share::link::LinkState>>,
    /// A shared link whose data waits for its passphrase.
    pub locked: RwSignal<Option<crate::share::sync::LockedLink>>,
    /// The data part of the link the loaded data came from, kept in the address so a reload
    /// reopens it; `None` when the data came from anywhere else.
    pub link_data: RwSignal<Option<crate::share::fragment::Data>>,
    /// What this device remembers: nothing unless the user asks.
    pub remember: RwSignal<crate::share::device::Remember>,
    /// Whether the next page drawn spreads its charts over tasks of their own: set when big
    /// data is shown, cleared once they are drawn.
    pub spread_first_draw: StoredValue<bool>,
}

impl AppState {
    /// State with the demo company loaded.
    pub fn new() -> AppState {
        let loaded = RwSignal::new(Shared(Arc::new(Loaded::demo())));
        let currency = RwSignal::new(None);
        let view = RwSignal::new(ViewSettings::default());
        // The figures depend on the scope, not on the breadcrumb or the custom board's layout.
        let inputs =
            Memo::new(move |_| view.with(|v| ViewSettings { crumbs: Vec::new(), board: Vec::new(), ..v.clone() }));
        let facts = Memo::new(move |_| loaded.with(|l| Shared(Arc::new(DataFacts::of(&l.workspace)))));
        let dashboard = Memo::new(move |_| {
            let c = currency.get();
            let facts = facts.get();
            inputs.with(|v| loaded.with(|l| Dashboard::compute(l, &facts, c, v).map(|d| Shared(Arc::new(d)))))
        });
        AppState {
            loaded,
            status: RwSignal::new(LoadStatus::Idle),
            currency,
            view,
            page: crate::route::page_signal(),
            dark: RwSignal::new(crate::theme::prefers_dark()),
            open_explain: RwSignal::new(Default::default()),
            load_id: RwSignal::new(0),
            pending: RwSignal::new(Vec::new()),
            append: RwSignal::new(false),
            dashboard,
            awaiting: RwSignal::new(None),
            locked: RwSignal::new(None),
            link_data: RwSignal::new(None),
            remember: RwSignal::new(crate::share::device::remembered_mode()),
            spread_first_draw: StoredValue::new(false),
        }
    }

    /// Starts a load, stopping any other, and returns its id.
    pub fn begin_load(&self) -> u64 {
        let id = self.load_id.get_untracked() + 1;
        self.load_id.set(id);
        id
    }

    /// Stops the load in progress; the data on screen stays.
    pub fn cancel_load(&self) {
        self.begin_load();
        self.status.set(LoadStatus::Idle);
    }

    /// Shows newly loaded data, with amounts in its default currency.
    pub fn show(&self, loaded: Loaded) {
        // Let go of the handles of files no longer loaded or waiting.
        let mut ids: Vec<u64> = loaded.files.iter().map(|f| f.id).collect();
        self.pending.with_untracked(|p| ids.extend(p.iter().map(|f| f.id)));
        crate::io::file_store::retain(&ids);
        self.currency.set(None);
        self.link_data.set(None);
        // Filters and a custom period belong to the data they were chosen on.
        self.view.update(|v| {
            v.period = None;
            v.filters = Filters::none();
            v.crumbs.clear();
        });
        self.spread_first_draw.set_value(loaded.workspace.total_rows() > BIG_ROWS);
        self.loaded.set(Shared(Arc::new(loaded)));
    }

    /// The value of the root's `data-state` hook: `loading`, `error`, `ready` or `empty`.
    pub fn data_state(&self) -> &'static str {
        match self.status.get() {
            LoadStatus::Reading { .. } | LoadStatus::Parsing { .. } => "loading",
            LoadStatus::Failed(_) => "error",
            LoadStatus::Idle | LoadStatus::Notice(_) if self.dashboard.with(Option::is_some) => "ready",
            LoadStatus::Idle | LoadStatus::Notice(_) => "empty",
        }
    }
}

impl Default for AppState {
    fn default() -> Self {
        AppState::new()
    }
}
