//! Everything a dropped file goes through, for one input: detection and decoding, the preview
//! of its start and of the whole, the session in slices, the file set's read and its code-page
//! override (a code page chosen by the knobs), one other dataset's reader (chosen by the
//! knobs), and every KPI over the deals. The fuzz harness (`pipelens-fuzz-import`) runs it over mutated inputs and its
//! regression test replays the inputs that once failed; nothing in it may panic or hang.

use super::{decode, preview, preview_start, read_file, read_in_slices, CodePage, Dataset, DatasetKind, ReadOptions};
use crate::file_set::{FileRead, FileSet};
use crate::kpi::compute_all;
use crate::workspace::Workspace;

/// Runs the whole import path over `bytes`; `knobs` picks the slice size, the row budget, the
/// head the preview sees, the other dataset and the code page chosen (any value is fine). Returns the rows read
/// by all the readers, so the work cannot be skipped.
pub fn import_everything(bytes: &[u8], knobs: u64) -> usize {
    let file = "fuzz.csv";
    let mut rows = 0;
    let _ = decode(file, bytes);
    let slice = 1 + (knobs % 97) as usize;
    let head = bytes.get(..(knobs >> 8) as usize % (bytes.len() + 1)).unwrap_or_default();
    let _ = preview_start(file, head, bytes.len() as u64, 5, None);
    let code_pages: Vec<CodePage> = CodePage::all().collect();
    let chosen = code_pages.get((knobs >> 16) as usize % code_pages.len().max(1)).copied();
    // One other dataset per input, each field on some column.
    let kind = DatasetKind::ALL[(knobs >> 24) as usize % DatasetKind::ALL.len()];
    if let Ok(p) = preview(file, bytes, 5, None) {
        let columns = p.headers.len().max(1);
        let mapping: Vec<Option<usize>> = (0..kind.fields().len()).map(|i| Some(i % columns)).collect();
        if let Ok(i) = read_file(kind, file, bytes, Some(&mapping)) {
            rows += i.data.len();
        }
    }
    if let Ok(imported) = read_in_slices(file, bytes, slice, ReadOptions::new(DatasetKind::Deals)) {
        // What the parse worker hands the page reads back as it was read.
        let back = crate::wire::decode_imported(&crate::wire::encode_imported(&imported));
        assert!(
            back.is_ok_and(|b| b.data == imported.data && b.report == imported.report),
            "the read does not survive the wire"
        );
        rows += imported.data.len();
        if let Dataset::Deals(deals) = imported.data {
            let ws = Workspace::with_deals(deals);
            if let Some(scope) = ws.default_scope() {
                rows += compute_all(&ws, &scope).len();
            }
        }
    }
    // The file set's first read, then the import report's code-page picker.
    let mapping = preview(file, bytes, 1, Some(DatasetKind::Deals)).map(|p| p.mapping).unwrap_or_default();
    let read = |plan: crate::file_set::Plan| plan.start().run(|r, o| read_in_slices(&r.name, bytes, slice, o));
    if let Ok(set) = read(FileSet::default().add(FileRead::auto(1, file, DatasetKind::Deals, mapping), false)) {
        if let Some(Ok(plan)) = chosen.map(|cp| set.set_code_page(1, cp)) {
            if let Ok(again) = read(plan) {
                rows += again.workspace.total_rows();
            }
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_plain_file_through_every_path() {
        let csv = b"deal_id,amount,stage,created_date,close_date,owner\nA,1,Won,2024-01-01,2024-02-01,Zo\xeb\n";
        assert!(import_everything(csv, 0) > 0);
        assert!(import_everything(csv, u64::MAX) > 0);
        assert_eq!(import_everything(b"", 7), 0);
    }
}
