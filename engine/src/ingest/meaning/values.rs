//! What a sample of a column's cells says it holds: dates, amounts, yes/no, won / lost / open
//! words, ids (every value different) or names of people. Header words propose a column for a
//! field; these figures confirm it, or rule it out when the cells cannot be that field.

use super::super::dates::read_date;
use super::super::value::{is_empty_cell, parse_amount, parse_bool};
use super::reason::{CellKind, Evidence};
use crate::stage::Status;

/// Counts over the filled cells of a column's sample.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ColumnValues {
    /// Filled cells looked at.
    pub filled: usize,
    /// Cells that read as a date (or date-time).
    pub dates: usize,
    /// Cells that read as an amount.
    pub amounts: usize,
    /// Amounts written with a currency mark or grouping (`$1,200`, `1 200 zł`): money, not a count.
    pub money: usize,
    /// Cells that read as yes/no.
    pub flags: usize,
    /// Cells that read as won, lost or open.
    pub outcomes: usize,
    /// Cells that look like a person's name: two or three words, each starting upper-case (or
    /// two to four CJK characters).
    pub people: usize,
    /// Distinct filled values.
    pub distinct: usize,
}

/// What a field needs its cells to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expect {
    /// A deal id: values that do not repeat.
    Id,
    /// An amount.
    Amount,
    /// A date.
    Date,
    /// Yes/no.
    Flag,
    /// Won / lost / open words.
    Outcome,
    /// A person.
    Person,
    /// Anything else: a few repeating words.
    Text,
}

/// How the cells bear on a proposed column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// The cells are what the field needs: a bonus, and what they showed.
    Fits(u32, Evidence),
    /// Nothing either way.
    Neutral,
    /// The cells cannot be the field.
    Contradicts(Evidence),
}

fn looks_like_person(cell: &str) -> bool {
    let cjk: Vec<char> = cell.chars().filter(|c| !c.is_whitespace()).collect();
    if !cjk.is_empty() && cjk.iter().all(|&c| super::normalise::is_cjk(c)) {
        return (2..=4).contains(&cjk.len());
    }
    let parts: Vec<&str> = cell.split_whitespace().collect();
    (2..=3).contains(&parts.len())
        && parts.iter().all(|p| {
            let mut chars = p.chars();
            chars.next().is_some_and(char::is_uppercase)
                && chars.all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '.')
        })
}

impl ColumnValues {
    /// Profiles the cells of one column. Each distinct value is read once and counted as often
    /// as it comes: a stage, owner or region column repeats a few values, and reading a cell as
    /// a date, an amount, yes / no, an outcome and a name is most of a preview's work.
    pub fn of<'a>(cells: impl IntoIterator<Item = &'a str>) -> ColumnValues {
        let mut times: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        for cell in cells {
            if !is_empty_cell(cell) {
                *times.entry(cell.trim()).or_default() += 1;
            }
        }
        let mut v = ColumnValues { distinct: times.len(), ..ColumnValues::default() };
        for (cell, n) in times {
            v.filled += n;
            v.dates += n * read_date(cell).is_some() as usize;
            if parse_amount(cell).is_some() {
                v.amounts += n;
                v.money += n * cell.chars().any(|c| !(c.is_ascii_digit() || c == '.' || c == '-')) as usize;
            }
            v.flags += n * parse_bool(cell).is_some() as usize;
            v.outcomes += n * Status::parse(cell).is_some() as usize;
            v.people += n * looks_like_person(cell) as usize;
        }
        v
    }

    /// Whether `n` of the filled cells is most of them (at least 90 %).
    fn most(&self, n: usize) -> bool {
        self.filled > 0 && n * 10 >= self.filled * 9
    }

    /// Whether under half of the filled cells are `n`.
    fn few(&self, n: usize) -> bool {
        n * 2 < self.filled
    }

    /// How these cells bear on a field that needs `expect`.
    pub fn verdict(&self, expect: Expect) -> Verdict {
        let f = self.filled;
        if f < 3 {
            return Verdict::Neutral;
        }
        let share = |n: usize, what: CellKind| Evidence::Share { n, of: f, what, money: 0 };
        match expect {
            Expect::Date if self.most(self.dates) => Verdict::Fits(20, share(self.dates, CellKind::Dates)),
            Expect::Date if self.few(self.dates) => Verdict::Contradicts(share(self.dates, CellKind::Dates)),
            Expect::Amount if self.most(self.amounts) && self.most(self.dates) => {
                Verdict::Contradicts(share(self.dates, CellKind::Dates))
            }
            Expect::Amount if self.most(self.amounts) => Verdict::Fits(
                20,
                Evidence::Share { n: self.amounts, of: f, what: CellKind::Amounts, money: self.money },
            ),
            Expect::Amount if self.few(self.amounts) => Verdict::Contradicts(share(self.amounts, CellKind::Amounts)),
            Expect::Flag if self.most(self.flags) => Verdict::Fits(20, share(self.flags, CellKind::YesNo)),
            Expect::Flag if self.few(self.flags) => Verdict::Contradicts(share(self.flags, CellKind::YesNo)),
            Expect::Outcome if self.most(self.outcomes) => Verdict::Fits(20, share(self.outcomes, CellKind::Outcomes)),
            Expect::Outcome if !self.most(self.outcomes) => {
                Verdict::Contradicts(share(self.outcomes, CellKind::Outcomes))
            }
            Expect::Id if self.most(self.dates) => Verdict::Contradicts(share(self.dates, CellKind::Dates)),
            Expect::Id if self.distinct == f => Verdict::Fits(10, Evidence::AllDiffer { of: f }),
            Expect::Person if self.most(self.people) => Verdict::Fits(15, Evidence::People { distinct: self.distinct }),
            Expect::Person | Expect::Text if self.most(self.dates) => {
                Verdict::Contradicts(share(self.dates, CellKind::Dates))
            }
            Expect::Person | Expect::Text if self.most(self.amounts) && self.distinct * 2 > f => {
                Verdict::Contradicts(share(self.amounts, CellKind::Numbers))
            }
            _ => Verdict::Neutral,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn verdict(cells: &[&str], expect: Expect) -> Verdict {
        ColumnValues::of(cells.iter().copied()).verdict(expect)
    }

    #[test]
    fn cells_confirm_or_rule_out_a_field() {
        let dates = ["2024-01-02", "03/04/2024", "15 Apr, 2021 00:02:00", ""];
        let money = ["$1,200", "1 200 zł", "300", "N/A"];
        let people = ["Anna Kowalska", "Li Wei", "王芳", "Jean-Luc Picard"];
        let outcome = ["Won", "Lost", "Open", "gewonnen"];
        let flags = ["true", "false", "yes", "0"];
        let ids = ["D-1", "D-2", "D-3", "D-4"];
        let cases: &[(&[&str], Expect, bool, bool)] = &[
            (&dates, Expect::Date, true, false),
            (&money, Expect::Date, false, true),
            (&money, Expect::Amount, true, false),
            (&dates, Expect::Amount, false, true),
            (&people, Expect::Amount, false, true),
            (&people, Expect::Person, true, false),
            (&dates, Expect::Person, false, true),
            (&outcome, Expect::Outcome, true, false),
            (&dates, Expect::Outcome, false, true),
            (&["active", "active", "won", "lost", "active"], Expect::Outcome, false, true),
            (&["active", "won", "won", "lost", "lost", "won", "lost"], Expect::Outcome, false, true),
            (&flags, Expect::Flag, true, false),
            (&people, Expect::Flag, false, true),
            (&ids, Expect::Id, true, false),
            (&dates, Expect::Id, false, true),
        ];
        for (cells, expect, fits, contradicts) in cases {
            let v = verdict(cells, *expect);
            assert_eq!(matches!(v, Verdict::Fits(..)), *fits, "{cells:?} as {expect:?}: {v:?}");
            assert_eq!(matches!(v, Verdict::Contradicts(_)), *contradicts, "{cells:?} as {expect:?}: {v:?}");
        }
    }

    #[test]
    fn too_few_cells_say_nothing() {
        assert_eq!(verdict(&["x", ""], Expect::Date), Verdict::Neutral);
    }

    #[test]
    fn the_reason_counts_what_it_saw() {
        let v = verdict(&["Ann Lee", "Bo Chen", "Ann Lee", "Cy Diaz"], Expect::Person);
        assert_eq!(v, Verdict::Fits(15, Evidence::People { distinct: 3 }));
        if let Verdict::Fits(_, e) = v {
            assert_eq!(e.to_string(), "3 distinct person-like values");
        }
    }

    /// Every cell read on its own, as before values were read once each.
    fn cell_by_cell(cells: &[&str]) -> ColumnValues {
        let mut v = ColumnValues::default();
        let mut seen = std::collections::HashSet::new();
        for cell in cells.iter().filter(|c| !is_empty_cell(c)).map(|c| c.trim()) {
            v.filled += 1;
            v.dates += read_date(cell).is_some() as usize;
            if parse_amount(cell).is_some() {
                v.amounts += 1;
                v.money += cell.chars().any(|c| !(c.is_ascii_digit() || c == '.' || c == '-')) as usize;
            }
            v.flags += parse_bool(cell).is_some() as usize;
            v.outcomes += Status::parse(cell).is_some() as usize;
            v.people += looks_like_person(cell) as usize;
            seen.insert(cell);
        }
        v.distinct = seen.len();
        v
    }

    proptest::proptest! {
        #[test]
        fn reading_each_value_once_counts_as_reading_every_cell(
            picks in proptest::collection::vec(0usize..16, 0..60),
        ) {
            const POOL: [&str; 16] = [
                "Won", " Won ", "Closed Lost", "", "  ", "N/A", "2024-01-02", "03/04/2024", "$1,200",
                "1 200 zł", "42", "yes", "Ann Lee", "王小明", "Prospecting", "-7.5",
            ];
            let cells: Vec<&str> = picks.iter().map(|&i| POOL[i]).collect();
            proptest::prop_assert_eq!(ColumnValues::of(cells.iter().copied()), cell_by_cell(&cells));
        }
    }
}
