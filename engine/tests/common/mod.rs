//! The hand-checked seven-dataset fixture shared by the integration tests
//! (`tests/fixtures/small/*.csv`, period 2023-12-01 – 2024-02-29), with an earlier export of
//! its deals (dated 2024-01-20 by its data) and a stage history of four of them.

use pipelens_engine::ingest::{preview, read_file, DatasetKind};
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
    let history = std::fs::read(format!("{dir}/history.csv")).unwrap();
    assert_eq!(preview("history", &history, 3, None).unwrap().kind, DatasetKind::History);
    ws.insert(read_file(DatasetKind::History, "history", &history, None).unwrap().data, false);
    let earlier = std::fs::read(format!("{dir}/earlier_deals.csv")).unwrap();
    let read = read_file(DatasetKind::EarlierDeals, "earlier_deals", &earlier, None).unwrap();
    ws.insert_as(DatasetKind::EarlierDeals, read.data, false);
    ws
}
