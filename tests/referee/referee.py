"""Independent referee: the KPIs computed in DuckDB, compared with the engine.

Three parts, all against the native engine (`pipelens-cli kpis`, `pipelens-cli view`):

1. Hand-written checks. For each deals file (the demo company's deals written as CSV, and the
   Maven CRM export when the shared corpus is beside the repository) the referee reads the CSV with DuckDB, derives status, the default period
   and the deal KPIs in its own SQL, written here without the engine, and compares every value,
   breakdown row and monthly revenue point.

2. The engine's SQL. For each data set (the demo company's seven datasets together and, from
   the shared corpus when it is there, the Maven CRM deals, the RavenStack subscriptions as
   customers, the synthetic CRM leads) the referee
   loads every file into DuckDB as typed canonical tables with its own mapping and casting (it
   never asks the engine how to read a file), asks the engine for the DuckDB SQL of every KPI
   (`pipelens-cli sql --all --batch`), runs it, and compares the value with the engine's:
   the headline of every KPI, every trend point (the SQL over the point's own period) and every
   segment row (the SQL with that segment as a filter). Small hand-made data sets (`EDGE`)
   add the rules the demo and the corpus do not reach (forecast categories in German, Polish
   and Chinese among them). As a smoke check of the other dialects'
   helpers, the PostgreSQL text of every headline is run through DuckDB too (DuckDB reads that
   syntax; the real PostgreSQL and Spark SQL runs are tests/warehouse/warehouse.py's).
   The demo's earlier export and stage history are loaded too (`earlier_deals`, `history`), so
   the nine KPIs of KPI_SPEC_PIPELINE_CHANGE.md are checked like the 34; so are the files of
   engine/tests/fixtures/change (`change-fixture`) and a deals file whose entered_<stage>
   columns stand in for the history (`edge-entered`). Where a history is there, the funnel's
   steps are counted in the referee's own SQL too: a deal reached every stage its history
   shows it entered, besides the one its current state gives.

3. Hand-written checks of the audience views (`pipelens-cli view`). Over the demo company's
   seven datasets, loaded as in part 2, the referee counts in its own SQL what the views show:
   the lead response-time and sales-cycle histograms (every bin, per lead source), activities per
   class and month or ISO week, pacing (cumulative won revenue per month end, the quota target,
   its line, the elapsed share and the projection) and the per-rep table (revenue, quota,
   attainment, win rate, main team), for the default period, a team, an owner and two custom
   periods (one of part months, one reaching past the data's end). The `EDGE` data adds the
   histograms and activity series where the demo has no such cases.

4. Pipeline change and stage history (KPI_SPEC_PIPELINE_CHANGE.md). For the demo company's
   earlier export, deals and stage history (`pipelens-cli demo-csv`) and the hand-worked files
   of engine/tests/fixtures/change, the referee loads both exports (status by its own rule)
   and the history into DuckDB, runs the engine's DuckDB text of pipeline_change,
   slipped_deals, time_in_stage (per stage and headline), stage_conversion and stalled_deals
   (`pipelens-cli change --sql`) and compares every bar, count and stage with the engine's.

The corpus is found through PIPELENS_SHARED (see shared_dir.py); a part whose file is missing
prints a `skipped:` line and the rest runs.

Values agree within 1e-9 relative (both undefined counts as equal). Prints every failure, a
summary per data set and `N passed, M failed`; exits nonzero on any failure. `-v` prints every
check.
"""

import datetime as dt
import json
import math
import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import duckdb

from shared_dir import corpus_file

ROOT = Path(__file__).resolve().parents[2]
# Where cargo builds: $CARGO_TARGET_DIR, or target/ beside the sources.
CLI = Path(os.environ.get("CARGO_TARGET_DIR") or ROOT / "target").resolve() / "debug" / "pipelens-cli"
WORK = ROOT / "target" / "referee"
DEMO = WORK / "demo"
VERBOSE = "-v" in sys.argv[1:]

passed = failed = 0


def check(ok, line):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
    if VERBOSE or not ok:
        print(f"{'ok  ' if ok else 'FAIL'} {line}")


def same(a, b):
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


def engine_kpis(paths, *extra):
    text = subprocess.run([str(CLI), "kpis", *extra, *map(str, paths)], check=True, capture_output=True, text=True).stdout
    return json.loads(text)


# ---------------------------------------------------------------------------------------------
# Part 1: hand-written checks of the deal KPIs
# ---------------------------------------------------------------------------------------------

# Each file's columns for the canonical fields, as the referee reads them (independently of
# the engine's auto-mapping).
# A path is a function: the corpus file is looked for (and its absence said) when it is used.
HAND_FILES = {
    "demo": dict(path=lambda: DEMO / "deals.csv", id="deal_id", amount="amount", stage="stage", created="created_date", close="close_date"),
    "maven": dict(path=lambda: corpus_file("real/maven-crm/sales_pipeline.csv", "referee hand-written checks on maven"), id="opportunity_id", amount="close_value", stage="deal_stage", created="engage_date", close="close_date"),
}

WON = ("won", "closed won")
LOST = ("lost", "closed lost")


def hand_referee(con, f):
    con.execute(f"""
        CREATE OR REPLACE VIEW d AS
        SELECT "{f['id']}" AS deal_id,
               TRY_CAST("{f['amount']}" AS DOUBLE) AS amount,
               NULLIF(trim("{f['stage']}"), '') AS stage,
               TRY_CAST(substr("{f['created']}", 1, 10) AS DATE) AS created_date,
               TRY_CAST(substr("{f['close']}", 1, 10) AS DATE) AS close_date,
               CASE WHEN lower(trim("{f['stage']}")) IN {WON} THEN 'won'
                    WHEN lower(trim("{f['stage']}")) IN {LOST} THEN 'lost'
                    WHEN NULLIF(trim("{f['stage']}"), '') IS NULL THEN 'unknown'
                    ELSE 'open' END AS status
        FROM read_csv('{f['path']}', all_varchar = true, header = true)
    """)
    # Default period: the 12 calendar months ending with the month of the latest date of what
    # happened: created dates and the close dates of won or lost deals (an open deal's close
    # date is an expected one, a plan).
    p_from, p_to = con.execute("""
        SELECT (date_trunc('month', m) - INTERVAL 11 MONTH)::DATE, last_day(m)
        FROM (SELECT greatest(max(created_date), max(close_date) FILTER (WHERE status IN ('won', 'lost'))) AS m FROM d)
    """).fetchone()
    out = {"period": {"from": str(p_from), "to": str(p_to)}, "kpis": {}}
    k = out["kpis"]

    closed, won, won_amounts, revenue, avg, med = con.execute("""
        SELECT count(*) FILTER (WHERE status IN ('won', 'lost')),
               count(*) FILTER (WHERE status = 'won'),
               count(amount) FILTER (WHERE status = 'won'),
               coalesce(sum(amount) FILTER (WHERE status = 'won'), 0),
               avg(amount) FILTER (WHERE status = 'won'),
               median(amount) FILTER (WHERE status = 'won')
        FROM d WHERE close_date BETWEEN $1 AND $2
    """, [p_from, p_to]).fetchone()
    k["revenue"] = None if closed == 0 or (won > 0 and won_amounts == 0) else revenue
    k["deals_won"] = None if closed == 0 else won
    k["win_rate"] = None if closed == 0 else won / closed
    k["avg_deal_size"] = avg
    k["avg_deal_size.median"] = med

    cycle, cycle_median = con.execute("""
        SELECT avg(days), median(days) FROM (
            SELECT date_diff('day', created_date, close_date) AS days FROM d
            WHERE status = 'won' AND close_date BETWEEN $1 AND $2 AND created_date IS NOT NULL)
        WHERE days >= 0
    """, [p_from, p_to]).fetchone()
    k["sales_cycle_days"] = cycle
    k["sales_cycle_days.median"] = cycle_median

    count, priced, value = con.execute("""
        SELECT count(*), count(amount), coalesce(sum(amount), 0) FROM d
        WHERE status = 'open' AND (created_date IS NULL OR created_date <= $1)
    """, [p_to]).fetchone()
    k["pipeline_count"] = count
    k["pipeline_value"] = None if count == 0 or priced == 0 else value
    for stage, n, v in con.execute("""
        SELECT coalesce(stage, '(no stage)'), count(*), coalesce(sum(amount), 0) FROM d
        WHERE status = 'open' AND (created_date IS NULL OR created_date <= $1) GROUP BY 1
    """, [p_to]).fetchall():
        k[f"pipeline_count[{stage}]"] = n
        k[f"pipeline_value[{stage}]"] = v

    # Revenue per calendar month of the period, undefined where nothing closed in the month.
    months = con.execute("""
        WITH RECURSIVE m(start) AS (SELECT $1::DATE UNION ALL SELECT (start + INTERVAL 1 MONTH)::DATE FROM m WHERE start < date_trunc('month', $2::DATE))
        SELECT strftime(m.start, '%Y-%m'),
               count(d.deal_id),
               count(d.deal_id) FILTER (WHERE d.status = 'won'),
               count(d.amount) FILTER (WHERE d.status = 'won'),
               coalesce(sum(d.amount) FILTER (WHERE d.status = 'won'), 0)
        FROM m LEFT JOIN d ON d.status IN ('won', 'lost') AND d.close_date BETWEEN $1 AND $2
                           AND date_trunc('month', d.close_date) = m.start
        GROUP BY 1 ORDER BY 1
    """, [p_from, p_to]).fetchall()
    for label, n_closed, n_won, n_priced, v in months:
        k[f"revenue.trend[{label}]"] = None if n_closed == 0 or (n_won > 0 and n_priced == 0) else v
    return out


def hand_engine(path):
    e = engine_kpis([path])
    out = {"period": e["period"], "kpis": {}}
    k = out["kpis"]
    for id_, r in e["kpis"].items():
        k[id_] = r["value"]
        for c in r["companions"]:
            k[f"{id_}.{c['label']}"] = c["value"]
        for b in r["breakdown"]:
            k[f"{id_}[{b['segment']}]"] = b["value"]
    for p in e["kpis"]["revenue"]["trend"]:
        k[f"revenue.trend[{p['label']}]"] = p["value"]
    return out


def hand_checks():
    con = duckdb.connect()
    for name, spec in HAND_FILES.items():
        path = spec["path"]()
        if path is None:
            continue
        f = {**spec, "path": path}
        want, got = hand_referee(con, f), hand_engine(f["path"])
        check(want["period"] == got["period"], f"hand {name}: period: referee {want['period']} engine {got['period']}")
        # The referee's keys, plus every pipeline stage row of the engine's.
        keys = set(want["kpis"]) | {k for k in got["kpis"] if k.startswith(("pipeline_count[", "pipeline_value["))}
        for key in sorted(keys):
            w, g = want["kpis"].get(key, "missing"), got["kpis"].get(key, "missing")
            ok = "missing" not in (w, g) and same(w, g)
            # Stages with no open deal appear in the engine's breakdown as 0 only.
            if w == "missing" and g == 0 and "[" in key:
                ok = True
            check(ok, f"hand {name}: {key}: referee {w} engine {g}")


# ---------------------------------------------------------------------------------------------
# Part 2: the engine's SQL over canonical tables the referee loads itself
# ---------------------------------------------------------------------------------------------

# The canonical fields of KPI_SPEC.md per dataset and how the referee types them.
CANON = {
    "deals": dict(deal_id="key", amount="number", stage="text", status="status", created_date="date", close_date="date",
                  owner="text", team="text", region="text", product="text", lead_source="text", deal_type="text",
                  account="text", lost_stage="text", probability="number", currency="text", forecast_category="text"),
    "leads": dict(lead_id="key", created_at="timestamp", source="text", owner="text", first_contact_at="timestamp",
                  qualified_at="timestamp", qualified="bool", deal_id="id", touchpoints_to_meeting="number"),
    "activities": dict(activity_id="key", owner="text", type="text", date="timestamp", lead_id="id", deal_id="id"),
    "customers": dict(customer_id="key", start_date="date", end_date="date", mrr="number", plan="text", segment="text"),
    "spend": dict(date="month", amount="number", category="text", channel="text"),
    "quotas": dict(owner="text", period_start="month", quota="number", period_end="date"),
    "forecasts": dict(period_start="month", forecast="number", owner="text", period_end="date"),
}
# The earlier export of the deals and the stage history (KPI_SPEC_PIPELINE_CHANGE.md): an
# export of the same deals, and one row per change (its date counts; `seq` keeps the file's
# order, which orders the changes of one day as the engine does).
CANON["earlier_deals"] = dict(CANON["deals"])
CANON["history"] = dict(deal_id="id", stage="text", changed_at="date", amount="number", close_date="date")
# The files a dataset's role cannot be told from its headers: given to the engine as NAME=PATH.
NAMED = {"earlier_deals"}
# Rows without a key are dropped for these datasets (activities keep them).
KEY_REQUIRED = {"deals", "earlier_deals", "leads", "customers"}

SQL_TYPE = dict(key="VARCHAR", id="VARCHAR", text="VARCHAR", number="DOUBLE", date="DATE", month="DATE",
                timestamp="TIMESTAMP", bool="BOOLEAN", status="VARCHAR")

TRUE_WORDS = ("true", "yes", "y", "1", "ja", "tak", "wahr", "是", "t")
FALSE_WORDS = ("false", "no", "n", "0", "nein", "nie", "falsch", "否", "f")
STATUS_WORDS = {
    "won": ("won", "closed won", "closedwon", "closed - won", "win", "gewonnen", "wygrana", "赢单"),
    "lost": ("lost", "closed lost", "closedlost", "closed - lost", "loss", "verloren", "przegrana", "输单"),
    "open": ("open", "offen", "otwarta", "otwarty", "进行中", "跟进中"),
}


def engine_paths(files):
    """The engine's arguments for `files`: the path, or NAME=PATH for a dataset of NAMED."""
    return [f"{d}={p}" if d in NAMED else str(p) for p, d, _ in files]


def sql_list(words):
    return ", ".join("'" + w.replace("'", "''") + "'" for w in words)


def typed(col, kind):
    """A DuckDB expression reading raw text column `col` as a canonical value of `kind`."""
    x = f'"{col}"'
    empty = f"({x} IS NULL OR trim({x}) = '' OR lower(trim({x})) IN ('null', 'na', 'n/a', 'nan', '#n/a', '-'))"
    value = f"trim({x})"
    expr = {
        "key": value,
        "id": value,
        "text": value,
        "number": f"CASE WHEN isfinite(TRY_CAST({value} AS DOUBLE)) THEN TRY_CAST({value} AS DOUBLE) END",
        "date": f"TRY_CAST(substr({value}, 1, 10) AS DATE)",
        "month": f"CASE WHEN length({value}) = 7 THEN TRY_CAST({value} || '-01' AS DATE) ELSE TRY_CAST(substr({value}, 1, 10) AS DATE) END",
        "timestamp": f"CAST(TRY_CAST({value} AS TIMESTAMPTZ) AS TIMESTAMP)",
        "bool": f"CASE WHEN lower({value}) IN ({sql_list(TRUE_WORDS)}) THEN TRUE WHEN lower({value}) IN ({sql_list(FALSE_WORDS)}) THEN FALSE END",
        "status": "CASE " + " ".join(f"WHEN lower({value}) IN ({sql_list(w)}) THEN '{s}'" for s, w in STATUS_WORDS.items()) + " END",
    }[kind]
    return f"CAST(CASE WHEN {empty} THEN NULL ELSE {expr} END AS {SQL_TYPE[kind]})"


def load_tables(con, files):
    """Creates one canonical table per dataset from `files` [(path, dataset, {header: field})]."""
    loaded = {}
    for path, dataset, mapping in files:
        fields = CANON[dataset]
        header = con.execute(f"SELECT * FROM read_csv('{path}', all_varchar = true, header = true) LIMIT 0").description
        headers = [h[0] for h in header]
        if mapping is None:  # canonical headers: every header that names a field of the dataset
            mapping = {h: h for h in headers if h in fields}
        # A deals export's entered_<stage> dates (the day each deal last entered the stage): read
        # as dates under their own names; they are no canonical field, so not in the mapping.
        entered = [h for h in headers if dataset == "deals" and h.lower().startswith("entered_")]
        missing = [h for h in mapping if h not in headers]
        if missing:
            raise SystemExit(f"{path}: no column {missing}")
        cols = ",\n    ".join([f"{typed(h, fields[f])} AS \"{f}\"" for h, f in mapping.items()]
                             + [f"{typed(h, 'date')} AS \"{h}\"" for h in entered])
        key = next((f for f, t in fields.items() if t == "key"), None)
        key_col = next((h for h, f in mapping.items() if f == key), None)
        where = f"WHERE {typed(key_col, 'key')} IS NOT NULL" if key_col and dataset in KEY_REQUIRED else ""
        # A repeated key keeps its first row, as the engine does.
        qualify = f"QUALIFY \"{key}\" IS NULL OR row_number() OVER (PARTITION BY \"{key}\" ORDER BY line) = 1" if key_col else ""
        keep = "* RENAME (line AS seq)" if dataset == "history" else "* EXCLUDE (line)"
        con.execute(f"""
            CREATE OR REPLACE TABLE {dataset} AS
            SELECT {keep} FROM (
                SELECT {cols},
                    line
                FROM (SELECT *, row_number() OVER () AS line FROM read_csv('{path}', all_varchar = true, header = true))
                {where}
            ) {qualify}
        """)
        loaded[dataset] = sorted(mapping.values())
    return loaded


def mapping_of(engine_json):
    """The fields the engine mapped, per dataset, from its import reports."""
    out = {}
    for r in engine_json["reports"]:
        out.setdefault(r["dataset"], set()).update(m["field"] for m in r["report"]["mapping"])
    return {k: sorted(v) for k, v in out.items()}


# Two small hand-made data sets for the rules the demo and the corpus do not reach: several
# currencies, placeholders and missing cells, a close before the created date, won deals without
# an amount or a close date, a deal without a stage, a lost stage that is not open, a repeated
# key, unclassified deal types, a yes/no `qualified`, touchpoints typed in, contacts before
# creation, activities without a lead or a date, months as `2024-01`, plans without an end, spend
# in other categories, customers without an MRR, reps selling in two teams (one a tie), deals
# open on a past as-of date and closed since; and deals with a status column.
EDGE = {
    "edge": {
        "deals": """deal_id,amount,stage,created_date,close_date,owner,team,region,product,lead_source,deal_type,account,lost_stage,currency
D1,100,Won,2024-01-10,2024-02-01,Ann,East,EMEA,Core,Web,New Business,Acme,,USD
D2,1250.5,Closed Won,2024-02-01,2024-03-15,O'Brien,East,EMEA,Add-on,Ads,Renewal,Beta,,USD
D3,,Won,2024-03-01,2024-03-05, Ann ,East,EMEA,Core,Web,new,Acme,,USD
D4,50,Lost,2024-01-01,2024-01-20,Bo,West,APAC,Core,Events,Upsell,Gamma,Proposal,USD
D5,70,Proposal,2024-05-01,,Bo,West,APAC,Add-on,Web,new,Gamma,,EUR
D6,30,Negotiation,,,Ann,East,EMEA,Core,Web,new,Acme,,USD
D7,300,Won,2024-04-10,2024-04-01,Cy,West,,Core,Ads,Existing Customer - Upgrade,Delta,,USD
D8,40,Won,2024-05-05,,Cy,West,APAC,Core,Ads,new,Delta,,USD
D9,20,,2024-05-05,,Cy,West,APAC,Core,Ads,new,Delta,,USD
D10,NA,Won,2024-02-02,2024-02-20,Bo,West,APAC,Add-on,Events,Partner,Gamma,,USD
D11,60,Lost,2024-06-01,2024-06-10,Ann,East,EMEA,Add-on,Web,new,Acme,Closed Won,USD
D12,900,Won,2023-08-01,2023-09-30,Ann,East,EMEA,Core,Web,new,Acme,,
D13,80,Prospecting,2024-06-20,,O'Brien,East,EMEA,Core,Ads,renewal,Beta,,USD
D14,85,Won,2024-06-01,2024-06-15,Ann,East,EMEA,Core,Web,new business,Acme,,USD
D15,95,Won,2024-06-02,2024-06-16,Ann,East,EMEA,Core,Web,upsell,Acme,,USD
D16,5000,Negotiation,2024-06-03,,Ann,East,EMEA,Core,Web,new,Acme,,USD
D17,45,Lost,2023-07-01,2023-07-09,Bo,West,APAC,Core,Events,new,Gamma,,EUR
D1,999,Won,2024-01-10,2024-02-01,Ann,East,EMEA,Core,Web,new,Acme,,USD
D18,75,Qualification,2024-06-25,,Bo,West,APAC,Core,Events,new,Gamma,,USD
D19,110,Won,2024-02-10,2024-03-01,Cy,East,EMEA,Core,Ads,new,Delta,,USD
D20,120,Lost,2024-03-10,2024-04-01,Cy,East,EMEA,Core,Ads,new,Delta,,USD
D21,130,Won,2024-03-12,2024-04-02,Dee,West,APAC,Core,Web,new,Epsilon,,USD
D22,140,Proposal,2024-03-13,,Dee,East,EMEA,Core,Web,new,Epsilon,,USD
""",
        "leads": """lead_id,created_at,source,owner,first_contact_at,qualified,deal_id,touchpoints_to_meeting
L1,2024-01-05 09:00,Web,Ann,2024-01-05 09:03,yes,D1,
L2,2024-01-06 10:00:00,Ads,O'Brien,2024-01-06 12:30,no, D2 ,4
L3,2024-02-01T08:00:00Z,Web,Bo,2024-01-31T08:00:00Z,,D4,
L4,2024-03-10,Events,Bo,,n/a,,2
L5,2024-05-01 23:59,Web,Zed,2024-05-02 00:01,true,D99,
L6,2024-06-01 12:00,,Ann,2024-06-01 12:05,false,D14,
L7,2023-12-31 22:00,Web,Cy,2024-01-01 01:00,yes,D7,
L8,2024-04-01 08:00,Web,Dee,2024-04-01 08:30,yes,D21,1
,2024-06-02,Web,Ann,,,,
L2,2024-06-03,Web,Ann,,,,
""",
        "activities": """activity_id,owner,type,date,lead_id
A1,Ann,Call,2024-01-05T10:00:00Z,L1
A2,Ann,Email,2024-01-06T10:00:00Z,L1
A3,Ann,Discovery Meeting,2024-01-08T10:00:00Z,L1
A4,Ann,Call,2024-01-09T10:00:00Z,L1
A5,Bo,Termin,2024-02-03T10:00:00Z,L3
A6,Bo,Call,2024-02-03T09:00:00Z,L3
A7,O'Brien,LinkedIn,2024-03-01T10:00:00Z,
A8,Bo,Demo,,L4
A9,Cy,phone,2024-06-30T23:00:00Z,L7
,Ann,Meeting,2024-01-07T10:00:00Z,L1
""",
        "customers": """customer_id,start_date,end_date,mrr
C1,2023-01-01,,100
C2,2023-06-01,2024-01-15,50
C3,2024-02-01,2024-05-31,
C4,,2024-03-01,70
C5,2023-07-01,2023-07-01,20
C6,2024-06-30,,300
""",
        "spend": """date,amount,category
2024-01,500,marketing
2024-02,300,Sales
2024-03,200,office
2024-04,100,
2024-06-15,NaN,marketing
""",
        "quotas": """owner,period_start,quota
Ann,2024-01,300
O'Brien,2024-02,1000
Bo,2024-03,0
Cy,2024-07,500
Ann,2024-08,250
Dee,2024-04,100
""",
        "forecasts": """period_start,forecast,owner,period_end
2024-01-01,120,Ann,
2024-02-01,1300,O'Brien,2024-02-29
2024-04-01,200,Cy,2024-06-30
2024-06-01,100,,
2024-05-01,50,Bo,2024-05-31
""",
    },
    # One deals file with entered_<stage> dates and no history file: the history KPIs read it.
    "edge-entered": {
        "deals": """deal_id,amount,stage,created_date,close_date,owner,entered_Qualification,entered_Proposal,entered_closedwon
D1,100,Closed Won,2024-01-01,2024-02-20,Ann,2024-01-01,2024-01-11,2024-02-20
D2,200,Closed Lost,2024-01-02,2024-01-30,Bo,2024-01-02,,
D3,300,Proposal,2024-01-05,2024-06-30,Ann,2024-01-05,2024-01-25,
D4,400,Qualification,2024-03-01,2024-06-30,Bo,2024-03-01,,
D5,150,Proposal,2024-02-01,2024-07-31,Cy,2024-02-01,2024-02-01,
D6,250,Closed Won,2024-01-10,2024-03-15,Cy,2024-01-10,2024-02-10,2024-03-15
""",
    },
    # Forecast categories written as Salesforce, HubSpot and German, Polish and Chinese teams
    # write them (in capitals, with spaces, underscores and hyphens), one the engine does not
    # know (its stage's default counts), and open deals closing in the months around the
    # latest data, so forecast_commit and forecast_best_case count each word.
    "edge-forecast": {
        "deals": """deal_id,amount,stage,created_date,close_date,owner,forecast_category
F1,1000,Closed Won,2024-01-05,2024-05-10,Ann,
F2,200,Negotiation,2024-02-01,2024-06-20,Ann,Zugesagt
F3,300,Proposal,2024-02-02,2024-06-21,Bo,Bester Fall
F4,400,Proposal,2024-02-03,2024-06-22,Bo,Najlepszy scenariusz
F5,500,Negotiation,2024-02-04,2024-06-23,Cy,最佳情况
F6,600,Negotiation,2024-02-05,2024-06-24,Cy,ZOBOWIĄZANIE
F7,700,Qualification,2024-02-06,2024-06-25,Ann,Lejek sprzedaży
F8,800,Proposal,2024-03-01,2024-06-26,Bo,COMMIT
F9,900,Proposal,2024-03-02,2024-06-27,Bo, best_case 
F10,50,Negotiation,2024-03-03,2024-06-28,Ann,Pominięte
F11,60,Negotiation,2024-03-04,2024-06-29,Cy,承诺
F12,70,Proposal,2024-03-05,2024-05-30,Ann,vielleicht
F13,80,Qualification,2024-03-06,2024-05-31,Bo,Not-forecasted
F14,90,Closed Lost,2024-03-07,2024-05-15,Cy,Verloren
F15,1100,Closed Won,2024-04-01,2024-06-12,Bo,Gewonnen
F16,120,Negotiation,2024-04-02,2024-05-20,Cy,sicher
F17,130,Proposal,2024-04-03,2024-05-21,Ann,Optymistyczny
""",
    },
    "edge-status": {
        "deals": """deal_id,amount,status,stage,created_date,close_date,owner
S1,100,won,Contract,2024-01-10,2024-02-01,Ann
S2,200,Gewonnen,,2024-02-01,2024-03-15,Bo
S3,50,lost,Demo,2024-01-01,2024-01-20,Bo
S4,70,open,Demo,2024-05-01,,Ann
S5,30,open,Contract,2024-02-01,,Bo
S6,20,maybe,Demo,2024-05-05,,Ann
S7,40,OPEN,,2024-06-05,,Ann
""",
    },
}


def edge_files(name):
    folder = WORK / name
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for dataset, text in EDGE[name].items():
        path = folder / f"{dataset}.csv"
        path.write_text(text)
        files.append((path, dataset, None))
    return files


def demo_files():
    return [(DEMO / f"{d}.csv", d, None) for d in CANON if (DEMO / f"{d}.csv").exists()]


def corpus_set(name, rel, dataset, mapping):
    """One corpus file as a data set, or None (said so) when the corpus is not there."""
    path = corpus_file(rel, f"referee engine's SQL on {name}")
    return None if path is None else [(path, dataset, mapping)]


SQL_SETS = {
    "demo": demo_files,
    "maven": lambda: corpus_set("maven", "real/maven-crm/sales_pipeline.csv", "deals", {
        "opportunity_id": "deal_id", "sales_agent": "owner", "product": "product", "account": "account",
        "deal_stage": "stage", "engage_date": "created_date", "close_date": "close_date", "close_value": "amount"}),
    "ravenstack": lambda: corpus_set("ravenstack", "real/ravenstack-saas/ravenstack_subscriptions.csv", "customers", {
        "subscription_id": "customer_id", "start_date": "start_date", "end_date": "end_date", "mrr_amount": "mrr",
        "plan_tier": "plan"}),
    "synthetic-leads": lambda: corpus_set("synthetic-leads", "real/sample-sales-crm-synthetic/Leads.csv", "leads", {
        "LeadID": "lead_id", "CreatedDate": "created_at", "LeadSource": "source"}),
    "edge": lambda: edge_files("edge"),
    "edge-status": lambda: edge_files("edge-status"),
    "edge-forecast": lambda: edge_files("edge-forecast"),
    "edge-entered": lambda: edge_files("edge-entered"),
    "change-fixture": lambda: [(CHANGE_DIR / "deals-february.csv", "earlier_deals", None),
                               (CHANGE_DIR / "deals-march.csv", "deals", None),
                               (CHANGE_DIR / "opportunity-history.csv", "history", None)],
}


def scope_key(period, filters):
    return json.dumps({"period": period, "filters": filters}, sort_keys=True)


def sql_checks(name, files):
    t0 = time.time()
    paths = engine_paths(files)
    con = duckdb.connect()
    con.execute("SET TimeZone = 'UTC'")
    loaded = load_tables(con, files)
    e = engine_kpis(paths, "--segments")
    engine_fields = mapping_of(e)
    for dataset, fields in sorted(loaded.items()):
        got = engine_fields.get(dataset)
        check(got == fields, f"sql {name}: {dataset} mapping: referee {fields} engine {got}")

    # Every scope the engine's figures were computed over: the period, each trend point's
    # period, and each segment added as a filter.
    base = {"period": None, "filters": []}
    wanted = []  # (kpi id, label, scope, engine value)
    for id_, r in e["kpis"].items():
        wanted.append((id_, "headline", base, r["value"]))
        for p in r["trend"]:
            wanted.append((id_, f"trend {p['label']}", {"period": [p["from"], p["to"]], "filters": []}, p["value"]))
        for dim, rows in r.get("segments", {}).items():
            for row in rows:
                scope = {"period": None, "filters": [[dim, row["segment"]]]}
                wanted.append((id_, f"{dim}={row['segment']}", scope, row["value"]))
    scopes = {}
    for _, _, s, _ in wanted:
        scopes.setdefault(scope_key(s["period"], s["filters"]), s)
    keys = list(scopes)
    batch = "\n".join(json.dumps(scopes[k]) for k in keys) + "\n"
    out = subprocess.run([str(CLI), "sql", "--all", "--batch", *paths], input=batch, check=True, capture_output=True, text=True).stdout
    texts = dict(zip(keys, (json.loads(line) for line in out.splitlines())))
    if len(texts) != len(keys):
        check(False, f"sql {name}: the CLI gave {len(texts)} answers for {len(keys)} scopes")
        return

    cache = {}
    n_before = passed + failed
    fails_before = failed
    for id_, label, s, value in wanted:
        sql = texts[scope_key(s["period"], s["filters"])].get(id_)
        if sql is None:
            check(False, f"sql {name}: {id_} [{label}]: no SQL")
            continue
        if sql not in cache:
            try:
                cur = con.execute(sql)
                cols = [c[0] for c in cur.description]
                rows = cur.fetchall()
                cache[sql] = ("ok", rows[0][0]) if cols == ["value"] and len(rows) == 1 else ("bad shape", f"{cols} {rows[:3]}")
            except duckdb.Error as err:
                cache[sql] = ("error", str(err).splitlines()[0])
        status, got = cache[sql]
        if status != "ok":
            check(False, f"sql {name}: {id_} [{label}]: the SQL fails: {status}: {got}")
            continue
        check(same(got, value), f"sql {name}: {id_} [{label}]: sql {got} engine {value}")
    # The PostgreSQL text of every headline, run through DuckDB, which reads that syntax (the
    # FILTER clause, percentile_cont ... WITHIN GROUP, EXTRACT(EPOCH FROM ...), date minus date):
    # a smoke check of the Postgres helpers, not a PostgreSQL run.
    out = subprocess.run([str(CLI), "sql", "--all", "--dialect", "postgres", *paths], check=True, capture_output=True, text=True).stdout
    for id_, sql in json.loads(out).items():
        try:
            got = con.execute(sql).fetchall()[0][0]
        except duckdb.Error as err:
            check(False, f"sql {name}: {id_} [postgres text]: fails in DuckDB: {str(err).splitlines()[0]}")
            continue
        value = e["kpis"][id_]["value"]
        check(same(got, value), f"sql {name}: {id_} [postgres text in DuckDB]: sql {got} engine {value}")
    funnel_history_checks(name, con, e, loaded)
    n = passed + failed - n_before
    print(f"sql {name}: {n} checks ({n - (failed - fails_before)} passed) over {len(keys)} scopes, "
          f"{len(cache)} distinct queries, {time.time() - t0:.1f} s")


def funnel_history_checks(name, con, e, loaded):
    """With a stage history (a history file, or entered_<stage> columns on the deals), the
    funnel counts a deal at every open stage its history shows it entered (and won when it
    entered a won stage), besides the stage its current state gives. The referee counts each
    step's deals in its own SQL, with the open stages in the order the engine's table shows."""
    if "deals" not in loaded:
        return
    deal_cols = [c[0] for c in con.execute("SELECT * FROM deals LIMIT 0").description]
    entered = [c for c in deal_cols if c.lower().startswith("entered_")]
    if "history" not in loaded and not entered:
        return
    r = e["kpis"]["funnel_conversion"]
    rows = (r.get("table") or {}).get("rows", [])
    check(any("stage history" in n for n in r["notes"]), f"sql {name}: funnel_conversion says it reads the history: {r['notes']}")
    order = [row["label"].split(" → ")[0] for row in rows]
    k = len(order)
    if k == 0:
        check(False, f"sql {name}: funnel_conversion has no steps")
        return
    pos = "CASE {} " + " ".join(f"WHEN {sql_list([s])} THEN {i + 1}" for i, s in enumerate(order)) + " ELSE 0 END"
    won_words = sql_list(STATUS_WORDS["won"])
    step = lambda col: f"CASE WHEN lower({col}) IN ({won_words}) THEN {k + 1} ELSE {pos.format(col)} END"
    status = ("status" if "status" in deal_cols else
              f"CASE WHEN lower(stage) IN ({won_words}) THEN 'won' WHEN lower(stage) IN ({sql_list(STATUS_WORDS['lost'])}) THEN 'lost' "
              "WHEN stage IS NOT NULL THEN 'open' END")
    lost = f"greatest({pos.format('lost_stage')}, 1)" if "lost_stage" in deal_cols else "1"
    if "history" in loaded:
        reach = f"SELECT trim(deal_id) AS deal_id, max({step('trim(stage)')}) AS reach FROM history WHERE changed_at IS NOT NULL GROUP BY 1"
    else:
        # The deals' own spelling of the stage a column names: letters and digits, lower-cased.
        key = lambda x: f"lower(regexp_replace({x}, '[^A-Za-z0-9]', '', 'g'))"
        names = con.execute("SELECT DISTINCT stage FROM deals WHERE stage IS NOT NULL").fetchall()
        def named(col):
            want = col[len("entered_"):]
            hit = [s for (s,) in names if con.execute(f"SELECT {key('?')} = {key('?')}", [s, want]).fetchone()[0]]
            return hit[0] if hit else want
        parts = [f"SELECT trim(deal_id) AS deal_id, {step(sql_list([named(c)]))} AS reach FROM deals WHERE \"{c}\" IS NOT NULL" for c in entered]
        reach = f"SELECT deal_id, max(reach) AS reach FROM ({' UNION ALL '.join(parts)}) GROUP BY 1"
    p_from, p_to = e["period"]["from"], e["period"]["to"]
    got = con.execute(f"""
        WITH d AS (SELECT *, {status} AS st FROM deals),
        created AS (SELECT * FROM d WHERE st IS NOT NULL AND created_date BETWEEN DATE '{p_from}' AND DATE '{p_to}'),
        reach AS ({reach}),
        furthest AS (
            SELECT greatest(CASE WHEN st = 'won' THEN {k + 1} WHEN st = 'open' THEN {pos.format('stage')} ELSE {lost} END,
                            coalesce(r.reach, 0)) AS f
            FROM created c LEFT JOIN reach r ON r.deal_id = trim(c.deal_id)
        )
        SELECT {", ".join(f"count(*) FILTER (WHERE f >= {j})" for j in range(1, k + 2))} FROM furthest
    """).fetchone()
    for j, row in enumerate(rows):
        want = (got[j], got[j + 1])
        eng = (row["cells"][0], row["cells"][1])
        check(want == eng, f"sql {name}: funnel_conversion from history, {row['label']}: referee reached/went on {want} engine {eng}")


# ---------------------------------------------------------------------------------------------
# Part 3: hand-written checks of the audience views
# ---------------------------------------------------------------------------------------------

# The bins the referee counts in: lower bounds, each bin up to the next bound (excluded), the
# last one open. The first response bin is [0, 5] minutes, its bound included: the KPI's
# "within 5 minutes" is a first contact at most 300 s after creation.
CYCLE_BOUNDS = (0, 7, 14, 30, 60, 90, 180)
RESPONSE_BOUNDS = (0, 5, 15, 60, 240, 1440, 4320)
FAST_RESPONSE_SECONDS = 300

# The class of an activity type, reimplemented here from the word rule (engine/src/kpi/classes.rs
# documents it; the referee does not ask the engine): the first class one of whose words the
# lower-cased, trimmed type contains, in this order; anything else, or no type, is "other". The
# counting is the referee's own SQL too.
ACTIVITY_WORDS = (
    ("meeting", ("meet", "termin", "spotkanie", "会议")),
    ("demo", ("demo", "präsentation", "prezentacja", "演示")),
    ("call", ("call", "phone", "anruf", "telefon", "电话")),
    ("email", ("mail", "邮件")),
)
ACTIVITY_CLASSES = ("call", "email", "meeting", "demo", "other")  # the engine's series order
NO_SOURCE = "(none)"


def lit(v):
    return "'" + str(v).replace("'", "''") + "'"


def month_start(d, months=0):
    m = d.year * 12 + d.month - 1 + months
    return dt.date(m // 12, m % 12 + 1, 1)


def day_sql(d):
    return f"DATE '{d}'"


def buckets(p, grain):
    """The buckets of `grain` (week: ISO, Monday to Sunday; month) over period `p`, as
    (label, from, to), clipped to the period."""
    out = []
    start = p[0] - dt.timedelta(days=p[0].weekday()) if grain == "week" else month_start(p[0])
    while start <= p[1]:
        after = start + dt.timedelta(days=7) if grain == "week" else month_start(start, 1)
        label = "%d-W%02d" % start.isocalendar()[:2] if grain == "week" else start.strftime("%Y-%m")
        out.append((label, max(start, p[0]), min(after - dt.timedelta(days=1), p[1])))
        start = after
    return out


def bin_key(lo, hi, hi_included=False):
    return f"[{lo:g}, {'∞' if hi is None else format(hi, 'g')}{']' if hi_included else ')'}"


def bound_keys(bounds, first_included=False):
    his = list(bounds[1:]) + [None]
    return [bin_key(lo, hi, first_included and k == 0) for k, (lo, hi) in enumerate(zip(bounds, his))]


def bin_sql(value, bounds):
    """The index of the bin of `bounds` that holds `value` (a non-negative SQL expression)."""
    return " + ".join(f"({value} >= {b})::INT" for b in bounds[1:])


class ViewData:
    """The canonical tables of one data set in DuckDB, with what the view checks share: the
    deals' status, each owner's main team and region, and the latest day of the data."""

    def __init__(self, name, files):
        self.name = name
        self.paths = engine_paths(files)
        self.con = duckdb.connect()
        self.con.execute("SET TimeZone = 'UTC'")
        self.fields = load_tables(self.con, files)
        con, deals = self.con, self.fields.get("deals", [])
        # Status from the status column where mapped, else from the stage (KPI_SPEC: a stage
        # that means won is won, one that means lost is lost, every other stage is open).
        status = ("status" if "status" in deals else
                  "CASE " + " ".join(f"WHEN lower(stage) IN ({sql_list(STATUS_WORDS[s])}) THEN '{s}'" for s in ("won", "lost"))
                  + " ELSE 'open' END")
        con.execute(f"CREATE VIEW dl AS SELECT *, {status} AS st FROM deals")
        # A rep's team (region) is the one most of their deals carry, ties to the first name.
        for dim in ("team", "region"):
            if "owner" in deals and dim in deals:
                con.execute(f"""
                    CREATE VIEW main_{dim} AS SELECT owner, {dim} FROM (
                        SELECT owner, {dim}, count(*) AS n FROM deals
                        WHERE owner IS NOT NULL AND {dim} IS NOT NULL GROUP BY ALL)
                    QUALIFY row_number() OVER (PARTITION BY owner ORDER BY n DESC, {dim}) = 1
                """)
        # The latest day of what happened: every date but plans (quotas, forecasts), end dates,
        # the expected close dates of open deals, and the earlier export and the history, whose
        # dates follow the deals'.
        def latest_of(ds, f):
            if ds == "deals" and f == "close_date":
                return f"""max(CAST("{f}" AS DATE)) FILTER (WHERE st IN ('won', 'lost')) FROM dl"""
            return f'max(CAST("{f}" AS DATE)) FROM {ds}'
        days = [latest_of(ds, f) for ds, fs in self.fields.items() if ds not in ("quotas", "forecasts", "earlier_deals", "history")
                for f in fs if CANON[ds][f] in ("date", "month", "timestamp") and not f.endswith("_end") and not f.startswith("end_")]
        self.latest = con.execute("SELECT max(d) FROM (" + " UNION ALL ".join(f"SELECT {x}" for x in days) + ") t(d)").fetchone()[0]
        # KPI_SPEC's default period: the 12 calendar months ending with the latest day's month.
        self.default = (month_start(self.latest, -11), month_start(self.latest, 1) - dt.timedelta(days=1))
        self.currencies = (con.execute("SELECT count(DISTINCT currency) FROM deals").fetchone()[0]
                           if "currency" in deals else 0)

    def where(self, dataset, filters):
        """The condition on `dataset`'s rows of `filters` [(dim, value)]: dimensions AND, values
        of one dimension OR. Deals carry every dimension; leads, activities and quotas carry the
        owner (a team or region reaches them through the owners whose main one it is) and leads
        the lead source as `source`. A filter a dataset has no column for leaves it unfiltered."""
        fields, deals = self.fields.get(dataset, []), self.fields.get("deals", [])
        conds = ["TRUE"]
        for dim in dict.fromkeys(d for d, _ in filters):
            values = ", ".join(lit(v) for d, v in filters if d == dim)
            if dataset == "deals" and dim in deals:
                conds.append(f"{dim} IN ({values})")
            elif dataset == "deals":
                continue
            elif dim == "lead_source" and "source" in fields:
                conds.append(f"source IN ({values})")
            elif dim == "owner" and "owner" in fields:
                conds.append(f"owner IN ({values})")
            elif dim in ("team", "region") and "owner" in fields and "owner" in deals and dim in deals:
                conds.append(f"owner IN (SELECT owner FROM main_{dim} WHERE {dim} IN ({values}))")
        return " AND ".join(conds)

    def revenue(self, p, cond):
        """The KPI `revenue` over `p` for deals passing `cond`: Σ amount of deals won, undefined
        when nothing closed or no won deal has an amount (the data has one currency)."""
        closed, won, priced, value = self.con.execute(f"""
            SELECT count(*) FILTER (WHERE st IN ('won', 'lost')), count(*) FILTER (WHERE st = 'won'),
                   count(amount) FILTER (WHERE st = 'won'), coalesce(sum(amount) FILTER (WHERE st = 'won'), 0)
            FROM dl WHERE close_date BETWEEN {day_sql(p[0])} AND {day_sql(p[1])} AND {cond}
        """).fetchone()
        return None if closed == 0 or (won > 0 and priced == 0) else value


def ref_response(v, p, filters):
    """Leads created in the period (the day of created_at) passing the filters, with a first
    contact not before creation, per bin of minutes from creation to first contact."""
    if "leads" not in v.fields:
        return {"null": True}
    counts = dict(v.con.execute(f"""
        SELECT CASE WHEN secs <= {FAST_RESPONSE_SECONDS} THEN 0 ELSE 1 + {bin_sql('secs / 60', RESPONSE_BOUNDS[1:])} END, count(*)
        FROM (SELECT epoch(first_contact_at) - epoch(created_at) AS secs FROM leads
              WHERE CAST(created_at AS DATE) BETWEEN {day_sql(p[0])} AND {day_sql(p[1])} AND {v.where('leads', filters)})
        WHERE secs >= 0 GROUP BY 1
    """).fetchall())
    total = sum(counts.values())
    if total == 0:
        return {"null": True}
    out = {f"Leads {k}": counts.get(i, 0) for i, k in enumerate(bound_keys(RESPONSE_BOUNDS, first_included=True))}
    return {**out, "series": ["Leads"], "total": total}


def eng_histogram(data):
    if data is None:
        return {"null": True}
    keys = [bin_key(b["from"], b["to"], b["to_included"]) for b in data["bins"]]
    out = {f"{name} {k}": n for name, counts in data["series"] for k, n in zip(keys, counts)}
    return {**out, "series": [name for name, _ in data["series"]], "total": data["total"]}


def ref_cycle(v, p, filters):
    """Deals won in the period passing the filters, with a created date and not closed before it,
    per bin of days from created to close and per lead source (alphabetical, none last)."""
    if "deals" not in v.fields:
        return {"null": True}
    source = f"coalesce(lead_source, '{NO_SOURCE}')" if "lead_source" in v.fields["deals"] else "'All deals'"
    rows = v.con.execute(f"""
        SELECT src, {bin_sql('days', CYCLE_BOUNDS)}, count(*) FROM (
            SELECT {source} AS src, date_diff('day', created_date, close_date) AS days FROM dl
            WHERE st = 'won' AND close_date BETWEEN {day_sql(p[0])} AND {day_sql(p[1])}
              AND created_date IS NOT NULL AND {v.where('deals', filters)})
        WHERE days >= 0 GROUP BY ALL
    """).fetchall()
    if not rows:
        return {"null": True}
    series = sorted({s for s, _, _ in rows}, key=lambda s: (s == NO_SOURCE, s))
    counts = {(s, b): n for s, b, n in rows}
    out = {f"{s} {k}": counts.get((s, i), 0) for s in series for i, k in enumerate(bound_keys(CYCLE_BOUNDS))}
    return {**out, "series": series, "total": sum(counts.values())}


def ref_activity(v, p, filters, grain):
    """Activities dated in the period (the day of their date) passing the filters, per bucket of
    `grain` and class; the buckets clipped to the period."""
    if "activities" not in v.fields:
        return {"null": True}
    kind = "coalesce(lower(trim(type)), '')" if "type" in v.fields["activities"] else "''"
    klass = "CASE " + " ".join(f"WHEN {' OR '.join(f'contains({kind}, {lit(w)})' for w in words)} THEN '{c}'"
                               for c, words in ACTIVITY_WORDS) + " ELSE 'other' END"
    label = "%G-W%V" if grain == "week" else "%Y-%m"
    counts = {(b, c): n for b, c, n in v.con.execute(f"""
        SELECT strftime(date_trunc('{grain}', CAST("date" AS DATE)), '{label}'), {klass}, count(*) FROM activities
        WHERE CAST("date" AS DATE) BETWEEN {day_sql(p[0])} AND {day_sql(p[1])} AND {v.where('activities', filters)}
        GROUP BY ALL
    """).fetchall()}
    if not counts:
        return {"null": True}
    labels = [b for b, _, _ in buckets(p, grain)]
    out = {f"{c} {b}": counts.get((b, c), 0) for c in ACTIVITY_CLASSES for b in labels}
    return {**out, "labels": labels, "total": sum(counts.values())}


def eng_activity(data):
    if data is None:
        return {"null": True}
    out = {f"{c} {b}": n for c, counts in data["types"] for b, n in zip(data["labels"], counts)}
    return {**out, "labels": data["labels"], "total": data["total"]}


def quota_sql(v, p, filters, by_owner=False):
    """Σ quota and the number of quota rows (with a quota) whose whole period, from period_start
    to period_end (default: the end of the start's month), lies in `p`."""
    end = "coalesce(period_end, last_day(period_start))" if "period_end" in v.fields["quotas"] else "last_day(period_start)"
    return f"""
        SELECT {'owner, ' if by_owner else ''}sum(quota), count(*) FROM quotas
        WHERE quota IS NOT NULL AND period_start >= {day_sql(p[0])} AND {end} <= {day_sql(p[1])}
          AND {v.where('quotas', filters)} {'GROUP BY owner' if by_owner else ''}
    """


def share_at(p, day):
    """The share of period `p` elapsed by the end of `day`, clamped to (0, 1]."""
    return min(max((min(day, p[1]) - p[0]).days + 1, 1) / ((p[1] - p[0]).days + 1), 1.0)


def ref_pacing(v, p, filters):
    """Won revenue from the period's start to each month's end (none for months after the data's
    latest day) against the target Σ quota of the quota periods inside the period; with the
    straight target line, the elapsed share of the period and the revenue projected from it."""
    if "deals" not in v.fields or "quotas" not in v.fields:
        return {"null": True}
    target = v.con.execute(quota_sql(v, p, filters)).fetchone()[0] or 0.0
    if target <= 0:
        return {"null": True}
    cond = v.where("deals", filters)
    out = {"target": target, "target_source": "quotas"}
    labels = []
    for label, b_from, b_to in buckets(p, "month"):
        labels.append(label)
        won = v.con.execute(f"""
            SELECT coalesce(sum(amount), 0) FROM dl
            WHERE st = 'won' AND close_date BETWEEN {day_sql(p[0])} AND {day_sql(b_to)} AND {cond}
        """).fetchone()[0]
        out[f"actual {label}"] = won if b_from <= v.latest else None
        out[f"target_line {label}"] = target * share_at(p, b_to)
    elapsed = share_at(p, v.latest)
    revenue = v.revenue(p, cond)
    return {**out, "labels": labels, "elapsed": elapsed, "projected": None if revenue is None else revenue / elapsed}


def eng_pacing(data):
    if data is None:
        return {"null": True}
    out = {k: data[k] for k in ("target", "target_source", "labels", "elapsed", "projected")}
    for k, label in enumerate(data["labels"]):
        out[f"actual {label}"] = data["actual"][k]
        out[f"target_line {label}"] = data["target_line"][k]
    return out


PEOPLE_COLUMNS = ("team", "revenue", "quota", "attainment", "win_rate")


def ref_people(v, p, filters):
    """Per owner (of the deals, leads, activities or quotas; only those an owner filter chooses),
    with the scope's other filters: the KPI revenue, win rate (won / closed in the period), Σ quota
    of their quota periods inside the period (none without one), attainment = revenue (none: 0) /
    quota, and their main team."""
    chosen = [o for d, o in filters if d == "owner"]
    others = [(d, x) for d, x in filters if d != "owner"]
    owners = [o for (o,) in v.con.execute(" UNION ".join(
        f"SELECT owner FROM {ds} WHERE owner IS NOT NULL" for ds in ("deals", "leads", "activities", "quotas")
        if "owner" in v.fields.get(ds, [])) or "SELECT NULL WHERE FALSE").fetchall() if not chosen or o in chosen]
    closed = {o: (c, w, pr, s) for o, c, w, pr, s in v.con.execute(f"""
        SELECT owner, count(*) FILTER (WHERE st IN ('won', 'lost')), count(*) FILTER (WHERE st = 'won'),
               count(amount) FILTER (WHERE st = 'won'), coalesce(sum(amount) FILTER (WHERE st = 'won'), 0)
        FROM dl WHERE close_date BETWEEN {day_sql(p[0])} AND {day_sql(p[1])} AND {v.where('deals', others)}
        GROUP BY owner
    """).fetchall()} if "deals" in v.fields else {}
    quotas = ({o: (s, n) for o, s, n in v.con.execute(quota_sql(v, p, others, by_owner=True)).fetchall()}
              if "quotas" in v.fields else {})
    teams = dict(v.con.execute("SELECT owner, team FROM main_team").fetchall()) if "team" in v.fields.get("deals", []) else {}
    out = {}
    for o in owners:
        c, w, priced, s = closed.get(o, (0, 0, 0, 0))
        revenue = None if c == 0 or (w > 0 and priced == 0) else s
        quota = quotas[o][0] if o in quotas and quotas[o][1] > 0 else None
        row = dict(team=teams.get(o), revenue=revenue, quota=quota,
                   attainment=(revenue or 0) / quota if quota else None, win_rate=w / c if c else None)
        # An owner without any of these figures may have a row (for a figure the referee does
        # not check) or not.
        lacking = revenue is None and quota is None and row["win_rate"] is None
        out.update({f"{o} {k}": MayLack(row[k]) if lacking else row[k] for k in PEOPLE_COLUMNS})
    return out


def eng_people(data):
    return {f"{r['segment']} {k}": r[k] for r in data["rows"] for k in PEOPLE_COLUMNS}


VIEW_CHECKS = {
    "response": (ref_response, eng_histogram, ()),
    "cycle": (ref_cycle, eng_histogram, ()),
    "activity-month": (lambda v, p, f: ref_activity(v, p, f, "month"), eng_activity, ("--grain", "month")),
    "activity-week": (lambda v, p, f: ref_activity(v, p, f, "week"), eng_activity, ("--grain", "week")),
    "pacing": (ref_pacing, eng_pacing, ("--grain", "month")),
    "people-owner": (ref_people, eng_people, ()),
}


def view_scopes(v):
    """The scopes the views are checked over: (label, period or None for the default, filters,
    views). Besides the default period, one team and one owner (those with the most deals), a
    period of part months and weeks inside the data, and one reaching past the data's end."""
    top = lambda dim: v.con.execute(f"SELECT {dim} FROM deals WHERE {dim} IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1").fetchone()[0]
    team, owner = top("team"), top("owner")
    inside = (month_start(v.default[0], 3) + dt.timedelta(days=14), month_start(v.default[0], 9) + dt.timedelta(days=19))
    past_end = (month_start(v.latest, -4) + dt.timedelta(days=9), month_start(v.latest, 3) - dt.timedelta(days=1))
    every = list(VIEW_CHECKS)
    return [
        ("default", None, [], every),
        (f"team={team}", None, [("team", team)], every),
        (f"owner={owner}", None, [("owner", owner)], ["response", "cycle", "activity-month", "pacing", "people-owner"]),
        (f"{inside[0]}..{inside[1]}", inside, [], every),
        (f"{past_end[0]}..{past_end[1]} team={team}", past_end, [("team", team)], every),
    ]


# The edge data set adds the rules the demo does not reach (contacts before creation, a created
# date without a time, a close before creation, a won deal without a close date, activity types in
# other words, activities without a date); its deals mix currencies, so only the views that add
# no amount are checked on it.
EDGE_VIEW_SCOPES = [
    ("default", None, [], ["response", "cycle", "activity-month", "activity-week"]),
    ("owner=Ann", None, [("owner", "Ann")], ["response", "cycle", "activity-month"]),
    ("2024-01-02..2024-05-01", (dt.date(2024, 1, 2), dt.date(2024, 5, 1)), [], ["response", "cycle", "activity-week"]),
]


def engine_view(v, view, period, filters, grain_args):
    args = [str(CLI), "view", view.split("-")[0] if view.startswith("activity") else view, *grain_args]
    if period:
        args += ["--period", str(period[0]), str(period[1])]
    for dim, value in filters:
        args += ["--filter", f"{dim}={value}"]
    return json.loads(subprocess.run(args + v.paths, check=True, capture_output=True, text=True).stdout)


class MayLack:
    """A value the engine may leave out; where it gives it, it must be `value`."""

    def __init__(self, value):
        self.value = value

    def __repr__(self):
        return f"{self.value} (or none)"


def agree(w, g):
    if isinstance(w, MayLack):
        return g == "missing" or agree(w.value, g)
    if isinstance(w, float) or isinstance(g, float):
        return isinstance(w, (int, float)) and isinstance(g, (int, float)) and same(w, g)
    return w == g and type(w) is type(g)


def view_checks(name, files, scopes=None):
    t0 = time.time()
    n_before, fails_before = passed + failed, failed
    v = ViewData(name, files)
    scopes = scopes or view_scopes(v)
    jobs = [(label, period, filters, view) for label, period, filters, views in scopes for view in views]
    if v.currencies > 1 and any(view in ("pacing", "people-owner") for *_, view in jobs):
        check(False, f"view {name}: the deals have {v.currencies} currencies; the referee adds every amount")
    # The engine runs in parallel with the referee's own SQL.
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        runs = [pool.submit(engine_view, v, view, period, filters, VIEW_CHECKS[view][2]) for _, period, filters, view in jobs]
        for (label, period, filters, view), run in zip(jobs, runs):
            p = period or v.default
            ref, eng, _ = VIEW_CHECKS[view]
            want = ref(v, p, filters)
            e = run.result()
            where = f"view {name} [{label}] {view}"
            got_p = (e["period"]["from"], e["period"]["to"])
            check(got_p == (str(p[0]), str(p[1])), f"{where}: period: referee {p[0]} – {p[1]} engine {got_p[0]} – {got_p[1]}")
            got = eng(e["data"])
            for key in sorted(set(want) | set(got), key=str):
                w, g = want.get(key, "missing"), got.get(key, "missing")
                check(agree(w, g), f"{where}: {key}: referee {w} engine {g}")
    n = passed + failed - n_before
    print(f"view {name}: {n} checks ({n - (failed - fails_before)} passed) over {len(scopes)} scopes, "
          f"{len(jobs)} views, {time.time() - t0:.1f} s")


# ---------------------------------------------------------------------------------------------
# Part 4: pipeline change and stage history (KPI_SPEC_PIPELINE_CHANGE.md)
# ---------------------------------------------------------------------------------------------

CHANGE_DIR = ROOT / "engine" / "tests" / "fixtures" / "change"


def change_deals_table(con, name, path):
    """An export of the deals as the canonical relation the change SQL reads: deal_id, status
    (the referee's own rule: won / lost stage names, any other stage open), amount, created and
    close date, currency when the file has one; a repeated id keeps its first row."""
    headers = [h[0] for h in con.execute(f"SELECT * FROM read_csv('{path}', all_varchar = true, header = true) LIMIT 0").description]
    currency = ", NULLIF(trim(currency), '') AS currency" if "currency" in headers else ""
    con.execute(f"""
        CREATE OR REPLACE TABLE {name} AS
        SELECT trim(deal_id) AS deal_id, TRY_CAST(amount AS DOUBLE) AS amount,
               TRY_CAST(substr(created_date, 1, 10) AS DATE) AS created_date,
               TRY_CAST(substr(close_date, 1, 10) AS DATE) AS close_date,
               CASE WHEN lower(trim(stage)) IN {WON} THEN 'won'
                    WHEN lower(trim(stage)) IN {LOST} THEN 'lost'
                    WHEN NULLIF(trim(stage), '') IS NULL THEN NULL
                    ELSE 'open' END AS status{currency}
        FROM (SELECT *, row_number() OVER () AS line FROM read_csv('{path}', all_varchar = true, header = true))
        WHERE NULLIF(trim(deal_id), '') IS NOT NULL
        QUALIFY row_number() OVER (PARTITION BY trim(deal_id) ORDER BY line) = 1
    """)


def change_checks(name, earlier, later, history, *extra):
    """The engine's DuckDB SQL of the new KPIs, run over the referee's own tables of the two
    exports and the history, against the engine's figures (`pipelens-cli change --sql`)."""
    t0 = time.time()
    n_before, fails_before = passed + failed, failed
    label = f"change {name}{' ' + ' '.join(extra) if extra else ''}"
    con = duckdb.connect()
    change_deals_table(con, "deals_earlier", earlier)
    change_deals_table(con, "deals", later)
    con.execute(f"""
        CREATE OR REPLACE TABLE history AS
        SELECT trim(deal_id) AS deal_id, trim(stage) AS stage,
               TRY_CAST(substr(changed_at, 1, 10) AS DATE) AS changed_at,
               TRY_CAST(amount AS DOUBLE) AS amount, TRY_CAST(substr(close_date, 1, 10) AS DATE) AS close_date,
               row_number() OVER () AS seq
        FROM read_csv('{history}', all_varchar = true, header = true)
    """)
    out = subprocess.run([str(CLI), "change", "--json", "--sql", str(earlier), str(later), "--history", str(history), *extra],
                         check=True, capture_output=True, text=True).stdout
    e = json.loads(out)
    sql, ch, hi = e["sql"], e["change"], e["history"]

    rows = con.execute(sql["pipeline_change"]).fetchall()
    check([r[0] for r in rows] == [b["flow"] for b in ch["bars"]], f"{label}: the bars in order: sql {[r[0] for r in rows]}")
    for (flow, amount, deals), b in zip(rows, ch["bars"]):
        check(same(amount, b["value"]) and deals == b["count"], f"{label}: {flow}: sql {amount} / {deals} engine {b['value']} / {b['count']}")
    v = {r[0]: r[1] for r in rows}
    total = v["start"] + v["new"] + v["pulled_in"] + v["increased"] - v["decreased"] - v["pushed_out"] - v["won"] - v["lost"]
    check(abs(total - v["end"]) < 0.005, f"{label}: the SQL's bars add up: {total} vs {v['end']}")
    slipped, mean_days = con.execute(sql["slipped_deals"]).fetchone()
    check(slipped == ch["slipped"] and same(mean_days, ch["mean_days_slipped"]),
          f"{label}: slipped_deals: sql {slipped} ({mean_days}) engine {ch['slipped']} ({ch['mean_days_slipped']})")

    by_stage = {r[0]: r[1:] for r in con.execute(sql["time_in_stage_by_stage"]).fetchall()}
    engine_stages = {r["stage"]: (r["spells"], r["median_days"], r["p90_days"]) for r in hi["time_in_stage"]}
    check(sorted(by_stage) == sorted(engine_stages), f"{label}: time_in_stage stages: sql {sorted(by_stage)} engine {sorted(engine_stages)}")
    for stage, (spells, med, p90) in engine_stages.items():
        got = by_stage.get(stage, (None, None, None))
        check(got[0] == spells and same(got[1], med) and same(got[2], p90),
              f"{label}: time_in_stage {stage}: sql {got} engine {(spells, med, p90)}")
    headline = con.execute(sql["time_in_stage"]).fetchone()[0]
    check(same(headline, hi["time_in_stage_days"]), f"{label}: time_in_stage: sql {headline} engine {hi['time_in_stage_days']}")
    m = hi["conversion"]
    engine_moves = sorted((f, t, n) for f, row in zip(m["stages"], m["counts"]) for t, n in zip(m["stages"], row) if n)
    sql_moves = sorted(tuple(r) for r in con.execute(sql["stage_conversion"]).fetchall())
    check(sql_moves == engine_moves, f"{label}: stage_conversion: {len(sql_moves)} sql cells, {len(engine_moves)} engine cells"
          + ("" if sql_moves == engine_moves else f"; first differences {[x for x in sql_moves if x not in engine_moves][:3]} / {[x for x in engine_moves if x not in sql_moves][:3]}"))
    stalled = con.execute(sql["stalled_deals"]).fetchone()[0]
    check(stalled == hi["stalled"], f"{label}: stalled_deals: sql {stalled} engine {hi['stalled']}")
    n = passed + failed - n_before
    print(f"{label}: {n} checks ({n - (failed - fails_before)} passed), {time.time() - t0:.1f} s")


def change_sets():
    """The two exports and history of the demo company and of the hand-worked fixture, over
    the whole pipeline and over next quarter's close dates."""
    demo = (DEMO / "earlier_deals.csv", DEMO / "deals.csv", DEMO / "history.csv")
    files = (CHANGE_DIR / "deals-february.csv", CHANGE_DIR / "deals-march.csv", CHANGE_DIR / "opportunity-history.csv")
    return [("demo", demo, ()), ("fixture", files, ()), ("fixture", files, ("--quarter", "next")),
            ("demo", demo, ("--quarter", "this"))]


def main():
    if not CLI.exists():
        sys.exit(f"{CLI} is missing: cargo build -p pipelens_engine --bin pipelens-cli")
    started = time.time()
    DEMO.mkdir(parents=True, exist_ok=True)
    subprocess.run([str(CLI), "demo-csv", str(DEMO)], check=True)
    hand_checks()
    print(f"hand-written checks: {passed} passed, {failed} failed")
    view_checks("demo", demo_files())
    view_checks("edge", edge_files("edge"), EDGE_VIEW_SCOPES)
    for name, make in SQL_SETS.items():
        files = make()
        if files is not None:
            sql_checks(name, files)
    for name, (earlier, later, history), extra in change_sets():
        change_checks(name, earlier, later, history, *extra)
    print(f"referee took {time.time() - started:.0f} s")
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
