//! The view as a link, a settings file or this device's storage carries it: period, grain,
//! comparison, filters, drill-down steps, targets, KPI settings, the custom board, the currency,
//! the theme, the stage rules and the files the view was made on (by name, with their columns).
//! Plain data, serialised as JSON; every field is optional on reading, so links made by older
//! versions keep opening.

use crate::ingest::{DatasetKind, DateOrder};
use crate::kpi::Comparison;
use crate::{Filters, Grain, StageRules, Status, Workspace};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A file the view was made on: the receiver is asked for it, and it is read with these columns.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FileRef {
    /// The file's name.
    pub name: String,
    /// The dataset it was read as.
    pub kind: DatasetKind,
    /// The column of each field of `kind.fields()`.
    pub mapping: Vec<Option<usize>>,
    /// The answer for ambiguous all-numeric dates, if the user gave one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_order: Option<DateOrder>,
}

/// A drill-down step: its breadcrumb label and the filters before it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CrumbLink {
    /// `Team: East`.
    pub label: String,
    /// The filters before the step.
    pub before: Filters,
}

/// The stage rules the user set, by stage name: what each stage means and the open stages'
/// order.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct StageLink {
    /// `open`, `won` or `lost` per stage name.
    pub status: BTreeMap<String, String>,
    /// Open stages, earliest first.
    pub open: Vec<String>,
}

/// The view, as a link or a settings file carries it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct LinkState {
    /// The files the view was made on; empty for the demo data.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub files: Vec<FileRef>,
    /// A custom period, first and last day (ISO dates); none for the data's default.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<[String; 2]>,
    /// Bucket size of trends.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub grain: Option<Grain>,
    /// What tiles compare with.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub compare: Option<Comparison>,
    /// Segment filters.
    #[serde(skip_serializing_if = "is_empty_filters")]
    pub filters: Filters,
    /// Drill-down steps, oldest first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub crumbs: Vec<CrumbLink>,
    /// The custom board's items (`kpi:revenue`, `trend:revenue`, `funnel`); none for the default.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub board: Option<Vec<String>>,
    /// Gross margin used in CLV, when not 100 %.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gross_margin: Option<f64>,
    /// Typed targets per KPI id.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub targets: BTreeMap<String, f64>,
    /// The currency amounts are shown in, by name, when the user picked one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// `dark` or `light`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub theme: Option<String>,
    /// Stage rules, when the user changed what the stage names suggest.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stages: Option<StageLink>,
}

fn is_empty_filters(f: &Filters) -> bool {
    f.0.is_empty()
}

impl LinkState {
    /// Whether the link's theme is dark (`None`: it does not say).
    pub fn dark(&self) -> Option<bool> {
        match self.theme.as_deref() {
            Some("dark") => Some(true),
            Some("light") => Some(false),
            _ => None,
        }
    }

    /// The code of the link's currency in `ws`, if it names one the deals have.
    pub fn currency_code(&self, ws: &Workspace) -> Option<u32> {
        let name = self.currency.as_deref()?;
        ws.deals.as_ref()?.currencies().into_iter().find(|c| c.1 == name).map(|c| c.0)
    }

    /// Applies the link's stage rules to the deals in `ws`, by stage name; stages the link does
    /// not name keep what their names suggest. Returns whether anything changed.
    pub fn apply_stages(&self, ws: &mut Workspace) -> bool {
        let (Some(link), Some(deals)) = (&self.stages, ws.deals.as_mut()) else { return false };
        let mut rules = StageRules::infer(&deals.stage);
        for (code, name) in deals.stage.values.iter().enumerate() {
            let status = match link.status.get(name).map(String::as_str) {
                Some("open") => Status::Open,
                Some("won") => Status::Won,
                Some("lost") => Status::Lost,
                _ => continue,
            };
            rules.status_of[code] = status;
        }
        let open: Vec<u32> =
            (0..deals.stage.values.len() as u32).filter(|&c| rules.status(c) == Status::Open).collect();
        // Stages the link names, in its order; the others after them, as their names suggest.
        let named = link.open.iter().filter_map(|n| deals.stage.values.iter().position(|v| v == n));
        let mut ordered: Vec<u32> = Vec::with_capacity(open.len());
        for c in named.map(|c| c as u32).chain(rules.open_order.iter().copied()).chain(open.iter().copied()) {
            if open.contains(&c) && !ordered.contains(&c) {
                ordered.push(c);
            }
        }
        rules.open_order = ordered;
        if rules == deals.stage_rules {
            return false;
        }
        deals.apply_stage_rules(rules);
        true
    }

    /// Whether the files the link names are `files` (same names and datasets).
    pub fn names_files<'a>(&self, files: impl ExactSizeIterator<Item = (&'a str, DatasetKind)>) -> bool {
        let named = |name: &str, kind| self.files.iter().any(|r| r.name == name && r.kind == kind);
        files.len() == self.files.len() && { files }.all(|(name, kind)| named(name, kind))
    }

    /// Whether two views are of the same files (by name and dataset).
    pub fn same_files(&self, other: &LinkState) -> bool {
        self.names_files(other.files.iter().map(|f| (f.name.as_str(), f.kind)))
    }
}

/// The deals' stage rules by name, when they differ from what the names suggest.
pub fn stage_link(ws: &Workspace) -> Option<StageLink> {
    let deals = ws.deals.as_ref()?;
    if deals.status_from_column || deals.stage_rules == StageRules::infer(&deals.stage) {
        return None;
    }
    let name = |c: u32| deals.stage.values.get(c as usize).cloned().unwrap_or_default();
    let status = (0..deals.stage.values.len() as u32)
        .filter_map(|c| {
            let s = match deals.stage_rules.status(c) {
                Status::Open => "open",
                Status::Won => "won",
                Status::Lost => "lost",
                Status::Unknown => return None,
            };
            Some((name(c), s.to_owned()))
        })
        .collect();
    Some(StageLink { status, open: deals.stage_rules.open_order.iter().map(|&c| name(c)).collect() })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo;

    #[test]
    fn stage_rules_travel_by_name() {
        let mut ws = demo::demo_workspace(demo::DEMO_SEED);
        let deals = ws.deals.as_mut().unwrap();
        let mut rules = deals.stage_rules.clone();
        let first_open = rules.open_order[0];
        rules.status_of[first_open as usize] = Status::Lost;
        rules.open_order.retain(|&c| c != first_open);
        rules.open_order.reverse();
        deals.apply_stage_rules(rules.clone());
        let link = LinkState { stages: stage_link(&ws), ..LinkState::default() };
        assert!(link.stages.is_some());
        let mut fresh = demo::demo_workspace(demo::DEMO_SEED);
        assert!(link.apply_stages(&mut fresh));
        assert_eq!(fresh.deals.as_ref().unwrap().stage_rules, rules);
        assert!(!link.apply_stages(&mut fresh), "applying twice changes nothing");
        assert_eq!(stage_link(&demo::demo_workspace(demo::DEMO_SEED)), None);
    }

    #[test]
    fn a_stage_named_twice_in_the_open_order_is_ordered_once() {
        let mut ws = demo::demo_workspace(demo::DEMO_SEED);
        let deals = ws.deals.as_ref().unwrap();
        let first = deals.stage.values[deals.stage_rules.open_order[0] as usize].clone();
        let stages = StageLink { status: BTreeMap::new(), open: vec![first.clone(), first.clone(), first] };
        let link = LinkState { stages: Some(stages), ..LinkState::default() };
        link.apply_stages(&mut ws);
        let order = &ws.deals.as_ref().unwrap().stage_rules.open_order;
        let mut unique = order.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), order.len(), "{order:?}");
    }

    #[test]
    fn files_are_matched_by_name_and_dataset() {
        let link = LinkState {
            files: vec![FileRef { name: "a.csv".into(), kind: DatasetKind::Deals, mapping: vec![], date_order: None }],
            ..LinkState::default()
        };
        assert!(link.names_files([("a.csv", DatasetKind::Deals)].into_iter()));
        assert!(!link.names_files([("a.csv", DatasetKind::Leads)].into_iter()));
        assert!(!link.names_files(std::iter::empty()));
        assert!(link.same_files(&link.clone()));
    }
}
