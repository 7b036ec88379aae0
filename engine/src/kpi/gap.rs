//! Why a KPI has nothing to compute over ([`Gap`]), as typed cases rather than sentences, so
//! every language can word them (`crate::text`); the `Display` here is the English wording.

use super::{KpiId, Undefined};
use crate::format::grouped;
use crate::{Day, Period};
use std::fmt;

/// Which earlier period a growth rate is measured against.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Base {
    /// The previous period of the same length.
    Previous,
    /// The same period one year earlier.
    YearEarlier,
}

impl Base {
    /// Its English name, as it reads inside a sentence.
    pub fn english(self) -> &'static str {
        match self {
            Base::Previous => "the previous period",
            Base::YearEarlier => "the same period a year earlier",
        }
    }
}

/// A case in which a KPI has no rows to compute over, or a denominator of zero: the payload of
/// [`Undefined::NoRows`] and [`Undefined::ZeroDenominator`]. Counts, days and periods are kept
/// as values so each language writes them its own way.
#[derive(Clone, Debug, PartialEq)]
pub enum Gap {
    /// No deal was closed (won or lost) in the period.
    NoClosedDeals(Period),
    /// Deals were won in the period but none has an amount in the chosen currency.
    NoWonAmount {
        /// How many deals were won.
        won: usize,
        /// The period.
        period: Period,
    },
    /// No deal was won in the period.
    NoDealsWon(Period),
    /// Deals were won in the period but none has a usable created date.
    NoWonCreated {
        /// How many deals were won.
        won: usize,
        /// The period.
        period: Period,
    },
    /// No deal is open on the day.
    NoOpenDeals(Day),
    /// Deals are open but none has an amount (in the chosen currency when `other_currency`).
    NoOpenAmount {
        /// How many deals are open.
        open: usize,
        /// Whether some of them are in another currency.
        other_currency: bool,
    },
    /// Growth has no revenue in its base period to grow from.
    NoBaseRevenue {
        /// Which base.
        base: Base,
        /// The base period.
        period: Period,
    },
    /// The period's own revenue is undefined.
    NoRevenueFigure(Period),
    /// No deal closed in the base period of a growth rate.
    NoBaseDeals {
        /// Which base.
        base: Base,
        /// The base period.
        period: Period,
    },
    /// No revenue from deals of a known type in the period.
    NoTypedRevenue(Period),
    /// No deal closed in the period has an owner.
    NoOwnerClosed(Period),
    /// No quota period starts in the next period.
    NoQuotaAhead(Period),
    /// A KPI this one is built from is undefined.
    PartUndefined {
        /// The KPI it needs.
        id: KpiId,
        /// Why that one is undefined.
        why: Box<Undefined>,
    },
    /// The sales cycle is 0 days.
    ZeroCycle,
    /// No forecast period lies inside the period.
    NoForecastPeriod(Period),
    /// Forecast periods lie inside the period, but none had revenue.
    NoForecastRevenue(Period),
    /// No owner has a quota inside the period.
    NoOwnerQuota(Period),
    /// No quota inside the period and no target typed.
    NoQuotaNoTarget(Period),
    /// The average deal size is 0.
    ZeroDealSize,
    /// No lead converted into a won deal.
    NoLeadConverted,
    /// The deals have no open stages to build a funnel from.
    NoOpenStages,
    /// No deal was created in the period.
    NoDealCreated(Period),
    /// No product revenue in the period.
    NoProductRevenue(Period),
    /// No owner has enough won deals with an amount to compare with.
    NoOwnerWithWins {
        /// How many won deals an owner needs.
        min: usize,
        /// The period.
        period: Period,
    },
    /// No lead was created in the period.
    NoLeadsCreated(Period),
    /// No lead was created or qualified in the period.
    NoLeadsCreatedOrQualified(Period),
    /// No lead created in the period has a first contact.
    NoLeadContacted(Period),
    /// No lead created in the period has touchpoints before a meeting.
    NoLeadTouchpoints(Period),
    /// No activity is dated in the period.
    NoActivities(Period),
    /// No customer with an MRR is active on the day.
    NoActiveMrr(Day),
    /// No customer started in the period.
    NoCustomerStarted(Period),
    /// No new-business deal was won in the period.
    NoNewBusinessWon(Period),
    /// No customer was active on the day before the period (the day is given).
    NoCustomerBefore(Day),
    /// No new customers in the period.
    NoNewCustomers(Period),
    /// No month of the period has a churn rate.
    NoMonthChurn(Period),
    /// No customer churned in the period, so lifetime value has no bound.
    NoChurn(Period),
    /// No won deal with an account by the day.
    NoAccountWon(Day),
    /// The acquisition cost is 0.
    ZeroCac,
    /// No deal of the stage history left a stage in the period (no spell ended in it).
    NoEndedSpells(Period),
    /// Deals are open on the day, but none is in a stage other deals have left before, so
    /// there is no 90th percentile to compare their time in it with.
    NoStallBaseline(Day),
    /// A deals export has no created or close dates to tell its date, and none was typed.
    NoSnapshotDate,
    /// The earlier export is not dated before the later one.
    SnapshotsOutOfOrder {
        /// The earlier export's date.
        earlier: Day,
        /// The later export's date.
        later: Day,
    },
    /// The later export's date lies outside the period, so the change between the two
    /// exports belongs to another period.
    SnapshotOutsidePeriod {
        /// The later export's date.
        as_of: Day,
        /// The period.
        period: Period,
    },
}

impl fmt::Display for Gap {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = |v: usize| grouped(v as f64, 0);
        match self {
            Gap::NoClosedDeals(p) => write!(f, "no deals were closed (won or lost) in {p}"),
            Gap::NoWonAmount { won, period } => {
                write!(f, "none of the {} deals won in {period} has an amount in this currency", n(*won))
            }
            Gap::NoDealsWon(p) => write!(f, "no deals were won in {p}"),
            Gap::NoWonCreated { won, period } => {
                write!(f, "none of the {} deals won in {period} has a usable created date", n(*won))
            }
            Gap::NoOpenDeals(d) => write!(f, "no open deals on {d}"),
            Gap::NoOpenAmount { open, other_currency } => {
                let tail = if *other_currency { " in this currency" } else { "" };
                write!(f, "none of the {} open deals has an amount{tail}", n(*open))
            }
            Gap::NoBaseRevenue { base, period } => {
                write!(f, "no revenue in {} ({period}) to grow from", base.english())
            }
            Gap::NoRevenueFigure(p) => write!(f, "no revenue figure for {p}"),
            Gap::NoBaseDeals { base, period } => write!(f, "no deals closed in {} ({period})", base.english()),
            Gap::NoTypedRevenue(p) => write!(f, "no revenue from typed deals in {p}"),
            Gap::NoOwnerClosed(p) => write!(f, "no deal closed in {p} has an owner"),
            Gap::NoQuotaAhead(p) => write!(f, "no quota periods start in the next period ({p})"),
            Gap::PartUndefined { id, why } => write!(f, "{id} is undefined: {why}"),
            Gap::ZeroCycle => f.write_str("the sales cycle is 0 days"),
            Gap::NoForecastPeriod(p) => write!(f, "no forecast period lies inside {p}"),
            Gap::NoForecastRevenue(p) => write!(f, "no forecast period inside {p} had revenue to compare with"),
            Gap::NoOwnerQuota(p) => write!(f, "no owner has a quota inside {p}"),
            Gap::NoQuotaNoTarget(p) => write!(f, "no quota inside {p} and no target typed"),
            Gap::ZeroDealSize => f.write_str("the average deal size is 0"),
            Gap::NoLeadConverted => f.write_str("no lead converted into a won deal"),
            Gap::NoOpenStages => f.write_str("the deals have no open stages to build a funnel from"),
            Gap::NoDealCreated(p) => write!(f, "no deal was created in {p}"),
            Gap::NoProductRevenue(p) => write!(f, "no product revenue in {p}"),
            Gap::NoOwnerWithWins { min, period } => {
                write!(f, "no owner has {min} won deals with an amount in {period} to compare with")
            }
            Gap::NoLeadsCreated(p) => write!(f, "no leads were created in {p}"),
            Gap::NoLeadsCreatedOrQualified(p) => write!(f, "no leads were created or qualified in {p}"),
            Gap::NoLeadContacted(p) => write!(f, "no lead created in {p} has a first contact"),
            Gap::NoLeadTouchpoints(p) => write!(f, "no lead created in {p} has touchpoints before a meeting"),
            Gap::NoActivities(p) => write!(f, "no activities in {p}"),
            Gap::NoActiveMrr(d) => write!(f, "no customer with an MRR is active on {d}"),
            Gap::NoCustomerStarted(p) => write!(f, "no customer started in {p}"),
            Gap::NoNewBusinessWon(p) => write!(f, "no new-business deal was won in {p}"),
            Gap::NoCustomerBefore(d) => write!(f, "no customer was active on {d}, the day before the period"),
            Gap::NoNewCustomers(p) => write!(f, "no new customers in {p}"),
            Gap::NoMonthChurn(p) => write!(f, "no month of {p} has a churn rate"),
            Gap::NoChurn(p) => write!(f, "no customer churned in {p}: lifetime value has no bound"),
            Gap::NoAccountWon(d) => write!(f, "no won deal with an account by {d}"),
            Gap::ZeroCac => f.write_str("acquisition cost is 0"),
            Gap::NoEndedSpells(p) => write!(f, "no deal left a stage in {p}"),
            Gap::NoStallBaseline(d) => {
                write!(f, "no deal open on {d} is in a stage other deals have left before, to compare with")
            }
            Gap::NoSnapshotDate => {
                f.write_str("an export has no created or close dates to tell its date; type the date it was exported")
            }
            Gap::SnapshotsOutOfOrder { earlier, later } => {
                write!(f, "the earlier export ({earlier}) must be dated before the later one ({later})")
            }
            Gap::SnapshotOutsidePeriod { as_of, period } => {
                write!(f, "the later export is dated {as_of}, outside {period}")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_wording_keeps_counts_days_and_periods() {
        let p = Period::new(Day::from_ymd(2024, 1, 1).unwrap(), Day::from_ymd(2024, 3, 31).unwrap()).unwrap();
        let d = Day::from_ymd(2024, 3, 31).unwrap();
        for (gap, want) in [
            (
                Gap::NoWonAmount { won: 1234, period: p },
                "none of the 1,234 deals won in 2024-01-01 – 2024-03-31 has an amount in this currency",
            ),
            (
                Gap::NoOpenAmount { open: 3, other_currency: true },
                "none of the 3 open deals has an amount in this currency",
            ),
            (Gap::NoOpenAmount { open: 3, other_currency: false }, "none of the 3 open deals has an amount"),
            (
                Gap::NoBaseRevenue { base: Base::YearEarlier, period: p },
                "no revenue in the same period a year earlier (2024-01-01 – 2024-03-31) to grow from",
            ),
            (Gap::NoCustomerBefore(d), "no customer was active on 2024-03-31, the day before the period"),
            (
                Gap::PartUndefined {
                    id: KpiId::WinRate,
                    why: Box::new(Undefined::ZeroDenominator(Gap::NoClosedDeals(p))),
                },
                "win_rate is undefined: no deals were closed (won or lost) in 2024-01-01 – 2024-03-31",
            ),
        ] {
            assert_eq!(gap.to_string(), want);
        }
    }
}
