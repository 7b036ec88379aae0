//! The view on screen as a link carries it ([`LinkState`], plain data in the engine), and back:
//! the glue between the engine's view model and the UI's view settings.

use crate::state::{default_board, BoardItem, ChartId, Crumb, Loaded, ViewSettings};
use pipelens_engine::kpi;
use pipelens_engine::lang::Lang;
use pipelens_engine::share::{stage_link, CrumbLink, FileRef, LinkState};

/// Whether a board key names a chart of this version: the predicate
/// [`LinkState::bounded`] takes.
pub fn is_chart_key(key: &str) -> bool {
    ChartId::parse(key).is_some()
}

/// Captures the view on screen.
pub fn capture(view: &ViewSettings, currency: Option<&str>, dark: bool, lang: Lang, loaded: &Loaded) -> LinkState {
    let files = loaded
        .user_files()
        .iter()
        .map(|f| FileRef { name: f.name.clone(), kind: f.kind, mapping: f.mapping.clone(), date_order: f.date_order })
        .collect();
    let board = (view.board != default_board()).then(|| view.board.iter().map(|b| b.key()).collect());
    LinkState {
        files,
        period: view.period.map(|p| [p.from.to_string(), p.to.to_string()]),
        grain: Some(view.grain),
        compare: Some(view.comparison),
        filters: view.filters.clone(),
        crumbs: view.crumbs.iter().map(|c| CrumbLink { label: c.label.clone(), before: c.before.clone() }).collect(),
        board,
        gross_margin: (view.settings.gross_margin != 1.0).then_some(view.settings.gross_margin),
        targets: view.targets.iter().map(|(k, v)| (k.as_str().to_owned(), *v)).collect(),
        currency: currency.map(str::to_owned),
        theme: Some(if dark { "dark" } else { "light" }.to_owned()),
        lang: Some(lang.code().to_owned()),
        window: view.change_window.as_link(),
        stages: stage_link(&loaded.workspace),
    }
}

/// The view settings the link describes; what it does not say stays as in `base`. The view is
/// bounded first ([`LinkState::bounded`]), whoever called this, so nothing unbounded reaches
/// the UI: unknown KPI ids and board items, impossible values and lists past their limits are
/// dropped, a period is kept inside the calendar's sane range.
pub fn view_settings(link: &LinkState, base: &ViewSettings) -> ViewSettings {
    let (link, _) = link.clone().bounded(is_chart_key);
    let mut v = base.clone();
    v.period = link.period_days();
    if let Some(g) = link.grain {
        v.grain = g;
    }
    if let Some(c) = link.compare {
        v.comparison = c;
    }
    v.filters = link.filters.clone();
    v.change_window = link.change_window();
    v.crumbs = link.crumbs.iter().map(|c| Crumb { before: c.before.clone(), label: c.label.clone() }).collect();
    if let Some(board) = &link.board {
        v.board = board.iter().filter_map(|k| BoardItem::parse(k)).collect();
    }
    v.settings.gross_margin = link.gross_margin.unwrap_or(1.0);
    v.targets = link.targets.iter().filter_map(|(id, t)| kpi::find(id).map(|d| (d.id, *t))).collect();
    v
}

/// Whether the files `link` names are the ones loaded (same names and datasets).
pub fn files_match(link: &LinkState, loaded: &Loaded) -> bool {
    link.names_files(loaded.user_files().iter().map(|f| (f.name.as_str(), f.kind)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use pipelens_engine::kpi::{Comparison, KpiId};
    use pipelens_engine::{Day, Period};
    use pipelens_engine::{Dim, Grain};

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
        v.change_window = pipelens_engine::change::WindowChoice::Custom(Period {
            from: Day::from_ymd(2024, 4, 1).unwrap(),
            to: Day::from_ymd(2024, 6, 30).unwrap(),
        });
        v
    }

    #[test]
    fn a_view_round_trips_through_json() {
        let view = custom_view();
        let link = capture(&view, Some("EUR"), true, Lang::Pl, &Loaded::demo());
        let json = serde_json::to_string(&link).unwrap();
        let back: LinkState = serde_json::from_str(&json).unwrap();
        assert_eq!(back, link);
        assert_eq!(view_settings(&back, &ViewSettings::default()), view);
        assert_eq!(back.dark(), Some(true));
        assert_eq!(back.language(), Some(Lang::Pl), "the language travels");
        assert!(back.files.is_empty(), "the demo names no file");
    }

    #[test]
    fn the_default_view_is_short_and_old_or_odd_links_still_open() {
        let link = capture(&ViewSettings::default(), None, false, Lang::En, &Loaded::demo());
        let json = serde_json::to_string(&link).unwrap();
        assert_eq!(json, r#"{"grain":"month","compare":"previous","theme":"light","lang":"en"}"#);
        let empty: LinkState = serde_json::from_str("{}").unwrap();
        assert_eq!(view_settings(&empty, &ViewSettings::default()), ViewSettings::default());
        // Fields of a newer version are ignored; unknown KPIs, charts and bad values dropped.
        let odd: LinkState = serde_json::from_str(
            r#"{"future":1,"targets":{"revenue":5,"nope":1},"board":["kpi:nope","funnel","kpi:revenue"],
                "gross_margin":7,"period":["2024-05-01","2024-01-01"]}"#,
        )
        .unwrap();
        let v = view_settings(&odd, &ViewSettings::default());
        assert_eq!(v.targets.into_iter().collect::<Vec<_>>(), vec![(KpiId::Revenue, 5.0)]);
        assert_eq!(v.board, vec![BoardItem::Chart(ChartId::Funnel), BoardItem::Kpi(KpiId::Revenue)]);
        assert_eq!(v.settings.gross_margin, 1.0);
        assert_eq!(v.period, None);
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
        let v = view_settings(&link, &ViewSettings::default());
        let p = v.period.unwrap();
        assert_eq!((p.from.to_string(), p.to.to_string()), ("1900-01-01".into(), "2200-12-31".into()));
        assert_eq!(v.grain, Grain::Year);
        assert_eq!(v.board, vec![BoardItem::Chart(ChartId::Funnel)]);
        assert_eq!(v.settings.gross_margin, 1.0);
        assert!(is_chart_key("funnel") && !is_chart_key("kpi:revenue") && !is_chart_key("nope"));
    }
}
