//! KPIs over the stage history (KPI_SPEC_PIPELINE_CHANGE.md): `time_in_stage`,
//! `stage_conversion` and `stalled_deals`.
//!
//! The history is the loaded history table, or the one the deals' `entered_<stage>` dates give
//! ([`crate::Workspace::history`] holds either). Segment filters reach it through the deals: a
//! history deal is kept when its deal passes them ([`crate::history::StageHistory::deal_mask`]).
//! The period selects the spells that ended in it (time in stage), the moves dated in it
//! (conversion), and its last day is the day stalled deals are judged on.

use super::result::{num, Cell, KpiResult, KpiTable, Undefined};
use super::{Ctx, Direction, Explanation, Gap, Group, KpiDef, KpiId, Note, Unit};
use crate::filter::Mask;
use crate::history::{stage_conversion as conversion, stalled_deals as stalled, time_in_stage as times, StageHistory};
use crate::ingest::DatasetKind;
use crate::sql::change_kpis as sql;
use crate::stage::Status;

/// The stage history the KPIs read, if any.
pub(super) fn history_of<'a>(ctx: &Ctx<'a>) -> Option<&'a StageHistory> {
    ctx.ws.history.as_ref()
}

/// Which history deals the scope's filters keep (through the deals; all without deals).
pub(super) fn kept_deals(ctx: &Ctx, h: &StageHistory) -> Mask {
    match ctx.ws.deals.as_ref() {
        Some(d) => h.deal_mask(d, &ctx.sel.deals),
        None => None,
    }
}

/// Notes the filters a history cannot apply because no deals are loaded to carry them.
pub(super) fn history_notes(ctx: &Ctx, mut r: KpiResult) -> KpiResult {
    if ctx.ws.deals.is_none() {
        for (dim, _) in ctx.scope.filters.active() {
            r.notes.push(Note::Unfiltered { dataset: DatasetKind::History, dim });
        }
    }
    r
}

fn needs_history() -> KpiResult {
    KpiResult::undefined(Undefined::NeedsData {
        dataset: "history or deals.entered_<stage>",
        fields: "deal_id, stage, changed_at",
    })
}

/// The registry entry of `time_in_stage`.
pub(super) const TIME_IN_STAGE: KpiDef = KpiDef {
    id: KpiId::TimeInStage,
    name: "Time in stage",
    unit: Unit::Days,
    direction: Direction::Down,
    group: Group::Deals,
    needs: "history or deals.entered_<stage>",
    datasets: &[DatasetKind::Deals, DatasetKind::History],
    compute: time_in_stage,
    sql: sql::time_in_stage,
    explanation: Explanation {
        what: "How long deals stay in each stage before they move on: the median and 90th percentile per stage; the headline adds up the medians of the open stages.",
        formula: "A spell runs from a deal's first change into a stage to its next change into another stage (consecutive rows of one stage are one spell). Over the spells that ended in the period: per stage, median and 90th percentile of their days (linear interpolation, as Excel's PERCENTILE.INC). A deal's last spell has not ended and is not counted. Headline = Σ of the medians of the open stages. Undefined when no spell of an open stage ended in the period.",
        why: "The total cycle time says deals are slow; time in stage says where. A stage whose median grows is where deals wait for the next step, and that is where a manager's help or a better process shortens the cycle.",
        watch: "The entered_<stage> columns keep only the last entry into each stage, so a deal that went back and forth shows its last pass. Stages few deals pass through give unstable medians; read the spell count beside them. Deals still sitting in a stage are not in its figures until they leave it.",
    },
};

/// `time_in_stage`: per stage, median and 90th percentile of the days of the spells that ended
/// in the period; the headline is the sum of the open stages' medians.
pub fn time_in_stage(ctx: &Ctx) -> KpiResult {
    let Some(h) = history_of(ctx) else { return needs_history() };
    let keep = kept_deals(ctx, h);
    let p = ctx.period();
    let t = times(h, &keep, Some(p));
    let mut r = KpiResult::from_option(t.total_median_days, || Undefined::NoRows(Gap::NoEndedSpells(p)));
    let mut table = KpiTable::new(
        "Stage",
        &[
            ("spells", "Spells", Some(Unit::Count)),
            ("median_days", "Median", Some(Unit::Days)),
            ("p90_days", "90th percentile", Some(Unit::Days)),
        ],
    );
    for s in t.stages {
        if let Some(m) = s.median_days.filter(|_| s.status == Status::Open) {
            r = r.row("stage", s.stage.clone(), m);
        }
        table.push(s.stage, vec![num(Some(s.spells as f64)), num(s.median_days), num(s.p90_days)]);
    }
    history_notes(ctx, r.with_table(table))
}

/// The registry entry of `stage_conversion`.
pub(super) const STAGE_CONVERSION: KpiDef = KpiDef {
    id: KpiId::StageConversion,
    name: "Stage-to-stage moves",
    unit: Unit::Count,
    direction: Direction::Neutral,
    group: Group::Deals,
    needs: "history or deals.entered_<stage>",
    datasets: &[DatasetKind::Deals, DatasetKind::History],
    compute: stage_conversion,
    sql: sql::stage_conversion,
    explanation: Explanation {
        what: "Where deals went from each stage: a from-stage × to-stage table of the moves in the period, backward moves included; the headline is how many moves there were.",
        formula: "A move is the end of a spell in one stage and the start of the next spell of the same deal in another stage, dated on the day of the change. Over the moves dated in the period: count per (from stage, to stage), and each count's share of the moves out of its from stage. A move into an earlier open stage is backward (counted beside). Headline = number of moves in the period.",
        why: "The funnel shows how many deals reach each stage; the moves show the paths they take: which stage loses deals straight to lost, where deals skip a step, and how many fall back to an earlier stage, a sign that qualification was too quick.",
        watch: "The entered_<stage> columns keep only the last entry into each stage, so backward moves are undercounted without a full history table. A stage renamed in the CRM splits into two rows. Few moves give shaky shares.",
    },
};

/// `stage_conversion`: the moves dated in the period, from stage × to stage, as a table of
/// transitions; the headline is their number.
pub fn stage_conversion(ctx: &Ctx) -> KpiResult {
    let Some(h) = history_of(ctx) else { return needs_history() };
    let keep = kept_deals(ctx, h);
    let m = conversion(h, &keep, Some(ctx.period()));
    let mut table = KpiTable::new(
        "Move",
        &[
            ("from", "From", None),
            ("to", "To", None),
            ("moves", "Moves", Some(Unit::Count)),
            ("share", "Share of moves out", Some(Unit::Percent)),
        ],
    );
    for (from, row) in m.stages.iter().zip(&m.counts) {
        let out: usize = row.iter().sum();
        for (to, &n) in m.stages.iter().zip(row) {
            if n == 0 {
                continue;
            }
            let share = (out > 0).then(|| n as f64 / out as f64);
            table.push(
                format!("{from} → {to}"),
                vec![Cell::Text(from.clone()), Cell::Text(to.clone()), num(Some(n as f64)), num(share)],
            );
        }
    }
    let r = KpiResult::value(m.total as f64)
        .companion_in("backward moves", Some(Unit::Count), Some(m.backward as f64))
        .with_table(table);
    history_notes(ctx, r)
}

/// The registry entry of `stalled_deals`.
pub(super) const STALLED_DEALS: KpiDef = KpiDef {
    id: KpiId::StalledDeals,
    name: "Stalled deals",
    unit: Unit::Count,
    direction: Direction::Down,
    group: Group::Deals,
    needs: "history or deals.entered_<stage>",
    datasets: &[DatasetKind::Deals, DatasetKind::History],
    compute: stalled_deals,
    sql: sql::stalled_deals,
    explanation: Explanation {
        what: "Open deals that have been in their current stage longer than most deals stay there.",
        formula: "On the period's last day: the deals whose last change by then put them in an open stage, and whose days in it so far exceed the 90th percentile of that stage's ended spells (spells ended by that day, same deals). Deals in a stage no deal has left yet cannot be judged and are not counted; undefined when no open deal can be judged.",
        why: "A deal sitting in a stage far longer than usual rarely closes as planned. Listing them gives a manager the short list for the next pipeline review: revive them with a clear next step, or close them as lost so the forecast stays honest.",
        watch: "The threshold is relative: if every deal in a stage is slow, few count as stalled. A stage with only a handful of ended spells gives a shaky 90th percentile. Deals updated without a stage change (a new amount) are still in the same spell.",
    },
};

/// `stalled_deals`: open deals on the period's last day whose current spell is longer than the
/// 90th percentile of their stage's ended spells.
pub fn stalled_deals(ctx: &Ctx) -> KpiResult {
    let Some(h) = history_of(ctx) else { return needs_history() };
    let keep = kept_deals(ctx, h);
    let as_of = ctx.scope.as_of();
    let s = stalled(h, &keep, as_of);
    if s.judged == 0 && s.unjudged > 0 {
        return history_notes(ctx, KpiResult::undefined(Undefined::NoRows(Gap::NoStallBaseline(as_of))));
    }
    let mut table = KpiTable::new(
        "Deal",
        &[
            ("stage", "Stage", None),
            ("days", "Days in stage", Some(Unit::Days)),
            ("p90_days", "90th percentile", Some(Unit::Days)),
        ],
    );
    for d in &s.deals {
        table.push(
            d.deal_id.clone(),
            vec![Cell::Text(d.stage.clone()), num(Some(f64::from(d.days))), num(Some(d.p90_days))],
        );
    }
    let r = KpiResult::value(s.deals.len() as f64)
        .companion_in("deals judged", Some(Unit::Count), Some(s.judged as f64))
        .with_table(table);
    history_notes(ctx, r)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::change::fixture::{day, deals, Row};
    use crate::history::HistoryBuilder;
    use crate::kpi::compute;
    use crate::{Period, Scope, Workspace};

    fn ws() -> Workspace {
        let rows: Vec<Row> = vec![
            ("A", "Won", Some(1.0), Some("2024-01-01"), Some("2024-01-16"), Some("Ann")),
            ("B", "Lost", Some(1.0), Some("2024-01-01"), Some("2024-01-21"), Some("Bo")),
            ("C", "Proposal", Some(1.0), Some("2024-01-01"), None, Some("Bo")),
            ("D", "Proposal", Some(1.0), Some("2024-01-01"), None, Some("Ann")),
        ];
        let mut ws = Workspace::with_deals(deals(&rows, &["Prospecting", "Proposal"]));
        let mut b = HistoryBuilder::default();
        for (id, stage, at) in [
            ("A", "Prospecting", "2024-01-01"),
            ("A", "Proposal", "2024-01-11"),
            ("A", "Won", "2024-01-16"),
            ("B", "Prospecting", "2024-01-01"),
            ("B", "Proposal", "2024-01-05"),
            ("B", "Prospecting", "2024-01-07"),
            ("B", "Lost", "2024-01-21"),
            ("C", "Prospecting", "2024-01-02"),
            ("C", "Proposal", "2024-01-04"),
            ("D", "Proposal", "2024-02-20"),
        ] {
            b.push(id, Some(stage), Some(day(at)), None, None);
        }
        ws.history = Some(b.finish());
        ws
    }

    fn scope(from: &str, to: &str) -> Scope {
        Scope::new(Period::new(day(from), day(to)).unwrap())
    }

    #[test]
    fn time_in_stage_counts_the_spells_ended_in_the_period() {
        let ws = ws();
        let jan = scope("2024-01-01", "2024-01-31");
        let r = compute(KpiId::TimeInStage.def(), &ws, &jan);
        // Prospecting spells: A 10, B 4, B 14, C 2 → median 7; Proposal: A 5, B 2 → 3.5.
        assert_eq!(r.value, Ok(10.5));
        let t = r.table.unwrap();
        assert_eq!(t.rows[0].label, "Prospecting");
        assert_eq!((t.number(0, "spells"), t.number(0, "median_days")), (Some(4.0), Some(7.0)));
        assert_eq!(t.number(1, "median_days"), Some(3.5));
        let feb = compute(KpiId::TimeInStage.def(), &ws, &scope("2024-02-01", "2024-02-29"));
        assert!(matches!(feb.value, Err(Undefined::NoRows(Gap::NoEndedSpells(_)))), "{feb:?}");
        let ann = Scope { filters: crate::filters::Filters::none().with(crate::Dim::Owner, "Ann"), ..jan };
        assert_eq!(compute(KpiId::TimeInStage.def(), &ws, &ann).value, Ok(15.0));
    }

    #[test]
    fn moves_of_the_period_with_the_backward_ones_beside() {
        let ws = ws();
        let r = compute(KpiId::StageConversion.def(), &ws, &scope("2024-01-01", "2024-01-31"));
        // A: P→Pr, Pr→Won; B: P→Pr, Pr→P (back), P→Lost; C: P→Pr.
        assert_eq!(r.value, Ok(6.0));
        assert_eq!(r.companions[0].value, 1.0);
        let t = r.table.unwrap();
        let first = &t.rows[0];
        assert_eq!(first.label, "Prospecting → Proposal");
        assert_eq!(t.number(0, "moves"), Some(3.0));
        assert_eq!(t.number(0, "share"), Some(0.75));
        let none = compute(KpiId::StageConversion.def(), &ws, &scope("2024-03-01", "2024-03-31"));
        assert_eq!(none.value, Ok(0.0), "no move is a real count");
    }

    #[test]
    fn stalled_deals_are_judged_on_the_last_day() {
        let ws = ws();
        // Proposal's ended spells: A 5, B 2 → p90 4.7. C sits in Proposal since 01-04, D since
        // 02-20: on 02-29, C (56 days) and D (9 days) are both past it.
        let r = compute(KpiId::StalledDeals.def(), &ws, &scope("2024-02-01", "2024-02-29"));
        assert_eq!(r.value, Ok(2.0));
        let t = r.table.unwrap();
        assert_eq!(t.rows[0].label, "C");
        // On 01-06 Prospecting's ended spells are B's 4 and C's 2 days (p90 3.8): A, there
        // since 01-01, is stalled; B and C sit in Proposal, which nobody has left yet.
        let early = compute(KpiId::StalledDeals.def(), &ws, &scope("2024-01-01", "2024-01-06"));
        assert_eq!(early.value, Ok(1.0));
        assert_eq!(early.companions[0].value, 1.0, "only A can be judged");
        // On 01-03 C is in Prospecting and nobody has left it yet: no baseline.
        let r = compute(KpiId::StalledDeals.def(), &ws, &scope("2024-01-01", "2024-01-03"));
        assert!(matches!(r.value, Err(Undefined::NoRows(Gap::NoStallBaseline(_)))), "{r:?}");
    }

    #[test]
    fn without_a_history_the_kpis_say_what_they_need() {
        let mut ws = ws();
        ws.history = None;
        for id in [KpiId::TimeInStage, KpiId::StageConversion, KpiId::StalledDeals] {
            let r = compute(id.def(), &ws, &scope("2024-01-01", "2024-01-31"));
            assert!(matches!(r.value, Err(Undefined::NeedsData { .. })), "{id}");
        }
    }
}
