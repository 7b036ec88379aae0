//! One record's cells as the record splitter ([`super::split`]) leaves them: bounds into the
//! text they were read from (or into a small buffer for the few cells that had to be
//! unescaped), read through a [`Fields`] view; and an [`OwnedRecord`] for the rows a reader
//! holds on to while the text moves on.

/// Where one cell is: a byte range of the text the record was read from, or of the buffer of
/// unescaped cells.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Span {
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// Whether the range is in the buffer of unescaped cells rather than in the text.
    pub(crate) unescaped: bool,
}

/// The cells of one record, borrowed: what [`super::CsvSource::record`] returns.
#[derive(Clone, Copy, Debug)]
pub struct Fields<'a> {
    text: &'a str,
    unescaped: &'a str,
    spans: &'a [Span],
}

impl<'a> Fields<'a> {
    /// The cells `spans` locate in `text` and `unescaped`.
    pub(crate) fn new(text: &'a str, unescaped: &'a str, spans: &'a [Span]) -> Fields<'a> {
        Fields { text, unescaped, spans }
    }

    /// How many cells the record has.
    #[inline]
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    /// Whether the record has no cells.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// The cell in `column`, as written (quotes and escapes removed); `None` past the last.
    #[inline]
    pub fn get(&self, column: usize) -> Option<&'a str> {
        let span = self.spans.get(column)?;
        let from = if span.unescaped { self.unescaped } else { self.text };
        // Bounds sit next to ASCII delimiters, quotes or line breaks: always on characters.
        Some(from.get(span.start..span.end).unwrap_or_default())
    }

    /// The cells in order.
    #[inline]
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = &'a str> + ExactSizeIterator + 'a {
        let (text, unescaped) = (self.text, self.unescaped);
        self.spans.iter().map(move |span| {
            let from = if span.unescaped { unescaped } else { text };
            from.get(span.start..span.end).unwrap_or_default()
        })
    }

    /// The cells' bytes in order: [`Fields::iter`] without slicing a string (no check that
    /// each bound is on a character), for a look at a cell's bytes alone.
    #[inline]
    pub(crate) fn bytes(&self) -> impl Iterator<Item = &'a [u8]> + 'a {
        let (text, unescaped) = (self.text.as_bytes(), self.unescaped.as_bytes());
        self.spans.iter().map(move |span| {
            let from = if span.unescaped { unescaped } else { text };
            from.get(span.start..span.end).unwrap_or_default()
        })
    }

    /// A copy that owns its cells, to hold while the text moves on.
    pub fn to_owned_record(&self) -> OwnedRecord {
        OwnedRecord::from_cells(self.iter())
    }
}

/// The cells of one record, owned: one string holding them back to back and their bounds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OwnedRecord {
    text: String,
    spans: Vec<Span>,
}

impl OwnedRecord {
    /// A record of `cells`.
    pub fn from_cells<S: AsRef<str>>(cells: impl IntoIterator<Item = S>) -> OwnedRecord {
        let mut record = OwnedRecord::default();
        for cell in cells {
            let start = record.text.len();
            record.text.push_str(cell.as_ref());
            record.spans.push(Span { start, end: record.text.len(), unescaped: false });
        }
        record
    }

    /// Its cells, as a view.
    pub fn fields(&self) -> Fields<'_> {
        Fields::new(&self.text, "", &self.spans)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_come_from_the_text_or_the_unescaped_buffer() {
        let text = "ab,\"c\"\"d\",e";
        let spans = [
            Span { start: 0, end: 2, unescaped: false },
            Span { start: 0, end: 3, unescaped: true },
            Span { start: 10, end: 11, unescaped: false },
            Span { start: 11, end: 11, unescaped: false },
        ];
        let fields = Fields::new(text, "c\"d", &spans);
        assert_eq!(fields.iter().collect::<Vec<_>>(), ["ab", "c\"d", "e", ""]);
        assert!(fields.bytes().eq(fields.iter().map(str::as_bytes)));
        assert_eq!((fields.len(), fields.get(1), fields.get(4)), (4, Some("c\"d"), None));
        let owned = fields.to_owned_record();
        assert_eq!(owned.fields().iter().collect::<Vec<_>>(), ["ab", "c\"d", "e", ""]);
        assert_eq!(owned, OwnedRecord::from_cells(["ab", "c\"d", "e", ""]));
        assert!(OwnedRecord::default().fields().is_empty());
    }

    #[test]
    fn a_span_off_the_text_reads_as_empty_not_a_panic() {
        let spans = [Span { start: 1, end: 9, unescaped: false }, Span { start: 1, end: 2, unescaped: false }];
        let fields = Fields::new("é", "", &spans);
        assert_eq!(fields.iter().collect::<Vec<_>>(), ["", ""]);
    }
}
