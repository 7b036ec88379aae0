//! The whole view as a link carries it: period, grain, comparison, filters, drill-down steps,
//! targets, KPI settings, the custom board, the currency, the theme, the stage rules and the
//! files the view was made on (by name, with their columns). Plain data, serialised as JSON;
//! every field is optional on reading, so links made by older versions keep opening.

use crate::charts::catalog::default_board;
use crate::state::{BoardItem, Crumb, Loaded, Source, ViewSettings};
use pipelens_engine::ingest::{DatasetKind, DateOrder};
use pipelens_engine::kpi::{self, Comparison};
use pipelens_engine::{Day, Filters, Grain, Period, StageRules, Status, Workspace};
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
            None => crate::charts::catalog::ChartId::parse(key).map(BoardItem::Chart),
        }
    }
}

impl LinkState {
    /// Captures the view on screen.
    pub fn capture(view: &ViewSettings, currency: Option<&str>, dark: bool, loaded: &Loaded) -> LinkState {
        let files = match loaded.source {
            Source::Demo => Vec::new(),
            Source::Files => loaded
                .files
                .iter()
                .map(|f| FileRef {
                    name: f.name.clone(),
                    kind: f.kind,
                    mapping: f.mapping.clone(),
                    date_order: f.date_order,
                })
                .collect(),
        };
        let board = (view.board != default_board()).then(|| view.board.iter().map(|b| b.key()).collect());
        LinkState {
            files,
            period: view.period.map(|p| [p.from.to_string(), p.to.to_string()]),
            grain: Some(view.grain),
            compare: Some(view.comparison),
            filters: view.filters.clone(),
            crumbs: view
                .crumbs
                .iter()
                .map(|c| CrumbLink { label: c.label.clone(), before: c.before.clone() })
                .collect(),
            board,
            gross_margin: (view.settings.gross_margin != 1.0).then_some(view.settings.gross_margin),
            targets: view.targets.iter().map(|(k, v)| (k.as_str().to_owned(), *v)).collect(),
            currency: currency.map(str::to_owned),
            theme: Some(if dark { "dark" } else { "light" }.to_owned()),
            stages: stage_link(&loaded.workspace),
        }
    }

    /// The view settings the link describes; what it does not say stays as in `base`.
    /// Unknown KPI ids, board items and impossible values are dropped.
    pub fn view_settings(&self, base: &ViewSettings) -> ViewSettings {
        let mut v = base.clone();
        v.period = self.period.as_ref().and_then(|[from, to]| {
            let (from, to) = (Day::parse_iso(from)?, Day::parse_iso(to)?);
            (from <= to).then_some(Period { from, to })
        });
        if let Some(g) = self.grain {
            v.grain = g;
        }
        if let Some(c) = self.compare {
            v.comparison = c;
        }
        v.filters = self.filters.clone();
        v.crumbs = self.crumbs.iter().map(|c| Crumb { before: c.before.clone(), label: c.label.clone() }).collect();
        if let Some(board) = &self.board {
            v.board = board.iter().filter_map(|k| BoardItem::parse(k)).collect();
        }
        v.settings.gross_margin = self.gross_margin.filter(|m| (0.0..=1.0).contains(m)).unwrap_or(1.0);
        v.targets = self
            .targets
            .iter()
            .filter(|(_, t)| t.is_finite())
            .filter_map(|(id, t)| kpi::find(id).map(|d| (d.id, *t)))
            .collect();
        v
    }

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
        let mut ordered: Vec<u32> = named.map(|c| c as u32).filter(|c| open.contains(c)).collect();
        let rest: Vec<u32> = rules.open_order.iter().chain(&open).copied().filter(|c| open.contains(c)).collect();
        for c in rest {
            if !ordered.contains(&c) {
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

    /// Whether the files the link names are the ones loaded (same names and datasets).
    pub fn files_match(&self, loaded: &Loaded) -> bool {
        let files: &[crate::state::FileEntry] = match loaded.source {
            Source::Demo => &[],
            Source::Files => &loaded.files,
        };
        let named = |name: &str, kind| self.files.iter().any(|r| r.name == name && r.kind == kind);
        files.len() == self.files.len() && files.iter().all(|f| named(&f.name, f.kind))
    }
}

/// The deals' stage rules by name, when they differ from what the names suggest.
fn stage_link(ws: &Workspace) -> Option<StageLink> {
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
    use crate::charts::catalog::ChartId;
    use pipelens_engine::kpi::KpiId;
    use pipelens_engine::Dim;

    fn custom_view() -> ViewSettings {
        let mut v = ViewSettings::default();
        v.period = Some(Period { from: Day::from_ymd(2024, 1, 1).unwrap(), to: Day::from_ymd(2024, 3, 31).unwrap() });
        v.grain = Grain::Week;
        v.comparison = Comparison::YearEarlier;
        v.drill(Dim::Owner, "Zoë O'Neil");
        v.filters = v.filters.with(Dim::Region, "EMEA & \"APAC\"");
        v.board = vec![BoardItem::Chart(ChartId::Funnel), BoardItem::Kpi(KpiId::WinRate)];
        v.settings.gross_margin = 0.7;
        v.targets.insert(KpiId::Revenue, 1_250_000.5);
        v
    }

    #[test]
    fn a_view_round_trips_through_json() {
        let view = custom_view();
        let link = LinkState::capture(&view, Some("EUR"), true, &Loaded::demo());
        let json = serde_json::to_string(&link).unwrap();
        let back: LinkState = serde_json::from_str(&json).unwrap();
        assert_eq!(back, link);
        assert_eq!(back.view_settings(&ViewSettings::default()), view);
        assert_eq!(back.dark(), Some(true));
        assert!(back.files.is_empty(), "the demo names no file");
    }

    #[test]
    fn the_default_view_is_short_and_old_or_odd_links_still_open() {
        let link = LinkState::capture(&ViewSettings::default(), None, false, &Loaded::demo());
        let json = serde_json::to_string(&link).unwrap();
        assert_eq!(json, r#"{"grain":"month","compare":"previous","theme":"light"}"#);
        let empty: LinkState = serde_json::from_str("{}").unwrap();
        assert_eq!(empty.view_settings(&ViewSettings::default()), ViewSettings::default());
        // Fields of a newer version are ignored; unknown KPIs, charts and bad values dropped.
        let odd: LinkState = serde_json::from_str(
            r#"{"future":1,"targets":{"revenue":5,"nope":1},"board":["kpi:nope","funnel","kpi:revenue"],
                "gross_margin":7,"period":["2024-05-01","2024-01-01"]}"#,
        )
        .unwrap();
        let v = odd.view_settings(&ViewSettings::default());
        assert_eq!(v.targets.into_iter().collect::<Vec<_>>(), vec![(KpiId::Revenue, 5.0)]);
        assert_eq!(v.board, vec![BoardItem::Chart(ChartId::Funnel), BoardItem::Kpi(KpiId::Revenue)]);
        assert_eq!(v.settings.gross_margin, 1.0);
        assert_eq!(v.period, None);
    }

    #[test]
    fn every_board_item_round_trips_through_its_key() {
        let items = pipelens_engine::kpi::CATALOG
            .iter()
            .map(|d| BoardItem::Kpi(d.id))
            .chain(ChartId::MENU.into_iter().map(BoardItem::Chart));
        for item in items {
            assert_eq!(BoardItem::parse(&item.key()), Some(item), "{}", item.key());
        }
    }

    #[test]
    fn stage_rules_travel_by_name() {
        let mut loaded = Loaded::demo();
        let deals = loaded.workspace.deals.as_mut().unwrap();
        let mut rules = deals.stage_rules.clone();
        let first_open = rules.open_order[0];
        rules.status_of[first_open as usize] = Status::Lost;
        rules.open_order.retain(|&c| c != first_open);
        rules.open_order.reverse();
        deals.apply_stage_rules(rules.clone());
        let link = LinkState::capture(&ViewSettings::default(), None, false, &loaded);
        assert!(link.stages.is_some());
        let mut fresh = Loaded::demo().workspace;
        assert!(link.apply_stages(&mut fresh));
        assert_eq!(fresh.deals.as_ref().unwrap().stage_rules, rules);
        assert!(!link.apply_stages(&mut fresh), "applying twice changes nothing");
        assert_eq!(LinkState::capture(&ViewSettings::default(), None, false, &Loaded::demo()).stages, None);
    }
}
