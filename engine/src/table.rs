//! A typed columnar table for the datasets other than deals (leads, activities, customers,
//! spend, quotas, forecasts): one typed column per canonical field the file has.

use crate::column::{AmountColumn, DateColumn, DictColumn, TextColumn};
use crate::day::Day;
use crate::ingest::DatasetKind;

/// How a canonical field is stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldType {
    /// An identifier: kept as text, one per row.
    Id,
    /// A repeated label (owner, source, type): dictionary-encoded.
    Category,
    /// A calendar date.
    Date,
    /// A month (`2024-03`) or a date, stored as a day.
    Month,
    /// A date with a time of day (lead created / first contact).
    Timestamp,
    /// A number (amounts, counts).
    Number,
    /// Yes / no.
    Flag,
}

impl FieldType {
    /// What the report calls a column of this type.
    pub fn describe(self) -> &'static str {
        match self {
            FieldType::Id => "identifier",
            FieldType::Category => "text",
            FieldType::Date => "date",
            FieldType::Month => "month or date",
            FieldType::Timestamp => "date and time",
            FieldType::Number => "number",
            FieldType::Flag => "yes / no",
        }
    }
}

/// Dates with a time of day: the written (local) date, for day-based KPIs, and the time in
/// seconds after midnight UTC of that date, so durations between two cells are exact.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TimestampColumn {
    /// The date as written.
    pub days: DateColumn,
    /// Seconds after midnight UTC of `days` (the written time with its zone applied).
    pub seconds: Vec<i32>,
}

impl TimestampColumn {
    /// Seconds since 1970-01-01 UTC of a row, or `None` when it has no date.
    pub fn epoch_seconds(&self, row: usize) -> Option<i64> {
        let day = self.days.get(row)?;
        Some(day.0 as i64 * 86_400 + *self.seconds.get(row)? as i64)
    }
}

/// One typed column.
#[derive(Clone, Debug, PartialEq)]
pub enum Column {
    /// Identifiers.
    Id(TextColumn),
    /// Dictionary-encoded labels.
    Category(DictColumn),
    /// Day numbers (dates and months).
    Date(DateColumn),
    /// Dates with times.
    Timestamp(TimestampColumn),
    /// Numbers, NaN for missing.
    Number(AmountColumn),
    /// Yes / no, `None` for missing.
    Flag(Vec<Option<bool>>),
}

impl Column {
    /// An empty column of type `ty`.
    pub fn new(ty: FieldType) -> Column {
        match ty {
            FieldType::Id => Column::Id(TextColumn::default()),
            FieldType::Category => Column::Category(DictColumn::default()),
            FieldType::Date | FieldType::Month => Column::Date(DateColumn::default()),
            FieldType::Timestamp => Column::Timestamp(TimestampColumn::default()),
            FieldType::Number => Column::Number(AmountColumn::default()),
            FieldType::Flag => Column::Flag(Vec::new()),
        }
    }

    /// Rows whose value is missing.
    pub fn missing(&self) -> usize {
        match self {
            Column::Id(c) => (0..c.len()).filter(|&i| c.get(i).is_empty()).count(),
            Column::Category(c) => c.missing(),
            Column::Date(c) => c.missing(),
            Column::Timestamp(c) => c.days.missing(),
            Column::Number(c) => c.values.iter().filter(|v| v.is_nan()).count(),
            Column::Flag(c) => c.iter().filter(|v| v.is_none()).count(),
        }
    }

    /// Appends every row of `other` (a column of the same type; others are padded as missing).
    fn append(&mut self, other: Column, rows: usize) {
        match (self, other) {
            (Column::Id(a), Column::Id(b)) => (0..b.len()).for_each(|i| a.push(b.get(i))),
            (Column::Category(a), Column::Category(b)) => (0..b.len()).for_each(|i| a.push(b.get(i))),
            (Column::Date(a), Column::Date(b)) => a.days.extend(b.days),
            (Column::Timestamp(a), Column::Timestamp(b)) => {
                a.days.days.extend(b.days.days);
                a.seconds.extend(b.seconds);
            }
            (Column::Number(a), Column::Number(b)) => a.values.extend(b.values),
            (Column::Flag(a), Column::Flag(b)) => a.extend(b),
            (this, _) => this.pad(rows),
        }
    }

    /// Appends `rows` missing values.
    fn pad(&mut self, rows: usize) {
        for _ in 0..rows {
            match self {
                Column::Id(c) => c.push(""),
                Column::Category(c) => c.push(None),
                Column::Date(c) => c.push(None),
                Column::Timestamp(c) => {
                    c.days.push(None);
                    c.seconds.push(0);
                }
                Column::Number(c) => c.push(None),
                Column::Flag(c) => c.push(None),
            }
        }
    }
}

/// A loaded dataset other than deals.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    /// Which dataset it is.
    pub kind: DatasetKind,
    /// Number of rows.
    pub len: usize,
    /// The canonical fields the file had, each with its column.
    pub columns: Vec<(&'static str, Column)>,
}

impl Table {
    /// An empty table of `kind` with no columns.
    pub fn new(kind: DatasetKind) -> Table {
        Table { kind, len: 0, columns: Vec::new() }
    }

    /// The column of a canonical field, if the file had it.
    pub fn column(&self, field: &str) -> Option<&Column> {
        self.columns.iter().find(|(f, _)| *f == field).map(|(_, c)| c)
    }

    /// The identifiers of `field`.
    pub fn ids(&self, field: &str) -> Option<&TextColumn> {
        match self.column(field)? {
            Column::Id(c) => Some(c),
            _ => None,
        }
    }

    /// The labels of `field`.
    pub fn category(&self, field: &str) -> Option<&DictColumn> {
        match self.column(field)? {
            Column::Category(c) => Some(c),
            _ => None,
        }
    }

    /// The dates of `field` (for a timestamp field: its written dates).
    pub fn dates(&self, field: &str) -> Option<&DateColumn> {
        match self.column(field)? {
            Column::Date(c) => Some(c),
            Column::Timestamp(c) => Some(&c.days),
            _ => None,
        }
    }

    /// The timestamps of `field`.
    pub fn timestamps(&self, field: &str) -> Option<&TimestampColumn> {
        match self.column(field)? {
            Column::Timestamp(c) => Some(c),
            _ => None,
        }
    }

    /// The numbers of `field`.
    pub fn numbers(&self, field: &str) -> Option<&AmountColumn> {
        match self.column(field)? {
            Column::Number(c) => Some(c),
            _ => None,
        }
    }

    /// The yes / no values of `field`.
    pub fn flags(&self, field: &str) -> Option<&[Option<bool>]> {
        match self.column(field)? {
            Column::Flag(c) => Some(c),
            _ => None,
        }
    }

    /// The latest date in any date column except end dates (`end_date`, `period_end`), which
    /// may be scheduled ahead.
    pub fn latest_day(&self) -> Option<Day> {
        self.columns
            .iter()
            .filter(|(f, _)| !f.ends_with("_end") && !f.starts_with("end_"))
            .filter_map(|(_, c)| match c {
                Column::Date(d) => d.max(),
                Column::Timestamp(t) => t.days.max(),
                _ => None,
            })
            .max()
    }

    /// The earliest date in any date column.
    pub fn earliest_day(&self) -> Option<Day> {
        self.columns
            .iter()
            .filter_map(|(_, c)| match c {
                Column::Date(d) => d.min(),
                Column::Timestamp(t) => t.days.min(),
                _ => None,
            })
            .min()
    }

    /// Appends the rows of `other` (the same dataset, perhaps from a file with other columns:
    /// a field only one of them has is missing in the other's rows).
    pub fn append(&mut self, other: Table) {
        let (before, added) = (self.len, other.len);
        let mut other_columns = other.columns;
        for (field, column) in self.columns.iter_mut() {
            match other_columns.iter().position(|(f, _)| f == field) {
                Some(i) => column.append(other_columns.swap_remove(i).1, added),
                None => column.pad(added),
            }
        }
        for (field, column) in other_columns {
            let mut padded = Column::new(column_type(&column));
            padded.pad(before);
            padded.append(column, added);
            self.columns.push((field, padded));
        }
        self.len = before + added;
    }
}

fn column_type(c: &Column) -> FieldType {
    match c {
        Column::Id(_) => FieldType::Id,
        Column::Category(_) => FieldType::Category,
        Column::Date(_) => FieldType::Date,
        Column::Timestamp(_) => FieldType::Timestamp,
        Column::Number(_) => FieldType::Number,
        Column::Flag(_) => FieldType::Flag,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(fields: &[(&'static str, FieldType)], rows: usize) -> Table {
        let mut t = Table::new(DatasetKind::Leads);
        for &(f, ty) in fields {
            let mut c = Column::new(ty);
            c.pad(rows);
            t.columns.push((f, c));
        }
        t.len = rows;
        t
    }

    #[test]
    fn appending_pads_fields_only_one_side_has() {
        let mut a = table(&[("lead_id", FieldType::Id), ("source", FieldType::Category)], 2);
        let mut b = table(&[("lead_id", FieldType::Id), ("created_at", FieldType::Timestamp)], 3);
        if let Some(Column::Timestamp(t)) = b.columns.iter_mut().find(|(f, _)| *f == "created_at").map(|(_, c)| c) {
            t.days.days[2] = 19_000;
        }
        a.append(b);
        assert_eq!(a.len, 5);
        for (field, c) in &a.columns {
            let n = match c {
                Column::Id(c) => c.len(),
                Column::Category(c) => c.len(),
                Column::Timestamp(c) => c.days.days.len(),
                _ => unreachable!(),
            };
            assert_eq!(n, 5, "{field}");
        }
        assert_eq!(a.dates("created_at").unwrap().get(4), Some(Day(19_000)));
        assert_eq!(a.dates("created_at").unwrap().missing(), 4);
        assert_eq!(a.category("source").unwrap().missing(), 5);
        assert_eq!(a.latest_day(), Some(Day(19_000)));
    }

    #[test]
    fn timestamps_add_their_seconds_to_the_day() {
        let mut t = TimestampColumn::default();
        t.days.push(Some(Day(1)));
        t.seconds.push(-3600);
        assert_eq!(t.epoch_seconds(0), Some(86_400 - 3600));
    }
}
