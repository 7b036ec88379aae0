//! The snapshot comparison of KPI_SPEC_PIPELINE_CHANGE.md: every deal in scope at the earlier
//! or the later export in exactly one main bucket, the waterfall totals, and the slipped
//! deals and stage moves counted beside.

use super::flow::Flow;
use super::money::{from_cents, to_cents, Cents};
use super::snapshot::{lacks_status, snapshot_as_of, IdIndex};
use crate::column::Amount;
use crate::day::Day;
use crate::deals_table::{DealsTable, Dim};
use crate::filter::Filters;
use crate::period::Period;
use crate::stage::Status;
use std::collections::HashMap;
use thiserror::Error;

/// What the user chose for a comparison.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CompareOptions {
    /// The close-date window W; `None` compares the whole open pipeline.
    pub window: Option<Period>,
    /// The currency whose amounts are compared (a value of the `currency` column, by name,
    /// since the two files code it apart); `None` counts every amount (one currency).
    pub currency: Option<String>,
    /// Segment filters. A deal is judged by its segment in the later export (the earlier one
    /// when it is gone), so a deal that changed owner moves with its owner as a whole.
    pub filters: Filters,
    /// The earlier export's as-of date, when typed; else [`snapshot_as_of`] of its data.
    pub as_of_earlier: Option<Day>,
    /// The later export's as-of date, when typed; else [`snapshot_as_of`] of its data.
    pub as_of_later: Option<Day>,
}

/// Why two exports cannot be compared, in words a user can act on.
#[derive(Debug, Error, Clone, PartialEq)]
pub enum ChangeError {
    /// No as-of date could be read from an export and none was typed.
    #[error("The {which} export has no created or close dates to tell its date; type the date it was exported.")]
    NoAsOf {
        /// `earlier` or `later`.
        which: &'static str,
    },
    /// The earlier export is not dated before the later one.
    #[error(
        "The earlier export ({earlier}) must be dated before the later one ({later}); swap them or type their dates."
    )]
    NotEarlier {
        /// As-of date of the earlier export.
        earlier: Day,
        /// As-of date of the later export.
        later: Day,
    },
    /// An export has neither a stage nor a status column, so nothing is known to be open.
    #[error("The {which} export has no stage or status column, so its open deals are unknown.")]
    NoStatus {
        /// `earlier` or `later`.
        which: &'static str,
    },
}

/// A stage move between the two exports, by the open-stage order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StageMove {
    /// To a later open stage.
    Forward,
    /// To an earlier open stage.
    Back,
}

/// One deal as the two exports show it: the rows of the drill-down.
#[derive(Clone, Debug, PartialEq)]
pub struct DealChange {
    /// The deal id.
    pub deal_id: String,
    /// Its owner (in the later export, else the earlier).
    pub owner: Option<String>,
    /// Stage at the earlier export (`None`: absent from it or no stage).
    pub stage_earlier: Option<String>,
    /// Stage at the later export.
    pub stage_later: Option<String>,
    /// Status at the earlier export (`None`: absent from it).
    pub status_earlier: Option<Status>,
    /// Status at the later export (`None`: absent from it).
    pub status_later: Option<Status>,
    /// Amount at the earlier export (`None`: absent, or no amount).
    pub amount_earlier: Option<f64>,
    /// Amount at the later export.
    pub amount_later: Option<f64>,
    /// Expected or actual close date at the earlier export.
    pub close_earlier: Option<Day>,
    /// Expected or actual close date at the later export.
    pub close_later: Option<Day>,
    /// In scope at the earlier export (part of `start`).
    pub in_scope_earlier: bool,
    /// In scope at the later export (part of `end`).
    pub in_scope_later: bool,
    /// Its main bucket; `None` for a deal in scope at both whose amount did not change.
    pub flow: Option<Flow>,
    /// What the deal adds to (inflow) or takes from (outflow) its bucket, in cents.
    pub flow_cents: Cents,
    /// New, yet created on or before the earlier export's date: missing from that export.
    pub missing_from_earlier: bool,
    /// Days its expected close moved later, when open at both and it did.
    pub slipped_days: Option<i32>,
    /// Its stage move, when open at both and the stage moved in the open-stage order.
    pub stage_move: Option<StageMove>,
}

/// One bar of the waterfall.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FlowTotal {
    /// Which bar.
    pub flow: Flow,
    /// Its amount in cents (always ≥ 0; [`Flow::sign`] says which way it goes).
    pub cents: i128,
    /// Deals in it.
    pub count: usize,
}

impl FlowTotal {
    /// The amount in currency units (the `data-value` of the bar).
    pub fn amount(&self) -> f64 {
        from_cents(self.cents)
    }
}

/// Rows the comparison could not use as they are, per export.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ChangeNotes {
    /// Deals in scope at the earlier export with no amount (counted, adding 0).
    pub no_amount_earlier: usize,
    /// Deals in scope at the later export with no amount (counted, adding 0).
    pub no_amount_later: usize,
    /// Open deals of the earlier export in another currency (left out of its scope).
    pub other_currency_earlier: usize,
    /// Open deals of the later export in another currency (left out of its scope).
    pub other_currency_later: usize,
    /// Rows of the earlier export repeating an id seen above them (left out).
    pub duplicate_ids_earlier: usize,
    /// Rows of the later export repeating an id seen above them (left out).
    pub duplicate_ids_later: usize,
    /// Rows with no deal id, both exports together (left out: they cannot be matched).
    pub no_id: usize,
    /// Open deals with no close date while a window is chosen (out of scope there), both exports.
    pub no_close_in_window: usize,
    /// Filters the exports have no column for, which are therefore not applied.
    pub unapplied_filters: Vec<Dim>,
}

/// The comparison of two exports: the `pipeline_change` KPI and its breakdown.
#[derive(Clone, Debug, PartialEq)]
pub struct PipelineChange {
    /// The earlier export's as-of date.
    pub as_of_earlier: Day,
    /// The later export's as-of date.
    pub as_of_later: Day,
    /// The close-date window, if one was chosen.
    pub window: Option<Period>,
    /// The nine bars, in [`Flow::ALL`] order.
    pub totals: [FlowTotal; 9],
    /// Every deal in scope at either export, in the later export's row order then the
    /// earlier's (for those gone from the later one).
    pub deals: Vec<DealChange>,
    /// Deals in scope at both whose amount did not change (in no bar).
    pub unchanged: usize,
    /// `slipped_deals`: deals open at both (in scope at either) whose expected close moved later.
    pub slipped: usize,
    /// The mean days slipped over those, `None` when none slipped.
    pub mean_days_slipped: Option<f64>,
    /// Deals open at both (in scope at either) whose stage moved later in the open-stage order.
    pub stage_forward: usize,
    /// Deals open at both (in scope at either) whose stage moved earlier.
    pub stage_back: usize,
    /// New deals created on or before the earlier export's date.
    pub missing_from_earlier: usize,
    /// Rows left out or counted with a caveat.
    pub notes: ChangeNotes,
}

impl PipelineChange {
    /// The bar of `flow`.
    pub fn total(&self, flow: Flow) -> FlowTotal {
        self.totals[flow.index()]
    }

    /// The `pipeline_change` headline: end − start, in currency units.
    pub fn value(&self) -> f64 {
        from_cents(self.totals[Flow::End.index()].cents - self.totals[Flow::Start.index()].cents)
    }

    /// start + new + pulled_in + increased − decreased − pushed_out − won − lost, in cents:
    /// equal to the end bar's cents by construction (the tests hold it to that).
    pub fn flows_to_end(&self) -> i128 {
        let c = |f: Flow| self.total(f).cents;
        c(Flow::Start) + c(Flow::New) + c(Flow::PulledIn) + c(Flow::Increased)
            - c(Flow::Decreased)
            - c(Flow::PushedOut)
            - c(Flow::Won)
            - c(Flow::Lost)
    }

    /// The deals behind a bar (for `Start` / `End`: the deals in scope at that export).
    pub fn deals_in(&self, flow: Flow) -> impl Iterator<Item = &DealChange> + '_ {
        self.deals.iter().filter(move |d| match flow {
            Flow::Start => d.in_scope_earlier,
            Flow::End => d.in_scope_later,
            f => d.flow == Some(f),
        })
    }

    /// The slipped deals, most days slipped first (ties by id).
    pub fn slipped_deals(&self) -> Vec<&DealChange> {
        let mut out: Vec<&DealChange> = self.deals.iter().filter(|d| d.slipped_days.is_some()).collect();
        crate::sort::sort_by(&mut out, |a, b| {
            b.slipped_days.cmp(&a.slipped_days).then_with(|| a.deal_id.cmp(&b.deal_id))
        });
        out
    }
}

/// Which amounts of one export count: all (one currency), those of one currency code, or none
/// (the chosen currency does not occur there).
#[derive(Clone, Copy)]
enum Pick {
    All,
    Code(u32),
    Nothing,
}

fn pick(d: &DealsTable, currency: Option<&str>) -> Pick {
    match (currency, &d.currency) {
        (Some(name), Some(col)) => col.code_of(name).map_or(Pick::Nothing, Pick::Code),
        _ => Pick::All,
    }
}

/// One deal in one export, as the comparison sees it.
#[derive(Clone, Copy)]
struct Side<'a> {
    d: &'a DealsTable,
    row: usize,
}

impl<'a> Side<'a> {
    fn status(self) -> Status {
        self.d.status.get(self.row).copied().unwrap_or(Status::Unknown)
    }

    fn amount(self, p: Pick) -> Amount {
        match p {
            Pick::All => self.d.amount_in(self.row, None),
            Pick::Code(c) => self.d.amount_in(self.row, Some(c)),
            Pick::Nothing => Amount::OtherCurrency,
        }
    }

    fn close(self) -> Option<Day> {
        self.d.close.get(self.row)
    }

    fn stage(self) -> Option<&'a str> {
        self.d.stage.get(self.row)
    }

    fn dim(self, dim: Dim) -> Option<&'a str> {
        self.d.dim(dim)?.get(self.row)
    }
}

/// Whether a side is in scope, and what it adds to a total; counts its caveats in `notes`.
struct Judged {
    in_scope: bool,
    cents: Cents,
}

fn judge(side: Option<Side>, p: Pick, window: Option<Period>, later: bool, notes: &mut ChangeNotes) -> Judged {
    let out = Judged { in_scope: false, cents: 0 };
    let Some(s) = side else { return out };
    if s.status() != Status::Open {
        return out;
    }
    let amount = s.amount(p);
    if amount == Amount::OtherCurrency {
        *if later { &mut notes.other_currency_later } else { &mut notes.other_currency_earlier } += 1;
        return out;
    }
    if let Some(w) = window {
        match s.close() {
            Some(c) if w.contains(c) => {}
            Some(_) => return out,
            None => {
                notes.no_close_in_window += 1;
                return out;
            }
        }
    }
    let cents = match amount {
        Amount::Value(a) => to_cents(a),
        _ => {
            *if later { &mut notes.no_amount_later } else { &mut notes.no_amount_earlier } += 1;
            0
        }
    };
    Judged { in_scope: true, cents }
}

/// The main bucket of a deal, and what it moves (cents ≥ 0), by the spec's precedence.
fn bucket(a: &Judged, b: &Judged, status_b: Option<Status>, present_a: bool) -> Option<(Flow, Cents)> {
    if a.in_scope {
        return Some(match status_b {
            Some(Status::Won) => (Flow::Won, a.cents),
            None | Some(Status::Lost) => (Flow::Lost, a.cents),
            _ if !b.in_scope => (Flow::PushedOut, a.cents),
            _ if b.cents > a.cents => (Flow::Increased, b.cents - a.cents),
            _ if b.cents < a.cents => (Flow::Decreased, a.cents - b.cents),
            _ => return None,
        });
    }
    match (b.in_scope, present_a) {
        (true, false) => Some((Flow::New, b.cents)),
        (true, true) => Some((Flow::PulledIn, b.cents)),
        (false, _) => None,
    }
}

/// The open stages of both exports in pipeline order, by name: the later export's order, and
/// the earlier's for a pair of stages the later one does not both know.
struct StageOrder<'a> {
    later: HashMap<&'a str, usize>,
    earlier: HashMap<&'a str, usize>,
}

impl<'a> StageOrder<'a> {
    fn new(a: &'a DealsTable, b: &'a DealsTable) -> StageOrder<'a> {
        let rank = |d: &'a DealsTable| d.open_stages().enumerate().map(|(i, (_, n))| (n, i)).collect();
        StageOrder { later: rank(b), earlier: rank(a) }
    }

    fn r#move(&self, from: &str, to: &str) -> Option<StageMove> {
        let both = |m: &HashMap<&str, usize>| Some((*m.get(from)?, *m.get(to)?));
        let (x, y) = both(&self.later).or_else(|| both(&self.earlier))?;
        match y.cmp(&x) {
            std::cmp::Ordering::Greater => Some(StageMove::Forward),
            std::cmp::Ordering::Less => Some(StageMove::Back),
            std::cmp::Ordering::Equal => None,
        }
    }
}

/// The segment test of the filters, per dimension: the dimensions both exports lack are
/// reported and not applied.
fn passes(side: Side, filters: &Filters) -> bool {
    filters.active().all(|(dim, values)| {
        if side.d.dim(dim).is_none() {
            return true;
        }
        side.dim(dim).is_some_and(|v| values.iter().any(|x| x == v))
    })
}

fn unapplied(a: &DealsTable, b: &DealsTable, filters: &Filters) -> Vec<Dim> {
    filters.active().map(|(d, _)| d).filter(|&d| a.dim(d).is_none() && b.dim(d).is_none()).collect()
}

/// Compares the earlier export `a` with the later export `b` (`pipeline_change`, spec
/// "Snapshot comparison"). Deals are matched by `deal_id` (the first row of an id; repeats
/// are counted in [`ChangeNotes`]). A deal is in scope at an export when it is open there, in
/// the chosen currency, and its close date is in the window when there is one; amounts are
/// summed in exact cents, so the bars add up to the cent.
pub fn compare(a: &DealsTable, b: &DealsTable, opts: &CompareOptions) -> Result<PipelineChange, ChangeError> {
    if lacks_status(a) {
        return Err(ChangeError::NoStatus { which: "earlier" });
    }
    if lacks_status(b) {
        return Err(ChangeError::NoStatus { which: "later" });
    }
    let as_of_earlier =
        opts.as_of_earlier.or_else(|| snapshot_as_of(a)).ok_or(ChangeError::NoAsOf { which: "earlier" })?;
    let as_of_later = opts.as_of_later.or_else(|| snapshot_as_of(b)).ok_or(ChangeError::NoAsOf { which: "later" })?;
    if as_of_earlier >= as_of_later {
        return Err(ChangeError::NotEarlier { earlier: as_of_earlier, later: as_of_later });
    }
    let (ia, ib) = (IdIndex::new(a), IdIndex::new(b));
    let (pa, pb) = (pick(a, opts.currency.as_deref()), pick(b, opts.currency.as_deref()));
    let order = StageOrder::new(a, b);
    let mut notes = ChangeNotes {
        duplicate_ids_earlier: ia.duplicates,
        duplicate_ids_later: ib.duplicates,
        no_id: ia.no_id + ib.no_id,
        unapplied_filters: unapplied(a, b, &opts.filters),
        ..ChangeNotes::default()
    };
    // The later export's deals in row order, then those only the earlier one has.
    let mut pairs: Vec<(Option<usize>, Option<usize>)> = Vec::with_capacity(ib.rows.len() + ia.rows.len() / 8);
    for row in 0..b.len() {
        let id = b.deal_id.get(row).trim();
        if ib.rows.get(id) == Some(&row) {
            pairs.push((ia.rows.get(id).copied(), Some(row)));
        }
    }
    for row in 0..a.len() {
        let id = a.deal_id.get(row).trim();
        if ia.rows.get(id) == Some(&row) && !ib.rows.contains_key(id) {
            pairs.push((Some(row), None));
        }
    }

    let mut totals = Flow::ALL.map(|flow| FlowTotal { flow, cents: 0, count: 0 });
    let flows = totals;
    let mut out = PipelineChange {
        as_of_earlier,
        as_of_later,
        window: opts.window,
        totals: flows,
        deals: Vec::new(),
        unchanged: 0,
        slipped: 0,
        mean_days_slipped: None,
        stage_forward: 0,
        stage_back: 0,
        missing_from_earlier: 0,
        notes: ChangeNotes::default(),
    };
    let mut slipped_days: i64 = 0;
    for (ra, rb) in pairs {
        let (sa, sb) = (ra.map(|row| Side { d: a, row }), rb.map(|row| Side { d: b, row }));
        let Some(latest) = sb.or(sa) else { continue };
        if !passes(latest, &opts.filters) {
            continue;
        }
        let ja = judge(sa, pa, opts.window, false, &mut notes);
        let jb = judge(sb, pb, opts.window, true, &mut notes);
        if !ja.in_scope && !jb.in_scope {
            continue;
        }
        let status_b = sb.map(Side::status);
        let flow = bucket(&ja, &jb, status_b, sa.is_some());
        if ja.in_scope {
            totals[Flow::Start.index()].cents += i128::from(ja.cents);
            totals[Flow::Start.index()].count += 1;
        }
        if jb.in_scope {
            totals[Flow::End.index()].cents += i128::from(jb.cents);
            totals[Flow::End.index()].count += 1;
        }
        match flow {
            Some((f, cents)) => {
                totals[f.index()].cents += i128::from(cents);
                totals[f.index()].count += 1;
            }
            None => out.unchanged += 1,
        }
        let open_both = sa.is_some_and(|s| s.status() == Status::Open) && status_b == Some(Status::Open);
        let slip = match (open_both, sa.and_then(Side::close), sb.and_then(Side::close)) {
            (true, Some(ca), Some(cb)) if cb > ca => Some(ca.days_until(cb)),
            _ => None,
        };
        let stage_move = match (open_both, sa.and_then(Side::stage), sb.and_then(Side::stage)) {
            (true, Some(x), Some(y)) => order.r#move(x, y),
            _ => None,
        };
        let created = latest.d.created.get(latest.row);
        let missing = sa.is_none() && created.is_some_and(|c| c <= as_of_earlier);
        if let Some(days) = slip {
            out.slipped += 1;
            slipped_days += i64::from(days);
        }
        match stage_move {
            Some(StageMove::Forward) => out.stage_forward += 1,
            Some(StageMove::Back) => out.stage_back += 1,
            None => {}
        }
        out.missing_from_earlier += usize::from(missing);
        let amount = |s: Option<Side>| s.and_then(|s| s.d.amount.get(s.row));
        out.deals.push(DealChange {
            deal_id: latest.d.deal_id.get(latest.row).trim().to_owned(),
            owner: sb.and_then(|s| s.dim(Dim::Owner)).or_else(|| sa.and_then(|s| s.dim(Dim::Owner))).map(str::to_owned),
            stage_earlier: sa.and_then(Side::stage).map(str::to_owned),
            stage_later: sb.and_then(Side::stage).map(str::to_owned),
            status_earlier: sa.map(Side::status),
            status_later: status_b,
            amount_earlier: amount(sa),
            amount_later: amount(sb),
            close_earlier: sa.and_then(Side::close),
            close_later: sb.and_then(Side::close),
            in_scope_earlier: ja.in_scope,
            in_scope_later: jb.in_scope,
            flow: flow.map(|f| f.0),
            flow_cents: flow.map_or(0, |f| f.1),
            missing_from_earlier: missing,
            slipped_days: slip,
            stage_move,
        });
    }
    out.mean_days_slipped = (out.slipped > 0).then(|| slipped_days as f64 / out.slipped as f64);
    out.totals = totals;
    out.notes = notes;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::change::fixture::{day, deals, Row};
    use crate::column::DictColumn;
    use proptest::prelude::*;

    const ORDER: [&str; 3] = ["Prospecting", "Proposal", "Negotiation"];

    fn opts(window: Option<(&str, &str)>) -> CompareOptions {
        CompareOptions {
            window: window.and_then(|(f, t)| Period::new(day(f), day(t))),
            as_of_earlier: Some(day("2024-03-01")),
            as_of_later: Some(day("2024-04-01")),
            ..CompareOptions::default()
        }
    }

    fn run(a: &[Row], b: &[Row], o: &CompareOptions) -> PipelineChange {
        compare(&deals(a, &ORDER), &deals(b, &ORDER), o).unwrap()
    }

    fn bar(c: &PipelineChange, f: Flow) -> (f64, usize) {
        (c.total(f).amount(), c.total(f).count)
    }

    fn flow_of(c: &PipelineChange, id: &str) -> Option<Flow> {
        c.deals.iter().find(|d| d.deal_id == id).and_then(|d| d.flow)
    }

    fn has(c: &PipelineChange, id: &str) -> bool {
        c.deals.iter().any(|d| d.deal_id == id)
    }

    #[test]
    fn every_bucket_of_the_whole_pipeline() {
        let c0 = Some("2024-01-10");
        let a: Vec<Row> = vec![
            ("won", "Proposal", Some(100.0), c0, None, Some("Ann")),
            ("lost", "Prospecting", Some(50.0), c0, None, Some("Ann")),
            ("gone", "Prospecting", Some(30.0), c0, None, Some("Bo")),
            ("up", "Proposal", Some(100.0), c0, None, Some("Bo")),
            ("down", "Negotiation", Some(200.0), c0, None, Some("Bo")),
            ("same", "Proposal", Some(40.0), c0, None, Some("Bo")),
            ("reopened", "Closed Lost", Some(60.0), c0, Some("2024-02-01"), Some("Bo")),
            ("closed", "Closed Won", Some(99.0), c0, Some("2024-02-01"), Some("Bo")),
            ("priced", "Prospecting", None, c0, None, Some("Bo")),
        ];
        let b: Vec<Row> = vec![
            ("new", "Prospecting", Some(70.0), Some("2024-03-15"), None, Some("Ann")),
            ("won", "Closed Won", Some(110.0), c0, Some("2024-03-20"), Some("Ann")),
            ("lost", "Closed Lost", Some(50.0), c0, Some("2024-03-21"), Some("Ann")),
            ("up", "Proposal", Some(150.0), c0, None, Some("Bo")),
            ("down", "Negotiation", Some(120.0), c0, None, Some("Bo")),
            ("same", "Proposal", Some(40.0), c0, None, Some("Bo")),
            ("reopened", "Prospecting", Some(60.0), c0, None, Some("Bo")),
            ("closed", "Closed Won", Some(99.0), c0, Some("2024-02-01"), Some("Bo")),
            ("priced", "Prospecting", Some(10.0), c0, None, Some("Bo")),
            ("missing", "Proposal", Some(20.0), Some("2024-02-01"), None, Some("Cy")),
        ];
        let c = run(&a, &b, &opts(None));
        let want = [
            (Flow::Start, 520.0, 7),
            (Flow::New, 90.0, 2),
            (Flow::PulledIn, 60.0, 1),
            (Flow::Increased, 60.0, 2),
            (Flow::Decreased, 80.0, 1),
            (Flow::PushedOut, 0.0, 0),
            (Flow::Won, 100.0, 1),
            (Flow::Lost, 80.0, 2),
            (Flow::End, 470.0, 7),
        ];
        for (f, amount, count) in want {
            assert_eq!(bar(&c, f), (amount, count), "{f:?}");
        }
        assert_eq!(c.flows_to_end(), c.total(Flow::End).cents);
        assert_eq!(c.value(), -50.0);
        assert_eq!(c.unchanged, 1);
        assert_eq!(flow_of(&c, "gone"), Some(Flow::Lost), "absent from the later export is lost");
        assert_eq!(flow_of(&c, "reopened"), Some(Flow::PulledIn), "present but out of scope before");
        assert!(!has(&c, "closed"), "closed at both: in no bucket");
        assert_eq!(c.missing_from_earlier, 1);
        let missing: Vec<&str> =
            c.deals.iter().filter(|d| d.missing_from_earlier).map(|d| d.deal_id.as_str()).collect();
        assert_eq!(missing, ["missing"]);
        assert_eq!(c.notes.no_amount_earlier, 1);
        let won = c.deals_in(Flow::Won).next().unwrap();
        assert_eq!((won.amount_earlier, won.amount_later), (Some(100.0), Some(110.0)));
        assert_eq!((won.stage_earlier.as_deref(), won.stage_later.as_deref()), (Some("Proposal"), Some("Closed Won")));
        assert_eq!(won.owner.as_deref(), Some("Ann"));
        assert_eq!(c.deals_in(Flow::Start).count(), 7);
    }

    #[test]
    fn a_window_decides_pushed_out_and_pulled_in_and_the_ties() {
        let c0 = Some("2024-01-10");
        let a: Vec<Row> = vec![
            ("pushed", "Proposal", Some(100.0), c0, Some("2024-05-10"), None),
            ("pushed_lost", "Proposal", Some(10.0), c0, Some("2024-05-10"), None),
            ("pushed_won", "Proposal", Some(20.0), c0, Some("2024-05-10"), None),
            ("pulled", "Proposal", Some(30.0), c0, Some("2024-08-01"), None),
            ("out_won", "Proposal", Some(40.0), c0, Some("2024-08-01"), None),
            ("no_close", "Proposal", Some(50.0), c0, None, None),
            ("forward", "Prospecting", Some(60.0), c0, Some("2024-04-15"), None),
            ("back", "Negotiation", Some(10.0), c0, Some("2024-04-15"), None),
        ];
        let b: Vec<Row> = vec![
            ("pushed", "Proposal", Some(100.0), c0, Some("2024-07-15"), None),
            ("pushed_lost", "Closed Lost", Some(10.0), c0, Some("2024-07-15"), None),
            ("pushed_won", "Closed Won", Some(20.0), c0, Some("2024-09-01"), None),
            ("pulled", "Proposal", Some(30.0), c0, Some("2024-06-01"), None),
            ("out_won", "Closed Won", Some(40.0), c0, Some("2024-06-01"), None),
            ("no_close", "Proposal", Some(50.0), c0, Some("2024-06-30"), None),
            ("forward", "Proposal", Some(60.0), c0, Some("2024-04-20"), None),
            ("back", "Prospecting", Some(5.0), c0, Some("2024-04-15"), None),
            ("new_out", "Proposal", Some(5.0), Some("2024-03-20"), Some("2024-12-01"), None),
        ];
        let c = run(&a, &b, &opts(Some(("2024-04-01", "2024-06-30"))));
        assert_eq!(flow_of(&c, "pushed"), Some(Flow::PushedOut));
        assert_eq!(flow_of(&c, "pushed_lost"), Some(Flow::Lost), "lost beats pushed out");
        assert_eq!(flow_of(&c, "pushed_won"), Some(Flow::Won), "won beats pushed out");
        assert_eq!(flow_of(&c, "pulled"), Some(Flow::PulledIn));
        assert!(!has(&c, "out_won"), "out of scope before and won since: in no bucket");
        assert!(!has(&c, "new_out"), "new but outside the window: in no bucket");
        assert_eq!(flow_of(&c, "no_close"), Some(Flow::PulledIn), "no close date is outside any window");
        assert_eq!(flow_of(&c, "forward"), None);
        assert_eq!(flow_of(&c, "back"), Some(Flow::Decreased));
        assert_eq!(c.notes.no_close_in_window, 1);
        assert_eq!(bar(&c, Flow::Start), (200.0, 5));
        assert_eq!(bar(&c, Flow::End), (145.0, 4));
        assert_eq!(c.flows_to_end(), c.total(Flow::End).cents);
        // Slipped: open at both, close moved later (pushed by 66 days, forward by 5).
        let slipped: Vec<(&str, Option<i32>)> =
            c.slipped_deals().iter().map(|d| (d.deal_id.as_str(), d.slipped_days)).collect();
        assert_eq!(slipped, [("pushed", Some(66)), ("forward", Some(5))]);
        assert_eq!((c.slipped, c.mean_days_slipped), (2, Some(35.5)));
        assert_eq!((c.stage_forward, c.stage_back), (1, 1));
    }

    #[test]
    fn other_currencies_stay_out_and_filters_follow_the_latest_owner() {
        let c0 = Some("2024-01-10");
        let a_rows: Vec<Row> = vec![
            ("eur", "Proposal", Some(10.0), c0, None, Some("Ann")),
            ("usd", "Proposal", Some(20.0), c0, None, Some("Ann")),
            ("moved", "Proposal", Some(30.0), c0, None, Some("Ann")),
            ("gone", "Proposal", Some(40.0), c0, None, Some("Ann")),
        ];
        let b_rows: Vec<Row> = vec![
            ("eur", "Proposal", Some(15.0), c0, None, Some("Ann")),
            ("usd", "Proposal", Some(25.0), c0, None, Some("Ann")),
            ("moved", "Proposal", Some(30.0), c0, None, Some("Bo")),
        ];
        let with_currency = |rows: &[Row]| {
            let mut t = deals(rows, &ORDER);
            let mut col = DictColumn::default();
            for &(id, ..) in rows {
                col.push(Some(if id == "usd" { "USD" } else { "EUR" }));
            }
            t.currency = Some(col);
            t
        };
        let (a, b) = (with_currency(&a_rows), with_currency(&b_rows));
        let mut o = opts(None);
        o.currency = Some("EUR".into());
        let c = compare(&a, &b, &o).unwrap();
        assert!(!has(&c, "usd"));
        assert_eq!((c.notes.other_currency_earlier, c.notes.other_currency_later), (1, 1));
        assert_eq!(bar(&c, Flow::Start), (80.0, 3));
        o.filters = Filters::none().with(Dim::Owner, "Ann");
        let c = compare(&a, &b, &o).unwrap();
        let ids: Vec<&str> = c.deals.iter().map(|d| d.deal_id.as_str()).collect();
        assert_eq!(ids, ["eur", "gone"], "moved is Bo's now; gone is judged by its earlier owner");
        o.filters = Filters::none().with(Dim::Region, "EMEA");
        let c = compare(&a, &b, &o).unwrap();
        assert_eq!(c.notes.unapplied_filters, [Dim::Region]);
        assert_eq!(c.deals.len(), 3);
    }

    #[test]
    fn refuses_what_cannot_be_compared() {
        let rows: Vec<Row> = vec![("x", "Proposal", Some(1.0), Some("2024-01-10"), None, None)];
        let t = deals(&rows, &ORDER);
        let mut o = opts(None);
        o.as_of_later = Some(day("2024-02-01"));
        assert!(matches!(compare(&t, &t, &o), Err(ChangeError::NotEarlier { .. })));
        let e = compare(&DealsTable::default(), &t, &CompareOptions::default()).unwrap_err();
        assert_eq!(e, ChangeError::NoAsOf { which: "earlier" });
        assert!(e.to_string().contains("type the date"));
        let mut unknown = t.clone();
        unknown.status = vec![Status::Unknown];
        unknown.status_from_column = true;
        assert_eq!(compare(&t, &unknown, &opts(None)), Err(ChangeError::NoStatus { which: "later" }));
        // Dates from the data: the earlier export's latest created date is before the later one's.
        let later_rows: Vec<Row> = vec![("y", "Proposal", Some(1.0), Some("2024-02-10"), None, None)];
        let c = compare(&t, &deals(&later_rows, &ORDER), &CompareOptions::default()).unwrap();
        assert_eq!((c.as_of_earlier, c.as_of_later), (day("2024-01-10"), day("2024-02-10")));
    }

    /// One random deal of one export: stage index (0..3 open, 3 won, 4 lost), cents, close offset.
    type RandomDeal = Option<(usize, Option<i64>, Option<i32>)>;

    fn random_table(deals_: &[RandomDeal], names: &[String], closes: &[String]) -> DealsTable {
        const STAGES: [&str; 5] = ["Prospecting", "Proposal", "Negotiation", "Closed Won", "Closed Lost"];
        let rows: Vec<Row> = deals_
            .iter()
            .enumerate()
            .filter_map(|(i, d)| {
                let (stage, cents, close) = (*d)?;
                let close = close.map(|c| closes[c as usize].as_str());
                Some((
                    names[i].as_str(),
                    STAGES[stage],
                    cents.map(|c| c as f64 / 100.0),
                    Some("2024-01-01"),
                    close,
                    None,
                ))
            })
            .collect();
        deals(&rows, &ORDER)
    }

    fn random_deal() -> impl Strategy<Value = RandomDeal> {
        proptest::option::weighted(
            0.85,
            (0usize..5, proptest::option::weighted(0.9, 0i64..10_000_000), proptest::option::weighted(0.9, 0i32..120)),
        )
    }

    proptest! {
        #[test]
        fn the_bars_add_up_exactly(
            pairs in proptest::collection::vec((random_deal(), random_deal()), 0..40),
            window in proptest::option::of((0i32..120, 0i32..60)),
        ) {
            let names: Vec<String> = (0..pairs.len()).map(|i| format!("D{i}")).collect();
            let closes: Vec<String> = (0..120).map(|k| Day(day("2024-03-01").0 + k).to_string()).collect();
            let a_deals: Vec<RandomDeal> = pairs.iter().map(|p| p.0).collect();
            let b_deals: Vec<RandomDeal> = pairs.iter().map(|p| p.1).collect();
            let (a, b) = (random_table(&a_deals, &names, &closes), random_table(&b_deals, &names, &closes));
            let mut o = opts(None);
            o.window = window.and_then(|(from, len)| {
                let f = Day(day("2024-03-01").0 + from);
                Period::new(f, Day(f.0 + len))
            });
            let c = compare(&a, &b, &o).unwrap();
            prop_assert_eq!(c.flows_to_end(), c.total(Flow::End).cents);
            // Counts add up too: stayed deals leave start for end one for one.
            let n = |f: Flow| c.total(f).count as i64;
            prop_assert_eq!(
                n(Flow::Start) + n(Flow::New) + n(Flow::PulledIn) - n(Flow::PushedOut) - n(Flow::Won) - n(Flow::Lost),
                n(Flow::End)
            );
            // Start and end are the open pipelines of each export, computed independently.
            let open_sum = |t: &DealsTable| -> (i128, i64) {
                (0..t.len())
                    .filter(|&i| t.status[i] == Status::Open)
                    .filter(|&i| o.window.is_none_or(|w| t.close.get(i).is_some_and(|d| w.contains(d))))
                    .fold((0, 0), |(s, k), i| (s + i128::from(t.amount.get(i).map_or(0, to_cents)), k + 1))
            };
            prop_assert_eq!(open_sum(&a), (c.total(Flow::Start).cents, n(Flow::Start)));
            prop_assert_eq!(open_sum(&b), (c.total(Flow::End).cents, n(Flow::End)));
            // Each bucketed deal once, and every deal in scope somewhere is listed.
            let bucketed: usize = Flow::ALL[1..8].iter().map(|&f| c.total(f).count).sum();
            prop_assert_eq!(bucketed + c.unchanged, c.deals.len());
        }
    }
}
