//! The roll-up reads its deals from the close-date index and the status bits, the weighted
//! pipeline from the status bits and on several days in one pass: held to a walk over every
//! deal for one day, field for field and bit for bit, on random deals, filters, periods and days.

use super::rollup::add_deal;
use super::weighted::weigh;
use super::{
    forecast_rollup, probabilities, weighted_pipeline_on, CategoryMap, DealCategories, ForecastCategory,
    ForecastRollup, StageProbabilities,
};
use crate::change::fixture::{deals, Row};
use crate::day::Day;
use crate::filter::keeps;
use crate::period::Period;
use crate::stage::Status;
use crate::workspace::Scope;
use proptest::prelude::*;

const STAGES: [&str; 6] = ["Prospecting", "Proposal", "Negotiation", "Closed Won", "Closed Lost", "Custom"];

/// A fixture day `n` days after 2024-01-01.
fn iso(n: u16) -> String {
    Day(Day::from_ymd(2024, 1, 1).map_or(0, |d| d.0) + i32::from(n)).to_string()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]
    #[test]
    fn the_index_gives_what_a_walk_gives(
        rows in prop::collection::vec(
            (0usize..6, prop::option::of(0u32..100_000), prop::option::of(0u16..400), prop::option::of(0u16..400),
             prop::option::of(0usize..5), prop::option::of(0u8..120), any::<bool>()),
            1..150,
        ),
        filtered in any::<bool>(),
        from in 0u16..400,
        days in 0u16..120,
        ends in prop::collection::vec(0u16..200, 1..6),
    ) {
        let dates: Vec<(Option<String>, Option<String>)> = rows.iter().map(|r| (r.2.map(iso), r.3.map(iso))).collect();
        let ids: Vec<String> = (0..rows.len()).map(|i| format!("D{i}")).collect();
        let fixture: Vec<Row> = rows
            .iter()
            .zip(&dates)
            .zip(&ids)
            .map(|((r, (created, close)), id)| {
                (id.as_str(), STAGES[r.0], r.1.map(|a| f64::from(a) / 100.0), created.as_deref(), close.as_deref(), None)
            })
            .collect();
        let d = deals(&fixture, &STAGES[..3]);
        let column: Vec<Option<ForecastCategory>> = rows.iter().map(|r| r.4.map(|k| ForecastCategory::ALL[k])).collect();
        let chances = probabilities(&rows.iter().map(|r| r.5.map(f64::from)).collect::<Vec<_>>());
        let mask = filtered.then(|| rows.iter().map(|r| r.6).collect::<Vec<bool>>());
        let start = Day::from_ymd(2024, 1, 1).map_or(0, |d| d.0) + i32::from(from);
        let Some(period) = Period::new(Day(start), Day(start + i32::from(days))) else { return Ok(()) };
        let scope = Scope::new(period);

        let categories = DealCategories::new(&d, Some(&column), &CategoryMap::defaults(&d));
        let by_index = forecast_rollup(&d, &mask, &scope, |i| categories.of(i));
        // A walk over every deal the mask keeps, the undated open ones counted one by one.
        let mut walked = ForecastRollup::default();
        for i in (0..d.len()).filter(|&i| keeps(&mask, i)) {
            if d.status[i] == Status::Open && d.close.get(i).is_none() {
                walked.no_close += 1;
            }
            add_deal(&mut walked, &d, i, &scope, &|i| categories.of(i));
        }
        prop_assert_eq!(by_index.won.to_bits(), walked.won.to_bits());
        prop_assert_eq!(by_index.commit_open.to_bits(), walked.commit_open.to_bits());
        prop_assert_eq!(by_index, walked);

        // Several days at once (a trend's bucket ends) give each day what that day alone gives.
        let defaults = StageProbabilities::defaults(&d);
        let mut days: Vec<i32> = ends.iter().map(|&n| start + i32::from(n) - 60).collect();
        days.sort_unstable();
        days.dedup();
        for probability in [None, Some(chances.as_slice())] {
            let walk = |visit: &mut dyn FnMut(usize)| (0..d.len()).for_each(visit);
            let by_bits = weighted_pipeline_on(&d, &mask, None, &days, probability, &defaults);
            let walked = weigh(&d, &mask, None, &days, probability, &defaults, walk);
            prop_assert_eq!(&by_bits, &walked);
            for (day, swept) in days.iter().zip(&by_bits) {
                let alone = weigh(&d, &mask, None, &[*day], probability, &defaults, walk);
                prop_assert_eq!(swept.value.to_bits(), alone[0].value.to_bits());
                prop_assert_eq!(swept, &alone[0]);
            }
        }
    }
}
