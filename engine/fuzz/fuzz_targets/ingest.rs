//! Any bytes through everything a dropped file goes through: decoding, sniffing, the generic
//! table reader, the deals reader (whole and in chunks) and every KPI. Nothing may panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pipelens_engine::ingest::{decode, read_deals, read_table, DealsReader};
use pipelens_engine::{kpi, Workspace};

fuzz_target!(|data: &[u8]| {
    let _ = read_table("fuzz.csv", data);
    if let Ok(text) = decode("fuzz.csv", data) {
        if let Ok(mut reader) = DealsReader::open("fuzz.csv", data.len(), &text) {
            while !reader.read_chunk(3) {}
            let _ = reader.finish();
        }
    }
    if let Ok(imported) = read_deals("fuzz.csv", data) {
        let ws = Workspace { deals: Some(imported.table) };
        if let Some(scope) = ws.default_scope() {
            for (_, result) in kpi::compute_all(&ws, &scope) {
                assert!(result.number().is_none_or(f64::is_finite));
            }
        }
    }
});
