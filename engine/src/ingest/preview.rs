//! The start of a file, for deciding what it is and choosing its columns by hand.

use super::datasets::{detect_datasets, DatasetFit, DatasetKind};
use super::decode::decode;
use super::mapping::auto_map;
use super::source::CsvSource;
use super::stream::{Feed, PushError};
use crate::error::ImportError;

/// Headers, the first rows, the datasets the headers fit, and the automatic column guess for
/// the best one.
#[derive(Clone, Debug, PartialEq)]
pub struct Preview {
    /// Column names.
    pub headers: Vec<String>,
    /// The first data rows, as text.
    pub rows: Vec<Vec<String>>,
    /// Every dataset ranked by how well the headers fit it (see [`detect_datasets`]).
    pub fits: Vec<DatasetFit>,
    /// The dataset the file is read as: the one asked for, else the best fit.
    pub kind: DatasetKind,
    /// The automatic guess: a column per field of `kind`.
    pub mapping: Vec<Option<usize>>,
    /// Required fields the guess leaves without a column.
    pub missing: Vec<&'static str>,
}

impl Preview {
    /// The automatic guess for another dataset.
    pub fn mapping_for(&self, kind: DatasetKind) -> Vec<Option<usize>> {
        auto_map(kind.fields(), &self.headers)
    }

    /// Whether every required field of `kind` found a column by its name, or all but a deals
    /// file's id (its rows are then numbered by their line: see
    /// [`super::ImportReport::ids_generated`]).
    pub fn complete(&self) -> bool {
        self.missing.is_empty() || (self.kind == DatasetKind::Deals && self.missing == ["deal_id"])
    }
}

/// Reads the header and first `rows` rows of a file. `kind` says which dataset to map it to;
/// `None` picks the dataset its headers fit best (deals when they name no field at all).
///
/// ```
/// use pipelens_engine::ingest::{preview, DatasetKind};
/// let csv = b"lead_id,created_at,source\nL1,2024-01-02 10:00,Web\n";
/// let p = preview("leads.csv", csv, 5, None).unwrap();
/// assert_eq!((p.kind, p.complete(), p.rows.len()), (DatasetKind::Leads, true, 1));
/// assert_eq!(preview("odd.csv", b"Ref;Summe\nX;1\n", 5, None).unwrap().kind, DatasetKind::Deals);
/// ```
pub fn preview(file: &str, bytes: &[u8], rows: usize, kind: Option<DatasetKind>) -> Result<Preview, ImportError> {
    let decoded = decode(file, bytes)?;
    let src = CsvSource::open_text(file, &decoded.text, decoded.encoding)?;
    preview_of(src, rows, kind)
}

/// Like [`preview`], from the start of a file (`head`, of a file `byte_len` bytes long): the
/// rows are the complete ones in `head`; a row or a character cut at its end is left out.
///
/// ```
/// use pipelens_engine::ingest::{preview_start, DatasetKind};
/// let csv = "lead_id,created_at,source\nL1,2024-01-02 10:00,Web\nL2,2024-01-03,Zoë\n";
/// let p = preview_start("leads.csv", &csv.as_bytes()[..csv.len() - 3], csv.len() as u64, 5, None).unwrap();
/// assert_eq!((p.kind, p.rows.len()), (DatasetKind::Leads, 1));
/// ```
pub fn preview_start(
    file: &str,
    head: &[u8],
    byte_len: u64,
    rows: usize,
    kind: Option<DatasetKind>,
) -> Result<Preview, ImportError> {
    let last = head.len() as u64 >= byte_len;
    let mut feed = Feed::new(file, byte_len);
    if let Err(e) = feed.push(head, last) {
        match e {
            PushError::Import(e) => return Err(e),
            PushError::ReadAgainWithoutUtf8 => {
                feed = Feed::without_utf8(file, byte_len);
                feed.push(head, last).map_err(|e| match e {
                    PushError::Import(e) => e,
                    PushError::ReadAgainWithoutUtf8 => ImportError::Binary { file: file.to_owned() },
                })?;
            }
        }
    }
    preview_of(CsvSource::open(file, feed)?, rows, kind)
}

fn preview_of(mut src: CsvSource, rows: usize, kind: Option<DatasetKind>) -> Result<Preview, ImportError> {
    let mut sample = Vec::new();
    while sample.len() < rows {
        match src.next_record() {
            Some(Ok(_)) => sample.push(src.record().iter().take(src.headers.len()).map(str::to_owned).collect()),
            Some(Err(_)) => continue,
            None => break,
        }
    }
    let fits = detect_datasets(&src.headers);
    // Headers that name no field of any dataset are most likely deals with unusual names.
    let best = if fits[0].matched.is_empty() { DatasetKind::Deals } else { fits[0].kind };
    let kind = kind.unwrap_or(best);
    let mapping = auto_map(kind.fields(), &src.headers);
    let missing = kind.missing_in(&mapping);
    Ok(Preview { headers: src.headers, rows: sample, fits, kind, mapping, missing })
}
