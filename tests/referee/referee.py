"""Independent referee: computes the KPIs with SQL in DuckDB and compares them with the engine.

For each deals file (the demo company written as CSV, and the Maven CRM export) it reads the
CSV with DuckDB, derives status, period and every KPI of the slice in SQL, runs the native
engine (`pipelens-cli kpis FILE`) on the same file, and compares every value, breakdown row and
trend point within 1e-9 relative. Prints one line per check and `N passed, M failed`.
"""

import json
import math
import subprocess
import sys
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus"
CLI = ROOT / "target" / "debug" / "pipelens-cli"
WORK = ROOT / "target" / "referee"

# Each file's columns for the canonical fields, as the referee reads them (independently of
# the engine's auto-mapping).
FILES = {
    "demo": dict(path=WORK / "demo.csv", id="deal_id", amount="amount", stage="stage", created="created_date", close="close_date"),
    "maven": dict(path=CORPUS / "real/maven-crm/sales_pipeline.csv", id="opportunity_id", amount="close_value", stage="deal_stage", created="engage_date", close="close_date"),
}

WON = ("won", "closed won")
LOST = ("lost", "closed lost")


def referee(con, f):
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

    months = con.execute("""
        WITH RECURSIVE m(start) AS (SELECT $1::DATE UNION ALL SELECT (start + INTERVAL 1 MONTH)::DATE FROM m WHERE start < date_trunc('month', $2::DATE))
        SELECT strftime(m.start, '%Y-%m'), coalesce(sum(d.amount), 0)
        FROM m LEFT JOIN d ON d.status = 'won' AND d.close_date BETWEEN $1 AND $2
                           AND date_trunc('month', d.close_date) = m.start
        GROUP BY 1 ORDER BY 1
    """, [p_from, p_to]).fetchall()
    for label, v in months:
        k[f"won_revenue_by_month[{label}]"] = v
    return out


def engine(path):
    text = subprocess.run([str(CLI), "kpis", str(path)], check=True, capture_output=True, text=True).stdout
    e = json.loads(text)
    out = {"period": e["period"], "kpis": {}}
    k = out["kpis"]
    for id_, r in e["kpis"].items():
        k[id_] = r["value"]
        for c in r["companions"]:
            k[f"{id_}.{c['label']}"] = c["value"]
        for b in r["breakdown"]:
            k[f"{id_}[{b['segment']}]"] = b["value"]
    for p in e["won_revenue_by_month"]:
        k[f"won_revenue_by_month[{p['label']}]"] = p["value"]
    return out


def same(a, b):
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def main():
    if not CLI.exists():
        sys.exit(f"{CLI} is missing: cargo build -p pipelens_engine --bin pipelens-cli")
    WORK.mkdir(parents=True, exist_ok=True)
    FILES["demo"]["path"].write_text(subprocess.run([str(CLI), "demo-csv"], check=True, capture_output=True, text=True).stdout)
    con = duckdb.connect()
    passed = failed = 0
    for name, f in FILES.items():
        want, got = referee(con, f), engine(f["path"])
        checks = [("period", want["period"] == got["period"], want["period"], got["period"])]
        for key in sorted(set(want["kpis"]) | set(got["kpis"])):
            w, g = want["kpis"].get(key, "missing"), got["kpis"].get(key, "missing")
            ok = "missing" not in (w, g) and same(w, g)
            # Stages with no open deal appear in the engine's breakdown as 0 only.
            if w == "missing" and g == 0 and "[" in key:
                ok = True
            checks.append((key, ok, w, g))
        for key, ok, w, g in checks:
            print(f"{'ok  ' if ok else 'FAIL'} {name}: {key}: referee {w} engine {g}")
            passed += ok
            failed += not ok
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
