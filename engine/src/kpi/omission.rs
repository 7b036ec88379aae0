//! Why a KPI left rows out ([`Omission`]), as typed cases so every language can word them
//! (`crate::text`); [`Omission::english`] is the English wording, phrased to follow a count.

/// Declares [`Omission`] from one list of `Variant => ("one", "other")` English pairs, so the
/// variants, [`Omission::ALL`] and the English wording cannot disagree.
macro_rules! omissions {
    ($($(#[$doc:meta])* $variant:ident => ($one:literal, $other:literal),)+) => {
        /// What the rows a KPI left out lack (see [`super::LeftOut`]).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Omission {
            $($(#[$doc])* $variant,)+
        }

        impl Omission {
            /// Every case, so tests can check that each language words each one.
            pub const ALL: &'static [Omission] = &[$(Omission::$variant),+];

            /// The English wording that follows a count of `count` rows ("3 won deals have no
            /// owner"): singular for exactly one row.
            pub fn english(self, count: usize) -> &'static str {
                match self {
                    $(Omission::$variant => if count == 1 { $one } else { $other },)+
                }
            }
        }
    };
}

omissions! {
    /// Won deals without a close date.
    WonNoClose => ("won deal has no close date", "won deals have no close date"),
    /// Lost deals without a close date.
    LostNoClose => ("lost deal has no close date", "lost deals have no close date"),
    /// Deals with neither stage nor status.
    NoStatus => ("deal has no stage or status", "deals have no stage or status"),
    /// Won deals of the period without an amount.
    WonNoAmount => ("won deal in the period has no amount", "won deals in the period have no amount"),
    /// Won deals of the period in another currency.
    WonOtherCurrency => ("won deal in the period is in another currency", "won deals in the period are in another currency"),
    /// Won deals of the period without a created date.
    WonNoCreated => ("won deal in the period has no created date", "won deals in the period have no created date"),
    /// Won deals of the period that close before they were created.
    WonClosesBeforeCreated => ("won deal in the period closes before it was created", "won deals in the period close before they were created"),
    /// Open deals without an amount.
    OpenNoAmount => ("open deal has no amount", "open deals have no amount"),
    /// Open deals in another currency.
    OpenOtherCurrency => ("open deal is in another currency", "open deals are in another currency"),
    /// Won deals whose type is not new, upsell or renewal.
    WonUntyped => ("won deal has a deal type that is not new, upsell or renewal", "won deals have a deal type that is not new, upsell or renewal"),
    /// Won deals without an owner (their revenue counts, they add no rep).
    WonNoOwner => ("won deal has no owner (its revenue counts, it adds no rep)", "won deals have no owner (their revenue counts, they add no rep)"),
    /// Leads without a created date.
    LeadNoCreated => ("lead has no created date", "leads have no created date"),
    /// Leads contacted before they were created.
    LeadContactedEarly => ("lead was contacted before it was created (left out as a data error)", "leads were contacted before they were created (left out as data errors)"),
    /// Activities without a date.
    ActivityNoDate => ("activity has no date", "activities have no date"),
    /// Forecast periods without revenue.
    ForecastNoRevenue => ("forecast period had no revenue (accuracy needs some)", "forecast periods had no revenue (accuracy needs some)"),
    /// Owners whose quota is 0.
    OwnerZeroQuota => ("owner has a quota of 0", "owners have a quota of 0"),
    /// Deals without a created date.
    DealNoCreated => ("deal has no created date", "deals have no created date"),
    /// Open deals in a stage outside the open order.
    OpenOutsideOrder => ("open deal is in a stage outside the open order", "open deals are in stages outside the open order"),
    /// Won deals without a product.
    WonNoProduct => ("won deal has no product", "won deals have no product"),
    /// Active customers without an MRR.
    ActiveNoMrr => ("active customer has no MRR", "active customers have no MRR"),
    /// Customers without a start date.
    CustomerNoStart => ("customer has no start date", "customers have no start date"),
    /// Spend rows neither marketing nor sales.
    SpendOtherCategory => ("spend row is neither marketing nor sales", "spend rows are neither marketing nor sales"),
    /// Deals open on a past as-of date and won or lost since: their probability on that day is unknown.
    OpenClosedSince => ("deal open on the day was won or lost since (its probability then is unknown)", "deals open on the day were won or lost since (their probability then is unknown)"),
    /// Open deals with no probability whose stage has no default either.
    OpenNoProbability => ("open deal has no probability and its stage no default", "open deals have no probability and their stages no default"),
    /// Open deals without an expected close date.
    OpenNoClose => ("open deal has no expected close date", "open deals have no expected close date"),
    /// Deals won or open closing in the period without an amount.
    ClosingNoAmount => ("deal closing in the period has no amount", "deals closing in the period have no amount"),
    /// Deals won or open closing in the period in another currency.
    ClosingOtherCurrency => ("deal closing in the period is in another currency", "deals closing in the period are in another currency"),
    /// Open deals closing in the period with no forecast category.
    OpenNoCategory => ("open deal closing in the period has no forecast category", "open deals closing in the period have no forecast category"),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_is_singular_for_one_row_only() {
        for &o in Omission::ALL {
            assert_ne!(o.english(1), o.english(2), "{o:?}");
            assert_eq!(o.english(0), o.english(2), "{o:?}");
        }
        assert_eq!(Omission::ActivityNoDate.english(5), "activities have no date");
    }
}
