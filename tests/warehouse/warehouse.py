"""The warehouse kit, executed: `pipelens-cli warehouse` run in real databases, every KPI's
value compared with the engine's.

For each data set (the demo company's seven datasets with its earlier export and stage history,
the Maven CRM export from the shared corpus when it is there, and the referee's small hand-made
sets of edge cases) the kit is written with
`pipelens-cli warehouse --dialect D --out DIR` and

- PostgreSQL: the script the command prints (it holds its rows, `\copy … FROM stdin`), saved
  alone in a folder and loaded into an empty database of a throwaway cluster (Debian's
  postgresql, started here on a unix socket in a temporary directory, no TCP, stopped at the
  end) with `psql -v ON_ERROR_STOP=1 -f`, exactly as a user runs it; each KPI query's one value
  is read from psql's output;
- Spark SQL: run statement by statement in one local PySpark session (Debian's Java), the
  tables reading the kit's CSV files in place;
- DuckDB: run with DuckDB's own `read_csv` loaders (the referee checks the DuckDB queries in
  depth over tables it loads itself; this checks the kit's DDL and loaders);
- BigQuery: parsed with sqlglot's BigQuery dialect (nothing here can run it); a parse error
  fails, and so does a statement sqlglot only keeps as an unparsed command.

Each executed value is compared with `pipelens-cli kpis` over the same scope (the data's
default period, and a custom period with a segment filter) with the referee's rule (`same`: within 1e-9 relative,
both undefined counts as equal); a KPI whose query fails counts as failed. The Maven file is
found through PIPELENS_SHARED (tests/referee/shared_dir.py); without it that part prints a
`skipped:` line. Prints every failure, a summary per engine, and `N passed, M failed`; exits
nonzero on any failure. `-v` prints every check; `--only postgres|spark|duckdb|bigquery` runs one.
"""

import functools
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "referee"))
from referee import SQL_SETS, engine_paths, same  # noqa: E402  (the referee's, not copies)
from shared_dir import corpus_file  # noqa: E402

# Where cargo builds: $CARGO_TARGET_DIR, or target/ beside the sources.
CLI = Path(os.environ.get("CARGO_TARGET_DIR") or ROOT / "target").resolve() / "debug" / "pipelens-cli"
WORK = ROOT / "target" / "warehouse"
MARKER = "-- kpi: "
VERBOSE = "-v" in sys.argv[1:]
ONLY = sys.argv[sys.argv.index("--only") + 1] if "--only" in sys.argv[1:] else None
PG_BIN = Path(os.environ.get("PIPELENS_PG_BIN", "/usr/lib/postgresql/15/bin"))

counts = {}  # engine -> [passed, failed]


def check(engine, ok, line):
    c = counts.setdefault(engine, [0, 0])
    c[0 if ok else 1] += 1
    if VERBOSE or not ok:
        print(f"{'ok  ' if ok else 'FAIL'} {engine} {line}", flush=True)


def data_sets():
    """(name, the CLI's data arguments, the scopes): the demo, and Maven when it is there. A
    scope is the extra arguments (--period, --filter) given to both `kpis` and `warehouse`."""
    sets = [("demo", ["--demo"], [[], ["--period", "2026-01-15", "2026-08-31", "--filter", "team=Enterprise"]])]
    maven = corpus_file("real/maven-crm/sales_pipeline.csv", "warehouse kit on maven (PostgreSQL, Spark SQL, BigQuery)")
    if maven is not None:
        sets.append(("maven", [str(maven)], [[], ["--period", "2017-04-01", "2017-09-30", "--filter", "product=GTX Basic"]]))
    # The referee's small hand-made sets, for the rules the demo and Maven do not reach (mixed
    # currencies, placeholders, a status column, entered_<stage> dates standing in for the
    # history, forecast categories written in four languages, two exports and a history file):
    # over their default period.
    for name in ("edge", "edge-status", "edge-entered", "edge-forecast", "change-fixture"):
        sets.append((name, engine_paths(SQL_SETS[name]()), [[]]))
    return sets


def scope_label(scope):
    return " ".join(scope) or "default scope"


def write_kit(dialect, args, scope, out, printed=False):
    """Writes the kit into `out` (`--out`) and returns its script; with `printed`, only the
    script the command prints, saved in an empty `out`, as a user would redirect it."""
    if out.exists():
        shutil.rmtree(out)
    cmd = [str(CLI), "warehouse", "--dialect", dialect, *scope, *args]
    script = subprocess.run(cmd + ([] if printed else ["--out", str(out)]), check=True, capture_output=True,
                            text=True).stdout
    path = out / f"pipelens-warehouse-{dialect}.sql"
    if printed:
        out.mkdir(parents=True)
        path.write_text(script, encoding="utf-8")
    return path.read_text(encoding="utf-8")


@functools.lru_cache(maxsize=None)
def engine_run(argv):
    out = subprocess.run([str(CLI), "kpis", *argv], check=True, capture_output=True, text=True).stdout
    return {k: v["value"] for k, v in json.loads(out)["kpis"].items()}


def engine_values(args, scope):
    """The engine's headline of every KPI (`pipelens-cli kpis`), once per data set and scope."""
    return engine_run(tuple(scope) + tuple(args))


def split(script):
    """The script's setup part and its KPI queries [(id, sql)], cut at the `-- kpi: ` lines."""
    parts = script.split("\n" + MARKER)
    kpis = []
    for part in parts[1:]:
        id_, _, sql = part.partition("\n")
        kpis.append((id_.strip(), sql))
    return parts[0], kpis


def statements(text):
    """The statements of the kit's setup part: each ends with `;` at the end of a line (the kit
    writes them so); comment lines and blank lines are left out."""
    out, cur = [], []
    for line in text.splitlines():
        if not cur and (not line.strip() or line.lstrip().startswith("--")):
            continue
        cur.append(line)
        if line.rstrip().endswith(";"):
            out.append("\n".join(cur).rstrip().rstrip(";"))
            cur = []
    if cur:
        out.append("\n".join(cur))
    return out


def compare(engine, where, kpis, got, want):
    for id_, _ in kpis:
        g = got.get(id_, "missing")
        if isinstance(g, Exception) or g == "missing":
            check(engine, False, f"{where}: {id_}: the query fails: {g}")
            continue
        w = want.get(id_, "missing")
        check(engine, w != "missing" and same(g, w), f"{where}: {id_}: {engine} {g} engine {w}")


# ---------------------------------------------------------------------------------------------
# PostgreSQL
# ---------------------------------------------------------------------------------------------

class Postgres:
    """A throwaway cluster: initdb in a temporary directory, the server on a unix socket there
    (no TCP), trust authentication; run as the `postgres` user when this runs as root (initdb
    refuses root). `stop` removes it all."""

    def __init__(self):
        self.dir = Path(tempfile.mkdtemp(prefix="pipelens-pg-"))
        self.as_user = []
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres")
            self.as_user = ["runuser", "-u", "postgres", "--"]
        data = self.dir / "data"
        self.run_pg("initdb", "-D", str(data), "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C", "--no-sync")
        self.run_pg("pg_ctl", "-D", str(data), "-o", f"-k {self.dir} -c listen_addresses= -c fsync=off",
                    "-l", str(self.dir / "log"), "-w", "start")
        self.databases = 0

    def run_pg(self, tool, *args):
        subprocess.run([*self.as_user, str(PG_BIN / tool), *args], check=True, capture_output=True, text=True)

    def new_database(self):
        self.databases += 1
        name = f"kit{self.databases}"
        self.run_pg("createdb", "-h", str(self.dir), "-U", "postgres", name)
        return name

    def psql_file(self, database, script, cwd):
        """Runs `script` with psql -f from `cwd`, as the kit's header says to. psql is told its
        client speaks LATIN1, as a user's locale may: the script must set UTF-8 itself (see
        `stored_names`)."""
        return subprocess.run([str(PG_BIN / "psql"), "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-P", "null=NULL",
                               "-h", str(self.dir), "-U", "postgres", "-d", database, "-f", script.name],
                              cwd=cwd, capture_output=True, text=True, encoding="utf-8",
                              env={**os.environ, "PGCLIENTENCODING": "LATIN1"})

    def query(self, database, sql):
        return subprocess.run([str(PG_BIN / "psql"), "-X", "-q", "-At", "-h", str(self.dir), "-U", "postgres",
                               "-d", database, "-c", sql], capture_output=True, text=True, check=True).stdout.strip()

    def stop(self):
        try:
            self.run_pg("pg_ctl", "-D", str(self.dir / "data"), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)


def postgres_checks(sets):
    t0 = time.time()
    if not (PG_BIN / "initdb").exists():
        check("postgres", False, f"no PostgreSQL at {PG_BIN} (bash scripts/setup.sh installs it)")
        return
    pg = Postgres()
    try:
        for name, args, scopes in sets:
            for scope in scopes:
                where = f"{name} [{scope_label(scope)}]"
                # The script as printed, alone in a folder: it holds its rows (\copy ... FROM stdin).
                out = WORK / "postgres" / name
                script = write_kit("postgres", args, scope, out, printed=True)
                _, kpis = split(script)
                database = pg.new_database()
                run = pg.psql_file(database, out / "pipelens-warehouse-postgres.sql", out)
                if run.returncode != 0:
                    check("postgres", False, f"{where}: psql -f stopped: {run.stderr.strip().splitlines()[-1:]}")
                    continue
                if name == "demo":
                    # A name outside ASCII is stored as written (U&'' spells it in ASCII).
                    n = int(pg.query(database, "SELECT count(*) FROM deals WHERE owner = U&'Chlo\\00E9 Martin'"))
                    check("postgres", n > 0, f"{where}: the deals of Chloé Martin are stored under her name: {n}")
                lines = run.stdout.splitlines()
                if len(lines) != len(kpis):
                    check("postgres", False, f"{where}: {len(lines)} result lines for {len(kpis)} KPI queries")
                    continue
                got = {id_: None if v == "NULL" else float(v) for (id_, _), v in zip(kpis, lines)}
                compare("postgres", where, kpis, got, engine_values(args, scope))
    finally:
        pg.stop()
    print(f"postgres: {summary('postgres')}, {time.time() - t0:.1f} s", flush=True)


# ---------------------------------------------------------------------------------------------
# Spark SQL
# ---------------------------------------------------------------------------------------------

def spark_checks(sets):
    t0 = time.time()
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        check("spark", False, "pyspark is not installed in .venv (bash scripts/setup.sh installs it)")
        return
    # The kit's tables read their files from the folder spark-sql is run in (${env:PWD}): the
    # session starts in one folder, as a user's would, and every kit is written there in turn.
    run_dir = WORK / "spark"
    run_dir.mkdir(parents=True, exist_ok=True)
    here, pwd = os.getcwd(), os.environ.get("PWD")
    os.chdir(run_dir)
    os.environ["PWD"] = str(run_dir)
    spark = (SparkSession.builder.master("local[2]").appName("pipelens-warehouse")
             .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false").config("spark.sql.shuffle.partitions", "2")
             .config("spark.driver.memory", "1g").config("spark.sql.warehouse.dir", str(run_dir / "spark-warehouse"))
             .getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    try:
        for name, args, scopes in sets:
            for scope in scopes:
                where = f"{name} [{scope_label(scope)}]"
                for f in run_dir.glob("*.csv"):
                    f.unlink()
                script = write_kit("spark", args, scope, run_dir / "kit")
                for f in (run_dir / "kit").iterdir():
                    f.replace(run_dir / f.name)
                setup, kpis = split(script)
                try:
                    for statement in statements(setup):
                        spark.sql(statement)
                except Exception as err:  # noqa: BLE001 (any Spark error fails the set)
                    check("spark", False, f"{where}: the setup fails: {str(err).splitlines()[0]}")
                    continue
                got = {}
                for id_, sql in kpis:
                    try:
                        rows = spark.sql(sql.strip().rstrip(";")).collect()
                        got[id_] = rows[0][0] if len(rows) == 1 and len(rows[0]) == 1 else Exception(f"shape {rows[:3]}")
                    except Exception as err:  # noqa: BLE001
                        got[id_] = Exception(str(err).splitlines()[0])
                compare("spark", where, kpis, got, engine_values(args, scope))
    finally:
        spark.stop()
        os.chdir(here)
        if pwd is not None:
            os.environ["PWD"] = pwd
    print(f"spark: {summary('spark')}, {time.time() - t0:.1f} s", flush=True)


# ---------------------------------------------------------------------------------------------
# DuckDB: the kit's own loaders (the referee runs the same queries over tables it loads itself)
# ---------------------------------------------------------------------------------------------

def duckdb_checks(sets):
    import duckdb

    t0 = time.time()
    here = os.getcwd()
    try:
        for name, args, scopes in sets:
            for scope in scopes:
                where = f"{name} [{scope_label(scope)}]"
                out = WORK / "duckdb" / name
                setup, kpis = split(write_kit("duckdb", args, scope, out))
                os.chdir(out)  # the script reads its files from the folder it is run in
                con = duckdb.connect()
                try:
                    for statement in statements(setup):
                        con.execute(statement)
                except duckdb.Error as err:
                    check("duckdb", False, f"{where}: the setup fails: {str(err).splitlines()[0]}")
                    continue
                got = {}
                for id_, sql in kpis:
                    try:
                        rows = con.execute(sql).fetchall()
                        got[id_] = rows[0][0] if len(rows) == 1 and len(rows[0]) == 1 else Exception(f"shape {rows[:3]}")
                    except duckdb.Error as err:
                        got[id_] = Exception(str(err).splitlines()[0])
                compare("duckdb", where, kpis, got, engine_values(args, scope))
    finally:
        os.chdir(here)
    print(f"duckdb (the kit's loaders): {summary('duckdb')}, {time.time() - t0:.1f} s", flush=True)


# ---------------------------------------------------------------------------------------------
# BigQuery: parsed only
# ---------------------------------------------------------------------------------------------

def bigquery_checks(sets):
    t0 = time.time()
    try:
        import sqlglot
        from sqlglot import exp
        from sqlglot.errors import ErrorLevel, ParseError
    except ImportError:
        check("bigquery", False, "sqlglot is not installed in .venv (bash scripts/setup.sh installs it)")
        return
    for name, args, scopes in sets:
        for scope in scopes:
            where = f"{name} [{scope_label(scope)}]"
            script = write_kit("bigquery", args, scope, WORK / "bigquery" / name)
            setup, kpis = split(script)
            for label, sql in [("setup", setup)] + kpis:
                try:
                    trees = [t for t in sqlglot.parse(sql, read="bigquery", error_level=ErrorLevel.RAISE) if t is not None]
                except ParseError as err:
                    check("bigquery", False, f"{where}: {label}: does not parse: {str(err).splitlines()[0]}")
                    continue
                unparsed = [t.sql()[:60] for t in trees if isinstance(t, exp.Command)]
                want = 1 if label != "setup" else None
                ok = not unparsed and trees and (want is None or len(trees) == want)
                check("bigquery", ok, f"{where}: {label}: {len(trees)} statements parsed"
                      + (f"; kept unparsed: {unparsed}" if unparsed else ""))
    print(f"bigquery (parsed only): {summary('bigquery')}, {time.time() - t0:.1f} s", flush=True)


def summary(engine):
    p, f = counts.get(engine, [0, 0])
    return f"{p + f} checks ({p} passed)"


def main():
    if not CLI.exists():
        sys.exit(f"{CLI} is missing: cargo build -p pipelens_engine --bin pipelens-cli")
    # A test command stopped with SIGTERM still stops the PostgreSQL cluster (the `finally`).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    t0 = time.time()
    WORK.mkdir(parents=True, exist_ok=True)
    sets = data_sets()
    for engine, run in [("postgres", postgres_checks), ("spark", spark_checks), ("duckdb", duckdb_checks),
                        ("bigquery", bigquery_checks)]:
        if ONLY in (None, engine):
            run(sets)
    passed = sum(c[0] for c in counts.values())
    failed = sum(c[1] for c in counts.values())
    print(f"warehouse took {time.time() - t0:.0f} s")
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
