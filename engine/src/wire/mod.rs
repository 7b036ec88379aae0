//! A read file as bytes, and back: how the parse worker hands what it read to the page. The
//! worker runs the engine built for speed off the page's thread; the page gets the dataset's
//! columns (each a run of bytes, copied once; dictionary codes in one, two or four bytes, as
//! their dictionary needs) and the whole data-quality report, typed, so the
//! page shows everything as if it had read the file itself. Reading back checks every length,
//! tag and offset: bytes from anywhere else are refused with a [`WireError`], never trusted.
//!
//! ```
//! use pipelens_engine::ingest::{read_in_slices, DatasetKind, ReadOptions};
//! use pipelens_engine::wire;
//! let csv = b"deal_id,amount,stage,created_date,close_date\nD1,100,Won,2024-01-02,2024-02-01\n";
//! let read = read_in_slices("deals.csv", csv, 64, ReadOptions::new(DatasetKind::Deals)).unwrap();
//! let back = wire::decode_imported(&wire::encode_imported(&read)).unwrap();
//! assert_eq!((back.data, back.report), (read.data, read.report));
//! ```

mod codec;
mod report;
mod statics;
mod tables;
mod tail;

pub use codec::{fill_items, written, Reader, Sink, Source, Wire, WireError, Writer, RUN_BYTES};

use crate::deals_table::DealsTable;
use crate::ingest::{
    CodePage, Dataset, ImportReport, Imported, KnownKeys, NotMergeable, ReadOptions, Session, TailPart,
};

/// The first bytes of every message, with the layout's version: a page and a worker of two
/// different builds refuse each other's messages instead of misreading them.
const MAGIC: [u8; 4] = *b"PLW2";

fn magic(w: &mut Writer<'_>) {
    MAGIC.iter().for_each(|&b| w.u8(b));
}

/// Reads a whole message: its magic, the value, and nothing after it.
fn read_all<T>(
    source: &mut dyn Source,
    value: impl FnOnce(&mut Reader<'_>) -> Result<T, WireError>,
) -> Result<T, WireError> {
    let mut r = opened(source)?;
    let v = value(&mut r)?;
    ended(&r, v)
}

/// A reader of a message in `source`, past its magic.
fn opened(source: &mut dyn Source) -> Result<Reader<'_>, WireError> {
    let mut r = Reader::new(source);
    if r.bytes(MAGIC.len())? != MAGIC {
        return Err(WireError::Invalid("message (not from this build)"));
    }
    Ok(r)
}

/// `v`, read by `r`, when the message has nothing after it.
fn ended<T>(r: &Reader<'_>, v: T) -> Result<T, WireError> {
    if r.is_done() {
        Ok(v)
    } else {
        Err(WireError::Invalid("message (bytes after its end)"))
    }
}

/// Writes a read file (dataset and report) as one message into `sink`, a run of at most
/// [`RUN_BYTES`] at a time: the whole message is never held in the engine's memory.
pub fn write_imported(imported: &Imported, sink: &mut dyn Sink) {
    let mut w = Writer::new(sink);
    magic(&mut w);
    imported.data.put(&mut w);
    imported.report.put(&mut w);
    w.finish();
}

/// A read file as one message in memory (see [`write_imported`]).
pub fn encode_imported(imported: &Imported) -> Vec<u8> {
    let mut out = Vec::new();
    write_imported(imported, &mut out);
    out
}

/// The read file a [`write_imported`] message holds, read from `source`.
pub fn read_imported(source: &mut dyn Source) -> Result<Imported, WireError> {
    let mut reader = ImportedReader::new(source)?;
    loop {
        if let Some(imported) = reader.step()? {
            return Ok(imported);
        }
    }
}

/// [`read_imported`] a step at a time: a deals table a big column per step, then the rest.
/// The page reads a big file's message over several tasks, giving the page a turn between
/// steps when a task has run long (one task read a million rows' message in about 50 ms, ten
/// million in half a second).
pub struct ImportedReader<'s> {
    r: Reader<'s>,
    /// The dataset's tag, and for deals the table read so far and its next step.
    kind: u8,
    deals: DealsTable,
    step: usize,
}

impl<'s> ImportedReader<'s> {
    /// A reader of the message in `source`, its magic and dataset tag read.
    pub fn new(source: &'s mut dyn Source) -> Result<ImportedReader<'s>, WireError> {
        let mut r = opened(source)?;
        let kind = r.u8()?;
        Ok(ImportedReader { r, kind, deals: DealsTable::default(), step: 0 })
    }

    /// Reads the next step; the read file once the last is read.
    pub fn step(&mut self) -> Result<Option<Imported>, WireError> {
        let data = match self.kind {
            tables::DEALS if self.step < tables::DEALS_STEPS => {
                tables::take_deals_step(&mut self.r, &mut self.deals, self.step)?;
                self.step += 1;
                return Ok(None);
            }
            tables::DEALS => Dataset::Deals(tables::whole_deals(std::mem::take(&mut self.deals))?),
            tables::TABLE => Dataset::Table(crate::table::Table::take(&mut self.r)?),
            _ => return Err(WireError::Invalid("dataset")),
        };
        let report = ImportReport::take(&mut self.r)?;
        ended(&self.r, Imported { data, report }).map(Some)
    }
}

/// The read file an [`encode_imported`] message holds.
pub fn decode_imported(mut bytes: &[u8]) -> Result<Imported, WireError> {
    read_imported(&mut bytes)
}

/// Marks a tail's part after the magic: a read file is never taken for one.
const TAIL: u8 = b'T';

/// Writes what the tail of a file read as two halves read (see [`crate::ingest::Tail`]) as one
/// message into `sink`, for the worker that read the head to [`crate::ingest::Session::absorb`].
pub fn write_tail_part(part: &TailPart, sink: &mut dyn Sink) {
    let mut w = Writer::new(sink);
    magic(&mut w);
    w.u8(TAIL);
    tail::put(&mut w, part);
    w.finish();
}

/// The tail's part a [`write_tail_part`] message holds, read from `source`: every length is
/// checked against the rows it says it kept.
pub fn read_tail_part(source: &mut dyn Source) -> Result<TailPart, WireError> {
    read_all(source, |r| match r.u8()? {
        TAIL => tail::take(r),
        _ => Err(WireError::Invalid("message (not a tail's part)")),
    })
}

/// Appends the tail's part a [`write_tail_part`] message holds to `session`, the paused head
/// (see [`Session::absorb`]), a column at a time as the message is read: the head never holds
/// the whole part beside its own rows. Refused, with the session unchanged, when the part
/// cannot be merged or the message does not read before any of its rows are appended (the
/// head then [`Session::resume`]s); [`NotMergeable::Broken`] when it breaks off after, and
/// the session reads the whole file again.
pub fn absorb_tail_part(source: &mut dyn Source, session: &mut Session) -> Result<(), NotMergeable> {
    let mut r = opened(source)?;
    if r.u8()? != TAIL {
        return Err(WireError::Invalid("message (not a tail's part)").into());
    }
    let header = tail::take_header(&mut r)?;
    let rows = header.rows_kept;
    session.absorb_with(header, |head| {
        tail::append_rows(&mut r, rows, head)?;
        Ok(ended(&r, ())?)
    })
}

impl Wire for CodePage {
    fn put(&self, w: &mut Writer<'_>) {
        w.str(self.name());
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, WireError> {
        let name = r.string()?;
        CodePage::from_name(&name).ok_or(WireError::Unknown(name))
    }
}

/// How to read a file, as one message (the page asks the worker with it).
pub fn encode_options(options: &ReadOptions) -> Vec<u8> {
    written(|w| {
        magic(w);
        options.kind.put(w);
        options.mapping.as_ref().map(|m| m.iter().map(|c| c.map(|c| c as u64)).collect::<Vec<_>>()).put(w);
        options.date_order.put(w);
        // Laid out as `Option<(Vec<String>, String)>`, written without copying the keys.
        match &options.known {
            None => w.u8(0),
            Some(k) => {
                w.u8(1);
                k.keys.put(w);
                w.str(&k.from);
            }
        }
        options.code_page.put(w);
    })
}

/// The read options an [`encode_options`] message holds.
pub fn decode_options(mut bytes: &[u8]) -> Result<ReadOptions, WireError> {
    read_all(&mut bytes, |r| {
        let kind = Wire::take(r)?;
        let mapping: Option<Vec<Option<u64>>> = Wire::take(r)?;
        let mapping = match mapping {
            Some(m) => Some(
                m.into_iter()
                    .map(|c| c.map(usize::try_from).transpose())
                    .collect::<Result<Vec<_>, _>>()
                    .map_err(|_| WireError::Invalid("column"))?,
            ),
            None => None,
        };
        let date_order = Wire::take(r)?;
        let known: Option<(Vec<String>, String)> = Wire::take(r)?;
        let code_page = Wire::take(r)?;
        Ok(ReadOptions {
            kind,
            mapping,
            date_order,
            known: known.map(|(keys, from)| KnownKeys { keys, from }),
            code_page,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{read_in_slices, DatasetKind, DateOrder};

    /// Reads `bytes` as `kind` and checks that the read survives the wire unchanged, and that
    /// every cut of its message is refused.
    fn survives(file: &str, bytes: &[u8], kind: DatasetKind) -> Imported {
        let read = read_in_slices(file, bytes, 97, ReadOptions::new(kind)).unwrap_or_else(|e| panic!("{file}: {e}"));
        let message = encode_imported(&read);
        let back = decode_imported(&message).unwrap_or_else(|e| panic!("{file}: {e}"));
        assert_eq!(back.data, read.data, "{file}");
        assert_eq!(back.report, read.report, "{file}");
        for cut in [0, 3, 4, message.len() / 2, message.len() - 1] {
            assert!(decode_imported(&message[..cut]).is_err(), "{file} cut at {cut}");
        }
        read
    }

    #[test]
    fn a_message_read_a_step_at_a_time_is_the_message_read_at_once() {
        for f in crate::fixtures::all(5).into_iter().take(6) {
            let read = read_in_slices(&f.file, &f.bytes, 97, ReadOptions::new(DatasetKind::Deals)).unwrap();
            let message = encode_imported(&read);
            let mut source = message.as_slice();
            let mut reader = ImportedReader::new(&mut source).unwrap();
            let mut steps = 1;
            let back = loop {
                match reader.step().unwrap() {
                    Some(back) => break back,
                    None => steps += 1,
                }
            };
            assert_eq!((back.data, back.report), (read.data, read.report), "{}", f.file);
            assert_eq!(steps, tables::DEALS_STEPS + 1, "{}: a step per big column, then the rest", f.file);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
        /// Any byte of a read file's message changed to any value: read back or refused, a step
        /// at a time as at once, never a panic.
        #[test]
        fn a_changed_byte_never_panics_the_reader(at in 0.0f64..1.0, value in 0u8..=255) {
            let csv = b"deal_id,amount,stage,created_date,close_date,owner\nD1,10,Won,2024-01-02,2024-02-01,Ann\nD2,oops,Lost,2024-01-03,2024-02-10,Bo\nD3,30,Open,2024-01-04,,Ann\n";
            let read = read_in_slices("d.csv", csv, 64, ReadOptions::new(DatasetKind::Deals)).unwrap();
            let mut message = encode_imported(&read);
            let i = ((message.len() - 1) as f64 * at) as usize;
            message[i] = value;
            let at_once = decode_imported(&message);
            let mut source = message.as_slice();
            let stepped = ImportedReader::new(&mut source).and_then(|mut r| loop {
                if let Some(back) = r.step()? {
                    break Ok(back);
                }
            });
            proptest::prop_assert_eq!(at_once.is_ok(), stepped.is_ok());
        }
    }

    #[test]
    fn every_crm_layout_survives_the_wire() {
        for f in crate::fixtures::all(5) {
            survives(&f.file, &f.bytes, DatasetKind::Deals);
        }
    }

    #[test]
    fn rejected_rows_unreadable_cells_and_reasons_survive_the_wire() {
        let csv = "Report: Q1 deals\n\
                   Opportunity ID,Amount,Stage,Created Date,Close Date,Owner,Probability (%),Forecast Category\n\
                   D1,\"1,200.50\",Closed Won,2024-01-02,2024-02-01,Ann,100,Closed\n\
                   D1,5,Closed Won,2024-01-02,2024-02-01,Ann,100,Closed\n\
                   D2,lots,Negotiation,02/03/2024,,Bob,40,Commit\n\
                   D3,7,Closed Lost,2024-01-05\n\
                   ,9,Prospecting,2024-01-05,2024-03-01,Bob,10,Pipeline\n";
        let read = survives("messy.csv", csv.as_bytes(), DatasetKind::Deals);
        let r = &read.report;
        assert!(!r.rejected.is_empty() && !r.cell_issues.is_empty() && !r.preamble.is_empty(), "{r:?}");
        assert!(!r.mapping_reasons.is_empty());
    }

    #[test]
    fn other_datasets_survive_the_wire() {
        let leads = "lead_id,created_at,first_contact_at,owner,source,converted\n\
                     L1,2024-01-02T10:00:00Z,2024-01-02T11:30:00Z,Ann,Web,yes\n\
                     L2,2024-01-03 09:00,,Bob,Event,no\n";
        survives("leads.csv", leads.as_bytes(), DatasetKind::Leads);
        let spend = "month,channel,amount\n2024-01,Ads,100\n2024-02,Events,x\n";
        survives("spend.csv", spend.as_bytes(), DatasetKind::Spend);
    }

    #[test]
    fn read_options_survive_the_wire() {
        let options = ReadOptions {
            kind: DatasetKind::History,
            mapping: Some(vec![Some(2), None, Some(0)]),
            date_order: Some(DateOrder::DayFirst),
            known: Some(KnownKeys { keys: vec!["D1".into(), "D2".into()], from: "a.csv".into() }),
            code_page: CodePage::from_name("windows-1250"),
        };
        assert_eq!(decode_options(&encode_options(&options)), Ok(options.clone()));
        assert_eq!(
            decode_options(&encode_options(&ReadOptions::new(DatasetKind::Deals))),
            Ok(ReadOptions::new(DatasetKind::Deals))
        );
        let mut other = encode_options(&options);
        other[3] = b'9';
        assert!(decode_options(&other).is_err(), "a message of another layout is refused");
    }
}
