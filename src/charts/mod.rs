//! Charts: drawing functions generic over any plotters backend, and the canvas component that
//! runs them in the page ([`canvas`]).
//!
//! Every dashboard chart takes already-aggregated data ([`model`]) and a [`ChartStyle`], draws on
//! a plotters drawing area and returns its marks as [`Hit`]s (CSS pixels) for tooltips and
//! drill-down: [`draw_lines`], [`draw_bars`], [`draw_columns`], [`draw_funnel`],
//! [`draw_histogram`], [`draw_heatmap`], [`draw_waterfall`].

mod axis;
pub mod bars;
pub mod canvas;
pub mod card;
pub mod catalog;
pub mod columns;
pub mod frame;
pub mod funnel;
pub mod heatmap;
pub mod histogram;
pub mod hit;
pub mod labels;
mod legend;
pub mod lines;
pub mod model;
pub mod style;
pub mod waterfall;

pub use bars::draw_bars;
pub use columns::draw_columns;
pub use frame::{HitResult, NO_DATA};
pub use funnel::draw_funnel;
pub use heatmap::draw_heatmap;
pub use histogram::draw_histogram;
pub use hit::{hit_at, Hit};
pub use labels::{long_label, month_name, short_label, truncate};
pub use lines::draw_lines;
pub use model::{
    Bar, BarChart, ColumnLayout, ColumnSeries, Columns, Funnel, FunnelStep, Heatmap, Histogram, Line, LineChart, Marker,
};
pub use style::ChartStyle;
pub use waterfall::{draw_waterfall, WaterfallBar};
