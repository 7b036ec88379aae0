//! The entries of the KPI registry, with their explanations.

use super::deals;
use super::{Direction, Explanation, KpiDef, Unit};

/// Every KPI the engine computes, in display order.
pub static CATALOG: &[KpiDef] = &[
    KpiDef {
        id: "revenue",
        name: "Revenue",
        unit: Unit::Currency,
        direction: Direction::Up,
        needs: "deals",
        compute: deals::revenue,
        explanation: Explanation {
            what: "Money from deals won in the period.",
            formula: "Σ amount of deals won (close date in the period). Undefined when no deal closed in the period.",
            why: "It is the headline result: every other sales number is judged by whether it moves revenue, and a month-on-month fall is the cue to look into how the team works.",
            watch: "This is booked deal value as the CRM records it, not net of discounts given later or returns. One large deal or a quarter-end push moves it more than any trend, so read it beside the deal count and the average deal size. Deals with no close date or no amount are left out and counted below.",
        },
    },
    KpiDef {
        id: "deals_won",
        name: "Deals won",
        unit: Unit::Count,
        direction: Direction::Up,
        needs: "deals",
        compute: deals::deals_won,
        explanation: Explanation {
            what: "How many deals were won in the period.",
            formula: "Count of deals won with a close date in the period. Undefined when no deal closed in the period.",
            why: "Plans are made in wins: a target of 800 k at an average deal of 10 k means 80 deals to close. The count shows whether revenue comes from many customers or a few.",
            watch: "A count hides size and mix: more small wins can cover a drop in large ones, so read it with the average deal size.",
        },
    },
    KpiDef {
        id: "win_rate",
        name: "Win rate",
        unit: Unit::Percent,
        direction: Direction::Up,
        needs: "deals",
        compute: deals::win_rate,
        explanation: Explanation {
            what: "The share of closed deals that were won (the close ratio).",
            formula: "Deals won in the period / deals closed (won or lost) in the period. Open deals do not count.",
            why: "It shows how well reps turn the opportunities they work into customers. Broken down by lead source and rep it tells a lead-quality problem from a selling problem.",
            watch: "It moves with the season and the market, not only with skill, and a move up-market lowers it for a while. Some reports divide by every deal, open ones included, which gives a lower figure (48 % instead of 63 % on the Maven sample): compare like with like, and on enough closed deals.",
        },
    },
    KpiDef {
        id: "avg_deal_size",
        name: "Average deal size",
        unit: Unit::Currency,
        direction: Direction::Up,
        needs: "deals",
        compute: deals::avg_deal_size,
        explanation: Explanation {
            what: "The mean amount of a deal won in the period; the median is shown beside it.",
            formula: "Σ amount / count over deals won in the period that have an amount.",
            why: "Watched month by month it shows whether contracts grow or shrink, how pricing lands, and how many deals the target needs. It should rise when the team moves up-market.",
            watch: "A few very large deals pull the mean up: when mean and median are far apart, read the median. A rep far below the team's average may be chasing small, easy deals or discounting too much.",
        },
    },
    KpiDef {
        id: "sales_cycle_days",
        name: "Sales cycle",
        unit: Unit::Days,
        direction: Direction::Down,
        needs: "deals",
        compute: deals::sales_cycle_days,
        explanation: Explanation {
            what: "How many days a won deal took from creation to close; the median is shown beside the mean.",
            formula: "Mean of (close date − created date) in days over deals won in the period. Deals that close before they were created are data errors and are left out.",
            why: "Knowing how long deals take makes forecasts predictable; a cycle that lengthens is an early warning of poorly qualified leads or reps who are not yet ready.",
            watch: "It differs a lot by lead source, product and rep (and between B2B and B2C): segment it before you compare. It counts from the deal's created date, not from first contact, so it is shorter than a lead-to-close figure.",
        },
    },
    KpiDef {
        id: "pipeline_value",
        name: "Pipeline value",
        unit: Unit::Currency,
        direction: Direction::Up,
        needs: "deals",
        compute: deals::pipeline_value,
        explanation: Explanation {
            what: "The value of the deals still open on the last day of the period, per stage.",
            formula: "Σ amount of open deals, leaving out deals created after the period's last day. Open deals with no created date still count.",
            why: "It is the revenue the team can still win: against the target it says whether the team is on track, and stage by stage it shows where deals get stuck.",
            watch: "It is the big picture only: pair it with the per-stage, per-rep and per-source views to find causes. Old deals nobody closes inflate it. Open deals without an amount are left out of the value but kept in the count.",
        },
    },
    KpiDef {
        id: "pipeline_count",
        name: "Open deals",
        unit: Unit::Count,
        direction: Direction::Up,
        needs: "deals",
        compute: deals::pipeline_count,
        explanation: Explanation {
            what: "How many deals are open on the last day of the period, per stage.",
            formula: "Count of open deals, leaving out deals created after the period's last day. Zero is a real count (everything is closed).",
            why: "The number of deals in play drives how many wins the coming months can bring; a pile-up in one stage shows where deals stall.",
            watch: "Stale deals that nobody updates inflate the count. A count says nothing about value: read it with the pipeline value.",
        },
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn ids_are_unique_snake_case_and_explained() {
        let mut seen = HashSet::new();
        for k in CATALOG {
            assert!(seen.insert(k.id), "duplicate id {}", k.id);
            assert!(k.id.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'), "{}", k.id);
            let e = &k.explanation;
            for text in [e.what, e.formula, e.why, e.watch] {
                assert!(text.len() > 20, "{}: explanation too thin", k.id);
            }
        }
    }
}
