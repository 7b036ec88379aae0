//! What computing a KPI yields: a number or the reason there is none, plus its companions,
//! breakdown rows and the rows it had to leave out.

use super::gap::Gap;
use super::note::Note;
use super::omission::Omission;
use serde::{Serialize, Serializer};
use std::fmt;

/// Why a KPI has no value. Shown as "–" with this text on hover; never as 0 or NaN.
#[derive(Clone, Debug, PartialEq)]
pub enum Undefined {
    /// The dataset or field the KPI needs is not loaded.
    NeedsData {
        /// Dataset name.
        dataset: &'static str,
        /// Fields of it the KPI uses.
        fields: &'static str,
    },
    /// Nothing in the period to compute over.
    NoRows(Gap),
    /// A ratio whose denominator is zero.
    ZeroDenominator(Gap),
    /// The value is not a finite number: its amounts add up to more than a number holds.
    Overflow,
}

impl fmt::Display for Undefined {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Undefined::NeedsData { dataset, fields } => write!(f, "needs {dataset}: {fields}"),
            Undefined::NoRows(why) | Undefined::ZeroDenominator(why) => write!(f, "{why}"),
            Undefined::Overflow => f.write_str("the amounts add up to more than can be represented"),
        }
    }
}

/// A secondary figure shown beside the headline (the median beside a mean).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Companion {
    /// Short label: `median`.
    pub label: &'static str,
    /// The figure.
    pub value: f64,
    /// Its unit when it is not the KPI's own (a share beside a time, a count beside an amount).
    pub unit: Option<super::Unit>,
}

/// One row of a KPI broken down by a dimension.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BreakdownRow {
    /// Dimension: `stage`, `owner`, ...
    pub dim: &'static str,
    /// The segment's name.
    pub segment: String,
    /// The KPI's value for the segment.
    pub value: f64,
}

/// Rows a KPI could not use, and why ("3 won deals in the period have no amount").
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LeftOut {
    /// How many rows.
    pub count: usize,
    /// What they lack in English, phrased to follow the count in the right number
    /// (`reason`'s English wording for `count`).
    pub why: &'static str,
    /// What they lack, for wording it in another language (`crate::text::left_out`).
    #[serde(skip)]
    pub reason: Omission,
}

impl fmt::Display for LeftOut {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", crate::format::grouped(self.count as f64, 0), self.why)
    }
}

/// One cell of a KPI's table.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Cell {
    /// A figure in its column's unit; `None` where it is undefined.
    Number(Option<f64>),
    /// A label.
    Text(String),
}

/// A column of a KPI's table.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TableColumn {
    /// Stable key: `revenue`, `win_rate`, `k3`, ...
    pub key: String,
    /// Header shown to the user.
    pub label: String,
    /// How its numbers are formatted; `None` for a text column.
    pub unit: Option<super::Unit>,
}

/// A row of a KPI's table: its label and one cell per column.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TableRow {
    /// What the row is about: a product, an owner, a cohort month, a deal id.
    pub label: String,
    /// One cell per column of the table.
    pub cells: Vec<Cell>,
}

/// A table a KPI carries beside its headline (product performance, cohorts, funnel steps ...).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct KpiTable {
    /// Header of the label column.
    pub label: String,
    /// The other columns.
    pub columns: Vec<TableColumn>,
    /// Rows in display order.
    pub rows: Vec<TableRow>,
}

impl KpiTable {
    /// An empty table whose label column is `label` and whose columns are `(key, header, unit)`.
    pub fn new(label: &str, columns: &[(&str, &str, Option<super::Unit>)]) -> KpiTable {
        let columns = columns
            .iter()
            .map(|&(key, label, unit)| TableColumn { key: key.to_owned(), label: label.to_owned(), unit })
            .collect();
        KpiTable { label: label.to_owned(), columns, rows: Vec::new() }
    }

    /// Appends a row.
    pub fn push(&mut self, label: impl Into<String>, cells: Vec<Cell>) {
        self.rows.push(TableRow { label: label.into(), cells });
    }

    /// The number in row `row`, column `key`.
    pub fn number(&self, row: usize, key: &str) -> Option<f64> {
        let c = self.columns.iter().position(|c| c.key == key)?;
        match self.rows.get(row)?.cells.get(c)? {
            Cell::Number(v) => *v,
            Cell::Text(_) => None,
        }
    }
}

/// A number cell from a figure that may be undefined or not finite.
pub fn num(v: Option<f64>) -> Cell {
    Cell::Number(v.filter(|x| x.is_finite()))
}

/// The outcome of computing one KPI over one scope.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct KpiResult {
    /// The value, or why there is none.
    #[serde(serialize_with = "value_or_null")]
    pub value: Result<f64, Undefined>,
    /// Figures shown beside the value.
    pub companions: Vec<Companion>,
    /// Breakdown rows, in display order.
    pub breakdown: Vec<BreakdownRow>,
    /// Rows left out, by reason.
    pub left_out: Vec<LeftOut>,
    /// Warnings to read beside the value: flags such as "targets may be too easy", filters
    /// a dataset could not apply.
    pub notes: Vec<Note>,
    /// The table the KPI carries, if any.
    pub table: Option<KpiTable>,
}

fn value_or_null<S: Serializer>(v: &Result<f64, Undefined>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Ok(x) => s.serialize_some(x),
        Err(_) => s.serialize_none(),
    }
}

/// Where a figure is checked: a finite number is the value, anything else (a sum past the
/// largest number, `inf − inf`) is [`Undefined::Overflow`], never shown as `inf` or `NaN`.
fn finite(v: f64) -> Result<f64, Undefined> {
    if v.is_finite() {
        Ok(v)
    } else {
        Err(Undefined::Overflow)
    }
}

impl KpiResult {
    /// A defined value with nothing beside it; undefined ([`Undefined::Overflow`]) when `v` is
    /// not finite. Every value a KPI yields is made here (or copied from one made here).
    pub fn value(v: f64) -> KpiResult {
        KpiResult {
            value: finite(v),
            companions: Vec::new(),
            breakdown: Vec::new(),
            left_out: Vec::new(),
            notes: Vec::new(),
            table: None,
        }
    }

    /// An undefined value.
    pub fn undefined(why: Undefined) -> KpiResult {
        KpiResult { value: Err(why), ..KpiResult::value(0.0) }
    }

    /// `value` when `Some`, else undefined for `why`.
    /// A value that is there but not finite is [`Undefined::Overflow`].
    pub fn from_option(v: Option<f64>, why: impl FnOnce() -> Undefined) -> KpiResult {
        match v {
            Some(v) => KpiResult::value(v),
            None => KpiResult::undefined(why()),
        }
    }

    /// Adds a "left out" note when `count` is not zero: `left_out(n, Omission::WonNoAmount)`
    /// reads "3 won deals in the period have no amount".
    pub fn left_out(mut self, count: usize, reason: Omission) -> KpiResult {
        if count > 0 {
            self.left_out.push(LeftOut { count, why: reason.english(count), reason });
        }
        self
    }

    /// Adds a companion figure when there is one.
    pub fn companion(self, label: &'static str, value: Option<f64>) -> KpiResult {
        self.companion_in(label, None, value)
    }

    /// Adds a companion figure in another unit than the KPI's.
    pub fn companion_in(mut self, label: &'static str, unit: Option<super::Unit>, value: Option<f64>) -> KpiResult {
        if let Some(value) = value.filter(|v| v.is_finite()) {
            self.companions.push(Companion { label, value, unit });
        }
        self
    }

    /// Adds a breakdown row. A row whose value is not finite is left out and a note says so.
    pub fn row(mut self, dim: &'static str, segment: impl Into<String>, value: f64) -> KpiResult {
        if value.is_finite() {
            self.breakdown.push(BreakdownRow { dim, segment: segment.into(), value });
        } else {
            self.notes.push(Note::SegmentOverflow(segment.into()));
        }
        self
    }

    /// Attaches a table.
    pub fn with_table(mut self, table: KpiTable) -> KpiResult {
        self.table = Some(table);
        self
    }

    /// A ratio `num / den`, undefined for `why` when `den` is zero.
    pub fn ratio(num: f64, den: f64, why: impl FnOnce() -> Gap) -> KpiResult {
        if den == 0.0 {
            KpiResult::undefined(Undefined::ZeroDenominator(why()))
        } else {
            KpiResult::value(num / den)
        }
    }

    /// The value as an `Option`, for callers that only need the number (a trend point): never
    /// a number that is not finite.
    pub fn number(&self) -> Option<f64> {
        self.value.as_ref().ok().copied().filter(|v| v.is_finite())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::read_deals;
    use crate::{kpi, Day, Grain, Period, Scope, Workspace};

    #[test]
    fn a_figure_that_is_not_finite_is_an_overflow_never_a_number() {
        for v in [f64::INFINITY, f64::NEG_INFINITY, f64::NAN, f64::MAX * 2.0] {
            assert_eq!(KpiResult::value(v).value, Err(Undefined::Overflow), "{v}");
            assert_eq!(
                KpiResult::from_option(Some(v), || Undefined::NoRows(Gap::ZeroCac)).value,
                Err(Undefined::Overflow)
            );
            assert_eq!(KpiResult::ratio(v, 2.0, || Gap::ZeroCac).number(), None);
            assert_eq!(num(Some(v)), Cell::Number(None));
            let r = KpiResult::value(1.0).row("owner", "Ann", v).row("owner", "Bo", 2.0);
            assert_eq!(r.breakdown.len(), 1, "{v}");
            assert_eq!(r.notes, ["Ann: the amounts add up to more than can be represented"]);
        }
        assert_eq!(KpiResult::value(f64::MAX).number(), Some(f64::MAX));
        assert_eq!(Undefined::Overflow.to_string(), "the amounts add up to more than can be represented");
    }

    #[test]
    fn two_won_deals_of_1e308_are_reported_not_shown_as_inf() {
        let csv = "deal_id,amount,stage,created_date,close_date\nA,1e308,Won,2024-01-01,2024-02-01\nB,1e308,Won,2024-01-05,2024-03-01\n";
        let ws = Workspace::with_deals(read_deals("t.csv", csv.as_bytes()).unwrap().table);
        let p = Period::new(Day::from_ymd(2024, 1, 1).unwrap(), Day::from_ymd(2024, 12, 31).unwrap()).unwrap();
        let scope = Scope::new(p);
        for id in ["revenue", "avg_deal_size"] {
            let def = kpi::find(id).unwrap();
            let r = kpi::compute(def, &ws, &scope);
            if id == "revenue" {
                assert_eq!(r.value, Err(Undefined::Overflow), "{id}");
            }
            assert!(r.number().is_none_or(f64::is_finite), "{id}: {:?}", r.value);
            assert!(r.breakdown.iter().all(|b| b.value.is_finite()), "{id}");
            let points = kpi::trend(def, &ws, &scope, Grain::Year);
            assert!(points.iter().all(|pt| pt.value.is_none_or(f64::is_finite)), "{id}: {points:?}");
        }
        let year = kpi::trend(kpi::find("revenue").unwrap(), &ws, &scope, Grain::Year);
        assert_eq!(year.len(), 1);
        assert_eq!(year[0].value, None, "the year's revenue overflows");
        let months = kpi::trend(kpi::find("revenue").unwrap(), &ws, &scope, Grain::Month);
        assert_eq!(months[1].value, Some(1e308), "one deal alone is a number");
    }
}
