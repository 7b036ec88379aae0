//! Weighted pipeline and forecast categories (KPI_SPEC_PIPELINE_CHANGE.md): win probabilities
//! from the export's `probability` column or per-stage defaults, stages mapped to forecast
//! categories (Pipeline, Best case, Commit, Closed, Omitted) with the cumulative roll-ups, and
//! the signed forecast bias.
//!
//! The deals table does not carry `probability` or `forecast_category` yet, so the functions
//! take them as explicit per-row slices (rows like the deals'); ingest reads them later.

mod bias;
mod category;
mod probability;
mod rollup;
mod sql;
mod summary;
mod weighted;

pub use bias::{forecast_bias, ForecastBias, ForecastPeriod};
pub use category::{deal_categories, CategoryMap, ForecastCategory};
pub use probability::{default_probability, probabilities, StageProbabilities};
pub use rollup::{forecast_rollup, ForecastRollup};
pub use sql::{forecast_rollup_sql, weighted_pipeline_sql};
pub use summary::{ForecastSummary, WeightedRow};
pub use weighted::{weighted_pipeline, WeightedPipeline, WeightedStage};
