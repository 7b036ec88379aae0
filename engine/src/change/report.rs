//! What the Pipeline change page and `pipelens-cli change` show, built from a workspace: the
//! comparison of the earlier export with the current deals ([`compare_workspace`]), its plain
//! summary ([`ChangeSummary`], the page's test hooks and the CLI's JSON), and the stage-history
//! KPIs beside it ([`HistorySummary`]).

use super::compare::{compare, ChangeError, CompareOptions, DealChange, PipelineChange, StageMove};
use super::flow::Flow;
use crate::day::Day;
use crate::export::{number_cell, rows_csv};
use crate::filter::{Mask, Selection};
use crate::history::{pushes, stage_conversion, stalled_deals, time_in_stage, StageHistory};
use crate::period::{Grain, Period};
use crate::workspace::Workspace;
use serde::Serialize;

/// The close-date window the user picks on the page.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum WindowChoice {
    /// The whole open pipeline (the default).
    #[default]
    All,
    /// The quarter the later export's as-of date falls in.
    ThisQuarter,
    /// The quarter after it.
    NextQuarter,
    /// Any range, both days included.
    Custom(Period),
}

impl WindowChoice {
    /// The window W of the spec for a later export dated `as_of`; `None` for the whole pipeline.
    pub fn resolve(self, as_of: Day) -> Option<Period> {
        let quarter = |start: Day| Period::new(start, Grain::Quarter.bucket_end(start));
        match self {
            WindowChoice::All => None,
            WindowChoice::ThisQuarter => quarter(Grain::Quarter.bucket_start(as_of)),
            WindowChoice::NextQuarter => {
                Grain::Quarter.next_start(Grain::Quarter.bucket_start(as_of)).and_then(quarter)
            }
            WindowChoice::Custom(p) => Some(p),
        }
    }

    /// The choice as a share link writes it: `this`, `next`, `2026-01-01..2026-03-31`; `None`
    /// for the whole pipeline (the default, which links leave out).
    ///
    /// ```
    /// use pipelens_engine::change::WindowChoice;
    /// assert_eq!(WindowChoice::NextQuarter.as_link().as_deref(), Some("next"));
    /// let w = WindowChoice::from_link("2026-01-01..2026-03-31").unwrap();
    /// assert_eq!(w.as_link().as_deref(), Some("2026-01-01..2026-03-31"));
    /// assert_eq!(WindowChoice::from_link("2026-03-31..2026-01-01"), None);
    /// ```
    pub fn as_link(self) -> Option<String> {
        match self {
            WindowChoice::All => None,
            WindowChoice::ThisQuarter => Some("this".into()),
            WindowChoice::NextQuarter => Some("next".into()),
            WindowChoice::Custom(p) => Some(format!("{}..{}", p.from, p.to)),
        }
    }

    /// The choice a share link's text names; `None` for text that names none (an unknown word,
    /// an impossible date, a range that ends before it starts).
    pub fn from_link(s: &str) -> Option<WindowChoice> {
        match s {
            "all" => Some(WindowChoice::All),
            "this" => Some(WindowChoice::ThisQuarter),
            "next" => Some(WindowChoice::NextQuarter),
            _ => {
                let (from, to) = s.split_once("..")?;
                let (from, to) = (Day::parse_iso(from)?, Day::parse_iso(to)?);
                Period::new(from, to).map(WindowChoice::Custom)
            }
        }
    }
}

/// Why the page has nothing to compare yet, or the comparison's own refusal.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum ChangeUnavailable {
    /// No deals are loaded.
    #[error("Load a deals export first; then load an earlier export of the same deals to compare them.")]
    NoDeals,
    /// Deals are loaded but no earlier export.
    #[error("Load an earlier export of these deals (read it as \"earlier_deals\") to see what changed since.")]
    NoEarlier,
    /// The two exports cannot be compared.
    #[error(transparent)]
    Change(#[from] ChangeError),
}

/// Compares the workspace's earlier export with its deals: the segment filters and currency of
/// `opts` as given, the as-of dates typed in [`Workspace::as_of`] unless `opts` carries them.
pub fn compare_workspace(ws: &Workspace, opts: &CompareOptions) -> Result<PipelineChange, ChangeUnavailable> {
    let later = ws.deals.as_ref().ok_or(ChangeUnavailable::NoDeals)?;
    let earlier = ws.earlier.as_ref().ok_or(ChangeUnavailable::NoEarlier)?;
    let opts = CompareOptions {
        as_of_earlier: opts.as_of_earlier.or(ws.as_of.earlier),
        as_of_later: opts.as_of_later.or(ws.as_of.later),
        ..opts.clone()
    };
    Ok(compare(earlier, later, &opts)?)
}

/// One bar of the waterfall as the page shows it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BarRow {
    /// Which bar (`data-flow`).
    pub flow: Flow,
    /// Its label.
    pub label: &'static str,
    /// Its amount (`data-value`), ≥ 0; [`Flow::sign`] says which way it goes.
    pub value: f64,
    /// Its deals (`data-count`).
    pub count: usize,
}

/// One deal of a drill-down or of the slipped-deals table: then (earlier export) → now.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DealRow {
    /// The deal id.
    pub deal_id: String,
    /// Its owner.
    pub owner: Option<String>,
    /// Stage at the earlier export.
    pub stage_then: Option<String>,
    /// Stage now.
    pub stage_now: Option<String>,
    /// Amount at the earlier export.
    pub amount_then: Option<f64>,
    /// Amount now.
    pub amount_now: Option<f64>,
    /// Close date at the earlier export.
    pub close_then: Option<Day>,
    /// Close date now.
    pub close_now: Option<Day>,
    /// Its main bucket, if any.
    pub flow: Option<Flow>,
    /// Days its expected close moved later.
    pub slipped_days: Option<i32>,
    /// `forward`, `back` or none.
    pub stage_move: Option<&'static str>,
    /// New, yet created before the earlier export's date.
    pub missing_from_earlier: bool,
}

impl From<&DealChange> for DealRow {
    fn from(d: &DealChange) -> DealRow {
        DealRow {
            deal_id: d.deal_id.clone(),
            owner: d.owner.clone(),
            stage_then: d.stage_earlier.clone(),
            stage_now: d.stage_later.clone(),
            amount_then: d.amount_earlier,
            amount_now: d.amount_later,
            close_then: d.close_earlier,
            close_now: d.close_later,
            flow: d.flow,
            slipped_days: d.slipped_days,
            stage_move: d.stage_move.map(|m| match m {
                StageMove::Forward => "forward",
                StageMove::Back => "back",
            }),
            missing_from_earlier: d.missing_from_earlier,
        }
    }
}

/// The comparison in plain numbers: what the page's hooks carry and the CLI prints.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ChangeSummary {
    /// The earlier export's as-of date.
    pub as_of_earlier: Day,
    /// The later export's as-of date.
    pub as_of_later: Day,
    /// The close-date window, `[from, to]`, if one was chosen.
    pub window: Option<[Day; 2]>,
    /// `pipeline_change`: end − start.
    pub pipeline_change: f64,
    /// The nine bars, in drawing order.
    pub bars: Vec<BarRow>,
    /// Deals in scope at both whose amount did not change.
    pub unchanged: usize,
    /// `slipped_deals`.
    pub slipped: usize,
    /// The mean days slipped.
    pub mean_days_slipped: Option<f64>,
    /// Deals whose stage moved forward.
    pub stage_forward: usize,
    /// Deals whose stage moved back.
    pub stage_back: usize,
    /// New deals created before the earlier export's date.
    pub missing_from_earlier: usize,
    /// The slipped deals, most days first.
    pub slipped_deals: Vec<DealRow>,
}

impl ChangeSummary {
    /// The summary of a comparison.
    pub fn of(c: &PipelineChange) -> ChangeSummary {
        ChangeSummary {
            as_of_earlier: c.as_of_earlier,
            as_of_later: c.as_of_later,
            window: c.window.map(|w| [w.from, w.to]),
            pipeline_change: c.value(),
            bars: c
                .totals
                .iter()
                .map(|t| BarRow { flow: t.flow, label: t.flow.label(), value: t.amount(), count: t.count })
                .collect(),
            unchanged: c.unchanged,
            slipped: c.slipped,
            mean_days_slipped: c.mean_days_slipped,
            stage_forward: c.stage_forward,
            stage_back: c.stage_back,
            missing_from_earlier: c.missing_from_earlier,
            slipped_deals: c.slipped_deals().into_iter().map(DealRow::from).collect(),
        }
    }

    /// The bar of `flow`.
    pub fn bar(&self, flow: Flow) -> Option<&BarRow> {
        self.bars.iter().find(|b| b.flow == flow)
    }

    /// The waterfall as CSV: `bar, amount, deals`, outflows negative so the column adds up to
    /// the end bar from the start bar.
    pub fn bars_csv(&self) -> String {
        let header = ["bar", "amount", "deals"].map(str::to_owned).to_vec();
        let rows = self.bars.iter().map(|b| {
            let signed = if b.flow.sign() < 0 && b.value != 0.0 { -b.value } else { b.value };
            vec![b.flow.id().to_owned(), number_cell(Some(signed)), b.count.to_string()]
        });
        rows_csv(header, rows)
    }
}

/// Deals of a drill-down or the slipped-deals table as CSV, then and now side by side.
pub fn deals_csv(rows: &[DealRow]) -> String {
    let header = [
        "deal_id",
        "owner",
        "bar",
        "stage_then",
        "stage_now",
        "amount_then",
        "amount_now",
        "close_then",
        "close_now",
        "days_slipped",
    ]
    .map(str::to_owned)
    .to_vec();
    let day = |d: Option<Day>| d.map(|d| d.to_string()).unwrap_or_default();
    let rows = rows.iter().map(|r| {
        vec![
            r.deal_id.clone(),
            r.owner.clone().unwrap_or_default(),
            r.flow.map(|f| f.id().to_owned()).unwrap_or_default(),
            r.stage_then.clone().unwrap_or_default(),
            r.stage_now.clone().unwrap_or_default(),
            number_cell(r.amount_then),
            number_cell(r.amount_now),
            day(r.close_then),
            day(r.close_now),
            r.slipped_days.map(|d| d.to_string()).unwrap_or_default(),
        ]
    });
    rows_csv(header, rows)
}

/// The deals behind one bar, as drill-down rows.
pub fn drill_down(c: &PipelineChange, flow: Flow) -> Vec<DealRow> {
    c.deals_in(flow).map(DealRow::from).collect()
}

/// Time in one stage (a row with `data-stage`, `data-median-days`, `data-p90-days`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StageRow {
    /// The stage.
    pub stage: String,
    /// Ended spells counted.
    pub spells: usize,
    /// Median days.
    pub median_days: Option<f64>,
    /// 90th percentile of days.
    pub p90_days: Option<f64>,
}

/// The stage-to-stage matrix.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ConversionMatrix {
    /// Row and column stages.
    pub stages: Vec<String>,
    /// `counts[from][to]`.
    pub counts: Vec<Vec<usize>>,
    /// Moves into an earlier open stage.
    pub backward: usize,
    /// Every move.
    pub total: usize,
}

/// A stalled deal.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StalledRow {
    /// The deal id.
    pub deal_id: String,
    /// Its stage.
    pub stage: String,
    /// Days in it so far.
    pub days: i32,
    /// The stage's 90th percentile.
    pub p90_days: f64,
}

/// The stage-history KPIs: time in stage, conversion matrix, pushes and stalled deals.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct HistorySummary {
    /// The day stalled deals are judged on.
    pub as_of: Day,
    /// `time_in_stage` per stage.
    pub time_in_stage: Vec<StageRow>,
    /// Its headline: the sum of the open stages' medians.
    pub time_in_stage_days: Option<f64>,
    /// `stage_conversion`.
    pub conversion: ConversionMatrix,
    /// Close dates moved later, all deals together.
    pub pushes: usize,
    /// Deals pushed at least once.
    pub pushed_deals: usize,
    /// Whether the history has close dates (else no push can be seen).
    pub has_close_dates: bool,
    /// `stalled_deals`: the count.
    pub stalled: usize,
    /// The stalled deals, longest over first.
    pub stalled_deals: Vec<StalledRow>,
    /// History rows left out (no deal id, stage or date).
    pub skipped_rows: usize,
}

impl HistorySummary {
    /// The history KPIs over the deals `keep` selects (see [`StageHistory::deal_mask`]), every
    /// spell counted, stalled deals judged on `as_of`.
    pub fn of(h: &StageHistory, keep: &Mask, as_of: Day) -> HistorySummary {
        let t = time_in_stage(h, keep, None);
        let m = stage_conversion(h, keep, None);
        let p = pushes(h, keep, None);
        let s = stalled_deals(h, keep, as_of);
        HistorySummary {
            as_of,
            time_in_stage: t
                .stages
                .into_iter()
                .map(|s| StageRow {
                    stage: s.stage,
                    spells: s.spells,
                    median_days: s.median_days,
                    p90_days: s.p90_days,
                })
                .collect(),
            time_in_stage_days: t.total_median_days,
            conversion: ConversionMatrix { stages: m.stages, counts: m.counts, backward: m.backward, total: m.total },
            pushes: p.pushes,
            pushed_deals: p.deals.len(),
            has_close_dates: p.has_close_dates,
            stalled: s.deals.len(),
            stalled_deals: s
                .deals
                .into_iter()
                .map(|d| StalledRow { deal_id: d.deal_id, stage: d.stage, days: d.days, p90_days: d.p90_days })
                .collect(),
            skipped_rows: h.skipped,
        }
    }

    /// The history KPIs of a workspace's history under `filters` (segment filters follow the
    /// deals: a history deal is kept when its deal is), stalled deals judged on the current
    /// export's as-of date (typed, else the latest day of the data); `None` with no history.
    pub fn of_workspace(ws: &Workspace, filters: &crate::filters::Filters) -> Option<HistorySummary> {
        let h = ws.history.as_ref()?;
        let as_of = ws
            .as_of
            .later
            .or_else(|| ws.deals.as_ref().and_then(super::snapshot_as_of))
            .or_else(|| ws.latest_day())
            .or_else(|| h.events.iter().map(|e| e.changed_at).max())?;
        let keep = match ws.deals.as_ref() {
            Some(d) => h.deal_mask(d, &Selection::new(ws, filters).deals),
            None => None,
        };
        Some(HistorySummary::of(h, &keep, as_of))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::change::fixture::{day, two_exports};
    use crate::history::HistoryBuilder;

    fn ws() -> Workspace {
        two_exports()
    }

    #[test]
    fn the_summary_carries_every_bar_and_the_slipped_deals() {
        let ws = ws();
        let c = compare_workspace(&ws, &CompareOptions::default()).unwrap();
        let s = ChangeSummary::of(&c);
        let ids: Vec<&str> = s.bars.iter().map(|b| b.flow.id()).collect();
        assert_eq!(ids, Flow::ALL.map(Flow::id));
        let bar = |f: Flow| s.bar(f).map(|b| (b.value, b.count));
        let cases = [
            (Flow::Start, (220.0, 3)),
            (Flow::New, (30.0, 1)),
            (Flow::Increased, (10.0, 1)),
            (Flow::Won, (100.0, 1)),
            (Flow::Lost, (70.0, 1)),
            (Flow::End, (90.0, 2)),
        ];
        for (f, want) in cases {
            assert_eq!(bar(f), Some(want), "{f:?}");
        }
        assert_eq!(s.pipeline_change, -130.0);
        assert_eq!((s.slipped, s.stage_forward, s.stage_back), (1, 1, 0));
        assert_eq!(s.slipped_deals[0].deal_id, "D2");
        assert_eq!(s.slipped_deals[0].slipped_days, Some(60));
        assert_eq!(s.slipped_deals[0].stage_move, Some("forward"));
        let won = drill_down(&c, Flow::Won);
        assert_eq!((won.len(), won[0].stage_now.as_deref(), won[0].owner.as_deref()), (1, Some("Won"), Some("Ann")));
        let json = serde_json::to_value(&s).unwrap();
        assert_eq!(json["bars"][2]["flow"], "pulled_in");
        // The CSV's amounts add up from start to end; outflows are negative.
        let csv = s.bars_csv();
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines[0], "bar,amount,deals");
        assert_eq!(lines[7], "won,-100,1");
        assert_eq!(lines[6], "pushed_out,0,0", "no minus zero");
        let amounts: Vec<f64> = lines[1..9].iter().map(|l| l.split(',').nth(1).unwrap().parse().unwrap()).collect();
        assert_eq!(amounts.iter().sum::<f64>(), 90.0);
        let slipped = deals_csv(&s.slipped_deals);
        assert_eq!(
            slipped.lines().nth(1),
            Some("D2,Bo,increased,Qualification,Proposal,50,60,2024-02-20,2024-04-20,60")
        );
    }

    #[test]
    fn typed_dates_and_missing_exports_are_honoured() {
        let mut ws = ws();
        ws.as_of.earlier = Some(day("2024-02-01"));
        let c = compare_workspace(&ws, &CompareOptions::default()).unwrap();
        assert_eq!(c.as_of_earlier, day("2024-02-01"));
        ws.as_of.later = Some(day("2024-01-01"));
        assert!(matches!(
            compare_workspace(&ws, &CompareOptions::default()),
            Err(ChangeUnavailable::Change(ChangeError::NotEarlier { .. }))
        ));
        ws.earlier = None;
        assert_eq!(compare_workspace(&ws, &CompareOptions::default()), Err(ChangeUnavailable::NoEarlier));
        assert_eq!(
            compare_workspace(&Workspace::default(), &CompareOptions::default()),
            Err(ChangeUnavailable::NoDeals)
        );
    }

    #[test]
    fn windows_are_quarters_of_the_later_export() {
        let as_of = day("2024-05-15");
        let cases = [
            (WindowChoice::All, None),
            (WindowChoice::ThisQuarter, Some(("2024-04-01", "2024-06-30"))),
            (WindowChoice::NextQuarter, Some(("2024-07-01", "2024-09-30"))),
            (
                WindowChoice::Custom(Period::new(day("2024-01-01"), day("2024-01-31")).unwrap()),
                Some(("2024-01-01", "2024-01-31")),
            ),
        ];
        for (choice, want) in cases {
            let want = want.and_then(|(f, t)| Period::new(day(f), day(t)));
            assert_eq!(choice.resolve(as_of), want, "{choice:?}");
        }
        assert_eq!(WindowChoice::NextQuarter.resolve(day("2024-12-31")).map(|p| p.from), Some(day("2025-01-01")));
    }

    #[test]
    fn the_history_summary_follows_the_deals_filters() {
        let mut ws = ws();
        let mut b = HistoryBuilder::default();
        for (id, stage, at) in [
            ("D1", "Qualification", "2024-01-02"),
            ("D1", "Proposal", "2024-01-12"),
            ("D1", "Won", "2024-03-01"),
            ("D2", "Qualification", "2024-01-03"),
            ("D2", "Proposal", "2024-01-23"),
        ] {
            b.push(id, Some(stage), Some(day(at)), None, None);
        }
        ws.history = Some(b.finish());
        let all = HistorySummary::of_workspace(&ws, &crate::filters::Filters::none()).unwrap();
        let q = all.time_in_stage.iter().find(|r| r.stage == "Qualification").unwrap();
        assert_eq!((q.spells, q.median_days), (2, Some(15.0)));
        assert_eq!(all.conversion.total, 3);
        let ann = crate::filters::Filters::none().with(crate::Dim::Owner, "Ann");
        let only_ann = HistorySummary::of_workspace(&ws, &ann).unwrap();
        let q = only_ann.time_in_stage.iter().find(|r| r.stage == "Qualification").unwrap();
        assert_eq!((q.spells, q.median_days), (1, Some(10.0)));
        ws.history = None;
        assert_eq!(HistorySummary::of_workspace(&ws, &crate::filters::Filters::none()), None);
    }
}
