//! Header auto-mapping: which column of a file holds which canonical field.

/// A canonical field of a dataset and the header names it is recognised by.
#[derive(Debug)]
pub struct FieldSpec {
    /// Canonical name (KPI_SPEC.md).
    pub name: &'static str,
    /// Whether the dataset cannot load without it. Fields sharing a `one_of` group are
    /// required as a group: any one of them will do.
    pub required: bool,
    /// Group of alternative required fields (`stage` or `status`), if any.
    pub one_of: Option<&'static str>,
    /// Header names, normalised by [`normalise_header`], that mean this field.
    pub synonyms: &'static [&'static str],
}

const fn field(name: &'static str, required: bool, synonyms: &'static [&'static str]) -> FieldSpec {
    FieldSpec { name, required, one_of: None, synonyms }
}

/// The deals dataset: canonical names, then the names used by the Maven CRM sample, HubSpot,
/// Salesforce and Pipedrive exports, and German, Polish and Chinese headers. Within a field,
/// earlier names win when a file has several.
pub const DEAL_FIELDS: &[FieldSpec] = &[
    field(
        "deal_id",
        true,
        &[
            "deal_id",
            "opportunity_id",
            "record_id",
            "id",
            "deal",
            "opportunity",
            "dealid",
            "opportunityid",
            "deal_id_2",
            "chance_id",
            "deal_nummer",
            "identyfikator",
            "id_szansy",
            "商机编号",
            "商机id",
            "编号",
            // A name stands in for the id only when there is no id column.
            "deal_name",
            "opportunity_name",
            "deal_title",
        ],
    ),
    field(
        "amount",
        true,
        &[
            "amount",
            "close_value",
            "deal_value",
            "value",
            "deal_amount",
            "revenue",
            "opportunity_amount",
            "betrag",
            "wert",
            "umsatz",
            "kwota",
            "wartość",
            "wartosc",
            "金额",
            "商机金额",
            "成交金额",
        ],
    ),
    FieldSpec {
        name: "stage",
        required: true,
        one_of: Some("stage or status"),
        synonyms: &[
            "stage",
            "deal_stage",
            "stagename",
            "stage_name",
            "sales_stage",
            "phase",
            "verkaufsphase",
            "etap",
            "etap_sprzedaży",
            "阶段",
            "销售阶段",
            "商机阶段",
        ],
    },
    FieldSpec {
        name: "status",
        required: true,
        one_of: Some("stage or status"),
        synonyms: &["status", "deal_status", "outcome", "ergebnis", "状态", "商机状态"],
    },
    field("is_won", false, &["is_won", "iswon", "won"]),
    field("is_closed", false, &["is_closed", "isclosed", "closed"]),
    field(
        "created_date",
        true,
        &[
            "created_date",
            "engage_date",
            "create_date",
            "createddate",
            "created",
            "created_at",
            "date_created",
            "creation_date",
            "deal_created",
            "deal_deal_created",
            "created_time",
            "erstellungsdatum",
            "erstellt_am",
            "angelegt_am",
            "data_utworzenia",
            "utworzono",
            "创建日期",
            "创建时间",
        ],
    ),
    field(
        "close_date",
        false,
        &[
            "close_date",
            "closedate",
            "closed_date",
            "closed_at",
            "date_closed",
            "closing_date",
            "abschlussdatum",
            "data_zamknięcia",
            "data_zamkniecia",
            "成交日期",
            "关闭日期",
            "结束日期",
        ],
    ),
    field("won_date", false, &["won_date", "won_time", "deal_won_time", "won_at"]),
    field("lost_date", false, &["lost_date", "lost_time", "deal_lost_time", "lost_at"]),
    field(
        "owner",
        false,
        &[
            "owner",
            "sales_agent",
            "deal_owner",
            "opportunity_owner",
            "ownerid",
            "owner_id",
            "sales_rep",
            "rep",
            "salesperson",
            "agent",
            "owner_name",
            "besitzer",
            "verantwortlicher",
            "vertriebsmitarbeiter",
            "właściciel",
            "wlasciciel",
            "handlowiec",
            "负责人",
            "销售",
            "销售代表",
            "所有者",
        ],
    ),
    field("team", false, &["team", "sales_team", "manager", "zespół", "zespol", "团队", "销售团队"]),
    field("region", false, &["region", "regional_office", "territory", "sales_region", "gebiet", "区域", "地区"]),
    field("product", false, &["product", "product_name", "item", "produkt", "产品"]),
    field(
        "lead_source",
        false,
        &[
            "lead_source",
            "leadsource",
            "source",
            "channel",
            "quelle",
            "lead_quelle",
            "źródło",
            "zrodlo",
            "来源",
            "线索来源",
        ],
    ),
    field(
        "deal_type",
        false,
        &["deal_type", "type", "opportunity_type", "business_type", "typ", "art", "类型", "商机类型"],
    ),
    field("lost_stage", false, &["lost_stage", "lost_at_stage", "stage_lost", "lost_in_stage", "verloren_in_phase"]),
    field(
        "currency",
        false,
        &[
            "currency",
            "currencyisocode",
            "currency_iso_code",
            "deal_currency",
            "currency_code",
            "währung",
            "waehrung",
            "waluta",
            "币种",
            "货币",
        ],
    ),
    field(
        "probability",
        false,
        &[
            "probability",
            "probability_percent",
            "deal_probability",
            "win_probability",
            "hs_deal_stage_probability",
            "wahrscheinlichkeit",
            "abschlusswahrscheinlichkeit",
            "prawdopodobieństwo",
            "prawdopodobienstwo",
            "概率",
            "赢率",
            "成交概率",
        ],
    ),
    field(
        "forecast_category",
        false,
        &[
            "forecast_category",
            "forecastcategoryname",
            "forecastcategory",
            "forecast_category_name",
            "hs_manual_forecast_category",
            "prognosekategorie",
            "forecast_kategorie",
            "kategoria_prognozy",
            "预测类别",
            "预测分类",
        ],
    ),
    field(
        "account",
        false,
        &[
            "account",
            "account_name",
            "company",
            "customer",
            "client",
            "kunde",
            "firma",
            "unternehmen",
            "klient",
            "客户",
            "公司",
        ],
    ),
];

/// Lower-cases a header and turns every run of non-alphanumeric characters into one `_`:
/// `"Deal - Value"` → `deal_value`, `"Close Date"` → `close_date`.
pub fn normalise_header(header: &str) -> String {
    let mut out = String::with_capacity(header.len());
    for c in header.trim().trim_start_matches('\u{feff}').chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('_') {
            out.push('_');
        }
    }
    out.trim_matches('_').to_owned()
}

/// For each field of `fields`, the index of the header that maps to it, from the headers alone
/// (a header is used by at most one field): see [`super::meaning::assign`].
pub fn auto_map(fields: &[FieldSpec], headers: &[String]) -> Vec<Option<usize>> {
    super::meaning::assign(fields, headers, &[]).mapping()
}

/// Like [`auto_map`], with a sample of the file's rows as evidence: a column whose cells cannot
/// be the field (text for an amount, numbers for a date) is not chosen by its header's words.
pub fn auto_map_rows(fields: &[FieldSpec], headers: &[String], rows: &[Vec<String>]) -> Vec<Option<usize>> {
    super::meaning::assign(fields, headers, rows).mapping()
}

/// The required fields (or `one_of` groups) that `mapping` leaves without a column.
pub fn missing_required(fields: &[FieldSpec], mapping: &[Option<usize>]) -> Vec<&'static str> {
    let mut missing = Vec::new();
    for (f, m) in fields.iter().zip(mapping) {
        if !f.required || m.is_some() {
            continue;
        }
        match f.one_of {
            Some(group) => {
                let any = fields.iter().zip(mapping).any(|(g, m)| g.one_of == Some(group) && m.is_some());
                if !any && !missing.contains(&group) {
                    missing.push(group);
                }
            }
            None => missing.push(f.name),
        }
    }
    missing
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    fn mapped(fields: &[FieldSpec], h: &[String]) -> Vec<(&'static str, String)> {
        auto_map(fields, h).into_iter().zip(fields).filter_map(|(m, f)| Some((f.name, h[m?].clone()))).collect()
    }

    #[test]
    fn normalises_headers() {
        for (raw, want) in [
            ("Deal - Value", "deal_value"),
            (" Close Date ", "close_date"),
            ("\u{feff}ID", "id"),
            ("StageName", "stagename"),
            ("金额", "金额"),
        ] {
            assert_eq!(normalise_header(raw), want);
        }
    }

    #[test]
    fn maps_maven_headers() {
        let h = headers(&[
            "opportunity_id",
            "sales_agent",
            "product",
            "account",
            "deal_stage",
            "engage_date",
            "close_date",
            "close_value",
        ]);
        let m = mapped(DEAL_FIELDS, &h);
        let want = [
            ("deal_id", "opportunity_id"),
            ("amount", "close_value"),
            ("stage", "deal_stage"),
            ("created_date", "engage_date"),
            ("close_date", "close_date"),
            ("owner", "sales_agent"),
            ("product", "product"),
            ("account", "account"),
        ];
        assert_eq!(m, want.map(|(a, b)| (a, b.to_string())));
        assert!(missing_required(DEAL_FIELDS, &auto_map(DEAL_FIELDS, &h)).is_empty());
    }

    #[test]
    fn maps_canonical_headers() {
        let h = headers(&["deal_id", "amount", "status", "created_date", "owner", "lead_source", "deal_type"]);
        let m = mapped(DEAL_FIELDS, &h);
        assert_eq!(m.len(), 7);
        assert!(missing_required(DEAL_FIELDS, &auto_map(DEAL_FIELDS, &h)).is_empty());
    }

    #[test]
    fn maps_crm_exports_and_other_languages() {
        type Case<'a> = (&'a [&'a str], &'a [(&'a str, &'a str)]);
        let cases: &[Case] = &[
            (
                &[
                    "Record ID",
                    "Deal Name",
                    "Deal Stage",
                    "Amount",
                    "Close Date",
                    "Create Date",
                    "Deal owner",
                    "Pipeline",
                    "Deal Type",
                ],
                &[
                    ("deal_id", "Record ID"),
                    ("amount", "Amount"),
                    ("stage", "Deal Stage"),
                    ("created_date", "Create Date"),
                    ("close_date", "Close Date"),
                    ("owner", "Deal owner"),
                    ("deal_type", "Deal Type"),
                ],
            ),
            (
                &[
                    "Opportunity ID",
                    "Opportunity Name",
                    "StageName",
                    "Amount",
                    "CloseDate",
                    "CreatedDate",
                    "OwnerId",
                    "Type",
                    "Lead Source",
                    "IsWon",
                    "IsClosed",
                ],
                &[
                    ("deal_id", "Opportunity ID"),
                    ("amount", "Amount"),
                    ("stage", "StageName"),
                    ("is_won", "IsWon"),
                    ("is_closed", "IsClosed"),
                    ("created_date", "CreatedDate"),
                    ("close_date", "CloseDate"),
                    ("owner", "OwnerId"),
                    ("lead_source", "Lead Source"),
                    ("deal_type", "Type"),
                ],
            ),
            (
                &[
                    "Deal - Title",
                    "Deal - Value",
                    "Deal - Currency",
                    "Deal - Stage",
                    "Deal - Status",
                    "Deal - Owner",
                    "Deal - Deal created",
                    "Deal - Won time",
                    "Deal - Lost time",
                ],
                &[
                    ("deal_id", "Deal - Title"),
                    ("amount", "Deal - Value"),
                    ("stage", "Deal - Stage"),
                    ("status", "Deal - Status"),
                    ("created_date", "Deal - Deal created"),
                    ("won_date", "Deal - Won time"),
                    ("lost_date", "Deal - Lost time"),
                    ("owner", "Deal - Owner"),
                    ("currency", "Deal - Currency"),
                ],
            ),
            (
                &["ID", "Betrag", "Phase", "Erstellt am", "Abschlussdatum", "Verantwortlicher", "Produkt", "Kunde"],
                &[
                    ("deal_id", "ID"),
                    ("amount", "Betrag"),
                    ("stage", "Phase"),
                    ("created_date", "Erstellt am"),
                    ("close_date", "Abschlussdatum"),
                    ("owner", "Verantwortlicher"),
                    ("product", "Produkt"),
                    ("account", "Kunde"),
                ],
            ),
            (
                &["Identyfikator", "Kwota", "Etap", "Data utworzenia", "Data zamknięcia", "Handlowiec", "Źródło"],
                &[
                    ("deal_id", "Identyfikator"),
                    ("amount", "Kwota"),
                    ("stage", "Etap"),
                    ("created_date", "Data utworzenia"),
                    ("close_date", "Data zamknięcia"),
                    ("owner", "Handlowiec"),
                    ("lead_source", "Źródło"),
                ],
            ),
            (
                &["商机编号", "金额", "阶段", "创建日期", "成交日期", "负责人", "产品"],
                &[
                    ("deal_id", "商机编号"),
                    ("amount", "金额"),
                    ("stage", "阶段"),
                    ("created_date", "创建日期"),
                    ("close_date", "成交日期"),
                    ("owner", "负责人"),
                    ("product", "产品"),
                ],
            ),
        ];
        for (h, want) in cases {
            let got = mapped(DEAL_FIELDS, &headers(h));
            let want: Vec<(&str, String)> = want.iter().map(|(f, c)| (*f, c.to_string())).collect();
            assert_eq!(got, want, "{h:?}");
        }
    }

    #[test]
    fn reports_missing_required_fields() {
        let h = headers(&["name", "amount"]);
        let missing = missing_required(DEAL_FIELDS, &auto_map(DEAL_FIELDS, &h));
        assert_eq!(missing, ["deal_id", "stage or status", "created_date"]);
    }

    #[test]
    fn a_header_serves_one_field() {
        // `value` could be amount; `amount` is the stronger synonym and wins; `value` stays free.
        let h = headers(&["value", "amount"]);
        assert_eq!(auto_map(DEAL_FIELDS, &h)[1], Some(1));
    }
}
