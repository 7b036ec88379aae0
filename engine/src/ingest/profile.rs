//! What each column of a file holds: its detected type and how many cells are empty, for the
//! data-quality report. Every column is profiled, mapped or not.

use super::dates::read_month;
use super::fields::Fields;
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

/// What a filled cell reads as, as bits of [`Tally::tested`].
fn kinds(cell: &str) -> u8 {
    let cell = cell.trim();
    (u8::from(parse_amount(cell).is_some()) * NUMBER)
        | (u8::from(read_month(cell).is_some()) * DATE)
        | (u8::from(parse_bool(cell).is_some()) * FLAG)
}

/// Whether a cell's bytes make it filled for [`is_empty_cell`] without a look at its text:
/// more than four bytes (every placeholder is at most four) whose first and last are printable
/// ASCII (never trimmed). `false` says nothing.
#[inline]
fn plainly_filled(bytes: &[u8]) -> bool {
    let printable = |b: Option<&u8>| b.is_some_and(|&b| b > b' ' && b < 0x7f);
    bytes.len() > 4 && printable(bytes.first()) && printable(bytes.last())
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
                tally.note(kinds(cell));
            }
        }
    }

    /// [`Profiler::observe`] for a record as the splitter left it: a cell whose bytes say it
    /// is filled (more than four of them, the first and the last printable ASCII, so no
    /// placeholder and nothing to trim) in a column whose types are already sampled needs
    /// nothing more, and is not sliced out of the text as a string. Profiling every cell that
    /// way cost an eighth of a large file's parse.
    pub(crate) fn observe_record(&mut self, record: Fields<'_>) {
        for (column, (tally, bytes)) in self.columns.iter_mut().zip(record.bytes()).enumerate() {
            if tally.sampled >= SAMPLE && plainly_filled(bytes) {
                continue;
            }
            let cell = record.get(column).unwrap_or_default();
            if is_empty_cell(cell) {
                tally.empty += 1;
            } else if tally.sampled < SAMPLE {
                tally.note(kinds(cell));
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

    #[test]
    fn plainly_filled_cells_are_never_empty() {
        // (cell, plainly filled)
        let cases = [
            ("Marco Novak", true),
            ("2024-07-25", true),
            ("#N/A!", true),
            ("N/A", false),
            ("null", false),
            ("12345", true),
            (" 12345", false),
            ("12345 ", false),
            ("ÉMILE", false),
            ("Zoë K", true),
            ("", false),
        ];
        for (cell, want) in cases {
            assert_eq!(plainly_filled(cell.as_bytes()), want, "{cell:?}");
            if want {
                assert!(!is_empty_cell(cell), "{cell:?}");
            }
        }
    }

    proptest::proptest! {
        /// A record profiled from its bytes counts and samples what its cells profiled one by
        /// one do, past the sample too.
        #[test]
        fn records_profile_as_their_cells(
            rows in proptest::collection::vec(
                proptest::collection::vec(proptest::sample::select(vec![
                    "", " ", "null", "N/A", "NaN", "-", "n/a ", "12", "12345", " 12345", "2024-01-02", "yes", "Marco Novak",
                    "Zoë", "\u{a0}x\u{a0}", "#N/A", "1,200.50",
                ]), 3),
                0..700,
            ),
        ) {
            let (mut by_cells, mut by_record) = (Profiler::new(3), Profiler::new(3));
            for row in &rows {
                by_cells.observe(row.iter().copied());
                let record = super::super::fields::OwnedRecord::from_cells(row);
                by_record.observe_record(record.fields());
            }
            for (a, b) in by_cells.columns.iter().zip(&by_record.columns) {
                proptest::prop_assert_eq!((a.empty, a.sampled, &a.tested), (b.empty, b.sampled, &b.tested));
            }
        }
    }
}
