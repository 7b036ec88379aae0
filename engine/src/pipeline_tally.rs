//! What the pipeline counts on one day ([`OpenTally`]): counted by [`crate::open_tally`], kept
//! by [`crate::open_memo`].

use crate::column::Amount;

/// What the pipeline counts on one day, per slot: one per stage code, then one for open deals
/// with no stage, then one for deals won or lost since (see [`OpenTally::no_stage`]).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct OpenTally {
    /// Deals open on the day, per slot.
    pub count: Vec<usize>,
    /// Σ amount (in the currency asked for) of those with one, per slot.
    pub value: Vec<f64>,
    /// Deals with an amount in the currency asked for, per slot.
    pub with_amount: Vec<usize>,
    /// Open deals created after the day.
    pub created_later: usize,
    /// Deals open on the day whose amount is in another currency.
    pub other_currency: usize,
}

impl OpenTally {
    /// Empty counts for a table with `stage_codes` stages.
    pub(crate) fn new(stage_codes: usize) -> OpenTally {
        let slots = stage_codes + 2;
        OpenTally {
            count: vec![0; slots],
            value: vec![0.0; slots],
            with_amount: vec![0; slots],
            created_later: 0,
            other_currency: 0,
        }
    }

    /// Counts a deal open on the day in `slot`, with its amount (a slot past the tally's is
    /// left alone).
    pub(crate) fn add(&mut self, slot: usize, amount: Amount) {
        let (Some(count), Some(value), Some(with_amount)) =
            (self.count.get_mut(slot), self.value.get_mut(slot), self.with_amount.get_mut(slot))
        else {
            return;
        };
        *count += 1;
        match amount {
            Amount::Value(a) => {
                *value += a;
                *with_amount += 1;
            }
            Amount::Missing => {}
            Amount::OtherCurrency => self.other_currency += 1,
        }
    }

    /// The slot of open deals without a stage (the one after the last stage code).
    pub fn no_stage(&self) -> usize {
        self.count.len().saturating_sub(2)
    }

    /// The slot of deals open on the day and won or lost since (the last).
    pub fn closed_later(&self) -> usize {
        self.count.len().saturating_sub(1)
    }
}
