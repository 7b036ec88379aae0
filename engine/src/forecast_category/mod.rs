//! Weighted pipeline and forecast categories (KPI_SPEC_PIPELINE_CHANGE.md): win probabilities
//! from the export's `probability` column or per-stage defaults, stages mapped to forecast
//! categories (Pipeline, Best case, Commit, Closed, Omitted) with the cumulative roll-ups, and
//! the signed forecast bias.
//!
//! The functions take the export's `probability` and `forecast_category` columns as per-row
//! slices (rows like the deals'): [`crate::DealsTable::probability`] and
//! [`crate::DealsTable::forecast_category`] as ingest reads them.

mod bias;
mod category;
#[cfg(test)]
mod indexed;
mod probability;
mod rollup;
mod sql;
mod summary;
mod weighted;

pub use bias::{forecast_bias, ForecastBias, ForecastPeriod};
pub use category::{deal_categories, CategoryMap, DealCategories, ForecastCategory};
pub use probability::{default_probability, probabilities, StageProbabilities};
pub use rollup::{forecast_rollup, ForecastRollup};
pub(crate) use sql::{category_case, category_of_column, probability_case};
pub use sql::{forecast_rollup_sql, weighted_pipeline_sql};
pub use summary::{ForecastSummary, WeightedRow};
pub use weighted::{weighted_pipeline, weighted_pipeline_on, WeightedPipeline, WeightedStage};
