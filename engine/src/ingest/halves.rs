//! One file read as two halves at the same time (two workers on two cores), merged into
//! exactly what one read of the whole file gives.
//!
//! - The **head** is an ordinary [`Session`] told [`Session::stop_at`] a file byte `cut`: it
//!   reads as always, but before the first record that starts past `cut` it answers
//!   [`Step::Paused`] with that record's file byte, the boundary. Then either
//!   [`Session::absorb`] the tail's [`TailPart`] and step on to [`Step::Done`], or, when that
//!   is refused ([`NotMergeable`]) or the tail failed, [`Session::resume`] and keep stepping
//!   and pushing as usual: the head reads the rest itself. Pushing works across the pause.
//! - The **tail** is a [`Tail`], given the file's first bytes (`head`: the header and 64 KiB
//!   after it for the dialect, the 200 rows the columns are mapped from and the first
//!   [`PROBE_SAMPLE_ROWS`] rows for the key probe; 1 MiB is plenty) and pushed slices from byte
//!   `from`: it settles dialect, mapping, key probe and encoding from `head` exactly as the head
//!   does, and reads from the first record after the first line break at or past `from` (blank
//!   lines skipped) to the end of the file. When the code page's sample (1 MiB from the first
//!   byte past ASCII) runs past `head`, the tail reads it as UTF-8 and [`Session::absorb`]
//!   takes the tail only if the head decided UTF-8 too.
//! - Cuts among the first 200 data rows (the mapping's sample, read ahead) pause only after
//!   them, where no tail starts: such a cut never merges. The worker cuts at half of a big file.
//!
//! [`Session::absorb`] checks that the tail started where the head paused (a line break inside
//! a quoted cell near the cut makes them differ), that both read the file alike (headers,
//! mapping, dialect, key, generated ids, encoding), and that no key the tail kept was seen by
//! the head; then it appends the tail's columns (dictionary codes re-coded, generated ids and
//! every line number offset by the head's lines, date evidence of both halves added up before
//! the date order is settled) and its report (rejected rows, cell issues, footer, counts, the
//! column profiles). Linear in the tail's rows; no row is parsed again.
//!
//! What answers [`NotMergeable`] (the head then resumes, and the result is still exactly the
//! whole-file read): a file whose text is not its bytes as they are, UTF-16, a code page
//! detected or chosen before the boundary (Windows-125x, GBK, Big5, Shift-JIS, ...), or bytes
//! past the head's sample that are not UTF-8 (the head restarts without UTF-8 as it would
//! have anyway); a quoted line break at the cut; a key repeated across the halves; rows held at
//! the boundary (possible footer rows, or a key probe still deciding); a head sample too short
//! to settle the header, the mapping or the probe. An encoding decided in the tail (the head's
//! part all ASCII) is taken from the tail, as a whole-file read decides it there too.
//!
//! ```
//! use pipelens_engine::ingest::{read_in_slices, DatasetKind, ReadOptions, Session, Step, Tail, TailStep};
//! let mut csv = b"deal_id,amount,stage,created_date\n".to_vec();
//! for i in 0..50 {
//!     csv.extend_from_slice(format!("D{i:03},{i},Won,2024-01-02\n").as_bytes());
//! }
//! let (len, cut) = (csv.len() as u64, csv.len() as u64 / 2);
//! let options = ReadOptions::new(DatasetKind::Deals);
//! let mut tail = Tail::new("d.csv", len, options.clone(), &csv, cut);
//! let part = loop {
//!     match tail.step(1000) {
//!         TailStep::NeedInput => {
//!             let at = tail.bytes_pushed() as usize;
//!             tail.push(&csv[at..], true);
//!         }
//!         TailStep::Progress { .. } => {}
//!         TailStep::Done(part) => break part,
//!         TailStep::Failed(why) => panic!("{why}"),
//!     }
//! };
//! let mut head = Session::new("d.csv", len, options.clone()).stop_at(cut);
//! let mut part = Some(part);
//! let imported = loop {
//!     match head.step(1000) {
//!         Step::NeedInput => {
//!             let at = head.bytes_pushed() as usize;
//!             head.push(&csv[at..], true);
//!         }
//!         Step::Paused { .. } => match part.take().map(|p| head.absorb(p)) {
//!             Some(Ok(())) => {}
//!             _ => head.resume(),
//!         },
//!         Step::Progress { .. } | Step::Restart => {}
//!         Step::Done(imported) => break imported,
//!         Step::Failed(e) => panic!("{e}"),
//!     }
//! };
//! let whole = read_in_slices("d.csv", &csv, 1 << 20, options).unwrap();
//! assert_eq!((imported.data, imported.report), (whole.data, whole.report));
//! ```

use super::part::{NotMergeable, TailPart};
use super::reader::Reader;
use super::session::{KnownKeys, ReadOptions};
use super::slice::Slice;
use super::stream::{Feed, PushError, TextBytes};

#[cfg(doc)]
use super::session::{Session, Step};

/// Rows the head's sample must hold for the tail to settle the key column's probe as the
/// head does (a deals file mapped automatically whose key column is not named as an id).
pub const PROBE_SAMPLE_ROWS: usize = 1_000;

/// What a tail needs or has done after one [`Tail::step`].
// One value per step, moved once: the size difference costs nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug)]
pub enum TailStep {
    /// Push the next slice of the file, from [`Tail::bytes_pushed`].
    NeedInput,
    /// A chunk of rows was read: `rows` data rows so far, about `bytes` bytes of the tail.
    Progress {
        /// Data rows read so far.
        rows: usize,
        /// Bytes of the tail read so far (estimated from the text).
        bytes: u64,
    },
    /// The tail is read to the end of the file: hand the part to the head.
    Done(TailPart),
    /// The tail cannot be read as a part of the head's read (for good): the head resumes.
    Failed(NotMergeable),
}

/// Where a tail is.
enum Phase {
    /// Looking for the first line break at or past `from` (`in_breaks`: found, skipping the
    /// line breaks after it): `sample` is the reader opened on the file's first bytes.
    Seeking { sample: Box<Reader>, in_breaks: bool },
    /// Reading rows from file byte `start`; `started`: how the text began.
    Rows { reader: Box<Reader>, start: u64, started: TextBytes },
    /// Failed for good.
    Failed(NotMergeable),
    /// Done.
    Over,
}

/// The second half of a file being read, pumped like a [`Session`] (see the module docs).
pub struct Tail {
    byte_len: u64,
    /// Keys loaded before, as the head has them.
    known: Option<KnownKeys>,
    /// The file byte the first slice starts at.
    from: u64,
    /// Bytes pushed since `from`.
    pushed: u64,
    phase: Phase,
}

impl Tail {
    /// A tail of `file` (`byte_len` bytes, read as `options` say, exactly the head's options)
    /// whose first bytes are `head`, to be pushed the file from byte `from` on.
    pub fn new(file: &str, byte_len: u64, options: ReadOptions, head: &[u8], from: u64) -> Tail {
        let phase = match open_sample(file, byte_len, &options, head) {
            Ok(sample) => Phase::Seeking { sample: Box::new(sample), in_breaks: false },
            Err(why) => Phase::Failed(why),
        };
        Tail { byte_len, known: options.known, from: from.min(byte_len), pushed: 0, phase }
    }

    /// The file byte the next slice starts at.
    pub fn bytes_pushed(&self) -> u64 {
        self.from + self.pushed
    }

    /// Reads the tail to its end from the whole file's `bytes`, in slices of `slice` bytes and
    /// chunks of `max_rows` rows: what a worker does with a `File`, for tests and benchmarks
    /// (as [`crate::ingest::read_in_slices`] is for a whole read).
    pub fn read_slices(mut self, bytes: &[u8], slice: usize, max_rows: usize) -> Result<TailPart, NotMergeable> {
        let slice = slice.max(1);
        loop {
            match self.step(max_rows) {
                TailStep::NeedInput => {
                    let at = (self.bytes_pushed() as usize).min(bytes.len());
                    let end = at.saturating_add(slice).min(bytes.len());
                    self.push(bytes.get(at..end).unwrap_or_default(), end == bytes.len());
                }
                TailStep::Progress { .. } => {}
                TailStep::Done(part) => return Ok(part),
                TailStep::Failed(why) => return Err(why),
            }
        }
    }

    /// Appends the next slice of the file (`last` for the final one), after a
    /// [`TailStep::NeedInput`].
    pub fn push<S: Slice + ?Sized>(&mut self, slice: &S, last: bool) {
        let at = self.bytes_pushed();
        self.pushed += slice.len() as u64;
        let pushed = match std::mem::replace(&mut self.phase, Phase::Over) {
            Phase::Seeking { sample, in_breaks } => self.seek(sample, in_breaks, at, &slice.bytes(), last),
            Phase::Rows { mut reader, start, started } => {
                let pushed = reader.push(slice, last);
                self.phase = Phase::Rows { reader, start, started };
                pushed
            }
            other => {
                self.phase = other;
                Ok(())
            }
        };
        if pushed.is_err() {
            self.phase = Phase::Failed(NotMergeable::Failed);
        }
    }

    /// Finds where the tail starts in `slice` (at file byte `at`), and starts reading there.
    fn seek(
        &mut self,
        sample: Box<Reader>,
        mut in_breaks: bool,
        at: u64,
        slice: &[u8],
        last: bool,
    ) -> Result<(), PushError> {
        let mut start = None;
        for (i, &b) in slice.iter().enumerate() {
            let is_break = matches!(b, b'\n' | b'\r');
            if in_breaks && !is_break {
                start = Some(i);
                break;
            }
            in_breaks |= is_break;
        }
        let Some(i) = start.or(last.then_some(slice.len())) else {
            self.phase = Phase::Seeking { sample, in_breaks };
            return Ok(());
        };
        let start = at + i as u64;
        let Some(feed) = sample.src_feed().continuing(self.byte_len.saturating_sub(start), start) else {
            self.phase = Phase::Failed(NotMergeable::Encoding);
            return Ok(());
        };
        let started = feed.text_bytes();
        let mut reader = Box::new(sample.continuing(feed));
        if let Some(known) = &self.known {
            reader.with_known_keys(known.keys.iter().map(String::as_str), &known.from);
        }
        let pushed = reader.push(slice.get(i..).unwrap_or_default(), last);
        self.phase = Phase::Rows { reader, start, started };
        pushed
    }

    /// Does the next piece of work, reading at most `max_rows` rows, and says what it needs.
    pub fn step(&mut self, max_rows: usize) -> TailStep {
        match std::mem::replace(&mut self.phase, Phase::Over) {
            Phase::Seeking { sample, in_breaks } => {
                self.phase = Phase::Seeking { sample, in_breaks };
                TailStep::NeedInput
            }
            Phase::Rows { mut reader, start, started } => {
                if reader.read_chunk(max_rows) {
                    return TailStep::Done(reader.into_part(start, started));
                }
                let step = if reader.wants_input() {
                    TailStep::NeedInput
                } else {
                    TailStep::Progress { rows: reader.rows_read(), bytes: reader.file_bytes_read() }
                };
                self.phase = Phase::Rows { reader, start, started };
                step
            }
            Phase::Failed(why) => {
                self.phase = Phase::Failed(why.clone());
                TailStep::Failed(why)
            }
            Phase::Over => TailStep::Failed(NotMergeable::Failed),
        }
    }
}

/// A reader opened on the file's first bytes as the head opens it, its key probe settled.
fn open_sample(file: &str, byte_len: u64, options: &ReadOptions, head: &[u8]) -> Result<Reader, NotMergeable> {
    let mut feed = match options.code_page {
        Some(code_page) => Feed::with_code_page(file, byte_len, code_page),
        None => Feed::new(file, byte_len),
    };
    let whole = head.len() as u64 >= byte_len;
    let head = head.get(..byte_len.min(head.len() as u64) as usize).unwrap_or_default();
    feed.push(head, whole).map_err(|_| NotMergeable::Sample)?;
    if !whole {
        feed.assume_utf8_sample().map_err(|_| NotMergeable::Sample)?;
    }
    if !feed.ready() {
        return Err(NotMergeable::Sample);
    }
    let mut reader =
        Reader::from_feed(options.kind, file, feed, options.mapping.as_deref()).map_err(|_| NotMergeable::Sample)?;
    if let Some(known) = &options.known {
        reader.with_known_keys(known.keys.iter().map(String::as_str), &known.from);
    }
    if let Some(order) = options.date_order {
        reader.with_date_order(order);
    }
    if !reader.settle_probe_in_sample() {
        return Err(NotMergeable::Sample);
    }
    Ok(reader)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ImportError;
    use crate::ingest::{read_in_slices, DatasetKind, DateOrder, ImportReport, Imported, Session, Step};
    use crate::ingest::{CodePage, Dataset};

    /// Bytes of the file's start a tail is given, as the worker gives it.
    const HEAD: usize = 1 << 20;

    /// How a read in two halves went.
    #[derive(Debug, PartialEq)]
    enum Way {
        /// The tail was absorbed.
        Merged,
        /// The head resumed: why.
        Resumed(NotMergeable),
        /// The head never paused (it read the whole file, or restarted or failed before).
        Whole,
    }

    /// How the tail's part reaches the paused head: absorbed as it is ([`same`]), or as between
    /// two workers ([`through_the_wire`]).
    type Carry = fn(TailPart, &mut Session) -> Result<(), NotMergeable>;

    /// Reads `bytes` as two halves cut at `cut` (the tail's part handed over by `carry`), in slices of `slice` bytes and chunks of `rows` rows.
    fn halves(
        bytes: &[u8],
        options: &ReadOptions,
        cut: u64,
        slice: usize,
        rows: usize,
        carry: Carry,
    ) -> (Result<Imported, ImportError>, Way) {
        halves_given(bytes, options, cut, slice, rows, carry, HEAD)
    }

    /// [`halves`] with the tail given the file's first `head` bytes.
    fn halves_given(
        bytes: &[u8],
        options: &ReadOptions,
        cut: u64,
        slice: usize,
        rows: usize,
        carry: Carry,
        head: usize,
    ) -> (Result<Imported, ImportError>, Way) {
        let len = bytes.len() as u64;
        let head_bytes = &bytes[..bytes.len().min(head)];
        let tail = Tail::new("f.csv", len, options.clone(), head_bytes, cut);
        let mut part = Some(tail.read_slices(bytes, slice, rows));
        let mut session = Session::new("f.csv", len, options.clone()).stop_at(cut);
        let mut way = Way::Whole;
        let result = loop {
            match session.step(rows) {
                Step::NeedInput => {
                    let at = (session.bytes_pushed() as usize).min(bytes.len());
                    let end = at.saturating_add(slice).min(bytes.len());
                    session.push(&bytes[at..end], end == bytes.len());
                }
                Step::Paused { boundary } => {
                    let absorbed = match part.take() {
                        Some(Ok(p)) => {
                            let start = p.start();
                            carry(p, &mut session).inspect(|()| assert_eq!(start, boundary))
                        }
                        Some(Err(why)) => Err(why),
                        None => panic!("paused again after absorbing or resuming"),
                    };
                    match absorbed {
                        Ok(()) => way = Way::Merged,
                        Err(why) => {
                            way = Way::Resumed(why);
                            session.resume();
                        }
                    }
                }
                Step::Progress { .. } | Step::Restart => {}
                Step::Done(imported) => break Ok(imported),
                Step::Failed(e) => break Err(e),
            }
        };
        (result, way)
    }

    fn outcome(r: Result<Imported, ImportError>) -> Result<(Dataset, ImportReport), ImportError> {
        r.map(|i| (i.data, i.report))
    }

    /// For every cut in `cuts`, slice size and chunk size: what a whole-file read gives.
    /// Returns how many reads merged.
    fn check(what: &str, bytes: &[u8], options: &ReadOptions, cuts: &[u64], carry: Carry) -> usize {
        check_sliced(what, bytes, options, cuts, carry, &[(1 << 20, usize::MAX), (7, 3), (100, 1000)])
    }

    /// [`check`] with slices and chunks of these sizes.
    fn check_sliced(
        what: &str,
        bytes: &[u8],
        options: &ReadOptions,
        cuts: &[u64],
        carry: Carry,
        slicings: &[(usize, usize)],
    ) -> usize {
        let whole = outcome(read_in_slices("f.csv", bytes, 1 << 16, options.clone()));
        let mut merged = 0;
        for &cut in cuts {
            for &(slice, rows) in slicings {
                let (got, way) = halves(bytes, options, cut, slice, rows, carry);
                let got = outcome(got);
                merged += usize::from(way == Way::Merged);
                // Not assert_eq: the tables print at length.
                assert!(
                    got == whole,
                    "{what}: cut at {cut}, slices of {slice}, chunks of {rows}, {way:?}: {:?} vs {:?}",
                    got.as_ref().map(|g| &g.1),
                    whole.as_ref().map(|w| &w.1)
                );
            }
        }
        merged
    }

    /// Cuts every `step` bytes through the file, and the bytes around `near`.
    fn cuts(len: usize, step: usize, near: &[usize]) -> Vec<u64> {
        let mut all: Vec<u64> = (0..=len).step_by(step.max(1)).map(|c| c as u64).collect();
        for &n in near {
            all.extend((n.saturating_sub(3)..=(n + 3).min(len)).map(|c| c as u64));
        }
        all
    }

    fn same(part: TailPart, head: &mut Session) -> Result<(), NotMergeable> {
        head.absorb(part)
    }

    /// A deals file with `n` rows, ids in order, the cells `row(i)` returns after the id.
    fn deals(header: &str, n: usize, row: impl Fn(usize) -> String) -> Vec<u8> {
        let mut csv = format!("{header}\n");
        for i in 0..n {
            csv += &format!("{}\n", row(i));
        }
        csv.into_bytes()
    }

    fn plain(i: usize) -> String {
        format!("D{i:04},{},{},2024-0{}-1{},Ann", i * 10, ["Won", "Lost", "Open"][i % 3], i % 9 + 1, i % 9)
    }

    /// The file byte where the line `line` (1-based) starts.
    fn line_start(bytes: &[u8], line: usize) -> usize {
        // Line breaks: `\n`, and `\r` not followed by one.
        let is_break = |i: usize| bytes[i] == b'\n' || (bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n'));
        let mut breaks = (0..bytes.len()).filter(|&i| is_break(i)).map(|i| i + 1);
        if line <= 1 {
            return 0;
        }
        breaks.nth(line - 2).unwrap_or(bytes.len())
    }

    /// Rows past the mapping's sample: a cut among the sample's rows pauses only past them.
    const PAST_SAMPLE: usize = 205;

    #[test]
    fn a_plain_file_merges_at_every_cut_past_the_sample() {
        let bytes = deals("deal_id,amount,stage,created_date,owner", 400, plain);
        let options = ReadOptions::new(DatasetKind::Deals);
        // Every 29th byte (a row is about 33 bytes): every place in a row, over the rows.
        let all = cuts(bytes.len(), 29, &[]);
        let whole = outcome(read_in_slices("f.csv", &bytes, 1 << 16, options.clone()));
        let (from, to) = (line_start(&bytes, PAST_SAMPLE), line_start(&bytes, 401) - 1);
        let mut merged = 0;
        for &cut in &all {
            let (got, way) = halves(&bytes, &options, cut, 1 << 20, usize::MAX, same);
            assert!(outcome(got) == whole, "cut at {cut}: {way:?}");
            if (from as u64..to as u64).contains(&cut) {
                assert_eq!(way, Way::Merged, "cut at {cut}");
                merged += 1;
            }
        }
        assert_eq!(merged, (from..to).filter(|c| c % 29 == 0).count());
    }

    /// `n` evenly spaced cuts past the mapping's sample, and the bytes around each of `near`.
    fn spread(bytes: &[u8], n: usize, near: &[usize]) -> Vec<u64> {
        spread_from(bytes, PAST_SAMPLE, n, near)
    }

    /// [`spread`] from line `line` on.
    fn spread_from(bytes: &[u8], line: usize, n: usize, near: &[usize]) -> Vec<u64> {
        let from = line_start(bytes, line);
        let step = (bytes.len().saturating_sub(from) / n.max(1)).max(1);
        let mut all: Vec<u64> = (from..bytes.len()).step_by(step).map(|c| c as u64).collect();
        all.push(5);
        for &n in near {
            all.extend((n.saturating_sub(2)..=(n + 2).min(bytes.len())).map(|c| c as u64));
        }
        all
    }

    /// A test file: what it is, its dataset, its bytes, places to cut around, whether a cut
    /// must merge.
    type Messy = (&'static str, DatasetKind, Vec<u8>, Vec<usize>, bool);

    /// Files that take every path through a read in two halves, each with the places a cut
    /// is tried around, and whether some cut must merge.
    fn messy() -> Vec<Messy> {
        let header = "deal_id,amount,stage,created_date,close_date,owner";
        let row = |i: usize| format!("D{i:04},{},Won,2024-01-0{},2024-02-0{},Ann", i, i % 9 + 1, i % 7 + 1);
        let mut out = Vec::new();
        // Rejected rows and unreadable cells in both halves; repeats inside the tail.
        let bytes = deals(header, 400, |i| match i {
            _ if i % 41 == 0 => "short,row".to_owned(),
            _ if i % 29 == 0 => format!("D{i:04},lots,Won,someday,2024-02-01,Ann"),
            _ if i > 300 && i % 10 == 0 => format!("D{:04},1,Won,2024-01-01,,Bo", i - 3),
            _ => row(i),
        });
        out.push(("rejects, issues and repeats", DatasetKind::Deals, bytes, vec![], true));
        // A key of the head repeated in the tail: only a read in order lists it right.
        let bytes = deals(header, 400, |i| if i == 390 { row(10) } else { row(i) });
        out.push(("a repeat across the halves", DatasetKind::Deals, bytes, vec![], false));
        // Quoted line breaks all through: a cut on one starts the tail inside a cell.
        let quoted = |i: usize| format!("D{i:04},{i},Won,2024-01-01,,\"Ann\nof\r\nline {i}\"");
        let bytes = deals(header, 400, quoted);
        let near: Vec<usize> = (300..306).map(|l| line_start(&bytes, l) + 30).collect();
        out.push(("quoted line breaks", DatasetKind::Deals, bytes, near, true));
        // A report footer at the end, and mostly empty rows that turn out to be data.
        let mut bytes = deals(header, 400, |i| if i % 97 == 0 { ",,,,,".to_owned() } else { row(i) });
        bytes.extend_from_slice(b"\nTotal,123,,,,\nConfidential Information\n");
        let near = vec![line_start(&bytes, 292), bytes.len() - 30, bytes.len() - 5];
        out.push(("a footer", DatasetKind::Deals, bytes, near, true));
        // Dates that cannot tell their order in the head, proven day-first in the tail only.
        let bytes = deals(header, 400, |i| {
            let day = if i > 350 { 13 + i % 15 } else { 1 + i % 12 };
            format!("D{i:04},{i},Won,0{}/{day:02}/2024,{day:02}.0{}.2024,Ann", 1 + i % 9, 1 + i % 9)
        });
        out.push(("day-first only in the tail", DatasetKind::Deals, bytes, vec![], true));
        // No id column: rows are named by their line.
        let bytes = deals("amount,stage,created_date", 400, |i| format!("{i},Open,2024-03-0{}", 1 + i % 9));
        out.push(("generated ids", DatasetKind::Deals, bytes, vec![], true));
        // An id column named as a name that repeats: the probe numbers the rows.
        let bytes =
            deals("Deal Name,amount,stage,created_date", 1500, |i| format!("Renewal {},{i},Won,2024-01-02", i % 50));
        out.push(("a probed key that repeats", DatasetKind::Deals, bytes, vec![], true));
        // Another dataset, with timestamps, categories and flags.
        let bytes = deals("Lead ID,Created At,Source,Qualified", 400, |i| {
            format!(
                "L{i:04},2024-03-0{}T10:0{}:00Z,{},{}",
                1 + i % 9,
                i % 10,
                ["Web", "Ads", ""][i % 3],
                ["yes", "no", "maybe"][i % 3]
            )
        });
        out.push(("leads", DatasetKind::Leads, bytes, vec![], true));
        // Non-ASCII UTF-8 in the head; only in the tail; a Windows-1252 byte only in the tail.
        let bytes = deals(header, 400, |i| if i == 3 { row(i).replace("Ann", "Zoë") } else { row(i) });
        out.push(("utf-8 in the head", DatasetKind::Deals, bytes, vec![], true));
        let bytes = deals(header, 400, |i| if i == 380 { row(i).replace("Ann", "Zoë") } else { row(i) });
        out.push(("utf-8 only in the tail", DatasetKind::Deals, bytes, vec![], true));
        let mut bytes = deals(header, 400, row);
        bytes.extend_from_slice(b"Z,5,Won,2024-01-01,2024-03-01,Ren\xe9e\n");
        out.push(("windows-1252 only in the tail", DatasetKind::Deals, bytes, vec![], true));
        let mut bytes = deals(header, 400, |i| if i == 3 { row(i).replace("Ann", "Zoë") } else { row(i) });
        bytes.extend_from_slice(b"Z,5,Won,2024-01-01,2024-03-01,Ren\xe9e\n");
        out.push(("windows-1252 after utf-8", DatasetKind::Deals, bytes, vec![], false));
        let mut bytes = b"\xef\xbb\xbf".to_vec();
        bytes.extend(deals(header, 400, row));
        out.push(("a byte-order mark", DatasetKind::Deals, bytes, vec![], true));
        // Every kind of line break, and blank lines.
        let text = String::from_utf8(deals(header, 400, row)).unwrap_or_default();
        out.push(("crlf", DatasetKind::Deals, text.replace('\n', "\r\n").into_bytes(), vec![], true));
        out.push(("cr", DatasetKind::Deals, text.replace('\n', "\r").into_bytes(), vec![], true));
        out.push(("blank lines", DatasetKind::Deals, text.replace('\n', "\n\n\r\n").into_bytes(), vec![], true));
        let mut utf16 = vec![0xFF, 0xFE];
        for u in text.encode_utf16() {
            utf16.extend_from_slice(&u.to_le_bytes());
        }
        out.push(("utf-16", DatasetKind::Deals, utf16, vec![], false));
        out
    }

    /// The files of the session's own tests (small: every cut falls in the mapping's sample).
    fn session_files() -> Vec<(&'static str, DatasetKind, Vec<u8>)> {
        let mut late_1252 = "deal_id,amount,stage,created_date,close_date,owner\n".as_bytes().to_vec();
        late_1252.extend_from_slice("A,1,Won,2024-01-01,2024-02-01,Zoë\n".as_bytes());
        for i in 0..300 {
            late_1252.extend_from_slice(format!("D{i},{i},Open,2024-01-01,,Ann\n").as_bytes());
        }
        late_1252.extend_from_slice(b"Z,5,Won,2024-01-01,2024-03-01,Ren\xe9e\n");
        vec![
            ("late windows-1252", DatasetKind::Deals, late_1252),
            (
                "rejects and repeats",
                DatasetKind::Deals,
                b"Pipeline export\ndeal_id,amount,stage,created_date,close_date\nA,1,Won,2024-01-01,2024-02-01\nA,2,Won,2024-01-02,2024-02-01\nB,x,Open,nope,\n\"C\nD\",3,Open,2024-01-01,\nE,1\n".to_vec(),
            ),
            ("single column with a bad byte later", DatasetKind::Leads, b"only\n1\n2\n\xff\xfe\x00\x01".to_vec()),
            ("header missing fields", DatasetKind::Quotas, b"a,b\n1,2\n".to_vec()),
            ("empty", DatasetKind::Quotas, b"  \n\n".to_vec()),
            ("spreadsheet", DatasetKind::Quotas, b"PK\x03\x04rest".to_vec()),
            ("unclosed quote", DatasetKind::Quotas, b"owner,month,quota\nAnn,2024-01,\"1000\nBob,2024-02,900\n".to_vec()),
        ]
    }

    #[test]
    fn messy_files_read_in_halves_give_the_whole_read() {
        for (what, kind, bytes, near, must_merge) in messy() {
            let merged = check(what, &bytes, &ReadOptions::new(kind), &spread(&bytes, 12, &near), same);
            assert_eq!(merged > 0, must_merge, "{what}: {merged} merged");
        }
        for (what, kind, bytes) in session_files() {
            let all = cuts(bytes.len(), 1 + bytes.len() / 40, &[]);
            check(what, &bytes, &ReadOptions::new(kind), &all, same);
        }
    }

    #[test]
    fn every_fixture_layout_read_in_halves_gives_the_whole_read() {
        use crate::fixtures::{deals as invented, utf8, write_bytes, LAYOUTS};
        for (i, layout) in LAYOUTS.iter().enumerate() {
            // Past the rows a key column's probe holds (the head pauses only once it settled).
            let bytes = write_bytes(layout, &invented(i as u64, 1_300, layout.language), utf8);
            let options = ReadOptions::new(DatasetKind::Deals);
            let cuts = spread_from(&bytes, 1_100, 3, &[]);
            let merged =
                check_sliced(layout.name, &bytes, &options, &cuts, same, &[(1 << 20, usize::MAX), (4096, 500)]);
            assert!(merged > 0, "{}: never merged", layout.name);
        }
    }

    #[test]
    fn options_reach_the_tail() {
        let bytes = deals("deal_id,amount,stage,created_date,close_date", 400, |i| {
            format!("D{i:04},{i},Won,0{}/0{}/2024,", 1 + i % 9, 1 + i % 8)
        });
        let options = ReadOptions {
            kind: DatasetKind::Deals,
            mapping: Some(crate::ingest::auto_map(
                DatasetKind::Deals.fields(),
                &["deal_id", "amount", "stage", "created_date", "close_date"].map(String::from),
            )),
            date_order: Some(DateOrder::DayFirst),
            known: Some(crate::ingest::KnownKeys { keys: vec!["D0390".into(), "D0010".into()], from: "a.csv".into() }),
            code_page: None,
        };
        assert!(check("options", &bytes, &options, &spread(&bytes, 8, &[]), same) > 0);
        // A code page the user chose is not split.
        let chosen = ReadOptions { code_page: Some(CodePage::WINDOWS_1252), ..options };
        assert_eq!(check("chosen code page", &bytes, &chosen, &spread(&bytes, 4, &[]), same), 0);
    }

    #[test]
    fn a_repeat_across_the_halves_and_a_quoted_cut_say_why_they_do_not_merge() {
        let header = "deal_id,amount,stage,created_date";
        let bytes = deals(header, 400, |i| format!("D{:04},1,Won,2024-01-01", if i == 390 { 10 } else { i }));
        let options = ReadOptions::new(DatasetKind::Deals);
        let (_, way) = halves(&bytes, &options, line_start(&bytes, 300) as u64, 1 << 20, usize::MAX, same);
        assert_eq!(way, Way::Resumed(NotMergeable::KeyRepeats));
        let bytes = deals(header, 400, |i| format!("D{i:04},1,\"Won\nreally\",2024-01-01"));
        let inside = line_start(&bytes, 300) + "D0298,1,\"Won".len();
        assert_eq!(bytes[inside], b'\n');
        let (_, way) = halves(&bytes, &options, inside as u64, 1 << 20, usize::MAX, same);
        assert!(matches!(way, Way::Resumed(NotMergeable::Boundary { .. })), "{way:?}");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(128))]
        /// Past the mapping's sample, any mix of rows (quoted line breaks, blank lines, short
        /// rows, unreadable cells, repeats, footer-like rows, non-ASCII), any cut, any slicing:
        /// what a whole-file read gives, merged or resumed.
        #[test]
        fn any_cut_gives_the_whole_read(
            body in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::strategy::Just("X{},5,Won,2024-01-02,Ann\n".to_owned()),
                    proptest::strategy::Just("X{},\"7\n\",Lost,13/02/2024,\"B\"\"o\"\r\n".to_owned()),
                    proptest::strategy::Just("\n\r\n".to_owned()),
                    proptest::strategy::Just("short,row\n".to_owned()),
                    proptest::strategy::Just("X{},lots,Open,someday,Zoë\n".to_owned()),
                    proptest::strategy::Just("D0007,1,Won,2024-01-01,Ann\n".to_owned()),
                    proptest::strategy::Just(",,,,\n".to_owned()),
                    proptest::strategy::Just("Total,12,,,\n".to_owned()),
                ],
                0..60,
            ),
            cut in 0.0f64..1.0,
            slice in 1usize..200,
            rows in 1usize..50,
        ) {
            let mut bytes = deals("deal_id,amount,stage,created_date,owner", 210, plain);
            for (i, row) in body.iter().enumerate() {
                bytes.extend_from_slice(row.replace("{}", &i.to_string()).as_bytes());
            }
            let options = ReadOptions::new(DatasetKind::Deals);
            let whole = outcome(read_in_slices("f.csv", &bytes, 1 << 16, options.clone()));
            let cut = (bytes.len() as f64 * cut) as u64;
            let (got, way) = halves(&bytes, &options, cut, slice, rows, same);
            proptest::prop_assert!(outcome(got) == whole, "cut at {}, {:?}", cut, way);
        }
    }

    /// The part as the head's worker gets it: written as a message, then absorbed from it a
    /// column at a time.
    fn through_the_wire(part: TailPart, head: &mut Session) -> Result<(), NotMergeable> {
        let mut message = Vec::new();
        crate::wire::write_tail_part(&part, &mut message);
        drop(part);
        let absorbed = crate::wire::absorb_tail_part(&mut message.as_slice(), head);
        if let Err(e @ (NotMergeable::Message(_) | NotMergeable::Broken(_))) = &absorbed {
            panic!("the part did not read back: {e}");
        }
        absorbed
    }

    #[test]
    fn parts_carried_through_the_wire_give_the_whole_read() {
        let mut merged = 0;
        for (what, kind, bytes, near, must_merge) in messy() {
            let cuts = spread(&bytes, 3, &near);
            let n = check_sliced(what, &bytes, &ReadOptions::new(kind), &cuts, through_the_wire, &[(4096, 100)]);
            assert!(must_merge || n == 0, "{what}: {n} merged");
            merged += n;
        }
        assert!(merged >= 20, "{merged} merged");
        use crate::fixtures::{deals as invented, utf8, write_bytes, LAYOUTS};
        for (i, layout) in LAYOUTS.iter().enumerate() {
            let bytes = write_bytes(layout, &invented(i as u64, 1_300, layout.language), utf8);
            let cuts = spread_from(&bytes, 1_100, 1, &[]);
            let options = ReadOptions::new(DatasetKind::Deals);
            let merged = check_sliced(layout.name, &bytes, &options, &cuts, through_the_wire, &[(1 << 20, usize::MAX)]);
            assert!(merged > 0, "{}: never merged", layout.name);
        }
    }

    #[test]
    fn a_tail_given_less_than_the_code_page_sample_reads_it_as_utf8_and_the_head_confirms() {
        let header = "deal_id,amount,stage,created_date,owner";
        let row = |i: usize| format!("D{i:06},{i},Won,2024-01-02,{}", if i == 3 { "Zoë" } else { "Ann" });
        let utf8 = deals(header, 40_000, row);
        let mut late_1252 = utf8.clone();
        late_1252.extend_from_slice(b"Z,5,Won,2024-01-01,Ren\xe9e\n");
        let options = ReadOptions::new(DatasetKind::Deals);
        // (file, whether it merges): the Windows-1252 byte is within the head's sample, so the
        // whole file reads as Windows-1252 and the tail's UTF-8 cannot stand.
        for (bytes, merges) in [(utf8, true), (late_1252, false)] {
            let whole = outcome(read_in_slices("f.csv", &bytes, 1 << 16, options.clone()));
            for cut in [bytes.len() as u64 / 2, bytes.len() as u64 * 3 / 4] {
                let (got, way) = halves_given(&bytes, &options, cut, 4096, 500, through_the_wire, 100_000);
                assert!(outcome(got) == whole, "cut at {cut}: {way:?}");
                assert_eq!(way == Way::Merged, merges, "cut at {cut}: {way:?}");
            }
        }
    }
}
