//! The app's state: the base layer of the UI. It imports only the engine, leptos and std, never
//! another module of this crate, so every other room may import it and none is imported back.
//!
//! The state is split by concern into small `Copy` handles, each provided as its own context:
//!
//! - [`DataState`]: what is loaded, what is being loaded and the files waiting for columns;
//! - [`ViewState`]: what the user looks at (page, period, filters, board, currency, theme);
//! - [`DashState`]: the figures derived from the two (a memo of the [`Dashboard`]);
//! - [`ShareState`]: a shared view waiting for its files or passphrase, and what this device
//!   remembers.
//!
//! A component takes the one handle it needs (`ViewState::expect()`), the way the Leptos
//! examples hand a child `set_todos` rather than the whole app. The two orchestrators that move
//! data between the handles (the loader and the share sync) receive [`AppState`], the four
//! handles together.

mod board;
mod dashboard;
mod data;
mod page;
mod share;
mod view;

pub use board::{default_board, BoardItem, ChartId};
pub use dashboard::{DashState, Dashboard, DataFacts, KpiView, BIG_ROWS};
pub use data::{DataState, FileEntry, LoadStatus, Loaded, PendingFile, Source};
pub use page::Page;
pub use share::{LinkData, LockedLink, Remember, ShareState};
pub use view::{Crumb, ViewSettings, ViewState};

use leptos::prelude::*;
use std::sync::Arc;

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

/// Bumped on every window resize, so charts redraw at the new size.
#[derive(Clone, Copy)]
pub struct ResizeTick(pub RwSignal<u32>);

/// What the browser says when the app starts: the page in the address, the system's theme and
/// what this device was asked to remember. Read by the caller, so the state does no I/O.
pub struct Start {
    /// The page signal, kept in step with the address by the router.
    pub page: RwSignal<Page>,
    /// Whether the system asks for a dark theme.
    pub dark: bool,
    /// The browser's preferred language, as far as the app speaks it.
    pub lang: pipelens_engine::lang::Lang,
    /// What this device remembers.
    pub remember: Remember,
}

/// The four handles together, for the orchestrators that move data between them (the loader
/// and the share sync). Components take a single handle instead.
#[derive(Clone, Copy)]
pub struct AppState {
    /// What is loaded.
    pub data: DataState,
    /// What the user looks at.
    pub view: ViewState,
    /// The figures.
    pub dash: DashState,
    /// Shared views and this device's memory.
    pub share: ShareState,
}

impl AppState {
    /// State with the demo company loaded, each handle provided as a context.
    pub fn provide(start: Start) -> AppState {
        let data = DataState::new();
        let view = ViewState::new(start.page, start.dark, start.lang);
        let dash = DashState::new(data, view);
        let share = ShareState::new(start.remember);
        provide_context(data);
        provide_context(view);
        provide_context(dash);
        provide_context(share);
        // Not provided as a whole: a component takes the one handle it needs.
        AppState { data, view, dash, share }
    }

    /// Shows newly loaded data, with amounts in its default currency. Filters and a custom
    /// period belong to the data they were chosen on, so they are cleared.
    pub fn show(&self, loaded: Loaded) {
        self.view.currency.set(None);
        self.share.link_data.set(None);
        self.view.view.update(|v| {
            v.period = None;
            v.filters = pipelens_engine::Filters::none();
            v.crumbs.clear();
        });
        self.dash.spread_first_draw.set_value(loaded.workspace.total_rows() > BIG_ROWS);
        self.data.loaded.set(Shared(Arc::new(loaded)));
    }

    /// The value of the root's `data-state` hook: `loading`, `error`, `ready` or `empty`.
    pub fn data_state(&self) -> &'static str {
        match self.data.status.get() {
            LoadStatus::Reading { .. } | LoadStatus::Parsing { .. } => "loading",
            LoadStatus::Failed(_) => "error",
            LoadStatus::Idle | LoadStatus::Notice(_) if self.dash.working_out.get() > 0 => "loading",
            LoadStatus::Idle | LoadStatus::Notice(_) if self.dash.dashboard.with(Option::is_some) => "ready",
            LoadStatus::Idle | LoadStatus::Notice(_) => "empty",
        }
    }
}

/// A typed context accessor for each handle: `ViewState::expect()`.
macro_rules! expect_handle {
    ($($t:ty),*) => {$(
        impl $t {
            /// This handle, from context (provided by [`AppState::provide`]).
            pub fn expect() -> $t {
                expect_context::<$t>()
            }
        }
    )*};
}
expect_handle!(DataState, ViewState, DashState, ShareState);

#[cfg(test)]
mod tests {
    use super::*;

    fn state() -> AppState {
        let page = RwSignal::new(Page::Executive);
        AppState::provide(Start { page, dark: false, lang: Default::default(), remember: Remember::Nothing })
    }

    #[test]
    fn the_dashboard_follows_the_view_and_new_data_clears_the_filters() {
        let owner = Owner::new();
        owner.set();
        let s = state();
        let before = s.dash.dashboard.get_untracked().expect("the demo has dates");
        s.view.view.update(|v| v.filters = v.filters.with(pipelens_engine::Dim::Owner, "nobody"));
        let after = s.dash.dashboard.get_untracked().unwrap();
        assert_ne!(before, after, "a filter change makes a new dashboard");
        assert_eq!(after.scope.filters, s.view.view.get_untracked().filters);
        s.show(Loaded::demo());
        assert!(s.view.view.get_untracked().filters.0.is_empty());
        assert_eq!(s.data_state(), "ready");
    }

    #[test]
    fn the_board_layout_does_not_recompute_the_figures() {
        let owner = Owner::new();
        owner.set();
        let s = state();
        let before = s.dash.dashboard.get_untracked();
        s.view.view.update(|v| v.board.reverse());
        assert_eq!(before, s.dash.dashboard.get_untracked());
    }
}
