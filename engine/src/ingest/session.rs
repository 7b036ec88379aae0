//! One file read as one dataset while its bytes arrive: the whole read loop (decode, sniff,
//! header, rows in chunks, the late switch away from UTF-8, "did undecodable bytes come
//! first?") in one type that the caller only pumps, in the style of `csv_core`: push the bytes
//! it asks for, give it a row budget, act on the [`Step`] it answers.
//!
//! ```
//! use pipelens_engine::ingest::{DatasetKind, ReadOptions, Session, Step};
//! let csv = b"owner,month,quota\nAnn,2024-01,1000\nBob,2024-01,900\n";
//! let mut session = Session::new("q.csv", csv.len() as u64, ReadOptions::new(DatasetKind::Quotas));
//! let mut at = 0;
//! let imported = loop {
//!     match session.step(1000) {
//!         Step::NeedInput => {
//!             let end = (at + 7).min(csv.len());
//!             session.push(&csv[at..end], end == csv.len());
//!             at = end;
//!         }
//!         Step::Restart => at = 0,
//!         Step::Progress { .. } => {}
//!         Step::Done(imported) => break imported,
//!         Step::Failed(e) => panic!("{e}"),
//!         // Only a session told to stop somewhere pauses.
//!         Step::Paused { .. } => session.resume(),
//!     }
//! };
//! assert_eq!(imported.data.len(), 2);
//! ```

use super::codepage::CodePage;
use super::datasets::DatasetKind;
use super::dates::DateOrder;
use super::part::{NotMergeable, PartHeader, TailPart};
use super::reader::{HeadRows, Imported, Reader};
use super::slice::Slice;
use super::stream::{Feed, PushError};
use crate::error::ImportError;

/// Keys (deal ids, lead ids, ...) loaded before from other files of the dataset: rows of this
/// file that repeat one are rejected, "already loaded from `from`".
#[derive(Clone, Debug, Default, PartialEq)]
pub struct KnownKeys {
    /// The keys.
    pub keys: Vec<String>,
    /// The names of the files they came from, for the rejection's reason.
    pub from: String,
}

/// How to read a file: as which dataset, with which columns, dates and known keys.
#[derive(Clone, Debug, PartialEq)]
pub struct ReadOptions {
    /// The dataset.
    pub kind: DatasetKind,
    /// The column of each field of `kind.fields()`; `None` maps the headers automatically.
    pub mapping: Option<Vec<Option<usize>>>,
    /// The user's answer for date columns that cannot tell day-first from month-first.
    pub date_order: Option<DateOrder>,
    /// Keys already loaded, when the file is appended to its dataset.
    pub known: Option<KnownKeys>,
    /// The code page the user chose for the file; `None` detects it.
    pub code_page: Option<CodePage>,
}

impl ReadOptions {
    /// Read as `kind`, its headers mapped automatically, nothing known before.
    pub fn new(kind: DatasetKind) -> ReadOptions {
        ReadOptions { kind, mapping: None, date_order: None, known: None, code_page: None }
    }
}

/// What the session needs or has done after one [`Session::step`].
// One value per step, moved once: the size difference costs nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug)]
pub enum Step {
    /// Push the next slice of the file ([`Session::push`]).
    NeedInput,
    /// A chunk of rows was read: `rows` data rows so far, about `bytes` bytes of the file.
    Progress {
        /// Data rows read so far.
        rows: usize,
        /// Bytes of the file read so far (estimated from the text).
        bytes: u64,
    },
    /// The file must be pushed again from its first byte (it turned out not to be UTF-8, or
    /// its header could not be used and the whole file is checked for undecodable bytes, which
    /// a whole-file read reports first). The session has reset itself; the next push is byte 0.
    Restart,
    /// The head of a file read as two halves paused before the record at file byte
    /// `boundary` (see [`Session::stop_at`]): [`Session::absorb`] the tail that starts there,
    /// or [`Session::resume`].
    Paused {
        /// The file byte where the next record starts.
        boundary: u64,
    },
    /// The file is read.
    Done(Imported),
    /// The file cannot be used.
    Failed(ImportError),
}

/// Where the session is.
enum Phase {
    /// Pushing the start of the file until its header can be read.
    Header(Feed),
    /// Reading rows.
    Rows(Box<Reader>),
    /// The header could not be used (`error`): the whole file is pushed through a feed that
    /// only decodes, to report bytes that do not decode instead, as a whole-file read does.
    /// When the file turns out not to be UTF-8, it is read again so if `then_read`,
    /// else `error` stands.
    Checking { feed: Feed, error: ImportError, then_read: bool },
    /// The file is to be read again from its first byte: answer [`Step::Restart`]. Without
    /// UTF-8 when a push asked for it; as before when a tail's rows broke off half appended.
    Restarting { without_utf8: bool },
    /// The file cannot be used: answer [`Step::Failed`] (for good).
    Failing(ImportError),
    /// Done; nothing more to do.
    Over,
}

/// A file being read as one dataset, pumped by its caller (see the module docs).
pub struct Session {
    file: String,
    byte_len: u64,
    options: ReadOptions,
    /// Whether UTF-8 was ruled out by a byte past the sample the code page was detected from.
    without_utf8: bool,
    /// The file byte past which the read pauses (see [`Session::stop_at`]).
    stop: Option<u64>,
    phase: Phase,
}

impl Session {
    /// A session reading `file`, `byte_len` bytes long, as `options` say.
    pub fn new(file: &str, byte_len: u64, options: ReadOptions) -> Session {
        let mut session =
            Session { file: file.to_owned(), byte_len, options, without_utf8: false, stop: None, phase: Phase::Over };
        session.phase = Phase::Header(session.new_feed());
        session
    }

    /// A session that only explains why the start of `file` could not be used (`error`, from
    /// its preview): it reads the whole file and fails with what a whole-file read reports
    /// first, bytes that do not decode, or else `error`.
    pub fn explain(file: &str, byte_len: u64, error: ImportError) -> Session {
        let feed = Feed::new(file, byte_len).check_only();
        let phase = Phase::Checking { feed, error, then_read: false };
        Session {
            file: file.to_owned(),
            byte_len,
            options: ReadOptions::new(DatasetKind::Deals),
            without_utf8: false,
            stop: None,
            phase,
        }
    }

    /// Reads only up to a record boundary: as usual, but before the first record that starts
    /// past file byte `cut` (blank lines skipped) a step answers [`Step::Paused`], the head of a
    /// file read as two halves (see [`super::halves`]). A file whose text is not its bytes as
    /// they are (UTF-16, a code page other than UTF-8) never pauses: it is read to the end.
    pub fn stop_at(mut self, cut: u64) -> Session {
        self.stop = Some(cut);
        if let Phase::Rows(reader) = &mut self.phase {
            reader.stop_at(cut);
        }
        self
    }

    /// After [`Step::Paused`]: reads the rest of the file itself (keep stepping and pushing as
    /// usual), when the tail failed or could not be absorbed.
    pub fn resume(&mut self) {
        self.stop = None;
        if let Phase::Rows(reader) = &mut self.phase {
            reader.resume();
        }
    }

    /// After [`Step::Paused`]: takes the tail's rows and report as if this session had read
    /// them; the next step answers [`Step::Done`] with the whole file. Refused, with nothing
    /// changed, when the tail cannot be merged (see [`NotMergeable`]): then [`Session::resume`].
    pub fn absorb(&mut self, tail: TailPart) -> Result<(), NotMergeable> {
        let TailPart { header, sink } = tail;
        self.absorb_with(header, |head| head.sink(sink))
    }

    /// [`Session::absorb`] for a part whose rows `rows` hands over a column at a time (see
    /// [`crate::wire::absorb_tail_part`]). When `rows` fails after appending some, the answer is
    /// [`NotMergeable::Broken`] and the next step [`Step::Restart`]: the file is read again
    /// from its first byte, to its end (its result is the same, only later).
    pub(crate) fn absorb_with(
        &mut self,
        header: PartHeader,
        rows: impl FnOnce(&mut HeadRows<'_>) -> Result<(), NotMergeable>,
    ) -> Result<(), NotMergeable> {
        let absorbed = match &mut self.phase {
            _ if self.without_utf8 => Err(NotMergeable::Encoding),
            Phase::Rows(reader) => reader.absorb_with(header, rows),
            _ => Err(NotMergeable::NotPaused),
        };
        if let Err(NotMergeable::Broken(_)) = absorbed {
            self.stop = None;
            self.phase = Phase::Restarting { without_utf8: false };
        }
        absorbed
    }

    /// The file's name.
    pub fn file(&self) -> &str {
        &self.file
    }

    /// The file's size in bytes.
    pub fn byte_len(&self) -> u64 {
        self.byte_len
    }

    /// How the file is read.
    pub fn options(&self) -> &ReadOptions {
        &self.options
    }

    /// Bytes of the file pushed since the start (or the last [`Step::Restart`]): where the next
    /// slice starts.
    pub fn bytes_pushed(&self) -> u64 {
        match &self.phase {
            Phase::Header(feed) | Phase::Checking { feed, .. } => feed.bytes_pushed(),
            Phase::Rows(reader) => reader.file_bytes_pushed(),
            Phase::Restarting { .. } | Phase::Failing(_) | Phase::Over => 0,
        }
    }

    /// Data rows parsed so far and the bytes of the file they came from, for a progress bar:
    /// what the last [`Step::Progress`] said, and also after a chunk that ended on
    /// [`Step::NeedInput`] (a chunk that used up its slice before its row budget).
    pub fn progress(&self) -> (usize, u64) {
        match &self.phase {
            Phase::Rows(reader) => (reader.rows_read(), reader.file_bytes_read()),
            _ => (0, 0),
        }
    }

    /// Appends the next slice of the file (`last` for the final one), after a [`Step::NeedInput`].
    /// A slice that cannot be decoded makes the next step answer [`Step::Restart`] or
    /// [`Step::Failed`]; pushing when no input was asked for is ignored past the end.
    pub fn push<S: Slice + ?Sized>(&mut self, slice: &S, last: bool) {
        let pushed = match &mut self.phase {
            Phase::Header(feed) | Phase::Checking { feed, .. } => feed.push(slice, last),
            Phase::Rows(reader) => reader.push(slice, last),
            Phase::Restarting { .. } | Phase::Failing(_) | Phase::Over => Ok(()),
        };
        match (pushed, &self.phase) {
            (Ok(()), _) => {}
            (Err(PushError::Import(e)), _) => self.phase = Phase::Failing(e),
            (Err(PushError::ReadAgainWithoutUtf8), Phase::Checking { error, then_read: false, .. }) => {
                self.phase = Phase::Failing(error.clone())
            }
            (Err(PushError::ReadAgainWithoutUtf8), _) => self.phase = Phase::Restarting { without_utf8: true },
        }
    }

    /// Does the next piece of work, reading at most `max_rows` rows, and says what it needs.
    pub fn step(&mut self, max_rows: usize) -> Step {
        match std::mem::replace(&mut self.phase, Phase::Over) {
            Phase::Header(feed) if !feed.ready() => {
                self.phase = Phase::Header(feed);
                Step::NeedInput
            }
            Phase::Header(feed) => self.open(feed, max_rows),
            Phase::Rows(mut reader) => {
                if reader.read_chunk(max_rows) {
                    return match reader.finish() {
                        Ok(imported) => Step::Done(imported),
                        Err(e) => {
                            self.phase = Phase::Failing(e.clone());
                            Step::Failed(e)
                        }
                    };
                }
                if reader.is_paused() {
                    let step = match reader.paused_boundary() {
                        Some(boundary) => Step::Paused { boundary },
                        // The text is not the file's bytes there: no tail can start at it.
                        None => {
                            reader.resume();
                            Step::Progress { rows: reader.rows_read(), bytes: reader.file_bytes_read() }
                        }
                    };
                    self.phase = Phase::Rows(reader);
                    return step;
                }
                let step = if reader.wants_input() {
                    Step::NeedInput
                } else {
                    Step::Progress { rows: reader.rows_read(), bytes: reader.file_bytes_read() }
                };
                self.phase = Phase::Rows(reader);
                step
            }
            Phase::Checking { feed, error, .. } if feed.complete() => {
                self.phase = Phase::Failing(error.clone());
                Step::Failed(error)
            }
            Phase::Checking { feed, error, then_read } => {
                self.phase = Phase::Checking { feed, error, then_read };
                Step::NeedInput
            }
            Phase::Restarting { without_utf8 } => {
                self.without_utf8 |= without_utf8;
                self.phase = Phase::Header(self.new_feed());
                Step::Restart
            }
            Phase::Failing(e) => {
                self.phase = Phase::Failing(e.clone());
                Step::Failed(e)
            }
            // Stepped again after it was done: there is nothing more to read.
            Phase::Over => Step::Failed(ImportError::Empty { file: self.file.clone() }),
        }
    }

    /// Reads the header from a ready feed and starts on the rows.
    fn open(&mut self, feed: Feed, max_rows: usize) -> Step {
        let o = &self.options;
        match Reader::from_feed(o.kind, &self.file, feed, o.mapping.as_deref()) {
            Ok(mut reader) => {
                if let Some(known) = &o.known {
                    reader.with_known_keys(known.keys.iter().map(String::as_str), &known.from);
                }
                if let Some(order) = o.date_order {
                    reader.with_date_order(order);
                }
                if let (Some(cut), false) = (self.stop, self.without_utf8) {
                    reader.stop_at(cut);
                }
                // Straight on to the first chunk: a step's progress is always a chunk's.
                self.phase = Phase::Rows(Box::new(reader));
                self.step(max_rows)
            }
            Err(error) => {
                self.phase = Phase::Checking { feed: self.new_feed().check_only(), error, then_read: true };
                Step::Restart
            }
        }
    }

    fn new_feed(&self) -> Feed {
        match self.options.code_page {
            Some(code_page) => Feed::with_code_page(&self.file, self.byte_len, code_page),
            None if self.without_utf8 => Feed::without_utf8(&self.file, self.byte_len),
            None => Feed::new(&self.file, self.byte_len),
        }
    }
}

/// Reads a whole file held in memory through a [`Session`], in slices of `slice` bytes pushed
/// as the rows are read (from byte 0 again whenever it asks to): the way the browser reads a
/// file, and exactly what [`super::read_file`] gives.
pub fn read_in_slices(file: &str, bytes: &[u8], slice: usize, options: ReadOptions) -> Result<Imported, ImportError> {
    let mut session = Session::new(file, bytes.len() as u64, options);
    run(&mut session, bytes, slice, usize::MAX)
}

/// Reads a whole file held in memory in two halves, as two workers read a big file: the tail
/// from the middle (given the file's first `head` bytes), handed by `carry` to the head once it
/// has paused at the tail's first record, to absorb (a worker sends the part in a message and
/// absorbs it from there, see [`crate::wire::absorb_tail_part`]). Slices of `slice` bytes,
/// chunks of `max_rows` rows. `None` when a half fails or the head does not take the part: a
/// caller then reads the file whole (the result is the same, only later).
pub fn read_in_halves(
    file: &str,
    bytes: &[u8],
    head: usize,
    (slice, max_rows): (usize, usize),
    options: ReadOptions,
    carry: impl FnOnce(TailPart, &mut Session) -> Result<(), NotMergeable>,
) -> Option<Imported> {
    let (len, cut, slice) = (bytes.len() as u64, bytes.len() as u64 / 2, slice.max(1));
    let start = bytes.get(..head.min(bytes.len())).unwrap_or_default();
    let tail = super::Tail::new(file, len, options.clone(), start, cut);
    let mut part = Some((tail.read_slices(bytes, slice, max_rows).ok()?, carry));
    let mut session = Session::new(file, len, options).stop_at(cut);
    // The head's slices stop a slice past the cut until it has paused, as a worker's do.
    let stop = (cut as usize).saturating_add(slice);
    // Every push moves on, and the head pauses once: the loop ends.
    loop {
        match session.step(max_rows) {
            Step::NeedInput => {
                let at = (session.bytes_pushed() as usize).min(bytes.len());
                let end = at.saturating_add(slice).min(if at < stop { stop } else { bytes.len() }).min(bytes.len());
                session.push(bytes.get(at..end).unwrap_or_default(), end == bytes.len());
            }
            Step::Paused { .. } => {
                let (part, carry) = part.take()?;
                carry(part, &mut session).ok()?
            }
            Step::Progress { .. } | Step::Restart => {}
            Step::Done(imported) => return Some(imported),
            Step::Failed(_) => return None,
        }
    }
}

/// Pumps `session` over `bytes` in slices of `slice` bytes with chunks of `max_rows` rows.
pub(crate) fn run(session: &mut Session, bytes: &[u8], slice: usize, max_rows: usize) -> Result<Imported, ImportError> {
    let slice = slice.max(1);
    // Every push moves on, and every restart follows a push or the header: the loop ends.
    loop {
        match session.step(max_rows) {
            Step::NeedInput => {
                let start = (session.bytes_pushed() as usize).min(bytes.len());
                let end = start.saturating_add(slice).min(bytes.len());
                session.push(bytes.get(start..end).unwrap_or_default(), end == bytes.len());
            }
            Step::Progress { .. } | Step::Restart => {}
            // Never stopped here; a caller that stopped it reads the rest itself.
            Step::Paused { .. } => session.resume(),
            Step::Done(imported) => return Ok(imported),
            Step::Failed(e) => return Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{read_file, Dataset};

    /// The outcome of a read, comparable: the data and the report, or the error.
    fn outcome(r: Result<Imported, ImportError>) -> Result<(Dataset, crate::ingest::ImportReport), ImportError> {
        r.map(|i| (i.data, i.report))
    }

    const SLICES: [usize; 9] = [1, 2, 3, 5, 7, 16, 64, 4096, 1 << 20];

    #[test]
    fn a_file_read_in_halves_through_the_wire_is_the_file_read_whole() {
        let mut csv = String::from("deal_id,amount,stage,created_date,close_date,owner\n");
        for i in 0..3000 {
            let stage = ["Closed Won", "Closed Lost", "Proposal"][i % 3];
            csv.push_str(&format!(
                "D{i},{}.5,{stage},2024-01-{:02},2024-03-{:02},Rep {}\n",
                100 + i,
                1 + i % 28,
                1 + i % 28,
                i % 7
            ));
        }
        let bytes = csv.as_bytes();
        let options = ReadOptions::new(DatasetKind::Deals);
        let whole = read_in_slices("h.csv", bytes, 4096, options.clone());
        let through_wire = |part, head: &mut Session| {
            let mut runs = Vec::new();
            crate::wire::write_tail_part(&part, &mut runs);
            crate::wire::absorb_tail_part(&mut runs.as_slice(), head)
        };
        let halves = read_in_halves("h.csv", bytes, 1 << 20, (4096, 500), options.clone(), through_wire);
        let halves = halves.expect("read in halves");
        assert_eq!(outcome(Ok(halves)), outcome(whole), "the same data and report");
        assert!(
            read_in_halves("h.csv", bytes, 1 << 20, (4096, 500), options.clone(), |_, _| Err(NotMergeable::Failed))
                .is_none(),
            "no part"
        );
        // A key of the head repeated in the tail: the head will not take the part.
        csv.push_str("D7,1,Proposal,2024-01-01,,Rep 1\n");
        assert!(read_in_halves("h.csv", csv.as_bytes(), 1 << 20, (4096, 500), options, through_wire).is_none());
    }

    #[test]
    fn a_part_whose_message_breaks_off_anywhere_still_gives_the_whole_read() {
        // Deals with dimensions, probabilities, statuses and entered dates: every kind of column.
        let mut csv = String::from(
            "deal_id,amount,stage,status,created_date,close_date,owner,region,probability,entered_Proposal\n",
        );
        for i in 0..2000 {
            let (stage, status) = [("Closed Won", "won"), ("Closed Lost", "lost"), ("Proposal", "open")][i % 3];
            csv.push_str(&format!(
                "D{i},{}.5,{stage},{status},2024-01-{:02},2024-03-{:02},Rep {},R{},{}%,2024-02-{:02}\n",
                100 + i,
                1 + i % 28,
                1 + i % 28,
                i % 7,
                i % 3,
                i % 100,
                1 + i % 28
            ));
        }
        let bytes = csv.as_bytes();
        let (len, cut, options) = (bytes.len() as u64, bytes.len() as u64 / 2, ReadOptions::new(DatasetKind::Deals));
        let whole = outcome(read_in_slices("h.csv", bytes, 4096, options.clone()));
        let tail = crate::ingest::Tail::new("h.csv", len, options.clone(), bytes, cut);
        let mut message = Vec::new();
        crate::wire::write_tail_part(&tail.read_slices(bytes, 4096, 500).unwrap(), &mut message);
        let (mut refused, mut broken) = (0, 0);
        let ends = (0..message.len()).step_by(message.len() / 40).chain([message.len() - 1, message.len()]);
        for end in ends {
            let mut session = Session::new("h.csv", len, options.clone()).stop_at(cut);
            let mut paused = false;
            let got = loop {
                match session.step(500) {
                    Step::NeedInput => {
                        let at = session.bytes_pushed() as usize;
                        let to = (at + 4096).min(bytes.len());
                        session.push(&bytes[at..to], to == bytes.len());
                    }
                    Step::Paused { .. } if paused => panic!("paused again (message cut at byte {end})"),
                    Step::Paused { .. } => {
                        paused = true;
                        match crate::wire::absorb_tail_part(&mut &message[..end], &mut session) {
                            Ok(()) => assert_eq!(end, message.len(), "a cut message was taken"),
                            Err(NotMergeable::Broken(_)) => broken += 1,
                            Err(_) => {
                                refused += 1;
                                session.resume();
                            }
                        }
                    }
                    Step::Progress { .. } | Step::Restart => {}
                    Step::Done(imported) => break Ok(imported),
                    Step::Failed(e) => break Err(e),
                }
            };
            assert!(outcome(got) == whole, "message cut at byte {end} of {}", message.len());
        }
        // Cut before its rows: refused, the head reads on; cut within them: read again.
        assert!(refused > 0 && broken > 0, "refused {refused}, broken {broken}");
    }

    /// Files that take every path through the session: plain, late Windows-1252 (with and
    /// without non-ASCII first), unusable headers with and without undecodable bytes later,
    /// rejected rows, title rows, quotes across slices, UTF-16.
    fn files() -> Vec<(&'static str, DatasetKind, Vec<u8>)> {
        let mut late_1252 = "deal_id,amount,stage,created_date,close_date,owner\n".as_bytes().to_vec();
        late_1252.extend_from_slice("A,1,Won,2024-01-01,2024-02-01,Zoë\n".as_bytes());
        for i in 0..300 {
            late_1252.extend_from_slice(format!("D{i},{i},Open,2024-01-01,,Ann\n").as_bytes());
        }
        late_1252.extend_from_slice(b"Z,5,Won,2024-01-01,2024-03-01,Ren\xe9e\n");
        let mut ascii_then_1252 = late_1252.clone();
        ascii_then_1252.drain(51..86);
        let mut utf16 = vec![0xFF, 0xFE];
        for u in "owner,month,quota\nAnn,2024-01,1000\nBøb,2024-02,900\n".encode_utf16() {
            utf16.extend_from_slice(&u.to_le_bytes());
        }
        vec![
            ("late windows-1252", DatasetKind::Deals, late_1252),
            ("ascii then windows-1252", DatasetKind::Deals, ascii_then_1252),
            (
                "rejects and repeats",
                DatasetKind::Deals,
                b"Pipeline export\ndeal_id,amount,stage,created_date,close_date\nA,1,Won,2024-01-01,2024-02-01\nA,2,Won,2024-01-02,2024-02-01\nB,x,Open,nope,\n\"C\nD\",3,Open,2024-01-01,\nE,1\n".to_vec(),
            ),
            ("single column with a bad byte later", DatasetKind::Leads, b"only\n1\n2\n\xff\xfe\x00\x01".to_vec()),
            ("single column", DatasetKind::Leads, b"only\n1\n2\n".to_vec()),
            ("header missing fields", DatasetKind::Quotas, b"a,b\n1,2\n".to_vec()),
            ("utf-16", DatasetKind::Quotas, utf16),
            ("empty", DatasetKind::Quotas, b"  \n\n".to_vec()),
            ("spreadsheet", DatasetKind::Quotas, b"PK\x03\x04rest".to_vec()),
            ("unclosed quote", DatasetKind::Quotas, b"owner,month,quota\nAnn,2024-01,\"1000\nBob,2024-02,900\n".to_vec()),
        ]
    }

    #[test]
    fn slices_of_any_size_give_what_a_whole_file_read_gives() {
        for (what, kind, bytes) in files() {
            let whole = outcome(read_file(kind, "f.csv", &bytes, None));
            for slice in SLICES {
                for rows in [1, 2, 1000] {
                    let mut session = Session::new("f.csv", bytes.len() as u64, ReadOptions::new(kind));
                    let sliced = outcome(run(&mut session, &bytes, slice, rows));
                    // Not assert_eq: the tables print at length.
                    assert!(sliced == whole, "{what}: slices of {slice}, chunks of {rows}");
                }
            }
        }
    }

    /// A slice kept outside the engine's memory, as a browser's buffer is: only its length
    /// and a copy.
    struct Elsewhere<'a>(&'a [u8]);

    impl Slice for Elsewhere<'_> {
        fn len(&self) -> usize {
            self.0.len()
        }
        fn append_to(&self, out: &mut Vec<u8>) {
            out.extend_from_slice(self.0);
        }
    }

    #[test]
    fn slices_kept_elsewhere_read_as_slices_in_memory() {
        for (what, kind, bytes) in files() {
            let whole = outcome(read_file(kind, "f.csv", &bytes, None));
            for slice in SLICES {
                let mut session = Session::new("f.csv", bytes.len() as u64, ReadOptions::new(kind));
                let sliced = loop {
                    match session.step(7) {
                        Step::NeedInput => {
                            let start = (session.bytes_pushed() as usize).min(bytes.len());
                            let end = start.saturating_add(slice).min(bytes.len());
                            session.push(&Elsewhere(&bytes[start..end]), end == bytes.len());
                        }
                        Step::Progress { .. } | Step::Restart | Step::Paused { .. } => {}
                        Step::Done(imported) => break outcome(Ok(imported)),
                        Step::Failed(e) => break outcome(Err(e)),
                    }
                };
                assert!(sliced == whole, "{what}: slices of {slice} kept elsewhere");
            }
        }
    }

    #[test]
    fn a_late_byte_that_is_not_utf8_restarts_once_and_reads_as_windows_1252() {
        // The late byte lies past the sample the code page is detected from: the owners of
        // the 300 rows between are long names.
        let (_, kind, bytes) = files().into_iter().next().unwrap();
        let long_owner = format!(",{}\n", "Ann".repeat(1200));
        let text = String::from_utf8_lossy(&bytes).replace(",Ann\n", &long_owner);
        let mut bytes = text.as_bytes()[..text.len() - "Ren\u{FFFD}e\n".len()].to_vec();
        bytes.extend_from_slice(b"Ren\xe9e\n");
        assert!(bytes.len() > crate::ingest::SAMPLE_BYTES);
        let mut session = Session::new("f.csv", bytes.len() as u64, ReadOptions::new(kind));
        let (mut restarts, mut at) = (0, 0);
        let imported = loop {
            match session.step(50) {
                Step::NeedInput => {
                    let end = (at + 100).min(bytes.len());
                    session.push(&bytes[at..end], end == bytes.len());
                    at = end;
                }
                Step::Restart => {
                    restarts += 1;
                    at = 0;
                }
                Step::Progress { .. } => {}
                Step::Done(i) => break i,
                Step::Failed(e) => panic!("{e}"),
                Step::Paused { .. } => panic!("never told to stop"),
            }
        };
        assert_eq!(restarts, 1);
        assert_eq!(imported.report.encoding, "windows-1252");
        let Dataset::Deals(d) = imported.data else { panic!("deals") };
        assert_eq!(d.len(), 302);
    }

    #[test]
    fn an_unusable_header_reports_undecodable_bytes_first() {
        let bytes = b"only\n1\n2\n\xff\xfe\x00\x01";
        let whole = read_file(DatasetKind::Leads, "f.csv", bytes, None).unwrap_err();
        let sliced = read_in_slices("f.csv", bytes, 3, ReadOptions::new(DatasetKind::Leads)).unwrap_err();
        assert_eq!(sliced, whole);
        assert!(matches!(sliced, ImportError::Binary { .. }), "{sliced:?}");
    }

    #[test]
    fn explaining_a_preview_error_reports_undecodable_bytes_first() {
        let preview_error = ImportError::SingleColumn { file: "f.csv".into(), header: "only".into() };
        // Windows-1252 after non-ASCII UTF-8: no undecodable bytes, the preview's error stands.
        let mut late_1252 = "only\nZo\u{eb}\n".as_bytes().to_vec();
        late_1252.extend_from_slice(b"Ren\xe9e\n");
        for (bytes, want) in [
            (b"only\n1\n2\n\xff\xfe\x00\x01".to_vec(), ImportError::Binary { file: "f.csv".into() }),
            (b"only\n1\n2\n".to_vec(), preview_error.clone()),
            (late_1252, preview_error.clone()),
        ] {
            for slice in SLICES {
                let mut session = Session::explain("f.csv", bytes.len() as u64, preview_error.clone());
                assert_eq!(run(&mut session, &bytes, slice, 10).unwrap_err(), want, "slices of {slice}");
            }
        }
    }

    #[test]
    fn progress_counts_rows_and_bytes_as_they_are_read() {
        let mut csv = String::from("owner,month,quota\n");
        for i in 0..1000 {
            csv.push_str(&format!("O{i},2024-01,{i}\n"));
        }
        let bytes = csv.as_bytes();
        let mut session = Session::new("q.csv", bytes.len() as u64, ReadOptions::new(DatasetKind::Quotas));
        let mut seen = Vec::new();
        let done = loop {
            match session.step(100) {
                Step::NeedInput => {
                    let start = session.bytes_pushed() as usize;
                    let end = (start + 1000).min(bytes.len());
                    session.push(&bytes[start..end], end == bytes.len());
                }
                Step::Progress { rows, bytes } => seen.push((rows, bytes)),
                Step::Restart => panic!("no restart for ASCII"),
                Step::Done(i) => break i,
                Step::Failed(e) => panic!("{e}"),
                Step::Paused { .. } => panic!("never told to stop"),
            }
        };
        assert_eq!(done.data.len(), 1000);
        assert!(seen.windows(2).all(|w| w[0].0 <= w[1].0 && w[0].1 <= w[1].1), "{seen:?}");
        assert!(seen.iter().all(|&(r, b)| r <= 1000 && b <= bytes.len() as u64));
        assert!(seen.iter().any(|&(r, _)| r > 0 && r < 1000), "progress arrives before the end");
    }

    #[test]
    fn progress_is_known_when_each_chunk_uses_up_its_slice() {
        // Slices (past the 64 KB the header needs) smaller than a chunk's row budget: every step ends asking for input, and the
        // progress bar still has to move.
        let mut csv = String::from("owner,month,quota\n");
        for i in 0..20_000 {
            csv.push_str(&format!("O{i},2024-01,{i}\n"));
        }
        let bytes = csv.as_bytes();
        let mut session = Session::new("q.csv", bytes.len() as u64, ReadOptions::new(DatasetKind::Quotas));
        assert_eq!(session.progress(), (0, 0));
        let mut seen = Vec::new();
        loop {
            match session.step(1_000_000) {
                Step::NeedInput => {
                    seen.push(session.progress());
                    let start = session.bytes_pushed() as usize;
                    let end = (start + 16_384).min(bytes.len());
                    session.push(&bytes[start..end], end == bytes.len());
                }
                Step::Progress { .. } => panic!("a chunk this large never stops before its slice ends"),
                Step::Restart => panic!("no restart for ASCII"),
                Step::Done(_) => break,
                Step::Failed(e) => panic!("{e}"),
                Step::Paused { .. } => panic!("never told to stop"),
            }
        }
        assert!(seen.windows(2).all(|w| w[0] <= w[1]), "{seen:?}");
        assert!(seen.iter().any(|&(r, b)| r > 0 && r < 20_000 && b > 0), "{seen:?}");
    }

    #[test]
    fn known_keys_reject_repeats_and_the_date_order_settles_dates() {
        let csv = b"deal_id,amount,stage,created_date,close_date\nA,1,Won,03/04/2024,05/06/2024\nB,2,Won,03/04/2024,05/06/2024\n";
        let options = ReadOptions {
            kind: DatasetKind::Deals,
            mapping: None,
            date_order: Some(DateOrder::DayFirst),
            known: Some(KnownKeys { keys: vec!["A".into()], from: "a.csv".into() }),
            code_page: None,
        };
        for slice in SLICES {
            let imported = read_in_slices("b.csv", csv, slice, options.clone()).unwrap();
            assert_eq!(imported.data.len(), 1, "slices of {slice}");
            let rejected = &imported.report.rejected;
            assert_eq!(rejected.len(), 1);
            assert_eq!(rejected[0].line, 2);
            assert!(rejected[0].reason.to_string().contains("already loaded from a.csv"), "{}", rejected[0].reason);
            let Dataset::Deals(d) = imported.data else { panic!("deals") };
            assert_eq!(d.created.get(0), crate::day::Day::from_ymd(2024, 4, 3));
        }
    }

    proptest::proptest! {
        /// Any bytes shaped like a CSV (with stray non-UTF-8 bytes, quotes and blank lines), any
        /// slice size, any row budget: what a whole-file read gives.
        #[test]
        fn any_slicing_gives_the_whole_read(
            body in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::strategy::Just(b"Q1,2024-01,5\n".to_vec()),
                    proptest::strategy::Just(b"\"Z\xc3\xabe, \"\"x\"\"\",2024-02,7\r\n".to_vec()),
                    proptest::strategy::Just(b"R\xe9,2024-03,1\n".to_vec()),
                    proptest::strategy::Just(b"\n".to_vec()),
                    proptest::strategy::Just(b"bad,row\n".to_vec()),
                    proptest::strategy::Just(b"\"open,2024-01,1\n".to_vec()),
                ],
                0..40,
            ),
            slice in 1usize..64,
            rows in 1usize..20,
        ) {
            let mut bytes = b"owner,month,quota\n".to_vec();
            bytes.extend(body.concat());
            let whole = outcome(read_file(DatasetKind::Quotas, "p.csv", &bytes, None));
            let mut session = Session::new("p.csv", bytes.len() as u64, ReadOptions::new(DatasetKind::Quotas));
            let sliced = outcome(run(&mut session, &bytes, slice, rows));
            proptest::prop_assert!(sliced == whole, "slices of {}, chunks of {}: {:?} vs {:?}", slice, rows, sliced.as_ref().err(), whole.as_ref().err());
        }
    }

    #[test]
    fn a_failed_session_stays_failed() {
        let mut session = Session::new("e.csv", 2, ReadOptions::new(DatasetKind::Quotas));
        assert!(matches!(session.step(10), Step::NeedInput));
        session.push(&b" \n"[..], true);
        assert!(matches!(session.step(10), Step::Failed(ImportError::Empty { .. })));
        session.push(&b"more"[..], true);
        assert!(matches!(session.step(10), Step::Failed(_)));
    }
}
