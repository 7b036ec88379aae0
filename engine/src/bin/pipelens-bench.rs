//! Native benchmark of the engine: parse and compute throughput on generated deals files of
//! 10k, 100k and 1M rows. Prints figures; it never fails on time (the machine may be shared).
//!
//! ```text
//! cargo run --release -p pipelens_engine --bin pipelens-bench            10k, 100k, 1M rows
//! cargo run --release -p pipelens_engine --bin pipelens-bench -- 250000  other sizes
//! cargo run --release -p pipelens_engine --bin pipelens-bench -- --write 1000000 deals.csv
//! cargo run --release -p pipelens_engine --bin pipelens-bench -- --write-csv DIR 10000 1000000
//! cargo run --release -p pipelens_engine --bin pipelens-bench -- --file DIR/deals-1000000.csv [--runs 3] [--json]
//! ```
//!
//! The rows are the demo company's deals repeated with fresh ids, amounts varied and dates
//! moved back a year per copy, so stages, owners and cycle lengths are realistic.
//!
//! `--write-csv` writes `DIR/deals-<rows>.csv` for each size (10k, 100k and 1M by default): the
//! very bytes `scripts/bench-browser.mjs` uploads. `--file` times, on one file, the engine work
//! the browser does from a file pick to the executive page drawn (see [`executive`]), so the
//! browser's time can be set against the native one for the same bytes.

use pipelens_engine::ingest::{preview_start, read_deals, ReadOptions, Session, Step};
use pipelens_engine::kpi::{Comparison, KpiId};
use pipelens_engine::preset::Preset;
use pipelens_engine::{aggregates, demo, export, kpi, Dim, Filters, Grain, Scope, Selection, Workspace};
use std::path::Path;
use std::time::Instant;

/// A deals CSV of `rows` rows built from the demo deals.
fn generate(rows: usize) -> String {
    let base = export::deals_csv(&demo::demo_deals(demo::DEMO_SEED));
    let mut lines = base.lines();
    let header = lines.next().unwrap_or_default();
    let body: Vec<Vec<&str>> = lines.map(|l| l.split(',').collect()).collect();
    let mut out = String::with_capacity(rows * 110);
    out.push_str(header);
    out.push('\n');
    for i in 0..rows {
        let (copy, row) = (i / body.len().max(1), &body[i % body.len().max(1)]);
        for (c, cell) in row.iter().enumerate() {
            if c > 0 {
                out.push(',');
            }
            match c {
                0 => out.push_str(&format!("{cell}-{copy}")),
                1 => match cell.parse::<f64>() {
                    Ok(a) => out.push_str(&format!("{:.2}", a * (1.0 + (copy % 7) as f64 * 0.03))),
                    Err(_) => out.push_str(cell),
                },
                3 | 4 if cell.len() == 10 => {
                    // Move each copy back one more year (the period holds the first copy).
                    let year: i32 = cell[..4].parse().unwrap_or(2024);
                    out.push_str(&format!("{}{}", year - (copy % 30) as i32, &cell[4..]));
                }
                _ => out.push_str(cell),
            }
        }
        out.push('\n');
    }
    out
}

fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1e3
}

/// The median of `runs` timings of `f`, in milliseconds.
fn median_ms(runs: usize, mut f: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            ms(t)
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

fn bench(rows: usize) {
    let text = generate(rows);
    let mb = text.len() as f64 / 1e6;
    let runs = if rows >= 1_000_000 { 3 } else { 5 };
    let mut table = None;
    let parse = median_ms(runs, || table = read_deals("bench.csv", text.as_bytes()).ok().map(|i| i.table));
    let Some(table) = table else {
        println!("{rows:>9} rows: the generated file did not load");
        return;
    };
    let ws = Workspace::with_deals(table);
    let Some(scope) = ws.default_scope() else { return };
    let all = median_ms(runs, || {
        std::hint::black_box(kpi::compute_all(&ws, &scope));
    });
    let owner = ws.deals.as_ref().and_then(|d| d.dim(Dim::Owner)).and_then(|c| c.values.first().cloned());
    let filtered = pipelens_engine::Scope {
        filters: owner.map_or(Filters::none(), |o| Filters::none().with(Dim::Owner, &o)),
        ..scope.clone()
    };
    let filter = median_ms(runs, || {
        std::hint::black_box(kpi::compute_all(&ws, &filtered));
    });
    let revenue = KpiId::Revenue.def();
    let trend = median_ms(runs, || {
        std::hint::black_box(kpi::trend(revenue, &ws, &scope, Grain::Month));
    });
    println!(
        "{rows:>9} rows {mb:>7.1} MB | parse {parse:>8.1} ms {:>6.1} MB/s {:>6.2} M rows/s | all {} KPIs {all:>7.1} ms | owner filter {filter:>7.1} ms | revenue by month {trend:>6.1} ms",
        mb / (parse / 1e3),
        rows as f64 / 1e6 / (parse / 1e3),
        kpi::CATALOG.len(),
    );
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("--write-csv") => return write_csvs(&args[1..]),
        Some("--file") => return bench_file(&args[1..]),
        _ => {}
    }
    if let [flag, rows, path] = args.as_slice() {
        if flag == "--write" {
            let rows = rows.parse().unwrap_or(1_000_000);
            if let Err(e) = std::fs::write(path, generate(rows)) {
                eprintln!("{path}: {e}");
                std::process::exit(1);
            }
            return;
        }
    }
    let sizes: Vec<usize> = if args.is_empty() {
        vec![10_000, 100_000, 1_000_000]
    } else {
        args.iter().filter_map(|a| a.replace('_', "").parse().ok()).collect()
    };
    println!("pipelens engine benchmark (median of several runs; deals only; release build recommended)");
    for rows in sizes {
        bench(rows);
    }
}

/// `--write-csv DIR [ROWS...]`: writes `DIR/deals-<rows>.csv` for each size and prints each path.
fn write_csvs(args: &[String]) {
    let Some(dir) = args.first() else {
        eprintln!("usage: pipelens-bench --write-csv DIR [ROWS...]");
        std::process::exit(2);
    };
    let mut sizes: Vec<usize> = args[1..].iter().filter_map(|a| a.replace('_', "").parse().ok()).collect();
    if sizes.is_empty() {
        sizes = vec![10_000, 100_000, 1_000_000];
    }
    if let Err(e) = std::fs::create_dir_all(dir) {
        eprintln!("{dir}: {e}");
        std::process::exit(1);
    }
    for rows in sizes {
        let path = Path::new(dir).join(format!("deals-{rows}.csv"));
        if let Err(e) = std::fs::write(&path, generate(rows)) {
            eprintln!("{}: {e}", path.display());
            std::process::exit(1);
        }
        println!("{}", path.display());
    }
}

/// What the app's `src/state.rs` asks of the engine for the executive tiles: the values every
/// filter offers and the currencies (once per load, `DataFacts`), the rows the filters select
/// (`Dashboard::compute`), then each tile's KPI over the scope and the comparison period with
/// its derived target (`Dashboard::kpi`, on first use). The selection is the page's, kept for
/// its charts and sparklines.
fn dashboard(ws: &Workspace, scope: &Scope) -> (usize, Selection) {
    let all = pipelens_engine::ingest::DatasetKind::ALL;
    let dims: usize = Dim::ALL.into_iter().map(|d| kpi::segment_values(ws, d, &all).len()).sum();
    let currencies = ws.deals.as_ref().map_or(0, |d| d.currencies().len());
    std::hint::black_box(ws.latest_day());
    let sel = Selection::new(ws, &scope.filters);
    (dims + currencies + tiles(ws, scope, &sel), sel)
}

/// The KPIs whose tiles the benchmark times: those of the executive page (its layout is the
/// app's, `src/pages/mod.rs`), the first page a loaded file shows. Keep the two in step when
/// that page changes, so the timings stay those of the page.
const TIMED_TILES: [KpiId; 15] = [
    KpiId::Revenue,
    KpiId::RevenueGrowth,
    KpiId::RevenueGrowthYoy,
    KpiId::WinRate,
    KpiId::PipelineValue,
    KpiId::PipelineCoverage,
    KpiId::SalesVelocity,
    KpiId::ForecastAccuracy,
    KpiId::Mrr,
    KpiId::Arr,
    KpiId::Cac,
    KpiId::Clv,
    KpiId::ClvCacRatio,
    KpiId::ChurnRate,
    KpiId::RevenueMix,
];

/// The executive tiles over `scope`: what a filter or period change recomputes of them.
fn tiles(ws: &Workspace, scope: &Scope, sel: &Selection) -> usize {
    let ctx = kpi::Ctx { ws, scope: scope.clone(), sel };
    let before = ctx.over(Comparison::Previous.period(scope.period));
    TIMED_TILES
        .iter()
        .map(|id| id.def())
        .map(|def| {
            let values = (kpi::run(def, &ctx), kpi::run(def, &before), kpi::derived_target(def, ws, scope));
            std::hint::black_box(values).0.breakdown.len()
        })
        .sum()
}

/// The engine calls behind the executive page's four charts (`src/charts/catalog.rs`): the
/// revenue trend with its comparison, pacing, the revenue mix by deal type and forecast vs actual.
fn executive_charts(ws: &Workspace, scope: &Scope, sel: &Selection) -> usize {
    let mut n = 0;
    let def = KpiId::Revenue.def();
    let before = scope.over(Comparison::Previous.period(scope.period));
    let ctx = kpi::Ctx { ws, scope: scope.clone(), sel };
    n += kpi::trend_in(def, &ctx, Grain::Month).len() + kpi::trend(def, ws, &before, Grain::Month).len();
    n += aggregates::segment_trends(def, ws, scope, Dim::DealType, Grain::Month).len();
    n += aggregates::pacing(ws, scope, Grain::Month).map_or(0, |p| p.labels.len());
    n + aggregates::forecast_vs_actual(ws, scope).len()
}

/// The sparkline of each executive tile: one monthly trend per KPI over the tiles' rows
/// (`Dashboard::trend`).
fn sparklines(ws: &Workspace, scope: &Scope, sel: &Selection) -> usize {
    let ctx = kpi::Ctx { ws, scope: scope.clone(), sel };
    TIMED_TILES.iter().map(|id| id.def()).map(|def| kpi::trend_in(def, &ctx, Grain::Month).len()).sum()
}

/// Everything the executive page computes over `scope`: what a filter or period change redoes.
fn executive(ws: &Workspace, scope: &Scope) -> usize {
    let sel = Selection::new(ws, &scope.filters);
    tiles(ws, scope, &sel) + executive_charts(ws, scope, &sel) + sparklines(ws, scope, &sel)
}

/// The steps of one load, in ms.
#[derive(Default, Clone, Copy)]
struct Steps {
    read: f64,
    preview: f64,
    decode: f64,
    parse: f64,
    finish: f64,
    dashboard: f64,
    charts: f64,
    sparklines: f64,
}

impl Steps {
    /// File pick to the page drawn, as far as the engine goes (reading the file from disk
    /// stands in for the browser's File API reads).
    fn total(&self) -> f64 {
        self.read
            + self.preview
            + self.decode
            + self.parse
            + self.finish
            + self.dashboard
            + self.charts
            + self.sparklines
    }
}

/// Bytes per slice, as the browser reads a file (`src/io/file_input.rs`).
const SLICE: usize = 2 * 1024 * 1024;

/// One load of `path` the way `src/load.rs` does it: read the bytes, preview the first slice
/// (recognise the dataset), then push the file a slice at a time: "decode" is the first slice
/// decoded and the header found, "parse" the rest read in chunks; settle the columns; then the
/// executive page over the default scope. The bytes are held in memory here (the browser reads
/// its slices from the `File`).
fn load_once(path: &Path) -> Result<(Steps, Workspace, usize), String> {
    let name = path.file_name().map_or_else(|| "file.csv".into(), |n| n.to_string_lossy().into_owned());
    let mut s = Steps::default();
    let t = Instant::now();
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    s.read = ms(t);
    let len = bytes.len() as u64;
    let t = Instant::now();
    let p = preview_start(&name, &bytes[..bytes.len().min(SLICE)], len, 5, None).map_err(|e| e.to_string())?;
    s.preview = ms(t);
    let t = Instant::now();
    let mut session = Session::new(&name, len, ReadOptions::new(p.kind));
    // The browser reads ~30 ms chunks; the chunk size costs nothing natively. `decode` is the
    // time to the header (encoding, dialect, header: a first step with a budget of no rows),
    // `parse` the rest, the columns' finish included.
    let mut first_chunk = true;
    let imported = loop {
        match session.step(if first_chunk { 0 } else { 50_000 }) {
            Step::NeedInput => {
                let start = (session.bytes_pushed() as usize).min(bytes.len());
                let end = (start + SLICE).min(bytes.len());
                session.push(&bytes[start..end], end == bytes.len());
            }
            Step::Progress { .. } if first_chunk => {
                first_chunk = false;
                s.decode = ms(t);
            }
            Step::Progress { .. } | Step::Restart => {}
            // Never stopped: a file read whole does not pause.
            Step::Paused { .. } => session.resume(),
            Step::Done(imported) => break imported,
            Step::Failed(e) => return Err(e.to_string()),
        }
    };
    s.parse = ms(t) - s.decode;
    let t = Instant::now();
    let mut ws = Workspace::default();
    ws.insert(imported.data, false);
    s.finish = ms(t);
    let scope = ws.default_scope().ok_or("the file has no dates")?;
    let t = Instant::now();
    let (tiles, sel) = dashboard(&ws, &scope);
    std::hint::black_box(tiles);
    s.dashboard = ms(t);
    let t = Instant::now();
    std::hint::black_box(executive_charts(&ws, &scope, &sel));
    s.charts = ms(t);
    let t = Instant::now();
    std::hint::black_box(sparklines(&ws, &scope, &sel));
    s.sparklines = ms(t);
    Ok((s, ws, bytes.len()))
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(f64::NAN)
}

/// `--file PATH [--runs N] [--json]`: the load of one file and a filter and period change on it.
fn bench_file(args: &[String]) {
    let Some(path) = args.first().map(Path::new) else {
        eprintln!("usage: pipelens-bench --file PATH [--runs N] [--json]");
        std::process::exit(2);
    };
    let json = args.iter().any(|a| a == "--json");
    let runs: usize = args.windows(2).find(|w| w[0] == "--runs").and_then(|w| w[1].parse().ok()).unwrap_or(3).max(1);
    let mut loads = Vec::new();
    let mut last = None;
    for _ in 0..runs {
        match load_once(path) {
            Ok((s, ws, len)) => {
                loads.push(s);
                last = Some((ws, len));
            }
            Err(e) => {
                eprintln!("{e}");
                std::process::exit(1);
            }
        }
    }
    let Some((ws, len)) = last else { return };
    let step = |f: fn(&Steps) -> f64| median(loads.iter().map(f).collect());
    let m = Steps {
        read: step(|s| s.read),
        preview: step(|s| s.preview),
        decode: step(|s| s.decode),
        parse: step(|s| s.parse),
        finish: step(|s| s.finish),
        dashboard: step(|s| s.dashboard),
        charts: step(|s| s.charts),
        sparklines: step(|s| s.sparklines),
    };
    let total = step(Steps::total);
    let rows = ws.deals.as_ref().map_or(0, |d| d.len());
    // A filter change: the first owner alone; a period change: the last quarter preset.
    let Some(scope) = ws.default_scope() else { return };
    let owner = ws.deals.as_ref().and_then(|d| d.dim(Dim::Owner)).and_then(|c| c.values.first().cloned());
    let filtered =
        Scope { filters: owner.map_or(Filters::none(), |o| Filters::none().with(Dim::Owner, &o)), ..scope.clone() };
    let filter = median_ms(runs.max(5), || {
        std::hint::black_box(executive(&ws, &filtered));
    });
    let latest = ws.latest_day().unwrap_or(scope.period.to);
    let quarter = scope.over(Preset::LastQuarter.period(latest));
    let period = median_ms(runs.max(5), || {
        std::hint::black_box(executive(&ws, &quarter));
    });
    let mb = len as f64 / 1e6;
    if json {
        println!(
            "{{\"file\":{:?},\"bytes\":{len},\"rows\":{rows},\"runs\":{runs},\"total_ms\":{total:.3},\"read_ms\":{:.3},\"preview_ms\":{:.3},\"decode_ms\":{:.3},\"parse_ms\":{:.3},\"finish_ms\":{:.3},\"dashboard_ms\":{:.3},\"charts_ms\":{:.3},\"sparklines_ms\":{:.3},\"filter_change_ms\":{filter:.3},\"period_change_ms\":{period:.3}}}",
            path.display().to_string(),
            m.read, m.preview, m.decode, m.parse, m.finish, m.dashboard, m.charts, m.sparklines,
        );
        return;
    }
    println!("pipelens engine on {} ({mb:.1} MB, {rows} deals; median of {runs} loads)", path.display());
    for (name, v) in [
        ("read file", m.read),
        ("preview", m.preview),
        ("decode", m.decode),
        ("parse (chunks)", m.parse),
        ("finish columns", m.finish),
        ("dashboard (filters' values, 15 tiles x2)", m.dashboard),
        ("executive charts", m.charts),
        ("15 sparklines", m.sparklines),
    ] {
        println!("  {name:<40} {v:>9.1} ms");
    }
    println!("  {:<40} {total:>9.1} ms  ({:.1} MB/s)", "file pick -> executive page", mb / (total / 1e3));
    println!("  {:<40} {filter:>9.1} ms", "owner filter: dashboard+charts+sparklines");
    println!("  {:<40} {period:>9.1} ms", "last-quarter preset: the same");
}
