//! Native benchmark of the engine: parse and compute throughput on generated deals files of
//! 10k, 100k and 1M rows. Prints figures; it never fails on time (the machine may be shared).
//!
//! ```text
//! cargo run --release -p pipelens_engine --bin pipelens-bench            10k, 100k, 1M rows
//! cargo run --release -p pipelens_engine --bin pipelens-bench -- 250000  other sizes
//! cargo run --release -p pipelens_engine --bin pipelens-bench -- --write 1000000 deals.csv
//! ```
//!
//! The rows are the demo company's deals repeated with fresh ids, amounts varied and dates
//! moved back a year per copy, so stages, owners and cycle lengths are realistic.

use pipelens_engine::ingest::read_deals;
use pipelens_engine::{demo, export, kpi, Dim, Filters, Grain, Workspace};
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
    let filtered = kpi::find("revenue").map(|_| pipelens_engine::Scope {
        filters: owner.map_or(Filters::none(), |o| Filters::none().with(Dim::Owner, &o)),
        ..scope.clone()
    });
    let filter = filtered.map_or(f64::NAN, |s| {
        median_ms(runs, || {
            std::hint::black_box(kpi::compute_all(&ws, &s));
        })
    });
    let trend = kpi::find("revenue").map_or(f64::NAN, |def| {
        median_ms(runs, || {
            std::hint::black_box(kpi::trend(def, &ws, &scope, Grain::Month));
        })
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
