//! Stage history (KPI_SPEC_PIPELINE_CHANGE.md): a typed history of stage changes, built from
//! a history table ([`StageHistory::from_table`], e.g. Salesforce `OpportunityHistory`) or
//! from the deals' `entered_<stage>` dates ([`StageHistory::from_entered_dates`]), and the
//! KPIs over it: [`time_in_stage`], [`stage_conversion`], [`pushes`] and [`stalled_deals`].
//!
//! Every function takes a deal mask over the history's deals ([`StageHistory::deal_mask`]
//! turns the deals table's segment filter into one), so these KPIs filter like the others.

mod conversion;
pub mod link;
mod pushes;
mod quantile;
mod spells;
mod sql;
mod stalled;
mod table;

pub use conversion::{stage_conversion, StageConversion};
pub use pushes::{pushes, DealPushes, Pushes};
pub use quantile::quantile;
pub use spells::{spells, time_in_stage, Spell, StageTime, TimeInStage};
pub(crate) use sql::{ended_in, per_stage_body, spell_ctes, stalled_count, stalled_ctes, Cte};
pub use sql::{stage_conversion_sql, stalled_deals_sql, time_in_stage_by_stage_sql, time_in_stage_sql};
pub use stalled::{stalled_deals, Stalled, StalledDeal};
pub use table::{HistoryBuilder, HistoryError, HistoryEvent, StageHistory};
