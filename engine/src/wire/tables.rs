//! Datasets on the wire: each typed column as one run of bytes, dictionaries with their
//! values, and the deals table's derived parts (its close-date index) left to be rebuilt.

use super::codec::{put_tag, take_tag, Reader, Wire, WireError, Writer};
use super::statics;
use crate::column::{AmountColumn, DateColumn, DictColumn, TextColumn};
use crate::deals_table::DealsTable;
use crate::forecast_category::ForecastCategory;
use crate::ingest::{Dataset, DatasetKind};
use crate::stage::{StageRules, Status};
use crate::table::{Column, Table, TimestampColumn};

const STATUSES: [Status; 4] = [Status::Open, Status::Won, Status::Lost, Status::Unknown];

/// A per-row column of optional fieldless values as one byte a row (0 for none, else 1 + its
/// place in `all`): a million rows are one run, not a million small writes.
pub(super) fn put_codes<T: PartialEq>(w: &mut Writer<'_>, all: &[T], rows: impl Iterator<Item = Option<T>>) {
    let codes: Vec<u8> =
        rows.map(|v| v.and_then(|v| all.iter().position(|a| *a == v)).map_or(0, |i| i as u8 + 1)).collect();
    w.u8s(&codes);
}

/// Reads a column written by [`put_codes`].
pub(super) fn take_codes<T: Copy>(
    r: &mut Reader<'_>,
    all: &[T],
    what: &'static str,
) -> Result<Vec<Option<T>>, WireError> {
    r.u8s()?
        .into_iter()
        .map(|c| match c {
            0 => Ok(None),
            c => all.get(c as usize - 1).copied().map(Some).ok_or(WireError::Invalid(what)),
        })
        .collect()
}

/// The statuses of every row.
pub(super) fn put_statuses(w: &mut Writer<'_>, statuses: &[Status]) {
    put_codes(w, &STATUSES, statuses.iter().copied().map(Some));
}

pub(super) fn take_statuses(r: &mut Reader<'_>) -> Result<Vec<Status>, WireError> {
    // Checked, then mapped, each a plain pass over the bytes: a million rows are read back in
    // the page's thread, whose engine is built for size (a `Result` collected from an iterator
    // took 12 ns a row there).
    let bytes = r.u8s()?;
    if bytes.iter().any(|&c| c == 0 || usize::from(c) > STATUSES.len()) {
        return Err(WireError::Invalid("status"));
    }
    Ok(bytes.iter().map(|&c| STATUSES.get(usize::from(c) - 1).copied().unwrap_or(Status::Unknown)).collect())
}

/// Yes / no / missing per row.
pub(super) fn put_flags(w: &mut Writer<'_>, flags: &[Option<bool>]) {
    put_codes(w, &[false, true], flags.iter().copied());
}

pub(super) fn take_flags(r: &mut Reader<'_>) -> Result<Vec<Option<bool>>, WireError> {
    take_codes(r, &[false, true], "yes / no")
}

/// Optional numbers per row: which rows have one, then the numbers (0 where none).
pub(super) fn put_optional_numbers(w: &mut Writer<'_>, values: &[Option<f64>]) {
    put_flags(w, &values.iter().map(|v| v.map(|_| true)).collect::<Vec<_>>());
    w.f64s(&values.iter().map(|v| v.unwrap_or(0.0)).collect::<Vec<_>>());
}

pub(super) fn take_optional_numbers(r: &mut Reader<'_>) -> Result<Vec<Option<f64>>, WireError> {
    let present = take_flags(r)?;
    let values = r.f64s()?;
    if present.len() != values.len() {
        return Err(WireError::Invalid("numbers (counts differ)"));
    }
    Ok(present.into_iter().zip(values).map(|(p, v)| p.map(|_| v)).collect())
}

/// Writes an optional column with `put`, after a byte saying whether it is there.
fn put_optional<T>(w: &mut Writer<'_>, column: &Option<T>, put: fn(&mut Writer<'_>, &T)) {
    match column {
        None => w.u8(0),
        Some(c) => {
            w.u8(1);
            put(w, c);
        }
    }
}

fn take_optional<T>(
    r: &mut Reader<'_>,
    take: fn(&mut Reader<'_>) -> Result<T, WireError>,
) -> Result<Option<T>, WireError> {
    match r.u8()? {
        0 => Ok(None),
        1 => take(r).map(Some),
        _ => Err(WireError::Invalid("option")),
    }
}

impl Wire for DatasetKind {
    fn put(&self, w: &mut Writer<'_>) {
        put_tag(w, &DatasetKind::ALL, self);
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, WireError> {
        take_tag(r, &DatasetKind::ALL, "dataset")
    }
}

impl Wire for DateColumn {
    fn put(&self, w: &mut Writer<'_>) {
        w.i32s(&self.days);
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, WireError> {
        Ok(DateColumn { days: r.i32s()? })
    }
}

impl Wire for AmountColumn {
    fn put(&self, w: &mut Writer<'_>) {
        w.f64s(&self.values);
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, WireError> {
        Ok(AmountColumn { values: r.f64s()? })
    }
}

impl Wire for DictColumn {
    fn put(&self, w: &mut Writer<'_>) {
        // The values first: the reader checks each code against them as it reads it.
        self.values.put(w);
        w.codes(&self.codes, self.values.len());
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, WireError> {
        let values = Vec::<String>::take(r)?;
        let codes = r.codes(values.len())?;
        DictColumn::from_parts(codes, values).ok_or(WireError::Invalid("dictionary column"))
    }
}

impl Wire for TextColumn {
    fn put(&self, w: &mut Writer<'_>) {
        let (bytes, ends) = self.parts();
        w.str(bytes);
        w.u32s(ends);
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, WireError> {
        let bytes = r.string()?;
        let ends = r.u32s()?;
        TextColumn::from_parts(bytes, ends).ok_or(WireError::Invalid("text column"))
    }
}

impl Wire for StageRules {
    fn put(&self, w: &mut Writer<'_>) {
        put_statuses(w, &self.status_of);
        w.u32s(&self.open_order);
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, WireError> {
        Ok(StageRules { status_of: take_statuses(r)?, open_order: r.u32s()? })
    }
}

impl Wire for DealsTable {
    fn put(&self, w: &mut Writer<'_>) {
        self.deal_id.put(w);
        self.amount.put(w);
        self.stage.put(w);
        put_statuses(w, &self.status);
        self.created.put(w);
        self.close.put(w);
        self.dims.iter().for_each(|d| d.put(w));
        self.account.put(w);
        self.lost_stage.put(w);
        self.currency.put(w);
        put_optional(w, &self.probability, |w, p| put_optional_numbers(w, p));
        put_optional(w, &self.forecast_category, |w, f| put_codes(w, &ForecastCategory::ALL, f.iter().copied()));
        self.entered.put(w);
        self.stage_rules.put(w);
        self.status_from_column.put(w);
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, WireError> {
        let mut table = DealsTable::default();
        for column in 0..DEALS_STEPS {
            take_deals_step(r, &mut table, column)?;
        }
        whole_deals(table)
    }
}

/// Steps a deals table is read back in (see [`take_deals_step`]).
pub(super) const DEALS_STEPS: usize = 13;

/// Reads step `step` (below [`DEALS_STEPS`]) of a deals table written by its [`Wire::put`]
/// into `t`: one of its big columns each, then the rest. The page reads a big file's table in
/// more than one task (see [`super::ImportedReader`]).
pub(super) fn take_deals_step(r: &mut Reader<'_>, t: &mut DealsTable, step: usize) -> Result<(), WireError> {
    match step {
        0 => t.deal_id = TextColumn::take(r)?,
        1 => t.amount = AmountColumn::take(r)?,
        2 => t.stage = DictColumn::take(r)?,
        3 => t.status = take_statuses(r)?,
        4 => t.created = DateColumn::take(r)?,
        5 => t.close = DateColumn::take(r)?,
        6..=11 => {
            if let Some(dim) = t.dims.get_mut(step - 6) {
                *dim = Wire::take(r)?;
            }
        }
        _ => {
            t.account = Wire::take(r)?;
            t.lost_stage = Wire::take(r)?;
            t.currency = Wire::take(r)?;
            t.probability = take_optional(r, take_optional_numbers)?;
            t.forecast_category = take_optional(r, |r| take_codes(r, &ForecastCategory::ALL, "forecast category"))?;
            t.entered = Vec::take(r)?;
            t.stage_rules = StageRules::take(r)?;
            t.status_from_column = bool::take(r)?;
        }
    }
    Ok(())
}

/// A deals table read step by step, once every column has as many rows as the ids.
pub(super) fn whole_deals(table: DealsTable) -> Result<DealsTable, WireError> {
    let rows = table.deal_id.len();
    let same = |n: usize| n == rows;
    let all_rows = same(table.amount.values.len())
        && same(table.stage.len())
        && same(table.status.len())
        && same(table.created.days.len())
        && same(table.close.days.len())
        && table
            .dims
            .iter()
            .chain([&table.account, &table.lost_stage, &table.currency])
            .flatten()
            .all(|d| same(d.len()))
        && table.probability.as_ref().is_none_or(|p| same(p.len()))
        && table.forecast_category.as_ref().is_none_or(|f| same(f.len()))
        && table.entered.iter().all(|(_, c)| same(c.days.len()));
    if all_rows {
        Ok(table)
    } else {
        Err(WireError::Invalid("deals table (columns of different lengths)"))
    }
}

impl Wire for TimestampColumn {
    fn put(&self, w: &mut Writer<'_>) {
        self.days.put(w);
        w.i32s(&self.seconds);
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, WireError> {
        Ok(TimestampColumn { days: DateColumn::take(r)?, seconds: r.i32s()? })
    }
}

impl Wire for Column {
    fn put(&self, w: &mut Writer<'_>) {
        match self {
            Column::Id(c) => {
                w.u8(0);
                c.put(w);
            }
            Column::Category(c) => {
                w.u8(1);
                c.put(w);
            }
            Column::Date(c) => {
                w.u8(2);
                c.put(w);
            }
            Column::Timestamp(c) => {
                w.u8(3);
                c.put(w);
            }
            Column::Number(c) => {
                w.u8(4);
                c.put(w);
            }
            Column::Flag(c) => {
                w.u8(5);
                put_flags(w, c);
            }
        }
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, WireError> {
        Ok(match r.u8()? {
            0 => Column::Id(TextColumn::take(r)?),
            1 => Column::Category(DictColumn::take(r)?),
            2 => Column::Date(DateColumn::take(r)?),
            3 => Column::Timestamp(TimestampColumn::take(r)?),
            4 => Column::Number(AmountColumn::take(r)?),
            5 => Column::Flag(take_flags(r)?),
            _ => return Err(WireError::Invalid("column type")),
        })
    }
}

impl Wire for Table {
    fn put(&self, w: &mut Writer<'_>) {
        self.kind.put(w);
        w.size(self.len);
        w.size(self.columns.len());
        for (field, column) in &self.columns {
            statics::put(w, field);
            column.put(w);
        }
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, WireError> {
        let kind = DatasetKind::take(r)?;
        let len = r.size()?;
        let n = r.count(1)?;
        let mut columns = Vec::with_capacity(n);
        for _ in 0..n {
            columns.push((statics::take(r)?, Column::take(r)?));
        }
        let rows = |c: &Column| match c {
            Column::Id(c) => c.len(),
            Column::Category(c) => c.len(),
            Column::Date(c) => c.days.len(),
            // Both halves must have every row.
            Column::Timestamp(c) if c.days.days.len() == c.seconds.len() => c.seconds.len(),
            Column::Timestamp(_) => usize::MAX,
            Column::Number(c) => c.values.len(),
            Column::Flag(c) => c.len(),
        };
        if columns.iter().all(|(_, c)| rows(c) == len) {
            Ok(Table { kind, len, columns })
        } else {
            Err(WireError::Invalid("table (columns of different lengths)"))
        }
    }
}

/// The tag before a [`Dataset`]: a deals table, or another dataset's table.
pub(super) const DEALS: u8 = 0;
pub(super) const TABLE: u8 = 1;

impl Wire for Dataset {
    fn put(&self, w: &mut Writer<'_>) {
        match self {
            Dataset::Deals(d) => {
                w.u8(DEALS);
                d.put(w);
            }
            Dataset::Table(t) => {
                w.u8(TABLE);
                t.put(w);
            }
        }
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, WireError> {
        match r.u8()? {
            DEALS => DealsTable::take(r).map(Dataset::Deals),
            TABLE => Table::take(r).map(Dataset::Table),
            _ => Err(WireError::Invalid("dataset")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::written;

    #[test]
    fn statuses_read_back_and_unknown_codes_are_refused() {
        let all = [Status::Won, Status::Open, Status::Unknown, Status::Lost, Status::Won];
        let bytes = written(|w| put_statuses(w, &all));
        assert_eq!(take_statuses(&mut Reader::new(&mut &bytes[..])), Ok(all.to_vec()));
        // A row without a status (0) and a code past the last status are not statuses.
        for bad in [0u8, 5, 255] {
            let bytes = written(|w| w.u8s(&[1, bad, 2]));
            assert_eq!(take_statuses(&mut Reader::new(&mut &bytes[..])), Err(WireError::Invalid("status")));
        }
    }
}
