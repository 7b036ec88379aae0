//! One reader for every dataset, a chunk of rows at a time: deals fill their own table
//! ([`DealsReader`]), the others a [`Table`] ([`TableReader`]). Read a file whole with
//! [`read_file`], in slices with a [`super::Session`].

use super::datasets::DatasetKind;
use super::dates::DateOrder;
use super::deal_reader::DealsReader;
use super::decode::{decode, Decoded};
use super::report::ImportReport;
use super::stream::{Feed, PushError};
use super::table_reader::TableReader;
use crate::deals_table::DealsTable;
use crate::error::ImportError;
use crate::table::Table;

/// A loaded dataset.
// One value per loaded file, moved a few times: the size difference costs nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq)]
pub enum Dataset {
    /// Deals, in their own table.
    Deals(DealsTable),
    /// Any other dataset.
    Table(Table),
}

impl Dataset {
    /// Which dataset it is.
    pub fn kind(&self) -> DatasetKind {
        match self {
            Dataset::Deals(_) => DatasetKind::Deals,
            Dataset::Table(t) => t.kind,
        }
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        match self {
            Dataset::Deals(d) => d.len(),
            Dataset::Table(t) => t.len,
        }
    }

    /// Whether it has no rows.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// A file read as one dataset, with its data-quality report.
#[derive(Clone, Debug)]
pub struct Imported {
    /// The kept rows.
    pub data: Dataset,
    /// What happened to every row.
    pub report: ImportReport,
}

/// Reads a file as one dataset, a chunk of rows at a time.
///
/// ```
/// use pipelens_engine::ingest::{decode, DatasetKind, Reader};
/// let csv = b"owner,month,quota\nAnn,2024-01,1000\n";
/// let text = decode("q.csv", csv).unwrap();
/// let mut reader = Reader::open(DatasetKind::Quotas, "q.csv", csv.len(), &text, None).unwrap();
/// while !reader.read_chunk(1000) {}
/// assert_eq!(reader.finish().unwrap().data.len(), 1);
/// ```
pub enum Reader {
    /// Reading deals.
    Deals(Box<DealsReader>),
    /// Reading another dataset.
    Table(Box<TableReader>),
}

impl Reader {
    /// Opens `decoded` as `kind`, with the user's column per field of `kind.fields()`, or
    /// mapping the headers automatically when `mapping` is `None`.
    pub fn open(
        kind: DatasetKind,
        file: &str,
        byte_len: usize,
        decoded: &Decoded<'_>,
        mapping: Option<&[Option<usize>]>,
    ) -> Result<Reader, ImportError> {
        Ok(match kind {
            DatasetKind::Deals => Reader::Deals(Box::new(DealsReader::open_mapped(file, byte_len, decoded, mapping)?)),
            _ => Reader::Table(Box::new(TableReader::open(kind, file, byte_len, decoded, mapping)?)),
        })
    }

    /// Opens a file as `kind` while it is being read: `feed` has been pushed the start of the
    /// file until [`Feed::ready`]; push the rest with [`Reader::push`] whenever
    /// [`Reader::wants_input`] says so.
    ///
    /// ```
    /// use pipelens_engine::ingest::{DatasetKind, Feed, Reader};
    /// let csv = b"owner,month,quota\nAnn,2024-01,1000\nBob,2024-01,900\n";
    /// let mut slices = csv.chunks(7);
    /// let mut feed = Feed::new("q.csv", csv.len() as u64);
    /// while !feed.ready() {
    ///     let slice = slices.next().unwrap();
    ///     feed.push(slice, feed.bytes_pushed() + slice.len() as u64 == csv.len() as u64).unwrap();
    /// }
    /// let mut reader = Reader::from_feed(DatasetKind::Quotas, "q.csv", feed, None).unwrap();
    /// while !reader.read_chunk(1000) {
    ///     if reader.wants_input() {
    ///         let slice = slices.next().unwrap();
    ///         let last = reader.file_bytes_pushed() + slice.len() as u64 == csv.len() as u64;
    ///         reader.push(slice, last).unwrap();
    ///     }
    /// }
    /// assert_eq!(reader.finish().unwrap().data.len(), 2);
    /// ```
    pub fn from_feed(
        kind: DatasetKind,
        file: &str,
        feed: Feed,
        mapping: Option<&[Option<usize>]>,
    ) -> Result<Reader, ImportError> {
        Ok(match kind {
            DatasetKind::Deals => Reader::Deals(Box::new(DealsReader::from_feed(file, feed, mapping)?)),
            _ => Reader::Table(Box::new(TableReader::from_feed(kind, file, feed, mapping)?)),
        })
    }

    /// Appends the next slice of the file; `last` for the final one.
    pub fn push(&mut self, bytes: &[u8], last: bool) -> Result<(), PushError> {
        match self {
            Reader::Deals(r) => r.push(bytes, last),
            Reader::Table(r) => r.push(bytes, last),
        }
    }

    /// Whether the last [`Reader::read_chunk`] stopped for want of input: push the next slice.
    pub fn wants_input(&self) -> bool {
        match self {
            Reader::Deals(r) => r.wants_input(),
            Reader::Table(r) => r.wants_input(),
        }
    }

    /// Bytes of the file consumed so far (estimated from the text): for progress.
    pub fn file_bytes_read(&self) -> u64 {
        match self {
            Reader::Deals(r) => r.file_bytes_read(),
            Reader::Table(r) => r.file_bytes_read(),
        }
    }

    /// Bytes of the file pushed so far.
    pub fn file_bytes_pushed(&self) -> u64 {
        match self {
            Reader::Deals(r) => r.feed().bytes_pushed(),
            Reader::Table(r) => r.feed().bytes_pushed(),
        }
    }

    /// Keys (deal ids, lead ids, ...) already loaded from `file`, for appending: rows that
    /// repeat one are rejected and say so.
    pub fn with_known_keys<'k>(&mut self, keys: impl IntoIterator<Item = &'k str>, file: &str) {
        match self {
            Reader::Deals(r) => r.with_known_keys(keys, file),
            Reader::Table(r) => r.with_known_keys(keys, file),
        }
    }

    /// Reads date columns whose cells cannot tell day-first from month-first in `order`.
    pub fn with_date_order(&mut self, order: DateOrder) {
        match self {
            Reader::Deals(r) => r.with_date_order(order),
            Reader::Table(r) => r.with_date_order(order),
        }
    }

    /// Reads up to `max_rows` more rows; true when the file is done. False also when it needs
    /// more input ([`Reader::wants_input`]).
    pub fn read_chunk(&mut self, max_rows: usize) -> bool {
        match self {
            Reader::Deals(r) => r.read_chunk(max_rows),
            Reader::Table(r) => r.read_chunk(max_rows),
        }
    }

    /// Data rows read so far.
    pub fn rows_read(&self) -> usize {
        match self {
            Reader::Deals(r) => r.rows_read(),
            Reader::Table(r) => r.rows_read(),
        }
    }

    /// Bytes of decoded text consumed so far.
    pub fn bytes_read(&self) -> u64 {
        match self {
            Reader::Deals(r) => r.bytes_read(),
            Reader::Table(r) => r.bytes_read(),
        }
    }

    /// The dataset and its report.
    pub fn finish(self) -> Result<Imported, ImportError> {
        match self {
            Reader::Deals(r) => r.finish().map(|i| Imported { data: Dataset::Deals(i.table), report: i.report }),
            Reader::Table(r) => r.finish().map(|(t, report)| Imported { data: Dataset::Table(t), report }),
        }
    }
}

/// Reads a whole file as `kind` (mapping its headers automatically when `mapping` is `None`).
pub fn read_file(
    kind: DatasetKind,
    file: &str,
    bytes: &[u8],
    mapping: Option<&[Option<usize>]>,
) -> Result<Imported, ImportError> {
    let decoded = decode(file, bytes)?;
    let mut reader = Reader::open(kind, file, bytes.len(), &decoded, mapping)?;
    while !reader.read_chunk(usize::MAX) {}
    reader.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::day::Day;

    #[test]
    fn the_users_date_order_settles_columns_that_cannot_tell() {
        let csv = b"deal_id,amount,stage,created_date,close_date\nA,1,Won,03/04/2024,05/06/2024\n";
        let read = |order: Option<DateOrder>| {
            let text = decode("d.csv", csv).unwrap();
            let mut r = Reader::open(DatasetKind::Deals, "d.csv", csv.len(), &text, None).unwrap();
            if let Some(o) = order {
                r.with_date_order(o);
            }
            while !r.read_chunk(10) {}
            match r.finish().unwrap() {
                Imported { data: Dataset::Deals(d), report } => {
                    (d.created.get(0), report.mapping[3].dates.clone().unwrap())
                }
                _ => unreachable!(),
            }
        };
        let (day, reading) = read(None);
        assert_eq!((day, reading.assumed), (Day::from_ymd(2024, 3, 4), true));
        let (day, reading) = read(Some(DateOrder::DayFirst));
        assert_eq!((day, reading.assumed), (Day::from_ymd(2024, 4, 3), false));
    }
}
