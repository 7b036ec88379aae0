//! The navigation between pages: links to their addresses, the current one marked.

use crate::state::Page;
use crate::state::ViewState;
use leptos::prelude::*;

/// The page tabs.
#[component]
pub fn Nav() -> impl IntoView {
    let page = ViewState::expect().page;
    let links = Page::NAV
        .into_iter()
        .map(|p| {
            let slug = p.slug();
            let current = move || page.with(|now| now.slug() == slug);
            view! {
                <li>
                    <a href=p.href() data-page=slug class:current=current aria-current=move || current().then_some("page")>{p.title()}</a>
                </li>
            }
        })
        .collect_view();
    view! { <nav class="pages" aria-label="Dashboards"><ul>{links}</ul></nav> }
}
