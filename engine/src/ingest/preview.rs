//! The start of a file, for deciding what it is and choosing its columns by hand.

use super::datasets::{detect_datasets, DatasetFit, DatasetKind};
use super::decode::decode;
use super::reader::SAMPLE_ROWS;
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
    /// Per field of `kind`, why the guess chose its column ("header 'Deal owner' says owner and
    /// 12 distinct person-like values"), for the mapping screen.
    pub reasons: Vec<Option<super::meaning::MappingReason>>,
    /// Required fields whose column narrowly beat another: the mapping screen opens for them.
    pub unsure: Vec<&'static str>,
    /// The rows the guess looked at (up to [`SAMPLE_ROWS`]), cells in header order.
    pub sample: Vec<Vec<String>>,
}

impl Preview {
    /// The automatic guess for another dataset.
    pub fn mapping_for(&self, kind: DatasetKind) -> Vec<Option<usize>> {
        kind.assign(&self.headers, &self.sample).mapping()
    }

    /// Why the automatic guess for `kind` chose each field's column (see [`Preview::reasons`]).
    pub fn reasons_for(&self, kind: DatasetKind) -> Vec<Option<super::meaning::MappingReason>> {
        kind.assign(&self.headers, &self.sample).reasons()
    }

    /// Whether every required field of `kind` found a column surely, or all but a deals
    /// file's id (its rows are then numbered by their line: see
    /// [`super::ImportReport::ids_generated`]).
    pub fn complete(&self) -> bool {
        self.unsure.is_empty() && (self.missing.is_empty() || (self.kind.is_deals() && self.missing == ["deal_id"]))
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
    let sample_rows = src.peek(SAMPLE_ROWS.max(rows));
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
    let guess = kind.assign(&src.headers, &sample_rows);
    let mapping = guess.mapping();
    let missing = kind.missing_in(&mapping);
    Ok(Preview {
        headers: src.headers,
        rows: sample,
        fits,
        kind,
        mapping,
        missing,
        reasons: guess.reasons(),
        unsure: guess.unsure,
        sample: sample_rows,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_guess_gives_its_reason_and_uses_the_cells() {
        let csv = "Deal Name,Deal owner,Total,Notes,Deal Stage,Create Date\n\
                   Acme,Ann Lee,100,call back,Won,2024-01-02\n\
                   Beta,Bo Chen,200,no budget,Lost,2024-01-03\n\
                   Coda,Ann Lee,300,follow up,Open,2024-01-04\n";
        let p = preview("hubspot.csv", csv.as_bytes(), 2, None).unwrap();
        assert_eq!(p.kind, DatasetKind::Deals);
        assert!(p.complete(), "{:?} {:?}", p.missing, p.unsure);
        let at = |f: &str| DatasetKind::Deals.fields().iter().position(|s| s.name == f).unwrap();
        assert_eq!(p.mapping[at("owner")], Some(1));
        assert_eq!(
            p.reasons[at("owner")].as_ref().map(ToString::to_string).as_deref(),
            Some("header 'Deal owner' names owner and 2 distinct person-like values")
        );
        assert_eq!(
            p.reasons[at("deal_id")].as_ref().map(ToString::to_string).as_deref(),
            Some("header 'Deal Name' names deal_id and all 3 values differ")
        );
        assert_eq!((p.rows.len(), p.sample.len()), (2, 3));
        assert_eq!(p.reasons_for(DatasetKind::Deals), p.reasons);
        assert_eq!(p.mapping_for(DatasetKind::Deals), p.mapping);
    }

    #[test]
    fn two_columns_that_fit_a_required_field_equally_open_the_mapper() {
        let csv = "ID,Auftragswert,Importe,Status,Created\nA,1,2,Won,2024-01-01\n";
        let p = preview("two.csv", csv.as_bytes(), 5, Some(DatasetKind::Deals)).unwrap();
        assert!(p.missing.is_empty());
        assert_eq!(p.unsure, ["amount"]);
        assert!(!p.complete());
    }
}
