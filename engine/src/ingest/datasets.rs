//! The seven datasets of KPI_SPEC.md, their canonical fields, and which one a file holds,
//! judged from its headers.

use super::mapping::{missing_required, normalise_header, FieldSpec, DEAL_FIELDS};
use super::meaning::{assign, Assignment, Choice};
use crate::table::FieldType;
use serde::{Deserialize, Serialize};

/// A kind of table a user can load.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DatasetKind {
    /// Opportunities with amounts and stages.
    Deals,
    /// Leads with created and first-contact times.
    Leads,
    /// Calls, emails, meetings, demos.
    Activities,
    /// Customers with start and end dates and MRR.
    Customers,
    /// Marketing and sales spend.
    Spend,
    /// Quotas per rep and period.
    Quotas,
    /// Forecasts per period (and rep).
    Forecasts,
    /// An earlier export of the same deals (KPI_SPEC_PIPELINE_CHANGE.md): read like deals,
    /// kept apart from them, compared with them on the Pipeline change page. A role the user
    /// gives a deals file, never what a file is detected as.
    EarlierDeals,
    /// A stage history: one row per change of a deal (deal id, stage, changed at, amount,
    /// close date), e.g. Salesforce `OpportunityHistory` or Pipedrive's deal flow.
    History,
}

const fn req(name: &'static str, synonyms: &'static [&'static str]) -> FieldSpec {
    FieldSpec { name, required: true, one_of: None, synonyms }
}

const fn opt(name: &'static str, synonyms: &'static [&'static str]) -> FieldSpec {
    FieldSpec { name, required: false, one_of: None, synonyms }
}

const LEAD_FIELDS: &[FieldSpec] = &[
    req("lead_id", &["lead_id", "leadid", "lead", "id", "record_id", "lead_nummer", "id_leada", "线索编号", "线索id"]),
    req(
        "created_at",
        &[
            "created_at",
            "created_date",
            "createddate",
            "create_date",
            "created",
            "erstellt_am",
            "data_utworzenia",
            "创建时间",
            "创建日期",
        ],
    ),
    opt("source", &["source", "lead_source", "leadsource", "channel", "quelle", "źródło", "来源"]),
    opt(
        "owner",
        &["owner", "lead_owner", "assigned_to", "owner_name", "sales_rep", "besitzer", "właściciel", "负责人"],
    ),
    opt(
        "first_contact_at",
        &[
            "first_contact_at",
            "first_contact",
            "first_contacted_at",
            "first_response_at",
            "first_touch_at",
            "erster_kontakt",
            "pierwszy_kontakt",
            "首次联系时间",
        ],
    ),
    opt("qualified_at", &["qualified_at", "qualified_date", "date_qualified", "mql_date", "sql_date"]),
    opt("qualified", &["qualified", "is_qualified", "isqualified"]),
    opt(
        "deal_id",
        &["deal_id", "opportunity_id", "converted_opportunity_id", "convertedopportunityid", "opportunityid"],
    ),
    opt("touchpoints_to_meeting", &["touchpoints_to_meeting", "touchpoints", "touches_to_meeting"]),
];

const ACTIVITY_FIELDS: &[FieldSpec] = &[
    opt("activity_id", &["activity_id", "activityid", "id", "task_id"]),
    req(
        "owner",
        &[
            "owner",
            "activity_owner",
            "assigned_to",
            "owner_name",
            "sales_rep",
            "rep",
            "user",
            "besitzer",
            "właściciel",
            "负责人",
        ],
    ),
    req("type", &["type", "activity_type", "activitytype", "task_type", "kind", "typ", "art", "类型"]),
    req("date", &["date", "activity_date", "due_date", "duedate", "completed_at", "datum", "data", "日期"]),
    opt("lead_id", &["lead_id", "leadid"]),
    opt("deal_id", &["deal_id", "opportunity_id", "opportunityid"]),
];

const CUSTOMER_FIELDS: &[FieldSpec] = &[
    req(
        "customer_id",
        &[
            "customer_id",
            "customerid",
            // One row per subscription: each is a customer spell of its own.
            "subscription_id",
            "account_id",
            "accountid",
            "client_id",
            "kunden_id",
            "id_klienta",
            "客户编号",
            "客户id",
        ],
    ),
    req(
        "start_date",
        &[
            "start_date",
            "startdate",
            "customer_since",
            "signup_date",
            "subscription_start",
            "startdatum",
            "data_rozpoczęcia",
            "开始日期",
        ],
    ),
    opt(
        "end_date",
        &[
            "end_date",
            "enddate",
            "churn_date",
            "cancelled_at",
            "canceled_at",
            "subscription_end",
            "enddatum",
            "data_zakończenia",
            "结束日期",
        ],
    ),
    opt(
        "mrr",
        &["mrr", "mrr_amount", "monthly_revenue", "monthly_recurring_revenue", "monthlycharges", "monthly_charges"],
    ),
    opt("plan", &["plan", "plan_tier", "plan_name", "tier", "tarif", "plan_taryfowy"]),
    opt("segment", &["segment", "customer_segment", "size", "segment_klienta"]),
];

const SPEND_FIELDS: &[FieldSpec] = &[
    req(
        "date",
        &["date", "month", "period", "spend_date", "period_start", "datum", "monat", "miesiąc", "日期", "月份"],
    ),
    req(
        "amount",
        &["amount", "spend", "cost", "costs", "spend_amount", "betrag", "kosten", "kwota", "koszt", "金额", "费用"],
    ),
    opt("category", &["category", "spend_category", "type", "kategorie", "kategoria", "类别"]),
    opt("channel", &["channel", "source", "campaign", "kanal", "kanał", "渠道"]),
];

const QUOTA_FIELDS: &[FieldSpec] = &[
    req(
        "owner",
        &[
            "owner",
            "rep",
            "sales_rep",
            "salesperson",
            "owner_name",
            "user",
            "verkäufer",
            "handlowiec",
            "负责人",
            "销售",
        ],
    ),
    req("period_start", &["period_start", "month", "period", "start_date", "quota_start", "monat", "miesiąc", "月份"]),
    req(
        "quota",
        &["quota", "target", "quota_amount", "sales_target", "ziel", "kontingent", "cel", "limit", "配额", "目标"],
    ),
    opt("period_end", &["period_end", "end_date", "quota_end"]),
];

const FORECAST_FIELDS: &[FieldSpec] = &[
    req(
        "period_start",
        &["period_start", "month", "period", "start_date", "forecast_period", "monat", "miesiąc", "月份"],
    ),
    req("forecast", &["forecast", "forecast_amount", "commit", "forecast_value", "prognose", "prognoza", "预测"]),
    opt("owner", &["owner", "rep", "sales_rep", "owner_name", "user", "handlowiec", "负责人"]),
    opt("period_end", &["period_end", "end_date"]),
];

/// The history table of KPI_SPEC_PIPELINE_CHANGE.md. `changed_at` is named only by headers
/// that say "when this changed" (a deals export has none of them), so a deals export is never
/// taken for a history; Salesforce's `OpportunityHistory` calls it `CreatedDate`, which a deals
/// export has too, so there the column is chosen by hand or the `OpportunityId` column (a
/// history names the opportunity it belongs to) tells it apart (see [`detect_datasets`]).
const HISTORY_FIELDS: &[FieldSpec] = &[
    req(
        "deal_id",
        &["deal_id", "opportunityid", "opportunity_id", "dealid", "deal", "deal_record_id", "opportunity", "record_id"],
    ),
    req(
        "stage",
        &["stage", "stagename", "stage_name", "to_stage", "new_stage", "deal_stage", "dealstage", "new_value", "phase"],
    ),
    req(
        "changed_at",
        &[
            "changed_at",
            "changed_date",
            "change_date",
            "date_changed",
            "changed",
            "edit_date",
            "stage_change_date",
            "stage_changed_at",
            "entered_at",
            "date_entered",
            "update_time",
            "log_time",
            "timestamp",
        ],
    ),
    opt("amount", &["amount", "new_amount", "deal_value", "value"]),
    opt("close_date", &["close_date", "closedate", "expected_close_date", "new_close_date"]),
];

/// Headers only a history export has: a file with one of them and a complete history fit is a
/// history even when its other headers fit deals as well, and its `CreatedDate` is when the
/// change happened (Salesforce `OpportunityHistory`).
const HISTORY_MARKERS: &[&str] =
    &["opportunityid", "prevamount", "prevclosedate", "from_stage", "old_value", "changed_at", "edit_date"];

impl DatasetKind {
    /// Every dataset, in the order of KPI_SPEC.md, then the two of KPI_SPEC_PIPELINE_CHANGE.md.
    pub const ALL: [DatasetKind; 9] = [
        DatasetKind::Deals,
        DatasetKind::Leads,
        DatasetKind::Activities,
        DatasetKind::Customers,
        DatasetKind::Spend,
        DatasetKind::Quotas,
        DatasetKind::Forecasts,
        DatasetKind::EarlierDeals,
        DatasetKind::History,
    ];

    /// Its name (`deals`, `leads`, ...).
    pub fn name(self) -> &'static str {
        match self {
            DatasetKind::Deals => "deals",
            DatasetKind::Leads => "leads",
            DatasetKind::Activities => "activities",
            DatasetKind::Customers => "customers",
            DatasetKind::Spend => "spend",
            DatasetKind::Quotas => "quotas",
            DatasetKind::Forecasts => "forecasts",
            DatasetKind::EarlierDeals => "earlier_deals",
            DatasetKind::History => "history",
        }
    }

    /// Its canonical fields and the header names they are recognised by.
    pub fn fields(self) -> &'static [FieldSpec] {
        match self {
            DatasetKind::Deals => DEAL_FIELDS,
            DatasetKind::Leads => LEAD_FIELDS,
            DatasetKind::Activities => ACTIVITY_FIELDS,
            DatasetKind::Customers => CUSTOMER_FIELDS,
            DatasetKind::Spend => SPEND_FIELDS,
            DatasetKind::Quotas => QUOTA_FIELDS,
            DatasetKind::Forecasts => FORECAST_FIELDS,
            DatasetKind::EarlierDeals => DEAL_FIELDS,
            DatasetKind::History => HISTORY_FIELDS,
        }
    }

    /// How a field of this dataset is stored. Deals have their own table
    /// ([`crate::DealsTable`]); for them this says how the report describes a column.
    pub fn field_type(self, field: &str) -> FieldType {
        match field {
            "lead_id" | "deal_id" | "activity_id" | "customer_id" => FieldType::Id,
            "created_at" | "first_contact_at" | "qualified_at" | "changed_at" => FieldType::Timestamp,
            "date" if self == DatasetKind::Activities => FieldType::Timestamp,
            "date" | "period_start"
                if matches!(self, DatasetKind::Spend | DatasetKind::Quotas | DatasetKind::Forecasts) =>
            {
                FieldType::Month
            }
            "start_date" | "end_date" | "period_end" | "created_date" | "close_date" | "won_date" | "lost_date" => {
                FieldType::Date
            }
            "amount" | "mrr" | "quota" | "forecast" | "touchpoints_to_meeting" | "probability" => FieldType::Number,
            "qualified" | "is_won" | "is_closed" => FieldType::Flag,
            _ => FieldType::Category,
        }
    }

    /// The field that identifies a row, if the dataset has one: rows repeating a key are
    /// rejected (the first is kept), and leads and customers rows without one too.
    pub fn key(self) -> Option<&'static str> {
        match self {
            DatasetKind::Deals | DatasetKind::EarlierDeals => Some("deal_id"),
            DatasetKind::Leads => Some("lead_id"),
            DatasetKind::Activities => Some("activity_id"),
            DatasetKind::Customers => Some("customer_id"),
            DatasetKind::Spend | DatasetKind::Quotas | DatasetKind::Forecasts | DatasetKind::History => None,
        }
    }

    /// Whether it is read into a deals table (the deals, or an earlier export of them).
    pub fn is_deals(self) -> bool {
        matches!(self, DatasetKind::Deals | DatasetKind::EarlierDeals)
    }

    /// Whether its dates only follow the deals' (the earlier export, the history): they do not
    /// anchor the reporting period.
    pub fn follows_deals(self) -> bool {
        matches!(self, DatasetKind::EarlierDeals | DatasetKind::History)
    }

    /// Whether a file can be detected as this dataset by its headers: every dataset but the
    /// earlier export, which is a role the user gives a deals file.
    pub fn detectable(self) -> bool {
        self != DatasetKind::EarlierDeals
    }

    /// The required fields (or groups) that `headers` leave without a column.
    pub fn missing(self, headers: &[String]) -> Vec<&'static str> {
        self.missing_in(&self.auto_map(headers))
    }

    /// The column of each field of [`DatasetKind::fields`] recognised by its header alone
    /// (see [`DatasetKind::assign`]).
    pub fn auto_map(self, headers: &[String]) -> Vec<Option<usize>> {
        self.assign(headers, &[]).mapping()
    }

    /// The column of each field, chosen by the headers' words and a sample of `rows` as
    /// evidence ([`assign`]), with the reason for each; a history export marked as one (see
    /// `HISTORY_MARKERS`) takes its created date as the time of the change when nothing else
    /// names it.
    pub fn assign(self, headers: &[String], rows: &[Vec<String>]) -> Assignment {
        let mut guess = assign(self.fields(), headers, rows);
        if self == DatasetKind::History && history_marked(headers) {
            let at = self.fields().iter().position(|f| f.name == "changed_at");
            if let Some(slot @ None) = at.and_then(|i| guess.chosen.get_mut(i)) {
                *slot = headers
                    .iter()
                    .position(|h| matches!(normalise_header(h).as_str(), "createddate" | "created_date"))
                    .map(|column| Choice {
                        column,
                        score: 0,
                        reason: super::meaning::MappingReason {
                            header: headers[column].clone(),
                            field: "changed_at",
                            how: super::meaning::How::ChangedAt,
                            evidence: None,
                        },
                    });
            }
        }
        guess
    }

    /// The required fields (or groups) that `mapping` (a column per field of
    /// [`DatasetKind::fields`]) leaves without a column.
    pub fn missing_in(self, mapping: &[Option<usize>]) -> Vec<&'static str> {
        let fields = self.fields();
        let mut missing = missing_required(fields, mapping);
        if self.is_deals() {
            let mapped = |name: &str| fields.iter().zip(mapping).any(|(f, m)| f.name == name && m.is_some());
            if mapped("is_won") && mapped("is_closed") {
                // IsWon + IsClosed say open / won / lost as well as a status column does.
                missing.retain(|m| *m != "stage or status");
            }
        }
        missing
    }
}

/// How well a file's headers fit one dataset.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DatasetFit {
    /// The dataset.
    pub kind: DatasetKind,
    /// Required fields (or groups) with no column.
    pub missing: Vec<&'static str>,
    /// Canonical fields that found a column.
    pub matched: Vec<&'static str>,
}

impl DatasetFit {
    /// Whether every required field found a column.
    pub fn complete(&self) -> bool {
        self.missing.is_empty()
    }
}

/// Whether `headers` carry a column only a history export has.
fn history_marked(headers: &[String]) -> bool {
    headers.iter().any(|h| HISTORY_MARKERS.contains(&normalise_header(h).as_str()))
}

/// Every dataset ranked by how well `headers` fit it: complete fits first, then more matched
/// fields, then fewer missing ones.
///
/// ```
/// use pipelens_engine::ingest::{detect_datasets, DatasetKind};
/// let headers: Vec<String> = ["LeadID", "LeadSource", "CreatedDate"].map(String::from).to_vec();
/// assert_eq!(detect_datasets(&headers)[0].kind, DatasetKind::Leads);
/// ```
pub fn detect_datasets(headers: &[String]) -> Vec<DatasetFit> {
    let marked = history_marked(headers);
    let mut fits: Vec<DatasetFit> = DatasetKind::ALL
        .iter()
        .filter(|k| k.detectable())
        .map(|&kind| {
            let fields = kind.fields();
            let mapping = kind.auto_map(headers);
            let matched = fields.iter().zip(&mapping).filter(|(_, m)| m.is_some()).map(|(f, _)| f.name).collect();
            DatasetFit { kind, missing: kind.missing(headers), matched }
        })
        .collect();
    let history_first = |f: &DatasetFit| !(marked && f.kind == DatasetKind::History);
    crate::sort::sort_by_key(&mut fits, |f| {
        (!f.complete(), history_first(f), std::cmp::Reverse(f.matched.len()), f.missing.len())
    });
    fits
}

#[cfg(test)]
mod tests {
    use super::*;

    fn best(headers: &[&str]) -> (DatasetKind, bool) {
        let h: Vec<String> = headers.iter().map(|s| s.to_string()).collect();
        let fit = &detect_datasets(&h)[0];
        (fit.kind, fit.complete())
    }

    #[test]
    fn recognises_each_dataset_from_its_headers() {
        let cases: &[(&[&str], DatasetKind)] = &[
            (
                &[
                    "opportunity_id",
                    "sales_agent",
                    "product",
                    "account",
                    "deal_stage",
                    "engage_date",
                    "close_date",
                    "close_value",
                ],
                DatasetKind::Deals,
            ),
            (&["LeadID", "ContactID", "LeadSource", "LeadStatus", "CreatedDate", "Notes"], DatasetKind::Leads),
            (&["activity_id", "owner", "type", "date", "lead_id"], DatasetKind::Activities),
            (
                &["subscription_id", "account_id", "start_date", "end_date", "plan_tier", "seats", "mrr_amount"],
                DatasetKind::Customers,
            ),
            (&["month", "channel", "category", "spend"], DatasetKind::Spend),
            (&["owner", "period_start", "quota"], DatasetKind::Quotas),
            (&["period_start", "owner", "forecast"], DatasetKind::Forecasts),
        ];
        for (headers, want) in cases {
            assert_eq!(best(headers), (*want, true), "{headers:?}");
        }
    }

    #[test]
    fn history_exports_read_as_history_and_deals_exports_stay_deals() {
        let cases: &[(&[&str], DatasetKind)] = &[
            // Salesforce OpportunityHistory (Data Loader): its change time is CreatedDate.
            (
                &[
                    "Id",
                    "OpportunityId",
                    "CreatedDate",
                    "StageName",
                    "Amount",
                    "CloseDate",
                    "Probability",
                    "PrevAmount",
                ],
                DatasetKind::History,
            ),
            (&["deal_id", "stage", "changed_at", "amount", "close_date"], DatasetKind::History),
            (&["Deal ID", "New stage", "Update time"], DatasetKind::History),
            // A Salesforce opportunity export has CreatedDate too, and stays deals.
            (&["Opportunity ID", "Stage", "Amount", "Close Date", "Created Date", "Owner"], DatasetKind::Deals),
            (&["deal_id", "amount", "stage", "created_date"], DatasetKind::Deals),
        ];
        for (headers, want) in cases {
            assert_eq!(best(headers), (*want, true), "{headers:?}");
        }
        let h: Vec<String> = ["deal_id", "stage", "created_date"].map(String::from).to_vec();
        assert_ne!(best(&["deal_id", "stage", "created_date"]).0, DatasetKind::History, "no marker, no history");
        assert!(detect_datasets(&h).iter().all(|f| f.kind != DatasetKind::EarlierDeals), "a role, never detected");
        assert!(DatasetKind::EarlierDeals.is_deals() && DatasetKind::History.follows_deals());
        assert_eq!(DatasetKind::EarlierDeals.missing(&h), DatasetKind::Deals.missing(&h));
    }

    #[test]
    fn a_partial_match_is_ranked_but_not_complete() {
        // The synthetic CRM's activities have no owner column.
        let (kind, complete) =
            best(&["ActivityID", "LeadID", "ActivityType", "Subject", "DueDate", "Completed", "Notes"]);
        assert_eq!((kind, complete), (DatasetKind::Activities, false));
    }

    #[test]
    fn every_dataset_has_unique_field_names() {
        for kind in DatasetKind::ALL {
            let mut names: Vec<&str> = kind.fields().iter().map(|f| f.name).collect();
            let n = names.len();
            crate::sort::sort_by(&mut names, Ord::cmp);
            names.dedup();
            assert_eq!(names.len(), n, "{}", kind.name());
        }
    }
}
