use super::*;
use crate::deals_table::Dim;
use crate::ingest::{read_file, DatasetKind};
use crate::kpi::KpiId;
use crate::period::Period;
use crate::stage::{StageRules, Status};
use crate::Day;

fn day(y: i32, m: u32, d: u32) -> Day {
    Day::from_ymd(y, m, d).unwrap()
}

fn load(ws: &mut Workspace, kind: DatasetKind, csv: &str) {
    ws.insert(read_file(kind, "t.csv", csv.as_bytes(), None).unwrap().data, false);
}

/// A workspace with all seven datasets, a currency column, a lost_stage and a tricky owner, an
/// earlier export of the deals and a stage history.
fn full() -> Workspace {
    let mut ws = Workspace::default();
    load(
        &mut ws,
        DatasetKind::Deals,
        "deal_id,amount,stage,created_date,close_date,owner,team,region,product,lead_source,deal_type,account,lost_stage,currency\n\
         D1,100,Closed Won,2024-01-02,2024-02-01,O'Brien,East,EMEA,Core,Web,New Business,Acme,,USD\n\
         D2,50,Closed Lost,2024-01-05,2024-03-01,Ann,West,EMEA,Core,Ads,Renewal,Beta,Proposal,USD\n\
         D3,70,Proposal,2024-02-05,,Ann,West,APAC,Add-on,Web,Upsell,Beta,,EUR\n\
         D4,20,Prospecting,2024-02-07,,Bo,East,APAC,Core,Web,New,Gamma,,USD\n",
    );
    load(
        &mut ws,
        DatasetKind::Leads,
        "lead_id,created_at,source,owner,first_contact_at,qualified_at,deal_id,touchpoints_to_meeting\n\
         L1,2024-01-01T10:00:00Z,Web,O'Brien,2024-01-01T10:04:00Z,2024-01-03,D1,\n\
         L2,2024-01-02T09:00:00Z,Ads,Ann,,,,3\n",
    );
    load(
        &mut ws,
        DatasetKind::Activities,
        "activity_id,owner,type,date,lead_id\nA1,Ann,Call,2024-01-02T10:00:00Z,L1\nA2,Ann,Meeting,2024-01-05T10:00:00Z,L1\n",
    );
    load(
        &mut ws,
        DatasetKind::Customers,
        "customer_id,start_date,end_date,mrr\nC1,2023-01-01,,100\nC2,2023-06-01,2024-01-15,50\n",
    );
    load(&mut ws, DatasetKind::Spend, "date,amount,category\n2024-01-01,500,marketing\n");
    load(&mut ws, DatasetKind::Quotas, "owner,period_start,quota\nAnn,2024-01-01,100\nO'Brien,2024-02-01,80\n");
    load(&mut ws, DatasetKind::Forecasts, "period_start,forecast,owner\n2024-01-01,90,Ann\n");
    let earlier = "deal_id,amount,stage,created_date,close_date,owner,currency\n\
                   D1,100,Proposal,2024-01-02,2024-01-20,O'Brien,USD\n\
                   D2,40,Proposal,2024-01-05,2024-02-01,Ann,USD\n";
    let read = read_file(DatasetKind::EarlierDeals, "e.csv", earlier.as_bytes(), None).unwrap();
    ws.insert_as(DatasetKind::EarlierDeals, read.data, false);
    load(
        &mut ws,
        DatasetKind::History,
        "deal_id,stage,changed_at,close_date\nD1,Prospecting,2024-01-02,2024-01-20\nD1,Proposal,2024-01-10,2024-01-30\n\
         D1,Closed Won,2024-02-01,2024-02-01\nD3,Prospecting,2024-02-05,\nD3,Proposal,2024-02-20,\n",
    );
    ws
}

fn scope_2024() -> Scope {
    Scope::new(Period::new(day(2024, 1, 1), day(2024, 3, 31)).unwrap())
}

/// The text of a query with its comments and string literals removed (for both quote styles).
fn code_only(sql: &str) -> String {
    let mut out = String::new();
    let mut chars = sql.chars().peekable();
    let (mut in_str, mut in_comment) = (false, false);
    while let Some(c) = chars.next() {
        if in_comment {
            if c == '\n' {
                in_comment = false;
                out.push(c);
            }
        } else if in_str {
            match c {
                '\\' => {
                    chars.next();
                }
                '\'' if chars.peek() == Some(&'\'') => {
                    chars.next();
                }
                '\'' => in_str = false,
                _ => {}
            }
        } else if c == '\'' {
            in_str = true;
            out.push_str("''");
        } else if c == '-' && chars.peek() == Some(&'-') {
            in_comment = true;
        } else {
            out.push(c);
        }
    }
    assert!(!in_str, "a string literal is never closed: {sql}");
    out
}

#[test]
fn every_id_gives_sql_in_every_dialect() {
    let ws = full();
    let scope = scope_2024();
    for def in crate::kpi::CATALOG {
        for d in Dialect::ALL {
            let sql = kpi_sql(def.id, &ws, &scope, d);
            assert!(
                sql.starts_with(&format!("-- pipelens: {} ({}), period 2024-01-01 to 2024-03-31", def.name, def.id))
            );
            assert!(sql.contains(" AS value"), "{} {}: {sql}", def.id, d.name());
            assert!(sql.trim_end().ends_with(';'));
            assert!(sql.contains(d.name()), "the header names the dialect");
            // Every CTE is named before use and parentheses balance.
            let code = code_only(&sql);
            assert_eq!(code.matches('(').count(), code.matches(')').count(), "{} {}:\n{sql}", def.id, d.name());
        }
    }
    assert_eq!(all_kpi_sql(&ws, &scope, Dialect::DuckDb).len(), KpiId::ALL.len());
    assert_eq!(KpiId::parse("no_such_kpi"), None, "an unknown id cannot be named, so it has no SQL");
}

#[test]
fn every_kpi_has_a_builder_that_gives_sql_for_the_demo() {
    let ws = crate::demo::demo_workspace(crate::demo::DEMO_SEED);
    let scope = ws.default_scope().unwrap();
    for &id in KpiId::ALL {
        let sql = kpi_sql(id, &ws, &scope, Dialect::DuckDb);
        assert!(sql.starts_with(&format!("-- pipelens: {} ({id}), period ", id.def().name)), "{id}:\n{sql}");
        assert!(!sql.contains("-- undefined:"), "{id}: the demo has every dataset:\n{sql}");
        assert!(code_only(&sql).contains("WITH"), "{id}: a query, not a placeholder:\n{sql}");
        assert!(sql.contains(" AS value"), "{id}");
    }
}

#[test]
fn every_id_is_defined_with_full_data() {
    let ws = full();
    for def in crate::kpi::CATALOG {
        let sql = kpi_sql(def.id, &ws, &scope_2024(), Dialect::DuckDb);
        assert!(!sql.contains("-- undefined:"), "{}:\n{sql}", def.id);
    }
}

#[test]
fn period_literals_appear() {
    let ws = full();
    let s = scope_2024();
    let sql = |id: KpiId| kpi_sql(id, &ws, &s, Dialect::DuckDb);
    assert!(sql(KpiId::Revenue).contains("close_date BETWEEN DATE '2024-01-01' AND DATE '2024-03-31'"));
    // The previous period has the same 91 days and ends the day before.
    assert!(sql(KpiId::RevenueGrowth).contains("BETWEEN DATE '2023-10-02' AND DATE '2023-12-31'"));
    assert!(sql(KpiId::RevenueGrowthYoy).contains("BETWEEN DATE '2023-01-01' AND DATE '2023-03-31'"));
    assert!(sql(KpiId::PipelineCoverage).contains("period_start BETWEEN DATE '2024-04-01' AND DATE '2024-06-30'"));
    let pv = sql(KpiId::PipelineValue);
    assert!(pv.contains("(status = 'open' AND (created_date IS NULL OR created_date <= DATE '2024-03-31'))"), "{pv}");
    assert!(pv.contains(
        "(status IN ('won', 'lost') AND created_date <= DATE '2024-03-31' AND close_date > DATE '2024-03-31')"
    ));
    assert!(sql(KpiId::ChurnRate).contains("DATE '2023-12-31'"), "the day before the period");
    let clv = sql(KpiId::Clv);
    for m in ["DATE '2024-01-31' AS day_before, DATE '2024-02-01' AS month_from, DATE '2024-02-29' AS month_to"] {
        assert!(clv.contains(m), "{clv}");
    }
    // A bucket of a trend is just another period.
    let feb = Scope::new(Period::new(day(2024, 2, 1), day(2024, 2, 29)).unwrap());
    assert!(kpi_sql(KpiId::Mrr, &ws, &feb, Dialect::DuckDb).contains("start_date <= DATE '2024-02-29'"));
}

#[test]
fn filters_reach_each_table_through_its_own_column_or_the_owner() {
    let ws = full();
    let s = Scope { filters: crate::Filters::none().with(Dim::Team, "East"), ..scope_2024() };
    let deals = kpi_sql(KpiId::Revenue, &ws, &s, Dialect::DuckDb);
    assert!(deals.contains("WHERE team IN ('East')"), "{deals}");
    assert!(deals.contains("filters: team = 'East'"));
    let leads = kpi_sql(KpiId::LeadsCreated, &ws, &s, Dialect::DuckDb);
    assert!(leads.contains("owner IN (SELECT owner FROM main_team_of_owner WHERE team IN ('East'))"), "{leads}");
    assert!(leads.contains("row_number() OVER (PARTITION BY owner ORDER BY count(*) DESC, team) AS pick"));
    let pg = kpi_sql(KpiId::LeadsCreated, &ws, &s, Dialect::Postgres);
    assert!(pg.contains("ORDER BY count(*) DESC, team COLLATE \"C\")"), "{pg}");
    // Customers and spend are never filtered.
    let mrr = kpi_sql(KpiId::Mrr, &ws, &s, Dialect::DuckDb);
    assert!(!code_only(&mrr).contains("team"), "{mrr}");
    // Lead source reaches leads through `source`; product does not reach them.
    let s = Scope {
        filters: crate::Filters::none().with(Dim::LeadSource, "Web").with(Dim::Product, "Core"),
        ..scope_2024()
    };
    let leads = kpi_sql(KpiId::LeadsCreated, &ws, &s, Dialect::DuckDb);
    assert!(leads.contains("source IN ('Web')"));
    assert!(leads.contains("-- leads has no product: not filtered by it"));
    // Values within a dimension are alternatives.
    let mut f = crate::Filters::none();
    f.0.insert(Dim::Owner, vec!["Ann".into(), "Bo".into()]);
    let sql = kpi_sql(KpiId::DealsWon, &ws, &Scope { filters: f, ..scope_2024() }, Dialect::DuckDb);
    assert!(sql.contains("owner IN ('Ann', 'Bo')"));
}

#[test]
fn quotes_in_values_are_escaped_in_every_dialect() {
    let ws = full();
    let s = Scope { filters: crate::Filters::none().with(Dim::Owner, "O'Brien"), ..scope_2024() };
    let duck = kpi_sql(KpiId::QuotaAttainment, &ws, &s, Dialect::DuckDb);
    assert!(duck.contains("owner IN ('O''Brien')"), "{duck}");
    let pg = kpi_sql(KpiId::QuotaAttainment, &ws, &s, Dialect::Postgres);
    assert!(pg.contains("owner IN ('O''Brien')"));
    for d in [Dialect::BigQuery, Dialect::Spark] {
        let sql = kpi_sql(KpiId::QuotaAttainment, &ws, &s, d);
        assert!(sql.contains(r"owner IN ('O\'Brien')"), "{sql}");
    }
    assert_eq!(Dialect::BigQuery.string(r"a\'b"), r"'a\\\'b'");
    assert_eq!(Dialect::Spark.string("a\nb"), r"'a\nb'");
    assert_eq!(Dialect::DuckDb.string("a\\b"), r"'a\b'", "standard strings keep backslashes");
}

#[test]
fn data_values_cannot_inject_sql() {
    let evil = "x'); DROP TABLE deals; --\nDROP TABLE leads; /*";
    let mut ws = Workspace::default();
    let csv = format!(
        "deal_id,amount,stage,created_date,close_date,owner,team\n\
         D1,100,\"{0}\",2024-01-02,2024-02-01,\"{0}\",\"{0}\"\nD2,10,Won,2024-01-02,2024-02-01,Ann,\"{0}\"\n",
        evil.replace('"', "\"\"")
    );
    load(&mut ws, DatasetKind::Deals, &csv);
    load(&mut ws, DatasetKind::Leads, &format!("lead_id,created_at,owner\nL1,2024-01-01,\"{evil}\"\n"));
    let mut rules = ws.deals.as_ref().unwrap().stage_rules.clone();
    // The user marks the evil stage as won: its name goes into the status CASE.
    rules.status_of = vec![Status::Won; rules.status_of.len()];
    rules.open_order.clear();
    ws.deals.as_mut().unwrap().apply_stage_rules(rules);
    for (dim, value) in [(Dim::Owner, evil), (Dim::Team, evil)] {
        let s = Scope { filters: crate::Filters::none().with(dim, value), ..scope_2024() };
        for def in crate::kpi::CATALOG {
            for d in Dialect::ALL {
                let sql = kpi_sql(def.id, &ws, &s, d);
                let code = code_only(&sql);
                assert!(!code.contains("DROP"), "{} {}: injected:\n{sql}", def.id, d.name());
                assert!(!code.contains("/*"), "{} {}", def.id, d.name());
            }
        }
    }
}

#[test]
fn comments_cannot_be_broken_out_of() {
    assert_eq!(comment_text("a\nb\r\nc\u{2028}d"), "a b  c d");
    let ws = full();
    let s = Scope { filters: crate::Filters::none().with(Dim::Owner, "Ann\nSELECT 1; --"), ..scope_2024() };
    let sql = kpi_sql(KpiId::DealsWon, &ws, &s, Dialect::DuckDb);
    let first = sql.lines().next().unwrap();
    assert!(first.contains("Ann SELECT 1; --"), "{first}");
}

#[test]
fn status_follows_the_stage_rules_or_the_status_column() {
    let mut ws = full();
    let sql = kpi_sql(KpiId::WinRate, &ws, &scope_2024(), Dialect::DuckDb);
    assert!(sql.contains("WHEN stage IN ('Closed Won') THEN 'won'"), "{sql}");
    assert!(sql.contains("WHEN stage IN ('Closed Lost') THEN 'lost'"));
    assert!(sql.contains("WHEN stage IS NOT NULL THEN 'open'"));
    // The user decides that Proposal counts as won.
    let d = ws.deals.as_mut().unwrap();
    let mut rules = d.stage_rules.clone();
    let proposal = d.stage.code_of("Proposal").unwrap();
    rules.status_of[proposal as usize] = Status::Won;
    rules.open_order.retain(|&c| c != proposal);
    d.apply_stage_rules(rules);
    let sql = kpi_sql(KpiId::WinRate, &ws, &scope_2024(), Dialect::DuckDb);
    assert!(sql.contains("WHEN stage IN ('Closed Won', 'Proposal') THEN 'won'"), "{sql}");
    let funnel = kpi_sql(KpiId::FunnelConversion, &ws, &scope_2024(), Dialect::DuckDb);
    assert!(funnel.contains("WHEN 'Prospecting' THEN 1"), "{funnel}");
    assert!(!funnel.contains("WHEN 'Proposal' THEN"), "{funnel}");
    assert!(funnel.contains("WHEN status = 'won' THEN 2"));
    // A stage marked unknown lists the open stages instead.
    let d = ws.deals.as_mut().unwrap();
    let mut rules = d.stage_rules.clone();
    rules.status_of[d.stage.code_of("Prospecting").unwrap() as usize] = Status::Unknown;
    rules.open_order.clear();
    d.apply_stage_rules(rules);
    let sql = kpi_sql(KpiId::DealsWon, &ws, &scope_2024(), Dialect::DuckDb);
    assert!(!sql.contains("IS NOT NULL THEN 'open'"), "{sql}");
    assert!(kpi_sql(KpiId::FunnelConversion, &ws, &scope_2024(), Dialect::DuckDb).contains("-- undefined: "));
    // A status column is used as it is.
    let mut ws = Workspace::default();
    load(
        &mut ws,
        DatasetKind::Deals,
        "deal_id,amount,status,created_date,close_date\nD1,5,won,2024-01-01,2024-01-02\n",
    );
    assert!(ws.deals.as_ref().unwrap().status_from_column);
    let sql = kpi_sql(KpiId::WinRate, &ws, &scope_2024(), Dialect::DuckDb);
    assert!(sql.contains("CASE WHEN status IN ('open', 'won', 'lost') THEN status END AS status"), "{sql}");
    assert!(!sql.contains("stage"), "{sql}");
    let _ = StageRules::default();
}

#[test]
fn the_currency_and_settings_are_embedded() {
    let ws = full();
    let code = ws.deals.as_ref().unwrap().currency.as_ref().unwrap().code_of("EUR");
    let s = Scope { currency: code, ..scope_2024() };
    let sql = kpi_sql(KpiId::PipelineValue, &ws, &s, Dialect::DuckDb);
    assert!(sql.contains("CASE WHEN currency = 'EUR' THEN amount END AS amount"), "{sql}");
    let mut s = scope_2024();
    s.settings.gross_margin = 0.35;
    s.settings.revenue_target = Some(800_000_000.0);
    assert!(kpi_sql(KpiId::Clv, &ws, &s, Dialect::DuckDb).contains("* 0.35"));
    let needed = kpi_sql(KpiId::LeadsNeeded, &ws, &s, Dialect::DuckDb);
    assert!(needed.contains("SELECT 800000000 AS target"), "{needed}");
    assert!(!code_only(&needed).contains("quotas"), "a typed target needs no quotas");
    assert_eq!(Dialect::DuckDb.number(1e300), "1e300");
    assert_eq!(Dialect::DuckDb.number(-2.5), "(-2.5)");
    assert_eq!(Dialect::DuckDb.number(f64::NAN), "CAST(NULL AS DOUBLE)");
}

#[test]
fn missing_data_gives_null_with_the_reason() {
    let mut ws = Workspace::default();
    load(&mut ws, DatasetKind::Deals, "deal_id,amount,stage,created_date,close_date\nD1,5,Won,2024-01-01,2024-01-02\n");
    let sql = kpi_sql(KpiId::Mrr, &ws, &scope_2024(), Dialect::DuckDb);
    assert!(sql.contains("-- undefined: needs customers: customer_id, start_date, mrr"), "{sql}");
    assert!(sql.ends_with("SELECT CAST(NULL AS DOUBLE) AS value;\n"));
    let sql = kpi_sql(KpiId::RevenueMix, &ws, &scope_2024(), Dialect::BigQuery);
    assert!(sql.ends_with("SELECT CAST(NULL AS FLOAT64) AS value;\n"), "{sql}");
    // Queries name only the columns the data has.
    let sql = kpi_sql(KpiId::Revenue, &ws, &scope_2024(), Dialect::DuckDb);
    for absent in ["owner", "team", "currency", "lost_stage", "account"] {
        assert!(!code_only(&sql).contains(absent), "{absent}: {sql}");
    }
}

#[test]
fn dialects_differ_only_through_their_helpers() {
    let ws = full();
    let s = scope_2024();
    let get = |id: KpiId, d: Dialect| kpi_sql(id, &ws, &s, d);
    assert!(get(KpiId::LeadResponseTime, Dialect::DuckDb).contains("median(minutes)"));
    assert!(
        get(KpiId::LeadResponseTime, Dialect::DuckDb).contains("(epoch(first_contact_at) - epoch(created_at)) / 60.0")
    );
    assert!(get(KpiId::LeadResponseTime, Dialect::Postgres)
        .contains("percentile_cont(0.5) WITHIN GROUP (ORDER BY minutes)"));
    assert!(get(KpiId::LeadResponseTime, Dialect::Postgres).contains("EXTRACT(EPOCH FROM first_contact_at)"));
    assert!(get(KpiId::DealSizeOutliers, Dialect::BigQuery)
        .contains("PERCENTILE_CONT(amount, 0.5) OVER (PARTITION BY owner)"));
    assert!(get(KpiId::LeadResponseTime, Dialect::BigQuery).contains("UNIX_SECONDS(created_at)"));
    // A double division in Spark: `/ 60.0` there is a DECIMAL one, rounded to 6 decimals.
    assert!(get(KpiId::LeadResponseTime, Dialect::Spark)
        .contains("CAST((unix_timestamp(first_contact_at) - unix_timestamp(created_at)) AS DOUBLE) / 60"));
    assert!(get(KpiId::DealSizeOutliers, Dialect::Spark).contains("percentile(amount, 0.5)"));
    assert!(get(KpiId::SalesCycleDays, Dialect::DuckDb).contains("date_diff('day', created_date, close_date)"));
    assert!(get(KpiId::SalesCycleDays, Dialect::Postgres).contains("(close_date - created_date)"));
    assert!(get(KpiId::SalesCycleDays, Dialect::BigQuery).contains("DATE_DIFF(close_date, created_date, DAY)"));
    assert!(get(KpiId::SalesCycleDays, Dialect::Spark).contains("datediff(close_date, created_date)"));
    assert!(get(KpiId::WinRate, Dialect::DuckDb).contains("count(*) FILTER (WHERE status = 'won')"));
    assert!(get(KpiId::WinRate, Dialect::BigQuery).contains("COUNTIF(status = 'won')"));
    assert!(get(KpiId::WinRate, Dialect::Spark).contains("count_if(status = 'won')"));
    assert!(get(KpiId::Revenue, Dialect::BigQuery).contains("SUM(CASE WHEN status = 'won' THEN amount END)"));
    for d in Dialect::ALL {
        assert!(!get(KpiId::Revenue, d).contains("FILTER") || matches!(d, Dialect::DuckDb | Dialect::Postgres));
        assert!(get(KpiId::ActivityVolume, d).contains(&d.ident("date")));
        assert_eq!(Dialect::parse(d.key()), Some(d));
    }
    assert!(get(KpiId::RevenueMix, Dialect::DuckDb).contains("contains(lower(trim(deal_type)), 'renew')"));
    assert!(get(KpiId::RevenueMix, Dialect::Spark).contains("instr(lower(trim(deal_type)), 'renew') > 0"));
    assert!(get(KpiId::QuotaAttainment, Dialect::Postgres).contains("CAST(date_trunc('month', period_start)"));
    assert_eq!(Dialect::parse("PostgreSQL"), Some(Dialect::Postgres));
    assert_eq!(Dialect::parse("oracle"), None);
}
