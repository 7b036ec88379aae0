//! The whole view as a link or a settings file carries it: period, grain, comparison, filters,
//! drill-down steps, targets, KPI settings, the custom board, the currency, the theme, the stage
//! rules and the files the view was made on (by name, with their columns). Plain data,
//! serialised as JSON; every field is optional on reading, so links made by older versions keep
//! opening.
//!
//! A view comes from strangers (a link, a settings file) or from this device's storage, so it
//! is bounded where it enters: [`LinkState::bounded`] (in [`super::bounds`]) limits every list
//! and string, keeps periods in a sane calendar range and trends to
//! [`crate::period::MAX_BUCKETS`] buckets, and names what it dropped or changed in
//! [`super::Notice`]s.

use crate::ingest::{DatasetKind, DateOrder};
use crate::kpi::Comparison;
use crate::lang::Lang;
use crate::{Day, Filters, Grain, Period, StageRules, Status, Workspace};
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
    /// The language the view was shared in (`en`, `de`, `pl`, `zh`); older links have none and
    /// open in the reader's language.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// The Pipeline change page's close-date window (`this`, `next`, `FROM..TO`); none for the
    /// whole pipeline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub window: Option<String>,
    /// Stage rules, when the user changed what the stage names suggest.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stages: Option<StageLink>,
}

fn is_empty_filters(f: &Filters) -> bool {
    f.0.is_empty()
}
impl LinkState {
    /// The view's period as days, when it names a readable one.
    pub fn period_days(&self) -> Option<Period> {
        let [from, to] = self.period.as_ref()?;
        Period::new(Day::parse_iso(from)?, Day::parse_iso(to)?)
    }

    /// Whether the link's theme is dark (`None`: it does not say).
    pub fn dark(&self) -> Option<bool> {
        match self.theme.as_deref() {
            Some("dark") => Some(true),
            Some("light") => Some(false),
            _ => None,
        }
    }

    /// The language the link names, if it is one the app speaks.
    pub fn language(&self) -> Option<Lang> {
        Lang::from_tag(self.lang.as_deref()?)
    }

    /// The Pipeline change page's window the link names (the whole pipeline when it names none).
    pub fn change_window(&self) -> crate::change::WindowChoice {
        self.window.as_deref().and_then(crate::change::WindowChoice::from_link).unwrap_or_default()
    }

    /// The code of the link's currency in `ws`, if it names one the deals have.
    pub fn currency_code(&self, ws: &Workspace) -> Option<u32> {
        let name = self.currency.as_deref()?;
        ws.deals.as_ref()?.currencies().into_iter().find(|c| c.1 == name).map(|c| c.0)
    }

    /// Applies the link's stage rules to the deals in `ws`, by stage name; stages the link does
    /// not name keep what their names suggest. Returns whether anything changed. A stage named
    /// several times in the open order counts once.
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
            if let Some(s) = rules.status_of.get_mut(code) {
                *s = status;
            }
        }
        let count = deals.stage.values.len();
        let open: Vec<bool> = (0..count as u32).map(|c| rules.status(c) == Status::Open).collect();
        let is_open = |c: u32| open.get(c as usize).copied().unwrap_or(false);
        let codes: BTreeMap<&str, u32> =
            deals.stage.values.iter().enumerate().map(|(c, v)| (v.as_str(), c as u32)).collect();
        // Stages the link names, in its order; the others after them, as their names suggest.
        let named = link.open.iter().filter_map(|n| codes.get(n.as_str()).copied());
        let rest = rules.open_order.iter().copied().chain(0..count as u32);
        let mut placed = vec![false; count];
        let mut ordered = Vec::new();
        for c in named.chain(rest) {
            if is_open(c) && !std::mem::replace(&mut placed[c as usize], true) {
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
    use crate::share::notice::{Notice, Part, Reason};

    fn is_chart(k: &str) -> bool {
        ["funnel", "trend:revenue", "pipeline"].contains(&k)
    }

    fn bounded(json: &str) -> (LinkState, Vec<Notice>) {
        LinkState::from_json(json, is_chart).unwrap()
    }

    fn dropped(part: Part, count: usize, reason: Reason) -> Notice {
        Notice::Dropped { part, count, reason }
    }

    #[test]
    fn the_json_is_the_one_links_have_always_carried() {
        let view = LinkState {
            grain: Some(Grain::Month),
            compare: Some(Comparison::Previous),
            theme: Some("light".into()),
            ..LinkState::default()
        };
        let json = serde_json::to_string(&view).unwrap();
        assert_eq!(json, r#"{"grain":"month","compare":"previous","theme":"light"}"#);
        let full = r#"{"files":[{"name":"deals.csv","kind":"deals","mapping":[0,1,null],"date_order":"day_first"}],"period":["2024-01-01","2024-03-31"],"grain":"week","compare":"year_earlier","filters":{"owner":["Zoë O'Neil"]},"crumbs":[{"label":"Owner: Zoë O'Neil","before":{}}],"board":["funnel","kpi:win_rate"],"gross_margin":0.7,"targets":{"revenue":1250000.5},"currency":"EUR","theme":"dark","stages":{"status":{"Won":"won"},"open":["Lead"]}}"#;
        let read: LinkState = serde_json::from_str(full).unwrap();
        assert_eq!(serde_json::to_string(&read).unwrap(), full, "old links read and write the same JSON");
        let (kept, notices) = read.clone().bounded(is_chart);
        assert_eq!((kept, notices), (read, vec![]), "an ordinary view passes unchanged");
        assert_eq!(bounded("{}"), (LinkState::default(), vec![]));
    }

    #[test]
    fn the_language_travels_and_a_strange_one_is_dropped() {
        let (v, notices) = bounded(r#"{"lang":"de"}"#);
        assert_eq!((v.language(), notices), (Some(Lang::De), vec![]));
        assert_eq!(serde_json::to_string(&v).unwrap(), r#"{"lang":"de"}"#);
        for strange in [r#"{"lang":"fr"}"#, r#"{"lang":"zh-TW"}"#, r#"{"lang":""}"#] {
            let (v, notices) = bounded(strange);
            assert_eq!((v.lang, notices), (None, vec![]), "{strange}");
        }
        assert_eq!(bounded(r#"{"lang":"PL-pl"}"#).0.lang.as_deref(), Some("pl"), "stored as its code");
    }

    #[test]
    fn a_stage_listed_twice_in_the_open_order_appears_once() {
        let mut ws = crate::demo::demo_workspace(7);
        let deals = ws.deals.as_ref().unwrap();
        let open: Vec<String> =
            deals.stage_rules.open_order.iter().map(|&c| deals.stage.values[c as usize].clone()).collect();
        let before = deals.stage_rules.clone();
        let mut listed: Vec<String> = open.iter().rev().cloned().collect();
        let first = listed[0].clone();
        listed.extend(std::iter::repeat_n(first.clone(), 1000));
        let link = LinkState {
            stages: Some(StageLink { status: BTreeMap::new(), open: listed.clone() }),
            ..LinkState::default()
        };
        // Bounded, the order lists each stage once…
        let (v, notices) = link.clone().bounded(is_chart);
        assert_eq!(v.stages.as_ref().unwrap().open, open.iter().rev().cloned().collect::<Vec<_>>());
        assert_eq!(notices, vec![dropped(Part::OpenStages, 1000, Reason::Repeated)]);
        // …and even unbounded, applying it places each open stage once.
        assert!(link.apply_stages(&mut ws));
        let rules = &ws.deals.as_ref().unwrap().stage_rules;
        assert_eq!(rules.open_order.len(), before.open_order.len());
        let mut sorted = rules.open_order.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), rules.open_order.len());
        assert_eq!(rules.open_order.first(), before.open_order.last());
    }

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
