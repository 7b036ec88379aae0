//! The Maven "CRM Sales Opportunities" export gives the published reference figures
//! (`shared/corpus/real/maven-crm/REFERENCE_VALUES.md`) under the default period.

use pipelens_engine::ingest::read_deals;
use pipelens_engine::{kpi, Workspace};

mod shared_dir;

/// The Maven export read as deals, or `None` (the test `what` says it is skipped) when the
/// shared corpus is not beside the repository.
fn maven(what: &str) -> Option<(Workspace, pipelens_engine::ingest::ImportReport)> {
    let path = shared_dir::corpus("real/maven-crm/sales_pipeline.csv", &format!("maven_reference.rs {what}"))?;
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let imported = read_deals("sales_pipeline.csv", &bytes).expect("Maven file maps automatically");
    Some((Workspace::with_deals(imported.table), imported.report))
}

#[test]
fn maven_loads_every_row_with_automatic_mapping() {
    let Some((ws, report)) = maven("maven_loads_every_row_with_automatic_mapping") else {
        return;
    };
    assert_eq!((report.rows_read, report.rows_kept), (8800, 8800));
    assert!(report.rejected.is_empty(), "{:?}", report.rejected.first());
    assert!(report.cell_issues.is_empty(), "{:?}", report.cell_issues.first());
    assert_eq!((report.encoding, report.delimiter), ("UTF-8", ','));
    let d = ws.deals.as_ref().unwrap();
    let count = |s| d.status.iter().filter(|&&x| x == s).count();
    use pipelens_engine::Status::*;
    assert_eq!((count(Won), count(Lost), count(Open)), (4238, 2473, 2089));
}

#[test]
fn maven_default_period_is_calendar_2017() {
    let Some((ws, _)) = maven("maven_default_period_is_calendar_2017") else {
        return;
    };
    let p = ws.default_scope().unwrap().period;
    assert_eq!((p.from.to_string(), p.to.to_string()), ("2017-01-01".into(), "2017-12-31".into()));
}

#[test]
fn maven_headline_kpis_match_the_reference() {
    let Some((ws, _)) = maven("maven_headline_kpis_match_the_reference") else {
        return;
    };
    let scope = ws.default_scope().unwrap();
    let get = |id: &str| kpi::compute(kpi::find(id).unwrap(), &ws, &scope);
    let close = |a: f64, b: f64, tol: f64| (a - b).abs() <= tol;

    assert_eq!(get("revenue").number(), Some(10_005_534.0));
    assert_eq!(get("deals_won").number(), Some(4238.0));
    let win = get("win_rate").number().unwrap();
    assert!(close(win * 100.0, 63.15, 0.005), "win rate {win}");
    assert_eq!(win, 4238.0 / 6711.0);
    let avg = get("avg_deal_size");
    assert!(close(avg.number().unwrap(), 2360.91, 0.005), "{:?}", avg.value);
    let cycle = get("sales_cycle_days");
    assert!(close(cycle.number().unwrap(), 51.78, 0.005), "{:?}", cycle.value);
    assert_eq!(cycle.companions[0].value, 57.0, "median cycle");
}

#[test]
fn maven_pipeline_counts_stages_and_explains_the_missing_value() {
    let Some((ws, _)) = maven("maven_pipeline_counts_stages_and_explains_the_missing_value") else {
        return;
    };
    let scope = ws.default_scope().unwrap();
    let count = kpi::compute(kpi::find("pipeline_count").unwrap(), &ws, &scope);
    assert_eq!(count.number(), Some(2089.0));
    let stages: Vec<(&str, f64)> = count.breakdown.iter().map(|b| (b.segment.as_str(), b.value)).collect();
    assert_eq!(stages, [("Prospecting", 500.0), ("Engaging", 1589.0)]);
    // Maven leaves close_value empty on open deals: the value is undefined, and says why.
    let value = kpi::compute(kpi::find("pipeline_value").unwrap(), &ws, &scope);
    let why = value.value.clone().unwrap_err().to_string();
    assert_eq!(why, "none of the 2,089 open deals has an amount");
    assert_eq!(value.left_out[0].to_string(), "2,089 open deals have no amount");
}
