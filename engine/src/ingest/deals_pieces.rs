//! A deals sink a column at a time: how the tail of a file read as two halves hands its rows
//! to the head. A worker reads the tail's part off its message one column at a time and
//! appends each to the head's sink as soon as it is read (see `crate::wire`), so the head
//! holds at most one of the tail's columns beside its own rows, never the whole part.

use super::dates::DateColumnBuilder;
use super::deals_sink::{Columns, DealsSink};
use super::entered::EnteredColumns;
use crate::column::{AmountColumn, DictColumn, TextColumn};
use crate::forecast_category::ForecastCategory;
use crate::stage::Status;

/// How a deals sink's columns are laid out, which two sinks must share for one to take the
/// other's columns: the file's columns per field, whether the status comes from a column, and
/// the `entered_<stage>` columns.
#[derive(Clone, PartialEq)]
pub(crate) struct Shape {
    pub(crate) cols: Columns,
    pub(crate) status_from_column: bool,
    pub(crate) entered: Vec<(usize, String)>,
}

/// One column of a deals sink.
pub(crate) enum Piece {
    Ids(TextColumn),
    Amounts(AmountColumn),
    Stages(DictColumn),
    /// A dictionary column: `dims` by position (0 to 5), then account (6), lost stage (7),
    /// currency (8).
    Dict(usize, DictColumn),
    /// Probability cells as read, and whether any had a `%` sign.
    Probability(Vec<Option<f64>>, bool),
    ForecastCategory(Vec<Option<ForecastCategory>>),
    Statuses(Vec<Status>),
    Created(DateColumnBuilder),
    Close(DateColumnBuilder),
    /// The `entered_<stage>` column at this position of [`Shape::entered`].
    Entered(usize, DateColumnBuilder),
}

impl DealsSink {
    /// How this sink's columns are laid out.
    pub(crate) fn shape(&self) -> Shape {
        Shape {
            cols: self.cols.clone(),
            status_from_column: self.table.status_from_column,
            entered: self.entered.cols.clone(),
        }
    }

    /// An empty sink laid out as `shape`, for a part read off the wire.
    pub(crate) fn shaped(shape: Shape) -> DealsSink {
        let Shape { cols, status_from_column, entered } = shape;
        let dates = entered.iter().map(|_| DateColumnBuilder::default()).collect();
        let mut sink = DealsSink::with_columns(cols).with_entered_columns(EnteredColumns { cols: entered, dates });
        sink.table.status_from_column = status_from_column;
        sink
    }

    /// The dictionary column at position `i` of [`Piece::Dict`].
    fn dict_mut(&mut self, i: usize) -> Option<&mut Option<DictColumn>> {
        match i {
            0..6 => self.dims.get_mut(i),
            6 => Some(&mut self.account),
            7 => Some(&mut self.lost_stage),
            8 => Some(&mut self.currency),
            _ => None,
        }
    }

    /// The sink's columns, each once, in the order [`crate::wire`] carries them.
    pub(crate) fn into_pieces(self) -> Vec<Piece> {
        let DealsSink { table, dims, account, lost_stage, currency, probability, forecast_category, .. } = self;
        let mut pieces = vec![Piece::Ids(table.deal_id), Piece::Amounts(table.amount), Piece::Stages(table.stage)];
        let dicts = dims.into_iter().chain([account, lost_stage, currency]).enumerate();
        pieces.extend(dicts.filter_map(|(i, d)| Some(Piece::Dict(i, d?))));
        pieces.extend(probability.map(|(values, percent)| Piece::Probability(values, percent)));
        pieces.extend(forecast_category.map(Piece::ForecastCategory));
        pieces.extend([Piece::Statuses(self.status_cells), Piece::Created(self.created), Piece::Close(self.close)]);
        pieces.extend(self.entered.dates.into_iter().enumerate().map(|(i, d)| Piece::Entered(i, d)));
        pieces
    }

    /// Sets one column of a sink being read off the wire; false, with nothing set, when the
    /// sink has no such column.
    pub(crate) fn set_piece(&mut self, piece: Piece) -> bool {
        fn set<T>(slot: Option<&mut T>, value: T) -> bool {
            slot.map(|s| *s = value).is_some()
        }
        match piece {
            Piece::Ids(c) => set(Some(&mut self.table.deal_id), c),
            Piece::Amounts(c) => set(Some(&mut self.table.amount), c),
            Piece::Stages(c) => set(Some(&mut self.table.stage), c),
            Piece::Dict(i, c) => set(self.dict_mut(i).and_then(Option::as_mut), c),
            Piece::Probability(v, percent) => set(self.probability.as_mut(), (v, percent)),
            Piece::ForecastCategory(v) => set(self.forecast_category.as_mut(), v),
            Piece::Statuses(v) => set(Some(&mut self.status_cells), v),
            Piece::Created(b) => set(Some(&mut self.created), b),
            Piece::Close(b) => set(Some(&mut self.close), b),
            Piece::Entered(i, b) => set(self.entered.dates.get_mut(i), b),
        }
    }

    /// Appends one column of the rest of the file, from a sink laid out alike whose lines are
    /// counted from 1 `lines` lines into this one's: dictionary codes are re-coded, generated
    /// ids renumbered, date evidence added up. False, with nothing appended, when this sink has
    /// no such column.
    pub(crate) fn append_piece(&mut self, piece: Piece, lines: u64) -> bool {
        match piece {
            Piece::Ids(ids) => self.append_ids(&ids, lines),
            Piece::Amounts(c) => self.table.amount.values.extend_from_slice(&c.values),
            Piece::Stages(c) => self.table.stage.append(&c),
            Piece::Dict(i, theirs) => match self.dict_mut(i).and_then(Option::as_mut) {
                Some(mine) => mine.append(&theirs),
                None => return false,
            },
            Piece::Probability(theirs, their_percent) => match self.probability.as_mut() {
                Some((values, percent)) => {
                    values.extend(theirs);
                    *percent |= their_percent;
                }
                None => return false,
            },
            Piece::ForecastCategory(theirs) => match self.forecast_category.as_mut() {
                Some(values) => values.extend(theirs),
                None => return false,
            },
            Piece::Statuses(theirs) => self.status_cells.extend(theirs),
            Piece::Created(b) => self.created.append(b, lines),
            Piece::Close(b) => self.close.append(b, lines),
            Piece::Entered(i, b) => match self.entered.dates.get_mut(i) {
                Some(mine) => mine.append(b, lines),
                None => return false,
            },
        }
        true
    }

    /// Appends the ids of the rest of the file: as read, or, when rows are named by their
    /// line, renumbered `lines` lines on.
    fn append_ids(&mut self, ids: &TextColumn, lines: u64) {
        let mine = &mut self.table.deal_id;
        match self.cols.id {
            Some(_) => mine.append(ids),
            None => {
                for row in 0..ids.len() {
                    let line = super::report::generated_line(ids.get(row)).unwrap_or(0);
                    mine.push(&super::report::generated_id(line.saturating_add(lines)));
                }
            }
        }
    }
}
