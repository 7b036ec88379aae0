//! The light and dark themes: the page follows the system's choice until the user picks one,
//! and charts redraw in the theme's colours.

use crate::charts::ChartStyle;
use leptos::prelude::*;

/// Whether the system asks for a dark theme.
pub fn prefers_dark() -> bool {
    window().match_media("(prefers-color-scheme: dark)").ok().flatten().is_some_and(|m| m.matches())
}

/// Sets `data-theme` on the document so the stylesheet's colours follow `dark`.
pub fn apply(dark: bool) {
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("data-theme", if dark { "dark" } else { "light" });
    }
}

/// The chart colours of the theme at `scale` device pixels per CSS pixel.
pub fn chart_style(dark: bool, scale: f64) -> ChartStyle {
    if dark {
        ChartStyle::dark(scale)
    } else {
        ChartStyle::light(scale)
    }
}
