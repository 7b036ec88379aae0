//! Every chart the pages and the custom board can show: what it plots, built from the engine's
//! aggregates, with the same numbers as a table and a one-sentence summary.

use super::labels::long_label;
use super::{
    draw_bars, draw_columns, draw_funnel, draw_heatmap, draw_histogram, draw_lines, Bar, BarChart, ChartStyle,
    ColumnLayout, ColumnSeries, Columns, Funnel, FunnelStep, Heatmap, Histogram, Hit, Line, LineChart, Marker,
};
use crate::i18n::bins::bin_label;
use crate::i18n::charts::{grain_noun, Legend, Summary};
use crate::i18n::{current, engine_words, t, tf};
use crate::state::{ChartId, Dashboard};
use pipelens_engine::format::local::display_in;
use pipelens_engine::kpi::{self, Comparison, KpiId, Unit};
use pipelens_engine::text;
use pipelens_engine::{aggregates, Dim, Grain, Scope, Selection, Workspace};
use plotters::coord::Shift;
use plotters::prelude::*;

/// What a chart draws.
#[derive(Clone, Debug, PartialEq)]
pub enum Drawing {
    /// Lines over buckets.
    Lines(LineChart),
    /// Bars, one per category.
    Bars(BarChart),
    /// Stacked or grouped columns.
    Columns(Columns),
    /// Funnel steps.
    Funnel(Funnel),
    /// Binned counts.
    Histogram(Histogram),
    /// A grid of shares.
    Heatmap(Heatmap),
}

impl Drawing {
    /// Draws on `area` and returns the marks.
    pub fn draw<DB: DrawingBackend>(&self, area: &DrawingArea<DB, Shift>, style: &ChartStyle) -> Vec<Hit> {
        let drawn = match self {
            Drawing::Lines(c) => draw_lines(area, c, style),
            Drawing::Bars(c) => draw_bars(area, c, style),
            Drawing::Columns(c) => draw_columns(area, c, style),
            Drawing::Funnel(c) => draw_funnel(area, c, style),
            Drawing::Histogram(c) => draw_histogram(area, c, style),
            Drawing::Heatmap(c) => draw_heatmap(area, c, style),
        };
        drawn.unwrap_or_default()
    }
}

/// A row of a chart's table: its label, one value per column, and the segment it drills to.
#[derive(Clone, Debug, PartialEq)]
pub struct DataRow {
    /// Category, bucket or segment.
    pub label: String,
    /// One value per column.
    pub values: Vec<Option<f64>>,
    /// The segment a click on the row narrows to.
    pub drill: Option<String>,
}

/// The chart's numbers as a table: the "show as table" alternative.
#[derive(Clone, Debug, PartialEq)]
pub struct DataTable {
    /// Header of the label column.
    pub label: String,
    /// Column headers with their units.
    pub columns: Vec<(String, Unit)>,
    /// Rows.
    pub rows: Vec<DataRow>,
}

/// A chart ready to draw, or why there is nothing to draw.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartData {
    /// What to draw; `None` when there is nothing (see `summary`).
    pub drawing: Option<Drawing>,
    /// What the chart shows and its key figures, in one or two sentences.
    pub summary: String,
    /// The same numbers as a table.
    pub table: DataTable,
}

impl ChartData {
    fn empty(why: impl Into<String>) -> ChartData {
        ChartData {
            drawing: None,
            summary: why.into(),
            table: DataTable { label: String::new(), columns: Vec::new(), rows: Vec::new() },
        }
    }
}

/// Colour indexes per segment, the same on every chart: a segment's position among the values
/// its dimension takes in the data.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Palette(pub Vec<(Dim, Vec<String>)>);

impl Palette {
    /// The colour index of `segment` of `dim` (by order of appearance when unknown).
    pub fn of(&self, dim: Dim, segment: &str, fallback: usize) -> usize {
        self.0
            .iter()
            .find(|(d, _)| *d == dim)
            .and_then(|(_, values)| values.iter().position(|v| v == segment))
            .unwrap_or(fallback)
    }
}

/// What every chart is built over.
pub struct ChartInput<'a> {
    /// The loaded data.
    pub ws: &'a Workspace,
    /// Period, filters, currency and settings.
    pub scope: &'a Scope,
    /// Bucket size of trends.
    pub grain: Grain,
    /// What trends are compared with.
    pub comparison: Comparison,
    /// Segment colours.
    pub palette: &'a Palette,
    /// The dashboard, when the chart covers its scope: the rows its tiles select and the people
    /// table, worked out once for all of them.
    pub dashboard: Option<&'a Dashboard>,
}

impl ChartInput<'_> {
    /// The trend of `def` over the chart's scope, over the tiles' rows when it shares them.
    fn trend(&self, def: &'static kpi::KpiDef) -> Vec<kpi::TrendPoint> {
        match self.dashboard.map(Dashboard::selection) {
            Some(sel) => kpi::trend_in(def, &kpi::Ctx { ws: self.ws, scope: self.scope.clone(), sel }, self.grain),
            None => kpi::trend(def, self.ws, self.scope, self.grain),
        }
    }
}

/// Builds chart `id`.
pub fn build(id: ChartId, input: &ChartInput) -> ChartData {
    match id {
        ChartId::Trend(kpi_id) => trend(kpi_id, input),
        ChartId::Pacing => pacing(input),
        ChartId::RevenueMix => revenue_mix(input),
        ChartId::ForecastVsActual => forecast_vs_actual(input),
        ChartId::PipelineByStage => pipeline_by_stage(input),
        ChartId::Funnel => funnel(input),
        ChartId::CycleHistogram => cycle_histogram(input),
        ChartId::ProductRevenue => product_revenue(input),
        ChartId::AttainmentByRep => attainment_by_rep(input),
        ChartId::LeadsTrend => leads_trend(input),
        ChartId::ResponseHistogram => response_histogram(input),
        ChartId::ActivityByType => activity_by_type(input),
        ChartId::Cohorts => cohorts(input),
    }
}

/// A value in the current language, rounded as a tile shows it.
fn display(unit: Unit, v: f64) -> String {
    display_in(current(), unit, v)
}

/// A label's text as an owned value for a placeholder.
fn s(text: &str) -> String {
    text.to_owned()
}

/// Where the pacing target comes from, in words: `quotas`, `revenue target`.
fn pacing_source(source: &str) -> String {
    s(t(match source {
        "quotas" => Legend::FromQuotas,
        _ => Legend::FromRevenueTarget,
    }))
}

/// The highest defined value with its label.
fn peak<'a>(labels: &'a [String], values: &[Option<f64>]) -> Option<(&'a str, f64)> {
    labels.iter().zip(values).filter_map(|(l, v)| Some((l.as_str(), (*v)?))).max_by(|a, b| a.1.total_cmp(&b.1))
}

fn trend(kpi_id: KpiId, input: &ChartInput) -> ChartData {
    let def = kpi_id.def();
    let now = input.trend(def);
    let before_scope = input.scope.over(input.comparison.period(input.scope.period));
    let before = kpi::trend(def, input.ws, &before_scope, input.grain);
    let labels: Vec<String> = now.iter().map(|p| p.label.clone()).collect();
    let values: Vec<Option<f64>> = now.iter().map(|p| p.value).collect();
    // The comparison lines up bucket by bucket (its buckets may number one fewer or more).
    let earlier: Vec<Option<f64>> = (0..labels.len()).map(|i| before.get(i).and_then(|p| p.value)).collect();
    if values.iter().all(Option::is_none) {
        // Say why, in the KPI's own words ("needs customers: …", "no deals were closed in …").
        return ChartData::empty(match kpi::compute(def, input.ws, input.scope).value {
            Err(why) => tf(
                Summary::Why,
                &[("kpi", s(text::kpi_name(def.id, current()))), ("why", text::undefined(&why, current()))],
            ),
            Ok(_) => tf(
                Summary::UndefinedEvery,
                &[("kpi", s(text::kpi_name(def.id, current()))), ("grain", s(grain_noun(input.grain)))],
            ),
        });
    }
    let against = engine_words::comparison_noun(input.comparison);
    let name = s(text::kpi_name(def.id, current()));
    let summary = match (peak(&labels, &values), values.iter().rev().flatten().next()) {
        (Some((at, hi)), Some(last)) => tf(
            Summary::TrendPeak,
            &[
                ("kpi", name),
                ("grain", s(grain_noun(input.grain))),
                ("at", long_label(at)),
                ("hi", display(def.unit, hi)),
                ("last", display(def.unit, *last)),
                ("against", s(against)),
            ],
        ),
        _ => tf(Summary::TrendPlain, &[("kpi", name), ("grain", s(grain_noun(input.grain)))]),
    };
    let rows = now
        .iter()
        .zip(&earlier)
        .map(|(p, e)| DataRow { label: long_label(&p.label), values: vec![p.value, *e], drill: None })
        .collect();
    ChartData {
        drawing: Some(Drawing::Lines(LineChart {
            labels,
            series: vec![
                Line { name: s(t(Legend::ThisPeriod)), values, colour: 0, dashed: false, area: true },
                Line {
                    name: s(engine_words::comparison_title(input.comparison)),
                    values: earlier,
                    colour: 7,
                    dashed: true,
                    area: false,
                },
            ],
            unit: def.unit,
        })),
        summary,
        table: DataTable {
            label: s(engine_words::grain(input.grain)),
            columns: vec![
                (s(t(Legend::ThisPeriod)), def.unit),
                (s(engine_words::comparison_title(input.comparison)), def.unit),
            ],
            rows,
        },
    }
}

fn pacing(input: &ChartInput) -> ChartData {
    let Some(p) = aggregates::pacing(input.ws, input.scope, input.grain) else {
        return ChartData::empty(t(Summary::PacingNeedsTarget));
    };
    let so_far = p.actual.iter().rev().flatten().next().copied().unwrap_or(0.0);
    let summary = tf(
        Summary::PacingWon,
        &[
            ("won", display(Unit::Currency, so_far)),
            ("source", pacing_source(p.target_source)),
            ("target", display(Unit::Currency, p.target)),
            (
                "pace",
                p.projected
                    .map_or(String::new(), |x| tf(Summary::PacingEnds, &[("value", display(Unit::Currency, x))])),
            ),
        ],
    );
    let rows = p
        .labels
        .iter()
        .zip(p.actual.iter().zip(&p.target_line))
        .map(|(l, (a, t))| DataRow { label: long_label(l), values: vec![*a, Some(*t)], drill: None })
        .collect();
    ChartData {
        drawing: Some(Drawing::Lines(LineChart {
            labels: p.labels.clone(),
            series: vec![
                Line { name: s(t(Legend::WonSoFar)), values: p.actual.clone(), colour: 0, dashed: false, area: true },
                Line {
                    name: s(t(Legend::LinearPath)),
                    values: p.target_line.iter().map(|v| Some(*v)).collect(),
                    colour: 7,
                    dashed: true,
                    area: false,
                },
            ],
            unit: Unit::Currency,
        })),
        summary,
        table: DataTable {
            label: s(t(Legend::UpToEndOf)),
            columns: vec![(s(t(Legend::WonSoFar)), Unit::Currency), (s(t(Legend::LinearTarget)), Unit::Currency)],
            rows,
        },
    }
}

fn revenue_mix(input: &ChartInput) -> ChartData {
    let def = KpiId::Revenue.def();
    let trends = aggregates::segment_trends(def, input.ws, input.scope, Dim::DealType, input.grain);
    if trends.is_empty() {
        return ChartData::empty(t(Summary::NoDealType));
    }
    let categories: Vec<String> = trends[0].points.iter().map(|p| p.label.clone()).collect();
    let series: Vec<ColumnSeries> = trends
        .iter()
        .enumerate()
        .map(|(i, t)| ColumnSeries {
            name: t.segment.clone(),
            values: t.points.iter().map(|p| p.value.unwrap_or(0.0)).collect(),
            colour: input.palette.of(Dim::DealType, &t.segment, i),
            drill: Some(t.segment.clone()),
        })
        .collect();
    let totals: Vec<(String, f64)> = series.iter().map(|s| (s.name.clone(), s.values.iter().sum())).collect();
    let all: f64 = totals.iter().map(|t| t.1).sum();
    if all <= 0.0 {
        return ChartData::empty(t(Summary::NoRevenueWon));
    }
    let parts = totals
        .iter()
        .map(|(n, v)| format!("{n} {} ({})", display(Unit::Currency, *v), display(Unit::Percent, v / all)))
        .collect::<Vec<_>>()
        .join(", ");
    let summary = tf(Summary::MixPer, &[("grain", s(grain_noun(input.grain))), ("parts", parts)]);
    ChartData {
        table: columns_table(input.grain, &categories, &series, Unit::Currency),
        drawing: Some(Drawing::Columns(Columns {
            categories,
            series,
            unit: Unit::Currency,
            layout: ColumnLayout::Stacked,
        })),
        summary,
    }
}

fn forecast_vs_actual(input: &ChartInput) -> ChartData {
    let rows = aggregates::forecast_vs_actual(input.ws, input.scope);
    if rows.is_empty() {
        return ChartData::empty(t(Summary::NoForecast));
    }
    // A whole-month forecast period reads as its month: `2026-03` on the axis, `Mar 2026` in the table.
    let monthly = |r: &aggregates::ForecastRow| r.from.month_start() == r.from && r.to == r.from.month_end();
    let categories: Vec<String> =
        rows.iter().map(|r| if monthly(r) { Grain::Month.label(r.from) } else { r.period.clone() }).collect();
    let labels: Vec<String> = categories.iter().map(|c| long_label(c)).collect();
    let forecast: Vec<f64> = rows.iter().map(|r| r.forecast).collect();
    let actual: Vec<f64> = rows.iter().map(|r| r.actual).collect();
    let (f, a): (f64, f64) = (forecast.iter().sum(), actual.iter().sum());
    let summary = tf(
        Summary::ForecastAgainst,
        &[
            ("forecast", display(Unit::Currency, f)),
            ("actual", display(Unit::Currency, a)),
            ("n", rows.len().to_string()),
            ("share", if f > 0.0 { display(Unit::Percent, a / f) } else { "–".into() }),
        ],
    );
    let table_rows = labels
        .iter()
        .zip(forecast.iter().zip(&actual))
        .map(|(l, (f, a))| DataRow { label: l.clone(), values: vec![Some(*f), Some(*a)], drill: None })
        .collect();
    ChartData {
        drawing: Some(Drawing::Columns(Columns {
            categories,
            series: vec![
                ColumnSeries { name: s(t(Legend::Forecast)), values: forecast, colour: 7, drill: None },
                ColumnSeries { name: s(t(Legend::Actual)), values: actual, colour: 0, drill: None },
            ],
            unit: Unit::Currency,
            layout: ColumnLayout::Grouped,
        })),
        summary,
        table: DataTable {
            label: s(t(Legend::ForecastPeriod)),
            columns: vec![(s(t(Legend::Forecast)), Unit::Currency), (s(t(Legend::Actual)), Unit::Currency)],
            rows: table_rows,
        },
    }
}

fn pipeline_by_stage(input: &ChartInput) -> ChartData {
    let Some(d) = input.ws.deals.as_ref() else { return ChartData::empty(t(Summary::LoadDeals)) };
    let own;
    let sel = match input.dashboard.map(Dashboard::selection) {
        Some(sel) => sel,
        None => {
            own = Selection::new(input.ws, &input.scope.filters);
            &own
        }
    };
    let stages = kpi::pipeline(d, &sel.deals, input.scope).stages;
    if stages.iter().all(|s| s.count == 0) {
        return ChartData::empty(t(Summary::NoneOpen));
    }
    let by_value = stages.iter().any(|s| s.with_amount > 0);
    let deals = |n: usize| crate::i18n::count(n, crate::i18n::words::Noun::Deal);
    let bars = stages
        .iter()
        .map(|s| Bar {
            label: s.stage.clone(),
            value: if by_value { s.value } else { s.count as f64 },
            note: by_value.then(|| deals(s.count)),
            colour: if s.stage.contains("won or lost since") { 7 } else { 0 },
            drill: None,
        })
        .collect();
    let (value, count): (f64, usize) = (stages.iter().map(|s| s.value).sum(), stages.iter().map(|s| s.count).sum());
    let summary = if by_value {
        tf(
            Summary::OpenIn,
            &[
                ("value", display(Unit::Currency, value)),
                ("deals", deals(count)),
                ("n", stages.len().to_string()),
                (
                    "stage",
                    s(stages.iter().max_by(|a, b| a.value.total_cmp(&b.value)).map_or("–", |s| s.stage.as_str())),
                ),
            ],
        )
    } else {
        tf(Summary::OpenCounts, &[("deals", deals(count)), ("n", stages.len().to_string())])
    };
    ChartData {
        drawing: Some(Drawing::Bars(BarChart {
            bars,
            unit: if by_value { Unit::Currency } else { Unit::Count },
            horizontal: true,
        })),
        summary,
        table: DataTable {
            label: s(t(Legend::Stage)),
            columns: vec![(s(t(Legend::Value)), Unit::Currency), (s(t(Legend::Deals)), Unit::Count)],
            rows: stages
                .iter()
                .map(|s| DataRow {
                    label: s.stage.clone(),
                    values: vec![by_value.then_some(s.value), Some(s.count as f64)],
                    drill: None,
                })
                .collect(),
        },
    }
}

fn kpi_table(id: KpiId, input: &ChartInput) -> Option<kpi::KpiTable> {
    kpi::compute(id.def(), input.ws, input.scope).table.filter(|t| !t.rows.is_empty())
}

fn funnel(input: &ChartInput) -> ChartData {
    let Some(tab) = kpi_table(KpiId::FunnelConversion, input) else {
        return ChartData::empty(t(Summary::NoFunnel));
    };
    let mut steps: Vec<FunnelStep> = Vec::new();
    for (i, r) in tab.rows.iter().enumerate() {
        let name = r.label.split(" → ").next().unwrap_or(&r.label).to_owned();
        steps.push(FunnelStep {
            label: name,
            count: tab.number(i, "reached").unwrap_or(0.0),
            conversion: tab.number(i, "conversion"),
        });
    }
    if let Some(last) = tab.rows.len().checked_sub(1) {
        steps.push(FunnelStep {
            label: s(t(Legend::Won)),
            count: tab.number(last, "next").unwrap_or(0.0),
            conversion: None,
        });
    }
    let first = steps.first().map_or(0.0, |s| s.count);
    let won = steps.last().map_or(0.0, |s| s.count);
    let leakiest =
        steps.iter().filter_map(|s| Some((s.label.as_str(), s.conversion?))).min_by(|a, b| a.1.total_cmp(&b.1));
    let summary = tf(
        Summary::FunnelWon,
        &[
            ("won", display(Unit::Count, won)),
            ("first", display(Unit::Count, first)),
            ("share", if first > 0.0 { display(Unit::Percent, won / first) } else { "–".into() }),
            (
                "leak",
                leakiest.map_or(String::new(), |(st, c)| {
                    tf(Summary::FunnelLeak, &[("stage", s(st)), ("share", display(Unit::Percent, 1.0 - c))])
                }),
            ),
        ],
    );
    let rows = steps
        .iter()
        .map(|s| DataRow { label: s.label.clone(), values: vec![Some(s.count), s.conversion], drill: None })
        .collect();
    ChartData {
        drawing: Some(Drawing::Funnel(Funnel { steps })),
        summary,
        table: DataTable {
            label: s(t(Legend::Stage)),
            columns: vec![(s(t(Legend::Reached)), Unit::Count), (s(t(Legend::GoOn)), Unit::Percent)],
            rows,
        },
    }
}

/// A table of bucketed columns: one row per bucket, one column per series.
fn columns_table(grain: Grain, buckets: &[String], series: &[ColumnSeries], unit: Unit) -> DataTable {
    DataTable {
        label: s(engine_words::grain(grain)),
        columns: series.iter().map(|s| (s.name.clone(), unit)).collect(),
        rows: buckets
            .iter()
            .enumerate()
            .map(|(b, l)| DataRow {
                label: long_label(l),
                values: series.iter().map(|s| s.values.get(b).copied()).collect(),
                drill: None,
            })
            .collect(),
    }
}

/// A histogram's table: one row per bin, one column per series.
fn histogram_table(h: &aggregates::Histogram, label: &str) -> DataTable {
    DataTable {
        label: label.into(),
        columns: h.series.iter().map(|(n, _)| (bin_label(n, current()), Unit::Count)).collect(),
        rows: h
            .bins
            .iter()
            .enumerate()
            .map(|(b, bin)| DataRow {
                label: bin_label(bin.label, current()),
                values: h.series.iter().map(|(_, c)| c.get(b).map(|&n| n as f64)).collect(),
                drill: None,
            })
            .collect(),
    }
}

fn cycle_histogram(input: &ChartInput) -> ChartData {
    let Some(h) = aggregates::cycle_histogram(input.ws, input.scope).filter(|h| h.total > 0) else {
        return ChartData::empty(t(Summary::NoCycle));
    };
    let series: Vec<ColumnSeries> = h
        .series
        .iter()
        .enumerate()
        .map(|(i, (name, counts))| ColumnSeries {
            name: bin_label(name, current()),
            values: counts.iter().map(|&n| n as f64).collect(),
            colour: input.palette.of(Dim::LeadSource, name, i),
            drill: (name != "(none)" && name != "All deals").then(|| name.clone()),
        })
        .collect();
    let busiest = h
        .bins
        .iter()
        .enumerate()
        .max_by_key(|(b, _)| h.series.iter().map(|(_, c)| c.get(*b).copied().unwrap_or(0)).sum::<usize>());
    let summary = tf(
        Summary::CycleWon,
        &[
            ("n", display(Unit::Count, h.total as f64)),
            (
                "most",
                busiest.map_or(String::new(), |(_, bin)| {
                    tf(Summary::MostTook, &[("bin", bin_label(bin.label, current()))])
                }),
            ),
        ],
    );
    ChartData {
        table: histogram_table(&h, t(Legend::CycleLength)),
        drawing: Some(Drawing::Histogram(Histogram {
            bins: h.bins.iter().map(|b| bin_label(b.label, current())).collect(),
            series,
            marker: None,
            unit: Unit::Count,
        })),
        summary,
    }
}

fn response_histogram(input: &ChartInput) -> ChartData {
    let Some(h) = aggregates::response_histogram(input.ws, input.scope).filter(|h| h.total > 0) else {
        return ChartData::empty(if input.ws.table(pipelens_engine::ingest::DatasetKind::Leads).is_none() {
            t(Summary::LoadLeadsTimes)
        } else {
            t(Summary::NoFirstContact)
        });
    };
    let fast = h.series.first().and_then(|(_, c)| c.first()).copied().unwrap_or(0);
    let summary = tf(
        Summary::ResponseSentence,
        &[("n", display(Unit::Count, h.total as f64)), ("share", display(Unit::Percent, fast as f64 / h.total as f64))],
    );
    let series = h
        .series
        .iter()
        .enumerate()
        .map(|(i, (name, counts))| ColumnSeries {
            name: bin_label(name, current()),
            values: counts.iter().map(|&n| n as f64).collect(),
            colour: i,
            drill: None,
        })
        .collect();
    ChartData {
        table: histogram_table(&h, t(Legend::TimeToFirstContact)),
        drawing: Some(Drawing::Histogram(Histogram {
            bins: h.bins.iter().map(|b| bin_label(b.label, current())).collect(),
            series,
            marker: Some(Marker { at: aggregates::FIVE_MINUTE_BINS as f64, label: s(t(Legend::FiveMin)) }),
            unit: Unit::Count,
        })),
        summary,
    }
}

/// Products the product chart draws a bar each, when there are more than one beyond them: the
/// rest share one bar. Hundreds of hairline bars say nothing.
const DRAWN_PRODUCTS: usize = 12;

fn product_revenue(input: &ChartInput) -> ChartData {
    let Some(tab) = kpi_table(KpiId::ProductPerformance, input) else {
        return ChartData::empty(t(Summary::NoProduct));
    };
    let mut rows: Vec<(String, f64)> =
        (0..tab.rows.len()).map(|i| (tab.rows[i].label.clone(), tab.number(i, "revenue").unwrap_or(0.0))).collect();
    pipelens_engine::sort::sort_by(&mut rows, |a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let total: f64 = rows.iter().map(|r| r.1).sum();
    let summary = match rows.first() {
        Some((top, v)) if total > 0.0 => tf(
            Summary::ProductTop,
            &[
                ("n", rows.len().to_string()),
                ("top", top.clone()),
                ("value", display(Unit::Currency, *v)),
                ("share", display(Unit::Percent, v / total)),
            ],
        ),
        _ => s(t(Summary::NoRevenueWon)),
    };
    let share = |v: f64| (total > 0.0).then(|| display(Unit::Percent, v / total));
    // The largest products a bar each; beyond them, the rest as one bar (the table lists all).
    let drawn = if rows.len() > DRAWN_PRODUCTS + 1 { DRAWN_PRODUCTS } else { rows.len() };
    let mut bars: Vec<Bar> = rows[..drawn]
        .iter()
        .enumerate()
        .map(|(i, (p, v))| Bar {
            label: p.clone(),
            value: *v,
            note: share(*v),
            colour: input.palette.of(Dim::Product, p, i),
            drill: Some(p.clone()),
        })
        .collect();
    if let Some(rest) = rows.get(drawn..).filter(|rest| !rest.is_empty()) {
        let value = rest.iter().map(|r| r.1).sum();
        let label = tf(Legend::OtherProducts, &[("n", display(Unit::Count, rest.len() as f64))]);
        bars.push(Bar { label, value, note: share(value), colour: drawn, drill: None });
    }
    ChartData {
        drawing: Some(Drawing::Bars(BarChart { bars, unit: Unit::Currency, horizontal: true })),
        summary,
        table: DataTable {
            label: s(t(Legend::Product)),
            columns: vec![(s(t(Legend::WonRevenue)), Unit::Currency)],
            rows: rows
                .iter()
                .map(|(p, v)| DataRow { label: p.clone(), values: vec![Some(*v)], drill: Some(p.clone()) })
                .collect(),
        },
    }
}

fn attainment_by_rep(input: &ChartInput) -> ChartData {
    // Attainment needs quotas: without them no rep has one, and the people table is not worked
    // out for nothing (on a board without the Manager page's table, nobody else needs it).
    if input.ws.table(pipelens_engine::ingest::DatasetKind::Quotas).is_none() {
        return ChartData::empty(t(Summary::NoQuota));
    }
    let own;
    let people = match input.dashboard {
        Some(d) => d.people(Dim::Owner),
        None => {
            own = aggregates::people(input.ws, input.scope, Dim::Owner);
            &own
        }
    };
    let mut rows: Vec<&aggregates::PersonRow> = people.rows.iter().filter(|r| r.attainment.is_some()).collect();
    if rows.is_empty() {
        return ChartData::empty(t(Summary::NoQuota));
    }
    pipelens_engine::sort::sort_by(&mut rows, |a, b| {
        b.attainment.unwrap_or(0.0).total_cmp(&a.attainment.unwrap_or(0.0)).then(a.segment.cmp(&b.segment))
    });
    let at = rows.iter().filter(|r| r.attainment.unwrap_or(0.0) >= 1.0).count();
    let summary = tf(
        Summary::AttainmentSentence,
        &[
            ("at", at.to_string()),
            ("n", rows.len().to_string()),
            ("top", rows[0].segment.clone()),
            ("top_share", display(Unit::Percent, rows[0].attainment.unwrap_or(0.0))),
            ("low", rows[rows.len() - 1].segment.clone()),
            ("low_share", display(Unit::Percent, rows[rows.len() - 1].attainment.unwrap_or(0.0))),
        ],
    );
    let paced = people.elapsed < 1.0;
    ChartData {
        drawing: Some(Drawing::Bars(BarChart {
            bars: rows
                .iter()
                .map(|r| Bar {
                    label: r.segment.clone(),
                    value: r.attainment.unwrap_or(0.0),
                    note: r
                        .projected
                        .filter(|_| paced)
                        .map(|p| tf(Legend::OnPaceForValue, &[("value", display(Unit::Percent, p))])),
                    colour: if r.attainment.unwrap_or(0.0) >= 1.0 { 2 } else { 0 },
                    drill: Some(r.segment.clone()),
                })
                .collect(),
            unit: Unit::Percent,
            horizontal: true,
        })),
        summary,
        table: DataTable {
            label: s(t(Legend::Rep)),
            columns: vec![(s(t(Legend::Attainment)), Unit::Percent), (s(t(Legend::OnPaceFor)), Unit::Percent)],
            rows: rows
                .iter()
                .map(|r| DataRow {
                    label: r.segment.clone(),
                    values: vec![r.attainment, r.projected],
                    drill: Some(r.segment.clone()),
                })
                .collect(),
        },
    }
}

fn leads_trend(input: &ChartInput) -> ChartData {
    let (created, qualified) = (KpiId::LeadsCreated.def(), KpiId::QualifiedLeads.def());
    let (a, b) = (input.trend(created), input.trend(qualified));
    if a.iter().chain(&b).all(|p| p.value.is_none()) {
        return ChartData::empty(t(Summary::LoadLeads));
    }
    let labels: Vec<String> = a.iter().map(|p| p.label.clone()).collect();
    let (va, vb): (Vec<Option<f64>>, Vec<Option<f64>>) =
        (a.iter().map(|p| p.value).collect(), (0..labels.len()).map(|i| b.get(i).and_then(|p| p.value)).collect());
    let sum = |v: &[Option<f64>]| v.iter().flatten().sum::<f64>();
    let summary = tf(
        Summary::LeadsSentence,
        &[
            ("created", display(Unit::Count, sum(&va))),
            ("qualified", display(Unit::Count, sum(&vb))),
            ("grain", s(grain_noun(input.grain))),
        ],
    );
    let rows = labels
        .iter()
        .enumerate()
        .map(|(i, l)| DataRow { label: long_label(l), values: vec![va[i], vb[i]], drill: None })
        .collect();
    ChartData {
        drawing: Some(Drawing::Lines(LineChart {
            labels,
            series: vec![
                Line { name: s(t(Legend::Created)), values: va, colour: 0, dashed: false, area: true },
                Line { name: s(t(Legend::Qualified)), values: vb, colour: 1, dashed: false, area: false },
            ],
            unit: Unit::Count,
        })),
        summary,
        table: DataTable {
            label: s(engine_words::grain(input.grain)),
            columns: vec![(s(t(Legend::Created)), Unit::Count), (s(t(Legend::Qualified)), Unit::Count)],
            rows,
        },
    }
}

/// Activities per ISO week whatever the grain: the rhythm of a team shows week by week.
fn activity_by_type(input: &ChartInput) -> ChartData {
    let Some(a) = aggregates::activity_by(input.ws, input.scope, Grain::Week) else {
        return ChartData::empty(t(Summary::LoadActivities));
    };
    let series: Vec<ColumnSeries> = a
        .types
        .iter()
        .enumerate()
        .filter(|(_, (_, c))| c.iter().any(|&n| n > 0))
        .map(|(i, (name, counts))| ColumnSeries {
            name: bin_label(name, current()),
            values: counts.iter().map(|&n| n as f64).collect(),
            colour: i,
            drill: None,
        })
        .collect();
    let total: f64 = series.iter().flat_map(|s| &s.values).sum();
    if total == 0.0 {
        return ChartData::empty(t(Summary::NoActivity));
    }
    let parts = series
        .iter()
        .map(|x| format!("{} {}", display(Unit::Count, x.values.iter().sum()), x.name))
        .collect::<Vec<_>>()
        .join(", ");
    let summary = tf(
        Summary::ActivitySentence,
        &[("n", display(Unit::Count, total)), ("grain", s(grain_noun(Grain::Week))), ("parts", parts)],
    );
    ChartData {
        table: columns_table(Grain::Week, &a.labels, &series, Unit::Count),
        drawing: Some(Drawing::Columns(Columns {
            categories: a.labels.clone(),
            series,
            unit: Unit::Count,
            layout: ColumnLayout::Stacked,
        })),
        summary,
    }
}

fn cohorts(input: &ChartInput) -> ChartData {
    let Some(m) = aggregates::cohort_matrix(input.ws, input.scope).filter(|m| !m.rows.is_empty()) else {
        return ChartData::empty(t(Summary::LoadCustomers));
    };
    let after_three: Vec<f64> = m.cells.iter().filter_map(|r| r.get(3).copied().flatten()).collect();
    let share = if after_three.is_empty() {
        s(t(Summary::TooYoung))
    } else {
        display(Unit::Percent, after_three.iter().sum::<f64>() / after_three.len() as f64)
    };
    let summary = tf(Summary::CohortSentence, &[("n", m.rows.len().to_string()), ("share", share)]);
    let mut columns = vec![(s(t(Legend::Customers)), Unit::Count)];
    columns.extend(m.columns.iter().map(|c| (tf(Legend::MonthN, &[("n", c.to_string())]), Unit::Percent)));
    let rows = m
        .rows
        .iter()
        .zip(m.sizes.iter().zip(&m.cells))
        .map(|(l, (n, cells))| {
            let mut values = vec![Some(*n as f64)];
            values.extend(cells.iter().copied());
            DataRow { label: long_label(l), values, drill: None }
        })
        .collect();
    ChartData {
        drawing: Some(Drawing::Heatmap(Heatmap {
            rows: m.rows.clone(),
            columns: m.columns.clone(),
            cells: m.cells.clone(),
            unit: Unit::Percent,
        })),
        summary,
        table: DataTable { label: s(t(Legend::StartMonth)), columns, rows },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chart_keys_round_trip() {
        for c in ChartId::MENU {
            assert_eq!(ChartId::parse(&c.key()), Some(c), "{}", c.key());
        }
        assert_eq!(ChartId::parse("trend:nope"), None);
        assert_eq!(ChartId::parse("nope"), None);
    }
}
