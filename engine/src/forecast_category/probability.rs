//! Win probabilities: read from the export's `probability` column (0..1 or 0..100), else a
//! per-stage default the user can edit.

use crate::deals_table::DealsTable;
use crate::stage::Status;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The default probability of the open stage at `rank` (0 = earliest) of `open` open stages:
/// (rank + 1) / (open + 1), evenly spaced below 100 % (four stages: 20, 40, 60, 80 %).
pub fn default_probability(rank: usize, open: usize) -> f64 {
    (rank.min(open) + 1) as f64 / (open + 1) as f64
}

/// Reads a `probability` column as fractions 0..1. The scale is decided for the whole column:
/// percentages when any value is above 1 (a column of 0..100), fractions otherwise. A value
/// outside the scale (negative, above 100 %) or missing is `None`.
///
/// ```
/// use pipelens_engine::forecast_category::probabilities;
/// assert_eq!(probabilities(&[Some(20.0), Some(100.0), None]), [Some(0.2), Some(1.0), None]);
/// assert_eq!(probabilities(&[Some(0.2), Some(1.0), Some(-1.0)]), [Some(0.2), Some(1.0), None]);
/// ```
pub fn probabilities(column: &[Option<f64>]) -> Vec<Option<f64>> {
    let percent = column.iter().flatten().any(|&v| v.is_finite() && v > 1.0);
    let scale = if percent { 100.0 } else { 1.0 };
    column.iter().map(|v| v.map(|v| v / scale).filter(|p| (0.0..=1.0).contains(p))).collect()
}

/// The probability of each stage name when the export has none, editable by the user.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct StageProbabilities(pub BTreeMap<String, f64>);

impl StageProbabilities {
    /// The defaults for the deals' stages: open stages by [`default_probability`] of their
    /// place in the pipeline, won stages 1, lost stages 0.
    pub fn defaults(d: &DealsTable) -> StageProbabilities {
        let mut map = BTreeMap::new();
        let open: Vec<&str> = d.open_stages().map(|(_, n)| n).collect();
        for (i, name) in open.iter().enumerate() {
            map.insert((*name).to_owned(), default_probability(i, open.len()));
        }
        for (code, name) in d.stage.values.iter().enumerate() {
            match d.stage_rules.status(code as u32) {
                Status::Won => map.insert(name.clone(), 1.0),
                Status::Lost => map.insert(name.clone(), 0.0),
                _ => None,
            };
        }
        StageProbabilities(map)
    }

    /// The user's probability for a stage (clamped to 0..1; NaN is ignored).
    pub fn set(&mut self, stage: &str, p: f64) {
        if !p.is_nan() {
            self.0.insert(stage.to_owned(), p.clamp(0.0, 1.0));
        }
    }

    /// The probability of a stage, if set.
    pub fn get(&self, stage: &str) -> Option<f64> {
        self.0.get(stage).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::change::fixture::{deals, Row};

    #[test]
    fn defaults_are_evenly_spaced_by_stage_order() {
        assert_eq!((0..4).map(|r| default_probability(r, 4)).collect::<Vec<_>>(), [0.2, 0.4, 0.6, 0.8]);
        let rows: Vec<Row> =
            vec![("A", "Closed Won", None, None, None, None), ("B", "Closed Lost", None, None, None, None)];
        let d = deals(&rows, &["Qualification", "Proposal", "Negotiation"]);
        let mut p = StageProbabilities::defaults(&d);
        assert_eq!(p.get("Qualification"), Some(0.25));
        assert_eq!(p.get("Negotiation"), Some(0.75));
        assert_eq!((p.get("Closed Won"), p.get("Closed Lost")), (Some(1.0), Some(0.0)));
        p.set("Proposal", 1.7);
        p.set("Qualification", f64::NAN);
        assert_eq!((p.get("Proposal"), p.get("Qualification")), (Some(1.0), Some(0.25)));
    }

    #[test]
    fn the_column_scale_is_decided_once() {
        assert_eq!(probabilities(&[Some(1.0), Some(0.5)]), [Some(1.0), Some(0.5)], "fractions");
        assert_eq!(probabilities(&[Some(1.0), Some(50.0)]), [Some(0.01), Some(0.5)], "percentages");
        assert_eq!(probabilities(&[Some(150.0), Some(f64::NAN)]), [None, None]);
    }
}
