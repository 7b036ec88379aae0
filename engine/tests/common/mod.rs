//! The hand-checked seven-dataset fixture shared by the integration tests
//! (`tests/fixtures/small/*.csv`, period 2023-12-01 – 2024-02-29).

use pipelens_engine::ingest::{preview, read_file};
use pipelens_engine::Workspace;

/// The fixture company, each file read as the dataset its headers name.
pub fn fixture() -> Workspace {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/small");
    let mut ws = Workspace::default();
    for name in ["deals", "leads", "activities", "customers", "spend", "quotas", "forecasts"] {
        let bytes = std::fs::read(format!("{dir}/{name}.csv")).unwrap();
        let kind = preview(name, &bytes, 3, None).unwrap().kind;
        assert_eq!(kind.name(), name, "{name}.csv is recognised by its headers");
        ws.insert(read_file(kind, name, &bytes, None).unwrap().data, false);
    }
    ws
}
