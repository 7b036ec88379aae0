//! What a board can hold: KPI tiles and the charts of the chart catalog, by stable keys that
//! links and settings files carry.

use pipelens_engine::kpi::{self, KpiId};
use pipelens_engine::Dim;

/// An item of the custom board: a KPI tile or a chart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BoardItem {
    /// A KPI tile, by id.
    Kpi(KpiId),
    /// A chart.
    Chart(ChartId),
}

impl BoardItem {
    /// A stable key: `kpi:revenue` for a tile, the chart's key for a chart.
    pub fn key(self) -> String {
        match self {
            BoardItem::Kpi(id) => format!("kpi:{id}"),
            BoardItem::Chart(c) => c.key(),
        }
    }

    /// The item with `key`.
    pub fn parse(key: &str) -> Option<BoardItem> {
        match key.strip_prefix("kpi:") {
            Some(id) => kpi::find(id).map(|d| BoardItem::Kpi(d.id)),
            None => ChartId::parse(key).map(BoardItem::Chart),
        }
    }
}

/// A chart of the catalog.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChartId {
    /// A KPI per bucket, with the comparison period dashed.
    Trend(KpiId),
    /// Cumulative won revenue against a straight line to the target.
    Pacing,
    /// Won revenue per bucket, stacked by deal type.
    RevenueMix,
    /// Forecast and actual revenue per forecast period.
    ForecastVsActual,
    /// Open pipeline per stage.
    PipelineByStage,
    /// Deals reaching each stage, with conversion and leakage.
    Funnel,
    /// Sales cycle lengths of won deals, by lead source.
    CycleHistogram,
    /// Won revenue per product.
    ProductRevenue,
    /// Quota attainment per rep.
    AttainmentByRep,
    /// Leads created and qualified per bucket.
    LeadsTrend,
    /// Minutes to first contact, with the 5-minute mark.
    ResponseHistogram,
    /// Activities per bucket, by type.
    ActivityByType,
    /// Share of each start-month cohort still active, month by month.
    Cohorts,
}

impl ChartId {
    /// Every chart the custom board offers, in menu order.
    pub const MENU: [ChartId; 16] = [
        ChartId::Trend(KpiId::Revenue),
        ChartId::Pacing,
        ChartId::RevenueMix,
        ChartId::ForecastVsActual,
        ChartId::Trend(KpiId::WinRate),
        ChartId::Trend(KpiId::PipelineValue),
        ChartId::PipelineByStage,
        ChartId::Funnel,
        ChartId::CycleHistogram,
        ChartId::ProductRevenue,
        ChartId::AttainmentByRep,
        ChartId::LeadsTrend,
        ChartId::ResponseHistogram,
        ChartId::ActivityByType,
        ChartId::Trend(KpiId::ChurnRate),
        ChartId::Cohorts,
    ];

    /// A stable key: `trend:revenue`, `pacing`, …
    pub fn key(self) -> String {
        match self {
            ChartId::Trend(id) => format!("trend:{id}"),
            other => other.slug().to_owned(),
        }
    }

    fn slug(self) -> &'static str {
        match self {
            ChartId::Trend(_) => "trend",
            ChartId::Pacing => "pacing",
            ChartId::RevenueMix => "revenue-mix",
            ChartId::ForecastVsActual => "forecast-vs-actual",
            ChartId::PipelineByStage => "pipeline-by-stage",
            ChartId::Funnel => "funnel",
            ChartId::CycleHistogram => "cycle-histogram",
            ChartId::ProductRevenue => "product-revenue",
            ChartId::AttainmentByRep => "attainment-by-rep",
            ChartId::LeadsTrend => "leads-trend",
            ChartId::ResponseHistogram => "response-histogram",
            ChartId::ActivityByType => "activity-by-type",
            ChartId::Cohorts => "cohorts",
        }
    }

    /// The chart with `key`.
    pub fn parse(key: &str) -> Option<ChartId> {
        if let Some(id) = key.strip_prefix("trend:") {
            return kpi::find(id).map(|d| ChartId::Trend(d.id));
        }
        ChartId::MENU.into_iter().find(|c| !matches!(c, ChartId::Trend(_)) && c.slug() == key)
    }

    /// The chart's title.
    pub fn title(self) -> String {
        match self {
            ChartId::Trend(id) => id.def().name.to_owned(),
            ChartId::Pacing => "Pacing: won revenue against the target".into(),
            ChartId::RevenueMix => "Revenue mix by deal type".into(),
            ChartId::ForecastVsActual => "Forecast vs actual".into(),
            ChartId::PipelineByStage => "Open pipeline by stage".into(),
            ChartId::Funnel => "Funnel: deals created in the period".into(),
            ChartId::CycleHistogram => "Sales cycle length by lead source".into(),
            ChartId::ProductRevenue => "Won revenue by product".into(),
            ChartId::AttainmentByRep => "Quota attainment by rep".into(),
            ChartId::LeadsTrend => "Leads created and qualified".into(),
            ChartId::ResponseHistogram => "Time to first contact".into(),
            ChartId::ActivityByType => "Activities per week, by type".into(),
            ChartId::Cohorts => "Cohort retention".into(),
        }
    }

    /// The dimension a click on a mark narrows to, if the chart's marks are segments.
    pub fn drill(self) -> Option<Dim> {
        match self {
            ChartId::RevenueMix => Some(Dim::DealType),
            ChartId::CycleHistogram => Some(Dim::LeadSource),
            ChartId::ProductRevenue => Some(Dim::Product),
            ChartId::AttainmentByRep => Some(Dim::Owner),
            _ => None,
        }
    }
}

/// The items the custom board starts with.
pub fn default_board() -> Vec<BoardItem> {
    vec![
        BoardItem::Kpi(KpiId::Revenue),
        BoardItem::Kpi(KpiId::WinRate),
        BoardItem::Kpi(KpiId::PipelineValue),
        BoardItem::Kpi(KpiId::QuotaAttainment),
        BoardItem::Chart(ChartId::Trend(KpiId::Revenue)),
        BoardItem::Chart(ChartId::PipelineByStage),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_board_item_round_trips_through_its_key() {
        let items =
            kpi::CATALOG.iter().map(|d| BoardItem::Kpi(d.id)).chain(ChartId::MENU.into_iter().map(BoardItem::Chart));
        for item in items {
            assert_eq!(BoardItem::parse(&item.key()), Some(item), "{}", item.key());
        }
        assert_eq!(BoardItem::parse("kpi:nope"), None);
        assert_eq!(BoardItem::parse("trend"), None);
    }
}
