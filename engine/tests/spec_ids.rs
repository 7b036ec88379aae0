//! The KPI registry against the contract it implements, `KPI_SPEC.md` in the shared folder
//! (`PIPELENS_SHARED`, see `shared_dir`): skipped, and said so, when the spec is not there.

use pipelens_engine::kpi::CATALOG;

mod shared_dir;

#[test]
fn the_registry_holds_every_id_of_the_spec() {
    let Some(path) = shared_dir::file("KPI_SPEC.md", "spec_ids.rs the_registry_holds_every_id_of_the_spec") else {
        return;
    };
    let spec = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let ids: Vec<&str> = spec
        .lines()
        .filter_map(|l| l.strip_prefix("| `")?.split('`').next())
        .filter(|id| id.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'))
        .collect();
    assert_eq!(ids.len(), 34, "{ids:?}");
    let ours: Vec<&str> = CATALOG.iter().map(|k| k.id.as_str()).collect();
    assert_eq!(ours, ids, "registry order follows the spec");
}
