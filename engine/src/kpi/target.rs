//! Targets and their red / amber / green status, read in the KPI's direction.

use super::{plans, Ctx, Direction, KpiDef, KpiId};
use crate::filter::Selection;
use crate::workspace::{Scope, Workspace};
use serde::{Deserialize, Serialize};

/// Status of a value against its target.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Rag {
    /// Target met.
    Green,
    /// Missed by no more than the amber band.
    Amber,
    /// Missed by more.
    Red,
}

impl Rag {
    /// The word shown beside the colour (colour is never the only signal).
    pub fn label(self) -> &'static str {
        match self {
            Rag::Green => "on target",
            Rag::Amber => "near target",
            Rag::Red => "off target",
        }
    }
}

/// Where a target comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetSource {
    /// Typed by the user.
    Typed,
    /// Worked out from the data (quotas for revenue, 100 % for quota attainment).
    Derived,
}

/// A KPI's target and how far off still counts as amber.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Target {
    /// The target value, in the KPI's unit.
    pub value: f64,
    /// How it was set.
    pub source: TargetSource,
    /// The amber band as a fraction of the target (0.1: within 10 % of it is amber).
    pub amber_band: f64,
}

/// The default amber band: within 10 % of the target.
pub const DEFAULT_AMBER_BAND: f64 = 0.1;

impl Target {
    /// A target typed by the user, with the default amber band.
    pub fn typed(value: f64) -> Target {
        Target { value, source: TargetSource::Typed, amber_band: DEFAULT_AMBER_BAND }
    }

    /// The status of `value`: for a KPI where higher is better, at or over the target is
    /// green, within the band under it amber; where lower is better the other way round.
    /// `None` for a KPI with no good direction.
    ///
    /// ```
    /// use pipelens_engine::kpi::{Direction, Rag, Target};
    /// let t = Target::typed(100.0);
    /// assert_eq!(t.status(Direction::Up, 95.0), Some(Rag::Amber));
    /// assert_eq!(t.status(Direction::Down, 95.0), Some(Rag::Green)); // churn under target is good
    /// assert_eq!(t.status(Direction::Down, 120.0), Some(Rag::Red));
    /// ```
    pub fn status(&self, direction: Direction, value: f64) -> Option<Rag> {
        let (t, band) = (self.value, self.amber_band.max(0.0) * self.value.abs());
        match direction {
            Direction::Up if value >= t => Some(Rag::Green),
            Direction::Up if value >= t - band => Some(Rag::Amber),
            Direction::Up => Some(Rag::Red),
            Direction::Down if value <= t => Some(Rag::Green),
            Direction::Down if value <= t + band => Some(Rag::Amber),
            Direction::Down => Some(Rag::Red),
            Direction::Neutral => None,
        }
    }
}

/// The target the data gives a KPI: the quotas of the period for revenue, and 100 % for the
/// share of reps at quota. `None` for other KPIs or without quotas.
pub fn derived_target(def: &KpiDef, ws: &Workspace, scope: &Scope) -> Option<Target> {
    let value = match def.id {
        KpiId::Revenue => {
            // Without quotas there is nothing to add up: no need to apply the filters.
            ws.table(crate::ingest::DatasetKind::Quotas)?;
            let sel = Selection::new(ws, &scope.filters);
            plans::quota_total(&Ctx { ws, scope: scope.clone(), sel: &sel }, scope.period).filter(|&q| q > 0.0)?
        }
        KpiId::QuotaAttainment => 1.0,
        _ => return None,
    };
    Some(Target { value, source: TargetSource::Derived, amber_band: DEFAULT_AMBER_BAND })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_respects_direction_and_band() {
        let t = Target { value: 0.05, source: TargetSource::Typed, amber_band: 0.2 };
        let cases = [
            (Direction::Up, 0.05, Rag::Green),
            (Direction::Up, 0.041, Rag::Amber),
            (Direction::Up, 0.039, Rag::Red),
            (Direction::Down, 0.02, Rag::Green),
            (Direction::Down, 0.059, Rag::Amber),
            (Direction::Down, 0.07, Rag::Red),
        ];
        for (dir, v, want) in cases {
            assert_eq!(t.status(dir, v), Some(want), "{dir:?} {v}");
        }
        assert_eq!(t.status(Direction::Neutral, 1.0), None);
    }
}
