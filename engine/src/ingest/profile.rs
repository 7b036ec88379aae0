//! What each column of a file holds: its detected type and how many cells are empty, for the
//! data-quality report. Every column is profiled, mapped or not.

use super::dates::read_month;
use super::value::{is_empty_cell, parse_amount, parse_bool};
use serde::Serialize;

/// Non-empty cells per column whose type is tested; empty cells are counted in every row.
const SAMPLE: usize = 500;

/// What a profiled column can hold, as [`ColumnProfile::detected`] says it.
pub(crate) const DETECTED: [&str; 5] = ["empty", "date", "yes / no", "number", "text"];

/// A file column as the report describes it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ColumnProfile {
    /// Header in the file.
    pub header: String,
    /// What the column holds: `number`, `date`, `yes / no`, `text` or `empty`.
    pub detected: &'static str,
    /// Cells that are empty or a placeholder (`null`, `N/A`, ...).
    pub empty: usize,
}

#[derive(Clone, Default)]
pub(crate) struct Tally {
    pub(crate) empty: usize,
    pub(crate) sampled: usize,
    pub(crate) numbers: usize,
    pub(crate) dates: usize,
    pub(crate) flags: usize,
    /// What each tested cell was, in order (see [`Tally::note`]): a file read as two halves
    /// tests the second half's first cells only while the first half left room.
    pub(crate) tested: Vec<u8>,
}

/// A tested cell's kinds as bits of [`Tally::tested`].
const NUMBER: u8 = 1;
const DATE: u8 = 2;
const FLAG: u8 = 4;

impl Tally {
    /// Counts a tested cell of the kinds `bits` says.
    fn note(&mut self, bits: u8) {
        self.sampled += 1;
        self.numbers += usize::from(bits & NUMBER != 0);
        self.dates += usize::from(bits & DATE != 0);
        self.flags += usize::from(bits & FLAG != 0);
        self.tested.push(bits);
    }
}

/// Profiles columns row by row.
#[derive(Default)]
pub struct Profiler {
    pub(crate) columns: Vec<Tally>,
}

impl Profiler {
    /// A profiler for `columns` columns.
    pub fn new(columns: usize) -> Profiler {
        Profiler { columns: vec![Tally::default(); columns] }
    }

    /// Counts one row's cells (cells beyond the header's columns are ignored).
    pub fn observe<'r>(&mut self, cells: impl IntoIterator<Item = &'r str>) {
        for (tally, cell) in self.columns.iter_mut().zip(cells) {
            if is_empty_cell(cell) {
                tally.empty += 1;
            } else if tally.sampled < SAMPLE {
                let cell = cell.trim();
                let bits = (u8::from(parse_amount(cell).is_some()) * NUMBER)
                    | (u8::from(read_month(cell).is_some()) * DATE)
                    | (u8::from(parse_bool(cell).is_some()) * FLAG);
                tally.note(bits);
            }
        }
    }

    /// Adds the rows `other` observed after this one's (the rest of a file read as two
    /// halves): as if this one had observed them.
    pub(crate) fn append(&mut self, other: Profiler) {
        for (mine, theirs) in self.columns.iter_mut().zip(other.columns) {
            mine.empty += theirs.empty;
            for bits in theirs.tested.into_iter().take(SAMPLE.saturating_sub(mine.sampled)) {
                mine.note(bits);
            }
        }
    }

    /// The profiles, one per header.
    pub fn finish(self, headers: &[String]) -> Vec<ColumnProfile> {
        headers
            .iter()
            .zip(self.columns)
            .map(|(header, t)| {
                // A type wins when at least 95 % of the tested cells have it; yes / no only
                // when the cells are not just 0 and 1 numbers... unless they are all 0 / 1.
                let most = |n: usize| t.sampled > 0 && n * 100 >= t.sampled * 95;
                let detected = DETECTED[if t.sampled == 0 {
                    0
                } else if most(t.dates) && t.dates >= t.numbers {
                    1
                } else if most(t.flags) && !most(t.numbers) {
                    2
                } else if most(t.numbers) {
                    3
                } else {
                    4
                }];
                ColumnProfile { header: header.clone(), detected, empty: t.empty }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_each_type_and_counts_empty_cells() {
        let headers: Vec<String> = ["id", "amount", "date", "flag", "note", "blank"].map(String::from).to_vec();
        let mut p = Profiler::new(headers.len());
        for row in [
            ["A1", "1,200.50", "2024-01-02", "yes", "hello", ""],
            ["A2", "$300", "03/04/2024", "no", "N/A", "null"],
            ["A3", "", "2024-05", "ja", "x", " "],
        ] {
            p.observe(row);
        }
        let got: Vec<(&str, usize)> = p.finish(&headers).iter().map(|c| (c.detected, c.empty)).collect();
        assert_eq!(got, [("text", 0), ("number", 1), ("date", 0), ("yes / no", 0), ("text", 1), ("empty", 3)]);
    }
}
