//! Pipeline change: two exports of the same deals compared (KPI_SPEC_PIPELINE_CHANGE.md,
//! "Snapshot comparison").
//!
//! [`compare`] puts every deal in scope at the earlier or the later export into exactly one
//! bar of the waterfall (start, new, pulled in, increased, decreased, pushed out, won, lost,
//! end) by the spec's precedence, with the deals behind each bar, and counts the slipped
//! deals and the stage moves beside. [`overlap`] tells whether two deals files are likely
//! two exports of the same deals, and [`snapshot_as_of`] the date an export shows.
//! [`compare_workspace`] and the summaries are what the page and the CLI show.

mod compare;
#[cfg(test)]
pub(crate) mod fixture;
mod flow;
mod money;
mod report;
mod snapshot;
mod sql;
pub(crate) mod sql_text;

pub use compare::{
    compare, ChangeError, ChangeNotes, CompareOptions, DealChange, FlowTotal, PipelineChange, StageMove,
};
pub use flow::Flow;
pub use money::{from_cents, to_cents, Cents};
pub use report::{
    compare_workspace, deals_csv, drill_down, BarRow, ChangeSummary, ChangeUnavailable, ConversionMatrix, DealRow,
    HistorySummary, StageRow, StalledRow, WindowChoice,
};
pub use snapshot::{overlap, snapshot_as_of, Overlap, LIKELY_SNAPSHOT_SHARE};
pub use sql::{pipeline_change_sql, slipped_deals_sql};
