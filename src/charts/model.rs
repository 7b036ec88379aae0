//! The data each chart draws: already aggregated by the engine, never rows. Colours are palette
//! indexes chosen by the caller, so a segment keeps its colour across charts.

use pipelens_engine::kpi::Unit;

/// Lines over x categories: a trend with a comparison overlay, cumulative pacing against a
/// target, churn / retention, leads created and qualified.
#[derive(Clone, Debug, PartialEq)]
pub struct LineChart {
    /// The x categories: bucket labels (`2026-03`, `2026-Q1`, `2026-W09`, `2026`, `2026-03-15`)
    /// or any text.
    pub labels: Vec<String>,
    /// The lines, drawn in order (the last on top).
    pub series: Vec<Line>,
    /// The unit of every value.
    pub unit: Unit,
}

/// One line of a [`LineChart`].
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    /// Legend and tooltip name: `Revenue`, `previous period`, `target`.
    pub name: String,
    /// One value per label; `None` (or a missing or non-finite value) breaks the line.
    pub values: Vec<Option<f64>>,
    /// Palette index.
    pub colour: usize,
    /// Draw dashed (comparisons, targets).
    pub dashed: bool,
    /// Fill the area between the line and 0.
    pub area: bool,
}

/// Sorted bars (the caller sorts): pipeline by stage, revenue per product, per rep.
#[derive(Clone, Debug, PartialEq)]
pub struct BarChart {
    /// The bars, top to bottom (horizontal) or left to right (vertical).
    pub bars: Vec<Bar>,
    /// The unit of the values.
    pub unit: Unit,
    /// Horizontal bars with names on the left, else vertical columns with names underneath.
    pub horizontal: bool,
}

/// One bar of a [`BarChart`].
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    /// Category name (truncated on the chart when long; in full in the tooltip).
    pub label: String,
    /// The value; negative bars go down / left from 0, non-finite values count as 0.
    pub value: f64,
    /// Written after the value: `34 deals`.
    pub note: Option<String>,
    /// Palette index.
    pub colour: usize,
    /// Segment value to filter to on click.
    pub drill: Option<String>,
}

/// Stacked or grouped columns per category: revenue mix per month by deal type, activities per
/// week by type, forecast against actual per period.
#[derive(Clone, Debug, PartialEq)]
pub struct Columns {
    /// The x categories (bucket labels or any text).
    pub categories: Vec<String>,
    /// The series: one value per category each (missing values count as 0).
    pub series: Vec<ColumnSeries>,
    /// The unit of the values.
    pub unit: Unit,
    /// Stacked or side by side.
    pub layout: ColumnLayout,
}

/// One series of [`Columns`] or of a [`Histogram`].
#[derive(Clone, Debug, PartialEq)]
pub struct ColumnSeries {
    /// Legend and tooltip name.
    pub name: String,
    /// One value per category / bin.
    pub values: Vec<f64>,
    /// Palette index.
    pub colour: usize,
    /// Segment value to filter to on click.
    pub drill: Option<String>,
}

/// How [`Columns`] places its series.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColumnLayout {
    /// On top of each other (positive values up, negative values down).
    Stacked,
    /// Side by side within the category.
    Grouped,
}

/// A funnel: each step's count, widest first.
#[derive(Clone, Debug, PartialEq)]
pub struct Funnel {
    /// The steps, top to bottom.
    pub steps: Vec<FunnelStep>,
}

/// One step of a [`Funnel`].
#[derive(Clone, Debug, PartialEq)]
pub struct FunnelStep {
    /// Step name.
    pub label: String,
    /// How many reached the step.
    pub count: f64,
    /// Share 0..1 going on from this step to the next; `None` draws no conversion text.
    pub conversion: Option<f64>,
}

/// A distribution over bins, stacked by series: sales cycle length by lead source, lead
/// response time with the 5-minute mark.
#[derive(Clone, Debug, PartialEq)]
pub struct Histogram {
    /// Bin labels, left to right: `0–5 min`, `5–15 min`, `0–7 d`.
    pub bins: Vec<String>,
    /// Counts per bin, stacked.
    pub series: Vec<ColumnSeries>,
    /// A vertical mark, such as the 5-minute response target.
    pub marker: Option<Marker>,
    /// The unit of the counts (normally `Count`).
    pub unit: Unit,
}

/// A vertical mark on a [`Histogram`].
#[derive(Clone, Debug, PartialEq)]
pub struct Marker {
    /// Position in bin units: 1.0 is the boundary between bin 0 and bin 1.
    pub at: f64,
    /// Written at the top: `5 min`.
    pub label: String,
}

/// A grid of shares: cohort retention (rows are cohorts, columns months since start).
#[derive(Clone, Debug, PartialEq)]
pub struct Heatmap {
    /// Row labels, top to bottom (cohort months `2026-03` are written `Mar 2026`).
    pub rows: Vec<String>,
    /// Column labels, left to right: `+0`, `+1`, …
    pub columns: Vec<String>,
    /// `rows × columns` values in 0..1; `None` (or missing) cells stay empty.
    pub cells: Vec<Vec<Option<f64>>>,
    /// The unit of the values (normally `Percent`).
    pub unit: Unit,
}
