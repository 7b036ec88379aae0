//! The row reader's side of reading a file as two halves (see [`crate::ingest::halves`]): the
//! head pauses at a record boundary, the tail's reader is made from a reader of the file's
//! start, and the tail's rows are appended to the head's as if it had read them itself.

use super::Reader;
use crate::column::TextColumn;
use crate::ingest::codepage::Confidence;
use crate::ingest::deals_pieces::{Piece, Shape};
use crate::ingest::keys::SeenKeys;
use crate::ingest::part::{NotMergeable, PartHeader, TailPart};
use crate::ingest::profile::Profiler;
use crate::ingest::report::{ImportReport, CELL_ISSUE_LIMIT};
use crate::ingest::sinks::Sink;
use crate::ingest::stream::{Feed, TextBytes};
use crate::ingest::table_sink::TableSink;
use crate::ingest::{FirstSeen, Rejection};

/// Where a reader of a file read as two halves stands.
#[derive(Default)]
pub(crate) struct Halves {
    /// The rest of the file was absorbed from a tail: the reader is done.
    pub(crate) absorbed: bool,
    /// The encoding the tail settled on, when the head's part was ASCII throughout.
    pub(crate) encoding: Option<(&'static str, Confidence)>,
}

/// Rows read at a time from a tail's sample while the key column's probe settles.
const PROBE_CHUNK: usize = 64;

impl Reader {
    /// Pauses before the first record that starts past file byte `cut` (see
    /// [`crate::ingest::Session::stop_at`]). Does nothing when the text is not the file's bytes
    /// as they are (UTF-16, another code page from the start): such a reader reads on.
    pub(crate) fn stop_at(&mut self, cut: u64) {
        let feed = self.src.feed();
        let bom = match feed.text_bytes() {
            TextBytes::Utf8Bom => 3,
            TextBytes::Ascii | TextBytes::Utf8 => 0,
            // ASCII up to a byte past `cut` may still pause: see `paused_boundary`.
            TextBytes::Other if feed.ascii_until().is_some() => 0,
            TextBytes::Other => return,
        };
        self.src.stop_after(Some(cut.saturating_sub(bom)));
    }

    /// The feed the text comes through.
    pub(crate) fn src_feed(&self) -> &Feed {
        self.src.feed()
    }

    /// Whether the read is paused at its stop.
    pub(crate) fn is_paused(&self) -> bool {
        self.src.paused()
    }

    /// The file byte of the record the read paused before, when the text up to it is the
    /// file's bytes as they are.
    pub(crate) fn paused_boundary(&self) -> Option<u64> {
        self.src.paused_at().and_then(|at| self.src.feed().file_byte_of(at))
    }

    /// Reads on past the stop, to the end of the file.
    pub(crate) fn resume(&mut self) {
        self.src.stop_after(None);
    }

    /// Reads the rows a tail's sample holds until the key column's probe is settled, as the
    /// head settles it; false when the sample runs out first.
    pub(crate) fn settle_probe_in_sample(&mut self) -> bool {
        while self.probe.is_some() {
            if self.read_chunk(PROBE_CHUNK) {
                return true;
            }
            if self.wants_input() {
                return false;
            }
        }
        true
    }

    /// A reader of the rest of the file from a record boundary, fed by `feed`: the same
    /// headers, mapping, key and dataset as this one (opened on the file's start, its probe
    /// settled), no rows, lines counted from 1 at the boundary.
    pub(crate) fn continuing(&self, feed: Feed) -> Reader {
        let report = ImportReport {
            file: self.report.file.clone(),
            bytes: self.report.bytes,
            delimiter: self.report.delimiter,
            ids_generated: self.report.ids_generated.clone(),
            ..ImportReport::default()
        };
        Reader {
            src: self.src.continuing(feed),
            headers: self.headers.clone(),
            mapping: self.mapping.clone(),
            key: self.key.clone(),
            first_line_of: Default::default(),
            known_from: String::new(),
            known_keys: 0,
            date_order: self.date_order,
            presized: false,
            probe: None,
            report,
            profiler: Profiler::new(self.headers.len()),
            sink: self.sink.empty_like(),
            halves: Halves::default(),
        }
    }

    /// What a tail read (to the end of the file) hands the head: its rows and report, lines
    /// counted from its first record, which starts at file byte `start`; `started` is how its
    /// text began (see [`TextBytes`]).
    pub(crate) fn into_part(mut self, start: u64, started: TextBytes) -> TailPart {
        if let Sink::Deals(s) = &mut self.sink {
            s.ids_from(&mut self.first_line_of, self.known_keys);
        }
        let key = self.key.as_ref().map(|k| k.column);
        // A deals file's ids are its keys: its id column carries them.
        let keys = match &self.sink {
            Sink::Deals(s) if key.is_some() && s.cols.id == key => TextColumn::default(),
            _ => self.first_line_of.take_keys(self.known_keys),
        };
        let feed = self.src.feed();
        let header = PartHeader {
            start,
            started,
            ended: feed.text_bytes(),
            encoding: feed.encoding(),
            confidence: feed.confidence(),
            delimiter: self.src.dialect.delimiter,
            headers: self.headers,
            mapping: self.mapping,
            key,
            ids_generated: self.report.ids_generated,
            rows_read: self.report.rows_read,
            rows_kept: self.report.rows_kept,
            rejected: self.report.rejected,
            cell_issues: self.report.cell_issues,
            cell_issues_total: self.report.cell_issues_total,
            footer: self.src.footer,
            keys,
            profiler: self.profiler,
        };
        TailPart { header, sink: self.sink }
    }

    /// Appends a tail's rows to this paused head, as if it had read them itself; the reader is
    /// then done. The rows come from `rows`, through the [`HeadRows`] it is given: whole, or a
    /// column at a time (a worker, as it reads them off the part's message). Refused, with
    /// nothing changed, when the tail did not start where the head paused, read the file
    /// otherwise, or saw a key the head saw, or when `rows` fails before it appends anything;
    /// [`NotMergeable::Broken`] when it fails after: the head's rows are then spoilt.
    pub(crate) fn absorb_with(
        &mut self,
        part: PartHeader,
        rows: impl FnOnce(&mut HeadRows<'_>) -> Result<(), NotMergeable>,
    ) -> Result<(), NotMergeable> {
        let text_at = self.src.paused_at().ok_or(NotMergeable::NotPaused)?;
        let boundary = self.src.feed().file_byte_of(text_at).ok_or(NotMergeable::Encoding)?;
        if part.start != boundary {
            return Err(NotMergeable::Boundary { head: boundary, tail: part.start });
        }
        if self.probe.is_some() || self.src.holds_rows() {
            return Err(NotMergeable::HeldRows);
        }
        let same = part.headers == self.headers
            && part.mapping == self.mapping
            && part.delimiter == self.src.dialect.delimiter
            && part.key == self.key.as_ref().map(|k| k.column)
            && part.ids_generated == self.report.ids_generated;
        if !same {
            return Err(NotMergeable::Settings);
        }
        let encoding = self.tail_encoding(text_at, &part)?;
        if self.key.is_some() && self.first_line_of.contains_any(&part.keys) {
            return Err(NotMergeable::KeyRepeats);
        }
        let lines = self.src.line_at_pause().ok_or(NotMergeable::NotPaused)?.saturating_sub(1);
        // A deals file's ids are its keys: the tail's come with its rows.
        let key = self.key.as_ref().map(|k| k.column);
        let ids_are_keys = matches!(&self.sink, Sink::Deals(s) if key.is_some() && s.cols.id == key);
        let mut head = HeadRows {
            sink: &mut self.sink,
            lines,
            seen: ids_are_keys.then_some(&mut self.first_line_of),
            known: self.known_keys,
            appended: false,
        };
        match rows(&mut head) {
            Ok(()) => {}
            Err(e) if head.appended => return Err(NotMergeable::Broken(e.to_string())),
            Err(e) => return Err(e),
        }
        let PartHeader { rows_read, rows_kept, rejected, cell_issues, cell_issues_total, footer, profiler, .. } = part;
        let report = &mut self.report;
        report.rows_read += rows_read;
        report.rows_kept += rows_kept;
        report.rejected.extend(rejected.into_iter().map(|mut r| {
            r.line = r.line.saturating_add(lines);
            match &mut r.reason {
                Rejection::UnclosedQuote { line } => *line = line.saturating_add(lines),
                Rejection::DuplicateKey { first: FirstSeen::Line(first), .. } => *first = first.saturating_add(lines),
                _ => {}
            }
            r
        }));
        let room = CELL_ISSUE_LIMIT.saturating_sub(report.cell_issues.len());
        report.cell_issues.extend(cell_issues.into_iter().take(room).map(|mut c| {
            c.line = c.line.saturating_add(lines);
            c
        }));
        report.cell_issues_total += cell_issues_total;
        self.src.footer = footer.into_iter().map(|(line, text)| (line.saturating_add(lines), text)).collect();
        self.profiler.append(profiler);
        self.halves.absorbed = true;
        self.halves.encoding = encoding;
        Ok(())
    }

    /// The encoding the whole file is read in, given the head's text up to `text_at` and the
    /// tail's: the tail's own when the head's part was ASCII throughout (the first byte past
    /// ASCII, where the encoding is decided, was the tail's), else the head's, which the tail
    /// must have read alike (UTF-8, or ASCII within it).
    fn tail_encoding(
        &self,
        text_at: u64,
        part: &PartHeader,
    ) -> Result<Option<(&'static str, Confidence)>, NotMergeable> {
        let feed = self.src.feed();
        let ascii_at_boundary = match feed.ascii_until() {
            Some(end) => end >= text_at,
            None => feed.text_bytes() == TextBytes::Ascii,
        };
        let utf8 = |t: TextBytes| matches!(t, TextBytes::Ascii | TextBytes::Utf8);
        match feed.text_bytes() {
            _ if ascii_at_boundary && part.started == TextBytes::Ascii => Ok(Some((part.encoding, part.confidence))),
            TextBytes::Utf8 if !ascii_at_boundary && utf8(part.started) && utf8(part.ended) => Ok(None),
            TextBytes::Utf8Bom if part.started == TextBytes::Utf8Bom && part.ended == TextBytes::Utf8Bom => Ok(None),
            _ => Err(NotMergeable::Encoding),
        }
    }
}

/// A paused head's rows, taking a tail's (see [`Reader::absorb_with`]).
pub(crate) struct HeadRows<'r> {
    sink: &'r mut Sink,
    /// Lines of the file before the tail's first record.
    lines: u64,
    /// The keys the head kept, when the tail's deal ids are keys to check.
    seen: Option<&'r mut SeenKeys>,
    /// Keys loaded earlier, the first of `seen`.
    known: usize,
    /// Whether any of the tail's rows were appended.
    appended: bool,
}

impl HeadRows<'_> {
    /// Takes a tail's deals columns laid out as `shape` (say so before the first column):
    /// refused unless the head's are laid out alike.
    pub(crate) fn deals_shaped(&self, shape: &Shape) -> Result<(), NotMergeable> {
        match &*self.sink {
            Sink::Deals(s) if s.shape() == *shape => Ok(()),
            _ => Err(NotMergeable::Settings),
        }
    }

    /// Appends one of the tail's deals columns. The ids are refused, before anything is
    /// appended, when one repeats a key the head kept.
    pub(crate) fn deals(&mut self, piece: Piece) -> Result<(), NotMergeable> {
        let Sink::Deals(s) = &mut *self.sink else { return Err(NotMergeable::Settings) };
        if let (Piece::Ids(ids), Some(seen)) = (&piece, self.seen.as_deref_mut()) {
            if seen.contains_any(ids) {
                return Err(NotMergeable::KeyRepeats);
            }
            // The head's ids, held by its key set until now, become its column: the tail's
            // are appended to them.
            s.ids_from(seen, self.known);
        }
        self.appended = true;
        s.append_piece(piece, self.lines).then_some(()).ok_or(NotMergeable::Settings)
    }

    /// Appends the tail's rows of another dataset, all at once.
    pub(crate) fn table(&mut self, theirs: TableSink) -> Result<(), NotMergeable> {
        match &mut *self.sink {
            Sink::Table(mine) if mine.same_shape(&theirs) => {
                self.appended = true;
                mine.append(theirs, self.lines);
                Ok(())
            }
            _ => Err(NotMergeable::Settings),
        }
    }

    /// Appends the tail's rows held whole.
    pub(crate) fn sink(&mut self, sink: Sink) -> Result<(), NotMergeable> {
        match sink {
            Sink::Deals(theirs) => {
                self.deals_shaped(&theirs.shape())?;
                theirs.into_pieces().into_iter().try_for_each(|piece| self.deals(piece))
            }
            Sink::Table(theirs) => self.table(theirs),
        }
    }
}
