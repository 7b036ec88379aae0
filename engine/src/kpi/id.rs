//! The typed id of every KPI: [`KpiId`], one variant per id of KPI_SPEC.md, in its order, then
//! the ids of KPI_SPEC_PIPELINE_CHANGE.md in theirs.
//!
//! Code names a KPI by its variant (`KpiId::WinRate`); the string form (`"win_rate"`) is for
//! what leaves the program or comes back to it: share links, settings files, `data-kpi`
//! attributes, the CLI and the SQL headers. [`KpiId::parse`] and [`KpiId::as_str`] convert.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// Declares [`KpiId`] from one list of `Variant => "id"` pairs, so the variants, their string
/// forms and [`KpiId::ALL`] cannot disagree.
macro_rules! kpi_ids {
    ($($variant:ident => $id:literal,)+) => {
        /// The id of a KPI of the registry (KPI_SPEC.md, then KPI_SPEC_PIPELINE_CHANGE.md), in
        /// the specs' order.
        #[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
        pub enum KpiId {
            $(
                #[doc = concat!("`", $id, "`")]
                $variant,
            )+
        }

        impl KpiId {
            /// Every id, in the spec's order (the registry's order).
            pub const ALL: &'static [KpiId] = &[$(KpiId::$variant),+];

            /// The stable string id of KPI_SPEC.md, as share links and settings store it.
            ///
            /// ```
            /// use pipelens_engine::kpi::KpiId;
            /// assert_eq!(KpiId::WinRate.as_str(), "win_rate");
            /// ```
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(KpiId::$variant => $id,)+
                }
            }

            /// The id whose string form is `s`, `None` when no KPI is called that.
            ///
            /// ```
            /// use pipelens_engine::kpi::KpiId;
            /// assert_eq!(KpiId::parse("win_rate"), Some(KpiId::WinRate));
            /// assert_eq!(KpiId::parse("Win rate"), None);
            /// ```
            pub fn parse(s: &str) -> Option<KpiId> {
                match s {
                    $($id => Some(KpiId::$variant),)+
                    _ => None,
                }
            }
        }
    };
}

kpi_ids! {
    Revenue => "revenue",
    RevenueGrowth => "revenue_growth",
    RevenueGrowthYoy => "revenue_growth_yoy",
    RevenueMix => "revenue_mix",
    Mrr => "mrr",
    Arr => "arr",
    RevenuePerRep => "revenue_per_rep",
    DealsWon => "deals_won",
    WinRate => "win_rate",
    AvgDealSize => "avg_deal_size",
    SalesCycleDays => "sales_cycle_days",
    PipelineValue => "pipeline_value",
    PipelineCount => "pipeline_count",
    PipelineCoverage => "pipeline_coverage",
    SalesVelocity => "sales_velocity",
    FunnelConversion => "funnel_conversion",
    ProductPerformance => "product_performance",
    DealSizeOutliers => "deal_size_outliers",
    ForecastAccuracy => "forecast_accuracy",
    QuotaAttainment => "quota_attainment",
    LeadsNeeded => "leads_needed",
    LeadsCreated => "leads_created",
    QualifiedLeads => "qualified_leads",
    LeadToOpportunity => "lead_to_opportunity",
    LeadConversionRate => "lead_conversion_rate",
    LeadResponseTime => "lead_response_time",
    TouchpointsToMeeting => "touchpoints_to_meeting",
    ActivityVolume => "activity_volume",
    NewCustomers => "new_customers",
    ChurnRate => "churn_rate",
    RetentionRate => "retention_rate",
    Cac => "cac",
    Clv => "clv",
    ClvCacRatio => "clv_cac_ratio",
    PipelineChange => "pipeline_change",
    SlippedDeals => "slipped_deals",
    TimeInStage => "time_in_stage",
    StageConversion => "stage_conversion",
    StalledDeals => "stalled_deals",
    WeightedPipeline => "weighted_pipeline",
    ForecastCommit => "forecast_commit",
    ForecastBestCase => "forecast_best_case",
    ForecastBias => "forecast_bias",
}

impl KpiId {
    /// Its registry entry.
    ///
    /// ```
    /// use pipelens_engine::kpi::KpiId;
    /// assert_eq!(KpiId::WinRate.def().name, "Win rate");
    /// ```
    pub fn def(self) -> &'static super::KpiDef {
        super::catalog::def(self)
    }
}

impl fmt::Display for KpiId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl AsRef<str> for KpiId {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl std::str::FromStr for KpiId {
    type Err = String;

    fn from_str(s: &str) -> Result<KpiId, String> {
        KpiId::parse(s).ok_or_else(|| format!("no KPI is called {s}"))
    }
}

impl Serialize for KpiId {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for KpiId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<KpiId, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn every_id_round_trips_through_its_string() {
        for &id in KpiId::ALL {
            assert_eq!(KpiId::parse(id.as_str()), Some(id), "{id}");
            assert_eq!(id.as_str().parse::<KpiId>(), Ok(id));
            let json = serde_json::to_string(&id).unwrap();
            assert_eq!(json, format!("\"{}\"", id.as_str()));
            assert_eq!(serde_json::from_str::<KpiId>(&json).unwrap(), id);
        }
    }

    #[test]
    fn string_ids_are_unique_snake_case() {
        let mut seen = HashSet::new();
        for &id in KpiId::ALL {
            let s = id.as_str();
            assert!(seen.insert(s), "duplicate id {s}");
            assert!(!s.is_empty() && s.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'), "{s}");
        }
    }

    #[test]
    fn unknown_strings_are_refused() {
        for s in ["", "Revenue", "revenue ", "win-rate", "no_such_kpi"] {
            assert_eq!(KpiId::parse(s), None, "{s:?}");
            assert!(serde_json::from_str::<KpiId>(&format!("{s:?}")).is_err(), "{s:?}");
        }
    }
}
