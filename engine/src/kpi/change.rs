//! KPIs that compare two exports of the deals (KPI_SPEC_PIPELINE_CHANGE.md, "Snapshot
//! comparison"): `pipeline_change` and `slipped_deals`.
//!
//! The two exports fix both dates of the comparison, so the period only decides whether the
//! change belongs to it: a figure is defined when the later export's as-of date lies in the
//! period (so its trend has one point, in the bucket of that date). Segment filters apply as on
//! the Pipeline change page: a deal is judged by its segment in the later export (the earlier
//! one when it is gone). Without an earlier export `slipped_deals` reads the pushes of the stage
//! history instead, dated in the period.

use super::result::{num, KpiResult, KpiTable, Undefined};
use super::{Ctx, Direction, Explanation, Gap, Group, KpiDef, KpiId, Note, Unit};
use crate::change::{compare_workspace, ChangeError, ChangeUnavailable, CompareOptions, PipelineChange};
use crate::history::pushes;
use crate::ingest::DatasetKind;
use crate::sql::change_kpis as sql;

/// What `pipeline_change` needs when the earlier export is missing.
pub(super) fn needs_earlier() -> KpiResult {
    KpiResult::undefined(Undefined::NeedsData {
        dataset: "earlier_deals",
        fields: "deal_id, amount, stage, close_date",
    })
}

/// The comparison of the workspace's two exports under the scope's filters and currency, or the
/// result that says why there is none (also when the later export lies outside the period).
pub(super) fn comparison(ctx: &Ctx) -> Result<PipelineChange, KpiResult> {
    // The later export's date first: a trend asks once per bucket, and only one bucket holds it.
    let p = ctx.period();
    if ctx.ws.earlier.is_some() {
        let later = ctx.ws.as_of.later.or_else(|| ctx.ws.deals.as_ref().and_then(crate::change::snapshot_as_of));
        if let Some(as_of) = later.filter(|&d| !p.contains(d)) {
            return Err(KpiResult::undefined(Undefined::NoRows(Gap::SnapshotOutsidePeriod { as_of, period: p })));
        }
    }
    let currency =
        ctx.scope.currency.and_then(|code| ctx.ws.deals.as_ref()?.currency.as_ref()?.value(code).map(str::to_owned));
    let opts = CompareOptions { currency, filters: ctx.scope.filters.clone(), ..CompareOptions::default() };
    let c = compare_workspace(ctx.ws, &opts).map_err(|e| match e {
        ChangeUnavailable::NoDeals => super::deals::needs_deals(),
        ChangeUnavailable::NoEarlier => needs_earlier(),
        ChangeUnavailable::Change(ChangeError::NoStatus { .. }) => {
            KpiResult::undefined(Undefined::NeedsData { dataset: "deals or earlier_deals", fields: "stage or status" })
        }
        ChangeUnavailable::Change(ChangeError::NoAsOf { .. }) => {
            KpiResult::undefined(Undefined::NoRows(Gap::NoSnapshotDate))
        }
        ChangeUnavailable::Change(ChangeError::NotEarlier { earlier, later }) => {
            KpiResult::undefined(Undefined::NoRows(Gap::SnapshotsOutOfOrder { earlier, later }))
        }
    })?;
    if !p.contains(c.as_of_later) {
        return Err(KpiResult::undefined(Undefined::NoRows(Gap::SnapshotOutsidePeriod {
            as_of: c.as_of_later,
            period: p,
        })));
    }
    Ok(c)
}

/// The filters the two exports have no column for, as notes.
fn unapplied_notes(mut r: KpiResult, c: &PipelineChange) -> KpiResult {
    for &dim in &c.notes.unapplied_filters {
        r.notes.push(Note::Unfiltered { dataset: DatasetKind::EarlierDeals, dim });
    }
    r
}

/// The registry entry of `pipeline_change`.
pub(super) const PIPELINE_CHANGE: KpiDef = KpiDef {
    id: KpiId::PipelineChange,
    name: "Pipeline change",
    unit: Unit::Currency,
    direction: Direction::Up,
    group: Group::Deals,
    needs: "deals and earlier_deals",
    datasets: &[DatasetKind::Deals, DatasetKind::EarlierDeals],
    compute: pipeline_change,
    sql: sql::pipeline_change,
    explanation: Explanation {
        what: "How much the open pipeline grew or shrank between an earlier export of the deals and the current one, broken down into what moved it.",
        formula: "end − start, where start = Σ amount at the earlier export of the deals open there and end = Σ amount at the later export of the deals open there (summed in cents). Every deal open at either export falls in one bucket, tried in this order: won, lost (or gone from the later export), pushed out, new, pulled in; a deal open at both adds max(0, amount_b − amount_a) to increased and max(0, amount_a − amount_b) to decreased, so start + new + pulled_in + increased − decreased − pushed_out − won − lost = end. The exports' dates are read from their data (latest created or close date of a closed deal) unless typed. Defined when the later export's date lies in the period.",
        why: "The Monday question is not how big the pipeline is but what changed since last week and why. The buckets separate healthy movement (deals won, new deals coming in) from warning signs (deals pushed out, amounts cut, deals lost), so a manager knows which deals to talk about first.",
        watch: "Both files must be exports of the same deals with the same deal ids; a deal missing from the earlier export counts as new, and one missing from the later export counts as lost. Compare exports in one currency, and read the bars, not only the headline: a flat pipeline can hide large wins offset by large new deals.",
    },
};

/// `pipeline_change`: end − start of the open pipeline between the two exports; the bars of the
/// waterfall as its breakdown and table.
pub fn pipeline_change(ctx: &Ctx) -> KpiResult {
    let c = match comparison(ctx) {
        Ok(c) => c,
        Err(r) => return r,
    };
    let mut r = KpiResult::value(c.value());
    let mut table =
        KpiTable::new("Bar", &[("amount", "Amount", Some(Unit::Currency)), ("deals", "Deals", Some(Unit::Count))]);
    for t in &c.totals {
        let signed = if t.flow.sign() < 0 { -t.amount() } else { t.amount() };
        table.push(t.flow.label(), vec![num(Some(signed)), num(Some(t.count as f64))]);
        r = r.row("bar", t.flow.id(), signed);
    }
    unapplied_notes(r.with_table(table), &c)
}

/// The registry entry of `slipped_deals`.
pub(super) const SLIPPED_DEALS: KpiDef = KpiDef {
    id: KpiId::SlippedDeals,
    name: "Slipped deals",
    unit: Unit::Count,
    direction: Direction::Down,
    group: Group::Deals,
    needs: "deals and earlier_deals, or history.close_date",
    datasets: &[DatasetKind::Deals, DatasetKind::EarlierDeals, DatasetKind::History],
    compute: slipped_deals,
    sql: sql::slipped_deals,
    explanation: Explanation {
        what: "How many open deals had their expected close date moved later, and by how many days on average.",
        formula: "With two exports: count of the deals open at both (and in scope at either) whose close_date at the later export is after the one at the earlier export; mean days slipped beside it. Defined when the later export's date lies in the period. Without an earlier export, from the stage history: count of the deals with at least one change dated in the period whose close_date is later than the one before it (a row without a close_date keeps the last one); mean days slipped per such deal beside it.",
        why: "A deal whose close date keeps moving is a deal the buyer has not committed to. Slipped deals are the first thing to question in a forecast call: they inflate this quarter's forecast and quietly become next quarter's problem.",
        watch: "Moving a date earlier does not count, and a date moved twice counts once with two exports (the history counts the deal once too). Some CRMs reset close dates in bulk at quarter end, which makes every deal look slipped; read the days slipped beside the count.",
    },
};

/// `slipped_deals`: deals whose expected close moved later, between the two exports or, without
/// an earlier export, in the history's changes dated in the period.
pub fn slipped_deals(ctx: &Ctx) -> KpiResult {
    if ctx.ws.earlier.is_some() {
        let c = match comparison(ctx) {
            Ok(c) => c,
            Err(r) => return r,
        };
        let r =
            KpiResult::value(c.slipped as f64).companion_in("mean days slipped", Some(Unit::Days), c.mean_days_slipped);
        return unapplied_notes(r, &c);
    }
    let Some(h) = super::history::history_of(ctx) else { return needs_slip_data() };
    if !h.events.iter().any(|e| e.close.is_some()) {
        return needs_slip_data();
    }
    let keep = super::history::kept_deals(ctx, h);
    let p = pushes(h, &keep, Some(ctx.period()));
    let days: i64 = p.deals.iter().map(|d| d.days).sum();
    let mean = (!p.deals.is_empty()).then(|| days as f64 / p.deals.len() as f64);
    super::history::history_notes(ctx, KpiResult::value(p.deals.len() as f64)).companion_in(
        "mean days slipped",
        Some(Unit::Days),
        mean,
    )
}

fn needs_slip_data() -> KpiResult {
    KpiResult::undefined(Undefined::NeedsData {
        dataset: "earlier_deals or history.close_date",
        fields: "deal_id, stage, close_date",
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::change::fixture::{day, two_exports};
    use crate::history::HistoryBuilder;
    use crate::kpi::compute;
    use crate::{Period, Scope, Workspace};

    fn ws() -> Workspace {
        two_exports()
    }

    fn scope(from: &str, to: &str) -> Scope {
        Scope::new(Period::new(day(from), day(to)).unwrap())
    }

    #[test]
    fn the_change_is_end_minus_start_when_the_later_export_is_in_the_period() {
        let ws = ws();
        // The later export's date is its latest event: D3 lost on 2024-03-02.
        let r = compute(KpiId::PipelineChange.def(), &ws, &scope("2024-03-01", "2024-03-31"));
        assert_eq!(r.value, Ok(-130.0));
        let t = r.table.unwrap();
        assert_eq!(t.rows.len(), 9);
        assert_eq!((t.rows[0].label.as_str(), t.number(0, "amount")), ("Start", Some(220.0)));
        assert_eq!((t.rows[6].label.as_str(), t.number(6, "amount")), ("Won", Some(-100.0)));
        let slipped = compute(KpiId::SlippedDeals.def(), &ws, &scope("2024-03-01", "2024-03-31"));
        assert_eq!(slipped.value, Ok(1.0));
        assert_eq!(slipped.companions[0].value, 60.0);
        // Another period: the change belongs to March.
        let feb = compute(KpiId::PipelineChange.def(), &ws, &scope("2024-02-01", "2024-02-29"));
        assert!(matches!(feb.value, Err(Undefined::NoRows(Gap::SnapshotOutsidePeriod { .. }))), "{feb:?}");
        // A filter judges each deal by its later segment.
        let ann = Scope {
            filters: crate::filters::Filters::none().with(crate::Dim::Owner, "Ann"),
            ..scope("2024-03-01", "2024-03-31")
        };
        assert_eq!(compute(KpiId::PipelineChange.def(), &ws, &ann).value, Ok(-70.0));
    }

    #[test]
    fn missing_exports_and_dates_are_named() {
        let mut ws = ws();
        let march = scope("2024-03-01", "2024-03-31");
        ws.as_of.earlier = Some(day("2024-04-01"));
        let r = compute(KpiId::PipelineChange.def(), &ws, &march);
        assert!(matches!(r.value, Err(Undefined::NoRows(Gap::SnapshotsOutOfOrder { .. }))), "{r:?}");
        ws.earlier = None;
        let r = compute(KpiId::PipelineChange.def(), &ws, &march);
        assert!(matches!(r.value, Err(Undefined::NeedsData { dataset: "earlier_deals", .. })));
        let r = compute(KpiId::SlippedDeals.def(), &ws, &march);
        assert!(matches!(r.value, Err(Undefined::NeedsData { .. })), "no history either");
        assert!(compute(KpiId::PipelineChange.def(), &Workspace::default(), &march).value.is_err());
    }

    #[test]
    fn without_an_earlier_export_the_history_gives_the_slipped_deals_of_the_period() {
        let mut ws = ws();
        ws.earlier = None;
        let mut b = HistoryBuilder::default();
        for (id, at, close) in [
            ("D1", "2024-01-02", "2024-03-01"),
            ("D1", "2024-02-10", "2024-03-21"), // pushed 20 days in February
            ("D2", "2024-01-03", "2024-02-20"),
            ("D2", "2024-03-05", "2024-04-20"), // pushed 60 days in March
            ("D2", "2024-03-09", "2024-04-10"), // pulled in: not a slip
        ] {
            b.push(id, Some("Proposal"), Some(day(at)), None, Some(day(close)));
        }
        ws.history = Some(b.finish());
        let r = compute(KpiId::SlippedDeals.def(), &ws, &scope("2024-03-01", "2024-03-31"));
        assert_eq!((r.value, r.companions[0].value), (Ok(1.0), 60.0));
        let q1 = compute(KpiId::SlippedDeals.def(), &ws, &scope("2024-01-01", "2024-03-31"));
        assert_eq!((q1.value, q1.companions[0].value), (Ok(2.0), 40.0));
        let bo = Scope {
            filters: crate::filters::Filters::none().with(crate::Dim::Owner, "Bo"),
            ..scope("2024-01-01", "2024-03-31")
        };
        assert_eq!(compute(KpiId::SlippedDeals.def(), &ws, &bo).value, Ok(1.0));
    }
}
