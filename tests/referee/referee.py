"""Independent referee: the KPIs computed in DuckDB, compared with the engine.

Two parts, both against the native engine (`pipelens-cli kpis`):

1. Hand-written checks. For each deals file (the demo company's deals written as CSV, and the
   Maven CRM export) the referee reads the CSV with DuckDB, derives status, the default period
   and the deal KPIs in its own SQL, written here without the engine, and compares every value,
   breakdown row and monthly revenue point.

2. The engine's SQL. For each data set (the demo company's seven datasets together, the Maven
   CRM deals, the RavenStack subscriptions as customers, the synthetic CRM leads) the referee
   loads every file into DuckDB as typed canonical tables with its own mapping and casting (it
   never asks the engine how to read a file), asks the engine for the DuckDB SQL of every KPI
   (`pipelens-cli sql --all --batch`), runs it, and compares the value with the engine's:
   the headline of every KPI, every trend point (the SQL over the point's own period) and every
   segment row (the SQL with that segment as a filter). Two small hand-made data sets (`EDGE`)
   add the rules the demo and the corpus do not reach. As a smoke check of the other dialects'
   helpers, the PostgreSQL text of every headline is run through DuckDB too (DuckDB reads that
   syntax; this is not a PostgreSQL run; BigQuery and Spark SQL are not run anywhere here).

Values agree within 1e-9 relative (both undefined counts as equal). Prints every failure, a
summary per data set and `N passed, M failed`; exits nonzero on any failure. `-v` prints every
check.
"""

import json
import math
import subprocess
import sys
import time
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus"
CLI = ROOT / "target" / "debug" / "pipelens-cli"
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
HAND_FILES = {
    "demo": dict(path=DEMO / "deals.csv", id="deal_id", amount="amount", stage="stage", created="created_date", close="close_date"),
    "maven": dict(path=CORPUS / "real/maven-crm/sales_pipeline.csv", id="opportunity_id", amount="close_value", stage="deal_stage", created="engage_date", close="close_date"),
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
    # Default period: the 12 calendar months ending with the month of the latest date.
    p_from, p_to = con.execute("""
        SELECT (date_trunc('month', m) - INTERVAL 11 MONTH)::DATE, last_day(m)
        FROM (SELECT greatest(max(created_date), max(close_date)) AS m FROM d)
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
    for name, f in HAND_FILES.items():
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
                  account="text", lost_stage="text", probability="number", currency="text"),
    "leads": dict(lead_id="key", created_at="timestamp", source="text", owner="text", first_contact_at="timestamp",
                  qualified_at="timestamp", qualified="bool", deal_id="id", touchpoints_to_meeting="number"),
    "activities": dict(activity_id="key", owner="text", type="text", date="timestamp", lead_id="id", deal_id="id"),
    "customers": dict(customer_id="key", start_date="date", end_date="date", mrr="number", plan="text", segment="text"),
    "spend": dict(date="month", amount="number", category="text", channel="text"),
    "quotas": dict(owner="text", period_start="month", quota="number", period_end="date"),
    "forecasts": dict(period_start="month", forecast="number", owner="text", period_end="date"),
}
# Rows without a key are dropped for these datasets (activities keep them).
KEY_REQUIRED = {"deals", "leads", "customers"}

SQL_TYPE = dict(key="VARCHAR", id="VARCHAR", text="VARCHAR", number="DOUBLE", date="DATE", month="DATE",
                timestamp="TIMESTAMP", bool="BOOLEAN", status="VARCHAR")

TRUE_WORDS = ("true", "yes", "y", "1", "ja", "tak", "wahr", "是", "t")
FALSE_WORDS = ("false", "no", "n", "0", "nein", "nie", "falsch", "否", "f")
STATUS_WORDS = {
    "won": ("won", "closed won", "closedwon", "closed - won", "win", "gewonnen", "wygrana", "赢单"),
    "lost": ("lost", "closed lost", "closedlost", "closed - lost", "loss", "verloren", "przegrana", "输单"),
    "open": ("open", "offen", "otwarta", "otwarty", "进行中", "跟进中"),
}


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
        missing = [h for h in mapping if h not in headers]
        if missing:
            raise SystemExit(f"{path}: no column {missing}")
        cols = ",\n    ".join(f"{typed(h, fields[f])} AS \"{f}\"" for h, f in mapping.items())
        key = next((f for f, t in fields.items() if t == "key"), None)
        key_col = next((h for h, f in mapping.items() if f == key), None)
        where = f"WHERE {typed(key_col, 'key')} IS NOT NULL" if key_col and dataset in KEY_REQUIRED else ""
        # A repeated key keeps its first row, as the engine does.
        qualify = f"QUALIFY \"{key}\" IS NULL OR row_number() OVER (PARTITION BY \"{key}\" ORDER BY line) = 1" if key_col else ""
        con.execute(f"""
            CREATE OR REPLACE TABLE {dataset} AS
            SELECT * EXCLUDE (line) FROM (
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


SQL_SETS = {
    "demo": demo_files,
    "maven": lambda: [(CORPUS / "real/maven-crm/sales_pipeline.csv", "deals", {
        "opportunity_id": "deal_id", "sales_agent": "owner", "product": "product", "account": "account",
        "deal_stage": "stage", "engage_date": "created_date", "close_date": "close_date", "close_value": "amount"})],
    "ravenstack": lambda: [(CORPUS / "real/ravenstack-saas/ravenstack_subscriptions.csv", "customers", {
        "subscription_id": "customer_id", "start_date": "start_date", "end_date": "end_date", "mrr_amount": "mrr",
        "plan_tier": "plan"})],
    "synthetic-leads": lambda: [(CORPUS / "real/sample-sales-crm-synthetic/Leads.csv", "leads", {
        "LeadID": "lead_id", "CreatedDate": "created_at", "LeadSource": "source"})],
    "edge": lambda: edge_files("edge"),
    "edge-status": lambda: edge_files("edge-status"),
}


def scope_key(period, filters):
    return json.dumps({"period": period, "filters": filters}, sort_keys=True)


def sql_checks(name, files):
    t0 = time.time()
    paths = [str(p) for p, _, _ in files]
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
    n = passed + failed - n_before
    print(f"sql {name}: {n} checks ({n - (failed - fails_before)} passed) over {len(keys)} scopes, "
          f"{len(cache)} distinct queries, {time.time() - t0:.1f} s")


def main():
    if not CLI.exists():
        sys.exit(f"{CLI} is missing: cargo build -p pipelens_engine --bin pipelens-cli")
    started = time.time()
    DEMO.mkdir(parents=True, exist_ok=True)
    subprocess.run([str(CLI), "demo-csv", str(DEMO)], check=True)
    hand_checks()
    print(f"hand-written checks: {passed} passed, {failed} failed")
    for name, files in SQL_SETS.items():
        sql_checks(name, files())
    print(f"referee took {time.time() - started:.0f} s")
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
