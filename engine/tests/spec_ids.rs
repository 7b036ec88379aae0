//! The KPI registry against the contracts it implements, `KPI_SPEC.md` and
//! `KPI_SPEC_PIPELINE_CHANGE.md` in the shared folder (`PIPELENS_SHARED`, see `shared_dir`):
//! skipped, and said so, when a spec is not there.

use pipelens_engine::kpi::CATALOG;
use std::path::Path;

mod shared_dir;

/// The KPI ids of a spec: the first cell of its table rows, when it is a backticked snake_case id.
fn ids_of(path: &Path) -> Vec<String> {
    let spec = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    spec.lines()
        .filter_map(|l| l.strip_prefix("| `")?.split('`').next())
        .filter(|id| !id.is_empty() && id.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'))
        .map(str::to_owned)
        .collect()
}

#[test]
fn the_registry_holds_every_id_of_both_specs() {
    let what = "spec_ids.rs the_registry_holds_every_id_of_both_specs";
    let Some(main) = shared_dir::file("KPI_SPEC.md", what) else { return };
    let Some(change) = shared_dir::file("KPI_SPEC_PIPELINE_CHANGE.md", what) else { return };
    let (ids, change_ids) = (ids_of(&main), ids_of(&change));
    assert_eq!(ids.len(), 34, "{ids:?}");
    assert_eq!(change_ids.len(), 9, "{change_ids:?}");
    assert!(change_ids.iter().all(|id| !ids.contains(id)), "the two specs share no id");
    let union: Vec<&str> = ids.iter().chain(&change_ids).map(String::as_str).collect();
    let ours: Vec<&str> = CATALOG.iter().map(|k| k.id.as_str()).collect();
    assert_eq!(ours, union, "the registry is the union of the specs, in their order");
}
