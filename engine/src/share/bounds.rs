//! The gate every view passes where it enters (a link, a settings file, remembered
//! settings): [`LinkState::bounded`] limits every list and string of a [`LinkState`], keeps its
//! period in a sane calendar range and its trends within [`crate::period::MAX_BUCKETS`] buckets, and names
//! what it dropped or changed in [`Notice`]s. Linear in the view's size.

use super::notice::{Notice, Part, Reason};
use super::view::{CrumbLink, LinkState, StageLink};
use crate::kpi;
use crate::lang::Lang;
use crate::{Day, Filters, Grain, Period};
use std::collections::{BTreeMap, HashSet};

/// The limits [`LinkState::bounded`] holds a view to.
pub mod limits {
    /// Items on a custom board.
    pub const BOARD_ITEMS: usize = 64;
    /// Values filtered per dimension.
    pub const FILTER_VALUES: usize = 50;
    /// Characters of a filter value, a stage name, a breadcrumb label or a board key.
    pub const TEXT_CHARS: usize = 200;
    /// Drill-down steps.
    pub const CRUMBS: usize = 20;
    /// Stage names with a status, and open stages in order.
    pub const STAGES: usize = 500;
    /// Files a view names.
    pub const FILES: usize = 16;
    /// Characters of a file name.
    pub const FILE_NAME_CHARS: usize = 255;
    /// Characters of a currency name.
    pub const CURRENCY_CHARS: usize = 64;
    /// Columns a file's mapping may name (far more than any dataset has fields).
    pub const MAPPING_COLUMNS: usize = 64;
    /// The earliest day a view's period may start: `(year, month, day)`.
    pub const FIRST_DAY: (i32, u32, u32) = (1900, 1, 1);
    /// The last day a view's period may end.
    pub const LAST_DAY: (i32, u32, u32) = (2200, 12, 31);
    /// The most bytes of JSON read as a view or a settings file.
    pub const JSON_BYTES: usize = 4 << 20;
}

/// The calendar range a view's period is kept in: [`limits::FIRST_DAY`] to [`limits::LAST_DAY`].
pub fn sane_range() -> Period {
    let day = |(y, m, d): (i32, u32, u32)| Day::from_ymd(y, m, d).unwrap_or(Day(0));
    Period { from: day(limits::FIRST_DAY), to: day(limits::LAST_DAY) }
}

/// Counts what one bound drops, by reason, and turns the counts into notices.
struct Tally<'a> {
    part: Part,
    notices: &'a mut Vec<Notice>,
    counts: BTreeMap<Reason, usize>,
}

impl<'a> Tally<'a> {
    fn new(part: Part, notices: &'a mut Vec<Notice>) -> Tally<'a> {
        Tally { part, notices, counts: BTreeMap::new() }
    }

    fn drop(&mut self, reason: Reason) {
        *self.counts.entry(reason).or_default() += 1;
    }
}

impl Drop for Tally<'_> {
    fn drop(&mut self) {
        for (&reason, &count) in &self.counts {
            self.notices.push(Notice::Dropped { part: self.part, count, reason });
        }
    }
}

fn too_long(s: &str, chars: usize) -> bool {
    // Bytes first: most strings are short, and a long one is not walked twice.
    s.len() > chars && s.chars().nth(chars).is_some()
}

/// Keeps the strings of `items` that are short enough and not repeated, at most `max` of them.
fn bound_list(items: Vec<String>, max: usize, chars: usize, tally: &mut Tally<'_>) -> Vec<String> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for item in items {
        if too_long(&item, chars) {
            tally.drop(Reason::TooLong(chars));
        } else if seen.contains(&item) {
            tally.drop(Reason::Repeated);
        } else if out.len() >= max {
            tally.drop(Reason::TooMany(max));
        } else {
            seen.insert(item.clone());
            out.push(item);
        }
    }
    out
}

/// Filters with at most [`limits::FILTER_VALUES`] short, distinct values per dimension.
fn bound_filters(filters: Filters, tally: &mut Tally<'_>) -> Filters {
    Filters(
        filters
            .0
            .into_iter()
            .map(|(dim, values)| (dim, bound_list(values, limits::FILTER_VALUES, limits::TEXT_CHARS, tally)))
            .collect(),
    )
}

impl LinkState {
    /// Reads a view from JSON (a link's view or a remembered one) and bounds it (see
    /// [`LinkState::bounded`]); refused, in words, when it is not a view or is too large.
    ///
    /// ```
    /// use pipelens_engine::share::{LinkState, Notice};
    /// let (view, notices) = LinkState::from_json(r#"{"board":["funnel","funnel"]}"#, |k| k == "funnel").unwrap();
    /// assert_eq!(view.board, Some(vec!["funnel".to_owned()]));
    /// assert_eq!(notices.len(), 1);
    /// assert!(LinkState::from_json("[1,2]", |_| true).is_err());
    /// ```
    pub fn from_json(text: &str, is_chart: impl Fn(&str) -> bool) -> Result<(LinkState, Vec<Notice>), String> {
        if text.len() > limits::JSON_BYTES {
            return Err(format!(
                "the view settings are {:.1} MB, more than the {} MB pipelens reads",
                text.len() as f64 / 1e6,
                limits::JSON_BYTES >> 20
            ));
        }
        let view: LinkState =
            serde_json::from_str(text).map_err(|e| format!("the view settings cannot be read ({e})"))?;
        Ok(view.bounded(is_chart))
    }

    /// The view with every field bounded and checked, and what was dropped or changed, named.
    /// The one gate every view passes where it enters (link, settings file, remembered
    /// settings); `is_chart` says whether a board key names a chart this version has (`kpi:`
    /// keys are checked against the KPI catalog here). Runs in time linear in the view's size.
    ///
    /// - period: both ends readable ISO days in order, kept within [`sane_range`] (clamped);
    ///   the grain coarsened so a trend has at most [`crate::period::MAX_BUCKETS`] buckets;
    /// - board: known, distinct keys, at most [`limits::BOARD_ITEMS`];
    /// - filters (also those before each drill-down step): at most [`limits::FILTER_VALUES`]
    ///   distinct values per dimension, each at most [`limits::TEXT_CHARS`] characters;
    /// - crumbs: at most [`limits::CRUMBS`], labels at most [`limits::TEXT_CHARS`] characters;
    /// - stages: at most [`limits::STAGES`] names with `open`, `won` or `lost`, and as many
    ///   distinct open stages (a stage listed twice in the order appears once);
    /// - targets: finite, for KPIs of the catalog; gross margin finite in 0..=1;
    /// - lang: a language the app speaks, as its code, or none;
    /// - files, currency, theme: counted and length-capped; a mapping names at most as many
    ///   columns as its dataset has fields.
    pub fn bounded(self, is_chart: impl Fn(&str) -> bool) -> (LinkState, Vec<Notice>) {
        let mut notices = Vec::new();
        let LinkState {
            files,
            period,
            grain,
            compare,
            filters,
            crumbs,
            board,
            gross_margin,
            targets,
            currency,
            theme,
            lang,
            window,
            stages,
        } = self;

        let period = bound_period(period, &mut notices);
        let grain =
            match (grain, period.as_ref().and_then(|[f, t]| Period::new(Day::parse_iso(f)?, Day::parse_iso(t)?))) {
                (Some(asked), Some(p)) if asked.fitting(p) != asked => {
                    let used = asked.fitting(p);
                    notices.push(Notice::CoarserGrain { asked, used });
                    Some(used)
                }
                (grain, _) => grain,
            };

        let files = {
            let mut tally = Tally::new(Part::Files, &mut notices);
            let mut out = Vec::new();
            for mut f in files {
                if too_long(&f.name, limits::FILE_NAME_CHARS) {
                    tally.drop(Reason::TooLong(limits::FILE_NAME_CHARS));
                } else if out.len() >= limits::FILES {
                    tally.drop(Reason::TooMany(limits::FILES));
                } else {
                    let fields = f.kind.fields().len().min(limits::MAPPING_COLUMNS);
                    if f.mapping.len() > fields {
                        f.mapping.truncate(fields);
                    }
                    out.push(f);
                }
            }
            out
        };

        let filters = bound_filters(filters, &mut Tally::new(Part::FilterValues, &mut notices));

        let crumbs = {
            let (mut steps, mut values) = (Vec::new(), Vec::new());
            let mut kept = Vec::new();
            {
                let mut step_tally = Tally::new(Part::Crumbs, &mut steps);
                let mut value_tally = Tally::new(Part::CrumbFilterValues, &mut values);
                for c in crumbs {
                    if too_long(&c.label, limits::TEXT_CHARS) {
                        step_tally.drop(Reason::TooLong(limits::TEXT_CHARS));
                    } else if kept.len() >= limits::CRUMBS {
                        step_tally.drop(Reason::TooMany(limits::CRUMBS));
                    } else {
                        kept.push(CrumbLink { label: c.label, before: bound_filters(c.before, &mut value_tally) });
                    }
                }
            }
            notices.extend(steps);
            notices.extend(values);
            kept
        };

        let board = board.map(|keys| {
            let mut tally = Tally::new(Part::BoardItems, &mut notices);
            let known = |k: &str| match k.strip_prefix("kpi:") {
                Some(id) => kpi::find(id).is_some(),
                None => is_chart(k),
            };
            let mut kept = Vec::new();
            for k in keys {
                if too_long(&k, limits::TEXT_CHARS) || !known(&k) {
                    tally.drop(Reason::Unknown);
                } else {
                    kept.push(k);
                }
            }
            bound_list(kept, limits::BOARD_ITEMS, limits::TEXT_CHARS, &mut tally)
        });

        let gross_margin = gross_margin.and_then(|m| {
            let ok = m.is_finite() && (0.0..=1.0).contains(&m);
            if !ok {
                notices.push(Notice::Dropped { part: Part::GrossMargin, count: 1, reason: Reason::OutOfRange });
            }
            ok.then_some(m)
        });

        let targets = {
            let mut tally = Tally::new(Part::Targets, &mut notices);
            let mut kept = BTreeMap::new();
            for (id, t) in targets {
                if !t.is_finite() {
                    tally.drop(Reason::OutOfRange);
                } else if too_long(&id, limits::TEXT_CHARS) || kpi::find(&id).is_none() {
                    tally.drop(Reason::Unknown);
                } else {
                    kept.insert(id, t);
                }
            }
            kept
        };

        let currency = currency.and_then(|c| {
            let ok = !too_long(&c, limits::CURRENCY_CHARS);
            if !ok {
                notices.push(Notice::Dropped {
                    part: Part::Currency,
                    count: 1,
                    reason: Reason::TooLong(limits::CURRENCY_CHARS),
                });
            }
            ok.then_some(c)
        });

        let theme = theme.and_then(|t| {
            let ok = t == "dark" || t == "light";
            if !ok {
                notices.push(Notice::Dropped { part: Part::Theme, count: 1, reason: Reason::Unknown });
            }
            ok.then_some(t)
        });

        // A language this app does not speak is dropped without a notice: the reader's own
        // language is used, which is what the sender would want.
        let lang = lang.and_then(|l| if l.len() > 35 { None } else { Lang::from_tag(&l) }).map(|l| l.code().to_owned());

        // A window this app cannot read is dropped without a notice: the page then shows the
        // whole pipeline, its default.
        let window = window.filter(|w| w.len() <= 32 && crate::change::WindowChoice::from_link(w).is_some());

        let stages = stages.map(|s| {
            let mut tally = Tally::new(Part::Stages, &mut notices);
            let mut status = BTreeMap::new();
            for (name, st) in s.status {
                if too_long(&name, limits::TEXT_CHARS) {
                    tally.drop(Reason::TooLong(limits::TEXT_CHARS));
                } else if !matches!(st.as_str(), "open" | "won" | "lost") {
                    tally.drop(Reason::Unknown);
                } else if status.len() >= limits::STAGES {
                    tally.drop(Reason::TooMany(limits::STAGES));
                } else {
                    status.insert(name, st);
                }
            }
            drop(tally);
            let open =
                bound_list(s.open, limits::STAGES, limits::TEXT_CHARS, &mut Tally::new(Part::OpenStages, &mut notices));
            StageLink { status, open }
        });

        let view = LinkState {
            files,
            period,
            grain,
            compare,
            filters,
            crumbs,
            board,
            gross_margin,
            targets,
            currency,
            theme,
            lang,
            window,
            stages,
        };
        (view, notices)
    }
}

/// The period kept within [`sane_range`]; an unreadable one or one that ends before it starts
/// is dropped.
fn bound_period(period: Option<[String; 2]>, notices: &mut Vec<Notice>) -> Option<[String; 2]> {
    let [from, to] = period?;
    let read = |s: &str| if too_long(s, 32) { None } else { Day::parse_iso(s) };
    let Some(p) = read(&from).zip(read(&to)).and_then(|(f, t)| Period::new(f, t)) else {
        notices.push(Notice::Dropped { part: Part::Period, count: 1, reason: Reason::Unreadable });
        return None;
    };
    let (clamped, notice) = clamp_to(p, sane_range());
    notices.extend(notice);
    Some([clamped.from.to_string(), clamped.to.to_string()])
}

/// `period` clipped to `range` (for a view, the days its data covers; see [`sane_range`] for
/// the calendar's), with a notice when it changed. A period wholly outside `range` becomes
/// `range`.
///
/// ```
/// use pipelens_engine::{share::bounds::clamp_to, Day, Period};
/// let day = |s| Day::parse_iso(s).unwrap();
/// let data = Period::new(day("2020-01-01"), day("2024-12-31")).unwrap();
/// let (p, notice) = clamp_to(Period::new(day("1000-01-01"), day("2022-06-30")).unwrap(), data);
/// assert_eq!(p.to_string(), "2020-01-01 – 2022-06-30");
/// assert!(notice.is_some());
/// assert_eq!(clamp_to(data, data), (data, None));
/// ```
pub fn clamp_to(period: Period, range: Period) -> (Period, Option<Notice>) {
    let clamped = period.clip(range).unwrap_or(range);
    let notice = (clamped != period).then_some(Notice::PeriodClamped { asked: period, shown: clamped });
    (clamped, notice)
}

/// How many trend buckets a bounded view's period needs at its grain: never more than
/// [`crate::period::MAX_BUCKETS`] (a check the tests make on every bounded view).
pub fn trend_buckets(view: &LinkState) -> usize {
    match (view.period_days(), view.grain) {
        (Some(p), Some(g)) => g.buckets(p).len(),
        (Some(p), None) => Grain::Month.fitting(p).buckets(p).len(),
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::DatasetKind;
    use crate::period::MAX_BUCKETS;
    use crate::share::view::FileRef;
    use crate::Dim;
    use proptest::prelude::*;

    const CHARTS: [&str; 3] = ["funnel", "trend:revenue", "pipeline"];

    fn is_chart(k: &str) -> bool {
        CHARTS.contains(&k)
    }

    fn bounded(json: &str) -> (LinkState, Vec<Notice>) {
        LinkState::from_json(json, is_chart).unwrap()
    }

    /// Every bound of [`LinkState::bounded`] holds for `v`.
    fn assert_bounded(v: &LinkState) {
        let short = |s: &String| s.chars().count() <= limits::TEXT_CHARS;
        let distinct = |l: &[String]| l.iter().collect::<HashSet<_>>().len() == l.len();
        let filters_ok = |f: &Filters| {
            f.0.values().all(|vals| vals.len() <= limits::FILTER_VALUES && vals.iter().all(short) && distinct(vals))
        };
        assert!(v.files.len() <= limits::FILES);
        assert!(v.files.iter().all(|f| f.mapping.len() <= f.kind.fields().len()));
        if let Some(p) = v.period_days() {
            assert!(sane_range().holds(p.from, p.to), "{p}");
        }
        assert!(v.period.is_none() || v.period_days().is_some());
        assert!(trend_buckets(v) <= MAX_BUCKETS);
        if let (Some(p), Some(g)) = (v.period_days(), v.grain) {
            assert_eq!(g.fitting(p), g, "the grain fits the period");
        }
        assert!(filters_ok(&v.filters));
        assert!(v.crumbs.len() <= limits::CRUMBS && v.crumbs.iter().all(|c| short(&c.label) && filters_ok(&c.before)));
        if let Some(b) = &v.board {
            assert!(b.len() <= limits::BOARD_ITEMS && distinct(b));
        }
        assert!(v.gross_margin.is_none_or(|m| (0.0..=1.0).contains(&m)));
        assert!(v.targets.len() <= kpi::CATALOG.len() && v.targets.values().all(|t| t.is_finite()));
        assert!(v.theme.as_deref().is_none_or(|t| t == "dark" || t == "light"));
        assert!(v.currency.as_ref().is_none_or(|c| c.chars().count() <= limits::CURRENCY_CHARS));
        if let Some(s) = &v.stages {
            assert!(s.status.len() <= limits::STAGES && s.open.len() <= limits::STAGES && distinct(&s.open));
        }
    }

    #[test]
    fn periods_are_kept_in_the_sane_range_and_trends_coarsened() {
        let cases: [(&str, Option<[&str; 2]>, Option<Grain>, Vec<Notice>); 6] = [
            (
                r#"{"period":["2024-01-01","2024-03-31"],"grain":"week"}"#,
                Some(["2024-01-01", "2024-03-31"]),
                Some(Grain::Week),
                vec![],
            ),
            (
                r#"{"period":["2024-05-01","2024-01-01"]}"#,
                None,
                None,
                vec![dropped(Part::Period, 1, Reason::Unreadable)],
            ),
            (r#"{"period":["2024-13-01","x"]}"#, None, None, vec![dropped(Part::Period, 1, Reason::Unreadable)]),
            (
                r#"{"period":["0001-01-01","9999-12-31"],"grain":"week"}"#,
                Some(["1900-01-01", "2200-12-31"]),
                Some(Grain::Year),
                vec![
                    clamped("0001-01-01", "9999-12-31", "1900-01-01", "2200-12-31"),
                    coarser(Grain::Week, Grain::Year),
                ],
            ),
            (
                r#"{"period":["2199-01-01","9999-12-31"],"grain":"month"}"#,
                Some(["2199-01-01", "2200-12-31"]),
                Some(Grain::Month),
                vec![clamped("2199-01-01", "9999-12-31", "2199-01-01", "2200-12-31")],
            ),
            (
                r#"{"period":["1990-01-01","2024-12-31"],"grain":"week"}"#,
                Some(["1990-01-01", "2024-12-31"]),
                Some(Grain::Quarter),
                vec![coarser(Grain::Week, Grain::Quarter)],
            ),
        ];
        for (json, period, grain, notices) in cases {
            let (v, got) = bounded(json);
            assert_eq!(v.period, period.map(|p| p.map(str::to_owned)), "{json}");
            assert_eq!((v.grain, got), (grain, notices), "{json}");
            assert_bounded(&v);
        }
        // ±100,000 years through serde: dropped as unreadable or clamped, never kept.
        let far = LinkState {
            period: Some([
                Day::from_ymd(-100_000, 1, 1).unwrap().to_string(),
                Day::from_ymd(100_000, 1, 1).unwrap().to_string(),
            ]),
            grain: Some(Grain::Week),
            ..LinkState::default()
        };
        let (v, notices) = bounded(&serde_json::to_string(&far).unwrap());
        assert!(!notices.is_empty());
        assert_bounded(&v);
    }

    fn dropped(part: Part, count: usize, reason: Reason) -> Notice {
        Notice::Dropped { part, count, reason }
    }

    fn clamped(a: &str, b: &str, c: &str, d: &str) -> Notice {
        let p = |x: &str, y: &str| Period::new(Day::parse_iso(x).unwrap(), Day::parse_iso(y).unwrap()).unwrap();
        Notice::PeriodClamped { asked: p(a, b), shown: p(c, d) }
    }

    fn coarser(asked: Grain, used: Grain) -> Notice {
        Notice::CoarserGrain { asked, used }
    }

    #[test]
    fn boards_are_known_distinct_and_at_most_64() {
        let mut keys: Vec<String> = (0..100_000).map(|i| CHARTS[i % 3].to_owned()).collect();
        keys.extend(kpi::CATALOG.iter().map(|d| format!("kpi:{}", d.id)));
        keys.extend(["kpi:nope".to_owned(), "nope".to_owned(), "x".repeat(10_000)]);
        let view = LinkState { board: Some(keys), ..LinkState::default() };
        let (v, notices) = view.bounded(is_chart);
        let board = v.board.clone().unwrap();
        assert_eq!(&board[..3], CHARTS.map(str::to_owned).as_slice());
        assert_eq!(board.len(), (3 + kpi::CATALOG.len()).min(limits::BOARD_ITEMS));
        assert!(notices.contains(&dropped(Part::BoardItems, 3, Reason::Unknown)), "{notices:?}");
        assert!(notices.contains(&dropped(Part::BoardItems, 100_000 - 3, Reason::Repeated)), "{notices:?}");
        assert_bounded(&v);
    }

    #[test]
    fn filters_crumbs_targets_and_the_rest_are_bounded() {
        let mut view = LinkState::default();
        let values: Vec<String> = (0..80).map(|i| format!("rep {}", i % 60)).chain(["y".repeat(201)]).collect();
        view.filters.0.insert(Dim::Owner, values.clone());
        view.crumbs = (0..30)
            .map(|i| CrumbLink {
                label: format!("Owner: {i}"),
                before: Filters([(Dim::Region, values.clone())].into()),
            })
            .collect();
        view.targets =
            [("revenue".to_owned(), 5.0), ("win_rate".to_owned(), f64::NAN), ("nope".to_owned(), 1.0)].into();
        view.gross_margin = Some(f64::INFINITY);
        view.theme = Some("<script>".into());
        view.currency = Some("€".repeat(65));
        view.files = (0..20)
            .map(|i| FileRef {
                name: format!("{i}.csv"),
                kind: DatasetKind::Deals,
                mapping: vec![Some(0); 10_000],
                date_order: None,
            })
            .collect();
        let (v, notices) = view.bounded(is_chart);
        assert_bounded(&v);
        assert_eq!(v.filters.0[&Dim::Owner].len(), limits::FILTER_VALUES);
        assert_eq!(v.crumbs.len(), limits::CRUMBS);
        assert_eq!(v.targets.keys().collect::<Vec<_>>(), ["revenue"]);
        assert_eq!((v.gross_margin, v.theme, v.currency), (None, None, None));
        let expected = [
            dropped(Part::Files, 4, Reason::TooMany(limits::FILES)),
            dropped(Part::FilterValues, 20, Reason::Repeated),
            dropped(Part::FilterValues, 1, Reason::TooLong(limits::TEXT_CHARS)),
            dropped(Part::FilterValues, 10, Reason::TooMany(limits::FILTER_VALUES)),
            dropped(Part::Crumbs, 10, Reason::TooMany(limits::CRUMBS)),
            dropped(Part::CrumbFilterValues, 20 * 20, Reason::Repeated),
            dropped(Part::GrossMargin, 1, Reason::OutOfRange),
            dropped(Part::Targets, 1, Reason::OutOfRange),
            dropped(Part::Targets, 1, Reason::Unknown),
            dropped(Part::Currency, 1, Reason::TooLong(limits::CURRENCY_CHARS)),
            dropped(Part::Theme, 1, Reason::Unknown),
        ];
        for n in &expected {
            assert!(notices.contains(n), "{n:?} in {notices:?}");
        }
    }

    #[test]
    fn too_large_or_foreign_json_is_refused_in_words() {
        for json in ["[1]", "1", "\"x\"", "{\"board\":5}", "{\"grain\":\"decade\"}", "{", ""] {
            let err = LinkState::from_json(json, is_chart).unwrap_err();
            assert!(err.starts_with("the view settings cannot be read"), "{json}: {err}");
        }
        let huge = format!("{{\"theme\":\"{}\"}}", "x".repeat(limits::JSON_BYTES));
        assert!(LinkState::from_json(&huge, is_chart).unwrap_err().contains("MB"));
    }

    /// Any JSON value, nested a few levels.
    fn any_json() -> impl Strategy<Value = serde_json::Value> {
        use serde_json::Value;
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<f64>().prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
            any::<i64>().prop_map(|n| Value::Number(n.into())),
            "[a-z0-9:\\-+ ]{0,12}".prop_map(Value::String),
            prop_oneof![
                Just("funnel"),
                Just("kpi:revenue"),
                Just("week"),
                Just("month"),
                Just("open"),
                Just("owner"),
                Just("0001-01-01"),
                Just("9999-12-31"),
                Just("1899-12-31"),
                Just("2024-02-29"),
                Just("dark"),
                Just("deals")
            ]
            .prop_map(|s| Value::String(s.into())),
        ];
        leaf.prop_recursive(4, 64, 8, |inner| {
            let keys = prop_oneof![
                Just("files"),
                Just("period"),
                Just("grain"),
                Just("compare"),
                Just("filters"),
                Just("crumbs"),
                Just("board"),
                Just("gross_margin"),
                Just("targets"),
                Just("currency"),
                Just("theme"),
                Just("stages"),
                Just("status"),
                Just("open"),
                Just("label"),
                Just("before"),
                Just("owner"),
                Just("revenue"),
                Just("name"),
                Just("kind"),
                Just("mapping")
            ];
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
                proptest::collection::btree_map(keys.prop_map(str::to_owned), inner, 0..8)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #[test]
        fn any_json_is_refused_in_words_or_bounded(value in any_json()) {
            let json = value.to_string();
            match LinkState::from_json(&json, is_chart) {
                Err(why) => prop_assert!(!why.is_empty()),
                Ok((v, _)) => {
                    assert_bounded(&v);
                    // Bounding twice changes nothing more: the first pass left nothing to say.
                    let (again, notices) = v.clone().bounded(is_chart);
                    prop_assert_eq!(again, v);
                    prop_assert!(notices.is_empty(), "{:?}", notices);
                }
            }
        }

        #[test]
        fn any_view_of_many_items_is_bounded(
            board in proptest::collection::vec(prop_oneof![Just("funnel".to_owned()), "[a-z:]{0,6}"], 0..3000),
            open in proptest::collection::vec("[A-C]{1,2}", 0..3000),
            from in -300_000i32..300_000, len in 0i32..200_000, grain in 0usize..4,
        ) {
            let day = |n: i32| Day(n).to_string();
            let view = LinkState {
                board: Some(board),
                stages: Some(StageLink { status: BTreeMap::new(), open }),
                period: Some([day(from * 100), day(from * 100 + len * 100)]),
                grain: Some([Grain::Week, Grain::Month, Grain::Quarter, Grain::Year][grain]),
                ..LinkState::default()
            };
            let (v, _) = LinkState::from_json(&serde_json::to_string(&view).unwrap(), is_chart).unwrap();
            assert_bounded(&v);
        }
    }
}
