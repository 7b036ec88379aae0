//! The glue between the view a link or settings file carries ([`LinkState`], plain data in
//! the engine, bounded there where it enters) and the UI's state: capturing the view on screen
//! and turning a link's view into the UI's settings.

use crate::charts::catalog::{default_board, ChartId};
use crate::state::{BoardItem, Crumb, Loaded, Source, ViewSettings};
use pipelens_engine::kpi;
pub use pipelens_engine::share::{CrumbLink, FileRef, LinkState, StageLink};
use pipelens_engine::{StageRules, Status, Workspace};

/// Whether a board key names a chart of this version: the predicate
/// [`LinkState::bounded`] takes.
pub fn is_chart_key(key: &str) -> bool {
    ChartId::parse(key).is_some()
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

/// What the UI does with a [`LinkState`]: the parts that need the UI's own types.
pub trait LinkUi {
    /// Captures the view on screen.
    fn capture(view: &ViewSettings, currency: Option<&str>, dark: bool, loaded: &Loaded) -> LinkState;
    /// The view settings the link describes; what it does not say stays as in `base`.
    fn view_settings(&self, base: &ViewSettings) -> ViewSettings;
    /// Whether the files the link names are the ones loaded (same names and datasets).
    fn files_match(&self, loaded: &Loaded) -> bool;
}

impl LinkUi for LinkState {
    fn capture(view: &ViewSettings, currency: Option<&str>, dark: bool, loaded: &Loaded) -> LinkState {
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
            targets: view.targets.iter().map(|(k, v)| ((*k).to_owned(), *v)).collect(),
            currency: currency.map(str::to_owned),
            theme: Some(if dark { "dark" } else { "light" }.to_owned()),
            stages: stage_link(&loaded.workspace),
        }
    }

    /// Unknown KPI ids, board items and impossible values are dropped: the view is bounded
    /// ([`LinkState::bounded`]) first, whoever called it, so nothing unbounded reaches the UI.
    fn view_settings(&self, base: &ViewSettings) -> ViewSettings {
        let (link, _) = self.clone().bounded(is_chart_key);
        let mut v = base.clone();
        v.period = link.period_days();
        if let Some(g) = link.grain {
            v.grain = g;
        }
        if let Some(c) = link.compare {
            v.comparison = c;
        }
        v.filters = link.filters.clone();
        v.crumbs = link.crumbs.iter().map(|c| Crumb { before: c.before.clone(), label: c.label.clone() }).collect();
        if let Some(board) = &link.board {
            v.board = board.iter().filter_map(|k| BoardItem::parse(k)).collect();
        }
        v.settings.gross_margin = link.gross_margin.unwrap_or(1.0);
        v.targets = link.targets.iter().filter_map(|(id, t)| kpi::find(id).map(|d| (d.id, *t))).collect();
        v
    }

    fn files_match(&self, loaded: &Loaded) -> bool {
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
    use pipelens_engine::kpi::Comparison;
    use pipelens_engine::Dim;
    use pipelens_engine::{Day, Grain, Period};

    fn custom_view() -> ViewSettings {
        let mut v = ViewSettings::default();
        v.period = Some(Period { from: Day::from_ymd(2024, 1, 1).unwrap(), to: Day::from_ymd(2024, 3, 31).unwrap() });
        v.grain = Grain::Week;
        v.comparison = Comparison::YearEarlier;
        v.drill(Dim::Owner, "Zoë O'Neil");
        v.filters = v.filters.with(Dim::Region, "EMEA & \"APAC\"");
        v.board = vec![BoardItem::Chart(ChartId::Funnel), BoardItem::Kpi("win_rate")];
        v.settings.gross_margin = 0.7;
        v.targets.insert("revenue", 1_250_000.5);
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
        assert_eq!(v.targets.into_iter().collect::<Vec<_>>(), vec![("revenue", 5.0)]);
        assert_eq!(v.board, vec![BoardItem::Chart(ChartId::Funnel), BoardItem::Kpi("revenue")]);
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

    #[test]
    fn a_hostile_view_reaches_the_ui_bounded() {
        let link = LinkState {
            period: Some(["0001-01-01".into(), "9999-12-31".into()]),
            grain: Some(Grain::Week),
            board: Some(vec!["funnel".into(); 100_000]),
            gross_margin: Some(f64::NAN),
            ..LinkState::default()
        };
        let v = link.view_settings(&ViewSettings::default());
        let p = v.period.unwrap();
        assert_eq!((p.from.to_string(), p.to.to_string()), ("1900-01-01".into(), "2200-12-31".into()));
        assert_eq!(v.grain, Grain::Year);
        assert_eq!(v.board, vec![BoardItem::Chart(ChartId::Funnel)]);
        assert_eq!(v.settings.gross_margin, 1.0);
        assert!(is_chart_key("funnel") && !is_chart_key("kpi:revenue") && !is_chart_key("nope"));
    }
}
