//! Typed columns: dates as day numbers, amounts as `f64`, strings dictionary-encoded.

use crate::day::Day;
use std::collections::HashMap;

/// The raw value a [`DateColumn`] stores for a missing date. It sorts below every real day,
/// so a range test `from <= d && d <= to` never matches it.
pub const NO_DAY: i32 = i32::MIN;

/// A column of optional dates stored as day numbers ([`NO_DAY`] when missing).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DateColumn {
    /// Day numbers, one per row.
    pub days: Vec<i32>,
}

impl DateColumn {
    /// Appends a row.
    pub fn push(&mut self, day: Option<Day>) {
        self.days.push(day.map_or(NO_DAY, |d| d.0));
    }

    /// The date of row `row`, if present.
    pub fn get(&self, row: usize) -> Option<Day> {
        self.days.get(row).copied().filter(|&d| d != NO_DAY).map(Day)
    }

    /// The latest date in the column.
    pub fn max(&self) -> Option<Day> {
        self.days.iter().copied().filter(|&d| d != NO_DAY).max().map(Day)
    }

    /// The earliest date in the column, if any.
    pub fn min(&self) -> Option<Day> {
        self.days.iter().copied().filter(|&d| d != NO_DAY).min().map(Day)
    }

    /// Number of rows with no date.
    pub fn missing(&self) -> usize {
        self.days.iter().filter(|&&d| d == NO_DAY).count()
    }
}

/// A deal's amount as seen in one currency.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Amount {
    /// The amount, in the chosen currency.
    Value(f64),
    /// No amount in the file.
    Missing,
    /// In another currency (or none, where the file has several): never added to the chosen one.
    OtherCurrency,
}

/// A column of optional amounts; a missing amount is stored as NaN and never leaves the engine
/// as a number.
#[derive(Clone, Debug, Default)]
pub struct AmountColumn {
    /// Values, one per row (NaN when missing).
    pub values: Vec<f64>,
}

/// Two missing amounts are equal (NaN is not equal to itself, a missing cell is).
impl PartialEq for AmountColumn {
    fn eq(&self, other: &Self) -> bool {
        self.values.len() == other.values.len()
            && self.values.iter().zip(&other.values).all(|(a, b)| a == b || (a.is_nan() && b.is_nan()))
    }
}

impl AmountColumn {
    /// Appends a row.
    pub fn push(&mut self, value: Option<f64>) {
        self.values.push(value.filter(|v| v.is_finite()).unwrap_or(f64::NAN));
    }

    /// The amount of row `row`, if present.
    pub fn get(&self, row: usize) -> Option<f64> {
        self.values.get(row).copied().filter(|v| !v.is_nan())
    }
}

/// The code a [`DictColumn`] stores for a missing value.
pub const NO_CODE: u32 = u32::MAX;

/// A dictionary-encoded string column: each row holds a code into `values`.
#[derive(Clone, Debug, Default)]
pub struct DictColumn {
    /// One code per row ([`NO_CODE`] when missing).
    pub codes: Vec<u32>,
    /// The distinct values, in order of first appearance.
    pub values: Vec<String>,
    index: HashMap<String, u32>,
}

impl PartialEq for DictColumn {
    fn eq(&self, other: &Self) -> bool {
        self.codes == other.codes && self.values == other.values
    }
}

impl DictColumn {
    /// Appends a row; empty text is stored as missing.
    pub fn push(&mut self, value: Option<&str>) {
        let code = match value {
            Some(v) if !v.is_empty() => self.intern(v),
            _ => NO_CODE,
        };
        self.codes.push(code);
    }

    /// The code of `value`, adding it to the dictionary if it is new.
    pub fn intern(&mut self, value: &str) -> u32 {
        if let Some(&code) = self.index.get(value) {
            return code;
        }
        let code = self.values.len() as u32;
        self.values.push(value.to_owned());
        self.index.insert(value.to_owned(), code);
        code
    }

    /// The code of `value`, if it occurs in the column.
    pub fn code_of(&self, value: &str) -> Option<u32> {
        self.index.get(value).copied()
    }

    /// The text of row `row`, if present.
    pub fn get(&self, row: usize) -> Option<&str> {
        let code = *self.codes.get(row)?;
        self.values.get(code as usize).map(String::as_str)
    }

    /// The text for a code.
    pub fn value(&self, code: u32) -> Option<&str> {
        self.values.get(code as usize).map(String::as_str)
    }

    /// Makes values with the same `key` one value: the first spelling stays and every row of
    /// the others takes its code ("Closed Won", "closed-won" and "CLOSED WON" are one stage).
    /// Codes stay in order of first appearance.
    pub fn merge_variants(&mut self, key: impl Fn(&str) -> String) {
        let mut first: HashMap<String, u32> = HashMap::new();
        let mut recode = Vec::with_capacity(self.values.len());
        let mut kept = Vec::new();
        for value in &self.values {
            let code = *first.entry(key(value)).or_insert_with(|| {
                kept.push(value.clone());
                kept.len() as u32 - 1
            });
            recode.push(code);
        }
        if kept.len() == self.values.len() {
            return;
        }
        for c in self.codes.iter_mut().filter(|c| **c != NO_CODE) {
            *c = recode.get(*c as usize).copied().unwrap_or(NO_CODE);
        }
        self.index = kept.iter().enumerate().map(|(i, v)| (v.clone(), i as u32)).collect();
        self.values = kept;
    }

    /// The column with `codes` into `values`, as [`crate::wire`] reads it: each code names one
    /// of the values or is [`NO_CODE`] (the wire's reader checks each as it reads it). `None`
    /// when a value repeats.
    pub(crate) fn from_parts(codes: Vec<u32>, values: Vec<String>) -> Option<DictColumn> {
        let index: HashMap<String, u32> = values.iter().enumerate().map(|(i, v)| (v.clone(), i as u32)).collect();
        if index.len() != values.len() {
            return None;
        }
        Some(DictColumn { codes, values, index })
    }

    /// Appends every row of `other`, re-coding its values into this dictionary.
    pub fn append(&mut self, other: &DictColumn) {
        let recode: Vec<u32> = other.values.iter().map(|v| self.intern(v)).collect();
        self.codes.extend(other.codes.iter().map(|&c| recode.get(c as usize).copied().unwrap_or(NO_CODE)));
    }

    /// The values some row holds, in dictionary order. A dictionary's values are mostly all in
    /// use, so the rows are read only until each value has been seen.
    pub fn used_values(&self) -> impl Iterator<Item = &String> {
        let mut used = vec![false; self.values.len()];
        let mut unseen = used.len();
        for &code in &self.codes {
            if unseen == 0 {
                break;
            }
            if let Some(u) = used.get_mut(code as usize).filter(|u| !**u) {
                *u = true;
                unseen -= 1;
            }
        }
        self.values.iter().zip(used).filter(|(_, u)| *u).map(|(v, _)| v)
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        self.codes.len()
    }

    /// Whether the column has no rows.
    pub fn is_empty(&self) -> bool {
        self.codes.is_empty()
    }

    /// Number of rows with no value.
    pub fn missing(&self) -> usize {
        self.codes.iter().filter(|&&c| c == NO_CODE).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn used_values_leave_out_values_no_row_holds() {
        let mut c = DictColumn::default();
        for v in ["a", "b", "c", "a"] {
            c.push(Some(v));
        }
        assert_eq!(c.used_values().collect::<Vec<_>>(), ["a", "b", "c"]);
        // Rows that no longer hold "b" (as after rows were taken out), and a missing value.
        c.codes = vec![0, 2, NO_CODE, 2, 0];
        assert_eq!(c.used_values().collect::<Vec<_>>(), ["a", "c"]);
        c.codes.clear();
        assert_eq!(c.used_values().count(), 0);
    }

    #[test]
    fn dictionary_encodes_repeated_values() {
        let mut c = DictColumn::default();
        for v in [Some("Won"), Some("Lost"), Some("Won"), None, Some("")] {
            c.push(v);
        }
        assert_eq!(c.values, ["Won", "Lost"]);
        assert_eq!(c.codes, [0, 1, 0, NO_CODE, NO_CODE]);
        assert_eq!(c.get(2), Some("Won"));
        assert_eq!(c.get(3), None);
        assert_eq!(c.missing(), 2);
    }

    #[test]
    fn missing_dates_and_amounts_read_back_as_none() {
        let mut d = DateColumn::default();
        d.push(Day::from_ymd(2020, 1, 1));
        d.push(None);
        assert_eq!(d.get(0), Day::from_ymd(2020, 1, 1));
        assert_eq!(d.get(1), None);
        assert_eq!(d.max(), Day::from_ymd(2020, 1, 1));
        let mut a = AmountColumn::default();
        a.push(Some(1.5));
        a.push(None);
        a.push(Some(f64::INFINITY));
        assert_eq!((a.get(0), a.get(1), a.get(2)), (Some(1.5), None, None));
        assert_eq!(a, a.clone(), "missing amounts compare equal");
    }
}

/// A column of distinct-ish strings (ids) packed into one buffer: no allocation per row.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TextColumn {
    bytes: String,
    ends: Vec<u32>,
}

impl TextColumn {
    /// Appends a row.
    pub fn push(&mut self, value: &str) {
        self.bytes.push_str(value);
        self.ends.push(self.bytes.len() as u32);
    }

    /// The text of row `row` (empty when out of range).
    pub fn get(&self, row: usize) -> &str {
        let Some(&end) = self.ends.get(row) else { return "" };
        let start = if row == 0 { 0 } else { self.ends[row - 1] };
        &self.bytes[start as usize..end as usize]
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// The packed text and the end offset of each row in it (for [`crate::wire`]).
    pub fn parts(&self) -> (&str, &[u32]) {
        (&self.bytes, &self.ends)
    }

    /// The column whose rows end at `ends` in `bytes`; `None` when an offset goes back, past
    /// the text or into a character.
    pub fn from_parts(bytes: String, ends: Vec<u32>) -> Option<TextColumn> {
        let mut start = 0;
        for &end in &ends {
            let end = end as usize;
            if end < start || !bytes.is_char_boundary(end) {
                return None;
            }
            start = end;
        }
        Some(TextColumn { bytes, ends })
    }

    /// Appends every row of `other`.
    pub fn append(&mut self, other: &TextColumn) {
        let shift = self.bytes.len() as u32;
        self.bytes.push_str(&other.bytes);
        // Offsets past 4 GiB wrap as `push` truncates them.
        self.ends.extend(other.ends.iter().map(|&e| e.wrapping_add(shift)));
    }
    /// Whether the column has no rows.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }
}
