//! `<WhenOpen/>`: the form fields inside a closed disclosure, built only while it is open.
//!
//! A filter change builds tiles anew, and every `<select>` or `<input>` added to the page has
//! Chromium's autofill read all of the page's form fields again, forcing a layout for each
//! new one: with the SQL box's dialect select and the target field in every tile, that was
//! 10-16 ms of every filter change at a million rows, after the tiles were drawn. Closed, the
//! boxes hold no form field at all.

use leptos::prelude::*;

/// `children`, built while `open` holds and dropped when it is cleared.
#[component]
pub fn WhenOpen(
    /// Whether the disclosure is open (set by its `toggle` event).
    open: RwSignal<bool>,
    /// What the open disclosure shows.
    children: ChildrenFn,
) -> impl IntoView {
    move || open.get().then(|| children())
}
