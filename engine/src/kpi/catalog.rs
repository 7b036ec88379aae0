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
            why: "It is the result every other sales number explains: the first line a leader reads and the one targets are set in.",
            watch: "A big deal or a quarter-end push moves it more than any trend; read it beside the deal count and the average deal size. Deals with no close date or no amount are left out and counted below.",
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
            why: "Volume of wins shows whether revenue comes from many customers or a few; it feeds win rate and velocity.",
            watch: "Count and value tell different stories: more small wins can hide a drop in big ones.",
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
            why: "It shows how well the team turns real opportunities into customers, and whether qualification lets weak deals through.",
            watch: "Some reports divide by every deal, open ones included; that gives a lower figure (48 % instead of 63 % on the Maven sample). Compare reps and lead sources with the same definition, and on enough closed deals.",
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
            why: "Together with win rate and cycle length it sets how much pipeline the team needs; a rising size often means a move up-market.",
            watch: "A few very large deals pull the mean up: when mean and median are far apart, read the median. Lost deals recorded with amount 0 are not won and do not count.",
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
            why: "A shorter cycle brings revenue in sooner and frees reps for new deals; a lengthening one warns that deals are stalling.",
            watch: "Cycle length differs a lot by lead source, product and rep: segment it before you compare. A long-tail of stuck deals pulls the mean up.",
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
            why: "It is the revenue the team can still win; compared with the target it tells whether there is enough to reach it.",
            watch: "Open deals without an amount are left out of the value but kept in the count. Old deals nobody closes inflate the pipeline: check the early stages for stale ones.",
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
            why: "The number of deals in play drives how many wins the next months can bring.",
            watch: "A count with no amounts says little about value; a pile-up in one stage shows where deals get stuck.",
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
