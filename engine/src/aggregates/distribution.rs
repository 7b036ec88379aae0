//! Histograms of the values a KPI averages: sales-cycle lengths (`sales_cycle_days`) per lead
//! source, and lead response times (`lead_response_time`).

use super::with_ctx;
use crate::deals_table::Dim;
use crate::kpi::{is_fast_response, response_minutes, won_cycles, FAST_RESPONSE_SECS};
use crate::workspace::{Scope, Workspace};
use serde::Serialize;
use std::collections::BTreeMap;

/// One bin of a [`Histogram`]: the values `v` with `from ≤ v < to` (`v ≤ to` when
/// `to_included`). The last bin is open: `to` is infinite (`null` in JSON). A value on a bound
/// two bins share (exactly 5 minutes after a first bin that includes it) belongs to the first
/// one: values are placed in the first bin that holds them.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Bin {
    /// Label shown under the bar: `7–13 d`, `≤ 5 min`, ...
    pub label: &'static str,
    /// Lower bound, included.
    pub from: f64,
    /// Upper bound, excluded unless `to_included`; `f64::INFINITY` for the last bin.
    pub to: f64,
    /// Whether `to` itself falls in this bin (the first response bin: "within 5 minutes").
    pub to_included: bool,
}

impl Bin {
    /// Whether `v` falls in the bin.
    pub fn holds(&self, v: f64) -> bool {
        v >= self.from && (v < self.to || (self.to_included && v == self.to))
    }
}

/// Counts per bin, split into series (stacked bars).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Histogram {
    /// The unit of the bins: `days` or `minutes`.
    pub unit: &'static str,
    /// The bins, in order; they cover [0, ∞) without gaps or overlaps.
    pub bins: Vec<Bin>,
    /// Per series (a segment, or a single series): its name and one count per bin.
    pub series: Vec<(String, Vec<usize>)>,
    /// Σ of every count: the number of values the KPI averages.
    pub total: usize,
}

impl Histogram {
    /// The counts per bin over all series.
    pub fn counts(&self) -> Vec<usize> {
        let mut out = vec![0; self.bins.len()];
        for (_, counts) in &self.series {
            out.iter_mut().zip(counts).for_each(|(o, c)| *o += c);
        }
        out
    }

    /// The share of all values that fall in the bins before `bin`, or `None` when empty.
    pub fn share_below(&self, bin: usize) -> Option<f64> {
        let below: usize = self.counts().iter().take(bin).sum();
        (self.total > 0).then(|| below as f64 / self.total as f64)
    }

    fn new(unit: &'static str, bins: Vec<Bin>, counts: BTreeMap<String, Vec<usize>>, last: Option<&str>) -> Histogram {
        let mut series: Vec<(String, Vec<usize>)> = counts.into_iter().collect();
        // A catch-all series ("(none)") goes last.
        if let Some(pos) = last.and_then(|l| series.iter().position(|s| s.0 == l)) {
            let s = series.remove(pos);
            series.push(s);
        }
        let total = series.iter().map(|s| s.1.iter().sum::<usize>()).sum();
        Histogram { unit, bins, series, total }
    }
}

/// Builds bins from consecutive bounds and labels (the last bin open).
fn bins(bounds: &[f64], labels: &[&'static str]) -> Vec<Bin> {
    labels
        .iter()
        .enumerate()
        .map(|(k, &label)| Bin {
            label,
            from: bounds[k],
            to: bounds.get(k + 1).copied().unwrap_or(f64::INFINITY),
            to_included: false,
        })
        .collect()
}

/// The bins of [`cycle_histogram`], in days.
pub const CYCLE_BOUNDS: [f64; 7] = [0.0, 7.0, 14.0, 30.0, 60.0, 90.0, 180.0];
const CYCLE_LABELS: [&str; 7] = ["0–6 d", "7–13 d", "14–29 d", "30–59 d", "60–89 d", "90–179 d", "180+ d"];

/// The bins of [`response_histogram`], in minutes.
pub const RESPONSE_BOUNDS: [f64; 7] = [0.0, 5.0, 15.0, 60.0, 240.0, 1440.0, 4320.0];
const RESPONSE_LABELS: [&str; 7] = ["≤ 5 min", "5–15 min", "15–60 min", "1–4 h", "4–24 h", "1–3 days", "3+ days"];

/// Bins `..FIVE_MINUTE_BINS` of [`response_histogram`] hold the leads contacted within 5 minutes,
/// so their share is `lead_response_time`'s "within 5 min" companion
/// (`histogram.share_below(FIVE_MINUTE_BINS)`).
pub const FIVE_MINUTE_BINS: usize = 1;

/// The series name of deals without a lead source.
pub const NO_SOURCE: &str = "(none)";

/// Sales-cycle lengths of exactly the deals `sales_cycle_days` averages (won in the period,
/// passing the filters, with a created date and not closed before it), binned in days:
/// [0, 7), [7, 14), [14, 30), [30, 60), [60, 90), [90, 180), [180, ∞). One series per lead source
/// of the deals (alphabetical; deals without one in [`NO_SOURCE`], last), or a single series
/// `All deals` when the deals have no lead source column. `None` when there is no such deal.
///
/// ```
/// use pipelens_engine::{demo, aggregates};
/// let ws = demo::demo_workspace(demo::DEMO_SEED);
/// let h = aggregates::cycle_histogram(&ws, &ws.default_scope().unwrap()).unwrap();
/// assert_eq!(h.bins[1].label, "7–13 d");
/// assert_eq!(h.series.len(), 5); // Events, Inbound, Outbound, Partner, Referral
/// ```
pub fn cycle_histogram(ws: &Workspace, scope: &Scope) -> Option<Histogram> {
    let d = ws.deals.as_ref()?;
    let source = d.dim(Dim::LeadSource);
    let bins = bins(&CYCLE_BOUNDS, &CYCLE_LABELS);
    let mut counts: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    with_ctx(ws, scope, |ctx| {
        let Some((d, mask)) = ctx.deals() else { return };
        won_cycles(d, mask, ctx.period(), |i, days| {
            let name = match source {
                Some(s) => s.get(i).unwrap_or(NO_SOURCE),
                None => "All deals",
            };
            let slot = counts.entry(name.to_owned()).or_insert_with(|| vec![0; bins.len()]);
            if let Some(k) = bins.iter().position(|b| b.holds(days as f64)) {
                slot[k] += 1;
            }
        });
    });
    let h = Histogram::new("days", bins, counts, Some(NO_SOURCE));
    (h.total > 0).then_some(h)
}

/// Minutes from creation to first contact over exactly the leads `lead_response_time` takes
/// (created in the period, passing the filters, contacted, not before they were created), in
/// one series `Leads`, binned in minutes: [0, 5], (5, 15), [15, 60), [60, 240), [240, 1440),
/// [1440, 4320), [4320, ∞). The first bin includes its bound, as the KPI's "within 5 min"
/// companion does (a response after exactly 300 s is within 5 minutes), so its share equals that
/// companion. `None` when no lead was contacted.
///
/// ```
/// use pipelens_engine::{demo, kpi, aggregates};
/// let ws = demo::demo_workspace(demo::DEMO_SEED);
/// let scope = ws.default_scope().unwrap();
/// let h = aggregates::response_histogram(&ws, &scope).unwrap();
/// let r = kpi::compute(kpi::KpiId::LeadResponseTime.def(), &ws, &scope);
/// let within = r.companions.iter().find(|c| c.label == "within 5 min").unwrap().value;
/// assert_eq!(h.share_below(aggregates::FIVE_MINUTE_BINS), Some(within));
/// ```
pub fn response_histogram(ws: &Workspace, scope: &Scope) -> Option<Histogram> {
    let mut bins = bins(&RESPONSE_BOUNDS, &RESPONSE_LABELS);
    bins[0].to = FAST_RESPONSE_SECS as f64 / 60.0;
    bins[0].to_included = true;
    let mut counts = vec![0usize; bins.len()];
    with_ctx(ws, scope, |ctx| {
        response_minutes(ctx, &mut |_, minutes| {
            // The KPI's own test for the first bin, so the share matches it to the last bit.
            let k = if is_fast_response(minutes) {
                Some(0)
            } else {
                bins.iter().skip(1).position(|b| b.holds(minutes)).map(|k| k + 1)
            };
            if let Some(k) = k {
                counts[k] += 1;
            }
        })
    })
    .ok()?;
    let h = Histogram::new("minutes", bins, BTreeMap::from([("Leads".to_owned(), counts)]), None);
    (h.total > 0).then_some(h)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{read_file, DatasetKind};
    use crate::kpi;
    use crate::{Day, Period};

    fn leads(rows: &str) -> Workspace {
        let text = format!("lead_id,created_at,first_contact_at\n{rows}");
        let mut ws = Workspace::default();
        ws.insert(read_file(DatasetKind::Leads, "l.csv", text.as_bytes(), None).unwrap().data, false);
        ws
    }

    fn january() -> Scope {
        Scope::new(Period::new(Day::from_ymd(2024, 1, 1).unwrap(), Day::from_ymd(2024, 1, 31).unwrap()).unwrap())
    }

    #[test]
    fn exactly_five_minutes_is_within_five_minutes_as_in_the_kpi() {
        let ws = leads(concat!(
            "L1,2024-01-02 10:00:00,2024-01-02 10:05:00\n", // 300 s: first bin
            "L2,2024-01-02 10:00:00,2024-01-02 10:05:01\n", // 301 s: second bin
            "L3,2024-01-02 10:00:00,2024-01-02 10:15:00\n", // 15 min: third bin
            "L4,2024-01-02 10:00:00,2024-01-05 10:00:00\n", // 3 days: last bin
            "L5,2024-01-02 10:00:00,2024-01-02 09:00:00\n", // contacted before created: left out
            "L6,2024-01-02 10:00:00,\n",                    // not contacted: left out
        ));
        let h = response_histogram(&ws, &january()).unwrap();
        assert_eq!(h.series, [("Leads".to_owned(), vec![1, 1, 1, 0, 0, 0, 1])]);
        assert_eq!(h.total, 4);
        let r = kpi::compute(kpi::KpiId::LeadResponseTime.def(), &ws, &january());
        let within = r.companions.iter().find(|c| c.label == "within 5 min").unwrap().value;
        assert_eq!(h.share_below(FIVE_MINUTE_BINS), Some(within));
        assert_eq!(within, 0.25);
    }

    #[test]
    fn bins_cover_zero_to_infinity_without_gaps() {
        for b in [bins(&CYCLE_BOUNDS, &CYCLE_LABELS), bins(&RESPONSE_BOUNDS, &RESPONSE_LABELS)] {
            assert_eq!(b[0].from, 0.0);
            assert!(b.windows(2).all(|w| w[0].to == w[1].from));
            assert_eq!(b.last().unwrap().to, f64::INFINITY);
            for v in [0.0, 6.999, 7.0, 13.0, 29.5, 179.0, 180.0, 1e9] {
                assert_eq!(b.iter().filter(|x| x.holds(v)).count(), 1, "{v}");
            }
        }
    }

    #[test]
    fn no_contacted_lead_gives_no_histogram() {
        assert_eq!(response_histogram(&leads("L1,2024-01-02 10:00:00,\n"), &january()), None);
        assert_eq!(response_histogram(&Workspace::default(), &january()), None);
        assert_eq!(cycle_histogram(&Workspace::default(), &january()), None);
    }
}
