//! The engine's own names a message carries as text (canonical fields, code pages, column
//! kinds, what a cell should hold), read back as the engine's `&'static str` for them.

use super::codec::{Reader, WireError, Writer};
use crate::ingest::{CodePage, DatasetKind, DETECTED};
use std::collections::HashSet;
use std::sync::OnceLock;

/// Every name a report field of type `&'static str` can hold.
fn names() -> impl Iterator<Item = &'static str> {
    let fields = DatasetKind::ALL.into_iter().flat_map(|k| k.fields().iter().map(|f| f.name));
    let code_pages =
        CodePage::all().chain([CodePage::UTF_16LE, CodePage::UTF_16BE]).flat_map(|c| [c.name(), c.label()]);
    fields.chain(code_pages).chain(DETECTED).chain(crate::text::cell_phrases())
}

/// Writes one of the engine's names.
pub(super) fn put(w: &mut Writer<'_>, name: &'static str) {
    w.str(name);
}

/// Reads one of the engine's names back (a report names one for each of its rejected rows and
/// cell issues: they are found in a set, not among the few hundred names one by one).
pub(super) fn take(r: &mut Reader<'_>) -> Result<&'static str, WireError> {
    static NAMES: OnceLock<HashSet<&'static str>> = OnceLock::new();
    let text = r.string()?;
    NAMES.get_or_init(|| names().collect()).get(text.as_str()).copied().ok_or(WireError::Unknown(text))
}

#[cfg(test)]
mod tests {
    use super::super::codec::written;
    use super::*;

    #[test]
    fn every_name_reads_back_as_itself() {
        for name in names() {
            let bytes = written(|w| put(w, name));
            assert_eq!(take(&mut Reader::new(&mut &bytes[..])), Ok(name));
        }
    }

    #[test]
    fn a_name_of_no_field_is_refused() {
        let bytes = written(|w| w.str("not_a_field"));
        assert_eq!(take(&mut Reader::new(&mut &bytes[..])), Err(WireError::Unknown("not_a_field".into())));
    }
}
