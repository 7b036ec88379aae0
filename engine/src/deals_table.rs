//! The deals table: one typed column per canonical field.

use crate::close_index::{ByClose, CloseIndex};
use crate::column::{Amount, AmountColumn, DateColumn, DictColumn, TextColumn};
use crate::day::Day;
use crate::forecast_category::ForecastCategory;
use crate::rows_token::RowsToken;
use crate::stage::{StageRules, Status};
use crate::status_bits::StatusBits;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// A dimension deals can be broken down and filtered by.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Dim {
    /// The rep who owns the deal.
    Owner,
    /// The owner's team.
    Team,
    /// Sales region.
    Region,
    /// Product sold.
    Product,
    /// Where the lead came from.
    LeadSource,
    /// new / upsell / renewal.
    DealType,
}

impl Dim {
    /// Every dimension, in display order.
    pub const ALL: [Dim; 6] = [Dim::Owner, Dim::Team, Dim::Region, Dim::Product, Dim::LeadSource, Dim::DealType];

    /// The dimension in words: `owner`, `lead source`, ...
    pub fn label(self) -> &'static str {
        match self {
            Dim::LeadSource => "lead source",
            Dim::DealType => "deal type",
            d => d.field(),
        }
    }

    /// The dimension as a heading: `Owner`, `Lead source`, ...
    ///
    /// ```
    /// use pipelens_engine::Dim;
    /// assert_eq!((Dim::LeadSource.label(), Dim::LeadSource.title()), ("lead source", "Lead source"));
    /// ```
    pub fn title(self) -> &'static str {
        match self {
            Dim::Owner => "Owner",
            Dim::Team => "Team",
            Dim::Region => "Region",
            Dim::Product => "Product",
            Dim::LeadSource => "Lead source",
            Dim::DealType => "Deal type",
        }
    }

    /// The canonical field name (`owner`, `lead_source`, ...).
    pub fn field(self) -> &'static str {
        match self {
            Dim::Owner => "owner",
            Dim::Team => "team",
            Dim::Region => "region",
            Dim::Product => "product",
            Dim::LeadSource => "lead_source",
            Dim::DealType => "deal_type",
        }
    }
}

/// All deals of the workspace, column by column. Row `i` of every column is deal `i`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DealsTable {
    /// `deal_id`.
    pub deal_id: TextColumn,
    /// `amount` (missing for many open deals in real exports).
    pub amount: AmountColumn,
    /// `stage`, when the file has one.
    pub stage: DictColumn,
    /// The status of each deal: from a `status` column when mapped, else from `stage` via
    /// [`DealsTable::stage_rules`].
    pub status: Vec<Status>,
    /// `created_date`.
    pub created: DateColumn,
    /// `close_date`.
    pub close: DateColumn,
    /// Optional segment columns, indexed like [`Dim::ALL`]; `None` when the file lacks the field.
    pub dims: [Option<DictColumn>; 6],
    /// `account`, when present.
    pub account: Option<DictColumn>,
    /// `lost_stage`: the open stage a lost deal was lost in, when present.
    pub lost_stage: Option<DictColumn>,
    /// `currency` (ISO code or symbol per deal), when present.
    pub currency: Option<DictColumn>,
    /// `probability` as fractions 0..1, when the file has the column (see
    /// [`crate::ingest::probability_column`]); a cell that reads as none is `None`.
    pub probability: Option<Vec<Option<f64>>>,
    /// `forecast_category`, when the file has the column; a cell naming no category is `None`.
    pub forecast_category: Option<Vec<Option<ForecastCategory>>>,
    /// The `entered_<stage>` columns (HubSpot's `date_entered_<stage>`): per stage named by a
    /// header, the day each deal last entered it. Empty when the file has none.
    pub entered: Vec<(String, DateColumn)>,
    /// How stage names map to statuses, and the order of the open stages.
    pub stage_rules: StageRules,
    /// Whether `status` came from a status column rather than from stage names.
    pub status_from_column: bool,
    /// The rows in close-date order, built on first use.
    pub by_close: CloseIndex,
    /// The identity of the rows a stage history is linked to (see [`crate::history::link`]).
    pub rows_token: RowsToken,
}

/// Appends `theirs` (`added` rows) to `mine` (`before` rows), padding whichever side lacks
/// the column with missing values.
fn append_optional(mine: &mut Option<DictColumn>, theirs: Option<DictColumn>, before: usize, added: usize) {
    match (mine.as_mut(), theirs) {
        (Some(m), Some(t)) => m.append(&t),
        (Some(m), None) => (0..added).for_each(|_| m.push(None)),
        (None, Some(t)) => {
            let mut m = DictColumn::default();
            (0..before).for_each(|_| m.push(None));
            m.append(&t);
            *mine = Some(m);
        }
        (None, None) => {}
    }
}

/// Appends the `entered_<stage>` columns of `theirs` (`added` rows) to `mine` (`before` rows),
/// matched by stage name; a stage only one side has is padded with missing days on the other.
fn append_entered(
    mine: &mut Vec<(String, DateColumn)>,
    theirs: Vec<(String, DateColumn)>,
    before: usize,
    added: usize,
) {
    let mut theirs: Vec<Option<(String, DateColumn)>> = theirs.into_iter().map(Some).collect();
    for (stage, col) in mine.iter_mut() {
        match theirs.iter_mut().find(|t| t.as_ref().is_some_and(|(s, _)| s == stage)).and_then(Option::take) {
            Some((_, t)) => col.days.extend(t.days),
            None => col.days.extend(std::iter::repeat_n(crate::column::NO_DAY, added)),
        }
    }
    for (stage, t) in theirs.into_iter().flatten() {
        let mut days = vec![crate::column::NO_DAY; before];
        days.extend(t.days);
        mine.push((stage, DateColumn { days }));
    }
}

/// Appends `theirs` (`added` rows) to `mine` (`before` rows) for a column of plain values,
/// padding whichever side lacks the column with `None`.
fn append_values<T: Copy>(
    mine: &mut Option<Vec<Option<T>>>,
    theirs: Option<Vec<Option<T>>>,
    before: usize,
    added: usize,
) {
    match (mine.as_mut(), theirs) {
        (Some(m), Some(t)) => m.extend(t),
        (Some(m), None) => m.extend(std::iter::repeat_n(None, added)),
        (None, Some(t)) => {
            let mut m = vec![None; before];
            m.extend(t);
            *mine = Some(m);
        }
        (None, None) => {}
    }
}

impl DealsTable {
    /// Row `i`'s amount when only `currency` (a code of the `currency` column) is counted;
    /// `None` counts every amount (the file has one currency or none).
    #[inline]
    pub fn amount_in(&self, i: usize, currency: Option<u32>) -> Amount {
        if let (Some(c), Some(col)) = (currency, &self.currency) {
            if col.codes.get(i) != Some(&c) {
                return Amount::OtherCurrency;
            }
        }
        self.amount.get(i).map_or(Amount::Missing, Amount::Value)
    }

    /// The currencies of the deals, most frequent first, with their deal counts. Empty when
    /// the file has no currency column.
    pub fn currencies(&self) -> Vec<(u32, &str, usize)> {
        let Some(col) = &self.currency else { return Vec::new() };
        let mut counts = vec![0usize; col.values.len()];
        for &c in &col.codes {
            if let Some(n) = counts.get_mut(c as usize) {
                *n += 1;
            }
        }
        let mut out: Vec<(u32, &str, usize)> =
            col.values.iter().enumerate().map(|(i, v)| (i as u32, v.as_str(), counts[i])).filter(|x| x.2 > 0).collect();
        crate::sort::sort_by(&mut out, |a, b| b.2.cmp(&a.2).then(a.1.cmp(b.1)));
        out
    }

    /// The currency amounts are counted in by default: the most frequent one when the file has
    /// several, `None` (count every amount) when it has one or none.
    pub fn default_currency(&self) -> Option<u32> {
        let list = self.currencies();
        (list.len() > 1).then(|| list[0].0)
    }

    /// Number of deals.
    pub fn len(&self) -> usize {
        self.status.len()
    }

    /// Whether the table has no deals.
    pub fn is_empty(&self) -> bool {
        self.status.is_empty()
    }

    /// The column of a segment dimension, if the data has it.
    pub fn dim(&self, dim: Dim) -> Option<&DictColumn> {
        self.dims[Dim::ALL.iter().position(|&d| d == dim)?].as_ref()
    }

    /// The status bits of the deals ([`crate::status_bits`]): those kept with the close-date
    /// index, or built now when the columns were changed directly since the index was built
    /// (nothing in the app does; the index is then not trusted).
    pub fn status_bits(&self) -> Cow<'_, StatusBits> {
        match self.close_index() {
            Some(ix) => Cow::Borrowed(ix.bits()),
            None => Cow::Owned(StatusBits::build(&self.close.days, &self.status)),
        }
    }

    /// The latest day something happened to a deal: its latest created date or the close date
    /// of a won or lost deal. The anchor of the default period (KPI_SPEC.md) and the as-of date
    /// an export shows by itself. An open deal's close date is a plan (its expected close, often
    /// months ahead in a real export) and does not count. `None` when no deal has such a date.
    pub fn latest_day(&self) -> Option<Day> {
        // From the close-date index when it is built; not built for this (its cost would join
        // the task that shows a new file).
        let closed = match self.by_close.built(&self.close.days, &self.status) {
            // From the latest close date back to the first closed deal: one or a few rows.
            Some(ix) => ix.latest_closed(&self.status),
            None => self
                .status
                .iter()
                .zip(&self.close.days)
                .filter(|(s, &c)| s.is_closed() && c != crate::column::NO_DAY)
                .map(|(_, &c)| c)
                .max(),
        };
        self.created.max().max(closed.map(Day))
    }

    /// The earliest created or close date.
    pub fn earliest_day(&self) -> Option<Day> {
        [self.created.min(), self.close.min()].into_iter().flatten().min()
    }

    /// Appends the deals of `other` (perhaps from a file with other columns: a field only one
    /// of them has is missing in the other's rows). Stage rules are inferred again over the
    /// stages of both; statuses read from a status column are kept as they were.
    pub fn append(&mut self, other: DealsTable) {
        self.by_close.clear();
        self.rows_token.clear();
        let (before, added) = (self.len(), other.len());
        for i in 0..added {
            self.deal_id.push(other.deal_id.get(i));
        }
        self.amount.values.extend(other.amount.values);
        self.stage.append(&other.stage);
        self.stage.merge_variants(crate::stage::stage_key);
        self.status.extend(other.status);
        self.created.days.extend(other.created.days);
        self.close.days.extend(other.close.days);
        for (mine, theirs) in self.dims.iter_mut().zip(other.dims) {
            append_optional(mine, theirs, before, added);
        }
        append_optional(&mut self.account, other.account, before, added);
        append_optional(&mut self.lost_stage, other.lost_stage, before, added);
        append_optional(&mut self.currency, other.currency, before, added);
        append_values(&mut self.probability, other.probability, before, added);
        append_values(&mut self.forecast_category, other.forecast_category, before, added);
        append_entered(&mut self.entered, other.entered, before, added);
        self.status_from_column |= other.status_from_column;
        if self.status_from_column {
            // Keep every status as read; the rules still order the stages.
            self.stage_rules = StageRules::infer(&self.stage);
        } else {
            self.apply_stage_rules(StageRules::infer(&self.stage));
        }
    }

    /// The rows in close-date order (built now if they were not yet), or `None` when the
    /// columns were changed directly since.
    pub fn close_index(&self) -> Option<&ByClose> {
        self.by_close.get(&self.close.days, &self.status)
    }

    /// Replaces the stage rules and recomputes every deal's status from its stage.
    pub fn apply_stage_rules(&mut self, rules: StageRules) {
        self.by_close.clear();
        if !self.status_from_column {
            self.status = self.stage.codes.iter().map(|&c| rules.status(c)).collect();
        }
        self.stage_rules = rules;
    }

    /// The open stages in pipeline order, as `(code, name)`. With a status column and no
    /// stage column this is empty.
    pub fn open_stages(&self) -> impl Iterator<Item = (u32, &str)> {
        self.stage_rules.open_order.iter().filter_map(|&c| Some((c, self.stage.value(c)?)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn capitalised(s: &str) -> String {
        let mut c = s.chars();
        c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
    }

    #[test]
    fn the_latest_day_is_the_same_with_the_close_index_built() {
        let mut d = crate::demo::demo_deals(crate::demo::DEMO_SEED);
        let walked = d.latest_day();
        assert!(d.by_close.built(&d.close.days, &d.status).is_none(), "asking does not build the index");
        assert!(d.close_index().is_some());
        assert_eq!(d.latest_day(), walked);
        let open = d.status.iter().position(|s| *s == Status::Open).unwrap();
        d.close.days[open] = i32::MAX - 1;
        d.by_close.clear();
        assert!(d.close_index().is_some());
        assert_eq!(d.latest_day(), walked, "an open deal's close is a plan");
    }

    #[test]
    fn a_title_is_the_label_capitalised() {
        for d in Dim::ALL {
            assert_eq!(d.title(), capitalised(d.label()), "{d:?}");
            assert!(!d.label().contains('_'), "{d:?}: words, not a field name");
        }
    }
}
