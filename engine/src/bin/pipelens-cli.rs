//! Native command line for the engine: the same code the browser runs, for tests, benchmarks
//! and anyone who wants the figures in a terminal.
//!
//! ```text
//! pipelens-cli kpis [OPTIONS] (--demo | FILE...)   every KPI as JSON, with trends and segments
//! pipelens-cli demo-csv [DIR]                      the demo deals as CSV on stdout, or all seven
//!                                                  demo datasets as DIR/<dataset>.csv, with
//!                                                  DIR/earlier_deals.csv and DIR/history.csv
//! pipelens-cli table FILE...                       how each file is read: dialect, rows, rejects
//! pipelens-cli fixtures OUT_DIR [SEED]             a deals export in every CRM layout of
//!                                                  engine::fixtures (OUT_DIR/<layout>.csv), each
//!                                                  with the KPIs it must give beside it
//!                                                  (OUT_DIR/<layout>.expected.json)
//! pipelens-cli sql (ID | --all) [OPTIONS] [--dialect D] (--demo | FILE...)
//!                                                  the SQL that computes a KPI's headline value
//!                                                  over the canonical tables (D: duckdb (default),
//!                                                  postgres, bigquery, spark); --all prints every
//!                                                  KPI's SQL as a JSON object {id: sql}; with
//!                                                  --batch, one such object per line of stdin,
//!                                                  each line a JSON scope {"period": [FROM, TO],
//!                                                  "filters": [[DIM, VALUE], ...]} (both optional)
//! pipelens-cli view NAME [OPTIONS] [--rep NAME] [--kpi ID]... (--demo | FILE...)
//!                                                  the data of one audience view (engine::aggregates)
//!                                                  as JSON {"view", "period", "filters", "grain",
//!                                                  "data"}; data is null where the view has none.
//!                                                  NAME: people-owner, people-team (the manager's
//!                                                  table), rep (--rep NAME, default the first rep;
//!                                                  --kpi ID to choose the KPIs), reps, cycle,
//!                                                  response (histograms), activity (per --grain,
//!                                                  default week), pacing, forecast, cohorts, mix
//!                                                  (revenue per deal type per --grain bucket)
//!
//! pipelens-cli kpi-texts OUT_DIR                  the German, Polish and Chinese KPI texts as the
//!                                                  page fetches them (OUT_DIR/kpi-<lang>.json;
//!                                                  the repository keeps them in web/lang/)
//!
//! pipelens-cli change [--json] [--window FROM TO | --quarter this|next] [--filter DIM=VALUE]...
//!                    [--as-of EARLIER LATER] [--history H.csv] [--deals] [--sql]
//!                    (--demo | EARLIER.csv LATER.csv)
//!                                                  the Pipeline change page as JSON: the waterfall
//!                                                  of the earlier export against the later one
//!                                                  {"change": {bars, slipped, ...}, "history":
//!                                                  {time_in_stage, conversion, ...} or null,
//!                                                  "forecast": {weighted_pipeline, commit, ...}
//!                                                  over the default period}; with
//!                                                  --deals, each bar's deals under "drill";
//!                                                  with --sql, the DuckDB text of the new KPIs
//!                                                  under "sql"
//!
//! pipelens-cli warehouse --dialect D [--period FROM TO] [--filter DIM=VALUE]... [--out DIR]
//!                    (--demo | FILE... | --settings pipelens-settings.json FILE...)
//!                                                  the warehouse kit (pipelens_engine::warehouse):
//!                                                  one script with the canonical tables' DDL, the
//!                                                  statements loading them and every KPI's query
//!                                                  for the scope (each after "-- kpi: <id>") on
//!                                                  stdout; with --out, the script and the data
//!                                                  files it loads (<dataset>.csv) in DIR. With
//!                                                  --settings, each FILE is read with the columns
//!                                                  and date order the app's settings file names
//!                                                  for it, and its stage rules, period, filters,
//!                                                  currency and KPI settings make the scope
//!
//! OPTIONS  --period FROM TO     a custom period (YYYY-MM-DD, both days included)
//!          --filter DIM=VALUE   a segment filter (owner, team, region, product, lead_source,
//!                               deal_type); repeat to combine
//!          --grain GRAIN        trend grain: week, month (default), quarter, year
//!          --segments           add every KPI broken down by every dimension the data has
//! ```
//!
//! Every FILE is read from disk in slices through the engine's `Session`, as the browser reads a
//! picked file, so a file larger than memory would hold as text is read too (only the table its
//! rows become is kept). Each FILE is read as the dataset its headers fit (as the app does when a file is dropped);
//! `DATASET=FILE` reads it as that dataset (e.g. `earlier_deals=feb.csv`, the earlier export of
//! the deals, a role no header can tell).

#[path = "cli/stream_file.rs"]
mod stream_file;
#[path = "cli/warehouse.rs"]
mod warehouse;

use pipelens_engine::ingest::{self, DatasetKind};
use pipelens_engine::kpi::KpiId;
use pipelens_engine::sql::{self, Dialect};
use pipelens_engine::{aggregates, demo, export, kpi, Day, Dim, Grain, Period, Scope, Workspace};
use serde_json::{json, Map, Value};
use std::process::ExitCode;

const USAGE: &str = "usage: pipelens-cli kpis [--period FROM TO] [--filter DIM=VALUE]... [--grain G] [--segments] \
                     (--demo | FILE...) | pipelens-cli sql (ID | --all) [--period FROM TO] [--filter DIM=VALUE]... \
                     [--dialect duckdb|postgres|bigquery|spark] (--demo | FILE...) | pipelens-cli view \
                     (people-owner|people-team|rep|reps|cycle|response|activity|pacing|forecast|cohorts|mix) \
                     [--period FROM TO] [--filter DIM=VALUE]... [--grain G] [--rep NAME] [--kpi ID]... \
                     (--demo | FILE...) | pipelens-cli demo-csv [DIR] | pipelens-cli table FILE... | \
                     pipelens-cli fixtures OUT_DIR [SEED] | pipelens-cli kpi-texts OUT_DIR | \
                     pipelens-cli change [--json] [--window FROM TO | --quarter this|next] [--filter DIM=VALUE]... \
                     [--as-of EARLIER LATER] [--history H.csv] [--deals] (--demo | EARLIER.csv LATER.csv) | \
                     pipelens-cli warehouse --dialect D [--period FROM TO] [--filter DIM=VALUE]... [--out DIR] \
                     (--demo | FILE... | --settings pipelens-settings.json FILE...)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("kpis") => Options::parse(&args[1..]).and_then(|o| o.run()),
        Some("view") if args.len() > 1 => Options::parse(&args[2..]).and_then(|o| view(&args[1], &o)),
        Some("table") if args.len() > 1 => {
            args[1..].iter().for_each(|p| print_table(p));
            return ExitCode::SUCCESS;
        }
        Some("demo-csv") => return demo_csv(args.get(1)),
        Some("fixtures") if args.len() > 1 => return write_fixtures(&args[1], args.get(2)),
        Some("kpi-texts") if args.len() > 1 => return write_kpi_packs(&args[1]),
        Some("sql") => return sql_command(&args[1..]),
        Some("change") => change_command(&args[1..]),
        Some("warehouse") => {
            return match warehouse::run(&args[1..]) {
                Ok(script) => {
                    print!("{script}");
                    ExitCode::SUCCESS
                }
                Err(e) => fail(&e),
            }
        }
        _ => Err(USAGE.to_owned()),
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

/// Seed of `pipelens-cli fixtures` when none is given.
const FIXTURE_SEED: u64 = 2026;

/// Every fixture layout into `dir`: `<layout>.csv` and `<layout>.expected.json`.
fn write_fixtures(dir: &str, seed: Option<&String>) -> ExitCode {
    let seed = match seed.map(|s| s.parse::<u64>()) {
        None => FIXTURE_SEED,
        Some(Ok(s)) => s,
        Some(Err(_)) => {
            eprintln!("SEED must be a whole number: {USAGE}");
            return ExitCode::FAILURE;
        }
    };
    let mut result = std::fs::create_dir_all(dir);
    for f in pipelens_engine::fixtures::all(seed) {
        let stem = f.file.trim_end_matches(".csv");
        result = result
            .and_then(|()| std::fs::write(format!("{dir}/{}", f.file), &f.bytes))
            .and_then(|()| std::fs::write(format!("{dir}/{stem}.expected.json"), f.expected_json()));
    }
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{dir}: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The KPI texts of every language but English into `dir` as the page fetches them
/// (`kpi-de.json`, ...; `web/lang/` in the repository).
fn write_kpi_packs(dir: &str) -> ExitCode {
    if !cfg!(feature = "kpi-texts") {
        eprintln!("this pipelens-cli was built without the feature kpi-texts: it has no texts to write");
        return ExitCode::FAILURE;
    }
    let mut result = std::fs::create_dir_all(dir);
    for lang in pipelens_engine::text::PACKED {
        let path = format!("{dir}/{}", pipelens_engine::text::kpi_pack_file(lang));
        result = result.and_then(|()| std::fs::write(&path, pipelens_engine::text::kpi_pack_json(lang)));
    }
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{dir}: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The demo deals on stdout, or every demo dataset into `dir`.
fn demo_csv(dir: Option<&String>) -> ExitCode {
    let ws = demo::demo_workspace(demo::DEMO_SEED);
    let Some(dir) = dir else {
        print!("{}", ws.deals.as_ref().map(export::deals_csv).unwrap_or_default());
        return ExitCode::SUCCESS;
    };
    let write = |kind: DatasetKind, text: String| std::fs::write(format!("{dir}/{}.csv", kind.name()), text);
    let mut result = std::fs::create_dir_all(dir);
    if let Some(d) = &ws.deals {
        result = result.and(write(DatasetKind::Deals, export::deals_csv(d)));
    }
    for (kind, t) in &ws.tables {
        result = result.and(write(*kind, export::table_csv(t)));
    }
    // The Pipeline change inputs: the earlier export and the stage history of the same deals.
    if let Some(d) = &ws.earlier {
        result = result.and(write(DatasetKind::EarlierDeals, export::deals_csv(d)));
    }
    if let Some(h) = &ws.history {
        result = result.and(write(DatasetKind::History, export::history_csv(h)));
    }
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{dir}: {e}");
            ExitCode::FAILURE
        }
    }
}

/// `sql ID ...`: prints the KPI's SQL; `sql --all ...`: every KPI's SQL as a JSON object.
fn sql_command(args: &[String]) -> ExitCode {
    let mut dialect = Dialect::DuckDb;
    let (mut id, mut all, mut batch, mut rest) = (None, false, false, Vec::new());
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--dialect" => match it.next().and_then(|d| Dialect::parse(d)) {
                Some(d) => dialect = d,
                None => return fail(USAGE),
            },
            "--all" => all = true,
            "--batch" => batch = true,
            "--period" => {
                rest.push(a.clone());
                rest.extend(it.next().cloned());
                rest.extend(it.next().cloned());
            }
            "--filter" => {
                rest.push(a.clone());
                rest.extend(it.next().cloned());
            }
            x if id.is_none() && !all && !x.starts_with("--") && KpiId::parse(x).is_some() => id = KpiId::parse(x),
            x if id.is_none()
                && !x.starts_with("--")
                && !x.contains(['.', '/'])
                && !std::path::Path::new(x).exists() =>
            {
                let ids: Vec<&str> = kpi::CATALOG.iter().map(|k| k.id.as_str()).collect();
                return fail(&format!("no KPI {x:?}; the ids are {}", ids.join(", ")));
            }
            _ => rest.push(a.clone()),
        }
    }
    if id.is_none() != all || (batch && !all) {
        return fail(USAGE);
    }
    let scoped = Options::parse(&rest).and_then(|o| o.scope());
    let (ws, scope) = match scoped {
        Ok(x) => x,
        Err(e) => return fail(&e),
    };
    if batch {
        return match sql_batch(&ws, &scope, dialect) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => fail(&e),
        };
    }
    match id {
        Some(id) => print!("{}", sql::kpi_sql(id, &ws, &scope, dialect)),
        None => {
            let map: Map<String, Value> = sql::all_kpi_sql(&ws, &scope, dialect)
                .into_iter()
                .map(|(k, v)| (k.as_str().to_owned(), Value::String(v)))
                .collect();
            println!("{}", serde_json::to_string_pretty(&Value::Object(map)).unwrap_or_default());
        }
    }
    ExitCode::SUCCESS
}

/// Every KPI's SQL once per scope read from stdin (one JSON object per line): the data is
/// loaded once for all of them.
fn sql_batch(ws: &Workspace, base: &Scope, dialect: Dialect) -> Result<(), String> {
    use std::io::{BufRead, Write};
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for line in std::io::stdin().lock().lines() {
        let line = line.map_err(|e| e.to_string())?;
        if line.trim().is_empty() {
            continue;
        }
        let req: Value = serde_json::from_str(&line).map_err(|e| format!("{line}: {e}"))?;
        let mut scope = base.clone();
        if let Some([from, to]) = req.get("period").and_then(Value::as_array).map(Vec::as_slice) {
            let (from, to) = (day(from.as_str().unwrap_or(""))?, day(to.as_str().unwrap_or(""))?);
            scope.period = Period::new(from, to).ok_or("the period ends before it starts")?;
        }
        for pair in req.get("filters").and_then(Value::as_array).into_iter().flatten() {
            let (Some(dim), Some(value)) = (pair.get(0).cloned(), pair.get(1).and_then(Value::as_str)) else {
                return Err(format!("{line}: a filter is [DIM, VALUE]"));
            };
            let dim: Dim = serde_json::from_value(dim).map_err(|_| format!("{line}: no such dimension"))?;
            scope.filters.0.entry(dim).or_default().push(value.to_owned());
        }
        let map: Map<String, Value> = sql::all_kpi_sql(ws, &scope, dialect)
            .into_iter()
            .map(|(k, v)| (k.as_str().to_owned(), Value::String(v)))
            .collect();
        writeln!(out, "{}", Value::Object(map)).map_err(|e| e.to_string())?;
    }
    Ok(())
}

fn fail(message: &str) -> ExitCode {
    eprintln!("{message}");
    ExitCode::FAILURE
}

struct Options {
    demo: bool,
    files: Vec<String>,
    period: Option<Period>,
    filters: Vec<(Dim, String)>,
    /// The grain chosen with `--grain`, if any.
    grain: Option<Grain>,
    segments: bool,
    /// `--rep NAME` (the `rep` view).
    rep: Option<String>,
    /// `--kpi ID`, repeated (the `rep` view).
    kpis: Vec<String>,
}

fn day(s: &str) -> Result<Day, String> {
    Day::parse_iso(s).ok_or_else(|| format!("not a date: {s}"))
}

impl Options {
    fn parse(args: &[String]) -> Result<Options, String> {
        let mut o = Options {
            demo: false,
            files: Vec::new(),
            period: None,
            filters: Vec::new(),
            grain: None,
            segments: false,
            rep: None,
            kpis: Vec::new(),
        };
        let mut it = args.iter();
        while let Some(a) = it.next() {
            let mut next = || it.next().ok_or(USAGE.to_owned());
            match a.as_str() {
                "--demo" => o.demo = true,
                "--segments" => o.segments = true,
                "--period" => {
                    let (from, to) = (day(next()?)?, day(next()?)?);
                    o.period = Some(Period::new(from, to).ok_or("the period ends before it starts")?);
                }
                "--grain" => {
                    o.grain =
                        Some(serde_json::from_value(Value::String(next()?.clone())).map_err(|_| USAGE.to_owned())?)
                }
                "--rep" => o.rep = Some(next()?.clone()),
                "--kpi" => o.kpis.push(next()?.clone()),
                "--filter" => {
                    let (dim, value) = next()?.split_once('=').ok_or(USAGE.to_owned())?;
                    let dim: Dim =
                        serde_json::from_value(Value::String(dim.into())).map_err(|_| format!("no dimension {dim}"))?;
                    o.filters.push((dim, value.to_owned()));
                }
                f => o.files.push(f.to_owned()),
            }
        }
        if o.demo == o.files.is_empty() {
            Ok(o)
        } else {
            Err(USAGE.to_owned())
        }
    }

    fn run(&self) -> Result<Value, String> {
        let (ws, reports) =
            if self.demo { (demo::demo_workspace(demo::DEMO_SEED), Vec::new()) } else { load(&self.files)? };
        let mut scope = ws.default_scope().ok_or("no dates in the data")?;
        if let Some(p) = self.period {
            scope.period = p;
        }
        for (dim, v) in &self.filters {
            scope.filters.0.entry(*dim).or_default().push(v.clone());
        }
        Ok(kpis_json(&ws, &scope, self.grain.unwrap_or(Grain::Month), self.segments, reports))
    }

    /// The data and the scope the options choose (as `run` builds them), for `sql`.
    fn scope(&self) -> Result<(Workspace, Scope), String> {
        let ws = if self.demo { demo::demo_workspace(demo::DEMO_SEED) } else { load(&self.files)?.0 };
        let mut scope = ws.default_scope().ok_or("no dates in the data")?;
        if let Some(p) = self.period {
            scope.period = p;
        }
        for (dim, v) in &self.filters {
            scope.filters.0.entry(*dim).or_default().push(v.clone());
        }
        Ok((ws, scope))
    }
}

/// `view NAME ...`: the data of one audience view as JSON.
fn view(name: &str, o: &Options) -> Result<Value, String> {
    let (ws, scope) = o.scope()?;
    let grain = o.grain.unwrap_or(if name == "activity" { Grain::Week } else { Grain::Month });
    let to_json = |v: Result<Value, serde_json::Error>| v.map_err(|e| e.to_string());
    let data = match name {
        "people-owner" => to_json(serde_json::to_value(aggregates::people(&ws, &scope, Dim::Owner)))?,
        "people-team" => to_json(serde_json::to_value(aggregates::people(&ws, &scope, Dim::Team)))?,
        "rep" => {
            let rep = match &o.rep {
                Some(r) => r.clone(),
                None => aggregates::reps(&ws).into_iter().next().ok_or("the data names no rep")?,
            };
            let ids: Vec<&str> = if o.kpis.is_empty() {
                aggregates::REP_KPIS.map(KpiId::as_str).to_vec()
            } else {
                o.kpis.iter().map(String::as_str).collect()
            };
            if let Some(bad) = ids.iter().find(|id| kpi::find(id).is_none()) {
                return Err(format!("no KPI {bad:?}"));
            }
            to_json(serde_json::to_value(aggregates::rep_vs_team(&ws, &scope, &rep, &ids)))?
        }
        "reps" => to_json(serde_json::to_value(aggregates::reps(&ws)))?,
        "cycle" => to_json(serde_json::to_value(aggregates::cycle_histogram(&ws, &scope)))?,
        "response" => to_json(serde_json::to_value(aggregates::response_histogram(&ws, &scope)))?,
        "activity" => to_json(serde_json::to_value(aggregates::activity_by(&ws, &scope, grain)))?,
        "pacing" => to_json(serde_json::to_value(aggregates::pacing(&ws, &scope, grain)))?,
        "forecast" => to_json(serde_json::to_value(aggregates::forecast_vs_actual(&ws, &scope)))?,
        "cohorts" => to_json(serde_json::to_value(aggregates::cohort_matrix(&ws, &scope)))?,
        "mix" => {
            let revenue = KpiId::Revenue.def();
            to_json(serde_json::to_value(aggregates::segment_trends(revenue, &ws, &scope, Dim::DealType, grain)))?
        }
        _ => return Err(format!("no view {name:?}\n{USAGE}")),
    };
    Ok(json!({
        "view": name,
        "period": { "from": scope.period.from.to_string(), "to": scope.period.to.to_string() },
        "filters": scope.filters,
        "grain": grain,
        "data": data,
    }))
}

fn load(paths: &[String]) -> Result<(Workspace, Vec<Value>), String> {
    let mut ws = Workspace::default();
    let mut reports = Vec::new();
    for arg in paths {
        let named =
            arg.split_once('=').and_then(|(k, p)| Some((DatasetKind::ALL.into_iter().find(|d| d.name() == k)?, p)));
        if let Some((kind, path)) = named {
            load_as(&mut ws, &mut reports, path, kind)?;
            continue;
        }
        let imported = stream_file::read_path(arg, stream_file::auto(DatasetKind::Deals), true)?;
        let (name, kind) = (stream_file::file_name(arg), imported.data.kind());
        reports.push(json!({ "file": name, "dataset": kind.name(), "report": imported.report }));
        ws.insert(imported.data, true);
    }
    Ok((ws, reports))
}

/// Reads `path` as the dataset `kind` into `ws`; its report joins `reports`.
fn load_as(ws: &mut Workspace, reports: &mut Vec<Value>, path: &str, kind: DatasetKind) -> Result<(), String> {
    let imported = stream_file::read_path(path, stream_file::auto(kind), false)?;
    let name = stream_file::file_name(path);
    reports.push(json!({ "file": name, "dataset": kind.name(), "report": imported.report }));
    ws.insert_as(kind, imported.data, false);
    Ok(())
}

/// `pipelens-cli change`: the Pipeline change page's figures (see the module docs).
fn change_command(args: &[String]) -> Result<Value, String> {
    use pipelens_engine::change::{self, ChangeSummary, CompareOptions, Flow, HistorySummary, WindowChoice};
    let (mut demo_data, mut deals, mut files, mut history) = (false, false, Vec::new(), None);
    let mut with_sql = false;
    let (mut window, mut filters, mut as_of) = (WindowChoice::All, pipelens_engine::Filters::none(), None);
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut next = || it.next().ok_or_else(|| format!("{a} needs a value\n{USAGE}"));
        match a.as_str() {
            "--json" => {}
            "--demo" => demo_data = true,
            "--deals" => deals = true,
            "--sql" => with_sql = true,
            "--history" => history = Some(next()?.clone()),
            "--window" => {
                let (from, to) = (day(next()?)?, day(next()?)?);
                window = WindowChoice::Custom(Period::new(from, to).ok_or("--window: FROM after TO")?);
            }
            "--quarter" => {
                window = match next()?.as_str() {
                    "this" => WindowChoice::ThisQuarter,
                    "next" => WindowChoice::NextQuarter,
                    q => return Err(format!("--quarter: this or next, not {q:?}")),
                }
            }
            "--as-of" => as_of = Some((day(next()?)?, day(next()?)?)),
            "--filter" => {
                let f = next()?;
                let (dim, value) = f.split_once('=').ok_or("--filter DIM=VALUE")?;
                let dim = Dim::ALL.into_iter().find(|d| d.field() == dim).ok_or(format!("no dimension {dim}"))?;
                filters = filters.with(dim, value);
            }
            f if !f.starts_with("--") => files.push(f.to_owned()),
            f => return Err(format!("unknown option {f}\n{USAGE}")),
        }
    }
    let mut reports = Vec::new();
    let mut ws = if demo_data {
        demo::demo_workspace(demo::DEMO_SEED)
    } else {
        let [earlier, later] = files.as_slice() else {
            return Err(format!("change needs the earlier and the later deals export\n{USAGE}"));
        };
        let mut ws = Workspace::default();
        load_as(&mut ws, &mut reports, earlier, DatasetKind::EarlierDeals)?;
        load_as(&mut ws, &mut reports, later, DatasetKind::Deals)?;
        ws
    };
    if let Some(h) = &history {
        load_as(&mut ws, &mut reports, h, DatasetKind::History)?;
        if ws.history.is_none() {
            return Err(format!("{h}: not a stage history (it needs deal_id, stage and changed_at)"));
        }
    }
    if let Some((earlier, later)) = as_of {
        ws.as_of.earlier = Some(earlier);
        ws.as_of.later = Some(later);
    }
    // The window is a quarter of the later export's date: the typed one, else the data's.
    let later_day = ws.as_of.later.or_else(|| ws.deals.as_ref().and_then(change::snapshot_as_of));
    let opts = CompareOptions {
        window: later_day.and_then(|d| window.resolve(d)).or(match window {
            WindowChoice::Custom(p) => Some(p),
            _ => None,
        }),
        filters: filters.clone(),
        currency: ws.deals.as_ref().and_then(|d| {
            let code = d.default_currency()?;
            d.currency.as_ref()?.value(code).map(str::to_owned)
        }),
        ..CompareOptions::default()
    };
    let c = change::compare_workspace(&ws, &opts).map_err(|e| e.to_string())?;
    let drill: Option<Map<String, Value>> = deals.then(|| {
        Flow::ALL
            .into_iter()
            .map(|f| (f.id().to_owned(), serde_json::to_value(change::drill_down(&c, f)).unwrap_or(Value::Null)))
            .collect()
    });
    // The DuckDB text of the new KPIs over the relations `deals_earlier`, `deals` and `history`
    // (canonical columns; see change::pipeline_change_sql and history's SQL), for the referee.
    let sql = with_sql.then(|| {
        let currency = opts.currency.as_deref();
        let open: Vec<&str> = ws
            .history
            .as_ref()
            .map_or(Vec::new(), |h| h.stage_rules.open_order.iter().map(|&c| h.stage_name(c)).collect());
        json!({
            "pipeline_change": change::pipeline_change_sql("deals_earlier", "deals", opts.window, currency),
            "slipped_deals": change::slipped_deals_sql("deals_earlier", "deals", opts.window, currency),
            "time_in_stage_by_stage": pipelens_engine::history::time_in_stage_by_stage_sql("history", None),
            "time_in_stage": pipelens_engine::history::time_in_stage_sql("history", None, &open),
            "stage_conversion": pipelens_engine::history::stage_conversion_sql("history", None),
            "stalled_deals": pipelens_engine::history::stalled_deals_sql("history", c.as_of_later, &open),
        })
    });
    Ok(json!({
        "sql": sql,
        "change": ChangeSummary::of(&c),
        "drill": drill,
        "history": HistorySummary::of_workspace(&ws, &filters),
        "forecast": ws.default_scope().and_then(|scope| {
            let scope = Scope { filters: filters.clone(), ..scope };
            pipelens_engine::forecast_category::ForecastSummary::of_workspace(&ws, &scope)
        }),
        "files": reports,
    }))
}

/// A KPI result as JSON, with the reason when it is undefined.
fn result_json(r: &kpi::KpiResult) -> Value {
    let mut v = serde_json::to_value(r).unwrap_or(Value::Null);
    if let (Value::Object(o), Err(why)) = (&mut v, &r.value) {
        o.insert("undefined".into(), Value::String(why.to_string()));
    }
    v
}

fn kpis_json(ws: &Workspace, scope: &Scope, grain: Grain, with_segments: bool, reports: Vec<Value>) -> Value {
    let mut kpis = Map::new();
    for (def, r) in kpi::compute_all(ws, scope) {
        let mut v = result_json(&r);
        if let Value::Object(o) = &mut v {
            let trend = kpi::trend(def, ws, scope, grain);
            let points: Vec<Value> = trend
                .iter()
                .map(|p| json!({ "label": p.label, "from": p.period.from.to_string(), "to": p.period.to.to_string(), "value": p.value }))
                .collect();
            o.insert("trend".into(), Value::Array(points));
            if with_segments {
                let mut by = Map::new();
                for dim in Dim::ALL {
                    let rows: Vec<Value> = kpi::segments(def, ws, scope, dim)
                        .iter()
                        .map(|s| json!({ "segment": s.segment, "value": s.result.number() }))
                        .collect();
                    if !rows.is_empty() {
                        by.insert(dim.field().into(), Value::Array(rows));
                    }
                }
                o.insert("segments".into(), Value::Object(by));
            }
        }
        kpis.insert(def.id.as_str().into(), v);
    }
    json!({
        "period": { "from": scope.period.from.to_string(), "to": scope.period.to.to_string() },
        "filters": scope.filters,
        "grain": grain,
        "kpis": kpis,
        "reports": reports,
    })
}

/// One line per file: how the generic reader sees it (for looking into odd exports).
fn print_table(path: &str) {
    let bytes = std::fs::read(path).unwrap_or_default();
    let name = std::path::Path::new(path).file_name().map_or(path.into(), |n| n.to_string_lossy().into_owned());
    match ingest::read_table(&name, &bytes) {
        Ok(t) => {
            let rows: Vec<&Vec<String>> = t.rows.iter().map(|r| &r.1).collect();
            let rejected: Vec<(u64, String)> = t.rejected.iter().map(|r| (r.line, r.reason.to_string())).collect();
            println!(
                "{name}: {} {:?} headers={:?} rows={rows:?} rejected={rejected:?} preamble={:?}",
                t.encoding, t.dialect.delimiter as char, t.headers, t.preamble
            );
        }
        Err(e) => println!("{name}: {e}"),
    }
}
