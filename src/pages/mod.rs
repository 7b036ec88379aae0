//! The pages: one per audience (executive, manager, rep, pipeline, leads, customers), the
//! custom board and the whole catalog. Each page picks KPI tiles and charts; the figures come
//! from the engine through the dashboard and the chart catalog.

pub mod board;
pub mod catalog;
pub mod change;
pub mod custom;
pub mod manager;
pub mod nav;
pub mod rep;

use crate::i18n::words::Lead;
use crate::state::ChartId;
use crate::state::Page;
use pipelens_engine::kpi::KpiId;

/// What a page built from tiles and charts shows.
pub struct Layout {
    /// One sentence on who the page is for and what it answers.
    pub lead: Lead,
    /// KPI tiles, in order.
    pub kpis: &'static [KpiId],
    /// Charts, in order.
    pub charts: &'static [ChartId],
}

/// The executive page.
pub const EXECUTIVE: Layout = Layout {
    lead: Lead::Executive,
    kpis: &[
        KpiId::Revenue,
        KpiId::RevenueGrowth,
        KpiId::RevenueGrowthYoy,
        KpiId::WinRate,
        KpiId::PipelineValue,
        KpiId::PipelineCoverage,
        KpiId::SalesVelocity,
        KpiId::ForecastAccuracy,
        KpiId::Mrr,
        KpiId::Arr,
        KpiId::Cac,
        KpiId::Clv,
        KpiId::ClvCacRatio,
        KpiId::ChurnRate,
        KpiId::RevenueMix,
    ],
    charts: &[ChartId::Trend(KpiId::Revenue), ChartId::Pacing, ChartId::RevenueMix, ChartId::ForecastVsActual],
};

/// The pipeline and funnel page.
pub const PIPELINE: Layout = Layout {
    lead: Lead::Pipeline,
    kpis: &[
        KpiId::PipelineValue,
        KpiId::PipelineCoverage,
        KpiId::PipelineCount,
        KpiId::FunnelConversion,
        KpiId::SalesCycleDays,
        KpiId::AvgDealSize,
        KpiId::ProductPerformance,
    ],
    charts: &[ChartId::PipelineByStage, ChartId::Funnel, ChartId::CycleHistogram, ChartId::ProductRevenue],
};

/// The leads and activity page.
pub const LEADS: Layout = Layout {
    lead: Lead::Leads,
    kpis: &[
        KpiId::LeadsCreated,
        KpiId::QualifiedLeads,
        KpiId::LeadToOpportunity,
        KpiId::LeadConversionRate,
        KpiId::LeadResponseTime,
        KpiId::TouchpointsToMeeting,
        KpiId::ActivityVolume,
    ],
    charts: &[ChartId::LeadsTrend, ChartId::ResponseHistogram, ChartId::ActivityByType],
};

/// The customers page.
pub const CUSTOMERS: Layout = Layout {
    lead: Lead::Customers,
    kpis: &[
        KpiId::NewCustomers,
        KpiId::ChurnRate,
        KpiId::RetentionRate,
        KpiId::Mrr,
        KpiId::Arr,
        KpiId::Cac,
        KpiId::Clv,
        KpiId::ClvCacRatio,
    ],
    charts: &[ChartId::Trend(KpiId::ChurnRate), ChartId::Trend(KpiId::NewCustomers), ChartId::Cohorts],
};

/// The layout of a page built from tiles and charts only.
pub fn layout(page: &Page) -> Option<&'static Layout> {
    match page {
        Page::Executive => Some(&EXECUTIVE),
        Page::Pipeline => Some(&PIPELINE),
        Page::Leads => Some(&LEADS),
        Page::Customers => Some(&CUSTOMERS),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_tile_on_a_page_is_a_kpi_of_the_catalog() {
        for l in [&EXECUTIVE, &PIPELINE, &LEADS, &CUSTOMERS] {
            for id in l.kpis {
                assert_eq!(pipelens_engine::kpi::find(id.as_str()).map(|d| d.id), Some(*id), "{id}");
            }
            for c in l.charts {
                if let ChartId::Trend(id) = c {
                    assert_eq!(pipelens_engine::kpi::find(id.as_str()).map(|d| d.id), Some(*id), "{id}");
                }
            }
        }
    }
}
