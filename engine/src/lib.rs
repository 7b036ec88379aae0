//! The pipelens engine: CSV ingest, typed columnar tables, KPI computation and the demo
//! company. Plain Rust with no browser types, so it is tested and benchmarked natively and
//! runs unchanged in WebAssembly.
//!
//! The flow is bytes → [`ingest::read_file`] (or an [`ingest::Session`] fed slices) → a
//! [`DealsTable`] and the other datasets' tables in a [`Workspace`] →
//! [`kpi::compute_all`] over a [`Scope`] → [`kpi::KpiResult`]s, with trends from
//! [`kpi::trend`] and the chart-ready aggregates of each audience view (executive, manager, rep,
//! pipeline, leads and activity, customers) from [`aggregates`].

pub mod aggregates;
pub mod change;
pub mod close_index;
pub mod column;
pub mod day;
pub mod day_rank;
pub mod deals_table;
pub mod demo;
pub mod error;
pub mod export;
pub mod file_set;
pub mod filter;
pub mod filters;
pub mod fixtures;
pub mod forecast_category;
pub mod format;
pub mod history;
pub mod ingest;
pub mod kpi;
pub mod lang;
pub mod mask;
pub mod memo;
pub mod open_memo;
pub mod open_tally;
pub mod pair_counts;
pub mod period;
pub mod pipeline_tally;
pub mod preset;
pub mod row_scan;
pub mod rows_token;
pub mod share;
pub mod sort;
pub mod sql;
pub mod stage;
pub mod stats;
pub mod status_bits;
pub mod table;
pub mod text;
pub mod warehouse;
pub mod wire;
pub mod workspace;

pub use day::Day;
pub use deals_table::{DealsTable, Dim};
pub use error::ImportError;
pub use filter::{Filters, Selection};
pub use period::{Grain, Period};
pub use stage::{classify_stage_name, StageRules, Status};
pub use table::{Column, FieldType, Table};
pub use workspace::{AsOf, Scope, Settings, Workspace};
