//! `pipelens-cli warehouse`: the warehouse kit (`pipelens_engine::warehouse`) for the demo, for
//! files, or for files as a settings file of the app says they were read (columns, date order,
//! stage rules, period, filters, currency, gross margin, revenue target). Prints the script;
//! with `--out DIR` also writes it and its data files into DIR.

use super::stream_file::{file_name, read_path};
use pipelens_engine::ingest::{DatasetKind, ReadOptions};
use pipelens_engine::share::SettingsFile;
use pipelens_engine::sql::Dialect;
use pipelens_engine::warehouse::{self, KitSource};
use pipelens_engine::{demo, Day, Dim, Period, Workspace};

/// The command's usage line.
pub const USAGE: &str = "usage: pipelens-cli warehouse --dialect duckdb|postgres|bigquery|spark [--period FROM TO] \
                         [--filter DIM=VALUE]... [--out DIR] (--demo | FILE... | --settings pipelens-settings.json FILE...)";

/// What the command line asks for.
#[derive(Debug, Default, PartialEq)]
struct Args {
    dialect: Option<Dialect>,
    period: Option<(String, String)>,
    filters: Vec<(String, String)>,
    out: Option<String>,
    settings: Option<String>,
    demo: bool,
    files: Vec<String>,
}

fn parse(args: &[String]) -> Result<Args, String> {
    let mut a = Args::default();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let mut next = || it.next().cloned().ok_or_else(|| format!("{arg} needs a value\n{USAGE}"));
        match arg.as_str() {
            "--dialect" => {
                let d = next()?;
                a.dialect = Some(Dialect::parse(&d).ok_or_else(|| format!("no dialect {d:?}\n{USAGE}"))?);
            }
            "--period" => a.period = Some((next()?, next()?)),
            "--filter" => {
                let f = next()?;
                let (dim, value) = f.split_once('=').ok_or_else(|| format!("--filter DIM=VALUE, not {f:?}"))?;
                a.filters.push((dim.to_owned(), value.to_owned()));
            }
            "--out" => a.out = Some(next()?),
            "--settings" => a.settings = Some(next()?),
            "--demo" => a.demo = true,
            f if f.starts_with("--") => return Err(format!("unknown option {f}\n{USAGE}")),
            f => a.files.push(f.to_owned()),
        }
    }
    if a.dialect.is_none() || a.demo != a.files.is_empty() || (a.demo && a.settings.is_some()) {
        return Err(USAGE.to_owned());
    }
    Ok(a)
}

fn day(s: &str) -> Result<Day, String> {
    Day::parse_iso(s).ok_or_else(|| format!("not a date: {s}"))
}

/// Runs the command: the script on stdout (and the files in `--out DIR`).
pub fn run(args: &[String]) -> Result<String, String> {
    let a = parse(args)?;
    let dialect = a.dialect.ok_or(USAGE)?;
    let view = match &a.settings {
        Some(path) => {
            let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
            let (view, notices) = SettingsFile::read(&text, |_| true).map_err(|e| format!("{path}: {e}"))?;
            for n in notices {
                eprintln!("{path}: {n:?}");
            }
            Some(view)
        }
        None => None,
    };
    let (mut ws, mut sources) = (Workspace::default(), Vec::new());
    if a.demo {
        ws = demo::demo_workspace(demo::DEMO_SEED);
    }
    for arg in &a.files {
        // DATASET=FILE reads the file as that dataset (earlier_deals=feb.csv).
        let named =
            arg.split_once('=').and_then(|(k, p)| Some((DatasetKind::ALL.into_iter().find(|d| d.name() == k)?, p)));
        let path = named.map_or(arg.as_str(), |(_, p)| p);
        let name = file_name(path);
        let reference = view.as_ref().and_then(|v| v.files.iter().find(|f| f.name == name));
        let kind = named.map(|(k, _)| k).or(reference.map(|r| r.kind));
        let options = ReadOptions {
            mapping: reference.map(|r| r.mapping.clone()),
            date_order: reference.and_then(|r| r.date_order),
            ..ReadOptions::new(kind.unwrap_or(DatasetKind::Deals))
        };
        let imported = read_path(path, options, kind.is_none())?;
        let kind = kind.unwrap_or(imported.data.kind());
        sources.push(KitSource::from_report(kind, &imported.report));
        ws.insert_as(kind, imported.data, true);
    }
    if let Some(v) = &view {
        v.apply_stages(&mut ws);
    }
    let mut scope = ws.default_scope().ok_or("no dates in the data")?;
    if let Some(v) = &view {
        if let Some(p) = v.period_days() {
            scope.period = p;
        }
        scope.filters = v.filters.clone();
        if let Some(c) = v.currency_code(&ws) {
            scope.currency = Some(c);
        }
        scope.settings.gross_margin = v.gross_margin.unwrap_or(1.0);
        scope.settings.revenue_target = v.targets.get("revenue").copied();
    }
    if let Some((from, to)) = &a.period {
        scope.period = Period::new(day(from)?, day(to)?).ok_or("the period ends before it starts")?;
    }
    for (dim, value) in &a.filters {
        let dim = Dim::ALL.into_iter().find(|d| d.field() == dim).ok_or_else(|| format!("no dimension {dim}"))?;
        scope.filters = scope.filters.with(dim, value);
    }
    let kit = warehouse::kit(&ws, &scope, dialect, &sources);
    if let Some(dir) = &a.out {
        std::fs::create_dir_all(dir).map_err(|e| format!("{dir}: {e}"))?;
        for (name, text) in kit.files() {
            std::fs::write(std::path::Path::new(dir).join(&name), text).map_err(|e| format!("{dir}/{name}: {e}"))?;
        }
    } else {
        eprintln!("the script loads {} data files; --out DIR writes them with it", kit.tables.len());
    }
    Ok(kit.script)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_owned).collect()
    }

    #[test]
    fn the_command_line_is_read_or_refused() {
        let a =
            parse(&args("--dialect pg --period 2024-01-01 2024-03-31 --filter team=East --out kit --demo")).unwrap();
        assert_eq!(a.dialect, Some(Dialect::Postgres));
        assert_eq!(a.period, Some(("2024-01-01".into(), "2024-03-31".into())));
        assert_eq!((a.filters.len(), a.out.as_deref(), a.demo), (1, Some("kit"), true));
        for bad in [
            "--demo",
            "--dialect oracle --demo",
            "--dialect spark",
            "--dialect spark --demo x.csv",
            "--dialect spark --demo --settings s.json",
            "--dialect spark --period 2024-01-01",
            "--dialect spark --bogus --demo",
        ] {
            assert!(parse(&args(bad)).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_settings_file_chooses_the_columns_and_the_scope() {
        let dir = std::env::temp_dir().join(format!("pipelens-cli-warehouse-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        // Columns the auto-mapping would not take: Betrag is mapped by the settings file.
        std::fs::write(dir.join("d.csv"), "Nr,Betrag,Phase,Start,Ende,Team\nA,100,Signed,2024-01-02,2024-02-01,East\nB,50,Dead,2024-01-03,2024-02-03,West\n").unwrap();
        let columns = ["deal_id", "amount", "stage", "created_date", "close_date", "team"];
        let mapping: Vec<Option<usize>> =
            DatasetKind::Deals.fields().iter().map(|f| columns.iter().position(|c| *c == f.name)).collect();
        let settings = format!(
            r#"{{"pipelens_settings":1,"settings":{{"files":[{{"name":"d.csv","kind":"deals","mapping":{}}}],
            "period":["2024-01-01","2024-06-30"],"filters":{{"team":["East"]}},"stages":{{"status":{{"Signed":"won","Dead":"lost"}},"open":[]}}}}}}"#,
            serde_json::to_string(&mapping).unwrap()
        );
        std::fs::write(dir.join("s.json"), settings).unwrap();
        let d = |f: &str| dir.join(f).to_string_lossy().into_owned();
        let out = d("kit");
        let script = run(&[
            "--dialect".into(),
            "duckdb".into(),
            "--settings".into(),
            d("s.json"),
            d("d.csv"),
            "--out".into(),
            out.clone(),
        ])
        .unwrap();
        assert!(script.contains("scope: period 2024-01-01 to 2024-06-30; filters: team in ('East')"), "{script}");
        assert!(script.contains("WHEN stage IN ('Signed') THEN 'won'"), "{script}");
        assert!(script.contains("Betrag → amount"), "{script}");
        let deals = std::fs::read_to_string(dir.join("kit").join("deals.csv")).unwrap();
        assert!(
            deals.starts_with(
                "deal_id,amount,stage,created_date,close_date,team\nA,100,Signed,2024-01-02,2024-02-01,East\n"
            ),
            "{deals}"
        );
        assert_eq!(std::fs::read_to_string(dir.join("kit").join("pipelens-warehouse-duckdb.sql")).unwrap(), script);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
