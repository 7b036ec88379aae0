//! What the user looks at: the view handle.

use super::board::{default_board, BoardItem};
use super::page::Page;
use leptos::prelude::*;
use pipelens_engine::change::WindowChoice;
use pipelens_engine::kpi::{Comparison, KpiId};
use pipelens_engine::lang::Lang;
use pipelens_engine::sql::Dialect;
use pipelens_engine::{Dim, Filters, Grain, Period, Settings};
use std::collections::{BTreeMap, BTreeSet};

/// A step of a drill-down: the filters before it, to go back to, and what it narrowed to.
#[derive(Clone, Debug, PartialEq)]
pub struct Crumb {
    /// The filters before the step.
    pub before: Filters,
    /// `Team: East`.
    pub label: String,
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
    /// The Pipeline change page's close-date window.
    pub change_window: WindowChoice,
}

impl Default for ViewSettings {
    fn default() -> Self {
        ViewSettings {
            period: None,
            grain: Grain::Month,
            comparison: Comparison::Previous,
            filters: Filters::none(),
            crumbs: Vec::new(),
            board: default_board(),
            settings: Settings::default(),
            targets: BTreeMap::new(),
            change_window: WindowChoice::All,
        }
    }
}

impl ViewSettings {
    /// Narrows the filters to one segment, remembering the step for the breadcrumb.
    pub fn drill(&mut self, dim: Dim, value: &str) {
        if self.filters.0.get(&dim).is_some_and(|v| v.len() == 1 && v[0] == value) {
            return;
        }
        let label = format!("{}: {value}", crate::i18n::engine_words::dim(dim));
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

    /// What the figures depend on: the view without the breadcrumb, the board's layout and the
    /// Pipeline change page's window (that page compares the exports itself).
    pub fn figures_inputs(&self) -> ViewSettings {
        ViewSettings { crumbs: Vec::new(), board: Vec::new(), change_window: WindowChoice::All, ..self.clone() }
    }
}

/// The view handle: the page, the view settings, the currency, the theme, the language, and
/// which explanations and SQL boxes are open.
#[derive(Clone, Copy)]
pub struct ViewState {
    /// The page on screen (kept in step with the address by `crate::route`).
    pub page: RwSignal<Page>,
    /// The period, filters, settings and targets the user chose.
    pub view: RwSignal<ViewSettings>,
    /// The currency the user picked for amounts (`None`: the data's default).
    pub currency: RwSignal<Option<u32>>,
    /// Whether the dark theme is on.
    pub dark: RwSignal<bool>,
    /// The language the page speaks (the app rebuilds the page when it changes; the data and
    /// the figures stay).
    pub lang: RwSignal<Lang>,
    /// Tiles whose explanation is open, kept across recomputations.
    pub open_explain: RwSignal<BTreeSet<KpiId>>,
    /// Tiles whose SQL box is open, kept across recomputations.
    pub open_sql: RwSignal<BTreeSet<KpiId>>,
    /// The SQL dialect last chosen in a SQL box: every box shows it.
    pub dialect: RwSignal<Dialect>,
}

impl ViewState {
    /// The default view of `page`, in the light or dark theme, in `lang`.
    pub fn new(page: RwSignal<Page>, dark: bool, lang: Lang) -> ViewState {
        ViewState {
            page,
            view: RwSignal::new(ViewSettings::default()),
            currency: RwSignal::new(None),
            dark: RwSignal::new(dark),
            lang: RwSignal::new(lang),
            open_explain: RwSignal::new(BTreeSet::new()),
            open_sql: RwSignal::new(BTreeSet::new()),
            dialect: RwSignal::new(Dialect::DuckDb),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_drill_down_can_be_walked_back() {
        let mut v = ViewSettings::default();
        v.drill(Dim::LeadSource, "Web");
        v.drill(Dim::LeadSource, "Web");
        v.drill(Dim::Owner, "Ann");
        assert_eq!(v.crumbs.iter().map(|c| c.label.as_str()).collect::<Vec<_>>(), ["Lead source: Web", "Owner: Ann"]);
        v.back_to(1);
        assert_eq!(v.filters, Filters::none().with(Dim::LeadSource, "Web"));
        v.back_to(0);
        assert_eq!((v.filters, v.crumbs.len()), (Filters::none(), 0));
    }
}
