//! The SQL dialects the KPIs are written in, and the few places where they differ: literals,
//! identifiers, date and timestamp arithmetic, conditional aggregates and medians.
//!
//! DuckDB is the reference dialect, executed by the referee (`tests/referee/referee.py`). The
//! Postgres, BigQuery and Spark variants are generated through the same helpers; the warehouse
//! tests (`tests/warehouse/`) run the PostgreSQL and Spark SQL ones in those databases and parse
//! the BigQuery ones.

use crate::day::Day;

/// A SQL dialect.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
pub enum Dialect {
    /// DuckDB: the reference dialect, executed by the project's referee.
    DuckDb,
    /// PostgreSQL (standard_conforming_strings on, the default since 9.1).
    Postgres,
    /// Google BigQuery (GoogleSQL).
    BigQuery,
    /// Apache Spark SQL 3.x (run with `spark.sql.session.timeZone` = UTC).
    Spark,
}

impl Dialect {
    /// Every dialect, the reference one first.
    pub const ALL: [Dialect; 4] = [Dialect::DuckDb, Dialect::Postgres, Dialect::BigQuery, Dialect::Spark];

    /// Its name as shown: `DuckDB`, `PostgreSQL`, `BigQuery`, `Spark SQL`.
    pub fn name(self) -> &'static str {
        match self {
            Dialect::DuckDb => "DuckDB",
            Dialect::Postgres => "PostgreSQL",
            Dialect::BigQuery => "BigQuery",
            Dialect::Spark => "Spark SQL",
        }
    }

    /// Its short key, as the command line takes it: `duckdb`, `postgres`, `bigquery`, `spark`.
    pub fn key(self) -> &'static str {
        match self {
            Dialect::DuckDb => "duckdb",
            Dialect::Postgres => "postgres",
            Dialect::BigQuery => "bigquery",
            Dialect::Spark => "spark",
        }
    }

    /// The dialect for a key of [`Dialect::key`] (any letter case; `postgresql` too).
    pub fn parse(key: &str) -> Option<Dialect> {
        let k = key.trim().to_ascii_lowercase();
        if k == "postgresql" || k == "pg" {
            return Some(Dialect::Postgres);
        }
        Dialect::ALL.into_iter().find(|d| d.key() == k)
    }

    /// A string literal. Quotes are doubled; where the dialect reads backslash escapes
    /// (BigQuery, Spark) backslashes and quotes are escaped with a backslash instead. Control
    /// characters are written as escapes there too, so no value can end the literal early.
    pub fn string(self, s: &str) -> String {
        match self {
            Dialect::DuckDb | Dialect::Postgres => format!("'{}'", s.replace('\'', "''")),
            Dialect::BigQuery | Dialect::Spark => {
                let mut out = String::with_capacity(s.len() + 2);
                out.push('\'');
                for c in s.chars() {
                    match c {
                        '\\' => out.push_str("\\\\"),
                        '\'' => out.push_str("\\'"),
                        '\n' => out.push_str("\\n"),
                        '\r' => out.push_str("\\r"),
                        '\t' => out.push_str("\\t"),
                        c if c.is_control() => {
                            // Both read \uXXXX; characters beyond the BMP are never control.
                            out.push_str(&format!("\\u{:04x}", c as u32));
                        }
                        c => out.push(c),
                    }
                }
                out.push('\'');
                out
            }
        }
    }

    /// A list of string literals for `IN (...)`.
    pub fn strings<S: AsRef<str>>(self, values: &[S]) -> String {
        values.iter().map(|v| self.string(v.as_ref())).collect::<Vec<_>>().join(", ")
    }

    /// A date literal: `DATE '2024-03-01'` (the same in every dialect here).
    pub fn date(self, d: Day) -> String {
        format!("DATE '{d}'")
    }

    /// A number literal that reads back as the same double. Not finite: NULL.
    pub fn number(self, v: f64) -> String {
        if !v.is_finite() {
            return format!("CAST(NULL AS {})", self.double());
        }
        let plain = format!("{v}");
        // Display never uses an exponent: keep it when short, else the exponent form.
        let text = if plain.len() <= 18 { plain } else { format!("{v:e}") };
        if text.starts_with('-') {
            format!("({text})")
        } else {
            text
        }
    }

    /// A column or table name, quoted when it is a word some dialect reserves (`date`, `type`).
    pub fn ident(self, name: &str) -> String {
        const QUOTE: &[&str] =
            &["date", "type", "month", "year", "order", "group", "user", "end", "value", "timestamp"];
        let plain = name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
            && name.bytes().next().is_some_and(|b| b.is_ascii_lowercase() || b == b'_');
        if plain && !QUOTE.contains(&name) {
            return name.to_owned();
        }
        match self {
            Dialect::DuckDb | Dialect::Postgres => format!("\"{}\"", name.replace('"', "\"\"")),
            Dialect::BigQuery | Dialect::Spark => format!("`{}`", name.replace('`', "")),
        }
    }

    /// The name of the 64-bit float type.
    pub fn double(self) -> &'static str {
        match self {
            Dialect::DuckDb | Dialect::Spark => "DOUBLE",
            Dialect::Postgres => "DOUBLE PRECISION",
            Dialect::BigQuery => "FLOAT64",
        }
    }

    /// The name of the text type.
    pub fn text(self) -> &'static str {
        match self {
            Dialect::DuckDb => "VARCHAR",
            Dialect::Postgres => "TEXT",
            Dialect::BigQuery | Dialect::Spark => "STRING",
        }
    }

    /// `expr` as a double (so a count divided by a count is never integer division).
    pub fn to_double(self, expr: &str) -> String {
        format!("CAST({expr} AS {})", self.double())
    }

    /// A typed NULL double.
    pub fn null_double(self) -> String {
        format!("CAST(NULL AS {})", self.double())
    }

    /// The calendar date of a timestamp (UTC: the tables hold UTC timestamps).
    pub fn to_date(self, ts: &str) -> String {
        format!("CAST({ts} AS DATE)")
    }

    /// Whole days from date `from` to date `to` (negative when `to` is earlier).
    pub fn day_diff(self, from: &str, to: &str) -> String {
        match self {
            Dialect::DuckDb => format!("date_diff('day', {from}, {to})"),
            Dialect::Postgres => format!("({to} - {from})"),
            Dialect::BigQuery => format!("DATE_DIFF({to}, {from}, DAY)"),
            Dialect::Spark => format!("datediff({to}, {from})"),
        }
    }

    /// Seconds since 1970-01-01 UTC of a timestamp.
    pub fn epoch_seconds(self, ts: &str) -> String {
        match self {
            Dialect::DuckDb => format!("epoch({ts})"),
            Dialect::Postgres => format!("EXTRACT(EPOCH FROM {ts})"),
            Dialect::BigQuery => format!("UNIX_SECONDS({ts})"),
            Dialect::Spark => format!("unix_timestamp({ts})"),
        }
    }

    /// Minutes from timestamp `from` to timestamp `to`, as a double. Spark reads `60.0` as a
    /// DECIMAL and rounds the quotient to 6 decimals, so there the seconds are made a double
    /// first (found by running the kit in Spark SQL, `tests/warehouse/`).
    pub fn minutes_between(self, from: &str, to: &str) -> String {
        let seconds = format!("({} - {})", self.epoch_seconds(to), self.epoch_seconds(from));
        match self {
            Dialect::Spark => format!("{} / 60", self.to_double(&seconds)),
            _ => format!("{seconds} / 60.0"),
        }
    }

    /// The last day of the month of date `d`.
    pub fn month_end(self, d: &str) -> String {
        match self {
            Dialect::DuckDb | Dialect::Spark => format!("last_day({d})"),
            Dialect::Postgres => {
                format!("CAST(date_trunc('month', {d}) + INTERVAL '1 month' - INTERVAL '1 day' AS DATE)")
            }
            Dialect::BigQuery => format!("LAST_DAY({d})"),
        }
    }

    /// Whether text `hay` contains the literal `needle`.
    pub fn contains(self, hay: &str, needle: &str) -> String {
        let n = self.string(needle);
        match self {
            Dialect::DuckDb => format!("contains({hay}, {n})"),
            Dialect::Postgres => format!("strpos({hay}, {n}) > 0"),
            Dialect::BigQuery => format!("STRPOS({hay}, {n}) > 0"),
            Dialect::Spark => format!("instr({hay}, {n}) > 0"),
        }
    }

    /// `hay` contains any of `needles` (an OR of [`Dialect::contains`]).
    pub fn contains_any(self, hay: &str, needles: &[&str]) -> String {
        needles.iter().map(|n| self.contains(hay, n)).collect::<Vec<_>>().join(" OR ")
    }

    /// Lower-cased, trimmed text.
    pub fn lower_trim(self, expr: &str) -> String {
        format!("lower(trim({expr}))")
    }

    /// The number of rows where `cond` holds (0 over no rows).
    pub fn count_if(self, cond: &str) -> String {
        match self {
            Dialect::DuckDb | Dialect::Postgres => format!("count(*) FILTER (WHERE {cond})"),
            Dialect::BigQuery => format!("COUNTIF({cond})"),
            Dialect::Spark => format!("count_if({cond})"),
        }
    }

    /// Σ `expr` over the rows where `cond` holds (NULL over no such row).
    pub fn sum_if(self, expr: &str, cond: &str) -> String {
        match self {
            Dialect::DuckDb | Dialect::Postgres => format!("sum({expr}) FILTER (WHERE {cond})"),
            Dialect::BigQuery | Dialect::Spark => format!("SUM(CASE WHEN {cond} THEN {expr} END)"),
        }
    }

    /// The body of a query giving, per value of `group` (or once, for `None`), the exact median
    /// of `value` over `source` (the mean of the two middle values for an even count) as
    /// `median_value` and the number of values as `n`. Rows where `value` is NULL are skipped.
    /// BigQuery has no exact median aggregate, so it takes `PERCENTILE_CONT` over a window.
    pub fn median_body(self, source: &str, value: &str, group: Option<&str>) -> String {
        let keys = group.map_or(String::new(), |g| format!("{g}, "));
        let group_by = group.map_or(String::new(), |g| format!("\nGROUP BY {g}"));
        let aggregate = |median: String| {
            format!("SELECT {keys}{median} AS median_value, count({value}) AS n\nFROM {source}\nWHERE {value} IS NOT NULL{group_by}")
        };
        match self {
            Dialect::DuckDb => aggregate(format!("median({value})")),
            Dialect::Postgres => aggregate(format!("percentile_cont(0.5) WITHIN GROUP (ORDER BY {value})")),
            Dialect::Spark => aggregate(format!("percentile({value}, 0.5)")),
            Dialect::BigQuery => {
                let over = group.map_or("OVER ()".to_owned(), |g| format!("OVER (PARTITION BY {g})"));
                format!(
                    "SELECT DISTINCT {keys}PERCENTILE_CONT({value}, 0.5) {over} AS median_value, COUNT(*) {over} AS n\nFROM {source}\nWHERE {value} IS NOT NULL"
                )
            }
        }
    }
}

/// Text safe inside a `--` comment: no line breaks or other control characters that could end
/// the comment and let the rest run as SQL.
pub fn comment_text(s: &str) -> String {
    s.chars().map(|c| if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{85}') { ' ' } else { c }).collect()
}
