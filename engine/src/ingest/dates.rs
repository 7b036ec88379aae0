//! Dates in the forms real exports use, with day-first vs month-first decided per column.
//!
//! A cell is read into [`DateCandidates`]: its day read month-first and read day-first. For
//! ISO, `YYYYMMDD` and month-name dates both are the same; for `03/04/2024` they differ, and
//! [`DateColumnBuilder`] settles the order from the whole column (any first part above 12
//! means day-first, any second part above 12 month-first).

use crate::column::{DateColumn, NO_DAY};
use crate::day::Day;

/// Month names and abbreviations in English, German and Polish (nominative and genitive).
const MONTH_NAMES: [&[&str]; 12] = [
    &["jan", "january", "januar", "jän", "jänner", "sty", "styczeń", "stycznia"],
    &["feb", "february", "februar", "lut", "luty", "lutego"],
    &["mar", "march", "mär", "märz", "maerz", "marzec", "marca"],
    &["apr", "april", "kwi", "kwiecień", "kwietnia"],
    &["may", "mai", "maj", "maja"],
    &["jun", "june", "juni", "cze", "czerwiec", "czerwca"],
    &["jul", "july", "juli", "lip", "lipiec", "lipca"],
    &["aug", "august", "sie", "sierpień", "sierpnia"],
    &["sep", "sept", "september", "wrz", "wrzesień", "września"],
    &["oct", "october", "okt", "oktober", "paź", "październik", "października"],
    &["nov", "november", "lis", "listopad", "listopada"],
    &["dec", "december", "dez", "dezember", "gru", "grudzień", "grudnia"],
];

fn month_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    MONTH_NAMES.iter().position(|names| names.contains(&w.as_str())).map(|i| i as u32 + 1)
}

/// Which part comes first in an all-numeric date such as `03/04/2024`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateOrder {
    /// `MM/DD/YYYY` (US).
    MonthFirst,
    /// `DD/MM/YYYY`, `DD.MM.YYYY` (most of Europe).
    DayFirst,
}

/// A cell read both ways.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateCandidates {
    /// The date read month-first.
    pub month_first: Option<Day>,
    /// The date read day-first.
    pub day_first: Option<Day>,
    /// The separator of an all-numeric date whose order is open (`/`, `.`, `-`), if any.
    pub open_order: Option<char>,
}

impl DateCandidates {
    /// A date that reads the same in either order.
    pub fn same(day: Option<Day>) -> DateCandidates {
        DateCandidates { month_first: day, day_first: day, open_order: None }
    }

    /// The date under `order`.
    pub fn get(&self, order: DateOrder) -> Option<Day> {
        match order {
            DateOrder::MonthFirst => self.month_first,
            DateOrder::DayFirst => self.day_first,
        }
    }
}

/// Two-digit years: 00–69 are 2000–2069, 70–99 are 1970–1999.
fn full_year(y: u32, digits: usize) -> i32 {
    match digits {
        2 if y < 70 => 2000 + y as i32,
        2 => 1900 + y as i32,
        _ => y as i32,
    }
}

/// Splits a cell into its date and its time part: `2024-03-01T10:00Z`, `03/01/2024 10:00`,
/// `1.3.2024 10:00:00`. The time part is `None` when there is none.
fn split_time(cell: &str) -> (&str, Option<&str>) {
    let t = cell.trim();
    if let Some(i) = t.find('T').filter(|&i| i >= 8 && t[..i].bytes().all(|b| b.is_ascii_digit() || b == b'-')) {
        return (&t[..i], Some(&t[i + 1..]));
    }
    // A space followed by hh:mm.
    let bytes = t.as_bytes();
    for (i, _) in t.match_indices(' ') {
        let rest = &bytes[i + 1..];
        if rest.len() >= 4
            && rest[0].is_ascii_digit()
            && (rest[1] == b':' || (rest[1].is_ascii_digit() && rest[2] == b':'))
        {
            return (&t[..i], Some(&t[i + 1..]));
        }
    }
    (t, None)
}

fn date_part(cell: &str) -> &str {
    split_time(cell).0
}

/// The time of a date-time cell as seconds after midnight UTC of its written date, with its
/// zone applied (`2024-03-01T10:15+02:00` → 8:15 → 29,700; may be negative or past 86,400).
/// A cell without a time reads as midnight; `None` when the time part cannot be read.
///
/// Supported: `hh:mm`, `hh:mm:ss`, fractions of a second, `AM` / `PM`, and a zone `Z`, `UTC`,
/// `GMT`, `+02:00`, `+0200` or `-05`.
///
/// ```
/// use pipelens_engine::ingest::read_time;
/// assert_eq!(read_time("2024-03-01T10:15:30+02:00"), Some(8 * 3600 + 15 * 60 + 30));
/// assert_eq!(read_time("03/01/2024 2:05 PM"), Some(14 * 3600 + 5 * 60));
/// assert_eq!(read_time("2024-03-01"), Some(0));
/// assert_eq!(read_time("2024-03-01 25:99"), None);
/// assert_eq!(read_time("2024-03-01 10:00 €"), None);
/// ```
pub fn read_time(cell: &str) -> Option<i32> {
    let Some(time) = split_time(cell).1 else { return Some(0) };
    let bytes = time.as_bytes();
    let mut i = 0;
    // Up to two digits from `i` on.
    let two_digits = |i: &mut usize| -> Option<i32> {
        let start = *i;
        while *i < bytes.len() && *i - start < 2 && bytes[*i].is_ascii_digit() {
            *i += 1;
        }
        time[start..*i].parse().ok()
    };
    let mut parts = [two_digits(&mut i)?, 0, 0];
    for part in parts.iter_mut().skip(1) {
        if bytes.get(i) != Some(&b':') {
            break;
        }
        i += 1;
        *part = two_digits(&mut i)?;
    }
    if bytes.get(i) == Some(&b'.') || bytes.get(i) == Some(&b',') {
        i += 1;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
    }
    let mut rest = time[i..].trim_start();
    let [mut hour, minute, second] = parts;
    for (mark, shift) in [("am", 0), ("pm", 12)] {
        if rest.get(..2).is_some_and(|r| r.eq_ignore_ascii_case(mark)) {
            if !(1..=12).contains(&hour) {
                return None;
            }
            hour = hour % 12 + shift;
            rest = rest[2..].trim_start();
        }
    }
    if hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let local = hour * 3600 + minute * 60 + second;
    Some(local - zone_offset(rest)?)
}

/// Seconds east of UTC of a zone suffix (`Z`, `UTC`, `+02:00`, `-0500`, `+01`; empty = as written).
fn zone_offset(zone: &str) -> Option<i32> {
    let z = zone.trim();
    if z.is_empty() || ["z", "utc", "gmt"].iter().any(|u| z.eq_ignore_ascii_case(u)) {
        return Some(0);
    }
    let z = z.strip_prefix("UTC").or_else(|| z.strip_prefix("GMT")).unwrap_or(z);
    let sign = match z.as_bytes().first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let digits: String = z[1..].chars().filter(|&c| c != ':').collect();
    if !digits.bytes().all(|b| b.is_ascii_digit()) || !matches!(digits.len(), 1 | 2 | 4) {
        return None;
    }
    let (h, m) = if digits.len() == 4 { (&digits[..2], &digits[2..]) } else { (&digits[..], "0") };
    let (h, m): (i32, i32) = (h.parse().ok()?, m.parse().ok()?);
    (h <= 14 && m < 60).then_some(sign * (h * 3600 + m * 60))
}

/// Reads a month cell (`2024-03`, `2024/3`, `03/2024`, `3.2024`, `Mar 2024`, `März 2024`,
/// `202403`) as the first day of that month, or any full date as itself.
///
/// ```
/// use pipelens_engine::ingest::read_month;
/// use pipelens_engine::Day;
/// assert_eq!(read_month("2024-03").unwrap().day_first, Day::from_ymd(2024, 3, 1));
/// assert_eq!(read_month("Mar 2024").unwrap().day_first, Day::from_ymd(2024, 3, 1));
/// assert_eq!(read_month("2024-03-15").unwrap().day_first, Day::from_ymd(2024, 3, 15));
/// ```
pub fn read_month(cell: &str) -> Option<DateCandidates> {
    if let Some(d) = read_date(cell) {
        return Some(d);
    }
    let text = date_part(cell);
    let first = |y: u32, m: u32| Day::from_ymd(y as i32, m, 1).map(|d| DateCandidates::same(Some(d)));
    if text.len() == 6 && text.bytes().all(|b| b.is_ascii_digit()) {
        return first(text[..4].parse().ok()?, text[4..].parse().ok()?);
    }
    let tokens: Vec<&str> = text.split(['/', '.', '-', ' ', ',']).filter(|t| !t.is_empty()).collect();
    let [a, b] = tokens[..] else { return None };
    let year = |t: &str| (t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit())).then(|| t.parse::<u32>().ok())?;
    let month = |t: &str| {
        month_number(t)
            .or_else(|| (t.len() <= 2).then(|| t.parse::<u32>().ok()).flatten().filter(|m| (1..=12).contains(m)))
    };
    match (year(a), year(b)) {
        (Some(y), None) => first(y, month(b)?),
        (None, Some(y)) => first(y, month(a)?),
        _ => None,
    }
}

/// Reads one date cell both ways. `None` when it is no date in any supported form.
///
/// ```
/// use pipelens_engine::ingest::{read_date, DateOrder};
/// use pipelens_engine::Day;
/// let c = read_date("03/04/2024").unwrap();
/// assert_eq!(c.get(DateOrder::MonthFirst), Day::from_ymd(2024, 3, 4));
/// assert_eq!(c.get(DateOrder::DayFirst), Day::from_ymd(2024, 4, 3));
/// assert_eq!(read_date("1. März 2024").unwrap().day_first, Day::from_ymd(2024, 3, 1));
/// ```
pub fn read_date(cell: &str) -> Option<DateCandidates> {
    // The usual cell, `2024-07-25` alone: what the ISO reading below gives it, without the
    // searches for a time part and the trims.
    if let Some(d) = super::value::iso_day(cell.as_bytes()) {
        return Some(DateCandidates::same(Some(d)));
    }
    let text = date_part(cell);
    if text.is_empty() {
        return None;
    }
    // ISO first: the common case, and unambiguous.
    if let Some(d) = super::value::parse_date(text) {
        return Some(DateCandidates::same(Some(d)));
    }
    if text.len() == 8 && text.bytes().all(|b| b.is_ascii_digit()) {
        let n = |r: std::ops::Range<usize>| text[r].parse::<u32>().ok();
        let d = Day::from_ymd(n(0..4)? as i32, n(4..6)?, n(6..8)?);
        return d.map(|d| DateCandidates::same(Some(d)));
    }
    let separator = text.chars().find(|c| matches!(c, '/' | '.' | '-'));
    let tokens: Vec<&str> = text.split(['/', '.', '-', ' ', ',']).filter(|t| !t.is_empty()).collect();
    if tokens.len() != 3 {
        return None;
    }
    let num = |t: &str| -> Option<(u32, usize)> {
        t.bytes().all(|b| b.is_ascii_digit()).then(|| Some((t.parse().ok()?, t.len())))?
    };
    let months: Vec<Option<u32>> = tokens.iter().map(|t| month_number(t)).collect();
    match months.iter().position(Option::is_some) {
        // A month name: the other two are day and year, the year being the 4-digit one (or last).
        Some(m) => {
            let month = months[m]?;
            let rest: Vec<(u32, usize)> =
                tokens.iter().enumerate().filter(|&(i, _)| i != m).map(|(_, t)| num(t)).collect::<Option<_>>()?;
            let (day, year) = if rest[0].1 == 4 { (rest[1], rest[0]) } else { (rest[0], rest[1]) };
            let d = Day::from_ymd(full_year(year.0, year.1), month, day.0)?;
            Some(DateCandidates::same(Some(d)))
        }
        None => {
            let parts: Vec<(u32, usize)> = tokens.iter().map(|t| num(t)).collect::<Option<_>>()?;
            if parts[0].1 == 4 {
                // Y/M/D with a separator other than ISO's (2024/3/1, 2024.03.01).
                let d = Day::from_ymd(parts[0].0 as i32, parts[1].0, parts[2].0)?;
                return Some(DateCandidates::same(Some(d)));
            }
            if !(parts[2].1 == 2 || parts[2].1 == 4) || parts[0].1 > 2 || parts[1].1 > 2 {
                return None;
            }
            let year = full_year(parts[2].0, parts[2].1);
            let month_first = Day::from_ymd(year, parts[0].0, parts[1].0);
            let day_first = Day::from_ymd(year, parts[1].0, parts[0].0);
            (month_first.is_some() || day_first.is_some()).then_some(DateCandidates {
                month_first,
                day_first,
                open_order: separator,
            })
        }
    }
}

/// How a date column was read, for the data-quality report.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct DateReading {
    /// The order used for all-numeric dates, when the column has any.
    pub order: Option<DateOrder>,
    /// True when nothing in the column told the order apart (every part ≤ 12): the order was
    /// assumed from the separator and the user should confirm it.
    pub assumed: bool,
    /// Cells that read only in the other order (`01/15/2024` in a day-first column): each is
    /// read by what it can only mean, and counted here.
    pub mixed: usize,
    /// Cells that read two ways (`03/04/2024`) with no cell of the same separator telling the
    /// order: read in the column's order, and counted here as still ambiguous.
    pub ambiguous: usize,
}

impl DateReading {
    /// A reading in `order` (or none), `assumed` or proven, with nothing mixed or ambiguous.
    pub fn new(order: Option<DateOrder>, assumed: bool) -> DateReading {
        DateReading { order, assumed, mixed: 0, ambiguous: 0 }
    }
}

/// A cell that reads only in the order the column did not settle on (it is read that way).
#[derive(Clone, Debug, PartialEq)]
pub struct Contradiction {
    /// Row index in the table.
    pub row: usize,
    /// Line in the file.
    pub line: u64,
    /// The cell's text.
    pub text: String,
}

/// At most this many cells that read in only one order are remembered (for the report); all
/// are counted.
const REMEMBERED: usize = 10_000;

/// Builds a [`DateColumn`] row by row, deciding the day/month order from the whole column.
#[derive(Default)]
pub struct DateColumnBuilder {
    pub(crate) month_first: Vec<i32>,
    /// Empty, with `groups`, while every row reads the same in both orders (ISO dates): only
    /// `month_first` is kept then, and becomes the column as it is (see [`Self::split`]).
    pub(crate) day_first: Vec<i32>,
    /// Whether a row read differently month-first and day-first: `day_first` and `groups`
    /// are kept for every row from then on (and filled in for the rows before).
    pub(crate) split: bool,
    /// The first cells that read only month-first / only day-first.
    pub(crate) single_order: [Vec<Contradiction>; 2],
    /// Cells that only read month-first / only day-first.
    pub(crate) only_month_first: usize,
    pub(crate) only_day_first: usize,
    /// Separators seen in open-order cells: `/` versus `.` or `-`.
    pub(crate) slash: usize,
    pub(crate) dot_or_dash: usize,
    /// Per row, the separator group of an open-order cell (see [`group_of`]).
    pub(crate) groups: Vec<u8>,
    /// Per separator group, cells that only read month-first / only day-first.
    pub(crate) group_evidence: [[usize; 2]; GROUPS],
}

/// Separator groups: none (the cell reads one way whatever the order), `/`, `.`, `-`.
pub(crate) const GROUPS: usize = 4;

/// The separator group of an open-order cell.
fn group_of(separator: Option<char>) -> u8 {
    match separator {
        Some('/') => 1,
        Some('.') => 2,
        Some('-') => 3,
        _ => 0,
    }
}

impl DateColumnBuilder {
    /// Makes room for `more` rows.
    pub fn reserve(&mut self, more: usize) {
        self.month_first.reserve(more);
        if self.split {
            self.day_first.reserve(more);
            self.groups.reserve(more);
        }
    }

    /// Appends a row (`None` for an empty or unreadable cell).
    pub fn push(&mut self, cell: Option<DateCandidates>) {
        self.push_at(cell, 0, "");
    }

    /// Appends a row read from `text` on `line`, remembering where it came from in case it
    /// contradicts the column's order.
    pub fn push_at(&mut self, cell: Option<DateCandidates>, line: u64, text: &str) {
        let c = cell.unwrap_or(DateCandidates::same(None));
        let row = self.month_first.len();
        let (mf, df) = (c.month_first.map_or(NO_DAY, |d| d.0), c.day_first.map_or(NO_DAY, |d| d.0));
        let group = group_of(c.open_order);
        if !self.split && mf != df {
            // The rows before read the same both ways: their group is never asked for.
            self.split = true;
            let capacity = self.month_first.capacity();
            self.day_first = Vec::with_capacity(capacity);
            self.day_first.extend_from_slice(&self.month_first);
            self.groups = Vec::with_capacity(capacity);
            self.groups.resize(row, 0);
        }
        self.month_first.push(mf);
        if self.split {
            self.day_first.push(df);
            self.groups.push(group);
        }
        let evidence = &mut self.group_evidence[usize::from(group)];
        match (c.month_first.is_some(), c.day_first.is_some()) {
            (true, false) => evidence[0] += 1,
            (false, true) => evidence[1] += 1,
            _ => {}
        }
        let slot = match (c.month_first.is_some(), c.day_first.is_some()) {
            (true, false) => {
                self.only_month_first += 1;
                Some(0)
            }
            (false, true) => {
                self.only_day_first += 1;
                Some(1)
            }
            _ => None,
        };
        if let Some(k) = slot.filter(|&k| self.single_order[k].len() < REMEMBERED) {
            self.single_order[k].push(Contradiction { row, line, text: text.to_owned() });
        }
        match c.open_order {
            Some('/') => self.slash += 1,
            Some(_) => self.dot_or_dash += 1,
            None => {}
        }
    }

    /// Appends the rows of `other`, read from the lines after `lines` lines of this one's file
    /// (its lines counted from 1 at its first row): the column is then as if one builder had
    /// been pushed every row, for a file read as two halves.
    pub(crate) fn append(&mut self, other: DateColumnBuilder, lines: u64) {
        let rows = self.month_first.len();
        if other.split && !self.split {
            self.split = true;
            self.day_first = self.month_first.clone();
            self.groups = vec![0; rows];
        }
        if self.split {
            // Rows of `other` that read the same both ways: their group is never asked for.
            match other.split {
                true => {
                    self.day_first.extend_from_slice(&other.day_first);
                    self.groups.extend_from_slice(&other.groups);
                }
                false => {
                    self.day_first.extend_from_slice(&other.month_first);
                    self.groups.resize(self.groups.len() + other.month_first.len(), 0);
                }
            }
        }
        self.month_first.extend_from_slice(&other.month_first);
        for (mine, theirs) in self.single_order.iter_mut().zip(other.single_order) {
            let room = REMEMBERED.saturating_sub(mine.len());
            mine.extend(theirs.into_iter().take(room).map(|c| Contradiction {
                row: c.row.saturating_add(rows),
                line: c.line.saturating_add(lines),
                text: c.text,
            }));
        }
        self.only_month_first += other.only_month_first;
        self.only_day_first += other.only_day_first;
        self.slash += other.slash;
        self.dot_or_dash += other.dot_or_dash;
        for (mine, theirs) in self.group_evidence.iter_mut().zip(other.group_evidence) {
            mine[0] += theirs[0];
            mine[1] += theirs[1];
        }
    }

    /// The order the column settles on.
    pub fn reading(&self) -> DateReading {
        if self.slash + self.dot_or_dash == 0 {
            return DateReading::new(None, false);
        }
        // The cells that read only one way decide; on a tie (or none) the separator does:
        // dots and dashes are day-first in the locales that use them, slashes month-first.
        let evidence = self.only_month_first + self.only_day_first > 0;
        let order = match self.only_day_first.cmp(&self.only_month_first) {
            std::cmp::Ordering::Greater => DateOrder::DayFirst,
            std::cmp::Ordering::Less => DateOrder::MonthFirst,
            std::cmp::Ordering::Equal if self.dot_or_dash > self.slash => DateOrder::DayFirst,
            std::cmp::Ordering::Equal => DateOrder::MonthFirst,
        };
        DateReading::new(Some(order), !evidence)
    }

    /// The order this column's own cells prove (some first or second part above 12), if any.
    pub fn proven_order(&self) -> Option<DateOrder> {
        self.reading().order.filter(|_| self.only_month_first + self.only_day_first > 0)
    }

    /// The column, how it was read, and the cells that only read in the other order (the file
    /// mixes orders; they are empty in the column): the first ones, and how many in all.
    pub fn finish(self) -> (DateColumn, DateReading, Vec<Contradiction>, usize) {
        self.finish_with(None)
    }

    /// Like [`DateColumnBuilder::finish`], but a column whose cells cannot tell the order
    /// takes `hint`: the order another date column of the same file proved.
    ///
    /// Each cell is read by what it can only mean: a cell that reads one way only is read that
    /// way (and counted as mixed when that is not the column's order); a cell that reads two
    /// ways takes the order its own separator's cells prove (`/` cells month-first and `-`
    /// cells day-first may sit in one column), else the column's, and is counted as ambiguous
    /// when no cell with its separator told.
    pub fn finish_with(self, hint: Option<DateOrder>) -> (DateColumn, DateReading, Vec<Contradiction>, usize) {
        let mut reading = self.reading();
        if let (true, Some(order)) = (reading.assumed, hint) {
            reading = DateReading::new(Some(order), false);
        }
        let [only_mf, only_df] = self.single_order;
        let (contradictions, total) = match reading.order {
            Some(DateOrder::DayFirst) => (only_mf, self.only_month_first),
            _ => (only_df, self.only_day_first),
        };
        let main = reading.order.unwrap_or(DateOrder::MonthFirst);
        let order_of = |group: u8| -> (DateOrder, bool) {
            let [mf, df] = self.group_evidence.get(usize::from(group)).copied().unwrap_or_default();
            match df.cmp(&mf) {
                std::cmp::Ordering::Greater => (DateOrder::DayFirst, true),
                std::cmp::Ordering::Less => (DateOrder::MonthFirst, true),
                std::cmp::Ordering::Equal => (main, false),
            }
        };
        let mut ambiguous = 0;
        if !self.split {
            // Every cell reads one way (or is empty): the month-first reading is the column.
            reading.mixed = total;
            reading.ambiguous = 0;
            return (DateColumn { days: self.month_first }, reading, contradictions, total);
        }
        let days = self
            .month_first
            .iter()
            .zip(&self.day_first)
            .zip(&self.groups)
            .map(|((&mf, &df), &group)| match (mf == NO_DAY, df == NO_DAY) {
                (true, _) => df,
                (_, true) => mf,
                _ if mf == df => mf,
                _ => {
                    let (order, told) = order_of(group);
                    ambiguous += usize::from(!told);
                    if order == DateOrder::DayFirst {
                        df
                    } else {
                        mf
                    }
                }
            })
            .collect();
        reading.mixed = total;
        reading.ambiguous = ambiguous;
        (DateColumn { days }, reading, contradictions, total)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> Option<Day> {
        Day::from_ymd(y, m, d)
    }

    #[test]
    fn a_column_splits_its_readings_only_when_a_cell_reads_two_ways() {
        let build = |cells: &[&str]| {
            let mut b = DateColumnBuilder::default();
            b.reserve(cells.len());
            for c in cells {
                b.push(read_date(c));
            }
            let split = b.split;
            (split, b.finish_with(None).0.days)
        };
        let day = |y, m, d| ymd(y, m, d).map_or(NO_DAY, |d| d.0);
        // ISO only: one reading kept, the column as read.
        assert_eq!(build(&["2024-01-02", "", "2024-03-04"]), (false, vec![day(2024, 1, 2), NO_DAY, day(2024, 3, 4)]));
        // Split after two rows: the rows before keep their day, `13/04` proves day-first, and
        // `03/04` takes that order.
        let (split, days) = build(&["2024-01-02", "bad", "03/04/2024", "13/04/2024"]);
        assert!(split);
        assert_eq!(days, [day(2024, 1, 2), NO_DAY, day(2024, 4, 3), day(2024, 4, 13)]);
    }

    #[test]
    fn reads_every_supported_form() {
        let cases: &[(&str, Option<Day>, Option<Day>)] = &[
            ("2024-03-01", ymd(2024, 3, 1), ymd(2024, 3, 1)),
            ("2024-03-01T23:00:00+02:00", ymd(2024, 3, 1), ymd(2024, 3, 1)),
            ("2024/3/1", ymd(2024, 3, 1), ymd(2024, 3, 1)),
            ("20240301", ymd(2024, 3, 1), ymd(2024, 3, 1)),
            ("03/01/2024", ymd(2024, 3, 1), ymd(2024, 1, 3)),
            ("3/1/24", ymd(2024, 3, 1), ymd(2024, 1, 3)),
            ("13/01/2024", None, ymd(2024, 1, 13)),
            ("01/13/2024 10:30", ymd(2024, 1, 13), None),
            ("01.03.2024", ymd(2024, 1, 3), ymd(2024, 3, 1)),
            ("1-3-99", ymd(1999, 1, 3), ymd(1999, 3, 1)),
            ("1 March 2024", ymd(2024, 3, 1), ymd(2024, 3, 1)),
            ("March 1, 2024", ymd(2024, 3, 1), ymd(2024, 3, 1)),
            ("01-Mar-2024", ymd(2024, 3, 1), ymd(2024, 3, 1)),
            ("1. März 2024", ymd(2024, 3, 1), ymd(2024, 3, 1)),
            ("15 października 2023", ymd(2023, 10, 15), ymd(2023, 10, 15)),
            ("3 maja 2024", ymd(2024, 5, 3), ymd(2024, 5, 3)),
            ("Dez 24, 2023", ymd(2023, 12, 24), ymd(2023, 12, 24)),
        ];
        for (cell, mf, df) in cases {
            let c = read_date(cell).unwrap_or_else(|| panic!("{cell} unread"));
            assert_eq!((c.month_first, c.day_first), (*mf, *df), "{cell}");
        }
        for cell in ["", "soon", "2024", "32/13/2024", "1/2/3/4", "12345", "2024-02-30", "Mar 2024"] {
            assert_eq!(read_date(cell), None, "{cell:?}");
        }
    }

    fn column(cells: &[&str]) -> (DateColumn, DateReading, Vec<usize>) {
        let mut b = DateColumnBuilder::default();
        for (i, c) in cells.iter().enumerate() {
            b.push_at(read_date(c), i as u64 + 2, c);
        }
        let (col, reading, bad, total) = b.finish();
        assert_eq!(bad.len(), total);
        (col, reading, bad.into_iter().map(|c| c.row).collect())
    }

    #[test]
    fn the_whole_column_settles_the_order() {
        // csvkit's test_date_format: 31/12/2012 settles day-first for 02/01/2014 too.
        let (col, reading, bad) = column(&["02/01/2014", "31/12/2012"]);
        assert_eq!(reading, DateReading::new(Some(DateOrder::DayFirst), false));
        assert_eq!(col.get(0), ymd(2014, 1, 2));
        assert!(bad.is_empty());
        // Evidence late in the column counts as much as early.
        let mut cells = vec!["01/02/2024"; 500];
        cells.push("01/25/2024");
        let (col, reading, _) = column(&cells);
        assert_eq!(reading.order, Some(DateOrder::MonthFirst));
        assert_eq!(col.get(0), ymd(2024, 1, 2));
    }

    #[test]
    fn an_undecidable_column_is_assumed_from_the_separator_and_flagged() {
        let (_, reading, _) = column(&["01/02/2024", "03/04/2024"]);
        assert_eq!(reading, DateReading { ambiguous: 2, ..DateReading::new(Some(DateOrder::MonthFirst), true) });
        let (col, reading, _) = column(&["01.02.2024", "03.04.2024"]);
        assert_eq!(reading, DateReading { ambiguous: 2, ..DateReading::new(Some(DateOrder::DayFirst), true) });
        assert_eq!(col.get(0), ymd(2024, 2, 1));
        let (_, reading, _) = column(&["2024-01-02", ""]);
        assert_eq!(reading, DateReading::new(None, false));
    }

    #[test]
    fn cells_that_contradict_the_column_are_listed_and_read_by_what_they_can_only_mean() {
        let (col, reading, bad) = column(&["13/01/2024", "14/01/2024", "01/15/2024"]);
        assert_eq!(reading.order, Some(DateOrder::DayFirst));
        assert_eq!(bad, [2]);
        assert_eq!((reading.mixed, reading.ambiguous), (1, 0));
        assert_eq!(col.get(2), ymd(2024, 1, 15));
        let mut b = DateColumnBuilder::default();
        b.push_at(read_date("13/01/2024"), 2, "13/01/2024");
        b.push_at(read_date("01/15/2024"), 3, "01/15/2024");
        b.push_at(read_date("14/01/2024"), 4, "14/01/2024");
        let (_, _, bad, _) = b.finish();
        assert_eq!(bad, [Contradiction { row: 1, line: 3, text: "01/15/2024".into() }]);
    }

    #[test]
    fn a_column_mixing_layouts_reads_each_separator_in_the_order_its_cells_prove() {
        // ISO, day-first with slashes, month-first with dashes, and cells of each that read
        // both ways: each group's own cells settle it; a two-way dot cell stays ambiguous.
        let cells = [
            "2024-05-20",
            "25/12/2023",
            "03/04/2024",
            "12-31-2023",
            "01-02-2024",
            "04.05.2024",
            "20 May, 2024 07:42:00",
            "2024-05-20T07:42:00Z",
        ];
        let (col, reading, _) = column(&cells);
        let want = [
            ymd(2024, 5, 20),
            ymd(2023, 12, 25),
            ymd(2024, 4, 3),
            ymd(2023, 12, 31),
            ymd(2024, 1, 2),
            ymd(2024, 5, 4),
            ymd(2024, 5, 20),
            ymd(2024, 5, 20),
        ];
        for (i, w) in want.iter().enumerate() {
            assert_eq!(col.get(i), *w, "{}", cells[i]);
        }
        // One cell each way; dots and dashes outnumber slashes, so the column is day-first:
        // 12-31-2023 is read against it (mixed), and 04.05.2024 has no dot cell to tell.
        assert_eq!(reading.order, Some(DateOrder::DayFirst));
        assert_eq!((reading.mixed, reading.ambiguous), (1, 1));
    }

    #[test]
    fn a_date_time_reads_as_its_date() {
        let may20 = Day::from_ymd(2024, 5, 20);
        let apr15 = Day::from_ymd(2021, 4, 15);
        // (cell, read month-first, read day-first)
        let cases: &[(&str, Option<Day>, Option<Day>)] = &[
            ("15 Apr, 2021 00:02:00", apr15, apr15),
            ("15 Apr 2021 00:02", apr15, apr15),
            ("Apr 15, 2021 12:02:00 AM", apr15, apr15),
            ("5/20/2024 7:42", may20, None),
            ("5/20/2024 7:42 PM", may20, None),
            ("05/20/2024 07:42:00", may20, None),
            ("20.05.2024 07:42", None, may20),
            ("20/05/2024 7:42:10", None, may20),
            ("2024-05-20 7:42", may20, may20),
            ("2024-05-20T07:42:00.000+02:00", may20, may20),
        ];
        for (cell, month_first, day_first) in cases {
            let got = read_date(cell);
            assert_eq!(got.map(|c| (c.month_first, c.day_first)), Some((*month_first, *day_first)), "{cell:?}");
        }
    }
}
