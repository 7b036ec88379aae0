//! The navigation between pages: links to their addresses, the current one marked. On a phone
//! the links are one row that scrolls sideways, kept scrolled to the current page's link.

use crate::state::Page;
use crate::state::ViewState;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The page tabs.
#[component]
pub fn Nav() -> impl IntoView {
    let page = ViewState::expect().page;
    let row = NodeRef::<leptos::html::Nav>::new();
    // A shared link may open on the last tab: bring it into the row's view (a no-op when the
    // row does not scroll, as on wider screens).
    Effect::new(move |_| {
        page.track();
        let Some(nav) = row.get() else { return };
        let current = nav.query_selector("a.current").ok().flatten();
        if let Some(link) = current.and_then(|a| a.dyn_into::<web_sys::HtmlElement>().ok()) {
            let (left, width) = (link.offset_left(), link.offset_width());
            let (scrolled, seen) = (nav.scroll_left(), nav.client_width());
            if left < scrolled || left + width > scrolled + seen {
                nav.set_scroll_left(left - (seen - width) / 2);
            }
        }
    });
    let links = Page::NAV
        .into_iter()
        .map(|p| {
            let slug = p.slug();
            let current = move || page.with(|now| now.slug() == slug);
            view! {
                <li>
                    <a href=p.href() data-page=slug class:current=current aria-current=move || current().then_some("page")>{crate::i18n::engine_words::page(&p)}</a>
                </li>
            }
        })
        .collect_view();
    view! { <nav class="pages" aria-label=crate::i18n::t(crate::i18n::words::Header::Dashboards) node_ref=row><ul>{links}</ul></nav> }
}
