//! Native command line for the engine: the same code the browser runs, for tests, benchmarks
//! and anyone who wants the figures in a terminal.
//!
//! ```text
//! pipelens-cli kpis --demo            KPIs of the demo data as JSON
//! pipelens-cli kpis FILE.csv          KPIs of a deals CSV as JSON (default period)
//! pipelens-cli demo-csv               the demo deals table as CSV on stdout
//! pipelens-cli table FILE...          how each file is read: encoding, dialect, rows, rejects
//! ```

use pipelens_engine::{demo, export, ingest, kpi, series, Grain, Workspace};
use serde_json::{json, Map, Value};
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        ["kpis", "--demo"] => Ok(kpis_json(Workspace::with_deals(demo::demo_deals(demo::DEMO_SEED)), None)),
        ["kpis", path] => load(path).map(|(ws, report)| kpis_json(ws, Some(report))),
        ["table", files @ ..] if !files.is_empty() => {
            for path in files {
                print_table(path);
            }
            return ExitCode::SUCCESS;
        }
        ["demo-csv"] => {
            print!("{}", export::deals_csv(&demo::demo_deals(demo::DEMO_SEED)));
            return ExitCode::SUCCESS;
        }
        _ => Err("usage: pipelens-cli kpis (--demo | FILE.csv) | pipelens-cli demo-csv | pipelens-cli table FILE..."
            .to_owned()),
    };
    match result {
        Ok(v) => {
            println!("{}", serde_json::to_string_pretty(&v).unwrap_or_default());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}

/// One line per file: how the generic reader sees it (for looking into odd exports).
fn print_table(path: &str) {
    let bytes = std::fs::read(path).unwrap_or_default();
    let name = std::path::Path::new(path).file_name().map_or(path.into(), |n| n.to_string_lossy().into_owned());
    match ingest::read_table(&name, &bytes) {
        Ok(t) => {
            let rows: Vec<&Vec<String>> = t.rows.iter().map(|r| &r.1).collect();
            let rejected: Vec<(u64, &str)> = t.rejected.iter().map(|r| (r.line, r.reason.as_str())).collect();
            println!(
                "{name}: {} {:?} headers={:?} rows={rows:?} rejected={rejected:?} preamble={:?}",
                t.encoding, t.dialect.delimiter as char, t.headers, t.preamble
            );
        }
        Err(e) => println!("{name}: {e}"),
    }
}

fn load(path: &str) -> Result<(Workspace, ingest::ImportReport), String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{path}: {e}"))?;
    let name = std::path::Path::new(path).file_name().map_or(path.into(), |n| n.to_string_lossy().into_owned());
    let imported = ingest::read_deals(&name, &bytes).map_err(|e| e.to_string())?;
    Ok((Workspace::with_deals(imported.table), imported.report))
}

fn kpis_json(ws: Workspace, report: Option<ingest::ImportReport>) -> Value {
    let Some(scope) = ws.default_scope() else { return json!({ "error": "no dates in the data" }) };
    let mut kpis = Map::new();
    for (def, r) in kpi::compute_all(&ws, &scope) {
        let mut v = serde_json::to_value(&r).unwrap_or(Value::Null);
        if let (Value::Object(o), Err(why)) = (&mut v, &r.value) {
            o.insert("undefined".into(), Value::String(why.to_string()));
        }
        kpis.insert(def.id.into(), v);
    }
    let monthly = ws.deals.as_ref().map(|d| series::won_revenue_by(d, &scope, Grain::Month));
    json!({
        "period": { "from": scope.period.from.to_string(), "to": scope.period.to.to_string() },
        "kpis": kpis,
        "won_revenue_by_month": monthly,
        "report": report,
    })
}
