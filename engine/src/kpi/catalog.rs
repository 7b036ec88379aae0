//! The KPI registry: the one list of every KPI, in the order of KPI_SPEC.md, then of
//! KPI_SPEC_PIPELINE_CHANGE.md. Each entry is declared beside its computation in its group's
//! file (`deals.rs`, `growth.rs`, `plans.rs`, `tables.rs`, `leads.rs`, `customers.rs`,
//! `change.rs`, `history.rs`, `forecast.rs`) and registered here once.

use super::{change, customers, deals, forecast, growth, history, leads, plans, tables};
use super::{KpiDef, KpiId};

/// The entries, in [`KpiId`] order: entry `i` is the KPI `KpiId::ALL[i]` (checked when compiling).
const DEFS: [KpiDef; KpiId::ALL.len()] = [
    deals::REVENUE,
    growth::REVENUE_GROWTH,
    growth::REVENUE_GROWTH_YOY,
    growth::REVENUE_MIX,
    customers::MRR,
    customers::ARR,
    growth::REVENUE_PER_REP,
    deals::DEALS_WON,
    deals::WIN_RATE,
    deals::AVG_DEAL_SIZE,
    deals::SALES_CYCLE_DAYS,
    deals::PIPELINE_VALUE,
    deals::PIPELINE_COUNT,
    plans::PIPELINE_COVERAGE,
    plans::SALES_VELOCITY,
    tables::FUNNEL_CONVERSION,
    tables::PRODUCT_PERFORMANCE,
    tables::DEAL_SIZE_OUTLIERS,
    plans::FORECAST_ACCURACY,
    plans::QUOTA_ATTAINMENT,
    plans::LEADS_NEEDED,
    leads::LEADS_CREATED,
    leads::QUALIFIED_LEADS,
    leads::LEAD_TO_OPPORTUNITY,
    leads::LEAD_CONVERSION_RATE,
    leads::LEAD_RESPONSE_TIME,
    leads::TOUCHPOINTS_TO_MEETING,
    leads::ACTIVITY_VOLUME,
    customers::NEW_CUSTOMERS,
    customers::CHURN_RATE,
    customers::RETENTION_RATE,
    customers::CAC,
    customers::CLV,
    customers::CLV_CAC_RATIO,
    change::PIPELINE_CHANGE,
    change::SLIPPED_DEALS,
    history::TIME_IN_STAGE,
    history::STAGE_CONVERSION,
    history::STALLED_DEALS,
    forecast::WEIGHTED_PIPELINE,
    forecast::FORECAST_COMMIT,
    forecast::FORECAST_BEST_CASE,
    forecast::FORECAST_BIAS,
];

// Entry `i` must be the KPI whose id is the `i`-th variant, so that [`def`] finds an id's
// entry by its position; a registry out of step with `KpiId` does not compile.
const _: () = {
    let mut i = 0;
    while i < DEFS.len() {
        assert!(DEFS[i].id as usize == i, "the registry is not in KpiId order");
        i += 1;
    }
};

/// Every KPI the engine computes, in display order (the order of KPI_SPEC.md).
pub static CATALOG: &[KpiDef] = &DEFS;

/// The entry of `id`. The position is `id`'s own (see the check on `DEFS`), so the index
/// is in range for every id.
pub(super) fn def(id: KpiId) -> &'static KpiDef {
    &CATALOG[id as usize]
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn ids_are_unique_snake_case_and_explained() {
        let mut seen = HashSet::new();
        for k in CATALOG {
            assert!(seen.insert(k.id), "duplicate id {}", k.id);
            assert!(k.id.as_str().bytes().all(|b| b.is_ascii_lowercase() || b == b'_'), "{}", k.id);
            let e = &k.explanation;
            for text in [e.what, e.formula, e.why, e.watch] {
                assert!(text.len() > 20, "{}: explanation too thin", k.id);
            }
        }
    }

    #[test]
    fn every_id_finds_its_own_entry() {
        assert_eq!(CATALOG.len(), KpiId::ALL.len());
        for (k, &id) in CATALOG.iter().zip(KpiId::ALL) {
            assert_eq!(k.id, id);
            assert_eq!(def(id).id, id);
            assert_eq!(KpiId::parse(k.id.as_str()), Some(k.id), "{} round-trips", k.id);
            assert_eq!(super::super::find(k.id.as_str()).map(|d| d.id), Some(id));
        }
    }
}
