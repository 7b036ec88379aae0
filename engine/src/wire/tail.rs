//! A tail's read on the wire (see [`crate::ingest::Tail`]): from the worker that read the
//! second half of a file to the one that read the first, which absorbs it. Its columns are
//! still being built (dates not settled, dictionaries as first seen), so they travel as the
//! builders hold them; reading back checks every length against the tail's kept rows, so a
//! part that reads back can be appended without a panic.

use super::codec::{put_tag, take_tag, Reader, Wire, WireError, Writer};
use super::report::CONFIDENCES;
use super::statics;
use super::tables::{put_codes, put_flags, put_optional_numbers, put_statuses};
use super::tables::{take_codes, take_flags, take_optional_numbers, take_statuses};
use crate::column::{AmountColumn, DictColumn, TextColumn};
use crate::forecast_category::ForecastCategory;
use crate::ingest::parts::{
    Builder, Columns, DealsSink, FieldColumn, HeadRows, Piece, Shape, Sink, TableSink, Tally, TextBytes,
};
use crate::ingest::{Contradiction, DatasetKind, DateColumnBuilder, NotMergeable, PartHeader, Profiler, TailPart};
use crate::table::FieldType;

const TEXT_BYTES: [TextBytes; 4] = [TextBytes::Ascii, TextBytes::Utf8, TextBytes::Utf8Bom, TextBytes::Other];

const FIELD_TYPES: [FieldType; 7] = [
    FieldType::Id,
    FieldType::Category,
    FieldType::Date,
    FieldType::Month,
    FieldType::Timestamp,
    FieldType::Number,
    FieldType::Flag,
];

/// Fails with `what` unless `ok`.
fn check(ok: bool, what: &'static str) -> Result<(), WireError> {
    if ok {
        Ok(())
    } else {
        Err(WireError::Invalid(what))
    }
}

impl Wire for Contradiction {
    fn put(&self, w: &mut Writer<'_>) {
        w.size(self.row);
        w.u64(self.line);
        w.str(&self.text);
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, WireError> {
        Ok(Contradiction { row: r.size()?, line: r.u64()?, text: r.string()? })
    }
}

impl Wire for DateColumnBuilder {
    fn put(&self, w: &mut Writer<'_>) {
        w.i32s(&self.month_first);
        w.i32s(&self.day_first);
        self.split.put(w);
        self.single_order.iter().for_each(|c| c.put(w));
        [self.only_month_first, self.only_day_first, self.slash, self.dot_or_dash].iter().for_each(|n| w.size(*n));
        w.u8s(&self.groups);
        self.group_evidence.iter().flatten().for_each(|n| w.size(*n));
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, WireError> {
        let mut b = DateColumnBuilder {
            month_first: r.i32s()?,
            day_first: r.i32s()?,
            split: bool::take(r)?,
            single_order: [Vec::take(r)?, Vec::take(r)?],
            only_month_first: r.size()?,
            only_day_first: r.size()?,
            slash: r.size()?,
            dot_or_dash: r.size()?,
            groups: r.u8s()?,
            ..DateColumnBuilder::default()
        };
        for slot in b.group_evidence.iter_mut().flatten() {
            *slot = r.size()?;
        }
        let rows = b.month_first.len();
        let split_rows = if b.split { rows } else { 0 };
        check(b.day_first.len() == split_rows && b.groups.len() == split_rows, "date column")?;
        check(b.single_order.iter().flatten().all(|c| c.row < rows), "date column")?;
        Ok(b)
    }
}

/// A builder of `rows` rows.
fn take_dates(r: &mut Reader<'_>, rows: usize) -> Result<DateColumnBuilder, WireError> {
    let b = DateColumnBuilder::take(r)?;
    check(b.month_first.len() == rows, "date column")?;
    Ok(b)
}

impl Wire for Tally {
    fn put(&self, w: &mut Writer<'_>) {
        [self.empty, self.sampled, self.numbers, self.dates, self.flags].iter().for_each(|n| w.size(*n));
        w.u8s(&self.tested);
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, WireError> {
        Ok(Tally {
            empty: r.size()?,
            sampled: r.size()?,
            numbers: r.size()?,
            dates: r.size()?,
            flags: r.size()?,
            tested: r.u8s()?,
        })
    }
}

impl Wire for Columns {
    fn put(&self, w: &mut Writer<'_>) {
        self.id.put(w);
        self.amount.put(w);
        self.stage.put(w);
        self.status.put(w);
        self.won_closed.map(|(a, b)| (a as u64, b as u64)).put(w);
        self.created.put(w);
        self.close.iter().for_each(|c| c.put(w));
        self.dims.iter().for_each(|c| c.put(w));
        [self.account, self.lost_stage, self.currency, self.probability, self.forecast_category]
            .iter()
            .for_each(|c| c.put(w));
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, WireError> {
        let mut c = Columns {
            id: Wire::take(r)?,
            amount: r.size()?,
            stage: Wire::take(r)?,
            status: Wire::take(r)?,
            won_closed: None,
            created: 0,
            close: [None; 3],
            dims: [None; 6],
            account: None,
            lost_stage: None,
            currency: None,
            probability: None,
            forecast_category: None,
        };
        let won_closed: Option<(u64, u64)> = Wire::take(r)?;
        c.won_closed = match won_closed {
            Some((a, b)) => Some((to_size(a)?, to_size(b)?)),
            None => None,
        };
        c.created = r.size()?;
        for slot in c.close.iter_mut().chain(c.dims.iter_mut()) {
            *slot = Wire::take(r)?;
        }
        for slot in [&mut c.account, &mut c.lost_stage, &mut c.currency, &mut c.probability, &mut c.forecast_category] {
            *slot = Wire::take(r)?;
        }
        Ok(c)
    }
}

fn to_size(v: u64) -> Result<usize, WireError> {
    usize::try_from(v).map_err(|_| WireError::Invalid("column"))
}

/// The deals sink: how its columns are laid out, then every column as the tail built it.
fn put_deals(w: &mut Writer<'_>, s: &DealsSink) {
    let Shape { cols, status_from_column, entered } = s.shape();
    cols.put(w);
    status_from_column.put(w);
    entered.iter().map(|(c, stage)| (*c as u64, stage.clone())).collect::<Vec<_>>().put(w);
    let t = &s.table;
    t.deal_id.put(w);
    t.amount.put(w);
    t.stage.put(w);
    s.dims.iter().chain([&s.account, &s.lost_stage, &s.currency]).flatten().for_each(|d| d.put(w));
    if let Some((values, percent)) = &s.probability {
        put_optional_numbers(w, values);
        percent.put(w);
    }
    if let Some(values) = &s.forecast_category {
        put_codes(w, &ForecastCategory::ALL, values.iter().copied());
    }
    put_statuses(w, &s.status_cells);
    s.created.put(w);
    s.close.put(w);
    s.entered.dates.iter().for_each(|d| d.put(w));
}

/// How a deals sink written by [`put_deals`] lays out its columns.
fn take_shape(r: &mut Reader<'_>) -> Result<Shape, WireError> {
    let cols = Columns::take(r)?;
    let status_from_column = bool::take(r)?;
    check(status_from_column == (cols.status.is_some() || cols.won_closed.is_some()), "status")?;
    let entered: Vec<(u64, String)> = Wire::take(r)?;
    let entered = entered.into_iter().map(|(c, s)| Ok((to_size(c)?, s))).collect::<Result<_, WireError>>()?;
    Ok(Shape { cols, status_from_column, entered })
}

/// Reads the columns of a deals sink of `rows` rows laid out as `shape`, written by
/// [`put_deals`], one at a time, each checked, and hands each to `take` as soon as it is read.
fn take_pieces<E: From<WireError>>(
    r: &mut Reader<'_>,
    rows: usize,
    shape: &Shape,
    take: &mut dyn FnMut(Piece) -> Result<(), E>,
) -> Result<(), E> {
    let Shape { cols, status_from_column, entered } = shape;
    let deal_id = TextColumn::take(r)?;
    check(deal_id.len() == rows, "deal ids")?;
    take(Piece::Ids(deal_id))?;
    let amount = AmountColumn::take(r)?;
    check(amount.values.len() == rows, "amounts")?;
    take(Piece::Amounts(amount))?;
    take(Piece::Stages(take_dict(r, rows)?))?;
    let dicts = cols.dims.iter().chain([&cols.account, &cols.lost_stage, &cols.currency]);
    for (i, _) in dicts.enumerate().filter(|(_, c)| c.is_some()) {
        take(Piece::Dict(i, take_dict(r, rows)?))?;
    }
    if cols.probability.is_some() {
        let values = take_optional_numbers(r)?;
        check(values.len() == rows, "probability")?;
        take(Piece::Probability(values, bool::take(r)?))?;
    }
    if cols.forecast_category.is_some() {
        let values = take_codes(r, &ForecastCategory::ALL, "forecast category")?;
        check(values.len() == rows, "forecast category")?;
        take(Piece::ForecastCategory(values))?;
    }
    let status_cells = take_statuses(r)?;
    check(status_cells.len() == if *status_from_column { rows } else { 0 }, "status")?;
    take(Piece::Statuses(status_cells))?;
    take(Piece::Created(take_dates(r, rows)?))?;
    take(Piece::Close(take_dates(r, rows)?))?;
    for i in 0..entered.len() {
        take(Piece::Entered(i, take_dates(r, rows)?))?;
    }
    Ok(())
}

/// A dictionary column of `rows` rows.
fn take_dict(r: &mut Reader<'_>, rows: usize) -> Result<DictColumn, WireError> {
    let d = DictColumn::take(r)?;
    check(d.len() == rows, "dictionary column")?;
    Ok(d)
}

/// Reads a deals sink of `rows` rows written by [`put_deals`], whole.
fn take_deals(r: &mut Reader<'_>, rows: usize) -> Result<DealsSink, WireError> {
    let shape = take_shape(r)?;
    let mut sink = DealsSink::shaped(shape.clone());
    take_pieces(r, rows, &shape, &mut |piece| check(sink.set_piece(piece), "deals"))?;
    Ok(sink)
}

/// Another dataset's sink: per field its builder.
fn put_table(w: &mut Writer<'_>, s: &TableSink) {
    s.kind.put(w);
    w.size(s.fields.len());
    for f in &s.fields {
        statics::put(w, f.field);
        w.size(f.column);
        match &f.builder {
            Builder::Id(c) => {
                w.u8(0);
                c.put(w);
            }
            Builder::Category(c, _) => {
                w.u8(1);
                c.put(w);
            }
            Builder::Date(b, ty) => {
                w.u8(2);
                put_tag(w, &FIELD_TYPES, ty);
                b.put(w);
            }
            Builder::Timestamp(b, seconds) => {
                w.u8(3);
                b.put(w);
                w.i32s(seconds);
            }
            Builder::Number(c) => {
                w.u8(4);
                c.put(w);
            }
            Builder::Flag(c) => {
                w.u8(5);
                put_flags(w, c);
            }
        }
    }
}

/// Reads a table sink of `rows` rows written by [`put_table`]: each field of its dataset, in
/// the builder its type takes.
fn take_table(r: &mut Reader<'_>, rows: usize) -> Result<TableSink, WireError> {
    let kind = DatasetKind::take(r)?;
    let mut fields = Vec::new();
    for _ in 0..r.count(3)? {
        let field = statics::take(r)?;
        let column = r.size()?;
        let builder = match r.u8()? {
            0 => {
                let c = TextColumn::take(r)?;
                check(c.len() == rows, "text column")?;
                Builder::Id(c)
            }
            1 => {
                let c = DictColumn::take(r)?;
                check(c.len() == rows, "dictionary column")?;
                Builder::Category(c, Default::default())
            }
            2 => {
                let ty = take_tag(r, &FIELD_TYPES, "field type")?;
                Builder::Date(take_dates(r, rows)?, ty)
            }
            3 => {
                let b = take_dates(r, rows)?;
                let seconds = r.i32s()?;
                check(seconds.len() == rows, "times")?;
                Builder::Timestamp(b, seconds)
            }
            4 => {
                let c = AmountColumn::take(r)?;
                check(c.values.len() == rows, "number column")?;
                Builder::Number(c)
            }
            5 => {
                let c = take_flags(r)?;
                check(c.len() == rows, "flags")?;
                Builder::Flag(c)
            }
            _ => return Err(WireError::Invalid("column builder")),
        };
        let ty = kind.field_type(field);
        let fits = match &builder {
            Builder::Id(_) => ty == FieldType::Id,
            Builder::Category(..) => ty == FieldType::Category,
            Builder::Date(_, t) => *t == ty && matches!(ty, FieldType::Date | FieldType::Month),
            Builder::Timestamp(..) => ty == FieldType::Timestamp,
            Builder::Number(_) => ty == FieldType::Number,
            Builder::Flag(_) => ty == FieldType::Flag,
        };
        check(fits, "column builder")?;
        fields.push(FieldColumn { field, column, builder });
    }
    Ok(TableSink { kind, fields })
}

/// Writes a tail's part (see [`crate::ingest::TailPart`]): what it says, then its rows.
pub(super) fn put(w: &mut Writer<'_>, part: &TailPart) {
    let p = &part.header;
    w.u64(p.start);
    put_tag(w, &TEXT_BYTES, &p.started);
    put_tag(w, &TEXT_BYTES, &p.ended);
    statics::put(w, p.encoding);
    put_tag(w, &CONFIDENCES, &p.confidence);
    w.u8(p.delimiter);
    p.headers.put(w);
    p.mapping.put(w);
    p.key.put(w);
    p.ids_generated.put(w);
    w.size(p.rows_read);
    w.size(p.rows_kept);
    p.rejected.put(w);
    p.cell_issues.put(w);
    w.size(p.cell_issues_total);
    p.footer.put(w);
    p.keys.put(w);
    p.profiler.columns.put(w);
    match &part.sink {
        Sink::Deals(s) => {
            w.u8(DEALS);
            put_deals(w, s);
        }
        Sink::Table(s) => {
            w.u8(TABLE);
            put_table(w, s);
        }
    }
}

/// Tags of a part's rows: deals, or another dataset.
const DEALS: u8 = 0;
const TABLE: u8 = 1;

/// Reads what a tail's part written by [`put`] says, up to its rows.
pub(super) fn take_header(r: &mut Reader<'_>) -> Result<PartHeader, WireError> {
    let start = r.u64()?;
    let started = take_tag(r, &TEXT_BYTES, "encoding")?;
    let ended = take_tag(r, &TEXT_BYTES, "encoding")?;
    let encoding = statics::take(r)?;
    let confidence = take_tag(r, &CONFIDENCES, "confidence")?;
    let delimiter = r.u8()?;
    let headers: Vec<String> = Wire::take(r)?;
    let mapping = Wire::take(r)?;
    let key = Wire::take(r)?;
    let ids_generated = Wire::take(r)?;
    let rows_read = r.size()?;
    let rows_kept = r.size()?;
    let rejected = Wire::take(r)?;
    let cell_issues = Wire::take(r)?;
    let cell_issues_total = r.size()?;
    let footer = Wire::take(r)?;
    let keys = TextColumn::take(r)?;
    let columns: Vec<Tally> = Wire::take(r)?;
    check(columns.len() == headers.len() && rows_kept <= rows_read, "tail")?;
    Ok(PartHeader {
        start,
        started,
        ended,
        encoding,
        confidence,
        delimiter,
        headers,
        mapping,
        key,
        ids_generated,
        rows_read,
        rows_kept,
        rejected,
        cell_issues,
        cell_issues_total,
        footer,
        keys,
        profiler: Profiler { columns },
    })
}

/// Reads a tail's part written by [`put`], whole.
pub(super) fn take(r: &mut Reader<'_>) -> Result<TailPart, WireError> {
    let header = take_header(r)?;
    let sink = match r.u8()? {
        DEALS => Sink::Deals(Box::new(take_deals(r, header.rows_kept)?)),
        TABLE => Sink::Table(take_table(r, header.rows_kept)?),
        _ => return Err(WireError::Invalid("dataset")),
    };
    Ok(TailPart { header, sink })
}

/// Reads the rows of a tail's part written by [`put`], `rows` of them, after its header, and
/// appends them to `head` a deals column at a time, as each is read.
pub(super) fn append_rows(r: &mut Reader<'_>, rows: usize, head: &mut HeadRows<'_>) -> Result<(), NotMergeable> {
    match r.u8()? {
        DEALS => {
            let shape = take_shape(r)?;
            head.deals_shaped(&shape)?;
            take_pieces(r, rows, &shape, &mut |piece| head.deals(piece))
        }
        TABLE => head.table(take_table(r, rows)?),
        _ => Err(WireError::Invalid("dataset").into()),
    }
}

impl From<WireError> for NotMergeable {
    fn from(e: WireError) -> NotMergeable {
        NotMergeable::Message(e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use crate::ingest::{DatasetKind, ReadOptions, Session, Step, Tail, TailPart, TailStep};
    use crate::wire::{read_tail_part, write_tail_part};

    /// The tail of `bytes` from its middle, read whole.
    fn part(bytes: &[u8], kind: DatasetKind) -> TailPart {
        let mut tail = Tail::new("t.csv", bytes.len() as u64, ReadOptions::new(kind), bytes, bytes.len() as u64 / 2);
        loop {
            match tail.step(usize::MAX) {
                TailStep::NeedInput => {
                    let at = tail.bytes_pushed() as usize;
                    tail.push(&bytes[at..], true);
                }
                TailStep::Progress { .. } => {}
                TailStep::Done(part) => return part,
                TailStep::Failed(why) => panic!("{why}"),
            }
        }
    }

    /// A head of `bytes` paused at the record the tail of [`part`] starts at.
    fn paused_head(bytes: &[u8], kind: DatasetKind) -> Session {
        let mut head =
            Session::new("t.csv", bytes.len() as u64, ReadOptions::new(kind)).stop_at(bytes.len() as u64 / 2);
        loop {
            match head.step(usize::MAX) {
                Step::NeedInput => {
                    let at = head.bytes_pushed() as usize;
                    head.push(&bytes[at..], true);
                }
                Step::Paused { .. } => return head,
                other => panic!("the head did not pause: {other:?}"),
            }
        }
    }

    /// Whether `session` reads `bytes` to a result.
    fn finished(mut session: Session, bytes: &[u8]) -> bool {
        loop {
            match session.step(usize::MAX) {
                Step::NeedInput => {
                    let at = session.bytes_pushed() as usize;
                    session.push(&bytes[at..], true);
                }
                Step::Progress { .. } | Step::Restart => {}
                Step::Done(_) => return true,
                Step::Paused { .. } | Step::Failed(_) => return false,
            }
        }
    }

    fn message(part: &TailPart) -> Vec<u8> {
        let mut out = Vec::new();
        write_tail_part(part, &mut out);
        out
    }

    /// Files whose tails hold every kind of column: deals with dims, probabilities, forecast
    /// categories, statuses, entered dates, mixed dates, rejected rows and unreadable cells;
    /// leads with timestamps, categories and flags.
    fn files() -> Vec<(DatasetKind, Vec<u8>)> {
        let mut deals = String::from("Opportunity ID,Amount,Stage,Status,Created Date,Close Date,Owner,Region,Account,Currency,Probability (%),Forecast Category,entered_Proposal\n");
        let mut leads = String::from("Lead ID,Created At,Source,Qualified,Score\n");
        for i in 0..300 {
            deals += &format!(
                "D{i},{},{},{},0{}/1{}/2024,,Ann {},EU,Acme {},EUR,{}%,Commit,2024-02-0{}\n",
                if i % 17 == 0 { "lots".to_owned() } else { i.to_string() },
                ["Proposal", "Closed Won"][i % 2],
                ["open", "won"][i % 2],
                1 + i % 9,
                i % 3,
                i % 4,
                i % 5,
                i % 100,
                1 + i % 9
            );
            if i % 23 == 0 {
                deals += "short,row\n";
            }
            leads += &format!(
                "L{i},2024-03-0{}T10:00:00Z,{},{},{}\n",
                1 + i % 9,
                ["Web", "Ads"][i % 2],
                ["yes", "no", "?"][i % 3],
                i
            );
        }
        vec![(DatasetKind::Deals, deals.into_bytes()), (DatasetKind::Leads, leads.into_bytes())]
    }

    #[test]
    fn a_part_reads_back_as_written_and_every_cut_of_it_is_refused() {
        for (kind, bytes) in files() {
            let written = message(&part(&bytes, kind));
            let back = read_tail_part(&mut written.as_slice()).unwrap_or_else(|e| panic!("{kind:?}: {e}"));
            assert_eq!(message(&back), written, "{kind:?}");
            assert!(back.rows_kept() > 100, "{kind:?}: {}", back.rows_kept());
            for cut in (0..written.len()).step_by(7) {
                assert!(read_tail_part(&mut &written[..cut]).is_err(), "{kind:?}: cut at {cut}");
            }
        }
    }

    #[test]
    fn a_read_file_is_not_taken_for_a_part() {
        let csv = b"deal_id,amount,stage,created_date\nD1,1,Won,2024-01-02\n";
        let read = crate::ingest::read_in_slices("d.csv", csv, 64, ReadOptions::new(DatasetKind::Deals)).unwrap();
        assert!(read_tail_part(&mut crate::wire::encode_imported(&read).as_slice()).is_err());
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
        /// Any byte of a part changed to any value: read back or refused, never a panic, and
        /// a part that reads back has columns as long as its kept rows.
        #[test]
        fn a_changed_byte_never_panics(at in 0.0f64..1.0, value in 0u8..=255, which in 0usize..2) {
            let (kind, bytes) = files().swap_remove(which);
            let mut written = message(&part(&bytes, kind));
            let i = ((written.len() - 1) as f64 * at) as usize;
            written[i] = value;
            if let Ok(back) = read_tail_part(&mut written.as_slice()) {
                let again = message(&back);
                proptest::prop_assert!(read_tail_part(&mut again.as_slice()).is_ok());
            }
            // Absorbed by the paused head a column at a time: taken, refused or broken off,
            // and the head then reads to a result.
            let mut head = paused_head(&bytes, kind);
            if crate::wire::absorb_tail_part(&mut written.as_slice(), &mut head).is_err() {
                head.resume();
            }
            proptest::prop_assert!(finished(head, &bytes));
        }
    }
}
