//! Any bytes through everything a dropped file goes through: decoding, sniffing, the raw
//! table reader, every dataset's reader, the deals reader (whole and in chunks) and every KPI.
//! Nothing may panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pipelens_engine::ingest::{decode, preview, read_deals, read_file, read_table, DatasetKind, Reader};
use pipelens_engine::{kpi, Workspace};

fuzz_target!(|data: &[u8]| {
    let _ = read_table("fuzz.csv", data);
    if let Ok(text) = decode("fuzz.csv", data) {
        if let Ok(mut reader) = Reader::open(DatasetKind::Deals, "fuzz.csv", data.len(), &text, None) {
            while !reader.read_chunk(3) {}
            let _ = reader.finish();
        }
    }
    // Every other dataset, each field on some column.
    if let Ok(p) = preview("fuzz.csv", data, 1, None) {
        let columns = p.headers.len().max(1);
        for kind in &DatasetKind::ALL[1..] {
            let mapping: Vec<Option<usize>> = (0..kind.fields().len()).map(|i| Some(i % columns)).collect();
            let _ = read_file(*kind, "fuzz.csv", data, Some(&mapping));
        }
    }
    if let Ok(imported) = read_deals("fuzz.csv", data) {
        let ws = Workspace::with_deals(imported.table);
        if let Some(scope) = ws.default_scope() {
            for (_, result) in kpi::compute_all(&ws, &scope) {
                assert!(result.number().is_none_or(f64::is_finite));
            }
        }
    }
});
