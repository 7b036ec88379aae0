//! What the tail of a file read as two halves hands its head (see `halves.rs`): its
//! part, and why a part cannot be merged.

use super::codepage::Confidence;
use super::profile::Profiler;
use super::report::{CellIssue, IdsGenerated, RejectedRow};
use super::sinks::Sink;
use super::stream::TextBytes;
use crate::column::TextColumn;

/// Why a tail cannot be merged into its head: the head then reads the rest itself
/// ([`Session::resume`](crate::ingest::Session::resume)).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NotMergeable {
    /// The head is not paused (it was never stopped, or it has read on).
    NotPaused,
    /// The tail started at another record than the head paused before (a line break inside a
    /// quoted cell at the cut, or a cut before the header).
    Boundary {
        /// The file byte the head paused at.
        head: u64,
        /// The file byte the tail started at.
        tail: u64,
    },
    /// The text is not the file's bytes as they are at the boundary (UTF-16, a code page), or
    /// the halves decoded it differently (bytes past the head's sample that are not UTF-8).
    Encoding,
    /// The halves read the file with other headers, mapping, dialect, key or dataset.
    Settings,
    /// The head's sample (its `head` bytes) did not settle the header, the mapping or the key
    /// column's probe.
    Sample,
    /// Rows were held back at the boundary (rows that may begin a footer, or the key column's
    /// probe still deciding).
    HeldRows,
    /// A key the tail kept was seen by the head: that row is a repeat, which only a read in
    /// file order lists right.
    KeyRepeats,
    /// The tail's bytes cannot be read (the whole file then fails or restarts as it would).
    Failed,
    /// The part's message did not read, before any of its rows were appended.
    Message(String),
    /// The part's message broke off after some of its rows were appended: the head's rows are
    /// spoilt, so the head reads the whole file again from its first byte.
    Broken(String),
}

impl std::fmt::Display for NotMergeable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NotMergeable::NotPaused => write!(f, "the head is not paused"),
            NotMergeable::Boundary { head, tail } => {
                write!(f, "the head paused at byte {head} but the tail started at byte {tail}")
            }
            NotMergeable::Encoding => write!(f, "the halves are not in one encoding that splits at a byte"),
            NotMergeable::Settings => write!(f, "the halves read the file with other settings"),
            NotMergeable::Sample => write!(f, "the file's first bytes do not settle how it is read"),
            NotMergeable::HeldRows => write!(f, "rows were held back at the boundary"),
            NotMergeable::KeyRepeats => write!(f, "a key repeats across the halves"),
            NotMergeable::Failed => write!(f, "the tail's bytes cannot be read"),
            NotMergeable::Message(why) => write!(f, "the tail's message did not read ({why})"),
            NotMergeable::Broken(why) => write!(f, "the tail's message broke off ({why}): the file is read again"),
        }
    }
}

impl std::error::Error for NotMergeable {}

/// What a [`Tail`](crate::ingest::Tail) read: its rows as columns the head appends, and what
/// it says about them ([`PartHeader`]). Sent from the tail's worker to the head's with
/// [`crate::wire::write_tail_part`].
pub struct TailPart {
    pub(crate) header: PartHeader,
    pub(crate) sink: Sink,
}

/// What a tail's part says besides its rows: where it starts and how it read the file, and its
/// part of the report, lines counted from 1 at its first record ([`TailPart::start`]).
pub struct PartHeader {
    pub(crate) start: u64,
    pub(crate) started: TextBytes,
    pub(crate) ended: TextBytes,
    pub(crate) encoding: &'static str,
    pub(crate) confidence: Confidence,
    pub(crate) delimiter: u8,
    pub(crate) headers: Vec<String>,
    pub(crate) mapping: Vec<Option<usize>>,
    pub(crate) key: Option<usize>,
    pub(crate) ids_generated: Option<IdsGenerated>,
    pub(crate) rows_read: usize,
    pub(crate) rows_kept: usize,
    pub(crate) rejected: Vec<RejectedRow>,
    pub(crate) cell_issues: Vec<CellIssue>,
    pub(crate) cell_issues_total: usize,
    pub(crate) footer: Vec<(u64, String)>,
    /// The keys the tail kept, in order; empty when they are its deals' ids, which the rows
    /// carry.
    pub(crate) keys: TextColumn,
    pub(crate) profiler: Profiler,
}

impl TailPart {
    /// The file byte of the tail's first record.
    pub fn start(&self) -> u64 {
        self.header.start
    }

    /// Data rows the tail read (kept and rejected).
    pub fn rows_read(&self) -> usize {
        self.header.rows_read
    }

    /// Rows the tail kept.
    pub fn rows_kept(&self) -> usize {
        self.header.rows_kept
    }
}

impl std::fmt::Debug for TailPart {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TailPart")
            .field("start", &self.header.start)
            .field("rows_read", &self.header.rows_read)
            .field("rows_kept", &self.header.rows_kept)
            .finish_non_exhaustive()
    }
}
