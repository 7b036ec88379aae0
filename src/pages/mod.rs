//! The pages: one per audience (executive, manager, rep, pipeline, leads, customers), the
//! custom board and the whole catalog. Each page picks KPI tiles and charts; the figures come
//! from the engine through the dashboard and the chart catalog.

pub mod board;
pub mod catalog;
pub mod custom;
pub mod manager;
pub mod nav;
pub mod rep;

use crate::state::ChartId;
use crate::state::Page;

/// What a page built from tiles and charts shows.
pub struct Layout {
    /// One sentence on who the page is for and what it answers.
    pub lead: &'static str,
    /// KPI tiles, in order.
    pub kpis: &'static [&'static str],
    /// Charts, in order.
    pub charts: &'static [ChartId],
}

/// The executive page.
pub const EXECUTIVE: Layout = Layout {
    lead: "Are we growing, will we hit the number, and is growth paying for itself?",
    kpis: &pipelens_engine::views::EXECUTIVE_KPIS,
    charts: &[ChartId::Trend("revenue"), ChartId::Pacing, ChartId::RevenueMix, ChartId::ForecastVsActual],
};

/// The pipeline and funnel page.
pub const PIPELINE: Layout = Layout {
    lead: "Where deals are, where they stall and leak, how long they take and what sells.",
    kpis: &[
        "pipeline_value",
        "pipeline_coverage",
        "pipeline_count",
        "funnel_conversion",
        "sales_cycle_days",
        "avg_deal_size",
        "product_performance",
    ],
    charts: &[ChartId::PipelineByStage, ChartId::Funnel, ChartId::CycleHistogram, ChartId::ProductRevenue],
};

/// The leads and activity page.
pub const LEADS: Layout = Layout {
    lead: "Is the top of the funnel full, are leads answered fast, and is the team busy on the right things?",
    kpis: &[
        "leads_created",
        "qualified_leads",
        "lead_to_opportunity",
        "lead_conversion_rate",
        "lead_response_time",
        "touchpoints_to_meeting",
        "activity_volume",
    ],
    charts: &[ChartId::LeadsTrend, ChartId::ResponseHistogram, ChartId::ActivityByType],
};

/// The customers page.
pub const CUSTOMERS: Layout = Layout {
    lead: "Who we win, who stays, and whether each customer is worth what they cost to win.",
    kpis: &["new_customers", "churn_rate", "retention_rate", "mrr", "arr", "cac", "clv", "clv_cac_ratio"],
    charts: &[ChartId::Trend("churn_rate"), ChartId::Trend("new_customers"), ChartId::Cohorts],
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
                assert!(pipelens_engine::kpi::find(id).is_some(), "{id}");
            }
            for c in l.charts {
                if let ChartId::Trend(id) = c {
                    assert!(pipelens_engine::kpi::find(id).is_some(), "{id}");
                }
            }
        }
    }
}
