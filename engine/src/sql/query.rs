//! Building one KPI query: named CTEs, one idea each, and the scope every KPI starts from
//! (deal status, filters, currency).

use super::dialect::{comment_text, Dialect};
use crate::deals_table::{DealsTable, Dim};
use crate::ingest::DatasetKind;
use crate::period::Period;
use crate::stage::Status;
use crate::table::Column;
use crate::workspace::{Scope, Workspace};

/// A one-row CTE and the column of it that holds a figure (NULL when undefined).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Part {
    /// The CTE's name.
    pub cte: String,
    /// The column.
    pub col: String,
}

impl Part {
    pub fn new(cte: impl Into<String>, col: impl Into<String>) -> Part {
        Part { cte: cte.into(), col: col.into() }
    }

    /// `cte.col`, for use in an expression over the CTE.
    pub fn at(&self) -> String {
        format!("{}.{}", self.cte, self.col)
    }
}

/// Why a KPI has no SQL value: the data it needs is not loaded (the query is `SELECT NULL`).
pub(crate) type Missing = String;

struct Cte {
    name: String,
    comment: String,
    body: String,
}

/// One KPI query under construction.
pub(crate) struct Query<'a> {
    pub ws: &'a Workspace,
    pub scope: &'a Scope,
    pub d: Dialect,
    ctes: Vec<Cte>,
    /// Lines for the header comment (filters a dataset could not apply, settings used...).
    pub notes: Vec<String>,
    /// Periods the query uses beside the scope's, for the header: (what, period).
    pub periods: Vec<(String, Period)>,
}

impl<'a> Query<'a> {
    pub fn new(ws: &'a Workspace, scope: &'a Scope, d: Dialect) -> Query<'a> {
        Query { ws, scope, d, ctes: Vec::new(), notes: Vec::new(), periods: Vec::new() }
    }

    /// Adds a CTE (once: a second call with the same name keeps the first) and returns its name.
    pub fn with(&mut self, name: &str, comment: &str, body: String) -> String {
        if !self.ctes.iter().any(|c| c.name == name) {
            self.ctes.push(Cte { name: name.to_owned(), comment: comment.to_owned(), body });
        }
        name.to_owned()
    }

    /// Notes a header line once.
    pub fn note(&mut self, line: String) {
        if !self.notes.contains(&line) {
            self.notes.push(line);
        }
    }

    /// Notes a comparison period once.
    pub fn note_period(&mut self, what: &str, p: Period) {
        if !self.periods.iter().any(|(w, _)| w == what) {
            self.periods.push((what.to_owned(), p));
        }
    }

    /// The WITH clause and the final SELECT of `value` from the one-row `part`.
    pub fn finish(&self, part: &Part) -> String {
        let mut out = String::new();
        if !self.ctes.is_empty() {
            out.push_str("WITH\n");
            for (i, c) in self.ctes.iter().enumerate() {
                out.push_str(&format!("-- {}\n{} AS (\n", comment_text(&c.comment), c.name));
                for line in c.body.lines() {
                    out.push_str("    ");
                    out.push_str(line);
                    out.push('\n');
                }
                out.push_str(if i + 1 == self.ctes.len() { ")\n" } else { "),\n" });
            }
        }
        out.push_str(&format!("SELECT {} AS value\nFROM {};\n", self.d.to_double(&part.at()), part.cte));
        out
    }

    // ----- literals -------------------------------------------------------------------------

    pub fn s(&self, v: &str) -> String {
        self.d.string(v)
    }

    pub fn date(&self, day: crate::Day) -> String {
        self.d.date(day)
    }

    pub fn id(&self, name: &str) -> String {
        self.d.ident(name)
    }

    /// `expr BETWEEN DATE 'from' AND DATE 'to'`.
    pub fn within(&self, expr: &str, p: Period) -> String {
        format!("{expr} BETWEEN {} AND {}", self.date(p.from), self.date(p.to))
    }

    // ----- what is loaded -------------------------------------------------------------------

    pub fn deals(&self) -> Option<&'a DealsTable> {
        self.ws.deals.as_ref()
    }

    /// Whether a dataset other than deals is loaded with a column for `field`.
    pub fn has(&self, kind: DatasetKind, field: &str) -> bool {
        self.ws.table(kind).is_some_and(|t| t.column(field).is_some())
    }

    pub fn loaded(&self, kind: DatasetKind) -> bool {
        self.ws.rows(kind).is_some()
    }

    /// Whether a dataset's `field` holds dates with times (else plain dates).
    pub fn is_timestamp(&self, kind: DatasetKind, field: &str) -> bool {
        matches!(self.ws.table(kind).and_then(|t| t.column(field)), Some(Column::Timestamp(_)))
    }

    /// A date-valued expression for a dataset's date or timestamp `field`.
    pub fn day_of(&self, kind: DatasetKind, field: &str) -> String {
        let col = self.id(field);
        if self.is_timestamp(kind, field) {
            self.d.to_date(&col)
        } else {
            col
        }
    }

    // ----- deals ----------------------------------------------------------------------------

    /// The deals with their status (unfiltered), and amounts only in the scope's currency.
    pub fn deals_with_status(&mut self) -> String {
        let Some(deals) = self.deals() else { return "deals".into() };
        let d = self.d;
        let mut cols = vec!["deal_id".to_owned()];
        let amount = match (self.scope.currency, &deals.currency) {
            (Some(code), Some(cur)) => match cur.value(code) {
                Some(name) => {
                    self.note(format!("amounts: only deals in currency {} are added up", name));
                    format!("CASE WHEN currency = {} THEN amount END AS amount", self.s(name))
                }
                None => format!("{} AS amount", d.null_double()),
            },
            _ => "amount".to_owned(),
        };
        cols.push(amount);
        let has_stage = !deals.stage.values.is_empty();
        if has_stage {
            cols.push("stage".into());
        }
        cols.extend(["created_date".to_owned(), "close_date".to_owned()]);
        for dim in Dim::ALL {
            if deals.dim(dim).is_some() {
                cols.push(dim.field().to_owned());
            }
        }
        if deals.account.is_some() {
            cols.push("account".into());
        }
        if deals.lost_stage.is_some() {
            cols.push("lost_stage".into());
        }
        if deals.probability.is_some() {
            cols.push("probability".into());
        }
        if deals.forecast_category.is_some() {
            cols.push("forecast_category".into());
        }
        // The entered_<stage> dates, as columns named by the stage their header names.
        cols.extend(deals.entered.iter().map(|(stage, _)| self.id(&format!("entered_{stage}"))));
        let (status, comment) = if deals.status_from_column {
            (
                "CASE WHEN status IN ('open', 'won', 'lost') THEN status END AS status".to_owned(),
                "every deal with its status as the status column gives it".to_owned(),
            )
        } else if has_stage {
            (self.status_case(deals), "every deal with its status, read from its stage by the stage rules".to_owned())
        } else {
            (format!("CAST(NULL AS {}) AS status", d.text()), "the deals have no stage: no status is known".to_owned())
        };
        cols.push(status);
        let body = format!("SELECT\n    {}\nFROM deals", cols.join(",\n    "));
        self.with("deals_with_status", &comment, body)
    }

    /// One export of the deals (`table`: `deals` or `earlier_deals`) with its status, as the
    /// pipeline comparison reads it: every amount as written (the comparison picks the
    /// currency itself), the `currency` column when there is one, and the segment columns.
    pub fn export_with_status(&mut self, table: &str, deals: &DealsTable) -> String {
        let mut cols = vec!["deal_id".to_owned(), "amount".to_owned()];
        if deals.currency.is_some() {
            cols.push("currency".into());
        }
        cols.extend(["created_date".to_owned(), "close_date".to_owned()]);
        cols.extend(Dim::ALL.iter().filter(|&&dim| deals.dim(dim).is_some()).map(|dim| dim.field().to_owned()));
        let status = if deals.status_from_column {
            "CASE WHEN status IN ('open', 'won', 'lost') THEN status END AS status".to_owned()
        } else if !deals.stage.values.is_empty() {
            self.status_case(deals)
        } else {
            format!("CAST(NULL AS {}) AS status", self.d.text())
        };
        cols.push(status);
        let body = format!("SELECT\n    {}\nFROM {table}", cols.join(",\n    "));
        self.with(&format!("{table}_export"), &format!("the {table} export with each deal's status"), body)
    }

    /// `CASE ... END AS status` from the stage names by the workspace's stage rules.
    fn status_case(&mut self, deals: &DealsTable) -> String {
        let rules = &deals.stage_rules;
        let names = |want: Status| -> Vec<String> {
            (0..deals.stage.values.len() as u32)
                .filter(|&c| rules.status(c) == want)
                .filter_map(|c| deals.stage.value(c).map(str::to_owned))
                .collect()
        };
        let (won, lost, open) = (names(Status::Won), names(Status::Lost), names(Status::Open));
        let any_unknown = (0..deals.stage.values.len() as u32).any(|c| rules.status(c) == Status::Unknown);
        let mut arms = Vec::new();
        if !won.is_empty() {
            arms.push(format!("WHEN stage IN ({}) THEN 'won'", self.d.strings(&won)));
        }
        if !lost.is_empty() {
            arms.push(format!("WHEN stage IN ({}) THEN 'lost'", self.d.strings(&lost)));
        }
        if any_unknown {
            if !open.is_empty() {
                arms.push(format!("WHEN stage IN ({}) THEN 'open'", self.d.strings(&open)));
            }
        } else {
            arms.push("WHEN stage IS NOT NULL THEN 'open'".into());
        }
        let describe = |v: &[String]| if v.is_empty() { "none".to_owned() } else { v.join(", ") };
        self.note(format!(
            "status from stage: won = {}; lost = {}; {}",
            describe(&won),
            describe(&lost),
            if any_unknown {
                format!("open = {}; other stages unknown", describe(&open))
            } else {
                "every other stage open".into()
            }
        ));
        format!("CASE\n        {}\n    END AS status", arms.join("\n        "))
    }

    /// The deals the scope's filters select, with their status. Without a filter that reaches
    /// the deals this is `deals_with_status` itself.
    pub fn deals_in_scope(&mut self) -> String {
        let base = self.deals_with_status();
        let Some(deals) = self.deals() else { return base };
        let mut conds = Vec::new();
        for (dim, values) in self.scope.filters.active() {
            if deals.dim(dim).is_some() {
                conds.push(format!("{} IN ({})", dim.field(), self.d.strings(values)));
            } else {
                self.note(format!("deals have no {}: not filtered by it", dim.label()));
            }
        }
        if conds.is_empty() {
            return base;
        }
        let body = format!("SELECT *\nFROM {base}\nWHERE {}", conds.join("\n  AND "));
        self.with("deals_in_scope", "the deals the filters select", body)
    }

    /// Deals (in scope) closed, won or lost, in `p`: CTE `closed_<tag>`.
    pub fn closed_in(&mut self, p: Period, tag: &str) -> String {
        let deals = self.deals_in_scope();
        let body =
            format!("SELECT *\nFROM {deals}\nWHERE status IN ('won', 'lost')\n  AND {}", self.within("close_date", p));
        let what = match tag {
            "previous" => "the previous period",
            "year_earlier" => "the same period a year earlier",
            _ => "the period",
        };
        self.with(&format!("closed_{tag}"), &format!("deals closed (won or lost) in {what} {}", show(p)), body)
    }

    // ----- other datasets -------------------------------------------------------------------

    /// The rows of `kind` (leads, activities, quotas, forecasts) the filters select; the table
    /// itself when no filter reaches it.
    pub fn in_scope(&mut self, kind: DatasetKind) -> String {
        let table = kind.name().to_owned();
        let mut conds = Vec::new();
        let filters: Vec<(Dim, Vec<String>)> = self.scope.filters.active().map(|(d, v)| (d, v.to_vec())).collect();
        for (dim, values) in filters {
            let own = match (dim, kind) {
                (
                    Dim::Owner,
                    DatasetKind::Leads | DatasetKind::Activities | DatasetKind::Quotas | DatasetKind::Forecasts,
                ) => Some("owner"),
                (Dim::LeadSource, DatasetKind::Leads) => Some("source"),
                _ => None,
            };
            let via_owner = matches!(dim, Dim::Team | Dim::Region)
                && matches!(
                    kind,
                    DatasetKind::Leads | DatasetKind::Activities | DatasetKind::Quotas | DatasetKind::Forecasts
                );
            if let Some(col) = own.filter(|c| self.has(kind, c)) {
                conds.push(format!("{} IN ({})", self.id(col), self.d.strings(&values)));
            } else if via_owner
                && self.has(kind, "owner")
                && self.deals().is_some_and(|d| d.dim(Dim::Owner).is_some() && d.dim(dim).is_some())
            {
                let main = self.main_value_of_owner(dim);
                conds.push(format!(
                    "owner IN (SELECT owner FROM {main} WHERE {} IN ({}))",
                    dim.field(),
                    self.d.strings(&values)
                ));
            } else {
                self.note(format!("{} has no {}: not filtered by it", kind.name(), dim.label()));
            }
        }
        if conds.is_empty() {
            return table;
        }
        let body = format!("SELECT *\nFROM {table}\nWHERE {}", conds.join("\n  AND "));
        let comment = if matches!(
            kind,
            DatasetKind::Leads | DatasetKind::Activities | DatasetKind::Quotas | DatasetKind::Forecasts
        ) && self.scope.filters.active().any(|(d, _)| matches!(d, Dim::Team | Dim::Region))
        {
            format!(
                "the {} the filters select (a team or region reaches them through each owner's main team or region)",
                kind.name()
            )
        } else {
            format!("the {} the filters select", kind.name())
        };
        self.with(&format!("{}_in_scope", kind.name()), &comment, body)
    }

    /// Each rep's main team (or region): the value most of their deals carry, a tie going to the
    /// value first in byte order (`crate::filter::main_value_of_owners`).
    fn main_value_of_owner(&mut self, dim: Dim) -> String {
        let f = dim.field();
        // Postgres would order by the database's locale; the engine orders by bytes.
        let order = if self.d == Dialect::Postgres { format!("{f} COLLATE \"C\"") } else { f.to_owned() };
        let body = format!(
            "SELECT owner, {f}\nFROM (\n    SELECT\n        owner,\n        {f},\n        row_number() OVER (PARTITION BY owner ORDER BY count(*) DESC, {order}) AS pick\n    FROM deals\n    WHERE owner IS NOT NULL\n      AND {f} IS NOT NULL\n    GROUP BY owner, {f}\n) AS ranked\nWHERE pick = 1"
        );
        self.with(
            &format!("main_{f}_of_owner"),
            &format!(
                "each rep's main {}: the one most of their deals carry (a tie goes to the first in alphabetical order)",
                dim.label()
            ),
            body,
        )
    }

    /// Plan rows (quotas or forecasts) in scope with their period: `period_end` defaults to the
    /// end of `period_start`'s month. Rows without a start or an amount in `field` are left out.
    pub fn plan_periods(&mut self, kind: DatasetKind, field: &str) -> String {
        let src = self.in_scope(kind);
        let end = if self.has(kind, "period_end") {
            format!("coalesce(period_end, {})", self.d.month_end("period_start"))
        } else {
            self.d.month_end("period_start")
        };
        let owner = if self.has(kind, "owner") { "owner,\n    " } else { "" };
        let body = format!(
            "SELECT\n    {owner}{field},\n    period_start,\n    {end} AS period_end\nFROM {src}\nWHERE period_start IS NOT NULL\n  AND {field} IS NOT NULL"
        );
        self.with(
            &format!("{}_periods", kind.name()),
            &format!("{} rows with their period (period_end defaults to the end of the start's month)", kind.name()),
            body,
        )
    }
}

/// A period as the header and comments show it.
pub(super) fn show(p: Period) -> String {
    format!("{} to {}", p.from, p.to)
}
