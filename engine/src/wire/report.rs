//! The data-quality report on the wire: every row it lists and every reason, typed, so the page
//! words them in the reader's language as if it had read the file itself.

use super::codec::{put_tag, take_tag, Reader, Wire, WireError, Writer};
use super::statics;
use crate::ingest::meaning::{CellKind, Evidence, How, MappingReason};
use crate::ingest::{
    CellIssue, ColumnProfile, Confidence, DateOrder, DateReading, FirstSeen, IdsGenerated, ImportReport, MappedField,
    RejectedRow, Rejection,
};

pub(super) const CONFIDENCES: [Confidence; 4] =
    [Confidence::Marked, Confidence::Chosen, Confidence::High, Confidence::Low];
const ORDERS: [DateOrder; 2] = [DateOrder::MonthFirst, DateOrder::DayFirst];
const HOWS: [How; 3] = [How::Names, How::Says, How::ChangedAt];
const CELL_KINDS: [CellKind; 5] =
    [CellKind::Dates, CellKind::Amounts, CellKind::Numbers, CellKind::YesNo, CellKind::Outcomes];

impl Wire for DateOrder {
    fn put(&self, w: &mut Writer<'_>) {
        put_tag(w, &ORDERS, self);
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, WireError> {
        take_tag(r, &ORDERS, "date order")
    }
}

impl Wire for FirstSeen {
    fn put(&self, w: &mut Writer<'_>) {
        match self {
            FirstSeen::Line(l) => {
                w.u8(0);
                w.u64(*l);
            }
            FirstSeen::Loaded(f) => {
                w.u8(1);
                w.str(f);
            }
        }
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, WireError> {
        match r.u8()? {
            0 => Ok(FirstSeen::Line(r.u64()?)),
            1 => Ok(FirstSeen::Loaded(r.string()?)),
            _ => Err(WireError::Invalid("first-seen place")),
        }
    }
}

impl Wire for Rejection {
    fn put(&self, w: &mut Writer<'_>) {
        match self {
            Rejection::UnclosedQuote { line } => {
                w.u8(1);
                w.u64(*line);
            }
            Rejection::FieldCount { found, expected } => {
                w.u8(2);
                w.size(*found);
                w.size(*expected);
            }
            Rejection::NoKey { field, header } => {
                w.u8(3);
                statics::put(w, field);
                header.put(w);
            }
            Rejection::DuplicateKey { field, value, first } => {
                w.u8(4);
                statics::put(w, field);
                w.str(value);
                first.put(w);
            }
        }
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, WireError> {
        Ok(match r.u8()? {
            1 => Rejection::UnclosedQuote { line: r.u64()? },
            2 => Rejection::FieldCount { found: r.size()?, expected: r.size()? },
            3 => Rejection::NoKey { field: statics::take(r)?, header: Wire::take(r)? },
            4 => Rejection::DuplicateKey { field: statics::take(r)?, value: r.string()?, first: FirstSeen::take(r)? },
            _ => return Err(WireError::Invalid("rejection")),
        })
    }
}

impl Wire for RejectedRow {
    fn put(&self, w: &mut Writer<'_>) {
        w.u64(self.line);
        self.column.put(w);
        self.reason.put(w);
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, WireError> {
        Ok(RejectedRow { line: r.u64()?, column: Wire::take(r)?, reason: Rejection::take(r)? })
    }
}

impl Wire for CellIssue {
    fn put(&self, w: &mut Writer<'_>) {
        w.u64(self.line);
        w.size(self.column);
        w.str(&self.header);
        w.str(&self.value);
        statics::put(w, self.expected);
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, WireError> {
        Ok(CellIssue {
            line: r.u64()?,
            column: r.size()?,
            header: r.string()?,
            value: r.string()?,
            expected: statics::take(r)?,
        })
    }
}

impl Wire for DateReading {
    fn put(&self, w: &mut Writer<'_>) {
        self.order.put(w);
        self.assumed.put(w);
        w.size(self.mixed);
        w.size(self.ambiguous);
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, WireError> {
        Ok(DateReading { order: Wire::take(r)?, assumed: bool::take(r)?, mixed: r.size()?, ambiguous: r.size()? })
    }
}

impl Wire for MappedField {
    fn put(&self, w: &mut Writer<'_>) {
        statics::put(w, self.field);
        w.str(&self.header);
        w.size(self.empty);
        self.dates.put(w);
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, WireError> {
        Ok(MappedField { field: statics::take(r)?, header: r.string()?, empty: r.size()?, dates: Wire::take(r)? })
    }
}

impl Wire for IdsGenerated {
    fn put(&self, w: &mut Writer<'_>) {
        match self {
            IdsGenerated::NoColumn => w.u8(0),
            IdsGenerated::Repeats { header, repeats, filled } => {
                w.u8(1);
                w.str(header);
                w.size(*repeats);
                w.size(*filled);
            }
        }
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, WireError> {
        match r.u8()? {
            0 => Ok(IdsGenerated::NoColumn),
            1 => Ok(IdsGenerated::Repeats { header: r.string()?, repeats: r.size()?, filled: r.size()? }),
            _ => Err(WireError::Invalid("generated-ids reason")),
        }
    }
}

impl Wire for ColumnProfile {
    fn put(&self, w: &mut Writer<'_>) {
        w.str(&self.header);
        statics::put(w, self.detected);
        w.size(self.empty);
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, WireError> {
        Ok(ColumnProfile { header: r.string()?, detected: statics::take(r)?, empty: r.size()? })
    }
}

impl Wire for Evidence {
    fn put(&self, w: &mut Writer<'_>) {
        match self {
            Evidence::Share { n, of, what, money } => {
                w.u8(0);
                w.size(*n);
                w.size(*of);
                put_tag(w, &CELL_KINDS, what);
                w.size(*money);
            }
            Evidence::AllDiffer { of } => {
                w.u8(1);
                w.size(*of);
            }
            Evidence::People { distinct } => {
                w.u8(2);
                w.size(*distinct);
            }
        }
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, WireError> {
        Ok(match r.u8()? {
            0 => Evidence::Share {
                n: r.size()?,
                of: r.size()?,
                what: take_tag(r, &CELL_KINDS, "cell kind")?,
                money: r.size()?,
            },
            1 => Evidence::AllDiffer { of: r.size()? },
            2 => Evidence::People { distinct: r.size()? },
            _ => return Err(WireError::Invalid("evidence")),
        })
    }
}

impl Wire for MappingReason {
    fn put(&self, w: &mut Writer<'_>) {
        w.str(&self.header);
        statics::put(w, self.field);
        put_tag(w, &HOWS, &self.how);
        self.evidence.put(w);
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, WireError> {
        Ok(MappingReason {
            header: r.string()?,
            field: statics::take(r)?,
            how: take_tag(r, &HOWS, "mapping reason")?,
            evidence: Wire::take(r)?,
        })
    }
}

impl Wire for ImportReport {
    fn put(&self, w: &mut Writer<'_>) {
        w.str(&self.file);
        w.size(self.bytes);
        statics::put(w, self.encoding);
        statics::put(w, self.encoding_label);
        put_tag(w, &CONFIDENCES, &self.encoding_confidence);
        self.delimiter.put(w);
        self.preamble.put(w);
        self.ids_generated.put(w);
        self.footer.put(w);
        w.size(self.rows_read);
        w.size(self.rows_kept);
        self.rejected.put(w);
        self.cell_issues.put(w);
        w.size(self.cell_issues_total);
        self.mapping.put(w);
        self.unused_headers.put(w);
        self.columns.put(w);
        w.size(self.mapping_reasons.len());
        for (field, reason) in &self.mapping_reasons {
            statics::put(w, field);
            reason.put(w);
        }
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, WireError> {
        let mut report = ImportReport {
            file: r.string()?,
            bytes: r.size()?,
            encoding: statics::take(r)?,
            encoding_label: statics::take(r)?,
            encoding_confidence: take_tag(r, &CONFIDENCES, "confidence")?,
            delimiter: char::take(r)?,
            preamble: Vec::take(r)?,
            ids_generated: Wire::take(r)?,
            footer: Vec::take(r)?,
            rows_read: r.size()?,
            rows_kept: r.size()?,
            rejected: Vec::take(r)?,
            cell_issues: Vec::take(r)?,
            cell_issues_total: r.size()?,
            mapping: Vec::take(r)?,
            unused_headers: Vec::take(r)?,
            columns: Vec::take(r)?,
            mapping_reasons: Vec::new(),
        };
        for _ in 0..r.count(1)? {
            report.mapping_reasons.push((statics::take(r)?, MappingReason::take(r)?));
        }
        Ok(report)
    }
}
