//! The sink of the row reader for every dataset but deals (leads, activities, customers,
//! spend, quotas, forecasts): fills a typed [`Table`], one column per mapped field.

use super::dataset::Dataset;
use super::datasets::DatasetKind;
use super::dates::{read_date, read_month, read_time, DateColumnBuilder, DateOrder};
use super::keys::Interner;
use super::report::{ImportReport, MappedField};
use super::sink::{ColumnSink, Row};
use super::value::{parse_amount, parse_bool, DATE_EXPECTED};
use crate::column::{AmountColumn, DictColumn, TextColumn};
use crate::table::{Column, FieldType, Table, TimestampColumn};

pub(crate) const MONTH_EXPECTED: &str = "a month or a date (2024-03, 03/2024, Mar 2024, 2024-03-01)";
pub(crate) const TIME_EXPECTED: &str = "a time (10:30, 10:30:00Z, 2:05 PM, 10:30+02:00); the date was kept";

/// A column being built.
pub(crate) enum Builder {
    Id(TextColumn),
    Category(DictColumn, Interner),
    Date(DateColumnBuilder, FieldType),
    Timestamp(DateColumnBuilder, Vec<i32>),
    Number(AmountColumn),
    Flag(Vec<Option<bool>>),
}

impl Builder {
    fn new(ty: FieldType) -> Builder {
        match ty {
            FieldType::Id => Builder::Id(TextColumn::default()),
            FieldType::Category => Builder::Category(DictColumn::default(), Interner::default()),
            FieldType::Date | FieldType::Month => Builder::Date(DateColumnBuilder::default(), ty),
            FieldType::Timestamp => Builder::Timestamp(DateColumnBuilder::default(), Vec::new()),
            FieldType::Number => Builder::Number(AmountColumn::default()),
            FieldType::Flag => Builder::Flag(Vec::new()),
        }
    }
}

/// One mapped field: its name, its column in the file and its builder.
pub(crate) struct FieldColumn {
    pub(crate) field: &'static str,
    pub(crate) column: usize,
    pub(crate) builder: Builder,
}

/// The columns of a [`Table`] being filled (see [`ColumnSink`]).
pub(crate) struct TableSink {
    pub(crate) kind: DatasetKind,
    pub(crate) fields: Vec<FieldColumn>,
}

impl TableSink {
    /// Empty columns for the fields of `kind` that `mapping` places (a column per field of
    /// `kind.fields()`).
    pub(crate) fn new(kind: DatasetKind, mapping: &[Option<usize>]) -> TableSink {
        let fields = kind
            .fields()
            .iter()
            .zip(mapping)
            .filter_map(|(spec, m)| {
                Some(FieldColumn { field: spec.name, column: (*m)?, builder: Builder::new(kind.field_type(spec.name)) })
            })
            .collect();
        TableSink { kind, fields }
    }
}

/// Reading a file as two halves (see [`super::halves`]).
impl TableSink {
    /// The same columns with no rows yet: for the second half of the file.
    pub(crate) fn empty_like(&self) -> TableSink {
        let fields = self
            .fields
            .iter()
            .map(|f| FieldColumn {
                field: f.field,
                column: f.column,
                builder: Builder::new(self.kind.field_type(f.field)),
            })
            .collect();
        TableSink { kind: self.kind, fields }
    }

    /// Whether `other` builds the same columns the same way (so that appending keeps every
    /// column as long as the others).
    pub(crate) fn same_shape(&self, other: &TableSink) -> bool {
        let kind = |b: &Builder| std::mem::discriminant(b);
        self.kind == other.kind
            && self.fields.len() == other.fields.len()
            && self
                .fields
                .iter()
                .zip(&other.fields)
                .all(|(m, t)| m.field == t.field && kind(&m.builder) == kind(&t.builder))
    }

    /// Appends the rows of `other`, the same columns filled from the rest of the file, whose
    /// lines are counted from 1 `lines` lines into this one's. Linear in `other`'s rows.
    pub(crate) fn append(&mut self, other: TableSink, lines: u64) {
        for (mine, theirs) in self.fields.iter_mut().zip(other.fields) {
            match (&mut mine.builder, theirs.builder) {
                (Builder::Id(m), Builder::Id(t)) => m.append(&t),
                (Builder::Category(m, _), Builder::Category(t, _)) => m.append(&t),
                (Builder::Date(m, _), Builder::Date(t, _)) => m.append(t, lines),
                (Builder::Timestamp(m, ms), Builder::Timestamp(t, ts)) => {
                    m.append(t, lines);
                    ms.extend(ts);
                }
                (Builder::Number(m), Builder::Number(t)) => m.values.extend(t.values),
                (Builder::Flag(m), Builder::Flag(t)) => m.extend(t),
                // Both halves build the same fields the same way (see `empty_like`).
                _ => {}
            }
        }
    }
}

impl ColumnSink for TableSink {
    fn push_row(&mut self, row: &mut Row<'_>) {
        for f in self.fields.iter_mut() {
            let c = f.column;
            match &mut f.builder {
                Builder::Id(ids) => ids.push(row.text(c).unwrap_or_default()),
                Builder::Category(dict, front) => front.push(dict, row.text(c)),
                Builder::Date(b, FieldType::Month) => {
                    let month = row.read(c, read_month, MONTH_EXPECTED);
                    b.push_at(month, row.line, row.cell(c))
                }
                Builder::Date(b, _) => {
                    let date = row.read(c, read_date, DATE_EXPECTED);
                    b.push_at(date, row.line, row.cell(c))
                }
                Builder::Timestamp(b, seconds) => {
                    let date = row.read(c, read_date, DATE_EXPECTED);
                    let time = match date {
                        Some(_) => read_time(row.cell(c)).unwrap_or_else(|| {
                            row.issue(c, TIME_EXPECTED);
                            0
                        }),
                        None => 0,
                    };
                    b.push_at(date, row.line, row.cell(c));
                    seconds.push(time);
                }
                Builder::Number(n) => n.push(row.read(c, parse_amount, "a number")),
                Builder::Flag(flags) => flags.push(row.read(c, parse_bool, "yes or no (true/false, 1/0)")),
            }
        }
    }

    fn reserve(&mut self, more: usize) {
        for f in self.fields.iter_mut() {
            match &mut f.builder {
                Builder::Id(_) => {}
                Builder::Category(dict, _) => dict.codes.reserve(more),
                Builder::Date(b, _) => b.reserve(more),
                Builder::Timestamp(b, seconds) => {
                    b.reserve(more);
                    seconds.reserve(more);
                }
                Builder::Number(n) => n.values.reserve(more),
                Builder::Flag(flags) => flags.reserve(more),
            }
        }
    }

    /// Settles the date columns (on the user's order, else the first one a column proves).
    fn finish(
        self,
        report: &mut ImportReport,
        headers: &[String],
        _mapping: &[Option<usize>],
        date_order: Option<DateOrder>,
    ) -> Dataset {
        let TableSink { kind, fields } = self;
        let mut table = Table::new(kind);
        table.len = report.rows_kept;
        let hint = date_order.or_else(|| {
            fields.iter().find_map(|f| match &f.builder {
                Builder::Date(b, _) | Builder::Timestamp(b, _) => b.proven_order(),
                _ => None,
            })
        });
        for f in fields {
            let header = headers.get(f.column).cloned().unwrap_or_default();
            let (column, dates) = match f.builder {
                Builder::Id(c) => (Column::Id(c), None),
                Builder::Category(c, _) => (Column::Category(c), None),
                Builder::Date(b, _) => {
                    let (days, reading) = report.note_date_column(b, hint, f.column, &header);
                    (Column::Date(days), Some(reading))
                }
                Builder::Timestamp(b, seconds) => {
                    let (days, reading) = report.note_date_column(b, hint, f.column, &header);
                    (Column::Timestamp(TimestampColumn { days, seconds }), Some(reading))
                }
                Builder::Number(c) => (Column::Number(c), None),
                Builder::Flag(c) => (Column::Flag(c), None),
            };
            report.mapping.push(MappedField { field: f.field, header, empty: column.missing(), dates });
            table.columns.push((f.field, column));
        }
        Dataset::Table(table)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::day::Day;
    use crate::error::ImportError;
    use crate::ingest::{decode, Imported, Reader};

    /// Reads `r` to the end, two rows at a time, as a table.
    fn finish(mut r: Reader) -> Result<(Table, ImportReport), ImportError> {
        while !r.read_chunk(2) {}
        match r.finish()? {
            Imported { data: Dataset::Table(t), report } => Ok((t, report)),
            Imported { data, .. } => panic!("read as {:?}, not a table", data.kind()),
        }
    }

    fn read(kind: DatasetKind, csv: &str) -> Result<(Table, ImportReport), ImportError> {
        let decoded = decode("t.csv", csv.as_bytes())?;
        finish(Reader::open(kind, "t.csv", csv.len(), &decoded, None)?)
    }

    #[test]
    fn reads_leads_with_timestamps_in_zones() {
        let csv = "Lead ID,Created At,First Contact At,Source,Qualified\n\
                   L1,2024-03-01T10:00:00+01:00,2024-03-01T09:04:00Z,Web,yes\n\
                   L2,2024-03-02 08:00,,Referral,no\n\
                   ,2024-03-03,,Web,\n\
                   L1,2024-03-04,,Web,\n\
                   L3,someday,2024-03-05 25:00,,maybe\n";
        let (t, report) = read(DatasetKind::Leads, csv).unwrap();
        assert_eq!((t.len, report.rows_read, report.rows_kept, report.rejected.len()), (3, 5, 3, 2));
        assert_eq!(report.rejected[0].line, 4);
        assert!(report.rejected[0].reason.to_string().starts_with("no lead_id"), "{}", report.rejected[0].reason);
        assert!(report.rejected[1].reason.to_string().contains("first on line 2"), "{}", report.rejected[1].reason);
        let created = t.timestamps("created_at").unwrap();
        let contact = t.timestamps("first_contact_at").unwrap();
        // 10:00 at +01:00 is 09:00 UTC; the first contact came four minutes later.
        assert_eq!(contact.epoch_seconds(0).unwrap() - created.epoch_seconds(0).unwrap(), 240);
        assert_eq!(t.dates("created_at").unwrap().get(1), Day::from_ymd(2024, 3, 2));
        assert_eq!(t.flags("qualified").unwrap(), [Some(true), Some(false), None]);
        assert_eq!(t.category("source").unwrap().missing(), 1);
        // "someday", an unreadable time and "maybe": three cells, rows kept.
        let issues: Vec<(u64, usize)> = report.cell_issues.iter().map(|c| (c.line, c.column)).collect();
        assert_eq!(issues, [(6, 2), (6, 3), (6, 5)]);
        assert_eq!(report.cell_issues_total, 3);
        assert_eq!(report.columns.len(), 5);
    }

    #[test]
    fn reads_monthly_quotas_and_spend() {
        let (q, _) =
            read(DatasetKind::Quotas, "owner;month;quota\nAnn;2024-01;10.000,50\nBob;Feb 2024;8.000\n").unwrap();
        assert_eq!(q.dates("period_start").unwrap().get(1), Day::from_ymd(2024, 2, 1));
        assert_eq!(q.numbers("quota").unwrap().get(0), Some(10_000.5));
        let (s, _) = read(DatasetKind::Spend, "month,channel,spend\n03/2024,Ads,\"$1,200\"\n").unwrap();
        assert_eq!(s.dates("date").unwrap().get(0), Day::from_ymd(2024, 3, 1));
        assert_eq!(s.numbers("amount").unwrap().get(0), Some(1200.0));
    }

    #[test]
    fn customers_read_day_first_dates_from_the_whole_column() {
        let csv = "customer_id,start_date,end_date,mrr\nC1,03/04/2024,,100\nC2,25/04/2024,01/05/2024,50\n";
        let (t, report) = read(DatasetKind::Customers, csv).unwrap();
        assert_eq!(t.dates("start_date").unwrap().get(0), Day::from_ymd(2024, 4, 3));
        assert_eq!(t.dates("end_date").unwrap().get(1), Day::from_ymd(2024, 5, 1));
        let start = report.mapping.iter().find(|m| m.field == "start_date").unwrap();
        assert!(!start.dates.as_ref().unwrap().assumed);
        assert_eq!(report.mapping.iter().find(|m| m.field == "end_date").unwrap().empty, 1);
    }

    #[test]
    fn keys_loaded_before_are_duplicates() {
        let csv = "lead_id,created_at\nL1,2024-01-01\nL2,2024-01-02\n";
        let decoded = decode("b.csv", csv.as_bytes()).unwrap();
        let mut r = Reader::open(DatasetKind::Leads, "b.csv", csv.len(), &decoded, None).unwrap();
        r.with_known_keys(["L1"], "a.csv");
        let (t, report) = finish(r).unwrap();
        assert_eq!(t.len, 1);
        assert_eq!(
            report.rejected[0].reason.to_string(),
            "duplicate lead_id \"L1\" (already loaded from a.csv); kept the first"
        );
    }

    #[test]
    fn missing_required_fields_and_empty_files_are_errors() {
        assert!(matches!(read(DatasetKind::Quotas, "owner,quota\nAnn,1\n"), Err(ImportError::MissingFields { .. })));
        assert!(matches!(read(DatasetKind::Leads, "lead_id,created_at\n"), Err(ImportError::HeaderOnly { .. })));
    }
}
