//! Replays every input the fuzz harness (`pipelens-fuzz-import`) saved under
//! `tests/fuzz-regressions/` through the whole import path, with the knobs it ran with.

use pipelens_engine::ingest::import_everything;
use std::path::Path;

/// The knobs in a saved input's name (`panic-1-42-00000000deadbeef.bin`), else 0.
fn knobs(name: &str) -> u64 {
    name.trim_end_matches(".bin").rsplit('-').next().and_then(|k| u64::from_str_radix(k, 16).ok()).unwrap_or(0)
}

#[test]
fn every_saved_fuzz_input_imports_without_a_panic() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-regressions");
    let mut replayed = 0;
    for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !name.ends_with(".bin") {
            continue;
        }
        let bytes = std::fs::read(entry.path()).unwrap_or_default();
        for k in [knobs(&name), 0, u64::MAX] {
            import_everything(&bytes, k);
        }
        replayed += 1;
    }
    // Also the inputs that reach each path at all: empty, ASCII, a stray byte.
    for bytes in [&b""[..], b"a,b\n1,2\n", b"deal_id,amount\n\xff,1\n"] {
        import_everything(bytes, 12345);
    }
    println!("replayed {replayed} saved inputs");
}

#[test]
fn knobs_come_from_the_name() {
    assert_eq!(knobs("panic-1-42-00000000deadbeef.bin"), 0xdead_beef);
    assert_eq!(knobs("odd.bin"), 0);
}
