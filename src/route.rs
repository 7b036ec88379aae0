//! The page in the address: the URL fragment, so the host serving the page never sees it; the
//! browser's back and forward buttons move between pages. The pages themselves are
//! [`crate::state::Page`].

use crate::state::Page;
use leptos::prelude::*;

/// The current page, kept in step with the address: it follows `hashchange` (links, back and
/// forward), and [`go`] changes both.
pub fn page_signal() -> RwSignal<Page> {
    let page = RwSignal::new(Page::parse(&current_hash()));
    let listener = window_event_listener(leptos::ev::hashchange, move |_| {
        let now = Page::parse(&current_hash());
        if page.get_untracked() != now {
            page.set(now);
        }
    });
    // The listener lives as long as the app.
    std::mem::forget(listener);
    page
}

fn current_hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// Shows `to` and puts its address in the history, so Back returns to the page before.
pub fn go(page: RwSignal<Page>, to: Page) {
    if window().location().set_hash(&to.href()).is_err() {
        page.set(to);
    }
}
