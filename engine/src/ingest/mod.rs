//! Reading CSV bytes into typed tables. Bad rows are reported with their line and column and
//! the good rows are kept; nothing here panics on any input.

mod codepage;
mod csv_format;
mod dataset;
mod datasets;
mod dates;
mod deals_pieces;
mod deals_sink;
mod decode;
mod detect;
mod entered;
mod exercise;
mod fields;
mod find3;
mod halves;
mod keys;
mod lite_detect;
mod mapping;
pub mod meaning;
mod part;
mod preview;
mod profile;
mod reader;
mod rejection;
mod report;
mod session;
mod sink;
mod sinks;
mod slice;
mod source;
mod split;
mod stream;
mod table_sink;
mod text_decoder;
mod utf8;
mod value;

pub use codepage::{CodePage, Confidence, Detection};
pub use csv_format::{sniff, CsvFormat, DELIMITERS};
pub use dataset::Dataset;
pub use datasets::{detect_datasets, DatasetFit, DatasetKind};
pub use dates::{
    read_date, read_month, read_time, Contradiction, DateCandidates, DateColumnBuilder, DateOrder, DateReading,
};
pub use deals_sink::probability_column;
pub use decode::{decode, decode_as, Decoded};
pub use detect::{detect, SAMPLE_BYTES};
pub use entered::entered_stage;
pub use exercise::import_everything;
pub use fields::{Fields, OwnedRecord};
pub use halves::{Tail, TailStep, PROBE_SAMPLE_ROWS};
pub use part::{NotMergeable, PartHeader, TailPart};

/// The insides of a tail's read, for the wire (see [`crate::wire::write_tail_part`]).
pub(crate) mod parts {
    pub(crate) use super::deals_pieces::{Piece, Shape};
    pub(crate) use super::deals_sink::{Columns, DealsSink};
    pub(crate) use super::profile::Tally;
    pub(crate) use super::reader::HeadRows;
    pub(crate) use super::sinks::Sink;
    pub(crate) use super::stream::TextBytes;
    pub(crate) use super::table_sink::{Builder, FieldColumn, TableSink};
}
pub use mapping::{auto_map, auto_map_rows, missing_required, normalise_header, FieldSpec, DEAL_FIELDS};
pub use preview::{preview, preview_start, Preview};
pub(crate) use profile::DETECTED;
pub use profile::{ColumnProfile, Profiler};
pub use reader::{read_deals, read_file, Imported, ImportedDeals, Reader};
pub use rejection::{FirstSeen, Rejection};
pub use report::{CellIssue, IdsGenerated, ImportReport, MappedField, RejectedRow, CELL_ISSUE_LIMIT};
pub use session::{read_in_halves, read_in_slices, KnownKeys, ReadOptions, Session, Step};
pub use slice::Slice;
pub use source::{read_table, CsvSource, RawTable};
pub use stream::{Feed, PushError};
pub(crate) use table_sink::{MONTH_EXPECTED, TIME_EXPECTED};
pub use text_decoder::{install_decoders, new_decoder, DecoderFactory, TextDecode};
pub(crate) use utf8::check_utf8;
pub(crate) use value::DATE_EXPECTED;
pub use value::{is_empty_cell, parse_amount, parse_bool, parse_date};
